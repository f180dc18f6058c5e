//! The feed written in one canonical layout, so a council's copy changes only where an officer
//! changed something.
//!
//! The layout is the sample feed's: two-space indents, one member or item a line, lists of plain
//! values (`["en"]`, `["autism", "slcn"]`) and objects of plain values
//! (`{ "period": "2024-03", "value": 210 }`) on one line when that line fits in
//! [`LINE_WIDTH`] characters, members in the order the feed types
//! declare them, whole numbers without a decimal point, text as UTF-8 (never `\u` escapes), and
//! a newline at the end. The editor's download and `sendfeed fmt` both call [`write_feed`].
//!
//! Writing goes through the feed types' serde derives (the format's definition), so every field
//! the feed can hold is kept, whether or not the editor shows it. serde_json's compact text is
//! read back by the checker's order-keeping JSON reader and laid out here.

use crate::feed::Feed;
use crate::json::{self, Json, Value};

/// The widest line a list of plain values is put on; longer lists have an item a line.
pub const LINE_WIDTH: usize = 120;

/// The feed as canonical JSON text.
pub fn write_feed(feed: &Feed) -> String {
    // Serialising the typed feed cannot fail: every key is a string and every number finite
    // (the reader refuses anything else). Should it ever, the empty text fails the checker
    // loudly rather than writing half a feed.
    let compact = serde_json::to_string(feed).unwrap_or_default();
    let mut problems = Vec::new();
    let Some(tree) = json::read(&compact, &mut problems) else {
        return String::new();
    };
    let mut out = String::with_capacity(compact.len() * 5 / 4);
    write_value(&tree, 0, false, &mut out);
    out.push('\n');
    out
}

fn is_plain(value: &Json) -> bool {
    !matches!(value.value, Value::Array(_) | Value::Object(_))
}

fn indent(depth: usize, out: &mut String) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// `in_list`: objects go on one line only as list items (`{ "period": "2024-03", "value": 210 }`);
/// an object that is a member's value always has a member a line.
fn write_value(json: &Json, depth: usize, in_list: bool, out: &mut String) {
    match &json.value {
        Value::Array(items) if !items.is_empty() && !fits(json, out) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(depth + 1, out);
                write_value(item, depth + 1, true, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(depth, out);
            out.push(']');
        }
        Value::Object(members) if !(members.is_empty() || in_list && fits(json, out)) => {
            out.push_str("{\n");
            for (i, member) in members.iter().enumerate() {
                indent(depth + 1, out);
                write_string(&member.key, out);
                out.push_str(": ");
                write_value(&member.value, depth + 1, false, out);
                out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
            }
            indent(depth, out);
            out.push('}');
        }
        _ => write_one_line(json, out),
    }
}

/// A value on one line: `[1, 2]`, `{ "a": 1 }`, `[]`, `{}`.
fn write_one_line(json: &Json, out: &mut String) {
    match &json.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(*n, out),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_one_line(item, out);
            }
            out.push(']');
        }
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Object(members) => {
            out.push_str("{ ");
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_string(&member.key, out);
                out.push_str(": ");
                write_one_line(&member.value, out);
            }
            out.push_str(" }");
        }
    }
}

/// A list or object goes on one line when it holds only plain values and fits on the rest of
/// the line with a comma after it.
fn fits(json: &Json, out: &str) -> bool {
    let children_plain = match &json.value {
        Value::Array(items) => items.iter().all(is_plain),
        Value::Object(members) => members.iter().all(|m| is_plain(&m.value)),
        _ => true,
    };
    if !children_plain {
        return false;
    }
    let column = out
        .rsplit('\n')
        .next()
        .map_or(0, |line| line.chars().count());
    let mut line = String::new();
    write_one_line(json, &mut line);
    column + line.chars().count() < LINE_WIDTH
}

/// Rust's shortest round-trip form: `210` for 210.0, `3.1`, never an exponent.
fn write_number(n: f64, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "{n}");
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                use std::fmt::Write;
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_feed;

    const TINY: &str = r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-01-05","languages":["en","bn"],"indicators":[{"id":"w","title":{"en":"Waiting \"list\"","bn":"অপেক্ষা"},"unit":"number","better":"lower","actual":[{"period":"2024-03","value":210.0},{"period":"2024-04","value":3.25}],"source":"Made up"}]}"#;

    #[test]
    fn lays_out_one_way_and_reads_back_the_same() {
        let feed = parse_feed(TINY).unwrap();
        let text = write_feed(&feed);
        assert!(
            text.contains("  \"languages\": [\"en\", \"bn\"],\n"),
            "{text}"
        );
        assert!(
            text.contains("{ \"period\": \"2024-03\", \"value\": 210 },\n"),
            "{text}"
        );
        let long = format!("[\"{}\"]", "x".repeat(LINE_WIDTH));
        let tree = json::read(&long, &mut Vec::new()).unwrap();
        let mut out = String::new();
        write_value(&tree, 0, false, &mut out);
        assert!(out.starts_with("[\n  \"xx"), "{out}");
        assert!(text.contains("\"value\": 3.25 }\n"), "{text}");
        // A text map is an object that is a member's value: a member a line.
        assert!(
            text.contains("\n        \"en\": \"Waiting \\\"list\\\"\"\n"),
            "{text}"
        );
        assert!(text.contains("অপেক্ষা"));
        assert!(text.ends_with("}\n"));
        assert_eq!(parse_feed(&text).unwrap(), feed);
        assert_eq!(write_feed(&parse_feed(&text).unwrap()), text);
    }

    #[test]
    fn control_characters_are_escaped() {
        let mut out = String::new();
        write_string("a\u{1}b\tc", &mut out);
        assert_eq!(out, "\"a\\u0001b\\tc\"");
    }
}
