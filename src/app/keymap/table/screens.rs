//! The keymap rows of each tab: Today, Customers and the detail, Diary, Ledgers, Review, Team.

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

/// The Review and Team tabs' rows.
pub(super) const WEEK_SCREENS: &[Binding] = &[
    // Review
    shown(Context::Review, "[ ]", T::KeyWeeks, true, WEEKS),
    shown(
        Context::Review,
        "t",
        T::KeyThisWeek,
        true,
        &[(ch('t'), Action::Today)],
    ),
    shown(
        Context::Review,
        "e Enter",
        T::KeyEditReflection,
        true,
        &[(ch('e'), Action::Activate), (ENTER, Action::Activate)],
    ),
    shown(Context::Review, "j/k g", T::KeyScroll, true, SCROLL),
    // Esc closes nothing here but is answered, as on every screen, without a surprise.
    hidden(Context::Review, &[(ESC, Action::Back)]),
    // Another manager's week, opened from the Team tab
    shown(Context::TeamReview, "[ ]", T::KeyWeeks, true, WEEKS),
    shown(
        Context::TeamReview,
        "t",
        T::KeyThisWeek,
        true,
        &[(ch('t'), Action::Today)],
    ),
    shown(Context::TeamReview, "j/k g", T::KeyScroll, true, SCROLL),
    shown(
        Context::TeamReview,
        "Esc",
        T::KeyBackToTeam,
        true,
        &[(ESC, Action::Back)],
    ),
    // Their reflection is theirs to write: e and Enter say so instead of opening the editor.
    hidden(
        Context::TeamReview,
        &[(ch('e'), Action::Activate), (ENTER, Action::Activate)],
    ),
];
