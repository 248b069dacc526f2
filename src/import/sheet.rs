//! Workbooks to rows of cells, with the caps that keep a small hostile file from taking the machine: the zip is inflated once with a counter and refused past [`MAX_UNZIPPED_BYTES`] (a zip bomb); an `.xlsx` sheet is read cell by cell (never as calamine's dense range, which allocates rows × columns of the used area — 512 GB for one cell at `XFD1048576`), and a value beyond [`MAX_ROWS`] rows or [`MAX_COLUMNS`] columns refuses the file naming the sheet and the cell.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xls, Xlsx};

use super::csv_text::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};
use super::read::{BrokenRow, Row};
use super::{Problem, ReadError};

/// The most a workbook may inflate to, all its parts together: a 600,000-row export is
/// about a tenth of it.
pub const MAX_UNZIPPED_BYTES: u64 = 200 * 1024 * 1024;

/// The OLE2 compound file header of the old `.xls` format, which calamine also reads.
pub(crate) const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The rows of a sheet in row order, and the rows with a cell over the length cap.
pub(crate) struct SheetRows {
    pub rows: Vec<Row>,
    pub broken: Vec<BrokenRow>,
}

/// Reads the first or the named sheet.
pub(crate) fn workbook_rows(bytes: &[u8], sheet: Option<&str>) -> Result<SheetRows, ReadError> {
    if bytes.starts_with(OLE_MAGIC) {
        // `.xls` is at most 65,536 × 256 cells and not a zip; calamine's range is bounded.
        return xls_rows(bytes, sheet);
    }
    check_unzipped_size(bytes)?;
    let xlsx_error = |e: calamine::XlsxError| ReadError::Xlsx(e.to_string());
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let name = pick_sheet(&workbook.sheet_names(), sheet)?;
    let mut reader = workbook.worksheet_cells_reader(&name).map_err(xlsx_error)?;
    let mut cells = SparseSheet::default();
    while let Some(cell) = reader.next_cell().map_err(xlsx_error)? {
        let (row, column) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()));
        cells.put(&name, row, column, text)?;
    }
    Ok(cells.into_rows())
}

/// Inflates every part with a counter, so a file whose parts claim small sizes but inflate
/// to gigabytes is stopped at the limit, before calamine reads any of it.
fn check_unzipped_size(bytes: &[u8]) -> Result<(), ReadError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Xlsx(e.to_string()))?;
    let mut total = 0u64;
    for index in 0..archive.len() {
        let mut part = archive
            .by_index(index)
            .map_err(|e| ReadError::Xlsx(e.to_string()))?;
        let room = MAX_UNZIPPED_BYTES.saturating_sub(total);
        let read = std::io::copy(&mut (&mut part).take(room + 1), &mut std::io::sink())
            .map_err(|e| ReadError::Xlsx(e.to_string()))?;
        total = total.saturating_add(read);
        if total > MAX_UNZIPPED_BYTES {
            return Err(ReadError::Unzipped {
                max_mb: MAX_UNZIPPED_BYTES / (1024 * 1024),
            });
        }
    }
    Ok(())
}

fn pick_sheet(names: &[String], wanted: Option<&str>) -> Result<String, ReadError> {
    match wanted {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| n.trim() == wanted.trim()))
            .cloned()
            .ok_or_else(|| ReadError::SheetNotFound(wanted.to_string())),
        None => names.first().cloned().ok_or(ReadError::Empty),
    }
}

fn xls_rows(bytes: &[u8], sheet: Option<&str>) -> Result<SheetRows, ReadError> {
    let xls_error = |e: calamine::XlsError| ReadError::Xlsx(e.to_string());
    let mut workbook: Xls<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(xls_error)?;
    let name = pick_sheet(&workbook.sheet_names(), sheet)?;
    let range = workbook.worksheet_range(&name).map_err(xls_error)?;
    let mut cells = SparseSheet::default();
    for (row, column, value) in range.used_cells() {
        let (Ok(row), Ok(column)) = (u32::try_from(row), u32::try_from(column)) else {
            continue;
        };
        let (start_row, start_column) = range.start().unwrap_or((0, 0));
        cells.put(
            &name,
            row.saturating_add(start_row),
            column.saturating_add(start_column),
            cell_text(value),
        )?;
    }
    Ok(cells.into_rows())
}

/// The non-blank cells of a sheet by row and column, within the caps.
#[derive(Default)]
struct SparseSheet {
    rows: BTreeMap<u32, BTreeMap<u32, String>>,
}

impl SparseSheet {
    fn put(&mut self, sheet: &str, row: u32, column: u32, text: String) -> Result<(), ReadError> {
        if text.trim().is_empty() {
            return Ok(());
        }
        // Row numbers are 0-based; the header takes one of the MAX_ROWS + 1 allowed.
        let too_far = usize::try_from(row).map_or(true, |r| r > MAX_ROWS)
            || usize::try_from(column).map_or(true, |c| c >= MAX_COLUMNS);
        if too_far {
            return Err(ReadError::SheetTooLarge {
                sheet: sheet.to_string(),
                cell: cell_name(row, column),
                max_rows: MAX_ROWS,
                max_columns: MAX_COLUMNS,
            });
        }
        self.rows.entry(row).or_default().insert(column, text);
        Ok(())
    }

    /// Dense rows (each only as wide as its last cell), lines 1-based as the sheet shows them.
    fn into_rows(self) -> SheetRows {
        let mut out = SheetRows {
            rows: Vec::with_capacity(self.rows.len()),
            broken: Vec::new(),
        };
        for (row, cells) in self.rows {
            let line = usize::try_from(row).unwrap_or(usize::MAX).saturating_add(1);
            let width = cells
                .keys()
                .next_back()
                .and_then(|c| usize::try_from(*c).ok())
                .map_or(0, |c| c + 1);
            let mut dense = vec![String::new(); width];
            let mut too_long = None;
            for (column, text) in cells {
                let Ok(column) = usize::try_from(column) else {
                    continue;
                };
                if text.chars().count() > MAX_CELL_CHARS {
                    too_long.get_or_insert(column);
                } else if let Some(slot) = dense.get_mut(column) {
                    *slot = text;
                }
            }
            match too_long {
                Some(column) => out.broken.push(BrokenRow {
                    line,
                    column: Some(column),
                    problem: Problem::TooLong {
                        max: MAX_CELL_CHARS,
                    },
                }),
                None => out.rows.push(Row { line, cells: dense }),
            }
        }
        out
    }
}

/// `A1`-style name of a 0-based cell position: `(1048575, 16383)` is `XFD1048576`.
pub(crate) fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(column) + 1;
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.reverse();
    let letters: String = letters.into_iter().collect();
    format!("{letters}{}", u64::from(row) + 1)
}

/// The serials a date cell may hold: 1 is 1900-01-01, 2,958,465 is 9999-12-31.
const DATE_SERIALS: std::ops::Range<f64> = 1.0..2_958_466.0;

/// A cell as the text a person sees: numbers exactly (shortest round-trip form, no `.0`),
/// dates as `YYYY-MM-DD`. A date-formatted cell holding a serial no calendar has (`-5`,
/// `1e300`) is given as its number, which the date parser then refuses by name.
pub(crate) fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() && DATE_SERIALS.contains(&dt.as_f64()) => {
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
    fn numbers_keep_their_exact_text() {
        assert_eq!(cell_text(&Data::Float(123456.78)), "123456.78");
        assert_eq!(cell_text(&Data::Float(125000.0)), "125000");
        assert_eq!(cell_text(&Data::Float(13812345678.0)), "13812345678");
        assert_eq!(cell_text(&Data::Int(46349)), "46349");
        assert_eq!(cell_text(&Data::Float(0.1 + 0.2)), "0.30000000000000004");
    }

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn date_cells_outside_the_calendar_are_numbers() {
        let serial = |v: f64| {
            Data::DateTime(calamine::ExcelDateTime::new(
                v,
                calamine::ExcelDateTimeType::DateTime,
                false,
            ))
        };
        assert_eq!(cell_text(&serial(46349.0)), "2026-11-23");
        assert_eq!(cell_text(&serial(-5.0)), "-5");
        for v in [1e300, f64::NAN, f64::INFINITY, 0.5] {
            assert!(super::super::values::parse_date(&cell_text(&serial(v))).is_err());
        }
    }
}
