//! Pieces both widgets draw the same way: localised text, headings, services, figures.

use crate::action::Action;
use crate::feed::{Contact, Feed, Indicator, Service, Unit};
use crate::i18n::{fill, format_date, t, Msg};
use crate::links::{mail_href, tel_href, web_href};
use crate::text::{Lang, Text};
use crate::view::{el, Element};

/// An element's `id`: the widget's prefix, then `suffix` (which holds feed ids) made safe.
///
/// Feed ids may hold spaces, quotes or anything else; an `id` with a space is invalid, and
/// `aria-controls` (a list of ids split at spaces) would name two elements that do not exist.
/// Letters, digits and `-` stay; every other character, `_` too, becomes `_` and its UTF-8
/// bytes in hex (`a b` → `a_20b`), so two different suffixes never give the same `id`. The
/// renderers and the widgets' states both build ids through here, so they always agree.
pub fn element_id(prefix: &str, suffix: &str) -> String {
    let mut id = String::with_capacity(prefix.len() + 1 + suffix.len());
    id.push_str(prefix);
    id.push('-');
    for c in suffix.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            id.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                id.push('_');
                id.push(char::from(HEX[usize::from(byte >> 4)]));
                id.push(char::from(HEX[usize::from(byte & 15)]));
            }
        }
    }
    id
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// What every renderer needs to know about its reader and its place on the page.
#[derive(Debug, Clone)]
pub struct RenderContext<'a> {
    pub feed: &'a Feed,
    pub lang: Lang,
    /// The level of the widget's top heading, so it fits the host page's outline.
    pub heading_level: u8,
    /// Prefixes every `id`, so several widgets can share a page.
    pub id_prefix: &'a str,
    /// Interactive markup (buttons, collapsed panels) for the widget; static for the fallback.
    pub interactive: bool,
}

/// Marks a control the widget adds that a fallback already holds, hidden: the page keeps its
/// room where scripting runs, so nothing moves when the widget takes the fallback (see the
/// stylesheet's "Room for the widget's controls").
pub const ROOM_ATTR: &str = "data-sp-room";

/// `control` as a fallback holds it: hidden (so a page without the stylesheet, JavaScript or a
/// working widget never shows a control that does nothing) and marked as room.
pub fn room(control: Element) -> Element {
    control.attr("hidden", "").attr(ROOM_ATTR, "")
}

#[cfg(test)]
impl<'a> RenderContext<'a> {
    /// The context the renderers' tests draw with: top heading level 2, ids starting `t-`.
    pub fn for_test(feed: &'a Feed, lang: Lang, interactive: bool) -> RenderContext<'a> {
        RenderContext {
            feed,
            lang,
            heading_level: 2,
            id_prefix: "t",
            interactive,
        }
    }
}

impl<'a> RenderContext<'a> {
    /// The same reader and place, drawing the widget's markup: what a fallback holds as room
    /// ([`room`]) is drawn exactly as the widget will draw it.
    pub fn as_widget(&self) -> RenderContext<'a> {
        RenderContext {
            interactive: true,
            ..*self
        }
    }
}

impl RenderContext<'_> {
    /// An element holding feed text, marked with `lang` when the text is not in the UI language
    /// (a missing translation), so screen readers pronounce it correctly.
    pub fn text_el(&self, tag: &'static str, text: &Text) -> Element {
        let chosen = text.get(self.lang.code(), self.feed.default_lang());
        let element = el(tag);
        let element = if chosen.lang != self.lang.code() {
            element.attr("lang", chosen.lang)
        } else {
            element
        };
        element.text(chosen.text)
    }

    pub fn str(&self, text: &Text) -> String {
        text.get(self.lang.code(), self.feed.default_lang())
            .text
            .to_owned()
    }

    pub fn msg(&self, msg: Msg) -> &'static str {
        t(msg, self.lang)
    }

    /// A heading `depth` levels below the widget's top heading (capped at h6).
    pub fn heading(&self, depth: u8) -> Element {
        const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
        let level = self.heading_level.saturating_add(depth).clamp(1, 6);
        el(TAGS[usize::from(level - 1)])
    }

    pub fn id(&self, suffix: &str) -> String {
        element_id(self.id_prefix, suffix)
    }

    /// A service: what it does, who it is for, how to reach it.
    pub fn service(&self, service: &Service) -> Element {
        let mut card = el("li")
            .class("sp-service")
            .child(self.text_el("p", &service.name).class("sp-service__name"));
        if let Some(description) = &service.description {
            card = card.child(self.text_el("p", description));
        }
        let mut facts: Vec<(Msg, Element)> = Vec::new();
        let mut fact = |label: Msg, value: Element| facts.push((label, value));
        if let Some(provider) = &service.provider {
            fact(Msg::RunBy, self.text_el("dd", provider));
        }
        if let Some(text) = service.eligibility.as_ref().and_then(|e| e.text.as_ref()) {
            fact(Msg::WhoItIsFor, self.text_el("dd", text));
        }
        if let Some(access) = &service.access {
            let mut dd = el("dd");
            if let Some(referral) = &access.referral {
                dd = dd.child(self.text_el("span", referral));
            }
            if access.self_referral == Some(true) {
                dd = dd.text(" ").text(self.msg(Msg::SelfReferral));
            }
            if !dd.children.is_empty() {
                fact(Msg::HowToGetThere, dd);
            }
        }
        if let Some(cost) = &service.cost {
            fact(Msg::Cost, self.text_el("dd", cost));
        }
        if !service.languages.is_empty() {
            fact(
                Msg::LanguagesSpoken,
                el("dd").text(service.languages.join(", ")),
            );
        }
        if let Some(contact) = &service.contact {
            for (label, value) in self.contact_rows(contact, &service.name) {
                fact(label, value);
            }
        }
        if !facts.is_empty() {
            card = card.child(self.facts(facts));
        }
        card
    }

    /// The "Show all / Hide all" button over a set of toggles. It carries both of its labels,
    /// so the page can swap them without knowing the language.
    pub fn toggle_all(&self, all_open: bool, show: Msg, hide: Msg) -> Element {
        el("button")
            .attr("type", "button")
            .class("sp-button sp-toggle-all")
            .attr(Action::ATTR, Action::ToggleAll.code())
            .attr("aria-expanded", if all_open { "true" } else { "false" })
            .attr("data-label-show", self.msg(show))
            .attr("data-label-hide", self.msg(hide))
            .text(self.msg(if all_open { hide } else { show }))
    }

    /// A heading that opens and closes the panel `panel_id`: in the widget its words are a
    /// button (`data-sp-action="toggle"`, `aria-expanded`, `aria-controls`); without JavaScript
    /// they are plain text, since every panel is open.
    ///
    /// After the words, "Show" or "Hide" in words (GOV.UK's step-by-step), not a "+" or "−"
    /// that a screen reader read as "plus" in the button's name. The word is kept out of the
    /// name ("Step 2: Referral", its state from `aria-expanded`): a hidden separator would be
    /// read with spaces around it ("Referral , Show"). Both words are drawn and the button's
    /// `aria-expanded` picks one in CSS, so opening a panel changes one attribute only.
    pub fn toggle_heading(
        &self,
        heading: Element,
        toggle_class: &'static str,
        panel_id: &str,
        open: bool,
        label: impl IntoIterator<Item = Element>,
    ) -> Element {
        if self.interactive {
            heading.child(
                el("button")
                    .attr("type", "button")
                    .class(toggle_class)
                    .attr("id", format!("{panel_id}-button"))
                    .attr(Action::ATTR, Action::Toggle.code())
                    .attr("aria-expanded", if open { "true" } else { "false" })
                    .attr("aria-controls", panel_id.to_owned())
                    .children(label)
                    .child(
                        el("span")
                            .class("sp-toggle__word sp-toggle__show")
                            .attr("aria-hidden", "true")
                            .text(self.msg(Msg::Show)),
                    )
                    .child(
                        el("span")
                            .class("sp-toggle__word sp-toggle__hide")
                            .attr("aria-hidden", "true")
                            .text(self.msg(Msg::Hide)),
                    ),
            )
        } else {
            heading.children(label)
        }
    }

    /// The panel a [`toggle_heading`](Self::toggle_heading) controls. Closed, it is still found
    /// by the browser's find in page, which opens it.
    pub fn toggle_panel(&self, class: &'static str, panel_id: String, open: bool) -> Element {
        let panel = el("div").class(class).attr("id", panel_id);
        if open {
            panel
        } else {
            panel.attr("hidden", "until-found")
        }
    }

    /// A button that shows or hides the one panel `panel_id` (a
    /// [`toggle_panel`](Self::toggle_panel)), for a long list whose first part is enough for
    /// most readers. Unlike a toggle heading, "Show all" leaves it alone.
    pub fn disclosure(&self, words: String, panel_id: &str) -> Element {
        el("button")
            .attr("type", "button")
            .class("sp-button sp-disclose")
            .attr(Action::ATTR, Action::Disclose.code())
            .attr("aria-expanded", "false")
            .attr("aria-controls", panel_id.to_owned())
            .text(words)
    }

    /// A form field: `label` for the control whose id is `id`, then the control.
    pub fn field(&self, id: &str, label: Element, control: Element) -> Element {
        el("div")
            .class("sp-field")
            .child(label.attr("for", id.to_owned()))
            .child(control)
    }

    /// A description list of labelled facts.
    pub fn facts(&self, rows: Vec<(Msg, Element)>) -> Element {
        el("dl").class("sp-facts").children(
            rows.into_iter()
                .flat_map(|(label, value)| [el("dt").text(self.msg(label)), value]),
        )
    }

    /// A contact whole: who to ask for, phone (`tel:`), email (`mailto:`), the website with
    /// link text that says whose site it is and where it goes, and opening hours or other
    /// notes. A value that is not a safe link is shown as plain text. `owner` names whose
    /// website it is when the contact has no name of its own.
    pub fn contact_rows(&self, contact: &Contact, owner: &Text) -> Vec<(Msg, Element)> {
        let link = |href: Option<String>, shown: &str| match href {
            Some(href) => el("dd").child(el("a").attr("href", href).text(shown)),
            None => el("dd").text(shown),
        };
        let mut rows = Vec::new();
        if let Some(name) = &contact.name {
            rows.push((Msg::ContactName, self.text_el("dd", name)));
        }
        if let Some(phone) = &contact.phone {
            rows.push((Msg::Phone, link(tel_href(phone), phone)));
        }
        if let Some(email) = &contact.email {
            rows.push((Msg::Email, link(mail_href(email), email)));
        }
        if let Some(url) = &contact.url {
            let value = match web_href(url) {
                Some(href) => {
                    let words = fill(
                        self.msg(Msg::WebsiteOf),
                        &[
                            ("name", &self.str(contact.name.as_ref().unwrap_or(owner))),
                            ("site", site_of(&href)),
                        ],
                    );
                    el("dd").child(el("a").attr("href", href.clone()).text(words))
                }
                None => el("dd").text(url.as_str()),
            };
            rows.push((Msg::Website, value));
        }
        if let Some(note) = &contact.note {
            rows.push((Msg::ContactNote, self.text_el("dd", note)));
        }
        rows
    }

    /// An indicator in words: where it started, where it is, where it should be.
    pub fn indicator_summary(&self, indicator: &Indicator) -> Element {
        let value = |v: f64| format_value(v, indicator.unit);
        let mut lines = Vec::new();
        let mut line = |label: &str, text: String| {
            lines.push(
                el("li")
                    .child(el("strong").text(label))
                    .text(": ")
                    .text(text),
            );
        };
        if let Some(latest) = indicator.actual.last() {
            line(
                self.msg(Msg::Latest),
                format!(
                    "{} ({})",
                    value(latest.value),
                    format_date(latest.period, self.lang)
                ),
            );
        }
        if let Some(target) = &indicator.target {
            let mut text = self.str(&target.text);
            if let Some(by) = target.by {
                text = format!("{text} ({})", format_date(by, self.lang));
            }
            line(self.msg(Msg::Target), text);
        }
        line(self.msg(Msg::Source), self.str(&indicator.source));
        el("div")
            .class("sp-indicator")
            .child(
                self.text_el("p", &indicator.title)
                    .class("sp-indicator__title"),
            )
            .child(el("ul").class("sp-figures").children(lines))
    }
}

/// The site a web link goes to, as a reader would say it: `https://www.example.gov.uk/send?x`
/// is `www.example.gov.uk`.
fn site_of(href: &str) -> &str {
    let rest = href.split_once("://").map_or(href, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.rsplit_once('@').map_or(host, |(_, host)| host)
}

/// A figure as written in a sentence: whole numbers without decimals, percentages with `%`.
pub fn format_value(value: f64, unit: Unit) -> String {
    let number = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        fixed(value, 1)
    };
    match unit {
        Unit::Number => number,
        Unit::Percent => format!("{number}%"),
    }
}

/// `value` with `decimals` digits after the point (at most 3), rounded half away from zero.
///
/// The same text as `format!("{value:.1}")` but for halves, with integer arithmetic only:
/// the standard library's float formatting (Grisu with a Dragon fallback and their tables) is
/// the largest part of it the widgets would otherwise ship, for chart coordinates and figures
/// that need one or two decimals.
pub fn fixed(value: f64, decimals: u32) -> String {
    let decimals = decimals.min(3);
    let scale = 10_i64.pow(decimals);
    if !value.is_finite() || value.abs() >= 1e15 {
        return if value.is_nan() {
            "NaN".into()
        } else {
            format!("{}", value as i64)
        };
    }
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, part) = (scaled.abs() / scale, scaled.abs() % scale);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0width$}", width = decimals as usize)
    }
}

/// A select's `<option>`s for `(value, text)` pairs, the one whose value is `chosen` selected.
pub fn options(pairs: Vec<(String, String)>, chosen: Option<&str>) -> Vec<Element> {
    pairs
        .into_iter()
        .map(|(value, text)| {
            let option = el("option").attr("value", value.clone());
            let option = if chosen == Some(value.as_str()) {
                option.attr("selected", "")
            } else {
                option
            };
            option.text(text)
        })
        .collect()
}

/// Services by id, in the order given, skipping ids the feed does not define (the validator
/// reports those; a family should still see the rest).
pub fn services<'a>(feed: &'a Feed, ids: &'a [String]) -> impl Iterator<Item = &'a Service> {
    ids.iter().filter_map(|id| feed.service(id))
}

#[cfg(test)]
mod tests {
    /// Every `id="…"` value and every token of every `aria-controls`/`aria-labelledby`/
    /// `aria-describedby` in `html`.
    fn ids_and_references(html: &str) -> (Vec<String>, Vec<String>) {
        let values = |attr: &str| -> Vec<String> {
            html.split(&format!(" {attr}=\""))
                .skip(1)
                .filter_map(|rest| rest.split('"').next().map(str::to_owned))
                .collect()
        };
        let refs = ["aria-controls", "aria-labelledby", "aria-describedby"]
            .iter()
            .flat_map(|attr| values(attr))
            .flat_map(|v| v.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
            .collect();
        (values("id"), refs)
    }

    #[test]
    fn feed_ids_with_spaces_give_valid_unique_ids_that_references_find() {
        use crate::options::{WidgetKind, WidgetOptions};
        use crate::pathway::state::View;
        use crate::text::Lang;
        let mut feed =
            crate::parse_feed(include_str!("../../../../www/feed/tower-hamlets.json")).unwrap();
        // Made up for the test: the sample's ids with spaces and quotes in them.
        for indicator in &mut feed.indicators {
            indicator.id = format!("{} made \"up\"", indicator.id);
        }
        for plan in feed.plan.iter_mut().chain(feed.plans.iter_mut()) {
            for workstream in &mut plan.workstreams {
                workstream.id = format!("{} made up", workstream.id);
            }
        }
        let options = WidgetOptions {
            kind: WidgetKind::Tracker,
            feed: String::new(),
            pathway: None,
            plan: None,
            lang: Lang::En,
            heading_level: 2,
            view: View::List,
        };
        let html = crate::widget::render_widget(&feed, &options, "sp1", true)
            .unwrap()
            .to_html();
        let (ids, refs) = ids_and_references(&html);
        assert!(ids.iter().any(|id| id.contains("chart-")), "no chart drawn");
        assert!(ids.iter().any(|id| id.contains("workstream-")));
        for id in &ids {
            assert!(
                !id.is_empty() && !id.contains(char::is_whitespace),
                "{id:?}"
            );
            assert!(!id.contains("&quot;"), "{id:?}");
        }
        let unique: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "an id is used twice");
        assert!(!refs.is_empty());
        for r in &refs {
            assert!(unique.contains(r), "{r:?} names no element");
        }
    }

    #[test]
    fn element_ids_are_valid_tokens_and_never_collide() {
        use super::element_id;
        assert_eq!(element_id("sp-1", "chart-ks2"), "sp-1-chart-ks2");
        assert_eq!(element_id("sp-1", "chart-a b"), "sp-1-chart-a_20b");
        assert_eq!(element_id("sp-1", "x\"y"), "sp-1-x_22y");
        assert_eq!(element_id("sp-1", "a.b"), "sp-1-a_2eb");
        // `_` is escaped too, so a typed `_20` cannot meet an escaped space.
        assert_ne!(element_id("p", "a b"), element_id("p", "a_20b"));
        assert_eq!(element_id("p", "é"), "p-_c3_a9");
        let ids = [
            "a b", "a_b", "a-b", "a.b", "a\tb", "ab", "a_20b", "a__20b", "é", "e",
        ];
        let made: std::collections::BTreeSet<_> = ids.iter().map(|i| element_id("p", i)).collect();
        assert_eq!(made.len(), ids.len());
        for id in &made {
            assert!(id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        }
    }

    use super::*;

    #[test]
    fn a_contact_is_shown_whole_with_link_text_that_says_where_it_goes() {
        use crate::view::Node;
        // Made-up contact details, for this test only.
        let feed = crate::parse_feed(
            r#"{"version":1,"publisher":{"name":"Example Council"},"updated":"2024-01-01","languages":["en","bn"],
            "services":[{"id":"advice","name":{"en":"Advice line","bn":"পরামর্শ লাইন"},"contact":{
              "name":"Duty officer","phone":"020 7946 0001","email":"advice@example.gov.uk",
              "url":"https://www.example.gov.uk/advice?from=feed","note":"Monday to Friday, 9am to 5pm"}},
              {"id":"bad","name":"Bad links","contact":{"url":"javascript:alert(1)","email":"not an address"}}]}"#,
        )
        .unwrap();
        let ctx = RenderContext::for_test(&feed, Lang::En, false);
        let html = Node::from(ctx.service(&feed.services[0])).to_html();
        for expected in [
            "<dt>Contact</dt><dd>Duty officer</dd>",
            "<dt>Phone</dt><dd><a href=\"tel:02079460001\">020 7946 0001</a></dd>",
            "<dt>Email</dt><dd><a href=\"mailto:advice@example.gov.uk\">advice@example.gov.uk</a></dd>",
            "<a href=\"https://www.example.gov.uk/advice?from=feed\">Duty officer website (www.example.gov.uk)</a>",
            "<dt>Opening hours and notes</dt><dd>Monday to Friday, 9am to 5pm</dd>",
        ] {
            assert!(html.contains(expected), "{expected}\n{html}");
        }
        // Without a contact name, the link names the service, in the reader's language.
        let mut nameless = feed.services[0].contact.clone().unwrap();
        nameless.name = None;
        let bn = RenderContext {
            lang: Lang::Bn,
            ..ctx.clone()
        };
        let rows = bn.contact_rows(&nameless, &feed.services[0].name);
        let web = rows
            .iter()
            .find(|(label, _)| *label == Msg::Website)
            .unwrap();
        let web = Node::from(web.1.clone()).to_html();
        assert!(
            web.contains("পরামর্শ লাইন") && web.contains("(www.example.gov.uk)"),
            "{web}"
        );
        // Unsafe values are text, never links.
        let bad = Node::from(ctx.service(&feed.services[1])).to_html();
        assert!(
            !bad.contains("href") && bad.contains("javascript:alert(1)"),
            "{bad}"
        );
    }

    #[test]
    fn sites_are_named_by_their_host() {
        assert_eq!(
            site_of("https://www.example.gov.uk/a/b?c#d"),
            "www.example.gov.uk"
        );
        assert_eq!(site_of("http://user@example.org"), "example.org");
    }

    #[test]
    fn figures_read_naturally() {
        assert_eq!(format_value(346.0, Unit::Number), "346");
        assert_eq!(format_value(48.0, Unit::Percent), "48%");
        assert_eq!(format_value(2.5, Unit::Number), "2.5");
        assert_eq!(format_value(27.25, Unit::Percent), "27.3%");
    }

    #[test]
    fn fixed_matches_the_standard_formatting_except_for_halves() {
        for value in [
            0.0,
            0.04,
            0.96,
            1.0,
            12.345,
            -0.04,
            -0.4,
            -3.75,
            399.99,
            260.0,
            1e9 + 0.3,
        ] {
            for decimals in 0..=2 {
                let ours = fixed(value, decimals);
                let std = format!("{value:.prec$}", prec = decimals as usize);
                // -0.04 to one place is "-0.0" in the standard library and "0.0" here.
                assert_eq!(
                    ours.trim_start_matches('-'),
                    std.trim_start_matches('-'),
                    "{value} {decimals}"
                );
            }
        }
        assert_eq!(fixed(0.25, 1), "0.3");
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(fixed(-0.5, 0), "-1");
        assert_eq!(fixed(7.0, 2), "7.00");
    }
}
