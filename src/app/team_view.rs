//! The Team screen's model (团队, for leads): the week shown, the board once loaded, the sort column and its direction, and the selected manager. Sorting and moving are done here on the loaded rows, so they never wait for the store.

use super::notice::{Arg, Notice};
use chrono::{Duration, NaiveDate};

use super::{Action, App, Effect, Screen};
use crate::domain::board::{BOARD_KEYS, Board, BoardRow, sort_rows_by};
use crate::domain::review::monday_of;
use crate::i18n::T;

/// The columns the board can be sorted by: the staff number, then each of [`BOARD_KEYS`].
pub const SORT_COLUMNS: usize = BOARD_KEYS.len() + 1;

/// The Team screen.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamView {
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

impl Default for TeamView {
    fn default() -> TeamView {
        TeamView {
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

impl TeamView {
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
    fn sort_keeping(&mut self, manager_no: Option<String>) {
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
    fn take_earlier(&mut self, monday: NaiveDate) -> Option<Board> {
        let i = self.earlier.iter().position(|b| b.monday == monday)?;
        Some(self.earlier.remove(i))
    }

    fn move_by(&mut self, delta: isize) {
        let len = self.board.as_ref().map_or(0, |b| b.rows.len());
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
    }
}

/// The load effect for the week shown.
pub fn load_board(app: &mut App) -> Effect {
    app.team.failed = false;
    Effect::LoadTeam(app.team.monday(app.ctx.today))
}

/// The effects of showing the week: a load unless it is loaded and still fresh.
pub fn open(app: &mut App) -> Vec<Effect> {
    if app.team.shown(app.ctx.today).is_some() && !app.team.stale {
        return Vec::new();
    }
    if !app.team.stale
        && let Some(board) = app.team.take_earlier(app.team.monday(app.ctx.today))
    {
        board_loaded(app, board);
        return Vec::new();
    }
    vec![load_board(app)]
}

/// How many weeks besides the one shown are kept.
const EARLIER_WEEKS: usize = 8;

/// A week of the board arrived: shown in the chosen order, the cursor kept on its manager.
pub fn board_loaded(app: &mut App, board: Board) {
    let keep = app.team.selected().map(|r| r.manager_no.clone());
    app.team.stale = false;
    if let Some(old) = app.team.board.take().filter(|b| b.monday != board.monday) {
        app.team.earlier.retain(|b| b.monday != old.monday);
        app.team.earlier.push(old);
        if app.team.earlier.len() > EARLIER_WEEKS {
            app.team.earlier.remove(0);
        }
    }
    app.team.board = Some(board);
    app.team.sort_keeping(keep);
}

/// Keys on the Team screen in normal mode.
pub fn update_team(app: &mut App, action: Action) -> Vec<Effect> {
    let view = &mut app.team;
    let monday = view.monday(app.ctx.today);
    let day = match action {
        Action::PrevDay => monday - Duration::days(7),
        Action::NextDay => monday + Duration::days(7),
        Action::Today => monday_of(app.ctx.today),
        Action::Up => {
            view.move_by(-1);
            return Vec::new();
        }
        Action::Down => {
            view.move_by(1);
            return Vec::new();
        }
        Action::Top => {
            view.cursor = 0;
            return Vec::new();
        }
        Action::Bottom => {
            view.move_by(isize::MAX / 2);
            return Vec::new();
        }
        Action::PrevSortColumn | Action::NextSortColumn => {
            let step = if action == Action::NextSortColumn {
                1
            } else {
                SORT_COLUMNS - 1
            };
            view.sort = (view.sort + step) % SORT_COLUMNS;
            view.reversed = false;
            view.resort();
            return Vec::new();
        }
        Action::ReverseSort => {
            view.reversed = !view.reversed;
            view.resort();
            return Vec::new();
        }
        Action::Activate => return open_review(app),
        _ => return Vec::new(),
    };
    view.day = Some(day);
    open(app)
}

/// Enter on a manager: that manager's week on the Review tab, read only; Esc comes back.
fn open_review(app: &mut App) -> Vec<Effect> {
    let Some(row) = app.team.selected() else {
        return Vec::new();
    };
    let (no, name) = (row.manager_no.clone(), row.manager_name.clone());
    let own = app.ctx.manager.as_deref() == Some(no.as_str());
    app.review_manager = (!own).then(|| no.clone());
    app.review.edit_on_load = false;
    // The figures on screen may be another manager's for the same week.
    app.review.data = None;
    app.review.scroll = 0;
    app.review.day = Some(app.team.monday(app.ctx.today));
    app.screen = Screen::Review;
    app.detail = None;
    if !own {
        let who = if name.is_empty() { no } else { name };
        app.notice = Some(Notice::fill(T::TmViewing, [Arg::text(who)]));
    }
    vec![super::review_view::load_week(app)]
}

/// On the Review tab showing another manager's week (opened from the Team tab): Esc goes back
/// to the board, and the reflection is that manager's own to write. `None`: not handled here.
pub fn update_other_review(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    app.review_manager.as_ref()?;
    match action {
        Action::Back => Some(super::switch_to(app, Screen::Team)),
        Action::Activate => {
            app.notice = Some(Notice::say(T::TmReadOnly));
            Some(Vec::new())
        }
        _ => None,
    }
}
