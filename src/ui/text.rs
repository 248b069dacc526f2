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
