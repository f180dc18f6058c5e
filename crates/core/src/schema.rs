//! The feed's JSON Schema, generated from the Rust types so the two can never disagree.
//!
//! Published at `www/schema/feed.schema.json` for editors such as VS Code; a test fails when
//! the committed file differs from what the types generate.

use crate::feed::Feed;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn feed_schema_json() -> String {
    let mut schema = schemars::schema_for!(Feed);
    schema.insert(
        "$id".into(),
        "https://send-pathways.example/schema/feed.schema.json".into(),
    );
    schema.insert(
        "title".into(),
        "SEND Pathways feed, format version 1".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

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
