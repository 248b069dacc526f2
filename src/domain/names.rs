//! The names of the domain's own values (diary kinds, outcomes, products, roles, metrics) in
//! either language, from the i18n table. Here rather than in `i18n`, which stays a leaf that
//! knows no domain type.

use crate::i18n::{Lang, T};

/// The diary kind's name.
pub fn kind_name(lang: Lang, kind: crate::domain::diary::EntryKind) -> &'static str {
    match kind {
        crate::domain::diary::EntryKind::Call => T::KindCall.get(lang),
        crate::domain::diary::EntryKind::Sms => T::KindSms.get(lang),
        crate::domain::diary::EntryKind::Wechat => T::KindWechat.get(lang),
        crate::domain::diary::EntryKind::Visit => T::KindVisit.get(lang),
        crate::domain::diary::EntryKind::Sale => T::KindSale.get(lang),
        crate::domain::diary::EntryKind::RiskAssessment => T::KindRisk.get(lang),
        crate::domain::diary::EntryKind::Memo => T::KindMemo.get(lang),
        crate::domain::diary::EntryKind::Reflection => T::KindReflection.get(lang),
    }
}

/// The role's name.
pub fn role_name(lang: Lang, role: crate::domain::assignment::Role) -> &'static str {
    use crate::domain::assignment::Role;
    match role {
        Role::RelationshipManager => T::RoleRelationshipManager.get(lang),
        Role::TeamLead => T::RoleTeamLead.get(lang),
        Role::BranchHead => T::RoleBranchHead.get(lang),
        Role::CounterStaff => T::RoleCounterStaff.get(lang),
    }
}

/// The outcome's name.
pub fn outcome_name(lang: Lang, outcome: crate::domain::diary::Outcome) -> &'static str {
    match outcome {
        crate::domain::diary::Outcome::Reached => T::OutReached.get(lang),
        crate::domain::diary::Outcome::NotReached => T::OutNotReached.get(lang),
        crate::domain::diary::Outcome::CallbackRequested => T::OutCallback.get(lang),
        crate::domain::diary::Outcome::Refused => T::OutRefused.get(lang),
    }
}

/// The product kind's name.
pub fn product_name(lang: Lang, kind: crate::domain::customer::ProductKind) -> &'static str {
    match kind {
        crate::domain::customer::ProductKind::Fund => T::ProdFund.get(lang),
        crate::domain::customer::ProductKind::Wealth => T::ProdWealth.get(lang),
        crate::domain::customer::ProductKind::Insurance => T::ProdInsurance.get(lang),
        crate::domain::customer::ProductKind::Deposit => T::ProdDeposit.get(lang),
        crate::domain::customer::ProductKind::Bond => T::ProdBond.get(lang),
        crate::domain::customer::ProductKind::CreditCard => T::ProdCreditCard.get(lang),
        crate::domain::customer::ProductKind::EBanking => T::ProdEBanking.get(lang),
        crate::domain::customer::ProductKind::MobileBanking => T::ProdMobile.get(lang),
        crate::domain::customer::ProductKind::Payroll => T::ProdPayroll.get(lang),
        crate::domain::customer::ProductKind::Other => T::ProdOther.get(lang),
    }
}

/// The metric's name in words (the words are [`T`]'s; which word is the metric's own
/// exhaustive match, [`MetricKey::name`](crate::domain::review::MetricKey::name)).
pub fn metric_name(lang: Lang, key: crate::domain::review::MetricKey) -> String {
    key.name(lang)
}

/// The age segment's name (青年 / 中老年 | Young / Senior).
pub fn age_name(lang: Lang, age: crate::domain::classify::AgeSegment) -> &'static str {
    match age {
        crate::domain::classify::AgeSegment::Young => T::AgeYoung.get(lang),
        crate::domain::classify::AgeSegment::Senior => T::AgeSenior.get(lang),
    }
}

/// The preference segment's name (投资型 / 储蓄型 | Investment / Savings).
pub fn preference_name(lang: Lang, pref: crate::domain::customer::Preference) -> &'static str {
    match pref {
        crate::domain::customer::Preference::Investment => T::PrefInvestment.get(lang),
        crate::domain::customer::Preference::Savings => T::PrefSavings.get(lang),
    }
}

/// The lifecycle stage's name (潜在 … 沉睡 | Prospect … Dormant).
pub fn lifecycle_name(lang: Lang, stage: crate::domain::classify::Lifecycle) -> &'static str {
    use crate::domain::classify::Lifecycle;
    match stage {
        Lifecycle::Prospect => T::LifeProspect.get(lang),
        Lifecycle::New => T::LifeNew.get(lang),
        Lifecycle::Established => T::LifeEstablished.get(lang),
        Lifecycle::Loyal => T::LifeLoyal.get(lang),
        Lifecycle::Dormant => T::LifeDormant.get(lang),
    }
}
