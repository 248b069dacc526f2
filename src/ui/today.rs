//! The Today screen: the day's progress gauge and counts, the filter, and the ranked queue — rank, name, tier badge, segment, how to get in touch, the reasons in words (overdue ones in red), the weekly SMS as one row.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::reasons::{ordered_reasons, reason_text, touched_text};
use super::text::{fit, fit_spans, right};
use super::theme;
use crate::app::{App, Mode, age_name, kind_name, tier_name};
use crate::domain::customer::Preference;
use crate::domain::queue::{QueueItem, TodayQueue};
use crate::i18n::{T, fill};

/// Column widths before the reasons, which take the rest of the line.
const RANK: usize = 4;
const NAME: usize = 9;
const SEGMENT: usize = 12;
const HOW: usize = 7;
const GAUGE: usize = 16;

/// Draws the Today screen into `area`.
pub fn render_today(frame: &mut Frame, app: &App, area: Rect) {
    let [head, header, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let view = &app.today_view;
    let Some(queue) = &view.queue else {
        frame.render_widget(Paragraph::new(app.t(T::Loading)), head);
        return;
    };
    if !app.loading && app.customers.all.is_empty() {
        // Nothing imported yet: the first step matters more than an empty queue.
        super::customers::render_empty(frame, app, area);
        return;
    }
    // The filter, while there is one, keeps its place at the right; the counts give way.
    let filter = filter_spans(app);
    let filter_width: usize = filter.iter().map(|s| s.content.width()).sum();
    let [counts, filter_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(filter_width as u16)])
            .areas(head);
    frame.render_widget(
        Paragraph::new(head_line(app, queue, counts.width as usize)),
        counts,
    );
    frame.render_widget(Paragraph::new(Line::from(filter)), filter_area);
    frame.render_widget(Paragraph::new(header_line(app, badge_width(app))), header);
    let note = if queue.items.is_empty() {
        Some(T::TodayEmpty)
    } else if view.rows.is_empty() {
        Some(T::TodayNoMatch)
    } else {
        None
    };
    if let Some(note) = note {
        frame.render_widget(
            Paragraph::new(Span::styled(app.t(note), theme::dim())),
            list,
        );
        return;
    }
    let height = list.height as usize;
    // The model keeps the window for the list's height (`app::layout::list_rows`); the same
    // rule keeps the cursor in sight should the screen be laid out shorter.
    let offset =
        crate::app::layout::scroll_window(view.offset, view.cursor, view.rows.len(), height);
    let width = list.width as usize;
    let badge = badge_width(app);
    let lines: Vec<Line> = view
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(pos, &i)| {
            let rank = crate::app::tabs::today::model::rank_of(&queue.items, i);
            let line = row_line(app, &queue.items[i], rank, width, badge);
            if pos == view.cursor {
                line.patch_style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The gauge of the day's plan done, then what is left, overdue, today's share left and what
/// earlier days carried over; on a narrow screen the least telling counts give way first.
fn head_line(app: &App, q: &TodayQueue, width: usize) -> Line<'static> {
    let filled = (q.done * GAUGE)
        .checked_div(q.planned)
        .unwrap_or(0)
        .min(GAUGE);
    let mut spans = vec![
        Span::styled(format!("{} ", app.t(T::TodayProgress)), theme::header()),
        Span::styled("█".repeat(filled), Style::new().fg(Color::Green)),
        Span::styled("░".repeat(GAUGE - filled), theme::dim()),
        Span::raw(format!(
            " {}",
            fill(app.t(T::TodayDone), &[&q.done, &q.planned])
        )),
    ];
    // A day off is said first: it explains a short queue and an empty gauge.
    if !q.working_day {
        spans.push(Span::styled(
            format!("  {}", app.t(T::TodayDayOff)),
            theme::title(),
        ));
    }
    // (priority: lower gives way first, text, style), in the order shown.
    let mut counts: Vec<(u8, String, Style)> = vec![(
        1,
        fill(app.t(T::TodayLeft), &[&q.items.len()]),
        theme::dim(),
    )];
    if q.overdue > 0 {
        counts.push((
            4,
            fill(app.t(T::TodayOverdue), &[&q.overdue]),
            theme::error(),
        ));
    }
    // Today's share of the spread work still open, and what earlier days left: two counts a
    // manager reads at a glance, instead of a pace figure.
    if q.share_left > 0 {
        counts.push((
            3,
            fill(app.t(T::TodayShareLeft), &[&q.share_left]),
            theme::key(),
        ));
    }
    if q.behind > 0 {
        counts.push((2, fill(app.t(T::TodayCarried), &[&q.behind]), theme::dim()));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let room =
        |c: &[(u8, String, Style)]| used + c.iter().map(|(_, t, _)| t.width() + 2).sum::<usize>();
    while room(&counts) > width
        && let Some(lowest) = counts.iter().map(|(p, _, _)| *p).min()
    {
        counts.retain(|(p, _, _)| *p != lowest);
    }
    for (_, text, style) in counts {
        spans.push(Span::styled(format!("  {text}"), style));
    }
    Line::from(spans)
}

/// The `/` filter as typed (nothing when there is none).
fn filter_spans(app: &App) -> Vec<Span<'static>> {
    let filter = &app.today_view.filter;
    let typing = app.mode == Mode::Search && app.detail.is_none();
    if !typing && filter.is_empty() {
        return Vec::new();
    }
    let mut spans = vec![Span::styled(
        format!("  /{} ", app.t(T::FilterPrompt)),
        theme::key(),
    )];
    if filter.is_empty() {
        spans.push(Span::raw("▏"));
        spans.push(Span::styled(app.t(T::TodayFilterHint), theme::dim()));
    } else {
        let cursor = if typing { "▏" } else { "" };
        spans.push(Span::raw(format!("{filter}{cursor}")));
    }
    spans
}

/// The tier column: as wide as the longest tier name of the policy (names are policy, not
/// code), and a space.
fn badge_width(app: &App) -> usize {
    let longest = (0..app.ctx.policy.tiers.len())
        .map(|t| tier_name(app, t).width())
        .max()
        .unwrap_or(0);
    longest.clamp(4, 12) + 1
}

fn header_line(app: &App, badge: usize) -> Line<'static> {
    let text = format!(
        "{}  {}{}{}{}{}",
        right("#", RANK - 1),
        fit(app.t(T::ColName), NAME),
        fit(app.t(T::ColTier), badge),
        fit(app.t(T::ColSegment), SEGMENT),
        fit(app.t(T::ColHow), HOW),
        app.t(T::ColReasons),
    );
    Line::from(Span::styled(text, theme::header()))
}

/// "青年·投资" / "Senior·Sav.": the segment in few columns.
fn segment_text(app: &App, item: &QueueItem) -> String {
    let Some((age, pref)) = item.segment else {
        return String::new();
    };
    let pref = match pref {
        Preference::Investment => app.t(T::PrefInvestmentShort),
        Preference::Savings => app.t(T::PrefSavingsShort),
    };
    format!("{}·{pref}", age_name(app.ctx.lang, age))
}

fn row_line(
    app: &App,
    item: &QueueItem,
    rank: Option<usize>,
    width: usize,
    badge: usize,
) -> Line<'static> {
    // An overdue row is marked beside its rank, so it stands out even when selected.
    let mark = if item.overdue { "!" } else { " " };
    let rank = rank.map(|r| r.to_string()).unwrap_or_default();
    let mut spans = vec![
        Span::styled(right(&rank, RANK - 1), theme::dim()),
        Span::styled(mark, theme::error()),
        Span::raw(" "),
    ];
    let used = RANK + 1;
    if item.customer_no.is_none() {
        // The weekly-SMS row stands for many customers: one line of words across the columns.
        let text = item
            .reasons
            .first()
            .map(|r| reason_text(app, r))
            .unwrap_or_default();
        spans.extend(fit_spans(
            vec![Span::styled(text, theme::title())],
            width.saturating_sub(used),
        ));
        return Line::from(spans);
    }
    let color = item
        .tier
        .and_then(|t| app.ctx.policy.tiers.get(t))
        .map(|d| d.color.clone())
        .unwrap_or_default();
    let tier = item.tier.map(|t| tier_name(app, t)).unwrap_or("");
    spans.push(Span::raw(fit(
        item.customer_name.as_deref().unwrap_or(""),
        NAME,
    )));
    spans.push(Span::styled(
        fit(tier, badge - 1),
        theme::tier_badge(&color),
    ));
    spans.push(Span::raw(" "));
    spans.push(Span::raw(fit(&segment_text(app, item), SEGMENT)));
    spans.push(Span::styled(
        fit(kind_name(app.ctx.lang, item.suggested), HOW),
        theme::key(),
    ));
    let room = width.saturating_sub(used + NAME + badge + SEGMENT + HOW);
    spans.extend(reason_spans(app, item, room));
    Line::from(spans)
}

/// What was done today, then the open reasons, most weighty first, as many as fit in `room`
/// columns and "+3" for the rest, so a narrow screen still says how many are left.
fn reason_spans(app: &App, item: &QueueItem, room: usize) -> Vec<Span<'static>> {
    let texts: Vec<(String, Style)> = ordered_reasons(item, app.ctx.now)
        .into_iter()
        .map(|r| {
            let style = if r.is_overdue(app.ctx.now) {
                theme::error()
            } else {
                Style::new()
            };
            (reason_text(app, r), style)
        })
        .collect();
    // What was done goes first, as long as the weightiest open reason still fits after it; on
    // a narrow screen only the attempt, then nothing (the detail and `i` say it all).
    let first = texts.first().map_or(0, |(t, _)| t.width());
    let attempt = item
        .attempt_at
        .map(|at| fill(app.t(T::NotReachedAt), &[&at.format("%H:%M")]));
    let still = app.t(T::StillNeeds);
    let mut pieces = Vec::new();
    for done in [touched_text(app, item), attempt].into_iter().flatten() {
        if done.width() + 3 + still.width() + first + 4 <= room {
            pieces.push(Span::styled(format!("{done} · "), theme::dim()));
            pieces.push(Span::styled(still.to_string(), theme::dim()));
            break;
        }
    }
    let mut used: usize = pieces.iter().map(|p| p.content.width()).sum();
    let more = |n: usize| fill(app.t(T::MoreReasons), &[&n]);
    // The rest, when it does not fit: the pieces so far cut to leave room for "+3".
    let cut = |mut pieces: Vec<Span<'static>>, hidden: usize| {
        let tail = format!(" {}", more(hidden));
        pieces = fit_spans(pieces, room.saturating_sub(tail.width()));
        pieces.push(Span::styled(tail, theme::key()));
        pieces
    };
    for (k, (text, style)) in texts.iter().enumerate() {
        let sep = if k > 0 { 3 } else { 0 };
        let left = texts.len() - k - 1;
        let tail = if left > 0 { more(left).width() + 1 } else { 0 };
        let fits = used + sep + text.width() + tail <= room;
        if k > 0 && !fits {
            return cut(pieces, texts.len() - k);
        }
        if k > 0 {
            pieces.push(Span::styled(" · ", theme::dim()));
        }
        used += sep + text.width();
        pieces.push(Span::styled(text.clone(), *style));
        if k == 0 && !fits && left > 0 {
            return cut(pieces, left);
        }
    }
    fit_spans(pieces, room)
}
