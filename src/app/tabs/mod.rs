//! One folder per tab: its model, its messages and pure `update(&mut Model, &Ctx, Msg) ->
//! Vec<Cmd>` (its own model and the read-only context in; effects and requests to the shell
//! out), and its rows of the keymap. The shell (`app`) routes messages to them and carries out
//! what crosses tabs; the drawings stay in `ui/`, where the rule that drawing never changes the
//! model is checked.

pub mod customers;
pub mod detail;
pub mod diary;
pub mod ledgers;
pub mod review;
pub mod team;
pub mod today;

use super::Confirmation;
use super::Effect;
use super::Mode;
use super::log_form::LogForm;
use super::notice::Notice;

/// What a tab's `update` asks for beyond its own model.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// I/O for the driver.
    Run(Effect),
    /// Ask y/n before a destructive effect.
    Ask(Confirmation),
    /// Open the log popup with this form (to amend an entry).
    Open(Box<LogForm>),
    /// Show a manager's week on the Review tab (from the Team board).
    OpenWeekOf {
        manager_no: String,
        name: String,
        monday: chrono::NaiveDate,
    },
    // issue 11 (today tab)
    /// Put a notice on the message line.
    Say(Notice),
    /// Switch the input mode (the popup, the filter line, back to normal).
    Mode(Mode),
    /// A write from the open popup: the popup waits, marked saving, until its result.
    Write(Effect),
    /// Esc in a popup: close it, asking first when typed text would be thrown away.
    Leave,
    /// Open the bulk SMS to these customers (the weekly-SMS row), named from the book.
    BulkSms(Vec<String>),
    // issue 11 (review tab)
    /// Clear the message line (a key answered a question, or typing went on).
    Hush,
    /// The tab's in-place editor opened (`true`) or closed: the shell's mode follows it, so
    /// the keymap gives the editor its keys.
    Editing(bool),
    /// Leave the app (the writer chose to, over the editor's question).
    Quit,
}
