//! Timers a widget owns, and laying out its closed panels ahead of time, one element per task,
//! once the reader has paused: shared by both widgets, so the page with both carries it once.
//!
//! A closed panel is `hidden="until-found"`: the browser skips its style and layout, so the
//! first "Show all" had to style, lay out and shape the text of every panel in one task (the
//! tracker's whole plan: 160 ms at 4× CPU on the sample; the pathway's nine steps after the
//! switch to Bengali: 79 ms). A layout query inside a skipped panel makes the browser do that
//! work, and keep it, while the panel stays closed: hidden from everyone alike, its words still
//! found by find in page, nothing drawn or moved. Style and layout must come in one task: a
//! panel styled in one task and measured in the next, after a frame, is not laid out. An
//! element already laid out costs next to nothing, so after each patch the round starts again.
//! A round can also lay out words not in the page ([`sample`]): the pathway's other language.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// A timer owned by its widget: dropping it (a new key, a new round, or the widget unmounted)
/// clears it.
pub struct Pause {
    id: i32,
    /// An animation frame's request, not a timeout.
    frame: bool,
    _callback: Closure<dyn FnMut()>,
}

impl Pause {
    /// `done` comes boxed, so every timer shares one closure type: each kind of closure
    /// handed to JavaScript costs the wasm its own glue.
    pub fn start(ms: u32, done: Box<dyn FnMut()>) -> Option<Pause> {
        let callback = Closure::wrap(done);
        let id = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms as i32,
            )
            .ok()?;
        Some(Pause {
            id,
            frame: false,
            _callback: callback,
        })
    }

    /// Runs `done` before the next frame is drawn (`requestAnimationFrame`).
    fn before_frame(done: Box<dyn FnMut()>) -> Option<Pause> {
        let callback = Closure::wrap(done);
        let id = web_sys::window()?
            .request_animation_frame(callback.as_ref().unchecked_ref())
            .ok()?;
        Some(Pause {
            id,
            frame: true,
            _callback: callback,
        })
    }
}

impl Drop for Pause {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            if self.frame {
                let _ = window.cancel_animation_frame(self.id);
            } else {
                window.clear_timeout_with_handle(self.id);
            }
        }
    }
}

/// Lays out a sample of words not in the page (another language's, in one of the widget's
/// fonts: the pathway's [`Collect`] builds it): put at the end of the page's body, measured,
/// and taken out again in the same task, so no other task finds it, nothing is drawn and no
/// screen reader is told (a `MutationObserver` still gets its two records).
fn sample(element: &Element) {
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    if let Some(body) = body {
        if body.append_child(element).is_ok() {
            if let Some(sample) = element.dyn_ref::<web_sys::HtmlElement>() {
                let _ = sample.offset_height();
            }
            element.remove();
        }
    }
}

/// When a round begins, from the patch (or the first drawing) that asks for it.
#[derive(Clone, Copy)]
pub enum Wait {
    /// After a pause of so many milliseconds (restarted by each patch: each key typed; the
    /// pathway's first round, after mounting).
    Ms(u32),
    /// Once the next frame has been drawn: for a widget nobody types into, so the round is
    /// done before the reader's next press; never inside the frame that shows the patch,
    /// whose layout a query would pull into the round's first task.
    #[cfg_attr(not(feature = "pathway"), allow(dead_code))]
    Frame,
}

/// What the widget lays out in a round, collected when the round begins (after the pause, not
/// when it was asked for): the last element first.
pub type Collect = Box<dyn FnMut() -> Vec<Element>>;

/// Laying out ahead: the round's timers and what it has still to lay out.
#[derive(Default)]
pub struct Ahead {
    /// The next step's timer, and the one whose step is running (a closure must not be
    /// dropped while it runs).
    timers: RefCell<Vec<Pause>>,
    /// What the running round has still to lay out: the next last.
    round: RefCell<Vec<Element>>,
    collect: RefCell<Option<Collect>>,
}

impl Ahead {
    /// A new round, after `wait`: the old one's next step is not to run, and what it had
    /// still to lay out may be gone from the page. Each element's last child is measured, or a
    /// sample not in the page itself ([`sample`]).
    pub fn restart(self: &Rc<Self>, wait: Wait, collect: Collect) {
        self.timers.borrow_mut().clear();
        self.round.borrow_mut().clear();
        *self.collect.borrow_mut() = Some(collect);
        let first = match wait {
            Wait::Ms(ms) => self.later(ms, Ahead::begin),
            // The frame's callback runs before it is drawn: the round begins in the task after.
            Wait::Frame => {
                let ahead: Weak<Ahead> = Rc::downgrade(self);
                Pause::before_frame(Box::new(move || {
                    if let Some(ahead) = ahead.upgrade() {
                        let next = ahead.later(0, Ahead::begin);
                        ahead.timers.borrow_mut().extend(next);
                    }
                }))
            }
        };
        self.timers.borrow_mut().extend(first);
    }

    /// `then` on this, in a task `ms` from now, unless this is dropped first.
    fn later(self: &Rc<Self>, ms: u32, then: fn(&Rc<Ahead>)) -> Option<Pause> {
        let ahead: Weak<Ahead> = Rc::downgrade(self);
        Pause::start(
            ms,
            Box::new(move || {
                if let Some(ahead) = ahead.upgrade() {
                    then(&ahead);
                }
            }),
        )
    }

    fn begin(self: &Rc<Self>) {
        // Taken out while it runs: what it calls may patch, and so restart the round.
        let collect = self.collect.borrow_mut().take();
        if let Some(mut collect) = collect {
            let targets = collect();
            *self.round.borrow_mut() = targets;
        }
        self.step();
    }

    /// Lays out the round's next element, and leaves the step after it for the next task.
    /// Called by the timer of the step before (or of the round), which is running.
    fn step(self: &Rc<Self>) {
        {
            // Keep the running step's timer; drop the one before it, long done.
            let mut timers = self.timers.borrow_mut();
            let done = timers.len().saturating_sub(1);
            timers.drain(..done);
        }
        let next = self.round.borrow_mut().pop();
        let Some(element) = next else {
            return;
        };
        if element.is_connected() {
            let inside = element
                .last_element_child()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(inside) = inside {
                let _ = inside.offset_height();
            }
        } else {
            sample(&element);
        }
        let next = self.later(0, Ahead::step);
        self.timers.borrow_mut().extend(next);
    }
}
