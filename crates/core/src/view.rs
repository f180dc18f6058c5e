//! The view tree: the one narrow seam between the core and any output.
//!
//! Renderers build a tree of elements, attributes and text; the wasm crate turns it into DOM
//! nodes (text always as text nodes) and the CLI serializes it as static HTML for the no-JS
//! fallback. Because both read the same tree, the fallback and the widget cannot drift apart,
//! and rendering is tested natively with plain `#[test]`s.

use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

/// Starts an element: `el("p").attr("class", "x").text("Hello")`.
pub fn el(tag: &'static str) -> Element {
    Element {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

impl Element {
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }

    /// Adds the attribute only when `value` is `Some`.
    pub fn attr_opt(self, name: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    pub fn class(self, value: impl Into<String>) -> Self {
        self.attr("class", value)
    }

    pub fn child(mut self, node: impl Into<Node>) -> Self {
        self.children.push(node.into());
        self
    }

    pub fn children(mut self, nodes: impl IntoIterator<Item = impl Into<Node>>) -> Self {
        self.children.extend(nodes.into_iter().map(Into::into));
        self
    }

    pub fn text(self, text: impl Into<String>) -> Self {
        self.child(Node::Text(text.into()))
    }

    pub fn get_attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl From<Element> for Node {
    fn from(element: Element) -> Self {
        Node::Element(element)
    }
}

impl From<&str> for Node {
    fn from(text: &str) -> Self {
        Node::Text(text.to_owned())
    }
}

impl From<String> for Node {
    fn from(text: String) -> Self {
        Node::Text(text)
    }
}

/// Elements that never have children or a closing tag in HTML.
const VOID: &[&str] = &["br", "hr", "img", "input", "meta", "link", "col", "wbr"];

impl Node {
    /// Serializes as HTML. All text and attribute values are escaped: feed text is never markup.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.write_html(&mut out);
        out
    }

    fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(text) => escape_into(out, text, false),
            Node::Element(element) => {
                let _ = write!(out, "<{}", element.tag);
                for (name, value) in &element.attrs {
                    let _ = write!(out, " {name}=\"");
                    escape_into(out, value, true);
                    out.push('"');
                }
                out.push('>');
                if VOID.contains(&element.tag) {
                    return;
                }
                for child in &element.children {
                    child.write_html(out);
                }
                let _ = write!(out, "</{}>", element.tag);
            }
        }
    }

    /// The text a reader would see, without markup (for tests and plain-text summaries).
    pub fn text_content(&self) -> String {
        match self {
            Node::Text(text) => text.clone(),
            Node::Element(element) => element.children.iter().map(Node::text_content).collect(),
        }
    }

    /// Every element in document order, depth first (for tests and walkers).
    pub fn elements(&self) -> Vec<&Element> {
        let mut found = Vec::new();
        self.collect_elements(&mut found);
        found
    }

    fn collect_elements<'a>(&'a self, found: &mut Vec<&'a Element>) {
        if let Node::Element(element) = self {
            found.push(element);
            for child in &element.children {
                child.collect_elements(found);
            }
        }
    }
}

fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_nested_elements_with_attributes() {
        let tree: Node = el("p")
            .class("note")
            .text("Hello ")
            .child(el("strong").text("world"))
            .into();
        assert_eq!(
            tree.to_html(),
            r#"<p class="note">Hello <strong>world</strong></p>"#
        );
    }

    #[test]
    fn feed_text_is_escaped_never_markup() {
        let tree: Node = el("a")
            .attr("title", "\"><script>alert(1)</script>")
            .text("<img src=x onerror=alert(1)> & more")
            .into();
        let html = tree.to_html();
        assert!(
            !html.contains("<script>") && !html.contains("<img"),
            "{html}"
        );
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; more"));
        assert!(html.contains("title=\"&quot;&gt;&lt;script&gt;"));
    }

    #[test]
    fn void_elements_have_no_closing_tag() {
        let tree: Node = el("div").child(el("br")).into();
        assert_eq!(tree.to_html(), "<div><br></div>");
    }
}
