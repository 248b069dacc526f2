//! The keymap rows of the tabs not yet in `tabs/`: Today, Customers and the detail.

use super::*;
use crate::app::Action;
use crate::app::keymap::{Binding, Context};
use crate::i18n::T;

/// Every tab's rows, in help order.
pub(super) const SCREENS: &[Binding] = &[
    // Customers
    shown(Context::List, "j/k g G", T::KeyMove, true, MOVE_ALL),
    shown(
        Context::List,
        "Enter",
        T::KeyOpen,
        true,
        &[(ENTER, Action::Activate)],
    ),
    shown(
        Context::List,
        "h/l",
        T::KeyFold,
        false,
        &[
            (ch('h'), Action::Fold),
            (LEFT, Action::Fold),
            (ch('l'), Action::Unfold),
            (RIGHT, Action::Unfold),
        ],
    ),
    shown(
        Context::List,
        "z",
        T::KeyFoldAll,
        false,
        &[(ch('z'), Action::ToggleAll)],
    ),
    shown(
        Context::List,
        "Space",
        T::KeyMark,
        false,
        &[(ch(' '), Action::ToggleFold)],
    ),
    shown(
        Context::List,
        "V",
        T::KeyMarkGroup,
        false,
        &[(ch('V'), Action::MarkGroup)],
    ),
    shown(
        Context::List,
        "/",
        T::KeySearch,
        true,
        &[(ch('/'), Action::StartSearch)],
    ),
    shown(
        Context::List,
        "f",
        T::KeyFilter,
        true,
        &[(ch('f'), Action::StartFilter)],
    ),
    shown(
        Context::List,
        "Esc",
        T::KeyClear,
        false,
        &[(ESC, Action::Back)],
    ),
    // The customer detail
    shown(
        Context::Detail,
        "Esc h",
        T::KeyBack,
        true,
        &[
            (ESC, Action::Back),
            (ch('h'), Action::Back),
            (LEFT, Action::Back),
            (BACKSPACE, Action::Back),
        ],
    ),
    shown(
        Context::Detail,
        "p",
        T::KeyReveal,
        true,
        &[(ch('p'), Action::ToggleReveal)],
    ),
    shown(Context::Detail, "j/k g", T::KeyScroll, false, SCROLL),
];
