//! The holds view over the Today screen (`H`): every live snooze and dismissal — the customer,
//! what is held back, until when, the note and when it was made — with the selected one
//! marked, and the keys that move and lift.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::reasons::term_name;
use super::text::fit;
use super::theme;
use crate::app::App;
use crate::app::tabs::today::HoldsView;
use crate::domain::holds::HeldItem;
use crate::i18n::{T, fill};

/// The view's widest box; narrower terminals get all but a margin.
const MAX_WIDTH: u16 = 112;

/// Column widths, by how much room there is.
struct Columns {
    name: usize,
    number: usize,
    what: usize,
    until: usize,
    made: usize,
    /// Whether `made` shows the time beside the day.
    made_time: bool,
}

impl Columns {
    fn for_width(inner: usize) -> Columns {
        if inner >= 100 {
            Columns {
                name: 12,
                number: 10,
                what: 22,
                until: 10,
                made: 11,
                made_time: true,
            }
        } else {
            Columns {
                name: 8,
                number: 7,
                what: 18,
                until: 10,
                made: 5,
                made_time: false,
            }
        }
    }

    /// What is left for the note: the inner width less the pointer, the columns and the gaps.
    fn note(&self, inner: usize) -> usize {
        inner.saturating_sub(2 + self.name + self.number + self.what + self.until + self.made + 5)
    }
}

/// Draws the holds view centred over `area`.
pub fn render_today_holds(frame: &mut Frame, app: &App, view: &HoldsView, area: Rect) {
    let width = MAX_WIDTH.min(area.width.saturating_sub(2)).max(20);
    let inner = width as usize - 2;
    let cols = Columns::for_width(inner);
    let items = view.items();
    // The box fits the list, up to the screen less a line above and below.
    let most = area.height.saturating_sub(2).max(5);
    let wanted = items.len().max(1) as u16 + 5;
    let height = wanted.min(most);
    // Rows of holds the box has room for: less the borders, the header, a blank and the keys.
    let room = (height as usize).saturating_sub(5).max(1);
    let offset = view.cursor.saturating_sub(room - 1);

    let mut lines = vec![Line::from(Span::styled(
        row_text(
            &cols,
            inner,
            [
                app.t(T::HoldsColCustomer),
                app.t(T::HoldsColNo),
                app.t(T::HoldsColWhat),
                app.t(T::HoldsColUntil),
                app.t(T::HoldsColMade),
                app.t(T::FieldHoldNote),
            ],
        ),
        theme::header(),
    ))];
    match &view.items {
        None => lines.push(Line::from(Span::styled(
            format!("  {}", app.t(T::Loading)),
            theme::dim(),
        ))),
        Some(list) if list.is_empty() => lines.push(Line::from(Span::styled(
            format!("  {}", app.t(T::HoldsEmpty)),
            theme::dim(),
        ))),
        Some(list) => {
            for (i, hold) in list.iter().enumerate().skip(offset).take(room) {
                let chosen = i == view.cursor;
                let what = what_text(app, hold);
                let until = until_text(app, hold);
                let made = if cols.made_time {
                    hold.created_at.format("%m-%d %H:%M").to_string()
                } else {
                    hold.created_at.format("%m-%d").to_string()
                };
                let text = row_text(
                    &cols,
                    inner,
                    [
                        &hold.customer_name,
                        &hold.customer_no,
                        &what,
                        &until,
                        &made,
                        &hold.note,
                    ],
                );
                let (pointer, style) = if chosen {
                    ("▸", theme::selected())
                } else {
                    (" ", Style::new())
                };
                lines.push(Line::from(vec![
                    Span::styled(pointer, theme::key()),
                    Span::styled(text.chars().skip(1).collect::<String>(), style),
                ]));
            }
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!("  {}", keys_text(app)),
        theme::dim(),
    )));

    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, super::widen(popup, area));
    let title = fill(app.t(T::HoldsTitle), &[&items.len()]);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme::title()));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// One line of the table: the pointer's two columns, then each column fitted, one apart.
fn row_text(cols: &Columns, inner: usize, cells: [&str; 6]) -> String {
    let [name, number, what, until, made, note] = cells;
    let text = format!(
        "  {} {} {} {} {} {}",
        fit(name, cols.name),
        fit(number, cols.number),
        fit(what, cols.what),
        fit(until, cols.until),
        fit(made, cols.made),
        fit(note, cols.note(inner)),
    );
    fit(&text, inner)
}

/// "暂缓", or the dismissed reason: "忽略·到期" / "Dismiss: Maturity".
fn what_text(app: &App, hold: &HeldItem) -> String {
    match hold.code {
        None => app.t(T::HoldSnoozeWord).to_string(),
        Some(code) => fill(
            app.t(T::HoldDismissWord),
            &[&term_name(app.ctx.lang, code.key())],
        ),
    }
}

/// The day a snooze ends or a dismissal holds through (with its year when not this year); a
/// dismissed call-back is settled for good.
fn until_text(app: &App, hold: &HeldItem) -> String {
    if hold.settles() {
        return app.t(T::HoldSettled).to_string();
    }
    day_text(app, hold.until)
}

fn day_text(app: &App, day: NaiveDate) -> String {
    if day.year() == app.ctx.today.year() {
        day.format("%m-%d").to_string()
    } else {
        day.format("%Y-%m-%d").to_string()
    }
}

/// The view's keys, or what the app is waiting for.
fn keys_text(app: &App) -> &str {
    if app.busy.is_some() {
        app.t(T::StoreBusy)
    } else if app.saving {
        app.t(T::Saving)
    } else {
        app.t(T::HoldsKeys)
    }
}
