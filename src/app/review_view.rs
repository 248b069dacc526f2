//! The Review screen's model: the week shown (any day of it), the figures once loaded, the day-by-day activity, and the reflection editor (本周总结 / 下周计划) while open.

use chrono::{Datelike, Duration, NaiveDate};

use super::text_area::TextArea;
use super::{Action, App, Effect, Mode};
use crate::domain::diary::{DiaryEntry, EntryKind};
use crate::domain::review::{Reflection, WeekReview, monday_of};
use crate::i18n::{T, fill};

/// One day's logged work, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayActivity {
    pub day: NaiveDate,
    pub calls: usize,
    /// SMS and WeChat messages.
    pub sms: usize,
    pub visits: usize,
    pub sales: usize,
}

impl DayActivity {
    /// Every counted entry of the day.
    pub fn total(&self) -> usize {
        self.calls + self.sms + self.visits + self.sales
    }
}

/// The seven days from `monday` with the live entries among `entries` counted by kind.
pub fn activity_of(monday: NaiveDate, entries: &[DiaryEntry]) -> Vec<DayActivity> {
    let mut days: Vec<DayActivity> = (0..7)
        .map(|i| DayActivity {
            day: monday + Duration::days(i),
            ..DayActivity::default()
        })
        .collect();
    for e in entries.iter().filter(|e| !e.deleted) {
        let at = e.draft.occurred_at.date();
        let Some(d) = days.iter_mut().find(|d| d.day == at) else {
            continue;
        };
        match e.draft.kind {
            EntryKind::Call => d.calls += 1,
            EntryKind::Sms | EntryKind::Wechat => d.sms += 1,
            EntryKind::Visit => d.visits += 1,
            EntryKind::Sale => d.sales += 1,
            _ => {}
        }
    }
    days
}

/// A loaded week.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewData {
    pub manager_no: String,
    pub manager_name: String,
    /// `2026-W48`.
    pub week: String,
    pub review: WeekReview,
    pub reflection: Option<Reflection>,
    pub activity: Vec<DayActivity>,
}

/// Which text area of the editor has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReflectionField {
    Summary,
    Plan,
}

/// The reflection being written.
#[derive(Debug, Clone, PartialEq)]
pub struct ReflectionEditor {
    /// Any day of the week the reflection belongs to.
    pub day: NaiveDate,
    pub summary: TextArea,
    pub plan: TextArea,
    pub focus: ReflectionField,
    /// The text as it was when opened, to tell whether anything changed.
    pub original: (String, String),
    /// Esc was pressed once over unsaved changes: a second Esc discards them.
    pub discard_armed: bool,
    /// True while the save is being written.
    pub saving: bool,
}

impl ReflectionEditor {
    /// True when the text differs from what was loaded.
    pub fn changed(&self) -> bool {
        self.summary.text() != self.original.0 || self.plan.text() != self.original.1
    }

    /// The focused area.
    pub fn focused(&mut self) -> &mut TextArea {
        match self.focus {
            ReflectionField::Summary => &mut self.summary,
            ReflectionField::Plan => &mut self.plan,
        }
    }
}

/// The Review screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewView {
    /// A day of the week shown (`None`: the week of today).
    pub day: Option<NaiveDate>,
    pub data: Option<ReviewData>,
    pub editor: Option<ReflectionEditor>,
    /// Lines scrolled down.
    pub scroll: u16,
    /// The last load failed (the message line says why): the screen stops saying "loading".
    pub failed: bool,
}

impl ReviewView {
    /// The Monday of the week shown.
    pub fn monday(&self, today: NaiveDate) -> NaiveDate {
        monday_of(self.day.unwrap_or(today))
    }
}

/// The load effect for the week shown.
pub fn load_week(app: &mut App) -> Effect {
    app.review.failed = false;
    Effect::LoadReview(app.review.monday(app.today))
}

/// Keys on the Review screen in normal mode.
pub fn update_review(app: &mut App, action: Action) -> Vec<Effect> {
    let monday = app.review.monday(app.today);
    let day = match action {
        Action::PrevDay => monday - Duration::days(7),
        Action::NextDay => monday + Duration::days(7),
        Action::Today => monday_of(app.today),
        Action::Down => {
            app.review.scroll = app.review.scroll.saturating_add(1);
            return Vec::new();
        }
        Action::Up => {
            app.review.scroll = app.review.scroll.saturating_sub(1);
            return Vec::new();
        }
        Action::Top => {
            app.review.scroll = 0;
            return Vec::new();
        }
        Action::Activate => {
            open_editor(app);
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    app.review.day = Some(day);
    app.review.scroll = 0;
    vec![load_week(app)]
}

/// Opens the editor on the week shown, with the reflection as loaded.
/// Nothing opens before the week is loaded: an empty editor saved over a reflection not yet
/// read would erase it.
pub fn open_editor(app: &mut App) {
    let monday = app.review.monday(app.today);
    let Some(data) = app
        .review
        .data
        .as_ref()
        .filter(|d| d.review.monday == monday)
    else {
        app.message = Some(T::RvLoading.get(app.lang).to_string());
        return;
    };
    let loaded = data.reflection.clone().unwrap_or_default();
    app.review.editor = Some(ReflectionEditor {
        day: monday,
        summary: TextArea::with(&loaded.summary),
        plan: TextArea::with(&loaded.plan),
        focus: ReflectionField::Summary,
        original: (loaded.summary, loaded.plan),
        discard_armed: false,
        saving: false,
    });
    app.mode = Mode::Reflection;
}

/// Keys while the reflection editor is open.
pub fn update_editor(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let Some(ed) = app.review.editor.as_mut() else {
        app.mode = Mode::Normal;
        return Vec::new();
    };
    if ed.saving {
        return Vec::new();
    }
    if action != Action::Cancel {
        ed.discard_armed = false;
    }
    match action {
        Action::Save => {
            ed.saving = true;
            app.message = None;
            return vec![Effect::SaveReflection {
                day: ed.day,
                summary: ed.summary.text().to_string(),
                plan: ed.plan.text().to_string(),
            }];
        }
        Action::Cancel => {
            if ed.changed() && !ed.discard_armed {
                ed.discard_armed = true;
                app.message = Some(T::RvDiscardAsk.get(lang).to_string());
            } else {
                app.review.editor = None;
                app.mode = Mode::Normal;
                app.message = None;
            }
        }
        Action::NextField | Action::PrevField => {
            ed.focus = match ed.focus {
                ReflectionField::Summary => ReflectionField::Plan,
                ReflectionField::Plan => ReflectionField::Summary,
            }
        }
        Action::Submit => ed.focused().insert('\n'),
        Action::Input(c) => ed.focused().insert(c),
        Action::Backspace => ed.focused().backspace(),
        Action::DeleteChar => ed.focused().delete(),
        Action::CursorLeft => ed.focused().left(),
        Action::CursorRight => ed.focused().right(),
        Action::Up => ed.focused().up(),
        Action::Down => ed.focused().down(),
        Action::Top => ed.focused().home(),
        Action::Bottom => ed.focused().end(),
        _ => {}
    }
    Vec::new()
}

/// The reflection is stored: close the editor, say so, and show the saved text.
pub fn reflection_saved(app: &mut App) -> Vec<Effect> {
    let Some(ed) = app.review.editor.take() else {
        return Vec::new();
    };
    app.mode = Mode::Normal;
    let week = crate::domain::review::week_label(ed.day);
    app.message = Some(fill(T::RvSaved.get(app.lang), &[&week]));
    if let Some(d) = app.review.data.as_mut()
        && d.review.monday == ed.day
    {
        d.reflection = Some(Reflection {
            summary: ed.summary.text().to_string(),
            plan: ed.plan.text().to_string(),
            updated_at: Some(app.now),
        });
    }
    if ed.day.iso_week() == app.review.monday(app.today).iso_week() {
        vec![load_week(app)]
    } else {
        Vec::new()
    }
}
