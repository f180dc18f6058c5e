//! The feed: one JSON file a council publishes and both widgets read.
//!
//! These types are the format's definition. Every struct refuses unknown fields, so a typo such
//! as `"deadlnie"` is an error an officer sees, never a value silently dropped. Fields that the
//! council papers do not always give are optional: the feed says only what is known.

use crate::date::PartialDate;
use crate::text::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The newest feed format this build reads.
pub const FORMAT_VERSION: u32 = 1;

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub updates: Vec<Update>,
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
    pub title: Text,
    /// What the council calls it, e.g. "Written Statement of Action".
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// The wider plan's priorities that actions link to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<Priority>,
    pub workstreams: Vec<Workstream>,
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
