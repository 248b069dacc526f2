//! What the user typed and has not saved, as data the driver keeps beside the store (so a crash, a `kill -9` or a closed terminal loses nothing), and offering it back at the next start: restore it into its popup, discard it, or decide later. Pure: the driver does the writing.

use super::notice::{Arg, Notice};
use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::log_form::{LogForm, Target};
use super::tabs::today::{DismissForm, SnoozeForm, TodayPopup};
use super::text_field::TextField;
use super::{Action, App, Effect, Mode, Screen, kind_name};
use crate::domain::customer::{ProductKind, RiskLevel};
use crate::domain::diary::{EntryDraft, EntryKind, Outcome};
use crate::i18n::{T, fill};

/// Unsaved text of one popup or of the reflection editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "popup", rename_all = "snake_case")]
pub enum Draft {
    /// The quick-log popup (or an amendment).
    Log {
        kind: EntryKind,
        /// (customer number, name) of each customer it is for; empty for nobody.
        customers: Vec<(String, String)>,
        /// A bulk SMS (many customers, even if one is left).
        many: bool,
        outcome: Option<Outcome>,
        product_kind: ProductKind,
        risk_level: RiskLevel,
        note: String,
        time: String,
        follow_up: String,
        product_name: String,
        amount: String,
        maturity: String,
        amend_id: Option<i64>,
        original: Option<Box<EntryDraft>>,
    },
    /// The snooze popup of a Today row (`customer_no` `None`: the weekly-SMS row).
    Snooze {
        customer_no: Option<String>,
        name: Option<String>,
        date: String,
        note: String,
    },
    /// The dismiss popup of a Today row.
    Dismiss {
        customer_no: Option<String>,
        name: Option<String>,
        reason: String,
    },
    /// The week's reflection being written.
    Reflection {
        manager_no: String,
        day: NaiveDate,
        summary: String,
        plan: String,
    },
}

impl Draft {
    /// The draft as the driver stores it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A stored draft; `None` when the file is not one (it is then left alone).
    pub fn from_json(text: &str) -> Option<Draft> {
        serde_json::from_str(text).ok()
    }

    /// A few words naming what it is, for the offer at start.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Draft::Log {
                kind, customers, ..
            } => match customers.as_slice() {
                [(_, name)] => format!("{} · {name}", kind_name(lang, *kind)),
                _ => kind_name(lang, *kind).to_string(),
            },
            Draft::Snooze { name, .. } => fill(T::DraftSnooze.get(lang), &[&row_name(lang, name)]),
            Draft::Dismiss { name, .. } => {
                fill(T::DraftDismiss.get(lang), &[&row_name(lang, name)])
            }
            Draft::Reflection { day, .. } => fill(
                T::DraftReflection.get(lang),
                &[&crate::domain::review::week_label(*day)],
            ),
        }
    }
}

fn row_name(lang: Lang, name: &Option<String>) -> String {
    name.clone()
        .unwrap_or_else(|| T::SmsRowName.get(lang).to_string())
}

/// The draft to keep right now: the open popup's or editor's typed text, else the one found
/// at start that is not decided yet; `None` when nothing typed is at stake.
pub fn current(app: &App) -> Option<Draft> {
    if let Some(ed) = &app.review.editor
        && ed.changed()
    {
        return Some(Draft::Reflection {
            manager_no: ed.manager_no.clone(),
            day: ed.day,
            summary: ed.summary.text().to_string(),
            plan: ed.plan.text().to_string(),
        });
    }
    if let Some(form) = app.form.as_ref().filter(|f| f.has_typed()) {
        return Some(log_draft(form));
    }
    match &app.today_view.popup {
        Some(TodayPopup::Snooze(f)) if f.has_typed() => {
            return Some(Draft::Snooze {
                customer_no: f.item.customer_no.clone(),
                name: f.item.customer_name.clone(),
                date: f.date.text().to_string(),
                note: f.note.text().to_string(),
            });
        }
        Some(TodayPopup::Dismiss(f)) if f.has_typed() => {
            return Some(Draft::Dismiss {
                customer_no: f.item.customer_no.clone(),
                name: f.item.customer_name.clone(),
                reason: f.reason.text().to_string(),
            });
        }
        _ => {}
    }
    app.found_draft.clone()
}

fn log_draft(form: &LogForm) -> Draft {
    let (customers, many) = match &form.target {
        Target::Nobody => (Vec::new(), false),
        Target::One { customer_no, name } => (vec![(customer_no.clone(), name.clone())], false),
        Target::Many(list) => (list.clone(), true),
    };
    Draft::Log {
        kind: form.kind,
        customers,
        many,
        outcome: form.outcome,
        product_kind: form.product_kind,
        risk_level: form.risk_level,
        note: form.note.text().to_string(),
        time: form.time.text().to_string(),
        follow_up: form.follow_up.text().to_string(),
        product_name: form.product_name.text().to_string(),
        amount: form.amount.text().to_string(),
        maturity: form.maturity.text().to_string(),
        amend_id: form.amend_id,
        original: form.original.clone().map(Box::new),
    }
}

/// A draft was found beside the store at start: offer it (r restore, d discard, Esc later).
pub fn found(app: &mut App, draft: Draft) {
    let what = Arg::Both(Box::new((
        draft.describe(Lang::Zh),
        draft.describe(Lang::En),
    )));
    app.found_draft = Some(draft);
    if app.mode == Mode::Normal {
        app.mode = Mode::Restore;
    }
    app.notice = Some(Notice::fill(T::DraftFound, [what]));
}

/// Keys while the found draft is offered.
pub fn update_restore(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Confirm => {
            app.mode = Mode::Normal;
            app.notice = None;
            match app.found_draft.take() {
                Some(d) => restore(app, d),
                None => Vec::new(),
            }
        }
        Action::DeleteSelected => {
            app.mode = Mode::Normal;
            app.found_draft = None;
            app.notice = Some(Notice::say(T::DraftDiscarded));
            Vec::new()
        }
        Action::Cancel | Action::Back => {
            app.mode = Mode::Normal;
            app.notice = Some(Notice::say(T::DraftLater));
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Puts a draft back where it was typed.
pub fn restore(app: &mut App, draft: Draft) -> Vec<Effect> {
    match draft {
        Draft::Log {
            kind,
            customers,
            many,
            outcome,
            product_kind,
            risk_level,
            note,
            time,
            follow_up,
            product_name,
            amount,
            maturity,
            amend_id,
            original,
        } => {
            let target = match (many, customers.as_slice()) {
                (false, []) => Target::Nobody,
                (false, [(no, name), ..]) => Target::One {
                    customer_no: no.clone(),
                    name: name.clone(),
                },
                (true, _) => Target::Many(customers),
            };
            let mut form = LogForm::new(kind, target, app.ctx.now);
            form.outcome = outcome;
            form.product_kind = product_kind;
            form.risk_level = risk_level;
            form.note = TextField::with(&note);
            form.time = TextField::with(&time);
            form.follow_up = TextField::with(&follow_up);
            form.product_name = TextField::with(&product_name);
            form.amount = TextField::with(&amount);
            form.maturity = TextField::with(&maturity);
            form.amend_id = amend_id;
            form.original = original.map(|o| *o);
            app.form = Some(form);
            app.mode = Mode::Log;
            Vec::new()
        }
        Draft::Snooze {
            customer_no,
            date,
            note,
            ..
        } => match row(app, &customer_no) {
            Some(item) => {
                let mut form = SnoozeForm::new(item);
                form.date = TextField::with(&date);
                form.note = TextField::with(&note);
                if !date.is_empty() {
                    form.choice = super::tabs::today::SnoozeChoice::Date;
                }
                form.refresh(&app.ctx.policy.calendar, app.ctx.now);
                open_popup(app, TodayPopup::Snooze(form))
            }
            None => row_gone(app, &[date, note]),
        },
        Draft::Dismiss {
            customer_no,
            reason,
            ..
        } => match row(app, &customer_no) {
            Some(item) => {
                let mut form = DismissForm::new(item);
                form.reason = TextField::with(&reason);
                open_popup(app, TodayPopup::Dismiss(form))
            }
            None => row_gone(app, &[reason]),
        },
        Draft::Reflection {
            day, summary, plan, ..
        } => {
            // The editor opens on its week once loaded, with this text over the stored one.
            app.restored_reflection = Some((summary, plan));
            app.screen = Screen::Review;
            app.detail = None;
            app.review_manager = None;
            super::update::review(app, super::tabs::review::Msg::EditWeek(day))
        }
    }
}

/// The Today row a snooze or dismissal was typed for, if it is still in today's queue.
fn row(app: &App, customer_no: &Option<String>) -> Option<crate::domain::queue::QueueItem> {
    app.today_view
        .items()
        .iter()
        .find(|i| i.customer_no == *customer_no)
        .cloned()
}

fn open_popup(app: &mut App, popup: TodayPopup) -> Vec<Effect> {
    let effects = if app.screen == Screen::Today {
        Vec::new()
    } else {
        app.screen = Screen::Today;
        vec![Effect::LoadToday]
    };
    app.detail = None;
    app.today_view.popup = Some(popup);
    app.mode = Mode::Popup;
    effects
}

/// The row has left the queue since: the text goes into a memo so it is not lost.
fn row_gone(app: &mut App, texts: &[String]) -> Vec<Effect> {
    let text: Vec<&str> = texts
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let mut form = LogForm::new(EntryKind::Memo, Target::Nobody, app.ctx.now);
    form.note = TextField::with(&text.join(" "));
    app.form = Some(form);
    app.mode = Mode::Log;
    app.notice = Some(Notice::say(T::DraftRowGone));
    Vec::new()
}
