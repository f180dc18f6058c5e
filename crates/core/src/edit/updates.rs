//! "You said, we did" entries as the editor lists them, and the rules for an entry as typed: a
//! real date not in the future, what the council did, and only actions the plan has.

use crate::edit::form::{read_date, DateFields, DatePart};
use crate::edit::languages::in_each;
use crate::edit::set_text;
use crate::feed::{Feed, Update};
use crate::i18n::format_date;
use crate::text::Text;
use crate::Lang;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpdateRow {
    pub index: usize,
    pub date: DateFields,
    /// "February 2024"
    pub date_words: String,
    pub you_said: String,
    pub we_did: String,
    pub source: String,
    /// Each text in each of the feed's languages, in its order.
    pub you_said_in: Vec<String>,
    pub we_did_in: Vec<String>,
    pub source_in: Vec<String>,
    pub actions: Vec<String>,
}

/// An action a "You said, we did" entry can belong to: its ref and title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionChoice {
    pub reference: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Updates {
    pub entries: Vec<UpdateRow>,
    pub actions: Vec<ActionChoice>,
}

/// What was typed for an entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct TypedUpdate {
    pub date: DateFields,
    pub you_said: String,
    pub we_did: String,
    pub source: String,
    pub actions: Vec<String>,
}

/// A problem at one box: `date-day`, `date-month`, `date-year` or `we-did`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpdateProblem {
    pub part: &'static str,
    pub message: String,
}

fn words(feed: &Feed, text: &Option<Text>) -> String {
    text.as_ref()
        .map(|t| {
            t.get(feed.default_lang(), feed.default_lang())
                .text
                .to_owned()
        })
        .unwrap_or_default()
}

pub fn updates(feed: &Feed) -> Updates {
    Updates {
        entries: feed
            .updates
            .iter()
            .enumerate()
            .map(|(index, update)| UpdateRow {
                index,
                date: DateFields::of(Some(update.date)),
                date_words: format_date(update.date, Lang::En),
                you_said: words(feed, &update.you_said),
                we_did: words(feed, &Some(update.we_did.clone())),
                source: words(feed, &update.source),
                you_said_in: in_each(feed, update.you_said.as_ref()),
                we_did_in: in_each(feed, Some(&update.we_did)),
                source_in: in_each(feed, update.source.as_ref()),
                actions: update.actions.clone(),
            })
            .collect(),
        actions: feed
            .plans()
            .iter()
            .flat_map(|plan| plan.workstreams.iter())
            .flat_map(|w| w.actions.iter())
            .map(|action| ActionChoice {
                reference: action.reference.clone(),
                title: words(feed, &Some(action.title.clone())),
            })
            .collect(),
    }
}

/// The entry as typed, over `existing` (whose other translations are kept), or the problem.
pub fn read_update(
    feed: &Feed,
    existing: Option<&Update>,
    typed: &TypedUpdate,
    today: NaiveDate,
) -> Result<Update, UpdateProblem> {
    let part = |part: DatePart| match part {
        DatePart::Day => "date-day",
        DatePart::Month => "date-month",
        DatePart::Year => "date-year",
    };
    let date = read_date(&typed.date, "The date")
        .map_err(|problem| UpdateProblem {
            part: part(problem.part),
            message: problem.message,
        })?
        .ok_or_else(|| UpdateProblem {
            part: "date-month",
            message: "Enter the date of what the council did: a month and year, for example 2 2024"
                .to_owned(),
        })?;
    if date.first_day() > today {
        return Err(UpdateProblem {
            part: "date-month",
            message: "The date must be today or in the past: say what the council has done"
                .to_owned(),
        });
    }
    let lang = feed.default_lang();
    let we_did = set_text(
        existing.map(|u| u.we_did.clone()),
        lang,
        Some(&typed.we_did),
    )
    .ok_or_else(|| UpdateProblem {
        part: "we-did",
        message: "Enter what the council did, for example: We now publish waiting times each month"
            .to_owned(),
    })?;
    let known = |reference: &String| {
        feed.plans().iter().any(|plan| {
            plan.workstreams
                .iter()
                .flat_map(|w| w.actions.iter())
                .any(|a| &a.reference == reference)
        })
    };
    Ok(Update {
        date,
        you_said: set_text(
            existing.and_then(|u| u.you_said.clone()),
            lang,
            Some(&typed.you_said),
        ),
        we_did,
        actions: typed.actions.iter().filter(|r| known(r)).cloned().collect(),
        source: set_text(
            existing.and_then(|u| u.source.clone()),
            lang,
            Some(&typed.source),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made-up test data.
    const FEED: &str = r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-11-01","languages":["en"],
      "plan":{"title":"Plan","label":"Plan","workstreams":[{"id":"w","title":"W","actions":[
        {"ref":"1.1","title":"A made-up action","measures":[]}]}]},
      "updates":[{"date":"2024-02","we_did":"Made-up entry","actions":["1.1"]}]}"#;

    fn typed(month: &str, we_did: &str) -> TypedUpdate {
        TypedUpdate {
            date: DateFields {
                day: String::new(),
                month: month.into(),
                year: "2026".into(),
            },
            you_said: "Made-up: tell us more".into(),
            we_did: we_did.into(),
            source: String::new(),
            actions: vec!["1.1".into(), "9.9".into()],
        }
    }

    #[test]
    fn an_entry_is_read_or_refused_at_its_box() {
        let feed = crate::parse_feed(FEED).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let update = read_update(&feed, None, &typed("11", "A newsletter"), today).unwrap();
        assert_eq!(update.actions, ["1.1"], "only actions the plan has");
        assert_eq!(update.source, None);
        assert_eq!(
            read_update(&feed, None, &typed("11", "  "), today)
                .unwrap_err()
                .part,
            "we-did"
        );
        assert_eq!(
            read_update(&feed, None, &typed("13", "x"), today)
                .unwrap_err()
                .part,
            "date-month"
        );
        assert!(read_update(&feed, None, &typed("12", "x"), today).is_ok());
        let future = TypedUpdate {
            date: DateFields {
                day: "2".into(),
                month: "12".into(),
                year: "2026".into(),
            },
            ..typed("12", "x")
        };
        assert!(read_update(&feed, None, &future, today).is_err());
        let listed = updates(&feed);
        assert_eq!(listed.entries[0].date_words, "February 2024");
        assert_eq!(listed.actions[0].reference, "1.1");
    }
}
