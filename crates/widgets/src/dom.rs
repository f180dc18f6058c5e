//! View tree to DOM. The only place nodes are created; text is always a text node.

use send_core::view::Node;
use wasm_bindgen::prelude::*;
use web_sys::Document;

pub fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// Builds a detached DOM node for `tree`.
pub fn build(document: &Document, tree: &Node) -> Result<web_sys::Node, JsValue> {
    match tree {
        Node::Text(text) => Ok(document.create_text_node(text).into()),
        Node::Element(element) => {
            let dom = document.create_element(element.tag)?;
            for (name, value) in &element.attrs {
                dom.set_attribute(name, value)?;
            }
            for child in &element.children {
                dom.append_child(&build(document, child)?)?;
            }
            Ok(dom.into())
        }
    }
}
