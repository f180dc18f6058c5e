//! The status a family sees for a measure, computed from what the officer recorded, the
//! deadline as written and "today". Overdue and stale are never typed in; they are derived here
//! so every widget and the validator agree.

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
    /// The deadline has passed and the measure is not complete.
    Overdue,
    /// Nothing recorded, and not yet due.
    NotReported,
}

/// A measure's derived status, and since when its recorded status has gone without update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeasureStatus {
    pub status: Derived,
    /// Set when the recorded status is more than [`STALE_AFTER_MONTHS`] old.
    pub stale_since: Option<PartialDate>,
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
    let status = if complete {
        Derived::Complete
    } else if deadline
        .as_ref()
        .and_then(Deadline::due)
        .is_some_and(|due| today > due)
    {
        Derived::Overdue
    } else {
        match (measure.status, &deadline) {
            (Some(Status::OnTrack), _) => Derived::OnTrack,
            (Some(Status::AtRisk), _) => Derived::AtRisk,
            (Some(Status::OffTrack), _) => Derived::OffTrack,
            (Some(Status::NotStarted), _) => Derived::NotStarted,
            (Some(Status::Ongoing), _) | (None, Some(Deadline::Recurring { .. })) => {
                Derived::Ongoing
            }
            (Some(Status::Complete), _) => Derived::Complete,
            (None, _) => Derived::NotReported,
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
                stale_since: None
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
            // ...and every one of them is overdue once the deadline has passed.
            assert_eq!(derive_status(&m, on(2023, 1, 1)).status, Derived::Overdue);
        }
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
            Derived::Overdue
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
