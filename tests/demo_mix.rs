//! The demo branch's lifecycle mix reads like a real branch: most customers 老客户
//! (established), a minority 忠诚 (loyal) and 沉睡 (dormant), some 新客户 (new). Measured on the
//! app's own demo (600 customers, 3 managers, seed 42) on a few days, and on other seeds.
//! `cargo test --test demo_mix -- --nocapture` prints the counts.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use guanhu::demo::{DemoOptions, generate};
use guanhu::domain::classify::Lifecycle;
use guanhu::domain::policy::Policy;
use guanhu::service::load_portfolio;
use guanhu::store::Store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn nine(today: NaiveDate) -> NaiveDateTime {
    today.and_hms_opt(9, 0, 0).unwrap()
}

/// Customers per lifecycle stage of a generated branch on `today`.
fn mix(options: &DemoOptions, today: NaiveDate) -> BTreeMap<Lifecycle, usize> {
    let mut store = Store::open_in_memory().unwrap();
    generate(&mut store, options, today, nine(today)).unwrap();
    let book = load_portfolio(&store, &Policy::default_policy(), today, None).unwrap();
    let mut counts: BTreeMap<Lifecycle, usize> = Lifecycle::ALL.iter().map(|l| (*l, 0)).collect();
    for c in &book {
        *counts.entry(c.class.lifecycle).or_default() += 1;
    }
    counts
}

fn check(options: &DemoOptions, today: NaiveDate) {
    let counts = mix(options, today);
    let total: usize = counts.values().sum();
    let line: Vec<String> = counts
        .iter()
        .map(|(l, n)| format!("{} {n}", l.key()))
        .collect();
    println!(
        "demo mix, {} customers, seed {}, on {today}: {} (of {total})",
        options.customers,
        options.seed,
        line.join(", ")
    );
    let share = |l: Lifecycle| counts[&l] as f64 / total as f64;
    let established = counts[&Lifecycle::Established];
    for l in Lifecycle::ALL {
        if l != Lifecycle::Established {
            assert!(
                established > counts[&l],
                "established ({established}) is the largest group, not {} ({}) on {today}",
                l.key(),
                counts[&l]
            );
        }
    }
    let loyal = share(Lifecycle::Loyal);
    assert!((0.05..=0.25).contains(&loyal), "loyal {loyal} on {today}");
    let dormant = share(Lifecycle::Dormant);
    assert!(
        (0.03..=0.20).contains(&dormant),
        "dormant {dormant} on {today}"
    );
    assert!(counts[&Lifecycle::New] > 0, "some new customers on {today}");
}

#[test]
fn the_app_s_demo_is_mostly_established_with_a_few_loyal_and_dormant() {
    let options = DemoOptions::default();
    // 1 March is the tightest day for dormancy: six month-ends from 30 September reach back
    // 181 days from the first of that month.
    for today in [d(2026, 11, 24), d(2026, 12, 2), d(2026, 3, 1)] {
        check(&options, today);
    }
}

#[test]
fn other_seeds_and_sizes_keep_the_mix() {
    for (customers, managers, seed) in [(600, 3, 7), (1_500, 5, 2026)] {
        let options = DemoOptions {
            customers,
            managers,
            seed,
        };
        check(&options, d(2026, 11, 24));
    }
}
