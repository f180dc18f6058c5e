//! Expanding and collapsing: the pathway's steps, the tracker's workstreams, and single
//! panels behind a "disclose" button (the tracker's earlier updates).
//!
//! One delegated listener per widget for clicks, and one for the browser's find in page, which
//! opens a closed panel (`hidden="until-found"`) when it finds the words there. The handles are
//! owned by a registry for the page's life rather than `forget()`-ed, so a later unmount can
//! drop them.

use crate::dom::{each, relabel, target};
use gloo_events::EventListener;
use std::cell::RefCell;
use web_sys::Element;

thread_local! {
    static LISTENERS: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

/// A closed panel keeps its words findable: the browser opens it when find in page lands there.
const CLOSED: &str = "until-found";

pub fn wire(root: &Element) {
    let widget = root.clone();
    let clicks = EventListener::new(root, "click", move |event| {
        let Some(control) =
            target(event).and_then(|t| t.closest("[data-sp-action]").ok().flatten())
        else {
            return;
        };
        match control.get_attribute("data-sp-action").as_deref() {
            Some("toggle") => {
                let open = control.get_attribute("aria-expanded").as_deref() != Some("true");
                set_expanded(&widget, &control, open);
                sync_toggle_all(&widget);
            }
            // One panel on its own (the tracker's earlier updates): "Show all" is not about it.
            Some("disclose") => {
                let open = control.get_attribute("aria-expanded").as_deref() != Some("true");
                set_expanded(&widget, &control, open);
            }
            Some("toggle-all") => {
                let open = control.get_attribute("aria-expanded").as_deref() != Some("true");
                for button in each(&widget, "[data-sp-action=\"toggle\"]") {
                    set_expanded(&widget, &button, open);
                }
                sync_toggle_all(&widget);
            }
            _ => {}
        }
    });
    // The browser has already shown the panel; its button must say so too.
    let widget = root.clone();
    let found = EventListener::new(root, "beforematch", move |event| {
        let Some(id) = target(event).and_then(|panel| panel.get_attribute("id")) else {
            return;
        };
        if let Some(button) = widget
            .query_selector(&format!("[aria-controls=\"{id}\"]"))
            .ok()
            .flatten()
        {
            let _ = button.set_attribute("aria-expanded", "true");
            sync_toggle_all(&widget);
        }
    });
    LISTENERS.with(|listeners| listeners.borrow_mut().extend([clicks, found]));
}

fn set_expanded(widget: &Element, button: &Element, open: bool) {
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let panel = button.get_attribute("aria-controls").and_then(|id| {
        widget
            .query_selector(&format!("[id=\"{id}\"]"))
            .ok()
            .flatten()
    });
    if let Some(panel) = panel {
        let _ = if open {
            panel.remove_attribute("hidden")
        } else {
            panel.set_attribute("hidden", CLOSED)
        };
    }
}

/// The "Show all / Hide all" button says what it will do next, in the labels the core gave it.
fn sync_toggle_all(widget: &Element) {
    let buttons = each(widget, "[data-sp-action=\"toggle\"]");
    let all_open = !buttons.is_empty()
        && buttons
            .iter()
            .all(|b| b.get_attribute("aria-expanded").as_deref() == Some("true"));
    for control in each(widget, "[data-sp-action=\"toggle-all\"]") {
        let _ = control.set_attribute("aria-expanded", if all_open { "true" } else { "false" });
        relabel(
            &control,
            if all_open {
                "data-label-hide"
            } else {
                "data-label-show"
            },
        );
    }
}
