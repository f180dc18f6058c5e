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

/// Shown above a widget drawn from the browser's saved copy of the feed, with its date.
pub fn saved_copy(lang: Lang, saved_on: chrono::NaiveDate) -> Node {
    let date = crate::i18n::format_date(crate::date::PartialDate::Day(saved_on), lang);
    el("p")
        .class("sp-notice")
        .attr("role", "status")
        .attr("lang", lang.code())
        .text(t(Msg::SavedCopy, lang).replace("{date}", &date))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_saved_copy_notice_gives_its_date_in_the_readers_language() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 5, 3).unwrap();
        assert!(saved_copy(Lang::En, date)
            .text_content()
            .ends_with("on 3 May 2026."));
        assert!(saved_copy(Lang::Bn, date)
            .text_content()
            .contains("3 মে 2026 তারিখে"));
    }
}
