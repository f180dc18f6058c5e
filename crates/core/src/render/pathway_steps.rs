//! What the pathway's renderers share: the steps a family sees ([`Seen`]), how they are
//! numbered, and a step's details and links. The list, the map and the family's controls all
//! draw from here; nothing here imports them, so the renderers depend on it in one direction.

use crate::action::Action;
use crate::feed::{Indicator, Logic, Pathway, Step};
use crate::i18n::{fill, format_date, Msg};
use crate::pathway::audience::{self, Narrowed};
use crate::pathway::state::{next_steps, Address, PathwayView};
use crate::render::common::{format_value, services, RenderContext};
use crate::view::{el, Element};
use rustc_hash::FxHashMap as HashMap;

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
    crate::order::by_key(&mut steps, |step| stage_index(step));
    steps
}

/// Numbers steps; a step that is an "or" alternative to the one before shares its number.
pub fn number_steps(pathway: &Pathway, steps: &[&Step]) -> Vec<StepNumber> {
    // Each step id → the "any" groups it belongs to, so checking a pair is not a scan of the
    // whole pathway (which made long pathways quadratic).
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::default();
    let any_groups = pathway
        .steps
        .iter()
        .filter_map(|s| s.next.as_ref())
        .filter(|next| next.logic == Logic::Any);
    for (group, next) in any_groups.enumerate() {
        for id in &next.steps {
            groups.entry(id.as_str()).or_default().push(group);
        }
    }
    let alternatives = |a: &str, b: &str| match (groups.get(a), groups.get(b)) {
        (Some(a), Some(b)) => a.iter().any(|g| b.contains(g)),
        _ => false,
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

/// What the family's choices mean for one pathway: the steps they see and where they are.
pub struct Seen<'a> {
    pub full: &'a Pathway,
    pub narrowed: Narrowed,
    pub view: &'a PathwayView,
    /// Where each shown step is in `narrowed`, by id: looking steps up by scanning made long
    /// pathways quadratic.
    index: HashMap<String, usize>,
}

impl Seen<'_> {
    pub fn new<'a>(full: &'a Pathway, view: &'a PathwayView) -> Seen<'a> {
        let narrowed = audience::narrow(full, &view.finder);
        let index = narrowed
            .pathway
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| (step.id.clone(), i))
            .collect();
        Seen {
            full,
            narrowed,
            view,
            index,
        }
    }

    /// The shown step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.index
            .get(id)
            .and_then(|&i| self.narrowed.pathway.steps.get(i))
    }

    pub fn pathway(&self) -> &Pathway {
        &self.narrowed.pathway
    }

    /// The step marked "we are here", if it is shown.
    pub fn here(&self) -> Option<&Step> {
        self.step(self.view.here.as_deref()?)
    }

    pub fn is_next(&self, step: &str) -> bool {
        self.here().is_some_and(|here| {
            next_steps(self.pathway(), &here.id)
                .iter()
                .any(|s| s.id == step)
        })
    }

    /// Steps in reading order with their numbers.
    pub fn numbered(&self) -> Vec<(&Step, StepNumber)> {
        let steps = ordered_steps(self.pathway());
        let numbers = number_steps(self.pathway(), &steps);
        steps.into_iter().zip(numbers).collect()
    }

    /// The address of a step in this pathway, for links that open it.
    pub fn step_href(&self, ctx: &RenderContext, step: &str) -> String {
        if ctx.interactive {
            let address = Address {
                widget: self.view.key.clone(),
                pathway: Some(self.full.id.clone()),
                step: Some(step.to_owned()),
                view: None,
            };
            format!("#{}", address.to_fragment())
        } else {
            format!("#{}", ctx.id(&format!("step-{step}")))
        }
    }
}

/// A link that opens a step: in the widget it is also an [`Action::StepLink`], so following it
/// changes only this widget's part of the address.
pub fn step_link(ctx: &RenderContext, seen: &Seen, step: &str, link: Element) -> Element {
    let link = link.attr("href", seen.step_href(ctx, step));
    if ctx.interactive {
        link.attr(Action::ATTR, Action::StepLink.code())
            .attr("data-step", step.to_owned())
    } else {
        link
    }
}

/// "Step 3" or "or step 3", as the map and the details heading show it.
pub fn number_words(ctx: &RenderContext, number: StepNumber) -> String {
    let template = if number.alternative {
        Msg::StepOrOf
    } else {
        Msg::StepOf
    };
    fill(ctx.msg(template), &[("n", &number.number.to_string())])
}

/// The end of a "We are here" button's name: the step's number, and for an "or" step (which
/// shares its number) its title too. An `aria-label`, since a hidden span would be read with
/// a space before its colon.
fn here_name(ctx: &RenderContext, step: &Step, number: StepNumber) -> String {
    if number.alternative {
        format!(": {}, {}", number_words(ctx, number), ctx.str(&step.title))
    } else {
        format!(": {}", number_words(ctx, number))
    }
}

/// What a family needs to know about a step. `depth` is the level of its sub-headings below
/// the widget's top heading; `number` names the step in its "We are here" button, so each of
/// those buttons has its own name ("We are here: Step 3").
pub fn step_details(
    ctx: &RenderContext,
    seen: &Seen,
    step: &Step,
    number: StepNumber,
    depth: u8,
) -> Vec<Element> {
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
        details.push(ctx.heading(depth).text(ctx.msg(Msg::WhileYouWait)));
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
        details.push(ctx.heading(depth).text(ctx.msg(Msg::ServicesThatHelp)));
        details.push(el("ul").class("sp-services").children(helping));
    }
    let indicators: Vec<Element> = step
        .indicators
        .iter()
        .filter_map(|id| ctx.feed.indicator(id))
        .map(|i| indicator_in_words(ctx, i))
        .collect();
    if !indicators.is_empty() {
        details.push(ctx.heading(depth).text(ctx.msg(Msg::HowItIsGoing)));
        details.extend(indicators);
    }
    if let Some(next) = &step.next {
        let targets: Vec<&Step> = next.steps.iter().filter_map(|id| seen.step(id)).collect();
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
                        el("li").child(step_link(
                            ctx,
                            seen,
                            &target.id,
                            ctx.text_el("a", &target.title),
                        ))
                    }))),
            );
        }
    }
    if ctx.interactive {
        let here = seen.here().is_some_and(|h| h.id == step.id);
        details.push(
            el("p").class("sp-step__actions").child(
                el("button")
                    .attr("type", "button")
                    .class("sp-button sp-button--secondary sp-here-button")
                    .attr(Action::ATTR, Action::Here.code())
                    .attr("data-step", step.id.clone())
                    .attr("aria-pressed", if here { "true" } else { "false" })
                    .attr(
                        "aria-label",
                        format!(
                            "{}{}",
                            ctx.msg(Msg::WeAreHere),
                            here_name(ctx, step, number)
                        ),
                    )
                    .text(ctx.msg(Msg::WeAreHere)),
            ),
        );
    }
    details
}

/// A linked indicator in words: the latest real figure (or that there is none yet), what the
/// plan expected, the target, and whether the latest figure meets it.
pub fn indicator_in_words(ctx: &RenderContext, indicator: &Indicator) -> Element {
    let value = |v: f64| format_value(v, indicator.unit);
    let mut lines: Vec<Element> = Vec::new();
    // The tracker's rule, not the list's order: both widgets name the same latest figure.
    let facts = crate::tracker::indicator::facts(indicator);
    let latest = facts.latest;
    match latest {
        Some(point) => lines.push(el("p").class("sp-indicator__latest").text(fill(
            ctx.msg(Msg::IndicatorLatest),
            &[
                ("value", &value(point.value)),
                ("period", &format_date(point.period, ctx.lang)),
            ],
        ))),
        None => {
            lines.push(el("p").text(ctx.msg(Msg::IndicatorNoActual)));
            if let Some(planned) = facts.planned_end {
                lines.push(el("p").text(fill(
                    ctx.msg(Msg::IndicatorPlanned),
                    &[
                        ("value", &value(planned.value)),
                        ("period", &format_date(planned.period, ctx.lang)),
                    ],
                )));
            }
        }
    }
    if let Some(target) = &indicator.target {
        let mut text = ctx.str(&target.text);
        if let Some(by) = target.by {
            text = format!("{text} ({})", format_date(by, ctx.lang));
        }
        lines.push(el("p").text(fill(ctx.msg(Msg::IndicatorTarget), &[("target", &text)])));
        if let (Some(point), Some(goal)) = (latest, target.value) {
            let meets = match indicator.better {
                crate::feed::Better::Higher => point.value >= goal,
                crate::feed::Better::Lower => point.value <= goal,
            };
            lines.push(
                el("p")
                    .class(if meets {
                        "sp-indicator__verdict sp-indicator__verdict--meets"
                    } else {
                        "sp-indicator__verdict sp-indicator__verdict--misses"
                    })
                    .text(ctx.msg(if meets {
                        Msg::IndicatorMeets
                    } else {
                        Msg::IndicatorMisses
                    })),
            );
        }
    }
    lines.push(
        el("p")
            .class("sp-indicator__source")
            .text(format!("{}: ", ctx.msg(Msg::Source)))
            .child(ctx.text_el("span", &indicator.source)),
    );
    el("div")
        .class("sp-indicator")
        .child(
            ctx.text_el("p", &indicator.title)
                .class("sp-indicator__title"),
        )
        .children(lines)
}
