//! The fallback block inside a page: `<!-- sendfeed:fallback pathway autism -->` ...
//! `<!-- /sendfeed:fallback -->`. Lets the demo page (or a council's own template) carry the
//! no-JavaScript HTML and keep it in step with the feed with one command.

use send_core::options::{WidgetKind, WidgetOptions};

pub const END: &str = "<!-- /sendfeed:fallback -->";

/// The opening comment's words for a widget, e.g. `pathway autism`.
pub fn marker(options: &WidgetOptions) -> String {
    let kind = match options.kind {
        WidgetKind::Pathway => "pathway",
        WidgetKind::Tracker => "tracker",
    };
    match &options.pathway {
        Some(id) => format!("{kind} {id}"),
        None => kind.to_owned(),
    }
}

/// The HTML currently between the markers.
pub fn current<'a>(page: &'a str, marker: &str) -> Result<&'a str, String> {
    let start = format!("<!-- sendfeed:fallback {marker} -->");
    let from = page
        .find(&start)
        .map(|i| i + start.len())
        .ok_or_else(|| format!("the page has no {start} marker"))?;
    let to = page[from..]
        .find(END)
        .map(|i| from + i)
        .ok_or_else(|| format!("the page has no {END} after {start}"))?;
    Ok(&page[from..to])
}

/// The page with the block between the markers replaced by `html`.
pub fn replace(page: &str, marker: &str, html: &str) -> Result<String, String> {
    let old = current(page, marker)?;
    let at = old.as_ptr() as usize - page.as_ptr() as usize;
    Ok(format!(
        "{}\n{html}\n{}",
        &page[..at],
        &page[at + old.len()..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_the_marked_block() {
        let page =
            "<div>\n<!-- sendfeed:fallback pathway a -->\nold\n<!-- /sendfeed:fallback -->\n</div>";
        let updated = replace(page, "pathway a", "<p>new</p>").unwrap();
        assert_eq!(
            updated,
            "<div>\n<!-- sendfeed:fallback pathway a -->\n<p>new</p>\n<!-- /sendfeed:fallback -->\n</div>"
        );
        assert!(replace(page, "pathway b", "x").is_err());
    }
}
