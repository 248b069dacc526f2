//! One working day on the hand-built book, run as the real binary with `--now` moving from 09:00 to 17:00: `guanhu log` at each touch, `guanhu queue --format json` after it. An SMS answers none of 陈静's reasons; a call not reached sinks her row for two hours; 王芳's call-back set for 15:00 is not on the queue before 15:00, is at 15:00, is overdue at 15:30 and answered by the reached call at 15:40; a visit answers her maturity, the month's contact and the year's visit.

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

fn run(db: &Path, now: &str, args: &[&str]) -> String {
    let o = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--now", &format!("2026-11-24 {now}"), "--lang", "en"])
        .args(args)
        .env_remove("GUANHU_DB")
        .env_remove("GUANHU_TODAY")
        .env("XDG_CONFIG_HOME", db.parent().unwrap().join("config"))
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{args:?} at {now}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The queue at `now` (HH:MM on 2026-11-24).
fn queue(db: &Path, now: &str) -> Vec<Value> {
    let text = run(db, now, &["queue", "--format", "json"]);
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn row<'a>(rows: &'a [Value], no: &str) -> Option<&'a Value> {
    rows.iter().find(|r| r["customer_no"] == no)
}

fn reason<'a>(row: &'a Value, code: &str) -> Option<&'a Value> {
    row["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == code)
}

fn open(row: &Value, code: &str) -> bool {
    reason(row, code).is_some_and(|r| r["answered_by"].is_null())
}

#[test]
fn a_working_day_from_nine_to_five() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    common::sample_file(&db);
    // Yesterday 王芳 (C0003) asked to be called back today at 15:00.
    let o = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["--now", "2026-11-23 10:00", "--lang", "en"])
        .args(["log", "call", "C0003", "--outcome", "callback_requested"])
        .args(["--follow-up", "2026-11-24 15:00"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // 09:00: the weekly SMS row pinned first, 陈静 (maturity ¥225,000) the first customer; no
    // call-back yet for 王芳.
    let q = queue(&db, "09:00");
    assert!(q[0]["customer_no"].is_null(), "{}", q[0]);
    assert_eq!(q[1]["customer_no"], "C0005");
    assert!(open(&q[1], "maturity") && open(&q[1], "contact_due"));
    assert!(row(&q, "C0003").is_none_or(|r| reason(r, "callback").is_none()));

    // 09:30: an SMS to 陈静 answers her week's SMS, none of her row's reasons.
    run(
        &db,
        "09:30",
        &["log", "sms", "C0005", "--note", "陈姐您好，理财周一到期"],
    );
    let q = queue(&db, "09:30");
    let chen = row(&q, "C0005").expect("an SMS does not take her off");
    assert!(open(chen, "maturity") && open(chen, "contact_due"));
    assert!(
        !q[0]["customers"]
            .as_array()
            .unwrap()
            .contains(&"C0005".into())
    );

    // 10:05: a call not reached is an attempt: the row stays, every reason open, and sinks to
    // the bottom until 12:05.
    run(
        &db,
        "10:05",
        &["log", "call", "C0005", "--outcome", "not_reached"],
    );
    let q = queue(&db, "10:06");
    let chen = row(&q, "C0005").unwrap();
    assert_eq!(chen["attempt_at"], "2026-11-24 10:05");
    assert_eq!(chen["sunk_until"], "2026-11-24 12:05");
    assert!(open(chen, "maturity"));
    assert_eq!(q.last().unwrap()["customer_no"], "C0005");

    // 12:10: risen again, first among the customers as in the morning.
    let q = queue(&db, "12:10");
    assert!(row(&q, "C0005").unwrap()["sunk_until"].is_null());
    assert_eq!(q[1]["customer_no"], "C0005");

    // 14:00: 王芳's call-back is not due yet (the lead time is 0); 15:00: it is, on time;
    // 15:30: it is overdue.
    let q = queue(&db, "14:00");
    assert!(row(&q, "C0003").is_none_or(|r| reason(r, "callback").is_none()));
    let q = queue(&db, "15:00");
    let cb = reason(row(&q, "C0003").unwrap(), "callback")
        .unwrap()
        .clone();
    assert_eq!(cb["due_at"], "2026-11-24 15:00");
    assert_eq!(cb["overdue"], false);
    let q = queue(&db, "15:30");
    let cb = reason(row(&q, "C0003").unwrap(), "callback")
        .unwrap()
        .clone();
    assert_eq!(cb["overdue"], true);

    // 15:40: the reached call answers it, by its id and kind.
    run(&db, "15:40", &["log", "call", "C0003"]);
    let q = queue(&db, "15:41");
    let wang = row(&q, "C0003").expect("the year's visit is still owed");
    let by = &reason(wang, "callback").unwrap()["answered_by"];
    assert_eq!(by["kind"], "call");
    assert!(by["entry_id"].is_i64());
    assert_eq!(reason(wang, "callback").unwrap()["overdue"], false);

    // 16:30: a visit to 陈静 answers the maturity, the month's contact and the year's visit;
    // what a visit does not answer (the quarter's sale, the risk review) is left.
    run(&db, "16:30", &["log", "visit", "C0005"]);
    let q = queue(&db, "17:00");
    let chen = row(&q, "C0005").expect("a sale and the review are still owed");
    for code in ["maturity", "contact_due", "visit_due"] {
        assert_eq!(
            reason(chen, code).unwrap()["answered_by"]["kind"],
            "visit",
            "{code}"
        );
    }
    assert!(
        open(chen, "sale_due") && open(chen, "risk_review"),
        "{chen}"
    );
    assert!(
        chen["attempt_at"].is_null(),
        "the visit came after the attempt"
    );
}
