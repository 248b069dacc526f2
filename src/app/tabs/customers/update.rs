//! The Customers tab's messages and `update`: its own model and the read-only context in; the
//! detail to load, or the input mode to switch to (the search line, the filter bar), out. Pure:
//! no store, no clock, and nothing of the other tabs or the open detail.

use super::model::{Filter, GroupKey, Model, TreeRow};
use crate::app::tabs::Cmd;
use crate::app::{Ctx, Effect, Mode};
use crate::domain::classify::{AgeSegment, Lifecycle};
use crate::domain::customer::Preference;
use crate::domain::portfolio::CustomerSummary;

/// A key on the search line (`/`), as the shared line rows give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A character typed into the query.
    Char(char),
    /// The query's last character off.
    Backspace,
    /// Enter: keep the query, back to the tree.
    Submit,
    /// Esc: drop the query, back to the tree.
    Cancel,
    /// The cursor up a line while typing.
    Up,
    /// The cursor down a line while typing.
    Down,
}

/// What the Customers tab is told: a key through the keymap, a load's result, or the shell's
/// news (a resize, a bulk SMS written).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The cursor up a line.
    Up,
    /// The cursor down a line.
    Down,
    /// The first line.
    Top,
    /// The last line.
    Bottom,
    /// Half a page down (Ctrl-d).
    HalfPageDown,
    /// Half a page up (Ctrl-u).
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Enter: fold or unfold the group, or open the customer's detail.
    Open,
    /// Space: mark the customer (for a bulk SMS) and move on; on a group, fold it.
    Mark,
    /// `V`: mark the group under the cursor, or every search/filter result.
    MarkGroup,
    /// `h`: fold the group (or go to the customer's group, or the segment's tier).
    Fold,
    /// `l`: unfold the group.
    Unfold,
    /// `z`: fold every tier, or unfold everything.
    FoldAll,
    /// Esc: drop the marks, else the search and the filters.
    Clear,
    /// `/`: start typing a search.
    StartSearch,
    /// `f`: open the filter bar.
    StartFilter,
    /// A key on the search line.
    Search(Line),
    /// Text pasted onto the search line (already one line).
    PasteQuery(String),
    /// In the filter bar: the next tier (highest first), then any.
    CycleTier,
    /// In the filter bar: the next age segment, then any.
    CycleAge,
    /// In the filter bar: the next preference, then any.
    CyclePreference,
    /// In the filter bar: the next lifecycle stage, then any.
    CycleLifecycle,
    /// In the filter bar: the next tag of the book, then any.
    CycleTag,
    /// In the filter bar: every filter off.
    ClearFilter,
    /// In the filter bar: Enter, Esc or `f` close it, the filters kept.
    CloseFilter,
    /// The tree shows this many lines now (the shell's `list_height`).
    Resized(usize),
    /// Result: the manager's book was loaded.
    BookLoaded(Vec<CustomerSummary>),
    /// The bulk SMS to the marked customers was written: the marks go.
    Unmark,
}

/// Applies a message to the Customers tab.
pub fn update(model: &mut Model, ctx: &Ctx, msg: Msg) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    match msg {
        Msg::Search(line) => cmds = search(model, line),
        Msg::PasteQuery(text) => {
            model.query.push_str(&text);
            model.rebuild();
        }
        Msg::CycleTier
        | Msg::CycleAge
        | Msg::CyclePreference
        | Msg::CycleLifecycle
        | Msg::CycleTag
        | Msg::ClearFilter => {
            filter(model, ctx, &msg);
            model.rebuild();
            model.first_customer();
        }
        // The bar closes as it is: nothing moves.
        Msg::CloseFilter => return vec![Cmd::Mode(Mode::Normal)],
        Msg::Resized(height) => model.height = height,
        Msg::BookLoaded(book) => model.set_book(book, ctx.policy.tiers.len()),
        Msg::Unmark => {
            model.marked.clear();
            return cmds;
        }
        tree_msg => cmds = tree(model, tree_msg),
    }
    model.scroll_to_cursor();
    cmds
}

/// Keys on the tree in normal mode.
fn tree(model: &mut Model, msg: Msg) -> Vec<Cmd> {
    let half = (model.height / 2).max(1) as isize;
    let page = model.height.max(1) as isize;
    let mut cmds = Vec::new();
    match msg {
        Msg::Up => model.move_by(-1),
        Msg::Down => model.move_by(1),
        Msg::Top => model.cursor = 0,
        Msg::Bottom => model.cursor = model.rows.len().saturating_sub(1),
        Msg::HalfPageDown => model.move_by(half),
        Msg::HalfPageUp => model.move_by(-half),
        Msg::PageDown => model.move_by(page),
        Msg::PageUp => model.move_by(-page),
        Msg::Open => match model.rows.get(model.cursor) {
            Some(TreeRow::Group { key, collapsed, .. }) => {
                let (key, collapsed) = (*key, *collapsed);
                model.set_collapsed(key, !collapsed)
            }
            Some(TreeRow::Customer(i)) => {
                if let Some(s) = model.all.get(*i) {
                    let no = s.customer.customer_no.clone();
                    cmds.push(Cmd::Run(Effect::LoadDetail(no)));
                }
            }
            None => {}
        },
        Msg::Mark => {
            // Space marks a customer (for a bulk SMS) and moves on; on a group it folds.
            if let Some(s) = model.selected_customer() {
                let no = s.customer.customer_no.clone();
                if !model.marked.remove(&no) {
                    model.marked.insert(no);
                }
                model.move_by(1);
            } else if let Some(key) = model.group_at_cursor() {
                let folded = model.collapsed.contains(&key);
                model.set_collapsed(key, !folded);
            }
        }
        Msg::MarkGroup => model.mark_group_or_results(),
        Msg::Fold => fold(model),
        Msg::Unfold => {
            if let Some(TreeRow::Group {
                key,
                collapsed: true,
                ..
            }) = model.rows.get(model.cursor)
            {
                let key = *key;
                model.set_collapsed(key, false);
            }
        }
        Msg::FoldAll => fold_all(model),
        Msg::Clear if !model.marked.is_empty() => model.marked.clear(),
        Msg::Clear => {
            model.query.clear();
            model.filter = Filter::default();
            model.rebuild();
        }
        Msg::StartSearch => cmds.push(Cmd::Mode(Mode::Search)),
        Msg::StartFilter => cmds.push(Cmd::Mode(Mode::Filter)),
        _ => {}
    }
    cmds
}

/// `h`: folds an open group; on a folded segment goes to its tier, on a customer to its group.
fn fold(model: &mut Model) {
    match model.rows.get(model.cursor).copied() {
        Some(TreeRow::Group {
            key,
            collapsed: false,
            ..
        }) => model.set_collapsed(key, true),
        Some(TreeRow::Group {
            key: GroupKey::Segment(tier, ..),
            collapsed: true,
            ..
        }) => model.select_group(GroupKey::Tier(tier)),
        Some(TreeRow::Customer(_)) => {
            if let Some(key) = model.group_at_cursor() {
                model.select_group(key);
            }
        }
        _ => {}
    }
}

/// `z`: with nothing folded, folds every tier; else unfolds everything. The cursor stays on
/// its tier.
fn fold_all(model: &mut Model) {
    let key = model.group_at_cursor();
    if model.collapsed.is_empty() {
        let tiers: Vec<GroupKey> = model
            .rows
            .iter()
            .filter_map(|r| match r {
                TreeRow::Group {
                    key: k @ GroupKey::Tier(_),
                    ..
                } => Some(*k),
                _ => None,
            })
            .collect();
        model.collapsed.extend(tiers);
    } else {
        model.collapsed.clear();
    }
    model.rebuild();
    if let Some(GroupKey::Segment(t, ..) | GroupKey::Tier(t)) = key {
        model.select_group(GroupKey::Tier(t));
    }
}

/// A key on the search line: the tree follows the query as it is typed.
fn search(model: &mut Model, line: Line) -> Vec<Cmd> {
    match line {
        Line::Char(c) => {
            model.query.push(c);
            model.rebuild();
            model.first_customer();
        }
        Line::Backspace => {
            model.query.pop();
            model.rebuild();
            model.first_customer();
        }
        Line::Submit => return vec![Cmd::Mode(Mode::Normal)],
        Line::Cancel => {
            model.query.clear();
            model.rebuild();
            return vec![Cmd::Mode(Mode::Normal)];
        }
        Line::Up => model.move_by(-1),
        Line::Down => model.move_by(1),
    }
    Vec::new()
}

/// A key in the filter bar: the filter it changes.
fn filter(model: &mut Model, ctx: &Ctx, msg: &Msg) {
    let tiers = ctx.policy.tiers.len();
    let f = &mut model.filter;
    match msg {
        Msg::CycleTier => {
            f.tier = match f.tier {
                None => Some(tiers.saturating_sub(1)),
                Some(0) => None,
                Some(t) => Some(t - 1),
            }
        }
        Msg::CycleAge => f.age = cycle(&[AgeSegment::Young, AgeSegment::Senior], f.age),
        Msg::CyclePreference => {
            f.preference = cycle(&[Preference::Investment, Preference::Savings], f.preference)
        }
        Msg::CycleLifecycle => f.lifecycle = cycle(&Lifecycle::ALL, f.lifecycle),
        Msg::CycleTag => f.tag = cycle(&model.tags, f.tag.clone()),
        Msg::ClearFilter => *f = Filter::default(),
        _ => {}
    }
}

/// The next value in `values` after `current`; after the last comes `None` (any).
fn cycle<V: Clone + PartialEq>(values: &[V], current: Option<V>) -> Option<V> {
    match current {
        None => values.first().cloned(),
        Some(c) => {
            let pos = values.iter().position(|v| *v == c)?;
            values.get(pos + 1).cloned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::classify::Classification;
    use crate::domain::customer::Customer;
    use crate::domain::search::SearchKey;
    use rust_decimal::Decimal;

    fn ctx() -> Ctx {
        Ctx::sample()
    }

    fn customer(no: &str, tier: usize, aum: i64) -> CustomerSummary {
        CustomerSummary {
            customer: Customer {
                customer_no: no.into(),
                name: no.into(),
                ..Customer::default()
            },
            manager_name: None,
            balances: Default::default(),
            as_of: None,
            class: Classification {
                aum: Decimal::from(aum),
                tier,
                age: AgeSegment::Young,
                preference: Preference::Investment,
                preference_overridden: false,
                lifecycle: Lifecycle::Established,
            },
            search: SearchKey::new(no),
            last_contact: None,
        }
    }

    /// A book of two customers in the top tier and one in the lowest, loaded.
    fn loaded(ctx: &Ctx) -> Model {
        let top = ctx.policy.tiers.len() - 1;
        let book = vec![
            customer("C3", 0, 10),
            customer("C1", top, 900),
            customer("C2", top, 800),
        ];
        let mut model = Model::default();
        assert!(update(&mut model, ctx, Msg::BookLoaded(book)).is_empty());
        model
    }

    #[test]
    fn the_book_is_a_tree_and_enter_folds_or_opens() {
        let ctx = ctx();
        let mut model = loaded(&ctx);
        // Tier, segment, C1, C2, tier, segment, C3: highest tier and largest AUM first.
        assert_eq!(model.rows.len(), 7);
        assert_eq!(model.matched, 3);
        update(&mut model, &ctx, Msg::Down);
        update(&mut model, &ctx, Msg::Down);
        assert_eq!(
            model.selected_customer().unwrap().customer.customer_no,
            "C1"
        );
        assert_eq!(
            update(&mut model, &ctx, Msg::Open),
            vec![Cmd::Run(Effect::LoadDetail("C1".into()))]
        );
        // `h` on a customer goes to its segment; Enter there folds it.
        update(&mut model, &ctx, Msg::Fold);
        assert_eq!(model.cursor, 1);
        assert!(update(&mut model, &ctx, Msg::Open).is_empty());
        assert_eq!(model.rows.len(), 5);
        update(&mut model, &ctx, Msg::FoldAll);
        assert!(update(&mut model, &ctx, Msg::Bottom).is_empty());
        assert_eq!(model.cursor, model.rows.len() - 1);
    }

    #[test]
    fn search_and_filter_ask_the_shell_for_their_mode() {
        let ctx = ctx();
        let mut model = loaded(&ctx);
        assert_eq!(
            update(&mut model, &ctx, Msg::StartSearch),
            vec![Cmd::Mode(Mode::Search)]
        );
        update(&mut model, &ctx, Msg::PasteQuery("zzz".into()));
        assert_eq!(model.matched, 0);
        assert_eq!(
            update(&mut model, &ctx, Msg::Search(Line::Cancel)),
            vec![Cmd::Mode(Mode::Normal)]
        );
        assert!(model.query.is_empty());
        assert_eq!(model.matched, 3);

        assert_eq!(
            update(&mut model, &ctx, Msg::StartFilter),
            vec![Cmd::Mode(Mode::Filter)]
        );
        // The first tier the bar offers is the highest: the cursor goes to its first customer.
        update(&mut model, &ctx, Msg::CycleTier);
        assert_eq!(model.matched, 2);
        assert_eq!(
            model.selected_customer().unwrap().customer.customer_no,
            "C1"
        );
        assert_eq!(
            update(&mut model, &ctx, Msg::CloseFilter),
            vec![Cmd::Mode(Mode::Normal)]
        );
        assert!(!model.filter.is_empty(), "closing keeps the filter");
        update(&mut model, &ctx, Msg::Clear);
        assert!(model.filter.is_empty());
    }

    #[test]
    fn marks_come_before_the_search_for_esc() {
        let ctx = ctx();
        let mut model = loaded(&ctx);
        update(&mut model, &ctx, Msg::Down);
        update(&mut model, &ctx, Msg::Down);
        update(&mut model, &ctx, Msg::Mark);
        assert!(model.marked.contains("C1"));
        assert_eq!(model.cursor, 3, "Space moves on");
        update(&mut model, &ctx, Msg::PasteQuery("C".into()));
        update(&mut model, &ctx, Msg::Clear);
        assert!(model.marked.is_empty());
        assert_eq!(model.query, "C", "the first Esc drops the marks only");
        update(&mut model, &ctx, Msg::MarkGroup);
        assert_eq!(model.marked.len(), 3, "V with a search marks every result");
        update(&mut model, &ctx, Msg::Unmark);
        assert!(model.marked.is_empty());
    }

    #[test]
    fn pages_follow_the_height_the_shell_gives() {
        let ctx = ctx();
        let mut model = loaded(&ctx);
        update(&mut model, &ctx, Msg::Resized(2));
        update(&mut model, &ctx, Msg::PageDown);
        assert_eq!(model.cursor, 2);
        assert_eq!(model.offset, 1, "the cursor is kept on screen");
        update(&mut model, &ctx, Msg::HalfPageUp);
        assert_eq!(model.cursor, 1);
    }
}
