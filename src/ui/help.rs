//! The `?` overlay: every key of the keymap, grouped by where it applies, flowed into columns (a section goes on in the next column rather than being left out); when even that is too tall for the screen, it scrolls with j/k.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{text::fit, theme};
use crate::app::App;
use crate::app::keymap::{Context, bindings};
use crate::i18n::T;

/// The sections, each the rows of its contexts (the quick-log keys, the same on every screen
/// with a customer, are listed once, beside the global keys).
const SECTIONS: [(&[Context], T); 10] = [
    (&[Context::Global, Context::Customer], T::AppName),
    (&[Context::Today], T::TabToday),
    (&[Context::List], T::TabCustomers),
    (&[Context::Detail], T::DetailProfile),
    (&[Context::Diary], T::TabDiary),
    (&[Context::Ledgers], T::TabLedgers),
    (&[Context::Review], T::TabReview),
    (&[Context::Reflection], T::HelpReflection),
    (&[Context::Team], T::TabTeam),
    (&[Context::Filter], T::FilterPrompt),
];

/// Each section as its lines: a heading, then one line a binding.
fn sections(app: &App, label_width: usize, width: usize) -> Vec<Vec<Line<'static>>> {
    SECTIONS
        .iter()
        // The Team keys only for those who have the Team tab.
        .filter(|(contexts, _)| !contexts.contains(&Context::Team) || app.team_visible())
        .map(|(contexts, title)| {
            let mut lines = vec![Line::from(Span::styled(app.t(*title), theme::title()))];
            let rows = contexts
                .iter()
                .flat_map(|c| bindings().filter(move |b| b.context == *c));
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

/// Flows the sections into at most `columns` columns of `rows` lines, newspaper fashion: a
/// heading starts a column rather than end one with nothing under it, and a section that goes
/// on in the next column has its heading repeated there (with …) when `repeat`.
fn flow(
    sections: &[Vec<Line<'static>>],
    rows: usize,
    columns: usize,
    repeat: bool,
) -> Option<Vec<Vec<Line<'static>>>> {
    let rows = rows.max(2);
    let mut cols: Vec<Vec<Line<'static>>> = vec![Vec::new()];
    for section in sections {
        let Some((head, items)) = section.split_first() else {
            continue;
        };
        let last = cols.len() - 1;
        if !cols[last].is_empty() && cols[last].len() + section.len().min(2) > rows {
            cols.push(Vec::new());
        }
        cols.last_mut()?.push(head.clone());
        for item in items {
            if cols.last().is_some_and(|c| c.len() >= rows) {
                let mut next = Vec::new();
                if repeat {
                    let text: String = head.spans.iter().map(|s| s.content.as_ref()).collect();
                    next.push(Line::from(Span::styled(format!("{text} …"), theme::dim())));
                }
                cols.push(next);
            }
            cols.last_mut()?.push(item.clone());
        }
    }
    (cols.len() <= columns).then_some(cols)
}

/// Draws the help overlay centred over `area` (or an entry's history, when one is open).
pub fn render_help(frame: &mut Frame, app: &App, area: Rect) {
    if let Some((id, revisions)) = &app.history {
        render_history(frame, app, *id, revisions, area);
        return;
    }
    // The whole screen if need be: the help stands over everything else.
    let width = 80.min(area.width);
    let view = area.height.saturating_sub(2).max(1) as usize;
    let total: usize = sections(app, 12, 40).iter().map(Vec::len).sum();
    let columns = if total <= view * 2 { 2 } else { 3 };
    let column_width = (width as usize).saturating_sub(2) / columns;
    let label_width = if columns == 3 { 12 } else { 19 };
    let all = sections(app, label_width, column_width);
    // Each section whole or continued under its repeated heading; without the repeats if that
    // is what it takes to fit; else taller columns, scrolled.
    let cols = flow(&all, view, columns, true)
        .or_else(|| flow(&all, view, columns, false))
        .or_else(|| (view..).find_map(|rows| flow(&all, rows, columns, true)))
        .unwrap_or_default();
    let used = cols.iter().map(Vec::len).max().unwrap_or(0);
    let max_scroll = used.saturating_sub(view);
    let scroll = (app.help_scroll as usize).min(max_scroll);
    app.help_max_scroll
        .set(u16::try_from(max_scroll).unwrap_or(u16::MAX));
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
