//! The tracker in the page: events decoded into the core's intents (`events.rs`), and the
//! core's effects applied.
//!
//! Everything the widget knows is the core's [`TrackerState`], and every decision is
//! [`TrackerState::update`]'s: this module never reads state back from the page. A change is
//! drawn by patching only what differs from the last drawing ([`send_core::pathway::patch`]),
//! so the field being typed in, the count's live region and the saved-copy notice beside the
//! widget stay where they are. Elements are found by id, never through a CSS selector built
//! from a feed's id.
//!
//! Three things wait for a later task, so that no reply to a reader is one long task: what
//! goes inside closed workstreams ([`send_core::tracker::closed`]: most of what "Clear
//! filters" builds), the address (`history.replaceState` alone took 5 to 13 ms of a filter's
//! task at 4× CPU), and laying out the closed workstreams ahead of time ([`Live::warm`],
//! [`crate::ahead`]).

use crate::ahead::{Ahead, Pause, Wait};
use crate::dom;
use send_core::pathway::patch::{diff, Patch};
use send_core::tracker::closed::later_inside_closed;
use send_core::tracker::interact::{
    at_mut, path_to, Effects, Intent, Redraw, TrackerState, ANNOUNCE_PAUSE_MS,
};
use send_core::view::Node;
use send_core::Feed;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
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
    /// The address to write in the next task, and its timer.
    address: RefCell<Option<Pause>>,
    /// Patches for the insides of closed workstreams, each with the element its paths start
    /// from, to apply in the next task (or before the next event, whichever comes first).
    later: RefCell<Vec<(Element, Vec<Patch>)>>,
    later_timer: RefCell<Option<Pause>>,
    /// Laying out the closed workstreams ahead ([`Live::warm`]).
    ahead: Rc<Ahead>,
}

impl Live {
    pub fn new(feed: Rc<Feed>, state: TrackerState) -> Rc<Live> {
        Rc::new(Live {
            feed,
            state: RefCell::new(state),
            drawn: RefCell::new(None),
            pause: RefCell::new(None),
            address: RefCell::new(None),
            later: RefCell::new(Vec::new()),
            later_timer: RefCell::new(None),
            ahead: Rc::default(),
        })
    }

    /// The whole widget as the state says, from the core.
    pub fn tree(&self) -> Result<Node, String> {
        self.state.borrow().tree(&self.feed)
    }

    /// The first drawing, now in the page as `section`.
    pub fn placed(self: &Rc<Self>, section: Element, tree: Node) {
        *self.drawn.borrow_mut() = Some((section, tree));
        self.warm();
    }

    pub fn section(&self) -> Option<Element> {
        self.drawn.borrow().as_ref().map(|(s, _)| s.clone())
    }

    pub fn dispatch(self: &Rc<Self>, intent: Intent) {
        // The page must be the last drawing before it is patched again.
        *self.later_timer.borrow_mut() = None;
        report(self.put_in_later());
        if matches!(intent, Intent::Address(_)) {
            // The browser's new address wins over one still waiting to be written.
            *self.address.borrow_mut() = None;
        }
        let effects = self.state.borrow_mut().update(&self.feed, intent);
        report(self.apply(effects));
    }

    fn apply(self: &Rc<Self>, effects: Effects) -> Result<(), JsValue> {
        match effects.redraw {
            Redraw::Nothing => {}
            Redraw::Results => self.patch_results()?,
            Redraw::Form => {
                self.patch_form()?;
                self.patch_results()?;
            }
            Redraw::Patch => self.patch()?,
        }
        if effects.redraw != Redraw::Nothing {
            // What the patch built is new to the browser: lay it out ahead again.
            self.warm();
        }
        if let Some(fragment) = effects.replace_address {
            // In the next task: the reply (results, count, focus) comes first.
            *self.address.borrow_mut() =
                Pause::start(0, Box::new(move || report(replace_address(&fragment))));
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
    fn patch(self: &Rc<Self>) -> Result<(), JsValue> {
        let tree = self.tree().map_err(|e| JsValue::from_str(&e))?;
        let mut drawn = self.drawn.borrow_mut();
        let Some((section, old)) = drawn.as_mut() else {
            return Ok(());
        };
        let document = dom::document()?;
        let (now, later) = later_inside_closed(diff(old, &tree), &tree);
        for patch in now {
            if let Some(replaced) = dom::apply_patch(&document, section, patch)? {
                *section = replaced;
            }
        }
        // The fields typed in since the last whole drawing hold values no drawing had.
        dom::sync_fields(section, &tree)?;
        *old = tree;
        let section = section.clone();
        drop(drawn);
        self.put_off(section, later);
        Ok(())
    }

    /// Keeps `patches` (paths from `root`) for the next task.
    fn put_off(self: &Rc<Self>, root: Element, patches: Vec<Patch>) {
        if patches.is_empty() {
            return;
        }
        self.later.borrow_mut().push((root, patches));
        let live: Weak<Live> = Rc::downgrade(self);
        // The timer stays until the next patch or event drops it: a closure must not be
        // dropped while it runs.
        *self.later_timer.borrow_mut() = Pause::start(
            0,
            Box::new(move || {
                if let Some(live) = live.upgrade() {
                    report(live.put_in_later());
                }
            }),
        );
    }

    /// Applies what [`Live::put_off`] kept.
    fn put_in_later(&self) -> Result<(), JsValue> {
        let kept = std::mem::take(&mut *self.later.borrow_mut());
        if kept.is_empty() {
            return Ok(());
        }
        let document = dom::document()?;
        for (root, patches) in kept {
            for patch in patches {
                dom::apply_patch(&document, &root, patch)?;
            }
        }
        Ok(())
    }

    /// Draws only the results again and patches them where they differ, and keeps the drawing
    /// of the count as it now reads (its words are [`Effects::announce`]'s to set).
    fn patch_results(self: &Rc<Self>) -> Result<(), JsValue> {
        let results = self
            .state
            .borrow()
            .results(&self.feed)
            .map_err(|e| JsValue::from_str(&e))?;
        self.patch_part("data-sp-results", results)?;
        let said = self.state.borrow().said.clone();
        let mut drawn = self.drawn.borrow_mut();
        if let Some((_, tree)) = drawn.as_mut() {
            if let Some(Node::Element(count)) =
                path_to(tree, "data-sp-count").and_then(|path| at_mut(tree, &path))
            {
                count.children = vec![Node::Text(said)];
            }
        }
        Ok(())
    }

    /// Draws only the filter form again and patches it where it differs; its fields then show
    /// what the state says (cleared, or as typed).
    fn patch_form(self: &Rc<Self>) -> Result<(), JsValue> {
        let form = self
            .state
            .borrow()
            .form(&self.feed)
            .map_err(|e| JsValue::from_str(&e))?;
        if let Some(element) = self.patch_part("data-sp-filters", form.clone())? {
            dom::sync_fields(&element, &form)?;
        }
        Ok(())
    }

    /// Patches the part of the drawing marked with `attr` into `new`; returns its element.
    fn patch_part(self: &Rc<Self>, attr: &str, new: Node) -> Result<Option<Element>, JsValue> {
        let mut drawn = self.drawn.borrow_mut();
        let Some((section, tree)) = drawn.as_mut() else {
            return Ok(None);
        };
        let Some(path) = path_to(tree, attr) else {
            return Ok(None);
        };
        let element = dom::node_at(section, &path)
            .and_then(|node| node.dyn_into::<Element>().ok())
            .ok_or("a part of the tracker is not where it was drawn")?;
        let Some(old) = at_mut(tree, &path) else {
            return Ok(None);
        };
        let document = dom::document()?;
        let (now, later) = later_inside_closed(diff(old, &new), &new);
        for patch in now {
            dom::apply_patch(&document, &element, patch)?;
        }
        *old = new;
        drop(drawn);
        self.put_off(element.clone(), later);
        Ok(Some(element))
    }

    /// Lays out the closed workstreams ahead of time, one action per task, then the widget's
    /// other closed panels ([`crate::ahead`]). In a closed workstream each action is skipped on
    /// its own too (`content-visibility: auto`, in the stylesheet), so one query lays out one
    /// action: a task of 6 to 22 ms at 4× on the sample, where a whole panel was up to 77 ms.
    ///
    /// What a round lays out is collected when it begins, and not now, because the drawing
    /// that started it had patches put off ([`Live::put_off`]) that replace what is inside
    /// closed workstreams. Their timer came first; any still kept go in first, so nothing
    /// collected is replaced during the round (a patch that would replace it starts a new one).
    fn warm(self: &Rc<Self>) {
        let live: Weak<Live> = Rc::downgrade(self);
        self.ahead.restart(
            Wait::Ms(WARM_AFTER_MS),
            Box::new(move || {
                let Some(live) = live.upgrade() else {
                    return Vec::new();
                };
                report(live.put_in_later());
                live.section()
                    .map(|section| to_lay_out(&section))
                    .unwrap_or_default()
            }),
        );
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
        *self.pause.borrow_mut() = Pause::start(
            ANNOUNCE_PAUSE_MS,
            Box::new(move || {
                // The spent timer stays until the next key or the unmount drops it: a closure
                // must not be dropped while it runs.
                if let Some(live) = live.upgrade() {
                    live.dispatch(Intent::Paused);
                }
            }),
        );
    }
}

/// How long after a patch (or the first drawing) laying out ahead starts: once the reader has
/// paused, each key of the words restarting the wait.
const WARM_AFTER_MS: u32 = 200;

/// The actions of closed workstreams, as the stylesheet skips each of them on its own.
const CLOSED_ACTIONS: &str = "[data-workstream] > [hidden] > ol > li";

/// What a round of [`Live::warm`] lays out: each action of the closed workstreams, then the
/// widget's other closed panels (the earlier updates, the figures awaited), each whole: short
/// lists. Two queries a round, whatever its length. Last first, so each step pops its element
/// (a `VecDeque` cost the tracker's wasm 150 B more, brotli).
fn to_lay_out(section: &Element) -> Vec<Element> {
    let others = dom::each(section, "[hidden]").into_iter().filter(|panel| {
        panel
            .parent_element()
            .is_some_and(|block| !block.has_attribute("data-workstream"))
    });
    let mut targets: Vec<Element> = dom::each(section, CLOSED_ACTIONS)
        .into_iter()
        .chain(others)
        .collect();
    targets.reverse();
    targets
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
