//! Native speed of the core, on the sample feed and on feeds 10×, 50× and 100× its size.
//!
//! `cargo xtask bench` runs this and reads criterion's estimates into its report (see
//! `www/docs/benchmarks.md`). Each operation is a criterion group, each feed size a parameter,
//! so the estimates land in `<criterion home>/<group>/<1x|10x|50x|100x>/new/estimates.json`:
//!
//! - `parse`: `parse_feed`, what a widget does with the feed text;
//! - `deserialize`: `read_feed`, which is `parse_feed` less its size check (the widgets' own
//!   reader, `send_core::read`; until November 2026 this row was serde_json's derived code);
//! - `validate`: `validate_feed`, the officer's checker (reads with positions, schema, semantics);
//! - `render_pathway`, `render_tracker`: one widget's view tree from a parsed feed;
//! - `widgets`: deserialize, then render both widgets: the core's share of a page with both;
//! - `pipeline`: validate, then render both: parse + validate + render, as issue 7 words it.
//!
//! `parse_feed` and `validate_feed` refuse feeds over `MAX_FEED_BYTES` (5 MB); the 100× feed
//! (8.7 MB) is over it, so `parse`, `validate` and `pipeline` stop at 50× (4.4 MB), the largest
//! round multiple under the limit, and `deserialize` and `widgets` carry the 100× measurement.
//!
//! With `SEND_BENCH_OUT=dir` it first writes, for the browser bench, the generated feeds
//! (`feed-10x.json`, `feed-50x.json`, `feed-100x.json`) and each widget's no-JavaScript fallback for each size
//! (`fallback-pathway-1x.html`...), which the bench page puts inside its placeholders as an editor
//! would; with `SEND_BENCH_FEEDS_ONLY=1` it stops after that.

mod scale;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use send_core::feed::Feed;
use send_core::options::{WidgetKind, WidgetOptions};
use send_core::parse::{read_feed, MAX_FEED_BYTES};
use send_core::parse_feed;
use send_core::text::Lang;
use send_core::tracker::filter::TrackerFilter;
use send_core::validate::validate_feed;
use send_core::view::Node;
use send_core::widget::{render_widget, render_widget_at};
use std::hint::black_box;
use std::time::Duration;

const SAMPLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../www/feed/tower-hamlets.json"
));

/// How many copies of the sample each measured feed holds.
const SIZES: [usize; 4] = [1, 10, 50, 100];

/// A measured feed: its text as a browser would fetch it, and the parsed feed.
struct Sized {
    times: usize,
    text: String,
    feed: Feed,
}

/// Whether the core's readers accept a feed of this size at all.
fn readable(text: &str) -> bool {
    text.len() <= MAX_FEED_BYTES
}

fn deserialize(text: &str) -> Feed {
    read_feed(text).unwrap_or_else(|e| panic!("a generated feed: {e}"))
}

/// The sample and its scaled copies, each checked by the validator where it may read it (and
/// by serde where not): a generated feed with errors would measure the error path.
fn feeds() -> Vec<Sized> {
    let sample = parse_feed(SAMPLE).unwrap_or_else(|e| panic!("the sample feed: {e}"));
    SIZES
        .iter()
        .map(|&times| {
            let text = if times == 1 {
                SAMPLE.to_owned()
            } else {
                serde_json::to_string_pretty(&scale::scaled(&sample, times))
                    .unwrap_or_else(|e| panic!("serialising the {times}x feed: {e}"))
            };
            if readable(&text) {
                let report = validate_feed(&text, sample.updated);
                if report.errors() > 0 {
                    panic!(
                        "the generated {times}x feed has {} errors, first: {:?}",
                        report.errors(),
                        report.diagnostics.first()
                    );
                }
            }
            let feed = deserialize(&text);
            Sized { times, text, feed }
        })
        .collect()
}

fn options(kind: WidgetKind) -> WidgetOptions {
    WidgetOptions {
        kind,
        feed: "bench.json".to_owned(),
        pathway: None,
        plan: None,
        lang: Lang::En,
        heading_level: 2,
        view: Default::default(),
    }
}

fn render(feed: &Feed, kind: WidgetKind) -> Node {
    render_widget_at(
        feed,
        &options(kind),
        "sp1",
        true,
        feed.updated,
        &TrackerFilter::default(),
    )
    .unwrap_or_else(|e| panic!("rendering {kind:?}: {e}"))
}

fn both(feed: &Feed) -> (Node, Node) {
    (
        render(feed, WidgetKind::Pathway),
        render(feed, WidgetKind::Tracker),
    )
}

fn write_feeds(feeds: &[Sized]) {
    let Some(dir) = std::env::var_os("SEND_BENCH_OUT") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let write = |name: String, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    };
    for sized in feeds {
        if sized.times > 1 {
            write(format!("feed-{}x.json", sized.times), &sized.text);
        }
        // As `sendfeed render` makes it: not interactive, as of the feed's date.
        for (name, kind) in [
            ("pathway", WidgetKind::Pathway),
            ("tracker", WidgetKind::Tracker),
        ] {
            let html = render_widget(&sized.feed, &options(kind), "spf", false)
                .unwrap_or_else(|e| panic!("fallback for {name}: {e}"))
                .to_html();
            write(format!("fallback-{name}-{}x.html", sized.times), &html);
        }
    }
}

fn core(c: &mut Criterion, feeds: &[Sized]) {
    type Operation = fn(&Sized);
    // The operations that go through parse_feed's or validate_feed's size check.
    const LIMITED: [&str; 3] = ["parse", "validate", "pipeline"];
    let operations: [(&str, Operation); 7] = [
        ("parse", |s| {
            black_box(parse_feed(black_box(&s.text)).unwrap_or_else(|e| panic!("{e}")));
        }),
        ("deserialize", |s| {
            black_box(deserialize(black_box(&s.text)));
        }),
        ("validate", |s| {
            black_box(validate_feed(black_box(&s.text), s.feed.updated));
        }),
        ("render_pathway", |s| {
            black_box(render(black_box(&s.feed), WidgetKind::Pathway));
        }),
        ("render_tracker", |s| {
            black_box(render(black_box(&s.feed), WidgetKind::Tracker));
        }),
        ("widgets", |s| {
            black_box(both(&deserialize(black_box(&s.text))));
        }),
        ("pipeline", |s| {
            let report = validate_feed(black_box(&s.text), s.feed.updated);
            let feed = report.feed.unwrap_or_else(|| panic!("the feed has errors"));
            black_box(both(&feed));
        }),
    ];
    for (name, operation) in operations {
        let mut group = c.benchmark_group(name);
        // Two shared cores and a 100x feed: few samples, short windows, enough for a median.
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for sized in feeds {
            if LIMITED.contains(&name) && !readable(&sized.text) {
                continue;
            }
            group.throughput(Throughput::Bytes(sized.text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{}x", sized.times)),
                sized,
                |b, sized| b.iter(|| operation(sized)),
            );
        }
        group.finish();
    }
}

fn benches(c: &mut Criterion) {
    let feeds = feeds();
    write_feeds(&feeds);
    if std::env::var_os("SEND_BENCH_FEEDS_ONLY").is_some() {
        return;
    }
    core(c, &feeds);
}

criterion_group!(feed, benches);
criterion_main!(feed);
