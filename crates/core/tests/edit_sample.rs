//! The editor on the real sample feed: opening it and downloading without a change gives the
//! sample byte for byte, and a termly update changes only what it names.
#![cfg(feature = "edit")]

use send_core::edit::form::DateFields;
use send_core::edit::{write_feed, MeasureAt, Session};

const SAMPLE: &str = include_str!("../../../www/feed/tower-hamlets.json");

fn day(text: &str) -> chrono::NaiveDate {
    send_core::date::parse_day(text).unwrap()
}

#[test]
fn the_sample_is_in_the_canonical_layout() {
    let feed = send_core::parse_feed(SAMPLE).unwrap();
    assert!(
        write_feed(&feed) == SAMPLE,
        "the sample feed is not in the canonical layout: run `cargo run -p send-cli -- fmt www/feed/tower-hamlets.json`"
    );
    let session = Session::open(SAMPLE).unwrap();
    assert_eq!(session.current_text(), SAMPLE);
    assert!(session.changes().is_empty());
}

#[test]
fn a_termly_update_of_the_sample_changes_only_those_lines() {
    let today = day("2026-12-01");
    let mut session = Session::open(SAMPLE).unwrap();
    let groups = session.termly_update(today);
    let rows: Vec<_> = groups
        .iter()
        .flat_map(|w| w.actions.iter().flat_map(|a| a.measures.iter()))
        .collect();
    assert_eq!(rows.len(), 79, "every measure of the plan is listed");
    assert!(rows
        .iter()
        .all(|r| !r.action_ref.is_empty() && !r.deadline.is_empty()));
    let first = MeasureAt {
        workstream: 0,
        action: 0,
        measure: 0,
    };
    let row = session.set_status(first, "complete", today).unwrap();
    assert_eq!(row.family_sees, "Complete");
    session
        .set_evidence(
            first,
            "Reported to the SEND board (made-up test evidence)",
            today,
        )
        .unwrap();
    let publication = session.publish(today);
    assert!(
        publication.check.errors.is_empty(),
        "{:?}",
        publication.check
    );
    assert_eq!(publication.file_name, "send-feed-2026-12-01.json");
    // Lines gone and lines new, as a diff would show them: `updated`, and the one measure
    // (a short measure is one line; with evidence it has a member a line).
    let (gone, new) = line_changes(SAMPLE, &publication.text);
    assert_eq!(gone.len(), 2, "{gone:#?}");
    assert!(gone[0].contains("\"updated\": \"2026-11-22\""));
    assert!(gone[1].contains("Agreed single advice template in use"));
    assert!(new.len() <= 8, "{new:#?}");
    assert!(new
        .iter()
        .any(|l| l.contains("\"updated\": \"2026-12-01\"")));
    assert!(new.iter().any(|l| l.contains("\"status\": \"complete\"")));
    assert!(publication
        .changes
        .iter()
        .any(|c| c.starts_with("Action 1.1, measure 1: status")));

    // A bad date stays out of the feed and blocks the download.
    let bad = DateFields {
        day: "31".into(),
        month: "2".into(),
        year: "2026".into(),
    };
    session.set_confirmed_on(first, &bad, today).unwrap();
    assert!(session.publish(today).text.is_empty());
}

/// Lines of `a` missing from `b`, and lines of `b` missing from `a`, counting repeats.
fn line_changes<'a>(a: &'a str, b: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    use std::collections::HashMap;
    let count = |text: &'a str| {
        let mut map: HashMap<&str, i32> = HashMap::new();
        for line in text.lines() {
            *map.entry(line).or_default() += 1;
        }
        map
    };
    let (ca, cb) = (count(a), count(b));
    let missing = |text: &'a str, mine: &HashMap<&str, i32>, other: &HashMap<&str, i32>| {
        let mut seen: HashMap<&str, i32> = HashMap::new();
        text.lines()
            .filter(|line| {
                let n = seen.entry(line).or_default();
                *n += 1;
                *n > other.get(line).copied().unwrap_or(0) && mine[line] > 0
            })
            .collect::<Vec<_>>()
    };
    (missing(a, &ca, &cb), missing(b, &cb, &ca))
}
