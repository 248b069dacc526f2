//! The Diary screen's model: the day shown, its entries and follow-ups, the cursor. Pure.

use chrono::NaiveDate;

use crate::domain::diary::{DiaryEntry, EntryKind};

/// One day of the diary as the screen holds it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DiaryView {
    pub date: Option<NaiveDate>,
    pub entries: Vec<DiaryEntry>,
    pub follow_ups: Vec<DiaryEntry>,
    pub cursor: usize,
    pub loaded: bool,
}

impl DiaryView {
    /// The entry under the cursor.
    pub fn selected(&self) -> Option<&DiaryEntry> {
        self.entries.get(self.cursor)
    }

    /// Moves the cursor by `delta`, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.entries.len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize + delta).clamp(0, last.max(0)) as usize;
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
