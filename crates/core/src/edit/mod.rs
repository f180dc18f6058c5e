//! Editing a feed without touching JSON: typed edits applied at a place, the difference between
//! two feeds in words, and one canonical way to write a feed.
//!
//! The officer's editor (`www/edit.html`) and `sendfeed fmt` are thin shells over this module:
//! every rule about what an edit does, what a field may hold and what counts as a change lives
//! here and is tested natively. Edits only ever touch the fields they name, so a field the
//! editor does not show is written back exactly as it was read.

pub mod canonical;
pub mod diff;
pub mod figures;
pub mod form;
pub mod language_names;
pub mod languages;
pub mod pathway;
pub mod service_fields;
pub mod services;
pub mod session;
pub mod termly;
pub mod updates;

use crate::date::PartialDate;
use crate::feed::{Contact, Feed, Measure, Point, Status, Update};
use crate::text::Text;
use chrono::NaiveDate;
use thiserror::Error;

pub use canonical::{write_feed, write_feed_like};
pub use diff::describe_changes;
pub use session::Session;

/// A measure's place in the plan: `plan.workstreams[w].actions[a].measures[m]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MeasureAt {
    pub workstream: usize,
    pub action: usize,
    pub measure: usize,
}

impl MeasureAt {
    /// The checker's JSON path of the measure, e.g. `plan.workstreams[0].actions[2].measures[1]`.
    pub fn path(self) -> String {
        format!(
            "plan.workstreams[{}].actions[{}].measures[{}]",
            self.workstream, self.action, self.measure
        )
    }
}

/// One change an officer makes. Each names its place; applying it changes nothing else.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    MeasureStatus {
        at: MeasureAt,
        status: Option<Status>,
    },
    /// The evidence in the feed's first language; other translations are kept.
    MeasureEvidence {
        at: MeasureAt,
        evidence: Option<String>,
    },
    MeasureStatusDate {
        at: MeasureAt,
        date: Option<PartialDate>,
    },
    /// A new actual figure, put in period order.
    AddFigure {
        indicator: String,
        figure: Point,
    },
    ChangeFigure {
        indicator: String,
        index: usize,
        figure: Point,
    },
    RemoveFigure {
        indicator: String,
        index: usize,
    },
    AddUpdate {
        update: Update,
    },
    ChangeUpdate {
        index: usize,
        update: Update,
    },
    RemoveUpdate {
        index: usize,
    },
    ServiceContact {
        service: String,
        contact: Option<Contact>,
    },
    /// One of a service's words in the feed's first language (blank removes it; a name may not
    /// be blank); other translations are kept.
    ServiceText {
        service: String,
        field: services::ServiceText,
        text: String,
    },
    /// A new service with this name, at the end of the list, its id made from the name.
    AddService {
        name: String,
    },
    /// Refused, naming the steps, while steps still use it, unless `from_steps`: then it is
    /// taken out of them too.
    RemoveService {
        service: String,
        from_steps: bool,
    },
    /// A text's translation into one of the feed's other languages ([`languages`]); refused
    /// while the text has no words in the first language.
    Translation {
        place: languages::TextPlace,
        lang: String,
        value: String,
    },
    /// The day the feed was last checked as a whole (`updated`).
    Updated {
        date: NaiveDate,
    },
    /// A change to a pathway's steps or stages ([`pathway`]), refused when it would break the
    /// pathway's graph.
    Pathway(pathway::PathwayEdit),
}

/// An edit that names a place the feed does not have: the editor's bug, never the officer's.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("the feed has no measure at {0}")]
    NoSuchMeasure(String),
    #[error("the feed has no indicator \"{0}\"")]
    NoSuchIndicator(String),
    #[error("indicator \"{0}\" has no figure number {1}")]
    NoSuchFigure(String, usize),
    #[error("there is no \"You said, we did\" entry number {0}")]
    NoSuchUpdate(usize),
    #[error("the feed has no service \"{0}\"")]
    NoSuchService(String),
    /// A pathway edit that would leave a dangling arrow, a circle or a missing stage: the
    /// officer's to fix, in words.
    #[error("{0}")]
    Refused(String),
}

/// The measure at `at`, to change.
pub fn measure_mut(feed: &mut Feed, at: MeasureAt) -> Result<&mut Measure, EditError> {
    feed.current_plan_mut()
        .and_then(|plan| plan.workstreams.get_mut(at.workstream))
        .and_then(|w| w.actions.get_mut(at.action))
        .and_then(|a| a.measures.get_mut(at.measure))
        .ok_or_else(|| EditError::NoSuchMeasure(at.path()))
}

/// The measure at `at`.
pub fn measure(feed: &Feed, at: MeasureAt) -> Option<&Measure> {
    feed.current_plan()
        .and_then(|plan| plan.workstreams.get(at.workstream))
        .and_then(|w| w.actions.get(at.action))
        .and_then(|a| a.measures.get(at.measure))
}

/// Sets the text in `lang`, keeping every other translation. `None` or blank removes it.
pub fn set_text(text: Option<Text>, lang: &str, value: Option<&str>) -> Option<Text> {
    let value = value.map(str::trim).filter(|v| !v.is_empty());
    match (text, value) {
        (Some(Text::Translated(mut map)), value) => {
            match value {
                Some(value) => {
                    map.insert(lang.to_owned(), value.to_owned());
                }
                None => {
                    map.remove(lang);
                }
            }
            (!map.is_empty()).then_some(Text::Translated(map))
        }
        (_, value) => value.map(|v| Text::Plain(v.to_owned())),
    }
}

/// Applies `edit` to `feed` in place.
pub fn apply(feed: &mut Feed, edit: Edit) -> Result<(), EditError> {
    let lang = feed.default_lang().to_owned();
    match edit {
        Edit::MeasureStatus { at, status } => measure_mut(feed, at)?.status = status,
        Edit::MeasureEvidence { at, evidence } => {
            let measure = measure_mut(feed, at)?;
            measure.evidence = set_text(measure.evidence.take(), &lang, evidence.as_deref());
        }
        Edit::MeasureStatusDate { at, date } => measure_mut(feed, at)?.status_date = date,
        Edit::AddFigure { indicator, figure } => {
            let series = &mut indicator_mut(feed, &indicator)?.actual;
            let place = series
                .iter()
                .rposition(|p| p.period <= figure.period)
                .map_or(0, |i| i + 1);
            series.insert(place, figure);
        }
        Edit::ChangeFigure {
            indicator,
            index,
            figure,
        } => {
            let slot = indicator_mut(feed, &indicator)?
                .actual
                .get_mut(index)
                .ok_or_else(|| EditError::NoSuchFigure(indicator.clone(), index))?;
            *slot = figure;
        }
        Edit::RemoveFigure { indicator, index } => {
            let series = &mut indicator_mut(feed, &indicator)?.actual;
            if index >= series.len() {
                return Err(EditError::NoSuchFigure(indicator, index));
            }
            series.remove(index);
        }
        Edit::AddUpdate { update } => feed.updates.push(update),
        Edit::ChangeUpdate { index, update } => {
            *feed
                .updates
                .get_mut(index)
                .ok_or(EditError::NoSuchUpdate(index))? = update;
        }
        Edit::RemoveUpdate { index } => {
            if index >= feed.updates.len() {
                return Err(EditError::NoSuchUpdate(index));
            }
            feed.updates.remove(index);
        }
        Edit::ServiceContact { service, contact } => {
            feed.services
                .iter_mut()
                .find(|s| s.id == service)
                .ok_or(EditError::NoSuchService(service))?
                .contact = contact;
        }
        Edit::ServiceText {
            service,
            field,
            text,
        } => services::set_service_text(feed, &service, field, &text)?,
        Edit::AddService { name } => {
            services::add_service(feed, &name)?;
        }
        Edit::RemoveService {
            service,
            from_steps,
        } => services::remove_service(feed, &service, from_steps)?,
        Edit::Translation { place, lang, value } => {
            languages::set_translation(feed, &place, &lang, &value)?
        }
        Edit::Updated { date } => feed.updated = date,
        Edit::Pathway(edit) => {
            pathway::apply_pathway(feed, edit).map_err(|r| EditError::Refused(r.0))?
        }
    }
    Ok(())
}

fn indicator_mut<'a>(
    feed: &'a mut Feed,
    id: &str,
) -> Result<&'a mut crate::feed::Indicator, EditError> {
    feed.indicators
        .iter_mut()
        .find(|i| i.id == id)
        .ok_or_else(|| EditError::NoSuchIndicator(id.to_owned()))
}

/// A status as the feed writes it (`off_track`), for form values.
pub fn status_code(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not_started",
        Status::OnTrack => "on_track",
        Status::AtRisk => "at_risk",
        Status::OffTrack => "off_track",
        Status::Complete => "complete",
        Status::Ongoing => "ongoing",
    }
}

/// Every status an officer can record, in the order the form lists them.
pub const STATUSES: [Status; 6] = [
    Status::NotStarted,
    Status::OnTrack,
    Status::AtRisk,
    Status::OffTrack,
    Status::Complete,
    Status::Ongoing,
];

pub fn status_from_code(code: &str) -> Option<Status> {
    STATUSES.into_iter().find(|&s| status_code(s) == code)
}

/// A recorded status in words, from the same catalogue the tracker shows families.
pub fn status_words(status: Status) -> &'static str {
    use crate::status::Derived;
    let level = match status {
        Status::NotStarted => Derived::NotStarted,
        Status::OnTrack => Derived::OnTrack,
        Status::AtRisk => Derived::AtRisk,
        Status::OffTrack => Derived::OffTrack,
        Status::Complete => Derived::Complete,
        Status::Ongoing => Derived::Ongoing,
    };
    crate::i18n::t(crate::tracker::level_words(level).0, crate::Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn set_text_keeps_other_translations() {
        let mut map = BTreeMap::new();
        map.insert("en".to_owned(), "Old".to_owned());
        map.insert("bn".to_owned(), "পুরনো".to_owned());
        let text = set_text(Some(Text::Translated(map)), "en", Some("New"));
        let Some(Text::Translated(map)) = text else {
            panic!("still translated");
        };
        assert_eq!(map["en"], "New");
        assert_eq!(map["bn"], "পুরনো");
        assert_eq!(
            set_text(Some(Text::Plain("x".into())), "en", Some("  ")),
            None
        );
        assert_eq!(
            set_text(None, "en", Some(" Report ")),
            Some(Text::Plain("Report".into()))
        );
    }

    #[test]
    fn status_codes_round_trip() {
        for status in STATUSES {
            assert_eq!(status_from_code(status_code(status)), Some(status));
        }
        assert_eq!(status_words(Status::OffTrack), "Off track");
    }
}
