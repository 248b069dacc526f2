//! The tab a later version fills (Review): a one-line note of what is coming.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::theme;
use crate::app::{App, Screen};
use crate::i18n::T;

/// Draws the "coming" note of a screen not built yet.
pub fn render_placeholder(frame: &mut Frame, app: &App, screen: Screen, area: Rect) {
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(app.t(screen.title()), theme::title()));
    let text = vec![
        Line::from(""),
        Line::from(Span::styled(app.t(T::ComingReview), theme::dim())),
    ];
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
