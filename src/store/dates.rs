//! Dates and times read from the store quickly: the store writes `YYYY-MM-DD` and `YYYY-MM-DD HH:MM:SS`, which are read here digit by digit; anything else goes through rusqlite's own (slower, format-driven) parsing. Reading 100,000 customers or 600,000 snapshots spends most of its time in dates otherwise.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::types::{FromSql, FromSqlResult, ValueRef};

/// A `NaiveDate` column.
pub struct Day(pub NaiveDate);

/// A `NaiveDateTime` column.
pub struct Moment(pub NaiveDateTime);

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// `YYYY-MM-DD` at the start of `b`.
fn date_prefix(b: &[u8]) -> Option<NaiveDate> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits(&b[0..4])? as i32,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )
}

/// `YYYY-MM-DD` exactly.
pub fn fast_date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 {
        return None;
    }
    date_prefix(b)
}

/// `YYYY-MM-DD HH:MM:SS` (or with `T`) exactly.
pub fn fast_moment(b: &[u8]) -> Option<NaiveDateTime> {
    if b.len() != 19 || !(b[10] == b' ' || b[10] == b'T') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let time = NaiveTime::from_hms_opt(
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    )?;
    Some(date_prefix(b)?.and_time(time))
}

impl FromSql for Day {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        if let ValueRef::Text(b) = value
            && let Some(d) = fast_date(b)
        {
            return Ok(Day(d));
        }
        NaiveDate::column_result(value).map(Day)
    }
}

impl FromSql for Moment {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        if let ValueRef::Text(b) = value
            && let Some(t) = fast_moment(b)
        {
            return Ok(Moment(t));
        }
        NaiveDateTime::column_result(value).map(Moment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_store_writes_and_refuses_the_rest() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(fast_date(b"2024-02-29"), Some(d));
        assert_eq!(fast_date(b"2023-02-29"), None);
        assert_eq!(fast_date(b"2024-2-29"), None);
        let t = d.and_hms_opt(9, 5, 7).unwrap();
        assert_eq!(fast_moment(b"2024-02-29 09:05:07"), Some(t));
        assert_eq!(fast_moment(b"2024-02-29T09:05:07"), Some(t));
        assert_eq!(fast_moment(b"2024-02-29 09:05:07.123"), None);
        assert_eq!(fast_moment(b"2024-02-29 25:05:07"), None);
    }

    #[test]
    fn other_forms_fall_back_to_rusqlite() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let m: Moment = conn
            .query_row("SELECT '2024-02-29 09:05:07.250'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            m.0,
            NaiveDate::from_ymd_opt(2024, 2, 29)
                .unwrap()
                .and_hms_milli_opt(9, 5, 7, 250)
                .unwrap()
        );
    }
}
