//! The Upcoming view (今日预约) over the Today tab: today's and the next seven days' open call-backs, appointments and memo reminders, grouped by day, opened with `a`. Its state, its keys and what they ask of the shell (the load, a customer to open); pure. The drawing is `ui::today_upcoming`.

use chrono::{NaiveDate, NaiveDateTime};

use super::model::Model;
use super::update::Edit;
use crate::app::keymap::normalize_char;
use crate::app::tabs::Cmd;
use crate::app::{Effect, Mode};
use crate::domain::diary::DiaryEntry;

/// The view's state: the follow-ups as loaded (in time order) and the cursor over them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Upcoming {
    /// `None` until the load answers.
    pub entries: Option<Vec<DiaryEntry>>,
    /// The selected follow-up, an index into `entries`.
    pub cursor: usize,
}

impl Upcoming {
    /// The follow-ups loaded so far (none while loading).
    pub fn entries(&self) -> &[DiaryEntry] {
        self.entries.as_deref().unwrap_or(&[])
    }

    /// The follow-up under the cursor.
    pub fn selected(&self) -> Option<&DiaryEntry> {
        self.entries().get(self.cursor)
    }

    /// The follow-ups by day, in order: each day and the indices of its follow-ups. A memo
    /// reminder still open from yesterday (see `service::upcoming`) is today's, past due.
    pub fn days(&self, today: NaiveDate) -> Vec<(NaiveDate, Vec<usize>)> {
        let mut out: Vec<(NaiveDate, Vec<usize>)> = Vec::new();
        for (i, e) in self.entries().iter().enumerate() {
            let day = e.draft.follow_up_at.map_or(today, |t| t.date().max(today));
            match out.last_mut() {
                Some((d, rows)) if *d == day => rows.push(i),
                _ => out.push((day, vec![i])),
            }
        }
        out
    }
}

/// True when the follow-up's time has passed at `now` (marked on the list).
pub fn past_due(entry: &DiaryEntry, now: NaiveDateTime) -> bool {
    entry.draft.follow_up_at.is_some_and(|t| t < now)
}

/// `a` on the Today tab: the view opens, loading.
pub(super) fn open(model: &mut Model) -> Vec<Cmd> {
    model.upcoming = Some(Upcoming::default());
    vec![Cmd::Mode(Mode::Popup), Cmd::Run(Effect::LoadUpcoming)]
}

/// The load answered; ignored when the view was closed meanwhile. The cursor stays where it
/// was, within the new list.
pub(super) fn loaded(model: &mut Model, entries: Vec<DiaryEntry>) {
    if let Some(view) = model.upcoming.as_mut() {
        view.cursor = view.cursor.min(entries.len().saturating_sub(1));
        view.entries = Some(entries);
    }
}

/// A key in the open view: `j`/`k` move, Enter opens the customer (closing the view, so the
/// detail has the keys), Esc, `q` or `a` close.
pub(super) fn key(model: &mut Model, edit: Edit) -> Vec<Cmd> {
    let Some(view) = model.upcoming.as_mut() else {
        return vec![Cmd::Mode(Mode::Normal)];
    };
    let edit = match edit {
        Edit::Char(c) => Edit::Char(normalize_char(c)),
        other => other,
    };
    let last = view.entries().len().saturating_sub(1);
    match edit {
        Edit::Down | Edit::Next | Edit::Char('j') => view.cursor = (view.cursor + 1).min(last),
        Edit::Up | Edit::Prev | Edit::Char('k') => view.cursor = view.cursor.saturating_sub(1),
        Edit::Home | Edit::Char('g') => view.cursor = 0,
        Edit::End | Edit::Char('G') => view.cursor = last,
        Edit::Submit => {
            // A memo reminder without a customer has nothing to open.
            let Some(no) = view.selected().and_then(|e| e.draft.customer_no.clone()) else {
                return Vec::new();
            };
            model.upcoming = None;
            return vec![Cmd::Mode(Mode::Normal), Cmd::Run(Effect::LoadDetail(no))];
        }
        Edit::Cancel | Edit::Char('q' | 'a') => {
            model.upcoming = None;
            return vec![Cmd::Mode(Mode::Normal)];
        }
        _ => {}
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::super::update::{Msg, update};
    use super::*;
    use crate::app::Ctx;
    use crate::domain::diary::{EntryDraft, EntryKind};

    fn at(day: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, day)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn entry(id: i64, customer: Option<&str>, due: NaiveDateTime) -> DiaryEntry {
        DiaryEntry {
            id,
            manager_no: Some("M001".into()),
            customer_name: customer.map(|_| "王五".to_string()),
            draft: EntryDraft {
                kind: if customer.is_some() {
                    EntryKind::Call
                } else {
                    EntryKind::Memo
                },
                customer_no: customer.map(str::to_string),
                occurred_at: at(1, 10),
                outcome: None,
                note: "回电".into(),
                follow_up_at: Some(due),
                sale: None,
                risk_level: None,
            },
            created_at: at(1, 10),
            amended: false,
            deleted: false,
            batch_id: None,
        }
    }

    fn opened(ctx: &Ctx) -> Model {
        let mut model = Model::default();
        assert_eq!(
            update(&mut model, ctx, Msg::Upcoming),
            vec![Cmd::Mode(Mode::Popup), Cmd::Run(Effect::LoadUpcoming)]
        );
        let entries = vec![
            entry(1, Some("C1"), at(2, 15)),
            entry(2, None, at(3, 9)),
            entry(3, Some("C3"), at(4, 11)),
        ];
        update(&mut model, ctx, Msg::UpcomingLoaded(entries));
        model
    }

    #[test]
    fn a_opens_the_view_loading_and_the_load_fills_it_by_day() {
        let ctx = Ctx::sample();
        let mut model = Model::default();
        update(&mut model, &ctx, Msg::Upcoming);
        assert_eq!(model.upcoming.as_ref().unwrap().entries, None);
        let model = opened(&ctx);
        let view = model.upcoming.as_ref().unwrap();
        let days: Vec<(u32, usize)> = view
            .days(ctx.today)
            .iter()
            .map(|(d, rows)| (chrono::Datelike::day(d), rows.len()))
            .collect();
        assert_eq!(days, [(2, 1), (3, 1), (4, 1)]);
        assert!(!past_due(&view.entries()[0], ctx.now));
        assert!(past_due(&view.entries()[0], at(2, 16)));
    }

    #[test]
    fn j_k_move_within_the_list() {
        let ctx = Ctx::sample();
        let mut model = opened(&ctx);
        let popup = |m: &mut Model, e| update(m, &ctx, Msg::Popup(e));
        assert!(popup(&mut model, Edit::Char('k')).is_empty());
        assert_eq!(model.upcoming.as_ref().unwrap().cursor, 0);
        popup(&mut model, Edit::Char('j'));
        popup(&mut model, Edit::Down);
        popup(&mut model, Edit::Char('ｊ'));
        assert_eq!(model.upcoming.as_ref().unwrap().cursor, 2);
        popup(&mut model, Edit::Up);
        assert_eq!(model.upcoming.as_ref().unwrap().cursor, 1);
    }

    #[test]
    fn enter_opens_the_customer_and_closes_the_view_but_not_on_a_memo() {
        let ctx = Ctx::sample();
        let mut model = opened(&ctx);
        update(&mut model, &ctx, Msg::Popup(Edit::Char('j')));
        // The memo reminder has no customer: Enter does nothing and the view stays.
        assert!(update(&mut model, &ctx, Msg::Popup(Edit::Submit)).is_empty());
        assert!(model.upcoming.is_some());
        update(&mut model, &ctx, Msg::Popup(Edit::Char('j')));
        assert_eq!(
            update(&mut model, &ctx, Msg::Popup(Edit::Submit)),
            vec![
                Cmd::Mode(Mode::Normal),
                Cmd::Run(Effect::LoadDetail("C3".into()))
            ]
        );
        assert!(model.upcoming.is_none());
    }

    #[test]
    fn esc_closes_the_view_and_a_late_load_is_ignored() {
        let ctx = Ctx::sample();
        let mut model = opened(&ctx);
        assert_eq!(
            update(&mut model, &ctx, Msg::Popup(Edit::Cancel)),
            vec![Cmd::Mode(Mode::Normal)]
        );
        assert!(model.upcoming.is_none());
        update(&mut model, &ctx, Msg::UpcomingLoaded(vec![]));
        assert!(model.upcoming.is_none());
        // The popup keys with nothing open go back to normal, as before.
        assert_eq!(
            update(&mut model, &ctx, Msg::Popup(Edit::Cancel)),
            vec![Cmd::Mode(Mode::Normal)]
        );
    }
}
