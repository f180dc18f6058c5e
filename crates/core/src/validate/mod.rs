//! The officer's feed checker: every problem at once, each with its place and a fix.
//!
//! Three passes, each feeding the next: [`crate::json`] reads the text with positions (and
//! [`syntax`] says how to fix each mistake it finds), [`structure`] checks it against the JSON Schema generated from the feed
//! types (types, required and unknown fields, enums, dates), and [`semantic`] checks what a
//! schema cannot: ids, references, cycles, deadlines, links, translations, and what "today"
//! makes overdue or stale. The widgets use the same code, so a feed that passes here renders.

mod semantic;
mod structure;
pub mod syntax;

use crate::feed::{Feed, FORMAT_VERSION};
use crate::json;
use crate::limits::{self, Over};
use crate::read::{At, FromJson};
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem: where it is, what is wrong, and how to fix it, in plain English.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable short name for the kind of problem, e.g. `unknown-field`.
    pub code: &'static str,
    pub line: usize,
    pub column: usize,
    /// JSON path such as `pathways[0].steps[2].services[1]`; empty for syntax errors.
    pub path: String,
    pub message: String,
    pub fix: String,
}

/// The result of checking a feed: all diagnostics in file order, and the feed when it has no
/// errors (warnings allowed).
#[derive(Debug, Clone)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub feed: Option<Feed>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Checks feed text as of `today`.
pub fn validate_feed(text: &str, today: NaiveDate) -> Report {
    let mut diagnostics = Vec::new();
    // Too large or too deep: one clear message, before reading anything.
    if let Err(over) = limits::check(text) {
        let (line, column) = over.line_column();
        diagnostics.push(Diagnostic {
            severity: Severity::Error,
            code: match over {
                Over::Size(_) => "too-large",
                Over::Depth { .. } => "too-deep",
            },
            line,
            column,
            path: String::new(),
            message: over.message(),
            fix: match over {
                Over::Size(_) => format!(
                    "Keep the feed under {} MB: check that this is the feed file and remove anything pasted into it by mistake.",
                    limits::MAX_FEED_BYTES / (1024 * 1024)
                ),
                Over::Depth { .. } => syntax::fix(&json::Problem::TooDeep),
            },
        });
        return Report {
            diagnostics,
            feed: None,
        };
    }
    let mut problems = Vec::new();
    let json = json::read(text, &mut problems);
    diagnostics.extend(problems.iter().map(syntax::diagnostic));
    let feed = json.and_then(|json| {
        if let Some(newer) = newer_version(&json) {
            diagnostics.push(newer);
            return None;
        }
        let texts = structure::check(&json, &mut diagnostics);
        if !diagnostics.is_empty() {
            return None;
        }
        // The widgets' own reader, on the tree already read: what passes here is what they show.
        match Feed::from_json(&json, &At::TOP) {
            Ok(feed) => {
                semantic::check(&feed, &json, &texts, today, &mut diagnostics);
                Some(feed)
            }
            Err(bad) => {
                // The schema let through something the reader refuses: report it rather than hide it.
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    code: "invalid",
                    line: bad.line,
                    column: bad.column,
                    path: bad.path,
                    message: bad.message,
                    fix: "Compare this part with the feed format guide.".into(),
                });
                None
            }
        }
    });
    diagnostics.sort_by_key(|d| (d.line, d.column, d.severity));
    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Report {
        feed: feed.filter(|_| !has_errors),
        diagnostics,
    }
}

fn newer_version(json: &json::Json) -> Option<Diagnostic> {
    let (n, version) = crate::read::newer_version(json)?;
    Some(Diagnostic {
        severity: Severity::Error,
        code: "newer-version",
        line: version.line,
        column: version.column,
        path: "version".into(),
        message: format!(
            "this feed uses format version {n}, but this checker and these widgets read format version {FORMAT_VERSION}"
        ),
        fix: format!(
            "Update the SEND Pathways widgets and tools to a release that reads version {n}, or write the feed in version {FORMAT_VERSION}."
        ),
    })
}

/// Words longer than this get no "did you mean": nobody mistypes a paragraph, and comparing
/// two long texts costs their lengths multiplied (two 20,000-character ids in a hostile feed
/// would need 3 GB and minutes, in the tab of the editor whose page runs the checker).
const MAX_SUGGESTION_CHARS: usize = 100;

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let length = word.chars().count();
    if length > MAX_SUGGESTION_CHARS {
        return None;
    }
    let limit = (length / 3).max(1);
    candidates
        .into_iter()
        // The distance is at least the difference in length: skip those that cannot be close.
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= limit)
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, counting a swap of two neighbours as one edit ("deadlnie").
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    rows[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// A diagnostic's path in words, counting from 1 as the messages do:
/// `plan.workstreams[0].actions[2].measures[1].deadline` → "workstream 1 › action 3 › measure 2 ›
/// deadline". The path itself counts from 0, as JSON tools do.
pub fn path_in_words(path: &str) -> String {
    path.split('.')
        .filter(|part| *part != "plan")
        .map(|part| match part.split_once('[') {
            Some((name, rest)) => {
                let name = match name {
                    "actual" => "figure",
                    "plans" => "plan",
                    "updates" => "“You said, we did” entry",
                    other => other.strip_suffix('s').unwrap_or(other),
                };
                let number = rest.trim_end_matches(']').parse::<usize>();
                match number {
                    Ok(n) => format!("{name} {}", n + 1),
                    Err(_) => part.to_owned(),
                }
            }
            None => part.replace('_', " "),
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_in_words_count_from_one_as_messages_do() {
        assert_eq!(
            path_in_words("plan.workstreams[0].actions[2].measures[1].status_date"),
            "workstream 1 › action 3 › measure 2 › status date"
        );
        assert_eq!(
            path_in_words("plans[1].workstreams[0]"),
            "plan 2 › workstream 1"
        );
        assert_eq!(
            path_in_words("services[3].contact.phone"),
            "service 4 › contact › phone"
        );
        assert_eq!(
            path_in_words("indicators[0].actual[2]"),
            "indicator 1 › figure 3"
        );
        assert_eq!(path_in_words(""), "");
    }

    #[test]
    fn limits_are_refused_first_with_the_parsers_words() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let large = format!("{{{}}}", " ".repeat(limits::MAX_FEED_BYTES));
        let report = validate_feed(&large, today);
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].code, "too-large");
        assert!(report.diagnostics[0].message.contains("more than the 5 MB"));
        // The checker and the parser agree on depth: the same limit, place and words.
        for levels in [json::MAX_DEPTH, json::MAX_DEPTH + 1, 500] {
            let deep = format!("{{\"a\":\n {}{}}}", "[".repeat(levels), "]".repeat(levels));
            let report = validate_feed(&deep, today);
            let parsed = crate::parse::check_limits(&deep);
            let first = report
                .diagnostics
                .first()
                .filter(|d| d.message.contains("nested"));
            match (&parsed, first) {
                (Ok(()), None) => assert!(levels < json::MAX_DEPTH),
                (Err(e), Some(d)) => {
                    assert_eq!(
                        (e.line, e.column, &e.message),
                        (d.line, d.column, &d.message)
                    )
                }
                other => panic!("{levels} levels: {other:?}"),
            }
        }
        // The reader's own check (the limit pass not run) stops at the same bracket.
        let deep = "[".repeat(json::MAX_DEPTH + 1);
        let mut problems = Vec::new();
        assert!(json::read(&deep, &mut problems).is_none());
        let error = crate::parse::check_limits(&deep).unwrap_err();
        assert_eq!(
            (problems[0].line, problems[0].column),
            (error.line, error.column)
        );
    }

    #[test]
    fn suggestions_catch_typos_but_not_strangers() {
        let fields = ["deadline", "status", "evidence", "status_date", "text"];
        assert_eq!(did_you_mean("deadlnie", fields), Some("deadline"));
        assert_eq!(did_you_mean("Status", fields), Some("status"));
        assert_eq!(did_you_mean("statusdate", fields), Some("status_date"));
        assert_eq!(did_you_mean("colour", fields), None);
    }

    #[test]
    fn suggestions_for_huge_words_cost_nothing() {
        // Found by the property tests: two long ids made the checker quadratic in memory.
        let long = "x".repeat(20_000);
        let near = format!("{long}y");
        let started = std::time::Instant::now();
        assert_eq!(did_you_mean(&long, [near.as_str(), "x"]), None);
        assert_eq!(did_you_mean("x", [near.as_str()]), None);
        assert!(started.elapsed() < std::time::Duration::from_millis(100));
    }
}
