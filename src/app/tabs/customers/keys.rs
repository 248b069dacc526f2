//! The Customers tab's rows of the keymap: the tree, and the filter bar it opens. The page keys
//! (Ctrl-d/u, PgDn/PgUp) are the global rows, which the shell hands on as the tab's messages;
//! the search line's typing is the shared line rows, likewise.

use super::update::Msg;
use crate::app::Action;
use crate::app::keymap::table::{DOWN, END, ENTER, ESC, HOME, LEFT, RIGHT, UP, ch, shown};
use crate::app::keymap::{Binding, Context, Key};
use crate::i18n::T;

const MOVE: &[(Key, Action)] = &[
    (ch('j'), Action::Customers(Msg::Down)),
    (DOWN, Action::Customers(Msg::Down)),
    (ch('k'), Action::Customers(Msg::Up)),
    (UP, Action::Customers(Msg::Up)),
    (ch('g'), Action::Customers(Msg::Top)),
    (HOME, Action::Customers(Msg::Top)),
    (ch('G'), Action::Customers(Msg::Bottom)),
    (END, Action::Customers(Msg::Bottom)),
];

/// The tree's keys, in help order.
pub(crate) const KEYS: &[Binding] = &[
    shown(Context::List, "j/k g G", T::KeyMove, true, MOVE),
    shown(
        Context::List,
        "Enter",
        T::KeyOpen,
        true,
        &[(ENTER, Action::Customers(Msg::Open))],
    ),
    shown(
        Context::List,
        "h/l",
        T::KeyFold,
        false,
        &[
            (ch('h'), Action::Customers(Msg::Fold)),
            (LEFT, Action::Customers(Msg::Fold)),
            (ch('l'), Action::Customers(Msg::Unfold)),
            (RIGHT, Action::Customers(Msg::Unfold)),
        ],
    ),
    shown(
        Context::List,
        "z",
        T::KeyFoldAll,
        false,
        &[(ch('z'), Action::Customers(Msg::FoldAll))],
    ),
    shown(
        Context::List,
        "Space",
        T::KeyMark,
        false,
        &[(ch(' '), Action::Customers(Msg::Mark))],
    ),
    shown(
        Context::List,
        "V",
        T::KeyMarkGroup,
        false,
        &[(ch('V'), Action::Customers(Msg::MarkGroup))],
    ),
    shown(
        Context::List,
        "/",
        T::KeySearch,
        true,
        &[(ch('/'), Action::Customers(Msg::StartSearch))],
    ),
    shown(
        Context::List,
        "f",
        T::KeyFilter,
        true,
        &[(ch('f'), Action::Customers(Msg::StartFilter))],
    ),
    shown(
        Context::List,
        "Esc",
        T::KeyClear,
        false,
        &[(ESC, Action::Customers(Msg::Clear))],
    ),
];

/// The filter bar's keys, in help order.
pub(crate) const FILTER: &[Binding] = &[
    shown(
        Context::Filter,
        "t",
        T::FilterTier,
        true,
        &[(ch('t'), Action::Customers(Msg::CycleTier))],
    ),
    shown(
        Context::Filter,
        "a",
        T::FilterAge,
        true,
        &[(ch('a'), Action::Customers(Msg::CycleAge))],
    ),
    shown(
        Context::Filter,
        "p",
        T::FilterPreference,
        true,
        &[(ch('p'), Action::Customers(Msg::CyclePreference))],
    ),
    shown(
        Context::Filter,
        "l",
        T::FilterLifecycle,
        true,
        &[(ch('l'), Action::Customers(Msg::CycleLifecycle))],
    ),
    shown(
        Context::Filter,
        "g",
        T::FilterTag,
        true,
        &[(ch('g'), Action::Customers(Msg::CycleTag))],
    ),
    shown(
        Context::Filter,
        "x",
        T::KeyClear,
        true,
        &[(ch('x'), Action::Customers(Msg::ClearFilter))],
    ),
    shown(
        Context::Filter,
        "Enter Esc f",
        T::KeyConfirm,
        true,
        &[
            (ENTER, Action::Customers(Msg::CloseFilter)),
            (ch('f'), Action::Customers(Msg::CloseFilter)),
            (ESC, Action::Customers(Msg::CloseFilter)),
        ],
    ),
];
