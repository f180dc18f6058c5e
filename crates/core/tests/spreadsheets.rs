//! Spreadsheets out and back in (issue 15), on the cells a file holds: the sample feed's sheets
//! read back unchanged change nothing; three changed cells are exactly three changes; each kind
//! of refusal is said in words and changes nothing. The CLI's tests do the same through real
//! XLSX and CSV files.
#![cfg(feature = "sheet")]

use send_core::edit::{describe_changes, write_feed};
use send_core::sheet::{
    figures_table, measures_table, plan_import, Cell, ImportPlan, RowOutcome, SheetInput,
    MEASURE_HEADERS,
};
use send_core::Feed;

const SAMPLE: &str = include_str!("../../../www/feed/tower-hamlets.json");

fn day(text: &str) -> chrono::NaiveDate {
    send_core::date::parse_day(text).unwrap()
}

fn today() -> chrono::NaiveDate {
    day("2026-12-01")
}

/// Made-up test data: no council's plan or figures.
const MADE_UP: &str = r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-11-01","languages":["en","bn"],
  "plan":{"title":"Made-up plan","label":"Plan","workstreams":[{"id":"w","title":"Made-up workstream","leads":["Lead A"],"actions":[
    {"ref":"1.1","title":"A","measures":[
      {"text":"Made-up measure one","deadline":"December 2027","status":"on_track","status_date":"2026-11"},
      {"text":"Made-up measure two","deadline":"January 2026","evidence":{"en":"Made-up report","bn":"বানানো প্রতিবেদন"}}]},
    {"ref":"1.2","title":"B","measures":[{"text":"Made-up measure three","deadline":"Termly"}]}]}]},
  "indicators":[{"id":"wait","title":"Made-up waiting list","unit":"number","better":"lower","source":"Made up",
    "actual":[{"period":"2024-01","value":200},{"period":"2024-03","value":180,"note":"made up"}]},
    {"id":"share","title":"Made-up share","unit":"percent","better":"higher","source":"Made up","actual":[{"period":"2023","value":48}]}]}"#;

fn made_up() -> Feed {
    send_core::parse_feed(MADE_UP).unwrap()
}

fn column(header: &str) -> usize {
    MEASURE_HEADERS.iter().position(|h| *h == header).unwrap()
}

fn import(feed: &Feed, sheets: &[SheetInput]) -> ImportPlan {
    plan_import(feed, sheets, today()).unwrap()
}

fn refusals(plan: &ImportPlan) -> Vec<String> {
    plan.rows
        .iter()
        .filter_map(|row| match &row.outcome {
            RowOutcome::Refused(reasons) => Some(format!("{}: {}", row.label, reasons.join(" | "))),
            _ => None,
        })
        .collect()
}

#[test]
fn the_sample_sheets_read_back_unchanged_change_nothing() {
    let feed = send_core::parse_feed(SAMPLE).unwrap();
    let measures = measures_table(&feed, today());
    let figures = figures_table(&feed);
    assert_eq!(measures.rows.len(), 79, "one row a measure of the plan");
    let points: usize = feed.indicators.iter().map(|i| i.actual.len()).sum();
    assert_eq!(figures.rows.len(), points, "one row a figure");
    let plan = import(&feed, &[measures.as_input(), figures.as_input()]);
    assert_eq!(plan.rows.len(), 79 + points);
    assert!(plan
        .rows
        .iter()
        .all(|r| r.outcome == RowOutcome::Unchanged && r.notes.is_empty()));
    assert_eq!(plan.changes().count(), 0);
    let mut after = feed.clone();
    plan.apply(&mut after).unwrap();
    assert_eq!(write_feed(&after), write_feed(&feed));
}

#[test]
fn three_changed_cells_are_exactly_three_changes() {
    let feed = send_core::parse_feed(SAMPLE).unwrap();
    let mut measures = measures_table(&feed, today()).as_input();
    // Rows 2 and 3 of the sheet are action 1.1's first two measures.
    measures.rows[1][column("Status")] = Cell::text("Complete");
    measures.rows[2][column("Evidence")] = Cell::text("Made-up evidence for a test ");
    let mut figures = figures_table(&feed).as_input();
    let with_figures = figures.rows.len() > 1;
    if with_figures {
        figures.rows[1][3] = Cell::Number(12345.0);
    } else {
        // The sample has no figures yet: the third cell is a second measure's status.
        measures.rows[3][column("Status")] = Cell::text("at risk");
    }
    let plan = import(&feed, &[measures, figures]);
    assert_eq!(plan.changes().count(), 3, "{:#?}", plan.lines());
    assert_eq!(plan.refused_rows(), 0);
    let lines = plan.lines();
    assert_eq!(lines[0], "Will change:");
    assert!(
        lines[1].starts_with("  Measures row 2: Action 1.1, measure 1: status recorded: Complete"),
        "{lines:#?}"
    );
    assert_eq!(
        lines[2],
        "  Measures row 3: Action 1.1, measure 2: evidence added"
    );
    assert_eq!(
        lines.last().unwrap(),
        &format!(
            "3 changes from 3 rows; 0 rows refused; {} rows unchanged.",
            plan.rows.len() - 3
        )
    );

    let mut after = feed.clone();
    plan.apply(&mut after).unwrap();
    assert_eq!(describe_changes(&feed, &after).len(), 3);
    // Exactly those three fields differ: the feed equals the original with them set by hand.
    let mut expected = feed.clone();
    let plan_of = expected.current_plan_mut().unwrap();
    let action = &mut plan_of.workstreams[0].actions[0];
    action.measures[0].status = Some(send_core::feed::Status::Complete);
    action.measures[1].evidence =
        Some(send_core::Text::Plain("Made-up evidence for a test".into()));
    if with_figures {
        let (i, _) = feed
            .indicators
            .iter()
            .enumerate()
            .flat_map(|(i, ind)| ind.actual.iter().map(move |p| (i, p)))
            .next()
            .unwrap();
        expected.indicators[i].actual[0].value = 12345.0;
    } else {
        plan_of_second(&mut expected);
    }
    assert_eq!(after, expected);
    // In the canonical layout the new values are there, each once.
    let new = write_feed(&after);
    assert_eq!(
        new.matches("\"status\": \"complete\"").count(),
        write_feed(&feed)
            .matches("\"status\": \"complete\"")
            .count()
            + 1
    );
    assert!(new.contains("\"evidence\": \"Made-up evidence for a test\""));
}

/// The sample's action 1.1, measure 3, at risk: the third change when the sample has no figure.
fn plan_of_second(feed: &mut Feed) {
    feed.current_plan_mut().unwrap().workstreams[0].actions[0].measures[2].status =
        Some(send_core::feed::Status::AtRisk);
}

#[test]
fn each_refusal_is_said_and_changes_nothing() {
    let feed = made_up();
    let table = measures_table(&feed, today());
    let base = table.as_input();
    let refused = |change: &dyn Fn(&mut Vec<Vec<Cell>>)| {
        let mut sheet = base.clone();
        change(&mut sheet.rows);
        let plan = import(&feed, &[sheet]);
        let mut after = feed.clone();
        plan.apply(&mut after).unwrap();
        assert_eq!(after, feed, "a refused row changes nothing");
        refusals(&plan)
    };
    let status = column("Status");
    assert_eq!(
        refused(&|rows| rows[2][status] = Cell::text("done")),
        ["row 3: status \"done\" is not one of: complete, on track, at risk, off track, not started, ongoing"]
    );
    assert_eq!(
        refused(&|rows| rows[1][column("Action ref")] = Cell::text("9.9")),
        ["row 2: action ref \"9.9\" is not in the plan"]
    );
    assert_eq!(
        refused(&|rows| rows[1][column("Measure number")] = Cell::Number(7.0)),
        ["row 2: action 1.1 has 2 measures: there is no measure 7"]
    );
    assert_eq!(
        refused(&|rows| rows[1][column("Measure number")] = Cell::text("first")),
        ["row 2: measure number \"first\" is not a whole number from 1"]
    );
    let confirmed = column("Confirmed on");
    assert_eq!(
        refused(&|rows| rows[1][confirmed] = Cell::text("31/02/2026")),
        ["row 2: confirmed on \"31/02/2026\" is not a real date"]
    );
    assert_eq!(
        refused(&|rows| rows[1][confirmed] = Cell::text("2027-01-05")),
        ["row 2: confirmed on 2027-01-05 is in the future: type the day the status was confirmed"]
    );
    let text = refused(&|rows| rows[1][column("Measure text")] = Cell::text("A better measure"));
    assert_eq!(text.len(), 1);
    assert!(text[0].starts_with("row 2: the measure text is not the plan's (\"Made-up measure one\"): a sheet cannot change it"), "{text:?}");
    let deadline = refused(&|rows| rows[3][column("Deadline")] = Cell::text("Monthly"));
    assert!(
        deadline[0].starts_with("row 4: the deadline is not the plan's (\"Termly\")"),
        "{deadline:?}"
    );
    // Every problem of a row is said at once, and its good cells change nothing either.
    let both = refused(&|rows| {
        rows[1][status] = Cell::text("Complete");
        rows[1][confirmed] = Cell::text("soon");
        rows[1][column("Deadline")] = Cell::text("June 2027");
    });
    assert_eq!(both.len(), 1);
    assert!(
        both[0].contains(" | confirmed on \"soon\" is not a date"),
        "{both:?}"
    );
    assert_eq!(
        refused(&|rows| rows.push(rows[1].clone())),
        ["row 5: action 1.1, measure 1 is also on row 2: keep one row for it"]
    );
}

#[test]
fn figure_refusals() {
    let feed = made_up();
    let base = figures_table(&feed).as_input();
    let refused = |row: Vec<Cell>| {
        let mut sheet = base.clone();
        sheet.rows.push(row);
        let plan = import(&feed, &[sheet]);
        let mut after = feed.clone();
        plan.apply(&mut after).unwrap();
        assert_eq!(after, feed);
        refusals(&plan)
    };
    let row = |id: &str, period: Cell, value: Cell| {
        vec![Cell::text(id), Cell::Empty, period, value, Cell::Empty]
    };
    assert_eq!(
        refused(row("wait", Cell::text("2024-04"), Cell::text("about 170"))),
        ["row 5: value \"about 170\" must be a number, for example 210, using digits only"]
    );
    assert_eq!(
        refused(row("waits", Cell::text("2024-04"), Cell::Number(1.0))),
        ["row 5: indicator \"waits\" is not in the feed"]
    );
    assert_eq!(
        refused(row("wait", Cell::text("2027-01"), Cell::Number(1.0))),
        ["row 5: period 2027-01 is in the future: figures are for periods that have begun"]
    );
    assert_eq!(
        refused(row("wait", Cell::text("2024-02-30"), Cell::Number(1.0))),
        ["row 5: period \"2024-02-30\" is not a real date"]
    );
    assert_eq!(
        refused(row("wait", Cell::text("2024-01"), Cell::Empty)),
        ["row 5: the figure for wait, 2024-01 is also on row 2: keep one row for it"]
    );
}

#[test]
fn figures_are_added_and_changed_as_excel_leaves_them() {
    let feed = made_up();
    let mut sheet = figures_table(&feed).as_input();
    // Excel re-saved: the month typed as 2024-03 is now a date cell, the value a float, the
    // note with a trailing space; a new figure for a month with a thousands separator; a
    // percentage typed with its sign; a row made ready for a figure not known yet.
    sheet.rows[2][2] = Cell::Date(day("2024-03-01"));
    sheet.rows[2][4] = Cell::text("made up ");
    sheet.rows[3][3] = Cell::text("52%");
    sheet.rows.push(vec![
        Cell::text("wait"),
        Cell::Empty,
        Cell::text("2024-02"),
        Cell::text("1,190"),
        Cell::Empty,
    ]);
    sheet.rows.push(vec![
        Cell::text("wait"),
        Cell::Empty,
        Cell::text("2024-04"),
        Cell::Empty,
        Cell::Empty,
    ]);
    let plan = import(&feed, &[sheet]);
    let words: Vec<_> = plan.changes().map(|c| c.words.clone()).collect();
    assert_eq!(
        words,
        [
            "Figure for Made-up share, 2023: 48% → 52%",
            "New figure for Made-up waiting list: 1190 (February 2024)",
        ]
    );
    let mut after = feed.clone();
    plan.apply(&mut after).unwrap();
    let periods: Vec<String> = after.indicators[0]
        .actual
        .iter()
        .map(|p| p.period.to_string())
        .collect();
    assert_eq!(
        periods,
        ["2024-01", "2024-02", "2024-03"],
        "in period order"
    );
}

#[test]
fn evidence_keeps_its_translations_and_a_sheet_without_headers_is_refused_whole() {
    let feed = made_up();
    let mut sheet = measures_table(&feed, today()).as_input();
    sheet.rows[2][column("Evidence")] = Cell::text("New made-up report");
    sheet.rows[2][column("Confirmed on")] = Cell::Number(46356.0); // 30 November 2026
    let plan = import(&feed, &[sheet]);
    // The sheet has the English only: the Bengali, kept, is said to need updating.
    let notes: Vec<&String> = plan.rows.iter().flat_map(|r| &r.notes).collect();
    assert!(
        notes.iter().any(|n| n.contains(
            "the evidence changed, and its Bengali translation still says the old words"
        )),
        "{notes:?}"
    );
    let mut after = feed.clone();
    plan.apply(&mut after).unwrap();
    let text = write_feed(&after);
    assert!(text.contains("\"en\": \"New made-up report\""), "{text}");
    assert!(text.contains("বানানো প্রতিবেদন"));
    assert!(text.contains("\"status_date\": \"2026-11-30\""));
    let nothing = SheetInput {
        name: "Sheet1".into(),
        first_row: 1,
        rows: vec![vec![Cell::text("Name"), Cell::text("Total")]],
    };
    let error = plan_import(&feed, &[nothing], today()).unwrap_err();
    assert!(error
        .to_string()
        .contains("starts with the measures sheet's headers"));
    assert!(
        !error.to_string().contains("sendfeed"),
        "the shells say how to get a sheet"
    );
}

#[test]
fn a_status_changed_without_its_date_is_noted() {
    let feed = made_up();
    let mut sheet = measures_table(&feed, today()).as_input();
    sheet.rows[1][column("Status")] = Cell::text("at risk");
    let plan = import(&feed, &[sheet]);
    assert_eq!(plan.changes().count(), 1);
    assert!(
        plan.rows[0].notes[0].contains("\"confirmed on\" did not"),
        "{:?}",
        plan.rows[0]
    );
}

#[test]
fn a_deadline_excel_turned_into_a_date_is_still_the_plans() {
    let feed = made_up();
    let mut sheet = measures_table(&feed, today()).as_input();
    let deadline = column("Deadline");
    // "December 2027" as Excel saves it in a CSV, and as a date cell; "January 2026" likewise.
    sheet.rows[1][deadline] = Cell::text("Dec-27");
    sheet.rows[2][deadline] = Cell::Date(day("2026-01-01"));
    let plan = import(&feed, &[sheet.clone()]);
    assert!(refusals(&plan).is_empty(), "{:?}", plan.lines());
    // Another month is another deadline.
    sheet.rows[1][deadline] = Cell::text("Nov-27");
    let refused = refusals(&import(&feed, &[sheet]));
    assert!(
        refused[0].starts_with("row 2: the deadline is not the plan's"),
        "{refused:?}"
    );
}
