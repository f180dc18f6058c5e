//! Checks a well-formed feed for what its shape cannot show: ids and references, cycles,
//! deadlines, series order, links, empty or untranslated texts, and what "today" makes overdue
//! or stale.

use super::{did_you_mean, Diagnostic, Severity};
use crate::date::PartialDate;
use crate::deadline::parse_deadline;
use crate::feed::{AreaTable, Contact, Feed, Lifecycle, Pathway, Period, Plan, Point};
use crate::json::{Json, Value};
use crate::links::{mail_href, tel_href, web_href};
use crate::status::{
    derive_status, is_stale, update_due_after_deadline, Derived, STALE_AFTER_MONTHS,
};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

pub fn check(
    feed: &Feed,
    json: &Json,
    texts: &[String],
    today: NaiveDate,
    out: &mut Vec<Diagnostic>,
) {
    let mut checker = Checker {
        positions: HashMap::new(),
        out,
    };
    checker.index(json, String::new());
    checker.header(feed, today);
    checker.texts(feed, json, texts);
    checker.services(feed);
    for (p, pathway) in feed.pathways.iter().enumerate() {
        checker.pathway(feed, pathway, &format!("pathways[{p}]"));
    }
    checker.unique(
        feed.pathways.iter().map(|p| p.id.as_str()),
        "pathways",
        ".id",
        "pathway",
    );
    checker.plans(feed, today);
    checker.indicators(feed);
    checker.updates(feed);
    checker.area(feed);
}

struct Checker<'a> {
    positions: HashMap<String, (usize, usize)>,
    out: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn index(&mut self, json: &Json, path: String) {
        match &json.value {
            Value::Object(members) => {
                for member in members {
                    let child = if path.is_empty() {
                        member.key.clone()
                    } else {
                        format!("{path}.{}", member.key)
                    };
                    self.index(&member.value, child);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.index(item, format!("{path}[{i}]"));
                }
            }
            _ => {}
        }
        self.positions.insert(path, (json.line, json.column));
    }

    /// The position of `path`, or of its nearest ancestor that exists.
    fn position(&self, path: &str) -> (usize, usize) {
        let mut path = path;
        loop {
            if let Some(position) = self.positions.get(path) {
                return *position;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return (1, 1),
            }
        }
    }

    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: &str,
        message: String,
        fix: String,
    ) {
        let (line, column) = self.position(path);
        self.out.push(Diagnostic {
            severity,
            code,
            line,
            column,
            path: path.to_owned(),
            message,
            fix,
        });
    }

    fn error(&mut self, code: &'static str, path: &str, message: String, fix: String) {
        self.push(Severity::Error, code, path, message, fix);
    }

    fn warning(&mut self, code: &'static str, path: &str, message: String, fix: String) {
        self.push(Severity::Warning, code, path, message, fix);
    }

    fn header(&mut self, feed: &Feed, today: NaiveDate) {
        if feed.version == 0 {
            self.error(
                "bad-version",
                "version",
                "the format version is 0".into(),
                "Write \"version\": 2 (or 1 for a feed with one \"plan\").".into(),
            );
        }
        if feed.languages.is_empty() {
            self.error(
                "no-languages",
                "languages",
                "the feed declares no language".into(),
                "List the languages the texts are written in, default first: \"languages\": [\"en\"].".into(),
            );
        }
        for (i, code) in feed.languages.iter().enumerate() {
            let plausible = (2..=3).contains(&code.split('-').next().unwrap_or("").len())
                && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if !plausible {
                self.error(
                    "bad-language",
                    &format!("languages[{i}]"),
                    format!("\"{code}\" is not a language code"),
                    "Use a short code such as \"en\" (English) or \"bn\" (Bengali).".into(),
                );
            }
        }
        if feed.updated > today {
            self.warning(
                "future-date",
                "updated",
                format!(
                    "the feed says it was last checked on {}, which is after today",
                    feed.updated
                ),
                "Set \"updated\" to the day you checked the feed: today or earlier.".into(),
            );
        }
        if is_stale(PartialDate::Day(feed.updated), today) {
            self.warning(
                "feed-stale",
                "updated",
                format!(
                    "the feed was last checked on {}, more than {STALE_AFTER_MONTHS} months ago; families are told it may be out of date",
                    feed.updated
                ),
                "Check every entry is still right, then set \"updated\" to today's date.".into(),
            );
        }
        if let Some(url) = &feed.publisher.url {
            self.web_link(url, "publisher.url");
        }
        if let Some(contact) = &feed.publisher.contact {
            self.contact(contact, "publisher.contact");
        }
    }

    /// Empty texts (errors) and missing translations (warnings), for every text field.
    fn texts(&mut self, feed: &Feed, json: &Json, texts: &[String]) {
        let declared: Vec<&str> = feed.languages.iter().map(String::as_str).collect();
        for path in texts {
            let Some(value) = lookup(json, path) else {
                continue;
            };
            match &value.value {
                Value::String(text) => {
                    self.not_empty(text, path);
                    if declared.len() > 1 {
                        self.warning(
                            "missing-translation",
                            path,
                            format!("this text has no {} translation", declared[1..].join(", ")),
                            format!(
                                "Write it as {{\"{}\": \"…\", \"{}\": \"…\"}}; until then families see the {} text.",
                                declared[0], declared[1], declared[0]
                            ),
                        );
                    }
                }
                Value::Object(members) => {
                    for member in members {
                        let member_path = format!("{path}.{}", member.key);
                        if let Value::String(text) = &member.value.value {
                            self.not_empty(text, &member_path);
                        }
                        if !declared.contains(&member.key.as_str()) {
                            let hint = did_you_mean(&member.key, declared.iter().copied())
                                .map(|c| format!("Did you mean \"{c}\"? "))
                                .unwrap_or_default();
                            self.warning(
                                "undeclared-language",
                                &member_path,
                                format!(
                                    "\"{}\" is not one of the feed's languages ({})",
                                    member.key,
                                    declared.join(", ")
                                ),
                                format!("{hint}Add it to \"languages\" or correct the code."),
                            );
                        }
                    }
                    let missing: Vec<&str> = declared
                        .iter()
                        .copied()
                        .filter(|lang| members.iter().all(|m| m.key != *lang))
                        .collect();
                    if !missing.is_empty() {
                        self.warning(
                            "missing-translation",
                            path,
                            format!("this text has no {} translation", missing.join(", ")),
                            format!("Add \"{}\": \"…\" to this text.", missing[0]),
                        );
                    }
                }
                _ => {}
            }
        }
    }

    fn not_empty(&mut self, text: &str, path: &str) {
        if text.trim().is_empty() {
            self.error(
                "empty-text",
                path,
                "this text is empty".into(),
                "Write the text, or remove the field if it is optional.".into(),
            );
        }
    }

    /// Reports ids that appear more than once, and empty ids.
    fn unique<'i>(
        &mut self,
        ids: impl Iterator<Item = &'i str>,
        list: &str,
        field: &str,
        what: &str,
    ) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}]{field}");
            if id.trim().is_empty() {
                self.error(
                    "empty-id",
                    &path,
                    format!("this {what} has an empty id"),
                    "Give it a short unique id such as \"referral\".".into(),
                );
            } else if !seen.insert(id) {
                self.error(
                    "duplicate-id",
                    &path,
                    format!("another {what} already has the id \"{id}\""),
                    format!(
                        "Give each {what} its own id; links to \"{id}\" cannot tell them apart."
                    ),
                );
            }
        }
    }

    /// Reports `id` at `path` when it is not among `known`, suggesting the closest.
    fn reference(&mut self, id: &str, known: &Known, path: &str, what: &str) {
        if known.set.contains(id) {
            return;
        }
        let fix = match did_you_mean(id, known.ids.iter().copied()) {
            Some(close) => format!("Did you mean \"{close}\"?"),
            None if known.ids.is_empty() => {
                format!("The feed has no {what}s yet: add one, or remove this reference.")
            }
            None => format!("Use one of: {}.", known.ids.join(", ")),
        };
        self.error(
            "unknown-reference",
            path,
            format!("there is no {what} with the id \"{id}\""),
            fix,
        );
    }

    fn services(&mut self, feed: &Feed) {
        self.unique(
            feed.services.iter().map(|s| s.id.as_str()),
            "services",
            ".id",
            "service",
        );
        for (i, service) in feed.services.iter().enumerate() {
            if let Some(contact) = &service.contact {
                self.contact(contact, &format!("services[{i}].contact"));
            }
            if let Some(e) = &service.eligibility {
                self.ages(e.min_age, e.max_age, &format!("services[{i}].eligibility"));
            }
        }
    }

    fn ages(&mut self, min: Option<u8>, max: Option<u8>, path: &str) {
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                self.error(
                    "bad-age-range",
                    &format!("{path}.min_age"),
                    format!("the youngest age ({min}) is above the oldest ({max})"),
                    "Swap min_age and max_age.".into(),
                );
            }
        }
    }

    fn contact(&mut self, contact: &Contact, path: &str) {
        if let Some(url) = &contact.url {
            self.web_link(url, &format!("{path}.url"));
        }
        if let Some(email) = &contact.email {
            if mail_href(email).is_none() {
                self.error(
                    "bad-email",
                    &format!("{path}.email"),
                    format!("\"{email}\" is not an email address"),
                    "Write the address alone, such as send@example.gov.uk.".into(),
                );
            }
        }
        if let Some(phone) = &contact.phone {
            if tel_href(phone).is_none() {
                self.error(
                    "bad-phone",
                    &format!("{path}.phone"),
                    format!("\"{phone}\" is not a phone number"),
                    "Use digits, spaces and an optional leading +, such as 020 7364 5000.".into(),
                );
            }
        }
    }

    fn web_link(&mut self, url: &str, path: &str) {
        if web_href(url).is_none() {
            let scheme = url.split(':').next().unwrap_or("").to_lowercase();
            let message = if url.contains(':') && !matches!(scheme.as_str(), "http" | "https") {
                format!("links starting \"{scheme}:\" are not allowed")
            } else {
                format!("\"{url}\" is not a web address")
            };
            self.error(
                "bad-link",
                path,
                message,
                "Use a full web address starting https:// (or http://); for email and phone use the email and phone fields.".into(),
            );
        }
    }

    fn pathway(&mut self, feed: &Feed, pathway: &Pathway, path: &str) {
        let stages = Known::new(pathway.stages.iter().map(|s| s.id.as_str()));
        let steps = Known::new(pathway.steps.iter().map(|s| s.id.as_str()));
        let services = Known::new(feed.services.iter().map(|s| s.id.as_str()));
        let indicators = Known::new(feed.indicators.iter().map(|i| i.id.as_str()));
        self.unique(
            stages.ids.iter().copied(),
            &format!("{path}.stages"),
            ".id",
            "stage",
        );
        self.unique(
            steps.ids.iter().copied(),
            &format!("{path}.steps"),
            ".id",
            "step",
        );
        self.ages(
            pathway.audience.min_age,
            pathway.audience.max_age,
            &format!("{path}.audience"),
        );
        for (i, step) in pathway.steps.iter().enumerate() {
            let step_path = format!("{path}.steps[{i}]");
            self.reference(
                &step.stage,
                &stages,
                &format!("{step_path}.stage"),
                "stage in this pathway",
            );
            for (j, id) in step.services.iter().enumerate() {
                self.reference(
                    id,
                    &services,
                    &format!("{step_path}.services[{j}]"),
                    "service",
                );
            }
            for (j, id) in step.indicators.iter().enumerate() {
                self.reference(
                    id,
                    &indicators,
                    &format!("{step_path}.indicators[{j}]"),
                    "indicator",
                );
            }
            if let Some(next) = &step.next {
                for (j, id) in next.steps.iter().enumerate() {
                    self.reference(
                        id,
                        &steps,
                        &format!("{step_path}.next.steps[{j}]"),
                        "step in this pathway",
                    );
                }
            }
            if let Some(limit) = &step.time_limit {
                if limit.weeks.is_none() && limit.days.is_none() {
                    // A limit in words only ("within 12 months") is fine; nothing to compute.
                }
            }
        }
        for (i, id) in pathway.help.iter().enumerate() {
            self.reference(id, &services, &format!("{path}.help[{i}]"), "service");
        }
        if let Some(clock) = &pathway.clock {
            self.unique(
                clock.milestones.iter().map(|m| m.id.as_str()),
                &format!("{path}.clock.milestones"),
                ".id",
                "milestone",
            );
            for (i, milestone) in clock.milestones.iter().enumerate() {
                let m_path = format!("{path}.clock.milestones[{i}]");
                if milestone.weeks.is_none() && milestone.days.is_none() {
                    self.error(
                        "milestone-without-time",
                        &m_path,
                        "this milestone has neither weeks nor days".into(),
                        "Add \"weeks\": N or \"days\": N counted from the start date.".into(),
                    );
                }
                if let Some(step) = &milestone.step {
                    self.reference(
                        step,
                        &steps,
                        &format!("{m_path}.step"),
                        "step in this pathway",
                    );
                }
            }
        }
        if let Some(cycle) = find_cycle(pathway) {
            let (index, back_to) = cycle;
            let step = &pathway.steps[index];
            self.error(
                "next-step-cycle",
                &format!("{path}.steps[{index}].next"),
                format!(
                    "the next steps go round in a circle: \"{}\" leads back to \"{back_to}\"",
                    step.id
                ),
                "Pathways run one way. Remove the link back; if a step repeats (such as yearly reviews), say so in its text.".into(),
            );
        }
    }

    fn plans(&mut self, feed: &Feed, today: NaiveDate) {
        self.plan_versions(feed);
        if let Some(plan) = &feed.plan {
            self.plan(plan, "plan", today);
        }
        for (p, plan) in feed.plans.iter().enumerate() {
            self.plan(plan, &format!("plans[{p}]"), today);
        }
    }

    /// Version 1 has one `plan`, version 2 a list of `plans`, each named by an id, with a period
    /// that runs forwards, at most one marked current, and `followed_by` naming another plan.
    fn plan_versions(&mut self, feed: &Feed) {
        if feed.version < 2 && !feed.plans.is_empty() {
            self.error(
                "plans-need-version-2",
                "plans",
                "this feed says \"version\": 1, which has one \"plan\", but it lists \"plans\""
                    .into(),
                "Set \"version\": 2 to list several plans, or run: sendfeed migrate FEED".into(),
            );
        }
        if feed.version >= 2 && feed.plan.is_some() {
            self.error(
                "plan-in-version-2",
                "plan",
                "a version 2 feed lists its plans under \"plans\", not one \"plan\"".into(),
                "Run: sendfeed migrate FEED (it moves the plan into \"plans\" and gives it an id)."
                    .into(),
            );
        }
        if feed.plans.is_empty() {
            return;
        }
        let ids = Known::new(feed.plans.iter().filter_map(|p| p.id.as_deref()));
        if feed.plans.iter().all(|p| p.id.is_some()) {
            self.unique(ids.ids.iter().copied(), "plans", ".id", "plan");
        }
        let mut current = Vec::new();
        for (p, plan) in feed.plans.iter().enumerate() {
            let path = format!("plans[{p}]");
            if plan.id.is_none() {
                self.error(
                    "plan-without-id",
                    &path,
                    "this plan has no \"id\", so the tracker cannot link to it or choose it".into(),
                    "Add an \"id\" such as \"wsoa-2021\": lower-case letters, digits and hyphens."
                        .into(),
                );
            }
            if plan.lifecycle == Some(Lifecycle::Current) {
                current.push(p);
            }
            if let Some(next) = &plan.followed_by {
                if plan.id.as_deref() == Some(next.as_str()) {
                    self.error(
                        "plan-follows-itself",
                        &format!("{path}.followed_by"),
                        format!("the plan \"{next}\" says it is followed by itself"),
                        "Name the plan that took its place, or remove \"followed_by\".".into(),
                    );
                } else {
                    self.reference(next, &ids, &format!("{path}.followed_by"), "plan");
                }
                if plan.lifecycle == Some(Lifecycle::Current) {
                    self.error(
                        "current-and-followed",
                        &format!("{path}.lifecycle"),
                        "this plan is marked current but also followed by another plan".into(),
                        "A plan another has replaced is not current: remove \"current\" or \"followed_by\".".into(),
                    );
                }
            }
            if let Some(Period {
                start: Some(start),
                end: Some(end),
            }) = plan.period
            {
                if last_day(end) < start.first_day() {
                    self.error(
                        "period-ends-before-start",
                        &format!("{path}.period.end"),
                        format!("this plan's period ends ({end}) before it starts ({start})"),
                        "Check the two dates against the plan; the start comes first.".into(),
                    );
                }
            }
        }
        for &p in current.iter().skip(1) {
            self.error(
                "two-current-plans",
                &format!("plans[{p}].lifecycle"),
                format!(
                    "{} plans are marked current; the tracker can show only one first",
                    current.len()
                ),
                "Mark only the plan in force now as \"current\"; mark the others \"closed\", or leave their lifecycle out if the documents do not say.".into(),
            );
        }
    }

    fn plan(&mut self, plan: &Plan, base: &str, today: NaiveDate) {
        let priorities = Known::new(plan.priorities.iter().map(|p| p.id.as_str()));
        self.unique(
            priorities.ids.iter().copied(),
            &format!("{base}.priorities"),
            ".id",
            "priority",
        );
        self.unique(
            plan.workstreams.iter().map(|w| w.id.as_str()),
            &format!("{base}.workstreams"),
            ".id",
            "workstream",
        );
        let mut refs = HashSet::new();
        for (w, workstream) in plan.workstreams.iter().enumerate() {
            for (a, action) in workstream.actions.iter().enumerate() {
                let a_path = format!("{base}.workstreams[{w}].actions[{a}]");
                if !refs.insert(action.reference.as_str()) {
                    self.error(
                        "duplicate-id",
                        &format!("{a_path}.ref"),
                        format!(
                            "another action already has the ref \"{}\"",
                            action.reference
                        ),
                        "Give each action its own ref, as in the plan (1.1, 1.2…).".into(),
                    );
                }
                for (i, id) in action.priorities.iter().enumerate() {
                    self.reference(
                        id,
                        &priorities,
                        &format!("{a_path}.priorities[{i}]"),
                        "plan priority",
                    );
                }
                for (m, measure) in action.measures.iter().enumerate() {
                    let m_path = format!("{a_path}.measures[{m}]");
                    if let Err(reason) = parse_deadline(&measure.deadline) {
                        self.error("unknown-deadline", &format!("{m_path}.deadline"), reason, "Keep the plan's wording but start with a month and year, or name a cadence (termly, quarterly, monthly, yearly, ongoing).".into());
                        continue;
                    }
                    let derived = derive_status(measure, today);
                    if update_due_after_deadline(measure, today) {
                        let seen = match derived.status {
                            Derived::AtRisk | Derived::OffTrack => {
                                "families see the status as you recorded it, with \"deadline passed\""
                            }
                            Derived::NoUpdateSinceDeadline => {
                                "no status is recorded, so families will see \"No update since the deadline\""
                            }
                            _ => "families will see it as overdue",
                        };
                        self.warning(
                            "overdue",
                            &format!("{m_path}.deadline"),
                            format!(
                                "action {} measure {} is past its deadline ({}) and not marked complete; {seen}",
                                action.reference,
                                m + 1,
                                measure.deadline
                            ),
                            "If it is done, set \"status\": \"complete\" with its \"status_date\"; if not, record \"at_risk\", \"off_track\" or \"ongoing\" with \"evidence\" and a \"status_date\" after the deadline.".into(),
                        );
                    }
                    if let Some(date) = measure.status_date.filter(|d| d.first_day() > today) {
                        self.warning(
                            "future-date",
                            &format!("{m_path}.status_date"),
                            format!("action {} measure {}'s status is dated {date}, which is after today", action.reference, m + 1),
                            "Set \"status_date\" to the day the status was confirmed: today or earlier.".into(),
                        );
                    }
                    if let Some(since) = derived.stale_since {
                        self.warning(
                            "stale-status",
                            &format!("{m_path}.status_date"),
                            format!("this status was last updated {since}, more than {STALE_AFTER_MONTHS} months ago"),
                            "Confirm or update the status and set \"status_date\" to today.".into(),
                        );
                    }
                }
            }
        }
    }

    fn indicators(&mut self, feed: &Feed) {
        self.unique(
            feed.indicators.iter().map(|i| i.id.as_str()),
            "indicators",
            ".id",
            "indicator",
        );
        let refs = action_refs(feed);
        for (i, indicator) in feed.indicators.iter().enumerate() {
            let path = format!("indicators[{i}]");
            self.series(&indicator.trajectory, &format!("{path}.trajectory"));
            self.series(&indicator.actual, &format!("{path}.actual"));
            for (j, reference) in indicator.actions.iter().enumerate() {
                self.reference(
                    reference,
                    &refs,
                    &format!("{path}.actions[{j}]"),
                    "plan action",
                );
            }
            if indicator.target.is_some()
                && indicator.baseline.is_none()
                && indicator.actual.is_empty()
            {
                self.warning(
                    "target-without-baseline",
                    &format!("{path}.target"),
                    "this indicator has a target but no baseline or actual figure, so families cannot see how far there is to go".into(),
                    "Add a \"baseline\" with the period and value the plan started from, if the plan gives one.".into(),
                );
            }
        }
    }

    /// Periods must run forwards, each once.
    fn series(&mut self, points: &[Point], path: &str) {
        for (i, pair) in points.windows(2).enumerate() {
            let (before, after) = (pair[0].period.first_day(), pair[1].period.first_day());
            if after == before {
                self.error(
                    "repeated-period",
                    &format!("{path}[{}].period", i + 1),
                    format!("the period {} appears twice in a row", pair[1].period),
                    "Keep one value for each period.".into(),
                );
            } else if after < before {
                self.error(
                    "period-order",
                    &format!("{path}[{}].period", i + 1),
                    format!(
                        "the period {} comes after {}, but is earlier",
                        pair[1].period, pair[0].period
                    ),
                    "List the values oldest first.".into(),
                );
            }
        }
    }

    fn updates(&mut self, feed: &Feed) {
        let refs = action_refs(feed);
        for (i, update) in feed.updates.iter().enumerate() {
            for (j, reference) in update.actions.iter().enumerate() {
                self.reference(
                    reference,
                    &refs,
                    &format!("updates[{i}].actions[{j}]"),
                    "plan action",
                );
            }
        }
    }

    /// "About the area": version 2 only; each table a figure for every area; a share that is
    /// not its count of the row it is a share of, within the rounding the feed shows.
    fn area(&mut self, feed: &Feed) {
        let Some(area) = &feed.area else { return };
        if feed.version < 2 {
            self.error(
                "area-needs-version-2",
                "area",
                "this feed says \"version\": 1, but \"area\" is part of version 2".into(),
                "Set \"version\": 2, or run: sendfeed migrate FEED".into(),
            );
        }
        self.unique(
            area.tables.iter().map(|t| t.id.as_str()),
            "area.tables",
            ".id",
            "area table",
        );
        for (t, table) in area.tables.iter().enumerate() {
            self.area_table(table, &format!("area.tables[{t}]"));
        }
    }

    fn area_table(&mut self, table: &AreaTable, path: &str) {
        let rows = Known::new(table.rows.iter().filter_map(|r| r.id.as_deref()));
        for (r, row) in table.rows.iter().enumerate() {
            let row_path = format!("{path}.rows[{r}]");
            if row.values.len() != table.areas.len() {
                self.error(
                    "area-values-count",
                    &format!("{row_path}.values"),
                    format!(
                        "this row has {} but the table has {}",
                        plural(row.values.len(), "value"),
                        plural(table.areas.len(), "area")
                    ),
                    "Give one value for each area, in the order of \"areas\"; write null where the document gives no figure.".into(),
                );
            }
            let Some(of) = &row.of else { continue };
            self.reference(of, &rows, &format!("{row_path}.of"), "row in this table");
            let Some(base) = table.rows.iter().find(|b| b.id.as_deref() == Some(of)) else {
                continue;
            };
            for (v, value) in row.values.iter().enumerate() {
                let (Some(figure), Some(Some(total))) = (value, base.values.get(v)) else {
                    continue;
                };
                let (Some(count), Some(percent), Some(total)) =
                    (figure.count, figure.percent, total.count)
                else {
                    continue;
                };
                if total <= 0.0 {
                    continue;
                }
                let share = count / total * 100.0;
                // A whole percentage may be rounded to the nearest 1, one with decimals to the
                // nearest 0.1; a little more for rounding in the document's own sums.
                let tolerance = if percent.fract() == 0.0 { 0.5 } else { 0.05 } + 1e-9;
                if (share - percent).abs() > tolerance {
                    self.warning(
                        "area-share-mismatch",
                        &format!("{row_path}.values[{v}].percent"),
                        format!(
                            "{count} out of {total} is {}%, but this says {percent}%",
                            (share * 10.0).round() / 10.0
                        ),
                        "Check the count, the percentage and the row it is a share of (\"of\") against the document.".into(),
                    );
                }
            }
        }
    }
}

/// "1 area", "3 areas".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The last day a date can mean: "2024" ends on 31 December 2024.
fn last_day(date: PartialDate) -> NaiveDate {
    match date {
        PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
        PartialDate::Month(y, m) => {
            let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            NaiveDate::from_ymd_opt(next.0, next.1, 1)
                .and_then(|d| d.pred_opt())
                .unwrap_or(NaiveDate::MAX)
        }
        PartialDate::Day(day) => day,
    }
}

/// Every plan action's ref, for checking references to actions.
fn action_refs(feed: &Feed) -> Known<'_> {
    Known::new(
        feed.plans()
            .iter()
            .flat_map(|p| &p.workstreams)
            .flat_map(|w| &w.actions)
            .map(|a| a.reference.as_str()),
    )
}

/// The ids a reference may name: in order, for the suggestion and the list in a fix, and as a
/// set, so checking each of thousands of references is not a scan of them all.
struct Known<'a> {
    ids: Vec<&'a str>,
    set: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    fn new(ids: impl Iterator<Item = &'a str>) -> Self {
        let ids: Vec<&str> = ids.collect();
        let set = ids.iter().copied().collect();
        Known { ids, set }
    }
}

/// The JSON value at a path such as `a.b[2].c`.
fn lookup<'j>(json: &'j Json, path: &str) -> Option<&'j Json> {
    let mut current = json;
    for part in path.split('.') {
        let (key, indices) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            current = current.get(key)?;
        }
        for index in indices.split(['[', ']']).filter(|s| !s.is_empty()) {
            let Value::Array(items) = &current.value else {
                return None;
            };
            current = items.get(index.parse::<usize>().ok()?)?;
        }
    }
    Some(current)
}

/// A step whose next steps lead back to one already on the path: (step index, id it returns to).
///
/// Depth first with a stack of its own rather than recursion: a pathway of 10,000 chained
/// steps overflowed the call stack (found by `tests/limits.rs`), which in the browser is a
/// trap in the officer's checker.
fn find_cycle(pathway: &Pathway) -> Option<(usize, String)> {
    let index: HashMap<&str, usize> = pathway
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let next_steps = |i: usize| pathway.steps[i].next.as_ref().map_or(&[][..], |n| &n.steps);
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; pathway.steps.len()];
    // (step, how many of its next steps have been followed)
    let mut path: Vec<(usize, usize)> = Vec::new();
    for root in 0..pathway.steps.len() {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        path.push((root, 0));
        while let Some(top) = path.last_mut() {
            let (i, followed) = *top;
            let Some(next) = next_steps(i).get(followed) else {
                state[i] = 2;
                path.pop();
                continue;
            };
            top.1 += 1;
            let Some(&j) = index.get(next.as_str()) else {
                continue;
            };
            match state[j] {
                1 => return Some((i, next.clone())),
                0 => {
                    state[j] = 1;
                    path.push((j, 0));
                }
                _ => {}
            }
        }
    }
    None
}
