//! The Today tab's rows of the keymap. The page keys (Ctrl-d/u, PgUp/PgDn) are the global rows;
//! the shell hands them to the tab as `Msg::HalfPageDown` and the like. The variant is
//! `Action::TodayTab`: `Action::Today` is still the Review tab's `t` (this week).

use super::update::Msg;
use crate::app::Action;
use crate::app::keymap::table::{DOWN, END, ENTER, ESC, HOME, UP, ch, shown};
use crate::app::keymap::{Binding, Context, Key};
use crate::i18n::T;

const MOVE: &[(Key, Action)] = &[
    (ch('j'), Action::TodayTab(Msg::Down)),
    (DOWN, Action::TodayTab(Msg::Down)),
    (ch('k'), Action::TodayTab(Msg::Up)),
    (UP, Action::TodayTab(Msg::Up)),
    (ch('g'), Action::TodayTab(Msg::Top)),
    (HOME, Action::TodayTab(Msg::Top)),
    (ch('G'), Action::TodayTab(Msg::Bottom)),
    (END, Action::TodayTab(Msg::Bottom)),
];

/// The Today tab's keys, in help order.
pub(crate) const KEYS: &[Binding] = &[
    shown(Context::Today, "j/k g G", T::KeyMove, false, MOVE),
    shown(
        Context::Today,
        "Enter",
        T::KeyOpen,
        true,
        &[(ENTER, Action::TodayTab(Msg::Open))],
    ),
    shown(
        Context::Today,
        "z",
        T::KeySnooze,
        true,
        &[(ch('z'), Action::TodayTab(Msg::Snooze))],
    ),
    shown(
        Context::Today,
        "x",
        T::KeyDismiss,
        true,
        &[(ch('x'), Action::TodayTab(Msg::Dismiss))],
    ),
    shown(
        Context::Today,
        "i",
        T::KeyWhy,
        true,
        &[(ch('i'), Action::TodayTab(Msg::Explain))],
    ),
    shown(
        Context::Today,
        "/",
        T::KeyFilter,
        false,
        &[(ch('/'), Action::TodayTab(Msg::StartFilter))],
    ),
    shown(
        Context::Today,
        "Esc",
        T::KeyClear,
        false,
        &[(ESC, Action::TodayTab(Msg::ClearFilter))],
    ),
];
