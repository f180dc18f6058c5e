//! The progress tracker's view of an improvement plan: every measure with its status worked
//! out for "today", counted per workstream and overall.
//!
//! Families and board members read the same numbers in the summary bar, the workstream
//! headings and the filtered list, so they are computed once here from the feed and a date,
//! never in the renderer or the browser.

pub mod chart;
pub mod closed;
pub mod filter;
pub mod indicator;
pub mod interact;
pub mod plans;
pub mod shown;
pub mod words;

use crate::feed::{Action, Measure, Plan, Workstream};
use crate::i18n::Msg;
use crate::status::{derive_status, Derived, MeasureStatus};
use chrono::NaiveDate;

/// Every status level, in the order the key and the summaries list them.
pub const LEVELS: [Derived; 9] = [
    Derived::Complete,
    Derived::OnTrack,
    Derived::Ongoing,
    Derived::NotStarted,
    Derived::AtRisk,
    Derived::OffTrack,
    Derived::Overdue,
    Derived::NoUpdateSinceDeadline,
    Derived::NotReported,
];

/// What families read beside a measure's status badge, in `lang`: the last reported status of
/// an overdue measure, "deadline passed" beside a reported risk, a completion the plan itself
/// records, and how long ago it was last updated. The tracker shows these and the editor's
/// "what families will see" repeats them, from this one place.
pub fn status_details(measure: &Measure, status: &MeasureStatus, lang: crate::Lang) -> Vec<String> {
    use crate::feed::Status;
    use crate::i18n::{fill, format_date, t};
    let recorded_word = |status: Status| match status {
        Status::NotStarted => Msg::StatusNotStarted,
        Status::OnTrack => Msg::StatusOnTrack,
        Status::AtRisk => Msg::StatusAtRisk,
        Status::OffTrack => Msg::StatusOffTrack,
        Status::Complete => Msg::StatusComplete,
        Status::Ongoing => Msg::StatusOngoing,
    };
    let mut details = Vec::new();
    match (status.status, measure.status) {
        (Derived::Overdue, Some(recorded)) => details.push(fill(
            t(Msg::LastReportedStatus, lang),
            &[("status", t(recorded_word(recorded), lang))],
        )),
        (Derived::AtRisk | Derived::OffTrack, _) if status.deadline_passed => {
            details.push(t(Msg::DeadlinePassedAsReported, lang).into());
        }
        (Derived::Complete, None) => details.push(t(Msg::MarkedCompleteInPlan, lang).into()),
        _ => {}
    }
    if let Some(since) = status.stale_since {
        details.push(fill(
            t(Msg::NotUpdatedSince, lang),
            &[("date", &format_date(since, lang))],
        ));
    }
    details
}

/// The word for a level, its meaning in the key, and its name in URLs and class names. One
/// table, so the key, the badges and the filter options cannot disagree.
pub fn level_words(level: Derived) -> (Msg, Msg, &'static str) {
    match level {
        Derived::Complete => (Msg::StatusComplete, Msg::MeansComplete, "complete"),
        Derived::OnTrack => (Msg::StatusOnTrack, Msg::MeansOnTrack, "on-track"),
        Derived::Ongoing => (Msg::StatusOngoing, Msg::MeansOngoing, "ongoing"),
        Derived::NotStarted => (Msg::StatusNotStarted, Msg::MeansNotStarted, "not-started"),
        Derived::AtRisk => (Msg::StatusAtRisk, Msg::MeansAtRisk, "at-risk"),
        Derived::OffTrack => (Msg::StatusOffTrack, Msg::MeansOffTrack, "off-track"),
        Derived::Overdue => (Msg::StatusOverdue, Msg::MeansOverdueReported, "overdue"),
        Derived::NoUpdateSinceDeadline => (Msg::StatusNoUpdate, Msg::MeansNoUpdate, "no-update"),
        Derived::NotReported => (
            Msg::StatusNotReported,
            Msg::MeansNotReported,
            "not-reported",
        ),
    }
}

/// The level a URL or form names, e.g. `on-track`.
pub fn level_from_slug(slug: &str) -> Option<Derived> {
    LEVELS
        .into_iter()
        .find(|&level| level_words(level).2 == slug)
}

/// One success measure in its place in the plan, with its status for the day asked.
#[derive(Debug, Clone, Copy)]
pub struct MeasureRow<'a> {
    pub workstream: &'a Workstream,
    pub action: &'a Action,
    pub measure: &'a Measure,
    pub status: MeasureStatus,
}

/// Every measure of the plan in plan order, with statuses derived for `today`.
pub fn measure_rows(plan: &Plan, today: NaiveDate) -> Vec<MeasureRow<'_>> {
    plan.workstreams
        .iter()
        .flat_map(|workstream| {
            workstream.actions.iter().flat_map(move |action| {
                action.measures.iter().map(move |measure| MeasureRow {
                    workstream,
                    action,
                    measure,
                    status: derive_status(measure, today),
                })
            })
        })
        .collect()
}

/// How many measures sit at each level: "31 of 52 measures complete, 5 overdue".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    counts: [usize; LEVELS.len()],
    /// Measures whose recorded status is older than the staleness limit.
    pub stale: usize,
}

impl Tally {
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a MeasureRow<'a>>) -> Tally {
        let mut tally = Tally::default();
        for row in rows {
            tally.counts[index(row.status.status)] += 1;
            tally.stale += usize::from(row.status.stale_since.is_some());
        }
        tally
    }

    pub fn count(&self, level: Derived) -> usize {
        self.counts[index(level)]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Levels with at least one measure, in key order, with their counts.
    pub fn levels(&self) -> impl Iterator<Item = (Derived, usize)> + '_ {
        LEVELS
            .into_iter()
            .map(|level| (level, self.count(level)))
            .filter(|&(_, count)| count > 0)
    }
}

fn index(level: Derived) -> usize {
    LEVELS.iter().position(|&l| l == level).unwrap_or(0)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::feed::Status;
    use crate::text::Text;

    fn measure(deadline: &str, status: Option<Status>) -> Measure {
        Measure {
            text: Text::from("m"),
            deadline: deadline.into(),
            status,
            evidence: None,
            status_date: None,
        }
    }

    pub(crate) fn plan() -> Plan {
        let action = |reference: &str, measures: Vec<Measure>| Action {
            reference: reference.into(),
            title: Text::from(reference),
            leads: vec![],
            priorities: vec![],
            measures,
        };
        let workstream = |id: &str, actions: Vec<Action>| Workstream {
            id: id.into(),
            title: Text::from(id),
            leads: vec![],
            problem: None,
            objective: None,
            actions,
        };
        Plan {
            id: None,
            title: Text::from("Plan"),
            label: Text::from("Written Statement of Action"),
            summary: None,
            published: None,
            period: None,
            lifecycle: None,
            followed_by: None,
            priorities: vec![],
            workstreams: vec![
                workstream(
                    "1",
                    vec![action(
                        "1.1",
                        vec![
                            measure("July 2021 (complete)", None),
                            measure("January 2022", None),
                            measure("Tracked termly 2022/23", None),
                        ],
                    )],
                ),
                workstream(
                    "2",
                    vec![action(
                        "2.1",
                        vec![
                            measure("January 2022", Some(Status::Complete)),
                            measure("December 2030", Some(Status::AtRisk)),
                        ],
                    )],
                ),
            ],
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn slugs_and_words_round_trip_for_every_level() {
        for level in LEVELS {
            assert_eq!(level_from_slug(level_words(level).2), Some(level));
        }
        assert_eq!(level_from_slug("late"), None);
    }

    #[test]
    fn tallies_count_every_measure_once_at_its_level() {
        let plan = plan();
        let rows = measure_rows(&plan, day(2022, 6, 1));
        let tally = Tally::of(&rows);
        assert_eq!(tally.total(), 5);
        assert_eq!(tally.count(Derived::Complete), 2);
        assert_eq!(tally.count(Derived::NoUpdateSinceDeadline), 1);
        assert_eq!(tally.count(Derived::Overdue), 0);
        assert_eq!(tally.count(Derived::Ongoing), 1);
        assert_eq!(tally.count(Derived::AtRisk), 1);
        assert_eq!(
            tally.levels().collect::<Vec<_>>(),
            [
                (Derived::Complete, 2),
                (Derived::Ongoing, 1),
                (Derived::AtRisk, 1),
                (Derived::NoUpdateSinceDeadline, 1)
            ]
        );
        // After the school year ends, the unreported termly measure has had no update either;
        // nothing recorded is never counted as overdue.
        let later = Tally::of(&measure_rows(&plan, day(2023, 9, 1)));
        assert_eq!(later.count(Derived::NoUpdateSinceDeadline), 2);
        assert_eq!(later.count(Derived::Overdue), 0);
        // The at-risk measure stays at risk after its deadline, as reported.
        assert_eq!(
            Tally::of(&measure_rows(&plan, day(2031, 1, 1))).count(Derived::AtRisk),
            1
        );
        let first_workstream: Vec<_> = rows.iter().filter(|r| r.workstream.id == "1").collect();
        assert_eq!(Tally::of(first_workstream).total(), 3);
    }
}
