//! The officer's in-browser checker: the core's validator and renderers, exposed to
//! `www/check.js`. Nothing the officer pastes leaves the page.

use crate::{dom, events};
use chrono::NaiveDate;
use send_core::options::WidgetOptions;
use send_core::validate::{validate_feed, Diagnostic};
use send_core::widget::render_fallback as fallback_tree;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[derive(Serialize)]
struct CheckResult<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
    /// Each diagnostic's path in words, counting from 1 as the messages do.
    places: Vec<String>,
}

fn date(text: &str) -> Result<NaiveDate, JsValue> {
    send_core::date::parse_day(text)
        .ok_or_else(|| JsValue::from_str("today must be a date in the form YYYY-MM-DD"))
}

/// Every problem in `text` as of `today` (YYYY-MM-DD): `{errors, warnings, diagnostics, places}`.
#[wasm_bindgen(js_name = checkFeed)]
pub fn check_feed(text: &str, today: &str) -> Result<JsValue, JsValue> {
    let report = validate_feed(text, date(today)?);
    let result = CheckResult {
        errors: report.errors(),
        warnings: report.warnings(),
        diagnostics: &report.diagnostics,
        places: report
            .diagnostics
            .iter()
            .map(|d| send_core::validate::path_in_words(&d.path))
            .collect(),
    };
    serde_wasm_bindgen::to_value(&result).map_err(JsValue::from)
}

/// The no-JavaScript fallback HTML of a widget, exactly as `sendfeed render` prints it: for the
/// embed-code builder's snippet and the WordPress block, which put it inside the placeholder.
/// `plan` is the tracker's `data-plan` (last, so callers without it need not change). Fails
/// when the feed has errors or the options name nothing in it.
#[wasm_bindgen(js_name = renderFallback)]
pub fn render_fallback(
    text: &str,
    widget: &str,
    pathway: Option<String>,
    lang: &str,
    heading_level: &str,
    today: &str,
    plan: Option<String>,
) -> Result<String, JsValue> {
    let report = validate_feed(text, date(today)?);
    let feed = report
        .feed
        .ok_or_else(|| JsValue::from_str("the feed has errors: check it with check.html"))?;
    let (options, _) = WidgetOptions::from_attributes(|name| match name {
        "data-send-widget" => Some(widget.to_owned()),
        "data-feed" => Some("fallback".to_owned()),
        "data-pathway" => pathway.clone(),
        "data-lang" => Some(lang.to_owned()),
        "data-heading-level" => Some(heading_level.to_owned()),
        "data-plan" => plan.clone(),
        _ => None,
    })
    .map_err(|e| JsValue::from_str(&e))?;
    // The pathway id may hold characters an `id` cannot.
    let prefix = send_core::render::common::element_id(
        "spf",
        options.pathway.as_deref().unwrap_or("widget"),
    );
    let tree = fallback_tree(&feed, text, &options, &prefix).map_err(|e| JsValue::from_str(&e))?;
    Ok(tree.to_html())
}

/// Renders a widget from feed `text` into `container`, as a family would see it. Fails (leaving
/// the container as it was) when the feed has errors or the options name nothing in it.
#[wasm_bindgen(js_name = renderPreview)]
pub fn render_preview(
    container: &Element,
    text: &str,
    widget: &str,
    pathway: Option<String>,
    lang: &str,
    today: &str,
) -> Result<(), JsValue> {
    let today = date(today)?;
    let report = validate_feed(text, today);
    let feed = report
        .feed
        .ok_or_else(|| JsValue::from_str("the feed has errors: fix them to see the preview"))?;
    let (options, _) = WidgetOptions::from_attributes(|name| match name {
        "data-send-widget" => Some(widget.to_owned()),
        "data-feed" => Some("preview".to_owned()),
        "data-pathway" => pathway.clone(),
        "data-lang" => Some(lang.to_owned()),
        _ => None,
    })
    .map_err(|e| JsValue::from_str(&e))?;
    let prefix = format!("preview-{widget}");
    // As of the "Check as of" day, as the checker's own messages are.
    let tree = send_core::widget::render_widget_at(
        &feed,
        &options,
        &prefix,
        true,
        today,
        &Default::default(),
    )
    .map_err(|e| JsValue::from_str(&e))?;
    let document = dom::document()?;
    container.replace_children_with_node_1(&dom::build(&document, &tree)?);
    // One delegated listener per container for the page's life; it reads state from the DOM,
    // so re-rendering inside needs no new listener. A listener is removed when dropped, so it
    // is kept for good (at most one per container: the attribute guards it).
    if !container.has_attribute("data-sp-wired") {
        container.set_attribute("data-sp-wired", "")?;
        for listener in events::wire(container) {
            listener.forget();
        }
    }
    Ok(())
}
