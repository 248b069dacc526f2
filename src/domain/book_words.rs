//! The customer book's words in either language: field labels of the add and edit forms,
//! what is wrong with a typed value, relation kinds, and how a kept change reads.

use super::book::{EditField, FieldProblem, RelationKind};
use super::identity::{IdProblem, PhoneProblem};
use crate::i18n::Lang;

/// The field's label (手机号 | Mobile).
pub fn field_label(lang: Lang, field: EditField) -> &'static str {
    match field {
        EditField::Name => lang.pick("姓名", "Name"),
        EditField::Phone => lang.pick("手机号", "Mobile"),
        EditField::IdNumber => lang.pick("证件号码", "ID number"),
        EditField::Address => lang.pick("地址", "Address"),
        EditField::Employer => lang.pick("工作单位", "Employer"),
        EditField::Occupation => lang.pick("职业", "Occupation"),
        EditField::Tags => lang.pick("标签", "Tags"),
        EditField::Preference => lang.pick("偏好（投资/储蓄）", "Preference"),
        EditField::Source => lang.pick("来源", "Source"),
    }
}

/// Why an ID number fails (the import's warnings and the forms say it alike).
pub fn id_problem_text(lang: Lang, problem: IdProblem) -> &'static str {
    match problem {
        IdProblem::Length => lang.pick("位数不是 15 或 18 位", "is not 15 or 18 characters long"),
        IdProblem::Characters => lang.pick(
            "含有数字（和末位 X）以外的字符",
            "holds characters other than digits (and a final X)",
        ),
        IdProblem::BirthDate => lang.pick(
            "其中的出生日期不存在",
            "holds a birth date that does not exist",
        ),
        IdProblem::CheckDigit => lang.pick("校验位不符", "fails its check digit"),
    }
}

/// Why a phone number is not a mainland mobile.
pub fn phone_problem_text(lang: Lang, problem: PhoneProblem) -> &'static str {
    match problem {
        PhoneProblem::Landline => lang.pick(
            "是固定电话，不是手机号码",
            "is a landline, not a mobile number",
        ),
        PhoneProblem::NotMobile => {
            lang.pick("不是有效的大陆手机号码", "is not a mainland mobile number")
        }
    }
}

/// What is wrong with a typed value, for the line beside its field.
pub fn problem_text(lang: Lang, problem: FieldProblem) -> String {
    match problem {
        FieldProblem::Required => lang.pick("必填", "required").into(),
        FieldProblem::TooLong => lang
            .pick("太长（最多 200 字）", "too long (200 characters at most)")
            .into(),
        FieldProblem::Control => lang
            .pick(
                "含有控制字符，请重新输入",
                "holds control characters; type it again",
            )
            .into(),
        FieldProblem::Phone(p) => phone_problem_text(lang, p).into(),
        FieldProblem::Id(p) => id_problem_text(lang, p).into(),
        FieldProblem::UnknownSource => lang.pick("不在来源列表中", "not one of the sources").into(),
        FieldProblem::UnknownPreference => lang
            .pick(
                "填 投资 或 储蓄（留空则按资产判断）",
                "investment or savings (blank: by assets)",
            )
            .into(),
    }
}

/// The relation kind's word (配偶 | spouse).
pub fn relation_word(lang: Lang, kind: RelationKind) -> &'static str {
    lang.pick(kind.zh(), kind.en())
}

/// The label of a kept change's field (`customer_no` for a link or an add).
pub fn change_label(lang: Lang, key: &str) -> &'static str {
    match EditField::from_key(key) {
        Some(f) => field_label(lang, f),
        None if key == "customer_no" => lang.pick("客户号", "Customer no."),
        None => lang.pick("其他", "other"),
    }
}
