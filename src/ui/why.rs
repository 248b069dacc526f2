//! "为何在今日列表" / "Why on today's list": every reason of a customer's row today, open or answered, with its amount or time and the entry that answered it ("✓ 理财明天到期 ¥153,000 — 已完成 · 电话 10:05"), and the attempt that sank it. Drawn in the customer's detail and in the score breakdown.

use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use super::reasons::{ordered_reasons, reason_text};
use super::theme;
use crate::app::{App, kind_name};
use crate::domain::queue::QueueItem;
use crate::i18n::{T, fill};

/// The customer's row today: still open, or done with every reason answered.
pub fn row_of<'a>(app: &'a App, customer_no: &str) -> Option<&'a QueueItem> {
    let queue = app.today_view.queue.as_ref()?;
    queue
        .items
        .iter()
        .chain(&queue.finished)
        .find(|i| i.customer_no.as_deref() == Some(customer_no))
}

/// One line per reason: the open ones first, most weighty first ("待办", red when overdue),
/// then those answered today with what answered them; the attempt last.
pub fn why_lines(app: &App, item: &QueueItem) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for reason in ordered_reasons(item, app.ctx.now) {
        let overdue = reason.is_overdue(app.ctx.now);
        let mark = if overdue { "! " } else { "· " };
        let style = if overdue {
            theme::error()
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark}"), style),
            Span::styled(format!("{} ", app.t(T::WhyOpen)), theme::key()),
            Span::styled(reason_text(app, reason), style),
        ]));
    }
    for answered in &item.answered {
        let by = &answered.by;
        let done = fill(
            app.t(T::WhyDoneBy),
            &[&kind_name(app.ctx.lang, by.kind), &by.at.format("%H:%M")],
        );
        lines.push(Line::from(vec![
            Span::styled("  ✓ ", Style::new().fg(Color::Green)),
            Span::raw(reason_text(app, &answered.reason)),
            Span::styled(format!(" — {done}"), theme::dim()),
        ]));
    }
    if let Some(at) = item.attempt_at {
        let mut text = fill(app.t(T::NotReachedAt), &[&at.format("%H:%M")]);
        if let Some(until) = item.sunk_until {
            text.push_str(" · ");
            text.push_str(&fill(app.t(T::TodaySunk), &[&until.format("%H:%M")]));
        }
        lines.push(Line::from(Span::styled(format!("  {text}"), theme::dim())));
    }
    lines
}

/// The detail's block: its heading, then the lines, or that the customer is not on the list.
pub fn why_block(app: &App, customer_no: &str) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        app.t(T::WhyTitle).to_string(),
        theme::header(),
    ))];
    let row = row_of(app, customer_no);
    if let Some(item) = row {
        lines.extend(why_lines(app, item));
    }
    // The weekly SMS is owed on the pinned bulk row, not on the customer's own.
    let sms_owed = app
        .today_view
        .items()
        .iter()
        .any(|i| i.customer_no.is_none() && i.members.iter().any(|m| m == customer_no));
    if sms_owed {
        lines.push(Line::from(vec![
            Span::raw("  · "),
            Span::styled(format!("{} ", app.t(T::WhyOpen)), theme::key()),
            Span::raw(app.t(T::WhySmsOwed).to_string()),
        ]));
    }
    if row.is_none() && !sms_owed {
        lines.push(Line::from(Span::styled(
            format!("  {}", app.t(T::WhyNotListed)),
            theme::dim(),
        )));
    }
    lines.push(Line::from(""));
    lines
}
