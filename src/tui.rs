//! The one impure UI file: terminal set-up and restore, and the loop (draw, read a key press, keymap → Action → update → carry out effects through the service, feed results back). Generic over the backend and the event source so tests can run it.

use std::collections::VecDeque;

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};

use crate::app::keymap::action_for;
use crate::app::review_view::{ReviewData, activity_of};
use crate::app::{Action, App, Effect, UndoStep, update};
use crate::domain::policy::Policy;
use crate::domain::queue::TodayQueue;
use crate::error::{Error, Result};
use crate::service;
use crate::service::diary;
use crate::service::queue::{self, HoldRequest};
use crate::store::Store;
use crate::ui;

/// Where events come from: the real terminal, or a script in tests.
pub trait EventSource {
    /// The next event; `None` ends the loop (a script ran out).
    fn next_event(&mut self) -> Result<Option<Event>>;
}

/// Reads events from the terminal, blocking.
pub struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next_event(&mut self) -> Result<Option<Event>> {
        event::read()
            .map(Some)
            .map_err(|e| Error::io("terminal", e))
    }
}

/// A scripted list of events, for tests.
pub struct ScriptedEvents(pub VecDeque<Event>);

impl EventSource for ScriptedEvents {
    fn next_event(&mut self) -> Result<Option<Event>> {
        Ok(self.0.pop_front())
    }
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
        let now = app.now;
        let result = match effect {
            Effect::LoadBook => {
                service::load_portfolio(self.store, self.policy, self.today, app.manager.as_deref())
                    .map(Action::BookLoaded)
            }
            Effect::LoadDetail(no) => {
                service::load_customer_detail(self.store, self.policy, self.today, &no)
                    .map(|d| Action::DetailLoaded(Box::new(d)))
            }
            Effect::SaveEntries(drafts) => {
                diary::log_entries(self.store, app.manager.as_deref(), &drafts, now)
                    .map(Action::EntriesSaved)
            }
            Effect::AmendEntry { id, draft } => diary::amend_entry(self.store, id, &draft, now)
                .map(|_| Action::EntriesSaved(vec![id])),
            Effect::LoadDay(date) => diary::load_day(self.store, app.manager.as_deref(), date)
                .map(|d| Action::DayLoaded(Box::new(d))),
            Effect::DeleteEntries(ids) => diary::delete_entries(self.store, &ids, "delete", now)
                .map(|_| Action::EntriesDeleted(ids)),
            Effect::LoadHistory(id) => {
                diary::entry_history(self.store, id).map(|h| Action::HistoryLoaded(id, h))
            }
            Effect::LoadPeriod(from, to) => {
                diary::load_period(self.store, app.manager.as_deref(), from, to)
                    .map(Action::PeriodLoaded)
            }
            Effect::LoadToday => self.load_today(app),
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
                queue::hold_items(self.store, app.manager.as_deref(), &requests, now)
                    .map(Action::HoldsSaved)
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
        result.unwrap_or_else(|e| Action::Failed(e.describe(app.lang)))
    }

    /// Today's queue as of the app's clock. A manager not in the store yet (nothing imported)
    /// simply has nothing to do, which the empty book already explains.
    fn load_today(&mut self, app: &App) -> Result<Action> {
        match queue::load_today(self.store, self.policy, app.now, app.manager.as_deref()) {
            Err(Error::NoSuchManager(_)) => Ok(TodayQueue {
                items: Vec::new(),
                planned: 0,
                done: 0,
                overdue: 0,
                behind: 0,
                spread_today: 0,
                working_day: self.policy.calendar.is_working_day(app.now.date()),
            }),
            other => other,
        }
        .map(|q| Action::TodayLoaded(Box::new(q)))
    }

    /// The manager whose week the Review screen shows: the one chosen on the Team tab, else the
    /// app's, or the store's only one.
    fn review_manager(&self, app: &App) -> Result<String> {
        if let Some(no) = &app.review_manager {
            return Ok(no.clone());
        }
        service::resolve_manager(self.store, app.manager.as_deref())?
            .ok_or_else(|| Error::Input(crate::i18n::T::RvNeedManager.get(app.lang).to_string()))
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
        }
    }
}

/// Applies an action and every action its effects produce.
pub fn dispatch(app: &mut App, effects: &mut Effects<'_>, action: Action) {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in update(app, action) {
            queue.push_back(effects.run(effect, app));
        }
    }
}

/// [`dispatch`], drawing the screen before a load that can take a moment (a week's review,
/// the team board of a large branch) so the screen says it is loading instead of freezing.
fn dispatch_drawn<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    effects: &mut Effects<'_>,
    action: Action,
) {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in update(app, action) {
            if matches!(effect, Effect::LoadTeam(_) | Effect::LoadReview(_)) {
                // A frame that fails to draw is only a missed "loading" line; the loop's own
                // draw reports terminal errors.
                let _ = terminal.draw(|frame| ui::render(frame, app));
            }
            queue.push_back(effects.run(effect, app));
        }
    }
}

/// The loop: draw, wait for an event, update, until the app quits or events run out.
pub fn run_loop<B: Backend, E: EventSource>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    effects: &mut Effects<'_>,
    events: &mut E,
) -> Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let io = |e: B::Error| Error::io("terminal", std::io::Error::other(e));
    let size = terminal.size().map_err(io)?;
    dispatch(app, effects, Action::Resize(size.width, size.height));
    // The first queue is built as of now: call-backs already past count as overdue.
    dispatch(app, effects, Action::Clock(crate::clock::now_on(app.today)));
    for effect in app.start() {
        let action = effects.run(effect, app);
        dispatch(app, effects, action);
    }
    loop {
        terminal.draw(|frame| ui::render(frame, app)).map_err(io)?;
        if app.quit {
            return Ok(());
        }
        let Some(event) = events.next_event()? else {
            return Ok(());
        };
        match event {
            Event::Key(key) => {
                dispatch(app, effects, Action::Clock(crate::clock::now_on(app.today)));
                if let Some(action) = action_for(app, key) {
                    dispatch_drawn(terminal, app, effects, action);
                }
            }
            Event::Resize(w, h) => dispatch(app, effects, Action::Resize(w, h)),
            _ => {}
        }
    }
}

/// Runs the app in the real terminal, restoring it afterwards whatever happens (ratatui's
/// `init` also installs a panic hook that restores the terminal before the panic message).
pub fn run(app: &mut App, effects: &mut Effects<'_>) -> Result<()> {
    // `try_init` installs the restoring panic hook first; a missing terminal (stdout not a
    // TTY) becomes a message instead of a panic.
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            ratatui::restore();
            return Err(Error::io("terminal", e));
        }
    };
    let result = run_loop(&mut terminal, app, effects, &mut TerminalEvents);
    ratatui::restore();
    result
}
