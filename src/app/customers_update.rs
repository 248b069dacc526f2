//! Keys on the Customers tree: moving, folding, marking, the search line and the filter bar.

use super::*;

/// Keys on the Customers tree in normal mode.
pub(super) fn update_tree(app: &mut App, action: Action) -> Vec<Effect> {
    let half = (app.list_height / 2).max(1) as isize;
    let page = app.list_height.max(1) as isize;
    let view = &mut app.customers;
    let mut effects = Vec::new();
    match action {
        Action::Up => view.move_by(-1),
        Action::Down => view.move_by(1),
        Action::Top => view.cursor = 0,
        Action::Bottom => view.cursor = view.rows.len().saturating_sub(1),
        Action::HalfPageDown => view.move_by(half),
        Action::HalfPageUp => view.move_by(-half),
        Action::PageDown => view.move_by(page),
        Action::PageUp => view.move_by(-page),
        Action::Activate => match view.rows.get(view.cursor) {
            Some(customers::TreeRow::Group { key, collapsed, .. }) => {
                view.set_collapsed(*key, !*collapsed)
            }
            Some(customers::TreeRow::Customer(i)) => {
                if let Some(s) = view.all.get(*i) {
                    effects.push(Effect::LoadDetail(s.customer.customer_no.clone()));
                }
            }
            None => {}
        },
        Action::ToggleFold => {
            // Space marks a customer (for a bulk SMS) and moves on; on a group it folds.
            if let Some(s) = view.selected_customer() {
                let no = s.customer.customer_no.clone();
                if !view.marked.remove(&no) {
                    view.marked.insert(no);
                }
                view.move_by(1);
            } else if let Some(key) = view.group_at_cursor() {
                let folded = view.collapsed.contains(&key);
                view.set_collapsed(key, !folded);
            }
        }
        Action::MarkGroup => view.mark_group_or_results(),
        Action::Fold => match view.rows.get(view.cursor) {
            Some(customers::TreeRow::Group {
                key,
                collapsed: false,
                ..
            }) => view.set_collapsed(*key, true),
            Some(customers::TreeRow::Group {
                key: GroupKey::Segment(tier, ..),
                collapsed: true,
                ..
            }) => view.select_group(GroupKey::Tier(*tier)),
            Some(customers::TreeRow::Customer(_)) => {
                if let Some(key) = view.group_at_cursor() {
                    view.select_group(key);
                }
            }
            _ => {}
        },
        Action::Unfold => {
            if let Some(customers::TreeRow::Group {
                key,
                collapsed: true,
                ..
            }) = view.rows.get(view.cursor)
            {
                view.set_collapsed(*key, false);
            }
        }
        Action::ToggleAll => {
            let key = view.group_at_cursor();
            if view.collapsed.is_empty() {
                let tiers: Vec<GroupKey> = view
                    .rows
                    .iter()
                    .filter_map(|r| match r {
                        customers::TreeRow::Group {
                            key: k @ GroupKey::Tier(_),
                            ..
                        } => Some(*k),
                        _ => None,
                    })
                    .collect();
                view.collapsed.extend(tiers);
            } else {
                view.collapsed.clear();
            }
            view.rebuild();
            if let Some(GroupKey::Segment(t, ..) | GroupKey::Tier(t)) = key {
                view.select_group(GroupKey::Tier(t));
            }
        }
        Action::Back if !view.marked.is_empty() => view.marked.clear(),
        Action::Back => {
            view.query.clear();
            view.filter = customers::Filter::default();
            view.rebuild();
        }
        Action::StartSearch => {
            app.mode = Mode::Search;
        }
        Action::StartFilter => {
            app.mode = Mode::Filter;
        }
        _ => {}
    }
    app.customers.scroll_to_cursor(app.list_height);
    effects
}

pub(super) fn update_search(app: &mut App, action: Action) -> Vec<Effect> {
    let view = &mut app.customers;
    match action {
        Action::Input(c) => {
            view.query.push(c);
            view.rebuild();
            first_customer(view);
        }
        Action::Backspace => {
            view.query.pop();
            view.rebuild();
            first_customer(view);
        }
        Action::Submit => app.mode = Mode::Normal,
        Action::Cancel => {
            view.query.clear();
            view.rebuild();
            app.mode = Mode::Normal;
        }
        Action::Up => view.move_by(-1),
        Action::Down => view.move_by(1),
        _ => {}
    }
    app.customers.scroll_to_cursor(app.list_height);
    Vec::new()
}

/// Puts the cursor on the first matching customer so Enter opens the best hit.
pub(super) fn first_customer(view: &mut CustomersView) {
    view.cursor = view
        .rows
        .iter()
        .position(|r| matches!(r, customers::TreeRow::Customer(_)))
        .unwrap_or(0);
}

pub(super) fn update_filter(app: &mut App, action: Action) -> Vec<Effect> {
    let tiers = app.ctx.policy.tiers.len();
    let view = &mut app.customers;
    let f = &mut view.filter;
    match action {
        Action::CycleTier => {
            f.tier = match f.tier {
                None => Some(tiers.saturating_sub(1)),
                Some(0) => None,
                Some(t) => Some(t - 1),
            }
        }
        Action::CycleAge => f.age = cycle(&[AgeSegment::Young, AgeSegment::Senior], f.age),
        Action::CyclePreference => {
            f.preference = cycle(&[Preference::Investment, Preference::Savings], f.preference)
        }
        Action::CycleLifecycle => f.lifecycle = cycle(&Lifecycle::ALL, f.lifecycle),
        Action::CycleTag => f.tag = cycle(&view.tags, f.tag.clone()),
        Action::Submit | Action::Cancel | Action::StartFilter => {
            app.mode = Mode::Normal;
            return Vec::new();
        }
        Action::Back => {
            *f = customers::Filter::default();
        }
        _ => return Vec::new(),
    }
    view.rebuild();
    first_customer(view);
    app.customers.scroll_to_cursor(app.list_height);
    Vec::new()
}

/// The next value in `values` after `current`; after the last comes `None` (any).
pub(super) fn cycle<V: Clone + PartialEq>(values: &[V], current: Option<V>) -> Option<V> {
    match current {
        None => values.first().cloned(),
        Some(c) => {
            let pos = values.iter().position(|v| *v == c)?;
            values.get(pos + 1).cloned()
        }
    }
}
