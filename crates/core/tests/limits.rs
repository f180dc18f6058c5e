//! Limits (issue 8): a feed at the edge of what the widgets accept still parses, checks and
//! renders in reasonable time: 10,000 steps in one pathway and 10,000 measures in the plan.
//!
//! Timings are printed (`cargo test -p send-core --test limits -- --nocapture --include-ignored`)
//! and recorded in www/docs/security.md; the assertions are only generous guards against a
//! quadratic slip, since a shared machine makes exact times move. The 10,000-step case found a
//! stack overflow in the validator's cycle check (fixed) and is still too slow: it is ignored
//! until the pathway renderer is linear.

use send_core::options::WidgetOptions;
use send_core::parse::MAX_FEED_BYTES;
use send_core::tracker::filter::TrackerFilter;
use send_core::validate::validate_feed;
use send_core::widget::render_widget_at;
use std::fmt::Write;
use std::time::{Duration, Instant};

const STEPS: usize = 10_000;
const MEASURES: usize = 10_000;

/// One pathway of `steps` chained steps in three stages, and a plan with `measures` measures in
/// 100 actions, every reference valid.
fn big_feed(steps: usize, measures: usize) -> String {
    let mut step_list = String::new();
    for i in 0..steps {
        let stage = ["before", "during", "after"][i * 3 / steps];
        let next = if i + 1 < steps {
            format!(r#", "next": {{"steps": ["s{}"]}}"#, i + 1)
        } else {
            String::new()
        };
        let comma = if i + 1 < steps { "," } else { "" };
        let _ = writeln!(
            step_list,
            r#"{{"id": "s{i}", "stage": "{stage}", "title": "Step {i}", "body": "What happens at step {i}.", "services": ["advice"]{next}}}{comma}"#
        );
    }
    let actions = 100;
    let mut action_list = String::new();
    for a in 0..actions {
        let mut measure_list = String::new();
        for m in 0..measures / actions {
            let status = [
                "complete",
                "on_track",
                "at_risk",
                "off_track",
                "not_started",
            ][m % 5];
            let comma = if m + 1 < measures / actions { "," } else { "" };
            let _ = write!(
                measure_list,
                r#"{{"text": "Measure {a}.{m}", "deadline": "December 2025", "status": "{status}", "status_date": "2025-06"}}{comma}"#
            );
        }
        let comma = if a + 1 < actions { "," } else { "" };
        let _ = writeln!(
            action_list,
            r#"{{"ref": "{a}", "title": "Action {a}", "leads": ["Lead {a}"], "priorities": ["1"], "measures": [{measure_list}]}}{comma}"#
        );
    }
    format!(
        r#"{{
  "version": 1,
  "publisher": {{"name": "Example Council"}},
  "updated": "2025-07-01",
  "languages": ["en"],
  "services": [{{"id": "advice", "name": "SEND advice service"}}],
  "pathways": [{{
    "id": "long",
    "title": "A very long pathway",
    "stages": [{{"id": "before", "title": "Before"}}, {{"id": "during", "title": "During"}}, {{"id": "after", "title": "After"}}],
    "steps": [
{step_list}    ]
  }}],
  "plan": {{
    "title": "A very long plan",
    "label": "Improvement plan",
    "priorities": [{{"id": "1", "title": "Everything"}}],
    "workstreams": [{{"id": "1", "title": "All of it", "actions": [
{action_list}    ]}}]
  }}
}}"#
    )
}

fn timed<T>(what: &str, run: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let result = run();
    let took = started.elapsed();
    eprintln!("{what}: {} ms", took.as_millis());
    (result, took)
}

/// Parses, checks and renders both widgets; returns the total time.
fn parse_check_render(text: &str) -> Duration {
    eprintln!("feed: {} bytes", text.len());
    assert!(
        text.len() < MAX_FEED_BYTES,
        "the test feed is within the limit"
    );
    let today = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).expect("a date");
    let (feed, parse) = timed("parse_feed", || send_core::parse_feed(text));
    let feed = feed.expect("the big feed parses");
    let (report, validate) = timed("validate_feed", || validate_feed(text, today));
    assert_eq!(report.errors(), 0, "{:?}", report.diagnostics.first());
    let mut total = parse + validate;
    for widget in ["pathway", "tracker"] {
        let (options, _) = WidgetOptions::from_attributes(|name| match name {
            "data-send-widget" => Some(widget.to_owned()),
            "data-feed" => Some("feed.json".to_owned()),
            _ => None,
        })
        .expect("fixed options");
        let (tree, render) = timed(&format!("render {widget}"), || {
            render_widget_at(
                &feed,
                &options,
                "sp1",
                true,
                today,
                &TrackerFilter::default(),
            )
        });
        let tree = tree.expect("it renders");
        let (html, serialize) = timed(&format!("serialize {widget}"), || tree.to_html());
        eprintln!("{widget} HTML: {} bytes", html.len());
        total += render + serialize;
    }
    total
}

#[test]
fn ten_thousand_measures_parse_check_and_render() {
    let total = parse_check_render(&big_feed(10, MEASURES));
    // Generous: an unoptimised test build on a busy machine; quadratic code would take minutes.
    assert!(total < Duration::from_secs(30), "took {total:?}");
}

#[test]
#[ignore = "known slow: 10,000 chained steps take about 18 s to check and 110 s to render in a debug build (quadratic in the pathway renderer and the validator); see www/docs/security.md"]
fn ten_thousand_steps_parse_check_and_render() {
    let total = parse_check_render(&big_feed(STEPS, 100));
    assert!(total < Duration::from_secs(30), "took {total:?}");
}
