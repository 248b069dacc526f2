//! The import layer against real-looking bank exports: GBK with 万元 columns, Excel's UTF-8 CSV (BOM, CRLF), workbooks with date cells, a file full of bad rows, and a holdings list.

use std::path::Path;

use chrono::NaiveDate;
use guanhu::domain::customer::{Balances, Gender, ProductKind, RiskLevel};
use guanhu::i18n::Lang;
use guanhu::import::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

fn rejection(line: usize, field: &str, problem: Problem) -> Rejection {
    Rejection {
        line,
        field: field.to_string(),
        problem,
    }
}

fn balances(deposits: Decimal, wealth: Decimal, funds: Decimal) -> Option<Balances> {
    Some(Balances {
        deposits,
        wealth,
        funds,
        ..Balances::default()
    })
}

#[test]
fn gbk_export_with_wan_columns() -> TestResult {
    let bytes = fixture("customers_gbk_wan.csv");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must really be GBK"
    );
    assert_eq!(detect_format(&bytes), FileFormat::Csv);

    let plan = read_customers(&bytes, FileFormat::Csv, None)?;
    assert_eq!(plan.rejected, vec![]);
    assert_eq!(plan.rows.len(), 6);

    let zhang = &plan.rows[0];
    assert_eq!(zhang.line, 2);
    assert_eq!(zhang.customer.customer_no, "6222000012345678");
    assert_eq!(zhang.customer.name, "张伟");
    assert_eq!(zhang.customer.gender, Some(Gender::Male));
    assert_eq!(zhang.customer.birth_date, Some(d(1978, 3, 15)));
    assert_eq!(zhang.customer.phone.as_deref(), Some("13812345678"));
    assert_eq!(
        zhang.customer.id_number.as_deref(),
        Some("110101197803154513")
    );
    assert_eq!(zhang.customer.manager_no.as_deref(), Some("A0123"));
    assert_eq!(zhang.manager_name.as_deref(), Some("王芳"));
    assert_eq!(
        zhang.balances,
        balances(dec!(125000), dec!(300000), dec!(0))
    );
    assert_eq!(zhang.customer.risk_level, Some(RiskLevel::C2));
    assert_eq!(zhang.customer.risk_assessed_on, Some(d(2026, 3, 2)));
    assert_eq!(zhang.customer.first_trade_on, Some(d(2015, 6, 18)));
    assert_eq!(zhang.as_of, Some(d(2026, 10, 31)));
    assert_eq!(zhang.customer.occupation, None);
    assert!(zhang.customer.tags.is_empty());

    let li = &plan.rows[1];
    assert_eq!(li.customer.birth_date, Some(d(1962, 7, 8)));
    assert_eq!(li.customer.phone.as_deref(), Some("13910002233"));
    assert_eq!(li.balances, balances(dec!(12003500), dec!(0), dec!(55000)));
    assert_eq!(li.customer.risk_assessed_on, Some(d(2025, 11, 20)));
    assert_eq!(li.as_of, Some(d(2026, 10, 31)));

    let wang = &plan.rows[2];
    assert_eq!(wang.customer.birth_date, Some(d(1990, 1, 9)));
    assert_eq!(wang.customer.phone.as_deref(), Some("18602157788"));
    assert_eq!(wang.balances, balances(dec!(8000), dec!(0), dec!(0)));
    assert_eq!(wang.customer.first_trade_on, Some(d(2024, 12, 30)));
    assert_eq!(wang.as_of, Some(d(2026, 10, 31)));

    let liu = &plan.rows[3];
    assert_eq!(
        liu.balances,
        balances(dec!(30000), dec!(123456.78), dec!(10000))
    );
    assert_eq!(liu.customer.risk_level, Some(RiskLevel::C5));

    let chen = &plan.rows[4];
    assert_eq!(chen.customer.birth_date, Some(d(1958, 2, 3)));
    assert_eq!(chen.customer.id_number, None);
    assert_eq!(chen.customer.risk_assessed_on, None);
    assert_eq!(chen.balances.map(|b| b.aum()), Some(dec!(3700000)));

    let zhao = &plan.rows[5];
    assert_eq!(zhao.line, 7);
    assert_eq!(zhao.customer.phone, None);
    assert_eq!(zhao.customer.birth_date, None);
    assert_eq!(zhao.customer.risk_level, None);
    assert_eq!(zhao.customer.first_trade_on, None);
    assert_eq!(zhao.balances, Some(Balances::default()));
    Ok(())
}

#[test]
fn excel_utf8_csv_with_bom_crlf_and_english_headers() -> TestResult {
    let bytes = fixture("customers_utf8_bom_crlf.csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let plan = read_customers(&bytes, FileFormat::Csv, None)?;
    // A balance is never below zero (issue 10): 吴敏's -1200.5 is refused, by line and field.
    assert_eq!(
        plan.rejected,
        vec![rejection(
            7,
            "deposits",
            Problem::NegativeAmount("-1200.5".into())
        )]
    );
    let lines: Vec<usize> = plan.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 4, 5], "blank lines are skipped but counted");

    let li = &plan.rows[0].customer;
    assert_eq!(li.customer_no, "C20240001");
    assert_eq!(li.gender, Some(Gender::Female));
    assert_eq!(li.phone.as_deref(), Some("13910002233"));
    assert_eq!(li.occupation.as_deref(), Some("教师"));
    assert_eq!(li.risk_level, Some(RiskLevel::C3));
    assert_eq!(li.tags, vec!["代发", "理财到期"]);
    assert_eq!(
        plan.rows[0].balances,
        Some(Balances {
            deposits: dec!(1234567.89),
            wealth: dec!(500000),
            funds: dec!(200000),
            ..Balances::default()
        })
    );

    let zhang = &plan.rows[1];
    assert_eq!(zhang.customer.name, "Zhang Wei");
    assert_eq!(zhang.customer.gender, Some(Gender::Male));
    assert_eq!(zhang.customer.risk_level, Some(RiskLevel::C4));
    assert_eq!(zhang.customer.tags, vec!["VIP", "基金定投"]);
    assert_eq!(
        zhang.balances,
        Some(Balances {
            deposits: dec!(123456.78),
            insurance: dec!(30000),
            bonds: dec!(100000),
            ..Balances::default()
        })
    );

    let zhou = &plan.rows[2];
    assert_eq!(zhou.customer.birth_date, Some(d(2000, 2, 29)));
    assert_eq!(zhou.customer.manager_no, None);
    assert_eq!(zhou.manager_name, None);
    assert_eq!(zhou.customer.risk_level, None);
    assert_eq!(zhou.balances.map(|b| b.aum()), Some(dec!(500)));

    Ok(())
}

/// Writes a customer list workbook to `path`: the data sheet `sheet_name`, after a notes sheet if `first_sheet` names one.
fn write_customer_workbook(
    path: &Path,
    sheet_name: &str,
    first_sheet: Option<&str>,
) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    if let Some(notes) = first_sheet {
        let sheet = workbook.add_worksheet();
        sheet.set_name(notes)?;
        sheet.write_string(0, 0, "本文件由核心业务系统导出，请勿修改表头")?;
    }
    let iso = Format::new().set_num_format("yyyy-mm-dd");
    let chinese = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name)?;
    let header = [
        "客户号",
        "客户姓名",
        "出生日期",
        "手机号",
        "存款余额(元)",
        "理财余额（万元）",
        "风险测评日期",
        "首次交易日期",
        "数据日期",
    ];
    for (col, text) in (0u16..).zip(header) {
        sheet.write_string(0, col, text)?;
    }
    // Row 2: date cells, numbers, an Excel serial without a date format, a Chinese date string.
    sheet.write_string(1, 0, "6222000012345678")?;
    sheet.write_string(1, 1, "张伟")?;
    sheet.write_date_with_format(1, 2, &ExcelDateTime::from_ymd(1978, 3, 15)?, &iso)?;
    sheet.write_number(1, 3, 13812345678.0)?;
    sheet.write_number(1, 4, 123456.78)?;
    sheet.write_number(1, 5, 12.5)?;
    sheet.write_number(1, 6, 46349.0)?;
    sheet.write_string(1, 7, "2026年1月5日")?;
    sheet.write_date_with_format(1, 8, &ExcelDateTime::from_ymd(2026, 10, 31)?, &iso)?;
    // Row 3 stays empty; row 4 has a date in a Chinese number format.
    sheet.write_string(3, 0, "C20240002")?;
    sheet.write_string(3, 1, "李娜")?;
    sheet.write_date_with_format(3, 2, &ExcelDateTime::from_ymd(1985, 7, 22)?, &chinese)?;
    sheet.write_string(3, 3, "139 1000 2233")?;
    sheet.write_number(3, 4, 0.1)?;
    sheet.write_number(3, 5, 0)?;
    sheet.write_date_with_format(3, 8, &ExcelDateTime::from_ymd(2026, 10, 31)?, &iso)?;
    // Row 5: bad values.
    sheet.write_string(4, 0, "C20240003")?;
    sheet.write_string(4, 1, "周杰")?;
    sheet.write_string(4, 2, "2023-02-30")?;
    sheet.write_number(4, 3, 1381234)?;
    sheet.write_string(4, 4, "abc")?;
    workbook.save(path)
}

/// The workbook's bytes, read back as the CLI would, with the format it would pick.
fn read_back(path: &Path) -> std::io::Result<Vec<u8>> {
    let bytes = std::fs::read(path)?;
    assert_eq!(format_for_path(path, &bytes), FileFormat::Xlsx);
    Ok(bytes)
}

#[test]
fn workbook_with_date_and_number_cells() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("客户名单.xlsx");
    write_customer_workbook(&path, "Sheet1", None)?;
    let bytes = read_back(&path)?;
    assert_eq!(detect_format(&bytes), FileFormat::Xlsx);

    let plan = read_customers(&bytes, FileFormat::Xlsx, None)?;
    assert_eq!(plan.rows.len(), 2);
    let zhang = &plan.rows[0];
    assert_eq!(zhang.line, 2);
    assert_eq!(zhang.customer.customer_no, "6222000012345678");
    assert_eq!(zhang.customer.birth_date, Some(d(1978, 3, 15)));
    assert_eq!(zhang.customer.phone.as_deref(), Some("13812345678"));
    assert_eq!(
        zhang.balances,
        balances(dec!(123456.78), dec!(125000), dec!(0))
    );
    assert_eq!(zhang.customer.risk_assessed_on, Some(d(2026, 11, 23)));
    assert_eq!(zhang.customer.first_trade_on, Some(d(2026, 1, 5)));
    assert_eq!(zhang.as_of, Some(d(2026, 10, 31)));

    let li = &plan.rows[1];
    assert_eq!(li.line, 4, "row numbers are the sheet's");
    assert_eq!(li.customer.birth_date, Some(d(1985, 7, 22)));
    assert_eq!(li.customer.phone.as_deref(), Some("13910002233"));
    assert_eq!(li.balances, balances(dec!(0.1), dec!(0), dec!(0)));

    assert_eq!(
        plan.rejected,
        vec![
            rejection(
                5,
                "birth_date",
                Problem::ImpossibleDate("2023-02-30".into())
            ),
            rejection(5, "phone", Problem::BadPhone("1381234".into())),
            rejection(5, "deposits", Problem::BadAmount("abc".into())),
        ]
    );
    Ok(())
}

#[test]
fn workbook_sheet_chosen_by_name() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("月度客户名单.xlsx");
    write_customer_workbook(&path, "客户清单", Some("说明"))?;
    let bytes = read_back(&path)?;

    assert_eq!(
        read_customers(&bytes, FileFormat::Xlsx, None),
        Err(ReadError::MissingColumn("customer_no".into())),
        "the first sheet is only notes"
    );
    let plan = read_customers(&bytes, FileFormat::Xlsx, Some("客户清单"))?;
    assert_eq!(plan.rows.len(), 2);
    assert_eq!(plan.rows[0].customer.name, "张伟");
    assert_eq!(plan.rejected.len(), 3);

    let missing = read_customers(&bytes, FileFormat::Xlsx, Some("Sheet2"));
    assert_eq!(missing, Err(ReadError::SheetNotFound("Sheet2".into())));
    if let Err(e) = missing {
        assert_eq!(e.describe(Lang::Zh), "工作簿中没有名为“Sheet2”的工作表");
        assert_eq!(
            e.describe(Lang::En),
            "the workbook has no sheet named \"Sheet2\""
        );
    }
    Ok(())
}

#[test]
fn bad_rows_are_rejected_field_by_field() -> TestResult {
    let plan = read_customers(&fixture("customers_bad_rows.csv"), FileFormat::Csv, None)?;
    let good: Vec<(usize, &str)> = plan
        .rows
        .iter()
        .map(|r| (r.line, r.customer.customer_no.as_str()))
        .collect();
    assert_eq!(good, vec![(2, "C20240101"), (14, "C20240111")]);
    assert_eq!(
        plan.rows[0].balances,
        balances(dec!(120000), dec!(0), dec!(0))
    );
    assert_eq!(
        plan.rows[1].balances,
        balances(dec!(88000), dec!(50000), dec!(0))
    );
    assert_eq!(plan.rows[1].customer.risk_level, Some(RiskLevel::C3));

    assert_eq!(
        plan.rejected,
        vec![
            rejection(3, "deposits", Problem::BadAmount("12万3".into())),
            rejection(4, "birth_date", Problem::BadDate("1985-03".into())),
            rejection(5, "phone", Problem::BadPhone("1381234".into())),
            rejection(
                6,
                "risk_assessed_on",
                Problem::ImpossibleDate("2023-02-30".into())
            ),
            rejection(7, "customer_no", Problem::Missing),
            rejection(8, "name", Problem::Missing),
            rejection(
                10,
                "customer_no",
                Problem::DuplicateCustomerNo { first_line: 2 }
            ),
            rejection(11, "gender", Problem::BadGender("未知".into())),
            rejection(12, "risk_level", Problem::BadRiskLevel("C6".into())),
            rejection(13, "gender", Problem::BadGender("X".into())),
            rejection(
                13,
                "birth_date",
                Problem::ImpossibleDate("1979-02-29".into())
            ),
            rejection(13, "deposits", Problem::BadAmount("abc".into())),
        ]
    );

    let said = |i: usize, lang: Lang| plan.rejected[i].describe(lang);
    assert_eq!(
        said(2, Lang::Zh),
        "第 5 行，手机号（phone）：“1381234” 不是有效的大陆手机号码"
    );
    assert_eq!(
        said(2, Lang::En),
        "line 5, phone: \"1381234\" is not a mainland mobile number"
    );
    assert_eq!(
        said(0, Lang::Zh),
        "第 3 行，存款余额（deposits）：“12万3” 不是有效的金额"
    );
    assert_eq!(
        said(0, Lang::En),
        "line 3, deposits: \"12万3\" is not an amount"
    );
    assert_eq!(
        said(3, Lang::Zh),
        "第 6 行，风险测评日期（risk_assessed_on）：“2023-02-30” 是不存在的日期"
    );
    assert_eq!(
        said(3, Lang::En),
        "line 6, risk_assessed_on: \"2023-02-30\" is not a real calendar date"
    );
    assert_eq!(
        said(4, Lang::Zh),
        "第 7 行，客户号（customer_no）：必填项为空"
    );
    assert_eq!(said(4, Lang::En), "line 7, customer_no: required but blank");
    assert_eq!(
        said(6, Lang::Zh),
        "第 10 行，客户号（customer_no）：客户号与第 2 行重复，已保留第 2 行"
    );
    assert_eq!(
        said(6, Lang::En),
        "line 10, customer_no: repeats the customer number of line 2, which is kept"
    );
    assert_eq!(
        said(1, Lang::En),
        "line 4, birth_date: \"1985-03\" is not a date"
    );
    assert_eq!(
        said(8, Lang::Zh),
        "第 12 行，风险等级（risk_level）：“C6” 不是有效的风险等级（应为 C1–C5 或 保守型/稳健型/平衡型/成长型/进取型）"
    );
    Ok(())
}

/// line, customer number, kind, product code, amount, maturity.
type HoldingSummary<'a> = (
    usize,
    &'a str,
    ProductKind,
    &'a str,
    Decimal,
    Option<NaiveDate>,
);

#[test]
fn holdings_with_kinds_and_maturities() -> TestResult {
    let plan = read_holdings(&fixture("holdings.csv"), FileFormat::Csv, None)?;
    let summary: Vec<HoldingSummary> = plan
        .rows
        .iter()
        .map(|r| {
            (
                r.line,
                r.customer_no.as_str(),
                r.holding.kind,
                r.holding.product_code.as_str(),
                r.holding.amount,
                r.holding.maturity_on,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                2,
                "6222000012345678",
                ProductKind::Wealth,
                "WM2026A018",
                dec!(300000),
                Some(d(2026, 11, 28))
            ),
            (
                3,
                "6222000012345678",
                ProductKind::Deposit,
                "TD3Y0315",
                dec!(500000),
                Some(d(2027, 3, 15))
            ),
            (
                4,
                "6222000011112222",
                ProductKind::Fund,
                "005827",
                dec!(123456.78),
                None
            ),
            (
                5,
                "6222000087654321",
                ProductKind::Deposit,
                "CD2025012",
                dec!(200000),
                Some(d(2028, 3, 1))
            ),
            (
                8,
                "6222000055556666",
                ProductKind::Wealth,
                "WM2025B009",
                dec!(50000),
                Some(d(2026, 10, 30))
            ),
        ]
    );
    assert_eq!(plan.rows[0].holding.product_name, "稳利丰收180天");
    assert_eq!(plan.rows[0].holding.start_on, Some(d(2026, 6, 1)));
    assert_eq!(plan.rows[2].holding.start_on, Some(d(2025, 1, 10)));
    assert_eq!(plan.rows[3].holding.start_on, Some(d(2025, 3, 1)));

    assert_eq!(
        plan.rejected,
        vec![
            rejection(6, "kind", Problem::BadProductKind("股票".into())),
            rejection(7, "product_name", Problem::Missing),
            rejection(7, "amount", Problem::BadAmount("五万".into())),
            rejection(
                7,
                "maturity_on",
                Problem::ImpossibleDate("2026-02-30".into())
            ),
        ]
    );
    assert_eq!(
        plan.rejected[0].describe(Lang::Zh),
        "第 6 行，产品类型（kind）：“股票” 不是支持的产品类型"
    );
    assert_eq!(
        plan.rejected[0].describe(Lang::En),
        "line 6, kind: \"股票\" is not a known product kind"
    );
    Ok(())
}

#[test]
fn holdings_amount_unit_in_the_header() -> TestResult {
    let csv = "客户号\t产品种类\t产品名称\t持仓金额（万元）\t到期日期\n\
               C20240001\t理财产品\t安心稳健30天\t5.5\t2026年12月1日\n\
               C20240001\t基金\t\t\t\n";
    let plan = read_holdings(csv.as_bytes(), FileFormat::Csv, None)?;
    assert_eq!(plan.rows.len(), 1);
    assert_eq!(plan.rows[0].holding.amount, dec!(55000));
    assert_eq!(plan.rows[0].holding.product_code, "");
    assert_eq!(plan.rows[0].holding.maturity_on, Some(d(2026, 12, 1)));
    assert_eq!(
        plan.rejected,
        vec![
            rejection(3, "product_name", Problem::Missing),
            rejection(3, "amount", Problem::Missing),
        ]
    );
    Ok(())
}

#[test]
fn files_that_cannot_be_read() {
    assert_eq!(
        read_customers(b"", FileFormat::Csv, None),
        Err(ReadError::Empty)
    );
    assert_eq!(
        read_customers(b"\xEF\xBB\xBF\r\n\r\n", FileFormat::Csv, None),
        Err(ReadError::Empty)
    );
    assert_eq!(
        read_customers(
            "客户号,手机号\nC1,13812345678\n".as_bytes(),
            FileFormat::Csv,
            None
        ),
        Err(ReadError::MissingColumn("name".into()))
    );
    assert_eq!(
        read_holdings(
            "客户号,产品类型,产品名称\n".as_bytes(),
            FileFormat::Csv,
            None
        ),
        Err(ReadError::MissingColumn("amount".into()))
    );
    assert!(matches!(
        read_customers(b"PK\x03\x04 not really a zip", FileFormat::Xlsx, None),
        Err(ReadError::Xlsx(_))
    ));
    assert_eq!(
        read_customers(b"\x81\x20\xFF\xFE\x00", FileFormat::Csv, None),
        Err(ReadError::BadHeader {
            line: 1,
            problem: Problem::BadEncoding
        })
    );

    let e = ReadError::MissingColumn("name".into());
    assert_eq!(
        e.describe(Lang::Zh),
        "缺少必需的列 客户姓名（name）（可用列名：name、customer_name、客户姓名、姓名、客户名称）"
    );
    assert_eq!(
        e.describe(Lang::En),
        "missing the required column name (accepted headers: name, customer_name, 客户姓名, 姓名, 客户名称)"
    );
    assert_eq!(
        ReadError::Empty.describe(Lang::Zh),
        "文件为空，或找不到表头行"
    );
    assert_eq!(
        ReadError::Empty.describe(Lang::En),
        "the file is empty or has no header row"
    );
}

#[test]
fn a_header_without_rows_is_an_empty_plan() -> TestResult {
    let plan = read_customers("客户号,客户姓名\r\n".as_bytes(), FileFormat::Csv, None)?;
    assert_eq!(plan.rows, vec![]);
    assert_eq!(plan.rejected, vec![]);
    Ok(())
}

#[test]
fn balances_only_when_the_file_has_a_balance_column() -> TestResult {
    let plan = read_customers(
        "客户编号,姓名,联系电话,标签\nC20240001,张三,13812345678,代发 VIP\n".as_bytes(),
        FileFormat::Csv,
        None,
    )?;
    assert_eq!(plan.rows.len(), 1);
    assert_eq!(plan.rows[0].balances, None);
    assert_eq!(plan.rows[0].as_of, None);
    assert_eq!(plan.rows[0].customer.tags, vec!["代发", "VIP"]);
    Ok(())
}

#[test]
fn quoted_cells_may_span_lines() -> TestResult {
    let csv = "customer_no,name,occupation\nC1,张三,\"教师\n（退休）\"\nC2,李四,\n";
    let plan = read_customers(csv.as_bytes(), FileFormat::Csv, None)?;
    let lines: Vec<usize> = plan.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 4]);
    assert_eq!(
        plan.rows[0].customer.occupation.as_deref(),
        Some("教师\n（退休）")
    );
    Ok(())
}
