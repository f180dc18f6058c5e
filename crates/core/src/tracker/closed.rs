//! What of a patch can wait for the next task: the contents of closed workstreams.
//!
//! "Clear filters" brings back every workstream a filter had taken away, closed, each with all
//! its actions and measures inside (about 1,900 nodes on the sample), and building them was
//! most of that click's task. A closed workstream's panel is hidden from everyone alike (its
//! button says it is closed), so what is inside it can be built a task later: the click's task
//! builds the workstreams' headings, tallies and empty closed panels, sets every button's
//! state and the count, and the panels are filled straight after. The page must not be changed
//! in between by anything else: the widget puts the rest in before it handles another event.

use crate::pathway::patch::{Patch, Path};
use crate::view::{Element, Node};

/// Whether `child` of `parent` is a closed workstream's panel: the hidden part of a block that
/// names its workstream.
fn closed_panel(parent: &Element, child: &Node) -> bool {
    parent.get_attr("data-workstream").is_some()
        && matches!(child, Node::Element(panel) if panel.get_attr("hidden").is_some())
}

/// Where the closed panels are in `node`, which is at `path`.
fn closed_panels(node: &Node, path: &mut Path, out: &mut Vec<Path>) {
    let Node::Element(element) = node else {
        return;
    };
    for (i, child) in element.children.iter().enumerate() {
        path.push(i as u32);
        if closed_panel(element, child) {
            out.push(path.clone());
        } else {
            closed_panels(child, path, out);
        }
        path.pop();
    }
}

/// Empties the closed panels in `node`, which goes in at `path`, and says how to fill them.
fn empty_closed(node: &mut Node, path: &mut Path, fill: &mut Vec<Patch>) {
    let Node::Element(element) = node else {
        return;
    };
    let block = element.get_attr("data-workstream").is_some();
    for (i, child) in element.children.iter_mut().enumerate() {
        path.push(i as u32);
        match child {
            Node::Element(panel) if block && panel.get_attr("hidden").is_some() => {
                if !panel.children.is_empty() {
                    fill.push(Patch::ReplaceChildren {
                        path: path.clone(),
                        children: std::mem::take(&mut panel.children),
                    });
                }
            }
            _ => empty_closed(child, path, fill),
        }
        path.pop();
    }
}

/// Splits `patches`, which turn the page into `new`, into those to apply now and those that
/// can come in the next task, after all of the first. Applied in that order they make the page
/// `new`, as the patches alone do; the first alone make it `new` with its closed panels as
/// they were, or empty where they are new.
pub fn later_inside_closed(patches: Vec<Patch>, new: &Node) -> (Vec<Patch>, Vec<Patch>) {
    let mut closed = Vec::new();
    closed_panels(new, &mut Vec::new(), &mut closed);
    // A panel's own attributes (`hidden` itself) are set now; only what is inside it waits.
    // The paths of patches inside a panel lead through the panel's place in `new`: patches
    // come child by child, so nothing after them moves what comes before.
    let within = |path: &[u32], or_at: bool| {
        closed
            .iter()
            .any(|panel| path.starts_with(panel) && (or_at || path.len() > panel.len()))
    };
    let (mut now, mut later) = (Vec::new(), Vec::new());
    for patch in patches {
        match patch {
            Patch::Insert { path, index, node } if !within(&path, true) => {
                let mut node = node;
                let mut at = path.clone();
                at.push(index);
                empty_closed(&mut node, &mut at, &mut later);
                now.push(Patch::Insert { path, index, node });
            }
            Patch::ReplaceChildren { path, children } if !within(&path, true) => {
                let mut children = children;
                for (i, child) in children.iter_mut().enumerate() {
                    let mut at = path.clone();
                    at.push(i as u32);
                    empty_closed(child, &mut at, &mut later);
                }
                now.push(Patch::ReplaceChildren { path, children });
            }
            Patch::Insert { .. } | Patch::ReplaceChildren { .. } => later.push(patch),
            Patch::Replace { ref path, .. }
            | Patch::SetAttr { ref path, .. }
            | Patch::RemoveAttr { ref path, .. }
            | Patch::SetText { ref path, .. }
            | Patch::Remove { ref path }
                if within(path, false) =>
            {
                later.push(patch)
            }
            Patch::Replace { path, node } => {
                let mut node = node;
                empty_closed(&mut node, &mut path.clone(), &mut later);
                now.push(Patch::Replace { path, node });
            }
            other => now.push(other),
        }
    }
    (now, later)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pathway::patch::diff;
    use crate::pathway::patch::tests::{apply, assert_patches_turn};
    use crate::view::el;

    /// Made-up workstream blocks as the tracker draws them: a heading, then the panel, closed
    /// unless `open`, holding `actions` items.
    fn results(blocks: &[(&str, bool, usize)]) -> Node {
        el("div")
            .attr("data-sp-results", "")
            .child(el("div").class("sp-controls").text("Show all"))
            .children(blocks.iter().map(|(id, open, actions)| {
                let panel = el("div").attr("id", format!("{id}-panel"));
                let panel = if *open {
                    panel
                } else {
                    panel.attr("hidden", "until-found")
                };
                el("div")
                    .attr("id", *id)
                    .attr("data-workstream", *id)
                    .child(el("h3").child(el("button").text(*id)))
                    .child(panel.child(el("ol").children((0..*actions).map(|a| {
                        el("li")
                            .attr("id", format!("{id}-action-{a}"))
                            .text(format!("made-up action {a}"))
                    }))))
            }))
            .into()
    }

    fn count(node: &Node) -> usize {
        match node {
            Node::Text(_) => 1,
            Node::Element(e) => 1 + e.children.iter().map(count).sum::<usize>(),
        }
    }

    /// Applies `now`, checks what is on the page then, applies `later`, and checks the page is
    /// `new`.
    fn split_turns(old: &Node, new: &Node) -> (Vec<Patch>, Vec<Patch>, Node) {
        let patches = assert_patches_turn(old, new);
        let (now, later) = later_inside_closed(patches, new);
        let mut page = old.clone();
        apply(&mut page, &now);
        let between = page.clone();
        apply(&mut page, &later);
        assert!(diff(&page, new).is_empty(), "{now:#?}\n{later:#?}");
        (now, later, between)
    }

    #[test]
    fn the_contents_of_closed_workstreams_brought_back_wait() {
        // A filter showed one workstream, open; clearing brings back three, all closed.
        let filtered = results(&[("w2", true, 2)]);
        let cleared = results(&[("w1", false, 9), ("w2", false, 4), ("w3", false, 5)]);
        let (now, later, between) = split_turns(&filtered, &cleared);
        // Now: every block, its heading and its panel closed, but nothing in a closed panel
        // new: w1 and w3 empty, w2 as it was.
        let Node::Element(page) = &between else {
            panic!()
        };
        assert_eq!(page.children.len(), 4);
        let panel = |block: usize| match &page.children[block] {
            Node::Element(b) => match &b.children[1] {
                Node::Element(p) => p.clone(),
                _ => panic!(),
            },
            _ => panic!(),
        };
        assert_eq!(panel(1).children.len(), 0);
        assert_eq!(panel(3).children.len(), 0);
        assert_eq!(panel(2).get_attr("hidden"), Some("until-found"));
        let Node::Element(list) = &panel(2).children[0] else {
            panic!()
        };
        assert_eq!(list.children.len(), 2, "w2's contents change later");
        // Later: the rest, which is most of what is built.
        let built = |patches: &[Patch]| crate::pathway::patch::nodes_drawn(patches);
        assert!(
            built(&later) > 3 * built(&now),
            "{} {}",
            built(&now),
            built(&later)
        );
        assert_eq!(
            built(&now) + built(&later),
            built(&diff(&filtered, &cleared))
        );
        assert!(count(&between) < count(&cleared));
    }

    #[test]
    fn open_workstreams_and_everything_else_change_now() {
        // Opening all: the panels' `hidden` goes now, and nothing waits.
        let closed = results(&[("w1", false, 3), ("w2", false, 2)]);
        let open = results(&[("w1", true, 3), ("w2", true, 2)]);
        let (_, later, between) = split_turns(&closed, &open);
        assert!(later.is_empty(), "{later:#?}");
        assert!(diff(&between, &open).is_empty());
        // Closing: the panels close now too.
        let (now, later, _) = split_turns(&open, &closed);
        assert!(later.is_empty());
        assert_eq!(now.len(), 2);
        // A filter shows fewer in an open workstream: now.
        let fewer = results(&[("w1", true, 1)]);
        let (_, later, _) = split_turns(&open, &fewer);
        assert!(later.is_empty());
        // Fewer in a closed one (a filter cleared the other way round): later, the panel's
        // state now.
        let (now, later, between) =
            split_turns(&results(&[("w1", false, 3)]), &results(&[("w1", false, 1)]));
        assert!(now.is_empty(), "{now:#?}");
        assert_eq!(later.len(), 2);
        assert_eq!(between, results(&[("w1", false, 3)]));
        // Outside any workstream nothing waits.
        let a: Node = el("div").child(el("p").attr("hidden", "").text("a")).into();
        let b: Node = el("div").child(el("p").attr("hidden", "").text("b")).into();
        let (_, later, _) = split_turns(&a, &b);
        assert!(later.is_empty());
    }

    /// On the made-up runtime feed (tests/e2e/runtime/tracker), the tracker's own redraws
    /// split and applied in two parts end as the whole patch does.
    #[test]
    fn the_trackers_redraws_split_and_applied_in_two_parts_end_the_same() {
        use crate::options::{WidgetKind, WidgetOptions};
        use crate::tracker::interact::{Field, Intent, TrackerState};
        let feed = crate::parse_feed(include_str!(
            "../../../../tests/e2e/runtime/tracker/feed.json"
        ))
        .unwrap();
        let options = WidgetOptions {
            kind: WidgetKind::Tracker,
            feed: "feed.json".into(),
            pathway: None,
            plan: None,
            lang: crate::text::Lang::En,
            heading_level: 2,
            view: crate::pathway::state::View::List,
        };
        let today = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let mut state = TrackerState::new(&feed, options, "sp1".into(), today, "");
        let status = |value: &str| Intent::Filter {
            field: Field::Status,
            value: value.into(),
        };
        let mut waited = 0;
        for intent in [
            status("complete"),
            Intent::ClearFilters,
            Intent::ToggleAll,
            status("complete"),
            Intent::ClearFilters,
            Intent::Toggle("1.a".into()),
            Intent::Address("#tracker:q=ehcp".into()),
            Intent::Address("#tracker:".into()),
        ] {
            let old = state.tree(&feed).unwrap();
            state.update(&feed, intent.clone());
            let new = state.tree(&feed).unwrap();
            let (now, later, _) = split_turns(&old, &new);
            assert!(!now.is_empty() || later.is_empty(), "{intent:?}");
            waited += later.len();
        }
        assert!(waited > 0, "clearing filled closed workstreams later");
    }
}
