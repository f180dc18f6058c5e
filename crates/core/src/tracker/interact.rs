//! The tracker widget's behaviour: its state, what the reader does to it ([`Intent`]), and what
//! the page must then do ([`Effects`]). The wasm layer decodes events into intents, calls
//! [`TrackerState::update`] and applies the effects; it keeps no state of its own and reads
//! none back from the page (not the form's values, not a toggle's `aria-expanded`).
//!
//! What a screen reader hears is decided here too: the count says only what changed, and
//! while a reader types (the words, the "changed since" date) it waits for them to pause
//! ([`Effects::announce_after_pause`]), so "ehcp" is one announcement, not four.

use crate::action::Action;
use crate::date_entry::{DateParts, DateReading, Part};
use crate::feed::Feed;
use crate::options::WidgetOptions;
use crate::render::common::RenderContext;
use crate::render::tracker::{filters, render_tracker_with, results_with};
use crate::tracker::filter::{TrackerFilter, FRAGMENT_PREFIX};
use crate::tracker::measure_rows;
use crate::tracker::plans::{choose_plan, PlanChoice};
use crate::tracker::shown::{count_words, Counts, TrackerView};
use crate::view::Node;
use chrono::NaiveDate;

/// How long typing must pause before the count is announced: long enough to cover the gap
/// between keys of a steady typist, short enough to feel like an answer.
pub const ANNOUNCE_PAUSE_MS: u32 = 700;

/// One of the filter form's fields, by its `name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Workstream,
    Priority,
    Status,
    Lead,
    /// The words box (`q`).
    Words,
    /// "Changed since" (`since`), as one date (the address's `since=`).
    Since,
    /// One of the three "changed since" fields (`since-day`, `since-month`, `since-year`).
    SincePart(Part),
}

impl Field {
    pub fn from_name(name: &str) -> Option<Field> {
        Some(match name {
            "workstream" => Field::Workstream,
            "priority" => Field::Priority,
            "status" => Field::Status,
            "lead" => Field::Lead,
            "q" => Field::Words,
            "since" => Field::Since,
            _ => Field::SincePart(Part::from_name(name.strip_prefix("since-")?)?),
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Field::Workstream => "workstream",
            Field::Priority => "priority",
            Field::Status => "status",
            Field::Lead => "lead",
            Field::Words => "q",
            Field::Since | Field::SincePart(_) => "since",
        }
    }

    /// Fields typed into, key by key: their count waits for a pause.
    pub fn is_typed(self) -> bool {
        matches!(self, Field::Words | Field::Since | Field::SincePart(_))
    }
}

/// Something the reader (or the page) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// A filter field's value now ("" is "All" or empty).
    Filter {
        field: Field,
        value: String,
    },
    ClearFilters,
    /// A workstream's heading button, by workstream id.
    Toggle(String),
    /// "Show all workstreams" / "Hide all workstreams".
    ToggleAll,
    /// The browser's find in page opened a closed workstream.
    Reveal(String),
    /// The address changed (back, forward, a shared link, a plan link): the whole fragment.
    Address(String),
    /// The reader stopped typing for [`ANNOUNCE_PAUSE_MS`].
    Paused,
}

impl Intent {
    /// The intent of a button used, from its action and attributes (its own or its block's);
    /// `None` for actions the tracker's state does not hold.
    pub fn from_click(action: Action, attr: impl Fn(&str) -> Option<String>) -> Option<Intent> {
        Some(match action {
            Action::Toggle => Intent::Toggle(attr("data-workstream")?),
            Action::ToggleAll => Intent::ToggleAll,
            Action::ClearFilters => Intent::ClearFilters,
            _ => return None,
        })
    }

    /// The intent of a field that changed. `typing` is an `input` event (a key), not a
    /// `change`: the words apply as typed, the other fields when their change is made.
    pub fn from_field(
        action: Action,
        name: Option<&str>,
        value: String,
        typing: bool,
    ) -> Option<Intent> {
        let field = (action == Action::Filter)
            .then(|| Field::from_name(name?))
            .flatten()?;
        (!typing || field == Field::Words).then_some(Intent::Filter { field, value })
    }
}

/// What the page must redraw, least first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Redraw {
    /// Nothing on screen changed.
    #[default]
    Nothing,
    /// Only the results and the count changed: draw the results again
    /// ([`TrackerState::results`]) and patch them where they differ; the count says
    /// [`TrackerState::said`]. The rest (the form being typed in, the charts) is not drawn.
    Results,
    /// The filter form changed too (the filters cleared, a date's problem come or gone): the
    /// form ([`TrackerState::form`]) and the results are drawn again and each patched where it
    /// differs; the count as for [`Redraw::Results`]. The plan's title, key and charts are not
    /// drawn: nothing a filter does changes them.
    Form,
    /// Draw the whole widget again and patch the page where the new drawing differs.
    Patch,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effects {
    pub redraw: Redraw,
    /// The id of the element to focus after the redraw. `None`: focus stays where it is.
    pub focus: Option<String>,
    /// Rewrite the current history entry's fragment to this (without `#`; empty: none), so a
    /// filtered view can be shared without an entry per key.
    pub replace_address: Option<String>,
    /// The count region's new words, now.
    pub announce: Option<String>,
    /// Wait for [`ANNOUNCE_PAUSE_MS`] without another key (each key restarts the wait), then
    /// answer [`Intent::Paused`].
    pub announce_after_pause: bool,
}

/// Everything a mounted tracker knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackerState {
    pub options: WidgetOptions,
    /// Ids of this widget's elements start with this.
    pub id_prefix: String,
    /// The day statuses are worked out for.
    pub today: NaiveDate,
    /// The filters, and the plan a reader switched to.
    pub filter: TrackerFilter,
    /// Workstreams the reader opened by hand; `None`: as the filter opens them.
    pub opened: Option<Vec<String>>,
    /// What the count region says, and the counts it said.
    pub said: String,
    said_counts: Counts,
    /// An announcement waits for the reader to stop typing.
    pending: bool,
    /// The "changed since" fields as typed (empty: as the filter's date).
    pub since_typed: DateParts,
}

impl TrackerState {
    /// A tracker as the page's options, the address and today say.
    pub fn new(
        feed: &Feed,
        options: WidgetOptions,
        id_prefix: String,
        today: NaiveDate,
        hash: &str,
    ) -> TrackerState {
        let mut state = TrackerState {
            options,
            id_prefix,
            today,
            filter: TrackerFilter::from_fragment(hash),
            opened: None,
            said: String::new(),
            said_counts: Counts {
                measures: 0,
                measures_total: 0,
                updates: 0,
                updates_total: 0,
            },
            pending: false,
            since_typed: DateParts::default(),
        };
        if let Some(counts) = state.counts(feed) {
            state.said = count_words(state.options.lang, counts, None).unwrap_or_default();
            state.said_counts = counts;
        }
        state
    }

    fn ctx<'a>(&'a self, feed: &'a Feed) -> RenderContext<'a> {
        RenderContext {
            feed,
            lang: self.options.lang,
            heading_level: self.options.heading_level,
            id_prefix: &self.id_prefix,
            interactive: true,
        }
    }

    fn choice<'a>(&'a self, feed: &'a Feed) -> Option<PlanChoice<'a>> {
        choose_plan(
            feed,
            self.filter.plan.as_deref(),
            self.options.plan.as_deref(),
        )
    }

    fn view(&self) -> TrackerView<'_> {
        TrackerView {
            opened: self.opened.as_deref(),
            count: Some(&self.said),
            since_typed: Some(&self.since_typed),
        }
    }

    /// The widget as the state says, from the core's renderer.
    pub fn tree(&self, feed: &Feed) -> Result<Node, String> {
        let choice = self
            .choice(feed)
            .ok_or_else(|| "the feed has no plan for the progress tracker to show".to_owned())?;
        Ok(render_tracker_with(
            &self.ctx(feed),
            &choice,
            self.today,
            &self.filter,
            &self.view(),
        ))
    }

    /// The results region alone, as [`TrackerState::tree`] draws it, for [`Redraw::Results`].
    pub fn results(&self, feed: &Feed) -> Result<Node, String> {
        let choice = self
            .choice(feed)
            .ok_or_else(|| "the feed has no plan for the progress tracker to show".to_owned())?;
        let rows = measure_rows(choice.plan, self.today);
        let results = results_with(
            &self.ctx(feed),
            choice.plan,
            &rows,
            &self.filter,
            &self.view(),
        );
        Ok(results.region.into())
    }

    /// The filter form alone, as [`TrackerState::tree`] draws it, for [`Redraw::Form`].
    pub fn form(&self, feed: &Feed) -> Result<Node, String> {
        let choice = self
            .choice(feed)
            .ok_or_else(|| "the feed has no plan for the progress tracker to show".to_owned())?;
        Ok(filters(&self.ctx(feed), choice.plan, &self.filter, &self.view()).into())
    }

    /// How much the filter shows now, and which workstreams have something to show: the
    /// renderer's own test ([`TrackerFilter::matches`]) on the same rows, without drawing.
    fn shown(&self, feed: &Feed) -> Option<(Counts, Vec<String>)> {
        let choice = self.choice(feed)?;
        let rows = measure_rows(choice.plan, self.today);
        let (lang, default_lang) = (self.options.lang.code(), feed.default_lang());
        let shown: Vec<_> = rows
            .iter()
            .filter(|row| self.filter.matches(row, lang, default_lang))
            .collect();
        let workstreams = choice
            .plan
            .workstreams
            .iter()
            .filter(|w| shown.iter().any(|row| std::ptr::eq(row.workstream, *w)))
            .map(|w| w.id.clone())
            .collect();
        let updates = feed
            .updates
            .iter()
            .filter(|u| self.filter.matches_update(u, lang, default_lang))
            .count();
        let counts = Counts {
            measures: shown.len(),
            measures_total: rows.len(),
            updates,
            updates_total: feed.updates.len(),
        };
        Some((counts, workstreams))
    }

    fn counts(&self, feed: &Feed) -> Option<Counts> {
        self.shown(feed).map(|(counts, _)| counts)
    }

    /// The id of one of this widget's elements.
    pub fn id(&self, suffix: &str) -> String {
        crate::render::common::element_id(&self.id_prefix, suffix)
    }

    /// Says the count if it changed since it was last said.
    fn say_count(&mut self, feed: &Feed, effects: &mut Effects) {
        self.pending = false;
        let Some(counts) = self.counts(feed) else {
            return;
        };
        if let Some(words) = count_words(self.options.lang, counts, Some(self.said_counts)) {
            self.said = words.clone();
            self.said_counts = counts;
            effects.redraw = effects.redraw.max(Redraw::Results);
            effects.announce = Some(words);
        }
    }

    /// A "changed since" field typed in. Only a whole, real date (or all three emptied)
    /// changes the filter; a half-typed one changes nothing, and a date that cannot be is said
    /// at the fields (drawn again when the problem comes or goes).
    fn type_since(&mut self, part: Part, value: &str) -> Effects {
        let before = self.since_typed.problem();
        if !self.since_typed.set(part, value) {
            return Effects::default();
        }
        let since = match self.since_typed.read() {
            DateReading::Whole(date) => Some(date),
            DateReading::Empty => None,
            DateReading::Unfinished | DateReading::Problem(_) => self.filter.since,
        };
        let problem = self.since_typed.problem();
        let mut effects = if since != self.filter.since {
            let mut filter = self.filter.clone();
            filter.since = since;
            let mut effects = self.refilter(filter);
            self.pending = true;
            effects.announce_after_pause = true;
            effects
        } else {
            Effects::default()
        };
        if problem != before {
            // The words at the fields come and go with the problem: the form is drawn again
            // (the fields keep what was typed, from the state). They are not put in the count's
            // live region: the fields name them (aria-describedby, aria-invalid).
            effects.redraw = Redraw::Form;
        }
        effects
    }

    /// The filter became `filter`: results redrawn, workstreams open as it says.
    fn refilter(&mut self, filter: TrackerFilter) -> Effects {
        self.filter = filter;
        self.opened = None;
        Effects {
            redraw: Redraw::Results,
            replace_address: Some(self.filter.to_fragment()),
            ..Effects::default()
        }
    }

    /// Whether each shown workstream is open now.
    fn openness(&self, feed: &Feed) -> Vec<(String, bool)> {
        let Some((_, shown)) = self.shown(feed) else {
            return Vec::new();
        };
        let count = shown.len();
        let view = self.view();
        shown
            .into_iter()
            .map(|id| {
                let open = view.is_open(&id, !self.filter.is_empty(), count);
                (id, open)
            })
            .collect()
    }

    /// What the page must do after `intent`; the state is updated.
    pub fn update(&mut self, feed: &Feed, intent: Intent) -> Effects {
        match intent {
            Intent::Filter {
                field: Field::SincePart(part),
                value,
            } => self.type_since(part, &value),
            Intent::Filter { field, value } => {
                let mut filter = self.filter.clone();
                set_field(&mut filter, field, &value);
                if filter == self.filter {
                    return Effects::default();
                }
                let mut effects = self.refilter(filter);
                if field.is_typed() {
                    self.pending = true;
                    effects.announce_after_pause = true;
                } else {
                    self.say_count(feed, &mut effects);
                }
                effects
            }
            Intent::Paused if self.pending => {
                let mut effects = Effects::default();
                self.say_count(feed, &mut effects);
                effects
            }
            Intent::Paused => Effects::default(),
            Intent::ClearFilters => {
                let cleared = TrackerFilter {
                    plan: self.filter.plan.clone(),
                    ..TrackerFilter::default()
                };
                if cleared == self.filter {
                    return Effects::default();
                }
                self.since_typed = DateParts::default();
                let mut effects = self.refilter(cleared);
                // The form's fields are drawn from the state, and they empty.
                effects.redraw = Redraw::Form;
                self.say_count(feed, &mut effects);
                effects
            }
            Intent::Toggle(id) => match self.is_open(feed, &id) {
                Some(open) => self.set_open(feed, &id, !open),
                None => Effects::default(),
            },
            // Find in page opened a closed workstream; one already open needs nothing.
            Intent::Reveal(id) => match self.is_open(feed, &id) {
                Some(false) => self.set_open(feed, &id, true),
                _ => Effects::default(),
            },
            Intent::ToggleAll => {
                let openness = self.openness(feed);
                if openness.is_empty() {
                    return Effects::default();
                }
                let open = !openness.iter().all(|(_, open)| *open);
                self.opened = Some(if open {
                    openness.into_iter().map(|(id, _)| id).collect()
                } else {
                    Vec::new()
                });
                Effects {
                    redraw: Redraw::Results,
                    ..Effects::default()
                }
            }
            Intent::Address(hash) => {
                // Only a tracker link changes the filters; a skip link or step link must not.
                let fragment = hash.strip_prefix('#').unwrap_or(&hash);
                if !fragment.starts_with(FRAGMENT_PREFIX) {
                    return Effects::default();
                }
                let filter = TrackerFilter::from_fragment(fragment);
                if filter.since != self.filter.since {
                    self.since_typed = DateParts::default();
                }
                if filter == self.filter {
                    return Effects::default();
                }
                let plan_changed = filter.plan != self.filter.plan;
                let mut effects = self.refilter(filter);
                // The browser already wrote this address; the form and perhaps the plan change.
                effects.replace_address = None;
                effects.redraw = Redraw::Patch;
                self.say_count(feed, &mut effects);
                if plan_changed {
                    // The old heading is gone: the new plan's title takes focus.
                    effects.focus = Some(self.id("title"));
                }
                effects
            }
        }
    }

    /// Whether workstream `id` shows open; `None` when it is not shown.
    fn is_open(&self, feed: &Feed, id: &str) -> Option<bool> {
        self.openness(feed)
            .into_iter()
            .find(|(shown, _)| shown == id)
            .map(|(_, open)| open)
    }

    fn set_open(&mut self, feed: &Feed, id: &str, open: bool) -> Effects {
        let openness = self.openness(feed);
        if !openness.iter().any(|(shown, _)| shown == id) {
            return Effects::default();
        }
        let mut opened: Vec<String> = openness
            .into_iter()
            .filter(|(_, open)| *open)
            .map(|(id, _)| id)
            .collect();
        if open {
            opened.push(id.to_owned());
        } else {
            opened.retain(|shown| shown != id);
        }
        self.opened = Some(opened);
        Effects {
            redraw: Redraw::Results,
            ..Effects::default()
        }
    }
}

/// Where in `tree` the first element with attribute `attr` is: child indices from the root,
/// as the page's nodes are (the drawing and the page have the same shape).
pub fn path_to(tree: &Node, attr: &str) -> Option<Vec<u32>> {
    let Node::Element(element) = tree else {
        return None;
    };
    if element.get_attr(attr).is_some() {
        return Some(Vec::new());
    }
    element.children.iter().enumerate().find_map(|(i, child)| {
        let mut path = path_to(child, attr)?;
        path.insert(0, i as u32);
        Some(path)
    })
}

/// The node at `path` in `tree`.
pub fn at_mut<'a>(tree: &'a mut Node, path: &[u32]) -> Option<&'a mut Node> {
    let mut node = tree;
    for &i in path {
        let Node::Element(element) = node else {
            return None;
        };
        node = element.children.get_mut(i as usize)?;
    }
    Some(node)
}

fn set_field(filter: &mut TrackerFilter, field: Field, value: &str) {
    let from = TrackerFilter::from_pairs([(field.name(), value)]);
    match field {
        Field::Workstream => filter.workstream = from.workstream,
        Field::Priority => filter.priority = from.priority,
        Field::Status => filter.status = from.status,
        Field::Lead => filter.lead = from.lead,
        Field::Words => filter.query = from.query,
        Field::Since => filter.since = from.since,
        // Typed field by field: TrackerState::type_since.
        Field::SincePart(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::WidgetKind;
    use crate::pathway::state::View;
    use crate::text::Lang;

    /// A made-up feed (tests/e2e/runtime/tracker): three workstreams with awkward ids, three
    /// updates, one indicator.
    fn feed() -> Feed {
        crate::parse_feed(include_str!(
            "../../../../tests/e2e/runtime/tracker/feed.json"
        ))
        .unwrap()
    }

    fn state(feed: &Feed, hash: &str) -> TrackerState {
        let options = WidgetOptions {
            kind: WidgetKind::Tracker,
            feed: "feed.json".into(),
            pathway: None,
            plan: None,
            lang: Lang::En,
            heading_level: 2,
            view: View::List,
        };
        let today = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        TrackerState::new(feed, options, "sp1".into(), today, hash)
    }

    fn filter(field: Field, value: &str) -> Intent {
        Intent::Filter {
            field,
            value: value.into(),
        }
    }

    fn html(state: &TrackerState, feed: &Feed) -> String {
        state.tree(feed).unwrap().to_html()
    }

    fn expanded(state: &TrackerState, feed: &Feed, workstream: &str) -> Option<String> {
        let tree = state.tree(feed).unwrap();
        let block = tree
            .elements()
            .into_iter()
            .find(|e| e.get_attr("data-workstream") == Some(workstream))?;
        let button = Node::from(block.clone())
            .elements()
            .into_iter()
            .find(|e| e.get_attr("aria-expanded").is_some())?
            .get_attr("aria-expanded")?
            .to_owned();
        Some(button)
    }

    #[test]
    fn events_decode_into_intents_from_the_codes_the_renderer_writes() {
        let feed = feed();
        let state = state(&feed, "");
        let page = html(&state, &feed);
        for code in page.split("data-sp-action=\"").skip(1) {
            let code = &code[..code.find('"').unwrap()];
            assert!(Action::from_code(code).is_some(), "{code}");
        }
        assert!(page.contains("data-sp-action=\"clear-filters\""));
        // Four lists, the words and "changed since" as its three fields.
        assert_eq!(page.matches("data-sp-action=\"filter\"").count(), 8);
        for part in ["day", "month", "year"] {
            assert!(page.contains(&format!("name=\"since-{part}\"")), "{part}");
        }
        let attrs = |name: &str| match name {
            "data-workstream" => Some("2\"b\"[x]".to_owned()),
            _ => None,
        };
        assert_eq!(
            Intent::from_click(Action::Toggle, attrs),
            Some(Intent::Toggle("2\"b\"[x]".into()))
        );
        assert_eq!(
            Intent::from_click(Action::ClearFilters, attrs),
            Some(Intent::ClearFilters)
        );
        assert_eq!(
            Intent::from_click(Action::ToggleAll, attrs),
            Some(Intent::ToggleAll)
        );
        assert_eq!(Intent::from_click(Action::Toggle, |_| None), None);
        assert_eq!(Intent::from_click(Action::Here, attrs), None);
        // The words apply as typed; a select or the date when changed.
        let words = Intent::from_field(Action::Filter, Some("q"), "eh".into(), true);
        assert_eq!(words, Some(filter(Field::Words, "eh")));
        assert_eq!(
            Intent::from_field(Action::Filter, Some("status"), "complete".into(), true),
            None
        );
        assert_eq!(
            Intent::from_field(Action::Filter, Some("status"), "complete".into(), false),
            Some(filter(Field::Status, "complete"))
        );
        assert_eq!(
            Intent::from_field(Action::Filter, Some("since"), "2025-01-01".into(), false),
            Some(filter(Field::Since, "2025-01-01"))
        );
        assert_eq!(
            Intent::from_field(Action::Filter, Some("x"), "".into(), false),
            None
        );
        assert_eq!(
            Intent::from_field(Action::Clock, Some("q"), "".into(), false),
            None
        );
    }

    #[test]
    fn a_select_filters_at_once_says_only_the_measures_and_keeps_the_address() {
        let feed = feed();
        let mut state = state(&feed, "");
        assert_eq!(
            state.said,
            "Showing 6 of 6 measures. Showing 3 of 3 updates."
        );
        assert!(html(&state, &feed).contains(&state.said));
        let effects = state.update(&feed, filter(Field::Status, "complete"));
        assert_eq!(effects.redraw, Redraw::Results);
        assert_eq!(
            effects.announce.as_deref(),
            Some("Showing 2 of 6 measures.")
        );
        assert!(!effects.announce_after_pause);
        assert_eq!(
            effects.replace_address.as_deref(),
            Some("tracker:status=complete")
        );
        assert_eq!(effects.focus, None);
        // The count region draws what was said.
        assert!(html(&state, &feed).contains(">Showing 2 of 6 measures.</p>"));
        // The same value again changes nothing.
        assert_eq!(
            state.update(&feed, filter(Field::Status, "complete")),
            Effects::default()
        );
        // A filter that shows the same number is not said again.
        let effects = state.update(&feed, filter(Field::Lead, "Nobody made up"));
        assert_eq!(
            effects.announce.as_deref(),
            Some("Showing 0 of 6 measures.")
        );
        let effects = state.update(&feed, filter(Field::Workstream, "3'c"));
        assert_eq!(effects.redraw, Redraw::Results);
        assert_eq!(effects.announce, None);
    }

    #[test]
    fn typed_words_announce_once_after_the_pause() {
        let feed = feed();
        let mut state = state(&feed, "");
        for typed in ["e", "eh", "ehc", "ehcp"] {
            let effects = state.update(&feed, filter(Field::Words, typed));
            assert_eq!(effects.redraw, Redraw::Results, "{typed}");
            assert_eq!(effects.announce, None, "{typed}");
            assert!(effects.announce_after_pause, "{typed}");
            assert_eq!(effects.replace_address, Some(format!("tracker:q={typed}")));
        }
        let effects = state.update(&feed, Intent::Paused);
        assert_eq!(
            effects.announce.as_deref(),
            Some("Showing 3 of 6 measures. Showing 1 of 3 updates.")
        );
        assert_eq!(effects.redraw, Redraw::Results);
        assert_eq!(state.update(&feed, Intent::Paused), Effects::default());
        // "Changed since" waits too, and then says only what changed.
        let effects = state.update(&feed, filter(Field::Since, "2025-04-01"));
        assert!(effects.announce_after_pause);
        let effects = state.update(&feed, Intent::Paused);
        assert_eq!(
            effects.announce.as_deref(),
            Some("Showing 2 of 6 measures.")
        );
        // A half-typed date is no date: the filter goes, as a stale link would.
        state.update(&feed, filter(Field::Since, "0002-04-01x"));
        assert_eq!(state.filter.since, None);
    }

    #[test]
    fn changed_since_filters_only_from_a_whole_real_date_typed_in_three_fields() {
        let feed = feed();
        let mut state = state(&feed, "");
        let part = |name: &str, value: &str| {
            Intent::from_field(Action::Filter, Some(name), value.into(), false).unwrap()
        };
        assert_eq!(
            part("since-day", "1"),
            filter(Field::SincePart(Part::Day), "1")
        );
        // Half typed: nothing filtered, nothing to say, no complaint.
        assert_eq!(
            state.update(&feed, part("since-day", "1")),
            Effects::default()
        );
        assert_eq!(
            state.update(&feed, part("since-month", "4")),
            Effects::default()
        );
        assert_eq!(state.filter.since, None);
        // The year makes a whole date: filtered (the address says it), said after the pause.
        let effects = state.update(&feed, part("since-year", "2025"));
        assert_eq!(state.filter.since, NaiveDate::from_ymd_opt(2025, 4, 1));
        assert_eq!(effects.redraw, Redraw::Results);
        assert!(effects.announce_after_pause);
        assert_eq!(
            effects.replace_address.as_deref(),
            Some("tracker:since=2025-04-01")
        );
        let said = state.update(&feed, Intent::Paused).announce;
        assert_eq!(
            said.as_deref(),
            Some("Showing 4 of 6 measures. Showing 1 of 3 updates.")
        );
        // A date that cannot be: said at the fields (the form drawn again), the filter kept.
        let effects = state.update(&feed, part("since-day", "31"));
        assert_eq!(state.filter.since, NaiveDate::from_ymd_opt(2025, 4, 1));
        assert_eq!(effects.redraw, Redraw::Form);
        assert_eq!(effects.announce, None);
        let page = html(&state, &feed);
        assert!(page.contains("aria-invalid=\"true\""), "{page}");
        assert!(page.contains("value=\"31\""));
        // Put right: the problem goes, and the new date filters.
        let effects = state.update(&feed, part("since-day", "30"));
        assert_eq!(effects.redraw, Redraw::Form);
        assert_eq!(state.filter.since, NaiveDate::from_ymd_opt(2025, 4, 30));
        assert!(!html(&state, &feed).contains("aria-invalid"));
        // All three emptied: no date.
        for name in ["since-day", "since-month", "since-year"] {
            state.update(&feed, part(name, ""));
        }
        assert_eq!(state.filter.since, None);
        // A shared link's date fills the fields.
        let linked = super::tests::state(&feed, "#tracker:since=2024-03-05");
        let page = html(&linked, &feed);
        for value in ["value=\"5\"", "value=\"3\"", "value=\"2024\""] {
            assert!(page.contains(value), "{value}");
        }
    }

    #[test]
    fn clearing_keeps_the_plan_and_does_nothing_when_nothing_is_filtered() {
        let feed = feed();
        let mut state = state(&feed, "#tracker:plan=made-up-plan&status=complete");
        assert_eq!(
            state.said,
            "Showing 2 of 6 measures. Showing 3 of 3 updates."
        );
        let effects = state.update(&feed, Intent::ClearFilters);
        // The form drawn again too: its fields empty.
        assert_eq!(effects.redraw, Redraw::Form);
        assert_eq!(
            effects.announce.as_deref(),
            Some("Showing 6 of 6 measures.")
        );
        assert_eq!(
            effects.replace_address.as_deref(),
            Some("tracker:plan=made-up-plan")
        );
        assert_eq!(state.filter.plan.as_deref(), Some("made-up-plan"));
        assert_eq!(
            state.update(&feed, Intent::ClearFilters),
            Effects::default()
        );
        // The form is drawn from the state, so clearing empties its fields.
        let mut typed = self::state(&feed, "#tracker:q=ehcp");
        assert!(html(&typed, &feed).contains("value=\"ehcp\""));
        typed.update(&feed, Intent::ClearFilters);
        assert!(!html(&typed, &feed).contains("value=\"ehcp\""));
    }

    #[test]
    fn workstreams_open_and_close_by_button_show_all_and_find_in_page() {
        let feed = feed();
        let mut state = state(&feed, "");
        let odd = "2\"b\"[x]";
        assert_eq!(expanded(&state, &feed, odd).as_deref(), Some("false"));
        let effects = state.update(&feed, Intent::Toggle(odd.into()));
        assert_eq!(effects.redraw, Redraw::Results);
        assert_eq!(effects.focus, None);
        assert_eq!(expanded(&state, &feed, odd).as_deref(), Some("true"));
        assert_eq!(expanded(&state, &feed, "1.a").as_deref(), Some("false"));
        state.update(&feed, Intent::Toggle(odd.into()));
        assert_eq!(expanded(&state, &feed, odd).as_deref(), Some("false"));
        assert_eq!(
            state.update(&feed, Intent::Toggle("nope".into())),
            Effects::default()
        );
        // Show all, then hide all; the button says which it will do.
        state.update(&feed, Intent::ToggleAll);
        for id in ["1.a", odd, "3'c"] {
            assert_eq!(expanded(&state, &feed, id).as_deref(), Some("true"), "{id}");
        }
        assert!(html(&state, &feed).contains("Hide all workstreams"));
        state.update(&feed, Intent::ToggleAll);
        assert_eq!(expanded(&state, &feed, "3'c").as_deref(), Some("false"));
        // Find in page opens a closed one, and leaves an open one alone.
        assert_eq!(
            state.update(&feed, Intent::Reveal("3'c".into())).redraw,
            Redraw::Results
        );
        assert_eq!(expanded(&state, &feed, "3'c").as_deref(), Some("true"));
        assert_eq!(
            state.update(&feed, Intent::Reveal("3'c".into())),
            Effects::default()
        );
        // A filter opens what it matched, whatever was opened before.
        state.update(&feed, filter(Field::Status, "complete"));
        assert_eq!(state.opened, None);
        assert_eq!(expanded(&state, &feed, "1.a").as_deref(), Some("true"));
    }

    #[test]
    fn the_results_and_the_form_drawn_alone_are_those_in_the_whole_drawing() {
        let feed = feed();
        let mut state = state(&feed, "");
        let part = |name: &str, value: &str| {
            Intent::from_field(Action::Filter, Some(name), value.into(), false).unwrap()
        };
        let intents = [
            filter(Field::Words, "ehcp"),
            Intent::Paused,
            Intent::Toggle("1.a".into()),
            Intent::ToggleAll,
            filter(Field::Status, "complete"),
            Intent::ClearFilters,
            part("since-day", "31"),
            part("since-month", "4"),
            part("since-year", "2025"),
            part("since-day", "30"),
            Intent::ClearFilters,
        ];
        // The drawing with the parts a results or form redraw draws taken out.
        let rest = |state: &TrackerState| {
            let mut tree = state.tree(&feed).unwrap();
            for part in ["data-sp-results", "data-sp-filters", "data-sp-count"] {
                let path = path_to(&tree, part).unwrap();
                *at_mut(&mut tree, &path).unwrap() = Node::Text(part.into());
            }
            tree
        };
        for intent in intents {
            let before = rest(&state);
            let effects = state.update(&feed, intent.clone());
            assert_eq!(rest(&state), before, "{intent:?}");
            let mut tree = state.tree(&feed).unwrap();
            let path = path_to(&tree, "data-sp-results").unwrap();
            assert_eq!(
                at_mut(&mut tree, &path).map(|n| n.clone()),
                Some(state.results(&feed).unwrap()),
                "{intent:?}"
            );
            let form = path_to(&tree, "data-sp-filters").unwrap();
            assert_eq!(
                at_mut(&mut tree, &form).map(|n| n.clone()),
                Some(state.form(&feed).unwrap()),
                "{intent:?}"
            );
            // Nothing but the form, the count and the results differed (above): the form's
            // redraw is enough for everything short of a new address.
            assert!(effects.redraw <= Redraw::Form, "{intent:?}");
            // What the count says is the state's, in both drawings.
            let count = path_to(&tree, "data-sp-count").unwrap();
            let said = at_mut(&mut tree, &count).map(|n| n.text_content());
            assert_eq!(said.as_deref(), Some(state.said.as_str()), "{intent:?}");
            if let Some(words) = effects.announce {
                assert_eq!(words, state.said);
            }
        }
        assert_eq!(path_to(&Node::Text("x".into()), "id"), None);
    }

    #[test]
    fn the_address_moves_the_filters_and_a_new_plan_takes_focus() {
        let feed = feed();
        let mut state = state(&feed, "");
        assert_eq!(
            state.update(&feed, Intent::Address("#main".into())),
            Effects::default()
        );
        assert_eq!(
            state.update(&feed, Intent::Address("".into())),
            Effects::default()
        );
        let effects = state.update(&feed, Intent::Address("#tracker:q=ehcp".into()));
        assert_eq!(effects.redraw, Redraw::Patch);
        assert_eq!(effects.replace_address, None, "the browser wrote it");
        assert_eq!(effects.focus, None);
        assert_eq!(
            effects.announce.as_deref(),
            Some("Showing 3 of 6 measures. Showing 1 of 3 updates.")
        );
        assert_eq!(state.filter.query, "ehcp");
        assert_eq!(
            state.update(&feed, Intent::Address("#tracker:q=ehcp".into())),
            Effects::default()
        );
        let effects = state.update(&feed, Intent::Address("#tracker:plan=made-up-plan".into()));
        assert_eq!(effects.focus.as_deref(), Some("sp1-title"));
        assert!(html(&state, &feed).contains("id=\"sp1-title\""));
    }
}
