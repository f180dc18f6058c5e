//! The smallest set of changes that turns one drawing of a widget into the next, so the page
//! is patched rather than rebuilt: a control in use, a live region and everything else that did
//! not change stay the same elements (a screen reader hears the region's new words, focus
//! stays where it was).
//!
//! Children are matched by position when both drawings have the same elements in the same
//! order (by tag and `id`, else `data-step`); when they differ, the parent's children are drawn
//! again. Inside an `<svg>` a change of structure redraws the whole `<svg>`, because the page
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
            Patch::Replace { node, .. } => count(node),
            _ => 0,
        })
        .sum()
}

fn same_kind(old: &Node, new: &Node) -> bool {
    match (old, new) {
        (Node::Text(_), Node::Text(_)) => true,
        (Node::Element(a), Node::Element(b)) => a.tag == b.tag && key(a) == key(b),
        _ => false,
    }
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
        out.push(Patch::ReplaceChildren {
            path: path.clone(),
            children: new.children.clone(),
        });
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
        | Patch::Replace { path, .. } => path,
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn other_children_redraw_only_their_parent() {
        let old = tree("a", &["x", "y"], &["m"]);
        let new = tree("a", &["y"], &["m"]);
        let patches = diff(&old, &new);
        assert_eq!(patches.len(), 1);
        assert!(
            matches!(&patches[0], Patch::ReplaceChildren { path, children } if path == &[1] && children.len() == 1)
        );
        assert_eq!(nodes_drawn(&patches), 2);
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
