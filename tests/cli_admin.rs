//! `guanhu managers` and `guanhu assign`, run as the real binary: listing in every format, adding and changing staff, refusals that name the field, a dry run that changes nothing, and an assignment that changes the manager and keeps the history.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
        .env_remove("GUANHU_TODAY")
        .env("XDG_CONFIG_HOME", db.parent().unwrap().join("config"))
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A store with the six customers of the GBK fixture: A0123 has four, A0456 two.
fn imported() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let file = fixture("customers_gbk_wan.csv");
    let o = guanhu(&db, &["import", "customers", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (dir, db)
}

fn manager_of(db: &Path, customer_no: &str) -> String {
    let o = guanhu(db, &["customers", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["customer_no"] == customer_no)
        .map(|r| r["manager_no"].as_str().unwrap_or("").to_string())
        .unwrap()
}

#[test]
fn managers_list_in_every_format() {
    let (_dir, db) = imported();
    let o = guanhu(&db, &["--lang", "en", "managers"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "Staff no.\tName\tRole\tCustomers\tAUM managed\n\
         A0123\t王芳\tRelationship manager\t4\t12491500.00\n\
         A0456\t陈静\tRelationship manager\t2\t3863456.78\n"
    );
    let o = guanhu(&db, &["--lang", "zh", "managers"]);
    assert!(
        stdout(&o)
            .starts_with("工号\t姓名\t角色\t管户数\t管户金融资产\nA0123\t王芳\t客户经理\t4\t")
    );

    let o = guanhu(&db, &["managers", "--format", "csv"]);
    assert_eq!(
        stdout(&o),
        "manager_no,name,role,customers,aum\n\
         A0123,王芳,relationship_manager,4,12491500\n\
         A0456,陈静,relationship_manager,2,3863456.78\n"
    );
    let o = guanhu(&db, &["managers", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows[1]["manager_no"], "A0456");
    assert_eq!(rows[1]["customers"], 2);
    assert_eq!(rows[1]["aum"], "3863456.78");
}

#[test]
fn managers_add_and_set_with_clear_refusals() {
    let (_dir, db) = imported();
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "managers",
            "add",
            "L01",
            "--name",
            "王团长",
            "--role",
            "team_lead",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "Added L01 王团长 (Team lead)");
    let o = guanhu(
        &db,
        &[
            "--lang",
            "zh",
            "managers",
            "add",
            "C01",
            "--name",
            "柜员甲",
            "--role",
            "counter_staff",
        ],
    );
    assert_eq!(stdout(&o).trim(), "已添加 C01 柜员甲（柜员）");

    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "managers",
            "set",
            "A0456",
            "--role",
            "branch_head",
        ],
    );
    assert_eq!(stdout(&o).trim(), "Updated A0456 陈静 (Branch head)");
    let o = guanhu(&db, &["managers", "--format", "csv"]);
    assert!(
        stdout(&o).contains("A0456,陈静,branch_head,2,"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("L01,王团长,team_lead,0,0"),
        "{}",
        stdout(&o)
    );

    let refusals: &[(&[&str], &str)] = &[
        (
            &["managers", "add", "L01", "--name", "又一个"],
            "L01 already exists",
        ),
        (
            &["managers", "add", "L02", "--name", "  "],
            "--name must not be empty",
        ),
        (
            &["managers", "add", "L02", "--name", "乙", "--role", "boss"],
            "--role: unknown role boss",
        ),
        (
            &["managers", "set", "Z9", "--name", "乙"],
            "No manager numbered Z9",
        ),
        (&["managers", "set", "L01"], "Give --name or --role"),
    ];
    for (args, message) in refusals {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let o = guanhu(&db, &all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
    let o = guanhu(
        &db,
        &[
            "--lang", "zh", "managers", "add", "L02", "--name", "乙", "--role", "boss",
        ],
    );
    assert!(
        stderr(&o).contains("--role：未知角色 boss"),
        "{}",
        stderr(&o)
    );
    // Nothing the refusals touched was written.
    let o = guanhu(&db, &["managers", "--format", "csv"]);
    assert_eq!(stdout(&o).lines().count(), 5, "{}", stdout(&o));
}

#[test]
fn assign_dry_run_changes_nothing_and_assign_changes_with_history() {
    let (_dir, db) = imported();
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "assign",
            "6222000012345678",
            "6222000087654321",
            "--to",
            "A0456",
            "--on",
            "2026-11-25",
            "--dry-run",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "6222000012345678 张伟: A0123 → A0456 (manual)\n\
         6222000087654321 王磊: A0123 → A0456 (manual)\n\
         Dry run, nothing written: 2 customers would be reassigned from 2026-11-25\n"
    );
    assert_eq!(manager_of(&db, "6222000012345678"), "A0123");

    // Imported on 11-24, so A0123 has held them only since then: 11-20 is refused.
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "assign",
            "6222000012345678",
            "--to",
            "A0456",
            "--on",
            "2026-11-20",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--on: customer 6222000012345678"),
        "{}",
        stderr(&o)
    );
    assert_eq!(manager_of(&db, "6222000012345678"), "A0123");

    let o = guanhu(
        &db,
        &[
            "--lang",
            "zh",
            "--manager",
            "A0456",
            "assign",
            "6222000012345678",
            "--to",
            "A0456",
            "--on",
            "2026-12-01",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "6222000012345678 张伟：A0123 → A0456（手工）\n已改派 1 位客户，分户日期 2026-12-01\n"
    );
    assert_eq!(manager_of(&db, "6222000012345678"), "A0456");

    let store = guanhu::store::Store::open(&db).unwrap();
    let d = |day| chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
    let who = |day| {
        guanhu::service::assignment::manager_of_customer_on(&store, "6222000012345678", day)
            .unwrap()
    };
    assert_eq!(who(d(30)).as_deref(), Some("A0123"));
    assert_eq!(who(d(24)).as_deref(), Some("A0123"));
    assert_eq!(who(d(23)), None);
    let dec1 = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(who(dec1).as_deref(), Some("A0456"));
    let id = guanhu::store::customers::find_customer(store.conn(), "6222000012345678")
        .unwrap()
        .unwrap()
        .id;
    let last = guanhu::store::assignments::list_assignments(store.conn(), id)
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(
        (last.reason.as_str(), last.actor.as_str()),
        ("manual", "A0456")
    );
}

#[test]
fn assign_by_rule_prints_the_plan_and_applies_it() {
    let (_dir, db) = imported();
    guanhu(
        &db,
        &[
            "managers",
            "add",
            "L01",
            "--name",
            "王团长",
            "--role",
            "team_lead",
        ],
    );
    let o = guanhu(&db, &["--lang", "en", "assign", "--rule", "--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // No counter staff: the small customers stay. ≥ 500,000 → L01; 50,000–500,000 already
    // with a relationship manager → stay.
    assert_eq!(
        stdout(&o),
        "6222000012345679 李秀英: A0123 → L01 (quality_to_lead)\n\
         6222000033334444 陈晓明: A0456 → L01 (quality_to_lead)\n\
         Dry run, nothing written: 2 customers would be reassigned from 2026-11-24\n"
    );
    assert_eq!(manager_of(&db, "6222000012345679"), "A0123");
    let o = guanhu(&db, &["--lang", "en", "assign", "--rule"]);
    assert!(
        stdout(&o).ends_with("Reassigned 2 customers from 2026-11-24\n"),
        "{}",
        stdout(&o)
    );
    assert_eq!(manager_of(&db, "6222000012345679"), "L01");

    let o = guanhu(&db, &["--lang", "en", "assign", "--to", "A0123"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Give customer numbers with --to"),
        "{}",
        stderr(&o)
    );
    let o = guanhu(
        &db,
        &[
            "--lang", "en", "assign", "x", "--to", "A0123", "--on", "soon",
        ],
    );
    assert!(
        stderr(&o).contains("--on: \"soon\" is not a YYYY-MM-DD date"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn assign_by_rule_takes_no_customer_numbers() {
    let (_dir, db) = imported();
    let o = guanhu(&db, &["assign", "--rule", "6222000012345678"]);
    assert_eq!(o.status.code(), Some(2), "clap refuses the mix");
    assert_eq!(manager_of(&db, "6222000012345678"), "A0123");
}

#[test]
fn managers_targets_are_listed_set_and_cleared_all_or_nothing() {
    let (_dir, db) = imported();
    let line = |out: &str, key: &str| {
        out.lines()
            .find(|l| l.split('\t').nth(1) == Some(key))
            .unwrap_or_else(|| panic!("{key} missing:\n{out}"))
            .to_string()
    };
    // The policy's values, none of the manager's own.
    let o = guanhu(&db, &["--lang", "en", "managers", "targets", "A0123"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(
        out.lines().next(),
        Some("Metric\tKey\tPolicy\tOwn\tIn effect")
    );
    assert_eq!(
        line(&out, "weekly.sales_count"),
        "Sales\tweekly.sales_count\t5\t—\t5"
    );
    // Own values: a count, a share as a percentage, an amount; the listing shows them.
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "managers",
            "targets",
            "A0123",
            "--set",
            "weekly.sales_count=8",
            "--set",
            "weekly.sms_coverage=95%",
            "--set",
            "targets.weekly.sales_amount=300,000",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(
        line(&out, "weekly.sales_count"),
        "Sales\tweekly.sales_count\t5\t8\t8"
    );
    assert!(line(&out, "weekly.sms_coverage").ends_with("\t100.0%\t95.0%\t95.0%"));
    assert!(line(&out, "weekly.sales_amount").ends_with("\t¥300,000.00\t¥300,000.00"));
    // One bad value refuses the whole command, naming the key and why; nothing changes.
    let o = guanhu(
        &db,
        &[
            "--lang",
            "zh",
            "managers",
            "targets",
            "A0123",
            "--set",
            "weekly.sales_count=9",
            "--set",
            "weekly.sms_coverage=1.5",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains("weekly.sms_coverage") && err.contains("必须在 0 到 1 之间"),
        "{err}"
    );
    let o = guanhu(&db, &["--lang", "en", "managers", "targets", "A0123"]);
    assert!(line(&stdout(&o), "weekly.sales_count").ends_with("\t8\t8"));
    let o = guanhu(
        &db,
        &["managers", "targets", "A0123", "--set", "weekly.no_such=1"],
    );
    assert!(stderr(&o).contains("weekly.no_such"), "{}", stderr(&o));
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "managers",
            "targets",
            "A0123",
            "--set",
            "weekly.sales_count=abc",
        ],
    );
    let err = stderr(&o);
    assert!(
        err.contains("weekly.sales_count (abc): is not a number"),
        "{err}"
    );
    let o = guanhu(
        &db,
        &[
            "--lang",
            "en",
            "managers",
            "targets",
            "A0123",
            "--set",
            "weekly.sales_count=5000000000",
        ],
    );
    assert!(stderr(&o).contains("is too large"), "{}", stderr(&o));
    // Cleared: the policy's value holds again; JSON for scripts.
    let o = guanhu(
        &db,
        &[
            "managers",
            "--format",
            "json",
            "targets",
            "A0123",
            "--clear",
            "weekly.sales_count",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let sales = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "weekly.sales_count")
        .unwrap();
    assert_eq!(sales["own"], serde_json::Value::Null);
    assert_eq!(sales["policy"], "5");
    let o = guanhu(&db, &["managers", "targets", "NOBODY"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("NOBODY"), "{}", stderr(&o));
}
