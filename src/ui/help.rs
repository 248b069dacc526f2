//! The `?` overlay: every key of the keymap, grouped by where it applies, flowed into columns (a section goes on in the next column rather than being left out); when even that is too tall for the screen, it scrolls with j/k.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{text::fit, theme};
use crate::app::App;
use crate::app::keymap::help_sections;
use crate::app::layout;
use crate::i18n::T;

/// Each section as its lines: a heading, then one line a binding.
fn sections(app: &App, label_width: usize, width: usize) -> Vec<Vec<Line<'static>>> {
    help_sections(app)
        .into_iter()
        .map(|(title, rows)| {
            let mut lines = vec![Line::from(Span::styled(app.t(title), theme::title()))];
            for b in rows {
                let Some(help) = b.help else { continue };
                // Only leads have the sixth tab.
                let label = if b.label == "1-6 Tab" && !app.team_visible() {
                    "1-5 Tab"
                } else {
                    b.label
                };
                lines.push(Line::from(vec![
                    Span::styled(fit(label, label_width), theme::key()),
                    Span::raw(fit(app.t(help), width.saturating_sub(label_width + 1))),
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
    // The whole screen if need be: the help stands over everything else.
    let width = 80.min(area.width);
    let view = layout::help_view_rows(area.height);
    let total: usize = sections(app, 12, 40).iter().map(Vec::len).sum();
    let columns = layout::help_columns(total, view);
    let column_width = (width as usize).saturating_sub(2) / columns;
    let label_width = if columns == 3 { 12 } else { 19 };
    let all = sections(app, label_width, column_width);
    let continued = |head: &Line<'static>| {
        let text: String = head.spans.iter().map(|s| s.content.as_ref()).collect();
        Line::from(Span::styled(format!("{text} …"), theme::dim()))
    };
    let cols = layout::place(&all, view, columns, &continued);
    let used = cols.iter().map(Vec::len).max().unwrap_or(0);
    let max_scroll = used.saturating_sub(view);
    // The model stops `j` at the same place (`app::layout::help_max_scroll`).
    let scroll = (app.help_scroll as usize).min(max_scroll);
    let popup_height = (used.min(view) as u16 + 2).min(area.height);
    let popup = super::centered(area, width, popup_height);
    // Clear a column either side too: a wide character cut by the border would smear.
    frame.render_widget(Clear, super::widen(popup, area));
    let mut bottom = vec![Span::styled(app.t(T::HelpClose), theme::dim())];
    if max_scroll > 0 {
        let pages = max_scroll + 1;
        bottom.push(Span::styled(
            format!(
                "  {}",
                crate::i18n::fill(app.t(T::HelpScroll), &[&(scroll + 1), &pages])
            ),
            theme::key(),
        ));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(app.t(T::HelpTitle), theme::title()))
        .title_bottom(Line::from(bottom));
    let body = block.inner(popup);
    frame.render_widget(block, popup);
    let areas = Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns]).split(body);
    for (lines, rect) in cols.into_iter().zip(areas.iter()) {
        frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), *rect);
    }
}
