//! Embed options: the one place where an editor's loose `data-*` attributes become strict values.
//!
//! Web editors type these by hand into a CMS. An unknown or invalid value never breaks the
//! widget: it becomes a warning naming the attribute and the accepted values, and the default
//! is used instead.

use crate::pathway::state::View;
use crate::text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WidgetKind {
    Pathway,
    Tracker,
}

impl WidgetKind {
    /// The value of `data-send-widget` that asks for this kind.
    pub fn name(self) -> &'static str {
        match self {
            WidgetKind::Pathway => "pathway",
            WidgetKind::Tracker => "tracker",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetOptions {
    pub kind: WidgetKind,
    /// URL of the feed, as written (the page resolves it against its own address).
    pub feed: String,
    /// Which pathway to show; the feed's first when absent.
    pub pathway: Option<String>,
    /// Which plan the tracker opens on (a version 2 plan id); the current plan when absent.
    pub plan: Option<String>,
    pub lang: Lang,
    /// Level of the widget's top heading (2 to 6), to fit the host page's outline.
    pub heading_level: u8,
    /// How the pathway first shows: as a map or as a list of steps.
    pub view: View,
}

/// Everything an editor can set, with its attribute name, accepted values and default.
pub const ATTRIBUTES: &[(&str, &str, &str)] = &[
    ("data-send-widget", "pathway | tracker", "(required)"),
    ("data-feed", "URL of the feed JSON", "(required)"),
    (
        "data-pathway",
        "a pathway id from the feed",
        "the feed's first pathway",
    ),
    (
        "data-plan",
        "a plan id from the feed (tracker only)",
        "the feed's current plan",
    ),
    ("data-lang", "en | bn", "en"),
    ("data-heading-level", "2 | 3 | 4 | 5 | 6", "2"),
    ("data-view", "map | list (pathway only)", "list"),
];

impl WidgetOptions {
    /// Reads options through `get(attribute name)`. Returns `Err` only when the widget cannot
    /// work at all (no widget kind or no feed); otherwise options plus warnings for the console.
    pub fn from_attributes(
        get: impl Fn(&str) -> Option<String>,
    ) -> Result<(WidgetOptions, Vec<String>), String> {
        let mut warnings = Vec::new();
        let kind = match get("data-send-widget").as_deref().map(str::trim) {
            Some("pathway") => WidgetKind::Pathway,
            Some("tracker") => WidgetKind::Tracker,
            other => {
                return Err(format!(
                    "data-send-widget=\"{}\" is not a widget; use \"pathway\" or \"tracker\"",
                    other.unwrap_or_default()
                ))
            }
        };
        let feed = get("data-feed")
            .map(|f| f.trim().to_owned())
            .filter(|f| !f.is_empty())
            .ok_or("data-feed is missing: give the URL of the feed JSON file")?;
        let lang = match get("data-lang") {
            None => Lang::En,
            Some(code) => Lang::from_code(&code).unwrap_or_else(|| {
                warnings.push(format!(
                    "data-lang=\"{code}\" is not a language these widgets speak; use \"en\" or \"bn\". Using \"en\"."
                ));
                Lang::En
            }),
        };
        let heading_level = match get("data-heading-level") {
            None => 2,
            Some(level) => match level.trim().parse::<u8>() {
                Ok(level @ 2..=6) => level,
                _ => {
                    warnings.push(format!(
                        "data-heading-level=\"{level}\" must be a number from 2 to 6. Using 2."
                    ));
                    2
                }
            },
        };
        let view = match get("data-view") {
            None => View::List,
            Some(code) => View::from_code(&code).unwrap_or_else(|| {
                warnings.push(format!(
                    "data-view=\"{code}\" is not a view; use \"map\" or \"list\". Using \"list\"."
                ));
                View::List
            }),
        };
        let pathway = get("data-pathway")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty());
        // An unknown plan id is the tracker's to explain on the page, where the feed is known.
        let plan = get("data-plan")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty());
        Ok((
            WidgetOptions {
                kind,
                feed,
                pathway,
                plan,
                lang,
                heading_level,
                view,
            },
            warnings,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> Result<(WidgetOptions, Vec<String>), String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        WidgetOptions::from_attributes(|name| map.get(name).cloned())
    }

    #[test]
    fn reads_valid_options() {
        let (options, warnings) = read(&[
            ("data-send-widget", "pathway"),
            ("data-feed", "feed.json"),
            ("data-lang", "bn"),
            ("data-heading-level", "3"),
            ("data-pathway", "autism"),
            ("data-view", "map"),
        ])
        .unwrap();
        assert!(warnings.is_empty());
        assert_eq!(options.view, View::Map);
        assert_eq!(options.lang, Lang::Bn);
        assert_eq!(options.heading_level, 3);
        assert_eq!(options.pathway.as_deref(), Some("autism"));
    }

    #[test]
    fn invalid_options_warn_and_fall_back_to_defaults() {
        let (options, warnings) = read(&[
            ("data-send-widget", "tracker"),
            ("data-feed", "f.json"),
            ("data-lang", "klingon"),
            ("data-heading-level", "9"),
            ("data-view", "chart"),
        ])
        .unwrap();
        assert_eq!((options.lang, options.heading_level), (Lang::En, 2));
        assert_eq!(options.view, View::List);
        assert_eq!(warnings.len(), 3);
        assert!(warnings[2].contains("data-view"));
        assert!(warnings[0].contains("data-lang") && warnings[1].contains("data-heading-level"));
    }

    #[test]
    fn a_widget_without_kind_or_feed_cannot_mount() {
        assert!(read(&[("data-feed", "f.json")]).is_err());
        assert!(read(&[("data-send-widget", "pathway")]).is_err());
    }
}
