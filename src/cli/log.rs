//! `guanhu log KIND [CUSTOMER_NO]`: one diary entry from a script — the flags read into a
//! draft, checked by `domain::diary`, written by `service::diary`, and its number printed.

use chrono::NaiveDate;
use clap::Args;

use super::flags::{date_arg, time_error};
use super::output::{After, emit_lines};
use crate::domain::customer::{ProductKind, RiskLevel};
use crate::domain::diary::{EntryDraft, EntryKind, Outcome, Sale};
use crate::domain::money::parse_money;
use crate::domain::when::{parse_follow_up, parse_moment};
use crate::error::{Error, Result};
use crate::i18n::{Lang, T, fill};
use crate::service::{self, diary};
use crate::store::Store;

/// Options of `guanhu log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// call, sms, wechat, visit, sale, risk_assessment (or risk), memo or reflection.
    pub kind: String,
    /// The customer number (not for memo and reflection); the same as --customer.
    #[arg(value_name = "CUSTOMER_NO")]
    pub customer_no: Option<String>,
    /// The customer number (not for memo and reflection).
    #[arg(long)]
    pub customer: Option<String>,
    /// reached, not_reached, callback_requested or refused (default reached for calls and visits).
    #[arg(long)]
    pub outcome: Option<String>,
    #[arg(long, default_value = "")]
    pub note: String,
    /// When it happened: YYYY-MM-DD HH:MM or HH:MM (default: now).
    #[arg(long)]
    pub at: Option<String>,
    /// A follow-up: +1h, +1d, tomorrow 10:00, a date.
    #[arg(long)]
    pub follow_up: Option<String>,
    /// For a sale: fund, wealth, insurance, deposit, bond, credit_card, e_banking, mobile_banking, payroll, other.
    #[arg(long)]
    pub product_kind: Option<String>,
    #[arg(long, default_value = "")]
    pub product_name: String,
    #[arg(long)]
    pub amount: Option<String>,
    #[arg(long)]
    pub maturity: Option<String>,
    /// For a risk assessment: C1–C5.
    #[arg(long)]
    pub risk_level: Option<String>,
}

/// `guanhu log …`
pub fn run_log(
    lang: Lang,
    today: NaiveDate,
    limits: &crate::domain::limits::LimitsPolicy,
    store: &mut Store,
    manager: Option<String>,
    args: &LogArgs,
) -> Result<i32> {
    let bad = |flag: &str, text: &str| {
        Error::Input(fill(
            lang.pick("{}：看不懂“{}”", "{}: cannot read \"{}\""),
            &[&flag, &text],
        ))
    };
    let kind = entry_kind(&args.kind).ok_or_else(|| bad("KIND", &args.kind))?;
    let customer_no = match (&args.customer_no, &args.customer) {
        (Some(a), Some(b)) if a.trim() != b.trim() => {
            return Err(Error::Input(fill(T::CliCustomerTwice.get(lang), &[a, b])));
        }
        (Some(no), _) | (None, Some(no)) => Some(no.trim().to_string()),
        (None, None) => None,
    };
    let now = crate::clock::now_on(today);
    let occurred_at = match &args.at {
        Some(t) => parse_moment(t, now).map_err(|p| time_error(lang, "--at", t, p))?,
        None => now,
    };
    let follow_up_at = match &args.follow_up {
        Some(t) => {
            parse_follow_up(t, occurred_at).map_err(|p| time_error(lang, "--follow-up", t, p))?
        }
        None => None,
    };
    let outcome = match &args.outcome {
        Some(t) => Some(Outcome::from_key(t.trim()).ok_or_else(|| bad("--outcome", t))?),
        None => kind.has_outcome().then_some(Outcome::Reached),
    };
    let sale = if kind == EntryKind::Sale {
        let text = args.product_kind.as_deref().unwrap_or("other");
        Some(Sale {
            product_kind: ProductKind::parse(text).ok_or_else(|| bad("--product-kind", text))?,
            product_code: String::new(),
            product_name: args.product_name.clone(),
            amount: match &args.amount {
                Some(t) => Some(parse_money(t).ok_or_else(|| bad("--amount", t))?),
                None => None,
            },
            maturity_on: match &args.maturity {
                Some(t) => Some(date_arg(lang, "--maturity", t)?),
                None => None,
            },
        })
    } else {
        None
    };
    let risk_level = match &args.risk_level {
        Some(t) => Some(RiskLevel::parse(t).ok_or_else(|| bad("--risk-level", t))?),
        None => None,
    };
    let draft = EntryDraft {
        kind,
        customer_no,
        occurred_at,
        outcome,
        note: args.note.clone(),
        follow_up_at,
        sale,
        risk_level,
    };
    crate::domain::diary::validate_draft(&draft, limits).map_err(Error::Draft)?;
    let manager = match manager {
        Some(no) => Some(no),
        None => service::resolve_manager(store, None)?,
    };
    let ids = diary::log_entries(store, manager.as_deref(), &[draft], now)?;
    let text = fill(
        lang.pick("已记录日志 #{}", "Logged entry #{}"),
        &[&ids.first().copied().unwrap_or(0)],
    );
    emit_lines(&[text], After::Commit)?;
    Ok(0)
}

/// A diary kind as typed on the command line: its key, or `risk` for `risk_assessment`.
fn entry_kind(text: &str) -> Option<EntryKind> {
    match text.trim() {
        "risk" => Some(EntryKind::RiskAssessment),
        key => EntryKind::from_key(key),
    }
}
