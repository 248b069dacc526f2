//! Parsing one cell's text into a value — amounts, dates (incl. Excel serials), mainland mobile numbers, gender, tags — or the `Problem` that says why not. Pure functions of the text; no knowledge of rows or files.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Problem;
use crate::domain::customer::{Gender, ProductKind, RiskLevel};
use crate::domain::identity::{self, PhoneProblem};
use crate::domain::written::{self, DateProblem};

/// The longest identifier (customer, manager or product number, ID number), in characters.
pub const MAX_ID_CHARS: usize = 64;
/// The longest name (customer, manager, product) or occupation, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest other text (tags), in characters.
pub const MAX_TEXT_CHARS: usize = 1_000;

/// What a text field may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextRule {
    /// Up to `MAX_ID_CHARS`, on one line.
    Id,
    /// Up to `MAX_NAME_CHARS`, on one line.
    Name,
    /// Up to `MAX_TEXT_CHARS`; line breaks and tabs allowed (a quoted cell may span lines).
    Text,
}

impl TextRule {
    /// The rule of a text field by its key.
    pub fn of(key: &str) -> TextRule {
        match key {
            "customer_no" | "manager_no" | "id_number" | "product_code" => TextRule::Id,
            "tags" | "occupation" => TextRule::Text,
            _ => TextRule::Name,
        }
    }

    fn max_chars(self) -> usize {
        match self {
            TextRule::Id => MAX_ID_CHARS,
            TextRule::Name => MAX_NAME_CHARS,
            TextRule::Text => MAX_TEXT_CHARS,
        }
    }
}

/// Checks a text cell's length and characters: control characters (NUL, escape…) and the
/// bidirectional overrides that make a name display as another are refused everywhere; line
/// breaks and tabs only in free text.
pub(crate) fn check_text(text: &str, rule: TextRule) -> Result<(), Problem> {
    let max = rule.max_chars();
    if text.chars().nth(max).is_some() {
        return Err(Problem::TooLong { max });
    }
    let allowed = |c: char| rule == TextRule::Text && matches!(c, '\n' | '\r' | '\t');
    let bad = text.chars().find(|c| {
        (c.is_control() && !allowed(*c))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    });
    match bad {
        Some(c) => Err(Problem::ControlCharacter(u32::from(c))),
        None => Ok(()),
    }
}

/// A balance or holding amount: not below zero, not above `max` (the policy's
/// `limits.max_balance`). Past that one row would make every sum over the book meaningless
/// (and, near `Decimal`'s own limit, impossible).
pub(crate) fn check_balance(amount: Decimal, text: &str, max: Decimal) -> Result<Decimal, Problem> {
    if amount < Decimal::ZERO {
        Err(Problem::NegativeAmount(text.trim().to_string()))
    } else if amount > max {
        Err(Problem::AboveLimit {
            text: text.trim().to_string(),
            max,
        })
    } else {
        Ok(amount)
    }
}

/// C1–C5 or its Chinese name.
pub fn parse_risk_level(text: &str) -> Result<RiskLevel, Problem> {
    RiskLevel::parse(text).ok_or_else(|| Problem::BadRiskLevel(text.trim().to_string()))
}

/// A product kind in any spelling the bank's exports use.
pub fn parse_kind(text: &str) -> Result<ProductKind, Problem> {
    ProductKind::parse(text).ok_or_else(|| Problem::BadProductKind(text.trim().to_string()))
}

/// Parses an amount in yuan, times `multiplier` (the column's unit), by the one rule the app
/// uses too ([`written::read_amount`]).
pub fn parse_amount(text: &str, multiplier: Decimal) -> Result<Decimal, Problem> {
    written::read_amount(text, multiplier)
        .ok_or_else(|| Problem::BadAmount(text.trim().to_string()))
}

/// The date of an Excel serial number in the 1900 date system ([`written::excel_serial_date`]).
pub fn excel_serial_date(serial: u32) -> Option<NaiveDate> {
    written::excel_serial_date(serial)
}

/// Parses a date in any spelling [`written::read_date`] knows, optionally followed by a time.
///
/// A well-formed date that does not exist (`2023-02-30`) is `ImpossibleDate`, one outside
/// 1900–2200 `DateOutOfRange`; anything else unreadable `BadDate`.
pub fn parse_date(text: &str) -> Result<NaiveDate, Problem> {
    let original = text.trim().to_string();
    written::read_date(text).map_err(|p| match p {
        // The date reader refuses a date followed by a time that is no time (`25:99`): say
        // which part is wrong.
        DateProblem::Unreadable if text.contains([':', '：']) && !time_of_day_ok(text) => {
            Problem::BadTime(original.clone())
        }
        DateProblem::Unreadable => Problem::BadDate(original.clone()),
        DateProblem::NoSuchDate => Problem::ImpossibleDate(original.clone()),
        DateProblem::OutOfRange => Problem::DateOutOfRange(original.clone()),
    })
}

/// True when a cell holds no time after its date, or a real one (seconds may have a
/// fraction: `09:30:15.500`).
fn time_of_day_ok(text: &str) -> bool {
    let normal = written::half_width(text);
    let t = normal.trim();
    let Some((at, sep)) = t.char_indices().find(|(_, c)| *c == ' ' || *c == 'T') else {
        return true;
    };
    let time = t.get(at + sep.len_utf8()..).unwrap_or("").trim();
    let whole = time.split_once('.').map_or(time, |(whole, _)| whole);
    time.is_empty() || written::read_time(whole).is_some()
}

/// A mainland mobile number as its 11 digits; spaces, dashes and a `+86`/`86` prefix are
/// dropped. The one rule is the domain's ([`identity::mobile_digits`]).
pub fn parse_phone(text: &str) -> Result<String, Problem> {
    identity::mobile_digits(text).map_err(|_| Problem::BadPhone(text.trim().to_string()))
}

/// What a customer list's phone cell holds: a mobile (stored), or a landline (not stored as
/// the mobile, which SMS lists use, and warned about; the row still goes in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PhoneCell {
    Mobile(String),
    /// The landline as written (trimmed).
    Landline(String),
}

/// A phone cell: a mobile or a landline; anything else is `BadPhone`, refused as before.
pub(crate) fn read_phone(text: &str) -> Result<PhoneCell, Problem> {
    match identity::mobile_digits(text) {
        Ok(digits) => Ok(PhoneCell::Mobile(digits)),
        Err(PhoneProblem::Landline) => Ok(PhoneCell::Landline(text.trim().to_string())),
        Err(PhoneProblem::NotMobile) => Err(Problem::BadPhone(text.trim().to_string())),
    }
}

/// True when the cell is the clear marker, `<清空>` or `<clear>` (any case, surrounding
/// spaces ignored): the file asks for the stored value to be erased, where a blank cell keeps it.
///
/// Deliberately not `-`: the core system's exports print `-` for an empty cell, so reading
/// it as "erase" would wipe good data on every monthly import.
pub fn is_clear_marker(text: &str) -> bool {
    let t = text.trim();
    t == CLEAR_MARKER_ZH || t.eq_ignore_ascii_case(CLEAR_MARKER_EN)
}

/// The clear marker in Chinese.
pub const CLEAR_MARKER_ZH: &str = "<清空>";
/// The clear marker in English (any case).
pub const CLEAR_MARKER_EN: &str = "<clear>";

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
        // 9999-12-31 is a real serial but past 2200: no contract is dated there.
        assert_eq!(excel_serial_date(2_958_465), None);
        assert_eq!(excel_serial_date(109_574), Some(d(2199, 12, 31)));
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
    fn landlines_are_told_apart_from_bad_mobiles() {
        assert_eq!(
            read_phone(" 010-12345678 "),
            Ok(PhoneCell::Landline("010-12345678".into()))
        );
        assert_eq!(
            read_phone("0571-8888888"),
            Ok(PhoneCell::Landline("0571-8888888".into()))
        );
        assert_eq!(
            read_phone("+86 138 1234 5678"),
            Ok(PhoneCell::Mobile("13812345678".into()))
        );
        assert_eq!(
            read_phone("1381234"),
            Err(Problem::BadPhone("1381234".into()))
        );
    }

    #[test]
    fn the_clear_marker_in_its_recognised_forms() {
        for text in [
            "<清空>",
            " <清空> ",
            "<clear>",
            "<CLEAR>",
            "<Clear>",
            "\t<clear>  ",
        ] {
            assert!(is_clear_marker(text), "{text:?}");
        }
        // `-` is how core-system exports print an empty cell: never an erase.
        for text in [
            "-",
            "--",
            "",
            " ",
            "清空",
            "clear",
            "<清空",
            "< clear >",
            "<清 空>",
            "<clear>x",
            "NULL",
            "<空>",
        ] {
            assert!(!is_clear_marker(text), "{text:?}");
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
