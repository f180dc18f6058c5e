//! A filled-in sheet read back: row by row, what will change and what is refused and why,
//! before anything changes.
//!
//! A row may change a measure's status, evidence and "confirmed on" date, or add or change an
//! indicator figure and its note. It may not change what the plan says (a measure's text or
//! deadline): those cells are there to read, and a row that changes one is refused whole, as is
//! a row with any cell that cannot be read. Refused rows change nothing. A row left out of the
//! sheet changes nothing either: a sheet never removes a measure or a figure.
//!
//! Rows are read in order against the feed as the rows before them left it, so the edits of
//! the accepted rows, applied in order with [`crate::edit::apply`], give exactly the feed the
//! list describes, with or without the refused rows.

use super::cells::{as_known_month, read_count, read_date, read_number, read_status, read_text};
use super::cells::{same_words, DateCell};
use super::{Cell, FIGURES_SHEET, MEASURES_SHEET};
use crate::date::PartialDate;
use crate::edit::{apply, describe_changes, set_text, Edit, EditError, MeasureAt};
use crate::feed::{Feed, Point, Unit};
use crate::text::Text;
use chrono::NaiveDate;
use std::collections::HashMap;
use thiserror::Error;

/// A sheet as read from a file: its tab name (empty for CSV), the spreadsheet row number of
/// its first row (1 when the sheet starts at the top), and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetInput {
    pub name: String,
    pub first_row: usize,
    pub rows: Vec<Vec<Cell>>,
}

/// One accepted change: the edit, and the editor's words for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub edit: Edit,
    pub words: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome {
    Unchanged,
    Changed(Vec<Change>),
    /// Every reason, in column order; the row changes nothing.
    Refused(Vec<String>),
}

/// What one row of the sheet does.
#[derive(Debug, Clone, PartialEq)]
pub struct RowReport {
    /// "row 12", or "Figures row 3" when the file has both sheets.
    pub label: String,
    pub outcome: RowOutcome,
    /// Things the officer should know that change nothing and refuse nothing.
    pub notes: Vec<String>,
}

/// Every row's outcome, in sheet order.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub rows: Vec<RowReport>,
}

/// A file that is not one of the two sheets at all. Where to get one is the shell's to say (the
/// CLI names `sendfeed export`, the editor its download buttons).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SheetError {
    #[error("no sheet in it starts with the measures sheet's headers (Action ref, Measure number, …) or the figures sheet's (Indicator id, Period, Value, …)")]
    NotASheet,
}

impl ImportPlan {
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.rows.iter().flat_map(|row| match &row.outcome {
            RowOutcome::Changed(changes) => changes.as_slice(),
            _ => &[],
        })
    }

    pub fn refused_rows(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r.outcome, RowOutcome::Refused(_)))
            .count()
    }

    /// Applies the accepted rows' edits, in order, through the editor's own [`apply`].
    pub fn apply(&self, feed: &mut Feed) -> Result<(), EditError> {
        for change in self.changes() {
            apply(feed, change.edit.clone())?;
        }
        Ok(())
    }

    /// The list an officer reads before anything changes, then a one-line summary.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let mut section = |title: &str, items: Vec<String>| {
            if !items.is_empty() {
                lines.push(title.to_owned());
                lines.extend(items.into_iter().map(|item| format!("  {item}")));
            }
        };
        section(
            "Will change:",
            self.rows
                .iter()
                .flat_map(|row| match &row.outcome {
                    RowOutcome::Changed(changes) => changes
                        .iter()
                        .map(|c| format!("{}: {}", row.label, c.words))
                        .collect(),
                    _ => Vec::new(),
                })
                .collect(),
        );
        section(
            "Refused (these rows change nothing):",
            self.rows
                .iter()
                .flat_map(|row| match &row.outcome {
                    RowOutcome::Refused(reasons) => reasons
                        .iter()
                        .map(|r| format!("{}: {r}", row.label))
                        .collect(),
                    _ => Vec::new(),
                })
                .collect(),
        );
        section(
            "Also noted (these change nothing):",
            self.rows
                .iter()
                .flat_map(|row| row.notes.iter().map(|n| format!("{}: {n}", row.label)))
                .collect(),
        );
        lines.push(self.summary());
        lines
    }

    /// "3 changes from 2 rows; 1 row refused; 76 rows unchanged."
    pub fn summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let changed = self
            .rows
            .iter()
            .filter(|r| matches!(r.outcome, RowOutcome::Changed(_)))
            .count();
        let unchanged = self
            .rows
            .iter()
            .filter(|r| r.outcome == RowOutcome::Unchanged)
            .count();
        format!(
            "{} from {}; {} refused; {} unchanged.",
            plural(self.changes().count(), "change", "changes"),
            plural(changed, "row", "rows"),
            plural(self.refused_rows(), "row", "rows"),
            plural(unchanged, "row", "rows"),
        )
    }
}

/// Lower case, single spaces: how headers are matched.
fn fold(text: &str) -> String {
    text.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where each header is, by its folded name.
struct Columns(HashMap<String, usize>);

impl Columns {
    fn new(header: &[Cell]) -> Columns {
        let mut map = HashMap::new();
        for (i, cell) in header.iter().enumerate() {
            map.entry(fold(&cell.display())).or_insert(i);
        }
        Columns(map)
    }

    fn has(&self, header: &str) -> bool {
        self.0.contains_key(&fold(header))
    }

    /// The cell under `header` in `row`, if the sheet has that column.
    fn get<'a>(&self, row: &'a [Cell], header: &str) -> Option<&'a Cell> {
        const EMPTY: &Cell = &Cell::Empty;
        self.0
            .get(&fold(header))
            .map(|&i| row.get(i).unwrap_or(EMPTY))
    }
}

/// Reads every sheet the file has that is a measures or a figures sheet.
pub fn plan_import(
    feed: &Feed,
    sheets: &[SheetInput],
    today: NaiveDate,
) -> Result<ImportPlan, SheetError> {
    let mut reader = Reader {
        working: feed.clone(),
        today,
        rows: Vec::new(),
        seen: HashMap::new(),
    };
    let mut read = Vec::new();
    for sheet in sheets {
        let Some(start) = sheet
            .rows
            .iter()
            .position(|row| row.iter().any(|c| !c.is_blank()))
        else {
            continue;
        };
        let columns = Columns::new(&sheet.rows[start]);
        let kind = if columns.has("Action ref") && columns.has("Measure number") {
            MEASURES_SHEET
        } else if columns.has("Indicator id") && columns.has("Period") && columns.has("Value") {
            FIGURES_SHEET
        } else {
            continue;
        };
        read.push(kind);
        for (i, row) in sheet.rows.iter().enumerate().skip(start + 1) {
            if row.iter().all(Cell::is_blank) {
                continue;
            }
            let number = sheet.first_row + i;
            let report = if kind == MEASURES_SHEET {
                reader.measure_row(&columns, row, number)
            } else {
                reader.figure_row(&columns, row, number)
            };
            reader.rows.push((kind, number, report));
        }
    }
    if read.is_empty() {
        return Err(SheetError::NotASheet);
    }
    let both = read.len() > 1;
    Ok(ImportPlan {
        rows: reader
            .rows
            .into_iter()
            .map(|(kind, number, (outcome, notes))| RowReport {
                label: if both {
                    format!("{kind} row {number}")
                } else {
                    format!("row {number}")
                },
                outcome,
                notes,
            })
            .collect(),
    })
}

/// What a row is about, to find the row it repeats.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Place {
    Measure(MeasureAt),
    Figure(String, PartialDate),
}

/// What a row does to the feed, and what the officer should know about it.
type Read = (RowOutcome, Vec<String>);

struct Reader {
    /// The feed as the accepted rows so far leave it.
    working: Feed,
    today: NaiveDate,
    rows: Vec<(&'static str, usize, Read)>,
    /// The row number each measure or figure was first on.
    seen: HashMap<Place, usize>,
}

fn refused(reason: String) -> Read {
    (RowOutcome::Refused(vec![reason]), Vec::new())
}

/// The plan's deadline and a cell that Excel turned into a date say the same: opening a CSV,
/// Excel reads "January 2022" as 1 January 2022 and saves it as "Jan-22" (or keeps a date cell).
fn same_date(cell: &Cell, plan_says: &str) -> bool {
    let DateCell::Date(plan) = read_date(&Cell::text(plan_says)) else {
        return false;
    };
    matches!(read_date(cell), DateCell::Date(date) if as_known_month(date, &[plan]) == plan)
}

/// A text cut to `max` characters, for quoting the feed in a message.
fn quoted(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    format!("\"{out}\"")
}

impl Reader {
    fn words(&self, text: &Text) -> String {
        let lang = self.working.default_lang();
        text.get(lang, lang).text.to_owned()
    }

    /// The row is new to this import, or the row it repeats.
    fn first_time(&mut self, place: Place, number: usize) -> Result<(), usize> {
        match self.seen.get(&place) {
            Some(&earlier) => Err(earlier),
            None => {
                self.seen.insert(place, number);
                Ok(())
            }
        }
    }

    /// Applies the row's edits to the working feed, each with its words.
    fn accept(&mut self, edits: Vec<Edit>) -> RowOutcome {
        if edits.is_empty() {
            return RowOutcome::Unchanged;
        }
        let mut changes = Vec::new();
        for edit in edits {
            let before = self.working.clone();
            // The edits name places just found in this same feed, so they cannot miss; if one
            // ever did, the row would say so rather than claim a change.
            if let Err(error) = apply(&mut self.working, edit.clone()) {
                self.working = before;
                return RowOutcome::Refused(vec![error.to_string()]);
            }
            let words = describe_changes(&before, &self.working).join("; ");
            changes.push(Change { edit, words });
        }
        RowOutcome::Changed(changes)
    }

    fn measure_row(&mut self, columns: &Columns, row: &[Cell], number: usize) -> Read {
        let cell = |header| columns.get(row, header);
        let reference = cell("Action ref").map(read_text).unwrap_or_default();
        if reference.is_empty() {
            return refused("the action ref is empty: copy it from the plan (1.1, 2.3…)".into());
        }
        let found = self.working.current_plan().and_then(|plan| {
            plan.workstreams.iter().enumerate().find_map(|(w, ws)| {
                ws.actions
                    .iter()
                    .position(|a| a.reference == reference)
                    .map(|a| (w, a, ws.actions[a].measures.len()))
            })
        });
        let Some((w, a, count)) = found else {
            return refused(format!("action ref \"{reference}\" is not in the plan"));
        };
        let shown = cell("Measure number")
            .map(Cell::display)
            .unwrap_or_default();
        let Some(n) = cell("Measure number").and_then(read_count) else {
            return refused(format!(
                "measure number \"{shown}\" is not a whole number from 1"
            ));
        };
        if n > count {
            return refused(format!(
                "action {reference} has {count} measure{}: there is no measure {n}",
                if count == 1 { "" } else { "s" }
            ));
        }
        let at = MeasureAt {
            workstream: w,
            action: a,
            measure: n - 1,
        };
        if let Err(earlier) = self.first_time(Place::Measure(at), number) {
            return refused(format!(
                "action {reference}, measure {n} is also on row {earlier}: keep one row for it"
            ));
        }
        let Some(measure) = crate::edit::measure(&self.working, at).cloned() else {
            return refused(format!("action {reference} has no measure {n}"));
        };
        let mut problems = Vec::new();
        let mut edits = Vec::new();
        for (header, plan_says) in [
            ("Measure text", self.words(&measure.text)),
            ("Deadline", measure.deadline.clone()),
        ] {
            if let Some(typed) = cell(header) {
                let same = same_words(&read_text(typed), &plan_says)
                    || header == "Deadline" && same_date(typed, &plan_says);
                if !same {
                    problems.push(format!(
                        "the {} is not the plan's ({}): a sheet cannot change it; put it back as it was, or change it in the feed",
                        header.to_lowercase(),
                        quoted(&plan_says, 60)
                    ));
                }
            }
        }
        if let Some(typed) = cell("Status") {
            match read_status(typed) {
                Err(problem) => problems.push(problem),
                Ok(status) if status != measure.status => {
                    edits.push(Edit::MeasureStatus { at, status });
                }
                Ok(_) => {}
            }
        }
        if let Some(typed) = cell("Evidence") {
            let typed = read_text(typed);
            let now = measure
                .evidence
                .as_ref()
                .map(|e| self.words(e))
                .unwrap_or_default();
            if !same_words(&typed, &now) {
                edits.push(Edit::MeasureEvidence {
                    at,
                    evidence: (!typed.is_empty()).then_some(typed),
                });
            }
        }
        if let Some(typed) = cell("Confirmed on") {
            let date = match read_date(typed) {
                DateCell::Blank => Ok(None),
                DateCell::Date(date) if date.first_day() > self.today => Err(format!(
                    "confirmed on {date} is in the future: type the day the status was confirmed"
                )),
                DateCell::Date(date) => Ok(Some(date)),
                DateCell::Problem(problem) => Err(format!("confirmed on {problem}")),
            };
            match date {
                Err(problem) => problems.push(problem),
                Ok(date) if date != measure.status_date => {
                    edits.push(Edit::MeasureStatusDate { at, date });
                }
                Ok(_) => {}
            }
        }
        if !problems.is_empty() {
            return (RowOutcome::Refused(problems), Vec::new());
        }
        let mut notes = Vec::new();
        let reports = edits
            .iter()
            .any(|e| matches!(e, Edit::MeasureStatus { .. } | Edit::MeasureEvidence { .. }));
        let dated = edits
            .iter()
            .any(|e| matches!(e, Edit::MeasureStatusDate { .. }));
        if reports && !dated && columns.has("Confirmed on") {
            notes.push(format!(
                "action {reference}, measure {n}: the status or evidence changed but \"confirmed on\" did not: put the day it was confirmed there (the tracker says \"not updated since\" from that date)"
            ));
        }
        // The sheet holds the evidence in the feed's first language only; its translations are
        // kept as they were, and would still say the old words.
        let retold = edits
            .iter()
            .any(|e| matches!(e, Edit::MeasureEvidence { .. }));
        if let (true, Some(Text::Translated(map))) = (retold, &measure.evidence) {
            let first = self.working.default_lang();
            let others: Vec<String> = map
                .keys()
                .filter(|lang| lang.as_str() != first)
                .map(|lang| crate::edit::language_names::language_name(lang))
                .collect();
            if !others.is_empty() {
                notes.push(format!(
                    "action {reference}, measure {n}: the evidence changed, and its {} still says the old words: update it in the editor",
                    if others.len() == 1 {
                        format!("{} translation", others[0])
                    } else {
                        format!("{} translations", others.join(" and "))
                    }
                ));
            }
        }
        (self.accept(edits), notes)
    }

    fn figure_row(&mut self, columns: &Columns, row: &[Cell], number: usize) -> Read {
        let cell = |header| columns.get(row, header);
        let id = cell("Indicator id").map(read_text).unwrap_or_default();
        if id.is_empty() {
            return refused(
                "the indicator id is empty: copy it from an exported figures sheet".into(),
            );
        }
        let Some(indicator) = self.working.indicator(&id).cloned() else {
            return refused(format!("indicator \"{id}\" is not in the feed"));
        };
        let known: Vec<PartialDate> = indicator.actual.iter().map(|p| p.period).collect();
        let period = match cell("Period").map(read_date) {
            None | Some(DateCell::Blank) => {
                return refused("the period is empty: write the month or year the figure is for, for example 2026-11".into())
            }
            Some(DateCell::Problem(problem)) => return refused(format!("period {problem}")),
            Some(DateCell::Date(date)) => as_known_month(date, &known),
        };
        if period.first_day() > self.today {
            return refused(format!(
                "period {period} is in the future: figures are for periods that have begun"
            ));
        }
        if let Err(earlier) = self.first_time(Place::Figure(id.clone(), period), number) {
            return refused(format!(
                "the figure for {id}, {period} is also on row {earlier}: keep one row for it"
            ));
        }
        let index = known.iter().position(|&p| p == period);
        let value_cell = cell("Value").unwrap_or(&Cell::Empty);
        if value_cell.is_blank() {
            return match index {
                // A row made ready for a figure that is not known yet.
                None => (RowOutcome::Unchanged, Vec::new()),
                Some(_) => refused(format!(
                    "the value for {id}, {period} is empty: a sheet cannot remove a figure; put it back, or remove it in the editor"
                )),
            };
        }
        let value = match read_number(value_cell, indicator.unit == Unit::Percent, "value") {
            Ok(value) => value,
            Err(problem) => return refused(problem),
        };
        let old = index.map(|i| indicator.actual[i].clone());
        let lang = self.working.default_lang().to_owned();
        let old_note = old.as_ref().and_then(|p| p.note.clone());
        let note = match cell("Note") {
            None => old_note.clone(),
            Some(typed) => {
                let typed = read_text(typed);
                let now = old_note.as_ref().map(|n| self.words(n)).unwrap_or_default();
                if same_words(&typed, &now) {
                    old_note.clone()
                } else {
                    set_text(old_note.clone(), &lang, Some(&typed))
                }
            }
        };
        let figure = Point {
            period,
            value,
            note,
        };
        let edit = match (index, old) {
            (Some(index), Some(old)) => {
                let same_value = (old.value - value).abs() <= 1e-9 * old.value.abs().max(1.0);
                if same_value && old.note == figure.note {
                    return (RowOutcome::Unchanged, Vec::new());
                }
                let figure = Point {
                    value: if same_value { old.value } else { value },
                    ..figure
                };
                Edit::ChangeFigure {
                    indicator: id,
                    index,
                    figure,
                }
            }
            _ => Edit::AddFigure {
                indicator: id,
                figure,
            },
        };
        (self.accept(vec![edit]), Vec::new())
    }
}
