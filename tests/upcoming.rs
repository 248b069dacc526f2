//! The Upcoming view (今日预约) and the Diary's follow-ups due, on the in-memory sample store:
//! a follow-up is listed until an entry the policy's `[answers] callback` accepts answers it
//! (after the entry that set it, at or after its time less the lead); a call not reached
//! answers nothing; a memo reminder without a customer stays until deleted or a day past; the
//! view covers today and the next seven days. The view opened with `a` on Today, its keys,
//! and its snapshots in both languages.

mod common;

use chrono::{Duration, NaiveDateTime};
use common::{d, sample_store, today};
use guanhu::app::{App, Mode, Screen};
use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome};
use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::service::diary::{delete_entries, load_day, log_entries};
use guanhu::service::upcoming::load_upcoming;
use guanhu::store::Store;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const M: Option<&str> = Some("M001");

/// `today` (2026-11-24) plus `days`, at `h:m`.
fn at(days: i64, h: u32, m: u32) -> NaiveDateTime {
    (today() + Duration::days(days))
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn entry(
    kind: EntryKind,
    customer: Option<&str>,
    when: NaiveDateTime,
    outcome: Option<Outcome>,
    follow_up: Option<NaiveDateTime>,
    note: &str,
) -> EntryDraft {
    EntryDraft {
        kind,
        customer_no: customer.map(str::to_string),
        occurred_at: when,
        outcome,
        note: note.into(),
        follow_up_at: follow_up,
        sale: None,
        risk_level: None,
    }
}

fn log(store: &mut Store, draft: EntryDraft) -> i64 {
    log_entries(store, M, &[draft], at(0, 8, 0)).unwrap()[0]
}

/// A not-reached call setting a call-back.
fn callback(store: &mut Store, customer: &str, when: NaiveDateTime, due: NaiveDateTime) -> i64 {
    let note = format!("{customer} 回电");
    let draft = entry(
        EntryKind::Call,
        Some(customer),
        when,
        Some(Outcome::NotReached),
        Some(due),
        &note,
    );
    log(store, draft)
}

fn call(store: &mut Store, customer: &str, when: NaiveDateTime, outcome: Outcome) -> i64 {
    log(
        store,
        entry(
            EntryKind::Call,
            Some(customer),
            when,
            Some(outcome),
            None,
            "再打",
        ),
    )
}

fn notes(store: &Store, policy: &Policy, now: NaiveDateTime) -> Vec<String> {
    load_upcoming(store, policy, now, M)
        .unwrap()
        .into_iter()
        .map(|e| e.draft.note)
        .collect()
}

/// The sample store with: C0001 due today 15:00, C0002 tomorrow, C0003 in eight days, C0004
/// due 09:00 and reached at 09:30, C0005 due 09:30 and followed only by a call not reached,
/// a memo reminder the day after tomorrow, one from last night and one from two days ago, and
/// a deleted one.
fn book() -> Store {
    let mut store = sample_store();
    callback(&mut store, "C0001", at(0, 8, 10), at(0, 15, 0));
    callback(&mut store, "C0002", at(0, 8, 20), at(1, 10, 0));
    callback(&mut store, "C0003", at(0, 8, 30), at(8, 10, 0));
    callback(&mut store, "C0004", at(0, 8, 40), at(0, 9, 0));
    call(&mut store, "C0004", at(0, 9, 30), Outcome::Reached);
    callback(&mut store, "C0005", at(0, 8, 50), at(0, 9, 30));
    call(&mut store, "C0005", at(0, 9, 45), Outcome::NotReached);
    let memo = |note: &str, when, due| entry(EntryKind::Memo, None, when, None, Some(due), note);
    log(&mut store, memo("备忘 周四", at(0, 8, 55), at(2, 9, 0)));
    log(&mut store, memo("备忘 昨晚", at(-1, 18, 0), at(-1, 20, 0)));
    log(&mut store, memo("备忘 前天", at(-2, 18, 0), at(-2, 20, 0)));
    let gone = log(&mut store, memo("备忘 已删", at(0, 8, 56), at(3, 9, 0)));
    delete_entries(&mut store, &[gone], "delete", at(0, 9, 0)).unwrap();
    store
}

#[test]
fn the_view_lists_the_open_follow_ups_of_today_and_the_next_seven_days_in_time_order() {
    let store = book();
    let policy = Policy::default_policy();
    assert_eq!(
        notes(&store, &policy, at(0, 10, 0)),
        [
            // Last night's memo is less than a day past: still a reminder.
            "备忘 昨晚",
            // Only a call that did not reach C0005 came after: still open, past due.
            "C0005 回电",
            "C0001 回电",
            "C0002 回电",
            "备忘 周四",
        ]
    );
    // In eight days is beyond the view; C0004 was reached after its time; the memo from two
    // days ago is more than a day past; the deleted one is gone.
    let entries = load_upcoming(&store, &policy, at(0, 10, 0), M).unwrap();
    let c0001 = &entries[2];
    assert_eq!(c0001.customer_name.as_deref(), Some("张伟"));
    assert_eq!(c0001.draft.kind, EntryKind::Call);
    assert_eq!(c0001.draft.follow_up_at, Some(at(0, 15, 0)));
    assert_eq!(entries[0].customer_name, None);
    // A day later last night's memo has gone, and the eighth day has come into the view.
    let later = notes(&store, &policy, at(1, 10, 0));
    assert!(!later.contains(&"备忘 昨晚".to_string()), "{later:?}");
    assert!(later.contains(&"C0003 回电".to_string()), "{later:?}");
}

#[test]
fn a_reached_call_answers_only_at_or_after_the_time_less_the_lead() {
    let mut store = book();
    let policy = Policy::default_policy();
    // Reached at 14:45, before the 15:00 call-back: with no lead it does not answer it.
    call(&mut store, "C0001", at(0, 14, 45), Outcome::Reached);
    let now = at(0, 16, 0);
    assert!(notes(&store, &policy, now).contains(&"C0001 回电".to_string()));
    // With a 30-minute lead, it does.
    let early = Policy::from_toml(&["[queue]\ncallback_lead_minutes = 30\n"]).unwrap();
    assert!(!notes(&store, &early, now).contains(&"C0001 回电".to_string()));
    // A WeChat call reached at 15:00 answers it under the default policy too.
    let wechat = entry(
        EntryKind::Wechat,
        Some("C0001"),
        at(0, 15, 0),
        Some(Outcome::Reached),
        None,
        "微信语音",
    );
    log(&mut store, wechat);
    assert!(!notes(&store, &policy, now).contains(&"C0001 回电".to_string()));
}

#[test]
fn the_whole_store_lists_the_same_and_an_unknown_manager_is_refused() {
    let store = book();
    let policy = Policy::default_policy();
    let all = load_upcoming(&store, &policy, at(0, 10, 0), None).unwrap();
    assert_eq!(all.len(), 5);
    assert!(load_upcoming(&store, &policy, at(0, 10, 0), Some("M404")).is_err());
}

#[test]
fn the_diary_no_longer_lists_a_follow_up_once_it_is_answered() {
    let mut store = book();
    let policy = Policy::default_policy();
    let due = |store: &Store| -> Vec<String> {
        load_day(store, &policy, M, today())
            .unwrap()
            .follow_ups
            .into_iter()
            .map(|e| e.draft.note)
            .collect()
    };
    // C0004 was reached at 09:30 after its 09:00 call-back; C0005 only not reached.
    assert_eq!(due(&store), ["C0005 回电", "C0001 回电"]);
    // A visit to C0001 after 15:00 answers the call-back: the Diary stops listing it.
    let visit = entry(
        EntryKind::Visit,
        Some("C0001"),
        at(0, 15, 20),
        None,
        None,
        "上门",
    );
    let id = log(&mut store, visit);
    assert_eq!(due(&store), ["C0005 回电"]);
    // Deleting the visit brings it back.
    delete_entries(&mut store, &[id], "delete", at(0, 16, 0)).unwrap();
    assert_eq!(due(&store), ["C0005 回电", "C0001 回电"]);
    // A memo's reminder is listed on its day: nothing answers a memo.
    let thursday = load_day(&store, &policy, M, d(2026, 11, 26)).unwrap();
    assert_eq!(thursday.follow_ups.len(), 1);
    assert_eq!(thursday.follow_ups[0].draft.note, "备忘 周四");
}

/// A key at 10:00 on the sample day.
fn key(app: &mut App, store: &mut Store, code: KeyCode) {
    common::press_at(app, store, code, KeyModifiers::NONE, at(0, 10, 0));
}

#[test]
fn a_on_today_opens_the_view_enter_opens_the_customer_and_esc_closes_it() {
    let mut store = book();
    let mut app = common::today_app(&mut store, Lang::Zh, 40);
    assert_eq!(app.screen, Screen::Today);
    key(&mut app, &mut store, KeyCode::Char('a'));
    assert_eq!(app.mode, Mode::Popup);
    let view = app.today_view.upcoming.as_ref().expect("the view is open");
    assert_eq!(view.entries().len(), 5);
    // Down past last night's memo to C0005's call-back, and open 陈静.
    key(&mut app, &mut store, KeyCode::Char('j'));
    key(&mut app, &mut store, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.today_view.upcoming.is_none());
    let detail = app.detail.as_ref().expect("the customer opened");
    assert_eq!(detail.detail.summary.customer.customer_no, "C0005");
    key(&mut app, &mut store, KeyCode::Esc);
    assert!(app.detail.is_none());
    key(&mut app, &mut store, KeyCode::Char('a'));
    key(&mut app, &mut store, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.today_view.upcoming.is_none());
}

#[test]
fn upcoming_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(120, 40), (80, 24)] {
            let mut store = book();
            let mut app = common::today_app(&mut store, lang, h);
            key(&mut app, &mut store, KeyCode::Char('a'));
            key(&mut app, &mut store, KeyCode::Char('j'));
            key(&mut app, &mut store, KeyCode::Char('j'));
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| guanhu::ui::render(f, &app)).unwrap();
            // Today's past-due follow-ups carry the red mark; the ones to come do not.
            let buffer = terminal.backend().buffer();
            let red = guanhu::ui::theme::error().fg;
            assert_eq!(
                (buffer[(1, 5)].symbol(), buffer[(1, 5)].fg.into()),
                ("!", red)
            );
            assert_eq!(buffer[(1, 6)].symbol(), " ");
            let l = if lang == Lang::Zh { "zh" } else { "en" };
            insta::assert_snapshot!(format!("upcoming_{l}_{w}x{h}"), terminal.backend());
        }
    }
}

#[test]
fn a_call_back_closed_on_the_queue_leaves_the_view_a_later_one_stays() {
    use guanhu::service::queue::{HoldRequest, hold_items};
    let mut store = book();
    let policy = Policy::default_policy();
    // C0005's call-back of 09:30 closed at 10:00 with X; C0002's of tomorrow is not due yet.
    for no in ["C0005", "C0002"] {
        hold_items(
            &mut store,
            M,
            &[HoldRequest {
                customer_no: no.into(),
                code: Some(guanhu::domain::urgency::ReasonCode::Callback),
                until: today(),
                note: "已关闭（X）".into(),
            }],
            at(0, 10, 0),
        )
        .unwrap();
    }
    let listed = notes(&store, &policy, at(0, 10, 5));
    assert!(!listed.contains(&"C0005 回电".to_string()), "{listed:?}");
    assert!(listed.contains(&"C0002 回电".to_string()), "{listed:?}");
}
