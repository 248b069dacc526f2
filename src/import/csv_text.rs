//! Decoded CSV/TSV text to rows of cells, one record at a time, with the caps that keep one bad line from taking the rest of the file: a quote that is never closed (or runs over what is plainly the next record) rejects the line it opened on and reading goes on with the next line; an over-long cell or a row with too many columns rejects that row; too many rows refuse the file. Knows nothing of columns' meaning.

use super::read::{BrokenRow, Row};
use super::{Problem, ReadError};

/// The longest cell read, in characters: far above any name, number or note a bank exports.
pub const MAX_CELL_CHARS: usize = 4_000;
/// The most columns a row may have.
pub const MAX_COLUMNS: usize = 200;
/// The most data rows a file may have; a bigger one is not a monthly export of one branch.
pub const MAX_ROWS: usize = 2_000_000;
/// The most lines one quoted cell may span (an address or a note over a few lines is real).
const MAX_CELL_LINES: usize = 50;

/// The rows of a text file, the rows that could not be split, in line order.
pub(crate) struct Split {
    pub rows: Vec<Row>,
    pub broken: Vec<BrokenRow>,
}

/// Comma-separated, unless the header line has tabs and no commas (Excel's "text" export).
fn delimiter(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if header.contains('\t') && !header.contains(',') {
        b'\t'
    } else {
        b','
    }
}

/// Splits the text into records. The first non-blank record is the header: if it cannot be
/// split the file is refused, since no later row could be read without it.
pub(crate) fn split_text(text: &str) -> Result<Split, ReadError> {
    split_capped(text, MAX_ROWS)
}

/// [`split_text`] with at most `max_rows` data rows.
fn split_capped(text: &str, max_rows: usize) -> Result<Split, ReadError> {
    let mut cursor = Cursor {
        text,
        at: 0,
        line: 1,
        delimiter: delimiter(text),
        fields: 0,
    };
    let mut split = Split {
        rows: Vec::new(),
        broken: Vec::new(),
    };
    let mut have_header = false;
    while cursor.at < text.len() {
        let line = cursor.line;
        match cursor.record() {
            Ok(cells) if is_blank(&cells) => {}
            Ok(cells) => {
                if !have_header {
                    have_header = true;
                    cursor.fields = cells.len();
                } else if split.rows.len() > max_rows {
                    return Err(ReadError::TooManyRows { max: max_rows });
                }
                split.rows.push(Row { line, cells });
            }
            Err(broken) if !have_header => {
                return Err(ReadError::BadHeader {
                    line: broken.line,
                    problem: broken.problem,
                });
            }
            Err(broken) => split.broken.push(broken),
        }
    }
    Ok(split)
}

pub(crate) fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

/// Where the reader is in the text.
struct Cursor<'a> {
    text: &'a str,
    /// Byte offset of the next record; always just after a `\n` or at the start.
    at: usize,
    /// The 1-based line `at` is on.
    line: usize,
    delimiter: u8,
    /// The header's column count (0 before it is read), to see a runaway quote reach a record.
    fields: usize,
}

/// What stopped one cell.
enum Stop {
    Delimiter,
    Newline,
    Eof,
}

impl Cursor<'_> {
    fn byte(&self, i: usize) -> Option<u8> {
        self.text.as_bytes().get(i).copied()
    }

    /// Reads one record from `at`, leaving `at` at the start of the next. A broken record
    /// still moves on: past its end, or for an unclosed quote, to the line after the quote.
    fn record(&mut self) -> Result<Vec<String>, BrokenRow> {
        let line = self.line;
        let mut cells: Vec<String> = Vec::new();
        let mut problem: Option<(usize, Problem)> = None;
        let mut count = 0usize;
        loop {
            let column = count;
            count += 1;
            let (cell, end) = match self.cell() {
                Ok(found) => found,
                Err(unclosed) => {
                    return Err(BrokenRow {
                        line,
                        column: Some(column),
                        problem: unclosed,
                    });
                }
            };
            let chars = cell
                .as_ref()
                .map_or(MAX_CELL_CHARS + 1, |c| c.chars().count());
            match cell {
                _ if problem.is_some() => {}
                Some(c) if chars <= MAX_CELL_CHARS && column < MAX_COLUMNS => {
                    cells.push(unwrap_excel_text(&c));
                }
                _ if column >= MAX_COLUMNS => {
                    problem = Some((column, Problem::TooManyColumns { max: MAX_COLUMNS }));
                }
                _ => {
                    problem = Some((
                        column,
                        Problem::TooLong {
                            max: MAX_CELL_CHARS,
                        },
                    ));
                }
            }
            match end {
                Stop::Delimiter => {}
                Stop::Newline | Stop::Eof => break,
            }
        }
        match problem {
            None => Ok(cells),
            Some((column, problem)) => Err(BrokenRow {
                line,
                column: Some(column).filter(|_| !matches!(problem, Problem::TooManyColumns { .. })),
                problem,
            }),
        }
    }

    /// Reads one cell; `None` text when it is longer than the cap (read past, not kept).
    fn cell(&mut self) -> Result<(Option<String>, Stop), Problem> {
        if self.byte(self.at) == Some(b'"') {
            return self.quoted();
        }
        let start = self.at;
        let (end_at, end) = self.unquoted_end(start);
        self.at = end_at;
        let text = self.text.get(start..end_at).unwrap_or("");
        let text = text.strip_suffix('\r').unwrap_or(text);
        let kept = (text.len() <= MAX_CELL_CHARS * 4).then(|| text.to_string());
        self.step_over(&end);
        Ok((kept, end))
    }

    /// The end of an unquoted stretch from `from`: the offset of the delimiter or `\n`, or the text's end.
    fn unquoted_end(&self, from: usize) -> (usize, Stop) {
        let bytes = self.text.as_bytes();
        let rest = bytes.get(from..).unwrap_or(&[]);
        match rest
            .iter()
            .position(|b| *b == self.delimiter || *b == b'\n')
        {
            Some(n) if rest.get(n) == Some(&b'\n') => (from + n, Stop::Newline),
            Some(n) => (from + n, Stop::Delimiter),
            None => (bytes.len(), Stop::Eof),
        }
    }

    /// Moves past the delimiter or line end that ended a cell.
    fn step_over(&mut self, end: &Stop) {
        match end {
            Stop::Delimiter => self.at += 1,
            Stop::Newline => {
                self.at += 1;
                self.line += 1;
            }
            Stop::Eof => {}
        }
    }

    /// A cell opening with `"`: `""` is a quote, `"` closes, what follows up to the delimiter is
    /// kept as written. A quote still open at the end of the text, past [`MAX_CELL_LINES`] lines
    /// or [`MAX_CELL_CHARS`], or when a line inside it looks like a whole record, is unclosed:
    /// reading goes back to the line after the one it opened on.
    fn quoted(&mut self) -> Result<(Option<String>, Stop), Problem> {
        let (open_at, open_line) = (self.at, self.line);
        let mut text = String::new();
        let mut i = open_at + 1;
        let mut lines = 0usize;
        let unclosed = |cursor: &mut Self| {
            cursor.resume_after_line(open_at, open_line);
            Err(Problem::UnclosedQuote)
        };
        loop {
            let rest = self.text.as_bytes().get(i..).unwrap_or(&[]);
            let Some(n) = rest.iter().position(|b| matches!(b, b'"' | b'\n')) else {
                return unclosed(self);
            };
            text.push_str(self.text.get(i..i + n).unwrap_or(""));
            i += n;
            if text.len() > MAX_CELL_CHARS * 4 && text.chars().count() > MAX_CELL_CHARS {
                return unclosed(self);
            }
            if self.byte(i) == Some(b'\n') {
                lines += 1;
                if lines > MAX_CELL_LINES || self.looks_like_a_record(i + 1) {
                    return unclosed(self);
                }
                text.push('\n');
                i += 1;
                continue;
            }
            // A quote: doubled is a literal quote, single closes the cell.
            if self.byte(i + 1) == Some(b'"') {
                text.push('"');
                i += 2;
                continue;
            }
            i += 1;
            break;
        }
        self.line += lines;
        let (end_at, end) = self.unquoted_end(i);
        let tail = self.text.get(i..end_at).unwrap_or("");
        text.push_str(tail.strip_suffix('\r').unwrap_or(tail));
        self.at = end_at;
        self.step_over(&end);
        let kept = (text.chars().count() <= MAX_CELL_CHARS).then_some(text);
        Ok((kept, end))
    }

    /// True when the line starting at `from` has as many delimiters as a whole record of a
    /// file of three or more columns: a quoted cell does not hold another row of the file.
    fn looks_like_a_record(&self, from: usize) -> bool {
        if self.fields < 3 {
            return false;
        }
        let rest = self.text.as_bytes().get(from..).unwrap_or(&[]);
        let line = rest.split(|b| *b == b'\n').next().unwrap_or(&[]);
        line.iter().filter(|b| **b == self.delimiter).count() + 1 >= self.fields
    }

    /// Continues at the line after `line` (which starts at or before `from`).
    fn resume_after_line(&mut self, from: usize, line: usize) {
        let rest = self.text.as_bytes().get(from..).unwrap_or(&[]);
        match rest.iter().position(|b| *b == b'\n') {
            Some(n) => {
                self.at = from + n + 1;
                self.line = line + 1;
            }
            None => {
                self.at = self.text.len();
                self.line = line;
            }
        }
    }
}

/// `="0012345"` is how some systems keep Excel from eating leading zeros; the value is the inner text.
pub(crate) fn unwrap_excel_text(cell: &str) -> String {
    let t = cell.trim();
    t.strip_prefix("=\"")
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(cell)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    type Lines = Vec<(usize, Vec<String>)>;

    fn lines_and_cells(text: &str) -> (Lines, Vec<(usize, Problem)>) {
        let Ok(split) = split_text(text) else {
            return (Vec::new(), Vec::new());
        };
        (
            split.rows.into_iter().map(|r| (r.line, r.cells)).collect(),
            split
                .broken
                .into_iter()
                .map(|b| (b.line, b.problem))
                .collect(),
        )
    }

    fn cells(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn quotes_commas_and_doubled_quotes() {
        let (rows, broken) = lines_and_cells("a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",z\r\n1,2,3");
        assert!(broken.is_empty());
        assert_eq!(
            rows,
            vec![
                (1, cells(&["a", "b", "c"])),
                (2, cells(&["x,y", "say \"hi\"", "z"])),
                (3, cells(&["1", "2", "3"])),
            ]
        );
    }

    #[test]
    fn a_stray_quote_rejects_its_line_only() {
        let text = "no,name,phone\nC1,张三,138\nC2,\"李四,139\nC3,王五,137\nC4,赵六,136\n";
        let (rows, broken) = lines_and_cells(text);
        let lines: Vec<usize> = rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, vec![1, 2, 4, 5]);
        assert_eq!(broken, vec![(3, Problem::UnclosedQuote)]);
    }

    #[test]
    fn a_quote_open_at_the_end_of_the_file_is_unclosed() {
        let (rows, broken) = lines_and_cells("no,name\nC1,\"张三\nC2,李四");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows.get(1).map(|r| r.0), Some(3));
        assert_eq!(broken, vec![(2, Problem::UnclosedQuote)]);
    }

    #[test]
    fn caps_on_cells_and_columns() {
        let long = "x".repeat(MAX_CELL_CHARS + 1);
        let wide = vec!["1"; MAX_COLUMNS + 1].join(",");
        let text = format!("a,b\n{long},1\n{wide}\nok,2\n");
        let (rows, broken) = lines_and_cells(&text);
        assert_eq!(rows.last().map(|r| r.0), Some(4));
        assert_eq!(
            broken,
            vec![
                (
                    2,
                    Problem::TooLong {
                        max: MAX_CELL_CHARS
                    }
                ),
                (3, Problem::TooManyColumns { max: MAX_COLUMNS }),
            ]
        );
    }

    #[test]
    fn too_many_rows_refuse_the_file() {
        let ok = split_capped("a,b\n1,2\n3,4\n\n5,6\n", 3).map(|s| s.rows.len());
        assert_eq!(ok.ok(), Some(4));
        assert!(matches!(
            split_capped("a,b\n1,2\n3,4\n5,6\n7,8\n", 3),
            Err(ReadError::TooManyRows { max: 3 })
        ));
    }

    #[test]
    fn an_unreadable_header_refuses_the_file() {
        assert!(matches!(
            split_text("\"no,name\nC1,x\n"),
            Err(ReadError::BadHeader { line: 1, .. })
        ));
    }
}
