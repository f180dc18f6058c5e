//! "About the area": the feed's figures about the children and young people an area's plans
//! serve, as tables a screen reader can walk (caption, a column per area, a row per thing
//! counted) with each figure's source and date.
//!
//! These are context, not targets: nothing here is coloured, ranked or called better or worse.
//! A table that is wider than a phone scrolls inside its own named region, which takes keyboard
//! focus so it can be scrolled without a mouse, and never makes the page scroll sideways.

use crate::feed::{Area, AreaFact, AreaFigure, AreaTable};
use crate::i18n::{fill, format_date, Msg};
use crate::render::common::{fixed, RenderContext};
use crate::view::{el, Element};

/// The section, or `None` when the feed says nothing about its area.
pub fn about_the_area(ctx: &RenderContext, depth: u8) -> Option<Element> {
    let area = ctx.feed.area.as_ref()?;
    if is_empty(area) {
        return None;
    }
    let heading_id = ctx.id("area-title");
    let section = el("section")
        .class("sp-area")
        .attr("id", ctx.id("area"))
        .attr("aria-labelledby", heading_id.clone())
        .child(
            ctx.heading(depth)
                .attr("id", heading_id)
                .text(ctx.msg(Msg::AboutTheArea)),
        )
        .child(el("p").text(ctx.msg(Msg::AboutTheAreaLead)))
        .children(area.facts.iter().map(|f| fact(ctx, f)))
        .children(
            area.tables
                .iter()
                .enumerate()
                .map(|(i, t)| table(ctx, t, i)),
        );
    Some(section)
}

/// Whether there is anything to show (the contents list links to the section only then).
pub fn is_empty(area: &Area) -> bool {
    area.facts.is_empty() && area.tables.is_empty()
}

fn fact(ctx: &RenderContext, fact: &AreaFact) -> Element {
    el("p")
        .class("sp-area__fact")
        .child(ctx.text_el("span", &fact.text))
        .text(" ")
        .child(source_line(ctx, "span", &fact.source, fact.period))
}

/// "Source: … (April 2017)."
fn source_line(
    ctx: &RenderContext,
    tag: &'static str,
    source: &crate::text::Text,
    period: Option<crate::date::PartialDate>,
) -> Element {
    let end = ctx.msg(Msg::SentenceEnd);
    let mut line = el(tag)
        .class("sp-area__source")
        .text(format!("{}: ", ctx.msg(Msg::Source)))
        .child(ctx.text_el("span", source));
    if let Some(period) = period {
        line = line.text(format!(
            " ({})",
            fill(
                ctx.msg(Msg::FiguresFor),
                &[("date", &format_date(period, ctx.lang))]
            )
        ));
    }
    line.text(end)
}

fn table(ctx: &RenderContext, table: &AreaTable, index: usize) -> Element {
    let caption_id = ctx.id(&format!("area-table-{index}"));
    let header = el("tr")
        .child(
            el("th")
                .attr("scope", "col")
                .text(ctx.msg(Msg::AreaMeasure)),
        )
        .children(
            table
                .areas
                .iter()
                .map(|area| ctx.text_el("th", area).attr("scope", "col")),
        );
    let rows = table.rows.iter().map(|row| {
        let cells = (0..table.areas.len()).map(|i| cell(ctx, row.values.get(i).cloned().flatten()));
        el("tr")
            .child(ctx.text_el("th", &row.measure).attr("scope", "row"))
            .children(cells)
    });
    let grid = el("table")
        .class("sp-chart__table sp-area__table")
        .child(
            ctx.text_el("caption", &table.title)
                .attr("id", caption_id.clone()),
        )
        .child(el("thead").child(header))
        .child(el("tbody").children(rows));
    let mut block = el("div")
        .class("sp-area__block")
        .attr("id", ctx.id(&format!("area-{}", table.id)))
        .child(
            el("div")
                .class("sp-area__scroll")
                .attr("role", "region")
                .attr("aria-labelledby", caption_id)
                .attr("tabindex", "0")
                .child(grid),
        )
        .child(source_line(ctx, "p", &table.source, table.period));
    if let Some(note) = &table.note {
        block = block.child(ctx.text_el("p", note).class("sp-area__note"));
    }
    block
}

/// "7,897 (16.9%)", "28.6%", "46,679", or a dash that says "no figure".
fn cell(ctx: &RenderContext, figure: Option<AreaFigure>) -> Element {
    let words = match figure {
        Some(AreaFigure {
            count: Some(count),
            percent: Some(percent),
        }) => format!("{} ({}%)", grouped(count), fixed(percent, 1)),
        Some(AreaFigure {
            count: Some(count),
            percent: None,
        }) => grouped(count),
        Some(AreaFigure {
            count: None,
            percent: Some(percent),
        }) => format!("{}%", fixed(percent, 1)),
        _ => {
            return el("td")
                .class("sp-chart__gap")
                .child(el("span").attr("aria-hidden", "true").text("–"))
                .child(
                    el("span")
                        .class("sp-visually-hidden")
                        .text(ctx.msg(Msg::NoFigure)),
                )
        }
    };
    el("td").text(words)
}

/// A count with its thousands grouped as the council papers write them: "8,669,080".
pub fn grouped(value: f64) -> String {
    let text = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        fixed(value, 1)
    };
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (rest, None),
    };
    let mut out = String::from(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;
    use crate::view::Node;

    /// A made-up feed: an invented borough beside two invented comparators, for tests only.
    const MADE_UP: &str = r#"{
      "version": 2, "publisher": {"name": "Made-up Council"}, "updated": "2025-03-01",
      "languages": ["en"],
      "area": {
        "facts": [{"text": "About 1,200 children have SEND (made up).", "source": "Made-up strategy 2024"}],
        "tables": [{
          "id": "pupils", "title": "Pupils with SEND (made up)",
          "areas": ["Northshire", "Region", "Country"],
          "period": "2024-01", "source": "Made-up census", "note": "Made up for tests.",
          "rows": [
            {"id": "all", "measure": "All pupils", "values": [{"count": 10000}, {"count": 1234567}, null]},
            {"measure": "With SEND", "of": "all", "values": [{"count": 1500, "percent": 15}, {"percent": 12.5}, null]}
          ]
        }]
      }
    }"#;

    fn context(feed: &crate::feed::Feed, lang: Lang) -> RenderContext<'_> {
        RenderContext::for_test(feed, lang, false)
    }

    #[test]
    fn counts_are_grouped_in_thousands() {
        assert_eq!(grouped(8_669_080.0), "8,669,080");
        assert_eq!(grouped(517_000.0), "517,000");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1000.0), "1,000");
        assert_eq!(grouped(0.0), "0");
        assert_eq!(grouped(-12_345.0), "-12,345");
        assert_eq!(grouped(12_345.5), "12,345.5");
    }

    #[test]
    fn the_area_is_a_table_with_a_caption_column_and_row_headers_and_its_source() {
        let feed = crate::parse_feed(MADE_UP).unwrap();
        let ctx = context(&feed, Lang::En);
        let html = Node::from(about_the_area(&ctx, 1).unwrap()).to_html();
        assert!(
            html.contains(r#"<h3 id="t-area-title">About the area</h3>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<caption id="t-area-table-0">Pupils with SEND (made up)</caption>"#)
        );
        assert!(html.contains(r#"role="region" aria-labelledby="t-area-table-0" tabindex="0""#));
        for area in ["Northshire", "Region", "Country"] {
            assert!(
                html.contains(&format!(r#"<th scope="col">{area}</th>"#)),
                "{area}"
            );
        }
        assert!(
            html.contains(r#"<th scope="row">With SEND</th><td>1,500 (15.0%)</td><td>12.5%</td>"#),
            "{html}"
        );
        assert!(html.contains("<td>1,234,567</td>"));
        assert!(html.contains("no figure"));
        assert!(
            html.contains("Source: <span>Made-up census</span> (figures for January 2024)."),
            "{html}"
        );
        assert!(
            html.contains("Source: <span>Made-up strategy 2024</span>."),
            "{html}"
        );
        assert!(html.contains("Made up for tests."));
        // Context, not targets: no word or class that judges the figures.
        for judging in ["better", "worse", "sp-status", "overdue"] {
            assert!(!html.to_lowercase().contains(judging), "{judging}");
        }
    }

    #[test]
    fn bengali_labels_and_latin_digits() {
        let feed = crate::parse_feed(MADE_UP).unwrap();
        let ctx = context(&feed, Lang::Bn);
        let text = Node::from(about_the_area(&ctx, 1).unwrap()).text_content();
        assert!(text.contains("এলাকা সম্পর্কে"), "{text}");
        assert!(text.contains("1,500 (15.0%)"));
        assert!(text.contains("জানুয়ারি 2024"));
    }

    /// The sample's tracker, as the fallback (and print) and as the widget, carries the section
    /// and a contents link to it, after the key figures (and before the plan's contact, if any).
    #[test]
    fn the_sample_tracker_has_the_area_section_in_its_contents() {
        let sample = include_str!("../../../../www/feed/tower-hamlets.json");
        let feed = crate::parse_feed(sample).unwrap();
        let choice = crate::tracker::plans::choose_plan(&feed, None, None).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        for interactive in [false, true] {
            let ctx = RenderContext {
                interactive,
                ..context(&feed, Lang::En)
            };
            let filter = crate::tracker::filter::TrackerFilter::default();
            let html =
                crate::render::tracker::render_tracker(&ctx, &choice, today, &filter).to_html();
            assert!(html.contains(r##"<a href="#t-area">About the area</a>"##));
            let section = html
                .find(r#"<section class="sp-area" id="t-area""#)
                .unwrap();
            assert!(section > html.find(r#"id="t-awaiting""#).unwrap());
            if let Some(contact) = html.find(r#"id="t-contact""#) {
                assert!(section < contact);
            }
            assert!(html.contains("<td>7,897 (16.9%)</td>"));
            assert!(html.contains("<td>8,669,080</td>"));
            assert!(html.contains("(figures for April 2017)"));
        }
    }

    #[test]
    fn no_area_no_section() {
        let feed = crate::parse_feed(
            r#"{"version":2,"publisher":{"name":"x"},"updated":"2024-01-01","languages":["en"],"area":{}}"#,
        )
        .unwrap();
        assert!(about_the_area(&context(&feed, Lang::En), 1).is_none());
        let feed = crate::parse_feed(
            r#"{"version":2,"publisher":{"name":"x"},"updated":"2024-01-01","languages":["en"]}"#,
        )
        .unwrap();
        assert!(about_the_area(&context(&feed, Lang::En), 1).is_none());
    }
}
