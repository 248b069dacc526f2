//! The Team tab (团队): shown to team leads, branch heads and on the whole store, refused to relationship managers and counter staff; week navigation (`[` `]` `t`), the sort column (`h`/`l`, `r`), the cursor, Enter to a manager's week on the Review tab and Esc back; snapshots in both languages at 120×40 and 80×24 on the hand-built store of `review_store` (W49) with a team lead added.

mod review_store;

use chrono::NaiveDate;
use guanhu::app::keymap::action_for;
use guanhu::app::{Action, App, Effect, Mode, Screen, update};
use guanhu::domain::assignment::Role;
use guanhu::domain::policy::Policy;
use guanhu::domain::review::MetricKey;
use guanhu::i18n::{Lang, T};
use guanhu::store::Store;
use guanhu::store::managers::insert_manager;
use guanhu::tui::{Effects, dispatch};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use review_store::{at, d, today};

/// W49, the week the store was built around (Monday 30 Nov – Sunday 6 Dec).
fn w49() -> NaiveDate {
    d(2026, 11, 30)
}

/// The Monday of the week of `today()` (Thursday 10 Dec): W50.
fn this_monday() -> NaiveDate {
    d(2026, 12, 7)
}

/// The review store (M001 王经理 with three customers and the week's work, M002 赵经理 with
/// one idle customer) and M003 钱组长, a team lead with no customers of their own.
fn team_store() -> Store {
    let store = review_store::review_store();
    insert_manager(
        store.conn(),
        "M003",
        "钱组长",
        Role::TeamLead,
        at(2026, 1, 5, 9),
    )
    .unwrap();
    store
}

/// An app opened on `manager` with `role` (as `run_app` reads it from the store).
fn app_for(manager: Option<&str>, role: Option<Role>, lang: Lang) -> App {
    let mut app = App::new(
        lang,
        today(),
        Policy::default_policy(),
        manager.map(str::to_string),
        "/home/lead/guanhu.db".into(),
    );
    app.ctx.role = role;
    update(&mut app, Action::Resize(120, 40));
    app
}

fn lead(lang: Lang) -> App {
    app_for(Some("M003"), Some(Role::TeamLead), lang)
}

/// A key through the keymap and `update` alone: the effects it asks for.
fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    match action_for(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

/// A key through the keymap and the real driver on `store`.
fn press(app: &mut App, store: &mut Store, code: KeyCode) {
    let policy = Policy::default_policy();
    let mut effects = Effects {
        store,
        policy: &policy,
        today: today(),
    };
    if let Some(action) = action_for(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        dispatch(app, &mut effects, action);
    }
}

/// The lead's app on the Team tab showing W49, loaded from the store.
fn board_w49(store: &mut Store, lang: Lang) -> App {
    let mut app = lead(lang);
    press(&mut app, store, KeyCode::Char('6'));
    press(&mut app, store, KeyCode::Char('['));
    assert_eq!(app.screen, Screen::Team);
    assert_eq!(app.team.shown(app.ctx.today).unwrap().week, "2026-W49");
    app
}

fn order(app: &App) -> Vec<&str> {
    app.team
        .board
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .map(|r| r.manager_no.as_str())
        .collect()
}

fn selected(app: &App) -> &str {
    app.team.selected().unwrap().manager_no.as_str()
}

#[test]
fn hidden_from_relationship_managers_and_counter_staff() {
    for role in [
        Some(Role::RelationshipManager),
        Some(Role::CounterStaff),
        // A manager whose role the store does not say is no lead either.
        None,
    ] {
        let mut app = app_for(Some("M001"), role, Lang::Zh);
        assert!(!app.team_visible());
        assert!(!app.tabs().contains(&Screen::Team));
        assert!(key(&mut app, KeyCode::Char('6')).is_empty());
        assert_eq!(app.screen, Screen::Today, "{role:?}");
        assert_eq!(
            app.notice_text().as_deref(),
            Some(T::TmForLeads.get(Lang::Zh))
        );
        // Tab from the last shown tab wraps to the first, never onto the Team tab.
        update(&mut app, Action::GoTo(Screen::Review));
        key(&mut app, KeyCode::Tab);
        assert_eq!(app.screen, Screen::Today);
        key(&mut app, KeyCode::BackTab);
        assert_eq!(app.screen, Screen::Review);
        // The command line refuses as politely.
        key(&mut app, KeyCode::Char(':'));
        for c in "team".chars() {
            key(&mut app, KeyCode::Char(c));
        }
        assert!(key(&mut app, KeyCode::Enter).is_empty());
        assert_eq!(app.screen, Screen::Review);
        assert!(app.notice.is_some());
    }
}

#[test]
fn shown_to_leads_branch_heads_and_on_the_whole_store() {
    for (manager, role) in [
        (Some("M003"), Some(Role::TeamLead)),
        (Some("M003"), Some(Role::BranchHead)),
        (None, None),
    ] {
        let mut app = app_for(manager, role, Lang::En);
        assert_eq!(app.tabs().last(), Some(&Screen::Team));
        assert_eq!(
            key(&mut app, KeyCode::Char('6')),
            vec![Effect::LoadTeam(this_monday())]
        );
        assert_eq!(app.screen, Screen::Team);
        // Tab from the Review tab reaches it; from it, Tab wraps to Today.
        update(&mut app, Action::GoTo(Screen::Review));
        key(&mut app, KeyCode::Tab);
        assert_eq!(app.screen, Screen::Team);
        key(&mut app, KeyCode::Tab);
        assert_eq!(app.screen, Screen::Today);
    }
}

#[test]
fn brackets_and_t_move_by_weeks() {
    let mut app = lead(Lang::Zh);
    assert_eq!(
        key(&mut app, KeyCode::Char('6')),
        vec![Effect::LoadTeam(this_monday())]
    );
    assert_eq!(
        key(&mut app, KeyCode::Char('[')),
        vec![Effect::LoadTeam(w49())]
    );
    // A full-width 【 from a Chinese input method moves too.
    assert_eq!(
        key(&mut app, KeyCode::Char('【')),
        vec![Effect::LoadTeam(d(2026, 11, 23))]
    );
    assert_eq!(
        key(&mut app, KeyCode::Char(']')),
        vec![Effect::LoadTeam(w49())]
    );
    assert_eq!(
        key(&mut app, KeyCode::Char('t')),
        vec![Effect::LoadTeam(this_monday())]
    );
    // Across the year end: ISO week 1 of 2027 starts on Monday 2027-01-04.
    app.team.day = Some(d(2026, 12, 30));
    assert_eq!(
        key(&mut app, KeyCode::Char(']')),
        vec![Effect::LoadTeam(d(2027, 1, 4))]
    );
    // Quick-log keys mean nothing here: `s` logs no SMS, `r` reverses the sort.
    assert!(key(&mut app, KeyCode::Char('s')).is_empty());
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.form.is_none());
}

#[test]
fn the_board_is_loaded_once_a_week_and_again_after_a_write() {
    let mut store = team_store();
    let mut app = board_w49(&mut store, Lang::Zh);
    // Back on the tab, the same week is still fresh: nothing to load.
    key(&mut app, KeyCode::Char('1'));
    assert!(key(&mut app, KeyCode::Char('6')).is_empty());
    // A week seen before comes back at once, without the store.
    press(&mut app, &mut store, KeyCode::Char(']'));
    assert_eq!(app.team.shown(app.ctx.today).unwrap().week, "2026-W50");
    assert!(key(&mut app, KeyCode::Char('[')).is_empty());
    assert_eq!(app.team.shown(app.ctx.today).unwrap().week, "2026-W49");
    assert!(key(&mut app, KeyCode::Char(']')).is_empty());
    assert!(key(&mut app, KeyCode::Char('[')).is_empty());
    // A write anywhere may change the figures: the tab loads again when next opened.
    key(&mut app, KeyCode::Char('1'));
    update(&mut app, Action::EntriesSaved(vec![1]));
    assert_eq!(
        key(&mut app, KeyCode::Char('6')),
        vec![Effect::LoadTeam(w49())]
    );
    // And every other week loaded before with it.
    assert_eq!(
        key(&mut app, KeyCode::Char(']')),
        vec![Effect::LoadTeam(this_monday())]
    );
}

#[test]
fn the_sort_column_moves_and_reverses_and_the_cursor_keeps_its_manager() {
    let mut store = team_store();
    let mut app = board_w49(&mut store, Lang::Zh);
    // SMS coverage, best first: M001 2 of 3 (66.7%), M002 0 of 1, M003 no customers (no
    // figure, so last).
    assert_eq!(
        app.team.sort_key().map(MetricKey::as_str),
        Some("sms_coverage")
    );
    assert_eq!(order(&app), ["M001", "M002", "M003"]);
    // `r`: worst first; the blank stays last.
    assert!(key(&mut app, KeyCode::Char('r')).is_empty());
    assert_eq!(order(&app), ["M002", "M001", "M003"]);
    // `h` onto the staff number (ascending), again onto the last column (wrapping):
    // AUM change, M001 +100,000 first. Moving the column starts best first again.
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(app.team.sort_key(), None);
    assert!(!app.team.reversed);
    assert_eq!(order(&app), ["M001", "M002", "M003"]);
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(order(&app), ["M003", "M002", "M001"]);
    key(&mut app, KeyCode::Left);
    assert_eq!(
        app.team.sort_key().map(MetricKey::as_str),
        Some("aum_change")
    );
    assert_eq!(order(&app)[0], "M001");
    // `l` twice (and → once more): back round to the staff number, then SMS coverage.
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.team.sort_key(), None);
    key(&mut app, KeyCode::Right);
    assert_eq!(
        app.team.sort_key().map(MetricKey::as_str),
        Some("sms_coverage")
    );
    // The cursor follows its manager through a re-sort.
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(selected(&app), "M002");
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(order(&app), ["M002", "M001", "M003"]);
    assert_eq!(selected(&app), "M002");
    assert_eq!(app.team.cursor, 0);
}

#[test]
fn j_k_g_move_the_cursor_within_the_rows() {
    let mut store = team_store();
    let mut app = board_w49(&mut store, Lang::En);
    assert_eq!(app.team.cursor, 0);
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(app.team.cursor, 0, "no row above the first");
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.team.cursor, 2, "the total row is not selectable");
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.team.cursor, 0);
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(selected(&app), "M003");
    key(&mut app, KeyCode::Up);
    assert_eq!(app.team.cursor, 1);
    // Another week keeps the cursor on the same manager.
    press(&mut app, &mut store, KeyCode::Char(']'));
    assert_eq!(app.team.shown(app.ctx.today).unwrap().week, "2026-W50");
    assert_eq!(app.team.cursor, 1);
}

#[test]
fn enter_opens_the_managers_week_on_the_review_tab_and_esc_comes_back() {
    let mut store = team_store();
    let mut app = board_w49(&mut store, Lang::Zh);
    assert_eq!(selected(&app), "M001");
    let effects = key(&mut app, KeyCode::Enter);
    assert_eq!(effects, vec![Effect::LoadReview(w49())]);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.review_manager.as_deref(), Some("M001"));
    assert!(app.notice_text().as_deref().unwrap().contains("王经理"));
    // Carried out by the real driver: M001's week, not the lead's.
    let policy = Policy::default_policy();
    let mut driver = Effects {
        store: &mut store,
        policy: &policy,
        today: today(),
    };
    let answer = driver.run(effects[0].clone(), &app);
    update(&mut app, answer);
    let data = app.review.data.as_ref().expect("M001's week");
    assert_eq!(
        (data.manager_no.as_str(), data.week.as_str()),
        ("M001", "2026-W49")
    );
    assert!(data.reflection.is_some(), "M001 wrote one for W49");
    // The reflection is M001's to write: `e` only says so.
    key(&mut app, KeyCode::Char('e'));
    assert!(app.review.editor.is_none());
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(
        app.notice_text().as_deref(),
        Some(T::TmReadOnly.get(Lang::Zh))
    );
    // The footer offers the way back, not the editor.
    let footer: Vec<&str> = guanhu::app::keymap::footer_bindings(&app)
        .iter()
        .map(|b| b.label)
        .collect();
    assert!(footer.contains(&"Esc"), "{footer:?}");
    assert!(!footer.contains(&"e Enter"), "{footer:?}");
    // Weeks still move, for M001.
    assert_eq!(
        key(&mut app, KeyCode::Char('[')),
        vec![Effect::LoadReview(d(2026, 11, 23))]
    );
    // Esc: back on the board, which is still loaded.
    assert!(key(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.screen, Screen::Team);
    assert!(app.review_manager.is_none());
    // The Review tab itself is the lead's own week again.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.review_manager.as_deref(), Some("M001"));
    key(&mut app, KeyCode::Char('5'));
    assert!(app.review_manager.is_none());
    assert!(
        app.review.data.is_none(),
        "M001's figures are not the lead's"
    );
}

#[test]
fn enter_on_the_leads_own_row_is_their_own_editable_week() {
    let mut store = team_store();
    let mut app = board_w49(&mut store, Lang::Zh);
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(selected(&app), "M003");
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        vec![Effect::LoadReview(w49())]
    );
    assert!(app.review_manager.is_none());
    assert!(app.notice.is_none());
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| guanhu::ui::render(f, app)).unwrap();
    terminal
}

fn screen_text(t: &Terminal<TestBackend>) -> String {
    t.backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect()
}

#[test]
fn snapshots_in_both_languages_and_sizes() {
    let mut store = team_store();
    for lang in [Lang::Zh, Lang::En] {
        let name = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        for (w, h) in [(120, 40), (80, 24)] {
            let mut app = board_w49(&mut store, lang);
            key(&mut app, KeyCode::Char('j'));
            let t = draw(&mut app, w, h);
            insta::assert_snapshot!(format!("team_{name}_{w}x{h}"), t.backend());
        }
        // Sorted by the last column at the small size: the columns scroll to show it.
        let mut app = board_w49(&mut store, lang);
        key(&mut app, KeyCode::Char('h'));
        key(&mut app, KeyCode::Char('h'));
        let t = draw(&mut app, 80, 24);
        insta::assert_snapshot!(format!("team_scrolled_{name}_80x24"), t.backend());
    }
}

#[test]
fn the_tab_bar_shows_team_to_leads_only() {
    let mut store = team_store();
    let mut app = board_w49(&mut store, Lang::Zh);
    assert!(
        screen_text(&draw(&mut app, 80, 24)).contains("6 团"),
        "wide characters fill two cells"
    );
    let mut rm = app_for(Some("M001"), Some(Role::RelationshipManager), Lang::Zh);
    assert!(!screen_text(&draw(&mut rm, 80, 24)).contains("6 团"));
}

/// The `?` help lists the Team keys to those who have the tab, and only to them.
#[test]
fn the_help_lists_the_team_keys_to_leads_only() {
    for lang in [Lang::Zh, Lang::En] {
        // Compared without spaces: the screen text pads wide characters.
        let squeeze = |t: &str| t.replace(' ', "");
        let sort_key = squeeze(T::KeySortColumn.get(lang));
        let mut lead = lead(lang);
        update(&mut lead, Action::ToggleHelp);
        let text = squeeze(&screen_text(&draw(&mut lead, 120, 40)));
        assert!(text.contains(&sort_key), "{text}");
        assert!(text.contains("1-6Tab"), "{text}");
        let mut rm = app_for(Some("M001"), Some(Role::RelationshipManager), lang);
        update(&mut rm, Action::ToggleHelp);
        let text = squeeze(&screen_text(&draw(&mut rm, 120, 40)));
        assert!(
            !text.contains(&sort_key) && text.contains("1-5Tab"),
            "{text}"
        );
    }
}

#[test]
fn missed_targets_stand_out_in_the_warning_colour() {
    use ratatui::style::Color;
    let mut store = team_store();
    let mut app = board_w49(&mut store, Lang::En);
    let t = draw(&mut app, 120, 40);
    let buffer = t.backend().buffer();
    let line = |y: u16| -> String { (0..120).map(|x| buffer[(x, y)].symbol()).collect() };
    let row = (0..40).find(|y| line(*y).contains("M001")).unwrap();
    let col = line(row).find("66.7%").unwrap() as u16;
    // SMS to 2 of 3 against a target of every customer: missed.
    assert_eq!(buffer[(col, row)].fg, Color::Red);
    // A manager without customers has no figure to miss.
    let idle = (0..40).find(|y| line(*y).contains("M003")).unwrap();
    assert!((0..120).all(|x| buffer[(x, idle)].fg != Color::Red));
}

#[test]
fn tiny_terminals_do_not_panic() {
    let mut store = team_store();
    let mut app = board_w49(&mut store, Lang::Zh);
    for (w, h) in [(1, 1), (10, 3), (30, 8), (60, 12)] {
        draw(&mut app, w, h);
    }
    // Loading and failed states too.
    let mut fresh = lead(Lang::En);
    key(&mut fresh, KeyCode::Char('6'));
    assert!(screen_text(&draw(&mut fresh, 80, 24)).contains("Working out"));
    update(&mut fresh, Action::Failed("disk".into()));
    assert!(fresh.team.failed);
    assert!(!screen_text(&draw(&mut fresh, 80, 24)).contains("Working out"));
}

#[test]
fn the_role_that_opens_the_tab_is_read_from_the_store() {
    use guanhu::service::board::manager_role;
    let store = team_store();
    assert_eq!(manager_role(&store, "M003").unwrap(), Some(Role::TeamLead));
    assert_eq!(
        manager_role(&store, "M001").unwrap(),
        Some(Role::RelationshipManager),
        "imported managers manage customers"
    );
    assert_eq!(manager_role(&store, "M999").unwrap(), None);
}

#[test]
fn a_long_team_scrolls_to_keep_the_cursor_on_screen() {
    let mut store = team_store();
    for i in 10..40 {
        insert_manager(
            store.conn(),
            &format!("M0{i}"),
            "新人",
            Role::RelationshipManager,
            at(2026, 1, 5, 9),
        )
        .unwrap();
    }
    let mut app = board_w49(&mut store, Lang::En);
    assert_eq!(app.team.board.as_ref().unwrap().rows.len(), 33);
    key(&mut app, KeyCode::Char('G'));
    let text = screen_text(&draw(&mut app, 80, 24));
    assert!(text.contains("M039"), "the last row, selected, is shown");
    assert!(!text.contains("M001"), "the first rows scrolled away");
    assert!(text.contains("Team "), "the total row stays under the rows");
    key(&mut app, KeyCode::Char('g'));
    assert!(screen_text(&draw(&mut app, 80, 24)).contains("M001"));
}

/// A week asked for from the editor that fails to load must not open the editor later on
/// another manager's week (where Ctrl-s would have written their reflection); and a save
/// always goes to the manager the editor was opened for.
#[test]
fn a_failed_load_from_the_editor_never_opens_another_managers_reflection() {
    let mut store = team_store();
    let mut app = lead(Lang::Zh);
    // The lead's own week, loaded, then editing; PgUp asks for the week before.
    press(&mut app, &mut store, KeyCode::Char('5'));
    press(&mut app, &mut store, KeyCode::Char('['));
    key(&mut app, KeyCode::Char('e'));
    assert!(app.review.editor.is_some());
    assert_eq!(app.review.editor.as_ref().unwrap().manager_no, "M003");
    let asked = key(&mut app, KeyCode::PageUp);
    assert!(
        matches!(asked.as_slice(), [Effect::LoadReview(_)]),
        "{asked:?}"
    );
    // That load fails (the store was busy).
    update(&mut app, Action::Failed("database is locked".into()));
    // On the Team tab, Enter on M001's row loads M001's week: no editor opens on it.
    press(&mut app, &mut store, KeyCode::Char('6'));
    press(&mut app, &mut store, KeyCode::Char('['));
    assert_eq!(selected(&app), "M001");
    press(&mut app, &mut store, KeyCode::Enter);
    assert_eq!(app.review.data.as_ref().unwrap().manager_no, "M001");
    assert!(app.review.editor.is_none());
    assert_eq!(app.mode, Mode::Normal);
    // Ctrl-s does nothing here, and M001's reflection is as M001 wrote it.
    let before = guanhu::service::review::load_reflection(&store, "M001", w49()).unwrap();
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    if let Some(action) = action_for(&app, ctrl_s) {
        assert!(update(&mut app, action).is_empty());
    }
    assert_eq!(
        guanhu::service::review::load_reflection(&store, "M001", w49()).unwrap(),
        before
    );
}
