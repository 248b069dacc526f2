//! The manager's own customer book: the fields a manager may change by hand, relations between
//! customers, pinned notes, who referred whom, and a hand-added person (a prospect) as typed.
//! Plain data and the rules that check it; no I/O.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::Serialize;

use super::customer::Preference;
use super::identity::{IdProblem, PhoneProblem, id_number_problem, mobile_digits};

/// The longest name, address, employer or note a hand entry takes (characters): a bound so no
/// pasted text can bloat a row or a screen.
pub const MAX_FIELD_CHARS: usize = 200;
/// The longest pinned note (characters).
pub const MAX_NOTE_CHARS: usize = 500;

/// A detail the manager may change by hand (`e` on the detail, `guanhu customers edit`). The
/// core system owns the rest (balances, risk profile, birth date); a prospect's name and ID
/// number are the manager's until an import links them, so those are editable only then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EditField {
    Name,
    Phone,
    IdNumber,
    Address,
    Employer,
    Occupation,
    Tags,
    Preference,
    Source,
}

impl EditField {
    /// Every field, in the edit form's order.
    pub const ALL: [EditField; 9] = [
        EditField::Name,
        EditField::Phone,
        EditField::IdNumber,
        EditField::Address,
        EditField::Employer,
        EditField::Occupation,
        EditField::Tags,
        EditField::Preference,
        EditField::Source,
    ];

    /// The stable key stored in the change history and taken by `--field`.
    pub fn key(self) -> &'static str {
        match self {
            EditField::Name => "name",
            EditField::Phone => "phone",
            EditField::IdNumber => "id_number",
            EditField::Address => "address",
            EditField::Employer => "employer",
            EditField::Occupation => "occupation",
            EditField::Tags => "tags",
            EditField::Preference => "preference",
            EditField::Source => "source",
        }
    }

    /// Parses a stored key.
    pub fn from_key(key: &str) -> Option<EditField> {
        EditField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// True for the fields only a hand-added person (not yet linked) may change.
    pub fn prospect_only(self) -> bool {
        matches!(self, EditField::Name | EditField::IdNumber)
    }
}

/// How one customer stands to another: "other is customer's <kind>".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    Spouse,
    Parent,
    Child,
    SameEmployer,
    Other,
}

impl RelationKind {
    /// Every kind, in the picker's order.
    pub const ALL: [RelationKind; 5] = [
        RelationKind::Spouse,
        RelationKind::Parent,
        RelationKind::Child,
        RelationKind::SameEmployer,
        RelationKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            RelationKind::Spouse => "spouse",
            RelationKind::Parent => "parent",
            RelationKind::Child => "child",
            RelationKind::SameEmployer => "same_employer",
            RelationKind::Other => "other",
        }
    }

    /// Parses a key or its Chinese word (配偶, 父母, 子女, 同一企业, 其他).
    pub fn parse(text: &str) -> Option<RelationKind> {
        let t = text.trim();
        RelationKind::ALL
            .into_iter()
            .find(|k| k.key() == t.to_ascii_lowercase() || k.zh() == t)
    }

    /// The relation as seen from the other end: my parent sees me as their child.
    pub fn inverse(self) -> RelationKind {
        match self {
            RelationKind::Parent => RelationKind::Child,
            RelationKind::Child => RelationKind::Parent,
            other => other,
        }
    }

    /// Family relations make a household; a shared employer or "other" does not.
    pub fn household(self) -> bool {
        matches!(
            self,
            RelationKind::Spouse | RelationKind::Parent | RelationKind::Child
        )
    }

    pub fn zh(self) -> &'static str {
        match self {
            RelationKind::Spouse => "配偶",
            RelationKind::Parent => "父母",
            RelationKind::Child => "子女",
            RelationKind::SameEmployer => "同一企业",
            RelationKind::Other => "其他",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            RelationKind::Spouse => "spouse",
            RelationKind::Parent => "parent",
            RelationKind::Child => "child",
            RelationKind::SameEmployer => "same employer",
            RelationKind::Other => "other",
        }
    }
}

/// A note that stays with the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub id: i64,
    pub body: String,
    pub pinned: bool,
    pub author_no: String,
    pub created_at: NaiveDateTime,
}

/// Another customer linked to this one, with their latest AUM (for the household's total).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    /// The relation's row id.
    pub id: i64,
    /// How the other stands to this customer (already turned for the end read from).
    pub kind: RelationKind,
    pub customer_no: String,
    pub name: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub aum: Decimal,
}

/// Who referred a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Referrer {
    Customer { customer_no: String, name: String },
    Staff { staff_no: String },
}

/// One kept change of a customer's details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub id: i64,
    /// The field's key (an [`EditField`] key, or `customer_no` for a link).
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub at: NaiveDateTime,
    pub by: String,
    /// `hand`, `add` or `link`.
    pub via: String,
    pub undone: bool,
}

/// What the book holds about one customer beyond the core system's fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct BookFacts {
    pub address: Option<String>,
    pub employer: Option<String>,
    /// A key of the policy's `[book] sources`.
    pub source: Option<String>,
    /// The local number of a hand-added person (kept after a link).
    pub local_no: Option<String>,
    pub linked_at: Option<NaiveDateTime>,
    pub referrer: Option<Referrer>,
    pub referred_on: Option<NaiveDate>,
    /// How many customers this one referred.
    pub referrals: u32,
    /// Pinned first, newest first within each.
    pub notes: Vec<Note>,
    pub relations: Vec<Related>,
    /// The customer's own AUM plus every family relation's (each person once).
    #[serde(with = "rust_decimal::serde::str")]
    pub household_aum: Decimal,
    /// Newest first.
    pub changes: Vec<Change>,
}

impl BookFacts {
    /// True while the person is hand-added and not yet linked to a core-system customer.
    pub fn is_prospect(&self) -> bool {
        self.local_no.is_some() && self.linked_at.is_none()
    }

    /// The pinned notes, for the log popup and the detail's top.
    pub fn pinned(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(|n| n.pinned)
    }
}

/// What is wrong with a typed value, named so the form can show it beside its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldProblem {
    Required,
    TooLong,
    /// A control character (a pasted escape sequence).
    Control,
    /// Not a mainland mobile (a landline is named as one: the field is the mobile).
    Phone(PhoneProblem),
    Id(IdProblem),
    UnknownSource,
    UnknownPreference,
}

/// Checks one typed value; the value as it will be stored (trimmed; `None` when blank).
/// A bad ID number is refused here, unlike on import: a hand entry can be corrected at once,
/// where a core file's number is the bank's record.
pub fn check_field(
    field: EditField,
    text: &str,
    sources: &[String],
    today: NaiveDate,
) -> Result<Option<String>, FieldProblem> {
    let t = text.trim();
    if t.chars().any(char::is_control) {
        return Err(FieldProblem::Control);
    }
    if t.chars().count() > MAX_FIELD_CHARS {
        return Err(FieldProblem::TooLong);
    }
    if t.is_empty() {
        return if field == EditField::Name {
            Err(FieldProblem::Required)
        } else {
            Ok(None)
        };
    }
    match field {
        EditField::Phone => mobile_digits(t).map(Some).map_err(FieldProblem::Phone),
        EditField::IdNumber => match id_number_problem(t, today) {
            Some(p) => Err(FieldProblem::Id(p)),
            None => Ok(Some(normal_id(t))),
        },
        EditField::Source => {
            if sources.iter().any(|s| s == t) {
                Ok(Some(t.to_string()))
            } else {
                Err(FieldProblem::UnknownSource)
            }
        }
        EditField::Preference => Preference::from_key(t)
            .or(match t {
                "投资" | "投资型" => Some(Preference::Investment),
                "储蓄" | "储蓄型" => Some(Preference::Savings),
                _ => None,
            })
            .map(|p| Some(p.key().to_string()))
            .ok_or(FieldProblem::UnknownPreference),
        EditField::Tags => Ok(Some(
            t.split([',', '，', ' ', '、'])
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(","),
        )),
        _ => Ok(Some(t.to_string())),
    }
}

/// True when a stored phone number is a mainland mobile.
pub fn is_mobile(phone: &str) -> bool {
    phone.len() == 11 && phone.starts_with('1') && phone.bytes().all(|b| b.is_ascii_digit())
}

/// An ID number as stored: no spaces, a final x upper-case.
pub fn normal_id(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A person typed in by hand (the add form or `guanhu customers add`), checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewPerson {
    pub name: String,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub source: Option<String>,
    /// A customer number of the referrer, or a staff number (`referred_by_staff`).
    pub referred_by_customer: Option<String>,
    pub referred_by_staff: Option<String>,
    pub note: Option<String>,
    /// The manager's staff number; `None` means the one running guanhu.
    pub manager_no: Option<String>,
}

/// The local number of the `n`th hand-added person: `P000123`.
pub fn local_number(n: i64) -> String {
    format!("P{n:06}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default()
    }

    #[test]
    fn phones_are_stored_as_their_mobile_digits() {
        let sources: Vec<String> = Vec::new();
        let phone = |t| check_field(EditField::Phone, t, &sources, day());
        assert_eq!(phone("+86 139-0000-1111"), Ok(Some("13900001111".into())));
        assert_eq!(
            phone("010-12345678"),
            Err(FieldProblem::Phone(PhoneProblem::Landline))
        );
        assert_eq!(
            phone("1390000111"),
            Err(FieldProblem::Phone(PhoneProblem::NotMobile))
        );
    }

    #[test]
    fn fields_are_checked() {
        let sources = vec!["walk_in".to_string()];
        let check = |f, t| check_field(f, t, &sources, day());
        assert_eq!(check(EditField::Name, "  "), Err(FieldProblem::Required));
        assert_eq!(check(EditField::Phone, ""), Ok(None));
        assert_eq!(
            check(EditField::Phone, "12900001111"),
            Err(FieldProblem::Phone(PhoneProblem::NotMobile))
        );
        assert_eq!(
            check(EditField::IdNumber, "110105194912310021"),
            Err(FieldProblem::Id(IdProblem::CheckDigit))
        );
        assert_eq!(
            check(EditField::IdNumber, "11010519491231002x"),
            Ok(Some("11010519491231002X".into()))
        );
        assert_eq!(
            check(EditField::Source, "event"),
            Err(FieldProblem::UnknownSource)
        );
        assert_eq!(
            check(EditField::Tags, "退休，广场舞 老客户"),
            Ok(Some("退休,广场舞,老客户".into()))
        );
        assert_eq!(
            check(EditField::Preference, "投资型"),
            Ok(Some("investment".into()))
        );
        assert_eq!(
            check(EditField::Address, "a\u{1b}[2J"),
            Err(FieldProblem::Control)
        );
        let long = "字".repeat(MAX_FIELD_CHARS + 1);
        assert_eq!(check(EditField::Address, &long), Err(FieldProblem::TooLong));
    }

    #[test]
    fn relations_turn_at_the_other_end() {
        assert_eq!(RelationKind::Parent.inverse(), RelationKind::Child);
        assert_eq!(RelationKind::Spouse.inverse(), RelationKind::Spouse);
        assert_eq!(RelationKind::parse("子女"), Some(RelationKind::Child));
        assert_eq!(
            RelationKind::parse("same_employer"),
            Some(RelationKind::SameEmployer)
        );
        assert!(!RelationKind::SameEmployer.household());
        assert_eq!(local_number(123), "P000123");
    }
}
