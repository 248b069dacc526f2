//! Signals, table-driven with a fixed day: each one present and absent at its window's edges.

use chrono::{NaiveDate, NaiveDateTime};
use guanhu::domain::classify::{Activity, Classification, classify};
use guanhu::domain::contacts::ContactFacts;
use guanhu::domain::customer::{Balances, Customer, Holding, ProductKind, Snapshot};
use guanhu::domain::diary::{DiaryEntry, EntryDraft, EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::domain::signals::{CustomerFacts, Signal, next_birthday, signals};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn now() -> NaiveDateTime {
    d(2026, 11, 24).and_hms_opt(9, 0, 0).unwrap()
}

fn snap(on: NaiveDate, aum: Decimal) -> Snapshot {
    Snapshot {
        as_of: on,
        balances: Balances {
            deposits: aum,
            ..Balances::default()
        },
    }
}

/// A customer assessed recently, born far from today, long-standing, with steady balances.
fn quiet_customer() -> Customer {
    Customer {
        customer_no: "C1".into(),
        name: "张伟".into(),
        birth_date: Some(d(1980, 6, 15)),
        risk_assessed_on: Some(d(2026, 6, 1)),
        first_trade_on: Some(d(2015, 1, 1)),
        ..Customer::default()
    }
}

fn entry(
    id: i64,
    kind: EntryKind,
    at: NaiveDateTime,
    follow_up: Option<NaiveDateTime>,
) -> DiaryEntry {
    DiaryEntry {
        id,
        manager_no: None,
        customer_name: None,
        draft: EntryDraft {
            kind,
            customer_no: Some("C1".into()),
            occurred_at: at,
            outcome: Some(Outcome::Reached),
            note: String::new(),
            follow_up_at: follow_up,
            sale: None,
            risk_level: None,
        },
        created_at: at,
        amended: false,
        deleted: false,
        batch_id: None,
    }
}

struct Case {
    customer: Customer,
    snapshots: Vec<Snapshot>,
    holdings: Vec<Holding>,
    entries: Vec<DiaryEntry>,
}

impl Case {
    fn new() -> Case {
        Case {
            customer: quiet_customer(),
            snapshots: vec![
                snap(d(2026, 9, 30), dec!(100000)),
                snap(d(2026, 10, 31), dec!(100000)),
            ],
            holdings: vec![],
            entries: vec![entry(
                1,
                EntryKind::Call,
                d(2026, 11, 20).and_hms_opt(10, 0, 0).unwrap(),
                None,
            )],
        }
    }

    fn signals(&self) -> Vec<Signal> {
        let policy = Policy::default_policy();
        let class: Classification = classify(
            &policy,
            &self.customer,
            &self.snapshots,
            Activity {
                last_contact_on: Some(d(2026, 11, 20)),
                sales_count: 0,
            },
            now().date(),
        );
        signals(
            &policy,
            &CustomerFacts {
                customer: &self.customer,
                class: &class,
                snapshots: &self.snapshots,
                holdings: &self.holdings,
                contacts: &ContactFacts::from_entries(&self.entries, now().date()),
            },
            now(),
        )
    }
}

#[test]
fn a_quiet_customer_has_no_signal() {
    assert_eq!(Case::new().signals(), vec![]);
}

#[test]
fn maturities_within_fourteen_days_and_a_week_after() {
    let holding = |on| Holding {
        kind: ProductKind::Wealth,
        product_code: String::new(),
        product_name: "稳利丰90天".into(),
        amount: dec!(300000),
        start_on: None,
        maturity_on: Some(on),
    };
    let cases = [
        (d(2026, 11, 24), Some(0)),
        (d(2026, 11, 27), Some(3)),
        (d(2026, 12, 8), Some(14)),
        (d(2026, 12, 9), None),
        // Matured yesterday or within the week: still a maturity to retain (overdue when
        // nothing answered it); a week and a day ago: gone.
        (d(2026, 11, 23), Some(-1)),
        (d(2026, 11, 17), Some(-7)),
        (d(2026, 11, 16), None),
    ];
    for (on, want) in cases {
        let mut c = Case::new();
        c.holdings = vec![holding(on)];
        let got = c.signals().into_iter().find_map(|s| match s {
            Signal::Maturity { days, amount, .. } => {
                assert_eq!(amount, dec!(300000));
                Some(days)
            }
            _ => None,
        });
        assert_eq!(got, want, "maturity {on}");
    }
}

#[test]
fn large_outflows_by_amount_or_share() {
    let cases = [
        (dec!(2000000), dec!(1500000), true),  // down 500,000 (25 %)
        (dec!(2000000), dec!(1500001), false), // down 499,999 (25 %)
        (dec!(100000), dec!(70000), true),     // down 30 %
        (dec!(100000), dec!(70001), false),
        (dec!(100000), dec!(150000), false), // up
    ];
    for (before, after, want) in cases {
        let mut c = Case::new();
        c.snapshots = vec![snap(d(2026, 9, 30), before), snap(d(2026, 10, 31), after)];
        let got = c
            .signals()
            .iter()
            .any(|s| matches!(s, Signal::LargeOutflow { .. }));
        assert_eq!(got, want, "{before} → {after}");
    }
}

#[test]
fn birthdays_within_seven_days_and_leap_days() {
    let cases = [
        (d(1980, 11, 24), Some(0)),
        (d(1980, 12, 1), Some(7)),
        (d(1980, 12, 2), None),
        (d(1980, 11, 23), None), // yesterday: next year's is far
    ];
    for (birth, want) in cases {
        let mut c = Case::new();
        c.customer.birth_date = Some(birth);
        let got = c.signals().into_iter().find_map(|s| match s {
            Signal::Birthday { days, .. } => Some(days),
            _ => None,
        });
        assert_eq!(got, want, "born {birth}");
    }
    // Born on 29 February: celebrated on the 28th in other years.
    assert_eq!(next_birthday(d(1988, 2, 29), d(2027, 2, 1)), d(2027, 2, 28));
    assert_eq!(next_birthday(d(1988, 2, 29), d(2028, 2, 1)), d(2028, 2, 29));
    assert_eq!(next_birthday(d(1988, 2, 29), d(2027, 3, 1)), d(2028, 2, 29));
}

#[test]
fn risk_assessments_expired_expiring_or_missing() {
    let cases = [
        (Some(d(2025, 11, 24)), Some(Some(0))),  // expires today
        (Some(d(2025, 12, 24)), Some(Some(30))), // in 30 days
        (Some(d(2025, 12, 25)), None),           // in 31 days
        (Some(d(2024, 1, 1)), Some(Some(-692))), // expired 2025-01-01, 692 days ago
        (None, Some(None)),                      // never assessed
    ];
    for (assessed, want) in cases {
        let mut c = Case::new();
        c.customer.risk_assessed_on = assessed;
        let got = c.signals().into_iter().find_map(|s| match s {
            Signal::RiskAssessment { days, .. } => Some(days),
            _ => None,
        });
        assert_eq!(got, want, "assessed {assessed:?}");
    }
}

#[test]
fn upgrade_and_downgrade() {
    // (previous AUM, current AUM, upgrade?, downgrade risk?)
    let cases = [
        (dec!(450000), dec!(450000), true, false), // 10 % below 500,000
        (dec!(449999), dec!(449999), false, false), // just outside
        (dec!(499999), dec!(499999.99), true, false),
        (dec!(600000), dec!(549999), false, true), // within 10 % above 500,000 and falling
        (dec!(540000), dec!(549999), false, false), // rising: no risk
        (dec!(600000), dec!(550000), false, false), // exactly 10 % above
    ];
    for (before, now_aum, up, down) in cases {
        let mut c = Case::new();
        c.snapshots = vec![snap(d(2026, 9, 30), before), snap(d(2026, 10, 31), now_aum)];
        let s = c.signals();
        assert_eq!(
            s.iter().any(|x| matches!(x, Signal::Upgrade { .. })),
            up,
            "{before} → {now_aum}"
        );
        assert_eq!(
            s.iter().any(|x| matches!(x, Signal::DowngradeRisk { .. })),
            down,
            "{before} → {now_aum}"
        );
    }
}

#[test]
fn call_backs_stay_until_followed() {
    let at = |day, h| d(2026, 11, day).and_hms_opt(h, 0, 0).unwrap();
    let mut c = Case::new();
    // Due this morning: on the queue from its time.
    c.entries = vec![entry(7, EntryKind::Call, at(23, 10), Some(at(24, 8)))];
    assert!(
        c.signals()
            .iter()
            .any(|s| matches!(s, Signal::Callback { entry_id: 7, .. }))
    );
    // Due at 15:00: not yet (the lead time is 0 by default).
    c.entries = vec![entry(7, EntryKind::Call, at(23, 10), Some(at(24, 15)))];
    assert!(
        !c.signals()
            .iter()
            .any(|s| matches!(s, Signal::Callback { .. }))
    );
    // Overdue from last week: still there.
    c.entries = vec![entry(7, EntryKind::Call, at(16, 10), Some(at(17, 15)))];
    assert!(
        c.signals()
            .iter()
            .any(|s| matches!(s, Signal::Callback { .. }))
    );
    // Due tomorrow: not today's.
    c.entries = vec![entry(7, EntryKind::Call, at(23, 10), Some(at(25, 10)))];
    assert!(
        !c.signals()
            .iter()
            .any(|s| matches!(s, Signal::Callback { .. }))
    );
    // Followed by a later call: gone.
    c.entries = vec![
        entry(7, EntryKind::Call, at(16, 10), Some(at(17, 15))),
        entry(8, EntryKind::Call, at(17, 15), None),
    ];
    assert!(
        !c.signals()
            .iter()
            .any(|s| matches!(s, Signal::Callback { .. }))
    );
}

#[test]
fn new_customers_until_contacted() {
    let mut c = Case::new();
    c.customer.first_trade_on = Some(d(2026, 11, 10));
    c.entries = vec![];
    assert!(
        c.signals()
            .iter()
            .any(|s| matches!(s, Signal::NewCustomer { .. }))
    );
    c.entries = vec![entry(
        1,
        EntryKind::Call,
        d(2026, 11, 12).and_hms_opt(10, 0, 0).unwrap(),
        None,
    )];
    assert!(
        !c.signals()
            .iter()
            .any(|s| matches!(s, Signal::NewCustomer { .. }))
    );
    c.entries = vec![];
    c.customer.first_trade_on = Some(d(2026, 10, 25)); // 30 days ago
    assert!(
        !c.signals()
            .iter()
            .any(|s| matches!(s, Signal::NewCustomer { .. }))
    );
}

#[test]
fn dormant_follows_the_lifecycle() {
    let mut c = Case::new();
    c.entries = vec![];
    c.snapshots = vec![
        snap(d(2026, 3, 31), dec!(100000)),
        snap(d(2026, 10, 31), dec!(100000)),
    ];
    let policy = Policy::default_policy();
    let class = classify(
        &policy,
        &c.customer,
        &c.snapshots,
        Activity::default(),
        now().date(),
    );
    let s = signals(
        &policy,
        &CustomerFacts {
            customer: &c.customer,
            class: &class,
            snapshots: &c.snapshots,
            holdings: &c.holdings,
            contacts: &ContactFacts::from_entries(&c.entries, now().date()),
        },
        now(),
    );
    assert!(s.contains(&Signal::Dormant), "{s:?}");
}
