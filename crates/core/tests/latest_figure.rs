//! One "latest figure" (issue 20, item 5): the pathway's words about a linked indicator and the
//! tracker's facts use the same rule (the latest period, wherever it is listed), so the two
//! widgets cannot name different figures for the same indicator. They used to: the pathway took
//! the last one listed.

// Tests may use serde and chrono's parser: they never reach the wasm (see .clippy.toml).
#![allow(clippy::disallowed_methods)]

use chrono::NaiveDate;
use send_core::options::WidgetOptions;
use send_core::pathway::state::{PathwayView, View};
use send_core::tracker::indicator::{facts, latest};
use send_core::view::Node;
use send_core::widget::render_pathway_widget;
use send_core::{parse_feed, Feed};

const FEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../www/feed/tower-hamlets.json"
));

fn options() -> WidgetOptions {
    let attrs = [
        ("data-send-widget", "pathway"),
        ("data-feed", "feed.json"),
        ("data-pathway", "ehc-needs-assessment"),
    ];
    WidgetOptions::from_attributes(|name| {
        attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
    .unwrap()
    .0
}

/// The words in the open step's details on the map.
fn details(feed: &Feed) -> String {
    let mut view = PathwayView::new(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
    view.step = Some("final-plan".into());
    // The map is drawn only while the family sees it.
    view.view = View::Map;
    let tree: Node = render_pathway_widget(feed, &options(), "sp1", &view).unwrap();
    tree.elements()
        .into_iter()
        .find(|e| {
            e.get_attr("class")
                .is_some_and(|c| c.split(' ').any(|c| c == "sp-map__details"))
        })
        .map(|e| Node::Element(e.clone()).text_content())
        .unwrap()
}

#[test]
fn both_widgets_take_the_latest_period_not_the_last_listed() {
    let mut feed = parse_feed(FEED).unwrap();
    let words_in_order = details(&feed);
    let indicator = feed
        .indicators
        .iter_mut()
        .find(|i| i.id == "ehcp-timeliness")
        .unwrap();
    // The sample lists 2021 (27%) then 2023 (48%); list them the other way round.
    assert!(indicator.actual.len() >= 2);
    indicator.actual.reverse();
    assert_eq!(indicator.actual.last().unwrap().value, 27.0);
    let tracker = facts(indicator).latest.unwrap();
    assert_eq!(
        (tracker.period.to_string(), tracker.value),
        ("2023".into(), 48.0)
    );
    let words = details(&feed);
    assert!(words.contains("Latest figure: 48% (2023)."), "{words}");
    assert!(!words.contains("27%"), "{words}");
    // The order a feed lists its figures in changes nothing a family reads.
    assert_eq!(words, words_in_order);
}

#[test]
fn the_latest_of_a_series_is_by_period() {
    let feed = parse_feed(FEED).unwrap();
    for indicator in &feed.indicators {
        let mut backwards = indicator.actual.clone();
        backwards.reverse();
        assert_eq!(
            latest(&indicator.actual).map(|p| p.period),
            latest(&backwards).map(|p| p.period),
            "{}",
            indicator.id
        );
    }
    assert!(latest(&[]).is_none());
}
