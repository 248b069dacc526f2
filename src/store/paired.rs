//! Two reads at once on two connections that provably see ONE snapshot (the queue's book and diary halves, the board's two halves of the team). Owns the thread and the snapshot check; knows nothing of what the halves read.

use super::Store;
use super::handles::{Conn, Read, begin_snapshot, data_version};
use crate::error::{Error, Result};

/// How many times the pair is retried when another copy commits in the window between the
/// two snapshots, before both halves are read on one connection instead.
const ATTEMPTS: usize = 3;

impl Store {
    /// Runs `here` on this connection and `there` on a second one at the same time, both
    /// inside read snapshots of the same moment. `between` runs after the first snapshot is
    /// taken and before the second is (a test hook: the window where a commit could split
    /// them); pass `&mut || ()`. `what` names the read for the error if a half panics.
    ///
    /// Why the two snapshots are the same: `v1 = data_version` is read on the second
    /// connection, then this connection's snapshot is taken (moment S1), then the second's
    /// (moment S2), then `v2 = data_version` on the second inside its snapshot. SQLite moves a
    /// connection's `data_version` whenever it begins a read and finds a commit by another
    /// connection since it last looked, so `v1 == v2` means nobody committed between the first
    /// look and S2; S1 lies in that span, so S1 and S2 see the same state. On a mismatch both
    /// are dropped and the pair retried; after [`ATTEMPTS`] it falls back to one connection.
    /// An in-memory store, or a connection already in a transaction, reads both on one.
    pub fn read_both<A, B>(
        &self,
        what: &str,
        here: impl FnOnce(&Conn) -> Result<A>,
        there: impl FnOnce(&Conn) -> Result<B> + Send,
        between: &mut dyn FnMut(),
    ) -> Result<(A, B)>
    where
        B: Send,
    {
        let second = match self.reader()? {
            Some(second) if self.conn.is_autocommit() => second,
            other => {
                if let Some(second) = other {
                    self.return_reader(second);
                }
                let read = Read::begin(&self.conn)?;
                between();
                return Ok((here(&read)?, there(&read)?));
            }
        };
        for _ in 0..ATTEMPTS {
            let v1 = data_version(&second)?;
            let mine = Read::begin(&self.conn)?;
            between();
            begin_snapshot(&second)?;
            let theirs = Read::adopt(&second);
            if data_version(&theirs)? != v1 {
                // Someone committed inside the window: the snapshots may differ.
                continue;
            }
            // The snapshot stays open: the thread below adopts it again.
            theirs.keep_open();
            return std::thread::scope(|scope| {
                let far = scope.spawn(move || {
                    // The snapshot begun above is ended here, where `second` now lives.
                    let theirs = Read::adopt(&second);
                    let out = there(&theirs);
                    drop(theirs);
                    (out, second)
                });
                let near = here(&mine);
                drop(mine);
                let (far, second) = far.join().map_err(|_| Error::Input(what.to_string()))?;
                self.return_reader(second);
                Ok((near?, far?))
            });
        }
        // Commits kept landing in the window: one connection, one snapshot, one after the other.
        self.return_reader(second);
        let read = Read::begin(&self.conn)?;
        Ok((here(&read)?, there(&read)?))
    }
}
