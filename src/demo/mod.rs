//! The demo store: a deterministic, realistic-looking branch (a team lead and managers, a counter clerk, customers, six month-end balance snapshots, holdings, six months of work diary with the regular buyers' earlier purchases before it, a few recent reassignments) written in one transaction. Same options and `today` give the same store; no clock, no randomness from outside.
//!
//! Amounts are integer cents throughout and become `Decimal` only at the end, so nothing
//! depends on floating point (which could differ between platforms and break determinism).
//! The tier shape (about 55% / 33% / 10% / 2%) is aimed at the default policy's thresholds.
//!
//! The diary is written through the diary's store functions as the app would have logged it at
//! the time, and agrees with the rest of the store: a sale before the latest month-end is the
//! purchase of a holding the balances already show (a term product's sale writes that holding
//! itself), sales after it are new money; a logged risk assessment is the customer's current
//! one. Activity per manager is that of a 600-customer book at most, so big books stay fast.
//!
//! The lifecycle mix is a branch's: most customers established (老客户), some new, about one
//! in eight loyal (忠诚: a regular buyer of years with about ten purchases before the six
//! months, and steady balances) and about one in thirteen dormant (沉睡: money that has not
//! moved in six months, and nobody in touch but by the bulk SMS).
//!
//! Every role shows: M001 is the team lead (团队长, still with a list of their own, so the app
//! opens on a lead), the rest relationship managers, and G001 counter staff (柜员) looking
//! after a few small customers, with no diary. In the last weeks the lead moved a few
//! customers between managers (after the old manager's last entry for them), so the review's
//! new and lost figures have something to count.
//!
//! This module owns the entry points and the branch's order of work; the parts live beside
//! it (people, balances, holdings, the diary's planners, the lead's moves, the tables as data).
//! Used by the `demo` command and tests only, never by the app's own screens.

mod balances;
mod book;
mod calendar;
mod diary;
mod holdings;
mod moves;
mod people;
mod rng;
mod tables;

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::domain::assignment::Role;
use crate::domain::customer::{Gender, Snapshot};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::customers::{CustomerUpsert, insert_customer, upsert_snapshot};
use crate::store::holdings::upsert_holding;
use crate::store::managers::{ensure_manager, insert_manager, update_manager};

use book::{ManagerPlan, Member, SaleCandidate};
use calendar::Window;
use diary::{DiaryManager, write_diary};
use moves::move_some_customers;
use people::{Context, make_person, person_name};
use rng::{Rng, mix};
use tables::MANAGER_NAMES;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    pub customers: usize,
    /// At least one manager is always created.
    pub managers: usize,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> DemoOptions {
        DemoOptions {
            customers: 600,
            managers: 3,
            seed: 42,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub customers: usize,
    pub managers: usize,
    pub snapshots: usize,
    pub holdings: usize,
    /// Diary entries of the six months before `today` and the regular buyers' purchases
    /// before them, all managers together.
    pub diary_entries: usize,
    /// The staff number of the first manager (`M001`, the team lead), to open the app on.
    pub first_manager_no: String,
    /// Customers of the counter staff member (`G001`).
    pub counter_customers: usize,
    /// Customers the lead moved between managers in the last weeks.
    pub reassigned: usize,
}

/// The counter staff member's number and name.
const COUNTER_STAFF: (&str, &str) = ("G001", "周静");

/// At most this many small customers go to the counter: "a few", whatever the branch's size.
const COUNTER_CUSTOMERS: usize = 12;

/// Latest AUM below which a customer may be looked after at the counter: 20,000 yuan in cents.
const COUNTER_AUM: i64 = 2_000_000;

/// Number of month-end snapshots per customer.
const MONTHS: usize = 6;

/// Lower tier bounds of the default policy in cents: 50,000 / 500,000 / 3,000,000 yuan.
const TIER_BOUNDS: [i64; 3] = [5_000_000, 50_000_000, 300_000_000];

/// Highest customer number plus one (`C` + 8 digits).
const CUSTOMER_NO_LIMIT: u64 = 100_000_000;

/// Writes a demo branch into `store` in one transaction.
pub fn generate(
    store: &mut Store,
    options: &DemoOptions,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<DemoSummary> {
    let first_no_start = 20_000_000 + Rng::new(mix(options.seed) ^ 0x5eed).below(10_000_000);
    let room = CUSTOMER_NO_LIMIT - first_no_start;
    let customers = options.customers as u64;
    if customers >= room {
        return Err(Error::Input(format!(
            "demo: at most {} customers fit in 8-digit customer numbers",
            room - 1
        )));
    }
    // Customer numbers go up with gaps, as accounts opened over the years do.
    let max_gap = ((room - 1) / customers.max(1)).clamp(1, 9);
    // A bulk load: a bigger page cache for this transaction keeps SQLite from spilling pages
    // to disk and reading them back (half the diary's time at 100,000 customers); the
    // connection gets its own setting back afterwards.
    let cache: i64 = store
        .conn()
        .query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    store
        .conn()
        .execute_batch(&format!("PRAGMA cache_size = {BULK_CACHE_KIB}"))?;
    let written = write_branch(store, options, today, now, first_no_start, max_gap);
    store
        .conn()
        .execute_batch(&format!("PRAGMA cache_size = {cache}"))?;
    written
}

/// SQLite's page cache while the demo is written: 128 MiB (negative means KiB); at 100,000
/// customers the process peaks near 190 MB, against 110 MB and a second more with half of it.
const BULK_CACHE_KIB: i64 = -131_072;

/// The branch in one transaction.
fn write_branch(
    store: &mut Store,
    options: &DemoOptions,
    today: NaiveDate,
    now: NaiveDateTime,
    first_no_start: u64,
    max_gap: u64,
) -> Result<DemoSummary> {
    let manager_count = options.managers.max(1);
    let month_ends = month_ends_before(today);
    let window = Window::new(today, month_ends[MONTHS - 1])?;

    let tx = store.write()?;
    let mut manager_ids = Vec::with_capacity(manager_count);
    let mut manager_names = Vec::with_capacity(manager_count);
    let mut manager_rng = Rng::new(mix(options.seed) ^ 0x3a7a_9e11);
    for i in 0..manager_count {
        let name = match MANAGER_NAMES.get(i) {
            Some(n) => (*n).to_string(),
            None => {
                let gender = if i % 2 == 0 {
                    Gender::Female
                } else {
                    Gender::Male
                };
                person_name(&mut manager_rng, gender, 1985)
            }
        };
        manager_ids.push(ensure_manager(&tx, &manager_no(i), Some(&name), now)?);
        manager_names.push(name);
    }
    update_manager(&tx, manager_ids[0], None, Some(Role::TeamLead))?;
    let counter_id = insert_manager(
        &tx,
        COUNTER_STAFF.0,
        COUNTER_STAFF.1,
        Role::CounterStaff,
        now,
    )?;
    let mut counter_customers = 0;
    let mut plans: Vec<ManagerPlan> = (0..manager_count).map(|_| ManagerPlan::default()).collect();
    let mut book = Vec::with_capacity(options.customers);

    let mut numbers = Rng::new(mix(options.seed ^ 0x00c0_ffee));
    let mut next_no = first_no_start;
    let mut phones = HashSet::with_capacity(options.customers);
    let mut ids = HashSet::with_capacity(options.customers);
    let ctx = Context {
        today,
        month_ends: &month_ends,
    };
    let mut snapshots = 0;
    let mut holdings = 0;
    for i in 0..options.customers {
        next_no += 1 + numbers.below(max_gap);
        let mut rng = Rng::new(mix(options.seed ^ mix(i as u64 + 1)));
        let manager = rng.below(manager_count as u64) as usize;
        let mut person = make_person(&mut rng, &ctx, &mut phones, &mut ids);
        person.customer.customer_no = format!("C{next_no:08}");
        person.customer.manager_no = Some(manager_no(manager));
        // A few small customers are the counter's from the start; the choice draws nothing
        // from the customer's own stream, so everyone else comes out as before.
        let counter = counter_customers < COUNTER_CUSTOMERS
            && person.history[MONTHS - 1].total() < COUNTER_AUM
            && mix(options.seed ^ 0xc0c0 ^ i as u64).is_multiple_of(16);
        if counter {
            person.customer.manager_no = Some(COUNTER_STAFF.0.to_string());
            counter_customers += 1;
        }
        let member = Member::of(&person, options.seed, i);
        let upsert = CustomerUpsert {
            customer: person.customer,
            manager_id: if counter {
                Some(counter_id)
            } else {
                manager_ids.get(manager).copied()
            },
        };
        let id = insert_customer(&tx, &upsert, person.added_on, now)?;
        let index = book.len();
        let mut no_plan = ManagerPlan::default();
        let plan = if counter {
            &mut no_plan
        } else {
            &mut plans[manager]
        };
        plan.members.push(index);
        if let Some(on) = member.risk_candidate(&window) {
            plan.risks.push((on, index));
        }
        for (as_of, cents) in month_ends.iter().zip(person.history.iter()) {
            let snap = Snapshot {
                as_of: *as_of,
                balances: cents.balances(),
            };
            if upsert_snapshot(&tx, id, &snap)? {
                snapshots += 1;
            }
        }
        for h in person.holdings {
            // A term product bought in the diary's months may be logged as the sale that made
            // it (written then, as the sale's own holding); other recent purchases are logged
            // as sales of a holding the import brought.
            // Nobody logs the counter's customers' sales: their holdings all come from the import.
            let sale = if counter {
                None
            } else {
                member.sale_candidate(&h, &window)
            };
            if sale != Some(true) {
                upsert_holding(&tx, id, &h, now)?;
                holdings += 1;
            }
            if let (Some(deferred), Some(on)) = (sale, h.start_on) {
                plan.sales.push(SaleCandidate {
                    on,
                    member: index,
                    holding: h,
                    deferred,
                });
            }
        }
        book.push(Member { id, ..member });
    }
    let members: Vec<Vec<usize>> = plans.iter().map(|p| p.members.clone()).collect();
    let mut diary_entries = 0;
    for (m, plan) in plans.into_iter().enumerate() {
        let manager = DiaryManager {
            id: manager_ids[m],
            name: &manager_names[m],
            rng: Rng::new(mix(options.seed ^ 0xd1a7_0000 ^ mix(m as u64 + 1))),
        };
        let written = write_diary(&tx, manager, plan, &book, &window, now)?;
        diary_entries += written.entries;
        holdings += written.holdings;
    }
    let reassigned = move_some_customers(
        &tx,
        options.seed,
        &window,
        now,
        &manager_ids,
        &members,
        &book,
    )?;
    tx.commit()?;
    Ok(DemoSummary {
        customers: options.customers,
        managers: manager_count,
        snapshots,
        holdings,
        diary_entries,
        first_manager_no: manager_no(0),
        counter_customers,
        reassigned,
    })
}

fn manager_no(index: usize) -> String {
    format!("M{:03}", index + 1)
}

/// The last `MONTHS` month-ends strictly before `today`, oldest first.
fn month_ends_before(today: NaiveDate) -> [NaiveDate; MONTHS] {
    let mut ends = [today; MONTHS];
    let mut end = first_of_month(today) - Duration::days(1);
    for slot in ends.iter_mut().rev() {
        *slot = end;
        end = first_of_month(end) - Duration::days(1);
    }
    ends
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.day0()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn six_month_ends_strictly_before_today() {
        assert_eq!(
            month_ends_before(d(2026, 11, 24)),
            [
                d(2026, 5, 31),
                d(2026, 6, 30),
                d(2026, 7, 31),
                d(2026, 8, 31),
                d(2026, 9, 30),
                d(2026, 10, 31)
            ]
        );
        assert_eq!(month_ends_before(d(2026, 3, 1))[5], d(2026, 2, 28));
        assert_eq!(month_ends_before(d(2026, 3, 1))[0], d(2025, 9, 30));
    }
}
