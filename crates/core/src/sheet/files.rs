//! XLSX and CSV files: the sheets' cells as file bytes and back, for `sendfeed export/import`
//! and for the officer's editor in the browser alike (one reader, so a sheet the CLI accepts
//! the editor accepts too).
//!
//! Bytes in, bytes out: no file system and no threads, so the same code runs natively and in
//! wasm32. rust_xlsxwriter writes XLSX, calamine reads it (also as Excel re-saved it: numbers
//! as floats, dates as date cells or serial numbers), and the csv crate both ways, with the
//! byte-order mark and CRLF line ends Excel writes and expects. What a cell means stays in the
//! rest of this module, which never sees a file format.

use super::{Cell, SheetInput, Table};
use calamine::{Data, Reader};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    XlsxError,
};
use std::io::Cursor;

/// The file kinds a sheet can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Csv,
}

/// The kind a file name says, by its ending in any case: `.xlsx` or `.csv`; for reading, also
/// what calamine reads (`.xlsm`, `.xls`, `.ods`), as a workbook.
pub fn kind_of(name: &str, reading: bool) -> Result<Kind, String> {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" => Ok(Kind::Xlsx),
        "xlsm" | "xls" | "ods" if reading => Ok(Kind::Xlsx),
        "csv" => Ok(Kind::Csv),
        _ => Err(format!(
            "{name}: the name must end in .xlsx (a workbook for Excel) or .csv"
        )),
    }
}

fn xlsx_error(e: XlsxError) -> String {
    format!("the workbook cannot be written: {e}")
}

/// A workbook with a tab a table: a bold header row that stays in view, readable widths,
/// long text wrapped, a filter on the header, and each column with choices (the status) as a
/// drop-down that refuses other words. `today` is the workbook's creation date (set here, so
/// the writer never reads a clock, which wasm32 does not have).
pub fn xlsx_bytes(tables: &[&Table], today: NaiveDate) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    let created =
        ExcelDateTime::from_ymd(today.year() as u16, today.month() as u8, today.day() as u8)
            .map_err(xlsx_error)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
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
        sheet.set_name(table.name).map_err(xlsx_error)?;
        let last_row = table.rows.len() as u32;
        let last_col = table.columns.len().saturating_sub(1) as u16;
        for (c, column) in table.columns.iter().enumerate() {
            let c = c as u16;
            sheet
                .set_column_width(c, column.width)
                .map_err(xlsx_error)?;
            sheet
                .write_string_with_format(0, c, column.header, &header)
                .map_err(xlsx_error)?;
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
                    .map_err(xlsx_error)?;
                sheet
                    .add_data_validation(1, c, last_row.max(1), c, &rule)
                    .map_err(xlsx_error)?;
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
                .map_err(xlsx_error)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        sheet
            .autofilter(0, 0, last_row.max(1), last_col)
            .map_err(xlsx_error)?;
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// A CSV file as Excel writes one: UTF-8 with a byte-order mark (so Excel shows Bengali and
/// "→" rightly), CRLF line ends, the header row first.
pub fn csv_bytes(table: &Table) -> Result<Vec<u8>, String> {
    let error = |e: csv::Error| format!("the CSV cannot be written: {e}");
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    for row in table.cells() {
        writer
            .write_record(row.iter().map(Cell::display))
            .map_err(error)?;
    }
    writer
        .into_inner()
        .map_err(|e| format!("the CSV cannot be written: {}", e.error()))
}

/// Every sheet of a file of `kind`, as cells.
pub fn read_bytes(kind: Kind, bytes: &[u8]) -> Result<Vec<SheetInput>, String> {
    match kind {
        Kind::Csv => read_csv(bytes).map(|sheet| vec![sheet]),
        Kind::Xlsx => read_workbook(bytes),
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

fn read_workbook(bytes: &[u8]) -> Result<Vec<SheetInput>, String> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("it cannot be read as a workbook: {e}"))?;
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
            NaiveDate::from_ymd_opt(y.into(), m.into(), d.into())
                .map_or(Cell::Number(date.as_f64()), Cell::Date)
        }
        Data::DateTime(date) => Cell::Number(date.as_f64()),
        Data::DateTimeIso(text) => text
            .get(..10)
            .and_then(crate::date::parse_day)
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
        assert_eq!(kind_of("dir.v2/a.csv", false), Ok(Kind::Csv));
        assert!(kind_of("a.ods", false).is_err());
        assert_eq!(kind_of("a.ods", true), Ok(Kind::Xlsx));
        assert!(kind_of("a.json", true).unwrap_err().contains(".xlsx"));
        assert!(kind_of("xlsx", true).is_err());
    }

    #[test]
    fn bytes_written_read_back_the_same() {
        let table = Table {
            name: "Made-up",
            columns: vec![
                super::super::Column {
                    header: "A",
                    width: 10.0,
                    wrap: false,
                    choices: vec!["x", "y"],
                },
                super::super::Column {
                    header: "B",
                    width: 10.0,
                    wrap: true,
                    choices: vec![],
                },
            ],
            rows: vec![vec![Cell::text("x"), Cell::Number(2.0)]],
        };
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let xlsx = xlsx_bytes(&[&table], today).unwrap();
        let back = read_bytes(Kind::Xlsx, &xlsx).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].name, "Made-up");
        assert_eq!(back[0].rows, table.cells());
        let csv = csv_bytes(&table).unwrap();
        assert!(csv.starts_with("\u{feff}A,B\r\n".as_bytes()));
        // A CSV has only text: the number comes back as the text it shows.
        let shown = |rows: Vec<Vec<Cell>>| -> Vec<Vec<String>> {
            rows.iter()
                .map(|row| row.iter().map(Cell::display).collect())
                .collect()
        };
        assert_eq!(
            shown(read_bytes(Kind::Csv, &csv).unwrap().remove(0).rows),
            shown(table.cells())
        );
    }
}
