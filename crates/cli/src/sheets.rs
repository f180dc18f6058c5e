//! XLSX and CSV files for `sendfeed export` and `sendfeed import`: the files on disk only.
//!
//! What each column means, which rows an export has, what a row may change and why one is
//! refused is send-core's `sheet` module; turning cells into file bytes and back is its
//! `sheet::files`, which the officer's editor in the browser shares. Here those bytes are read
//! from and written to the named files.

use send_core::sheet::files;
use send_core::sheet::{SheetInput, Table};

pub use files::{kind_of, Kind};

/// A workbook with a tab a table (see [`files::xlsx_bytes`]), created `today`.
pub fn write_xlsx(path: &str, tables: &[&Table], today: chrono::NaiveDate) -> Result<(), String> {
    let bytes = files::xlsx_bytes(tables, today).map_err(|e| format!("{path}: {e}"))?;
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}"))
}

/// A CSV file as Excel writes one (see [`files::csv_bytes`]).
pub fn write_csv(path: &str, table: &Table) -> Result<(), String> {
    let bytes = files::csv_bytes(table).map_err(|e| format!("{path}: {e}"))?;
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}"))
}

/// Every sheet of the file, as cells.
pub fn read(path: &str) -> Result<Vec<SheetInput>, String> {
    let kind = kind_of(path, true)?;
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    files::read_bytes(kind, &bytes).map_err(|e| format!("{path}: {e}"))
}
