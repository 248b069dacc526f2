//! The keymap is the only dispatcher: every binding resolves to its action in the state where
//! it applies, every shown row's label names exactly its keys, hidden rows are only where a
//! popup names its own keys, and the README's key table is the table's own.

mod common;

use common::*;
use guanhu::app::keymap::{Context, Key, action_for, bindings, contexts, markdown_table};
use guanhu::app::{Action, App, Effect, Mode, Screen, update};
use guanhu::domain::assignment::Role;
use guanhu::i18n::Lang;
use guanhu::store::Store;
use guanhu::tui::{Effects, dispatch};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn run(app: &mut App, store: &mut Store, effect: Effect) {
    let policy = guanhu::domain::policy::Policy::default_policy();
    let mut effects = Effects {
        store,
        policy: &policy,
        today: today(),
    };
    let action = effects.run(effect, app);
    dispatch(app, &mut effects, action);
}

/// An app in a state where `context` is the one live (after Always and Global).
fn app_in(context: Context, store: &mut Store) -> App {
    let mut app = today_app(store, Lang::Zh, 40);
    let go = |app: &mut App, screen| {
        update(app, Action::GoTo(screen));
    };
    match context {
        Context::Always | Context::Global | Context::Customer | Context::Today => {}
        Context::List => go(&mut app, Screen::Customers),
        Context::Detail => {
            go(&mut app, Screen::Customers);
            run(&mut app, store, Effect::LoadDetail("C0005".into()));
        }
        Context::Diary => go(&mut app, Screen::Diary),
        Context::Ledgers => go(&mut app, Screen::Ledgers),
        Context::Review => go(&mut app, Screen::Review),
        Context::Team => {
            app.ctx.role = Some(Role::TeamLead);
            go(&mut app, Screen::Team);
        }
        Context::TeamReview => {
            go(&mut app, Screen::Review);
            app.review_manager = Some("M002".into());
        }
        Context::Reflection => {
            go(&mut app, Screen::Review);
            app.mode = Mode::Reflection;
        }
        Context::Filter => {
            go(&mut app, Screen::Customers);
            app.mode = Mode::Filter;
        }
        Context::Line => app.mode = Mode::Command,
        Context::HelpOverlay => app.mode = Mode::Help,
        Context::LogPopup => app.mode = Mode::Log,
        Context::Popup => app.mode = Mode::Popup,
        Context::Restore => app.mode = Mode::Restore,
        Context::Confirm => app.mode = Mode::Confirm,
    }
    app
}

fn event(key: Key) -> KeyEvent {
    match key {
        Key::Plain(code) => KeyEvent::new(code, KeyModifiers::NONE),
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::AnyChar => KeyEvent::new(KeyCode::Char('好'), KeyModifiers::NONE),
    }
}

#[test]
fn every_binding_resolves_to_its_action_where_it_applies() {
    let mut store = sample_store();
    for b in bindings() {
        let app = app_in(b.context, &mut store);
        assert!(
            contexts(&app).contains(&b.context),
            "{:?} is not live in the state built for it",
            b.context
        );
        for (key, action) in b.keys {
            let want = match key {
                Key::AnyChar => Action::Input('好'),
                _ => action.clone(),
            };
            assert_eq!(
                action_for(&app, event(*key)),
                Some(want),
                "{:?} {} in row {:?} (an earlier row shadows it?)",
                b.context,
                key.name(),
                b.label
            );
        }
    }
}

/// A label's tokens as key names: `j/k` is j and k, `Ctrl-d/u` is Ctrl-d and Ctrl-u,
/// `1-6` is 1 to 6.
fn label_keys(label: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in label.split_whitespace() {
        if token == "/" {
            out.push(token.to_string());
            continue;
        }
        let mut prefix = "";
        for (i, part) in token.split('/').enumerate() {
            if i == 0 {
                prefix = part
                    .strip_suffix(|c: char| c.is_ascii_alphanumeric())
                    .unwrap_or("");
                if !part.starts_with("Ctrl-") {
                    prefix = "";
                }
            }
            let bytes = part.as_bytes();
            if bytes.len() == 3 && bytes[1] == b'-' && bytes[0].is_ascii_digit() {
                for d in bytes[0]..=bytes[2] {
                    out.push((d as char).to_string());
                }
            } else if i > 0 && part.len() == 1 && !prefix.is_empty() {
                out.push(format!("{prefix}{part}"));
            } else {
                out.push(part.to_string());
            }
        }
    }
    out
}

#[test]
fn every_shown_label_names_exactly_its_keys() {
    for b in bindings().filter(|b| b.help.is_some()) {
        // A command the help names beside the keys (`:period A B`) has no key.
        if b.label.starts_with(':') && b.label.len() > 1 {
            assert!(b.keys.is_empty(), "{}", b.label);
            continue;
        }
        // Standard keys may go unnamed beside the key they stand for, not alone.
        let alone = b.keys.iter().all(|(k, _)| k.is_standard_alias());
        let mut named: Vec<String> = b
            .keys
            .iter()
            .filter(|(k, _)| alone || !k.is_standard_alias())
            .map(|(k, _)| k.name())
            .collect();
        named.sort();
        named.dedup();
        let mut label = label_keys(b.label);
        label.sort();
        label.dedup();
        assert_eq!(label, named, "{:?} row {:?}", b.context, b.label);
    }
}

#[test]
fn hidden_rows_are_only_where_the_screen_names_its_own_keys() {
    for b in bindings().filter(|b| b.help.is_none()) {
        let allowed = matches!(
            b.context,
            Context::Always
                | Context::Line
                | Context::HelpOverlay
                | Context::LogPopup
                | Context::Popup
                | Context::Restore
                | Context::Confirm
                | Context::Reflection
                | Context::Review
                | Context::TeamReview
        );
        assert!(allowed, "{:?} has keys the help does not list", b.context);
    }
}

#[test]
fn keys_outside_the_table_mean_nothing() {
    let mut store = sample_store();
    for context in [Context::Today, Context::List, Context::Diary, Context::Team] {
        let app = app_in(context, &mut store);
        for c in (' '..='~').chain(['é', '张']) {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            let in_table = bindings()
                .filter(|b| contexts(&app).contains(&b.context))
                .flat_map(|b| b.keys.iter())
                .any(|(k, _)| *k == Key::Plain(KeyCode::Char(c)));
            assert_eq!(
                action_for(&app, key).is_some(),
                in_table,
                "{context:?} {c:?}"
            );
        }
    }
}

#[test]
fn full_width_keys_resolve_like_ascii() {
    let mut store = sample_store();
    let app = app_in(Context::Today, &mut store);
    for (wide, ascii) in [
        ('ｊ', 'j'),
        ('：', ':'),
        ('？', '?'),
        ('２', '2'),
        ('、', '/'),
    ] {
        let w = action_for(&app, KeyEvent::new(KeyCode::Char(wide), KeyModifiers::NONE));
        let a = action_for(
            &app,
            KeyEvent::new(KeyCode::Char(ascii), KeyModifiers::NONE),
        );
        assert!(a.is_some(), "{ascii}");
        assert_eq!(w, a, "{wide}");
    }
    // In a note, full-width punctuation is text as typed.
    let app = app_in(Context::LogPopup, &mut store);
    let key = KeyEvent::new(KeyCode::Char('，'), KeyModifiers::NONE);
    assert_eq!(action_for(&app, key), Some(Action::Input('，')));
}

#[test]
fn the_readme_key_table_is_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let begin = "<!-- keys: generated from src/app/keymap/table.rs by tests/keymap.rs -->\n";
    let end = "<!-- /keys -->";
    let table = markdown_table(Lang::En);
    let found = readme
        .split_once(begin)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(t, _)| t.to_string());
    if std::env::var_os("GUANHU_BLESS").is_some() && found.as_deref() != Some(table.as_str()) {
        let (head, rest) = readme
            .split_once(begin)
            .expect("the README has the keys marker");
        let (_, tail) = rest.split_once(end).expect("the README has the end marker");
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"),
            format!("{head}{begin}{table}{end}{tail}"),
        )
        .unwrap();
        return;
    }
    assert_eq!(
        found.as_deref(),
        Some(table.as_str()),
        "README's key table differs from the keymap: run GUANHU_BLESS=1 cargo test --test keymap"
    );
}
