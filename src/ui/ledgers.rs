//! The Ledgers screen: fund and wealth-product sales of a period (tabs), one line a sale, and totals by product.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Tabs};

use super::text::{fit, right};
use super::theme;
use crate::app::App;
use crate::app::tabs::ledgers::LedgerTab;
use crate::domain::diary::ledger_totals;
use crate::domain::money::format_yuan;
use crate::domain::period::Period;
use crate::i18n::{T, fill};

/// Draws the Ledgers screen into `area`.
pub fn render_ledgers(frame: &mut Frame, app: &App, area: Rect) {
    let view = &app.ledgers;
    let wide = area.width >= 100;
    let lines = view.lines();
    let totals = ledger_totals(&view.entries, view.tab.kind());
    let totals_height = (totals.len() as u16 + 3).clamp(4, 9);
    let [head, header, list, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(totals_height),
    ])
    .areas(area);

    let period = view.period.unwrap_or(Period::Month(app.ctx.today));
    let (from, to) = period.range();
    let kind = app.t(match period {
        Period::Week(_) => T::PeriodWeek,
        Period::Month(_) => T::PeriodMonth,
        Period::Quarter(_) => T::PeriodQuarter,
        Period::Custom(..) => T::PeriodCustom,
    });
    let [tabs_area, period_area] =
        Layout::horizontal([Constraint::Min(20), Constraint::Length(34)]).areas(head);
    let tabs = Tabs::new(vec![app.t(T::FundLedger), app.t(T::WealthLedger)])
        .select(Some(match view.tab {
            LedgerTab::Fund => 0,
            LedgerTab::Wealth => 1,
        }))
        .highlight_style(theme::title().add_modifier(ratatui::style::Modifier::REVERSED))
        .divider("│");
    frame.render_widget(tabs, tabs_area);
    frame.render_widget(
        Paragraph::new(Span::styled(format!("{kind} {from} – {to}"), theme::dim()))
            .alignment(ratatui::layout::Alignment::Right),
        period_area,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(
                "{}{}{}{}  {}{}",
                fit(app.t(T::ColDate), 12),
                fit(app.t(T::ColName), 10),
                fit(app.t(T::Product), 24),
                right(app.t(T::Amount), 16),
                fit(app.t(T::MaturityOn), 12),
                if wide { app.t(T::ColManager) } else { "" }
            ),
            theme::header(),
        )),
        header,
    );
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(app.t(T::NoSales), theme::dim())),
            list,
        );
    } else {
        let height = list.height as usize;
        let offset = view.cursor.saturating_sub(height.saturating_sub(1));
        let rows: Vec<Line> = lines
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(i, (e, sale))| {
                let line = Line::from(vec![
                    Span::raw(fit(&e.draft.occurred_at.format("%Y-%m-%d").to_string(), 12)),
                    Span::raw(fit(e.customer_name.as_deref().unwrap_or("—"), 10)),
                    Span::raw(fit(&sale.product_name, 24)),
                    Span::raw(right(&sale.amount.map(format_yuan).unwrap_or_default(), 16)),
                    Span::styled(
                        format!(
                            "  {}",
                            fit(
                                &sale.maturity_on.map(|m| m.to_string()).unwrap_or_default(),
                                12
                            )
                        ),
                        theme::dim(),
                    ),
                    Span::styled(
                        if wide {
                            e.manager_no.clone().unwrap_or_default()
                        } else {
                            String::new()
                        },
                        theme::dim(),
                    ),
                ]);
                if i == view.cursor {
                    line.patch_style(theme::selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(rows), list);
    }
    let mut total_lines: Vec<Line> = totals
        .iter()
        .map(|(name, count, amount)| {
            Line::from(vec![
                Span::raw(fit(name, 34)),
                Span::styled(fit(&fill(app.t(T::SalesCount), &[count]), 8), theme::dim()),
                Span::raw(right(&format_yuan(*amount), 16)),
            ])
        })
        .collect();
    let grand: rust_decimal::Decimal = totals.iter().map(|t| t.2).sum();
    let count: usize = totals.iter().map(|t| t.1).sum();
    total_lines.push(Line::from(vec![
        Span::styled(fit(app.t(T::Total), 34), theme::group()),
        Span::styled(
            fit(&fill(app.t(T::SalesCount), &[&count]), 8),
            theme::group(),
        ),
        Span::styled(right(&format_yuan(grand), 16), theme::group()),
    ]));
    frame.render_widget(
        Paragraph::new(total_lines).block(
            Block::default()
                .borders(Borders::TOP)
                .title(Span::styled(app.t(T::TotalsByProduct), theme::header())),
        ),
        foot,
    );
}
