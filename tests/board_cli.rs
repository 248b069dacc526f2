//! `guanhu board` run as the real binary on the hand-built store of `review_store` (W49): one row per manager, sorted by a column, and the team total — shares from their parts, counts and amounts summed.

mod review_store;

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

fn board(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    drop(review_store::review_store_at(&db));
    Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["--today", "2026-12-10", "board", "--week", "2026-W49"])
        .args(args)
        .env_remove("GUANHU_DB")
        .env_remove("GUANHU_TODAY")
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .output()
        .unwrap()
}

#[test]
fn the_board_totals_the_team_and_sorts_by_a_column() {
    let out = board(&["--format", "json", "--sort", "sms_coverage"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["week"], "2026-W49");
    // M001 (worked out in tests/review_metrics.rs): SMS to 2 of 3, one sale, AUM +100,000.
    // M002: 丁 alone, nothing logged: SMS to 0 of 1.
    let managers = v["managers"].as_array().unwrap();
    let order: Vec<&str> = managers
        .iter()
        .map(|m| m["manager_no"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["M001", "M002"], "best SMS coverage first");
    assert_eq!(managers[0]["metrics"]["sales_count"], "1");
    assert_eq!(managers[1]["metrics"]["sales_count"], "0");
    // The team: SMS to (2 + 0) of (3 + 1) = 0.5; sales 1 + 0; AUM 100,000 + 0.
    assert_eq!(v["total"]["sms_coverage"], "0.5");
    assert_eq!(v["total"]["sales_count"], "1");
    assert_eq!(v["total"]["aum_change"], "100000.00");
}

#[test]
fn the_board_prints_a_table_and_refuses_an_unknown_column() {
    let out = board(&["--sort", "aum_change"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "header, two managers, team: {text}");
    assert!(lines[1].starts_with("M001\t"), "{text}");
    assert!(lines[3].contains("¥100,000.00"), "{text}");
    let out = board(&["--sort", "bogus"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bogus"));
}
