//! The command line's diary and queue commands: `guanhu export …`, `guanhu log …`, `guanhu queue` — parse the flags, call the service, write the file. Business rules stay in `service` and `domain`.

use std::io::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::cli::{
    ExportArgs, ExportCommand, FileKind, LogArgs, QueueArgs, QueueFormat, SmsListArgs,
};
use crate::domain::customer::{ProductKind, RiskLevel};
use crate::domain::diary::{EntryDraft, EntryKind, Outcome, Sale};
use crate::domain::money::parse_money;
use crate::domain::policy::Policy;
use crate::domain::when::{TimeProblem, parse_follow_up, parse_moment};
use crate::error::{Error, Result};
use crate::i18n::{Lang, fill};
use crate::service::{self, diary, export};
use crate::store::Store;

fn date_arg(lang: Lang, flag: &str, text: &str) -> Result<NaiveDate> {
    crate::domain::written::read_date(text).map_err(|p| match TimeProblem::from(p) {
        TimeProblem::Unreadable => Error::Input(fill(
            lang.pick(
                "{}：“{}” 不是 YYYY-MM-DD 日期",
                "{}: \"{}\" is not a YYYY-MM-DD date",
            ),
            &[&flag, &text],
        )),
        other => time_error(lang, flag, text, other),
    })
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

/// Writes to the file (created owner-only: it holds personal data) or to standard output.
fn write_out(out: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(path) => {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create(true).truncate(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = options.open(path).map_err(|e| Error::io(path, e))?;
            file.write_all(bytes).map_err(|e| Error::io(path, e))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("stdout", e)),
                _ => Ok(()),
            }
        }
    }
}

fn format_of(kind: FileKind) -> export::ExportFormat {
    match kind {
        FileKind::Csv => export::ExportFormat::Csv,
        FileKind::Json => export::ExportFormat::Json,
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
                eprintln!("{}", personal_data_note(lang));
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
            eprintln!("{}", personal_data_note(lang));
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
    export::sms_list_in(&selected, &args.template, lang)
}

/// A typed time that could not be used, in words: unreadable, no such date, or out of range.
fn time_error(lang: Lang, flag: &str, text: &str, problem: TimeProblem) -> Error {
    let template = match problem {
        TimeProblem::Unreadable => lang.pick(
            "{}：看不懂“{}”（试试 +1h、+1天、明天 10:00、2026-12-01 15:00）",
            "{}: cannot read \"{}\" (try +1h, +1d, tomorrow 10:00, 2026-12-01 15:00)",
        ),
        TimeProblem::NoSuchDate => {
            lang.pick("{}：“{}”是不存在的日期", "{}: \"{}\" is no such date")
        }
        TimeProblem::OutOfRange => lang.pick(
            "{}：“{}”不在 1900 至 2200 年之间",
            "{}: \"{}\" is not between the years 1900 and 2200",
        ),
    };
    Error::Input(fill(template, &[&flag, &text]))
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
    let kind = EntryKind::from_key(args.kind.trim()).ok_or_else(|| bad("KIND", &args.kind))?;
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
        customer_no: args.customer.clone(),
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
    println!(
        "{}",
        fill(
            lang.pick("已记录日志 #{}", "Logged entry #{}"),
            &[&ids.first().copied().unwrap_or(0)]
        )
    );
    Ok(0)
}

/// One queue row as `guanhu queue --format json` writes it (the contract scripts rely on).
#[derive(serde::Serialize)]
struct QueueRow<'a> {
    rank: usize,
    customer_no: Option<&'a str>,
    customer_name: Option<&'a str>,
    tier: Option<&'a str>,
    reasons: Vec<QueueReason>,
    suggested: &'static str,
    score: f64,
    breakdown: &'a [crate::domain::urgency::Term],
    /// The customers of an aggregated row (the weekly SMS); empty otherwise.
    customers: &'a [String],
}

#[derive(serde::Serialize)]
struct QueueReason {
    code: &'static str,
    detail: String,
}

/// `guanhu queue`
pub fn run_queue(
    today: NaiveDate,
    policy: &Policy,
    store: &Store,
    manager: Option<String>,
    args: &QueueArgs,
) -> Result<i32> {
    let manager = service::resolve_manager(store, manager.as_deref())?;
    let now = crate::clock::now_on(today);
    let mut items = service::queue::load_today(store, policy, now, manager.as_deref())?.items;
    if let Some(limit) = args.limit {
        items.truncate(limit);
    }
    let rows: Vec<QueueRow> = items
        .iter()
        .enumerate()
        .map(|(i, item)| QueueRow {
            rank: i + 1,
            customer_no: item.customer_no.as_deref(),
            customer_name: item.customer_name.as_deref(),
            tier: item
                .tier
                .and_then(|t| policy.tiers.get(t))
                .map(|t| t.key.as_str()),
            reasons: item
                .reasons
                .iter()
                .map(|r| QueueReason {
                    code: r.code().key(),
                    detail: r.detail(),
                })
                .collect(),
            suggested: item.suggested.key(),
            score: item.score.total,
            breakdown: &item.score.terms,
            customers: &item.members,
        })
        .collect();
    let text = match args.format {
        QueueFormat::Json => {
            serde_json::to_string_pretty(&rows).map_err(|e| Error::Input(e.to_string()))? + "\n"
        }
        QueueFormat::Table => rows
            .iter()
            .map(|r| {
                let codes: Vec<&str> = r.reasons.iter().map(|x| x.code).collect();
                format!(
                    "{}\t{}\t{}\t{}\t{}\t{:.3}\t{}\n",
                    r.rank,
                    r.customer_no.unwrap_or("-"),
                    r.customer_name.unwrap_or("-"),
                    r.tier.unwrap_or("-"),
                    r.suggested,
                    r.score,
                    codes.join(",")
                )
            })
            .collect(),
    };
    write_out(None, text.as_bytes())?;
    Ok(0)
}
