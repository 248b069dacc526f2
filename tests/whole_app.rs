//! The whole app through its real loop: scripted key presses go through the keymap, `update`
//! and the effects into an in-memory store, and the screen is read back from ratatui's
//! `TestBackend` — logging a call from Today, switching the language, undoing.

mod common;

use std::collections::VecDeque;

use common::{sample_store, today};
use guanhu::app::App;
use guanhu::domain::diary::EntryKind;
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::store::Store;
use guanhu::tui::{DraftKeeper, Effects, ScriptedEvents, run_loop};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn press(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(text: &str) -> Vec<Event> {
    text.chars().map(|c| press(KeyCode::Char(c))).collect()
}

/// Runs the real loop over `events` until they run out, and returns the last screen drawn.
fn run(app: &mut App, store: &mut Store, events: Vec<Event>) -> String {
    let policy = Policy::default_policy();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut keeper = DraftKeeper::new(None);
    let mut effects = Effects {
        store,
        policy: &policy,
        today: today(),
    };
    run_loop(
        &mut terminal,
        app,
        &mut effects,
        &mut ScriptedEvents(VecDeque::from(events)),
        &mut keeper,
    )
    .unwrap();
    let buffer = terminal.backend().buffer();
    let mut screen = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            screen.push_str(buffer[(x, y)].symbol());
        }
        screen.push('\n');
    }
    screen
}

/// Whether the screen shows `words` (wide characters take two cells, so compared without spaces).
fn shows(screen: &str, words: &str) -> bool {
    screen.replace(' ', "").contains(&words.replace(' ', ""))
}

fn calls_today(store: &Store) -> usize {
    guanhu::service::diary::load_day(store, &Policy::default_policy(), Some("M001"), today())
        .unwrap()
        .entries
        .iter()
        .filter(|e| e.draft.kind == EntryKind::Call)
        .count()
}

#[test]
fn log_a_call_from_today_switch_language_and_undo() {
    let mut store = sample_store();
    let mut app = App::new(
        Lang::Zh,
        today(),
        Policy::default_policy(),
        Some("M001".into()),
        "guanhu.db".into(),
    );
    assert_eq!(calls_today(&store), 0);

    // c on the first row of the queue, Enter: a reached call, saved.
    let first = run(&mut app, &mut store, vec![]);
    assert!(shows(&first, "今日"), "{first}");
    let screen = run(
        &mut app,
        &mut store,
        vec![press(KeyCode::Char('c')), press(KeyCode::Enter)],
    );
    assert_eq!(calls_today(&store), 1);
    assert!(
        shows(&screen, "已记录"),
        "the message line says it was saved:\n{screen}"
    );

    // :lang en — every word on the screen at once.
    let mut keys = typed(":lang en");
    keys.push(press(KeyCode::Enter));
    let screen = run(&mut app, &mut store, keys);
    assert_eq!(app.ctx.lang, Lang::En);
    assert!(shows(&screen, "Today"), "{screen}");
    assert!(shows(&screen, "? help"), "{screen}");
    assert!(
        !shows(&screen, "今日"),
        "no Chinese word of the app left:\n{screen}"
    );

    // u takes the call back, in the store too, and says so in English.
    let screen = run(&mut app, &mut store, vec![press(KeyCode::Char('u'))]);
    assert_eq!(calls_today(&store), 0);
    assert!(shows(&screen, "Undone"), "{screen}");
}
