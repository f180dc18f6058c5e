//! The widgets' own words (not the feed's), in every language the UI speaks.
//!
//! One catalogue for both widgets, so "Step", "or" and status names read the same everywhere.
//! Bengali strings were written by the developers and await review by a native speaker from the
//! council's community (see README); English is the reference.

use crate::text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Step,
    Or,
    And,
    Optional,
    ShowAllSteps,
    HideAllSteps,
    ServicesThatHelp,
    TypicalWait,
    TimeLimit,
    WhileYouWait,
    WhatNext,
    NextEither,
    NextAll,
    WhoToTalkTo,
    WhoItIsFor,
    HowToGetThere,
    SelfReferral,
    Phone,
    Email,
    Website,
    Cost,
    LanguagesSpoken,
    RunBy,
    HowItIsGoing,
    Latest,
    Target,
    Source,
    FeedUpdated,
    StepsOfPathway,
    Ages,
    FeedUnavailable,
}

/// The catalogue. A `match`, so the compiler refuses a message without every language.
pub fn t(msg: Msg, lang: Lang) -> &'static str {
    let (en, bn) = match msg {
        Msg::Step => ("Step", "ধাপ"),
        Msg::Or => ("or", "অথবা"),
        Msg::And => ("and", "এবং"),
        Msg::Optional => ("Optional", "ঐচ্ছিক"),
        Msg::ShowAllSteps => ("Show all steps", "সব ধাপ দেখান"),
        Msg::HideAllSteps => ("Hide all steps", "সব ধাপ লুকান"),
        Msg::ServicesThatHelp => ("Services that can help", "যে সেবাগুলো সাহায্য করতে পারে"),
        Msg::TypicalWait => ("Typical wait", "সাধারণ অপেক্ষার সময়"),
        Msg::TimeLimit => ("Time limit set in law", "আইনে নির্ধারিত সময়সীমা"),
        Msg::WhileYouWait => (
            "What you can do while you wait",
            "অপেক্ষার সময় আপনি যা করতে পারেন",
        ),
        Msg::WhatNext => ("What comes next", "এরপর কী হবে"),
        Msg::NextEither => ("Next, one of these", "এরপর, এগুলোর একটি"),
        Msg::NextAll => ("Next, all of these", "এরপর, এগুলোর সবগুলো"),
        Msg::WhoToTalkTo => (
            "Who to talk to if things go wrong",
            "সমস্যা হলে কার সাথে কথা বলবেন",
        ),
        Msg::WhoItIsFor => ("Who it is for", "কাদের জন্য"),
        Msg::HowToGetThere => ("How to get this help", "এই সাহায্য কীভাবে পাবেন"),
        Msg::SelfReferral => (
            "You can contact this service yourself.",
            "আপনি নিজেই এই সেবার সাথে যোগাযোগ করতে পারেন।",
        ),
        Msg::Phone => ("Phone", "ফোন"),
        Msg::Email => ("Email", "ইমেইল"),
        Msg::Website => ("Website", "ওয়েবসাইট"),
        Msg::Cost => ("Cost", "খরচ"),
        Msg::LanguagesSpoken => ("Languages", "ভাষা"),
        Msg::RunBy => ("Run by", "পরিচালনায়"),
        Msg::HowItIsGoing => (
            "How this step is going for families",
            "পরিবারগুলোর জন্য এই ধাপটি কেমন চলছে",
        ),
        Msg::Latest => ("Latest", "সর্বশেষ"),
        Msg::Target => ("Target", "লক্ষ্য"),
        Msg::Source => ("Source", "উৎস"),
        Msg::FeedUpdated => ("Information last checked", "তথ্য সর্বশেষ যাচাই করা হয়েছে"),
        Msg::StepsOfPathway => ("Steps", "ধাপসমূহ"),
        Msg::Ages => ("Ages", "বয়স"),
        Msg::FeedUnavailable => (
            "This information could not be updated just now, so it may be out of date.",
            "এই তথ্য এখন হালনাগাদ করা যায়নি, তাই এটি পুরনো হতে পারে।",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Bn => bn,
    }
}

const MONTHS: [(&str, &str); 12] = [
    ("January", "জানুয়ারি"),
    ("February", "ফেব্রুয়ারি"),
    ("March", "মার্চ"),
    ("April", "এপ্রিল"),
    ("May", "মে"),
    ("June", "জুন"),
    ("July", "জুলাই"),
    ("August", "আগস্ট"),
    ("September", "সেপ্টেম্বর"),
    ("October", "অক্টোবর"),
    ("November", "নভেম্বর"),
    ("December", "ডিসেম্বর"),
];

/// The name of month `month` (1 to 12).
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    let (en, bn) = MONTHS[(month.clamp(1, 12) - 1) as usize];
    match lang {
        Lang::En => en,
        Lang::Bn => bn,
    }
}

/// A date as a family reads it: "1 May 2024", "January 2022", "2023".
pub fn format_date(date: crate::date::PartialDate, lang: Lang) -> String {
    use crate::date::PartialDate;
    use chrono::Datelike;
    match date {
        PartialDate::Year(y) => y.to_string(),
        PartialDate::Month(y, m) => format!("{} {y}", month_name(m, lang)),
        PartialDate::Day(d) => format!("{} {} {}", d.day(), month_name(d.month(), lang), d.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_differ_where_a_translation_exists() {
        assert_eq!(t(Msg::Step, Lang::En), "Step");
        assert_ne!(t(Msg::Step, Lang::Bn), t(Msg::Step, Lang::En));
    }
}
