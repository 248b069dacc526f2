//! The Diary tab (日志): a day of the work diary. Its model, its messages and pure `update`, and
//! its keys; the drawing is `ui::diary`.

pub(crate) mod keys;
pub mod model;
pub mod update;

pub use model::{DayRow, Model};
pub use update::{Msg, update};
