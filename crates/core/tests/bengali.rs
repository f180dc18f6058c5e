//! Both widgets rendered in Bengali from the sample feed, every part of them drawn (each
//! pathway with its steps open, a step marked, the clock running; the tracker with its key
//! figures): the numeral and punctuation policy holds in what the code puts together, not only
//! in the catalogue's own strings (those are checked in `i18n.rs`).

// Tests may use chrono's parser: they never reach the wasm (see .clippy.toml).
#![allow(clippy::disallowed_methods)]

use chrono::NaiveDate;
use send_core::options::WidgetOptions;
use send_core::pathway::state::PathwayView;
use send_core::tracker::filter::TrackerFilter;
use send_core::view::Node;
use send_core::widget::{render_pathway_widget, render_widget_at};
use send_core::{parse_feed, Feed};

const FEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../www/feed/tower-hamlets.json"
));

fn feed() -> Feed {
    parse_feed(FEED).unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn options(attrs: &[(&str, &str)]) -> WidgetOptions {
    WidgetOptions::from_attributes(|name| {
        attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
    .unwrap()
    .0
}

fn is_bengali(c: char) -> bool {
    ('\u{0980}'..='\u{09FF}').contains(&c)
}

/// Every text node and every attribute a reader or a screen reader meets.
fn texts(node: &Node, found: &mut Vec<String>) {
    match node {
        Node::Text(text) => found.push(text.clone()),
        Node::Element(element) => {
            for (name, value) in &element.attrs {
                if ["aria-label", "title", "placeholder"].contains(name) {
                    found.push(value.clone());
                }
            }
            for child in &element.children {
                texts(child, found);
            }
        }
    }
}

/// What breaks the policy in one piece of text: a Bengali digit, or a Latin full stop that
/// ends a Bengali sentence (after a Bengali word, or before the next Bengali sentence).
fn breaches(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if ('\u{09E6}'..='\u{09EF}').contains(&c) {
            found.push(format!("Bengali digit in \"{text}\""));
        }
        if c == '.' {
            let before = i > 0 && is_bengali(chars[i - 1]);
            let next_sentence =
                chars.get(i + 1) == Some(&' ') && chars.get(i + 2).copied().is_some_and(is_bengali);
            if before || next_sentence {
                found.push(format!("Latin full stop in \"{text}\""));
            }
        }
    }
    found
}

fn assert_policy(what: &str, tree: &Node) {
    let mut found = Vec::new();
    texts(tree, &mut found);
    assert!(
        found.iter().any(|t| t.chars().any(is_bengali)),
        "{what} is not in Bengali"
    );
    let problems: Vec<String> = found.iter().flat_map(|t| breaches(t)).collect();
    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
}

#[test]
fn every_pathway_in_bengali_has_latin_digits_and_ends_sentences_with_the_dari() {
    let feed = feed();
    for pathway in &feed.pathways {
        let mut view = PathwayView::new(date("2025-01-01"));
        view.expanded = pathway.steps.iter().map(|s| s.id.clone()).collect();
        view.step = pathway.steps.first().map(|s| s.id.clone());
        view.here = pathway.steps.get(1).map(|s| s.id.clone());
        view.clock_start = Some(date("2024-09-02"));
        let options = options(&[
            ("data-send-widget", "pathway"),
            ("data-feed", "feed.json"),
            ("data-pathway", &pathway.id),
            ("data-lang", "bn"),
        ]);
        let tree = render_pathway_widget(&feed, &options, "sp1", &view).unwrap();
        assert_policy(&pathway.id, &tree);
    }
}

#[test]
fn the_tracker_in_bengali_has_latin_digits_and_ends_sentences_with_the_dari() {
    let feed = feed();
    let options = options(&[
        ("data-send-widget", "tracker"),
        ("data-feed", "feed.json"),
        ("data-lang", "bn"),
    ]);
    // A day long after the feed's date: the stale-feed notice and overdue details show too.
    let today = date("2026-12-01");
    let tree = render_widget_at(
        &feed,
        &options,
        "sp1",
        true,
        today,
        &TrackerFilter::default(),
    )
    .unwrap();
    assert_policy("tracker", &tree);
    let freshness = tree
        .elements()
        .into_iter()
        .find(|e| e.get_attr("class") == Some("sp-updated"))
        .map(|e| Node::Element(e.clone()).text_content())
        .unwrap();
    assert!(
        freshness.ends_with("1 ডিসেম্বর 2026 তারিখ অনুযায়ী হিসাব করা হয়েছে।"),
        "{freshness}"
    );
    assert!(freshness.contains("। অবস্থাগুলো"), "{freshness}");
}
