//! `guanhu import customers|holdings`: read and check the file first, and only then open the store, so a file that cannot be read leaves no store behind; a dry run on a path with no store runs against a throw-away in-memory one and creates nothing.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use chrono::{Datelike, NaiveDate};

use super::output::{After, ask_yes, emit_lines, note, terminal_cell};
use super::store::{Opening, close, open};
use crate::clock;
use crate::domain::limits::LimitsPolicy;
use crate::domain::prospects::{Conflict, MatchedBy};
use crate::error::{Error, Result};
use crate::i18n::{Lang, T, fill};
use crate::import;
use crate::service::{self, ImportReport, Linking, ProspectLine, ProspectVerdict};
use crate::store::Store;

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
    /// Link new customers to the people added by hand with the same mobile or ID number,
    /// without asking.
    #[arg(long)]
    pub link_prospects: bool,
}

/// Runs `guanhu import …` against the store at `db`.
pub fn run_import(
    lang: Lang,
    today: NaiveDate,
    limits: &LimitsPolicy,
    db: &Path,
    command: &ImportCommand,
) -> Result<i32> {
    match command {
        ImportCommand::Customers(args) => {
            let bytes = read_file(&args.file)?;
            let format = import::format_for_path(&args.file, &bytes);
            let plan = service::plan_customers(&bytes, format, args.sheet.as_deref(), limits)?;
            warn_rows(lang, today, &plan.rows);
            let as_of = parse_as_of(lang, args.as_of.as_deref())?;
            let mut store = open_for(lang, db, args, plan.rows.is_empty())?;
            let linking = linking(lang, &store, &plan.rows, args)?;
            let report = service::import_customers_linking(
                &mut store,
                plan,
                as_of,
                today,
                clock::now_on(today),
                args.dry_run,
                linking,
            );
            finish(lang, store, report, args)
        }
        ImportCommand::Holdings(args) => {
            let bytes = read_file(&args.file)?;
            let format = import::format_for_path(&args.file, &bytes);
            let plan = service::plan_holdings(&bytes, format, args.sheet.as_deref(), limits)?;
            // A store that does not exist yet has no customers for a holding to belong to:
            // every row is rejected against an empty one and no file is made.
            let mut store = open_for(lang, db, args, true)?;
            let report =
                service::import_holdings(&mut store, plan, clock::now_on(today), args.dry_run);
            finish(lang, store, report, args)
        }
    }
}

/// Applies matches to hand-added people with `--link-prospects`, or when the manager says yes
/// to the list shown on the terminal; otherwise they are held back and listed.
fn linking(
    lang: Lang,
    store: &Store,
    rows: &[import::CustomerRecord],
    args: &ImportArgs,
) -> Result<Linking> {
    if args.link_prospects {
        return Ok(Linking::Apply);
    }
    let lines = service::preview_prospects(store, rows)?;
    let matches: Vec<&ProspectLine> = lines
        .iter()
        .filter(|l| matches!(l.verdict, ProspectVerdict::HeldBack(_)))
        .collect();
    // Without a terminal to answer on, the summary lists them after the import.
    if matches.is_empty() || args.dry_run || !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Ok(Linking::HoldBack);
    }
    for line in &matches {
        note(&prospect_line(lang, line));
    }
    let question = fill(
        lang.pick(
            "将以上 {} 位客户与手工新增的潜在客户关联（保留其工作记录）？[y/N] ",
            "Link these {} customers to the people added by hand (keeping their diary)? [y/N] ",
        ),
        &[&matches.len()],
    );
    Ok(if ask_yes(&question) {
        Linking::Apply
    } else {
        Linking::HoldBack
    })
}

/// One line of the import summary about a hand-added person.
fn prospect_line(lang: Lang, line: &ProspectLine) -> String {
    let who: Vec<String> = line
        .prospects
        .iter()
        .map(|(no, name)| format!("{} {no}", terminal_cell(name)))
        .collect();
    let who = who.join(lang.pick("、", ", "));
    let by = |by: MatchedBy| match by {
        MatchedBy::Mobile => lang.pick("手机号相同", "same mobile"),
        MatchedBy::IdNumber => lang.pick("证件号码相同", "same ID number"),
        MatchedBy::Both => lang.pick("手机号和证件号码都相同", "same mobile and ID number"),
    };
    let head = fill(
        lang.pick("第 {} 行 {} {}", "line {}: {} {}"),
        &[&line.line, &line.customer_no, &terminal_cell(&line.name)],
    );
    match line.verdict {
        ProspectVerdict::Linked(b) => fill(
            lang.pick("  {} → 已关联 {}（{}）", "  {} → linked to {} ({})"),
            &[&head, &who, &by(b)],
        ),
        ProspectVerdict::HeldBack(b) => fill(
            lang.pick(
                "  {} ≈ {}（{}）：未导入，待确认；加 --link-prospects 关联",
                "  {} ≈ {} ({}): not imported until you confirm; add --link-prospects to link",
            ),
            &[&head, &who, &by(b)],
        ),
        ProspectVerdict::Conflict(why) => {
            let why = match why {
                Conflict::TwoPeople => lang.pick(
                    "手机号和证件号码指向不同的人",
                    "the mobile and the ID number point at different people",
                ),
                Conflict::IdDiffers => lang.pick(
                    "手机号相同但证件号码不同",
                    "same mobile but a different ID number",
                ),
                Conflict::SharedMobile => lang.pick(
                    "多位潜在客户共用此手机号",
                    "several people added by hand share this mobile",
                ),
            };
            fill(
                lang.pick(
                    "  {} ？{}：{}，已作为新客户导入，请核对",
                    "  {} ? {}: {}; imported as a customer of its own, please check",
                ),
                &[&head, &who, &why],
            )
        }
    }
}

/// The store an import writes to: created if needed, except when nothing would be written
/// (a dry run, or a file whose every row was rejected), which reads an existing store or,
/// with none, an empty in-memory one (every row then counts as added), so no empty store
/// is left behind.
fn open_for(lang: Lang, db: &Path, args: &ImportArgs, no_rows: bool) -> Result<Store> {
    if db.exists() {
        open(db, lang, Opening::Existing)
    } else if args.dry_run || no_rows {
        Store::open_in_memory()
    } else {
        open(db, lang, Opening::Create)
    }
}

fn finish(
    lang: Lang,
    store: Store,
    report: Result<ImportReport>,
    args: &ImportArgs,
) -> Result<i32> {
    let created = store.created();
    let path = store.path().map(Path::to_path_buf);
    close(store, lang);
    match report {
        Ok(report) => print_report(lang, &report, args.dry_run),
        Err(e) => {
            // An import that failed after creating the store leaves nothing behind.
            if let (true, Some(path)) = (created, path) {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    let mut name = path.as_os_str().to_owned();
                    name.push(suffix);
                    // Best effort: the error being reported matters more than a leftover file.
                    let _ = std::fs::remove_file(Path::new(&name));
                }
            }
            Err(e)
        }
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

fn parse_as_of(lang: Lang, text: Option<&str>) -> Result<Option<NaiveDate>> {
    let Some(t) = text else { return Ok(None) };
    let date = NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| Error::BadDate {
        field: "--as-of",
        value: t.to_string(),
    })?;
    if !crate::domain::limits::plausible_year(date.year()) {
        return Err(Error::Input(fill(
            T::CliYearOutOfRange.get(lang),
            &[&"--as-of", &t],
        )));
    }
    Ok(Some(date))
}

/// Says on stderr, row by row, which ID numbers fail GB 11643's check (the number masked) and
/// which phone cells hold a landline: the row is imported as the core system has it, and the
/// number is to be corrected there. The wording is `import::warnings`', shared with the form.
fn warn_rows(lang: Lang, today: NaiveDate, rows: &[import::CustomerRecord]) {
    for line in import::warnings::row_warnings(lang, today, rows) {
        note(&line);
    }
}

/// Prints counts and rejections; the exit code is 2 when anything was rejected. After a
/// real import the rows are committed before this prints, so a failed write says so.
fn print_report(lang: Lang, report: &ImportReport, dry_run: bool) -> Result<i32> {
    let prefix = if dry_run {
        lang.pick("（试运行，未写入）", "(dry run, nothing written) ")
    } else {
        ""
    };
    let mut lines = vec![format!(
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
    )];
    for r in &report.rejected {
        lines.push(format!("  {}", terminal_cell(&r.describe(lang))));
    }
    for line in &report.prospects {
        lines.push(prospect_line(lang, line));
    }
    let after = if dry_run {
        After::Reading
    } else {
        After::Commit
    };
    emit_lines(&lines, after)?;
    // Rows held back for a yes did not go in either: a script must not take that for done.
    let held_back = report
        .prospects
        .iter()
        .any(|l| matches!(l.verdict, ProspectVerdict::HeldBack(_)));
    Ok(if report.rejected.is_empty() && !held_back {
        0
    } else {
        2
    })
}
