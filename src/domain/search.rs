//! Incremental customer search: name, pinyin initials (zw → 张伟), full pinyin, phone tail, customer number. Pure; every reading of a polyphonic character is indexed so 曾 matches both z and c.

use pinyin::ToPinyinMulti;

/// Most combinations of readings indexed per name; names are short, so this only guards pathologies.
const MAX_READINGS: usize = 64;

/// Readings combine over the first this many characters only; past them the first
/// combination alone grows, by the first reading of each character. Nobody types more of a
/// name than this, and it keeps the index linear in the name's length: one string as long
/// as the name, plus at most [`MAX_READINGS`] short ones (a 34 MB name once took minutes
/// here, each character copying every string built so far).
const BRANCHING_CHARS: usize = 32;

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
        for (at, ch) in name.chars().enumerate() {
            let readings: Vec<&'static str> = match ch.to_pinyin_multi() {
                Some(multi) => multi.into_iter().map(|p| p.plain()).collect(),
                None => Vec::new(),
            };
            let branching = at < BRANCHING_CHARS;
            let growing = if branching { usize::MAX } else { 1 };
            if readings.is_empty() {
                // Not a Han character: keep letters and digits as they are.
                if ch.is_alphanumeric() {
                    let lower: String = ch.to_lowercase().collect();
                    for s in initials.iter_mut().take(growing) {
                        s.push_str(&lower);
                    }
                    for s in full.iter_mut().take(growing) {
                        s.push_str(&lower);
                    }
                }
                continue;
            }
            if branching {
                initials = extend(&initials, readings.iter().map(|r| initial(r)));
                full = extend(&full, readings.iter().copied());
            } else if let Some(first) = readings.first() {
                // The first combination is the first reading of every character (see `extend`).
                if let Some(s) = initials.first_mut() {
                    s.push_str(initial(first));
                }
                if let Some(s) = full.first_mut() {
                    s.push_str(first);
                }
            }
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

/// The first letter of a reading.
fn initial(reading: &str) -> &str {
    let len = reading.chars().next().map(char::len_utf8).unwrap_or(0);
    reading.get(..len).unwrap_or("")
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
    fn the_index_grows_linearly_with_the_name() {
        // A megabyte of polyphonic characters (行 reads xing and hang; 曾 zeng and ceng).
        let name: String = "曾行".repeat((1 << 20) / 6);
        assert!(name.len() >= 1 << 19);
        let key = SearchKey::new(&name);
        let size: usize = key.initials.iter().chain(&key.full).map(String::len).sum();
        let chars = name.chars().count();
        // One string of each kind spans the name (≤ 6 bytes of pinyin a character); the
        // others stop at BRANCHING_CHARS characters.
        let bound = chars * 7 + 2 * MAX_READINGS * BRANCHING_CHARS * 6;
        assert!(size <= bound, "{size} > {bound}");
        assert!(key.initials.len() <= MAX_READINGS && key.full.len() <= MAX_READINGS);
        // The first combination still covers the whole name, one initial a character.
        assert_eq!(key.initials.first().map(String::len), Some(chars));
        assert!(key.matches("曾行曾行", None, "C1"));
    }

    #[test]
    fn long_names_still_match_past_the_branching_characters() {
        let name = format!("{}王小明", "李".repeat(BRANCHING_CHARS + 5));
        let key = SearchKey::new(&name);
        let typed = format!("{}wxm", "l".repeat(BRANCHING_CHARS + 5));
        assert!(key.matches(&typed, None, "C1"));
    }

    #[test]
    fn initials_match_from_the_start() {
        assert!(!hit("李娜", "n"));
        assert!(hit("李娜", "l"));
    }
}
