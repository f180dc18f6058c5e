//! What an officer types into a form field, turned into a feed value or a message that says
//! what to type instead (the GOV.UK Design System's error message wording).
//!
//! A value that cannot be read never reaches the feed: the editor keeps the last good value and
//! shows the message at the field, so the feed it writes is always valid JSON of the right type.

use crate::date::PartialDate;
use chrono::NaiveDate;

/// The three boxes of a GOV.UK date input, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DateFields {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateFields {
    /// The boxes showing `date` (a month-only date leaves the day empty).
    pub fn of(date: Option<PartialDate>) -> DateFields {
        use chrono::Datelike;
        match date {
            None => DateFields::default(),
            Some(PartialDate::Year(y)) => DateFields {
                year: y.to_string(),
                ..DateFields::default()
            },
            Some(PartialDate::Month(y, m)) => DateFields {
                day: String::new(),
                month: m.to_string(),
                year: y.to_string(),
            },
            Some(PartialDate::Day(d)) => DateFields {
                day: d.day().to_string(),
                month: d.month().to_string(),
                year: d.year().to_string(),
            },
        }
    }
}

/// Which box a date problem is in, so the error links to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePart {
    Day,
    Month,
    Year,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    pub message: String,
    /// The first box to fix.
    pub part: DatePart,
}

/// Reads a "confirmed on" date: all boxes empty is no date; a month and year without a day is
/// a month (as council papers often give); it must be a real date, not after `today`.
/// `label` starts the message ("Confirmed on must be a real date").
pub fn read_past_date(
    fields: &DateFields,
    label: &str,
    today: NaiveDate,
) -> Result<Option<PartialDate>, DateProblem> {
    let date = read_date(fields, label)?;
    if date.is_some_and(|date| date.first_day() > today) {
        return Err(DateProblem {
            message: format!(
                "{label} must be today or in the past: type the day the status was confirmed"
            ),
            part: DatePart::Day,
        });
    }
    Ok(date)
}

/// Reads a date of any day, month or year: all boxes empty is no date.
pub fn read_date(fields: &DateFields, label: &str) -> Result<Option<PartialDate>, DateProblem> {
    let day = fields.day.trim();
    let month = fields.month.trim();
    let year = fields.year.trim();
    let problem = |message: String, part| Err(DateProblem { message, part });
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return Ok(None);
    }
    if year.is_empty() {
        return problem(format!("{label} must include a year"), DatePart::Year);
    }
    if !day.is_empty() && month.is_empty() {
        return problem(format!("{label} must include a month"), DatePart::Month);
    }
    let number = |text: &str| -> Option<u32> {
        (!text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
    };
    let real = || format!("{label} must be a real date, for example 27 3 2026");
    let Some(y) = number(year).filter(|_| year.len() == 4) else {
        return problem(
            format!("{label}: the year must have 4 numbers, for example 2026"),
            DatePart::Year,
        );
    };
    let y = y as i32;
    let date = if month.is_empty() {
        PartialDate::Year(y)
    } else {
        let Some(m) = number(month).filter(|m| (1..=12).contains(m)) else {
            return problem(real(), DatePart::Month);
        };
        if day.is_empty() {
            PartialDate::Month(y, m)
        } else {
            let Some(d) = number(day).and_then(|d| NaiveDate::from_ymd_opt(y, m, d)) else {
                return problem(real(), DatePart::Day);
            };
            PartialDate::Day(d)
        }
    };
    Ok(Some(date))
}

/// Reads a figure as people type it: `210`, `2,100`, ` 45.5 `, or `45.5%` for a percentage.
pub fn read_figure(text: &str, percent: bool, label: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    let example = if percent {
        "for example 45.5"
    } else {
        "for example 210"
    };
    if trimmed.is_empty() {
        return Err(format!("Enter {label}, {example}"));
    }
    let number = if percent {
        trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end()
    } else {
        trimmed
    };
    // Thousands separators only between digits, as in 2,100 or 16,600.
    let digits: String = number.chars().filter(|&c| c != ',').collect();
    let grouped_well = !number.starts_with(',') && !number.ends_with(',') && !number.contains(",,");
    let readable = grouped_well
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && digits.bytes().any(|b| b.is_ascii_digit());
    match digits.parse::<f64>() {
        Ok(value) if readable && value.is_finite() => Ok(value),
        _ => Err(format!(
            "{label} must be a number, {example}, using digits only"
        )),
    }
}

/// How long a long text box's words should be (evidence, what a service does, "You said, we
/// did"...): families read them on a phone, in a list with others. The longest such text in the
/// sample feed is 415 characters. Going over is not an error (the feed allows any length); the
/// count says so, as GOV.UK's character count does.
pub const LONG_TEXT_CHARS: usize = 600;

/// The character count under a long text box: how many are left, or how many too many.
/// Characters as people count them (Unicode scalar values, so Bengali letters count once each).
pub fn character_count(text: &str, limit: usize) -> String {
    let used = text.chars().count();
    let plural = |n: usize| if n == 1 { "character" } else { "characters" };
    if used <= limit {
        let left = limit - used;
        format!("You have {left} {} remaining", plural(left))
    } else {
        let over = used - limit;
        format!("You have {over} {} too many", plural(over))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(day: &str, month: &str, year: &str) -> DateFields {
        DateFields {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn reads_days_months_and_nothing() {
        let read = |d, m, y| read_past_date(&fields(d, m, y), "Confirmed on", today());
        assert_eq!(read("", "", ""), Ok(None));
        assert_eq!(
            read(" 1", "12 ", "2026"),
            Ok(Some(PartialDate::Day(today())))
        );
        assert_eq!(read("", "3", "2024"), Ok(Some(PartialDate::Month(2024, 3))));
        assert_eq!(read("", "", "2024"), Ok(Some(PartialDate::Year(2024))));
        for date in [
            Some(PartialDate::Day(today())),
            Some(PartialDate::Month(2024, 3)),
            None,
        ] {
            let f = DateFields::of(date);
            assert_eq!(read_past_date(&f, "x", today()), Ok(date));
        }
    }

    #[test]
    fn character_counts_say_what_is_left_or_too_many() {
        assert_eq!(
            character_count("", 600),
            "You have 600 characters remaining"
        );
        assert_eq!(
            character_count(&"a".repeat(599), 600),
            "You have 1 character remaining"
        );
        assert_eq!(
            character_count(&"a".repeat(601), 600),
            "You have 1 character too many"
        );
        // Bengali letters count as one each, not as their UTF-8 bytes.
        assert_eq!(
            character_count("পুরনো", 10),
            "You have 5 characters remaining"
        );
    }

    #[test]
    fn figures_as_people_type_them() {
        assert_eq!(read_figure(" 2,100 ", false, "The figure"), Ok(2100.0));
        assert_eq!(read_figure("45.5%", true, "The figure"), Ok(45.5));
        assert_eq!(read_figure("-3", false, "The figure"), Ok(-3.0));
        for bad in ["", "about 200", "2,1OO", "12%", ",5", "1e5", "."] {
            assert!(read_figure(bad, false, "The figure").is_err(), "{bad}");
        }
        assert!(read_figure("lots", false, "The figure")
            .unwrap_err()
            .contains("must be a number, for example 210"));
    }

    #[test]
    fn says_what_to_type_instead() {
        let read = |d, m, y| read_past_date(&fields(d, m, y), "Confirmed on", today());
        let problem = read("31", "2", "2026").unwrap_err();
        assert_eq!(problem.part, DatePart::Day);
        assert!(problem
            .message
            .starts_with("Confirmed on must be a real date"));
        assert_eq!(read("1", "13", "2026").unwrap_err().part, DatePart::Month);
        assert_eq!(read("1", "", "2026").unwrap_err().part, DatePart::Month);
        assert_eq!(read("1", "2", "").unwrap_err().part, DatePart::Year);
        assert_eq!(read("1", "2", "26").unwrap_err().part, DatePart::Year);
        assert_eq!(read("a", "2", "2026").unwrap_err().part, DatePart::Day);
        let future = read("2", "12", "2026").unwrap_err();
        assert!(
            future.message.contains("today or in the past"),
            "{future:?}"
        );
    }
}
