//! The command line: clap definitions, resolving settings (flags over config over defaults), and printing for the non-interactive commands. Business rules live in `service` and `domain`.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::App;
use crate::clock;
use crate::config::{self, ConfigFile};
use crate::domain::policy::Policy;
use crate::domain::portfolio::CustomerSummary;
use crate::error::{Error, Result};
use crate::i18n::{Lang, fill};
use crate::import::{self, FileFormat};
use crate::service::{self, ImportReport};
use crate::store::Store;
use crate::tui;

/// guanhu (管户): the relationship manager's customer book, daily work queue and diary.
#[derive(Debug, Parser)]
#[command(name = "guanhu", version, about)]
pub struct Cli {
    /// Store file (default: guanhu.db in the platform data directory).
    #[arg(long, global = true, env = "GUANHU_DB")]
    pub db: Option<PathBuf>,
    /// Policy file merged over the built-in policy.
    #[arg(long, global = true)]
    pub policy: Option<PathBuf>,
    /// Today's date, YYYY-MM-DD (default: the clock).
    #[arg(long, global = true, env = "GUANHU_TODAY")]
    pub today: Option<String>,
    /// Manager staff number whose customers to show.
    #[arg(long, global = true)]
    pub manager: Option<String>,
    /// Language: zh or en (default: config file, then the locale).
    #[arg(long, global = true)]
    pub lang: Option<String>,
    /// Open the app on a freshly generated demo store (a throw-away file).
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import customers or holdings from the core system's CSV or XLSX export.
    #[command(subcommand)]
    Import(ImportCommand),
    /// List customers with tier, segments, lifecycle and AUM.
    Customers(CustomersArgs),
    /// Write a deterministic demo store.
    Demo(DemoArgs),
    /// Check the store: SQLite integrity and the app's own consistency checks.
    Check,
    /// Export the diary, the ledgers or an SMS list (CSV with BOM for Excel, or JSON).
    #[command(subcommand)]
    Export(ExportCommand),
    /// Log a contact, sale or note from a script.
    Log(LogArgs),
    /// Today's work queue: whom to contact, how, and why.
    Queue(QueueArgs),
    /// List staff with their customers and AUM; add or change staff and roles.
    Managers(crate::cli_admin::ManagersArgs),
    /// Move customers to a manager (with history), by hand or by the policy's rules.
    Assign(crate::cli_admin::AssignArgs),
    /// A manager's week against the targets, as Markdown or JSON (周报).
    Review(ReviewArgs),
    /// Every manager's week side by side with the team total (展板).
    Board(BoardArgs),
}

/// Options of `guanhu review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// ISO week, such as 2026-W47 (default: the week of --today).
    #[arg(long)]
    pub week: Option<String>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ReviewFormat,
}

/// Options of `guanhu board`.
#[derive(Debug, Args)]
pub struct BoardArgs {
    /// ISO week, such as 2026-W47 (default: the week of --today).
    #[arg(long)]
    pub week: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: BoardFormat,
    /// Sort by a column, best first: sms_coverage, contact_coverage_mtd, sales_count,
    /// sales_amount, vip_net_change, opportunities_handled, customers_lost, aum_change
    /// (default: by staff number).
    #[arg(long)]
    pub sort: Option<String>,
}

/// Output formats of the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BoardFormat {
    Table,
    Md,
    Json,
}

/// Output formats of the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    Md,
    Json,
}

/// Options of `guanhu queue`.
#[derive(Debug, Args)]
pub struct QueueArgs {
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueueFormat,
}

/// Output formats of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueueFormat {
    Table,
    Json,
}

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
    /// Write to this file (created owner-only) instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Options of `guanhu log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// call, sms, wechat, visit, sale, risk_assessment, memo or reflection.
    pub kind: String,
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

/// `guanhu import …`
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Customers with balances (one snapshot per import date).
    Customers(ImportArgs),
    /// Product holdings (kind, code, name, amount, start, maturity).
    Holdings(ImportArgs),
}

/// Options of an import.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV or XLSX file.
    pub file: PathBuf,
    /// XLSX sheet name (default: the first sheet).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Date of the balances (default: the file's as_of column, else today).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Show what would change without writing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Output formats of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
}

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
    /// Show phone numbers in full.
    #[arg(long)]
    pub unmasked: bool,
}

/// Options of `guanhu demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to write the store (must not exist yet).
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 600)]
    pub customers: usize,
    #[arg(long, default_value_t = 3)]
    pub managers: usize,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

/// Settings resolved from flags, environment and config.
struct Settings {
    lang: Lang,
    today: NaiveDate,
    policy: Policy,
    config: ConfigFile,
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    let config = config::load_config_file();
    let locale: Vec<Option<String>> = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .map(|k| std::env::var(k).ok())
        .collect();
    let lang_config = config.as_ref().cloned().unwrap_or_default();
    let lang = config::resolve_lang(cli.lang.as_deref(), &lang_config, &locale);
    let result = config.and_then(|config| {
        let today = clock::resolve_today(cli.today.as_deref(), None)?;
        let policy = config::load_policy(cli.policy.as_deref(), &config)?;
        let settings = Settings {
            lang,
            today,
            policy,
            config,
        };
        dispatch(&cli, &settings)
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("guanhu: {}", e.describe(lang));
            1
        }
    }
}

fn dispatch(cli: &Cli, s: &Settings) -> Result<i32> {
    let actor = manager_of(cli, s).unwrap_or_default();
    match &cli.command {
        None if cli.demo => run_demo_app(cli, s),
        None => {
            let mut store = Store::open(&db_path(cli, s))?;
            run_app(cli, s, &mut store, None)
        }
        Some(Command::Import(ImportCommand::Customers(args))) => {
            let mut store = Store::open(&db_path(cli, s))?;
            import_customers(s, &mut store, args)
        }
        Some(Command::Import(ImportCommand::Holdings(args))) => {
            let mut store = Store::open(&db_path(cli, s))?;
            import_holdings(s, &mut store, args)
        }
        Some(Command::Customers(args)) => {
            let store = Store::open(&db_path(cli, s))?;
            list_customers(cli, s, &store, args)
        }
        Some(Command::Demo(args)) => write_demo(s, args),
        Some(Command::Check) => {
            let store = Store::open(&db_path(cli, s))?;
            check(s, &store)
        }
        Some(Command::Export(command)) => {
            let store = Store::open(&db_path(cli, s))?;
            crate::cli_export::run_export(
                s.lang,
                s.today,
                &s.policy,
                &store,
                manager_of(cli, s),
                command,
            )
        }
        Some(Command::Queue(args)) => {
            let store = Store::open(&db_path(cli, s))?;
            crate::cli_export::run_queue(s.today, &s.policy, &store, manager_of(cli, s), args)
        }
        Some(Command::Board(args)) => {
            let store = Store::open(&db_path(cli, s))?;
            crate::cli_board::run_board(s.lang, s.today, &s.policy, &store, args)
        }
        Some(Command::Review(args)) => {
            let store = Store::open(&db_path(cli, s))?;
            crate::cli_review::run_review(
                s.lang,
                s.today,
                &s.policy,
                &store,
                manager_of(cli, s),
                args,
            )
        }
        Some(Command::Log(args)) => {
            let mut store = Store::open(&db_path(cli, s))?;
            crate::cli_export::run_log(
                s.lang,
                s.today,
                &s.policy.limits,
                &mut store,
                manager_of(cli, s),
                args,
            )
        }
        Some(Command::Managers(args)) => {
            let mut store = Store::open(&db_path(cli, s))?;
            crate::cli_admin::run_managers(&admin_context(s, &actor), &mut store, args)
        }
        Some(Command::Assign(args)) => {
            let mut store = Store::open(&db_path(cli, s))?;
            crate::cli_admin::run_assign(&admin_context(s, &actor), &mut store, args)
        }
    }
}

fn admin_context<'a>(s: &'a Settings, actor: &'a str) -> crate::cli_admin::AdminContext<'a> {
    crate::cli_admin::AdminContext {
        lang: s.lang,
        today: s.today,
        now: clock::now_on(s.today),
        policy: &s.policy,
        actor,
    }
}

fn manager_of(cli: &Cli, s: &Settings) -> Option<String> {
    cli.manager.clone().or_else(|| s.config.manager.clone())
}

fn db_path(cli: &Cli, s: &Settings) -> PathBuf {
    cli.db
        .clone()
        .or_else(|| s.config.db.clone())
        .unwrap_or_else(config::default_db_path)
}

fn run_app(cli: &Cli, s: &Settings, store: &mut Store, manager: Option<String>) -> Result<i32> {
    let requested = manager
        .or_else(|| cli.manager.clone())
        .or_else(|| s.config.manager.clone());
    let manager = service::resolve_manager(store, requested.as_deref())?;
    let mut app = App::new(
        s.lang,
        s.today,
        s.policy.clone(),
        manager,
        short_path(&store.display_path()),
    );
    // The role decides whether the Team tab is shown; read once, as the manager is.
    if let Some(no) = app.manager.clone() {
        app.role = service::board::manager_role(store, &no)?;
    }
    let mut effects = tui::Effects {
        store,
        policy: &s.policy,
        today: s.today,
    };
    tui::run(&mut app, &mut effects)?;
    Ok(0)
}

/// The store path with the home directory shown as `~`, so the status line stays short.
fn short_path(path: &str) -> String {
    match std::env::var("HOME") {
        Ok(home) if !home.is_empty() && path.starts_with(&home) => {
            format!("~{}", &path[home.len()..])
        }
        _ => path.to_string(),
    }
}

fn run_demo_app(cli: &Cli, s: &Settings) -> Result<i32> {
    // A throw-away store in a private temporary directory, removed when the app closes.
    let dir = tempfile::Builder::new()
        .prefix("guanhu-demo-")
        .tempdir()
        .map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let path = dir.path().join("demo.db");
    let mut store = Store::open(&path)?;
    let now = clock::now_on(s.today);
    let summary = service::demo::generate(
        &mut store,
        &service::demo::DemoOptions::default(),
        s.today,
        now,
    )?;
    let manager = cli.manager.clone().or(Some(summary.first_manager_no));
    run_app(cli, s, &mut store, manager)
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

fn parse_as_of(text: Option<&str>) -> Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| Error::BadToday(t.to_string()))
    })
    .transpose()
}

fn import_customers(s: &Settings, store: &mut Store, args: &ImportArgs) -> Result<i32> {
    let bytes = read_file(&args.file)?;
    let format = import::format_for_path(&args.file, &bytes);
    let plan =
        import::read_customers(&bytes, format, args.sheet.as_deref()).map_err(Error::Read)?;
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let report = service::import_customers(
        store,
        plan,
        as_of,
        s.today,
        clock::now_on(s.today),
        args.dry_run,
    )?;
    Ok(print_report(s.lang, &report, args.dry_run))
}

fn import_holdings(s: &Settings, store: &mut Store, args: &ImportArgs) -> Result<i32> {
    let bytes = read_file(&args.file)?;
    let format: FileFormat = import::format_for_path(&args.file, &bytes);
    let plan = import::read_holdings(&bytes, format, args.sheet.as_deref()).map_err(Error::Read)?;
    let report = service::import_holdings(store, plan, clock::now_on(s.today), args.dry_run)?;
    Ok(print_report(s.lang, &report, args.dry_run))
}

/// Prints counts and rejections; the exit code is 2 when anything was rejected.
fn print_report(lang: Lang, report: &ImportReport, dry_run: bool) -> i32 {
    let prefix = if dry_run {
        lang.pick("（试运行，未写入）", "(dry run, nothing written) ")
    } else {
        ""
    };
    println!(
        "{prefix}{}",
        fill(
            lang.pick(
                "新增 {}，更新 {}，未变 {}，拒绝 {}",
                "added {}, updated {}, unchanged {}, rejected {}"
            ),
            &[
                &report.added,
                &report.updated,
                &report.unchanged,
                &report.rejected_rows()
            ],
        )
    );
    for r in &report.rejected {
        println!("  {}", r.describe(lang));
    }
    if report.rejected.is_empty() { 0 } else { 2 }
}

fn list_customers(cli: &Cli, s: &Settings, store: &Store, args: &CustomersArgs) -> Result<i32> {
    let requested = cli.manager.clone().or_else(|| s.config.manager.clone());
    let manager = match requested {
        Some(no) => service::resolve_manager(store, Some(&no))?,
        None => None,
    };
    let book = service::load_portfolio(store, &s.policy, s.today, manager.as_deref())?;
    let tier = match &args.tier {
        Some(key) => Some(s.policy.tier_index(key).ok_or_else(|| {
            let keys: Vec<&str> = s.policy.tiers.iter().map(|t| t.key.as_str()).collect();
            Error::Input(fill(
                s.lang
                    .pick("未知分层 {}（可用：{}）", "unknown tier {} (use: {})"),
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
            s.lang.pick(
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
        .map(|c| service::customer_listing(&s.policy, c, args.unmasked))
        .collect();
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        ListFormat::Json => serde_json::to_writer_pretty(&mut out, &listings)
            .map_err(std::io::Error::other)
            .and_then(|_| writeln!(out)),
        ListFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            let mut result = Ok(());
            for l in &listings {
                if let Err(e) = w.serialize(l) {
                    result = Err(std::io::Error::other(e));
                    break;
                }
            }
            result.and_then(|_| w.flush())
        }
        ListFormat::Table => {
            let mut result = Ok(());
            for l in &listings {
                let line = format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    l.customer_no,
                    l.name,
                    l.tier,
                    l.age_segment,
                    l.preference_segment,
                    l.lifecycle,
                    crate::domain::money::format_plain(l.aum),
                    l.manager_no.as_deref().unwrap_or("-"),
                    l.phone.as_deref().unwrap_or("-"),
                );
                if let Err(e) = writeln!(out, "{line}") {
                    result = Err(e);
                    break;
                }
            }
            result
        }
    };
    // A closed pipe (`| head`) is not an error worth a message.
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(Error::io("stdout", e));
    }
    Ok(0)
}

fn write_demo(s: &Settings, args: &DemoArgs) -> Result<i32> {
    if args.out.exists() {
        return Err(Error::Input(fill(
            s.lang.pick(
                "{} 已存在；演示数据只写入新文件",
                "{} already exists; the demo is only written to a new file",
            ),
            &[&args.out.display()],
        )));
    }
    let mut store = Store::open(&args.out)?;
    let options = service::demo::DemoOptions {
        customers: args.customers,
        managers: args.managers.max(1),
        seed: args.seed,
    };
    let summary = service::demo::generate(&mut store, &options, s.today, clock::now_on(s.today))?;
    println!(
        "{}",
        fill(
            s.lang.pick(
                "已写入 {}：{} 位客户，{} 位客户经理（{} 为团队长），1 位柜员（{} 位客户），{} 条余额记录，{} 笔持有产品，{} 条日志。打开：guanhu --db {} --manager {}",
                "Wrote {}: {} customers, {} managers ({} the team lead), 1 counter staff ({} customers), {} balance snapshots, {} holdings, {} diary entries. Open: guanhu --db {} --manager {}",
            ),
            &[
                &args.out.display(),
                &summary.customers,
                &summary.managers,
                &summary.first_manager_no,
                &summary.counter_customers,
                &summary.snapshots,
                &summary.holdings,
                &summary.diary_entries,
                &args.out.display(),
                &summary.first_manager_no,
            ],
        )
    );
    Ok(0)
}

fn check(s: &Settings, store: &Store) -> Result<i32> {
    let integrity = store.integrity_check()?;
    let fk = store.foreign_key_violations()?;
    // Loading every customer parses every stored amount and date: a value that does not
    // parse fails here with the row's error.
    let book = service::load_portfolio(store, &s.policy, s.today, None)?;
    // The queue reads the trigger-kept contact aggregate: it must say what the diary says.
    let stale = crate::store::queue::stale_contact_rows(store.conn())?;
    // The review reads the assignment history, the rest the customer's manager: they must agree.
    let mismatched = crate::store::assignments::assignment_mismatches(store.conn())?;
    let ok = integrity == ["ok"] && fk == 0 && stale == 0 && mismatched == 0;
    println!(
        "{}",
        fill(
            s.lang.pick(
                "SQLite 完整性检查：{}；外键问题：{}；{} 位客户的余额与日期均可读取；联系汇总与日志不符：{}；客户经理与分户记录不符：{}",
                "SQLite integrity check: {}; foreign key problems: {}; balances and dates of {} customers read back; contact summary rows disagreeing with the diary: {}; customers whose manager disagrees with the assignment history: {}",
            ),
            &[&integrity.join("; "), &fk, &book.len(), &stale, &mismatched],
        )
    );
    Ok(if ok { 0 } else { 1 })
}
