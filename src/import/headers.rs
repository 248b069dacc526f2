//! Which column is which: the header aliases (Chinese and English) of every field, header normalisation, and the amount unit a header names in brackets (`存款余额（万元）`). Does not look at data cells.

use rust_decimal::Decimal;

use super::read::Table;
use super::{ReadError, Rejection};

/// A field the importer understands, with the header texts that name it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ColumnSpec {
    /// The canonical key, used in rejections and messages.
    pub key: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
    /// Amount columns honour a unit in the header (`(万元)`).
    pub amount: bool,
}

const fn col(key: &'static str, aliases: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        key,
        aliases,
        required: false,
        amount: false,
    }
}

const fn required(key: &'static str, aliases: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        key,
        aliases,
        required: true,
        amount: false,
    }
}

const fn amount(key: &'static str, aliases: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        key,
        aliases,
        required: false,
        amount: true,
    }
}

const CUSTOMER_NO: &[&str] = &["customer_no", "客户号", "客户编号", "客户号码"];

/// Columns of the customer list, in the order rejections of one row are reported.
pub(crate) const CUSTOMER_COLUMNS: &[ColumnSpec] = &[
    required("customer_no", CUSTOMER_NO),
    required(
        "name",
        &["name", "customer_name", "客户姓名", "姓名", "客户名称"],
    ),
    col("gender", &["gender", "sex", "性别"]),
    col("birth_date", &["birth_date", "birthday", "出生日期"]),
    col(
        "phone",
        &["phone", "mobile", "手机号", "手机号码", "联系电话"],
    ),
    col(
        "id_number",
        &["id_number", "证件号码", "身份证号", "身份证号码"],
    ),
    col("occupation", &["occupation", "职业"]),
    col(
        "manager_no",
        &["manager_no", "管户经理工号", "客户经理工号"],
    ),
    col("manager_name", &["manager_name", "管户经理", "客户经理"]),
    amount("deposits", &["deposits", "存款余额"]),
    amount("wealth", &["wealth", "理财余额"]),
    amount("funds", &["funds", "基金余额"]),
    amount("insurance", &["insurance", "保险余额"]),
    amount("bonds", &["bonds", "国债余额", "债券余额"]),
    amount(
        "other_assets",
        &["other_assets", "其他资产", "其他资产余额"],
    ),
    col("risk_level", &["risk_level", "风险等级", "风险承受能力"]),
    col(
        "risk_assessed_on",
        &["risk_assessed_on", "测评日期", "风险测评日期"],
    ),
    col("first_trade_on", &["first_trade_on", "首次交易日期"]),
    col("as_of", &["as_of", "数据日期"]),
    col("tags", &["tags", "标签"]),
];

/// The balance columns; a file with any of them carries balances.
pub(crate) const BALANCE_KEYS: [&str; 6] = [
    "deposits",
    "wealth",
    "funds",
    "insurance",
    "bonds",
    "other_assets",
];

/// Columns of the holdings list, in report order.
pub(crate) const HOLDING_COLUMNS: &[ColumnSpec] = &[
    required("customer_no", CUSTOMER_NO),
    required("kind", &["kind", "product_kind", "产品类型", "产品种类"]),
    col("product_code", &["product_code", "产品代码"]),
    required("product_name", &["product_name", "产品名称"]),
    ColumnSpec {
        key: "amount",
        aliases: &["amount", "持有金额", "金额", "持仓金额"],
        required: true,
        amount: true,
    },
    col(
        "start_on",
        &["start_on", "start_date", "起息日", "购买日期", "起始日"],
    ),
    col(
        "maturity_on",
        &["maturity_on", "maturity_date", "到期日", "到期日期"],
    ),
];

/// The aliases of a key, from whichever list knows it (for error messages).
pub(crate) fn aliases_of(key: &str) -> &'static [&'static str] {
    CUSTOMER_COLUMNS
        .iter()
        .chain(HOLDING_COLUMNS)
        .find(|c| c.key == key)
        .map_or(&[], |c| c.aliases)
}

/// Header text in comparable form: trimmed, lower case, full-width brackets as ASCII, without spaces, `_`, `-`, and the `*` templates put on required columns.
pub(crate) fn normalize(header: &str) -> String {
    header
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*' | '\u{feff}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The multiplier a bracketed unit stands for.
fn unit(text: &str) -> Option<Decimal> {
    match text {
        "元" | "人民币" | "人民币元" | "yuan" | "rmb" | "cny" => Some(Decimal::ONE),
        "万元" | "万" | "万元人民币" => Some(Decimal::from(10_000)),
        "亿元" | "亿" => Some(Decimal::from(100_000_000)),
        _ => None,
    }
}

/// A header split into its normalised name and the unit multiplier named in brackets, if any.
pub(crate) fn parse_header(header: &str) -> (String, Option<Decimal>) {
    let name = normalize(header);
    if let Some(inner) = name.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && let Some(multiplier) = inner.get(open + 1..).and_then(unit)
        && let Some(base) = inner.get(..open)
    {
        return (base.to_string(), Some(multiplier));
    }
    (name, None)
}

/// The field key a header names in the customer or the holdings list, if any: how a
/// header cell is matched, whatever its text (for tools and property tests).
pub fn match_header(header: &str) -> Option<&'static str> {
    let (name, _) = parse_header(header);
    CUSTOMER_COLUMNS
        .iter()
        .chain(HOLDING_COLUMNS)
        .find(|s| s.aliases.iter().any(|a| normalize(a) == name))
        .map(|s| s.key)
}

/// The rows the reader could not split, as rejections naming the field they broke in: its
/// key when the column is one guanhu reads, else the header text (or none for a whole row).
pub(crate) fn broken_rejections(table: &Table, columns: &Columns) -> Vec<Rejection> {
    table
        .broken
        .iter()
        .map(|b| {
            let field = b.column.map_or(String::new(), |i| {
                columns
                    .key_at(i)
                    .map(str::to_string)
                    .or_else(|| table.header.cells.get(i).map(|h| h.trim().to_string()))
                    .unwrap_or_default()
            });
            Rejection {
                line: b.line,
                field,
                problem: b.problem.clone(),
            }
        })
        .collect()
}

/// A recognised column: its index in the row and, for amounts, the unit multiplier.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    key: &'static str,
    index: usize,
    multiplier: Decimal,
}

/// Which cell holds which field, for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    found: Vec<Found>,
}

impl Columns {
    /// Maps the header to the specs; the first column naming a field wins, unknown columns are ignored.
    pub fn map(header: &[String], specs: &[ColumnSpec]) -> Result<Columns, ReadError> {
        let mut found: Vec<Found> = Vec::new();
        for (index, text) in header.iter().enumerate() {
            let (name, unit) = parse_header(text);
            let spec = specs
                .iter()
                .find(|s| s.aliases.iter().any(|a| normalize(a) == name));
            if let Some(spec) = spec
                && !found.iter().any(|f| f.key == spec.key)
            {
                let multiplier = if spec.amount {
                    unit.unwrap_or(Decimal::ONE)
                } else {
                    Decimal::ONE
                };
                found.push(Found {
                    key: spec.key,
                    index,
                    multiplier,
                });
            }
        }
        if let Some(missing) = specs
            .iter()
            .find(|s| s.required && !found.iter().any(|f| f.key == s.key))
        {
            return Err(ReadError::MissingColumn(missing.key.to_string()));
        }
        Ok(Columns { found })
    }

    /// The key of the column at `index`, if it is one guanhu reads.
    pub fn key_at(&self, index: usize) -> Option<&'static str> {
        self.found.iter().find(|f| f.index == index).map(|f| f.key)
    }

    /// Whether the file has this column.
    pub fn has(&self, key: &str) -> bool {
        self.found.iter().any(|f| f.key == key)
    }

    /// The unit multiplier of an amount column (1 when none or absent).
    pub fn multiplier(&self, key: &str) -> Decimal {
        self.found
            .iter()
            .find(|f| f.key == key)
            .map_or(Decimal::ONE, |f| f.multiplier)
    }

    /// The trimmed cell of `key` in `cells`; empty when the column is absent or the row short.
    pub fn cell<'a>(&self, cells: &'a [String], key: &str) -> &'a str {
        self.found
            .iter()
            .find(|f| f.key == key)
            .and_then(|f| cells.get(f.index))
            .map_or("", |c| c.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_normalise_case_spaces_and_brackets() {
        assert_eq!(normalize(" Customer No "), "customerno");
        assert_eq!(normalize("CUSTOMER_NO"), "customerno");
        assert_eq!(normalize("存款余额（万元）"), "存款余额(万元)");
        assert_eq!(normalize("*客户号"), "客户号");
    }

    #[test]
    fn units_in_brackets_are_read() {
        assert_eq!(
            parse_header("存款余额（万元）"),
            ("存款余额".to_string(), Some(Decimal::from(10_000)))
        );
        assert_eq!(
            parse_header("理财余额(万)"),
            ("理财余额".to_string(), Some(Decimal::from(10_000)))
        );
        assert_eq!(
            parse_header("基金余额 (亿元)"),
            ("基金余额".to_string(), Some(Decimal::from(100_000_000)))
        );
        assert_eq!(
            parse_header("存款余额(元)"),
            ("存款余额".to_string(), Some(Decimal::ONE))
        );
        assert_eq!(parse_header("备注(内部)"), ("备注(内部)".to_string(), None));
    }

    #[test]
    fn columns_map_aliases_and_units() {
        let header = strings(&["客户编号", "Name", "备注", "存款余额（万元）", "姓名"]);
        let columns = Columns::map(&header, CUSTOMER_COLUMNS);
        let Ok(columns) = columns else {
            panic!("header should map: {columns:?}");
        };
        assert!(columns.has("customer_no"));
        assert!(!columns.has("phone"));
        assert_eq!(columns.multiplier("deposits"), Decimal::from(10_000));
        assert_eq!(columns.multiplier("customer_no"), Decimal::ONE);
        let row = strings(&[" C1 ", "张三", "x", "1", "李四"]);
        assert_eq!(columns.cell(&row, "name"), "张三");
        assert_eq!(columns.cell(&row, "customer_no"), "C1");
        assert_eq!(
            columns.cell(row.get(..1).unwrap_or_default(), "deposits"),
            ""
        );
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let header = strings(&["客户号", "手机号"]);
        assert_eq!(
            Columns::map(&header, CUSTOMER_COLUMNS),
            Err(ReadError::MissingColumn("name".to_string()))
        );
        let header = strings(&["客户号", "产品名称", "金额"]);
        assert_eq!(
            Columns::map(&header, HOLDING_COLUMNS),
            Err(ReadError::MissingColumn("kind".to_string()))
        );
    }

    #[test]
    fn every_alias_names_only_one_field() {
        for specs in [CUSTOMER_COLUMNS, HOLDING_COLUMNS] {
            let mut seen = std::collections::HashSet::new();
            for spec in specs {
                for alias in spec.aliases {
                    assert!(seen.insert(normalize(alias)), "alias {alias} repeated");
                }
            }
        }
    }
}
