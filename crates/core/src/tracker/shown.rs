//! What the tracker shows beyond the filter: which workstreams are open, and the words of its
//! count. The renderer draws these and the widget's state ([`super::interact`]) changes them,
//! so both take the rules from here, below either of them.

use crate::i18n::{fill, t, Msg};
use crate::text::Lang;

/// The reader's own view of the tracker, as the renderer needs it. (Lists, not sets: a
/// handful of ids, and a `BTreeSet` cost the tracker's wasm about 20 kB of code.)
#[derive(Debug, Clone, Copy, Default)]
pub struct TrackerView<'a> {
    /// The workstreams the reader opened by hand (by id); `None`: as [`opens_by_default`] says.
    pub opened: Option<&'a [String]>,
    /// What the count region says now; `None`: the whole count.
    pub count: Option<&'a str>,
    /// The "changed since" fields as typed; `None` or empty: as the filter's date.
    pub since_typed: Option<&'a crate::date_entry::DateParts>,
}

impl TrackerView<'_> {
    /// Whether `workstream` shows open, among `shown` workstreams with `filtered` results.
    pub fn is_open(&self, workstream: &str, filtered: bool, shown: usize) -> bool {
        match self.opened {
            Some(opened) => opened.iter().any(|id| id == workstream),
            None => opens_by_default(filtered, shown),
        }
    }
}

/// The whole plan is long (the sample runs to 40,000 px on a phone): workstreams start closed
/// under their headings and tallies, like an accordion. What a reader filtered for, or a lone
/// workstream, shows open.
pub fn opens_by_default(filtered: bool, shown: usize) -> bool {
    filtered || shown < 2
}

/// How much of the plan a filter shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub measures: usize,
    pub measures_total: usize,
    pub updates: usize,
    pub updates_total: usize,
}

/// The count's words: the measures always, the updates only when their number changed since
/// `before` (the count last said), so what a screen reader hears is short and new. `None`
/// when nothing changed since `before`: nothing to say.
pub fn count_words(lang: Lang, now: Counts, before: Option<Counts>) -> Option<String> {
    if before == Some(now) {
        return None;
    }
    let measures = fill(
        t(Msg::ResultCount, lang),
        &[
            ("shown", &now.measures.to_string()),
            ("total", &now.measures_total.to_string()),
        ],
    );
    let updates_changed = before.is_none_or(|b| b.updates != now.updates);
    if !updates_changed || now.updates_total == 0 {
        return Some(measures);
    }
    let updates = fill(
        t(Msg::UpdatesCount, lang),
        &[
            ("shown", &now.updates.to_string()),
            ("total", &now.updates_total.to_string()),
        ],
    );
    Some(format!("{measures} {updates}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Counts = Counts {
        measures: 52,
        measures_total: 52,
        updates: 25,
        updates_total: 25,
    };

    #[test]
    fn the_first_count_says_both_and_later_ones_only_what_changed() {
        assert_eq!(
            count_words(Lang::En, ALL, None).as_deref(),
            Some("Showing 52 of 52 measures. Showing 25 of 25 updates.")
        );
        let by_status = Counts { measures: 5, ..ALL };
        assert_eq!(
            count_words(Lang::En, by_status, Some(ALL)).as_deref(),
            Some("Showing 5 of 52 measures.")
        );
        let by_words = Counts {
            measures: 3,
            updates: 1,
            ..ALL
        };
        assert_eq!(
            count_words(Lang::En, by_words, Some(by_status)).as_deref(),
            Some("Showing 3 of 52 measures. Showing 1 of 25 updates.")
        );
        assert_eq!(count_words(Lang::En, by_words, Some(by_words)), None);
        // A feed with no updates never mentions them.
        let none = Counts {
            updates: 0,
            updates_total: 0,
            ..ALL
        };
        assert_eq!(
            count_words(Lang::En, none, None).as_deref(),
            Some("Showing 52 of 52 measures.")
        );
        assert_eq!(
            count_words(Lang::Bn, by_status, Some(ALL)).as_deref(),
            Some("52টি মাপকাঠির মধ্যে 5টি দেখানো হচ্ছে।")
        );
    }

    #[test]
    fn workstreams_open_as_filtered_until_the_reader_chooses() {
        assert!(!opens_by_default(false, 6));
        assert!(opens_by_default(true, 6));
        assert!(opens_by_default(false, 1));
        let opened = ["2".to_owned()];
        let view = TrackerView {
            opened: Some(&opened),
            count: None,
            since_typed: None,
        };
        assert!(view.is_open("2", false, 6));
        assert!(!view.is_open("1", true, 6));
        assert!(TrackerView::default().is_open("1", true, 6));
    }
}
