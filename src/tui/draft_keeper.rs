//! The driver's keeper of the draft file: what `app::drafts::current` says is at stake is written beside the store as it changes (at most every 300 ms, and at once when the loop ends), and removed once saved or discarded. The one place that turns the model's draft into file writes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::app::App;
use crate::app::drafts::{self, Draft};
use crate::store::Store;
use crate::store::drafts as draft_files;

/// The draft on disk is rewritten at most this often while typing (and at once when typing
/// stops for a tick), so a `kill -9` loses at most this much.
const DRAFT_EVERY: Duration = Duration::from_millis(300);

/// Keeps the unsaved text of the open popup or editor in the draft file beside the store:
/// written as it changes (at most every [`DRAFT_EVERY`]), removed once saved or discarded.
pub struct DraftKeeper {
    path: Option<PathBuf>,
    /// This copy's claim on its draft file (see `DraftSlot`), held while it runs.
    _slot: Option<draft_files::DraftSlot>,
    /// The text last written (or found at start), to write only what changed.
    written: Option<String>,
    last_write: Option<Instant>,
}

impl DraftKeeper {
    /// A keeper writing to `path` (`None`: an in-memory store, nothing is kept).
    pub fn new(path: Option<PathBuf>) -> DraftKeeper {
        DraftKeeper {
            path,
            _slot: None,
            written: None,
            last_write: None,
        }
    }

    /// A keeper on a draft slot of its own for the store (none for an in-memory store, or
    /// when no slot can be had: the app runs, unguarded, rather than not at all).
    pub fn claim(store: &Store) -> DraftKeeper {
        let slot = store
            .path()
            .and_then(|db| draft_files::claim_draft_slot(db).ok().flatten());
        DraftKeeper {
            path: slot.as_ref().map(|s| s.path.clone()),
            _slot: slot,
            written: None,
            last_write: None,
        }
    }

    /// The draft the last run left, if any (an unreadable file is left as it is).
    pub fn found(&mut self) -> Option<Draft> {
        let path = self.path.as_ref()?;
        let text = draft_files::read_draft(path).ok()??;
        let draft = Draft::from_json(&text)?;
        self.written = Some(text);
        Some(draft)
    }

    /// Brings the file in line with the app; `force` writes at once (the loop is ending).
    /// True while a change waits for its turn (or a failed write for another try).
    pub fn keep(&mut self, app: &App, force: bool) -> bool {
        let Some(path) = &self.path else {
            return false;
        };
        let want = drafts::current(app).map(|d| d.to_json());
        if want == self.written {
            return false;
        }
        let due =
            force || want.is_none() || self.last_write.is_none_or(|t| t.elapsed() >= DRAFT_EVERY);
        if !due {
            return true;
        }
        let written = match &want {
            Some(text) => draft_files::write_draft(path, text),
            None => draft_files::clear_draft(path),
        };
        self.last_write = Some(Instant::now());
        if written.is_err() {
            return true;
        }
        self.written = want;
        false
    }

    /// True when a draft is on disk.
    pub fn holds_draft(&self) -> bool {
        self.written.is_some()
    }
}
