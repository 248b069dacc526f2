//! The team board's use-case: every manager's week (figures without the queue rebuild) as board rows with the team total, for `guanhu board` and the Team tab alike. No formatting, no terminal code.

use crate::domain::assignment::Role;
use crate::domain::board::{BOARD_KEYS, Board, board_row, sort_rows, team_total};
use crate::domain::policy::Policy;
use crate::domain::review::{Unit, monday_of, week_label};
use crate::error::Result;
use crate::store::Store;
use crate::store::managers::{find_manager, list_managers};
use chrono::NaiveDate;

/// Every manager's week holding `day`, as board rows by staff number, with the team total.
pub fn load_board(
    store: &Store,
    policy: &Policy,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<Board> {
    let mut rows = Vec::new();
    let mut units = vec![Unit::Count; BOARD_KEYS.len()];
    for m in list_managers(store.conn())? {
        // The board leaves out the daily plan completion: ten queue rebuilds per manager.
        let week =
            super::review::load_week_without_queue(store, policy, &m.manager_no, day, today)?;
        let row = board_row(&week.manager_no, &week.manager_name, &week.review.metrics);
        for (u, metric) in units.iter_mut().zip(&row.metrics) {
            if metric.actual.is_some() {
                *u = metric.unit;
            }
        }
        rows.push(row);
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
