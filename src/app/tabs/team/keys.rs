//! The Team tab's rows of the keymap.

use super::update::Msg;
use crate::app::Action;
use crate::app::keymap::table::{DOWN, END, ENTER, HOME, LEFT, RIGHT, UP, ch, shown};
use crate::app::keymap::{Binding, Context, Key};
use crate::i18n::T;

const MOVE: &[(Key, Action)] = &[
    (ch('j'), Action::Team(Msg::Down)),
    (DOWN, Action::Team(Msg::Down)),
    (ch('k'), Action::Team(Msg::Up)),
    (UP, Action::Team(Msg::Up)),
    (ch('g'), Action::Team(Msg::Top)),
    (HOME, Action::Team(Msg::Top)),
    (ch('G'), Action::Team(Msg::Bottom)),
    (END, Action::Team(Msg::Bottom)),
];

/// The Team tab's keys, in help order.
pub(crate) const KEYS: &[Binding] = &[
    shown(
        Context::Team,
        "[ ]",
        T::KeyWeeks,
        true,
        &[
            (ch('['), Action::Team(Msg::PrevWeek)),
            (ch(']'), Action::Team(Msg::NextWeek)),
        ],
    ),
    shown(
        Context::Team,
        "t",
        T::KeyThisWeek,
        false,
        &[(ch('t'), Action::Team(Msg::ThisWeek))],
    ),
    shown(
        Context::Team,
        "h/l < >",
        T::KeySortColumn,
        true,
        &[
            (ch('h'), Action::Team(Msg::PrevSort)),
            (ch('<'), Action::Team(Msg::PrevSort)),
            (LEFT, Action::Team(Msg::PrevSort)),
            (ch('l'), Action::Team(Msg::NextSort)),
            (ch('>'), Action::Team(Msg::NextSort)),
            (RIGHT, Action::Team(Msg::NextSort)),
        ],
    ),
    shown(
        Context::Team,
        "r",
        T::KeyReverseSort,
        true,
        &[(ch('r'), Action::Team(Msg::Reverse))],
    ),
    shown(Context::Team, "j/k g G", T::KeyMove, false, MOVE),
    shown(
        Context::Team,
        "Enter",
        T::KeyOpenWeek,
        true,
        &[(ENTER, Action::Team(Msg::OpenWeek))],
    ),
];
