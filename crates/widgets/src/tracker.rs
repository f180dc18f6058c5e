//! The tracker in the page: filters read from the form and kept in the address, the results
//! redrawn from the core, and the chart / table switch.
//!
//! Every decision (what matches, the fragment's format, the count sentence) is the core's;
//! this module only reads control values and the hash, and puts the core's trees in place.
//! Only the results region is redrawn on a filter change, so focus and typing in the form are
//! never disturbed.

use crate::dom;
use crate::dom::{each, target, value, window_hash};
use chrono::NaiveDate;
use gloo_events::{EventListener, EventListenerOptions};
use send_core::options::WidgetOptions;
use send_core::tracker::filter::{TrackerFilter, FRAGMENT_PREFIX};
use send_core::widget::{render_tracker_at, render_tracker_results};
use send_core::Feed;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::Element;

thread_local! {
    static LISTENERS: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

/// What a mounted tracker needs to redraw itself.
pub struct Tracker {
    pub root: Element,
    pub feed: Rc<Feed>,
    pub options: WidgetOptions,
    pub id_prefix: String,
    pub today: NaiveDate,
}

/// The filter the address asks for.
pub fn filter_from_address() -> TrackerFilter {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| TrackerFilter::from_fragment(&hash))
        .unwrap_or_default()
}

impl Tracker {
    /// The whole widget for `filter`, replacing what the placeholder shows.
    pub fn render_all(&self, filter: &TrackerFilter) -> Result<(), JsValue> {
        let tree = render_tracker_at(
            &self.feed,
            &self.options,
            &self.id_prefix,
            self.today,
            filter,
        )
        .map_err(|e| JsValue::from_str(&e))?;
        let node = dom::build(&dom::document()?, &tree)?;
        self.root.replace_children_with_node_1(&node);
        Ok(())
    }

    /// The filter the form shows now, with the plan the reader switched to.
    fn form_filter(&self) -> TrackerFilter {
        let controls = each(&self.root, "[data-sp-filter]");
        let mut pairs: Vec<(String, String)> = controls
            .iter()
            .filter_map(|control| Some((control.get_attribute("name")?, value(control))))
            .collect();
        let plan = each(&self.root, "[data-sp-plan]")
            .first()
            .and_then(|nav| nav.get_attribute("data-sp-plan"));
        pairs.extend(plan.map(|id| ("plan".to_owned(), id)));
        TrackerFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// After a switch of plan the old heading is gone: the new plan's title takes focus.
    fn focus_title(&self) -> Result<(), JsValue> {
        if let Some(title) = self.root.query_selector("[data-sp-plan-title]")? {
            if let Ok(title) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(title) {
                title.focus()?;
            }
        }
        Ok(())
    }

    /// Reads the form, records it in the address, redraws the results and announces the count.
    fn apply(&self) -> Result<(), JsValue> {
        let filter = self.form_filter();
        write_address(&filter)?;
        let (tree, message) = render_tracker_results(
            &self.feed,
            &self.options,
            &self.id_prefix,
            self.today,
            &filter,
        )
        .map_err(|e| JsValue::from_str(&e))?;
        let node = dom::build(&dom::document()?, &tree)?;
        if let Some(old) = self.root.query_selector("[data-sp-results]")? {
            old.replace_with_with_node_1(&node)?;
        }
        if let Some(count) = self.root.query_selector("[data-sp-count]")? {
            count.set_text_content(Some(&message));
        }
        Ok(())
    }

    fn clear(&self) -> Result<(), JsValue> {
        for control in each(&self.root, "[data-sp-filter]") {
            js_sys::Reflect::set(&control, &"value".into(), &"".into())?;
        }
        self.apply()
    }
}

/// Listens for filter changes, the clear button, the chart switch and shared links opened
/// on the same page. Listeners are delegated to the placeholder, which outlives redraws.
pub fn wire(tracker: Tracker) {
    let tracker = Rc::new(tracker);
    let root = tracker.root.clone();
    let report = |result: Result<(), JsValue>| {
        if let Err(error) = result {
            web_sys::console::error_2(&"SEND Pathways tracker:".into(), &error);
        }
    };
    let mut listeners = Vec::new();
    for kind in ["change", "input"] {
        let tracker = Rc::clone(&tracker);
        listeners.push(EventListener::new(&root, kind, move |event| {
            let Some(target) = target(event) else { return };
            let is_filter = target.has_attribute("data-sp-filter");
            // Selects and dates apply on change; the search box as the reader types.
            let typing = kind == "input" && target.get_attribute("name").as_deref() == Some("q");
            if is_filter && (kind == "change" || typing) {
                report(tracker.apply());
            }
        }));
    }
    {
        let tracker = Rc::clone(&tracker);
        let options = EventListenerOptions::enable_prevent_default();
        listeners.push(EventListener::new_with_options(
            &root,
            "submit",
            options,
            move |event| {
                event.prevent_default();
                report(tracker.apply());
            },
        ));
    }
    {
        let tracker = Rc::clone(&tracker);
        listeners.push(EventListener::new(&root, "click", move |event| {
            let Some(control) =
                target(event).and_then(|t| t.closest("[data-sp-action]").ok().flatten())
            else {
                return;
            };
            match control.get_attribute("data-sp-action").as_deref() {
                Some("clear-filters") => report(tracker.clear()),
                Some("chart-view") => toggle_chart(&control),
                _ => {}
            }
        }));
    }
    if let Some(window) = web_sys::window() {
        let tracker = Rc::clone(&tracker);
        listeners.push(EventListener::new(&window, "hashchange", move |_| {
            // Only a tracker link changes the filters; a skip link or step link must not.
            let hash = window_hash();
            if hash.trim_start_matches('#').starts_with(FRAGMENT_PREFIX) {
                let filter = TrackerFilter::from_fragment(&hash);
                let shown = tracker.form_filter();
                if filter != shown {
                    report(tracker.render_all(&filter));
                    if filter.plan != shown.plan {
                        report(tracker.focus_title());
                    }
                }
            }
        }));
    }
    LISTENERS.with(|registry| registry.borrow_mut().extend(listeners));
}

/// Shows the chart or its table. The table never leaves the accessibility tree; in chart view
/// it is only visually hidden.
fn toggle_chart(button: &Element) {
    let Some(figure) = button.closest(".sp-chart").ok().flatten() else {
        return;
    };
    let to_table = figure.get_attribute("data-view").as_deref() != Some("table");
    let _ = figure.set_attribute("data-view", if to_table { "table" } else { "chart" });
    if let Ok(Some(table)) = figure.query_selector(".sp-chart__data") {
        let _ = table
            .class_list()
            .toggle_with_force("sp-visually-hidden", !to_table);
    }
    dom::relabel(
        button,
        if to_table {
            "data-show-chart"
        } else {
            "data-show-table"
        },
    );
}

/// Keeps the filter in the address without adding a history entry per keystroke.
fn write_address(filter: &TrackerFilter) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let location = window.location();
    let fragment = filter.to_fragment();
    let url = if fragment.is_empty() {
        format!("{}{}", location.pathname()?, location.search()?)
    } else {
        format!("#{fragment}")
    };
    window
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
}
