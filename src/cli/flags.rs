//! Reading the date and time flags several commands share (`--from`, `--to`, `--at`,
//! `--follow-up`, `--maturity`, …) into values, with the error in words naming the flag. The
//! parsing rules are `domain::written`'s and `domain::when`'s; this file only words the errors.

use chrono::NaiveDate;

use crate::domain::when::TimeProblem;
use crate::error::{Error, Result};
use crate::i18n::{Lang, fill};

/// A `YYYY-MM-DD` flag value.
pub fn date_arg(lang: Lang, flag: &str, text: &str) -> Result<NaiveDate> {
    crate::domain::written::read_date(text).map_err(|p| match TimeProblem::from(p) {
        TimeProblem::Unreadable => Error::Input(fill(
            lang.pick(
                "{}：“{}” 不是 YYYY-MM-DD 日期",
                "{}: \"{}\" is not a YYYY-MM-DD date",
            ),
            &[&flag, &text],
        )),
        other => time_error(lang, flag, text, other),
    })
}

/// A typed time that could not be used, in words: unreadable, no such date, or out of range.
pub fn time_error(lang: Lang, flag: &str, text: &str, problem: TimeProblem) -> Error {
    let template = match problem {
        TimeProblem::Unreadable => lang.pick(
            "{}：看不懂“{}”（试试 +1h、+1天、明天 10:00、2026-12-01 15:00）",
            "{}: cannot read \"{}\" (try +1h, +1d, tomorrow 10:00, 2026-12-01 15:00)",
        ),
        TimeProblem::NoSuchDate => {
            lang.pick("{}：“{}”是不存在的日期", "{}: \"{}\" is no such date")
        }
        TimeProblem::OutOfRange => lang.pick(
            "{}：“{}”不在 1900 至 2200 年之间",
            "{}: \"{}\" is not between the years 1900 and 2200",
        ),
    };
    Error::Input(fill(template, &[&flag, &text]))
}
