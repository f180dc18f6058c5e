//! Text that officers write once and families read in their own language.
//!
//! Any text field in the feed is either a plain string (in the feed's first language) or a map
//! from language code to string. Choosing which string a reader sees happens here and only here,
//! so every widget falls back the same way.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A language code the checker accepts (`en`, `bn`, `bn-BD`), as a JSON Schema pattern.
pub const LANGUAGE_CODE_PATTERN: &str = "^[A-Za-z0-9]{2,3}(-[A-Za-z0-9-]*)?$";

/// A text field: `"Autism assessment"` or `{"en": "Autism assessment", "bn": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Translated(#[serde(deserialize_with = "languages_once")] BTreeMap<String, String>),
}

/// A map of texts by language that refuses a language given twice, as the widgets' reader does
/// (any key twice in one object): serde's own map keeps the last silently, so the two readers
/// would show different words for the same feed (issue 20).
fn languages_once<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    struct Once;
    impl<'de> serde::de::Visitor<'de> for Once {
        type Value = BTreeMap<String, String>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of texts by language code")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut texts = BTreeMap::new();
            while let Some((language, text)) = map.next_entry::<String, String>()? {
                if texts.contains_key(&language) {
                    return Err(serde::de::Error::custom(format_args!(
                        "the language `{language}` is given twice"
                    )));
                }
                texts.insert(language, text);
            }
            Ok(texts)
        }
    }
    deserializer.deserialize_map(Once)
}

/// The language a family chose. The feed may declare others; the UI catalogue speaks these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Bn,
}

impl Lang {
    /// Every language the UI catalogue speaks, in the order the language switch offers them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Bn];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Bn => "bn",
        }
    }

    /// Accepts a BCP 47 tag such as `bn-BD`; anything unknown is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "bn" => Some(Lang::Bn),
            _ => None,
        }
    }
}

/// A string chosen for a reader, and the language it is actually in (which may differ from the
/// one asked for when a translation is missing, so the page can mark it with `lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localised<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

impl Text {
    /// The string in `lang`, else in the feed's `default_lang`, else the first one there is.
    pub fn get<'a>(&'a self, lang: &str, default_lang: &'a str) -> Localised<'a> {
        match self {
            Text::Plain(text) => Localised {
                text,
                lang: default_lang,
            },
            Text::Translated(map) => map
                .get_key_value(lang)
                .or_else(|| map.get_key_value(default_lang))
                .or_else(|| map.iter().next())
                .map(|(lang, text)| Localised { text, lang })
                .unwrap_or(Localised {
                    text: "",
                    lang: default_lang,
                }),
        }
    }

    /// Every string this text carries, whatever its language (for checks such as "not empty").
    pub fn all(&self) -> Vec<&str> {
        match self {
            Text::Plain(text) => vec![text],
            Text::Translated(map) => map.values().map(String::as_str).collect(),
        }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translated(pairs: &[(&str, &str)]) -> Text {
        Text::Translated(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn plain_text_is_in_the_default_language() {
        let text = Text::from("Hello");
        assert_eq!(
            text.get("bn", "en"),
            Localised {
                text: "Hello",
                lang: "en"
            }
        );
    }

    #[test]
    fn translation_is_chosen_then_falls_back_to_default_then_any() {
        let both = translated(&[("en", "Hello"), ("bn", "হ্যালো")]);
        assert_eq!(both.get("bn", "en").text, "হ্যালো");
        let english_only = translated(&[("en", "Hello")]);
        assert_eq!(english_only.get("bn", "en").lang, "en");
        let bengali_only = translated(&[("bn", "হ্যালো")]);
        assert_eq!(bengali_only.get("fr", "en").lang, "bn");
    }

    #[test]
    fn language_tags_are_read_by_their_primary_subtag() {
        assert_eq!(Lang::from_code("bn-BD"), Some(Lang::Bn));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
