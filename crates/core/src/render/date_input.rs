//! A date question as GOV.UK draws one: three fields (day, month, year) in a fieldset whose
//! legend is the question, a hint linked to it, and the problem said in words at the fields.
//! Both widgets use it (the pathway's clock, the tracker's "changed since"); what the fields
//! mean is [`crate::date_entry`].

use crate::action::Action;
use crate::date_entry::{error_prefix, hint_words, label, DateParts, Part};
use crate::render::common::RenderContext;
use crate::view::{el, Element};

/// One date question.
pub struct DateInput<'a> {
    /// The fields' ids start with this (`…-day`); the hint and error are `…-hint`, `…-error`.
    pub id: String,
    /// The fields' names start with this (`…-day`): [`Part::from_name`] reads them back.
    pub name: &'a str,
    /// The question, as the legend's content.
    pub legend: Element,
    /// Words said before the example in the hint (what the date does), if any.
    pub hint: Option<&'a str>,
    pub action: Action,
    pub parts: &'a DateParts,
}

/// The fieldset. Its shape never changes with what is typed (the error paragraph is always
/// there, empty and hidden when there is no problem), so a patch changes only words and
/// attributes and the field in use stays the same element.
pub fn date_input(ctx: &RenderContext, input: DateInput) -> Element {
    let hint_id = format!("{}-hint", input.id);
    let error_id = format!("{}-error", input.id);
    let problem = input.parts.problem();
    let mut described = hint_id.clone();
    let mut error = el("p")
        .class("sp-error-message")
        .attr("id", error_id.clone());
    match problem {
        Some(problem) => {
            described = format!("{described} {error_id}");
            error = error
                .child(
                    el("span")
                        .class("sp-visually-hidden")
                        .text(format!("{} ", error_prefix(ctx.lang))),
                )
                .text(problem.words(ctx.lang));
        }
        None => error = error.attr("hidden", ""),
    }
    let fields = Part::ALL.into_iter().map(|part| {
        let id = format!("{}-{}", input.id, part.code());
        let mut field = el("input")
            .class(if part == Part::Year {
                "sp-input sp-input--width-4"
            } else {
                "sp-input sp-input--width-2"
            })
            .attr("id", id.clone())
            .attr("name", format!("{}-{}", input.name, part.code()))
            .attr("type", "text")
            .attr("inputmode", "numeric")
            .attr("autocomplete", "off")
            .attr("value", input.parts.get(part).to_owned())
            .attr(Action::ATTR, input.action.code());
        if problem.is_some_and(|p| p.involves(part)) {
            field = field.attr("aria-invalid", "true");
        }
        el("div")
            .class("sp-date-input__item")
            .child(
                el("label")
                    .class("sp-date-input__label")
                    .attr("for", id)
                    .text(label(part, ctx.lang)),
            )
            .child(field)
    });
    let group = if problem.is_some() {
        "sp-date sp-date--error"
    } else {
        "sp-date"
    };
    el("div").class(group).child(
        el("fieldset")
            .class("sp-date__fieldset")
            .attr("role", "group")
            .attr("aria-describedby", described)
            .child(input.legend.class("sp-date__legend"))
            .child(
                el("p")
                    .class("sp-hint")
                    .attr("id", hint_id)
                    .text(match input.hint {
                        Some(hint) => format!("{hint} {}", hint_words(ctx.lang)),
                        None => hint_words(ctx.lang).to_owned(),
                    }),
            )
            .child(error)
            .child(el("div").class("sp-date-input").children(fields)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date_entry::DateParts;
    use crate::text::Lang;
    use crate::view::Node;

    fn parts(day: &str, month: &str, year: &str) -> DateParts {
        DateParts {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    #[test]
    fn the_fieldset_links_its_hint_and_says_the_problem_at_the_fields() {
        let feed = crate::parse_feed(
            r#"{"version":1,"publisher":{"name":"Made-up council"},"updated":"2024-01-01","languages":["en"]}"#,
        )
        .unwrap();
        let ctx = RenderContext::for_test(&feed, Lang::En, true);
        let draw = |p: &DateParts| {
            Node::from(date_input(
                &ctx,
                DateInput {
                    id: "t-when".into(),
                    name: "when",
                    hint: None,
                    legend: el("legend").text("When did it start?"),
                    action: Action::Clock,
                    parts: p,
                },
            ))
        };
        let fine = draw(&parts("2", "9", "2024")).to_html();
        for expected in [
            "role=\"group\" aria-describedby=\"t-when-hint\"",
            "<legend class=\"sp-date__legend\">When did it start?</legend>",
            "<p class=\"sp-hint\" id=\"t-when-hint\">For example, 27 3 2024</p>",
            "<p class=\"sp-error-message\" id=\"t-when-error\" hidden=\"\"></p>",
            "<label class=\"sp-date-input__label\" for=\"t-when-month\">Month</label>",
            "name=\"when-year\" type=\"text\" inputmode=\"numeric\"",
            "value=\"2024\"",
        ] {
            assert!(fine.contains(expected), "{expected}\n{fine}");
        }
        assert!(!fine.contains("aria-invalid"), "{fine}");
        let wrong = draw(&parts("31", "2", "2024"));
        let html = wrong.to_html();
        assert!(
            html.contains("aria-describedby=\"t-when-hint t-when-error\"")
                && html.contains(
                    "<span class=\"sp-visually-hidden\">Error: </span>The date must be a real date"
                )
                && html.matches("aria-invalid=\"true\"").count() == 3,
            "{html}"
        );
        let year = draw(&parts("2", "9", "24")).to_html();
        assert_eq!(year.matches("aria-invalid=\"true\"").count(), 1, "{year}");
        // The same shape with and without a problem: a patch changes attributes and the error's
        // words (the fieldset's third child), never the fields.
        use crate::pathway::patch::{diff, Patch};
        let old = draw(&parts("2", "9", "2024"));
        for patch in diff(&old, &wrong) {
            match patch {
                Patch::SetAttr { .. } | Patch::RemoveAttr { .. } => {}
                Patch::ReplaceChildren { ref path, .. } if path == &[0, 2] => {}
                other => panic!("{other:?}"),
            }
        }
    }
}
