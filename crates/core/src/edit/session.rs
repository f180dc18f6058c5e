//! An editing session: the feed as opened, the feed as edited, and what the officer typed that
//! could not go into the feed. The editor page keeps one; a draft is its two texts.

use crate::edit::figures::{
    indicator_figures, read_new_figure, FigureProblem, IndicatorFigures, NewFigure,
};
use crate::edit::form::{read_past_date, DateFields, DatePart};
use crate::edit::services::{services, with_field, ServiceRow, ServiceText};
use crate::edit::termly::{termly_update, MeasureRow, WorkstreamGroup};
use crate::edit::updates::{read_update, updates, TypedUpdate, UpdateProblem, Updates};
use crate::edit::{
    apply, describe_changes, measure, status_from_code, write_feed_like, Edit, EditError, MeasureAt,
};
use crate::feed::Feed;
use crate::parse::{parse_feed, FeedError};
use crate::validate::{validate_feed, Severity};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

pub struct Session {
    original: Feed,
    /// The text first opened, as it was: members it left out for their defaults stay out of
    /// every text the session writes ([`write_feed_like`]).
    opened: String,
    current: Feed,
    /// Typed values that are not yet valid, by field id, with their message. They block
    /// publishing; the feed keeps the last good value meanwhile.
    typed: BTreeMap<String, String>,
}

/// One problem, at the field it belongs to (when the editor shows that field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldMessage {
    /// The element id of the field to link to, or empty when the editor has no field for it.
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub errors: Vec<FieldMessage>,
    pub warnings: Vec<FieldMessage>,
}

/// What publishing gives: the file to download, or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Publication {
    pub check: Check,
    pub changes: Vec<String>,
    /// `send-feed-2026-12-01.json`
    pub file_name: String,
    /// The feed text, with `updated` set to today; empty when errors block it.
    pub text: String,
}

/// The element id of a measure's field (`status`, `evidence`, `confirmed-day`...).
pub fn measure_field(at: MeasureAt, field: &str) -> String {
    format!("m-{}-{}-{}-{field}", at.workstream, at.action, at.measure)
}

/// The field a checker path points at, when the editor shows it. `plan`: the index in
/// `plans` of the plan the editor lists (a version 2 feed's paths start `plans[1].`).
fn field_for_path(path: &str, plan: Option<usize>) -> String {
    if let Some(rest) = path.strip_prefix("services[") {
        let (index, rest) = rest.split_once(']').unwrap_or(("", ""));
        let mut parts = rest.trim_start_matches('.').split(['.', '[']);
        let field = match (parts.next().unwrap_or(""), parts.next().unwrap_or("")) {
            ("contact", f @ ("name" | "phone" | "email" | "url" | "note")) => f,
            ("name", _) => "service-name",
            (f @ ("description" | "cost"), _) => f,
            ("eligibility", "text") => "eligibility",
            ("access", "referral") => "access",
            _ => return String::new(),
        };
        return match index.parse::<usize>() {
            Ok(index) => format!("svc-{index}-{field}"),
            Err(_) => String::new(),
        };
    }
    let listed = plan.map(|i| format!("plans[{i}]."));
    let Some(in_plan) = path
        .strip_prefix("plan.")
        .or_else(|| listed.as_deref().and_then(|p| path.strip_prefix(p)))
    else {
        return String::new();
    };
    let numbers: Vec<usize> = in_plan
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    if !in_plan.starts_with("workstreams[") || numbers.len() < 3 {
        return String::new();
    }
    let at = MeasureAt {
        workstream: numbers[0],
        action: numbers[1],
        measure: numbers[2],
    };
    let field = if path.ends_with(".status") {
        "status"
    } else if path.contains(".evidence") {
        "evidence"
    } else if path.ends_with(".status_date") {
        "confirmed-day"
    } else {
        return String::new();
    };
    measure_field(at, field)
}

impl Session {
    pub fn open(text: &str) -> Result<Session, FeedError> {
        let feed = parse_feed(text)?;
        Ok(Session {
            original: feed.clone(),
            opened: text.to_owned(),
            current: feed,
            typed: BTreeMap::new(),
        })
    }

    /// A saved draft: the text first opened and the text as edited.
    pub fn resume(original: &str, current: &str) -> Result<Session, FeedError> {
        Ok(Session {
            original: parse_feed(original)?,
            opened: original.to_owned(),
            current: parse_feed(current)?,
            typed: BTreeMap::new(),
        })
    }

    pub fn current(&self) -> &Feed {
        &self.current
    }

    /// The text first opened, for a draft to resume from.
    pub fn original_text(&self) -> String {
        self.opened.clone()
    }

    pub fn current_text(&self) -> String {
        write_feed_like(&self.current, &self.opened)
    }

    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        apply(&mut self.current, edit)
    }

    pub fn termly_update(&self, today: NaiveDate) -> Vec<WorkstreamGroup> {
        termly_update(&self.current, today)
    }

    /// The measure's row as it is now, to refresh the screen after an edit.
    pub fn measure_row(&self, at: MeasureAt, today: NaiveDate) -> Result<MeasureRow, EditError> {
        let groups = termly_update(&self.current, today);
        groups
            .get(at.workstream)
            .and_then(|w| w.actions.get(at.action))
            .and_then(|a| a.measures.get(at.measure))
            .cloned()
            .ok_or_else(|| EditError::NoSuchMeasure(at.path()))
    }

    /// The officer chose a status (a code such as `off_track`, or empty for none). The
    /// "confirmed on" date becomes today, as the status is confirmed now.
    pub fn set_status(
        &mut self,
        at: MeasureAt,
        code: &str,
        today: NaiveDate,
    ) -> Result<MeasureRow, EditError> {
        self.apply(Edit::MeasureStatus {
            at,
            status: status_from_code(code),
        })?;
        self.confirmed_today(at, today)
    }

    /// The officer typed evidence; "confirmed on" becomes today.
    pub fn set_evidence(
        &mut self,
        at: MeasureAt,
        text: &str,
        today: NaiveDate,
    ) -> Result<MeasureRow, EditError> {
        self.apply(Edit::MeasureEvidence {
            at,
            evidence: Some(text.to_owned()),
        })?;
        self.confirmed_today(at, today)
    }

    fn confirmed_today(
        &mut self,
        at: MeasureAt,
        today: NaiveDate,
    ) -> Result<MeasureRow, EditError> {
        self.apply(Edit::MeasureStatusDate {
            at,
            date: Some(crate::date::PartialDate::Day(today)),
        })?;
        for part in ["day", "month", "year"] {
            self.typed
                .remove(&measure_field(at, &format!("confirmed-{part}")));
        }
        self.measure_row(at, today)
    }

    /// The officer typed in the "confirmed on" boxes. A date that cannot be read stays out of
    /// the feed, and its message is kept at the box to fix.
    pub fn set_confirmed_on(
        &mut self,
        at: MeasureAt,
        fields: &DateFields,
        today: NaiveDate,
    ) -> Result<MeasureRow, EditError> {
        measure(&self.current, at).ok_or_else(|| EditError::NoSuchMeasure(at.path()))?;
        for part in ["day", "month", "year"] {
            self.typed
                .remove(&measure_field(at, &format!("confirmed-{part}")));
        }
        let label = format!(
            "The date {} was confirmed",
            self.measure_row(at, today)?.name
        );
        match read_past_date(fields, &label, today) {
            Ok(date) => self.apply(Edit::MeasureStatusDate { at, date })?,
            Err(problem) => {
                let part = match problem.part {
                    DatePart::Day => "day",
                    DatePart::Month => "month",
                    DatePart::Year => "year",
                };
                self.typed.insert(
                    measure_field(at, &format!("confirmed-{part}")),
                    problem.message,
                );
            }
        }
        self.measure_row(at, today)
    }

    /// Every indicator with its figures, for the figures screen.
    pub fn indicator_figures(&self) -> Vec<IndicatorFigures> {
        indicator_figures(&self.current)
    }

    fn indicator(&self, id: &str) -> Result<&crate::feed::Indicator, EditError> {
        self.current
            .indicator(id)
            .ok_or_else(|| EditError::NoSuchIndicator(id.to_owned()))
    }

    /// Adds a figure as typed: warnings when it went in, or the problem at its box when it did
    /// not (nothing is added then, and the form keeps what was typed).
    pub fn add_figure(
        &mut self,
        indicator: &str,
        typed: &NewFigure,
        today: NaiveDate,
    ) -> Result<Result<Vec<String>, FigureProblem>, EditError> {
        let lang = self.current.default_lang().to_owned();
        match read_new_figure(self.indicator(indicator)?, typed, &lang, today) {
            Ok((figure, warnings)) => {
                self.apply(Edit::AddFigure {
                    indicator: indicator.to_owned(),
                    figure,
                })?;
                Ok(Ok(warnings))
            }
            Err(problem) => Ok(Err(problem)),
        }
    }

    pub fn remove_figure(&mut self, indicator: &str, index: usize) -> Result<(), EditError> {
        self.apply(Edit::RemoveFigure {
            indicator: indicator.to_owned(),
            index,
        })
    }

    /// The element id of a listed figure's box (`value`, `note`). The indicator's id is made
    /// safe as the renderers' are (`ind waits` → `fig-ind_20waits-0-value`): an id with a space
    /// would be two names to `aria-describedby`.
    pub fn figure_field(indicator: &str, index: usize, part: &str) -> String {
        format!(
            "{}-{index}-{part}",
            crate::render::common::element_id("fig", indicator)
        )
    }

    /// A listed figure's value as typed: a number that cannot be read stays out of the feed,
    /// with its message at the box.
    pub fn set_figure_value(
        &mut self,
        indicator: &str,
        index: usize,
        typed: &str,
    ) -> Result<(), EditError> {
        let field = Session::figure_field(indicator, index, "value");
        let found = self.indicator(indicator)?;
        let percent = found.unit == crate::feed::Unit::Percent;
        let mut figure = found
            .actual
            .get(index)
            .cloned()
            .ok_or_else(|| EditError::NoSuchFigure(indicator.to_owned(), index))?;
        self.typed.remove(&field);
        match crate::edit::form::read_figure(typed, percent, "The figure") {
            Ok(value) => {
                figure.value = value;
                self.apply(Edit::ChangeFigure {
                    indicator: indicator.to_owned(),
                    index,
                    figure,
                })
            }
            Err(message) => {
                self.typed.insert(field, message);
                Ok(())
            }
        }
    }

    pub fn set_figure_note(
        &mut self,
        indicator: &str,
        index: usize,
        typed: &str,
    ) -> Result<(), EditError> {
        let lang = self.current.default_lang().to_owned();
        let mut figure = self
            .indicator(indicator)?
            .actual
            .get(index)
            .cloned()
            .ok_or_else(|| EditError::NoSuchFigure(indicator.to_owned(), index))?;
        figure.note = crate::edit::set_text(figure.note.take(), &lang, Some(typed));
        self.apply(Edit::ChangeFigure {
            indicator: indicator.to_owned(),
            index,
            figure,
        })
    }

    /// The "You said, we did" entries and the actions they can belong to.
    pub fn updates(&self) -> Updates {
        updates(&self.current)
    }

    /// Adds an entry as typed, or gives the problem at its box (nothing is added then).
    pub fn add_update(
        &mut self,
        typed: &TypedUpdate,
        today: NaiveDate,
    ) -> Result<Result<(), UpdateProblem>, EditError> {
        match read_update(&self.current, None, typed, today) {
            Ok(update) => {
                self.apply(Edit::AddUpdate { update })?;
                Ok(Ok(()))
            }
            Err(problem) => Ok(Err(problem)),
        }
    }

    /// The element id of a listed entry's box (`date-day`, `we-did`...).
    pub fn update_field(index: usize, part: &str) -> String {
        format!("upd-{index}-{part}")
    }

    /// A listed entry as typed: what cannot be read stays out of the feed, its message kept at
    /// the box (and blocking the download) until fixed.
    pub fn change_update(
        &mut self,
        index: usize,
        typed: &TypedUpdate,
        today: NaiveDate,
    ) -> Result<(), EditError> {
        let existing = self
            .current
            .updates
            .get(index)
            .ok_or(EditError::NoSuchUpdate(index))?;
        let prefix = format!("upd-{index}-");
        self.typed.retain(|field, _| !field.starts_with(&prefix));
        match read_update(&self.current, Some(existing), typed, today) {
            Ok(update) => self.apply(Edit::ChangeUpdate { index, update }),
            Err(problem) => {
                self.typed
                    .insert(Session::update_field(index, problem.part), problem.message);
                Ok(())
            }
        }
    }

    pub fn remove_update(&mut self, index: usize) -> Result<(), EditError> {
        self.apply(Edit::RemoveUpdate { index })?;
        // Entries after it moved up: their typed problems no longer name the right box.
        self.typed.retain(|field, _| !field.starts_with("upd-"));
        Ok(())
    }

    /// Every service with its contact boxes.
    pub fn services(&self) -> Vec<ServiceRow> {
        services(&self.original, &self.current)
    }

    /// One of service `index`'s words as typed (`name`, `description`, `eligibility`, `access`,
    /// `cost`). A blank name keeps the last one and is reported at its box until fixed.
    pub fn set_service_text(
        &mut self,
        index: usize,
        field: &str,
        typed: &str,
    ) -> Result<(), EditError> {
        let id = self.service_id(index)?;
        let Some(which) = ServiceText::from_code(field) else {
            return Err(EditError::NoSuchService(format!("{id} field {field}")));
        };
        let box_id = format!("svc-{index}-{field}");
        match self.apply(Edit::ServiceText {
            service: id,
            field: which,
            text: typed.to_owned(),
        }) {
            Ok(()) => {
                self.typed.remove(&box_id);
                Ok(())
            }
            Err(EditError::Refused(message)) => {
                self.typed.insert(box_id, message);
                Ok(())
            }
            Err(other) => Err(other),
        }
    }

    fn service_id(&self, index: usize) -> Result<String, EditError> {
        self.current
            .services
            .get(index)
            .map(|s| s.id.clone())
            .ok_or_else(|| EditError::NoSuchService(format!("number {}", index + 1)))
    }

    /// Adds a service with this name at the end; `Err` with a message for the name box.
    pub fn add_service(&mut self, name: &str) -> Result<(), String> {
        self.apply(Edit::AddService {
            name: name.to_owned(),
        })
        .map_err(|e| e.to_string())
    }

    /// Removes service `index`; while steps use it, refused with their titles unless
    /// `from_steps`. Boxes after it move up, so their typed problems are dropped.
    pub fn remove_service(&mut self, index: usize, from_steps: bool) -> Result<(), EditError> {
        let id = self.service_id(index)?;
        self.apply(Edit::RemoveService {
            service: id,
            from_steps,
        })?;
        self.typed.retain(|field, _| !field.starts_with("svc-"));
        Ok(())
    }

    /// One contact box of service `index` as typed (`name`, `phone`, `email`, `url`, `note`).
    /// The checker then says at the box whether a phone, email or web address will work.
    pub fn set_contact_field(
        &mut self,
        index: usize,
        field: &str,
        typed: &str,
    ) -> Result<(), EditError> {
        let lang = self.current.default_lang().to_owned();
        let service = self
            .current
            .services
            .get(index)
            .ok_or_else(|| EditError::NoSuchService(format!("number {}", index + 1)))?;
        let contact = with_field(service.contact.clone(), &lang, field, typed);
        let id = service.id.clone();
        self.apply(Edit::ServiceContact {
            service: id,
            contact,
        })
    }

    /// The feed's languages, the first the one families fall back to.
    pub fn languages(&self) -> Vec<crate::edit::languages::Language> {
        crate::edit::languages::languages(&self.current)
    }

    /// A text's translation as typed into its box for `lang`: `Some` with the reason when it
    /// cannot go in (no words in the first language yet), for the page to show at the box.
    pub fn set_translation(
        &mut self,
        place: crate::edit::languages::TextPlace,
        lang: &str,
        value: &str,
    ) -> Result<Option<String>, EditError> {
        match self.apply(Edit::Translation {
            place,
            lang: lang.to_owned(),
            value: value.to_owned(),
        }) {
            Ok(()) => Ok(None),
            Err(EditError::Refused(message)) => Ok(Some(message)),
            Err(other) => Err(other),
        }
    }

    /// The typed value's problem at a field, if any (its box keeps what was typed).
    pub fn typed_problem(&self, field: &str) -> Option<&str> {
        self.typed.get(field).map(String::as_str)
    }

    /// The checker's result on the feed as edited, with what was typed and not yet valid.
    pub fn check(&self, today: NaiveDate) -> Check {
        self.check_text(&self.current_text(), today)
    }

    fn check_text(&self, text: &str, today: NaiveDate) -> Check {
        let report = validate_feed(text, today);
        let mut check = Check {
            errors: self
                .typed
                .iter()
                .map(|(field, message)| FieldMessage {
                    field: field.clone(),
                    message: message.clone(),
                })
                .collect(),
            warnings: Vec::new(),
        };
        let plan = crate::feed::current_plan_index(self.current.plans());
        for d in report.diagnostics {
            let message = FieldMessage {
                field: field_for_path(&d.path, plan),
                message: if d.fix.is_empty() {
                    d.message
                } else {
                    format!("{}. {}", d.message.trim_end_matches('.'), d.fix)
                },
            };
            match d.severity {
                Severity::Error => check.errors.push(message),
                Severity::Warning => check.warnings.push(message),
            }
        }
        check
    }

    pub fn changes(&self) -> Vec<String> {
        describe_changes(&self.original, &self.current)
    }

    /// The feed to download, dated today, or the errors that block it.
    pub fn publish(&self, today: NaiveDate) -> Publication {
        let mut feed = self.current.clone();
        feed.updated = today;
        let text = write_feed_like(&feed, &self.opened);
        let check = self.check_text(&text, today);
        let blocked = !check.errors.is_empty();
        Publication {
            changes: describe_changes(&self.original, &feed),
            check,
            file_name: format!("send-feed-{today}.json"),
            text: if blocked { String::new() } else { text },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made-up test data.
    const FEED: &str = r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-11-01","languages":["en"],
      "plan":{"title":"Plan","label":"Plan","workstreams":[{"id":"w","title":"W","leads":["Made-up lead"],"actions":[
        {"ref":"1.1","title":"A","measures":[{"text":"M1","deadline":"December 2027"}]}]}]}}"#;

    const AT: MeasureAt = MeasureAt {
        workstream: 0,
        action: 0,
        measure: 0,
    };

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn the_download_and_the_draft_leave_out_the_lists_the_feed_left_out() {
        // FEED has no services, pathways, indicators or updates: the download must not add
        // them as empty lists, or the council's copy would differ where nobody changed it.
        let mut session = Session::open(FEED).unwrap();
        session.set_status(AT, "on_track", today()).unwrap();
        let text = session.publish(today()).text;
        for list in ["services", "pathways", "indicators", "updates"] {
            assert!(!text.contains(&format!("\"{list}\"")), "{list}: {text}");
        }
        assert_eq!(session.original_text(), FEED);
        let resumed = Session::resume(&session.original_text(), &session.current_text()).unwrap();
        assert_eq!(resumed.current(), session.current());
        assert_eq!(resumed.current_text(), session.current_text());
        assert!(!resumed.current_text().contains("\"updates\""));
    }

    #[test]
    fn a_status_is_confirmed_today_and_published_with_todays_date() {
        let mut session = Session::open(FEED).unwrap();
        let row = session.set_status(AT, "on_track", today()).unwrap();
        assert_eq!(row.status, "on_track");
        assert_eq!(row.confirmed_on.day, "1");
        assert_eq!(row.family_sees, "On track");
        assert_eq!(row.leads, ["Made-up lead"]);
        let publication = session.publish(today());
        assert!(publication.check.errors.is_empty(), "{publication:?}");
        assert_eq!(publication.file_name, "send-feed-2026-12-01.json");
        assert!(publication.text.contains("\"updated\": \"2026-12-01\""));
        assert!(publication.text.contains("\"status_date\": \"2026-12-01\""));
        assert_eq!(
            publication.changes,
            [
                "Feed last checked (updated): 1 November 2026 → 1 December 2026",
                "Action 1.1, measure 1: status recorded: On track; confirmed on 1 December 2026"
            ]
        );
        // A draft resumes where it was.
        let resumed = Session::resume(&session.original_text(), &session.current_text()).unwrap();
        assert_eq!(resumed.changes(), session.changes());
    }

    #[test]
    fn a_bad_date_is_kept_at_its_box_and_blocks_publishing() {
        let mut session = Session::open(FEED).unwrap();
        session.set_status(AT, "complete", today()).unwrap();
        let bad = DateFields {
            day: "31".into(),
            month: "2".into(),
            year: "2026".into(),
        };
        session.set_confirmed_on(AT, &bad, today()).unwrap();
        let field = measure_field(AT, "confirmed-day");
        assert!(session.typed_problem(&field).is_some());
        let publication = session.publish(today());
        assert!(publication.text.is_empty());
        assert_eq!(publication.check.errors[0].field, field);
        assert!(publication.check.errors[0]
            .message
            .contains("must be a real date"));
        // The feed kept the last good date, and fixing the boxes clears the problem.
        assert!(session.current_text().contains("2026-12-01"));
        let good = DateFields {
            day: "28".into(),
            ..bad
        };
        session.set_confirmed_on(AT, &good, today()).unwrap();
        assert!(session.publish(today()).check.errors.is_empty());
        assert!(session.current_text().contains("2026-02-28"));
    }

    #[test]
    fn figures_are_added_changed_and_removed() {
        const WITH_INDICATOR: &str = r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-11-01","languages":["en"],
          "indicators":[{"id":"wait","title":"Children waiting (made up)","unit":"number","better":"lower","source":"Made up"}]}"#;
        let mut session = Session::open(WITH_INDICATOR).unwrap();
        let typed = NewFigure {
            period: DateFields {
                day: String::new(),
                month: "3".into(),
                year: "2024".into(),
            },
            value: "210".into(),
            note: String::new(),
        };
        assert_eq!(session.add_figure("wait", &typed, today()), Ok(Ok(vec![])));
        assert_eq!(
            session.changes(),
            ["New figure for Children waiting (made up): 210 (March 2024)"]
        );
        session.set_figure_value("wait", 0, "2,1OO").unwrap();
        let field = Session::figure_field("wait", 0, "value");
        assert!(session.typed_problem(&field).is_some());
        assert!(session.publish(today()).text.is_empty());
        session.set_figure_value("wait", 0, "220").unwrap();
        session.set_figure_note("wait", 0, "Made-up note").unwrap();
        assert!(session.typed_problem(&field).is_none());
        assert_eq!(session.indicator_figures()[0].figures[0].value, "220");
        session.remove_figure("wait", 0).unwrap();
        assert!(session.changes().is_empty());
        assert!(session.remove_figure("wait", 0).is_err());
    }

    #[test]
    fn you_said_we_did_entries_are_added_changed_and_removed() {
        let mut session = Session::open(FEED).unwrap();
        let mut typed = TypedUpdate {
            date: DateFields {
                day: String::new(),
                month: "11".into(),
                year: "2026".into(),
            },
            you_said: "Made-up: more news".into(),
            we_did: "A made-up newsletter".into(),
            source: String::new(),
            actions: vec!["1.1".into()],
        };
        assert_eq!(session.add_update(&typed, today()), Ok(Ok(())));
        assert_eq!(
            session.changes(),
            ["New “You said, we did” (November 2026): A made-up newsletter"]
        );
        typed.we_did = String::new();
        session.change_update(0, &typed, today()).unwrap();
        assert!(session
            .typed_problem(&Session::update_field(0, "we-did"))
            .is_some());
        assert!(session.publish(today()).text.is_empty());
        typed.we_did = "A made-up termly newsletter".into();
        session.change_update(0, &typed, today()).unwrap();
        assert!(session.publish(today()).check.errors.is_empty());
        assert_eq!(
            session.updates().entries[0].we_did,
            "A made-up termly newsletter"
        );
        session.remove_update(0).unwrap();
        assert!(session.changes().is_empty());
    }

    #[test]
    fn a_phone_with_words_is_flagged_at_its_box_and_blocks_publishing() {
        const WITH_SERVICE: &str = r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-11-01","languages":["en"],
          "services":[{"id":"s","name":"Made-up service"}]}"#;
        let mut session = Session::open(WITH_SERVICE).unwrap();
        session
            .set_contact_field(0, "phone", "call 020 7364 5000")
            .unwrap();
        let publication = session.publish(today());
        assert!(publication.text.is_empty());
        assert_eq!(publication.check.errors[0].field, "svc-0-phone");
        assert!(publication.check.errors[0]
            .message
            .contains("Use digits, spaces and an optional leading +"));
        session
            .set_contact_field(0, "phone", "020 7364 5000")
            .unwrap();
        let publication = session.publish(today());
        assert!(publication.check.errors.is_empty(), "{publication:?}");
        assert!(publication
            .changes
            .contains(&"Contact for Made-up service: phone added: 020 7364 5000".to_owned()));
        assert_eq!(session.services()[0].contact[1], "020 7364 5000");
    }

    #[test]
    fn a_figure_box_is_named_after_its_indicator_made_safe() {
        // Made-up ids: a space or a quote would be two names, or none, to aria-describedby.
        assert_eq!(
            Session::figure_field("wait", 0, "value"),
            "fig-wait-0-value"
        );
        assert_eq!(
            Session::figure_field("ind waits", 2, "note"),
            "fig-ind_20waits-2-note"
        );
        assert_eq!(
            Session::figure_field("a\"b", 0, "value"),
            "fig-a_22b-0-value"
        );
    }

    #[test]
    fn checker_paths_map_to_fields() {
        // A version 2 feed's paths name the plan; only the listed plan's measures have fields.
        assert_eq!(
            field_for_path(
                "plans[1].workstreams[0].actions[2].measures[0].status",
                Some(1)
            ),
            "m-0-2-0-status"
        );
        assert_eq!(
            field_for_path(
                "plans[0].workstreams[0].actions[2].measures[0].status",
                Some(1)
            ),
            ""
        );
        assert_eq!(
            field_for_path(
                "plan.workstreams[1].actions[2].measures[3].status_date",
                None
            ),
            "m-1-2-3-confirmed-day"
        );
        assert_eq!(
            field_for_path(
                "plan.workstreams[1].actions[2].measures[3].evidence.en",
                None
            ),
            "m-1-2-3-evidence"
        );
        assert_eq!(field_for_path("pathways[0].title", None), "");
        assert_eq!(
            field_for_path("services[3].contact.phone", None),
            "svc-3-phone"
        );
        assert_eq!(
            field_for_path("services[3].contact.name.en", None),
            "svc-3-name"
        );
        assert_eq!(
            field_for_path("services[3].name", None),
            "svc-3-service-name"
        );
        assert_eq!(
            field_for_path("services[3].description.bn", None),
            "svc-3-description"
        );
        assert_eq!(
            field_for_path("services[3].eligibility.text", None),
            "svc-3-eligibility"
        );
        assert_eq!(field_for_path("services[3].eligibility.min_age", None), "");
        assert_eq!(
            field_for_path("services[3].access.referral", None),
            "svc-3-access"
        );
    }
}
