//! The Ledgers tab (台账): the fund and wealth-product sales of a period. Its model, its
//! messages and pure `update`, and its keys; the drawing is `ui::ledgers`.

pub(crate) mod keys;
pub mod model;
pub mod update;

pub use model::{LedgerTab, Model};
pub use update::{Msg, load, update};
