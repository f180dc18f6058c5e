//! Services as the editor lists them: their words (name, description, who it is for, how to get
//! it, cost), their contact, adding and removing them. What a phone, email or web address may be
//! is the checker's rule (`validate::semantic`), shown at the field; here only how typed boxes
//! become a service: a blank box is no value, and a contact with no values is no contact.

use crate::edit::languages::in_each;
pub use crate::edit::service_fields::{ServiceText, SERVICE_FIELDS};
use crate::edit::{set_text, EditError};
use crate::feed::{Access, Audience, Contact, Feed, Service};
use crate::text::{Lang, Text};
use serde::Serialize;

/// The contact boxes the editor shows, in order: the feed's field, and the box's label.
pub const CONTACT_FIELDS: [(&str, &str); 5] = [
    ("name", "Contact name"),
    ("phone", "Phone"),
    ("email", "Email"),
    ("url", "Web address"),
    ("note", "Opening hours"),
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceRow {
    pub index: usize,
    pub id: String,
    pub name: String,
    /// The word boxes' values, in the order of [`SERVICE_FIELDS`].
    pub words: Vec<String>,
    /// The boxes' values, in the order of [`CONTACT_FIELDS`].
    pub contact: Vec<String>,
    /// The word boxes in each of the feed's languages: one list a box, one value a language.
    pub words_in: Vec<Vec<String>>,
    /// The contact's name and opening hours in each of the feed's languages.
    pub contact_name_in: Vec<String>,
    pub contact_note_in: Vec<String>,
    /// The steps (and pathways' help lists) that name this service, in words.
    pub used_by: Vec<String>,
    /// Translations that may need updating, at the box they belong to.
    pub notes: Vec<TranslationNote>,
}

/// A box whose text also has translations: what to tell the officer beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationNote {
    /// The box's code: `description`, `cost`, `note`...
    pub field: String,
    pub message: String,
    /// True when the English was changed and a translation was not: it may now say something
    /// else.
    pub stale: bool,
}

fn words(feed: &Feed, text: Option<&Text>) -> String {
    text.map(|t| {
        t.get(feed.default_lang(), feed.default_lang())
            .text
            .to_owned()
    })
    .unwrap_or_default()
}

/// A language's name in English, for a sentence to the officer.
fn language_in_english(code: &str) -> String {
    match Lang::from_code(code) {
        Some(Lang::Bn) => "Bengali".to_owned(),
        Some(Lang::En) => "English".to_owned(),
        None => format!("the language “{code}”"),
    }
}

/// What to say about `now`'s translations, given the text as first opened.
fn translation_note(
    feed: &Feed,
    field: &str,
    before: Option<&Text>,
    now: Option<&Text>,
) -> Option<TranslationNote> {
    let lang = feed.default_lang();
    let Some(Text::Translated(map)) = now else {
        return None;
    };
    let others: Vec<&String> = map.keys().filter(|l| *l != lang).collect();
    if others.is_empty() {
        return None;
    }
    let in_lang = |text: Option<&Text>, l: &str| match text {
        Some(Text::Translated(m)) => m.get(l).cloned(),
        Some(Text::Plain(p)) if l == lang => Some(p.clone()),
        _ => None,
    };
    let english_changed = in_lang(before, lang) != in_lang(now, lang);
    let unchanged: Vec<String> = others
        .iter()
        .filter(|l| in_lang(before, l) == in_lang(now, l))
        .map(|l| language_in_english(l))
        .collect();
    let all: Vec<String> = others.iter().map(|l| language_in_english(l)).collect();
    Some(if english_changed && !unchanged.is_empty() {
        TranslationNote {
            field: field.to_owned(),
            message: format!(
                "You changed the English, but not the {} translation: it may need updating.",
                unchanged.join(" and ")
            ),
            stale: true,
        }
    } else {
        TranslationNote {
            field: field.to_owned(),
            message: format!(
                "This text is also in {}. If you change the English, the translation may need \
                 updating too.",
                all.join(" and ")
            ),
            stale: false,
        }
    })
}

/// Every service with its boxes; `original` is the feed as opened, to tell which translations
/// the officer's changes may have left behind.
pub fn services(original: &Feed, feed: &Feed) -> Vec<ServiceRow> {
    feed.services
        .iter()
        .enumerate()
        .map(|(index, service)| {
            let contact = service.contact.clone().unwrap_or_default();
            let before = original.service(&service.id);
            let mut notes: Vec<TranslationNote> = SERVICE_FIELDS
                .iter()
                .filter_map(|(field, code, _, _)| {
                    translation_note(
                        feed,
                        code,
                        before.and_then(|b| field.get(b)),
                        field.get(service),
                    )
                })
                .collect();
            let old_contact = before.and_then(|b| b.contact.as_ref());
            notes.extend(translation_note(
                feed,
                "name",
                old_contact.and_then(|c| c.name.as_ref()),
                contact.name.as_ref(),
            ));
            notes.extend(translation_note(
                feed,
                "note",
                old_contact.and_then(|c| c.note.as_ref()),
                contact.note.as_ref(),
            ));
            ServiceRow {
                index,
                id: service.id.clone(),
                name: words(feed, Some(&service.name)),
                words: SERVICE_FIELDS
                    .iter()
                    .map(|(field, _, _, _)| words(feed, field.get(service)))
                    .collect(),
                words_in: SERVICE_FIELDS
                    .iter()
                    .map(|(field, _, _, _)| in_each(feed, field.get(service)))
                    .collect(),
                contact_name_in: in_each(feed, contact.name.as_ref()),
                contact_note_in: in_each(feed, contact.note.as_ref()),
                contact: vec![
                    words(feed, contact.name.as_ref()),
                    contact.phone.unwrap_or_default(),
                    contact.email.unwrap_or_default(),
                    contact.url.unwrap_or_default(),
                    words(feed, contact.note.as_ref()),
                ],
                used_by: used_by(feed, &service.id),
                notes,
            }
        })
        .collect()
}

/// `contact` with one box as typed: `None` when no box has a value left.
pub fn with_field(
    contact: Option<Contact>,
    lang: &str,
    field: &str,
    typed: &str,
) -> Option<Contact> {
    let mut contact = contact.unwrap_or_default();
    let plain = || Some(typed.trim().to_owned()).filter(|t| !t.is_empty());
    match field {
        "name" => contact.name = set_text(contact.name.take(), lang, Some(typed)),
        "phone" => contact.phone = plain(),
        "email" => contact.email = plain(),
        "url" => contact.url = plain(),
        "note" => contact.note = set_text(contact.note.take(), lang, Some(typed)),
        _ => {}
    }
    (contact != Contact::default()).then_some(contact)
}

fn service_mut<'a>(feed: &'a mut Feed, id: &str) -> Result<&'a mut Service, EditError> {
    feed.services
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| EditError::NoSuchService(id.to_owned()))
}

/// Sets one of a service's words in `lang`, keeping its translations. A blank name is refused
/// (a service must have one); other blank boxes remove the text, and an eligibility or access
/// left with nothing in it goes too.
pub fn set_service_text(
    feed: &mut Feed,
    id: &str,
    field: ServiceText,
    typed: &str,
) -> Result<(), EditError> {
    let lang = feed.default_lang().to_owned();
    let service = service_mut(feed, id)?;
    match field {
        ServiceText::Name => {
            service.name = set_text(Some(service.name.clone()), &lang, Some(typed))
                .ok_or_else(|| EditError::Refused("Enter the service's name".to_owned()))?;
        }
        ServiceText::Description => {
            service.description = set_text(service.description.take(), &lang, Some(typed))
        }
        ServiceText::Cost => service.cost = set_text(service.cost.take(), &lang, Some(typed)),
        ServiceText::Eligibility => {
            let mut audience = service.eligibility.take().unwrap_or_default();
            audience.text = set_text(audience.text.take(), &lang, Some(typed));
            service.eligibility = (audience != Audience::default()).then_some(audience);
        }
        ServiceText::Access => {
            let mut access = service.access.take().unwrap_or(Access {
                referral: None,
                self_referral: None,
            });
            access.referral = set_text(access.referral.take(), &lang, Some(typed));
            service.access =
                (access.referral.is_some() || access.self_referral.is_some()).then_some(access);
        }
    }
    Ok(())
}

/// The service without the words the editor shows (for telling other changes apart).
pub fn clear_words(service: &mut Service) {
    service.name = Text::Plain(String::new());
    service.description = None;
    service.cost = None;
    if let Some(e) = &mut service.eligibility {
        e.text = None;
    }
    if let Some(a) = &mut service.access {
        a.referral = None;
    }
}

/// An id made from a name: lower case letters and digits joined by hyphens
/// ("Speech & language therapy" → `speech-language-therapy`), made unique in the feed.
pub fn new_service_id(feed: &Feed, name: &str) -> String {
    let mut base = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let base = base.trim_end_matches('-');
    let base = if base.is_empty() { "service" } else { base };
    let mut id = base.to_owned();
    let mut n = 2;
    while feed.service(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Adds a service called `name` at the end of the list; returns its id.
pub fn add_service(feed: &mut Feed, name: &str) -> Result<String, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::Refused(
            "Enter the new service's name".to_owned(),
        ));
    }
    let id = new_service_id(feed, name);
    feed.services.push(Service {
        id: id.clone(),
        name: Text::Plain(name.to_owned()),
        description: None,
        provider: None,
        eligibility: None,
        access: None,
        contact: None,
        cost: None,
        languages: Vec::new(),
        openreferral_id: None,
    });
    Ok(id)
}

/// The places that name service `id`, in words: “Step title” (Pathway title), or the help list of
/// a pathway.
pub fn used_by(feed: &Feed, id: &str) -> Vec<String> {
    let lang = feed.default_lang();
    let mut uses = Vec::new();
    for pathway in &feed.pathways {
        let title = pathway.title.get(lang, lang).text;
        for step in pathway
            .steps
            .iter()
            .filter(|s| s.services.iter().any(|s| s == id))
        {
            uses.push(format!(
                "the step “{}” ({title})",
                step.title.get(lang, lang).text
            ));
        }
        if pathway.help.iter().any(|s| s == id) {
            uses.push(format!("“Where to get help” in {title}"));
        }
    }
    uses
}

/// Removes service `id`. While steps still name it, this is refused with their titles, unless
/// `from_steps`: then it is taken out of those steps (and help lists) first.
pub fn remove_service(feed: &mut Feed, id: &str, from_steps: bool) -> Result<(), EditError> {
    let index = feed
        .services
        .iter()
        .position(|s| s.id == id)
        .ok_or_else(|| EditError::NoSuchService(id.to_owned()))?;
    let uses = used_by(feed, id);
    if !uses.is_empty() && !from_steps {
        let name = words(feed, Some(&feed.services[index].name));
        return Err(EditError::Refused(format!(
            "{name} cannot be removed while it is still used by {}. Remove it from {} too, or \
             keep it.",
            list_words(&uses),
            if uses.len() == 1 {
                "that place"
            } else {
                "those places"
            }
        )));
    }
    for pathway in &mut feed.pathways {
        for step in &mut pathway.steps {
            step.services.retain(|s| s != id);
        }
        pathway.help.retain(|s| s != id);
    }
    feed.services.remove(index);
    Ok(())
}

/// "a", "a and b", "a, b and c".
fn list_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Edit};
    use crate::parse::parse_feed;
    use std::collections::BTreeMap;

    /// A made-up feed: two services, one used by a step and a help list, one text translated.
    fn feed() -> Feed {
        parse_feed(
            r#"{"version":1,"publisher":{"name":"Made-up council"},"updated":"2024-01-01",
              "languages":["en","bn"],
              "services":[
                {"id":"s","name":"Made-up service",
                 "description":{"en":"Old words","bn":"পুরনো"}},
                {"id":"t","name":"Other made-up service","cost":"Free"}],
              "pathways":[{"id":"p","title":"Made-up pathway",
                "stages":[{"id":"a","title":"Stage"}],
                "steps":[{"id":"x","stage":"a","title":"First step","services":["s","t"]},
                         {"id":"y","stage":"a","title":"Second step","services":["s"]}],
                "help":["s"]}]}"#,
        )
        .expect("made-up feed parses")
    }

    #[test]
    fn boxes_become_a_contact_and_blank_ones_none() {
        let contact = with_field(None, "en", "phone", " 020 7364 5000 ");
        assert_eq!(
            contact.as_ref().and_then(|c| c.phone.as_deref()),
            Some("020 7364 5000")
        );
        let contact = with_field(contact, "en", "email", "send@example.gov.uk");
        let contact = with_field(contact, "en", "phone", "");
        assert_eq!(
            contact.as_ref().and_then(|c| c.email.as_deref()),
            Some("send@example.gov.uk")
        );
        assert_eq!(with_field(contact, "en", "email", " "), None);
    }

    #[test]
    fn words_change_only_their_field_and_keep_translations() {
        let mut feed = feed();
        let before = feed.clone();
        for (field, typed) in [
            (ServiceText::Description, "New words"),
            (ServiceText::Eligibility, "Children aged 0 to 5"),
            (ServiceText::Access, "Ask your GP"),
            (ServiceText::Cost, "Free"),
        ] {
            apply(
                &mut feed,
                Edit::ServiceText {
                    service: "s".into(),
                    field,
                    text: typed.into(),
                },
            )
            .expect("service s exists");
        }
        let s = feed.service("s").expect("still there");
        let mut map = BTreeMap::new();
        map.insert("en".to_owned(), "New words".to_owned());
        map.insert("bn".to_owned(), "পুরনো".to_owned());
        assert_eq!(s.description, Some(Text::Translated(map)));
        assert_eq!(
            s.eligibility.as_ref().and_then(|e| e.text.clone()),
            Some(Text::Plain("Children aged 0 to 5".into()))
        );
        assert_eq!(
            s.access.as_ref().and_then(|a| a.referral.clone()),
            Some(Text::Plain("Ask your GP".into()))
        );
        assert_eq!(s.cost, Some(Text::Plain("Free".into())));
        assert_eq!(
            feed.services[1], before.services[1],
            "the other is untouched"
        );
        assert_eq!(feed.pathways, before.pathways);

        // Blank boxes remove the text, and empty eligibility and access go with it.
        for field in [
            ServiceText::Eligibility,
            ServiceText::Access,
            ServiceText::Cost,
        ] {
            set_service_text(&mut feed, "s", field, "  ").expect("exists");
        }
        let s = feed.service("s").expect("still there");
        assert_eq!((&s.eligibility, &s.access, &s.cost), (&None, &None, &None));
        assert!(matches!(
            set_service_text(&mut feed, "s", ServiceText::Name, " "),
            Err(EditError::Refused(_))
        ));
        assert_eq!(
            set_service_text(&mut feed, "nope", ServiceText::Cost, "Free"),
            Err(EditError::NoSuchService("nope".into()))
        );
    }

    #[test]
    fn a_changed_english_says_its_translation_may_need_updating() {
        let original = feed();
        let rows = services(&original, &original);
        assert_eq!(rows[0].notes.len(), 1);
        assert!(!rows[0].notes[0].stale);
        assert!(rows[0].notes[0].message.contains("also in Bengali"));
        assert!(rows[1].notes.is_empty(), "no translations, nothing to say");

        let mut edited = original.clone();
        set_service_text(&mut edited, "s", ServiceText::Description, "New words").expect("s");
        let rows = services(&original, &edited);
        assert_eq!(rows[0].notes[0].field, "description");
        assert!(rows[0].notes[0].stale);
        assert_eq!(
            rows[0].notes[0].message,
            "You changed the English, but not the Bengali translation: it may need updating."
        );
        assert_eq!(rows[0].words[1], "New words");
    }

    #[test]
    fn new_services_get_a_unique_id_from_their_name() {
        let mut feed = feed();
        apply(
            &mut feed,
            Edit::AddService {
                name: " Speech & language therapy ".into(),
            },
        )
        .expect("a name");
        apply(
            &mut feed,
            Edit::AddService {
                name: "Speech & language therapy".into(),
            },
        )
        .expect("a name");
        let ids: Vec<&str> = feed.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "s",
                "t",
                "speech-language-therapy",
                "speech-language-therapy-2"
            ]
        );
        assert_eq!(
            feed.services[2].name,
            Text::Plain("Speech & language therapy".into())
        );
        assert_eq!(new_service_id(&feed, "!!!"), "service");
        assert!(add_service(&mut feed, "  ").is_err());
    }

    #[test]
    fn a_service_in_use_is_removed_only_from_its_steps_too() {
        let mut feed = feed();
        assert_eq!(
            used_by(&feed, "s"),
            [
                "the step “First step” (Made-up pathway)",
                "the step “Second step” (Made-up pathway)",
                "“Where to get help” in Made-up pathway"
            ]
        );
        let refused = apply(
            &mut feed,
            Edit::RemoveService {
                service: "s".into(),
                from_steps: false,
            },
        );
        assert_eq!(
            refused,
            Err(EditError::Refused(
                "Made-up service cannot be removed while it is still used by the step “First \
                 step” (Made-up pathway), the step “Second step” (Made-up pathway) and “Where \
                 to get help” in Made-up pathway. Remove it from those places too, or keep it."
                    .into()
            ))
        );
        assert_eq!(feed.services.len(), 2, "nothing removed");
        apply(
            &mut feed,
            Edit::RemoveService {
                service: "s".into(),
                from_steps: true,
            },
        )
        .expect("removed with its uses");
        assert_eq!(feed.services.len(), 1);
        assert_eq!(feed.pathways[0].steps[0].services, ["t"]);
        assert!(feed.pathways[0].steps[1].services.is_empty());
        assert!(feed.pathways[0].help.is_empty());
        assert!(crate::validate::validate_feed(
            &crate::edit::write_feed(&feed),
            chrono::NaiveDate::from_ymd_opt(2024, 1, 2).expect("a day")
        )
        .diagnostics
        .iter()
        .all(|d| d.severity != crate::validate::Severity::Error));
    }
}
