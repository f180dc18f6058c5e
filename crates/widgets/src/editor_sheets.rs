//! Spreadsheets in the editor: the measures and figures sheets to download, and a filled-in
//! sheet read back into the list of what will change and what is refused, applied only when the
//! officer says so. Cells, rows, refusals and the XLSX and CSV files are all send-core's
//! `sheet` module, the same code `sendfeed export` and `sendfeed import` run.

use super::{day, encode, into_error, Editor};
use send_core::sheet::files::{self, Kind};
use send_core::sheet::{figures_table, measures_table, plan_import, ImportPlan, RowOutcome};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn kind(name: &str) -> Result<Kind, JsValue> {
    files::kind_of(name, true).map_err(into_error)
}

/// A filled-in sheet as read against the draft: its list, kept until the officer applies it.
#[wasm_bindgen]
pub struct SheetImport {
    plan: ImportPlan,
    /// The draft the rows were read against: applying them to any other would not be what the
    /// list said.
    draft: String,
}

#[derive(Serialize)]
struct Row {
    label: String,
    /// `changed`, `refused` or `unchanged`.
    outcome: &'static str,
    changes: Vec<String>,
    reasons: Vec<String>,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct Report {
    rows: Vec<Row>,
    changes: usize,
    refused: usize,
    summary: String,
}

#[wasm_bindgen]
impl SheetImport {
    /// `{rows: [{label, outcome, changes, reasons, notes}], changes, refused, summary}`, rows
    /// that change nothing and note nothing left out.
    pub fn report(&self) -> Result<JsValue, JsValue> {
        let rows = self
            .plan
            .rows
            .iter()
            .filter(|row| row.outcome != RowOutcome::Unchanged || !row.notes.is_empty())
            .map(|row| {
                let (outcome, changes, reasons) = match &row.outcome {
                    RowOutcome::Changed(changes) => (
                        "changed",
                        changes.iter().map(|c| c.words.clone()).collect(),
                        Vec::new(),
                    ),
                    RowOutcome::Refused(reasons) => ("refused", Vec::new(), reasons.clone()),
                    RowOutcome::Unchanged => ("unchanged", Vec::new(), Vec::new()),
                };
                Row {
                    label: row.label.clone(),
                    outcome,
                    changes,
                    reasons,
                    notes: row.notes.clone(),
                }
            })
            .collect();
        encode(&Report {
            rows,
            changes: self.plan.changes().count(),
            refused: self.plan.refused_rows(),
            summary: self.plan.summary(),
        })
    }
}

#[wasm_bindgen]
impl Editor {
    /// The measures sheet of the draft, as `kind` (`xlsx` or `csv`), for `today`.
    #[wasm_bindgen(js_name = measuresSheet)]
    pub fn measures_sheet(&self, kind: &str, today: &str) -> Result<Vec<u8>, JsValue> {
        let today = day(today)?;
        let table = measures_table(self.session.current(), today);
        match self::kind(&format!(".{kind}"))? {
            Kind::Xlsx => files::xlsx_bytes(&[&table], today),
            Kind::Csv => files::csv_bytes(&table),
        }
        .map_err(into_error)
    }

    /// The figures sheet of the draft, as `kind` (`xlsx` or `csv`).
    #[wasm_bindgen(js_name = figuresSheet)]
    pub fn figures_sheet(&self, kind: &str, today: &str) -> Result<Vec<u8>, JsValue> {
        let today = day(today)?;
        let table = figures_table(self.session.current());
        match self::kind(&format!(".{kind}"))? {
            Kind::Xlsx => files::xlsx_bytes(&[&table], today),
            Kind::Csv => files::csv_bytes(&table),
        }
        .map_err(into_error)
    }

    /// Reads the file `name` (its ending says XLSX or CSV) against the draft; changes nothing.
    /// Fails, in words, for a file that is not a sheet from the export.
    #[wasm_bindgen(js_name = readSheet)]
    pub fn read_sheet(
        &self,
        name: &str,
        bytes: &[u8],
        today: &str,
    ) -> Result<SheetImport, JsValue> {
        let sheets = files::read_bytes(kind(name)?, bytes).map_err(into_error)?;
        let plan = plan_import(self.session.current(), &sheets, day(today)?).map_err(|e| {
            into_error(format!(
                "{e}: download one with “Download the measures as a spreadsheet” or “Download \
                 the figures as a spreadsheet” above, and fill that in"
            ))
        })?;
        Ok(SheetImport {
            plan,
            draft: self.session.current_text(),
        })
    }

    /// Makes the accepted rows' changes to the draft, through the same edits as the forms.
    /// Refuses, changing nothing, when the draft changed since the sheet was read.
    #[wasm_bindgen(js_name = applySheet)]
    pub fn apply_sheet(&mut self, import: &SheetImport) -> Result<(), JsValue> {
        if import.draft != self.session.current_text() {
            return Err(JsValue::from_str(
                "the draft changed after the sheet was read: upload the sheet again to see what it changes now",
            ));
        }
        // Tried on a copy first, so a row that no longer fits leaves the draft as it was.
        let mut trial = self.session.current().clone();
        import.plan.apply(&mut trial).map_err(into_error)?;
        for change in import.plan.changes() {
            self.session
                .apply(change.edit.clone())
                .map_err(into_error)?;
        }
        Ok(())
    }
}
