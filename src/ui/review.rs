//! The Review screen (周报): the week's metrics against their targets with a bar and the change on last week, the activity by day and kind, the tier migrations and the reflection; the reflection editor as a popup over it.

use chrono::{Datelike, Duration};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::text::{fit, fit_spans, right};
use super::theme;
use crate::app::App;
use crate::app::review_view::{DayActivity, ReflectionEditor, ReflectionField, ReviewData};
use crate::domain::diary::EntryKind;
use crate::domain::review::{Metric, Unit};
use crate::i18n::metric_name;
use crate::i18n::{Lang, T, fill, kind_name};

/// Wide enough for the metrics and, beside them, the activity, migrations and reflection.
const TWO_COLUMNS: u16 = 110;
const NAME: usize = 28;
const FIGURE: usize = 11;
const BAR: usize = 8;
/// The metrics table's width: name, actual, target, bar, change.
const TABLE: u16 = (NAME + 1 + FIGURE + 1 + FIGURE + 2 + BAR + 1 + FIGURE) as u16;

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
    let monday = view.monday(app.today);
    let Some(data) = view.data.as_ref().filter(|d| d.review.monday == monday) else {
        let week = crate::domain::review::week_label(monday);
        let lines = vec![
            Line::from(Span::styled(week, theme::title())),
            Line::from(Span::styled(
                if view.failed {
                    "—"
                } else {
                    app.t(T::RvLoading)
                },
                theme::dim(),
            )),
        ];
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(title_line(app, data, head.width)), head);

    let metrics = metric_lines(app, data);
    let mut side = activity_lines(app, &data.activity);
    side.push(Line::from(""));
    side.extend(migration_lines(app, data));
    side.push(Line::from(""));
    side.extend(reflection_lines(app, data));

    if body.width >= TWO_COLUMNS {
        let [left, right] =
            Layout::horizontal([Constraint::Length(TABLE + 2), Constraint::Min(0)]).areas(body);
        frame.render_widget(Paragraph::new(metrics).scroll((view.scroll, 0)), left);
        frame.render_widget(
            Paragraph::new(side)
                .wrap(ratatui::widgets::Wrap { trim: false })
                .block(
                    Block::default()
                        .borders(Borders::LEFT)
                        .border_style(theme::dim()),
                )
                .scroll((view.scroll, 0)),
            right,
        );
    } else {
        let mut all = metrics;
        all.push(Line::from(""));
        all.extend(side);
        // Too short for everything: the rest of the week in three lines under the table (the
        // whole page scrolls with j/k).
        let strip = if (all.len() as u16) > body.height && body.height >= 12 {
            3
        } else {
            0
        };
        let [page, bottom] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(strip)]).areas(body);
        frame.render_widget(Paragraph::new(all).scroll((view.scroll, 0)), page);
        if strip > 0 {
            frame.render_widget(
                Paragraph::new(summary_strip(app, data, bottom.width)).block(
                    Block::default()
                        .borders(Borders::TOP)
                        .border_style(theme::dim()),
                ),
                bottom,
            );
        }
    }
    if let Some(editor) = &view.editor {
        render_editor(frame, app, editor, area);
    }
}

/// The activity, migrations and reflection in two lines, for a small terminal.
fn summary_strip(app: &App, data: &ReviewData, width: u16) -> Vec<Line<'static>> {
    let mut activity = vec![Span::styled(
        format!("{} ", app.t(T::RvActivity)),
        theme::title(),
    )];
    for d in &data.activity {
        activity.push(Span::styled(
            format!("{}{} ", weekday(app.lang, d.day), d.total()),
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
    let first = |text: Option<&str>| -> String {
        match text.and_then(|t| t.lines().find(|l| !l.trim().is_empty())) {
            Some(l) => l.to_string(),
            None => app.t(T::RvNotWritten).to_string(),
        }
    };
    let r = data.reflection.as_ref();
    let reflection = vec![
        Span::styled(format!("{} ", app.t(T::RvSummary)), theme::title()),
        Span::raw(format!("{}  ", first(r.map(|r| r.summary.as_str())))),
        Span::styled(format!("{} ", app.t(T::RvPlan)), theme::title()),
        Span::raw(first(r.map(|r| r.plan.as_str()))),
    ];
    vec![
        Line::from(fit_spans(activity, width as usize)),
        Line::from(fit_spans(reflection, width as usize)),
    ]
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
        if m.actual.is_none() && m.previous.is_none() && m.key == "queue_completion" {
            continue;
        }
        lines.push(metric_line(app.lang, m));
    }
    lines
}

/// The metric's name, the core products' penetration shortened so the product shows.
fn short_name(lang: Lang, key: &str) -> String {
    match key
        .strip_prefix("core_product_penetration.")
        .and_then(crate::domain::customer::ProductKind::parse)
    {
        Some(kind) => fill(
            T::RvPenetrationShort.get(lang),
            &[&crate::i18n::product_name(lang, kind)],
        ),
        None => metric_name(lang, key),
    }
}

fn metric_line(lang: Lang, m: &Metric) -> Line<'static> {
    let missed = m.met() == Some(false);
    let name_style = if missed { theme::error() } else { Style::new() };
    let actual = m
        .actual
        .map(|v| figure(m.unit, v))
        .unwrap_or_else(|| "—".to_string());
    let target = match m.target {
        Some(t) if m.lower_is_better => format!("≤{}", figure(m.unit, t)),
        Some(t) => figure(m.unit, t),
        None => "—".to_string(),
    };
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
        Span::styled(fit(&short_name(lang, &m.key), NAME), name_style),
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

/// A figure as the report words it, whole yuan without the fen to keep the columns narrow.
fn figure(unit: Unit, value: Decimal) -> String {
    let text = unit.format(value);
    match unit {
        Unit::Amount => text.strip_suffix(".00").map(str::to_string).unwrap_or(text),
        _ => text,
    }
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
        legend.push(Span::raw(format!("{}  ", kind_name(app.lang, kind))));
    }
    lines.push(Line::from(legend));
    let most = days.iter().map(|d| d.total()).max().unwrap_or(0);
    const WIDTH: usize = 20;
    for d in days {
        let counts = [d.calls, d.sms, d.visits, d.sales];
        let mut spans = vec![Span::styled(
            format!(
                "{} {} ",
                fit(&weekday(app.lang, d.day), 3),
                d.day.format("%m-%d")
            ),
            if d.day == app.today {
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
    app.policy
        .tiers
        .iter()
        .find(|t| t.key == key)
        .map(|t| app.lang.pick(&t.zh, &t.en))
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

fn reflection_lines(app: &App, data: &ReviewData) -> Vec<Line<'static>> {
    let (summary, plan) = match &data.reflection {
        Some(r) => (r.summary.as_str(), r.plan.as_str()),
        None => ("", ""),
    };
    let mut lines = Vec::new();
    for (title, text) in [(T::RvSummary, summary), (T::RvPlan, plan)] {
        lines.push(Line::from(Span::styled(app.t(title), theme::title())));
        if text.trim().is_empty() {
            lines.push(Line::from(Span::styled(
                format!("{}  {}", app.t(T::RvNotWritten), app.t(T::RvEditHint)),
                theme::dim(),
            )));
        } else {
            lines.extend(text.lines().map(|l| Line::from(l.to_string())));
        }
    }
    lines
}

/// The editor: two text areas over the screen, the focused one framed brighter, the cursor
/// placed where the next character goes.
fn render_editor(frame: &mut Frame, app: &App, ed: &ReflectionEditor, area: Rect) {
    let width = area.width.saturating_sub(4).min(100);
    let height = area.height.min(24);
    let popup = super::centered(area, width, height);
    // A column either side too: a wide character cut by the border would smear.
    frame.render_widget(Clear, super::widen(popup, area));
    let week = crate::domain::review::week_label(ed.day);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(
            fill(app.t(T::RvEditorTitle), &[&week]),
            theme::title(),
        ))
        .title_bottom(Span::styled(app.t(T::RvEditorKeys), theme::key()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    for (field, title, text, rect) in [
        (ReflectionField::Summary, T::RvSummary, &ed.summary, top),
        (ReflectionField::Plan, T::RvPlan, &ed.plan, bottom),
    ] {
        let focused = ed.focus == field;
        let style = if focused { theme::key() } else { theme::dim() };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(style)
            .title(Span::styled(app.t(title), style));
        let text_area = block.inner(rect);
        let (line, col) = text.cursor_position();
        let scroll = line.saturating_sub(text_area.height.saturating_sub(1));
        let lines: Vec<Line> = text
            .text()
            .split('\n')
            .map(|l| Line::from(l.to_string()))
            .collect();
        frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), rect);
        if focused && text_area.width > 0 && text_area.height > 0 {
            let x = text_area.x + col.min(text_area.width.saturating_sub(1));
            let y = text_area.y + (line - scroll).min(text_area.height.saturating_sub(1));
            frame.set_cursor_position(Position::new(x, y));
        }
    }
}
