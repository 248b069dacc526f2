//! One effect, one service call, one action back: the app's `Effect`s carried out on the store; a failure becomes a message, a busy store a retry.

use super::*;

/// True when the error is SQLite saying another connection holds the lock.
fn is_busy(e: &Error) -> bool {
    e.is_busy()
}

/// Carries out effects against the store.
pub struct Effects<'a> {
    pub store: &'a mut Store,
    pub policy: &'a Policy,
    pub today: NaiveDate,
}

impl Effects<'_> {
    /// Runs one effect and turns its result into an action; errors become `Failed`.
    pub fn run(&mut self, effect: Effect, app: &App) -> Action {
        let now = app.ctx.now;
        // Kept to try again if the store is busy with another copy's write.
        let retry = effect.clone();
        let result = match effect {
            Effect::LoadBook => service::load_portfolio(
                self.store,
                self.policy,
                self.today,
                app.ctx.manager.as_deref(),
            )
            .map(Action::BookLoaded),
            Effect::LoadDetail(no) => {
                service::load_customer_detail(self.store, self.policy, self.today, &no)
                    .map(|d| Action::DetailLoaded(Box::new(d)))
            }
            Effect::SaveEntries(drafts) => {
                diary::log_entries(self.store, app.ctx.manager.as_deref(), &drafts, now)
                    .map(Action::EntriesSaved)
            }
            Effect::AmendEntry { id, draft } => diary::amend_entry(self.store, id, &draft, now)
                .map(|_| Action::EntriesSaved(vec![id])),
            Effect::LoadDay(date) => {
                diary::load_day(self.store, self.policy, app.ctx.manager.as_deref(), date)
                    .map(|d| Action::DayLoaded(Box::new(d)))
            }
            Effect::DeleteEntries(ids) => diary::delete_entries(self.store, &ids, "delete", now)
                .map(|_| Action::EntriesDeleted(ids)),
            Effect::LoadHistory(id) => {
                diary::entry_history(self.store, id).map(|h| Action::HistoryLoaded(id, h))
            }
            Effect::LoadPeriod(from, to) => {
                diary::load_period(self.store, app.ctx.manager.as_deref(), from, to)
                    .map(Action::PeriodLoaded)
            }
            Effect::LoadToday => self.load_today(app),
            Effect::LoadUpcoming => self.load_upcoming(app),
            Effect::HoldItems(drafts) => {
                let requests: Vec<HoldRequest> = drafts
                    .into_iter()
                    .map(|d| HoldRequest {
                        customer_no: d.customer_no,
                        code: d.code,
                        until: d.until,
                        note: d.note,
                    })
                    .collect();
                queue::hold_items(self.store, app.ctx.manager.as_deref(), &requests, now)
                    .map(Action::HoldsSaved)
            }
            Effect::LoadHolds => {
                service::holds::load_holds(self.store, app.ctx.manager.as_deref(), now.date())
                    .map(Action::HoldsLoaded)
            }
            Effect::LiftHolds(ids) => {
                service::holds::lift_holds(self.store, &ids, now).map(Action::HoldsLifted)
            }
            Effect::LoadReview(day) => self.load_review(app, day),
            Effect::LoadTeam(day) => {
                service::board::load_board(self.store, self.policy, day, self.today)
                    .map(|b| Action::TeamLoaded(Box::new(b)))
            }
            Effect::SaveReflection {
                manager_no,
                day,
                summary,
                plan,
            } => {
                service::review::save_reflection(self.store, &manager_no, day, &summary, &plan, now)
                    .map(|_| Action::ReflectionSaved)
            }
            Effect::Undo(step) => self
                .apply(&step, false, now)
                .map(|_| Action::UndoApplied { step, redo: false }),
            Effect::Redo(step) => self
                .apply(&step, true, now)
                .map(|_| Action::UndoApplied { step, redo: true }),
        };
        match result {
            Ok(action) => action,
            Err(e) if is_busy(&e) => Action::StoreBusy(Box::new(retry)),
            Err(e) => Action::Failed(crate::app::notice::Failure::of(&e)),
        }
    }

    /// Today's queue as of the app's clock. A manager not in the store yet (nothing imported)
    /// simply has nothing to do, which the empty book already explains.
    fn load_today(&mut self, app: &App) -> Result<Action> {
        match queue::load_today(
            self.store,
            self.policy,
            app.ctx.now,
            app.ctx.manager.as_deref(),
        ) {
            Err(Error::NoSuchManager(_)) => Ok(TodayQueue {
                working_day: self.policy.calendar.is_working_day(app.ctx.now.date()),
                ..TodayQueue::default()
            }),
            other => other,
        }
        .map(|q| Action::TodayLoaded(Box::new(q)))
    }

    /// The Upcoming view's follow-ups as of the app's clock; a manager not in the store yet has
    /// none, as their queue is empty.
    fn load_upcoming(&mut self, app: &App) -> Result<Action> {
        let manager = app.ctx.manager.as_deref();
        match service::upcoming::load_upcoming(self.store, self.policy, app.ctx.now, manager) {
            Err(Error::NoSuchManager(_)) => Ok(Vec::new()),
            other => other,
        }
        .map(Action::UpcomingLoaded)
    }

    /// The manager whose week the Review screen shows: the one chosen on the Team tab, else the
    /// app's, or the store's only one.
    fn review_manager(&self, app: &App) -> Result<String> {
        if let Some(no) = &app.review_manager {
            return Ok(no.clone());
        }
        service::resolve_manager(self.store, app.ctx.manager.as_deref())?.ok_or_else(|| {
            Error::Input(crate::i18n::T::RvNeedManager.get(app.ctx.lang).to_string())
        })
    }

    /// The week holding `day` (about 0.13 s for a 3,000-customer list of a 2,000,000-entry
    /// store, the daily plans included), and the week's diary counted by day and kind.
    fn load_review(&mut self, app: &App, day: NaiveDate) -> Result<Action> {
        let manager = self.review_manager(app)?;
        let w = service::review::load_week(self.store, self.policy, &manager, day, self.today)?;
        let monday = w.review.monday;
        let entries = diary::load_period(
            self.store,
            Some(&manager),
            monday,
            monday + chrono::Duration::days(6),
        )?;
        Ok(Action::ReviewLoaded(Box::new(ReviewData {
            manager_no: w.manager_no,
            manager_name: w.manager_name,
            week: w.week,
            activity: activity_of(monday, &entries),
            review: w.review,
            reflection: w.reflection,
        })))
    }

    /// Takes a step back (`redo == false`) or makes it again; each is itself recorded.
    fn apply(&mut self, step: &UndoStep, redo: bool, now: NaiveDateTime) -> Result<()> {
        match (step, redo) {
            (UndoStep::Logged(ids), false) => diary::delete_entries(self.store, ids, "undo", now),
            (UndoStep::Logged(ids), true) => diary::restore_entries(self.store, ids, "redo", now),
            (UndoStep::Deleted(ids), false) => diary::restore_entries(self.store, ids, "undo", now),
            (UndoStep::Deleted(ids), true) => diary::delete_entries(self.store, ids, "redo", now),
            (UndoStep::Amended { id, before, .. }, false) => {
                diary::amend_entry(self.store, *id, before, now)
            }
            (UndoStep::Amended { id, after, .. }, true) => {
                diary::amend_entry(self.store, *id, after, now)
            }
            (UndoStep::Held(ids), redo) => queue::set_holds(self.store, ids, !redo, now),
            // A lift taken back makes the holds live again; made again, lifts them again.
            (UndoStep::Lifted(ids), redo) => queue::set_holds(self.store, ids, redo, now),
        }
    }
}
