//! What the message line says, kept as data — a sentence from the i18n table and its values —
//! so the view words it in the language on screen now: `:lang en` changes the message with
//! every other word. Never a finished string in the model, except an error's own text, which
//! is kept in both languages.

use crate::domain::diary::EntryKind;
use crate::domain::names::kind_name;
use crate::error::Error;
use crate::i18n::{Lang, T, fill};

/// One value in a notice's sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// The same in every language: a name, a number, a date, a command as typed.
    Text(String),
    /// A word from the i18n table.
    Word(T),
    /// A kind of diary entry, named in the language on screen.
    Kind(EntryKind),
    /// Words made in both languages when the notice was raised (zh, en).
    Both(Box<(String, String)>),
}

impl Arg {
    /// A value that reads the same in every language.
    pub fn text(value: impl std::fmt::Display) -> Arg {
        Arg::Text(value.to_string())
    }

    fn words(&self, lang: Lang) -> String {
        match self {
            Arg::Text(s) => s.clone(),
            Arg::Word(t) => t.get(lang).to_string(),
            Arg::Kind(k) => kind_name(lang, *k).to_string(),
            Arg::Both(both) => match lang {
                Lang::Zh => both.0.clone(),
                Lang::En => both.1.clone(),
            },
        }
    }
}

/// An error as the message line says it, in both languages (made once, where the error is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    zh: String,
    en: String,
}

impl Failure {
    /// The error described in both languages.
    pub fn of(error: &Error) -> Failure {
        Failure {
            zh: error.describe(Lang::Zh),
            en: error.describe(Lang::En),
        }
    }

    /// The description in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A description that reads the same in both languages (a system's own words).
impl From<&str> for Failure {
    fn from(text: &str) -> Failure {
        Failure {
            zh: text.to_string(),
            en: text.to_string(),
        }
    }
}

impl From<String> for Failure {
    fn from(text: String) -> Failure {
        Failure {
            en: text.clone(),
            zh: text,
        }
    }
}

/// The one-line message above the footer: saved what for whom, deleted, undone, a question,
/// or an effect that failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A sentence and its values.
    Said(T, Vec<Arg>),
    /// An effect failed.
    Failed(Failure),
}

impl Notice {
    /// A sentence without values.
    pub fn say(text: T) -> Notice {
        Notice::Said(text, Vec::new())
    }

    /// A sentence with its values.
    pub fn fill(text: T, args: impl IntoIterator<Item = Arg>) -> Notice {
        Notice::Said(text, args.into_iter().collect())
    }

    /// The notice in words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::Said(text, args) if args.is_empty() => text.get(lang).to_string(),
            Notice::Said(text, args) => {
                let words: Vec<String> = args.iter().map(|a| a.words(lang)).collect();
                let refs: Vec<&dyn std::fmt::Display> =
                    words.iter().map(|w| w as &dyn std::fmt::Display).collect();
                fill(text.get(lang), &refs)
            }
            Notice::Failed(failure) => fill(T::Failed.get(lang), &[&failure.text(lang)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_is_worded_in_the_language_asked() {
        let n = Notice::fill(T::Saved, [Arg::Kind(EntryKind::Call), Arg::text("张伟")]);
        assert_ne!(n.text(Lang::Zh), n.text(Lang::En));
        assert!(n.text(Lang::Zh).contains("张伟"));
        assert!(n.text(Lang::En).contains("张伟"));
        let f = Notice::Failed(Failure::from("disk full"));
        assert!(f.text(Lang::En).contains("disk full"));
    }
}
