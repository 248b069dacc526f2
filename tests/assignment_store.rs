//! Assignment history on an in-memory store: reassigning twice and asking who managed on each date, an import that changes the manager, refusals that change nothing, and `--rule` applied with history.

use chrono::{NaiveDate, NaiveDateTime};
use guanhu::domain::assignment::Role;
use guanhu::domain::customer::{Balances, Customer};
use guanhu::domain::policy::Policy;
use guanhu::error::Error;
use guanhu::import::{CustomerRecord, ImportPlan};
use guanhu::service::assignment::{
    add_manager, assign_by_rules, assign_to, customers_of_manager_on, list_manager_overview,
    manager_of_customer_on, set_manager,
};
use guanhu::service::import_customers;
use guanhu::store::Store;
use guanhu::store::assignments::{assignment_mismatches, list_assignments};
use guanhu::store::customers::find_customer;
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(9, 0, 0).unwrap()
}

fn record(no: &str, manager: &str, deposits: i64) -> CustomerRecord {
    CustomerRecord {
        line: 2,
        customer: Customer {
            customer_no: no.into(),
            name: format!("客户{no}"),
            manager_no: Some(manager.into()),
            ..Customer::default()
        },
        manager_name: None,
        balances: Some(Balances {
            deposits: Decimal::from(deposits),
            ..Balances::default()
        }),
        as_of: None,
        cleared: Vec::new(),
        landline: None,
    }
}

/// Imports the rows as the bank's list of `day`.
fn import_on(store: &mut Store, day: NaiveDate, rows: Vec<CustomerRecord>) {
    let plan = ImportPlan {
        rows,
        rejected: vec![],
    };
    import_customers(store, plan, None, day, at(day), false).unwrap();
}

fn who(store: &Store, no: &str, day: NaiveDate) -> Option<String> {
    manager_of_customer_on(store, no, day).unwrap()
}

#[test]
fn reassigned_twice_each_date_answers_its_manager() {
    let mut store = Store::open_in_memory().unwrap();
    // Added on 2026-01-05 with A; moved to B from 03-01 and to C from 06-01.
    import_on(
        &mut store,
        d(2026, 1, 5),
        vec![record("c1", "A", 1000), record("c2", "A", 1000)],
    );
    import_on(
        &mut store,
        d(2026, 1, 5),
        vec![record("x", "B", 1), record("y", "C", 1)],
    );
    let c1 = vec!["c1".to_string()];
    assign_to(
        &mut store,
        &c1,
        "B",
        d(2026, 3, 1),
        "L01",
        at(d(2026, 3, 1)),
        false,
    )
    .unwrap();
    assign_to(
        &mut store,
        &c1,
        "C",
        d(2026, 6, 1),
        "L01",
        at(d(2026, 6, 1)),
        false,
    )
    .unwrap();

    // Periods are [from, to): the day of a change belongs to the new manager.
    let table = [
        (d(2026, 1, 4), None),
        (d(2026, 1, 5), Some("A")),
        (d(2026, 2, 28), Some("A")),
        (d(2026, 3, 1), Some("B")),
        (d(2026, 5, 31), Some("B")),
        (d(2026, 6, 1), Some("C")),
        (d(2026, 12, 31), Some("C")),
    ];
    for (day, want) in table {
        assert_eq!(who(&store, "c1", day).as_deref(), want, "on {day}");
    }
    assert_eq!(
        customers_of_manager_on(&store, "A", d(2026, 2, 1)).unwrap(),
        ["c1", "c2"]
    );
    assert_eq!(
        customers_of_manager_on(&store, "A", d(2026, 3, 1)).unwrap(),
        ["c2"]
    );
    assert_eq!(
        customers_of_manager_on(&store, "B", d(2026, 3, 1)).unwrap(),
        ["c1", "x"]
    );
    assert_eq!(
        customers_of_manager_on(&store, "C", d(2026, 4, 1)).unwrap(),
        ["y"]
    );
    assert_eq!(
        customers_of_manager_on(&store, "C", d(2026, 7, 1)).unwrap(),
        ["c1", "y"]
    );

    let row = find_customer(store.conn(), "c1").unwrap().unwrap();
    assert_eq!(
        row.customer.manager_no.as_deref(),
        Some("C"),
        "the current manager follows"
    );
    let history = list_assignments(store.conn(), row.id).unwrap();
    let summary: Vec<(&str, NaiveDate, Option<NaiveDate>, &str, &str)> = history
        .iter()
        .map(|h| {
            (
                h.manager_no.as_str(),
                h.from_date,
                h.to_date,
                h.reason.as_str(),
                h.actor.as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("A", d(2026, 1, 5), Some(d(2026, 3, 1)), "added", ""),
            ("B", d(2026, 3, 1), Some(d(2026, 6, 1)), "manual", "L01"),
            ("C", d(2026, 6, 1), None, "manual", "L01"),
        ]
    );
}

#[test]
fn an_import_that_changes_the_manager_records_the_change() {
    let mut store = Store::open_in_memory().unwrap();
    import_on(&mut store, d(2026, 10, 1), vec![record("c1", "A", 1000)]);
    // Next month's list: same customer, now with B; the move dates from that import.
    import_on(&mut store, d(2026, 11, 1), vec![record("c1", "B", 1200)]);
    // A third import with B again changes nothing in the history.
    import_on(&mut store, d(2026, 11, 15), vec![record("c1", "B", 1300)]);
    assert_eq!(who(&store, "c1", d(2026, 10, 31)).as_deref(), Some("A"));
    assert_eq!(who(&store, "c1", d(2026, 11, 1)).as_deref(), Some("B"));
    let id = find_customer(store.conn(), "c1").unwrap().unwrap().id;
    let reasons: Vec<String> = list_assignments(store.conn(), id)
        .unwrap()
        .into_iter()
        .map(|h| h.reason)
        .collect();
    assert_eq!(reasons, ["added", "import"]);
    // The customer's manager and the history agree; a write that moves one without the other
    // (bypassing the service) is what `guanhu check` counts.
    assert_eq!(assignment_mismatches(store.conn()).unwrap(), 0);
    store
        .conn()
        .execute(
            "UPDATE customers SET manager_id = (SELECT id FROM managers WHERE manager_no = 'A')",
            [],
        )
        .unwrap();
    assert_eq!(assignment_mismatches(store.conn()).unwrap(), 1);
}

#[test]
fn dry_runs_and_refusals_change_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    import_on(
        &mut store,
        d(2026, 10, 1),
        vec![record("c1", "A", 1000), record("z", "B", 1)],
    );
    let c1 = vec!["c1".to_string()];
    let moves = assign_to(
        &mut store,
        &c1,
        "B",
        d(2026, 11, 1),
        "",
        at(d(2026, 11, 1)),
        true,
    )
    .unwrap();
    assert_eq!(moves.len(), 1);
    assert_eq!(moves[0].from.as_deref(), Some("A"));
    assert_eq!(
        who(&store, "c1", d(2026, 11, 2)).as_deref(),
        Some("A"),
        "dry run"
    );

    // Before A took over: refused, and nothing written.
    let e = assign_to(
        &mut store,
        &c1,
        "B",
        d(2026, 9, 1),
        "",
        at(d(2026, 11, 1)),
        false,
    )
    .unwrap_err();
    assert!(matches!(e, Error::AssignmentBeforeCurrent { .. }), "{e:?}");
    let two = vec!["c1".to_string(), "nobody".to_string()];
    let e = assign_to(
        &mut store,
        &two,
        "B",
        d(2026, 11, 1),
        "",
        at(d(2026, 11, 1)),
        false,
    )
    .unwrap_err();
    assert!(
        matches!(e, Error::NoSuchCustomer(ref n) if n == "nobody"),
        "{e:?}"
    );
    let e = assign_to(
        &mut store,
        &c1,
        "Q",
        d(2026, 11, 1),
        "",
        at(d(2026, 11, 1)),
        false,
    )
    .unwrap_err();
    assert!(matches!(e, Error::NoSuchManager(_)), "{e:?}");
    assert_eq!(who(&store, "c1", d(2026, 11, 2)).as_deref(), Some("A"));

    // Already with B: no move.
    let z = vec!["z".to_string()];
    assert!(
        assign_to(
            &mut store,
            &z,
            "B",
            d(2026, 11, 1),
            "",
            at(d(2026, 11, 1)),
            false
        )
        .unwrap()
        .is_empty()
    );
}

#[test]
fn rules_apply_with_history_and_the_overview_follows() {
    let mut store = Store::open_in_memory().unwrap();
    let day = d(2026, 11, 24);
    import_on(
        &mut store,
        d(2026, 10, 1),
        vec![
            record("big", "M01", 800_000),
            record("mid1", "X", 100_000),
            record("mid2", "X", 120_000),
            record("small", "X", 10_000),
        ],
    );
    add_manager(&mut store, "L01", "王团长", Role::TeamLead, at(day)).unwrap();
    add_manager(&mut store, "C01", "柜员甲", Role::CounterStaff, at(day)).unwrap();
    // M01 came in through the import as a relationship manager; X becomes a branch head.
    set_manager(&mut store, "X", Some("徐行长"), Some(Role::BranchHead)).unwrap();
    let policy = Policy::default_policy();

    let plan = assign_by_rules(&mut store, &policy, day, day, "L01", at(day), true).unwrap();
    let moves: Vec<(&str, &str)> = plan
        .iter()
        .map(|m| (m.customer_no.as_str(), m.to.as_str()))
        .collect();
    // Only M01 holds the relationship-manager role, so both mid customers go to M01.
    assert_eq!(
        moves,
        [
            ("big", "L01"),
            ("mid1", "M01"),
            ("mid2", "M01"),
            ("small", "C01")
        ]
    );
    assert_eq!(
        who(&store, "big", day).as_deref(),
        Some("M01"),
        "dry run wrote nothing"
    );

    let applied = assign_by_rules(&mut store, &policy, day, day, "L01", at(day), false).unwrap();
    assert_eq!(applied, plan);
    assert_eq!(who(&store, "big", day).as_deref(), Some("L01"));
    assert_eq!(who(&store, "big", d(2026, 11, 23)).as_deref(), Some("M01"));
    let id = find_customer(store.conn(), "small").unwrap().unwrap().id;
    let last = list_assignments(store.conn(), id).unwrap().pop().unwrap();
    assert_eq!(last.reason, "rule:small_to_counter");

    let overview = list_manager_overview(&store, &policy, day).unwrap();
    let counts: Vec<(&str, &str, usize, Decimal)> = overview
        .iter()
        .map(|m| (m.manager_no.as_str(), m.role.as_str(), m.customers, m.aum))
        .collect();
    assert_eq!(
        counts,
        [
            ("C01", "counter_staff", 1, Decimal::from(10_000)),
            ("L01", "team_lead", 1, Decimal::from(800_000)),
            ("M01", "relationship_manager", 2, Decimal::from(220_000)),
            ("X", "branch_head", 0, Decimal::ZERO),
        ]
    );
    // A second run finds nothing to do.
    assert!(
        assign_by_rules(&mut store, &policy, day, day, "L01", at(day), true)
            .unwrap()
            .is_empty()
    );
}
