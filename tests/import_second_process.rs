//! Two copies of guanhu at once, as real processes: while one imports 300,000 customers, the other logs memos, and every one of them succeeds — the import reads and checks its file before it locks the store, and a waiting write says so and waits instead of failing after 10 s.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");
const ROWS: usize = 300_000;

fn guanhu(db: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--db")
        .arg(db)
        .args(["--today", "2026-11-24", "--lang", "en"])
        .env_remove("GUANHU_DB")
        .env_remove("GUANHU_TODAY")
        .env("XDG_CONFIG_HOME", db.with_extension("config"));
    c
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn customers_csv(prefix: char, n: usize) -> String {
    use std::fmt::Write;
    let mut csv = String::with_capacity(n * 80);
    csv.push_str("客户号,客户姓名,手机号,管户经理工号,存款余额(元),数据日期\n");
    for i in 0..n {
        let _ = writeln!(
            csv,
            "{prefix}{i:08},客户{i},138{:08},M001,{}.50,2026-10-31",
            i % 100_000_000,
            i % 90_000
        );
    }
    csv
}

#[test]
fn a_second_copy_writes_while_a_300000_row_import_runs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let small = dir.path().join("small.csv");
    std::fs::write(&small, customers_csv('S', 3)).unwrap();
    let o = guanhu(&db)
        .args(["import", "customers"])
        .arg(&small)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let big = dir.path().join("big.csv");
    std::fs::write(&big, customers_csv('C', ROWS)).unwrap();

    let mut import = guanhu(&db)
        .args(["import", "customers"])
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut logged = 0;
    let mut during = 0;
    loop {
        let running = import.try_wait().unwrap().is_none();
        let o = guanhu(&db)
            .args(["log", "memo", "--note", "导入期间的备忘"])
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "a write while the import ran: {}",
            text(&o)
        );
        logged += 1;
        if running {
            during += 1;
        } else {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(1200),
            "the import never ended"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let o = import.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains(&format!("added {ROWS}")), "{}", text(&o));
    assert!(during >= 1, "no write was tried while the import ran");

    let conn = rusqlite::Connection::open(&db).unwrap();
    let memos: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM diary_entries WHERE kind = 'memo'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(memos, logged as i64);
    let customers: i64 = conn
        .query_row("SELECT COUNT(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(customers, (ROWS + 3) as i64);
}
