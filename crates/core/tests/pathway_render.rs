//! The pathway widget as a family meets it, rendered natively from the sample feed: the list's
//! fixes to the GOV.UK pattern, the map, "find my pathway", "we are here", the statutory clock,
//! languages and the static fallback.

// Tests may use serde and chrono's parser: they never reach the wasm (see .clippy.toml).
#![allow(clippy::disallowed_methods)]

use chrono::NaiveDate;
use send_core::options::WidgetOptions;
use send_core::pathway::audience::Finder;
use send_core::pathway::state::{PathwayView, View};
use send_core::view::{Element, Node};
use send_core::widget::{render_pathway_widget, render_widget};
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

fn options(pathway: &str, lang: &str) -> WidgetOptions {
    let attrs = [
        ("data-send-widget", "pathway"),
        ("data-feed", "feed.json"),
        ("data-pathway", pathway),
        ("data-lang", lang),
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

fn widget(pathway: &str, lang: &str, view: &PathwayView) -> Node {
    render_pathway_widget(&feed(), &options(pathway, lang), "sp1", view).unwrap()
}

/// The widget with the map chosen (it fits by default): the map is drawn only then.
fn map_widget(pathway: &str, lang: &str, view: &PathwayView) -> Node {
    let mut view = view.clone();
    view.view = View::Map;
    widget(pathway, lang, &view)
}

fn with_class<'a>(tree: &'a Node, class: &str) -> Vec<&'a Element> {
    tree.elements()
        .into_iter()
        .filter(|e| {
            e.get_attr("class")
                .is_some_and(|c| c.split(' ').any(|c| c == class))
        })
        .collect()
}

fn text(element: &Element) -> String {
    Node::Element(element.clone()).text_content()
}

/// The words a screen reader takes as the element's name from its content: without what is
/// `aria-hidden` (the drawn step number, the "Show"/"Hide" words).
fn name(element: &Element) -> String {
    fn walk(node: &Node, out: &mut String) {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.get_attr("aria-hidden") == Some("true") => {}
            Node::Element(e) => e.children.iter().for_each(|c| walk(c, out)),
        }
    }
    let mut out = String::new();
    walk(&Node::Element(element.clone()), &mut out);
    out
}

#[test]
fn the_step_number_is_read_with_the_button_and_or_steps_keep_their_level() {
    let tree = widget("autism", "en", &PathwayView::new(date("2025-01-01")));
    let buttons = with_class(&tree, "sp-step__toggle");
    assert_eq!(buttons.len(), 9);
    for button in &buttons {
        let name = name(button);
        assert!(
            name.starts_with("Step ") || name.starts_with("or step "),
            "{name}"
        );
    }
    assert!(
        name(buttons[8]).starts_with("or step 8: "),
        "{}",
        name(buttons[8])
    );
    let levels: Vec<&str> = with_class(&tree, "sp-step__heading")
        .iter()
        .map(|h| h.tag)
        .collect();
    assert!(levels.iter().all(|tag| *tag == "h4"), "{levels:?}");
}

#[test]
fn headings_never_skip_a_level() {
    for pathway in ["autism", "ehc-needs-assessment", "preparing-for-adulthood"] {
        let mut view = PathwayView::new(date("2025-01-01"));
        view.step = Some(feed().pathway(pathway).unwrap().steps[0].id.clone());
        view.clock_start = Some(date("2024-09-02"));
        let tree = widget(pathway, "en", &view);
        let mut last = 1;
        for element in tree.elements() {
            if let Some(level) = element
                .tag
                .strip_prefix('h')
                .and_then(|n| n.parse::<u8>().ok())
            {
                assert!(level <= last + 1, "{pathway}: h{last} then h{level}");
                last = level;
            }
        }
    }
}

#[test]
fn the_map_draws_every_step_with_one_tab_stop_and_arrow_key_targets() {
    let tree = map_widget("autism", "en", &PathwayView::new(date("2025-01-01")));
    let nodes = with_class(&tree, "sp-map__node");
    assert_eq!(nodes.len(), 9);
    let stops = nodes
        .iter()
        .filter(|n| n.get_attr("tabindex") == Some("0"))
        .count();
    assert_eq!(stops, 1);
    let ids: Vec<&str> = nodes
        .iter()
        .filter_map(|n| n.get_attr("data-step"))
        .collect();
    for node in &nodes {
        for key in [
            "data-sp-up",
            "data-sp-down",
            "data-sp-left",
            "data-sp-right",
        ] {
            if let Some(target) = node.get_attr(key) {
                assert!(ids.contains(&target), "{key}={target}");
            }
        }
        let name = node.get_attr("aria-label").unwrap();
        assert!(
            name.starts_with("Step ") || name.starts_with("or step "),
            "{name}"
        );
    }
    // Details are closed until a step is opened.
    let details = &with_class(&tree, "sp-map__details")[0];
    assert!(details.get_attr("hidden").is_some());
}

/// The map's elements are built only while the family sees it: chosen and fitting. Its empty
/// box stays, so showing it later fills the box (issue 20 item 8: on a phone it never fits,
/// and building it was a fifth of the widget's elements at mount).
#[test]
fn the_map_is_drawn_only_while_it_is_shown() {
    let mut view = PathwayView::new(date("2025-01-01"));
    for (chosen, fits, drawn) in [
        (View::Map, true, true),
        (View::Map, false, false),
        (View::List, true, false),
    ] {
        view.view = chosen;
        view.map_fits = fits;
        let tree = widget("autism", "en", &view);
        let boxes = with_class(&tree, "sp-map-view");
        assert_eq!(boxes.len(), 1);
        assert_eq!(
            !boxes[0].children.is_empty(),
            drawn,
            "{chosen:?} fits {fits}"
        );
        assert_eq!(
            with_class(&tree, "sp-map__node").len(),
            if drawn { 9 } else { 0 }
        );
    }
}

#[test]
fn an_open_step_shows_its_details_and_the_views_keep_it() {
    let mut view = PathwayView::new(date("2025-01-01"));
    view.step = Some("waiting-list".into());
    for v in [View::Map, View::List] {
        view.view = v;
        let tree = widget("autism", "en", &view);
        if v == View::Map {
            let details = &with_class(&tree, "sp-map__details")[0];
            assert!(details.get_attr("hidden").is_none());
            assert!(text(details).contains("Step 3: Waiting for the assessment"));
        }
        // The same step is open in the list.
        let item = tree
            .elements()
            .into_iter()
            .find(|e| e.get_attr("id") == Some("sp1-panel-waiting-list"))
            .unwrap();
        assert!(item.get_attr("hidden").is_none());
    }
}

#[test]
fn linked_indicators_say_the_real_figures_in_words() {
    let mut view = PathwayView::new(date("2025-01-01"));
    view.step = Some("final-plan".into());
    let tree = map_widget("ehc-needs-assessment", "en", &view);
    let details = text(with_class(&tree, "sp-map__details")[0]);
    assert!(details.contains("Latest figure: 48% (2023)."), "{details}");
    assert!(details
        .contains("Target: at least 90% of EHC needs assessments completed within 20 weeks."));
    assert!(details.contains("The latest figure does not meet the target."));
    // The autism waiting list has a plan but no published actual figure: it says so.
    view.step = Some("waiting-list".into());
    let tree = map_widget("autism", "en", &view);
    let details = text(with_class(&tree, "sp-map__details")[0]);
    assert!(details.contains("No actual figure has been published"));
    assert!(details.contains("The plan expected 139 by December 2023."));
}

#[test]
fn the_finder_hides_steps_outside_the_age_and_says_how_many() {
    let mut view = PathwayView::new(date("2025-01-01"));
    view.finder = Finder {
        age: Some(13),
        need: None,
    };
    let tree = map_widget("preparing-for-adulthood", "en", &view);
    let hidden = &with_class(&tree, "sp-finder__hidden")[0];
    assert_eq!(hidden.get_attr("data-sp-hidden-count"), Some("3"));
    assert!(text(hidden).starts_with("3 steps are hidden"));
    let steps: Vec<&str> = tree
        .elements()
        .into_iter()
        .filter(|e| e.tag == "li")
        .filter_map(|e| e.get_attr("data-step"))
        .collect();
    assert!(!steps.contains(&"transition-plan"));
    assert_eq!(with_class(&tree, "sp-map__node").len(), steps.len());
    // Pathways that fit a 13-year-old: the EHC pathway and this one (autism is for autism only
    // when a need is given; with "not sure yet" it fits too).
    let fitting: Vec<String> = with_class(&tree, "sp-finder__pathways")[0]
        .children
        .iter()
        .map(Node::text_content)
        .collect();
    assert_eq!(fitting.len(), 3);
    assert!(fitting[2].contains("you are looking at it"));
}

#[test]
fn we_are_here_marks_the_step_and_what_comes_next_in_map_and_list() {
    let mut view = PathwayView::new(date("2025-01-01"));
    view.here = Some("decision".into());
    let tree = map_widget("autism", "en", &view);
    let here: Vec<_> = with_class(&tree, "sp-step--here");
    assert_eq!(here[0].get_attr("data-step"), Some("decision"));
    let next: Vec<&str> = with_class(&tree, "sp-step--next")
        .iter()
        .filter_map(|e| e.get_attr("data-step"))
        .collect();
    assert_eq!(next, ["family-support", "support-in-setting"]);
    assert_eq!(with_class(&tree, "sp-map__node--here").len(), 1);
    assert_eq!(with_class(&tree, "sp-map__node--next").len(), 2);
    let banner = text(with_class(&tree, "sp-here")[0]);
    assert!(banner.contains("You marked this step: Step 5: The diagnosis decision."));
    assert!(banner.contains("What comes next: Step 6: Support for your family and Step 7"));
    assert!(banner.contains("Forget this"));
}

#[test]
fn the_clock_shows_the_familys_dates_from_the_feed_and_flags_overdue_ones() {
    let mut view = PathwayView::new(date("2024-12-01"));
    view.clock_start = Some(date("2024-09-02"));
    let tree = widget("ehc-needs-assessment", "en", &view);
    let clock = text(with_class(&tree, "sp-clock")[0]);
    assert!(clock.contains("Today is in week 13 of 20."), "{clock}");
    let milestones = with_class(&tree, "sp-milestone");
    let by_id = |id: &str| {
        *milestones
            .iter()
            .find(|m| m.get_attr("data-milestone") == Some(id))
            .unwrap()
    };
    let decision = text(by_id("decision-to-assess"));
    assert!(
        decision.contains("By 14 October 2024 (week 6)"),
        "{decision}"
    );
    assert!(decision.contains("Overdue"));
    assert!(decision.contains("What you can do: Ask the council's SEN Service"));
    let final_plan = text(by_id("final-plan-issued"));
    assert!(final_plan.contains("By 20 January 2025 (week 20)"));
    assert!(!final_plan.contains("Overdue"));
}

#[test]
fn bengali_ui_marks_english_feed_text_and_keeps_every_fixed_string_translated() {
    let tree = widget("autism", "bn", &PathwayView::new(date("2025-01-01")));
    let root = match &tree {
        Node::Element(e) => e,
        Node::Text(_) => unreachable!(),
    };
    assert_eq!(root.get_attr("lang"), Some("bn"));
    let title = &with_class(&tree, "sp-step__title")[0];
    assert_eq!(
        title.get_attr("lang"),
        Some("en"),
        "feed text falls back to English, marked"
    );
    let button = name(with_class(&tree, "sp-step__toggle")[0]);
    assert!(button.starts_with("ধাপ 1: "), "{button}");
    let legend = tree
        .elements()
        .into_iter()
        .find(|e| e.tag == "legend")
        .unwrap();
    assert_eq!(text(legend), "আপনার সন্তানের জন্য পথ খুঁজুন");
}

#[test]
fn links_use_only_safe_schemes_and_phone_numbers_are_tel() {
    let mut view = PathwayView::new(date("2025-01-01"));
    view.expanded = feed()
        .pathways
        .iter()
        .flat_map(|p| p.steps.iter().map(|s| s.id.clone()))
        .collect();
    for pathway in ["autism", "ehc-needs-assessment", "preparing-for-adulthood"] {
        let tree = widget(pathway, "en", &view);
        for link in tree.elements().into_iter().filter(|e| e.tag == "a") {
            let href = link.get_attr("href").unwrap();
            assert!(
                ["https://", "http://", "mailto:", "tel:", "#"]
                    .iter()
                    .any(|s| href.starts_with(s)),
                "{href}"
            );
        }
    }
}

/// The fallback's elements, split into its room for the widget's controls (`data-sp-room`,
/// hidden until the widget unhides them) and everything else, which every reader gets.
fn split_room<'a>(node: &'a Node, rooms: &mut Vec<&'a Element>, rest: &mut Vec<&'a Element>) {
    if let Node::Element(element) = node {
        if element.get_attr("data-sp-room").is_some() {
            rooms.push(element);
            return;
        }
        rest.push(element);
        for child in &element.children {
            split_room(child, rooms, rest);
        }
    }
}

#[test]
fn the_fallback_is_the_list_with_every_step_open_and_no_controls() {
    let feed = feed();
    let tree = render_widget(&feed, &options("ehc-needs-assessment", "en"), "spf", false).unwrap();
    let (mut rooms, mut rest) = (Vec::new(), Vec::new());
    split_room(&tree, &mut rooms, &mut rest);
    // What a reader without JavaScript gets has no control, no map, nothing hidden.
    assert!(rest
        .iter()
        .all(|e| !["button", "svg", "input", "select"].contains(&e.tag)));
    assert!(rest.iter().all(|e| e.get_attr("hidden").is_none()));
    // The widget's controls are there only as hidden room.
    assert!(rooms.iter().all(|e| e.get_attr("hidden") == Some("")));
    assert_eq!(
        with_class(&tree, "sp-step").len(),
        feed.pathway("ehc-needs-assessment").unwrap().steps.len()
    );
    // The time limits are there in words.
    let clock = text(with_class(&tree, "sp-clock")[0]);
    assert!(clock.contains("Within 6 weeks") && clock.contains("Within 16 weeks and 15 days"));
}

/// Each control the fallback holds as room is what the widget draws first, less the two
/// attributes: taking the fallback, the widget unhides them rather than adding them above the
/// list, which moved the list on a phone (CLS 0.029 on the demo page at 390 px; issue 20 item 8).
#[test]
fn the_fallback_holds_the_widgets_first_controls_as_room() {
    let feed = feed();
    for pathway in ["autism", "ehc-needs-assessment"] {
        for lang in ["en", "bn"] {
            let options = options(pathway, lang);
            let fallback = render_widget(&feed, &options, "spf", false).unwrap();
            let drawn =
                render_pathway_widget(&feed, &options, "spf", &PathwayView::new(feed.updated))
                    .unwrap();
            let (mut rooms, mut rest) = (Vec::new(), Vec::new());
            split_room(&fallback, &mut rooms, &mut rest);
            let classes: Vec<&str> = rooms.iter().filter_map(|e| e.get_attr("class")).collect();
            let mut expected = vec!["sp-toolbar", "sp-finder", "sp-here"];
            if pathway == "ehc-needs-assessment" {
                expected.extend(["sp-date", "sp-privacy"]);
            }
            expected.push("sp-controls");
            assert_eq!(
                classes
                    .iter()
                    .map(|c| c.split(' ').next().unwrap())
                    .collect::<Vec<_>>(),
                expected,
                "{pathway} {lang}"
            );
            let elements = drawn.elements();
            for room in rooms {
                let mut unhidden = room.clone();
                unhidden
                    .attrs
                    .retain(|(name, _)| *name != "hidden" && *name != "data-sp-room");
                assert!(
                    elements.iter().any(|e| **e == unhidden),
                    "{pathway} {lang}: the widget does not draw {}",
                    Node::Element(unhidden.clone()).to_html()
                );
            }
        }
    }
}
