//! The Today tab's rows of the keymap. The page keys (Ctrl-d/u, PgUp/PgDn) are the global rows;
//! the shell hands them to the tab as `Msg::HalfPageDown` and the like. The variant is
//! `Action::Today`: `Action::Today` is still the Review tab's `t` (this week).

use super::update::Msg;
use crate::app::Action;
use crate::app::keymap::table::{DOWN, END, ENTER, ESC, HOME, UP, ch, shown};
use crate::app::keymap::{Binding, Context, Key};
use crate::i18n::T;

const MOVE: &[(Key, Action)] = &[
    (ch('j'), Action::Today(Msg::Down)),
    (DOWN, Action::Today(Msg::Down)),
    (ch('k'), Action::Today(Msg::Up)),
    (UP, Action::Today(Msg::Up)),
    (ch('g'), Action::Today(Msg::Top)),
    (HOME, Action::Today(Msg::Top)),
    (ch('G'), Action::Today(Msg::Bottom)),
    (END, Action::Today(Msg::Bottom)),
];

/// The Today tab's keys, in help order.
pub(crate) const KEYS: &[Binding] = &[
    shown(Context::Today, "j/k g G", T::KeyMove, false, MOVE),
    shown(
        Context::Today,
        "Enter",
        T::KeyOpen,
        true,
        &[(ENTER, Action::Today(Msg::Open))],
    ),
    shown(
        Context::Today,
        "z",
        T::KeySnooze,
        true,
        &[(ch('z'), Action::Today(Msg::Snooze))],
    ),
    shown(
        Context::Today,
        "x",
        T::KeyDismiss,
        true,
        &[(ch('x'), Action::Today(Msg::Dismiss))],
    ),
    shown(
        Context::Today,
        "X",
        T::KeyCloseCallback,
        false,
        &[(ch('X'), Action::Today(Msg::CloseCallback))],
    ),
    shown(
        Context::Today,
        "i",
        T::KeyWhy,
        true,
        &[(ch('i'), Action::Today(Msg::Explain))],
    ),
    // Not in the footer: at 80 columns it would push `q quit` off the line.
    // One help line for the two lists the queue opens, so the 80×24 help keeps its last
    // section on screen.
    shown(
        Context::Today,
        "a H",
        T::KeyUpcomingHolds,
        false,
        &[
            (ch('a'), Action::Today(Msg::Upcoming)),
            (ch('H'), Action::Today(Msg::Holds)),
        ],
    ),
    shown(
        Context::Today,
        "/",
        T::KeyFilter,
        false,
        &[(ch('/'), Action::Today(Msg::StartFilter))],
    ),
    shown(
        Context::Today,
        "Esc",
        T::KeyClear,
        false,
        &[(ESC, Action::Today(Msg::ClearFilter))],
    ),
];
