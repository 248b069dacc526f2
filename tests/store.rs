//! Store tests: permissions (made private on open), pragmas, reopen, refusing a newer schema or another program's database untouched, not creating a missing store, snapshot replacement, a second copy waiting, the checkpoint.

mod common;

use guanhu::error::Error;
use guanhu::store::{SCHEMA_VERSION, Store};

#[cfg(unix)]
#[test]
fn a_new_store_is_private_and_in_wal_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("data").join("guanhu.db");
    let store = Store::open(&path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "store file mode {mode:o}");
    let dir_mode = std::fs::metadata(path.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700, "store directory mode {dir_mode:o}");
    let conn = store.conn();
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let sync: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn data_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guanhu.db");
    {
        let mut store = Store::open(&path).unwrap();
        let plan = guanhu::import::ImportPlan {
            rows: common::sample_records(common::d(2026, 10, 31)),
            rejected: vec![],
        };
        guanhu::service::import_customers(
            &mut store,
            plan,
            None,
            common::today(),
            common::now(),
            false,
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.count_customers().unwrap(), 10);
    assert_eq!(store.integrity_check().unwrap(), vec!["ok".to_string()]);
}

#[test]
fn a_store_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        // A newer guanhu marks its stores as this one does.
        conn.execute_batch(&format!(
            "CREATE TABLE future_things (x); PRAGMA user_version = 99;
             PRAGMA application_id = {};",
            guanhu::store::APPLICATION_ID
        ))
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("must be refused");
    match &err {
        Error::NewerSchema { found, known, .. } => {
            assert_eq!(*found, 99);
            assert_eq!(*known, SCHEMA_VERSION);
        }
        other => panic!("unexpected error {other:?}"),
    }
    let message = err.describe(guanhu::i18n::Lang::En);
    assert!(message.contains("newer guanhu"), "{message}");
    assert!(message.contains("Nothing was changed"), "{message}");
    let after = std::fs::read(&path).unwrap();
    assert_eq!(before, after, "the file must not be touched");
    assert!(
        !path.with_extension("db-wal").exists(),
        "no WAL file created"
    );
}

#[test]
fn reimport_of_the_same_date_replaces_the_snapshot() {
    let mut store = common::sample_store();
    let mut rows = common::sample_records(common::d(2026, 10, 31));
    rows.truncate(1);
    rows[0].balances.as_mut().unwrap().deposits = rust_decimal::Decimal::from(90_000);
    let report = guanhu::service::import_customers(
        &mut store,
        guanhu::import::ImportPlan {
            rows,
            rejected: vec![],
        },
        None,
        common::today(),
        common::now(),
        false,
    )
    .unwrap();
    assert_eq!((report.added, report.updated, report.unchanged), (0, 1, 0));
    let detail = guanhu::service::load_customer_detail(
        &store,
        &guanhu::domain::policy::Policy::default_policy(),
        common::today(),
        "C0001",
    )
    .unwrap();
    assert_eq!(detail.snapshots.len(), 2, "one row per date");
    assert_eq!(
        detail.summary.class.aum,
        rust_decimal::Decimal::from(100_000)
    );
}

#[test]
fn a_second_copy_waits_for_the_writer_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guanhu.db");
    let mut first = Store::open(&path).unwrap();
    let mut second = Store::open(&path).unwrap();
    let tx = first.write().unwrap();
    tx.execute(
        "INSERT INTO managers (manager_no, name, created_at) VALUES ('M9', '', '2026-11-24 09:00:00')",
        [],
    )
    .unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    let handle = std::thread::spawn(move || {
        // Blocks on the busy timeout until the first copy commits.
        let tx = second.write().unwrap();
        let n: i64 = tx
            .query_row("SELECT COUNT(*) FROM managers", [], |r| r.get(0))
            .unwrap();
        tx.commit().unwrap();
        sender.send(n).unwrap();
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        receiver.try_recv().is_err(),
        "the second copy is still waiting"
    );
    tx.commit().unwrap();
    handle.join().unwrap();
    assert_eq!(
        receiver.recv().unwrap(),
        1,
        "it then saw the first copy's write"
    );
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photos.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT);")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    for open in [Store::open, Store::open_existing] {
        let err = open(&path).err().expect("must be refused");
        assert!(matches!(err, Error::NotAStore(_)), "{err:?}");
        let message = err.describe(guanhu::i18n::Lang::En);
        assert!(message.contains("is not a guanhu store"), "{message}");
    }
    assert_eq!(before, std::fs::read(&path).unwrap(), "not touched");
    assert!(!dir.path().join("photos.sqlite-wal").exists(), "no WAL");

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "not a database at all, just text that is long enough\n",
    )
    .unwrap();
    let err = Store::open(&text).err().expect("must be refused");
    assert!(matches!(err, Error::NotAStore(_)), "{err:?}");
}

#[test]
fn a_store_is_marked_and_a_marked_store_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guanhu.db");
    let store = Store::open(&path).unwrap();
    assert!(store.created());
    let id: i32 = store
        .conn()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, guanhu::store::APPLICATION_ID);
    drop(store);
    let store = Store::open_existing(&path).unwrap();
    assert!(!store.created());
}

#[test]
fn a_missing_store_is_not_created_by_open_existing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo").join("guanhu.db");
    let err = Store::open_existing(&path).err().expect("must be refused");
    assert!(matches!(err, Error::NoStore(_)), "{err:?}");
    assert!(!dir.path().join("typo").exists(), "no directory made");
}

#[cfg(unix)]
#[test]
fn a_store_copied_in_world_readable_is_made_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guanhu.db");
    drop(Store::open(&path).unwrap());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    let store = Store::open_existing(&path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "store file mode {mode:o}");
    // While a copy has it open the WAL files exist; copied in loose, they are fixed too.
    let wal = dir.path().join("guanhu.db-wal");
    let shm = dir.path().join("guanhu.db-shm");
    for f in [&wal, &shm] {
        assert!(f.exists(), "{}", f.display());
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let second = Store::open_existing(&path).unwrap();
    for f in [&wal, &shm] {
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} mode {mode:o}", f.display());
    }
    drop(second);
    drop(store);
}

#[test]
fn a_checkpoint_leaves_everything_in_the_main_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guanhu.db");
    let mut store = Store::open(&path).unwrap();
    // A reader open as well, as the book's loading keeps one: with it the WAL would outlive
    // the writer's connection.
    let reader = store.reader().unwrap().unwrap();
    let tx = store.write().unwrap();
    tx.execute(
        "INSERT INTO managers (manager_no, name, created_at) VALUES ('M9', '', '2026-11-24 09:00:00')",
        [],
    )
    .unwrap();
    tx.commit().unwrap();
    store.checkpoint().unwrap();
    // A copy of the main file alone (what `cp guanhu.db` takes) holds the write.
    let copy = dir.path().join("copy.db");
    std::fs::copy(&path, &copy).unwrap();
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM managers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    drop(reader);
}
