//! The Diary tab's model: the day shown, its entries and follow-ups, the cursor. A bulk SMS
//! shows as one line until opened. Pure.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::domain::diary::{DiaryDay, DiaryEntry, EntryKind};

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
pub struct Model {
    pub date: Option<NaiveDate>,
    pub entries: Vec<DiaryEntry>,
    pub follow_ups: Vec<DiaryEntry>,
    pub cursor: usize,
    pub loaded: bool,
    /// Batches opened with Enter.
    pub expanded: BTreeSet<i64>,
}

impl Model {
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

impl Model {
    /// Takes a loaded day, keeping the cursor on the same entry when it is still there.
    pub fn set_day(&mut self, day: DiaryDay) {
        let keep = self.selected().map(|e| e.id);
        if self.date != Some(day.date) {
            self.expanded.clear();
        }
        self.date = Some(day.date);
        self.entries = day.entries;
        self.follow_ups = day.follow_ups;
        self.loaded = true;
        let rows = self.rows();
        let entries = &self.entries;
        self.cursor = keep
            .and_then(|id| {
                rows.iter().position(|r| match r {
                    DayRow::Entry(i) => entries.get(*i).is_some_and(|e| e.id == id),
                    DayRow::Batch { members, .. } => members
                        .iter()
                        .any(|i| entries.get(*i).is_some_and(|e| e.id == id)),
                })
            })
            .unwrap_or(0)
            .min(rows.len().saturating_sub(1));
    }
}
