//! What changed between the feed an officer opened and the one they are about to publish, in
//! the words they would use: "Action 1.3, measure 2: status Off track → Complete; evidence
//! added". Shown before downloading, so nothing changes unseen.
//!
//! The editor's own edits get a sentence each; anything else that differs (a feed changed by
//! hand before it was opened as a draft) is still named by its section, never left out.

use crate::edit::status_words;
use crate::feed::{Contact, Feed, Indicator, Point, Unit, Update};
use crate::i18n::format_date;
use crate::render::common::format_value;
use crate::text::Text;
use crate::Lang;

/// Every change from `before` to `after`, in feed order; empty when they are the same.
pub fn describe_changes(before: &Feed, after: &Feed) -> Vec<String> {
    let mut changes = Vec::new();
    if before.updated != after.updated {
        changes.push(format!(
            "Feed last checked (updated): {} → {}",
            day(before.updated),
            day(after.updated)
        ));
    }
    services(before, after, &mut changes);
    pathways(before, after, &mut changes);
    measures(before, after, &mut changes);
    indicators(before, after, &mut changes);
    updates(before, after, &mut changes);
    others(before, after, &mut changes);
    changes
}

fn day(date: chrono::NaiveDate) -> String {
    format_date(crate::date::PartialDate::Day(date), Lang::En)
}

fn words<'a>(feed: &'a Feed, text: &'a Text) -> &'a str {
    text.get(feed.default_lang(), feed.default_lang()).text
}

/// Which languages of a changed text changed, as " (Bengali)" or " (English and Bengali)"; ""
/// when neither version is translated (a one-language feed needs no language named). A plain
/// text counts as the feed's default language.
fn in_languages(default_lang: &str, old: Option<&Text>, new: Option<&Text>) -> String {
    let translated = |t: Option<&Text>| matches!(t, Some(Text::Translated(_)));
    if !translated(old) && !translated(new) {
        return String::new();
    }
    let by_lang = |t: Option<&Text>| -> Vec<(String, String)> {
        match t {
            None => Vec::new(),
            Some(Text::Plain(text)) => vec![(default_lang.to_owned(), text.clone())],
            Some(Text::Translated(map)) => {
                map.iter().map(|(l, t)| (l.clone(), t.clone())).collect()
            }
        }
    };
    let (a, b) = (by_lang(old), by_lang(new));
    let mut langs: Vec<&str> = a.iter().chain(&b).map(|(l, _)| l.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    let words_in = |list: &[(String, String)], lang: &str| {
        list.iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t.trim().to_owned())
            .filter(|t| !t.is_empty())
    };
    let names: Vec<String> = langs
        .into_iter()
        .filter(|lang| words_in(&a, lang) != words_in(&b, lang))
        .map(crate::edit::language_names::language_name)
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => format!(" ({one})"),
        [rest @ .., last] => format!(" ({} and {last})", rest.join(", ")),
    }
}

fn services(before: &Feed, after: &Feed, changes: &mut Vec<String>) {
    for old in &before.services {
        if after.service(&old.id).is_none() {
            changes.push(format!("Service removed: {}", words(before, &old.name)));
        }
    }
    for new in &after.services {
        let Some(old) = before.service(&new.id) else {
            changes.push(format!("New service: {}", words(after, &new.name)));
            continue;
        };
        let mut said = Vec::new();
        for (field, _, label, _) in crate::edit::services::SERVICE_FIELDS {
            let label = label.trim_end_matches(" (optional)");
            match (field.get(old), field.get(new)) {
                (None, Some(_)) => said.push(format!("“{label}” added")),
                (Some(_), None) => said.push(format!("“{label}” removed")),
                (Some(x), Some(y)) if x != y => said.push(format!(
                    "“{label}” changed{}",
                    in_languages(after.default_lang(), Some(x), Some(y))
                )),
                _ => {}
            }
        }
        if !said.is_empty() {
            changes.push(format!(
                "Service {}: {}",
                words(before, &old.name),
                said.join("; ")
            ));
        }
        if old.contact == new.contact {
            continue;
        }
        let empty = Contact::default();
        let (a, b) = (
            old.contact.as_ref().unwrap_or(&empty),
            new.contact.as_ref().unwrap_or(&empty),
        );
        let mut parts = Vec::new();
        let mut field = |name: &str, x: Option<&str>, y: Option<&str>| match (x, y) {
            (None, Some(y)) => parts.push(format!("{name} added: {y}")),
            (Some(x), None) => parts.push(format!("{name} removed (was {x})")),
            (Some(x), Some(y)) if x != y => parts.push(format!("{name} {x} → {y}")),
            _ => {}
        };
        let text = |feed: &Feed, t: &Option<Text>| t.as_ref().map(|t| words(feed, t).to_owned());
        field(
            "name",
            text(before, &a.name).as_deref(),
            text(after, &b.name).as_deref(),
        );
        field("phone", a.phone.as_deref(), b.phone.as_deref());
        field("email", a.email.as_deref(), b.email.as_deref());
        field("web address", a.url.as_deref(), b.url.as_deref());
        field(
            "opening hours",
            text(before, &a.note).as_deref(),
            text(after, &b.note).as_deref(),
        );
        // The same words in the feed's own language, another language's words changed.
        for (name, x, y) in [
            ("name", &a.name, &b.name),
            ("opening hours", &a.note, &b.note),
        ] {
            if x != y && text(before, x) == text(after, y) {
                parts.push(format!(
                    "{name} changed{}",
                    in_languages(after.default_lang(), x.as_ref(), y.as_ref())
                ));
            }
        }
        if parts.is_empty() {
            parts.push("changed".to_owned());
        }
        changes.push(format!(
            "Contact for {}: {}",
            words(after, &new.name),
            parts.join("; ")
        ));
    }
}

fn as_str(ids: &[String]) -> Vec<&str> {
    ids.iter().map(String::as_str).collect()
}

/// What differs between two versions of a list of things with ids: the ids only in `before`,
/// only in `after`, and whether those in both are in another order.
fn by_id<'a>(before: &[&'a str], after: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>, bool) {
    let gone = before
        .iter()
        .filter(|id| !after.contains(id))
        .copied()
        .collect();
    let new = after
        .iter()
        .filter(|id| !before.contains(id))
        .copied()
        .collect();
    let kept = |list: &[&'a str], other: &[&'a str]| -> Vec<&'a str> {
        list.iter()
            .filter(|id| other.contains(id))
            .copied()
            .collect()
    };
    let moved = kept(before, after) != kept(after, before);
    (gone, new, moved)
}

/// A sentence a pathway, and one a step that changed: "Autism assessment, step “Referral”:
/// typical wait changed; services changed".
fn pathways(before: &Feed, after: &Feed, changes: &mut Vec<String>) {
    let ids = |feed: &Feed| -> Vec<String> { feed.pathways.iter().map(|p| p.id.clone()).collect() };
    let (old_ids, new_ids) = (ids(before), ids(after));
    let (gone, new, moved) = by_id(&as_str(&old_ids), &as_str(&new_ids));
    for id in gone {
        if let Some(p) = before.pathway(id) {
            changes.push(format!("Pathway removed: {}", words(before, &p.title)));
        }
    }
    for id in new {
        if let Some(p) = after.pathway(id) {
            changes.push(format!("New pathway: {}", words(after, &p.title)));
        }
    }
    if moved {
        changes.push("Pathways put in another order".to_owned());
    }
    for new in &after.pathways {
        let Some(old) = before.pathway(&new.id) else {
            continue;
        };
        if old == new {
            continue;
        }
        let name = words(before, &old.title);
        let mut said = Vec::new();
        let mut differs = |what: &str, same: bool| {
            if !same {
                said.push(format!("{what} changed"));
            }
        };
        differs("title", old.title == new.title);
        differs("summary", old.summary == new.summary);
        differs("who it is for", old.audience == new.audience);
        differs("statutory clock", old.clock == new.clock);
        differs("where to get help", old.help == new.help);
        let stage_ids = |p: &'_ crate::feed::Pathway| -> Vec<String> {
            p.stages.iter().map(|s| s.id.clone()).collect()
        };
        let (a, b) = (stage_ids(old), stage_ids(new));
        let (gone, added, moved) = by_id(&as_str(&a), &as_str(&b));
        let stage_title = |p: &crate::feed::Pathway, feed: &Feed, id: &str| {
            p.stages
                .iter()
                .find(|s| s.id == id)
                .map_or(String::new(), |s| words(feed, &s.title).to_owned())
        };
        for id in gone {
            said.push(format!("stage “{}” removed", stage_title(old, before, id)));
        }
        for id in added {
            said.push(format!("new stage “{}”", stage_title(new, after, id)));
        }
        if moved {
            said.push("stages put in another order".to_owned());
        }
        for stage in &new.stages {
            if let Some(was) = old.stages.iter().find(|s| s.id == stage.id) {
                if was != stage {
                    said.push(format!("stage “{}” changed", words(before, &was.title)));
                }
            }
        }
        let step_ids = |p: &'_ crate::feed::Pathway| -> Vec<String> {
            p.steps.iter().map(|s| s.id.clone()).collect()
        };
        let (a, b) = (step_ids(old), step_ids(new));
        let (gone, added, moved) = by_id(&as_str(&a), &as_str(&b));
        let step_title = |p: &crate::feed::Pathway, feed: &Feed, id: &str| {
            p.steps
                .iter()
                .find(|s| s.id == id)
                .map_or(String::new(), |s| words(feed, &s.title).to_owned())
        };
        for id in gone {
            said.push(format!("step “{}” removed", step_title(old, before, id)));
        }
        for id in added {
            said.push(format!("new step “{}”", step_title(new, after, id)));
        }
        if moved {
            said.push("steps put in another order".to_owned());
        }
        if !said.is_empty() {
            changes.push(format!("{name}: {}", said.join("; ")));
        }
        for step in &new.steps {
            let Some(was) = old.steps.iter().find(|s| s.id == step.id) else {
                continue;
            };
            let parts = step_changes(was, step);
            if !parts.is_empty() {
                changes.push(format!(
                    "{name}, step “{}”: {}",
                    words(before, &was.title),
                    parts.join("; ")
                ));
            }
        }
    }
}

/// What changed in a step, field by field, in the editor's words.
fn step_changes(old: &crate::feed::Step, new: &crate::feed::Step) -> Vec<String> {
    let mut parts = Vec::new();
    let mut differs = |what: &str, same: bool| {
        if !same {
            parts.push(format!("{what} changed"));
        }
    };
    differs("title", old.title == new.title);
    differs("what happens", old.body == new.body);
    differs("stage", old.stage == new.stage);
    differs("services", old.services == new.services);
    differs("typical wait", old.typical_wait == new.typical_wait);
    differs("time limit", old.time_limit == new.time_limit);
    differs(
        "what families can do while waiting",
        old.while_waiting == new.while_waiting,
    );
    differs("next steps", old.next == new.next);
    differs("optional or not", old.optional == new.optional);
    differs("linked figures", old.indicators == new.indicators);
    differs("who it is for", old.audience == new.audience);
    parts
}

fn measures(before: &Feed, after: &Feed, changes: &mut Vec<String>) {
    let (Some(old_plan), Some(new_plan)) = (before.current_plan(), after.current_plan()) else {
        return;
    };
    for (old_ws, new_ws) in old_plan.workstreams.iter().zip(&new_plan.workstreams) {
        for (old_action, new_action) in old_ws.actions.iter().zip(&new_ws.actions) {
            for (m, (old, new)) in old_action
                .measures
                .iter()
                .zip(&new_action.measures)
                .enumerate()
            {
                let mut parts = Vec::new();
                match (old.status, new.status) {
                    (None, Some(s)) => parts.push(format!("status recorded: {}", status_words(s))),
                    (Some(s), None) => {
                        parts.push(format!("status removed (was {})", status_words(s)))
                    }
                    (Some(x), Some(y)) if x != y => {
                        parts.push(format!("status {} → {}", status_words(x), status_words(y)))
                    }
                    _ => {}
                }
                match (&old.evidence, &new.evidence) {
                    (None, Some(_)) => parts.push("evidence added".to_owned()),
                    (Some(_), None) => parts.push("evidence removed".to_owned()),
                    (Some(x), Some(y)) if x != y => parts.push(format!(
                        "evidence changed{}",
                        in_languages(after.default_lang(), Some(x), Some(y))
                    )),
                    _ => {}
                }
                match (old.status_date, new.status_date) {
                    (None, Some(d)) => {
                        parts.push(format!("confirmed on {}", format_date(d, Lang::En)))
                    }
                    (Some(_), None) => parts.push("“confirmed on” date removed".to_owned()),
                    (Some(x), Some(y)) if x != y => parts.push(format!(
                        "confirmed on {} → {}",
                        format_date(x, Lang::En),
                        format_date(y, Lang::En)
                    )),
                    _ => {}
                }
                if !parts.is_empty() {
                    changes.push(format!(
                        "Action {}, measure {}: {}",
                        new_action.reference,
                        m + 1,
                        parts.join("; ")
                    ));
                }
            }
        }
    }
}

fn figure(point: &Point, unit: Unit) -> String {
    format!(
        "{} ({})",
        format_value(point.value, unit),
        format_date(point.period, Lang::En)
    )
}

fn indicators(before: &Feed, after: &Feed, changes: &mut Vec<String>) {
    for new in &after.indicators {
        let Some(old) = before.indicator(&new.id) else {
            changes.push(format!("New indicator: {}", words(after, &new.title)));
            continue;
        };
        let title = words(after, &new.title);
        for point in &new.actual {
            match old.actual.iter().find(|p| p.period == point.period) {
                None => changes.push(format!(
                    "New figure for {title}: {}",
                    figure(point, new.unit)
                )),
                Some(was) if was.value != point.value => changes.push(format!(
                    "Figure for {title}, {}: {} → {}",
                    format_date(point.period, Lang::En),
                    format_value(was.value, new.unit),
                    format_value(point.value, new.unit)
                )),
                Some(was) if was.note != point.note => changes.push(format!(
                    "Figure for {title}, {}: note changed{}",
                    format_date(point.period, Lang::En),
                    in_languages(after.default_lang(), was.note.as_ref(), point.note.as_ref())
                )),
                Some(_) => {}
            }
        }
        for point in &old.actual {
            if !new.actual.iter().any(|p| p.period == point.period) {
                changes.push(format!(
                    "Figure removed from {title}: {}",
                    figure(point, old.unit)
                ));
            }
        }
        let same_but_figures = Indicator {
            actual: old.actual.clone(),
            ..new.clone()
        };
        if &same_but_figures != old {
            changes.push(format!("{title}: other details changed"));
        }
    }
    for old in &before.indicators {
        if after.indicator(&old.id).is_none() {
            changes.push(format!("Indicator removed: {}", words(before, &old.title)));
        }
    }
}

fn update_words(feed: &Feed, update: &Update) -> String {
    let mut said: String = words(feed, &update.we_did).chars().take(60).collect();
    if said.len() < words(feed, &update.we_did).len() {
        said.push('…');
    }
    format!("({}): {said}", format_date(update.date, Lang::En))
}

/// Entries only in one feed are new or removed; an entry replaced at the same place in the list
/// was changed. (Comparing place by place alone would call every entry after a removal changed.)
fn updates(before: &Feed, after: &Feed, changes: &mut Vec<String>) {
    let gone: Vec<usize> = (0..before.updates.len())
        .filter(|&i| !after.updates.contains(&before.updates[i]))
        .collect();
    let new: Vec<usize> = (0..after.updates.len())
        .filter(|&i| !before.updates.contains(&after.updates[i]))
        .collect();
    for &i in &new {
        let words = update_words(after, &after.updates[i]);
        if gone.contains(&i) {
            changes.push(format!("“You said, we did” changed {words}"));
        } else {
            changes.push(format!("New “You said, we did” {words}"));
        }
    }
    for &i in &gone {
        if !new.contains(&i) {
            changes.push(format!(
                "“You said, we did” removed {}",
                update_words(before, &before.updates[i])
            ));
        }
    }
}

/// Sections that differ in ways the sentences above do not cover.
fn others(before: &Feed, after: &Feed, changes: &mut Vec<String>) {
    let neutral = |feed: &Feed| {
        let mut feed = feed.clone();
        feed.updated = chrono::NaiveDate::MIN;
        feed.updates.clear();
        // Pathways are said above, pathway by pathway and step by step.
        feed.pathways.clear();
        for indicator in &mut feed.indicators {
            indicator.actual.clear();
        }
        // Services' words, contacts, additions and removals are said above.
        feed.services
            .retain(|s| before.service(&s.id).is_some() && after.service(&s.id).is_some());
        for service in &mut feed.services {
            service.contact = None;
            crate::edit::services::clear_words(service);
        }
        for plan in feed.plans_mut() {
            for measure in plan
                .workstreams
                .iter_mut()
                .flat_map(|w| w.actions.iter_mut())
                .flat_map(|a| a.measures.iter_mut())
            {
                measure.status = None;
                measure.evidence = None;
                measure.status_date = None;
            }
        }
        feed
    };
    let (a, b) = (neutral(before), neutral(after));
    let mut sections = Vec::new();
    if a.schema != b.schema || a.version != b.version {
        sections.push("the format");
    }
    if a.publisher != b.publisher {
        sections.push("the publisher");
    }
    if a.languages != b.languages {
        sections.push("the languages");
    }
    if a.services != b.services {
        sections.push("services");
    }
    if a.plan != b.plan || a.plans != b.plans {
        sections.push("the improvement plan");
    }
    if !sections.is_empty() {
        changes.push(format!("Other changes in {}", sections.join(", ")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use crate::edit::{apply, Edit, MeasureAt};
    use crate::feed::Status;

    /// Made-up test data: no council's figures.
    const FEED: &str = r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-01-05","languages":["en"],
      "services":[{"id":"s","name":"Made-up service"}],
      "plan":{"title":"Plan","label":"Plan","workstreams":[{"id":"w","title":"W","actions":[
        {"ref":"1.3","title":"A","measures":[{"text":"M1","deadline":"December 2027"},{"text":"M2","deadline":"December 2027","status":"off_track"}]}]}]},
      "indicators":[{"id":"wait","title":"Children waiting (made up)","unit":"number","better":"lower","source":"Made up",
        "actual":[{"period":"2024-01","value":200}]}],
      "updates":[]}"#;

    #[test]
    fn says_each_change_in_words() {
        let before = crate::parse_feed(FEED).unwrap();
        let mut after = before.clone();
        let at = MeasureAt {
            workstream: 0,
            action: 0,
            measure: 1,
        };
        let edits = [
            Edit::MeasureStatus {
                at,
                status: Some(Status::Complete),
            },
            Edit::MeasureEvidence {
                at,
                evidence: Some("Report to the board".into()),
            },
            Edit::MeasureStatusDate {
                at,
                date: Some(PartialDate::Day(
                    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                )),
            },
            Edit::AddFigure {
                indicator: "wait".into(),
                figure: Point {
                    period: PartialDate::Month(2024, 3),
                    value: 210.0,
                    note: None,
                },
            },
            Edit::ServiceContact {
                service: "s".into(),
                contact: Some(Contact {
                    phone: Some("020 7364 5000".into()),
                    ..Contact::default()
                }),
            },
            Edit::AddUpdate {
                update: Update {
                    date: PartialDate::Month(2026, 11),
                    you_said: Some(Text::Plain("More news".into())),
                    we_did: Text::Plain("A termly newsletter".into()),
                    actions: vec!["1.3".into()],
                    source: None,
                },
            },
        ];
        for edit in edits {
            apply(&mut after, edit).unwrap();
        }
        assert_eq!(
            describe_changes(&before, &after),
            [
                "Contact for Made-up service: phone added: 020 7364 5000",
                "Action 1.3, measure 2: status Off track → Complete; evidence added; confirmed on 1 December 2026",
                "New figure for Children waiting (made up): 210 (March 2024)",
                "New “You said, we did” (November 2026): A termly newsletter",
            ]
        );
        assert!(describe_changes(&before, &before).is_empty());

        // A removal is one removal, not a change to every entry after it.
        let mut shorter = after.clone();
        let mut longer = after.clone();
        for n in 0..3 {
            longer.updates.push(Update {
                date: PartialDate::Month(2026, 1 + n),
                you_said: None,
                we_did: Text::Plain(format!("Made-up entry {n}")),
                actions: vec![],
                source: None,
            });
        }
        shorter.updates = longer.updates.clone();
        shorter.updates.remove(1);
        assert_eq!(
            describe_changes(&longer, &shorter),
            ["“You said, we did” removed (January 2026): Made-up entry 0"]
        );
        let mut changed = longer.clone();
        changed.updates[2].we_did = Text::Plain("Made-up entry 1, corrected".into());
        assert_eq!(
            describe_changes(&longer, &changed),
            ["“You said, we did” changed (February 2026): Made-up entry 1, corrected"]
        );
    }

    #[test]
    fn a_translation_changed_names_its_language() {
        let map = |pairs: &[(&str, &str)]| {
            Text::Translated(
                pairs
                    .iter()
                    .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                    .collect(),
            )
        };
        // Made-up words: English kept, Bengali changed.
        let mut before = crate::parse_feed(FEED).unwrap();
        let at = MeasureAt {
            workstream: 0,
            action: 0,
            measure: 1,
        };
        crate::edit::measure_mut(&mut before, at).unwrap().evidence =
            Some(map(&[("en", "Report"), ("bn", "রিপোর্ট")]));
        let mut after = before.clone();
        crate::edit::measure_mut(&mut after, at).unwrap().evidence =
            Some(map(&[("en", "Report"), ("bn", "বোর্ডের রিপোর্ট")]));
        assert_eq!(
            describe_changes(&before, &after),
            ["Action 1.3, measure 2: evidence changed (Bengali)"]
        );
        // Both languages changed; a plain text counts as the default language (English here).
        let both = in_languages(
            "en",
            Some(&Text::Plain("Report".into())),
            Some(&map(&[("en", "Board report"), ("bn", "রিপোর্ট")])),
        );
        assert_eq!(both, " (Bengali and English)");
        // A one-language feed names none.
        let plain = in_languages(
            "en",
            Some(&Text::Plain("a".into())),
            Some(&Text::Plain("b".into())),
        );
        assert_eq!(plain, "");
    }

    #[test]
    fn services_added_removed_and_reworded_are_said() {
        let before = crate::parse_feed(FEED).unwrap();
        let mut after = before.clone();
        let edits = [
            Edit::ServiceText {
                service: "s".into(),
                field: crate::edit::services::ServiceText::Cost,
                text: "Free".into(),
            },
            Edit::AddService {
                name: "Made-up new service".into(),
            },
        ];
        for edit in edits {
            apply(&mut after, edit).unwrap();
        }
        assert_eq!(
            describe_changes(&before, &after),
            [
                "Service Made-up service: “Cost” added",
                "New service: Made-up new service"
            ]
        );
        assert_eq!(
            describe_changes(&after, &before),
            [
                "Service removed: Made-up new service",
                "Service Made-up service: “Cost” removed"
            ]
        );
    }

    #[test]
    fn pathway_changes_are_said_pathway_by_pathway_and_step_by_step() {
        use crate::edit::pathway::{PathwayEdit, StepText};
        let before =
            crate::parse_feed(include_str!("../../../../www/feed/tower-hamlets.json")).unwrap();
        let mut after = before.clone();
        let edits = [
            PathwayEdit::StepText {
                pathway: "autism".into(),
                step: "referral".into(),
                field: StepText::TypicalWait,
                lang: "en".into(),
                value: "Made-up wait".into(),
            },
            PathwayEdit::StepServices {
                pathway: "autism".into(),
                step: "referral".into(),
                services: vec![],
            },
            PathwayEdit::AddStage {
                pathway: "autism".into(),
                title: "Made-up stage".into(),
            },
            PathwayEdit::RemoveStep {
                pathway: "preparing-for-adulthood".into(),
                step: "pfa-booklet".into(),
                instead: None,
            },
        ];
        for edit in edits {
            apply(&mut after, Edit::Pathway(edit)).unwrap();
        }
        let changes = describe_changes(&before, &after);
        assert!(
            changes.contains(
                &"The autism pathway, step “Referral for an autism assessment”: services changed; typical wait changed"
                    .to_owned()
            ),
            "{changes:#?}"
        );
        assert!(
            changes.contains(&"The autism pathway: new stage “Made-up stage”".to_owned()),
            "{changes:#?}"
        );
        assert!(
            changes
                .iter()
                .any(|c| c.starts_with("Preparing for adulthood: step “")
                    && c.ends_with("” removed")),
            "{changes:#?}"
        );
        assert!(
            !changes.iter().any(|c| c.starts_with("Other changes")),
            "{changes:#?}"
        );
        let mut fewer = before.clone();
        fewer.pathways.remove(1);
        assert_eq!(
            describe_changes(&before, &fewer),
            ["Pathway removed: Education, health and care (EHC) needs assessments and plans"]
        );
        assert_eq!(
            describe_changes(&fewer, &before),
            ["New pathway: Education, health and care (EHC) needs assessments and plans"]
        );
    }

    #[test]
    fn changes_outside_the_editor_are_named_not_hidden() {
        let before = crate::parse_feed(FEED).unwrap();
        let mut after = before.clone();
        after.languages.push("bn".into());
        assert_eq!(
            describe_changes(&before, &after),
            ["Other changes in the languages"]
        );
    }
}
