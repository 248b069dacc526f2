//! The lead's commands: `guanhu managers` (list, add, set) and `guanhu assign` (by hand or by the policy's rules). Clap definitions and printing only; the rules live in `domain::assignment` and the writes in `service::assignment`.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use clap::{Args, Subcommand};

use crate::cli::ListFormat;
use crate::cli_output::{After, emit_bytes, emit_lines, neutral_csv, terminal_cell};
use crate::domain::assignment::{Move, Role};
use crate::domain::money::format_plain;
use crate::domain::policy::Policy;
use crate::error::{Error, Result};
use crate::i18n::{Lang, T, fill, role_name};
use crate::service::assignment as svc;
use crate::service::targets;
use crate::store::Store;

/// Options of `guanhu managers`.
#[derive(Debug, Args)]
pub struct ManagersArgs {
    #[command(subcommand)]
    pub action: Option<ManagersCommand>,
    /// Output format of the list.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
}

/// `guanhu managers add|set`
#[derive(Debug, Subcommand)]
pub enum ManagersCommand {
    /// Add a member of staff.
    Add {
        /// Staff number (工号).
        no: String,
        #[arg(long)]
        name: String,
        /// relationship_manager, team_lead, branch_head or counter_staff.
        #[arg(long, default_value = "relationship_manager")]
        role: String,
    },
    /// Change a member of staff's name or role.
    Set {
        /// Staff number (工号).
        no: String,
        #[arg(long)]
        name: Option<String>,
        /// relationship_manager, team_lead, branch_head or counter_staff.
        #[arg(long)]
        role: Option<String>,
    },
    /// Show a manager's targets (the policy's and their own); set or clear their own.
    Targets {
        /// Staff number (工号).
        no: String,
        /// KEY=VALUE, such as weekly.sales_count=8 or weekly.sms_coverage=95% (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
        /// Go back to the policy's value of KEY (repeatable).
        #[arg(long = "clear", value_name = "KEY")]
        clear: Vec<String>,
    },
}

/// Options of `guanhu assign`.
#[derive(Debug, Args)]
pub struct AssignArgs {
    /// Customer numbers to move (with --to).
    #[arg(conflicts_with = "rule")]
    pub customers: Vec<String>,
    /// The staff number to move them to.
    #[arg(long, conflicts_with = "rule")]
    pub to: Option<String>,
    /// Apply the policy's [assignment] rules to every customer instead.
    #[arg(long)]
    pub rule: bool,
    /// The date the new manager takes over (default: today).
    #[arg(long)]
    pub on: Option<String>,
    /// Print what would change without writing.
    #[arg(long)]
    pub dry_run: bool,
}

/// What the runners need from the command line's settings.
pub struct AdminContext<'a> {
    pub lang: Lang,
    pub today: NaiveDate,
    pub now: NaiveDateTime,
    pub policy: &'a Policy,
    /// Who is acting (the `--manager` in effect), recorded with each assignment.
    pub actor: &'a str,
}

/// Runs `guanhu managers`.
pub fn run_managers(cx: &AdminContext<'_>, store: &mut Store, args: &ManagersArgs) -> Result<i32> {
    let lang = cx.lang;
    match &args.action {
        None => print_managers(cx, store, args.format),
        Some(ManagersCommand::Add { no, name, role }) => {
            let role = svc::parse_role(role)?;
            svc::add_manager(store, no, name, role, cx.now)?;
            let text = fill(
                T::ManagerAdded.get(lang),
                &[&no.trim(), &name.trim(), &role_name(lang, role)],
            );
            emit_lines(&[terminal_cell(&text)], After::Commit)?;
            Ok(0)
        }
        Some(ManagersCommand::Set { no, name, role }) => {
            if name.is_none() && role.is_none() {
                return Err(Error::Input(T::ManagerSetNothing.get(lang).to_string()));
            }
            let role = role.as_deref().map(svc::parse_role).transpose()?;
            svc::set_manager(store, no, name.as_deref(), role)?;
            let stored = crate::store::managers::find_manager(store.conn(), no.trim())?;
            if let Some(m) = stored {
                let text = fill(
                    T::ManagerUpdated.get(lang),
                    &[&m.manager_no, &m.name, &role_label(lang, &m.role)],
                );
                emit_lines(&[terminal_cell(&text)], After::Commit)?;
            }
            Ok(0)
        }
        Some(ManagersCommand::Targets { no, set, clear }) => {
            run_targets(cx, store, no.trim(), set, clear, args.format)
        }
    }
}

/// `guanhu managers targets`: changes what was asked (in one transaction), then lists the
/// targets in effect.
fn run_targets(
    cx: &AdminContext<'_>,
    store: &mut Store,
    no: &str,
    set: &[String],
    clear: &[String],
    format: ListFormat,
) -> Result<i32> {
    let lang = cx.lang;
    let mut sets = Vec::with_capacity(set.len());
    for item in set {
        let Some((key, value)) = item.split_once('=') else {
            return Err(Error::Input(fill(T::TargetSetForm.get(lang), &[item])));
        };
        let key = key.trim().trim_start_matches("targets.");
        sets.push((key.to_string(), targets::parse_target_value(key, value)?));
    }
    let after = if sets.is_empty() && clear.is_empty() {
        After::Reading
    } else {
        After::Commit
    };
    if after == After::Commit {
        let clear: Vec<String> = clear
            .iter()
            .map(|k| k.trim().trim_start_matches("targets.").to_string())
            .collect();
        targets::change_targets(store, no, &sets, &clear, cx.now)?;
    }
    let rows = targets::list_targets(store, cx.policy, no)?;
    let header = [
        T::RvMetric,
        T::TargetKey,
        T::TargetPolicy,
        T::TargetOwn,
        T::TargetInEffect,
    ];
    print_rows(lang, &rows, format, after, &header, |r| {
        vec![
            crate::domain::review::target_name(lang, r.key),
            r.key.to_string(),
            r.unit.format(r.policy),
            r.own.map_or_else(|| "—".to_string(), |v| r.unit.format(v)),
            r.unit.format(r.in_effect()),
        ]
    })
}

/// Prints rows as pretty JSON, CSV (both from their serde form; CSV cells neutralised) or a
/// tab-separated table under `header`, each row's cells from `cells` (made safe for the
/// terminal).
fn print_rows<R: serde::Serialize>(
    lang: Lang,
    rows: &[R],
    format: ListFormat,
    after: After,
    header: &[T],
    cells: impl Fn(&R) -> Vec<String>,
) -> Result<i32> {
    match format {
        ListFormat::Json => {
            let mut text =
                serde_json::to_string_pretty(rows).map_err(|e| Error::Input(e.to_string()))?;
            text.push('\n');
            emit_bytes(text.as_bytes(), after)?;
        }
        ListFormat::Csv => {
            let bytes = neutral_csv(rows).map_err(|e| Error::io("CSV", e))?;
            emit_bytes(&bytes, after)?;
        }
        ListFormat::Table => {
            let header: Vec<&str> = header.iter().map(|t| t.get(lang)).collect();
            let lines: Vec<String> = std::iter::once(header.join("\t"))
                .chain(rows.iter().map(|r| {
                    let cells: Vec<String> = cells(r).iter().map(|c| terminal_cell(c)).collect();
                    cells.join("\t")
                }))
                .collect();
            emit_lines(&lines, after)?;
        }
    }
    Ok(0)
}

/// A stored role key in words; an unknown key is shown as stored.
fn role_label(lang: Lang, key: &str) -> String {
    Role::parse(key).map_or_else(|| key.to_string(), |r| role_name(lang, r).to_string())
}

fn print_managers(cx: &AdminContext<'_>, store: &Store, format: ListFormat) -> Result<i32> {
    let lang = cx.lang;
    let rows = svc::list_manager_overview(store, cx.policy, cx.today)?;
    let header = [
        T::ColStaffNo,
        T::ColName,
        T::ColRole,
        T::ColManagedCount,
        T::ColManagedAum,
    ];
    print_rows(lang, &rows, format, After::Reading, &header, |r| {
        vec![
            r.manager_no.clone(),
            r.name.clone(),
            role_label(lang, &r.role),
            r.customers.to_string(),
            format_plain(r.aum),
        ]
    })
}

/// Runs `guanhu assign`.
pub fn run_assign(cx: &AdminContext<'_>, store: &mut Store, args: &AssignArgs) -> Result<i32> {
    let lang = cx.lang;
    let on = match &args.on {
        Some(text) => {
            let on =
                NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| Error::BadDate {
                    field: "--on",
                    value: text.clone(),
                })?;
            if !crate::domain::limits::plausible_year(on.year()) {
                return Err(Error::Input(fill(
                    T::CliYearOutOfRange.get(lang),
                    &[&"--on", text],
                )));
            }
            on
        }
        None => cx.today,
    };
    let moves = if args.rule {
        if cx.policy.assignment.rules.is_empty() {
            return Err(Error::Input(T::AssignNoRules.get(lang).to_string()));
        }
        svc::assign_by_rules(
            store,
            cx.policy,
            cx.today,
            on,
            cx.actor,
            cx.now,
            args.dry_run,
        )?
    } else {
        let (Some(to), false) = (&args.to, args.customers.is_empty()) else {
            return Err(Error::Input(T::AssignNeedTarget.get(lang).to_string()));
        };
        svc::assign_to(
            store,
            &args.customers,
            to,
            on,
            cx.actor,
            cx.now,
            args.dry_run,
        )?
    };
    let mut lines: Vec<String> = moves
        .iter()
        .map(|m| terminal_cell(&describe_move(lang, m)))
        .collect();
    let (summary, after) = if args.dry_run {
        (T::AssignWouldChange, After::Reading)
    } else {
        (T::AssignChanged, After::Commit)
    };
    lines.push(fill(summary.get(lang), &[&moves.len(), &on]));
    emit_lines(&lines, after)?;
    Ok(0)
}

/// One planned change in words: customer, from, to, and the rule (or "manual").
pub fn describe_move(lang: Lang, m: &Move) -> String {
    let rule = if m.rule == crate::store::assignments::reason::MANUAL {
        T::AssignManual.get(lang).to_string()
    } else {
        m.rule.clone()
    };
    fill(
        T::AssignMove.get(lang),
        &[
            &m.customer_no,
            &m.customer_name,
            &m.from.as_deref().unwrap_or(T::AssignNobody.get(lang)),
            &m.to,
            &rule,
        ],
    )
}
