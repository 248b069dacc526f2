//! The Upcoming view (今日预约) over the Today screen: the open follow-ups of today and the next seven days under a heading per day ("今天 12-02", "明天 12-03", "周四 12-04"), each with its time, the kind of entry that set it, the customer (or a memo's note) and the note; today's past-due ones marked. Draws from `&App` only.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::text::{fit, fit_spans};
use super::theme;
use crate::app::tabs::today::upcoming::{Upcoming, past_due};
use crate::app::{App, kind_name};
use crate::domain::diary::DiaryEntry;
use crate::i18n::{T, fill};

const TIME: usize = 6;
const KIND: usize = 9;
const NAME: usize = 12;

/// Draws the view over `area` (the Today screen's list, under the status line and above the
/// message line and footer).
pub fn render_upcoming(frame: &mut Frame, app: &App, view: &Upcoming, area: Rect) {
    let inner_width = area.width.saturating_sub(2) as usize;
    let (lines, cursor_line) = match &view.entries {
        None => (
            vec![Line::from(Span::styled(app.t(T::Loading), theme::dim()))],
            0,
        ),
        Some(entries) if entries.is_empty() => (
            vec![Line::from(Span::styled(app.t(T::UpEmpty), theme::dim()))],
            0,
        ),
        Some(_) => list_lines(app, view, inner_width),
    };
    let popup = area;
    frame.render_widget(Clear, popup);
    let title = fill(app.t(T::UpTitle), &[&view.entries().len()]);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows = inner.height.saturating_sub(1) as usize;
    // Keep the cursor in view, and its day's heading with it when there is room.
    let offset = (cursor_line + 1).saturating_sub(rows);
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(rows).collect();
    let [list, keys] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(1),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(shown), list);
    frame.render_widget(
        Paragraph::new(Span::styled(app.t(T::UpKeys), theme::dim())),
        keys,
    );
}

/// The day headings and the follow-ups under them, and the line the cursor is on.
fn list_lines(app: &App, view: &Upcoming, width: usize) -> (Vec<Line<'static>>, usize) {
    let today = app.ctx.today;
    let mut lines = Vec::new();
    let mut cursor_line = 0;
    let days = view.days(today);
    let cols = Columns {
        // As wide as the widest time: a memo reminder from last night shows its date too.
        time: (days.iter())
            .flat_map(|(day, rows)| rows.iter().map(|&i| time_text(&view.entries()[i], *day)))
            .map(|t| t.width() + 1)
            .max()
            .unwrap_or(0)
            .max(TIME),
        late: (view.entries().iter())
            .any(|e| past_due(e, app.ctx.now))
            .then(|| app.t(T::UpPastDue).width() + 1),
        width,
    };
    for (day, rows) in days {
        lines.push(Line::from(Span::styled(
            day_label(app, day, today),
            theme::header(),
        )));
        for i in rows {
            let entry = &view.entries()[i];
            let line = entry_line(app, entry, day, &cols);
            if i == view.cursor {
                cursor_line = lines.len();
                lines.push(line.patch_style(theme::selected()));
            } else {
                lines.push(line);
            }
        }
    }
    (lines, cursor_line)
}

/// `今天 12-02`, `明天 12-03`, `周四 12-04` (`Today 12-02`, `Tomorrow 12-03`, `Thu 12-04`).
fn day_label(app: &App, day: NaiveDate, today: NaiveDate) -> String {
    let word = match (day - today).num_days() {
        0 => app.t(T::UpToday).to_string(),
        1 => app.t(T::UpTomorrow).to_string(),
        _ => {
            let i = day.weekday().num_days_from_monday() as usize;
            let names: Vec<&str> = app.t(T::UpWeekdays).split(',').collect();
            names.get(i).copied().unwrap_or_default().to_string()
        }
    };
    format!("{word} {}", day.format("%m-%d"))
}

/// The columns' widths, the same on every row.
struct Columns {
    time: usize,
    /// The past-due mark's column, there when any row is late.
    late: Option<usize>,
    /// The whole line.
    width: usize,
}

/// A follow-up's time, with the date when it is not the heading's day (a memo reminder from
/// last night).
fn time_text(e: &DiaryEntry, day: NaiveDate) -> String {
    match e.draft.follow_up_at {
        Some(t) if t.date() != day => t.format("%m-%d %H:%M").to_string(),
        Some(t) => t.format("%H:%M").to_string(),
        None => String::new(),
    }
}

/// One follow-up: the past-due mark, its time, the kind of entry that set it, the customer,
/// the note. A memo without a customer shows its note where the name goes.
fn entry_line(app: &App, e: &DiaryEntry, day: NaiveDate, cols: &Columns) -> Line<'static> {
    let d = &e.draft;
    let late = past_due(e, app.ctx.now);
    let mut pieces = vec![
        Span::styled(if late { "! " } else { "  " }, theme::error()),
        Span::styled(
            fit(&time_text(e, day), cols.time),
            if late { theme::error() } else { theme::title() },
        ),
    ];
    if let Some(room) = cols.late {
        let mark = if late { app.t(T::UpPastDue) } else { "" };
        pieces.push(Span::styled(fit(mark, room), theme::error()));
    }
    pieces.push(Span::styled(
        fit(kind_name(app.ctx.lang, d.kind), KIND),
        theme::key(),
    ));
    match &e.customer_name {
        Some(name) => {
            pieces.push(Span::raw(fit(name, NAME)));
            pieces.push(Span::styled(d.note.clone(), theme::dim()));
        }
        None => pieces.push(Span::raw(d.note.clone())),
    }
    Line::from(fit_spans(pieces, cols.width))
}
