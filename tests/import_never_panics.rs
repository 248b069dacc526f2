//! Whatever a file holds, the importer answers Ok or a clear error and never panics: the CSV and XLSX readers on arbitrary bytes (and on near-valid files with random damage), header matching on arbitrary strings, and every cell parser on arbitrary strings.
//!
//! Cases: 2,000 for each cell parser, 500 for each whole-file reader (see `CELL` and `FILE`).

use guanhu::i18n::Lang;
use guanhu::import::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

const CELL: u32 = 2_000;
const FILE: u32 = 500;

/// Text that reaches the parsers' corners: digits (ASCII and full-width), separators, units,
/// CJK, control characters, Unicode spaces, quotes; or anything at all.
fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9０-９.,，．:：/\\-+ 　¥￥元万亿年月日T]{0,24}",
        "[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}( [0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?)?",
        "\\PC{0,16}",
        // The clear marker and its near misses.
        "[ ]{0,2}(<清空>|<clear>|<CLEAR>|<清空|clear>|-)[ ]{0,2}",
        any::<String>(),
    ]
}

/// A message is one line of readable text in both languages.
fn clear(problem: &Problem) -> bool {
    let (zh, en) = (problem.describe(Lang::Zh), problem.describe(Lang::En));
    !zh.is_empty() && !en.is_empty() && zh.chars().count() < 400 && en.chars().count() < 400
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CELL, ..ProptestConfig::default() })]

    #[test]
    fn amounts(text in cell_text(), unit in prop::sample::select(vec![1i64, 10_000, 100_000_000])) {
        if let Err(p) = parse_amount(&text, Decimal::from(unit)) {
            prop_assert!(clear(&p));
        }
    }

    #[test]
    fn dates(text in cell_text()) {
        match parse_date(&text) {
            Ok(d) => prop_assert!((1900..=2200).contains(&chrono::Datelike::year(&d))),
            Err(p) => prop_assert!(clear(&p)),
        }
    }

    #[test]
    fn phones(text in cell_text()) {
        match parse_phone(&text) {
            Ok(p) => prop_assert_eq!(p.len(), 11),
            Err(p) => prop_assert!(clear(&p)),
        }
    }

    #[test]
    fn clear_markers_and_phone_and_id_warnings(text in cell_text()) {
        if is_clear_marker(&text) {
            let t = text.trim().to_lowercase();
            prop_assert!(t == CLEAR_MARKER_ZH || t == CLEAR_MARKER_EN, "{}", text);
        }
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            for said in [
                warnings::phone_warning(lang, &text),
                warnings::id_number_warning(lang, today, &text),
            ].into_iter().flatten() {
                prop_assert!(!said.is_empty() && !said.contains('\n'));
            }
        }
        let _ = guanhu::domain::identity::mobile_problem(&text);
    }

    #[test]
    fn genders_risk_levels_and_kinds(text in cell_text()) {
        for problem in [
            parse_gender(&text).err(),
            parse_risk_level(&text).err(),
            parse_kind(&text).err(),
        ].into_iter().flatten() {
            prop_assert!(clear(&problem));
        }
    }

    #[test]
    fn tags(text in cell_text()) {
        for tag in split_tags(&text) {
            prop_assert!(!tag.is_empty());
            prop_assert!(!tag.contains(char::is_whitespace));
        }
    }

    #[test]
    fn headers(text in cell_text()) {
        if let Some(key) = match_header(&text) {
            prop_assert!(!field_label(key, Lang::Zh).is_empty());
        }
    }
}

/// What a reader answered, checked for clear messages.
fn answered<R>(result: Result<ImportPlan<R>, ReadError>) -> Result<(), TestCaseError> {
    match result {
        Ok(plan) => {
            for r in &plan.rejected {
                prop_assert!(r.line >= 1);
                prop_assert!(!r.describe(Lang::Zh).is_empty() && !r.describe(Lang::En).is_empty());
            }
        }
        Err(e) => {
            prop_assert!(!e.describe(Lang::Zh).is_empty());
            prop_assert!(!e.describe(Lang::En).is_empty());
        }
    }
    Ok(())
}

/// A valid-looking export with random damage: bytes replaced, quotes, NULs, line breaks.
fn damaged_csv() -> impl Strategy<Value = Vec<u8>> {
    let base = "客户号,客户姓名,手机号,出生日期,存款余额（万元）,风险等级,标签\n\
                C1,张伟,13812345678,1985-03-07,12.5,C3,代发\n\
                C2,\"李,娜\",+86 139-1000-2233,2026年1月5日,\"1,234\",稳健型,\"VIP，基金\"\n\
                C3,王芳,,46349,0,,\n";
    let bytes = base.as_bytes().to_vec();
    let len = bytes.len();
    prop::collection::vec(
        (
            0..len,
            prop::sample::select(b"\"\n\r,\t\0\xFF\x81 =".to_vec()),
        ),
        0..12,
    )
    .prop_map(move |edits| {
        let mut b = bytes.clone();
        for (at, byte) in edits {
            if let Some(slot) = b.get_mut(at) {
                *slot = byte;
            }
        }
        b
    })
}

/// Built once: writing a workbook costs more than reading it.
fn small_workbook() -> Vec<u8> {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(build_workbook).clone()
}

fn build_workbook() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    let cells = [
        ["客户号", "客户姓名", "出生日期", "存款余额"],
        ["C1", "张伟", "1985-03-07", "1000"],
        ["C2", "李娜", "46349", "-1"],
    ];
    for (r, row) in cells.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let _ = sheet.write_string(r as u32, c as u16, *text);
        }
    }
    let _ = sheet.write_number(3, 3, f64::MAX);
    wb.save_to_buffer().unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: FILE, ..ProptestConfig::default() })]

    #[test]
    fn csv_reader_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        answered(read_customers(&bytes, FileFormat::Csv, None))?;
        answered(read_holdings(&bytes, FileFormat::Csv, None))?;
    }

    #[test]
    fn csv_reader_on_damaged_exports(bytes in damaged_csv()) {
        answered(read_customers(&bytes, FileFormat::Csv, None))?;
    }

    #[test]
    fn csv_reader_on_cells_that_may_be_the_clear_marker(
        cells in prop::collection::vec(
            prop_oneof![Just("<清空>"), Just(" <CLEAR> "), Just("-"), Just(""), Just("C1"), Just("13812345678"), Just("010-12345678")],
            14..=28,
        )
    ) {
        let header = "客户号,客户姓名,性别,出生日期,手机号,证件号码,管户经理工号,存款余额,标签,数据日期,风险等级,职业,管户经理,首次交易日期";
        let mut text = format!("{header}\n");
        for row in cells.chunks(14) {
            text.push_str(&row.join(","));
            text.push('\n');
        }
        answered(read_customers(text.as_bytes(), FileFormat::Csv, None))?;
        let holdings = format!("客户号,产品类型,产品代码,产品名称,持有金额,起息日,到期日\n{}\n", cells.iter().take(7).copied().collect::<Vec<_>>().join(","));
        answered(read_holdings(holdings.as_bytes(), FileFormat::Csv, None))?;
    }

    #[test]
    fn csv_reader_on_arbitrary_text(text in "[客户号姓名,\"\n\r\t a-z0-9]{0,300}") {
        answered(read_customers(text.as_bytes(), FileFormat::Csv, None))?;
    }

    #[test]
    fn xlsx_reader_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&bytes);
        answered(read_customers(&zipped, FileFormat::Xlsx, None))?;
        answered(read_holdings(&bytes, FileFormat::Xlsx, Some("x")))?;
    }

    #[test]
    fn xlsx_reader_on_damaged_workbooks(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        let mut bytes = small_workbook();
        for (at, byte) in edits {
            let i = at.index(bytes.len().max(1));
            if let Some(slot) = bytes.get_mut(i) {
                *slot = byte;
            }
        }
        answered(read_customers(&bytes, FileFormat::Xlsx, None))?;
    }
}
