//! The customer detail's model, messages and `update`: the open detail (or none) and the
//! read-only context in; nothing out, since scrolling, revealing and closing stay in the
//! slice. Pure: the detail arrives loaded, it is never fetched here.

use super::model::Model;
use crate::app::Ctx;
use crate::app::tabs::Cmd;
use crate::domain::portfolio::CustomerDetail;

/// What the detail is told: a key through the keymap, or the load's result.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Esc, `h`: close the detail, back to the tab beneath.
    Close,
    /// `p`: reveal or mask the phone and the ID.
    Reveal,
    /// Scroll down a line.
    Down,
    /// Scroll up a line.
    Up,
    /// Back to the top.
    Top,
    /// Result: a customer's detail was loaded; it opens, masked, at the top.
    Loaded(Box<CustomerDetail>),
}

/// Applies a message to the detail (`None`: closed; only `Loaded` opens it).
pub fn update(model: &mut Option<Model>, _ctx: &Ctx, msg: Msg) -> Vec<Cmd> {
    if let Msg::Loaded(detail) = msg {
        *model = Some(Model {
            detail,
            revealed: false,
            scroll: 0,
        });
        return Vec::new();
    }
    let Some(view) = model.as_mut() else {
        return Vec::new();
    };
    match msg {
        Msg::Close => *model = None,
        Msg::Reveal => view.revealed = !view.revealed,
        Msg::Down => view.scroll = view.scroll.saturating_add(1),
        Msg::Up => view.scroll = view.scroll.saturating_sub(1),
        Msg::Top => view.scroll = 0,
        Msg::Loaded(_) => {}
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::classify::{AgeSegment, Classification, Lifecycle};
    use crate::domain::customer::Preference;
    use crate::domain::portfolio::CustomerSummary;
    use crate::domain::search::SearchKey;

    #[test]
    fn the_detail_opens_masked_scrolls_and_closes() {
        let ctx = Ctx::sample();
        let mut model = None;
        assert!(update(&mut model, &ctx, Msg::Reveal).is_empty());
        assert!(model.is_none(), "nothing opens but a load");
        let detail = CustomerDetail {
            summary: CustomerSummary {
                customer: Default::default(),
                manager_name: None,
                balances: Default::default(),
                as_of: None,
                class: Classification {
                    aum: Default::default(),
                    tier: 0,
                    age: AgeSegment::Young,
                    preference: Preference::Savings,
                    preference_overridden: false,
                    lifecycle: Lifecycle::Prospect,
                },
                search: SearchKey::new(""),
                last_contact: None,
            },
            holdings: Vec::new(),
            snapshots: Vec::new(),
            timeline: Vec::new(),
            cadence: Default::default(),
            book: Default::default(),
        };
        update(&mut model, &ctx, Msg::Loaded(Box::new(detail)));
        update(&mut model, &ctx, Msg::Reveal);
        update(&mut model, &ctx, Msg::Up);
        update(&mut model, &ctx, Msg::Down);
        update(&mut model, &ctx, Msg::Down);
        let open = model.as_ref().unwrap();
        assert!(open.revealed);
        assert_eq!(open.scroll, 2);
        update(&mut model, &ctx, Msg::Top);
        assert_eq!(model.as_ref().unwrap().scroll, 0);
        update(&mut model, &ctx, Msg::Close);
        assert!(model.is_none());
    }
}
