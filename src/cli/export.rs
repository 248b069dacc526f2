//! `guanhu export diary|fund-ledger|wealth-ledger|sms-list|customers`: the flags, the period,
//! the selection, and where the bytes go (an owner-only file or standard output; a binary
//! workbook never to a terminal). The bytes
//! themselves are written by `crate::export`; what is loaded comes from `service`.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand, ValueEnum};

use super::flags::date_arg;
use super::output::{After, emit_bytes, note, write_file};
use crate::domain::customer::ProductKind;
use crate::domain::policy::Policy;
use crate::error::{Error, Result};
use crate::export;
use crate::i18n::{Lang, fill};
use crate::service::{self, diary};
use crate::store::Store;

/// `guanhu export …`
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Every diary entry of the period.
    Diary(ExportArgs),
    /// Fund sales of the period (基金销售台账).
    FundLedger(ExportArgs),
    /// Wealth-product sales of the period (理财产品销售台账).
    WealthLedger(ExportArgs),
    /// Names, full phone numbers and a personalised message, for the bank's SMS platform.
    SmsList(SmsListArgs),
    /// The customer list (tier, segments, AUM, masked phone and ID).
    Customers(CustomersExportArgs),
}

/// Options of `guanhu export customers`.
#[derive(Debug, Args)]
pub struct CustomersExportArgs {
    /// Only this tier (policy key: mass, potential, quality, high).
    #[arg(long)]
    pub tier: Option<String>,
    /// Only this segment: young, senior, investment or savings.
    #[arg(long)]
    pub segment: Option<String>,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: FileKind,
    /// Show phone and ID numbers in full.
    #[arg(long)]
    pub unmasked: bool,
    /// Write to this file (created owner-only) instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Options of the diary and ledger exports.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// First day (default: the first of this month).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day (default: today).
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: FileKind,
    /// Show phone and ID numbers in full.
    #[arg(long)]
    pub unmasked: bool,
    /// Write to this file (created owner-only) instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Export file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileKind {
    Csv,
    Json,
    /// An Excel workbook; binary, so it needs `--out FILE` on a terminal.
    Xlsx,
}

/// Options of `guanhu export sms-list`.
#[derive(Debug, Args)]
pub struct SmsListArgs {
    /// The message; {name} becomes the customer's name.
    #[arg(long, default_value = "{name}您好，")]
    pub template: String,
    /// Only this tier (policy key).
    #[arg(long)]
    pub tier: Option<String>,
    /// Only this segment: young, senior, investment or savings.
    #[arg(long)]
    pub segment: Option<String>,
    /// Only customers with no contact since this date.
    #[arg(long)]
    pub not_contacted_since: Option<String>,
    /// csv or xlsx (the SMS platform reads no JSON).
    #[arg(long, value_enum, default_value = "csv")]
    pub format: SmsFormat,
    /// Write to this file (created owner-only) instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// File formats of the SMS list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SmsFormat {
    Csv,
    Xlsx,
}

fn period(lang: Lang, today: NaiveDate, args: &ExportArgs) -> Result<(NaiveDate, NaiveDate)> {
    let from = match &args.from {
        Some(t) => date_arg(lang, "--from", t)?,
        None => today.with_day(1).unwrap_or(today),
    };
    let to = match &args.to {
        Some(t) => date_arg(lang, "--to", t)?,
        None => today,
    };
    Ok((from, to))
}

/// Writes to the file (owner-only, replaced whole: it holds personal data) or to standard
/// output.
pub(super) fn write_out(out: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(path) => write_file(path, bytes),
        None => emit_bytes(bytes, After::Reading),
    }
}

/// Refuses a binary workbook bound for a terminal before anything is loaded or noted: it
/// would print as garbage and could leave the terminal in a strange state. A pipe or a
/// redirect is fine.
pub(super) fn binary_needs_a_file(lang: Lang, binary: bool, out: Option<&Path>) -> Result<()> {
    use std::io::IsTerminal;
    if binary && out.is_none() && std::io::stdout().is_terminal() {
        return Err(Error::Input(
            lang.pick(
                "xlsx 是二进制文件，不能输出到终端：请用 --out 文件名 指定文件（或重定向到文件）",
                "xlsx is a binary file and is not written to a terminal: give --out FILE (or redirect to a file)",
            )
            .to_string(),
        ));
    }
    Ok(())
}

fn format_of(kind: FileKind) -> export::ExportFormat {
    match kind {
        FileKind::Csv => export::ExportFormat::Csv,
        FileKind::Json => export::ExportFormat::Json,
        FileKind::Xlsx => export::ExportFormat::Xlsx,
    }
}

/// `guanhu export …`
pub fn run_export(
    lang: Lang,
    today: NaiveDate,
    policy: &Policy,
    store: &Store,
    manager: Option<String>,
    command: &ExportCommand,
) -> Result<i32> {
    let (binary, out) = match command {
        ExportCommand::Diary(a) | ExportCommand::FundLedger(a) | ExportCommand::WealthLedger(a) => {
            (a.format == FileKind::Xlsx, a.out.as_deref())
        }
        ExportCommand::SmsList(a) => (a.format == SmsFormat::Xlsx, a.out.as_deref()),
        ExportCommand::Customers(a) => (a.format == FileKind::Xlsx, a.out.as_deref()),
    };
    binary_needs_a_file(lang, binary, out)?;
    let manager = match manager {
        Some(no) => service::resolve_manager(store, Some(&no))?,
        None => None,
    };
    match command {
        ExportCommand::Diary(args) => {
            let (from, to) = period(lang, today, args)?;
            let entries = diary::load_period(store, manager.as_deref(), from, to)?;
            let book = service::load_portfolio(store, policy, today, None)?;
            let contacts = export::contacts(&book);
            let bytes = export::export_diary(
                &entries,
                &contacts,
                format_of(args.format),
                lang,
                args.unmasked,
            )?;
            if args.unmasked {
                note(personal_data_note(lang));
            }
            write_out(args.out.as_deref(), &bytes)?;
        }
        ExportCommand::FundLedger(args) | ExportCommand::WealthLedger(args) => {
            let kind = match command {
                ExportCommand::FundLedger(_) => ProductKind::Fund,
                _ => ProductKind::Wealth,
            };
            let (from, to) = period(lang, today, args)?;
            let entries = diary::load_period(store, manager.as_deref(), from, to)?;
            let bytes = export::export_ledger(&entries, kind, format_of(args.format), lang)?;
            write_out(args.out.as_deref(), &bytes)?;
        }
        ExportCommand::SmsList(args) => {
            let bytes = sms_list(lang, today, policy, store, manager.as_deref(), args)?;
            note(personal_data_note(lang));
            write_out(args.out.as_deref(), &bytes)?;
        }
        ExportCommand::Customers(args) => {
            let book = service::load_portfolio(store, policy, today, manager.as_deref())?;
            let selected = super::customers::select(
                lang,
                policy,
                &book,
                args.tier.as_deref(),
                args.segment.as_deref(),
            )?;
            let bytes = export::export_customers(
                policy,
                &selected,
                format_of(args.format),
                lang,
                args.unmasked,
            )?;
            if args.unmasked {
                note(personal_data_note(lang));
            }
            write_out(args.out.as_deref(), &bytes)?;
        }
    }
    Ok(0)
}

fn personal_data_note(lang: Lang) -> &'static str {
    lang.pick(
        "注意：该文件含客户姓名和完整手机号，属个人信息，请只在行内系统使用，用后删除。",
        "Note: this file holds customers' names and full phone numbers (personal data); use it only in the bank's systems and delete it afterwards.",
    )
}

fn sms_list(
    lang: Lang,
    today: NaiveDate,
    policy: &Policy,
    store: &Store,
    manager: Option<&str>,
    args: &SmsListArgs,
) -> Result<Vec<u8>> {
    let book = service::load_portfolio(store, policy, today, manager)?;
    let tier = match &args.tier {
        Some(key) => Some(policy.tier_index(key).ok_or_else(|| {
            Error::Input(fill(lang.pick("未知分层 {}", "unknown tier {}"), &[key]))
        })?),
        None => None,
    };
    let contacted = match &args.not_contacted_since {
        Some(t) => Some(diary::contacted_since(
            store,
            date_arg(lang, "--not-contacted-since", t)?,
        )?),
        None => None,
    };
    let selected: Vec<_> = book
        .into_iter()
        .filter(|c| tier.is_none_or(|t| c.class.tier == t))
        .filter(|c| {
            args.segment
                .as_deref()
                .is_none_or(|seg| seg == c.class.age.key() || seg == c.class.preference.key())
        })
        .filter(|c| {
            contacted
                .as_ref()
                .is_none_or(|set| !set.contains(&c.customer.customer_no))
        })
        .collect();
    let format = match args.format {
        SmsFormat::Csv => export::ExportFormat::Csv,
        SmsFormat::Xlsx => export::ExportFormat::Xlsx,
    };
    let mut bytes = Vec::new();
    export::write_sms_list(&mut bytes, &selected, &args.template, format, lang)?;
    Ok(bytes)
}
