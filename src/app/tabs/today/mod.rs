//! The Today tab (今日): the day's queue of customers to contact, its `/` filter and its popups
//! (snooze, dismiss, score breakdown, the holds view). Its model, its messages and pure `update`, and its keys;
//! the drawing is `ui::today` and `ui::today_popup`.

mod close;
pub mod holds;
pub(crate) mod keys;
pub mod model;
pub mod popup;
mod popup_keys;
#[cfg(test)]
mod tests;
pub mod upcoming;
pub mod update;

pub use holds::HoldsView;
pub use model::Model;
pub use popup::{
    DismissForm, HoldDraft, HoldError, Missed, SnoozeChoice, SnoozeField, SnoozeForm,
    SnoozeWarning, TodayPopup,
};
pub use popup_keys::takes_paste;
pub use update::{Edit, Msg, log_on_sms_row, update};
