//! A paste (bracketed paste from the terminal) as text: it goes into the focused text field whole, cleaned of control characters, and is never read as keys — `客户在开会⏎q` pasted into a note must not save the call and quit. Pure.

use super::notice::Notice;
use super::{App, Effect, Mode};
use crate::i18n::T;

/// The pasted text made safe for a field: line breaks become spaces in a one-line field and
/// stay (as `\n`) in a multi-line one; every other control character (tabs become spaces,
/// escapes and the rest are dropped) goes, so a paste cannot move the cursor or colour the
/// screen.
pub fn clean(text: &str, multi_line: bool) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unified.len());
    for c in unified.chars() {
        match c {
            '\n' if multi_line => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            // Bidirectional overrides and zero-width joiners from chat apps would make what is
            // shown differ from what is stored.
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            '\u{FEFF}' => {}
            c => out.push(c),
        }
    }
    if multi_line {
        out
    } else {
        out.trim_end().to_string()
    }
}

/// Puts a paste into the field with the cursor; anywhere else it is ignored with a notice.
pub fn paste(app: &mut App, text: String) -> Vec<Effect> {
    // A question on screen (leave, a busy store, the draft offer) keeps its words: a paste
    // then is neither an answer nor worth a notice over it.
    if app.saving || app.leave_ask.is_some() || app.busy.is_some() || app.mode == Mode::Restore {
        return Vec::new();
    }
    let one_line = clean(&text, false);
    let pasted = match app.mode {
        Mode::Log => match app.form.as_mut() {
            Some(form) => {
                form.error = None;
                match form.focused_text() {
                    Some(field) => {
                        field.insert_str(&one_line);
                        true
                    }
                    None => false,
                }
            }
            None => false,
        },
        Mode::Popup => {
            let taken = crate::app::tabs::today::takes_paste(&app.today_view);
            let msg = crate::app::tabs::today::Msg::PastePopup(one_line);
            // A paste only types: the tab asks for nothing back.
            let _nothing = super::update::today(app, msg);
            taken
        }
        // The editor takes the text, or says it cannot right now.
        Mode::Reflection => {
            let msg = super::tabs::review::Msg::Paste(clean(&text, true));
            return super::update::review(app, msg);
        }
        Mode::Search if app.screen == super::Screen::Today && app.detail.is_none() => {
            let msg = crate::app::tabs::today::Msg::PasteFilter(one_line);
            // A paste only types: the tab asks for nothing back.
            let _nothing = super::update::today(app, msg);
            true
        }
        Mode::Search => {
            let msg = crate::app::tabs::customers::Msg::PasteQuery(one_line);
            // A paste only types: the tab asks for nothing back.
            let _nothing = super::customer_route::customers(app, msg);
            true
        }
        Mode::Command => {
            app.command.push_str(&one_line);
            true
        }
        _ => false,
    };
    if pasted {
        app.notice = None;
    } else {
        app.notice = Some(Notice::say(T::PasteOnlyInField));
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_control_characters() {
        assert_eq!(clean("客户在开会\rq", false), "客户在开会 q");
        assert_eq!(clean("客户在开会\r\nq\n", false), "客户在开会 q");
        assert_eq!(clean("一\r\n二\n", true), "一\n二\n");
        assert_eq!(clean("a\u{1b}[31mb\u{7}\tc", false), "a[31mb c");
        assert_eq!(clean("\u{202E}abc\u{200B}", false), "abc");
        assert_eq!(clean("ＡＢＣ１２３，好的！", false), "ＡＢＣ１２３，好的！");
    }
}
