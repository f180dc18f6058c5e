//! What a cell means where it stands: a status word, a number, a date. Each reader says, in
//! words an officer can act on, why a cell cannot be read, and never guesses past what Excel
//! itself does to a value (floats for numbers, serial numbers or date cells for dates, spaces
//! left at the end of text).

use super::Cell;
use crate::date::PartialDate;
use crate::deadline::MONTHS;
use crate::edit::status_words;
use crate::feed::Status;
use chrono::{Datelike, NaiveDate};

/// The statuses a sheet offers, in the order its drop-down lists them.
pub const SHEET_STATUSES: [Status; 6] = [
    Status::Complete,
    Status::OnTrack,
    Status::AtRisk,
    Status::OffTrack,
    Status::NotStarted,
    Status::Ongoing,
];

/// The drop-down's words ("On track"), the tracker's own.
pub fn status_choices() -> Vec<&'static str> {
    SHEET_STATUSES.into_iter().map(status_words).collect()
}

/// "complete, on track, at risk, off track, not started, ongoing", for messages.
pub fn status_list() -> String {
    status_choices()
        .iter()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Lower case, one space between words, `_` and `-` read as spaces: "On-track " is "on track".
fn fold(text: &str) -> String {
    text.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A status cell: blank is no status; a word of the list in any case, or the feed's code
/// (`on_track`).
pub fn read_status(cell: &Cell) -> Result<Option<Status>, String> {
    if cell.is_blank() {
        return Ok(None);
    }
    let typed = cell.display();
    let folded = fold(&typed);
    SHEET_STATUSES
        .into_iter()
        .find(|&s| fold(status_words(s)) == folded)
        .map(Some)
        .ok_or_else(|| format!("status \"{typed}\" is not one of: {}", status_list()))
}

/// Text as the feed would keep it: line ends as `\n`, no spaces at either end.
pub fn read_text(cell: &Cell) -> String {
    cell.display().replace("\r\n", "\n").trim().to_owned()
}

/// Text compared for "is it the same": case kept, but runs of spaces and line breaks are one
/// space (Excel and CSV round trips change those, never the words).
pub fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// A number cell, or text that is a number as people and Excel write one ("2,100", "27.5",
/// "48%" where a percentage is allowed): the editor's own reader,
/// [`crate::edit::form::read_figure`], so a sheet and a form accept the same figures. `what`
/// names the cell in the message.
pub fn read_number(cell: &Cell, percent: bool, what: &str) -> Result<f64, String> {
    let label = format!("{what} \"{}\"", cell.display());
    match cell {
        Cell::Number(n) if n.is_finite() => Ok(*n),
        Cell::Text(text) => crate::edit::form::read_figure(text, percent, &label),
        _ => Err(format!("{label} must be a number")),
    }
}

/// A whole number from 1, as the measure number column holds it.
pub fn read_count(cell: &Cell) -> Option<usize> {
    let n = read_number(cell, false, "").ok()?;
    (n.fract() == 0.0 && (1.0..1e9).contains(&n)).then_some(n as usize)
}

/// Excel's day 1 is 1 January 1900, counted as if 1900 had a 29 February: serial numbers from
/// 61 on are days after 30 December 1899.
fn from_serial(serial: f64) -> Option<NaiveDate> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(serial as u64))
}

/// A month's name or its first three letters ("Sep", "Sept", "September").
fn month_named(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| word.len() >= 3 && m.starts_with(word))
        .map(|i| i as u32 + 1)
}

fn digits(text: &str, min: usize, max: usize) -> Option<u32> {
    (text.len() >= min && text.len() <= max && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Why a date cell cannot be read, or what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateCell {
    Blank,
    Date(PartialDate),
    /// The words of the problem, without the column's name.
    Problem(String),
}

/// A date as a sheet may hold it: `2026-12-01`, `2026-12` or `2026` (as exported); `1/12/2026`
/// (day first, as in the UK); `1 December 2026`, `December 2026`, `Dec-26` (Excel's display of
/// a month it read); a date cell; an Excel serial number; a year typed as a number.
pub fn read_date(cell: &Cell) -> DateCell {
    let shown = cell.display();
    let not_real = || DateCell::Problem(format!("\"{shown}\" is not a real date"));
    let unreadable = || {
        DateCell::Problem(format!(
            "\"{shown}\" is not a date: write it as 2026-12-01, 1/12/2026 or December 2026"
        ))
    };
    let text = match cell {
        Cell::Empty => return DateCell::Blank,
        Cell::Date(d) => return DateCell::Date(PartialDate::Day(*d)),
        Cell::Number(n) if n.fract() == 0.0 && (1900.0..=2200.0).contains(n) => {
            return DateCell::Date(PartialDate::Year(*n as i32))
        }
        Cell::Number(n) => {
            return from_serial(n.floor())
                .map(|d| DateCell::Date(PartialDate::Day(d)))
                .unwrap_or_else(unreadable)
        }
        Cell::Bool(_) => return unreadable(),
        Cell::Text(text) if text.trim().is_empty() => return DateCell::Blank,
        Cell::Text(text) => text.trim(),
    };
    if let Ok(date) = PartialDate::parse(text) {
        return DateCell::Date(date);
    }
    // A shape PartialDate knows but a day or month it refuses: impossible, not unreadable.
    let iso_shape = text.split('-').map(str::len).eq([4, 2, 2].iter().copied())
        || text.split('-').map(str::len).eq([4, 2].iter().copied());
    if iso_shape && text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return not_real();
    }
    let day_month_year = |d: u32, m: u32, y: i32| {
        NaiveDate::from_ymd_opt(y, m, d)
            .map(|d| DateCell::Date(PartialDate::Day(d)))
            .unwrap_or_else(not_real)
    };
    // 1/12/2026 or 01/12/2026 (day first)
    let slashed: Vec<&str> = text.split('/').collect();
    if let [d, m, y] = slashed.as_slice() {
        return match (digits(d, 1, 2), digits(m, 1, 2), digits(y, 4, 4)) {
            (Some(d), Some(m), Some(y)) => day_month_year(d, m, y as i32),
            _ => unreadable(),
        };
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        // 1 December 2026
        [d, m, y] => match (digits(d, 1, 2), month_named(m), digits(y, 4, 4)) {
            (Some(d), Some(m), Some(y)) => day_month_year(d, m, y as i32),
            _ => unreadable(),
        },
        // December 2026, Dec-26
        [m, y] => match (month_named(m), digits(y, 4, 4).or_else(|| digits(y, 2, 2))) {
            (Some(m), Some(y)) => {
                let y = if y < 100 { 2000 + y as i32 } else { y as i32 };
                DateCell::Date(PartialDate::Month(y, m))
            }
            _ => unreadable(),
        },
        _ => unreadable(),
    }
}

/// A date cell in a column of periods: Excel turns a typed `2024-03` into 1 March 2024, so a
/// first of the month is read as that month when the series already has it.
pub fn as_known_month(date: PartialDate, known: &[PartialDate]) -> PartialDate {
    match date {
        PartialDate::Day(d)
            if d.day() == 1 && known.contains(&PartialDate::Month(d.year(), d.month())) =>
        {
            PartialDate::Month(d.year(), d.month())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> DateCell {
        DateCell::Date(PartialDate::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap()))
    }

    #[test]
    fn statuses_in_any_case_or_as_codes() {
        for typed in ["On track", "on track ", "ON_TRACK", "on-track", "on_track"] {
            assert_eq!(
                read_status(&Cell::text(typed)),
                Ok(Some(Status::OnTrack)),
                "{typed}"
            );
        }
        assert_eq!(read_status(&Cell::Empty), Ok(None));
        assert_eq!(
            read_status(&Cell::text("done")),
            Err("status \"done\" is not one of: complete, on track, at risk, off track, not started, ongoing".into())
        );
    }

    #[test]
    fn numbers_as_excel_writes_them() {
        let read = |t: &str, percent| read_number(&Cell::text(t), percent, "value");
        assert_eq!(read("2,100", false), Ok(2100.0));
        assert_eq!(read(" 27.5 ", false), Ok(27.5));
        assert_eq!(read("48%", true), Ok(48.0));
        assert!(read("48%", false).is_err());
        assert_eq!(
            read("about 40", false),
            Err("value \"about 40\" must be a number, for example 210, using digits only".into())
        );
        for bad in ["inf", "NaN", "", "-", "1.2.3"] {
            assert!(read(bad, false).is_err(), "{bad}");
        }
        assert_eq!(read_number(&Cell::Number(3.0), false, "v"), Ok(3.0));
        assert_eq!(read_count(&Cell::Number(2.0)), Some(2));
        assert_eq!(read_count(&Cell::text("2")), Some(2));
        assert_eq!(read_count(&Cell::Number(2.5)), None);
        assert_eq!(read_count(&Cell::Number(0.0)), None);
    }

    #[test]
    fn dates_in_every_form_excel_leaves_them() {
        assert_eq!(read_date(&Cell::text("2026-12-01")), day(2026, 12, 1));
        assert_eq!(read_date(&Cell::text("1/12/2026")), day(2026, 12, 1));
        assert_eq!(read_date(&Cell::text("01/12/2026")), day(2026, 12, 1));
        assert_eq!(read_date(&Cell::text("1 December 2026")), day(2026, 12, 1));
        assert_eq!(
            read_date(&Cell::text("December 2026")),
            DateCell::Date(PartialDate::Month(2026, 12))
        );
        assert_eq!(
            read_date(&Cell::text("Nov-26")),
            DateCell::Date(PartialDate::Month(2026, 11))
        );
        assert_eq!(
            read_date(&Cell::text("2024-03")),
            DateCell::Date(PartialDate::Month(2024, 3))
        );
        // 46357 is Excel's serial number for 1 December 2026.
        assert_eq!(read_date(&Cell::Number(46357.0)), day(2026, 12, 1));
        assert_eq!(read_date(&Cell::Number(46357.75)), day(2026, 12, 1));
        assert_eq!(
            read_date(&Cell::Number(2023.0)),
            DateCell::Date(PartialDate::Year(2023))
        );
        let date = NaiveDate::from_ymd_opt(2026, 2, 3).unwrap();
        assert_eq!(read_date(&Cell::Date(date)), day(2026, 2, 3));
        assert_eq!(read_date(&Cell::Empty), DateCell::Blank);
        assert_eq!(read_date(&Cell::text("  ")), DateCell::Blank);
    }

    #[test]
    fn impossible_and_unreadable_dates_are_told_apart() {
        for impossible in ["2026-02-30", "31/02/2026", "30 February 2026", "2026-13"] {
            assert_eq!(
                read_date(&Cell::text(impossible)),
                DateCell::Problem(format!("\"{impossible}\" is not a real date")),
                "{impossible}"
            );
        }
        for unreadable in ["soon", "12/2026", "Smarch 2026"] {
            let DateCell::Problem(words) = read_date(&Cell::text(unreadable)) else {
                panic!("{unreadable}");
            };
            assert!(words.contains("is not a date: write it as"), "{words}");
        }
    }

    #[test]
    fn a_first_of_the_month_is_the_month_the_series_has() {
        let first = PartialDate::Day(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap());
        let known = [PartialDate::Month(2024, 3)];
        assert_eq!(as_known_month(first, &known), PartialDate::Month(2024, 3));
        assert_eq!(as_known_month(first, &[]), first);
    }

    #[test]
    fn words_compare_whatever_the_spaces() {
        assert!(same_words(
            "Agreed  single\r\nadvice ",
            "Agreed single advice"
        ));
        assert!(!same_words("Agreed single advice", "agreed single advice"));
    }
}
