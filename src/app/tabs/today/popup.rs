//! The Today screen's popups as data: snooze (until the next working day, next Monday or a typed date, with a note), dismiss (with a reason), and the score breakdown; and turning a popup into the holds to record. Pure.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::holds::HoldsView;
use crate::app::text_field::TextField;
use crate::domain::customer::ProductKind;
use crate::domain::queue::{QueueItem, Reason, next_monday};
use crate::domain::signals::Signal;
use crate::domain::urgency::ReasonCode;
use crate::domain::when::parse_follow_up;
use crate::domain::workload::Calendar;

/// A snooze or a dismissal to record, as the service takes it: `code` `None` snoozes the
/// customer's whole row until `until`; a code dismisses that reason up to and including `until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldDraft {
    pub customer_no: String,
    pub code: Option<ReasonCode>,
    pub until: NaiveDate,
    pub note: String,
}

/// Where a snooze leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnoozeChoice {
    NextWorkingDay,
    NextMonday,
    Date,
}

impl SnoozeChoice {
    /// The choices in the order of their number keys (1, 2, 3).
    pub const ALL: [SnoozeChoice; 3] = [
        SnoozeChoice::NextWorkingDay,
        SnoozeChoice::NextMonday,
        SnoozeChoice::Date,
    ];
}

/// A field of the snooze popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnoozeField {
    Choice,
    Date,
    Note,
}

/// A dated reason of the row that a snooze would keep out of sight on its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missed {
    /// A holding matures on `on`.
    Maturity { kind: ProductKind, on: NaiveDate },
    /// A call-back is due at `due_at`.
    Callback { due_at: NaiveDateTime },
    /// A birthday on `on`.
    Birthday { on: NaiveDate },
}

/// What the snooze popup warns of: the snooze still saves (Enter), the manager decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnoozeWarning {
    /// The row would be away on the day of a dated reason.
    Misses(Missed),
    /// The row would come back on a day the calendar does not work.
    NotWorkingDay(NaiveDate),
}

/// What is wrong with a popup's input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoldError {
    /// The typed date is unreadable, or not after today.
    BadDate,
    /// A dismissal needs a reason.
    ReasonRequired,
}

/// The snooze popup: the row it acts on (kept, so a reload underneath cannot change it).
#[derive(Debug, Clone, PartialEq)]
pub struct SnoozeForm {
    pub item: QueueItem,
    pub choice: SnoozeChoice,
    pub date: TextField,
    pub note: TextField,
    pub focus: SnoozeField,
    pub error: Option<HoldError>,
    /// What the typed date means (`None`: empty or unreadable), worked out by `update` after
    /// each key so the drawing never parses.
    pub preview: Option<NaiveDate>,
    /// What the chosen day would miss or land on, worked out by `update` after each key.
    pub warnings: Vec<SnoozeWarning>,
}

/// The dismiss popup.
#[derive(Debug, Clone, PartialEq)]
pub struct DismissForm {
    pub item: QueueItem,
    pub reason: TextField,
    pub error: Option<HoldError>,
}

/// The popup open over the Today screen.
#[derive(Debug, Clone, PartialEq)]
pub enum TodayPopup {
    Snooze(SnoozeForm),
    Dismiss(DismissForm),
    /// The selected row's score, term by term (it follows the cursor).
    Breakdown,
    /// Every live snooze and dismissal (`H`), where one can be lifted.
    Holds(HoldsView),
}

impl SnoozeForm {
    /// A fresh popup for a row, on the first choice.
    pub fn new(item: QueueItem) -> SnoozeForm {
        SnoozeForm {
            item,
            choice: SnoozeChoice::NextWorkingDay,
            date: TextField::default(),
            note: TextField::default(),
            focus: SnoozeField::Choice,
            error: None,
            preview: None,
            warnings: Vec::new(),
        }
    }

    /// A fresh popup with its warnings for the first choice worked out.
    pub fn opened(item: QueueItem, calendar: &Calendar, now: NaiveDateTime) -> SnoozeForm {
        let mut form = SnoozeForm::new(item);
        form.refresh(calendar, now);
        form
    }

    /// Works out what the drawing shows from the input: the typed date's meaning and the
    /// warnings for the day chosen.
    pub fn refresh(&mut self, calendar: &Calendar, now: NaiveDateTime) {
        self.refresh_preview(now);
        self.warnings = self.warnings_for(calendar, now);
    }

    /// What snoozing to the chosen day would miss (a maturity, a call-back from today on, a
    /// birthday before the row comes back) or land on (a day off); nothing while the day is
    /// unreadable.
    pub fn warnings_for(&self, calendar: &Calendar, now: NaiveDateTime) -> Vec<SnoozeWarning> {
        let Some(until) = self.until(calendar, now) else {
            return Vec::new();
        };
        let mut out: Vec<SnoozeWarning> = self
            .item
            .reasons
            .iter()
            .filter_map(|reason| match reason {
                Reason::Signal(Signal::Maturity { kind, on, .. })
                    if now.date() <= *on && *on < until =>
                {
                    Some(Missed::Maturity {
                        kind: *kind,
                        on: *on,
                    })
                }
                // A call-back from an earlier day is already late; one due from today on
                // would come and go while the row is away.
                Reason::Signal(Signal::Callback { due_at, .. })
                    if due_at.date() >= now.date() && due_at.date() < until =>
                {
                    Some(Missed::Callback { due_at: *due_at })
                }
                Reason::Signal(Signal::Birthday { on, .. }) if *on < until => {
                    Some(Missed::Birthday { on: *on })
                }
                _ => None,
            })
            .map(SnoozeWarning::Misses)
            .collect();
        if !calendar.is_working_day(until) {
            out.push(SnoozeWarning::NotWorkingDay(until));
        }
        out
    }

    /// Works out `preview` from the typed date, as of `now`.
    pub fn refresh_preview(&mut self, now: NaiveDateTime) {
        self.preview = if self.date.text().trim().is_empty() {
            None
        } else {
            parse_follow_up(self.date.text(), now)
                .ok()
                .flatten()
                .map(|t| t.date())
        };
    }

    /// True when something was typed (a date or a note), which leaving would throw away.
    pub fn has_typed(&self) -> bool {
        !self.date.text().trim().is_empty() || !self.note.text().trim().is_empty()
    }

    /// The day the row comes back for the current choice; `None` when the typed date is
    /// unreadable or not after today.
    pub fn until(&self, calendar: &Calendar, now: NaiveDateTime) -> Option<NaiveDate> {
        let today = now.date();
        let day = match self.choice {
            SnoozeChoice::NextWorkingDay => calendar.next_working_day(today),
            SnoozeChoice::NextMonday => next_monday(today),
            SnoozeChoice::Date => parse_follow_up(self.date.text(), now).ok()??.date(),
        };
        (day > today).then_some(day)
    }

    /// The holds this snooze records. A customer's row is snoozed whole; the weekly-SMS row
    /// stands for many customers, so only their SMS is held back — up to the day before the
    /// row should return — and their other reasons stay in the queue.
    pub fn drafts(
        &self,
        calendar: &Calendar,
        now: NaiveDateTime,
    ) -> Result<(Vec<HoldDraft>, NaiveDate), HoldError> {
        let until = self.until(calendar, now).ok_or(HoldError::BadDate)?;
        let note = self.note.text().trim().to_string();
        let drafts = match &self.item.customer_no {
            Some(no) => vec![HoldDraft {
                customer_no: no.clone(),
                code: None,
                until,
                note,
            }],
            None => self
                .item
                .members
                .iter()
                .map(|no| HoldDraft {
                    customer_no: no.clone(),
                    code: Some(ReasonCode::SmsDue),
                    until: until - Duration::days(1),
                    note: note.clone(),
                })
                .collect(),
        };
        Ok((drafts, until))
    }

    /// The text field with the cursor, if the focus is on one.
    pub fn focused_text(&mut self) -> Option<&mut TextField> {
        match self.focus {
            SnoozeField::Choice => None,
            SnoozeField::Date => Some(&mut self.date),
            SnoozeField::Note => Some(&mut self.note),
        }
    }

    /// Moves the focus forward (`1`) or back (`-1`) through choice, date and note; the date
    /// is a stop only when the choice is a date (3), so Tab after 1 or 2 goes to the note.
    pub fn move_focus(&mut self, step: isize) {
        let fields: &[SnoozeField] = if self.choice == SnoozeChoice::Date {
            &[SnoozeField::Choice, SnoozeField::Date, SnoozeField::Note]
        } else {
            &[SnoozeField::Choice, SnoozeField::Note]
        };
        let pos = fields.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        let n = fields.len() as isize;
        self.focus = fields[(pos + step).rem_euclid(n) as usize];
    }

    /// Takes the choice on the choices (a number key, or Enter on the one under the pointer):
    /// a date goes to the date field, a preset to the note.
    pub fn choose(&mut self, choice: SnoozeChoice) {
        self.choice = choice;
        self.focus = if choice == SnoozeChoice::Date {
            SnoozeField::Date
        } else {
            SnoozeField::Note
        };
    }

    /// Steps the choice forward or back.
    pub fn cycle_choice(&mut self, step: isize) {
        let pos = SnoozeChoice::ALL
            .iter()
            .position(|c| *c == self.choice)
            .unwrap_or(0) as isize;
        self.choice = SnoozeChoice::ALL[(pos + step).rem_euclid(3) as usize];
    }
}

impl DismissForm {
    /// A fresh popup for a row.
    pub fn new(item: QueueItem) -> DismissForm {
        DismissForm {
            item,
            reason: TextField::default(),
            error: None,
        }
    }

    /// True when a reason was typed, which leaving would throw away.
    pub fn has_typed(&self) -> bool {
        !self.reason.text().trim().is_empty()
    }

    /// Each reason of the row with the last day its dismissal holds.
    pub fn lines(&self, today: NaiveDate, passed_days: u32) -> Vec<(&Reason, NaiveDate)> {
        self.item
            .reasons
            .iter()
            .map(|r| (r, r.dismissed_until(today, passed_days)))
            .collect()
    }

    /// The holds this dismissal records: one per reason of a customer's row, each for its own
    /// period; on the weekly-SMS row, this week's SMS for every customer it stands for.
    pub fn drafts(&self, today: NaiveDate, passed_days: u32) -> Result<Vec<HoldDraft>, HoldError> {
        let note = self.reason.text().trim().to_string();
        if note.is_empty() {
            return Err(HoldError::ReasonRequired);
        }
        Ok(match &self.item.customer_no {
            Some(no) => self
                .lines(today, passed_days)
                .into_iter()
                .map(|(r, until)| HoldDraft {
                    customer_no: no.clone(),
                    code: Some(r.code()),
                    until,
                    note: note.clone(),
                })
                .collect(),
            None => {
                let until =
                    Reason::SmsOwed(self.item.members.len()).dismissed_until(today, passed_days);
                self.item
                    .members
                    .iter()
                    .map(|no| HoldDraft {
                        customer_no: no.clone(),
                        code: Some(ReasonCode::SmsDue),
                        until,
                        note: note.clone(),
                    })
                    .collect()
            }
        })
    }
}
