//! Checked identity (GB 11643): a mainland resident ID number's check digit and the birth date inside it, for 18-digit numbers and the old 15-digit ones. A bad number is a warning naming the row, never a silent accept — and never a refusal: the core system's number is the bank's record, to be corrected there. Pure.

use chrono::{Datelike, NaiveDate};

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
}
