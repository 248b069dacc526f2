//! The Diary screen: a day at a time, counts by kind, follow-ups due, amend with Enter (history kept), delete with confirmation and undo; snapshots in both languages.

mod common;

use common::{sample_app, sample_store};
use guanhu::app::{App, Mode, Screen};
use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome};
use guanhu::i18n::Lang;
use guanhu::service::diary::{entry_history, load_day, log_entries};
use guanhu::store::Store;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn key(app: &mut App, store: &mut Store, code: KeyCode) {
    let clock = common::today().and_hms_opt(17, 0, 0).unwrap();
    common::press_at(app, store, code, KeyModifiers::NONE, clock);
}

fn at(day: u32, h: u32, m: u32) -> chrono::NaiveDateTime {
    common::d(2026, 11, day).and_hms_opt(h, m, 0).unwrap()
}

fn entry(
    kind: EntryKind,
    customer: Option<&str>,
    when: chrono::NaiveDateTime,
    note: &str,
) -> EntryDraft {
    EntryDraft {
        kind,
        customer_no: customer.map(str::to_string),
        occurred_at: when,
        outcome: kind.has_outcome().then_some(Outcome::Reached),
        note: note.to_string(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    }
}

/// A store with a day of work on 2026-11-24 and one entry the day before.
fn store_with_a_day() -> Store {
    let mut store = sample_store();
    let mut callback = entry(EntryKind::Call, Some("C0004"), at(24, 9, 5), "客户在开会");
    callback.outcome = Some(Outcome::CallbackRequested);
    callback.follow_up_at = Some(at(24, 15, 0));
    let drafts = vec![
        callback,
        entry(
            EntryKind::Sms,
            Some("C0001"),
            at(24, 9, 30),
            "双十二活动提醒",
        ),
        entry(
            EntryKind::Visit,
            Some("C0008"),
            at(24, 10, 0),
            "网点面谈，关注养老规划",
        ),
        entry(EntryKind::Memo, None, at(24, 12, 0), "周五前整理到期清单"),
        entry(
            EntryKind::Reflection,
            None,
            at(24, 17, 30),
            "高端客户更看重专属服务",
        ),
    ];
    for d in drafts {
        log_entries(&mut store, Some("M001"), &[d], at(24, 18, 0)).unwrap();
    }
    log_entries(
        &mut store,
        Some("M001"),
        &[entry(
            EntryKind::Call,
            Some("C0002"),
            at(23, 16, 0),
            "生日问候",
        )],
        at(23, 16, 0),
    )
    .unwrap();
    store
}

#[test]
fn a_day_at_a_time() {
    let mut store = store_with_a_day();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, &mut store, KeyCode::Char('3'));
    assert_eq!(app.screen, Screen::Diary);
    assert_eq!(app.diary.date, Some(common::today()));
    assert_eq!(app.diary.entries.len(), 5);
    assert_eq!(app.diary.follow_ups.len(), 1);
    let counts: Vec<(EntryKind, usize)> = app.diary.counts();
    assert_eq!(
        counts,
        vec![
            (EntryKind::Call, 1),
            (EntryKind::Sms, 1),
            (EntryKind::Visit, 1),
            (EntryKind::Memo, 1),
            (EntryKind::Reflection, 1)
        ]
    );
    key(&mut app, &mut store, KeyCode::Char('['));
    assert_eq!(app.diary.date, Some(common::d(2026, 11, 23)));
    assert_eq!(app.diary.entries.len(), 1);
    key(&mut app, &mut store, KeyCode::Char('【')); // a Chinese input method's [
    assert_eq!(app.diary.date, Some(common::d(2026, 11, 22)));
    key(&mut app, &mut store, KeyCode::Char('t'));
    assert_eq!(app.diary.date, Some(common::today()));
    key(&mut app, &mut store, KeyCode::Char(']'));
    assert_eq!(app.diary.date, Some(common::d(2026, 11, 25)));
    assert!(app.diary.entries.is_empty());
}

#[test]
fn amend_keeps_the_earlier_version_and_undo_restores_it() {
    let mut store = store_with_a_day();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, &mut store, KeyCode::Char('3'));
    key(&mut app, &mut store, KeyCode::Char('j')); // the SMS to 张伟
    key(&mut app, &mut store, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Log);
    assert_eq!(app.form.as_ref().unwrap().note.text(), "双十二活动提醒");
    for c in "（已回复）".chars() {
        key(&mut app, &mut store, KeyCode::Char(c));
    }
    key(&mut app, &mut store, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Normal);
    let e = app.diary.entries[1].clone();
    assert_eq!(e.draft.note, "双十二活动提醒（已回复）");
    assert!(e.amended);
    let history = entry_history(&store, e.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].1, "amend");
    assert_eq!(history[0].2.draft.note, "双十二活动提醒");
    // H shows the history on demand.
    key(&mut app, &mut store, KeyCode::Char('H'));
    let (id, revisions) = app.history.clone().unwrap();
    assert_eq!(id, e.id);
    assert_eq!(revisions[0].2.draft.note, "双十二活动提醒");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains("修改前"), "{screen}");
    key(&mut app, &mut store, KeyCode::Esc);
    assert!(app.history.is_none());
    key(&mut app, &mut store, KeyCode::Char('u'));
    assert_eq!(app.diary.entries[1].draft.note, "双十二活动提醒");
}

#[test]
fn delete_asks_first_and_can_be_undone() {
    let mut store = store_with_a_day();
    let mut app = sample_app(&mut store, Lang::En, 40);
    key(&mut app, &mut store, KeyCode::Char('3'));
    key(&mut app, &mut store, KeyCode::Char('d'));
    assert_eq!(app.mode, Mode::Confirm);
    assert!(
        app.confirm
            .as_ref()
            .unwrap()
            .prompt
            .text(app.ctx.lang)
            .starts_with("Delete this entry? 09:05 Call 刘洋")
    );
    key(&mut app, &mut store, KeyCode::Char('n'));
    assert_eq!(app.diary.entries.len(), 5, "n keeps it");
    key(&mut app, &mut store, KeyCode::Char('d'));
    key(&mut app, &mut store, KeyCode::Char('y'));
    assert_eq!(app.diary.entries.len(), 4);
    assert_eq!(
        load_day(
            &store,
            &guanhu::domain::policy::Policy::default_policy(),
            Some("M001"),
            common::today()
        )
        .unwrap()
        .entries
        .len(),
        4
    );
    key(&mut app, &mut store, KeyCode::Char('u'));
    assert_eq!(app.diary.entries.len(), 5);
}

#[test]
fn diary_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(120, 40), (80, 24)] {
            let mut store = store_with_a_day();
            let mut app = sample_app(&mut store, lang, h);
            key(&mut app, &mut store, KeyCode::Char('3'));
            key(&mut app, &mut store, KeyCode::Char('j'));
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
            let l = if lang == Lang::Zh { "zh" } else { "en" };
            insta::assert_snapshot!(format!("diary_{l}_{w}x{h}"), terminal.backend());
        }
    }
}

#[test]
fn a_bulk_sms_is_one_line_until_opened() {
    let mut store = sample_store();
    let sms: Vec<EntryDraft> = ["C0001", "C0002", "C0003"]
        .iter()
        .map(|no| {
            entry(
                EntryKind::Sms,
                Some(no),
                at(24, 10, 0),
                "您好，本周理财产品到期提醒",
            )
        })
        .collect();
    log_entries(&mut store, Some("M001"), &sms, at(24, 10, 0)).unwrap();
    log_entries(
        &mut store,
        Some("M001"),
        &[entry(EntryKind::Memo, None, at(24, 12, 0), "整理到期清单")],
        at(24, 12, 0),
    )
    .unwrap();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, &mut store, KeyCode::Char('3'));
    assert_eq!(app.diary.rows().len(), 2, "the batch and the memo");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
    assert!(format!("{}", terminal.backend()).contains("3 位客户（Enter 展开）"));
    key(&mut app, &mut store, KeyCode::Enter);
    assert_eq!(app.diary.rows().len(), 4, "opened");
    key(&mut app, &mut store, KeyCode::Char('['));
    key(&mut app, &mut store, KeyCode::Char(']'));
    assert_eq!(app.diary.rows().len(), 2, "folded again on another day");
    key(&mut app, &mut store, KeyCode::Char('d'));
    assert!(
        app.confirm
            .as_ref()
            .unwrap()
            .prompt
            .text(app.ctx.lang)
            .starts_with("删除这一批 3 条短信")
    );
    key(&mut app, &mut store, KeyCode::Char('y'));
    assert_eq!(app.diary.entries.len(), 1);
    key(&mut app, &mut store, KeyCode::Char('u'));
    assert_eq!(app.diary.entries.len(), 4);
}
