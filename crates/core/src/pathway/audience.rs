//! "Find my pathway": which pathways fit a child's age and need, and which steps to hide.
//!
//! A family may not know the need yet ("not sure yet" is `need: None`), so an unknown answer
//! never rules anything out. Hiding a step must not break the chain of next steps, so the steps
//! it led to are linked from the steps that led to it.

use crate::feed::{Audience, Feed, Pathway, Step};

/// What a family told the finder. `None` means "not sure yet" or not answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finder {
    pub age: Option<u8>,
    pub need: Option<String>,
}

impl Finder {
    pub fn is_empty(&self) -> bool {
        self.age.is_none() && self.need.is_none()
    }
}

/// Whether `audience` includes a child described by `finder`. An audience without needs is for
/// any need; one without ages is for any age.
pub fn fits(audience: &Audience, finder: &Finder) -> bool {
    let age_ok = finder.age.is_none_or(|age| {
        audience.min_age.is_none_or(|min| age >= min)
            && audience.max_age.is_none_or(|max| age <= max)
    });
    let need_ok = finder
        .need
        .as_ref()
        .is_none_or(|need| audience.needs.is_empty() || audience.needs.iter().any(|n| n == need));
    age_ok && need_ok
}

/// Whether a step is for this child: its own audience narrows the pathway's.
pub fn step_fits(step: &Step, finder: &Finder) -> bool {
    step.audience.as_ref().is_none_or(|a| fits(a, finder))
}

/// The pathways that fit, in feed order.
pub fn pathways_for<'a>(feed: &'a Feed, finder: &Finder) -> Vec<&'a Pathway> {
    feed.pathways
        .iter()
        .filter(|p| fits(&p.audience, finder))
        .collect()
}

/// Need codes a family can choose from: those the pathways (and their steps) are for, then
/// those of services, in the order the feed first names them.
pub fn needs_in(feed: &Feed) -> Vec<String> {
    let mut needs: Vec<String> = Vec::new();
    let audiences = feed
        .pathways
        .iter()
        .flat_map(|p| {
            std::iter::once(&p.audience).chain(p.steps.iter().filter_map(|s| s.audience.as_ref()))
        })
        .chain(feed.services.iter().filter_map(|s| s.eligibility.as_ref()));
    for audience in audiences {
        for need in &audience.needs {
            if !needs.contains(need) {
                needs.push(need.clone());
            }
        }
    }
    needs
}

/// A pathway with the steps that are not for this child taken out.
#[derive(Debug, Clone, PartialEq)]
pub struct Narrowed {
    pub pathway: Pathway,
    /// Ids of the steps taken out, in feed order.
    pub hidden: Vec<String>,
}

/// Removes steps outside the finder's audience and links around them, so "what comes next"
/// still leads somewhere. With an empty finder the pathway is unchanged.
pub fn narrow(pathway: &Pathway, finder: &Finder) -> Narrowed {
    let hidden: Vec<String> = pathway
        .steps
        .iter()
        .filter(|s| !step_fits(s, finder))
        .map(|s| s.id.clone())
        .collect();
    if hidden.is_empty() {
        return Narrowed {
            pathway: pathway.clone(),
            hidden,
        };
    }
    let is_hidden = |id: &str| hidden.iter().any(|h| h == id);
    let mut narrowed = pathway.clone();
    narrowed.steps.retain(|s| !is_hidden(&s.id));
    for step in &mut narrowed.steps {
        let Some(next) = &mut step.next else { continue };
        let mut targets: Vec<String> = Vec::new();
        for id in &next.steps {
            bridge(pathway, id, &is_hidden, &mut targets, &mut Vec::new());
        }
        next.steps = targets;
        if next.steps.is_empty() {
            step.next = None;
        }
    }
    Narrowed {
        pathway: narrowed,
        hidden,
    }
}

/// Adds `id` to `out`, or, when it is hidden, the visible steps it leads to.
fn bridge(
    pathway: &Pathway,
    id: &str,
    is_hidden: &dyn Fn(&str) -> bool,
    out: &mut Vec<String>,
    seen: &mut Vec<String>,
) {
    if seen.iter().any(|s| s == id) {
        return; // a cycle the validator reports; never loop here
    }
    seen.push(id.to_owned());
    if !is_hidden(id) {
        if !out.iter().any(|o| o == id) {
            out.push(id.to_owned());
        }
        return;
    }
    let Some(step) = pathway.steps.iter().find(|s| s.id == id) else {
        return;
    };
    for next in step.next.iter().flat_map(|n| n.steps.iter()) {
        bridge(pathway, next, is_hidden, out, seen);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pathway::layout::tests::sample_feed;

    fn finder(age: Option<u8>, need: Option<&str>) -> Finder {
        Finder {
            age,
            need: need.map(str::to_owned),
        }
    }

    fn ids(pathways: &[&Pathway]) -> Vec<String> {
        pathways.iter().map(|p| p.id.clone()).collect()
    }

    #[test]
    fn not_sure_yet_rules_nothing_out() {
        let feed = sample_feed();
        assert_eq!(
            pathways_for(&feed, &Finder::default()).len(),
            feed.pathways.len()
        );
    }

    #[test]
    fn age_and_need_choose_the_pathways_that_fit() {
        let feed = sample_feed();
        // A 4-year-old who may be autistic: the autism and EHC pathways, not adulthood.
        assert_eq!(
            ids(&pathways_for(&feed, &finder(Some(4), Some("autism")))),
            ["autism", "ehc-needs-assessment"]
        );
        // A 16-year-old with speech and language needs: EHC and adulthood (autism is for autism).
        assert_eq!(
            ids(&pathways_for(&feed, &finder(Some(16), Some("slcn")))),
            ["ehc-needs-assessment", "preparing-for-adulthood"]
        );
        // Age 25 is the last year of the 0 to 25 range; 26 is outside every pathway that has
        // an upper age. The autism pathway has none: no council paper gives one.
        assert!(ids(&pathways_for(&feed, &finder(Some(25), None)))
            .contains(&"ehc-needs-assessment".to_owned()));
        assert_eq!(
            ids(&pathways_for(&feed, &finder(Some(26), None))),
            ["autism"]
        );
    }

    #[test]
    fn steps_outside_the_age_are_hidden_and_linked_around() {
        let feed = sample_feed();
        let pfa = feed.pathway("preparing-for-adulthood").unwrap();
        // The transition plan is from age 14, adult services from 18: a 13-year-old sees neither.
        let narrowed = narrow(pfa, &finder(Some(13), None));
        assert_eq!(
            narrowed.hidden,
            ["transition-plan", "adult-services", "annual-health-check"]
        );
        assert!(narrowed
            .pathway
            .steps
            .iter()
            .all(|s| s.id != "transition-plan"));
        let review = narrowed
            .pathway
            .steps
            .iter()
            .find(|s| s.id == "year-9-review")
            .unwrap();
        // Year 9 review led to the transition plan, which led to the booklet and the post-16
        // review: now it leads to those directly.
        assert_eq!(
            review.next.as_ref().unwrap().steps,
            ["pfa-booklet", "post-16-review"]
        );
        assert_eq!(
            narrow(pfa, &finder(Some(14), None)).hidden,
            ["adult-services", "annual-health-check"]
        );
        assert!(narrow(pfa, &finder(Some(18), None)).hidden.is_empty());
        assert_eq!(narrow(pfa, &Finder::default()).pathway, *pfa);
    }

    #[test]
    fn needs_come_from_pathways_first_then_services() {
        let needs = needs_in(&sample_feed());
        assert_eq!(needs.first().map(String::as_str), Some("autism"));
        assert!(needs.contains(&"slcn".to_owned()) && needs.contains(&"semh".to_owned()));
    }
}
