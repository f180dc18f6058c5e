//! Data-driven validator tests: each folder in `fixtures/validate/` holds a `feed.json` and the
//! `expected.txt` diagnostics, one per line (`severity line:column code path | message`),
//! checked as of 2024-06-01. Set `BLESS=1` to write `expected.txt` for a new case, then read
//! it: a blessed file is only right once a person has checked every line.

use chrono::NaiveDate;
use send_core::validate::validate_feed;
use std::path::Path;

fn render(text: &str) -> String {
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let report = validate_feed(text, today);
    let mut out = String::new();
    for d in &report.diagnostics {
        assert!(!d.message.is_empty() && !d.fix.is_empty(), "{d:?}");
        out.push_str(&format!(
            "{} {}:{} {} {} | {}\n",
            d.severity.as_str(),
            d.line,
            d.column,
            d.code,
            if d.path.is_empty() { "-" } else { &d.path },
            d.message
        ));
    }
    out
}

#[test]
fn every_fixture_gives_its_expected_diagnostics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let text = std::fs::read_to_string(case.join("feed.json")).unwrap();
        let actual = render(&text);
        let expected_path = case.join("expected.txt");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                case.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_valid_fixture_and_the_sample_feed_have_no_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let valid =
        std::fs::read_to_string(root.join("tests/fixtures/validate/valid/feed.json")).unwrap();
    assert_eq!(render(&valid), "");
    let sample = std::fs::read_to_string(root.join("../../www/feed/tower-hamlets.json")).unwrap();
    let report = validate_feed(&sample, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    assert!(report.feed.is_some());
}
