//! Text helpers for fixed-width columns with wide (CJK) characters.

use ratatui::text::Span;
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

/// The part of a one-line field's text shown in `width` columns so the cursor (at display
/// column `cursor` of the whole text) stays in view, and the cursor's column within it. A note
/// longer than the field scrolls instead of running past the popup's border.
pub fn field_window(text: &str, cursor: usize, width: usize) -> (String, usize) {
    let width = width.max(1);
    // Drop characters from the start until the cursor fits, keeping a column for it.
    let (mut skipped, mut chars) = (0, text.chars().peekable());
    while cursor.saturating_sub(skipped) >= width {
        match chars.next() {
            Some(c) => skipped += c.width().unwrap_or(0),
            None => break,
        }
    }
    let mut shown = String::new();
    let mut used = 0;
    for c in chars {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        shown.push(c);
        used += w;
    }
    (shown, cursor.saturating_sub(skipped).min(width))
}

/// Right-aligns `s` in `width` columns (never truncates numbers).
pub fn right(s: &str, width: usize) -> String {
    let w = s.width();
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

/// Keeps styled pieces of a line within `width` columns. When they do not all fit, the line
/// is cut where the width ends and ends in an ellipsis, so a dropped piece is never silent.
pub fn fit_spans(pieces: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = pieces.iter().map(|p| p.content.width()).sum();
    if total <= width {
        return pieces;
    }
    let budget = width.saturating_sub(1);
    let mut out = Vec::new();
    let mut used = 0;
    for piece in pieces {
        let mut kept = String::new();
        for ch in piece.content.chars() {
            let w = ch.width().unwrap_or(0);
            if used + w > budget {
                break;
            }
            kept.push(ch);
            used += w;
        }
        let whole = kept.len() == piece.content.len();
        if !kept.is_empty() {
            out.push(Span::styled(kept, piece.style));
        }
        if !whole {
            if width > 0 {
                out.push(Span::styled("…", piece.style));
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_field_scrolls_to_the_cursor() {
        assert_eq!(field_window("客户说", 6, 10), ("客户说".to_string(), 6));
        assert_eq!(
            field_window("客户说下周再联系", 16, 8),
            ("再联系".to_string(), 6)
        );
        assert_eq!(
            field_window("客户说下周再联系", 0, 8),
            ("客户说下".to_string(), 0)
        );
        assert_eq!(field_window("", 0, 0), (String::new(), 0));
    }

    #[test]
    fn fits_wide_characters() {
        assert_eq!(fit("张伟", 6), "张伟  ");
        assert_eq!(fit("欧阳娜娜", 6), "欧阳… ");
        assert_eq!(fit("abc", 2), "a…");
        assert_eq!(right("12", 4), "  12");
    }

    #[test]
    fn pieces_are_cut_where_the_width_ends() {
        let pieces = vec![
            Span::raw("回电 15:00"),
            Span::raw(" · "),
            Span::raw("本月未沟通"),
        ];
        let text = |s: Vec<Span>| s.iter().map(|p| p.content.to_string()).collect::<String>();
        assert_eq!(
            text(fit_spans(pieces.clone(), 40)),
            "回电 15:00 · 本月未沟通"
        );
        assert_eq!(text(fit_spans(pieces.clone(), 18)), "回电 15:00 · 本月…");
        assert_eq!(text(fit_spans(pieces.clone(), 13)), "回电 15:00 ·…");
        assert_eq!(text(fit_spans(pieces, 5)), "回电…");
    }
}
