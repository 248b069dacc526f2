//! What a doubtful phone or ID number says, in Chinese and English: one wording for the import's
//! row warnings and for the hand-entry form. The checks are the domain's (`domain::identity`);
//! these are warnings, never refusals.

use chrono::NaiveDate;

use super::CustomerRecord;
use crate::domain::book_words::{id_problem_text as id_why, phone_problem_text as phone_why};
use crate::domain::identity::{id_number_problem, mobile_problem};
use crate::domain::mask::{mask_id, mask_phone};
use crate::i18n::{Lang, fill};

/// `证件号码 110101********4518 校验位不符` / `ID number 110101********4518 fails its check
/// digit` when `text` fails GB 11643 on `today` (the number masked), else None.
pub fn id_number_warning(lang: Lang, today: NaiveDate, text: &str) -> Option<String> {
    let problem = id_number_problem(text, today)?;
    Some(fill(
        lang.pick("证件号码 {} {}", "ID number {} {}"),
        &[&mask_id(text.trim()), &id_why(lang, problem)],
    ))
}

/// `手机号 010-****5678 是固定电话，不是手机号码` / `phone 010-****5678 is a landline, not a
/// mobile number` when `text` is not a mainland mobile (the number masked), else None. A blank
/// text is no warning: a phone is optional.
pub fn phone_warning(lang: Lang, text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    let problem = mobile_problem(text)?;
    Some(fill(
        lang.pick("手机号 {} {}", "phone {} {}"),
        &[&mask_phone(text.trim()), &phone_why(lang, problem)],
    ))
}

/// The import's warnings, one line a doubtful field, in row order: an ID number failing its
/// check (imported as the core system has it) and a landline in the phone column (the row
/// imported, the number not stored as its mobile).
pub fn row_warnings(lang: Lang, today: NaiveDate, rows: &[CustomerRecord]) -> Vec<String> {
    let mut out = Vec::new();
    for r in rows {
        if let Some(w) = r
            .customer
            .id_number
            .as_deref()
            .and_then(|id| id_number_warning(lang, today, id))
        {
            out.push(fill(
                lang.pick(
                    "警告：第 {} 行 {}（已导入；请在核心系统中更正）",
                    "warning: line {}: {} (imported; correct it in the core system)",
                ),
                &[&r.line, &w],
            ));
        }
        if let Some(w) = r.landline.as_deref().and_then(|t| phone_warning(lang, t)) {
            out.push(fill(
                lang.pick(
                    "警告：第 {} 行 {}（该行已导入，此号码未存为手机号）",
                    "warning: line {}: {} (the row is imported; the number is not stored as its mobile)",
                ),
                &[&r.line, &w],
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default()
    }

    #[test]
    fn the_form_gets_a_message_in_each_language() {
        assert_eq!(phone_warning(Lang::Zh, "13812345678"), None);
        assert_eq!(phone_warning(Lang::Zh, "  "), None);
        assert_eq!(
            phone_warning(Lang::Zh, "010-12345678").as_deref(),
            Some("手机号 ********5678 是固定电话，不是手机号码")
        );
        assert_eq!(
            phone_warning(Lang::En, "1381234").as_deref(),
            Some("phone ***1234 is not a mainland mobile number")
        );
        assert_eq!(
            id_number_warning(Lang::En, today(), "11010519491231002X"),
            None
        );
        assert_eq!(
            id_number_warning(Lang::Zh, today(), "110101199003074518").as_deref(),
            Some("证件号码 110101********4518 校验位不符")
        );
        assert_eq!(
            id_number_warning(Lang::En, today(), "110101199003074518").as_deref(),
            Some("ID number 110101********4518 fails its check digit")
        );
    }
}
