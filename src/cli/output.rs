//! Everything the command line writes, in one place: standard output through one locked, checked writer (a closed pipe or a full disk is an error value, never a panic), text for the terminal stripped of control characters, CSV cells neutralised against spreadsheet formulas, and `--out` files written whole or not at all. It must not decide what a command prints, only how.
//!
//! Why it is shaped so: every listing (`customers`, `managers`, `managers targets`, `queue`) is
//! a slice of `Serialize` rows, so ONE printer, [`print_rows`], turns rows into any of the four
//! shapes — JSON and CSV from the rows' serde form (one definition of the fields, so the two can
//! never disagree), a tab-separated table or a Markdown table from the words a command picks for
//! each cell. Whatever the shape, the bytes go out through [`emit_bytes`], the one place that
//! strips terminal controls and turns a write error into a value, and [`exit_code`] is the one
//! place a closed pipe (`guanhu … | head`) becomes exit status 0. The two reports that are not
//! row listings — `review` (a Markdown document) and `board` (rows plus a team-total row, right
//! aligned in Markdown) — keep their own renderers, as their bytes are pinned by tests and are
//! not a plain table; they still print through this file.

use std::io::{self, Write};
use std::path::Path;

use clap::ValueEnum;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::i18n::Lang;

/// Output formats of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
}

/// Whether the command's work is already committed when it prints: a failed write then must
/// say the work was saved, so a retrying script does not do it twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// Nothing was written to the store (a listing, a dry run).
    Reading,
    /// The store was changed and committed before printing.
    Commit,
}

fn output_error(source: io::Error, after: After) -> Error {
    Error::Output {
        source,
        saved: after == After::Commit,
    }
}

/// Writes `bytes` to standard output as they are (JSON, CSV) and flushes. Into a pipe or a
/// file they go exactly; on a terminal, control characters are removed first (JSON escapes
/// C0 controls but not DEL or C1 ones such as U+009B, which a terminal may act on).
pub fn emit_bytes(bytes: &[u8], after: After) -> Result<()> {
    use std::io::IsTerminal;
    let mut out = io::stdout().lock();
    let cleaned;
    let bytes = match std::str::from_utf8(bytes) {
        Ok(text) if out.is_terminal() => {
            cleaned = terminal_text(text);
            cleaned.as_bytes()
        }
        _ => bytes,
    };
    out.write_all(bytes)
        .and_then(|_| out.flush())
        .map_err(|e| output_error(e, after))
}

/// Writes text meant for a terminal (tables, reports, messages), control characters removed.
pub fn emit_text(text: &str, after: After) -> Result<()> {
    emit_bytes(terminal_text(text).as_bytes(), after)
}

/// Writes each line of text for the terminal, each followed by a newline.
pub fn emit_lines<S: AsRef<str>>(lines: &[S], after: After) -> Result<()> {
    let mut text = String::new();
    for line in lines {
        text.push_str(line.as_ref());
        text.push('\n');
    }
    emit_text(&text, after)
}

/// The four shapes [`print_rows`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Tab-separated cells, one row a line, under an optional header line.
    Table,
    /// The rows' serde form as CSV (header from the field names), cells made formula-safe.
    Csv,
    /// The rows' serde form as pretty JSON.
    Json,
    /// A Markdown table (`| a | b |`) under the header, `|` in a cell escaped.
    Markdown,
}

impl From<ListFormat> for Shape {
    fn from(f: ListFormat) -> Self {
        match f {
            ListFormat::Table => Shape::Table,
            ListFormat::Csv => Shape::Csv,
            ListFormat::Json => Shape::Json,
        }
    }
}

/// The one printer of listings: `rows` as `shape`. JSON and CSV come from the rows' serde
/// form; the table and Markdown shapes from `cells` (each made safe for the terminal) under
/// `header`, when there is one.
pub fn print_rows<R: Serialize>(
    rows: &[R],
    shape: Shape,
    after: After,
    header: Option<&[&str]>,
    cells: impl Fn(&R) -> Vec<String>,
) -> Result<()> {
    match shape {
        Shape::Json => emit_json(rows, after),
        Shape::Csv => {
            let bytes = neutral_csv(rows).map_err(|e| Error::io("CSV", e))?;
            emit_bytes(&bytes, after)
        }
        Shape::Table | Shape::Markdown => {
            let cells: Vec<Vec<String>> = rows.iter().map(cells).collect();
            emit_lines(
                &table_lines(shape == Shape::Markdown, header, &cells),
                after,
            )
        }
    }
}

/// The lines of a table: tab-separated, or Markdown (`| a | b |` under a `---` rule) when `md`;
/// every cell made safe for the terminal first, and in Markdown its `|` escaped, so no value
/// can split the layout.
fn table_lines(md: bool, header: Option<&[&str]>, rows: &[Vec<String>]) -> Vec<String> {
    let line = |cells: Vec<String>| {
        if md {
            format!("| {} |", cells.join(" | "))
        } else {
            cells.join("\t")
        }
    };
    let cell = |c: &str| {
        let c = terminal_cell(c);
        if md { c.replace('|', "\\|") } else { c }
    };
    let mut lines = Vec::with_capacity(rows.len() + 2);
    if let Some(h) = header {
        lines.push(line(h.iter().map(|c| cell(c)).collect()));
        if md {
            lines.push(line(h.iter().map(|_| "---".to_string()).collect()));
        }
    }
    lines.extend(
        rows.iter()
            .map(|r| line(r.iter().map(|c| cell(c)).collect())),
    );
    lines
}

/// Writes `value` as pretty JSON and a newline.
pub fn emit_json<T: Serialize + ?Sized>(value: &T, after: After) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Error::Input(e.to_string()))?;
    text.push('\n');
    emit_bytes(text.as_bytes(), after)
}

/// The process exit status of a command's result, the error (if any) said on stderr in
/// `lang`. The one place a closed output pipe is forgiven.
pub fn exit_code(result: Result<i32>, lang: Lang) -> i32 {
    match result {
        Ok(code) => code,
        // `guanhu … | head`: the reader has what it wanted; not an error.
        Err(Error::Output { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            note(&format!("guanhu: {}", e.describe(lang)));
            match e {
                // The work is committed: a non-zero status would make a script do it twice.
                Error::Output { saved: true, .. } => 0,
                e => e.exit_code(),
            }
        }
    }
}

/// A note on standard error (a warning, a progress word). A closed stderr is ignored: the
/// note is a courtesy, and `eprintln!` would panic.
pub fn note(text: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{}", terminal_text(text));
}

/// True for characters a terminal may act on instead of showing: C0 controls, DEL and C1
/// controls. `ESC]0;…` retitles the window and `ESC[2J` clears it, so a customer's name
/// holding them must not reach the terminal raw.
fn is_terminal_control(c: char) -> bool {
    c.is_control()
}

/// Text for the terminal: every control character removed but the line breaks and tabs the
/// layout itself uses.
pub fn terminal_text(text: &str) -> String {
    if !text.chars().any(is_terminal_control) {
        return text.to_string();
    }
    text.chars()
        .filter(|&c| c == '\n' || c == '\t' || !is_terminal_control(c))
        .collect()
}

/// One cell of a tab-separated table or a one-line message: every control character,
/// tabs and line breaks included, becomes a space, so a value cannot split the layout.
pub fn terminal_cell(text: &str) -> String {
    if !text.chars().any(is_terminal_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| if is_terminal_control(c) { ' ' } else { c })
        .collect()
}

pub use crate::export::csv_cell;

/// Rows as CSV (with their serde field names as the header, no BOM), every cell through
/// [`csv_cell`]: listings are serialised once as they are, read back as plain cells and
/// written again neutralised, so no struct needs a second, CSV-only form.
pub fn neutral_csv<R: Serialize>(rows: &[R]) -> io::Result<Vec<u8>> {
    let mut raw = csv::Writer::from_writer(Vec::new());
    for r in rows {
        raw.serialize(r).map_err(io::Error::other)?;
    }
    let raw = raw
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(raw.as_slice());
    let mut out = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        let record = record.map_err(io::Error::other)?;
        let cells: Vec<String> = record.iter().map(csv_cell).collect();
        out.write_record(&cells).map_err(io::Error::other)?;
    }
    out.into_inner()
        .map_err(|e| io::Error::other(e.to_string()))
}

/// Writes `bytes` to `path` whole or not at all: into a new owner-only (0600) temporary
/// file in the same directory, synced, then renamed over the target. An existing file's
/// old mode (say 0644) is therefore never kept for personal data, and a full disk leaves the
/// old file as it was instead of half a new one.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    // `--out /dev/stdout` or a named pipe: not a file to replace, so written as it is.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| match e.kind() {
                io::ErrorKind::BrokenPipe => output_error(e, After::Reading),
                _ => Error::io(path, e),
            });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.flush())
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Asks `question` on the terminal; anything but y/yes/是 (or no terminal at all) is a no.
pub fn ask_yes(question: &str) -> bool {
    use std::io::{BufRead, IsTerminal, Write};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return false;
    }
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{question}");
    let _ = err.flush();
    let mut answer = String::new();
    if stdin.lock().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim().to_lowercase().as_str(), "y" | "yes" | "是")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_never_reach_the_terminal() {
        assert_eq!(terminal_text("张\u{1b}]0;pwned\u{7}伟\n"), "张]0;pwned伟\n");
        assert_eq!(terminal_text("a\u{9b}2Jb\u{7f}"), "a2Jb");
        assert_eq!(terminal_cell("a\tb\nc\u{1b}[2J"), "a b c [2J");
        assert_eq!(terminal_text("客户说好\t1"), "客户说好\t1");
    }

    #[test]
    fn listings_come_out_neutralised() {
        #[derive(Serialize)]
        struct Row {
            name: &'static str,
            amount: &'static str,
        }
        let bytes = neutral_csv(&[Row {
            name: "=HYPERLINK(\"x\")",
            amount: "-1500.00",
        }])
        .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text, "name,amount\n\"'=HYPERLINK(\"\"x\"\")\",-1500.00\n");
    }

    #[test]
    fn table_cells_cannot_split_the_layout() {
        let rows = vec![vec!["a|b".to_string(), "c\nd\te".to_string()]];
        let md = table_lines(true, Some(&["x", "y"]), &rows);
        assert_eq!(md, ["| x | y |", "| --- | --- |", "| a\\|b | c d e |"]);
        let tab = table_lines(false, None, &rows);
        assert_eq!(tab, ["a|b\tc d e"]);
    }
}
