//! Any bytes as a feed: parsing, checking and rendering both widgets must never panic, and what
//! they render must never hold markup or a link the feed wrote in a dangerous scheme.
//!
//! The first line may also carry tracker filter text (`status=overdue&q=…`), so the filter
//! parser and matcher are fuzzed with the same input.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use send_core::feed::Feed;
use send_core::options::WidgetOptions;
use send_core::tracker::filter::TrackerFilter;
use send_core::validate::validate_feed;
use send_core::view::Node;
use send_core::widget::render_widget_at;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let filter = TrackerFilter::from_fragment(text.lines().next().unwrap_or_default());
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).expect("a real date");
    if let Ok(feed) = send_core::parse_feed(text) {
        render_everything(&feed, today, &filter);
    }
    if let Some(feed) = validate_feed(text, today).feed {
        render_everything(&feed, today, &filter);
    }
});

fn render_everything(feed: &Feed, today: NaiveDate, filter: &TrackerFilter) {
    let mut pathways: Vec<Option<String>> = vec![None];
    pathways.extend(feed.pathways.iter().map(|p| Some(p.id.clone())));
    for lang in ["en", "bn"] {
        for pathway in &pathways {
            check(feed, "pathway", pathway.clone(), lang, today, filter);
        }
        check(feed, "tracker", None, lang, today, filter);
    }
}

fn check(
    feed: &Feed,
    widget: &str,
    pathway: Option<String>,
    lang: &str,
    today: NaiveDate,
    filter: &TrackerFilter,
) {
    let (options, _) = WidgetOptions::from_attributes(|name| match name {
        "data-send-widget" => Some(widget.to_owned()),
        "data-feed" => Some("feed.json".to_owned()),
        "data-pathway" => pathway.clone(),
        "data-lang" => Some(lang.to_owned()),
        _ => None,
    })
    .expect("fixed options are valid");
    for interactive in [true, false] {
        if let Ok(tree) = render_widget_at(feed, &options, "sp1", interactive, today, filter) {
            assert_safe(&tree);
        }
    }
}

/// The serializer escapes text; links must be http(s), mailto or tel, or in-page anchors.
fn assert_safe(tree: &Node) {
    let html = tree.to_html();
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "markup from the feed: {html}");
    assert!(!lower.contains("<img"), "markup from the feed: {html}");
    for element in tree.elements() {
        if let Some(href) = element.get_attr("href") {
            let href = href.to_ascii_lowercase();
            assert!(
                ["https://", "http://", "mailto:", "tel:", "#"]
                    .iter()
                    .any(|scheme| href.starts_with(scheme)),
                "unsafe link {href}"
            );
        }
    }
}
