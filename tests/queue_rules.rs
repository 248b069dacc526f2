//! The queue's invariants on the sample book: one row per customer with its reasons merged, a customer contacted today leaves it, the weekly SMS is one row naming exactly the customers owed it, and the order does not depend on the input's order.

mod common;

use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::domain::portfolio::CustomerDetail;
use guanhu::domain::queue::{QueueInput, QueueItem, build_queue};
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
    let inputs: Vec<QueueInput> = details
        .iter()
        .map(|d| QueueInput {
            summary: &d.summary,
            snapshots: &d.snapshots,
            holdings: &d.holdings,
            entries: &d.timeline,
        })
        .collect();
    build_queue(&Policy::default_policy(), &inputs, common::now())
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
    // Nobody has been contacted: every customer owes this month's contact.
    assert_eq!(n, 10);
    // 陈静 (C0005): a wealth product matures on 2026-11-30, and she owes this month's contact.
    let chen = row(&q, "C0005").unwrap();
    let codes: Vec<ReasonCode> = chen.reasons.iter().map(|r| r.code()).collect();
    assert!(codes.contains(&ReasonCode::Maturity), "{codes:?}");
    assert!(codes.contains(&ReasonCode::ContactDue), "{codes:?}");
    assert_eq!(chen.suggested, EntryKind::Call);
    // The breakdown adds up to the score.
    let sum: f64 = chen.score.terms.iter().map(|t| t.product).sum();
    assert!((sum - chen.score.total).abs() < 1e-6);
    // The aggregated SMS row names all ten, last.
    let sms = q.last().unwrap();
    assert_eq!(sms.customer_no, None);
    assert_eq!(sms.members.len(), 10);
    assert_eq!(sms.reasons[0].code(), ReasonCode::SmsDue);
}

#[test]
fn a_customer_contacted_today_leaves_the_queue() {
    let mut store = common::sample_store();
    let call = EntryDraft {
        kind: EntryKind::Call,
        customer_no: Some("C0005".into()),
        occurred_at: common::today().and_hms_opt(8, 30, 0).unwrap(),
        outcome: Some(Outcome::NotReached),
        note: String::new(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    };
    log_entries(&mut store, Some("M001"), &[call], common::now()).unwrap();
    let q = queue(&details(&store));
    assert!(row(&q, "C0005").is_none());
    assert!(!q.last().unwrap().members.contains(&"C0005".to_string()));
    // A reached call yesterday satisfies the month's contact but not today's other reasons.
    let mut store = common::sample_store();
    let mut yesterday = EntryDraft {
        customer_no: Some("C0001".into()),
        outcome: Some(Outcome::Reached),
        occurred_at: common::d(2026, 11, 23).and_hms_opt(10, 0, 0).unwrap(),
        kind: EntryKind::Call,
        note: String::new(),
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
        !q.last().unwrap().members.contains(&"C0002".to_string()),
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
    sorted[..scores.len() - 1].sort_by(|a, b| b.total_cmp(a));
    assert_eq!(scores, sorted, "highest first (the SMS row last)");
}
