//! The command line's side of the store file: which commands may create one (and say so), which only read one and refuse a path with none, a long patient wait (with a word on stderr) while another guanhu writes, and the checkpoint when a command that wrote is done.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::output::note;
use crate::error::Result;
use crate::i18n::{Lang, T, fill};
use crate::store::Store;

/// Whether a command may create the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// The app: a new store is made (and the user told); writes keep the store's short busy
    /// wait, as the app retries from its loop and says so on screen instead of freezing.
    App,
    /// An import, `managers add`: a new store is made (and the user told).
    Create,
    /// Everything else: with no store at the path, say so and create nothing.
    Existing,
}

/// How long one wait in the busy handler sleeps.
const BUSY_STEP: Duration = Duration::from_millis(20);
/// After this many steps (about a second) the user is told why nothing happens.
const BUSY_STEPS_BEFORE_NOTE: i32 = 50;
/// The longest a command line write waits for another copy: ten minutes, longer than the
/// largest import holds the lock (600,000 rows take about 23 s), short enough that a
/// forgotten, hung copy is noticed.
const BUSY_STEPS_MAX: i32 = 30_000;

/// The language of the waiting note (the handler is a plain `fn` and cannot capture it).
static NOTE_IN_ENGLISH: AtomicBool = AtomicBool::new(false);
/// The waiting note is said once per run, however many statements wait.
static NOTE_SAID: AtomicBool = AtomicBool::new(false);

/// SQLite's busy handler for the command line: sleep a little and try again, for up to
/// [`BUSY_STEPS_MAX`] steps, saying once after about a second that it is waiting.
fn wait_for_writer(step: i32) -> bool {
    if step >= BUSY_STEPS_MAX {
        return false;
    }
    if step >= BUSY_STEPS_BEFORE_NOTE && !NOTE_SAID.swap(true, Ordering::Relaxed) {
        let lang = if NOTE_IN_ENGLISH.load(Ordering::Relaxed) {
            Lang::En
        } else {
            Lang::Zh
        };
        note(&format!("guanhu: {}", T::CliWaitingForWriter.get(lang)));
    }
    std::thread::sleep(BUSY_STEP);
    true
}

/// Opens the store for a command: creating it only for `Opening::App` and `Create` (with a note on
/// stderr when it did), refusing a missing one otherwise; a command then waits patiently for
/// other writers.
pub fn open(path: &Path, lang: Lang, opening: Opening) -> Result<Store> {
    let store = match opening {
        Opening::App | Opening::Create => Store::open(path)?,
        Opening::Existing => Store::open_existing(path)?,
    };
    if store.created() {
        note(&format!(
            "guanhu: {}",
            fill(T::CliCreatedStore.get(lang), &[&path.display()])
        ));
    }
    if opening != Opening::App {
        wait_patiently(&store, lang)?;
    }
    Ok(store)
}

/// Replaces the store's short busy timeout with the command line's long wait.
pub fn wait_patiently(store: &Store, lang: Lang) -> Result<()> {
    NOTE_IN_ENGLISH.store(lang == Lang::En, Ordering::Relaxed);
    store.conn().busy_handler(Some(wait_for_writer))?;
    Ok(())
}

/// Ends a command's use of the store: when this run changed anything, the WAL is folded into
/// the file so `cp guanhu.db` alone holds it. A failed checkpoint loses nothing (the WAL
/// stays and SQLite folds it in next time), so it is only noted.
pub fn close(store: Store, lang: Lang) {
    if store.conn().total_changes() == 0 {
        return;
    }
    if let Err(e) = store.checkpoint() {
        note(&format!("guanhu: {}", e.describe(lang)));
    }
}
