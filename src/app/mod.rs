//! The TUI model: `App`, what things mean (`Action`), what to do outside (`Effect`), and the pure `update`. Never touches the store, the terminal or the clock.

pub mod customers;
pub mod diary_view;
pub mod drafts;
pub mod hold_form;
pub mod keymap;
pub mod leave_guard;
pub mod ledgers_view;
pub mod log_form;
pub mod notice;
#[deny(clippy::indexing_slicing)]
pub mod paste;
pub mod review_view;
pub mod team_view;
#[deny(clippy::indexing_slicing)]
pub mod text_area;
#[deny(clippy::indexing_slicing)]
pub mod text_field;
pub mod today_view;

use chrono::{NaiveDate, NaiveDateTime};
use notice::{Arg, Notice};

use crate::domain::classify::{AgeSegment, Lifecycle};
use crate::domain::customer::{Preference, ProductKind};
use crate::domain::diary::{EntryDraft, EntryKind, Outcome};
use crate::domain::policy::Policy;
use crate::domain::portfolio::{CustomerDetail, CustomerSummary};
use crate::i18n::{Lang, T, fill};
use customers::{CustomersView, GroupKey, SEGMENTS};
use log_form::{LogForm, Target};

pub use crate::i18n::{kind_name, outcome_name, product_name};

/// The tabs of the app, in order (keys 1–6; Team only for leads, see [`App::tabs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Today,
    Customers,
    Diary,
    Ledgers,
    Review,
    /// The team board, for team leads and branch heads.
    Team,
}

impl Screen {
    /// Every tab in order.
    pub const ALL: [Screen; 6] = [
        Screen::Today,
        Screen::Customers,
        Screen::Diary,
        Screen::Ledgers,
        Screen::Review,
        Screen::Team,
    ];

    /// The tab's title.
    pub fn title(self) -> T {
        match self {
            Screen::Today => T::TabToday,
            Screen::Customers => T::TabCustomers,
            Screen::Diary => T::TabDiary,
            Screen::Ledgers => T::TabLedgers,
            Screen::Review => T::TabReview,
            Screen::Team => T::TabTeam,
        }
    }

    /// The tab's key (1–6), the same whichever tabs are shown.
    pub fn number(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }
}

/// What keys mean right now: normal navigation, or typing into a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Search,
    Filter,
    Command,
    Help,
    /// The quick-log popup is open.
    Log,
    /// A destructive action waits for y/n.
    Confirm,
    /// A popup over the Today screen is open (snooze, dismiss, score breakdown).
    Popup,
    /// The week's reflection is being written in place (Review screen).
    Reflection,
    /// Unsaved text from the last run is offered back: restore, discard or later.
    Restore,
}

/// A destructive action held as data until the user says yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub prompt: String,
    pub effect: Effect,
}

/// A change the session can take back (`u`) and make again (`Ctrl-r`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoStep {
    /// Entries logged together (one log, or a bulk SMS).
    Logged(Vec<i64>),
    /// An entry amended from `before` to `after`.
    Amended {
        id: i64,
        before: Box<EntryDraft>,
        after: Box<EntryDraft>,
    },
    /// Entries deleted.
    Deleted(Vec<i64>),
    /// Snoozes and dismissals recorded together.
    Held(Vec<i64>),
}

/// The open Customer detail.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailView {
    pub detail: Box<CustomerDetail>,
    /// Phone and ID shown in full for this view only.
    pub revealed: bool,
    pub scroll: u16,
}

/// The whole TUI state.
#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub lang: Lang,
    pub today: NaiveDate,
    pub policy: Policy,
    /// The manager whose book is shown (`None`: every customer in the store).
    pub manager: Option<String>,
    pub manager_name: Option<String>,
    pub store_label: String,
    pub screen: Screen,
    pub mode: Mode,
    pub customers: CustomersView,
    pub detail: Option<DetailView>,
    pub command: String,
    /// The one-line message (what was saved, a question, an error) above the footer, as data
    /// the view words in the language on screen.
    pub notice: Option<notice::Notice>,
    /// True until the first book arrives.
    pub loading: bool,
    /// Lines available to the tree, from the terminal size.
    pub list_height: usize,
    pub quit: bool,
    /// The current moment, stamped by the driver before each key.
    pub now: NaiveDateTime,
    /// The quick-log popup, while open.
    pub form: Option<LogForm>,
    /// True while the popup's entries are being written.
    pub saving: bool,
    /// What `u` takes back, newest last.
    pub undo: Vec<UndoStep>,
    /// What `Ctrl-r` makes again, newest last.
    pub redo: Vec<UndoStep>,
    /// The Diary screen.
    pub diary: diary_view::DiaryView,
    /// The action waiting for confirmation.
    pub confirm: Option<Confirmation>,
    /// The Ledgers screen.
    pub ledgers: ledgers_view::LedgersView,
    /// The Today screen.
    pub today_view: today_view::TodayView,
    /// True when a write since the book was loaded may have changed it (see
    /// `reload_after_write`).
    pub book_stale: bool,
    /// An entry's earlier versions, while shown: (entry id, [(when, what, before)]).
    pub history: Option<(i64, Vec<Revision>)>,
    /// The Review screen.
    pub review: review_view::ReviewView,
    /// The role of the app's manager, from the store (`None`: unknown, or no manager).
    pub role: Option<crate::domain::assignment::Role>,
    /// The Team screen.
    pub team: team_view::TeamView,
    /// Another manager whose week the Review tab shows, opened from the Team tab (`None`: the
    /// app's own manager).
    pub review_manager: Option<String>,
    /// Lines the `?` help is scrolled down, when it is taller than the screen.
    pub help_scroll: u16,
    /// The furthest the help could scroll on the last frame drawn (the drawing knows the
    /// layout; `j` stops there, so `k` always moves back at once).
    pub help_max_scroll: std::cell::Cell<u16>,
    /// Leaving a popup with typed text: the question (save / discard / keep editing) is on
    /// screen, and where the user goes after it.
    pub leave_ask: Option<leave_guard::Then>,
    /// Where the user goes once the popup's save being written is stored.
    pub after_save: Option<leave_guard::Then>,
    /// A write another copy of guanhu holds the store's lock against, retried by the driver.
    pub busy: Option<Effect>,
    /// Unsaved text found from the last run, until restored or discarded.
    pub found_draft: Option<drafts::Draft>,
    /// A restored reflection's (summary, plan), put into the editor when its week opens.
    pub restored_reflection: Option<(String, String)>,
}

/// One earlier version of a diary entry: when it changed, how (amend, delete, undo…), and the
/// entry as it was.
pub type Revision = (NaiveDateTime, String, crate::domain::diary::DiaryEntry);

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
    /// Enter: fold/unfold a group or open a customer.
    Activate,
    /// Space: fold/unfold the group under the cursor.
    ToggleFold,
    /// `h`: fold the group (or go to the customer's group).
    Fold,
    /// `l`: unfold the group.
    Unfold,
    /// `z`: fold or unfold every group at once.
    ToggleAll,
    /// Esc in normal mode: back from the detail, else clear search and filters.
    Back,
    /// `/`: start typing a search.
    StartSearch,
    /// `f`: open the filter bar.
    StartFilter,
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
    /// In the filter bar: cycle the tier filter.
    CycleTier,
    /// In the filter bar: cycle the age filter.
    CycleAge,
    /// In the filter bar: cycle the preference filter.
    CyclePreference,
    /// In the filter bar: cycle the lifecycle filter.
    CycleLifecycle,
    /// In the filter bar: cycle the tag filter.
    CycleTag,
    /// `V`: mark every customer of the group under the cursor, or every search/filter result.
    MarkGroup,
    /// `p` in the detail: reveal or mask phone and ID.
    ToggleReveal,
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
    /// `[`: the previous day (Diary).
    PrevDay,
    /// `]`: the next day (Diary).
    NextDay,
    /// `t`: today (Diary).
    Today,
    /// `d`: delete the selected entry, after confirmation (Diary).
    DeleteSelected,
    /// `y` on a confirmation.
    Confirm,
    /// Result: a day of the diary was loaded.
    DayLoaded(Box<crate::domain::diary::DiaryDay>),
    /// Result: entries were deleted.
    EntriesDeleted(Vec<i64>),
    /// `h`/`l` on the Ledgers screen: the other ledger.
    SwitchLedger,
    /// `p` on the Ledgers screen: week → month → quarter.
    CyclePeriod,
    /// `H` on the Diary screen: show the selected entry's earlier versions.
    ShowHistory,
    /// Result: an entry's earlier versions.
    HistoryLoaded(i64, Vec<Revision>),
    /// Result: the entries of a period were loaded (for the ledgers).
    PeriodLoaded(Vec<crate::domain::diary::DiaryEntry>),
    /// `z` on the Today screen: snooze the selected row.
    Snooze,
    /// `x` on the Today screen: dismiss the selected row's reasons, with a reason.
    Dismiss,
    /// `i` on the Today screen: show how the selected row's score is made up.
    Explain,
    /// Result: today's queue was loaded.
    TodayLoaded(Box<crate::domain::queue::TodayQueue>),
    /// Result: snoozes or dismissals were recorded, with their ids.
    HoldsSaved(Vec<i64>),
    /// `Ctrl-s` while writing the reflection: save it.
    Save,
    /// Result: a week of the review was loaded.
    ReviewLoaded(Box<review_view::ReviewData>),
    /// Result: the week's reflection was saved.
    ReflectionSaved,
    /// `h` on the Team screen: sort by the column to the left.
    PrevSortColumn,
    /// `l` on the Team screen: sort by the column to the right.
    NextSortColumn,
    /// `r` on the Team screen: best first ↔ worst first.
    ReverseSort,
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
    HoldItems(Vec<hold_form::HoldDraft>),
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
}

/// Lines of the screen that are not the list: tabs, status, table header, message, footer.
const CHROME_LINES: u16 = 6;

impl App {
    /// A new app, waiting for its book.
    pub fn new(
        lang: Lang,
        today: NaiveDate,
        policy: Policy,
        manager: Option<String>,
        store_label: String,
    ) -> App {
        App {
            lang,
            today,
            policy,
            manager,
            manager_name: None,
            store_label,
            // The morning screen: whom to contact today.
            screen: Screen::Today,
            mode: Mode::Normal,
            customers: CustomersView::default(),
            detail: None,
            command: String::new(),
            notice: None,
            loading: true,
            list_height: 20,
            quit: false,
            now: today.and_hms_opt(9, 0, 0).unwrap_or_default(),
            form: None,
            saving: false,
            undo: Vec::new(),
            redo: Vec::new(),
            diary: diary_view::DiaryView::default(),
            confirm: None,
            ledgers: ledgers_view::LedgersView::default(),
            history: None,
            review: review_view::ReviewView::default(),
            help_scroll: 0,
            help_max_scroll: std::cell::Cell::new(0),
            today_view: today_view::TodayView::default(),
            book_stale: false,
            role: None,
            team: team_view::TeamView::default(),
            review_manager: None,
            leave_ask: None,
            after_save: None,
            busy: None,
            found_draft: None,
            restored_reflection: None,
        }
    }

    /// The effects to run when the app starts.
    pub fn start(&self) -> Vec<Effect> {
        let mut effects = vec![Effect::LoadBook];
        if self.screen == Screen::Today {
            effects.push(Effect::LoadToday);
        }
        effects
    }

    /// Whether the Team tab is shown: to team leads and branch heads, and on the whole store
    /// (no manager chosen), which only someone looking after the branch opens.
    pub fn team_visible(&self) -> bool {
        self.manager.is_none() || self.role.is_some_and(|r| r.sees_team())
    }

    /// The tabs shown, in order.
    pub fn tabs(&self) -> Vec<Screen> {
        Screen::ALL
            .into_iter()
            .filter(|s| *s != Screen::Team || self.team_visible())
            .collect()
    }

    /// Text in the app's language.
    pub fn t(&self, text: T) -> &'static str {
        text.get(self.lang)
    }

    /// The message line's words in the app's language, as the view draws them.
    pub fn notice_text(&self) -> Option<String> {
        self.notice.as_ref().map(|n| n.text(self.lang))
    }
}

/// Applies an action to the model and returns the effects to carry out. Never fails, never does I/O.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    // A write waiting for the store, or the question over typed text, takes the keys first.
    if !leave_guard::is_result(&action) {
        if app.busy.is_some() {
            return leave_guard::while_busy(app, action);
        }
        if app.leave_ask.is_some() {
            return leave_guard::answer(app, action);
        }
    }
    match action {
        // Ctrl-c while writing the reflection asks before unsaved text is thrown away.
        Action::Quit if app.mode == Mode::Reflection => {
            return review_view::update_editor(app, action);
        }
        // So does Ctrl-c in a popup with typed text.
        Action::Quit if matches!(app.mode, Mode::Log | Mode::Popup) => {
            return leave_guard::leave(app, leave_guard::Then::Quit);
        }
        Action::Quit => app.quit = true,
        Action::Paste(text) => return paste::paste(app, text),
        Action::StoreBusy(effect) => leave_guard::store_busy(app, *effect),
        Action::RetryBusy => return leave_guard::retry(app),
        Action::DraftFound(draft) => drafts::found(app, *draft),
        Action::GoTo(screen) => return switch_to(app, screen),
        Action::NextTab | Action::PrevTab => {
            let tabs = app.tabs();
            let n = tabs.len();
            let i = tabs.iter().position(|s| *s == app.screen).unwrap_or(0);
            let step = if action == Action::NextTab { 1 } else { n - 1 };
            return switch_to(app, tabs[(i + step) % n]);
        }
        Action::DayLoaded(day) => {
            let keep = app.diary.selected().map(|e| e.id);
            if app.diary.date != Some(day.date) {
                app.diary.expanded.clear();
            }
            app.diary.date = Some(day.date);
            app.diary.entries = day.entries;
            app.diary.follow_ups = day.follow_ups;
            app.diary.loaded = true;
            let rows = app.diary.rows();
            app.diary.cursor = keep
                .and_then(|id| {
                    rows.iter().position(|r| match r {
                        diary_view::DayRow::Entry(i) => app.diary.entries[*i].id == id,
                        diary_view::DayRow::Batch { members, .. } => {
                            members.iter().any(|i| app.diary.entries[*i].id == id)
                        }
                    })
                })
                .unwrap_or(0)
                .min(rows.len().saturating_sub(1));
        }
        Action::HistoryLoaded(id, revisions) => {
            app.history = Some((id, revisions));
            app.mode = Mode::Help;
        }
        Action::PeriodLoaded(entries) => {
            app.ledgers.entries = entries;
            app.ledgers.loaded = true;
            app.ledgers.move_by(0);
        }
        Action::EntriesDeleted(ids) => {
            app.notice = Some(Notice::fill(
                T::Deleted,
                [Arg::text(ids.first().copied().unwrap_or(0))],
            ));
            app.undo.push(UndoStep::Deleted(ids));
            app.redo.clear();
            return reload_after_write(app);
        }
        Action::Resize(w, h) => {
            app.list_height = h.saturating_sub(CHROME_LINES).max(1) as usize;
            app.review.text_width = review_view::text_width(w);
            app.customers.scroll_to_cursor(app.list_height);
            app.today_view.scroll_to_cursor(app.list_height);
        }
        Action::BookLoaded(book) => {
            app.loading = false;
            app.book_stale = false;
            app.manager_name = book
                .iter()
                .find(|s| s.customer.manager_no == app.manager && app.manager.is_some())
                .and_then(|s| s.manager_name.clone());
            app.customers.set_book(book, app.policy.tiers.len());
            app.customers.scroll_to_cursor(app.list_height);
        }
        Action::DetailLoaded(detail) => {
            app.detail = Some(DetailView {
                detail,
                revealed: false,
                scroll: 0,
            });
        }
        Action::Failed(failure) => {
            app.loading = false;
            // A week asked for from the editor that failed to load opens no editor later on
            // whatever week comes next.
            app.review.edit_on_load = false;
            // A failed save leaves the popup open with everything typed in it.
            app.saving = false;
            app.after_save = None;
            if let Some(ed) = app.review.editor.as_mut() {
                ed.saving = false;
                // A save on the way out failed: stay, with the text.
                ed.then = None;
            } else if app.screen == Screen::Review {
                app.review.failed = true;
            } else if app.screen == Screen::Team {
                app.team.failed = true;
            }
            app.notice = Some(Notice::Failed(failure));
        }
        Action::Clock(now) => app.now = now,
        Action::TodayLoaded(queue) => {
            app.today_view.set_queue(*queue);
            app.today_view.scroll_to_cursor(app.list_height);
        }
        Action::HoldsSaved(ids) => return today_view::holds_saved(app, ids),
        Action::EntriesSaved(ids) => return entries_saved(app, ids),
        Action::ReviewLoaded(data) => return review_view::week_loaded(app, *data),
        Action::ReflectionSaved => return review_view::reflection_saved(app),
        Action::TeamLoaded(board) => team_view::board_loaded(app, *board),
        Action::UndoApplied { step, redo } => {
            app.notice = Some(Notice::say(if redo { T::Redone } else { T::Undone }));
            app.today_view.follow_returning = app.screen == Screen::Today;
            if redo {
                app.undo.push(step);
            } else {
                app.redo.push(step);
            }
            return reload_after_write(app);
        }
        other => return update_input(app, other),
    }
    Vec::new()
}

fn update_input(app: &mut App, action: Action) -> Vec<Effect> {
    match app.mode {
        Mode::Help => {
            match action {
                Action::ToggleHelp | Action::Cancel | Action::Back => {
                    app.mode = Mode::Normal;
                    app.history = None;
                    app.help_scroll = 0;
                }
                // The drawing stops it at the last line.
                Action::Down => {
                    app.help_scroll = app
                        .help_scroll
                        .saturating_add(1)
                        .min(app.help_max_scroll.get())
                }
                Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
                _ => {}
            }
            Vec::new()
        }
        Mode::Search if app.screen == Screen::Today && app.detail.is_none() => {
            today_view::update_filter(app, action)
        }
        Mode::Search => update_search(app, action),
        Mode::Popup => today_view::update_popup(app, action),
        Mode::Command => update_command(app, action),
        Mode::Filter => update_filter(app, action),
        Mode::Log => update_log(app, action),
        Mode::Reflection => review_view::update_editor(app, action),
        Mode::Restore => drafts::update_restore(app, action),
        Mode::Confirm => {
            match action {
                Action::Confirm => {
                    app.mode = Mode::Normal;
                    if let Some(c) = app.confirm.take() {
                        return vec![c.effect];
                    }
                }
                Action::Cancel | Action::Back => {
                    app.mode = Mode::Normal;
                    app.confirm = None;
                }
                _ => {}
            }
            Vec::new()
        }
        Mode::Normal => update_normal(app, action),
    }
}

fn update_normal(app: &mut App, action: Action) -> Vec<Effect> {
    app.notice = None;
    if action == Action::ToggleHelp {
        app.mode = Mode::Help;
        return Vec::new();
    }
    if action == Action::StartCommand {
        app.mode = Mode::Command;
        app.command.clear();
        return Vec::new();
    }
    match action {
        Action::StartLog(kind) => return start_log(app, kind),
        Action::Undo => {
            return match app.undo.pop() {
                Some(step) => vec![Effect::Undo(step)],
                None => {
                    app.notice = Some(Notice::say(T::NothingToUndo));
                    Vec::new()
                }
            };
        }
        Action::Redo => {
            return match app.redo.pop() {
                Some(step) => vec![Effect::Redo(step)],
                None => {
                    app.notice = Some(Notice::say(T::NothingToRedo));
                    Vec::new()
                }
            };
        }
        _ => {}
    }
    if let Some(detail) = app.detail.as_mut() {
        match action {
            Action::Back | Action::Fold => app.detail = None,
            Action::ToggleReveal => detail.revealed = !detail.revealed,
            Action::Down => detail.scroll = detail.scroll.saturating_add(1),
            Action::Up => detail.scroll = detail.scroll.saturating_sub(1),
            Action::Top => detail.scroll = 0,
            _ => {}
        }
        return Vec::new();
    }
    if app.screen == Screen::Diary {
        return update_diary(app, action);
    }
    if app.screen == Screen::Ledgers {
        return update_ledgers(app, action);
    }
    if app.screen == Screen::Review {
        if let Some(effects) = team_view::update_other_review(app, &action) {
            return effects;
        }
        return review_view::update_review(app, action);
    }
    if app.screen == Screen::Team {
        return team_view::update_team(app, action);
    }
    if app.screen == Screen::Today {
        return today_view::update_today(app, action);
    }
    if app.screen != Screen::Customers {
        return Vec::new();
    }
    let half = (app.list_height / 2).max(1) as isize;
    let page = app.list_height.max(1) as isize;
    let view = &mut app.customers;
    let mut effects = Vec::new();
    match action {
        Action::Up => view.move_by(-1),
        Action::Down => view.move_by(1),
        Action::Top => view.cursor = 0,
        Action::Bottom => view.cursor = view.rows.len().saturating_sub(1),
        Action::HalfPageDown => view.move_by(half),
        Action::HalfPageUp => view.move_by(-half),
        Action::PageDown => view.move_by(page),
        Action::PageUp => view.move_by(-page),
        Action::Activate => match view.rows.get(view.cursor) {
            Some(customers::TreeRow::Group { key, collapsed, .. }) => {
                view.set_collapsed(*key, !*collapsed)
            }
            Some(customers::TreeRow::Customer(i)) => {
                if let Some(s) = view.all.get(*i) {
                    effects.push(Effect::LoadDetail(s.customer.customer_no.clone()));
                }
            }
            None => {}
        },
        Action::ToggleFold => {
            // Space marks a customer (for a bulk SMS) and moves on; on a group it folds.
            if let Some(s) = view.selected_customer() {
                let no = s.customer.customer_no.clone();
                if !view.marked.remove(&no) {
                    view.marked.insert(no);
                }
                view.move_by(1);
            } else if let Some(key) = view.group_at_cursor() {
                let folded = view.collapsed.contains(&key);
                view.set_collapsed(key, !folded);
            }
        }
        Action::MarkGroup => view.mark_group_or_results(),
        Action::Fold => match view.rows.get(view.cursor) {
            Some(customers::TreeRow::Group {
                key,
                collapsed: false,
                ..
            }) => view.set_collapsed(*key, true),
            Some(customers::TreeRow::Group {
                key: GroupKey::Segment(tier, ..),
                collapsed: true,
                ..
            }) => view.select_group(GroupKey::Tier(*tier)),
            Some(customers::TreeRow::Customer(_)) => {
                if let Some(key) = view.group_at_cursor() {
                    view.select_group(key);
                }
            }
            _ => {}
        },
        Action::Unfold => {
            if let Some(customers::TreeRow::Group {
                key,
                collapsed: true,
                ..
            }) = view.rows.get(view.cursor)
            {
                view.set_collapsed(*key, false);
            }
        }
        Action::ToggleAll => {
            let key = view.group_at_cursor();
            if view.collapsed.is_empty() {
                let tiers: Vec<GroupKey> = view
                    .rows
                    .iter()
                    .filter_map(|r| match r {
                        customers::TreeRow::Group {
                            key: k @ GroupKey::Tier(_),
                            ..
                        } => Some(*k),
                        _ => None,
                    })
                    .collect();
                view.collapsed.extend(tiers);
            } else {
                view.collapsed.clear();
            }
            view.rebuild();
            if let Some(GroupKey::Segment(t, ..) | GroupKey::Tier(t)) = key {
                view.select_group(GroupKey::Tier(t));
            }
        }
        Action::Back if !view.marked.is_empty() => view.marked.clear(),
        Action::Back => {
            view.query.clear();
            view.filter = customers::Filter::default();
            view.rebuild();
        }
        Action::StartSearch => {
            app.mode = Mode::Search;
        }
        Action::StartFilter => {
            app.mode = Mode::Filter;
        }
        _ => {}
    }
    app.customers.scroll_to_cursor(app.list_height);
    effects
}

fn update_search(app: &mut App, action: Action) -> Vec<Effect> {
    let view = &mut app.customers;
    match action {
        Action::Input(c) => {
            view.query.push(c);
            view.rebuild();
            first_customer(view);
        }
        Action::Backspace => {
            view.query.pop();
            view.rebuild();
            first_customer(view);
        }
        Action::Submit => app.mode = Mode::Normal,
        Action::Cancel => {
            view.query.clear();
            view.rebuild();
            app.mode = Mode::Normal;
        }
        Action::Up => view.move_by(-1),
        Action::Down => view.move_by(1),
        _ => {}
    }
    app.customers.scroll_to_cursor(app.list_height);
    Vec::new()
}

/// Puts the cursor on the first matching customer so Enter opens the best hit.
fn first_customer(view: &mut CustomersView) {
    view.cursor = view
        .rows
        .iter()
        .position(|r| matches!(r, customers::TreeRow::Customer(_)))
        .unwrap_or(0);
}

fn update_filter(app: &mut App, action: Action) -> Vec<Effect> {
    let tiers = app.policy.tiers.len();
    let view = &mut app.customers;
    let f = &mut view.filter;
    match action {
        Action::CycleTier => {
            f.tier = match f.tier {
                None => Some(tiers.saturating_sub(1)),
                Some(0) => None,
                Some(t) => Some(t - 1),
            }
        }
        Action::CycleAge => f.age = cycle(&[AgeSegment::Young, AgeSegment::Senior], f.age),
        Action::CyclePreference => {
            f.preference = cycle(&[Preference::Investment, Preference::Savings], f.preference)
        }
        Action::CycleLifecycle => f.lifecycle = cycle(&Lifecycle::ALL, f.lifecycle),
        Action::CycleTag => f.tag = cycle(&view.tags, f.tag.clone()),
        Action::Submit | Action::Cancel | Action::StartFilter => {
            app.mode = Mode::Normal;
            return Vec::new();
        }
        Action::Back => {
            *f = customers::Filter::default();
        }
        _ => return Vec::new(),
    }
    view.rebuild();
    first_customer(view);
    app.customers.scroll_to_cursor(app.list_height);
    Vec::new()
}

/// The next value in `values` after `current`; after the last comes `None` (any).
fn cycle<V: Clone + PartialEq>(values: &[V], current: Option<V>) -> Option<V> {
    match current {
        None => values.first().cloned(),
        Some(c) => {
            let pos = values.iter().position(|v| *v == c)?;
            values.get(pos + 1).cloned()
        }
    }
}

fn update_command(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Input(c) => app.command.push(c),
        Action::Backspace if app.command.pop().is_none() => app.mode = Mode::Normal,
        Action::Cancel => {
            app.command.clear();
            app.mode = Mode::Normal;
        }
        Action::Submit => {
            app.mode = Mode::Normal;
            let command = std::mem::take(&mut app.command);
            return run_command(app, command.trim());
        }
        _ => {}
    }
    Vec::new()
}

fn run_command(app: &mut App, command: &str) -> Vec<Effect> {
    let mut words = command.split_whitespace();
    let action = match (words.next(), words.next()) {
        (Some("q" | "quit"), _) => Action::Quit,
        (Some("help" | "h"), _) => Action::ToggleHelp,
        (Some("today"), _) => Action::GoTo(Screen::Today),
        (Some("customers" | "c"), _) => Action::GoTo(Screen::Customers),
        (Some("diary"), _) => Action::GoTo(Screen::Diary),
        (Some("ledgers"), _) => Action::GoTo(Screen::Ledgers),
        (Some("review"), _) => Action::GoTo(Screen::Review),
        (Some("team"), _) => Action::GoTo(Screen::Team),
        (Some("period"), Some(from)) => {
            let parse = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
            match (parse(from), words.next().and_then(parse)) {
                (Some(a), Some(b)) => {
                    app.ledgers.period = Some(crate::domain::period::Period::Custom(a, b));
                    app.screen = Screen::Ledgers;
                    app.detail = None;
                    return vec![load_period(app)];
                }
                _ => {
                    app.notice = Some(Notice::fill(T::UnknownCommand, [Arg::text(command)]));
                    return Vec::new();
                }
            }
        }
        (Some("lang"), Some(l)) if crate::i18n::Lang::parse(l).is_some() => {
            app.lang = crate::i18n::Lang::parse(l).unwrap_or(app.lang);
            return Vec::new();
        }
        (None, _) => return Vec::new(),
        _ => {
            app.notice = Some(Notice::fill(T::UnknownCommand, [Arg::text(command)]));
            return Vec::new();
        }
    };
    if action == Action::ToggleHelp {
        app.mode = Mode::Help;
        return Vec::new();
    }
    update(app, action)
}

/// The label of a group line, e.g. `高端客户` or `青年 · 投资型`.
pub fn group_label(app: &App, key: GroupKey) -> String {
    match key {
        GroupKey::Tier(t) => tier_name(app, t).to_string(),
        GroupKey::Segment(_, age, pref) => {
            format!(
                "{} · {}",
                age_name(app.lang, age),
                pref_name(app.lang, pref)
            )
        }
    }
}

/// The tier's name in the app's language.
pub fn tier_name(app: &App, tier: usize) -> &str {
    app.policy
        .tiers
        .get(tier)
        .map(|t| match app.lang {
            Lang::Zh => t.zh.as_str(),
            Lang::En => t.en.as_str(),
        })
        .unwrap_or("?")
}

/// The age segment's name.
pub fn age_name(lang: Lang, age: AgeSegment) -> &'static str {
    match age {
        AgeSegment::Young => T::AgeYoung.get(lang),
        AgeSegment::Senior => T::AgeSenior.get(lang),
    }
}

/// The preference segment's name.
pub fn pref_name(lang: Lang, pref: Preference) -> &'static str {
    match pref {
        Preference::Investment => T::PrefInvestment.get(lang),
        Preference::Savings => T::PrefSavings.get(lang),
    }
}

/// The lifecycle stage's name.
pub fn lifecycle_name(lang: Lang, l: Lifecycle) -> &'static str {
    match l {
        Lifecycle::Prospect => T::LifeProspect.get(lang),
        Lifecycle::New => T::LifeNew.get(lang),
        Lifecycle::Established => T::LifeEstablished.get(lang),
        Lifecycle::Loyal => T::LifeLoyal.get(lang),
        Lifecycle::Dormant => T::LifeDormant.get(lang),
    }
}

/// Every segment pair, for tests and the filter bar.
pub fn segments() -> [(AgeSegment, Preference); 4] {
    SEGMENTS
}

/// The customer a quick-log key acts on: the open detail's, else the selected row's.
fn selected_target(app: &App) -> Option<Target> {
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
        return today_view::selected_target(app);
    }
    if app.screen != Screen::Customers {
        return None;
    }
    app.customers.selected_customer().map(|s| Target::One {
        customer_no: s.customer.customer_no.clone(),
        name: s.customer.name.clone(),
    })
}

fn start_log(app: &mut App, kind: EntryKind) -> Vec<Effect> {
    if app.screen == Screen::Today
        && app.detail.is_none()
        && let Some(effects) = today_view::start_log_on_sms_row(app, kind)
    {
        return effects;
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
    app.form = Some(LogForm::new(kind, target, app.now));
    app.mode = Mode::Log;
    Vec::new()
}

/// Opens the bulk SMS popup to `list` (number, name), one note as a template.
fn open_bulk_sms(app: &mut App, list: Vec<(String, String)>) {
    let mut form = LogForm::new(EntryKind::Sms, Target::Many(list), app.now);
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
        Action::Submit => match form.drafts_within(app.now, &app.policy.limits) {
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
fn pick_by_number(form: &mut LogForm, d: usize) {
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
fn entries_saved(app: &mut App, ids: Vec<i64>) -> Vec<Effect> {
    app.saving = false;
    app.mode = Mode::Normal;
    leave_guard::saved(app);
    let Some(form) = app.form.take() else {
        return reload_after_write(app);
    };
    let kind = Arg::Kind(form.kind);
    app.notice = Some(match (&form.amend_id, &form.target) {
        (Some(id), _) => Notice::fill(T::Amended, [Arg::text(id)]),
        (None, Target::Many(list)) => {
            app.customers.marked.clear();
            Notice::fill(T::SavedMany, [Arg::text(list.len()), kind])
        }
        (None, Target::One { name, .. }) => Notice::fill(T::Saved, [kind, Arg::text(name)]),
        (None, Target::Nobody) => Notice::fill(T::Saved, [kind, Arg::text("—")]),
    });
    let step = match (form.amend_id, form.original_and_new(app.now)) {
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
fn reload_after_write(app: &mut App) -> Vec<Effect> {
    let mut effects = Vec::new();
    if app.screen == Screen::Today {
        effects.push(Effect::LoadToday);
        app.book_stale = true;
    } else {
        effects.push(Effect::LoadBook);
    }
    if app.screen == Screen::Diary {
        effects.push(Effect::LoadDay(app.diary.date.unwrap_or(app.today)));
    }
    if app.screen == Screen::Ledgers
        && let Some(p) = app.ledgers.period
    {
        let (from, to) = p.range();
        effects.push(Effect::LoadPeriod(from, to));
    }
    if app.screen == Screen::Review {
        effects.push(review_view::load_week(app));
    }
    app.team.mark_stale();
    if app.screen == Screen::Team {
        effects.push(team_view::load_board(app));
    }
    if let Some(d) = &app.detail {
        effects.push(Effect::LoadDetail(
            d.detail.summary.customer.customer_no.clone(),
        ));
    }
    effects
}

/// Switches tab, loading what the new tab shows.
fn switch_to(app: &mut App, screen: Screen) -> Vec<Effect> {
    if screen == Screen::Team && !app.team_visible() {
        app.notice = Some(Notice::say(T::TmForLeads));
        return Vec::new();
    }
    app.review.edit_on_load = false;
    if app.review_manager.take().is_some() {
        // Another manager's week is seen from the Team tab only; the Review tab itself is the
        // app's own manager's, and the figures loaded were the other's.
        app.review.data = None;
    }
    app.screen = screen;
    app.detail = None;
    match screen {
        Screen::Today => vec![Effect::LoadToday],
        Screen::Customers if app.book_stale => vec![Effect::LoadBook],
        Screen::Diary => vec![Effect::LoadDay(app.diary.date.unwrap_or(app.today))],
        Screen::Ledgers => vec![load_period(app)],
        Screen::Review => vec![review_view::load_week(app)],
        Screen::Team => team_view::open(app),
        _ => Vec::new(),
    }
}

/// The ledgers' period (this month until chosen otherwise) as a load effect.
fn load_period(app: &mut App) -> Effect {
    let period = *app
        .ledgers
        .period
        .get_or_insert(crate::domain::period::Period::Month(app.today));
    let (from, to) = period.range();
    Effect::LoadPeriod(from, to)
}

fn update_ledgers(app: &mut App, action: Action) -> Vec<Effect> {
    use crate::domain::period::Period;
    let view = &mut app.ledgers;
    let period = view.period.unwrap_or(Period::Month(app.today));
    let new_period = match action {
        Action::Up => {
            view.move_by(-1);
            None
        }
        Action::Down => {
            view.move_by(1);
            None
        }
        Action::SwitchLedger => {
            view.tab = match view.tab {
                ledgers_view::LedgerTab::Fund => ledgers_view::LedgerTab::Wealth,
                ledgers_view::LedgerTab::Wealth => ledgers_view::LedgerTab::Fund,
            };
            view.cursor = 0;
            None
        }
        Action::CyclePeriod => Some(period.next_kind()),
        Action::PrevDay => Some(period.step(-1)),
        Action::NextDay => Some(period.step(1)),
        Action::Today => Some(match period {
            Period::Week(_) => Period::Week(app.today),
            Period::Quarter(_) => Period::Quarter(app.today),
            _ => Period::Month(app.today),
        }),
        _ => None,
    };
    match new_period {
        Some(p) => {
            app.ledgers.period = Some(p);
            app.ledgers.cursor = 0;
            vec![load_period(app)]
        }
        None => Vec::new(),
    }
}

fn update_diary(app: &mut App, action: Action) -> Vec<Effect> {
    let date = app.diary.date.unwrap_or(app.today);
    let view = &mut app.diary;
    match action {
        Action::Up => view.move_by(-1),
        Action::Down => view.move_by(1),
        Action::Top => view.cursor = 0,
        Action::Bottom => view.move_by(isize::MAX / 2),
        Action::PrevDay => return vec![Effect::LoadDay(date - chrono::Duration::days(1))],
        Action::NextDay => return vec![Effect::LoadDay(date + chrono::Duration::days(1))],
        Action::Today => return vec![Effect::LoadDay(app.today)],
        Action::ShowHistory => {
            if let Some(e) = view.selected() {
                return vec![Effect::LoadHistory(e.id)];
            }
        }
        Action::Activate => match app.diary.selected_row() {
            Some(diary_view::DayRow::Batch { batch_id, .. }) => {
                app.diary.expanded.insert(batch_id);
            }
            Some(diary_view::DayRow::Entry(i)) => {
                let e = &app.diary.entries[i];
                app.form = Some(LogForm::amend(e.id, &e.draft, e.customer_name.clone()));
                app.mode = Mode::Log;
            }
            None => {}
        },
        Action::DeleteSelected => {
            if let Some(diary_view::DayRow::Batch { members, .. }) = view.selected_row() {
                let ids: Vec<i64> = members.iter().map(|i| view.entries[*i].id).collect();
                let kind = view.entries[members[0]].draft.kind;
                app.confirm = Some(Confirmation {
                    prompt: fill(
                        T::ConfirmDeleteBatch.get(app.lang),
                        &[&ids.len(), &kind_name(app.lang, kind)],
                    ),
                    effect: Effect::DeleteEntries(ids),
                });
                app.mode = Mode::Confirm;
            } else if let Some(e) = view.selected().cloned() {
                let who = e.customer_name.clone().unwrap_or_else(|| "—".to_string());
                let prompt = fill(
                    T::ConfirmDelete.get(app.lang),
                    &[
                        &e.draft.occurred_at.format("%H:%M"),
                        &kind_name(app.lang, e.draft.kind),
                        &who,
                    ],
                );
                app.confirm = Some(Confirmation {
                    prompt,
                    effect: Effect::DeleteEntries(vec![e.id]),
                });
                app.mode = Mode::Confirm;
            }
        }
        _ => {}
    }
    Vec::new()
}
