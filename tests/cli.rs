//! The command line, run as the real binary: import exit codes and reports, `customers` in every format, masking, `check`, `demo`, and clear refusals.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clap::CommandFactory;

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn guanhu(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-24"])
        .args(args)
        .env_remove("GUANHU_DB")
        .env("XDG_CONFIG_HOME", db.parent().unwrap().join("config"))
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn clap_definition_is_consistent() {
    guanhu::cli::Cli::command().debug_assert();
}

#[test]
fn import_then_list_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let gbk = fixture("customers_gbk_wan.csv");
    let o = guanhu(
        &db,
        &["--lang", "en", "import", "customers", gbk.to_str().unwrap()],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        stdout(&o).trim(),
        "added 6, updated 0, unchanged 0, rejected 0"
    );

    let o = guanhu(
        &db,
        &["--lang", "zh", "import", "customers", gbk.to_str().unwrap()],
    );
    assert_eq!(stdout(&o).trim(), "新增 0，更新 0，未变 6，拒绝 0");

    let o = guanhu(&db, &["customers", "--format", "json"]);
    assert!(o.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 6);
    let zhang = rows
        .iter()
        .find(|r| r["customer_no"] == "6222000012345678")
        .unwrap();
    assert_eq!(zhang["name"], "张伟");
    assert_eq!(zhang["tier"], "potential");
    assert_eq!(zhang["age_segment"], "senior");
    assert_eq!(zhang["preference_segment"], "investment");
    assert_eq!(zhang["aum"], "425000");
    assert_eq!(zhang["manager_no"], "A0123");
    assert_eq!(zhang["phone"], "138****5678");
    // First trade 2015, one snapshot: long-standing and steady, but no sales logged, so
    // established (loyal also needs the policy's number of sales).
    assert_eq!(zhang["lifecycle"], "established");

    let o = guanhu(
        &db,
        &[
            "--lang",
            "zh",
            "customers",
            "--format",
            "csv",
            "--unmasked",
            "--tier",
            "potential",
        ],
    );
    let text = stdout(&o);
    // One customer CSV (issue 13): the export's, with a BOM and headers in the language.
    assert!(
        text.starts_with(
            "\u{feff}客户号,姓名,分层,年龄群组,偏好群组,生命周期,资产,管户经理,手机号"
        )
    );
    assert!(text.contains("13812345678"), "{text}");

    let o = guanhu(&db, &["customers", "--segment", "young"]);
    assert!(o.status.success());
    assert!(stdout(&o).lines().all(|l| l.contains("\tyoung\t")));

    let o = guanhu(&db, &["--lang", "en", "customers", "--tier", "gold"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown tier gold"));

    let o = guanhu(&db, &["--lang", "en", "check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("SQLite integrity check: ok"));
}

#[test]
fn bad_rows_exit_non_zero_and_name_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let bad = fixture("customers_bad_rows.csv");
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "customers",
            "--dry-run",
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let text = stdout(&o);
    assert!(
        text.starts_with("(dry run, nothing written) added"),
        "{text}"
    );
    assert!(text.contains("line "), "{text}");
    assert!(!db.exists(), "the dry run created no store");
    let o = guanhu(
        &db,
        &["--lang", "en", "import", "customers", bad.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    let o = guanhu(&db, &["customers", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        !rows.as_array().unwrap().is_empty(),
        "the good rows went in"
    );
}

#[test]
fn refusals_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let policy = fixture("policy/bad_order.toml");
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "--policy",
            policy.to_str().unwrap(),
            "customers",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("key tiers[1].min"), "{err}");

    let o = guanhu(
        &db,
        &["--lang", "en", "import", "customers", "/nonexistent.csv"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent.csv"));

    let o = Command::new(BIN)
        .args(["--lang", "en", "--today", "2026-02-30", "check", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("2026-02-30"));
}

#[test]
fn demo_writes_a_new_store_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo.db");
    let o = guanhu(
        &dir.path().join("unused.db"),
        &[
            "--lang",
            "en",
            "demo",
            "--customers",
            "200",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("200 customers"));
    let o = guanhu(
        &dir.path().join("unused.db"),
        &["--lang", "en", "demo", "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    let o = guanhu(&out, &["customers", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 200);
}

#[test]
fn log_then_export_the_diary_ledgers_and_sms_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let gbk = fixture("customers_gbk_wan.csv");
    guanhu(&db, &["import", "customers", gbk.to_str().unwrap()]);
    let zhang = "6222000012345678";
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "log",
            "call",
            "--customer",
            zhang,
            "--note",
            "约下周面谈",
            "--at",
            "10:30",
            "--follow-up",
            "+1d",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).starts_with("Logged entry #1"));
    let o = guanhu(
        &db,
        &[
            "log",
            "sale",
            "--customer",
            zhang,
            "--product-kind",
            "理财",
            "--product-name",
            "稳利丰90天",
            "--amount",
            "30万",
            "--maturity",
            "2027-02-22",
            "--at",
            "11:00",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "log",
            "sale",
            "--customer",
            zhang,
            "--product-kind",
            "fund",
            "--product-name",
            "易方达蓝筹",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Enter the amount"));
    let o = guanhu(&db, &["--lang", "en", "log", "call"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("needs a customer"));

    let o = guanhu(&db, &["--lang", "zh", "export", "diary"]);
    assert!(o.status.success());
    assert!(
        o.stdout.starts_with(b"\xEF\xBB\xBF"),
        "CSV starts with a BOM for Excel"
    );
    let text = stdout(&o);
    assert!(text.contains("约下周面谈"));
    assert!(text.contains("138****5678"), "masked by default:\n{text}");
    assert!(!text.contains("13812345678"));

    let o = guanhu(&db, &["export", "wealth-ledger", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["amount"], "300000.00");
    let o = guanhu(&db, &["export", "fund-ledger", "--format", "json"]);
    assert_eq!(stdout(&o).trim(), "[]");

    let out = dir.path().join("sms.csv");
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "export",
            "sms-list",
            "--template",
            "{name}您好，理财节开始了",
            "--not-contacted-since",
            "2026-11-01",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("personal data"));
    let sms = std::fs::read_to_string(&out).unwrap();
    assert!(
        !sms.contains("张伟"),
        "contacted today, so left out:\n{sms}"
    );
    assert!(sms.contains("李秀英您好，理财节开始了"), "{sms}");
    assert!(
        sms.contains("13910002233"),
        "full phone for the SMS platform"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn without_a_terminal_the_app_says_so_instead_of_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(BIN)
        .arg("--db")
        .arg(dir.path().join("g.db"))
        .args(["--lang", "en", "--today", "2026-11-24"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("terminal"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn the_queue_as_json_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let o = guanhu(
        &dir.path().join("unused.db"),
        &[
            "demo",
            "--customers",
            "200",
            "--managers",
            "1",
            "--out",
            db.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = guanhu(&db, &["queue", "--format", "json", "--limit", "30"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty() && rows.len() <= 30);
    let codes = [
        "callback",
        "maturity",
        "large_outflow",
        "birthday",
        "risk_assessment",
        "risk_review",
        "contact_due",
        "visit_due",
        "sale_due",
        "sms_due",
        "upgrade",
        "downgrade_risk",
        "new_customer",
        "dormant",
    ];
    let mut last_score = f64::MAX;
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["rank"], i + 1);
        for key in [
            "customer_no",
            "customer_name",
            "tier",
            "reasons",
            "suggested",
            "score",
            "breakdown",
        ] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
        for r in row["reasons"].as_array().unwrap() {
            assert!(codes.contains(&r["code"].as_str().unwrap()), "{r}");
            assert!(r["detail"].is_string());
            assert!(r["overdue"].is_boolean(), "{r}");
            // A time only where the reason has one; an answer as the entry's id and kind.
            assert_eq!(r["due_at"].is_string(), r["code"] == "callback", "{r}");
            if let Some(by) = r["answered_by"].as_object() {
                assert!(by["entry_id"].is_i64() && by["kind"].is_string(), "{r}");
                assert_eq!(r["overdue"], false);
            } else {
                assert!(r["answered_by"].is_null(), "{r}");
            }
        }
        let total: f64 = row["breakdown"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["product"].as_f64().unwrap())
            .sum();
        let score = row["score"].as_f64().unwrap();
        assert!((total - score).abs() < 1e-6, "{row}");
        if row["customer_no"].is_string() {
            assert!(score <= last_score, "sorted by score");
            last_score = score;
        }
    }
    let o = guanhu(&db, &["queue", "--limit", "3"]);
    assert_eq!(stdout(&o).lines().count(), 3);
}
