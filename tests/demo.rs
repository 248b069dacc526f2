//! The demo generator: deterministic per seed, the tier and segment mix of a real branch, valid contact data, six snapshots each, maturities in the coming days, six months of work diary for every manager, and a summary that matches the store.

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex, MutexGuard, PoisonError};
use std::time::{Duration as Elapsed, Instant};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Weekday};
use guanhu::demo::{DemoOptions, DemoSummary, generate};
use guanhu::domain::classify::Lifecycle;
use guanhu::domain::customer::{Preference, birth_date_from_id};
use guanhu::domain::policy::Policy;
use guanhu::domain::portfolio::CustomerSummary;
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

/// A generated branch several tests read (generating one takes a while in a debug build).
struct Branch {
    store: Store,
    summary: DemoSummary,
    took: Elapsed,
}

fn timed_demo(customers: usize, managers: usize, seed: u64) -> Mutex<Branch> {
    let started = Instant::now();
    let (store, summary) = demo(customers, managers, seed);
    Mutex::new(Branch {
        store,
        summary,
        took: started.elapsed(),
    })
}

/// 2,000 customers, 3 managers, seed 42.
static BRANCH: LazyLock<Mutex<Branch>> = LazyLock::new(|| timed_demo(2_000, 3, 42));
/// The app's own demo: 600 customers, 3 managers of about 200 each.
static SMALL: LazyLock<Mutex<Branch>> = LazyLock::new(|| timed_demo(600, 3, 42));

fn shared(branch: &'static LazyLock<Mutex<Branch>>) -> MutexGuard<'static, Branch> {
    branch.lock().unwrap_or_else(PoisonError::into_inner)
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
        ("diary_entries", "id"),
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
    let cache = |s: &Store| -> i64 {
        s.conn()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        cache(&store),
        cache(&Store::open_in_memory().unwrap()),
        "the bulk load's page cache is given back"
    );
    assert_eq!(summary.customers, 500);
    assert_eq!(summary.managers, 4);
    assert_eq!(summary.first_manager_no, "M001");
    assert_eq!(store.count_customers().unwrap(), 500);
    // The four managers (M001 leading them) and the counter staff member.
    assert_eq!(count(&store, "SELECT COUNT(*) FROM managers"), 5);
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM customers c JOIN managers m ON m.id = c.manager_id \
             WHERE m.manager_no = 'G001'"
        ) as usize,
        summary.counter_customers
    );
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM customer_assignments WHERE reason = 'manual'"
        ) as usize,
        summary.reassigned
    );
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
    assert_eq!(
        count(&store, "SELECT COUNT(*) FROM diary_entries") as usize,
        summary.diary_entries
    );
    assert!(summary.diary_entries > 10_000, "{summary:?}");
    assert_eq!(store.integrity_check().unwrap(), vec!["ok".to_string()]);
    assert_eq!(store.foreign_key_violations().unwrap(), 0);
}

#[test]
fn zero_managers_still_makes_one_and_zero_customers_is_fine() {
    let (store, summary) = demo(0, 0, 1);
    assert_eq!(summary.managers, 1);
    assert_eq!(summary.customers, 0);
    assert_eq!((summary.counter_customers, summary.reassigned), (0, 0));
    assert_eq!(store.count_customers().unwrap(), 0);
    // The one manager and the counter staff member.
    assert_eq!(count(&store, "SELECT COUNT(*) FROM managers"), 2);
}

#[test]
fn a_branch_of_two_thousand_looks_like_a_real_one() {
    let branch = shared(&BRANCH);
    let store = &branch.store;
    let policy = Policy::default_policy();
    let customers = book(store);
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

    // Each manager has a normal share of the book, the first one included; the counter a few.
    let mut per_manager: HashMap<String, usize> = HashMap::new();
    for c in &customers {
        *per_manager
            .entry(c.customer.manager_no.clone().unwrap())
            .or_default() += 1;
    }
    let counter = per_manager.remove("G001").unwrap_or(0);
    assert!((3..=12).contains(&counter), "G001 has {counter} customers");
    assert_eq!(per_manager.len(), 3);
    for (no, k) in &per_manager {
        assert!((500..=850).contains(k), "{no} has {k} customers");
    }
    let first = load_portfolio(store, &policy, today(), Some("M001")).unwrap();
    assert_eq!(first.len(), per_manager["M001"]);
}

#[test]
fn every_role_shows_and_a_few_customers_moved_lately() {
    use guanhu::store::managers::list_managers;
    let branch = shared(&SMALL);
    let (store, summary) = (&branch.store, &branch.summary);
    let roles: Vec<(String, String)> = list_managers(store.conn())
        .unwrap()
        .into_iter()
        .map(|m| (m.manager_no, m.role))
        .collect();
    let role = |r: &str| r.to_string();
    assert_eq!(
        roles,
        vec![
            ("G001".to_string(), role("counter_staff")),
            ("M001".to_string(), role("team_lead")),
            ("M002".to_string(), role("relationship_manager")),
            ("M003".to_string(), role("relationship_manager")),
        ]
    );
    // The counter's customers are small and have no diary (a clerk logs nothing here).
    let policy = Policy::default_policy();
    let counter = load_portfolio(store, &policy, today(), Some("G001")).unwrap();
    assert_eq!(counter.len(), summary.counter_customers);
    assert!(!counter.is_empty());
    for c in &counter {
        assert!(c.class.aum < rust_decimal::Decimal::from(20_000), "{c:?}");
    }
    assert_eq!(
        count(
            store,
            "SELECT COUNT(*) FROM diary_entries e JOIN managers m ON m.id = e.manager_id \
             WHERE m.manager_no = 'G001'"
        ),
        0
    );
    // Each manager handed two customers to the next in the last three weeks, by the lead,
    // after the last thing the old manager logged or planned for them.
    assert_eq!(summary.reassigned, 6);
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT a.customer_id, a.from_date, a.actor, m.manager_no, c.manager_id = a.manager_id, \
             (SELECT MAX(MAX(COALESCE(e.occurred_at, '')), MAX(COALESCE(e.follow_up_at, ''))) \
              FROM diary_entries e WHERE e.customer_id = a.customer_id) \
             FROM customer_assignments a JOIN managers m ON m.id = a.manager_id \
             JOIN customers c ON c.id = a.customer_id WHERE a.reason = 'manual'",
        )
        .unwrap();
    let moves: Vec<(i64, String, String, String, bool, Option<String>)> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut receivers = HashMap::<String, usize>::new();
    for (id, from, actor, to, current, touched) in &moves {
        let from = NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap();
        assert!(
            from < today() && from >= today() - Duration::days(21),
            "{id} {from}"
        );
        assert_eq!(actor, "M001");
        assert!(current, "customer {id} is with {to} now");
        assert!(touched.as_deref().unwrap_or("") < from.to_string().as_str());
        *receivers.entry(to.clone()).or_default() += 1;
    }
    assert_eq!(receivers.len(), 3, "{receivers:?}");
    // The review counts them: over the last three weeks the managers gained and lost some
    // (list movements, so without the effective rule: nobody has called the moved ones yet).
    let mut policy = policy;
    policy.book.effective.two_way_contact = false;
    let mut gained = 0;
    let mut lost = 0;
    for no in ["M001", "M002", "M003"] {
        for back in [0, 7, 14, 21] {
            let week = guanhu::service::review::load_week_without_queue(
                store,
                &policy,
                no,
                today() - Duration::days(back),
                today(),
            )
            .unwrap();
            let get = |key: &str| {
                week.review
                    .metrics
                    .iter()
                    .find(|m| m.key.as_str() == key)
                    .and_then(|m| m.actual)
                    .unwrap_or_default()
            };
            gained += get("new_customers").to_string().parse::<i64>().unwrap_or(0);
            lost += get("customers_lost")
                .to_string()
                .parse::<i64>()
                .unwrap_or(0);
        }
    }
    assert!(gained >= 6, "new customers {gained}");
    assert!(lost >= 6, "customers lost {lost}");
}

#[test]
fn contact_data_is_valid_and_distinct() {
    let branch = shared(&BRANCH);
    let store = &branch.store;
    let customers = book(store);
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
    let branch = shared(&SMALL);
    let store = &branch.store;
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
    let branch = shared(&BRANCH);
    let store = &branch.store;
    let policy = Policy::default_policy();
    let mut unchanged = 0;
    let mut outflows = 0;
    let mut crossed = 0;
    for s in book(store) {
        let detail =
            guanhu::service::load_customer_detail(store, &policy, today(), &s.customer.customer_no)
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
        // Holdings of the investment classes add up to the latest balance of each (what was
        // sold after the latest month-end is in no snapshot yet).
        let latest = detail.snapshots[5].balances;
        let last_month_end = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        let sum = |kind: guanhu::domain::customer::ProductKind| -> rust_decimal::Decimal {
            detail
                .holdings
                .iter()
                .filter(|h| h.kind == kind && h.start_on.is_some_and(|s| s <= last_month_end))
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
            assert!(start < today());
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

/// One diary row, as stored.
#[derive(Debug, Clone)]
struct Row {
    manager: String,
    customer_id: Option<i64>,
    kind: String,
    at: NaiveDateTime,
    outcome: Option<String>,
    note: String,
    follow_up: Option<NaiveDateTime>,
    product_kind: Option<String>,
    amount: Option<String>,
    maturity: Option<NaiveDate>,
    risk_level: Option<String>,
    holding_id: Option<i64>,
    created_at: NaiveDateTime,
    customer_name: Option<String>,
}

fn diary(store: &Store) -> Vec<Row> {
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT m.manager_no, e.customer_id, e.kind, e.occurred_at, e.outcome, e.note, \
             e.follow_up_at, e.product_kind, e.amount, e.maturity_on, e.risk_level, \
             e.holding_id, e.created_at, c.name FROM diary_entries e \
             JOIN managers m ON m.id = e.manager_id LEFT JOIN customers c ON c.id = e.customer_id \
             ORDER BY e.id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(Row {
            manager: r.get(0)?,
            customer_id: r.get(1)?,
            kind: r.get(2)?,
            at: r.get(3)?,
            outcome: r.get(4)?,
            note: r.get(5)?,
            follow_up: r.get(6)?,
            product_kind: r.get(7)?,
            amount: r.get(8)?,
            maturity: r.get(9)?,
            risk_level: r.get(10)?,
            holding_id: r.get(11)?,
            created_at: r.get(12)?,
            customer_name: r.get(13)?,
        })
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Average entries of a kind per manager per working day.
fn per_day(rows: &[Row], kind: &str, manager_days: usize) -> f64 {
    rows.iter().filter(|r| r.kind == kind).count() as f64 / manager_days as f64
}

#[test]
fn six_months_of_diary_for_every_manager_on_working_days_only() {
    let branch = shared(&BRANCH);
    let (store, summary, took) = (&branch.store, &branch.summary, branch.took);
    let all = diary(store);
    assert_eq!(all.len(), summary.diary_entries);

    let start = NaiveDate::from_ymd_opt(2026, 5, 24).unwrap();
    // Before the six months, only the regular buyers' purchases: about ten each, funds and
    // open-ended wealth products with an amount and no maturity, on working days.
    let (history, rows): (Vec<Row>, Vec<Row>) = all.into_iter().partition(|r| r.at.date() < start);
    let mut bought: HashMap<i64, usize> = HashMap::new();
    for r in &history {
        assert_eq!(r.kind, "sale", "{r:?}");
        assert!(
            matches!(r.product_kind.as_deref(), Some("fund" | "wealth")),
            "{r:?}"
        );
        assert!(r.amount.is_some() && r.maturity.is_none() && r.holding_id.is_none());
        assert!(
            !matches!(r.at.date().weekday(), Weekday::Sat | Weekday::Sun),
            "weekend entry {r:?}"
        );
        let minute = r.at.hour() * 60 + r.at.minute();
        assert!((8 * 60 + 30..=17 * 60 + 30).contains(&minute), "{r:?}");
        assert_eq!(r.created_at, r.at, "created when it happened");
        assert!(!r.note.trim().is_empty(), "{r:?}");
        *bought.entry(r.customer_id.unwrap()).or_default() += 1;
    }
    assert!(bought.len() >= 100, "{} regular buyers", bought.len());
    assert!(bought.values().all(|n| (10..=13).contains(n)), "{bought:?}");

    let mut days: HashMap<String, HashSet<NaiveDate>> = HashMap::new();
    for r in &rows {
        let d = r.at.date();
        assert!(r.at < today().and_hms_opt(0, 0, 0).unwrap(), "{r:?}");
        assert!(d >= start, "{r:?}");
        assert!(
            !matches!(d.weekday(), Weekday::Sat | Weekday::Sun),
            "weekend entry {r:?}"
        );
        let minute = r.at.hour() * 60 + r.at.minute();
        assert!((8 * 60 + 30..=17 * 60 + 30).contains(&minute), "{r:?}");
        assert_eq!(r.created_at, r.at, "created when it happened");
        assert!(!r.note.trim().is_empty(), "{r:?}");
        match r.kind.as_str() {
            "memo" | "reflection" => assert!(r.customer_id.is_none(), "{r:?}"),
            _ => assert!(r.customer_id.is_some(), "{r:?}"),
        }
        if matches!(r.kind.as_str(), "call" | "wechat" | "visit") {
            assert!(r.outcome.is_some(), "{r:?}");
        }
        if r.kind == "reflection" {
            assert_eq!(d.weekday(), Weekday::Fri, "{r:?}");
        }
        assert_eq!(r.risk_level.is_some(), r.kind == "risk_assessment", "{r:?}");
        assert_eq!(
            r.holding_id.is_some(),
            r.amount.is_some() && r.maturity.is_some(),
            "{r:?}"
        );
        if let Some(f) = r.follow_up {
            assert!(f > r.at, "{r:?}");
        }
        days.entry(r.manager.clone()).or_default().insert(d);
    }
    // Every manager, on nearly every working day of the six months.
    assert_eq!(days.len(), 3, "{:?}", days.keys());
    for (manager, d) in &days {
        assert!(
            (115..=135).contains(&d.len()),
            "{manager}: {} days",
            d.len()
        );
        assert!(d.contains(&NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()));
    }
    let manager_days: usize = days.values().map(HashSet::len).sum();

    // A manager's day: calls, WeChat, a visit or two, a few sales, a memo.
    let calls = per_day(&rows, "call", manager_days);
    let wechat = per_day(&rows, "wechat", manager_days);
    let visits = per_day(&rows, "visit", manager_days);
    let sales = per_day(&rows, "sale", manager_days);
    let risk = per_day(&rows, "risk_assessment", manager_days);
    let memos = per_day(&rows, "memo", manager_days);
    let sms = per_day(&rows, "sms", manager_days);
    println!(
        "2,000 customers, 3 managers in {took:?}: {} entries; per manager-day: calls {calls:.1}, \
         sms {sms:.1}, wechat {wechat:.1}, visits {visits:.1}, sales {sales:.1}, risk {risk:.2}, \
         memos {memos:.2}",
        rows.len()
    );
    assert!((10.0..=19.0).contains(&calls), "calls {calls}");
    assert!((2.0..=5.0).contains(&wechat), "wechat {wechat}");
    assert!((0.9..=2.5).contains(&visits), "visits {visits}");
    assert!((1.0..=3.0).contains(&sales), "sales {sales}");
    assert!((0.2..=1.2).contains(&risk), "risk assessments {risk}");
    assert!((0.6..=0.9).contains(&memos), "memos {memos}");
    assert!(rows.iter().filter(|r| r.kind == "reflection").count() >= 3 * 16);

    // Call outcomes: mostly reached, the rest split.
    let call_rows: Vec<&Row> = rows.iter().filter(|r| r.kind == "call").collect();
    let share = |o: &str| {
        call_rows
            .iter()
            .filter(|r| r.outcome.as_deref() == Some(o))
            .count() as f64
            / call_rows.len() as f64
    };
    assert!(
        (0.55..=0.70).contains(&share("reached")),
        "{}",
        share("reached")
    );
    assert!((0.14..=0.26).contains(&share("not_reached")));
    assert!((0.06..=0.14).contains(&share("callback_requested")));
    assert!((0.06..=0.14).contains(&share("refused")));
    for r in call_rows
        .iter()
        .filter(|r| r.outcome.as_deref() == Some("callback_requested"))
    {
        let f = r.follow_up.expect("a call-back has a time");
        assert!(f.date() >= r.at.date() && f.date() <= r.at.date() + Duration::days(9));
    }
    // Some call-backs and visits are still ahead on the first day the app opens.
    assert!(
        rows.iter()
            .any(|r| r.follow_up.is_some_and(|f| f.date() >= today())),
        "follow-ups pending"
    );

    // Bulk SMS: one day in most weeks, one message per customer, addressed by name.
    let mut waves: HashMap<(String, NaiveDate), HashSet<i64>> = HashMap::new();
    for r in rows.iter().filter(|r| r.kind == "sms") {
        assert!(
            r.note
                .starts_with(&format!("{}您好", r.customer_name.as_deref().unwrap())),
            "{r:?}"
        );
        let ids = waves.entry((r.manager.clone(), r.at.date())).or_default();
        assert!(
            ids.insert(r.customer_id.unwrap()),
            "one SMS per customer {r:?}"
        );
    }
    for manager in days.keys() {
        let weeks: HashSet<_> = waves
            .keys()
            .filter(|(m, _)| m == manager)
            .map(|(_, d)| d.iso_week())
            .collect();
        let wave_days = waves.keys().filter(|(m, _)| m == manager).count();
        assert_eq!(weeks.len(), wave_days, "{manager}: one wave a week at most");
        assert!(
            (18..=27).contains(&wave_days),
            "{manager}: {wave_days} waves"
        );
    }

    // Sales: investments mostly 5万–100万, with wealth maturities 3–12 months on; cards
    // and e-banking without an amount.
    let sale_rows: Vec<&Row> = rows.iter().filter(|r| r.kind == "sale").collect();
    let kinds: HashSet<&str> = sale_rows
        .iter()
        .map(|r| r.product_kind.as_deref().unwrap())
        .collect();
    for k in [
        "wealth",
        "fund",
        "insurance",
        "deposit",
        "credit_card",
        "mobile_banking",
    ] {
        assert!(kinds.contains(k), "no {k} sale: {kinds:?}");
    }
    let mut big = 0;
    for r in &sale_rows {
        let kind = r.product_kind.as_deref().unwrap();
        match kind {
            "credit_card" | "mobile_banking" | "e_banking" | "payroll" => {
                assert!(r.amount.is_none() && r.maturity.is_none(), "{r:?}")
            }
            _ => {
                let amount: rust_decimal::Decimal = r.amount.as_deref().unwrap().parse().unwrap();
                assert!(amount > rust_decimal::Decimal::ZERO, "{r:?}");
                if amount >= rust_decimal::Decimal::from(50_000)
                    && amount <= rust_decimal::Decimal::from(1_000_000)
                {
                    big += 1;
                }
            }
        }
        if let Some(m) = r.maturity {
            assert!(m > today(), "sold products mature ahead {r:?}");
            if kind == "wealth" && r.at.date() > NaiveDate::from_ymd_opt(2026, 10, 31).unwrap() {
                let days = (m - r.at.date()).num_days();
                assert!((90..=366).contains(&days), "{r:?}");
            }
        }
    }
    let invest = sale_rows
        .iter()
        .filter(|r| matches!(r.product_kind.as_deref(), Some("wealth" | "fund")))
        .count();
    assert!(
        invest * 2 > sale_rows.len(),
        "wealth and funds are most sales"
    );
    assert!(
        big * 3 > sale_rows.len(),
        "{big} of {} sales 5万–100万",
        sale_rows.len()
    );

    // Contacts lean to the better tiers, and some customers were never contacted at all.
    let policy = Policy::default_policy();
    let customers = book(store);
    let ids: HashMap<String, i64> = {
        let mut stmt = store
            .conn()
            .prepare("SELECT customer_no, id FROM customers")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let mut contacts: HashMap<i64, usize> = HashMap::new();
    let mut anything: HashSet<i64> = HashSet::new();
    for r in &rows {
        if let Some(id) = r.customer_id {
            anything.insert(id);
            if matches!(r.kind.as_str(), "call" | "visit" | "wechat") {
                *contacts.entry(id).or_default() += 1;
            }
        }
    }
    let mean = |key: &str| {
        let tier: Vec<i64> = customers
            .iter()
            .filter(|c| policy.tiers[c.class.tier].key == key)
            .map(|c| ids[&c.customer.customer_no])
            .collect();
        tier.iter()
            .map(|id| contacts.get(id).copied().unwrap_or(0))
            .sum::<usize>() as f64
            / tier.len() as f64
    };
    let (mass, high) = (mean("mass"), mean("high"));
    assert!(
        high > mass * 5.0,
        "high {high} vs mass {mass} contacts each"
    );
    let never = customers.len() - anything.len();
    assert!(
        (40..=400).contains(&never),
        "{never} customers never contacted"
    );
    // Customers whose balances never moved are left alone (the bulk SMS aside), so they
    // become dormant when the policy's days have passed.
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT s.customer_id FROM balance_snapshots s JOIN customers c ON c.id = s.customer_id \
             WHERE c.first_trade_on IS NOT NULL GROUP BY s.customer_id \
             HAVING COUNT(DISTINCT s.deposits || s.wealth || s.funds || s.insurance || s.bonds \
             || s.other) = 1",
        )
        .unwrap();
    let still: HashSet<i64> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(still.len() >= 30, "{} still customers", still.len());
    for r in &rows {
        if r.customer_id.is_some_and(|id| still.contains(&id)) {
            assert_eq!(r.kind, "sms", "{r:?}");
        }
    }
}

#[test]
fn sales_with_a_maturity_are_holdings_of_their_own() {
    let branch = shared(&BRANCH);
    let store = &branch.store;
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT e.id, e.customer_id, e.product_kind, e.product_code, e.product_name, \
             e.amount, e.maturity_on, date(e.occurred_at), h.id, h.customer_id, h.kind, \
             h.product_code, h.product_name, h.amount, h.maturity_on, h.start_on, h.source \
             FROM diary_entries e LEFT JOIN holdings h ON h.id = e.holding_id \
             WHERE e.kind = 'sale'",
        )
        .unwrap();
    let mut with_maturity = 0;
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let entry: i64 = r.get(0).unwrap();
        let amount: Option<String> = r.get(5).unwrap();
        let maturity: Option<String> = r.get(6).unwrap();
        let holding: Option<i64> = r.get(8).unwrap();
        if amount.is_some() && maturity.is_some() {
            with_maturity += 1;
            assert!(holding.is_some(), "sale {entry} has no holding");
            for (e, h) in [(1, 9), (2, 10), (3, 11), (4, 12), (5, 13), (6, 14), (7, 15)] {
                let a: rusqlite::types::Value = r.get(e).unwrap();
                let b: rusqlite::types::Value = r.get(h).unwrap();
                assert_eq!(a, b, "sale {entry}: column {e}");
            }
            assert_eq!(r.get::<_, String>(16).unwrap(), "sale");
        } else {
            assert!(holding.is_none(), "sale {entry}");
        }
    }
    assert!(with_maturity >= 50, "{with_maturity} sales with a maturity");
    // Every sale-made holding belongs to exactly one sale.
    assert_eq!(
        count(store, "SELECT COUNT(*) FROM holdings WHERE source = 'sale'"),
        with_maturity
    );
    assert_eq!(
        count(
            store,
            "SELECT COUNT(*) FROM holdings WHERE source NOT IN ('sale', 'import')"
        ),
        0
    );
    assert_eq!(store.foreign_key_violations().unwrap(), 0);
}

#[test]
fn a_customer_s_risk_profile_is_their_latest_assessment() {
    let branch = shared(&BRANCH);
    let store = &branch.store;
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT c.customer_no, c.risk_level, c.risk_assessed_on, e.risk_level, \
             date(e.occurred_at), e.prev_risk_level, e.prev_risk_assessed_on \
             FROM customers c JOIN diary_entries e ON e.id = (SELECT id FROM diary_entries \
             WHERE customer_id = c.id AND kind = 'risk_assessment' \
             ORDER BY occurred_at DESC, id DESC LIMIT 1)",
        )
        .unwrap();
    type Assessed = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Assessed> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(rows.len() >= 60, "{} customers assessed", rows.len());
    let mut changed = 0;
    for (no, level, on, logged, logged_on, prev, prev_on) in &rows {
        assert_eq!(level, logged, "{no}");
        assert!(logged.is_some(), "{no}");
        assert_eq!(on.as_deref(), Some(logged_on.as_str()), "{no}");
        assert!(
            prev_on.as_deref().is_some_and(|p| p < logged_on.as_str()),
            "{no}"
        );
        if prev != level {
            changed += 1;
        }
    }
    assert!(changed > 0, "some assessments change the level");
    // And the app's own reading agrees.
    let (no, level, ..) = &rows[0];
    let id: i64 = store
        .conn()
        .query_row(
            "SELECT id FROM customers WHERE customer_no = ?1",
            [no],
            |r| r.get(0),
        )
        .unwrap();
    let latest = guanhu::store::diary::latest_risk_assessment(store.conn(), id)
        .unwrap()
        .unwrap();
    assert_eq!(latest.0.map(|l| l.key().to_string()), *level);
}

#[test]
fn a_small_book_still_has_a_believable_diary() {
    let branch = shared(&SMALL);
    let (store, summary) = (&branch.store, &branch.summary);
    let rows = diary(store);
    assert_eq!(rows.len(), summary.diary_entries);
    // The six months (before them, only the regular buyers' purchases).
    let start = NaiveDate::from_ymd_opt(2026, 5, 24).unwrap();
    let m001: Vec<&Row> = rows
        .iter()
        .filter(|r| r.manager == "M001" && r.at.date() >= start)
        .collect();
    let days: HashSet<NaiveDate> = m001.iter().map(|r| r.at.date()).collect();
    let calls = m001.iter().filter(|r| r.kind == "call").count() as f64 / days.len() as f64;
    assert!((5.0..=14.0).contains(&calls), "calls {calls}");
    let yesterday: Vec<&&Row> = m001
        .iter()
        .filter(|r| r.at.date() == NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        .collect();
    assert!(yesterday.len() >= 5, "{yesterday:?}");
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
    assert_eq!(
        count(&store, "SELECT COUNT(*) FROM diary_entries") as usize,
        summary.diary_entries
    );
}

/// Whatever the seed, the summary's moves are the moves written: a customer drawn twice is
/// moved once (seeds 1 and 10 drew one twice).
#[test]
fn every_reported_move_is_a_move_in_the_history() {
    for seed in [1, 10] {
        let mut store = Store::open_in_memory().unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let options = DemoOptions {
            customers: 300,
            managers: 3,
            seed,
        };
        let summary =
            generate(&mut store, &options, day, day.and_hms_opt(9, 0, 0).unwrap()).unwrap();
        assert_eq!(
            count(
                &store,
                "SELECT COUNT(*) FROM customer_assignments WHERE reason = 'manual'"
            ) as usize,
            summary.reassigned,
            "seed {seed}"
        );
        assert_eq!(summary.reassigned, 6, "seed {seed}");
    }
}
