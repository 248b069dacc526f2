//! Diary lines shared by the screens that list entries: time, kind, customer, outcome, sale, note, follow-up.

use ratatui::text::{Line, Span};

use super::text::fit;
use super::theme;
use crate::app::{App, kind_name, outcome_name, product_name};
use crate::domain::diary::DiaryEntry;
use crate::domain::money::format_yuan;
use crate::i18n::T;

/// One entry on one line; `with_customer` adds the customer's name (the day view).
pub fn entry_line(app: &App, e: &DiaryEntry, with_customer: bool) -> Line<'static> {
    let d = &e.draft;
    let when = if with_customer {
        d.occurred_at.format("%H:%M").to_string()
    } else {
        d.occurred_at.format("%m-%d %H:%M").to_string()
    };
    let mut spans = vec![
        Span::styled(format!("{when} "), theme::dim()),
        Span::styled(fit(kind_name(app.ctx.lang, d.kind), 9), theme::key()),
    ];
    if with_customer {
        spans.push(Span::raw(fit(e.customer_name.as_deref().unwrap_or("—"), 9)));
    }
    if let Some(o) = d.outcome {
        spans.push(Span::raw(format!("{} ", outcome_name(app.ctx.lang, o))));
    }
    if let Some(sale) = &d.sale {
        let amount = sale.amount.map(format_yuan).unwrap_or_default();
        spans.push(Span::raw(format!(
            "{} {} {amount} ",
            product_name(app.ctx.lang, sale.product_kind),
            sale.product_name
        )));
    }
    if let Some(level) = d.risk_level {
        spans.push(Span::raw(format!("{} ", level.key())));
    }
    spans.push(Span::raw(d.note.clone()));
    if let Some(f) = d.follow_up_at {
        spans.push(Span::styled(
            format!(
                "  → {} {}",
                app.t(T::FieldFollowUp),
                f.format("%m-%d %H:%M")
            ),
            theme::title(),
        ));
    }
    if e.amended {
        spans.push(Span::styled(
            app.t(T::AmendedMark).to_string(),
            theme::dim(),
        ));
    }
    Line::from(spans)
}

/// Draws the Diary screen: the day's heading and counts, its entries, the follow-ups due.
pub fn render_diary(frame: &mut ratatui::Frame, app: &App, area: ratatui::layout::Rect) {
    use ratatui::layout::{Constraint, Layout};
    use ratatui::widgets::{Block, Borders, Paragraph};

    let view = &app.diary;
    let date = view.date.unwrap_or(app.ctx.today);
    let weekday = match app.ctx.lang {
        crate::i18n::Lang::Zh => ["一", "二", "三", "四", "五", "六", "日"]
            [chrono::Datelike::weekday(&date).num_days_from_monday() as usize]
            .to_string(),
        crate::i18n::Lang::En => chrono::Datelike::weekday(&date).to_string(),
    };
    let weekday = match app.ctx.lang {
        crate::i18n::Lang::Zh => format!("星期{weekday}"),
        crate::i18n::Lang::En => weekday,
    };
    let counts: Vec<String> = view
        .counts()
        .iter()
        .map(|(k, n)| format!("{} {n}", kind_name(app.ctx.lang, *k)))
        .collect();
    let heading = Line::from(vec![
        Span::styled(format!("{date} {weekday}"), theme::title()),
        Span::styled(format!("   {}", counts.join(" · ")), theme::dim()),
    ]);
    let follow_height = (view.follow_ups.len() as u16 + 2).clamp(3, 8);
    let [head, list, follow] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(follow_height),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(heading), head);
    if view.entries.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(app.t(T::DiaryEmpty), theme::dim())),
            list,
        );
    } else {
        let height = list.height as usize;
        let offset = view.cursor.saturating_sub(height.saturating_sub(1));
        let lines: Vec<Line> = view
            .rows()
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(i, row)| {
                let line = match row {
                    crate::app::tabs::diary::DayRow::Entry(k) => {
                        entry_line(app, &view.entries[*k], true)
                    }
                    crate::app::tabs::diary::DayRow::Batch { members, .. } => {
                        batch_line(app, &view.entries[members[0]], members.len())
                    }
                };
                if i == view.cursor {
                    line.patch_style(theme::selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }
    let mut lines: Vec<Line> = view
        .follow_ups
        .iter()
        .map(|e| {
            let d = &e.draft;
            Line::from(vec![
                Span::styled(
                    d.follow_up_at
                        .map(|f| f.format("%H:%M ").to_string())
                        .unwrap_or_default(),
                    theme::title(),
                ),
                Span::raw(fit(e.customer_name.as_deref().unwrap_or("—"), 9)),
                Span::styled(fit(kind_name(app.ctx.lang, d.kind), 9), theme::key()),
                Span::raw(d.note.clone()),
            ])
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            app.t(T::NoFollowUps),
            theme::dim(),
        )));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::TOP)
                .title(Span::styled(app.t(T::FollowUpsDue), theme::header())),
        ),
        follow,
    );
}

/// A folded batch (a bulk SMS): time, kind, how many customers, the first note.
fn batch_line(app: &App, first: &DiaryEntry, count: usize) -> Line<'static> {
    let d = &first.draft;
    Line::from(vec![
        Span::styled(format!("{} ", d.occurred_at.format("%H:%M")), theme::dim()),
        Span::styled(fit(kind_name(app.ctx.lang, d.kind), 9), theme::key()),
        Span::styled(
            format!("{}  ", crate::i18n::fill(app.t(T::BatchLine), &[&count])),
            theme::title(),
        ),
        Span::raw(d.note.clone()),
    ])
}
