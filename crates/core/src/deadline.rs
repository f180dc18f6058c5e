//! Deadlines as improvement plans write them, read into something "today" can be compared with.
//!
//! Officers copy deadlines from the plan exactly ("July 2021 (complete)", "Tracked termly
//! 2022/23", "Bi-monthly from November 2021"), and families should see them exactly so. This
//! module reads that wording into a due date or a cadence; wording it cannot read is reported by
//! the validator, never guessed.

use chrono::{Datelike, NaiveDate};

/// How often a recurring measure is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    Monthly,
    BiMonthly,
    Termly,
    Quarterly,
    Yearly,
    /// "Ongoing", "in place": continuous, with no reporting rhythm stated.
    Continuous,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deadline {
    /// Due by a date: the last day of a month written as "January 2022", or an exact date.
    By {
        due: NaiveDate,
        /// The plan itself marks it done: "July 2021 (complete)".
        marked_complete: bool,
    },
    /// Reported at a cadence, optionally starting or ending at a date ("from November 2021",
    /// "2022/23" meaning September 2022 to August 2023).
    Recurring {
        cadence: Cadence,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
        marked_complete: bool,
    },
}

impl Deadline {
    pub fn marked_complete(&self) -> bool {
        match self {
            Deadline::By {
                marked_complete, ..
            }
            | Deadline::Recurring {
                marked_complete, ..
            } => *marked_complete,
        }
    }

    /// The date after which the measure is late if not complete, if there is one.
    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            Deadline::By { due, .. } => Some(*due),
            Deadline::Recurring { until, .. } => *until,
        }
    }
}

/// English month names in lower case, January first (also read by the spreadsheet cells).
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Reads a deadline as written. `Err` carries a plain-English explanation for the officer.
pub fn parse_deadline(written: &str) -> Result<Deadline, String> {
    let lower = written.trim().to_ascii_lowercase();
    let marked_complete = lower.contains("(complete)");
    let text = lower
        .replace("(complete)", " ")
        .replace(['-', ',', '–'], " ");
    let words: Vec<&str> = text.split_whitespace().collect();
    if let Some(due) = iso_date(written.trim()) {
        return Ok(Deadline::By {
            due,
            marked_complete,
        });
    }
    // "December 2023 with evidence of quarterly progress..." is due in December 2023: a
    // deadline that opens with a month and year is that date, whatever cadence follows.
    if let Some((_, last)) = month_year(words.get(..2).unwrap_or(&[])) {
        return Ok(Deadline::By {
            due: last,
            marked_complete,
        });
    }
    if let Some(cadence) = cadence(&words) {
        let from = words
            .iter()
            .position(|w| *w == "from")
            .and_then(|i| month_year(&words[i + 1..]))
            .map(|(first, _)| first);
        let until = words.iter().find_map(|w| academic_year_end(w));
        return Ok(Deadline::Recurring {
            cadence,
            from,
            until,
            marked_complete,
        });
    }
    if let Some((_, last)) = month_year(&words) {
        return Ok(Deadline::By {
            due: last,
            marked_complete,
        });
    }
    // "By the end of the Summer Term 2024", "in the 2024/25 academic year": a plan that names
    // a school term or year gives no day, so the deadline is the last day it can mean.
    if let Some(due) = term_end(&words).or_else(|| words.iter().find_map(|w| academic_year_end(w)))
    {
        return Ok(Deadline::By {
            due,
            marked_complete,
        });
    }
    Err(format!(
        "the deadline \"{written}\" is not in a form the widgets can read; write a month and year (\"January 2022\"), a date (\"2022-01-31\"), or a cadence (\"Tracked termly 2022/23\", \"Monthly from March 2023\"), optionally followed by \"(complete)\""
    ))
}

fn iso_date(text: &str) -> Option<NaiveDate> {
    match crate::date::PartialDate::parse(text).ok()? {
        crate::date::PartialDate::Day(day) => Some(day),
        crate::date::PartialDate::Month(y, m) => month_bounds(y, m).map(|(_, last)| last),
        crate::date::PartialDate::Year(_) => None,
    }
}

fn cadence(words: &[&str]) -> Option<Cadence> {
    let has = |w: &str| words.contains(&w);
    // "bi monthly" arrives as two words once hyphens are spaces.
    if words.windows(2).any(|pair| pair == ["bi", "monthly"]) || has("bimonthly") {
        Some(Cadence::BiMonthly)
    } else if has("monthly") {
        Some(Cadence::Monthly)
    } else if has("termly") {
        Some(Cadence::Termly)
    } else if has("quarterly") {
        Some(Cadence::Quarterly)
    } else if has("yearly") || has("annually") || has("annual") {
        Some(Cadence::Yearly)
    } else if has("ongoing") {
        Some(Cadence::Continuous)
    } else {
        None
    }
}

/// The first "Month YYYY" in `words`, as the first and last day of that month.
fn month_year(words: &[&str]) -> Option<(NaiveDate, NaiveDate)> {
    words.windows(2).find_map(|pair| {
        let month = MONTHS.iter().position(|m| {
            *m == pair[0]
                || (pair[0].len() == 3 && m.starts_with(pair[0]))
                || (pair[0] == "sept" && *m == "september")
        })?;
        let year: i32 = pair[1].parse().ok().filter(|y| (1900..=2200).contains(y))?;
        month_bounds(year, month as u32 + 1)
    })
}

fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

/// The first "Autumn/Spring/Summer [Term] YYYY", as the latest day it can mean: the autumn term
/// ends by 31 December, the spring term by 30 April (Easter falls by 25 April), and the summer
/// term with the school year on 31 August, as "2022/23" is read.
fn term_end(words: &[&str]) -> Option<NaiveDate> {
    words.iter().enumerate().find_map(|(i, word)| {
        let (month, day) = match *word {
            "autumn" => (12, 31),
            "spring" => (4, 30),
            "summer" => (8, 31),
            _ => return None,
        };
        let rest = &words[i + 1..];
        let year = match rest {
            ["term", year, ..] | [year, ..] => year,
            [] => return None,
        };
        let year: i32 = year.parse().ok().filter(|y| (1900..=2200).contains(y))?;
        NaiveDate::from_ymd_opt(year, month, day)
    })
}

/// "2022/23" is the school year from September 2022 to 31 August 2023.
fn academic_year_end(word: &str) -> Option<NaiveDate> {
    let (start, end) = word.split_once('/')?;
    let start: i32 = start.parse().ok().filter(|_| start.len() == 4)?;
    let end: i32 = end.parse().ok().filter(|_| end.len() == 2)?;
    ((start + 1) % 100 == end)
        .then(|| NaiveDate::from_ymd_opt(start + 1, 8, 31))
        .flatten()
        .filter(|d| d.year() == start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_month_is_due_on_its_last_day() {
        assert_eq!(
            parse_deadline("February 2024"),
            Ok(Deadline::By {
                due: date(2024, 2, 29),
                marked_complete: false
            })
        );
        assert_eq!(
            parse_deadline("December 2023 with evidence of quarterly progress from January 2022 against agreed milestones")
                .map(|d| d.due()),
            // It opens with its due month; the cadence that follows is how progress is shown.
            Ok(Some(date(2023, 12, 31)))
        );
        assert_eq!(
            parse_deadline("Sept 2022").map(|d| d.due()),
            Ok(Some(date(2022, 9, 30)))
        );
    }

    #[test]
    fn complete_markers_are_read_however_punctuated() {
        for written in [
            "July 2021 (complete)",
            "October 2021- (complete)",
            "october 2021 (Complete)",
        ] {
            let deadline = parse_deadline(written).unwrap();
            assert!(deadline.marked_complete(), "{written}");
            assert!(deadline.due().is_some(), "{written}");
        }
    }

    #[test]
    fn cadences_with_school_years_and_starts() {
        assert_eq!(
            parse_deadline("Tracked termly 2022/23"),
            Ok(Deadline::Recurring {
                cadence: Cadence::Termly,
                from: None,
                until: Some(date(2023, 8, 31)),
                marked_complete: false
            })
        );
        assert_eq!(
            parse_deadline("Bi-monthly from November 2021"),
            Ok(Deadline::Recurring {
                cadence: Cadence::BiMonthly,
                from: Some(date(2021, 11, 1)),
                until: None,
                marked_complete: false
            })
        );
        for (written, cadence) in [
            ("Tracked Termly 2022/23", Cadence::Termly),
            ("Tracked quarterly 2022/23", Cadence::Quarterly),
            ("Monthly meetings in place", Cadence::Monthly),
            ("Yearly tracking of outcomes", Cadence::Yearly),
            ("Ongoing from March 2023", Cadence::Continuous),
        ] {
            match parse_deadline(written) {
                Ok(Deadline::Recurring { cadence: c, .. }) => assert_eq!(c, cadence, "{written}"),
                other => panic!("{written}: {other:?}"),
            }
        }
    }

    #[test]
    fn exact_dates_and_unknown_forms() {
        assert_eq!(
            parse_deadline("2022-01-31").map(|d| d.due()),
            Ok(Some(date(2022, 1, 31)))
        );
        assert!(parse_deadline("soon").unwrap_err().contains("\"soon\""));
        assert!(parse_deadline("Smarch 2022").is_err());
        assert!(parse_deadline("2022-02-30").is_err());
        assert!(parse_deadline("2021/23 termly").is_ok_and(|d| d.due().is_none()));
    }

    #[test]
    fn school_terms_and_years_are_due_on_the_last_day_they_can_mean() {
        for (written, due) in [
            ("By the end of the Summer Term 2024", date(2024, 8, 31)),
            ("By the end of summer term 2024", date(2024, 8, 31)),
            ("By Summer 2024", date(2024, 8, 31)),
            ("Autumn term 2023", date(2023, 12, 31)),
            ("Spring Term 2025", date(2025, 4, 30)),
            ("Within the 2024/25 academic year", date(2025, 8, 31)),
            ("2024/25", date(2025, 8, 31)),
        ] {
            assert_eq!(
                parse_deadline(written),
                Ok(Deadline::By {
                    due,
                    marked_complete: false
                }),
                "{written}"
            );
        }
        assert!(parse_deadline("Summer term").is_err());
        assert!(parse_deadline("2024/26").is_err());
    }
}
