//! Properties that must hold for every feed, not just the ones we thought of (issue 8).
//!
//! The feeds are the sample and the validator's valid fixture, each changed by a random list of
//! edits an officer (or an attacker) could make by hand: any text replaced by markup, script,
//! right-to-left overrides or random Unicode; numbers and dates replaced; ids renamed so that
//! references dangle; list items dropped or repeated. The widgets use `parse_feed` alone, so
//! "accepted" here means what it accepts, not what the full checker passes.

// Tests may use serde and chrono's parser: they never reach the wasm (see .clippy.toml).
#![allow(clippy::disallowed_methods)]

use proptest::prelude::*;
use send_core::options::WidgetOptions;
use send_core::tracker::filter::TrackerFilter;
use send_core::validate::validate_feed;
use send_core::view::Node;
use send_core::widget::render_widget_at;
use send_core::{parse_feed, Feed};
use serde_json::Value;
use std::collections::HashSet;

const SAMPLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../www/feed/tower-hamlets.json"
));
const VALID: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/validate/valid/feed.json"
));

/// Payloads a hostile or careless feed could carry in any text field.
const HOSTILE: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "\"><svg onload=alert(1)>",
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "https://evil.example/\"onclick=\"alert(1)",
    "mailto:a@b.c?body=<script>",
    "tel:javascript:alert(1)",
    "\u{202e}gpj.exe\u{202c}",
    "\u{200f}\u{2066}\u{2069}",
    "&lt;b&gt; &amp;amp; &#x3c;",
    "<!-- --><![CDATA[x]]>",
    "{{constructor.constructor('alert(1)')()}}",
    "",
    " ",
    "\0\u{1}\u{7f}\u{feff}",
];

/// One hand edit, addressed by index into the feed's strings, numbers or lists (modulo their
/// count, so every edit lands somewhere).
#[derive(Debug, Clone)]
enum Edit {
    SetString(usize, String),
    SetNumber(usize, f64),
    SetStringToNumber(usize, i64),
    DropItem(usize, usize),
    RepeatItem(usize, usize),
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(HOSTILE).prop_map(str::to_owned),
        2 => "[<>&\"'=/: a-z\u{202e}\u{05d0}-\u{05d4}]{0,40}",
        1 => any::<String>(),
        1 => "(19|20|99)[0-9]{2}-[0-9]{2}(-[0-9]{2})?",
        1 => proptest::sample::select(HOSTILE).prop_map(|s| s.repeat(2000)),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<usize>(), hostile_text()).prop_map(|(i, s)| Edit::SetString(i, s)),
        1 => (any::<usize>(), prop_oneof![any::<f64>().prop_filter("JSON has no NaN or infinity", |f| f.is_finite()), -1e6..1e6f64, Just(0.0), Just(-0.0)])
            .prop_map(|(i, n)| Edit::SetNumber(i, n)),
        1 => (any::<usize>(), any::<i64>()).prop_map(|(i, n)| Edit::SetStringToNumber(i, n)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Edit::DropItem(i, j)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Edit::RepeatItem(i, j)),
    ]
}

fn base() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just(SAMPLE), Just(VALID)]
}

/// The JSON pointers of every string, number and list in `value`.
fn places(value: &Value, at: String, found: &mut (Vec<String>, Vec<String>, Vec<String>)) {
    match value {
        Value::String(_) => found.0.push(at),
        Value::Number(_) => found.1.push(at),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                places(item, format!("{at}/{i}"), found);
            }
            found.2.push(at);
        }
        Value::Object(members) => {
            for (key, item) in members {
                let key = key.replace('~', "~0").replace('/', "~1");
                places(item, format!("{at}/{key}"), found);
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

fn apply(base: &str, edits: &[Edit]) -> String {
    let mut json: Value = serde_json::from_str(base).expect("the base feeds are JSON");
    for edit in edits {
        let mut found = Default::default();
        places(&json, String::new(), &mut found);
        let (strings, numbers, lists) = found;
        let pick =
            |list: &[String], i: usize| (!list.is_empty()).then(|| list[i % list.len()].clone());
        match edit {
            Edit::SetString(i, text) => {
                if let Some(at) = pick(&strings, *i) {
                    if let Some(slot) = json.pointer_mut(&at) {
                        *slot = Value::String(text.clone());
                    }
                }
            }
            Edit::SetNumber(i, n) => {
                if let (Some(at), Some(n)) = (pick(&numbers, *i), serde_json::Number::from_f64(*n))
                {
                    if let Some(slot) = json.pointer_mut(&at) {
                        *slot = Value::Number(n);
                    }
                }
            }
            Edit::SetStringToNumber(i, n) => {
                if let Some(at) = pick(&strings, *i) {
                    if let Some(slot) = json.pointer_mut(&at) {
                        *slot = Value::from(*n);
                    }
                }
            }
            Edit::DropItem(i, j) | Edit::RepeatItem(i, j) => {
                if let Some(Value::Array(items)) =
                    pick(&lists, *i).and_then(|at| json.pointer_mut(&at))
                {
                    if !items.is_empty() {
                        let j = j % items.len();
                        if matches!(edit, Edit::DropItem(..)) {
                            items.remove(j);
                        } else {
                            let copy = items[j].clone();
                            items.insert(j, copy);
                        }
                    }
                }
            }
        }
    }
    serde_json::to_string_pretty(&json).expect("a Value serializes")
}

fn edited_feed() -> impl Strategy<Value = String> {
    (base(), proptest::collection::vec(edit(), 0..12)).prop_map(|(base, edits)| apply(base, &edits))
}

/// Every widget the feed can show, in both languages, for `today` and `filter`.
fn render_all(feed: &Feed, today: chrono::NaiveDate, filter: &TrackerFilter) -> Vec<Node> {
    let mut trees = Vec::new();
    let mut pathways: Vec<Option<String>> = vec![None];
    pathways.extend(feed.pathways.iter().map(|p| Some(p.id.clone())));
    for lang in ["en", "bn"] {
        let widgets = pathways
            .iter()
            .map(|p| ("pathway", p.clone()))
            .chain([("tracker", None)]);
        for (widget, pathway) in widgets {
            let (options, _) = WidgetOptions::from_attributes(|name| match name {
                "data-send-widget" => Some(widget.to_owned()),
                "data-feed" => Some("feed.json".to_owned()),
                "data-pathway" => pathway.clone(),
                "data-lang" => Some(lang.to_owned()),
                _ => None,
            })
            .expect("fixed options");
            if let Ok(tree) = render_widget_at(feed, &options, "sp1", true, today, filter) {
                trees.push(tree);
            }
        }
    }
    trees
}

fn today() -> impl Strategy<Value = chrono::NaiveDate> {
    (0i64..6000).prop_map(|days| {
        chrono::NaiveDate::from_ymd_opt(2015, 1, 1).expect("a date")
            + chrono::Days::new(days as u64)
    })
}

fn filter() -> impl Strategy<Value = TrackerFilter> {
    prop_oneof![
        Just(String::new()),
        "(status=(overdue|complete|at_risk|x)&)?(q=[a-z<> ]{0,8}&)?(since=20[0-9]{2}-0[1-9]-1[0-9])?",
        any::<String>(),
    ]
    .prop_map(|fragment| TrackerFilter::from_fragment(&fragment))
}

/// Undoes the serializer's escapes, to compare the HTML's text with the tree's.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Reads the serialized HTML back, tag by tag: every tag and attribute name must be one the
/// renderers wrote (never feed text), no attribute value may hold a raw quote or bracket, and
/// the text between tags, unescaped, must be exactly the tree's text.
fn assert_markup_is_only_ours(tree: &Node) {
    let html = tree.to_html();
    let elements = tree.elements();
    let tags: HashSet<&str> = elements.iter().map(|e| e.tag).collect();
    let names: HashSet<&str> = elements
        .iter()
        .flat_map(|e| e.attrs.iter().map(|(n, _)| *n))
        .collect();
    let mut text = String::new();
    let mut open_tags = 0;
    let mut rest = html.as_str();
    while let Some(lt) = rest.find('<') {
        text.push_str(&unescape(&rest[..lt]));
        let end = rest[lt..].find('>').expect("every tag closes") + lt;
        let inside = &rest[lt + 1..end];
        rest = &rest[end + 1..];
        let (name, mut attrs) = inside.split_once(' ').unwrap_or((inside, ""));
        let name = name.strip_prefix('/').unwrap_or_else(|| {
            open_tags += 1;
            name
        });
        assert!(
            tags.contains(name),
            "a tag the renderers never wrote: <{inside}>"
        );
        while !attrs.is_empty() {
            let (attr, value) = attrs.split_once("=\"").expect("name=\"value\"");
            assert!(
                names.contains(attr),
                "an attribute the renderers never wrote: {attr}"
            );
            let close = value.find('"').expect("a closing quote");
            assert!(
                !value[..close].contains(['<', '>']),
                "raw bracket in {attr}"
            );
            attrs = value[close + 1..]
                .strip_prefix(' ')
                .unwrap_or(&value[close + 1..]);
        }
    }
    text.push_str(&unescape(rest));
    assert_eq!(open_tags, elements.len(), "one opening tag per element");
    assert_eq!(
        text,
        tree.text_content(),
        "the text is the feed's, literally"
    );
}

/// Links only to the web, email or phone (or within the widget); no script or style hooks.
fn assert_links_are_safe(tree: &Node) {
    for element in tree.elements() {
        for (name, value) in &element.attrs {
            let lower = value.trim_start().to_ascii_lowercase();
            if matches!(
                *name,
                "href" | "src" | "xlink:href" | "action" | "formaction"
            ) {
                assert!(
                    ["https://", "http://", "mailto:", "tel:", "#"]
                        .iter()
                        .any(|scheme| lower.starts_with(scheme)),
                    "<{} {name}=\"{value}\">",
                    element.tag
                );
                if let Some(rest) = lower
                    .strip_prefix("https://")
                    .or_else(|| lower.strip_prefix("http://"))
                {
                    assert!(
                        !rest.is_empty() && !rest.starts_with('/'),
                        "a link with no host: {value}"
                    );
                }
            }
            assert!(
                !name.starts_with("on") && *name != "style",
                "<{} {name}>",
                element.tag
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Anything `parse_feed` accepts, the widgets can show: rendering never panics, and its
    /// HTML holds no markup and no link from the feed but what the renderers meant.
    #[test]
    fn accepted_feeds_render_safely(text in edited_feed(), today in today(), filter in filter()) {
        if let Ok(feed) = parse_feed(&text) {
            for tree in render_all(&feed, today, &filter) {
                assert_markup_is_only_ours(&tree);
                assert_links_are_safe(&tree);
            }
        }
    }

    /// The checker never panics, and a feed it passes renders as the widgets would show it.
    #[test]
    fn feeds_the_checker_passes_render_safely(text in edited_feed(), today in today()) {
        let report = validate_feed(&text, today);
        if let Some(feed) = report.feed {
            prop_assert!(parse_feed(&text).is_ok(), "the checker passed what the widgets refuse");
            for tree in render_all(&feed, today, &TrackerFilter::default()) {
                assert_links_are_safe(&tree);
            }
        }
    }

    /// Writing a feed out and reading it back gives the same feed: no field is lost, renamed
    /// or changed on the way (the CLI and any tool that rewrites feeds rely on this).
    #[test]
    fn feeds_survive_a_round_trip(text in edited_feed()) {
        if let Ok(feed) = parse_feed(&text) {
            let written = serde_json::to_string(&feed).expect("a feed serializes");
            let read = parse_feed(&written);
            prop_assert_eq!(read.as_ref(), Ok(&feed), "{}", written);
        }
    }
}

#[test]
fn the_unedited_bases_are_accepted() {
    // Without this, a broken base would make every property vacuously true.
    for base in [SAMPLE, VALID] {
        let feed = parse_feed(&apply(base, &[])).expect("the base parses");
        assert!(!render_all(&feed, feed.updated, &TrackerFilter::default()).is_empty());
    }
}

/// Every input in `crates/fuzz/regressions/` (crashes, hangs and blow-ups found by the fuzzer
/// or these properties) is read, checked and rendered on stable, in every `cargo test`.
#[test]
fn fuzz_regressions_stay_fixed() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/regressions");
    let entries = std::fs::read_dir(folder).expect("crates/fuzz/regressions exists");
    for entry in entries {
        let path = entry.expect("a readable folder").path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let started = std::time::Instant::now();
        let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).expect("a date");
        if let Ok(feed) = parse_feed(&text) {
            render_all(&feed, today, &TrackerFilter::default());
        }
        if let Some(feed) = validate_feed(&text, today).feed {
            render_all(&feed, today, &TrackerFilter::default());
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{} took {:?}",
            path.display(),
            started.elapsed()
        );
    }
}
