//! `--now` / `GUANHU_NOW` fix the moment a command runs at (and its day, when `--today` is not
//! given), so tests and demos can pin it; a bad moment or one on another day than `--today`
//! is refused naming the flags, and nothing is written.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

fn run(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env_remove("GUANHU_DB")
        .env_remove("GUANHU_TODAY")
        .env_remove("GUANHU_NOW")
        .env("XDG_CONFIG_HOME", db.parent().unwrap().join("config"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("now.db");
    let out = Command::new(BIN)
        .args(["--today", "2026-12-02", "demo", "--out"])
        .arg(&db)
        .args(["--customers", "30", "--managers", "1"])
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

fn memos_at(db: &Path, day: &str) -> Vec<String> {
    let out = run(
        db,
        &[
            "--today", day, "export", "diary", "--from", day, "--to", day, "--format", "json",
        ],
        &[],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().cloned().unwrap_or_default();
    rows.iter()
        .filter(|r| r["note"].as_str() == Some("pinned moment"))
        .filter_map(|r| r["occurred_at"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn now_pins_the_moment_and_the_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = run(
        &db,
        &[
            "--now",
            "2026-12-03 15:30",
            "log",
            "memo",
            "--note",
            "pinned moment",
        ],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(memos_at(&db, "2026-12-03"), vec!["2026-12-03T15:30:00"]);
    // The same from the environment, with --today on the same day.
    let env = [("GUANHU_NOW", "2026-12-04T08:05")];
    let args = [
        "--today",
        "2026-12-04",
        "log",
        "memo",
        "--note",
        "pinned moment",
    ];
    let out = run(&db, &args, &env);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(memos_at(&db, "2026-12-04"), vec!["2026-12-04T08:05:00"]);
}

#[test]
fn a_bad_now_or_one_off_today_is_refused_naming_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    for (args, words) in [
        (
            vec!["--now", "2026-12-02 25:00", "queue"],
            "--now / GUANHU_NOW",
        ),
        (vec!["--now", "tomorrow", "queue"], "YYYY-MM-DD HH:MM"),
        (
            vec![
                "--today",
                "2026-12-01",
                "--now",
                "2026-12-02 10:00",
                "queue",
            ],
            "is not on --today 2026-12-01",
        ),
    ] {
        let out = run(&db, &args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let log = [
        "--now",
        "2026-12-02 99:00",
        "log",
        "memo",
        "--note",
        "pinned moment",
    ];
    assert_eq!(run(&db, &log, &[]).status.code(), Some(2));
    assert!(
        memos_at(&db, "2026-12-02").is_empty(),
        "nothing was written"
    );
}
