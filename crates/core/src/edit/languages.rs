//! Every text the editor shows, in each language of the feed side by side: the values a box a
//! language shows, and a translation typed into one of them.
//!
//! The feed's first language is the one families fall back to when a translation is missing
//! (`Text::get`), so a translation is only ever added to a text that has words in that
//! language; the first language itself is edited through each field's own edit (a blank name
//! refused, evidence confirming the status today...), never through this one.

pub use crate::edit::language_names::language_name;
use crate::edit::pathway::{set_in, text_in};
use crate::edit::service_fields::ServiceText;
use crate::edit::{measure_mut, EditError, MeasureAt};
use crate::feed::{Access, Contact, Feed, Service, Update};
use crate::text::Text;
use serde::Serialize;

/// A language of the feed as the editor names it to the officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Language {
    pub code: String,
    /// In English: "Bengali"; a code the editor has no name for is shown as it is ("xx").
    pub name: String,
}

/// The feed's languages in its order (the first is the fallback), or the default one alone.
pub fn languages(feed: &Feed) -> Vec<Language> {
    codes(feed)
        .into_iter()
        .map(|code| Language {
            name: language_name(&code),
            code,
        })
        .collect()
}

fn codes(feed: &Feed) -> Vec<String> {
    if feed.languages.is_empty() {
        vec![feed.default_lang().to_owned()]
    } else {
        feed.languages.clone()
    }
}

/// The text in each of the feed's languages, exactly (no fallback): empty where it has none.
pub fn in_each(feed: &Feed, text: Option<&Text>) -> Vec<String> {
    let lang = feed.default_lang();
    codes(feed).iter().map(|l| text_in(text, l, lang)).collect()
}

/// A text the editor shows side by side, by its place. Services are named by their place in
/// the list, as the page lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPlace {
    Evidence {
        workstream: usize,
        action: usize,
        measure: usize,
    },
    FigureNote {
        indicator: String,
        index: usize,
    },
    YouSaid {
        index: usize,
    },
    WeDid {
        index: usize,
    },
    Source {
        index: usize,
    },
    /// One of a service's words: `field` is the box's code (`description`, `cost`...).
    Service {
        index: usize,
        field: String,
    },
    ContactName {
        index: usize,
    },
    /// The contact's opening hours.
    ContactNote {
        index: usize,
    },
}

impl TextPlace {
    /// The place as the page names it: a kind (`evidence`, `figure-note`, `you-said`, `we-did`,
    /// `source`, `service`, `contact-name`, `contact-note`), a key (the indicator's id, the
    /// service box's code) and up to three numbers (workstream, action and measure; else the
    /// place in its list). Plain values rather than a tagged object: serde's tagged-enum reader
    /// would add tens of kilobytes to the editor's wasm for one call.
    pub fn from_parts(kind: &str, key: &str, numbers: [usize; 3]) -> Option<TextPlace> {
        let [i, j, k] = numbers;
        Some(match kind {
            "evidence" => TextPlace::Evidence {
                workstream: i,
                action: j,
                measure: k,
            },
            "figure-note" => TextPlace::FigureNote {
                indicator: key.to_owned(),
                index: i,
            },
            "you-said" => TextPlace::YouSaid { index: i },
            "we-did" => TextPlace::WeDid { index: i },
            "source" => TextPlace::Source { index: i },
            "service" => TextPlace::Service {
                index: i,
                field: key.to_owned(),
            },
            "contact-name" => TextPlace::ContactName { index: i },
            "contact-note" => TextPlace::ContactNote { index: i },
            _ => return None,
        })
    }
}

/// Sets the translation in `lang` (not the feed's first language), keeping every other
/// language; blank removes it. Refused, in words, when the text has no words in the first
/// language yet: families would otherwise read the translation as if it were the English.
/// A refused translation changes nothing.
pub fn set_translation(
    feed: &mut Feed,
    place: &TextPlace,
    lang: &str,
    value: &str,
) -> Result<(), EditError> {
    let first = feed.default_lang().to_owned();
    if lang == first {
        return Err(EditError::Refused(format!(
            "“{lang}” is the feed's first language: change it in its own box"
        )));
    }
    let mut draft = feed.clone();
    let slot = text_mut(&mut draft, place)?;
    let blank = value.trim().is_empty();
    let english = match &slot {
        Slot::Required(text) => text_in(Some(text), &first, &first),
        Slot::Optional(text) => text_in(text.as_ref(), &first, &first),
    };
    if english.trim().is_empty() {
        if blank {
            // Nothing to translate and nothing typed: nothing changes (not even an empty
            // contact made to hold it).
            return Ok(());
        }
        return Err(EditError::Refused(format!(
            "Type the {} first: a translation needs the words it translates",
            language_name(&first)
        )));
    }
    // A translation typed and then emptied leaves the text as it was: in one language, plain.
    let plain = |text: Option<Text>| match text {
        Some(Text::Translated(map)) if map.len() == 1 && map.contains_key(&first) => {
            map.into_values().next().map(Text::Plain)
        }
        other => other,
    };
    match slot {
        Slot::Required(text) => {
            if let Some(new) = plain(set_in(Some(text.clone()), lang, &first, value)) {
                *text = new;
            }
        }
        Slot::Optional(text) => *text = plain(set_in(text.take(), lang, &first, value)),
    }
    *feed = draft;
    Ok(())
}

/// A text a field must have (a name, what the council did) or may have.
enum Slot<'a> {
    Required(&'a mut Text),
    Optional(&'a mut Option<Text>),
}

/// The text at `place`, to change. A service's eligibility, access or contact is made (empty)
/// if missing; the caller works on a copy and keeps it only when the translation went in.
fn text_mut<'a>(feed: &'a mut Feed, place: &TextPlace) -> Result<Slot<'a>, EditError> {
    Ok(match place {
        &TextPlace::Evidence {
            workstream,
            action,
            measure,
        } => Slot::Optional(
            &mut measure_mut(
                feed,
                MeasureAt {
                    workstream,
                    action,
                    measure,
                },
            )?
            .evidence,
        ),
        TextPlace::FigureNote { indicator, index } => Slot::Optional(
            &mut feed
                .indicators
                .iter_mut()
                .find(|i| &i.id == indicator)
                .ok_or_else(|| EditError::NoSuchIndicator(indicator.clone()))?
                .actual
                .get_mut(*index)
                .ok_or_else(|| EditError::NoSuchFigure(indicator.clone(), *index))?
                .note,
        ),
        TextPlace::YouSaid { index } => Slot::Optional(&mut update_mut(feed, *index)?.you_said),
        TextPlace::Source { index } => Slot::Optional(&mut update_mut(feed, *index)?.source),
        TextPlace::WeDid { index } => Slot::Required(&mut update_mut(feed, *index)?.we_did),
        TextPlace::ContactName { index } => Slot::Optional(&mut contact_mut(feed, *index)?.name),
        TextPlace::ContactNote { index } => Slot::Optional(&mut contact_mut(feed, *index)?.note),
        TextPlace::Service { index, field } => {
            let which = ServiceText::from_code(field)
                .ok_or_else(|| EditError::NoSuchService(format!("field {field}")))?;
            let service = service_mut(feed, *index)?;
            match which {
                ServiceText::Name => Slot::Required(&mut service.name),
                ServiceText::Description => Slot::Optional(&mut service.description),
                ServiceText::Cost => Slot::Optional(&mut service.cost),
                ServiceText::Eligibility => Slot::Optional(
                    &mut service
                        .eligibility
                        .get_or_insert_with(Default::default)
                        .text,
                ),
                ServiceText::Access => Slot::Optional(
                    &mut service
                        .access
                        .get_or_insert(Access {
                            referral: None,
                            self_referral: None,
                        })
                        .referral,
                ),
            }
        }
    })
}

/// The "You said, we did" entry at `index` (counting from 0).
fn update_mut(feed: &mut Feed, index: usize) -> Result<&mut Update, EditError> {
    feed.updates
        .get_mut(index)
        .ok_or(EditError::NoSuchUpdate(index))
}

/// The service at `index` (counting from 0); the error counts from 1, as officers do.
fn service_mut(feed: &mut Feed, index: usize) -> Result<&mut Service, EditError> {
    feed.services
        .get_mut(index)
        .ok_or_else(|| EditError::NoSuchService(format!("number {}", index + 1)))
}

/// The contact of the service at `index`, made (empty) if it has none.
fn contact_mut(feed: &mut Feed, index: usize) -> Result<&mut Contact, EditError> {
    Ok(service_mut(feed, index)?
        .contact
        .get_or_insert_with(Default::default))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Edit};
    use crate::parse::parse_feed;

    /// Made-up test data: a feed in English, Bengali and a code the editor has no name for.
    fn feed() -> Feed {
        parse_feed(
            r#"{"version":1,"publisher":{"name":"Made-up council (test data)"},"updated":"2026-11-01",
              "languages":["en","bn","xq"],
              "services":[{"id":"s","name":"Made-up service","description":"Made-up words"}],
              "plan":{"title":"Plan","label":"Plan","workstreams":[{"id":"w","title":"W","actions":[
                {"ref":"1.1","title":"A","measures":[{"text":"M1","deadline":"December 2027","evidence":"Made-up report"},
                                                     {"text":"M2","deadline":"December 2027"}]}]}]},
              "indicators":[{"id":"wait","title":"Made-up waits","unit":"number","better":"lower","source":"Made up",
                "actual":[{"period":"2024-01","value":200,"note":"Made-up note"}]}],
              "updates":[{"date":"2024-02","we_did":"Made-up entry"}]}"#,
        )
        .expect("made-up feed parses")
    }

    fn translate(
        feed: &mut Feed,
        place: TextPlace,
        lang: &str,
        value: &str,
    ) -> Result<(), EditError> {
        apply(
            feed,
            Edit::Translation {
                place,
                lang: lang.to_owned(),
                value: value.to_owned(),
            },
        )
    }

    #[test]
    fn places_from_the_pages_parts() {
        assert_eq!(
            TextPlace::from_parts("evidence", "", [1, 2, 3]),
            Some(TextPlace::Evidence {
                workstream: 1,
                action: 2,
                measure: 3
            })
        );
        assert_eq!(
            TextPlace::from_parts("service", "cost", [4, 0, 0]),
            Some(TextPlace::Service {
                index: 4,
                field: "cost".into()
            })
        );
        assert_eq!(TextPlace::from_parts("no-such-place", "", [0; 3]), None);
    }

    #[test]
    fn the_feeds_languages_decide_the_boxes() {
        let feed = feed();
        let names: Vec<(String, String)> = languages(&feed)
            .into_iter()
            .map(|l| (l.code, l.name))
            .collect();
        assert_eq!(
            names,
            [
                ("en".to_owned(), "English".to_owned()),
                ("bn".to_owned(), "Bengali".to_owned()),
                ("xq".to_owned(), "xq".to_owned())
            ]
        );
        assert_eq!(language_name("bn-BD"), "Bengali");
        assert_eq!(
            in_each(&feed, feed.services[0].description.as_ref()),
            ["Made-up words", "", ""]
        );
        assert_eq!(in_each(&feed, None), ["", "", ""]);
    }

    #[test]
    fn a_translation_goes_beside_the_english_and_changes_nothing_else() {
        let mut feed = feed();
        let before = feed.clone();
        let evidence = TextPlace::Evidence {
            workstream: 0,
            action: 0,
            measure: 0,
        };
        translate(&mut feed, evidence.clone(), "bn", " বানানো প্রতিবেদন ").expect("in");
        translate(&mut feed, evidence.clone(), "xq", "Made-up xq").expect("in");
        let place_list = [
            TextPlace::FigureNote {
                indicator: "wait".into(),
                index: 0,
            },
            TextPlace::WeDid { index: 0 },
            TextPlace::Service {
                index: 0,
                field: "description".into(),
            },
            TextPlace::Service {
                index: 0,
                field: "service-name".into(),
            },
        ];
        for place in place_list.clone() {
            translate(&mut feed, place, "bn", "বানানো").expect("in");
        }
        let evidence_in = in_each(&feed, measure(&feed, 0).evidence.as_ref());
        assert_eq!(
            evidence_in,
            ["Made-up report", "বানানো প্রতিবেদন", "Made-up xq"]
        );
        assert_eq!(
            in_each(&feed, Some(&feed.updates[0].we_did)),
            ["Made-up entry", "বানানো", ""]
        );
        assert_eq!(
            in_each(&feed, Some(&feed.services[0].name)),
            ["Made-up service", "বানানো", ""]
        );
        // Only those texts differ.
        let mut same = feed.clone();
        same.plan.as_mut().expect("plan").workstreams[0].actions[0].measures[0].evidence =
            before.plan.as_ref().expect("plan").workstreams[0].actions[0].measures[0]
                .evidence
                .clone();
        same.indicators = before.indicators.clone();
        same.updates = before.updates.clone();
        same.services = before.services.clone();
        assert_eq!(same, before);

        // Emptied again, each text is as it was: plain English.
        translate(&mut feed, evidence.clone(), "bn", "").expect("out");
        translate(&mut feed, evidence, "xq", " ").expect("out");
        for place in place_list {
            translate(&mut feed, place, "bn", "").expect("out");
        }
        assert_eq!(feed, before);
    }

    #[test]
    fn no_translation_without_the_english_and_none_of_the_english_here() {
        let mut feed = feed();
        let before = feed.clone();
        let refused = translate(
            &mut feed,
            TextPlace::Evidence {
                workstream: 0,
                action: 0,
                measure: 1,
            },
            "bn",
            "বানানো",
        );
        assert_eq!(
            refused,
            Err(EditError::Refused(
                "Type the English first: a translation needs the words it translates".into()
            ))
        );
        // Blank where there is nothing: no empty contact or eligibility is made to hold it.
        for place in [
            TextPlace::ContactNote { index: 0 },
            TextPlace::Service {
                index: 0,
                field: "eligibility".into(),
            },
            TextPlace::YouSaid { index: 0 },
        ] {
            translate(&mut feed, place, "bn", " ").expect("nothing to do");
        }
        assert!(translate(&mut feed, TextPlace::WeDid { index: 0 }, "en", "x").is_err());
        assert!(translate(&mut feed, TextPlace::WeDid { index: 9 }, "bn", "x").is_err());
        assert_eq!(feed, before, "nothing refused went in");
    }

    fn measure(feed: &Feed, m: usize) -> &crate::feed::Measure {
        &feed.plan.as_ref().expect("plan").workstreams[0].actions[0].measures[m]
    }
}
