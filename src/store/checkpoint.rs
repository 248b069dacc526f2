//! Folding the write-ahead log back into the store file when a session that wrote ends, so a plain `cp guanhu.db` (without the `-wal` beside it) holds everything.

use std::time::Duration;

use super::Store;
use crate::error::Result;

/// How long the checkpoint waits for readers of another running copy: it is a courtesy at
/// exit, not worth holding the user up for (the next checkpoint folds in what is left).
const CHECKPOINT_WAIT: Duration = Duration::from_secs(2);

impl Store {
    /// Copies every page of the WAL into the store file and empties the WAL
    /// (`PRAGMA wal_checkpoint(TRUNCATE)`). Does nothing for an in-memory store. When another
    /// copy is reading, the WAL is folded in as far as it can be and kept; that is not an error.
    pub fn checkpoint(&self) -> Result<()> {
        if self.path().is_none() {
            return Ok(());
        }
        self.conn().busy_timeout(CHECKPOINT_WAIT)?;
        let folded = self
            .conn()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                r.get::<_, i64>(0)
            });
        match folded.map_err(crate::error::Error::from) {
            Err(e) if !e.is_busy() => Err(e),
            _ => Ok(()),
        }
    }
}
