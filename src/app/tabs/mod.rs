//! One folder per tab: its model, its messages and pure `update(&mut Model, &Ctx, Msg) ->
//! Vec<Effect>` (its own model and the read-only context in, effects out), and its rows of the
//! keymap. The shell (`app`) routes messages to them and carries what crosses tabs; the
//! drawings stay in `ui/`, where the rule that drawing never changes the model is checked.

pub mod ledgers;
