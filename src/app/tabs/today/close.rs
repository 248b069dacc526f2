//! `X` on a Today row: closes its call-backs in one key — a months-old call-back nobody will make any more is settled without a popup, with a note saying how, and `u` takes it back.

use super::model::Model;
use super::popup::HoldDraft;
use crate::app::notice::{Arg, Notice};
use crate::app::tabs::Cmd;
use crate::app::{Ctx, Effect};
use crate::domain::urgency::ReasonCode;
use crate::i18n::T;

/// The write that settles the selected row's call-backs, or a word on why there is none.
pub fn close_callbacks(model: &mut Model, ctx: &Ctx) -> Vec<Cmd> {
    let Some(item) = model.selected() else {
        return Vec::new();
    };
    let has_callback = item
        .reasons
        .iter()
        .any(|r| r.code() == ReasonCode::Callback);
    let (Some(no), true) = (item.customer_no.clone(), has_callback) else {
        return vec![Cmd::Say(Notice::say(T::NoCallbackHere))];
    };
    model.closing = item.customer_name.clone().or(Some(no.clone()));
    // A dismissed call-back settles every follow-up set before it (`Hold::Dismissed`).
    vec![Cmd::Write(Effect::HoldItems(vec![HoldDraft {
        customer_no: no,
        code: Some(ReasonCode::Callback),
        until: ctx.today,
        note: T::CallbackClosedNote.get(ctx.lang).to_string(),
    }]))]
}

/// The notice once the close is stored (`None` when no close was under way).
pub fn closed(model: &mut Model) -> Option<Notice> {
    model
        .closing
        .take()
        .map(|name| Notice::fill(T::CallbackClosed, [Arg::text(name)]))
}
