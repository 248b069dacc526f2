//! Drawing from `&App`: the frame (tabs, status, message, footer) and one file per screen. Never mutates the model or touches the store.

mod customers;
mod detail;
mod diary;
mod help;
mod ledgers;
mod log_form;
mod reasons;
mod review;
mod team;
pub mod text;
pub mod theme;
mod today;
mod today_holds;
mod today_popup;
mod today_upcoming;
mod why;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};

use crate::app::keymap::footer_bindings;
use crate::app::{App, Mode, Screen};
use crate::i18n::T;

/// Draws the whole app.
pub fn render(frame: &mut Frame, app: &App) {
    let [tabs, status, main, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    render_tabs(frame, app, tabs);
    render_status(frame, app, status);
    match (app.screen, &app.detail) {
        (_, Some(detail)) => detail::render_detail(frame, app, detail, main),
        (Screen::Customers, None) => customers::render_customers(frame, app, main),
        (Screen::Diary, None) => diary::render_diary(frame, app, main),
        (Screen::Ledgers, None) => ledgers::render_ledgers(frame, app, main),
        (Screen::Today, None) => today::render_today(frame, app, main),
        (Screen::Review, None) => review::render_review(frame, app, main),
        (Screen::Team, None) => team::render_team(frame, app, main),
    }
    render_message(frame, app, message);
    render_footer(frame, app, footer);
    if let Some(popup) = &app.today_view.popup
        && app.screen == Screen::Today
    {
        today_popup::render_today_popup(frame, app, popup, frame.area());
    }
    if let Some(view) = &app.today_view.upcoming
        && app.screen == Screen::Today
        && app.detail.is_none()
    {
        today_upcoming::render_upcoming(frame, app, view, main);
    }
    if app.mode == Mode::Help {
        help::render_help(frame, app, frame.area());
    }
    if let Some(form) = &app.form {
        log_form::render_log_form(frame, app, form, frame.area());
    }
    if let Some(confirm) = &app.confirm {
        frame.render_widget(
            Paragraph::new(Span::styled(
                confirm.prompt.text(app.ctx.lang),
                theme::error(),
            )),
            message,
        );
    }
}

/// An example date for the hints in popups: a week after the app's today, so the example is
/// always one the field accepts.
pub(crate) fn hint_day(app: &App) -> String {
    (app.ctx.today + chrono::Duration::days(7))
        .format("%Y-%m-%d")
        .to_string()
}

/// A `width` × `height` rectangle centred in `area` (clipped to it), for popups.
/// A week's screen before its figures are here: the week, and "loading" (or a dash once the
/// load has failed and said why on the message line).
pub(crate) fn render_week_pending(
    frame: &mut Frame,
    area: Rect,
    monday: chrono::NaiveDate,
    failed: bool,
    loading: &str,
) {
    let lines = vec![
        Line::from(Span::styled(
            crate::domain::review::week_label(monday),
            theme::title(),
        )),
        Line::from(Span::styled(
            if failed { "—" } else { loading }.to_string(),
            theme::dim(),
        )),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(ratatui::layout::Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(ratatui::layout::Flex::Center)
        .areas(row);
    popup
}

/// `r` grown by one column on each side, kept within `bounds`.
pub(crate) fn widen(r: Rect, bounds: Rect) -> Rect {
    let x = r.x.saturating_sub(1).max(bounds.x);
    let right = (r.x + r.width + 1).min(bounds.x + bounds.width);
    Rect::new(x, r.y, right - x, r.height)
}

fn render_tabs(frame: &mut Frame, app: &App, area: Rect) {
    let tabs = app.tabs();
    let titles: Vec<Line> = tabs
        .iter()
        .map(|s| Line::from(format!("{} {}", s.number(), app.t(s.title()))))
        .collect();
    let selected = tabs.iter().position(|s| *s == app.screen);
    let tabs = Tabs::new(titles)
        .select(selected)
        .highlight_style(theme::title().add_modifier(ratatui::style::Modifier::REVERSED))
        .divider("│");
    let [left, right] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(8)]).areas(area);
    frame.render_widget(tabs, left);
    frame.render_widget(
        Paragraph::new(Span::styled(app.t(T::AppName), theme::title()))
            .alignment(ratatui::layout::Alignment::Right),
        right,
    );
}

fn render_status(frame: &mut Frame, app: &App, area: Rect) {
    let manager = match (&app.ctx.manager, &app.manager_name) {
        (Some(no), Some(name)) if !name.is_empty() => format!("{name} ({no})"),
        (Some(no), _) => no.clone(),
        (None, _) => app.t(T::AllManagers).to_string(),
    };
    let line = Line::from(vec![
        Span::styled(format!("{} ", app.t(T::Manager)), theme::dim()),
        Span::raw(manager),
        Span::styled(format!("  {} ", app.t(T::Today)), theme::dim()),
        Span::raw(app.ctx.today.to_string()),
        Span::styled(format!("  {} ", app.t(T::Store)), theme::dim()),
        Span::raw(app.store_label.clone()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn render_message(frame: &mut Frame, app: &App, area: Rect) {
    if let Some(message) = app.notice.as_ref().map(|n| n.text(app.ctx.lang)) {
        frame.render_widget(
            Paragraph::new(Span::styled(message.clone(), theme::error())),
            area,
        );
    }
}

fn render_footer(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
    if app.mode == Mode::Command {
        spans.push(Span::styled(
            format!("{}: ", app.t(T::CommandPrompt)),
            theme::key(),
        ));
        spans.push(Span::raw(format!(":{}▏", app.command)));
    } else {
        for b in footer_bindings(app) {
            let Some(help) = b.help else { continue };
            spans.push(Span::styled(b.label, theme::key()));
            spans.push(Span::raw(format!(" {}  ", app.t(help))));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
