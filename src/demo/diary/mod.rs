//! The demo's work diary: six months of one manager's working days, planned day by day by one planner per kind of entry (SMS waves, kept follow-ups, calls, WeChat, visits, sales, risk assessments, the manager's own notes) and written through the diary's store functions. The planners run in a fixed order on the manager's one stream: that order is the output, so it must not change. Before the six months, only the regular buyers' purchases (`history`, on their own streams).

mod calls;
mod follow_ups;
mod history;
mod memos;
mod picker;
mod risks;
mod sales;
mod sms;
mod visits;
mod wechat;
mod write;

use std::collections::{BTreeMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use super::book::{ManagerPlan, Member, SaleCandidate};
use super::calendar::Window;
use super::rng::Rng;
use super::tables::{FUNDS, SMS_WAVES, WEALTH_PRODUCTS};
use crate::domain::diary::{EntryDraft, EntryKind};
use crate::error::Result;
use crate::store::holdings::upsert_holding;
use follow_ups::Planned;
use picker::Pickers;
use write::write_item;

/// A manager's day at full activity belongs to a book of this many customers or more; smaller
/// books get somewhat less of everything (by the square root of their size).
const FULL_BOOK: u64 = 600;

pub(super) struct DiaryManager<'a> {
    pub(super) id: i64,
    pub(super) name: &'a str,
    pub(super) rng: Rng,
}

/// What one manager's diary wrote.
pub(super) struct Written {
    pub(super) entries: usize,
    pub(super) holdings: usize,
}

/// One entry to write.
struct Item {
    draft: EntryDraft,
    member: Option<usize>,
    /// Part of an SMS wave: the wave's entries share a batch, as a bulk SMS logged in the app.
    wave: bool,
}

/// How much of a full day a book of `n` customers gets, per mille.
fn activity_scale(n: usize) -> i64 {
    let ratio = (n as u64).saturating_mul(1_000_000) / FULL_BOOK;
    ratio.isqrt().clamp(400, 1_000) as i64
}

/// A count in `lo..=hi` for a full book, scaled.
fn scaled(rng: &mut Rng, lo: i64, hi: i64, scale: i64) -> i64 {
    rng.range((lo * scale + 500) / 1_000, (hi * scale + 500) / 1_000)
}

/// One of `templates`, with `{product}` and `{fund}` filled by a product name and the `fill`
/// pairs replaced.
fn note(rng: &mut Rng, templates: &[&str], fill: &[(&str, &str)]) -> String {
    let mut out = rng.pick(templates).to_string();
    if out.contains("{product}") {
        let (name, _) = WEALTH_PRODUCTS[rng.below(WEALTH_PRODUCTS.len() as u64) as usize];
        out = out.replace("{product}", name);
    }
    if out.contains("{fund}") {
        let (_, name) = FUNDS[rng.below(FUNDS.len() as u64) as usize];
        out = out.replace("{fund}", name);
    }
    for (key, value) in fill {
        out = out.replace(key, value);
    }
    out
}

fn entry(kind: EntryKind, m: Option<&Member>, at: NaiveDateTime, note: String) -> EntryDraft {
    EntryDraft {
        kind,
        customer_no: m.map(|m| m.customer_no.clone()),
        occurred_at: at,
        outcome: None,
        note,
        follow_up_at: None,
        sale: None,
        risk_level: None,
    }
}

/// One day as every planner sees it.
struct Day<'a> {
    d: NaiveDate,
    book: &'a [Member],
    w: &'a Window,
    /// The book's activity, per mille of a full one (`activity_scale`).
    scale: i64,
}

/// Six months of one manager's working days, after the regular buyers' earlier purchases,
/// written through the diary's store functions as the app would have written them at the
/// time. Returns what was written.
pub(super) fn write_diary(
    conn: &Connection,
    manager: DiaryManager<'_>,
    plan: ManagerPlan,
    book: &[Member],
    w: &Window,
    now: NaiveDateTime,
) -> Result<Written> {
    let DiaryManager {
        id: manager_id,
        name: manager_name,
        mut rng,
    } = manager;
    let rng = &mut rng;
    let mut written = Written {
        entries: 0,
        holdings: 0,
    };
    if plan.members.is_empty() {
        return Ok(written);
    }
    let scale = activity_scale(plan.members.len());
    let members = &plan.members;
    let pickers = Pickers::new(book, members);
    // The regular buyers' purchases of the years before: first, as they happened first.
    history::write_history(conn, manager_id, members, book, w, now, &mut written)?;

    let mut sales: BTreeMap<NaiveDate, Vec<SaleCandidate>> = BTreeMap::new();
    for c in plan.sales {
        sales.entry(c.on).or_default().push(c);
    }
    let mut risks: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (on, m) in plan.risks {
        risks.entry(on).or_default().push(m);
    }
    let sms_list: Vec<usize> = members
        .iter()
        .copied()
        .filter(|m| !book[*m].quiet)
        .collect();
    let days = w.working_days();
    let waves = sms::wave_days(rng, &days);
    let first_template = rng.below(SMS_WAVES.len() as u64) as usize;
    let mut planned: BTreeMap<NaiveDate, Vec<Planned>> = BTreeMap::new();

    for &d in &days {
        let day = Day { d, book, w, scale };
        let mut items: Vec<Item> = Vec::new();
        let mut seen: HashSet<usize> = HashSet::new();

        // The weekly SMS to the whole book (in turns when the book is big), one time for all.
        if let Some(&wave) = waves.get(&d) {
            let template = SMS_WAVES[(first_template + wave) % SMS_WAVES.len()];
            sms::wave(
                rng,
                &day,
                &sms_list,
                wave,
                template,
                manager_name,
                &mut items,
            );
        }
        let due = planned.remove(&d).unwrap_or_default();
        let kept = follow_ups::kept(rng, &day, due, &mut seen, &mut items, &mut planned);
        calls::plan(
            rng,
            &day,
            &pickers.callers,
            kept.calls,
            &mut seen,
            &mut planned,
            &mut items,
        );
        wechat::plan(rng, &day, &pickers.chatters, &mut items);
        visits::plan(
            rng,
            &day,
            &pickers.visitors,
            kept.visits,
            &mut seen,
            &mut items,
        );
        let candidates = sales.remove(&d).unwrap_or_default();
        // Purchases the manager did not log are imported holdings, written as they come.
        for c in sales::plan(rng, &day, candidates, &pickers, &mut items) {
            upsert_holding(conn, book[c.member].id, &c.holding, now)?;
            written.holdings += 1;
        }
        risks::plan(rng, &day, risks.remove(&d).unwrap_or_default(), &mut items);
        memos::plan(rng, d, &mut items);

        items.sort_by_key(|i| i.draft.occurred_at);
        for item in items {
            write_item(conn, manager_id, book, item, now, &mut written)?;
        }
    }
    // Purchases on days the diary did not cover are imported holdings after all.
    for c in sales.into_values().flatten().filter(|c| c.deferred) {
        upsert_holding(conn, book[c.member].id, &c.holding, now)?;
        written.holdings += 1;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smaller_books_are_a_little_quieter() {
        assert_eq!(activity_scale(600), 1_000);
        assert_eq!(activity_scale(100_000), 1_000);
        assert_eq!(activity_scale(150), 500);
        assert_eq!(activity_scale(10), 400);
    }
}
