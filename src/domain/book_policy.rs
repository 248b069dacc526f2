//! The `[book]` section of the policy: how a hand-added person may have come to the manager
//! (the source list of the add form) and what makes a new customer "有效" (effective) for the
//! weekly review. Plain data with its check; no I/O.

use serde::Deserialize;

use super::policy::PolicyProblem;
use crate::i18n::Lang;

/// One way a person comes to a manager.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    pub key: String,
    pub zh: String,
    pub en: String,
}

/// What a new customer needs to count as effective (有效管户客户).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectiveRule {
    /// A mainland mobile on record.
    #[serde(default = "yes")]
    pub mobile: bool,
    /// At least one two-way contact (a reached call, a visit…) logged.
    #[serde(default = "yes")]
    pub two_way_contact: bool,
}

impl Default for EffectiveRule {
    fn default() -> Self {
        EffectiveRule {
            mobile: true,
            two_way_contact: true,
        }
    }
}

fn yes() -> bool {
    true
}

/// The `[book]` section.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookPolicy {
    #[serde(default = "default_sources")]
    pub sources: Vec<SourceDef>,
    #[serde(default)]
    pub effective: EffectiveRule,
}

impl Default for BookPolicy {
    fn default() -> Self {
        BookPolicy {
            sources: default_sources(),
            effective: EffectiveRule::default(),
        }
    }
}

fn default_sources() -> Vec<SourceDef> {
    [
        ("walk_in", "到店", "walk-in"),
        ("referral", "他人引荐", "referral"),
        ("event", "活动", "event"),
        ("teller", "柜员推荐", "teller referral"),
        ("other", "其他", "other"),
    ]
    .into_iter()
    .map(|(key, zh, en)| SourceDef {
        key: key.into(),
        zh: zh.into(),
        en: en.into(),
    })
    .collect()
}

impl BookPolicy {
    /// The source keys, in the policy's order.
    pub fn source_keys(&self) -> Vec<String> {
        self.sources.iter().map(|s| s.key.clone()).collect()
    }

    /// The word for a source key in `lang` (the key itself when the policy no longer has it).
    pub fn source_word<'a>(&'a self, key: &'a str, lang: Lang) -> &'a str {
        self.sources
            .iter()
            .find(|s| s.key == key)
            .map(|s| lang.pick(s.zh.as_str(), s.en.as_str()))
            .unwrap_or(key)
    }

    /// Finds a source by key or by either word (`到店`, `walk-in`).
    pub fn find_source(&self, text: &str) -> Option<&SourceDef> {
        let t = text.trim();
        self.sources
            .iter()
            .find(|s| s.key == t || s.zh == t || s.en.eq_ignore_ascii_case(t))
    }

    /// The first problem, with the key that has it.
    pub fn validate(&self) -> Result<(), (String, PolicyProblem)> {
        if self.sources.is_empty() {
            return Err(("book.sources".into(), PolicyProblem::Empty));
        }
        for (i, s) in self.sources.iter().enumerate() {
            if s.key.trim().is_empty() || s.zh.trim().is_empty() || s.en.trim().is_empty() {
                return Err((format!("book.sources[{i}]"), PolicyProblem::Empty));
            }
            if self.sources[..i].iter().any(|o| o.key == s.key) {
                return Err((
                    format!("book.sources[{i}].key"),
                    PolicyProblem::DuplicateKey,
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_found_by_word() {
        let p = BookPolicy::default();
        assert_eq!(p.validate(), Ok(()));
        assert_eq!(
            p.find_source("柜员推荐").map(|s| s.key.as_str()),
            Some("teller")
        );
        assert_eq!(p.source_word("walk_in", Lang::En), "walk-in");
        let mut dup = p.clone();
        dup.sources.push(dup.sources[0].clone());
        assert_eq!(
            dup.validate(),
            Err(("book.sources[5].key".into(), PolicyProblem::DuplicateKey))
        );
    }
}
