//! The Ledgers screen's model: fund or wealth-product sales, the period shown, the loaded sales, the cursor. Pure.

use super::*;
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
pub struct LedgersView {
    pub tab: LedgerTab,
    /// `None` until first shown: then this month.
    pub period: Option<Period>,
    /// Every entry of the period (both ledgers filter from it).
    pub entries: Vec<DiaryEntry>,
    pub cursor: usize,
    pub loaded: bool,
}

impl LedgersView {
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

/// The ledgers' period (this month until chosen otherwise) as a load effect.
pub(crate) fn load_period(app: &mut App) -> Effect {
    let period = *app
        .ledgers
        .period
        .get_or_insert(crate::domain::period::Period::Month(app.ctx.today));
    let (from, to) = period.range();
    Effect::LoadPeriod(from, to)
}

pub(crate) fn update_ledgers(app: &mut App, action: Action) -> Vec<Effect> {
    use crate::domain::period::Period;
    let view = &mut app.ledgers;
    let period = view.period.unwrap_or(Period::Month(app.ctx.today));
    let new_period = match action {
        Action::Up => {
            view.move_by(-1);
            None
        }
        Action::Down => {
            view.move_by(1);
            None
        }
        Action::SwitchLedger => {
            view.tab = match view.tab {
                LedgerTab::Fund => LedgerTab::Wealth,
                LedgerTab::Wealth => LedgerTab::Fund,
            };
            view.cursor = 0;
            None
        }
        Action::CyclePeriod => Some(period.next_kind()),
        Action::PrevDay => Some(period.step(-1)),
        Action::NextDay => Some(period.step(1)),
        Action::Today => Some(match period {
            Period::Week(_) => Period::Week(app.ctx.today),
            Period::Quarter(_) => Period::Quarter(app.ctx.today),
            _ => Period::Month(app.ctx.today),
        }),
        _ => None,
    };
    match new_period {
        Some(p) => {
            app.ledgers.period = Some(p);
            app.ledgers.cursor = 0;
            vec![load_period(app)]
        }
        None => Vec::new(),
    }
}
