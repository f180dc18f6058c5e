//! From feed and options to the tree a widget shows: the whole job of a mount, minus the DOM.

use crate::feed::Feed;
use crate::options::{WidgetKind, WidgetOptions};
use crate::render::common::RenderContext;
use crate::render::pathway::render_pathway;
use crate::view::Node;

/// Renders the widget the options ask for. `Err` says, for the editor, why it cannot be shown.
pub fn render_widget(
    feed: &Feed,
    options: &WidgetOptions,
    id_prefix: &str,
    interactive: bool,
) -> Result<Node, String> {
    let ctx = RenderContext {
        feed,
        lang: options.lang,
        heading_level: options.heading_level,
        id_prefix,
        interactive,
    };
    match options.kind {
        WidgetKind::Pathway => {
            let pathway = match &options.pathway {
                Some(id) => feed.pathway(id).ok_or_else(|| {
                    let known: Vec<&str> = feed.pathways.iter().map(|p| p.id.as_str()).collect();
                    format!(
                        "data-pathway=\"{id}\" is not in the feed; it has: {}",
                        known.join(", ")
                    )
                })?,
                None => feed
                    .pathways
                    .first()
                    .ok_or("the feed has no pathways to show")?,
            };
            Ok(render_pathway(&ctx, pathway))
        }
        WidgetKind::Tracker => {
            Err("the progress tracker is not available in this release yet".into())
        }
    }
}
