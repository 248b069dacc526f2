//! The store's own handles: [`Read`] (one read snapshot) and [`Write`] (one IMMEDIATE transaction), and [`Conn`], the connection type the query functions take. Services name these, never `rusqlite`; this module runs no queries of its own beyond pinning a snapshot.

use std::ops::Deref;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::Result;

/// The connection the query functions in `store::*` take. Services reach it only through a
/// [`Read`] or a [`Write`] (both dereference to it), so the SQLite crate stays a store detail.
pub type Conn = Connection;

/// A read snapshot: every query through it sees the store as it was at one moment, even while
/// another running copy commits. Dropping it ends the snapshot (nothing was written).
pub struct Read<'s> {
    conn: &'s Connection,
    /// True when this handle began the transaction and so must end it; false when the
    /// connection was already inside one, whose snapshot then serves (SQLite cannot nest `BEGIN`).
    owns: bool,
}

impl<'s> Read<'s> {
    /// Begins a read snapshot on `conn`.
    pub(crate) fn begin(conn: &'s Connection) -> Result<Read<'s>> {
        if !conn.is_autocommit() {
            return Ok(Read { conn, owns: false });
        }
        begin_snapshot(conn)?;
        Ok(Read { conn, owns: true })
    }

    /// Takes charge of a snapshot already begun with [`begin_snapshot`] (on another thread
    /// than the one that began it), ending it when dropped.
    pub(crate) fn adopt(conn: &'s Connection) -> Read<'s> {
        Read { conn, owns: true }
    }
}

impl Read<'_> {
    /// Lets go of the handle without ending its snapshot, for [`Read::adopt`] to take up.
    pub(crate) fn keep_open(mut self) {
        self.owns = false;
    }
}

impl Drop for Read<'_> {
    fn drop(&mut self) {
        if self.owns {
            // A read-only transaction: ending it cannot lose anything, and a failure here
            // (none is known) leaves SQLite to end it when the connection next begins one.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

impl Deref for Read<'_> {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        self.conn
    }
}

/// One write transaction, begun IMMEDIATE (the write lock at once, so a second running copy
/// waits on the busy timeout instead of failing on a lock upgrade). Nothing is kept unless
/// the caller calls [`Write::commit`]; dropping it rolls back.
pub struct Write<'s> {
    tx: Transaction<'s>,
}

impl<'s> Write<'s> {
    pub(crate) fn begin(conn: &'s mut Connection) -> Result<Write<'s>> {
        Ok(Write {
            tx: Transaction::new(conn, TransactionBehavior::Immediate)?,
        })
    }

    /// Keeps everything written through this handle.
    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }

    /// Throws away everything written through this handle (a dry run).
    pub fn rollback(self) -> Result<()> {
        Ok(self.tx.rollback()?)
    }
}

impl Deref for Write<'_> {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        &self.tx
    }
}

/// `BEGIN DEFERRED` and a first read: `BEGIN` alone takes no snapshot (SQLite fixes it at the
/// transaction's first read), so after this every query, on any table, sees one state.
pub(crate) fn begin_snapshot(conn: &Connection) -> Result<()> {
    conn.execute_batch("BEGIN DEFERRED")?;
    let pinned = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    });
    if let Err(e) = pinned {
        let _ = conn.execute_batch("ROLLBACK");
        return Err(e.into());
    }
    Ok(())
}

/// A counter that moves whenever another connection has committed since this connection last
/// looked (`PRAGMA data_version`). Read inside a snapshot it tells the state that snapshot sees.
pub(crate) fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}
