//! The TUI model: `App`, what things mean (`Action`), what to do outside (`Effect`), and the pure `update`. Never touches the store, the terminal or the clock.

mod action;
pub mod ctx;
mod customer_route;
pub mod drafts;
pub mod keymap;
pub mod layout;
pub mod leave_guard;
pub mod log_form;
mod logging;
mod names;
pub mod notice;
#[deny(clippy::indexing_slicing)]
pub mod paste;
pub mod tabs;
#[deny(clippy::indexing_slicing)]
pub mod text_area;
#[deny(clippy::indexing_slicing)]
pub mod text_field;
mod update;

use chrono::{NaiveDate, NaiveDateTime};
pub use ctx::Ctx;
use notice::{Arg, Notice};

use crate::domain::classify::{AgeSegment, Lifecycle};
use crate::domain::customer::{Preference, ProductKind};
use crate::domain::diary::{EntryDraft, EntryKind, Outcome};
use crate::domain::policy::Policy;
use crate::domain::portfolio::{CustomerDetail, CustomerSummary};
use crate::i18n::{Lang, T};
use log_form::{LogForm, Target};
use tabs::customers::{GroupKey, SEGMENTS};

pub use crate::domain::names::{kind_name, outcome_name, product_name};

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
    /// The question, worded by the view.
    pub prompt: Notice,
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
    /// Snoozes and dismissals lifted from the holds view.
    Lifted(Vec<i64>),
}

/// The whole TUI state.
#[derive(Debug, Clone, PartialEq)]
pub struct App {
    /// The language, day, moment, policy, manager and role every screen reads.
    pub ctx: Ctx,
    pub manager_name: Option<String>,
    pub store_label: String,
    pub screen: Screen,
    pub mode: Mode,
    /// The Customers screen.
    pub customers: tabs::customers::Model,
    /// The open customer detail (its own slice: it opens over Today and the Diary too).
    pub detail: Option<tabs::detail::Model>,
    pub command: String,
    /// The one-line message (what was saved, a question, an error) above the footer, as data
    /// the view words in the language on screen.
    pub notice: Option<notice::Notice>,
    /// True until the first book arrives.
    pub loading: bool,
    /// Lines available to the tree, from the terminal size.
    pub list_height: usize,
    pub quit: bool,
    /// The quick-log popup, while open.
    pub form: Option<LogForm>,
    /// True while the popup's entries are being written.
    pub saving: bool,
    /// What `u` takes back, newest last.
    pub undo: Vec<UndoStep>,
    /// What `Ctrl-r` makes again, newest last.
    pub redo: Vec<UndoStep>,
    /// The Diary screen.
    pub diary: tabs::diary::Model,
    /// The action waiting for confirmation.
    pub confirm: Option<Confirmation>,
    /// The Ledgers screen.
    pub ledgers: tabs::ledgers::Model,
    /// The Today screen.
    pub today_view: tabs::today::Model,
    /// True when a write since the book was loaded may have changed it (see
    /// `reload_after_write`).
    pub book_stale: bool,
    /// An entry's earlier versions, while shown: (entry id, [(when, what, before)]).
    pub history: Option<(i64, Vec<Revision>)>,
    /// The Review screen.
    pub review: tabs::review::Model,
    /// The Team screen.
    pub team: tabs::team::Model,
    /// Another manager whose week the Review tab shows, opened from the Team tab (`None`: the
    /// app's own manager).
    pub review_manager: Option<String>,
    /// Lines the `?` help is scrolled down, when it is taller than the screen.
    pub help_scroll: u16,
    /// The terminal's size (width, height), from the last resize.
    pub size: (u16, u16),
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

pub use action::{Action, Effect};
use customer_route::*;
use logging::*;
pub use names::*;
pub use update::update;
use update::*;

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
            ctx: Ctx {
                lang,
                today,
                now: today.and_hms_opt(9, 0, 0).unwrap_or_default(),
                policy,
                manager,
                role: None,
            },
            manager_name: None,
            store_label,
            // The morning screen: whom to contact today.
            screen: Screen::Today,
            mode: Mode::Normal,
            customers: tabs::customers::Model::default(),
            detail: None,
            command: String::new(),
            notice: None,
            loading: true,
            list_height: 20,
            quit: false,
            form: None,
            saving: false,
            undo: Vec::new(),
            redo: Vec::new(),
            diary: tabs::diary::Model::default(),
            confirm: None,
            ledgers: tabs::ledgers::Model::default(),
            history: None,
            review: tabs::review::Model::default(),
            help_scroll: 0,
            size: (80, 24),
            today_view: tabs::today::Model::default(),
            book_stale: false,
            team: tabs::team::Model::default(),
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
        self.ctx.manager.is_none() || self.ctx.role.is_some_and(|r| r.sees_team())
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
        text.get(self.ctx.lang)
    }

    /// The message line's words in the app's language, as the view draws them.
    pub fn notice_text(&self) -> Option<String> {
        self.notice.as_ref().map(|n| n.text(self.ctx.lang))
    }
}
