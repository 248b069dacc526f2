//! What a rejection or a read error says to the manager, in Chinese and English. Wording only; the checks live in the other modules.

use std::fmt;

use super::headers::aliases_of;
use super::read::UNKNOWN_ENCODING;
use super::{Problem, ReadError, Rejection};
use crate::i18n::Lang;

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
        }
    }
}

impl Rejection {
    /// The whole message: `第 5 行，手机号（phone）：“1381234” 不是有效的大陆手机号码` / `line 5, phone: "1381234" is not a mainland mobile number`.
    pub fn describe(&self, lang: Lang) -> String {
        let field = field_label(&self.field, lang);
        let problem = self.problem.describe(lang);
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
            (ReadError::Csv(detail), Lang::Zh) if detail == UNKNOWN_ENCODING => {
                "无法读取 CSV 文件：无法识别的文字编码（既不是 UTF-8 也不是 GB18030/GBK），请另存为 UTF-8 或 GBK 编码的 CSV".to_string()
            }
            (ReadError::Csv(detail), Lang::En) if detail == UNKNOWN_ENCODING => format!(
                "cannot read the CSV file: {detail}; save it as CSV in UTF-8 or GBK"
            ),
            (ReadError::Csv(detail), Lang::Zh) => format!("无法读取 CSV 文件：{detail}"),
            (ReadError::Csv(detail), Lang::En) => format!("cannot read the CSV file: {detail}"),
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
            ReadError::Csv(UNKNOWN_ENCODING.into()),
        ] {
            assert_ne!(e.describe(Lang::Zh), e.describe(Lang::En));
        }
    }
}
