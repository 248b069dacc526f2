//! The Team screen (团队): one row per manager with the week's board figures, ranked by the sort column, the team total under them; missed targets in the warning colour. On a narrow terminal the metric columns scroll sideways so the sort column is always shown.

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

use super::text::{fit, fit_spans, right};
use super::theme;
use crate::app::App;
use crate::app::tabs::team::Model as TeamView;
use crate::domain::board::{BOARD_KEYS, Board};
use crate::domain::review::{MetricKey, Unit};
use crate::i18n::{Lang, T, fill};

/// The rank column's width.
const RANK: usize = 2;
/// Staff numbers and names are cut to this many columns (four Chinese characters).
const TEXT_MAX: usize = 8;
/// Lines of the screen that are not manager rows: title, sort, header, rule, total, blank, hint.
const FIXED_LINES: u16 = 7;

/// Draws the Team screen.
pub fn render_team(frame: &mut Frame, app: &App, area: Rect) {
    let view = &app.team;
    let Some(board) = view.shown(app.ctx.today) else {
        let loading = app.t(T::TmLoading);
        super::render_week_pending(
            frame,
            area,
            view.monday(app.ctx.today),
            view.failed,
            loading,
        );
        return;
    };
    let width = area.width as usize;
    let mut lines = vec![title_line(app, board, width), sort_line(app, width)];
    if board.rows.is_empty() {
        lines.push(Line::from(Span::styled(app.t(T::TmEmpty), theme::dim())));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let columns = Columns::new(app, board, width);
    lines.push(columns.header(app, view));
    let visible = area.height.saturating_sub(FIXED_LINES).max(1) as usize;
    // Scrolled just enough to keep the cursor on screen.
    let offset = view.cursor.saturating_sub(visible - 1);
    for (i, row) in board.rows.iter().enumerate().skip(offset).take(visible) {
        let mut cells = vec![
            Span::raw(format!("{} ", right(&(i + 1).to_string(), RANK))),
            Span::raw(format!("{} ", fit(&row.manager_no, columns.no))),
            Span::raw(format!("{} ", fit(&row.manager_name, columns.name))),
        ];
        for &c in &columns.shown {
            let m = &row.metrics[c];
            let mut style = if m.met() == Some(false) {
                theme::error()
            } else {
                Style::new()
            };
            if view.sort == c + 1 {
                style = style.add_modifier(Modifier::BOLD);
            }
            cells.push(Span::raw(" "));
            cells.push(Span::styled(
                right(&cell(m.key, m.unit, m.actual), columns.widths[c]),
                style,
            ));
        }
        let mut line = Line::from(fit_spans(cells, width));
        if i == view.cursor {
            line = line.patch_style(theme::selected());
        }
        lines.push(line);
    }
    lines.push(Line::from(Span::styled(
        "─".repeat(columns.used.min(width)),
        theme::dim(),
    )));
    lines.push(columns.total(app, board));
    lines.push(Line::from(""));
    lines.push(hint_line(app, &columns, width));
    frame.render_widget(Paragraph::new(lines), area);
}

/// The week and its dates.
fn title_line(app: &App, board: &Board, width: usize) -> Line<'static> {
    let sunday = board.monday + Duration::days(6);
    let mut spans = vec![Span::styled(
        fill(
            app.t(T::TmTitle),
            &[
                &board.week,
                &board.monday.format("%m-%d"),
                &sunday.format("%m-%d"),
            ],
        ),
        theme::title(),
    )];
    if app.ctx.today < sunday && app.ctx.today >= board.monday {
        spans.push(Span::styled(
            format!(
                "  {}",
                fill(app.t(T::TmUpTo), &[&app.ctx.today.format("%m-%d")])
            ),
            theme::dim(),
        ));
    }
    Line::from(fit_spans(spans, width))
}

/// The sort column, by its full name (the headings are abbreviated), and the direction.
fn sort_line(app: &App, width: usize) -> Line<'static> {
    let view = &app.team;
    // The full name here: the column headings are abbreviated.
    let column = match view.sort_key() {
        Some(key) => key.name(app.ctx.lang),
        None => app.t(T::TmStaffNo).to_string(),
    };
    // Best and worst, not high and low: fewer customers lost is the better figure.
    let direction = app.t(match (view.sort_key(), view.reversed) {
        (None, false) => T::TmAscending,
        (None, true) => T::TmDescending,
        (Some(_), false) => T::TmBestFirst,
        (Some(_), true) => T::TmWorstFirst,
    });
    let text = format!("{} · {direction}", fill(app.t(T::TmSortBy), &[&column]));
    Line::from(fit_spans(vec![Span::styled(text, theme::dim())], width))
}

/// The red-for-missed legend, and how many metric columns the width left out.
fn hint_line(app: &App, columns: &Columns, width: usize) -> Line<'static> {
    let mut spans = vec![Span::styled(app.t(T::TmMissedHint), theme::error())];
    let hidden = BOARD_KEYS.len() - columns.shown.len();
    if hidden > 0 {
        spans.push(Span::styled(
            format!("  {}", fill(app.t(T::TmMoreColumns), &[&hidden])),
            theme::dim(),
        ));
    }
    Line::from(fit_spans(spans, width))
}

/// The board's short column heading (every board key has one).
fn column_name(lang: Lang, key: MetricKey) -> &'static str {
    key.column_name(lang).unwrap_or_default()
}

/// A figure for a narrow column: money in whole yuan, changes with their sign.
fn cell(key: MetricKey, unit: Unit, value: Option<Decimal>) -> String {
    let Some(v) = value else {
        return "—".to_string();
    };
    let sign = if key.is_change() && v > Decimal::ZERO {
        "+"
    } else {
        ""
    };
    match unit {
        Unit::Amount => {
            let minus = if v < Decimal::ZERO { "-" } else { sign };
            format!("{minus}¥{}", crate::domain::money::format_whole(v.abs()))
        }
        _ => format!("{sign}{}", unit.format(v)),
    }
}

/// The widths of the columns and which metric columns fit.
struct Columns {
    no: usize,
    name: usize,
    /// Each metric column's width (heading with its sort arrow, or widest figure).
    widths: Vec<usize>,
    /// The metric columns shown, in order (indices into [`BOARD_KEYS`]).
    shown: Vec<usize>,
    /// The width of a full row.
    used: usize,
}

impl Columns {
    fn new(app: &App, board: &Board, width: usize) -> Columns {
        let widest = |header: &str, texts: &mut dyn Iterator<Item = usize>| {
            texts.fold(header.width(), usize::max).min(TEXT_MAX)
        };
        let no = widest(
            app.t(T::TmStaffNo),
            &mut board.rows.iter().map(|r| r.manager_no.width()),
        );
        let name = widest(
            app.t(T::TmName),
            &mut board.rows.iter().map(|r| r.manager_name.width()),
        )
        .max(app.t(T::TmTotal).width());
        let widths: Vec<usize> = BOARD_KEYS
            .into_iter()
            .enumerate()
            .map(|(c, key)| {
                let figures = board
                    .rows
                    .iter()
                    .map(|r| cell(key, r.metrics[c].unit, r.metrics[c].actual).width())
                    .chain([cell(key, board.units[c], board.total[c]).width()]);
                // One column more than the heading for the sort arrow.
                figures.fold(column_name(app.ctx.lang, key).width() + 1, usize::max)
            })
            .collect();
        let fixed = RANK + 1 + no + 1 + name + 1;
        let room = width.saturating_sub(fixed);
        // Scrolled sideways only as far as needed to show the sort column.
        let mut first = 0;
        if let Some(s) = app.team.sort.checked_sub(1) {
            while first < s && (first..=s).map(|c| widths[c] + 1).sum::<usize>() > room {
                first += 1;
            }
        }
        let mut shown = Vec::new();
        let mut used = 0;
        for (c, w) in widths.iter().enumerate().skip(first) {
            if used + w + 1 > room && !shown.is_empty() {
                break;
            }
            used += w + 1;
            shown.push(c);
        }
        Columns {
            no,
            name,
            widths,
            shown,
            used: fixed + used,
        }
    }

    /// The headings, the sort column's marked with its direction (▼ best first, ▲ worst first).
    fn header(&self, app: &App, view: &TeamView) -> Line<'static> {
        let style_of = |sorted: bool| {
            if sorted {
                theme::key().add_modifier(Modifier::UNDERLINED)
            } else {
                theme::header()
            }
        };
        let arrow = if view.reversed { "▲" } else { "▼" };
        let no_head = if view.sort == 0 {
            format!("{}{arrow}", app.t(T::TmStaffNo))
        } else {
            app.t(T::TmStaffNo).to_string()
        };
        let left_hidden = self.shown.first().is_some_and(|c| *c > 0);
        let mut spans = vec![
            Span::styled(
                format!("{} ", right(app.t(T::TmRank), RANK)),
                theme::header(),
            ),
            Span::styled(fit(&no_head, self.no), style_of(view.sort == 0)),
            Span::raw(" "),
            Span::styled(fit(app.t(T::TmName), self.name), theme::header()),
            Span::styled(if left_hidden { "‹" } else { " " }, theme::key()),
        ];
        for &c in &self.shown {
            // As in the rows: a space, then the column right-aligned over its figures.
            spans.push(Span::raw(" "));
            let sorted = view.sort == c + 1;
            let name = column_name(app.ctx.lang, BOARD_KEYS[c]);
            let head = if sorted {
                format!("{name}{arrow}")
            } else {
                name.to_string()
            };
            spans.push(Span::styled(right(&head, self.widths[c]), style_of(sorted)));
        }
        if self.shown.last().is_some_and(|c| *c + 1 < BOARD_KEYS.len()) {
            spans.push(Span::styled("›", theme::key()));
        }
        Line::from(spans)
    }

    /// The team total: shares from their parts, the rest summed.
    fn total(&self, app: &App, board: &Board) -> Line<'static> {
        let bold = theme::group();
        let mut spans = vec![
            Span::raw(" ".repeat(RANK + 1 + self.no + 1)),
            Span::styled(format!("{} ", fit(app.t(T::TmTotal), self.name)), bold),
        ];
        for &c in &self.shown {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                right(
                    &cell(BOARD_KEYS[c], board.units[c], board.total[c]),
                    self.widths[c],
                ),
                bold,
            ));
        }
        Line::from(spans)
    }
}
