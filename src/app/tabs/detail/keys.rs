//! The customer detail's rows of the keymap.

use super::update::Msg;
use crate::app::Action;
use crate::app::keymap::table::{BACKSPACE, DOWN, ESC, HOME, LEFT, UP, ch, shown};
use crate::app::keymap::{Binding, Context, Key};
use crate::i18n::T;

const SCROLL: &[(Key, Action)] = &[
    (ch('j'), Action::Detail(Msg::Down)),
    (DOWN, Action::Detail(Msg::Down)),
    (ch('k'), Action::Detail(Msg::Up)),
    (UP, Action::Detail(Msg::Up)),
    (ch('g'), Action::Detail(Msg::Top)),
    (HOME, Action::Detail(Msg::Top)),
];

/// The detail's keys, in help order.
pub(crate) const KEYS: &[Binding] = &[
    shown(
        Context::Detail,
        "Esc h",
        T::KeyBack,
        true,
        &[
            (ESC, Action::Detail(Msg::Close)),
            (ch('h'), Action::Detail(Msg::Close)),
            (LEFT, Action::Detail(Msg::Close)),
            (BACKSPACE, Action::Detail(Msg::Close)),
        ],
    ),
    shown(
        Context::Detail,
        "p",
        T::KeyReveal,
        true,
        &[(ch('p'), Action::Detail(Msg::Reveal))],
    ),
    shown(Context::Detail, "j/k g", T::KeyScroll, false, SCROLL),
];
