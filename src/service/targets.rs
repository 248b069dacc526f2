//! A manager's own targets (个人指标): the targets in effect for a manager (the policy's, with the manager's own values over them), listed for `guanhu managers targets`, and set or cleared in one transaction.

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::policy::{Policy, PolicyProblem};
use crate::domain::review::Unit;
use crate::domain::targets::{TARGET_KEYS, TargetsPolicy, target_kind};
use crate::error::{Error, Result};
use crate::store::managers::find_manager;
use crate::store::targets::{clear_manager_target, list_manager_targets, set_manager_target};
use crate::store::{Conn, Store};

/// One target as `guanhu managers targets` lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRow {
    /// `weekly.sales_count`.
    pub key: &'static str,
    #[serde(skip)]
    pub unit: Unit,
    /// The policy's value.
    #[serde(with = "rust_decimal::serde::str")]
    pub policy: Decimal,
    /// The manager's own value, if set.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub own: Option<Decimal>,
}

impl TargetRow {
    /// The value the review judges by.
    pub fn in_effect(&self) -> Decimal {
        self.own.unwrap_or(self.policy)
    }
}

/// The targets the review judges the manager (row id) by.
pub fn targets_of(conn: &Conn, policy: &Policy, manager_id: i64) -> Result<TargetsPolicy> {
    Ok(policy
        .targets
        .with_own(&list_manager_targets(conn, manager_id)?))
}

/// Every target with the policy's value and the manager's own, in the review's order.
pub fn list_targets(store: &Store, policy: &Policy, manager_no: &str) -> Result<Vec<TargetRow>> {
    // Several queries: one snapshot, so a commit by another copy lands in all or none.
    let read = store.read()?;
    let m = find_manager(&read, manager_no)?
        .ok_or_else(|| Error::NoSuchManager(manager_no.to_string()))?;
    let own = list_manager_targets(&read, m.id)?;
    Ok(TARGET_KEYS
        .iter()
        .map(|(key, kind)| TargetRow {
            key,
            unit: kind.unit(key),
            policy: policy.targets.get(key).unwrap_or_default(),
            own: own.iter().find(|(k, _)| k == key).map(|(_, v)| *v),
        })
        .collect())
}

/// Reads a target value as typed: `8`, `300000`, `0.9` or `90%` (a share).
pub fn parse_target_value(key: &str, text: &str) -> Result<Decimal> {
    let bad = |problem| Error::BadTarget {
        key: key.to_string(),
        value: text.to_string(),
        problem,
    };
    let t = text.trim().replace([',', '，'], "");
    let (number, percent) = match t.strip_suffix(['%', '％']) {
        Some(n) => (n.trim().to_string(), true),
        None => (t, false),
    };
    let value: Decimal = number.parse().map_err(|_| bad(PolicyProblem::NotANumber))?;
    Ok(if percent {
        value / Decimal::ONE_HUNDRED
    } else {
        value
    })
}

/// Sets and clears the manager's own targets in one transaction; every value is checked
/// first, and nothing is written if one is refused.
pub fn change_targets(
    store: &mut Store,
    manager_no: &str,
    sets: &[(String, Decimal)],
    clears: &[String],
    now: NaiveDateTime,
) -> Result<()> {
    // Checked on a copy of the default targets: `set` knows each key's kind and range.
    let mut check: TargetsPolicy = Policy::default_policy().targets;
    for (key, value) in sets {
        check.set(key, *value).map_err(|problem| Error::BadTarget {
            key: key.clone(),
            value: value.to_string(),
            problem,
        })?;
    }
    for key in clears {
        if target_kind(key).is_none() {
            return Err(Error::BadTarget {
                key: key.clone(),
                value: String::new(),
                problem: PolicyProblem::UnknownTarget,
            });
        }
    }
    let tx = store.write()?;
    let m = find_manager(&tx, manager_no)?
        .ok_or_else(|| Error::NoSuchManager(manager_no.to_string()))?;
    for key in clears {
        clear_manager_target(&tx, m.id, key)?;
    }
    for (key, value) in sets {
        set_manager_target(&tx, m.id, key, *value, now)?;
    }
    tx.commit()?;
    Ok(())
}
