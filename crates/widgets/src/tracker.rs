//! The tracker in the page: events decoded into the core's intents (`events.rs`), and the
//! core's effects applied.
//!
//! Everything the widget knows is the core's [`TrackerState`], and every decision is
//! [`TrackerState::update`]'s: this module never reads state back from the page. A change is
//! drawn by patching only what differs from the last drawing ([`send_core::pathway::patch`]),
//! so the field being typed in, the count's live region and the saved-copy notice beside the
//! widget stay where they are. Elements are found by id, never through a CSS selector built
//! from a feed's id.

use crate::dom;
use send_core::pathway::patch::diff;
use send_core::tracker::interact::{
    at_mut, path_to, Effects, Intent, Redraw, TrackerState, ANNOUNCE_PAUSE_MS,
};
use send_core::view::Node;
use send_core::Feed;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// A mounted tracker.
pub struct Live {
    feed: Rc<Feed>,
    state: RefCell<TrackerState>,
    /// The widget's `<section>` and the drawing it shows, once placed in the page.
    drawn: RefCell<Option<(Element, Node)>>,
    /// The wait for a pause in typing, restarted by each key; dropped with the widget.
    pause: RefCell<Option<Pause>>,
}

impl Live {
    pub fn new(feed: Rc<Feed>, state: TrackerState) -> Rc<Live> {
        Rc::new(Live {
            feed,
            state: RefCell::new(state),
            drawn: RefCell::new(None),
            pause: RefCell::new(None),
        })
    }

    /// The whole widget as the state says, from the core.
    pub fn tree(&self) -> Result<Node, String> {
        self.state.borrow().tree(&self.feed)
    }

    /// The first drawing, now in the page as `section`.
    pub fn placed(&self, section: Element, tree: Node) {
        *self.drawn.borrow_mut() = Some((section, tree));
    }

    pub fn section(&self) -> Option<Element> {
        self.drawn.borrow().as_ref().map(|(s, _)| s.clone())
    }

    pub fn dispatch(self: &Rc<Self>, intent: Intent) {
        let effects = self.state.borrow_mut().update(&self.feed, intent);
        report(self.apply(effects));
    }

    fn apply(self: &Rc<Self>, effects: Effects) -> Result<(), JsValue> {
        match effects.redraw {
            Redraw::Nothing => {}
            Redraw::Results => self.patch_results()?,
            Redraw::Patch => self.patch()?,
        }
        if let Some(fragment) = effects.replace_address {
            replace_address(&fragment)?;
        }
        if let Some(text) = effects.announce {
            self.announce(&text);
        }
        if effects.announce_after_pause {
            self.wait_for_pause();
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
        // The fields typed in since the last whole drawing hold values no drawing had.
        dom::sync_fields(section, &tree)?;
        *old = tree;
        Ok(())
    }

    /// Draws only the results again and patches them where they differ, and keeps the drawing
    /// of the count as it now reads (its words are [`Effects::announce`]'s to set).
    fn patch_results(&self) -> Result<(), JsValue> {
        let results = self
            .state
            .borrow()
            .results(&self.feed)
            .map_err(|e| JsValue::from_str(&e))?;
        let said = self.state.borrow().said.clone();
        let mut drawn = self.drawn.borrow_mut();
        let Some((section, tree)) = drawn.as_mut() else {
            return Ok(());
        };
        let Some(path) = path_to(tree, "data-sp-results") else {
            return Ok(());
        };
        let element = dom::node_at(section, &path)
            .and_then(|node| node.dyn_into::<Element>().ok())
            .ok_or("the tracker's results are not where they were drawn")?;
        let Some(old) = at_mut(tree, &path) else {
            return Ok(());
        };
        let document = dom::document()?;
        for patch in diff(old, &results) {
            dom::apply_patch(&document, &element, patch)?;
        }
        *old = results;
        if let Some(Node::Element(count)) =
            path_to(tree, "data-sp-count").and_then(|path| at_mut(tree, &path))
        {
            count.children = vec![Node::Text(said)];
        }
        Ok(())
    }

    /// This widget's element `id`, looked up by id (never a CSS selector) and only inside it.
    fn element(&self, id: &str) -> Option<Element> {
        let section = self.section()?;
        let element = dom::document().ok()?.get_element_by_id(id)?;
        section.contains(Some(&element)).then_some(element)
    }

    fn focus(&self, id: &str) -> Result<(), JsValue> {
        if let Some(element) = self.element(id) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                element.focus()?;
            }
        }
        Ok(())
    }

    /// The count region says `text`, unless the patch already made it say so: writing the
    /// same words again would be heard again.
    fn announce(&self, text: &str) {
        let count = self
            .section()
            .and_then(|s| s.query_selector("[data-sp-count]").ok().flatten());
        if let Some(count) = count.filter(|c| c.text_content().as_deref() != Some(text)) {
            count.set_text_content(Some(text));
        }
    }

    /// (Re)starts the wait after a key; when it ends, the core decides what to say.
    fn wait_for_pause(self: &Rc<Self>) {
        let live: Weak<Live> = Rc::downgrade(self);
        *self.pause.borrow_mut() = Pause::start(ANNOUNCE_PAUSE_MS, move || {
            // The spent timer stays until the next key or the unmount drops it: a closure
            // must not be dropped while it runs.
            if let Some(live) = live.upgrade() {
                live.dispatch(Intent::Paused);
            }
        });
    }
}

/// A timer owned by its widget: dropping it (a new key, or the widget unmounted) clears it.
struct Pause {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Pause {
    fn start(ms: u32, done: impl FnMut() + 'static) -> Option<Pause> {
        let callback = Closure::<dyn FnMut()>::new(done);
        let id = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms as i32,
            )
            .ok()?;
        Some(Pause {
            id,
            _callback: callback,
        })
    }
}

impl Drop for Pause {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.id);
        }
    }
}

/// Keeps the filter in the address without adding a history entry per keystroke.
fn replace_address(fragment: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let location = window.location();
    let url = if fragment.is_empty() {
        format!("{}{}", location.pathname()?, location.search()?)
    } else {
        format!("#{fragment}")
    };
    window
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
}

pub fn report(result: Result<(), JsValue>) {
    if let Err(error) = result {
        web_sys::console::error_2(&"SEND Pathways tracker:".into(), &error);
    }
}
