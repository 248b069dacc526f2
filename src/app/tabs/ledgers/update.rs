//! The Ledgers tab's messages and `update`: its own model and the read-only context in,
//! the loads it needs out. Pure.

use chrono::NaiveDate;

use super::model::{LedgerTab, Model};
use crate::app::tabs::Cmd;
use crate::app::{Ctx, Effect};
use crate::domain::diary::DiaryEntry;
use crate::domain::period::Period;

/// What the Ledgers tab is told: a key through the keymap, or a load's result.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The cursor up a line.
    Up,
    /// The cursor down a line.
    Down,
    /// The other ledger (fund ↔ wealth).
    SwitchLedger,
    /// Week → month → quarter.
    CyclePeriod,
    /// The period before.
    PrevPeriod,
    /// The period after.
    NextPeriod,
    /// The period holding today, of the kind shown.
    ThisPeriod,
    /// `:period A B`: a period of the user's own.
    Custom(NaiveDate, NaiveDate),
    /// Result: the diary entries of the period.
    Loaded(Vec<DiaryEntry>),
}

/// Applies a message to the Ledgers tab and returns the loads it needs.
pub fn update(model: &mut Model, ctx: &Ctx, msg: Msg) -> Vec<Cmd> {
    let period = model.period.unwrap_or(Period::Month(ctx.today));
    let new_period = match msg {
        Msg::Up => {
            model.move_by(-1);
            None
        }
        Msg::Down => {
            model.move_by(1);
            None
        }
        Msg::SwitchLedger => {
            model.tab = match model.tab {
                LedgerTab::Fund => LedgerTab::Wealth,
                LedgerTab::Wealth => LedgerTab::Fund,
            };
            model.cursor = 0;
            None
        }
        Msg::CyclePeriod => Some(period.next_kind()),
        Msg::PrevPeriod => Some(period.step(-1)),
        Msg::NextPeriod => Some(period.step(1)),
        Msg::ThisPeriod => Some(match period {
            Period::Week(_) => Period::Week(ctx.today),
            Period::Quarter(_) => Period::Quarter(ctx.today),
            _ => Period::Month(ctx.today),
        }),
        Msg::Custom(from, to) => Some(Period::Custom(from, to)),
        Msg::Loaded(entries) => {
            model.entries = entries;
            model.loaded = true;
            model.move_by(0);
            None
        }
    };
    match new_period {
        Some(p) => {
            model.period = Some(p);
            model.cursor = 0;
            vec![Cmd::Run(load(model, ctx))]
        }
        None => Vec::new(),
    }
}

/// The load of the period shown (this month until chosen otherwise).
pub fn load(model: &mut Model, ctx: &Ctx) -> Effect {
    let period = *model.period.get_or_insert(Period::Month(ctx.today));
    let (from, to) = period.range();
    Effect::LoadPeriod(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Ctx {
        Ctx::sample()
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn periods_step_and_load_from_the_context_day() {
        let ctx = ctx();
        let mut model = Model::default();
        assert_eq!(
            load(&mut model, &ctx),
            Effect::LoadPeriod(d(12, 1), d(12, 31))
        );
        assert_eq!(
            update(&mut model, &ctx, Msg::PrevPeriod),
            vec![Cmd::Run(Effect::LoadPeriod(d(11, 1), d(11, 30)))]
        );
        assert_eq!(
            update(&mut model, &ctx, Msg::ThisPeriod),
            vec![Cmd::Run(Effect::LoadPeriod(d(12, 1), d(12, 31)))]
        );
        let custom = update(&mut model, &ctx, Msg::Custom(d(3, 1), d(3, 9)));
        assert_eq!(custom, vec![Cmd::Run(Effect::LoadPeriod(d(3, 1), d(3, 9)))]);
    }

    #[test]
    fn switching_ledgers_and_loading_touch_only_the_model() {
        let ctx = ctx();
        let mut model = Model {
            cursor: 3,
            ..Model::default()
        };
        assert!(update(&mut model, &ctx, Msg::SwitchLedger).is_empty());
        assert_eq!((model.tab, model.cursor), (LedgerTab::Wealth, 0));
        assert!(update(&mut model, &ctx, Msg::Loaded(Vec::new())).is_empty());
        assert!(model.loaded);
        assert!(update(&mut model, &ctx, Msg::Down).is_empty());
        assert_eq!(model.cursor, 0);
    }
}
