//! A family must be able to reach a service from either widget, with JavaScript or without:
//! every part of a contact the feed gives (name, phone, email, website, opening hours) is
//! shown, and the website's link text says where it goes rather than repeating the URL.
//!
//! The feed is the checker's made-up example council, with made-up contact details.

use send_core::options::WidgetOptions;
use send_core::widget::render_widget;

fn feed() -> send_core::Feed {
    let text = include_str!("fixtures/validate/overdue-measure/feed.json")
        .replace(
            r#""contact": {"url": "https://example.gov.uk/advice", "phone": "020 7946 0001"}"#,
            r#""contact": {"name": "Advice line (made up)", "url": "https://example.gov.uk/advice", "phone": "020 7946 0001", "email": "advice@example.gov.uk", "note": "Monday to Friday, 9:30am to 4:30pm (made up)"}"#,
        );
    assert!(text.contains("Advice line (made up)"));
    send_core::parse_feed(&text).unwrap()
}

fn options(widget: &str) -> WidgetOptions {
    WidgetOptions::from_attributes(|name| match name {
        "data-send-widget" => Some(widget.into()),
        "data-feed" => Some("feed.json".into()),
        _ => None,
    })
    .unwrap()
    .0
}

#[test]
fn the_pathway_shows_a_service_contact_whole_in_the_widget_and_the_fallback() {
    let feed = feed();
    for interactive in [true, false] {
        let html = render_widget(&feed, &options("pathway"), "sp1", interactive)
            .unwrap()
            .to_html();
        for part in [
            "<dt>Contact</dt><dd>Advice line (made up)</dd>",
            "<a href=\"tel:02079460001\">020 7946 0001</a>",
            "<a href=\"mailto:advice@example.gov.uk\">advice@example.gov.uk</a>",
            "<a href=\"https://example.gov.uk/advice\">Advice line (made up) website (example.gov.uk)</a>",
            "<dt>Opening hours and notes</dt><dd>Monday to Friday, 9:30am to 4:30pm (made up)</dd>",
        ] {
            assert!(html.contains(part), "interactive {interactive}: {part}");
        }
        assert!(!html.contains(">https://example.gov.uk/advice</a>"));
    }
}

#[test]
fn the_tracker_shows_the_councils_contact_for_questions_about_the_plan() {
    let feed = feed();
    for interactive in [true, false] {
        let html = render_widget(&feed, &options("tracker"), "sp1", interactive)
            .unwrap()
            .to_html();
        assert!(
            html.contains(">Questions about this plan</h3>"),
            "{interactive}"
        );
        assert!(html.contains("<a href=\"mailto:send@example.gov.uk\">send@example.gov.uk</a>"));
        assert!(html.contains("<a href=\"tel:02079460000\">020 7946 0000</a>"));
    }
}
