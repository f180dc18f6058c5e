//! Builds a [`Feed`] from the JSON tree [`crate::json`] reads, without serde's generated
//! deserialisers.
//!
//! serde's derived `Deserialize` code for the 27 feed types was the largest single part of the
//! widgets' wasm (about 137 kB raw, 40 kB brotli, measured by leaving it out), and it also
//! brought the float formatter for its error messages. The feed types keep their serde derives:
//! they define the format (the JSON Schema is generated from them), and the CLI and tests use
//! them. Tests read every fixture, generated feeds and feed text mutated in many ways (numbers
//! rewritten, members dropped, byte order marks, duplicate keys, escapes) both ways and require
//! the same answer (`tests/reader_agrees_with_serde.rs`), so the two cannot drift apart.
//!
//! The rules are serde's as the types declare them: unknown fields are refused, fields without
//! a default are required, `null` is "absent" for optional fields, texts are a string or a map
//! of language codes to strings.

use crate::date::PartialDate;
use crate::feed::*;
use crate::json::{Json, Value};
use crate::text::Text;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The first problem found: where, and what.
#[derive(Debug)]
pub struct Bad {
    pub line: usize,
    pub column: usize,
    pub path: String,
    pub message: String,
}

type Read<T> = Result<T, Bad>;

/// The way from the top of the feed to a value, kept on the stack while reading, so a path is
/// only ever built as text for an error.
#[derive(Clone, Copy)]
pub struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Hop<'a>,
}

#[derive(Clone, Copy)]
enum Hop<'a> {
    Top,
    Key(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    pub const TOP: At<'static> = At {
        parent: None,
        step: Hop::Top,
    };

    fn key(&'a self, key: &'a str) -> At<'a> {
        At {
            parent: Some(self),
            step: Hop::Key(key),
        }
    }

    fn index(&'a self, index: usize) -> At<'a> {
        At {
            parent: Some(self),
            step: Hop::Index(index),
        }
    }

    fn path(&self) -> String {
        let mut steps = Vec::new();
        let mut at = Some(self);
        while let Some(here) = at {
            steps.push(here.step);
            at = here.parent;
        }
        let mut path = String::new();
        for step in steps.iter().rev() {
            match step {
                Hop::Top => {}
                Hop::Key(key) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Hop::Index(index) => {
                    path.push('[');
                    path.push_str(&index.to_string());
                    path.push(']');
                }
            }
        }
        path
    }

    fn bad(&self, json: &Json, message: String) -> Bad {
        Bad {
            line: json.line,
            column: json.column,
            path: self.path(),
            message,
        }
    }

    fn expected(&self, json: &Json, what: &str) -> Bad {
        self.bad(
            json,
            format!("invalid type: {}, expected {what}", json.value.kind()),
        )
    }
}

/// The feed's `version` when it is newer than this build reads, with its place. Both the
/// widgets and the checker say so before anything else: the rest fails for reasons that are
/// not the officer's typo.
pub fn newer_version(json: &Json) -> Option<(f64, &Json)> {
    let version = json.get("version")?;
    match version.value {
        Value::Number(n) if n > f64::from(FORMAT_VERSION) => Some((n, version)),
        _ => None,
    }
}

/// A value the feed can hold.
pub trait FromJson: Sized {
    fn from_json(json: &Json, at: &At) -> Read<Self>;
}

impl FromJson for String {
    fn from_json(json: &Json, at: &At) -> Read<Self> {
        match &json.value {
            Value::String(text) => Ok(text.clone()),
            _ => Err(at.expected(json, "text")),
        }
    }
}

impl FromJson for bool {
    fn from_json(json: &Json, at: &At) -> Read<Self> {
        match json.value {
            Value::Bool(value) => Ok(value),
            _ => Err(at.expected(json, "true or false")),
        }
    }
}

impl FromJson for f64 {
    fn from_json(json: &Json, at: &At) -> Read<Self> {
        match json.value {
            Value::Number(value) => Ok(value),
            _ => Err(at.expected(json, "a number")),
        }
    }
}

/// A whole number from 0 to `max`, written as digits alone: serde refuses `20.0` and `2e1` for
/// a whole-number field, and so does this.
fn whole(json: &Json, at: &At, max: u32) -> Read<f64> {
    match json.value {
        Value::Number(n) if json.integer && (0.0..=f64::from(max)).contains(&n) => Ok(n),
        Value::Number(_) => Err(at.bad(
            json,
            format!("invalid value: expected a whole number from 0 to {max}"),
        )),
        _ => Err(at.expected(json, "a whole number")),
    }
}

impl FromJson for u32 {
    fn from_json(json: &Json, at: &At) -> Read<Self> {
        whole(json, at, u32::MAX).map(|n| n as u32)
    }
}

impl FromJson for u8 {
    fn from_json(json: &Json, at: &At) -> Read<Self> {
        whole(json, at, u32::from(u8::MAX)).map(|n| n as u8)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: &Json, at: &At) -> Read<Self> {
        match &json.value {
            // A loop, not `collect::<Result<Vec<_>, _>>()`: that adapter is generated again for
            // every type read, around the type's own reader (measured on send-tracker: 966 B brotli).
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    out.push(T::from_json(item, &at.index(i))?);
                }
                Ok(out)
            }
            _ => Err(at.expected(json, "a list")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(json: &Json, at: &At) -> Read<Self> {
        match json.value {
            Value::Null => Ok(None),
            _ => T::from_json(json, at).map(Some),
        }
    }
}

impl FromJson for Text {
    fn from_json(json: &Json, at: &At) -> Read<Self> {
        match &json.value {
            Value::String(text) => Ok(Text::Plain(text.clone())),
            Value::Object(members) => {
                let mut map = BTreeMap::new();
                for member in members {
                    let value = String::from_json(&member.value, &at.key(&member.key))?;
                    map.insert(member.key.clone(), value);
                }
                Ok(Text::Translated(map))
            }
            _ => Err(at.bad(
                json,
                format!(
                    "invalid type: {}, expected text, or an object of texts by language code",
                    json.value.kind()
                ),
            )),
        }
    }
}

impl FromJson for PartialDate {
    fn from_json(json: &Json, at: &At) -> Read<Self> {
        let text = String::from_json(json, at)?;
        PartialDate::parse(&text).map_err(|message| at.bad(json, message))
    }
}

/// A whole date, for `updated`.
fn day(json: &Json, at: &At) -> Read<NaiveDate> {
    match PartialDate::from_json(json, at)? {
        PartialDate::Day(day) => Ok(day),
        other => Err(at.bad(
            json,
            format!("\"{other}\" is not a whole date: write YYYY-MM-DD, for example 2024-05-01"),
        )),
    }
}

/// One of an enum's snake_case names.
fn variant<T: Copy>(json: &Json, at: &At, names: &[(&str, T)]) -> Read<T> {
    let text = String::from_json(json, at)?;
    names
        .iter()
        .find(|(name, _)| *name == text)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let expected: Vec<String> = names.iter().map(|(n, _)| format!("`{n}`")).collect();
            at.bad(
                json,
                format!(
                    "unknown variant `{text}`, expected one of {}",
                    expected.join(", ")
                ),
            )
        })
}

macro_rules! variants {
    ($($ty:ident { $($name:literal => $variant:ident),+ $(,)? })+) => {$(
        impl FromJson for $ty {
            fn from_json(json: &Json, at: &At) -> Read<Self> {
                variant(json, at, &[$(($name, $ty::$variant)),+])
            }
        }
    )+};
}

variants! {
    Logic { "all" => All, "any" => Any }
    Status {
        "not_started" => NotStarted,
        "on_track" => OnTrack,
        "at_risk" => AtRisk,
        "off_track" => OffTrack,
        "complete" => Complete,
        "ongoing" => Ongoing,
    }
    Unit { "number" => Number, "percent" => Percent }
    Better { "higher" => Higher, "lower" => Lower }
    Lifecycle { "current" => Current, "closed" => Closed }
}

/// An object's members, checked against the fields its type knows.
struct Fields<'a> {
    json: &'a Json,
    at: &'a At<'a>,
}

impl<'a> Fields<'a> {
    fn of(json: &'a Json, at: &'a At<'a>, known: &[&str]) -> Read<Fields<'a>> {
        let Value::Object(members) = &json.value else {
            return Err(at.expected(json, "an object"));
        };
        if let Some(unknown) = members.iter().find(|m| !known.contains(&m.key.as_str())) {
            let expected: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            return Err(Bad {
                line: unknown.line,
                column: unknown.column,
                path: at.key(&unknown.key).path(),
                message: format!(
                    "unknown field `{}`, expected one of {}",
                    unknown.key,
                    expected.join(", ")
                ),
            });
        }
        Ok(Fields { json, at })
    }

    fn member(&self, key: &str) -> Option<&'a Json> {
        self.json.get(key)
    }

    /// A field the feed must give.
    fn req<T: FromJson>(&self, key: &str) -> Read<T> {
        match self.member(key) {
            Some(json) => T::from_json(json, &self.at.key(key)),
            None => Err(self.missing(key)),
        }
    }

    /// Out of line: one copy, not one in every type's reader (measured on send-tracker: 62 B brotli).
    #[cold]
    #[inline(never)]
    fn missing(&self, key: &str) -> Bad {
        self.at.bad(self.json, format!("missing field `{key}`"))
    }

    /// A field with a default when absent (`#[serde(default)]`).
    fn or_default<T: FromJson + Default>(&self, key: &str) -> Read<T> {
        match self.member(key) {
            Some(json) => T::from_json(json, &self.at.key(key)),
            None => Ok(T::default()),
        }
    }

    /// An optional field: absent or `null` is `None`.
    fn opt<T: FromJson>(&self, key: &str) -> Read<Option<T>> {
        self.or_default(key)
    }
}

/// `impl FromJson` for a struct: its fields in order, each `req`, `opt` or `or_default`, with
/// the JSON name when it differs from the Rust one.
macro_rules! structs {
    ($($ty:ident { $($field:ident: $how:ident $(= $name:literal)?),+ $(,)? })+) => {$(
        impl FromJson for $ty {
            fn from_json(json: &Json, at: &At) -> Read<Self> {
                let fields = Fields::of(json, at, &[$(structs!(@name $field $($name)?)),+])?;
                Ok($ty {
                    $($field: fields.$how(structs!(@name $field $($name)?))?,)+
                })
            }
        }
    )+};
    (@name $field:ident $name:literal) => { $name };
    (@name $field:ident) => { stringify!($field) };
}

structs! {
    Publisher { name: req, url: opt, contact: opt }
    Contact { name: opt, phone: opt, email: opt, url: opt, note: opt }
    Service {
        id: req, name: req, description: opt, provider: opt, eligibility: opt, access: opt,
        contact: opt, cost: opt, languages: or_default, openreferral_id: opt,
    }
    Audience { min_age: opt, max_age: opt, needs: or_default, text: opt }
    Access { referral: opt, self_referral: opt }
    Pathway {
        id: req, title: req, summary: opt, audience: or_default, stages: req, steps: req,
        clock: opt, help: or_default,
    }
    Stage { id: req, title: req, summary: opt }
    Step {
        id: req, stage: req, title: req, body: opt, services: or_default, typical_wait: opt,
        time_limit: opt, while_waiting: or_default, next: opt, optional: or_default,
        indicators: or_default, audience: opt,
    }
    TimeLimit { weeks: opt, days: opt, text: req, source: opt }
    NextSteps { logic: or_default, steps: req }
    Clock { start: req, milestones: req }
    Milestone { id: req, title: req, weeks: opt, days: opt, step: opt, if_missed: opt, source: opt }
    Plan {
        id: opt, title: req, label: req, summary: opt, published: opt, period: opt,
        lifecycle: opt, followed_by: opt, priorities: or_default, workstreams: req,
    }
    Period { start: opt, end: opt }
    Priority { id: req, title: req }
    Workstream { id: req, title: req, leads: or_default, problem: opt, objective: opt, actions: req }
    Action { reference: req = "ref", title: req, leads: or_default, priorities: or_default, measures: req }
    Measure { text: req, deadline: req, status: opt, evidence: opt, status_date: opt }
    Indicator {
        id: req, title: req, description: opt, unit: req, better: req, baseline: opt,
        target: opt, trajectory: or_default, actual: or_default, comparator: opt, source: req,
        actions: or_default,
    }
    Point { period: req, value: req, note: opt }
    Target { text: req, value: opt, by: opt }
    Comparator { label: req, value: req, period: opt }
    Update { date: req, you_said: opt, we_did: req, actions: or_default, source: opt }
    Area { facts: or_default, tables: or_default }
    AreaFact { text: req, period: opt, source: req }
    AreaTable { id: req, title: req, areas: req, rows: req, period: opt, source: req, note: opt }
    AreaRow { id: opt, measure: req, of: opt, values: req }
    AreaFigure { count: opt, percent: opt }
}

impl FromJson for Feed {
    fn from_json(json: &Json, at: &At) -> Read<Self> {
        let fields = Fields::of(
            json,
            at,
            &[
                "$schema",
                "version",
                "publisher",
                "updated",
                "languages",
                "services",
                "pathways",
                "plan",
                "plans",
                "indicators",
                "updates",
                "area",
            ],
        )?;
        let updated = match fields.member("updated") {
            Some(value) => day(value, &at.key("updated"))?,
            None => return Err(at.bad(json, "missing field `updated`".into())),
        };
        Ok(Feed {
            schema: fields.opt("$schema")?,
            version: fields.req("version")?,
            publisher: fields.req("publisher")?,
            updated,
            languages: fields.req("languages")?,
            // A one-widget build reads only the parts its widget draws: the other parts must
            // still be JSON (the reader parsed them) with members it knows, but their faults are
            // the checker's and the other widget's to report. A family's pathway is not taken
            // away because a plan's status is misspelt, and the plans, updates and area readers
            // are 5.2 kB brotli of send-pathway (services and pathways 4.4 kB of send-tracker).
            #[cfg(feature = "pathway")]
            services: fields.or_default("services")?,
            #[cfg(not(feature = "pathway"))]
            services: Vec::new(),
            #[cfg(feature = "pathway")]
            pathways: fields.or_default("pathways")?,
            #[cfg(not(feature = "pathway"))]
            pathways: Vec::new(),
            #[cfg(feature = "tracker")]
            plan: fields.opt("plan")?,
            #[cfg(not(feature = "tracker"))]
            plan: None,
            #[cfg(feature = "tracker")]
            plans: fields.or_default("plans")?,
            #[cfg(not(feature = "tracker"))]
            plans: Vec::new(),
            indicators: fields.or_default("indicators")?,
            #[cfg(feature = "tracker")]
            updates: fields.or_default("updates")?,
            #[cfg(not(feature = "tracker"))]
            updates: Vec::new(),
            #[cfg(feature = "tracker")]
            area: fields.opt("area")?,
            #[cfg(not(feature = "tracker"))]
            area: None,
        })
    }
}
