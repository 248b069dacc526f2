//! The Review screen (周报): week navigation (`[` `]` `t`), writing and saving the reflection with Chinese multi-line text, the round trip through the real store, and snapshots in both languages at 120×40 and 80×24.

mod common;

use chrono::NaiveDate;
use common::{d, sample_store, today_app};
use guanhu::app::keymap::action_for;
use guanhu::app::tabs::review::{Leave, ReflectionField};
use guanhu::app::{Action, App, Effect, Mode, Screen, update};
use guanhu::domain::customer::ProductKind;
use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome, Sale};
use guanhu::i18n::Lang;
use guanhu::service::diary::log_entries;
use guanhu::service::review::{load_reflection, save_reflection};
use guanhu::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rust_decimal::Decimal;

/// The Monday of the week of `common::today()` (Tuesday 2026-11-24).
fn this_monday() -> NaiveDate {
    d(2026, 11, 23)
}

/// Presses a key through the keymap and `update` alone (no store): the effects it asks for.
fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    match action_for(app, KeyEvent::new(code, modifiers)) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    press(app, code, KeyModifiers::NONE)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        key(app, code);
    }
}

/// An app on the Review tab without anything loaded (pure `update`).
fn review_app(store: &mut Store) -> App {
    let mut app = today_app(store, Lang::Zh, 40);
    let effects = update(&mut app, Action::GoTo(Screen::Review));
    assert_eq!(effects, vec![Effect::LoadReview(this_monday())]);
    // Before the week is loaded, `e` opens nothing: an empty editor could erase a reflection.
    assert!(key(&mut app, KeyCode::Char('e')).is_empty());
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.review.editor.is_none());
    // The load carried out by the real driver, its answer fed back.
    let policy = guanhu::domain::policy::Policy::default_policy();
    let mut driver = guanhu::tui::Effects {
        store,
        policy: &policy,
        today: common::today(),
    };
    let answer = driver.run(effects[0].clone(), &app);
    assert!(matches!(answer, Action::ReviewLoaded(_)), "{answer:?}");
    assert!(update(&mut app, answer).is_empty());
    app
}

#[test]
fn brackets_and_t_move_by_weeks() {
    let mut store = sample_store();
    let mut app = review_app(&mut store);
    assert_eq!(
        key(&mut app, KeyCode::Char('[')),
        vec![Effect::LoadReview(d(2026, 11, 16))]
    );
    assert_eq!(
        key(&mut app, KeyCode::Char('[')),
        vec![Effect::LoadReview(d(2026, 11, 9))]
    );
    assert_eq!(
        key(&mut app, KeyCode::Char(']')),
        vec![Effect::LoadReview(d(2026, 11, 16))]
    );
    // A full-width 【 from a Chinese input method moves too.
    assert_eq!(
        key(&mut app, KeyCode::Char('【')),
        vec![Effect::LoadReview(d(2026, 11, 9))]
    );
    assert_eq!(app.review.monday(app.ctx.today), d(2026, 11, 9));
    assert_eq!(
        key(&mut app, KeyCode::Char('t')),
        vec![Effect::LoadReview(this_monday())]
    );
    // Across the year end: ISO week 1 of 2027 starts on Monday 2027-01-04.
    app.review.day = Some(d(2026, 12, 30));
    assert_eq!(
        key(&mut app, KeyCode::Char(']')),
        vec![Effect::LoadReview(d(2027, 1, 4))]
    );
}

#[test]
fn the_reflection_is_written_in_place_in_chinese_over_several_lines_and_saved_as_typed() {
    let mut store = sample_store();
    let mut app = review_app(&mut store);
    assert!(key(&mut app, KeyCode::Char('e')).is_empty());
    assert_eq!(app.mode, Mode::Reflection);
    assert_eq!(
        app.review.editor.as_ref().unwrap().focus,
        ReflectionField::Summary
    );
    type_text(&mut app, "本周拜访张伟，\n短信覆盖30户");
    key(&mut app, KeyCode::Tab);
    assert_eq!(
        app.review.editor.as_ref().unwrap().focus,
        ReflectionField::Plan
    );
    type_text(&mut app, "下周：跟进王芳的理财到期\n约李娜面谈");
    // Keys that mean something elsewhere are text here.
    type_text(&mut app, " q[t");
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    // Shift-Tab goes back to the summary; the cursor is where it was left.
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::End);
    type_text(&mut app, "李娜");
    key(&mut app, KeyCode::Tab);
    let effects = press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(
        effects,
        vec![Effect::SaveReflection {
            manager_no: "M001".into(),
            day: this_monday(),
            summary: "本周拜访张伟，李娜\n短信覆盖30户".to_string(),
            plan: "下周：跟进王芳的理财到期\n约李娜面谈".to_string(),
        }]
    );
    // While it is written, keys do nothing.
    type_text(&mut app, "乱");
    // A failed save keeps editing with every character typed.
    update(&mut app, Action::Failed("disk full".into()));
    assert_eq!(app.mode, Mode::Reflection);
    let ed = app.review.editor.as_ref().unwrap();
    assert!(!ed.saving);
    assert!(ed.changed());
    assert_eq!(ed.summary.text(), "本周拜访张伟，李娜\n短信覆盖30户");
    assert!(app.notice_text().as_deref().unwrap().contains("disk full"));
    // Saved at the second try: still editing in place, nothing unsaved, the week shows the text.
    let effects = press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(effects.len(), 1);
    assert!(update(&mut app, Action::ReflectionSaved).is_empty());
    assert_eq!(app.mode, Mode::Reflection);
    assert!(!app.review.editor.as_ref().unwrap().changed());
    assert!(app.notice_text().as_deref().unwrap().contains("2026-W48"));
    let shown = app
        .review
        .data
        .as_ref()
        .unwrap()
        .reflection
        .clone()
        .unwrap();
    assert_eq!(shown.plan, "下周：跟进王芳的理财到期\n约李娜面谈");
    // Nothing unsaved: one Esc leaves.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.review.editor.is_none());
}

#[test]
fn esc_over_unsaved_text_asks_save_discard_or_keep_editing() {
    let mut store = sample_store();
    let mut app = review_app(&mut store);
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "客户");
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.mode,
        Mode::Reflection,
        "Esc over unsaved text asks first"
    );
    let ed = app.review.editor.as_ref().unwrap();
    assert_eq!(ed.asking, Some(Leave::Close));
    assert!(app.notice_text().as_deref().unwrap().contains("Esc"));
    // Keys that are no answer are not typed either.
    type_text(&mut app, "x维");
    assert_eq!(app.review.editor.as_ref().unwrap().summary.text(), "客户");
    // Esc: keep editing, the text as it was.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.review.editor.as_ref().unwrap().asking, None);
    type_text(&mut app, "回访");
    assert_eq!(
        app.review.editor.as_ref().unwrap().summary.text(),
        "客户回访"
    );
    // d (a full-width ｄ too): discard and leave.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('ｄ'));
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.review.editor.is_none());
    assert!(app.review.data.as_ref().unwrap().reflection.is_none());
    // s: save, and leave once it is stored.
    key(&mut app, KeyCode::Char('e'));
    type_text(&mut app, "总结");
    key(&mut app, KeyCode::Esc);
    let effects = key(&mut app, KeyCode::Char('s'));
    assert_eq!(
        effects,
        vec![Effect::SaveReflection {
            manager_no: "M001".into(),
            day: this_monday(),
            summary: "总结".to_string(),
            plan: String::new(),
        }]
    );
    assert_eq!(app.mode, Mode::Reflection, "still there until it is stored");
    update(&mut app, Action::ReflectionSaved);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.review.editor.is_none());
    // Ctrl-c over unsaved text asks too, and d then quits.
    key(&mut app, KeyCode::Char('e'));
    type_text(&mut app, "。");
    press(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!app.quit);
    assert_eq!(
        app.review.editor.as_ref().unwrap().asking,
        Some(Leave::Quit)
    );
    key(&mut app, KeyCode::Char('d'));
    assert!(app.quit);
}

#[test]
fn moving_weeks_while_editing_keeps_the_text() {
    let mut store = sample_store();
    let mut app = review_app(&mut store);
    let policy = guanhu::domain::policy::Policy::default_policy();
    key(&mut app, KeyCode::Char('e'));
    type_text(&mut app, "本周小结");
    // PgDn over unsaved text asks; s saves it, then the next week opens for editing.
    assert!(key(&mut app, KeyCode::PageDown).is_empty());
    assert_eq!(
        app.review.editor.as_ref().unwrap().asking,
        Some(Leave::Week(d(2026, 11, 30)))
    );
    let save = key(&mut app, KeyCode::Char('s'));
    assert_eq!(save.len(), 1);
    let mut driver = guanhu::tui::Effects {
        store: &mut store,
        policy: &policy,
        today: common::today(),
    };
    assert_eq!(driver.run(save[0].clone(), &app), Action::ReflectionSaved);
    let load = update(&mut app, Action::ReflectionSaved);
    assert_eq!(load, vec![Effect::LoadReview(d(2026, 11, 30))]);
    let loaded = driver.run(load[0].clone(), &app);
    update(&mut app, loaded);
    assert_eq!(app.mode, Mode::Reflection);
    let ed = app.review.editor.as_ref().unwrap();
    assert_eq!((ed.day, ed.summary.text()), (d(2026, 11, 30), ""));
    // Unchanged, PgUp goes straight back, and the saved text is there to go on with.
    let load = key(&mut app, KeyCode::PageUp);
    assert_eq!(load, vec![Effect::LoadReview(this_monday())]);
    let loaded = driver.run(load[0].clone(), &app);
    update(&mut app, loaded);
    let ed = app.review.editor.as_ref().unwrap();
    assert_eq!((ed.day, ed.summary.text()), (this_monday(), "本周小结"));
    assert_eq!(
        load_reflection(driver.store, "M001", common::today())
            .unwrap()
            .unwrap()
            .summary,
        "本周小结"
    );
    // Esc from the question keeps the week and the text.
    type_text(&mut app, "，续");
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::Esc);
    let ed = app.review.editor.as_ref().unwrap();
    assert_eq!((ed.day, ed.summary.text()), (this_monday(), "本周小结，续"));
    assert_eq!(app.review.monday(app.ctx.today), this_monday());
}

fn entry(no: &str, day: u32, hour: u32, kind: EntryKind) -> EntryDraft {
    EntryDraft {
        kind,
        customer_no: Some(no.to_string()),
        occurred_at: d(2026, 11, day).and_hms_opt(hour, 0, 0).unwrap(),
        outcome: matches!(kind, EntryKind::Call | EntryKind::Visit).then_some(Outcome::Reached),
        note: "记录".into(),
        follow_up_at: None,
        sale: (kind == EntryKind::Sale).then(|| Sale {
            product_kind: ProductKind::Fund,
            product_code: String::new(),
            product_name: "沪深300指数".to_string(),
            amount: Some(Decimal::from(50_000)),
            maturity_on: None,
        }),
        risk_level: None,
    }
}

/// The sample store with some work this week and last week.
fn busy_store() -> Store {
    let mut store = sample_store();
    let drafts = vec![
        entry("C0001", 16, 10, EntryKind::Call),
        entry("C0002", 17, 10, EntryKind::Sms),
        entry("C0001", 23, 9, EntryKind::Call),
        entry("C0002", 23, 10, EntryKind::Call),
        entry("C0003", 23, 11, EntryKind::Sms),
        entry("C0004", 23, 14, EntryKind::Wechat),
        entry("C0005", 23, 15, EntryKind::Visit),
        entry("C0005", 23, 16, EntryKind::Sale),
        entry("C0006", 24, 8, EntryKind::Call),
        entry("C0007", 24, 8, EntryKind::Sms),
    ];
    log_entries(&mut store, Some("M001"), &drafts, common::now()).unwrap();
    store
}

#[test]
fn saved_through_the_real_store_and_read_back() {
    let mut store = busy_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    common::press_at(
        &mut app,
        &mut store,
        KeyCode::Char('5'),
        KeyModifiers::NONE,
        common::now(),
    );
    let data = app.review.data.as_ref().expect("the week is loaded");
    assert_eq!(data.week, "2026-W48");
    let monday = &data.activity[0];
    assert_eq!(
        (monday.calls, monday.sms, monday.visits, monday.sales),
        (2, 2, 1, 1)
    );
    assert!(data.reflection.is_none());
    for (code, mods) in [
        (KeyCode::Char('e'), KeyModifiers::NONE),
        (KeyCode::Char('学'), KeyModifiers::NONE),
        (KeyCode::Char('到'), KeyModifiers::NONE),
        (KeyCode::Enter, KeyModifiers::NONE),
        (KeyCode::Char('多'), KeyModifiers::NONE),
        (KeyCode::Tab, KeyModifiers::NONE),
        (KeyCode::Char('约'), KeyModifiers::NONE),
        (KeyCode::Char('s'), KeyModifiers::CONTROL),
    ] {
        common::press_at(&mut app, &mut store, code, mods, common::now());
    }
    assert_eq!(
        app.mode,
        Mode::Reflection,
        "saving keeps the reflection in place to go on"
    );
    common::press_at(
        &mut app,
        &mut store,
        KeyCode::Esc,
        KeyModifiers::NONE,
        common::now(),
    );
    assert_eq!(app.mode, Mode::Normal);
    let r = app
        .review
        .data
        .as_ref()
        .unwrap()
        .reflection
        .clone()
        .unwrap();
    assert_eq!((r.summary.as_str(), r.plan.as_str()), ("学到\n多", "约"));
    let stored = load_reflection(&store, "M001", common::today())
        .unwrap()
        .unwrap();
    assert_eq!(
        (stored.summary.as_str(), stored.plan.as_str()),
        ("学到\n多", "约")
    );
    // Last week has none; the editor opens empty there.
    common::press_at(
        &mut app,
        &mut store,
        KeyCode::Char('['),
        KeyModifiers::NONE,
        common::now(),
    );
    assert_eq!(app.review.data.as_ref().unwrap().week, "2026-W47");
    assert!(app.review.data.as_ref().unwrap().reflection.is_none());
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| guanhu::ui::render(f, app)).unwrap();
    terminal
}

fn loaded_review(store: &mut Store, lang: Lang) -> App {
    let mut app = today_app(store, lang, 40);
    common::press_at(
        &mut app,
        store,
        KeyCode::Char('5'),
        KeyModifiers::NONE,
        common::now(),
    );
    app
}

#[test]
fn snapshots_in_both_languages_and_sizes() {
    let mut store = busy_store();
    save_reflection(
        &mut store,
        "M001",
        this_monday(),
        "周一集中电话回访，王芳理财到期已续作。\n短信覆盖仍偏低。",
        "周三前完成 C0008 风险测评；\n约刘洋面谈。",
        common::now(),
    )
    .unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let name = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        for (w, h) in [(120, 40), (80, 24)] {
            let mut app = loaded_review(&mut store, lang);
            let t = draw(&mut app, w, h);
            insta::assert_snapshot!(format!("review_{name}_{w}x{h}"), t.backend());
        }
        // Editing in place: the plan has the cursor, with a line added and not yet saved.
        for (w, h) in [(120, 40), (80, 24)] {
            let mut app = loaded_review(&mut store, lang);
            key(&mut app, KeyCode::Char('e'));
            key(&mut app, KeyCode::Tab);
            key(&mut app, KeyCode::Enter);
            type_text(
                &mut app,
                "跟进 the fund maturities of 王芳、李娜 and 张伟 before Friday",
            );
            let mut t = draw(&mut app, w, h);
            insta::assert_snapshot!(format!("review_editing_{name}_{w}x{h}"), t.backend());
            // The cursor stands right after the last character typed, wide ones counted twice.
            let cursor = t.get_cursor_position().unwrap();
            let buffer = t.backend().buffer().clone();
            let before: String = (cursor.x.saturating_sub(6)..cursor.x)
                .map(|x| buffer[(x, cursor.y)].symbol().to_string())
                .collect();
            assert!(before.ends_with("Friday"), "{before:?} at {cursor:?}");
            assert_eq!(buffer[(cursor.x, cursor.y)].symbol(), " ");
        }
    }
}

#[test]
fn a_week_without_anything_and_tiny_terminals() {
    let mut store = sample_store();
    let mut app = loaded_review(&mut store, Lang::En);
    common::press_at(
        &mut app,
        &mut store,
        KeyCode::Char('['),
        KeyModifiers::NONE,
        common::now(),
    );
    common::press_at(
        &mut app,
        &mut store,
        KeyCode::Char('['),
        KeyModifiers::NONE,
        common::now(),
    );
    assert_eq!(app.review.data.as_ref().unwrap().week, "2026-W46");
    for (w, h) in [(1, 1), (10, 3), (30, 8), (60, 12)] {
        draw(&mut app, w, h);
        let mut editing = app.clone();
        key(&mut editing, KeyCode::Char('e'));
        draw(&mut editing, w, h);
    }
}

#[test]
fn missed_targets_stand_out_in_the_warning_colour() {
    use ratatui::style::Color;
    let mut store = busy_store();
    // Reach the rest of the week's new customers, so they all count as effective (有效).
    let calls: Vec<EntryDraft> = ["C0003", "C0007", "C0008", "C0009", "C0010"]
        .into_iter()
        .map(|no| entry(no, 24, 9, EntryKind::Call))
        .collect();
    log_entries(&mut store, Some("M001"), &calls, common::now()).unwrap();
    let mut app = loaded_review(&mut store, Lang::En);
    let t = draw(&mut app, 120, 40);
    let buffer = t.backend().buffer();
    let row_of = |text: &str| -> u16 {
        (0..40)
            .find(|y| {
                let line: String = (0..120).map(|x| buffer[(x, *y)].symbol()).collect();
                line.starts_with(text)
            })
            .unwrap_or_else(|| panic!("no row starting {text}"))
    };
    // 30% of customers messaged against a target of 100%: missed.
    assert_eq!(buffer[(0, row_of("SMS coverage"))].fg, Color::Red);
    // The effective new customers against 5: met, in the normal colour, its bar green.
    let met = row_of("New effective customers");
    assert_ne!(buffer[(0, met)].fg, Color::Red);
    let bar_x = (0..120)
        .find(|x| buffer[(*x, met)].symbol() == "▇")
        .unwrap();
    assert_eq!(buffer[(bar_x, met)].fg, Color::Green);
}

#[test]
fn a_failed_load_says_why_and_stops_saying_loading() {
    let mut store = sample_store();
    let mut app = loaded_review(&mut store, Lang::Zh);
    app.ctx.manager = Some("M999".into());
    common::press_at(
        &mut app,
        &mut store,
        KeyCode::Char('['),
        KeyModifiers::NONE,
        common::now(),
    );
    assert!(app.review.failed);
    assert!(app.notice.is_some());
    let t = draw(&mut app, 80, 24);
    let screen: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains("2026-W47"));
    assert!(!screen.contains("正在计算"));
    // `e` on a week that is not loaded opens nothing.
    key(&mut app, KeyCode::Char('e'));
    assert!(app.review.editor.is_none());
}

#[test]
fn up_and_down_move_by_the_rows_on_screen() {
    let mut store = sample_store();
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = loaded_review(&mut store, Lang::Zh);
        update(&mut app, Action::Resize(w, h));
        key(&mut app, KeyCode::Char('e'));
        // One line of 240 columns: several rows in either layout.
        type_text(&mut app, &"拜访客户".repeat(30));
        let before = draw(&mut app, w, h).get_cursor_position().unwrap();
        key(&mut app, KeyCode::Up);
        let up = draw(&mut app, w, h).get_cursor_position().unwrap();
        assert_eq!(up.y + 1, before.y, "{w}x{h}");
        // As near the column as a row of wide characters allows.
        assert!(before.x - up.x <= 2, "{before:?} {up:?}");
        key(&mut app, KeyCode::Down);
        let down = draw(&mut app, w, h).get_cursor_position().unwrap();
        assert_eq!(down.y, before.y, "{w}x{h}");
        let text = app
            .review
            .editor
            .as_ref()
            .unwrap()
            .summary
            .text()
            .to_string();
        assert_eq!(text, "拜访客户".repeat(30), "moving changes nothing");
    }
}

/// A target of the manager's own is marked with `*` and explained under the table.
#[test]
fn own_targets_are_marked() {
    let mut store = busy_store();
    let sets = vec![("weekly.sales_count".to_string(), rust_decimal::Decimal::ONE)];
    guanhu::service::targets::change_targets(&mut store, "M001", &sets, &[], common::now())
        .unwrap();
    for (lang, note) in [(Lang::En, "* own target"), (Lang::Zh, "*本人目标")] {
        let mut app = loaded_review(&mut store, lang);
        let t = draw(&mut app, 120, 40);
        let buffer = t.backend().buffer();
        let lines: Vec<String> = (0..40)
            .map(|y| {
                (0..120)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
                    .replace(' ', "")
            })
            .collect();
        let sales =
            guanhu::domain::names::metric_name(lang, guanhu::domain::review::MetricKey::SalesCount)
                .replace(' ', "");
        let row = lines
            .iter()
            .find(|l| l.starts_with(&sales))
            .unwrap_or_else(|| panic!("no {sales} row"));
        assert!(row.contains("*1"), "{row}");
        assert!(lines.iter().any(|l| l.starts_with(&note.replace(' ', ""))));
        let sms = guanhu::domain::names::metric_name(
            lang,
            guanhu::domain::review::MetricKey::SmsCoverage,
        )
        .replace(' ', "");
        let row = lines.iter().find(|l| l.starts_with(&sms)).unwrap();
        assert!(!row.contains('*'), "{row}");
    }
}
