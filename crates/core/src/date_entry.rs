//! A date typed as GOV.UK asks for one: day, month and year in three fields.
//!
//! A browser's `type="date"` control reads differently in every screen reader, reports a year
//! half typed as a real date ("0002-03-01") and cannot say what is wrong. Three plain fields,
//! read with [`DateParts::read`], give a date only when it is whole and real; anything else is
//! kept as typed (nothing is lost) and, once it cannot become a date, explained in words.
//! Widget state holds [`DateParts`]; [`crate::render::date_input`] draws them.

use crate::text::Lang;
use chrono::NaiveDate;

/// What the family typed in each field, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

/// What the three fields say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateReading {
    /// Nothing typed.
    Empty,
    /// Typing is under way (the year is still empty): no date yet, and nothing to complain of.
    Unfinished,
    Whole(NaiveDate),
    Problem(DateProblem),
}

/// Why the fields are not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    MissingDay,
    MissingMonth,
    MissingDayAndMonth,
    /// The year is not four numbers ("24", "0202").
    YearFourNumbers,
    /// Numbers that are no day of the calendar (31 February), or not numbers.
    NotReal,
}

/// Which of the three fields a problem is about, so only those are marked invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Day,
    Month,
    Year,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Day, Part::Month, Part::Year];

    /// The end of the field's `name` and `id` (`…-day`).
    pub fn code(self) -> &'static str {
        match self {
            Part::Day => "day",
            Part::Month => "month",
            Part::Year => "year",
        }
    }

    /// The part a field's `name` ends with.
    pub fn from_name(name: &str) -> Option<Part> {
        let end = name.rsplit('-').next()?;
        Part::ALL.into_iter().find(|p| p.code() == end)
    }
}

impl DateProblem {
    pub fn involves(self, part: Part) -> bool {
        match self {
            DateProblem::MissingDay => part == Part::Day,
            DateProblem::MissingMonth => part == Part::Month,
            DateProblem::MissingDayAndMonth => part != Part::Year,
            DateProblem::YearFourNumbers => part == Part::Year,
            DateProblem::NotReal => true,
        }
    }

    /// The problem in words, as GOV.UK words it.
    pub fn words(self, lang: Lang) -> &'static str {
        let (en, bn) = match self {
            DateProblem::MissingDay => ("The date must include a day", "তারিখে দিন থাকতে হবে"),
            DateProblem::MissingMonth => ("The date must include a month", "তারিখে মাস থাকতে হবে"),
            DateProblem::MissingDayAndMonth => (
                "The date must include a day and month",
                "তারিখে দিন ও মাস থাকতে হবে",
            ),
            DateProblem::YearFourNumbers => (
                "The year must include 4 numbers, like 2024",
                "বছরে 4টি সংখ্যা থাকতে হবে, যেমন 2024",
            ),
            DateProblem::NotReal => (
                "The date must be a real date, like 27 3 2024",
                "তারিখটি সত্যিকারের একটি তারিখ হতে হবে, যেমন 27 3 2024",
            ),
        };
        pick(lang, en, bn)
    }
}

fn pick(lang: Lang, en: &'static str, bn: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Bn => bn,
    }
}

pub fn label(part: Part, lang: Lang) -> &'static str {
    match part {
        Part::Day => pick(lang, "Day", "দিন"),
        Part::Month => pick(lang, "Month", "মাস"),
        Part::Year => pick(lang, "Year", "বছর"),
    }
}

/// The hint under a date's legend: how to type it.
pub fn hint_words(lang: Lang) -> &'static str {
    pick(lang, "For example, 27 3 2024", "যেমন, 27 3 2024")
}

pub fn error_prefix(lang: Lang) -> &'static str {
    pick(lang, "Error:", "ত্রুটি:")
}

impl DateParts {
    pub fn from_date(date: NaiveDate) -> DateParts {
        use chrono::Datelike;
        DateParts {
            day: date.day().to_string(),
            month: date.month().to_string(),
            year: date.year().to_string(),
        }
    }

    pub fn get(&self, part: Part) -> &str {
        match part {
            Part::Day => &self.day,
            Part::Month => &self.month,
            Part::Year => &self.year,
        }
    }

    /// Sets one field as typed; returns whether it changed.
    pub fn set(&mut self, part: Part, typed: &str) -> bool {
        let field = match part {
            Part::Day => &mut self.day,
            Part::Month => &mut self.month,
            Part::Year => &mut self.year,
        };
        if field == typed {
            return false;
        }
        *field = typed.to_owned();
        true
    }

    pub fn is_empty(&self) -> bool {
        Part::ALL.iter().all(|&p| self.get(p).trim().is_empty())
    }

    /// The date the fields make, or why they make none. A missing day or month is a problem
    /// only once the year is typed (the last field), so nobody is told off half way.
    pub fn read(&self) -> DateReading {
        let day = self.day.trim();
        let month = self.month.trim();
        let year = self.year.trim();
        if day.is_empty() && month.is_empty() && year.is_empty() {
            return DateReading::Empty;
        }
        if year.is_empty() {
            return DateReading::Unfinished;
        }
        let missing = match (day.is_empty(), month.is_empty()) {
            (true, true) => Some(DateProblem::MissingDayAndMonth),
            (true, false) => Some(DateProblem::MissingDay),
            (false, true) => Some(DateProblem::MissingMonth),
            (false, false) => None,
        };
        if let Some(problem) = missing {
            return DateReading::Problem(problem);
        }
        let number = |s: &str| {
            (s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        let (Some(d), Some(m)) = (number(day), number(month)) else {
            return DateReading::Problem(DateProblem::NotReal);
        };
        let y = match number(year) {
            Some(y) if year.len() == 4 && y >= 1000 => y,
            Some(_) => return DateReading::Problem(DateProblem::YearFourNumbers),
            None => return DateReading::Problem(DateProblem::NotReal),
        };
        match i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        {
            Some(date) => DateReading::Whole(date),
            None => DateReading::Problem(DateProblem::NotReal),
        }
    }

    /// The problem to show, if any.
    pub fn problem(&self) -> Option<DateProblem> {
        match self.read() {
            DateReading::Problem(p) => Some(p),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(day: &str, month: &str, year: &str) -> DateParts {
        DateParts {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    #[test]
    fn only_a_whole_real_date_is_a_date() {
        let date = |y, m, d| DateReading::Whole(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(parts("2", "9", "2024").read(), date(2024, 9, 2));
        assert_eq!(parts(" 02 ", "09", "2024").read(), date(2024, 9, 2));
        assert_eq!(parts("", "", "").read(), DateReading::Empty);
        // Half way through: no date, and no complaint.
        assert_eq!(parts("2", "", "").read(), DateReading::Unfinished);
        assert_eq!(parts("2", "9", "").read(), DateReading::Unfinished);
        let problem = |d, m, y| parts(d, m, y).problem();
        assert_eq!(problem("", "9", "2024"), Some(DateProblem::MissingDay));
        assert_eq!(problem("2", "", "2024"), Some(DateProblem::MissingMonth));
        assert_eq!(
            problem("", "", "2024"),
            Some(DateProblem::MissingDayAndMonth)
        );
        for year in ["24", "202", "0202", "20245"] {
            assert_eq!(
                problem("2", "9", year),
                Some(DateProblem::YearFourNumbers),
                "{year}"
            );
        }
        for (d, m) in [
            ("31", "2"),
            ("0", "1"),
            ("1", "13"),
            ("two", "9"),
            ("1.5", "9"),
        ] {
            assert_eq!(problem(d, m, "2024"), Some(DateProblem::NotReal), "{d} {m}");
        }
        assert_eq!(problem("29", "2", "2024"), None);
        assert_eq!(problem("29", "2", "2023"), Some(DateProblem::NotReal));
    }

    #[test]
    fn fields_are_named_so_their_part_reads_back() {
        for part in Part::ALL {
            assert_eq!(
                Part::from_name(&format!("clock-start-{}", part.code())),
                Some(part)
            );
        }
        assert_eq!(Part::from_name("clock-start"), None);
        let mut p = DateParts::default();
        assert!(p.set(Part::Month, "3"));
        assert!(!p.set(Part::Month, "3"));
        assert_eq!(p.get(Part::Month), "3");
    }
}
