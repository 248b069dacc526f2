//! Spreading the monthly contact over the working days: a book of 600 customers in a December of 22 working days (25 December a holiday) with a daily capacity of 25 — the day's share, carry-forward after a missed day, holidays and weekends skipped, most overdue and highest tier first.

use chrono::{NaiveDate, NaiveDateTime};
use guanhu::domain::classify::{Activity, Classification, classify};
use guanhu::domain::contacts::{ContactFacts, LastContact};
use guanhu::domain::customer::{Balances, Customer, Snapshot};
use guanhu::domain::diary::{EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::domain::queue::{QueueInput, TodayQueue, build_queue};
use guanhu::domain::urgency::ReasonCode;
use guanhu::domain::workload::day_plan;
use rust_decimal::Decimal;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn at(day: NaiveDate, h: u32) -> NaiveDateTime {
    day.and_hms_opt(h, 0, 0).unwrap()
}

/// Only the monthly contact applies (the other obligations are limited to a tier nobody is
/// in), capacity `capacity`, Christmas a holiday.
fn policy(capacity: u32) -> Policy {
    Policy::from_toml(&[&format!(
        "[cadence.sms]\ntiers = [\"high\"]\n[cadence.visit]\ntiers = [\"high\"]\n\
         [cadence.sale]\ntiers = [\"high\"]\n[cadence.risk_review]\ntiers = [\"high\"]\n\
         [workload]\ndaily_capacity = {capacity}\nholidays = [\"2026-12-25\"]\n\
         spread = [\"contact\"]\n"
    )])
    .unwrap()
}

/// A customer with nothing to signal: assessed recently, no birthday near, no first trade.
fn customer(i: usize) -> Customer {
    Customer {
        customer_no: format!("C{i:04}"),
        name: format!("客户{i}"),
        birth_date: Some(d(6, 15)),
        risk_assessed_on: Some(d(11, 1)),
        ..Customer::default()
    }
}

fn snapshot(aum: i64) -> Vec<Snapshot> {
    vec![Snapshot {
        as_of: d(11, 30),
        balances: Balances {
            deposits: Decimal::from(aum),
            ..Balances::default()
        },
    }]
}

/// A reached call at `when`.
fn called(when: NaiveDateTime) -> LastContact {
    LastContact {
        kind: EntryKind::Call,
        outcome: Some(Outcome::Reached),
        at: when,
        count: 1,
    }
}

struct Book {
    customers: Vec<Customer>,
    snapshots: Vec<Vec<Snapshot>>,
    /// Reached calls per customer.
    calls: Vec<Vec<NaiveDateTime>>,
}

impl Book {
    /// `n` mass customers, each called once in November (so December's contact is simply due).
    fn new(n: usize) -> Book {
        Book {
            customers: (0..n).map(customer).collect(),
            snapshots: (0..n).map(|_| snapshot(10_000)).collect(),
            calls: (0..n).map(|_| vec![at(d(11, 10), 10)]).collect(),
        }
    }

    fn queue(&self, policy: &Policy, now: NaiveDateTime) -> TodayQueue {
        let today = now.date();
        let classes: Vec<Classification> = self
            .customers
            .iter()
            .zip(&self.snapshots)
            .map(|(c, s)| classify(policy, c, s, Activity::default(), today))
            .collect();
        let facts: Vec<ContactFacts> = self
            .calls
            .iter()
            .map(|calls| {
                let mut f = ContactFacts::default();
                for t in calls.iter().filter(|t| t.date() <= today) {
                    if t.date() == today {
                        f.on_day.push(guanhu::domain::contacts::DayEntry {
                            id: f.on_day.len() as i64 + 1,
                            bulk: false,
                            kind: EntryKind::Call,
                            outcome: Some(Outcome::Reached),
                            at: *t,
                        });
                    } else if f.before.first().is_none_or(|l| l.at < *t) {
                        f.before = vec![called(*t)];
                    }
                }
                f
            })
            .collect();
        let inputs: Vec<QueueInput> = (0..self.customers.len())
            .map(|i| QueueInput {
                customer: &self.customers[i],
                class: &classes[i],
                snapshots: &self.snapshots[i],
                holdings: &[],
                contacts: &facts[i],
                holds: &[],
                known_since: None,
            })
            .collect();
        build_queue(policy, &inputs, now)
    }
}

fn numbers(q: &TodayQueue) -> Vec<String> {
    q.items
        .iter()
        .filter_map(|i| i.customer_no.clone())
        .collect()
}

#[test]
fn december_has_22_working_days_with_christmas_off() {
    let cal = policy(25).calendar;
    assert_eq!(cal.working_days_between(d(12, 1), d(12, 31)), 22);
    assert!(!cal.is_working_day(d(12, 25)), "a holiday");
    assert!(!cal.is_working_day(d(12, 5)), "a Saturday");
    assert_eq!(cal.next_working_day(d(12, 24)), d(12, 28));
}

#[test]
fn the_days_share_table() {
    let cal = policy(25).calendar;
    let dec = (d(12, 1), d(12, 31));
    // (today, owed at the start of the day, met earlier this month) → (days left, share, behind)
    let table = [
        // The 1st: 600 over 22 days is 27.3, so 28 (the capacity then caps it at 25).
        (d(12, 1), 600, 0, (22, 28, 0)),
        // A missed 1st: 600 over 21 days is 29; an even pace would have met 27 already.
        (d(12, 2), 600, 0, (21, 29, 27)),
        // Met 28 on the 1st: 572 over 21 days is 28, and on pace.
        (d(12, 2), 572, 28, (21, 28, 0)),
        // The 24th: left are the 24th, 28th–31st (the 25th is a holiday): 5 days.
        (d(12, 24), 100, 500, (5, 20, 0)),
        // The holiday itself and a Saturday: nothing is planned, the work waits.
        (d(12, 25), 100, 500, (4, 0, 0)),
        (d(12, 26), 100, 500, (4, 0, 0)),
        // The last day: everything left; 21 of 22 days gone, 572 of 600 expected met.
        (d(12, 31), 30, 570, (1, 30, 2)),
    ];
    for (today, owed, met, (days, share, behind)) in table {
        let p = day_plan(&cal, dec, today, owed, met);
        assert_eq!(
            (p.remaining_days, p.share, p.behind),
            (days, share, behind),
            "{today} owed {owed} met {met}"
        );
    }
}

#[test]
fn the_first_day_holds_the_share_within_the_capacity() {
    let book = Book::new(600);
    // Capacity 25 below the fair share of 28: 25 rows.
    let q = book.queue(&policy(25), at(d(12, 1), 8));
    assert_eq!(q.items.len(), 25);
    assert_eq!((q.planned, q.done, q.behind), (25, 0, 0));
    assert!(q.working_day);
    // A capacity of 40 leaves the fair share: 28.
    let q = book.queue(&policy(40), at(d(12, 1), 8));
    assert_eq!(q.items.len(), 28);
    assert!(
        q.items
            .iter()
            .all(|i| i.reasons.iter().all(|r| r.code() == ReasonCode::ContactDue))
    );
}

#[test]
fn a_missed_day_carries_forward_and_the_share_rises() {
    let book = Book::new(600);
    let p = policy(40);
    let first = book.queue(&p, at(d(12, 1), 8));
    // Nothing done on the 1st: the same 28 come first on the 2nd, with one more (29).
    let second = book.queue(&p, at(d(12, 2), 8));
    assert_eq!(second.items.len(), 29);
    let carried = numbers(&first);
    assert!(carried.iter().all(|n| numbers(&second).contains(n)));
    assert_eq!(second.behind, 27, "an even pace would have met 27 by now");
    // The carried rows rise: a day further into the month, a higher overdue term.
    let score = |q: &TodayQueue, no: &str| {
        q.items
            .iter()
            .find(|i| i.customer_no.as_deref() == Some(no))
            .unwrap()
            .score
            .total
    };
    assert!(score(&second, &carried[0]) > score(&first, &carried[0]));
}

#[test]
fn done_work_leaves_and_the_next_customers_come() {
    let mut book = Book::new(600);
    let p = policy(40);
    let first = numbers(&book.queue(&p, at(d(12, 1), 8)));
    // The manager calls the first ten at 10:00 on the 1st.
    for no in first.iter().take(10) {
        let i: usize = no[1..].parse().unwrap();
        book.calls[i].push(at(d(12, 1), 10));
    }
    let later = book.queue(&p, at(d(12, 1), 11));
    assert_eq!(
        (later.planned, later.done),
        (28, 10),
        "the plan holds all day"
    );
    assert_eq!(later.items.len(), 18);
    // The 2nd: 590 owed over 21 days → 29 new rows, none of the ten.
    let next = book.queue(&p, at(d(12, 2), 8));
    assert_eq!(next.items.len(), 29);
    assert!(first.iter().take(10).all(|n| !numbers(&next).contains(n)));
}

#[test]
fn holidays_and_weekends_plan_nothing() {
    let book = Book::new(600);
    for day in [d(12, 25), d(12, 26), d(12, 27)] {
        let q = book.queue(&policy(25), at(day, 8));
        assert!(!q.working_day, "{day}");
        assert_eq!(q.items.len(), 0, "{day}");
    }
    // The 24th shares what is left over 5 days, not 6: 600 / 5 = 120, capped at 25.
    let q = book.queue(&policy(200), at(d(12, 24), 8));
    assert_eq!(q.items.len(), 120);
}

#[test]
fn most_overdue_then_highest_tier_first() {
    let mut book = Book::new(600);
    // C0100 was last called in October: November was missed too, so it is overdue.
    book.calls[100] = vec![at(d(10, 15), 10)];
    // C0200 and C0300 are quality customers (≥ 500,000); C0300 last called earlier.
    book.snapshots[200] = snapshot(600_000);
    book.snapshots[300] = snapshot(700_000);
    book.calls[300] = vec![at(d(11, 3), 10)];
    let q = book.queue(&policy(25), at(d(12, 1), 8));
    let order = numbers(&q);
    // Shown by score: the overdue one first, then the two quality customers.
    assert_eq!(&order[..3], ["C0100", "C0200", "C0300"], "{order:?}");
    assert!(q.items[0].overdue);
    assert_eq!(q.overdue, 1);
    // Planned in order of need: with room for two, the overdue one and the quality customer
    // not called for longest.
    let q = book.queue(&policy(2), at(d(12, 1), 8));
    assert_eq!(numbers(&q), ["C0100", "C0300"]);
}
