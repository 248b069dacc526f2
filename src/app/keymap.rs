//! The keymap: one table from keys to actions per context, which also feeds the footer and the `?` help. Full-width keys from a Chinese input method (ｊ, ：, ／, ？, and 、《》 where / < > sit) map to their ASCII keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, App, Mode, Screen};
use crate::domain::diary::EntryKind;
use crate::i18n::T;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Normal mode, every screen.
    Global,
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
}

/// One row of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    /// The keys as shown to the user.
    pub label: &'static str,
    pub help: T,
    /// Shown in the footer (the rest only in `?`).
    pub footer: bool,
}

/// Every binding, in help order. `action_for` implements exactly these.
pub const BINDINGS: &[Binding] = &[
    b(Context::Global, "1-5 Tab", T::KeyTabs, false),
    b(Context::Global, "?", T::KeyHelp, true),
    b(Context::Global, ":", T::KeyCommand, false),
    b(Context::Global, "m R", T::KeyMemo, false),
    b(Context::Global, "u Ctrl-r", T::KeyUndo, false),
    b(Context::Global, "q", T::KeyQuit, true),
    b(Context::Today, "j/k g G", T::KeyMove, false),
    b(Context::Today, "Enter", T::KeyOpen, true),
    b(Context::Today, "c s w v $ r", T::KeyLog, true),
    b(Context::Today, "z", T::KeySnooze, true),
    b(Context::Today, "x", T::KeyDismiss, true),
    b(Context::Today, "i", T::KeyWhy, true),
    b(Context::Today, "/", T::KeyFilter, false),
    b(Context::Today, "Esc", T::KeyClear, false),
    b(Context::List, "j/k", T::KeyMove, true),
    b(Context::List, "g G", T::KeyTop, false),
    b(Context::List, "Ctrl-d/u", T::KeyPage, false),
    b(Context::List, "Enter", T::KeyOpen, true),
    b(Context::List, "c s w v $ r", T::KeyLog, true),
    b(Context::List, "h/l", T::KeyFold, false),
    b(Context::List, "z", T::KeyFoldAll, false),
    b(Context::List, "Space", T::KeyMark, false),
    b(Context::List, "V", T::KeyMarkGroup, false),
    b(Context::List, "/", T::KeySearch, true),
    b(Context::List, "f", T::KeyFilter, true),
    b(Context::List, "Esc", T::KeyClear, false),
    b(Context::Detail, "Esc h", T::KeyBack, true),
    b(Context::Detail, "p", T::KeyReveal, true),
    b(Context::Detail, "c s w v $ r", T::KeyLog, true),
    b(Context::Detail, "j/k", T::KeyScroll, false),
    b(Context::Diary, "[ ]", T::KeyDays, true),
    b(Context::Diary, "t", T::KeyToday, true),
    b(Context::Diary, "Enter", T::KeyAmend, true),
    b(Context::Diary, "d", T::KeyDelete, true),
    b(Context::Diary, "H", T::KeyHistory, false),
    b(Context::Ledgers, "h/l", T::KeyLedger, true),
    b(Context::Ledgers, "p", T::KeyPeriod, true),
    b(Context::Ledgers, "[ ]", T::KeyPeriodStep, true),
    b(Context::Ledgers, "t", T::KeyThisPeriod, true),
    b(Context::Ledgers, ":period A B", T::KeyCustomPeriod, false),
    b(Context::Review, "[ ]", T::KeyWeeks, true),
    b(Context::Review, "t", T::KeyThisWeek, true),
    b(Context::Review, "e Enter", T::KeyEditReflection, true),
    b(Context::Review, "j/k", T::KeyScroll, true),
    b(Context::Team, "[ ]", T::KeyWeeks, true),
    b(Context::Team, "t", T::KeyThisWeek, false),
    b(Context::Team, "h/l", T::KeySortColumn, true),
    b(Context::Team, "r", T::KeyReverseSort, true),
    b(Context::Team, "j/k g G", T::KeyMove, false),
    b(Context::Team, "Enter", T::KeyOpenWeek, true),
    b(Context::TeamReview, "[ ]", T::KeyWeeks, true),
    b(Context::TeamReview, "t", T::KeyThisWeek, true),
    b(Context::TeamReview, "j/k", T::KeyScroll, true),
    b(Context::TeamReview, "Esc", T::KeyBackToTeam, true),
    b(Context::Reflection, "Ctrl-s", T::KeySaveReflection, true),
    b(Context::Reflection, "Tab", T::KeySwitchField, true),
    b(Context::Reflection, "Enter", T::KeyNewLine, true),
    b(Context::Reflection, "PgUp/Dn", T::KeyWeeks, true),
    b(Context::Reflection, "Esc", T::KeyCloseEditor, true),
    b(Context::Filter, "t", T::FilterTier, true),
    b(Context::Filter, "a", T::FilterAge, true),
    b(Context::Filter, "p", T::FilterPreference, true),
    b(Context::Filter, "l", T::FilterLifecycle, true),
    b(Context::Filter, "g", T::FilterTag, true),
    b(Context::Filter, "x", T::KeyClear, true),
    b(Context::Filter, "Enter Esc", T::KeyConfirm, true),
];

const fn b(context: Context, label: &'static str, help: T, footer: bool) -> Binding {
    Binding {
        context,
        label,
        help,
        footer,
    }
}

/// The bindings the footer shows for the app's current state.
pub fn footer_bindings(app: &App) -> Vec<&'static Binding> {
    let contexts: &[Context] = match app.mode {
        Mode::Filter => &[Context::Filter],
        // The offer of last time's draft names its own keys on the message line.
        Mode::Restore => &[],
        Mode::Reflection => &[Context::Reflection],
        _ if app.detail.is_some() => &[Context::Detail, Context::Global],
        _ if app.screen == Screen::Customers => &[Context::List, Context::Global],
        _ if app.screen == Screen::Diary => &[Context::Diary, Context::Global],
        _ if app.screen == Screen::Ledgers => &[Context::Ledgers, Context::Global],
        _ if app.screen == Screen::Today => &[Context::Today, Context::Global],
        // Another manager's week: their reflection is not for writing, Esc goes back.
        _ if app.screen == Screen::Review && app.review_manager.is_some() => {
            &[Context::TeamReview, Context::Global]
        }
        _ if app.screen == Screen::Review => &[Context::Review, Context::Global],
        _ if app.screen == Screen::Team => &[Context::Team, Context::Global],
        _ => &[Context::Global],
    };
    contexts
        .iter()
        .flat_map(|c| BINDINGS.iter().filter(move |b| b.context == *c && b.footer))
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
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c')) {
        return Some(Action::Quit);
    }
    let code = match key.code {
        KeyCode::Char(c) => KeyCode::Char(normalize_char(c)),
        other => other,
    };
    match app.mode {
        Mode::Search | Mode::Command => {
            let alt = key.modifiers.contains(KeyModifiers::ALT);
            return text_field_action(code, ctrl || alt);
        }
        Mode::Help => {
            return match code {
                // `q` closes what it is looking at, as in a pager; only Ctrl-c leaves from here.
                KeyCode::Char('q' | '?') | KeyCode::Esc | KeyCode::Enter => {
                    Some(Action::ToggleHelp)
                }
                KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
                KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
                _ => None,
            };
        }
        Mode::Filter => {
            return match code {
                KeyCode::Char('t') => Some(Action::CycleTier),
                KeyCode::Char('a') => Some(Action::CycleAge),
                KeyCode::Char('p') => Some(Action::CyclePreference),
                KeyCode::Char('l') => Some(Action::CycleLifecycle),
                KeyCode::Char('g') => Some(Action::CycleTag),
                KeyCode::Char('x') => Some(Action::Back),
                KeyCode::Enter | KeyCode::Char('f') => Some(Action::Submit),
                KeyCode::Esc => Some(Action::Cancel),
                _ => None,
            };
        }
        Mode::Log => {
            return match code {
                _ if ctrl || key.modifiers.contains(KeyModifiers::ALT) => None,
                KeyCode::Esc => Some(Action::Cancel),
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Tab | KeyCode::Down => Some(Action::NextField),
                KeyCode::BackTab | KeyCode::Up => Some(Action::PrevField),
                KeyCode::Left => Some(Action::CursorLeft),
                KeyCode::Right => Some(Action::CursorRight),
                KeyCode::Home => Some(Action::Top),
                KeyCode::End => Some(Action::Bottom),
                KeyCode::Backspace => Some(Action::Backspace),
                KeyCode::Delete => Some(Action::DeleteChar),
                // Text is taken as typed: the full-width forms only become ASCII for commands.
                KeyCode::Char(_) => match key.code {
                    KeyCode::Char(raw) => Some(Action::Input(raw)),
                    _ => None,
                },
                _ => None,
            };
        }
        Mode::Reflection => {
            return match code {
                KeyCode::Char('s') if ctrl => Some(Action::Save),
                _ if ctrl || key.modifiers.contains(KeyModifiers::ALT) => None,
                KeyCode::Esc => Some(Action::Cancel),
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Tab => Some(Action::NextField),
                KeyCode::BackTab => Some(Action::PrevField),
                // `[` `]` are text here: the weeks move with the page keys.
                KeyCode::PageUp => Some(Action::PrevDay),
                KeyCode::PageDown => Some(Action::NextDay),
                KeyCode::Up => Some(Action::Up),
                KeyCode::Down => Some(Action::Down),
                KeyCode::Left => Some(Action::CursorLeft),
                KeyCode::Right => Some(Action::CursorRight),
                KeyCode::Home => Some(Action::Top),
                KeyCode::End => Some(Action::Bottom),
                KeyCode::Backspace => Some(Action::Backspace),
                KeyCode::Delete => Some(Action::DeleteChar),
                // Text is taken as typed (full-width punctuation stays full-width).
                KeyCode::Char(_) => match key.code {
                    KeyCode::Char(raw) => Some(Action::Input(raw)),
                    _ => None,
                },
                _ => None,
            };
        }
        Mode::Popup => {
            return match code {
                _ if ctrl || key.modifiers.contains(KeyModifiers::ALT) => None,
                KeyCode::Esc => Some(Action::Cancel),
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Tab => Some(Action::NextField),
                KeyCode::BackTab => Some(Action::PrevField),
                KeyCode::Down => Some(Action::Down),
                KeyCode::Up => Some(Action::Up),
                KeyCode::Left => Some(Action::CursorLeft),
                KeyCode::Right => Some(Action::CursorRight),
                KeyCode::Home => Some(Action::Top),
                KeyCode::End => Some(Action::Bottom),
                KeyCode::Backspace => Some(Action::Backspace),
                KeyCode::Delete => Some(Action::DeleteChar),
                // Text (a reason, a note) is taken as typed; the popup normalizes the keys
                // that choose (1 2 3, j/k).
                KeyCode::Char(_) => match key.code {
                    KeyCode::Char(raw) => Some(Action::Input(raw)),
                    _ => None,
                },
                _ => None,
            };
        }
        Mode::Restore => {
            return match code {
                KeyCode::Char('r' | 'y') | KeyCode::Enter => Some(Action::Confirm),
                KeyCode::Char('d' | 'n') => Some(Action::DeleteSelected),
                KeyCode::Esc => Some(Action::Cancel),
                _ => None,
            };
        }
        Mode::Confirm => {
            return match code {
                KeyCode::Char('y') | KeyCode::Enter => Some(Action::Confirm),
                KeyCode::Char('n') | KeyCode::Esc => Some(Action::Cancel),
                _ => None,
            };
        }
        Mode::Normal => {}
    }
    if ctrl {
        return match code {
            KeyCode::Char('d') => Some(Action::HalfPageDown),
            KeyCode::Char('u') => Some(Action::HalfPageUp),
            KeyCode::Char('r') => Some(Action::Redo),
            _ => None,
        };
    }
    let global = match code {
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char(':') => Some(Action::StartCommand),
        KeyCode::Char(c @ '1'..='6') => Some(Action::GoTo(Screen::ALL[(c as u8 - b'1') as usize])),
        KeyCode::Tab => Some(Action::NextTab),
        KeyCode::BackTab => Some(Action::PrevTab),
        KeyCode::Char('m') => Some(Action::StartLog(EntryKind::Memo)),
        KeyCode::Char('R') => Some(Action::StartLog(EntryKind::Reflection)),
        KeyCode::Char('u') => Some(Action::Undo),
        _ => None,
    };
    if global.is_some() {
        return global;
    }
    // Before the quick-log keys: the board has no customer to log for, and `r` reverses.
    if app.screen == Screen::Team && app.detail.is_none() {
        return team_action(code);
    }
    if let Some(kind) = quick_log_kind(code) {
        return Some(Action::StartLog(kind));
    }
    if app.detail.is_some() {
        return match code {
            KeyCode::Esc | KeyCode::Char('h') | KeyCode::Left | KeyCode::Backspace => {
                Some(Action::Back)
            }
            KeyCode::Char('p') => Some(Action::ToggleReveal),
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
            KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
            _ => None,
        };
    }
    if app.screen == Screen::Diary {
        return match code {
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
            KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
            KeyCode::Char('G') | KeyCode::End => Some(Action::Bottom),
            KeyCode::Char('[') | KeyCode::Left => Some(Action::PrevDay),
            KeyCode::Char(']') | KeyCode::Right => Some(Action::NextDay),
            KeyCode::Char('t') => Some(Action::Today),
            KeyCode::Enter => Some(Action::Activate),
            KeyCode::Char('d') | KeyCode::Delete => Some(Action::DeleteSelected),
            KeyCode::Char('H') => Some(Action::ShowHistory),
            _ => None,
        };
    }
    if app.screen == Screen::Ledgers {
        return match code {
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
            KeyCode::Char('h') | KeyCode::Char('l') | KeyCode::Left | KeyCode::Right => {
                Some(Action::SwitchLedger)
            }
            KeyCode::Char('p') => Some(Action::CyclePeriod),
            KeyCode::Char('[') => Some(Action::PrevDay),
            KeyCode::Char(']') => Some(Action::NextDay),
            KeyCode::Char('t') => Some(Action::Today),
            _ => None,
        };
    }
    if app.screen == Screen::Review {
        return match code {
            KeyCode::Char('[') | KeyCode::Left => Some(Action::PrevDay),
            KeyCode::Char(']') | KeyCode::Right => Some(Action::NextDay),
            KeyCode::Char('t') => Some(Action::Today),
            KeyCode::Char('e') | KeyCode::Enter => Some(Action::Activate),
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
            KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
            KeyCode::Esc => Some(Action::Back),
            _ => None,
        };
    }
    if app.screen == Screen::Today {
        return match code {
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
            KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
            KeyCode::Char('G') | KeyCode::End => Some(Action::Bottom),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::Enter => Some(Action::Activate),
            KeyCode::Char('z') => Some(Action::Snooze),
            KeyCode::Char('x') => Some(Action::Dismiss),
            KeyCode::Char('i') => Some(Action::Explain),
            KeyCode::Char('/') => Some(Action::StartSearch),
            KeyCode::Esc => Some(Action::Back),
            _ => None,
        };
    }
    if app.screen != Screen::Customers {
        return None;
    }
    match code {
        KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
        KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
        KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
        KeyCode::Char('G') | KeyCode::End => Some(Action::Bottom),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::Enter => Some(Action::Activate),
        KeyCode::Char(' ') => Some(Action::ToggleFold),
        KeyCode::Char('h') | KeyCode::Left => Some(Action::Fold),
        KeyCode::Char('l') | KeyCode::Right => Some(Action::Unfold),
        KeyCode::Char('z') => Some(Action::ToggleAll),
        KeyCode::Char('V') => Some(Action::MarkGroup),
        KeyCode::Char('/') => Some(Action::StartSearch),
        KeyCode::Char('f') => Some(Action::StartFilter),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    }
}

/// Keys on the Team screen.
fn team_action(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char('[') => Some(Action::PrevDay),
        KeyCode::Char(']') => Some(Action::NextDay),
        KeyCode::Char('t') => Some(Action::Today),
        KeyCode::Char('h') | KeyCode::Char('<') | KeyCode::Left => Some(Action::PrevSortColumn),
        KeyCode::Char('l') | KeyCode::Char('>') | KeyCode::Right => Some(Action::NextSortColumn),
        KeyCode::Char('r') => Some(Action::ReverseSort),
        KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
        KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
        KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
        KeyCode::Char('G') | KeyCode::End => Some(Action::Bottom),
        KeyCode::Enter => Some(Action::Activate),
        _ => None,
    }
}

/// The quick-log keys that act on the selected customer.
fn quick_log_kind(code: KeyCode) -> Option<EntryKind> {
    match code {
        KeyCode::Char('c') => Some(EntryKind::Call),
        KeyCode::Char('s') => Some(EntryKind::Sms),
        KeyCode::Char('w') => Some(EntryKind::Wechat),
        KeyCode::Char('v') => Some(EntryKind::Visit),
        KeyCode::Char('$') => Some(EntryKind::Sale),
        KeyCode::Char('r') => Some(EntryKind::RiskAssessment),
        _ => None,
    }
}

fn text_field_action(code: KeyCode, modified: bool) -> Option<Action> {
    // Ctrl/Alt chords are commands, not text.
    if modified {
        return None;
    }
    match code {
        KeyCode::Esc => Some(Action::Cancel),
        KeyCode::Enter => Some(Action::Submit),
        KeyCode::Backspace => Some(Action::Backspace),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::Char(c) => Some(Action::Input(c)),
        _ => None,
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
