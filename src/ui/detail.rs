//! The Customer detail (360 view): profile with masked numbers, AUM by asset class, tier and distance to the next, segments, lifecycle, holdings with maturities, and the AUM trend.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::{fit, right};
use super::theme;
use crate::app::tabs::detail::Model as DetailView;
use crate::app::{App, age_name, lifecycle_name, pref_name, tier_name};
use crate::domain::classify::distance_to_next_tier;
use crate::domain::customer::{AssetClass, Gender, age_on};
use crate::domain::mask::{mask_id, mask_phone};
use crate::domain::money::{format_whole, format_yuan};
use crate::i18n::{T, fill};

/// Draws the detail of the open customer.
pub fn render_detail(frame: &mut Frame, app: &App, view: &DetailView, area: Rect) {
    let s = &view.detail.summary;
    let title = format!(" {} · {} ", s.customer.name, s.customer.customer_no);
    let outer = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(title, theme::title()));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    // Holdings and the diary get what the profile and assets do not need (about 15 lines);
    // j/k scroll them.
    let bottom_height = inner.height.saturating_sub(15).max(4);
    let [top, bottom] =
        Layout::vertical([Constraint::Min(9), Constraint::Length(bottom_height)]).areas(inner);
    let [left, right_col] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(top);
    frame.render_widget(
        Paragraph::new(profile_lines(app, view)).block(
            Block::default()
                .borders(Borders::RIGHT)
                .title(Span::styled(app.t(T::DetailProfile), theme::header())),
        ),
        left,
    );
    frame.render_widget(
        Paragraph::new(assets_lines(app, view))
            .block(Block::default().title(Span::styled(app.t(T::DetailAssets), theme::header()))),
        right_col,
    );
    // Why the customer is on today's list comes first: it is what the manager opened them for.
    let mut lower = super::why::why_block(app, &s.customer.customer_no);
    lower.extend(holdings_lines(app, view));
    lower.extend(timeline_lines(app, view));
    frame.render_widget(
        Paragraph::new(lower).scroll((view.scroll, 0)).block(
            Block::default()
                .borders(Borders::TOP)
                .title(Span::styled(app.t(T::DetailHoldings), theme::header())),
        ),
        bottom,
    );
}

fn field(app: &App, label: T, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(fit(app.t(label), 12), theme::dim()),
        Span::raw(value),
    ])
}

fn profile_lines(app: &App, view: &DetailView) -> Vec<Line<'static>> {
    let c = &view.detail.summary.customer;
    let class = &view.detail.summary.class;
    let none = || app.t(T::NotRecorded).to_string();
    let secret = |value: &Option<String>, mask: fn(&str) -> String| match value {
        Some(v) if view.revealed => v.clone(),
        Some(v) => mask(v),
        None => none(),
    };
    let reveal_note = if view.revealed {
        app.t(T::Revealed)
    } else {
        app.t(T::Masked)
    };
    let gender = match c.gender {
        Some(Gender::Male) => app.t(T::Male).to_string(),
        Some(Gender::Female) => app.t(T::Female).to_string(),
        None => none(),
    };
    let birth = c.effective_birth_date();
    let birth_text = birth
        .map(|b| format!("{b} · {}{}", age_on(b, app.ctx.today), app.t(T::Years)))
        .unwrap_or_else(none);
    let risk = match (c.risk_level, c.risk_assessed_on) {
        (Some(l), Some(d)) => format!("{}  {} {d}", l.key(), app.t(T::RiskAssessedOn)),
        (Some(l), None) => l.key().to_string(),
        _ => none(),
    };
    let mut segment = format!(
        "{} · {}",
        age_name(app.ctx.lang, class.age),
        pref_name(app.ctx.lang, class.preference)
    );
    if class.preference_overridden {
        segment.push_str(app.t(T::Overridden));
    }
    let mut lines = vec![
        Line::from(vec![
            Span::styled(fit(app.t(T::ColPhone), 12), theme::dim()),
            Span::raw(secret(&c.phone, mask_phone)),
            Span::styled(format!("  ({reveal_note})"), theme::dim()),
        ]),
        field(app, T::IdNumber, secret(&c.id_number, mask_id)),
        field(app, T::BirthDate, format!("{gender} · {birth_text}")),
        field(app, T::Occupation, {
            // Tags ride on the occupation line so the profile fits 80×24.
            let job = c.occupation.clone().unwrap_or_else(none);
            if c.tags.is_empty() {
                job
            } else {
                format!("{job} · {}", c.tags.join("、"))
            }
        }),
        field(app, T::RiskLevel, risk),
        field(
            app,
            T::FirstTrade,
            c.first_trade_on.map(|d| d.to_string()).unwrap_or_else(none),
        ),
        field(app, T::ColSegment, segment),
        field(
            app,
            T::ColLifecycle,
            lifecycle_name(app.ctx.lang, class.lifecycle).to_string(),
        ),
    ];
    // One manager's book: the status line already names the manager.
    if app.ctx.manager.is_none() {
        lines.push(field(
            app,
            T::ColManager,
            view.detail
                .summary
                .manager_name
                .clone()
                .filter(|n| !n.is_empty())
                .or_else(|| c.manager_no.clone())
                .unwrap_or_else(none),
        ));
    }
    lines.extend(cadence_lines(app, view));
    lines
}

/// The cadence block: when each obligation was last met, and how long ago.
fn cadence_lines(app: &App, view: &DetailView) -> Vec<Line<'static>> {
    let c = &view.detail.cadence;
    let when = |d: Option<chrono::NaiveDate>| match d {
        Some(d) if d == app.ctx.today => app.t(T::TodayWord).to_string(),
        Some(d) => fill(
            app.t(T::DaysAgo),
            &[
                &super::reasons::date_text(d, app.ctx.today),
                &(app.ctx.today - d).num_days(),
            ],
        ),
        None => app.t(T::Never).to_string(),
    };
    vec![
        Line::from(Span::styled(app.t(T::Cadence), theme::header())),
        field(app, T::LastSms, when(c.last_sms)),
        field(app, T::LastContact, when(c.last_contact)),
        field(app, T::LastVisit, when(c.last_visit)),
        field(app, T::LastSale, when(c.last_sale)),
        field(app, T::LastRisk, when(c.last_risk_assessment)),
    ]
}

/// The customer's diary, newest first.
fn timeline_lines(app: &App, view: &DetailView) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        app.t(T::Timeline),
        theme::header(),
    ))];
    if view.detail.timeline.is_empty() {
        lines.push(Line::from(Span::styled(app.t(T::NoEntries), theme::dim())));
        return lines;
    }
    for e in &view.detail.timeline {
        lines.push(super::diary::entry_line(app, e, false));
    }
    lines
}

fn class_name(app: &App, class: AssetClass) -> &'static str {
    app.t(match class {
        AssetClass::Deposits => T::Deposits,
        AssetClass::Wealth => T::Wealth,
        AssetClass::Funds => T::Funds,
        AssetClass::Insurance => T::Insurance,
        AssetClass::Bonds => T::Bonds,
        AssetClass::Other => T::OtherAssets,
    })
}

fn assets_lines(app: &App, view: &DetailView) -> Vec<Line<'static>> {
    let s = &view.detail.summary;
    let tier = s.class.tier;
    let color = app
        .ctx
        .policy
        .tiers
        .get(tier)
        .map(|t| t.color.clone())
        .unwrap_or_default();
    let mut lines = Vec::new();
    let as_of = s
        .as_of
        .map(|d| format!("{} {d}", app.t(T::AsOf)))
        .unwrap_or_else(|| app.t(T::NoSnapshots).to_string());
    lines.push(Line::from(Span::styled(as_of, theme::dim())));
    for (class, amount) in s.balances.by_class() {
        lines.push(Line::from(vec![
            Span::styled(fit(class_name(app, class), 16), theme::dim()),
            Span::raw(right(&format_yuan(amount), 16)),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(fit(app.t(T::Total), 16), theme::group()),
        Span::styled(right(&format_yuan(s.balances.aum()), 16), theme::group()),
    ]));
    let next = match distance_to_next_tier(&app.ctx.policy, s.class.aum) {
        Some((next, gap)) => fill(
            app.t(T::ToNextTier),
            &[&tier_name(app, next), &format_yuan(gap)],
        ),
        None => app.t(T::TopTier).to_string(),
    };
    lines.push(Line::from(vec![
        Span::styled(fit(app.t(T::ColTier), 16), theme::dim()),
        Span::styled(
            format!(" {} ", tier_name(app, tier)),
            theme::tier_badge(&color),
        ),
    ]));
    lines.push(Line::from(Span::styled(next, theme::dim())));
    // The trend: the last snapshots' AUM, oldest first.
    let trend: Vec<String> = view
        .detail
        .snapshots
        .iter()
        .rev()
        .take(6)
        .rev()
        .map(|snap| {
            let aum = format!("¥{}", format_whole(snap.balances.aum()));
            format!("{} {}", snap.as_of.format("%m-%d"), right(&aum, 11))
        })
        .collect();
    if !trend.is_empty() {
        lines.push(Line::from(Span::styled(
            app.t(T::DetailTrend),
            theme::header(),
        )));
        for chunk in trend.chunks(2) {
            lines.push(Line::from(chunk.join("  ")));
        }
    }
    lines
}

fn holdings_lines(app: &App, view: &DetailView) -> Vec<Line<'static>> {
    let holdings = &view.detail.holdings;
    if holdings.is_empty() {
        return vec![Line::from(Span::styled(app.t(T::NoHoldings), theme::dim()))];
    }
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{}{}  {}",
            fit(app.t(T::Product), 30),
            right(app.t(T::Amount), 18),
            app.t(T::MaturityOn),
        ),
        theme::dim(),
    ))];
    for h in holdings {
        let maturity = match h.maturity_on {
            Some(m) => {
                let days = (m - app.ctx.today).num_days();
                let note = if days < 0 {
                    app.t(T::Matured).to_string()
                } else {
                    fill(app.t(T::DaysLeft), &[&days])
                };
                format!("{m} ({note})")
            }
            None => "—".to_string(),
        };
        let soon = h
            .maturity_on
            .is_some_and(|m| (0..=14).contains(&(m - app.ctx.today).num_days()));
        let name = format!("{} {}", product_kind_name(app, h.kind), h.product_name);
        let line = Line::from(vec![
            Span::raw(fit(&name, 30)),
            Span::raw(right(&format_yuan(h.amount), 18)),
            Span::styled(
                format!("  {maturity}"),
                if soon { theme::error() } else { theme::dim() },
            ),
        ]);
        lines.push(line);
    }
    lines
}

fn product_kind_name(app: &App, kind: crate::domain::customer::ProductKind) -> &'static str {
    use crate::domain::customer::ProductKind as K;
    app.t(match kind {
        K::Fund => T::Funds,
        K::Wealth => T::Wealth,
        K::Insurance => T::Insurance,
        K::Deposit => T::Deposits,
        K::Bond => T::Bonds,
        _ => T::OtherAssets,
    })
}
