//! The hand-built store of the weekly review tests (tests/review_metrics.rs, tests/review_cli.rs): two managers, four customers, a dozen diary entries around ISO week 2026-W49 (Monday 30 Nov – Sunday 6 Dec, across the month end). Built with the import, diary and store functions the app itself uses.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use guanhu::domain::customer::{Balances, Customer, Holding, ProductKind, RiskLevel, Snapshot};
use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome, Sale};
use guanhu::import::{CustomerRecord, HoldingRecord, ImportPlan};
use guanhu::service;
use guanhu::store::Store;
use guanhu::store::customers::{find_customer, upsert_snapshot};
use rust_decimal::Decimal;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn at(y: i32, m: u32, day: u32, h: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, 0, 0).unwrap()
}

/// The day the tests look back from: W49 is over.
pub fn today() -> NaiveDate {
    d(2026, 12, 10)
}

fn deposits(n: i64) -> Balances {
    Balances {
        deposits: Decimal::from(n),
        ..Balances::default()
    }
}

/// customer_no, name, manager, added on (the import day), AUM on that day (all deposits),
/// imported risk assessment date.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    NaiveDate,
    i64,
    Option<NaiveDate>,
);

fn import(store: &mut Store, row: Row) {
    let (no, name, manager, added, aum, risk) = row;
    let record = CustomerRecord {
        line: 2,
        customer: Customer {
            customer_no: no.into(),
            name: name.into(),
            manager_no: Some(manager.into()),
            risk_level: risk.map(|_| RiskLevel::C3),
            risk_assessed_on: risk,
            ..Customer::default()
        },
        manager_name: Some(
            if manager == "M001" {
                "王经理"
            } else {
                "赵经理"
            }
            .into(),
        ),
        balances: Some(deposits(aum)),
        as_of: Some(added),
        cleared: Vec::new(),
        landline: None,
    };
    let plan = ImportPlan {
        rows: vec![record],
        rejected: vec![],
    };
    let now = added.and_hms_opt(8, 0, 0).unwrap();
    service::import_customers(store, plan, None, added, now, false).unwrap();
}

fn entry(kind: EntryKind, no: &str, when: NaiveDateTime, outcome: Option<Outcome>) -> EntryDraft {
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

/// A sale; with a maturity it becomes a holding (the diary's rule).
fn sale(
    no: &str,
    when: NaiveDateTime,
    kind: ProductKind,
    name: &str,
    amount: i64,
    maturity_on: Option<NaiveDate>,
) -> EntryDraft {
    EntryDraft {
        sale: Some(Sale {
            product_kind: kind,
            product_code: String::new(),
            product_name: name.into(),
            amount: Some(Decimal::from(amount)),
            maturity_on,
        }),
        ..entry(EntryKind::Sale, no, when, None)
    }
}

/// The store, in memory.
///
/// M001 王经理:
/// - C01 甲: on the list since 2026-01-05 with 100,000 (潜力); risk assessed 2026-03-01 (valid
///   to 2027-03-01); holds e-banking since 2025; SMS 24 Nov and 1 Dec, a wealth sale of 50,000
///   on 25 Nov (maturing 23 Feb 2027, so a holding from that day), a reached call on 27 Nov.
/// - C02 乙: since 2026-01-05 with 480,000 (潜力, within 10% of 优质's 500,000); a snapshot of
///   520,000 on Wednesday 2 Dec moves them up to 优质 mid-week; SMS 1 Dec, a visit, a fund sale
///   of 100,000 (imported as a holding from 3 Dec) and a risk assessment on 3 Dec.
/// - C03 丙: added Tuesday 1 Dec with 60,000 (潜力); a call not reached on 4 Dec asking to be
///   called back on 5 Dec, which nobody did.
///
/// M002 赵经理: C04 丁, since 2026-01-05 with 10,000 (普通), no activity at all.
///
/// The reflection of M001 for W49 is written.
pub fn review_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    fill(&mut store);
    store
}

/// The same store in a file (for the command line).
pub fn review_store_at(path: &std::path::Path) -> Store {
    let mut store = Store::open(path).unwrap();
    fill(&mut store);
    store
}

fn fill(store: &mut Store) {
    let jan5 = d(2026, 1, 5);
    import(
        store,
        ("C01", "甲", "M001", jan5, 100_000, Some(d(2026, 3, 1))),
    );
    import(store, ("C02", "乙", "M001", jan5, 480_000, None));
    import(store, ("C04", "丁", "M002", jan5, 10_000, None));
    import(store, ("C03", "丙", "M001", d(2026, 12, 1), 60_000, None));
    let b = find_customer(store.conn(), "C02").unwrap().unwrap().id;
    upsert_snapshot(
        store.conn(),
        b,
        &Snapshot {
            as_of: d(2026, 12, 2),
            balances: deposits(520_000),
        },
    )
    .unwrap();
    // A fund bought without a maturity is no holding until the holdings import says so.
    let holding = |line, no: &str, kind, name: &str, amount, start| HoldingRecord {
        line,
        customer_no: no.into(),
        holding: Holding {
            kind,
            product_code: String::new(),
            product_name: name.into(),
            amount: Decimal::from(amount),
            start_on: Some(start),
            maturity_on: None,
        },
    };
    let rows = vec![
        holding(
            2,
            "C01",
            ProductKind::EBanking,
            "个人网银",
            0,
            d(2025, 1, 1),
        ),
        holding(
            3,
            "C02",
            ProductKind::Fund,
            "易方达中小盘",
            100_000,
            d(2026, 12, 3),
        ),
    ];
    service::import_holdings(
        store,
        ImportPlan {
            rows,
            rejected: vec![],
        },
        at(2026, 1, 5, 9),
        false,
    )
    .unwrap();

    use EntryKind::*;
    let reached = Some(Outcome::Reached);
    let mut callback = entry(
        Call,
        "C03",
        at(2026, 12, 4, 10),
        Some(Outcome::CallbackRequested),
    );
    callback.follow_up_at = Some(at(2026, 12, 5, 10));
    let risk = EntryDraft {
        risk_level: Some(RiskLevel::C4),
        ..entry(RiskAssessment, "C02", at(2026, 12, 3, 11), None)
    };
    let drafts = [
        entry(Sms, "C01", at(2026, 11, 24, 9), None),
        sale(
            "C01",
            at(2026, 11, 25, 10),
            ProductKind::Wealth,
            "稳利丰90天",
            50_000,
            Some(d(2027, 2, 23)),
        ),
        entry(Call, "C01", at(2026, 11, 27, 15), reached),
        entry(Sms, "C01", at(2026, 12, 1, 9), None),
        entry(Sms, "C02", at(2026, 12, 1, 9), None),
        entry(Visit, "C02", at(2026, 12, 3, 10), reached),
        sale(
            "C02",
            at(2026, 12, 3, 10),
            ProductKind::Fund,
            "易方达中小盘",
            100_000,
            None,
        ),
        risk,
        callback,
    ];
    for draft in drafts {
        let now = draft.occurred_at;
        service::diary::log_entries(store, Some("M001"), &[draft], now).unwrap();
    }
    service::review::save_reflection(
        store,
        "M001",
        d(2026, 12, 2),
        "拜访乙，完成基金销售 10 万元；乙升为优质客户。",
        "回电丙；下周给每位客户发短信。",
        at(2026, 12, 6, 20),
    )
    .unwrap();
}
