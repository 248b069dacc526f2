//! Applying an import plan to the store: match by customer number, merge, add a dated snapshot, all in one transaction (or rolled back for a dry run). The file is read and checked, and every row matched against the store, before the write lock is taken, so the lock is held for the writes alone; and a store that does not exist is created only when an import has something to write into it.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::customer::{Customer, Snapshot};
use crate::domain::limits::LimitsPolicy;
use crate::domain::prospects::{Conflict, MatchedBy, Prospect, ProspectMatch, match_prospect};
use crate::error::{Error, Result};
use crate::import::{
    self, CustomerRecord, FileFormat, HoldingRecord, ImportPlan, Problem, Rejection,
};
use crate::store::book::{link_prospect, list_prospects};
use crate::store::customers::find_customer_by_id;
use crate::store::customers::{
    CustomerRow, current_manager_id, find_customer, insert_customer, list_customers,
    update_customer, upsert_snapshot,
};
use crate::store::holdings::upsert_holding;
use crate::store::managers::ensure_manager;
use crate::store::{Conn, CustomerUpsert, Store, UpsertOutcome, Write};

/// What an import did (or would do, for a dry run).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rejected rows' problems, in line order (a row may have several).
    pub rejected: Vec<Rejection>,
    /// New customers who look like a hand-added person, in line order: linked, held back for
    /// the manager's yes, or in conflict (imported apart, for the manager to check).
    pub prospects: Vec<ProspectLine>,
}

/// One imported row matched (or nearly) to a hand-added person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProspectLine {
    pub line: usize,
    pub customer_no: String,
    pub name: String,
    /// The prospects concerned: local number and name.
    pub prospects: Vec<(String, String)>,
    pub verdict: ProspectVerdict,
}

/// What became of a matched row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProspectVerdict {
    /// The prospect took the customer number (its diary, notes and relations stay).
    Linked(MatchedBy),
    /// A match waiting for the manager's yes: the row was not imported.
    HeldBack(MatchedBy),
    /// The numbers disagree: imported as a customer of its own, the prospect left alone.
    Conflict(Conflict),
}

/// Whether matches to hand-added people are applied (`--link-prospects`, or the manager's
/// yes) or held back. Never silently: held-back rows are listed and left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Linking {
    Apply,
    #[default]
    HoldBack,
}

impl ImportReport {
    /// How many distinct rows were rejected.
    pub fn rejected_rows(&self) -> usize {
        let mut lines: Vec<usize> = self.rejected.iter().map(|r| r.line).collect();
        lines.dedup();
        lines.len()
    }
}

/// Reads and checks a customer file with the policy's `[limits]`, touching no store: every
/// rejection an import would report, before anything is opened or locked.
pub fn plan_customers(
    bytes: &[u8],
    format: FileFormat,
    sheet: Option<&str>,
    limits: &LimitsPolicy,
) -> Result<ImportPlan<CustomerRecord>> {
    import::read_customers_within(bytes, format, sheet, limits).map_err(Error::Read)
}

/// Reads and checks a holdings file with the policy's `[limits]`, touching no store.
pub fn plan_holdings(
    bytes: &[u8],
    format: FileFormat,
    sheet: Option<&str>,
    limits: &LimitsPolicy,
) -> Result<ImportPlan<HoldingRecord>> {
    import::read_holdings_within(bytes, format, sheet, limits).map_err(Error::Read)
}

/// What one good customer row will do, worked out before the write lock.
enum Step<'a> {
    Add(&'a CustomerRecord),
    /// A new customer matched to the prospect `id`: the prospect takes the number, then the
    /// row merges into it like a change.
    Link {
        record: &'a CustomerRecord,
        id: i64,
        merged: Customer,
    },
    /// A match left for the manager's yes.
    HoldBack,
    /// A stored customer: `merged` when a field changes, `manager_changed` when the row names
    /// another manager; its snapshot (if any) is compared by the write itself.
    Change {
        record: &'a CustomerRecord,
        id: i64,
        merged: Option<Customer>,
    },
}

/// Above this many rows the stored customers are read in one pass rather than one by one.
const ONE_BY_ONE: usize = 2_000;

/// Matches every row to the stored customer of its number and merges it (reads only).
fn steps<'a>(
    conn: &Conn,
    rows: &'a [CustomerRecord],
    linking: Linking,
    lines: &mut Vec<ProspectLine>,
) -> Result<Vec<Step<'a>>> {
    lines.clear();
    let prospects = list_prospects(conn)?;
    let mut taken: HashSet<i64> = HashSet::new();
    let mut stored: HashMap<String, CustomerRow> = HashMap::new();
    if rows.len() > ONE_BY_ONE {
        for row in list_customers(conn, None)? {
            stored.insert(row.customer.customer_no.clone(), row);
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for record in rows {
        let no = &record.customer.customer_no;
        let existing = if rows.len() > ONE_BY_ONE {
            stored.remove(no)
        } else {
            find_customer(conn, no)?
        };
        out.push(match existing {
            None if prospects.is_empty() => Step::Add(record),
            None => prospect_step(conn, record, &prospects, &mut taken, linking, lines)?,
            Some(row) => {
                let merged = merge(&row.customer, &record.customer, &record.cleared);
                let manager_changed = record.customer.manager_no.is_some()
                    && record.customer.manager_no != row.customer.manager_no;
                Step::Change {
                    record,
                    id: row.id,
                    merged: (merged != row.customer || manager_changed).then_some(merged),
                }
            }
        });
    }
    Ok(out)
}

/// A new customer checked against the hand-added people.
fn prospect_step<'a>(
    conn: &Conn,
    record: &'a CustomerRecord,
    prospects: &[Prospect],
    taken: &mut HashSet<i64>,
    linking: Linking,
    lines: &mut Vec<ProspectLine>,
) -> Result<Step<'a>> {
    let c = &record.customer;
    let found = match_prospect(c.phone.as_deref(), c.id_number.as_deref(), prospects);
    let (ids, verdict) = match found {
        ProspectMatch::None => return Ok(Step::Add(record)),
        // One prospect matched by two rows of one file: the second is for the manager.
        ProspectMatch::Link { prospect, .. } if taken.contains(&prospect) => (
            vec![prospect],
            ProspectVerdict::Conflict(Conflict::TwoPeople),
        ),
        ProspectMatch::Link { prospect, by } => {
            taken.insert(prospect);
            let verdict = match linking {
                Linking::Apply => ProspectVerdict::Linked(by),
                Linking::HoldBack => ProspectVerdict::HeldBack(by),
            };
            (vec![prospect], verdict)
        }
        ProspectMatch::Conflict { prospects, why } => (prospects, ProspectVerdict::Conflict(why)),
    };
    lines.push(ProspectLine {
        line: record.line,
        customer_no: c.customer_no.clone(),
        name: c.name.clone(),
        prospects: ids
            .iter()
            .filter_map(|id| prospects.iter().find(|p| p.id == *id))
            .map(|p| (p.local_no.clone(), p.name.clone()))
            .collect(),
        verdict,
    });
    Ok(match verdict {
        ProspectVerdict::Conflict(_) => Step::Add(record),
        ProspectVerdict::HeldBack(_) => Step::HoldBack,
        ProspectVerdict::Linked(_) => {
            let id = ids.first().copied().unwrap_or_default();
            let stored = find_customer_by_id(conn, id)?.unwrap_or_default();
            let mut merged = merge(&stored, c, &record.cleared);
            merged.customer_no = c.customer_no.clone();
            Step::Link { record, id, merged }
        }
    })
}

/// Counts commits by other connections: unchanged between the matching and the lock means the
/// matching still holds.
fn data_version(conn: &Conn) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// Imports customer rows. The snapshot date is `as_of` when given, else the row's own date,
/// else `today`. Fields a row leaves blank keep their stored value; those it clears with the
/// marker (`CustomerRecord::cleared`) are erased.
///
/// Rows are matched to stored customers before `BEGIN IMMEDIATE`; if another copy of guanhu
/// wrote in between, they are matched again under the lock, so the result is the same as if
/// everything had run under it.
pub fn import_customers(
    store: &mut Store,
    plan: ImportPlan<CustomerRecord>,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
    now: NaiveDateTime,
    dry_run: bool,
) -> Result<ImportReport> {
    import_customers_linking(store, plan, as_of, today, now, dry_run, Linking::HoldBack)
}

/// The matches an import of `rows` would find to hand-added people (reads only), for the
/// question asked before the import.
pub fn preview_prospects(store: &Store, rows: &[CustomerRecord]) -> Result<Vec<ProspectLine>> {
    let mut lines = Vec::new();
    steps(store.conn(), rows, Linking::HoldBack, &mut lines)?;
    Ok(lines)
}

/// [`import_customers`], applying or holding back matches to hand-added people.
pub fn import_customers_linking(
    store: &mut Store,
    plan: ImportPlan<CustomerRecord>,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
    now: NaiveDateTime,
    dry_run: bool,
    linking: Linking,
) -> Result<ImportReport> {
    let mut report = ImportReport {
        rejected: plan.rejected,
        ..ImportReport::default()
    };
    let version = data_version(store.conn())?;
    let mut lines = Vec::new();
    let matched = steps(store.conn(), &plan.rows, linking, &mut lines)?;
    let tx = store.write()?;
    let matched = if data_version(&tx)? == version {
        matched
    } else {
        steps(&tx, &plan.rows, linking, &mut lines)?
    };
    report.prospects = lines;
    let mut managers: HashMap<(&str, Option<&str>), i64> = HashMap::new();
    for step in matched {
        let record = match &step {
            Step::Add(record) | Step::Change { record, .. } | Step::Link { record, .. } => *record,
            Step::HoldBack => continue,
        };
        let manager_id = match &record.customer.manager_no {
            Some(no) => {
                let key = (no.as_str(), record.manager_name.as_deref());
                Some(match managers.get(&key) {
                    Some(id) => *id,
                    None => {
                        let id = ensure_manager(&tx, no, key.1, now)?;
                        managers.insert(key, id);
                        id
                    }
                })
            }
            None => None,
        };
        let snapshot = record.balances.map(|balances| Snapshot {
            as_of: as_of.or(record.as_of).unwrap_or(today),
            balances,
        });
        match step {
            Step::Add(_) => {
                let id = insert_customer(
                    &tx,
                    &CustomerUpsert {
                        customer: record.customer.clone(),
                        manager_id,
                    },
                    today,
                    now,
                )?;
                if let Some(s) = &snapshot {
                    upsert_snapshot(&tx, id, s)?;
                }
                report.added += 1;
            }
            Step::HoldBack => {}
            Step::Link { id, merged, .. } => {
                link_prospect(&tx, id, &merged.customer_no, "", now)?;
                let keep_manager = match manager_id {
                    Some(id) => Some(id),
                    None => current_manager_id(&tx, id)?,
                };
                update_customer(
                    &tx,
                    id,
                    &CustomerUpsert {
                        customer: merged,
                        manager_id: keep_manager,
                    },
                    now,
                )?;
                if let Some(s) = &snapshot {
                    upsert_snapshot(&tx, id, s)?;
                }
                report.updated += 1;
            }
            Step::Change { id, merged, .. } => {
                let mut changed = merged.is_some();
                if let Some(merged) = merged {
                    let keep_manager = match manager_id {
                        Some(id) => Some(id),
                        None => current_manager_id(&tx, id)?,
                    };
                    update_customer(
                        &tx,
                        id,
                        &CustomerUpsert {
                            customer: merged,
                            manager_id: keep_manager,
                        },
                        now,
                    )?;
                }
                if let Some(s) = &snapshot {
                    changed |= upsert_snapshot(&tx, id, s)?;
                }
                if changed {
                    report.updated += 1;
                } else {
                    report.unchanged += 1;
                }
            }
        }
    }
    finish(tx, dry_run)?;
    report.rejected.sort_by_key(|r| r.line);
    Ok(report)
}

/// The stored customer with every field the import gives replacing the stored one, and every
/// field in `cleared` (the file's clear marker) erased; a field left blank keeps its value.
fn merge(stored: &Customer, incoming: &Customer, cleared: &[&str]) -> Customer {
    fn pick<T: Clone>(gone: bool, new: &Option<T>, old: &Option<T>) -> Option<T> {
        if gone {
            None
        } else {
            new.clone().or_else(|| old.clone())
        }
    }
    let gone = |key: &str| cleared.contains(&key);
    Customer {
        customer_no: stored.customer_no.clone(),
        name: if incoming.name.is_empty() {
            stored.name.clone()
        } else {
            incoming.name.clone()
        },
        gender: pick(gone("gender"), &incoming.gender, &stored.gender),
        birth_date: pick(gone("birth_date"), &incoming.birth_date, &stored.birth_date),
        phone: pick(gone("phone"), &incoming.phone, &stored.phone),
        id_number: pick(gone("id_number"), &incoming.id_number, &stored.id_number),
        occupation: pick(gone("occupation"), &incoming.occupation, &stored.occupation),
        // Never cleared by a file: unassigning is the lead's, by the assignment commands.
        manager_no: pick(false, &incoming.manager_no, &stored.manager_no),
        risk_level: pick(gone("risk_level"), &incoming.risk_level, &stored.risk_level),
        risk_assessed_on: pick(
            gone("risk_assessed_on"),
            &incoming.risk_assessed_on,
            &stored.risk_assessed_on,
        ),
        first_trade_on: pick(
            gone("first_trade_on"),
            &incoming.first_trade_on,
            &stored.first_trade_on,
        ),
        tags: if gone("tags") || !incoming.tags.is_empty() {
            incoming.tags.clone()
        } else {
            stored.tags.clone()
        },
        // The manager's own judgement is never overwritten by the bank's export.
        preference_override: stored.preference_override,
    }
}

/// Imports holdings rows; a row naming a customer the store does not have is rejected.
pub fn import_holdings(
    store: &mut Store,
    plan: ImportPlan<HoldingRecord>,
    now: NaiveDateTime,
    dry_run: bool,
) -> Result<ImportReport> {
    let mut report = ImportReport {
        rejected: plan.rejected,
        ..ImportReport::default()
    };
    let tx = store.write()?;
    for record in &plan.rows {
        let Some(row) = find_customer(&tx, &record.customer_no)? else {
            report.rejected.push(Rejection {
                line: record.line,
                field: "customer_no".into(),
                problem: Problem::UnknownCustomer(record.customer_no.clone()),
            });
            continue;
        };
        match upsert_holding(&tx, row.id, &record.holding, now)? {
            UpsertOutcome::Added => report.added += 1,
            UpsertOutcome::Updated => report.updated += 1,
            UpsertOutcome::Unchanged => report.unchanged += 1,
        }
    }
    finish(tx, dry_run)?;
    report.rejected.sort_by_key(|r| r.line);
    Ok(report)
}

/// Commits the import, or rolls it back for a dry run (whose counts are then exact).
fn finish(tx: Write<'_>, dry_run: bool) -> Result<()> {
    if dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(())
}
