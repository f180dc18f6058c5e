//! The pathway widget: the family's controls, the map, and the step-by-step list.
//!
//! The list follows the GOV.UK step-by-step pattern. Kept from it: numbered steps grouped in
//! order, "or" alternatives, optional steps, show all / hide all, buttons inside headings with
//! their expanded state. Fixed from its audit findings: the step number is inside the button, so
//! a screen reader reads "Step 2: ..." with the control; an "or" step keeps the same heading
//! level as its siblings, so the outline never jumps; feed headings start at a level the editor
//! chooses.
//!
//! The static fallback (`ctx.interactive == false`) is the list, every step open, with
//! the clock's time limits in words: what a reader without JavaScript, or a printer, needs.
//! It also holds the widget's controls above the list, hidden ([`room`]): where scripting runs
//! the stylesheet keeps their room, so taking the fallback moves nothing on the page.

use crate::feed::{Pathway, Step};
use crate::i18n::{fill, format_date, Msg};
use crate::pathway::state::{PathwayView, View};
use crate::render::common::{room, services, RenderContext};
use crate::render::pathway_family::{clock_section, finder, here_banner, toolbar};
use crate::render::pathway_map::render_map;
pub use crate::render::pathway_steps::{
    indicator_in_words, number_steps, number_words, ordered_steps, step_details, step_link, Seen,
    StepNumber,
};
use crate::view::{el, Element, Node};

/// A pathway as the fallback and a freshly mounted widget show it.
pub fn render_pathway(ctx: &RenderContext, pathway: &Pathway) -> Node {
    render_pathway_with(ctx, pathway, &PathwayView::new(ctx.feed.updated))
}

/// The whole pathway widget for the family's current choices.
pub fn render_pathway_with(ctx: &RenderContext, full: &Pathway, view: &PathwayView) -> Node {
    let seen = Seen::new(full, view);
    let title_id = ctx.id("title");
    let mut title = ctx
        .text_el(ctx.heading(0).tag, &full.title)
        .attr("id", title_id.clone())
        .class("sp-title");
    if ctx.interactive {
        // Focus goes here when what had focus disappears (after "Forget this").
        title = title.attr("tabindex", "-1");
    }
    let mut root = el("section")
        .class("sp sp-pathway")
        .attr("lang", ctx.lang.code())
        .attr("aria-labelledby", title_id)
        .attr("data-pathway", full.id.clone())
        .child(title);
    if ctx.interactive {
        root = root.attr("data-view", view.view.code());
        if !view.map_fits {
            root = root.attr("data-sp-fit", "no");
        }
    }
    if let Some(summary) = &full.summary {
        root = root.child(ctx.text_el("p", summary).class("sp-lead"));
    }
    if let Some(audience) = &full.audience.text {
        root = root.child(ctx.text_el("p", audience).class("sp-audience"));
    }
    if ctx.interactive {
        root = root
            .child(toolbar(ctx, view))
            .child(finder(ctx, &seen))
            .child(here_banner(ctx, &seen));
    } else {
        // The fallback holds the widget's controls above the list as room (hidden), so that on a
        // phone, where the list starts on the first screen, it does not move down when the
        // widget takes the fallback (issue 20 item 8). The map is not held: it replaces the list
        // where it fits, rather than pushing it.
        let widget = ctx.as_widget();
        root = root
            .child(room(toolbar(&widget, view)))
            .child(room(finder(&widget, &seen)))
            .child(room(here_banner(&widget, &seen)));
    }
    if full.clock.is_some() {
        root = root.child(clock_section(ctx, &seen));
    }
    if ctx.interactive {
        // The map is drawn only while the family sees it (chosen, and it fits): on a phone, or
        // in the list, its hundred-odd elements are never built (issue 20 item 8). Its box
        // stays, so showing it fills the box rather than moving the parts around it.
        let mut map = if view.view == View::Map && view.map_fits {
            render_map(ctx, &seen)
        } else {
            el("div").class("sp-map-view").attr("data-sp-map", "")
        };
        if view.view != View::Map {
            map = map.attr("hidden", "");
        }
        root = root.child(map);
    }
    root = root.child(list_view(ctx, &seen));
    if !full.help.is_empty() {
        root = root.child(
            el("div")
                .class("sp-help")
                .child(ctx.heading(1).text(ctx.msg(Msg::WhoToTalkTo)))
                .child(
                    el("ul")
                        .class("sp-services")
                        .children(services(ctx.feed, &full.help).map(|s| ctx.service(s))),
                ),
        );
    }
    root = root.child(el("p").class("sp-updated").text(format!(
        "{}: {}",
        ctx.msg(Msg::FeedUpdated),
        format_date(crate::date::PartialDate::Day(ctx.feed.updated), ctx.lang)
    )));
    if ctx.interactive {
        root = root.child(
            el("p")
                .class("sp-visually-hidden")
                .attr("role", "status")
                .attr("data-sp-status", ""),
        );
    }
    root.into()
}

/// The step-by-step list, grouped by stage.
fn list_view(ctx: &RenderContext, seen: &Seen) -> Element {
    let pathway = seen.pathway();
    let numbered = seen.numbered();
    let mut list = el("div").class("sp-list-view");
    if ctx.interactive {
        if seen.view.view != View::List {
            list = list.attr("hidden", "");
        }
        let all_open = !numbered.is_empty()
            && numbered
                .iter()
                .all(|(step, _)| seen.view.is_expanded(&step.id));
        list = list.child(el("div").class("sp-controls").child(ctx.toggle_all(
            all_open,
            Msg::ShowAllSteps,
            Msg::HideAllSteps,
        )));
    } else {
        // "Show all steps" as room, as the controls above: the widget closes every step.
        let widget = ctx.as_widget();
        list =
            list.child(room(el("div").class("sp-controls").child(
                widget.toggle_all(false, Msg::ShowAllSteps, Msg::HideAllSteps),
            )));
    }
    for stage in &pathway.stages {
        let in_stage: Vec<&(&Step, StepNumber)> = numbered
            .iter()
            .filter(|(step, _)| step.stage == stage.id)
            .collect();
        if in_stage.is_empty() {
            continue;
        }
        let mut group = el("div")
            .class("sp-stage")
            .attr("data-stage", stage.id.clone())
            .child(
                ctx.text_el(ctx.heading(1).tag, &stage.title)
                    .class("sp-stage__title"),
            );
        if let Some(summary) = &stage.summary {
            group = group.child(ctx.text_el("p", summary));
        }
        let items = el("ol").class("sp-steps").children(
            in_stage
                .iter()
                .map(|(step, number)| step_item(ctx, seen, step, *number)),
        );
        list = list.child(group.child(items));
    }
    list
}

fn step_item(ctx: &RenderContext, seen: &Seen, step: &Step, number: StepNumber) -> Element {
    let panel_id = ctx.id(&format!("panel-{}", step.id));
    let label = step_label(ctx, seen, step, number);
    let open = !ctx.interactive || seen.view.is_expanded(&step.id);
    let heading = ctx.toggle_heading(
        ctx.heading(2).class("sp-step__heading"),
        "sp-step__toggle",
        &panel_id,
        open,
        label,
    );
    let panel = ctx.toggle_panel("sp-step__panel", panel_id, open);
    let mut class = String::from("sp-step");
    if step.optional {
        class.push_str(" sp-step--optional");
    }
    if number.alternative {
        class.push_str(" sp-step--or");
    }
    if seen.here().is_some_and(|h| h.id == step.id) {
        class.push_str(" sp-step--here");
    } else if seen.is_next(&step.id) {
        class.push_str(" sp-step--next");
    }
    el("li")
        .class(class)
        .attr("id", ctx.id(&format!("step-{}", step.id)))
        .attr("data-step", step.id.clone())
        .child(heading)
        .child(panel.children(step_details(ctx, seen, step, number, 3)))
}

/// "Step 2: Title", or "or" for an alternative; the number is part of the accessible name, and
/// so are "Optional", "You are here" and "Comes next".
fn step_label(ctx: &RenderContext, seen: &Seen, step: &Step, number: StepNumber) -> Vec<Element> {
    // The number's words ("Step 2:") are one hidden piece and the drawn number is hidden from
    // the name: a screen reader's name puts a space at each boundary of a hidden or positioned
    // piece, which split "Step 2: Title" into "Step 2 : Title".
    let (words, drawn, class) = if number.alternative {
        (
            fill(ctx.msg(Msg::StepOrOf), &[("n", &number.number.to_string())]),
            ctx.msg(Msg::Or).to_owned(),
            "sp-step__number sp-step__number--or",
        )
    } else {
        (
            fill(ctx.msg(Msg::StepOf), &[("n", &number.number.to_string())]),
            number.number.to_string(),
            "sp-step__number",
        )
    };
    let marker = el("span")
        .class("sp-step__marker")
        .child(
            el("span")
                .class("sp-visually-hidden")
                .text(format!("{words}: ")),
        )
        .child(
            el("span")
                .class(class)
                .attr("aria-hidden", "true")
                .text(drawn),
        );
    let mut label = vec![
        marker,
        ctx.text_el("span", &step.title).class("sp-step__title"),
    ];
    if step.optional {
        label.push(
            el("span")
                .class("sp-tag")
                .text(format!(" ({})", ctx.msg(Msg::Optional))),
        );
    }
    if seen.here().is_some_and(|h| h.id == step.id) {
        label.push(
            el("span")
                .class("sp-tag sp-tag--here")
                .text(format!(" ({})", ctx.msg(Msg::YouAreHere))),
        );
    } else if seen.is_next(&step.id) {
        label.push(
            el("span")
                .class("sp-tag sp-tag--next")
                .text(format!(" ({})", ctx.msg(Msg::ComesNext))),
        );
    }
    label
}
