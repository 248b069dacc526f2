//! The snoozes and dismissals a manager can see and take back: one recorded hold as the holds
//! view lists it, and for how long a hold counts as live. Pure.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::domain::urgency::ReasonCode;

/// How long a dismissed call-back stays listed: it is settled for good, so it has no `until`
/// that ends it, but a manager may still want it back for a while.
pub const SETTLED_LISTED_DAYS: i64 = 30;

/// One live snooze or dismissal, with whom it holds back and the manager's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldItem {
    /// The hold's row id (what lifting it names).
    pub id: i64,
    pub customer_no: String,
    pub customer_name: String,
    /// `None`: the customer's whole row is snoozed; a code: that reason is dismissed.
    pub code: Option<ReasonCode>,
    /// Snooze: the day the row returns. Dismissal: the last day the reason stays away.
    pub until: NaiveDate,
    pub note: String,
    pub created_at: NaiveDateTime,
}

impl HeldItem {
    /// True for a dismissed call-back, which settles the call-back for good.
    pub fn settles(&self) -> bool {
        self.code == Some(ReasonCode::Callback)
    }

    /// Whether the hold still keeps something off the queue on `today` (or, for a settled
    /// call-back, is still recent enough to list).
    pub fn is_live(&self, today: NaiveDate) -> bool {
        match self.code {
            None => self.until > today,
            Some(_) if self.settles() => self.created_at >= settled_listed_since(today),
            Some(_) => self.until >= today,
        }
    }
}

/// The earliest moment a dismissed call-back made then is still listed on `today`.
pub fn settled_listed_since(today: NaiveDate) -> NaiveDateTime {
    (today - Duration::days(SETTLED_LISTED_DAYS))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default()
    }

    fn hold(code: Option<ReasonCode>, until: NaiveDate, made: NaiveDate) -> HeldItem {
        HeldItem {
            id: 1,
            customer_no: "C1".into(),
            customer_name: "陈静".into(),
            code,
            until,
            note: String::new(),
            created_at: made.and_hms_opt(9, 0, 0).unwrap_or_default(),
        }
    }

    #[test]
    fn a_snooze_lives_before_its_day_a_dismissal_through_it_a_settled_call_back_thirty_days() {
        let today = day(10);
        assert!(hold(None, day(11), day(9)).is_live(today));
        assert!(!hold(None, day(10), day(9)).is_live(today), "back today");
        let maturity = Some(ReasonCode::Maturity);
        assert!(hold(maturity, day(10), day(9)).is_live(today));
        assert!(!hold(maturity, day(9), day(9)).is_live(today));
        let callback = Some(ReasonCode::Callback);
        let long_ago = NaiveDate::from_ymd_opt(2026, 11, 10).unwrap_or_default();
        assert!(hold(callback, long_ago, long_ago).is_live(today), "30 days");
        assert!(!hold(callback, long_ago, long_ago).is_live(day(11)));
    }
}
