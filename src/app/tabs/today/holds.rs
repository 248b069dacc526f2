//! The holds view over the Today tab (`H`): every live snooze and dismissal as the store has
//! them (so it works after a restart), a cursor, and lifting the selected one — a write the
//! shell carries out and can undo. Pure: the list comes in as a message.

use super::model::Model;
use super::popup::TodayPopup;
use super::update::Edit;
use crate::app::keymap::normalize_char;
use crate::app::notice::{Arg, Notice};
use crate::app::tabs::Cmd;
use crate::app::{Effect, Mode};
use crate::domain::holds::HeldItem;
use crate::i18n::T;

/// The holds view's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HoldsView {
    /// The live holds, newest first (`None` until loaded).
    pub items: Option<Vec<HeldItem>>,
    pub cursor: usize,
    /// The hold being lifted, named in the notice once the write is stored.
    pub lifting: Option<HeldItem>,
}

impl HoldsView {
    /// The holds listed (none while loading).
    pub fn items(&self) -> &[HeldItem] {
        self.items.as_deref().unwrap_or(&[])
    }

    /// The hold under the cursor.
    pub fn selected(&self) -> Option<&HeldItem> {
        self.items().get(self.cursor)
    }

    /// Moves the cursor by `delta`, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.items().len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize)
            .saturating_add(delta)
            .clamp(0, last.max(0)) as usize;
    }

    /// Replaces the list, keeping the cursor on the same hold when it is still there (else in
    /// place, so the next one moves up under it).
    pub fn set_items(&mut self, items: Vec<HeldItem>) {
        let current = self.selected().map(|h| h.id);
        let at = current.and_then(|id| items.iter().position(|h| h.id == id));
        self.items = Some(items);
        if let Some(pos) = at {
            self.cursor = pos;
        }
        self.move_by(0);
    }
}

/// `H`: opens the view and asks for the list.
pub(super) fn open(model: &mut Model) -> Vec<Cmd> {
    model.popup = Some(TodayPopup::Holds(HoldsView::default()));
    vec![Cmd::Mode(Mode::Popup), Cmd::Run(Effect::LoadHolds)]
}

/// A key in the open view: j/k (and the arrows, g/G) move, `u` or Enter lifts the selected
/// hold, `q` leaves as Esc does.
pub(super) fn key(view: &mut HoldsView, edit: Edit) -> Vec<Cmd> {
    let edit = match edit {
        Edit::Char(c) => Edit::Char(normalize_char(c)),
        other => other,
    };
    match edit {
        Edit::Down | Edit::Next | Edit::Char('j') => view.move_by(1),
        Edit::Up | Edit::Prev | Edit::Char('k') => view.move_by(-1),
        Edit::Home | Edit::Char('g') => view.cursor = 0,
        Edit::End | Edit::Char('G') => view.move_by(isize::MAX / 2),
        Edit::Submit | Edit::Char('u') => {
            if let Some(hold) = view.selected().cloned() {
                let id = hold.id;
                view.lifting = Some(hold);
                return vec![Cmd::Write(Effect::LiftHolds(vec![id]))];
            }
        }
        Edit::Char('q') => return vec![Cmd::Leave],
        _ => {}
    }
    Vec::new()
}

/// The list arrived: shown if the view is still open.
pub(super) fn loaded(model: &mut Model, items: Vec<HeldItem>) {
    if let Some(TodayPopup::Holds(view)) = model.popup.as_mut() {
        view.set_items(items);
    }
}

/// The lift is stored: the hold leaves the list, the message line says whose it was, and the
/// list is read again (another copy may have changed it).
pub(super) fn lifted(model: &mut Model, ids: &[i64]) -> Vec<Cmd> {
    let Some(TodayPopup::Holds(view)) = model.popup.as_mut() else {
        return Vec::new();
    };
    let lifted = view.lifting.take();
    if let Some(items) = view.items.as_mut() {
        items.retain(|h| !ids.contains(&h.id));
    }
    view.move_by(0);
    let mut cmds = Vec::new();
    if let Some(hold) = lifted.filter(|h| ids.contains(&h.id)) {
        let text = if hold.code.is_none() {
            T::LiftedSnooze
        } else {
            T::LiftedDismissal
        };
        cmds.push(Cmd::Say(Notice::fill(
            text,
            [Arg::text(&hold.customer_name)],
        )));
    } else {
        // Nothing was lifted: another copy lifted it first, or its time ran out.
        cmds.push(Cmd::Say(Notice::say(T::LiftedNothing)));
    }
    cmds.push(Cmd::Run(Effect::LoadHolds));
    cmds
}
