//! A one-line text field that takes Chinese input: the cursor moves by characters, and its screen column counts wide characters as two.

use unicode_width::UnicodeWidthStr;

/// Text and a cursor (a character index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    cursor: usize,
}

impl TextField {
    /// A field holding `text`, cursor at the end.
    pub fn with(text: &str) -> TextField {
        TextField {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map(|(i, _)| i)
            .unwrap_or(self.text.len())
    }

    /// Inserts a character at the cursor.
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

    /// Deletes the character before the cursor.
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
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    /// Moves the cursor one character left.
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    /// Cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// The cursor's column on screen: the display width of the text before it.
    pub fn cursor_column(&self) -> u16 {
        // Saturates: a pasted page of text is wider than a u16 counts.
        self.cursor_width().min(u16::MAX as usize) as u16
    }

    /// The cursor's column as a full count (see `cursor_column`).
    pub fn cursor_width(&self) -> usize {
        self.text
            .get(..self.byte_at(self.cursor))
            .unwrap_or(&self.text)
            .width()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_and_the_cursor() {
        let mut f = TextField::default();
        for c in "客户说下周再联系".chars() {
            f.insert(c);
        }
        assert_eq!(f.cursor_column(), 16);
        f.left();
        f.left();
        f.insert('不');
        assert_eq!(f.text(), "客户说下周再不联系");
        assert_eq!(f.cursor_column(), 14);
        f.backspace();
        f.home();
        f.delete();
        assert_eq!(f.text(), "户说下周再联系");
        f.end();
        f.insert('!');
        assert_eq!(f.cursor_column(), 15);
    }
}
