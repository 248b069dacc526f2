//! The Team tab (团队, for leads and branch heads): everyone's week side by side. Its model, its
//! messages and pure `update`, and its keys; the drawing is `ui::team`.

pub(crate) mod keys;
pub mod model;
pub mod update;

pub use model::{Model, SORT_COLUMNS};
pub use update::{Msg, load, open, update};
