//! The Customers tab (客户): the book as a tier → segment tree, its `/` search, its filter bar
//! and its marks for a bulk SMS. Its model, its messages and pure `update`, and its keys; the
//! drawing is `ui::customers`. The customer detail is not part of it: it opens over Today and
//! the Diary too, so it is its own small slice, `tabs::detail`.

pub(crate) mod keys;
pub mod model;
pub mod update;

pub use model::{Filter, GroupKey, Model, SEGMENTS, TreeRow};
pub use update::{Line, Msg, update};
