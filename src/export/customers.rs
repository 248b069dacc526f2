//! The customer list export (管户客户清单): one row per customer with tier, segments,
//! lifecycle, AUM, manager, the phone and ID numbers masked unless asked, risk level and
//! dates, as CSV, XLSX or JSON. Its columns are described once here; the CLI only selects.

use std::io::Write;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{Cell, ExportFormat, date_text, write_json, write_table};
use crate::domain::customer::RiskLevel;
use crate::domain::mask::{mask_id, mask_phone};
use crate::domain::names::{age_name, lifecycle_name, preference_name};
use crate::domain::policy::Policy;
use crate::domain::portfolio::CustomerSummary;
use crate::error::Result;
use crate::i18n::Lang;

/// The header of the customer export (CSV and XLSX).
pub fn customers_header(lang: Lang) -> [&'static str; 14] {
    [
        lang.pick("客户号", "Customer no."),
        lang.pick("姓名", "Name"),
        lang.pick("分层", "Tier"),
        lang.pick("年龄群组", "Age segment"),
        lang.pick("偏好群组", "Preference"),
        lang.pick("生命周期", "Lifecycle"),
        lang.pick("资产", "AUM"),
        lang.pick("管户经理", "Manager"),
        lang.pick("手机号", "Phone"),
        lang.pick("证件号码", "ID number"),
        lang.pick("风险等级", "Risk level"),
        lang.pick("风险测评日期", "Risk assessed on"),
        lang.pick("首次交易日", "First trade"),
        lang.pick("标签", "Tags"),
    ]
}

/// One customer in JSON: the keys of `guanhu customers --format json` (codes, not words),
/// then the rest of the export's columns.
#[derive(Debug, Serialize)]
struct CustomerJson<'a> {
    customer_no: &'a str,
    name: &'a str,
    tier: &'a str,
    age_segment: &'static str,
    preference_segment: &'static str,
    lifecycle: &'static str,
    aum: String,
    manager_no: Option<&'a str>,
    phone: Option<String>,
    id_number: Option<String>,
    risk_level: Option<&'static str>,
    risk_assessed_on: Option<String>,
    first_trade_on: Option<String>,
    tags: &'a [String],
}

/// A number shown masked unless `unmasked`; blank means absent.
fn shown(value: Option<&String>, unmasked: bool, mask: fn(&str) -> String) -> Option<String> {
    value
        .filter(|v| !v.trim().is_empty())
        .map(|v| if unmasked { v.clone() } else { mask(v) })
}

fn tier_word(policy: &Policy, tier: usize, lang: Lang) -> &str {
    policy
        .tiers
        .get(tier)
        .map_or("?", |t| lang.pick(t.zh.as_str(), t.en.as_str()))
}

fn cells(policy: &Policy, s: &CustomerSummary, lang: Lang, unmasked: bool) -> Vec<Cell> {
    let c = &s.customer;
    vec![
        Cell::Text(c.customer_no.clone()),
        Cell::Text(c.name.clone()),
        Cell::Text(tier_word(policy, s.class.tier, lang).to_string()),
        Cell::Text(age_name(lang, s.class.age).to_string()),
        Cell::Text(preference_name(lang, s.class.preference).to_string()),
        Cell::Text(lifecycle_name(lang, s.class.lifecycle).to_string()),
        Cell::Amount(s.class.aum),
        Cell::opt_text(c.manager_no.as_deref()),
        Cell::opt_text(shown(c.phone.as_ref(), unmasked, mask_phone)),
        Cell::opt_text(shown(c.id_number.as_ref(), unmasked, mask_id)),
        Cell::opt_text(c.risk_level.map(RiskLevel::key)),
        c.risk_assessed_on.map_or(Cell::Empty, Cell::Date),
        c.first_trade_on.map_or(Cell::Empty, Cell::Date),
        Cell::Text(c.tags.join(lang.pick("、", ", "))),
    ]
}

fn json<'a>(policy: &'a Policy, s: &'a CustomerSummary, unmasked: bool) -> CustomerJson<'a> {
    let c = &s.customer;
    let day = |d: Option<NaiveDate>| d.map(date_text);
    CustomerJson {
        customer_no: &c.customer_no,
        name: &c.name,
        tier: policy
            .tiers
            .get(s.class.tier)
            .map_or("?", |t| t.key.as_str()),
        age_segment: s.class.age.key(),
        preference_segment: s.class.preference.key(),
        lifecycle: s.class.lifecycle.key(),
        aum: json_amount(s.class.aum),
        manager_no: c.manager_no.as_deref(),
        phone: shown(c.phone.as_ref(), unmasked, mask_phone),
        id_number: shown(c.id_number.as_ref(), unmasked, mask_id),
        risk_level: c.risk_level.map(RiskLevel::key),
        risk_assessed_on: day(c.risk_assessed_on),
        first_trade_on: day(c.first_trade_on),
        tags: &c.tags,
    }
}

/// AUM in JSON as `guanhu customers --format json` has always written it (the decimal's own
/// text, `425000`), so a script reading either sees the same value.
fn json_amount(aum: Decimal) -> String {
    aum.to_string()
}

/// The customer list in the order given.
pub fn export_customers(
    policy: &Policy,
    customers: &[&CustomerSummary],
    format: ExportFormat,
    lang: Lang,
    unmasked: bool,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_customers(&mut out, policy, customers, format, lang, unmasked)?;
    Ok(out)
}

/// `export_customers` into a writer; errors as for `write_diary`.
pub fn write_customers(
    out: impl Write,
    policy: &Policy,
    customers: &[&CustomerSummary],
    format: ExportFormat,
    lang: Lang,
    unmasked: bool,
) -> Result<()> {
    match format {
        ExportFormat::Json => {
            let rows: Vec<_> = customers
                .iter()
                .map(|s| json(policy, s, unmasked))
                .collect();
            write_json(out, &rows)
        }
        ExportFormat::Csv | ExportFormat::Xlsx => write_table(
            out,
            format,
            lang.pick("客户清单", "Customers"),
            &customers_header(lang),
            customers.iter().map(|s| cells(policy, s, lang, unmasked)),
        ),
    }
}
