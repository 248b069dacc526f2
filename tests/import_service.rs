//! Importing real-looking exports into a store: counts, re-import changes nothing, the next month's file adds snapshots and moves tiers, holdings attach to known customers only.

mod common;

use std::path::Path;

use guanhu::domain::policy::Policy;
use guanhu::import::{FileFormat, Problem, read_customers, read_holdings};
use guanhu::service::{import_customers, import_holdings, load_customer_detail, load_portfolio};
use guanhu::store::Store;
use rust_decimal_macros::dec;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn import_bytes(
    store: &mut Store,
    bytes: &[u8],
    as_of: Option<chrono::NaiveDate>,
) -> guanhu::service::ImportReport {
    let plan = read_customers(bytes, FileFormat::Csv, None).unwrap();
    import_customers(store, plan, as_of, common::today(), common::now(), false).unwrap()
}

fn tier_key(store: &Store, no: &str) -> String {
    let policy = Policy::default_policy();
    let d = load_customer_detail(store, &policy, common::today(), no).unwrap();
    policy.tiers[d.summary.class.tier].key.clone()
}

#[test]
fn gbk_export_imports_reimports_unchanged_and_next_month_updates() {
    let mut store = Store::open_in_memory().unwrap();
    let bytes = fixture("customers_gbk_wan.csv");
    let first = import_bytes(&mut store, &bytes, None);
    assert_eq!((first.added, first.updated, first.unchanged), (6, 0, 0));
    assert!(first.rejected.is_empty(), "{:?}", first.rejected);
    // 张伟: deposits 12.5万 + wealth 30万 = 425,000 → potential.
    assert_eq!(tier_key(&store, "6222000012345678"), "potential");

    let again = import_bytes(&mut store, &bytes, None);
    assert_eq!(
        (again.added, again.updated, again.unchanged),
        (0, 0, 6),
        "re-import changes nothing"
    );

    // Next month: 张伟 buys 30万 more wealth products; every row gets a 2026-11-30 snapshot.
    let text = encoding_rs::GB18030
        .decode(&bytes)
        .0
        .replace("12.5,30,0", "12.5,60,0");
    let (next, _, _) = encoding_rs::GB18030.encode(&text);
    let report = import_bytes(&mut store, &next, Some(common::d(2026, 11, 30)));
    assert_eq!((report.added, report.updated, report.unchanged), (0, 6, 0));
    let policy = Policy::default_policy();
    let today = common::d(2026, 11, 30);
    let d = load_customer_detail(&store, &policy, today, "6222000012345678").unwrap();
    assert_eq!(d.snapshots.len(), 2);
    assert_eq!(d.summary.class.aum, dec!(725000));
    assert_eq!(policy.tiers[d.summary.class.tier].key, "quality");
    let book = load_portfolio(&store, &policy, today, None).unwrap();
    assert_eq!(book.len(), 6);
}

#[test]
fn a_blank_cell_keeps_the_stored_value() {
    let mut store = Store::open_in_memory().unwrap();
    import_bytes(&mut store, &fixture("customers_gbk_wan.csv"), None);
    let csv = "客户号,客户姓名,手机号码,职业\n6222000012345678,张伟,,医生\n";
    let report = import_bytes(&mut store, csv.as_bytes(), None);
    assert_eq!(report.updated, 1);
    let policy = Policy::default_policy();
    let d = load_customer_detail(&store, &policy, common::today(), "6222000012345678").unwrap();
    assert_eq!(d.summary.customer.phone.as_deref(), Some("13812345678"));
    assert_eq!(d.summary.customer.occupation.as_deref(), Some("医生"));
    assert_eq!(d.snapshots.len(), 1, "no balance columns, no new snapshot");
}

#[test]
fn bad_rows_are_reported_and_good_rows_still_go_in() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = read_customers(&fixture("customers_bad_rows.csv"), FileFormat::Csv, None).unwrap();
    let good = plan.rows.len();
    let rejected = plan.rejected.len();
    assert!(good >= 2 && rejected > 0);
    let report = import_customers(
        &mut store,
        plan,
        None,
        common::today(),
        common::now(),
        false,
    )
    .unwrap();
    assert_eq!(report.added, good);
    assert_eq!(report.rejected.len(), rejected);
    assert_eq!(store.count_customers().unwrap() as usize, good);
}

#[test]
fn dry_run_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = read_customers(&fixture("customers_gbk_wan.csv"), FileFormat::Csv, None).unwrap();
    let report =
        import_customers(&mut store, plan, None, common::today(), common::now(), true).unwrap();
    assert_eq!(report.added, 6);
    assert_eq!(store.count_customers().unwrap(), 0);
}

#[test]
fn holdings_attach_to_known_customers_only() {
    let mut store = Store::open_in_memory().unwrap();
    import_bytes(&mut store, &fixture("customers_gbk_wan.csv"), None);
    let plan = read_holdings(&fixture("holdings.csv"), FileFormat::Csv, None).unwrap();
    let good = plan.rows.len();
    let report = import_holdings(&mut store, plan.clone(), common::now(), false).unwrap();
    let unknown: Vec<_> = report
        .rejected
        .iter()
        .filter(|r| matches!(r.problem, Problem::UnknownCustomer(_)))
        .collect();
    assert_eq!(report.added + unknown.len(), good);
    assert!(report.added >= 3);
    // Importing the same holdings again changes nothing.
    let again = import_holdings(&mut store, plan, common::now(), false).unwrap();
    assert_eq!(again.unchanged, report.added);
    let policy = Policy::default_policy();
    let d = load_customer_detail(&store, &policy, common::today(), "6222000012345678").unwrap();
    assert_eq!(d.holdings.len(), 2);
    assert_eq!(
        d.holdings[0].maturity_on,
        Some(common::d(2026, 11, 28)),
        "soonest maturity first"
    );
    assert_eq!(d.holdings[0].amount, dec!(300000));
}

#[test]
fn the_policy_limit_is_applied_and_the_book_still_sums() {
    // Was: one 29-digit balance went in and every later sum over the store panicked.
    let csv = "客户号,客户姓名,存款余额\nC1,张三,79228162514264337593543950335\nC2,李四,1000\n";
    let policy = Policy::default_policy();
    let plan =
        guanhu::service::plan_customers(csv.as_bytes(), FileFormat::Csv, None, &policy.limits)
            .unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let report = import_customers(
        &mut store,
        plan,
        None,
        common::today(),
        common::now(),
        false,
    )
    .unwrap();
    assert_eq!((report.added, report.rejected_rows()), (1, 1));
    assert_eq!(report.rejected[0].line, 2);
    assert_eq!(report.rejected[0].field, "deposits");
    let book = load_portfolio(&store, &policy, common::today(), None).unwrap();
    assert_eq!(book.len(), 1);
}
