//! Text helpers for fixed-width columns with wide (CJK) characters.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Pads or truncates `s` to exactly `width` display columns (left-aligned).
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let total = s.width();
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        // Leave room for an ellipsis when the text does not fit.
        if total > width && used + w > width.saturating_sub(1) {
            out.push('…');
            used += 1;
            break;
        }
        if used + w > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// Right-aligns `s` in `width` columns (never truncates numbers).
pub fn right(s: &str, width: usize) -> String {
    let w = s.width();
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_wide_characters() {
        assert_eq!(fit("张伟", 6), "张伟  ");
        assert_eq!(fit("欧阳娜娜", 6), "欧阳… ");
        assert_eq!(fit("abc", 2), "a…");
        assert_eq!(right("12", 4), "  12");
    }
}
