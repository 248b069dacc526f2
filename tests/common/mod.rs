//! Shared test fixtures: a small hand-built store whose every customer is known.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use guanhu::app::App;
use guanhu::domain::customer::{Balances, Customer, Gender, Holding, ProductKind, RiskLevel};
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::import::{CustomerRecord, HoldingRecord, ImportPlan};
use guanhu::service;
use guanhu::store::Store;
use guanhu::tui::{Effects, dispatch};
use rust_decimal::Decimal;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn today() -> NaiveDate {
    d(2026, 11, 24)
}

pub fn now() -> NaiveDateTime {
    today().and_hms_opt(9, 0, 0).unwrap()
}

fn yuan(n: i64) -> Decimal {
    Decimal::from(n)
}

type Ymd = (i32, u32, u32);
/// customer_no, name, gender, birth, phone, deposits, wealth+funds, first trade.
type Person = (
    &'static str,
    &'static str,
    Gender,
    Ymd,
    &'static str,
    i64,
    i64,
    Option<Ymd>,
);

const PEOPLE: &[Person] = &[
    (
        "C0001",
        "张伟",
        Gender::Male,
        (1990, 3, 7),
        "13812345678",
        20_000,
        10_000,
        Some((2018, 5, 1)),
    ),
    (
        "C0002",
        "李娜",
        Gender::Female,
        (1965, 8, 12),
        "13900001111",
        45_000,
        0,
        Some((2010, 1, 15)),
    ),
    (
        "C0003",
        "王芳",
        Gender::Female,
        (1988, 1, 2),
        "13712340000",
        60_000,
        40_000,
        Some((2026, 10, 1)),
    ),
    (
        "C0004",
        "刘洋",
        Gender::Male,
        (1958, 11, 30),
        "15098765432",
        300_000,
        20_000,
        Some((2005, 6, 6)),
    ),
    (
        "C0005",
        "陈静",
        Gender::Female,
        (1979, 4, 18),
        "18611112222",
        250_000,
        450_000,
        Some((2016, 2, 29)),
    ),
    (
        "C0006",
        "杨磊",
        Gender::Male,
        (1995, 9, 9),
        "18722223333",
        100_000,
        500_000,
        Some((2021, 7, 1)),
    ),
    (
        "C0007",
        "曾小华",
        Gender::Male,
        (1950, 2, 2),
        "13633334444",
        2_000_000,
        300_000,
        Some((2001, 3, 3)),
    ),
    (
        "C0008",
        "赵敏",
        Gender::Female,
        (1970, 12, 24),
        "13544445555",
        1_000_000,
        3_500_000,
        Some((2012, 8, 8)),
    ),
    (
        "C0009",
        "黄晓明",
        Gender::Male,
        (1992, 6, 1),
        "13355556666",
        5_000,
        0,
        None,
    ),
    (
        "C0010",
        "周杰",
        Gender::Male,
        (1983, 7, 7),
        "13266667777",
        30_000,
        25_000,
        Some((2024, 9, 9)),
    ),
];

/// The customer records of the sample book, with balances as of `as_of`.
pub fn sample_records(as_of: NaiveDate) -> Vec<CustomerRecord> {
    PEOPLE
        .iter()
        .enumerate()
        .map(
            |(i, (no, name, gender, birth, phone, deposits, invest, first))| CustomerRecord {
                line: i + 2,
                customer: Customer {
                    customer_no: no.to_string(),
                    name: name.to_string(),
                    gender: Some(*gender),
                    birth_date: Some(d(birth.0, birth.1, birth.2)),
                    phone: Some(phone.to_string()),
                    id_number: Some(format!(
                        "110101{:04}{:02}{:02}1234",
                        birth.0, birth.1, birth.2
                    )),
                    occupation: Some("教师".to_string()),
                    manager_no: Some("M001".to_string()),
                    risk_level: Some(RiskLevel::C3),
                    risk_assessed_on: Some(d(2026, 3, 1)),
                    first_trade_on: first.map(|f| d(f.0, f.1, f.2)),
                    tags: if i % 3 == 0 {
                        vec!["代发工资".to_string()]
                    } else {
                        vec![]
                    },
                    preference_override: None,
                },
                manager_name: Some("王经理".to_string()),
                balances: Some(Balances {
                    deposits: yuan(*deposits),
                    wealth: yuan(*invest / 2),
                    funds: yuan(*invest - *invest / 2),
                    ..Balances::default()
                }),
                as_of: Some(as_of),
                cleared: Vec::new(),
                landline: None,
            },
        )
        .collect()
}

/// An in-memory store with the sample book: two monthly snapshots and a few holdings.
pub fn sample_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    fill_sample(&mut store);
    store
}

/// The sample book in a store file at `path`, for tests that run the real binary on it.
#[allow(dead_code)]
pub fn sample_file(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    fill_sample(&mut store);
}

/// Imports the sample book (two month-end snapshots and 陈静's holdings) into `store`.
fn fill_sample(store: &mut Store) {
    let plan = ImportPlan {
        rows: sample_records(d(2026, 9, 30)),
        rejected: vec![],
    };
    service::import_customers(store, plan, None, today(), now(), false).unwrap();
    let plan = ImportPlan {
        rows: sample_records(d(2026, 10, 31)),
        rejected: vec![],
    };
    service::import_customers(store, plan, None, today(), now(), false).unwrap();
    let holdings = vec![
        HoldingRecord {
            line: 2,
            customer_no: "C0005".into(),
            holding: Holding {
                kind: ProductKind::Wealth,
                product_code: "WM20260001".into(),
                product_name: "稳利丰90天".into(),
                amount: yuan(225_000),
                start_on: Some(d(2026, 9, 1)),
                maturity_on: Some(d(2026, 11, 30)),
            },
        },
        HoldingRecord {
            line: 3,
            customer_no: "C0005".into(),
            holding: Holding {
                kind: ProductKind::Fund,
                product_code: "110011".into(),
                product_name: "易方达中小盘".into(),
                amount: yuan(225_000),
                start_on: Some(d(2025, 4, 1)),
                maturity_on: None,
            },
        },
    ];
    service::import_holdings(
        store,
        ImportPlan {
            rows: holdings,
            rejected: vec![],
        },
        now(),
        false,
    )
    .unwrap();
}

/// An app over the sample store on the Customers tab (where most screen tests begin), its
/// book loaded, sized for `height` lines.
pub fn sample_app(store: &mut Store, lang: Lang, height: u16) -> App {
    let mut app = today_app(store, lang, height);
    guanhu::app::update(
        &mut app,
        guanhu::app::Action::GoTo(guanhu::app::Screen::Customers),
    );
    app
}

/// An app over the sample store as it opens: on the Today tab, its book and queue loaded as
/// of `now()`, sized for `height` lines.
pub fn today_app(store: &mut Store, lang: Lang, height: u16) -> App {
    let policy = Policy::default_policy();
    let mut app = App::new(
        lang,
        today(),
        policy.clone(),
        Some("M001".into()),
        "/home/rm/.local/share/guanhu/guanhu.db".into(),
    );
    let mut effects = Effects {
        store,
        policy: &policy,
        today: today(),
    };
    dispatch(
        &mut app,
        &mut effects,
        guanhu::app::Action::Resize(120, height),
    );
    for effect in app.start() {
        let action = effects.run(effect, &app);
        dispatch(&mut app, &mut effects, action);
    }
    app
}

/// Presses a key through the real keymap and loop with the driver's effects on `store`,
/// first setting the clock to `clock` (as the driver does before each key).
pub fn press_at(
    app: &mut App,
    store: &mut Store,
    code: ratatui::crossterm::event::KeyCode,
    modifiers: ratatui::crossterm::event::KeyModifiers,
    clock: NaiveDateTime,
) {
    let policy = Policy::default_policy();
    let mut effects = Effects {
        store,
        policy: &policy,
        today: today(),
    };
    dispatch(app, &mut effects, guanhu::app::Action::Clock(clock));
    let key = ratatui::crossterm::event::KeyEvent::new(code, modifiers);
    if let Some(action) = guanhu::app::keymap::action_for(app, key) {
        dispatch(app, &mut effects, action);
    }
}
