//! The Review screen's model: the week shown (any day of it), the figures once loaded, the day-by-day activity, and the reflection (本周总结 / 下周计划) while it is edited in place; leaving it with unsaved changes asks first.

use super::notice::{Arg, Notice};
use chrono::{Duration, NaiveDate};

use super::text_area::TextArea;
use super::{Action, App, Effect, Mode};
use crate::domain::diary::{DiaryEntry, EntryKind};
use crate::domain::review::{Reflection, WeekReview, monday_of};
use crate::i18n::T;

/// Terminal width from which the Review screen shows two columns (below it, one page).
pub const TWO_COLUMNS: u16 = 110;

/// Columns the metrics table takes, with its margin, beside the side column.
pub const TABLE_COLUMNS: u16 = 76;

/// The width the reflection wraps at while it is edited on a terminal `screen_width` wide:
/// the text area's inside (the side column's, or the whole width on one page) less a column
/// kept for the cursor after a full row. Up and Down move by these rows; `ui::review` lays
/// the screen out from the same constants.
pub fn text_width(screen_width: u16) -> u16 {
    let area = if screen_width >= TWO_COLUMNS {
        // The side column's left rule.
        screen_width - TABLE_COLUMNS - 1
    } else {
        screen_width
    };
    // The area's two borders and the cursor's column.
    area.saturating_sub(3).max(1)
}

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

/// Where the writer goes when they stop editing; with unsaved changes it waits for an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Back to the screen (Esc).
    Close,
    /// To the week holding this Monday, editing on (PgUp/PgDn).
    Week(NaiveDate),
    /// Out of the app (Ctrl-c).
    Quit,
}

/// The reflection being written in place on the Review screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ReflectionEditor {
    /// Whose reflection it is: the manager of the week the editor was opened on.
    pub manager_no: String,
    /// The Monday of the week the reflection belongs to.
    pub day: NaiveDate,
    pub summary: TextArea,
    pub plan: TextArea,
    pub focus: ReflectionField,
    /// The text as last loaded or saved, to tell whether anything changed.
    pub original: (String, String),
    /// Leaving over unsaved changes: the question (save / discard / keep editing) is on screen.
    pub asking: Option<Leave>,
    /// What to do once the save being written is stored (the answer "save" to `asking`).
    pub then: Option<Leave>,
    /// True while the save is being written.
    pub saving: bool,
}

impl ReflectionEditor {
    /// True when the text differs from what was loaded or last saved.
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

    /// The area of a field.
    pub fn area(&self, field: ReflectionField) -> &TextArea {
        match field {
            ReflectionField::Summary => &self.summary,
            ReflectionField::Plan => &self.plan,
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
    /// The week was changed while editing: editing goes on once the new week is loaded.
    pub edit_on_load: bool,
    /// The reflection's wrap width on this terminal (`text_width`), 0 before the size is known.
    pub text_width: u16,
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
    Effect::LoadReview(app.review.monday(app.ctx.today))
}

/// Keys on the Review screen in normal mode.
pub fn update_review(app: &mut App, action: Action) -> Vec<Effect> {
    let monday = app.review.monday(app.ctx.today);
    let day = match action {
        Action::PrevDay => monday - Duration::days(7),
        Action::NextDay => monday + Duration::days(7),
        Action::Today => monday_of(app.ctx.today),
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
    // Moving on by hand: a week asked for from the editor that never came opens nothing later.
    app.review.edit_on_load = false;
    vec![load_week(app)]
}

/// A week arrived: show it, and go on editing if the writer moved to it from the editor.
pub fn week_loaded(app: &mut App, data: ReviewData) -> Vec<Effect> {
    let monday = data.review.monday;
    app.review.data = Some(data);
    if app.review.edit_on_load && monday == app.review.monday(app.ctx.today) {
        app.review.edit_on_load = false;
        if app.review.editor.is_none() {
            open_editor(app);
        }
    }
    Vec::new()
}

/// Opens the editor in place on the week shown, with the reflection as loaded, the cursor in
/// 本周总结. Nothing opens before the week is loaded: an empty editor saved over a reflection
/// not yet read would erase it.
pub fn open_editor(app: &mut App) {
    // Another manager's week (opened from the Team tab) is read only: their reflection is
    // theirs to write.
    if app.review_manager.is_some() {
        app.review.edit_on_load = false;
        app.notice = Some(Notice::say(T::TmReadOnly));
        return;
    }
    let monday = app.review.monday(app.ctx.today);
    let Some(data) = app
        .review
        .data
        .as_ref()
        .filter(|d| d.review.monday == monday)
    else {
        app.notice = Some(Notice::say(T::RvLoading));
        return;
    };
    let loaded = data.reflection.clone().unwrap_or_default();
    app.review.editor = Some(ReflectionEditor {
        manager_no: data.manager_no.clone(),
        day: monday,
        summary: TextArea::with(&loaded.summary),
        plan: TextArea::with(&loaded.plan),
        focus: ReflectionField::Summary,
        original: (loaded.summary, loaded.plan),
        asking: None,
        then: None,
        saving: false,
    });
    app.mode = Mode::Reflection;
    super::drafts::fill_restored_reflection(app);
}

/// Stops editing towards `leave`, whatever was typed (the caller has asked or saved).
fn leave(app: &mut App, leave: Leave) -> Vec<Effect> {
    app.review.editor = None;
    app.mode = Mode::Normal;
    match leave {
        Leave::Close => Vec::new(),
        Leave::Quit => {
            app.quit = true;
            Vec::new()
        }
        Leave::Week(monday) => {
            app.review.day = Some(monday);
            app.review.scroll = 0;
            app.review.edit_on_load = true;
            vec![load_week(app)]
        }
    }
}

/// The save effect for the editor's text.
fn save(ed: &mut ReflectionEditor, then: Option<Leave>) -> Vec<Effect> {
    ed.saving = true;
    ed.then = then;
    vec![Effect::SaveReflection {
        manager_no: ed.manager_no.clone(),
        day: ed.day,
        summary: ed.summary.text().to_string(),
        plan: ed.plan.text().to_string(),
    }]
}

/// Keys while the reflection is being edited in place.
pub fn update_editor(app: &mut App, action: Action) -> Vec<Effect> {
    let width = app.review.text_width as usize;
    let Some(ed) = app.review.editor.as_mut() else {
        app.mode = Mode::Normal;
        return Vec::new();
    };
    if ed.saving {
        return Vec::new();
    }
    if let Some(to) = ed.asking {
        // The question over unsaved changes: s saves and leaves, d leaves without saving,
        // Esc stays; other keys are ignored so nothing is typed by mistake.
        let answer = match action {
            Action::Input(c) => crate::app::keymap::normalize_char(c).to_ascii_lowercase(),
            Action::Save => 's',
            Action::Cancel => 'c',
            _ => return Vec::new(),
        };
        match answer {
            's' | 'y' => {
                ed.asking = None;
                app.notice = None;
                return save(ed, Some(to));
            }
            'd' | 'n' => {
                app.notice = None;
                return leave(app, to);
            }
            'c' => {
                ed.asking = None;
                app.notice = None;
            }
            _ => {}
        }
        return Vec::new();
    }
    let to = match action {
        Action::Cancel => Some(Leave::Close),
        Action::Quit => Some(Leave::Quit),
        Action::PrevDay => Some(Leave::Week(ed.day - Duration::days(7))),
        Action::NextDay => Some(Leave::Week(ed.day + Duration::days(7))),
        _ => None,
    };
    if let Some(to) = to {
        if ed.changed() {
            ed.asking = Some(to);
            app.notice = Some(Notice::say(T::RvLeaveAsk));
            return Vec::new();
        }
        app.notice = None;
        return leave(app, to);
    }
    app.notice = None;
    match action {
        Action::Save => return save(ed, None),
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
        // By screen rows once the terminal's width is known, else by lines.
        Action::Up if width > 0 => ed.focused().up_in(width),
        Action::Down if width > 0 => ed.focused().down_in(width),
        Action::Up => ed.focused().up(),
        Action::Down => ed.focused().down(),
        Action::Top => ed.focused().home(),
        Action::Bottom => ed.focused().end(),
        _ => {}
    }
    Vec::new()
}

/// The reflection is stored: say so, show the saved text, and either go on editing (Ctrl-s)
/// or leave as the writer asked before the save.
pub fn reflection_saved(app: &mut App) -> Vec<Effect> {
    let Some(ed) = app.review.editor.as_mut() else {
        return Vec::new();
    };
    ed.saving = false;
    ed.original = (ed.summary.text().to_string(), ed.plan.text().to_string());
    let (day, then) = (ed.day, ed.then.take());
    let reflection = Reflection {
        summary: ed.original.0.clone(),
        plan: ed.original.1.clone(),
        updated_at: Some(app.ctx.now),
    };
    let week = crate::domain::review::week_label(day);
    app.notice = Some(Notice::fill(T::RvSaved, [Arg::text(week)]));
    if let Some(d) = app.review.data.as_mut()
        && d.review.monday == day
    {
        d.reflection = Some(reflection);
    }
    if let Some(to) = then {
        return leave(app, to);
    }
    Vec::new()
}
