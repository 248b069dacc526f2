//! Input and faults that must not break guanhu (issue 10, the TUI's part): a paste is text, never keys; leaving a popup with typed text asks first; a second copy holding the write lock is waited for, not a freeze then a failure; the drawing never parses; the WAL is folded in on quit.

mod common;
#[path = "support/hardening.rs"]
mod support;

use common::{today, today_app};
use guanhu::app::keymap::action_for;
use guanhu::app::leave_guard::Then;
use guanhu::app::tabs::today::TodayPopup;
use guanhu::app::{Action, Mode, Screen, update};
use guanhu::domain::diary::EntryKind;
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::store::Store;
use guanhu::tui::Effects;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::*;

// 1. Paste.

#[test]
fn a_paste_into_a_call_note_is_text_and_never_saves_or_quits() {
    let mut store = common::sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.mode, Mode::Log);
    // What WeChat puts on the clipboard: a line break, then a letter that is a key elsewhere.
    let effects = update(&mut app, Action::Paste("客户在开会\r\nq".into()));
    assert!(effects.is_empty(), "nothing saved: {effects:?}");
    assert!(!app.quit);
    assert_eq!(app.mode, Mode::Log);
    assert_eq!(note_of(&app), "客户在开会 q");
    // Control characters from a paste cannot colour the screen or move the cursor.
    update(&mut app, Action::Paste("\u{1b}[31m红\u{7}\t字".into()));
    assert_eq!(note_of(&app), "客户在开会 q[31m红 字");
}

#[test]
fn a_paste_outside_a_text_field_is_ignored_with_a_notice() {
    let mut store = common::sample_store();
    for (lang, notice) in [
        (Lang::Zh, "粘贴只能用于输入框"),
        (Lang::En, "Paste works only in a text field"),
    ] {
        let mut app = today_app(&mut store, lang, 40);
        let before = app.clone();
        assert!(update(&mut app, Action::Paste("q".into())).is_empty());
        assert!(!app.quit);
        assert_eq!(app.mode, Mode::Normal);
        assert_eq!(app.screen, before.screen);
        assert_eq!(app.notice_text().as_deref(), Some(notice));
        // On the sale popup's product picker (not a text field) too.
        press(&mut app, KeyCode::Char('$'));
        assert!(update(&mut app, Action::Paste("2\n".into())).is_empty());
        assert_eq!(app.notice_text().as_deref(), Some(notice));
        assert_eq!(app.form.as_ref().unwrap().product_kind, before_kind());
    }
}

fn before_kind() -> guanhu::domain::customer::ProductKind {
    guanhu::domain::customer::ProductKind::Wealth
}

#[test]
fn a_paste_into_the_snooze_date_updates_its_preview_and_into_the_reflection_keeps_lines() {
    let mut store = common::sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('z'));
    press(&mut app, KeyCode::Char('3'));
    update(&mut app, Action::Paste("+3d".into()));
    let Some(TodayPopup::Snooze(form)) = &app.today_view.popup else {
        panic!("the snooze popup is open");
    };
    assert_eq!(form.date.text(), "+3d");
    assert_eq!(form.preview, Some(common::d(2026, 11, 27)));

    let mut app = today_app(&mut store, Lang::Zh, 40);
    let effects = update(&mut app, Action::GoTo(Screen::Review));
    let policy = Policy::default_policy();
    let mut driver = Effects {
        store: &mut store,
        policy: &policy,
        today: today(),
    };
    let answer = driver.run(effects[0].clone(), &app);
    update(&mut app, answer);
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode, Mode::Reflection);
    update(&mut app, Action::Paste("拜访张伟\r\n短信30户\u{1b}".into()));
    let ed = app.review.editor.as_ref().unwrap();
    assert_eq!(ed.summary.text(), "拜访张伟\n短信30户");
}

// 2. Ctrl-c, Esc and q over typed text.
#[test]
fn ctrl_c_in_a_popup_with_typed_text_asks_before_quitting() {
    let mut store = common::sample_store();
    for (name, mut app) in popups_with_text(&mut store) {
        assert!(typed(&app), "{name}: the text is in the popup");
        assert!(ctrl_c(&mut app).is_empty(), "{name}");
        assert!(!app.quit, "{name}: Ctrl-c asks first");
        assert_eq!(app.leave_ask, Some(Then::Quit), "{name}");
        assert!(typed(&app), "{name}");
        // Ctrl-c again, out of habit, still does not throw the text away.
        ctrl_c(&mut app);
        assert!(!app.quit, "{name}");
        // Esc: keep editing.
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.leave_ask, None, "{name}");
        assert!(typed(&app), "{name}");
        assert!(!app.quit, "{name}");
        // d: discard and quit.
        ctrl_c(&mut app);
        press(&mut app, KeyCode::Char('d'));
        assert!(app.quit, "{name}: d discards and quits");
    }
}

#[test]
fn esc_in_a_popup_with_typed_text_asks_and_s_saves_it() {
    let mut store = common::sample_store();
    for (name, mut app) in popups_with_text(&mut store) {
        assert!(press(&mut app, KeyCode::Esc).is_empty());
        assert_eq!(app.leave_ask, Some(Then::Close), "{name}");
        assert!(typed(&app), "{name}");
        let effects = press(&mut app, KeyCode::Char('s'));
        match name {
            // The sale has no product name yet: the error shows beside it, the popup stays.
            "sale" => {
                assert!(effects.is_empty(), "{name}");
                let form = app.form.as_ref().unwrap();
                assert!(form.error.is_some(), "{name}: {form:?}");
                assert!(typed(&app), "{name}");
            }
            // The date was chosen (3) and left empty: the error shows under it.
            "snooze" => {
                assert!(effects.is_empty(), "{name}");
                let Some(TodayPopup::Snooze(form)) = &app.today_view.popup else {
                    panic!("{name}: the popup stays");
                };
                assert_eq!(
                    form.error,
                    Some(guanhu::app::tabs::today::HoldError::BadDate)
                );
                assert!(typed(&app), "{name}");
            }
            _ => assert_eq!(effects.len(), 1, "{name}: one save"),
        }
        assert!(!app.quit, "{name}");
    }
}

#[test]
fn s_after_ctrl_c_saves_then_quits() {
    let mut store = common::sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    drive(&mut app, &mut store, Action::StartLog(EntryKind::Call));
    for c in NOTE.chars() {
        drive(&mut app, &mut store, Action::Input(c));
    }
    drive(&mut app, &mut store, Action::Quit);
    assert!(!app.quit);
    drive(&mut app, &mut store, Action::Input('s'));
    assert!(app.quit, "saved, then quit");
    let day =
        guanhu::service::diary::load_day(&store, &Policy::default_policy(), Some("M001"), today())
            .unwrap();
    assert!(day.entries.iter().any(|e| e.draft.note == NOTE));
}

#[test]
fn an_untouched_popup_closes_and_quits_at_once() {
    let mut store = common::sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Normal);
    press(&mut app, KeyCode::Char('z'));
    ctrl_c(&mut app);
    assert!(app.quit);
}

#[test]
fn q_closes_the_help_and_q_on_a_picker_leaves_the_popup() {
    let mut store = common::sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode, Mode::Help);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.mode, Mode::Normal);
    assert!(!app.quit, "q closes the help, not the app");
    // In a text field q is text.
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(note_of(&app), "q");
    // On the sale's product picker it leaves (asking, as a product name was typed).
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('$'));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "稳利丰");
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.leave_ask, Some(Then::Close));
    assert!(!app.quit);
}

// 3. The drawing never parses.

#[test]
fn the_snooze_popup_draws_a_typed_date_without_parsing_it() {
    let mut store = common::sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('z'));
    // Set as if typed, without going through `update`: drawing alone must not parse it
    // (parsing `+3天` while drawing once crashed the app mid-typing).
    if let Some(TodayPopup::Snooze(form)) = app.today_view.popup.as_mut() {
        form.date = guanhu::app::text_field::TextField::with("+3天");
        form.focus = guanhu::app::tabs::today::SnoozeField::Date;
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
    let screen = format!("{:?}", terminal.backend().buffer());
    assert!(screen.contains("+3"), "{screen}");
    // And no view names a parser.
    for entry in std::fs::read_dir("src/ui").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for parser in [
            "parse_follow_up",
            "parse_moment",
            "parse_money",
            "domain::when",
        ] {
            assert!(
                !text.contains(parser),
                "{} calls {parser} while drawing",
                path.display()
            );
        }
    }
}

#[test]
fn the_hint_dates_follow_the_apps_today() {
    let mut store = common::sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('z'));
    press(&mut app, KeyCode::Char('3'));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
    let screen = format!("{:?}", terminal.backend().buffer());
    assert!(screen.contains("2026-12-01"), "a week after 2026-11-24");
    app.ctx.today = common::d(2027, 3, 2);
    terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
    let screen = format!("{:?}", terminal.backend().buffer());
    assert!(screen.contains("2027-03-09"), "{screen}");
    assert!(!screen.contains("2026-12-01"), "{screen}");
}

// 6. A second copy holding the write lock.

#[test]
fn a_write_while_another_copy_holds_the_lock_waits_retries_and_esc_gives_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = file_store(dir.path());
    store
        .set_busy_timeout(std::time::Duration::from_millis(50))
        .unwrap();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    let other = rusqlite::Connection::open(dir.path().join("guanhu.db")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();

    drive(&mut app, &mut store, Action::StartLog(EntryKind::Call));
    for c in NOTE.chars() {
        drive(&mut app, &mut store, Action::Input(c));
    }
    let started = std::time::Instant::now();
    drive(&mut app, &mut store, Action::Submit);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "no freeze"
    );
    assert!(app.busy.is_some(), "{:?}", app.notice);
    assert_eq!(
        app.notice_text().as_deref(),
        Some("正在等待另一个 guanhu 写完…（Esc 放弃）")
    );
    assert_eq!(note_of(&app), NOTE);
    // Still locked: the retry waits again.
    drive(&mut app, &mut store, Action::RetryBusy);
    assert!(app.busy.is_some());
    // Esc gives up, keeping the popup and its text.
    drive(&mut app, &mut store, Action::Cancel);
    assert!(app.busy.is_none());
    assert!(!app.saving);
    assert_eq!(app.mode, Mode::Log);
    assert_eq!(note_of(&app), NOTE);
    assert!(
        app.notice_text()
            .as_deref()
            .unwrap()
            .contains("输入的内容还在")
    );

    // Try again; the other copy finishes; the retry goes through.
    drive(&mut app, &mut store, Action::Submit);
    assert!(app.busy.is_some());
    other.execute_batch("COMMIT").unwrap();
    drive(&mut app, &mut store, Action::RetryBusy);
    assert!(app.busy.is_none());
    assert!(app.form.is_none(), "{:?}", app.notice);
    let day =
        guanhu::service::diary::load_day(&store, &Policy::default_policy(), Some("M001"), today())
            .unwrap();
    assert_eq!(
        day.entries.iter().filter(|e| e.draft.note == NOTE).count(),
        1
    );
}

// 5. The WAL is folded into the main file on quit.

#[test]
fn a_checkpoint_leaves_the_wal_empty() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    store.checkpoint().unwrap();
    let wal = dir.path().join("guanhu.db-wal");
    let len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert_eq!(len, 0, "the WAL is truncated");
    drop(store);
    // A copy of the main file alone holds the book.
    let copy = dir.path().join("copy.db");
    std::fs::copy(dir.path().join("guanhu.db"), &copy).unwrap();
    let store = Store::open(&copy).unwrap();
    assert!(store.count_customers().unwrap() > 0);
}

#[test]
fn a_huge_paste_draws_with_the_cursor_kept_inside_the_popup() {
    let mut store = common::sample_store();
    // 32,762 wide characters: 65,524 columns, just under what a u16 holds, so the cursor's
    // column plus the popup's offset used to overflow.
    let huge = "客".repeat(32_762);
    for kind in ['c', 'z', 'x'] {
        let mut app = today_app(&mut store, Lang::Zh, 24);
        press(&mut app, KeyCode::Char(kind));
        if kind == 'z' {
            press(&mut app, KeyCode::Char('3'));
        }
        update(&mut app, Action::Paste(huge.clone()));
        assert!(guanhu::app::drafts::current(&app).is_some(), "{kind}");
        for (w, h) in [(80, 24), (40, 12)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
            let at = terminal.get_cursor_position().unwrap();
            assert!(at.x < w && at.y < h, "{kind} {w}×{h}: cursor at {at:?}");
        }
    }
}

#[test]
fn chinese_punctuation_keys_act_as_their_ascii_keys() {
    let mut store = common::sample_store();
    let mut app = common::sample_app(&mut store, Lang::Zh, 40);
    // 、 sits where / is: it starts the search on the Customers tab.
    press(&mut app, KeyCode::Char('、'));
    assert_eq!(app.mode, Mode::Search);
    // In a text field it stays what was typed.
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "张、李《稳利丰》");
    assert_eq!(note_of(&app), "张、李《稳利丰》");
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let mut team = today_app(&mut store, Lang::Zh, 40);
    team.screen = Screen::Team;
    assert_eq!(
        action_for(&team, key('《')),
        Some(Action::Team(guanhu::app::tabs::team::Msg::PrevSort))
    );
    assert_eq!(
        action_for(&team, key('》')),
        Some(Action::Team(guanhu::app::tabs::team::Msg::NextSort))
    );
    assert_eq!(
        action_for(&team, key('ｌ')),
        Some(Action::Team(guanhu::app::tabs::team::Msg::NextSort))
    );
}
