//! The plan's key figures (KPIs): each indicator in words first, then its chart and table.
//!
//! The words carry what a parent asks: the latest figure against what the plan aimed for
//! then, the target, and which way is better. Parts the feed lacks are left out or said to
//! be missing; a missing figure is never drawn or written as zero.

use crate::feed::{Better, Indicator};
use crate::i18n::{fill, format_date, Msg};
use crate::render::chart::figure;
use crate::render::common::{format_value, RenderContext};
use crate::tracker::indicator::facts;
use crate::view::{el, Element};

/// "48% in 2023; the plan aimed for 50%. Target: at least 90% … (2023). Higher is better."
pub fn words(ctx: &RenderContext, indicator: &Indicator) -> Element {
    let value = |v: f64| format_value(v, indicator.unit);
    let facts = facts(indicator);
    let mut sentences = Vec::new();
    match facts.latest {
        Some(latest) => {
            let mut sentence = format!(
                "{}: {}",
                ctx.msg(Msg::Latest),
                fill(
                    ctx.msg(Msg::LatestFigure),
                    &[
                        ("value", &value(latest.value)),
                        ("period", &format_date(latest.period, ctx.lang)),
                    ],
                )
            );
            if let Some(planned) = facts.planned_then {
                sentence.push_str("; ");
                sentence.push_str(&fill(
                    ctx.msg(Msg::PlanAimedFor),
                    &[("value", &value(planned.value))],
                ));
            }
            sentences.push(sentence + ctx.msg(Msg::SentenceEnd));
        }
        None => {
            sentences.push(ctx.msg(Msg::NoActualYet).to_owned());
            if let Some(end) = facts.planned_end {
                sentences.push(fill(
                    ctx.msg(Msg::PlannedEnd),
                    &[
                        ("value", &value(end.value)),
                        ("period", &format_date(end.period, ctx.lang)),
                    ],
                ));
            }
        }
    }
    if let Some(target) = &indicator.target {
        let mut sentence = format!("{}: {}", ctx.msg(Msg::Target), ctx.str(&target.text));
        if let Some(by) = target.by {
            sentence.push_str(&format!(" ({})", format_date(by, ctx.lang)));
        }
        sentences.push(sentence + ctx.msg(Msg::SentenceEnd));
    }
    sentences.push(
        ctx.msg(match indicator.better {
            Better::Higher => Msg::BetterHigher,
            Better::Lower => Msg::BetterLower,
        })
        .to_owned(),
    );
    el("p")
        .class("sp-indicator__words")
        .text(sentences.join(" "))
}

fn facts_list(ctx: &RenderContext, indicator: &Indicator) -> Element {
    let mut rows = Vec::new();
    if let Some(baseline) = &indicator.baseline {
        rows.push((
            Msg::StartingPoint,
            el("dd").text(format!(
                "{} ({})",
                format_value(baseline.value, indicator.unit),
                format_date(baseline.period, ctx.lang)
            )),
        ));
    }
    if let Some(comparator) = &indicator.comparator {
        rows.push((
            Msg::Comparator,
            el("dd")
                .child(ctx.text_el("span", &comparator.label))
                .text(format!(
                    ": {}",
                    format_value(comparator.value, indicator.unit)
                )),
        ));
    }
    rows.push((Msg::Source, ctx.text_el("dd", &indicator.source)));
    ctx.facts(rows)
}

/// One indicator: title, words, facts, and its chart when it has enough figures.
pub fn indicator(ctx: &RenderContext, indicator: &Indicator, depth: u8) -> Element {
    let mut item = el("li")
        .class("sp-indicator")
        .attr("id", ctx.id(&format!("kpi-{}", indicator.id)))
        .child(ctx.text_el(ctx.heading(depth).tag, &indicator.title));
    if let Some(description) = &indicator.description {
        item = item.child(ctx.text_el("p", description));
    }
    item = item
        .child(words(ctx, indicator))
        .child(facts_list(ctx, indicator));
    if let Some(figure) = figure(ctx, indicator) {
        item = item.child(figure);
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Feed;
    use crate::text::Lang;
    use crate::tracker::indicator::tests::indicator as sample;
    use crate::view::Node;

    fn context(feed: &Feed, lang: Lang) -> RenderContext<'_> {
        RenderContext::for_test(feed, lang, false)
    }

    fn feed() -> Feed {
        crate::parse_feed(
            r#"{"version":1,"publisher":{"name":"x"},"updated":"2024-01-01","languages":["en"]}"#,
        )
        .unwrap()
    }

    #[test]
    fn words_compare_the_latest_figure_with_the_plan_and_target() {
        let feed = feed();
        let ctx = context(&feed, Lang::En);
        let text = Node::from(words(&ctx, &sample())).text_content();
        assert_eq!(
            text,
            "Latest: 250 in December 2022; the plan aimed for 247. Target: under 150 (December 2023). Lower is better."
        );
        let mut no_actuals = sample();
        no_actuals.actual.clear();
        let text = Node::from(words(&ctx, &no_actuals)).text_content();
        assert!(
            text.starts_with("No actual figures have been published"),
            "{text}"
        );
        assert!(
            text.contains("ends at 139 in December 2023") && !text.contains(" 0"),
            "{text}"
        );
    }

    #[test]
    fn bengali_words_end_each_sentence_with_the_dari_and_keep_latin_digits() {
        let feed = feed();
        let ctx = context(&feed, Lang::Bn);
        let text = Node::from(words(&ctx, &sample())).text_content();
        assert_eq!(
            text,
            "সর্বশেষ: ডিসেম্বর 2022-এ 250; পরিকল্পনা অনুযায়ী এটি 247 হওয়ার কথা ছিল। লক্ষ্য: under 150 (ডিসেম্বর 2023)। কম হলে ভালো।"
        );
    }
}
