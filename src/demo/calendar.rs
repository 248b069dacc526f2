//! The demo diary's days and hours: the six months it covers, which of them are working days, office hours. No draws, no store.

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, Timelike, Weekday};

/// Office hours in minutes after midnight: 08:30–17:30.
pub(super) const OPEN: i64 = 8 * 60 + 30;

pub(super) const CLOSE: i64 = 17 * 60 + 30;

/// The diary's months: working days from six months before `today` up to yesterday.
pub(super) struct Window {
    pub(super) start: NaiveDate,
    pub(super) today: NaiveDate,
    /// The latest month-end: purchases after it are in no balance snapshot yet.
    pub(super) last_month_end: NaiveDate,
}

impl Window {
    pub(super) fn new(today: NaiveDate, last_month_end: NaiveDate) -> Window {
        Window {
            start: today.checked_sub_months(Months::new(6)).unwrap_or(today),
            today,
            last_month_end,
        }
    }

    pub(super) fn contains(&self, d: NaiveDate) -> bool {
        d >= self.start && d < self.today
    }

    pub(super) fn working_days(&self) -> Vec<NaiveDate> {
        self.start
            .iter_days()
            .take_while(|d| *d < self.today)
            .filter(|d| is_working_day(*d))
            .collect()
    }
}

/// Monday to Friday, except the fixed-date public holidays (New Year's Day, the Labour Day and
/// National Day weeks).
pub(super) fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
        && !matches!((d.month(), d.day()), (1, 1) | (5, 1..=5) | (10, 1..=7))
}

pub(super) fn next_working_day(d: NaiveDate) -> NaiveDate {
    let mut next = d + Duration::days(1);
    while !is_working_day(next) {
        next += Duration::days(1);
    }
    next
}

pub(super) fn time_on(d: NaiveDate, minutes: i64) -> NaiveDateTime {
    d.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::minutes(minutes.clamp(OPEN, CLOSE))
}

pub(super) fn minutes_of(at: NaiveDateTime) -> i64 {
    i64::from(at.hour()) * 60 + i64::from(at.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_diary_keeps_to_working_days() {
        assert!(is_working_day(d(2026, 11, 23)));
        assert!(!is_working_day(d(2026, 11, 22)), "Sunday");
        assert!(!is_working_day(d(2026, 10, 1)), "National Day");
        assert_eq!(next_working_day(d(2026, 11, 20)), d(2026, 11, 23));
        assert_eq!(next_working_day(d(2026, 9, 30)), d(2026, 10, 8));
        let w = Window::new(d(2026, 11, 24), d(2026, 10, 31));
        let days = w.working_days();
        assert_eq!(days.first(), Some(&d(2026, 5, 25)));
        assert_eq!(days.last(), Some(&d(2026, 11, 23)));
        assert!(days.iter().all(|x| is_working_day(*x)));
    }
}
