//! Loading a manager's book and one customer's detail, classified by the policy on a given day.

use chrono::{Duration, NaiveDate};

use crate::domain::classify::{Activity, classify};
use crate::domain::customer::Snapshot;
use crate::domain::diary::{EntryKind, cadence_status, is_two_way};
use crate::domain::policy::Policy;
use crate::domain::portfolio::{CustomerDetail, CustomerListing, CustomerSummary};
use crate::domain::search::SearchKey;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::customers::{
    CustomerRow, find_customer, list_customer_snapshots, list_customers, list_snapshots_since,
};
use crate::store::diary::{list_activity, list_customer_entries};
use crate::store::holdings::list_holdings;
use crate::store::managers::{find_manager, list_managers};

/// How far back snapshots are read for a list: a year for the daily average and the
/// steadiness test, plus a margin so the dormancy rule sees the change before the window.
pub(super) const HISTORY_DAYS: i64 = 400;

/// The manager whose book to show: the one asked for (which must exist), else the only
/// manager in the store, else `None` for every customer.
pub fn resolve_manager(store: &Store, requested: Option<&str>) -> Result<Option<String>> {
    if let Some(no) = requested {
        return match find_manager(store.conn(), no)? {
            Some(m) => Ok(Some(m.manager_no)),
            None => Err(Error::NoSuchManager(no.to_string())),
        };
    }
    let managers = list_managers(store.conn())?;
    Ok(match managers.as_slice() {
        [only] => Some(only.manager_no.clone()),
        _ => None,
    })
}

/// Every customer of the manager (or all), classified on `today`.
pub fn load_portfolio(
    store: &Store,
    policy: &Policy,
    today: NaiveDate,
    manager_no: Option<&str>,
) -> Result<Vec<CustomerSummary>> {
    // Several queries: one snapshot, so a commit by another copy lands in all or none.
    let read = store.read()?;
    let rows = list_customers(&read, manager_no)?;
    let since = today - Duration::days(HISTORY_DAYS);
    let mut snapshots = list_snapshots_since(&read, since, manager_no)?;
    let activity = list_activity(&read, manager_no)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let snaps = snapshots.remove(&row.id).unwrap_or_default();
            let act = activity.get(&row.id).copied().unwrap_or_default();
            summarize(policy, row, &snaps, act, today)
        })
        .collect())
}

pub(super) fn summarize(
    policy: &Policy,
    row: CustomerRow,
    snaps: &[Snapshot],
    activity: Activity,
    today: NaiveDate,
) -> CustomerSummary {
    let class = classify(policy, &row.customer, snaps, activity, today);
    let latest = snaps
        .iter()
        .filter(|s| s.as_of <= today)
        .max_by_key(|s| s.as_of);
    CustomerSummary {
        last_contact: activity.last_contact_on,
        search: SearchKey::new(&row.customer.name),
        balances: latest.map(|s| s.balances).unwrap_or_default(),
        as_of: latest.map(|s| s.as_of),
        class,
        manager_name: row.manager_name,
        customer: row.customer,
    }
}

/// One customer's full picture.
pub fn load_customer_detail(
    store: &Store,
    policy: &Policy,
    today: NaiveDate,
    customer_no: &str,
) -> Result<CustomerDetail> {
    // Several queries: one snapshot, so a commit by another copy lands in all or none.
    let read = store.read()?;
    let row = find_customer(&read, customer_no)?
        .ok_or_else(|| Error::NoSuchCustomer(customer_no.to_string()))?;
    let snapshots = list_customer_snapshots(&read, row.id)?;
    let holdings = list_holdings(&read, row.id)?;
    let timeline = list_customer_entries(&read, row.id)?;
    let activity = Activity {
        last_contact_on: timeline
            .iter()
            .filter(|e| e.draft.kind == EntryKind::Sale || is_two_way(&e.draft))
            .map(|e| e.draft.occurred_at.date())
            .max(),
        sales_count: timeline
            .iter()
            .filter(|e| e.draft.kind == EntryKind::Sale)
            .count() as u32,
    };
    let cadence = cadence_status(&timeline, row.customer.risk_assessed_on);
    let book = crate::store::book::book_facts(&read, row.id)?;
    let summary = summarize(policy, row, &snapshots, activity, today);
    Ok(CustomerDetail {
        summary,
        holdings,
        snapshots,
        timeline,
        cadence,
        book,
    })
}

/// The export form of a customer; the phone is masked unless `unmasked`.
pub fn customer_listing(policy: &Policy, s: &CustomerSummary, unmasked: bool) -> CustomerListing {
    let phone = s.customer.phone.as_ref().map(|p| {
        if unmasked {
            p.clone()
        } else {
            crate::domain::mask::mask_phone(p)
        }
    });
    CustomerListing {
        customer_no: s.customer.customer_no.clone(),
        name: s.customer.name.clone(),
        tier: policy.tiers[s.class.tier].key.clone(),
        age_segment: s.class.age.key().to_string(),
        preference_segment: s.class.preference.key().to_string(),
        lifecycle: s.class.lifecycle.key().to_string(),
        aum: s.class.aum,
        manager_no: s.customer.manager_no.clone(),
        phone,
    }
}
