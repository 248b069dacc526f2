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
        Span::styled(fit(kind_name(app.lang, d.kind), 9), theme::key()),
    ];
    if with_customer {
        spans.push(Span::raw(fit(e.customer_name.as_deref().unwrap_or("—"), 9)));
    }
    if let Some(o) = d.outcome {
        spans.push(Span::raw(format!("{} ", outcome_name(app.lang, o))));
    }
    if let Some(sale) = &d.sale {
        let amount = sale.amount.map(format_yuan).unwrap_or_default();
        spans.push(Span::raw(format!(
            "{} {} {amount} ",
            product_name(app.lang, sale.product_kind),
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
