//! Checks the shape of the feed against its JSON Schema, reporting every mismatch.
//!
//! The schema is generated from the feed types (see `schema.rs`) and committed; walking it here
//! means one definition of the format drives the Rust types, editor autocompletion and these
//! messages. Only the parts of JSON Schema that generator emits are understood.

use super::{did_you_mean, Diagnostic, Severity};
use crate::date::{PartialDate, PARTIAL_DATE_PATTERN};
use crate::json::{Json, Value as J};
use serde_json::{Map, Value as S};

const SCHEMA: &str = include_str!("../../../../www/schema/feed.schema.json");

/// Checks `json`; returns the paths of every text field (for translation and emptiness checks).
pub fn check(json: &Json, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    // The checker alone reads the schema (a generic JSON value, not the feed types), and only
    // the checker's wasm carries the validator.
    #[allow(clippy::disallowed_methods)]
    let schema: S = serde_json::from_str(SCHEMA).unwrap_or(S::Null);
    let empty = Map::new();
    let defs = schema.get("$defs").and_then(S::as_object).unwrap_or(&empty);
    let mut walker = Walker {
        defs,
        diagnostics,
        texts: Vec::new(),
    };
    walker.walk(&schema, json, "", "the feed");
    walker.texts
}

struct Walker<'a> {
    defs: &'a Map<String, S>,
    diagnostics: &'a mut Vec<Diagnostic>,
    texts: Vec<String>,
}

impl Walker<'_> {
    fn error(
        &mut self,
        code: &'static str,
        at: (usize, usize),
        path: &str,
        message: String,
        fix: String,
    ) {
        self.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            code,
            line: at.0,
            column: at.1,
            path: path.to_owned(),
            message,
            fix,
        });
    }

    /// `owner` names the thing being checked, for messages ("a step", "the feed").
    fn walk(&mut self, schema: &S, json: &Json, path: &str, owner: &str) {
        let (schema, def) = resolve(self.defs, schema);
        if def == Some("Text") {
            self.texts.push(path.to_owned());
        }
        let owner = def.map(describe_def).unwrap_or_else(|| owner.to_owned());
        if let Some(branches) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(S::as_array)
        {
            return self.any_of(branches, json, path, &owner, def);
        }
        if !self.type_matches(schema, json, path) {
            return;
        }
        if let Some(allowed) = schema.get("enum").and_then(S::as_array) {
            self.check_enum(allowed, json, path);
        } else if let Some(only) = schema.get("const") {
            self.check_enum(std::slice::from_ref(only), json, path);
        }
        self.check_format(schema, json, path);
        self.check_range(schema, json, path);
        match &json.value {
            J::Object(members) => self.object(schema, json, members, path, &owner),
            J::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        self.walk(item_schema, item, &format!("{path}[{i}]"), &owner);
                    }
                }
            }
            _ => {}
        }
    }

    fn any_of(&mut self, branches: &[S], json: &Json, path: &str, owner: &str, def: Option<&str>) {
        let fitting: Vec<&S> = branches
            .iter()
            .filter(|b| fits(self.defs, b, json))
            .collect();
        // Enums whose variants have descriptions arrive as one branch per allowed value.
        let allowed: Vec<S> = fitting
            .iter()
            .flat_map(|b| {
                let (b, _) = resolve(self.defs, b);
                let values = b
                    .get("enum")
                    .and_then(S::as_array)
                    .cloned()
                    .unwrap_or_default();
                values.into_iter().chain(b.get("const").cloned())
            })
            .collect();
        if fitting.len() > 1 && !allowed.is_empty() {
            return self.check_enum(&allowed, json, path);
        }
        match fitting.first() {
            Some(branch) => self.walk(branch, json, path, owner),
            None => {
                let expected: Vec<String> = match def {
                    Some(name) => vec![describe_def(name)],
                    None => branches
                        .iter()
                        .filter(|b| b.get("type").and_then(S::as_str) != Some("null"))
                        .map(|b| expected_words(resolve(self.defs, b).0, b))
                        .collect(),
                };
                self.error(
                    "wrong-type",
                    (json.line, json.column),
                    path,
                    format!(
                        "{} should be {}, but it is {}",
                        field(path),
                        expected.join(" or "),
                        json.value.kind()
                    ),
                    fix_for_type(path, &expected.join(" or ")),
                );
            }
        }
    }

    fn type_matches(&mut self, schema: &S, json: &Json, path: &str) -> bool {
        let names = type_names(schema);
        if names.is_empty() || names.iter().any(|t| kind_fits(t, json)) {
            return true;
        }
        let expected = expected_words(schema, schema);
        let (message, fix) = match (&json.value, names.first().copied()) {
            (J::Number(n), Some("integer")) if n.fract() == 0.0 => (
                format!(
                    "{} should be a whole number written as digits alone (like {n}), but it has a decimal point or an exponent",
                    field(path)
                ),
                format!("Write it as {n}, with no decimal point and no e."),
            ),
            (J::Number(n), Some("integer")) => (
                format!("{} should be a whole number, but it is {n}", field(path)),
                fix_for_type(path, &expected),
            ),
            _ => (
                format!(
                    "{} should be {expected}, but it is {}",
                    field(path),
                    json.value.kind()
                ),
                fix_for_type(path, &expected),
            ),
        };
        self.error("wrong-type", (json.line, json.column), path, message, fix);
        false
    }

    fn check_enum(&mut self, allowed: &[S], json: &Json, path: &str) {
        let J::String(value) = &json.value else {
            return;
        };
        let names: Vec<&str> = allowed.iter().filter_map(S::as_str).collect();
        if names.contains(&value.as_str()) {
            return;
        }
        let hint = match did_you_mean(value, names.iter().copied()) {
            Some(close) => format!("Did you mean \"{close}\"? "),
            None => String::new(),
        };
        self.error(
            "unknown-value",
            (json.line, json.column),
            path,
            format!("\"{value}\" is not a value {} can have", field(path)),
            format!("{hint}Use one of: {}.", names.join(", ")),
        );
    }

    fn check_format(&mut self, schema: &S, json: &Json, path: &str) {
        // A partial date has no standard format name: the schema says it with its pattern.
        let format = schema.get("format").and_then(S::as_str).or_else(|| {
            (schema.get("pattern").and_then(S::as_str) == Some(PARTIAL_DATE_PATTERN))
                .then_some("partial-date")
        });
        let (Some(format), J::String(text)) = (format, &json.value) else {
            return;
        };
        let problem = match format {
            "date" => {
                let shaped = text.len() == 10
                    && text.char_indices().all(|(i, c)| {
                        if i == 4 || i == 7 {
                            c == '-'
                        } else {
                            c.is_ascii_digit()
                        }
                    });
                match PartialDate::parse(text) {
                    Ok(PartialDate::Day(_)) => None,
                    Err(reason) if shaped => Some(reason),
                    _ => Some(format!("\"{text}\" is not a date in the form YYYY-MM-DD")),
                }
            }
            "partial-date" => PartialDate::parse(text).err(),
            _ => None,
        };
        if let Some(problem) = problem {
            self.error(
                "bad-date",
                (json.line, json.column),
                path,
                format!("{}: {problem}", field(path)),
                "Write dates as YYYY-MM-DD (2022-01-31); where allowed, a month YYYY-MM (2022-01) or a year YYYY; check the day exists in that month.".into(),
            );
        }
    }

    fn check_range(&mut self, schema: &S, json: &Json, path: &str) {
        let J::Number(n) = json.value else { return };
        let min = schema.get("minimum").and_then(S::as_f64);
        let max = schema.get("maximum").and_then(S::as_f64);
        if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("from {a} to {b}"),
                (Some(a), None) => format!("{a} or more"),
                (None, Some(b)) => format!("{b} or less"),
                (None, None) => String::new(),
            };
            self.error(
                "out-of-range",
                (json.line, json.column),
                path,
                format!("{} is {n}, which is out of range", field(path)),
                format!("Use a number {range}."),
            );
        }
    }

    fn object(
        &mut self,
        schema: &S,
        json: &Json,
        members: &[crate::json::Member],
        path: &str,
        owner: &str,
    ) {
        let empty = Map::new();
        let properties = schema
            .get("properties")
            .and_then(S::as_object)
            .unwrap_or(&empty);
        let closed = schema.get("additionalProperties") == Some(&S::Bool(false));
        let extra = schema.get("additionalProperties").filter(|a| a.is_object());
        for member in members {
            let member_path = if path.is_empty() {
                member.key.clone()
            } else {
                format!("{path}.{}", member.key)
            };
            match (properties.get(&member.key), extra) {
                (Some(property), _) => self.walk(property, &member.value, &member_path, owner),
                (None, Some(extra)) => self.walk(extra, &member.value, &member_path, owner),
                (None, None) if closed => {
                    let known: Vec<&str> = properties.keys().map(String::as_str).collect();
                    let fix = match did_you_mean(&member.key, known.iter().copied()) {
                        Some(close) => format!("Did you mean \"{close}\"? Rename it."),
                        None => format!(
                            "Remove it, or use one of the fields {owner} can have: {}.",
                            known.join(", ")
                        ),
                    };
                    self.error(
                        "unknown-field",
                        (member.line, member.column),
                        &member_path,
                        format!("\"{}\" is not a field of {owner}", member.key),
                        fix,
                    );
                }
                (None, None) => {}
            }
        }
        for required in schema
            .get("required")
            .and_then(S::as_array)
            .into_iter()
            .flatten()
        {
            let Some(name) = required.as_str() else {
                continue;
            };
            if members.iter().all(|m| m.key != name) {
                let about = properties
                    .get(name)
                    .and_then(|p| p.get("description"))
                    .and_then(S::as_str)
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                self.error(
                    "missing-field",
                    (json.line, json.column),
                    path,
                    format!("{owner} is missing \"{name}\"{about}"),
                    format!("Add \"{name}\": with its value inside this {{ }}."),
                );
            }
        }
    }
}

/// Follows a `$ref` into the definitions; returns the schema and the definition's name.
fn resolve<'s>(defs: &'s Map<String, S>, schema: &'s S) -> (&'s S, Option<&'s str>) {
    match schema
        .get("$ref")
        .and_then(S::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        Some(name) => (defs.get(name).unwrap_or(&S::Null), Some(name)),
        None => (schema, None),
    }
}

/// Whether `value` has a JSON type `schema` accepts, looking through refs and alternatives.
fn fits(defs: &Map<String, S>, schema: &S, value: &Json) -> bool {
    let (schema, _) = resolve(defs, schema);
    if let Some(branches) = schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(S::as_array)
    {
        return branches.iter().any(|b| fits(defs, b, value));
    }
    let names = type_names(schema);
    names.is_empty() || names.iter().any(|t| kind_fits(t, value))
}

fn type_names(schema: &S) -> Vec<&str> {
    match schema.get("type") {
        Some(S::String(t)) => vec![t.as_str()],
        Some(S::Array(ts)) => ts.iter().filter_map(S::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Whether `json` has the JSON type `type_name`. A whole number is one written as digits alone,
/// as serde and the feed reader take it: `20`, not `20.0` or `2e1`.
fn kind_fits(type_name: &str, json: &Json) -> bool {
    matches!(
        (type_name, &json.value),
        ("null", J::Null)
            | ("boolean", J::Bool(_))
            | ("number", J::Number(_))
            | ("string", J::String(_))
            | ("array", J::Array(_))
            | ("object", J::Object(_))
    ) || (type_name == "integer" && json.integer)
}

/// What a schema expects, in words: "text in double quotes", "a list [ ]", "a step".
fn expected_words(resolved: &S, original: &S) -> String {
    if let Some(name) = original
        .get("$ref")
        .and_then(S::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        return describe_def(name);
    }
    let words: Vec<&str> = type_names(resolved)
        .into_iter()
        .filter(|t| *t != "null")
        .map(|t| match t {
            "string" => "text in double quotes",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            "array" => "a list [ ]",
            "object" => "an object { }",
            _ => "a value",
        })
        .collect();
    if words.is_empty() {
        "a value".into()
    } else {
        words.join(" or ")
    }
}

/// How officers should hear a definition's name.
fn describe_def(name: &str) -> String {
    match name {
        "Text" => "text (a string, or {\"en\": \"…\", \"bn\": \"…\"})".into(),
        "PartialDate" => "a date (YYYY, YYYY-MM or YYYY-MM-DD)".into(),
        "NextSteps" => "next steps ({\"logic\": \"any\", \"steps\": [\"…\"]})".into(),
        _ => {
            let mut words = String::new();
            for (i, c) in name.char_indices() {
                if c.is_uppercase() && i > 0 {
                    words.push(' ');
                }
                words.extend(c.to_lowercase());
            }
            let article = if words.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{article} {words}")
        }
    }
}

/// The field's own name, as the officer typed it: `weeks` for `steps[2].clock.weeks`.
fn field(path: &str) -> String {
    match path
        .rsplit('.')
        .next()
        .map(|last| last.split('[').next().unwrap_or(last))
    {
        Some(name) if !name.is_empty() => format!("\"{name}\""),
        _ => "the feed".into(),
    }
}

fn fix_for_type(path: &str, expected: &str) -> String {
    let name = path.rsplit('.').next().unwrap_or(path);
    if expected.starts_with("text") {
        format!("Put the value in double quotes, for example \"{name}\": \"…\".")
    } else if expected.contains("list") {
        format!("Put the value in square brackets, for example \"{name}\": [\"…\"].")
    } else {
        format!("Change the value to {expected}.")
    }
}
