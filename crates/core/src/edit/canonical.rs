//! The feed written in one canonical layout, so a council's copy changes only where an officer
//! changed something.
//!
//! The layout is the sample feed's: two-space indents, one member or item a line, lists of plain
//! values (`["en"]`, `["autism", "slcn"]`) and objects of plain values
//! (`{ "period": "2024-03", "value": 210 }`) on one line when that line fits in
//! [`LINE_WIDTH`] characters, members in the order the feed types
//! declare them, whole numbers without a decimal point, text as UTF-8 (never `\u` escapes), and
//! a newline at the end. The editor's download and `sendfeed fmt` both call
//! [`write_feed_like`]: [`write_feed`] with the members left out that the file read had left
//! out for their defaults.
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
    write_tree(feed, |_| {})
}

/// The feed as canonical JSON text, without the members the feed types write for a value the
/// reader assumes when a member is absent, where `original` (the text the feed was read from)
/// had no such member: a feed without `"updates"`, a pathway without `"audience"` or next steps
/// without `"logic"` are written back without them, so a council's copy changes only where an
/// officer changed something, not where a default was spelt out. The text reads back as the
/// same feed either way. `original` that cannot be read leaves every member in.
pub fn write_feed_like(feed: &Feed, original: &str) -> String {
    let mut problems = Vec::new();
    match json::read(original, &mut problems) {
        Some(before) => write_tree(feed, |tree| leave_out_defaults(tree, &before)),
        None => write_feed(feed),
    }
}

fn write_tree(feed: &Feed, adjust: impl FnOnce(&mut Json)) -> String {
    // Serialising the typed feed cannot fail: every key is a string and every number finite
    // (the reader refuses anything else). Should it ever, the empty text fails the checker
    // loudly rather than writing half a feed.
    let compact = serde_json::to_string(feed).unwrap_or_default();
    let mut problems = Vec::new();
    let Some(mut tree) = json::read(&compact, &mut problems) else {
        return String::new();
    };
    adjust(&mut tree);
    let mut out = String::with_capacity(compact.len() * 5 / 4);
    write_value(&tree, 0, false, &mut out);
    out.push('\n');
    out
}

/// A member the feed types write even when it holds what the reader assumes for an absent one
/// (`#[serde(default)]` without `skip_serializing_if` in `feed.rs`): the feed's four lists when
/// empty, a pathway's `audience` when empty, and next steps' `logic` when "all".
fn is_written_default(member: &json::Member) -> bool {
    match (member.key.as_str(), &member.value.value) {
        ("services" | "pathways" | "indicators" | "updates", Value::Array(items)) => {
            items.is_empty()
        }
        ("audience", Value::Object(members)) => members.is_empty(),
        ("logic", Value::String(logic)) => logic == "all",
        _ => false,
    }
}

/// Leaves out of `tree` each written default that its counterpart in `before` did not have.
/// List items are matched by their `id` or `ref` where they have one (a step added or moved
/// keeps its match), by place otherwise; an item with no counterpart keeps every member.
fn leave_out_defaults(tree: &mut Json, before: &Json) {
    match (&mut tree.value, &before.value) {
        (Value::Object(members), Value::Object(old)) => {
            let had = |key: &str| old.iter().any(|m| m.key == key);
            members.retain(|m| had(&m.key) || !is_written_default(m));
            for member in members.iter_mut() {
                if let Some(counterpart) = old.iter().find(|m| m.key == member.key) {
                    leave_out_defaults(&mut member.value, &counterpart.value);
                }
            }
        }
        (Value::Array(items), Value::Array(old)) => {
            for (i, item) in items.iter_mut().enumerate() {
                let counterpart = match identity(item) {
                    Some(key) => old.iter().find(|o| identity(o) == Some(key)),
                    None => old.get(i),
                };
                if let Some(counterpart) = counterpart {
                    leave_out_defaults(item, counterpart);
                }
            }
        }
        _ => {}
    }
}

/// A list item's `id` (steps, services, plans...) or `ref` (actions), as written.
fn identity(item: &Json) -> Option<(&str, &str)> {
    let Value::Object(members) = &item.value else {
        return None;
    };
    members
        .iter()
        .find_map(|m| match (&m.key[..], &m.value.value) {
            (key @ ("id" | "ref"), Value::String(value)) => Some((key, value.as_str())),
            _ => None,
        })
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

    /// Made-up test data: no `services`, `pathways` or `updates`, a pathway without an
    /// `audience`, next steps without a `logic`, and one with each spelt out.
    const SPARE: &str = r#"{"version":2,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-01-05","languages":["en"],
      "pathways":[
        {"id":"p.1","title":"Made-up","stages":[{"id":"s","title":"S"}],
         "steps":[{"id":"a b","stage":"s","title":"A","next":{"steps":["c"]}},{"id":"c","stage":"s","title":"C"}]},
        {"id":"p2","title":"Made-up too","audience":{},"stages":[{"id":"s","title":"S"}],
         "steps":[{"id":"a","stage":"s","title":"A","next":{"logic":"all","steps":["c"]}},{"id":"c","stage":"s","title":"C"}]}],
      "indicators":[]}"#;

    #[test]
    fn defaults_the_original_left_out_stay_out_and_spelt_out_ones_stay_in() {
        let feed = parse_feed(SPARE).unwrap();
        let everything = write_feed(&feed);
        for added in [
            "\"services\": []",
            "\"updates\": []",
            "\"audience\": {}",
            "\"logic\": \"all\"",
        ] {
            assert!(everything.contains(added), "{everything}");
        }
        let text = write_feed_like(&feed, SPARE);
        assert_eq!(parse_feed(&text).unwrap(), feed, "{text}");
        for absent in ["\"services\"", "\"updates\""] {
            assert!(!text.contains(absent), "{text}");
        }
        // The second pathway spelt its audience, logic and the empty indicators out.
        assert_eq!(text.matches("\"audience\": {}").count(), 1, "{text}");
        assert_eq!(text.matches("\"logic\": \"all\"").count(), 1, "{text}");
        assert!(text.contains("\"indicators\": []"), "{text}");
        // Written again against itself, it is the same text (what `fmt --check` relies on).
        assert_eq!(write_feed_like(&parse_feed(&text).unwrap(), &text), text);
        // A step added before the one without a logic still finds its counterpart by its id;
        // the new step keeps every member.
        let mut edited = feed.clone();
        let mut new_step = edited.pathways[0].steps[1].clone();
        new_step.id = "new".into();
        new_step.next = Some(crate::feed::NextSteps {
            logic: crate::feed::Logic::All,
            steps: vec!["c".into()],
        });
        edited.pathways[0].steps.insert(0, new_step);
        let text = write_feed_like(&edited, SPARE);
        assert_eq!(parse_feed(&text).unwrap(), edited);
        assert_eq!(text.matches("\"logic\": \"all\"").count(), 2, "{text}");
        // Text that cannot be read leaves every member in.
        assert_eq!(write_feed_like(&feed, "{"), everything);
    }

    #[test]
    fn control_characters_are_escaped() {
        let mut out = String::new();
        write_string("a\u{1}b\tc", &mut out);
        assert_eq!(out, "\"a\\u0001b\\tc\"");
    }
}
