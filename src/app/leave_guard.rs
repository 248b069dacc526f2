//! Leaving a popup that holds typed text (Esc, Ctrl-c, `q` off a text field) asks first — save, discard or keep editing — as the reflection editor does; and a save the store cannot take yet (another copy holds the write lock) waits, retried from the loop, until it goes through or Esc gives up with the text kept. Pure.

use super::keymap::normalize_char;
use super::notice::Notice;
use super::tabs::today::TodayPopup;
use super::{Action, App, Effect, Mode, update_log};
use crate::i18n::T;

/// Where the user goes once the popup is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// Back to the screen under the popup (Esc, `q`).
    Close,
    /// Out of the app (Ctrl-c).
    Quit,
}

/// True when the open popup holds text the user typed, which closing it would throw away.
pub fn has_typed(app: &App) -> bool {
    match app.mode {
        Mode::Log => app.form.as_ref().is_some_and(|f| f.has_typed()),
        Mode::Popup => match &app.today_view.popup {
            Some(TodayPopup::Snooze(f)) => f.has_typed(),
            Some(TodayPopup::Dismiss(f)) => f.has_typed(),
            _ => false,
        },
        _ => false,
    }
}

/// Leaves the open popup towards `then`, asking first when typed text would be lost.
pub fn leave(app: &mut App, then: Then) -> Vec<Effect> {
    if app.saving {
        // The save under way decides: once stored, Ctrl-c's quit follows; a failure stays.
        if then == Then::Quit {
            app.after_save = Some(then);
        }
        return Vec::new();
    }
    if has_typed(app) {
        app.leave_ask = Some(then);
        app.notice = Some(Notice::say(T::LeaveAsk));
        return Vec::new();
    }
    close(app, then)
}

/// Closes the popup without saving, then quits if asked to.
fn close(app: &mut App, then: Then) -> Vec<Effect> {
    match app.mode {
        Mode::Log => app.form = None,
        Mode::Popup => app.today_view.popup = None,
        _ => {}
    }
    app.mode = Mode::Normal;
    if then == Then::Quit {
        app.quit = true;
    }
    Vec::new()
}

/// A key while the question is on screen: s (or y) saves and leaves, d (or n) leaves without
/// saving, Esc keeps editing. Anything else — another Ctrl-c included — is ignored, so nothing
/// is lost or typed by a key pressed out of habit.
pub fn answer(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(then) = app.leave_ask else {
        return Vec::new();
    };
    let key = match action {
        Action::Input(c) => normalize_char(c).to_ascii_lowercase(),
        Action::Cancel | Action::Back => 'c',
        _ => return Vec::new(),
    };
    match key {
        's' | 'y' => {
            app.leave_ask = None;
            app.notice = None;
            app.after_save = Some(then);
            let effects = match app.mode {
                Mode::Log => update_log(app, Action::Submit),
                Mode::Popup => super::update::today_popup(app, Action::Submit),
                _ => Vec::new(),
            };
            if effects.is_empty() {
                // Not saved (an error is shown beside its field, or nothing to save): stay.
                app.after_save = None;
                if then == Then::Quit && app.form.is_none() && app.today_view.popup.is_none() {
                    app.quit = true;
                }
            }
            effects
        }
        'd' | 'n' => {
            app.leave_ask = None;
            app.notice = None;
            close(app, then)
        }
        'c' => {
            app.leave_ask = None;
            app.notice = None;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// After a popup's save is stored: leave the app if that was what the save was for.
pub fn saved(app: &mut App) {
    if app.after_save.take() == Some(Then::Quit) {
        app.quit = true;
    }
}

/// True for what a finished effect or the driver reports, as opposed to the user's keys.
pub fn is_result(action: &Action) -> bool {
    matches!(
        action,
        Action::BookLoaded(_)
            | Action::DetailLoaded(_)
            | Action::Failed(_)
            | Action::Clock(_)
            | Action::Resize(..)
            | Action::EntriesSaved(_)
            | Action::UndoApplied { .. }
            | Action::DayLoaded(_)
            | Action::EntriesDeleted(_)
            | Action::HistoryLoaded(..)
            | Action::PeriodLoaded(_)
            | Action::TodayLoaded(_)
            | Action::HoldsSaved(_)
            | Action::HoldsLoaded(_)
            | Action::HoldsLifted(_)
            | Action::ReviewLoaded(_)
            | Action::ReflectionSaved
            | Action::TeamLoaded(_)
            | Action::StoreBusy(_)
            | Action::RetryBusy
            | Action::DraftFound(_)
            | Action::UpcomingLoaded(_)
    )
}

/// The store is busy (another copy writes): keep the effect to retry and say what is waited for.
pub fn store_busy(app: &mut App, effect: Effect) {
    app.busy = Some(effect);
    app.notice = Some(Notice::say(T::StoreBusy));
}

/// The driver's tick while waiting: try the write again.
pub fn retry(app: &mut App) -> Vec<Effect> {
    app.busy.take().into_iter().collect()
}

/// A key while a write waits for the store: Esc (or Ctrl-c) gives up, keeping the popup and
/// its text as they were; other keys wait too.
pub fn while_busy(app: &mut App, action: Action) -> Vec<Effect> {
    if !matches!(action, Action::Cancel | Action::Quit | Action::Back) {
        return Vec::new();
    }
    let Some(effect) = app.busy.take() else {
        return Vec::new();
    };
    // An undo or redo given up is still there to take.
    match effect {
        Effect::Undo(step) => app.undo.push(step),
        Effect::Redo(step) => app.redo.push(step),
        _ => {}
    }
    app.saving = false;
    app.after_save = None;
    let effects = super::update::review(app, super::tabs::review::Msg::SaveGivenUp);
    app.notice = Some(Notice::say(T::BusyGaveUp));
    effects
}
