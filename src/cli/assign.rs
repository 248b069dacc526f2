//! `guanhu assign`: moving customers to a manager, by hand (`CUSTOMER_NO… --to`) or by the
//! policy's `[assignment]` rules, each move printed in words. Flags and printing only: the rules
//! are `domain::assignment`'s and the writes (with history) `service::assignment`'s.

use chrono::{Datelike, NaiveDate};
use clap::Args;

use super::managers::AdminContext;
use super::output::{After, emit_lines, terminal_cell};
use crate::domain::assignment::Move;
use crate::error::{Error, Result};
use crate::i18n::{Lang, T, fill};
use crate::service::assignment as svc;
use crate::store::Store;

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
