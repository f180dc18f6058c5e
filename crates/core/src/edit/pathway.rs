//! Editing a pathway without touching JSON: a step's words, stage, services, next steps, what
//! to do while waiting, typical wait, time limit in law, audience, whether it is optional and
//! the figures linked to it; adding, removing and reordering steps and stages; adding and
//! removing whole pathways.
//!
//! Every edit keeps the pathway a graph families can follow: next steps only name steps that
//! exist, never lead round in a circle, a step only names a stage and services the feed has,
//! and a removed step's arrows go where the officer said instead. An edit that would break
//! that is refused with the reason in plain English and changes nothing. Steps, stages and
//! pathways are named by id, which stays the same however they are reordered.

use crate::edit::set_text;
use crate::feed::{Audience, Feed, Logic, NextSteps, Pathway, Stage, Step};
use crate::text::Text;
use serde::Serialize;
use std::collections::HashSet;

/// A text of a step that is one line or a paragraph in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepText {
    Title,
    Body,
    TypicalWait,
    /// The audience in words ("Young people from 14").
    AudienceText,
    /// What to do while waiting: one thing a line.
    WhileWaiting,
    /// The time limit in law, in words ("within 6 weeks of the request").
    TimeLimitText,
    /// Where the time limit comes from (an Act, a regulation, the code of practice).
    TimeLimitSource,
}

impl StepText {
    pub fn from_code(code: &str) -> Option<StepText> {
        Some(match code {
            "title" => StepText::Title,
            "body" => StepText::Body,
            "typical-wait" => StepText::TypicalWait,
            "audience-text" => StepText::AudienceText,
            "while-waiting" => StepText::WhileWaiting,
            "time-limit-text" => StepText::TimeLimitText,
            "time-limit-source" => StepText::TimeLimitSource,
            _ => return None,
        })
    }
}

/// One change to a pathway. `pathway`, `step` and `stage` are ids.
#[derive(Debug, Clone, PartialEq)]
pub enum PathwayEdit {
    /// A step's text in one language (`lang`); other languages are kept.
    StepText {
        pathway: String,
        step: String,
        field: StepText,
        lang: String,
        value: String,
    },
    StepStage {
        pathway: String,
        step: String,
        stage: String,
    },
    StepServices {
        pathway: String,
        step: String,
        services: Vec<String>,
    },
    /// The steps that follow, all of them (`Logic::All`) or one of them (`Logic::Any`).
    StepNext {
        pathway: String,
        step: String,
        logic: Logic,
        steps: Vec<String>,
    },
    /// The youngest and oldest ages as typed (empty for no limit).
    StepAges {
        pathway: String,
        step: String,
        min_age: String,
        max_age: String,
    },
    /// The time limit's weeks and days as typed (empty for none), for the statutory clock.
    StepTimeLimitNumbers {
        pathway: String,
        step: String,
        weeks: String,
        days: String,
    },
    /// Whether the step is one only some families need.
    StepOptional {
        pathway: String,
        step: String,
        optional: bool,
    },
    /// The indicators (figures) that show how this step is going for families.
    StepIndicators {
        pathway: String,
        step: String,
        indicators: Vec<String>,
    },
    /// A new pathway at the end of the list, with its first stage and first step (a pathway
    /// families can follow has both).
    AddPathway {
        title: String,
        stage: String,
        step: String,
    },
    /// Removes a whole pathway. Nothing else in the feed leads into a pathway (next steps stay
    /// within theirs; services and figures do not name pathways), so nothing is left dangling.
    RemovePathway {
        pathway: String,
    },
    /// A new step titled `title` in `stage`. With `after`, it goes after that step and between
    /// it and `before`: `after` then leads to the new step, which leads to `before`.
    AddStep {
        pathway: String,
        title: String,
        stage: String,
        after: Option<String>,
        before: Option<String>,
    },
    /// Removes a step; the steps that led to it lead to `instead` (or, with `None`, their
    /// arrow to it is dropped). A statutory-clock milestone that closed it closes `instead`.
    RemoveStep {
        pathway: String,
        step: String,
        instead: Option<String>,
    },
    /// Moves a step one place up or down among the steps of its stage.
    MoveStep {
        pathway: String,
        step: String,
        up: bool,
    },
    AddStage {
        pathway: String,
        title: String,
    },
    /// Removes a stage that has no steps.
    RemoveStage {
        pathway: String,
        stage: String,
    },
    MoveStage {
        pathway: String,
        stage: String,
        up: bool,
    },
    StageTitle {
        pathway: String,
        stage: String,
        lang: String,
        value: String,
    },
    /// The pathway's own title (`summary: false`) or summary, in one language.
    PathwayText {
        pathway: String,
        summary: bool,
        lang: String,
        value: String,
    },
}

/// Why a pathway edit was refused, in words for the officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse<T>(message: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal(message.into()))
}

/// The text in `lang` exactly, with no fallback: empty when it has no such translation.
pub fn text_in(text: Option<&Text>, lang: &str, default_lang: &str) -> String {
    match text {
        Some(Text::Plain(value)) if lang == default_lang => value.clone(),
        Some(Text::Translated(map)) => map.get(lang).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

/// Sets the text in `lang`, keeping every other language. An English-only (plain) text
/// becomes a map when it gains a translation, and stays plain otherwise.
pub fn set_in(text: Option<Text>, lang: &str, default_lang: &str, value: &str) -> Option<Text> {
    let was_plain = matches!(text, Some(Text::Plain(_)));
    let text = match text {
        Some(Text::Plain(english)) if lang != default_lang => {
            let mut map = std::collections::BTreeMap::new();
            map.insert(default_lang.to_owned(), english);
            Some(Text::Translated(map))
        }
        other => other,
    };
    match set_text(text, lang, Some(value)) {
        Some(Text::Translated(map))
            if was_plain && map.len() == 1 && map.contains_key(default_lang) =>
        {
            map.into_values().next().map(Text::Plain)
        }
        other => other,
    }
}

fn words(text: &Text, default_lang: &str) -> String {
    text_in(Some(text), default_lang, default_lang)
}

fn pathway_mut<'a>(feed: &'a mut Feed, id: &str) -> Result<&'a mut Pathway, Refusal> {
    match feed.pathways.iter_mut().find(|p| p.id == id) {
        Some(pathway) => Ok(pathway),
        None => refuse(format!("the feed has no pathway \"{id}\"")),
    }
}

/// The ids in their order, each once: ticking the same box twice links it once.
fn first_of_each(ids: Vec<String>) -> Vec<String> {
    let mut unique = Vec::with_capacity(ids.len());
    for id in ids {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    unique
}

fn step_index(pathway: &Pathway, id: &str) -> Result<usize, Refusal> {
    match pathway.steps.iter().position(|s| s.id == id) {
        Some(i) => Ok(i),
        None => refuse(format!("the pathway has no step \"{id}\"")),
    }
}

fn step_title(pathway: &Pathway, id: &str, lang: &str) -> String {
    pathway
        .steps
        .iter()
        .find(|s| s.id == id)
        .map_or_else(|| id.to_owned(), |s| words(&s.title, lang))
}

/// Whether following next steps from `from` can reach `to`.
pub fn reaches(pathway: &Pathway, from: &str, to: &str) -> bool {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut stack = vec![from];
    while let Some(id) = stack.pop() {
        if id == to {
            return true;
        }
        if !seen.insert(id) {
            continue;
        }
        if let Some(step) = pathway.steps.iter().find(|s| s.id == id) {
            if let Some(next) = &step.next {
                stack.extend(next.steps.iter().map(String::as_str));
            }
        }
    }
    false
}

/// The ids of the steps whose next steps include `id`.
pub fn leading_to<'a>(pathway: &'a Pathway, id: &str) -> Vec<&'a str> {
    pathway
        .steps
        .iter()
        .filter(|s| {
            s.next
                .as_ref()
                .is_some_and(|n| n.steps.iter().any(|t| t == id))
        })
        .map(|s| s.id.as_str())
        .collect()
}

/// An id made from a title, unique among `taken`: "Ask for an assessment" → `ask-for-an-assessment`.
fn new_id(title: &str, taken: &[&str]) -> String {
    let mut base = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    }
    let mut base = base
        .trim_end_matches('-')
        .chars()
        .take(40)
        .collect::<String>();
    base = base.trim_end_matches('-').to_owned();
    if base.is_empty() {
        base = "step".to_owned();
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn age(typed: &str, which: &str) -> Result<Option<u8>, Refusal> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match typed.parse::<u8>() {
        Ok(n) if n <= 25 => Ok(Some(n)),
        _ => refuse(format!(
            "The {which} age must be a whole number of years from 0 to 25, like 14"
        )),
    }
}

/// Lines of a "while waiting" box: one thing a line, blank lines dropped.
fn lines(value: &str) -> Vec<&str> {
    value
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Applies `edit` to `feed`, or refuses it and changes nothing.
pub fn apply_pathway(feed: &mut Feed, edit: PathwayEdit) -> Result<(), Refusal> {
    let lang = feed.default_lang().to_owned();
    let service_ids: Vec<String> = feed.services.iter().map(|s| s.id.clone()).collect();
    let mut draft = feed.clone();
    apply_to(&mut draft, &lang, &service_ids, edit)?;
    *feed = draft;
    Ok(())
}

fn apply_to(
    feed: &mut Feed,
    lang: &str,
    service_ids: &[String],
    edit: PathwayEdit,
) -> Result<(), Refusal> {
    match edit {
        PathwayEdit::StepText {
            pathway,
            step,
            field,
            lang: in_lang,
            value,
        } => {
            let pathway = pathway_mut(feed, &pathway)?;
            let i = step_index(pathway, &step)?;
            let step = &mut pathway.steps[i];
            let typed = value.as_str();
            match field {
                StepText::Title => match set_in(Some(step.title.clone()), &in_lang, lang, typed) {
                    Some(title) if !words(&title, lang).is_empty() => step.title = title,
                    _ => {
                        return refuse(
                            "A step needs a title: type what the family does at this step",
                        )
                    }
                },
                StepText::Body => step.body = set_in(step.body.take(), &in_lang, lang, typed),
                StepText::TypicalWait => {
                    step.typical_wait = set_in(step.typical_wait.take(), &in_lang, lang, typed);
                }
                StepText::AudienceText => {
                    let mut audience = step.audience.take().unwrap_or_default();
                    audience.text = set_in(audience.text.take(), &in_lang, lang, typed);
                    step.audience = (audience != Audience::default()).then_some(audience);
                }
                StepText::WhileWaiting => set_while_waiting(step, lang, &in_lang, &value)?,
                StepText::TimeLimitText => set_limit_text(step, lang, &in_lang, typed)?,
                StepText::TimeLimitSource => set_limit_source(step, lang, &in_lang, typed)?,
            }
        }
        PathwayEdit::StepTimeLimitNumbers {
            pathway,
            step,
            weeks,
            days,
        } => {
            let (weeks, days) = (count(&weeks, "weeks")?, count(&days, "days")?);
            let pathway = pathway_mut(feed, &pathway)?;
            let i = step_index(pathway, &step)?;
            match &mut pathway.steps[i].time_limit {
                Some(limit) => {
                    limit.weeks = weeks;
                    limit.days = days;
                }
                None if weeks.is_none() && days.is_none() => {}
                None => {
                    return refuse(
                        "Type the time limit in words first, for example “within 6 weeks of the request”",
                    )
                }
            }
        }
        PathwayEdit::StepOptional {
            pathway,
            step,
            optional,
        } => {
            let pathway = pathway_mut(feed, &pathway)?;
            let i = step_index(pathway, &step)?;
            pathway.steps[i].optional = optional;
        }
        PathwayEdit::StepIndicators {
            pathway,
            step,
            indicators,
        } => {
            if let Some(unknown) = indicators.iter().find(|id| feed.indicator(id).is_none()) {
                return refuse(format!("the feed has no indicator \"{unknown}\""));
            }
            let pathway = pathway_mut(feed, &pathway)?;
            let i = step_index(pathway, &step)?;
            pathway.steps[i].indicators = first_of_each(indicators);
        }
        PathwayEdit::AddPathway { title, stage, step } => {
            let (title, stage, step) = (title.trim(), stage.trim(), step.trim());
            if title.is_empty() {
                return refuse("A pathway needs a title, like “Speech and language support”");
            }
            if stage.is_empty() {
                return refuse("Type the title of its first stage, like “Before diagnosis”");
            }
            if step.is_empty() {
                return refuse("Type the title of its first step: what the family does first");
            }
            let taken: Vec<&str> = feed.pathways.iter().map(|p| p.id.as_str()).collect();
            let id = new_id(title, &taken);
            let stage_id = new_id(stage, &[]);
            feed.pathways.push(Pathway {
                id,
                title: Text::Plain(title.to_owned()),
                summary: None,
                audience: Audience::default(),
                stages: vec![Stage {
                    id: stage_id.clone(),
                    title: Text::Plain(stage.to_owned()),
                    summary: None,
                }],
                steps: vec![new_step(new_id(step, &[]), stage_id, step, None)],
                clock: None,
                help: Vec::new(),
            });
        }
        PathwayEdit::PathwayText {
            pathway,
            summary,
            lang: in_lang,
            value,
        } => {
            let pathway = pathway_mut(feed, &pathway)?;
            if summary {
                if in_lang != lang
                    && !value.trim().is_empty()
                    && text_in(pathway.summary.as_ref(), lang, lang).is_empty()
                {
                    return refuse(type_first(lang));
                }
                pathway.summary = set_in(pathway.summary.take(), &in_lang, lang, &value);
            } else {
                match set_in(Some(pathway.title.clone()), &in_lang, lang, &value) {
                    Some(title) if !words(&title, lang).is_empty() => pathway.title = title,
                    _ => {
                        return refuse(
                            "A pathway needs a title, like “Speech and language support”",
                        )
                    }
                }
            }
        }
        PathwayEdit::RemovePathway { pathway } => {
            let Some(i) = feed.pathways.iter().position(|p| p.id == pathway) else {
                return refuse(format!("the feed has no pathway \"{pathway}\""));
            };
            feed.pathways.remove(i);
        }
        PathwayEdit::StepStage {
            pathway,
            step,
            stage,
        } => {
            let pathway = pathway_mut(feed, &pathway)?;
            if !pathway.stages.iter().any(|s| s.id == stage) {
                return refuse(format!("the pathway has no stage \"{stage}\""));
            }
            let i = step_index(pathway, &step)?;
            pathway.steps[i].stage = stage;
        }
        PathwayEdit::StepServices {
            pathway,
            step,
            services,
        } => {
            if let Some(unknown) = services.iter().find(|s| !service_ids.contains(s)) {
                return refuse(format!("the feed has no service \"{unknown}\""));
            }
            let pathway = pathway_mut(feed, &pathway)?;
            let i = step_index(pathway, &step)?;
            pathway.steps[i].services = first_of_each(services);
        }
        PathwayEdit::StepNext {
            pathway,
            step,
            logic,
            steps,
        } => {
            let pathway = pathway_mut(feed, &pathway)?;
            let i = step_index(pathway, &step)?;
            let mut next = Vec::new();
            for target in steps {
                step_index(pathway, &target)?;
                if target == step {
                    return refuse("A step cannot lead to itself");
                }
                if reaches(pathway, &target, &step) {
                    return refuse(format!(
                        "“{}” already leads on to “{}”, so this arrow would make the steps go round in a circle",
                        step_title(pathway, &target, lang),
                        step_title(pathway, &step, lang)
                    ));
                }
                if !next.contains(&target) {
                    next.push(target);
                }
            }
            pathway.steps[i].next = (!next.is_empty()).then_some(NextSteps { logic, steps: next });
        }
        PathwayEdit::StepAges {
            pathway,
            step,
            min_age,
            max_age,
        } => {
            let (min, max) = (age(&min_age, "youngest")?, age(&max_age, "oldest")?);
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    return refuse("The youngest age must not be above the oldest age");
                }
            }
            let pathway = pathway_mut(feed, &pathway)?;
            let i = step_index(pathway, &step)?;
            let step = &mut pathway.steps[i];
            let mut audience = step.audience.take().unwrap_or_default();
            audience.min_age = min;
            audience.max_age = max;
            step.audience = (audience != Audience::default()).then_some(audience);
        }
        PathwayEdit::AddStep {
            pathway,
            title,
            stage,
            after,
            before,
        } => {
            let title = title.trim().to_owned();
            if title.is_empty() {
                return refuse("A step needs a title: type what the family does at this step");
            }
            let pathway = pathway_mut(feed, &pathway)?;
            if !pathway.stages.iter().any(|s| s.id == stage) {
                return refuse(format!("the pathway has no stage \"{stage}\""));
            }
            let taken: Vec<&str> = pathway.steps.iter().map(|s| s.id.as_str()).collect();
            let id = new_id(&title, &taken);
            let place = match &after {
                Some(after) => step_index(pathway, after)? + 1,
                None => pathway.steps.len(),
            };
            if let Some(before) = &before {
                step_index(pathway, before)?;
                if after.as_deref() == Some(before.as_str()) {
                    return refuse("A step cannot go between a step and itself");
                }
                if let Some(after) = &after {
                    // after → new → before: a circle already if `before` leads back to `after`.
                    if reaches(pathway, before, after) {
                        return refuse(format!(
                            "“{}” already leads on to “{}”, so the new step between them would make the steps go round in a circle",
                            step_title(pathway, before, lang),
                            step_title(pathway, after, lang)
                        ));
                    }
                }
            }
            if let Some(after) = &after {
                let a = step_index(pathway, after)?;
                let next = pathway.steps[a].next.get_or_insert_with(|| NextSteps {
                    logic: Logic::All,
                    steps: Vec::new(),
                });
                match before
                    .as_ref()
                    .and_then(|b| next.steps.iter().position(|t| t == b))
                {
                    Some(at) => next.steps[at] = id.clone(),
                    None => next.steps.push(id.clone()),
                }
            }
            pathway
                .steps
                .insert(place, new_step(id, stage, &title, before));
        }
        PathwayEdit::RemoveStep {
            pathway,
            step,
            instead,
        } => {
            let pathway = pathway_mut(feed, &pathway)?;
            let i = step_index(pathway, &step)?;
            if let Some(instead) = &instead {
                step_index(pathway, instead)?;
                if *instead == step {
                    return refuse("Choose another step for them to lead to instead");
                }
            }
            if pathway.steps.len() == 1 {
                return refuse("A pathway needs at least one step");
            }
            pathway.steps.remove(i);
            for other in &mut pathway.steps {
                let Some(next) = &mut other.next else {
                    continue;
                };
                let Some(at) = next.steps.iter().position(|t| *t == step) else {
                    continue;
                };
                match &instead {
                    Some(instead) if *instead != other.id && !next.steps.contains(instead) => {
                        next.steps[at] = instead.clone();
                    }
                    _ => {
                        next.steps.remove(at);
                    }
                }
                if next.steps.is_empty() {
                    other.next = None;
                }
            }
            if let Some(instead) = &instead {
                let predecessors: Vec<String> = leading_to(pathway, instead)
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
                for from in predecessors {
                    if reaches(pathway, instead, &from) {
                        return refuse(format!(
                            "“{}” leads on to the steps before the one removed, so they cannot lead to it instead: the steps would go round in a circle. Choose another step",
                            step_title(pathway, instead, lang)
                        ));
                    }
                }
            }
            if let Some(clock) = &mut pathway.clock {
                for milestone in &mut clock.milestones {
                    if milestone.step.as_deref() == Some(step.as_str()) {
                        milestone.step = instead.clone();
                    }
                }
            }
        }
        PathwayEdit::MoveStep { pathway, step, up } => {
            let pathway = pathway_mut(feed, &pathway)?;
            let i = step_index(pathway, &step)?;
            let stage = pathway.steps[i].stage.clone();
            let same: Vec<usize> = (0..pathway.steps.len())
                .filter(|&j| pathway.steps[j].stage == stage)
                .collect();
            let k = same.iter().position(|&j| j == i).unwrap_or_default();
            let other = if up {
                k.checked_sub(1).map(|k| same[k])
            } else {
                same.get(k + 1).copied()
            };
            match other {
                Some(j) => pathway.steps.swap(i, j),
                None => {
                    return refuse(if up {
                        "It is already the first step of its stage"
                    } else {
                        "It is already the last step of its stage"
                    })
                }
            }
        }
        PathwayEdit::AddStage { pathway, title } => {
            let title = title.trim().to_owned();
            if title.is_empty() {
                return refuse("A stage needs a title, like “After diagnosis”");
            }
            let pathway = pathway_mut(feed, &pathway)?;
            let taken: Vec<&str> = pathway.stages.iter().map(|s| s.id.as_str()).collect();
            let id = new_id(&title, &taken);
            pathway.stages.push(Stage {
                id,
                title: Text::Plain(title),
                summary: None,
            });
        }
        PathwayEdit::RemoveStage { pathway, stage } => {
            let pathway = pathway_mut(feed, &pathway)?;
            let Some(i) = pathway.stages.iter().position(|s| s.id == stage) else {
                return refuse(format!("the pathway has no stage \"{stage}\""));
            };
            let n = pathway.steps.iter().filter(|s| s.stage == stage).count();
            if n > 0 {
                return refuse(format!(
                    "This stage still has {n} step{}: move {} to another stage or remove {} first",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "it" } else { "them" },
                    if n == 1 { "it" } else { "them" },
                ));
            }
            if pathway.stages.len() == 1 {
                return refuse("A pathway needs at least one stage");
            }
            pathway.stages.remove(i);
        }
        PathwayEdit::MoveStage { pathway, stage, up } => {
            let pathway = pathway_mut(feed, &pathway)?;
            let Some(i) = pathway.stages.iter().position(|s| s.id == stage) else {
                return refuse(format!("the pathway has no stage \"{stage}\""));
            };
            let j = if up { i.checked_sub(1) } else { Some(i + 1) };
            match j.filter(|&j| j < pathway.stages.len()) {
                Some(j) => pathway.stages.swap(i, j),
                None => {
                    return refuse(if up {
                        "It is already the first stage"
                    } else {
                        "It is already the last stage"
                    })
                }
            }
        }
        PathwayEdit::StageTitle {
            pathway,
            stage,
            lang: in_lang,
            value,
        } => {
            let pathway = pathway_mut(feed, &pathway)?;
            let Some(stage) = pathway.stages.iter_mut().find(|s| s.id == stage) else {
                return refuse(format!("the pathway has no stage \"{stage}\""));
            };
            match set_in(Some(stage.title.clone()), &in_lang, lang, &value) {
                Some(title) if !words(&title, lang).is_empty() => stage.title = title,
                _ => return refuse("A stage needs a title, like “After diagnosis”"),
            }
        }
    }
    Ok(())
}

/// A step with only its title, in `stage`, leading to `before` if given.
fn new_step(id: String, stage: String, title: &str, before: Option<String>) -> Step {
    Step {
        id,
        stage,
        title: Text::Plain(title.to_owned()),
        body: None,
        services: Vec::new(),
        typical_wait: None,
        time_limit: None,
        while_waiting: Vec::new(),
        next: before.map(|b| NextSteps {
            logic: Logic::All,
            steps: vec![b],
        }),
        optional: false,
        indicators: Vec::new(),
        audience: None,
    }
}

/// A number of weeks or days as typed: empty for none.
fn count(typed: &str, unit: &str) -> Result<Option<u32>, Refusal> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match typed.parse::<u32>() {
        Ok(n) if n <= 1000 => Ok(Some(n)),
        _ => refuse(format!(
            "The number of {unit} must be a whole number, like {}",
            if unit == "weeks" { "20" } else { "15" }
        )),
    }
}

const NEEDS_WORDS: &str = "A time limit needs its words, for example “within 6 weeks of the \
                           request”: to remove it, empty its weeks, days and source first";

/// The time limit in words, in `in_lang`. In the first language, words typed where there was no
/// limit make one, and emptying them removes it once nothing else is left in it. A translation
/// needs the first language's words first.
fn set_limit_text(step: &mut Step, lang: &str, in_lang: &str, typed: &str) -> Result<(), Refusal> {
    let blank = typed.trim().is_empty();
    match &mut step.time_limit {
        None if blank => Ok(()),
        None if in_lang != lang => refuse(type_first(lang)),
        None => {
            step.time_limit = Some(crate::feed::TimeLimit {
                weeks: None,
                days: None,
                text: Text::Plain(typed.trim().to_owned()),
                source: None,
            });
            Ok(())
        }
        Some(limit) => {
            let text = set_in(Some(limit.text.clone()), in_lang, lang, typed);
            match text {
                Some(text) if !words(&text, lang).is_empty() => {
                    limit.text = text;
                    Ok(())
                }
                None if limit.weeks.is_none() && limit.days.is_none() && limit.source.is_none() => {
                    step.time_limit = None;
                    Ok(())
                }
                _ => refuse(NEEDS_WORDS),
            }
        }
    }
}

/// Why a translation cannot go in yet, naming the feed's first language.
fn type_first(lang: &str) -> String {
    format!(
        "Type the {} first: a translation needs the words it translates",
        crate::edit::language_names::language_name(lang)
    )
}

/// Where the time limit comes from, in `in_lang`: only for a limit that has its words.
fn set_limit_source(
    step: &mut Step,
    lang: &str,
    in_lang: &str,
    typed: &str,
) -> Result<(), Refusal> {
    let blank = typed.trim().is_empty();
    match &mut step.time_limit {
        None if blank => Ok(()),
        None => refuse(
            "Type the time limit in words first, for example “within 6 weeks of the request”",
        ),
        Some(limit) => {
            if in_lang != lang && !blank && text_in(limit.source.as_ref(), lang, lang).is_empty() {
                return refuse(type_first(lang));
            }
            limit.source = set_in(limit.source.take(), in_lang, lang, typed);
            Ok(())
        }
    }
}

/// "While waiting" as typed in `in_lang`, one thing a line. In the feed's first language the
/// lines are the list (each keeping its translations by place); in another they translate the
/// things already listed, which must be there first.
fn set_while_waiting(
    step: &mut Step,
    lang: &str,
    in_lang: &str,
    value: &str,
) -> Result<(), Refusal> {
    let typed = lines(value);
    if in_lang == lang {
        let mut list = Vec::new();
        for (i, line) in typed.iter().enumerate() {
            let old = step.while_waiting.get(i).cloned();
            if let Some(text) = set_text(old, lang, Some(line)) {
                list.push(text);
            }
        }
        step.while_waiting = list;
        return Ok(());
    }
    if typed.len() > step.while_waiting.len() {
        return refuse(format!(
            "There {} in English, so type at most {} here, one a line, each the translation of the English on the same line",
            if step.while_waiting.len() == 1 { "is 1 thing".to_owned() } else { format!("are {} things", step.while_waiting.len()) },
            step.while_waiting.len()
        ));
    }
    for (i, item) in step.while_waiting.iter_mut().enumerate() {
        let line = typed.get(i).copied().unwrap_or_default();
        if let Some(text) = set_in(Some(item.clone()), in_lang, lang, line) {
            *item = text;
        }
    }
    Ok(())
}

/// A step's texts as the form shows them: one value a feed language, in the feed's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepForm {
    pub id: String,
    pub stage: String,
    pub title: Vec<String>,
    pub body: Vec<String>,
    pub typical_wait: Vec<String>,
    pub audience_text: Vec<String>,
    /// One thing a line.
    pub while_waiting: Vec<String>,
    pub services: Vec<String>,
    /// `all` or `any`.
    pub logic: &'static str,
    pub next: Vec<String>,
    pub min_age: String,
    pub max_age: String,
    /// The time limit in law: its words and source in each language, its weeks and days.
    pub time_limit_text: Vec<String>,
    pub time_limit_source: Vec<String>,
    pub weeks: String,
    pub days: String,
    pub optional: bool,
    /// The ids of the indicators linked to the step.
    pub indicators: Vec<String>,
    /// The ids of the steps that lead to this one.
    pub led_to_from: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageForm {
    pub id: String,
    pub title: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathwayForm {
    pub id: String,
    /// In the feed's first language, to name it.
    pub title: String,
    /// The title and summary in each language.
    pub title_in: Vec<String>,
    pub summary_in: Vec<String>,
    pub stages: Vec<StageForm>,
    pub steps: Vec<StepForm>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceChoice {
    pub id: String,
    pub name: String,
}

/// Every pathway as the editor's forms show it, with the feed's languages (the first is the
/// one families fall back to) and the services a step can name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathwaysForm {
    pub languages: Vec<String>,
    pub services: Vec<ServiceChoice>,
    /// The indicators a step can be linked to, by id and title.
    pub indicators: Vec<ServiceChoice>,
    pub pathways: Vec<PathwayForm>,
}

pub fn pathways_form(feed: &Feed) -> PathwaysForm {
    let lang = feed.default_lang();
    let languages: Vec<String> = if feed.languages.is_empty() {
        vec![lang.to_owned()]
    } else {
        feed.languages.clone()
    };
    let each = |text: Option<&Text>| -> Vec<String> {
        languages.iter().map(|l| text_in(text, l, lang)).collect()
    };
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let pathways = feed
        .pathways
        .iter()
        .map(|pathway| PathwayForm {
            id: pathway.id.clone(),
            title: words(&pathway.title, lang),
            title_in: each(Some(&pathway.title)),
            summary_in: each(pathway.summary.as_ref()),
            stages: pathway
                .stages
                .iter()
                .map(|stage| StageForm {
                    id: stage.id.clone(),
                    title: each(Some(&stage.title)),
                })
                .collect(),
            steps: crate::render::pathway::ordered_steps(pathway)
                .into_iter()
                .map(|step| StepForm {
                    id: step.id.clone(),
                    stage: step.stage.clone(),
                    title: each(Some(&step.title)),
                    body: each(step.body.as_ref()),
                    typical_wait: each(step.typical_wait.as_ref()),
                    audience_text: each(step.audience.as_ref().and_then(|a| a.text.as_ref())),
                    while_waiting: languages
                        .iter()
                        .map(|l| {
                            step.while_waiting
                                .iter()
                                .map(|t| text_in(Some(t), l, lang))
                                .collect::<Vec<_>>()
                                .join("\n")
                        })
                        .collect(),
                    services: step.services.clone(),
                    logic: match step.next.as_ref().map(|n| n.logic) {
                        Some(Logic::Any) => "any",
                        _ => "all",
                    },
                    next: step
                        .next
                        .as_ref()
                        .map(|n| n.steps.clone())
                        .unwrap_or_default(),
                    min_age: step
                        .audience
                        .as_ref()
                        .and_then(|a| a.min_age)
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    max_age: step
                        .audience
                        .as_ref()
                        .and_then(|a| a.max_age)
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    time_limit_text: each(step.time_limit.as_ref().map(|l| &l.text)),
                    time_limit_source: each(
                        step.time_limit.as_ref().and_then(|l| l.source.as_ref()),
                    ),
                    weeks: number(step.time_limit.as_ref().and_then(|l| l.weeks)),
                    days: number(step.time_limit.as_ref().and_then(|l| l.days)),
                    optional: step.optional,
                    indicators: step.indicators.clone(),
                    led_to_from: leading_to(pathway, &step.id)
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                })
                .collect(),
        })
        .collect();
    PathwaysForm {
        languages,
        services: feed
            .services
            .iter()
            .map(|s| ServiceChoice {
                id: s.id.clone(),
                name: words(&s.name, lang),
            })
            .collect(),
        indicators: feed
            .indicators
            .iter()
            .map(|i| ServiceChoice {
                id: i.id.clone(),
                name: words(&i.title, lang),
            })
            .collect(),
        pathways,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate_feed;
    use chrono::NaiveDate;

    fn sample() -> Feed {
        crate::parse_feed(include_str!("../../../../www/feed/tower-hamlets.json")).unwrap()
    }

    /// The checker finds no error in the pathways after the edit.
    fn still_valid(feed: &Feed) {
        let text = crate::edit::write_feed(feed);
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let errors: Vec<String> = validate_feed(&text, today)
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == crate::validate::Severity::Error)
            .map(|d| format!("{}: {}", d.path, d.message))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    fn next_of(feed: &Feed, pathway: &str, step: &str) -> Vec<String> {
        let pathway = feed.pathway(pathway).unwrap();
        let step = pathway.steps.iter().find(|s| s.id == step).unwrap();
        step.next
            .as_ref()
            .map(|n| n.steps.clone())
            .unwrap_or_default()
    }

    fn s(text: &str) -> String {
        text.to_owned()
    }

    #[test]
    fn a_step_added_between_two_others_rewires_the_arrows() {
        let mut feed = sample();
        apply_pathway(
            &mut feed,
            PathwayEdit::AddStep {
                pathway: s("autism"),
                title: s("Made-up step: a call from the team"),
                stage: s("before"),
                after: Some(s("referral")),
                before: Some(s("waiting-list")),
            },
        )
        .unwrap();
        let id = "made-up-step-a-call-from-the-team";
        assert_eq!(next_of(&feed, "autism", "referral"), [id]);
        assert_eq!(next_of(&feed, "autism", id), ["waiting-list"]);
        let order: Vec<&str> = feed.pathway("autism").unwrap().steps[..4]
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(order, ["notice", "referral", id, "waiting-list"]);
        still_valid(&feed);
    }

    #[test]
    fn arrows_that_would_go_round_in_a_circle_are_refused() {
        let mut feed = sample();
        let before = feed.clone();
        let refused = apply_pathway(
            &mut feed,
            PathwayEdit::StepNext {
                pathway: s("autism"),
                step: s("decision"),
                logic: Logic::All,
                steps: vec![s("referral")],
            },
        )
        .unwrap_err();
        assert!(refused.0.contains("go round in a circle"), "{refused}");
        assert!(refused.0.contains("“Referral"), "{refused}");
        assert_eq!(feed, before, "a refused edit changes nothing");
        for (step, to) in [("notice", "notice"), ("notice", "no-such-step")] {
            assert!(apply_pathway(
                &mut feed,
                PathwayEdit::StepNext {
                    pathway: s("autism"),
                    step: s(step),
                    logic: Logic::Any,
                    steps: vec![s(to)],
                },
            )
            .is_err());
        }
        // Between a step and one that leads back to it.
        assert!(apply_pathway(
            &mut feed,
            PathwayEdit::AddStep {
                pathway: s("autism"),
                title: s("Made up"),
                stage: s("before"),
                after: Some(s("assessment")),
                before: Some(s("notice")),
            },
        )
        .unwrap_err()
        .0
        .contains("circle"));
        assert_eq!(feed, before);
        // One of: a choice of two is fine.
        apply_pathway(
            &mut feed,
            PathwayEdit::StepNext {
                pathway: s("autism"),
                step: s("notice"),
                logic: Logic::Any,
                steps: vec![s("referral"), s("assessment")],
            },
        )
        .unwrap();
        let next = feed.pathway("autism").unwrap().steps[0]
            .next
            .clone()
            .unwrap();
        assert_eq!(next.logic, Logic::Any);
        still_valid(&feed);
    }

    #[test]
    fn a_removed_step_s_arrows_go_where_the_officer_says() {
        let mut feed = sample();
        apply_pathway(
            &mut feed,
            PathwayEdit::RemoveStep {
                pathway: s("autism"),
                step: s("waiting-list"),
                instead: Some(s("assessment")),
            },
        )
        .unwrap();
        assert_eq!(next_of(&feed, "autism", "referral"), ["assessment"]);
        still_valid(&feed);
        // Without a step instead, the arrow to it goes; nothing dangles.
        apply_pathway(
            &mut feed,
            PathwayEdit::RemoveStep {
                pathway: s("autism"),
                step: s("review-support"),
                instead: None,
            },
        )
        .unwrap();
        assert_eq!(
            next_of(&feed, "autism", "support-in-setting"),
            ["ehc-request"]
        );
        still_valid(&feed);
        // Instead of a step, one after it that leads back before it: refused.
        let before = feed.clone();
        let refused = apply_pathway(
            &mut feed,
            PathwayEdit::RemoveStep {
                pathway: s("autism"),
                step: s("assessment"),
                instead: Some(s("notice")),
            },
        )
        .unwrap_err();
        assert!(refused.0.contains("circle"), "{refused}");
        assert_eq!(feed, before);
    }

    #[test]
    fn a_removed_step_s_clock_milestone_closes_the_step_instead() {
        let mut feed = sample();
        let closes = |feed: &Feed, id: &str| {
            feed.pathway("ehc-needs-assessment")
                .unwrap()
                .clock
                .as_ref()
                .is_some_and(|c| c.milestones.iter().any(|m| m.step.as_deref() == Some(id)))
        };
        assert!(
            closes(&feed, "draft-plan"),
            "the sample's clock closes the draft plan"
        );
        apply_pathway(
            &mut feed,
            PathwayEdit::RemoveStep {
                pathway: s("ehc-needs-assessment"),
                step: s("draft-plan"),
                instead: Some(s("final-plan")),
            },
        )
        .unwrap();
        assert!(!closes(&feed, "draft-plan"));
        assert!(closes(&feed, "final-plan"));
        assert_eq!(
            next_of(&feed, "ehc-needs-assessment", "decision"),
            ["final-plan", "no-plan"]
        );
        still_valid(&feed);
    }

    #[test]
    fn steps_name_only_stages_and_services_that_exist() {
        let mut feed = sample();
        let edit = |step: &str, stage: &str| PathwayEdit::StepStage {
            pathway: s("autism"),
            step: s(step),
            stage: s(stage),
        };
        assert!(apply_pathway(&mut feed, edit("notice", "no-such-stage")).is_err());
        apply_pathway(&mut feed, edit("notice", "during")).unwrap();
        still_valid(&feed);
        let services = |ids: &[&str]| PathwayEdit::StepServices {
            pathway: s("autism"),
            step: s("notice"),
            services: ids.iter().map(|i| s(i)).collect(),
        };
        assert!(apply_pathway(&mut feed, services(&["made-up-service"])).is_err());
        apply_pathway(&mut feed, services(&["sendiass", "asdas", "sendiass"])).unwrap();
        assert_eq!(
            feed.pathway("autism").unwrap().steps[0].services,
            ["sendiass", "asdas"]
        );
        still_valid(&feed);
    }

    #[test]
    fn texts_ages_and_while_waiting() {
        let mut feed = sample();
        let text = |field, lang: &str, value: &str| PathwayEdit::StepText {
            pathway: s("autism"),
            step: s("notice"),
            field,
            lang: s(lang),
            value: s(value),
        };
        assert!(apply_pathway(&mut feed, text(StepText::Title, "en", "  ")).is_err());
        apply_pathway(&mut feed, text(StepText::Title, "en", "Made-up title")).unwrap();
        apply_pathway(&mut feed, text(StepText::Title, "bn", "Made-up Bengali")).unwrap();
        apply_pathway(&mut feed, text(StepText::TypicalWait, "en", "Made-up wait")).unwrap();
        apply_pathway(
            &mut feed,
            text(StepText::WhileWaiting, "en", "Made-up one\n\nMade-up two\n"),
        )
        .unwrap();
        assert!(apply_pathway(&mut feed, text(StepText::WhileWaiting, "bn", "a\nb\nc")).is_err());
        apply_pathway(&mut feed, text(StepText::WhileWaiting, "bn", "Made-up এক")).unwrap();
        let step = &feed.pathway("autism").unwrap().steps[0];
        assert_eq!(text_in(Some(&step.title), "en", "en"), "Made-up title");
        assert_eq!(text_in(Some(&step.title), "bn", "en"), "Made-up Bengali");
        assert_eq!(step.while_waiting.len(), 2);
        assert_eq!(
            text_in(Some(&step.while_waiting[0]), "bn", "en"),
            "Made-up এক"
        );
        assert_eq!(text_in(Some(&step.while_waiting[1]), "bn", "en"), "");
        let ages = |min: &str, max: &str| PathwayEdit::StepAges {
            pathway: s("autism"),
            step: s("notice"),
            min_age: s(min),
            max_age: s(max),
        };
        assert!(apply_pathway(&mut feed, ages("14", "5"))
            .unwrap_err()
            .0
            .contains("youngest age must not be above"));
        assert!(apply_pathway(&mut feed, ages("fourteen", ""))
            .unwrap_err()
            .0
            .contains("whole number"));
        apply_pathway(&mut feed, ages("2", "")).unwrap();
        let form = pathways_form(&feed);
        let step = &form.pathways[0].steps[0];
        assert_eq!(step.min_age, "2");
        assert_eq!(step.while_waiting, ["Made-up one\nMade-up two"]);
        assert_eq!(form.languages, ["en"]);
        still_valid(&feed);
    }

    #[test]
    fn steps_and_stages_are_reordered_added_and_removed() {
        let mut feed = sample();
        let id = |feed: &Feed, i: usize| feed.pathway("autism").unwrap().steps[i].id.clone();
        apply_pathway(
            &mut feed,
            PathwayEdit::MoveStep {
                pathway: s("autism"),
                step: s("referral"),
                up: true,
            },
        )
        .unwrap();
        assert_eq!(id(&feed, 0), "referral");
        assert!(apply_pathway(
            &mut feed,
            PathwayEdit::MoveStep {
                pathway: s("autism"),
                step: s("referral"),
                up: true,
            },
        )
        .is_err());
        apply_pathway(
            &mut feed,
            PathwayEdit::AddStage {
                pathway: s("autism"),
                title: s("Made-up stage"),
            },
        )
        .unwrap();
        apply_pathway(
            &mut feed,
            PathwayEdit::MoveStage {
                pathway: s("autism"),
                stage: s("made-up-stage"),
                up: true,
            },
        )
        .unwrap();
        let stages: Vec<String> = feed
            .pathway("autism")
            .unwrap()
            .stages
            .iter()
            .map(|s| s.id.clone())
            .collect();
        assert_eq!(stages, ["before", "during", "made-up-stage", "after"]);
        assert!(apply_pathway(
            &mut feed,
            PathwayEdit::RemoveStage {
                pathway: s("autism"),
                stage: s("during"),
            },
        )
        .unwrap_err()
        .0
        .contains("still has 2 steps"));
        apply_pathway(
            &mut feed,
            PathwayEdit::RemoveStage {
                pathway: s("autism"),
                stage: s("made-up-stage"),
            },
        )
        .unwrap();
        still_valid(&feed);
    }

    #[test]
    fn a_time_limit_in_words_then_weeks_and_a_source() {
        let mut feed = sample();
        let before = feed.clone();
        let text = |field, lang: &str, value: &str| PathwayEdit::StepText {
            pathway: s("autism"),
            step: s("notice"),
            field,
            lang: s(lang),
            value: s(value),
        };
        let numbers = |weeks: &str, days: &str| PathwayEdit::StepTimeLimitNumbers {
            pathway: s("autism"),
            step: s("notice"),
            weeks: s(weeks),
            days: s(days),
        };
        // Weeks, a source or a translation before there are words: refused, nothing changes.
        assert!(apply_pathway(&mut feed, numbers("6", ""))
            .unwrap_err()
            .0
            .contains("in words first"));
        assert!(
            apply_pathway(&mut feed, text(StepText::TimeLimitSource, "en", "Made up")).is_err()
        );
        assert!(
            apply_pathway(&mut feed, text(StepText::TimeLimitText, "bn", "বানানো"))
                .unwrap_err()
                .0
                .starts_with("Type the English first")
        );
        assert_eq!(feed, before);
        apply_pathway(
            &mut feed,
            text(StepText::TimeLimitText, "en", "Made up: within 6 weeks"),
        )
        .unwrap();
        assert!(apply_pathway(&mut feed, numbers("six", ""))
            .unwrap_err()
            .0
            .contains("whole number"));
        apply_pathway(&mut feed, numbers(" 6 ", "")).unwrap();
        apply_pathway(
            &mut feed,
            text(StepText::TimeLimitSource, "en", "Made-up source"),
        )
        .unwrap();
        let limit = feed.pathway("autism").unwrap().steps[0]
            .time_limit
            .clone()
            .unwrap();
        assert_eq!(limit.weeks, Some(6));
        assert_eq!(limit.text, Text::Plain(s("Made up: within 6 weeks")));
        assert_eq!(limit.source, Some(Text::Plain(s("Made-up source"))));
        let form = pathways_form(&feed);
        assert_eq!(form.pathways[0].steps[0].weeks, "6");
        assert_eq!(
            form.pathways[0].steps[0].time_limit_text,
            ["Made up: within 6 weeks"]
        );
        still_valid(&feed);
        // Its words cannot go while weeks or a source are left; once they are gone, they can.
        assert!(apply_pathway(&mut feed, text(StepText::TimeLimitText, "en", " ")).is_err());
        apply_pathway(&mut feed, numbers("", "")).unwrap();
        apply_pathway(&mut feed, text(StepText::TimeLimitSource, "en", "")).unwrap();
        apply_pathway(&mut feed, text(StepText::TimeLimitText, "en", "")).unwrap();
        assert_eq!(feed, before);
    }

    #[test]
    fn optional_steps_and_linked_figures() {
        let mut feed = sample();
        let indicators = |ids: &[&str]| PathwayEdit::StepIndicators {
            pathway: s("autism"),
            step: s("waiting-list"),
            indicators: ids.iter().map(|i| s(i)).collect(),
        };
        assert!(apply_pathway(&mut feed, indicators(&["made-up-indicator"])).is_err());
        apply_pathway(
            &mut feed,
            indicators(&["asd-decisions-per-month", "asd-decisions-per-month"]),
        )
        .unwrap();
        apply_pathway(
            &mut feed,
            PathwayEdit::StepOptional {
                pathway: s("autism"),
                step: s("waiting-list"),
                optional: true,
            },
        )
        .unwrap();
        let step = &feed.pathway("autism").unwrap().steps[2];
        assert_eq!(step.indicators, ["asd-decisions-per-month"]);
        assert!(step.optional);
        let form = pathways_form(&feed);
        assert!(form.pathways[0].steps.iter().any(|s| s.optional));
        assert!(form.indicators.iter().any(|i| i.id == "asd-waiting-list"));
        still_valid(&feed);
    }

    #[test]
    fn whole_pathways_are_added_and_removed() {
        let mut feed = sample();
        let add = |title: &str, stage: &str, step: &str| PathwayEdit::AddPathway {
            title: s(title),
            stage: s(stage),
            step: s(step),
        };
        for (t, st, sp) in [("", "a", "b"), ("a", " ", "b"), ("a", "b", "")] {
            assert!(apply_pathway(&mut feed, add(t, st, sp)).is_err());
        }
        apply_pathway(
            &mut feed,
            add("Made-up pathway", "Made-up stage", "Made-up step"),
        )
        .unwrap();
        let text = |summary, lang: &str, value: &str| PathwayEdit::PathwayText {
            pathway: s("made-up-pathway"),
            summary,
            lang: s(lang),
            value: s(value),
        };
        assert!(apply_pathway(&mut feed, text(false, "en", " ")).is_err());
        assert!(apply_pathway(&mut feed, text(true, "bn", "বানানো")).is_err());
        apply_pathway(&mut feed, text(true, "en", "Made-up summary")).unwrap();
        apply_pathway(&mut feed, text(false, "en", "Made-up pathway, renamed")).unwrap();
        let added = feed.pathways.last().unwrap();
        assert_eq!(added.id, "made-up-pathway", "a new title keeps the id");
        assert_eq!(added.summary, Some(Text::Plain(s("Made-up summary"))));
        assert_eq!(
            pathways_form(&feed).pathways.last().unwrap().title_in,
            ["Made-up pathway, renamed"]
        );
        assert_eq!(added.steps[0].stage, added.stages[0].id);
        assert_eq!(added.steps[0].id, "made-up-step");
        still_valid(&feed);
        let count = feed.pathways.len();
        apply_pathway(
            &mut feed,
            PathwayEdit::RemovePathway {
                pathway: s("autism"),
            },
        )
        .unwrap();
        assert_eq!(feed.pathways.len(), count - 1);
        assert!(feed.pathway("autism").is_none());
        assert!(apply_pathway(
            &mut feed,
            PathwayEdit::RemovePathway {
                pathway: s("autism")
            }
        )
        .is_err());
        still_valid(&feed);
    }
}
