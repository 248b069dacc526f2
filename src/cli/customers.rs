//! `guanhu customers`: the book filtered by tier and segment, as a table, CSV (the customer export's, `crate::export`) or JSON. Classification comes from `service`; this file only filters and prints.

use chrono::NaiveDate;

use clap::Args;

use super::output::{After, ListFormat, emit_bytes, print_rows};
use crate::domain::policy::Policy;
use crate::domain::portfolio::CustomerSummary;
use crate::error::{Error, Result};
use crate::i18n::{Lang, fill};
use crate::service;
use crate::store::Store;

/// Options of `guanhu customers`.
#[derive(Debug, Args)]
pub struct CustomersArgs {
    /// Only this tier (policy key: mass, potential, quality, high).
    #[arg(long)]
    pub tier: Option<String>,
    /// Only this segment: young, senior, investment or savings.
    #[arg(long)]
    pub segment: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
    /// Show phone (and, in CSV, ID) numbers in full.
    #[arg(long)]
    pub unmasked: bool,
    /// Add, edit, note or relate instead of listing.
    #[command(subcommand)]
    pub action: Option<super::customer_book::CustomersAction>,
}

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
    let selected = select(
        lang,
        policy,
        &book,
        args.tier.as_deref(),
        args.segment.as_deref(),
    )?;
    if args.format == ListFormat::Csv {
        // One customer CSV: the same bytes as `guanhu export customers`.
        let bytes = crate::export::export_customers(
            policy,
            &selected,
            crate::export::ExportFormat::Csv,
            lang,
            args.unmasked,
        )?;
        return emit_bytes(&bytes, After::Reading).map(|()| 0);
    }
    let listings: Vec<_> = selected
        .iter()
        .map(|c| service::customer_listing(policy, c, args.unmasked))
        .collect();
    print_rows(&listings, args.format.into(), After::Reading, None, |l| {
        vec![
            l.customer_no.clone(),
            l.name.clone(),
            l.tier.clone(),
            l.age_segment.clone(),
            l.preference_segment.clone(),
            l.lifecycle.clone(),
            crate::domain::money::format_plain(l.aum),
            l.manager_no.clone().unwrap_or_else(|| "-".to_string()),
            l.phone.clone().unwrap_or_else(|| "-".to_string()),
        ]
    })?;
    Ok(0)
}

/// The customers of `book` in `tier` (a policy key) and `segment` (young, senior,
/// investment, savings), either unset meaning all; an unknown key is refused naming the
/// ones there are.
pub(super) fn select<'a>(
    lang: Lang,
    policy: &Policy,
    book: &'a [CustomerSummary],
    tier: Option<&str>,
    segment: Option<&str>,
) -> Result<Vec<&'a CustomerSummary>> {
    let tier = match tier {
        Some(key) => Some(policy.tier_index(key).ok_or_else(|| {
            let keys: Vec<&str> = policy.tiers.iter().map(|t| t.key.as_str()).collect();
            Error::Input(fill(
                lang.pick("未知分层 {}（可用：{}）", "unknown tier {} (use: {})"),
                &[&key, &keys.join(", ")],
            ))
        })?),
        None => None,
    };
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
    Ok(book
        .iter()
        .filter(|c| tier.is_none_or(|t| c.class.tier == t))
        .filter(|c| {
            segment.is_none_or(|seg| seg == c.class.age.key() || seg == c.class.preference.key())
        })
        .collect())
}
