//! The termly update: every measure of the plan in its place, with what the officer recorded
//! and what families will see, as the editor's first screen lists them.

use crate::edit::form::DateFields;
use crate::edit::{status_code, MeasureAt};
use crate::feed::{Feed, Measure};
use crate::i18n::t;
use crate::status::{derive_status, Derived, MeasureStatus};
use crate::text::Text;
use crate::tracker::level_words;
use crate::Lang;
use chrono::NaiveDate;
use serde::Serialize;

/// One measure as the termly update screen shows it. Plain strings only: the page shows them
/// as they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureRow {
    /// `w-a-m`, for element ids.
    pub id: String,
    pub workstream: usize,
    pub action: usize,
    pub measure: usize,
    /// "Measure 2 of action 1.3", for labels that must be unique on the page.
    pub name: String,
    pub action_ref: String,
    pub text: String,
    pub deadline: String,
    /// The action's leads, or the workstream's when the action names none.
    pub leads: Vec<String>,
    /// The recorded status as the feed writes it (`off_track`), empty when none.
    pub status: String,
    pub evidence: String,
    /// The evidence in each of the feed's languages, in its order (the first is `evidence`).
    pub evidence_in: Vec<String>,
    pub confirmed_on: DateFields,
    pub needs_update: bool,
    /// Why it needs an update, in words ("no status recorded").
    pub needs_update_because: String,
    /// What the tracker shows families today: the status word and its details.
    pub family_sees: String,
    /// The tracker's name for the level (`on-track`), for a shape beside the words.
    pub family_level: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionGroup {
    pub reference: String,
    pub title: String,
    pub measures: Vec<MeasureRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkstreamGroup {
    pub id: String,
    pub title: String,
    pub actions: Vec<ActionGroup>,
}

fn words(feed: &Feed, text: &Text) -> String {
    text.get(feed.default_lang(), feed.default_lang())
        .text
        .to_owned()
}

/// What families read about a measure today: the tracker's status word, then the details it
/// adds (the last status reported, "deadline passed", "not updated since"). The same rules and
/// catalogue strings as the tracker's measure list (`render::tracker`), from the same
/// [`derive_status`].
pub fn family_sees(measure: &Measure, status: MeasureStatus) -> String {
    let lang = Lang::En;
    let mut out = t(level_words(status.status).0, lang).to_owned();
    for detail in crate::tracker::status_details(measure, &status, lang) {
        out.push_str(if out.ends_with('.') { " " } else { ". " });
        out.push_str(&detail);
    }
    out
}

/// Why a measure needs this term's update, or `None`: no status recorded (and not complete by
/// the plan), a status more than three months old, or a deadline passed and not complete.
pub fn needs_update(measure: &Measure, status: MeasureStatus) -> Option<&'static str> {
    if status.deadline_passed {
        Some("deadline passed and not complete")
    } else if status.stale_since.is_some() {
        Some("status more than 3 months old")
    } else if measure.status.is_none() && status.status != Derived::Complete {
        Some("no status recorded")
    } else {
        None
    }
}

/// The termly update screen's rows, grouped by workstream and action, in plan order.
pub fn termly_update(feed: &Feed, today: NaiveDate) -> Vec<WorkstreamGroup> {
    let Some(plan) = feed.current_plan() else {
        return Vec::new();
    };
    plan.workstreams
        .iter()
        .enumerate()
        .map(|(w, workstream)| WorkstreamGroup {
            id: workstream.id.clone(),
            title: words(feed, &workstream.title),
            actions: workstream
                .actions
                .iter()
                .enumerate()
                .map(|(a, action)| {
                    let leads = if action.leads.is_empty() {
                        &workstream.leads
                    } else {
                        &action.leads
                    };
                    let leads: Vec<String> = leads.iter().map(|l| words(feed, l)).collect();
                    ActionGroup {
                        reference: action.reference.clone(),
                        title: words(feed, &action.title),
                        measures: action
                            .measures
                            .iter()
                            .enumerate()
                            .map(|(m, measure)| {
                                let at = MeasureAt {
                                    workstream: w,
                                    action: a,
                                    measure: m,
                                };
                                row(feed, at, &action.reference, measure, &leads, today)
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// One row, also used to refresh a row after an edit.
pub fn row(
    feed: &Feed,
    at: MeasureAt,
    action_ref: &str,
    measure: &Measure,
    leads: &[String],
    today: NaiveDate,
) -> MeasureRow {
    let status = derive_status(measure, today);
    let because = needs_update(measure, status);
    MeasureRow {
        id: format!("{}-{}-{}", at.workstream, at.action, at.measure),
        workstream: at.workstream,
        action: at.action,
        measure: at.measure,
        name: format!("measure {} of action {action_ref}", at.measure + 1),
        action_ref: action_ref.to_owned(),
        text: words(feed, &measure.text),
        deadline: measure.deadline.clone(),
        leads: leads.to_vec(),
        status: measure
            .status
            .map(status_code)
            .unwrap_or_default()
            .to_owned(),
        evidence: measure
            .evidence
            .as_ref()
            .map(|e| words(feed, e))
            .unwrap_or_default(),
        evidence_in: crate::edit::languages::in_each(feed, measure.evidence.as_ref()),
        confirmed_on: DateFields::of(measure.status_date),
        needs_update: because.is_some(),
        needs_update_because: because.unwrap_or_default().to_owned(),
        family_sees: family_sees(measure, status),
        family_level: level_words(status.status).2.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Status;

    fn measure(deadline: &str, status: Option<Status>, date: Option<&str>) -> Measure {
        Measure {
            text: Text::Plain("Made-up measure".into()),
            deadline: deadline.into(),
            status,
            evidence: None,
            status_date: date.map(|d| crate::date::PartialDate::parse(d).unwrap()),
        }
    }

    fn day(s: &str) -> NaiveDate {
        crate::date::parse_day(s).unwrap()
    }

    #[test]
    fn needs_an_update_for_the_three_reasons_only() {
        let today = day("2026-12-01");
        let because = |m: &Measure| needs_update(m, derive_status(m, today));
        assert_eq!(
            because(&measure("December 2027", None, None)),
            Some("no status recorded")
        );
        assert_eq!(
            because(&measure(
                "December 2027",
                Some(Status::OnTrack),
                Some("2026-01")
            )),
            Some("status more than 3 months old")
        );
        assert_eq!(
            because(&measure(
                "January 2026",
                Some(Status::OnTrack),
                Some("2026-11-30")
            )),
            Some("deadline passed and not complete")
        );
        assert_eq!(
            because(&measure(
                "December 2027",
                Some(Status::OnTrack),
                Some("2026-11-30")
            )),
            None
        );
        assert_eq!(
            because(&measure("January 2026", Some(Status::Complete), None)),
            None
        );
    }

    #[test]
    fn families_see_the_trackers_words() {
        let today = day("2026-12-01");
        let sees = |m: &Measure| family_sees(m, derive_status(m, today));
        assert_eq!(
            sees(&measure(
                "December 2027",
                Some(Status::OnTrack),
                Some("2026-11")
            )),
            "On track"
        );
        let overdue = sees(&measure("January 2026", Some(Status::OnTrack), None));
        assert!(overdue.starts_with("Overdue. "), "{overdue}");
        let stale = sees(&measure(
            "December 2027",
            Some(Status::AtRisk),
            Some("2026-01"),
        ));
        assert!(stale.contains("Not updated since January 2026"), "{stale}");
    }
}
