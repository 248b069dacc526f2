//! `guanhu customers`: the book filtered by tier and segment, as a table, CSV (cells made safe for Excel) or JSON. Classification comes from `service`; this file only filters and prints.

use chrono::NaiveDate;

use crate::cli::{CustomersArgs, ListFormat};
use crate::cli_output::{After, emit_bytes, emit_lines, neutral_csv, terminal_cell};
use crate::domain::policy::Policy;
use crate::domain::portfolio::CustomerSummary;
use crate::error::{Error, Result};
use crate::i18n::{Lang, fill};
use crate::service;
use crate::store::Store;

/// Runs `guanhu customers`.
pub fn list_customers(
    lang: Lang,
    today: NaiveDate,
    policy: &Policy,
    store: &Store,
    requested: Option<String>,
    args: &CustomersArgs,
) -> Result<i32> {
    let manager = match requested {
        Some(no) => service::resolve_manager(store, Some(&no))?,
        None => None,
    };
    let book = service::load_portfolio(store, policy, today, manager.as_deref())?;
    let tier = match &args.tier {
        Some(key) => Some(policy.tier_index(key).ok_or_else(|| {
            let keys: Vec<&str> = policy.tiers.iter().map(|t| t.key.as_str()).collect();
            Error::Input(fill(
                lang.pick("未知分层 {}（可用：{}）", "unknown tier {} (use: {})"),
                &[key, &keys.join(", ")],
            ))
        })?),
        None => None,
    };
    let segment = args.segment.as_deref();
    if let Some(seg) = segment
        && !matches!(seg, "young" | "senior" | "investment" | "savings")
    {
        return Err(Error::Input(fill(
            lang.pick(
                "未知群组 {}（可用：young, senior, investment, savings）",
                "unknown segment {} (use: young, senior, investment, savings)",
            ),
            &[&seg],
        )));
    }
    let selected: Vec<&CustomerSummary> = book
        .iter()
        .filter(|c| tier.is_none_or(|t| c.class.tier == t))
        .filter(|c| {
            segment.is_none_or(|seg| seg == c.class.age.key() || seg == c.class.preference.key())
        })
        .collect();
    let listings: Vec<_> = selected
        .iter()
        .map(|c| service::customer_listing(policy, c, args.unmasked))
        .collect();
    match args.format {
        ListFormat::Json => {
            let mut text =
                serde_json::to_string_pretty(&listings).map_err(|e| Error::Input(e.to_string()))?;
            text.push('\n');
            emit_bytes(text.as_bytes(), After::Reading)?;
        }
        ListFormat::Csv => {
            let bytes = neutral_csv(&listings).map_err(|e| Error::io("CSV", e))?;
            emit_bytes(&bytes, After::Reading)?;
        }
        ListFormat::Table => {
            let lines: Vec<String> = listings
                .iter()
                .map(|l| {
                    [
                        l.customer_no.as_str(),
                        &l.name,
                        &l.tier,
                        &l.age_segment,
                        &l.preference_segment,
                        &l.lifecycle,
                        &crate::domain::money::format_plain(l.aum),
                        l.manager_no.as_deref().unwrap_or("-"),
                        l.phone.as_deref().unwrap_or("-"),
                    ]
                    .map(terminal_cell)
                    .join("\t")
                })
                .collect();
            emit_lines(&lines, After::Reading)?;
        }
    }
    Ok(0)
}
