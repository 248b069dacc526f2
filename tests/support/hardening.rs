//! Helpers shared by the hardening tests: keys through the keymap, a file-backed sample store, and each popup that takes text opened with a note typed.
#![allow(dead_code)]

use std::path::Path;

use crate::common::{self, sample_records, today, today_app};
use guanhu::app::drafts;
use guanhu::app::keymap::action_for;
use guanhu::app::{Action, App, Effect, update};
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::import::ImportPlan;
use guanhu::store::Store;
use guanhu::tui::{Effects, dispatch};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub const NOTE: &str = "客户说下周再联系ＡＢＣ１２３，好的！";

pub fn press_mod(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    match action_for(app, KeyEvent::new(code, modifiers)) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    press_mod(app, code, KeyModifiers::NONE)
}

pub fn ctrl_c(app: &mut App) -> Vec<Effect> {
    press_mod(app, KeyCode::Char('c'), KeyModifiers::CONTROL)
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

pub fn note_of(app: &App) -> String {
    app.form
        .as_ref()
        .expect("the popup is open")
        .note
        .text()
        .to_string()
}

/// A store file in `dir` holding the sample book.
pub fn file_store(dir: &Path) -> Store {
    let mut store = Store::open(&dir.join("guanhu.db")).unwrap();
    for as_of in [common::d(2026, 9, 30), common::d(2026, 10, 31)] {
        let plan = ImportPlan {
            rows: sample_records(as_of),
            rejected: vec![],
        };
        guanhu::service::import_customers(&mut store, plan, None, today(), common::now(), false)
            .unwrap();
    }
    store
}

/// Runs `action` and every effect it leads to against `store`, as the driver does.
pub fn drive(app: &mut App, store: &mut Store, action: Action) {
    let policy = Policy::default_policy();
    let mut effects = Effects {
        store,
        policy: &policy,
        today: today(),
    };
    dispatch(app, &mut effects, action);
}

pub fn key_event(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// Opens each popup that takes text, on the first row of Today, with `NOTE` typed.
pub fn popups_with_text(store: &mut Store) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut call = today_app(store, Lang::Zh, 40);
    press(&mut call, KeyCode::Char('c'));
    type_text(&mut call, NOTE);
    out.push(("call", call));
    let mut sale = today_app(store, Lang::Zh, 40);
    press(&mut sale, KeyCode::Char('$'));
    press(&mut sale, KeyCode::Tab);
    type_text(&mut sale, NOTE);
    out.push(("sale", sale));
    let mut snooze = today_app(store, Lang::Zh, 40);
    press(&mut snooze, KeyCode::Char('z'));
    // 3 goes to the (empty) date, Tab on to the note.
    press(&mut snooze, KeyCode::Char('3'));
    press(&mut snooze, KeyCode::Tab);
    type_text(&mut snooze, NOTE);
    out.push(("snooze", snooze));
    let mut dismiss = today_app(store, Lang::Zh, 40);
    press(&mut dismiss, KeyCode::Char('x'));
    type_text(&mut dismiss, NOTE);
    out.push(("dismiss", dismiss));
    out
}

pub fn typed(app: &App) -> bool {
    drafts::current(app).is_some_and(|d| d.to_json().contains(NOTE))
}
