//! The Review screen (周报): the week's metrics against their targets with a bar and the change on last week, the activity by day and kind, the tier migrations, and the reflection's two text areas (本周总结 / 下周计划), edited in place.

use chrono::{Datelike, Duration};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::text::{fit, fit_spans, right};
use super::theme;
use crate::app::App;
use crate::app::tabs::review::{
    DayActivity, ReflectionEditor, ReflectionField, ReviewData, TABLE_COLUMNS, TWO_COLUMNS,
};
use crate::app::text_area::TextArea;
use crate::domain::diary::EntryKind;
use crate::domain::names::kind_name;
use crate::domain::review::{Metric, MetricKey, Unit};
use crate::i18n::{Lang, T, fill};

const NAME: usize = 28;
const FIGURE: usize = 11;
const BAR: usize = 8;
/// The metrics table's width: name, actual, target, bar, change.
const TABLE: u16 = (NAME + 1 + FIGURE + 1 + FIGURE + 2 + BAR + 1 + FIGURE) as u16;
// The model wraps the reflection (for Up and Down) from the same widths as this layout.
const _: () = assert!(TABLE + 2 == TABLE_COLUMNS);

/// The four kinds of the activity chart, each with its colour.
const KINDS: [(EntryKind, Color); 4] = [
    (EntryKind::Call, Color::Cyan),
    (EntryKind::Sms, Color::Green),
    (EntryKind::Visit, Color::Yellow),
    (EntryKind::Sale, Color::Magenta),
];

/// Draws the Review screen.
pub fn render_review(frame: &mut Frame, app: &App, area: Rect) {
    let view = &app.review;
    let monday = view.monday(app.ctx.today);
    let Some(data) = view.data.as_ref().filter(|d| d.review.monday == monday) else {
        super::render_week_pending(frame, area, monday, view.failed, app.t(T::RvLoading));
        return;
    };
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(title_line(app, data, head.width)), head);
    let editor = view.editor.as_ref().filter(|e| e.day == monday);

    let metrics = metric_lines(app, data);
    let mut side = activity_lines(app, &data.activity);
    side.push(Line::from(""));
    side.extend(migration_lines(app, data));

    if body.width >= TWO_COLUMNS {
        let [left, right] =
            Layout::horizontal([Constraint::Length(TABLE + 2), Constraint::Min(0)]).areas(body);
        frame.render_widget(Paragraph::new(metrics).scroll((view.scroll, 0)), left);
        let block = Block::default()
            .borders(Borders::LEFT)
            .border_style(theme::dim());
        let column = block.inner(right);
        frame.render_widget(block, right);
        // The reflection takes the column's foot: what the activity and migrations leave, and
        // never less than two fifths (three while editing); they scroll with j/k above it.
        let share = if editor.is_some() { 3 } else { 2 };
        let height = column
            .height
            .saturating_sub(side.len() as u16)
            .max(column.height * share / 5);
        let [top, foot] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(height)]).areas(column);
        frame.render_widget(Paragraph::new(side).scroll((view.scroll, 0)), top);
        render_reflection(frame, app, data, editor, foot, true);
    } else {
        let mut all = metrics;
        all.push(Line::from(""));
        all.extend(side);
        // The reflection sits at the foot, its two areas side by side; while editing they are
        // stacked and take most of the screen, the one with the cursor the taller. Above, the
        // page scrolls with j/k, with the week's activity in one line when there is room.
        let (height, strip) = match editor {
            Some(_) => (body.height.saturating_sub(4).max(body.height * 3 / 4), 0),
            None if body.height >= 12 => ((body.height / 3).min(8), 1),
            None => (body.height / 2, 0),
        };
        let [page, bottom, foot] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(strip),
            Constraint::Length(height),
        ])
        .areas(body);
        frame.render_widget(Paragraph::new(all).scroll((view.scroll, 0)), page);
        if strip > 0 {
            frame.render_widget(
                Paragraph::new(activity_strip(app, data, bottom.width)),
                bottom,
            );
        }
        render_reflection(frame, app, data, editor, foot, editor.is_some());
    }
}

/// The week's activity and migrations in one line, for a small terminal.
fn activity_strip(app: &App, data: &ReviewData, width: u16) -> Line<'static> {
    let mut activity = vec![Span::styled(
        format!("{} ", app.t(T::RvActivity)),
        theme::title(),
    )];
    for d in &data.activity {
        activity.push(Span::styled(
            format!("{}{} ", weekday(app.ctx.lang, d.day), d.total()),
            if d.total() == 0 {
                theme::dim()
            } else {
                Style::new()
            },
        ));
    }
    let ups = data.review.migrations.iter().filter(|m| m.upgrade).count();
    let downs = data.review.migrations.len() - ups;
    activity.push(Span::styled(
        format!(" {} ", app.t(T::RvMigrations)),
        theme::title(),
    ));
    activity.push(Span::styled(
        format!("▲{ups}"),
        Style::new().fg(Color::Green),
    ));
    activity.push(Span::styled(
        format!(" ▼{downs}"),
        Style::new().fg(Color::Red),
    ));
    Line::from(fit_spans(activity, width as usize))
}

fn title_line(app: &App, data: &ReviewData, width: u16) -> Line<'static> {
    let r = &data.review;
    let sunday = r.monday + Duration::days(6);
    let name = if data.manager_name.is_empty() {
        &data.manager_no
    } else {
        &data.manager_name
    };
    let mut spans = vec![Span::styled(
        fill(
            app.t(T::RvTitle),
            &[name, &data.manager_no, &data.week, &r.monday, &sunday],
        ),
        theme::title(),
    )];
    if r.end < sunday {
        spans.push(Span::styled(
            format!("  {}", fill(app.t(T::RvUpTo), &[&r.end])),
            theme::dim(),
        ));
    }
    if r.referrals_received > 0 {
        spans.push(Span::styled(
            format!(
                "  {}",
                fill(app.t(T::RvReferrals), &[&r.referrals_received])
            ),
            theme::dim(),
        ));
    }
    Line::from(fit_spans(spans, width as usize))
}

/// The table: a header, then one line a metric (left unmeasured ones out).
fn metric_lines(app: &App, data: &ReviewData) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{} {} {}  {} {}",
            fit(app.t(T::RvMetric), NAME),
            right(app.t(T::RvActual), FIGURE),
            right(app.t(T::RvTarget), FIGURE),
            fit("", BAR),
            right(app.t(T::RvChange), FIGURE),
        ),
        theme::header(),
    ))];
    for m in &data.review.metrics {
        if m.actual.is_none() && m.previous.is_none() && m.key == MetricKey::QueueCompletion {
            continue;
        }
        lines.push(metric_line(app.ctx.lang, m));
    }
    if data.review.metrics.iter().any(|m| m.own_target) {
        lines.push(Line::from(Span::styled(
            app.t(T::RvOwnTargetNote).to_string(),
            theme::dim(),
        )));
    }
    lines
}

fn metric_line(lang: Lang, m: &Metric) -> Line<'static> {
    let missed = m.met() == Some(false);
    let name_style = if missed { theme::error() } else { Style::new() };
    let actual = m
        .actual
        .map(|v| figure(m.unit, v))
        .unwrap_or_else(|| "—".to_string());
    let mut target = match m.target {
        Some(t) if m.lower_is_better => format!("≤{}", figure(m.unit, t)),
        Some(t) => figure(m.unit, t),
        None => "—".to_string(),
    };
    if m.own_target {
        // The manager's own target, not the policy's (explained under the table).
        target.insert(0, '*');
    }
    let (bar, bar_style) = gauge(m);
    let (change, change_style) = match m.change() {
        Some(c) if c.is_zero() => ("=".to_string(), theme::dim()),
        Some(c) => {
            let up = c > Decimal::ZERO;
            let good = up != m.lower_is_better;
            let text = format!("{}{}", if up { "▲" } else { "▼" }, figure(m.unit, c.abs()));
            let colour = if good { Color::Green } else { Color::Red };
            (text, Style::new().fg(colour))
        }
        None => ("—".to_string(), theme::dim()),
    };
    Line::from(vec![
        Span::styled(fit(&m.key.short_name(lang), NAME), name_style),
        Span::raw(" "),
        Span::styled(right(&actual, FIGURE), name_style),
        Span::raw(" "),
        Span::styled(right(&target, FIGURE), theme::dim()),
        Span::raw("  "),
        Span::styled(bar, bar_style),
        Span::raw(" "),
        Span::styled(right(&change, FIGURE), change_style),
    ])
}

/// A figure as the report words it; amounts in whole yuan to keep the columns narrow, and in
/// 万 when even that is wider than the column (a branch's AUM change can be).
fn figure(unit: Unit, value: Decimal) -> String {
    let Unit::Amount = unit else {
        return unit.format(value);
    };
    let whole =
        value.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let text = unit.format(whole);
    let text = text.strip_suffix(".00").map(str::to_string).unwrap_or(text);
    if text.chars().count() <= FIGURE {
        return text;
    }
    let wan = (value / Decimal::from(10_000))
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    format!("{wan:.2}万")
}

/// A ▇ bar of actual over target (full when a ceiling is kept), coloured by whether it is met.
fn gauge(m: &Metric) -> (String, Style) {
    let (Some(a), Some(t)) = (m.actual, m.target) else {
        return (" ".repeat(BAR), Style::new());
    };
    let met = m.met() == Some(true);
    let share = if m.lower_is_better || t <= Decimal::ZERO {
        if met { 1.0 } else { 0.0 }
    } else {
        (a / t).to_f64().unwrap_or(0.0).clamp(0.0, 1.0)
    };
    let filled = (share * BAR as f64).round() as usize;
    let text = format!("{}{}", "▇".repeat(filled), "·".repeat(BAR - filled));
    let colour = if met { Color::Green } else { Color::Red };
    (text, Style::new().fg(colour))
}

fn weekday(lang: Lang, day: chrono::NaiveDate) -> String {
    match lang {
        Lang::Zh => ["一", "二", "三", "四", "五", "六", "日"]
            [day.weekday().num_days_from_monday() as usize]
            .to_string(),
        Lang::En => day.weekday().to_string(),
    }
}

/// The week's activity: a legend, then one line a day with a ▇ per entry coloured by kind.
fn activity_lines(app: &App, days: &[DayActivity]) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        app.t(T::RvActivity),
        theme::title(),
    ))];
    let mut legend = Vec::new();
    for (kind, colour) in KINDS {
        legend.push(Span::styled("▇", Style::new().fg(colour)));
        legend.push(Span::raw(format!("{}  ", kind_name(app.ctx.lang, kind))));
    }
    lines.push(Line::from(legend));
    let most = days.iter().map(|d| d.total()).max().unwrap_or(0);
    const WIDTH: usize = 20;
    for d in days {
        let counts = [d.calls, d.sms, d.visits, d.sales];
        let mut spans = vec![Span::styled(
            format!(
                "{} {} ",
                fit(&weekday(app.ctx.lang, d.day), 3),
                d.day.format("%m-%d")
            ),
            if d.day == app.ctx.today {
                theme::key()
            } else {
                theme::dim()
            },
        )];
        // Scaled so the busiest day fills WIDTH cells; every kind present shows at least one.
        for (i, (_, colour)) in KINDS.iter().enumerate() {
            let n = counts[i];
            if n == 0 {
                continue;
            }
            let cells = if most <= WIDTH {
                n
            } else {
                (n * WIDTH).div_ceil(most)
            };
            spans.push(Span::styled("▇".repeat(cells), Style::new().fg(*colour)));
        }
        let figures: Vec<String> = counts.iter().map(|n| n.to_string()).collect();
        spans.push(Span::styled(
            format!(" {}", figures.join("/")),
            theme::dim(),
        ));
        lines.push(Line::from(spans));
    }
    lines
}

fn tier<'a>(app: &'a App, key: &'a str) -> &'a str {
    app.ctx
        .policy
        .tiers
        .iter()
        .find(|t| t.key == key)
        .map(|t| app.ctx.lang.pick(&t.zh, &t.en))
        .unwrap_or(key)
}

fn migration_lines(app: &App, data: &ReviewData) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        app.t(T::RvMigrations),
        theme::title(),
    ))];
    if data.review.migrations.is_empty() {
        lines.push(Line::from(Span::styled(
            app.t(T::RvNoMigrations),
            theme::dim(),
        )));
    }
    for m in &data.review.migrations {
        let (arrow, colour) = if m.upgrade {
            ("▲", Color::Green)
        } else {
            ("▼", Color::Red)
        };
        lines.push(Line::from(vec![
            Span::styled(m.date.format("%m-%d ").to_string(), theme::dim()),
            Span::raw(format!("{} ", m.customer_name)),
            Span::raw(format!("{} → ", tier(app, &m.from))),
            Span::styled(
                format!("{arrow}{}", tier(app, &m.to)),
                Style::new().fg(colour),
            ),
        ]));
    }
    lines
}

/// The two text areas of the reflection, 本周总结 and 下周计划, stacked or side by side. While
/// they are edited the focused one is framed brighter and taller, wraps its text at its width,
/// scrolls to keep the cursor in view, and shows the cursor where the next character goes.
fn render_reflection(
    frame: &mut Frame,
    app: &App,
    data: &ReviewData,
    editor: Option<&ReflectionEditor>,
    area: Rect,
    stacked: bool,
) {
    let stored = data.reflection.clone().unwrap_or_default();
    let fields = [
        (ReflectionField::Summary, T::RvSummary, stored.summary),
        (ReflectionField::Plan, T::RvPlan, stored.plan),
    ];
    let focus = editor.map(|e| e.focus);
    let constraints = fields.each_ref().map(|(field, ..)| {
        Constraint::Fill(match focus {
            Some(f) if f == *field => 3,
            Some(_) => 2,
            None => 1,
        })
    });
    let rects = if stacked {
        Layout::vertical(constraints).split(area)
    } else {
        Layout::horizontal(constraints).split(area)
    };
    for ((field, title, text), rect) in fields.into_iter().zip(rects.iter()) {
        let focused = focus == Some(field);
        let style = if focused { theme::key() } else { theme::dim() };
        let mut heading = vec![Span::styled(app.t(title), style)];
        let area_text = match editor {
            Some(ed) => {
                let now = ed.area(field).text();
                let before = match field {
                    ReflectionField::Summary => &ed.original.0,
                    ReflectionField::Plan => &ed.original.1,
                };
                if now != before {
                    heading.push(Span::styled(
                        format!(" · {}", app.t(T::RvUnsaved)),
                        theme::error(),
                    ));
                }
                ed.area(field).clone()
            }
            None => TextArea::with(&text),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(style)
            .title(Line::from(heading));
        let inner = block.inner(*rect);
        frame.render_widget(block, *rect);
        if inner.width == 0 || inner.height == 0 {
            continue;
        }
        if editor.is_none() && text.trim().is_empty() {
            let hint = format!("{}  {}", app.t(T::RvNotWritten), app.t(T::RvEditHint));
            frame.render_widget(
                Paragraph::new(Span::styled(fit(&hint, inner.width as usize), theme::dim())),
                inner,
            );
            continue;
        }
        // While editing a column is kept for the cursor after a full row
        // (`tabs::review::text_width`).
        let wrap = match editor {
            Some(_) => inner.width.saturating_sub(1).max(1),
            None => inner.width,
        } as usize;
        let (rows, (row, col)) = area_text.layout(wrap);
        // Shown from the top, unless the cursor is further down than the area is tall.
        let scroll = if focused {
            (row + 1).saturating_sub(inner.height as usize)
        } else {
            0
        };
        let lines: Vec<Line> = rows
            .into_iter()
            .skip(scroll)
            .take(inner.height as usize)
            .map(Line::from)
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        if focused {
            let x = inner.x + (col as u16).min(inner.width - 1);
            let y = inner.y + ((row - scroll) as u16).min(inner.height - 1);
            frame.set_cursor_position(Position::new(x, y));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_fit_their_column() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(figure(Unit::Amount, d("50000.00")), "¥50,000");
        assert_eq!(figure(Unit::Amount, d("-1878585.49")), "-¥1,878,585");
        assert_eq!(figure(Unit::Amount, d("123456789.5")), "12345.68万");
    }
}
