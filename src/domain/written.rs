//! Amounts, dates and times as people write them — typed in a popup, given to `guanhu log`, or found in an import cell — read by one set of rules, so the app and the import agree (`1,0000` is refused by both). Full-width digits and separators from a Chinese input method are read as their ASCII forms; any Unicode space (U+3000, U+00A0) counts as a space. Pure functions of the text; they never panic on any input (property-tested in `tests/parsers_never_panic.rs`).

use std::str::FromStr;

use chrono::{Days, NaiveDate, NaiveTime};
use rust_decimal::Decimal;

use super::limits::plausible_year;

/// Why a written date could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not a date in any spelling guanhu knows.
    Unreadable,
    /// Well formed, but the calendar has no such day (`2026-02-30`).
    NoSuchDate,
    /// A real date, but outside the years guanhu accepts (1900–2200).
    OutOfRange,
}

/// Full-width digits, letters' neighbours and separators as ASCII, and every Unicode space
/// as an ASCII space; everything else unchanged.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10).unwrap_or(c),
            '．' | '。' => '.',
            '－' | '−' | '—' => '-',
            '＋' => '+',
            '／' => '/',
            '：' => ':',
            '，' => ',',
            c if c.is_whitespace() => ' ',
            _ => c,
        })
        .collect()
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Reads an amount in yuan times `multiplier` (an import column's unit; 1 when typed).
///
/// Accepts thousands separators in groups of three (`1,234,567`, `1，234`), `¥`/`￥` and
/// `元`, a `万`/`亿` suffix, full-width digits, a leading `-`. `None` when it is not an
/// amount, or when it would not fit a `Decimal`. Decimal arithmetic only.
pub fn read_amount(text: &str, multiplier: Decimal) -> Option<Decimal> {
    let normal = half_width(text);
    let mut rest = normal.trim();
    let mut negative = false;
    let mut currency = false;
    loop {
        if !negative && let Some(r) = rest.strip_prefix('-') {
            negative = true;
            rest = r.trim_start();
        } else if !currency && let Some(r) = rest.strip_prefix(['¥', '￥']) {
            currency = true;
            rest = r.trim_start();
        } else {
            break;
        }
    }
    if let Some(r) = rest.strip_suffix('元') {
        rest = r.trim_end();
    }
    let mut scale = Decimal::ONE;
    if let Some(r) = rest.strip_suffix('万') {
        scale = Decimal::from(10_000);
        rest = r.trim_end();
    } else if let Some(r) = rest.strip_suffix('亿') {
        scale = Decimal::from(100_000_000);
        rest = r.trim_end();
    }
    let (int_part, frac_part) = match rest.split_once('.') {
        Some((i, f)) if all_digits(f) => (i, f),
        Some(_) => return None,
        None => (rest, ""),
    };
    let digits = integer_digits(int_part)?;
    let number = if frac_part.is_empty() {
        digits
    } else {
        format!("{digits}.{frac_part}")
    };
    let value = Decimal::from_str(&number).ok()?;
    let value = value.checked_mul(scale)?.checked_mul(multiplier)?;
    Some(if negative { -value } else { value }.normalize())
}

/// The digits of an integer part, with thousands separators checked (`1,234,567`) and removed.
fn integer_digits(text: &str) -> Option<String> {
    let groups: Vec<&str> = text.split(',').collect();
    let (first, others) = groups.split_first()?;
    let well_grouped = all_digits(first)
        && (others.is_empty()
            || (first.len() <= 3 && others.iter().all(|g| g.len() == 3 && all_digits(g))));
    well_grouped.then(|| groups.concat())
}

/// The date of an Excel serial number in the 1900 date system: serial 1 is 1900-01-01 and
/// serial 60 is the 1900-02-29 Excel wrongly believes in (None), so from 61 on the day is
/// 1899-12-30 plus the serial. Serials past 2200 are `None` too.
pub fn excel_serial_date(serial: u32) -> Option<NaiveDate> {
    let (base, days) = match serial {
        0 | 60 => return None,
        1..=59 => (NaiveDate::from_ymd_opt(1899, 12, 31)?, serial),
        _ => (NaiveDate::from_ymd_opt(1899, 12, 30)?, serial),
    };
    base.checked_add_days(Days::new(u64::from(days)))
        .filter(|d| plausible_year(chrono::Datelike::year(d)))
}

/// Reads a date: `2026-11-23`, `2026-1-5`, `2026/11/23`, `2026.11.23`, `20261123`,
/// `2026年11月23日`, a five-digit Excel serial (`46349`), optionally followed by a time of
/// day after any kind of space or a `T` (`1990-03-07　09:30`).
pub fn read_date(text: &str) -> Result<NaiveDate, DateProblem> {
    let normal = half_width(text);
    let date_part = without_time(normal.trim()).ok_or(DateProblem::Unreadable)?;
    let (y, m, d) = if let Some(parts) = separated_ymd(date_part) {
        parts
    } else if let Some(parts) = chinese_ymd(date_part) {
        parts
    } else if let Some(parts) = packed_ymd(date_part) {
        parts
    } else {
        return excel_serial_text(date_part).ok_or(DateProblem::Unreadable);
    };
    let number = |s: &str| s.parse::<u32>().ok();
    let (Some(year), Some(month), Some(day)) = (number(y), number(m), number(d)) else {
        return Err(DateProblem::Unreadable);
    };
    let year = i32::try_from(year).map_err(|_| DateProblem::Unreadable)?;
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateProblem::NoSuchDate)?;
    if plausible_year(year) {
        Ok(date)
    } else {
        Err(DateProblem::OutOfRange)
    }
}

/// Reads a month and day in `year` (`11-30`, `11/30`, `11月30日`), as typed for a date this year.
pub fn read_month_day(text: &str, year: i32) -> Result<NaiveDate, DateProblem> {
    let normal = half_width(text);
    let t = normal.trim();
    let (m, d) = t
        .split_once(['-', '/'])
        .or_else(|| {
            let (m, rest) = t.split_once('月')?;
            Some((m, rest.strip_suffix('日').unwrap_or(rest)))
        })
        .ok_or(DateProblem::Unreadable)?;
    let (m, d) = (m.trim(), d.trim());
    let short = |p: &str| (1..=2).contains(&p.len()) && all_digits(p);
    if !short(m) || !short(d) {
        return Err(DateProblem::Unreadable);
    }
    let (Ok(month), Ok(day)) = (m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(DateProblem::Unreadable);
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateProblem::NoSuchDate)
}

/// Reads a time of day: `09:30`, `9:30`, `0930`, `09:30:15`, full-width digits and colon.
pub fn read_time(text: &str) -> Option<NaiveTime> {
    let normal = half_width(text);
    let t = normal.trim();
    if !t.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let parts: Vec<&str> = if t.contains(':') {
        t.split(':').collect()
    } else if t.len() == 4 {
        vec![t.get(..2)?, t.get(2..)?]
    } else {
        return None;
    };
    let field = |p: &&str| (1..=2).contains(&p.len()) && all_digits(p);
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(field) {
        return None;
    }
    let n = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    NaiveTime::from_hms_opt(n(0)?, n(1)?, n(2).unwrap_or(0))
}

/// The date part of `2026-11-23 00:00:00` / `2026-11-23T09:30`; None when what follows is
/// not a real time of day (`25:99` is refused, not dropped). Seconds may carry a fraction, as
/// spreadsheets write them (`09:30:15.250`).
fn without_time(text: &str) -> Option<&str> {
    match text.char_indices().find(|(_, c)| *c == ' ' || *c == 'T') {
        None => Some(text),
        Some((at, sep)) => {
            let time = text.get(at + sep.len_utf8()..)?.trim();
            let whole = time.split_once('.').map_or(
                time,
                |(w, frac)| {
                    if all_digits(frac) { w } else { "" }
                },
            );
            read_time(whole)?;
            text.get(..at).map(str::trim_end)
        }
    }
}

/// `Y-M-D`, `Y/M/D` or `Y.M.D` with one separator kind, a four-digit year and one- or
/// two-digit month and day.
fn separated_ymd(text: &str) -> Option<(&str, &str, &str)> {
    let sep = ['-', '/', '.'].into_iter().find(|s| text.contains(*s))?;
    let mut parts = text.split(sep);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let ok = parts.next().is_none()
        && y.len() == 4
        && (1..=2).contains(&m.len())
        && (1..=2).contains(&d.len())
        && [y, m, d].iter().all(|p| all_digits(p));
    ok.then_some((y, m, d))
}

/// `2026年11月23日` (the final 日 may be left out).
fn chinese_ymd(text: &str) -> Option<(&str, &str, &str)> {
    let (y, rest) = text.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日').unwrap_or(rest);
    let (y, m, d) = (y.trim(), m.trim(), d.trim());
    let ok = y.len() == 4
        && (1..=2).contains(&m.len())
        && (1..=2).contains(&d.len())
        && [y, m, d].iter().all(|p| all_digits(p));
    ok.then_some((y, m, d))
}

/// `20261123`.
fn packed_ymd(text: &str) -> Option<(&str, &str, &str)> {
    if text.len() != 8 || !all_digits(text) {
        return None;
    }
    Some((text.get(..4)?, text.get(4..6)?, text.get(6..)?))
}

/// An Excel serial as text (`46349`, `46349.5`), as a CSV saved from Excel or a
/// number-formatted cell gives it: None if it is not one.
///
/// Only five-digit serials (1927-05-18 to 2173-10-14) are taken as dates in text, so a
/// bare year such as `1985` is refused instead of becoming 1905-06-07; date cells of a
/// workbook are read whatever their serial.
fn excel_serial_text(text: &str) -> Option<NaiveDate> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, "0"));
    if whole.len() != 5 || !all_digits(whole) || !all_digits(frac) {
        return None;
    }
    excel_serial_date(whole.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_with_any_space_before_the_time() {
        for text in [
            "1990-03-07　09:30",
            "1990-03-07\u{a0}09:30",
            "1990-03-07 09:30:00",
            "1990-03-07T09:30",
            "１９９０－０３－０７",
            "1990年3月7日",
        ] {
            assert_eq!(read_date(text), Ok(d(1990, 3, 7)), "{text}");
        }
    }

    #[test]
    fn no_such_date_and_out_of_range_are_told_apart() {
        assert_eq!(read_date("2026-02-30"), Err(DateProblem::NoSuchDate));
        assert_eq!(
            read_date("２０２６－０２－３０"),
            Err(DateProblem::NoSuchDate)
        );
        assert_eq!(read_date("1800-01-01"), Err(DateProblem::OutOfRange));
        assert_eq!(read_date("9999-12-31"), Err(DateProblem::OutOfRange));
        assert_eq!(read_date("soon"), Err(DateProblem::Unreadable));
        assert_eq!(read_date("2026-1２"), Err(DateProblem::Unreadable));
        assert_eq!(read_date("1980-01-01 25:99"), Err(DateProblem::Unreadable));
        assert_eq!(read_date("1980-01-01 09:30:15.250"), Ok(d(1980, 1, 1)));
    }

    #[test]
    fn month_days_and_times() {
        assert_eq!(read_month_day("11-30", 2026), Ok(d(2026, 11, 30)));
        assert_eq!(read_month_day("１１月３０日", 2026), Ok(d(2026, 11, 30)));
        assert_eq!(read_month_day("2-30", 2026), Err(DateProblem::NoSuchDate));
        assert_eq!(read_time("09:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(read_time("１４：３０"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(read_time("0930"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(read_time("25:99"), None);
        assert_eq!(read_time("9"), None);
        assert_eq!(read_time("天"), None);
    }

    #[test]
    fn one_amount_rule_for_app_and_import() {
        let one = Decimal::ONE;
        assert_eq!(read_amount("１，２３４", one), Some(dec!(1234)));
        assert_eq!(read_amount("３０万", one), Some(dec!(300000)));
        assert_eq!(read_amount("1,0000", one), None);
        assert_eq!(read_amount("1 000", one), None);
        assert_eq!(read_amount("99999999999999999999999999999", one), None);
        assert_eq!(
            read_amount("79228162514264337593543950335", Decimal::TEN),
            None
        );
    }
}
