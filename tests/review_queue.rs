//! The review's queue completion (每日计划完成率): each working day's plan rebuilt as it stood — the list of that day, the diary rolled forward, the snoozes recorded before the day began — on the hand-built store, and the same figures as the Today queue's own on a generated branch.

mod review_store;

use chrono::{Duration, NaiveDate};
use guanhu::demo::{DemoOptions, generate};
use guanhu::domain::policy::Policy;
use guanhu::service;
use guanhu::service::queue::{HoldRequest, hold_items, load_today, set_holds};
use guanhu::service::review::plan_days;
use guanhu::store::Store;
use review_store::{at, d, review_store, today};

/// (day, done, planned) of each working day from `from` to `to`.
fn plans(store: &Store, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, usize, usize)> {
    plan_days(store, &Policy::default_policy(), "M001", from, to)
        .unwrap()
        .into_iter()
        .map(|p| (p.day, p.done, p.planned))
        .collect()
}

/// W49 of 王经理 (see `review_store`), row by row. Rows are one per customer owing something
/// plus the week's bulk-SMS row while anyone is owed the week's SMS. None of 甲 乙 丙 has had
/// a visit this year and each has a risk assessment signal, so each is in the plan every day
/// until met; a row is done when every reason of its day is answered by what answers it
/// (`[answers]`, the cadence's `satisfied_by`).
///
/// - Mon 30 Nov: 甲, 乙 and the SMS row (both owed this week's SMS); 丙 is not on the list
///   yet. Nothing logged: 0 of 3.
/// - Tue 1 Dec: 丙 joins the list (added that day): 甲, 乙, 丙, SMS row. 甲 and 乙 get an SMS,
///   which answers neither the year's visit nor the risk assessment: their rows stay; the SMS
///   row too (丙 is still owed): 0 of 4.
/// - Wed 2 Dec: the same four rows, nothing logged: 0 of 4.
/// - Thu 3 Dec: 乙's visit, sale and assessment answer all of 乙's reasons: 1 of 4.
/// - Fri 4 Dec: 乙 has met everything and leaves the plan: 甲, 丙, SMS row. 丙's call was not
///   reached: an attempt answers nothing, and 丙 is still owed the SMS: 0 of 3.
///
/// The week: 1 of 18 = 5.6 %, the figure of `tests/fixtures/review_w49_*.md`.
#[test]
fn the_plan_of_each_day_as_it_stood() {
    let store = review_store();
    assert_eq!(
        plans(&store, d(2026, 11, 30), d(2026, 12, 6)),
        vec![
            (d(2026, 11, 30), 0, 3),
            (d(2026, 12, 1), 0, 4),
            (d(2026, 12, 2), 0, 4),
            (d(2026, 12, 3), 1, 4),
            (d(2026, 12, 4), 0, 3),
        ]
    );
    let w = service::review::load_week(
        &store,
        &Policy::default_policy(),
        "M001",
        d(2026, 12, 2),
        today(),
    )
    .unwrap();
    let q = w
        .review
        .metrics
        .iter()
        .find(|m| m.key.as_str() == "queue_completion")
        .unwrap();
    assert_eq!(
        q.actual.map(|a| a.round_dp(3).to_string()),
        Some("0.056".into())
    );
}

/// A snooze keeps a row out from the day after it was recorded: putting a row off during the
/// day is not doing it. A hold undone counts for the days it was in force.
#[test]
fn snoozes_count_from_the_day_after_they_were_recorded() {
    let mut store = review_store();
    // Wednesday 10:00: 甲 snoozed until Monday 7 Dec.
    hold_items(
        &mut store,
        Some("M001"),
        &[HoldRequest {
            customer_no: "C01".into(),
            code: None,
            until: d(2026, 12, 7),
            note: "出差".into(),
        }],
        at(2026, 12, 2, 10),
    )
    .unwrap();
    // Monday 30 Nov 9:00: 乙 snoozed until the 7th as well, undone on Tuesday at 15:00.
    let ids = hold_items(
        &mut store,
        Some("M001"),
        &[HoldRequest {
            customer_no: "C02".into(),
            code: None,
            until: d(2026, 12, 7),
            note: "记录".into(),
        }],
        at(2026, 11, 30, 9),
    )
    .unwrap();
    set_holds(&mut store, &ids, true, at(2026, 12, 1, 15)).unwrap();
    // Mon: as before (乙's snooze came during the day). Tue: 乙 is out (snoozed at the start
    // of the day), so 甲, 丙 and the SMS row: 甲 texted, which answers none of 甲's reasons:
    // 0 of 3. Wed: 乙 is back (the snooze was undone on Tuesday); 甲 is still in (snoozed
    // during the day): 0 of 4. Thu: 甲 is out: 乙, 丙, SMS row, 乙 done: 1 of 3. Fri: 丙 and
    // the SMS row; 丙's call was not reached: 0 of 2.
    assert_eq!(
        plans(&store, d(2026, 11, 30), d(2026, 12, 6)),
        vec![
            (d(2026, 11, 30), 0, 3),
            (d(2026, 12, 1), 0, 3),
            (d(2026, 12, 2), 0, 4),
            (d(2026, 12, 3), 1, 3),
            (d(2026, 12, 4), 0, 2),
        ]
    );
}

/// With no reassignments and no snoozes, the rebuilt plans are exactly what the Today screen
/// showed each evening (its queue built for that day from the store).
#[test]
fn rebuilt_plans_match_the_today_queue_of_each_day() {
    let mut store = Store::open_in_memory().unwrap();
    let today = d(2026, 11, 24);
    let options = DemoOptions {
        customers: 400,
        managers: 2,
        seed: 7,
    };
    generate(
        &mut store,
        &options,
        today,
        today.and_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap();
    // The Today queue reads the list as it is now: make the list the same on every day.
    store
        .conn()
        .execute_batch(
            "DELETE FROM customer_assignments; DELETE FROM queue_holds; \
             UPDATE customers SET added_on = '2025-01-02';",
        )
        .unwrap();
    let policy = Policy::default_policy();
    let (from, to) = (today - Duration::days(15), today);
    let rebuilt = plan_days(&store, &policy, "M001", from, to).unwrap();
    assert!(rebuilt.len() >= 10, "{} working days", rebuilt.len());
    assert!(rebuilt.iter().all(|p| p.planned > 0));
    for p in rebuilt {
        let q = load_today(
            &store,
            &policy,
            p.day.and_hms_opt(18, 0, 0).unwrap(),
            Some("M001"),
        )
        .unwrap();
        assert_eq!((p.done, p.planned), (q.done, q.planned), "{}", p.day);
    }
}
