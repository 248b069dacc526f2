//! Managers and assignment use-cases: list and edit staff, move customers by hand or by the policy's rules (each change one transaction, with history), and ask who managed whom on a date. No terminal code.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::assignment::{Candidate, Move, Role, Staff, plan_by_rules};
use crate::domain::customer::ProductKind;
use crate::domain::policy::Policy;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::assignments::{
    find_current_assignment, find_manager_no_on, list_customers_of_manager_on, reason,
    reassign_customer,
};
use crate::store::customers::{find_customer, find_customer_by_id};
use crate::store::holdings::list_customers_holding;
use crate::store::managers::{find_manager, insert_manager, list_managers, update_manager};

/// One manager as `guanhu managers` lists them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManagerOverview {
    pub manager_no: String,
    pub name: String,
    /// The role key (`team_lead`); kept as stored if this build does not know it.
    pub role: String,
    /// Customers currently managed.
    pub customers: usize,
    /// Their AUM on the policy's basis, on `today`.
    #[serde(with = "rust_decimal::serde::str")]
    pub aum: Decimal,
}

/// Every manager with the number and AUM of the customers they manage today.
pub fn list_manager_overview(
    store: &Store,
    policy: &Policy,
    today: NaiveDate,
) -> Result<Vec<ManagerOverview>> {
    let book = super::load_portfolio(store, policy, today, None)?;
    let mut totals: HashMap<&str, (usize, Decimal)> = HashMap::new();
    for c in &book {
        if let Some(no) = c.customer.manager_no.as_deref() {
            let t = totals.entry(no).or_default();
            t.0 += 1;
            t.1 += c.class.aum;
        }
    }
    Ok(list_managers(store.conn())?
        .into_iter()
        .map(|m| {
            let (customers, aum) = totals
                .get(m.manager_no.as_str())
                .copied()
                .unwrap_or_default();
            ManagerOverview {
                manager_no: m.manager_no,
                name: m.name,
                role: m.role,
                customers,
                aum,
            }
        })
        .collect())
}

/// Parses a role given on the command line.
pub fn parse_role(text: &str) -> Result<Role> {
    Role::parse(text).ok_or_else(|| Error::UnknownRole(text.to_string()))
}

/// Adds a manager (one transaction); the number must be new and the name not blank.
pub fn add_manager(
    store: &mut Store,
    manager_no: &str,
    name: &str,
    role: Role,
    now: NaiveDateTime,
) -> Result<()> {
    let (no, name) = (manager_no.trim(), name.trim());
    if no.is_empty() {
        return Err(Error::EmptyField("NO"));
    }
    if name.is_empty() {
        return Err(Error::EmptyField("--name"));
    }
    let tx = store.write()?;
    if find_manager(&tx, no)?.is_some() {
        return Err(Error::ManagerExists(no.to_string()));
    }
    insert_manager(&tx, no, name, role, now)?;
    tx.commit()?;
    Ok(())
}

/// Changes a manager's name and/or role (one transaction).
pub fn set_manager(
    store: &mut Store,
    manager_no: &str,
    name: Option<&str>,
    role: Option<Role>,
) -> Result<()> {
    let name = name.map(str::trim);
    if name.is_some_and(str::is_empty) {
        return Err(Error::EmptyField("--name"));
    }
    let tx = store.write()?;
    let Some(m) = find_manager(&tx, manager_no.trim())? else {
        return Err(Error::NoSuchManager(manager_no.to_string()));
    };
    update_manager(&tx, m.id, name, role)?;
    tx.commit()?;
    Ok(())
}

/// Moves the named customers to `manager_no` from `on`. Checks everything before writing,
/// then applies all moves in one transaction (none for a dry run). Customers already with
/// the manager are left out of the result.
pub fn assign_to(
    store: &mut Store,
    customer_nos: &[String],
    manager_no: &str,
    on: NaiveDate,
    actor: &str,
    now: NaiveDateTime,
    dry_run: bool,
) -> Result<Vec<Move>> {
    let tx = store.write()?;
    let Some(manager) = find_manager(&tx, manager_no)? else {
        return Err(Error::NoSuchManager(manager_no.to_string()));
    };
    let mut moves = Vec::new();
    let mut ids = Vec::new();
    for no in customer_nos {
        let Some(row) = find_customer(&tx, no)? else {
            return Err(Error::NoSuchCustomer(no.clone()));
        };
        if row.customer.manager_no.as_deref() == Some(manager_no) || ids.contains(&row.id) {
            continue;
        }
        if let Some(current) = find_current_assignment(&tx, row.id)?
            && on < current.from_date
        {
            return Err(Error::AssignmentBeforeCurrent {
                customer_no: no.clone(),
                on,
                since: current.from_date,
            });
        }
        ids.push(row.id);
        moves.push(Move {
            customer_no: row.customer.customer_no,
            customer_name: row.customer.name,
            from: row.customer.manager_no,
            to: manager.manager_no.clone(),
            rule: reason::MANUAL.to_string(),
        });
    }
    if !dry_run {
        for id in ids {
            reassign_customer(&tx, id, manager.id, on, reason::MANUAL, actor, now)?;
        }
        tx.commit()?;
    }
    Ok(moves)
}

/// Applies the policy's `[assignment]` rules from `on`, AUM measured on `today`; the plan is
/// returned either way and written (one transaction, with history) unless `dry_run`.
pub fn assign_by_rules(
    store: &mut Store,
    policy: &Policy,
    today: NaiveDate,
    on: NaiveDate,
    actor: &str,
    now: NaiveDateTime,
    dry_run: bool,
) -> Result<Vec<Move>> {
    let managers = list_managers(store.conn())?;
    for named in policy.assignment.named_managers() {
        if !managers.iter().any(|m| m.manager_no == named) {
            return Err(Error::NoSuchManager(named.to_string()));
        }
    }
    let staff: Vec<Staff> = managers
        .iter()
        .filter_map(|m| {
            m.role_kind().map(|role| Staff {
                manager_no: m.manager_no.clone(),
                role,
            })
        })
        .collect();
    let with_card = list_customers_holding(store.conn(), ProductKind::CreditCard)?;
    let book = super::load_portfolio(store, policy, today, None)?;
    let candidates: Vec<Candidate> = book
        .into_iter()
        .map(|c| Candidate {
            has_credit_card: with_card.contains(&c.customer.customer_no),
            aum: c.class.aum,
            customer_no: c.customer.customer_no,
            name: c.customer.name,
            manager_no: c.customer.manager_no,
        })
        .collect();
    let moves = plan_by_rules(&policy.assignment.rules, &candidates, &staff);
    if dry_run {
        return Ok(moves);
    }
    let ids: HashMap<&str, i64> = managers
        .iter()
        .map(|m| (m.manager_no.as_str(), m.id))
        .collect();
    let tx = store.write()?;
    for m in &moves {
        let (Some(customer), Some(&manager_id)) =
            (find_customer(&tx, &m.customer_no)?, ids.get(m.to.as_str()))
        else {
            continue;
        };
        let why = format!("rule:{}", m.rule);
        reassign_customer(&tx, customer.id, manager_id, on, &why, actor, now)?;
    }
    tx.commit()?;
    Ok(moves)
}

/// Customer numbers of the customers `manager_no` managed on `on` (from the history, so a
/// customer reassigned later still counts for the weeks before), ascending by row id.
pub fn customers_of_manager_on(
    store: &Store,
    manager_no: &str,
    on: NaiveDate,
) -> Result<Vec<String>> {
    // Several queries: one snapshot, so a commit by another copy lands in all or none.
    let read = store.read()?;
    let Some(m) = find_manager(&read, manager_no)? else {
        return Err(Error::NoSuchManager(manager_no.to_string()));
    };
    let mut out = Vec::new();
    for id in list_customers_of_manager_on(&read, m.id, on)? {
        if let Some(c) = find_customer_by_id(&read, id)? {
            out.push(c.customer_no);
        }
    }
    Ok(out)
}

/// The staff number of whoever managed the customer on `on`; `None` when nobody did.
pub fn manager_of_customer_on(
    store: &Store,
    customer_no: &str,
    on: NaiveDate,
) -> Result<Option<String>> {
    let Some(c) = find_customer(store.conn(), customer_no)? else {
        return Err(Error::NoSuchCustomer(customer_no.to_string()));
    };
    find_manager_no_on(store.conn(), c.id, on)
}
