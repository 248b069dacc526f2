//! The Team tab's model (团队, for leads): the week shown, the board once loaded, the sort
//! column and its direction, and the selected manager. Sorting and moving are done here on the
//! loaded rows, so they never wait for the store.

use chrono::NaiveDate;

use crate::domain::board::{BOARD_KEYS, Board, BoardRow, sort_rows_by};
use crate::domain::review::monday_of;

/// The columns the board can be sorted by: the staff number, then each of [`BOARD_KEYS`].
pub const SORT_COLUMNS: usize = BOARD_KEYS.len() + 1;

/// The Team screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// A day of the week shown (`None`: the week of today).
    pub day: Option<NaiveDate>,
    /// The loaded week, its rows in the order shown.
    pub board: Option<Board>,
    /// The sort column: 0 the staff number, `i` the metric `BOARD_KEYS[i - 1]`.
    pub sort: usize,
    /// Worst first (or staff numbers descending) instead of best first.
    pub reversed: bool,
    /// The selected row (a manager; the total row is not selectable).
    pub cursor: usize,
    /// The last load failed (the message line says why): the screen stops saying "loading".
    pub failed: bool,
    /// A write since the board was loaded may have changed it.
    pub stale: bool,
    /// Other weeks loaded before, newest last, so stepping back and forth is instant.
    pub earlier: Vec<Board>,
}

impl Default for Model {
    fn default() -> Model {
        Model {
            day: None,
            board: None,
            // Ranked by the first figure of the board, best first, as the seeds' 展板.
            sort: 1,
            reversed: false,
            cursor: 0,
            failed: false,
            stale: false,
            earlier: Vec::new(),
        }
    }
}

impl Model {
    /// The Monday of the week shown.
    pub fn monday(&self, today: NaiveDate) -> NaiveDate {
        monday_of(self.day.unwrap_or(today))
    }

    /// The board of the week shown, once loaded.
    pub fn shown(&self, today: NaiveDate) -> Option<&Board> {
        let monday = self.monday(today);
        self.board.as_ref().filter(|b| b.monday == monday)
    }

    /// The board key sorted by (`None`: the staff number).
    pub fn sort_key(&self) -> Option<crate::domain::review::MetricKey> {
        self.sort
            .checked_sub(1)
            .and_then(|i| BOARD_KEYS.get(i).copied())
    }

    /// The selected manager's row.
    pub fn selected(&self) -> Option<&BoardRow> {
        self.board.as_ref()?.rows.get(self.cursor)
    }

    /// Sorts the rows by the sort column, keeping the cursor on the same manager.
    pub fn resort(&mut self) {
        let keep = self.selected().map(|r| r.manager_no.clone());
        self.sort_keeping(keep);
    }

    /// Sorts the rows by the sort column and puts the cursor on `manager_no` (the first row
    /// when it is gone).
    pub(super) fn sort_keeping(&mut self, manager_no: Option<String>) {
        let key = self.sort_key();
        let reversed = self.reversed;
        let Some(board) = self.board.as_mut() else {
            return;
        };
        sort_rows_by(&mut board.rows, key, reversed);
        self.cursor = manager_no
            .and_then(|no| board.rows.iter().position(|r| r.manager_no == no))
            .unwrap_or(0);
    }

    /// After a write: every loaded week may have changed.
    pub fn mark_stale(&mut self) {
        self.stale = true;
        self.earlier.clear();
    }

    /// Takes a loaded week out of the earlier ones.
    pub(super) fn take_earlier(&mut self, monday: NaiveDate) -> Option<Board> {
        let i = self.earlier.iter().position(|b| b.monday == monday)?;
        Some(self.earlier.remove(i))
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        let len = self.board.as_ref().map_or(0, |b| b.rows.len());
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
    }
}
