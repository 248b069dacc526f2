//! Export writers: CSV with a BOM and headers in either language, masking unless asked, the
//! ledgers keep only their product kind and total exactly, JSON with string amounts, the SMS
//! list personalised with the full phone.

mod common;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use common::{d, now, sample_store, today};
use guanhu::domain::customer::{ProductKind, RiskLevel};
use guanhu::domain::diary::{DiaryEntry, EntryDraft, EntryKind, Outcome, Sale};
use guanhu::domain::policy::Policy;
use guanhu::export::{
    CustomerContact, ExportFormat, UTF8_BOM, contacts, export_diary, export_ledger, ledger_totals,
    sms_list, sms_list_in,
};
use guanhu::i18n::Lang;
use guanhu::service::diary::{load_period, log_entries};
use guanhu::service::load_portfolio;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value;

fn at(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    day.and_hms_opt(h, m, 0).unwrap()
}

fn entry(id: i64, draft: EntryDraft, name: Option<&str>) -> DiaryEntry {
    DiaryEntry {
        id,
        manager_no: Some("M001".into()),
        customer_name: name.map(str::to_string),
        draft,
        created_at: now(),
        amended: false,
        deleted: false,
        batch_id: None,
    }
}

fn contact(kind: EntryKind, customer: &str, outcome: Outcome, note: &str) -> EntryDraft {
    EntryDraft {
        kind,
        customer_no: Some(customer.into()),
        occurred_at: at(today(), 10, 30),
        outcome: Some(outcome),
        note: note.into(),
        follow_up_at: None,
        sale: None,
        risk_level: None,
    }
}

fn sale(
    customer: &str,
    kind: ProductKind,
    code: &str,
    name: &str,
    amount: Decimal,
    maturity: Option<NaiveDate>,
) -> EntryDraft {
    EntryDraft {
        outcome: None,
        sale: Some(Sale {
            product_kind: kind,
            product_code: code.into(),
            product_name: name.into(),
            amount: Some(amount),
            maturity_on: maturity,
        }),
        ..contact(EntryKind::Sale, customer, Outcome::Reached, "")
    }
}

/// A day of the diary: a call, a memo, a risk assessment, fund and wealth sales, a deleted sale.
fn diary() -> Vec<DiaryEntry> {
    let mut callback = contact(
        EntryKind::Call,
        "C0001",
        Outcome::CallbackRequested,
        "开会中",
    );
    callback.follow_up_at = Some(at(d(2026, 11, 25), 15, 0));
    let memo = EntryDraft {
        kind: EntryKind::Memo,
        customer_no: None,
        outcome: None,
        note: "周五前提交季度营销方案".into(),
        ..contact(EntryKind::Memo, "", Outcome::Reached, "")
    };
    let risk = EntryDraft {
        outcome: None,
        risk_level: Some(RiskLevel::C4),
        ..contact(EntryKind::RiskAssessment, "C0002", Outcome::Reached, "")
    };
    let mut deleted = entry(
        9,
        sale(
            "C0002",
            ProductKind::Wealth,
            "WM9",
            "撤销的理财",
            dec!(999999),
            None,
        ),
        Some("李娜"),
    );
    deleted.deleted = true;
    vec![
        entry(1, callback, Some("张伟")),
        entry(2, memo, None),
        entry(3, risk, Some("李娜")),
        entry(
            4,
            sale(
                "C0005",
                ProductKind::Wealth,
                "WM20261124",
                "稳利丰182天",
                dec!(300000.10),
                Some(d(2027, 5, 25)),
            ),
            Some("陈静"),
        ),
        entry(
            5,
            sale(
                "C0005",
                ProductKind::Fund,
                "110011",
                "易方达中小盘",
                dec!(50000),
                None,
            ),
            Some("陈静"),
        ),
        entry(
            6,
            sale(
                "C0008",
                ProductKind::Wealth,
                "WM20260090",
                "稳利丰90天",
                dec!(1000000.20),
                Some(d(2027, 2, 22)),
            ),
            Some("赵敏"),
        ),
        entry(
            7,
            sale(
                "C0001",
                ProductKind::Wealth,
                "WM20261124",
                "稳利丰182天",
                dec!(0.125),
                Some(d(2027, 5, 25)),
            ),
            Some("张伟"),
        ),
        deleted,
    ]
}

fn book() -> HashMap<String, CustomerContact> {
    HashMap::from([
        (
            "C0001".to_string(),
            CustomerContact {
                phone: Some("13812345678".into()),
                id_number: Some("110101199003071234".into()),
            },
        ),
        (
            "C0002".to_string(),
            CustomerContact {
                phone: None,
                id_number: None,
            },
        ),
    ])
}

/// Checks the BOM and splits the CSV into its header and rows.
fn parse_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(bytes.starts_with(UTF8_BOM), "no BOM");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn column<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    &row[i]
}

#[test]
fn the_diary_csv_has_a_bom_and_chinese_headers() {
    let bytes = export_diary(&diary(), &book(), ExportFormat::Csv, Lang::Zh, false).unwrap();
    let (header, rows) = parse_csv(&bytes);
    assert_eq!(
        header,
        [
            "时间",
            "类型",
            "客户号",
            "客户姓名",
            "手机号",
            "证件号码",
            "结果",
            "风险等级",
            "内容",
            "跟进时间",
            "产品类型",
            "产品名称",
            "金额",
            "到期日",
            "客户经理"
        ]
    );
    assert_eq!(rows.len(), 7, "the deleted entry is left out");
    assert_eq!(
        rows[0],
        [
            "2026-11-24 10:30",
            "电话",
            "C0001",
            "张伟",
            "138****5678",
            "110101********1234",
            "约定回电",
            "",
            "开会中",
            "2026-11-25 15:00",
            "",
            "",
            "",
            "",
            "M001"
        ]
    );
    assert_eq!(column(&header, &rows[1], "类型"), "备忘");
    assert_eq!(column(&header, &rows[1], "客户号"), "");
    assert_eq!(column(&header, &rows[1], "内容"), "周五前提交季度营销方案");
    assert_eq!(column(&header, &rows[2], "类型"), "风险测评");
    assert_eq!(column(&header, &rows[2], "风险等级"), "C4");
    assert_eq!(column(&header, &rows[2], "手机号"), "", "no phone on file");
    let wealth = &rows[3];
    assert_eq!(column(&header, wealth, "类型"), "销售");
    assert_eq!(column(&header, wealth, "产品类型"), "理财");
    assert_eq!(column(&header, wealth, "产品名称"), "稳利丰182天");
    assert_eq!(column(&header, wealth, "金额"), "300000.10");
    assert_eq!(column(&header, wealth, "到期日"), "2027-05-25");
    assert_eq!(column(&header, &rows[4], "产品类型"), "基金");
    assert_eq!(column(&header, &rows[4], "金额"), "50000.00");
    assert_eq!(column(&header, &rows[4], "到期日"), "");
}

#[test]
fn the_diary_csv_speaks_english_too() {
    let bytes = export_diary(&diary(), &book(), ExportFormat::Csv, Lang::En, false).unwrap();
    let (header, rows) = parse_csv(&bytes);
    assert_eq!(
        header,
        [
            "Time",
            "Kind",
            "Customer no.",
            "Customer",
            "Phone",
            "ID number",
            "Outcome",
            "Risk level",
            "Note",
            "Follow-up",
            "Product kind",
            "Product name",
            "Amount",
            "Maturity",
            "Manager"
        ]
    );
    let kinds: Vec<&str> = rows.iter().map(|r| column(&header, r, "Kind")).collect();
    assert_eq!(
        kinds,
        [
            "Call",
            "Memo",
            "Risk assessment",
            "Sale",
            "Sale",
            "Sale",
            "Sale"
        ]
    );
    assert_eq!(column(&header, &rows[0], "Outcome"), "Call back");
    assert_eq!(column(&header, &rows[3], "Product kind"), "Wealth product");
    assert_eq!(column(&header, &rows[4], "Product kind"), "Fund");
    assert_eq!(column(&header, &rows[0], "Phone"), "138****5678");
}

#[test]
fn every_kind_and_outcome_has_its_word() {
    let kinds = [
        (EntryKind::Call, "电话", "Call"),
        (EntryKind::Sms, "短信", "SMS"),
        (EntryKind::Wechat, "微信", "WeChat"),
        (EntryKind::Visit, "面谈", "Visit"),
    ];
    let outcomes = [
        (Outcome::Reached, "已接通", "Reached"),
        (Outcome::NotReached, "未接通", "Not reached"),
        (Outcome::CallbackRequested, "约定回电", "Call back"),
        (Outcome::Refused, "拒绝", "Refused"),
    ];
    for ((kind, kind_zh, kind_en), (outcome, out_zh, out_en)) in kinds.into_iter().zip(outcomes) {
        let entries = [entry(
            1,
            contact(kind, "C0001", outcome, "好"),
            Some("张伟"),
        )];
        for (lang, kind_word, outcome_word) in
            [(Lang::Zh, kind_zh, out_zh), (Lang::En, kind_en, out_en)]
        {
            let bytes = export_diary(&entries, &book(), ExportFormat::Csv, lang, false).unwrap();
            let (_, rows) = parse_csv(&bytes);
            assert_eq!(rows[0][1], kind_word);
            assert_eq!(rows[0][6], outcome_word);
        }
    }
}

#[test]
fn phone_and_id_are_unmasked_only_when_asked() {
    for format in [ExportFormat::Csv, ExportFormat::Json] {
        let masked =
            String::from_utf8(export_diary(&diary(), &book(), format, Lang::Zh, false).unwrap())
                .unwrap();
        assert!(masked.contains("138****5678"), "{format:?}");
        assert!(masked.contains("110101********1234"), "{format:?}");
        assert!(!masked.contains("13812345678"), "{format:?}");
        assert!(!masked.contains("110101199003071234"), "{format:?}");

        let open =
            String::from_utf8(export_diary(&diary(), &book(), format, Lang::Zh, true).unwrap())
                .unwrap();
        assert!(open.contains("13812345678"), "{format:?}");
        assert!(open.contains("110101199003071234"), "{format:?}");
        assert!(!open.contains("138****5678"), "{format:?}");
    }
}

#[test]
fn the_diary_json_has_stable_keys_and_string_amounts() {
    let zh = export_diary(&diary(), &book(), ExportFormat::Json, Lang::Zh, false).unwrap();
    let en = export_diary(&diary(), &book(), ExportFormat::Json, Lang::En, false).unwrap();
    assert_eq!(zh, en, "JSON is the same in both languages");
    assert!(!zh.starts_with(UTF8_BOM));
    let value: Value = serde_json::from_slice(&zh).unwrap();
    let rows = value.as_array().unwrap();
    assert_eq!(rows.len(), 7);
    let call = &rows[0];
    assert_eq!(call["id"], 1);
    assert_eq!(call["occurred_at"], "2026-11-24T10:30:00");
    assert_eq!(call["kind"], "call");
    assert_eq!(call["customer_no"], "C0001");
    assert_eq!(call["customer_name"], "张伟");
    assert_eq!(call["phone"], "138****5678");
    assert_eq!(call["outcome"], "callback_requested");
    assert_eq!(call["follow_up_at"], "2026-11-25T15:00:00");
    assert_eq!(call["amount"], Value::Null);
    assert_eq!(call["manager_no"], "M001");
    assert_eq!(rows[1]["kind"], "memo");
    assert_eq!(rows[1]["customer_no"], Value::Null);
    assert_eq!(rows[2]["risk_level"], "C4");
    let wealth = &rows[3];
    assert_eq!(wealth["kind"], "sale");
    assert_eq!(wealth["product_kind"], "wealth");
    assert_eq!(wealth["product_code"], "WM20261124");
    assert_eq!(wealth["product_name"], "稳利丰182天");
    assert_eq!(wealth["amount"], "300000.10");
    assert_eq!(wealth["maturity_on"], "2027-05-25");
    assert_eq!(rows[6]["amount"], "0.125", "every digit is kept");
    for row in rows {
        assert!(!row["amount"].is_number(), "amounts are never numbers");
        let keys: Vec<&String> = row.as_object().unwrap().keys().collect();
        assert!(
            keys.iter()
                .all(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == '_')),
            "{keys:?}"
        );
    }
}

#[test]
fn the_wealth_ledger_has_only_wealth_sales_and_exact_totals() {
    let entries = diary();
    let bytes = export_ledger(&entries, ProductKind::Wealth, ExportFormat::Csv, Lang::Zh).unwrap();
    let (header, rows) = parse_csv(&bytes);
    assert_eq!(
        header,
        [
            "日期",
            "客户号",
            "客户姓名",
            "产品代码",
            "产品名称",
            "金额",
            "到期日",
            "客户经理"
        ]
    );
    assert_eq!(
        rows,
        [
            [
                "2026-11-24",
                "C0005",
                "陈静",
                "WM20261124",
                "稳利丰182天",
                "300000.10",
                "2027-05-25",
                "M001"
            ],
            [
                "2026-11-24",
                "C0008",
                "赵敏",
                "WM20260090",
                "稳利丰90天",
                "1000000.20",
                "2027-02-22",
                "M001"
            ],
            [
                "2026-11-24",
                "C0001",
                "张伟",
                "WM20261124",
                "稳利丰182天",
                "0.125",
                "2027-05-25",
                "M001"
            ],
        ]
    );

    let totals = ledger_totals(&entries, ProductKind::Wealth);
    assert_eq!(
        totals,
        vec![
            ("稳利丰182天".to_string(), 2, dec!(300000.225)),
            ("稳利丰90天".to_string(), 1, dec!(1000000.20)),
        ]
    );
    let from_rows: Decimal = rows.iter().map(|r| r[5].parse::<Decimal>().unwrap()).sum();
    let from_totals: Decimal = totals.iter().map(|t| t.2).sum();
    assert_eq!(from_rows, dec!(1300000.425));
    assert_eq!(from_totals, from_rows);
}

#[test]
fn the_fund_ledger_in_english_and_json() {
    let entries = diary();
    let bytes = export_ledger(&entries, ProductKind::Fund, ExportFormat::Csv, Lang::En).unwrap();
    let (header, rows) = parse_csv(&bytes);
    assert_eq!(
        header,
        [
            "Date",
            "Customer no.",
            "Customer",
            "Product code",
            "Product name",
            "Amount",
            "Maturity",
            "Manager"
        ]
    );
    assert_eq!(
        rows,
        [[
            "2026-11-24",
            "C0005",
            "陈静",
            "110011",
            "易方达中小盘",
            "50000.00",
            "",
            "M001"
        ]]
    );
    assert_eq!(
        ledger_totals(&entries, ProductKind::Fund),
        vec![("易方达中小盘".to_string(), 1, dec!(50000))]
    );

    let json = export_ledger(&entries, ProductKind::Fund, ExportFormat::Json, Lang::En).unwrap();
    let value: Value = serde_json::from_slice(&json).unwrap();
    let rows = value.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["date"], "2026-11-24");
    assert_eq!(rows[0]["customer_no"], "C0005");
    assert_eq!(rows[0]["product_kind"], "fund");
    assert_eq!(rows[0]["product_code"], "110011");
    assert_eq!(rows[0]["amount"], "50000.00");
    assert_eq!(rows[0]["maturity_on"], Value::Null);
    assert_eq!(rows[0]["manager_no"], "M001");

    let empty = export_ledger(
        &entries,
        ProductKind::Insurance,
        ExportFormat::Csv,
        Lang::En,
    )
    .unwrap();
    let (header, rows) = parse_csv(&empty);
    assert_eq!(header.len(), 8, "an empty ledger still has its header");
    assert!(rows.is_empty());
    assert!(ledger_totals(&entries, ProductKind::Insurance).is_empty());
}

#[test]
fn the_sms_list_is_personalised_with_the_full_phone() {
    let store = sample_store();
    let mut book =
        load_portfolio(&store, &Policy::default_policy(), today(), Some("M001")).unwrap();
    book.sort_by(|a, b| a.customer.customer_no.cmp(&b.customer.customer_no));
    book.truncate(3);
    book[1].customer.phone = None;
    let template = "{name}您好，您的理财将于本月到期，欢迎来网点咨询。";
    let bytes = sms_list(&book, template).unwrap();
    let (header, rows) = parse_csv(&bytes);
    assert_eq!(header, ["姓名", "手机号", "短信内容"]);
    assert_eq!(
        rows,
        [
            [
                "张伟",
                "13812345678",
                "张伟您好，您的理财将于本月到期，欢迎来网点咨询。"
            ],
            [
                "王芳",
                "13712340000",
                "王芳您好，您的理财将于本月到期，欢迎来网点咨询。"
            ],
        ],
        "李娜 has no phone and is skipped"
    );

    let (header, rows) = parse_csv(&sms_list_in(&book, template, Lang::En).unwrap());
    assert_eq!(header, ["Name", "Phone", "Message"]);
    assert_eq!(rows.len(), 2);
}

#[test]
fn a_logged_day_exports_with_names_from_the_store() {
    let mut store = sample_store();
    let drafts = [
        contact(EntryKind::Visit, "C0004", Outcome::Reached, "上门拜访"),
        sale(
            "C0004",
            ProductKind::Wealth,
            "WM1",
            "稳利丰365天",
            dec!(200000),
            Some(d(2027, 11, 24)),
        ),
    ];
    log_entries(&mut store, Some("M001"), &drafts, now()).unwrap();
    let entries = load_period(&store, Some("M001"), today(), today()).unwrap();
    let book = load_portfolio(&store, &Policy::default_policy(), today(), Some("M001")).unwrap();
    let bytes = export_diary(
        &entries,
        &contacts(&book),
        ExportFormat::Csv,
        Lang::Zh,
        false,
    )
    .unwrap();
    let (header, rows) = parse_csv(&bytes);
    assert_eq!(rows.len(), 2);
    assert_eq!(column(&header, &rows[0], "客户姓名"), "刘洋");
    assert_eq!(column(&header, &rows[0], "手机号"), "150****5432");
    assert_eq!(column(&header, &rows[0], "类型"), "面谈");
    let ledger = export_ledger(&entries, ProductKind::Wealth, ExportFormat::Csv, Lang::Zh).unwrap();
    let (_, rows) = parse_csv(&ledger);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][2], "刘洋");
    assert_eq!(rows[0][5], "200000.00");
}

#[test]
fn formula_like_notes_are_defused_in_csv_only() {
    let entries = [entry(
        1,
        contact(
            EntryKind::Call,
            "C0001",
            Outcome::Reached,
            "=HYPERLINK(\"x\")",
        ),
        Some("张伟"),
    )];
    let (_, rows) =
        parse_csv(&export_diary(&entries, &book(), ExportFormat::Csv, Lang::Zh, false).unwrap());
    assert_eq!(rows[0][8], "'=HYPERLINK(\"x\")");
    let json: Value = serde_json::from_slice(
        &export_diary(&entries, &book(), ExportFormat::Json, Lang::Zh, false).unwrap(),
    )
    .unwrap();
    assert_eq!(json[0]["note"], "=HYPERLINK(\"x\")");
}

#[test]
fn every_text_column_is_defused_but_numbers_stay_numbers() {
    let mut e = entry(
        1,
        sale(
            "=1+1",
            ProductKind::Fund,
            "@SUM(A1)",
            "+稳利",
            dec!(-1500.00),
            None,
        ),
        Some("-张伟"),
    );
    e.manager_no = Some("=M001".into());
    let entries = [e];
    for bytes in [
        export_diary(&entries, &book(), ExportFormat::Csv, Lang::Zh, false).unwrap(),
        export_ledger(&entries, ProductKind::Fund, ExportFormat::Csv, Lang::Zh).unwrap(),
    ] {
        let (_, rows) = parse_csv(&bytes);
        let row = &rows[0];
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '@'])
                    && (cell == "-1500.00" || !cell.starts_with('-')),
                "raw cell {cell:?} in {row:?}"
            );
        }
        assert!(row.contains(&"'=1+1".to_string()), "{row:?}");
        assert!(row.contains(&"'=M001".to_string()), "{row:?}");
        assert!(row.contains(&"-1500.00".to_string()), "{row:?}");
    }
}
