//! Languages' names in English, as the editor shows them to the officer. Both the languages side
//! by side (`languages`) and the pathway forms (`pathway`) name languages; kept here, below both,
//! pathway need not import languages, which imports pathway's text helpers (issue 20: no module
//! imports one that imports it back). `languages` re-exports [`language_name`].

/// Names in English of languages a council's feed may carry. Any other code is shown as itself.
const NAMES: [(&str, &str); 14] = [
    ("en", "English"),
    ("bn", "Bengali"),
    ("so", "Somali"),
    ("ur", "Urdu"),
    ("ar", "Arabic"),
    ("pl", "Polish"),
    ("tr", "Turkish"),
    ("pa", "Punjabi"),
    ("gu", "Gujarati"),
    ("ro", "Romanian"),
    ("pt", "Portuguese"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("cy", "Welsh"),
];

/// A language code's name in English, by its primary subtag (`bn-BD` is Bengali).
pub fn language_name(code: &str) -> String {
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    NAMES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(primary))
        .map_or_else(|| code.to_owned(), |(_, name)| (*name).to_owned())
}
