//! The progress page's no-JavaScript fallback must be exactly what the core renders from the
//! sample feed; otherwise readers without JavaScript would see an out-of-date plan.
//!
//! The static fallback is worked out as of the feed's `updated` date (it cannot know the
//! reader's today), so it changes only when the feed does.

use send_core::options::WidgetOptions;
use send_core::widget::render_widget;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

#[test]
fn progress_page_fallback_matches_the_feed() {
    let feed_text = std::fs::read_to_string(format!("{ROOT}/www/feed/tower-hamlets.json")).unwrap();
    let feed = send_core::parse_feed(&feed_text).unwrap();
    let page = std::fs::read_to_string(format!("{ROOT}/www/progress.html")).unwrap();
    let (options, _) = WidgetOptions::from_attributes(|name| match name {
        "data-send-widget" => Some("tracker".into()),
        "data-feed" => Some("feed/tower-hamlets.json".into()),
        _ => None,
    })
    .unwrap();
    let html = render_widget(&feed, &options, "spf-widget", false)
        .unwrap()
        .to_html();
    let block = page
        .split_once("<!-- sendfeed:fallback tracker -->")
        .and_then(|(_, rest)| rest.split_once("<!-- /sendfeed:fallback -->"))
        .map(|(block, _)| block.trim())
        .expect("progress.html has the tracker fallback markers");
    assert!(
        block == html,
        "www/progress.html's fallback is out of date; run:\n  cargo run -p send-cli -- render www/feed/tower-hamlets.json --widget tracker --into www/progress.html"
    );
    // The fallback is static: no form, no buttons, every chart's table visible.
    assert!(!html.contains("<button") && !html.contains("<form"));
    assert!(!html.contains("sp-chart__data sp-visually-hidden"));
}
