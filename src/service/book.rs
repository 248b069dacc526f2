//! The customer book's use-cases: add a person by hand (a prospect with a local number),
//! edit details (each change kept, undone and redone), pinned notes, relations. Each is
//! checked in full before the write lock and written in one transaction; a refusal names the
//! field in the manager's language.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::book::{EditField, MAX_NOTE_CHARS, NewPerson, RelationKind, check_field};
use crate::domain::book_words::{field_label, problem_text};
use crate::domain::customer::Customer;
use crate::domain::policy::Policy;
use crate::error::{Error, Result};
use crate::i18n::{Lang, fill};
use crate::store::book as sb;
use crate::store::customers::{CustomerRow, find_customer, insert_customer};
use crate::store::managers::ensure_manager;
use crate::store::{CustomerUpsert, Store};

/// A person added by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub id: i64,
    pub local_no: String,
}

/// Which field of the add form a refusal is about (for the form to show it beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonField {
    Field(EditField),
    ReferredBy,
    Note,
}

/// A refusal of a typed value: the field and the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: PersonField,
    pub message: String,
}

fn field_error(lang: Lang, field: EditField, message: String) -> FieldError {
    FieldError {
        field: PersonField::Field(field),
        message: fill(
            lang.pick("{}：{}", "{}: {}"),
            &[&field_label(lang, field), &message],
        ),
    }
}

/// The person as it will be stored, or every refusal (each naming its field). `source` may
/// be a key or either word of the policy's list.
pub fn check_person(
    store: &Store,
    policy: &Policy,
    lang: Lang,
    person: &NewPerson,
    today: NaiveDate,
) -> Result<std::result::Result<NewPerson, Vec<FieldError>>> {
    let mut errors = Vec::new();
    let keys = policy.book.source_keys();
    let mut out = person.clone();
    let source = person.source.as_deref().map(|t| {
        policy
            .book
            .find_source(t)
            .map(|s| s.key.clone())
            .unwrap_or(t.to_string())
    });
    for (field, text) in [
        (EditField::Name, Some(person.name.clone())),
        (EditField::Phone, person.phone.clone()),
        (EditField::IdNumber, person.id_number.clone()),
        (EditField::Source, source),
    ] {
        match check_field(field, text.as_deref().unwrap_or(""), &keys, today) {
            Ok(value) => match field {
                EditField::Name => out.name = value.unwrap_or_default(),
                EditField::Phone => out.phone = value,
                EditField::IdNumber => out.id_number = value,
                _ => out.source = value,
            },
            Err(p) => errors.push(field_error(lang, field, problem_text(lang, p))),
        }
    }
    if let Some(id) = &out.id_number
        && let Some(other) = customer_with_id(store, id)?
    {
        errors.push(field_error(
            lang,
            EditField::IdNumber,
            fill(
                lang.pick(
                    "已是客户 {} {} 的证件号码",
                    "already the ID number of {} {}",
                ),
                &[&other.customer.customer_no, &other.customer.name],
            ),
        ));
    }
    out.referred_by_customer = person
        .referred_by_customer
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    if let Some(no) = &out.referred_by_customer
        && find_customer(store.conn(), no)?.is_none()
    {
        errors.push(FieldError {
            field: PersonField::ReferredBy,
            message: fill(
                lang.pick("引荐人：没有客户号 {}", "Referred by: no customer {}"),
                &[no],
            ),
        });
    }
    out.referred_by_staff = trimmed(person.referred_by_staff.as_deref());
    out.note = trimmed(person.note.as_deref());
    if let Some(note) = &out.note
        && (note.chars().count() > MAX_NOTE_CHARS
            || note.chars().any(|c| c.is_control() && c != '\n'))
    {
        errors.push(FieldError {
            field: PersonField::Note,
            message: lang
                .pick(
                    "备注：太长或含控制字符（最多 500 字）",
                    "Note: too long or holds control characters (500 at most)",
                )
                .into(),
        });
    }
    out.manager_no = trimmed(person.manager_no.as_deref());
    Ok(if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    })
}

fn trimmed(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// The first customer with this ID number.
fn customer_with_id(store: &Store, value: &str) -> Result<Option<CustomerRow>> {
    match sb::customer_no_with_id_number(store.conn(), value)? {
        Some(no) => find_customer(store.conn(), &no),
        None => Ok(None),
    }
}

/// A customer other than `id` already on this mobile (a family member, or the same person
/// twice): said, not refused.
pub fn same_mobile_other(store: &Store, phone: &str, id: i64) -> Result<Option<(String, String)>> {
    Ok(match sb::customer_no_with_phone(store.conn(), phone, id)? {
        Some(no) => {
            find_customer(store.conn(), &no)?.map(|r| (r.customer.customer_no, r.customer.name))
        }
        None => None,
    })
}

/// Another customer already on this mobile, before adding (for the add form's warning).
pub fn same_mobile(store: &Store, phone: &str) -> Result<Option<(String, String)>> {
    same_mobile_other(store, phone, -1)
}

fn refusal(errors: Vec<FieldError>) -> Error {
    Error::Input(
        errors
            .into_iter()
            .map(|e| e.message)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Adds a person by hand: a local number, the lifecycle stage 潜在 (no trade yet), the
/// manager (`person.manager_no`, else `me`), the source, referrer and first note — one
/// transaction.
pub fn add_person(
    store: &mut Store,
    policy: &Policy,
    lang: Lang,
    person: &NewPerson,
    me: Option<&str>,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<Added> {
    let person = check_person(store, policy, lang, person, today)?.map_err(refusal)?;
    let manager_no = person.manager_no.clone().or_else(|| me.map(str::to_string));
    let by = me.unwrap_or("").to_string();
    let tx = store.write()?;
    let manager_id = match &manager_no {
        Some(no) => Some(ensure_manager(&tx, no, None, now)?),
        None => None,
    };
    let referred_by_id = match &person.referred_by_customer {
        Some(no) => find_customer(&tx, no)?.map(|r| r.id),
        None => None,
    };
    let local_no = sb::next_local_no(&tx)?;
    let customer = Customer {
        customer_no: local_no.clone(),
        name: person.name.clone(),
        phone: person.phone.clone(),
        id_number: person.id_number.clone(),
        manager_no: manager_no.clone(),
        ..Customer::default()
    };
    let id = insert_customer(
        &tx,
        &CustomerUpsert {
            customer,
            manager_id,
        },
        today,
        now,
    )?;
    sb::mark_hand_added(
        &tx,
        id,
        &local_no,
        person.source.as_deref(),
        referred_by_id,
        person.referred_by_staff.as_deref(),
        today,
        &by,
        now,
    )?;
    if let Some(note) = &person.note {
        sb::add_note(&tx, id, note, true, &by, now)?;
    }
    tx.commit()?;
    Ok(Added { id, local_no })
}

/// Checks one edit against the stored customer: the value as it will be stored.
pub fn check_edit(
    store: &Store,
    policy: &Policy,
    lang: Lang,
    customer_no: &str,
    field: EditField,
    text: &str,
    today: NaiveDate,
) -> Result<std::result::Result<Option<String>, FieldError>> {
    let row = find_customer(store.conn(), customer_no)?
        .ok_or_else(|| Error::NoSuchCustomer(customer_no.to_string()))?;
    if field.prospect_only() && !sb::book_facts(store.conn(), row.id)?.is_prospect() {
        return Ok(Err(field_error(
            lang,
            field,
            lang.pick(
                "以核心系统为准，请在核心系统中修改",
                "comes from the core system; change it there",
            )
            .into(),
        )));
    }
    let text = match field {
        EditField::Source => policy
            .book
            .find_source(text)
            .map(|s| s.key.clone())
            .unwrap_or_else(|| text.to_string()),
        _ => text.to_string(),
    };
    Ok(check_field(field, &text, &policy.book.source_keys(), today)
        .map_err(|p| field_error(lang, field, problem_text(lang, p))))
}

/// Applies the edits (each checked first; any refusal writes nothing) in one transaction;
/// returns the ids of the changes kept (empty when nothing differed), for undo.
#[allow(clippy::too_many_arguments)]
pub fn edit_customer(
    store: &mut Store,
    policy: &Policy,
    lang: Lang,
    customer_no: &str,
    edits: &[(EditField, String)],
    by: &str,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<Vec<i64>> {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for (field, text) in edits {
        match check_edit(store, policy, lang, customer_no, *field, text, today)? {
            Ok(v) => values.push((*field, v)),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(refusal(errors));
    }
    let tx = store.write()?;
    let row = find_customer(&tx, customer_no)?
        .ok_or_else(|| Error::NoSuchCustomer(customer_no.to_string()))?;
    let mut ids = Vec::new();
    for (field, value) in values {
        if let Some(id) = sb::edit_field(&tx, row.id, field, value.as_deref(), by, now)? {
            ids.push(id);
        }
    }
    tx.commit()?;
    Ok(ids)
}

/// Takes back (`undone`) or makes again the kept changes `ids`, in one transaction.
pub fn set_edits_undone(
    store: &mut Store,
    ids: &[i64],
    undone: bool,
    now: NaiveDateTime,
) -> Result<()> {
    let tx = store.write()?;
    sb::set_changes_undone(&tx, ids, undone, now)?;
    tx.commit()?;
    Ok(())
}

fn customer_id(store: &Store, customer_no: &str) -> Result<i64> {
    Ok(find_customer(store.conn(), customer_no)?
        .ok_or_else(|| Error::NoSuchCustomer(customer_no.to_string()))?
        .id)
}

/// Adds a note (pinned unless `pinned` is false); returns its id.
pub fn add_note(
    store: &mut Store,
    lang: Lang,
    customer_no: &str,
    body: &str,
    pinned: bool,
    by: &str,
    now: NaiveDateTime,
) -> Result<i64> {
    let body = body.trim();
    if body.is_empty()
        || body.chars().count() > MAX_NOTE_CHARS
        || body.chars().any(|c| c.is_control() && c != '\n')
    {
        return Err(Error::Input(
            lang.pick(
                "备注不能为空、不超过 500 字、不含控制字符",
                "a note must be non-empty, at most 500 characters, with no control characters",
            )
            .into(),
        ));
    }
    let id = customer_id(store, customer_no)?;
    let tx = store.write()?;
    let note = sb::add_note(&tx, id, body, pinned, by, now)?;
    tx.commit()?;
    Ok(note)
}

/// Removes (or brings back) a note.
pub fn set_note_deleted(
    store: &mut Store,
    note_id: i64,
    deleted: bool,
    now: NaiveDateTime,
) -> Result<()> {
    let tx = store.write()?;
    sb::set_note_deleted(&tx, note_id, deleted, now)?;
    tx.commit()?;
    Ok(())
}

/// Links `other_no` to `customer_no` as the customer's `kind` (配偶, 父母…); returns its id.
pub fn relate(
    store: &mut Store,
    lang: Lang,
    customer_no: &str,
    other_no: &str,
    kind: RelationKind,
    now: NaiveDateTime,
) -> Result<i64> {
    let a = customer_id(store, customer_no)?;
    let b = customer_id(store, other_no)?;
    if a == b {
        return Err(Error::Input(
            lang.pick(
                "不能与自己建立关系",
                "a customer cannot be related to themself",
            )
            .into(),
        ));
    }
    let tx = store.write()?;
    let id = sb::add_relation(&tx, a, b, kind, now)?;
    tx.commit()?;
    Ok(id)
}

/// Removes (or brings back) a relation.
pub fn set_relation_deleted(
    store: &mut Store,
    id: i64,
    deleted: bool,
    now: NaiveDateTime,
) -> Result<()> {
    let tx = store.write()?;
    sb::set_relation_deleted(&tx, id, deleted, now)?;
    tx.commit()?;
    Ok(())
}
