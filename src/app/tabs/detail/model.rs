//! The customer detail's model: the loaded detail, whether the phone and ID are shown in full,
//! and how far it is scrolled. Plain data; loading it is the shell's.

use crate::domain::portfolio::CustomerDetail;

/// The open customer detail.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub detail: Box<CustomerDetail>,
    /// Phone and ID shown in full for this view only.
    pub revealed: bool,
    pub scroll: u16,
}
