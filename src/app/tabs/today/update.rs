//! The Today tab's messages and `update`: its own model and the read-only context in; what it
//! asks of the shell out (a customer to open, holds to write, the bulk SMS, a notice, the
//! input mode). Pure: no I/O, no clock but `ctx.now`, no store. The popup's keys are in
//! `popup_keys`.

use super::holds;
use super::model::Model;
use super::popup::{DismissForm, SnoozeForm, TodayPopup};
use super::popup_keys;
use super::upcoming;
use crate::app::notice::{Arg, Notice};
use crate::app::tabs::Cmd;
use crate::app::{Ctx, Effect, Mode};
use crate::domain::diary::EntryKind;
use crate::domain::holds::HeldItem;
use crate::domain::queue::{QueueItem, TodayQueue};
use crate::i18n::T;

/// A key typed into the `/` filter or a popup, as the tab reads it (the shell turns the
/// shared editing rows of the keymap into these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// A character, as typed.
    Char(char),
    Backspace,
    Delete,
    Left,
    Right,
    /// Home: the start of the field.
    Home,
    /// End: the end of the field.
    End,
    /// Tab: the next field.
    Next,
    /// Shift-Tab: the previous field.
    Prev,
    Up,
    Down,
    /// Enter.
    Submit,
    /// Esc.
    Cancel,
}

/// What the Today tab is told: a key through the keymap, a key in its filter or popup, or a
/// result.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The cursor up a row.
    Up,
    /// The cursor down a row.
    Down,
    /// The first row.
    Top,
    /// The last row.
    Bottom,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Enter: the customer's detail, or the bulk SMS on the weekly-SMS row.
    Open,
    /// `z`: snooze the selected row.
    Snooze,
    /// `x`: dismiss the selected row's reasons, with a reason.
    Dismiss,
    /// `X`: close the selected row's call-backs in one key.
    CloseCallback,
    /// `i`: how the selected row's score is made up.
    Explain,
    /// `H`: every live snooze and dismissal, to lift one.
    Holds,
    /// `/`: start typing the filter.
    StartFilter,
    /// Esc: drop the filter.
    ClearFilter,
    /// A key while typing the filter.
    Filter(Edit),
    /// Text pasted into the filter.
    PasteFilter(String),
    /// A key in the open popup.
    Popup(Edit),
    /// Text pasted into the popup's focused field (cleaned to one line by the shell).
    PastePopup(String),
    /// The list shows this many rows now (the shell's `list_height`).
    Resized(usize),
    /// Result: today's queue was loaded.
    Loaded(Box<TodayQueue>),
    /// Result: the popup's snooze or dismissal is stored.
    Saved,
    /// Result: the live holds, for the holds view.
    HoldsLoaded(Vec<HeldItem>),
    /// Result: these holds were lifted.
    Lifted(Vec<i64>),
    /// `a`: the Upcoming view (今日预约).
    Upcoming,
    /// Result: the Upcoming view's follow-ups were loaded.
    UpcomingLoaded(Vec<crate::domain::diary::DiaryEntry>),
}

/// Applies a message to the Today tab.
pub fn update(model: &mut Model, ctx: &Ctx, msg: Msg) -> Vec<Cmd> {
    let half = (model.height / 2).max(1) as isize;
    let page = model.height.max(1) as isize;
    let mut cmds = Vec::new();
    match msg {
        Msg::Up => model.move_by(-1),
        Msg::Down => model.move_by(1),
        Msg::Top => model.cursor = 0,
        Msg::Bottom => model.move_by(isize::MAX / 2),
        Msg::HalfPageDown => model.move_by(half),
        Msg::HalfPageUp => model.move_by(-half),
        Msg::PageDown => model.move_by(page),
        Msg::PageUp => model.move_by(-page),
        Msg::Open => {
            if let Some(item) = model.selected() {
                cmds.push(match &item.customer_no {
                    Some(no) => Cmd::Run(Effect::LoadDetail(no.clone())),
                    None => Cmd::BulkSms(item.members.clone()),
                });
            }
        }
        Msg::Snooze | Msg::Dismiss | Msg::Explain => {
            if let Some(item) = model.selected().cloned() {
                model.popup = Some(match msg {
                    Msg::Snooze => {
                        TodayPopup::Snooze(SnoozeForm::opened(item, &ctx.policy.calendar, ctx.now))
                    }
                    Msg::Dismiss => TodayPopup::Dismiss(DismissForm::new(item)),
                    _ => TodayPopup::Breakdown,
                });
                cmds.push(Cmd::Mode(Mode::Popup));
            }
        }
        Msg::CloseCallback => cmds = super::close::close_callbacks(model, ctx),
        Msg::Holds => cmds = holds::open(model),
        Msg::HoldsLoaded(items) => holds::loaded(model, items),
        Msg::Lifted(ids) => return holds::lifted(model, &ids),
        Msg::StartFilter => cmds.push(Cmd::Mode(Mode::Search)),
        Msg::ClearFilter => {
            model.filter.clear();
            model.rebuild();
        }
        Msg::Filter(edit) => cmds = filter_key(model, edit),
        Msg::PasteFilter(text) => {
            model.filter.push_str(&text);
            model.cursor = 0;
            model.rebuild();
            // As before the move: a paste narrows the rows and leaves the window where it was.
            return cmds;
        }
        Msg::Popup(edit) if model.upcoming.is_some() => return upcoming::key(model, edit),
        Msg::Popup(edit) => {
            if model.popup.is_none() {
                return vec![Cmd::Mode(Mode::Normal)];
            }
            cmds = popup_keys::key(model, ctx, edit);
        }
        Msg::PastePopup(text) => {
            return popup_keys::paste(model, ctx, &text);
        }
        Msg::Resized(height) => model.height = height,
        Msg::Loaded(queue) => model.set_queue(*queue),
        Msg::Saved => return saved(model, ctx),
        Msg::Upcoming => return upcoming::open(model),
        Msg::UpcomingLoaded(entries) => upcoming::loaded(model, entries),
    }
    model.scroll_to_cursor();
    cmds
}

/// Typing the `/` filter: each key narrows the rows at once; Enter keeps it, Esc drops it.
fn filter_key(model: &mut Model, edit: Edit) -> Vec<Cmd> {
    match edit {
        Edit::Char(c) => {
            model.filter.push(c);
            model.cursor = 0;
            model.rebuild();
        }
        Edit::Backspace => {
            model.filter.pop();
            model.rebuild();
        }
        Edit::Submit => return vec![Cmd::Mode(Mode::Normal)],
        Edit::Cancel => {
            model.filter.clear();
            model.rebuild();
            return vec![Cmd::Mode(Mode::Normal)];
        }
        Edit::Up => model.move_by(-1),
        Edit::Down => model.move_by(1),
        _ => {}
    }
    Vec::new()
}

/// A quick-log key on the weekly-SMS row: `s` opens the bulk SMS, the others say why not.
/// `None` when the selected row is a customer's (the usual quick log applies).
pub fn log_on_sms_row(model: &Model, kind: EntryKind) -> Option<Vec<Cmd>> {
    let item = model.selected()?;
    if item.customer_no.is_some() {
        return None;
    }
    if kind == EntryKind::Sms {
        Some(vec![Cmd::BulkSms(item.members.clone())])
    } else if kind.needs_customer() {
        Some(vec![Cmd::Say(Notice::say(T::NotACustomerRow))])
    } else {
        None
    }
}

/// The snooze or dismissal is stored: the popup closes and says what was done. The shell
/// keeps the undo step and reloads.
fn saved(model: &mut Model, ctx: &Ctx) -> Vec<Cmd> {
    let name = |item: &QueueItem| match &item.customer_name {
        Some(name) => Arg::text(name),
        None => Arg::Word(T::SmsRowName),
    };
    let notice = match &model.popup.take() {
        Some(TodayPopup::Snooze(form)) => {
            let until = form
                .until(&ctx.policy.calendar, ctx.now)
                .map(|d| d.format("%m-%d").to_string())
                .unwrap_or_default();
            Some(Notice::fill(
                T::Snoozed,
                [name(&form.item), Arg::text(until)],
            ))
        }
        Some(TodayPopup::Dismiss(form)) => {
            let count = if form.item.customer_no.is_some() {
                form.item.reasons.len()
            } else {
                1
            };
            Some(Notice::fill(
                T::DismissedMsg,
                [name(&form.item), Arg::text(count)],
            ))
        }
        _ => super::close::closed(model),
    };
    // The shell cleared the message line before: the breakdown has nothing to say.
    notice.map(Cmd::Say).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::queue::QueueItem;
    use chrono::NaiveDate;

    fn ctx() -> Ctx {
        Ctx::sample()
    }

    fn row(no: Option<&str>, name: &str) -> QueueItem {
        QueueItem {
            customer_no: no.map(str::to_string),
            customer_name: Some(name.to_string()),
            tier: None,
            segment: None,
            members: vec!["C1".into(), "C2".into()],
            ..QueueItem::default()
        }
    }

    fn loaded(rows: Vec<QueueItem>) -> Model {
        let mut model = Model::default();
        let queue = TodayQueue {
            items: rows,
            working_day: true,
            ..TodayQueue::default()
        };
        update(&mut model, &ctx(), Msg::Loaded(Box::new(queue)));
        model
    }

    #[test]
    fn enter_opens_a_customer_or_the_bulk_sms_and_pages_follow_the_height() {
        let ctx = ctx();
        let mut model = loaded(vec![row(None, ""), row(Some("C9"), "王五")]);
        // The day starts on the first customer, below the pinned weekly-SMS row.
        assert_eq!(
            update(&mut model, &ctx, Msg::Open),
            vec![Cmd::Run(Effect::LoadDetail("C9".into()))]
        );
        update(&mut model, &ctx, Msg::Up);
        assert_eq!(
            update(&mut model, &ctx, Msg::Open),
            vec![Cmd::BulkSms(vec!["C1".into(), "C2".into()])]
        );
        update(&mut model, &ctx, Msg::Resized(1));
        update(&mut model, &ctx, Msg::PageUp);
        assert_eq!(model.cursor, 0);
        assert_eq!(
            log_on_sms_row(&model, EntryKind::Call),
            Some(vec![Cmd::Say(Notice::say(T::NotACustomerRow))])
        );
    }

    #[test]
    fn a_popup_opens_in_popup_mode_and_esc_asks_the_shell_to_leave() {
        let ctx = ctx();
        let mut model = loaded(vec![row(Some("C9"), "王五")]);
        assert_eq!(
            update(&mut model, &ctx, Msg::Snooze),
            vec![Cmd::Mode(Mode::Popup)]
        );
        assert_eq!(
            update(&mut model, &ctx, Msg::Popup(Edit::Cancel)),
            vec![Cmd::Leave]
        );
        // 1 chooses and goes to the note; Enter there saves.
        assert!(update(&mut model, &ctx, Msg::Popup(Edit::Char('1'))).is_empty());
        assert_eq!(
            update(&mut model, &ctx, Msg::Popup(Edit::Submit)),
            vec![Cmd::Write(Effect::HoldItems(vec![
                crate::app::tabs::today::HoldDraft {
                    customer_no: "C9".into(),
                    code: None,
                    until: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
                    note: String::new(),
                }
            ]))]
        );
        let said = update(&mut model, &ctx, Msg::Saved);
        assert!(matches!(said.as_slice(), [Cmd::Say(_)]));
        assert!(model.popup.is_none());
    }

    #[test]
    fn the_filter_narrows_and_esc_drops_it() {
        let ctx = ctx();
        let mut model = loaded(vec![row(Some("C1"), "张三"), row(Some("C2"), "李四")]);
        assert_eq!(
            update(&mut model, &ctx, Msg::StartFilter),
            vec![Cmd::Mode(Mode::Search)]
        );
        update(&mut model, &ctx, Msg::Filter(Edit::Char('C')));
        update(&mut model, &ctx, Msg::Filter(Edit::Char('2')));
        assert_eq!(model.rows, vec![1]);
        assert_eq!(
            update(&mut model, &ctx, Msg::Filter(Edit::Cancel)),
            vec![Cmd::Mode(Mode::Normal)]
        );
        assert_eq!(model.rows, vec![0, 1]);
    }
}
