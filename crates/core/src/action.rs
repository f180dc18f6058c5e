//! The names of the widgets' controls: what a button, link or field does, written by the
//! renderers into `data-sp-action` and read back by the wasm layer from the same enum, so no
//! action name is spelled twice.

/// What a control in a widget does when used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A list step's heading button (and a tracker workstream's): open or close its panel.
    Toggle,
    /// "Show all steps" / "Hide all steps".
    ToggleAll,
    /// A single panel behind a button (the tracker's earlier updates).
    Disclose,
    /// A box on the map, or a link to a step: open that step.
    OpenStep,
    /// A link to a step (what comes next): opens it, as [`Action::OpenStep`].
    StepLink,
    /// The map's "Close" button.
    CloseStep,
    /// "Show as: map / list".
    View,
    /// The language switch.
    Lang,
    /// "We are here" on a step.
    Here,
    /// "Forget this".
    ForgetHere,
    /// "Show every step" after the finder hid some.
    ClearFinder,
    /// The finder's age or need.
    Finder,
    /// The statutory clock's start date.
    Clock,
    /// One of the tracker's filters (its `name` says which).
    Filter,
    /// The tracker's "Clear filters".
    ClearFilters,
}

const ALL: [Action; 15] = [
    Action::Toggle,
    Action::StepLink,
    Action::ToggleAll,
    Action::Disclose,
    Action::OpenStep,
    Action::CloseStep,
    Action::View,
    Action::Lang,
    Action::Here,
    Action::ForgetHere,
    Action::ClearFinder,
    Action::Finder,
    Action::Clock,
    Action::Filter,
    Action::ClearFilters,
];

impl Action {
    /// The attribute a renderer writes the code into.
    pub const ATTR: &'static str = "data-sp-action";

    pub fn code(self) -> &'static str {
        match self {
            Action::Toggle => "toggle",
            Action::ToggleAll => "toggle-all",
            Action::Disclose => "disclose",
            Action::OpenStep => "open-step",
            Action::StepLink => "step-link",
            Action::CloseStep => "close-step",
            Action::View => "view",
            Action::Lang => "lang",
            Action::Here => "here",
            Action::ForgetHere => "forget-here",
            Action::ClearFinder => "clear-finder",
            Action::Finder => "finder",
            Action::Clock => "clock",
            Action::Filter => "filter",
            Action::ClearFilters => "clear-filters",
        }
    }

    pub fn from_code(code: &str) -> Option<Action> {
        ALL.into_iter().find(|a| a.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_its_action_and_no_two_share_one() {
        for action in ALL {
            assert_eq!(Action::from_code(action.code()), Some(action));
        }
        let mut codes: Vec<&str> = ALL.iter().map(|a| a.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ALL.len());
        assert_eq!(Action::from_code("Toggle"), None);
        assert_eq!(Action::from_code(""), None);
    }
}
