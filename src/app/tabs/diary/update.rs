//! The Diary tab's messages and `update`: its own model and the read-only context in, what it
//! asks for out (a day to load, a question before deleting, the popup to amend). Pure.

use chrono::Duration;

use super::model::{DayRow, Model};
use crate::app::log_form::LogForm;
use crate::app::notice::{Arg, Notice};
use crate::app::tabs::Cmd;
use crate::app::{Confirmation, Ctx, Effect};
use crate::domain::diary::DiaryDay;
use crate::i18n::T;

/// What the Diary tab is told: a key through the keymap, or a load's result.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The cursor up a line.
    Up,
    /// The cursor down a line.
    Down,
    /// The first line.
    Top,
    /// The last line.
    Bottom,
    /// The day before.
    PrevDay,
    /// The day after.
    NextDay,
    /// Today.
    Today,
    /// The selected entry's earlier versions.
    History,
    /// Enter: open a folded batch, or amend the entry.
    Open,
    /// Delete the selected entry or batch, after a question.
    Delete,
    /// Result: a day was loaded.
    Loaded(Box<DiaryDay>),
}

/// Applies a message to the Diary tab.
pub fn update(model: &mut Model, ctx: &Ctx, msg: Msg) -> Vec<Cmd> {
    let date = model.date.unwrap_or(ctx.today);
    match msg {
        Msg::Up => model.move_by(-1),
        Msg::Down => model.move_by(1),
        Msg::Top => model.cursor = 0,
        Msg::Bottom => model.move_by(isize::MAX / 2),
        Msg::PrevDay => return vec![Cmd::Run(Effect::LoadDay(date - Duration::days(1)))],
        Msg::NextDay => return vec![Cmd::Run(Effect::LoadDay(date + Duration::days(1)))],
        Msg::Today => return vec![Cmd::Run(Effect::LoadDay(ctx.today))],
        Msg::History => {
            if let Some(e) = model.selected() {
                return vec![Cmd::Run(Effect::LoadHistory(e.id))];
            }
        }
        Msg::Open => match model.selected_row() {
            Some(DayRow::Batch { batch_id, .. }) => {
                model.expanded.insert(batch_id);
            }
            Some(DayRow::Entry(i)) => {
                if let Some(e) = model.entries.get(i) {
                    let form = LogForm::amend(e.id, &e.draft, e.customer_name.clone());
                    return vec![Cmd::Open(Box::new(form))];
                }
            }
            None => {}
        },
        Msg::Delete => return delete(model),
        Msg::Loaded(day) => model.set_day(*day),
    }
    Vec::new()
}

/// The question before deleting the selected line (a whole folded batch, or one entry).
fn delete(model: &Model) -> Vec<Cmd> {
    if let Some(DayRow::Batch { members, .. }) = model.selected_row() {
        let picked: Vec<_> = members
            .iter()
            .filter_map(|i| model.entries.get(*i))
            .collect();
        let Some(first) = picked.first() else {
            return Vec::new();
        };
        let ids: Vec<i64> = picked.iter().map(|e| e.id).collect();
        return vec![Cmd::Ask(Confirmation {
            prompt: Notice::fill(
                T::ConfirmDeleteBatch,
                [Arg::text(ids.len()), Arg::Kind(first.draft.kind)],
            ),
            effect: Effect::DeleteEntries(ids),
        })];
    }
    let Some(e) = model.selected() else {
        return Vec::new();
    };
    let who = e.customer_name.clone().unwrap_or_else(|| "—".to_string());
    vec![Cmd::Ask(Confirmation {
        prompt: Notice::fill(
            T::ConfirmDelete,
            [
                Arg::text(e.draft.occurred_at.format("%H:%M")),
                Arg::Kind(e.draft.kind),
                Arg::text(who),
            ],
        ),
        effect: Effect::DeleteEntries(vec![e.id]),
    })]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ctx() -> Ctx {
        Ctx::sample()
    }

    #[test]
    fn days_step_from_the_day_shown_and_an_empty_day_asks_nothing() {
        let ctx = ctx();
        let mut model = Model::default();
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert_eq!(
            update(&mut model, &ctx, Msg::PrevDay),
            vec![Cmd::Run(Effect::LoadDay(day(1)))]
        );
        let loaded = DiaryDay {
            date: day(1),
            entries: Vec::new(),
            follow_ups: Vec::new(),
        };
        assert!(update(&mut model, &ctx, Msg::Loaded(Box::new(loaded))).is_empty());
        assert_eq!(model.date, Some(day(1)));
        assert_eq!(
            update(&mut model, &ctx, Msg::NextDay),
            vec![Cmd::Run(Effect::LoadDay(day(2)))]
        );
        // Nothing selected: no question, no popup, no history.
        assert!(update(&mut model, &ctx, Msg::Delete).is_empty());
        assert!(update(&mut model, &ctx, Msg::Open).is_empty());
        assert!(update(&mut model, &ctx, Msg::History).is_empty());
    }
}
