//! Parsing one cell's text into a value — amounts, dates (incl. Excel serials), mainland mobile numbers, gender, tags — or the `Problem` that says why not. Pure functions of the text; no knowledge of rows or files.

use std::str::FromStr;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::Problem;
use crate::domain::customer::Gender;

/// Full-width digits, point, minus and plus as ASCII; everything else unchanged.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            '／' => '/',
            '：' => ':',
            _ => c,
        })
        .collect()
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Parses an amount in yuan, times `multiplier` (the column's unit).
///
/// Accepts thousands separators (`,` `，`), `¥`/`￥` and `元`, a `万`/`亿` suffix, full-width digits, a leading `-`. Decimal arithmetic only.
pub fn parse_amount(text: &str, multiplier: Decimal) -> Result<Decimal, Problem> {
    let original = text.trim();
    let bad = || Problem::BadAmount(original.to_string());
    let normal = half_width(original);
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
        Some(_) => return Err(bad()),
        None => (rest, ""),
    };
    let digits = integer_digits(int_part).ok_or_else(bad)?;
    let number = if frac_part.is_empty() {
        digits
    } else {
        format!("{digits}.{frac_part}")
    };
    let value = Decimal::from_str(&number).map_err(|_| bad())?;
    let value = value
        .checked_mul(scale)
        .and_then(|v| v.checked_mul(multiplier))
        .ok_or_else(bad)?;
    Ok(if negative { -value } else { value }.normalize())
}

/// The digits of an integer part, with thousands separators checked (`1,234,567`) and removed.
fn integer_digits(text: &str) -> Option<String> {
    let groups: Vec<&str> = text.split([',', '，']).collect();
    let (first, others) = groups.split_first()?;
    let well_grouped = all_digits(first)
        && (others.is_empty()
            || (first.len() <= 3 && others.iter().all(|g| g.len() == 3 && all_digits(g))));
    well_grouped.then(|| groups.concat())
}

/// The date of an Excel serial number in the 1900 date system: serial 1 is 1900-01-01 and serial 60 is the 1900-02-29 Excel wrongly believes in (None), so from 61 on the day is 1899-12-30 plus the serial.
pub fn excel_serial_date(serial: u32) -> Option<NaiveDate> {
    let (base, days) = match serial {
        0 | 60 => return None,
        1..=59 => (NaiveDate::from_ymd_opt(1899, 12, 31)?, serial),
        _ => (NaiveDate::from_ymd_opt(1899, 12, 30)?, serial),
    };
    base.checked_add_days(Days::new(u64::from(days)))
}

/// Parses a date: `2026-11-23`, `2026-1-5`, `2026/11/23`, `2026.11.23`, `20261123`, `2026年11月23日`, a five-digit Excel serial (`46349`), optionally followed by a time of day.
///
/// A well-formed date that does not exist (`2023-02-30`) is `ImpossibleDate`; anything else unreadable `BadDate`.
pub fn parse_date(text: &str) -> Result<NaiveDate, Problem> {
    let original = text.trim();
    let bad = || Problem::BadDate(original.to_string());
    let impossible = || Problem::ImpossibleDate(original.to_string());
    let normal = half_width(original);
    let date_part = without_time(&normal).ok_or_else(bad)?;

    let (y, m, d) = if let Some(parts) = separated_ymd(date_part) {
        parts
    } else if let Some(parts) = chinese_ymd(date_part) {
        parts
    } else if date_part.len() == 8 && all_digits(date_part) {
        (&date_part[..4], &date_part[4..6], &date_part[6..])
    } else {
        return excel_serial_text(date_part).ok_or_else(bad);
    };
    let number = |s: &str| s.parse::<u32>().ok();
    let (Some(year), Some(month), Some(day)) = (number(y), number(m), number(d)) else {
        return Err(bad());
    };
    let year = i32::try_from(year).map_err(|_| bad())?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(impossible)
}

/// The date part of `2026-11-23 00:00:00` / `2026-11-23T09:30`; None when what follows is not a time.
fn without_time(text: &str) -> Option<&str> {
    match text.find(|c: char| c.is_whitespace() || c == 'T') {
        None => Some(text),
        Some(at) => {
            let time = text[at + 1..].trim();
            let is_time = time.contains(':')
                && time
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b':' || b == b'.');
            is_time.then(|| text[..at].trim_end())
        }
    }
}

/// `Y-M-D`, `Y/M/D` or `Y.M.D` with one separator kind, a four-digit year and one- or two-digit month and day.
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

/// An Excel serial as text (`46349`, `46349.5`), as a CSV saved from Excel or a number-formatted cell gives it: None if it is not one.
///
/// Only five-digit serials (1927-05-18 to 2173-10-14) are taken as dates in text, so a bare year such as `1985` is refused instead of becoming 1905-06-07; date cells of a workbook are read whatever their serial.
fn excel_serial_text(text: &str) -> Option<NaiveDate> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, "0"));
    if whole.len() != 5 || !all_digits(whole) || !all_digits(frac) {
        return None;
    }
    excel_serial_date(whole.parse().ok()?)
}

/// A mainland mobile number as its 11 digits; spaces, dashes and a `+86`/`86` prefix are dropped.
pub fn parse_phone(text: &str) -> Result<String, Problem> {
    let original = text.trim();
    let digits: String = half_width(original)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')'))
        .collect();
    let digits = digits.strip_prefix('+').unwrap_or(&digits);
    let digits = if digits.len() == 13 {
        digits.strip_prefix("86").unwrap_or(digits)
    } else if digits.len() == 15 {
        digits.strip_prefix("0086").unwrap_or(digits)
    } else {
        digits
    };
    let bytes = digits.as_bytes();
    let mobile = bytes.len() == 11
        && all_digits(digits)
        && bytes[0] == b'1'
        && (b'3'..=b'9').contains(&bytes[1]);
    if mobile {
        Ok(digits.to_string())
    } else {
        Err(Problem::BadPhone(original.to_string()))
    }
}

/// 男/女, M/F, male/female in any case.
pub fn parse_gender(text: &str) -> Result<Gender, Problem> {
    let t = text.trim();
    match t.to_lowercase().as_str() {
        "男" | "男性" | "m" | "male" => Ok(Gender::Male),
        "女" | "女性" | "f" | "female" => Ok(Gender::Female),
        _ => Err(Problem::BadGender(t.to_string())),
    }
}

/// Tags split on `,` `，` `;` `；` `、` `|` and whitespace, empty pieces dropped.
pub fn split_tags(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | ';' | '；' | '、' | '|'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn yuan(text: &str) -> Result<Decimal, Problem> {
        parse_amount(text, Decimal::ONE)
    }

    #[test]
    fn amounts_in_every_common_spelling() {
        assert_eq!(yuan("123456.78"), Ok(dec!(123456.78)));
        assert_eq!(yuan("  1,234,567.89 "), Ok(dec!(1234567.89)));
        assert_eq!(yuan("1，234"), Ok(dec!(1234)));
        assert_eq!(yuan("¥200,000.00"), Ok(dec!(200000)));
        assert_eq!(yuan("￥ 50"), Ok(dec!(50)));
        assert_eq!(yuan("300元"), Ok(dec!(300)));
        assert_eq!(yuan("50万"), Ok(dec!(500000)));
        assert_eq!(yuan("12.5万元"), Ok(dec!(125000)));
        assert_eq!(yuan("1.2亿"), Ok(dec!(120000000)));
        assert_eq!(yuan("１２３，４５６．７８"), Ok(dec!(123456.78)));
        assert_eq!(yuan("-1,000"), Ok(dec!(-1000)));
        assert_eq!(yuan("-¥1,000.5"), Ok(dec!(-1000.5)));
        assert_eq!(yuan("0"), Ok(dec!(0)));
    }

    #[test]
    fn amounts_honour_the_column_unit() {
        let wan = Decimal::from(10_000);
        assert_eq!(parse_amount("12.5", wan), Ok(dec!(125000)));
        assert_eq!(parse_amount("0.000001", wan), Ok(dec!(0.01)));
        assert_eq!(parse_amount("1万", wan), Ok(dec!(100000000)));
    }

    #[test]
    fn amounts_are_exact() {
        assert_eq!(
            yuan("0.1").and_then(|a| yuan("0.2").map(|b| a + b)),
            Ok(dec!(0.3))
        );
        assert_eq!(yuan("99999999999.99"), Ok(dec!(99999999999.99)));
    }

    #[test]
    fn bad_amounts_keep_their_text() {
        for text in [
            "abc", "12万3", "1,23", "1,2345", "1.2.3", "--5", "1e5", "", ".5", "5.", "万", "¥",
            "NaN", "1 000",
        ] {
            assert_eq!(
                yuan(text),
                Err(Problem::BadAmount(text.trim().to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn dates_in_every_common_spelling() {
        let expected = Ok(d(2026, 11, 23));
        for text in [
            "2026-11-23",
            "2026/11/23",
            "2026.11.23",
            "20261123",
            "2026年11月23日",
            "2026年11月23",
            " 2026-11-23 00:00:00 ",
            "2026-11-23T09:30",
            "２０２６－１１－２３",
            "46349",
            "46349.75",
        ] {
            assert_eq!(parse_date(text), expected, "{text}");
        }
        assert_eq!(parse_date("2026-1-5"), Ok(d(2026, 1, 5)));
        assert_eq!(parse_date("2026/1/5"), Ok(d(2026, 1, 5)));
    }

    #[test]
    fn excel_serials_follow_the_1900_system() {
        assert_eq!(excel_serial_date(46349), Some(d(2026, 11, 23)));
        assert_eq!(excel_serial_date(45658), Some(d(2025, 1, 1)));
        assert_eq!(parse_date("45658"), Ok(d(2025, 1, 1)));
        assert_eq!(excel_serial_date(1), Some(d(1900, 1, 1)));
        assert_eq!(excel_serial_date(59), Some(d(1900, 2, 28)));
        assert_eq!(excel_serial_date(60), None);
        assert_eq!(excel_serial_date(61), Some(d(1900, 3, 1)));
        assert_eq!(excel_serial_date(0), None);
        assert_eq!(excel_serial_date(2_958_465), Some(d(9999, 12, 31)));
        assert_eq!(parse_date("60"), Err(Problem::BadDate("60".into())));
        assert_eq!(parse_date("1985"), Err(Problem::BadDate("1985".into())));
    }

    #[test]
    fn impossible_dates_are_told_apart_from_unreadable_ones() {
        for text in [
            "2023-02-30",
            "2026-13-01",
            "20260230",
            "2026年2月29日",
            "2025/4/31",
        ] {
            assert_eq!(
                parse_date(text),
                Err(Problem::ImpossibleDate(text.to_string())),
                "{text}"
            );
        }
        for text in [
            "1985-03",
            "23/11/2026",
            "2026-11-23 foo",
            "next week",
            "0",
            "123456789",
            "2026-11/23",
            "26-11-23",
            "",
        ] {
            assert_eq!(
                parse_date(text),
                Err(Problem::BadDate(text.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn mainland_mobiles_only() {
        for text in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+86 138-1234-5678",
            "+8613812345678",
            "8613812345678",
            "008613812345678",
            "１３８１２３４５６７８",
        ] {
            assert_eq!(parse_phone(text), Ok("13812345678".to_string()), "{text}");
        }
        for text in [
            "1381234",
            "12812345678",
            "021-61234567",
            "138123456789",
            "1381234567x",
        ] {
            assert_eq!(
                parse_phone(text),
                Err(Problem::BadPhone(text.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn genders() {
        assert_eq!(parse_gender("男"), Ok(Gender::Male));
        assert_eq!(parse_gender("F"), Ok(Gender::Female));
        assert_eq!(parse_gender("Female"), Ok(Gender::Female));
        assert_eq!(parse_gender("m"), Ok(Gender::Male));
        assert_eq!(parse_gender("未知"), Err(Problem::BadGender("未知".into())));
    }

    #[test]
    fn tags_split_on_every_separator() {
        assert_eq!(
            split_tags(" 代发，理财到期;VIP；老客户、 基金|保险  新客 "),
            vec!["代发", "理财到期", "VIP", "老客户", "基金", "保险", "新客"]
        );
        assert!(split_tags(" ,， ").is_empty());
    }
}
