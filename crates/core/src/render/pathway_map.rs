//! The pathway map drawn as SVG from the core's layout, with the open step's details beside it.
//!
//! Each step is a focusable `role="button"` group whose accessible name carries its number,
//! title, stage and marks ("You are here"). Only one step is in the tab order at a time (a
//! roving tabindex); the arrow keys follow `data-sp-up`/`down`/`left`/`right`, worked out here
//! from the geometry so the wasm layer makes no decisions. Lanes and arrows are decoration for
//! assistive technology (`aria-hidden`): the same order and links are in the names, the
//! details and the list.

use crate::action::Action;
use crate::feed::{Logic, Step};
use crate::i18n::{fill, Msg};
use crate::pathway::layout::{layout, Graph, GraphEdge, GraphNode, Line, MapLayout, Metrics};
use crate::render::common::{fixed, RenderContext};
use crate::render::pathway_steps::{number_words, step_details, Seen, StepNumber};
use crate::text::{Lang, Text};
use crate::view::{el, Element};

/// The layout for what the family sees, in the reader's language.
pub fn map_layout(ctx: &RenderContext, seen: &Seen) -> MapLayout {
    let pathway = seen.pathway();
    let numbered = seen.numbered();
    let lanes = pathway.stages.iter().map(|s| ctx.str(&s.title)).collect();
    let positions: rustc_hash::FxHashMap<&str, usize> = numbered
        .iter()
        .enumerate()
        .map(|(i, (s, _))| (s.id.as_str(), i))
        .collect();
    let index = |id: &str| positions.get(id).copied();
    let nodes = numbered
        .iter()
        .map(|(step, number)| GraphNode {
            id: step.id.clone(),
            lane: pathway
                .stages
                .iter()
                .position(|st| st.id == step.stage)
                .unwrap_or(usize::MAX),
            paragraphs: paragraphs(ctx, seen, step, *number),
        })
        .collect();
    let edges = numbered
        .iter()
        .enumerate()
        .flat_map(|(from, (step, _))| {
            step.next.iter().flat_map(move |next| {
                next.steps.iter().filter_map(move |id| {
                    Some(GraphEdge {
                        from,
                        to: index(id)?,
                        alternative: next.logic == Logic::Any && next.steps.len() > 1,
                    })
                })
            })
        })
        .collect();
    let graph = Graph {
        lanes,
        nodes,
        edges,
    };
    layout(&graph, &Metrics::for_script(ctx.lang == Lang::Bn))
}

/// A box's text: its number (with any mark), its title, and "Optional" when it is.
fn paragraphs(ctx: &RenderContext, seen: &Seen, step: &Step, number: StepNumber) -> Vec<String> {
    let mut header = number_words(ctx, number);
    if let Some(mark) = mark(seen, step) {
        header = format!("{header} · {}", ctx.msg(mark));
    }
    let mut paragraphs = vec![header, ctx.str(&step.title)];
    if step.optional {
        paragraphs.push(format!("({})", ctx.msg(Msg::Optional)));
    }
    paragraphs
}

fn mark(seen: &Seen, step: &Step) -> Option<Msg> {
    if seen.here().is_some_and(|h| h.id == step.id) {
        Some(Msg::YouAreHere)
    } else if seen.is_next(&step.id) {
        Some(Msg::ComesNext)
    } else {
        None
    }
}

/// The map view: how to use it, the drawing, and the open step's details.
pub fn render_map(ctx: &RenderContext, seen: &Seen) -> Element {
    let map = map_layout(ctx, seen);
    let numbered = seen.numbered();
    let pathway = seen.pathway();
    let help_id = ctx.id("map-help");
    let title_id = ctx.id("map-title");
    let details_id = ctx.id("details");
    let open = seen
        .view
        .step
        .as_deref()
        .and_then(|id| numbered.iter().find(|(s, _)| s.id == id));
    // The one box in the tab order: the open step, else where the family is, else the first.
    // Once the family moved with the arrow keys, the box they moved to.
    let moved_to = seen
        .view
        .map_focus
        .as_deref()
        .filter(|id| map.node(id).is_some());
    let tab_stop = moved_to
        .or(open.map(|(s, _)| s.id.as_str()))
        .or(seen.here().map(|s| s.id.as_str()))
        .or(map.nodes.first().map(|n| n.id.as_str()));

    let mut svg = el("svg")
        .class("sp-map__svg")
        .attr("viewBox", format!("0 0 {} {}", map.width, map.height))
        // In rem, so the drawing and its words grow with the reader's text size (the layout's
        // pixels are at the default 16px); the fit check measures in the same unit.
        .attr("width", rem(map.width))
        .attr("height", rem(map.height))
        .attr("role", "group")
        .attr("aria-labelledby", title_id.clone())
        .attr("aria-describedby", help_id.clone())
        .child(el("title").attr("id", title_id).text(fill(
            ctx.msg(Msg::MapOf),
            &[("title", &ctx.str(&seen.full.title))],
        )));
    let mut lanes = el("g").class("sp-map__lanes").attr("aria-hidden", "true");
    for (k, lane) in map.lanes.iter().enumerate() {
        let class = if k % 2 == 0 {
            "sp-map__lane"
        } else {
            "sp-map__lane sp-map__lane--alt"
        };
        lanes = lanes
            .child(rect(
                class,
                lane.rect.x,
                lane.rect.y,
                lane.rect.w,
                lane.rect.h,
            ))
            .child(text(
                "sp-map__lane-label",
                &lane.lines,
                |_| "sp-map__lane-line",
                |_| {
                    pathway
                        .stages
                        .get(k)
                        .and_then(|stage| other_lang(ctx, &stage.title))
                },
            ));
    }
    let mut arrows = el("g").class("sp-map__edges").attr("aria-hidden", "true");
    for edge in &map.edges {
        let points: Vec<String> = edge
            .points
            .iter()
            .map(|(x, y)| format!("{x},{y}"))
            .collect();
        let class = if edge.alternative {
            "sp-map__edge sp-map__edge--or"
        } else {
            "sp-map__edge"
        };
        arrows = arrows.child(el("polyline").class(class).attr("points", points.join(" ")));
        if let Some(&(x, y)) = edge.points.last() {
            arrows = arrows.child(el("polygon").class("sp-map__arrow").attr(
                "points",
                format!("{},{} {},{} {x},{y}", x - 6, y - 9, x + 6, y - 9),
            ));
        }
    }
    let mut boxes = el("g").class("sp-map__nodes");
    let mut names = el("div").class("sp-map__names").attr("hidden", "");
    let by_id: rustc_hash::FxHashMap<&str, &(&Step, StepNumber)> = numbered
        .iter()
        .map(|entry| (entry.0.id.as_str(), entry))
        .collect();
    for node in &map.nodes {
        let Some(&&(step, number)) = by_id.get(node.id.as_str()) else {
            continue;
        };
        let stage_text = pathway
            .stages
            .iter()
            .find(|s| s.id == step.stage)
            .map(|s| &s.title);
        let stage = stage_text.map(|t| ctx.str(t));
        let title_lang = other_lang(ctx, &step.title);
        let stage_lang = stage_text.and_then(|t| other_lang(ctx, t));
        let mut name = format!("{}: {}", number_words(ctx, number), ctx.str(&step.title));
        if step.optional {
            name = format!("{name} ({})", ctx.msg(Msg::Optional));
        }
        let end = ctx.msg(Msg::SentenceEnd);
        if let Some(mark) = mark(seen, step) {
            name = format!("{name}{end} {}", ctx.msg(mark));
        }
        if let Some(stage) = stage {
            name = format!("{name}{end} {stage}");
        }
        let is_open = open.is_some_and(|(s, _)| s.id == step.id);
        let mut class = String::from("sp-map__node");
        if step.optional {
            class.push_str(" sp-map__node--optional");
        }
        match mark(seen, step) {
            Some(Msg::YouAreHere) => class.push_str(" sp-map__node--here"),
            Some(_) => class.push_str(" sp-map__node--next"),
            None => {}
        }
        if is_open {
            class.push_str(" sp-map__node--open");
        }
        let r = node.rect;
        // A name holding text in another language (a missing translation) is a hidden element
        // whose parts carry `lang`, so a screen reader can say them in that language; an
        // `aria-label` has no way to say so.
        let name_id = ctx.id(&format!("node-{}-name", step.id));
        let mut group = if title_lang.is_some() || stage_lang.is_some() {
            names = names.child(node_name(
                ctx,
                seen,
                step,
                number,
                stage_text,
                name_id.clone(),
            ));
            el("g").attr("aria-labelledby", name_id)
        } else {
            el("g").attr("aria-label", name)
        };
        group = group
            .class(class)
            .attr("id", ctx.id(&format!("node-{}", step.id)))
            .attr("role", "button")
            .attr(
                "tabindex",
                if tab_stop == Some(step.id.as_str()) {
                    "0"
                } else {
                    "-1"
                },
            )
            .attr("aria-expanded", if is_open { "true" } else { "false" })
            .attr("aria-controls", details_id.clone())
            .attr(Action::ATTR, Action::OpenStep.code())
            .attr("data-step", step.id.clone());
        for (key, target) in [
            ("data-sp-up", node.up),
            ("data-sp-down", node.down),
            ("data-sp-left", node.left),
            ("data-sp-right", node.right),
        ] {
            group = group.attr_opt(key, target.map(|k| map.nodes[k].id.clone()));
        }
        let line_class = |paragraph: usize| match paragraph {
            0 => "sp-map__number",
            1 => "sp-map__title",
            _ => "sp-map__tag",
        };
        group = group
            .child(rect("sp-map__focus", r.x - 5, r.y - 5, r.w + 10, r.h + 10))
            .child(rect("sp-map__box", r.x, r.y, r.w, r.h))
            .child(text("sp-map__text", &node.lines, line_class, |paragraph| {
                (paragraph == 1).then(|| title_lang.clone()).flatten()
            }));
        boxes = boxes.child(group);
    }
    svg = svg.child(lanes).child(arrows).child(boxes);

    let mut details = el("div")
        .class("sp-map__details")
        .attr("id", details_id)
        .attr("data-sp-details", "");
    match open {
        Some((step, number)) => {
            let heading_id = ctx.id("details-title");
            details = details
                .attr("role", "region")
                .attr("aria-labelledby", heading_id.clone())
                .child(
                    ctx.heading(1)
                        .class("sp-map__details-title")
                        .attr("id", heading_id)
                        .attr("tabindex", "-1")
                        .text(format!("{}: ", number_words(ctx, *number)))
                        .child(ctx.text_el("span", &step.title)),
                )
                .children(step_details(ctx, seen, step, *number, 2))
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("sp-button sp-button--secondary")
                        .attr(Action::ATTR, Action::CloseStep.code())
                        .attr("data-step", step.id.clone())
                        .text(ctx.msg(Msg::Close)),
                );
        }
        None => details = details.attr("hidden", ""),
    }
    el("div")
        .class("sp-map-view")
        .attr("data-sp-map", "")
        .child(
            el("p")
                .class("sp-map__help")
                .attr("id", help_id)
                .text(ctx.msg(Msg::MapHelp)),
        )
        .child(el("div").class("sp-map__canvas").child(svg))
        .child(names)
        .child(details)
}

/// A box's name as elements, the same words as its `aria-label` would be, with `lang` on the
/// feed text shown in another language.
fn node_name(
    ctx: &RenderContext,
    seen: &Seen,
    step: &Step,
    number: StepNumber,
    stage: Option<&Text>,
    id: String,
) -> Element {
    let end = ctx.msg(Msg::SentenceEnd);
    let mut name = el("span")
        .attr("id", id)
        .text(format!("{}: ", number_words(ctx, number)))
        .child(ctx.text_el("span", &step.title));
    if step.optional {
        name = name.text(format!(" ({})", ctx.msg(Msg::Optional)));
    }
    if let Some(mark) = mark(seen, step) {
        name = name.text(format!("{end} {}", ctx.msg(mark)));
    }
    if let Some(stage) = stage {
        name = name
            .text(format!("{end} "))
            .child(ctx.text_el("span", stage));
    }
    name
}

/// Layout pixels (at a 16px text size) as rem.
fn rem(px: i32) -> String {
    format!("{}rem", fixed(f64::from(px) / 16.0, 3))
}

fn rect(class: &'static str, x: i32, y: i32, w: i32, h: i32) -> Element {
    el("rect")
        .class(class)
        .attr("x", x.to_string())
        .attr("y", y.to_string())
        .attr("width", w.to_string())
        .attr("height", h.to_string())
}

/// Lines of text; `lang` gives a paragraph's language when it is not the reader's (feed text
/// shown in the feed's default language because the translation is missing).
fn text(
    class: &'static str,
    lines: &[Line],
    line_class: impl Fn(usize) -> &'static str,
    lang: impl Fn(usize) -> Option<String>,
) -> Element {
    el("text").class(class).children(lines.iter().map(|line| {
        el("tspan")
            .class(line_class(line.paragraph))
            .attr_opt("lang", lang(line.paragraph))
            .attr("x", line.x.to_string())
            .attr("y", line.baseline.to_string())
            .text(line.text.clone())
    }))
}

/// The language `text` is shown in, when it is not the reader's.
fn other_lang(ctx: &RenderContext, text: &Text) -> Option<String> {
    let shown = text.get(ctx.lang.code(), ctx.feed.default_lang()).lang;
    (shown != ctx.lang.code()).then(|| shown.to_owned())
}
