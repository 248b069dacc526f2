//! The Customers screen: the tier → segment tree with counts and AUM totals, the search and filter bar, and the first-step note on an empty store.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::text::{fit, right};
use super::theme;
use crate::app::tabs::customers::{GroupKey, TreeRow};
use crate::app::{App, Mode, age_name, group_label, lifecycle_name, pref_name, tier_name};
use crate::domain::money::format_yuan;
use crate::domain::portfolio::CustomerSummary;
use crate::i18n::T;

/// Column widths: narrow layout for 80 columns, wide adds customer number and phone.
struct Columns {
    name: usize,
    badge: usize,
    segment: usize,
    lifecycle: usize,
    aum: usize,
    manager: usize,
    wide: bool,
}

impl Columns {
    fn for_width(width: u16) -> Columns {
        let wide = width >= 110;
        Columns {
            name: 9,
            badge: 10,
            segment: 18,
            lifecycle: 12,
            aum: 15,
            manager: 10,
            wide,
        }
    }
}

/// Draws the Customers screen into `area`.
pub fn render_customers(frame: &mut Frame, app: &App, area: Rect) {
    let view = &app.customers;
    if !app.loading && view.all.is_empty() {
        render_empty(frame, app, area);
        return;
    }
    let [bar, header, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(bar_line(app)), bar);
    let cols = Columns::for_width(area.width);
    frame.render_widget(Paragraph::new(header_line(app, &cols)), header);
    if app.loading {
        frame.render_widget(Paragraph::new(app.t(T::Loading)), list);
        return;
    }
    if view.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(app.t(T::NoMatch), theme::dim())),
            list,
        );
        return;
    }
    let height = list.height as usize;
    // The model keeps the window for the list's height (`app::layout::list_rows`); the same
    // rule keeps the cursor in sight should the screen be laid out shorter.
    let offset =
        crate::app::layout::scroll_window(view.offset, view.cursor, view.rows.len(), height);
    let lines: Vec<Line> = view
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let line = match row {
                TreeRow::Group {
                    key,
                    count,
                    aum,
                    collapsed,
                } => group_line(app, *key, *count, *aum, *collapsed),
                TreeRow::Customer(k) => customer_line(app, &view.all[*k], &cols),
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

fn bar_line(app: &App) -> Line<'static> {
    let view = &app.customers;
    let mut spans = Vec::new();
    let searching = app.mode == Mode::Search || !view.query.is_empty();
    if searching {
        spans.push(Span::styled(
            format!("/{} ", app.t(T::SearchPrompt)),
            theme::key(),
        ));
        let cursor = if app.mode == Mode::Search { "▏" } else { "" };
        if view.query.is_empty() {
            spans.push(Span::raw(cursor.to_string()));
            spans.push(Span::styled(app.t(T::SearchHint).to_string(), theme::dim()));
        } else {
            spans.push(Span::raw(format!("{}{cursor}", view.query)));
        }
        spans.push(Span::raw("  ".to_string()));
    }
    if !view.marked.is_empty() {
        spans.push(Span::styled(
            format!(
                "{}  ",
                crate::i18n::fill(app.t(T::Marked), &[&view.marked.len()])
            ),
            theme::key(),
        ));
    }
    if app.mode == Mode::Filter || !view.filter.is_empty() {
        spans.extend(filter_spans(app));
        spans.push(Span::raw("  ".to_string()));
    }
    let total: rust_decimal::Decimal = if searching || !view.filter.is_empty() {
        view.rows
            .iter()
            .filter_map(|r| match r {
                TreeRow::Group {
                    key: GroupKey::Tier(_),
                    aum,
                    ..
                } => Some(*aum),
                _ => None,
            })
            .sum()
    } else {
        view.all.iter().map(|s| s.class.aum).sum()
    };
    spans.push(Span::styled(
        format!(
            "{}  {} {}",
            customer_count(app, view.matched),
            app.t(T::ColAum),
            format_yuan(total)
        ),
        theme::dim(),
    ));
    Line::from(spans)
}

fn filter_spans(app: &App) -> Vec<Span<'static>> {
    let f = &app.customers.filter;
    let all = app.t(T::FilterAll);
    let parts = [
        (
            "t",
            T::FilterTier,
            f.tier.map(|t| tier_name(app, t).to_string()),
        ),
        (
            "a",
            T::FilterAge,
            f.age.map(|a| age_name(app.ctx.lang, a).to_string()),
        ),
        (
            "p",
            T::FilterPreference,
            f.preference.map(|p| pref_name(app.ctx.lang, p).to_string()),
        ),
        (
            "l",
            T::FilterLifecycle,
            f.lifecycle
                .map(|l| lifecycle_name(app.ctx.lang, l).to_string()),
        ),
        ("g", T::FilterTag, f.tag.clone()),
    ];
    let mut spans = vec![Span::styled(
        format!("{} ", app.t(T::FilterPrompt)),
        theme::key(),
    )];
    for (key, label, value) in parts {
        if app.mode == Mode::Filter {
            spans.push(Span::styled(format!("[{key}]"), theme::key()));
        }
        let style = if value.is_some() {
            theme::title()
        } else {
            Style::new()
        };
        spans.push(Span::raw(format!("{}=", app.t(label))));
        spans.push(Span::styled(
            format!("{} ", value.unwrap_or_else(|| all.to_string())),
            style,
        ));
    }
    spans
}

/// "12 位客户" / "12 customers" (and "1 customer").
fn customer_count(app: &App, n: usize) -> String {
    if n == 1 && app.ctx.lang == crate::i18n::Lang::En {
        return "1 customer".to_string();
    }
    crate::i18n::fill(app.t(T::Customers), &[&n])
}

fn header_line(app: &App, c: &Columns) -> Line<'static> {
    let mut text = format!(
        "    {}{}{}{}{}  {}",
        fit(app.t(T::ColName), c.name),
        fit(app.t(T::ColTier), c.badge),
        fit(app.t(T::ColSegment), c.segment),
        fit(app.t(T::ColLifecycle), c.lifecycle),
        right(app.t(T::ColAum), c.aum),
        fit(
            app.t(if app.ctx.manager.is_some() {
                T::ColLastContact
            } else {
                T::ColManager
            }),
            c.manager
        ),
    );
    if c.wide {
        text.push_str(&format!(
            "{}{}",
            fit(app.t(T::ColCustomerNo), 14),
            fit(app.t(T::ColPhone), 12)
        ));
    }
    Line::from(Span::styled(text, theme::header()))
}

fn group_line(
    app: &App,
    key: GroupKey,
    count: usize,
    aum: rust_decimal::Decimal,
    collapsed: bool,
) -> Line<'static> {
    let arrow = if collapsed { "▶" } else { "▼" };
    let indent = match key {
        GroupKey::Tier(_) => "",
        GroupKey::Segment(..) => "  ",
    };
    let label = group_label(app, key);
    let mut spans = vec![Span::styled(format!("{indent}{arrow} "), theme::dim())];
    match key {
        GroupKey::Tier(t) => {
            let color = app
                .ctx
                .policy
                .tiers
                .get(t)
                .map(|d| d.color.as_str())
                .unwrap_or("");
            spans.push(Span::styled(format!(" {label} "), theme::tier_badge(color)));
        }
        GroupKey::Segment(..) => spans.push(Span::styled(label, theme::group())),
    }
    spans.push(Span::styled(
        format!("  {}  {}", customer_count(app, count), format_yuan(aum)),
        theme::dim(),
    ));
    Line::from(spans)
}

fn customer_line(app: &App, s: &CustomerSummary, c: &Columns) -> Line<'static> {
    let tier = s.class.tier;
    let color = app
        .ctx
        .policy
        .tiers
        .get(tier)
        .map(|d| d.color.clone())
        .unwrap_or_default();
    let mut segment = format!(
        "{}·{}",
        age_name(app.ctx.lang, s.class.age),
        pref_name(app.ctx.lang, s.class.preference)
    );
    if s.class.preference_overridden {
        segment.push('*');
    }
    // One manager's book: the manager column would repeat one name, so show the last contact.
    let manager = if app.ctx.manager.is_some() {
        s.last_contact
            .map(|d| d.format("%m-%d").to_string())
            .unwrap_or_else(|| "—".to_string())
    } else {
        s.manager_name
            .clone()
            .filter(|n| !n.is_empty())
            .or_else(|| s.customer.manager_no.clone())
            .unwrap_or_default()
    };
    let mark = if app.customers.marked.contains(&s.customer.customer_no) {
        "  ● "
    } else {
        "    "
    };
    let mut spans = vec![
        Span::styled(mark, theme::key()),
        Span::raw(fit(&s.customer.name, c.name)),
        Span::styled(
            fit(tier_name(app, tier), c.badge - 1),
            theme::tier_badge(&color),
        ),
        Span::raw(" "),
        Span::raw(fit(&segment, c.segment)),
        Span::raw(fit(
            lifecycle_name(app.ctx.lang, s.class.lifecycle),
            c.lifecycle,
        )),
        Span::raw(right(&format_yuan(s.class.aum), c.aum)),
        Span::raw("  "),
        Span::raw(fit(&manager, c.manager)),
    ];
    if c.wide {
        let phone = s
            .customer
            .phone
            .as_deref()
            .map(crate::domain::mask::mask_phone)
            .unwrap_or_default();
        spans.push(Span::styled(
            format!("{}{}", fit(&s.customer.customer_no, 14), fit(&phone, 12)),
            theme::dim(),
        ));
    }
    Line::from(spans)
}

/// The first-step note of an empty store (also shown on the Today screen).
pub(super) fn render_empty(frame: &mut Frame, app: &App, area: Rect) {
    let lines = vec![
        Line::from(""),
        Line::from(Span::styled(app.t(T::EmptyTitle), theme::title())),
        Line::from(""),
        Line::from(app.t(T::EmptyBody)),
        Line::from(Span::styled(
            "    guanhu import customers 客户清单.csv",
            theme::key(),
        )),
        Line::from(""),
        Line::from(app.t(T::EmptyDemo)),
        Line::from(Span::styled(
            "    cargo run --release -- --demo",
            theme::key(),
        )),
        Line::from(""),
        Line::from(Span::styled(app.t(T::EmptyQuit), theme::dim())),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
