//! Calendar periods for ledgers and reviews: an ISO week (Monday first), a month, a quarter, or custom dates, and stepping between them. Pure.

use chrono::{Datelike, Duration, Months, NaiveDate};

/// A span of whole days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week(NaiveDate),
    Month(NaiveDate),
    Quarter(NaiveDate),
    Custom(NaiveDate, NaiveDate),
}

impl Period {
    /// The first and last day, inclusive.
    pub fn range(self) -> (NaiveDate, NaiveDate) {
        match self {
            Period::Week(d) => {
                let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
                (monday, monday + Duration::days(6))
            }
            Period::Month(d) => {
                let first = d.with_day(1).unwrap_or(d);
                (first, last_day(first, 1))
            }
            Period::Quarter(d) => {
                let month = (d.month0() / 3) * 3 + 1;
                let first = NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap_or(d);
                (first, last_day(first, 3))
            }
            Period::Custom(a, b) => (a.min(b), a.max(b)),
        }
    }

    /// The period before (`-1`) or after (`+1`) this one, of the same kind.
    pub fn step(self, delta: i32) -> Period {
        let (from, to) = self.range();
        match self {
            Period::Week(d) => Period::Week(d + Duration::weeks(delta as i64)),
            Period::Month(_) => Period::Month(shift_months(from, delta)),
            Period::Quarter(_) => Period::Quarter(shift_months(from, delta * 3)),
            Period::Custom(..) => {
                let len = (to - from).num_days() + 1;
                let shift = Duration::days(len * delta as i64);
                Period::Custom(from + shift, to + shift)
            }
        }
    }

    /// The next kind of period around the same date: week → month → quarter → week.
    pub fn next_kind(self) -> Period {
        let (from, _) = self.range();
        match self {
            Period::Week(d) => Period::Month(d),
            Period::Month(d) => Period::Quarter(d),
            Period::Quarter(d) => Period::Week(d),
            Period::Custom(..) => Period::Week(from),
        }
    }
}

fn shift_months(d: NaiveDate, delta: i32) -> NaiveDate {
    if delta >= 0 {
        d.checked_add_months(Months::new(delta as u32)).unwrap_or(d)
    } else {
        d.checked_sub_months(Months::new(delta.unsigned_abs()))
            .unwrap_or(d)
    }
}

fn last_day(first: NaiveDate, months: u32) -> NaiveDate {
    first
        .checked_add_months(Months::new(months))
        .map(|d| d - Duration::days(1))
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ranges_follow_the_calendar() {
        // 2026-11-24 is a Tuesday; its ISO week runs Monday 23rd to Sunday 29th.
        assert_eq!(
            Period::Week(d(2026, 11, 24)).range(),
            (d(2026, 11, 23), d(2026, 11, 29))
        );
        assert_eq!(
            Period::Month(d(2026, 2, 14)).range(),
            (d(2026, 2, 1), d(2026, 2, 28))
        );
        assert_eq!(
            Period::Quarter(d(2026, 11, 24)).range(),
            (d(2026, 10, 1), d(2026, 12, 31))
        );
        assert_eq!(
            Period::Custom(d(2026, 11, 30), d(2026, 11, 1)).range(),
            (d(2026, 11, 1), d(2026, 11, 30))
        );
    }

    #[test]
    fn stepping() {
        assert_eq!(
            Period::Week(d(2026, 1, 1)).step(-1).range().0,
            d(2025, 12, 22)
        );
        assert_eq!(
            Period::Month(d(2026, 1, 31)).step(1).range(),
            (d(2026, 2, 1), d(2026, 2, 28))
        );
        assert_eq!(
            Period::Quarter(d(2026, 1, 5)).step(-1).range(),
            (d(2025, 10, 1), d(2025, 12, 31))
        );
        assert_eq!(
            Period::Custom(d(2026, 11, 1), d(2026, 11, 10))
                .step(1)
                .range(),
            (d(2026, 11, 11), d(2026, 11, 20))
        );
        assert!(matches!(
            Period::Week(d(2026, 11, 24)).next_kind(),
            Period::Month(_)
        ));
    }
}
