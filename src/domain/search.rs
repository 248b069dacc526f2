//! Incremental customer search: name, pinyin initials (zw → 张伟), full pinyin, phone tail, customer number. Pure; every reading of a polyphonic character is indexed so 曾 matches both z and c.

use pinyin::ToPinyinMulti;

/// Most combinations of readings indexed per name; names are short, so this only guards pathologies.
const MAX_READINGS: usize = 64;

/// The pinyin forms of a name, precomputed once per customer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchKey {
    /// Lower-case name (for Latin names) and the name itself.
    pub name: String,
    /// Every combination of initials: 张伟 → `zw`; 曾 gives both `z…` and `c…`.
    pub initials: Vec<String>,
    /// Every combination of full readings without tones: `zhangwei`.
    pub full: Vec<String>,
}

impl SearchKey {
    /// Indexes a name.
    pub fn new(name: &str) -> SearchKey {
        let mut initials = vec![String::new()];
        let mut full = vec![String::new()];
        for ch in name.chars() {
            let readings: Vec<&'static str> = match ch.to_pinyin_multi() {
                Some(multi) => multi.into_iter().map(|p| p.plain()).collect(),
                None => Vec::new(),
            };
            if readings.is_empty() {
                // Not a Han character: keep letters and digits as they are.
                if ch.is_alphanumeric() {
                    let lower: String = ch.to_lowercase().collect();
                    for s in initials.iter_mut().chain(full.iter_mut()) {
                        s.push_str(&lower);
                    }
                }
                continue;
            }
            initials = extend(&initials, readings.iter().map(|r| &r[..first_len(r)]));
            full = extend(&full, readings.iter().copied());
        }
        SearchKey {
            name: name.to_lowercase(),
            initials,
            full,
        }
    }

    /// True when the query matches the name, its pinyin, the phone's tail or the customer number.
    pub fn matches(&self, query: &str, phone: Option<&str>, customer_no: &str) -> bool {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return true;
        }
        if self.name.contains(&q) {
            return true;
        }
        if q.chars().all(|c| c.is_ascii_digit()) {
            let tail = q.len() >= 3 && phone.is_some_and(|p| p.ends_with(&q));
            return tail || customer_no.to_lowercase().contains(&q);
        }
        if q.chars().all(|c| c.is_ascii_alphabetic()) {
            return self.initials.iter().any(|s| s.starts_with(&q))
                || self.full.iter().any(|s| s.starts_with(&q))
                || customer_no.to_lowercase().contains(&q);
        }
        customer_no.to_lowercase().contains(&q)
    }
}

fn first_len(reading: &str) -> usize {
    reading.chars().next().map(char::len_utf8).unwrap_or(0)
}

fn extend<'a>(prefixes: &[String], readings: impl Iterator<Item = &'a str> + Clone) -> Vec<String> {
    let mut out = Vec::new();
    for prefix in prefixes {
        for r in readings.clone() {
            let s = format!("{prefix}{r}");
            if !out.contains(&s) {
                out.push(s);
            }
            if out.len() >= MAX_READINGS {
                return out;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(name: &str, q: &str) -> bool {
        SearchKey::new(name).matches(q, Some("13812345678"), "C0001")
    }

    #[test]
    fn matches_by_initials_full_pinyin_name_phone_and_number() {
        assert!(hit("张伟", "zw"));
        assert!(hit("张伟", "ZW"));
        assert!(hit("张伟", "zhangwei"));
        assert!(hit("张伟", "zhangw"));
        assert!(hit("张伟", "张"));
        assert!(hit("张伟", "5678"));
        assert!(hit("张伟", "c0001"));
        assert!(!hit("张伟", "ln"));
        assert!(!hit("张伟", "1234"));
    }

    #[test]
    fn polyphonic_surnames_match_every_reading() {
        assert!(hit("曾小华", "zxh"));
        assert!(hit("单丽", "sl"));
        assert!(hit("仇明", "qm"));
        assert!(hit("解放", "xf"));
    }

    #[test]
    fn initials_match_from_the_start() {
        assert!(!hit("李娜", "n"));
        assert!(hit("李娜", "l"));
    }
}
