//! A line chart of an indicator, as numbers: scales, ticks and point positions in an SVG
//! coordinate box.
//!
//! The geometry is decided here, natively tested, so the SVG renderer only writes elements
//! and a chart's axes can be checked without a browser. Values start from zero when they are
//! all positive, so a fall from 346 to 330 does not look like a collapse.

use super::indicator::period_key;
use crate::feed::Indicator;

/// The SVG box. Narrow on purpose: at 320 px the chart is scaled down, and labels must stay
/// readable.
pub const WIDTH: f64 = 400.0;
pub const HEIGHT: f64 = 260.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 44.0;

/// A linear map from data values to SVG coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Scale {
    pub fn at(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Tick values from `lo` to at least `hi` in steps of 1, 2 or 5 times a power of ten, about
/// `count` of them. Returns the ticks; the first is the axis minimum, the last its maximum.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = if hi > lo { (lo, hi) } else { (lo, lo + 1.0) };
    let raw = (hi - lo) / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).floor() * step;
    let steps = ((hi - first) / step - 1e-9).ceil().max(1.0) as usize;
    // Rounded so 0.1 + 0.2 prints as 0.3 in the labels.
    (0..=steps)
        .map(|i| ((first + i as f64 * step) * 1e6).round() / 1e6)
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub x: Scale,
    pub y: Scale,
    /// Value ticks with their SVG y.
    pub y_ticks: Vec<(f64, f64)>,
    /// Year ticks (at January) with their SVG x.
    pub x_ticks: Vec<(i32, f64)>,
    pub actual: Vec<(f64, f64)>,
    pub planned: Vec<(f64, f64)>,
    pub baseline: Option<(f64, f64)>,
    /// The target value as a line across the plot, and its deadline as a point when known.
    pub target_y: Option<f64>,
    pub target_point: Option<(f64, f64)>,
    pub comparator_y: Option<f64>,
}

/// The chart for an indicator, or `None` when it has fewer than two figures in time (a
/// target alone is better said in words).
pub fn chart(indicator: &Indicator) -> Option<Chart> {
    let target = indicator.target.as_ref();
    let mut timed: Vec<(f64, f64)> = indicator
        .actual
        .iter()
        .chain(&indicator.trajectory)
        .chain(&indicator.baseline)
        .map(|p| (period_key(p.period), p.value))
        .collect();
    let target_point = target.and_then(|t| t.value.zip(t.by));
    timed.extend(target_point.map(|(value, by)| (period_key(by), value)));
    if timed.len() < 2 {
        return None;
    }
    let mut values: Vec<f64> = timed.iter().map(|&(_, v)| v).collect();
    values.extend(target.and_then(|t| t.value));
    values.extend(indicator.comparator.as_ref().map(|c| c.value));
    let min = values
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min)
        .min(0.0);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let ticks = nice_ticks(min, max, 4);
    let (first, last) = (ticks[0], ticks[ticks.len() - 1]);
    let y = Scale {
        domain: (first, last),
        range: (HEIGHT - BOTTOM, TOP),
    };
    let t0 = timed.iter().map(|&(t, _)| t).fold(f64::INFINITY, f64::min);
    let t1 = timed
        .iter()
        .map(|&(t, _)| t)
        .fold(f64::NEG_INFINITY, f64::max);
    // A little room either side, so points never sit on the axis.
    let pad = ((t1 - t0) * 0.04).max(1.0);
    let x = Scale {
        domain: (t0 - pad, t1 + pad),
        range: (LEFT, WIDTH - RIGHT),
    };
    let year_from = (t0 / 12.0).ceil() as i32;
    let year_to = (t1 / 12.0).floor() as i32;
    let every = ((year_to - year_from) / 5 + 1).max(1);
    let mut x_ticks: Vec<(i32, f64)> = (year_from..=year_to)
        .step_by(every as usize)
        .map(|year| (year, x.at(f64::from(year) * 12.0)))
        .collect();
    if x_ticks.is_empty() {
        // Figures within one calendar year: name that year at the first figure.
        x_ticks.push(((t0 / 12.0).floor() as i32, x.at(t0)));
    }
    let place = |points: &[crate::feed::Point]| -> Vec<(f64, f64)> {
        let mut placed: Vec<(f64, f64)> = points
            .iter()
            .map(|p| (period_key(p.period), p.value))
            .collect();
        crate::order::by_key(&mut placed, |point| point.0);
        placed
            .into_iter()
            .map(|(t, v)| (x.at(t), y.at(v)))
            .collect()
    };
    Some(Chart {
        y_ticks: ticks.iter().map(|&v| (v, y.at(v))).collect(),
        x_ticks,
        actual: place(&indicator.actual),
        planned: place(&indicator.trajectory),
        baseline: indicator
            .baseline
            .as_ref()
            .map(|b| (x.at(period_key(b.period)), y.at(b.value))),
        target_y: target.and_then(|t| t.value).map(|v| y.at(v)),
        target_point: target_point.map(|(v, by)| (x.at(period_key(by)), y.at(v))),
        comparator_y: indicator.comparator.as_ref().map(|c| y.at(c.value)),
        x,
        y,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracker::indicator::tests::indicator;

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        assert_eq!(nice_ticks(0.0, 346.0, 4), [0.0, 100.0, 200.0, 300.0, 400.0]);
        assert_eq!(nice_ticks(0.0, 90.0, 4), [0.0, 50.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 100.0, 4), [0.0, 50.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 4.8, 4), [0.0, 2.0, 4.0, 6.0]);
        assert_eq!(
            nice_ticks(0.0, 16600.0, 4),
            [0.0, 5000.0, 10000.0, 15000.0, 20000.0]
        );
        assert_eq!(nice_ticks(0.0, 0.3, 3), [0.0, 0.1, 0.2, 0.3]);
        // Flat data still gets an axis.
        assert!(nice_ticks(5.0, 5.0, 4).len() >= 2);
    }

    #[test]
    fn scales_map_the_domain_onto_the_box_with_y_upwards() {
        let y = Scale {
            domain: (0.0, 400.0),
            range: (HEIGHT - BOTTOM, TOP),
        };
        assert_eq!(y.at(0.0), HEIGHT - BOTTOM);
        assert_eq!(y.at(400.0), TOP);
        assert_eq!(y.at(200.0), (HEIGHT - BOTTOM + TOP) / 2.0);
    }

    #[test]
    fn the_chart_places_every_series_inside_the_plot() {
        let chart = chart(&indicator()).unwrap();
        assert_eq!(chart.y.domain, (0.0, 300.0));
        assert_eq!(chart.actual.len(), 2);
        // Sorted by time although the feed lists December before June.
        assert!(chart.actual[0].0 < chart.actual[1].0);
        // 280 waiting is higher on the page (smaller y) than 250.
        assert!(chart.actual[0].1 < chart.actual[1].1);
        for &(x, y) in chart
            .actual
            .iter()
            .chain(&chart.planned)
            .chain(&chart.baseline)
        {
            assert!((LEFT..=WIDTH - RIGHT).contains(&x), "{x}");
            assert!((TOP..=HEIGHT - BOTTOM).contains(&y), "{y}");
        }
        let years: Vec<i32> = chart.x_ticks.iter().map(|&(y, _)| y).collect();
        assert_eq!(years, [2022, 2023]);
        assert_eq!(chart.target_y, Some(chart.y.at(150.0)));
    }

    #[test]
    fn a_lone_target_is_not_a_chart_and_missing_parts_are_not_zero() {
        let mut only_target = indicator();
        only_target.actual.clear();
        only_target.trajectory.clear();
        only_target.baseline = None;
        assert!(chart(&only_target).is_none());
        let mut no_actuals = indicator();
        no_actuals.actual.clear();
        let chart = chart(&no_actuals).unwrap();
        assert!(chart.actual.is_empty());
        assert_eq!(chart.planned.len(), 2);
    }
}
