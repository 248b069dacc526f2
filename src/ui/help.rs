//! The `?` overlay: every key of the keymap, grouped by where it applies, in two columns so it fits 80×24.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{text::fit, theme};
use crate::app::App;
use crate::app::keymap::{BINDINGS, Context};
use crate::i18n::T;

fn section_lines(app: &App, sections: &[(Context, T)]) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (context, title) in sections {
        lines.push(Line::from(Span::styled(app.t(*title), theme::title())));
        for b in BINDINGS.iter().filter(|b| b.context == *context) {
            lines.push(Line::from(vec![
                Span::styled(fit(b.label, 19), theme::key()),
                Span::raw(app.t(b.help)),
            ]));
        }
    }
    lines
}

/// Draws the help overlay centred over `area`.
pub fn render_help(frame: &mut Frame, app: &App, area: Rect) {
    let left = section_lines(
        app,
        &[
            (Context::Global, T::AppName),
            (Context::List, T::TabCustomers),
        ],
    );
    let mut right = section_lines(
        app,
        &[
            (Context::Detail, T::DetailProfile),
            (Context::Diary, T::TabDiary),
            (Context::Filter, T::FilterPrompt),
        ],
    );
    right.push(Line::from(Span::styled(app.t(T::HelpClose), theme::dim())));
    let height = (left.len().max(right.len()) as u16 + 2).min(area.height);
    let width = 78.min(area.width);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    // Clear a column either side too: a wide character cut by the border would smear.
    frame.render_widget(Clear, super::widen(popup, area));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(app.t(T::HelpTitle), theme::title()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [l, r] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    frame.render_widget(Paragraph::new(left), l);
    frame.render_widget(Paragraph::new(right), r);
}
