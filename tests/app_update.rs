//! `update` tests: navigation, folding, search (pinyin initials too), filters, opening a customer, keys from a Chinese input method.

mod common;

use common::{sample_app, sample_store};
use guanhu::app::keymap::action_for;
use guanhu::app::tabs::customers::{GroupKey, TreeRow};
use guanhu::app::{Action, App, Effect, Mode, Screen, update};
use guanhu::domain::classify::{AgeSegment, Lifecycle};
use guanhu::domain::customer::Preference;
use guanhu::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let action = action_for(app, KeyEvent::new(code, KeyModifiers::NONE));
    match action {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn selected_name(app: &App) -> Option<String> {
    app.customers
        .selected_customer()
        .map(|s| s.customer.name.clone())
}

fn visible_names(app: &App) -> Vec<String> {
    app.customers
        .rows
        .iter()
        .filter_map(|r| match r {
            TreeRow::Customer(i) => Some(app.customers.all[*i].customer.name.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_tree_groups_tier_then_segment_highest_tier_first() {
    let mut store = sample_store();
    let app = sample_app(&mut store, Lang::Zh, 40);
    let groups: Vec<GroupKey> = app
        .customers
        .rows
        .iter()
        .filter_map(|r| match r {
            TreeRow::Group { key, .. } => Some(*key),
            _ => None,
        })
        .collect();
    use AgeSegment::*;
    use Preference::*;
    assert_eq!(
        groups,
        vec![
            GroupKey::Tier(3),
            GroupKey::Segment(3, Senior, Investment),
            GroupKey::Tier(2),
            GroupKey::Segment(2, Young, Investment),
            GroupKey::Segment(2, Senior, Investment),
            GroupKey::Segment(2, Senior, Savings),
            GroupKey::Tier(1),
            GroupKey::Segment(1, Young, Investment),
            GroupKey::Segment(1, Senior, Investment),
            GroupKey::Segment(1, Senior, Savings),
            GroupKey::Tier(0),
            GroupKey::Segment(0, Young, Investment),
            GroupKey::Segment(0, Young, Savings),
            GroupKey::Segment(0, Senior, Savings),
        ]
    );
    // Counts and AUM totals of the tier groups: 赵敏 4.5M; 陈静 700k + 杨磊 600k + 曾小华 2.3M.
    let tier_rows: Vec<(usize, String)> = app
        .customers
        .rows
        .iter()
        .filter_map(|r| match r {
            TreeRow::Group {
                key: GroupKey::Tier(_),
                count,
                aum,
                ..
            } => Some((*count, aum.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(
        tier_rows,
        vec![
            (1, "4500000".to_string()),
            (3, "3600000".to_string()),
            (3, "475000".to_string()),
            (3, "80000".to_string()),
        ]
    );
}

#[test]
fn navigation_moves_and_clamps() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    assert_eq!(app.customers.cursor, 0);
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(app.customers.cursor, 0, "clamped at the top");
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Down);
    assert_eq!(selected_name(&app).as_deref(), Some("赵敏"));
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.customers.cursor, app.customers.rows.len() - 1);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.customers.cursor,
        app.customers.rows.len() - 1,
        "clamped at the bottom"
    );
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.customers.cursor, 0);
    let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
    let a = action_for(&app, ctrl_d).unwrap();
    assert_eq!(a, Action::HalfPageDown);
    update(&mut app, a);
    // 40 lines minus 6 of chrome = 34; half is 17.
    assert_eq!(app.customers.cursor, 17.min(app.customers.rows.len() - 1));
}

#[test]
fn a_small_window_scrolls_to_keep_the_cursor_visible() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 12); // 6 list lines
    for _ in 0..10 {
        key(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(app.customers.cursor, 10);
    assert_eq!(app.customers.offset, 5);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.customers.cursor, 4);
    assert_eq!(app.customers.offset, 4);
}

#[test]
fn groups_fold_and_unfold() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    let all = app.customers.rows.len();
    // Enter on the high tier header folds it: its segment and customer disappear.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.customers.rows.len(), all - 2);
    assert!(matches!(
        app.customers.rows[0],
        TreeRow::Group {
            collapsed: true,
            ..
        }
    ));
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.customers.rows.len(), all);
    // On a customer, `h` goes to its segment header, `h` again folds it, Space unfolds it.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_name(&app).as_deref(), Some("赵敏"));
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(app.customers.cursor, 1);
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(app.customers.rows.len(), all - 1);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.customers.rows.len(), all);
    // `z` folds every tier, and again unfolds all.
    key(&mut app, KeyCode::Char('z'));
    assert_eq!(app.customers.rows.len(), 4);
    key(&mut app, KeyCode::Char('z'));
    assert_eq!(app.customers.rows.len(), all);
}

#[test]
fn search_matches_pinyin_initials_name_phone_tail_and_number() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode, Mode::Search);
    type_text(&mut app, "zw");
    assert_eq!(visible_names(&app), vec!["张伟"]);
    assert_eq!(
        selected_name(&app).as_deref(),
        Some("张伟"),
        "cursor on the first hit"
    );
    // Enter leaves the search applied; Enter again opens the customer.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Normal);
    let effects = key(&mut app, KeyCode::Enter);
    assert_eq!(effects, vec![Effect::LoadDetail("C0001".into())]);
    // Esc clears the search.
    key(&mut app, KeyCode::Esc);
    assert_eq!(visible_names(&app).len(), 10);

    let cases = [
        ("zxh", vec!["曾小华"]), // polyphonic surname, zeng reading
        ("cxh", vec!["曾小华"]), // and the ceng reading
        ("wangfang", vec!["王芳"]),
        ("李", vec!["李娜"]),
        ("5678", vec!["张伟"]),  // phone tail
        ("c0004", vec!["刘洋"]), // customer number
        ("qqq", vec![]),
    ];
    for (query, want) in cases {
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, query);
        assert_eq!(visible_names(&app), want, "query {query}");
        key(&mut app, KeyCode::Esc);
        assert!(app.customers.query.is_empty());
    }
}

#[test]
fn backspace_widens_the_search() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zj");
    assert_eq!(visible_names(&app), vec!["周杰"]);
    key(&mut app, KeyCode::Backspace);
    // "z" is the initial of zhao, zeng, zhou and zhang.
    assert_eq!(visible_names(&app), vec!["赵敏", "曾小华", "周杰", "张伟"]);
}

#[test]
fn filters_cycle_and_combine() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, KeyCode::Char('f'));
    assert_eq!(app.mode, Mode::Filter);
    // First `t` picks the highest tier.
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.customers.filter.tier, Some(3));
    assert_eq!(visible_names(&app), vec!["赵敏"]);
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.customers.filter.tier, Some(2));
    // Add young: only 杨磊 is a young quality customer.
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.customers.filter.age, Some(AgeSegment::Young));
    assert_eq!(visible_names(&app), vec!["杨磊"]);
    key(&mut app, KeyCode::Char('x'));
    assert!(app.customers.filter.is_empty());
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.customers.filter.lifecycle, Some(Lifecycle::Prospect));
    assert_eq!(visible_names(&app), vec!["黄晓明"]);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.customers.filter.tag.as_deref(), Some("代发工资"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(visible_names(&app), vec!["曾小华", "周杰", "刘洋", "张伟"]);
    key(&mut app, KeyCode::Esc);
    assert_eq!(visible_names(&app).len(), 10);
}

#[test]
fn opening_and_closing_a_customer() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    let effects = key(&mut app, KeyCode::Enter);
    assert_eq!(effects, vec![Effect::LoadDetail("C0008".into())]);
    let detail =
        guanhu::service::load_customer_detail(&store, &app.ctx.policy, common::today(), "C0008")
            .unwrap();
    update(&mut app, Action::DetailLoaded(Box::new(detail)));
    assert!(app.detail.is_some());
    key(&mut app, KeyCode::Char('p'));
    assert!(app.detail.as_ref().unwrap().revealed);
    key(&mut app, KeyCode::Esc);
    assert!(app.detail.is_none());
    assert_eq!(
        selected_name(&app).as_deref(),
        Some("赵敏"),
        "back where we were"
    );
}

#[test]
fn tabs_help_command_line_and_quit() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(app.screen, Screen::Today);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.screen, Screen::Customers);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.screen, Screen::Review);
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode, Mode::Help);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Normal);
    key(&mut app, KeyCode::Char(':'));
    type_text(&mut app, "customers");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Customers);
    key(&mut app, KeyCode::Char(':'));
    type_text(&mut app, "lang en");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.ctx.lang, Lang::En);
    key(&mut app, KeyCode::Char(':'));
    type_text(&mut app, "frobnicate");
    key(&mut app, KeyCode::Enter);
    assert!(app.notice_text().as_deref().unwrap().contains("frobnicate"));
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn full_width_keys_from_a_chinese_input_method_work() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    key(&mut app, KeyCode::Char('ｊ'));
    assert_eq!(app.customers.cursor, 1);
    key(&mut app, KeyCode::Char('？'));
    assert_eq!(app.mode, Mode::Help);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('／'));
    assert_eq!(app.mode, Mode::Search);
    type_text(&mut app, "ｚｗ");
    assert_eq!(visible_names(&app), vec!["张伟"]);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('：'));
    assert_eq!(app.mode, Mode::Command);
}

#[test]
fn a_failed_effect_becomes_a_message() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::En, 40);
    update(&mut app, Action::Failed("disk full".into()));
    assert_eq!(app.notice_text().as_deref(), Some("Error: disk full"));
}

#[test]
fn only_key_presses_count() {
    let mut store = sample_store();
    let app = sample_app(&mut store, Lang::Zh, 40);
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = ratatui::crossterm::event::KeyEventKind::Release;
    assert_eq!(action_for(&app, release), None);
}

#[test]
fn the_message_line_follows_the_language_on_screen() {
    let mut store = sample_store();
    let mut app = sample_app(&mut store, Lang::Zh, 40);
    let failure = guanhu::app::notice::Failure::of(&guanhu::error::Error::NoSuchEntry(7));
    update(&mut app, Action::Failed(failure));
    let zh = app.notice_text().unwrap();
    // `:lang en` is data in the model: the same notice, now worded in English.
    app.ctx.lang = Lang::En;
    let en = app.notice_text().unwrap();
    assert_ne!(zh, en);
    assert!(!zh.is_ascii(), "{zh}");
    assert!(en.is_ascii(), "{en}");
}
