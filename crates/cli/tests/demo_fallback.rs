//! The demo page's no-JavaScript fallback must be exactly what the core renders from the sample
//! feed today; otherwise families without JavaScript would read stale steps.

use send_core::options::WidgetOptions;
use send_core::widget::render_fallback;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

#[test]
fn demo_page_fallback_matches_the_feed() {
    let feed_text = std::fs::read_to_string(format!("{ROOT}/www/feed/tower-hamlets.json")).unwrap();
    let feed = send_core::parse_feed(&feed_text).unwrap();
    let page = std::fs::read_to_string(format!("{ROOT}/www/index.html")).unwrap();
    let (options, _) = WidgetOptions::from_attributes(|name| match name {
        "data-send-widget" => Some("pathway".into()),
        "data-feed" => Some("feed/tower-hamlets.json".into()),
        "data-pathway" => Some("autism".into()),
        _ => None,
    })
    .unwrap();
    let html = render_fallback(&feed, &feed_text, &options, "spf-autism")
        .unwrap()
        .to_html();
    let start = "<!-- sendfeed:fallback pathway autism -->";
    let block = page
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once("<!-- /sendfeed:fallback -->"))
        .map(|(block, _)| block.trim())
        .expect("index.html has the fallback markers");
    assert!(
        block == html,
        "www/index.html's fallback is out of date; run:\n  cargo run -p send-cli -- render www/feed/tower-hamlets.json --widget pathway --pathway autism --into www/index.html"
    );
}
