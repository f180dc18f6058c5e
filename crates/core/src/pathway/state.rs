//! The pathway widget's state: what the address says (pathway, step, view) and what the family
//! chose in the page (where they are, the finder, the clock's start date).
//!
//! The address part is a fragment such as `#pathway:w=autism&p=autism&step=referral&view=list`,
//! so a family can share a link to a step and back/forward walk through the steps they opened.
//! A page may hold several pathway widgets: each writes its own part, named by its key (`w`),
//! and parts are joined with `;` (`#pathway:w=a&step=x;w=b&view=map`). A part without a key (the
//! links written before keys) is for the widget showing its pathway, or for a widget alone on
//! its page. The family's own answers never go into the address: a fragment is easily shared or
//! logged by a host page's scripts, and nothing a family enters may leave the page.

use crate::date_entry::DateParts;
use crate::feed::{Pathway, Step};
use crate::pathway::audience::Finder;
use crate::tracker::filter::{decode, encode};
use chrono::NaiveDate;

pub const FRAGMENT_PREFIX: &str = "pathway:";

/// The two ways to see a pathway. The list is the default because it is what the static
/// fallback shows: a widget that starts as a list replaces its fallback without moving the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    Map,
    #[default]
    List,
}

impl View {
    pub fn code(self) -> &'static str {
        match self {
            View::Map => "map",
            View::List => "list",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        match code.trim() {
            "map" => Some(View::Map),
            "list" => Some(View::List),
            _ => None,
        }
    }
}

/// What the address selects. Every part is optional; an address for another widget is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    /// The widget the part is for ([`widget_key`]); `None` in a link written before keys.
    pub widget: Option<String>,
    pub pathway: Option<String>,
    pub step: Option<String>,
    pub view: Option<View>,
}

impl Address {
    /// Whether a fragment is meant for the pathway widget (a skip link or a tracker filter is not).
    pub fn is_for_pathway(fragment: &str) -> bool {
        fragment
            .strip_prefix('#')
            .unwrap_or(fragment)
            .starts_with(FRAGMENT_PREFIX)
    }

    /// The first part of a fragment (all a page with one widget needs).
    pub fn from_fragment(fragment: &str) -> Address {
        Address::parts(fragment)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// Every part of a pathway fragment, in order; none for another kind of fragment.
    pub fn parts(fragment: &str) -> Vec<Address> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let Some(query) = fragment.strip_prefix(FRAGMENT_PREFIX) else {
            return Vec::new();
        };
        query.split(';').map(Address::from_query).collect()
    }

    /// The part of `fragment` for the widget `key` showing `shown`: its own part, else a part
    /// without a key that names `shown` (or any, when the widget is `alone` on its page).
    pub fn part_for(fragment: &str, key: &str, shown: &str, alone: bool) -> Option<Address> {
        let parts = Address::parts(fragment);
        let own = parts.iter().find(|a| a.widget.as_deref() == Some(key));
        own.or_else(|| parts.iter().find(|a| a.is_legacy_for(shown, alone)))
            .cloned()
    }

    fn is_legacy_for(&self, shown: &str, alone: bool) -> bool {
        self.widget.is_none() && (alone || self.pathway.as_deref().is_none_or(|p| p == shown))
    }

    /// `fragment` with this widget's part set to `self` (whose `widget` must be its key): other
    /// widgets' parts stay as they were, and an unkeyed part this widget obeyed goes.
    pub fn merge_into(&self, fragment: &str, shown: &str, alone: bool) -> String {
        let mut parts: Vec<String> = Address::parts(fragment)
            .into_iter()
            .filter(|a| a.widget.is_some() && a.widget != self.widget)
            .filter(|a| !a.is_legacy_for(shown, alone))
            .filter(|a| *a != Address::default())
            .map(|a| a.query())
            .collect();
        parts.push(self.query());
        format!("{FRAGMENT_PREFIX}{}", parts.join(";"))
    }

    fn from_query(query: &str) -> Address {
        let mut address = Address::default();
        for pair in query.split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let value = decode(value);
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "w" => address.widget = Some(value.to_owned()),
                "p" => address.pathway = Some(value.to_owned()),
                "step" => address.step = Some(value.to_owned()),
                "view" => address.view = View::from_code(value),
                _ => {}
            }
        }
        address
    }

    /// The fragment, without `#`, for this address alone.
    pub fn to_fragment(&self) -> String {
        format!("{FRAGMENT_PREFIX}{}", self.query())
    }

    fn query(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(widget) = &self.widget {
            pairs.push(format!("w={}", encode(widget)));
        }
        if let Some(pathway) = &self.pathway {
            pairs.push(format!("p={}", encode(pathway)));
        }
        if let Some(step) = &self.step {
            pairs.push(format!("step={}", encode(step)));
        }
        if let Some(view) = self.view {
            pairs.push(format!("view={}", view.code()));
        }
        pairs.join("&")
    }
}

/// The name a pathway widget's address part goes by: the placeholder's `id` when the page gave
/// one, else the pathway it was asked to show, else its place among the page's pathway widgets.
pub fn widget_key(element_id: &str, pathway: Option<&str>, ordinal: u32) -> String {
    let id = element_id.trim();
    if !id.is_empty() {
        return id.to_owned();
    }
    match pathway.map(str::trim).filter(|p| !p.is_empty()) {
        Some(pathway) => pathway.to_owned(),
        None => ordinal.to_string(),
    }
}

/// Everything the interactive pathway shows beyond the feed itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathwayView {
    pub view: View,
    /// The step whose details are open (map) and that the list opens and scrolls to.
    pub step: Option<String>,
    /// Steps open in the list.
    pub expanded: Vec<String>,
    /// The step the family marked "we are here".
    pub here: Option<String>,
    pub finder: Finder,
    /// The day the family asked (the statutory clock's start).
    pub clock_start: Option<NaiveDate>,
    /// The clock's three date fields as typed; [`Self::clock_start`] is their date once whole.
    pub clock_typed: DateParts,
    /// The reader's date, for the statutory clock.
    pub today: NaiveDate,
    /// Whether the map fits its box at a readable size (else the list shows instead).
    pub map_fits: bool,
    /// The map's box in the tab order, once the family moved there with the arrow keys.
    pub map_focus: Option<String>,
    /// This widget's address key ([`widget_key`]), for the links it writes.
    pub key: Option<String>,
}

impl PathwayView {
    pub fn new(today: NaiveDate) -> PathwayView {
        PathwayView {
            view: View::default(),
            step: None,
            expanded: Vec::new(),
            here: None,
            finder: Finder::default(),
            clock_start: None,
            clock_typed: DateParts::default(),
            today,
            map_fits: true,
            map_focus: None,
            key: None,
        }
    }

    pub fn is_expanded(&self, step: &str) -> bool {
        self.step.as_deref() == Some(step) || self.expanded.iter().any(|s| s == step)
    }
}

/// The steps that follow `step` in `pathway`, as the feed links them.
pub fn next_steps<'a>(pathway: &'a Pathway, step: &str) -> Vec<&'a Step> {
    pathway
        .steps
        .iter()
        .find(|s| s.id == step)
        .and_then(|s| s.next.as_ref())
        .map(|next| {
            next.steps
                .iter()
                .filter_map(|id| pathway.steps.iter().find(|s| &s.id == id))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pathway::layout::tests::sample_feed;

    #[test]
    fn the_address_round_trips_and_ignores_other_fragments() {
        let address = Address {
            widget: None,
            pathway: Some("ehc-needs-assessment".into()),
            step: Some("draft-plan".into()),
            view: Some(View::List),
        };
        let fragment = address.to_fragment();
        assert_eq!(
            fragment,
            "pathway:p=ehc-needs-assessment&step=draft-plan&view=list"
        );
        assert_eq!(Address::from_fragment(&format!("#{fragment}")), address);
        assert!(Address::is_for_pathway("#pathway:p=autism"));
        assert!(!Address::is_for_pathway("#main"));
        assert_eq!(
            Address::from_fragment("#tracker:status=overdue"),
            Address::default()
        );
        assert_eq!(Address::from_fragment("#main"), Address::default());
    }

    #[test]
    fn two_widgets_keep_separate_parts_and_old_links_still_work() {
        let a = Address {
            widget: Some("autism".into()),
            pathway: Some("autism".into()),
            step: Some("referral".into()),
            view: None,
        };
        let fragment = a.merge_into("", "autism", false);
        assert_eq!(fragment, "pathway:w=autism&p=autism&step=referral");
        let b = Address {
            widget: Some("ehc".into()),
            pathway: Some("ehc-needs-assessment".into()),
            step: None,
            view: Some(View::Map),
        };
        let both = b.merge_into(&fragment, "ehc-needs-assessment", false);
        assert_eq!(
            both,
            "pathway:w=autism&p=autism&step=referral;w=ehc&p=ehc-needs-assessment&view=map"
        );
        assert_eq!(
            Address::part_for(&both, "autism", "autism", false),
            Some(a.clone())
        );
        assert_eq!(
            Address::part_for(&both, "ehc", "ehc-needs-assessment", false),
            Some(b.clone())
        );
        // Writing one part again leaves the other alone.
        let a2 = Address {
            step: None,
            ..a.clone()
        };
        let again = a2.merge_into(&both, "autism", false);
        assert_eq!(
            Address::part_for(&again, "ehc", "ehc-needs-assessment", false),
            Some(b)
        );
        assert_eq!(
            Address::part_for(&again, "autism", "autism", false),
            Some(a2)
        );
        // An old link without a key is for the widget showing its pathway only...
        let old = "#pathway:p=autism&step=referral";
        assert_eq!(
            Address::part_for(old, "autism", "autism", false).and_then(|a| a.step),
            Some("referral".into())
        );
        assert_eq!(
            Address::part_for(old, "ehc", "ehc-needs-assessment", false),
            None
        );
        // ...or for a widget alone on its page, which may switch to the pathway it names.
        assert_eq!(
            Address::part_for(old, "1", "ehc-needs-assessment", true).and_then(|a| a.pathway),
            Some("autism".into())
        );
        // The widget writing its part drops the old unkeyed one it obeyed.
        assert_eq!(
            a.merge_into(old, "autism", false),
            "pathway:w=autism&p=autism&step=referral"
        );
        assert_eq!(Address::part_for("#main", "autism", "autism", true), None);
    }

    #[test]
    fn a_widget_is_named_by_its_id_else_its_pathway_else_its_place() {
        assert_eq!(widget_key(" side ", Some("autism"), 2), "side");
        assert_eq!(widget_key("", Some("autism"), 2), "autism");
        assert_eq!(widget_key("", Some(" "), 2), "2");
        assert_eq!(widget_key("", None, 1), "1");
    }

    #[test]
    fn odd_addresses_are_read_leniently() {
        let address = Address::from_fragment("pathway:step=a%20b&view=table&junk&p=");
        assert_eq!(address.step.as_deref(), Some("a b"));
        assert_eq!((address.view, address.pathway), (None, None));
    }

    #[test]
    fn what_comes_next_follows_the_feed() {
        let feed = sample_feed();
        let autism = feed.pathway("autism").unwrap();
        let next: Vec<&str> = next_steps(autism, "decision")
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(next, ["family-support", "support-in-setting"]);
        assert!(next_steps(autism, "review-support").is_empty());
        assert!(next_steps(autism, "no-such-step").is_empty());
    }
}
