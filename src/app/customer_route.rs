//! The shell's side of the Customers tab and the customer detail (issue 11): a message to
//! either, and what it asks for carried out; the shared search-line rows turned into the tab's
//! messages. Routing only: the tree and the detail change in `tabs::customers` and
//! `tabs::detail`, never here.

use super::update::carry_out;
use super::*;

/// A message to the Customers tab, and what it asked for carried out.
pub(super) fn customers(app: &mut App, msg: tabs::customers::Msg) -> Vec<Effect> {
    let cmds = tabs::customers::update(&mut app.customers, &app.ctx, msg);
    carry_out(app, cmds)
}

/// A message to the open customer detail (its own slice, held in `App::detail`).
pub(super) fn detail_msg(app: &mut App, msg: tabs::detail::Msg) -> Vec<Effect> {
    let cmds = tabs::detail::update(&mut app.detail, &app.ctx, msg);
    carry_out(app, cmds)
}

/// A key on the Customers search line: the shared line rows as the tab's messages.
pub(super) fn customers_search(app: &mut App, action: Action) -> Vec<Effect> {
    use tabs::customers::{Line, Msg};
    let line = match action {
        Action::Input(c) => Line::Char(c),
        Action::Backspace => Line::Backspace,
        Action::Submit => Line::Submit,
        Action::Cancel => Line::Cancel,
        Action::Up => Line::Up,
        Action::Down => Line::Down,
        // The line rows give nothing else.
        _ => return Vec::new(),
    };
    customers(app, Msg::Search(line))
}
