//! The queue's two halves (the book on a second connection, the diary on the first) read one
//! snapshot: a commit by another running copy between them shows up in both or in neither.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use guanhu::demo::DemoOptions;
use guanhu::domain::policy::Policy;
use guanhu::service;
use guanhu::store::Store;
use guanhu::store::customers::find_customer;
use guanhu::store::queue::insert_hold;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(9, 0, 0).unwrap()
}

/// One commit that touches both halves: the customer is renamed (the book) and snoozed (the
/// diary). A mix would show the new name on a row that the snooze should have hidden.
fn rename_and_snooze(other: &mut Store, customer_no: &str) {
    let tx = other.write().unwrap();
    tx.execute(
        "UPDATE customers SET name = 'RENAMED' WHERE customer_no = ?1",
        [customer_no],
    )
    .unwrap();
    let id = find_customer(&tx, customer_no).unwrap().unwrap().id;
    insert_hold(&tx, id, None, None, today() + Duration::days(7), "", now()).unwrap();
    tx.commit().unwrap();
}

#[test]
fn a_commit_between_the_halves_is_seen_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guanhu.db");
    let mut store = Store::open(&path).unwrap();
    let options = DemoOptions {
        customers: 60,
        managers: 1,
        seed: 11,
    };
    guanhu::demo::generate(&mut store, &options, today(), now()).unwrap();
    let policy = Policy::default_policy();
    let before = service::queue::load_today(&store, &policy, now(), None).unwrap();
    let target = before
        .items
        .iter()
        .find_map(|i| i.customer_no.clone())
        .expect("the demo queue has a customer row");

    let mut other = Store::open(&path).unwrap();
    let mut calls = 0;
    let mut commit_once = || {
        calls += 1;
        if calls == 1 {
            rename_and_snooze(&mut other, &target);
        }
    };
    let seen =
        service::queue::load_today_between(&store, &policy, now(), None, &mut commit_once).unwrap();
    assert!(calls >= 1, "the hook ran between the halves");
    let after = service::queue::load_today(&store, &policy, now(), None).unwrap();

    assert_ne!(before, after, "the commit changes the queue");
    assert!(
        after
            .items
            .iter()
            .all(|i| i.customer_no.as_ref() != Some(&target)),
        "the snoozed customer left the queue"
    );
    assert!(
        seen == before || seen == after,
        "the queue mixed two states of the store"
    );
}

#[test]
fn an_in_memory_store_reads_both_halves_on_one_connection() {
    let mut store = Store::open_in_memory().unwrap();
    let options = DemoOptions {
        customers: 20,
        managers: 1,
        seed: 11,
    };
    guanhu::demo::generate(&mut store, &options, today(), now()).unwrap();
    let policy = Policy::default_policy();
    let mut calls = 0;
    let plain = service::queue::load_today(&store, &policy, now(), None).unwrap();
    let hooked =
        service::queue::load_today_between(&store, &policy, now(), None, &mut || calls += 1)
            .unwrap();
    assert_eq!(calls, 1);
    assert_eq!(plain, hooked);
}
