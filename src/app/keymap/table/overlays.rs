//! The keymap rows of what opens over a tab: the reflection editor's typing, the search and
//! command lines, the `?` help, the popups and the questions.

use super::*;
use crate::app::Action;
use crate::app::keymap::{Binding, Context, Key};

/// The overlays' rows.
pub(super) const OVERLAYS: &[Binding] = &[
    // The reflection editor's typing (its other keys are the Review tab's rows)
    hidden(Context::Reflection, EDIT),
    // The search and command lines: what is typed, full-width forms made ASCII.
    hidden(
        Context::Line,
        &[
            (ESC, Action::Cancel),
            (ENTER, Action::Submit),
            (BACKSPACE, Action::Backspace),
            (UP, Action::Up),
            (DOWN, Action::Down),
            (Key::AnyChar, Action::Input('\0')),
        ],
    ),
    // The `?` overlay itself: `q` closes what it is looking at, as in a pager.
    hidden(
        Context::HelpOverlay,
        &[
            (ch('q'), Action::ToggleHelp),
            (ch('?'), Action::ToggleHelp),
            (ESC, Action::ToggleHelp),
            (ENTER, Action::ToggleHelp),
            (ch('j'), Action::Down),
            (DOWN, Action::Down),
            (ch('k'), Action::Up),
            (UP, Action::Up),
        ],
    ),
    // The quick-log popup (it shows its own keys).
    hidden(
        Context::LogPopup,
        &[
            (ESC, Action::Cancel),
            (ENTER, Action::Submit),
            (TAB, Action::NextField),
            (DOWN, Action::NextField),
            (BACKTAB, Action::PrevField),
            (UP, Action::PrevField),
        ],
    ),
    hidden(Context::LogPopup, EDIT),
    // The popups over Today (snooze, dismiss, score breakdown); they choose with 1 2 3 and j/k
    // themselves, from the characters typed.
    hidden(
        Context::Popup,
        &[
            (ESC, Action::Cancel),
            (ENTER, Action::Submit),
            (TAB, Action::NextField),
            (BACKTAB, Action::PrevField),
            (DOWN, Action::Down),
            (UP, Action::Up),
        ],
    ),
    hidden(Context::Popup, EDIT),
    // Last run's unsaved text offered back (the message line names these keys).
    hidden(
        Context::Restore,
        &[
            (ch('r'), Action::Confirm),
            (ch('y'), Action::Confirm),
            (ENTER, Action::Confirm),
            (ch('d'), Action::DeleteSelected),
            (ch('n'), Action::DeleteSelected),
            (ESC, Action::Cancel),
        ],
    ),
    // A destructive action waiting for y/n (the question names these keys).
    hidden(
        Context::Confirm,
        &[
            (ch('y'), Action::Confirm),
            (ENTER, Action::Confirm),
            (ch('n'), Action::Cancel),
            (ESC, Action::Cancel),
        ],
    ),
];
