//! The Today screen's popups: snooze (three choices, a date, a note, and what the day chosen
//! would miss), dismiss (each reason with how long it stays away, and the reason asked), and the score breakdown (each term, value × coefficient = points, the total).

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::reasons::{ordered_reasons, reason_text, term_name, until_text};
use super::text::{field_window, fit, right};
use super::theme;
use crate::app::App;
use crate::app::tabs::today::{
    DismissForm, HoldError, Missed, SnoozeChoice, SnoozeField, SnoozeForm, SnoozeWarning,
    TodayPopup,
};
use crate::app::text_field::TextField;
use crate::domain::queue::{QueueItem, next_monday};
use crate::i18n::{Lang, T, fill};

const LABEL: usize = 22;
/// The snooze popup's width (the dismiss popup is as wide).
const SNOOZE_WIDTH: u16 = 64;

/// Draws the open popup centred over `area`.
pub fn render_today_popup(frame: &mut Frame, app: &App, popup: &TodayPopup, area: Rect) {
    match popup {
        TodayPopup::Snooze(form) => render_snooze(frame, app, form, area),
        TodayPopup::Dismiss(form) => render_dismiss(frame, app, form, area),
        TodayPopup::Holds(view) => super::today_holds::render_today_holds(frame, app, view, area),
        TodayPopup::Breakdown => {
            if let Some(item) = app.today_view.selected() {
                let rank = app.today_view.selected_rank().unwrap_or(0);
                render_breakdown(frame, app, item, rank, area);
            }
        }
    }
}

/// A bordered box of `lines`, `width` wide, centred; returns its inner area.
fn boxed(frame: &mut Frame, area: Rect, title: String, lines: Vec<Line>, width: u16) -> Rect {
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = super::centered(area, width.min(area.width), height);
    // Clear a column either side too: a wide character cut by the border would smear.
    frame.render_widget(Clear, super::widen(popup, area));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
    inner
}

fn who(app: &App, item: &QueueItem) -> String {
    item.customer_name
        .clone()
        .unwrap_or_else(|| app.t(T::SmsRowName).to_string())
}

/// `2026-11-30 星期一` / `2026-11-30 Mon`.
fn day_text(lang: Lang, day: NaiveDate) -> String {
    let i = day.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Zh => format!(
            "{day} 星期{}",
            ["一", "二", "三", "四", "五", "六", "日"][i]
        ),
        Lang::En => format!("{day} {}", day.weekday()),
    }
}

fn render_snooze(frame: &mut Frame, app: &App, form: &SnoozeForm, area: Rect) {
    let today = app.ctx.today;
    let labels = [T::SnoozeNextDay, T::SnoozeNextWeek, T::SnoozeDate];
    let mut lines = Vec::new();
    let mut cursor = None;
    let room = field_room(area, SNOOZE_WIDTH);
    // A field shows the part around its cursor when focused, its start otherwise.
    let window = |field: &TextField, focused: bool| {
        field_window(
            field.text(),
            if focused { field.cursor_width() } else { 0 },
            room,
        )
    };
    let text_field = |field: &TextField, hint: Option<String>, focused: bool| -> Span<'static> {
        match hint {
            Some(h) if field.is_empty() => Span::styled(h, theme::dim()),
            _ => Span::raw(window(field, focused).0),
        }
    };
    for (i, choice) in SnoozeChoice::ALL.iter().enumerate() {
        let chosen = form.choice == *choice;
        let pointer = if chosen { "▸ " } else { "  " };
        let label_style = if chosen && form.focus == SnoozeField::Choice {
            theme::selected()
        } else if chosen {
            theme::key()
        } else {
            Style::new()
        };
        let mut spans = vec![
            Span::styled(pointer, theme::key()),
            Span::styled(
                fit(&format!("{} {}", i + 1, app.t(labels[i])), LABEL - 2),
                label_style,
            ),
        ];
        match choice {
            SnoozeChoice::NextWorkingDay => spans.push(Span::raw(day_text(
                app.ctx.lang,
                app.ctx.policy.calendar.next_working_day(today),
            ))),
            SnoozeChoice::NextMonday => {
                spans.push(Span::raw(day_text(app.ctx.lang, next_monday(today))))
            }
            SnoozeChoice::Date => {
                let hint = fill(app.t(T::SnoozeDateHintOn), &[&super::hint_day(app)]);
                let focused = form.focus == SnoozeField::Date;
                spans.push(text_field(&form.date, Some(hint), focused));
                // What the typed words mean, as they are typed (worked out by `update`).
                if let Some(day) = form.preview {
                    spans.push(Span::styled(
                        format!("  → {}", day_text(app.ctx.lang, day)),
                        theme::title(),
                    ));
                }
                if focused {
                    cursor = Some((lines.len(), window(&form.date, true).1));
                }
            }
        }
        lines.push(Line::from(spans));
    }
    let note_style = if form.focus == SnoozeField::Note {
        theme::key()
    } else {
        theme::dim()
    };
    let note_focused = form.focus == SnoozeField::Note;
    if note_focused {
        cursor = Some((lines.len(), window(&form.note, true).1));
    }
    lines.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(fit(app.t(T::FieldHoldNote), LABEL - 2), note_style),
        text_field(&form.note, None, note_focused),
    ]));
    // The error, else what the day chosen would miss (it still saves: the manager decides).
    lines.push(match form.error {
        Some(HoldError::BadDate) => Line::from(Span::styled(
            format!(
                "  ✗ {}",
                fill(app.t(T::ErrSnoozeDateOn), &[&super::hint_day(app)])
            ),
            theme::error(),
        )),
        _ if !form.warnings.is_empty() => Line::from(Span::styled(
            fit(
                &format!("  ! {}", warnings_text(app, &form.warnings)),
                SNOOZE_WIDTH as usize - 2,
            ),
            theme::key(),
        )),
        _ => Line::from(""),
    });
    lines.push(keys_line(
        app,
        match form.focus {
            SnoozeField::Choice => T::SnoozeKeys,
            SnoozeField::Date => T::SnoozeKeysDate,
            SnoozeField::Note => T::SnoozeKeysNote,
        },
    ));
    let title = fill(app.t(T::SnoozeTitle), &[&who(app, &form.item)]);
    let inner = boxed(frame, area, title, lines, SNOOZE_WIDTH);
    if let Some((row, col)) = cursor {
        set_cursor(frame, inner, row, LABEL + col);
    }
}

/// "将错过：理财 12-05 到期、生日 12-04；12-06 是非工作日".
fn warnings_text(app: &App, warnings: &[SnoozeWarning]) -> String {
    let lang = app.ctx.lang;
    let day = |d: NaiveDate| {
        if d.year() == app.ctx.today.year() {
            d.format("%m-%d").to_string()
        } else {
            d.to_string()
        }
    };
    let missed: Vec<String> = warnings
        .iter()
        .filter_map(|w| match w {
            SnoozeWarning::Misses(m) => Some(match m {
                Missed::Maturity { kind, on } => fill(
                    app.t(T::MissMaturity),
                    &[&crate::domain::names::product_name(lang, *kind), &day(*on)],
                ),
                Missed::Callback { due_at } => fill(
                    app.t(T::MissCallback),
                    &[&format!(
                        "{} {}",
                        day(due_at.date()),
                        due_at.format("%H:%M")
                    )],
                ),
                Missed::Birthday { on } => fill(app.t(T::MissBirthday), &[&day(*on)]),
            }),
            SnoozeWarning::NotWorkingDay(_) => None,
        })
        .collect();
    let mut parts = Vec::new();
    if !missed.is_empty() {
        parts.push(fill(
            app.t(T::SnoozeMisses),
            &[&missed.join(app.t(T::ListSep))],
        ));
    }
    for w in warnings {
        if let SnoozeWarning::NotWorkingDay(d) = w {
            parts.push(fill(app.t(T::NotWorkingDay), &[&day(*d)]));
        }
    }
    parts.join(app.t(T::WarnSep))
}

fn render_dismiss(frame: &mut Frame, app: &App, form: &DismissForm, area: Rect) {
    let width: u16 = 64;
    let inner_width = width as usize - 2;
    let mut lines = Vec::new();
    if form.item.customer_no.is_some() {
        for reason in ordered_reasons(&form.item, app.ctx.now) {
            let until =
                reason.dismissed_until(app.ctx.today, app.ctx.policy.signals.maturity_passed_days);
            let until = until_text(app, reason, until);
            let room = inner_width.saturating_sub(until.width() + 4);
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::raw(fit(&reason_text(app, reason), room)),
                Span::styled(format!(" {until}"), theme::dim()),
            ]));
        }
    } else {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::raw(fill(app.t(T::DismissSms), &[&form.item.members.len()])),
        ]));
    }
    lines.push(Line::from(""));
    let row = lines.len();
    let reason = field_window(
        form.reason.text(),
        form.reason.cursor_width(),
        field_room(area, width),
    );
    lines.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(fit(app.t(T::FieldReason), LABEL - 2), theme::key()),
        Span::raw(reason.0),
    ]));
    lines.push(match form.error {
        Some(HoldError::ReasonRequired) => Line::from(Span::styled(
            format!("  ✗ {}", app.t(T::ErrReasonRequired)),
            theme::error(),
        )),
        _ => Line::from(""),
    });
    lines.push(keys_line(app, T::DismissKeys));
    let title = fill(app.t(T::DismissTitle), &[&who(app, &form.item)]);
    let inner = boxed(frame, area, title, lines, width);
    set_cursor(frame, inner, row, LABEL + reason.1);
}

fn render_breakdown(frame: &mut Frame, app: &App, item: &QueueItem, rank: usize, area: Rect) {
    let number = |x: f64, places: usize| format!("{x:.places$}");
    let row = |term: String, value: String, coefficient: String, product: String| {
        format!(
            "  {}{}{}{}",
            fit(&term, 16),
            right(&value, 8),
            right(&coefficient, 8),
            right(&product, 10)
        )
    };
    let mut lines = vec![Line::from(Span::styled(
        row(
            app.t(T::ColTerm).to_string(),
            app.t(T::ColValue).to_string(),
            app.t(T::ColCoefficient).to_string(),
            app.t(T::ColProduct).to_string(),
        ),
        theme::header(),
    ))];
    for term in &item.score.terms {
        // A term that adds nothing (no tier bonus, nothing at stake) is shown dim.
        let style = if term.product == 0.0 {
            theme::dim()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(
            row(
                term_name(app.ctx.lang, term.name),
                number(term.value, 3),
                number(term.coefficient, 2),
                number(term.product, 3),
            ),
            style,
        )));
    }
    lines.push(Line::from(Span::styled(
        format!("  {}", "─".repeat(42)),
        theme::dim(),
    )));
    lines.push(Line::from(Span::styled(
        row(
            app.t(T::Total).to_string(),
            String::new(),
            String::new(),
            number(item.score.total, 3),
        ),
        theme::title(),
    )));
    // Every reason, open or answered, with its words: the terms above only name them.
    lines.extend(super::why::why_lines(app, item));
    lines.push(keys_line(app, T::BreakdownKeys));
    let title = fill(app.t(T::BreakdownTitle), &[&who(app, item), &rank]);
    boxed(frame, area, title, lines, 72);
}

fn keys_line(app: &App, keys: T) -> Line<'static> {
    let text = if app.leave_ask.is_some() {
        app.t(T::LeaveAsk)
    } else if app.busy.is_some() {
        app.t(T::StoreBusy)
    } else if app.saving {
        app.t(T::Saving)
    } else {
        app.t(keys)
    };
    Line::from(Span::styled(format!("  {text}"), theme::dim()))
}

/// Columns a text field has in a popup `width` wide over `area`: the inner width less the label.
fn field_room(area: Rect, width: u16) -> usize {
    (width.min(area.width) as usize).saturating_sub(2 + LABEL)
}

/// Puts the terminal cursor at `col` on line `row` of `inner`, if that is inside it.
fn set_cursor(frame: &mut Frame, inner: Rect, row: usize, col: usize) {
    let col = col.min(u16::MAX as usize) as u16;
    let row = row.min(u16::MAX as usize) as u16;
    let (x, y) = (inner.x.saturating_add(col), inner.y.saturating_add(row));
    if x < inner.x + inner.width && y < inner.y + inner.height {
        frame.set_cursor_position(Position::new(x, y));
    }
}
