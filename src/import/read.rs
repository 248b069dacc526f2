//! Bytes to a plain table of text cells with their line numbers: text decoding (BOM, UTF-8, GB18030/GBK, UTF-16), CSV/TSV splitting, XLSX sheets and cell-to-text conversion. Knows nothing of columns or their meaning.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xls, Xlsx};
use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

use super::{FileFormat, ReadError};

/// The detail carried by `ReadError::Csv` when the bytes are no text encoding we know; `describe` translates it.
pub(crate) const UNKNOWN_ENCODING: &str = "unknown text encoding (neither UTF-8 nor GB18030/GBK)";

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The OLE2 compound file header of the old `.xls` format, which calamine also reads.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// One non-blank row: its line (CSV) or 1-based row number (sheet), and its cells as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// The first non-blank row is the header; the rest are data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    pub header: Row,
    pub rows: Vec<Row>,
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
    let rows = match format {
        FileFormat::Csv => csv_rows(bytes)?,
        FileFormat::Xlsx => workbook_rows(bytes, sheet)?,
    };
    let mut rows = rows.into_iter().filter(|r| !is_blank(&r.cells));
    let header = rows.next().ok_or(ReadError::Empty)?;
    Ok(Table {
        header,
        rows: rows.collect(),
    })
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

/// Decodes text: a BOM decides (UTF-8, UTF-16); else UTF-8 if valid; else GB18030, which covers GBK and GB2312.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<String, ReadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()) {
        return String::from_utf8(rest.to_vec()).map_err(|_| unknown_encoding());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE".as_slice()) {
        return decode_strict(UTF_16LE, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF".as_slice()) {
        return decode_strict(UTF_16BE, rest);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => decode_strict(GB18030, bytes),
    }
}

fn decode_strict(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> Result<String, ReadError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        Err(unknown_encoding())
    } else {
        Ok(text.into_owned())
    }
}

fn unknown_encoding() -> ReadError {
    ReadError::Csv(UNKNOWN_ENCODING.to_string())
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

fn csv_rows(bytes: &[u8]) -> Result<Vec<Row>, ReadError> {
    let text = decode_text(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // csv reports where it began looking for a record, before the line ends and blank lines it then skips,
    // and its line count misses CRLF blank lines; so the record's first byte and its line are found here.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1usize);
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Csv(e.to_string()))?;
        let mut start = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(counted_to)
            .clamp(counted_to, bytes.len());
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        line += bytes[counted_to..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = start;
        rows.push(Row {
            line,
            cells: record.iter().map(unwrap_excel_text).collect(),
        });
    }
    Ok(rows)
}

/// `="0012345"` is how some systems keep Excel from eating leading zeros; the value is the inner text.
fn unwrap_excel_text(cell: &str) -> String {
    let t = cell.trim();
    t.strip_prefix("=\"")
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(cell)
        .to_string()
}

fn workbook_rows(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Row>, ReadError> {
    if bytes.starts_with(OLE_MAGIC) {
        sheet_rows::<Xls<Cursor<&[u8]>>>(bytes, sheet)
    } else {
        sheet_rows::<Xlsx<Cursor<&[u8]>>>(bytes, sheet)
    }
}

fn sheet_rows<'a, R>(bytes: &'a [u8], sheet: Option<&str>) -> Result<Vec<Row>, ReadError>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let xlsx_error = |e: R::Error| ReadError::Xlsx(e.to_string());
    let mut workbook: R =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(xlsx_error)?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| n.trim() == wanted.trim()))
            .ok_or_else(|| ReadError::SheetNotFound(wanted.to_string()))?
            .clone(),
        None => names.first().ok_or(ReadError::Empty)?.clone(),
    };
    let range = workbook.worksheet_range(&name).map_err(xlsx_error)?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            line: first_row + i + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect())
}

/// A cell as the text a person sees: numbers exactly (shortest round-trip form, no `.0`), dates as `YYYY-MM-DD`.
pub(crate) fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::Error(e) => e.to_string(),
    }
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
    fn text_is_decoded_from_bom_utf8_and_gbk() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFab").ok(), Some("ab".to_string()));
        assert_eq!(
            decode_text("张伟".as_bytes()).ok(),
            Some("张伟".to_string())
        );
        let (gbk, _, _) = GB18030.encode("客户号,张伟");
        assert_eq!(decode_text(&gbk).ok(), Some("客户号,张伟".to_string()));
        assert_eq!(
            decode_text(b"\xFF\xFEa\x00,\x00b\x00").ok(),
            Some("a,b".to_string())
        );
    }

    #[test]
    fn undecodable_bytes_are_refused() {
        assert_eq!(decode_text(b"\x81\x20\xFF"), Err(unknown_encoding()));
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
            t.map(|t| t.rows[0].cells.clone()),
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
    fn numbers_keep_their_exact_text() {
        assert_eq!(cell_text(&Data::Float(123456.78)), "123456.78");
        assert_eq!(cell_text(&Data::Float(125000.0)), "125000");
        assert_eq!(cell_text(&Data::Float(13812345678.0)), "13812345678");
        assert_eq!(cell_text(&Data::Int(46349)), "46349");
        assert_eq!(cell_text(&Data::Float(0.1 + 0.2)), "0.30000000000000004");
    }

    #[test]
    fn excel_text_wrappers_are_removed() {
        assert_eq!(unwrap_excel_text("=\"0012345\""), "0012345");
        assert_eq!(unwrap_excel_text("abc"), "abc");
    }
}
