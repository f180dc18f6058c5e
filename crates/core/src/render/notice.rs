//! The short notice a family sees when the widget cannot update its content.

use crate::i18n::{t, Msg};
use crate::text::Lang;
use crate::view::{el, Node};

/// Shown above the fallback content, which stays in place.
pub fn feed_unavailable(lang: Lang) -> Node {
    el("p")
        .class("sp-notice")
        .attr("role", "status")
        .attr("lang", lang.code())
        .text(t(Msg::FeedUnavailable, lang))
        .into()
}
