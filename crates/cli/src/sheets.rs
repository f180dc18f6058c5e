//! XLSX and CSV files for `sendfeed export` and `sendfeed import`: the file formats only.
//!
//! What each column means, which rows an export has, what a row may change and why one is
//! refused is send-core's `sheet` module, which a browser editor can share. Here cells become
//! files and files cells: rust_xlsxwriter writes XLSX, calamine reads it (also as Excel re-saved
//! it: numbers as floats, dates as date cells or serial numbers), and the csv crate both ways,
//! with the byte-order mark and CRLF line ends Excel writes and expects.

use calamine::{Data, Reader};
use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use send_core::sheet::{Cell, SheetInput, Table};
use std::path::Path;

/// The file kinds a sheet can be, by the name's ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Csv,
}

/// `.xlsx` or `.csv`, in any case; for reading, also what calamine reads (`.xlsm`, `.xls`,
/// `.ods`), as a workbook.
pub fn kind_of(path: &str, reading: bool) -> Result<Kind, String> {
    let extension = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "xlsx" => Ok(Kind::Xlsx),
        "xlsm" | "xls" | "ods" if reading => Ok(Kind::Xlsx),
        "csv" => Ok(Kind::Csv),
        _ => Err(format!(
            "{path}: the name must end in .xlsx (a workbook for Excel) or .csv"
        )),
    }
}

fn xlsx_error(path: &str) -> impl Fn(XlsxError) -> String + '_ {
    move |e| format!("cannot write {path}: {e}")
}

/// A workbook with a tab a table: a bold header row that stays in view, readable widths,
/// long text wrapped, a filter on the header, and each column with choices (the status) as a
/// drop-down that refuses other words.
pub fn write_xlsx(path: &str, tables: &[&Table]) -> Result<(), String> {
    let error = xlsx_error(path);
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border_bottom(FormatBorder::Thin)
        .set_background_color("#F3F2F1");
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let plain = Format::new().set_align(FormatAlign::Top);
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.name).map_err(&error)?;
        let last_row = table.rows.len() as u32;
        let last_col = table.columns.len().saturating_sub(1) as u16;
        for (c, column) in table.columns.iter().enumerate() {
            let c = c as u16;
            sheet.set_column_width(c, column.width).map_err(&error)?;
            sheet
                .write_string_with_format(0, c, column.header, &header)
                .map_err(&error)?;
            if !column.choices.is_empty() {
                let rule = DataValidation::new()
                    .allow_list_strings(&column.choices)
                    .and_then(|v| v.set_error_title(column.header))
                    .and_then(|v| {
                        v.set_error_message(format!(
                            "Choose one of: {}. Leave it empty for no status.",
                            column.choices.join(", ")
                        ))
                    })
                    .map_err(&error)?;
                sheet
                    .add_data_validation(1, c, last_row.max(1), c, &rule)
                    .map_err(&error)?;
            }
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, (cell, column)) in row.iter().zip(&table.columns).enumerate() {
                let c = c as u16;
                let format = if column.wrap { &wrapped } else { &plain };
                match cell {
                    Cell::Empty => sheet.write_blank(r, c, format),
                    Cell::Number(n) => sheet.write_number_with_format(r, c, *n, format),
                    Cell::Bool(b) => sheet.write_boolean_with_format(r, c, *b, format),
                    Cell::Text(_) | Cell::Date(_) => {
                        sheet.write_string_with_format(r, c, cell.display(), format)
                    }
                }
                .map_err(&error)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(&error)?;
        sheet
            .autofilter(0, 0, last_row.max(1), last_col)
            .map_err(&error)?;
    }
    workbook.save(path).map_err(&error)
}

/// A CSV file as Excel writes one: UTF-8 with a byte-order mark (so Excel shows Bengali and
/// "→" rightly), CRLF line ends, the header row first.
pub fn write_csv(path: &str, table: &Table) -> Result<(), String> {
    let error = |e: std::io::Error| format!("cannot write {path}: {e}");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        for row in table.cells() {
            writer
                .write_record(row.iter().map(Cell::display))
                .map_err(|e| format!("cannot write {path}: {e}"))?;
        }
        writer.flush().map_err(error)?;
    }
    std::fs::write(path, bytes).map_err(error)
}

/// Every sheet of the file, as cells.
pub fn read(path: &str) -> Result<Vec<SheetInput>, String> {
    match kind_of(path, true)? {
        Kind::Csv => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            read_csv(&bytes).map(|sheet| vec![sheet])
        }
        Kind::Xlsx => read_workbook(path),
    }
}

/// A CSV file: UTF-8 with or without a byte-order mark, or (as Excel's plain "CSV" writes)
/// Windows-1252; commas, or semicolons where a first line has only those (Excel in countries
/// that write decimal commas).
pub fn read_csv(bytes: &[u8]) -> Result<SheetInput, String> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if !first.contains(',') && first.contains(';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("the CSV cannot be read: {e}"))?;
        rows.push(record.iter().map(Cell::text).collect());
    }
    Ok(SheetInput {
        name: String::new(),
        first_row: 1,
        rows,
    })
}

fn read_workbook(path: &str) -> Result<Vec<SheetInput>, String> {
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|e| format!("cannot read {path} as a workbook: {e}"))?;
    Ok(workbook
        .worksheets()
        .into_iter()
        .map(|(name, range)| SheetInput {
            name,
            first_row: range.start().map_or(1, |(row, _)| row as usize + 1),
            rows: range
                .rows()
                .map(|row| row.iter().map(cell).collect())
                .collect(),
        })
        .collect())
}

/// A calamine cell as a sheet cell. Date cells keep their day; durations and errors are text,
/// which the column's reader then refuses in words.
fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::text(text.as_str()),
        Data::Float(n) => Cell::Number(*n),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(date) if date.is_datetime() => {
            let (y, m, d, ..) = date.to_ymd_hms_milli();
            chrono::NaiveDate::from_ymd_opt(y.into(), m.into(), d.into())
                .map_or(Cell::Number(date.as_f64()), Cell::Date)
        }
        Data::DateTime(date) => Cell::Number(date.as_f64()),
        Data::DateTimeIso(text) => text
            .get(..10)
            .and_then(send_core::date::parse_day)
            .map_or_else(|| Cell::text(text.as_str()), Cell::Date),
        Data::DurationIso(text) => Cell::text(text.as_str()),
        Data::Error(error) => Cell::Text(format!("{error}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_as_excel_writes_it() {
        // Made-up cells: a byte-order mark, CRLF, a quoted field with a comma and a line break.
        let bytes =
            "\u{feff}Action ref,Status\r\n1.1,On track \r\n\"1.2\",\"at risk, \r\nsee note\"\r\n";
        let sheet = read_csv(bytes.as_bytes()).unwrap();
        assert_eq!(sheet.rows[0][0], Cell::text("Action ref"));
        assert_eq!(sheet.rows[1][1], Cell::text("On track "));
        assert_eq!(sheet.rows[2][1], Cell::text("at risk, \r\nsee note"));
        let semicolons = read_csv(b"Action ref;Status\r\n1.1;Complete\r\n").unwrap();
        assert_eq!(semicolons.rows[1][1], Cell::text("Complete"));
        // Windows-1252: "Café" with é as 0xE9.
        let latin = read_csv(b"Evidence\r\nCaf\xe9\r\n").unwrap();
        assert_eq!(latin.rows[1][0], Cell::text("Café"));
    }

    #[test]
    fn file_kinds_by_name() {
        assert_eq!(kind_of("a.XLSX", false), Ok(Kind::Xlsx));
        assert_eq!(kind_of("a.csv", false), Ok(Kind::Csv));
        assert!(kind_of("a.ods", false).is_err());
        assert_eq!(kind_of("a.ods", true), Ok(Kind::Xlsx));
        assert!(kind_of("a.json", true).unwrap_err().contains(".xlsx"));
    }
}
