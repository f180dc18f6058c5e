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
