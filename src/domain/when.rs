//! Reading the times a manager types: the entry's time (`2026-11-24 09:30`, `09:30`) and a follow-up (`+1h`, `+1天`, `tomorrow 10:00`, `明天 10:00`, `2026-11-30`). Pure: `now` is an argument; never panics on any text.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::limits::plausible_year;
use super::written::{DateProblem, half_width, read_date, read_month_day, read_time};

/// Why a typed time could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeProblem {
    /// Not a time guanhu can read (`soon`, `+x天`).
    Unreadable,
    /// A date the calendar does not have (`2026-02-30`).
    NoSuchDate,
    /// Before 1900 or after 2200 (`+100000000d`, `262142-12-31`).
    OutOfRange,
}

impl From<DateProblem> for TimeProblem {
    fn from(p: DateProblem) -> Self {
        match p {
            DateProblem::Unreadable => TimeProblem::Unreadable,
            DateProblem::NoSuchDate => TimeProblem::NoSuchDate,
            DateProblem::OutOfRange => TimeProblem::OutOfRange,
        }
    }
}

/// The old name of [`TimeProblem::Unreadable`]'s type, kept for callers that only need to
/// know a time was not read.
pub type Unreadable = TimeProblem;

fn within_range(at: NaiveDateTime) -> Result<NaiveDateTime, TimeProblem> {
    if plausible_year(at.year()) {
        Ok(at)
    } else {
        Err(TimeProblem::OutOfRange)
    }
}

/// A date: full (`2026-11-30`, `2026年11月30日`, `20261130`) or a month and day of `year`.
fn date(text: &str, year: i32) -> Result<NaiveDate, TimeProblem> {
    match read_date(text) {
        Ok(d) => Ok(d),
        Err(DateProblem::Unreadable) => Ok(read_month_day(text, year)?),
        Err(p) => Err(p.into()),
    }
}

/// Reads an entry's time: a full `YYYY-MM-DD HH:MM`, or a time of day on `now`'s date;
/// blank is `now`.
pub fn parse_moment(text: &str, now: NaiveDateTime) -> Result<NaiveDateTime, TimeProblem> {
    let normal = half_width(text);
    let t = normal.trim();
    if t.is_empty() {
        return Ok(now);
    }
    if let Some(time) = read_time(t) {
        return Ok(now.date().and_time(time));
    }
    let (d, time) = t.split_once(' ').ok_or(TimeProblem::Unreadable)?;
    let day = date(d, now.year())?;
    let time = read_time(time).ok_or(TimeProblem::Unreadable)?;
    within_range(day.and_time(time))
}

/// The span of a `+N` follow-up: `m`/`分`, `h`/`时`/`小时`, `d`/`天`, `w`/`周` (checked: a
/// count too large for a duration is out of range, not a panic).
fn span(rest: &str) -> Result<Duration, TimeProblem> {
    let digits_end = rest
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(rest.len(), |(i, _)| i);
    let (n, unit) = (rest.get(..digits_end), rest.get(digits_end..));
    let (Some(n), Some(unit)) = (n, unit) else {
        return Err(TimeProblem::Unreadable);
    };
    if n.is_empty() {
        return Err(TimeProblem::Unreadable);
    }
    let n: i64 = n.parse().map_err(|_| TimeProblem::OutOfRange)?;
    let made = match unit.trim() {
        "m" | "min" | "分" | "分钟" => Duration::try_minutes(n),
        "h" | "时" | "小时" | "个小时" => Duration::try_hours(n),
        "d" | "天" | "日" => Duration::try_days(n),
        "w" | "周" | "星期" | "个星期" => Duration::try_weeks(n),
        _ => return Err(TimeProblem::Unreadable),
    };
    made.ok_or(TimeProblem::OutOfRange)
}

/// Reads a follow-up: blank is none; `+30m`, `+1h`, `+2d`, `+1w` (or `+30分`, `+3时`, `+1天`,
/// `+2周`); `tomorrow`/`明天`/`后天`/`today`/`今天` with an optional time (default 09:00); a
/// time today; a date (09:00) or a date and time. Full-width digits and colons are read as
/// ASCII. Never panics; a time outside 1900–2200 is `OutOfRange`.
pub fn parse_follow_up(
    text: &str,
    now: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, TimeProblem> {
    let t = half_width(text).trim().to_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    if let Some(rest) = t.strip_prefix('+') {
        let at = now
            .checked_add_signed(span(rest.trim())?)
            .ok_or(TimeProblem::OutOfRange)?;
        return within_range(at).map(Some);
    }
    for (word, days) in [
        ("tomorrow", 1),
        ("明天", 1),
        ("后天", 2),
        ("today", 0),
        ("今天", 0),
    ] {
        if let Some(rest) = t.strip_prefix(word) {
            let day = now
                .date()
                .checked_add_signed(Duration::days(days))
                .ok_or(TimeProblem::OutOfRange)?;
            let time = if rest.trim().is_empty() {
                nine
            } else {
                read_time(rest).ok_or(TimeProblem::Unreadable)?
            };
            return within_range(day.and_time(time)).map(Some);
        }
    }
    if let Some(time) = read_time(&t) {
        return Ok(Some(now.date().and_time(time)));
    }
    if t.contains(' ') {
        return parse_moment(&t, now).map(Some);
    }
    match date(&t, now.year()) {
        Ok(d) => return within_range(d.and_time(nine)).map(Some),
        Err(TimeProblem::Unreadable) => {}
        Err(p) => return Err(p),
    }
    parse_moment(&t, now).map(Some)
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
            ("soon", Err(TimeProblem::Unreadable)),
            ("+xh", Err(TimeProblem::Unreadable)),
            ("+1天", Ok(Some(at(25, 10, 15)))),
            ("+30分", Ok(Some(at(24, 10, 45)))),
            ("+3时", Ok(Some(at(24, 13, 15)))),
            ("+2周", Ok(Some(at(24, 10, 15) + Duration::weeks(2)))),
            ("＋１天", Ok(Some(at(25, 10, 15)))),
            ("+1 天", Ok(Some(at(25, 10, 15)))),
            ("明天 １４：３０", Ok(Some(at(25, 14, 30)))),
            ("2026-11-31", Err(TimeProblem::NoSuchDate)),
            ("２０２６－１１－３０", Ok(Some(at(30, 9, 0)))),
            ("11-30", Ok(Some(at(30, 9, 0)))),
            ("+100000000d", Err(TimeProblem::OutOfRange)),
            ("+99999999999999999999d", Err(TimeProblem::OutOfRange)),
            ("+天", Err(TimeProblem::Unreadable)),
            ("+", Err(TimeProblem::Unreadable)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_follow_up(text, now), want, "{text}");
        }
    }

    #[test]
    fn moments_as_typed() {
        let now = at(24, 10, 15);
        assert_eq!(parse_moment("", now), Ok(now));
        assert_eq!(parse_moment("09:30", now), Ok(at(24, 9, 30)));
        assert_eq!(parse_moment("０９：３０", now), Ok(at(24, 9, 30)));
        assert_eq!(parse_moment("2026-11-23 16:05", now), Ok(at(23, 16, 5)));
        assert_eq!(parse_moment("2026-11-23　16:05", now), Ok(at(23, 16, 5)));
        assert_eq!(parse_moment("yesterday", now), Err(TimeProblem::Unreadable));
        assert_eq!(
            parse_moment("2026-02-30 10:00", now),
            Err(TimeProblem::NoSuchDate)
        );
    }
}
