//! The progress tracker: the improvement plan as families and board members read it.
//!
//! Order on the page: what the plan is and how fresh the information is; progress at a glance
//! with the key to the statuses; the filters (widget only); the matching workstreams, actions
//! and measures; "You said, we did", newest first; the key figures. The filtered part is its
//! own region, so the widget can redraw it without touching the form a reader is typing in.

use crate::action::Action as Control;
use crate::date::PartialDate;
use crate::date_entry::DateParts;
use crate::feed::{Action, Indicator, Lifecycle, Plan, Update, Workstream};
use crate::i18n::{fill, format_date, Msg};
use crate::render::common::{self, RenderContext};
use crate::render::date_input::{date_input, DateInput};
use crate::render::kpi;
use crate::render::status_badge::{badge, key, summary};
use crate::status::is_stale;
use crate::tracker::filter::TrackerFilter;
use crate::tracker::indicator::{has_figures, period_key};
use crate::tracker::plans::{life_note, LifeNote, PlanChoice};
use crate::tracker::shown::{count_words, Counts, TrackerView};
use crate::tracker::{level_words, measure_rows, MeasureRow, Tally, LEVELS};
use crate::view::{el, Element, Node};
use chrono::NaiveDate;

/// How many "You said, we did" entries the widget shows before "Show earlier updates".
const RECENT_UPDATES: usize = 5;

/// The filtered part of the tracker and the sentence that announces it.
pub struct Results {
    pub region: Element,
    pub message: String,
    pub counts: Counts,
}

/// The whole tracker for `today`, filtered by `filter`, showing the chosen plan.
pub fn render_tracker(
    ctx: &RenderContext,
    choice: &PlanChoice,
    today: NaiveDate,
    filter: &TrackerFilter,
) -> Node {
    render_tracker_with(ctx, choice, today, filter, &TrackerView::default())
}

/// The tracker as a reader left it: the workstreams they opened, the count last said.
pub fn render_tracker_with(
    ctx: &RenderContext,
    choice: &PlanChoice,
    today: NaiveDate,
    filter: &TrackerFilter,
    view: &TrackerView,
) -> Node {
    let plan = choice.plan;
    let title_id = ctx.id("title");
    let rows = measure_rows(plan, today);
    let mut root = el("section")
        .class("sp sp-tracker")
        .attr("lang", ctx.lang.code())
        .attr("aria-labelledby", title_id.clone())
        .child(ctx.text_el("p", &plan.label).class("sp-caption"))
        .child(
            ctx.text_el(ctx.heading(0).tag, &plan.title)
                .attr("id", title_id)
                // Focus lands here after a reader switches plan.
                .attr("tabindex", "-1")
                .attr("data-sp-plan-title", "")
                .class("sp-title"),
        );
    if let Some(id) = choice.unknown {
        root = root.child(
            el("p")
                .class("sp-notice")
                .text(fill(ctx.msg(Msg::PlanUnknown), &[("id", id)])),
        );
    }
    if let Some(note) = life_note(ctx.feed, plan) {
        root = root.child(
            el("p")
                .class("sp-notice sp-plan-life")
                .text(life_words(ctx, &note)),
        );
    }
    if let Some(summary) = &plan.summary {
        root = root.child(ctx.text_el("p", summary).class("sp-lead"));
    }
    root = root.child(freshness(ctx, today));
    if ctx.feed.plans().len() > 1 {
        root = root.child(plan_list(ctx, choice, filter));
    }
    let (with_figures, awaiting): (Vec<&Indicator>, Vec<&Indicator>) =
        ctx.feed.indicators.iter().partition(|i| has_figures(i));
    let contact_rows = ctx
        .feed
        .publisher
        .contact
        .as_ref()
        .map(|contact| ctx.contact_rows(contact, &ctx.feed.publisher.name))
        .unwrap_or_default();
    let results = results_with(ctx, plan, &rows, filter, view);
    root = root
        .child(
            el("div")
                .class("sp-glance")
                .child(ctx.heading(1).text(ctx.msg(Msg::ProgressAtAGlance)))
                .child(summary(ctx, &Tally::of(&rows))),
        )
        .child(contents(
            ctx,
            !ctx.feed.updates.is_empty(),
            !with_figures.is_empty(),
            !awaiting.is_empty(),
            !contact_rows.is_empty(),
        ))
        .child(
            el("div")
                .class("sp-key-box")
                .attr("id", ctx.id("key"))
                .child(ctx.heading(1).text(ctx.msg(Msg::StatusKey)))
                .child(key(ctx)),
        );
    if ctx.interactive {
        root = root.child(filters(ctx, plan, filter, view)).child(
            el("p")
                .class("sp-result-count")
                .attr("role", "status")
                .attr("data-sp-count", "")
                .text(view.count.map_or(results.message, str::to_owned)),
        );
    }
    root = root.child(results.region);
    if !with_figures.is_empty() {
        root = root.child(
            el("div")
                .class("sp-kpis")
                .attr("id", ctx.id("kpis"))
                .child(ctx.heading(1).text(ctx.msg(Msg::KeyFigures)))
                .child(
                    el("ul")
                        .class("sp-indicators")
                        .children(with_figures.iter().map(|i| kpi::indicator(ctx, i, 2))),
                ),
        );
    }
    if !awaiting.is_empty() {
        let list = el("ul")
            .class("sp-awaiting__list")
            .children(awaiting.iter().map(|i| awaiting_figures(ctx, i)));
        let mut block = el("div")
            .class("sp-awaiting")
            .attr("id", ctx.id("awaiting"))
            .child(ctx.heading(1).text(ctx.msg(Msg::AwaitingFigures)))
            .child(el("p").text(ctx.msg(Msg::AwaitingFiguresLead)));
        // In the widget the list waits behind one button; paper and the fallback show it.
        block = if ctx.interactive {
            let panel_id = ctx.id("awaiting-list");
            block
                .child(ctx.disclosure(
                    fill(
                        ctx.msg(Msg::ShowAwaitingList),
                        &[("count", &awaiting.len().to_string())],
                    ),
                    &panel_id,
                ))
                .child(
                    ctx.toggle_panel("sp-disclosure__panel", panel_id, false)
                        .child(list),
                )
        } else {
            block.child(list)
        };
        root = root.child(block);
    }
    if let Some(area) = crate::render::area::about_the_area(ctx, 1) {
        root = root.child(area);
    }
    if !contact_rows.is_empty() {
        root = root.child(
            el("div")
                .class("sp-plan-contact")
                .attr("id", ctx.id("contact"))
                .child(ctx.heading(1).text(ctx.msg(Msg::PlanContact)))
                .child(ctx.facts(contact_rows)),
        );
    }
    root.into()
}

/// "This plan closed in July 2024; it was followed by …": only what the feed says.
fn life_words(ctx: &RenderContext, note: &LifeNote) -> String {
    let title = |plan: &Plan| ctx.str(&plan.title);
    let mut words = match note {
        LifeNote::Closed { end: Some(end), .. } => fill(
            ctx.msg(Msg::PlanClosedIn),
            &[("date", &format_date(*end, ctx.lang))],
        ),
        LifeNote::Closed { end: None, .. } => ctx.msg(Msg::PlanClosed).to_owned(),
        LifeNote::FollowedBy(next) => {
            fill(ctx.msg(Msg::PlanWasFollowedBy), &[("plan", &title(next))])
        }
    };
    if let LifeNote::Closed {
        followed_by: Some(next),
        ..
    } = note
    {
        words.push_str(&fill(
            ctx.msg(Msg::PlanFollowedBy),
            &[("plan", &title(next))],
        ));
    }
    words + ctx.msg(Msg::SentenceEnd)
}

/// The plan's period in words: "2024 to 2025", "from 2021", "until July 2024".
fn period_words(ctx: &RenderContext, plan: &Plan) -> Option<String> {
    let period = plan.period.as_ref()?;
    let date = |d: PartialDate| format_date(d, ctx.lang);
    Some(match (period.start, period.end) {
        (Some(start), Some(end)) => fill(
            ctx.msg(Msg::PlanPeriod),
            &[("start", &date(start)), ("end", &date(end))],
        ),
        (Some(start), None) => fill(ctx.msg(Msg::PlanPeriodFrom), &[("start", &date(start))]),
        (None, Some(end)) => fill(ctx.msg(Msg::PlanPeriodUntil), &[("end", &date(end))]),
        (None, None) => return None,
    })
}

/// The feed's plans, each with its period and what the feed says of its life, the one shown
/// marked as such. In the widget the others are links that switch the tracker to them (kept in
/// the address like the filters); the fallback names them.
fn plan_list(ctx: &RenderContext, choice: &PlanChoice, filter: &TrackerFilter) -> Element {
    let heading_id = ctx.id("plans-title");
    let mut nav = el("nav")
        .class("sp-plans")
        .attr("aria-labelledby", heading_id.clone())
        .child(
            ctx.heading(1)
                .attr("id", heading_id)
                .text(ctx.msg(Msg::PlansHeading)),
        );
    // The plan the address asked for, so filtering keeps it in the address.
    if let Some(id) = filter
        .plan
        .as_deref()
        .filter(|id| choice.plan.id.as_deref() == Some(id))
    {
        nav = nav.attr("data-sp-plan", id);
    }
    let items = ctx.feed.plans().iter().enumerate().map(|(i, plan)| {
        let title = ctx.str(&plan.title);
        let mut item = el("li");
        item = match (&plan.id, i == choice.index) {
            (_, true) => item
                .child(el("strong").attr("aria-current", "true").text(title))
                .text(format!(" {}", ctx.msg(Msg::PlanShownNow))),
            (Some(id), false) if ctx.interactive => {
                let to = TrackerFilter {
                    plan: Some(id.clone()),
                    ..TrackerFilter::default()
                };
                item.child(
                    el("a")
                        .attr("href", format!("#{}", to.to_fragment()))
                        .text(title),
                )
            }
            _ => item.text(title),
        };
        let mut details: Vec<String> = period_words(ctx, plan).into_iter().collect();
        if plan.lifecycle == Some(Lifecycle::Closed) {
            details.push(ctx.msg(Msg::PlanClosedShort).to_owned());
        }
        if !details.is_empty() {
            item = item.text(format!(" ({})", details.join("; ")));
        }
        item
    });
    nav.child(el("ul").class("sp-plans__list").children(items))
}

/// "On this page": a short contents list after the summary, so a reader on a phone can jump
/// past the key and the filters. Its links are ordinary in-page links: the tracker keeps its
/// own state only in `#tracker:` fragments and leaves these alone.
fn contents(
    ctx: &RenderContext,
    updates: bool,
    figures: bool,
    awaiting: bool,
    contact: bool,
) -> Element {
    let heading_id = ctx.id("contents-title");
    let entries = [
        (true, "key", Msg::StatusKey),
        (ctx.interactive, "filters-title", Msg::FindInPlan),
        (true, "results", Msg::ContentsPlan),
        (updates, "updates", Msg::YouSaidWeDid),
        (figures, "kpis", Msg::KeyFigures),
        (awaiting, "awaiting", Msg::AwaitingFigures),
        (
            ctx.feed
                .area
                .as_ref()
                .is_some_and(|a| !crate::render::area::is_empty(a)),
            "area",
            Msg::AboutTheArea,
        ),
        (contact, "contact", Msg::PlanContact),
    ];
    el("nav")
        .class("sp-contents")
        .attr("aria-labelledby", heading_id.clone())
        .child(
            ctx.heading(1)
                .attr("id", heading_id)
                .text(ctx.msg(Msg::OnThisPage)),
        )
        .child(
            el("ul").class("sp-contents__list").children(
                entries
                    .into_iter()
                    .filter(|(shown, ..)| *shown)
                    .map(|(_, target, words)| {
                        el("li").child(
                            el("a")
                                .attr("href", format!("#{}", ctx.id(target)))
                                .text(ctx.msg(words)),
                        )
                    }),
            ),
        )
}

/// An indicator with no figures yet, in one line of the compact list: its title, target,
/// starting point and source, and nothing that would read as a figure.
fn awaiting_figures(ctx: &RenderContext, indicator: &Indicator) -> Element {
    let end = ctx.msg(Msg::SentenceEnd);
    let mut item = el("li")
        .class("sp-awaiting__item")
        .attr("id", ctx.id(&format!("kpi-{}", indicator.id)))
        .child(ctx.text_el("strong", &indicator.title))
        .text(end);
    if let Some(target) = &indicator.target {
        let mut sentence = format!(" {}: {}", ctx.msg(Msg::Target), ctx.str(&target.text));
        if let Some(by) = target.by {
            sentence.push_str(&format!(" ({})", format_date(by, ctx.lang)));
        }
        item = item.text(sentence + end);
    }
    if let Some(baseline) = &indicator.baseline {
        item = item.text(format!(
            " {}: {} ({}){end}",
            ctx.msg(Msg::StartingPoint),
            common::format_value(baseline.value, indicator.unit),
            format_date(baseline.period, ctx.lang)
        ));
    }
    item.text(format!(" {}: ", ctx.msg(Msg::Source)))
        .child(ctx.text_el("span", &indicator.source))
        .text(end)
}

/// The feed's date, always; a notice when it is old; the day statuses are worked out for.
fn freshness(ctx: &RenderContext, today: NaiveDate) -> Element {
    let updated = PartialDate::Day(ctx.feed.updated);
    let mut block = el("div")
        .class("sp-freshness")
        .child(el("p").class("sp-updated").text(format!(
            "{}: {}{} {}",
            ctx.msg(Msg::FeedUpdated),
            format_date(updated, ctx.lang),
            ctx.msg(Msg::SentenceEnd),
            fill(
                ctx.msg(Msg::StatusesWorkedOutFor),
                &[("date", &format_date(PartialDate::Day(today), ctx.lang))],
            )
        )));
    if is_stale(updated, today) {
        block = block.child(el("p").class("sp-notice").text(ctx.msg(Msg::FeedStale)));
    }
    block
}

/// The filter form. Its values come from `filter`, so a shared link opens filtered.
pub fn filters(
    ctx: &RenderContext,
    plan: &Plan,
    filter: &TrackerFilter,
    view: &TrackerView,
) -> Element {
    let default_lang = ctx.feed.default_lang();
    let select =
        |name: &'static str, label: Msg, current: Option<&str>, choices: Vec<(String, String)>| {
            let id = ctx.id(&format!("filter-{name}"));
            let any = el("option").attr("value", "").text(ctx.msg(Msg::FilterAny));
            ctx.field(
                &id,
                el("label").text(ctx.msg(label)),
                el("select")
                    .attr("id", id.clone())
                    .attr("name", name)
                    .attr(Control::ATTR, Control::Filter.code())
                    .child(any)
                    .children(common::options(choices, current)),
            )
        };
    let workstreams = plan
        .workstreams
        .iter()
        .map(|w| (w.id.clone(), numbered(&w.id, ctx.str(&w.title))))
        .collect();
    let priorities = plan
        .priorities
        .iter()
        .map(|p| (p.id.clone(), numbered(&p.id, ctx.str(&p.title))))
        .collect();
    let statuses = LEVELS
        .into_iter()
        .map(|level| {
            let (word, _, slug) = level_words(level);
            (slug.to_owned(), ctx.msg(word).to_owned())
        })
        .collect();
    let mut leads: Vec<(String, String)> = plan
        .workstreams
        .iter()
        .flat_map(|w| {
            w.leads
                .iter()
                .chain(w.actions.iter().flat_map(|a| &a.leads))
        })
        .map(|lead| {
            (
                lead.get(default_lang, default_lang).text.to_owned(),
                ctx.str(lead),
            )
        })
        .collect();
    crate::order::by_key(&mut leads, |lead| lead.1.to_ascii_lowercase());
    leads.dedup_by(|a, b| a.0 == b.0);
    let status = filter.status.map(|s| level_words(s).2);
    let text_input = |name: &'static str, kind: &'static str, label: Msg, value: String| {
        let id = ctx.id(&format!("filter-{name}"));
        ctx.field(
            &id,
            el("label").text(ctx.msg(label)),
            el("input")
                .attr("type", kind)
                .attr("id", id.clone())
                .attr("name", name)
                .attr(Control::ATTR, Control::Filter.code())
                .attr("value", value),
        )
    };
    // "Changed since" as GOV.UK's three fields: what is typed stays as typed (a half-typed
    // date filters nothing); otherwise the filter's date.
    let since_parts = match view.since_typed {
        Some(typed) if !typed.is_empty() => typed.clone(),
        _ => filter.since.map(DateParts::from_date).unwrap_or_default(),
    };
    let since = date_input(
        ctx,
        DateInput {
            id: ctx.id("filter-since"),
            name: "since",
            legend: el("legend").text(ctx.msg(Msg::FilterSince)),
            hint: Some(ctx.msg(Msg::FilterSinceHint)),
            action: Control::Filter,
            parts: &since_parts,
        },
    );
    let heading_id = ctx.id("filters-title");
    el("form")
        .class("sp-filters")
        .attr("role", "search")
        .attr("aria-labelledby", heading_id.clone())
        .attr("data-sp-filters", "")
        .child(
            ctx.heading(1)
                .attr("id", heading_id)
                .text(ctx.msg(Msg::FindInPlan)),
        )
        .child(
            el("div")
                .class("sp-filters__grid")
                .child(select(
                    "workstream",
                    Msg::FilterWorkstream,
                    filter.workstream.as_deref(),
                    workstreams,
                ))
                .child(select(
                    "priority",
                    Msg::FilterPriority,
                    filter.priority.as_deref(),
                    priorities,
                ))
                .child(select("status", Msg::FilterStatus, status, statuses))
                .child(select(
                    "lead",
                    Msg::FilterLead,
                    filter.lead.as_deref(),
                    leads,
                ))
                .child(text_input(
                    "q",
                    "search",
                    Msg::FilterSearch,
                    filter.query.clone(),
                ))
                .child(since),
        )
        .child(
            el("button")
                .attr("type", "button")
                .class("sp-button")
                .attr(Control::ATTR, Control::ClearFilters.code())
                .text(ctx.msg(Msg::ClearFilters)),
        )
}

/// The workstreams, actions and measures that match, then the matching updates, with the
/// workstreams the reader opened.
pub fn results_with(
    ctx: &RenderContext,
    plan: &Plan,
    rows: &[MeasureRow],
    filter: &TrackerFilter,
    view: &TrackerView,
) -> Results {
    let (lang, default_lang) = (ctx.lang.code(), ctx.feed.default_lang());
    let shown: Vec<&MeasureRow> = rows
        .iter()
        .filter(|row| filter.matches(row, lang, default_lang))
        .collect();
    let mut updates: Vec<&Update> = ctx
        .feed
        .updates
        .iter()
        .filter(|u| filter.matches_update(u, lang, default_lang))
        .collect();
    // Newest first; within one period the feed's own order.
    crate::order::by_key(&mut updates, |update| -period_key(update.date));
    let counts = Counts {
        measures: shown.len(),
        measures_total: rows.len(),
        updates: updates.len(),
        updates_total: ctx.feed.updates.len(),
    };
    let message = count_words(ctx.lang, counts, None).unwrap_or_default();
    let mut region = el("div")
        .class("sp-results")
        .attr("id", ctx.id("results"))
        .attr("data-sp-results", "");
    if shown.is_empty() {
        region = region.child(el("p").class("sp-empty").text(ctx.msg(Msg::NoMatches)));
    }
    let workstreams: Vec<(&Workstream, Vec<&MeasureRow>)> = plan
        .workstreams
        .iter()
        .filter_map(|workstream| {
            let in_workstream: Vec<&MeasureRow> = shown
                .iter()
                .copied()
                .filter(|row| std::ptr::eq(row.workstream, workstream))
                .collect();
            (!in_workstream.is_empty()).then_some((workstream, in_workstream))
        })
        .collect();
    // Workstreams open as `shown::opens_by_default` and the reader say; without JavaScript
    // everything is open.
    let count = workstreams.len();
    let open = |workstream: &Workstream| {
        !ctx.interactive || view.is_open(&workstream.id, !filter.is_empty(), count)
    };
    if ctx.interactive && workstreams.len() > 1 {
        let all_open = workstreams.iter().all(|(w, _)| open(w));
        region = region.child(el("div").class("sp-controls").child(ctx.toggle_all(
            all_open,
            Msg::ShowAllWorkstreams,
            Msg::HideAllWorkstreams,
        )));
    }
    for (workstream, in_workstream) in workstreams {
        let whole = rows
            .iter()
            .filter(|row| std::ptr::eq(row.workstream, workstream));
        region = region.child(workstream_block(
            ctx,
            plan,
            workstream,
            Tally::of(whole),
            &in_workstream,
            open(workstream),
        ));
    }
    if !updates.is_empty() {
        // Newest first, and in the widget only the newest few until asked: the sample has 25,
        // four phone screens of them. A filter shows all it matched; paper and the
        // no-JavaScript page show everything.
        let folded = ctx.interactive && filter.is_empty() && updates.len() > RECENT_UPDATES;
        let (recent, earlier) = updates.split_at(if folded {
            RECENT_UPDATES
        } else {
            updates.len()
        });
        let mut block = el("div")
            .class("sp-updates")
            .attr("id", ctx.id("updates"))
            .child(ctx.heading(1).text(ctx.msg(Msg::YouSaidWeDid)))
            .child(
                el("ol")
                    .class("sp-updates__list")
                    .children(recent.iter().map(|u| update(ctx, u))),
            );
        if !earlier.is_empty() {
            let panel_id = ctx.id("updates-earlier");
            block = block
                .child(ctx.disclosure(
                    fill(
                        ctx.msg(Msg::EarlierUpdates),
                        &[("count", &earlier.len().to_string())],
                    ),
                    &panel_id,
                ))
                .child(
                    ctx.toggle_panel("sp-disclosure__panel", panel_id, false)
                        .child(
                            el("ol")
                                .class("sp-updates__list")
                                .attr("start", (RECENT_UPDATES + 1).to_string())
                                .children(earlier.iter().map(|u| update(ctx, u))),
                        ),
                );
        }
        region = region.child(block);
    }
    Results {
        region,
        message,
        counts,
    }
}

/// A workstream's or priority's id when it reads as the plan's own number ("2", "3.4", "A1",
/// "B"), which families see before its title. An id that is a word ("assess", "ws b") is the
/// feed's name for it, not the plan's, so families see the title alone.
fn plan_number(id: &str) -> Option<&str> {
    let plan_like = (1..=12).contains(&id.chars().count())
        && !id.contains(char::is_whitespace)
        && (id.bytes().any(|b| b.is_ascii_digit())
            || (id.len() == 1 && id.bytes().all(|b| b.is_ascii_uppercase())));
    plan_like.then_some(id)
}

/// "2: Title" for a filter's choice, or the title alone when the id is not a plan number.
fn numbered(id: &str, title: String) -> String {
    match plan_number(id) {
        Some(n) => format!("{n}: {title}"),
        None => title,
    }
}

fn workstream_block(
    ctx: &RenderContext,
    plan: &Plan,
    workstream: &Workstream,
    tally: Tally,
    shown: &[&MeasureRow],
    open: bool,
) -> Element {
    let panel_id = ctx.id(&format!("workstream-{}-panel", workstream.id));
    // The plan's number, then the title; an id that is no plan number is not shown.
    let name = plan_number(&workstream.id)
        .map(|n| el("span").text(format!("{} {n}: ", ctx.msg(Msg::Workstream))))
        .into_iter()
        .chain([ctx.text_el("span", &workstream.title)]);
    let title = ctx.toggle_heading(
        ctx.heading(1).class("sp-workstream__title"),
        "sp-workstream__toggle",
        &panel_id,
        open,
        name,
    );
    let block = el("div")
        .class("sp-workstream")
        .attr("id", ctx.id(&format!("workstream-{}", workstream.id)))
        .attr("data-workstream", workstream.id.clone())
        .child(title)
        .child(summary(ctx, &tally));
    let mut panel = ctx.toggle_panel("sp-workstream__panel", panel_id, open);
    let mut facts = Vec::new();
    if !workstream.leads.is_empty() {
        facts.push((Msg::LedBy, leads(ctx, &workstream.leads)));
    }
    if let Some(problem) = &workstream.problem {
        facts.push((Msg::Problem, ctx.text_el("dd", problem)));
    }
    if let Some(objective) = &workstream.objective {
        facts.push((Msg::Objective, ctx.text_el("dd", objective)));
    }
    if !facts.is_empty() {
        panel = panel.child(ctx.facts(facts));
    }
    let mut actions: Vec<Element> = Vec::new();
    for action in &workstream.actions {
        let measures: Vec<&MeasureRow> = shown
            .iter()
            .copied()
            .filter(|row| std::ptr::eq(row.action, action))
            .collect();
        if !measures.is_empty() {
            actions.push(action_item(ctx, plan, action, &measures));
        }
    }
    block.child(panel.child(el("ol").class("sp-actions").children(actions)))
}

fn leads(ctx: &RenderContext, leads: &[crate::text::Text]) -> Element {
    el("dd").child(
        el("ul")
            .class("sp-inline-list")
            .children(leads.iter().map(|lead| ctx.text_el("li", lead))),
    )
}

fn action_item(
    ctx: &RenderContext,
    plan: &Plan,
    action: &Action,
    measures: &[&MeasureRow],
) -> Element {
    let mut facts = Vec::new();
    if !action.leads.is_empty() {
        facts.push((Msg::AccountableLeads, leads(ctx, &action.leads)));
    }
    let priorities: Vec<Element> = action
        .priorities
        .iter()
        .filter_map(|id| plan.priorities.iter().find(|p| &p.id == id))
        .map(|p| {
            el("li")
                .text(
                    plan_number(&p.id)
                        .map(|n| format!("{n}: "))
                        .unwrap_or_default(),
                )
                .child(ctx.text_el("span", &p.title))
        })
        .collect();
    if !priorities.is_empty() {
        facts.push((
            Msg::PlanPriorities,
            el("dd").child(el("ul").class("sp-inline-list").children(priorities)),
        ));
    }
    let mut item = el("li")
        .class("sp-action")
        .attr("id", ctx.id(&format!("action-{}", action.reference)))
        .child(
            ctx.heading(2)
                .class("sp-action__title")
                .child(
                    el("span")
                        .class("sp-action__ref")
                        .text(format!("{} ", action.reference)),
                )
                .child(ctx.text_el("span", &action.title)),
        );
    if !facts.is_empty() {
        item = item.child(ctx.facts(facts));
    }
    item.child(
        ctx.heading(3)
            .class("sp-measures__title")
            .text(ctx.msg(Msg::SuccessMeasures)),
    )
    .child(
        el("ul")
            .class("sp-measures")
            .children(measures.iter().map(|row| measure_item(ctx, row))),
    )
}

fn measure_item(ctx: &RenderContext, row: &MeasureRow) -> Element {
    let measure = row.measure;
    let level = row.status.status;
    let mut status = el("dd").child(badge(ctx, level));
    let details = crate::tracker::status_details(measure, &row.status, ctx.lang);
    if !details.is_empty() {
        status = status.child(
            el("span")
                .class("sp-status__detail")
                .text(format!(" {}", details.join(" "))),
        );
    }
    let mut facts = vec![
        (Msg::Deadline, el("dd").text(measure.deadline.clone())),
        (Msg::Status, status),
    ];
    if let Some(evidence) = &measure.evidence {
        facts.push((Msg::Evidence, ctx.text_el("dd", evidence)));
    }
    if let Some(date) = measure.status_date {
        facts.push((
            Msg::StatusConfirmed,
            el("dd").text(format_date(date, ctx.lang)),
        ));
    }
    el("li")
        .class(format!("sp-measure sp-measure--{}", level_words(level).2))
        .child(ctx.text_el("p", &measure.text).class("sp-measure__text"))
        .child(ctx.facts(facts))
}

/// The word for what an officer recorded, shown beside "Overdue" so nothing they wrote is lost.
fn update(ctx: &RenderContext, update: &Update) -> Element {
    let mut item = el("li").class("sp-update").child(
        el("p")
            .class("sp-update__date")
            .text(format_date(update.date, ctx.lang)),
    );
    if let Some(said) = &update.you_said {
        item = item.child(
            el("p")
                .child(el("strong").text(format!("{}: ", ctx.msg(Msg::YouSaid))))
                .child(ctx.text_el("span", said)),
        );
    }
    item = item.child(
        el("p")
            .child(el("strong").text(format!("{}: ", ctx.msg(Msg::WeDid))))
            .child(ctx.text_el("span", &update.we_did)),
    );
    if let Some(source) = &update.source {
        item = item.child(
            el("p")
                .class("sp-update__source")
                .text(format!("{}: ", ctx.msg(Msg::Source)))
                .child(ctx.text_el("span", source)),
        );
    }
    item
}

#[cfg(test)]
mod tests {
    use super::plan_number;
    use crate::options::WidgetOptions;
    use crate::tracker::filter::TrackerFilter;
    use crate::widget::render_widget_at;

    #[test]
    fn only_plan_numbers_are_shown_before_titles() {
        for id in [
            "1",
            "12",
            "3.4",
            "A",
            "A1",
            "2b",
            "1.a",
            "3'c",
            "2\"b\"[x]",
            "new-1",
        ] {
            assert_eq!(plan_number(id), Some(id), "{id}");
        }
        for id in [
            "",
            "assess",
            "ws b",
            "ws 2",
            "WS.A",
            "a",
            "workstream-one-10",
        ] {
            assert_eq!(plan_number(id), None, "{id}");
        }
    }

    /// A made-up feed whose workstream ids are words (tests/e2e/embed/other-feed-tracker): its
    /// families never read "Workstream assess", only the titles; the sample's numbers stay.
    #[test]
    fn a_workstream_named_by_a_word_id_is_shown_by_its_title() {
        let text = include_str!("../../../../tests/e2e/embed/other-feed-tracker/feed.json");
        let feed = crate::parse_feed(text).unwrap();
        let (options, _) = WidgetOptions::from_attributes(|name| match name {
            "data-send-widget" => Some("tracker".into()),
            "data-feed" => Some("feed.json".into()),
            _ => None,
        })
        .unwrap();
        let html = render_widget_at(
            &feed,
            &options,
            "sp1",
            true,
            feed.updated,
            &TrackerFilter::default(),
        )
        .unwrap()
        .to_html();
        assert!(!html.contains("Workstream assess"), "{html}");
        assert!(!html.contains("assess: Made-up"));
        assert!(!html.contains("inform: Made-up"));
        assert!(html.contains("aria-controls=\"sp1-workstream-assess-panel\"><span>Made-up workstream: quicker assessments</span>"), "{html}");
        assert!(html.contains(">Made-up workstream: telling families</option>"));

        let sample =
            crate::parse_feed(include_str!("../../../../www/feed/tower-hamlets.json")).unwrap();
        let html = render_widget_at(
            &sample,
            &options,
            "sp1",
            true,
            sample.updated,
            &TrackerFilter::default(),
        )
        .unwrap()
        .to_html();
        assert!(html.contains("<span>Workstream 1: </span>"));
    }
}
