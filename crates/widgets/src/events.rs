//! The tracker's events decoded into the core's intents: clicks on its controls, its filter
//! fields, find in page opening a closed panel, and the address changing.
//!
//! One delegated listener per kind of event, on the placeholder (which outlives every patch),
//! each run through the widget's [`Life`]: unmounting drops them, and a widget stopped by a
//! bug takes no more events. The one thing decided here is a lone panel behind a "disclose"
//! button (the earlier updates, the figures still awaited): it only shows or hides words
//! already drawn, and no other part of the widget depends on it.

#[cfg(feature = "checker")]
use crate::dom::{each, relabel};
use crate::dom::{target, value, window_hash};
use crate::life::Life;
use crate::tracker::Live;
use gloo_events::EventListener;
use send_core::action::Action;
use send_core::tracker::interact::Intent;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// A closed panel keeps its words findable: the browser opens it when find in page lands there.
const CLOSED: &str = "until-found";

pub fn wire_tracker(live: &Rc<Live>, life: &Rc<Life>) -> Vec<EventListener> {
    let root = life.placeholder.clone();
    let on = |name: &'static str, prevent: bool, handler: Box<dyn Fn(&web_sys::Event)>| {
        life.listen(&root, name, prevent, handler)
    };
    let mut listeners = Vec::new();
    let l = Rc::clone(live);
    listeners.push(on(
        "click",
        false,
        Box::new(move |event| {
            let Some(control) =
                target(event).and_then(|t| t.closest("[data-sp-action]").ok().flatten())
            else {
                return;
            };
            let action = control.get_attribute(Action::ATTR);
            let Some(action) = action.as_deref().and_then(Action::from_code) else {
                return;
            };
            if action == Action::Disclose {
                let open = control.get_attribute("aria-expanded").as_deref() != Some("true");
                disclose(&control, open);
                return;
            }
            // A workstream's button says which workstream through the block it is in.
            let attr = |name: &str| {
                control.get_attribute(name).or_else(|| {
                    let block =
                        (name == "data-workstream").then(|| control.closest("[data-workstream]"));
                    block?.ok()??.get_attribute(name)
                })
            };
            if let Some(intent) = Intent::from_click(action, attr) {
                l.dispatch(intent);
            }
        }),
    ));
    for (kind, typing) in [("input", true), ("change", false)] {
        let l = Rc::clone(live);
        listeners.push(on(
            kind,
            false,
            Box::new(move |event| {
                let Some(control) = target(event) else { return };
                let action = control.get_attribute(Action::ATTR);
                let Some(action) = action.as_deref().and_then(Action::from_code) else {
                    return;
                };
                let name = control.get_attribute("name");
                let intent = Intent::from_field(action, name.as_deref(), value(&control), typing);
                if let Some(intent) = intent {
                    l.dispatch(intent);
                }
            }),
        ));
    }
    // Enter in the words box: the filter already applies as typed.
    listeners.push(on(
        "submit",
        true,
        Box::new(|event| event.prevent_default()),
    ));
    // Find in page has already shown a closed panel; the state (or its button) must say so.
    let l = Rc::clone(live);
    listeners.push(on(
        "beforematch",
        false,
        Box::new(move |event| {
            let Some(panel) = target(event) else { return };
            let workstream = panel
                .closest("[data-workstream]")
                .ok()
                .flatten()
                .and_then(|block| block.get_attribute("data-workstream"));
            match workstream {
                Some(id) => l.dispatch(Intent::Reveal(id)),
                None => {
                    if let Some(button) = button_for(&panel) {
                        let _ = button.set_attribute("aria-expanded", "true");
                    }
                }
            }
        }),
    ));
    if let Some(window) = web_sys::window() {
        let l = Rc::clone(live);
        let life = Rc::clone(life);
        listeners.push(EventListener::new(&window, "hashchange", move |_| {
            life.run(|| l.dispatch(Intent::Address(window_hash())))
        }));
    }
    listeners
}

/// The "disclose" button whose panel is `panel`: compared as text, since a feed's id never
/// goes into a CSS selector.
fn button_for(panel: &Element) -> Option<Element> {
    let id = panel.get_attribute("id")?;
    let widget = panel.closest("[data-send-widget]").ok()??;
    crate::dom::each(&widget, "[aria-controls]")
        .into_iter()
        .find(|b| b.get_attribute("aria-controls").as_deref() == Some(id.as_str()))
}

fn disclose(button: &Element, open: bool) {
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let panel = button
        .get_attribute("aria-controls")
        .and_then(|id| crate::dom::document().ok()?.get_element_by_id(&id))
        .and_then(|panel| panel.dyn_into::<Element>().ok());
    if let Some(panel) = panel {
        let _ = if open {
            panel.remove_attribute("hidden")
        } else {
            panel.set_attribute("hidden", CLOSED)
        };
    }
}

#[cfg(feature = "checker")]
fn selector(action: Action) -> String {
    format!("[{}=\"{}\"]", Action::ATTR, action.code())
}

/// The checker's preview: the same markup, opened and closed in the page alone, since a
/// preview has no state to keep (it is drawn again as the officer types).
#[cfg(feature = "checker")]
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

#[cfg(feature = "checker")]
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
#[cfg(feature = "checker")]
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
