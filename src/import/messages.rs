//! What a rejection or a read error says to the manager, in Chinese and English. Wording only; the checks live in the other modules.

use std::fmt;

use super::headers::aliases_of;
use super::text::{EncodingProblem, MAX_BAD_LINES};
use super::{Problem, ReadError, Rejection};
use crate::domain::money::format_whole;
use crate::i18n::Lang;

/// The most characters of a refused value a message repeats; a cell may hold thousands.
const SHOWN_CHARS: usize = 40;

/// A count with thousands separators: `2,000,000`.
fn count(n: usize) -> String {
    format_whole(rust_decimal::Decimal::from(n))
}

/// The value as a message repeats it: at most [`SHOWN_CHARS`] characters, control characters
/// as `�`, so a message is one readable line whatever the file held.
fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(SHOWN_CHARS)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if text.chars().nth(SHOWN_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// The Chinese name of a field key, as the bank's exports head the column.
fn chinese_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "customer_no" => "客户号",
        "name" => "客户姓名",
        "gender" => "性别",
        "birth_date" => "出生日期",
        "phone" => "手机号",
        "id_number" => "证件号码",
        "occupation" => "职业",
        "manager_no" => "管户经理工号",
        "manager_name" => "管户经理",
        "deposits" => "存款余额",
        "wealth" => "理财余额",
        "funds" => "基金余额",
        "insurance" => "保险余额",
        "bonds" => "国债余额",
        "other_assets" => "其他资产",
        "risk_level" => "风险等级",
        "risk_assessed_on" => "风险测评日期",
        "first_trade_on" => "首次交易日期",
        "as_of" => "数据日期",
        "tags" => "标签",
        "kind" => "产品类型",
        "product_code" => "产品代码",
        "product_name" => "产品名称",
        "amount" => "持有金额",
        "start_on" => "起息日",
        "maturity_on" => "到期日",
        _ => return None,
    })
}

/// A field as named in messages: `手机号（phone）` in Chinese, the key in English.
pub fn field_label(key: &str, lang: Lang) -> String {
    match (lang, chinese_label(key)) {
        (Lang::Zh, Some(zh)) => format!("{zh}（{key}）"),
        _ => key.to_string(),
    }
}

impl Problem {
    /// What is wrong with the value, without the line and field.
    pub fn describe(&self, lang: Lang) -> String {
        let cut;
        let this = match self {
            Problem::BadAmount(t) => {
                cut = Problem::BadAmount(shown(t));
                &cut
            }
            Problem::BadDate(t) => {
                cut = Problem::BadDate(shown(t));
                &cut
            }
            Problem::BadPhone(t) => {
                cut = Problem::BadPhone(shown(t));
                &cut
            }
            Problem::BadGender(t) => {
                cut = Problem::BadGender(shown(t));
                &cut
            }
            Problem::BadRiskLevel(t) => {
                cut = Problem::BadRiskLevel(shown(t));
                &cut
            }
            Problem::BadProductKind(t) => {
                cut = Problem::BadProductKind(shown(t));
                &cut
            }
            Problem::UnknownCustomer(t) => {
                cut = Problem::UnknownCustomer(shown(t));
                &cut
            }
            Problem::NegativeAmount(t) => {
                cut = Problem::NegativeAmount(shown(t));
                &cut
            }
            Problem::BadTime(t) => {
                cut = Problem::BadTime(shown(t));
                &cut
            }
            other => other,
        };
        this.describe_in_full(lang)
    }

    fn describe_in_full(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Missing, Lang::Zh) => "必填项为空".to_string(),
            (Problem::Missing, Lang::En) => "required but blank".to_string(),
            (Problem::BadAmount(t), Lang::Zh) => format!("“{t}” 不是有效的金额"),
            (Problem::BadAmount(t), Lang::En) => format!("\"{t}\" is not an amount"),
            (Problem::BadDate(t), Lang::Zh) => format!("“{t}” 不是可识别的日期"),
            (Problem::BadDate(t), Lang::En) => format!("\"{t}\" is not a date"),
            (Problem::ImpossibleDate(t), Lang::Zh) => format!("“{t}” 是不存在的日期"),
            (Problem::ImpossibleDate(t), Lang::En) => {
                format!("\"{t}\" is not a real calendar date")
            }
            (Problem::DateOutOfRange(t), Lang::Zh) => {
                format!("“{t}” 不在 1900 至 2200 年之间")
            }
            (Problem::DateOutOfRange(t), Lang::En) => {
                format!("\"{t}\" is not between the years 1900 and 2200")
            }
            (Problem::BadPhone(t), Lang::Zh) => format!("“{t}” 不是有效的大陆手机号码"),
            (Problem::BadPhone(t), Lang::En) => {
                format!("\"{t}\" is not a mainland mobile number")
            }
            (Problem::BadGender(t), Lang::Zh) => {
                format!("“{t}” 不是有效的性别（应为 男/女）")
            }
            (Problem::BadGender(t), Lang::En) => {
                format!("\"{t}\" is not a gender (expected M/F, male/female or 男/女)")
            }
            (Problem::BadRiskLevel(t), Lang::Zh) => format!(
                "“{t}” 不是有效的风险等级（应为 C1–C5 或 保守型/稳健型/平衡型/成长型/进取型）"
            ),
            (Problem::BadRiskLevel(t), Lang::En) => {
                format!("\"{t}\" is not a risk level (expected C1–C5)")
            }
            (Problem::BadProductKind(t), Lang::Zh) => format!("“{t}” 不是支持的产品类型"),
            (Problem::BadProductKind(t), Lang::En) => {
                format!("\"{t}\" is not a known product kind")
            }
            (Problem::DuplicateCustomerNo { first_line }, Lang::Zh) => {
                format!("客户号与第 {first_line} 行重复，已保留第 {first_line} 行")
            }
            (Problem::DuplicateCustomerNo { first_line }, Lang::En) => {
                format!("repeats the customer number of line {first_line}, which is kept")
            }
            (Problem::UnknownCustomer(no), Lang::Zh) => {
                format!("客户号 “{no}” 不在客户名单中")
            }
            (Problem::UnknownCustomer(no), Lang::En) => {
                format!("customer \"{no}\" is not in the customer list")
            }
            (Problem::UnclosedQuote, Lang::Zh) => {
                "引号未闭合（该单元格一直延续到下一条记录或文件末尾），已跳过此行，后续各行照常读取".to_string()
            }
            (Problem::UnclosedQuote, Lang::En) => "a quote opened here is never closed (the cell runs into the next record or to the end of the file); this line is skipped, the lines after it are read as usual".to_string(),
            (Problem::TooLong { max }, Lang::Zh) => format!("内容过长（最多 {max} 个字符）"),
            (Problem::TooLong { max }, Lang::En) => {
                format!("too long (at most {max} characters)")
            }
            (Problem::TooManyColumns { max }, Lang::Zh) => format!("列数过多（最多 {max} 列）"),
            (Problem::TooManyColumns { max }, Lang::En) => {
                format!("too many columns (at most {max})")
            }
            (Problem::BadEncoding, Lang::Zh) => {
                "此行含有无法识别的字节（既不是 UTF-8 也不是 GB18030/GBK）".to_string()
            }
            (Problem::BadEncoding, Lang::En) => {
                "the line has bytes that are neither UTF-8 nor GB18030/GBK".to_string()
            }
            (Problem::ControlCharacter(code), Lang::Zh) => {
                format!("含有控制字符 U+{code:04X}")
            }
            (Problem::ControlCharacter(code), Lang::En) => {
                format!("contains the control character U+{code:04X}")
            }
            (Problem::NegativeAmount(t), Lang::Zh) => format!("“{t}” 是负数，余额不能小于零"),
            (Problem::NegativeAmount(t), Lang::En) => {
                format!("\"{t}\" is negative; a balance cannot be below zero")
            }
            (Problem::AboveLimit { text, max }, Lang::Zh) => format!(
                "“{}” 超过上限 {} 元（策略 [limits] max_balance）",
                shown(text),
                format_whole(*max)
            ),
            (Problem::AboveLimit { text, max }, Lang::En) => format!(
                "\"{}\" is above the limit of {} yuan (policy [limits] max_balance)",
                shown(text),
                format_whole(*max)
            ),
            (Problem::BadTime(t), Lang::Zh) => format!("“{t}” 中的时间不存在"),
            (Problem::BadTime(t), Lang::En) => {
                format!("\"{t}\" has a time of day that does not exist")
            }
            (Problem::ClearRequired, Lang::Zh) => {
                "必填项不能用清空标记清空".to_string()
            }
            (Problem::ClearRequired, Lang::En) => {
                "is required and cannot be cleared with the clear marker".to_string()
            }
            (Problem::ClearManager, Lang::Zh) => {
                "导入不能清空管户经理；取消分配请由负责人使用分配命令（guanhu assign）".to_string()
            }
            (Problem::ClearManager, Lang::En) => {
                "an import cannot clear the manager; unassigning is done by the lead with the assignment commands (guanhu assign)".to_string()
            }
            (Problem::NotClearable, Lang::Zh) => {
                "此列不能清空（余额留空即为零，数据日期留空即为导入日期）".to_string()
            }
            (Problem::NotClearable, Lang::En) => {
                "this column cannot be cleared (a blank balance is zero, a blank as_of is the import's date)".to_string()
            }
            (Problem::ClearInHoldings, Lang::Zh) => {
                "持仓行是完整记录，不用清空标记：留空即表示没有此项".to_string()
            }
            (Problem::ClearInHoldings, Lang::En) => {
                "a holdings row is a whole record and takes no clear marker: leave the cell blank for none".to_string()
            }
            (Problem::MaturityBeforeStart { start, maturity }, Lang::Zh) => {
                format!("到期日 {maturity} 早于起息日 {start}")
            }
            (Problem::MaturityBeforeStart { start, maturity }, Lang::En) => {
                format!("matures on {maturity}, before it starts on {start}")
            }
        }
    }
}

impl Rejection {
    /// The whole message: `第 5 行，手机号（phone）：“1381234” 不是有效的大陆手机号码` / `line 5, phone: "1381234" is not a mainland mobile number`.
    pub fn describe(&self, lang: Lang) -> String {
        let problem = self.problem.describe(lang);
        if self.field.is_empty() {
            // A whole row (too many columns, bytes in no encoding): no field to name.
            return match lang {
                Lang::Zh => format!("第 {} 行：{problem}", self.line),
                Lang::En => format!("line {}: {problem}", self.line),
            };
        }
        let field = field_label(&shown(&self.field), lang);
        match lang {
            Lang::Zh => format!("第 {} 行，{field}：{problem}", self.line),
            Lang::En => format!("line {}, {field}: {problem}", self.line),
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl ReadError {
    /// Why the file could not be read at all, with what to do about it.
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (ReadError::Empty, Lang::Zh) => "文件为空，或找不到表头行".to_string(),
            (ReadError::Empty, Lang::En) => "the file is empty or has no header row".to_string(),
            (ReadError::MissingColumn(key), Lang::Zh) => format!(
                "缺少必需的列 {}（可用列名：{}）",
                field_label(key, lang),
                aliases_of(key).join("、")
            ),
            (ReadError::MissingColumn(key), Lang::En) => format!(
                "missing the required column {key} (accepted headers: {})",
                aliases_of(key).join(", ")
            ),
            (ReadError::SheetNotFound(name), Lang::Zh) => {
                format!("工作簿中没有名为“{name}”的工作表")
            }
            (ReadError::SheetNotFound(name), Lang::En) => {
                format!("the workbook has no sheet named \"{name}\"")
            }
            (ReadError::Xlsx(detail), Lang::Zh) => format!("无法读取 Excel 文件：{detail}"),
            (ReadError::Xlsx(detail), Lang::En) => format!("cannot read the Excel file: {detail}"),
            (ReadError::Csv(detail), Lang::Zh) => format!("无法读取 CSV 文件：{detail}"),
            (ReadError::Csv(detail), Lang::En) => format!("cannot read the CSV file: {detail}"),
            (ReadError::Encoding(EncodingProblem::Undecodable { bad_lines }), Lang::Zh) => {
                let many = if *bad_lines > 0 {
                    format!("有 {bad_lines} 行（多于 {MAX_BAD_LINES} 行）")
                } else {
                    "文件".to_string()
                };
                format!(
                    "无法读取 CSV 文件：{many}既不是 UTF-8 也不是 GB18030/GBK 编码，文件应是其他编码；请另存为 UTF-8 或 GBK 编码的 CSV"
                )
            }
            (ReadError::Encoding(EncodingProblem::Undecodable { bad_lines }), Lang::En) => {
                let many = if *bad_lines > 0 {
                    format!("{bad_lines} lines (more than {MAX_BAD_LINES}) are")
                } else {
                    "the file is".to_string()
                };
                format!(
                    "cannot read the CSV file: {many} neither UTF-8 nor GB18030/GBK, so it is in another text encoding; save it as CSV in UTF-8 or GBK"
                )
            }
            (ReadError::Encoding(EncodingProblem::NotChinese), Lang::Zh) => {
                "无法读取 CSV 文件：内容虽可按 GBK 解码，但大多不是常用汉字，文件应是其他编码（如日文 Shift-JIS 或繁体 Big5）；请另存为 UTF-8 或 GBK 编码的 CSV".to_string()
            }
            (ReadError::Encoding(EncodingProblem::NotChinese), Lang::En) => {
                "cannot read the CSV file: its bytes decode as GBK but are mostly not common Chinese characters, so it is in another encoding (such as Shift-JIS or Big5); save it as CSV in UTF-8 or GBK".to_string()
            }
            (ReadError::BadHeader { line, problem }, Lang::Zh) => {
                format!("无法读取表头（第 {line} 行）：{}", problem.describe(lang))
            }
            (ReadError::BadHeader { line, problem }, Lang::En) => {
                format!("cannot read the header (line {line}): {}", problem.describe(lang))
            }
            (ReadError::TooManyRows { max }, Lang::Zh) => {
                format!("文件超过 {} 行，请拆分后分批导入", count(*max))
            }
            (ReadError::TooManyRows { max }, Lang::En) => format!(
                "the file has more than {} rows; split it and import the parts",
                count(*max)
            ),
            (ReadError::Unzipped { max_mb }, Lang::Zh) => format!(
                "无法读取 Excel 文件：解压后超过 {max_mb} MB，不像是一份导出（可能是压缩炸弹）"
            ),
            (ReadError::Unzipped { max_mb }, Lang::En) => format!(
                "cannot read the Excel file: it unpacks to more than {max_mb} MB, which no export does (a zip bomb?)"
            ),
            (
                ReadError::SheetTooLarge {
                    sheet,
                    cell,
                    max_rows,
                    max_columns,
                },
                Lang::Zh,
            ) => format!(
                "工作表“{}”的单元格 {cell} 超出范围（最多 {} 行、{max_columns} 列）",
                shown(sheet),
                count(*max_rows)
            ),
            (
                ReadError::SheetTooLarge {
                    sheet,
                    cell,
                    max_rows,
                    max_columns,
                },
                Lang::En,
            ) => format!(
                "sheet \"{}\" has a value at {cell}, beyond {} rows or {max_columns} columns",
                shown(sheet),
                count(*max_rows)
            ),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ReadError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_problem() -> Vec<Problem> {
        vec![
            Problem::Missing,
            Problem::BadAmount("x".into()),
            Problem::BadDate("x".into()),
            Problem::ImpossibleDate("x".into()),
            Problem::DateOutOfRange("x".into()),
            Problem::BadPhone("x".into()),
            Problem::BadGender("x".into()),
            Problem::BadRiskLevel("x".into()),
            Problem::BadProductKind("x".into()),
            Problem::DuplicateCustomerNo { first_line: 2 },
            Problem::UnknownCustomer("x".into()),
            Problem::UnclosedQuote,
            Problem::TooLong { max: 64 },
            Problem::TooManyColumns { max: 200 },
            Problem::BadEncoding,
            Problem::ControlCharacter(0),
            Problem::NegativeAmount("-1".into()),
            Problem::AboveLimit {
                text: "1".into(),
                max: rust_decimal::Decimal::ONE,
            },
            Problem::BadTime("x".into()),
            Problem::MaturityBeforeStart {
                start: chrono::NaiveDate::MIN,
                maturity: chrono::NaiveDate::MIN,
            },
            Problem::ClearRequired,
            Problem::ClearManager,
            Problem::NotClearable,
            Problem::ClearInHoldings,
        ]
    }

    #[test]
    fn every_problem_reads_differently_in_each_language() {
        for problem in every_problem() {
            let zh = problem.describe(Lang::Zh);
            let en = problem.describe(Lang::En);
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{problem:?}");
            assert!(!zh.is_ascii(), "{zh}");
            assert!(!en.contains(['“', '”', '，', '：', '（']), "{en}");
        }
    }

    #[test]
    fn every_field_has_a_chinese_label() {
        for spec in super::super::headers::CUSTOMER_COLUMNS
            .iter()
            .chain(super::super::headers::HOLDING_COLUMNS)
        {
            assert!(chinese_label(spec.key).is_some(), "{}", spec.key);
        }
    }

    #[test]
    fn the_phone_message_matches_the_design() {
        let r = Rejection {
            line: 5,
            field: "phone".into(),
            problem: Problem::BadPhone("1381234".into()),
        };
        assert_eq!(
            r.describe(Lang::Zh),
            "第 5 行，手机号（phone）：“1381234” 不是有效的大陆手机号码"
        );
        assert_eq!(
            r.describe(Lang::En),
            "line 5, phone: \"1381234\" is not a mainland mobile number"
        );
    }

    #[test]
    fn read_errors_in_both_languages() {
        let e = ReadError::MissingColumn("customer_no".into());
        assert_eq!(
            e.describe(Lang::Zh),
            "缺少必需的列 客户号（customer_no）（可用列名：customer_no、客户号、客户编号、客户号码）"
        );
        assert_eq!(
            e.describe(Lang::En),
            "missing the required column customer_no (accepted headers: customer_no, 客户号, 客户编号, 客户号码)"
        );
        for e in [
            ReadError::Empty,
            ReadError::SheetNotFound("客户清单".into()),
            ReadError::Xlsx("bad zip".into()),
            ReadError::Csv("bad".into()),
            ReadError::Encoding(EncodingProblem::Undecodable { bad_lines: 9 }),
            ReadError::Encoding(EncodingProblem::NotChinese),
            ReadError::BadHeader {
                line: 1,
                problem: Problem::UnclosedQuote,
            },
            ReadError::TooManyRows { max: 2 },
            ReadError::Unzipped { max_mb: 200 },
            ReadError::SheetTooLarge {
                sheet: "S".into(),
                cell: "XFD1048576".into(),
                max_rows: 2,
                max_columns: 2,
            },
        ] {
            assert_ne!(e.describe(Lang::Zh), e.describe(Lang::En));
        }
    }
}
