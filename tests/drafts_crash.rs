//! Nothing typed is lost (issue 10): the open popup's or the reflection's unsaved text is kept in a draft file beside the store as it is typed, survives a kill or a panic, and is offered back at the next start; a panic also leaves an owner-only crash report.

mod common;
#[path = "support/hardening.rs"]
mod support;

use std::collections::VecDeque;

use common::{today, today_app};
use guanhu::app::drafts::{self, Draft};
use guanhu::app::tabs::review::Msg;
use guanhu::app::{Action, App, Mode, Screen, update};
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::tui::{DraftKeeper, Effects, ScriptedEvents, run_loop};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use support::*;

// 4. Drafts.

#[test]
fn a_draft_round_trips_and_is_offered_back_restore_or_discard() {
    let mut store = common::sample_store();
    for (name, app) in popups_with_text(&mut store) {
        let draft = drafts::current(&app).expect("a draft");
        let back = Draft::from_json(&draft.to_json()).expect("it reads back");
        assert_eq!(back, draft, "{name}");
        let mut fresh = today_app(&mut store, Lang::En, 40);
        update(&mut fresh, Action::DraftFound(Box::new(back.clone())));
        assert_eq!(fresh.mode, Mode::Restore, "{name}");
        let message = fresh.notice_text().unwrap();
        assert!(message.contains("Unsaved text from last time"), "{message}");
        // Until decided, the found draft is what stays on disk.
        assert_eq!(drafts::current(&fresh), Some(back.clone()));
        let mut discarding = fresh.clone();
        press(&mut fresh, KeyCode::Char('r'));
        assert!(typed(&fresh), "{name}: restored into its popup");
        assert!(matches!(fresh.mode, Mode::Log | Mode::Popup), "{name}");
        press(&mut discarding, KeyCode::Char('d'));
        assert_eq!(drafts::current(&discarding), None, "{name}");
        assert_eq!(discarding.mode, Mode::Normal);
    }
}

#[test]
fn typed_text_is_on_disk_while_typing_and_comes_back_after_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = file_store(dir.path());
    let draft_file = dir.path().join("guanhu.db.draft");
    let policy = Policy::default_policy();
    let mut app = App::new(
        Lang::Zh,
        today(),
        policy.clone(),
        Some("M001".into()),
        "guanhu.db".into(),
    );
    let mut script: VecDeque<Event> = VecDeque::from([key_event('c')]);
    script.extend(NOTE.chars().map(key_event));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut keeper = DraftKeeper::new(store.draft_path());
    {
        let mut effects = Effects {
            store: &mut store,
            policy: &policy,
            today: today(),
        };
        run_loop(
            &mut terminal,
            &mut app,
            &mut effects,
            &mut ScriptedEvents(script),
            &mut keeper,
        )
        .unwrap();
    }
    // Written as typed: the first key at once, the rest at most 300 ms later. The script
    // ended mid-typing, as a kill -9 would end it; the first characters are already there.
    let on_disk = std::fs::read_to_string(&draft_file).expect("a draft file");
    assert!(on_disk.contains("客"), "{on_disk}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&draft_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    keeper.keep(&app, true);
    assert!(std::fs::read_to_string(&draft_file).unwrap().contains(NOTE));

    // The next start offers it back; r restores, Enter saves, the draft goes.
    let mut app = App::new(
        Lang::Zh,
        today(),
        policy.clone(),
        Some("M001".into()),
        "guanhu.db".into(),
    );
    let script = VecDeque::from([
        key_event('r'),
        Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    ]);
    let mut keeper = DraftKeeper::new(store.draft_path());
    let mut effects = Effects {
        store: &mut store,
        policy: &policy,
        today: today(),
    };
    run_loop(
        &mut terminal,
        &mut app,
        &mut effects,
        &mut ScriptedEvents(script),
        &mut keeper,
    )
    .unwrap();
    keeper.keep(&app, true);
    assert!(app.form.is_none(), "saved: {:?}", app.notice);
    assert!(!draft_file.exists(), "cleared once saved");
    let day =
        guanhu::service::diary::load_day(&store, &Policy::default_policy(), Some("M001"), today())
            .unwrap();
    assert!(day.entries.iter().any(|e| e.draft.note == NOTE));
}

#[test]
fn an_unsaved_reflection_is_kept_and_reopens_on_its_week_with_the_text() {
    let mut store = common::sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    drive(&mut app, &mut store, Action::GoTo(Screen::Review));
    drive(&mut app, &mut store, Action::Review(Msg::Edit));
    assert_eq!(app.mode, Mode::Reflection);
    for c in NOTE.chars() {
        drive(&mut app, &mut store, Action::Input(c));
    }
    let draft = drafts::current(&app).expect("the reflection is kept");
    assert!(matches!(draft, Draft::Reflection { .. }));
    // Ctrl-c asks here too (the editor's own question).
    drive(&mut app, &mut store, Action::Quit);
    assert!(!app.quit);

    let mut next = today_app(&mut store, Lang::Zh, 40);
    drive(&mut next, &mut store, Action::DraftFound(Box::new(draft)));
    drive(&mut next, &mut store, Action::Confirm);
    assert_eq!(next.screen, Screen::Review);
    assert_eq!(next.mode, Mode::Reflection);
    let ed = next.review.editor.as_ref().expect("the editor reopened");
    assert_eq!(ed.summary.text(), NOTE);
    assert!(ed.changed(), "still unsaved until Ctrl-s");
}

/// Events from a script, then a panic, as a bug deep in the loop would raise.
struct ThenPanic(VecDeque<Event>);

impl guanhu::tui::EventSource for ThenPanic {
    fn next_event(&mut self, _: std::time::Duration) -> guanhu::error::Result<guanhu::tui::Polled> {
        match self.0.pop_front() {
            Some(e) => Ok(guanhu::tui::Polled::Event(e)),
            None => panic!("a bug in the loop"),
        }
    }
}

#[test]
fn a_panic_keeps_the_draft_and_writes_an_owner_only_crash_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = file_store(dir.path());
    let policy = Policy::default_policy();
    let mut app = App::new(
        Lang::Zh,
        today(),
        policy.clone(),
        Some("M001".into()),
        "guanhu.db".into(),
    );
    let mut script: VecDeque<Event> = VecDeque::from([key_event('c')]);
    script.extend(NOTE.chars().map(key_event));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut keeper = DraftKeeper::new(store.draft_path());
    let mut effects = Effects {
        store: &mut store,
        policy: &policy,
        today: today(),
    };
    let result = guanhu::tui::run_guarded(
        &mut terminal,
        &mut app,
        &mut effects,
        &mut ThenPanic(script),
        &mut keeper,
    );
    let Err(guanhu::error::Error::Input(message)) = result else {
        panic!("a crash is reported: {result:?}");
    };
    assert!(
        message.contains("guanhu 出错退出了，错误报告在"),
        "{message}"
    );
    assert!(message.contains("你输入的内容已作为草稿保存"), "{message}");
    // The whole note is in the draft, not only what the debounce had written.
    let draft = std::fs::read_to_string(dir.path().join("guanhu.db.draft")).unwrap();
    assert!(draft.contains(NOTE), "{draft}");
    let report = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with("guanhu-crash-"))
        .expect("a crash report beside the store")
        .path();
    assert!(message.contains(&report.display().to_string()), "{message}");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("a bug in the loop"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&report).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
