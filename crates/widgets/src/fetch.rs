//! Fetching and reading the feed: one request per feed URL however many widgets use it, a
//! 10-second limit, one retry, and the last good copy kept in this browser for when the
//! network fails. The copy is the council's public feed, never anything a family typed.
//!
//! What comes back is checked before it is read: a body the server says is over the size
//! limit is never downloaded, and an HTML page (a CMS error or login page answering 200) is
//! refused by its type; neither is worth a retry.

use send_core::parse::{parse_feed_with, too_large_message, MAX_FEED_BYTES};
use send_core::widget::feed_fingerprint as fingerprint;
use send_core::Feed;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, Response};

/// How long a request may take before it counts as failed.
const TIMEOUT_MS: u32 = 10_000;
const STORAGE_PREFIX: &str = "send-pathways:feed:";
/// The last day the saved text was fetched again unchanged, and its fingerprint.
const SEEN_PREFIX: &str = "send-pathways:feed-seen:";

/// A feed ready to show, and when it was saved if it is the browser's copy rather than fresh.
#[derive(Clone)]
pub struct Loaded {
    pub feed: Rc<Feed>,
    /// `YYYY-MM-DD` the copy was saved, when the network failed and the saved copy is used.
    pub saved_on: Option<String>,
    /// The text's fingerprint, as a fallback drawn from it says ([`fingerprint`]).
    pub fingerprint: Rc<str>,
}

/// Why no feed could be shown; `text` is the feed as received when it could not be read.
pub struct Failure {
    pub message: String,
    pub text: Option<String>,
}

thread_local! {
    // The feeds this page has read, by address: one or two, so a list (a hash map cost 1.7 kB
    // of wasm for it).
    static FEEDS: RefCell<Vec<(String, Loaded)>> = const { RefCell::new(Vec::new()) };
}

/// Reads feed text, leaving the numbers the core's reader does not convert exactly itself to
/// the browser ([`browser_number`]).
fn parse_feed(text: &str) -> Result<Feed, send_core::FeedError> {
    parse_feed_with(text, browser_number)
}

/// A decimal number as the browser reads it (`Number.parseFloat`, for text in JSON's grammar
/// the same correctly rounded nearest `f64` as Rust's `str::parse`): the standard library's
/// conversion would add 14.5 kB brotli to every family build, for numbers the core's exact
/// reading leaves (more than 15 digits), which a council's figures never have.
pub(crate) fn browser_number(text: &str) -> Option<f64> {
    Some(js_sys::Number::parse_float(text)).filter(|n| !n.is_nan())
}

pub async fn feed(url: &str) -> Result<Loaded, Failure> {
    let known = |feeds: &Vec<(String, Loaded)>| {
        feeds
            .iter()
            .find(|(at, _)| at == url)
            .map(|(_, loaded)| loaded.clone())
    };
    if let Some(loaded) = FEEDS.with(|feeds| known(&feeds.borrow())) {
        return Ok(loaded);
    }
    let loaded = match fetch_with_retry(url).await {
        Ok(text) => match parse_feed(&text) {
            Ok(feed) => {
                let print = fingerprint(&text);
                save_copy(url, &text, &print);
                Loaded {
                    feed: Rc::new(feed),
                    saved_on: None,
                    fingerprint: print.into(),
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
    FEEDS.with(|feeds| feeds.borrow_mut().push((url.to_owned(), loaded.clone())));
    Ok(loaded)
}

async fn fetch_with_retry(url: &str) -> Result<String, String> {
    match fetch_text(url).await {
        Ok(text) => Ok(text),
        Err(Problem::Refused(why)) => Err(why),
        Err(Problem::Failed(first)) => {
            web_sys::console::warn_1(
                &format!(
                    "SEND Pathways: {url}: {}; trying once more",
                    describe(&first)
                )
                .into(),
            );
            match fetch_text(url).await {
                Ok(text) => Ok(text),
                Err(Problem::Refused(why)) => Err(why),
                Err(Problem::Failed(error)) => Err(describe(&error)),
            }
        }
    }
}

/// Why a fetch gave no feed text: worth another try, or not.
enum Problem {
    /// The network or the server failed (no answer, an error status, a broken connection).
    Failed(JsValue),
    /// The server answered with something that is not a feed: another try gives the same.
    Refused(String),
}

impl From<JsValue> for Problem {
    fn from(error: JsValue) -> Self {
        Problem::Failed(error)
    }
}

async fn fetch_text(url: &str) -> Result<String, Problem> {
    let window = web_sys::window().ok_or(JsValue::from_str("no window"))?;
    let init = RequestInit::new();
    let signal = AbortSignal::timeout_with_u32(TIMEOUT_MS);
    init.set_signal(Some(&signal));
    // Only the time limit aborts this request. Browsers name that abort differently while the
    // body is still arriving (Chromium 148: "AbortError: The user aborted a request"), so say
    // what happened in our own words.
    let timed_out = |error: JsValue| {
        if signal.aborted() {
            JsValue::from_str(&format!(
                "TimeoutError: the feed did not arrive whole within {} seconds",
                TIMEOUT_MS / 1000
            ))
        } else {
            error
        }
    };
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(timed_out)?
        .dyn_into()?;
    if !response.ok() {
        return Err(Problem::Failed(JsValue::from_str(&format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ))));
    }
    let header = |name: &str| response.headers().get(name).ok().flatten();
    if let Some(kind) = header("content-type").filter(|kind| !is_feed_type(kind)) {
        return Err(Problem::Refused(format!(
            "the server sent {kind}, not the JSON feed (is the address right, or is it an error or sign-in page?)"
        )));
    }
    // Before downloading: a server that announces an oversized body is not read at all.
    if let Some(length) = header("content-length").and_then(|l| l.trim().parse::<u64>().ok()) {
        if length > MAX_FEED_BYTES as u64 {
            return Err(Problem::Refused(too_large_message(length)));
        }
    }
    let text = JsFuture::from(response.text()?)
        .await
        .map_err(timed_out)?
        .as_string()
        .ok_or_else(|| JsValue::from_str("the response was not text"))?;
    // Compressed bodies announce their compressed size: check what arrived, before parsing.
    if text.len() > MAX_FEED_BYTES {
        return Err(Problem::Refused(too_large_message(text.len() as u64)));
    }
    Ok(text)
}

/// JSON under any of its names, plain text (some CMSs serve files so) or no useful type. An
/// HTML page, an image or anything else is not a feed, whatever it contains.
fn is_feed_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    matches!(
        essence.as_str(),
        "" | "application/json" | "text/json" | "text/plain" | "application/octet-stream"
    ) || essence.ends_with("+json")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps the feed text with today's date; a full or blocked storage only means no copy.
///
/// Most visits fetch the text already saved. Rewriting 80 kB or more of storage on each one
/// cost a slow phone about 20 ms before the widget could be used, so an unchanged text only
/// moves a small "last seen" record on to today.
fn save_copy(url: &str, text: &str, print: &str) {
    let (Some(storage), Some(today)) = (storage(), crate::dom::today()) else {
        return;
    };
    let seen_key = format!("{SEEN_PREFIX}{url}");
    let seen = format!("{today} {print}");
    let before = storage.get_item(&seen_key).ok().flatten();
    if before.as_deref() == Some(seen.as_str()) {
        return;
    }
    let unchanged = before
        .as_deref()
        .and_then(|b| b.split_once(' '))
        .is_some_and(|(_, before)| before == print);
    if unchanged
        || storage
            .set_item(
                &format!("{STORAGE_PREFIX}{url}"),
                &format!("{today}\n{text}"),
            )
            .is_ok()
    {
        let _ = storage.set_item(&seen_key, &seen);
    }
}

fn saved_copy(url: &str) -> Option<Loaded> {
    let storage = storage()?;
    let stored = storage.get_item(&format!("{STORAGE_PREFIX}{url}")).ok()??;
    let (saved_on, text) = stored.split_once('\n')?;
    let feed = parse_feed(text).ok()?;
    let print = fingerprint(text);
    // The copy is as fresh as the last fetch that found the same text.
    let seen = storage
        .get_item(&format!("{SEEN_PREFIX}{url}"))
        .ok()
        .flatten();
    let saved_on = seen
        .as_deref()
        .and_then(|seen| seen.split_once(' '))
        .filter(|(_, seen)| *seen == print)
        .map_or(saved_on, |(day, _)| day)
        .to_owned();
    web_sys::console::warn_1(
        &format!("SEND Pathways: {url} could not be fetched; showing the copy saved on {saved_on}")
            .into(),
    );
    Some(Loaded {
        feed: Rc::new(feed),
        saved_on: Some(saved_on),
        fingerprint: print.into(),
    })
}

fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            let error = error.dyn_ref::<js_sys::Error>()?;
            let name = String::from(error.name());
            let message = String::from(error.message());
            // Fetch says only "Failed to fetch" or "network error": say what that can mean.
            let hint = if name == "TypeError" {
                " (the connection failed or was closed, or the browser blocked it: is the feed on another site that does not allow this one (CORS), or missing from the page's Content Security Policy connect-src?)"
            } else {
                ""
            };
            Some(format!("{name}: {message}{hint}"))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}
