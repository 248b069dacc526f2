//! Queue reasons and score terms in words, in the app's language: "到期 3 天后 ¥300,000", "99 天未沟通", "年底前需面谈（剩 29 天）", "回电 15:00", and what was done today ("已发短信 · 10:05 未接通"). Dates show their year when it is not this year. Money through the money formatters, never floats.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use crate::app::{App, tier_name};
use crate::domain::cadence::{CadencePeriod, Obligation, ObligationStatus};
use crate::domain::diary::{EntryKind, Outcome};
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

/// A date as a reason line shows it: `12-05` this year, `2025-03-02` another year.
pub fn date_text(day: NaiveDate, today: NaiveDate) -> String {
    if day.year() == today.year() {
        day.format("%m-%d").to_string()
    } else {
        day.format("%Y-%m-%d").to_string()
    }
}

/// A moment as a reason line shows it: `15:00` today, `11-20 15:00` or `2025-11-20 15:00`.
pub fn moment_text(at: NaiveDateTime, today: NaiveDate) -> String {
    if at.date() == today {
        at.format("%H:%M").to_string()
    } else {
        format!("{} {}", date_text(at.date(), today), at.format("%H:%M"))
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
        } => obligation_text(app, status, *p, *overdue_days),
        Reason::SmsOwed(n) => fill(t(T::RsnSms), &[n]),
    }
}

/// A due obligation in words: how long since the last touch that meets it when the last
/// period was missed ("99 天未沟通"); near the end of a quarter or a year, the days left
/// ("年底前需面谈（剩 29 天）"); otherwise the period and the last time ("本年未面谈 · 上次
/// 2025-03-02").
fn obligation_text(
    app: &App,
    status: &ObligationStatus,
    p: CadencePeriod,
    overdue_days: i64,
) -> String {
    let lang = app.ctx.lang;
    let t = |text: T| text.get(lang);
    let today = app.ctx.today;
    let (template, verb) = match status.obligation {
        Obligation::Contact => (T::RsnNoContact, T::VerbContact),
        Obligation::Visit => (T::RsnNoVisit, T::VerbVisit),
        Obligation::Sale => (T::RsnNoSale, T::VerbSale),
        Obligation::RiskReview => (T::RsnNoRiskReview, T::VerbRiskReview),
        Obligation::Sms => (T::RsnNoSms, T::VerbSms),
    };
    if overdue_days > 0 {
        return match status.last_satisfied {
            Some(last) => fill(
                t(T::RsnDaysWithout),
                &[&(today - last).num_days(), &t(verb)],
            ),
            None => fill(t(T::RsnNever), &[&t(verb)]),
        };
    }
    let left = (status.window.1 - today).num_days();
    let end = match p {
        CadencePeriod::Quarter => Some(T::EndQuarter),
        CadencePeriod::Year => Some(T::EndYear),
        _ => None,
    };
    if let Some(end) = end
        && left < 31
    {
        return fill(t(T::RsnBeforeEnd), &[&t(end), &t(verb), &left]);
    }
    let mut text = fill(t(template), &[&period(lang, p)]);
    if let Some(last) = status.last_satisfied {
        text.push_str(&fill(t(T::RsnLast), &[&date_text(last, today)]));
    }
    text
}

fn signal_text(app: &App, signal: &Signal) -> String {
    let lang = app.ctx.lang;
    let t = |text: T| text.get(lang);
    let today = app.ctx.today;
    match signal {
        Signal::Callback { due_at, .. } => {
            // The time alone today; an older call-back still waiting says how old it is.
            let late = (today - due_at.date()).num_days();
            let at = moment_text(*due_at, today);
            let minutes_to_go = (*due_at - app.ctx.now).num_minutes();
            match late {
                // On the queue ahead of its time (the policy's lead time): how long to go.
                ..=0 if minutes_to_go > 0 => fill(t(T::RsnCallbackSoon), &[&at, &minutes_to_go]),
                ..=0 => fill(t(T::RsnCallback), &[&at]),
                1 => fill(t(T::RsnCallbackYesterday), &[&at]),
                2..=59 => fill(t(T::RsnCallbackLate), &[&at, &late]),
                // Months old: the day is enough, and the key that closes it.
                _ => fill(
                    t(T::RsnCallbackStale),
                    &[&date_text(due_at.date(), today), &(late / 30)],
                ),
            }
        }
        Signal::Maturity {
            kind,
            amount,
            days,
            on,
            ..
        } => {
            let product = crate::domain::names::product_name(lang, *kind);
            if *days < 0 {
                // Matured without a word from us: the day it did, in red.
                return fill(
                    t(T::RsnMaturityPassed),
                    &[&product, &date_text(*on, today), &yuan(*amount)],
                );
            }
            // "理财明天到期", but "理财到期 3 天后": each as a Chinese speaker says it.
            let template = if *days <= 1 {
                T::RsnMaturityNear
            } else {
                T::RsnMaturity
            };
            fill(t(template), &[&product, &when(lang, *days), &yuan(*amount)])
        }
        Signal::LargeOutflow { drop, .. } => fill(t(T::RsnOutflow), &[&yuan(*drop)]),
        Signal::Birthday { days, .. } => fill(t(T::RsnBirthday), &[&when(lang, *days)]),
        Signal::RiskAssessment { expires_on, days } => match (expires_on, days) {
            (None, _) => t(T::RsnRiskNever).to_string(),
            (Some(on), Some(d)) if *d >= 0 => fill(
                t(T::RsnRiskExpiring),
                &[&date_text(*on, today), &when(lang, *d)],
            ),
            (Some(on), _) => fill(t(T::RsnRiskExpired), &[&date_text(*on, today)]),
        },
        Signal::Upgrade { next, gap } => {
            fill(t(T::RsnUpgrade), &[&tier_name(app, *next), &yuan(*gap)])
        }
        Signal::DowngradeRisk { .. } => t(T::RsnDowngrade).to_string(),
        Signal::NewCustomer { .. } => t(T::RsnNewCustomer).to_string(),
        Signal::Dormant => t(T::RsnDormant).to_string(),
    }
}

/// What was done with the customer today, in a few words: "已发短信", "10:05 未接通".
pub fn touched_text(app: &App, item: &QueueItem) -> Option<String> {
    let lang = app.ctx.lang;
    let mut words: Vec<String> = Vec::new();
    for e in &item.touched {
        let word = if e.outcome == Some(Outcome::NotReached) {
            continue;
        } else {
            match e.kind {
                EntryKind::Call => T::TouchCall,
                EntryKind::Sms => T::TouchSms,
                EntryKind::Wechat => T::TouchWechat,
                EntryKind::Visit => T::TouchVisit,
                EntryKind::Sale => T::TouchSale,
                EntryKind::RiskAssessment => T::TouchRisk,
                EntryKind::Memo | EntryKind::Reflection => T::TouchMemo,
            }
        }
        .get(lang)
        .to_string();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    if let Some(at) = item.attempt_at {
        words.push(fill(T::NotReachedAt.get(lang), &[&at.format("%H:%M")]));
    }
    (!words.is_empty()).then(|| words.join(" · "))
}

/// The row's reasons, most weighty first (by the coefficient of their term), so what matters
/// most survives when the line is cut: a maturity before a missed review, overdue or not (an
/// overdue reason is red wherever it stands, and the detail lists them all).
pub fn ordered_reasons(item: &QueueItem, now: NaiveDateTime) -> Vec<&Reason> {
    let weight = |r: &Reason| {
        item.score
            .terms
            .iter()
            .find(|t| t.name == r.code().key())
            .map_or(0.0, |t| t.coefficient)
    };
    let mut reasons: Vec<&Reason> = item.reasons.iter().collect();
    // Among equals, the overdue one first: it explains the row's red `!`.
    reasons.sort_by(|a, b| {
        weight(b)
            .total_cmp(&weight(a))
            .then(b.is_overdue(now).cmp(&a.is_overdue(now)))
    });
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
            ReasonCode::RiskReview => T::CodeRiskReview,
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
    fill(app.t(T::DismissUntil), &[&date_text(until, app.ctx.today)])
}
