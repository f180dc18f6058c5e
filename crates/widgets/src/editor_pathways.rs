//! Pathways in the editor: the steps and stages as forms, each change through send-core's
//! typed pathway edits (which refuse, in words, an edit that would leave a dangling arrow or a
//! circle), and a preview of the map and the list drawn by the family widget's own renderers.

use super::{encode, into_error, Editor};
use send_core::edit::pathway::{pathways_form, PathwayEdit, StepText};
use send_core::edit::Edit;
use send_core::feed::Logic;
use send_core::pathway::state::PathwayView;
use send_core::render::common::RenderContext;
use send_core::render::pathway::{render_pathway_with, Seen};
use send_core::render::pathway_map::render_map;
use send_core::view::{el, Node};
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen]
impl Editor {
    /// `{languages, services: [{id, name}], pathways: [{id, title, stages, steps}]}`: every text
    /// as one value a feed language, in the feed's order.
    #[wasm_bindgen(js_name = pathwaysForm)]
    pub fn pathways_form(&self) -> Result<JsValue, JsValue> {
        encode(&pathways_form(self.session.current()))
    }

    fn pathway_edit(&mut self, edit: PathwayEdit) -> Result<(), JsValue> {
        self.session.apply(Edit::Pathway(edit)).map_err(into_error)
    }

    /// A step's text (`title`, `body`, `typical-wait`, `audience-text`, `while-waiting`) in
    /// `lang`; fails with the reason when refused.
    #[wasm_bindgen(js_name = setStepText)]
    pub fn set_step_text(
        &mut self,
        pathway: String,
        step: String,
        field: &str,
        lang: String,
        value: String,
    ) -> Result<(), JsValue> {
        let field =
            StepText::from_code(field).ok_or_else(|| JsValue::from_str("no such step text"))?;
        self.pathway_edit(PathwayEdit::StepText {
            pathway,
            step,
            field,
            lang,
            value,
        })
    }

    #[wasm_bindgen(js_name = setStepStage)]
    pub fn set_step_stage(
        &mut self,
        pathway: String,
        step: String,
        stage: String,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::StepStage {
            pathway,
            step,
            stage,
        })
    }

    #[wasm_bindgen(js_name = setStepServices)]
    pub fn set_step_services(
        &mut self,
        pathway: String,
        step: String,
        services: Vec<String>,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::StepServices {
            pathway,
            step,
            services,
        })
    }

    /// Next steps: `any` for one of them, anything else for all of them.
    #[wasm_bindgen(js_name = setStepNext)]
    pub fn set_step_next(
        &mut self,
        pathway: String,
        step: String,
        logic: &str,
        steps: Vec<String>,
    ) -> Result<(), JsValue> {
        let logic = if logic == "any" {
            Logic::Any
        } else {
            Logic::All
        };
        self.pathway_edit(PathwayEdit::StepNext {
            pathway,
            step,
            logic,
            steps,
        })
    }

    #[wasm_bindgen(js_name = setStepAges)]
    pub fn set_step_ages(
        &mut self,
        pathway: String,
        step: String,
        min_age: String,
        max_age: String,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::StepAges {
            pathway,
            step,
            min_age,
            max_age,
        })
    }

    /// The time limit's weeks and days as typed (empty for none).
    #[wasm_bindgen(js_name = setStepTimeLimit)]
    pub fn set_step_time_limit(
        &mut self,
        pathway: String,
        step: String,
        weeks: String,
        days: String,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::StepTimeLimitNumbers {
            pathway,
            step,
            weeks,
            days,
        })
    }

    #[wasm_bindgen(js_name = setStepOptional)]
    pub fn set_step_optional(
        &mut self,
        pathway: String,
        step: String,
        optional: bool,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::StepOptional {
            pathway,
            step,
            optional,
        })
    }

    #[wasm_bindgen(js_name = setStepIndicators)]
    pub fn set_step_indicators(
        &mut self,
        pathway: String,
        step: String,
        indicators: Vec<String>,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::StepIndicators {
            pathway,
            step,
            indicators,
        })
    }

    /// A new pathway with its first stage and step; fails with the reason when refused.
    #[wasm_bindgen(js_name = addPathway)]
    pub fn add_pathway(
        &mut self,
        title: String,
        stage: String,
        step: String,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::AddPathway { title, stage, step })
    }

    /// The pathway's title, or its summary with `summary`, in `lang`.
    #[wasm_bindgen(js_name = setPathwayText)]
    pub fn set_pathway_text(
        &mut self,
        pathway: String,
        summary: bool,
        lang: String,
        value: String,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::PathwayText {
            pathway,
            summary,
            lang,
            value,
        })
    }

    #[wasm_bindgen(js_name = removePathway)]
    pub fn remove_pathway(&mut self, pathway: String) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::RemovePathway { pathway })
    }

    #[wasm_bindgen(js_name = addStep)]
    pub fn add_step(
        &mut self,
        pathway: String,
        title: String,
        stage: String,
        after: Option<String>,
        before: Option<String>,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::AddStep {
            pathway,
            title,
            stage,
            after,
            before,
        })
    }

    #[wasm_bindgen(js_name = removeStep)]
    pub fn remove_step(
        &mut self,
        pathway: String,
        step: String,
        instead: Option<String>,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::RemoveStep {
            pathway,
            step,
            instead,
        })
    }

    #[wasm_bindgen(js_name = moveStep)]
    pub fn move_step(&mut self, pathway: String, step: String, up: bool) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::MoveStep { pathway, step, up })
    }

    #[wasm_bindgen(js_name = addStage)]
    pub fn add_stage(&mut self, pathway: String, title: String) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::AddStage { pathway, title })
    }

    #[wasm_bindgen(js_name = removeStage)]
    pub fn remove_stage(&mut self, pathway: String, stage: String) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::RemoveStage { pathway, stage })
    }

    #[wasm_bindgen(js_name = moveStage)]
    pub fn move_stage(&mut self, pathway: String, stage: String, up: bool) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::MoveStage { pathway, stage, up })
    }

    #[wasm_bindgen(js_name = setStageTitle)]
    pub fn set_stage_title(
        &mut self,
        pathway: String,
        stage: String,
        lang: String,
        value: String,
    ) -> Result<(), JsValue> {
        self.pathway_edit(PathwayEdit::StageTitle {
            pathway,
            stage,
            lang,
            value,
        })
    }

    /// Draws the pathway as families will see it, from the draft: the map into `map` and the
    /// list of steps into `list` (in English, not interactive, ids prefixed so the two and the
    /// form never clash).
    #[wasm_bindgen(js_name = renderPathway)]
    pub fn render_pathway(
        &self,
        map: &Element,
        list: &Element,
        pathway: &str,
    ) -> Result<(), JsValue> {
        let feed = self.session.current();
        let found = feed
            .pathway(pathway)
            .ok_or_else(|| JsValue::from_str("no such pathway"))?;
        let view = PathwayView::new(feed.updated);
        let context = |id_prefix| RenderContext {
            feed,
            lang: send_core::Lang::En,
            heading_level: 4,
            id_prefix,
            interactive: false,
        };
        let map_ctx = context("pv-map");
        let map_tree = el("div")
            .class("sp sp-pathway")
            .attr("lang", "en")
            .child(render_map(&map_ctx, &Seen::new(found, &view)));
        let list_tree = render_pathway_with(&context("pv-list"), found, &view);
        let document = crate::dom::document()?;
        map.replace_children_with_node_1(&crate::dom::build(&document, &Node::Element(map_tree))?);
        list.replace_children_with_node_1(&crate::dom::build(&document, &list_tree)?);
        Ok(())
    }
}
