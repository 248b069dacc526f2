//! `guanhu backup` and `guanhu restore`: a backup made while another connection writes is one consistent snapshot and restores whole; the file is owner-only and passes `guanhu check`; a restore asks unless `--yes`, keeps the store as it was, and refuses a file that is not a guanhu store or has a newer schema, changing nothing.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use guanhu::domain::diary::{EntryDraft, EntryKind, Outcome};
use guanhu::service::diary::log_entries;
use guanhu::store::Store;
use guanhu::store::backup::backup_to;

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

fn call(no: &str, minute: u32) -> EntryDraft {
    EntryDraft {
        kind: EntryKind::Call,
        customer_no: Some(no.into()),
        occurred_at: common::today().and_hms_opt(8, minute % 60, 0).unwrap(),
        outcome: Some(Outcome::Reached),
        note: format!("第 {minute} 通"),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    }
}

fn entries(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT COUNT(*) FROM diary_entries", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_backup_while_another_connection_writes_is_consistent_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    common::sample_file(&db);
    let writer_path = db.clone();
    // Another copy logs a call every few milliseconds while the backup runs.
    let writer = std::thread::spawn(move || {
        let mut store = Store::open(&writer_path).unwrap();
        for i in 0..200u32 {
            log_entries(&mut store, Some("M001"), &[call("C0001", i)], common::now()).unwrap();
        }
        entries(&store)
    });
    let store = Store::open(&db).unwrap();
    let out = dir.path().join("copy.db");
    std::thread::sleep(std::time::Duration::from_millis(20));
    backup_to(&store, &out).unwrap();
    let written = writer.join().unwrap();
    let copy = Store::open_existing(&out).unwrap();
    assert_eq!(copy.integrity_check().unwrap(), ["ok"]);
    let copied = entries(&copy);
    assert!((0..=written).contains(&copied), "{copied} of {written}");
    // The aggregate the queue reads agrees with the copied diary: one snapshot, not a mix.
    assert_eq!(
        guanhu::store::queue::stale_contact_rows(copy.conn()).unwrap(),
        0
    );
    // And it restores whole into another store.
    let mut other = Store::open(&dir.path().join("other.db")).unwrap();
    other.restore_from(&out).unwrap();
    assert_eq!(entries(&other), copied);
}

fn guanhu(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-24", "--lang", "en"])
        .args(args)
        .env_remove("GUANHU_DB")
        .env("XDG_CONFIG_HOME", db.parent().unwrap().join("config"))
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn backup_and_restore_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    common::sample_file(&db);
    let copy = dir.path().join("copy.db");
    let o = guanhu(&db, &["backup", "--out", copy.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("the check passed"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "owner-only");
    }
    assert!(guanhu(&copy, &["check"]).status.success());
    // A call logged after the backup.
    let o = guanhu(&db, &["log", "call", "C0001", "--at", "2026-11-24 10:00"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let count = |path: &Path| entries(&Store::open_existing(path).unwrap());
    assert_eq!(count(&db), 1);
    // Without a terminal and without --yes: not restored, exit 2, nothing changed.
    let o = guanhu(&db, &["restore", copy.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(count(&db), 1);
    // A file that is not a guanhu store, and one of a newer schema: refused, nothing changed.
    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, b"not a database at all").unwrap();
    let o = guanhu(&db, &["restore", bad.to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.db"));
    let newer = dir.path().join("newer.db");
    std::fs::copy(&copy, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999")
        .unwrap();
    let o = guanhu(&db, &["restore", newer.to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("newer"));
    assert_eq!(count(&db), 1);
    // With --yes: the store is the backup again, and the store as it was is kept.
    let o = guanhu(&db, &["restore", copy.to_str().unwrap(), "--yes"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(count(&db), 0);
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("before-restore"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        count(&kept[0]),
        1,
        "the call logged after the backup is kept"
    );
    assert!(guanhu(&db, &["check"]).status.success());
    // The file restored from is only read.
    assert!(guanhu(&copy, &["check"]).status.success());
}
