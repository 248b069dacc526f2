//! The customer detail (客户详情): one customer's profile, cadence, timeline, assets and
//! holdings, opened with Enter over the Customers tree, a Today row or a diary entry. Its own
//! small slice rather than part of the Customers tab, because it opens over any of those tabs;
//! the shell holds it as `App::detail` (`None`: closed). The drawing is `ui::detail`.

pub(crate) mod keys;
pub mod model;
pub mod update;

pub use model::Model;
pub use update::{Msg, update};
