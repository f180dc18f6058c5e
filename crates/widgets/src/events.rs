//! Clicks on a mounted widget: expand and collapse steps.
//!
//! One delegated listener per widget. Its handle is owned by a registry for the page's life
//! rather than `forget()`-ed, so a later unmount can drop it.

use crate::dom::each;
use gloo_events::EventListener;
use send_core::i18n::{t, Msg};
use send_core::Lang;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::Element;

thread_local! {
    static LISTENERS: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

/// `lang` is the language at mount; a widget that can switch language says its current one in
/// its section's `lang`, which wins.
pub fn wire(root: &Element, lang: Lang) {
    let widget = root.clone();
    let listener = EventListener::new(root, "click", move |event| {
        let Some(control) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|target| target.closest("[data-sp-action]").ok().flatten())
        else {
            return;
        };
        let lang = control
            .closest(".sp[lang]")
            .ok()
            .flatten()
            .and_then(|section| section.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or(lang);
        match control.get_attribute("data-sp-action").as_deref() {
            Some("toggle") => {
                let open = control.get_attribute("aria-expanded").as_deref() != Some("true");
                set_expanded(&widget, &control, open);
                sync_toggle_all(&widget, lang);
            }
            Some("toggle-all") => {
                let open = control.get_attribute("aria-expanded").as_deref() != Some("true");
                for button in each(&widget, "[data-sp-action=\"toggle\"]") {
                    set_expanded(&widget, &button, open);
                }
                sync_toggle_all(&widget, lang);
            }
            _ => {}
        }
    });
    LISTENERS.with(|listeners| listeners.borrow_mut().push(listener));
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
            panel.set_attribute("hidden", "")
        };
    }
}

/// The "Show all / Hide all" button says what it will do next.
fn sync_toggle_all(widget: &Element, lang: Lang) {
    let buttons = each(widget, "[data-sp-action=\"toggle\"]");
    let all_open = !buttons.is_empty()
        && buttons
            .iter()
            .all(|b| b.get_attribute("aria-expanded").as_deref() == Some("true"));
    for control in each(widget, "[data-sp-action=\"toggle-all\"]") {
        let _ = control.set_attribute("aria-expanded", if all_open { "true" } else { "false" });
        control.set_text_content(Some(t(
            if all_open {
                Msg::HideAllSteps
            } else {
                Msg::ShowAllSteps
            },
            lang,
        )));
    }
}
