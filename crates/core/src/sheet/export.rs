//! The two sheets an export writes: one row a measure, and one row an indicator figure.
//!
//! "What families see now" comes from the termly update's rows ([`crate::edit::termly`]), which
//! use the tracker's own [`crate::status::derive_status`] and words: the sheet never works a
//! status out for itself.

use super::cells::status_choices;
use super::{Cell, Column, Table, FIGURES_SHEET, FIGURE_HEADERS, MEASURES_SHEET, MEASURE_HEADERS};
use crate::edit::termly::termly_update;
use crate::edit::{measure, status_from_code, status_words};
use crate::feed::Feed;
use chrono::NaiveDate;

/// The widths (in characters) and wrapping of the measures sheet's columns.
const MEASURE_LAYOUT: [(f64, bool); 10] = [
    (28.0, true),
    (10.0, false),
    (10.0, false),
    (50.0, true),
    (20.0, true),
    (24.0, true),
    (14.0, false),
    (50.0, true),
    (14.0, false),
    (36.0, true),
];

const FIGURE_LAYOUT: [(f64, bool); 5] = [
    (30.0, false),
    (40.0, true),
    (10.0, false),
    (10.0, false),
    (60.0, true),
];

fn columns(headers: &[&'static str], layout: &[(f64, bool)]) -> Vec<Column> {
    headers
        .iter()
        .zip(layout)
        .map(|(&header, &(width, wrap))| Column {
            header,
            width,
            wrap,
            choices: if header == "Status" {
                status_choices()
            } else {
                Vec::new()
            },
        })
        .collect()
}

/// The measures sheet: every measure in plan order, with "what families see" on `today`.
pub fn measures_table(feed: &Feed, today: NaiveDate) -> Table {
    let mut rows = Vec::new();
    for workstream in termly_update(feed, today) {
        for action in &workstream.actions {
            for row in &action.measures {
                let at = crate::edit::MeasureAt {
                    workstream: row.workstream,
                    action: row.action,
                    measure: row.measure,
                };
                let confirmed = measure(feed, at)
                    .and_then(|m| m.status_date)
                    .map_or(Cell::Empty, |d| Cell::Text(d.to_string()));
                let status = status_from_code(&row.status)
                    .map_or(Cell::Empty, |s| Cell::text(status_words(s)));
                rows.push(vec![
                    Cell::text(workstream.title.clone()),
                    Cell::text(row.action_ref.clone()),
                    Cell::Number((row.measure + 1) as f64),
                    Cell::text(row.text.clone()),
                    Cell::text(row.deadline.clone()),
                    Cell::text(row.leads.join("; ")),
                    status,
                    Cell::text(row.evidence.clone()),
                    confirmed,
                    Cell::text(row.family_sees.clone()),
                ]);
            }
        }
    }
    Table {
        name: MEASURES_SHEET,
        columns: columns(&MEASURE_HEADERS, &MEASURE_LAYOUT),
        rows,
    }
}

/// The figures sheet: every actual figure of every indicator, in feed order.
pub fn figures_table(feed: &Feed) -> Table {
    let lang = feed.default_lang();
    let words = |t: &crate::text::Text| t.get(lang, lang).text.to_owned();
    let rows = feed
        .indicators
        .iter()
        .flat_map(|indicator| {
            indicator.actual.iter().map(move |point| {
                vec![
                    Cell::text(indicator.id.clone()),
                    Cell::text(words(&indicator.title)),
                    Cell::Text(point.period.to_string()),
                    Cell::Number(point.value),
                    point
                        .note
                        .as_ref()
                        .map_or(Cell::Empty, |n| Cell::text(words(n))),
                ]
            })
        })
        .collect();
    Table {
        name: FIGURES_SHEET,
        columns: columns(&FIGURE_HEADERS, &FIGURE_LAYOUT),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made-up test data.
    const FEED: &str = r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-11-01","languages":["en"],
      "plan":{"title":"Plan","label":"Plan","workstreams":[{"id":"w","title":"Made-up workstream","leads":["Lead A"],"actions":[
        {"ref":"1.1","title":"A","measures":[{"text":"M1","deadline":"December 2027","status":"on_track","status_date":"2026-11"},
          {"text":"M2","deadline":"January 2026"}]}]}]},
      "indicators":[{"id":"wait","title":"Made-up waiting list","unit":"number","better":"lower","source":"Made up",
        "actual":[{"period":"2024-01","value":200,"note":"made up"}]}]}"#;

    #[test]
    fn a_row_a_measure_with_what_families_see() {
        let feed = crate::parse_feed(FEED).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let table = measures_table(&feed, today);
        let headers: Vec<_> = table.columns.iter().map(|c| c.header).collect();
        assert_eq!(headers, MEASURE_HEADERS);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(
            table.rows[0],
            [
                Cell::text("Made-up workstream"),
                Cell::text("1.1"),
                Cell::Number(1.0),
                Cell::text("M1"),
                Cell::text("December 2027"),
                Cell::text("Lead A"),
                Cell::text("On track"),
                Cell::Empty,
                Cell::text("2026-11"),
                Cell::text("On track"),
            ]
        );
        assert_eq!(table.rows[1][2], Cell::Number(2.0));
        assert_eq!(table.rows[1][9], Cell::text("No update since the deadline"));
        assert_eq!(
            table.columns[6].choices,
            [
                "Complete",
                "On track",
                "At risk",
                "Off track",
                "Not started",
                "Ongoing"
            ]
        );
        let figures = figures_table(&feed);
        assert_eq!(
            figures.rows,
            [[
                Cell::text("wait"),
                Cell::text("Made-up waiting list"),
                Cell::text("2024-01"),
                Cell::Number(200.0),
                Cell::text("made up"),
            ]]
        );
    }
}
