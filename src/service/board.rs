//! The team board's use-case: every manager's week (figures without the queue rebuild) as board rows with the team total, for `guanhu board` and the Team tab alike. No formatting, no terminal code.

use crate::domain::assignment::Role;
use crate::domain::board::{BOARD_KEYS, Board, BoardRow, board_row, sort_rows, team_total};
use crate::domain::policy::Policy;
use crate::domain::review::{Unit, monday_of, week_label};
use crate::error::Result;
use crate::store::managers::{ManagerRow, find_manager, list_managers};
use crate::store::{Conn, Store};
use chrono::NaiveDate;

/// Every manager's week holding `day`, as board rows by staff number, with the team total.
pub fn load_board(
    store: &Store,
    policy: &Policy,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<Board> {
    // Each manager's week is read on its own: half the managers on this connection, half on
    // a second one on another thread, both in one snapshot (see `Store::read_both`).
    let managers = list_managers(store.conn())?;
    let read = |conn: &Conn, managers: &[ManagerRow]| -> Result<Vec<BoardRow>> {
        managers
            .iter()
            .map(|m| {
                let week = super::review::load(conn, policy, &m.manager_no, day, today, false)?;
                Ok(board_row(
                    &week.manager_no,
                    &week.manager_name,
                    &week.review.metrics,
                ))
            })
            .collect()
    };
    let (first, second) = managers.split_at(managers.len() / 2);
    let (mut rows, theirs) = store.read_both(
        "reading the team board failed",
        |conn| read(conn, second),
        |conn| read(conn, first),
        &mut || (),
    )?;
    // The same order as before: the first half of the managers, then the second.
    rows.splice(0..0, theirs);
    let mut units = vec![Unit::Count; BOARD_KEYS.len()];
    for row in &rows {
        for (u, metric) in units.iter_mut().zip(&row.metrics) {
            if metric.actual.is_some() {
                *u = metric.unit;
            }
        }
    }
    sort_rows(&mut rows, None);
    let total = team_total(&rows);
    let monday = monday_of(day);
    Ok(Board {
        week: week_label(monday),
        monday,
        rows,
        total,
        units,
    })
}

/// The stored role of a manager (`None` when the manager is unknown or the role is not one
/// this build knows), which decides whether the app shows the Team tab.
pub fn manager_role(store: &Store, manager_no: &str) -> Result<Option<Role>> {
    Ok(find_manager(store.conn(), manager_no)?.and_then(|m| m.role_kind()))
}
