//! A multi-line text area that takes Chinese input: the cursor is a character index into the whole text, Enter inserts a newline, and the cursor's screen position counts wide characters as two columns.

use unicode_width::UnicodeWidthStr;

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
        let head = &self.text[..self.byte_at(self.cursor)];
        let line = head.matches('\n').count();
        let col = head.rsplit('\n').next().unwrap_or("").width();
        (line as u16, col as u16)
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
}
