//! The Team tab's messages and `update`: its own model and the read-only context in; the loads
//! it needs, or a manager's week to open on the Review tab, out. Pure.

use chrono::Duration;

use super::model::{Model, SORT_COLUMNS};
use crate::app::tabs::Cmd;
use crate::app::{Ctx, Effect};
use crate::domain::board::Board;
use crate::domain::review::monday_of;

/// What the Team tab is told: a key through the keymap, or a load's result.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The week before.
    PrevWeek,
    /// The week after.
    NextWeek,
    /// This week.
    ThisWeek,
    /// The cursor up a manager.
    Up,
    /// The cursor down a manager.
    Down,
    /// The first manager.
    Top,
    /// The last manager.
    Bottom,
    /// Sort by the column to the left.
    PrevSort,
    /// Sort by the column to the right.
    NextSort,
    /// Best first ↔ worst first.
    Reverse,
    /// Enter: the selected manager's week on the Review tab.
    OpenWeek,
    /// Result: a week of the board was loaded.
    Loaded(Box<Board>),
}

/// How many weeks besides the one shown are kept.
const EARLIER_WEEKS: usize = 8;

/// Applies a message to the Team tab.
pub fn update(model: &mut Model, ctx: &Ctx, msg: Msg) -> Vec<Cmd> {
    let monday = model.monday(ctx.today);
    let day = match msg {
        Msg::PrevWeek => monday - Duration::days(7),
        Msg::NextWeek => monday + Duration::days(7),
        Msg::ThisWeek => monday_of(ctx.today),
        Msg::Up => return moved(model, -1),
        Msg::Down => return moved(model, 1),
        Msg::Top => {
            model.cursor = 0;
            return Vec::new();
        }
        Msg::Bottom => return moved(model, isize::MAX / 2),
        Msg::PrevSort | Msg::NextSort => {
            let step = if msg == Msg::NextSort {
                1
            } else {
                SORT_COLUMNS - 1
            };
            model.sort = (model.sort + step) % SORT_COLUMNS;
            model.reversed = false;
            model.resort();
            return Vec::new();
        }
        Msg::Reverse => {
            model.reversed = !model.reversed;
            model.resort();
            return Vec::new();
        }
        Msg::OpenWeek => {
            return model
                .selected()
                .map(|row| Cmd::OpenWeekOf {
                    manager_no: row.manager_no.clone(),
                    name: row.manager_name.clone(),
                    monday,
                })
                .into_iter()
                .collect();
        }
        Msg::Loaded(board) => {
            loaded(model, *board);
            return Vec::new();
        }
    };
    model.day = Some(day);
    open(model, ctx)
}

fn moved(model: &mut Model, delta: isize) -> Vec<Cmd> {
    model.move_by(delta);
    Vec::new()
}

/// The load of the week shown.
pub fn load(model: &mut Model, ctx: &Ctx) -> Cmd {
    model.failed = false;
    Cmd::Run(Effect::LoadTeam(model.monday(ctx.today)))
}

/// Showing the week: a load unless it is loaded and still fresh.
pub fn open(model: &mut Model, ctx: &Ctx) -> Vec<Cmd> {
    if model.shown(ctx.today).is_some() && !model.stale {
        return Vec::new();
    }
    if !model.stale
        && let Some(board) = model.take_earlier(model.monday(ctx.today))
    {
        loaded(model, board);
        return Vec::new();
    }
    vec![load(model, ctx)]
}

/// A week of the board arrived: shown in the chosen order, the cursor kept on its manager.
fn loaded(model: &mut Model, board: Board) {
    let keep = model.selected().map(|r| r.manager_no.clone());
    model.stale = false;
    if let Some(old) = model.board.take().filter(|b| b.monday != board.monday) {
        model.earlier.retain(|b| b.monday != old.monday);
        model.earlier.push(old);
        if model.earlier.len() > EARLIER_WEEKS {
            model.earlier.remove(0);
        }
    }
    model.board = Some(board);
    model.sort_keeping(keep);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn weeks_load_and_an_empty_board_opens_nobody() {
        let ctx = Ctx::sample();
        let mut model = Model::default();
        let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            update(&mut model, &ctx, Msg::PrevWeek),
            vec![Cmd::Run(Effect::LoadTeam(monday - Duration::days(7)))]
        );
        assert_eq!(
            update(&mut model, &ctx, Msg::ThisWeek),
            vec![Cmd::Run(Effect::LoadTeam(monday))]
        );
        assert!(update(&mut model, &ctx, Msg::OpenWeek).is_empty());
        assert!(update(&mut model, &ctx, Msg::NextSort).is_empty());
        assert_eq!(model.sort, 2);
    }
}
