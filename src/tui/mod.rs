//! The one impure UI place: terminal set-up and restore (bracketed paste, signals, the crash
//! report) here; the event sources (`events`), the loop (`event_loop`, generic over the backend
//! and the event source so tests can run it), and the effects carried out one service call each
//! (`effects`) beside it; what is typed is kept on disk (`draft_keeper`).

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
mod effects;
mod event_loop;
mod events;
pub use draft_keeper::DraftKeeper;
pub use effects::Effects;
pub use event_loop::{dispatch, run_loop};
pub use events::{EventSource, Polled, ScriptedEvents, TerminalEvents};

/// How long a write waits for another copy's lock before the app says it is waiting (and
/// retries from the loop, so keys are still read).
const WRITE_WAIT: Duration = Duration::from_millis(200);
/// How often a write the store refused as busy is tried again.
const RETRY_EVERY: Duration = Duration::from_millis(250);
/// The longest the loop waits for an event: signals and pending draft writes are seen within it.
const TICK: Duration = Duration::from_millis(100);

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

/// True for the temporary directory of a `--demo` store (named by `cli::app::run_demo_app`).
fn is_demo_dir(dir: &Path) -> bool {
    dir.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("guanhu-demo-"))
}
