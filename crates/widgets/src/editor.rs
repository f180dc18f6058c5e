//! The officer's editor (`www/edit.html`): one editing session of the core, exposed to
//! `www/edit.js`. Each method decodes its arguments, calls the core and encodes the answer;
//! what an edit does, what a field may hold and what changed are all decided in
//! `send_core::edit`. Nothing leaves the page: the draft is kept by the page in this browser.

use chrono::NaiveDate;
use send_core::edit::figures::NewFigure;
use send_core::edit::form::DateFields;
use send_core::edit::updates::TypedUpdate;
use send_core::edit::{MeasureAt, Session};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::Element;

// Spreadsheets in and out, in their own file (a child module, to reach the session).
#[path = "editor_sheets.rs"]
mod sheets;
// Pathways' steps and stages, with a preview of the map and the list.
#[path = "editor_pathways.rs"]
mod pathways;

fn day(text: &str) -> Result<NaiveDate, JsValue> {
    send_core::date::parse_day(text)
        .ok_or_else(|| JsValue::from_str("today must be a date in the form YYYY-MM-DD"))
}

fn encode<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    serde_wasm_bindgen::to_value(value).map_err(JsValue::from)
}

fn into_error(error: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&error.to_string())
}

fn at(workstream: usize, action: usize, measure: usize) -> MeasureAt {
    MeasureAt {
        workstream,
        action,
        measure,
    }
}

#[wasm_bindgen]
pub struct Editor {
    session: Session,
}

#[wasm_bindgen]
impl Editor {
    /// Opens feed text; fails with the first problem's line, column and message.
    pub fn open(text: &str) -> Result<Editor, JsValue> {
        Ok(Editor {
            session: Session::open(text).map_err(into_error)?,
        })
    }

    /// Continues a draft: the text first opened and the text as edited.
    pub fn resume(original: &str, current: &str) -> Result<Editor, JsValue> {
        Ok(Editor {
            session: Session::resume(original, current).map_err(into_error)?,
        })
    }

    #[wasm_bindgen(js_name = originalText)]
    pub fn original_text(&self) -> String {
        self.session.original_text()
    }

    #[wasm_bindgen(js_name = currentText)]
    pub fn current_text(&self) -> String {
        self.session.current_text()
    }

    /// Every measure grouped by workstream and action, with what families will see.
    #[wasm_bindgen(js_name = termlyUpdate)]
    pub fn termly_update(&self, today: &str) -> Result<JsValue, JsValue> {
        encode(&self.session.termly_update(day(today)?))
    }

    /// Records a status (`off_track`, or empty for none); returns the measure's row.
    #[wasm_bindgen(js_name = setStatus)]
    pub fn set_status(
        &mut self,
        workstream: usize,
        action: usize,
        measure: usize,
        status: &str,
        today: &str,
    ) -> Result<JsValue, JsValue> {
        let at = at(workstream, action, measure);
        let row = self
            .session
            .set_status(at, status, day(today)?)
            .map_err(into_error)?;
        encode(&row)
    }

    #[wasm_bindgen(js_name = setEvidence)]
    pub fn set_evidence(
        &mut self,
        workstream: usize,
        action: usize,
        measure: usize,
        evidence: &str,
        today: &str,
    ) -> Result<JsValue, JsValue> {
        let at = at(workstream, action, measure);
        let row = self
            .session
            .set_evidence(at, evidence, day(today)?)
            .map_err(into_error)?;
        encode(&row)
    }

    /// The "confirmed on" boxes as typed.
    #[wasm_bindgen(js_name = setConfirmedOn)]
    #[allow(clippy::too_many_arguments)]
    pub fn set_confirmed_on(
        &mut self,
        workstream: usize,
        action: usize,
        measure: usize,
        day_box: String,
        month_box: String,
        year_box: String,
        today: &str,
    ) -> Result<JsValue, JsValue> {
        let fields = DateFields {
            day: day_box,
            month: month_box,
            year: year_box,
        };
        let at = at(workstream, action, measure);
        let row = self
            .session
            .set_confirmed_on(at, &fields, day(today)?)
            .map_err(into_error)?;
        encode(&row)
    }

    /// Every indicator with its figures: `[{id, title, percent, figures: [{index, period,
    /// value, note}]}]`.
    #[wasm_bindgen(js_name = indicatorFigures)]
    pub fn indicator_figures(&self) -> Result<JsValue, JsValue> {
        encode(&self.session.indicator_figures())
    }

    /// Adds a figure as typed: `{added, warnings, problem: {part, message} | null}`.
    #[wasm_bindgen(js_name = addFigure)]
    #[allow(clippy::too_many_arguments)]
    pub fn add_figure(
        &mut self,
        indicator: &str,
        day_box: String,
        month_box: String,
        year_box: String,
        value: String,
        note: String,
        today: &str,
    ) -> Result<JsValue, JsValue> {
        let typed = NewFigure {
            period: DateFields {
                day: day_box,
                month: month_box,
                year: year_box,
            },
            value,
            note,
        };
        #[derive(Serialize)]
        struct Added {
            added: bool,
            warnings: Vec<String>,
            problem: Option<send_core::edit::figures::FigureProblem>,
        }
        let added = match self
            .session
            .add_figure(indicator, &typed, day(today)?)
            .map_err(into_error)?
        {
            Ok(warnings) => Added {
                added: true,
                warnings,
                problem: None,
            },
            Err(problem) => Added {
                added: false,
                warnings: Vec::new(),
                problem: Some(problem),
            },
        };
        encode(&added)
    }

    #[wasm_bindgen(js_name = removeFigure)]
    pub fn remove_figure(&mut self, indicator: &str, index: usize) -> Result<(), JsValue> {
        self.session
            .remove_figure(indicator, index)
            .map_err(into_error)
    }

    #[wasm_bindgen(js_name = setFigureValue)]
    pub fn set_figure_value(
        &mut self,
        indicator: &str,
        index: usize,
        value: &str,
    ) -> Result<(), JsValue> {
        self.session
            .set_figure_value(indicator, index, value)
            .map_err(into_error)
    }

    #[wasm_bindgen(js_name = setFigureNote)]
    pub fn set_figure_note(
        &mut self,
        indicator: &str,
        index: usize,
        note: &str,
    ) -> Result<(), JsValue> {
        self.session
            .set_figure_note(indicator, index, note)
            .map_err(into_error)
    }

    /// Draws the indicator into `container` as the tracker shows it to families (words, facts,
    /// chart and table), from the feed as edited.
    #[wasm_bindgen(js_name = renderIndicator)]
    pub fn render_indicator(&self, container: &Element, indicator: &str) -> Result<(), JsValue> {
        let feed = self.session.current();
        let found = feed
            .indicator(indicator)
            .ok_or_else(|| JsValue::from_str("no such indicator"))?;
        let ctx = send_core::render::common::RenderContext {
            feed,
            lang: send_core::Lang::En,
            heading_level: 4,
            id_prefix: "preview",
            interactive: false,
        };
        let tree = send_core::view::el("div").class("sp sp-tracker").child(
            send_core::view::el("ul")
                .class("sp-indicators")
                .child(send_core::render::kpi::indicator(&ctx, found, 0)),
        );
        let document = crate::dom::document()?;
        container.replace_children_with_node_1(&crate::dom::build(
            &document,
            &send_core::view::Node::Element(tree),
        )?);
        Ok(())
    }

    /// `{entries: [{index, date, date_words, you_said, we_did, source, actions}], actions:
    /// [{reference, title}]}`: the "You said, we did" entries and the actions they can name.
    pub fn updates(&self) -> Result<JsValue, JsValue> {
        encode(&self.session.updates())
    }

    /// Adds an entry typed as `{date: {day, month, year}, you_said, we_did, source, actions}`:
    /// `{added, problem: {part, message} | null}`.
    #[wasm_bindgen(js_name = addUpdate)]
    pub fn add_update(&mut self, typed: JsValue, today: &str) -> Result<JsValue, JsValue> {
        let typed: TypedUpdate = serde_wasm_bindgen::from_value(typed)?;
        #[derive(Serialize)]
        struct Added {
            added: bool,
            problem: Option<send_core::edit::updates::UpdateProblem>,
        }
        let added = match self
            .session
            .add_update(&typed, day(today)?)
            .map_err(into_error)?
        {
            Ok(()) => Added {
                added: true,
                problem: None,
            },
            Err(problem) => Added {
                added: false,
                problem: Some(problem),
            },
        };
        encode(&added)
    }

    /// Changes entry `index` to what is typed (the same shape as for `addUpdate`).
    #[wasm_bindgen(js_name = changeUpdate)]
    pub fn change_update(
        &mut self,
        index: usize,
        typed: JsValue,
        today: &str,
    ) -> Result<(), JsValue> {
        let typed: TypedUpdate = serde_wasm_bindgen::from_value(typed)?;
        self.session
            .change_update(index, &typed, day(today)?)
            .map_err(into_error)
    }

    #[wasm_bindgen(js_name = removeUpdate)]
    pub fn remove_update(&mut self, index: usize) -> Result<(), JsValue> {
        self.session.remove_update(index).map_err(into_error)
    }

    /// `[{index, id, name, words, contact: [name, phone, email, url, note], used_by, notes:
    /// [{field, message, stale}]}]`.
    pub fn services(&self) -> Result<JsValue, JsValue> {
        encode(&self.session.services())
    }

    /// One contact box of service `index` as typed (`name`, `phone`, `email`, `url`, `note`).
    #[wasm_bindgen(js_name = setContactField)]
    pub fn set_contact_field(
        &mut self,
        index: usize,
        field: &str,
        typed: &str,
    ) -> Result<(), JsValue> {
        self.session
            .set_contact_field(index, field, typed)
            .map_err(into_error)
    }

    /// One of service `index`'s words as typed (`service-name`, `description`, `eligibility`,
    /// `access`, `cost`).
    #[wasm_bindgen(js_name = setServiceText)]
    pub fn set_service_text(
        &mut self,
        index: usize,
        field: &str,
        typed: &str,
    ) -> Result<(), JsValue> {
        self.session
            .set_service_text(index, field, typed)
            .map_err(into_error)
    }

    /// Adds a service with this name: `null`, or the message for the name box.
    #[wasm_bindgen(js_name = addService)]
    pub fn add_service(&mut self, name: &str) -> Option<String> {
        self.session.add_service(name).err()
    }

    /// Removes service `index` (and, with `from_steps`, takes it out of the steps using it):
    /// `null`, or why not, naming those steps.
    #[wasm_bindgen(js_name = removeService)]
    pub fn remove_service(&mut self, index: usize, from_steps: bool) -> Option<String> {
        self.session
            .remove_service(index, from_steps)
            .err()
            .map(|e| e.to_string())
    }

    /// `[{code, name}]`: the feed's languages in its order, the first the one families fall
    /// back to.
    pub fn languages(&self) -> Result<JsValue, JsValue> {
        encode(&self.session.languages())
    }

    /// A translation typed into a text's box for `lang`, the place named by its kind, key and
    /// numbers (`send_core::edit::languages::TextPlace::from_parts`). `null`, or why it could
    /// not go in.
    #[wasm_bindgen(js_name = setTranslation)]
    #[allow(clippy::too_many_arguments)]
    pub fn set_translation(
        &mut self,
        kind: &str,
        key: &str,
        first: usize,
        second: usize,
        third: usize,
        lang: &str,
        value: &str,
    ) -> Result<Option<String>, JsValue> {
        let place =
            send_core::edit::languages::TextPlace::from_parts(kind, key, [first, second, third])
                .ok_or_else(|| JsValue::from_str("no such text place"))?;
        self.session
            .set_translation(place, lang, value)
            .map_err(into_error)
    }

    /// `{errors, warnings}`, each `{field, message}`: the checker on the feed as edited.
    pub fn check(&self, today: &str) -> Result<JsValue, JsValue> {
        encode(&self.session.check(day(today)?))
    }

    /// `{check, changes, file_name, text}`: the feed to download dated today (empty `text`
    /// when errors block it) and what changed since it was opened, in words.
    pub fn publish(&self, today: &str) -> Result<JsValue, JsValue> {
        encode(&self.session.publish(day(today)?))
    }
}

#[derive(Serialize)]
struct StatusChoice {
    code: &'static str,
    words: &'static str,
}

/// The statuses an officer can record, `{code, words}`, in the order the form lists them.
#[wasm_bindgen(js_name = statusChoices)]
pub fn status_choices() -> Result<JsValue, JsValue> {
    let choices = send_core::edit::STATUSES.map(|status| StatusChoice {
        code: send_core::edit::status_code(status),
        words: send_core::edit::status_words(status),
    });
    encode(&choices)
}

/// How many characters a long text box should hold, for its hint.
#[wasm_bindgen(js_name = longTextLimit)]
pub fn long_text_limit() -> usize {
    send_core::edit::form::LONG_TEXT_CHARS
}

/// The count under a long text box: "You have 20 characters remaining", or "... too many".
#[wasm_bindgen(js_name = characterCount)]
pub fn character_count(text: &str) -> String {
    send_core::edit::form::character_count(text, send_core::edit::form::LONG_TEXT_CHARS)
}

/// A service's word boxes, `[[code, label, hint]]`, in the order `services()` gives `words`.
#[wasm_bindgen(js_name = serviceFields)]
pub fn service_fields() -> Result<JsValue, JsValue> {
    let fields =
        send_core::edit::services::SERVICE_FIELDS.map(|(_, code, label, hint)| [code, label, hint]);
    encode(&fields)
}

/// The contact boxes, `[[field, label]]`, in the order `services()` gives their values.
#[wasm_bindgen(js_name = contactFields)]
pub fn contact_fields() -> Result<JsValue, JsValue> {
    encode(&send_core::edit::services::CONTACT_FIELDS)
}

/// An element id for a form box named after a feed id (`pw`, `step one` → `pw-step_20one`),
/// made safe as the family widgets' ids are: a feed id may hold spaces or quotes, and an id
/// with a space is two names to `aria-describedby` and `aria-labelledby`.
#[wasm_bindgen(js_name = elementId)]
pub fn element_id(prefix: &str, feed_id: &str) -> String {
    send_core::render::common::element_id(prefix, feed_id)
}
