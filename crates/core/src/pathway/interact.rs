//! The pathway widget's behaviour: its state, what the family does to it ([`Intent`]), and what
//! the page must then do ([`Effects`]). The wasm layer only decodes events into intents, calls
//! [`PathwayState::update`] and applies the effects; it keeps no state of its own and reads none
//! back from the page.

use crate::action::Action;
use crate::date_entry::{DateReading, Part};
use crate::feed::Feed;
use crate::i18n::{t, Msg};
use crate::options::WidgetOptions;
use crate::pathway::audience::Finder;
use crate::pathway::patch::{shown_words, Path};
use crate::pathway::state::{Address, PathwayView, View};
use crate::render::common::RenderContext;
use crate::render::pathway_family::{clock_words, here_words};
use crate::render::pathway_map::map_layout;
use crate::render::pathway_steps::Seen;
use crate::text::Lang;
use crate::view::Node;
use chrono::NaiveDate;

/// Below this share of its drawn width the map's words are too small to read (a phone, or 400%
/// zoom), so the list shows instead.
pub const MAP_FIT_SHARE: f64 = 0.8;

/// A key pressed on a box of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapKey {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    /// Enter or Space.
    Activate,
}

impl MapKey {
    /// The browser's `KeyboardEvent.key`, if the map answers it.
    pub fn from_key(key: &str) -> Option<MapKey> {
        Some(match key {
            "ArrowUp" => MapKey::Up,
            "ArrowDown" => MapKey::Down,
            "ArrowLeft" => MapKey::Left,
            "ArrowRight" => MapKey::Right,
            "Home" => MapKey::Home,
            "End" => MapKey::End,
            "Enter" | " " => MapKey::Activate,
            _ => return None,
        })
    }
}

/// Something the family (or the page) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// A list step's heading button.
    Toggle(String),
    /// "Show all steps" / "Hide all steps".
    ToggleAll,
    /// The browser's find in page opened a closed step.
    Reveal(String),
    /// A box on the map, or a link to a step.
    OpenStep(String),
    /// The map's "Close" button, or Escape in the map.
    CloseStep,
    View(View),
    Lang(Lang),
    /// "We are here" on a step: marks it, or unmarks it when it is already marked.
    Here(String),
    ForgetHere,
    /// One of the finder's fields changed: its `name` and its value ("" is "not sure yet").
    Finder {
        field: String,
        value: String,
    },
    ClearFinder,
    /// One of the clock's three date fields changed: which, and its value as typed.
    Clock {
        part: Part,
        value: String,
    },
    /// A key on the map's box for `step`.
    MapKey {
        step: String,
        key: MapKey,
    },
    /// The address changed (back, forward, or a link): the whole fragment.
    Address(String),
    /// The widget's width, measured after a draw or a resize, in CSS pixels at the default
    /// text size (its width × 16 ÷ the page's root font size): the map is drawn in rem, so a
    /// reader's larger text makes it wider and it must fit at that size.
    Measured(i32),
    /// What this browser keeps as "we are here" for the pathway shown (after [`Effects::load`]).
    Loaded(Option<String>),
}

impl Intent {
    /// The intent of a control used by a click (buttons and links), from its action and
    /// attributes; `None` for actions the pathway does not handle.
    pub fn from_click(action: Action, attr: impl Fn(&str) -> Option<String>) -> Option<Intent> {
        let step = || attr("data-step");
        Some(match action {
            Action::Toggle => Intent::Toggle(step()?),
            Action::ToggleAll => Intent::ToggleAll,
            Action::OpenStep | Action::StepLink => Intent::OpenStep(step()?),
            Action::CloseStep => Intent::CloseStep,
            Action::View => Intent::View(View::from_code(&attr("data-view")?)?),
            Action::Lang => Intent::Lang(Lang::from_code(&attr("data-lang")?)?),
            Action::Here => Intent::Here(step()?),
            Action::ForgetHere => Intent::ForgetHere,
            Action::ClearFinder => Intent::ClearFinder,
            // Fields, and the tracker's controls (`tracker::interact`).
            Action::Disclose
            | Action::Finder
            | Action::Clock
            | Action::Filter
            | Action::ClearFilters => return None,
        })
    }

    /// The intent of a field that changed, from its action, `name` and value.
    pub fn from_change(action: Action, name: Option<String>, value: String) -> Option<Intent> {
        match action {
            Action::Finder => Some(Intent::Finder {
                field: name?,
                value,
            }),
            Action::Clock => Some(Intent::Clock {
                part: Part::from_name(&name?)?,
                value,
            }),
            _ => None,
        }
    }
}

/// A change to the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum History {
    /// A new entry (a step opened), so Back closes it.
    Push(String),
    /// The same entry rewritten (a step closed, the view switched).
    Replace(String),
}

/// What this browser keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Store {
    Save { key: String, step: String },
    Remove { key: String },
}

/// What the page must do after an intent. Empty when nothing changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Redraw {
    /// Nothing on screen changed.
    #[default]
    Nothing,
    /// Draw the widget again and patch the page where the new drawing differs.
    Patch,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effects {
    pub redraw: Redraw,
    /// The id of the element to focus, after the redraw. `None`: focus stays where it is.
    pub focus: Option<String>,
    pub history: Option<History>,
    /// A short sentence for the widget's status region.
    pub announce: Option<String>,
    pub store: Option<Store>,
    /// Read this key from the browser's storage and answer with [`Intent::Loaded`].
    pub load: Option<String>,
    /// Measure the widget's width and answer with [`Intent::Measured`] before the redraw,
    /// whose patch then carries the fit too: the width is read while the page is laid out as
    /// the last frame drew it, and a map that will not fit is never drawn.
    pub measure: bool,
}

impl Effects {
    fn patch() -> Effects {
        Effects {
            redraw: Redraw::Patch,
            ..Effects::default()
        }
    }
}

/// Everything a mounted pathway widget knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathwayState {
    /// The options the page gave, with the pathway and language the family chose since.
    pub options: WidgetOptions,
    pub view: PathwayView,
    /// Ids of this widget's elements start with this.
    pub id_prefix: String,
    /// This widget's address key ([`crate::pathway::state::widget_key`]).
    pub key: String,
    /// The location's fragment as this widget last saw or wrote it.
    pub hash: String,
    /// Whether this is the only pathway widget on the page (then an unkeyed link is its own).
    pub alone: bool,
}

impl PathwayState {
    /// A widget as the page's options, the address and today say. The caller then loads the
    /// saved "we are here" ([`PathwayState::here_key`], [`Intent::Loaded`]).
    pub fn new(
        feed: &Feed,
        options: WidgetOptions,
        id_prefix: String,
        key: String,
        today: NaiveDate,
        hash: &str,
        alone: bool,
    ) -> PathwayState {
        let mut view = PathwayView::new(today);
        view.view = options.view;
        view.key = Some(key.clone());
        let mut state = PathwayState {
            options,
            view,
            id_prefix,
            key,
            hash: String::new(),
            alone,
        };
        state.follow(feed, hash);
        state
    }

    /// The pathway shown: the one chosen, else the feed's first.
    pub fn pathway_id(&self, feed: &Feed) -> String {
        self.options
            .pathway
            .clone()
            .or_else(|| feed.pathways.first().map(|p| p.id.clone()))
            .unwrap_or_default()
    }

    /// Where this browser keeps "we are here" for the pathway shown.
    pub fn here_key(&self, feed: &Feed) -> String {
        format!(
            "send-pathways:here:{}:{}",
            self.options.feed,
            self.pathway_id(feed)
        )
    }

    /// The widget as the state says, from the core's renderer.
    pub fn tree(&self, feed: &Feed) -> Result<Node, String> {
        crate::widget::render_pathway_widget(feed, &self.options, &self.id_prefix, &self.view)
    }

    /// For each other language the widget speaks, the words it would show where `drawn` (the
    /// page as last patched) shows others, by the path of the element holding them
    /// ([`shown_words`]): the page lays them out ahead in each element's font, so the first
    /// switch to a language whose script the page has not yet shaped does not pay for its
    /// fonts and glyphs in the frame that shows it (Bengali at 4× CPU: over 50 ms).
    pub fn words_ahead(&self, feed: &Feed, drawn: &Node) -> Vec<(Lang, Vec<(Path, String)>)> {
        Lang::ALL
            .into_iter()
            .filter(|&lang| lang != self.options.lang)
            .filter_map(|lang| {
                let mut options = self.options.clone();
                options.lang = lang;
                let tree = crate::widget::render_pathway_widget(
                    feed,
                    &options,
                    &self.id_prefix,
                    &self.view,
                )
                .ok()?;
                Some((lang, shown_words(drawn, &tree)))
            })
            .collect()
    }

    /// The page's fallback as this widget's last drawing, when its stamp says it is what the
    /// widget draws as its fallback from this feed ([`crate::widget::adopt_fallback`]): the id
    /// prefix the fallback's ids start with, which the widget then keeps, and the tree.
    pub fn adopt_fallback(
        &self,
        feed: &Feed,
        fingerprint: &str,
        drawn: &str,
        drawn_pathway: &str,
    ) -> Option<(String, Node)> {
        crate::widget::adopt_fallback(
            feed,
            &self.options,
            &self.pathway_id(feed),
            fingerprint,
            drawn,
            drawn_pathway,
        )
    }

    fn id(&self, suffix: &str) -> String {
        crate::render::common::element_id(&self.id_prefix, suffix)
    }

    /// The map is what the family sees (chosen, and it fits).
    fn map_shown(&self) -> bool {
        self.view.view == View::Map && self.view.map_fits
    }

    fn with_seen<R>(&self, feed: &Feed, f: impl FnOnce(&RenderContext, &Seen) -> R) -> Option<R> {
        let id = self.pathway_id(feed);
        let pathway = feed.pathway(&id)?;
        let ctx = RenderContext {
            feed,
            lang: self.options.lang,
            heading_level: self.options.heading_level,
            id_prefix: &self.id_prefix,
            interactive: true,
        };
        let seen = Seen::new(pathway, &self.view);
        Some(f(&ctx, &seen))
    }

    fn history(&mut self, feed: &Feed, push: bool) -> History {
        // This widget's part of the address, as the state now is.
        let address = Address {
            widget: Some(self.key.clone()),
            pathway: Some(self.pathway_id(feed)),
            step: self.view.step.clone(),
            view: Some(self.view.view),
        };
        let fragment = format!(
            "#{}",
            address.merge_into(&self.hash, &self.pathway_id(feed), self.alone)
        );
        self.hash = fragment.clone();
        if push {
            History::Push(fragment)
        } else {
            History::Replace(fragment)
        }
    }

    /// Takes this widget's part of `hash` (pathway, step, view), where the feed has them.
    /// Returns whether the pathway changed.
    fn follow(&mut self, feed: &Feed, hash: &str) -> bool {
        self.hash = hash.to_owned();
        let shown = self.pathway_id(feed);
        let Some(part) = Address::part_for(hash, &self.key, &shown, self.alone) else {
            return false;
        };
        if let Some(id) = part.pathway.filter(|id| feed.pathway(id).is_some()) {
            self.options.pathway = Some(id);
        }
        let changed = self.pathway_id(feed) != shown;
        let pathway = feed.pathway(&self.pathway_id(feed));
        self.view.step = part
            .step
            .filter(|id| pathway.is_some_and(|p| p.steps.iter().any(|s| &s.id == id)));
        if let Some(chosen) = part.view {
            self.view.view = chosen;
        }
        if changed {
            self.view.expanded.clear();
            self.view.map_focus = None;
            self.view.here = None;
        }
        changed
    }

    /// What the page must do after `intent`; the state is updated.
    pub fn update(&mut self, feed: &Feed, intent: Intent) -> Effects {
        match intent {
            // Find in page opens a closed step; one already open needs nothing.
            Intent::Reveal(step) if self.view.is_expanded(&step) => Effects::default(),
            Intent::Toggle(step) if self.view.is_expanded(&step) => {
                self.view.expanded.retain(|s| s != &step);
                // Closing the open step in the list closes it everywhere.
                let mut effects = Effects::patch();
                if self.view.step.as_deref() == Some(step.as_str()) {
                    self.view.step = None;
                    effects.history = Some(self.history(feed, false));
                }
                effects
            }
            Intent::Toggle(step) | Intent::Reveal(step) => {
                if self.with_seen(feed, |_, seen| seen.step(&step).is_some()) != Some(true) {
                    return Effects::default();
                }
                self.view.expanded.push(step);
                Effects::patch()
            }
            Intent::ToggleAll => {
                let ids: Vec<String> = self
                    .with_seen(feed, |_, seen| {
                        seen.pathway().steps.iter().map(|s| s.id.clone()).collect()
                    })
                    .unwrap_or_default();
                let all_open = !ids.is_empty() && ids.iter().all(|id| self.view.is_expanded(id));
                let mut effects = Effects::patch();
                if all_open {
                    self.view.expanded.clear();
                    if self.view.step.take().is_some() {
                        effects.history = Some(self.history(feed, false));
                    }
                } else {
                    self.view.expanded = ids;
                }
                effects
            }
            Intent::OpenStep(step) => {
                if self.with_seen(feed, |_, seen| seen.step(&step).is_some()) != Some(true) {
                    return Effects::default();
                }
                let again = self.view.step.as_deref() == Some(step.as_str());
                self.view.step = Some(step.clone());
                self.view.map_focus = Some(step.clone());
                let mut effects = Effects::patch();
                if !again {
                    effects.history = Some(self.history(feed, true));
                }
                effects.focus = Some(if self.map_shown() {
                    self.id("details-title")
                } else {
                    // A link in the list: the step opens there and its button takes focus.
                    if !self.view.expanded.contains(&step) {
                        self.view.expanded.push(step.clone());
                    }
                    self.id(&format!("panel-{step}-button"))
                });
                effects
            }
            Intent::CloseStep => {
                let Some(step) = self.view.step.take() else {
                    return Effects::default();
                };
                self.view.expanded.retain(|s| s != &step);
                let mut effects = Effects::patch();
                effects.history = Some(self.history(feed, false));
                effects.focus = Some(self.id(&format!("node-{step}")));
                effects
            }
            Intent::View(view) => {
                if self.view.view == view {
                    return Effects::default();
                }
                self.view.view = view;
                let mut effects = Effects::patch();
                effects.history = Some(self.history(feed, false));
                effects.measure = view == View::Map;
                effects
            }
            Intent::Lang(lang) => {
                if self.options.lang == lang {
                    return Effects::default();
                }
                self.options.lang = lang;
                let mut effects = Effects::patch();
                // The map's boxes are laid out again for the other language's words.
                effects.measure = true;
                effects
            }
            Intent::Here(step) => {
                if self.with_seen(feed, |_, seen| seen.step(&step).is_some()) != Some(true) {
                    return Effects::default();
                }
                let key = self.here_key(feed);
                let mut effects = Effects::patch();
                if self.view.here.as_deref() == Some(step.as_str()) {
                    self.view.here = None;
                    effects.store = Some(Store::Remove { key });
                    effects.announce = Some(t(Msg::Forgotten, self.options.lang).to_owned());
                } else {
                    self.view.here = Some(step.clone());
                    effects.store = Some(Store::Save { key, step });
                    effects.announce = self.with_seen(feed, here_words).flatten();
                }
                effects
            }
            Intent::ForgetHere => {
                if self.view.here.take().is_none() {
                    return Effects::default();
                }
                let mut effects = Effects::patch();
                effects.store = Some(Store::Remove {
                    key: self.here_key(feed),
                });
                effects.announce = Some(t(Msg::Forgotten, self.options.lang).to_owned());
                effects.focus = Some(self.id("here"));
                effects
            }
            Intent::Finder { field, value } => {
                let value = value.trim();
                let mut finder = self.view.finder.clone();
                match field.as_str() {
                    "age" => finder.age = value.parse().ok(),
                    "need" => finder.need = (!value.is_empty()).then(|| value.to_owned()),
                    _ => return Effects::default(),
                }
                self.set_finder(feed, finder)
            }
            Intent::ClearFinder => {
                let mut effects = self.set_finder(feed, Finder::default());
                effects.focus = Some(self.id("finder-age"));
                effects
            }
            Intent::Clock { part, value } => {
                let before = self.view.clock_typed.problem();
                if !self.view.clock_typed.set(part, &value) {
                    return Effects::default();
                }
                // The clock runs only from a whole, real date; anything else keeps the time
                // limits in words, and what was typed stays in the fields.
                let reading = self.view.clock_typed.read();
                let date = match reading {
                    DateReading::Whole(date) => Some(date),
                    _ => None,
                };
                let problem = self.view.clock_typed.problem();
                let mut effects = Effects::patch();
                if date != self.view.clock_start {
                    self.view.clock_start = date;
                    effects.announce = self.with_seen(feed, clock_words).flatten();
                }
                // A problem is said once, when it appears; it stays written at the fields.
                if let Some(problem) = problem.filter(|p| Some(*p) != before) {
                    effects.announce = Some(problem.words(self.options.lang).to_owned());
                }
                effects
            }
            Intent::MapKey { step, key } => self.map_key(feed, &step, key),
            Intent::Address(hash) => {
                if hash == self.hash {
                    return Effects::default();
                }
                let before = (
                    self.options.pathway.clone(),
                    self.view.step.clone(),
                    self.view.view,
                );
                let changed = self.follow(feed, &hash);
                let after = (
                    self.options.pathway.clone(),
                    self.view.step.clone(),
                    self.view.view,
                );
                if before == after {
                    return Effects::default();
                }
                let mut effects = Effects::patch();
                if changed {
                    effects.load = Some(self.here_key(feed));
                    effects.focus = Some(self.id("title"));
                    effects.measure = true;
                } else if let Some(step) = self.view.step.clone() {
                    if self.map_shown() {
                        effects.focus = Some(self.id("details-title"));
                    } else {
                        // An address naming a step opens it in the list too.
                        if !self.view.expanded.contains(&step) {
                            self.view.expanded.push(step.clone());
                        }
                        effects.focus = Some(self.id(&format!("panel-{step}-button")));
                    }
                }
                effects
            }
            Intent::Measured(width) => {
                let natural = self
                    .with_seen(feed, |ctx, seen| map_layout(ctx, seen).width)
                    .unwrap_or(0);
                let fits = f64::from(width) >= f64::from(natural) * MAP_FIT_SHARE;
                if fits == self.view.map_fits {
                    return Effects::default();
                }
                self.view.map_fits = fits;
                Effects::patch()
            }
            Intent::Loaded(here) => {
                let here = here.filter(|id| {
                    self.with_seen(feed, |_, seen| seen.full.steps.iter().any(|s| &s.id == id))
                        == Some(true)
                });
                if here == self.view.here {
                    return Effects::default();
                }
                self.view.here = here;
                Effects::patch()
            }
        }
    }

    fn set_finder(&mut self, feed: &Feed, finder: Finder) -> Effects {
        if finder == self.view.finder {
            return Effects::default();
        }
        self.view.finder = finder;
        // Steps the finder hid are no longer open or in the tab order.
        let shown: Vec<String> = self
            .with_seen(feed, |_, seen| {
                seen.pathway().steps.iter().map(|s| s.id.clone()).collect()
            })
            .unwrap_or_default();
        self.view.expanded.retain(|s| shown.contains(s));
        if self
            .view
            .map_focus
            .as_ref()
            .is_some_and(|s| !shown.contains(s))
        {
            self.view.map_focus = None;
        }
        let mut effects = Effects::patch();
        if self.view.step.as_ref().is_some_and(|s| !shown.contains(s)) {
            self.view.step = None;
            effects.history = Some(self.history(feed, false));
        }
        effects.measure = true;
        effects
    }

    fn map_key(&mut self, feed: &Feed, step: &str, key: MapKey) -> Effects {
        if key == MapKey::Activate {
            return self.update(feed, Intent::OpenStep(step.to_owned()));
        }
        let goal = self
            .with_seen(feed, |ctx, seen| {
                let map = map_layout(ctx, seen);
                let here = map.nodes.iter().position(|n| n.id == step)?;
                let node = &map.nodes[here];
                let index = match key {
                    MapKey::Up => node.up,
                    MapKey::Down => node.down,
                    MapKey::Left => node.left,
                    MapKey::Right => node.right,
                    MapKey::Home => Some(0),
                    MapKey::End => map.nodes.len().checked_sub(1),
                    MapKey::Activate => None,
                }?;
                map.nodes.get(index).map(|n| n.id.clone())
            })
            .flatten();
        let Some(goal) = goal else {
            return Effects::default();
        };
        self.view.map_focus = Some(goal.clone());
        let mut effects = Effects::patch();
        effects.focus = Some(self.id(&format!("node-{goal}")));
        effects
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::WidgetKind;
    use crate::pathway::layout::tests::sample_feed;
    use crate::pathway::patch::{diff, Patch};

    fn options(pathway: &str) -> WidgetOptions {
        WidgetOptions {
            kind: WidgetKind::Pathway,
            feed: "feed.json".into(),
            pathway: Some(pathway.into()),
            plan: None,
            lang: Lang::En,
            heading_level: 2,
            view: View::List,
        }
    }

    fn state(feed: &Feed, pathway: &str, hash: &str) -> PathwayState {
        let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        PathwayState::new(
            feed,
            options(pathway),
            "sp1".into(),
            pathway.into(),
            today,
            hash,
            false,
        )
    }

    fn pushed(effects: &Effects) -> Option<&str> {
        match &effects.history {
            Some(History::Push(f)) => Some(f),
            _ => None,
        }
    }

    fn replaced(effects: &Effects) -> Option<&str> {
        match &effects.history {
            Some(History::Replace(f)) => Some(f),
            _ => None,
        }
    }

    #[test]
    fn clicks_decode_from_the_codes_the_renderer_writes() {
        let attrs = |step: &'static str| {
            move |name: &str| match name {
                "data-step" => Some(step.to_owned()),
                "data-view" => Some("map".to_owned()),
                "data-lang" => Some("bn".to_owned()),
                _ => None,
            }
        };
        let click = |a| Intent::from_click(a, attrs("decision"));
        assert_eq!(
            click(Action::Toggle),
            Some(Intent::Toggle("decision".into()))
        );
        assert_eq!(
            click(Action::OpenStep),
            Some(Intent::OpenStep("decision".into()))
        );
        assert_eq!(click(Action::Here), Some(Intent::Here("decision".into())));
        assert_eq!(click(Action::View), Some(Intent::View(View::Map)));
        assert_eq!(click(Action::Lang), Some(Intent::Lang(Lang::Bn)));
        assert_eq!(click(Action::CloseStep), Some(Intent::CloseStep));
        assert_eq!(click(Action::ToggleAll), Some(Intent::ToggleAll));
        assert_eq!(click(Action::ForgetHere), Some(Intent::ForgetHere));
        assert_eq!(click(Action::ClearFinder), Some(Intent::ClearFinder));
        assert_eq!(click(Action::Disclose), None);
        assert_eq!(Intent::from_click(Action::Toggle, |_| None), None);
        assert_eq!(
            Intent::from_change(Action::Finder, Some("age".into()), "4".into()),
            Some(Intent::Finder {
                field: "age".into(),
                value: "4".into()
            })
        );
        assert_eq!(
            Intent::from_change(Action::Clock, Some("sp1-clock-year".into()), "2025".into()),
            Some(Intent::Clock {
                part: Part::Year,
                value: "2025".into()
            })
        );
        assert_eq!(
            Intent::from_change(Action::Clock, None, "2025".into()),
            None
        );
        assert_eq!(MapKey::from_key(" "), Some(MapKey::Activate));
        assert_eq!(MapKey::from_key("a"), None);
        // Every code the rendered widget carries reads back as an action.
        let tree = state(&sample_feed(), "autism", "")
            .tree(&sample_feed())
            .unwrap();
        let html = tree.to_html();
        for code in html.split("data-sp-action=\"").skip(1) {
            let code = &code[..code.find('"').unwrap()];
            assert!(Action::from_code(code).is_some(), "{code}");
        }
    }

    #[test]
    fn a_list_step_toggles_without_history_and_patches_only_its_button_and_panel() {
        let feed = sample_feed();
        let mut s = state(&feed, "autism", "");
        let before = s.tree(&feed).unwrap();
        let effects = s.update(&feed, Intent::Toggle("referral".into()));
        assert_eq!(effects, Effects::patch());
        assert!(s.view.is_expanded("referral"));
        let after = s.tree(&feed).unwrap();
        let patches = diff(&before, &after);
        let names: Vec<(&str, &str)> = patches
            .iter()
            .map(|p| match p {
                Patch::SetAttr { name, value, .. } => (*name, value.as_str()),
                Patch::RemoveAttr { name, .. } => (*name, "(removed)"),
                other => panic!("only attributes change: {other:?}"),
            })
            .collect();
        assert_eq!(names, [("aria-expanded", "true"), ("hidden", "(removed)")]);
        // Closing it again.
        s.update(&feed, Intent::Toggle("referral".into()));
        assert!(!s.view.is_expanded("referral"));
        // Find in page opens a closed step once, and leaves an open one alone.
        assert_eq!(
            s.update(&feed, Intent::Reveal("notice".into())),
            Effects::patch()
        );
        assert_eq!(
            s.update(&feed, Intent::Reveal("notice".into())),
            Effects::default()
        );
        assert_eq!(
            s.update(&feed, Intent::Toggle("no-such".into())),
            Effects::default()
        );
    }

    #[test]
    fn show_all_opens_every_shown_step_then_closes_them() {
        let feed = sample_feed();
        let mut s = state(&feed, "autism", "");
        s.update(&feed, Intent::ToggleAll);
        assert_eq!(s.view.expanded.len(), 9);
        s.update(&feed, Intent::ToggleAll);
        assert!(s.view.expanded.is_empty());
    }

    #[test]
    fn opening_a_step_pushes_one_entry_and_closing_it_replaces_it() {
        let feed = sample_feed();
        let mut s = state(&feed, "autism", "#main");
        s.update(&feed, Intent::View(View::Map));
        let open = s.update(&feed, Intent::OpenStep("decision".into()));
        assert_eq!(
            pushed(&open),
            Some("#pathway:w=autism&p=autism&step=decision&view=map")
        );
        assert_eq!(open.focus.as_deref(), Some("sp1-details-title"));
        // The same step again: no second entry.
        assert_eq!(
            s.update(&feed, Intent::OpenStep("decision".into())).history,
            None
        );
        let close = s.update(&feed, Intent::CloseStep);
        assert_eq!(
            replaced(&close),
            Some("#pathway:w=autism&p=autism&view=map")
        );
        assert_eq!(close.focus.as_deref(), Some("sp1-node-decision"));
        assert_eq!(s.update(&feed, Intent::CloseStep), Effects::default());
        assert_eq!(
            s.update(&feed, Intent::OpenStep("nope".into())),
            Effects::default()
        );
    }

    #[test]
    fn a_step_link_in_the_list_opens_the_step_there() {
        let feed = sample_feed();
        let mut s = state(&feed, "autism", "");
        let effects = s.update(&feed, Intent::OpenStep("referral".into()));
        assert!(s.view.is_expanded("referral"));
        assert_eq!(effects.focus.as_deref(), Some("sp1-panel-referral-button"));
        // Closing it in the list closes it everywhere, in the same history entry.
        let effects = s.update(&feed, Intent::Toggle("referral".into()));
        assert_eq!(s.view.step, None);
        assert!(replaced(&effects).is_some());
    }

    #[test]
    fn the_other_language_s_words_are_found_for_the_elements_shown() {
        let feed = sample_feed();
        let s = state(&feed, "autism", "");
        let drawn = s.tree(&feed).unwrap();
        let ahead = s.words_ahead(&feed, &drawn);
        assert_eq!(ahead.len(), 1);
        let (lang, words) = &ahead[0];
        assert_eq!(*lang, Lang::Bn);
        let bengali = |t: &str| t.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c));
        // The heading, the switches' labels and the step titles are there, in Bengali.
        assert!(words.len() > 10, "{words:?}");
        assert!(words.iter().filter(|(_, t)| bengali(t)).count() > 10);
        // The same words the switch then patches in, and none of a closed step's panel.
        let mut switched = s.clone();
        switched.update(&feed, Intent::Lang(Lang::Bn));
        let after = switched.tree(&feed).unwrap();
        let texts: Vec<String> = diff(&drawn, &after)
            .into_iter()
            .filter_map(|p| match p {
                Patch::SetText { text, .. } => Some(text),
                _ => None,
            })
            .collect();
        for (_, text) in words {
            assert!(texts.iter().any(|t| text.contains(t.as_str())), "{text}");
        }
        // A closed step's panel, as the switch draws it: its words are not laid out ahead.
        fn hidden_text(node: &Node, inside: bool, out: &mut Vec<String>) {
            match node {
                Node::Text(t) if inside && t.chars().count() > 20 => out.push(t.clone()),
                Node::Text(_) => {}
                Node::Element(e) => {
                    let inside = inside || e.get_attr("hidden").is_some();
                    for child in &e.children {
                        hidden_text(child, inside, out);
                    }
                }
            }
        }
        let mut closed = Vec::new();
        hidden_text(&after, false, &mut closed);
        assert!(closed.iter().any(|t| bengali(t)), "{closed:?}");
        for text in closed.iter().filter(|t| bengali(t)) {
            assert!(
                words.iter().all(|(_, w)| !w.contains(text.as_str())),
                "{text}"
            );
        }
        // Shown in Bengali, it is English that is laid out ahead.
        let bn = state_lang(&feed, Lang::Bn);
        let ahead = bn.words_ahead(&feed, &bn.tree(&feed).unwrap());
        assert_eq!(ahead[0].0, Lang::En);
    }

    fn state_lang(feed: &Feed, lang: Lang) -> PathwayState {
        let mut s = state(feed, "autism", "");
        s.options.lang = lang;
        s
    }

    #[test]
    fn the_view_and_the_language_switch_and_ask_to_measure() {
        let feed = sample_feed();
        let mut s = state(&feed, "autism", "");
        let effects = s.update(&feed, Intent::View(View::Map));
        assert!(effects.measure && replaced(&effects).is_some());
        assert_eq!(s.update(&feed, Intent::View(View::Map)), Effects::default());
        let effects = s.update(&feed, Intent::Lang(Lang::Bn));
        assert_eq!((s.options.lang, effects.measure), (Lang::Bn, true));
        assert_eq!(s.update(&feed, Intent::Lang(Lang::Bn)), Effects::default());
    }

    #[test]
    fn marking_where_we_are_stores_it_and_says_so_briefly() {
        let feed = sample_feed();
        let mut s = state(&feed, "autism", "");
        let effects = s.update(&feed, Intent::Here("decision".into()));
        let key = "send-pathways:here:feed.json:autism".to_owned();
        assert_eq!(
            effects.store,
            Some(Store::Save {
                key: key.clone(),
                step: "decision".into()
            })
        );
        let said = effects.announce.unwrap();
        assert!(said.contains("Step 5"), "{said}");
        assert!(said.len() < 120, "{said}");
        assert_eq!(effects.focus, None);
        // Pressed again: unmarked.
        let effects = s.update(&feed, Intent::Here("decision".into()));
        assert_eq!(effects.store, Some(Store::Remove { key: key.clone() }));
        assert!(effects.announce.unwrap().starts_with("Forgotten"));
        s.update(&feed, Intent::Here("decision".into()));
        let effects = s.update(&feed, Intent::ForgetHere);
        assert_eq!(effects.store, Some(Store::Remove { key }));
        assert_eq!(effects.focus.as_deref(), Some("sp1-here"));
        assert_eq!(s.update(&feed, Intent::ForgetHere), Effects::default());
        // What the browser kept is taken only when the pathway has that step.
        assert_eq!(
            s.update(&feed, Intent::Loaded(Some("gone".into()))),
            Effects::default()
        );
        assert_eq!(
            s.update(&feed, Intent::Loaded(Some("referral".into()))),
            Effects::patch()
        );
        assert_eq!(s.view.here.as_deref(), Some("referral"));
    }

    #[test]
    fn the_finder_narrows_and_forgets_hidden_open_steps() {
        let feed = sample_feed();
        let mut s = state(&feed, "preparing-for-adulthood", "");
        s.update(&feed, Intent::ToggleAll);
        let all = s.view.expanded.len();
        let field = |f: &str, v: &str| Intent::Finder {
            field: f.into(),
            value: v.into(),
        };
        let effects = s.update(&feed, field("age", "14"));
        assert_eq!(s.view.finder.age, Some(14));
        assert!(effects.measure);
        assert!(s.view.expanded.len() < all, "{:?}", s.view.expanded);
        assert_eq!(s.update(&feed, field("age", "14")), Effects::default());
        assert_eq!(s.update(&feed, field("colour", "red")), Effects::default());
        s.update(&feed, field("need", "autism"));
        assert_eq!(s.view.finder.need.as_deref(), Some("autism"));
        let effects = s.update(&feed, Intent::ClearFinder);
        assert_eq!(s.view.finder, Finder::default());
        assert_eq!(effects.focus.as_deref(), Some("sp1-finder-age"));
    }

    #[test]
    fn the_clock_takes_only_a_whole_date_and_announces_one_sentence() {
        let feed = sample_feed();
        let mut s = state(&feed, "ehc-needs-assessment", "");
        let field = |part, value: &str| Intent::Clock {
            part,
            value: value.into(),
        };
        // Day and month typed: no date yet, nothing said, the fields keep what was typed.
        let effects = s.update(&feed, field(Part::Day, "2"));
        assert_eq!((effects.announce, s.view.clock_start), (None, None));
        s.update(&feed, field(Part::Month, "9"));
        // A year that is not four numbers: said once, in words, and no dates.
        let effects = s.update(&feed, field(Part::Year, "24"));
        assert_eq!(
            effects.announce.as_deref(),
            Some("The year must include 4 numbers, like 2024")
        );
        assert_eq!(s.view.clock_start, None);
        assert_eq!(s.view.clock_typed.year, "24");
        let effects = s.update(&feed, field(Part::Year, "202"));
        assert_eq!(effects.announce, None, "the same problem is not said again");
        let effects = s.update(&feed, field(Part::Year, "2024"));
        assert_eq!(s.view.clock_start, NaiveDate::from_ymd_opt(2024, 9, 2));
        let said = effects.announce.unwrap();
        assert!(!said.contains('\n') && said.len() < 100, "{said}");
        let html = s.tree(&feed).unwrap().to_html();
        assert!(html.contains("value=\"2024\""), "{html}");
        assert_eq!(
            s.update(&feed, field(Part::Year, "2024")),
            Effects::default()
        );
        // 31 September is no date: the dates go back to words and the problem is said.
        let effects = s.update(&feed, field(Part::Day, "31"));
        assert_eq!(s.view.clock_start, None);
        assert!(effects.announce.unwrap().contains("real date"));
        // Cleared: back to the time limits in words, quietly.
        for part in Part::ALL {
            s.update(&feed, field(part, ""));
        }
        assert_eq!(s.view.clock_start, None);
        assert!(s.view.clock_typed.is_empty());
    }

    #[test]
    fn arrow_keys_move_the_maps_tab_stop_and_enter_opens() {
        let feed = sample_feed();
        let mut s = state(&feed, "autism", "");
        s.update(&feed, Intent::View(View::Map));
        let key = |step: &str, key| Intent::MapKey {
            step: step.into(),
            key,
        };
        let effects = s.update(&feed, key("notice", MapKey::End));
        let last = s.view.map_focus.clone().unwrap();
        assert_ne!(last, "notice");
        assert_eq!(effects.focus, Some(format!("sp1-node-{last}")));
        s.update(&feed, key(&last, MapKey::Home));
        assert_eq!(s.view.map_focus.as_deref(), Some("notice"));
        s.update(&feed, key("notice", MapKey::Down));
        assert_ne!(s.view.map_focus.as_deref(), Some("notice"));
        let tree = s.tree(&feed).unwrap().to_html();
        let focus = s.view.map_focus.clone().unwrap();
        assert!(tree.contains(&format!(
            "id=\"sp1-node-{focus}\" role=\"button\" tabindex=\"0\""
        )));
        let effects = s.update(&feed, key("decision", MapKey::Activate));
        assert!(pushed(&effects).is_some());
        assert_eq!(s.view.step.as_deref(), Some("decision"));
    }

    #[test]
    fn the_map_gives_way_below_eighty_percent_of_its_width() {
        let feed = sample_feed();
        let mut s = state(&feed, "autism", "");
        let natural = s
            .with_seen(&feed, |ctx, seen| map_layout(ctx, seen).width)
            .unwrap();
        assert_eq!(
            s.update(&feed, Intent::Measured(natural)),
            Effects::default()
        );
        let small = (f64::from(natural) * 0.79) as i32;
        assert_eq!(s.update(&feed, Intent::Measured(small)), Effects::patch());
        assert!(!s.view.map_fits);
        assert!(s
            .tree(&feed)
            .unwrap()
            .to_html()
            .contains("data-sp-fit=\"no\""));
        let enough = (f64::from(natural) * 0.8).ceil() as i32;
        s.update(&feed, Intent::Measured(enough));
        assert!(s.view.map_fits);
    }

    #[test]
    fn the_address_moves_only_its_own_widget() {
        let feed = sample_feed();
        let mut a = state(&feed, "autism", "");
        let mut b = state(&feed, "ehc-needs-assessment", "");
        b.key = "ehc".into();
        let hash = "#pathway:w=ehc&p=ehc-needs-assessment&step=decision&view=list";
        assert_eq!(
            a.update(&feed, Intent::Address(hash.into())),
            Effects::default()
        );
        assert_eq!(a.view.step, None);
        let effects = b.update(&feed, Intent::Address(hash.into()));
        assert_eq!(b.view.step.as_deref(), Some("decision"));
        assert_eq!(effects.focus.as_deref(), Some("sp1-panel-decision-button"));
        // An old link switching this widget's pathway: here is loaded for the new one.
        let mut alone = state(&feed, "autism", "");
        alone.alone = true;
        let effects = alone.update(
            &feed,
            Intent::Address("#pathway:p=ehc-needs-assessment".into()),
        );
        assert_eq!(alone.pathway_id(&feed), "ehc-needs-assessment");
        assert_eq!(
            effects.load.as_deref(),
            Some("send-pathways:here:feed.json:ehc-needs-assessment")
        );
        assert_eq!(effects.focus.as_deref(), Some("sp1-title"));
        // A step the pathway does not have is ignored.
        let mut c = state(&feed, "autism", "#pathway:p=autism&step=nope");
        assert_eq!(c.view.step, None);
        assert_eq!(
            c.update(&feed, Intent::Address("#main".into())),
            Effects::default()
        );
    }
}

/// The page's fallback taken as the widget's first drawing (issue 20 item 8).
#[cfg(test)]
mod fallback_tests {
    use super::{Intent, PathwayState};
    use crate::options::WidgetOptions;
    use crate::pathway::patch::{diff, Patch};
    use crate::view::Node;
    use crate::widget::{
        fallback_stamp, feed_fingerprint, render_fallback, DRAWN_ATTR, DRAWN_FORMAT,
    };
    use crate::Feed;

    const SAMPLE: &str = include_str!("../../../../www/feed/tower-hamlets.json");

    fn options(extra: &[(&str, &str)]) -> WidgetOptions {
        WidgetOptions::from_attributes(|name| match name {
            "data-send-widget" => Some("pathway".into()),
            "data-feed" => Some("feed.json".into()),
            "data-pathway" => Some("autism".into()),
            _ => extra
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned()),
        })
        .unwrap()
        .0
    }

    fn stamp_of(tree: &Node) -> &str {
        match tree {
            Node::Element(root) => root.get_attr(DRAWN_ATTR).unwrap(),
            Node::Text(_) => panic!("no root"),
        }
    }

    fn state(feed: &Feed, extra: &[(&str, &str)], hash: &str) -> PathwayState {
        let mut state = PathwayState::new(
            feed,
            options(extra),
            "sp1".into(),
            "autism".into(),
            feed.updated,
            hash,
            true,
        );
        state.update(feed, Intent::Loaded(None));
        state
    }

    #[test]
    fn a_fallback_from_the_same_feed_is_the_widgets_own_drawing() {
        let feed = crate::parse_feed(SAMPLE).unwrap();
        let print = feed_fingerprint(SAMPLE);
        let fallback = render_fallback(&feed, SAMPLE, &options(&[]), "spf-autism").unwrap();
        let stamp = stamp_of(&fallback).to_owned();
        assert_eq!(
            stamp,
            format!("{DRAWN_FORMAT} pathway en h2 {print} spf-autism")
        );
        // A byte order mark the browser drops is not part of the fingerprint.
        let with_bom = format!("\u{feff}{SAMPLE}");
        assert_eq!(
            fallback_stamp(&options(&[]), &with_bom, "spf-autism"),
            stamp
        );

        // The same feed, list or map view, deep link: the fallback is taken, with its ids.
        for (extra, hash) in [
            (&[][..], ""),
            (&[("data-view", "map")][..], ""),
            (&[][..], "#pathway:step=referral"),
        ] {
            let state = state(&feed, extra, hash);
            let (ids, drawn) = state
                .adopt_fallback(&feed, &print, &stamp, "autism")
                .expect("adopted");
            assert_eq!(ids, "spf-autism");
            // The drawing taken is exactly the page's fallback.
            assert_eq!(drawn, fallback);
        }

        // Anything else: drawn anew.
        let s = state(&feed, &[], "");
        let other = feed_fingerprint(&SAMPLE.replace("autism", "autisme"));
        assert!(s.adopt_fallback(&feed, &other, &stamp, "autism").is_none());
        assert!(s.adopt_fallback(&feed, &print, &stamp, "other").is_none());
        let old = stamp.replacen(DRAWN_FORMAT, "0-0.0.0", 1);
        assert!(s.adopt_fallback(&feed, &print, &old, "autism").is_none());
        for broken in [
            "",
            "x",
            &format!("{stamp} more"),
            &stamp.replace("spf-autism", "a\"b"),
        ] {
            assert!(s.adopt_fallback(&feed, &print, broken, "autism").is_none());
        }
        let bengali = state(&feed, &[("data-lang", "bn")], "");
        assert!(bengali
            .adopt_fallback(&feed, &print, &stamp, "autism")
            .is_none());
        let h3 = state(&feed, &[("data-heading-level", "3")], "");
        assert!(h3.adopt_fallback(&feed, &print, &stamp, "autism").is_none());
    }

    /// Patching the fallback into the widget keeps every step's element: its heading and
    /// panel gain the toggle, the family's controls are inserted around the list.
    #[test]
    fn the_widget_is_patched_over_its_fallback_keeping_the_steps() {
        let feed = crate::parse_feed(SAMPLE).unwrap();
        let print = feed_fingerprint(SAMPLE);
        let fallback = render_fallback(&feed, SAMPLE, &options(&[]), "spf-autism").unwrap();
        for extra in [&[][..], &[("data-view", "map")][..]] {
            let mut state = state(&feed, extra, "");
            let (ids, drawn) = state
                .adopt_fallback(&feed, &print, stamp_of(&fallback), "autism")
                .unwrap();
            state.id_prefix = ids;
            let widget = state.tree(&feed).unwrap();
            let patches = crate::pathway::patch::tests::assert_patches_turn(&drawn, &widget);
            // No patch draws a step's `<li>` anew: the page's are kept (the page makes new
            // nodes only from what a patch carries).
            let drawn_anew: Vec<&Node> = patches
                .iter()
                .flat_map(|patch| match patch {
                    Patch::Replace { node, .. } | Patch::Insert { node, .. } => vec![node],
                    Patch::ReplaceChildren { children, .. } => children.iter().collect(),
                    _ => Vec::new(),
                })
                .collect();
            let steps_anew: usize = drawn_anew.iter().map(|n| steps_in(n)).sum();
            assert_eq!(steps_anew, 0, "{extra:?}");
            assert!(steps_in(&drawn) > 5);
            assert!(diff(&widget, &widget).is_empty());
        }
    }

    fn steps_in(node: &Node) -> usize {
        match node {
            Node::Element(e) => {
                usize::from(e.tag == "li" && e.get_attr("data-step").is_some())
                    + e.children.iter().map(steps_in).sum::<usize>()
            }
            Node::Text(_) => 0,
        }
    }
}
