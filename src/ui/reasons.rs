//! Queue reasons and score terms in words, in the app's language: "到期 3 天后 ¥300,000", "本月未沟通（已逾期 5 天）", "回电 15:00". Money through the money formatters, never floats.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::app::{App, tier_name};
use crate::domain::cadence::{CadencePeriod, Obligation};
use crate::domain::money::format_whole;
use crate::domain::queue::{QueueItem, Reason};
use crate::domain::signals::Signal;
use crate::domain::urgency::ReasonCode;
use crate::i18n::{Lang, T, fill};

/// Whole yuan with the sign, `¥300,000`: a reason line has no room for fen.
pub fn yuan(amount: Decimal) -> String {
    format!("¥{}", format_whole(amount))
}

/// "今天" / "明天" / "3 天后".
fn when(lang: Lang, days: i64) -> String {
    match days {
        0 => T::TodayWord.get(lang).to_string(),
        1 => T::Tomorrow.get(lang).to_string(),
        n => fill(T::InDays.get(lang), &[&n]),
    }
}

/// "本月" / "this month" / "14 天内".
fn period(lang: Lang, period: CadencePeriod) -> String {
    match period {
        CadencePeriod::Week => T::PerWeek.get(lang).to_string(),
        CadencePeriod::Month => T::PerMonth.get(lang).to_string(),
        CadencePeriod::Quarter => T::PerQuarter.get(lang).to_string(),
        CadencePeriod::Year => T::PerYear.get(lang).to_string(),
        CadencePeriod::Days(n) => fill(T::PerDays.get(lang), &[&n]),
    }
}

/// One reason in words.
pub fn reason_text(app: &App, reason: &Reason) -> String {
    let lang = app.ctx.lang;
    let t = |text: T| text.get(lang);
    match reason {
        Reason::Signal(signal) => signal_text(app, signal),
        Reason::Obligation {
            status,
            period: p,
            overdue_days,
        } => {
            let template = match status.obligation {
                Obligation::Contact => T::RsnNoContact,
                Obligation::Visit => T::RsnNoVisit,
                Obligation::Sale => T::RsnNoSale,
                Obligation::RiskReview => T::RsnNoRiskReview,
                Obligation::Sms => T::RsnNoSms,
            };
            let mut text = fill(t(template), &[&period(lang, *p)]);
            match overdue_days {
                1 => text.push_str(t(T::RsnOverdueOne)),
                n if *n > 1 => text.push_str(&fill(t(T::RsnOverdue), &[n])),
                _ => {}
            }
            text
        }
        Reason::SmsOwed(n) => fill(t(T::RsnSms), &[n]),
    }
}

fn signal_text(app: &App, signal: &Signal) -> String {
    let lang = app.ctx.lang;
    let t = |text: T| text.get(lang);
    match signal {
        Signal::Callback { due_at, .. } => {
            // The time alone today; an older call-back still waiting shows its date.
            let at = if due_at.date() == app.ctx.today {
                due_at.format("%H:%M").to_string()
            } else {
                due_at.format("%m-%d %H:%M").to_string()
            };
            fill(t(T::RsnCallback), &[&at])
        }
        Signal::Maturity {
            kind, amount, days, ..
        } => {
            // "理财明天到期", but "理财到期 3 天后": each as a Chinese speaker says it.
            let template = if *days <= 1 {
                T::RsnMaturityNear
            } else {
                T::RsnMaturity
            };
            let product = crate::domain::names::product_name(lang, *kind);
            fill(t(template), &[&product, &when(lang, *days), &yuan(*amount)])
        }
        Signal::LargeOutflow { drop, .. } => fill(t(T::RsnOutflow), &[&yuan(*drop)]),
        Signal::Birthday { days, .. } => fill(t(T::RsnBirthday), &[&when(lang, *days)]),
        Signal::RiskAssessment { expires_on, days } => match (expires_on, days) {
            (None, _) => t(T::RsnRiskNever).to_string(),
            (Some(_), Some(d)) if *d >= 0 => fill(t(T::RsnRiskExpiring), &[&when(lang, *d)]),
            _ => t(T::RsnRiskExpired).to_string(),
        },
        Signal::Upgrade { next, gap } => {
            fill(t(T::RsnUpgrade), &[&tier_name(app, *next), &yuan(*gap)])
        }
        Signal::DowngradeRisk { .. } => t(T::RsnDowngrade).to_string(),
        Signal::NewCustomer { .. } => t(T::RsnNewCustomer).to_string(),
        Signal::Dormant => t(T::RsnDormant).to_string(),
    }
}

/// The row's reasons, most weighty first (by the coefficient of their term), so what matters
/// most survives when the line is cut.
pub fn ordered_reasons(item: &QueueItem) -> Vec<&Reason> {
    let weight = |r: &Reason| {
        item.score
            .terms
            .iter()
            .find(|t| t.name == r.code().key())
            .map_or(0.0, |t| t.coefficient)
    };
    let mut reasons: Vec<&Reason> = item.reasons.iter().collect();
    reasons.sort_by(|a, b| weight(b).total_cmp(&weight(a)));
    reasons
}

/// A score term's name in words (reason codes, tier, overdue, money at stake).
pub fn term_name(lang: Lang, name: &str) -> String {
    let text = match ReasonCode::from_key(name) {
        Some(code) => match code {
            ReasonCode::Callback => T::CodeCallback,
            ReasonCode::Maturity => T::CodeMaturity,
            ReasonCode::LargeOutflow => T::CodeOutflow,
            ReasonCode::Birthday => T::CodeBirthday,
            ReasonCode::RiskAssessment => T::CodeRisk,
            ReasonCode::ContactDue => T::CodeContact,
            ReasonCode::VisitDue => T::CodeVisit,
            ReasonCode::SaleDue => T::CodeSale,
            ReasonCode::SmsDue => T::CodeSms,
            ReasonCode::Upgrade => T::CodeUpgrade,
            ReasonCode::DowngradeRisk => T::CodeDowngrade,
            ReasonCode::NewCustomer => T::CodeNewCustomer,
            ReasonCode::Dormant => T::CodeDormant,
        },
        None => match name {
            "tier" => T::TermTier,
            "overdue" => T::TermOverdue,
            "amount" => T::TermAmount,
            // A term a newer policy adds shows under its own key rather than not at all.
            other => return other.to_string(),
        },
    };
    text.get(lang).to_string()
}

/// "至 11-30" for a dismissal, or, for a call-back, that it is settled for good.
pub fn until_text(app: &App, reason: &Reason, until: NaiveDate) -> String {
    if reason.code() == ReasonCode::Callback {
        return app.t(T::DismissSettled).to_string();
    }
    fill(app.t(T::DismissUntil), &[&until.format("%m-%d")])
}
