//! Snoozes and dismissals you can see and take back: the store lists the live ones and lifts
//! them (the queue shows the row again), the holds view (`H`) lifts one through the real loop,
//! with undo, and after a restart; snapshots of the snooze popup's warning and of the holds
//! view in both languages at 120×40 and 80×24.

mod common;

use chrono::{Duration, NaiveDateTime};
use common::{d, sample_store, today_app};
use guanhu::app::keymap::action_for;
use guanhu::app::tabs::today::TodayPopup;
use guanhu::app::{Action, App, Effect, Mode, UndoStep, update};
use guanhu::domain::policy::Policy;
use guanhu::domain::queue::TodayQueue;
use guanhu::domain::urgency::ReasonCode;
use guanhu::i18n::Lang;
use guanhu::service::holds::{lift_holds, load_holds};
use guanhu::service::queue::{HoldRequest, hold_items, load_today, set_holds};
use guanhu::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn at(day: u32, hour: u32) -> NaiveDateTime {
    d(2026, 11, day).and_hms_opt(hour, 0, 0).unwrap()
}

fn queue_on(store: &Store, day: u32) -> TodayQueue {
    load_today(store, &Policy::default_policy(), at(day, 9), Some("M001")).unwrap()
}

fn has(queue: &TodayQueue, no: &str) -> bool {
    queue
        .items
        .iter()
        .any(|i| i.customer_no.as_deref() == Some(no))
}

fn request(no: &str, code: Option<ReasonCode>, until: (u32, u32), note: &str) -> HoldRequest {
    HoldRequest {
        customer_no: no.into(),
        code,
        until: d(2026, until.0, until.1),
        note: note.into(),
    }
}

#[test]
fn the_store_lists_live_holds_and_a_lifted_one_no_longer_holds() {
    let mut store = sample_store();
    let today = d(2026, 11, 24);
    assert!(has(&queue_on(&store, 24), "C0005"));
    let snooze = hold_items(
        &mut store,
        Some("M001"),
        &[request("C0005", None, (11, 27), "客户出差")],
        at(24, 9),
    )
    .unwrap();
    // A dismissal of one reason, a snooze already over, a call-back settled long ago and one
    // settled lately.
    hold_items(
        &mut store,
        Some("M001"),
        &[
            request(
                "C0001",
                Some(ReasonCode::ContactDue),
                (11, 30),
                "已移居外地",
            ),
            request("C0002", None, (11, 24), "昨天暂缓"),
        ],
        at(23, 9),
    )
    .unwrap();
    hold_items(
        &mut store,
        Some("M001"),
        &[request(
            "C0003",
            Some(ReasonCode::Callback),
            (10, 31),
            "旧回电",
        )],
        at(24, 9) - Duration::days(40),
    )
    .unwrap();
    hold_items(
        &mut store,
        Some("M001"),
        &[request(
            "C0004",
            Some(ReasonCode::Callback),
            (11, 30),
            "不用回了",
        )],
        at(20, 9),
    )
    .unwrap();
    assert!(!has(&queue_on(&store, 24), "C0005"), "snoozed");

    let live = load_holds(&store, Some("M001"), today).unwrap();
    let listed: Vec<(&str, &str, Option<ReasonCode>)> = live
        .iter()
        .map(|h| (h.customer_no.as_str(), h.customer_name.as_str(), h.code))
        .collect();
    // Newest first; the snooze that ended today and the old settled call-back are not live.
    assert_eq!(
        listed,
        vec![
            ("C0005", "陈静", None),
            ("C0001", "张伟", Some(ReasonCode::ContactDue)),
            ("C0004", "刘洋", Some(ReasonCode::Callback)),
        ]
    );
    assert_eq!(live[0].note, "客户出差");
    assert_eq!(live[0].until, d(2026, 11, 27));
    assert_eq!(live[0].created_at, at(24, 9));
    assert_eq!(live[0].id, snooze[0]);
    assert!(load_holds(&store, Some("M999"), today).unwrap().is_empty());
    assert_eq!(load_holds(&store, None, today).unwrap().len(), 3);

    // Lifted: no longer listed, and the row is on the queue again.
    assert_eq!(lift_holds(&mut store, &snooze, at(24, 10)).unwrap(), snooze);
    assert!(has(&queue_on(&store, 24), "C0005"));
    assert_eq!(load_holds(&store, Some("M001"), today).unwrap().len(), 2);
    // Lifting it again lifts nothing (so an undo cannot bring back what it did not lift).
    assert!(
        lift_holds(&mut store, &snooze, at(24, 11))
            .unwrap()
            .is_empty()
    );
    // The undo of a lift makes the hold live again.
    set_holds(&mut store, &snooze, false, at(24, 12)).unwrap();
    assert!(!has(&queue_on(&store, 24), "C0005"));
}

/// Presses a key through the keymap and `update` only.
fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    match action_for(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

/// Presses a key with the driver's effects carried out on `store`.
fn run_key(app: &mut App, store: &mut Store, code: KeyCode) {
    common::press_at(app, store, code, KeyModifiers::NONE, at(24, 10));
}

fn run_text(app: &mut App, store: &mut Store, text: &str) {
    for c in text.chars() {
        run_key(app, store, KeyCode::Char(c));
    }
}

fn ranked(app: &App) -> Vec<String> {
    app.today_view
        .queue
        .as_ref()
        .unwrap()
        .items
        .iter()
        .filter_map(|i| i.customer_no.clone())
        .collect()
}

fn listed(app: &App) -> Vec<String> {
    match &app.today_view.popup {
        Some(TodayPopup::Holds(view)) => {
            view.items().iter().map(|h| h.customer_no.clone()).collect()
        }
        other => panic!("the holds view: {other:?}"),
    }
}

/// Snoozes the first row (陈静, C0005) with a note and dismisses the next one's reasons.
fn snooze_and_dismiss(app: &mut App, store: &mut Store) {
    run_key(app, store, KeyCode::Char('z'));
    run_key(app, store, KeyCode::Char('1'));
    run_text(app, store, "客户出差，周五回来");
    run_key(app, store, KeyCode::Enter);
    run_key(app, store, KeyCode::Char('x'));
    run_text(app, store, "已移居外地");
    run_key(app, store, KeyCode::Enter);
}

#[test]
fn h_lists_the_holds_u_lifts_one_and_u_after_esc_takes_the_lift_back() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    snooze_and_dismiss(&mut app, &mut store);
    assert!(!ranked(&app).contains(&"C0005".to_string()));

    // Pure: H opens the view in popup mode and asks for the list.
    let mut pure = app.clone();
    assert_eq!(
        press(&mut pure, KeyCode::Char('H')),
        vec![Effect::LoadHolds]
    );
    assert_eq!(pure.mode, Mode::Popup);

    // Also after a restart: a fresh app on the same store lists what the last one held.
    let mut app = today_app(&mut store, Lang::Zh, 40);
    run_key(&mut app, &mut store, KeyCode::Char('H'));
    let holds = listed(&app);
    assert_eq!(holds.last().map(String::as_str), Some("C0005"), "{holds:?}");
    run_key(&mut app, &mut store, KeyCode::Char('G'));
    // Pure: u asks the shell to lift the selected hold.
    let mut pure = app.clone();
    let effects = press(&mut pure, KeyCode::Char('u'));
    let [Effect::LiftHolds(ids)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(ids.len(), 1);
    assert!(pure.saving);

    run_key(&mut app, &mut store, KeyCode::Char('u'));
    assert!(!listed(&app).contains(&"C0005".to_string()));
    assert_eq!(listed(&app).len(), holds.len() - 1);
    assert!(
        ranked(&app).contains(&"C0005".to_string()),
        "back on the queue"
    );
    assert!(matches!(app.undo.last(), Some(UndoStep::Lifted(_))));
    assert!(app.notice_text().unwrap().contains("陈静"));

    // Esc goes back; u there takes the lift back: the snooze holds again.
    run_key(&mut app, &mut store, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.today_view.popup.is_none());
    run_key(&mut app, &mut store, KeyCode::Char('u'));
    assert!(
        !ranked(&app).contains(&"C0005".to_string()),
        "snoozed again"
    );
    run_key(&mut app, &mut store, KeyCode::Char('H'));
    assert!(listed(&app).contains(&"C0005".to_string()));
    // A failed lift leaves the view open and says why.
    press(&mut app, KeyCode::Enter);
    update(&mut app, Action::Failed("database is locked".into()));
    assert!(!app.saving);
    assert_eq!(app.mode, Mode::Popup);
    assert!(listed(&app).contains(&"C0005".to_string()));
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| guanhu::ui::render(f, app)).unwrap();
    terminal
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];
const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

#[test]
fn the_snooze_warning_draws_in_both_languages_at_two_sizes() {
    let mut store = sample_store();
    for lang in LANGS {
        for (w, h) in SIZES {
            // 陈静's wealth matures on 11-30; Saturday 12-05 passes it and is a day off.
            let mut app = today_app(&mut store, lang, h);
            press(&mut app, KeyCode::Char('z'));
            press(&mut app, KeyCode::Char('3'));
            for c in "2026-12-05".chars() {
                press(&mut app, KeyCode::Char(c));
            }
            let Some(TodayPopup::Snooze(form)) = &app.today_view.popup else {
                panic!("the snooze popup");
            };
            assert_eq!(form.warnings.len(), 2, "{:?}", form.warnings);
            let t = draw(&mut app, w, h);
            let name = format!("today_snooze_warning_{}_{w}x{h}", lang_name(lang));
            insta::assert_snapshot!(name, t.backend());
        }
    }
}

#[test]
fn the_holds_view_draws_in_both_languages_at_two_sizes() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    snooze_and_dismiss(&mut app, &mut store);
    for lang in LANGS {
        for (w, h) in SIZES {
            let mut app = today_app(&mut store, lang, h);
            run_key(&mut app, &mut store, KeyCode::Char('H'));
            run_key(&mut app, &mut store, KeyCode::Char('j'));
            let t = draw(&mut app, w, h);
            let name = format!("today_holds_{}_{w}x{h}", lang_name(lang));
            insta::assert_snapshot!(name, t.backend());
        }
    }
    // And with nothing held.
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::En, 24);
    run_key(&mut app, &mut store, KeyCode::Char('H'));
    let t = draw(&mut app, 80, 24);
    insta::assert_snapshot!("today_holds_empty_en_80x24", t.backend());
}
