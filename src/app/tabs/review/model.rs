//! The Review tab's model: the week shown (any day of it), the figures once loaded, the
//! day-by-day activity, and the reflection (本周总结 / 下周计划) while it is edited in place.
//! Plain data and the layout widths the editor wraps at; no messages, no I/O.

use chrono::{Duration, NaiveDate};

use crate::app::text_area::TextArea;
use crate::domain::diary::{DiaryEntry, EntryKind};
use crate::domain::review::{Reflection, WeekReview, monday_of};

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
pub struct Model {
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

impl Model {
    /// The Monday of the week shown.
    pub fn monday(&self, today: NaiveDate) -> NaiveDate {
        monday_of(self.day.unwrap_or(today))
    }
}
