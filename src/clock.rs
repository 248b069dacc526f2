//! "Today" and "now", injected from the edge: `--today`, else `GUANHU_TODAY`, else the system clock; `--now`/`GUANHU_NOW` fixes the moment (and the day, when `--today` is not given). Everything below takes the date and the moment as arguments.

use std::sync::OnceLock;

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

/// The moment `--now` fixed for this run, if it did. Set once at start by the command line;
/// a process-wide value because the clock is the one edge every command and the app's loop
/// read, and a fixed `--now` must hold for all of them alike.
static FIXED_NOW: OnceLock<NaiveDateTime> = OnceLock::new();

/// Parses `--now` (or `GUANHU_NOW`): `YYYY-MM-DD HH:MM`, seconds and a `T` separator allowed.
pub fn resolve_now(flag: Option<&str>) -> Result<Option<NaiveDateTime>> {
    let Some(t) = flag.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let moment = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .ok_or_else(|| Error::BadNow(t.to_string()))?;
    if !crate::domain::limits::plausible_year(moment.year()) {
        return Err(Error::BadNow(t.to_string()));
    }
    Ok(Some(moment))
}

/// Fixes the moment for the rest of the run (the first call wins).
pub fn fix_now(now: NaiveDateTime) {
    let _ = FIXED_NOW.set(now);
}

/// The current moment on `today`: the moment `--now` fixed, else the clock's time of day when
/// today is the real date, else 09:00.
pub fn now_on(today: NaiveDate) -> NaiveDateTime {
    if let Some(fixed) = FIXED_NOW.get().filter(|n| n.date() == today) {
        return *fixed;
    }
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

    #[test]
    fn now_takes_minutes_seconds_and_a_t() {
        let at = |h, m, s| {
            NaiveDate::from_ymd_opt(2026, 12, 2)
                .unwrap()
                .and_hms_opt(h, m, s)
        };
        assert_eq!(
            resolve_now(Some("2026-12-02 15:30")).unwrap(),
            at(15, 30, 0)
        );
        assert_eq!(
            resolve_now(Some("2026-12-02T15:30:05")).unwrap(),
            at(15, 30, 5)
        );
        assert_eq!(resolve_now(Some("  ")).unwrap(), None);
        assert_eq!(resolve_now(None).unwrap(), None);
        for bad in [
            "2026-12-02",
            "15:30",
            "2026-02-30 10:00",
            "1800-01-01 10:00",
            "明天",
        ] {
            assert!(resolve_now(Some(bad)).is_err(), "{bad}");
        }
    }
}
