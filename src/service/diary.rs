//! Diary use-cases: log one entry or many (a bulk SMS) in one transaction, amend, delete, restore, and load a day or a customer's timeline. A sale with an amount and maturity also becomes a holding; a risk assessment updates the customer. Nothing is silently changed: every amendment and deletion keeps the earlier version.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::upcoming::callback_answers;
use crate::domain::customer::{Holding, RiskLevel};
use crate::domain::diary::{DiaryDay, DiaryEntry, EntryDraft, EntryKind, validate_draft};
use crate::domain::limits::LimitsPolicy;
use crate::domain::policy::Policy;
use crate::error::{Error, Result};
use crate::store::customers::{
    current_manager_id, find_customer, find_customer_by_id, update_risk,
};
use crate::store::diary::{
    EntryLinks, EntryRow, find_entry, insert_entry, insert_revision, latest_risk_assessment,
    list_entries_between, list_follow_ups_between, list_revisions, next_batch_id,
    risk_before_diary, set_deleted, set_holding, set_prev_risk, update_entry,
};
use crate::store::holdings::{delete_sale_holding, insert_sale_holding};
use crate::store::{Conn, Store};

/// Logs entries in one transaction; returns their ids in order. Several entries share a batch.
pub fn log_entries(
    store: &mut Store,
    manager_no: Option<&str>,
    drafts: &[EntryDraft],
    now: NaiveDateTime,
) -> Result<Vec<i64>> {
    for draft in drafts {
        validate_draft(draft, &LimitsPolicy::ceiling()).map_err(Error::Draft)?;
    }
    let tx = store.write()?;
    let manager_id = super::manager_id_of(&tx, manager_no)?;
    let batch_id = if drafts.len() > 1 {
        Some(next_batch_id(&tx)?)
    } else {
        None
    };
    let mut ids = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let mut links = EntryLinks {
            manager_id,
            batch_id,
            ..EntryLinks::default()
        };
        if let Some(no) = &draft.customer_no {
            let row = find_customer(&tx, no)?.ok_or_else(|| Error::NoSuchCustomer(no.clone()))?;
            links.customer_id = Some(row.id);
            if links.manager_id.is_none() {
                links.manager_id = current_manager_id(&tx, row.id)?;
            }
            links.prev_risk_level = row.customer.risk_level;
            links.prev_risk_assessed_on = row.customer.risk_assessed_on;
        }
        let id = insert_entry(&tx, draft, links, now)?;
        apply_effects(&tx, id, draft, links.customer_id, now)?;
        ids.push(id);
    }
    tx.commit()?;
    Ok(ids)
}

/// What an entry changes outside the diary: the holding of a sale, the customer's risk level.
fn apply_effects(
    conn: &Conn,
    id: i64,
    draft: &EntryDraft,
    customer_id: Option<i64>,
    now: NaiveDateTime,
) -> Result<()> {
    let Some(customer_id) = customer_id else {
        return Ok(());
    };
    if let (EntryKind::Sale, Some(sale)) = (draft.kind, &draft.sale)
        && let (Some(amount), Some(maturity)) = (sale.amount, sale.maturity_on)
    {
        let holding = Holding {
            kind: sale.product_kind,
            product_code: sale.product_code.clone(),
            product_name: sale.product_name.clone(),
            amount,
            start_on: Some(draft.occurred_at.date()),
            maturity_on: Some(maturity),
        };
        let holding_id = insert_sale_holding(conn, customer_id, &holding, now)?;
        set_holding(conn, id, Some(holding_id))?;
    }
    if draft.kind == EntryKind::RiskAssessment {
        sync_risk(conn, customer_id, now)?;
    }
    Ok(())
}

/// Sets the customer's risk profile from their latest live logged assessment; with none left,
/// back to what it was before the diary first changed it.
fn sync_risk(conn: &Conn, customer_id: i64, now: NaiveDateTime) -> Result<()> {
    let before = risk_before_diary(conn, customer_id)?;
    sync_risk_or(conn, customer_id, before, now)
}

/// `sync_risk` with the pre-diary profile given (it may have left with an entry moved away).
fn sync_risk_or(
    conn: &Conn,
    customer_id: i64,
    before: Option<(Option<RiskLevel>, Option<NaiveDate>)>,
    now: NaiveDateTime,
) -> Result<()> {
    match (latest_risk_assessment(conn, customer_id)?, before) {
        (Some((level, on)), _) => update_risk(conn, customer_id, level, Some(on), now),
        (None, Some((level, on))) => update_risk(conn, customer_id, level, on, now),
        (None, None) => Ok(()),
    }
}

/// Takes back the sale's holding of an entry that is deleted or about to be amended. (The
/// risk profile is recomputed by `sync_risk` after the entry itself has changed.)
fn revert_holding(conn: &Conn, row: &EntryRow) -> Result<()> {
    if let Some(holding_id) = row.holding_id {
        delete_sale_holding(conn, holding_id)?;
        set_holding(conn, row.entry.id, None)?;
    }
    Ok(())
}

fn load_row(conn: &Conn, id: i64) -> Result<EntryRow> {
    find_entry(conn, id)?.ok_or(Error::NoSuchEntry(id))
}

/// Replaces an entry's content, keeping the earlier version as a revision.
pub fn amend_entry(
    store: &mut Store,
    id: i64,
    draft: &EntryDraft,
    now: NaiveDateTime,
) -> Result<()> {
    validate_draft(draft, &LimitsPolicy::ceiling()).map_err(Error::Draft)?;
    let tx = store.write()?;
    let row = load_row(&tx, id)?;
    let customer_id = match &draft.customer_no {
        Some(no) => Some(
            find_customer(&tx, no)?
                .ok_or_else(|| Error::NoSuchCustomer(no.clone()))?
                .id,
        ),
        None => None,
    };
    let moved_away = row.entry.draft.kind == EntryKind::RiskAssessment
        && row.customer_id.is_some()
        && (row.customer_id != customer_id || draft.kind != EntryKind::RiskAssessment);
    // Read before the entry leaves: the old customer's profile from before the diary.
    let old_before = match (moved_away, row.customer_id) {
        (true, Some(old)) => risk_before_diary(&tx, old)?,
        _ => None,
    };
    insert_revision(&tx, &row.entry, "amend", now)?;
    revert_holding(&tx, &row)?;
    update_entry(&tx, id, draft, customer_id, Some(now))?;
    if moved_away
        && draft.kind == EntryKind::RiskAssessment
        && let Some(new) = customer_id
        && let Some(c) = find_customer_by_id(&tx, new)?
    {
        set_prev_risk(&tx, id, c.risk_level, c.risk_assessed_on)?;
    }
    if !row.entry.deleted {
        apply_effects(&tx, id, draft, customer_id, now)?;
    }
    // An assessment moved away from a customer (or turned into another kind) leaves them too.
    if moved_away && let Some(old) = row.customer_id {
        sync_risk_or(&tx, old, old_before, now)?;
    }
    tx.commit()?;
    Ok(())
}

/// Marks entries deleted (kept, with a revision each), in one transaction. `action` names why
/// (`delete` or `undo`).
pub fn delete_entries(
    store: &mut Store,
    ids: &[i64],
    action: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let tx = store.write()?;
    for &id in ids {
        let row = load_row(&tx, id)?;
        if row.entry.deleted {
            continue;
        }
        insert_revision(&tx, &row.entry, action, now)?;
        revert_holding(&tx, &row)?;
        set_deleted(&tx, id, Some(now))?;
        if row.entry.draft.kind == EntryKind::RiskAssessment
            && let Some(customer_id) = row.customer_id
        {
            sync_risk(&tx, customer_id, now)?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Brings deleted entries back (`restore` or `redo`), in one transaction.
pub fn restore_entries(
    store: &mut Store,
    ids: &[i64],
    action: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let tx = store.write()?;
    for &id in ids {
        let row = load_row(&tx, id)?;
        if !row.entry.deleted {
            continue;
        }
        insert_revision(&tx, &row.entry, action, now)?;
        set_deleted(&tx, id, None)?;
        apply_effects(&tx, id, &row.entry.draft, row.customer_id, now)?;
    }
    tx.commit()?;
    Ok(())
}

/// One entry as stored now.
pub fn load_entry(store: &Store, id: i64) -> Result<DiaryEntry> {
    Ok(load_row(store.conn(), id)?.entry)
}

/// An entry's earlier versions, oldest first.
pub fn entry_history(store: &Store, id: i64) -> Result<Vec<(NaiveDateTime, String, DiaryEntry)>> {
    list_revisions(store.conn(), id)
}

/// The day's entries and the follow-ups due that day that nothing answered yet (by the
/// policy's call-back answers, as the queue judges them).
pub fn load_day(
    store: &Store,
    policy: &Policy,
    manager_no: Option<&str>,
    date: NaiveDate,
) -> Result<DiaryDay> {
    // Several queries: one snapshot, so a commit by another copy lands in all or none.
    let read = store.read()?;
    let start = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    let end = start + Duration::days(1);
    Ok(DiaryDay {
        date,
        entries: list_entries_between(&read, manager_no, start, end)?,
        follow_ups: list_follow_ups_between(
            &read,
            manager_no,
            start,
            end,
            callback_answers(policy),
        )?,
    })
}

/// Entries that occurred in `[from, to]` (whole days), for exports and ledgers.
pub fn load_period(
    store: &Store,
    manager_no: Option<&str>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DiaryEntry>> {
    let start = from.and_hms_opt(0, 0, 0).unwrap_or_default();
    let end = to.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::days(1);
    list_entries_between(store.conn(), manager_no, start, end)
}

/// Customer numbers contacted in any way on or after `since`.
pub fn contacted_since(
    store: &Store,
    since: NaiveDate,
) -> Result<std::collections::HashSet<String>> {
    crate::store::diary::list_contacted_since(
        store.conn(),
        since.and_hms_opt(0, 0, 0).unwrap_or_default(),
    )
}
