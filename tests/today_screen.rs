//! The Today screen: pure `update` tests (keys → effects) for the quick log, snooze, dismiss, undo, the score breakdown, the filter and the weekly-SMS row; round trips through the real service on the sample store; snapshots of the screen and its popups in both languages.

mod common;

use guanhu::domain::urgency::ReasonCode;

use common::{d, sample_store, today_app};
use guanhu::app::keymap::action_for;
use guanhu::app::log_form::Target;
use guanhu::app::tabs::today::{HoldDraft, HoldError, TodayPopup};
use guanhu::app::{Action, App, Effect, Mode, Screen, UndoStep, update};
use guanhu::domain::diary::{EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::domain::queue::TodayQueue;
use guanhu::i18n::Lang;
use guanhu::service::queue::load_today;
use guanhu::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

/// Presses a key through the keymap and `update` only: the effects come back, nothing runs.
fn press_mod(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    match action_for(app, KeyEvent::new(code, modifiers)) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    press_mod(app, code, KeyModifiers::NONE)
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

/// Presses a key with the driver's effects carried out on `store` (the real loop).
fn run_key(app: &mut App, store: &mut Store, code: KeyCode) {
    let clock = common::today().and_hms_opt(10, 30, 0).unwrap();
    common::press_at(app, store, code, KeyModifiers::NONE, clock);
}

fn queue_of(app: &App) -> &TodayQueue {
    app.today_view.queue.as_ref().expect("the queue is loaded")
}

/// Customer numbers of the queue's rows, in rank order (the weekly-SMS row as "SMS").
fn ranked(app: &App) -> Vec<String> {
    queue_of(app)
        .items
        .iter()
        .map(|i| i.customer_no.clone().unwrap_or_else(|| "SMS".into()))
        .collect()
}

/// The rows the screen shows (after the filter), by name.
fn visible_names(app: &App) -> Vec<String> {
    let items = &queue_of(app).items;
    app.today_view
        .rows
        .iter()
        .map(|&i| {
            items[i]
                .customer_name
                .clone()
                .unwrap_or_else(|| "SMS".into())
        })
        .collect()
}

fn queue_on(store: &Store, day: u32) -> TodayQueue {
    load_today(
        store,
        &Policy::default_policy(),
        d(2026, 11, day).and_hms_opt(9, 0, 0).unwrap(),
        Some("M001"),
    )
    .unwrap()
}

fn has(queue: &TodayQueue, no: &str) -> bool {
    queue
        .items
        .iter()
        .any(|i| i.customer_no.as_deref() == Some(no))
}

#[test]
fn the_app_opens_on_today_with_the_queue_ranked() {
    let mut store = sample_store();
    let app = today_app(&mut store, Lang::Zh, 40);
    assert_eq!(app.screen, Screen::Today);
    // 陈静 has wealth maturing on 11-30 besides her due obligations: she comes first.
    // The weekly-SMS row is pinned first; the cursor starts on the first customer.
    assert_eq!(ranked(&app)[0], "SMS");
    assert_eq!(ranked(&app)[1], "C0005");
    assert_eq!(
        app.today_view.selected().unwrap().customer_no.as_deref(),
        Some("C0005")
    );
}

#[test]
fn c_enter_on_the_first_row_emits_one_reached_call_for_its_customer() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    assert!(press(&mut app, KeyCode::Char('c')).is_empty());
    assert_eq!(app.mode, Mode::Log);
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::SaveEntries(drafts)] = effects.as_slice() else {
        panic!("one save: {effects:?}");
    };
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].kind, EntryKind::Call);
    assert_eq!(drafts[0].outcome, Some(Outcome::Reached));
    assert_eq!(drafts[0].customer_no.as_deref(), Some("C0005"));
    // Once saved, the queue is reloaded so the row can leave at once.
    let effects = update(&mut app, Action::EntriesSaved(vec![1]));
    assert!(effects.contains(&Effect::LoadToday), "{effects:?}");
}

#[test]
fn z_1_snoozes_the_row_until_the_next_working_day() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    assert!(press(&mut app, KeyCode::Char('z')).is_empty());
    assert_eq!(app.mode, Mode::Popup);
    // 1 chooses and moves to the note; Enter there saves.
    assert!(press(&mut app, KeyCode::Char('1')).is_empty());
    let effects = press(&mut app, KeyCode::Enter);
    // 2026-11-24 is a Tuesday.
    assert_eq!(
        effects,
        vec![Effect::HoldItems(vec![HoldDraft {
            customer_no: "C0005".into(),
            code: None,
            until: d(2026, 11, 25),
            note: String::new(),
        }])]
    );
}

#[test]
fn z_2_is_next_monday_and_3_a_typed_date_with_a_note() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('z'));
    press(&mut app, KeyCode::Char('2'));
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::HoldItems(drafts)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(drafts[0].until, d(2026, 11, 30));

    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('z'));
    press(&mut app, KeyCode::Char('3'));
    type_text(&mut app, "+3d");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "客户出差，周五回来");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::HoldItems(drafts)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(drafts[0].until, d(2026, 11, 27));
    assert_eq!(drafts[0].note, "客户出差，周五回来");
    assert_eq!(drafts[0].code, None);
}

#[test]
fn full_width_digits_from_a_chinese_input_method_choose_too() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('ｚ'));
    press(&mut app, KeyCode::Char('２'));
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::HoldItems(drafts)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(drafts[0].until, d(2026, 11, 30));
}

#[test]
fn snoozing_the_sms_row_holds_only_the_sms_until_the_day_it_returns() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('g'));
    let members = app.today_view.selected().unwrap().members.clone();
    press(&mut app, KeyCode::Char('z'));
    press(&mut app, KeyCode::Char('1'));
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::HoldItems(drafts)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    // The members' other reasons stay in the queue: only their SMS waits, through today.
    assert_eq!(drafts.len(), members.len());
    assert!(drafts.iter().all(|h| h.until == d(2026, 11, 24)
        && h.code == Some(guanhu::domain::urgency::ReasonCode::SmsDue)));
}

#[test]
fn a_failed_hold_keeps_the_popup_and_says_why() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::En, 40);
    press(&mut app, KeyCode::Char('x'));
    type_text(&mut app, "moved away");
    assert_eq!(press(&mut app, KeyCode::Enter).len(), 1);
    update(&mut app, Action::Failed("database is locked".into()));
    assert!(!app.saving);
    assert_eq!(app.mode, Mode::Popup);
    let Some(TodayPopup::Dismiss(form)) = &app.today_view.popup else {
        panic!("the popup stays open");
    };
    assert_eq!(form.reason.text(), "moved away");
    assert_eq!(
        app.notice_text().as_deref(),
        Some("Error: database is locked")
    );
}

#[test]
fn a_snooze_to_a_past_or_unreadable_date_stays_open_with_the_error() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::En, 40);
    press(&mut app, KeyCode::Char('z'));
    press(&mut app, KeyCode::Char('3'));
    type_text(&mut app, "2026-11-20");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let Some(TodayPopup::Snooze(form)) = &app.today_view.popup else {
        panic!("the popup stays open");
    };
    assert_eq!(form.error, Some(HoldError::BadDate));
    assert_eq!(form.date.text(), "2026-11-20");
    assert_eq!(app.mode, Mode::Popup);
    // Esc over the typed date asks first; d closes it, nothing recorded.
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.mode, Mode::Popup);
    assert!(press(&mut app, KeyCode::Char('d')).is_empty());
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.today_view.popup.is_none());
}

#[test]
fn x_with_a_reason_emits_one_dismissal_per_reason() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    let row = app.today_view.selected().unwrap().clone();
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(app.mode, Mode::Popup);
    // No reason, no dismissal.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let Some(TodayPopup::Dismiss(form)) = &app.today_view.popup else {
        panic!("the dismiss popup");
    };
    assert_eq!(form.error, Some(HoldError::ReasonRequired));
    type_text(&mut app, "客户已明确拒绝，下季度再联系");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::HoldItems(drafts)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let expected: Vec<HoldDraft> = row
        .reasons
        .iter()
        .map(|r| HoldDraft {
            customer_no: "C0005".into(),
            code: Some(r.code()),
            until: r.dismissed_until(common::today(), 7),
            note: "客户已明确拒绝，下季度再联系".into(),
        })
        .collect();
    assert_eq!(drafts, &expected);
    assert_eq!(drafts.len(), 5);
    // The month's contact is dismissed to the month's end, the maturity to its day.
    assert!(drafts.iter().any(|h| h.until == d(2026, 11, 30)));
}

#[test]
fn u_after_a_hold_emits_the_undo_and_ctrl_r_the_redo() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('z'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    assert!(app.saving);
    let effects = update(&mut app, Action::HoldsSaved(vec![41]));
    assert!(effects.contains(&Effect::LoadToday), "{effects:?}");
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.today_view.popup.is_none());
    assert_eq!(
        app.notice_text().as_deref(),
        Some("已暂缓：陈静 至 11-25（u 撤销）")
    );
    let effects = press(&mut app, KeyCode::Char('u'));
    assert_eq!(effects, vec![Effect::Undo(UndoStep::Held(vec![41]))]);
    let effects = update(
        &mut app,
        Action::UndoApplied {
            step: UndoStep::Held(vec![41]),
            redo: false,
        },
    );
    assert!(effects.contains(&Effect::LoadToday), "{effects:?}");
    let effects = press_mod(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(effects, vec![Effect::Redo(UndoStep::Held(vec![41]))]);
}

#[test]
fn i_opens_the_breakdown_which_follows_the_cursor() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::En, 40);
    assert!(press(&mut app, KeyCode::Char('i')).is_empty());
    assert_eq!(app.mode, Mode::Popup);
    assert_eq!(app.today_view.popup, Some(TodayPopup::Breakdown));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.today_view.selected_rank(), Some(2));
    press(&mut app, KeyCode::Up);
    assert_eq!(app.today_view.selected_rank(), Some(1));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.today_view.popup.is_none());
}

#[test]
fn slash_filters_by_pinyin_name_or_number_and_esc_clears() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    let all = visible_names(&app).len();
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode, Mode::Search);
    type_text(&mut app, "ln");
    assert_eq!(visible_names(&app), vec!["李娜"]);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Normal);
    // The quick-log keys act on the filtered row.
    press(&mut app, KeyCode::Char('c'));
    let Some(form) = &app.form else {
        panic!("the log popup")
    };
    assert_eq!(
        form.target,
        Target::One {
            customer_no: "C0002".into(),
            name: "李娜".into()
        }
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(visible_names(&app).len(), all);

    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "0007");
    assert_eq!(visible_names(&app), vec!["曾小华"]);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "chenjing");
    assert_eq!(visible_names(&app), vec!["陈静"]);
    press(&mut app, KeyCode::Esc);
    assert_eq!(visible_names(&app).len(), all);
}

#[test]
fn enter_on_the_sms_row_opens_the_bulk_sms_to_exactly_its_members() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('g'));
    let row = app.today_view.selected().unwrap().clone();
    assert_eq!(row.customer_no, None);
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.mode, Mode::Log);
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.kind, EntryKind::Sms);
    let Target::Many(list) = &form.target else {
        panic!("a bulk SMS: {:?}", form.target);
    };
    let numbers: Vec<String> = list.iter().map(|(no, _)| no.clone()).collect();
    assert_eq!(numbers, row.members);
    assert!(list.iter().any(|(_, name)| name == "张伟"));
    // `s` opens the same form; a call has no single customer to go to.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('s'));
    assert!(
        matches!(&app.form.as_ref().unwrap().target, Target::Many(l) if l.len() == row.members.len())
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('c'));
    assert!(app.form.is_none());
    assert!(app.notice_text().as_deref().unwrap().contains("群发短信"));
}

#[test]
fn enter_on_a_customer_row_opens_the_customer() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::LoadDetail("C0005".into())]
    );
}

#[test]
fn a_logged_call_answers_its_reasons_and_the_row_keeps_the_rest() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    let done = queue_of(&app).done;
    run_key(&mut app, &mut store, KeyCode::Char('c'));
    run_key(&mut app, &mut store, KeyCode::Enter);
    // The reached call answers the month's contact and the maturity; the year's visit, the
    // quarter's sale and the risk review are still open, so the row stays, saying so.
    let chen = queue_of(&app)
        .items
        .iter()
        .find(|i| i.customer_no.as_deref() == Some("C0005"))
        .expect("still on the queue");
    let answered: Vec<ReasonCode> = chen.answered.iter().map(|a| a.reason.code()).collect();
    assert_eq!(answered, [ReasonCode::ContactDue, ReasonCode::Maturity]);
    assert!(
        chen.reasons
            .iter()
            .all(|r| r.code() != ReasonCode::Maturity)
    );
    assert_eq!(queue_of(&app).done, done);
    // Her row sank below the next ones: the cursor stays in place, on the next row to do.
    assert_eq!(app.today_view.cursor, 1);
    assert_ne!(
        app.today_view
            .selected()
            .and_then(|i| i.customer_no.as_deref()),
        Some("C0005")
    );
    // Undo the call: every reason is open again.
    run_key(&mut app, &mut store, KeyCode::Char('u'));
    assert_eq!(ranked(&app)[1], "C0005");
    assert!(queue_of(&app).items[1].answered.is_empty());
}

#[test]
fn a_log_on_today_reloads_the_queue_and_the_book_when_its_tab_opens() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    // Working down the queue, only the queue is reloaded after each log.
    assert_eq!(
        update(&mut app, Action::EntriesSaved(vec![1])),
        vec![Effect::LoadToday]
    );
    assert_eq!(press(&mut app, KeyCode::Char('2')), vec![Effect::LoadBook]);
    // Nothing written since: the next visit needs no reload.
    let book = app.customers.all.clone();
    update(&mut app, Action::BookLoaded(book));
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(press(&mut app, KeyCode::Char('2')), vec![]);
}

#[test]
fn snooze_undo_and_dismiss_round_trip_through_the_store() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    let (planned, done) = (queue_of(&app).planned, queue_of(&app).done);
    run_key(&mut app, &mut store, KeyCode::Char('z'));
    run_key(&mut app, &mut store, KeyCode::Char('1'));
    run_key(&mut app, &mut store, KeyCode::Enter);
    assert!(!ranked(&app).contains(&"C0005".to_string()), "snoozed");
    // Put off today, the row is done for today's gauge, still counted in the plan.
    assert_eq!(
        (queue_of(&app).planned, queue_of(&app).done),
        (planned, done + 1)
    );
    assert!(!has(&queue_on(&store, 24), "C0005"));
    // It comes back on the next working day (her wealth still matures on the 30th).
    assert!(has(&queue_on(&store, 25), "C0005"));

    run_key(&mut app, &mut store, KeyCode::Char('u'));
    assert_eq!(ranked(&app)[1], "C0005", "the snooze taken back");
    common::press_at(
        &mut app,
        &mut store,
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
        common::now(),
    );
    assert!(
        !ranked(&app).contains(&"C0005".to_string()),
        "and made again"
    );
    run_key(&mut app, &mut store, KeyCode::Char('u'));
    assert_eq!(ranked(&app)[1], "C0005");

    run_key(&mut app, &mut store, KeyCode::Char('x'));
    for c in "已约下周面谈".chars() {
        run_key(&mut app, &mut store, KeyCode::Char(c));
    }
    run_key(&mut app, &mut store, KeyCode::Enter);
    assert!(
        !ranked(&app).contains(&"C0005".to_string()),
        "dismissed: {:?} {:?} {:?}",
        app.notice,
        app.mode,
        queue_of(&app).items[0].reasons
    );
    assert_eq!(
        app.notice_text().as_deref(),
        Some("已忽略：陈静 · 5 项（u 撤销）")
    );
    // Gone for the period: later this month too, though her maturity is still ahead.
    assert!(!has(&queue_on(&store, 26), "C0005"));
    run_key(&mut app, &mut store, KeyCode::Char('u'));
    assert_eq!(ranked(&app)[1], "C0005", "the dismissal taken back");
    assert!(has(&queue_on(&store, 26), "C0005"));
}

#[test]
fn dismissing_the_sms_row_holds_this_weeks_sms_for_every_member() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    press(&mut app, KeyCode::Char('g'));
    let members = app.today_view.selected().unwrap().members.clone();
    press(&mut app, KeyCode::Char('x'));
    type_text(&mut app, "本周统一发微信");
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::HoldItems(drafts)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let numbers: Vec<String> = drafts.iter().map(|h| h.customer_no.clone()).collect();
    assert_eq!(numbers, members);
    assert!(drafts.iter().all(|h| h.until == d(2026, 11, 29)
        && h.code == Some(guanhu::domain::urgency::ReasonCode::SmsDue)));
}

// --- snapshots -------------------------------------------------------------------------------

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| guanhu::ui::render(f, app)).unwrap();
    terminal
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

#[test]
fn the_today_screen_draws_in_both_languages_at_two_sizes() {
    let mut store = sample_store();
    for lang in LANGS {
        for (w, h) in [(120, 40), (80, 24)] {
            let mut app = today_app(&mut store, lang, h);
            let t = draw(&mut app, w, h);
            insta::assert_snapshot!(format!("today_{}_{w}x{h}", lang_name(lang)), t.backend());
        }
    }
}

#[test]
fn the_popups_draw_in_both_languages() {
    let mut store = sample_store();
    for lang in LANGS {
        let l = lang_name(lang);
        let mut app = today_app(&mut store, lang, 24);
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('i'));
        let t = draw(&mut app, 80, 24);
        insta::assert_snapshot!(format!("today_breakdown_{l}_80x24"), t.backend());

        let mut app = today_app(&mut store, lang, 24);
        press(&mut app, KeyCode::Char('z'));
        press(&mut app, KeyCode::Char('3'));
        type_text(&mut app, "+3d");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "客户出差");
        let t = draw(&mut app, 80, 24);
        insta::assert_snapshot!(format!("today_snooze_{l}_80x24"), t.backend());

        let mut app = today_app(&mut store, lang, 24);
        press(&mut app, KeyCode::Char('x'));
        type_text(&mut app, "客户已明确拒绝");
        let t = draw(&mut app, 80, 24);
        insta::assert_snapshot!(format!("today_dismiss_{l}_80x24"), t.backend());
    }
}

#[test]
fn a_filter_and_an_empty_queue_draw() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 24);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zm");
    let t = draw(&mut app, 80, 24);
    insta::assert_snapshot!("today_filter_zh_80x24", t.backend());

    let mut empty = queue_of(&app).clone();
    empty.items.clear();
    update(&mut app, Action::TodayLoaded(Box::new(empty)));
    press(&mut app, KeyCode::Esc);
    let screen = format!("{}", draw(&mut app, 80, 24).backend());
    assert!(screen.contains("今日队列已清空"), "{screen}");
}

#[test]
fn an_empty_store_opens_on_today_with_the_first_step() {
    let mut store = Store::open_in_memory().unwrap();
    let mut app = today_app(&mut store, Lang::En, 24);
    assert_eq!(app.screen, Screen::Today);
    assert!(app.notice.is_none(), "{:?}", app.notice);
    let screen = format!("{}", draw(&mut app, 80, 24).backend());
    assert!(screen.contains("guanhu import customers"), "{screen}");
}

#[test]
fn tier_badges_and_overdue_marks_carry_their_colours() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    let t = draw(&mut app, 120, 40);
    let buffer = t.backend().buffer();
    // A wide character's second cell is blank: compare the row's text without spaces.
    let row_of = |name: &str| {
        (0..40)
            .find(|&y| {
                let text: String = (0..120).map(|x| buffer[(x, y)].symbol()).collect();
                text.replace(' ', "").contains(name)
            })
            .unwrap()
    };
    let cell = |y: u16, text: &str| {
        (0..120)
            .map(|x| &buffer[(x, y)])
            .find(|c| c.symbol() == text)
            .cloned()
            .unwrap()
    };
    // 赵敏 is high-end (magenta); 陈静 quality (blue).
    assert_eq!(cell(row_of("赵敏"), "高").bg, Color::Magenta);
    assert_eq!(cell(row_of("陈静"), "优").bg, Color::Blue);
    // An overdue row's mark is red.
    let overdue = queue_of(&app).items.iter().position(|i| i.overdue).unwrap();
    let name = queue_of(&app).items[overdue].customer_name.clone().unwrap();
    assert_eq!(cell(row_of(&name), "!").fg, Color::Red);
}

#[test]
fn the_clock_tick_rebuilds_the_queue_only_while_it_is_in_view_and_nothing_is_typed() {
    let mut store = sample_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    let later = common::today().and_hms_opt(15, 1, 0).unwrap();
    assert_eq!(
        update(&mut app, Action::Tick(later)),
        vec![Effect::LoadToday]
    );
    assert_eq!(app.ctx.now, later);
    // A popup open: the time moves on, the queue waits.
    press(&mut app, KeyCode::Char('z'));
    assert_eq!(update(&mut app, Action::Tick(later)), vec![]);
    press(&mut app, KeyCode::Esc);
    // Another tab: nothing to rebuild.
    press(&mut app, KeyCode::Char('3'));
    assert!(!update(&mut app, Action::Tick(later)).contains(&Effect::LoadToday));
}

#[test]
fn x_closes_a_months_old_call_back_in_one_key_and_u_takes_it_back() {
    let mut store = sample_store();
    let mut old = guanhu::domain::diary::EntryDraft {
        kind: EntryKind::Call,
        customer_no: Some("C0003".into()),
        occurred_at: d(2026, 8, 3).and_hms_opt(10, 0, 0).unwrap(),
        outcome: Some(Outcome::CallbackRequested),
        note: "客户要求回电".into(),
        follow_up_at: Some(d(2026, 8, 10).and_hms_opt(15, 0, 0).unwrap()),
        sale: None,
        risk_level: None,
    };
    guanhu::service::diary::log_entries(
        &mut store,
        Some("M001"),
        std::slice::from_mut(&mut old),
        common::now(),
    )
    .unwrap();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    let callback = |app: &App| {
        queue_of(app).items.iter().any(|i| {
            i.customer_no.as_deref() == Some("C0003")
                && i.reasons.iter().any(|r| r.code() == ReasonCode::Callback)
        })
    };
    assert!(callback(&app));
    // The row says how old it is and which key closes it.
    let pos = app
        .today_view
        .rows
        .iter()
        .position(|&i| queue_of(&app).items[i].customer_no.as_deref() == Some("C0003"))
        .unwrap();
    app.today_view.cursor = pos;
    run_key(&mut app, &mut store, KeyCode::Char('X'));
    assert!(!callback(&app), "closed");
    assert_eq!(
        app.notice_text().as_deref(),
        Some("已关闭回电：王芳（u 撤销）")
    );
    run_key(&mut app, &mut store, KeyCode::Char('u'));
    assert!(callback(&app), "taken back");
    // On a row without one, X says so and writes nothing.
    app.today_view.cursor = 1;
    if !queue_of(&app).items[app.today_view.rows[1]]
        .reasons
        .iter()
        .any(|r| r.code() == ReasonCode::Callback)
    {
        assert!(press(&mut app, KeyCode::Char('X')).is_empty());
        assert_eq!(app.notice_text().as_deref(), Some("此行没有待回电。"));
    }
}

/// 陈静 texted at 08:30 and called at 08:40 without reaching her; 张伟 reached at 08:45.
fn touched_store() -> Store {
    let mut store = sample_store();
    let at = |h, m| common::today().and_hms_opt(h, m, 0).unwrap();
    let entry = |no: &str, kind, outcome, when, note: &str| guanhu::domain::diary::EntryDraft {
        kind,
        customer_no: Some(no.into()),
        occurred_at: when,
        outcome,
        note: note.into(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    };
    guanhu::service::diary::log_entries(
        &mut store,
        Some("M001"),
        &[
            entry(
                "C0005",
                EntryKind::Sms,
                None,
                at(8, 30),
                "陈姐您好，理财周一到期",
            ),
            entry(
                "C0005",
                EntryKind::Call,
                Some(Outcome::NotReached),
                at(8, 40),
                "",
            ),
            entry(
                "C0001",
                EntryKind::Call,
                Some(Outcome::Reached),
                at(8, 45),
                "问候",
            ),
        ],
        common::now(),
    )
    .unwrap();
    store
}

#[test]
fn rows_say_what_was_done_and_what_is_left_and_the_detail_says_why() {
    let mut store = touched_store();
    for lang in LANGS {
        for (w, h) in [(120, 40), (80, 24)] {
            let mut app = today_app(&mut store, lang, h);
            let t = draw(&mut app, w, h);
            let name = lang_name(lang);
            insta::assert_snapshot!(format!("today_touched_{name}_{w}x{h}"), t.backend());
            let chen = queue_of(&app)
                .items
                .iter()
                .find(|i| i.customer_no.as_deref() == Some("C0005"))
                .unwrap();
            assert_eq!(
                chen.attempt_at,
                Some(common::today().and_hms_opt(8, 40, 0).unwrap())
            );
            assert_eq!(chen.touched.len(), 2);
            // 陈静's row sank after the attempt: the breakdown, then her detail, list every
            // reason and what answered it.
            let pos = app
                .today_view
                .rows
                .iter()
                .position(|&i| queue_of(&app).items[i].customer_no.as_deref() == Some("C0005"))
                .unwrap();
            app.today_view.cursor = pos;
            press(&mut app, KeyCode::Char('i'));
            let t = draw(&mut app, w, h);
            insta::assert_snapshot!(format!("today_why_breakdown_{name}_{w}x{h}"), t.backend());
            press(&mut app, KeyCode::Esc);
            common::press_at(
                &mut app,
                &mut store,
                KeyCode::Enter,
                KeyModifiers::NONE,
                common::now(),
            );
            let t = draw(&mut app, w, h);
            insta::assert_snapshot!(format!("today_why_detail_{name}_{w}x{h}"), t.backend());
        }
    }
}

#[test]
fn a_clock_tick_that_moves_the_selected_row_down_keeps_the_cursor_on_that_customer() {
    let mut store = touched_store();
    let mut app = today_app(&mut store, Lang::Zh, 40);
    // The cursor on 赵敏 (the first customer), then a queue where someone rises above her.
    let zhao = app.today_view.selected().unwrap().customer_no.clone();
    let mut moved = queue_of(&app).clone();
    let first = moved.items.remove(1);
    let last = moved.items.pop().unwrap();
    moved.items.insert(1, last);
    moved.items.insert(2, first);
    update(&mut app, Action::TodayLoaded(Box::new(moved)));
    assert_eq!(app.today_view.selected().unwrap().customer_no, zhao);
    assert_eq!(app.today_view.cursor, 2);
}
