//! Status levels drawn so they never rely on colour: a shape (aria-hidden) beside the word,
//! the key that explains every word, and the summary bar with its numbers in text.
//!
//! Shapes are inline SVG with classes rather than icon fonts or inline styles, so they print in
//! black and white, survive a strict CSP (`style-src 'self'`) and need no extra download.

use crate::i18n::{fill, Msg};
use crate::render::common::{fixed, RenderContext};
use crate::status::Derived;
use crate::tracker::{level_words, Tally, LEVELS};
use crate::view::{el, Element};

/// A small decorative SVG: its meaning is always in the text beside it.
fn svg(view_box: &'static str, class: String) -> Element {
    el("svg")
        .attr("class", class)
        .attr("viewBox", view_box)
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
}

fn path(class: &'static str, d: &'static str) -> Element {
    el("path").attr("class", class).attr("d", d)
}

/// The shape for a level: each differs in outline, not only in colour.
pub fn glyph(level: Derived) -> Element {
    let slug = level_words(level).2;
    let shape = svg("0 0 16 16", format!("sp-glyph sp-glyph--{slug}"));
    const DISC: &str = "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z";
    const RING: &str = "M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2z";
    match level {
        Derived::Complete => shape
            .child(path("sp-glyph__solid", DISC))
            .child(path("sp-glyph__mark", "M4.5 8.5l2.5 2.5 4.5-5")),
        Derived::OnTrack => shape
            .child(path("sp-glyph__solid", DISC))
            .child(path("sp-glyph__mark", "M4.5 8h6.5M8.5 5l3 3-3 3")),
        Derived::Ongoing => shape.child(path("sp-glyph__ring", RING)).child(path(
            "sp-glyph__solid",
            "M8 5.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z",
        )),
        Derived::NotStarted => shape.child(path("sp-glyph__ring", RING)),
        Derived::AtRisk => shape
            .child(path("sp-glyph__solid", "M8 1L15.5 14.5H0.5Z"))
            .child(path("sp-glyph__mark", "M8 6v3.5M8 11.8v0.4")),
        Derived::OffTrack => shape
            .child(path("sp-glyph__solid", DISC))
            .child(path("sp-glyph__mark", "M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6")),
        Derived::Overdue => shape
            .child(path("sp-glyph__solid", "M1.5 1.5h13v13h-13z"))
            .child(path("sp-glyph__mark", "M8 4.5v4.5M8 11.3v0.4")),
        // Not Overdue's square nor its colour: a dashed ring (nothing recorded) whose clock
        // hands say the deadline has come and gone without a word.
        Derived::NoUpdateSinceDeadline => shape
            .child(path("sp-glyph__ring sp-glyph__ring--dashed", RING))
            .child(path("sp-glyph__hand", "M8 4.5V8h3")),
        Derived::NotReported => shape.child(path("sp-glyph__ring sp-glyph__ring--dashed", RING)),
    }
}

/// The shape and the word together: the one way a status is shown.
pub fn badge(ctx: &RenderContext, level: Derived) -> Element {
    let (word, _, slug) = level_words(level);
    el("span")
        .class(format!("sp-status sp-status--{slug}"))
        .child(glyph(level))
        .child(el("span").class("sp-status__word").text(ctx.msg(word)))
}

/// Every level with its shape, word and meaning, defined once in the catalogue.
pub fn key(ctx: &RenderContext) -> Element {
    el("dl")
        .class("sp-key")
        .children(LEVELS.into_iter().flat_map(|level| {
            let (_, meaning, _) = level_words(level);
            [
                el("dt").child(badge(ctx, level)),
                el("dd").text(ctx.msg(meaning)),
            ]
        }))
}

/// "31 of 52 measures complete, 5 overdue": the sentence, a bar that shows it, and the count
/// at every level.
pub fn summary(ctx: &RenderContext, tally: &Tally) -> Element {
    let total = tally.total();
    let done = tally.count(Derived::Complete);
    let mut headline = el("p")
        .class("sp-summary__headline")
        .child(el("strong").text(fill(
            ctx.msg(Msg::SummaryComplete),
            &[("done", &done.to_string()), ("total", &total.to_string())],
        )));
    // Overdue and "no update since the deadline" are counted apart: one is a report that no
    // longer fits its date, the other is silence, and neither may pass for the other.
    for (level, words) in [
        (Derived::Overdue, Msg::SummaryOverdue),
        (Derived::NoUpdateSinceDeadline, Msg::SummaryNoUpdate),
    ] {
        let count = tally.count(level);
        if count > 0 {
            headline = headline
                .text(", ")
                .text(fill(ctx.msg(words), &[("count", &count.to_string())]));
        }
    }
    let mut bar = svg("0 0 100 4", "sp-bar".into()).attr("preserveAspectRatio", "none");
    let mut x = 0.0;
    for (level, count) in tally.levels() {
        let width = if total == 0 {
            0.0
        } else {
            count as f64 * 100.0 / total as f64
        };
        bar = bar.child(
            el("rect")
                .attr(
                    "class",
                    format!("sp-bar__part sp-bar__part--{}", level_words(level).2),
                )
                .attr("x", fixed(x, 2))
                .attr("y", "0")
                .attr("width", fixed(width, 2))
                .attr("height", "4"),
        );
        x += width;
    }
    let levels = el("ul").class("sp-summary__levels").children(
        tally
            .levels()
            .map(|(level, count)| el("li").child(badge(ctx, level)).text(format!(": {count}"))),
    );
    el("div")
        .class("sp-summary")
        .child(headline)
        .child(bar)
        .child(levels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::Node;

    #[test]
    fn every_level_has_a_distinct_shape_and_its_word() {
        let shapes: Vec<String> = LEVELS
            .into_iter()
            .map(|level| {
                Node::from(glyph(level))
                    .to_html()
                    .replace(level_words(level).2, "")
            })
            .collect();
        for (i, a) in shapes.iter().enumerate() {
            for b in &shapes[i + 1..] {
                assert_ne!(a, b);
            }
        }
        for shape in &shapes {
            assert!(shape.contains("aria-hidden=\"true\"") && !shape.contains("style="));
        }
    }
}
