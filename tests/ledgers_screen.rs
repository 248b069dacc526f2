//! The Ledgers screen: fund and wealth sales of a period with totals by product; week/month/quarter and stepping; snapshots in both languages.

mod common;

use common::{sample_app, sample_store};
use guanhu::app::tabs::ledgers::{LedgerTab, Msg};
use guanhu::app::{Action, App, Screen};
use guanhu::domain::customer::ProductKind;
use guanhu::domain::diary::{EntryDraft, EntryKind, Sale, ledger_totals};
use guanhu::domain::period::Period;
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::service::diary::log_entries;
use guanhu::store::Store;
use guanhu::tui::{Effects, dispatch};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use rust_decimal::Decimal;

fn key(app: &mut App, store: &mut Store, code: KeyCode) {
    common::press_at(app, store, code, KeyModifiers::NONE, common::now());
}

fn sale(no: &str, day: (i32, u32, u32), kind: ProductKind, name: &str, amount: i64) -> EntryDraft {
    EntryDraft {
        kind: EntryKind::Sale,
        customer_no: Some(no.to_string()),
        occurred_at: common::d(day.0, day.1, day.2)
            .and_hms_opt(11, 0, 0)
            .unwrap(),
        outcome: None,
        note: String::new(),
        follow_up_at: None,
        sale: Some(Sale {
            product_kind: kind,
            product_code: String::new(),
            product_name: name.to_string(),
            amount: Some(Decimal::from(amount)),
            maturity_on: (kind == ProductKind::Wealth).then(|| common::d(2027, 5, 24)),
        }),
        risk_level: None,
    }
}

/// Sales: three this month (two wealth, one fund), one in October.
fn store_with_sales() -> Store {
    let mut store = sample_store();
    let drafts = [
        sale(
            "C0008",
            (2026, 11, 3),
            ProductKind::Wealth,
            "稳利丰180天",
            1_000_000,
        ),
        sale(
            "C0005",
            (2026, 11, 23),
            ProductKind::Wealth,
            "稳利丰180天",
            200_000,
        ),
        sale(
            "C0006",
            (2026, 11, 24),
            ProductKind::Fund,
            "易方达蓝筹精选",
            50_000,
        ),
        sale(
            "C0007",
            (2026, 10, 30),
            ProductKind::Wealth,
            "季季红90天",
            300_000,
        ),
    ];
    for d in drafts {
        log_entries(&mut store, Some("M001"), &[d], common::now()).unwrap();
    }
    store
}

#[test]
fn this_month_then_the_week_then_the_quarter() {
    let mut store = store_with_sales();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, &mut store, KeyCode::Char('4'));
    assert_eq!(app.screen, Screen::Ledgers);
    assert_eq!(app.ledgers.period, Some(Period::Month(common::today())));
    assert_eq!(app.ledgers.tab, LedgerTab::Fund);
    assert_eq!(app.ledgers.lines().len(), 1);
    key(&mut app, &mut store, KeyCode::Char('l'));
    assert_eq!(app.ledgers.tab, LedgerTab::Wealth);
    assert_eq!(app.ledgers.lines().len(), 2);
    let totals = ledger_totals(&app.ledgers.entries, ProductKind::Wealth);
    assert_eq!(
        totals,
        vec![("稳利丰180天".to_string(), 2, Decimal::from(1_200_000))]
    );
    key(&mut app, &mut store, KeyCode::Char('p')); // quarter
    assert_eq!(app.ledgers.lines().len(), 3);
    key(&mut app, &mut store, KeyCode::Char('p')); // week of the 24th: Mon 23rd – Sun 29th
    assert_eq!(app.ledgers.lines().len(), 1);
    key(&mut app, &mut store, KeyCode::Char('['));
    assert!(app.ledgers.lines().is_empty());
    key(&mut app, &mut store, KeyCode::Char('t'));
    assert_eq!(app.ledgers.lines().len(), 1);
}

#[test]
fn a_custom_period_from_the_command_line() {
    let mut store = store_with_sales();
    let mut app = sample_app(&mut store, Lang::En, 40);
    key(&mut app, &mut store, KeyCode::Char(':'));
    for c in "period 2026-10-01 2026-11-05".chars() {
        key(&mut app, &mut store, KeyCode::Char(c));
    }
    key(&mut app, &mut store, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Ledgers);
    key(&mut app, &mut store, KeyCode::Char('l'));
    let names: Vec<&str> = app
        .ledgers
        .lines()
        .iter()
        .map(|(_, s)| s.product_name.as_str())
        .collect();
    assert_eq!(names, ["季季红90天", "稳利丰180天"]);
}

#[test]
fn a_sale_logged_elsewhere_shows_up_at_once() {
    let mut store = store_with_sales();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, &mut store, KeyCode::Char('4'));
    assert_eq!(app.ledgers.lines().len(), 1);
    log_entries(
        &mut store,
        Some("M001"),
        &[sale(
            "C0001",
            (2026, 11, 24),
            ProductKind::Fund,
            "招商中证白酒",
            10_000,
        )],
        common::now(),
    )
    .unwrap();
    let policy = Policy::default_policy();
    let mut effects = Effects {
        store: &mut store,
        policy: &policy,
        today: common::today(),
    };
    dispatch(&mut app, &mut effects, Action::Ledgers(Msg::CyclePeriod));
    dispatch(&mut app, &mut effects, Action::Ledgers(Msg::CyclePeriod));
    dispatch(&mut app, &mut effects, Action::Ledgers(Msg::CyclePeriod));
    assert_eq!(app.ledgers.lines().len(), 2);
}

#[test]
fn ledger_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(120, 40), (80, 24)] {
            let mut store = store_with_sales();
            let mut app = sample_app(&mut store, lang, h);
            key(&mut app, &mut store, KeyCode::Char('4'));
            key(&mut app, &mut store, KeyCode::Char('l'));
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
            let l = if lang == Lang::Zh { "zh" } else { "en" };
            insta::assert_snapshot!(format!("ledgers_{l}_{w}x{h}"), terminal.backend());
        }
    }
}
