//! Reading the times a manager types: the entry's time (`2026-11-24 09:30`, `09:30`) and a follow-up (`+1h`, `+2d`, `tomorrow 10:00`, `明天 10:00`, `2026-11-30`). Pure: `now` is an argument.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// Reads a time of day `HH:MM` (also `HHMM`, `H:MM`, full-width colon).
fn time_of_day(text: &str) -> Option<NaiveTime> {
    let t = text.trim().replace('：', ":");
    NaiveTime::parse_from_str(&t, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(&t, "%H%M"))
        .ok()
}

fn date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    ["%Y-%m-%d", "%Y/%m/%d", "%m-%d", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
}

/// Reads an entry's time: a full `YYYY-MM-DD HH:MM`, or a time of day on `now`'s date.
pub fn parse_moment(text: &str, now: NaiveDateTime) -> Option<NaiveDateTime> {
    let t = text.trim();
    if t.is_empty() {
        return Some(now);
    }
    if let Some(time) = time_of_day(t) {
        return Some(now.date().and_time(time));
    }
    let (d, time) = t.split_once(' ')?;
    Some(date(d)?.and_time(time_of_day(time)?))
}

/// A typed time that could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

/// Reads a follow-up: blank is none; `+30m`, `+1h`, `+2d`; `tomorrow`/`明天` with an optional
/// time (default 09:00); a time today; a date (09:00) or a date and time.
pub fn parse_follow_up(
    text: &str,
    now: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, Unreadable> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    if let Some(rest) = t.strip_prefix('+') {
        let (n, unit) = rest.split_at(rest.len().saturating_sub(1));
        let n: i64 = n.trim().parse().map_err(|_| Unreadable)?;
        let span = match unit {
            "m" | "分" => Duration::minutes(n),
            "h" | "时" => Duration::hours(n),
            "d" | "天" => Duration::days(n),
            "w" | "周" => Duration::weeks(n),
            _ => return Err(Unreadable),
        };
        return Ok(Some(now + span));
    }
    for (word, days) in [
        ("tomorrow", 1),
        ("明天", 1),
        ("后天", 2),
        ("today", 0),
        ("今天", 0),
    ] {
        if let Some(rest) = t.strip_prefix(word) {
            let day = now.date() + Duration::days(days);
            let time = if rest.trim().is_empty() {
                nine
            } else {
                time_of_day(rest).ok_or(Unreadable)?
            };
            return Ok(Some(day.and_time(time)));
        }
    }
    if let Some(time) = time_of_day(&t) {
        return Ok(Some(now.date().and_time(time)));
    }
    if let Some(d) = date(&t) {
        return Ok(Some(d.and_time(nine)));
    }
    parse_moment(&t, now).map(Some).ok_or(Unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn follow_ups_as_typed() {
        let now = at(24, 10, 15);
        let cases = [
            ("", Ok(None)),
            ("+1h", Ok(Some(at(24, 11, 15)))),
            ("+30m", Ok(Some(at(24, 10, 45)))),
            ("+1d", Ok(Some(at(25, 10, 15)))),
            ("tomorrow 10:00", Ok(Some(at(25, 10, 0)))),
            ("明天 14：30", Ok(Some(at(25, 14, 30)))),
            ("tomorrow", Ok(Some(at(25, 9, 0)))),
            ("15:00", Ok(Some(at(24, 15, 0)))),
            ("2026-11-30", Ok(Some(at(30, 9, 0)))),
            ("2026-11-30 16:00", Ok(Some(at(30, 16, 0)))),
            ("soon", Err(Unreadable)),
            ("+xh", Err(Unreadable)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_follow_up(text, now), want, "{text}");
        }
    }

    #[test]
    fn moments_as_typed() {
        let now = at(24, 10, 15);
        assert_eq!(parse_moment("", now), Some(now));
        assert_eq!(parse_moment("09:30", now), Some(at(24, 9, 30)));
        assert_eq!(parse_moment("2026-11-23 16:05", now), Some(at(23, 16, 5)));
        assert_eq!(parse_moment("yesterday", now), None);
    }
}
