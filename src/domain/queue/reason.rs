//! Why a customer is on the queue: a signal, a due obligation or the weekly SMS owed — its contract code, its language-neutral detail for scripts, how long a dismissal of it holds, and whether it counts as overdue. Pure.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::cadence::{CadencePeriod, ObligationStatus};
use crate::domain::money::format_plain;
use crate::domain::signals::Signal;
use crate::domain::urgency::ReasonCode;

/// Why a row is in the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Signal(Signal),
    /// A due obligation, with the period it was judged in and the days it is overdue (the
    /// previous period was missed too; 0 when it is simply due this period).
    Obligation {
        status: ObligationStatus,
        period: CadencePeriod,
        overdue_days: i64,
    },
    /// The weekly SMS still owed to this many customers.
    SmsOwed(usize),
}

impl Reason {
    /// The contract's code.
    pub fn code(&self) -> ReasonCode {
        match self {
            Reason::Signal(s) => ReasonCode::of_signal(s),
            Reason::Obligation { status, .. } => ReasonCode::of_obligation(status.obligation),
            Reason::SmsOwed(_) => ReasonCode::SmsDue,
        }
    }

    /// A short language-neutral detail for scripts: dates, amounts, counts.
    pub fn detail(&self) -> String {
        match self {
            Reason::Signal(Signal::Callback { due_at, .. }) => {
                due_at.format("%Y-%m-%d %H:%M").to_string()
            }
            Reason::Signal(Signal::Maturity {
                product_name,
                amount,
                on,
                ..
            }) => format!("{on} {} {product_name}", format_plain(*amount)),
            Reason::Signal(Signal::LargeOutflow { drop, on }) => {
                format!("{on} -{}", format_plain(*drop))
            }
            Reason::Signal(Signal::Birthday { on, .. }) => on.to_string(),
            Reason::Signal(Signal::RiskAssessment { expires_on, .. }) => expires_on
                .map(|d| d.to_string())
                .unwrap_or_else(|| "never assessed".into()),
            Reason::Signal(Signal::Upgrade { gap, .. }) => format!("+{}", format_plain(*gap)),
            Reason::Signal(Signal::DowngradeRisk { margin }) => {
                format!("{} above", format_plain(*margin))
            }
            Reason::Signal(Signal::NewCustomer { first_trade_on }) => first_trade_on.to_string(),
            Reason::Signal(Signal::Dormant) => String::new(),
            Reason::Obligation {
                status,
                overdue_days,
                ..
            } => {
                let last = status
                    .last_satisfied
                    .map_or_else(|| "never".to_string(), |d| format!("last {d}"));
                if *overdue_days > 0 {
                    format!("{last}, overdue {overdue_days} days")
                } else {
                    format!("{last}, due since {}", status.window.0)
                }
            }
            Reason::SmsOwed(n) => format!("{n} customers"),
        }
    }

    /// The last day a dismissal of this reason holds: the end of an obligation's period; for
    /// a maturity the last day it can show (its day plus `maturity_passed_days`, through which a
    /// passed maturity stays); a birthday's day; otherwise the end of the month. (A dismissed
    /// call-back is settled for good: see [`super::Hold::Dismissed`].)
    pub fn dismissed_until(&self, today: NaiveDate, maturity_passed_days: u32) -> NaiveDate {
        match self {
            Reason::Obligation { status, .. } => status.window.1,
            Reason::Signal(Signal::Maturity { on, .. }) => on
                .checked_add_days(chrono::Days::new(u64::from(maturity_passed_days)))
                .unwrap_or(*on)
                .max(today),
            Reason::Signal(Signal::Birthday { on, .. }) => (*on).max(today),
            Reason::SmsOwed(_) => CadencePeriod::Week.window(today).1,
            _ => CadencePeriod::Month.window(today).1,
        }
    }

    /// True when the reason counts as overdue on the header: a missed previous period, a
    /// call-back whose time has passed, a maturity whose day has passed.
    pub fn is_overdue(&self, now: NaiveDateTime) -> bool {
        match self {
            Reason::Obligation { overdue_days, .. } => *overdue_days > 0,
            Reason::Signal(Signal::Callback { due_at, .. }) => *due_at < now,
            Reason::Signal(Signal::Maturity { on, .. }) => *on < now.date(),
            _ => false,
        }
    }
}
