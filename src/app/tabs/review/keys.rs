//! The Review tab's rows of the keymap: the screen's (its own week, or another manager's
//! opened from the Team tab) and the in-place editor's. The editor's typing keys are the
//! shared editing rows of the overlays, turned into this tab's messages by the shell.

use super::update::Msg;
use crate::app::Action;
use crate::app::keymap::table::{
    BACKTAB, DOWN, ENTER, ESC, HOME, LEFT, PGDN, PGUP, RIGHT, TAB, UP, ch, hidden, shown,
};
use crate::app::keymap::{Binding, Context, Key};
use crate::i18n::T;

const WEEKS: &[(Key, Action)] = &[
    (ch('['), Action::Review(Msg::PrevWeek)),
    (LEFT, Action::Review(Msg::PrevWeek)),
    (ch(']'), Action::Review(Msg::NextWeek)),
    (RIGHT, Action::Review(Msg::NextWeek)),
];

const SCROLL: &[(Key, Action)] = &[
    (ch('j'), Action::Review(Msg::ScrollDown)),
    (DOWN, Action::Review(Msg::ScrollDown)),
    (ch('k'), Action::Review(Msg::ScrollUp)),
    (UP, Action::Review(Msg::ScrollUp)),
    // Home goes to the top; no `g`, so the footer's `j/k` keeps `q quit` on an 80-column line.
    (HOME, Action::Review(Msg::ScrollTop)),
];

const THIS_WEEK: &[(Key, Action)] = &[(ch('t'), Action::Review(Msg::ThisWeek))];

const EDIT: &[(Key, Action)] = &[
    (ch('e'), Action::Review(Msg::Edit)),
    (ENTER, Action::Review(Msg::Edit)),
];

/// The Review tab's keys, in help order.
pub(crate) const KEYS: &[Binding] = &[
    shown(Context::Review, "[ ]", T::KeyWeeks, true, WEEKS),
    shown(Context::Review, "t", T::KeyThisWeek, true, THIS_WEEK),
    shown(Context::Review, "e Enter", T::KeyEditReflection, true, EDIT),
    shown(Context::Review, "j/k", T::KeyScroll, true, SCROLL),
    // Esc closes nothing here but is answered, as on every screen, without a surprise.
    hidden(Context::Review, &[(ESC, Action::Back)]),
    // Another manager's week, opened from the Team tab
    shown(Context::TeamReview, "[ ]", T::KeyWeeks, true, WEEKS),
    shown(Context::TeamReview, "t", T::KeyThisWeek, true, THIS_WEEK),
    shown(Context::TeamReview, "j/k", T::KeyScroll, true, SCROLL),
    // The shell's: back to the board it came from.
    shown(
        Context::TeamReview,
        "Esc",
        T::KeyBackToTeam,
        true,
        &[(ESC, Action::Back)],
    ),
    // Their reflection is theirs to write: e and Enter say so (the shell answers them) instead
    // of opening the editor.
    hidden(Context::TeamReview, EDIT),
];

/// The in-place reflection editor's keys, in help order (before the overlays' rows, where they
/// stood, so the help and the README keep their order).
pub(crate) const EDITOR: &[Binding] = &[
    shown(
        Context::Reflection,
        "Ctrl-s",
        T::KeySaveReflection,
        true,
        &[(Key::Ctrl('s'), Action::Review(Msg::Save))],
    ),
    shown(
        Context::Reflection,
        "Tab",
        T::KeySwitchField,
        true,
        &[
            (TAB, Action::Review(Msg::SwitchField)),
            (BACKTAB, Action::Review(Msg::SwitchField)),
        ],
    ),
    shown(
        Context::Reflection,
        "Enter",
        T::KeyNewLine,
        true,
        &[(ENTER, Action::Review(Msg::NewLine))],
    ),
    // `[` `]` are text here: the weeks move with the page keys.
    shown(
        Context::Reflection,
        "PgUp/PgDn",
        T::KeyWeeks,
        true,
        &[
            (PGUP, Action::Review(Msg::EditPrevWeek)),
            (PGDN, Action::Review(Msg::EditNextWeek)),
        ],
    ),
    shown(
        Context::Reflection,
        "Esc",
        T::KeyCloseEditor,
        true,
        &[(ESC, Action::Review(Msg::Close))],
    ),
    hidden(
        Context::Reflection,
        &[
            (UP, Action::Review(Msg::LineUp)),
            (DOWN, Action::Review(Msg::LineDown)),
        ],
    ),
];
