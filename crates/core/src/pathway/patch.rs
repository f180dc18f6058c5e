//! The smallest set of changes that turns one drawing of a widget into the next, so the page
//! is patched rather than rebuilt: a control in use, a live region and everything else that did
//! not change stay the same elements (a screen reader hears the region's new words, focus
//! stays where it was).
//!
//! Children are matched by position when both drawings have the same elements in the same
//! order (by tag and `id`, else `data-step`). When they differ, children are matched in order
//! (tag and key, and class for an element without a key), the new ones inserted and the gone
//! ones removed, so adding the finder above a list keeps the list's elements; when no such
//! match is found, the parent's children are drawn again. Inside an `<svg>` a change of structure redraws the whole `<svg>`, because the page
//! makes SVG elements in the SVG namespace only when it builds from the `<svg>` down.

use crate::view::{Element, Node};

/// Where a node is: child indices from the widget's root.
pub type Path = Vec<u32>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Patch {
    SetAttr {
        path: Path,
        name: &'static str,
        value: String,
    },
    RemoveAttr {
        path: Path,
        name: &'static str,
    },
    SetText {
        path: Path,
        text: String,
    },
    /// The node's children, drawn again.
    ReplaceChildren {
        path: Path,
        children: Vec<Node>,
    },
    /// The node, drawn again.
    Replace {
        path: Path,
        node: Node,
    },
    /// A new child of the node at `path`, drawn and put at `index` among its children.
    Insert {
        path: Path,
        index: u32,
        node: Node,
    },
    /// The node, taken out.
    Remove {
        path: Path,
    },
}

/// The patches that turn `old` (what the page shows) into `new`, in an order that keeps every
/// later path valid.
pub fn diff(old: &Node, new: &Node) -> Vec<Patch> {
    let mut patches = Vec::new();
    let mut path = Vec::new();
    node(old, new, &mut path, None, &mut patches);
    patches
}

/// How many nodes a set of patches draws anew: what the bench counts per interaction.
pub fn nodes_drawn(patches: &[Patch]) -> usize {
    fn count(node: &Node) -> usize {
        match node {
            Node::Text(_) => 1,
            Node::Element(e) => 1 + e.children.iter().map(count).sum::<usize>(),
        }
    }
    patches
        .iter()
        .map(|p| match p {
            Patch::ReplaceChildren { children, .. } => children.iter().map(count).sum(),
            Patch::Replace { node, .. } | Patch::Insert { node, .. } => count(node),
            _ => 0,
        })
        .sum()
}

/// The words `new` shows where `old` shows others, each with the path in `old` of the element
/// that holds them: what the page lays out ahead in that element's font, so the frame after a
/// switch to another language finds its fonts, glyphs and shaping ready. What `old` hides (an
/// element `hidden`, and everything inside it) is left out: the browser does not lay it out.
pub fn shown_words(old: &Node, new: &Node) -> Vec<(Path, String)> {
    let mut words: Vec<(Path, String)> = Vec::new();
    for patch in diff(old, new) {
        let (path, text) = match patch {
            Patch::SetText { mut path, text } => {
                path.pop();
                (path, text)
            }
            Patch::Replace { mut path, node } => {
                // A text replaced by an element, or the other way round: its parent's font.
                if !matches!(at(old, &path), Some(Node::Element(_))) {
                    path.pop();
                }
                (path, node.text_content())
            }
            Patch::Insert { path, node, .. } => (path, node.text_content()),
            Patch::ReplaceChildren { path, children } => {
                (path, children.iter().map(Node::text_content).collect())
            }
            Patch::SetAttr { .. } | Patch::RemoveAttr { .. } | Patch::Remove { .. } => continue,
        };
        if text.trim().is_empty() || hidden(old, &path) {
            continue;
        }
        match words.iter_mut().find(|(p, _)| *p == path) {
            Some((_, held)) => {
                held.push(' ');
                held.push_str(&text);
            }
            None => words.push((path, text)),
        }
    }
    words
}

/// The node at `path` in `root`.
fn at<'a>(root: &'a Node, path: &[u32]) -> Option<&'a Node> {
    path.iter().try_fold(root, |node, &i| match node {
        Node::Element(e) => e.children.get(i as usize),
        Node::Text(_) => None,
    })
}

/// Whether the element at `path`, or one it is inside, is `hidden`.
fn hidden(root: &Node, path: &[u32]) -> bool {
    (0..=path.len()).any(|depth| {
        matches!(at(root, &path[..depth]), Some(Node::Element(e)) if e.get_attr("hidden").is_some())
    })
}

fn same_kind(old: &Node, new: &Node) -> bool {
    match (old, new) {
        (Node::Text(_), Node::Text(_)) => true,
        (Node::Element(a), Node::Element(b)) => a.tag == b.tag && key(a) == key(b),
        _ => false,
    }
}

/// Whether `new` is the same child as `old` for matching in order: the same kind, and for an
/// element without a key, the same class too (a toolbar `<div>` is not the list's `<div>`).
fn same_child(old: &Node, new: &Node) -> bool {
    same_kind(old, new)
        && match (old, new) {
            (Node::Element(a), Node::Element(b)) => {
                key(a).is_some() || a.get_attr("class") == b.get_attr("class")
            }
            _ => true,
        }
}

/// What to do with each child when the children differ: `Some(i)`, the new child is old child
/// `i` (in order); `None`, it is new. `None` overall when the old children cannot be matched in
/// order to new ones: none kept, or more than a few inserted and removed with no child matched
/// by its key. A child found again by its key (a tracker's workstream or action, by `id`) is
/// the same thing drawn, so however many others came or went, only those are built or removed:
/// a filter showing fewer workstreams removes the rest, clearing it builds only them.
fn align(old: &[Node], new: &[Node]) -> Option<Vec<Option<usize>>> {
    let mut next = 0;
    let mut plan = Vec::with_capacity(new.len());
    let mut by_key = false;
    for child in new {
        match old[next..].iter().position(|o| same_child(o, child)) {
            Some(skip) => {
                next += skip + 1;
                plan.push(Some(next - 1));
                by_key |= matches!(child, Node::Element(e) if key(e).is_some());
            }
            None => plan.push(None),
        }
    }
    let kept = plan.iter().flatten().count();
    (kept > 0 && (by_key || kept * 2 >= old.len())).then_some(plan)
}

fn key(element: &Element) -> Option<&str> {
    element
        .get_attr("id")
        .or_else(|| element.get_attr("data-step"))
}

/// The enclosing `<svg>` in the new drawing, and where it is.
type Svg<'a> = Option<(&'a [u32], &'a Element)>;

/// Compares `old` with `new` at `path`. Returns `true` when a change inside an `<svg>` redrew
/// the whole `<svg>`, so nothing more inside it needs comparing.
fn node(old: &Node, new: &Node, path: &mut Path, svg: Svg, out: &mut Vec<Patch>) -> bool {
    match (old, new) {
        (Node::Text(a), Node::Text(b)) => {
            if a != b {
                out.push(Patch::SetText {
                    path: path.clone(),
                    text: b.clone(),
                });
            }
            false
        }
        (Node::Element(a), Node::Element(b)) if a.tag == b.tag => element(a, b, path, svg, out),
        _ => match svg {
            Some(svg) => redraw_svg(svg, out),
            None => {
                out.push(Patch::Replace {
                    path: path.clone(),
                    node: new.clone(),
                });
                false
            }
        },
    }
}

fn redraw_svg((svg_path, svg): (&[u32], &Element), out: &mut Vec<Patch>) -> bool {
    out.retain(|p| !patch_path(p).starts_with(svg_path));
    out.push(Patch::Replace {
        path: svg_path.to_vec(),
        node: Node::Element(svg.clone()),
    });
    true
}

fn element(old: &Element, new: &Element, path: &mut Path, svg: Svg, out: &mut Vec<Patch>) -> bool {
    let here = path.clone();
    let svg = match svg {
        None if new.tag == "svg" => Some((here.as_slice(), new)),
        other => other,
    };
    let same_children = old.children.len() == new.children.len()
        && old
            .children
            .iter()
            .zip(&new.children)
            .all(|(a, b)| same_kind(a, b));
    if !same_children {
        if let Some(svg) = svg {
            return redraw_svg(svg, out);
        }
    }
    for (i, (name, value)) in new.attrs.iter().enumerate() {
        // Written twice, the last value is the one the page keeps.
        if new.attrs[i + 1..].iter().any(|(n, _)| n == name) {
            continue;
        }
        if last(old, name) != Some(value.as_str()) {
            out.push(Patch::SetAttr {
                path: path.clone(),
                name,
                value: value.clone(),
            });
        }
    }
    for (i, (name, _)) in old.attrs.iter().enumerate() {
        if new.get_attr(name).is_none() && !old.attrs[i + 1..].iter().any(|(n, _)| n == name) {
            out.push(Patch::RemoveAttr {
                path: path.clone(),
                name,
            });
        }
    }
    if !same_children {
        match align(&old.children, &new.children) {
            Some(plan) => children_in_order(old, new, &plan, path, out),
            None => out.push(Patch::ReplaceChildren {
                path: path.clone(),
                children: new.children.clone(),
            }),
        }
        return false;
    }
    for (i, (a, b)) in old.children.iter().zip(&new.children).enumerate() {
        path.push(i as u32);
        let redrawn = node(a, b, path, svg, out);
        path.pop();
        match svg {
            // Inside the `<svg>`, or the `<svg>` itself: it was drawn again whole.
            Some((svg_path, _)) if redrawn => return svg_path != here.as_slice(),
            _ => {}
        }
    }
    false
}

/// Applies [`align`]'s plan: old children no new one matched are removed, new ones inserted,
/// matched ones compared. Each patch's path is the page's as it stands when that patch comes,
/// so at the `j`th new child the page's `j`th child is the one to compare or insert before.
fn children_in_order(
    old: &Element,
    new: &Element,
    plan: &[Option<usize>],
    path: &mut Path,
    out: &mut Vec<Patch>,
) {
    let mut old_next = 0;
    let remove_up_to = |until: usize, from: &mut usize, at: u32, path: &Path, out: &mut Vec<_>| {
        while *from < until {
            let mut gone = path.clone();
            gone.push(at);
            out.push(Patch::Remove { path: gone });
            *from += 1;
        }
    };
    for (j, (child, matched)) in new.children.iter().zip(plan).enumerate() {
        let at = j as u32;
        match matched {
            Some(i) => {
                remove_up_to(*i, &mut old_next, at, path, out);
                old_next = i + 1;
                path.push(at);
                node(&old.children[*i], child, path, None, out);
                path.pop();
            }
            None => out.push(Patch::Insert {
                path: path.clone(),
                index: at,
                node: child.clone(),
            }),
        }
    }
    let end = new.children.len() as u32;
    remove_up_to(old.children.len(), &mut old_next, end, path, out);
}

fn last<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    element
        .attrs
        .iter()
        .rev()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_str())
}

fn patch_path(patch: &Patch) -> &[u32] {
    match patch {
        Patch::SetAttr { path, .. }
        | Patch::RemoveAttr { path, .. }
        | Patch::SetText { path, .. }
        | Patch::ReplaceChildren { path, .. }
        | Patch::Replace { path, .. }
        | Patch::Insert { path, .. }
        | Patch::Remove { path } => path,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::view::el;

    fn tree(label: &str, items: &[&str], svg_items: &[&str]) -> Node {
        el("section")
            .attr("id", "w")
            .child(el("p").attr("role", "status").text(label))
            .child(
                el("ul").children(
                    items
                        .iter()
                        .map(|i| el("li").attr("data-step", *i).text(*i)),
                ),
            )
            .child(
                el("svg").child(
                    el("g").children(svg_items.iter().map(|i| el("g").attr("id", *i).text(*i))),
                ),
            )
            .into()
    }

    /// Made-up drawings: a heading, a closed panel, a list that changes shape.
    fn page(heading: &str, panel: &str, items: &[&str]) -> Node {
        el("section")
            .child(el("h2").text(heading).child(el("span").text("!")))
            .child(
                el("div")
                    .attr("hidden", "until-found")
                    .child(el("p").text(panel)),
            )
            .child(el("ul").children(items.iter().map(|i| el("li").text(*i))))
            .into()
    }

    #[test]
    fn the_words_shown_anew_are_found_by_the_element_that_holds_them() {
        let old = page("Hello", "Closed", &["one"]);
        let new = page("Bonjour", "Fermé", &["un", "deux", "trois", "quatre"]);
        let words = shown_words(&old, &new);
        // The heading's text (in the heading, not its span, which did not change); the list's
        // items, inserted or drawn again; nothing from the hidden panel.
        assert_eq!(words.first(), Some(&(vec![0], "Bonjour".to_owned())));
        assert!(
            words.iter().all(|(path, _)| path.first() != Some(&1)),
            "{words:?}"
        );
        let listed: String = words
            .iter()
            .filter(|(p, _)| p.first() == Some(&2))
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for item in ["un", "deux", "trois", "quatre"] {
            assert!(listed.contains(item), "{item} in {listed:?}");
        }
        assert!(shown_words(&old, &old).is_empty());
    }

    #[test]
    fn the_same_drawing_needs_nothing() {
        let t = tree("a", &["x", "y"], &["m"]);
        assert!(diff(&t, &t).is_empty());
    }

    #[test]
    fn a_changed_text_and_attribute_are_patched_in_place() {
        let old = tree("a", &["x", "y"], &["m"]);
        let new = tree("b", &["x", "y"], &["m"]);
        assert_eq!(
            diff(&old, &new),
            [Patch::SetText {
                path: vec![0, 0],
                text: "b".into()
            }]
        );
        let old: Node = el("p").attr("hidden", "").attr("a", "1").into();
        let new: Node = el("p").attr("a", "2").into();
        assert_eq!(
            diff(&old, &new),
            [
                Patch::SetAttr {
                    path: vec![],
                    name: "a",
                    value: "2".into()
                },
                Patch::RemoveAttr {
                    path: vec![],
                    name: "hidden"
                }
            ]
        );
    }

    /// Carries out `patches` on a tree as the page would: what `diff` promises is that the
    /// result is the new drawing.
    pub(crate) fn apply(tree: &mut Node, patches: &[Patch]) {
        fn at<'a>(node: &'a mut Node, path: &[u32]) -> &'a mut Node {
            path.iter().fold(node, |n, &i| match n {
                Node::Element(e) => &mut e.children[i as usize],
                Node::Text(_) => panic!("a path through a text"),
            })
        }
        fn element<'a>(node: &'a mut Node, path: &[u32]) -> &'a mut Element {
            match at(node, path) {
                Node::Element(e) => e,
                Node::Text(_) => panic!("not an element"),
            }
        }
        for patch in patches {
            match patch.clone() {
                Patch::SetAttr { path, name, value } => {
                    let e = element(tree, &path);
                    e.attrs.retain(|(n, _)| *n != name);
                    e.attrs.push((name, value));
                }
                Patch::RemoveAttr { path, name } => {
                    element(tree, &path).attrs.retain(|(n, _)| *n != name)
                }
                Patch::SetText { path, text } => *at(tree, &path) = Node::Text(text),
                Patch::ReplaceChildren { path, children } => {
                    element(tree, &path).children = children
                }
                Patch::Replace { path, node } => *at(tree, &path) = node,
                Patch::Insert { path, index, node } => {
                    element(tree, &path).children.insert(index as usize, node)
                }
                Patch::Remove { mut path } => {
                    let index = path.pop().expect("not the root") as usize;
                    element(tree, &path).children.remove(index);
                }
            }
        }
    }

    /// The same as the page would hold it: attributes as a set (a patched one moves last).
    fn same(a: &Node, b: &Node) -> bool {
        match (a, b) {
            (Node::Text(x), Node::Text(y)) => x == y,
            (Node::Element(x), Node::Element(y)) => {
                let mut ax: Vec<_> = x.attrs.clone();
                let mut ay: Vec<_> = y.attrs.clone();
                ax.sort();
                ay.sort();
                x.tag == y.tag
                    && ax == ay
                    && x.children.len() == y.children.len()
                    && x.children.iter().zip(&y.children).all(|(c, d)| same(c, d))
            }
            _ => false,
        }
    }

    pub(crate) fn assert_patches_turn(old: &Node, new: &Node) -> Vec<Patch> {
        let patches = diff(old, new);
        let mut page = old.clone();
        apply(&mut page, &patches);
        assert!(same(&page, new), "{patches:#?}");
        patches
    }

    #[test]
    fn a_child_gone_is_removed_and_the_others_kept() {
        let old = tree("a", &["x", "y"], &["m"]);
        let new = tree("a", &["y"], &["m"]);
        let patches = assert_patches_turn(&old, &new);
        assert_eq!(patches, [Patch::Remove { path: vec![1, 0] }]);
        assert_eq!(nodes_drawn(&patches), 0);
    }

    #[test]
    fn new_children_are_inserted_around_the_kept_ones() {
        let old: Node = el("section")
            .child(el("h2").text("t"))
            .child(
                el("div")
                    .class("list")
                    .child(el("li").attr("data-step", "a")),
            )
            .child(el("p").class("updated").text("u"))
            .into();
        let new: Node = el("section")
            .child(el("h2").text("t"))
            .child(el("div").class("toolbar").text("tools"))
            .child(
                el("div")
                    .class("list")
                    .attr("hidden", "")
                    .child(el("li").attr("data-step", "a")),
            )
            .child(el("p").class("updated").text("u"))
            .child(el("p").attr("role", "status"))
            .into();
        let patches = assert_patches_turn(&old, &new);
        assert_eq!(patches.len(), 3, "{patches:#?}");
        assert!(matches!(&patches[0], Patch::Insert { path, index: 1, .. } if path.is_empty()));
        assert!(matches!(&patches[1], Patch::SetAttr { path, name: "hidden", .. } if path == &[2]));
        assert!(matches!(&patches[2], Patch::Insert { index: 4, .. }));
        // Children with nothing in common are drawn again.
        let old: Node = el("div")
            .child(el("p").class("a"))
            .child(el("p").class("b"))
            .into();
        let new: Node = el("div").child(el("ul")).into();
        let patches = assert_patches_turn(&old, &new);
        assert!(matches!(&patches[..], [Patch::ReplaceChildren { .. }]));
    }

    /// Made-up blocks keyed by id, as the tracker's workstreams are, with an unkeyed toolbar.
    fn blocks(ids: &[&str], toolbar: bool) -> Node {
        let mut results = el("div");
        if toolbar {
            results = results.child(el("div").class("sp-controls").text("Show all"));
        }
        results
            .children(ids.iter().map(|id| {
                el("div")
                    .attr("id", *id)
                    .child(el("h3").text(*id))
                    .child(el("ol").child(el("li").text("made up")))
            }))
            .child(el("div").attr("id", "updates").text("u"))
            .into()
    }

    #[test]
    fn children_found_again_by_key_are_kept_however_many_others_go_or_come() {
        let all = blocks(&["w1", "w2", "w3", "w4"], true);
        let one = blocks(&["w3"], false);
        // Fewer shown: only removals, nothing built.
        let patches = assert_patches_turn(&all, &one);
        assert!(
            patches.iter().all(|p| matches!(p, Patch::Remove { .. })),
            "{patches:#?}"
        );
        assert_eq!(nodes_drawn(&patches), 0);
        // All shown again: only the blocks that were gone are built, the kept one stays.
        let patches = assert_patches_turn(&one, &all);
        assert!(
            patches.iter().all(|p| matches!(p, Patch::Insert { .. })),
            "{patches:#?}"
        );
        assert_eq!(patches.len(), 4, "the toolbar and three blocks");
    }

    #[test]
    fn a_change_of_structure_inside_an_svg_redraws_the_svg() {
        let old = tree("a", &["x"], &["m", "n"]);
        let new = tree("b", &["x"], &["m"]);
        let patches = diff(&old, &new);
        assert_eq!(patches.len(), 2, "{patches:?}");
        assert!(matches!(&patches[0], Patch::SetText { path, .. } if path == &[0, 0]));
        assert!(
            matches!(&patches[1], Patch::Replace { path, node: Node::Element(e) } if path == &[2] && e.tag == "svg")
        );
        // A text change inside the svg is still a text patch.
        let patches = diff(&tree("a", &[], &["m"]), &tree("a", &[], &["m"]));
        assert!(patches.is_empty());
    }

    #[test]
    fn a_different_element_is_replaced() {
        let old: Node = el("div").child(el("p")).into();
        let new: Node = el("div").child(el("h2")).into();
        assert_eq!(
            diff(&old, &new),
            [Patch::ReplaceChildren {
                path: vec![],
                children: vec![el("h2").into()]
            }]
        );
        let old: Node = el("div").text("a").into();
        let new: Node = el("span").into();
        assert_eq!(
            diff(&old, &new),
            [Patch::Replace {
                path: vec![],
                node: el("span").into()
            }]
        );
    }
}
