//! The Review tab (周回顾): a week's figures, its day-by-day activity and the reflection written
//! in place. Its model, its messages and pure `update`, and its keys; the drawing is
//! `ui::review`.

pub(crate) mod keys;
pub mod model;
pub mod update;

pub use model::{
    DayActivity, Leave, Model, ReflectionEditor, ReflectionField, ReviewData, TABLE_COLUMNS,
    TWO_COLUMNS, activity_of, text_width,
};
pub use update::{Msg, load, update};
