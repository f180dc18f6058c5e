//! The status a family sees for a measure, computed from what the officer recorded, the
//! deadline as written and "today". Overdue and stale are never typed in; they are derived here
//! so every widget and the validator agree.
//!
//! The rules, in order (the officer guide, `www/docs/feed-format.md`, says the same in words):
//!
//! | recorded | deadline not passed | deadline passed |
//! | --- | --- | --- |
//! | `complete`, or the deadline says "(complete)" | Complete | Complete |
//! | `at_risk` / `off_track` | as recorded | as recorded, "deadline passed" said in words |
//! | `on_track` / `not_started` / `ongoing` | as recorded | Overdue (the report no longer fits the date) |
//! | nothing, a cadence | Ongoing | No update since the deadline |
//! | nothing | Not reported yet | No update since the deadline |
//!
//! A missing report is shown as missing, never as a failure: the plan published nothing, so
//! the widgets cannot say it is late, only that nothing was said after its deadline.

use crate::date::PartialDate;
use crate::deadline::{parse_deadline, Deadline};
use crate::feed::{Measure, Status};
use chrono::{Months, NaiveDate};

/// What a measure's status is today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Derived {
    Complete,
    OnTrack,
    Ongoing,
    NotStarted,
    AtRisk,
    OffTrack,
    /// The deadline has passed and the last status recorded (on track, not started or
    /// ongoing) no longer fits the date.
    Overdue,
    /// The deadline has passed and no status was ever recorded: no update was published.
    NoUpdateSinceDeadline,
    /// Nothing recorded, and not yet due.
    NotReported,
}

/// A measure's derived status, and since when its recorded status has gone without update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeasureStatus {
    pub status: Derived,
    /// Set when the recorded status is more than [`STALE_AFTER_MONTHS`] old.
    pub stale_since: Option<PartialDate>,
    /// The deadline has passed and the measure is not complete. Families read it in words
    /// beside a status the council reported (at risk, off track) that is kept as reported.
    pub deadline_passed: bool,
}

/// A status older than this is flagged "not updated since".
pub const STALE_AFTER_MONTHS: u32 = 3;

/// True when `date` is more than three months before `today`.
pub fn is_stale(date: PartialDate, today: NaiveDate) -> bool {
    last_day(date)
        .checked_add_months(Months::new(STALE_AFTER_MONTHS))
        .is_some_and(|fresh_until| today > fresh_until)
}

/// The last day a partial date could mean (a status "2024-02" was true until 29 February).
fn last_day(date: PartialDate) -> NaiveDate {
    match date {
        PartialDate::Day(d) => d,
        PartialDate::Month(..) | PartialDate::Year(_) => {
            let months = if matches!(date, PartialDate::Year(_)) {
                12
            } else {
                1
            };
            date.first_day()
                .checked_add_months(Months::new(months))
                .and_then(|d| d.pred_opt())
                .unwrap_or(NaiveDate::MAX)
        }
    }
}

pub fn derive_status(measure: &Measure, today: NaiveDate) -> MeasureStatus {
    let deadline = parse_deadline(&measure.deadline).ok();
    let complete = measure.status == Some(Status::Complete)
        || deadline.as_ref().is_some_and(Deadline::marked_complete);
    let passed = deadline
        .as_ref()
        .and_then(Deadline::due)
        .is_some_and(|due| today > due);
    let status = if complete {
        Derived::Complete
    } else {
        match (measure.status, passed) {
            (Some(Status::AtRisk), _) => Derived::AtRisk,
            (Some(Status::OffTrack), _) => Derived::OffTrack,
            (Some(Status::OnTrack | Status::NotStarted | Status::Ongoing), true) => {
                Derived::Overdue
            }
            (None, true) => Derived::NoUpdateSinceDeadline,
            (Some(Status::OnTrack), false) => Derived::OnTrack,
            (Some(Status::NotStarted), false) => Derived::NotStarted,
            (Some(Status::Ongoing), false) => Derived::Ongoing,
            (Some(Status::Complete), _) => Derived::Complete,
            (None, false) if matches!(deadline, Some(Deadline::Recurring { .. })) => {
                Derived::Ongoing
            }
            (None, false) => Derived::NotReported,
        }
    };
    let stale_since = match (status, measure.status_date) {
        (Derived::Complete, _) => None,
        (_, Some(date)) if is_stale(date, today) => Some(date),
        _ => None,
    };
    MeasureStatus {
        status,
        stale_since,
        deadline_passed: passed && !complete,
    }
}

/// True when the checker should ask for an update: the deadline has passed, the measure is
/// not complete, and no status other than `on_track` or `not_started` has been recorded with a
/// date after the deadline. Such a later report (at risk, off track, ongoing) is the council's
/// word on what happened, so the warning goes; the family still sees the status the rules give.
pub fn update_due_after_deadline(measure: &Measure, today: NaiveDate) -> bool {
    let Some(due) = parse_deadline(&measure.deadline).ok().and_then(|deadline| {
        (!deadline.marked_complete())
            .then(|| deadline.due())
            .flatten()
    }) else {
        return false;
    };
    if today <= due {
        return false;
    }
    let reported_after = measure
        .status_date
        .is_some_and(|date| date.first_day() > due);
    match measure.status {
        Some(Status::Complete) => false,
        Some(Status::AtRisk | Status::OffTrack | Status::Ongoing) => !reported_after,
        Some(Status::OnTrack | Status::NotStarted) | None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn measure(deadline: &str, status: Option<Status>, status_date: Option<&str>) -> Measure {
        Measure {
            text: Text::from("x"),
            deadline: deadline.into(),
            status,
            evidence: None,
            status_date: status_date.map(|d| PartialDate::parse(d).unwrap()),
        }
    }

    fn on(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn deadlines_pass_at_the_end_of_their_month() {
        let m = measure("January 2022", Some(Status::OnTrack), None);
        assert_eq!(derive_status(&m, on(2022, 1, 31)).status, Derived::OnTrack);
        assert_eq!(derive_status(&m, on(2022, 2, 1)).status, Derived::Overdue);
    }

    #[test]
    fn complete_wins_whether_recorded_or_written() {
        let written = measure("July 2021 (complete)", None, None);
        assert_eq!(
            derive_status(&written, on(2030, 1, 1)).status,
            Derived::Complete
        );
        let recorded = measure("July 2021", Some(Status::Complete), Some("2021-01"));
        let derived = derive_status(&recorded, on(2030, 1, 1));
        assert_eq!(
            derived,
            MeasureStatus {
                status: Derived::Complete,
                stale_since: None,
                deadline_passed: false,
            }
        );
    }

    #[test]
    fn every_recorded_status_before_the_deadline() {
        let today = on(2022, 6, 1);
        for (status, derived) in [
            (Some(Status::NotStarted), Derived::NotStarted),
            (Some(Status::OnTrack), Derived::OnTrack),
            (Some(Status::AtRisk), Derived::AtRisk),
            (Some(Status::OffTrack), Derived::OffTrack),
            (Some(Status::Ongoing), Derived::Ongoing),
            (None, Derived::NotReported),
        ] {
            let m = measure("December 2022", status, None);
            assert_eq!(derive_status(&m, today).status, derived, "{status:?}");
            assert!(!derive_status(&m, today).deadline_passed);
        }
    }

    #[test]
    fn after_the_deadline_reports_are_kept_and_silence_is_not_called_failure() {
        let later = on(2023, 1, 1);
        for (status, derived) in [
            (Some(Status::AtRisk), Derived::AtRisk),
            (Some(Status::OffTrack), Derived::OffTrack),
            (Some(Status::OnTrack), Derived::Overdue),
            (Some(Status::NotStarted), Derived::Overdue),
            (Some(Status::Ongoing), Derived::Overdue),
            (None, Derived::NoUpdateSinceDeadline),
        ] {
            let m = measure("December 2022", status, None);
            let after = derive_status(&m, later);
            assert_eq!(after.status, derived, "{status:?}");
            assert!(after.deadline_passed, "{status:?}");
        }
        let done = measure("December 2022", Some(Status::Complete), None);
        assert!(!derive_status(&done, later).deadline_passed);
    }

    #[test]
    fn the_checker_asks_for_an_update_until_a_later_report_is_recorded() {
        let today = on(2023, 6, 1);
        let due = |status, date| {
            update_due_after_deadline(&measure("December 2022", status, date), today)
        };
        // Before the deadline, never.
        assert!(!update_due_after_deadline(
            &measure("December 2030", None, None),
            today
        ));
        assert!(due(None, None));
        for status in [Status::AtRisk, Status::OffTrack, Status::Ongoing] {
            assert!(due(Some(status), None), "{status:?} with no date");
            assert!(
                due(Some(status), Some("2022-12")),
                "{status:?} in the due month"
            );
            assert!(
                due(Some(status), Some("2022-12-31")),
                "{status:?} on the due day"
            );
            assert!(!due(Some(status), Some("2023-01")), "{status:?} after");
            assert!(!due(Some(status), Some("2023-01-01")), "{status:?} after");
        }
        for status in [Status::OnTrack, Status::NotStarted] {
            assert!(due(Some(status), Some("2023-01")), "{status:?} after");
        }
        assert!(!due(Some(Status::Complete), None));
        assert!(!update_due_after_deadline(
            &measure("July 2021 (complete)", None, None),
            today
        ));
        // A cadence without an end is never past its deadline.
        assert!(!update_due_after_deadline(
            &measure("Bi-monthly from November 2021", None, None),
            today
        ));
    }

    #[test]
    fn cadences_are_ongoing_until_their_period_ends() {
        let termly = measure("Tracked termly 2022/23", None, None);
        assert_eq!(
            derive_status(&termly, on(2023, 8, 31)).status,
            Derived::Ongoing
        );
        assert_eq!(
            derive_status(&termly, on(2023, 9, 1)).status,
            Derived::NoUpdateSinceDeadline
        );
        let open_ended = measure("Monthly meetings in place", None, None);
        assert_eq!(
            derive_status(&open_ended, on(2040, 1, 1)).status,
            Derived::Ongoing
        );
    }

    #[test]
    fn unreadable_deadlines_fall_back_to_the_recorded_status() {
        let m = measure("when funding allows", Some(Status::AtRisk), None);
        assert_eq!(derive_status(&m, on(2030, 1, 1)).status, Derived::AtRisk);
    }

    #[test]
    fn statuses_go_stale_after_three_months() {
        let m = measure("December 2030", Some(Status::OnTrack), Some("2024-02"));
        // February 2024 ends on the 29th; three months later is 29 May.
        assert_eq!(derive_status(&m, on(2024, 5, 29)).stale_since, None);
        assert_eq!(
            derive_status(&m, on(2024, 5, 30)).stale_since,
            Some(PartialDate::Month(2024, 2))
        );
        let leap_day = measure("December 2030", Some(Status::OnTrack), Some("2024-02-29"));
        assert!(derive_status(&leap_day, on(2024, 5, 30))
            .stale_since
            .is_some());
        assert!(derive_status(&leap_day, on(2024, 5, 29))
            .stale_since
            .is_none());
    }
}
