//! One life per widget: each mounted widget owns its listeners (and, through them, its state),
//! and ends when its placeholder leaves the page (the loader calls `unmount`) or when a bug
//! stops it.
//!
//! The release build aborts on panic, so nothing unwinds: a `RefCell` borrowed when the panic
//! struck stays borrowed. The panic hook therefore marks the widget that was handling the
//! event as stopped (a `Cell`, never borrowed), gives it the usual notice, and every listener
//! of a stopped widget returns at once, before touching its state. The other widgets go on.

use gloo_events::{EventListener, EventListenerOptions};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::Element;

/// A mounted widget: its placeholder, whether it stopped, and what it listens to.
pub struct Life {
    pub placeholder: Element,
    pub pathway: bool,
    stopped: Cell<bool>,
}

struct Mounted {
    life: Rc<Life>,
    listeners: Vec<EventListener>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// The widget whose listener is running, for the panic hook.
    static RUNNING: RefCell<Option<Rc<Life>>> = const { RefCell::new(None) };
    static IN_HANDLER: Cell<bool> = const { Cell::new(false) };
}

impl Life {
    pub fn new(placeholder: Element, pathway: bool) -> Rc<Life> {
        Rc::new(Life {
            placeholder,
            pathway,
            stopped: Cell::new(false),
        })
    }

    /// Listens to `name` events on `target` for this widget: the handler runs through
    /// [`Life::run`], so a stopped widget takes no more events. `prevent` lets the handler
    /// call `preventDefault` (the listener is then not passive).
    #[cfg_attr(not(any(feature = "pathway", feature = "tracker")), allow(dead_code))]
    pub fn listen(
        self: &Rc<Self>,
        target: &Element,
        name: &'static str,
        prevent: bool,
        handler: Box<dyn Fn(&web_sys::Event)>,
    ) -> EventListener {
        let life = Rc::clone(self);
        let options = if prevent {
            EventListenerOptions::enable_prevent_default()
        } else {
            EventListenerOptions::default()
        };
        EventListener::new_with_options(target, name, options, move |event| {
            life.run(|| handler(event))
        })
    }

    /// Runs a listener's work, unless the widget stopped. (A trap leaves the marks below set;
    /// the next listener's run resets them.)
    #[cfg_attr(not(any(feature = "pathway", feature = "tracker")), allow(dead_code))]
    pub fn run(self: &Rc<Self>, work: impl FnOnce()) {
        if self.stopped.get() {
            return;
        }
        RUNNING.with(|r| *r.borrow_mut() = Some(Rc::clone(self)));
        IN_HANDLER.set(true);
        work();
        IN_HANDLER.set(false);
        RUNNING.with(|r| *r.borrow_mut() = None);
    }
}

/// Keeps a mounted widget's listeners for its life.
pub fn keep(life: Rc<Life>, listeners: Vec<EventListener>) {
    MOUNTED.with(|m| m.borrow_mut().push(Mounted { life, listeners }));
}

#[cfg_attr(not(feature = "pathway"), allow(dead_code))]
/// How many pathway widgets are mounted (one alone obeys an unkeyed address).
pub fn pathways_mounted() -> usize {
    MOUNTED.with(|m| m.borrow().iter().filter(|w| w.life.pathway).count())
}

/// Ends the widget mounted in `placeholder`: its listeners go, and with them its state.
/// Returns whether there was one.
pub fn unmount(placeholder: &Element) -> bool {
    let ended: Vec<Mounted> = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let (ended, kept) = mounted
            .drain(..)
            .partition(|w| w.life.placeholder.is_same_node(Some(placeholder)));
        *mounted = kept;
        ended
    });
    let any = !ended.is_empty();
    drop(ended);
    any
}

/// Every listener the mounted widgets hold.
pub fn listener_count() -> usize {
    MOUNTED.with(|m| m.borrow().iter().map(|w| w.listeners.len()).sum())
}

/// For the panic hook: the widget whose listener was running, now stopped. `None` when the
/// panic struck outside a listener (a mount).
pub fn stop_running() -> Option<Rc<Life>> {
    if !IN_HANDLER.get() {
        return None;
    }
    let life = RUNNING.with(|r| r.try_borrow().ok().and_then(|l| l.clone()))?;
    // Already stopped: marks left by an earlier trap, not this panic.
    (!life.stopped.replace(true)).then_some(life)
}

#[cfg_attr(not(feature = "pathway"), allow(dead_code))]
/// A deliberate panic in a click, for the browser test of the above: only when the placeholder
/// has `data-send-test-panic="click"` and the page's own address asks for it (see
/// `test_panic_requested` in `lib.rs`: both are the page's, never the feed's).
pub fn test_panic_on_click(control: &Element) {
    let asked = control
        .closest("[data-send-test-panic=\"click\"]")
        .ok()
        .flatten()
        .is_some_and(|placeholder| crate::test_panic_requested(&placeholder));
    if asked {
        panic!("deliberate panic in a click for the browser test (data-send-test-panic)");
    }
}
