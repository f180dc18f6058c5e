//! The feed: one JSON file a council publishes and both widgets read.
//!
//! These types are the format's definition. Every struct refuses unknown fields, so a typo such
//! as `"deadlnie"` is an error an officer sees, never a value silently dropped. Fields that the
//! council papers do not always give are optional: the feed says only what is known.

use crate::date::PartialDate;
use crate::text::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The newest feed format this build reads. Version 2 lists the plans an area has over time
/// under `plans`; version 1 (one `plan`) is still read everywhere, and `sendfeed migrate`
/// rewrites it as version 2.
pub const FORMAT_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Feed {
    /// Lets editors such as VS Code validate the file against the published JSON Schema.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = FORMAT_VERSION)))]
    pub version: u32,
    pub publisher: Publisher,
    /// When an officer last checked the whole feed.
    #[serde(deserialize_with = "crate::date::deserialize_day")]
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = crate::date::DAY_PATTERN)))]
    pub updated: NaiveDate,
    /// Language codes the texts are written in; the first is the default.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), inner(regex(pattern = crate::text::LANGUAGE_CODE_PATTERN))))]
    pub languages: Vec<String>,
    #[serde(default)]
    pub services: Vec<Service>,
    #[serde(default)]
    pub pathways: Vec<Pathway>,
    /// Version 1's one plan. Version 2 feeds use `plans` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// Version 2: the plans an area has had over time, oldest first, each with an `id`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<Plan>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub updates: Vec<Update>,
    /// Version 2, optional: figures that describe the area the plans serve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
}

impl Feed {
    pub fn default_lang(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("en")
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn pathway(&self, id: &str) -> Option<&Pathway> {
        self.pathways.iter().find(|p| p.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Every plan the feed carries: version 1's one `plan`, or version 2's `plans`.
    pub fn plans(&self) -> &[Plan] {
        match &self.plan {
            Some(plan) => std::slice::from_ref(plan),
            None => &self.plans,
        }
    }

    pub fn plans_mut(&mut self) -> &mut [Plan] {
        match &mut self.plan {
            Some(plan) => std::slice::from_mut(plan),
            None => &mut self.plans,
        }
    }

    /// The plan shown and edited unless another is asked for (see [`current_plan_index`]).
    pub fn current_plan(&self) -> Option<&Plan> {
        current_plan_index(self.plans()).map(|i| &self.plans()[i])
    }

    pub fn current_plan_mut(&mut self) -> Option<&mut Plan> {
        let index = current_plan_index(self.plans())?;
        self.plans_mut().get_mut(index)
    }

    /// A version 2 plan by its `id`.
    pub fn plan_by_id(&self, id: &str) -> Option<&Plan> {
        self.plans().iter().find(|p| p.id.as_deref() == Some(id))
    }

    /// Rewrites a version 1 feed as version 2: its one `plan` becomes the only entry of `plans`,
    /// with an id made from its label ("Written Statement of Action" →
    /// `written-statement-of-action`). No lifecycle is added: version 1 never said one. Returns
    /// false, changing nothing, when the feed is already version 2 or newer.
    pub fn migrate_to_v2(&mut self) -> bool {
        if self.version >= 2 {
            return false;
        }
        self.version = 2;
        if let Some(mut plan) = self.plan.take() {
            if plan.id.is_none() {
                let label = plan
                    .label
                    .get(self.default_lang(), self.default_lang())
                    .text;
                plan.id = Some(slug(label));
            }
            self.plans.insert(0, plan);
        }
        true
    }
}

/// Which plan a reader sees first: the one the feed marks `current`; else the first listed that
/// is neither closed nor followed by another; else the first. The feed never has to say which
/// plan is current for the tracker to show one, and a feed with one plan shows it.
pub fn current_plan_index(plans: &[Plan]) -> Option<usize> {
    plans
        .iter()
        .position(|p| p.lifecycle == Some(Lifecycle::Current))
        .or_else(|| {
            plans
                .iter()
                .position(|p| p.lifecycle != Some(Lifecycle::Closed) && p.followed_by.is_none())
        })
        .or(if plans.is_empty() { None } else { Some(0) })
}

/// Lower-case letters and digits, other runs as one hyphen: an id from a title.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "plan".to_owned()
    } else {
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = crate::links::WEB_PATTERN)))]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// Ways to reach a person or service. Links must be https, http, mailto or tel.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = crate::links::TEL_PATTERN)))]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = crate::links::MAIL_PATTERN)))]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = crate::links::WEB_PATTERN)))]
    pub url: Option<String>,
    /// Opening hours, or anything else a family should know before getting in touch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The organisation that runs it (e.g. Barts Health NHS Trust).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<Audience>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Text>,
    /// Languages the service can work in, as codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// The service's id in an Open Referral UK directory, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openreferral_id: Option<String>,
}

/// Who something is for: an age range in years and the needs it covers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Audience {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u8>,
    /// Need codes such as `autism`, `slcn`, `semh`; empty means any need.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Access {
    /// Who can refer and how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Text>,
    /// Whether a family can contact the service directly, without a professional's referral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_referral: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(default)]
    pub audience: Audience,
    /// Lanes of the map and groups of the list, e.g. before / during / after diagnosis.
    pub stages: Vec<Stage>,
    pub steps: Vec<Step>,
    /// Legal time limits counted from a date the family enters (the statutory clock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<Clock>,
    /// Service ids a family can turn to when things go wrong (advice, mediation, complaints).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub help: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    /// The id of the stage this step belongs to.
    pub stage: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Text>,
    /// Ids of the services that help at this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    /// How long families usually wait, in words ("about 18 months").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typical_wait: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<TimeLimit>,
    /// What a family can do while they wait.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub while_waiting: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<NextSteps>,
    /// Optional steps are not needed by every family.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// Indicator ids that show how this step is doing for families (e.g. the waiting list).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
    /// Narrows the pathway's audience for this step (e.g. only from age 14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
}

/// A limit set in law or statutory guidance, in weeks or days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// The limit in words, e.g. "within 20 weeks of the request".
    pub text: Text,
    /// Where the limit comes from (Act, regulation, code of practice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

/// The steps that may follow: `all` of them (and) or `any` one of them (or).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NextSteps {
    #[serde(default)]
    pub logic: Logic,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Logic {
    #[default]
    All,
    Any,
}

/// The statutory clock: milestones counted from the day the family asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Clock {
    /// What the start date is, e.g. "The date you asked for an EHC needs assessment".
    pub start: Text,
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// The step this milestone closes, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// What the family can do if the milestone is missed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_missed: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

/// An improvement plan: a Written Statement of Action, a priority action plan, a strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// How `data-plan`, links and `followed_by` name the plan. Required in version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub title: Text,
    /// What the council calls it, e.g. "Written Statement of Action".
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// The time the plan covers, as far as the documents give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Only what the documents say: that the plan is current, or closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    /// The id of the plan that took this one's place, where the documents say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followed_by: Option<String>,
    /// The wider plan's priorities that actions link to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<Priority>,
    pub workstreams: Vec<Workstream>,
}

/// When a plan starts and ends, each as precisely as the documents say ("2024", "2021-03").
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
}

/// Where a plan is in its life, as the feed says it. Absent means the documents do not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    Current,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Priority {
    pub id: String,
    pub title: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Workstream {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leads: Vec<Text>,
    /// The weakness or problem this workstream exists to fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<Text>,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The plan's own reference, e.g. "2.3".
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leads: Vec<Text>,
    /// Ids of the plan priorities this action serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<String>,
    pub measures: Vec<Measure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub text: Text,
    /// The deadline exactly as the plan writes it: "January 2022", "2022-01-31",
    /// "Tracked termly 2022/23", "July 2021 (complete)".
    pub deadline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Text>,
    /// When the status or evidence was last confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_date: Option<PartialDate>,
}

/// The status an officer records. Overdue and stale are derived, never entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
    Complete,
    Ongoing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub unit: Unit,
    pub better: Better,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Point>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// The planned path from baseline to target, period by period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trajectory: Vec<Point>,
    /// What actually happened, period by period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actual: Vec<Point>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    /// The document the figures come from.
    pub source: Text,
    /// Plan action refs this indicator measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A count of people, plans, page views...
    Number,
    Percent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub period: PartialDate,
    pub value: f64,
    /// What the figure covers, when the number alone would mislead ("includes the backlog").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The target as the plan words it: "fewer than 150 waiting", "90% within 20 weeks".
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<PartialDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comparator {
    /// e.g. "England average".
    pub label: Text,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<PartialDate>,
}

/// A "You said, we did" entry, or a reported piece of progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Update {
    pub date: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub you_said: Option<Text>,
    pub we_did: Text,
    /// Plan action refs this update reports on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

/// "About the area": how many children and young people there are, and their needs, as the
/// council papers give them, beside other areas. Context for reading the plans, not targets:
/// unlike an [`Indicator`] nothing here has a "better" direction.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Figures the documents give in a sentence ("around 8,000 children and young people").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<AreaFact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<AreaTable>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaFact {
    /// The sentence, as close to the document's words as possible.
    pub text: Text,
    /// When the figure is for, where the document says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<PartialDate>,
    /// The document (and its year) the figure comes from.
    pub source: Text,
}

/// A table of figures: a column for each area (the feed's own and those it is compared with),
/// a row for each thing counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaTable {
    pub id: String,
    /// The table's caption, e.g. "Proportion of school pupils with SEND".
    pub title: Text,
    /// The column headings, in the document's order: "England", "Inner London", ...
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub areas: Vec<Text>,
    pub rows: Vec<AreaRow>,
    /// When the figures are for, where the document says. When it does not, leave this out and
    /// name the document and its year in `source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<PartialDate>,
    pub source: Text,
    /// Anything a reader needs to read the figures right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaRow {
    /// Names the row, so another row's percentages can be shares `of` it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What is counted: the row's heading.
    pub measure: Text,
    /// The id of the row whose counts this row's percentages are shares of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// One for each of the table's `areas`, in the same order; `null` where the document gives
    /// no figure.
    pub values: Vec<Option<AreaFigure>>,
}

/// A count, a percentage, or both, as the document gives them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaFigure {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub count: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 100)))]
    pub percent: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up plan for tests.
    fn plan(id: &str, lifecycle: Option<Lifecycle>, followed_by: Option<&str>) -> Plan {
        Plan {
            id: Some(id.to_owned()),
            title: Text::from("Made-up plan"),
            label: Text::from("Improvement plan"),
            summary: None,
            published: None,
            period: None,
            lifecycle,
            followed_by: followed_by.map(str::to_owned),
            priorities: vec![],
            workstreams: vec![],
        }
    }

    fn ids(plans: &[Plan]) -> Option<&str> {
        current_plan_index(plans).and_then(|i| plans[i].id.as_deref())
    }

    #[test]
    fn the_current_plan_is_the_one_marked_else_the_first_not_replaced() {
        use Lifecycle::*;
        assert_eq!(ids(&[]), None);
        assert_eq!(ids(&[plan("a", None, None)]), Some("a"));
        let marked = [plan("a", None, None), plan("b", Some(Current), None)];
        assert_eq!(ids(&marked), Some("b"));
        let replaced = [
            plan("a", Some(Closed), Some("b")),
            plan("b", None, None),
            plan("c", None, None),
        ];
        assert_eq!(ids(&replaced), Some("b"));
        let followed = [plan("a", None, Some("b")), plan("b", None, None)];
        assert_eq!(ids(&followed), Some("b"));
        let all_closed = [plan("a", Some(Closed), None), plan("b", Some(Closed), None)];
        assert_eq!(ids(&all_closed), Some("a"));
    }

    #[test]
    fn slugs_make_ids_from_labels() {
        assert_eq!(
            slug("Written Statement of Action"),
            "written-statement-of-action"
        );
        assert_eq!(
            slug("  SEND 2024/25 — priorities! "),
            "send-2024-25-priorities"
        );
        assert_eq!(slug("???"), "plan");
    }
}
