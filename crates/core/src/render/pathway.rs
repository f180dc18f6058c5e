//! The pathway as a step-by-step list, after the GOV.UK step-by-step pattern.
//!
//! Kept from the pattern: numbered steps grouped in order, "or" alternatives, optional steps,
//! show all / hide all, buttons inside headings with their expanded state. Fixed from its audit
//! findings: the step number is inside the button, so a screen reader reads "Step 2: ..." with
//! the control; an "or" step keeps the same heading level as its siblings, so the outline never
//! jumps; feed headings start at a level the editor chooses.

use crate::feed::{Logic, Pathway, Step};
use crate::i18n::{format_date, Msg};
use crate::render::common::{services, RenderContext};
use crate::view::{el, Element, Node};

/// How a step is numbered: its number, and whether it is an alternative to the step before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepNumber {
    pub number: usize,
    pub alternative: bool,
}

/// Steps in reading order: by stage, then as the feed lists them. Steps naming a stage the
/// pathway does not have come last rather than vanish.
pub fn ordered_steps(pathway: &Pathway) -> Vec<&Step> {
    let stage_index = |step: &Step| {
        pathway
            .stages
            .iter()
            .position(|stage| stage.id == step.stage)
            .unwrap_or(usize::MAX)
    };
    let mut steps: Vec<&Step> = pathway.steps.iter().collect();
    steps.sort_by_key(|step| stage_index(step));
    steps
}

/// Numbers steps; a step that is an "or" alternative to the one before shares its number.
pub fn number_steps(pathway: &Pathway, steps: &[&Step]) -> Vec<StepNumber> {
    let alternatives = |a: &str, b: &str| {
        pathway
            .steps
            .iter()
            .filter_map(|s| s.next.as_ref())
            .any(|next| {
                next.logic == Logic::Any
                    && next.steps.iter().any(|id| id == a)
                    && next.steps.iter().any(|id| id == b)
            })
    };
    let mut numbers: Vec<StepNumber> = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        let alternative = i > 0 && alternatives(&steps[i - 1].id, &step.id);
        let number = match numbers.last() {
            Some(previous) if alternative => previous.number,
            Some(previous) => previous.number + 1,
            None => 1,
        };
        numbers.push(StepNumber {
            number,
            alternative,
        });
    }
    numbers
}

/// Renders a pathway as a step-by-step list.
pub fn render_pathway(ctx: &RenderContext, pathway: &Pathway) -> Node {
    let steps = ordered_steps(pathway);
    let numbers = number_steps(pathway, &steps);
    let title_id = ctx.id("title");
    let mut root = el("section")
        .class("sp sp-pathway")
        .attr("lang", ctx.lang.code())
        .attr("aria-labelledby", title_id.clone())
        .child(
            ctx.text_el(ctx.heading(0).tag, &pathway.title)
                .attr("id", title_id)
                .class("sp-title"),
        );
    if let Some(summary) = &pathway.summary {
        root = root.child(ctx.text_el("p", summary).class("sp-lead"));
    }
    if let Some(audience) = &pathway.audience.text {
        root = root.child(ctx.text_el("p", audience).class("sp-audience"));
    }
    if ctx.interactive {
        root = root.child(
            el("div").class("sp-controls").child(
                el("button")
                    .attr("type", "button")
                    .class("sp-button sp-toggle-all")
                    .attr("data-sp-action", "toggle-all")
                    .attr("aria-expanded", "false")
                    .text(ctx.msg(Msg::ShowAllSteps)),
            ),
        );
    }
    for stage in &pathway.stages {
        let in_stage: Vec<usize> = (0..steps.len())
            .filter(|&i| steps[i].stage == stage.id)
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
        let list = el("ol").class("sp-steps").children(
            in_stage
                .iter()
                .map(|&i| step_item(ctx, pathway, steps[i], numbers[i])),
        );
        root = root.child(group.child(list));
    }
    if !pathway.help.is_empty() {
        root = root.child(
            el("div")
                .class("sp-help")
                .child(ctx.heading(1).text(ctx.msg(Msg::WhoToTalkTo)))
                .child(
                    el("ul")
                        .class("sp-services")
                        .children(services(ctx.feed, &pathway.help).map(|s| ctx.service(s))),
                ),
        );
    }
    root = root.child(el("p").class("sp-updated").text(format!(
        "{}: {}",
        ctx.msg(Msg::FeedUpdated),
        format_date(crate::date::PartialDate::Day(ctx.feed.updated), ctx.lang)
    )));
    root.into()
}

fn step_item(ctx: &RenderContext, pathway: &Pathway, step: &Step, number: StepNumber) -> Element {
    let panel_id = ctx.id(&format!("panel-{}", step.id));
    let label = step_label(ctx, step, number);
    let heading = if ctx.interactive {
        ctx.heading(2).class("sp-step__heading").child(
            el("button")
                .attr("type", "button")
                .class("sp-step__toggle")
                .attr("data-sp-action", "toggle")
                .attr("aria-expanded", "false")
                .attr("aria-controls", panel_id.clone())
                .children(label),
        )
    } else {
        ctx.heading(2).class("sp-step__heading").children(label)
    };
    let mut panel = el("div").class("sp-step__panel").attr("id", panel_id);
    if ctx.interactive {
        panel = panel.attr("hidden", "");
    }
    let mut class = String::from("sp-step");
    if step.optional {
        class.push_str(" sp-step--optional");
    }
    if number.alternative {
        class.push_str(" sp-step--or");
    }
    el("li")
        .class(class)
        .attr("id", ctx.id(&format!("step-{}", step.id)))
        .attr("data-step", step.id.clone())
        .child(heading)
        .child(panel.children(step_details(ctx, pathway, step)))
}

/// "Step 2: Title", or "or" for an alternative; the number is part of the accessible name.
fn step_label(ctx: &RenderContext, step: &Step, number: StepNumber) -> Vec<Element> {
    let marker = if number.alternative {
        el("span")
            .class("sp-step__number sp-step__number--or")
            .child(el("span").class("sp-visually-hidden").text(format!(
                "{} {} {}: ",
                ctx.msg(Msg::Or),
                ctx.msg(Msg::Step).to_lowercase(),
                number.number
            )))
            .child(
                el("span")
                    .attr("aria-hidden", "true")
                    .text(ctx.msg(Msg::Or)),
            )
    } else {
        el("span")
            .class("sp-step__number")
            .child(
                el("span")
                    .class("sp-visually-hidden")
                    .text(format!("{} ", ctx.msg(Msg::Step))),
            )
            .text(number.number.to_string())
            .child(el("span").class("sp-visually-hidden").text(": "))
    };
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
    label
}

fn step_details(ctx: &RenderContext, pathway: &Pathway, step: &Step) -> Vec<Element> {
    let mut details = Vec::new();
    if let Some(body) = &step.body {
        details.push(ctx.text_el("p", body));
    }
    let mut facts = Vec::new();
    if let Some(wait) = &step.typical_wait {
        facts.push((Msg::TypicalWait, ctx.text_el("dd", wait)));
    }
    if let Some(limit) = &step.time_limit {
        let mut dd = ctx.text_el("dd", &limit.text);
        if let Some(source) = &limit.source {
            dd = dd.text(" (").child(ctx.text_el("span", source)).text(")");
        }
        facts.push((Msg::TimeLimit, dd));
    }
    if !facts.is_empty() {
        details.push(ctx.facts(facts));
    }
    if !step.while_waiting.is_empty() {
        details.push(ctx.heading(3).text(ctx.msg(Msg::WhileYouWait)));
        details.push(
            el("ul")
                .class("sp-list")
                .children(step.while_waiting.iter().map(|t| ctx.text_el("li", t))),
        );
    }
    let helping: Vec<Element> = services(ctx.feed, &step.services)
        .map(|s| ctx.service(s))
        .collect();
    if !helping.is_empty() {
        details.push(ctx.heading(3).text(ctx.msg(Msg::ServicesThatHelp)));
        details.push(el("ul").class("sp-services").children(helping));
    }
    let indicators: Vec<Element> = step
        .indicators
        .iter()
        .filter_map(|id| ctx.feed.indicator(id))
        .map(|i| ctx.indicator_summary(i))
        .collect();
    if !indicators.is_empty() {
        details.push(ctx.heading(3).text(ctx.msg(Msg::HowItIsGoing)));
        details.extend(indicators);
    }
    if let Some(next) = &step.next {
        let targets: Vec<&Step> = next
            .steps
            .iter()
            .filter_map(|id| pathway.steps.iter().find(|s| &s.id == id))
            .collect();
        if !targets.is_empty() {
            let intro = match (next.logic, targets.len()) {
                (_, 1) => Msg::WhatNext,
                (Logic::Any, _) => Msg::NextEither,
                (Logic::All, _) => Msg::NextAll,
            };
            details.push(
                el("div")
                    .class("sp-next")
                    .child(el("p").text(ctx.msg(intro)))
                    .child(el("ul").children(targets.iter().map(|target| {
                        el("li").child(ctx.text_el("a", &target.title).attr(
                            "href",
                            format!("#{}", ctx.id(&format!("step-{}", target.id))),
                        ))
                    }))),
            );
        }
    }
    details
}
