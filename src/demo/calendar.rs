//! The demo diary's days and hours: the six months it covers, which of them are working days (a `domain::workload::Calendar`, as the queue uses), office hours. No draws, no store.

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, Timelike, Weekday};

use crate::domain::workload::{Calendar, WorkloadPolicy};
use crate::error::{Error, Result};

/// Office hours in minutes after midnight: 08:30–17:30.
pub(super) const OPEN: i64 = 8 * 60 + 30;

pub(super) const CLOSE: i64 = 17 * 60 + 30;

/// The diary's months: working days from six months before `today` up to yesterday.
pub(super) struct Window {
    pub(super) start: NaiveDate,
    pub(super) today: NaiveDate,
    /// The latest month-end: purchases after it are in no balance snapshot yet.
    pub(super) last_month_end: NaiveDate,
    /// Which days are working days, for the diary and the lead's moves alike.
    pub(super) calendar: Calendar,
}

impl Window {
    pub(super) fn new(today: NaiveDate, last_month_end: NaiveDate) -> Result<Window> {
        Ok(Window {
            start: today.checked_sub_months(Months::new(6)).unwrap_or(today),
            today,
            last_month_end,
            calendar: demo_calendar(today)?,
        })
    }

    pub(super) fn contains(&self, d: NaiveDate) -> bool {
        d >= self.start && d < self.today
    }

    pub(super) fn working_days(&self) -> Vec<NaiveDate> {
        self.start
            .iter_days()
            .take_while(|d| *d < self.today)
            .filter(|d| self.calendar.is_working_day(*d))
            .collect()
    }
}

/// The fixed-date public holidays the demo keeps, as (month, day).
const HOLIDAYS: [(u32, u32); 13] = [
    (1, 1),
    (5, 1),
    (5, 2),
    (5, 3),
    (5, 4),
    (5, 5),
    (10, 1),
    (10, 2),
    (10, 3),
    (10, 4),
    (10, 5),
    (10, 6),
    (10, 7),
];

/// The demo calendar's rule for a day of any year (the window's `calendar` holds only the
/// years around today): Monday to Friday, not a fixed-date holiday. For the purchases of the
/// years before the diary.
pub(super) fn is_office_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !HOLIDAYS.contains(&(d.month(), d.day()))
}

/// The demo's working days as a policy calendar: Monday to Friday, except the fixed-date
/// public holidays (New Year's Day, the Labour Day and National Day weeks) of the years from
/// one before `today` to one after (the diary's months and its follow-ups fall in them).
///
/// Deliberately not the loaded policy's calendar: its holidays are one year's official notice
/// (2026 in the default: Spring Festival, 6-19, 9-25, … but not 5-1 of other years), so taking
/// it would move entries off those days and change every demo store; the same seed and `today`
/// must keep giving the same store, whatever policy is loaded.
fn demo_calendar(today: NaiveDate) -> Result<Calendar> {
    let year = today.year();
    let holidays = (year - 1..=year + 1)
        .flat_map(|y| {
            HOLIDAYS
                .iter()
                .map(move |(m, d)| format!("{y:04}-{m:02}-{d:02}"))
        })
        .collect();
    let workload = WorkloadPolicy {
        daily_capacity: 0,
        working_days: ["mon", "tue", "wed", "thu", "fri"]
            .map(String::from)
            .to_vec(),
        holidays,
        make_up_days: Vec::new(),
        spread: Vec::new(),
        spread_signals: Vec::new(),
    };
    // Fixed, valid keys and dates: an error here is a defect, reported rather than a panic.
    workload
        .calendar()
        .map_err(|(key, problem)| Error::Input(format!("demo calendar: {key}: {problem:?}")))
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
        let w = Window::new(d(2026, 11, 24), d(2026, 10, 31)).unwrap();
        let c = &w.calendar;
        assert!(c.is_working_day(d(2026, 11, 23)));
        assert!(!c.is_working_day(d(2026, 11, 22)), "Sunday");
        assert!(!c.is_working_day(d(2026, 10, 1)), "National Day");
        assert_eq!(c.next_working_day(d(2026, 11, 20)), d(2026, 11, 23));
        assert_eq!(c.next_working_day(d(2026, 9, 30)), d(2026, 10, 8));
        let days = w.working_days();
        assert_eq!(days.first(), Some(&d(2026, 5, 25)));
        assert_eq!(days.last(), Some(&d(2026, 11, 23)));
        assert!(days.iter().all(|x| c.is_working_day(*x)));
    }

    #[test]
    fn the_calendar_is_the_generators_own() {
        // The rule the generator always had, checked day by day over the years around today.
        let w = Window::new(d(2026, 12, 2), d(2026, 11, 30)).unwrap();
        let own = |x: NaiveDate| {
            !matches!(x.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun)
                && !matches!((x.month(), x.day()), (1, 1) | (5, 1..=5) | (10, 1..=7))
        };
        for x in d(2025, 1, 1)
            .iter_days()
            .take_while(|x| *x <= d(2027, 12, 31))
        {
            assert_eq!(w.calendar.is_working_day(x), own(x), "{x}");
        }
        // The same rule for the years before the diary.
        for x in d(2010, 1, 1)
            .iter_days()
            .take_while(|x| *x <= d(2027, 12, 31))
        {
            assert_eq!(is_office_day(x), own(x), "{x}");
        }
    }
}
