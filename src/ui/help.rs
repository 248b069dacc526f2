//! The `?` overlay: every key of the keymap, grouped by where it applies, flowed into as many columns as the screen's height needs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{text::fit, theme};
use crate::app::App;
use crate::app::keymap::{BINDINGS, Context};
use crate::i18n::T;

const SECTIONS: [(Context, T); 8] = [
    (Context::Global, T::AppName),
    (Context::Today, T::TabToday),
    (Context::List, T::TabCustomers),
    (Context::Detail, T::DetailProfile),
    (Context::Diary, T::TabDiary),
    (Context::Ledgers, T::TabLedgers),
    (Context::Review, T::TabReview),
    (Context::Filter, T::FilterPrompt),
];

/// Each section as its lines: a heading, then one line a binding.
fn sections(app: &App, label_width: usize, width: usize) -> Vec<Vec<Line<'static>>> {
    SECTIONS
        .iter()
        .map(|(context, title)| {
            let mut lines = vec![Line::from(Span::styled(app.t(*title), theme::title()))];
            for b in BINDINGS.iter().filter(|b| b.context == *context) {
                lines.push(Line::from(vec![
                    Span::styled(fit(b.label, label_width), theme::key()),
                    Span::raw(fit(app.t(b.help), width.saturating_sub(label_width + 1))),
                ]));
            }
            lines
        })
        .collect()
}

/// Draws an entry's history: each earlier version with when and why it changed.
fn render_history(
    frame: &mut Frame,
    app: &App,
    id: i64,
    revisions: &[crate::app::Revision],
    area: Rect,
) {
    let mut lines = Vec::new();
    if revisions.is_empty() {
        lines.push(Line::from(Span::styled(
            app.t(T::HistoryEmpty),
            theme::dim(),
        )));
    }
    for (at, action, before) in revisions {
        let what = app.t(match action.as_str() {
            "amend" => T::RevAmend,
            "delete" => T::RevDelete,
            "restore" => T::RevRestore,
            "undo" => T::RevUndo,
            _ => T::RevRedo,
        });
        lines.push(Line::from(Span::styled(
            format!("{} {what}:", at.format("%Y-%m-%d %H:%M")),
            theme::header(),
        )));
        lines.push(super::diary::entry_line(app, before, true));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(app.t(T::HelpClose), theme::dim())));
    let width = 78.min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, super::widen(popup, area));
    let title = crate::i18n::fill(app.t(T::HistoryTitle), &[&id]);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(format!(" {title} "), theme::title())),
        ),
        popup,
    );
}

/// Draws the help overlay centred over `area` (or an entry's history, when one is open).
pub fn render_help(frame: &mut Frame, app: &App, area: Rect) {
    if let Some((id, revisions)) = &app.history {
        render_history(frame, app, *id, revisions, area);
        return;
    }
    let width = 78.min(area.width);
    let height = area.height.saturating_sub(2).max(3);
    let inner_height = height.saturating_sub(3) as usize; // borders and the closing line
    let total: usize = sections(app, 12, 40).iter().map(Vec::len).sum();
    let columns = total.div_ceil(inner_height.max(1)).clamp(2, 3);
    let column_width = (width as usize).saturating_sub(2) / columns;
    let label_width = if columns == 3 { 12 } else { 19 };
    // Newspaper flow: a section goes to the next column when it would not fit.
    let mut cols: Vec<Vec<Line>> = vec![Vec::new(); columns];
    let mut c = 0;
    for section in sections(app, label_width, column_width) {
        if !cols[c].is_empty() && cols[c].len() + section.len() > inner_height && c + 1 < columns {
            c += 1;
        }
        // On a short screen a last section that cannot fit is left out whole rather than cut
        // (the filter bar and the reflection editor show their keys in the footer anyway).
        if !cols[c].is_empty() && cols[c].len() + section.len() > inner_height {
            continue;
        }
        cols[c].extend(section);
    }
    let used = cols.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let popup_height = (used + 3).min(area.height);
    let popup = super::centered(area, width, popup_height);
    // Clear a column either side too: a wide character cut by the border would smear.
    frame.render_widget(Clear, super::widen(popup, area));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(app.t(T::HelpTitle), theme::title()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [body, close] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let areas = Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns]).split(body);
    for (lines, rect) in cols.into_iter().zip(areas.iter()) {
        frame.render_widget(Paragraph::new(lines), *rect);
    }
    frame.render_widget(
        Paragraph::new(Span::styled(app.t(T::HelpClose), theme::dim())),
        close,
    );
}
