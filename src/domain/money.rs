//! Money: exact `Decimal` amounts and how they read on screen (¥1,234,567.89 or 123.46万). No I/O.

use rust_decimal::{Decimal, RoundingStrategy};

/// Formats an amount as `¥1,234,567.89` (two decimals, thousands separators).
pub fn format_yuan(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.2}", rounded.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), "00"));
    format!(
        "{}¥{}.{}",
        if negative { "-" } else { "" },
        group_thousands(int_part),
        frac_part
    )
}

/// Formats an amount without the currency sign and without decimals: `1,234,568`.
pub fn format_whole(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = rounded.abs().trunc().to_string();
    format!(
        "{}{}",
        if negative { "-" } else { "" },
        group_thousands(&text)
    )
}

/// Formats an amount in units of ten thousand, `123.46万`, for narrow columns.
pub fn format_wan(amount: Decimal) -> String {
    let wan = (amount / Decimal::from(10_000))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    format!("{wan:.2}万")
}

/// Plain decimal text with two places, as written to CSV and JSON exports.
pub fn format_plain(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    format!("{rounded:.2}")
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn yuan_has_separators_and_two_places() {
        assert_eq!(format_yuan(dec!(1234567.891)), "¥1,234,567.89");
        assert_eq!(format_yuan(dec!(0)), "¥0.00");
        assert_eq!(format_yuan(dec!(999)), "¥999.00");
        assert_eq!(format_yuan(dec!(1000)), "¥1,000.00");
        assert_eq!(format_yuan(dec!(-50000.5)), "-¥50,000.50");
    }

    #[test]
    fn wan_and_whole() {
        assert_eq!(format_wan(dec!(1234567.89)), "123.46万");
        assert_eq!(format_whole(dec!(1234567.5)), "1,234,568");
        assert_eq!(format_plain(dec!(3)), "3.00");
    }
}

/// Reads an amount typed by the manager: `300000`, `300,000.00`, `¥30万`, `1.5亿`, `３０万`,
/// by the same rule the import reads a cell ([`super::written::read_amount`]); more than
/// cents is not money. `None` when it is not an amount.
pub fn parse_money(text: &str) -> Option<Decimal> {
    let value = super::written::read_amount(text, Decimal::ONE)?;
    (value.normalize().scale() <= 2).then(|| value.normalize())
}

#[cfg(test)]
mod parse_tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_as_typed() {
        assert_eq!(parse_money("300000"), Some(dec!(300000)));
        assert_eq!(parse_money("300,000.50"), Some(dec!(300000.50)));
        assert_eq!(parse_money("¥30万"), Some(dec!(300000)));
        assert_eq!(parse_money("1.5亿"), Some(dec!(150000000)));
        assert_eq!(parse_money("３００"), Some(dec!(300)));
        assert_eq!(parse_money("３０万"), Some(dec!(300000)));
        // One rule with the import: thousands come in threes.
        assert_eq!(parse_money("1,0000"), None);
        assert_eq!(parse_money("99999999999999999999999999999万"), None);
        assert_eq!(parse_money("12.345"), None);
        assert_eq!(parse_money("abc"), None);
        assert_eq!(parse_money(""), None);
    }
}
