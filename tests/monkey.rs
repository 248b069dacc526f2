//! Random key presses, pastes and terminal sizes over the app and its views (proptest): whatever is pressed, `update` and the drawing never panic.

mod common;

use common::{sample_store, today_app};
use guanhu::app::keymap::action_for;
use guanhu::app::{Action, App};
use guanhu::i18n::Lang;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One thing a user can do.
#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    let chars = prop::sample::select(vec![
        'j', 'k', 'g', 'G', 'c', 's', 'w', 'v', '$', 'r', 'z', 'x', 'i', '/', '?', ':', '1', '2',
        '3', '4', '5', '6', 'm', 'R', 'e', 'd', 'y', 'n', 'h', 'l', 'u', 't', '[', ']', ' ', 'p',
        'f', 'V', 'H', '客', 'Ａ', '１', '，', '、', '《', '》', '-', '0', '9',
    ]);
    let codes = prop::sample::select(vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ]);
    prop_oneof![
        6 => chars.prop_map(|c| Step::Key(KeyCode::Char(c), KeyModifiers::NONE)),
        3 => codes.prop_map(|c| Step::Key(c, KeyModifiers::NONE)),
        1 => prop::sample::select(vec!['c', 's', 'r', 'd', 'u'])
            .prop_map(|c| Step::Key(KeyCode::Char(c), KeyModifiers::CONTROL)),
        1 => "[客户ＡＢＣ１２３，\n\r\t\u{1b}a-z0-9 ]{0,40}".prop_map(Step::Paste),
        1 => (1u16..130, 1u16..45).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

fn apply(app: &mut App, store: &mut guanhu::store::Store, step: &Step) {
    let action = match step {
        Step::Key(code, mods) => action_for(app, KeyEvent::new(*code, *mods)),
        Step::Paste(text) => Some(Action::Paste(text.clone())),
        Step::Resize(w, h) => Some(Action::Resize(*w, *h)),
    };
    if let Some(action) = action {
        // Effects carried out on the store, as the driver does, so loaded screens are reached.
        let policy = guanhu::domain::policy::Policy::default_policy();
        let mut effects = guanhu::tui::Effects {
            store,
            policy: &policy,
            today: common::today(),
        };
        guanhu::tui::dispatch(app, &mut effects, action);
    }
    // Quitting ends a real session; here the monkey goes on.
    app.quit = false;
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_and_pastes_never_panic(steps in prop::collection::vec(step(), 1..60)) {
        let mut store = sample_store();
        let mut app = today_app(&mut store, Lang::Zh, 24);
        let (mut w, mut h) = (80u16, 24u16);
        for s in &steps {
            apply(&mut app, &mut store, s);
            if let Step::Resize(nw, nh) = s {
                (w, h) = (*nw, *nh);
            }
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
        }
    }
}
