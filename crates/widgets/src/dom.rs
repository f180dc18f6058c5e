//! View tree to DOM, and the few DOM reads the widgets share. The only place nodes are created;
//! text is always a text node.

use send_core::view::Node;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Today in the reader's own time zone, from the browser clock.
pub fn today() -> Option<chrono::NaiveDate> {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

pub fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

thread_local! {
    /// The page's DOM builder, when the loader gave one (see [`use_builder`]).
    static BUILDER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Nodes [`build`] has made since the page loaded: every node a widget draws anew goes
    /// through it, so the bench reads per interaction how much of the page was replaced.
    static DRAWN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How many nodes the widgets have drawn anew so far (see `DRAWN`).
pub fn nodes_drawn() -> u32 {
    DRAWN.get()
}

fn count(tree: &Node) -> u32 {
    match tree {
        Node::Text(_) => 1,
        Node::Element(e) => 1 + e.children.iter().map(count).sum::<u32>(),
    }
}

/// Has [`build`] hand whole trees to `builder` (the loader's `buildFromOps`), which takes
/// [`Node::to_ops`] and returns the detached node: one call into JavaScript per tree instead of
/// one per element, attribute and text, which made the tracker's first draw several times
/// slower. Without it, trees are built here call by call.
pub fn use_builder(builder: js_sys::Function) {
    BUILDER.with(|slot| *slot.borrow_mut() = Some(builder));
}

/// Resolves in a later task (a zero-delay timer), so the browser can handle input and draw in
/// between: a long piece of work split at these points never blocks the page for all of it.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window()
            .is_some_and(|window| window.set_timeout_with_callback(&resolve).is_ok());
        if !queued {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Builds a detached DOM node for `tree`.
pub fn build(document: &Document, tree: &Node) -> Result<web_sys::Node, JsValue> {
    DRAWN.set(DRAWN.get().saturating_add(count(tree)));
    match BUILDER.with(|slot| slot.borrow().clone()) {
        Some(builder) => builder
            .call1(&JsValue::NULL, &JsValue::from_str(&tree.to_ops()))?
            .dyn_into::<web_sys::Node>()
            .map_err(|_| JsValue::from_str("the page's DOM builder did not return a node")),
        None => build_in(document, tree, false),
    }
}

/// Charts and status shapes are SVG: an `<svg>` and everything in it must be created in the
/// SVG namespace, or the browser treats them as unknown HTML and draws nothing.
fn build_in(document: &Document, tree: &Node, in_svg: bool) -> Result<web_sys::Node, JsValue> {
    match tree {
        Node::Text(text) => Ok(document.create_text_node(text).into()),
        Node::Element(element) => {
            let in_svg = in_svg || element.tag == "svg";
            let dom = if in_svg {
                document.create_element_ns(Some(SVG_NS), element.tag)?
            } else {
                document.create_element(element.tag)?
            };
            for (name, value) in &element.attrs {
                dom.set_attribute(name, value)?;
            }
            for child in &element.children {
                dom.append_child(&build_in(document, child, in_svg)?)?;
            }
            Ok(dom.into())
        }
    }
}

/// Sets a button's words to the label kept in its `attribute`: the core writes every label a
/// button will need, in the widget's language, so the page never looks words up. (The checker's
/// preview only: the tracker's chart toggle holds both its labels and its figure shows one.)
#[cfg(feature = "checker")]
pub fn relabel(button: &Element, attribute: &str) {
    if let Some(text) = button.get_attribute(attribute) {
        button.set_text_content(Some(&text));
    }
}

/// The location's fragment, `#…`, or empty.
pub fn window_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The element an event happened on.
pub fn target(event: &web_sys::Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// A form control's current value (input, select or textarea alike).
pub fn value(control: &Element) -> String {
    js_sys::Reflect::get(control, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Every element under `root` matching `selector`, in document order.
#[cfg_attr(not(feature = "tracker"), allow(dead_code))]
pub fn each(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

/// The node at `path` (child indices) under `root`.
#[cfg_attr(not(any(feature = "tracker", feature = "pathway")), allow(dead_code))]
pub fn node_at(root: &Element, path: &[u32]) -> Option<web_sys::Node> {
    let mut node: web_sys::Node = root.clone().into();
    for &i in path {
        node = node.child_nodes().item(i)?;
    }
    Some(node)
}

/// Applies one of the core's patches under `section` (paths count child nodes from it);
/// returns the new section when the patch replaced it.
#[cfg_attr(not(any(feature = "tracker", feature = "pathway")), allow(dead_code))]
pub fn apply_patch(
    document: &Document,
    section: &Element,
    patch: send_core::pathway::patch::Patch,
) -> Result<Option<Element>, JsValue> {
    use send_core::pathway::patch::Patch;
    let at = |path: &[u32]| node_at(section, path);
    let element_at = |path: &[u32]| at(path).and_then(|n| n.dyn_into::<Element>().ok());
    match patch {
        Patch::SetAttr { path, name, value } => {
            if let Some(element) = element_at(&path) {
                element.set_attribute(name, &value)?;
                sync_property(&element, name, Some(&value))?;
            }
        }
        Patch::RemoveAttr { path, name } => {
            if let Some(element) = element_at(&path) {
                element.remove_attribute(name)?;
                sync_property(&element, name, None)?;
            }
        }
        Patch::SetText { path, text } => {
            if let Some(node) = at(&path) {
                node.set_text_content(Some(&text));
            }
        }
        Patch::ReplaceChildren { path, children } => {
            if let Some(element) = element_at(&path) {
                let nodes = js_sys::Array::new();
                for child in &children {
                    nodes.push(&build(document, child)?.into());
                }
                element.replace_children_with_node(&nodes);
            }
        }
        Patch::Insert { path, index, node } => {
            if let Some(parent) = element_at(&path) {
                let before = parent.child_nodes().item(index);
                parent.insert_before(&build(document, &node)?, before.as_ref())?;
            }
        }
        Patch::Remove { path } => {
            if let Some(gone) = at(&path) {
                if let Some(parent) = gone.parent_node() {
                    parent.remove_child(&gone)?;
                }
            }
        }
        Patch::Replace { path, node } => {
            if let Some(old) = element_at(&path) {
                let new = build(document, &node)?;
                old.replace_with_with_node_1(&new)?;
                if path.is_empty() {
                    return Ok(new.dyn_into::<Element>().ok());
                }
            }
        }
    }
    Ok(None)
}

/// Whether the page's `node` has the shape of `tree`: the same elements, by tag, with as many
/// children each, down to the texts. A fallback's stamp says which feed drew it, but a CMS
/// may still have reshaped the markup (added paragraphs or line breaks): patches then would
/// land on the wrong nodes, so such a fallback is drawn anew instead.
#[cfg(feature = "pathway")]
pub fn same_shape(node: &web_sys::Node, tree: &Node) -> bool {
    match tree {
        Node::Text(_) => node.node_type() == web_sys::Node::TEXT_NODE,
        Node::Element(drawn) => {
            let Some(element) = node.dyn_ref::<Element>() else {
                return false;
            };
            let children = node.child_nodes();
            element.local_name() == drawn.tag
                && children.length() as usize == drawn.children.len()
                && drawn.children.iter().enumerate().all(|(i, child)| {
                    children
                        .item(i as u32)
                        .is_some_and(|dom| same_shape(&dom, child))
                })
        }
    }
}

/// Sets each text field's and option's live value to what `tree` (the drawing of `root`)
/// says. A patch changes only the attributes that differ between two drawings, but a field the
/// reader has typed in or chosen from holds a value no drawing had: after a whole redraw (the
/// filters cleared) the fields must show the drawing's values again.
#[cfg_attr(not(feature = "tracker"), allow(dead_code))]
pub fn sync_fields(root: &Element, tree: &send_core::view::Node) -> Result<(), JsValue> {
    use send_core::view::Node;
    fn walk(node: &web_sys::Node, tree: &Node) -> Result<(), JsValue> {
        let Node::Element(drawn) = tree else {
            return Ok(());
        };
        if let Some(element) = node.dyn_ref::<Element>() {
            let ticked = matches!(drawn.get_attr("type"), Some("checkbox" | "radio"));
            match drawn.tag {
                "input" if !ticked => sync_property(element, "value", drawn.get_attr("value"))?,
                "option" => sync_property(element, "selected", drawn.get_attr("selected"))?,
                _ => {}
            }
        }
        let children = node.child_nodes();
        for (index, child) in drawn.children.iter().enumerate() {
            if let Some(child_node) = u32::try_from(index).ok().and_then(|i| children.item(i)) {
                walk(&child_node, child)?;
            }
        }
        Ok(())
    }
    walk(root.as_ref(), tree)
}

/// A field's value and an option's choice are properties once the reader has used them: the
/// attribute alone no longer changes what shows.
#[cfg_attr(not(any(feature = "tracker", feature = "pathway")), allow(dead_code))]
fn sync_property(element: &Element, name: &str, value: Option<&str>) -> Result<(), JsValue> {
    match (name, value) {
        ("value", v) if self::value(element) != v.unwrap_or_default() => {
            js_sys::Reflect::set(element, &"value".into(), &v.unwrap_or_default().into())?;
        }
        ("selected", v) => {
            js_sys::Reflect::set(element, &"selected".into(), &v.is_some().into())?;
        }
        _ => {}
    }
    Ok(())
}
