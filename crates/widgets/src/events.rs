//! Expanding and collapsing in the tracker: its workstreams, and single panels behind a
//! "disclose" button (its earlier updates). The pathway's steps are the pathway's own state
//! (`pathway.rs`), so only one click listener ever answers a control.
//!
//! One delegated listener per widget for clicks, and one for the browser's find in page, which
//! opens a closed panel (`hidden="until-found"`) when it finds the words there. The widget's
//! life owns the handles (see `life.rs`), so unmounting drops them.

use crate::dom::{each, relabel, target};
use gloo_events::EventListener;
use send_core::action::Action;
use web_sys::Element;

/// A closed panel keeps its words findable: the browser opens it when find in page lands there.
const CLOSED: &str = "until-found";

fn selector(action: Action) -> String {
    format!("[{}=\"{}\"]", Action::ATTR, action.code())
}

pub fn wire(root: &Element) -> Vec<EventListener> {
    let widget = root.clone();
    let clicks = EventListener::new(root, "click", move |event| {
        let Some(control) =
            target(event).and_then(|t| t.closest("[data-sp-action]").ok().flatten())
        else {
            return;
        };
        let action = control.get_attribute(Action::ATTR);
        let open = control.get_attribute("aria-expanded").as_deref() != Some("true");
        match action.as_deref().and_then(Action::from_code) {
            Some(Action::Toggle) => {
                set_expanded(&widget, &control, open);
                sync_toggle_all(&widget);
            }
            // One panel on its own (the tracker's earlier updates): "Show all" is not about it.
            Some(Action::Disclose) => set_expanded(&widget, &control, open),
            Some(Action::ToggleAll) => {
                for button in each(&widget, &selector(Action::Toggle)) {
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
        // Compared as text: a feed's id never goes into a CSS selector.
        let button = each(&widget, "[aria-controls]")
            .into_iter()
            .find(|b| b.get_attribute("aria-controls").as_deref() == Some(id.as_str()));
        if let Some(button) = button {
            let _ = button.set_attribute("aria-expanded", "true");
            sync_toggle_all(&widget);
        }
    });
    vec![clicks, found]
}

fn set_expanded(widget: &Element, button: &Element, open: bool) {
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let panel = button
        .get_attribute("aria-controls")
        .and_then(|id| crate::dom::document().ok()?.get_element_by_id(&id))
        .filter(|panel| widget.contains(Some(panel)));
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
    let buttons = each(widget, &selector(Action::Toggle));
    let all_open = !buttons.is_empty()
        && buttons
            .iter()
            .all(|b| b.get_attribute("aria-expanded").as_deref() == Some("true"));
    for control in each(widget, &selector(Action::ToggleAll)) {
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
