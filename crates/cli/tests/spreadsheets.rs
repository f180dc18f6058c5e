//! `sendfeed export` and `sendfeed import` through real files: an XLSX written by
//! rust_xlsxwriter and read back by calamine, one as Excel re-saves it (floats, date cells,
//! trailing spaces), a CSV with a byte-order mark and CRLF line ends; exit codes and the list.
//!
//! The feed is the sample feed, copied; every value the tests type in is made up and says so.

use calamine::{Data, Reader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../www/feed/tower-hamlets.json"
);
const TODAY: &str = "2026-12-01";

fn sendfeed(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sendfeed"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A folder of its own for each test, with a copy of the sample feed.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("sendfeed-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(SAMPLE, dir.join("feed.json")).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_owned()
    }

    fn feed(&self) -> String {
        std::fs::read_to_string(self.0.join("feed.json")).unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn sheet(path: &str, name: &str) -> Vec<Vec<Data>> {
    let mut workbook = calamine::open_workbook_auto(Path::new(path)).unwrap();
    let range = workbook.worksheet_range(name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn export_both(scratch: &Scratch) -> String {
    let xlsx = scratch.path("plan.xlsx");
    let feed = scratch.path("feed.json");
    let out = sendfeed(&[
        "export",
        &feed,
        "--measures",
        &xlsx,
        "--figures",
        &xlsx,
        "--today",
        TODAY,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    xlsx
}

#[test]
fn export_writes_both_sheets_that_calamine_reads_back() {
    let scratch = Scratch::new("export");
    let xlsx = export_both(&scratch);
    let feed = send_core::parse_feed(&scratch.feed()).unwrap();
    let figures: usize = feed.indicators.iter().map(|i| i.actual.len()).sum();
    let measures = sheet(&xlsx, "Measures");
    assert_eq!(measures.len(), 1 + 79, "a header and a row a measure");
    let header: Vec<String> = measures[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header,
        [
            "Workstream",
            "Action ref",
            "Measure number",
            "Measure text",
            "Deadline",
            "Leads",
            "Status",
            "Evidence",
            "Confirmed on",
            "What families see now"
        ]
    );
    assert_eq!(measures[1][1], Data::String("1.1".into()));
    assert_eq!(measures[1][2], Data::Float(1.0));
    assert_eq!(sheet(&xlsx, "Figures").len(), 1 + figures);

    // The same, as CSV: a byte-order mark, CRLF line ends.
    let csv = scratch.path("measures.csv");
    let out = sendfeed(&[
        "export",
        &scratch.path("feed.json"),
        "--measures",
        &csv,
        "--today",
        TODAY,
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("written, Measures (79 measures)"));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{feff}Workstream,Action ref,".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.matches("\r\n").count(), text.matches('\n').count());
}

#[test]
fn a_sheet_read_back_unchanged_changes_nothing() {
    let scratch = Scratch::new("round-trip");
    let before = scratch.feed();
    let xlsx = export_both(&scratch);
    let feed = scratch.path("feed.json");
    let out = sendfeed(&["import", &xlsx, "--into", &feed, "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("0 changes from 0 rows; 0 rows refused;"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("nothing to change, not written"));
    let csv = scratch.path("figures.csv");
    sendfeed(&["export", &feed, "--figures", &csv]);
    let out = sendfeed(&["import", &csv, "--into", &feed, "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(scratch.feed(), before);
}

/// The exported measures sheet written again as Excel re-saves it after an officer's edits:
/// every number a float, dates typed as date cells, text with trailing spaces.
fn resave_as_excel(from: &str, to: &str, edit: impl Fn(usize, usize, Data) -> Data) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let dates = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = workbook.add_worksheet();
    sheet.set_name("Measures").unwrap();
    for (r, row) in self::sheet(from, "Measures").into_iter().enumerate() {
        for (c, cell) in row.into_iter().enumerate() {
            let (r32, c16) = (r as u32, c as u16);
            match edit(r, c, cell) {
                Data::String(text) => {
                    sheet.write_string(r32, c16, format!("{text} ")).unwrap();
                }
                Data::Float(n) => {
                    sheet.write_number(r32, c16, n).unwrap();
                }
                Data::DateTimeIso(day) => {
                    let (y, rest) = day.split_at(4);
                    let date = ExcelDateTime::from_ymd(
                        y.parse().unwrap(),
                        rest[1..3].parse().unwrap(),
                        rest[4..6].parse().unwrap(),
                    )
                    .unwrap();
                    sheet
                        .write_datetime_with_format(r32, c16, &date, &dates)
                        .unwrap();
                }
                _ => {}
            }
        }
    }
    workbook.save(to).unwrap();
}

#[test]
fn three_cells_changed_in_excel_are_exactly_three_changes() {
    let scratch = Scratch::new("three");
    let before = scratch.feed();
    let xlsx = export_both(&scratch);
    let resaved = scratch.path("resaved.xlsx");
    // Made up: row 2's status, row 3's evidence, row 4's "confirmed on" typed as a date.
    resave_as_excel(&xlsx, &resaved, |r, c, cell| match (r, c) {
        (1, 6) => Data::String("on track".into()),
        (2, 7) => Data::String("Made-up evidence for a test".into()),
        (3, 8) => Data::DateTimeIso("2026-11-30".into()),
        _ => cell,
    });
    let feed = scratch.path("feed.json");
    let out = sendfeed(&[
        "import",
        &resaved,
        "--into",
        &feed,
        "--dry-run",
        "--today",
        TODAY,
    ]);
    let printed = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{printed}");
    let changes: Vec<&str> = printed
        .lines()
        .skip_while(|l| *l != "Will change:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert_eq!(
        changes,
        [
            "  row 2: Action 1.1, measure 1: status recorded: On track",
            "  row 3: Action 1.1, measure 2: evidence added",
            "  row 4: Action 1.1, measure 3: confirmed on 30 November 2026",
        ],
        "{printed}"
    );
    assert!(printed.contains("Dry run: nothing written."));
    assert_eq!(scratch.feed(), before, "a dry run writes nothing");

    let out = sendfeed(&["import", &resaved, "--into", &feed, "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("feed.json: written, 3 changes"));
    let after = scratch.feed();
    let old: Vec<&str> = before.lines().collect();
    let added: Vec<&str> = after.lines().filter(|l| !old.contains(l)).collect();
    assert!(
        added.iter().any(|l| l.contains("\"status\": \"on_track\"")),
        "{added:#?}"
    );
    assert!(added
        .iter()
        .any(|l| l.contains("\"evidence\": \"Made-up evidence for a test\"")));
    assert!(added
        .iter()
        .any(|l| l.contains("\"status_date\": \"2026-11-30\"")));
    // Only the measures those rows name changed: the rest of the file is as it was.
    let (a, b) = (
        send_core::parse_feed(&before).unwrap(),
        send_core::parse_feed(&after).unwrap(),
    );
    assert_eq!(send_core::edit::describe_changes(&a, &b).len(), 3);
}

/// The exported measures CSV with `edit` applied to its text, kept with its BOM and CRLF.
fn edited_csv(scratch: &Scratch, edit: impl Fn(String) -> String) -> String {
    let csv = scratch.path("measures.csv");
    let out = sendfeed(&[
        "export",
        &scratch.path("feed.json"),
        "--measures",
        &csv,
        "--today",
        TODAY,
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = edit(std::fs::read_to_string(&csv).unwrap());
    assert!(text.starts_with('\u{feff}') && text.contains("\r\n"));
    std::fs::write(&csv, text).unwrap();
    csv
}

#[test]
fn a_refused_row_writes_nothing_unless_partial() {
    let scratch = Scratch::new("refused");
    let before = scratch.feed();
    let first = "Agreed single advice template in use,January 2022,";
    // Made up: row 2's status "done" (not allowed), row 3's status complete (allowed).
    let csv = edited_csv(&scratch, |text| {
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
        assert!(lines[1].contains(first), "{}", lines[1]);
        lines[1] = lines[1].replacen(",,,,", ",done,,,", 1);
        lines[2] = lines[2].replacen(",,,,", ",Complete,,,", 1);
        lines.join("\r\n")
    });
    let feed = scratch.path("feed.json");
    let out = sendfeed(&["import", &csv, "--into", &feed, "--today", TODAY]);
    let printed = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{printed}");
    assert!(printed.contains("Refused (these rows change nothing):\n  row 2: status \"done\" is not one of: complete, on track, at risk, off track, not started, ongoing\n"), "{printed}");
    assert!(printed.contains("  row 3: Action 1.1, measure 2: status recorded: Complete"));
    assert!(printed.contains("Nothing written: fix the refused rows"));
    assert_eq!(scratch.feed(), before);

    let out = sendfeed(&[
        "import",
        &csv,
        "--into",
        &feed,
        "--partial",
        "--today",
        TODAY,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("written, 1 change (the refused rows left out)"));
    let after = send_core::parse_feed(&scratch.feed()).unwrap();
    let measures = &after.current_plan().unwrap().workstreams[0].actions[0].measures;
    assert_eq!(measures[0].status, None);
    assert_eq!(measures[1].status, Some(send_core::feed::Status::Complete));
}

#[test]
fn wrong_use_exits_2() {
    let scratch = Scratch::new("usage");
    let feed = scratch.path("feed.json");
    let not_a_sheet = scratch.path("notes.csv");
    std::fs::write(&not_a_sheet, "Name,Total\r\nMade up,1\r\n").unwrap();
    let text_file = scratch.path("notes.txt");
    std::fs::write(&text_file, "x").unwrap();
    for args in [
        vec!["export", &feed],
        vec!["export", &feed, "--measures", "out.pdf"],
        vec!["export", &feed, "--measures", "a.csv", "--figures", "a.csv"],
        vec!["import", &not_a_sheet],
        vec!["import", &text_file, "--into", &feed],
        vec!["import", "/no/such/sheet.xlsx", "--into", &feed],
        vec!["import", &not_a_sheet, "--into", &feed],
        vec![
            "import",
            &not_a_sheet,
            "--into",
            &feed,
            "--today",
            "1/12/2026",
        ],
    ] {
        let out = sendfeed(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = sendfeed(&["import", &not_a_sheet, "--into", &feed]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("export one with sendfeed export"));
    // A broken feed is the feed's error, as for validate: exit 1.
    let broken = scratch.path("broken.json");
    std::fs::write(&broken, "{\"version\": 1,}").unwrap();
    assert_eq!(
        sendfeed(&["import", &not_a_sheet, "--into", &broken])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        sendfeed(&["export", &broken, "--measures", &scratch.path("m.csv")])
            .status
            .code(),
        Some(1)
    );
}

/// Made up: a feed that is not the sample (tests/fixtures/other-feed/), in English and Polish,
/// with two workstreams, ids with dots and slashes, no `audience` on its pathway and no `logic`
/// spelt out where it is "all" by default... except where the file spells it out.
const OTHER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/other-feed/made-up-en-pl.json"
);

#[test]
fn fmt_and_import_add_no_member_the_feed_left_out() {
    let scratch = Scratch::new("other-feed");
    let feed = scratch.path("feed.json");
    std::fs::copy(OTHER, &feed).unwrap();
    let out = sendfeed(&["fmt", &feed]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let laid_out = scratch.feed();
    // fmt changes no value: it adds no empty audience, and no logic the file did not write.
    assert!(!laid_out.contains("\"audience\""), "{laid_out}");
    assert_eq!(laid_out.matches("\"logic\"").count(), 2, "{laid_out}");
    let out = sendfeed(&["fmt", "--check", &feed]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // Made up: workstream B's second measure (row 7) recorded as at risk.
    let csv = edited_csv(&scratch, |text| {
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
        assert!(
            lines[6].starts_with("Made-up workstream B,B1,2,"),
            "{}",
            lines[6]
        );
        lines[6] = lines[6].replacen(
            ",2027-01,Made-up lead D,,",
            ",2027-01,Made-up lead D,at risk,",
            1,
        );
        lines.join("\r\n")
    });
    let out = sendfeed(&["import", &csv, "--into", &feed, "--today", TODAY]);
    let printed = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{printed}");
    assert!(
        printed.contains("  row 7: Action B1, measure 2: status recorded: At risk\n"),
        "{printed}"
    );
    assert!(!printed.contains("canonical layout"), "{printed}");
    let after = scratch.feed();
    let changed: Vec<(&str, &str)> = laid_out
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(laid_out.lines().count(), after.lines().count());
    assert_eq!(
        changed,
        [(
            r#"                { "text": "Made-up measure six", "deadline": "2027-01" }"#,
            r#"                { "text": "Made-up measure six", "deadline": "2027-01", "status": "at_risk" }"#
        )]
    );
}
