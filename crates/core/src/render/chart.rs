//! An indicator's figures as an SVG line chart and as a table.
//!
//! Both are always shown, the drawing first. The table is the accessible data, and the only
//! one: the drawing and its legend are hidden from screen readers (`aria-hidden`), since every
//! figure they draw is in the table and the comparator is said in the indicator's facts. There
//! is no "Show as a table" switch: with the table always in the accessibility tree, it changed
//! nothing for a screen reader, and a sighted reader who wants the figures has them below the
//! drawing (issue 20).
//! The SVG has no inline styles (a strict CSP forbids them); line patterns and markers, not
//! colour, tell the series apart, so it prints in black and white.

use crate::feed::{Indicator, Unit};
use crate::i18n::{format_date, Msg};
use crate::render::common::{fixed, format_value, RenderContext};
use crate::tracker::chart::{chart, Chart, HEIGHT, WIDTH};
use crate::tracker::indicator::figure_rows;
use crate::view::{el, Element};

fn xy(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", fixed(*x, 1), fixed(*y, 1)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn line(class: &'static str, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) -> Element {
    el("line")
        .attr("class", class)
        .attr("x1", fixed(x1, 1))
        .attr("y1", fixed(y1, 1))
        .attr("x2", fixed(x2, 1))
        .attr("y2", fixed(y2, 1))
}

fn label(class: &'static str, (x, y): (f64, f64), anchor: &'static str, text: String) -> Element {
    el("text")
        .attr("class", class)
        .attr("x", fixed(x, 1))
        .attr("y", fixed(y, 1))
        .attr("text-anchor", anchor)
        .text(text)
}

fn marker(class: &'static str, (x, y): (f64, f64)) -> Element {
    el("circle")
        .attr("class", class)
        .attr("cx", fixed(x, 1))
        .attr("cy", fixed(y, 1))
        .attr("r", "4")
}

fn square(class: &'static str, (x, y): (f64, f64)) -> Element {
    el("rect")
        .attr("class", class)
        .attr("x", fixed(x - 4.0, 1))
        .attr("y", fixed(y - 4.0, 1))
        .attr("width", "8")
        .attr("height", "8")
}

fn diamond(class: &'static str, (x, y): (f64, f64)) -> Element {
    el("path").attr("class", class).attr(
        "d",
        format!("M{} {}l5 5-5 5-5-5z", fixed(x, 1), fixed(y - 5.0, 1)),
    )
}

/// The SVG for a chart model, hidden from screen readers: its figures are in the table.
fn svg(ctx: &RenderContext, indicator: &Indicator, chart: &Chart) -> Element {
    let (left, right) = chart.x.range;
    let (bottom, top) = chart.y.range;
    let unit = match indicator.unit {
        Unit::Number => Msg::AxisNumber,
        Unit::Percent => Msg::AxisPercent,
    };
    let mut svg = el("svg")
        .attr("class", "sp-chart__svg")
        .attr(
            "viewBox",
            format!("0 0 {} {}", fixed(WIDTH, 0), fixed(HEIGHT, 0)),
        )
        .attr("aria-hidden", "true")
        .attr("focusable", "false");
    for &(value, y) in &chart.y_ticks {
        svg = svg
            .child(line("sp-chart__grid", (left, y), (right, y)))
            .child(label(
                "sp-chart__tick",
                (left - 6.0, y + 4.0),
                "end",
                format_value(value, indicator.unit),
            ));
    }
    for &(year, x) in &chart.x_ticks {
        svg = svg
            .child(line("sp-chart__axis", (x, bottom), (x, bottom + 5.0)))
            .child(label(
                "sp-chart__tick",
                (x, bottom + 18.0),
                "middle",
                year.to_string(),
            ));
    }
    svg = svg
        .child(line("sp-chart__axis", (left, bottom), (right, bottom)))
        .child(line("sp-chart__axis", (left, top), (left, bottom)))
        .child(
            label(
                "sp-chart__axis-title",
                (-(top + bottom) / 2.0, 14.0),
                "middle",
                ctx.msg(unit).to_owned(),
            )
            .attr("transform", "rotate(-90)"),
        )
        .child(label(
            "sp-chart__axis-title",
            ((left + right) / 2.0, HEIGHT - 4.0),
            "middle",
            ctx.msg(Msg::AxisDate).to_owned(),
        ));
    if let Some(y) = chart.comparator_y {
        svg = svg.child(line("sp-chart__comparator", (left, y), (right, y)));
    }
    if let Some(y) = chart.target_y {
        svg = svg.child(line("sp-chart__target", (left, y), (right, y)));
    }
    if let Some(point) = chart.target_point {
        svg = svg.child(diamond("sp-chart__target-point", point));
    }
    if chart.planned.len() > 1 {
        svg = svg.child(
            el("polyline")
                .attr("class", "sp-chart__planned")
                .attr("points", xy(&chart.planned)),
        );
    } else if let Some(&point) = chart.planned.first() {
        svg = svg.child(marker("sp-chart__planned-point", point));
    }
    if let Some(point) = chart.baseline {
        svg = svg.child(square("sp-chart__baseline", point));
    }
    if chart.actual.len() > 1 {
        svg = svg.child(
            el("polyline")
                .attr("class", "sp-chart__actual")
                .attr("points", xy(&chart.actual)),
        );
    }
    svg.children(
        chart
            .actual
            .iter()
            .map(|&point| marker("sp-chart__actual-point", point)),
    )
}

/// The legend: a sample of each line beside its name, only for series the chart has.
fn legend(ctx: &RenderContext, indicator: &Indicator, chart: &Chart) -> Element {
    let sample = |class: &'static str| {
        el("svg")
            .attr("class", "sp-chart__sample")
            .attr("viewBox", "0 0 32 12")
            .attr("aria-hidden", "true")
            .attr("focusable", "false")
            .child(line(class, (2.0, 6.0), (30.0, 6.0)))
    };
    let mut items = Vec::new();
    if !chart.actual.is_empty() {
        items.push(
            el("li")
                .child(
                    sample("sp-chart__actual").child(marker("sp-chart__actual-point", (16.0, 6.0))),
                )
                .text(ctx.msg(Msg::Actual)),
        );
    }
    if !chart.planned.is_empty() {
        items.push(
            el("li")
                .child(sample("sp-chart__planned"))
                .text(ctx.msg(Msg::Planned)),
        );
    }
    if let Some(target) = &indicator.target {
        if target.value.is_some() {
            items.push(
                el("li")
                    .child(sample("sp-chart__target"))
                    .text(ctx.msg(Msg::Target)),
            );
        }
    }
    if chart.baseline.is_some() {
        items.push(
            el("li")
                .child(sample("sp-chart__none").child(square("sp-chart__baseline", (16.0, 6.0))))
                .text(ctx.msg(Msg::StartingPoint)),
        );
    }
    if let Some(comparator) = &indicator.comparator {
        items.push(
            el("li")
                .child(sample("sp-chart__comparator"))
                .child(ctx.text_el("span", &comparator.label)),
        );
    }
    // The key to the drawing, hidden with it: the table's headings name the same series.
    el("ul")
        .class("sp-chart__legend")
        .attr("aria-hidden", "true")
        .children(items)
}

/// The figures as a table: period, actual, planned and target, gaps said in words.
fn table(ctx: &RenderContext, indicator: &Indicator, caption_id: String) -> Element {
    let cell = |value: Option<f64>| match value {
        Some(value) => el("td").text(format_value(value, indicator.unit)),
        None => el("td")
            .class("sp-chart__gap")
            .child(el("span").attr("aria-hidden", "true").text("–"))
            .child(
                el("span")
                    .class("sp-visually-hidden")
                    .text(ctx.msg(Msg::NoFigure)),
            ),
    };
    let header = el("tr").children(
        [Msg::Period, Msg::Actual, Msg::Planned, Msg::Target]
            .map(|msg| el("th").attr("scope", "col").text(ctx.msg(msg))),
    );
    let rows = figure_rows(indicator).into_iter().map(|row| {
        let mut period = el("th")
            .attr("scope", "row")
            .text(format_date(row.period, ctx.lang));
        if row.starting_point {
            period = period.text(format!(" ({})", ctx.msg(Msg::StartingPoint)));
        }
        if let Some(note) = row.note {
            period = period.child(el("br")).child(ctx.text_el("small", note));
        }
        el("tr")
            .child(period)
            .child(cell(row.actual))
            .child(cell(row.planned))
            .child(cell(row.target))
    });
    el("table")
        .class("sp-chart__table")
        .child(
            ctx.text_el("caption", &indicator.title)
                .attr("id", caption_id),
        )
        .child(el("thead").child(header))
        .child(el("tbody").children(rows))
}

/// The chart and its table, or `None` when the indicator has too few figures to draw.
pub fn figure(ctx: &RenderContext, indicator: &Indicator) -> Option<Element> {
    let chart = chart(indicator)?;
    let id = ctx.id(&format!("chart-{}", indicator.id));
    let caption_id = format!("{id}-caption");
    // The table is a region named by its caption that scrolls sideways in its own box on a
    // narrow screen, never the page; it takes focus so a keyboard can scroll it.
    let data = el("div")
        .class("sp-chart__data")
        .attr("id", format!("{id}-table"))
        .attr("role", "region")
        .attr("aria-labelledby", caption_id.clone())
        .attr("tabindex", "0")
        .child(table(ctx, indicator, caption_id));
    let graphic = el("div")
        .class("sp-chart__graphic")
        .child(svg(ctx, indicator, &chart))
        .child(legend(ctx, indicator, &chart));
    Some(
        el("div")
            .class("sp-chart")
            .attr("id", id)
            .child(graphic)
            .child(data),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;
    use crate::tracker::indicator::tests::indicator as sample;
    use crate::view::Node;

    fn html(interactive: bool) -> String {
        let feed = crate::parse_feed(
            r#"{"version":1,"publisher":{"name":"x"},"updated":"2024-01-01","languages":["en"]}"#,
        )
        .unwrap();
        let ctx = RenderContext::for_test(&feed, Lang::En, interactive);
        Node::from(figure(&ctx, &sample()).unwrap()).to_html()
    }

    #[test]
    fn screen_readers_get_the_table_and_never_the_drawing() {
        for interactive in [false, true] {
            let html = html(interactive);
            // The drawing and its key are hidden; no title or role names them.
            assert!(
                html.contains(r#"<svg class="sp-chart__svg" viewBox="0 0 "#),
                "{html}"
            );
            assert!(
                !html.contains("role=\"img\"") && !html.contains("<title"),
                "{html}"
            );
            assert!(html.contains(r#"<ul class="sp-chart__legend" aria-hidden="true">"#));
            let svg = &html[html.find("<svg class=\"sp-chart__svg\"").unwrap()..];
            assert!(svg[..svg.find('>').unwrap()].contains("aria-hidden=\"true\""));
            // The table is a region named by its caption.
            let id =
                "t-chart-".to_owned() + &crate::render::common::element_id("", &sample().id)[1..];
            assert!(
                html.contains(&format!(
                    r#"id="{id}-table" role="region" aria-labelledby="{id}-caption""#
                )),
                "{html}"
            );
            assert!(html.contains(&format!(r#"<caption id="{id}-caption">"#)));
            // It can be scrolled by keyboard, in the widget and in the fallback.
            assert!(html.contains("tabindex=\"0\""), "{html}");
        }
    }

    #[test]
    fn there_is_no_switch_and_the_table_follows_the_drawing() {
        for interactive in [false, true] {
            let html = html(interactive);
            assert!(!html.contains("<button"), "{html}");
            assert!(
                html.contains(r#"<div class="sp-chart__data" id="#),
                "{html}"
            );
            assert!(html.find("<svg").unwrap() < html.find("<table").unwrap());
        }
    }
}
