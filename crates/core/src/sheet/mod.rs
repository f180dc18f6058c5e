//! Spreadsheets in and out: the plan's measures and the indicator figures as rows an officer
//! can fill in with Excel, and a filled-in sheet read back into edits or refusals.
//!
//! This module knows what each column means, which rows an export has, and what a row may
//! change; only [`files`] knows a file format, turning XLSX and CSV bytes into [`Cell`] rows
//! and back, for the CLI and the officer's editor alike (the family widgets never turn the
//! `sheet` feature on, so the xlsx, csv and zip crates stay out of their wasm). Accepted rows become the same
//! [`crate::edit::Edit`]s the forms make; the change words are the editor's
//! ([`crate::edit::describe_changes`]).

pub mod cells;
pub mod export;
pub mod files;
pub mod import;

use chrono::NaiveDate;

pub use export::{figures_table, measures_table};
pub use import::{plan_import, ImportPlan, RowOutcome, RowReport, SheetError, SheetInput};

/// One cell as a spreadsheet holds it. Excel keeps numbers as floats and dates either as date
/// cells or, once their format is lost, as serial numbers; both are read where a date belongs.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A date cell (the time of day, if any, dropped).
    Date(NaiveDate),
    Bool(bool),
}

impl Cell {
    /// A text cell, or an empty one for blank text.
    pub fn text(value: impl Into<String>) -> Cell {
        let value = value.into();
        if value.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(value)
        }
    }

    /// What the cell shows as text, trimmed: whole numbers without `.0`, dates as `YYYY-MM-DD`.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number(n) => format!("{n}"),
            Cell::Date(d) => crate::date::PartialDate::Day(*d).to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// A column of an exported sheet: its header, how wide to show it (in characters), whether long
/// text wraps, and the words a drop-down offers (empty for free text).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: &'static str,
    pub width: f64,
    pub wrap: bool,
    pub choices: Vec<&'static str>,
}

/// A sheet to write: its name (the XLSX tab), its columns and its rows, in plan order.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The header row, then the rows: what a file of this sheet holds.
    pub fn cells(&self) -> Vec<Vec<Cell>> {
        let header = self.columns.iter().map(|c| Cell::text(c.header)).collect();
        std::iter::once(header)
            .chain(self.rows.iter().cloned())
            .collect()
    }

    /// This sheet as an import reads it, as if written to a file and read back unchanged.
    pub fn as_input(&self) -> SheetInput {
        SheetInput {
            name: self.name.to_owned(),
            first_row: 1,
            rows: self.cells(),
        }
    }
}

/// The measures sheet's headers, in order.
pub const MEASURE_HEADERS: [&str; 10] = [
    "Workstream",
    "Action ref",
    "Measure number",
    "Measure text",
    "Deadline",
    "Leads",
    "Status",
    "Evidence",
    "Confirmed on",
    "What families see now",
];

/// The figures sheet's headers, in order.
pub const FIGURE_HEADERS: [&str; 5] =
    ["Indicator id", "Indicator title", "Period", "Value", "Note"];

/// The tab names the export gives the two sheets.
pub const MEASURES_SHEET: &str = "Measures";
pub const FIGURES_SHEET: &str = "Figures";
