//! The customer as the bank knows them: identity, contact data, risk profile, balances by asset class and holdings. Plain data, no I/O.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Gender as recorded by the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// The stable key stored in the database and written to exports.
    pub fn key(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    /// Parses a stored key.
    pub fn from_key(key: &str) -> Option<Gender> {
        match key {
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// The customer's risk tolerance from the last assessment (风险等级 C1–C5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RiskLevel {
    C1,
    C2,
    C3,
    C4,
    C5,
}

impl RiskLevel {
    /// All levels, lowest risk first.
    pub const ALL: [RiskLevel; 5] = [
        RiskLevel::C1,
        RiskLevel::C2,
        RiskLevel::C3,
        RiskLevel::C4,
        RiskLevel::C5,
    ];

    /// `C1`…`C5`, as stored.
    pub fn key(self) -> &'static str {
        match self {
            RiskLevel::C1 => "C1",
            RiskLevel::C2 => "C2",
            RiskLevel::C3 => "C3",
            RiskLevel::C4 => "C4",
            RiskLevel::C5 => "C5",
        }
    }

    /// Accepts `C1`–`C5` (any case) and the Chinese names 保守型/稳健型/平衡型/成长型/进取型.
    pub fn parse(text: &str) -> Option<RiskLevel> {
        let t = text.trim();
        match t.to_ascii_uppercase().as_str() {
            "C1" | "R1" => return Some(RiskLevel::C1),
            "C2" | "R2" => return Some(RiskLevel::C2),
            "C3" | "R3" => return Some(RiskLevel::C3),
            "C4" | "R4" => return Some(RiskLevel::C4),
            "C5" | "R5" => return Some(RiskLevel::C5),
            _ => {}
        }
        match t {
            "保守型" | "保守" => Some(RiskLevel::C1),
            "稳健型" | "稳健" => Some(RiskLevel::C2),
            "平衡型" | "平衡" => Some(RiskLevel::C3),
            "成长型" | "成长" => Some(RiskLevel::C4),
            "进取型" | "进取" => Some(RiskLevel::C5),
            _ => None,
        }
    }
}

/// Balances by asset class on one date. AUM (金融资产) is their sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Balances {
    pub deposits: Decimal,
    pub wealth: Decimal,
    pub funds: Decimal,
    pub insurance: Decimal,
    pub bonds: Decimal,
    pub other: Decimal,
}

impl Balances {
    /// Builds the balances from each column in table order (deposits, wealth, funds,
    /// insurance, bonds, other), stopping at the first that cannot be read.
    pub fn try_from_columns<E>(
        mut column: impl FnMut(usize) -> Result<Decimal, E>,
    ) -> Result<Balances, E> {
        Ok(Balances {
            deposits: column(0)?,
            wealth: column(1)?,
            funds: column(2)?,
            insurance: column(3)?,
            bonds: column(4)?,
            other: column(5)?,
        })
    }

    /// Assets under management: every class added up.
    pub fn aum(&self) -> Decimal {
        self.deposits + self.wealth + self.funds + self.insurance + self.bonds + self.other
    }

    /// Investment assets (wealth products, funds, insurance, bonds), which decide the preference segment.
    pub fn investment(&self) -> Decimal {
        self.wealth + self.funds + self.insurance + self.bonds
    }

    /// The classes in display order with their amounts.
    pub fn by_class(&self) -> [(AssetClass, Decimal); 6] {
        [
            (AssetClass::Deposits, self.deposits),
            (AssetClass::Wealth, self.wealth),
            (AssetClass::Funds, self.funds),
            (AssetClass::Insurance, self.insurance),
            (AssetClass::Bonds, self.bonds),
            (AssetClass::Other, self.other),
        ]
    }
}

/// An asset class of the balance sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssetClass {
    Deposits,
    Wealth,
    Funds,
    Insurance,
    Bonds,
    Other,
}

/// Balances as of a date (one row per customer per date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub as_of: NaiveDate,
    pub balances: Balances,
}

/// The preference segment axis (投资型/储蓄型).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preference {
    Investment,
    Savings,
}

impl Preference {
    /// `investment` or `savings`.
    pub fn key(self) -> &'static str {
        match self {
            Preference::Investment => "investment",
            Preference::Savings => "savings",
        }
    }

    /// Parses a stored key.
    pub fn from_key(key: &str) -> Option<Preference> {
        match key {
            "investment" => Some(Preference::Investment),
            "savings" => Some(Preference::Savings),
            _ => None,
        }
    }
}

/// A customer as imported from the core banking system, keyed by the bank's customer number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Customer {
    /// The bank's customer number (客户号): the natural key, so re-imports update instead of duplicating.
    pub customer_no: String,
    pub name: String,
    pub gender: Option<Gender>,
    pub birth_date: Option<NaiveDate>,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub occupation: Option<String>,
    /// The managing relationship manager's staff number (管户经理工号).
    pub manager_no: Option<String>,
    pub risk_level: Option<RiskLevel>,
    pub risk_assessed_on: Option<NaiveDate>,
    pub first_trade_on: Option<NaiveDate>,
    pub tags: Vec<String>,
    /// The manager's own judgement of the preference, which wins over the computed one.
    pub preference_override: Option<Preference>,
}

impl Customer {
    /// The birth date recorded, else the one encoded in an 18-digit mainland ID number.
    pub fn effective_birth_date(&self) -> Option<NaiveDate> {
        self.birth_date
            .or_else(|| self.id_number.as_deref().and_then(birth_date_from_id))
    }
}

/// Reads the birth date encoded in positions 7–14 of an 18-digit mainland resident ID.
pub fn birth_date_from_id(id: &str) -> Option<NaiveDate> {
    if id.len() != 18 || !id.is_ascii() {
        return None;
    }
    NaiveDate::parse_from_str(id.get(6..14)?, "%Y%m%d").ok()
}

/// Whole years between `birth` and `today` (the age on `today`).
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> i32 {
    use chrono::Datelike;
    let mut age = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// The product kinds a holding or a sale can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductKind {
    Fund,
    Wealth,
    Insurance,
    Deposit,
    Bond,
    CreditCard,
    EBanking,
    MobileBanking,
    Payroll,
    Other,
}

impl ProductKind {
    /// Every kind, in display order.
    pub const ALL: [ProductKind; 10] = [
        ProductKind::Fund,
        ProductKind::Wealth,
        ProductKind::Insurance,
        ProductKind::Deposit,
        ProductKind::Bond,
        ProductKind::CreditCard,
        ProductKind::EBanking,
        ProductKind::MobileBanking,
        ProductKind::Payroll,
        ProductKind::Other,
    ];

    /// The stable key, as stored and exported.
    pub fn key(self) -> &'static str {
        match self {
            ProductKind::Fund => "fund",
            ProductKind::Wealth => "wealth",
            ProductKind::Insurance => "insurance",
            ProductKind::Deposit => "deposit",
            ProductKind::Bond => "bond",
            ProductKind::CreditCard => "credit_card",
            ProductKind::EBanking => "e_banking",
            ProductKind::MobileBanking => "mobile_banking",
            ProductKind::Payroll => "payroll",
            ProductKind::Other => "other",
        }
    }

    /// Accepts the key, the English word and the Chinese names a bank export uses.
    pub fn parse(text: &str) -> Option<ProductKind> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase().replace([' ', '-'], "_");
        for kind in ProductKind::ALL {
            if lower == kind.key() {
                return Some(kind);
            }
        }
        Some(match lower.as_str() {
            "funds" => ProductKind::Fund,
            "wealth_product" | "wmp" => ProductKind::Wealth,
            "bonds" => ProductKind::Bond,
            "deposits" | "time_deposit" => ProductKind::Deposit,
            "基金" => ProductKind::Fund,
            "理财" | "理财产品" => ProductKind::Wealth,
            "保险" => ProductKind::Insurance,
            "存款" | "定期" | "定期存款" | "大额存单" => ProductKind::Deposit,
            "国债" | "债券" => ProductKind::Bond,
            "信用卡" => ProductKind::CreditCard,
            "网银" | "网上银行" => ProductKind::EBanking,
            "手机银行" => ProductKind::MobileBanking,
            "代发工资" | "代发" => ProductKind::Payroll,
            "其他" => ProductKind::Other,
            _ => return None,
        })
    }
}

/// A product the customer holds (from the holdings import, later also from logged sales).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    pub kind: ProductKind,
    pub product_code: String,
    pub product_name: String,
    pub amount: Decimal,
    pub start_on: Option<NaiveDate>,
    pub maturity_on: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn aum_adds_every_class() {
        let b = Balances {
            deposits: dec!(1),
            wealth: dec!(2),
            funds: dec!(3),
            insurance: dec!(4),
            bonds: dec!(5),
            other: dec!(6),
        };
        assert_eq!(b.aum(), dec!(21));
        assert_eq!(b.investment(), dec!(14));
    }

    #[test]
    fn risk_levels_parse_codes_and_chinese_names() {
        assert_eq!(RiskLevel::parse("c3"), Some(RiskLevel::C3));
        assert_eq!(RiskLevel::parse("进取型"), Some(RiskLevel::C5));
        assert_eq!(RiskLevel::parse("保守型"), Some(RiskLevel::C1));
        assert_eq!(RiskLevel::parse("C6"), None);
    }

    #[test]
    fn age_counts_whole_years() {
        assert_eq!(age_on(d(1986, 11, 24), d(2026, 11, 24)), 40);
        assert_eq!(age_on(d(1986, 11, 25), d(2026, 11, 24)), 39);
    }

    #[test]
    fn birth_date_comes_from_the_id_when_missing() {
        assert_eq!(
            birth_date_from_id("110101199003074512"),
            Some(d(1990, 3, 7))
        );
        assert_eq!(birth_date_from_id("110101199002304512"), None);
        let c = Customer {
            id_number: Some("110101199003074512".into()),
            ..Customer::default()
        };
        assert_eq!(c.effective_birth_date(), Some(d(1990, 3, 7)));
    }

    #[test]
    fn product_kinds_parse_chinese() {
        assert_eq!(ProductKind::parse("理财"), Some(ProductKind::Wealth));
        assert_eq!(
            ProductKind::parse("Credit card"),
            Some(ProductKind::CreditCard)
        );
        assert_eq!(ProductKind::parse("国债"), Some(ProductKind::Bond));
        assert_eq!(ProductKind::parse("股票"), None);
    }
}
