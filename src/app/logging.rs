//! The quick log from the model's side: whom a key logs for, opening the popup (one customer or
//! a bulk SMS), its keys, and what follows a save (the message, the undo step, the reloads).

use super::*;

/// The customer a quick-log key acts on: the open detail's, else the selected row's.
pub(super) fn selected_target(app: &App) -> Option<Target> {
    if let Some(d) = &app.detail {
        let c = &d.detail.summary.customer;
        return Some(Target::One {
            customer_no: c.customer_no.clone(),
            name: c.name.clone(),
        });
    }
    if app.screen == Screen::Diary {
        let e = app.diary.selected()?;
        return Some(Target::One {
            customer_no: e.draft.customer_no.clone()?,
            name: e.customer_name.clone().unwrap_or_default(),
        });
    }
    if app.screen == Screen::Today {
        return app.today_view.selected_target();
    }
    if app.screen != Screen::Customers {
        return None;
    }
    app.customers.selected_customer().map(|s| Target::One {
        customer_no: s.customer.customer_no.clone(),
        name: s.customer.name.clone(),
    })
}

pub(super) fn start_log(app: &mut App, kind: EntryKind) -> Vec<Effect> {
    if app.screen == Screen::Today
        && app.detail.is_none()
        && let Some(cmds) = tabs::today::log_on_sms_row(&app.today_view, kind)
    {
        return carry_out(app, cmds);
    }
    let marked = &app.customers.marked;
    if kind == EntryKind::Sms
        && !marked.is_empty()
        && app.detail.is_none()
        && app.screen != Screen::Today
    {
        let list: Vec<(String, String)> = app
            .customers
            .all
            .iter()
            .filter(|s| marked.contains(&s.customer.customer_no))
            .map(|s| (s.customer.customer_no.clone(), s.customer.name.clone()))
            .collect();
        open_bulk_sms(app, list);
        return Vec::new();
    }
    let target = if kind.needs_customer() {
        match selected_target(app) {
            Some(t) => t,
            None => {
                app.notice = Some(Notice::say(T::SelectCustomer));
                return Vec::new();
            }
        }
    } else {
        Target::Nobody
    };
    app.form = Some(LogForm::new(kind, target, app.ctx.now));
    app.mode = Mode::Log;
    Vec::new()
}

/// Opens the bulk SMS popup to `list` (number, name), one note as a template.
pub(super) fn open_bulk_sms(app: &mut App, list: Vec<(String, String)>) {
    let mut form = LogForm::new(EntryKind::Sms, Target::Many(list), app.ctx.now);
    form.note = text_field::TextField::with(app.t(T::SmsTemplate));
    form.mark_pristine();
    app.form = Some(form);
    app.mode = Mode::Log;
}

pub(crate) fn update_log(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(form) = app.form.as_mut() else {
        app.mode = Mode::Normal;
        return Vec::new();
    };
    if app.saving {
        return Vec::new();
    }
    match action {
        Action::Cancel => return leave_guard::leave(app, leave_guard::Then::Close),
        // `q` off a text field leaves the popup, as Esc does (on a text field it is text).
        Action::Input('q' | 'ｑ') if form.focused_text().is_none() => {
            return leave_guard::leave(app, leave_guard::Then::Close);
        }
        Action::NextField | Action::Down => form.move_focus(1),
        Action::PrevField | Action::Up => form.move_focus(-1),
        Action::CursorLeft => match form.focused_text() {
            Some(f) => f.left(),
            None => form.cycle_picker(-1),
        },
        Action::CursorRight => match form.focused_text() {
            Some(f) => f.right(),
            None => form.cycle_picker(1),
        },
        Action::Top => {
            if let Some(f) = form.focused_text() {
                f.home();
            }
        }
        Action::Bottom => {
            if let Some(f) = form.focused_text() {
                f.end();
            }
        }
        Action::Backspace => {
            if let Some(f) = form.focused_text() {
                f.backspace();
            }
        }
        Action::DeleteChar => {
            if let Some(f) = form.focused_text() {
                f.delete();
            }
        }
        Action::Input(c) => {
            form.error = None;
            let picks_outcome = form.kind.has_outcome()
                && form.focus == log_form::Field::Note
                && form.note.is_empty()
                && ('1'..='4').contains(&c);
            if picks_outcome {
                let i = (c as u8 - b'1') as usize;
                form.outcome = Some(Outcome::ALL[i]);
            } else if let Some(f) = form.focused_text() {
                f.insert(c);
            } else if c == ' ' {
                form.cycle_picker(1);
            } else if let Some(d) = c.to_digit(10) {
                pick_by_number(form, d as usize);
            }
        }
        Action::Submit => match form.drafts_within(app.ctx.now, &app.ctx.policy.limits) {
            Ok(mut drafts) => {
                app.saving = true;
                form.error = None;
                return match form.amend_id {
                    Some(id) if drafts.len() == 1 => vec![Effect::AmendEntry {
                        id,
                        draft: Box::new(drafts.remove(0)),
                    }],
                    _ => vec![Effect::SaveEntries(drafts)],
                };
            }
            Err((field, error)) => {
                form.focus = field;
                form.error = Some((field, error));
            }
        },
        _ => {}
    }
    Vec::new()
}

/// Digit keys on a picker: product kinds 1–9 and 0 for the tenth, risk levels 1–5.
pub(super) fn pick_by_number(form: &mut LogForm, d: usize) {
    match form.focus {
        log_form::Field::ProductKind => {
            let i = if d == 0 { 9 } else { d - 1 };
            if let Some(k) = ProductKind::ALL.get(i) {
                form.product_kind = *k;
            }
        }
        log_form::Field::RiskLevel => {
            if let Some(l) = crate::domain::customer::RiskLevel::ALL.get(d.wrapping_sub(1)) {
                form.risk_level = *l;
            }
        }
        _ => {}
    }
}

/// The popup's entries are stored: close it, say so, remember the undo step, reload.
pub(super) fn entries_saved(app: &mut App, ids: Vec<i64>) -> Vec<Effect> {
    app.saving = false;
    app.mode = Mode::Normal;
    // The queue's next load follows a log: a row that sank is not followed down the list.
    app.today_view.after_log = true;
    leave_guard::saved(app);
    let Some(form) = app.form.take() else {
        return reload_after_write(app);
    };
    let kind = Arg::Kind(form.kind);
    app.notice = Some(match (&form.amend_id, &form.target) {
        (Some(id), _) => Notice::fill(T::Amended, [Arg::text(id)]),
        (None, Target::Many(list)) => {
            let _nothing = customers(app, crate::app::tabs::customers::Msg::Unmark);
            Notice::fill(T::SavedMany, [Arg::text(list.len()), kind])
        }
        (None, Target::One { name, .. }) => Notice::fill(T::Saved, [kind, Arg::text(name)]),
        (None, Target::Nobody) => Notice::fill(T::Saved, [kind, Arg::text("—")]),
    });
    let step = match (form.amend_id, form.original_and_new(app.ctx.now)) {
        (Some(id), Some((before, after))) => Some(UndoStep::Amended {
            id,
            before: Box::new(before),
            after: Box::new(after),
        }),
        (Some(_), None) => None,
        (None, _) => Some(UndoStep::Logged(ids)),
    };
    if let Some(step) = step {
        app.undo.push(step);
        app.redo.clear();
    }
    reload_after_write(app)
}

/// After a write, reload what it may have touched: the book, today's queue, the day or
/// period shown, and the open customer. Working down the Today queue, only the queue is
/// reloaded (the book takes as long again); the book follows when its tab is opened.
pub(super) fn reload_after_write(app: &mut App) -> Vec<Effect> {
    let mut effects = Vec::new();
    if app.screen == Screen::Today {
        effects.push(Effect::LoadToday);
        app.book_stale = true;
    } else {
        effects.push(Effect::LoadBook);
    }
    if app.screen == Screen::Diary {
        effects.push(Effect::LoadDay(app.diary.date.unwrap_or(app.ctx.today)));
    }
    if app.screen == Screen::Ledgers
        && let Some(p) = app.ledgers.period
    {
        let (from, to) = p.range();
        effects.push(Effect::LoadPeriod(from, to));
    }
    if app.screen == Screen::Review {
        effects.extend(update::review(app, tabs::review::Msg::Reload));
    }
    app.team.mark_stale();
    if app.screen == Screen::Team {
        let cmd = tabs::team::load(&mut app.team, &app.ctx);
        effects.extend(carry_out(app, vec![cmd]));
    }
    if let Some(d) = &app.detail {
        effects.push(Effect::LoadDetail(
            d.detail.summary.customer.customer_no.clone(),
        ));
    }
    effects
}
