//! Applying an import plan to the store: match by customer number, merge, add a dated snapshot, all in one transaction (or rolled back for a dry run).

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::customer::{Customer, Snapshot};
use crate::error::Result;
use crate::import::{CustomerRecord, HoldingRecord, ImportPlan, Problem, Rejection};
use crate::store::customers::{
    current_manager_id, find_customer, insert_customer, update_customer, upsert_snapshot,
};
use crate::store::holdings::upsert_holding;
use crate::store::managers::ensure_manager;
use crate::store::{CustomerUpsert, Store, UpsertOutcome};

/// What an import did (or would do, for a dry run).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rejected rows' problems, in line order (a row may have several).
    pub rejected: Vec<Rejection>,
}

impl ImportReport {
    /// How many distinct rows were rejected.
    pub fn rejected_rows(&self) -> usize {
        let mut lines: Vec<usize> = self.rejected.iter().map(|r| r.line).collect();
        lines.dedup();
        lines.len()
    }
}

/// Imports customer rows. The snapshot date is `as_of` when given, else the row's own date,
/// else `today`. Fields a row leaves blank keep their stored value.
pub fn import_customers(
    store: &mut Store,
    plan: ImportPlan<CustomerRecord>,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
    now: NaiveDateTime,
    dry_run: bool,
) -> Result<ImportReport> {
    let mut report = ImportReport {
        rejected: plan.rejected,
        ..ImportReport::default()
    };
    let tx = store.write()?;
    for record in &plan.rows {
        let existing = find_customer(&tx, &record.customer.customer_no)?;
        let manager_id = match &record.customer.manager_no {
            Some(no) => Some(ensure_manager(
                &tx,
                no,
                record.manager_name.as_deref(),
                now,
            )?),
            None => None,
        };
        let snapshot = record.balances.map(|balances| Snapshot {
            as_of: as_of.or(record.as_of).unwrap_or(today),
            balances,
        });
        match existing {
            None => {
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
            Some(row) => {
                let merged = merge(&row.customer, &record.customer);
                let manager_changed = record.customer.manager_no.is_some()
                    && record.customer.manager_no != row.customer.manager_no;
                let mut changed = merged != row.customer || manager_changed;
                if changed {
                    let keep_manager = match manager_id {
                        Some(id) => Some(id),
                        None => current_manager_id(&tx, row.id)?,
                    };
                    update_customer(
                        &tx,
                        row.id,
                        &CustomerUpsert {
                            customer: merged,
                            manager_id: keep_manager,
                        },
                        now,
                    )?;
                }
                if let Some(s) = &snapshot {
                    changed |= upsert_snapshot(&tx, row.id, s)?;
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

/// The stored customer with every field the import gives replacing the stored one.
fn merge(stored: &Customer, incoming: &Customer) -> Customer {
    fn pick<T: Clone>(new: &Option<T>, old: &Option<T>) -> Option<T> {
        new.clone().or_else(|| old.clone())
    }
    Customer {
        customer_no: stored.customer_no.clone(),
        name: if incoming.name.is_empty() {
            stored.name.clone()
        } else {
            incoming.name.clone()
        },
        gender: pick(&incoming.gender, &stored.gender),
        birth_date: pick(&incoming.birth_date, &stored.birth_date),
        phone: pick(&incoming.phone, &stored.phone),
        id_number: pick(&incoming.id_number, &stored.id_number),
        occupation: pick(&incoming.occupation, &stored.occupation),
        manager_no: pick(&incoming.manager_no, &stored.manager_no),
        risk_level: pick(&incoming.risk_level, &stored.risk_level),
        risk_assessed_on: pick(&incoming.risk_assessed_on, &stored.risk_assessed_on),
        first_trade_on: pick(&incoming.first_trade_on, &stored.first_trade_on),
        tags: if incoming.tags.is_empty() {
            stored.tags.clone()
        } else {
            incoming.tags.clone()
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
fn finish(tx: rusqlite::Transaction<'_>, dry_run: bool) -> Result<()> {
    if dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(())
}
