//! Files that once broke an import (issue 10), each rejected by line and field while the good rows still go in: a stray quote, over-long cells, too many columns, bytes in no known encoding, Shift-JIS, implausible values, a sheet with one far-away cell, a zip bomb.

use guanhu::domain::limits::LimitsPolicy;
use guanhu::i18n::Lang;
use guanhu::import::caps::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_ID_CHARS, MAX_UNZIPPED_BYTES};
use guanhu::import::*;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn rejection(line: usize, field: &str, problem: Problem) -> Rejection {
    Rejection {
        line,
        field: field.to_string(),
        problem,
    }
}

fn customers(text: &str) -> Result<ImportPlan<CustomerRecord>, ReadError> {
    read_customers(text.as_bytes(), FileFormat::Csv, None)
}

fn lines_of(plan: &ImportPlan<CustomerRecord>) -> Vec<usize> {
    plan.rows.iter().map(|r| r.line).collect()
}

/// `n` good customer rows from line 2 on: `C{line}`, a name, a phone, a deposit.
fn many_rows(n: usize) -> String {
    let mut csv = String::from("客户号,客户姓名,手机号,存款余额\n");
    for i in 0..n {
        csv.push_str(&format!(
            "C{},客户{i},138{:08},{}\n",
            i + 2,
            i % 100_000_000,
            i
        ));
    }
    csv
}

#[test]
fn a_stray_quote_rejects_its_line_and_the_rest_still_goes_in() -> TestResult {
    // Was: every line after the quote became one 34 MB name; "added 3, rejected 0".
    let mut csv = many_rows(20_000);
    csv = csv.replacen("客户1,", "\"客户1,", 1);
    let plan = customers(&csv)?;
    assert_eq!(plan.rows.len(), 19_999);
    assert_eq!(
        plan.rejected,
        vec![rejection(3, "name", Problem::UnclosedQuote)]
    );
    assert_eq!(lines_of(&plan).get(..3), Some([2, 4, 5].as_slice()));
    assert!(
        plan.rows
            .iter()
            .all(|r| r.customer.name.chars().count() < 20)
    );
    assert_eq!(
        plan.rejected[0].describe(Lang::En),
        "line 3, name: a quote opened here is never closed (the cell runs into the next record or to the end of the file); this line is skipped, the lines after it are read as usual"
    );
    assert!(
        plan.rejected[0]
            .describe(Lang::Zh)
            .starts_with("第 3 行，客户姓名（name）：引号未闭合")
    );
    Ok(())
}

#[test]
fn a_quote_left_open_to_the_end_of_a_narrow_file_rejects_one_line() -> TestResult {
    let plan = customers("customer_no,name\nC1,张三\nC2,\"李四\nC3,王五\nC4,赵六\n")?;
    assert_eq!(lines_of(&plan), vec![2, 4, 5]);
    assert_eq!(
        plan.rejected,
        vec![rejection(3, "name", Problem::UnclosedQuote)]
    );
    Ok(())
}

#[test]
fn cells_columns_and_text_are_capped_with_the_field_named() -> TestResult {
    let huge = "9".repeat(100_000);
    let long_no = "8".repeat(MAX_ID_CHARS + 1);
    let wide = vec!["x"; MAX_COLUMNS + 1].join(",");
    let csv = format!(
        "customer_no,name,occupation\n\
         {huge},张三,\n\
         {long_no},李四,\n\
         {wide}\n\
         C5,王\u{0}五,\n\
         C6,\u{202E}赵六,\n\
         C7,孙七,\"教师\n（退休）\"\n"
    );
    let plan = customers(&csv)?;
    assert_eq!(lines_of(&plan), vec![7]);
    assert_eq!(
        plan.rejected,
        vec![
            rejection(
                2,
                "customer_no",
                Problem::TooLong {
                    max: MAX_CELL_CHARS
                }
            ),
            rejection(3, "customer_no", Problem::TooLong { max: MAX_ID_CHARS }),
            rejection(4, "", Problem::TooManyColumns { max: MAX_COLUMNS }),
            rejection(5, "name", Problem::ControlCharacter(0)),
            rejection(6, "name", Problem::ControlCharacter(0x202E)),
        ]
    );
    let said: Vec<String> = plan.rejected.iter().map(|r| r.describe(Lang::En)).collect();
    assert_eq!(
        said,
        vec![
            "line 2, customer_no: too long (at most 4000 characters)",
            "line 3, customer_no: too long (at most 64 characters)",
            "line 4: too many columns (at most 200)",
            "line 5, name: contains the control character U+0000",
            "line 6, name: contains the control character U+202E",
        ]
    );
    assert_eq!(
        plan.rejected[0].describe(Lang::Zh),
        "第 2 行，客户号（customer_no）：内容过长（最多 4000 个字符）"
    );
    assert_eq!(
        plan.rejected[2].describe(Lang::Zh),
        "第 4 行：列数过多（最多 200 列）"
    );
    Ok(())
}

#[test]
fn a_header_with_too_many_columns_refuses_the_file() {
    let header = (0..=MAX_COLUMNS)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",");
    let e = customers(&format!("customer_no,name,{header}\nC1,x\n"));
    assert_eq!(
        e,
        Err(ReadError::BadHeader {
            line: 1,
            problem: Problem::TooManyColumns { max: MAX_COLUMNS }
        })
    );
    if let Err(e) = e {
        assert_eq!(
            e.describe(Lang::En),
            "cannot read the header (line 1): too many columns (at most 200)"
        );
    }
}

#[test]
fn one_bad_byte_rejects_its_line_not_the_file() -> TestResult {
    // UTF-8 with one stray byte on line 3.
    let mut bytes = "客户号,客户姓名\nC1,张伟\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"C2,\xB2\xE2\xFF\n");
    bytes.extend_from_slice("C3,李娜\n".as_bytes());
    let plan = read_customers(&bytes, FileFormat::Csv, None)?;
    assert_eq!(lines_of(&plan), vec![2, 4]);
    assert_eq!(plan.rejected, vec![rejection(3, "", Problem::BadEncoding)]);
    assert_eq!(
        plan.rejected[0].describe(Lang::Zh),
        "第 3 行：此行含有无法识别的字节（既不是 UTF-8 也不是 GB18030/GBK）"
    );

    // GBK with one line cut mid-character.
    let mut gbk = encoding_rs::GB18030
        .encode("客户号,客户姓名\nC1,张伟\n")
        .0
        .into_owned();
    gbk.extend_from_slice(b"C2,\xD5\n");
    gbk.extend_from_slice(&encoding_rs::GB18030.encode("C3,李娜\n").0);
    let plan = read_customers(&gbk, FileFormat::Csv, None)?;
    assert_eq!(lines_of(&plan), vec![2, 4]);
    assert_eq!(
        plan.rows
            .iter()
            .map(|r| r.customer.name.as_str())
            .collect::<Vec<_>>(),
        vec!["张伟", "李娜"]
    );
    assert_eq!(plan.rejected, vec![rejection(3, "", Problem::BadEncoding)]);
    Ok(())
}

#[test]
fn other_encodings_are_refused_saying_so() {
    let mut bytes = b"customer_no,name\n".to_vec();
    for i in 0..5 {
        bytes.extend_from_slice(format!("C{i},").as_bytes());
        bytes.extend_from_slice(b"\xFF\xFF\n");
    }
    let e = read_customers(&bytes, FileFormat::Csv, None);
    assert_eq!(
        e,
        Err(ReadError::Encoding(EncodingProblem::Undecodable {
            bad_lines: 5
        }))
    );

    let (sjis, _, _) = encoding_rs::SHIFT_JIS
        .encode("customer_no,name\nC1,山田太郎\nC2,佐藤花子\nC3,鈴木一郎\nC4,高橋さとし\n");
    let e = read_customers(&sjis, FileFormat::Csv, None);
    assert_eq!(e, Err(ReadError::Encoding(EncodingProblem::NotChinese)));
    if let Err(e) = e {
        assert!(e.describe(Lang::En).contains("Shift-JIS"), "{e}");
        assert!(e.describe(Lang::Zh).contains("Shift-JIS"));
    }
}

#[test]
fn implausible_customer_values_are_rejected_by_row_and_field() -> TestResult {
    let csv = "客户号,客户姓名,出生日期,存款余额,理财余额\n\
               C1,张三,1980-01-01,-100,0\n\
               C2,李四,1980-01-01 25:99,100,0\n\
               C3,王五,,79228162514264337593543950335,0\n\
               C4,赵六,,10000000000000,0\n\
               C5,孙七,1980-01-01 09:30:15.5,1000000000000,5\n";
    let plan = customers(csv)?;
    assert_eq!(lines_of(&plan), vec![6]);
    let max = LimitsPolicy::default().max_balance;
    assert_eq!(
        plan.rejected,
        vec![
            rejection(2, "deposits", Problem::NegativeAmount("-100".into())),
            rejection(3, "birth_date", Problem::BadTime("1980-01-01 25:99".into())),
            // Decimal::MAX: it once made every later sum over the store panic.
            rejection(
                4,
                "deposits",
                Problem::AboveLimit {
                    text: "79228162514264337593543950335".into(),
                    max
                }
            ),
            rejection(
                5,
                "deposits",
                Problem::AboveLimit {
                    text: "10000000000000".into(),
                    max
                }
            ),
        ]
    );
    assert_eq!(
        plan.rejected[3].describe(Lang::En),
        "line 5, deposits: \"10000000000000\" is above the limit of 1,000,000,000,000 yuan (policy [limits] max_balance)"
    );
    assert_eq!(
        plan.rejected[0].describe(Lang::Zh),
        "第 2 行，存款余额（deposits）：“-100” 是负数，余额不能小于零"
    );

    // A policy that allows larger balances lets line 5 in.
    let limits = LimitsPolicy {
        max_balance: Decimal::from(100_000_000_000_000_i64),
        ..LimitsPolicy::default()
    };
    let plan = read_customers_within(csv.as_bytes(), FileFormat::Csv, None, &limits)?;
    assert_eq!(lines_of(&plan), vec![5, 6]);
    Ok(())
}

#[test]
fn implausible_holdings_are_rejected_by_row_and_field() -> TestResult {
    let csv = "客户号,产品类型,产品名称,持有金额,起息日,到期日\n\
               C1,理财,稳利,-5,,\n\
               C1,理财,稳利,5000,2026-06-01,2026-01-01\n\
               C1,理财,稳利,2000000000000,,\n\
               C1,理财,稳利,5000,2026-01-01,2026-06-01\n";
    let plan = read_holdings(csv.as_bytes(), FileFormat::Csv, None)?;
    assert_eq!(
        plan.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        vec![5]
    );
    let fields: Vec<(usize, &str)> = plan
        .rejected
        .iter()
        .map(|r| (r.line, r.field.as_str()))
        .collect();
    assert_eq!(
        fields,
        vec![(2, "amount"), (3, "maturity_on"), (4, "amount")]
    );
    assert_eq!(
        plan.rejected[1].describe(Lang::En),
        "line 3, maturity_on: matures on 2026-01-01, before it starts on 2026-06-01"
    );
    assert_eq!(
        plan.rejected[1].describe(Lang::Zh),
        "第 3 行，到期日（maturity_on）：到期日 2026-01-01 早于起息日 2026-06-01"
    );
    Ok(())
}

fn workbook_bytes(
    build: impl FnOnce(&mut Workbook) -> Result<(), rust_xlsxwriter::XlsxError>,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut workbook = Workbook::new();
    build(&mut workbook)?;
    Ok(workbook.save_to_buffer()?)
}

#[test]
fn a_sheet_with_one_far_away_cell_is_refused_naming_it() -> TestResult {
    // Was: calamine allocated the dense 1,048,576 × 16,384 range (512 GB) and the process aborted.
    let bytes = workbook_bytes(|wb| {
        let sheet = wb.add_worksheet().set_name("客户清单")?;
        sheet.write_string(0, 0, "客户号")?;
        sheet.write_string(0, 1, "客户姓名")?;
        sheet.write_string(1, 0, "C1")?;
        sheet.write_string(1, 1, "张三")?;
        sheet.write_string(1_048_575, 16_383, "x")?;
        Ok(())
    })?;
    assert!(bytes.len() < 10_000);
    let e = read_customers(&bytes, FileFormat::Xlsx, None);
    assert_eq!(
        e,
        Err(ReadError::SheetTooLarge {
            sheet: "客户清单".into(),
            cell: "XFD1048576".into(),
            max_rows: guanhu::import::caps::MAX_ROWS,
            max_columns: MAX_COLUMNS,
        })
    );
    if let Err(e) = e {
        assert_eq!(
            e.describe(Lang::Zh),
            "工作表“客户清单”的单元格 XFD1048576 超出范围（最多 2,000,000 行、200 列）"
        );
    }
    // A style-only (blank) far cell is not a value and costs nothing.
    let bytes = workbook_bytes(|wb| {
        let sheet = wb.add_worksheet();
        sheet.write_string(0, 0, "客户号")?;
        sheet.write_string(0, 1, "客户姓名")?;
        sheet.write_string(1, 0, "C1")?;
        sheet.write_string(1, 1, "张三")?;
        sheet.write_blank(1_048_575, 16_383, &Format::new().set_bold())?;
        Ok(())
    })?;
    assert_eq!(
        read_customers(&bytes, FileFormat::Xlsx, None)?.rows.len(),
        1
    );
    Ok(())
}

#[test]
fn a_date_cell_with_a_negative_serial_is_rejected() -> TestResult {
    let bytes = workbook_bytes(|wb| {
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let sheet = wb.add_worksheet();
        for (col, h) in ["客户号", "客户姓名", "出生日期"].iter().enumerate() {
            sheet.write_string(0, col as u16, *h)?;
        }
        sheet.write_string(1, 0, "C1")?;
        sheet.write_string(1, 1, "张三")?;
        sheet.write_number_with_format(1, 2, -5.0, &date)?;
        sheet.write_string(2, 0, "C2")?;
        sheet.write_string(2, 1, "李四")?;
        sheet.write_number_with_format(2, 2, 28_000.0, &date)?;
        Ok(())
    })?;
    let plan = read_customers(&bytes, FileFormat::Xlsx, None)?;
    assert_eq!(lines_of(&plan), vec![3]);
    assert_eq!(
        plan.rejected,
        vec![rejection(2, "birth_date", Problem::BadDate("-5".into()))]
    );
    Ok(())
}

/// A zip of one part that inflates to `inflated` bytes of `x` from about `inflated / 160`
/// bytes: a fixed-Huffman deflate stream of one literal and then length-258, distance-1
/// copies (13 bits each). The CRC is left zero: the reader must stop long before checking it.
fn zip_bomb(inflated: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u32,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u32, bits: u32) {
            self.acc |= value << self.n;
            self.n += bits;
            while self.n >= 8 {
                self.out.push((self.acc & 0xFF) as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// Huffman codes go most significant bit first.
        fn code(&mut self, code: u32, bits: u32) {
            let reversed = code.reverse_bits() >> (32 - bits);
            self.put(reversed, bits);
        }
    }
    let mut bits = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // final block
    bits.put(1, 2); // fixed Huffman
    bits.code(0x30 + u32::from(b'x'), 8);
    let copies = (inflated - 1).div_ceil(258);
    for _ in 0..copies {
        bits.code(0xC0 + (285 - 280), 8); // length 258
        bits.code(0, 5); // distance 1
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7);
    let data = bits.out;
    let size = 1 + copies * 258;
    let name = b"xl/worksheets/sheet1.xml";
    let size32 = u32::try_from(size).unwrap_or(u32::MAX);
    let mut zip = Vec::new();
    let header = |zip: &mut Vec<u8>, central: bool| {
        if central {
            zip.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            zip.extend_from_slice(&20u16.to_le_bytes());
        } else {
            zip.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        }
        for v in [20u16, 0, 8, 0, 0] {
            zip.extend_from_slice(&v.to_le_bytes()); // version, flags, deflate, time, date
        }
        zip.extend_from_slice(&0u32.to_le_bytes()); // crc
        zip.extend_from_slice(&(data.len() as u32).to_le_bytes());
        zip.extend_from_slice(&size32.to_le_bytes());
        zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
        zip.extend_from_slice(&0u16.to_le_bytes()); // extra
        if central {
            for v in [0u16, 0, 0] {
                zip.extend_from_slice(&v.to_le_bytes()); // comment, disk, internal attributes
            }
            zip.extend_from_slice(&0u32.to_le_bytes()); // external attributes
            zip.extend_from_slice(&0u32.to_le_bytes()); // local header offset
        }
        zip.extend_from_slice(name);
    };
    header(&mut zip, false);
    zip.extend_from_slice(&data);
    let central_at = zip.len() as u32;
    header(&mut zip, true);
    let central_len = zip.len() as u32 - central_at;
    zip.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, 1, 1] {
        zip.extend_from_slice(&v.to_le_bytes());
    }
    zip.extend_from_slice(&central_len.to_le_bytes());
    zip.extend_from_slice(&central_at.to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip
}

#[test]
fn a_zip_bomb_is_stopped_at_the_unzipped_limit() -> TestResult {
    // Was: an 8.7 MB file inflated to 4.4 GB in 92 s.
    let bomb = zip_bomb(MAX_UNZIPPED_BYTES + 1_000_000);
    assert!(bomb.len() < 2_000_000, "{}", bomb.len());
    let e = read_customers(&bomb, FileFormat::Xlsx, None);
    assert_eq!(e, Err(ReadError::Unzipped { max_mb: 200 }));
    if let Err(e) = e {
        assert!(e.describe(Lang::En).contains("more than 200 MB"), "{e}");
        assert!(e.describe(Lang::Zh).contains("200 MB"));
    }
    // The same construction below the limit is read on (and refused as no workbook).
    let small = zip_bomb(1_000_000);
    assert!(matches!(
        read_customers(&small, FileFormat::Xlsx, None),
        Err(ReadError::Xlsx(_))
    ));
    Ok(())
}
