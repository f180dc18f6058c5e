//! The pathway widget's state: what the address says (pathway, step, view) and what the family
//! chose in the page (where they are, the finder, the clock's start date).
//!
//! The address part is a fragment such as `#pathway:p=autism&step=referral&view=list`, so a
//! family can share a link to a step and back/forward walk through the steps they opened. The
//! family's own answers never go into the address: a fragment is easily shared or logged by a
//! host page's scripts, and nothing a family enters may leave the page.

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

    pub fn from_fragment(fragment: &str) -> Address {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let Some(query) = fragment.strip_prefix(FRAGMENT_PREFIX) else {
            return Address::default();
        };
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
                "p" => address.pathway = Some(value.to_owned()),
                "step" => address.step = Some(value.to_owned()),
                "view" => address.view = View::from_code(value),
                _ => {}
            }
        }
        address
    }

    /// The fragment, without `#`, for this address.
    pub fn to_fragment(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(pathway) = &self.pathway {
            pairs.push(format!("p={}", encode(pathway)));
        }
        if let Some(step) = &self.step {
            pairs.push(format!("step={}", encode(step)));
        }
        if let Some(view) = self.view {
            pairs.push(format!("view={}", view.code()));
        }
        format!("{FRAGMENT_PREFIX}{}", pairs.join("&"))
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
    /// The reader's date, for the statutory clock.
    pub today: NaiveDate,
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
            today,
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
