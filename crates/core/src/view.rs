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
    /// Sets attribute `name`, replacing any earlier value: an element never holds one name twice
    /// (an HTML parser keeps the first of two, the DOM's `setAttribute` the last, so a fallback
    /// and the widget's drawing of one tree would differ).
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        let value = value.into();
        match self.attrs.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.attrs.push((name, value)),
        }
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

    /// The tree as one string of instructions for the page's DOM builder (the loader's
    /// `buildFromOps`), so that drawing a widget crosses from wasm to JavaScript once rather
    /// than once per element, attribute and text. Never markup: the builder makes each text a
    /// text node and each value an attribute value.
    ///
    /// Tokens are separated by NUL. An element is its tag, its number of attributes, each
    /// attribute's name and value, its number of children, then each child; a text is `#` then
    /// the text. A NUL in feed text becomes U+FFFD, as an HTML parser would make it.
    pub fn to_ops(&self) -> String {
        let mut out = String::new();
        self.write_ops(&mut out);
        out
    }

    fn write_ops(&self, out: &mut String) {
        fn token(out: &mut String, text: &str) {
            if text.contains('\0') {
                out.push_str(&text.replace('\0', "\u{FFFD}"));
            } else {
                out.push_str(text);
            }
            out.push('\0');
        }
        match self {
            Node::Text(text) => {
                out.push_str("#\0");
                token(out, text);
            }
            Node::Element(element) => {
                token(out, element.tag);
                let _ = write!(out, "{}\0", element.attrs.len());
                for (name, value) in &element.attrs {
                    token(out, name);
                    token(out, value);
                }
                let _ = write!(out, "{}\0", element.children.len());
                for child in &element.children {
                    child.write_ops(out);
                }
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

    /// `switch(...).class("sp-switch sp-switch--views")` wrote two class attributes; the page's
    /// parser kept the first, so the fallback's views switch lost the class its CSS hides it by.
    #[test]
    fn an_attribute_set_twice_keeps_one_value_the_last() {
        let tree: Node = el("div").class("a").attr("id", "x").class("a b").into();
        assert_eq!(tree.to_html(), r#"<div class="a b" id="x"></div>"#);
    }

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

    /// Reads `to_ops` back the way the loader's `buildFromOps` does, as HTML for comparison.
    fn html_from_ops(ops: &str) -> String {
        fn node(tokens: &mut std::str::Split<'_, char>, out: &mut String) {
            let tag = tokens.next().unwrap();
            if tag == "#" {
                escape_into(out, tokens.next().unwrap(), false);
                return;
            }
            let _ = write!(out, "<{tag}");
            for _ in 0..tokens.next().unwrap().parse::<usize>().unwrap() {
                let _ = write!(out, " {}=\"", tokens.next().unwrap());
                escape_into(out, tokens.next().unwrap(), true);
                out.push('"');
            }
            out.push('>');
            let children = tokens.next().unwrap().parse::<usize>().unwrap();
            for _ in 0..children {
                node(tokens, out);
            }
            if !VOID.contains(&tag) {
                let _ = write!(out, "</{tag}>");
            }
        }
        let mut tokens = ops.split('\0');
        let mut out = String::new();
        node(&mut tokens, &mut out);
        assert_eq!(
            tokens.collect::<Vec<_>>(),
            [""],
            "nothing left but the last separator"
        );
        out
    }

    #[test]
    fn ops_carry_the_same_tree_as_html() {
        let tree: Node = el("div")
            .class("sp")
            .attr("data-x", "a\0b")
            .text("# not a marker")
            .child(el("br"))
            .child(el("p").text("").text("1\0 2"))
            .child(el("svg").child(el("path").attr("d", "M0 0")))
            .into();
        let ops = tree.to_ops();
        // A NUL in the text cannot end a token early: it arrives as U+FFFD.
        assert_eq!(ops.matches('\0').count(), 27, "{ops:?}");
        assert_eq!(
            html_from_ops(&ops),
            tree.to_html().replace('\0', "\u{FFFD}")
        );
    }

    #[test]
    fn ops_of_both_sample_widgets_read_back_exactly() {
        let feed = crate::parse_feed(include_str!("../../../www/feed/tower-hamlets.json")).unwrap();
        for kind in ["pathway", "tracker"] {
            let (options, _) = crate::options::WidgetOptions::from_attributes(|name| match name {
                "data-send-widget" => Some(kind.into()),
                "data-feed" => Some("feed.json".into()),
                _ => None,
            })
            .unwrap();
            let tree = crate::widget::render_widget(&feed, &options, "sp1", true).unwrap();
            assert_eq!(html_from_ops(&tree.to_ops()), tree.to_html(), "{kind}");
        }
    }

    #[test]
    fn void_elements_have_no_closing_tag() {
        let tree: Node = el("div").child(el("br")).into();
        assert_eq!(tree.to_html(), "<div><br></div>");
    }
}
