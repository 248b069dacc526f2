//! The `?` overlay: every key of the keymap, grouped by where it applies.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{text::fit, theme};
use crate::app::App;
use crate::app::keymap::{BINDINGS, Context};
use crate::i18n::T;

/// Draws the help overlay centred over `area`.
pub fn render_help(frame: &mut Frame, app: &App, area: Rect) {
    let mut lines = Vec::new();
    let sections = [
        (Context::Global, T::AppName),
        (Context::List, T::TabCustomers),
        (Context::Detail, T::DetailProfile),
        (Context::Filter, T::FilterPrompt),
    ];
    for (context, title) in sections {
        lines.push(Line::from(Span::styled(app.t(title), theme::title())));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            lines.push(Line::from(vec![
                Span::styled(fit(b.label, 20), theme::key()),
                Span::raw(app.t(b.help)),
            ]));
        }
    }
    lines.push(Line::from(Span::styled(app.t(T::HelpClose), theme::dim())));
    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 56.min(area.width);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(app.t(T::HelpTitle), theme::title())),
        ),
        popup,
    );
}
