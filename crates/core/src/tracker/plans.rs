//! Which of the feed's plans the tracker shows, and what it says about that plan's life.
//!
//! A reader's address (`#tracker:plan=…`) wins over the placeholder's `data-plan`, which wins
//! over the feed's current plan ([`crate::feed::current_plan_index`]). A `data-plan` the feed
//! does not have is said on the page, and the current plan shown; an unknown plan in the
//! address is a stale bookmark and quietly shows the current plan, as other filters do.

use crate::feed::{current_plan_index, Feed, Lifecycle, Plan};

/// The plan to show, its place in the feed, and the `data-plan` id that was not found.
#[derive(Debug, Clone, Copy)]
pub struct PlanChoice<'a> {
    pub plan: &'a Plan,
    pub index: usize,
    pub unknown: Option<&'a str>,
}

pub fn choose_plan<'a>(
    feed: &'a Feed,
    address: Option<&str>,
    data_plan: Option<&'a str>,
) -> Option<PlanChoice<'a>> {
    let plans = feed.plans();
    let find = |id: &str| plans.iter().position(|p| p.id.as_deref() == Some(id));
    let current = current_plan_index(plans)?;
    let (index, unknown) = match (address.and_then(find), data_plan) {
        (Some(index), _) => (index, None),
        (None, Some(id)) => match find(id) {
            Some(index) => (index, None),
            None => (current, Some(id)),
        },
        (None, None) => (current, None),
    };
    Some(PlanChoice {
        plan: &plans[index],
        index,
        unknown,
    })
}

/// What the top of a plan says about its life, when the feed says anything.
#[derive(Debug, Clone, PartialEq)]
pub enum LifeNote<'a> {
    /// Closed, with when (`period.end`) if known and the plan that followed if known.
    Closed {
        end: Option<crate::date::PartialDate>,
        followed_by: Option<&'a Plan>,
    },
    /// Followed by another plan, without the feed saying it closed.
    FollowedBy(&'a Plan),
}

pub fn life_note<'a>(feed: &'a Feed, plan: &Plan) -> Option<LifeNote<'a>> {
    let next = plan
        .followed_by
        .as_deref()
        .and_then(|id| feed.plan_by_id(id));
    match (plan.lifecycle, next) {
        (Some(Lifecycle::Closed), followed_by) => Some(LifeNote::Closed {
            end: plan.period.as_ref().and_then(|p| p.end),
            followed_by,
        }),
        (_, Some(next)) => Some(LifeNote::FollowedBy(next)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use crate::feed::Period;

    /// A made-up version 1 feed with the tracker tests' plan.
    fn feed_with_plan() -> Feed {
        let mut feed = crate::parse::parse_feed(
            r#"{"version": 1, "publisher": {"name": "Made-up council"}, "updated": "2024-05-01", "languages": ["en"]}"#,
        )
        .unwrap();
        feed.plan = Some(crate::tracker::tests::plan());
        feed
    }

    /// A made-up version 2 feed: an old plan closed and followed by a current one.
    fn feed() -> Feed {
        let mut feed = feed_with_plan();
        let mut old = feed.plan.take().unwrap();
        old.id = Some("old".into());
        old.lifecycle = Some(Lifecycle::Closed);
        old.followed_by = Some("new".into());
        old.period = Some(Period {
            start: Some(PartialDate::Year(2021)),
            end: Some(PartialDate::Month(2024, 7)),
        });
        let mut new = old.clone();
        new.id = Some("new".into());
        new.lifecycle = Some(Lifecycle::Current);
        new.followed_by = None;
        new.period = None;
        feed.version = 2;
        feed.plans = vec![old, new];
        feed
    }

    fn chosen(feed: &Feed, address: Option<&str>, data_plan: Option<&str>) -> (usize, bool) {
        let choice = choose_plan(feed, address, data_plan).unwrap();
        (choice.index, choice.unknown.is_some())
    }

    #[test]
    fn the_current_plan_by_default_then_data_plan_then_the_address() {
        let feed = feed();
        assert_eq!(chosen(&feed, None, None), (1, false));
        assert_eq!(chosen(&feed, None, Some("old")), (0, false));
        assert_eq!(chosen(&feed, Some("new"), Some("old")), (1, false));
        // An unknown data-plan shows the current plan and is reported; an unknown address is
        // a stale bookmark and falls back quietly.
        assert_eq!(chosen(&feed, None, Some("gone")), (1, true));
        assert_eq!(chosen(&feed, Some("gone"), None), (1, false));
        assert_eq!(chosen(&feed, Some("gone"), Some("old")), (0, false));
    }

    #[test]
    fn a_closed_plan_says_when_and_what_followed() {
        let feed = feed();
        let [old, new] = feed.plans() else { panic!() };
        assert_eq!(
            life_note(&feed, old),
            Some(LifeNote::Closed {
                end: Some(PartialDate::Month(2024, 7)),
                followed_by: Some(new),
            })
        );
        assert_eq!(life_note(&feed, new), None);
        let mut only_followed = old.clone();
        only_followed.lifecycle = None;
        assert_eq!(
            life_note(&feed, &only_followed),
            Some(LifeNote::FollowedBy(new))
        );
    }

    #[test]
    fn a_version_1_feed_has_its_one_plan() {
        let feed = feed_with_plan();
        assert_eq!(chosen(&feed, None, Some("anything")), (0, true));
        assert!(life_note(&feed, feed.current_plan().unwrap()).is_none());
    }
}
