//! Risk assessments as the day began: logging one writes the customer's assessment date, so for the customers assessed today the date it replaced (kept on the diary row for undo) is what the day's queue starts from — the expiry it answered then shows as answered, not as gone.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::error::Result;

/// For each customer (by row id) with a live risk assessment logged on `today`: the assessment
/// date before the day's first one (`None`: never assessed before).
pub fn assessed_before_today(
    conn: &Connection,
    manager_id: Option<i64>,
    today: NaiveDate,
) -> Result<HashMap<i64, Option<NaiveDate>>> {
    let start = today.and_hms_opt(0, 0, 0).unwrap_or_default();
    let end = start + chrono::Duration::days(1);
    // Latest first, so the day's first assessment is the one kept.
    let mut stmt = conn.prepare(
        "SELECT e.customer_id, e.prev_risk_assessed_on FROM diary_entries e \
         JOIN customers c ON c.id = e.customer_id \
         WHERE (?1 IS NULL OR c.manager_id = ?1) AND e.kind = 'risk_assessment' \
         AND e.deleted_at IS NULL AND e.occurred_at >= ?2 AND e.occurred_at < ?3 \
         ORDER BY e.occurred_at DESC, e.id DESC",
    )?;
    let mut rows = stmt.query(params![manager_id, start, end])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        out.insert(r.get(0)?, r.get::<_, Option<NaiveDate>>(1)?);
    }
    Ok(out)
}
