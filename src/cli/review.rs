//! `guanhu review`: a manager's week as a Markdown report to print or paste, as JSON for scripts, or its figures as an Excel sheet. Figures come from `service::review`; this file only words and lays them out.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use clap::{Args, ValueEnum};

use super::output::{After, emit_json, emit_text};

use crate::domain::money::{format_plain, format_yuan};
use crate::domain::names::{metric_name, product_name};
use crate::domain::policy::Policy;
use crate::domain::review::{Metric, Unit, parse_week};
use crate::error::{Error, Result};
use crate::export::Cell;
use crate::i18n::{Lang, T, fill};
use crate::service::{self, review::ManagerWeek};
use crate::store::Store;

/// Options of `guanhu review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// ISO week, such as 2026-W47 (default: the week of --today).
    #[arg(long)]
    pub week: Option<String>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ReviewFormat,
    /// Write the report to this file (created owner-only) instead of standard output.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

/// Output formats of the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    Md,
    Json,
    /// The figures as one sheet; binary, so it needs `--out FILE` on a terminal.
    Xlsx,
}

/// Runs `guanhu review`.
pub fn run_review(
    lang: Lang,
    today: NaiveDate,
    policy: &Policy,
    store: &Store,
    manager: Option<String>,
    args: &ReviewArgs,
) -> Result<i32> {
    super::export::binary_needs_a_file(
        lang,
        args.format == ReviewFormat::Xlsx,
        args.out.as_deref(),
    )?;
    let day = match &args.week {
        Some(text) => week_arg(lang, text)?,
        None => today,
    };
    let manager = service::resolve_manager(store, manager.as_deref())?
        .ok_or_else(|| Error::Input(T::RvNeedManager.get(lang).to_string()))?;
    let week = service::review::load_week(store, policy, &manager, day, today)?;
    let text = match args.format {
        ReviewFormat::Xlsx => {
            let bytes = review_xlsx(lang, &week)?;
            super::export::write_out(args.out.as_deref(), &bytes)?;
            return Ok(0);
        }
        ReviewFormat::Md => render_markdown(lang, policy, &week),
        ReviewFormat::Json if args.out.is_none() => {
            emit_json(&review_json(&week), After::Reading)?;
            return Ok(0);
        }
        ReviewFormat::Json => {
            let mut json = serde_json::to_string_pretty(&review_json(&week))
                .map_err(|e| Error::Input(e.to_string()))?;
            json.push('\n');
            json
        }
    };
    if let Some(out) = &args.out {
        // A file holds the manager's figures and names: owner-only, replaced whole.
        super::export::write_out(Some(out), text.as_bytes())?;
        return Ok(0);
    }
    // The Markdown report is a document, not a row listing: it keeps its own renderer.
    emit_text(&text, After::Reading)?;
    Ok(0)
}

/// `--week`: an ISO week such as 2026-W47, in the years guanhu can count in (a week of the
/// year 262143 would overflow the date arithmetic).
pub fn week_arg(lang: Lang, text: &str) -> Result<NaiveDate> {
    let day =
        parse_week(text).ok_or_else(|| Error::Input(fill(T::RvBadWeek.get(lang), &[&text])))?;
    if !crate::domain::limits::plausible_year(day.year()) {
        return Err(Error::Input(fill(
            T::CliYearOutOfRange.get(lang),
            &[&"--week", &text],
        )));
    }
    Ok(day)
}

fn format_change(unit: Unit, change: Decimal) -> String {
    if change.is_zero() {
        return "=".to_string();
    }
    let arrow = if change > Decimal::ZERO { "▲" } else { "▼" };
    format!("{arrow}{}", unit.format(change.abs()))
}

fn cell(m: &Metric, v: Option<Decimal>) -> String {
    v.map(|v| m.unit.format(v))
        .unwrap_or_else(|| "—".to_string())
}

fn tier_name<'a>(lang: Lang, policy: &'a Policy, key: &'a str) -> &'a str {
    policy
        .tiers
        .iter()
        .find(|t| t.key == key)
        .map(|t| lang.pick(&t.zh, &t.en))
        .unwrap_or(key)
}

/// Cell text safe inside a Markdown table.
fn md_cell(text: &str) -> String {
    super::output::terminal_cell(text).replace('|', "\\|")
}

/// The report as Markdown.
pub fn render_markdown(lang: Lang, policy: &Policy, w: &ManagerWeek) -> String {
    let r = &w.review;
    let sunday = r.monday + chrono::Duration::days(6);
    let mut out = String::new();
    let name = if w.manager_name.is_empty() {
        &w.manager_no
    } else {
        &w.manager_name
    };
    out.push_str("# ");
    out.push_str(&fill(
        T::RvTitle.get(lang),
        &[name, &w.manager_no, &w.week, &r.monday, &sunday],
    ));
    out.push_str("\n\n");
    if r.end < sunday {
        out.push_str(&fill(T::RvUpTo.get(lang), &[&r.end]));
        out.push_str("\n\n");
    }
    let head = [
        T::RvMetric,
        T::RvActual,
        T::RvTarget,
        T::RvPrevious,
        T::RvChange,
        T::RvMet,
    ];
    let words: Vec<&str> = head.iter().map(|t| t.get(lang)).collect();
    out.push_str(&format!("| {} |\n", words.join(" | ")));
    out.push_str("|---|---:|---:|---:|---:|:---:|\n");
    for m in &r.metrics {
        let mut actual = cell(m, m.actual);
        if let Some(e) = m.expected {
            actual.push_str(&fill(T::RvExpected.get(lang), &[&Unit::Share.format(e)]));
        }
        let mut target = match m.target {
            Some(t) if m.lower_is_better => format!("≤ {}", m.unit.format(t)),
            Some(t) => m.unit.format(t),
            None => "—".to_string(),
        };
        if m.own_target {
            target.push_str(" *");
        }
        let change = m
            .change()
            .map(|c| format_change(m.unit, c))
            .unwrap_or_else(|| "—".to_string());
        let met = match m.met() {
            Some(true) => "✓",
            Some(false) => "✗",
            None => "—",
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            metric_name(lang, m.key),
            actual,
            target,
            cell(m, m.previous),
            change,
            met
        ));
    }
    if r.metrics.iter().any(|m| m.own_target) {
        out.push_str(&format!("\n\\* {}\n", T::RvOwnTarget.get(lang)));
    }

    out.push_str(&format!("\n## {}\n\n", T::RvSales.get(lang)));
    if r.sales_by_kind.is_empty() {
        out.push_str(T::RvNoSales.get(lang));
        out.push('\n');
    } else {
        out.push_str(&format!(
            "| {} | {} | {} |\n|---|---:|---:|\n",
            T::RvProduct.get(lang),
            T::RvCount.get(lang),
            T::RvAmount.get(lang)
        ));
        for s in &r.sales_by_kind {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                product_name(lang, s.kind),
                s.count,
                format_yuan(s.amount)
            ));
        }
    }

    out.push_str(&format!("\n## {}\n\n", T::RvMigrations.get(lang)));
    if r.migrations.is_empty() {
        out.push_str(T::RvNoMigrations.get(lang));
        out.push('\n');
    } else {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
            T::RvCustomer.get(lang),
            T::RvCustomerNo.get(lang),
            T::RvFrom.get(lang),
            T::RvTo.get(lang),
            T::RvDate.get(lang)
        ));
        for m in &r.migrations {
            out.push_str(&format!(
                "| {} | {} | {} | {} {} | {} |\n",
                md_cell(&m.customer_name),
                md_cell(&m.customer_no),
                tier_name(lang, policy, &m.from),
                if m.upgrade { "▲" } else { "▼" },
                tier_name(lang, policy, &m.to),
                m.date
            ));
        }
    }

    out.push_str(&format!(
        "\n{}\n",
        fill(T::RvReferrals.get(lang), &[&r.referrals_received])
    ));

    let (summary, plan) = match &w.reflection {
        Some(r) => (r.summary.trim(), r.plan.trim()),
        None => ("", ""),
    };
    for (title, text) in [(T::RvSummary, summary), (T::RvPlan, plan)] {
        out.push_str(&format!("\n## {}\n\n", title.get(lang)));
        out.push_str(if text.is_empty() {
            T::RvNotWritten.get(lang)
        } else {
            text
        });
        out.push('\n');
    }
    out
}

/// A figure as a typed sheet cell: counts as integers, money as amounts, shares as
/// percentages; absent as empty.
fn figure_cell(unit: Unit, v: Option<Decimal>) -> Cell {
    match (unit, v) {
        (_, None) => Cell::Empty,
        (Unit::Count, Some(v)) if v.fract().is_zero() => {
            i64::try_from(v.trunc().mantissa()).map_or(Cell::Number(v), Cell::Int)
        }
        (Unit::Count | Unit::Average, Some(v)) => Cell::Number(v),
        (Unit::Amount, Some(v)) => Cell::Amount(v),
        (Unit::Share, Some(v)) => Cell::Share(v),
    }
}

fn unit_word(lang: Lang, unit: Unit) -> &'static str {
    match unit {
        Unit::Count => lang.pick("个数", "count"),
        Unit::Share => lang.pick("比例", "share"),
        Unit::Amount => lang.pick("元", "yuan"),
        Unit::Average => lang.pick("户均", "average"),
    }
}

/// The week's figures as one sheet (what the Markdown table holds, typed): metric, actual,
/// target, previous week, met, unit.
pub fn review_xlsx(lang: Lang, w: &ManagerWeek) -> Result<Vec<u8>> {
    let header = [
        T::RvMetric.get(lang),
        T::RvActual.get(lang),
        T::RvTarget.get(lang),
        T::RvPrevious.get(lang),
        T::RvMet.get(lang),
        lang.pick("单位", "Unit"),
    ];
    let rows = w.review.metrics.iter().map(|m| {
        vec![
            Cell::Text(metric_name(lang, m.key)),
            figure_cell(m.unit, m.actual),
            figure_cell(m.unit, m.target),
            figure_cell(m.unit, m.previous),
            Cell::opt_text(m.met().map(|met| {
                if met {
                    lang.pick("是", "yes")
                } else {
                    lang.pick("否", "no")
                }
            })),
            Cell::Text(unit_word(lang, m.unit).to_string()),
        ]
    });
    let mut out = Vec::new();
    let sheet = format!("{} {}", lang.pick("周报", "Review"), w.week);
    crate::export::write_xlsx(&mut out, &sheet, &header, rows)?;
    Ok(out)
}

/// A figure in JSON: counts as integers, shares, averages and money as exact decimal strings.
fn json_value(unit: Unit, v: Option<Decimal>) -> Value {
    match (unit, v) {
        (_, None) => Value::Null,
        (Unit::Count, Some(v)) => v
            .normalize()
            .to_string()
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::from(v.to_string())),
        (Unit::Amount, Some(v)) => Value::from(format_plain(v)),
        (_, Some(v)) => Value::from(v.normalize().to_string()),
    }
}

/// The report as JSON (the contract in the README).
pub fn review_json(w: &ManagerWeek) -> Value {
    let r = &w.review;
    let metrics: Vec<Value> = r
        .metrics
        .iter()
        .map(|m| {
            let mut v = json!({
                "key": m.key.as_str(),
                "unit": m.unit,
                "basis": m.basis,
                "actual": json_value(m.unit, m.actual),
                "target": json_value(m.unit, m.target),
                "previous": json_value(m.unit, m.previous),
                "met": m.met(),
                "own_target": m.own_target,
            });
            if let Some(e) = m.expected {
                v["expected"] = json_value(Unit::Share, Some(e));
            }
            if let Some((num, den)) = m.parts {
                v["numerator"] = json!(num);
                v["denominator"] = json!(den);
            }
            v
        })
        .collect();
    let sales: Vec<Value> = r
        .sales_by_kind
        .iter()
        .map(|s| json!({"kind": s.kind.key(), "count": s.count, "amount": format_plain(s.amount)}))
        .collect();
    let migrations: Vec<Value> = r
        .migrations
        .iter()
        .map(|m| {
            json!({
                "customer_no": m.customer_no,
                "customer_name": m.customer_name,
                "from": m.from,
                "to": m.to,
                "date": m.date,
                "upgrade": m.upgrade,
            })
        })
        .collect();
    json!({
        "week": w.week,
        "manager_no": w.manager_no,
        "manager_name": w.manager_name,
        "from": r.monday,
        "to": r.monday + chrono::Duration::days(6),
        "counted_to": r.end,
        "metrics": metrics,
        "sales_by_kind": sales,
        "migrations": migrations,
        "referrals_received": r.referrals_received,
        "reflection": w.reflection.as_ref().map(|x| json!({
            "summary": x.summary,
            "plan": x.plan,
            "updated_at": x.updated_at,
        })),
    })
}
