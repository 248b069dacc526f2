//! What things mean: [`Action`] (a key through the keymap, or a finished effect's result) and
//! [`Effect`] (I/O the driver carries out for `update`), both plain data.

use super::*;

/// What the user (through the keymap) or a finished effect means.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the app.
    Quit,
    /// Switch to a tab.
    GoTo(Screen),
    /// Next tab (Tab).
    NextTab,
    /// Previous tab (Shift-Tab).
    PrevTab,
    /// Cursor up one line.
    Up,
    /// Cursor down one line.
    Down,
    /// Cursor to the first line.
    Top,
    /// Cursor to the last line.
    Bottom,
    /// Half a page down (Ctrl-d).
    HalfPageDown,
    /// Half a page up (Ctrl-u).
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Esc where it means back (the Review tab, another manager's week, a question).
    Back,
    /// `:`: open the command line.
    StartCommand,
    /// `?`: show or hide the help overlay.
    ToggleHelp,
    /// A character typed into the current field.
    Input(char),
    /// Backspace in the current field.
    Backspace,
    /// Enter in the current field.
    Submit,
    /// Esc in the current field.
    Cancel,
    /// The terminal's size changed (width, height).
    Resize(u16, u16),
    /// Result: the manager's book was loaded.
    BookLoaded(Vec<CustomerSummary>),
    /// Result: a customer's detail was loaded.
    DetailLoaded(Box<CustomerDetail>),
    /// Result: an effect failed; the message line says why, nothing else changes.
    Failed(notice::Failure),
    /// The driver's clock, before each key.
    Clock(NaiveDateTime),
    /// The driver's clock, once a minute while the app is open: the queue is built again as
    /// of the new time (a call-back falls due, a sunk row rises), the cursor kept.
    Tick(NaiveDateTime),
    /// Open the quick-log popup for a kind (c, s, w, v, $, r on a customer; m, R anywhere).
    StartLog(EntryKind),
    /// In the popup: the next field (Tab).
    NextField,
    /// In the popup: the previous field (Shift-Tab).
    PrevField,
    /// In a text field: cursor left, or a picker back.
    CursorLeft,
    /// In a text field: cursor right, or a picker forward.
    CursorRight,
    /// In a text field: delete the character under the cursor.
    DeleteChar,
    /// `u`: take back the last log, amendment or deletion of this session.
    Undo,
    /// `Ctrl-r`: make again what was taken back.
    Redo,
    /// Result: the popup's entries were written, with their ids.
    EntriesSaved(Vec<i64>),
    /// Result: an undo or redo was carried out.
    UndoApplied { step: UndoStep, redo: bool },
    /// `d`: delete the selected entry, after confirmation (Diary).
    DeleteSelected,
    /// `y` on a confirmation.
    Confirm,
    /// Result: a day of the diary was loaded.
    DayLoaded(Box<crate::domain::diary::DiaryDay>),
    /// Result: entries were deleted.
    EntriesDeleted(Vec<i64>),
    /// A message for the Diary tab.
    Diary(crate::app::tabs::diary::Msg),
    /// A message for the Team tab.
    Team(crate::app::tabs::team::Msg),
    /// A message for the Ledgers tab.
    Ledgers(crate::app::tabs::ledgers::Msg),
    /// `H` on the Diary screen: show the selected entry's earlier versions.
    ShowHistory,
    /// Result: an entry's earlier versions.
    HistoryLoaded(i64, Vec<Revision>),
    /// Result: the entries of a period were loaded (for the ledgers).
    PeriodLoaded(Vec<crate::domain::diary::DiaryEntry>),
    /// Result: today's queue was loaded.
    TodayLoaded(Box<crate::domain::queue::TodayQueue>),
    /// Result: snoozes or dismissals were recorded, with their ids.
    HoldsSaved(Vec<i64>),
    /// Result: the live snoozes and dismissals, for the holds view.
    HoldsLoaded(Vec<crate::domain::holds::HeldItem>),
    /// Result: these holds were lifted (those still live when asked).
    HoldsLifted(Vec<i64>),
    /// Result: a week of the review was loaded.
    ReviewLoaded(Box<crate::app::tabs::review::ReviewData>),
    /// Result: the week's reflection was saved.
    ReflectionSaved,
    /// Result: a week of the team board was loaded.
    TeamLoaded(Box<crate::domain::board::Board>),
    /// Text pasted into the terminal (bracketed paste): typed into the focused field as text,
    /// never run as keys.
    Paste(String),
    /// Result: the store is locked by another copy's write; this effect waits to be retried.
    StoreBusy(Box<Effect>),
    /// The driver's tick while a write waits for the store: try it again.
    RetryBusy,
    /// The driver found unsaved text from the last run beside the store.
    DraftFound(Box<drafts::Draft>),
    // issue 11 (today tab)
    /// A message for the Today tab.
    Today(crate::app::tabs::today::Msg),
    // issue 11 (review tab)
    /// A message for the Review tab (its screen and its reflection editor).
    Review(crate::app::tabs::review::Msg),
    // issue 11 (customers tab)
    /// A message for the Customers tab (its tree, search line and filter bar).
    Customers(crate::app::tabs::customers::Msg),
    /// A message for the open customer detail.
    Detail(crate::app::tabs::detail::Msg),
    /// Result: the Upcoming view's open follow-ups, in time order.
    UpcomingLoaded(Vec<crate::domain::diary::DiaryEntry>),
}

/// I/O the driver carries out for `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Load the manager's book (answered with `BookLoaded`).
    LoadBook,
    /// Load one customer (answered with `DetailLoaded`).
    LoadDetail(String),
    /// Write new entries (answered with `EntriesSaved`).
    SaveEntries(Vec<EntryDraft>),
    /// Amend an entry (answered with `EntriesSaved([id])`).
    AmendEntry { id: i64, draft: Box<EntryDraft> },
    /// Take back a step (answered with `UndoApplied`).
    Undo(UndoStep),
    /// Make a step again (answered with `UndoApplied`).
    Redo(UndoStep),
    /// Load a day of the diary (answered with `DayLoaded`).
    LoadDay(NaiveDate),
    /// Delete entries, kept as deleted (answered with `EntriesDeleted`).
    DeleteEntries(Vec<i64>),
    /// Load an entry's earlier versions (answered with `HistoryLoaded`).
    LoadHistory(i64),
    /// Load the diary entries of a period, first and last day (answered with `PeriodLoaded`).
    LoadPeriod(NaiveDate, NaiveDate),
    /// Load today's queue as of the app's `now` (answered with `TodayLoaded`).
    LoadToday,
    /// Record snoozes and dismissals (answered with `HoldsSaved`).
    HoldItems(Vec<crate::app::tabs::today::HoldDraft>),
    /// Load the live snoozes and dismissals (answered with `HoldsLoaded`).
    LoadHolds,
    /// Lift these snoozes and dismissals, in one transaction (answered with `HoldsLifted`).
    LiftHolds(Vec<i64>),
    /// Load the manager's week holding this day, its figures and the week's diary (answered
    /// with `ReviewLoaded`).
    LoadReview(NaiveDate),
    /// Save `manager_no`'s reflection of the week holding `day` (answered with
    /// `ReflectionSaved`). The manager is the one whose week the editor was opened on, never
    /// whoever's week is shown when the save runs.
    SaveReflection {
        manager_no: String,
        day: NaiveDate,
        summary: String,
        plan: String,
    },
    /// Load every manager's week holding this day as the team board (answered with
    /// `TeamLoaded`).
    LoadTeam(NaiveDate),
    /// Load today's and the next seven days' open follow-ups as of the app's `now`
    /// (answered with `UpcomingLoaded`).
    LoadUpcoming,
}
