//! The keymap's rows: every key the app answers, where it applies, what it means, and how the
//! footer and the `?` help name it. This table is the only dispatcher (`action_for` reads it)
//! and the only source of the footer, the help and the README's key table, so they cannot drift.

use ratatui::crossterm::event::KeyCode;

mod overlays;

use super::{Binding, Context, Key};
use crate::app::{Action, Screen};
use crate::domain::diary::EntryKind;
use crate::i18n::T;

pub(crate) const fn ch(c: char) -> Key {
    Key::Plain(KeyCode::Char(c))
}
pub(crate) const fn k(code: KeyCode) -> Key {
    Key::Plain(code)
}
pub(crate) const ENTER: Key = k(KeyCode::Enter);
pub(crate) const ESC: Key = k(KeyCode::Esc);
pub(crate) const TAB: Key = k(KeyCode::Tab);
pub(crate) const BACKTAB: Key = k(KeyCode::BackTab);
pub(crate) const UP: Key = k(KeyCode::Up);
pub(crate) const DOWN: Key = k(KeyCode::Down);
pub(crate) const LEFT: Key = k(KeyCode::Left);
pub(crate) const RIGHT: Key = k(KeyCode::Right);
pub(crate) const HOME: Key = k(KeyCode::Home);
pub(crate) const END: Key = k(KeyCode::End);
pub(crate) const BACKSPACE: Key = k(KeyCode::Backspace);
pub(crate) const DELETE: Key = k(KeyCode::Delete);
pub(crate) const PGUP: Key = k(KeyCode::PageUp);
pub(crate) const PGDN: Key = k(KeyCode::PageDown);

/// A row listed in the `?` help (and the footer when `footer`).
pub(crate) const fn shown(
    context: Context,
    label: &'static str,
    help: T,
    footer: bool,
    keys: &'static [(Key, Action)],
) -> Binding {
    Binding {
        context,
        label,
        help: Some(help),
        footer,
        keys,
    }
}

/// A row the help does not list: editing keys inside a popup or a field (the popup names its
/// own keys), and the few keys that only explain why nothing happens.
pub(crate) const fn hidden(context: Context, keys: &'static [(Key, Action)]) -> Binding {
    Binding {
        context,
        label: "",
        help: None,
        footer: false,
        keys,
    }
}

/// Half pages; PgUp/PgDn move whole pages beside them.
pub(super) const PAGES: &[(Key, Action)] = &[
    (Key::Ctrl('d'), Action::HalfPageDown),
    (Key::Ctrl('u'), Action::HalfPageUp),
    (PGDN, Action::PageDown),
    (PGUP, Action::PageUp),
];
pub(super) const QUICK_LOG: &[(Key, Action)] = &[
    (ch('c'), Action::StartLog(EntryKind::Call)),
    (ch('s'), Action::StartLog(EntryKind::Sms)),
    (ch('w'), Action::StartLog(EntryKind::Wechat)),
    (ch('v'), Action::StartLog(EntryKind::Visit)),
    (ch('$'), Action::StartLog(EntryKind::Sale)),
    (ch('r'), Action::StartLog(EntryKind::RiskAssessment)),
];
/// Editing keys shared by the popups and the reflection editor.
pub(super) const EDIT: &[(Key, Action)] = &[
    (LEFT, Action::CursorLeft),
    (RIGHT, Action::CursorRight),
    (HOME, Action::Top),
    (END, Action::Bottom),
    (BACKSPACE, Action::Backspace),
    (DELETE, Action::DeleteChar),
    // The character itself replaces this placeholder, taken as typed.
    (Key::AnyChar, Action::Input('\0')),
];
/// Every binding, in help order: the keys of every screen, then the screens, then the
/// overlays and fields.
pub const BINDINGS: &[&[Binding]] = &[
    GLOBAL,
    crate::app::tabs::today::keys::KEYS,
    crate::app::tabs::customers::keys::KEYS,
    crate::app::tabs::detail::keys::KEYS,
    crate::app::tabs::diary::keys::KEYS,
    crate::app::tabs::ledgers::keys::KEYS,
    crate::app::tabs::review::keys::KEYS,
    crate::app::tabs::team::keys::KEYS,
    crate::app::tabs::review::keys::EDITOR,
    crate::app::tabs::customers::keys::FILTER,
    overlays::OVERLAYS,
];

/// Keys on every screen, and the quick-log keys on a customer.
const GLOBAL: &[Binding] = &[
    // Ctrl-c leaves from anywhere, even mid-edit (what was typed is kept as a draft).
    hidden(Context::Always, &[(Key::Ctrl('c'), Action::Quit)]),
    shown(
        Context::Global,
        "1-6 Tab",
        T::KeyTabs,
        false,
        &[
            (ch('1'), Action::GoTo(Screen::Today)),
            (ch('2'), Action::GoTo(Screen::Customers)),
            (ch('3'), Action::GoTo(Screen::Diary)),
            (ch('4'), Action::GoTo(Screen::Ledgers)),
            (ch('5'), Action::GoTo(Screen::Review)),
            (ch('6'), Action::GoTo(Screen::Team)),
            (TAB, Action::NextTab),
            (BACKTAB, Action::PrevTab),
        ],
    ),
    shown(
        Context::Global,
        "?",
        T::KeyHelp,
        true,
        &[(ch('?'), Action::ToggleHelp)],
    ),
    shown(
        Context::Global,
        ":",
        T::KeyCommand,
        false,
        &[(ch(':'), Action::StartCommand)],
    ),
    shown(
        Context::Global,
        "m R",
        T::KeyMemo,
        false,
        &[
            (ch('m'), Action::StartLog(EntryKind::Memo)),
            (ch('R'), Action::StartLog(EntryKind::Reflection)),
        ],
    ),
    shown(
        Context::Global,
        "u Ctrl-r",
        T::KeyUndo,
        false,
        &[(ch('u'), Action::Undo), (Key::Ctrl('r'), Action::Redo)],
    ),
    // Pages move the list of Today, Customers and the others that have one.
    shown(Context::Global, "Ctrl-d/u", T::KeyPage, false, PAGES),
    shown(
        Context::Global,
        "q",
        T::KeyQuit,
        true,
        &[(ch('q'), Action::Quit)],
    ),
    // On the customer under the cursor (Today, Customers, the detail, a diary entry's customer)
    shown(Context::Customer, "c s w v $ r", T::KeyLog, true, QUICK_LOG),
];
