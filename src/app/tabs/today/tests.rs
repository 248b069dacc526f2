//! `update` tests of the snooze popup's flow and warnings and of the holds view: keys in,
//! the model and the commands out, on `Ctx::sample()` (Wednesday 2026-12-02, 09:00).

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use super::update::{Edit, Msg, update};
use super::{HoldDraft, Missed, Model, SnoozeField, SnoozeWarning, TodayPopup};
use crate::app::tabs::Cmd;
use crate::app::{Ctx, Effect, Mode};
use crate::domain::customer::ProductKind;
use crate::domain::holds::HeldItem;
use crate::domain::queue::{QueueItem, Reason, TodayQueue};
use crate::domain::signals::Signal;
use crate::domain::urgency::ReasonCode;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default()
}

fn at(d: u32, h: u32) -> NaiveDateTime {
    day(d).and_hms_opt(h, 0, 0).unwrap_or_default()
}

fn row(reasons: Vec<Reason>) -> QueueItem {
    QueueItem {
        customer_no: Some("C9".into()),
        customer_name: Some("陈静".into()),
        tier: None,
        segment: None,
        reasons,
        ..QueueItem::default()
    }
}

fn maturing(on: NaiveDate) -> Reason {
    Reason::Signal(Signal::Maturity {
        kind: ProductKind::Wealth,
        product_name: "稳利丰".into(),
        amount: Decimal::from(153_000),
        on,
        days: (on - day(2)).num_days(),
    })
}

/// The Today tab with one row loaded and the snooze popup open on it.
fn snoozing(ctx: &Ctx, item: QueueItem) -> Model {
    let mut model = Model::default();
    let queue = TodayQueue {
        items: vec![item],
        working_day: true,
        ..TodayQueue::default()
    };
    update(&mut model, ctx, Msg::Loaded(Box::new(queue)));
    assert_eq!(
        update(&mut model, ctx, Msg::Snooze),
        vec![Cmd::Mode(Mode::Popup)]
    );
    model
}

fn key(model: &mut Model, ctx: &Ctx, edit: Edit) -> Vec<Cmd> {
    update(model, ctx, Msg::Popup(edit))
}

fn type_text(model: &mut Model, ctx: &Ctx, text: &str) {
    for c in text.chars() {
        assert!(key(model, ctx, Edit::Char(c)).is_empty());
    }
}

fn form(model: &Model) -> &super::SnoozeForm {
    match &model.popup {
        Some(TodayPopup::Snooze(form)) => form,
        other => panic!("the snooze popup: {other:?}"),
    }
}

fn draft(until: NaiveDate, note: &str) -> Vec<Cmd> {
    vec![Cmd::Write(Effect::HoldItems(vec![HoldDraft {
        customer_no: "C9".into(),
        code: None,
        until,
        note: note.into(),
    }]))]
}

#[test]
fn a_preset_goes_to_the_note_and_enter_there_saves() {
    let ctx = Ctx::sample();
    let mut model = snoozing(&ctx, row(Vec::new()));
    // 1 chooses the next working day and moves to the note; nothing is written yet.
    assert!(key(&mut model, &ctx, Edit::Char('1')).is_empty());
    assert_eq!(form(&model).focus, SnoozeField::Note);
    type_text(&mut model, &ctx, "客户出差");
    assert_eq!(
        key(&mut model, &ctx, Edit::Submit),
        draft(day(3), "客户出差")
    );
}

#[test]
fn arrows_and_enter_choose_too_and_3_goes_to_the_date() {
    let ctx = Ctx::sample();
    let mut model = snoozing(&ctx, row(Vec::new()));
    key(&mut model, &ctx, Edit::Down);
    assert_eq!(form(&model).focus, SnoozeField::Choice);
    assert!(key(&mut model, &ctx, Edit::Submit).is_empty());
    assert_eq!(form(&model).focus, SnoozeField::Note);
    // Next Monday from Wednesday 12-02.
    assert_eq!(key(&mut model, &ctx, Edit::Submit), draft(day(7), ""));

    let mut model = snoozing(&ctx, row(Vec::new()));
    key(&mut model, &ctx, Edit::Char('3'));
    assert_eq!(form(&model).focus, SnoozeField::Date);
    type_text(&mut model, &ctx, "+2d");
    // Enter on a readable date goes on to the note; there it saves.
    assert!(key(&mut model, &ctx, Edit::Submit).is_empty());
    assert_eq!(form(&model).focus, SnoozeField::Note);
    assert_eq!(key(&mut model, &ctx, Edit::Submit), draft(day(4), ""));
}

#[test]
fn tab_after_a_preset_skips_the_date() {
    let ctx = Ctx::sample();
    let mut model = snoozing(&ctx, row(Vec::new()));
    key(&mut model, &ctx, Edit::Next);
    assert_eq!(form(&model).focus, SnoozeField::Note);
    key(&mut model, &ctx, Edit::Next);
    assert_eq!(form(&model).focus, SnoozeField::Choice);
}

#[test]
fn a_snooze_past_a_maturity_warns_and_still_saves() {
    let ctx = Ctx::sample();
    let mut model = snoozing(&ctx, row(vec![maturing(day(4))]));
    // To tomorrow the row is back before Friday's maturity: nothing to say.
    assert!(form(&model).warnings.is_empty());
    key(&mut model, &ctx, Edit::Char('2'));
    assert_eq!(
        form(&model).warnings,
        vec![SnoozeWarning::Misses(Missed::Maturity {
            kind: ProductKind::Wealth,
            on: day(4),
        })]
    );
    assert_eq!(key(&mut model, &ctx, Edit::Submit), draft(day(7), ""));
}

#[test]
fn a_call_back_and_a_birthday_inside_the_snooze_warn_an_older_call_back_does_not() {
    let ctx = Ctx::sample();
    let reasons = vec![
        Reason::Signal(Signal::Callback {
            due_at: at(2, 15),
            set_at: at(1, 10),
            entry_id: 1,
        }),
        Reason::Signal(Signal::Callback {
            due_at: at(1, 15),
            set_at: at(1, 10),
            entry_id: 2,
        }),
        Reason::Signal(Signal::Birthday {
            on: day(5),
            days: 3,
        }),
    ];
    let mut model = snoozing(&ctx, row(reasons));
    // Opened on the next working day: today's 15:00 call-back is already passed by.
    assert_eq!(
        form(&model).warnings,
        vec![SnoozeWarning::Misses(Missed::Callback {
            due_at: at(2, 15)
        })]
    );
    key(&mut model, &ctx, Edit::Char('2'));
    assert_eq!(form(&model).warnings.len(), 2);
    assert!(
        form(&model)
            .warnings
            .contains(&SnoozeWarning::Misses(Missed::Birthday { on: day(5) }))
    );
}

#[test]
fn a_weekend_date_warns_and_enter_still_saves() {
    let ctx = Ctx::sample();
    let mut model = snoozing(&ctx, row(Vec::new()));
    key(&mut model, &ctx, Edit::Char('3'));
    type_text(&mut model, &ctx, "2026-12-05");
    assert_eq!(
        form(&model).warnings,
        vec![SnoozeWarning::NotWorkingDay(day(5))]
    );
    key(&mut model, &ctx, Edit::Submit);
    assert_eq!(key(&mut model, &ctx, Edit::Submit), draft(day(5), ""));
}

fn held(id: i64, code: Option<ReasonCode>) -> HeldItem {
    HeldItem {
        id,
        customer_no: format!("C{id}"),
        customer_name: "陈静".into(),
        code,
        until: day(7),
        note: "出差".into(),
        created_at: at(1, 10),
    }
}

fn holds_view(model: &Model) -> &super::HoldsView {
    match &model.popup {
        Some(TodayPopup::Holds(view)) => view,
        other => panic!("the holds view: {other:?}"),
    }
}

#[test]
fn the_holds_view_opens_loads_moves_and_lifts() {
    let ctx = Ctx::sample();
    let mut model = Model::default();
    assert_eq!(
        update(&mut model, &ctx, Msg::Holds),
        vec![Cmd::Mode(Mode::Popup), Cmd::Run(Effect::LoadHolds)]
    );
    assert_eq!(holds_view(&model).items, None);
    // Nothing to lift while it loads.
    assert!(key(&mut model, &ctx, Edit::Char('u')).is_empty());
    let list = vec![held(7, None), held(5, Some(ReasonCode::Maturity))];
    update(&mut model, &ctx, Msg::HoldsLoaded(list));
    key(&mut model, &ctx, Edit::Char('j'));
    key(&mut model, &ctx, Edit::Down);
    assert_eq!(holds_view(&model).cursor, 1, "stops at the last");
    assert_eq!(
        key(&mut model, &ctx, Edit::Char('u')),
        vec![Cmd::Write(Effect::LiftHolds(vec![5]))]
    );
    let cmds = update(&mut model, &ctx, Msg::Lifted(vec![5]));
    assert!(matches!(
        cmds.as_slice(),
        [Cmd::Say(_), Cmd::Run(Effect::LoadHolds)]
    ));
    assert_eq!(holds_view(&model).items(), &[held(7, None)]);
    assert_eq!(holds_view(&model).cursor, 0);
    // Enter lifts too; Esc asks the shell to leave.
    assert_eq!(
        key(&mut model, &ctx, Edit::Submit),
        vec![Cmd::Write(Effect::LiftHolds(vec![7]))]
    );
    assert_eq!(key(&mut model, &ctx, Edit::Cancel), vec![Cmd::Leave]);
}
