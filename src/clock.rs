//! "Today" and "now", injected from the edge: `--today`, else `GUANHU_TODAY`, else the system clock. Everything below takes the date as an argument.

use chrono::{Datelike, Local, NaiveDate, NaiveDateTime, NaiveTime};

use crate::error::{Error, Result};

/// Resolves today's date from a flag value, the environment value, or the clock, in that order.
pub fn resolve_today(flag: Option<&str>, env: Option<&str>) -> Result<NaiveDate> {
    for text in [flag, env].into_iter().flatten() {
        let t = text.trim();
        if t.is_empty() {
            continue;
        }
        let day =
            NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| Error::BadToday(t.to_string()))?;
        // Outside these years the date arithmetic of the queue and the review could overflow.
        if !crate::domain::limits::plausible_year(day.year()) {
            return Err(Error::TodayOutOfRange(t.to_string()));
        }
        return Ok(day);
    }
    Ok(Local::now().date_naive())
}

/// The current moment on `today`: the clock's time of day when today is the real date, else 09:00.
pub fn now_on(today: NaiveDate) -> NaiveDateTime {
    let now = Local::now().naive_local();
    if now.date() == today {
        now
    } else {
        today.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_env() {
        let d = resolve_today(Some("2026-11-24"), Some("2020-01-01")).unwrap();
        assert_eq!(d, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        let d = resolve_today(None, Some("2020-01-01")).unwrap();
        assert_eq!(d, NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
        assert!(resolve_today(Some("2026-02-30"), None).is_err());
        assert!(resolve_today(Some("+262142-12-31"), None).is_err());
        assert!(resolve_today(Some("1899-12-31"), None).is_err());
        assert!(resolve_today(Some("2200-12-31"), None).is_ok());
    }
}
