//! The Today screen's model and what its keys do: the loaded queue, the filter over it, the cursor, the open popup (snooze, dismiss, score breakdown). Pure: writes leave as effects.

use super::notice::{Arg, Notice};
use std::collections::HashMap;

use super::hold_form::{DismissForm, HoldError, SnoozeChoice, SnoozeField, SnoozeForm, TodayPopup};
use super::keymap::normalize_char;
use super::log_form::Target;
use super::{Action, App, Effect, Mode, UndoStep, open_bulk_sms, reload_after_write};
use crate::domain::diary::EntryKind;
use crate::domain::queue::{QueueItem, TodayQueue};
use crate::domain::search::SearchKey;
use crate::i18n::T;

/// State of the Today screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TodayView {
    /// The queue as last loaded (`None` until the first load).
    pub queue: Option<TodayQueue>,
    /// Pinyin index of each row's name, in the queue's order; built when a filter first needs
    /// it, so reloading the queue after each log costs nothing extra.
    keys: Vec<SearchKey>,
    /// The `/` filter: name, pinyin initials or full pinyin, customer number.
    pub filter: String,
    /// The visible rows, as indices into the queue's items.
    pub rows: Vec<usize>,
    pub cursor: usize,
    /// The first visible row (kept so the cursor stays on screen).
    pub offset: usize,
    pub popup: Option<TodayPopup>,
    /// Set by an undo or redo: the next load puts the cursor on a row it brought back.
    pub follow_returning: bool,
}

impl TodayView {
    /// Replaces the queue. The cursor stays on the same customer when they are still there;
    /// when they left (logged, snoozed), it stays in place so the next row moves up under it.
    pub fn set_queue(&mut self, queue: TodayQueue) {
        let mut current = self.selected().map(|i| i.customer_no.clone());
        if std::mem::take(&mut self.follow_returning) {
            // An undone snooze or log brings its row back: go to it, as before the step.
            let before: std::collections::HashSet<&Option<String>> =
                self.items().iter().map(|i| &i.customer_no).collect();
            if let Some(back) = queue
                .items
                .iter()
                .find(|i| !before.contains(&&i.customer_no))
            {
                current = Some(back.customer_no.clone());
            }
        }
        self.keys.clear();
        self.queue = Some(queue);
        self.rebuild();
        if let Some(no) = current
            && let Some(pos) = self
                .rows
                .iter()
                .position(|&i| self.items()[i].customer_no == no)
        {
            self.cursor = pos;
        }
    }

    /// Every row of the queue, filtered or not.
    pub fn items(&self) -> &[QueueItem] {
        self.queue.as_ref().map_or(&[], |q| q.items.as_slice())
    }

    /// Recomputes the visible rows from the filter.
    pub fn rebuild(&mut self) {
        if !self.filter.trim().is_empty() && self.keys.is_empty() {
            self.keys = self
                .items()
                .iter()
                .map(|i| SearchKey::new(i.customer_name.as_deref().unwrap_or("")))
                .collect();
        }
        let query = self.filter.trim();
        let rows: Vec<usize> = self
            .items()
            .iter()
            .enumerate()
            .filter(|(i, item)| match &item.customer_no {
                // The weekly-SMS row has no name to match: it shows only unfiltered.
                None => query.is_empty(),
                Some(no) => {
                    query.is_empty()
                        || self
                            .keys
                            .get(*i)
                            .is_some_and(|k| k.matches(query, None, no))
                }
            })
            .map(|(i, _)| i)
            .collect();
        self.rows = rows;
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    /// The row under the cursor.
    pub fn selected(&self) -> Option<&QueueItem> {
        self.rows
            .get(self.cursor)
            .and_then(|&i| self.items().get(i))
    }

    /// The selected row's rank in the whole queue (1 first), whatever the filter.
    pub fn selected_rank(&self) -> Option<usize> {
        self.rows.get(self.cursor).map(|i| i + 1)
    }

    /// Moves the cursor by `delta` rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize)
            .saturating_add(delta)
            .clamp(0, last.max(0)) as usize;
    }

    /// Keeps the cursor within a window of `height` rows, scrolling as little as possible.
    pub fn scroll_to_cursor(&mut self, height: usize) {
        self.offset =
            super::layout::scroll_window(self.offset, self.cursor, self.rows.len(), height);
    }
}

/// Keys on the Today screen in normal mode.
pub(super) fn update_today(app: &mut App, action: Action) -> Vec<Effect> {
    let half = (app.list_height / 2).max(1) as isize;
    let page = app.list_height.max(1) as isize;
    let view = &mut app.today_view;
    let mut effects = Vec::new();
    match action {
        Action::Up => view.move_by(-1),
        Action::Down => view.move_by(1),
        Action::Top => view.cursor = 0,
        Action::Bottom => view.move_by(isize::MAX / 2),
        Action::HalfPageDown => view.move_by(half),
        Action::HalfPageUp => view.move_by(-half),
        Action::PageDown => view.move_by(page),
        Action::PageUp => view.move_by(-page),
        Action::Activate => match view.selected().map(|i| i.customer_no.clone()) {
            Some(Some(no)) => effects.push(Effect::LoadDetail(no)),
            Some(None) => sms_row_form(app),
            None => {}
        },
        Action::Snooze | Action::Dismiss | Action::Explain => {
            if let Some(item) = view.selected().cloned() {
                view.popup = Some(match action {
                    Action::Snooze => TodayPopup::Snooze(SnoozeForm::new(item)),
                    Action::Dismiss => TodayPopup::Dismiss(DismissForm::new(item)),
                    _ => TodayPopup::Breakdown,
                });
                app.mode = Mode::Popup;
            }
        }
        Action::StartSearch => app.mode = Mode::Search,
        Action::Back => {
            view.filter.clear();
            view.rebuild();
        }
        _ => {}
    }
    app.today_view.scroll_to_cursor(app.list_height);
    effects
}

/// Typing the `/` filter: each key narrows the rows at once; Enter keeps it, Esc drops it.
pub(super) fn update_filter(app: &mut App, action: Action) -> Vec<Effect> {
    let view = &mut app.today_view;
    match action {
        Action::Input(c) => {
            view.filter.push(c);
            view.cursor = 0;
            view.rebuild();
        }
        Action::Backspace => {
            view.filter.pop();
            view.rebuild();
        }
        Action::Submit => app.mode = Mode::Normal,
        Action::Cancel => {
            view.filter.clear();
            view.rebuild();
            app.mode = Mode::Normal;
        }
        Action::Up => view.move_by(-1),
        Action::Down => view.move_by(1),
        _ => {}
    }
    app.today_view.scroll_to_cursor(app.list_height);
    Vec::new()
}

/// A quick-log key on the weekly-SMS row: `s` opens the bulk SMS, the others say why not.
/// `None` when the selected row is a customer's (the usual quick log applies).
pub(super) fn start_log_on_sms_row(app: &mut App, kind: EntryKind) -> Option<Vec<Effect>> {
    if app.today_view.selected()?.customer_no.is_some() {
        return None;
    }
    if kind == EntryKind::Sms {
        sms_row_form(app);
    } else if kind.needs_customer() {
        app.notice = Some(Notice::say(T::NotACustomerRow));
    } else {
        return None;
    }
    Some(Vec::new())
}

/// The customer the quick-log keys act on: the selected row's.
pub(super) fn selected_target(app: &App) -> Option<Target> {
    let item = app.today_view.selected()?;
    Some(Target::One {
        customer_no: item.customer_no.clone()?,
        name: item.customer_name.clone().unwrap_or_default(),
    })
}

/// Opens the bulk SMS to exactly the customers the weekly-SMS row stands for.
fn sms_row_form(app: &mut App) {
    let Some(item) = app.today_view.selected() else {
        return;
    };
    let names: HashMap<&str, &str> = app
        .customers
        .all
        .iter()
        .map(|s| (s.customer.customer_no.as_str(), s.customer.name.as_str()))
        .collect();
    let list: Vec<(String, String)> = item
        .members
        .iter()
        .map(|no| {
            let name = names.get(no.as_str()).copied().unwrap_or(no.as_str());
            (no.clone(), name.to_string())
        })
        .collect();
    open_bulk_sms(app, list);
}

/// Keys while a popup is open over the Today screen.
pub(super) fn update_popup(app: &mut App, action: Action) -> Vec<Effect> {
    if app.saving {
        return Vec::new();
    }
    let today = app.ctx.today;
    let Some(popup) = app.today_view.popup.as_mut() else {
        app.mode = Mode::Normal;
        return Vec::new();
    };
    if action == Action::Cancel {
        return super::leave_guard::leave(app, super::leave_guard::Then::Close);
    }
    // Keys that choose work from a Chinese input method's full-width forms too.
    let choosing = |action: &Action| match action {
        Action::Input(c) => Action::Input(normalize_char(*c)),
        other => other.clone(),
    };
    match popup {
        TodayPopup::Breakdown => match choosing(&action) {
            // The breakdown follows the cursor, so two rows can be compared.
            Action::Down | Action::NextField | Action::Input('j') => app.today_view.move_by(1),
            Action::Up | Action::PrevField | Action::Input('k') => app.today_view.move_by(-1),
            Action::Submit | Action::Input('i' | 'q') => close_popup(app),
            _ => {}
        },
        TodayPopup::Snooze(form) => {
            let action = match form.focus {
                SnoozeField::Choice => choosing(&action),
                _ => action,
            };
            // `q` on the choices leaves, as Esc does (in the date or note it is text).
            if form.focus == SnoozeField::Choice && action == Action::Input('q') {
                return super::leave_guard::leave(app, super::leave_guard::Then::Close);
            }
            let save = edit_snooze(form, action);
            form.refresh_preview(app.ctx.now);
            if save {
                return submit_snooze(app);
            }
        }
        TodayPopup::Dismiss(form) => match action {
            Action::Submit => match form.drafts(today) {
                Ok(drafts) if drafts.is_empty() => close_popup(app),
                Ok(drafts) => {
                    app.saving = true;
                    return vec![Effect::HoldItems(drafts)];
                }
                Err(e) => form.error = Some(e),
            },
            other => {
                form.error = None;
                edit_text(&mut form.reason, other);
            }
        },
    }
    app.today_view.scroll_to_cursor(app.list_height);
    Vec::new()
}

/// Applies a key to the snooze popup; true when it should be saved now.
fn edit_snooze(form: &mut SnoozeForm, action: Action) -> bool {
    form.error = None;
    match (form.focus, action) {
        (_, Action::Submit) => return true,
        (_, Action::NextField) => form.move_focus(1),
        (_, Action::PrevField) => form.move_focus(-1),
        // On the choices, 1 and 2 snooze at once; 3 goes to the date.
        (SnoozeField::Choice, Action::Input(c)) => match c {
            '1' | '2' => {
                form.choice = SnoozeChoice::ALL[if c == '1' { 0 } else { 1 }];
                return true;
            }
            '3' => {
                form.choice = SnoozeChoice::Date;
                form.focus = SnoozeField::Date;
            }
            'j' | ' ' => form.cycle_choice(1),
            'k' => form.cycle_choice(-1),
            _ => {}
        },
        (SnoozeField::Choice, Action::Down | Action::CursorRight) => form.cycle_choice(1),
        (SnoozeField::Choice, Action::Up | Action::CursorLeft) => form.cycle_choice(-1),
        (_, Action::Down) => form.move_focus(1),
        (_, Action::Up) => form.move_focus(-1),
        (_, other) => {
            if let Some(field) = form.focused_text() {
                edit_text(field, other);
            }
        }
    }
    false
}

/// Editing keys in a text field.
fn edit_text(field: &mut super::text_field::TextField, action: Action) {
    match action {
        Action::Input(c) => field.insert(c),
        Action::Backspace => field.backspace(),
        Action::DeleteChar => field.delete(),
        Action::CursorLeft => field.left(),
        Action::CursorRight => field.right(),
        Action::Top => field.home(),
        Action::Bottom => field.end(),
        _ => {}
    }
}

fn submit_snooze(app: &mut App) -> Vec<Effect> {
    let (calendar, now) = (&app.ctx.policy.calendar, app.ctx.now);
    let Some(TodayPopup::Snooze(form)) = app.today_view.popup.as_mut() else {
        return Vec::new();
    };
    match form.drafts(calendar, now) {
        Ok((drafts, _)) if drafts.is_empty() => {
            close_popup(app);
            Vec::new()
        }
        Ok((drafts, _)) => {
            app.saving = true;
            vec![Effect::HoldItems(drafts)]
        }
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

fn close_popup(app: &mut App) {
    app.today_view.popup = None;
    app.mode = Mode::Normal;
}

/// The snooze or dismissal is stored: close the popup, say so, remember the undo, reload.
pub(super) fn holds_saved(app: &mut App, ids: Vec<i64>) -> Vec<Effect> {
    app.saving = false;
    app.mode = Mode::Normal;
    super::leave_guard::saved(app);
    let popup = app.today_view.popup.take();
    let name = |item: &QueueItem| match &item.customer_name {
        Some(name) => Arg::text(name),
        None => Arg::Word(T::SmsRowName),
    };
    app.notice = match &popup {
        Some(TodayPopup::Snooze(form)) => {
            let until = form
                .until(&app.ctx.policy.calendar, app.ctx.now)
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
        _ => None,
    };
    app.undo.push(UndoStep::Held(ids));
    app.redo.clear();
    reload_after_write(app)
}
