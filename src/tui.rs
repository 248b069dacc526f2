//! The one impure UI file: terminal set-up and restore (bracketed paste, signals, the crash report), and the loop (draw, wait for an event or a tick, keymap → Action → update → carry out effects through the service, feed results back, keep what is typed on disk). Generic over the backend and the event source so tests can run it.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::{cursor, execute};

use crate::app::keymap::action_for;
use crate::app::tabs::review::{ReviewData, activity_of};
use crate::app::{Action, App, Effect, UndoStep, update};
use crate::domain::policy::Policy;
use crate::domain::queue::TodayQueue;
use crate::error::{Error, Result};
use crate::i18n::{T, fill};
use crate::service;
use crate::service::diary;
use crate::service::queue::{self, HoldRequest};
use crate::store::Store;
use crate::store::drafts as draft_files;
use crate::ui;

mod draft_keeper;
pub use draft_keeper::DraftKeeper;

/// How long a write waits for another copy's lock before the app says it is waiting (and
/// retries from the loop, so keys are still read).
const WRITE_WAIT: Duration = Duration::from_millis(200);
/// How often a write the store refused as busy is tried again.
const RETRY_EVERY: Duration = Duration::from_millis(250);
/// The longest the loop waits for an event: signals and pending draft writes are seen within it.
const TICK: Duration = Duration::from_millis(100);

/// What waiting for input gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Polled {
    /// An event from the terminal (or the script).
    Event(Event),
    /// Nothing came in time.
    Tick,
    /// The loop should end: a script ran out, or a signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT)
    /// asked the app to stop.
    Ended,
}

/// Where events come from: the real terminal, or a script in tests.
pub trait EventSource {
    /// The next event, waiting at most `timeout`.
    fn next_event(&mut self, timeout: Duration) -> Result<Polled>;
}

/// Reads events from the terminal, and notices the signals that ask the app to stop.
pub struct TerminalEvents {
    stop: Arc<AtomicBool>,
    signals: Vec<signal_hook::SigId>,
}

impl TerminalEvents {
    /// Starts listening for SIGTERM (`kill`), SIGHUP (the terminal closed, logout), SIGINT and
    /// SIGQUIT: each only raises a flag the loop reads, so the app ends through its normal
    /// path — terminal restored, draft kept, the demo's temporary directory removed.
    pub fn new() -> Result<TerminalEvents> {
        let stop = Arc::new(AtomicBool::new(false));
        let mut signals = Vec::new();
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGQUIT,
        ] {
            let id = signal_hook::flag::register(signal, Arc::clone(&stop))
                .map_err(|e| Error::io("signals", e))?;
            signals.push(id);
        }
        Ok(TerminalEvents { stop, signals })
    }
}

impl Drop for TerminalEvents {
    fn drop(&mut self) {
        for id in self.signals.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

impl EventSource for TerminalEvents {
    fn next_event(&mut self, timeout: Duration) -> Result<Polled> {
        if self.stop.load(Ordering::SeqCst) {
            return Ok(Polled::Ended);
        }
        let ready = match event::poll(timeout) {
            Ok(ready) => ready,
            // A signal arriving mid-wait: the flag is read on the next call.
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => false,
            Err(e) => return Err(Error::io("terminal", e)),
        };
        if self.stop.load(Ordering::SeqCst) {
            return Ok(Polled::Ended);
        }
        if !ready {
            return Ok(Polled::Tick);
        }
        event::read()
            .map(Polled::Event)
            .map_err(|e| Error::io("terminal", e))
    }
}

/// A scripted list of events, for tests; the loop ends when it runs out.
pub struct ScriptedEvents(pub VecDeque<Event>);

impl EventSource for ScriptedEvents {
    fn next_event(&mut self, _timeout: Duration) -> Result<Polled> {
        Ok(self.0.pop_front().map_or(Polled::Ended, Polled::Event))
    }
}

/// True when the error is SQLite saying another connection holds the lock.
fn is_busy(e: &Error) -> bool {
    matches!(
        e,
        Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::DatabaseBusy
    )
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
            Effect::LoadDay(date) => diary::load_day(self.store, app.ctx.manager.as_deref(), date)
                .map(|d| Action::DayLoaded(Box::new(d))),
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
                items: Vec::new(),
                planned: 0,
                done: 0,
                overdue: 0,
                behind: 0,
                spread_today: 0,
                working_day: self.policy.calendar.is_working_day(app.ctx.now.date()),
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

/// The loop: draw, wait for an event (or a tick), update, until the app quits, events run out
/// or a signal asks it to stop. What is typed is kept in the draft file as it changes.
pub fn run_loop<B: Backend, E: EventSource>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    effects: &mut Effects<'_>,
    events: &mut E,
    keeper: &mut DraftKeeper,
) -> Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let io = |e: B::Error| Error::io("terminal", std::io::Error::other(e));
    // A second copy writing makes ours wait a moment, then say so and retry from here.
    effects.store.set_busy_timeout(WRITE_WAIT)?;
    let size = terminal.size().map_err(io)?;
    dispatch(app, effects, Action::Resize(size.width, size.height));
    // The first queue is built as of now: call-backs already past count as overdue.
    dispatch(
        app,
        effects,
        Action::Clock(crate::clock::now_on(app.ctx.today)),
    );
    for effect in app.start() {
        let action = effects.run(effect, app);
        dispatch(app, effects, action);
    }
    // Offered once the queue is loaded: a snooze's row must be there to reopen it on.
    if let Some(draft) = keeper.found() {
        dispatch(app, effects, Action::DraftFound(Box::new(draft)));
    }
    let mut redraw = true;
    let mut last_retry = Instant::now();
    loop {
        let pending = keeper.keep(app, false);
        if redraw {
            terminal.draw(|frame| ui::render(frame, app)).map_err(io)?;
            redraw = false;
        }
        if app.quit {
            return Ok(());
        }
        if app.busy.is_some() && last_retry.elapsed() >= RETRY_EVERY {
            last_retry = Instant::now();
            dispatch(app, effects, Action::RetryBusy);
            redraw = true;
            continue;
        }
        let wait = if pending || app.busy.is_some() {
            TICK
        } else {
            TICK * 3
        };
        let event = match events.next_event(wait)? {
            Polled::Ended => return Ok(()),
            Polled::Tick => continue,
            Polled::Event(event) => event,
        };
        redraw = true;
        match event {
            Event::Key(key) => {
                dispatch(
                    app,
                    effects,
                    Action::Clock(crate::clock::now_on(app.ctx.today)),
                );
                if let Some(action) = action_for(app, key) {
                    dispatch_drawn(terminal, app, effects, action);
                }
            }
            // Bracketed paste: the text arrives whole, so none of it runs as keys.
            Event::Paste(text) => dispatch(app, effects, Action::Paste(text)),
            Event::Resize(w, h) => dispatch(app, effects, Action::Resize(w, h)),
            _ => {}
        }
    }
}

/// The last panic's message, place and backtrace, recorded by the hook for the crash report.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);
/// Set by the hook: the terminal has been restored by it already.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was found: paste mode off, cursor shown, raw mode off, main
/// screen back. Each step is tried whatever the others do.
fn restore_terminal() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste, cursor::Show);
    ratatui::restore();
}

/// Wraps ratatui's panic hook (which restores the terminal, then prints the panic): also turns
/// bracketed paste off and shows the cursor, and keeps the panic's text for the crash report.
fn install_crash_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste, cursor::Show);
        PANICKED.store(true, Ordering::SeqCst);
        let text = format!("{info}\n\n{}", std::backtrace::Backtrace::force_capture());
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(text);
        }
        previous(info);
    }));
}

/// Runs the app in the real terminal, restoring it afterwards whatever happens: a normal quit,
/// a signal, a terminal error or a panic. A panic also writes a crash report (0600) beside the
/// store and says, in the user's language, where it is and that the typed text was kept.
pub fn run(app: &mut App, effects: &mut Effects<'_>) -> Result<()> {
    // Listening before the terminal goes raw: a signal from then on ends the loop at its start.
    let mut events = TerminalEvents::new()?;
    // `try_init` installs the restoring panic hook first; a missing terminal (stdout not a
    // TTY) becomes a message instead of a panic.
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            ratatui::restore();
            return Err(Error::io("terminal", e));
        }
    };
    install_crash_hook();
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let mut keeper = DraftKeeper::claim(effects.store);
    let result = run_guarded(&mut terminal, app, effects, &mut events, &mut keeper);
    // After a panic the hook has restored the terminal already; leaving the alternate screen
    // a second time would move the cursor back over the panic message.
    if !PANICKED.load(Ordering::SeqCst) {
        restore_terminal();
    }
    result
}

/// [`run_loop`], guarded: however it ends — a quit, a signal, an error, a panic — what was
/// typed is written to the draft file at once and the WAL is checkpointed; a panic becomes a
/// crash report and a message (the error returned) saying where it is and that the text was kept.
pub fn run_guarded<B: Backend, E: EventSource>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    effects: &mut Effects<'_>,
    events: &mut E,
    keeper: &mut DraftKeeper,
) -> Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run_loop(terminal, app, effects, events, keeper)
    }));
    keeper.keep(app, true);
    // So that copying guanhu.db alone is a full backup; a reader elsewhere only delays it.
    let _ = effects.store.checkpoint();
    match outcome {
        Ok(result) => result,
        Err(payload) => {
            // Without the hook (a test), the payload still says what happened.
            let said = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Error::Input(crash_report(
                app,
                effects.store,
                keeper,
                &said,
            )))
        }
    }
}

/// Writes the crash report and returns what to tell the user.
fn crash_report(app: &App, store: &Store, keeper: &DraftKeeper, said: &str) -> String {
    let panic = LAST_PANIC
        .lock()
        .ok()
        .and_then(|mut p| p.take())
        .unwrap_or_else(|| said.to_string());
    // Where the user was, without anything they typed (a release build has no symbols, so
    // this is often the best clue to follow).
    let text = format!(
        "guanhu {} crashed at {}\nscreen {:?}, mode {:?}\n\n{panic}\n",
        env!("CARGO_PKG_VERSION"),
        app.ctx.now.format("%Y-%m-%d %H:%M:%S"),
        app.screen,
        app.mode,
    );
    let stamp = format!(
        "{}-{}",
        app.ctx.now.format("%Y%m%d-%H%M%S"),
        std::process::id()
    );
    let dir = crash_dir(store.path());
    let place = match draft_files::write_crash_report(&dir, &stamp, &text) {
        Ok(path) => path.display().to_string(),
        Err(e) => e.describe(app.ctx.lang),
    };
    let mut message = fill(T::CrashReport.get(app.ctx.lang), &[&place]);
    // A demo's draft goes with its temporary directory: claim nothing for it.
    if keeper.holds_draft() && !store.path().and_then(Path::parent).is_some_and(is_demo_dir) {
        message.push('\n');
        message.push_str(T::CrashDraftKept.get(app.ctx.lang));
    }
    message
}

/// Where crash reports go: beside the store (the data directory), except for a `--demo`
/// store, whose directory is removed as the app ends — then its parent, the temporary directory.
fn crash_dir(store: Option<&Path>) -> PathBuf {
    let dir = store
        .and_then(Path::parent)
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    match (is_demo_dir(&dir), dir.parent()) {
        (true, Some(parent)) => parent.to_path_buf(),
        _ => dir,
    }
}

/// True for the temporary directory of a `--demo` store (named by `cli::run_demo_app`).
fn is_demo_dir(dir: &Path) -> bool {
    dir.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("guanhu-demo-"))
}
