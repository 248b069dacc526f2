//! A multi-line text area that takes Chinese input: the cursor is a character index into the whole text, Enter inserts a newline, and the text wraps into rows of a given width where wide characters take two columns. Knows nothing of the terminal.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Text over several lines and a cursor (a character index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextArea {
    text: String,
    cursor: usize,
}

impl TextArea {
    /// An area holding `text`, cursor at the end.
    pub fn with(text: &str) -> TextArea {
        TextArea {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map(|(i, _)| i)
            .unwrap_or(self.text.len())
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Inserts a character (a newline too) at the cursor.
    pub fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Inserts text (a paste) at the cursor, the cursor after it.
    pub fn insert_str(&mut self, text: &str) {
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, text);
        self.cursor += text.chars().count();
    }

    /// Deletes the character before the cursor (joining lines at a line start).
    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let at = self.byte_at(self.cursor - 1);
        self.text.remove(at);
        self.cursor -= 1;
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.len() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    /// One character left.
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// One character right.
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    /// The start of the cursor's line (character index) and the cursor's offset in it.
    fn line_start_and_offset(&self) -> (usize, usize) {
        let before: Vec<char> = self.text.chars().take(self.cursor).collect();
        let start = before
            .iter()
            .rposition(|c| *c == '\n')
            .map(|i| i + 1)
            .unwrap_or(0);
        (start, self.cursor - start)
    }

    /// Cursor to the start of its line.
    pub fn home(&mut self) {
        self.cursor = self.line_start_and_offset().0;
    }

    /// Cursor to the end of its line.
    pub fn end(&mut self) {
        let rest = self
            .text
            .chars()
            .skip(self.cursor)
            .take_while(|c| *c != '\n');
        self.cursor += rest.count();
    }

    /// Cursor to the line above, at the same character offset (or the line's end).
    pub fn up(&mut self) {
        let (start, offset) = self.line_start_and_offset();
        if start == 0 {
            self.cursor = 0;
            return;
        }
        self.cursor = start - 1;
        let (prev_start, prev_len) = self.line_start_and_offset();
        self.cursor = prev_start + offset.min(prev_len);
    }

    /// Cursor to the line below, at the same character offset (or the line's end).
    pub fn down(&mut self) {
        let (_, offset) = self.line_start_and_offset();
        self.end();
        if self.cursor >= self.len() {
            return;
        }
        self.cursor += 1;
        let line_len = self
            .text
            .chars()
            .skip(self.cursor)
            .take_while(|c| *c != '\n')
            .count();
        self.cursor += offset.min(line_len);
    }

    /// The cursor's line (from 0) and column on screen (display width before it on its line).
    pub fn cursor_position(&self) -> (u16, u16) {
        let head = self
            .text
            .get(..self.byte_at(self.cursor))
            .unwrap_or(&self.text);
        let line = head.matches('\n').count();
        let col = head.rsplit('\n').next().unwrap_or("").width();
        (line as u16, col as u16)
    }
}

/// The text broken into screen rows at most `width` columns wide, each as a range of character
/// indices (`start..end`, the newline that ends a line in neither). Chinese breaks anywhere; a
/// run of ASCII letters moves whole to the next row when a space came before it on the row, so
/// English does not split mid-word. A row always takes one character, even one wider than `width`.
pub fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut rows = Vec::new();
    let (mut start, mut col, mut after_space) = (0, 0, None::<usize>);
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            rows.push((start, i));
            (start, col, after_space) = (i + 1, 0, None);
            continue;
        }
        let w = c.width().unwrap_or(0);
        if col + w > width && i > start {
            let cut = match after_space {
                Some(s) if s > start && c.is_ascii_graphic() => s,
                _ => i,
            };
            rows.push((start, cut));
            col = chars
                .get(cut..i)
                .unwrap_or_default()
                .iter()
                .map(|c| c.width().unwrap_or(0))
                .sum();
            (start, after_space) = (cut, None);
        }
        if c == ' ' {
            after_space = Some(i + 1);
        } else if !c.is_ascii_graphic() {
            // Only an unbroken ASCII word is carried over.
            after_space = None;
        }
        col += w;
    }
    rows.push((start, chars.len()));
    rows
}

impl TextArea {
    /// The text as `wrap` rows it, and the cursor's row and column among them. After a full
    /// row's last character the column is `width`: a caller that shows the cursor keeps a
    /// column free for it and wraps at one less.
    pub fn layout(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let chars: Vec<char> = self.text.chars().collect();
        let rows = wrap(&self.text, width);
        let mut at = (0, 0);
        for (r, &(start, end)) in rows.iter().enumerate() {
            // At a soft break the cursor belongs to the row that starts there.
            let soft_break = rows.get(r + 1).is_some_and(|next| next.0 == end);
            if self.cursor >= start && (self.cursor < end || (self.cursor == end && !soft_break)) {
                let col: usize = chars
                    .get(start..self.cursor)
                    .unwrap_or_default()
                    .iter()
                    .map(|c| c.width().unwrap_or(0))
                    .sum();
                at = (r, col);
                break;
            }
        }
        let lines = rows
            .iter()
            .map(|&(start, end)| chars.get(start..end).unwrap_or_default().iter().collect())
            .collect();
        (lines, at)
    }

    /// Cursor to the screen row above when wrapped at `width`, as near its column as the row
    /// allows (from the first row: to the start).
    pub fn up_in(&mut self, width: usize) {
        self.move_rows(width, -1);
    }

    /// Cursor to the screen row below when wrapped at `width` (from the last row: to the end).
    pub fn down_in(&mut self, width: usize) {
        self.move_rows(width, 1);
    }

    fn move_rows(&mut self, width: usize, step: isize) {
        let rows = wrap(&self.text, width);
        let (_, (row, col)) = self.layout(width);
        let Some(target) = row.checked_add_signed(step) else {
            self.cursor = 0;
            return;
        };
        let Some(&(start, end)) = rows.get(target) else {
            self.cursor = self.len();
            return;
        };
        let chars: Vec<char> = self.text.chars().collect();
        let (mut at, mut used) = (start, 0);
        while at < end {
            let w = chars.get(at).and_then(|c| c.width()).unwrap_or(0);
            if used + w > col {
                break;
            }
            used += w;
            at += 1;
        }
        // The end of a row that wraps is shown at the start of the next: stop before it.
        if at == end && at > start && rows.get(target + 1).is_some_and(|n| n.0 == end) {
            at -= 1;
        }
        self.cursor = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_the_cursor() {
        let mut a = TextArea::default();
        for c in "拜访张伟\n短信30户".chars() {
            a.insert(c);
        }
        assert_eq!(a.cursor_position(), (1, 8));
        a.up();
        assert_eq!(a.cursor_position(), (0, 8));
        a.home();
        a.down();
        assert_eq!(a.cursor_position(), (1, 0));
        a.backspace();
        assert_eq!(a.text(), "拜访张伟短信30户");
        a.end();
        a.insert('。');
        assert_eq!(a.text(), "拜访张伟短信30户。");
    }

    #[test]
    fn wide_characters_wrap_at_the_width_and_the_cursor_follows() {
        let a = TextArea::with("拜访张伟短信\n约");
        let (rows, cursor) = a.layout(8);
        assert_eq!(rows, vec!["拜访张伟", "短信", "约"]);
        assert_eq!(cursor, (2, 2));
        // A wide character never straddles the edge: a width of 7 holds three.
        let (rows, _) = TextArea::with("拜访张伟").layout(7);
        assert_eq!(rows, vec!["拜访张", "伟"]);
        // After a full row the cursor stands in the column beyond it.
        assert_eq!(TextArea::with("拜访张伟").layout(8).1, (0, 8));
        let mut b = TextArea::with("拜访张伟短信");
        for _ in 0..2 {
            b.left();
        }
        assert_eq!(b.layout(8).1, (1, 0));
        assert_eq!(
            TextArea::default().layout(10),
            (vec![String::new()], (0, 0))
        );
        assert_eq!(TextArea::with("ab").layout(0).0, vec!["a", "b"]);
    }

    #[test]
    fn up_and_down_move_by_screen_rows() {
        // Rows at width 8: 拜访张伟 | 短信三十 | ab | 约
        let mut a = TextArea::with("拜访张伟短信三十\nab\n约");
        let at = |a: &TextArea| a.layout(8).1;
        a.up_in(8);
        assert_eq!(at(&a), (2, 2));
        a.up_in(8);
        assert_eq!(at(&a), (1, 2));
        a.up_in(8);
        assert_eq!(at(&a), (0, 2));
        a.up_in(8);
        assert_eq!(at(&a), (0, 0));
        a.end();
        assert_eq!(at(&a), (1, 8));
        // The end of a row that wraps shows on the next: up stops before its last character.
        a.up_in(8);
        assert_eq!(at(&a), (0, 6));
        a.down_in(8);
        assert_eq!(at(&a), (1, 6));
        a.down_in(8);
        assert_eq!(at(&a), (2, 2));
        a.down_in(8);
        a.down_in(8);
        assert_eq!(at(&a), (3, 2));
        let mut b = TextArea::with("ab\n拜访张伟短信");
        b.home();
        b.up_in(8);
        b.end();
        b.down_in(8);
        assert_eq!(b.layout(8).1, (1, 2));
        b.down_in(8);
        assert_eq!(b.layout(8).1, (2, 2));
    }

    #[test]
    fn english_wraps_between_words() {
        let (rows, cursor) = TextArea::with("call Wang about funds").layout(10);
        assert_eq!(rows, vec!["call Wang ", "about ", "funds"]);
        assert_eq!(cursor, (2, 5));
    }
}
