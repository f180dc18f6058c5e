//! Dates as council papers write them: a day, a month or a year.
//!
//! Indicator periods ("2022-01"), "You said, we did" entries ("2024-02") and status dates are
//! often known only to the month. Rather than inventing a day, the feed says exactly what is
//! known, and this type refuses dates that do not exist (2023-02-30) at parse time.

use chrono::{Datelike, NaiveDate};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl PartialDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, digits: usize| -> Option<u32> {
            (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let expected = || {
            format!("\"{text}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, for example 2022-01 or 2022-01-31")
        };
        match parts.as_slice() {
            [y] => number(y, 4)
                .map(|y| PartialDate::Year(y as i32))
                .ok_or_else(expected),
            [y, m] => {
                let (y, m) = number(y, 4).zip(number(m, 2)).ok_or_else(expected)?;
                if (1..=12).contains(&m) {
                    Ok(PartialDate::Month(y as i32, m))
                } else {
                    Err(format!(
                        "\"{text}\": there is no month {m}; months go from 01 to 12"
                    ))
                }
            }
            [y, m, d] => {
                let (y, m) = number(y, 4).zip(number(m, 2)).ok_or_else(expected)?;
                let d = number(d, 2).ok_or_else(expected)?;
                NaiveDate::from_ymd_opt(y as i32, m, d)
                    .map(PartialDate::Day)
                    .ok_or_else(|| format!("\"{text}\" does not exist in the calendar"))
            }
            _ => Err(expected()),
        }
    }

    /// The first day this date could mean: used to order and to compare with "today".
    pub fn first_day(self) -> NaiveDate {
        match self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            PartialDate::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            PartialDate::Day(d) => Some(d),
        }
        .unwrap_or(NaiveDate::MIN)
    }

    pub fn year(self) -> i32 {
        match self {
            PartialDate::Year(y) | PartialDate::Month(y, _) => y,
            PartialDate::Day(d) => d.year(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            // Not `d.format(..)`: chrono's format machinery was 20 kB of the widgets' wasm.
            PartialDate::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

/// A whole date, `YYYY-MM-DD`, read without chrono's format parser (see [`deserialize_day`]).
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    match PartialDate::parse(text) {
        Ok(PartialDate::Day(day)) => Some(day),
        _ => None,
    }
}

/// Reads a whole date for `#[serde(deserialize_with)]`. chrono's own `Deserialize` goes through
/// its general format parser, which the widgets' wasm would otherwise carry for this one field.
pub fn deserialize_day<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(deserializer)?;
    match PartialDate::parse(&text).map_err(de::Error::custom)? {
        PartialDate::Day(day) => Ok(day),
        _ => Err(de::Error::custom(format!(
            "\"{text}\" is not a whole date: write YYYY-MM-DD, for example 2024-05-01"
        ))),
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PartialDate::parse(&text).map_err(de::Error::custom)
    }
}

/// A day, `YYYY-MM-DD`, as a JSON Schema pattern: months 01 to 12 and days 01 to 31 (which day
/// a month has, such as 30 February, only the checker can tell).
pub const DAY_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// A year, a month or a day, as a JSON Schema pattern.
pub const PARTIAL_DATE_PATTERN: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

#[cfg(feature = "schema")]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "description": "A year (2023), a month (2023-01) or a day (2023-01-31).",
            "examples": ["2023", "2023-01", "2023-01-31"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_patterns_agree_with_the_reader_on_shapes() {
        let day = regex::Regex::new(DAY_PATTERN).unwrap();
        let partial = regex::Regex::new(PARTIAL_DATE_PATTERN).unwrap();
        // Every shape the patterns can tell apart; a day a month lacks (2023-02-30) only the
        // reader refuses.
        for text in [
            "2023",
            "2023-01",
            "2023-12-31",
            "2024-13-01",
            "2024-00",
            "2024-01-32",
            "2024-01-00",
            "23",
            "2023-1",
            "2023-01-1",
            "2023/01/31",
            " 2023",
            "",
        ] {
            assert_eq!(
                partial.is_match(text),
                PartialDate::parse(text).is_ok(),
                "{text:?}"
            );
            assert_eq!(day.is_match(text), parse_day(text).is_some(), "{text:?}");
        }
        assert!(partial.is_match("2023-02-30") && PartialDate::parse("2023-02-30").is_err());
    }

    #[test]
    fn reads_years_months_and_days() {
        assert_eq!(PartialDate::parse("2023"), Ok(PartialDate::Year(2023)));
        assert_eq!(
            PartialDate::parse("2022-01"),
            Ok(PartialDate::Month(2022, 1))
        );
        let day = PartialDate::parse("2024-02-29").map(PartialDate::first_day);
        assert_eq!(day, Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()));
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        assert!(PartialDate::parse("2023-02-29").is_err());
        assert!(PartialDate::parse("2022-13")
            .unwrap_err()
            .contains("no month 13"));
        assert!(PartialDate::parse("Jan 2022").is_err());
        assert!(PartialDate::parse("22-01").is_err());
    }

    #[test]
    fn whole_dates_are_read_without_chrono_formats() {
        assert_eq!(
            parse_day("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(parse_day("2024-02"), None);
        assert_eq!(parse_day("2023-02-29"), None);
        let day = |text: &str| deserialize_day(serde_json::Value::from(text));
        assert_eq!(day("2024-05-01").ok(), NaiveDate::from_ymd_opt(2024, 5, 1));
        assert!(day("2024-05")
            .unwrap_err()
            .to_string()
            .contains("whole date"));
    }

    #[test]
    fn orders_and_prints_as_written() {
        let mut dates = ["2022-02", "2021", "2022-01-15"].map(|d| PartialDate::parse(d).unwrap());
        dates.sort_by_key(|d| d.first_day());
        assert_eq!(
            dates.map(|d| d.to_string()),
            ["2021", "2022-01-15", "2022-02"]
        );
    }
}
