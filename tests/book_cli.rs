//! The customer book through the real binary: `customers add` gives a local number and
//! refuses a bad mobile or ID number naming the field; the next import lists the match and
//! holds the row back (exit 2) until `--link-prospects` links it; `edit`, `note` and `relate`
//! write what they say.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(dir.join("g.db"))
        .args(["--today", "2026-12-02", "--manager", "M001"])
        .args(args)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_walk_in_is_added_matched_and_linked() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let o = run(
        dir,
        &[
            "--lang",
            "zh",
            "customers",
            "add",
            "--name",
            "王小明",
            "--phone",
            "139 0000 1111",
            "--source",
            "到店",
            "--note",
            "不喜欢电话，微信联系",
        ],
    );
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).contains("已新增 王小明（P000001）"), "{}", out(&o));

    let bad = run(
        dir,
        &[
            "--lang",
            "en",
            "customers",
            "add",
            "--name",
            "李四",
            "--phone",
            "12345",
            "--id-number",
            "110105194912310021",
        ],
    );
    assert_eq!(bad.status.code(), Some(2), "{}", out(&bad));
    assert!(out(&bad).contains("Mobile:"), "{}", out(&bad));
    assert!(
        out(&bad).contains("ID number: fails its check digit"),
        "{}",
        out(&bad)
    );

    let csv = dir.join("核心客户.csv");
    std::fs::write(
        &csv,
        "客户号,姓名,手机号,管户经理工号,存款\nC9001,王小明,13900001111,M001,50000\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    let held = run(dir, &["--lang", "zh", "import", "customers", csv]);
    assert_eq!(
        held.status.code(),
        Some(2),
        "held back is not done: {}",
        out(&held)
    );
    assert!(
        out(&held).contains("第 2 行 C9001 王小明 ≈ 王小明 P000001（手机号相同）"),
        "{}",
        out(&held)
    );
    let linked = run(
        dir,
        &[
            "--lang",
            "en",
            "import",
            "customers",
            csv,
            "--link-prospects",
        ],
    );
    assert!(linked.status.success(), "{}", out(&linked));
    assert!(
        out(&linked).contains("linked to 王小明 P000001 (same mobile)"),
        "{}",
        out(&linked)
    );

    let listed = run(dir, &["customers", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(
        rows.as_array().unwrap().len(),
        1,
        "one person, not two: {rows}"
    );
    assert_eq!(rows[0]["customer_no"], "C9001");

    let edit = run(
        dir,
        &[
            "--lang",
            "zh",
            "customers",
            "edit",
            "C9001",
            "--address",
            "朝阳区建国路 1 号",
        ],
    );
    assert!(out(&edit).contains("已修改 1 项"), "{}", out(&edit));
    let name = run(
        dir,
        &[
            "--lang",
            "zh",
            "customers",
            "edit",
            "C9001",
            "--name",
            "王大明",
        ],
    );
    assert_eq!(name.status.code(), Some(2), "{}", out(&name));
    assert!(out(&name).contains("核心系统"), "{}", out(&name));
    let note = run(dir, &["customers", "note", "C9001", "女儿明年高考"]);
    assert!(note.status.success(), "{}", out(&note));
    let relate = run(
        dir,
        &["customers", "relate", "C9001", "C9001", "--as", "spouse"],
    );
    assert_eq!(relate.status.code(), Some(2), "{}", out(&relate));
    let unknown = run(
        dir,
        &["customers", "relate", "C9001", "C9002", "--as", "cousin"],
    );
    assert_eq!(unknown.status.code(), Some(2), "{}", out(&unknown));
    let check = run(dir, &["check"]);
    assert!(check.status.success(), "{}", out(&check));
}
