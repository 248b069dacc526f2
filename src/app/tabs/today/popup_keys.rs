//! Keys and pastes in the popups over the Today tab (snooze, dismiss, score breakdown): they
//! edit the popup in the model and ask the shell for the write, the leave question or the mode.
//! Pure; the shell checks that no save is under way before a key comes here.

use super::model::Model;
use super::popup::{HoldError, SnoozeChoice, SnoozeField, SnoozeForm, TodayPopup};
use super::update::Edit;
use crate::app::keymap::normalize_char;
use crate::app::tabs::Cmd;
use crate::app::text_field::TextField;
use crate::app::{Ctx, Effect, Mode};

/// A key in the open popup.
pub(super) fn key(model: &mut Model, ctx: &Ctx, edit: Edit) -> Vec<Cmd> {
    if edit == Edit::Cancel {
        return vec![Cmd::Leave];
    }
    // Keys that choose work from a Chinese input method's full-width forms too.
    let choosing = |edit: Edit| match edit {
        Edit::Char(c) => Edit::Char(normalize_char(c)),
        other => other,
    };
    let Some(popup) = model.popup.as_mut() else {
        return vec![Cmd::Mode(Mode::Normal)];
    };
    match popup {
        TodayPopup::Holds(view) => return super::holds::key(view, edit),
        TodayPopup::Breakdown => match choosing(edit) {
            // The breakdown follows the cursor, so two rows can be compared.
            Edit::Down | Edit::Next | Edit::Char('j') => model.move_by(1),
            Edit::Up | Edit::Prev | Edit::Char('k') => model.move_by(-1),
            Edit::Submit | Edit::Char('i' | 'q') => return close(model),
            _ => {}
        },
        TodayPopup::Snooze(form) => {
            let edit = match form.focus {
                SnoozeField::Choice => choosing(edit),
                _ => edit,
            };
            // `q` on the choices leaves, as Esc does (in the date or note it is text).
            if form.focus == SnoozeField::Choice && edit == Edit::Char('q') {
                return vec![Cmd::Leave];
            }
            let save = edit_snooze(form, ctx, edit);
            form.refresh(&ctx.policy.calendar, ctx.now);
            if save {
                return submit_snooze(model, ctx);
            }
        }
        TodayPopup::Dismiss(form) => match edit {
            Edit::Submit => match form.drafts(ctx.today, ctx.policy.signals.maturity_passed_days) {
                Ok(drafts) if drafts.is_empty() => return close(model),
                Ok(drafts) => return vec![Cmd::Write(Effect::HoldItems(drafts))],
                Err(e) => form.error = Some(e),
            },
            other => {
                form.error = None;
                edit_text(&mut form.reason, other);
            }
        },
    }
    Vec::new()
}

/// Text pasted into the popup's focused field, as one line (the shell cleaned it). Nothing
/// back: the paste is taken, or there was no field to take it (the choices, the breakdown).
pub(super) fn paste(model: &mut Model, ctx: &Ctx, text: &str) -> Vec<Cmd> {
    match model.popup.as_mut() {
        Some(TodayPopup::Snooze(form)) => {
            form.error = None;
            if let Some(field) = form.focused_text() {
                field.insert_str(text);
            }
            form.refresh(&ctx.policy.calendar, ctx.now);
        }
        Some(TodayPopup::Dismiss(form)) => {
            form.error = None;
            form.reason.insert_str(text);
        }
        _ => {}
    }
    Vec::new()
}

/// True when a paste in the popup has a text field to go to.
pub fn takes_paste(model: &Model) -> bool {
    match &model.popup {
        Some(TodayPopup::Snooze(form)) => form.focus != SnoozeField::Choice,
        Some(TodayPopup::Dismiss(_)) => true,
        _ => false,
    }
}

/// Applies a key to the snooze popup; true when it should be saved now. Enter takes the
/// choice on the choices (as 1 2 3 do: a preset goes to the note, a date to the date field),
/// goes on to the note from a readable date, and saves on the note.
fn edit_snooze(form: &mut SnoozeForm, ctx: &Ctx, edit: Edit) -> bool {
    form.error = None;
    match (form.focus, edit) {
        (SnoozeField::Choice, Edit::Submit) => form.choose(form.choice),
        (SnoozeField::Date, Edit::Submit) => {
            if form.until(&ctx.policy.calendar, ctx.now).is_some() {
                form.focus = SnoozeField::Note;
            } else {
                form.error = Some(HoldError::BadDate);
            }
        }
        (SnoozeField::Note, Edit::Submit) => return true,
        (_, Edit::Next) => form.move_focus(1),
        (_, Edit::Prev) => form.move_focus(-1),
        (SnoozeField::Choice, Edit::Char(c)) => match c {
            '1'..='3' => {
                let i = c as usize - '1' as usize;
                form.choose(SnoozeChoice::ALL[i]);
            }
            'j' | ' ' => form.cycle_choice(1),
            'k' => form.cycle_choice(-1),
            _ => {}
        },
        (SnoozeField::Choice, Edit::Down | Edit::Right) => form.cycle_choice(1),
        (SnoozeField::Choice, Edit::Up | Edit::Left) => form.cycle_choice(-1),
        (_, Edit::Down) => form.move_focus(1),
        (_, Edit::Up) => form.move_focus(-1),
        (_, other) => {
            if let Some(field) = form.focused_text() {
                edit_text(field, other);
            }
        }
    }
    false
}

/// Editing keys in a text field.
fn edit_text(field: &mut TextField, edit: Edit) {
    match edit {
        Edit::Char(c) => field.insert(c),
        Edit::Backspace => field.backspace(),
        Edit::Delete => field.delete(),
        Edit::Left => field.left(),
        Edit::Right => field.right(),
        Edit::Home => field.home(),
        Edit::End => field.end(),
        _ => {}
    }
}

fn submit_snooze(model: &mut Model, ctx: &Ctx) -> Vec<Cmd> {
    let Some(TodayPopup::Snooze(form)) = model.popup.as_mut() else {
        return Vec::new();
    };
    match form.drafts(&ctx.policy.calendar, ctx.now) {
        Ok((drafts, _)) if drafts.is_empty() => close(model),
        Ok((drafts, _)) => vec![Cmd::Write(Effect::HoldItems(drafts))],
        Err(e) => {
            form.error = Some(e);
            if e == HoldError::BadDate {
                form.choice = SnoozeChoice::Date;
                form.focus = SnoozeField::Date;
            }
            Vec::new()
        }
    }
}

fn close(model: &mut Model) -> Vec<Cmd> {
    model.popup = None;
    vec![Cmd::Mode(Mode::Normal)]
}
