//! The command line under faults and hostile input (issue 10), run as the real binary: a closed pipe or a full disk after a commit, a mistyped or foreign `--db`, a second copy holding the write lock, far dates, formula and escape-sequence text, `--out` over an existing file, the positional customer number, and the exit status of each.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn command(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--db")
        .arg(db)
        .args(["--today", "2026-11-24", "--lang", "en"])
        .args(args)
        .env_remove("GUANHU_DB")
        .env_remove("GUANHU_TODAY")
        .env("XDG_CONFIG_HOME", db.parent().unwrap().join("config"));
    c
}

fn guanhu(db: &Path, args: &[&str]) -> Output {
    command(db, args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A store with the six customers of the GBK fixture (managers A0123, A0456).
fn imported() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let file = fixture("customers_gbk_wan.csv");
    let o = guanhu(&db, &["import", "customers", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (dir, db)
}

const ZHANG: &str = "6222000012345678";

fn diary_count(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT COUNT(*) FROM diary_entries", [], |r| r.get(0))
        .unwrap()
}

/// Runs the command with its standard output a pipe whose reading end is already closed.
fn with_closed_stdout(mut c: Command) -> Output {
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn the_customer_number_may_follow_the_kind() {
    let (_dir, db) = imported();
    let o = guanhu(&db, &["log", "call", ZHANG, "--note", "约下周面谈"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Logged entry #"), "{}", stdout(&o));
    let o = guanhu(&db, &["log", "call", ZHANG, "--customer", ZHANG]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "the same number twice: {}",
        stderr(&o)
    );
    let o = guanhu(
        &db,
        &["log", "call", ZHANG, "--customer", "6222000012345679"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("given twice"), "{}", stderr(&o));
    let o = guanhu(&db, &["log", "risk", ZHANG, "--risk-level", "C3"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(diary_count(&db), 3);
}

#[test]
fn a_closed_pipe_ends_quietly_and_logs_once() {
    let (_dir, db) = imported();
    for args in [
        &["customers"][..],
        &["queue"],
        &["managers"],
        &["assign", "--to", "A0456", ZHANG, "--dry-run"],
        &["export", "diary"],
        &["check"],
    ] {
        let o = with_closed_stdout(command(&db, args));
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
    let o = with_closed_stdout(command(&db, &["log", "call", ZHANG]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_eq!(diary_count(&db), 1, "logged exactly once");
    let holdings = fixture("holdings.csv");
    let o = with_closed_stdout(command(
        &db,
        &["import", "holdings", holdings.to_str().unwrap()],
    ));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let o = with_closed_stdout(command(&db, &["assign", "--to", "A0456", ZHANG]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_after_a_commit_says_the_work_was_saved() {
    let (_dir, db) = imported();
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let o = command(&db, &["log", "call", ZHANG])
        .stdout(full())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("The work was saved"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_eq!(diary_count(&db), 1);

    let o = command(&db, &["assign", "--to", "A0456", ZHANG])
        .stdout(full())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("The work was saved"), "{}", stderr(&o));

    // Nothing was committed by a listing: a full disk is then an error.
    let o = command(&db, &["customers"])
        .stdout(full())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("Cannot write to standard output"));
}

#[test]
fn a_mistyped_store_path_is_reported_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("no").join("such").join("guanhu.db");
    for args in [
        &["queue"][..],
        &["customers"],
        &["check"],
        &["managers"],
        &["board"],
        &["review", "--week", "2026-W47"],
        &["export", "diary"],
        &["export", "sms-list"],
        &["log", "memo", "--note", "x"],
    ] {
        let o = guanhu(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&o).contains("There is no store at"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(
            !dir.path().join("no").exists(),
            "{args:?} created a directory"
        );
    }
    let o = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["--lang", "zh", "queue"])
        .output()
        .unwrap();
    assert!(stderr(&o).contains("没有数据文件"), "{}", stderr(&o));
}

#[test]
fn a_dry_run_or_a_failed_import_leaves_no_store_and_a_real_one_says_it_made_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let file = fixture("customers_gbk_wan.csv");
    let o = guanhu(
        &db,
        &["import", "customers", "--dry-run", file.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("added 6"), "{}", stdout(&o));
    assert!(!db.exists(), "a dry run made a store");
    let o = guanhu(&db, &["import", "customers", "/nonexistent.csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!db.exists(), "a failed import made a store");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "客户号,客户姓名,存款余额\nC1,张三,abc\n").unwrap();
    let o = guanhu(&db, &["import", "customers", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(!db.exists(), "an import of only rejected rows made a store");
    let o = guanhu(&db, &["import", "customers", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("created a new store at"),
        "{}",
        stderr(&o)
    );
    let o = guanhu(&db, &["import", "customers", file.to_str().unwrap()]);
    assert!(!stderr(&o).contains("created"), "{}", stderr(&o));
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let file = fixture("customers_gbk_wan.csv");
    for args in [
        &["queue"][..],
        &["import", "customers", file.to_str().unwrap()],
    ] {
        let o = guanhu(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&o).contains("is not a guanhu store"),
            "{}",
            stderr(&o)
        );
    }
    assert_eq!(before, std::fs::read(&db).unwrap(), "the file was changed");
}

#[cfg(unix)]
#[test]
fn a_world_readable_store_is_made_private_on_open() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = imported();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o666)).unwrap();
    let o = guanhu(&db, &["customers"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
    drop(dir);
}

#[test]
fn a_write_waits_for_another_copy_and_says_so() {
    let (_dir, db) = imported();
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let child = command(&db, &["log", "call", ZHANG])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(2500));
    holder.execute_batch("COMMIT").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(
        err.matches("waiting for another guanhu to finish writing")
            .count(),
        1,
        "{err}"
    );
    assert_eq!(diary_count(&db), 1);
}

#[test]
fn after_a_write_the_store_file_alone_holds_it() {
    let (dir, db) = imported();
    let o = guanhu(&db, &["log", "call", ZHANG]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).unwrap();
    assert_eq!(diary_count(&copy), 1, "the entry was left in the -wal file");
    // A command that only reads leaves no WAL files behind either.
    let o = guanhu(&db, &["queue"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !dir.path().join("g.db-wal").exists(),
        "a -wal file was left"
    );
}

#[test]
fn far_dates_are_refused_with_the_flag_named() {
    let (_dir, db) = imported();
    let cases: [(&[&str], &str); 5] = [
        (&["--today", "+262142-12-31", "queue"], "--today"),
        (&["board", "--week", "262143-W01"], "--week"),
        (
            &["--manager", "A0123", "review", "--week", "262143-W01"],
            "--week",
        ),
        (&["export", "diary", "--from", "+262142-01-01"], "--from"),
        (
            &["assign", "--to", "A0456", ZHANG, "--on", "9999-01-01"],
            "--on",
        ),
    ];
    for (args, flag) in cases {
        let o = guanhu(&db, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(flag), "{args:?}: {}", stderr(&o));
    }
    let o = command(&db, &["queue"])
        .env("GUANHU_TODAY", "3000-01-01")
        .args(["--today", "3000-01-01"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("between the years 1900 and 2200"));
}

#[test]
fn exit_status_is_documented_and_kept() {
    let o = Command::new(BIN).arg("--help").output().unwrap();
    let help = stdout(&o);
    assert!(help.contains("Exit status"), "{help}");
    assert!(help.contains("input rejected"), "{help}");
    let o = Command::new(BIN).args(["log", "--help"]).output().unwrap();
    assert!(
        stdout(&o).contains("退出码 / Exit status"),
        "{}",
        stdout(&o)
    );
    let (_dir, db) = imported();
    let rejected: [&[&str]; 6] = [
        &["log", "dance", ZHANG],
        &["log", "sale", ZHANG, "--amount", "abc"],
        &["customers", "--tier", "gold"],
        &["--today", "2026-02-30", "queue"],
        &["managers", "set", "Z9", "--name", "x"],
        &["queue", "--format", "xml"],
    ];
    for args in rejected {
        let o = guanhu(&db, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
}

/// A customer file whose names and manager numbers try formulas and terminal escapes.
fn hostile_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let file = dir.path().join("hostile.csv");
    std::fs::write(
        &file,
        "客户号,客户姓名,手机号码,存款余额,客户经理工号\n\
         C1,=HYPERLINK(\"http://x\"),13800001111,1000,@A0123\n\
         C2,王芳,13800002222,2000,+M2\n\
         -C3,-李四,13800003333,3000,-M3\n",
    )
    .unwrap();
    let o = guanhu(&db, &["import", "customers", file.to_str().unwrap()]);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(2),
        "{}",
        stderr(&o)
    );
    // The import now refuses control characters in a name; a store written by an older
    // guanhu may still hold one, so it is put there directly.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let changed = conn
        .execute(
            "UPDATE customers SET name = ?1 WHERE customer_no = 'C2'",
            ["\u{1b}]0;pwned\u{7}\u{1b}[2J王芳"],
        )
        .unwrap();
    assert_eq!(changed, 1);
    (dir, db)
}

#[test]
fn formulas_are_neutralised_in_every_csv() {
    let (dir, db) = hostile_store();
    let parse = |bytes: &[u8]| -> Vec<Vec<String>> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes)
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    };
    let risky = |cell: &str| cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let sms = dir.path().join("sms.csv");
    let o = guanhu(&db, &["export", "sms-list", "--out", sms.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o2 = guanhu(&db, &["customers", "--format", "csv"]);
    let o3 = guanhu(&db, &["managers", "--format", "csv"]);
    for (what, bytes) in [
        ("sms-list", std::fs::read(&sms).unwrap()),
        ("customers", o2.stdout),
        ("managers", o3.stdout),
    ] {
        let rows = parse(&bytes);
        assert!(rows.len() > 1, "{what}: {rows:?}");
        for cell in rows.iter().flatten() {
            assert!(!risky(cell), "{what}: raw cell {cell:?}");
            assert!(!cell.contains('\u{1b}'), "{what}: escape in {cell:?}");
        }
        let all: String = rows.iter().flatten().cloned().collect();
        let expected = if what == "managers" {
            "'@A0123"
        } else {
            "'=HYPERLINK"
        };
        assert!(all.contains(expected), "{what}: {rows:?}");
    }
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let (_dir, db) = hostile_store();
    for args in [&["customers"][..], &["queue"], &["managers"], &["board"]] {
        let o = guanhu(&db, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(!o.stdout.contains(&0x1b), "{args:?}: {}", stdout(&o));
        assert!(!o.stdout.contains(&0x07), "{args:?}: {}", stdout(&o));
    }
    let o = guanhu(&db, &["customers"]);
    assert!(stdout(&o).contains("王芳"), "{}", stdout(&o));
}

#[cfg(unix)]
#[test]
fn out_over_an_existing_file_is_owner_only_and_whole() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = imported();
    let out = dir.path().join("diary.csv");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    guanhu(&db, &["log", "call", ZHANG]);
    let o = guanhu(
        &db,
        &[
            "export",
            "diary",
            "--unmasked",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("13812345678"), "{text}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
