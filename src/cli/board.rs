//! `guanhu board`: the team board (展板) — every manager's week side by side with the team total, as a table, Markdown or JSON. Rows and the team total from `service::board`, sorted by `domain::board`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use clap::{Args, ValueEnum};

use super::output::{After, emit_json, emit_text, terminal_cell};
use super::review::week_arg;
use crate::domain::board::{BOARD_KEYS, BoardRow, sort_rows};
use crate::domain::names::metric_name;
use crate::domain::policy::Policy;
use crate::domain::review::{MetricKey, Unit};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::service;
use crate::store::Store;

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

/// Runs `guanhu board`.
pub fn run_board(
    lang: Lang,
    today: NaiveDate,
    policy: &Policy,
    store: &Store,
    args: &BoardArgs,
) -> Result<i32> {
    let day = match &args.week {
        Some(text) => week_arg(lang, text)?,
        None => today,
    };
    // The text asked for, and the board metric it names (`None`: not a board column).
    let sort = args.sort.as_deref().map(|k| {
        let metric = MetricKey::parse(k).filter(|m| m.board_column().is_some());
        (k, metric)
    });
    if let Some((key, None)) = sort {
        return Err(Error::Input(format!(
            "{}: {key} ({})",
            lang.pick("无法按此列排序", "cannot sort by"),
            BOARD_KEYS.map(MetricKey::as_str).join(", ")
        )));
    }
    let board = service::board::load_board(store, policy, day, today)?;
    let mut rows = board.rows;
    sort_rows(&mut rows, sort.and_then(|(_, m)| m));
    let (total, units, week) = (board.total, board.units, board.week);
    let text = match args.format {
        BoardFormat::Table => table(lang, &rows, &total, &units, "\t", false),
        BoardFormat::Md => format!(
            "# {} · {week}\n\n{}",
            lang.pick("团队展板", "Team board"),
            table(lang, &rows, &total, &units, " | ", true)
        ),
        BoardFormat::Json => {
            emit_json(&board_json(&week, &rows, &total, &units), After::Reading)?;
            return Ok(0);
        }
    };
    // The table and Markdown are this file's own renderer, not `output::print_rows`: the
    // team-total row and the right-aligned Markdown rule are not a plain row listing.
    emit_text(&text, After::Reading)?;
    Ok(0)
}

fn cell(unit: Unit, v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), |v| unit.format(v))
}

/// The board as lines of cells joined by `sep` (Markdown when `md`).
fn table(
    lang: Lang,
    rows: &[BoardRow],
    total: &[Option<Decimal>],
    units: &[Unit],
    sep: &str,
    md: bool,
) -> String {
    let wrap = |cells: Vec<String>| {
        if md {
            format!("| {} |\n", cells.join(sep))
        } else {
            format!("{}\n", cells.join(sep))
        }
    };
    let mut header = vec![
        lang.pick("工号", "Staff no.").to_string(),
        lang.pick("姓名", "Name").to_string(),
    ];
    header.extend(BOARD_KEYS.iter().map(|k| metric_name(lang, *k)));
    let mut out = wrap(header);
    if md {
        let mut rule = vec!["---".to_string(), "---".to_string()];
        rule.extend(BOARD_KEYS.iter().map(|_| "---:".to_string()));
        out.push_str(&wrap(rule));
    }
    for r in rows {
        let name = |t: &str| {
            let t = terminal_cell(t);
            if md { t.replace('|', "\\|") } else { t }
        };
        let mut cells = vec![name(&r.manager_no), name(&r.manager_name)];
        cells.extend(r.metrics.iter().map(|m| cell(m.unit, m.actual)));
        out.push_str(&wrap(cells));
    }
    let mut cells = vec![lang.pick("合计", "Team").to_string(), String::new()];
    cells.extend(total.iter().zip(units).map(|(v, u)| cell(*u, *v)));
    out.push_str(&wrap(cells));
    out
}

fn json_value(unit: Unit, v: Option<Decimal>) -> Value {
    match v {
        None => Value::Null,
        Some(v) if unit == Unit::Amount => Value::from(crate::domain::money::format_plain(v)),
        Some(v) => Value::from(v.normalize().to_string()),
    }
}

fn board_json(week: &str, rows: &[BoardRow], total: &[Option<Decimal>], units: &[Unit]) -> Value {
    let managers: Vec<Value> = rows
        .iter()
        .map(|r| {
            let metrics: Map<String, Value> = r
                .metrics
                .iter()
                .map(|m| (m.key.as_str().to_string(), json_value(m.unit, m.actual)))
                .collect();
            json!({"manager_no": r.manager_no, "name": r.manager_name, "metrics": metrics})
        })
        .collect();
    let team: Map<String, Value> = BOARD_KEYS
        .iter()
        .zip(total.iter().zip(units))
        .map(|(k, (v, u))| (k.to_string(), json_value(*u, *v)))
        .collect();
    json!({"week": week, "managers": managers, "total": team})
}
