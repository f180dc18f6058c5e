//! SEND Pathways widgets: the thin layer between the core and the page.
//!
//! It finds placeholders, fetches the feed, asks the core for a view tree, turns the tree into
//! DOM (text only ever as text nodes, never `innerHTML`) and wires clicks. Everything a family
//! sees is decided in `send-core`; this crate only touches the browser. Until the new tree is
//! complete, the placeholder keeps its fallback HTML, so a failure never leaves a blank box.

#![deny(clippy::unwrap_used, clippy::expect_used)]

#[cfg(any(feature = "pathway", feature = "tracker"))]
mod ahead;
#[cfg(feature = "checker")]
mod checker;
mod dom;
#[cfg(feature = "tracker")]
mod events;
mod fetch;
mod life;
#[cfg(feature = "pathway")]
mod pathway;
#[cfg(feature = "tracker")]
mod tracker;

use gloo_events::EventListener;
use send_core::options::{WidgetKind, WidgetOptions};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// Marks a placeholder the loader has seen, so it is never mounted twice.
const STATE_ATTR: &str = "data-sp-state";

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Installs the panic hook: a bug shows in the widget it struck, never as a dead box.
///
/// The release build aborts on panic (smaller wasm), so nothing after the hook runs: the hook
/// itself gives the widget struck the usual notice over its fallback, marks it failed, logs
/// the panic for the editor, and tells the loader (`send-pathways:panic` on the placeholder).
/// A widget being mounted is struck when the panic comes during its mount: the loader then goes
/// on to the next placeholder (it mounts one placeholder per call, so the abort ends only that
/// call; the wasm instance stays usable). A widget whose listener was running is stopped
/// ([`life`]): it takes no more events, and the other widgets go on.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(
            &format!("SEND Pathways widget failed (a bug, please report it): {info}").into(),
        );
        let Ok(document) = dom::document() else {
            return;
        };
        let mut struck: Vec<Element> = life::stop_running()
            .map(|life| life.placeholder.clone())
            .into_iter()
            .collect();
        if let Ok(mounting) =
            document.query_selector_all("[data-send-widget][data-sp-state=\"loading\"]")
        {
            struck.extend(
                (0..mounting.length())
                    .filter_map(|index| mounting.item(index))
                    .filter_map(|node| node.dyn_into::<Element>().ok()),
            );
        }
        for placeholder in struck {
            let lang = placeholder
                .get_attribute("data-lang")
                .and_then(|code| send_core::Lang::from_code(&code))
                .unwrap_or_default();
            let _ = placeholder.set_attribute("data-sp-error", "panic");
            fail(
                &document,
                &placeholder,
                "this widget stopped: see the error above",
                lang,
            );
            if let Ok(event) = web_sys::Event::new("send-pathways:panic") {
                let _ = placeholder.dispatch_event(&event);
            }
        }
    }));
}

/// Ends the widget in `placeholder` (the loader calls this when a page removes it): its
/// listeners go, and with them everything it held. `true` when there was one.
#[wasm_bindgen]
pub fn unmount(placeholder: Element) -> bool {
    life::unmount(&placeholder)
}

/// How many listeners the mounted widgets hold: for the browser test that an unmounted widget
/// holds none.
#[wasm_bindgen(js_name = listenerCount)]
pub fn listener_count() -> u32 {
    life::listener_count() as u32
}

/// How many DOM nodes the widgets have drawn anew since the page loaded: the bench reads it
/// before and after each interaction.
#[wasm_bindgen(js_name = nodesDrawn)]
pub fn nodes_drawn() -> u32 {
    dom::nodes_drawn()
}

/// Mounts one placeholder, unless it was mounted before; `true` when it shows the widget.
/// The loader calls this once per placeholder, so a bug in one cannot stop the others.
#[wasm_bindgen(js_name = mountOne)]
pub async fn mount_one(placeholder: Element) -> Result<bool, JsValue> {
    if placeholder.has_attribute(STATE_ATTR) {
        return Ok(false);
    }
    Ok(mount(&dom::document()?, &placeholder).await)
}

/// Hands the widgets the loader's DOM builder (see `dom::use_builder`).
#[wasm_bindgen(js_name = useBuilder)]
pub fn use_builder(builder: js_sys::Function) {
    dom::use_builder(builder);
}

/// A deliberate panic for the browser test of the hook above: only when the placeholder has
/// `data-send-test-panic` and the page's own address has `send-pathways-test-panic` in its
/// query. Both are the page's, never the feed's, so no feed can trigger it; a page author who
/// sets both only breaks their own widget, exactly as the test does.
pub(crate) fn test_panic_requested(placeholder: &Element) -> bool {
    placeholder.has_attribute("data-send-test-panic")
        && web_sys::window()
            .and_then(|window| window.location().search().ok())
            .is_some_and(|query| query.contains("send-pathways-test-panic"))
}

/// Mounts one placeholder; on any failure leaves its fallback and says why.
async fn mount(document: &Document, placeholder: &Element) -> bool {
    let _ = placeholder.set_attribute(STATE_ATTR, "loading");
    let options = match WidgetOptions::from_attributes(|name| placeholder.get_attribute(name)) {
        Ok((options, warnings)) => {
            for warning in warnings {
                web_sys::console::warn_1(&format!("SEND Pathways: {warning}").into());
            }
            options
        }
        Err(problem) => {
            fail(document, placeholder, &problem, send_core::Lang::En);
            return false;
        }
    };
    let fetch::Loaded {
        feed,
        saved_on,
        fingerprint,
    } = match fetch::feed(&options.feed).await {
        Ok(loaded) => loaded,
        Err(failure) => {
            // The loader runs the full checker on such feeds and lists every problem in the
            // console for the editor; families only need the short notice.
            if failure.text.is_some() {
                let _ = placeholder.set_attribute("data-sp-error", "invalid-feed");
            }
            fail(document, placeholder, &failure.message, options.lang);
            return false;
        }
    };
    // Mounting is three tasks, not one: reading the feed (above), drawing the tree, and making
    // and placing its DOM. Between them the browser can answer a tap or a key and draw, which
    // on a slow phone it could not for the whole mount.
    dom::next_task().await;
    if test_panic_requested(placeholder)
        && placeholder.get_attribute("data-send-test-panic").as_deref() != Some("click")
    {
        panic!("deliberate panic for the browser test (data-send-test-panic)");
    }
    let id_prefix = NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id + 1);
        format!("sp{id}")
    });
    // The reader's today: the tracker's statuses and the pathway's clock are for it.
    let today = dom::today().unwrap_or(feed.updated);
    // Each widget is drawn once, already as the address (and, for the pathway, this
    // browser's saved step) asks.
    type Wire =
        Box<dyn FnOnce(Rc<life::Life>, Element, send_core::view::Node) -> Vec<EventListener>>;
    // A pathway whose fallback is its own drawing keeps it (`adopted`) and is patched.
    #[cfg_attr(not(feature = "pathway"), allow(unused_mut))]
    let mut adopted: Option<Element> = None;
    #[cfg(not(feature = "pathway"))]
    let _ = fingerprint;
    let (drawn, wire): (Result<_, String>, Wire) = match options.kind {
        #[cfg(feature = "tracker")]
        WidgetKind::Tracker => {
            let state = send_core::tracker::interact::TrackerState::new(
                &feed,
                options.clone(),
                id_prefix,
                today,
                &dom::window_hash(),
            );
            let live = tracker::Live::new(feed, state);
            (
                live.tree(),
                Box::new(move |life: Rc<life::Life>, section, tree| {
                    live.placed(section, tree);
                    events::wire_tracker(&live, &life)
                }),
            )
        }
        #[cfg(feature = "pathway")]
        WidgetKind::Pathway => {
            let mounted = life::pathways_mounted();
            let key = send_core::pathway::state::widget_key(
                &placeholder.id(),
                options.pathway.as_deref(),
                mounted as u32 + 1,
            );
            let state = send_core::pathway::interact::PathwayState::new(
                &feed,
                options.clone(),
                id_prefix,
                key,
                today,
                &dom::window_hash(),
                mounted == 0,
            );
            let live = pathway::prepare(feed, state);
            let fallback = placeholder
                .query_selector(":scope > section[data-sp-drawn]")
                .ok()
                .flatten();
            let fallback_tree = fallback
                .as_ref()
                .and_then(|section| live.adopt(section, &fingerprint));
            adopted = fallback.filter(|_| fallback_tree.is_some());
            let enhance = fallback_tree.is_some();
            (
                fallback_tree.map_or_else(|| live.tree(), Ok),
                Box::new(move |life, section, tree| pathway::wire(live, life, section, tree, enhance)),
            )
        }
        // A one-widget build (the loader picks it when a page has only that kind) asked for
        // the other kind: only when a page calls this wasm directly rather than the loader.
        #[allow(unreachable_patterns)]
        other => (
            Err(format!(
                "this build of SEND Pathways has no {} widget: load send-pathways.js, which picks the build a page needs",
                other.name()
            )),
            Box::new(|_, _, _| Vec::new()),
        ),
    };
    dom::next_task().await;
    let tree = match drawn {
        Ok(tree) => tree,
        Err(problem) => {
            fail(document, placeholder, &problem, options.lang);
            return false;
        }
    };
    let built = match adopted {
        Some(section) => Ok(section.into()),
        None => dom::build(document, &tree).inspect(|node| {
            placeholder.replace_children_with_node_1(node);
        }),
    };
    match built {
        Ok(node) => {
            let Ok(section) = node.dyn_into::<web_sys::Element>() else {
                fail(
                    document,
                    placeholder,
                    "the widget drew no element",
                    options.lang,
                );
                return false;
            };
            if let Some(date) = saved_on.and_then(|d| send_core::date::parse_day(&d)) {
                let notice = send_core::render::notice::saved_copy(options.lang, date);
                if let Ok(notice) = dom::build(document, &notice) {
                    let _ = placeholder.prepend_with_node_1(&notice);
                }
            }
            let life = life::Life::new(placeholder.clone(), options.kind == WidgetKind::Pathway);
            let listeners = wire(Rc::clone(&life), section, tree);
            life::keep(life, listeners);
            // Ready once it answers. Until then the stylesheet skips the fallback's panels off
            // the screen: set before wiring, the map's fit check read the width with every
            // panel to lay out first (about 20 ms at 4× CPU).
            let _ = placeholder.set_attribute(STATE_ATTR, "ready");
            true
        }
        Err(error) => {
            fail(document, placeholder, &format!("{error:?}"), options.lang);
            false
        }
    }
}

/// Keeps the fallback content, adds a short notice for families and logs the cause for editors.
fn fail(document: &Document, placeholder: &Element, problem: &str, lang: send_core::Lang) {
    web_sys::console::error_1(&format!("SEND Pathways: {problem}").into());
    let _ = placeholder.set_attribute(STATE_ATTR, "failed");
    let notice = send_core::render::notice::feed_unavailable(lang);
    if let Ok(node) = dom::build(document, &notice) {
        let _ = placeholder.prepend_with_node_1(&node);
    }
}

// Declared last, so the editor's module moves no line of the code above: the family builds'
// panic locations (line numbers in their data) stay byte for byte as they were.
#[cfg(feature = "editor")]
mod editor;

/// The memory allocator (talc, see Cargo.toml for why not the standard library's dlmalloc).
/// Wasm pages without threads only: `atomics` builds would need talc's locking variant.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
