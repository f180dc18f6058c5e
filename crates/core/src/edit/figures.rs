//! The figures screen: each indicator's actual figures as the editor lists them, and the rules
//! for a new figure (a readable period and number, no second figure for one period, a warning
//! for a period in the future).

use crate::date::PartialDate;
use crate::edit::form::{read_date, read_figure, DateFields, DatePart};
use crate::feed::{Feed, Indicator, Point, Unit};
use crate::i18n::format_date;
use crate::render::common::format_value;
use crate::text::Text;
use crate::Lang;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRow {
    pub index: usize,
    /// "March 2024"
    pub period: String,
    /// As typed in the box: `210`, `45.5`.
    pub value: String,
    pub note: String,
    /// The note in each of the feed's languages, in its order.
    pub note_in: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorFigures {
    pub id: String,
    pub title: String,
    pub percent: bool,
    pub figures: Vec<FigureRow>,
}

fn words(feed: &Feed, text: &Text) -> String {
    text.get(feed.default_lang(), feed.default_lang())
        .text
        .to_owned()
}

/// A figure's value as the box shows it: no grouping, no unit, whole numbers without `.0`.
pub fn value_text(value: f64) -> String {
    format!("{value}")
}

pub fn indicator_figures(feed: &Feed) -> Vec<IndicatorFigures> {
    feed.indicators
        .iter()
        .map(|indicator| IndicatorFigures {
            id: indicator.id.clone(),
            title: words(feed, &indicator.title),
            percent: indicator.unit == Unit::Percent,
            figures: indicator
                .actual
                .iter()
                .enumerate()
                .map(|(index, point)| FigureRow {
                    index,
                    period: format_date(point.period, Lang::En),
                    value: value_text(point.value),
                    note: point
                        .note
                        .as_ref()
                        .map(|n| words(feed, n))
                        .unwrap_or_default(),
                    note_in: crate::edit::languages::in_each(feed, point.note.as_ref()),
                })
                .collect(),
        })
        .collect()
}

/// What was typed for a new figure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewFigure {
    pub period: DateFields,
    pub value: String,
    pub note: String,
}

/// A problem with a new figure, at the box to fix: `period-day`, `period-month`,
/// `period-year`, or `value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureProblem {
    pub part: &'static str,
    pub message: String,
}

/// The new figure as a point, and warnings that do not stop it (a period in the future).
pub fn read_new_figure(
    indicator: &Indicator,
    typed: &NewFigure,
    lang: &str,
    today: NaiveDate,
) -> Result<(Point, Vec<String>), FigureProblem> {
    let period = read_date(&typed.period, "The period")
        .map_err(|problem| FigureProblem {
            part: match problem.part {
                DatePart::Day => "period-day",
                DatePart::Month => "period-month",
                DatePart::Year => "period-year",
            },
            message: problem.message,
        })?
        .ok_or_else(|| FigureProblem {
            part: "period-month",
            message: "Enter the period the figure is for: a month and year, for example 3 2024"
                .to_owned(),
        })?;
    if let Some(same) = indicator.actual.iter().find(|p| p.period == period) {
        return Err(FigureProblem {
            part: "period-month",
            message: format!(
                "There is already a figure for {} ({}): change that one in the list instead",
                format_date(period, Lang::En),
                format_value(same.value, indicator.unit)
            ),
        });
    }
    let value = read_figure(&typed.value, indicator.unit == Unit::Percent, "The figure").map_err(
        |message| FigureProblem {
            part: "value",
            message,
        },
    )?;
    let mut warnings = Vec::new();
    if period.first_day() > today {
        warnings.push(format!(
            "{} is in the future: check the period, as families will read it as a figure already measured",
            format_date(period, Lang::En)
        ));
    }
    let note = crate::edit::set_text(None, lang, Some(&typed.note));
    Ok((
        Point {
            period,
            value,
            note,
        },
        warnings,
    ))
}

/// A period written as the feed writes it, for tests and messages.
pub fn period(text: &str) -> Option<PartialDate> {
    PartialDate::parse(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made-up test data.
    const FEED: &str = r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-11-01","languages":["en"],
      "indicators":[{"id":"wait","title":"Children waiting (made up)","unit":"number","better":"lower","source":"Made up",
        "actual":[{"period":"2024-01","value":200}]}]}"#;

    fn typed(month: &str, year: &str, value: &str) -> NewFigure {
        NewFigure {
            period: DateFields {
                day: String::new(),
                month: month.into(),
                year: year.into(),
            },
            value: value.into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_new_figure_is_read_or_refused_at_its_box() {
        let feed = crate::parse_feed(FEED).unwrap();
        let indicator = &feed.indicators[0];
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let (point, warnings) =
            read_new_figure(indicator, &typed("3", "2024", "2,100"), "en", today).unwrap();
        assert_eq!(point.period, period("2024-03").unwrap());
        assert_eq!(point.value, 2100.0);
        assert!(warnings.is_empty());
        let (_, warnings) =
            read_new_figure(indicator, &typed("3", "2027", "5"), "en", today).unwrap();
        assert!(warnings[0].starts_with("March 2027 is in the future"));
        let problem =
            read_new_figure(indicator, &typed("1", "2024", "5"), "en", today).unwrap_err();
        assert_eq!(problem.part, "period-month");
        assert!(problem
            .message
            .contains("already a figure for January 2024 (200)"));
        let problem =
            read_new_figure(indicator, &typed("3", "2024", "about 5"), "en", today).unwrap_err();
        assert_eq!(problem.part, "value");
        assert_eq!(
            read_new_figure(indicator, &typed("", "", "5"), "en", today)
                .unwrap_err()
                .part,
            "period-month"
        );
        let rows = indicator_figures(&feed);
        assert_eq!(rows[0].figures[0].period, "January 2024");
        assert_eq!(rows[0].figures[0].value, "200");
    }
}
