//! Logging from the keyboard: `c` then Enter logs a reached call; outcomes, follow-ups, sales with money checked beside the field, memos, undo and redo — through the real loop's effects on an in-memory store.

mod common;

use common::{sample_app, sample_store};
use guanhu::app::keymap::action_for;
use guanhu::app::log_form::{Field, FormError};
use guanhu::app::{Action, App, Mode};
use guanhu::domain::diary::{EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::store::Store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(app: &mut App, store: &mut Store, code: KeyCode, modifiers: KeyModifiers) {
    let clock = common::today().and_hms_opt(10, 30, 0).unwrap();
    common::press_at(app, store, code, modifiers, clock);
}

fn key(app: &mut App, store: &mut Store, code: KeyCode) {
    press(app, store, code, KeyModifiers::NONE);
}

fn type_text(app: &mut App, store: &mut Store, text: &str) {
    for c in text.chars() {
        key(app, store, KeyCode::Char(c));
    }
}

/// Puts the cursor on 赵敏 (C0008), the first customer of the tree.
fn on_first_customer(app: &mut App, store: &mut Store) {
    key(app, store, KeyCode::Char('j'));
    key(app, store, KeyCode::Char('j'));
    assert_eq!(
        app.customers.selected_customer().unwrap().customer.name,
        "赵敏"
    );
}

fn timeline(store: &Store, no: &str) -> Vec<guanhu::domain::diary::DiaryEntry> {
    guanhu::service::load_customer_detail(store, &Policy::default_policy(), common::today(), no)
        .unwrap()
        .timeline
}

#[test]
fn c_then_enter_logs_a_reached_call() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    on_first_customer(&mut app, &mut store);
    key(&mut app, &mut store, KeyCode::Char('c'));
    assert_eq!(app.mode, Mode::Log);
    key(&mut app, &mut store, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.form.is_none());
    let entries = timeline(&store, "C0008");
    assert_eq!(entries.len(), 1);
    let d = &entries[0].draft;
    assert_eq!(d.kind, EntryKind::Call);
    assert_eq!(d.outcome, Some(Outcome::Reached));
    assert_eq!(
        d.occurred_at,
        common::today().and_hms_opt(10, 30, 0).unwrap()
    );
    assert_eq!(
        app.notice_text().as_deref(),
        Some("已记录：电话 · 赵敏（u 撤销）")
    );
    // The cursor stays on the customer after the book reloads.
    assert_eq!(
        app.customers.selected_customer().unwrap().customer.name,
        "赵敏"
    );
}

#[test]
fn outcome_note_in_chinese_and_a_follow_up() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    on_first_customer(&mut app, &mut store);
    key(&mut app, &mut store, KeyCode::Char('c'));
    key(&mut app, &mut store, KeyCode::Char('3')); // call back requested
    type_text(&mut app, &mut store, "客户在开会，一小时后回电");
    key(&mut app, &mut store, KeyCode::Tab); // time
    key(&mut app, &mut store, KeyCode::Tab); // follow-up
    type_text(&mut app, &mut store, "+1h");
    key(&mut app, &mut store, KeyCode::Enter);
    let e = &timeline(&store, "C0008")[0].draft;
    assert_eq!(e.outcome, Some(Outcome::CallbackRequested));
    assert_eq!(e.note, "客户在开会，一小时后回电");
    assert_eq!(
        e.follow_up_at,
        Some(common::today().and_hms_opt(11, 30, 0).unwrap())
    );
}

#[test]
fn a_bad_amount_is_shown_beside_the_field_and_nothing_is_lost() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    on_first_customer(&mut app, &mut store);
    key(&mut app, &mut store, KeyCode::Char('$'));
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.focus, Field::ProductKind);
    key(&mut app, &mut store, KeyCode::Tab);
    type_text(&mut app, &mut store, "稳利丰90天");
    key(&mut app, &mut store, KeyCode::Tab);
    type_text(&mut app, &mut store, "三十万");
    key(&mut app, &mut store, KeyCode::Enter);
    let form = app.form.as_ref().expect("the popup stays open");
    assert_eq!(form.error, Some((Field::Amount, FormError::BadAmount)));
    assert_eq!(form.product_name.text(), "稳利丰90天");
    assert!(timeline(&store, "C0008").is_empty());
    // Fix the amount, add a maturity: saved, and the sale becomes a holding.
    for _ in 0..3 {
        key(&mut app, &mut store, KeyCode::Backspace);
    }
    type_text(&mut app, &mut store, "30万");
    key(&mut app, &mut store, KeyCode::Tab);
    type_text(&mut app, &mut store, "2027-02-24");
    key(&mut app, &mut store, KeyCode::Enter);
    assert!(app.form.is_none());
    let detail = guanhu::service::load_customer_detail(
        &store,
        &Policy::default_policy(),
        common::today(),
        "C0008",
    )
    .unwrap();
    let sale = detail.timeline[0].draft.sale.clone().unwrap();
    assert_eq!(sale.amount, Some(rust_decimal::Decimal::from(300_000)));
    assert!(
        detail
            .holdings
            .iter()
            .any(|h| h.product_name == "稳利丰90天" && h.maturity_on.is_some())
    );
}

#[test]
fn esc_cancels_and_memos_need_no_customer() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::En, 40);
    key(&mut app, &mut store, KeyCode::Char('c'));
    assert_eq!(app.mode, Mode::Normal, "no customer under the cursor");
    assert_eq!(
        app.notice_text().as_deref(),
        Some("Select a customer first")
    );
    key(&mut app, &mut store, KeyCode::Char('m'));
    assert_eq!(app.mode, Mode::Log);
    type_text(&mut app, &mut store, "周五前整理到期清单");
    // Esc over typed text asks first (save / discard / keep editing); d discards.
    key(&mut app, &mut store, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Log);
    assert!(app.leave_ask.is_some());
    key(&mut app, &mut store, KeyCode::Char('d'));
    assert_eq!(app.mode, Mode::Normal);
    key(&mut app, &mut store, KeyCode::Char('m'));
    type_text(&mut app, &mut store, "周五前整理到期清单");
    key(&mut app, &mut store, KeyCode::Enter);
    let day = guanhu::service::diary::load_day(
        &store,
        &Policy::default_policy(),
        Some("M001"),
        common::today(),
    )
    .unwrap();
    assert_eq!(day.entries.len(), 1);
    assert_eq!(day.entries[0].draft.kind, EntryKind::Memo);
    assert_eq!(day.entries[0].draft.customer_no, None);
}

#[test]
fn undo_and_redo_a_log() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    on_first_customer(&mut app, &mut store);
    key(&mut app, &mut store, KeyCode::Char('v'));
    key(&mut app, &mut store, KeyCode::Enter);
    assert_eq!(timeline(&store, "C0008").len(), 1);
    key(&mut app, &mut store, KeyCode::Char('u'));
    assert!(timeline(&store, "C0008").is_empty());
    assert_eq!(app.notice_text().as_deref(), Some("已撤销（Ctrl-r 重做）"));
    press(
        &mut app,
        &mut store,
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
    );
    assert_eq!(timeline(&store, "C0008").len(), 1);
    // The undo and redo are themselves recorded as revisions of the entry.
    let id = timeline(&store, "C0008")[0].id;
    let history = guanhu::service::diary::entry_history(&store, id).unwrap();
    let actions: Vec<&str> = history.iter().map(|(_, a, _)| a.as_str()).collect();
    assert_eq!(actions, ["undo", "redo"]);
    key(&mut app, &mut store, KeyCode::Char('u'));
    key(&mut app, &mut store, KeyCode::Char('u'));
    assert_eq!(app.notice_text().as_deref(), Some("没有可撤销的操作"));
}

#[test]
fn the_popup_draws_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut store = sample_store();
        let mut app = sample_app(&mut store, lang, 24);
        on_first_customer(&mut app, &mut store);
        key(&mut app, &mut store, KeyCode::Char('c'));
        type_text(&mut app, &mut store, "约下周面谈");
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
        let name = match lang {
            Lang::Zh => "log_popup_zh_80x24",
            Lang::En => "log_popup_en_80x24",
        };
        insta::assert_snapshot!(name, terminal.backend());
        // The terminal cursor sits after the typed Chinese text (5 wide characters = 10 columns).
        let pos = terminal.get_cursor_position().unwrap();
        let screen = format!("{}", terminal.backend());
        assert!(screen.contains("约下周面谈"));
        let label_x = pos.x - 10;
        assert!(label_x > 0);
    }
}

#[test]
fn bulk_sms_to_marked_customers_is_one_undoable_step() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    // Space marks 赵敏 and moves on; V on the quality tier's first segment marks 杨磊.
    on_first_customer(&mut app, &mut store);
    key(&mut app, &mut store, KeyCode::Char(' '));
    assert!(app.customers.marked.contains("C0008"));
    key(&mut app, &mut store, KeyCode::Char('j'));
    key(&mut app, &mut store, KeyCode::Char('V'));
    assert_eq!(app.customers.marked.len(), 2, "{:?}", app.customers.marked);
    // Search "z" and V marks every result: 赵敏 曾小华 周杰 张伟 join.
    key(&mut app, &mut store, KeyCode::Char('/'));
    key(&mut app, &mut store, KeyCode::Char('z'));
    key(&mut app, &mut store, KeyCode::Enter);
    key(&mut app, &mut store, KeyCode::Char('V'));
    assert_eq!(app.customers.marked.len(), 5);
    key(&mut app, &mut store, KeyCode::Char('s'));
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.note.text(), "{name}您好，");
    type_text(&mut app, &mut store, "双十二理财节，欢迎来网点。");
    key(&mut app, &mut store, KeyCode::Enter);
    assert_eq!(
        app.notice_text().as_deref(),
        Some("已记录 5 条短信（u 撤销）")
    );
    assert!(app.customers.marked.is_empty());
    let day = guanhu::service::diary::load_day(
        &store,
        &Policy::default_policy(),
        Some("M001"),
        common::today(),
    )
    .unwrap();
    assert_eq!(day.entries.len(), 5);
    assert!(
        day.entries
            .iter()
            .any(|e| e.draft.note == "杨磊您好，双十二理财节，欢迎来网点。")
    );
    key(&mut app, &mut store, KeyCode::Char('u'));
    let day = guanhu::service::diary::load_day(
        &store,
        &Policy::default_policy(),
        Some("M001"),
        common::today(),
    )
    .unwrap();
    assert!(
        day.entries.is_empty(),
        "one undo takes back the whole batch"
    );
}

/// Feeds a key straight to `update` and returns the effects it asks for (no driver).
fn effects_of(app: &mut App, code: KeyCode) -> Vec<guanhu::app::Effect> {
    match action_for(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        Some(a) => guanhu::app::update(app, a),
        None => Vec::new(),
    }
}

#[test]
fn c_enter_emits_exactly_one_save_of_a_reached_call() {
    use guanhu::app::Effect;
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    on_first_customer(&mut app, &mut store);
    let now = common::today().and_hms_opt(14, 5, 0).unwrap();
    guanhu::app::update(&mut app, Action::Clock(now));
    assert!(effects_of(&mut app, KeyCode::Char('c')).is_empty());
    let effects = effects_of(&mut app, KeyCode::Enter);
    let expected = guanhu::domain::diary::EntryDraft {
        kind: EntryKind::Call,
        customer_no: Some("C0008".into()),
        occurred_at: now,
        outcome: Some(Outcome::Reached),
        note: String::new(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    };
    assert_eq!(effects, vec![Effect::SaveEntries(vec![expected])]);
}

#[test]
fn esc_emits_nothing_and_a_bad_amount_keeps_the_popup() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    on_first_customer(&mut app, &mut store);
    effects_of(&mut app, KeyCode::Char('c'));
    for c in "没人接".chars() {
        effects_of(&mut app, KeyCode::Char(c));
    }
    assert!(effects_of(&mut app, KeyCode::Esc).is_empty());
    assert!(app.form.is_some(), "typed text: Esc asks first");
    assert!(effects_of(&mut app, KeyCode::Char('d')).is_empty());
    assert!(app.form.is_none());
    effects_of(&mut app, KeyCode::Char('$'));
    effects_of(&mut app, KeyCode::Tab);
    for c in "稳利丰".chars() {
        effects_of(&mut app, KeyCode::Char(c));
    }
    effects_of(&mut app, KeyCode::Tab);
    for c in "12.345".chars() {
        effects_of(&mut app, KeyCode::Char(c));
    }
    assert!(effects_of(&mut app, KeyCode::Enter).is_empty());
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.error, Some((Field::Amount, FormError::BadAmount)));
    assert_eq!(app.mode, Mode::Log);
}

#[test]
fn the_sale_popup_and_a_detail_with_its_timeline_draw_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let l = if lang == Lang::Zh { "zh" } else { "en" };
        let mut store = sample_store();
        let mut app = sample_app(&mut store, lang, 24);
        on_first_customer(&mut app, &mut store);
        key(&mut app, &mut store, KeyCode::Char('$'));
        key(&mut app, &mut store, KeyCode::Right); // fund → wealth… the picker moves
        key(&mut app, &mut store, KeyCode::Tab);
        type_text(&mut app, &mut store, "稳利丰90天");
        key(&mut app, &mut store, KeyCode::Tab);
        type_text(&mut app, &mut store, "abc");
        key(&mut app, &mut store, KeyCode::Enter);
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
        insta::assert_snapshot!(format!("sale_popup_error_{l}_80x24"), terminal.backend());

        // Log three entries, then open the customer: the cadence block and timeline show them.
        let mut store = sample_store();
        let mut app = sample_app(&mut store, lang, 40);
        on_first_customer(&mut app, &mut store);
        key(&mut app, &mut store, KeyCode::Char('s'));
        type_text(&mut app, &mut store, "双十二理财节提醒");
        key(&mut app, &mut store, KeyCode::Enter);
        key(&mut app, &mut store, KeyCode::Char('c'));
        key(&mut app, &mut store, KeyCode::Char('3'));
        type_text(&mut app, &mut store, "客户在开会");
        key(&mut app, &mut store, KeyCode::Tab);
        key(&mut app, &mut store, KeyCode::Tab);
        type_text(&mut app, &mut store, "明天 10:00");
        key(&mut app, &mut store, KeyCode::Enter);
        key(&mut app, &mut store, KeyCode::Char('v'));
        type_text(&mut app, &mut store, "网点面谈，关注养老规划");
        key(&mut app, &mut store, KeyCode::Enter);
        key(&mut app, &mut store, KeyCode::Enter); // open 赵敏
        assert!(app.detail.is_some());
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
        insta::assert_snapshot!(format!("detail_timeline_{l}_120x40"), terminal.backend());
    }
}
