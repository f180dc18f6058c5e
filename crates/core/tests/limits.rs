//! Limits (issue 8): a feed at the edge of what the widgets accept still parses, checks and
//! renders in reasonable time: 10,000 steps in one pathway and 10,000 measures in the plan.
//!
//! Timings are printed (`cargo test -p send-core --test limits -- --nocapture`) and recorded in
//! www/docs/security.md. No test asserts a time: each compares a feed with one ten times its
//! size in the same run, so a quadratic slip fails whatever the machine is doing. The
//! 10,000-step case found a stack overflow in the validator's cycle check and quadratic
//! lookups in the map layout and step numbering (all fixed).

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

/// How the time grows from `small` to ten times as much, measured in one run: the machine's
/// speed cancels out, so this checks the shape (linear gives about 10, quadratic about 100)
/// without asserting any wall-clock time.
fn growth(small: &str, large: &str) -> f64 {
    let (small, large) = (parse_check_render(small), parse_check_render(large));
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    eprintln!("ten times the feed took {ratio:.1} times as long");
    ratio
}

#[test]
fn ten_thousand_measures_grow_linearly() {
    let ratio = growth(&big_feed(10, MEASURES / 10), &big_feed(10, MEASURES));
    assert!(ratio < 40.0, "10x the measures took {ratio:.1}x the time");
}

#[test]
fn ten_thousand_steps_grow_linearly() {
    let ratio = growth(&big_feed(STEPS / 10, 100), &big_feed(STEPS, 100));
    assert!(ratio < 40.0, "10x the steps took {ratio:.1}x the time");
}
