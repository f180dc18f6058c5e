//! From feed and options to the tree a widget shows: the whole job of a mount, minus the DOM.
//!
//! The tracker depends on "today". The widget passes the reader's date; the static fallback
//! ([`render_widget`], used by `sendfeed render`) uses the date the feed was last checked, so
//! the fallback HTML only changes when the feed does, and says which date it was worked out for.

use crate::feed::{Feed, Pathway};
use crate::options::{WidgetKind, WidgetOptions};
use crate::pathway::state::PathwayView;
use crate::render::common::RenderContext;
use crate::render::pathway::{render_pathway, render_pathway_with, Seen};
use crate::render::pathway_family::clock_results;
use crate::render::tracker::render_tracker;
use crate::tracker::filter::TrackerFilter;
use crate::tracker::plans::{choose_plan, PlanChoice};
use crate::view::Node;
use chrono::NaiveDate;

/// Renders the widget the options ask for, as of the feed's `updated` date and unfiltered.
/// `Err` says, for the editor, why it cannot be shown.
pub fn render_widget(
    feed: &Feed,
    options: &WidgetOptions,
    id_prefix: &str,
    interactive: bool,
) -> Result<Node, String> {
    render_widget_at(
        feed,
        options,
        id_prefix,
        interactive,
        feed.updated,
        &TrackerFilter::default(),
    )
}

/// Renders the widget for `today`, with the tracker narrowed by `filter`.
pub fn render_widget_at(
    feed: &Feed,
    options: &WidgetOptions,
    id_prefix: &str,
    interactive: bool,
    today: NaiveDate,
    filter: &TrackerFilter,
) -> Result<Node, String> {
    let ctx = context(feed, options, id_prefix, interactive);
    match options.kind {
        WidgetKind::Pathway => {
            let pathway = chosen_pathway(feed, options.pathway.as_deref())?;
            Ok(render_pathway(&ctx, pathway))
        }
        WidgetKind::Tracker => Ok(render_tracker(
            &ctx,
            &plan(feed, options, filter)?,
            today,
            filter,
        )),
    }
}

/// The tracker alone, for `today` and narrowed by `filter`: what a tracker-only build calls, so
/// that the pathway's renderer is not linked into it.
pub fn render_tracker_at(
    feed: &Feed,
    options: &WidgetOptions,
    id_prefix: &str,
    today: NaiveDate,
    filter: &TrackerFilter,
) -> Result<Node, String> {
    let ctx = context(feed, options, id_prefix, true);
    Ok(render_tracker(
        &ctx,
        &plan(feed, options, filter)?,
        today,
        filter,
    ))
}

/// The pathway the options (or the address) name, else the feed's first.
fn chosen_pathway<'a>(feed: &'a Feed, id: Option<&str>) -> Result<&'a Pathway, String> {
    match id {
        Some(id) => feed.pathway(id).ok_or_else(|| {
            let known: Vec<&str> = feed.pathways.iter().map(|p| p.id.as_str()).collect();
            format!(
                "data-pathway=\"{id}\" is not in the feed; it has: {}",
                known.join(", ")
            )
        }),
        None => feed
            .pathways
            .first()
            .ok_or_else(|| "the feed has no pathways to show".to_owned()),
    }
}

/// The interactive pathway widget for a family's choices (`options.pathway` says which).
pub fn render_pathway_widget(
    feed: &Feed,
    options: &WidgetOptions,
    id_prefix: &str,
    view: &PathwayView,
) -> Result<Node, String> {
    let ctx = context(feed, options, id_prefix, true);
    let pathway = chosen_pathway(feed, options.pathway.as_deref())?;
    Ok(render_pathway_with(&ctx, pathway, view))
}

/// Just the statutory clock's dates, for redrawing when the family changes their date.
pub fn render_pathway_clock(
    feed: &Feed,
    options: &WidgetOptions,
    id_prefix: &str,
    view: &PathwayView,
) -> Result<Node, String> {
    let ctx = context(feed, options, id_prefix, true);
    let pathway = chosen_pathway(feed, options.pathway.as_deref())?;
    Ok(clock_results(&ctx, &Seen::new(pathway, view)))
}

/// The plan the address, then `data-plan`, then the feed choose.
fn plan<'a>(
    feed: &'a Feed,
    options: &'a WidgetOptions,
    filter: &TrackerFilter,
) -> Result<PlanChoice<'a>, String> {
    choose_plan(feed, filter.plan.as_deref(), options.plan.as_deref())
        .ok_or_else(|| "the feed has no plan for the progress tracker to show".to_owned())
}

fn context<'a>(
    feed: &'a Feed,
    options: &WidgetOptions,
    id_prefix: &'a str,
    interactive: bool,
) -> RenderContext<'a> {
    RenderContext {
        feed,
        lang: options.lang,
        heading_level: options.heading_level,
        id_prefix,
        interactive,
    }
}

/// The attribute on a fallback's root that says what drew it (see [`fallback_stamp`]).
pub const DRAWN_ATTR: &str = "data-sp-drawn";

/// The fallback's drawing format: a number bumped whenever the static list's markup changes
/// in a way the widget's patching depends on, and the core's release, so a fallback written by
/// an older release is never taken for this one's drawing.
pub const DRAWN_FORMAT: &str = concat!("2-", env!("CARGO_PKG_VERSION"));

/// What a pathway fallback says about its own drawing, in `data-sp-drawn`: the format, the
/// widget kind, the language, the heading level, the feed text's fingerprint and the id prefix,
/// separated by spaces (none of them holds one; the pathway's id is the root's `data-pathway`).
/// The feed text is fingerprinted as a browser reads it: `Response.text()` drops a leading
/// byte order mark, so the fingerprint does too.
pub fn fallback_stamp(options: &WidgetOptions, feed_text: &str, id_prefix: &str) -> String {
    let text = feed_text.strip_prefix('\u{feff}').unwrap_or(feed_text);
    format!(
        "{DRAWN_FORMAT} {} {} h{} {} {id_prefix}",
        options.kind.name(),
        options.lang.code(),
        options.heading_level,
        feed_fingerprint(text)
    )
}

/// The no-JavaScript fallback a page carries (`sendfeed render`, the WordPress block): the
/// widget unfiltered as of the feed's date; a pathway's root also says what drew it, so the
/// widget can take the page's list as its own first drawing instead of drawing it again.
pub fn render_fallback(
    feed: &Feed,
    feed_text: &str,
    options: &WidgetOptions,
    id_prefix: &str,
) -> Result<Node, String> {
    let mut tree = render_widget(feed, options, id_prefix, false)?;
    if let (WidgetKind::Pathway, Node::Element(root)) = (options.kind, &mut tree) {
        root.attrs
            .push((DRAWN_ATTR, fallback_stamp(options, feed_text, id_prefix)));
    }
    Ok(tree)
}

/// The fallback's own drawing, when its stamp (`drawn`, on a root whose `data-pathway` is
/// `drawn_pathway`) says it is what this widget would draw as its fallback from the feed whose
/// text has `fingerprint`: then the widget takes it as its last drawing and only patches the
/// differences. Another format or release, feed, pathway, language or heading level: `None`,
/// and the widget draws itself anew as before.
pub fn adopt_fallback(
    feed: &Feed,
    options: &WidgetOptions,
    pathway_id: &str,
    fingerprint: &str,
    drawn: &str,
    drawn_pathway: &str,
) -> Option<(String, Node)> {
    let mut fields = drawn.split(' ');
    let mut next = || fields.next().filter(|f| !f.is_empty());
    let expected = [
        DRAWN_FORMAT,
        options.kind.name(),
        options.lang.code(),
        &format!("h{}", options.heading_level),
        fingerprint,
    ];
    if expected.iter().any(|want| next() != Some(want)) || drawn_pathway != pathway_id {
        return None;
    }
    let ids = next()?;
    let safe = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if next().is_some() || !ids.chars().all(safe) || options.kind != WidgetKind::Pathway {
        return None;
    }
    // The pathway's renderer alone, not `render_widget`: that would link the tracker's
    // renderer into the pathway-only build.
    let ctx = context(feed, options, ids, false);
    let mut tree = render_pathway(&ctx, chosen_pathway(feed, Some(pathway_id)).ok()?);
    // The page's drawing has the stamp: the first patch takes it away, as it is the widget's now.
    if let Node::Element(root) = &mut tree {
        root.attrs.push((DRAWN_ATTR, drawn.to_owned()));
    }
    Some((ids.to_owned(), tree))
}

/// A feed text's length and 64-bit FNV-1a hash: enough to tell one published feed from the
/// next. The widget stores it with its saved copy; the CLI and the widget must compute the same
/// value, so it lives here (issue 20 item 8: a fallback says which feed it was rendered from).
pub fn feed_fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{}:{hash:016x}", text.len())
}

#[cfg(test)]
mod fingerprint_tests {
    use super::feed_fingerprint;

    #[test]
    fn fingerprint_is_length_and_fnv1a() {
        // FNV-1a 64 of "" is the offset basis; of "a" is the published test vector.
        assert_eq!(feed_fingerprint(""), "0:cbf29ce484222325");
        assert_eq!(feed_fingerprint("a"), "1:af63dc4c8601ec8c");
        assert_ne!(feed_fingerprint("{\"a\":1}"), feed_fingerprint("{\"a\":2}"));
    }
}
