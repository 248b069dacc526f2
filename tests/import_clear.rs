//! The clear marker on import (`<清空>`, `<clear>`): a blank cell keeps the stored value, the marker erases it, `-` never does; the marker on a required field, the manager or a holdings row is refused by row and field. And a landline in the phone column: the row goes in, with a warning.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use guanhu::domain::policy::Policy;
use guanhu::i18n::Lang;
use guanhu::import::{FileFormat, Problem, read_customers, read_holdings};
use guanhu::service::{ImportReport, import_customers, load_customer_detail};
use guanhu::store::Store;

const BIN: &str = env!("CARGO_BIN_EXE_guanhu");

fn import(store: &mut Store, csv: &str) -> ImportReport {
    let plan = read_customers(csv.as_bytes(), FileFormat::Csv, None).unwrap();
    import_customers(store, plan, None, common::today(), common::now(), false).unwrap()
}

fn stored(store: &Store, no: &str) -> guanhu::domain::customer::Customer {
    let policy = Policy::default_policy();
    load_customer_detail(store, &policy, common::today(), no)
        .unwrap()
        .summary
        .customer
}

const FIRST: &str =
    "客户号,客户姓名,手机号码,职业,标签,风险等级\nC1,张伟,13812345678,医生,代发 VIP,C3\n";

#[test]
fn blank_keeps_the_marker_clears_and_a_dash_never_erases() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(import(&mut store, FIRST).added, 1);

    let blank = import(&mut store, "客户号,客户姓名,手机号码\nC1,张伟,\n");
    assert_eq!((blank.updated, blank.unchanged), (0, 1), "{blank:?}");
    assert_eq!(stored(&store, "C1").phone.as_deref(), Some("13812345678"));

    // `-` is what core-system exports print for an empty cell: never an erase. It is taken as
    // any other text (the stored occupation is replaced by it, not erased).
    let dash = import(&mut store, "客户号,客户姓名,职业\nC1,张伟,-\n");
    assert!(dash.rejected.is_empty(), "{dash:?}");
    assert_eq!(stored(&store, "C1").occupation.as_deref(), Some("-"));

    let cleared = import(
        &mut store,
        "客户号,客户姓名,手机号码,标签,风险等级\nC1,张伟, <清空> ,<CLEAR>,<clear>\n",
    );
    assert_eq!((cleared.updated, cleared.unchanged), (1, 0), "{cleared:?}");
    assert!(cleared.rejected.is_empty(), "{cleared:?}");
    let c = stored(&store, "C1");
    assert_eq!(c.phone, None);
    assert!(c.tags.is_empty());
    assert_eq!(c.risk_level, None);
    assert_eq!(c.name, "张伟");

    // Clearing what is already empty changes nothing.
    let again = import(&mut store, "客户号,客户姓名,手机号码\nC1,张伟,<清空>\n");
    assert_eq!((again.updated, again.unchanged), (0, 1), "{again:?}");
}

#[test]
fn the_marker_on_a_required_field_or_the_manager_is_refused_by_row_and_field() {
    let csv = "客户号,客户姓名,管户经理工号,存款余额\n<清空>,张伟,M1,1\nC2,<clear>,M1,1\nC3,李娜,<清空>,1\nC4,王芳,M1,<清空>\n";
    let plan = read_customers(csv.as_bytes(), FileFormat::Csv, None).unwrap();
    assert!(plan.rows.is_empty());
    let got: Vec<(usize, &str, &Problem)> = plan
        .rejected
        .iter()
        .map(|r| (r.line, r.field.as_str(), &r.problem))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "customer_no", &Problem::ClearRequired),
            (3, "name", &Problem::ClearRequired),
            (4, "manager_no", &Problem::ClearManager),
            (5, "deposits", &Problem::NotClearable),
        ]
    );
    assert_eq!(
        plan.rejected[2].describe(Lang::Zh),
        "第 4 行，管户经理工号（manager_no）：导入不能清空管户经理；取消分配请由负责人使用分配命令（guanhu assign）"
    );
    assert_eq!(
        plan.rejected[0].describe(Lang::En),
        "line 2, customer_no: is required and cannot be cleared with the clear marker"
    );
}

#[test]
fn a_holdings_row_takes_no_marker() {
    let csv = "客户号,产品类型,产品名称,持有金额,到期日\nC1,理财,稳享,100,<清空>\n";
    let plan = read_holdings(csv.as_bytes(), FileFormat::Csv, None).unwrap();
    assert!(plan.rows.is_empty());
    assert_eq!(plan.rejected.len(), 1);
    assert_eq!(plan.rejected[0].field, "maturity_on");
    assert_eq!(plan.rejected[0].problem, Problem::ClearInHoldings);
    assert!(
        plan.rejected[0]
            .describe(Lang::Zh)
            .starts_with("第 2 行，到期日（maturity_on）：持仓行是完整记录")
    );
}

#[test]
fn a_landline_goes_in_without_replacing_the_mobile() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, FIRST);
    let plan = read_customers(
        "客户号,客户姓名,联系电话\nC1,张伟,010-12345678\n".as_bytes(),
        FileFormat::Csv,
        None,
    )
    .unwrap();
    assert!(plan.rejected.is_empty());
    assert_eq!(plan.rows[0].landline.as_deref(), Some("010-12345678"));
    assert_eq!(plan.rows[0].customer.phone, None);
    import_customers(
        &mut store,
        plan,
        None,
        common::today(),
        common::now(),
        false,
    )
    .unwrap();
    assert_eq!(stored(&store, "C1").phone.as_deref(), Some("13812345678"));
}

fn guanhu(dir: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(dir.join("g.db"))
        .args(["--today", "2026-12-02", "--lang", lang])
        .args(args)
        .env_remove("GUANHU_DB")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .unwrap()
}

#[test]
fn through_the_command_line_and_check_still_passes() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    };
    let first = file("1.csv", FIRST);
    let o = guanhu(dir.path(), "en", &["import", "customers", &first]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let second = file(
        "2.csv",
        "客户号,客户姓名,手机号码,职业\nC1,张伟,<清空>,\nC2,李娜,0571-8888888,教师\n",
    );
    let o = guanhu(dir.path(), "zh", &["import", "customers", &second]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("新增 1，更新 1，未变 0，拒绝 0"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("警告：第 3 行 手机号 ********8888 是固定电话，不是手机号码（该行已导入，此号码未存为手机号）"),
        "{err}"
    );

    let o = guanhu(dir.path(), "en", &["check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}
