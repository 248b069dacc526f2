//! Values checked where they are typed, through the real binary: follow-ups in Chinese units, "no such date", dates far out, sale limits, maturities before the sale, an SMS or memo without text, a call-back without its time — each a clear message and exit 2, never exit 101 — and a store poisoned by an older guanhu's 29-digit balance, which every command now reports instead of panicking.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

fn guanhu(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-24"])
        .args(args)
        .env_remove("GUANHU_DB")
        .env_remove("GUANHU_TODAY")
        .env("XDG_CONFIG_HOME", db.parent().unwrap().join("config"))
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A store with the GBK fixture's six customers in it.
fn store(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("g.db");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/customers_gbk_wan.csv");
    let o = guanhu(&db, &["import", "customers", fixture.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    db
}

const C: &str = "6222000012345678";

#[test]
fn follow_ups_in_chinese_units_are_logged() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    for unit in ["+1天", "+2周", "+30分", "+3时", "＋１天"] {
        let o = guanhu(
            &db,
            &[
                "log",
                "call",
                "--customer",
                C,
                "--outcome",
                "callback_requested",
                "--follow-up",
                unit,
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{unit}: {}", text(&o));
    }
    let o = guanhu(
        &db,
        &[
            "export",
            "diary",
            "--from",
            "2026-11-24",
            "--to",
            "2026-11-24",
        ],
    );
    let csv = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(csv.trim().lines().count(), 6, "{csv}");
    // +1天 from 09:00 on the 24th is the 25th at 09:00.
    assert!(csv.contains("2026-11-25 09:00"), "{csv}");
}

/// Every refusal: (arguments, words the message must contain in zh, in en).
fn refusals() -> Vec<(Vec<&'static str>, &'static str, &'static str)> {
    vec![
        (
            vec!["log", "call", "--customer", C, "--follow-up", "+x天"],
            "看不懂",
            "cannot read",
        ),
        (
            vec!["log", "call", "--customer", C, "--follow-up", "2026-02-30"],
            "不存在的日期",
            "no such date",
        ),
        (
            vec!["log", "call", "--customer", C, "--follow-up", "+100000000d"],
            "1900",
            "1900",
        ),
        (
            vec![
                "log",
                "sale",
                "--customer",
                C,
                "--product-kind",
                "fund",
                "--product-name",
                "稳利",
                "--amount",
                "99999999999999999999",
            ],
            "1,000,000,000",
            "1,000,000,000",
        ),
        (
            vec![
                "log",
                "sale",
                "--customer",
                C,
                "--product-kind",
                "wealth",
                "--product-name",
                "稳利",
                "--amount",
                "300000",
                "--maturity",
                "2026-11-01",
            ],
            "到期日必须晚于销售日",
            "maturity must be after",
        ),
        (
            vec![
                "log",
                "sale",
                "--customer",
                C,
                "--product-kind",
                "wealth",
                "--product-name",
                "稳利",
                "--amount",
                "300000",
                "--maturity",
                "2026-02-30",
            ],
            "不存在的日期",
            "no such date",
        ),
        (
            vec!["log", "sms", "--customer", C],
            "需要填写内容",
            "needs its text",
        ),
        (vec!["log", "memo"], "需要填写内容", "needs its text"),
        (
            vec![
                "log",
                "call",
                "--customer",
                C,
                "--outcome",
                "callback_requested",
            ],
            "回电时间",
            "call-back time",
        ),
    ]
}

#[test]
fn refused_values_say_why_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    for (args, zh, en) in refusals() {
        for (lang, words) in [("zh", zh), ("en", en)] {
            let mut all = vec!["--lang", lang];
            all.extend(args.iter().copied());
            let o = guanhu(&db, &all);
            assert_eq!(o.status.code(), Some(2), "{all:?}: {}", text(&o));
            assert!(text(&o).contains(words), "{all:?}: {}", text(&o));
        }
    }
    let o = guanhu(
        &db,
        &[
            "export",
            "diary",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // Only the header: nothing refused was written.
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim().lines().count(),
        1,
        "{}",
        text(&o)
    );
}

#[test]
fn a_sale_at_the_policy_limit_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let o = guanhu(
        &db,
        &[
            "log",
            "sale",
            "--customer",
            C,
            "--product-kind",
            "fund",
            "--product-name",
            "稳利",
            "--amount",
            "10亿",
            "--note",
            "大额",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

/// A 29-digit balance written by an older guanhu: every command that reads balances says
/// what is wrong and where to look, none panics.
#[test]
fn a_poisoned_store_is_reported_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE balance_snapshots SET deposits = '79228162514264337593543950335' \
             WHERE customer_id = (SELECT id FROM customers WHERE customer_no = ?1)",
            [C],
        )
        .unwrap();
    }
    for args in [
        vec!["customers"],
        vec!["queue"],
        vec!["--lang", "en", "customers"],
    ] {
        let o = guanhu(&db, &args);
        assert_ne!(o.status.code(), Some(101), "{args:?}: {}", text(&o));
        assert_ne!(o.status.code(), Some(0), "{args:?}: {}", text(&o));
        assert!(text(&o).contains("guanhu check"), "{args:?}: {}", text(&o));
    }
}

/// The import judges balances by the policy's `limits.max_balance` (default 10¹²), and a
/// holdings file into a path with no store makes no store (it has no customers to hold them).
#[test]
fn imports_follow_the_policy_limits_and_make_no_store_for_holdings_alone() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("big.csv");
    std::fs::write(
        &csv,
        "客户号,客户姓名,存款余额(元),数据日期\nC1,甲,10000000000000,2026-10-31\nC2,乙,5000,2026-10-31\n",
    )
    .unwrap();
    let db = dir.path().join("g.db");
    let o = guanhu(
        &db,
        &["--lang", "en", "import", "customers", csv.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("added 1"), "{}", text(&o));
    assert!(text(&o).contains("line 2"), "{}", text(&o));

    let fresh = dir.path().join("none").join("x.db");
    let holdings = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/holdings.csv");
    let o = guanhu(&fresh, &["import", "holdings", holdings.to_str().unwrap()]);
    assert_ne!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        !fresh.exists() && !fresh.parent().unwrap().exists(),
        "{}",
        text(&o)
    );
}
