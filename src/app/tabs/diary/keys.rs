//! The Diary tab's rows of the keymap.

use super::update::Msg;
use crate::app::Action;
use crate::app::keymap::table::{DELETE, DOWN, END, ENTER, HOME, LEFT, RIGHT, UP, ch, shown};
use crate::app::keymap::{Binding, Context, Key};
use crate::i18n::T;

const MOVE: &[(Key, Action)] = &[
    (ch('j'), Action::Diary(Msg::Down)),
    (DOWN, Action::Diary(Msg::Down)),
    (ch('k'), Action::Diary(Msg::Up)),
    (UP, Action::Diary(Msg::Up)),
    (ch('g'), Action::Diary(Msg::Top)),
    (HOME, Action::Diary(Msg::Top)),
    (ch('G'), Action::Diary(Msg::Bottom)),
    (END, Action::Diary(Msg::Bottom)),
];

/// The Diary tab's keys, in help order.
pub(crate) const KEYS: &[Binding] = &[
    shown(Context::Diary, "j/k g G", T::KeyMove, false, MOVE),
    shown(
        Context::Diary,
        "[ ]",
        T::KeyDays,
        true,
        &[
            (ch('['), Action::Diary(Msg::PrevDay)),
            (LEFT, Action::Diary(Msg::PrevDay)),
            (ch(']'), Action::Diary(Msg::NextDay)),
            (RIGHT, Action::Diary(Msg::NextDay)),
        ],
    ),
    shown(
        Context::Diary,
        "t",
        T::KeyToday,
        true,
        &[(ch('t'), Action::Diary(Msg::Today))],
    ),
    shown(
        Context::Diary,
        "Enter",
        T::KeyAmend,
        true,
        &[(ENTER, Action::Diary(Msg::Open))],
    ),
    shown(
        Context::Diary,
        "d",
        T::KeyDelete,
        true,
        &[
            (ch('d'), Action::Diary(Msg::Delete)),
            (DELETE, Action::Diary(Msg::Delete)),
        ],
    ),
    shown(
        Context::Diary,
        "H",
        T::KeyHistory,
        false,
        &[(ch('H'), Action::Diary(Msg::History))],
    ),
];
