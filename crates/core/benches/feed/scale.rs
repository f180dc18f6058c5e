//! Feeds 10× and 100× the sample's size, for measuring how the core scales.
//!
//! A bigger feed is the sample replicated: copy 0 is the sample itself, copy `k` has every id
//! and every reference to an id suffixed with `-xk`, so each copy is a consistent feed of its
//! own and the whole validates as the sample does. Working on the typed [`Feed`] (not on JSON)
//! means a new id field in the format is a compile error here rather than a silently broken
//! reference. The one plan gets the copies' priorities and workstreams.

use send_core::feed::{Feed, Pathway, Plan};

/// The sample replicated `times` times (1 returns it unchanged).
pub fn scaled(sample: &Feed, times: usize) -> Feed {
    let mut feed = sample.clone();
    for k in 1..times {
        let copy = suffixed(sample, &format!("-x{k}"));
        let copied = copy.current_plan().cloned();
        feed.services.extend(copy.services);
        feed.pathways.extend(copy.pathways);
        feed.indicators.extend(copy.indicators);
        feed.updates.extend(copy.updates);
        if let (Some(plan), Some(copied)) = (feed.current_plan_mut(), copied) {
            plan.priorities.extend(copied.priorities);
            plan.workstreams.extend(copied.workstreams);
        }
    }
    feed
}

fn suffixed(sample: &Feed, suffix: &str) -> Feed {
    let id = |id: &mut String| id.push_str(suffix);
    let ids = |ids: &mut Vec<String>| ids.iter_mut().for_each(id);
    let mut feed = sample.clone();
    for service in &mut feed.services {
        id(&mut service.id);
    }
    for pathway in &mut feed.pathways {
        suffix_pathway(pathway, suffix);
    }
    for plan in feed.plans_mut() {
        suffix_plan(plan, suffix);
    }
    for indicator in &mut feed.indicators {
        id(&mut indicator.id);
        ids(&mut indicator.actions);
    }
    for update in &mut feed.updates {
        ids(&mut update.actions);
    }
    feed
}

fn suffix_pathway(pathway: &mut Pathway, suffix: &str) {
    let id = |id: &mut String| id.push_str(suffix);
    let ids = |ids: &mut Vec<String>| ids.iter_mut().for_each(id);
    id(&mut pathway.id);
    ids(&mut pathway.help);
    for stage in &mut pathway.stages {
        id(&mut stage.id);
    }
    for step in &mut pathway.steps {
        id(&mut step.id);
        id(&mut step.stage);
        ids(&mut step.services);
        ids(&mut step.indicators);
        if let Some(next) = step.next.as_mut() {
            ids(&mut next.steps);
        }
    }
    if let Some(clock) = pathway.clock.as_mut() {
        for milestone in &mut clock.milestones {
            id(&mut milestone.id);
            if let Some(step) = milestone.step.as_mut() {
                id(step);
            }
        }
    }
}

fn suffix_plan(plan: &mut Plan, suffix: &str) {
    let id = |id: &mut String| id.push_str(suffix);
    for priority in &mut plan.priorities {
        id(&mut priority.id);
    }
    for workstream in &mut plan.workstreams {
        id(&mut workstream.id);
        for action in &mut workstream.actions {
            id(&mut action.reference);
            action.priorities.iter_mut().for_each(id);
        }
    }
}
