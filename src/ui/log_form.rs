//! The quick-log popup: kind and customer in the title, the outcome choices, the fields with the cursor where typing goes, an error beside the field it concerns.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use unicode_width::UnicodeWidthStr;

use super::text::{field_window, fit};
use super::theme;
use crate::app::log_form::{Field, FormError, LogForm, Target};
use crate::app::{App, kind_name, outcome_name, product_name};
use crate::domain::diary::Outcome;
use crate::error::describe_draft_problem;
use crate::i18n::{T, fill};

const LABEL: usize = 13;

fn label(app: &App, field: Field) -> &'static str {
    app.t(match field {
        Field::ProductKind => T::FieldProductKind,
        Field::ProductName => T::FieldProductName,
        Field::Amount => T::FieldAmount,
        Field::Maturity => T::FieldMaturity,
        Field::RiskLevel => T::FieldRiskLevel,
        Field::Note => T::FieldNote,
        Field::Time => T::FieldTime,
        Field::FollowUp => T::FieldFollowUp,
    })
}

fn error_text(app: &App, e: FormError) -> String {
    match e {
        FormError::BadTime => app.t(T::ErrTime).to_string(),
        FormError::BadFollowUp => app.t(T::ErrFollowUp).to_string(),
        FormError::BadAmount => app.t(T::ErrAmount).to_string(),
        FormError::BadDate => app.t(T::ErrDate).to_string(),
        FormError::Draft(p) => describe_draft_problem(p, app.ctx.lang),
    }
}

fn who(app: &App, form: &LogForm) -> String {
    match &form.target {
        Target::Nobody => "—".to_string(),
        Target::One { name, .. } => name.clone(),
        Target::Many(list) => crate::i18n::fill(app.t(T::Customers), &[&list.len()]),
    }
}

/// Draws the popup centred over `area` and places the terminal cursor in the focused field.
pub fn render_log_form(frame: &mut Frame, app: &App, form: &LogForm, area: Rect) {
    let fields = form.fields();
    let has_outcome = form.kind.has_outcome();
    let height = (fields.len() as u16 + if has_outcome { 1 } else { 0 } + 4).min(area.height);
    let width = 72.min(area.width);
    let popup = super::centered(area, width, height);
    let title = match form.amend_id {
        Some(id) => fill(app.t(T::AmendTitle), &[&id, &who(app, form)]),
        None => fill(
            app.t(T::LogTitle),
            &[&kind_name(app.ctx.lang, form.kind), &who(app, form)],
        ),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(popup);
    // Clear a column either side too: a wide character cut by the border would smear.
    frame.render_widget(Clear, super::widen(popup, area));
    frame.render_widget(block, popup);

    let mut lines = Vec::new();
    if has_outcome {
        let mut spans = vec![Span::styled(
            fit(app.t(T::FieldOutcome), LABEL),
            theme::dim(),
        )];
        for (i, o) in Outcome::ALL.iter().enumerate() {
            let text = format!("{} {} ", i + 1, outcome_name(app.ctx.lang, *o));
            let style = if form.outcome == Some(*o) {
                theme::selected()
            } else {
                Style::new()
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    let mut cursor: Option<Position> = None;
    for field in &fields {
        let focused = form.focus == *field;
        let label_style = if focused { theme::key() } else { theme::dim() };
        let mut spans = vec![Span::styled(fit(label(app, *field), LABEL), label_style)];
        let text = match field {
            Field::ProductKind => Some(format!(
                "◀ {} ▶  ({})",
                product_name(app.ctx.lang, form.product_kind),
                app.t(T::PickerKeys)
            )),
            Field::RiskLevel => Some(format!(
                "◀ {} ▶  ({})",
                form.risk_level.key(),
                app.t(T::PickerKeys)
            )),
            _ => None,
        };
        let y = inner.y + lines.len() as u16;
        match text {
            Some(t) => spans.push(Span::raw(t)),
            None => {
                let value = match field {
                    Field::Note => &form.note,
                    Field::Time => &form.time,
                    Field::FollowUp => &form.follow_up,
                    Field::ProductName => &form.product_name,
                    Field::Amount => &form.amount,
                    _ => &form.maturity,
                };
                // Room for the text, leaving some for an error beside it.
                let room = (inner.width as usize).saturating_sub(LABEL);
                let room = match form.error {
                    Some((f, e)) if f == *field => room
                        .saturating_sub(error_text(app, e).width() + 4)
                        .max(8.min(room)),
                    _ => room,
                };
                let at = if focused { value.cursor_width() } else { 0 };
                let (shown, col) = field_window(value.text(), at, room);
                if value.is_empty() && *field == Field::FollowUp {
                    spans.push(Span::styled(
                        fill(app.t(T::FollowUpHintOn), &[&super::hint_day(app)]),
                        theme::dim(),
                    ));
                } else {
                    spans.push(Span::raw(shown));
                }
                if focused {
                    let x = inner
                        .x
                        .saturating_add(LABEL as u16)
                        .saturating_add(col as u16);
                    if x < inner.right() {
                        cursor = Some(Position::new(x, y));
                    }
                }
            }
        }
        if let Some((f, e)) = form.error
            && f == *field
        {
            spans.push(Span::styled(
                format!("  ✗ {}", error_text(app, e)),
                theme::error(),
            ));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    // The question over typed text, or the wait for another copy, is asked where the user looks.
    let keys = if app.leave_ask.is_some() {
        app.t(T::LeaveAsk)
    } else if app.busy.is_some() {
        app.t(T::StoreBusy)
    } else if app.saving {
        app.t(T::Saving)
    } else if has_outcome {
        app.t(T::LogKeys)
    } else {
        app.t(T::LogKeysPlain)
    };
    lines.push(Line::from(Span::styled(keys, theme::dim())));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(p) = cursor {
        frame.set_cursor_position(p);
    }
}
