//! Properties of the queue over random books and days: a customer with an entry today that satisfies an obligation never appears for it; nobody contacted today appears; no customer appears twice; the score is the sum of its terms; the same book gives the same queue in any input order.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use guanhu::domain::cadence::Obligation;
use guanhu::domain::classify::{Activity, Classification, classify};
use guanhu::domain::contacts::ContactFacts;
use guanhu::domain::customer::{Balances, Customer, Snapshot};
use guanhu::domain::diary::{DiaryEntry, EntryDraft, EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::domain::queue::{QueueInput, Reason, TodayQueue, build_queue};
use guanhu::domain::urgency::ReasonCode;
use proptest::prelude::*;
use rust_decimal::Decimal;

const KINDS: [EntryKind; 6] = [
    EntryKind::Call,
    EntryKind::Sms,
    EntryKind::Wechat,
    EntryKind::Visit,
    EntryKind::Sale,
    EntryKind::RiskAssessment,
];
const OUTCOMES: [Option<Outcome>; 5] = [
    None,
    Some(Outcome::Reached),
    Some(Outcome::NotReached),
    Some(Outcome::CallbackRequested),
    Some(Outcome::Refused),
];
const AUMS: [i64; 5] = [0, 48_000, 120_000, 600_000, 3_500_000];

/// One generated entry: kind, outcome, days before today (0 = today), hour, follow-up hours.
type EntrySpec = (usize, usize, i64, u32, Option<i64>);

#[derive(Debug, Clone)]
struct CustomerSpec {
    aum: usize,
    birth_day: u32,
    assessed_days_ago: Option<i64>,
    entries: Vec<EntrySpec>,
}

fn customer_spec() -> impl Strategy<Value = CustomerSpec> {
    (
        0..AUMS.len(),
        0u32..365,
        proptest::option::of(0i64..500),
        proptest::collection::vec(
            (
                0..KINDS.len(),
                0..OUTCOMES.len(),
                0i64..120,
                8u32..19,
                proptest::option::of(-48i64..48),
            ),
            0..8,
        ),
    )
        .prop_map(
            |(aum, birth_day, assessed_days_ago, entries)| CustomerSpec {
                aum,
                birth_day,
                assessed_days_ago,
                entries,
            },
        )
}

struct Book {
    customers: Vec<Customer>,
    classes: Vec<Classification>,
    snapshots: Vec<Vec<Snapshot>>,
    entries: Vec<Vec<DiaryEntry>>,
    facts: Vec<ContactFacts>,
}

fn book(specs: &[CustomerSpec], now: NaiveDateTime, policy: &Policy) -> Book {
    let today = now.date();
    let mut b = Book {
        customers: vec![],
        classes: vec![],
        snapshots: vec![],
        entries: vec![],
        facts: vec![],
    };
    let mut id = 0;
    for (i, s) in specs.iter().enumerate() {
        let customer = Customer {
            customer_no: format!("C{i:03}"),
            name: format!("客户{i}"),
            birth_date: NaiveDate::from_ymd_opt(1980, 1, 1)
                .map(|d| d + Duration::days(i64::from(s.birth_day))),
            risk_assessed_on: s.assessed_days_ago.map(|n| today - Duration::days(n)),
            first_trade_on: Some(today - Duration::days(400)),
            ..Customer::default()
        };
        let snaps = vec![Snapshot {
            as_of: today - Duration::days(20),
            balances: Balances {
                deposits: Decimal::from(AUMS[s.aum]),
                ..Balances::default()
            },
        }];
        let entries: Vec<DiaryEntry> = s
            .entries
            .iter()
            .map(|(k, o, ago, hour, follow)| {
                id += 1;
                let at = (today - Duration::days(*ago))
                    .and_hms_opt(*hour, 0, 0)
                    .unwrap();
                let kind = KINDS[*k];
                DiaryEntry {
                    id,
                    manager_no: None,
                    customer_name: None,
                    draft: EntryDraft {
                        kind,
                        customer_no: Some(customer.customer_no.clone()),
                        occurred_at: at,
                        outcome: if kind.has_outcome() {
                            OUTCOMES[*o]
                        } else {
                            None
                        },
                        note: String::new(),
                        follow_up_at: follow.map(|h| at + Duration::hours(h.abs() + 1)),
                        sale: None,
                        risk_level: None,
                    },
                    created_at: at,
                    amended: false,
                    deleted: false,
                    batch_id: None,
                }
            })
            .collect();
        b.classes.push(classify(
            policy,
            &customer,
            &snaps,
            Activity::default(),
            today,
        ));
        b.facts.push(ContactFacts::from_entries(&entries, today));
        b.customers.push(customer);
        b.snapshots.push(snaps);
        b.entries.push(entries);
    }
    b
}

fn queue(b: &Book, order: &[usize], policy: &Policy, now: NaiveDateTime) -> TodayQueue {
    let inputs: Vec<QueueInput> = order
        .iter()
        .map(|&i| QueueInput {
            customer: &b.customers[i],
            class: &b.classes[i],
            snapshots: &b.snapshots[i],
            holdings: &[],
            contacts: &b.facts[i],
            holds: &[],
            known_since: None,
        })
        .collect();
    build_queue(policy, &inputs, now)
}

fn day() -> impl Strategy<Value = NaiveDateTime> {
    // Four years from 2026, leap day and every month and quarter end included.
    (0i64..(4 * 366), 8u32..20).prop_map(|(n, h)| {
        (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(n))
            .and_hms_opt(h, 30, 0)
            .unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_queue_keeps_its_promises(
        specs in proptest::collection::vec(customer_spec(), 1..25),
        now in day(),
        capacity in 1u32..30,
    ) {
        let policy = Policy::from_toml(&[&format!("[workload]\ndaily_capacity = {capacity}\n")]).unwrap();
        let today = now.date();
        let b = book(&specs, now, &policy);
        let forward: Vec<usize> = (0..specs.len()).collect();
        let q = queue(&b, &forward, &policy, now);

        let mut seen = std::collections::HashSet::new();
        for item in &q.items {
            let sum: f64 = item.score.terms.iter().map(|t| t.product).sum();
            prop_assert!((sum - item.score.total).abs() < 1e-6, "score is its terms");
            let Some(no) = &item.customer_no else { continue };
            prop_assert!(seen.insert(no.clone()), "{no} twice");
            let i: usize = no[1..].parse().unwrap();
            let today_entries: Vec<&DiaryEntry> = b.entries[i]
                .iter()
                .filter(|e| e.draft.occurred_at.date() == today)
                .collect();
            // An open signal has no answer among today's entries; an answered one names one.
            for reason in &item.reasons {
                if let Reason::Signal(signal) = reason {
                    let code = ReasonCode::of_signal(signal);
                    let from = guanhu::domain::answers::answerable_from(&policy, signal, today);
                    prop_assert!(
                        !today_entries.iter().any(|e| e.draft.occurred_at <= now
                            && e.draft.occurred_at >= from
                            && policy.answering.accepts(code, e.draft.kind, e.draft.outcome)),
                        "{no}: {code:?} was answered today and still shows"
                    );
                }
            }
            for a in &item.answered {
                prop_assert!(
                    today_entries.iter().any(|e| e.id == a.by.entry_id),
                    "{no}: answered by an entry not of today"
                );
            }
            let tier = &policy.tiers[b.classes[i].tier].key;
            for reason in &item.reasons {
                if let Reason::Obligation { status, .. } = reason {
                    let rule = policy
                        .cadence
                        .rules_for(tier)
                        .into_iter()
                        .find(|r| r.obligation == status.obligation)
                        .unwrap();
                    prop_assert!(
                        !today_entries.iter().any(|e| rule.accepts(&e.draft)),
                        "{no} met {:?} today and still shows it",
                        status.obligation
                    );
                    prop_assert!(status.obligation != Obligation::Sms);
                }
            }
        }
        prop_assert!(q.done <= q.planned);

        // The same queue, built again and from the book in reverse.
        let again = queue(&b, &forward, &policy, now);
        prop_assert_eq!(&again, &q);
        let backward: Vec<usize> = (0..specs.len()).rev().collect();
        let reversed = queue(&b, &backward, &policy, now);
        prop_assert_eq!(&reversed, &q);
    }
}
