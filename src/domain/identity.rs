//! Checked identity (GB 11643): a mainland resident ID number's check digit and the birth date inside it, for 18-digit numbers and the old 15-digit ones. A bad number is a warning naming the row, never a silent accept — and never a refusal: the core system's number is the bank's record, to be corrected there. Also the mainland mobile rule (11 digits, `1[3-9]…`) with landlines told apart from bad mobiles. Pure.

use chrono::{Datelike, NaiveDate};

use super::written;

/// What is wrong with an ID number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// Not 15 or 18 characters.
    Length,
    /// A character other than digits (and a final X on 18-digit numbers).
    Characters,
    /// The birth date inside it is not a real date between 1900 and today.
    BirthDate,
    /// The 18th character is not the check digit of the first 17.
    CheckDigit,
}

/// The weights of GB 11643's check, for the first 17 digits.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// The check character for each remainder mod 11.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// What is wrong with `id` (spaces ignored, a lower-case x taken as X) on `today`, if anything.
/// Every index below is inside the length matched first.
pub fn id_number_problem(id: &str, today: NaiveDate) -> Option<IdProblem> {
    let id: Vec<char> = id
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let (digits, birth) = match id.len() {
        18 => (&id[..17], (&id[6..10], &id[10..12], &id[12..14])),
        15 => (&id[..], (&id[6..8], &id[8..10], &id[10..12])),
        _ => return Some(IdProblem::Length),
    };
    if !digits.iter().all(char::is_ascii_digit)
        || (id.len() == 18 && !matches!(id[17], '0'..='9' | 'X'))
    {
        return Some(IdProblem::Characters);
    }
    let number = |cs: &[char]| cs.iter().collect::<String>().parse::<u32>().ok();
    let year = match id.len() {
        // The old 15-digit numbers carry a two-digit year of the 1900s.
        15 => number(birth.0).map(|y| 1900 + y),
        _ => number(birth.0),
    };
    let born = year
        .and_then(|y| i32::try_from(y).ok())
        .zip(number(birth.1))
        .zip(number(birth.2))
        .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y, m, d));
    if born.is_none_or(|b| b.year() < 1900 || b > today) {
        return Some(IdProblem::BirthDate);
    }
    if id.len() == 18 {
        let sum: u32 = digits
            .iter()
            .zip(WEIGHTS)
            .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
            .sum();
        if CHECK[(sum % 11) as usize] != id[17] {
            return Some(IdProblem::CheckDigit);
        }
    }
    None
}

/// What is wrong with a number given as a mobile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneProblem {
    /// A landline (`010-12345678`, `0571-8888888`, a local `61234567`): a real number, but not
    /// one an SMS can reach, so it is named for what it is rather than called a bad mobile.
    Landline,
    /// Neither a mainland mobile nor a landline (too short, a `12…` number, letters).
    NotMobile,
}

/// The 11 digits of a mainland mobile number, or why `text` is not one. Spaces, dashes,
/// brackets and a leading `+86`/`0086`/`86` are dropped; full-width digits read as ASCII.
pub fn mobile_digits(text: &str) -> Result<String, PhoneProblem> {
    let digits: String = written::half_width(text.trim())
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')' | '（' | '）'))
        .collect();
    let digits = digits.strip_prefix('+').unwrap_or(&digits);
    // The country code is dropped only when what follows is the length of a mobile, so a
    // landline's own leading digits are never mistaken for it.
    let digits = match digits.len() {
        13 => digits.strip_prefix("86").unwrap_or(digits),
        15 => digits.strip_prefix("0086").unwrap_or(digits),
        _ => digits,
    };
    let bytes = digits.as_bytes();
    if !bytes.iter().all(u8::is_ascii_digit) || bytes.is_empty() {
        return Err(PhoneProblem::NotMobile);
    }
    let mobile = bytes.len() == 11
        && bytes.first() == Some(&b'1')
        && bytes.get(1).is_some_and(|b| (b'3'..=b'9').contains(b));
    // A landline: a trunk 0, a 2- or 3-digit area code and a 7- or 8-digit local number
    // (10 to 12 digits), or the local number alone, which never starts with 0 or 1.
    let landline = match bytes.first() {
        Some(b'0') => (10..=12).contains(&bytes.len()) && bytes.get(1) != Some(&b'0'),
        Some(b'2'..=b'9') => (7..=8).contains(&bytes.len()),
        _ => false,
    };
    if mobile {
        Ok(digits.to_string())
    } else if landline {
        Err(PhoneProblem::Landline)
    } else {
        Err(PhoneProblem::NotMobile)
    }
}

/// What is wrong with `text` as a mainland mobile number, if anything ([`mobile_digits`]).
pub fn mobile_problem(text: &str) -> Option<PhoneProblem> {
    mobile_digits(text).err()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default()
    }

    #[test]
    fn real_format_examples() {
        let cases = [
            // GB 11643's own example, and one ending in X.
            ("11010519491231002X", None),
            ("110101199003071234", Some(IdProblem::CheckDigit)),
            ("110101199003074515", Some(IdProblem::CheckDigit)),
            ("11010119900307451X", Some(IdProblem::CheckDigit)),
            ("110101199003074514", None),
            ("110101199003074518", Some(IdProblem::CheckDigit)),
            ("11010519491231002x", None),
            ("1101 0519 4912 3100 2X", None),
            // The old 15-digit form: a 19YY date, no check digit.
            ("110105491231002", None),
            ("110105491331002", Some(IdProblem::BirthDate)),
            ("110105193002301", Some(IdProblem::BirthDate)),
            // A date that does not exist, one in the future, one before 1900.
            ("110105199002301236", Some(IdProblem::BirthDate)),
            ("110105203001011234", Some(IdProblem::BirthDate)),
            ("110105189912311234", Some(IdProblem::BirthDate)),
            ("1101051949123100", Some(IdProblem::Length)),
            ("11010519491231002A", Some(IdProblem::Characters)),
            ("1101051949123100X2", Some(IdProblem::Characters)),
            ("", Some(IdProblem::Length)),
        ];
        for (id, want) in cases {
            assert_eq!(id_number_problem(id, today()), want, "{id}");
        }
    }

    #[test]
    fn mobiles_and_landlines_of_real_formats() {
        use PhoneProblem::{Landline, NotMobile};
        let cases: [(&str, Result<&str, PhoneProblem>); 24] = [
            ("13812345678", Ok("13812345678")),
            ("138 1234 5678", Ok("13812345678")),
            ("138-1234-5678", Ok("13812345678")),
            ("+86 138-1234-5678", Ok("13812345678")),
            ("+8613812345678", Ok("13812345678")),
            ("8613812345678", Ok("13812345678")),
            ("008613812345678", Ok("13812345678")),
            ("(+86)13812345678", Ok("13812345678")),
            ("１３８１２３４５６７８", Ok("13812345678")),
            ("19912345678", Ok("19912345678")),
            (" 17012345678 ", Ok("17012345678")),
            // Landlines: Beijing, Hangzhou (a 7-digit local number), Shanghai in brackets,
            // and a local number without its area code.
            ("010-12345678", Err(Landline)),
            ("0571-8888888", Err(Landline)),
            ("(021)61234567", Err(Landline)),
            ("021 6123 4567", Err(Landline)),
            ("61234567", Err(Landline)),
            // Not a mobile: too short, too long, a 12… or 11… prefix, letters, blank.
            ("1381234", Err(NotMobile)),
            ("138123456789", Err(NotMobile)),
            ("12812345678", Err(NotMobile)),
            ("11012345678", Err(NotMobile)),
            ("1381234567x", Err(NotMobile)),
            ("", Err(NotMobile)),
            ("00861234", Err(NotMobile)),
            ("-", Err(NotMobile)),
        ];
        for (text, want) in cases {
            assert_eq!(mobile_digits(text), want.map(str::to_string), "{text}");
            assert_eq!(mobile_problem(text), want.err(), "{text}");
        }
    }
}
