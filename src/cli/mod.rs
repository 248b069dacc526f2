//! The command line's front door: the clap definition of `guanhu` (global flags, the list of
//! subcommands), `command()` for `main`, and `run`, which resolves the settings, opens the store
//! as the command needs and hands over to the subcommand's own file. Each subcommand's flags and
//! printing live in its file here; business rules live in `service` and `domain`, never here.

mod app;
mod assign;
mod backup;
mod board;
mod check;
mod customer_book;
mod customers;
mod demo;
mod export;
mod flags;
mod import;
mod log;
mod managers;
mod output;
mod queue;
mod review;
mod settings;
mod store;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::Result;
use crate::store::Store;
use settings::Settings;
use store::Opening;

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
    /// The current moment, "YYYY-MM-DD HH:MM" (default: the clock); also sets today.
    #[arg(long, global = true, env = "GUANHU_NOW")]
    pub now: Option<String>,
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
    Import(import::ImportCommand),
    /// List customers with tier, segments, lifecycle and AUM.
    Customers(customers::CustomersArgs),
    /// Write a deterministic demo store.
    Demo(demo::DemoArgs),
    /// Check the store: SQLite integrity and the app's own consistency checks.
    Check,
    /// Copy the store to an owner-only backup file (safe while the app is open), checked.
    Backup(backup::BackupArgs),
    /// Replace the store with a checked backup, keeping the current store as a backup first.
    Restore(backup::RestoreArgs),
    /// Export the diary, the ledgers, an SMS list or the customers (CSV with BOM, XLSX, or JSON).
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Log a contact, sale or note from a script.
    Log(log::LogArgs),
    /// Today's work queue: whom to contact, how, and why.
    Queue(queue::QueueArgs),
    /// List staff with their customers and AUM; add or change staff and roles.
    Managers(managers::ManagersArgs),
    /// Move customers to a manager (with history), by hand or by the policy's rules.
    Assign(assign::AssignArgs),
    /// A manager's week against the targets, as Markdown or JSON (周报).
    Review(review::ReviewArgs),
    /// Every manager's week side by side with the team total (展板).
    Board(board::BoardArgs),
}

/// The command line as `main` parses it: the clap definition with the exit status under
/// every subcommand's `--help` too.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().mut_subcommands(|c| c.after_help(EXIT_STATUS))
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    let (lang, settings) = settings::resolve(&cli);
    output::exit_code(settings.and_then(|s| dispatch(&cli, &s)), lang)
}

fn dispatch(cli: &Cli, s: &Settings) -> Result<i32> {
    let opening = match &cli.command {
        None if cli.demo => return app::run_demo_app(s),
        Some(Command::Demo(args)) => return demo::write_demo(s, args),
        Some(Command::Import(command)) => {
            return import::run_import(s.lang, s.today, &s.policy.limits, &s.db_path(), command);
        }
        None => Opening::App,
        Some(Command::Managers(args)) => match args.action {
            Some(managers::ManagersCommand::Add { .. }) => Opening::Create,
            _ => Opening::Existing,
        },
        // A manager's first walk-in may come before any import.
        Some(Command::Customers(customers::CustomersArgs {
            action: Some(customer_book::CustomersAction::Add(_)),
            ..
        })) => Opening::Create,
        Some(_) => Opening::Existing,
    };
    let mut store = store::open(&s.db_path(), s.lang, opening)?;
    if opening == Opening::App {
        backup::daily_backup(s, &store);
    }
    let result = run_on_store(cli, s, &mut store);
    store::close(store, s.lang);
    result
}

/// Runs a command that works on the user's store (everything but `demo` and `import`).
fn run_on_store(cli: &Cli, s: &Settings, store: &mut Store) -> Result<i32> {
    let actor = s.manager().unwrap_or_default();
    match &cli.command {
        None => app::run_app(s, store, None),
        Some(Command::Customers(args)) if args.action.is_some() => match &args.action {
            Some(action) => customer_book::run(s, store, action),
            None => Ok(0),
        },
        Some(Command::Customers(args)) => {
            customers::list_customers(s.lang, s.today, &s.policy, store, s.manager(), args)
        }
        Some(Command::Check) => check::check(s, store),
        Some(Command::Backup(args)) => backup::backup(s, store, args),
        Some(Command::Restore(args)) => backup::restore(s, store, args),
        Some(Command::Export(command)) => {
            export::run_export(s.lang, s.today, &s.policy, store, s.manager(), command)
        }
        Some(Command::Queue(args)) => {
            queue::run_queue(s.today, &s.policy, store, s.manager(), args)
        }
        Some(Command::Board(args)) => board::run_board(s.lang, s.today, &s.policy, store, args),
        Some(Command::Review(args)) => {
            review::run_review(s.lang, s.today, &s.policy, store, s.manager(), args)
        }
        Some(Command::Log(args)) => {
            log::run_log(s.lang, s.today, &s.policy.limits, store, s.manager(), args)
        }
        Some(Command::Managers(args)) => {
            managers::run_managers(&s.admin_context(&actor), store, args)
        }
        Some(Command::Assign(args)) => assign::run_assign(&s.admin_context(&actor), store, args),
        // Handled before the store is opened.
        Some(Command::Demo(_) | Command::Import(_)) => Ok(0),
    }
}
