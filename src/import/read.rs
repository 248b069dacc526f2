//! Bytes to a plain table of text cells with their line numbers: picks the container (CSV text or workbook), hands it to the decoder and splitter ([`super::text`], [`super::csv_text`]) or the sheet reader ([`super::sheet`]), and keeps the rows that could not be read with their line. Knows nothing of columns or their meaning.

use std::path::Path;

use super::csv_text::{MAX_COLUMNS, is_blank, split_text};
use super::sheet::{OLE_MAGIC, workbook_rows};
use super::text::decode_text;
use super::{FileFormat, Problem, ReadError};

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// One non-blank row: its line (CSV) or 1-based row number (sheet), and its cells as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A row that could not be read into cells: an unclosed quote, an over-long cell, too many
/// columns, bytes in no known encoding. `column` is the 0-based cell it broke in, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BrokenRow {
    pub line: usize,
    pub column: Option<usize>,
    pub problem: Problem,
}

/// The first non-blank row is the header; the rest are data, read or broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    pub header: Row,
    pub rows: Vec<Row>,
    pub broken: Vec<BrokenRow>,
}

/// Spreadsheet if the bytes start like a zip (XLSX) or an OLE2 file (XLS), otherwise CSV text.
pub fn detect_format(bytes: &[u8]) -> FileFormat {
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(OLE_MAGIC) {
        FileFormat::Xlsx
    } else {
        FileFormat::Csv
    }
}

/// An `.xlsx`/`.xlsm` name means a workbook; otherwise the bytes decide (see [`detect_format`]).
pub fn format_for_path(path: &Path, bytes: &[u8]) -> FileFormat {
    let workbook_ext = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"));
    if workbook_ext {
        FileFormat::Xlsx
    } else {
        detect_format(bytes)
    }
}

/// Reads the file into a table; `sheet` only matters for workbooks.
pub(crate) fn read_table(
    bytes: &[u8],
    format: FileFormat,
    sheet: Option<&str>,
) -> Result<Table, ReadError> {
    let (rows, mut broken) = match format {
        FileFormat::Csv => {
            let decoded = decode_text(bytes)?;
            let split = split_text(&decoded.text)?;
            let mut broken = split.broken;
            // An undecodable line was left empty by the decoder; it is rejected here by its number.
            broken.extend(decoded.bad_lines.into_iter().map(|line| BrokenRow {
                line,
                column: None,
                problem: Problem::BadEncoding,
            }));
            (split.rows, broken)
        }
        FileFormat::Xlsx => {
            let sheet = workbook_rows(bytes, sheet)?;
            (sheet.rows, sheet.broken)
        }
    };
    broken.sort_by_key(|b| b.line);
    let mut rows = rows.into_iter().filter(|r| !is_blank(&r.cells));
    let Some(header) = rows.next() else {
        // Only broken lines: the first of them may have been the header.
        return Err(broken
            .first()
            .map_or(ReadError::Empty, |b| ReadError::BadHeader {
                line: b.line,
                problem: b.problem.clone(),
            }));
    };
    if header.cells.len() > MAX_COLUMNS {
        return Err(ReadError::BadHeader {
            line: header.line,
            problem: Problem::TooManyColumns { max: MAX_COLUMNS },
        });
    }
    if let Some(before) = broken.iter().find(|b| b.line <= header.line) {
        // Without the header no row can be read; a broken line above it may have been it.
        return Err(ReadError::BadHeader {
            line: before.line,
            problem: before.problem.clone(),
        });
    }
    Ok(Table {
        header,
        rows: rows.collect(),
        broken,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_detected_by_magic_and_extension() {
        assert_eq!(detect_format(b"PK\x03\x04rest"), FileFormat::Xlsx);
        assert_eq!(detect_format(b"customer_no,name\n"), FileFormat::Csv);
        assert_eq!(detect_format(b""), FileFormat::Csv);
        assert_eq!(
            format_for_path(Path::new("list.XLSX"), b"garbage"),
            FileFormat::Xlsx
        );
        assert_eq!(
            format_for_path(Path::new("list.csv"), b"PK\x03\x04"),
            FileFormat::Xlsx
        );
        assert_eq!(
            format_for_path(Path::new("list.csv"), b"a,b"),
            FileFormat::Csv
        );
    }

    #[test]
    fn undecodable_first_line_refuses_the_file() {
        assert!(matches!(
            read_table(b"\x81\x20\xFF\nC1,x\n", FileFormat::Csv, None),
            Err(ReadError::BadHeader { line: 1, .. })
        ));
    }

    #[test]
    fn blank_lines_are_skipped_and_lines_counted() {
        let t = read_table(b"a,b\r\n\r\n,,\r\n1,2\r\n", FileFormat::Csv, None);
        let t = t.ok();
        assert_eq!(t.as_ref().map(|t| t.header.line), Some(1));
        assert_eq!(
            t.map(|t| t.rows),
            Some(vec![Row {
                line: 4,
                cells: vec!["1".into(), "2".into()]
            }])
        );
    }

    #[test]
    fn lines_are_counted_with_lf_and_quoted_line_breaks() {
        let t = read_table(b"a,b\n\n\n\"x\ny\",1\n2,3", FileFormat::Csv, None).ok();
        let lines: Option<Vec<usize>> = t.map(|t| t.rows.iter().map(|r| r.line).collect());
        assert_eq!(lines, Some(vec![4, 6]));
    }

    #[test]
    fn tabs_separate_when_the_header_has_no_commas() {
        let t = read_table(
            "客户号\t姓名\nC1\t张三,李四\n".as_bytes(),
            FileFormat::Csv,
            None,
        )
        .ok();
        assert_eq!(
            t.and_then(|t| t.rows.first().map(|r| r.cells.clone())),
            Some(vec!["C1".to_string(), "张三,李四".to_string()])
        );
    }

    #[test]
    fn empty_input_has_no_header() {
        assert_eq!(
            read_table(b"", FileFormat::Csv, None),
            Err(ReadError::Empty)
        );
        assert_eq!(
            read_table(b"\xEF\xBB\xBF\r\n ,\r\n", FileFormat::Csv, None),
            Err(ReadError::Empty)
        );
    }

    #[test]
    fn excel_text_wrappers_are_removed() {
        use super::super::csv_text::unwrap_excel_text;
        assert_eq!(unwrap_excel_text("=\"0012345\""), "0012345");
        assert_eq!(unwrap_excel_text("abc"), "abc");
    }
}
