//! ID numbers on import: a number failing GB 11643's check is imported as the core system has it, with a warning naming the line and the number masked; a good one says nothing.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

#[test]
fn a_bad_id_number_is_a_warning_naming_the_row_and_the_row_goes_in() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("客户清单.csv");
    std::fs::write(
        &csv,
        "客户号,姓名,证件号码\nC1,张三,110101199003074514\nC2,李四,110101199003074518\nC3,王五,110105199002301236\n",
    )
    .unwrap();
    let db = dir.path().join("g.db");
    let run = |lang: &str| {
        Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .args([
                "--today",
                "2026-12-02",
                "--lang",
                lang,
                "import",
                "customers",
            ])
            .arg(&csv)
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .output()
            .unwrap()
    };
    let o = run("zh");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("第 3 行 证件号码 110101********4518 校验位不符"),
        "{err}"
    );
    assert!(
        err.contains("第 4 行") && err.contains("出生日期不存在"),
        "{err}"
    );
    assert!(!err.contains("第 2 行"), "{err}");
    assert!(!err.contains("110101199003074518"), "masked: {err}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("新增 3"), "{out}");
    let o = run("en");
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("line 3: ID number 110101********4518 fails its check digit")
    );
}
