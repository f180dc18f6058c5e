//! The pathway in the page: events decoded into the core's intents, and the core's effects
//! applied.
//!
//! Everything the widget knows is the core's [`PathwayState`], and every decision is
//! [`PathwayState::update`]'s: this module never reads state back from the page. A change is
//! drawn by patching only what differs from the last drawing ([`send_core::pathway::patch`]),
//! so the control in use and the live regions stay the same elements. "We are here" is the
//! only thing stored, in this browser's `localStorage`, and nothing is ever sent.

use crate::ahead::{Ahead, Wait};
use crate::dom::{self, target, value, window_hash};
use crate::life::Life;
use gloo_events::EventListener;
use send_core::action::Action;
use send_core::pathway::interact::{Effects, History, Intent, MapKey, PathwayState, Redraw, Store};
use send_core::pathway::patch::diff;
use send_core::view::Node;
use send_core::Feed;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent};

/// A mounted pathway.
pub struct Live {
    feed: Rc<Feed>,
    state: RefCell<PathwayState>,
    /// The widget's `<section>` and the drawing it shows, once placed in the page.
    drawn: RefCell<Option<(Element, Node)>>,
    /// Laying out the closed steps ahead ([`Live::warm`]).
    ahead: Rc<Ahead>,
    /// Laying out the other language's words ahead, once ([`Live::words_ahead`]).
    words: Rc<Ahead>,
}

/// The pathway as the address and this browser's saved step say, ready for its first drawing
/// ([`Live::tree`]), so the family's choices show at once and the widget is drawn only once.
pub fn prepare(feed: Rc<Feed>, state: PathwayState) -> Rc<Live> {
    let live = Rc::new(Live {
        feed,
        state: RefCell::new(state),
        drawn: RefCell::new(None),
        ahead: Rc::default(),
        words: Rc::default(),
    });
    let key = live.state.borrow().here_key(&live.feed);
    let saved = storage().and_then(|s| s.get_item(&key).ok().flatten());
    live.state
        .borrow_mut()
        .update(&live.feed, Intent::Loaded(saved));
    live
}

/// Wires a pathway whose first drawing (`tree`, placed as `section`) is in the page; returns
/// the listeners, which the widget's [`Life`] owns. `enhance`: the drawing is the page's
/// fallback, to be patched into the widget.
pub fn wire(
    live: Rc<Live>,
    life: Rc<Life>,
    section: Element,
    tree: Node,
    enhance: bool,
) -> Vec<EventListener> {
    *live.drawn.borrow_mut() = Some((section.clone(), tree));
    // A map that does not fit patches the fallback into the widget already: drawing the
    // widget again would find nothing to change (about 5 ms at 4× CPU).
    if !live.measure() && enhance {
        live.redraw();
    }
    // The page is at its busiest while it loads: the closed steps are laid out once it has
    // paused, not in the tasks right after the first frame.
    live.ahead.restart(Wait::Ms(SETTLE_MS), live.closed_steps());
    live.words
        .restart(Wait::Ms(SETTLE_MS), Live::words_ahead(&live));
    let mut listeners = Vec::new();
    let on = |name: &'static str, prevent: bool, handler: Box<dyn Fn(&web_sys::Event)>| {
        life.listen(&section, name, prevent, handler)
    };
    let l = Rc::clone(&live);
    listeners.push(on(
        "click",
        true,
        Box::new(move |event| {
            let Some(control) =
                target(event).and_then(|t| t.closest("[data-sp-action]").ok().flatten())
            else {
                return;
            };
            crate::life::test_panic_on_click(&control);
            let action = control.get_attribute(Action::ATTR);
            let Some(action) = action.as_deref().and_then(Action::from_code) else {
                return;
            };
            // A step's controls say which step through the step they are in.
            let attr = |name: &str| {
                control.get_attribute(name).or_else(|| {
                    let step = (name == "data-step").then(|| control.closest("[data-step]"));
                    step?.ok()??.get_attribute(name)
                })
            };
            if let Some(intent) = Intent::from_click(action, attr) {
                // A link to a step opens it here, keeping the other widgets' parts of the address.
                if control.tag_name().eq_ignore_ascii_case("a") {
                    event.prevent_default();
                }
                l.dispatch(intent);
            }
        }),
    ));
    let l = Rc::clone(&live);
    listeners.push(on(
        "keydown",
        true,
        Box::new(move |event| {
            let (Some(key), Some(element)) = (event.dyn_ref::<KeyboardEvent>(), target(event))
            else {
                return;
            };
            // Only the map's boxes answer the arrow keys (a link to a step does not).
            let node = element.closest("g[data-step]").ok().flatten();
            if let (Some(node), Some(map_key)) = (node, MapKey::from_key(&key.key())) {
                if let Some(step) = node.get_attribute("data-step") {
                    event.prevent_default();
                    l.dispatch(Intent::MapKey { step, key: map_key });
                }
                return;
            }
            let in_map = element.closest("[data-sp-map]").ok().flatten().is_some();
            if key.key() == "Escape" && in_map && l.state.borrow().view.step.is_some() {
                event.prevent_default();
                l.dispatch(Intent::CloseStep);
            }
        }),
    ));
    let l = Rc::clone(&live);
    listeners.push(on(
        "change",
        false,
        Box::new(move |event| {
            let Some(control) = target(event) else { return };
            let action = control.get_attribute(Action::ATTR);
            let Some(action) = action.as_deref().and_then(Action::from_code) else {
                return;
            };
            let name = control.get_attribute("name");
            if let Some(intent) = Intent::from_change(action, name, value(&control)) {
                l.dispatch(intent);
            }
        }),
    ));
    // Find in page has already shown a closed step's panel; the state must say so too.
    let l = Rc::clone(&live);
    listeners.push(on(
        "beforematch",
        false,
        Box::new(move |event| {
            let step = target(event)
                .and_then(|panel| panel.closest("[data-step]").ok().flatten())
                .and_then(|item| item.get_attribute("data-step"));
            if let Some(step) = step {
                l.dispatch(Intent::Reveal(step));
            }
        }),
    ));
    if let Some(window) = web_sys::window() {
        let on_hash = Rc::clone(&live);
        let hash_life = Rc::clone(&life);
        listeners.push(EventListener::new(&window, "hashchange", move |_| {
            hash_life.run(|| {
                on_hash.state.borrow_mut().alone = crate::life::pathways_mounted() <= 1;
                on_hash.dispatch(Intent::Address(window_hash()));
            })
        }));
        let on_resize = Rc::clone(&live);
        let resize_life = Rc::clone(&life);
        listeners.push(EventListener::new(&window, "resize", move |_| {
            resize_life.run(|| {
                on_resize.measure();
            })
        }));
    }
    listeners
}

impl Live {
    /// The page's fallback `section` as this widget's first drawing, when the core says it is
    /// the widget's own (the same feed, pathway, language, release) and the page kept its shape;
    /// the widget then keeps the fallback's ids. `None`: the widget draws itself anew.
    pub fn adopt(&self, section: &Element, fingerprint: &str) -> Option<Node> {
        let drawn = section.get_attribute(send_core::widget::DRAWN_ATTR)?;
        let drawn_pathway = section.get_attribute("data-pathway")?;
        let (ids, tree) =
            self.state
                .borrow()
                .adopt_fallback(&self.feed, fingerprint, &drawn, &drawn_pathway)?;
        // Two copies of one fallback on a page share ids: only the first is taken as drawn.
        let title = send_core::render::common::element_id(&ids, "title");
        let first = dom::document().ok()?.get_element_by_id(&title);
        if !first.is_some_and(|t| section.contains(Some(&t))) || !dom::same_shape(section, &tree) {
            return None;
        }
        self.state.borrow_mut().id_prefix = ids;
        Some(tree)
    }

    /// Draws what the state says over the first drawing, patching only the differences: after
    /// taking the fallback as drawn, this adds the family's controls and closes the steps.
    fn redraw(&self) {
        report(self.patch());
    }

    /// The whole widget as the state says, from the core.
    pub fn tree(&self) -> Result<Node, String> {
        self.state.borrow().tree(&self.feed)
    }

    /// Measures the widget for the map's fit, only while the map is the chosen view; whether
    /// that patched the page.
    fn measure(&self) -> bool {
        self.width_for_map()
            .is_some_and(|width| self.dispatch(Intent::Measured(width)))
    }

    /// The widget's width at the default text size, only while the map is the chosen view.
    fn width_for_map(&self) -> Option<i32> {
        // Reading the width lays the page out: not at all while the list is chosen.
        if self.state.borrow().view.view != send_core::pathway::state::View::Map {
            return None;
        }
        let width = self.drawn.borrow().as_ref()?.0.client_width();
        Some(at_default_text_size(width))
    }

    /// Hands `intent` to the core and applies its effects; whether the page was patched.
    fn dispatch(&self, intent: Intent) -> bool {
        let effects = self.state.borrow_mut().update(&self.feed, intent);
        let patched = effects.redraw == Redraw::Patch;
        report(self.apply(effects));
        patched
    }

    fn apply(&self, mut effects: Effects) -> Result<(), JsValue> {
        // Measured before the patch, while the page is laid out as the last frame drew it:
        // read after it, the width made the browser lay the whole changed widget out inside
        // this task (the language switch), and a map drawn before its fit was known was built
        // only to be taken out again (choosing the map on a phone).
        if effects.measure {
            if let Some(width) = self.width_for_map() {
                let measured = self
                    .state
                    .borrow_mut()
                    .update(&self.feed, Intent::Measured(width));
                if measured.redraw == Redraw::Patch {
                    effects.redraw = Redraw::Patch;
                }
            }
        }
        if effects.redraw == Redraw::Patch {
            self.patch()?;
            // What the patch built is new to the browser: lay it out ahead again.
            self.warm();
        }
        if let Some(history) = effects.history {
            let history_api = web_sys::window().ok_or("no window")?.history()?;
            match history {
                History::Push(url) => {
                    history_api.push_state_with_url(&JsValue::NULL, "", Some(&url))?
                }
                History::Replace(url) => {
                    history_api.replace_state_with_url(&JsValue::NULL, "", Some(&url))?
                }
            }
        }
        if let (Some(store), Some(storage)) = (effects.store, storage()) {
            match store {
                Store::Save { key, step } => storage.set_item(&key, &step)?,
                Store::Remove { key } => storage.remove_item(&key)?,
            }
        }
        if let Some(text) = effects.announce {
            self.announce(&text)?;
        }
        if let Some(key) = effects.load {
            let saved = storage().and_then(|s| s.get_item(&key).ok().flatten());
            self.dispatch(Intent::Loaded(saved));
        }
        if let Some(id) = effects.focus {
            self.focus(&id)?;
        }
        Ok(())
    }

    /// Draws the state again and changes only what differs in the page.
    fn patch(&self) -> Result<(), JsValue> {
        let tree = self.tree().map_err(|e| JsValue::from_str(&e))?;
        let mut drawn = self.drawn.borrow_mut();
        let Some((section, old)) = drawn.as_mut() else {
            return Ok(());
        };
        let document = dom::document()?;
        for patch in diff(old, &tree) {
            if let Some(replaced) = dom::apply_patch(&document, section, patch)? {
                *section = replaced;
            }
        }
        *old = tree;
        Ok(())
    }

    /// Lays out the closed steps ahead of time, one step per task, once the frame that shows
    /// the last change is drawn ([`crate::ahead`]): "Show all steps", or a step opened, then
    /// finds its text styled, laid out and shaped (after the switch to Bengali, the first
    /// "Show all steps" laid out nine panels of new text in one task: 79 ms at 4× CPU).
    fn warm(&self) {
        self.ahead.restart(Wait::Frame, self.closed_steps());
    }

    /// The round's targets, collected when it begins: the closed steps' panels, last first.
    fn closed_steps(&self) -> crate::ahead::Collect {
        let section = self.section();
        Box::new(move || {
            let Some(section) = &section else {
                return Vec::new();
            };
            let mut panels = dom::each(section, CLOSED_STEPS);
            panels.reverse();
            panels
        })
    }

    /// The other language's words, laid out ahead once, in the tasks after mounting: the first
    /// switch to Bengali styled, laid out and shaped the widget's words in a script the page
    /// had not shaped before in one frame, and finding its fonts and glyphs was most of that
    /// frame's 53 ms at 4× CPU. Each element's words in its font ([`PathwayState::words_ahead`]),
    /// one sample per language and font, each put in the page, laid out and taken out again
    /// in one task ([`crate::ahead`]).
    fn words_ahead(live: &Rc<Live>) -> crate::ahead::Collect {
        let live = Rc::downgrade(live);
        Box::new(move || {
            live.upgrade()
                .map(|live| live.word_samples())
                .unwrap_or_default()
        })
    }

    fn word_samples(&self) -> Vec<Element> {
        let drawn = self.drawn.borrow();
        let (Some((section, tree)), Ok(document)) = (drawn.as_ref(), dom::document()) else {
            return Vec::new();
        };
        let mut samples: Vec<(&'static str, String, String)> = Vec::new();
        for (lang, words) in self.state.borrow().words_ahead(&self.feed, tree) {
            for (path, text) in words {
                let font = dom::node_at(section, &path)
                    .and_then(|node| node.dyn_into::<Element>().ok())
                    .and_then(|element| computed(&element, "font"));
                let Some(font) = font.filter(|f| !f.is_empty()) else {
                    continue;
                };
                match samples
                    .iter_mut()
                    .find(|(l, f, _)| *l == lang.code() && *f == font)
                {
                    Some((_, _, held)) => {
                        held.push(' ');
                        held.push_str(&text);
                    }
                    None => samples.push((lang.code(), font, text)),
                }
            }
        }
        samples
            .into_iter()
            .filter_map(|(lang, font, text)| {
                let sample = document.create_element("span").ok()?;
                sample.set_attribute("lang", lang).ok()?;
                sample.set_attribute("aria-hidden", "true").ok()?;
                // Through the CSSOM, which a strict Content-Security-Policy allows: a `style`
                // attribute is inline style, which it refuses (and reports).
                let style = js_sys::Reflect::get(&sample, &"style".into()).ok()?;
                let css = format!(
                    "position:absolute;visibility:hidden;contain:strict;inline-size:20rem;font:{font}"
                );
                js_sys::Reflect::set(&style, &"cssText".into(), &css.into()).ok()?;
                sample.set_text_content(Some(&text));
                Some(sample)
            })
            .collect()
    }

    fn section(&self) -> Option<Element> {
        self.drawn.borrow().as_ref().map(|(s, _)| s.clone())
    }

    /// Focuses this widget's element `id`: looked up by id, never through a CSS selector.
    fn focus(&self, id: &str) -> Result<(), JsValue> {
        let Some(section) = self.section() else {
            return Ok(());
        };
        let element = dom::document()?.get_element_by_id(id);
        if let Some(element) = element.filter(|e| section.contains(Some(e))) {
            let focus = js_sys::Reflect::get(&element, &"focus".into())?;
            if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
                focus.call0(&element)?;
            }
        }
        Ok(())
    }

    fn announce(&self, text: &str) -> Result<(), JsValue> {
        let status = self
            .section()
            .and_then(|s| s.query_selector("[data-sp-status]").ok().flatten());
        if let Some(status) = status {
            status.set_text_content(Some(text));
        }
        Ok(())
    }
}

/// The list's closed step panels, the first step last (each round pops its next).
const CLOSED_STEPS: &str = "li[data-step] > [hidden]";
/// How long after mounting the closed steps start to be laid out ahead (as the tracker's
/// pause after a key).
const SETTLE_MS: u32 = 200;

/// A width in CSS pixels as it would be at the default 16px text size, for [`Intent::Measured`].
fn at_default_text_size(width: i32) -> i32 {
    let root = root_font_px().filter(|px| *px > 0.0).unwrap_or(16.0);
    (f64::from(width) * 16.0 / root).round() as i32
}

/// The page's root font size in pixels (`getComputedStyle(html).fontSize`).
fn root_font_px() -> Option<f64> {
    let html = web_sys::window()?.document()?.document_element()?;
    let size = computed(&html, "fontSize")?;
    crate::fetch::browser_number(size.trim_end_matches("px"))
}

/// `getComputedStyle(element)[property]`, through `Reflect` so the build needs no more web-sys
/// features.
fn computed(element: &Element, property: &str) -> Option<String> {
    let window = web_sys::window()?;
    let computed = js_sys::Reflect::get(&window, &"getComputedStyle".into()).ok()?;
    let style = computed
        .dyn_ref::<js_sys::Function>()?
        .call1(&window, element)
        .ok()?;
    js_sys::Reflect::get(&style, &property.into())
        .ok()?
        .as_string()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn report(result: Result<(), JsValue>) {
    if let Err(error) = result {
        web_sys::console::error_2(&"SEND Pathways pathway:".into(), &error);
    }
}
