//! Reading feed text into a [`Feed`], with the place of the first problem.
//!
//! The officer's full checker (every problem at once, with fixes) builds on this; widgets need
//! only to know whether the feed is usable and, if not, where it first went wrong.

use crate::feed::{Feed, FORMAT_VERSION};
use serde::Deserialize;
use thiserror::Error;

/// Why a feed could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}, column {column}{}: {message}", path_suffix(.path))]
pub struct FeedError {
    pub line: usize,
    pub column: usize,
    /// The JSON path of the value, e.g. `pathways[0].steps[3].title`; empty for syntax errors.
    pub path: String,
    pub message: String,
}

fn path_suffix(path: &str) -> String {
    if path.is_empty() || path == "." {
        String::new()
    } else {
        format!(" ({path})")
    }
}

/// Parses and type-checks feed text. Semantic checks (references, dates in the past...) are
/// the validator's job.
pub fn parse_feed(text: &str) -> Result<Feed, FeedError> {
    let mut json = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Feed>(&mut json) {
        Ok(feed) => {
            json.end().map_err(|e| from_json(e, String::new()))?;
            if feed.version > FORMAT_VERSION {
                return Err(newer_version(feed.version));
            }
            Ok(feed)
        }
        Err(error) => {
            // A newer format fails for reasons that are not the officer's typo: say so first.
            if let Some(version) = declared_version(text).filter(|v| *v > FORMAT_VERSION) {
                return Err(newer_version(version));
            }
            let path = error.path().to_string();
            Err(from_json(error.into_inner(), path))
        }
    }
}

fn from_json(error: serde_json::Error, path: String) -> FeedError {
    let message = error.to_string();
    // serde_json appends " at line L column C"; the position has its own fields.
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    };
    FeedError {
        line: error.line(),
        column: error.column(),
        // serde_path_to_error says "." for the root and "?" when it knows no path.
        path: if path == "." || path == "?" {
            String::new()
        } else {
            path
        },
        message,
    }
}

fn newer_version(version: u32) -> FeedError {
    FeedError {
        line: 1,
        column: 1,
        path: "version".to_owned(),
        message: format!(
            "this feed uses format version {version}, but these widgets read format version {FORMAT_VERSION}; update the SEND Pathways widgets to a release that reads version {version}"
        ),
    }
}

fn declared_version(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct VersionOnly {
        version: Option<u32>,
    }
    serde_json::from_str::<VersionOnly>(text).ok()?.version
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
  "version": 1,
  "publisher": {"name": "Example Council"},
  "updated": "2024-05-01",
  "languages": ["en"]
}"#;

    #[test]
    fn reads_a_minimal_feed() {
        let feed = parse_feed(MINIMAL).expect("minimal feed parses");
        assert_eq!(feed.version, 1);
        assert!(feed.pathways.is_empty());
    }

    #[test]
    fn unknown_fields_are_errors_with_their_place() {
        let text = MINIMAL.replace("\"languages\"", "\"langauges\": [], \"languages\"");
        let error = parse_feed(&text).unwrap_err();
        assert!(
            error.message.contains("unknown field `langauges`"),
            "{error}"
        );
        assert_eq!(error.line, 5);
    }

    #[test]
    fn nested_errors_name_their_json_path() {
        let text = MINIMAL.replace(
            "\"languages\": [\"en\"]",
            r#""languages": ["en"], "pathways": [{"id": "a", "title": "A", "stages": [], "steps": [{"id": "s", "stage": "x", "title": 3}]}]"#,
        );
        let error = parse_feed(&text).unwrap_err();
        assert_eq!(error.path, "pathways[0].steps[0].title");
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let text = MINIMAL.replace("\"en\"]", "\"en\",]");
        let error = parse_feed(&text).unwrap_err();
        // Serde knows how far it got, which helps the officer find the spot.
        assert_eq!((error.line, error.path.as_str()), (5, "languages"));
        assert!(error.column > 1);
    }

    #[test]
    fn newer_versions_are_refused_with_a_way_forward() {
        let text = MINIMAL.replace("\"version\": 1", "\"version\": 2, \"future\": true");
        let error = parse_feed(&text).unwrap_err();
        assert!(error.message.contains("format version 2"), "{error}");
        assert_eq!(error.path, "version");
    }

    #[test]
    fn impossible_dates_are_refused() {
        let text = MINIMAL.replace("2024-05-01", "2023-02-29");
        assert!(parse_feed(&text).is_err());
    }
}
