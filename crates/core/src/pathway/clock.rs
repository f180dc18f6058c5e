//! The statutory clock: the dates a family can hold the council to, from the day they asked.
//!
//! Every duration comes from the feed's milestones (`weeks`, `days`); nothing here knows that an
//! EHC plan takes 20 weeks. Weeks and days are exact (7 and 1 calendar days), so month ends and
//! leap years need no special case, and chrono's checked arithmetic keeps absurd values safe.

use crate::feed::{Clock, Milestone};
use chrono::{Days, NaiveDate};

/// One milestone as a date.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneDate<'a> {
    pub milestone: &'a Milestone,
    /// The last day the milestone is due on.
    pub due: NaiveDate,
    /// The week of the clock it falls in (week 1 is the first seven days).
    pub week: u32,
    /// The due date has passed (today is after it).
    pub overdue: bool,
}

/// The clock for one family: their start date, today's place on it, every milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockRun<'a> {
    pub start: NaiveDate,
    pub today: NaiveDate,
    /// The clock's length in whole weeks: its longest milestone, rounded up.
    pub total_weeks: u32,
    /// Which week today is in, counting the start date's week as week 1; `None` before the start.
    pub current_week: Option<u32>,
    /// In date order (feed order when two fall on the same day). Milestones whose date cannot
    /// be computed (no duration, or beyond the calendar) are left out.
    pub milestones: Vec<MilestoneDate<'a>>,
}

/// How many days after the start a milestone falls, if it has a duration.
pub fn offset_days(milestone: &Milestone) -> Option<u64> {
    if milestone.weeks.is_none() && milestone.days.is_none() {
        return None;
    }
    let weeks = u64::from(milestone.weeks.unwrap_or(0));
    let days = u64::from(milestone.days.unwrap_or(0));
    weeks.checked_mul(7)?.checked_add(days)
}

/// The date `offset` days after `start`, if the calendar reaches it.
pub fn add_days(start: NaiveDate, offset: u64) -> Option<NaiveDate> {
    start.checked_add_days(Days::new(offset))
}

/// The week of the clock a day falls in: days 0 to 6 after the start are week 1.
pub fn week_of(start: NaiveDate, day: NaiveDate) -> Option<u32> {
    let elapsed = (day - start).num_days();
    (elapsed >= 0).then(|| u32::try_from(elapsed / 7 + 1).unwrap_or(u32::MAX))
}

/// Runs the clock from `start` as of `today`.
pub fn run(clock: &Clock, start: NaiveDate, today: NaiveDate) -> ClockRun<'_> {
    let mut milestones: Vec<MilestoneDate> = clock
        .milestones
        .iter()
        .filter_map(|milestone| {
            let offset = offset_days(milestone)?;
            let due = add_days(start, offset)?;
            Some(MilestoneDate {
                milestone,
                due,
                week: u32::try_from(offset.div_ceil(7).max(1)).unwrap_or(u32::MAX),
                overdue: today > due,
            })
        })
        .collect();
    crate::order::by_key(&mut milestones, |m| m.due);
    let longest = clock
        .milestones
        .iter()
        .filter_map(offset_days)
        .max()
        .unwrap_or(0);
    ClockRun {
        start,
        today,
        total_weeks: u32::try_from(longest.div_ceil(7)).unwrap_or(u32::MAX),
        current_week: week_of(start, today),
        milestones,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn milestone(id: &str, weeks: Option<u32>, days: Option<u32>) -> Milestone {
        Milestone {
            id: id.into(),
            title: Text::from(id),
            weeks,
            days,
            step: None,
            if_missed: None,
            source: None,
        }
    }

    fn ehc_clock() -> Clock {
        Clock {
            start: Text::from("The date you asked"),
            milestones: vec![
                milestone("final", Some(20), None),
                milestone("decision", Some(6), None),
                milestone("respond", Some(16), Some(15)),
                milestone("draft", Some(16), None),
            ],
        }
    }

    fn date(text: &str) -> NaiveDate {
        crate::date::parse_day(text).unwrap()
    }

    fn dues(run: &ClockRun) -> Vec<(String, String)> {
        run.milestones
            .iter()
            .map(|m| (m.milestone.id.clone(), m.due.to_string()))
            .collect()
    }

    #[test]
    fn milestones_are_dated_from_the_feed_durations_in_date_order() {
        let clock = ehc_clock();
        let run = run(&clock, date("2024-09-02"), date("2024-09-02"));
        assert_eq!(
            dues(&run),
            [
                ("decision".into(), "2024-10-14".into()),
                ("draft".into(), "2024-12-23".into()),
                ("respond".into(), "2025-01-07".into()),
                ("final".into(), "2025-01-20".into()),
            ]
        );
        assert_eq!(run.total_weeks, 20);
        assert_eq!(run.current_week, Some(1));
        assert!(run.milestones.iter().all(|m| !m.overdue));
    }

    #[test]
    fn a_different_duration_in_the_feed_gives_a_different_date() {
        let mut clock = ehc_clock();
        clock.milestones[0].weeks = Some(18);
        let run = run(&clock, date("2024-09-02"), date("2024-09-02"));
        let last = run
            .milestones
            .iter()
            .find(|m| m.milestone.id == "final")
            .unwrap();
        assert_eq!(last.due, date("2025-01-06"));
        // The clock now ends with the right to respond: 16 weeks and 15 days, in week 19.
        assert_eq!(run.total_weeks, 19);
    }

    #[test]
    fn month_ends_and_leap_years_count_exact_days() {
        // 31 January + 4 weeks is 28 February in a common year and in a leap year...
        assert_eq!(add_days(date("2023-01-31"), 28), Some(date("2023-02-28")));
        assert_eq!(add_days(date("2024-01-31"), 28), Some(date("2024-02-28")));
        // ...and 29 February exists only in a leap year.
        assert_eq!(add_days(date("2024-02-08"), 21), Some(date("2024-02-29")));
        assert_eq!(add_days(date("2023-02-08"), 21), Some(date("2023-03-01")));
        // 20 weeks across the end of February: 140 days, leap day included.
        let clock = ehc_clock();
        let leap = run(&clock, date("2023-12-31"), date("2024-01-01"));
        assert_eq!(leap.milestones.last().unwrap().due, date("2024-05-19"));
        let common = run(&clock, date("2022-12-31"), date("2023-01-01"));
        assert_eq!(common.milestones.last().unwrap().due, date("2023-05-20"));
        // A request on 29 February.
        let from_leap_day = run(&clock, date("2024-02-29"), date("2024-02-29"));
        assert_eq!(from_leap_day.milestones[0].due, date("2024-04-11"));
    }

    #[test]
    fn weeks_count_from_one_and_overdue_starts_the_day_after() {
        let clock = ehc_clock();
        let start = date("2024-03-01");
        assert_eq!(week_of(start, date("2024-03-07")), Some(1));
        assert_eq!(week_of(start, date("2024-03-08")), Some(2));
        assert_eq!(week_of(start, date("2024-02-29")), None);
        let decision = |today| run(&clock, start, date(today)).milestones[0].overdue;
        // Decision due 12 April 2024 (6 weeks).
        assert!(!decision("2024-04-12"));
        assert!(decision("2024-04-13"));
        let late = run(&clock, start, date("2024-08-01"));
        assert_eq!(late.current_week, Some(22));
        assert!(late.milestones.iter().all(|m| m.overdue));
    }

    #[test]
    fn milestones_without_a_duration_or_beyond_the_calendar_are_left_out() {
        let clock = Clock {
            start: Text::from("start"),
            milestones: vec![
                milestone("none", None, None),
                milestone("huge", Some(u32::MAX), Some(u32::MAX)),
                milestone("days", None, Some(15)),
            ],
        };
        let run = run(&clock, date("2024-01-01"), date("2024-01-01"));
        assert_eq!(dues(&run), [("days".into(), "2024-01-16".into())]);
        assert_eq!(run.milestones[0].week, 3);
    }
}
