//! The Diary screen's model: the day shown, its entries and follow-ups, the cursor. A bulk SMS shows as one line until opened. Pure.

use super::*;
use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::domain::diary::{DiaryEntry, EntryKind};

/// A line of the day: one entry, or a batch of entries logged together (folded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayRow {
    /// An entry, by index into `entries`.
    Entry(usize),
    /// A folded batch: the index of its first entry and every entry's index.
    Batch { batch_id: i64, members: Vec<usize> },
}

/// One day of the diary as the screen holds it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DiaryView {
    pub date: Option<NaiveDate>,
    pub entries: Vec<DiaryEntry>,
    pub follow_ups: Vec<DiaryEntry>,
    pub cursor: usize,
    pub loaded: bool,
    /// Batches opened with Enter.
    pub expanded: BTreeSet<i64>,
}

impl DiaryView {
    /// The day's lines: batches of more than one entry fold into one line unless opened.
    pub fn rows(&self) -> Vec<DayRow> {
        let mut rows = Vec::new();
        let mut seen = BTreeSet::new();
        for (i, e) in self.entries.iter().enumerate() {
            match e.batch_id {
                Some(b) if !self.expanded.contains(&b) => {
                    if !seen.insert(b) {
                        continue;
                    }
                    let members: Vec<usize> = self
                        .entries
                        .iter()
                        .enumerate()
                        .filter(|(_, x)| x.batch_id == Some(b))
                        .map(|(k, _)| k)
                        .collect();
                    if members.len() > 1 {
                        rows.push(DayRow::Batch {
                            batch_id: b,
                            members,
                        });
                    } else {
                        rows.push(DayRow::Entry(i));
                    }
                }
                _ => rows.push(DayRow::Entry(i)),
            }
        }
        rows
    }

    /// The line under the cursor.
    pub fn selected_row(&self) -> Option<DayRow> {
        self.rows().get(self.cursor).cloned()
    }

    /// The entry under the cursor (a folded batch's first entry).
    pub fn selected(&self) -> Option<&DiaryEntry> {
        match self.selected_row()? {
            DayRow::Entry(i) => self.entries.get(i),
            DayRow::Batch { members, .. } => members.first().and_then(|i| self.entries.get(*i)),
        }
    }

    /// Moves the cursor by `delta`, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows().len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize)
            .saturating_add(delta)
            .clamp(0, last.max(0)) as usize;
    }

    /// How many entries of each kind the day has, in kind order, kinds with none left out.
    pub fn counts(&self) -> Vec<(EntryKind, usize)> {
        EntryKind::ALL
            .iter()
            .map(|k| {
                (
                    *k,
                    self.entries.iter().filter(|e| e.draft.kind == *k).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

pub(crate) fn update_diary(app: &mut App, action: Action) -> Vec<Effect> {
    let date = app.diary.date.unwrap_or(app.ctx.today);
    let view = &mut app.diary;
    match action {
        Action::Up => view.move_by(-1),
        Action::Down => view.move_by(1),
        Action::Top => view.cursor = 0,
        Action::Bottom => view.move_by(isize::MAX / 2),
        Action::PrevDay => return vec![Effect::LoadDay(date - chrono::Duration::days(1))],
        Action::NextDay => return vec![Effect::LoadDay(date + chrono::Duration::days(1))],
        Action::Today => return vec![Effect::LoadDay(app.ctx.today)],
        Action::ShowHistory => {
            if let Some(e) = view.selected() {
                return vec![Effect::LoadHistory(e.id)];
            }
        }
        Action::Activate => match app.diary.selected_row() {
            Some(DayRow::Batch { batch_id, .. }) => {
                app.diary.expanded.insert(batch_id);
            }
            Some(DayRow::Entry(i)) => {
                let e = &app.diary.entries[i];
                app.form = Some(LogForm::amend(e.id, &e.draft, e.customer_name.clone()));
                app.mode = Mode::Log;
            }
            None => {}
        },
        Action::DeleteSelected => {
            if let Some(DayRow::Batch { members, .. }) = view.selected_row() {
                let ids: Vec<i64> = members.iter().map(|i| view.entries[*i].id).collect();
                let kind = view.entries[members[0]].draft.kind;
                app.confirm = Some(Confirmation {
                    prompt: Notice::fill(
                        T::ConfirmDeleteBatch,
                        [Arg::text(ids.len()), Arg::Kind(kind)],
                    ),
                    effect: Effect::DeleteEntries(ids),
                });
                app.mode = Mode::Confirm;
            } else if let Some(e) = view.selected().cloned() {
                let who = e.customer_name.clone().unwrap_or_else(|| "—".to_string());
                let prompt = Notice::fill(
                    T::ConfirmDelete,
                    [
                        Arg::text(e.draft.occurred_at.format("%H:%M")),
                        Arg::Kind(e.draft.kind),
                        Arg::text(who),
                    ],
                );
                app.confirm = Some(Confirmation {
                    prompt,
                    effect: Effect::DeleteEntries(vec![e.id]),
                });
                app.mode = Mode::Confirm;
            }
        }
        _ => {}
    }
    Vec::new()
}
