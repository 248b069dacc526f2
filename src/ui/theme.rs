//! The one theme: colours and styles, including the tier badge colours from the policy.

use ratatui::style::{Color, Modifier, Style};

/// The colour named by a policy tier's `color`.
pub fn tier_color(name: &str) -> Color {
    match name {
        "white" => Color::White,
        "green" => Color::Green,
        "cyan" => Color::Cyan,
        "blue" => Color::Blue,
        "yellow" => Color::Yellow,
        "magenta" => Color::Magenta,
        "red" => Color::Red,
        _ => Color::Gray,
    }
}

/// A tier badge: black text on the tier's colour.
pub fn tier_badge(name: &str) -> Style {
    Style::new().fg(Color::Black).bg(tier_color(name))
}

/// The selected line.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// Group header lines.
pub fn group() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// Secondary text.
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Titles and the active tab.
pub fn title() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// Key names in the footer and help.
pub fn key() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// Error and warning messages.
pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// Column headers.
pub fn header() -> Style {
    Style::new().fg(Color::Cyan)
}
