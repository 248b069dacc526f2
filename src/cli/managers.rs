//! `guanhu managers` (list, add, set, targets): the lead's staff commands, clap definitions and
//! printing only; the writes live in `service::assignment` and `service::targets`. Also the
//! context the lead's commands share (`AdminContext`, used by `assign` too).

use chrono::{NaiveDate, NaiveDateTime};
use clap::{Args, Subcommand};

use super::output::{After, ListFormat, emit_lines, print_rows, terminal_cell};
use crate::domain::assignment::Role;
use crate::domain::money::format_plain;
use crate::domain::names::role_name;
use crate::domain::policy::Policy;
use crate::error::{Error, Result};
use crate::i18n::{Lang, T, fill};
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
    let header: Vec<&str> = header.iter().map(|t| t.get(lang)).collect();
    print_rows(&rows, format.into(), after, Some(&header), |r| {
        vec![
            crate::domain::review::target_name(lang, r.key),
            r.key.to_string(),
            r.unit.format(r.policy),
            r.own.map_or_else(|| "—".to_string(), |v| r.unit.format(v)),
            r.unit.format(r.in_effect()),
        ]
    })?;
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
    let header: Vec<&str> = header.iter().map(|t| t.get(lang)).collect();
    print_rows(&rows, format.into(), After::Reading, Some(&header), |r| {
        vec![
            r.manager_no.clone(),
            r.name.clone(),
            role_label(lang, &r.role),
            r.customers.to_string(),
            format_plain(r.aum),
        ]
    })?;
    Ok(0)
}
