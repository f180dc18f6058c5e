//! The family's own controls around the pathway: language and view switches, "find my
//! pathway", "we are here", and the statutory clock. Each shows the core's answer to the
//! family's choices; nothing here stores or sends them.

use crate::action::Action;
use crate::date::PartialDate;
use crate::date_entry::DateParts;
use crate::feed::Milestone;
use crate::i18n::{fill, format_date, language_name, Msg};
use crate::pathway::audience::{fits, needs_in, pathways_for};
use crate::pathway::clock;
use crate::pathway::state::{next_steps, Address, PathwayView, View};
use crate::render::common::{self, RenderContext};
use crate::render::date_input::{date_input, DateInput};
use crate::render::pathway_steps::{number_words, step_link, Seen};
use crate::text::Lang;
use crate::view::{el, Element, Node};

/// The finder offers ages up to the oldest a SEND pathway can cover (0 to 25).
const MAX_AGE: u8 = 25;

fn pressed(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// A labelled group of toggle buttons, with the classes `class` (one class attribute: a second
/// one is dropped by an HTML parser, so a fallback would lose it).
fn switch(
    ctx: &RenderContext,
    label: Msg,
    key: &str,
    class: &'static str,
    buttons: Vec<Element>,
) -> Element {
    let label_id = ctx.id(&format!("{key}-label"));
    el("div")
        .class(class)
        .attr("role", "group")
        .attr("aria-labelledby", label_id.clone())
        .child(
            el("span")
                .class("sp-switch__label")
                .attr("id", label_id)
                .text(ctx.msg(label)),
        )
        .children(buttons)
}

/// Language and view switches.
pub fn toolbar(ctx: &RenderContext, view: &PathwayView) -> Element {
    let views = [(View::Map, Msg::ViewMap), (View::List, Msg::ViewList)]
        .into_iter()
        .map(|(v, label)| {
            el("button")
                .attr("type", "button")
                .class("sp-switch__button")
                .attr(Action::ATTR, Action::View.code())
                .attr("data-view", v.code())
                .attr("aria-pressed", pressed(view.view == v))
                .text(ctx.msg(label))
        })
        .collect();
    let langs = Lang::ALL
        .into_iter()
        .map(|lang| {
            el("button")
                .attr("type", "button")
                .class("sp-switch__button")
                .attr(Action::ATTR, Action::Lang.code())
                .attr("data-lang", lang.code())
                .attr("lang", lang.code())
                .attr("aria-pressed", pressed(ctx.lang == lang))
                .text(language_name(lang))
        })
        .collect();
    el("div")
        .class("sp-toolbar")
        .child(switch(
            ctx,
            Msg::ShowAs,
            "views",
            "sp-switch sp-switch--views",
            views,
        ))
        .child(switch(ctx, Msg::Language, "langs", "sp-switch", langs))
        .child(
            el("p")
                .class("sp-map-nofit")
                .text(ctx.msg(Msg::MapDoesNotFit)),
        )
}

fn need_label(ctx: &RenderContext, code: &str) -> String {
    let msg = match code {
        "autism" => Msg::NeedAutism,
        "slcn" => Msg::NeedSlcn,
        "semh" => Msg::NeedSemh,
        "learning-disability" => Msg::NeedLearningDisability,
        other => return other.replace('-', " "),
    };
    ctx.msg(msg).to_owned()
}

fn select(
    ctx: &RenderContext,
    name: &str,
    label: Msg,
    options: Vec<(String, String)>,
    chosen: &str,
) -> Element {
    let id = ctx.id(&format!("finder-{name}"));
    ctx.field(
        &id,
        el("label").text(ctx.msg(label)),
        el("select")
            .attr("id", id.clone())
            .attr("name", name.to_owned())
            .attr(Action::ATTR, Action::Finder.code())
            .children(common::options(options, Some(chosen))),
    )
}

/// "Find my pathway": age and need, the pathways that fit, and how many steps were hidden.
pub fn finder(ctx: &RenderContext, seen: &Seen) -> Element {
    let finder = &seen.view.finder;
    let not_sure = (String::new(), ctx.msg(Msg::NotSureYet).to_owned());
    let ages = std::iter::once(not_sure.clone())
        .chain((0..=MAX_AGE).map(|age| {
            let text = if age == 0 {
                ctx.msg(Msg::UnderOne).to_owned()
            } else {
                fill(ctx.msg(Msg::AgeYears), &[("age", &age.to_string())])
            };
            (age.to_string(), text)
        }))
        .collect();
    let needs = std::iter::once(not_sure)
        .chain(needs_in(ctx.feed).into_iter().map(|code| {
            let label = need_label(ctx, &code);
            (code, label)
        }))
        .collect();
    let chosen_age = finder.age.map(|a| a.to_string()).unwrap_or_default();
    let chosen_need = finder.need.clone().unwrap_or_default();
    let mut results = el("div")
        .class("sp-finder__results")
        .attr("role", "status")
        .attr("data-sp-finder-results", "");
    if !finder.is_empty() {
        let fitting = pathways_for(ctx.feed, finder);
        if fitting.is_empty() {
            results = results.child(el("p").text(ctx.msg(Msg::NoPathwayFits)));
        } else {
            if !fits(&seen.full.audience, finder) {
                results = results.child(
                    el("p")
                        .class("sp-finder__warning")
                        .text(ctx.msg(Msg::NotForThisChild)),
                );
            }
            results = results
                .child(
                    el("p")
                        .class("sp-finder__heading")
                        .text(ctx.msg(Msg::PathwaysThatFit)),
                )
                .child(
                    el("ul")
                        .class("sp-finder__pathways")
                        .children(fitting.iter().map(|p| {
                            let address = Address {
                                widget: seen.view.key.clone(),
                                pathway: Some(p.id.clone()),
                                step: None,
                                view: None,
                            };
                            let mut item = el("li").child(
                                ctx.text_el("a", &p.title)
                                    .attr("href", format!("#{}", address.to_fragment())),
                            );
                            if p.id == seen.full.id {
                                item = item.text(format!(" ({})", ctx.msg(Msg::ThisPathway)));
                            }
                            item
                        })),
                );
        }
        let hidden = seen.narrowed.hidden.len();
        if hidden > 0 {
            let text = if hidden == 1 {
                ctx.msg(Msg::StepsHiddenOne).to_owned()
            } else {
                fill(
                    ctx.msg(Msg::StepsHiddenMany),
                    &[("count", &hidden.to_string())],
                )
            };
            results = results.child(
                el("p")
                    .class("sp-finder__hidden")
                    .attr("data-sp-hidden-count", hidden.to_string())
                    .text(text)
                    .text(" ")
                    .child(
                        el("button")
                            .attr("type", "button")
                            .class("sp-button sp-button--secondary")
                            .attr(Action::ATTR, Action::ClearFinder.code())
                            .text(ctx.msg(Msg::ShowEveryStep)),
                    ),
            );
        }
    }
    el("div").class("sp-finder").child(
        el("fieldset")
            .child(el("legend").text(ctx.msg(Msg::FindPathway)))
            .child(
                el("div")
                    .class("sp-finder__fields")
                    .child(select(ctx, "age", Msg::ChildAge, ages, &chosen_age))
                    .child(select(ctx, "need", Msg::ChildNeed, needs, &chosen_need)),
            )
            .child(results),
    )
}

/// Where the family is and what comes next, with the control to forget it.
pub fn here_banner(ctx: &RenderContext, seen: &Seen) -> Element {
    // Focus comes here when "Forget this" goes, so it stays where the family was.
    let banner = el("div")
        .class("sp-here")
        .attr("id", ctx.id("here"))
        .attr("tabindex", "-1")
        .attr("data-sp-here", "");
    let (Some(here), Some(marked)) = (seen.here(), here_words(ctx, seen)) else {
        return banner.child(el("p").class("sp-here__hint").text(ctx.msg(Msg::HereHint)));
    };
    let numbered = seen.numbered();
    let label = |id: &str| step_words(ctx, &numbered, id);
    let mut banner = banner.class("sp-here sp-here--set").child(
        el("p")
            .class("sp-here__marked")
            .child(el("strong").text(marked)),
    );
    let next = next_steps(seen.pathway(), &here.id);
    if next.is_empty() {
        banner = banner.child(el("p").text(ctx.msg(Msg::HereLast)));
    } else {
        let template = ctx.msg(Msg::HereNext);
        let (before, after) = template.split_once("{steps}").unwrap_or((template, ""));
        let mut line = el("p").class("sp-here__next").text(before);
        for (k, step) in next.iter().enumerate() {
            if k > 0 {
                line = line.text(format!(
                    " {} ",
                    ctx.msg(if step_is_or(seen, &here.id) {
                        Msg::Or
                    } else {
                        Msg::And
                    })
                ));
            }
            line = line.child(step_link(
                ctx,
                seen,
                &step.id,
                el("a").text(label(&step.id)),
            ));
        }
        banner = banner.child(line.text(after));
    }
    banner
        .child(
            el("p")
                .class("sp-privacy")
                .text(ctx.msg(Msg::SavedInBrowserOnly)),
        )
        .child(
            el("button")
                .attr("type", "button")
                .class("sp-button sp-button--secondary")
                .attr(Action::ATTR, Action::ForgetHere.code())
                .text(ctx.msg(Msg::ForgetThis)),
        )
}

fn step_words(
    ctx: &RenderContext,
    numbered: &[(&crate::feed::Step, crate::render::pathway_steps::StepNumber)],
    id: &str,
) -> String {
    numbered
        .iter()
        .find(|(s, _)| s.id == id)
        .map(|(s, n)| format!("{}: {}", number_words(ctx, *n), ctx.str(&s.title)))
        .unwrap_or_default()
}

/// "You marked step 3: … as where you are": the banner's words, and what is announced when the
/// family marks a step.
pub fn here_words(ctx: &RenderContext, seen: &Seen) -> Option<String> {
    let here = seen.here()?;
    let label = step_words(ctx, &seen.numbered(), &here.id);
    Some(fill(ctx.msg(Msg::HereBanner), &[("step", &label)]))
}

fn step_is_or(seen: &Seen, step: &str) -> bool {
    seen.pathway()
        .steps
        .iter()
        .find(|s| s.id == step)
        .and_then(|s| s.next.as_ref())
        .is_some_and(|n| n.logic == crate::feed::Logic::Any)
}

/// The statutory clock: the time limits in words, and as dates once the family gives theirs.
pub fn clock_section(ctx: &RenderContext, seen: &Seen) -> Element {
    let Some(clock) = &seen.full.clock else {
        return el("div");
    };
    let heading_id = ctx.id("clock-title");
    let mut section = el("div")
        .class("sp-clock")
        .attr("role", "region")
        .attr("aria-labelledby", heading_id.clone())
        .child(
            ctx.heading(1)
                .attr("id", heading_id)
                .text(ctx.msg(Msg::ClockTitle)),
        )
        .child(el("p").text(ctx.msg(Msg::ClockIntro)));
    // The fields show what was typed; a date set another way (a test, a saved view) shows as
    // its three parts. A fallback holds them as room (see `room`): the results below them
    // stay where they are when the widget takes the fallback.
    let widget = ctx.as_widget();
    let parts = match seen.view.clock_start {
        Some(start) if seen.view.clock_typed.is_empty() => DateParts::from_date(start),
        _ => seen.view.clock_typed.clone(),
    };
    let field = date_input(
        &widget,
        DateInput {
            id: ctx.id("clock"),
            name: "clock",
            legend: ctx.text_el("legend", &clock.start),
            hint: None,
            action: Action::Clock,
            parts: &parts,
        },
    );
    let privacy = el("p").class("sp-privacy").text(ctx.msg(Msg::DateNotSent));
    section = if ctx.interactive {
        section.child(field).child(privacy)
    } else {
        section
            .child(common::room(field))
            .child(common::room(privacy))
    };
    let results: Element = match clock_results(ctx, seen) {
        Node::Element(element) => element,
        Node::Text(text) => el("div").text(text),
    };
    section.child(results)
}

/// Where the family is on the clock ("week 5 of 20"), from their date: the one sentence
/// announced when the date changes.
pub fn clock_words(ctx: &RenderContext, seen: &Seen) -> Option<String> {
    let clock = seen.full.clock.as_ref()?;
    let run = clock::run(clock, seen.view.clock_start?, seen.view.today);
    let total = run.total_weeks.to_string();
    Some(match run.current_week {
        None => ctx.msg(Msg::ClockNotStarted).to_owned(),
        Some(week) if week > run.total_weeks => fill(
            ctx.msg(Msg::ClockPast),
            &[("week", &week.to_string()), ("total", &total)],
        ),
        Some(week) => fill(
            ctx.msg(Msg::ClockWeek),
            &[("week", &week.to_string()), ("total", &total)],
        ),
    })
}

fn duration(ctx: &RenderContext, milestone: &Milestone) -> String {
    let weeks = milestone
        .weeks
        .map(|n| fill(ctx.msg(Msg::Weeks), &[("n", &n.to_string())]));
    let days = milestone
        .days
        .map(|n| fill(ctx.msg(Msg::Days), &[("n", &n.to_string())]));
    match (weeks, days) {
        (Some(w), Some(d)) => fill(ctx.msg(Msg::WeeksAndDays), &[("weeks", &w), ("days", &d)]),
        (Some(w), None) => w,
        (None, Some(d)) => d,
        (None, None) => String::new(),
    }
}

/// The clock's milestones: as durations, or as the family's dates with overdue ones marked.
/// The widget redraws only this part when the date changes, so typing is never disturbed.
pub fn clock_results(ctx: &RenderContext, seen: &Seen) -> Node {
    // Not a live region: its 300 words would be read out whole. The widget announces the one
    // sentence that changed ([`clock_words`]).
    let mut results = el("div")
        .class("sp-clock__results")
        .attr("data-sp-clock-results", "");
    let Some(clock) = &seen.full.clock else {
        return results.into();
    };
    let source = |m: &Milestone| {
        m.source.as_ref().map(|s| {
            el("p")
                .class("sp-milestone__source")
                .text(format!("{}: ", ctx.msg(Msg::ClockSource)))
                .child(ctx.text_el("span", s))
        })
    };
    let Some(start) = seen.view.clock_start else {
        let items = clock.milestones.iter().map(|m| {
            let mut item = el("li")
                .class("sp-milestone")
                .child(ctx.text_el("p", &m.title).class("sp-milestone__title"))
                .child(el("p").text(fill(
                    ctx.msg(Msg::ClockWithin),
                    &[("duration", &duration(ctx, m))],
                )));
            if let Some(source) = source(m) {
                item = item.child(source);
            }
            item
        });
        return results
            .child(el("ol").class("sp-milestones").children(items))
            .into();
    };
    let run = clock::run(clock, start, seen.view.today);
    let where_now = clock_words(ctx, seen).unwrap_or_default();
    results = results.child(
        el("p")
            .class("sp-clock__week")
            .child(el("strong").text(where_now)),
    );
    let items = run.milestones.iter().map(|m| {
        let due = fill(
            ctx.msg(Msg::ClockDue),
            &[
                ("date", &format_date(PartialDate::Day(m.due), ctx.lang)),
                ("week", &m.week.to_string()),
            ],
        );
        let mut item = el("li")
            .class(if m.overdue {
                "sp-milestone sp-milestone--overdue"
            } else {
                "sp-milestone"
            })
            .attr("data-milestone", m.milestone.id.clone())
            .child(
                ctx.text_el("p", &m.milestone.title)
                    .class("sp-milestone__title"),
            )
            .child(el("p").class("sp-milestone__due").text(due));
        if m.overdue {
            item = item.child(
                el("p")
                    .class("sp-milestone__overdue")
                    .child(el("strong").text(ctx.msg(Msg::ClockOverdue))),
            );
            if let Some(what) = &m.milestone.if_missed {
                item = item.child(
                    el("p")
                        .text(format!("{}: ", ctx.msg(Msg::ClockWhatToDo)))
                        .child(ctx.text_el("span", what)),
                );
            }
        } else {
            item = item.child(
                el("p")
                    .class("sp-milestone__status")
                    .text(ctx.msg(Msg::ClockOnTime)),
            );
        }
        if let Some(source) = source(m.milestone) {
            item = item.child(source);
        }
        item
    });
    results
        .child(el("ol").class("sp-milestones").children(items))
        .into()
}
