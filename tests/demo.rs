//! The demo generator: deterministic per seed, the tier and segment mix of a real branch, valid contact data, six snapshots each, maturities in the coming days, and a summary that matches the store.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use guanhu::domain::classify::Lifecycle;
use guanhu::domain::customer::{Preference, birth_date_from_id};
use guanhu::domain::policy::Policy;
use guanhu::domain::portfolio::CustomerSummary;
use guanhu::service::demo::{DemoOptions, DemoSummary, generate};
use guanhu::service::load_portfolio;
use guanhu::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(9, 0, 0).unwrap()
}

fn demo(customers: usize, managers: usize, seed: u64) -> (Store, DemoSummary) {
    let mut store = Store::open_in_memory().unwrap();
    let options = DemoOptions {
        customers,
        managers,
        seed,
    };
    let summary = generate(&mut store, &options, today(), now()).unwrap();
    (store, summary)
}

fn book(store: &Store) -> Vec<CustomerSummary> {
    load_portfolio(store, &Policy::default_policy(), today(), None).unwrap()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every table's rows as text, so two stores can be compared byte for byte.
fn dump(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for (table, order) in [
        ("managers", "id"),
        ("customers", "id"),
        ("balance_snapshots", "customer_id, as_of"),
        ("holdings", "id"),
    ] {
        let mut stmt = store
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))
            .unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            out.push(format!("{table}|{}", cells.join("|")));
        }
    }
    out
}

#[test]
fn the_same_seed_gives_the_same_store() {
    let (a, sa) = demo(300, 3, 42);
    let (b, sb) = demo(300, 3, 42);
    assert_eq!(sa, sb);
    assert_eq!(book(&a), book(&b));
    assert_eq!(dump(&a), dump(&b));
}

#[test]
fn another_seed_gives_another_store() {
    let (a, _) = demo(200, 3, 42);
    let (b, _) = demo(200, 3, 43);
    let names =
        |s: &Store| -> Vec<String> { book(s).into_iter().map(|c| c.customer.name).collect() };
    assert_ne!(names(&a), names(&b));
    assert_ne!(dump(&a), dump(&b));
}

#[test]
fn the_summary_matches_the_store() {
    let (store, summary) = demo(500, 4, 9);
    assert_eq!(summary.customers, 500);
    assert_eq!(summary.managers, 4);
    assert_eq!(summary.first_manager_no, "M001");
    assert_eq!(store.count_customers().unwrap(), 500);
    assert_eq!(count(&store, "SELECT COUNT(*) FROM managers"), 4);
    assert_eq!(
        count(&store, "SELECT COUNT(*) FROM balance_snapshots") as usize,
        summary.snapshots
    );
    assert_eq!(summary.snapshots, 500 * 6);
    assert_eq!(
        count(&store, "SELECT COUNT(*) FROM holdings") as usize,
        summary.holdings
    );
    assert!(summary.holdings > 300, "{} holdings", summary.holdings);
    assert_eq!(store.integrity_check().unwrap(), vec!["ok".to_string()]);
    assert_eq!(store.foreign_key_violations().unwrap(), 0);
}

#[test]
fn zero_managers_still_makes_one_and_zero_customers_is_fine() {
    let (store, summary) = demo(0, 0, 1);
    assert_eq!(summary.managers, 1);
    assert_eq!(summary.customers, 0);
    assert_eq!(store.count_customers().unwrap(), 0);
    assert_eq!(count(&store, "SELECT COUNT(*) FROM managers"), 1);
}

#[test]
fn a_branch_of_two_thousand_looks_like_a_real_one() {
    let (store, _) = demo(2_000, 3, 42);
    let policy = Policy::default_policy();
    let customers = book(&store);
    assert_eq!(customers.len(), 2_000);
    let n = customers.len() as f64;
    let share = |pred: &dyn Fn(&CustomerSummary) -> bool| {
        customers.iter().filter(|c| pred(c)).count() as f64 / n
    };
    let tier_share = |key: &str| share(&|c| policy.tiers[c.class.tier].key == key);
    let (mass, potential, quality, high) = (
        tier_share("mass"),
        tier_share("potential"),
        tier_share("quality"),
        tier_share("high"),
    );
    assert!((0.45..=0.65).contains(&mass), "mass {mass}");
    assert!((0.25..=0.41).contains(&potential), "potential {potential}");
    assert!((0.06..=0.15).contains(&quality), "quality {quality}");
    assert!(high > 0.0 && high <= 0.05, "high {high}");

    let investment = share(&|c| c.class.preference == Preference::Investment);
    assert!(
        (0.33..=0.47).contains(&investment),
        "investment {investment}"
    );

    let lifecycle = |l: Lifecycle| share(&|c| c.class.lifecycle == l);
    let prospects = lifecycle(Lifecycle::Prospect);
    assert!((0.01..=0.06).contains(&prospects), "prospects {prospects}");
    assert!(lifecycle(Lifecycle::New) > 0.01, "new customers");
    assert!(lifecycle(Lifecycle::Loyal) > 0.0, "loyal customers");

    // Each manager has a normal share of the book, the first one included.
    let mut per_manager: HashMap<String, usize> = HashMap::new();
    for c in &customers {
        *per_manager
            .entry(c.customer.manager_no.clone().unwrap())
            .or_default() += 1;
    }
    assert_eq!(per_manager.len(), 3);
    for (no, k) in &per_manager {
        assert!((500..=850).contains(k), "{no} has {k} customers");
    }
    let first = load_portfolio(&store, &policy, today(), Some("M001")).unwrap();
    assert_eq!(first.len(), per_manager["M001"]);
}

#[test]
fn contact_data_is_valid_and_distinct() {
    let (store, _) = demo(2_000, 2, 5);
    let customers = book(&store);
    let mut phones = HashSet::new();
    let mut numbers = HashSet::new();
    let mut surnames: HashMap<char, usize> = HashMap::new();
    for s in &customers {
        let c = &s.customer;
        let phone = c.phone.as_deref().unwrap();
        assert_eq!(phone.len(), 11, "{phone}");
        assert!(phone.bytes().all(|b| b.is_ascii_digit()), "{phone}");
        assert!(phone.starts_with('1') && (b'3'..=b'9').contains(&phone.as_bytes()[1]));
        assert!(phones.insert(phone.to_string()), "duplicate phone {phone}");

        let no = &c.customer_no;
        assert!(no.len() == 9 && no.starts_with('C'), "{no}");
        assert!(no[1..].bytes().all(|b| b.is_ascii_digit()), "{no}");
        assert!(numbers.insert(no.clone()), "duplicate customer number {no}");

        let id = c.id_number.as_deref().unwrap();
        assert_eq!(id.len(), 18, "{id}");
        assert_eq!(birth_date_from_id(id), c.birth_date, "{id}");
        assert_eq!(id.as_bytes()[17], check_digit(&id[..17]), "{id}");
        let birth = c.birth_date.unwrap();
        assert!(
            birth >= NaiveDate::from_ymd_opt(1938, 1, 1).unwrap()
                && birth <= NaiveDate::from_ymd_opt(2005, 1, 1).unwrap(),
            "{birth}"
        );
        let male = (id.as_bytes()[16] - b'0') % 2 == 1;
        assert_eq!(
            male,
            c.gender == Some(guanhu::domain::customer::Gender::Male),
            "{id}"
        );

        let chars = c.name.chars().count();
        assert!((2..=4).contains(&chars), "{}", c.name);
        *surnames.entry(c.name.chars().next().unwrap()).or_default() += 1;
        assert!(c.occupation.is_some());
        if let Some(first) = c.first_trade_on {
            assert!(first < today());
        }
        if let Some(on) = c.risk_assessed_on {
            assert!(on < today() && on > today() - Duration::days(600));
        }
    }
    // The common surnames dominate.
    let top: usize = ['王', '李', '张', '刘', '陈']
        .iter()
        .map(|c| surnames.get(c).copied().unwrap_or(0))
        .sum();
    assert!(top > 400 && top < 900, "top five surnames: {top}");
    // Some risk assessments have expired (older than a year), most have not.
    let expired = customers
        .iter()
        .filter(|s| {
            s.customer
                .risk_assessed_on
                .is_some_and(|d| d < today() - Duration::days(365))
        })
        .count();
    assert!(
        (200..1_000).contains(&expired),
        "{expired} expired assessments"
    );
}

fn check_digit(body: &str) -> u8 {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    b"10X98765432"[(sum % 11) as usize]
}

#[test]
fn every_customer_has_six_month_end_snapshots() {
    let (store, _) = demo(600, 3, 42);
    let mut stmt = store
        .conn()
        .prepare("SELECT customer_id, COUNT(*), MIN(as_of), MAX(as_of) FROM balance_snapshots GROUP BY customer_id")
        .unwrap();
    let rows: Vec<(i64, i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 600);
    for (id, n, min, max) in rows {
        assert_eq!(n, 6, "customer {id}");
        assert_eq!(min, "2026-05-31");
        assert_eq!(max, "2026-10-31");
    }
}

#[test]
fn balances_drift_and_some_move_a_lot() {
    let (store, _) = demo(2_000, 3, 42);
    let policy = Policy::default_policy();
    let mut unchanged = 0;
    let mut outflows = 0;
    let mut crossed = 0;
    for s in book(&store) {
        let detail = guanhu::service::load_customer_detail(
            &store,
            &policy,
            today(),
            &s.customer.customer_no,
        )
        .unwrap();
        let aums: Vec<_> = detail.snapshots.iter().map(|x| x.balances.aum()).collect();
        assert_eq!(aums.len(), 6);
        if aums.iter().all(|a| *a == aums[0]) && !aums[0].is_zero() {
            unchanged += 1;
        }
        let (prev, last) = (aums[4], aums[5]);
        if !prev.is_zero()
            && last * rust_decimal::Decimal::from(10) <= prev * rust_decimal::Decimal::from(7)
        {
            outflows += 1;
        }
        let tier = |a| guanhu::domain::classify::tier_of(&policy, a);
        if !prev.is_zero() && tier(prev) != tier(last) {
            crossed += 1;
        }
        // Holdings of the investment classes add up to the latest balance of each.
        let latest = detail.snapshots[5].balances;
        let sum = |kind: guanhu::domain::customer::ProductKind| -> rust_decimal::Decimal {
            detail
                .holdings
                .iter()
                .filter(|h| h.kind == kind)
                .map(|h| h.amount)
                .sum()
        };
        use guanhu::domain::customer::ProductKind as K;
        assert_eq!(sum(K::Wealth), latest.wealth, "{}", s.customer.customer_no);
        assert_eq!(sum(K::Fund), latest.funds, "{}", s.customer.customer_no);
        assert_eq!(
            sum(K::Insurance),
            latest.insurance,
            "{}",
            s.customer.customer_no
        );
        assert_eq!(sum(K::Bond), latest.bonds, "{}", s.customer.customer_no);
        assert!(
            sum(K::Deposit) <= latest.deposits,
            "{}",
            s.customer.customer_no
        );
        for h in &detail.holdings {
            assert!(h.amount > rust_decimal::Decimal::ZERO);
            let start = h.start_on.unwrap();
            assert!(start <= NaiveDate::from_ymd_opt(2026, 10, 31).unwrap());
            assert!(s.customer.first_trade_on.is_some_and(|f| f <= start));
            if let Some(m) = h.maturity_on {
                assert!(m > today() && m > start, "{h:?}");
            }
        }
    }
    assert!((50..=160).contains(&unchanged), "{unchanged} unchanged");
    assert!((20..=120).contains(&outflows), "{outflows} large outflows");
    assert!(crossed >= 30, "{crossed} tier crossings in the last month");
}

#[test]
fn some_products_mature_within_fourteen_days() {
    let (store, _) = demo(1_000, 3, 42);
    let soon = today() + Duration::days(14);
    let mut stmt = store
        .conn()
        .prepare("SELECT kind, maturity_on FROM holdings WHERE maturity_on IS NOT NULL")
        .unwrap();
    let rows: Vec<(String, NaiveDate)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let within = |kind: &str| {
        rows.iter()
            .filter(|(k, m)| k == kind && *m > today() && *m <= soon)
            .count()
    };
    assert!(
        within("wealth") >= 10,
        "{} wealth maturities",
        within("wealth")
    );
    assert!(
        within("deposit") >= 3,
        "{} deposit maturities",
        within("deposit")
    );
    let within_year = rows
        .iter()
        .filter(|(_, m)| *m <= today() + Duration::days(366))
        .count();
    assert!(
        within_year * 10 >= rows.len() * 8,
        "most maturities within a year"
    );
}

/// Timing at full scale: `cargo test --release --test demo -- --ignored --nocapture`.
#[test]
#[ignore]
fn a_hundred_thousand_customers_in_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    let options = DemoOptions {
        customers: 100_000,
        managers: 20,
        seed: 42,
    };
    let started = Instant::now();
    let summary = generate(&mut store, &options, today(), now()).unwrap();
    let took = started.elapsed();
    println!("generate 100,000 customers: {took:?}, {summary:?}");
    assert_eq!(store.count_customers().unwrap(), 100_000);
}
