//! Fetching and reading the feed. One request per feed URL, however many widgets use it.

use send_core::{parse_feed, Feed};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

thread_local! {
    static FEEDS: RefCell<HashMap<String, Rc<Feed>>> = RefCell::new(HashMap::new());
}

/// The feed at `url` (relative to the page), parsed. `Err` explains the failure for editors.
pub async fn feed(url: &str) -> Result<Rc<Feed>, String> {
    if let Some(feed) = FEEDS.with(|feeds| feeds.borrow().get(url).cloned()) {
        return Ok(feed);
    }
    let text = fetch_text(url)
        .await
        .map_err(|error| format!("could not fetch the feed {url}: {}", describe(&error)))?;
    let feed = Rc::new(
        parse_feed(&text).map_err(|error| format!("the feed {url} is not valid: {error}"))?,
    );
    FEEDS.with(|feeds| feeds.borrow_mut().insert(url.to_owned(), Rc::clone(&feed)));
    Ok(feed)
}

async fn fetch_text(url: &str) -> Result<String, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
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

fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}
