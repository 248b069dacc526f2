//! The command line: clap definitions, resolving settings (flags over config over defaults), and printing for the non-interactive commands. Business rules live in `service` and `domain`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::App;
use crate::cli_store::Opening;
use crate::clock;
use crate::config::{self, ConfigFile};
use crate::domain::policy::Policy;
use crate::error::{Error, Result};
use crate::i18n::{Lang, fill};
use crate::service;
use crate::store::Store;
use crate::tui;

/// The exit status of every command, under `guanhu --help` (the README says the same).
const EXIT_STATUS: &str = "\
退出码 / Exit status:
  0  成功；或输出管道已关闭（如 | head） / ok, or the output pipe was closed (| head)
  1  其他错误（数据文件、磁盘、检查发现问题） / other errors (store, disk, check found problems)
  2  输入被拒绝（参数、日期、导入行、策略） / input rejected (a flag, a date, an import row, the policy)";

/// guanhu (管户): the relationship manager's customer book, daily work queue and diary.
#[derive(Debug, Parser)]
#[command(name = "guanhu", version, about, after_help = EXIT_STATUS)]
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

/// The command line as `main` parses it: the clap definition with the exit status under
/// every subcommand's `--help` too.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().mut_subcommands(|c| c.after_help(EXIT_STATUS))
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
        // `guanhu … | head`: the reader has what it wanted; not an error.
        Err(Error::Output { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            crate::cli_output::note(&format!("guanhu: {}", e.describe(lang)));
            match e {
                // The work is committed: a non-zero status would make a script do it twice.
                Error::Output { saved: true, .. } => 0,
                e => e.exit_code(),
            }
        }
    }
}

fn dispatch(cli: &Cli, s: &Settings) -> Result<i32> {
    let opening = match &cli.command {
        None if cli.demo => return run_demo_app(cli, s),
        Some(Command::Demo(args)) => return write_demo(s, args),
        Some(Command::Import(command)) => {
            return crate::cli_import::run_import(
                s.lang,
                s.today,
                &s.policy.limits,
                &db_path(cli, s),
                command,
            );
        }
        None => Opening::App,
        Some(Command::Managers(args)) => match args.action {
            Some(crate::cli_admin::ManagersCommand::Add { .. }) => Opening::Create,
            _ => Opening::Existing,
        },
        Some(_) => Opening::Existing,
    };
    let mut store = crate::cli_store::open(&db_path(cli, s), s.lang, opening)?;
    let result = run_on_store(cli, s, &mut store);
    crate::cli_store::close(store, s.lang);
    result
}

/// Runs a command that works on the user's store (everything but `demo` and `import`).
fn run_on_store(cli: &Cli, s: &Settings, store: &mut Store) -> Result<i32> {
    let actor = manager_of(cli, s).unwrap_or_default();
    match &cli.command {
        None => run_app(cli, s, store, None),
        Some(Command::Customers(args)) => crate::cli_customers::list_customers(
            s.lang,
            s.today,
            &s.policy,
            store,
            manager_of(cli, s),
            args,
        ),
        Some(Command::Check) => check(s, store),
        Some(Command::Export(command)) => crate::cli_export::run_export(
            s.lang,
            s.today,
            &s.policy,
            store,
            manager_of(cli, s),
            command,
        ),
        Some(Command::Queue(args)) => {
            crate::cli_export::run_queue(s.today, &s.policy, store, manager_of(cli, s), args)
        }
        Some(Command::Board(args)) => {
            crate::cli_board::run_board(s.lang, s.today, &s.policy, store, args)
        }
        Some(Command::Review(args)) => crate::cli_review::run_review(
            s.lang,
            s.today,
            &s.policy,
            store,
            manager_of(cli, s),
            args,
        ),
        Some(Command::Log(args)) => crate::cli_export::run_log(
            s.lang,
            s.today,
            &s.policy.limits,
            store,
            manager_of(cli, s),
            args,
        ),
        Some(Command::Managers(args)) => {
            crate::cli_admin::run_managers(&admin_context(s, &actor), store, args)
        }
        Some(Command::Assign(args)) => {
            crate::cli_admin::run_assign(&admin_context(s, &actor), store, args)
        }
        // Handled before the store is opened.
        Some(Command::Demo(_) | Command::Import(_)) => Ok(0),
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
    if let Some(no) = app.ctx.manager.clone() {
        app.ctx.role = service::board::manager_role(store, &no)?;
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
        Ok(home) if !home.is_empty() => match path.strip_prefix(&home) {
            Some(rest) => format!("~{rest}"),
            None => path.to_string(),
        },
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
    crate::cli_store::close(store, s.lang);
    let text = fill(
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
        );
    crate::cli_output::emit_lines(&[text], crate::cli_output::After::Commit)?;
    Ok(0)
}

fn check(s: &Settings, store: &Store) -> Result<i32> {
    let integrity = store.integrity_check()?;
    let fk = store.foreign_key_violations()?;
    // An amount beyond the ceiling (let in by an older guanhu) makes every read refuse the
    // store; name each one, with its customer, before the reads below would stop at the first.
    let implausible = crate::store::implausible::implausible_amounts(store.conn(), 50)?;
    if !implausible.is_empty() {
        let mut lines: Vec<String> = implausible
            .iter()
            .map(|a| {
                fill(
                    s.lang.pick(
                        "不可能的金额：客户 {} 的 {} 为 {}（超过 10^15 元）",
                        "Impossible amount: customer {}, {} is {} (above 10^15 yuan)",
                    ),
                    &[&a.customer_no, &a.column, &a.value],
                )
            })
            .collect();
        lines.push(
            s.lang
                .pick(
                    "请用正确的文件重新导入这些客户（新的导入会覆盖这些余额），或联系技术支持。",
                    "Re-import these customers from a correct file (a new import replaces these balances), or ask for support.",
                )
                .to_string(),
        );
        crate::cli_output::emit_lines(&lines, crate::cli_output::After::Reading)?;
        return Ok(1);
    }
    // Loading every customer parses every stored amount and date: a value that does not
    // parse fails here with the row's error.
    let book = service::load_portfolio(store, &s.policy, s.today, None)?;
    // The queue reads the trigger-kept contact aggregate: it must say what the diary says.
    let stale = crate::store::queue::stale_contact_rows(store.conn())?;
    // The review reads the assignment history, the rest the customer's manager: they must agree.
    let mismatched = crate::store::assignments::assignment_mismatches(store.conn())?;
    let ok = integrity == ["ok"] && fk == 0 && stale == 0 && mismatched == 0;
    let text = fill(
            s.lang.pick(
                "SQLite 完整性检查：{}；外键问题：{}；{} 位客户的余额与日期均可读取；联系汇总与日志不符：{}；客户经理与分户记录不符：{}",
                "SQLite integrity check: {}; foreign key problems: {}; balances and dates of {} customers read back; contact summary rows disagreeing with the diary: {}; customers whose manager disagrees with the assignment history: {}",
            ),
            &[&integrity.join("; "), &fk, &book.len(), &stale, &mismatched],
        );
    crate::cli_output::emit_lines(&[text], crate::cli_output::After::Reading)?;
    Ok(if ok { 0 } else { 1 })
}
