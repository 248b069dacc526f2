//! The keymap: one table ([`bindings`]) from keys to actions per context, which is both the dispatcher ([`action_for`]) and the source of the footer, the `?` help and the README's key table. Full-width keys from a Chinese input method (ｊ, ：, ／, ？, and 、《》 where / < > sit) map to their ASCII keys before lookup.

pub(crate) mod table;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, App, Mode, Screen};
use crate::i18n::{Lang, T};

/// Every binding, in help order.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    table::BINDINGS.iter().flat_map(|rows| rows.iter())
}

/// Where a binding applies. Exactly one chain of contexts is live at a time ([`contexts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, even while typing (Ctrl-c).
    Always,
    /// Normal mode, every screen.
    Global,
    /// The quick-log keys, on the customer under the cursor: live on Today, Customers, the
    /// detail and the Diary (an entry's customer), not on the board or the week.
    Customer,
    /// The Customers tree.
    List,
    /// The Customer detail.
    Detail,
    /// The filter bar.
    Filter,
    /// The Diary screen.
    Diary,
    /// The Ledgers screen.
    Ledgers,
    /// The Today screen.
    Today,
    /// The Review screen.
    Review,
    /// The Team screen (leads only).
    Team,
    /// The Review screen showing another manager's week, opened from the Team screen.
    TeamReview,
    /// The reflection editor on the Review screen.
    Reflection,
    /// The search line and the command line.
    Line,
    /// The `?` overlay.
    HelpOverlay,
    /// The quick-log popup.
    LogPopup,
    /// The popups over Today (snooze, dismiss, score breakdown).
    Popup,
    /// Last run's unsaved text offered back.
    Restore,
    /// A destructive action waiting for y/n.
    Confirm,
}

impl Context {
    /// Text is typed here: Alt chords mean nothing, and every other character is input.
    fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Line | Context::LogPopup | Context::Popup | Context::Reflection
        )
    }

    /// Characters are kept as typed (full-width punctuation stays full-width in a note); the
    /// search and command lines take them made ASCII, like every key.
    fn keeps_raw_text(self) -> bool {
        matches!(
            self,
            Context::LogPopup | Context::Popup | Context::Reflection
        )
    }
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key pressed without Ctrl (Shift is part of the character or of BackTab).
    Plain(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
    /// Any character typed without Ctrl: the action's `Input` gets the character.
    AnyChar,
}

impl Key {
    /// The key's name as the help writes it (`j`, `Enter`, `Ctrl-d`, `PgDn`, `↓`).
    pub fn name(self) -> String {
        match self {
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::AnyChar => "…".to_string(),
            Key::Plain(code) => match code {
                KeyCode::Char(' ') => "Space".to_string(),
                KeyCode::Char(c) => c.to_string(),
                KeyCode::Enter => "Enter".to_string(),
                KeyCode::Esc => "Esc".to_string(),
                KeyCode::Tab => "Tab".to_string(),
                KeyCode::BackTab => "Shift-Tab".to_string(),
                KeyCode::PageUp => "PgUp".to_string(),
                KeyCode::PageDown => "PgDn".to_string(),
                KeyCode::Up => "↑".to_string(),
                KeyCode::Down => "↓".to_string(),
                KeyCode::Left => "←".to_string(),
                KeyCode::Right => "→".to_string(),
                KeyCode::Home => "Home".to_string(),
                KeyCode::End => "End".to_string(),
                KeyCode::Backspace => "Backspace".to_string(),
                KeyCode::Delete => "Delete".to_string(),
                other => format!("{other:?}"),
            },
        }
    }

    /// Keys every terminal user reaches for without being told, standing in for a named key
    /// on the same row (arrows for h j k l, Home/End for g G, PgUp/PgDn beside Ctrl-u/d,
    /// Shift-Tab back from Tab, Backspace and Delete): the help names the row by its letters,
    /// which keeps the `?` help on one 80×24 screen.
    pub fn is_standard_alias(self) -> bool {
        matches!(
            self,
            Key::Plain(
                KeyCode::Up
                    | KeyCode::Down
                    | KeyCode::Left
                    | KeyCode::Right
                    | KeyCode::Home
                    | KeyCode::End
                    | KeyCode::PageUp
                    | KeyCode::PageDown
                    | KeyCode::BackTab
                    | KeyCode::Backspace
                    | KeyCode::Delete
            )
        )
    }
}

/// One row of the keymap: where it applies, its keys and what each means, and how the help
/// and the footer name it.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    /// The keys as shown to the user.
    pub label: &'static str,
    /// What the row does, in the help and footer; `None`: not listed (a popup's own editing
    /// keys, named on the popup).
    pub help: Option<T>,
    /// Shown in the footer (the rest only in `?`).
    pub footer: bool,
    /// Each key and the action it means here.
    pub keys: &'static [(Key, Action)],
}

/// The `?` help's sections: a heading and the contexts whose rows it lists (the quick-log
/// keys, the same on every screen with a customer, are listed once, beside the global keys).
pub const HELP_SECTIONS: [(&[Context], T); 10] = [
    (&[Context::Global, Context::Customer], T::AppName),
    (&[Context::Today], T::TabToday),
    (&[Context::List], T::TabCustomers),
    (&[Context::Detail], T::DetailProfile),
    (&[Context::Diary], T::TabDiary),
    (&[Context::Ledgers], T::TabLedgers),
    (&[Context::Review], T::TabReview),
    (&[Context::Reflection], T::HelpReflection),
    (&[Context::Team], T::TabTeam),
    (&[Context::Filter], T::FilterPrompt),
];

/// The help's sections for this app (the Team keys only for those who have the Team tab), each
/// its heading and its listed rows.
pub fn help_sections(app: &App) -> Vec<(T, Vec<&'static Binding>)> {
    HELP_SECTIONS
        .iter()
        .filter(|(contexts, _)| !contexts.contains(&Context::Team) || app.team_visible())
        .map(|(contexts, title)| {
            let rows = contexts
                .iter()
                .flat_map(|c| bindings().filter(move |b| b.context == *c && b.help.is_some()))
                .collect();
            (*title, rows)
        })
        .collect()
}

/// The live contexts, the first match winning: what keys mean in the app's current state.
pub fn contexts(app: &App) -> Vec<Context> {
    let mode = match app.mode {
        Mode::Search | Mode::Command => Some(Context::Line),
        Mode::Help => Some(Context::HelpOverlay),
        Mode::Filter => Some(Context::Filter),
        Mode::Log => Some(Context::LogPopup),
        Mode::Reflection => Some(Context::Reflection),
        Mode::Popup => Some(Context::Popup),
        Mode::Restore => Some(Context::Restore),
        Mode::Confirm => Some(Context::Confirm),
        Mode::Normal => None,
    };
    match mode {
        Some(context) => vec![Context::Always, context],
        None => {
            let screen = screen_context(app);
            let mut chain = vec![Context::Always, Context::Global];
            if has_customer(screen) {
                chain.push(Context::Customer);
            }
            chain.push(screen);
            chain
        }
    }
}

/// Whether a screen has a customer under the cursor to log for.
fn has_customer(screen: Context) -> bool {
    matches!(
        screen,
        Context::Today | Context::List | Context::Detail | Context::Diary
    )
}

/// The context of the screen in normal mode.
fn screen_context(app: &App) -> Context {
    // The board has no customer to log for, and `r` reverses its order.
    if app.screen == Screen::Team && app.detail.is_none() {
        return Context::Team;
    }
    if app.detail.is_some() {
        return Context::Detail;
    }
    match app.screen {
        Screen::Today => Context::Today,
        Screen::Customers => Context::List,
        Screen::Diary => Context::Diary,
        Screen::Ledgers => Context::Ledgers,
        // Another manager's week: their reflection is not for writing, Esc goes back.
        Screen::Review if app.review_manager.is_some() => Context::TeamReview,
        Screen::Review => Context::Review,
        Screen::Team => Context::Team,
    }
}

/// The bindings the footer shows for the app's current state.
pub fn footer_bindings(app: &App) -> Vec<&'static Binding> {
    let contexts: Vec<Context> = match app.mode {
        Mode::Filter => vec![Context::Filter],
        // The offer of last time's draft names its own keys on the message line.
        Mode::Restore => Vec::new(),
        Mode::Reflection => vec![Context::Reflection],
        // Over a popup or a field the footer still says where the user is. The log keys come
        // first: logging is what the footer is most often read for. The Diary has them too,
        // but its footer keeps to the day's own keys.
        _ => {
            let screen = screen_context(app);
            match screen {
                Context::Today | Context::List | Context::Detail => {
                    vec![Context::Customer, screen, Context::Global]
                }
                _ => vec![screen, Context::Global],
            }
        }
    };
    contexts
        .iter()
        .flat_map(|c| bindings().filter(move |b| b.context == *c && b.footer))
        .collect()
}

/// Maps full-width forms (U+FF01–U+FF5E), the ideographic space and the punctuation a Chinese
/// keyboard puts on ASCII keys to ASCII.
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        // The `/` key gives 、 and Shift-, Shift-. give 《 》 in Chinese punctuation mode.
        '、' => '/',
        '《' => '<',
        '》' => '>',
        '￥' => '$',
        '【' => '[',
        '】' => ']',
        '。' => '.',
        _ => c,
    }
}

/// What a key press means in the app's current state; `None` for keys that mean nothing here.
/// The only key handler: it reads [`BINDINGS`].
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let code = match key.code {
        KeyCode::Char(c) => KeyCode::Char(normalize_char(c)),
        other => other,
    };
    for context in contexts(app) {
        // While typing, Alt chords are neither commands nor text.
        if alt && context.takes_text() {
            continue;
        }
        let found = bindings()
            .filter(|b| b.context == context)
            .flat_map(|b| b.keys.iter())
            .find(|(k, _)| matches(*k, code, ctrl));
        if let Some((k, action)) = found {
            return Some(match (k, key.code) {
                (Key::AnyChar, KeyCode::Char(raw)) if context.keeps_raw_text() => {
                    Action::Input(raw)
                }
                (Key::AnyChar, KeyCode::Char(_)) => match code {
                    KeyCode::Char(c) => Action::Input(c),
                    _ => return None,
                },
                _ => action.clone(),
            });
        }
    }
    None
}

/// Whether a table key is this press (`code` already normalized).
fn matches(key: Key, code: KeyCode, ctrl: bool) -> bool {
    match key {
        Key::Plain(k) => !ctrl && k == code,
        Key::Ctrl(c) => ctrl && code == KeyCode::Char(c),
        Key::AnyChar => !ctrl && matches!(code, KeyCode::Char(_)),
    }
}

/// The keymap as a Markdown table for the README: section, keys, what they do.
pub fn markdown_table(lang: Lang) -> String {
    let mut out = String::from("| where | keys | what |\n|---|---|---|\n");
    for b in bindings() {
        let Some(help) = b.help else { continue };
        let label = b.label.replace('|', "\\|");
        out.push_str(&format!(
            "| {} | `{}` | {} |\n",
            section_title(b.context).get(lang),
            label,
            help.get(lang)
        ));
    }
    out
}

/// The heading a context's rows stand under in the help and the README.
pub fn section_title(context: Context) -> T {
    match context {
        Context::Always | Context::Global | Context::Customer => T::AppName,
        Context::Today => T::TabToday,
        Context::List => T::TabCustomers,
        Context::Detail => T::DetailProfile,
        Context::Diary => T::TabDiary,
        Context::Ledgers => T::TabLedgers,
        Context::Review | Context::TeamReview => T::TabReview,
        Context::Reflection => T::HelpReflection,
        Context::Team => T::TabTeam,
        Context::Filter | Context::Line => T::FilterPrompt,
        Context::HelpOverlay => T::HelpTitle,
        Context::LogPopup | Context::Popup | Context::Restore | Context::Confirm => T::AppName,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_keys_map_to_ascii() {
        assert_eq!(normalize_char('ｊ'), 'j');
        assert_eq!(normalize_char('：'), ':');
        assert_eq!(normalize_char('／'), '/');
        assert_eq!(normalize_char('？'), '?');
        assert_eq!(normalize_char('５'), '5');
        assert_eq!(normalize_char('张'), '张');
        assert_eq!(normalize_char('、'), '/');
        assert_eq!(normalize_char('《'), '<');
        assert_eq!(normalize_char('》'), '>');
        assert_eq!(normalize_char('Ｇ'), 'G');
    }
}
