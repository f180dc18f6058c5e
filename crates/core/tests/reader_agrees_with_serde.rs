//! The widgets read feeds with `send_core::read` (no serde-generated code, for a smaller wasm);
//! the feed types' serde derives still define the format. Every feed the repository has (the
//! sample, each validator fixture, the fuzzing seeds and regressions, and on a machine that has fuzzed, its whole corpus) must get the same answer
//! both ways: the same feed when it is valid, an error from both when it is not.
//! (`properties.rs` does the same for generated feeds, which round-trip through both.)

// Tests may use serde and chrono's parser: they never reach the wasm (see .clippy.toml).
#![allow(clippy::disallowed_methods)]

use send_core::feed::FORMAT_VERSION;
use send_core::parse::check_limits;
use send_core::{parse_feed, Feed};
use std::path::{Path, PathBuf};

fn feeds() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("www/feed/tower-hamlets.json")];
    let fixtures = root.join("crates/core/tests/fixtures/validate");
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        files.push(entry.unwrap().path().join("feed.json"));
    }
    for folder in ["crates/fuzz/regressions", "crates/fuzz/corpus/feed"] {
        if let Ok(entries) = std::fs::read_dir(root.join(folder)) {
            files.extend(entries.map(|e| e.unwrap().path()));
        }
    }
    files.retain(|f| f.is_file());
    files
}

/// What serde makes of the text, with the same limits and version rule as `parse_feed`.
fn by_serde(text: &str) -> Option<Feed> {
    check_limits(text).ok()?;
    let feed: Feed = serde_json::from_str(text).ok()?;
    (feed.version <= FORMAT_VERSION).then_some(feed)
}

#[test]
fn every_feed_in_the_repository_reads_the_same_both_ways() {
    let files = feeds();
    assert!(files.len() > 40, "only {} feeds found", files.len());
    let mut valid = 0;
    for file in &files {
        let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        let ours = parse_feed(&text);
        let theirs = by_serde(&text);
        match (&ours, &theirs) {
            (Ok(ours), Some(theirs)) => {
                assert_eq!(ours, theirs, "{}", file.display());
                valid += 1;
            }
            (Err(_), None) => {}
            _ => panic!(
                "{}: the reader says {:?}, serde says {}",
                file.display(),
                ours.as_ref().map(|_| "valid"),
                if theirs.is_some() { "valid" } else { "invalid" }
            ),
        }
    }
    assert!(valid >= 2, "only {valid} valid feeds compared");
}

/// Version 1 (one `plan`) and version 2 (`plans`) read the same plan, and migrating the first
/// gives the second.
#[test]
fn version_1_and_version_2_read_the_same_plan() {
    let v1 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/validate/valid/feed.json"
    ))
    .unwrap();
    let mut feed = send_core::parse_feed(&v1).unwrap();
    let plan = feed.current_plan().cloned().unwrap();
    assert_eq!(feed.plans().len(), 1);
    assert!(feed.migrate_to_v2());
    assert!(!feed.migrate_to_v2(), "a second migration changes nothing");
    assert_eq!(feed.version, 2);
    let mut migrated = feed.current_plan().cloned().unwrap();
    assert_eq!(migrated.id.as_deref(), Some("improvement-plan"));
    migrated.id = None;
    assert_eq!(migrated, plan);
    let v2 = serde_json::to_string(&feed).unwrap();
    assert_eq!(send_core::parse_feed(&v2).unwrap(), feed);
    assert_eq!(serde_json::from_str::<send_core::Feed>(&v2).unwrap(), feed);
}

// ---------------------------------------------------------------------------------------------
// Feed *text* mutated, both ways (issue 20, item 5). The feeds above and `properties.rs` only
// ever give the readers text that serde_json wrote, so neither sees `20.0` for a whole number,
// `1.` or `-01`, a byte order mark, a key written twice or an escape serde would not write.
// Here a feed is written out again by hand with such changes, and both readers must accept or
// refuse it alike, and give the same feed when they accept. proptest is already a
// dev-dependency (tests/properties.rs), so it picks the changes and shrinks a failure.

use proptest::prelude::*;
use serde_json::Value;

/// Made-up feed (not the council's): every kind of number a feed holds, whole (`version`,
/// `weeks`, `days`, ages) and not (figures), and texts in two languages with characters that
/// need escapes.
const MADE_UP: &str = r#"{
  "version": 2,
  "publisher": {"name": {"en": "Made-up Council \"Test\" / Ω", "bn": "পরীক্ষা"}},
  "updated": "2024-05-01",
  "languages": ["en", "bn"],
  "pathways": [{
    "id": "p", "title": "Made-up pathway", "audience": {"min_age": 0, "max_age": 25},
    "stages": [{"id": "s", "title": "Stage"}],
    "steps": [
      {"id": "a", "stage": "s", "title": "Ask\ttab\n", "typical_wait": {"en": "6 weeks"},
       "time_limit": {"weeks": 20, "days": 140, "text": "20 weeks"},
       "next": {"steps": ["b"]}},
      {"id": "b", "stage": "s", "title": "Done", "audience": {"min_age": 16}}
    ]
  }],
  "indicators": [{
    "id": "i", "title": "A figure", "unit": "percent", "better": "higher",
    "baseline": {"period": "2022", "value": 48.5},
    "target": {"text": "Up", "value": 1e2, "by": "2025"},
    "actual": [{"period": "2023", "value": -0.25}, {"period": "2024", "value": 12345678901234567890}],
    "source": "Made up"
  }]
}"#;

fn bases() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    vec![
        read("www/feed/tower-hamlets.json"),
        read("crates/core/tests/fixtures/validate/valid/feed.json"),
        MADE_UP.to_owned(),
    ]
}

/// One change to a feed's text. Indices pick a number, member or text, counted in document
/// order, modulo how many there are.
#[derive(Debug, Clone)]
enum Change {
    /// The number rewritten in one of [`number_forms`].
    Number(usize, usize),
    /// An object's member left out.
    Drop(usize),
    /// A member written twice: the same value, or `null` the second time.
    Twice(usize, bool),
    /// A text written another way (escaped differently) or with something added.
    Text(usize, usize),
    /// A byte order mark before the `n`th structural character (0: the very start).
    Bom(usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>()).prop_map(|(i, f)| Change::Number(i, f)),
        2 => any::<usize>().prop_map(Change::Drop),
        2 => (any::<usize>(), any::<bool>()).prop_map(|(i, same)| Change::Twice(i, same)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(i, f)| Change::Text(i, f)),
        1 => (0usize..4).prop_map(Change::Bom),
    ]
}

/// Ways to write a number, some JSON and some not: what an officer's tool or hand might write.
fn number_forms(n: &serde_json::Number) -> Vec<String> {
    let plain = n.to_string();
    let f = n.as_f64().unwrap_or_default();
    let mut forms = vec![
        plain.clone(),
        format!("{plain}.0"),
        format!("{f:e}"),
        format!("{f:E}").replace('E', "E+"),
        format!("{plain}."),
        format!("{plain}.e5"),
        format!("0{plain}"),
        format!("-{plain}"),
        format!("{plain}.5"),
        format!("{plain}e0"),
        format!("{plain}00000000000000000000"),
        format!("\"{plain}\""),
        "-0".into(),
        "-0.0".into(),
        "1e400".into(),
        "4294967296".into(),
        "256".into(),
        format!("{plain}e-2"),
        ".5".into(),
        format!("{f:.17}"),
    ];
    if let Some(rest) = plain.strip_prefix('-') {
        forms.push(format!("-0{rest}"));
    }
    forms
}

/// Ways to write a text: the same text escaped otherwise, or changed.
fn text_forms(text: &str) -> Vec<String> {
    let escaped = serde_json::to_string(text).unwrap();
    let inner = &escaped[1..escaped.len() - 1];
    let all_u: String = text
        .encode_utf16()
        .map(|unit| format!("\\u{unit:04x}"))
        .collect();
    vec![
        escaped.clone(),
        format!("\"{all_u}\""),
        format!("\"{}\"", inner.replace('/', "\\/")),
        format!("\"{inner}\\u00e9\\ud83d\\ude00\\n\\t\\\\\\\"\""),
        format!("\"{inner}\\ud800\""),
        format!("\"{inner}\\udc00x\""),
        format!("\"{inner}\\q\""),
        format!("\"{inner}\t\""),
        format!("\"{inner}\\u0000\""),
        format!("\"{inner}\\u00\""),
        format!("\"{inner}\u{feff}\""),
        format!("\"{inner}”\""),
        format!("'{inner}'"),
    ]
}

/// Counts of numbers, members and texts, in document order.
#[derive(Default)]
struct Counts {
    numbers: usize,
    members: usize,
    texts: usize,
}

fn count(value: &Value, counts: &mut Counts) {
    match value {
        Value::Number(_) => counts.numbers += 1,
        Value::String(_) => counts.texts += 1,
        Value::Array(items) => items.iter().for_each(|v| count(v, counts)),
        Value::Object(members) => {
            for v in members.values() {
                counts.members += 1;
                count(v, counts);
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

/// Writes `value` as JSON text with `change` made, counting as [`count`] does.
fn write(value: &Value, change: &Change, totals: &Counts, seen: &mut Counts, out: &mut String) {
    let pick = |i: usize, total: usize| (total > 0).then(|| i % total);
    match value {
        Value::Number(n) => {
            let here = seen.numbers;
            seen.numbers += 1;
            match change {
                Change::Number(i, form) if pick(*i, totals.numbers) == Some(here) => {
                    let forms = number_forms(n);
                    out.push_str(&forms[form % forms.len()]);
                }
                _ => out.push_str(&n.to_string()),
            }
        }
        Value::String(text) => {
            let here = seen.texts;
            seen.texts += 1;
            match change {
                Change::Text(i, form) if pick(*i, totals.texts) == Some(here) => {
                    let forms = text_forms(text);
                    out.push_str(&forms[form % forms.len()]);
                }
                _ => out.push_str(&serde_json::to_string(text).unwrap()),
            }
        }
        Value::Array(items) => {
            out.push('[');
            for (k, item) in items.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                write(item, change, totals, seen, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push_str("{\n");
            let mut first = true;
            for (key, item) in members {
                let here = seen.members;
                seen.members += 1;
                let hit = |i: &usize| pick(*i, totals.members) == Some(here);
                if matches!(change, Change::Drop(i) if hit(i)) {
                    // Still count what is inside, so later picks stay where they were.
                    count(item, seen);
                    continue;
                }
                if !first {
                    out.push_str(",\n");
                }
                first = false;
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push_str(": ");
                write(item, change, totals, seen, out);
                if let Change::Twice(i, same) = change {
                    if hit(i) {
                        out.push_str(",\n");
                        out.push_str(&serde_json::to_string(key).unwrap());
                        out.push_str(": ");
                        if *same {
                            out.push_str(&item.to_string());
                        } else {
                            out.push_str("null");
                        }
                    }
                }
            }
            out.push_str("\n}");
        }
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Null => out.push_str("null"),
    }
}

fn mutate(base: &str, changes: &[Change]) -> String {
    let value: Value = serde_json::from_str(base).expect("the bases are JSON");
    let mut text = String::new();
    let first = changes.first().cloned().unwrap_or(Change::Drop(usize::MAX));
    let mut totals = Counts::default();
    count(&value, &mut totals);
    write(&value, &first, &totals, &mut Counts::default(), &mut text);
    // Further changes apply to the text the first one made, read again (when it is JSON).
    for change in changes.iter().skip(1) {
        match change {
            Change::Bom(n) => {
                let at = text
                    .char_indices()
                    .filter(|(_, c)| matches!(c, '{' | '[' | ':' | ','))
                    .map(|(i, _)| i)
                    .nth(n.saturating_sub(1))
                    .filter(|_| *n > 0)
                    .unwrap_or(0);
                text.insert(at, '\u{feff}');
            }
            other => {
                let Ok(value) = serde_json::from_str::<Value>(&text) else {
                    continue;
                };
                let mut totals = Counts::default();
                count(&value, &mut totals);
                let mut again = String::new();
                write(&value, other, &totals, &mut Counts::default(), &mut again);
                text = again;
            }
        }
    }
    if let Change::Bom(n) = first {
        if n == 0 {
            text.insert(0, '\u{feff}');
        }
    }
    text
}

/// The two readers on the same text: the same feed, or both refuse.
fn agree(text: &str) -> Result<(), TestCaseError> {
    let ours = parse_feed(text);
    // One byte order mark is allowed as the very first character (Windows Notepad writes one);
    // serde_json refuses even that, so it is given the text after it. Anywhere else, both refuse.
    let theirs = by_serde(text.strip_prefix('\u{feff}').unwrap_or(text));
    match (&ours, &theirs) {
        (Ok(ours), Some(theirs)) => prop_assert_eq!(ours, theirs, "{}", text),
        (Err(_), None) => {}
        (Ok(_), None) => {
            let why = serde_json::from_str::<Feed>(text.strip_prefix('\u{feff}').unwrap_or(text))
                .err()
                .map(|e| e.to_string());
            prop_assert!(
                false,
                "the reader accepts what serde refuses ({why:?}):\n{text}"
            );
        }
        (Err(e), Some(_)) => {
            prop_assert!(
                false,
                "serde accepts what the reader refuses ({e}):\n{text}"
            )
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_feed_text_reads_the_same_both_ways(
        base in 0usize..3,
        changes in proptest::collection::vec(change(), 1..4),
    ) {
        let bases = bases();
        agree(&mutate(&bases[base], &changes))?;
    }
}

/// The disagreements issue 20 names, each checked on its own (they were all accepted by the
/// reader and refused by serde).
#[test]
fn the_named_disagreements_are_gone() {
    let base = MADE_UP;
    for (from, to) in [
        ("\"weeks\": 20", "\"weeks\": 20.0"),
        ("\"weeks\": 20", "\"weeks\": 2e1"),
        ("\"days\": 140", "\"days\": 1.4e2"),
        ("\"min_age\": 16", "\"min_age\": 16."),
        ("\"value\": 48.5", "\"value\": 48."),
        ("\"value\": 48.5", "\"value\": 1.e5"),
        ("\"value\": 48.5", "\"value\": -01"),
        ("\"version\": 2", "\"version\": 2.0"),
        ("\"languages\"", "\u{feff}\"languages\""),
        (
            "\"updated\": \"2024-05-01\"",
            "\"updated\": \"2024-05-01\"\u{feff}",
        ),
        (
            "\"en\": \"6 weeks\"",
            "\"en\": \"6 weeks\", \"en\": \"six weeks\"",
        ),
    ] {
        assert!(base.contains(from), "{from}");
        let text = base.replacen(from, to, 1);
        assert!(parse_feed(&text).is_err(), "the reader accepts {to}");
        agree(&text).unwrap_or_else(|e| panic!("{to}: {e}"));
    }
    // Still accepted both ways: a whole number for a figure, and one BOM at the very start.
    agree(&base.replacen("\"value\": 48.5", "\"value\": 48", 1)).unwrap();
    let bom = format!("\u{feff}{base}");
    assert!(parse_feed(&bom).is_ok());
    agree(&bom).unwrap();
    assert!(parse_feed(base).is_ok(), "the made-up feed itself reads");
}
