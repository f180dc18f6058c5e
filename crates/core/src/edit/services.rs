//! Services' contacts as the editor lists them. What a phone, email or web address may be is
//! the checker's rule (`validate::semantic`), shown at the field; here only how typed boxes
//! become a contact: a blank box is no value, and a contact with no values is no contact.

use crate::feed::{Contact, Feed};
use crate::text::Text;
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
    /// The boxes' values, in the order of [`CONTACT_FIELDS`].
    pub contact: Vec<String>,
}

fn words(feed: &Feed, text: Option<&Text>) -> String {
    text.map(|t| {
        t.get(feed.default_lang(), feed.default_lang())
            .text
            .to_owned()
    })
    .unwrap_or_default()
}

pub fn services(feed: &Feed) -> Vec<ServiceRow> {
    feed.services
        .iter()
        .enumerate()
        .map(|(index, service)| {
            let contact = service.contact.clone().unwrap_or_default();
            ServiceRow {
                index,
                id: service.id.clone(),
                name: words(feed, Some(&service.name)),
                contact: vec![
                    words(feed, contact.name.as_ref()),
                    contact.phone.unwrap_or_default(),
                    contact.email.unwrap_or_default(),
                    contact.url.unwrap_or_default(),
                    words(feed, contact.note.as_ref()),
                ],
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
        "name" => contact.name = crate::edit::set_text(contact.name.take(), lang, Some(typed)),
        "phone" => contact.phone = plain(),
        "email" => contact.email = plain(),
        "url" => contact.url = plain(),
        "note" => contact.note = crate::edit::set_text(contact.note.take(), lang, Some(typed)),
        _ => {}
    }
    (contact != Contact::default()).then_some(contact)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
