//! Writing one diary entry and what it changes, as `service::diary` does when it is logged (a sale with an amount and a maturity becomes a holding, an assessment sets the risk profile). The only part of the diary that touches the store.

use chrono::{Datelike, NaiveDateTime};
use rusqlite::Connection;

use super::super::book::Member;
use super::{Item, Written};
use crate::domain::customer::Holding;
use crate::domain::diary::EntryKind;
use crate::error::Result;
use crate::store::customers::update_risk;
use crate::store::diary::{EntryLinks, insert_entry, set_holding};
use crate::store::holdings::insert_sale_holding;

/// Writes one entry and what it changes, as `service::diary` does when it is logged: created
/// at the moment it happened, a sale with an amount and a maturity becomes a holding, an
/// assessment sets the customer's risk profile.
pub(super) fn write_item(
    conn: &Connection,
    manager_id: i64,
    book: &[Member],
    item: Item,
    now: NaiveDateTime,
    written: &mut Written,
) -> Result<()> {
    let at = item.draft.occurred_at;
    let member = item.member.map(|m| &book[m]);
    let (prev_risk_level, prev_risk_assessed_on) = match member {
        Some(m) => m.risk_on(at.date()),
        None => (None, None),
    };
    let links = EntryLinks {
        manager_id: Some(manager_id),
        customer_id: member.map(|m| m.id),
        prev_risk_level,
        prev_risk_assessed_on,
        // One wave a manager a day: manager and day make the batch number unique.
        batch_id: item
            .wave
            .then(|| manager_id * 1_000_000 + i64::from(at.date().num_days_from_ce())),
    };
    let id = insert_entry(conn, &item.draft, links, at)?;
    written.entries += 1;
    let Some(member) = member else {
        return Ok(());
    };
    if let Some(sale) = &item.draft.sale
        && let (Some(amount), Some(maturity)) = (sale.amount, sale.maturity_on)
    {
        let holding = Holding {
            kind: sale.product_kind,
            product_code: sale.product_code.clone(),
            product_name: sale.product_name.clone(),
            amount,
            start_on: Some(at.date()),
            maturity_on: Some(maturity),
        };
        let holding_id = insert_sale_holding(conn, member.id, &holding, at)?;
        set_holding(conn, id, Some(holding_id))?;
        written.holdings += 1;
    }
    if item.draft.kind == EntryKind::RiskAssessment {
        update_risk(conn, member.id, item.draft.risk_level, Some(at.date()), now)?;
    }
    Ok(())
}
