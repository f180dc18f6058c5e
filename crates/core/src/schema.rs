//! The feed's JSON Schema, generated from the Rust types so the two can never disagree.
//!
//! Published at `www/schema/feed.schema.json` for editors such as VS Code; a test fails when
//! the committed file differs from what the types generate.
//!
//! Only what standard validators (ajv, VS Code) understand: the checker's rules that a schema
//! can say are patterns and bounds on the fields (see `links.rs`, `date.rs`), and schemars'
//! own format names for Rust's number types (`uint8`, `uint32`, `double`), which validators
//! ignore, become the bounds they stand for.

use crate::feed::Feed;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn feed_schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&feed_schema()).unwrap_or_default();
    text.push('\n');
    text
}

fn feed_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Feed);
    schema.insert(
        "$id".into(),
        "https://send-pathways.example/schema/feed.schema.json".into(),
    );
    schema.insert(
        "title".into(),
        "SEND Pathways feed, format version 2 (version 1 still read)".into(),
    );
    let mut schema = schema.to_value();
    standard_formats_only(&mut schema);
    schema
}

/// The format names JSON Schema defines (draft 2020-12); any other is dropped, and an integer
/// type's name becomes its range.
const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

fn standard_formats_only(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(format) = map.get("format").and_then(|f| f.as_str()) {
                if !STANDARD_FORMATS.contains(&format) {
                    let (min, max) = match format {
                        "uint8" => (Some(0), Some(u64::from(u8::MAX))),
                        "uint16" => (Some(0), Some(u64::from(u16::MAX))),
                        "uint32" => (Some(0), Some(u64::from(u32::MAX))),
                        "uint64" | "uint" => (Some(0), None),
                        _ => (None, None),
                    };
                    map.remove("format");
                    if let Some(min) = min {
                        map.entry("minimum").or_insert(min.into());
                    }
                    if let Some(max) = max {
                        map.entry("maximum").or_insert(max.into());
                    }
                }
            }
            map.values_mut().for_each(standard_formats_only);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(standard_formats_only),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_standard_formats_remain() {
        let schema = feed_schema();
        let mut formats = Vec::new();
        fn collect(value: &serde_json::Value, formats: &mut Vec<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    if let Some(f) = map.get("format").and_then(|f| f.as_str()) {
                        formats.push(f.to_owned());
                    }
                    map.values().for_each(|v| collect(v, formats));
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, formats)),
                _ => {}
            }
        }
        collect(&schema, &mut formats);
        assert!(!formats.is_empty());
        assert!(
            formats
                .iter()
                .all(|f| STANDARD_FORMATS.contains(&f.as_str())),
            "{formats:?}"
        );
        let version = &schema["properties"]["version"];
        assert_eq!(
            (version["minimum"].as_u64(), version["maximum"].as_u64()),
            (Some(1), Some(2))
        );
        let age = &schema["$defs"]["Audience"]["properties"]["max_age"];
        assert_eq!(age["maximum"].as_u64(), Some(255));
        let weeks = &schema["$defs"]["TimeLimit"]["properties"]["weeks"];
        assert_eq!(weeks["maximum"].as_u64(), Some(u64::from(u32::MAX)));
    }

    #[test]
    fn committed_schema_matches_the_types() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../www/schema/feed.schema.json"
        );
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == feed_schema_json(),
            "www/schema/feed.schema.json is out of date; run:\n  cargo run -p send-cli -- schema > www/schema/feed.schema.json"
        );
    }
}
