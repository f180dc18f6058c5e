//! Reading feed text into a [`Feed`], with the place of the first problem.
//!
//! The officer's full checker (every problem at once, with fixes) builds on this; widgets need
//! only to know whether the feed is usable and, if not, where it first went wrong.
//!
//! The text is read by the positional JSON reader ([`crate::json`]) and the tree turned into a
//! [`Feed`] by [`crate::read`], not by serde's generated code (which was the largest part of
//! the widgets' wasm). A type problem's JSON path comes from the reading itself; a syntax
//! problem's is worked out from its position ([`path_at`]) only when there is one.

use crate::feed::{Feed, FORMAT_VERSION};
use crate::json;
use crate::limits;
use crate::read::{self, At, FromJson};
use thiserror::Error;

pub use crate::limits::{too_deep_message, too_large_message, MAX_DEPTH, MAX_FEED_BYTES};

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
    parse_feed_with(text, json::std_convert)
}

/// [`parse_feed`], converting the numbers the JSON reader leaves with `convert`
/// ([`json::read_with`]): the family widgets pass the browser's, to leave the standard
/// library's out of their wasm.
pub fn parse_feed_with(text: &str, convert: json::Convert) -> Result<Feed, FeedError> {
    check_limits(text)?;
    read_feed_with(text, convert)
}

/// [`parse_feed`] without the size check first: for the benchmarks' 100× feed. Anything
/// reading text from outside must use [`parse_feed`].
pub fn read_feed(text: &str) -> Result<Feed, FeedError> {
    read_feed_with(text, json::std_convert)
}

fn read_feed_with(text: &str, convert: json::Convert) -> Result<Feed, FeedError> {
    let mut problems = Vec::new();
    let json = json::read_with(text, &mut problems, convert);
    if let Some((version, _)) = json.as_ref().and_then(read::newer_version) {
        return Err(newer_version(version.min(f64::from(u32::MAX)) as u32));
    }
    // The reader goes on past comments and trailing commas to list them all for the checker;
    // to read a feed, the first one is enough.
    if let Some(problem) = problems.first() {
        return Err(FeedError {
            line: problem.line,
            column: problem.column,
            path: match &problem.problem {
                // At the key's opening quote: the object's path, then the key.
                json::Problem::DuplicateKey(key) => {
                    let object = path_at(text, problem.line, problem.column);
                    if object.is_empty() {
                        key.clone()
                    } else {
                        format!("{object}.{key}")
                    }
                }
                // Past the character at fault (a trailing comma belongs to the list, not its item).
                _ => path_at(text, problem.line, problem.column + 1),
            },
            message: problem.message(),
        });
    }
    let Some(json) = json else {
        return Err(FeedError {
            line: 1,
            column: 1,
            path: String::new(),
            message: "the feed cannot be read as JSON".into(),
        });
    };
    Feed::from_json(&json, &At::TOP).map_err(|bad| FeedError {
        line: bad.line,
        column: bad.column,
        path: bad.path,
        message: bad.message,
    })
}

/// Refuses a feed over [`MAX_FEED_BYTES`] or nested deeper than [`MAX_DEPTH`], in one quick
/// pass over the bytes that builds nothing ([`limits::check`]).
pub fn check_limits(text: &str) -> Result<(), FeedError> {
    limits::check(text).map_err(|over| {
        let (line, column) = over.line_column();
        FeedError {
            line,
            column,
            path: String::new(),
            message: over.message(),
        }
    })
}

/// One open object or array on the way to a position.
enum Open {
    /// The key whose value is being read, once it has been read.
    Object(Option<String>),
    /// The index of the element being read, once one has started, and how many have.
    Array(Option<usize>, usize),
}

/// The JSON path (`pathways[0].steps[2].title`) of the value being read just before 1-based
/// `line` and `column`; empty at the top level. The text up to there is scanned for nothing
/// but brackets, keys and where values start, which is enough: the reader got that far, so it
/// is JSON up to the problem.
fn path_at(text: &str, line: usize, column: usize) -> String {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    // The character at the column is where reading stopped, not yet read.
    let end = (line_start + column.saturating_sub(1)).min(text.len());
    let bytes = &text.as_bytes()[..end];
    let mut open: Vec<Open> = Vec::new();
    let mut key_next = false;
    let value_starts = |open: &mut Vec<Open>| {
        if let Some(Open::Array(index @ None, count)) = open.last_mut() {
            *index = Some(*count);
            *count += 1;
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let string = text.get(start..i.min(end)).unwrap_or_default();
                match open.last_mut() {
                    Some(Open::Object(key)) if key_next => {
                        *key = Some(string.to_owned());
                        key_next = false;
                    }
                    _ => value_starts(&mut open),
                }
            }
            b'{' => {
                value_starts(&mut open);
                open.push(Open::Object(None));
                key_next = true;
            }
            b'[' => {
                value_starts(&mut open);
                open.push(Open::Array(None, 0));
            }
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Object(key)) => {
                    *key = None;
                    key_next = true;
                }
                Some(Open::Array(index, _)) => *index = None,
                None => {}
            },
            b':' | b' ' | b'\t' | b'\n' | b'\r' => {}
            // A number, true, false or null: skip to its end.
            _ => {
                value_starts(&mut open);
                while i + 1 < bytes.len()
                    && !matches!(
                        bytes[i + 1],
                        b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
                    )
                {
                    i += 1;
                }
            }
        }
        i += 1;
    }
    let mut path = String::new();
    for step in &open {
        match step {
            Open::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Open::Array(Some(index), _) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            _ => {}
        }
    }
    path
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

    /// Each build reads the parts its widgets draw; a one-widget build leaves the other
    /// widget's parts unread (still JSON, with known member names), so their faults do not take
    /// its widget away. `cargo xtask test` runs this in each build: `cargo test -p send-core
    /// --no-default-features --features pathway --lib one_widget` (and `tracker`).
    #[test]
    fn one_widget_builds_read_only_their_own_parts() {
        // Made up: a plan with no title or workstreams, and a pathway with no stages or steps.
        let bad_plan = MINIMAL.replace(
            "\"languages\": [\"en\"]",
            r#""languages": ["en"], "version": 2, "plans": [{"id": "p"}], "updates": [{}], "area": {"facts": [{}]}"#,
        ).replacen("\"version\": 1,", "", 1);
        let bad_pathway = MINIMAL.replace(
            "\"languages\": [\"en\"]",
            r#""languages": ["en"], "pathways": [{"id": "a"}], "services": [{"id": "s"}]"#,
        );
        let plan_read = parse_feed(&bad_plan);
        let pathway_read = parse_feed(&bad_pathway);
        if cfg!(feature = "tracker") {
            assert_eq!(plan_read.unwrap_err().path, "plans[0]");
        } else {
            let feed = plan_read.expect("the pathway build leaves plans unread");
            assert!(feed.plans.is_empty() && feed.updates.is_empty() && feed.area.is_none());
        }
        if cfg!(feature = "pathway") {
            assert_eq!(pathway_read.unwrap_err().path, "services[0]");
        } else {
            let feed = pathway_read.expect("the tracker build leaves pathways unread");
            assert!(feed.pathways.is_empty() && feed.services.is_empty());
        }
        // A member no feed has is refused in every build.
        let unknown = MINIMAL.replace("\"languages\"", "\"planz\": [], \"languages\"");
        assert!(parse_feed(&unknown).is_err());
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
    fn a_key_given_twice_is_named_with_its_object() {
        let text = MINIMAL.replace(
            r#"{"name": "Example Council"}"#,
            r#"{"name": "A", "name": "B"}"#,
        );
        let error = parse_feed(&text).unwrap_err();
        assert_eq!(error.path, "publisher.name", "{error}");
        assert!(error.message.contains("\"name\" appears twice"), "{error}");
        let top = MINIMAL.replace("\"updated\"", "\"version\": 1, \"updated\"");
        assert_eq!(parse_feed(&top).unwrap_err().path, "version");
    }

    #[test]
    fn newer_versions_are_refused_with_a_way_forward() {
        let text = MINIMAL.replace("\"version\": 1", "\"version\": 3, \"future\": true");
        let error = parse_feed(&text).unwrap_err();
        assert!(error.message.contains("format version 3"), "{error}");
        assert_eq!(error.path, "version");
    }

    #[test]
    fn paths_come_from_the_position_of_the_problem() {
        let text = r#"{"a": {"b": [1, {"c": "x", "d": [true, null]}], "e": "[\"{"}}"#;
        let at = |needle: &str| {
            let column = text.find(needle).unwrap() + needle.len() + 1;
            path_at(text, 1, column)
        };
        assert_eq!(at("[1"), "a.b[0]");
        assert_eq!(at("\"c\": \"x"), "a.b[1].c");
        assert_eq!(at("true, nu"), "a.b[1].d[1]");
        assert_eq!(at("\"e\": \"[\\\"{"), "a.e");
        assert_eq!(path_at(text, 1, 1), "");
        let lines = "{\n  \"a\": [\n    {\"b\": 1}\n  ]\n}";
        assert_eq!(path_at(lines, 3, 12), "a[0].b");
    }

    #[test]
    fn a_feed_over_the_size_limit_is_refused_before_parsing() {
        // Not even JSON: the size alone is enough, so nothing is parsed.
        let text = " ".repeat(MAX_FEED_BYTES + 1);
        let error = parse_feed(&text).unwrap_err();
        assert_eq!((error.line, error.column), (1, 1));
        assert!(
            error
                .message
                .starts_with("the feed is 5.1 MB, more than the 5 MB"),
            "{error}"
        );
        assert!(too_large_message(6 * 1024 * 1024).starts_with("the feed is 6.0 MB"));
        let padded = format!("{MINIMAL}{}", " ".repeat(MAX_FEED_BYTES - MINIMAL.len()));
        assert!(parse_feed(&padded).is_ok(), "exactly the limit is fine");
    }

    #[test]
    fn deep_nesting_is_refused_with_its_place() {
        let deep = format!(
            "{{\"version\": 1,\n  \"x\": {}{}}}",
            "[".repeat(MAX_DEPTH + 10),
            "]".repeat(MAX_DEPTH + 10)
        );
        let error = parse_feed(&deep).unwrap_err();
        assert_eq!(error.message, "the feed is nested more than 64 levels deep");
        // The root object is level 1, so the 64th "[" is the first too deep.
        assert_eq!((error.line, error.column), (2, 8 + MAX_DEPTH - 1));
        // Far past serde_json's own limit (128), the message is the same.
        let deeper = "[".repeat(100_000);
        assert_eq!(parse_feed(&deeper).unwrap_err().message, too_deep_message());
        // Brackets inside text do not count.
        let text = MINIMAL.replace("Example Council", &"[{".repeat(200));
        assert!(parse_feed(&text).is_ok());
    }

    #[test]
    fn impossible_dates_are_refused() {
        let text = MINIMAL.replace("2024-05-01", "2023-02-29");
        assert!(parse_feed(&text).is_err());
    }
}
