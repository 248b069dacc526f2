//! The queue's invariants on the sample book: one row per customer with its reasons merged, a touch answers only the reasons it answers (a call not reached answers nothing), the weekly SMS is one row pinned first naming exactly the customers owed it, and the order does not depend on the input's order.

mod common;

use guanhu::domain::contacts::ContactFacts;
use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::domain::portfolio::CustomerDetail;
use guanhu::domain::queue::{QueueInput, QueueItem, TodayQueue, build_queue};
use guanhu::domain::urgency::ReasonCode;
use guanhu::service::diary::log_entries;
use guanhu::store::Store;

fn details(store: &Store) -> Vec<CustomerDetail> {
    let policy = Policy::default_policy();
    guanhu::service::load_portfolio(store, &policy, common::today(), None)
        .unwrap()
        .iter()
        .map(|s| {
            guanhu::service::load_customer_detail(
                store,
                &policy,
                common::today(),
                &s.customer.customer_no,
            )
            .unwrap()
        })
        .collect()
}

fn queue(details: &[CustomerDetail]) -> Vec<QueueItem> {
    today_queue(details).items
}

fn today_queue(details: &[CustomerDetail]) -> TodayQueue {
    let facts: Vec<ContactFacts> = details
        .iter()
        .map(|d| ContactFacts::from_entries(&d.timeline, common::today()))
        .collect();
    let inputs: Vec<QueueInput> = details
        .iter()
        .zip(&facts)
        .map(|(d, f)| QueueInput {
            customer: &d.summary.customer,
            class: &d.summary.class,
            snapshots: &d.snapshots,
            holdings: &d.holdings,
            contacts: f,
            holds: &[],
            known_since: None,
        })
        .collect();
    build_queue(&Policy::default_policy(), &inputs, common::now())
}

/// The Today queue of 王经理 (M001) from the store at `when`.
fn queue_at(store: &Store, policy: &Policy, when: chrono::NaiveDateTime) -> TodayQueue {
    guanhu::service::queue::load_today(store, policy, when, Some("M001")).unwrap()
}

fn row<'a>(q: &'a [QueueItem], no: &str) -> Option<&'a QueueItem> {
    q.iter().find(|i| i.customer_no.as_deref() == Some(no))
}

#[test]
fn one_row_per_customer_with_merged_reasons_and_an_sms_row() {
    let store = common::sample_store();
    let q = queue(&details(&store));
    let mut numbers: Vec<&str> = q.iter().filter_map(|i| i.customer_no.as_deref()).collect();
    let n = numbers.len();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), n, "no customer twice");
    // Nobody has been contacted: all ten owe this month's contact, but only the day's share of
    // them is planned (10 owed over the 5 working days left in November: 2 a day) next to
    // those in the queue for a signal anyway.
    let t = today_queue(&details(&store));
    assert!(n < 10, "{n}");
    assert_eq!(t.planned, n + 1, "the rows and the SMS row");
    // 陈静 (C0005): a wealth product matures on 2026-11-30, and she owes this month's contact.
    let chen = row(&q, "C0005").unwrap();
    let codes: Vec<ReasonCode> = chen.reasons.iter().map(|r| r.code()).collect();
    assert!(codes.contains(&ReasonCode::Maturity), "{codes:?}");
    assert!(codes.contains(&ReasonCode::ContactDue), "{codes:?}");
    assert_eq!(chen.suggested, EntryKind::Call);
    // The breakdown adds up to the score.
    let sum: f64 = chen.score.terms.iter().map(|t| t.product).sum();
    assert!((sum - chen.score.total).abs() < 1e-6);
    // The aggregated SMS row names all ten, pinned first.
    let sms = q.first().unwrap();
    assert_eq!(sms.customer_no, None);
    assert_eq!(sms.members.len(), 10);
    assert_eq!(sms.reasons[0].code(), ReasonCode::SmsDue);
}

#[test]
fn a_touch_answers_only_what_it_answers() {
    let mut store = common::sample_store();
    let call = EntryDraft {
        kind: EntryKind::Call,
        customer_no: Some("C0005".into()),
        occurred_at: common::today().and_hms_opt(8, 30, 0).unwrap(),
        outcome: Some(Outcome::NotReached),
        note: "记录".into(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    };
    log_entries(
        &mut store,
        Some("M001"),
        std::slice::from_ref(&call),
        common::now(),
    )
    .unwrap();
    let q = queue(&details(&store));
    // A call not reached is an attempt: the row stays, every reason open, and sinks below the
    // others until the retry interval is over.
    let chen = row(&q, "C0005").expect("an attempt answers nothing");
    assert!(chen.answered.is_empty());
    assert_eq!(chen.attempt_at, Some(call.occurred_at));
    assert!(chen.sunk_until.is_some());
    assert_eq!(
        q.last().and_then(|r| r.customer_no.as_deref()),
        Some("C0005"),
        "sunk to the bottom"
    );
    assert!(
        q[0].members.contains(&"C0005".to_string()),
        "an attempt is no SMS"
    );
    // An SMS answers neither the maturity nor the month's contact.
    let mut sms = call.clone();
    sms.kind = EntryKind::Sms;
    sms.outcome = None;
    sms.occurred_at = common::today().and_hms_opt(8, 45, 0).unwrap();
    log_entries(&mut store, Some("M001"), &[sms], common::now()).unwrap();
    let q = queue(&details(&store));
    let chen = row(&q, "C0005").unwrap();
    let open: Vec<ReasonCode> = chen.reasons.iter().map(|r| r.code()).collect();
    assert!(open.contains(&ReasonCode::Maturity), "{open:?}");
    assert!(open.contains(&ReasonCode::ContactDue), "{open:?}");
    assert!(
        !q[0].members.contains(&"C0005".to_string()),
        "the SMS is sent"
    );
    // A reached call answers both, by its id; the year's visit, the quarter's sale and the
    // risk review stay open, and the row stays.
    let before = today_queue(&details(&store)).done;
    let mut reached = call;
    reached.outcome = Some(Outcome::Reached);
    reached.occurred_at = common::today().and_hms_opt(8, 50, 0).unwrap();
    let ids = log_entries(
        &mut store,
        Some("M001"),
        std::slice::from_ref(&reached),
        common::now(),
    )
    .unwrap();
    let t = today_queue(&details(&store));
    let chen = row(&t.items, "C0005").unwrap();
    let answered: Vec<ReasonCode> = chen.answered.iter().map(|a| a.reason.code()).collect();
    assert_eq!(answered, [ReasonCode::ContactDue, ReasonCode::Maturity]);
    assert!(chen.answered.iter().all(|a| a.by.entry_id == ids[0]));
    let open: Vec<ReasonCode> = chen.reasons.iter().map(|r| r.code()).collect();
    assert_eq!(
        open,
        [
            ReasonCode::VisitDue,
            ReasonCode::SaleDue,
            ReasonCode::RiskReview
        ]
    );
    assert_eq!(t.done, before);
    // A visit with a sale and a risk assessment answer the rest: the row is done.
    let mut visit = reached.clone();
    visit.kind = EntryKind::Visit;
    visit.occurred_at = common::today().and_hms_opt(8, 55, 0).unwrap();
    let mut sale = visit.clone();
    sale.kind = EntryKind::Sale;
    sale.outcome = None;
    sale.sale = Some(guanhu::domain::diary::Sale {
        product_kind: guanhu::domain::customer::ProductKind::Fund,
        product_code: "F1".into(),
        product_name: "基金".into(),
        amount: Some(rust_decimal::Decimal::from(10_000)),
        maturity_on: None,
    });
    let mut risk = visit.clone();
    risk.kind = EntryKind::RiskAssessment;
    risk.outcome = None;
    risk.risk_level = Some(guanhu::domain::customer::RiskLevel::C3);
    log_entries(
        &mut store,
        Some("M001"),
        &[visit, sale, risk],
        common::now(),
    )
    .unwrap();
    let t = today_queue(&details(&store));
    assert!(row(&t.items, "C0005").is_none());
    assert_eq!(t.done, before + 1);
    assert_eq!(row(&t.finished, "C0005").unwrap().answered.len(), 5);
    // A reached call yesterday satisfies the month's contact but not today's other reasons.
    let mut store = common::sample_store();
    let mut yesterday = EntryDraft {
        customer_no: Some("C0001".into()),
        outcome: Some(Outcome::Reached),
        occurred_at: common::d(2026, 11, 23).and_hms_opt(10, 0, 0).unwrap(),
        kind: EntryKind::Call,
        note: "记录".into(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    };
    log_entries(
        &mut store,
        Some("M001"),
        std::slice::from_ref(&yesterday),
        common::now(),
    )
    .unwrap();
    let q = queue(&details(&store));
    let zhang = row(&q, "C0001");
    assert!(zhang.is_none_or(|r| r.reasons.iter().all(|x| x.code() != ReasonCode::ContactDue)));
    yesterday.kind = EntryKind::Sms;
    yesterday.customer_no = Some("C0002".into());
    log_entries(&mut store, Some("M001"), &[yesterday], common::now()).unwrap();
    let q = queue(&details(&store));
    assert!(
        !q[0].members.contains(&"C0002".to_string()),
        "this week's SMS is sent"
    );
}

#[test]
fn the_order_does_not_depend_on_the_input_order() {
    let store = common::sample_store();
    let mut d = details(&store);
    let forward: Vec<Option<String>> = queue(&d).into_iter().map(|i| i.customer_no).collect();
    d.reverse();
    let backward: Vec<Option<String>> = queue(&d).into_iter().map(|i| i.customer_no).collect();
    assert_eq!(forward, backward);
    let scores: Vec<f64> = queue(&d).iter().map(|i| i.score.total).collect();
    let mut sorted = scores.clone();
    sorted[1..].sort_by(|a, b| b.total_cmp(a));
    assert_eq!(scores, sorted, "highest first (the SMS row pinned first)");
}

/// 2026-11-`d` at `h`:00.
fn at(d: u32, h: u32) -> chrono::NaiveDateTime {
    common::d(2026, 11, d).and_hms_opt(h, 0, 0).unwrap()
}

/// A contact with the customer, nothing else filled in.
fn draft(
    no: &str,
    kind: EntryKind,
    outcome: Option<Outcome>,
    when: chrono::NaiveDateTime,
) -> EntryDraft {
    EntryDraft {
        kind,
        customer_no: Some(no.into()),
        occurred_at: when,
        outcome,
        note: "记录".into(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    }
}

#[test]
fn the_store_aggregate_gives_the_same_queue_as_the_entries() {
    let mut store = common::sample_store();
    let mut follow = draft(
        "C0003",
        EntryKind::Call,
        Some(Outcome::CallbackRequested),
        at(20, 10),
    );
    follow.follow_up_at = Some(at(24, 15));
    let drafts = [
        draft("C0001", EntryKind::Call, Some(Outcome::Reached), at(23, 10)),
        draft("C0002", EntryKind::Sms, None, at(24, 8)),
        draft("C0004", EntryKind::Visit, Some(Outcome::Reached), at(2, 9)),
        draft(
            "C0006",
            EntryKind::Call,
            Some(Outcome::NotReached),
            at(19, 9),
        ),
        follow,
    ];
    log_entries(&mut store, Some("M001"), &drafts, common::now()).unwrap();
    let policy = Policy::default_policy();
    let from_store = queue_at(&store, &policy, common::now());
    let from_entries = today_queue(&details(&store));
    let key = |q: &TodayQueue| {
        q.items
            .iter()
            .map(|i| {
                (
                    i.customer_no.clone(),
                    i.reasons.iter().map(|r| r.code()).collect::<Vec<_>>(),
                    i.score.total,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&from_store), key(&from_entries));
    assert_eq!(
        (from_store.planned, from_store.done),
        (from_entries.planned, from_entries.done)
    );
    // The call-back of 20 November is due today at 15:00: not on the queue at 9:00, on it at
    // 15:00, the same from the store and from the entries.
    let has_callback = |q: &TodayQueue| {
        row(&q.items, "C0003")
            .is_some_and(|r| r.reasons.iter().any(|x| x.code() == ReasonCode::Callback))
    };
    assert!(!has_callback(&from_store));
    let three = at(24, 15);
    let at_three = queue_at(&store, &policy, three);
    assert!(has_callback(&at_three));
}

#[test]
fn the_aggregate_follows_amendments_deletions_and_restores() {
    let mut store = common::sample_store();
    let ids = log_entries(
        &mut store,
        Some("M001"),
        &[
            draft("C0001", EntryKind::Call, Some(Outcome::Reached), at(10, 9)),
            draft("C0001", EntryKind::Call, Some(Outcome::Reached), at(18, 9)),
            draft("C0001", EntryKind::Sms, None, at(19, 9)),
            draft("C0002", EntryKind::Visit, Some(Outcome::Reached), at(12, 9)),
            draft(
                "C0003",
                EntryKind::Wechat,
                Some(Outcome::NotReached),
                at(13, 9),
            ),
        ],
        common::now(),
    )
    .unwrap();
    let now = common::now();
    // The later call becomes a visit to another customer; the SMS is deleted; the visit is
    // deleted and restored.
    guanhu::service::diary::amend_entry(
        &mut store,
        ids[1],
        &draft(
            "C0004",
            EntryKind::Visit,
            Some(Outcome::Reached),
            at(20, 15),
        ),
        now,
    )
    .unwrap();
    guanhu::service::diary::delete_entries(&mut store, &[ids[2], ids[3]], "delete", now).unwrap();
    guanhu::service::diary::restore_entries(&mut store, &[ids[3]], "restore", now).unwrap();

    let from_store = guanhu::store::queue::contact_facts(
        store.conn(),
        None,
        common::today(),
        Policy::default_policy()
            .answering
            .satisfiers(guanhu::domain::urgency::ReasonCode::Callback),
    )
    .unwrap();
    for d in details(&store) {
        let mut expected = ContactFacts::from_entries(&d.timeline, common::today()).before;
        let id =
            guanhu::store::customers::find_customer(store.conn(), &d.summary.customer.customer_no)
                .unwrap()
                .unwrap()
                .id;
        let mut got = from_store
            .get(&id)
            .map(|f| f.before.clone())
            .unwrap_or_default();
        let key = |c: &guanhu::domain::contacts::LastContact| (c.kind, c.outcome);
        expected.sort_by_key(key);
        got.sort_by_key(key);
        assert_eq!(got, expected, "{}", d.summary.customer.customer_no);
    }
    // `guanhu check` agrees, and notices an entry written behind the triggers' back.
    assert_eq!(
        guanhu::store::queue::stale_contact_rows(store.conn()).unwrap(),
        0
    );
    store
        .conn()
        .execute_batch(
            "DROP TRIGGER contact_last_after_insert; \
             INSERT INTO diary_entries (customer_id, kind, occurred_at, note, created_at) \
             SELECT id, 'visit', '2026-11-21 10:00:00', '', '2026-11-21 10:00:00' \
             FROM customers LIMIT 1;",
        )
        .unwrap();
    assert!(guanhu::store::queue::stale_contact_rows(store.conn()).unwrap() > 0);
}

#[test]
fn a_past_day_read_from_the_diary_matches_the_entries() {
    let mut store = common::sample_store();
    let mut follow = draft(
        "C0003",
        EntryKind::Call,
        Some(Outcome::CallbackRequested),
        at(16, 10),
    );
    follow.follow_up_at = Some(at(18, 15));
    let drafts = [
        draft("C0001", EntryKind::Call, Some(Outcome::Reached), at(10, 9)),
        draft("C0001", EntryKind::Sms, None, at(18, 11)),
        draft(
            "C0001",
            EntryKind::Call,
            Some(Outcome::NotReached),
            at(20, 9),
        ),
        draft("C0002", EntryKind::Visit, Some(Outcome::Reached), at(18, 9)),
        draft("C0003", EntryKind::Call, Some(Outcome::Reached), at(19, 9)),
        follow,
    ];
    log_entries(&mut store, Some("M001"), &drafts, common::now()).unwrap();
    let day = common::d(2026, 11, 18);
    let from_diary = guanhu::store::queue::contact_facts_as_of(
        store.conn(),
        None,
        day,
        Policy::default_policy()
            .answering
            .satisfiers(guanhu::domain::urgency::ReasonCode::Callback),
    )
    .unwrap();
    for d in details(&store) {
        let expected = ContactFacts::from_entries(&d.timeline, day);
        let id =
            guanhu::store::customers::find_customer(store.conn(), &d.summary.customer.customer_no)
                .unwrap()
                .unwrap()
                .id;
        let mut got = from_diary.get(&id).cloned().unwrap_or_default();
        let mut want = expected;
        let key = |c: &guanhu::domain::contacts::LastContact| (c.kind, c.outcome);
        got.before.sort_by_key(key);
        want.before.sort_by_key(key);
        assert_eq!(
            got.before, want.before,
            "{}",
            d.summary.customer.customer_no
        );
        assert_eq!(
            got.on_day, want.on_day,
            "{}",
            d.summary.customer.customer_no
        );
        // The call-back of the 16th, due on the 18th, is still open on the 18th.
        assert_eq!(
            got.follow_ups.len(),
            want.follow_ups.len(),
            "{}",
            d.summary.customer.customer_no
        );
    }
}

#[test]
fn an_expiring_risk_assessment_shows_beside_the_quarterly_review_never_hidden_by_it() {
    let store = common::sample_store();
    // 陈静's assessment of 5 Dec 2025 expires on 5 Dec 2026: within the 30-day window on 24 Nov.
    store
        .conn()
        .execute(
            "UPDATE customers SET risk_assessed_on = '2025-12-05' WHERE customer_no = 'C0005'",
            [],
        )
        .unwrap();
    let q = queue(&details(&store));
    let chen = row(&q, "C0005").unwrap();
    let expiring = chen.reasons.iter().find_map(|r| match r {
        guanhu::domain::queue::Reason::Signal(
            guanhu::domain::signals::Signal::RiskAssessment { expires_on, days },
        ) => Some((*expires_on, *days)),
        _ => None,
    });
    assert_eq!(expiring, Some((Some(common::d(2026, 12, 5)), Some(11))));
    // The quarter's review is its own reason, beside the expiry.
    let codes: Vec<ReasonCode> = chen.reasons.iter().map(|r| r.code()).collect();
    assert!(codes.contains(&ReasonCode::RiskReview), "{codes:?}");
    assert!(codes.contains(&ReasonCode::RiskAssessment), "{codes:?}");
}

#[test]
fn a_maturity_passed_without_a_contact_stays_overdue_for_a_week() {
    let mut store = common::sample_store();
    let policy = Policy::default_policy();
    let on = |day: u32| common::d(2026, 12, day).and_hms_opt(9, 0, 0).unwrap();
    // 陈静's wealth product matured on 30 November; nobody called.
    let maturity = |q: &TodayQueue| {
        row(&q.items, "C0005").and_then(|r| {
            r.reasons
                .iter()
                .find(|x| x.code() == ReasonCode::Maturity)
                .map(|x| x.is_overdue(on(2)))
        })
    };
    let q = queue_at(&store, &policy, on(2));
    assert_eq!(maturity(&q), Some(true), "matured, no contact: overdue");
    // Gone after the policy's seven days.
    let late = common::d(2026, 12, 8).and_hms_opt(9, 0, 0).unwrap();
    let q = queue_at(&store, &policy, late);
    assert_eq!(maturity(&q), None);
    // A reached call in the window before it (from 16 November) answered it: not shown.
    log_entries(
        &mut store,
        Some("M001"),
        &[draft(
            "C0005",
            EntryKind::Call,
            Some(Outcome::Reached),
            at(25, 10),
        )],
        common::now(),
    )
    .unwrap();
    let q = queue_at(&store, &policy, on(2));
    assert_eq!(maturity(&q), None);
}

#[test]
fn a_lead_time_brings_a_call_back_onto_the_queue_before_its_time() {
    let mut store = common::sample_store();
    let mut follow = draft(
        "C0003",
        EntryKind::Call,
        Some(Outcome::CallbackRequested),
        at(20, 10),
    );
    follow.follow_up_at = Some(at(24, 15));
    log_entries(&mut store, Some("M001"), &[follow], common::now()).unwrap();
    let has_callback = |policy: &Policy, when| {
        let q = guanhu::service::queue::load_today(&store, policy, when, Some("M001")).unwrap();
        row(&q.items, "C0003").is_some_and(|r| {
            r.reasons
                .iter()
                .any(|x| x.code() == ReasonCode::Callback && !x.is_overdue(when))
        })
    };
    let half_past_two = common::today().and_hms_opt(14, 30, 0).unwrap();
    let lead = Policy::from_toml(&["[queue]\ncallback_lead_minutes = 30\n"]).unwrap();
    assert!(!has_callback(&Policy::default_policy(), half_past_two));
    assert!(has_callback(&lead, half_past_two));
    let twenty_past_two = common::today().and_hms_opt(14, 20, 0).unwrap();
    assert!(!has_callback(&lead, twenty_past_two));
}

#[test]
fn a_dismissal_during_the_day_counts_the_row_done_and_pulls_in_nobody() {
    use guanhu::service::queue::{HoldRequest, hold_items};
    let mut store = common::sample_store();
    let policy = Policy::default_policy();
    let nine = common::now();
    let before = queue_at(&store, &policy, nine);
    let chen = row(&before.items, "C0005").unwrap().clone();
    // Every reason of 陈静's row dismissed at 10:00.
    let ten = common::today().and_hms_opt(10, 0, 0).unwrap();
    let requests: Vec<HoldRequest> = chen
        .reasons
        .iter()
        .map(|r| HoldRequest {
            customer_no: "C0005".into(),
            code: Some(r.code()),
            until: r.dismissed_until(common::today(), 7),
            note: "已约下周面谈".into(),
        })
        .collect();
    hold_items(&mut store, Some("M001"), &requests, ten).unwrap();
    let after = queue_at(&store, &policy, ten);
    assert!(row(&after.items, "C0005").is_none());
    assert_eq!(
        (after.planned, after.done),
        (before.planned, before.done + 1)
    );
    let numbers = |q: &TodayQueue| {
        let mut n: Vec<_> = q
            .items
            .iter()
            .filter_map(|i| i.customer_no.clone())
            .collect();
        n.sort();
        n
    };
    let mut expected = numbers(&before);
    expected.retain(|n| n != "C0005");
    assert_eq!(numbers(&after), expected, "nobody pulled in");
}

#[test]
fn closing_an_old_call_back_leaves_one_set_for_next_week() {
    use guanhu::service::queue::{HoldRequest, hold_items};
    let mut store = common::sample_store();
    let mut old = draft(
        "C0003",
        EntryKind::Call,
        Some(Outcome::CallbackRequested),
        at(3, 10),
    );
    old.follow_up_at = Some(at(4, 15));
    let mut next = draft(
        "C0003",
        EntryKind::Call,
        Some(Outcome::NotReached),
        at(23, 10),
    );
    next.follow_up_at = Some(common::d(2026, 11, 26).and_hms_opt(10, 0, 0).unwrap());
    log_entries(&mut store, Some("M001"), &[old, next], common::now()).unwrap();
    hold_items(
        &mut store,
        Some("M001"),
        &[HoldRequest {
            customer_no: "C0003".into(),
            code: Some(ReasonCode::Callback),
            until: common::today(),
            note: "已关闭（X）".into(),
        }],
        common::now(),
    )
    .unwrap();
    let policy = Policy::default_policy();
    let thursday = common::d(2026, 11, 26).and_hms_opt(10, 0, 0).unwrap();
    let q = queue_at(&store, &policy, thursday);
    let callbacks: Vec<String> = row(&q.items, "C0003")
        .map(|r| {
            r.reasons
                .iter()
                .filter(|x| x.code() == ReasonCode::Callback)
                .map(|x| x.detail())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(callbacks, ["2026-11-26 10:00"]);
}

#[test]
fn the_weekly_bulk_sms_answers_no_birthday_a_greeting_sms_does() {
    let birthday_open = |store: &Store| {
        let q = today_queue(&details(store));
        row(&q.items, "C0004")
            .is_some_and(|r| r.reasons.iter().any(|x| x.code() == ReasonCode::Birthday))
    };
    // 刘洋 (C0004) has a birthday in six days.
    let mut store = common::sample_store();
    assert!(birthday_open(&store));
    let sms = |no: &str, m| {
        let mut d = draft(
            no,
            EntryKind::Sms,
            None,
            common::today().and_hms_opt(8, m, 0).unwrap(),
        );
        d.note = "本周理财资讯".into();
        d
    };
    // The weekly SMS to many at once is a bulk send: the birthday stays.
    log_entries(
        &mut store,
        Some("M001"),
        &[sms("C0004", 10), sms("C0001", 10)],
        common::now(),
    )
    .unwrap();
    assert!(birthday_open(&store), "a bulk SMS is no birthday greeting");
    // A greeting sent to her alone answers it.
    log_entries(&mut store, Some("M001"), &[sms("C0004", 20)], common::now()).unwrap();
    assert!(!birthday_open(&store));
}

#[test]
fn a_plus_one_hour_call_back_after_a_missed_call_lifts_the_row_in_an_hour() {
    let mut store = common::sample_store();
    let policy = Policy::default_policy();
    let at_time = |h, m| common::today().and_hms_opt(h, m, 0).unwrap();
    let mut missed = draft(
        "C0005",
        EntryKind::Call,
        Some(Outcome::NotReached),
        at_time(10, 5),
    );
    missed.follow_up_at = Some(at_time(11, 5));
    log_entries(&mut store, Some("M001"), &[missed], common::now()).unwrap();
    let chen = |when| {
        let q = queue_at(&store, &policy, when);
        row(&q.items, "C0005").cloned().unwrap()
    };
    let half_past = chen(at_time(10, 30));
    assert!(half_past.sunk_until.is_some());
    assert!(
        half_past
            .reasons
            .iter()
            .all(|r| r.code() != ReasonCode::Callback)
    );
    let after = chen(at_time(11, 6));
    assert_eq!(
        after.sunk_until, None,
        "the call-back lifts it before the two hours"
    );
    assert!(
        after
            .reasons
            .iter()
            .any(|r| r.code() == ReasonCode::Callback)
    );
}

#[test]
fn a_risk_assessment_logged_today_shows_the_expiry_and_the_review_as_answered() {
    let mut store = common::sample_store();
    store
        .conn()
        .execute(
            "UPDATE customers SET risk_assessed_on = '2025-12-05' WHERE customer_no = 'C0005'",
            [],
        )
        .unwrap();
    let mut risk = draft(
        "C0005",
        EntryKind::RiskAssessment,
        None,
        common::today().and_hms_opt(8, 30, 0).unwrap(),
    );
    risk.risk_level = Some(guanhu::domain::customer::RiskLevel::C3);
    let ids = log_entries(&mut store, Some("M001"), &[risk], common::now()).unwrap();
    let policy = Policy::default_policy();
    let q = queue_at(&store, &policy, common::now());
    let chen = row(&q.items, "C0005").unwrap();
    let answered: Vec<(ReasonCode, i64)> = chen
        .answered
        .iter()
        .map(|a| (a.reason.code(), a.by.entry_id))
        .collect();
    assert!(
        answered.contains(&(ReasonCode::RiskAssessment, ids[0])),
        "{answered:?}"
    );
    assert!(
        answered.contains(&(ReasonCode::RiskReview, ids[0])),
        "{answered:?}"
    );
    assert!(chen.reasons.iter().all(|r| !matches!(
        r.code(),
        ReasonCode::RiskAssessment | ReasonCode::RiskReview
    )));
}
