//! The Ledgers tab's rows of the keymap.

use super::update::Msg;
use crate::app::Action;
use crate::app::keymap::table::{DOWN, LEFT, RIGHT, UP, ch, shown};
use crate::app::keymap::{Binding, Context, Key};
use crate::i18n::T;

const MOVE: &[(Key, Action)] = &[
    (ch('j'), Action::Ledgers(Msg::Down)),
    (DOWN, Action::Ledgers(Msg::Down)),
    (ch('k'), Action::Ledgers(Msg::Up)),
    (UP, Action::Ledgers(Msg::Up)),
];

/// The Ledgers tab's keys, in help order.
pub(crate) const KEYS: &[Binding] = &[
    shown(Context::Ledgers, "j/k", T::KeyMove, false, MOVE),
    shown(
        Context::Ledgers,
        "h/l",
        T::KeyLedger,
        true,
        &[
            (ch('h'), Action::Ledgers(Msg::SwitchLedger)),
            (LEFT, Action::Ledgers(Msg::SwitchLedger)),
            (ch('l'), Action::Ledgers(Msg::SwitchLedger)),
            (RIGHT, Action::Ledgers(Msg::SwitchLedger)),
        ],
    ),
    shown(
        Context::Ledgers,
        "p",
        T::KeyPeriod,
        true,
        &[(ch('p'), Action::Ledgers(Msg::CyclePeriod))],
    ),
    shown(
        Context::Ledgers,
        "[ ]",
        T::KeyPeriodStep,
        true,
        &[
            (ch('['), Action::Ledgers(Msg::PrevPeriod)),
            (ch(']'), Action::Ledgers(Msg::NextPeriod)),
        ],
    ),
    shown(
        Context::Ledgers,
        "t",
        T::KeyThisPeriod,
        true,
        &[(ch('t'), Action::Ledgers(Msg::ThisPeriod))],
    ),
    // A command, not a key: listed so the help names it.
    shown(
        Context::Ledgers,
        ":period A B",
        T::KeyCustomPeriod,
        false,
        &[],
    ),
];
