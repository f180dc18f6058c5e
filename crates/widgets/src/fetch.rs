//! Fetching and reading the feed: one request per feed URL however many widgets use it, a
//! 10-second limit, one retry, and the last good copy kept in this browser for when the
//! network fails. The copy is the council's public feed, never anything a family typed.

use send_core::{parse_feed, Feed};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, Response};

/// How long a request may take before it counts as failed.
const TIMEOUT_MS: u32 = 10_000;
const STORAGE_PREFIX: &str = "send-pathways:feed:";

/// A feed ready to show, and when it was saved if it is the browser's copy rather than fresh.
#[derive(Clone)]
pub struct Loaded {
    pub feed: Rc<Feed>,
    /// `YYYY-MM-DD` the copy was saved, when the network failed and the saved copy is used.
    pub saved_on: Option<String>,
}

/// Why no feed could be shown; `text` is the feed as received when it could not be read.
pub struct Failure {
    pub message: String,
    pub text: Option<String>,
}

thread_local! {
    static FEEDS: RefCell<HashMap<String, Loaded>> = RefCell::new(HashMap::new());
}

pub async fn feed(url: &str) -> Result<Loaded, Failure> {
    if let Some(loaded) = FEEDS.with(|feeds| feeds.borrow().get(url).cloned()) {
        return Ok(loaded);
    }
    let loaded = match fetch_with_retry(url).await {
        Ok(text) => match parse_feed(&text) {
            Ok(feed) => {
                save_copy(url, &text);
                Loaded {
                    feed: Rc::new(feed),
                    saved_on: None,
                }
            }
            Err(error) => {
                return Err(Failure {
                    message: format!("the feed {url} is not valid: {error}"),
                    text: Some(text),
                })
            }
        },
        Err(problem) => saved_copy(url).ok_or(Failure {
            message: format!("could not fetch the feed {url}: {problem}"),
            text: None,
        })?,
    };
    FEEDS.with(|feeds| feeds.borrow_mut().insert(url.to_owned(), loaded.clone()));
    Ok(loaded)
}

async fn fetch_with_retry(url: &str) -> Result<String, String> {
    match fetch_text(url).await {
        Ok(text) => Ok(text),
        Err(first) => {
            web_sys::console::warn_1(
                &format!(
                    "SEND Pathways: {url}: {}; trying once more",
                    describe(&first)
                )
                .into(),
            );
            fetch_text(url).await.map_err(|e| describe(&e))
        }
    }
}

async fn fetch_text(url: &str) -> Result<String, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let init = RequestInit::new();
    init.set_signal(Some(&AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str(&format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    JsFuture::from(response.text()?)
        .await?
        .as_string()
        .ok_or_else(|| JsValue::from_str("the response was not text"))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps the feed text with today's date; a full or blocked storage only means no copy.
fn save_copy(url: &str, text: &str) {
    if let (Some(storage), Some(today)) = (storage(), crate::tracker::today()) {
        let _ = storage.set_item(
            &format!("{STORAGE_PREFIX}{url}"),
            &format!("{today}\n{text}"),
        );
    }
}

fn saved_copy(url: &str) -> Option<Loaded> {
    let stored = storage()?
        .get_item(&format!("{STORAGE_PREFIX}{url}"))
        .ok()??;
    let (saved_on, text) = stored.split_once('\n')?;
    let feed = parse_feed(text).ok()?;
    web_sys::console::warn_1(
        &format!("SEND Pathways: {url} could not be fetched; showing the copy saved on {saved_on}")
            .into(),
    );
    Some(Loaded {
        feed: Rc::new(feed),
        saved_on: Some(saved_on.to_owned()),
    })
}

fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| format!("{}: {}", String::from(e.name()), String::from(e.message())))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}
