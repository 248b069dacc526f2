//! Every popup and overlay drawn with typed Chinese and full-width text, at 80×24 and 40×12, in both languages: nothing panics, and the typed text (where the field is narrow, the part around the cursor) is on screen.

mod common;

use common::{sample_store, today_app};
use guanhu::app::keymap::action_for;
use guanhu::app::tabs::review::Msg;
use guanhu::app::{Action, App, Effect, Mode, Screen, update};
use guanhu::domain::diary::EntryKind;
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::store::Store;
use guanhu::tui::{Effects, dispatch};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const NOTE: &str = "客户说下周再联系ＡＢＣ１２３，好的！";

/// Runs an action and its effects on the store, as the driver does.
fn drive(app: &mut App, store: &mut Store, action: Action) {
    let policy = Policy::default_policy();
    let mut effects = Effects {
        store,
        policy: &policy,
        today: common::today(),
    };
    dispatch(app, &mut effects, action);
}

fn key(app: &mut App, store: &mut Store, code: KeyCode) {
    if let Some(action) = action_for(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        drive(app, store, action);
    }
}

fn type_text(app: &mut App, store: &mut Store, text: &str) {
    for c in text.chars() {
        drive(app, store, Action::Input(c));
    }
}

/// The screen as text, a line per row, without spaces (a wide character's second cell is
/// drawn as one).
fn screen(app: &App, w: u16, h: u16) -> String {
    let mut app = app.clone();
    update(&mut app, Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buffer[(x, y)].symbol().trim());
        }
        out.push('\n');
    }
    out
}

/// Each popup state: a name, the app in it, and the text that must show (`None`: only that
/// it draws).
fn states(store: &mut Store, lang: Lang) -> Vec<(String, App, Option<&'static str>)> {
    let mut out = Vec::new();
    let base = today_app(store, lang, 24);
    for kind in [
        EntryKind::Call,
        EntryKind::Sms,
        EntryKind::Wechat,
        EntryKind::Visit,
        EntryKind::RiskAssessment,
        EntryKind::Memo,
        EntryKind::Reflection,
    ] {
        let mut app = base.clone();
        drive(&mut app, store, Action::StartLog(kind));
        assert_eq!(app.mode, Mode::Log, "{kind:?}");
        if kind == EntryKind::RiskAssessment {
            drive(&mut app, store, Action::NextField);
        }
        type_text(&mut app, store, NOTE);
        out.push((format!("log {kind:?}"), app.clone(), Some(NOTE)));
        // The same popup asking before it is left, and waiting for a busy store.
        if kind == EntryKind::Call {
            let mut asking = app.clone();
            drive(&mut asking, store, Action::Quit);
            out.push(("leave question".into(), asking, Some(NOTE)));
            let mut busy = app.clone();
            update(
                &mut busy,
                Action::StoreBusy(Box::new(Effect::SaveEntries(Vec::new()))),
            );
            out.push(("busy".into(), busy, Some(NOTE)));
        }
    }
    let mut sale = base.clone();
    drive(&mut sale, store, Action::StartLog(EntryKind::Sale));
    drive(&mut sale, store, Action::NextField);
    type_text(&mut sale, store, NOTE);
    // A bad amount: the error is drawn beside its field.
    drive(&mut sale, store, Action::NextField);
    type_text(&mut sale, store, "１２ab");
    drive(&mut sale, store, Action::Submit);
    out.push(("sale".into(), sale, Some(NOTE)));

    let mut snooze = base.clone();
    key(&mut snooze, store, KeyCode::Char('z'));
    key(&mut snooze, store, KeyCode::Char('3'));
    type_text(&mut snooze, store, "+3d");
    drive(&mut snooze, store, Action::NextField);
    type_text(&mut snooze, store, NOTE);
    out.push(("snooze".into(), snooze, Some(NOTE)));

    let mut dismiss = base.clone();
    key(&mut dismiss, store, KeyCode::Char('x'));
    type_text(&mut dismiss, store, NOTE);
    out.push(("dismiss".into(), dismiss, Some(NOTE)));

    let mut breakdown = base.clone();
    key(&mut breakdown, store, KeyCode::Char('i'));
    out.push(("breakdown".into(), breakdown, None));

    let mut help = base.clone();
    key(&mut help, store, KeyCode::Char('?'));
    out.push(("help".into(), help, None));

    // A memo saved, then its deletion asked for on the Diary tab.
    let mut confirm = base.clone();
    drive(&mut confirm, store, Action::StartLog(EntryKind::Memo));
    type_text(&mut confirm, store, NOTE);
    drive(&mut confirm, store, Action::Submit);
    drive(&mut confirm, store, Action::GoTo(Screen::Diary));
    drive(
        &mut confirm,
        store,
        Action::Diary(guanhu::app::tabs::diary::Msg::Delete),
    );
    assert_eq!(confirm.mode, Mode::Confirm);
    out.push(("confirm".into(), confirm, None));

    let mut restore = base.clone();
    let mut typed = base.clone();
    drive(&mut typed, store, Action::StartLog(EntryKind::Call));
    type_text(&mut typed, store, NOTE);
    let draft = guanhu::app::drafts::current(&typed).unwrap();
    update(&mut restore, Action::DraftFound(Box::new(draft)));
    out.push(("draft offer".into(), restore, None));

    let mut editor = base.clone();
    drive(&mut editor, store, Action::GoTo(Screen::Review));
    drive(&mut editor, store, Action::Review(Msg::Edit));
    assert_eq!(editor.mode, Mode::Reflection);
    type_text(&mut editor, store, NOTE);
    out.push(("reflection editor".into(), editor.clone(), Some(NOTE)));
    drive(&mut editor, store, Action::Review(Msg::Close));
    out.push(("reflection question".into(), editor, Some(NOTE)));
    out
}

#[test]
fn every_popup_draws_typed_chinese_and_full_width_text_at_80x24_and_40x12() {
    let mut store = sample_store();
    for lang in [Lang::Zh, Lang::En] {
        for (name, app, text) in states(&mut store, lang) {
            for (w, h) in [(80, 24), (40, 12)] {
                let shown = screen(&app, w, h);
                let Some(text) = text else { continue };
                // A narrow field shows its start, or its end when the cursor is there.
                let start: String = text.chars().take(3).collect();
                let end: String = text.chars().skip(text.chars().count() - 3).collect();
                assert!(
                    shown.contains(&start) || shown.contains(&end),
                    "{lang:?} {name} at {w}×{h}: {start}…{end} not on screen:\n{shown}"
                );
                if w == 80 && !name.starts_with("reflection") {
                    let longer: String = text.chars().take(10).collect();
                    assert!(
                        shown.contains(&longer),
                        "{lang:?} {name} at {w}×{h}:\n{shown}"
                    );
                }
            }
        }
    }
}
