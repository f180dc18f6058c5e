//! The documents in `www/docs/` as web pages: each `NAME.md` becomes `NAME.html` in the site's
//! style, at build time, with pulldown-cmark (CommonMark and GitHub's tables). The markdown
//! stays the source; the pages are git-ignored build output.
//!
//! What a reader gets beyond the markdown: headings with the ids GitHub gives them, so the
//! guides' own "#…" links work; an "On this page" list where a document has none of its own;
//! links between documents pointed at their pages; tables and code in boxes that scroll by
//! themselves at 320 px (and can be reached by keyboard to scroll); Bengali words marked
//! `lang="bn"` so screen readers switch voice.

use crate::{root, say};
use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;
use std::path::Path;

pub fn build_docs() -> Result<(), String> {
    let docs = root().join("www/docs");
    let mut built = 0;
    let entries =
        std::fs::read_dir(&docs).map_err(|e| format!("cannot read {}: {e}", docs.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let markdown = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let page = page(&markdown, &name);
        let out = path.with_extension("html");
        std::fs::write(&out, page).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        built += 1;
    }
    say(&format!(
        "Wrote {built} documents as web pages (www/docs/*.html)"
    ));
    Ok(())
}

/// One heading: its level, text and id.
struct Heading {
    level: HeadingLevel,
    text: String,
    id: String,
}

/// The whole page for one markdown document, `source` being its file name.
fn page(markdown: &str, source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let headings = headings(&events);
    let title = headings
        .iter()
        .find(|h| h.level == HeadingLevel::H1)
        .map_or("SEND Pathways", |h| h.text.as_str())
        .to_owned();
    let has_own_contents = headings
        .iter()
        .any(|h| h.text.eq_ignore_ascii_case("contents"));
    let body = body(events, &headings);
    let contents = if has_own_contents {
        String::new()
    } else {
        contents(&headings)
    };
    let body = match body.find("</h1>") {
        Some(end) if !contents.is_empty() => {
            let end = end + "</h1>".len();
            format!("{}\n{contents}{}", &body[..end], &body[end..])
        }
        _ => body,
    };
    format!(
        r##"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} – SEND Pathways</title>
  <link rel="icon" href="../favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="../site.css">
  <link rel="stylesheet" href="../docs.css">
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="council-header">
    <a href="../index.html">SEND Local Offer</a>
  </header>
  <main id="main" class="doc">
{body}
  </main>
  <footer class="council-footer">
    <p>This page is made from <code>www/docs/{source}</code>, which is where to change it.</p>
  </footer>
</body>
</html>
"##,
        title = escape(&title),
        source = escape(source),
    )
}

/// Every heading with the id GitHub would give it: lower case, letters, digits, `-` and `_`
/// kept, spaces as `-`, the rest dropped; a repeated id gets `-1`, `-2`…
fn headings(events: &[Event]) -> Vec<Heading> {
    let mut found = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut current: Option<(HeadingLevel, String)> = None;
    for event in events {
        match event {
            Event::Start(Tag::Heading { level, .. }) => current = Some((*level, String::new())),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, heading)) = current.as_mut() {
                    heading.push_str(text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = current.take() {
                    let slug = slug(&text);
                    let n = seen.entry(slug.clone()).or_insert(0);
                    let id = if *n == 0 { slug } else { format!("{slug}-{n}") };
                    *n += 1;
                    found.push(Heading { level, text, id });
                }
            }
            _ => {}
        }
    }
    found
}

fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// "On this page": the second-level headings.
fn contents(headings: &[Heading]) -> String {
    let items: Vec<String> = headings
        .iter()
        .filter(|h| h.level == HeadingLevel::H2)
        .map(|h| {
            format!(
                "      <li><a href=\"#{}\">{}</a></li>\n",
                h.id,
                mark_bengali(&escape(&h.text))
            )
        })
        .collect();
    if items.len() < 2 {
        return String::new();
    }
    format!(
        "    <nav class=\"doc-contents\" aria-labelledby=\"doc-contents-title\">\n      <h2 id=\"doc-contents-title\">On this page</h2>\n      <ul>\n{}      </ul>\n    </nav>\n",
        items.concat()
    )
}

/// The document's HTML: heading ids, links between documents, scrolling boxes, Bengali marked.
fn body(events: Vec<Event>, headings: &[Heading]) -> String {
    let mut ids = headings.iter().map(|h| h.id.clone());
    let mut last_heading = String::new();
    let mut in_heading = false;
    let mut in_code_block = false;
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for event in events {
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                in_heading = true;
                last_heading.clear();
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: ids.next().map(CowStr::from),
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                in_heading = false;
                out.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => out.push(Event::Start(Tag::Link {
                link_type,
                dest_url: page_link(&dest_url).into(),
                title,
                id,
            })),
            Event::Start(Tag::Table(alignments)) => {
                let name = if last_heading.is_empty() {
                    "Table".to_owned()
                } else {
                    format!("Table: {last_heading}")
                };
                out.push(Event::Html(
                    format!(
                        "<div class=\"doc-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n",
                        escape(&name)
                    )
                    .into(),
                ));
                out.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                out.push(Event::End(TagEnd::Table));
                out.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code_block = true;
                out.push(Event::Start(Tag::CodeBlock(kind)));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Text(text) => {
                if in_heading {
                    last_heading.push_str(&text);
                }
                if in_code_block || !text.chars().any(is_bengali) {
                    out.push(Event::Text(text));
                } else {
                    out.push(Event::Html(mark_bengali(&escape(&text)).into()));
                }
            }
            Event::Code(text) => {
                if in_heading {
                    last_heading.push_str(&text);
                }
                out.push(Event::Code(text));
            }
            other => out.push(other),
        }
    }
    let mut html = String::new();
    html::push_html(&mut html, out.into_iter());
    // Long command lines scroll in their own box; tabindex lets a keyboard scroll it.
    html.replace("<pre>", "<pre tabindex=\"0\">")
}

/// A link to another document goes to its page; anything else is left as written.
fn page_link(url: &str) -> String {
    let (path, fragment) = match url.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (url, None),
    };
    let is_doc = !path.contains(':')
        && !path.contains('/')
        && Path::new(path).extension().and_then(|e| e.to_str()) == Some("md");
    if !is_doc {
        return url.to_owned();
    }
    let page = format!("{}.html", path.trim_end_matches(".md"));
    match fragment {
        Some(fragment) => format!("{page}#{fragment}"),
        None => page,
    }
}

fn is_bengali(c: char) -> bool {
    ('\u{0980}'..='\u{09FF}').contains(&c)
}

/// Wraps each run of Bengali letters (with the spaces and punctuation between its words) in
/// `<span lang="bn">`; `html` is already escaped.
fn mark_bengali(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 32);
    let mut run = String::new();
    let mut pending = String::new();
    for c in html.chars() {
        if is_bengali(c) {
            run.push_str(&pending);
            pending.clear();
            run.push(c);
        } else if !run.is_empty() && (c == ' ' || c == '\u{200c}' || c == '\u{200d}') {
            pending.push(c);
        } else {
            if !run.is_empty() {
                out.push_str("<span lang=\"bn\">");
                out.push_str(&run);
                out.push_str("</span>");
                run.clear();
            }
            out.push_str(&pending);
            pending.clear();
            out.push(c);
        }
    }
    if !run.is_empty() {
        out.push_str("<span lang=\"bn\">");
        out.push_str(&run);
        out.push_str("</span>");
    }
    out.push_str(&pending);
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_githubs_ids_and_in_page_links_work() {
        let page = page("# Guide\n\nSee [the rules](#golden-rules).\n\n## Golden rules\n\n## How to check (sendfeed validate)\n\n## Golden rules\n", "g.md");
        assert!(
            page.contains("<h2 id=\"golden-rules\">Golden rules</h2>"),
            "{page}"
        );
        assert!(
            page.contains("id=\"how-to-check-sendfeed-validate\""),
            "{page}"
        );
        assert!(page.contains("<h2 id=\"golden-rules-1\">"), "{page}");
        assert!(
            page.contains("<a href=\"#golden-rules\">the rules</a>"),
            "{page}"
        );
        assert!(page.contains("<title>Guide – SEND Pathways</title>"));
        // A contents list of the second-level headings, after the title.
        let nav = page.find("On this page").unwrap();
        assert!(page.find("</h1>").unwrap() < nav);
        assert!(page.contains("<li><a href=\"#how-to-check-sendfeed-validate\">"));
    }

    #[test]
    fn a_document_with_its_own_contents_gets_no_second_one() {
        let page = page(
            "# Guide\n\n## Contents\n\n- [A](#a)\n\n## A\n\n## B\n",
            "g.md",
        );
        assert!(!page.contains("On this page"));
    }

    #[test]
    fn links_between_documents_go_to_their_pages() {
        assert_eq!(page_link("bengali-glossary.md"), "bengali-glossary.html");
        assert_eq!(
            page_link("feed-format.md#golden-rules"),
            "feed-format.html#golden-rules"
        );
        assert_eq!(page_link("../check.html"), "../check.html");
        assert_eq!(
            page_link("../schema/feed.schema.json"),
            "../schema/feed.schema.json"
        );
        assert_eq!(
            page_link("https://example.org/a.md"),
            "https://example.org/a.md"
        );
        assert_eq!(page_link("#contents"), "#contents");
    }

    #[test]
    fn tables_scroll_in_a_named_box_and_bengali_is_marked() {
        let page = page("# G\n\n## Terms\n\n| English | Bengali |\n| --- | --- |\n| step | ধাপ; steps: ধাপগুলো |\n\n```sh\nsendfeed validate feed.json\n```\n", "g.md");
        assert!(page.contains("<div class=\"doc-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table: Terms\">"), "{page}");
        assert!(
            page.contains("<span lang=\"bn\">ধাপ</span>; steps: <span lang=\"bn\">ধাপগুলো</span>"),
            "{page}"
        );
        assert!(
            page.contains("<pre tabindex=\"0\"><code class=\"language-sh\">"),
            "{page}"
        );
        // Text around Bengali stays escaped.
        let escaped = super::page("# T\n\nধাপ &lt;b&gt;\n", "t.md");
        assert!(
            escaped.contains("<span lang=\"bn\">ধাপ</span> &lt;b&gt;"),
            "{escaped}"
        );
    }
}
