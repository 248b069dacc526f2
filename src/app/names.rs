//! Names of the model's values in the app's language (tiers, segments, stages), shared by the
//! screens and the filter bar.

use super::*;

/// The label of a group line, e.g. `高端客户` or `青年 · 投资型`.
pub fn group_label(app: &App, key: GroupKey) -> String {
    match key {
        GroupKey::Tier(t) => tier_name(app, t).to_string(),
        GroupKey::Segment(_, age, pref) => {
            format!(
                "{} · {}",
                age_name(app.ctx.lang, age),
                pref_name(app.ctx.lang, pref)
            )
        }
    }
}

/// The tier's name in the app's language.
pub fn tier_name(app: &App, tier: usize) -> &str {
    app.ctx
        .policy
        .tiers
        .get(tier)
        .map(|t| match app.ctx.lang {
            Lang::Zh => t.zh.as_str(),
            Lang::En => t.en.as_str(),
        })
        .unwrap_or("?")
}

/// The age segment's name.
pub fn age_name(lang: Lang, age: AgeSegment) -> &'static str {
    match age {
        AgeSegment::Young => T::AgeYoung.get(lang),
        AgeSegment::Senior => T::AgeSenior.get(lang),
    }
}

/// The preference segment's name.
pub fn pref_name(lang: Lang, pref: Preference) -> &'static str {
    match pref {
        Preference::Investment => T::PrefInvestment.get(lang),
        Preference::Savings => T::PrefSavings.get(lang),
    }
}

/// The lifecycle stage's name.
pub fn lifecycle_name(lang: Lang, l: Lifecycle) -> &'static str {
    match l {
        Lifecycle::Prospect => T::LifeProspect.get(lang),
        Lifecycle::New => T::LifeNew.get(lang),
        Lifecycle::Established => T::LifeEstablished.get(lang),
        Lifecycle::Loyal => T::LifeLoyal.get(lang),
        Lifecycle::Dormant => T::LifeDormant.get(lang),
    }
}

/// Every segment pair, for tests and the filter bar.
pub fn segments() -> [(AgeSegment, Preference); 4] {
    SEGMENTS
}
