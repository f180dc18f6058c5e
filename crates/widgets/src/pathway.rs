//! The pathway in the page: the family's choices kept, the core's tree put in place, and the
//! map's keys.
//!
//! Every decision (what fits the family, the layout, where an arrow key goes, the clock's
//! dates, the address format) is the core's. This module only keeps the family's choices
//! ([`PathwayView`]), reads them from controls, the address and `localStorage`, and redraws.
//! "We are here" is the only thing stored, in this browser's `localStorage`, and nothing is
//! ever sent: there is no network call here at all.

use crate::dom;
use crate::dom::{each, target, value, window_hash};
use chrono::NaiveDate;
use gloo_events::{EventListener, EventListenerOptions};
use send_core::i18n::{t, Msg};
use send_core::options::WidgetOptions;
use send_core::pathway::audience::Finder;
use send_core::pathway::state::{Address, PathwayView, View};
use send_core::view::Node;
use send_core::widget::{render_pathway_clock, render_pathway_widget};
use send_core::{Feed, Lang};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent};

thread_local! {
    static LISTENERS: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

/// What a mounted pathway needs to redraw itself.
pub struct Pathway {
    pub root: Element,
    pub feed: Rc<Feed>,
    pub options: WidgetOptions,
    pub id_prefix: String,
    pub today: NaiveDate,
}

pub struct Live {
    root: Element,
    feed: Rc<Feed>,
    options: RefCell<WidgetOptions>,
    id_prefix: String,
    view: RefCell<PathwayView>,
}

/// The pathway as the address and this browser's saved step say, ready for its first drawing
/// ([`Live::tree`]), so the family's choices show at once and the widget is drawn only once.
pub fn prepare(pathway: Pathway) -> Rc<Live> {
    let mut view = PathwayView::new(pathway.today);
    view.view = pathway.options.view;
    let live = Rc::new(Live {
        root: pathway.root,
        feed: pathway.feed,
        options: RefCell::new(pathway.options),
        id_prefix: pathway.id_prefix,
        view: RefCell::new(view),
    });
    live.apply_address(&window_hash());
    live.load_here();
    live
}

/// Wires a pathway whose first drawing ([`Live::tree`]) is in the page.
pub fn wire(live: Rc<Live>) {
    live.fit();
    let root = live.root.clone();
    let mut listeners = Vec::new();
    {
        let live = Rc::clone(&live);
        listeners.push(EventListener::new(&root, "click", move |event| {
            let Some(control) =
                target(event).and_then(|t| t.closest("[data-sp-action]").ok().flatten())
            else {
                return;
            };
            report(live.click(&control));
        }));
    }
    {
        let live = Rc::clone(&live);
        let options = EventListenerOptions::enable_prevent_default();
        listeners.push(EventListener::new_with_options(
            &root,
            "keydown",
            options,
            move |event| {
                if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
                    report(live.key(key));
                }
            },
        ));
    }
    {
        let live = Rc::clone(&live);
        listeners.push(EventListener::new(&root, "change", move |event| {
            let Some(control) = target(event) else { return };
            if control.has_attribute("data-sp-finder") {
                report(live.finder_changed(&control));
            } else if control.has_attribute("data-sp-clock") {
                report(live.clock_changed(&control));
            }
        }));
    }
    if let Some(window) = web_sys::window() {
        let on_hash = Rc::clone(&live);
        listeners.push(EventListener::new(&window, "hashchange", move |_| {
            let hash = window_hash();
            if Address::is_for_pathway(&hash) {
                report(on_hash.follow_address(&hash));
            }
        }));
        let on_resize = Rc::clone(&live);
        listeners.push(EventListener::new(&window, "resize", move |_| {
            on_resize.fit()
        }));
    }
    LISTENERS.with(|registry| registry.borrow_mut().extend(listeners));
}

impl Live {
    fn lang(&self) -> Lang {
        self.options.borrow().lang
    }

    fn section(&self) -> Option<Element> {
        self.root.query_selector(".sp-pathway").ok().flatten()
    }

    /// The whole widget as the family's choices say, from the core.
    pub fn tree(&self) -> Result<Node, String> {
        render_pathway_widget(
            &self.feed,
            &self.options.borrow(),
            &self.id_prefix,
            &self.view.borrow(),
        )
    }

    /// Redraws the whole widget from the core, then focuses `focus` (a selector) if given.
    fn render(&self, focus: Option<String>) -> Result<(), JsValue> {
        let tree = self.tree().map_err(|e| JsValue::from_str(&e))?;
        let node = dom::build(&dom::document()?, &tree)?;
        // Only the widget's own section: a notice the loader put above it stays.
        match self.section() {
            Some(old) => old.replace_with_with_node_1(&node)?,
            None => self.root.replace_children_with_node_1(&node),
        }
        self.fit();
        if let Some(selector) = focus {
            if let Some(element) = self.root.query_selector(&selector)? {
                focus_element(&element)?;
            }
        }
        Ok(())
    }

    /// The list's open steps live in the DOM (toggled without a redraw); every handler calls
    /// this before it changes the state, so a redraw keeps them.
    fn remember_open_steps(&self) {
        let Some(section) = self.section() else {
            return;
        };
        let open: Vec<String> = each(
            &section,
            "[data-sp-action=\"toggle\"][aria-expanded=\"true\"]",
        )
        .iter()
        .filter_map(|button| button.closest("[data-step]").ok().flatten())
        .filter_map(|item| item.get_attribute("data-step"))
        .collect();
        let mut view = self.view.borrow_mut();
        let list_shown = section
            .query_selector(".sp-list-view")
            .ok()
            .flatten()
            .is_some_and(|list| !list.has_attribute("hidden") || self.map_does_not_fit());
        // Closing the open step in the list closes it everywhere.
        if list_shown {
            if let Some(step) = view.step.clone() {
                if !open.contains(&step) {
                    view.step = None;
                }
            }
        }
        view.expanded = open;
    }

    fn click(&self, control: &Element) -> Result<(), JsValue> {
        self.remember_open_steps();
        let step = control.get_attribute("data-step");
        match control.get_attribute("data-sp-action").as_deref() {
            Some("open-step") => self.open(step),
            Some("close-step") => self.close(),
            Some("view") => {
                let chosen = control
                    .get_attribute("data-view")
                    .and_then(|v| View::from_code(&v))
                    .unwrap_or_default();
                self.view.borrow_mut().view = chosen;
                self.write_address(false)?;
                self.render(Some(format!(
                    "[data-sp-action=\"view\"][data-view=\"{}\"]",
                    chosen.code()
                )))
            }
            Some("lang") => {
                let lang = control
                    .get_attribute("data-lang")
                    .and_then(|code| Lang::from_code(&code))
                    .unwrap_or_default();
                self.options.borrow_mut().lang = lang;
                self.render(Some(format!(
                    "[data-sp-action=\"lang\"][data-lang=\"{}\"]",
                    lang.code()
                )))
            }
            Some("here") => {
                let Some(step) = step else { return Ok(()) };
                let unmark = self.view.borrow().here.as_deref() == Some(step.as_str());
                self.view.borrow_mut().here = (!unmark).then(|| step.clone());
                self.save_here();
                self.render(Some(format!(
                    ".sp-map-view:not([hidden]) [data-sp-action=\"here\"][data-step=\"{step}\"], .sp-list-view:not([hidden]) [data-sp-action=\"here\"][data-step=\"{step}\"]"
                )))?;
                let said = self
                    .root
                    .query_selector(".sp-here__marked")?
                    .and_then(|e| e.text_content())
                    .unwrap_or_default();
                self.announce(&said)
            }
            Some("forget-here") => {
                self.view.borrow_mut().here = None;
                self.save_here();
                self.render(Some(".sp-title".into()))?;
                self.announce(t(Msg::Forgotten, self.lang()))
            }
            Some("clear-finder") => {
                self.view.borrow_mut().finder = Finder::default();
                self.render(Some("select[name=\"age\"]".into()))
            }
            _ => Ok(()),
        }
    }

    fn open(&self, step: Option<String>) -> Result<(), JsValue> {
        self.view.borrow_mut().step = step;
        self.write_address(true)?;
        self.render(Some(".sp-map__details-title".into()))
    }

    fn close(&self) -> Result<(), JsValue> {
        let step = self.view.borrow_mut().step.take();
        self.write_address(true)?;
        self.render(step.map(|s| node_selector(&s)))
    }

    fn key(&self, event: &KeyboardEvent) -> Result<(), JsValue> {
        let Some(element) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return Ok(());
        };
        let key = event.key();
        let node = element
            .closest("[data-sp-action=\"open-step\"]")
            .ok()
            .flatten();
        if let Some(node) = node {
            self.remember_open_steps();
            let attribute = match key.as_str() {
                "ArrowUp" => Some("data-sp-up"),
                "ArrowDown" => Some("data-sp-down"),
                "ArrowLeft" => Some("data-sp-left"),
                "ArrowRight" => Some("data-sp-right"),
                _ => None,
            };
            let goal = match key.as_str() {
                "Home" => self.root.query_selector(".sp-map__node")?,
                "End" => each(&self.root, ".sp-map__node").pop(),
                _ => attribute
                    .and_then(|a| node.get_attribute(a))
                    .and_then(|id| self.root.query_selector(&node_selector(&id)).ok().flatten()),
            };
            if attribute.is_some() || key == "Home" || key == "End" {
                event.prevent_default();
                if let Some(goal) = goal {
                    node.set_attribute("tabindex", "-1")?;
                    goal.set_attribute("tabindex", "0")?;
                    focus_element(&goal)?;
                }
                return Ok(());
            }
            if key == "Enter" || key == " " {
                event.prevent_default();
                return self.open(node.get_attribute("data-step"));
            }
        }
        let details_open = self.view.borrow().step.is_some()
            && self.view.borrow().view == View::Map
            && !self.map_does_not_fit();
        if key == "Escape"
            && details_open
            && element.closest(".sp-map-view").ok().flatten().is_some()
        {
            event.prevent_default();
            self.remember_open_steps();
            return self.close();
        }
        Ok(())
    }

    fn finder_changed(&self, control: &Element) -> Result<(), JsValue> {
        self.remember_open_steps();
        let value_of = |name: &str| {
            self.root
                .query_selector(&format!("select[name=\"{name}\"]"))
                .ok()
                .flatten()
                .map(|select| value(&select))
                .filter(|v| !v.is_empty())
        };
        self.view.borrow_mut().finder = Finder {
            age: value_of("age").and_then(|a| a.parse().ok()),
            need: value_of("need"),
        };
        let name = control.get_attribute("name").unwrap_or_default();
        self.render(Some(format!("select[name=\"{name}\"]")))
    }

    /// Only the clock's results are redrawn, so the date field keeps focus and what was typed.
    fn clock_changed(&self, control: &Element) -> Result<(), JsValue> {
        self.view.borrow_mut().clock_start = send_core::date::parse_day(&value(control));
        let tree = render_pathway_clock(
            &self.feed,
            &self.options.borrow(),
            &self.id_prefix,
            &self.view.borrow(),
        )
        .map_err(|e| JsValue::from_str(&e))?;
        let node = dom::build(&dom::document()?, &tree)?;
        if let Some(old) = self.root.query_selector("[data-sp-clock-results]")? {
            old.replace_with_with_node_1(&node)?;
        }
        Ok(())
    }

    /// Takes the pathway, step and view from an address, if they exist in the feed.
    fn apply_address(&self, hash: &str) {
        let address = Address::from_fragment(hash);
        let mut options = self.options.borrow_mut();
        if let Some(id) = address.pathway.filter(|id| self.feed.pathway(id).is_some()) {
            options.pathway = Some(id);
        }
        let pathway = options
            .pathway
            .as_deref()
            .and_then(|id| self.feed.pathway(id))
            .or(self.feed.pathways.first());
        let mut view = self.view.borrow_mut();
        view.step = address
            .step
            .filter(|id| pathway.is_some_and(|p| p.steps.iter().any(|s| &s.id == id)));
        if let Some(chosen) = address.view {
            view.view = chosen;
        }
    }

    /// Back, forward, or a link to a step or pathway.
    fn follow_address(&self, hash: &str) -> Result<(), JsValue> {
        self.remember_open_steps();
        let before = self.options.borrow().pathway.clone();
        self.apply_address(hash);
        let changed_pathway = self.options.borrow().pathway != before;
        if changed_pathway {
            self.load_here();
            self.view.borrow_mut().expanded.clear();
        }
        let (step, view) = {
            let state = self.view.borrow();
            (state.step.clone(), state.view)
        };
        let focus = match step {
            _ if changed_pathway => ".sp-title".to_owned(),
            Some(_) if view == View::Map && !self.map_does_not_fit() => {
                ".sp-map__details-title".to_owned()
            }
            Some(step) => format!("[data-step=\"{step}\"] .sp-step__toggle"),
            None => return self.render(None),
        };
        // An address naming a step opens it in the list too.
        self.render(Some(focus))
    }

    fn write_address(&self, new_entry: bool) -> Result<(), JsValue> {
        let address = Address {
            pathway: self.options.borrow().pathway.clone(),
            step: self.view.borrow().step.clone(),
            view: Some(self.view.borrow().view),
        };
        let url = format!("#{}", address.to_fragment());
        let history = web_sys::window().ok_or("no window")?.history()?;
        if new_entry {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        }
    }

    fn storage_key(&self) -> String {
        let options = self.options.borrow();
        let pathway = options
            .pathway
            .clone()
            .or_else(|| self.feed.pathways.first().map(|p| p.id.clone()))
            .unwrap_or_default();
        format!("send-pathways:here:{}:{pathway}", options.feed)
    }

    fn load_here(&self) {
        let here = storage().and_then(|s| s.get_item(&self.storage_key()).ok().flatten());
        self.view.borrow_mut().here = here;
    }

    fn save_here(&self) {
        let Some(storage) = storage() else { return };
        let key = self.storage_key();
        let _ = match self.view.borrow().here.as_deref() {
            Some(step) => storage.set_item(&key, step),
            None => storage.remove_item(&key),
        };
    }

    fn announce(&self, text: &str) -> Result<(), JsValue> {
        if let Some(status) = self.root.query_selector("[data-sp-status]")? {
            status.set_text_content(Some(text));
        }
        Ok(())
    }

    fn map_does_not_fit(&self) -> bool {
        self.section()
            .is_some_and(|s| s.get_attribute("data-sp-fit").as_deref() == Some("no"))
    }

    /// The map gives way to the list when it would have to shrink below 80% of its drawn size
    /// (a phone, or 400% zoom), because its text would then be too small to read.
    fn fit(&self) {
        let Some(section) = self.section() else {
            return;
        };
        let natural = section
            .query_selector(".sp-map__svg")
            .ok()
            .flatten()
            .and_then(|svg| svg.get_attribute("width"))
            .and_then(|w| w.parse::<f64>().ok())
            .unwrap_or(0.0);
        let fits = f64::from(section.client_width()) >= natural * 0.8;
        let _ = if fits {
            section.remove_attribute("data-sp-fit")
        } else {
            section.set_attribute("data-sp-fit", "no")
        };
    }
}

fn node_selector(step: &str) -> String {
    format!("[data-sp-action=\"open-step\"][data-step=\"{step}\"]")
}

/// Focuses an HTML or SVG element (both have `focus()`).
fn focus_element(element: &Element) -> Result<(), JsValue> {
    let focus = js_sys::Reflect::get(element, &"focus".into())?;
    if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
        focus.call0(element)?;
    }
    Ok(())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn report(result: Result<(), JsValue>) {
    if let Err(error) = result {
        web_sys::console::error_2(&"SEND Pathways pathway:".into(), &error);
    }
}
