//! An indicator read as a family would ask about it: where is it now, where did the plan say
//! it would be by then, and where should it end up?
//!
//! Most indicators in real plans have a target and a planned path but few published actual
//! figures. Every part here is optional, so the words and the chart say what is known and
//! never show a missing figure as zero.

use crate::date::PartialDate;
use crate::feed::{Indicator, Point};
use crate::text::Text;

/// What the words about an indicator need.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorFacts<'a> {
    /// The most recent actual figure.
    pub latest: Option<&'a Point>,
    /// The planned figure for the same period as `latest`, when the plan gives one.
    pub planned_then: Option<&'a Point>,
    /// The last point of the planned path.
    pub planned_end: Option<&'a Point>,
}

/// Sorting key for periods: a year sorts as its middle, since it covers the whole year.
pub fn period_key(period: PartialDate) -> f64 {
    match period {
        PartialDate::Year(y) => f64::from(y) * 12.0 + 5.5,
        PartialDate::Month(y, m) => f64::from(y) * 12.0 + f64::from(m) - 1.0,
        PartialDate::Day(d) => {
            use chrono::Datelike;
            f64::from(d.year()) * 12.0 + f64::from(d.month()) - 1.0 + f64::from(d.day() - 1) / 31.0
        }
    }
}

/// The latest figure of a series: the one for the latest period, wherever it is in the list (a
/// feed need not list figures in order). Equal periods: the one listed last. The one rule both
/// widgets use, so the pathway's words and the tracker's card name the same figure.
pub fn latest(points: &[Point]) -> Option<&Point> {
    points
        .iter()
        .max_by(|a, b| period_key(a.period).total_cmp(&period_key(b.period)))
}

/// Whether an indicator has any figure to show, actual or planned. One without is listed with
/// the others like it in one short list, not drawn as a card of its own that says so.
pub fn has_figures(indicator: &Indicator) -> bool {
    !indicator.actual.is_empty() || !indicator.trajectory.is_empty()
}

pub fn facts(indicator: &Indicator) -> IndicatorFacts<'_> {
    let latest_actual = latest(&indicator.actual);
    IndicatorFacts {
        latest: latest_actual,
        planned_then: latest_actual.and_then(|actual| {
            indicator
                .trajectory
                .iter()
                .find(|planned| planned.period == actual.period)
        }),
        planned_end: latest(&indicator.trajectory),
    }
}

/// One row of the table that carries a chart's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow<'a> {
    pub period: PartialDate,
    pub actual: Option<f64>,
    pub planned: Option<f64>,
    pub target: Option<f64>,
    /// The row holds the starting point (baseline) in its actual column.
    pub starting_point: bool,
    pub note: Option<&'a Text>,
}

/// Every figure of an indicator by period, in time order: actual, planned and target in
/// columns, so a screen reader user gets everything the chart shows.
pub fn figure_rows(indicator: &Indicator) -> Vec<FigureRow<'_>> {
    let mut rows: Vec<FigureRow> = Vec::new();
    if let Some(baseline) = &indicator.baseline {
        let row = row_for(&mut rows, baseline.period);
        row.actual = Some(baseline.value);
        row.starting_point = true;
        row.note = baseline.note.as_ref();
    }
    for point in &indicator.trajectory {
        row_for(&mut rows, point.period).planned = Some(point.value);
    }
    for point in &indicator.actual {
        let row = row_for(&mut rows, point.period);
        row.actual = Some(point.value);
        row.starting_point = false;
        row.note = point.note.as_ref().or(row.note);
    }
    if let Some((value, by)) = indicator.target.as_ref().and_then(|t| t.value.zip(t.by)) {
        row_for(&mut rows, by).target = Some(value);
    }
    crate::order::by_key(&mut rows, |row| period_key(row.period));
    rows
}

fn row_for<'r, 'a>(rows: &'r mut Vec<FigureRow<'a>>, period: PartialDate) -> &'r mut FigureRow<'a> {
    let index = match rows.iter().position(|r| r.period == period) {
        Some(index) => index,
        None => {
            rows.push(FigureRow {
                period,
                actual: None,
                planned: None,
                target: None,
                starting_point: false,
                note: None,
            });
            rows.len() - 1
        }
    };
    &mut rows[index]
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::feed::{Better, Target, Unit};

    fn point(period: &str, value: f64) -> Point {
        Point {
            period: PartialDate::parse(period).unwrap(),
            value,
            note: None,
        }
    }

    pub(crate) fn indicator() -> Indicator {
        Indicator {
            id: "wait".into(),
            title: Text::from("Children waiting"),
            description: None,
            unit: Unit::Number,
            better: Better::Lower,
            baseline: Some(point("2021", 300.0)),
            target: Some(Target {
                text: Text::from("under 150"),
                value: Some(150.0),
                by: Some(PartialDate::Month(2023, 12)),
            }),
            trajectory: vec![point("2022-12", 247.0), point("2023-12", 139.0)],
            actual: vec![point("2022-12", 250.0), point("2022-06", 280.0)],
            comparator: None,
            source: Text::from("WSoA"),
            actions: vec![],
        }
    }

    #[test]
    fn latest_actual_is_compared_with_the_plan_for_the_same_period() {
        let indicator = indicator();
        let facts = facts(&indicator);
        assert_eq!(facts.latest.map(|p| p.value), Some(250.0));
        assert_eq!(facts.planned_then.map(|p| p.value), Some(247.0));
        assert_eq!(facts.planned_end.map(|p| p.value), Some(139.0));
        let mut no_actuals = indicator.clone();
        no_actuals.actual.clear();
        let facts = super::facts(&no_actuals);
        assert!(facts.latest.is_none() && facts.planned_then.is_none());
    }

    #[test]
    fn figure_rows_merge_by_period_in_time_order_and_leave_gaps_empty() {
        let indicator = indicator();
        let rows = figure_rows(&indicator);
        let periods: Vec<String> = rows.iter().map(|r| r.period.to_string()).collect();
        assert_eq!(periods, ["2021", "2022-06", "2022-12", "2023-12"]);
        assert_eq!(
            (rows[0].actual, rows[0].starting_point),
            (Some(300.0), true)
        );
        assert_eq!((rows[1].actual, rows[1].planned), (Some(280.0), None));
        assert_eq!(
            (rows[2].actual, rows[2].planned),
            (Some(250.0), Some(247.0))
        );
        assert_eq!(
            (rows[3].actual, rows[3].planned, rows[3].target),
            (None, Some(139.0), Some(150.0))
        );
    }
}
