//! The widgets' own words (not the feed's), in every language the UI speaks.
//!
//! One catalogue for both widgets, so "Step", "or" and status names read the same everywhere.
//! English is the reference. Every Bengali string uses the terms of the glossary in
//! `www/docs/bengali-glossary.md` and Latin digits, and ends a sentence with "।"; the tests
//! below check what a machine can check of that (see the README for what a reviewer did and
//! what a native speaker should still check).

use crate::text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Or,
    And,
    Optional,
    /// Ends a sentence the code puts together from parts ("." or the Bengali dari "।").
    SentenceEnd,
    /// After a closed step's or workstream's title, on its button.
    Show,
    /// After an open step's or workstream's title, on its button.
    Hide,
    ShowAllSteps,
    HideAllSteps,
    ShowAllWorkstreams,
    HideAllWorkstreams,
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
    FeedUnavailable,
    /// Has a `{date}` placeholder.
    SavedCopy,
    // The progress tracker.
    StatusComplete,
    StatusOnTrack,
    StatusOngoing,
    StatusNotStarted,
    StatusAtRisk,
    StatusOffTrack,
    StatusOverdue,
    StatusNotReported,
    MeansComplete,
    MeansOnTrack,
    MeansOngoing,
    MeansNotStarted,
    MeansAtRisk,
    MeansOffTrack,
    MeansNotReported,
    MarkedCompleteInPlan,
    LastReportedStatus,
    NotUpdatedSince,
    StatusesWorkedOutFor,
    FeedStale,
    ProgressAtAGlance,
    SummaryComplete,
    SummaryOverdue,
    StatusKey,
    Workstream,
    LedBy,
    Problem,
    Objective,
    AccountableLeads,
    PlanPriorities,
    SuccessMeasures,
    Deadline,
    Status,
    Evidence,
    StatusConfirmed,
    FindInPlan,
    FilterWorkstream,
    FilterPriority,
    FilterStatus,
    FilterLead,
    FilterSearch,
    FilterSince,
    FilterSinceHint,
    FilterAny,
    ClearFilters,
    ResultCount,
    UpdatesCount,
    NoMatches,
    YouSaidWeDid,
    YouSaid,
    WeDid,
    KeyFigures,
    LatestFigure,
    PlanAimedFor,
    NoActualYet,
    PlannedEnd,
    BetterHigher,
    BetterLower,
    StartingPoint,
    Period,
    Actual,
    Planned,
    NoFigure,
    AxisNumber,
    AxisPercent,
    AxisDate,
    Comparator,
    // The pathway map, finder, "we are here" and statutory clock.
    ShowAs,
    ViewMap,
    ViewList,
    Language,
    MapOf,
    MapHelp,
    MapDoesNotFit,
    Close,
    WeAreHere,
    YouAreHere,
    ComesNext,
    HereBanner,
    HereNext,
    HereLast,
    HereHint,
    ForgetThis,
    Forgotten,
    SavedInBrowserOnly,
    FindPathway,
    ChildAge,
    ChildNeed,
    NotSureYet,
    UnderOne,
    AgeYears,
    PathwaysThatFit,
    ThisPathway,
    NoPathwayFits,
    NotForThisChild,
    StepsHiddenOne,
    StepsHiddenMany,
    ShowEveryStep,
    NeedAutism,
    NeedSlcn,
    NeedSemh,
    NeedLearningDisability,
    ClockTitle,
    ClockIntro,
    ClockWeek,
    ClockNotStarted,
    ClockPast,
    ClockDue,
    ClockWithin,
    Weeks,
    Days,
    WeeksAndDays,
    ClockOverdue,
    ClockWhatToDo,
    ClockSource,
    ClockOnTime,
    IndicatorLatest,
    IndicatorNoActual,
    IndicatorPlanned,
    IndicatorTarget,
    IndicatorMeets,
    IndicatorMisses,
    StepOf,
    StepOrOf,
    DateNotSent,
    // Issue 16: honest statuses, whole contacts, a shorter tracker.
    StatusNoUpdate,
    MeansNoUpdate,
    MeansOverdueReported,
    DeadlinePassedAsReported,
    /// Has a `{count}` placeholder.
    SummaryNoUpdate,
    ContactName,
    ContactNote,
    /// Has `{name}` and `{site}` placeholders.
    WebsiteOf,
    PlanContact,
    OnThisPage,
    AwaitingFigures,
    AwaitingFiguresLead,
    ContentsPlan,
    /// Has a `{count}` placeholder.
    EarlierUpdates,
    // Issue 16: more than one plan.
    PlansHeading,
    PlanShownNow,
    PlanClosedShort,
    /// Has an `{id}` placeholder.
    PlanUnknown,
    /// Has a `{date}` placeholder; no sentence end (a "followed by" may follow).
    PlanClosedIn,
    PlanClosed,
    /// Has a `{plan}` placeholder; follows `PlanClosedIn` or `PlanClosed`.
    PlanFollowedBy,
    /// Has a `{plan}` placeholder; no sentence end.
    PlanWasFollowedBy,
    /// Has `{start}` and `{end}` placeholders.
    PlanPeriod,
    /// Has a `{start}` placeholder.
    PlanPeriodFrom,
    /// Has an `{end}` placeholder.
    PlanPeriodUntil,
    /// Has a `{count}` placeholder.
    ShowAwaitingList,
    // Issue 16: about the area.
    AboutTheArea,
    AboutTheAreaLead,
    AreaMeasure,
    /// Has a `{date}` placeholder.
    FiguresFor,
}

/// The catalogue. A `match`, so the compiler refuses a message without every language.
pub fn t(msg: Msg, lang: Lang) -> &'static str {
    let (en, bn) = match msg {
        #[cfg(feature = "pathway")]
        Msg::Or => ("or", "অথবা"),
        #[cfg(feature = "pathway")]
        Msg::And => ("and", "এবং"),
        #[cfg(feature = "pathway")]
        Msg::Optional => ("Optional", "ঐচ্ছিক"),
        Msg::SentenceEnd => (".", "।"),
        Msg::Show => ("Show", "দেখান"),
        Msg::Hide => ("Hide", "লুকান"),
        #[cfg(feature = "pathway")]
        Msg::ShowAllSteps => ("Show all steps", "সব ধাপ দেখান"),
        #[cfg(feature = "pathway")]
        Msg::HideAllSteps => ("Hide all steps", "সব ধাপ লুকান"),
        #[cfg(feature = "tracker")]
        Msg::ShowAllWorkstreams => ("Show all workstreams", "সব কাজের ক্ষেত্র দেখান"),
        #[cfg(feature = "tracker")]
        Msg::HideAllWorkstreams => ("Hide all workstreams", "সব কাজের ক্ষেত্র লুকান"),
        #[cfg(feature = "pathway")]
        Msg::ServicesThatHelp => ("Services that can help", "যে সেবাগুলো সাহায্য করতে পারে"),
        #[cfg(feature = "pathway")]
        Msg::TypicalWait => ("Typical wait", "সাধারণত কতদিন অপেক্ষা করতে হয়"),
        #[cfg(feature = "pathway")]
        Msg::TimeLimit => ("Time limit set in law", "আইনে নির্ধারিত সময়সীমা"),
        #[cfg(feature = "pathway")]
        Msg::WhileYouWait => (
            "What you can do while you wait",
            "অপেক্ষার সময় আপনি যা করতে পারেন",
        ),
        #[cfg(feature = "pathway")]
        Msg::WhatNext => ("What comes next", "এরপর কী হবে"),
        #[cfg(feature = "pathway")]
        Msg::NextEither => ("Next, one of these", "এরপর, এগুলোর একটি"),
        #[cfg(feature = "pathway")]
        Msg::NextAll => ("Next, all of these", "এরপর, এগুলোর সবগুলো"),
        #[cfg(feature = "pathway")]
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
        #[cfg(feature = "pathway")]
        Msg::HowItIsGoing => (
            "How this step is going for families",
            "পরিবারগুলোর জন্য এই ধাপটি কেমন চলছে",
        ),
        Msg::Latest => ("Latest", "সর্বশেষ"),
        Msg::Target => ("Target", "লক্ষ্য"),
        Msg::Source => ("Source", "উৎস"),
        Msg::FeedUpdated => ("Information last checked", "তথ্য সর্বশেষ যাচাই করা হয়েছে"),
        Msg::FeedUnavailable => (
            "This information could not be updated just now, so it may be out of date.",
            "এই তথ্য এখন আপডেট করা যায়নি, তাই এটি পুরনো হতে পারে।",
        ),
        Msg::SavedCopy => (
            "This information could not be updated just now. You are seeing the copy saved in this browser on {date}.",
            "এই তথ্য এখন আপডেট করা যায়নি। আপনি এই ব্রাউজারে {date} তারিখে সেভ করা কপি দেখছেন।",
        ),
        Msg::StatusComplete => ("Complete", "সম্পন্ন"),
        Msg::StatusOnTrack => ("On track", "সময়মতো এগোচ্ছে"),
        Msg::StatusOngoing => ("Ongoing", "চলমান"),
        Msg::StatusNotStarted => ("Not started", "শুরু হয়নি"),
        Msg::StatusAtRisk => ("At risk", "দেরির ঝুঁকিতে"),
        Msg::StatusOffTrack => ("Off track", "পিছিয়ে পড়েছে"),
        Msg::StatusOverdue => ("Overdue", "সময়সীমা পেরিয়ে গেছে"),
        Msg::StatusNotReported => ("Not reported yet", "এখনও জানানো হয়নি"),
        Msg::MeansComplete => (
            "Done: the council recorded it as complete, or the plan marks it complete.",
            "শেষ হয়েছে: কাউন্সিল এটিকে সম্পন্ন হিসেবে নথিভুক্ত করেছে, অথবা পরিকল্পনায় এটিকে সম্পন্ন হিসেবে চিহ্নিত করা আছে।",
        ),
        Msg::MeansOnTrack => (
            "The council reports it will be done by the deadline.",
            "কাউন্সিল জানিয়েছে, এটি সময়সীমার মধ্যে শেষ হবে।",
        ),
        Msg::MeansOngoing => (
            "Reported regularly (for example every term); its reporting period has not ended.",
            "নিয়মিত জানানো হয় (যেমন প্রতি টার্মে); চলতি রিপোর্টের সময়কাল এখনও শেষ হয়নি।",
        ),
        Msg::MeansNotStarted => (
            "Work has not started yet, and the deadline has not passed.",
            "কাজ এখনও শুরু হয়নি, এবং সময়সীমা পেরোয়নি।",
        ),
        Msg::MeansAtRisk => (
            "The council reports it may miss the deadline.",
            "কাউন্সিল জানিয়েছে, এটি হয়তো সময়সীমার মধ্যে শেষ হবে না।",
        ),
        Msg::MeansOffTrack => (
            "The council reports it will miss the deadline without more action.",
            "কাউন্সিল জানিয়েছে, আরও পদক্ষেপ না নিলে এটি সময়সীমার মধ্যে শেষ হবে না।",
        ),
        Msg::MeansNotReported => (
            "No status has been recorded yet, and the deadline has not passed.",
            "এখনও কোনো অবস্থা নথিভুক্ত করা হয়নি, এবং সময়সীমা পেরোয়নি।",
        ),
        Msg::MarkedCompleteInPlan => (
            "Marked complete in the plan.",
            "পরিকল্পনায় সম্পন্ন হিসেবে চিহ্নিত।",
        ),
        Msg::LastReportedStatus => (
            "Last reported status: {status}.",
            "সর্বশেষ জানানো অবস্থা: {status}।",
        ),
        Msg::NotUpdatedSince => ("Not updated since {date}.", "{date}-এর পর আর আপডেট করা হয়নি।"),
        #[cfg(feature = "tracker")]
        Msg::StatusesWorkedOutFor => (
            "Statuses are worked out for {date}.",
            "অবস্থাগুলো {date} তারিখ অনুযায়ী হিসাব করা হয়েছে।",
        ),
        #[cfg(feature = "tracker")]
        Msg::FeedStale => (
            "This information was last checked more than 3 months ago, so some of it may be out of date.",
            "এই তথ্য শেষবার যাচাই করা হয়েছিল 3 মাসেরও বেশি আগে, তাই এর কিছু অংশ পুরনো হতে পারে।",
        ),
        #[cfg(feature = "tracker")]
        Msg::ProgressAtAGlance => ("Progress at a glance", "এক নজরে অগ্রগতি"),
        #[cfg(feature = "tracker")]
        Msg::SummaryComplete => (
            "{done} of {total} measures complete",
            "{total}টি মাপকাঠির মধ্যে {done}টি সম্পন্ন",
        ),
        #[cfg(feature = "tracker")]
        Msg::SummaryOverdue => ("{count} overdue", "{count}টির সময়সীমা পেরিয়ে গেছে"),
        #[cfg(feature = "tracker")]
        Msg::StatusKey => ("What the statuses mean", "অবস্থাগুলোর অর্থ"),
        #[cfg(feature = "tracker")]
        Msg::Workstream => ("Workstream", "কাজের ক্ষেত্র"),
        #[cfg(feature = "tracker")]
        Msg::LedBy => ("Led by", "দায়িত্বে"),
        #[cfg(feature = "tracker")]
        Msg::Problem => ("What needs to improve", "যা উন্নত করা দরকার"),
        #[cfg(feature = "tracker")]
        Msg::Objective => ("What the plan aims for", "পরিকল্পনা যা অর্জন করতে চায়"),
        #[cfg(feature = "tracker")]
        Msg::AccountableLeads => ("Accountable leads", "দায়িত্বে যাঁরা আছেন"),
        #[cfg(feature = "tracker")]
        Msg::PlanPriorities => ("Priorities", "অগ্রাধিকার"),
        #[cfg(feature = "tracker")]
        Msg::SuccessMeasures => ("How success is measured", "সাফল্য কীভাবে মাপা হয়"),
        #[cfg(feature = "tracker")]
        Msg::Deadline => ("Deadline", "সময়সীমা"),
        #[cfg(feature = "tracker")]
        Msg::Status => ("Status", "অবস্থা"),
        #[cfg(feature = "tracker")]
        Msg::Evidence => ("Evidence", "প্রমাণ"),
        #[cfg(feature = "tracker")]
        Msg::StatusConfirmed => ("Status confirmed", "অবস্থা নিশ্চিত করা হয়েছে"),
        #[cfg(feature = "tracker")]
        Msg::FindInPlan => ("Find actions", "পদক্ষেপ খুঁজুন"),
        #[cfg(feature = "tracker")]
        Msg::FilterWorkstream => ("Workstream", "কাজের ক্ষেত্র"),
        #[cfg(feature = "tracker")]
        Msg::FilterPriority => ("Priority", "অগ্রাধিকার"),
        #[cfg(feature = "tracker")]
        Msg::FilterStatus => ("Status", "অবস্থা"),
        #[cfg(feature = "tracker")]
        Msg::FilterLead => ("Lead", "দায়িত্বে যাঁরা আছেন"),
        #[cfg(feature = "tracker")]
        Msg::FilterSearch => ("Words to search for", "খোঁজার শব্দ"),
        #[cfg(feature = "tracker")]
        Msg::FilterSince => ("Changed since", "এই তারিখ থেকে যা বদলেছে"),
        #[cfg(feature = "tracker")]
        Msg::FilterSinceHint => (
            "Shows measures whose status or evidence was confirmed, and updates made, on or after this date.",
            "এই তারিখে বা এর পরে যেসব মাপকাঠির অবস্থা বা প্রমাণ নিশ্চিত করা হয়েছে সেগুলো দেখায়, আর এই তারিখে বা এর পরে দেওয়া আপডেটগুলোও দেখায়।",
        ),
        #[cfg(feature = "tracker")]
        Msg::FilterAny => ("All", "সব"),
        #[cfg(feature = "tracker")]
        Msg::ClearFilters => ("Clear filters", "ফিল্টার মুছুন"),
        #[cfg(feature = "tracker")]
        Msg::ResultCount => (
            "Showing {shown} of {total} measures.",
            "{total}টি মাপকাঠির মধ্যে {shown}টি দেখানো হচ্ছে।",
        ),
        #[cfg(feature = "tracker")]
        Msg::UpdatesCount => (
            "Showing {shown} of {total} updates.",
            "{total}টি আপডেটের মধ্যে {shown}টি দেখানো হচ্ছে।",
        ),
        #[cfg(feature = "tracker")]
        Msg::NoMatches => (
            "Nothing matches these filters. Try fewer filters or other words.",
            "এই ফিল্টারগুলোর সাথে কিছুই মেলেনি। কম ফিল্টার বা অন্য শব্দ দিয়ে চেষ্টা করুন।",
        ),
        #[cfg(feature = "tracker")]
        Msg::YouSaidWeDid => ("You said, we did", "আপনারা বলেছেন, আমরা করেছি"),
        #[cfg(feature = "tracker")]
        Msg::YouSaid => ("You said", "আপনারা বলেছেন"),
        #[cfg(feature = "tracker")]
        Msg::WeDid => ("We did", "আমরা করেছি"),
        #[cfg(feature = "tracker")]
        Msg::KeyFigures => ("Key figures", "মূল পরিসংখ্যান"),
        Msg::LatestFigure => ("{value} in {period}", "{period}-এ {value}"),
        Msg::PlanAimedFor => ("the plan aimed for {value}", "পরিকল্পনা অনুযায়ী এটি {value} হওয়ার কথা ছিল"),
        Msg::NoActualYet => (
            "No actual figures have been published in this feed yet.",
            "এই তথ্যে এখনও প্রকৃত কোনো পরিসংখ্যান প্রকাশ করা হয়নি।",
        ),
        Msg::PlannedEnd => (
            "The plan's path ends at {value} in {period}.",
            "পরিকল্পনা অনুযায়ী {period}-এ এটি {value} হওয়ার কথা।",
        ),
        Msg::BetterHigher => ("Higher is better.", "বেশি হলে ভালো।"),
        Msg::BetterLower => ("Lower is better.", "কম হলে ভালো।"),
        Msg::StartingPoint => ("Starting point", "শুরুর পরিসংখ্যান"),
        Msg::Period => ("Period", "সময়কাল"),
        Msg::Actual => ("Actual", "প্রকৃত"),
        Msg::Planned => ("Planned", "পরিকল্পিত"),
        Msg::NoFigure => ("no figure", "কোনো পরিসংখ্যান নেই"),
        Msg::AxisNumber => ("Number", "সংখ্যা"),
        Msg::AxisPercent => ("Percent", "শতাংশ"),
        Msg::AxisDate => ("Date", "তারিখ"),
        Msg::Comparator => ("Compared with", "তুলনায়"),
        #[cfg(feature = "pathway")]
        Msg::ShowAs => ("Show the pathway as", "পথটি যেভাবে দেখাবেন"),
        #[cfg(feature = "pathway")]
        Msg::ViewMap => ("Map", "ম্যাপ"),
        #[cfg(feature = "pathway")]
        Msg::ViewList => ("List of steps", "ধাপের তালিকা"),
        #[cfg(feature = "pathway")]
        Msg::Language => ("Language", "ভাষা"),
        #[cfg(feature = "pathway")]
        Msg::MapOf => ("Map of {title}", "{title}-এর ম্যাপ"),
        #[cfg(feature = "pathway")]
        Msg::MapHelp => (
            "Each box is a step, in stages from top to bottom. Arrows show what comes next; dashed arrows lead to one of several choices. Use the arrow keys to move between steps, Enter to open one and Escape to close it.",
            "প্রতিটি বাক্স একটি ধাপ, ওপর থেকে নিচে পর্যায় অনুযায়ী সাজানো। তীর দেখায় এরপর কী হবে; ভাঙা রেখার তীর কয়েকটি বিকল্পের একটিতে নিয়ে যায়। ধাপগুলোর মধ্যে যেতে কিবোর্ডের তীর-চিহ্ন বোতাম, খুলতে Enter এবং বন্ধ করতে Escape ব্যবহার করুন।",
        ),
        #[cfg(feature = "pathway")]
        Msg::MapDoesNotFit => (
            "The map does not fit on this screen, so the steps are shown as a list.",
            "ম্যাপটি এই স্ক্রিনে আঁটে না, তাই ধাপগুলো তালিকা হিসেবে দেখানো হচ্ছে।",
        ),
        #[cfg(feature = "pathway")]
        Msg::Close => ("Close", "বন্ধ করুন"),
        #[cfg(feature = "pathway")]
        Msg::WeAreHere => ("We are here", "আমরা এই ধাপে আছি"),
        #[cfg(feature = "pathway")]
        Msg::YouAreHere => ("You are here", "আপনি এই ধাপে আছেন"),
        #[cfg(feature = "pathway")]
        Msg::ComesNext => ("Comes next", "এরপর আসে"),
        #[cfg(feature = "pathway")]
        Msg::HereBanner => ("You marked this step: {step}.", "আপনি এই ধাপটি চিহ্নিত করেছেন: {step}।"),
        #[cfg(feature = "pathway")]
        Msg::HereNext => ("What comes next: {steps}.", "এরপর যা আসে: {steps}।"),
        #[cfg(feature = "pathway")]
        Msg::HereLast => (
            "This is the last step of this pathway.",
            "এটি এই পথের শেষ ধাপ।",
        ),
        #[cfg(feature = "pathway")]
        Msg::HereHint => (
            "To see what comes next for your family, open the step you have reached and choose \"We are here\".",
            "আপনার পরিবারের জন্য এরপর কী আসে তা দেখতে, যে ধাপে পৌঁছেছেন সেটি খুলে \"আমরা এই ধাপে আছি\" বেছে নিন।",
        ),
        #[cfg(feature = "pathway")]
        Msg::ForgetThis => ("Forget this", "এটি মুছে ফেলুন"),
        #[cfg(feature = "pathway")]
        Msg::Forgotten => (
            "Forgotten. This browser no longer keeps the step you marked.",
            "মুছে ফেলা হয়েছে। এই ব্রাউজারে আপনার চিহ্নিত ধাপটি আর রাখা নেই।",
        ),
        #[cfg(feature = "pathway")]
        Msg::SavedInBrowserOnly => (
            "This is kept only in this browser on this device. Nothing you choose or enter here is sent anywhere.",
            "এটি শুধু এই ডিভাইসের এই ব্রাউজারে রাখা হয়। আপনি এখানে যা বেছে নেন বা লেখেন তার কিছুই কোথাও পাঠানো হয় না।",
        ),
        #[cfg(feature = "pathway")]
        Msg::FindPathway => ("Find the pathway for your child", "আপনার সন্তানের জন্য পথ খুঁজুন"),
        #[cfg(feature = "pathway")]
        Msg::ChildAge => ("Your child's age", "আপনার সন্তানের বয়স"),
        #[cfg(feature = "pathway")]
        Msg::ChildNeed => ("Your child's needs", "আপনার সন্তানের চাহিদা"),
        #[cfg(feature = "pathway")]
        Msg::NotSureYet => ("Not sure yet", "এখনও নিশ্চিত নই"),
        #[cfg(feature = "pathway")]
        Msg::UnderOne => ("Under 1", "1 বছরের কম"),
        #[cfg(feature = "pathway")]
        Msg::AgeYears => ("{age}", "{age}"),
        #[cfg(feature = "pathway")]
        Msg::PathwaysThatFit => ("Pathways that fit", "যে পথগুলো মানানসই"),
        #[cfg(feature = "pathway")]
        Msg::ThisPathway => ("you are looking at it", "আপনি এটি দেখছেন"),
        #[cfg(feature = "pathway")]
        Msg::NoPathwayFits => (
            "None of these pathways is for a child of this age and need. The services under \"Who to talk to\" can still help.",
            "এই পথগুলোর কোনোটিই এই বয়স ও চাহিদার শিশুর জন্য নয়। \"কার সাথে কথা বলবেন\" অংশের সেবাগুলো তবুও সাহায্য করতে পারে।",
        ),
        #[cfg(feature = "pathway")]
        Msg::NotForThisChild => (
            "This pathway may not be for your child. See the pathways that fit.",
            "এই পথটি হয়তো আপনার সন্তানের জন্য নয়। মানানসই পথগুলো দেখুন।",
        ),
        #[cfg(feature = "pathway")]
        Msg::StepsHiddenOne => (
            "1 step is hidden because it is not for a child of this age or need.",
            "1টি ধাপ লুকানো হয়েছে, কারণ এটি এই বয়স বা চাহিদার শিশুর জন্য নয়।",
        ),
        #[cfg(feature = "pathway")]
        Msg::StepsHiddenMany => (
            "{count} steps are hidden because they are not for a child of this age or need.",
            "{count}টি ধাপ লুকানো হয়েছে, কারণ সেগুলো এই বয়স বা চাহিদার শিশুর জন্য নয়।",
        ),
        #[cfg(feature = "pathway")]
        Msg::ShowEveryStep => ("Show every step", "লুকানো ধাপগুলোও দেখান"),
        #[cfg(feature = "pathway")]
        Msg::NeedAutism => ("Autism, or we think so", "অটিজম, বা আমাদের তাই মনে হয়"),
        #[cfg(feature = "pathway")]
        Msg::NeedSlcn => (
            "Speech, language and communication",
            "কথা বলা, ভাষা ও যোগাযোগ",
        ),
        #[cfg(feature = "pathway")]
        Msg::NeedSemh => (
            "Social, emotional and mental health",
            "সামাজিক, আবেগগত ও মানসিক স্বাস্থ্য",
        ),
        #[cfg(feature = "pathway")]
        Msg::NeedLearningDisability => ("Learning disability", "শেখার প্রতিবন্ধিতা (লার্নিং ডিসঅ্যাবিলিটি)"),
        #[cfg(feature = "pathway")]
        Msg::ClockTitle => ("Your dates and the time limits in law", "আপনার তারিখ ও আইনের সময়সীমা"),
        #[cfg(feature = "pathway")]
        Msg::ClockIntro => (
            "The law sets the longest time each of these may take. Enter your date to see them as dates.",
            "আইন প্রতিটির জন্য সর্বোচ্চ সময় ঠিক করে দিয়েছে। তারিখ হিসেবে দেখতে আপনার তারিখটি লিখুন।",
        ),
        #[cfg(feature = "pathway")]
        Msg::ClockWeek => (
            "Today is in week {week} of {total}.",
            "আজ {total} সপ্তাহের মধ্যে {week} নম্বর সপ্তাহ চলছে।",
        ),
        #[cfg(feature = "pathway")]
        Msg::ClockNotStarted => (
            "This date is after today, so the clock has not started yet.",
            "এই তারিখটি আজকের পরে, তাই সময় গণনা এখনও শুরু হয়নি।",
        ),
        #[cfg(feature = "pathway")]
        Msg::ClockPast => (
            "It is now week {week}: more than {total} weeks since the start.",
            "এখন {week} নম্বর সপ্তাহ চলছে: শুরু থেকে {total} সপ্তাহের বেশি পেরিয়ে গেছে।",
        ),
        #[cfg(feature = "pathway")]
        Msg::ClockDue => ("By {date} (week {week})", "{date}-এর মধ্যে ({week} নম্বর সপ্তাহ)"),
        #[cfg(feature = "pathway")]
        Msg::ClockWithin => ("Within {duration}", "{duration} সময়ের মধ্যে"),
        #[cfg(feature = "pathway")]
        Msg::Weeks => ("{n} weeks", "{n} সপ্তাহ"),
        #[cfg(feature = "pathway")]
        Msg::Days => ("{n} days", "{n} দিন"),
        #[cfg(feature = "pathway")]
        Msg::WeeksAndDays => ("{weeks} and {days}", "{weeks} ও {days}"),
        #[cfg(feature = "pathway")]
        Msg::ClockOverdue => (
            "Overdue: this date has passed. If it has not happened yet, you can act on it.",
            "সময়সীমা পেরিয়ে গেছে: এই তারিখ চলে গেছে। যদি এটি এখনও না হয়ে থাকে, আপনি পদক্ষেপ নিতে পারেন।",
        ),
        #[cfg(feature = "pathway")]
        Msg::ClockWhatToDo => ("What you can do", "আপনি যা করতে পারেন"),
        #[cfg(feature = "pathway")]
        Msg::ClockSource => ("Set by", "যে আইনে নির্ধারিত"),
        #[cfg(feature = "pathway")]
        Msg::ClockOnTime => ("Not due yet.", "শেষ তারিখ এখনও আসেনি।"),
        #[cfg(feature = "pathway")]
        Msg::IndicatorLatest => (
            "Latest figure: {value} ({period}).",
            "সর্বশেষ পরিসংখ্যান: {value} ({period})।",
        ),
        #[cfg(feature = "pathway")]
        Msg::IndicatorNoActual => (
            "No actual figure has been published in this information yet.",
            "এই তথ্যে এখনও কোনো প্রকৃত পরিসংখ্যান প্রকাশ করা হয়নি।",
        ),
        #[cfg(feature = "pathway")]
        Msg::IndicatorPlanned => (
            "The plan expected {value} by {period}.",
            "পরিকল্পনা অনুযায়ী {period}-এর মধ্যে এটি {value} হওয়ার কথা ছিল।",
        ),
        #[cfg(feature = "pathway")]
        Msg::IndicatorTarget => ("Target: {target}.", "লক্ষ্য: {target}।"),
        #[cfg(feature = "pathway")]
        Msg::IndicatorMeets => (
            "The latest figure meets the target.",
            "সর্বশেষ পরিসংখ্যান লক্ষ্যে পৌঁছেছে।",
        ),
        #[cfg(feature = "pathway")]
        Msg::IndicatorMisses => (
            "The latest figure does not meet the target.",
            "সর্বশেষ পরিসংখ্যান লক্ষ্যে পৌঁছায়নি।",
        ),
        #[cfg(feature = "pathway")]
        Msg::StepOf => ("Step {n}", "ধাপ {n}"),
        #[cfg(feature = "pathway")]
        Msg::StepOrOf => ("or step {n}", "অথবা ধাপ {n}"),
        #[cfg(feature = "pathway")]
        Msg::DateNotSent => (
            "Your date stays on this page: it is not saved or sent anywhere.",
            "আপনার তারিখ এই পাতাতেই থাকে: এটি কোথাও সেভ করা বা পাঠানো হয় না।",
        ),
        Msg::StatusNoUpdate => (
            "No update since the deadline",
            "সময়সীমার পর কোনো আপডেট নেই",
        ),
        Msg::MeansNoUpdate => (
            "The deadline has passed and the council has not published a status for it. This says no update was published, not that it failed.",
            "সময়সীমা পেরিয়ে গেছে, কিন্তু কাউন্সিল এর কোনো অবস্থা প্রকাশ করেনি। এর মানে শুধু কোনো আপডেট প্রকাশ হয়নি, এটি ব্যর্থ হয়েছে এমন নয়।",
        ),
        Msg::MeansOverdueReported => (
            "The deadline has passed, and the last status the council reported (on track, not started or ongoing) no longer fits the date.",
            "সময়সীমা পেরিয়ে গেছে, এবং কাউন্সিলের সর্বশেষ জানানো অবস্থা (সময়মতো এগোচ্ছে, শুরু হয়নি বা চলমান) আর তারিখের সাথে মেলে না।",
        ),
        Msg::DeadlinePassedAsReported => (
            "Deadline passed; shown as the council reported it.",
            "সময়সীমা পেরিয়ে গেছে; কাউন্সিল যেমন জানিয়েছে তেমনই দেখানো হয়েছে।",
        ),
        #[cfg(feature = "tracker")]
        Msg::SummaryNoUpdate => (
            "{count} with no update since the deadline",
            "{count}টির সময়সীমার পর কোনো আপডেট নেই",
        ),
        Msg::ContactName => ("Contact", "যোগাযোগ"),
        Msg::ContactNote => ("Opening hours and notes", "খোলার সময় ও অন্যান্য তথ্য"),
        Msg::WebsiteOf => ("{name} website ({site})", "{name}-এর ওয়েবসাইট ({site})"),
        #[cfg(feature = "tracker")]
        Msg::PlanContact => ("Questions about this plan", "এই পরিকল্পনা নিয়ে প্রশ্ন"),
        #[cfg(feature = "tracker")]
        Msg::OnThisPage => ("On this page", "এই পাতায়"),
        #[cfg(feature = "tracker")]
        Msg::AwaitingFigures => (
            "Key figures not published yet",
            "যেসব মূল পরিসংখ্যান এখনও প্রকাশ হয়নি",
        ),
        #[cfg(feature = "tracker")]
        Msg::AwaitingFiguresLead => (
            "The plan names these measures of progress, but no figures for them have been published in this feed yet.",
            "পরিকল্পনায় অগ্রগতির এই মাপকাঠিগুলোর কথা আছে, কিন্তু এই তথ্যে এখনও এগুলোর কোনো পরিসংখ্যান প্রকাশ করা হয়নি।",
        ),
        #[cfg(feature = "tracker")]
        Msg::ContentsPlan => (
            "The plan, workstream by workstream",
            "পরিকল্পনা, কাজের ক্ষেত্র অনুযায়ী",
        ),
        #[cfg(feature = "tracker")]
        Msg::EarlierUpdates => (
            "Show {count} earlier updates",
            "আগের আরও {count}টি আপডেট দেখান",
        ),
        #[cfg(feature = "tracker")]
        Msg::ShowAwaitingList => ("Show the list ({count})", "তালিকাটি দেখান ({count}টি)"),
        #[cfg(feature = "tracker")]
        Msg::AboutTheArea => ("About the area", "এলাকা সম্পর্কে"),
        #[cfg(feature = "tracker")]
        Msg::AboutTheAreaLead => (
            "Figures about the children and young people in the area, from the council's papers. They are background for reading the plan, not targets.",
            "এলাকার শিশু ও তরুণদের সম্পর্কে কাউন্সিলের কাগজপত্র থেকে নেওয়া পরিসংখ্যান। এগুলো পরিকল্পনাটি বোঝার পটভূমি, লক্ষ্য নয়।",
        ),
        #[cfg(feature = "tracker")]
        Msg::AreaMeasure => ("What is counted", "কী গণনা করা হয়েছে"),
        #[cfg(feature = "tracker")]
        Msg::FiguresFor => ("figures for {date}", "{date}-এর পরিসংখ্যান"),
        #[cfg(feature = "tracker")]
        Msg::PlansHeading => ("The council's plans", "কাউন্সিলের পরিকল্পনাগুলো"),
        #[cfg(feature = "tracker")]
        Msg::PlanShownNow => ("(shown now)", "(এখন দেখানো হচ্ছে)"),
        #[cfg(feature = "tracker")]
        Msg::PlanClosedShort => ("closed", "শেষ হয়েছে"),
        #[cfg(feature = "tracker")]
        Msg::PlanUnknown => (
            "There is no plan \u{201c}{id}\u{201d} in this feed, so this is the current plan.",
            "এই তথ্যে \u{201c}{id}\u{201d} নামে কোনো পরিকল্পনা নেই, তাই বর্তমান পরিকল্পনাটি দেখানো হচ্ছে।",
        ),
        #[cfg(feature = "tracker")]
        Msg::PlanClosedIn => ("This plan closed in {date}", "এই পরিকল্পনাটি {date}-এ শেষ হয়েছে"),
        #[cfg(feature = "tracker")]
        Msg::PlanClosed => ("This plan has closed", "এই পরিকল্পনাটি শেষ হয়েছে"),
        #[cfg(feature = "tracker")]
        Msg::PlanFollowedBy => ("; it was followed by {plan}", "; এর পরে এসেছে {plan}"),
        #[cfg(feature = "tracker")]
        Msg::PlanWasFollowedBy => (
            "This plan was followed by {plan}",
            "এই পরিকল্পনার পরে এসেছে {plan}",
        ),
        #[cfg(feature = "tracker")]
        Msg::PlanPeriod => ("{start} to {end}", "{start} থেকে {end}"),
        #[cfg(feature = "tracker")]
        Msg::PlanPeriodFrom => ("from {start}", "{start} থেকে"),
        #[cfg(feature = "tracker")]
        Msg::PlanPeriodUntil => ("until {end}", "{end} পর্যন্ত"),
        // A build for one widget leaves out the words only the other widget's code asks for
        // (send-core's `pathway` and `tracker` features, both on by default): about 5 kB of
        // strings in each family build. Only that code's modules name the messages left out.
        #[allow(unreachable_patterns)]
        _ => ("", ""),
    };
    match lang {
        Lang::En => en,
        Lang::Bn => bn,
    }
}

/// A language's name in that language, for the language switch.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Bn => "বাংলা",
    }
}

/// A catalogue sentence with its `{name}` slots filled: word order differs between languages,
/// so numbers and dates go into templates rather than being glued to fragments.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
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

    /// Every message, so the tests can walk the whole catalogue: `every_message_is_listed`
    /// fails, naming it, when a new message is missing here.
    const ALL: &[Msg] = &[
        Msg::Or,
        Msg::And,
        Msg::Optional,
        Msg::SentenceEnd,
        Msg::Show,
        Msg::Hide,
        Msg::ShowAllSteps,
        Msg::HideAllSteps,
        Msg::ShowAllWorkstreams,
        Msg::HideAllWorkstreams,
        Msg::ServicesThatHelp,
        Msg::TypicalWait,
        Msg::TimeLimit,
        Msg::WhileYouWait,
        Msg::WhatNext,
        Msg::NextEither,
        Msg::NextAll,
        Msg::WhoToTalkTo,
        Msg::WhoItIsFor,
        Msg::HowToGetThere,
        Msg::SelfReferral,
        Msg::Phone,
        Msg::Email,
        Msg::Website,
        Msg::Cost,
        Msg::LanguagesSpoken,
        Msg::RunBy,
        Msg::HowItIsGoing,
        Msg::Latest,
        Msg::Target,
        Msg::Source,
        Msg::FeedUpdated,
        Msg::FeedUnavailable,
        Msg::SavedCopy,
        Msg::StatusComplete,
        Msg::StatusOnTrack,
        Msg::StatusOngoing,
        Msg::StatusNotStarted,
        Msg::StatusAtRisk,
        Msg::StatusOffTrack,
        Msg::StatusOverdue,
        Msg::StatusNotReported,
        Msg::MeansComplete,
        Msg::MeansOnTrack,
        Msg::MeansOngoing,
        Msg::MeansNotStarted,
        Msg::MeansAtRisk,
        Msg::MeansOffTrack,
        Msg::MeansNotReported,
        Msg::MarkedCompleteInPlan,
        Msg::LastReportedStatus,
        Msg::NotUpdatedSince,
        Msg::StatusesWorkedOutFor,
        Msg::FeedStale,
        Msg::ProgressAtAGlance,
        Msg::SummaryComplete,
        Msg::SummaryOverdue,
        Msg::StatusKey,
        Msg::Workstream,
        Msg::LedBy,
        Msg::Problem,
        Msg::Objective,
        Msg::AccountableLeads,
        Msg::PlanPriorities,
        Msg::SuccessMeasures,
        Msg::Deadline,
        Msg::Status,
        Msg::Evidence,
        Msg::StatusConfirmed,
        Msg::FindInPlan,
        Msg::FilterWorkstream,
        Msg::FilterPriority,
        Msg::FilterStatus,
        Msg::FilterLead,
        Msg::FilterSearch,
        Msg::FilterSince,
        Msg::FilterSinceHint,
        Msg::FilterAny,
        Msg::ClearFilters,
        Msg::ResultCount,
        Msg::UpdatesCount,
        Msg::NoMatches,
        Msg::YouSaidWeDid,
        Msg::YouSaid,
        Msg::WeDid,
        Msg::KeyFigures,
        Msg::LatestFigure,
        Msg::PlanAimedFor,
        Msg::NoActualYet,
        Msg::PlannedEnd,
        Msg::BetterHigher,
        Msg::BetterLower,
        Msg::StartingPoint,
        Msg::Period,
        Msg::Actual,
        Msg::Planned,
        Msg::NoFigure,
        Msg::AxisNumber,
        Msg::AxisPercent,
        Msg::AxisDate,
        Msg::Comparator,
        Msg::ShowAs,
        Msg::ViewMap,
        Msg::ViewList,
        Msg::Language,
        Msg::MapOf,
        Msg::MapHelp,
        Msg::MapDoesNotFit,
        Msg::Close,
        Msg::WeAreHere,
        Msg::YouAreHere,
        Msg::ComesNext,
        Msg::HereBanner,
        Msg::HereNext,
        Msg::HereLast,
        Msg::HereHint,
        Msg::ForgetThis,
        Msg::Forgotten,
        Msg::SavedInBrowserOnly,
        Msg::FindPathway,
        Msg::ChildAge,
        Msg::ChildNeed,
        Msg::NotSureYet,
        Msg::UnderOne,
        Msg::AgeYears,
        Msg::PathwaysThatFit,
        Msg::ThisPathway,
        Msg::NoPathwayFits,
        Msg::NotForThisChild,
        Msg::StepsHiddenOne,
        Msg::StepsHiddenMany,
        Msg::ShowEveryStep,
        Msg::NeedAutism,
        Msg::NeedSlcn,
        Msg::NeedSemh,
        Msg::NeedLearningDisability,
        Msg::ClockTitle,
        Msg::ClockIntro,
        Msg::ClockWeek,
        Msg::ClockNotStarted,
        Msg::ClockPast,
        Msg::ClockDue,
        Msg::ClockWithin,
        Msg::Weeks,
        Msg::Days,
        Msg::WeeksAndDays,
        Msg::ClockOverdue,
        Msg::ClockWhatToDo,
        Msg::ClockSource,
        Msg::ClockOnTime,
        Msg::IndicatorLatest,
        Msg::IndicatorNoActual,
        Msg::IndicatorPlanned,
        Msg::IndicatorTarget,
        Msg::IndicatorMeets,
        Msg::IndicatorMisses,
        Msg::StepOf,
        Msg::StepOrOf,
        Msg::DateNotSent,
        Msg::StatusNoUpdate,
        Msg::MeansNoUpdate,
        Msg::MeansOverdueReported,
        Msg::DeadlinePassedAsReported,
        Msg::SummaryNoUpdate,
        Msg::ContactName,
        Msg::ContactNote,
        Msg::WebsiteOf,
        Msg::PlanContact,
        Msg::OnThisPage,
        Msg::AwaitingFigures,
        Msg::AwaitingFiguresLead,
        Msg::ContentsPlan,
        Msg::EarlierUpdates,
        Msg::ShowAwaitingList,
        Msg::AboutTheArea,
        Msg::AboutTheAreaLead,
        Msg::AreaMeasure,
        Msg::FiguresFor,
        Msg::PlansHeading,
        Msg::PlanShownNow,
        Msg::PlanClosedShort,
        Msg::PlanUnknown,
        Msg::PlanClosedIn,
        Msg::PlanClosed,
        Msg::PlanFollowedBy,
        Msg::PlanWasFollowedBy,
        Msg::PlanPeriod,
        Msg::PlanPeriodFrom,
        Msg::PlanPeriodUntil,
    ];

    /// Latin words a Bengali string may keep: acronyms families meet in letters from the council
    /// and school, and the names printed on keyboard keys.
    const LATIN_ALLOWED: &[&str] = &["SEND", "EHC", "SENCO", "Enter", "Escape"];

    /// Terms the glossary (`www/docs/bengali-glossary.md`) replaced, with the term to use.
    const NOT_THE_GLOSSARY: &[(&str, &str)] = &[
        ("হালনাগাদ", "আপডেট"),
        ("মানচিত্র", "ম্যাপ"),
        ("কর্মধারা", "কাজের ক্ষেত্র"),
        ("নেতৃ", "দায়িত্বে যাঁরা আছেন"),
        ("শিখন", "শেখার"),
        ("সমূহ", "-গুলো"),
        ("সংরক্ষ", "সেভ করা"),
        ("রোগনির্ণয়", "নির্ণয় (ডায়াগনোসিস)"),
        ("সম্পূর্ণ", "সম্পন্ন"),
        ("প্রয়োজন", "চাহিদা"),
        ("সঠিক পথে", "সময়মতো এগোচ্ছে"),
    ];

    fn bengali() -> impl Iterator<Item = (Msg, &'static str, &'static str)> {
        ALL.iter()
            .map(|&msg| (msg, t(msg, Lang::En), t(msg, Lang::Bn)))
    }

    /// The `{name}` slots of a template, sorted, each as often as it occurs.
    fn placeholders(template: &str) -> Vec<&str> {
        let mut names: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    /// A template with its slots taken out: the words a translator wrote.
    fn words(template: &str) -> String {
        let mut text = String::new();
        let mut rest = template;
        while let Some((before, after)) = rest.split_once('{') {
            text.push_str(before);
            rest = after.split_once('}').map_or("", |(_, after)| after);
        }
        text.push_str(rest);
        text
    }

    #[test]
    fn every_message_is_listed() {
        let source = include_str!("i18n.rs");
        let start = source.find("pub enum Msg {").unwrap();
        let end = start + source[start..].find("\n}").unwrap();
        let declared: Vec<&str> = source[start..end]
            .lines()
            .skip(1)
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with("//"))
            .map(|line| line.trim_end_matches(','))
            .collect();
        let listed: Vec<String> = ALL.iter().map(|msg| format!("{msg:?}")).collect();
        let missing: Vec<&&str> = declared
            .iter()
            .filter(|name| !listed.iter().any(|l| l == *name))
            .collect();
        assert!(missing.is_empty(), "add to ALL in i18n.rs: {missing:?}");
        assert_eq!(listed.len(), declared.len(), "a message is listed twice");
    }

    #[test]
    fn every_bengali_template_has_exactly_the_placeholders_of_its_english_one() {
        for (msg, en, bn) in bengali() {
            assert_eq!(placeholders(bn), placeholders(en), "{msg:?}: {bn}");
        }
    }

    #[test]
    fn no_bengali_string_is_empty_or_still_english() {
        for (msg, en, bn) in bengali() {
            assert!(!bn.trim().is_empty(), "{msg:?} is empty in Bengali");
            let written = words(bn);
            let latin: Vec<&str> = written
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|word| !word.is_empty() && !LATIN_ALLOWED.contains(word))
                .collect();
            assert!(
                latin.is_empty(),
                "{msg:?} has English words {latin:?}: {bn}"
            );
            if words(en).chars().any(char::is_alphabetic) {
                assert!(
                    written
                        .chars()
                        .any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)),
                    "{msg:?} has no Bengali: {bn}"
                );
            }
        }
    }

    #[test]
    fn bengali_uses_latin_digits_and_ends_its_sentences_with_the_dari() {
        for (msg, _, bn) in bengali() {
            let digit = bn.chars().find(|c| ('\u{09E6}'..='\u{09EF}').contains(c));
            assert_eq!(digit, None, "{msg:?} has a Bengali digit: {bn}");
            assert!(
                !bn.ends_with('.'),
                "{msg:?} ends with a Latin full stop: {bn}"
            );
        }
        let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
        let day = crate::date::PartialDate::Day(date);
        assert_eq!(format_date(day, Lang::Bn), "1 মে 2024");
        assert_eq!(t(Msg::SentenceEnd, Lang::Bn), "।");
    }

    #[test]
    fn every_bengali_string_uses_the_glossary_terms() {
        for (msg, _, bn) in bengali() {
            for (old, term) in NOT_THE_GLOSSARY {
                assert!(
                    !bn.contains(old),
                    "{msg:?} says {old}, the glossary says {term}: {bn}"
                );
            }
        }
    }

    #[test]
    fn languages_differ_where_a_translation_exists() {
        assert_eq!(t(Msg::Latest, Lang::En), "Latest");
        assert_ne!(t(Msg::Latest, Lang::Bn), t(Msg::Latest, Lang::En));
    }

    #[test]
    fn templates_fill_their_slots_in_either_word_order() {
        let values = [("done", "3"), ("total", "52")];
        assert_eq!(
            fill(t(Msg::SummaryComplete, Lang::En), &values),
            "3 of 52 measures complete"
        );
        let bengali = fill(t(Msg::SummaryComplete, Lang::Bn), &values);
        assert!(bengali.contains("52") && bengali.contains('3') && !bengali.contains('{'));
    }

    /// A message behind `#[cfg(feature = "pathway")]` or `"tracker"` in `t` is left out of the
    /// other widget's build, where `t` would give "" for it: so outside tests it may be named
    /// only by that widget's own modules, which the other build never calls.
    #[test]
    fn a_message_left_out_of_a_build_is_named_only_by_its_widgets_code() {
        let root = env!("CARGO_MANIFEST_DIR");
        let own: [(&str, &[&str]); 2] = [
            (
                "pathway",
                &[
                    "src/render/pathway.rs",
                    "src/render/pathway_family.rs",
                    "src/render/pathway_map.rs",
                    "src/render/pathway_steps.rs",
                    "src/pathway/state.rs",
                    "src/pathway/interact.rs",
                    "src/pathway/clock.rs",
                    "src/pathway/audience.rs",
                    "src/pathway/layout.rs",
                    "../widgets/src/pathway.rs",
                ],
            ),
            (
                "tracker",
                &[
                    "src/render/tracker.rs",
                    "src/render/area.rs",
                    "src/render/status_badge.rs",
                    "src/tracker/shown.rs",
                    "src/tracker/filter.rs",
                    "src/tracker/interact.rs",
                    "../widgets/src/tracker.rs",
                ],
            ),
        ];
        let this = std::fs::read_to_string(format!("{root}/src/i18n.rs")).unwrap();
        let catalogue =
            &this[this.find("pub fn t(").unwrap()..this.find("pub fn language_name").unwrap()];
        let mut gated: Vec<(String, &str)> = Vec::new();
        let mut lines = catalogue.lines();
        while let Some(line) = lines.next() {
            for (feature, _) in &own {
                if line.trim() == format!("#[cfg(feature = \"{feature}\")]") {
                    let arm = lines.next().unwrap().trim();
                    let name = arm.trim_start_matches("Msg::").split(' ').next().unwrap();
                    gated.push((name.to_string(), feature));
                }
            }
        }
        assert!(
            gated.len() > 100,
            "the catalogue's cfg lines were not found: {gated:?}"
        );
        let mut sources = Vec::new();
        let mut dirs = vec![format!("{root}/src"), format!("{root}/../widgets/src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path.display().to_string());
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    // Tests are not in any build's wasm.
                    let code = text.split("#[cfg(test)]").next().unwrap().to_string();
                    sources.push((path.display().to_string(), code));
                }
            }
        }
        let mut wrong = Vec::new();
        for (name, feature) in &gated {
            let files = own.iter().find(|(f, _)| f == feature).unwrap().1;
            let word = format!("Msg::{name}");
            for (path, code) in &sources {
                let named = code.match_indices(&word).any(|(at, _)| {
                    !code[at + word.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                });
                let its_own = files
                    .iter()
                    .any(|f| path.ends_with(f.trim_start_matches("../")))
                    || path.contains("/src/edit/")
                    || path.contains("/src/sheet/")
                    || path.contains("/editor");
                if named && !its_own {
                    wrong.push(format!("{word} ({feature} only) is named in {path}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
