//! The Ledgers tab's model: fund or wealth-product sales, the period shown, the loaded sales,
//! the cursor. Pure.

use crate::domain::customer::ProductKind;
use crate::domain::diary::{DiaryEntry, Sale, ledger_entries};
use crate::domain::period::Period;

/// Which ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LedgerTab {
    #[default]
    Fund,
    Wealth,
}

impl LedgerTab {
    /// The product kind the ledger lists.
    pub fn kind(self) -> ProductKind {
        match self {
            LedgerTab::Fund => ProductKind::Fund,
            LedgerTab::Wealth => ProductKind::Wealth,
        }
    }
}

/// State of the Ledgers screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Model {
    pub tab: LedgerTab,
    /// `None` until first shown: then this month.
    pub period: Option<Period>,
    /// Every entry of the period (both ledgers filter from it).
    pub entries: Vec<DiaryEntry>,
    pub cursor: usize,
    pub loaded: bool,
}

impl Model {
    /// The lines of the current ledger.
    pub fn lines(&self) -> Vec<(&DiaryEntry, &Sale)> {
        ledger_entries(&self.entries, self.tab.kind())
    }

    /// Moves the cursor by `delta`, clamped to the ledger's lines.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.lines().len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize + delta).clamp(0, last.max(0)) as usize;
    }
}
