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
    StepsOfPathway,
    Ages,
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
    MeansOverdue,
    MeansNotReported,
    NoStatusDeadlinePassed,
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
    ShowTable,
    ShowChart,
    ChartTitle,
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
        Msg::ShowAllWorkstreams => ("Show all workstreams", "সব কর্মধারা দেখান"),
        Msg::HideAllWorkstreams => ("Hide all workstreams", "সব কর্মধারা লুকান"),
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
        Msg::SavedCopy => (
            "This information could not be updated just now. You are seeing the copy saved in this browser on {date}.",
            "এই তথ্য এখন হালনাগাদ করা যায়নি। আপনি এই ব্রাউজারে {date} তারিখে সংরক্ষিত কপি দেখছেন।",
        ),
        Msg::StatusComplete => ("Complete", "সম্পূর্ণ"),
        Msg::StatusOnTrack => ("On track", "সঠিক পথে"),
        Msg::StatusOngoing => ("Ongoing", "চলমান"),
        Msg::StatusNotStarted => ("Not started", "শুরু হয়নি"),
        Msg::StatusAtRisk => ("At risk", "ঝুঁকিতে"),
        Msg::StatusOffTrack => ("Off track", "পিছিয়ে পড়েছে"),
        Msg::StatusOverdue => ("Overdue", "সময়সীমা পেরিয়ে গেছে"),
        Msg::StatusNotReported => ("Not reported yet", "এখনও জানানো হয়নি"),
        Msg::MeansComplete => (
            "Done: the council recorded it as complete, or the plan marks it complete.",
            "শেষ হয়েছে: কাউন্সিল এটি সম্পূর্ণ হিসেবে লিখেছে, অথবা পরিকল্পনায় এটি সম্পূর্ণ বলা আছে।",
        ),
        Msg::MeansOnTrack => (
            "The council reports it will be done by the deadline.",
            "কাউন্সিল জানিয়েছে এটি সময়সীমার মধ্যে শেষ হবে।",
        ),
        Msg::MeansOngoing => (
            "Reported regularly (for example every term); its reporting period has not ended.",
            "নিয়মিত জানানো হয় (যেমন প্রতি টার্মে); এর সময়কাল এখনও শেষ হয়নি।",
        ),
        Msg::MeansNotStarted => (
            "Work has not started yet, and the deadline has not passed.",
            "কাজ এখনও শুরু হয়নি, এবং সময়সীমা পেরোয়নি।",
        ),
        Msg::MeansAtRisk => (
            "The council reports it may miss the deadline.",
            "কাউন্সিল জানিয়েছে এটি সময়সীমা পার হয়ে যেতে পারে।",
        ),
        Msg::MeansOffTrack => (
            "The council reports it will miss the deadline without more action.",
            "কাউন্সিল জানিয়েছে আরও পদক্ষেপ ছাড়া এটি সময়সীমা পার হয়ে যাবে।",
        ),
        Msg::MeansOverdue => (
            "The deadline has passed and it is not recorded as complete.",
            "সময়সীমা পেরিয়ে গেছে এবং এটি সম্পূর্ণ হিসেবে লেখা হয়নি।",
        ),
        Msg::MeansNotReported => (
            "No status has been recorded yet, and the deadline has not passed.",
            "এখনও কোনো অবস্থা লেখা হয়নি, এবং সময়সীমা পেরোয়নি।",
        ),
        Msg::NoStatusDeadlinePassed => (
            "Status not reported; deadline passed.",
            "অবস্থা জানানো হয়নি; সময়সীমা পেরিয়ে গেছে।",
        ),
        Msg::MarkedCompleteInPlan => (
            "Marked complete in the plan.",
            "পরিকল্পনায় সম্পূর্ণ বলা হয়েছে।",
        ),
        Msg::LastReportedStatus => (
            "Last reported status: {status}.",
            "সর্বশেষ জানানো অবস্থা: {status}।",
        ),
        Msg::NotUpdatedSince => ("Not updated since {date}.", "{date} এর পর হালনাগাদ হয়নি।"),
        Msg::StatusesWorkedOutFor => (
            "Statuses are worked out for {date}.",
            "অবস্থাগুলো {date} তারিখ অনুযায়ী হিসাব করা হয়েছে।",
        ),
        Msg::FeedStale => (
            "This information was last checked more than 3 months ago, so some of it may be out of date.",
            "এই তথ্য ৩ মাসেরও আগে সর্বশেষ যাচাই করা হয়েছিল, তাই এর কিছু অংশ পুরনো হতে পারে।",
        ),
        Msg::ProgressAtAGlance => ("Progress at a glance", "এক নজরে অগ্রগতি"),
        Msg::SummaryComplete => (
            "{done} of {total} measures complete",
            "{total}টি মাপকাঠির মধ্যে {done}টি সম্পূর্ণ",
        ),
        Msg::SummaryOverdue => ("{count} overdue", "{count}টির সময়সীমা পেরিয়ে গেছে"),
        Msg::StatusKey => ("What the statuses mean", "অবস্থাগুলোর অর্থ"),
        Msg::Workstream => ("Workstream", "কর্মধারা"),
        Msg::LedBy => ("Led by", "নেতৃত্বে"),
        Msg::Problem => ("What needs to improve", "যা উন্নত করা দরকার"),
        Msg::Objective => ("What the plan aims for", "পরিকল্পনার লক্ষ্য"),
        Msg::AccountableLeads => ("Accountable leads", "দায়িত্বপ্রাপ্ত নেতৃবৃন্দ"),
        Msg::PlanPriorities => ("Priorities", "অগ্রাধিকার"),
        Msg::SuccessMeasures => ("How success is measured", "সাফল্য কীভাবে মাপা হয়"),
        Msg::Deadline => ("Deadline", "সময়সীমা"),
        Msg::Status => ("Status", "অবস্থা"),
        Msg::Evidence => ("Evidence", "প্রমাণ"),
        Msg::StatusConfirmed => ("Status confirmed", "অবস্থা নিশ্চিত করা হয়েছে"),
        Msg::FindInPlan => ("Find actions", "পদক্ষেপ খুঁজুন"),
        Msg::FilterWorkstream => ("Workstream", "কর্মধারা"),
        Msg::FilterPriority => ("Priority", "অগ্রাধিকার"),
        Msg::FilterStatus => ("Status", "অবস্থা"),
        Msg::FilterLead => ("Lead", "নেতৃত্ব"),
        Msg::FilterSearch => ("Words to search for", "খোঁজার শব্দ"),
        Msg::FilterSince => ("Changed since", "যে তারিখের পর পরিবর্তিত"),
        Msg::FilterSinceHint => (
            "Shows measures whose status or evidence was confirmed, and updates made, on or after this date.",
            "এই তারিখে বা এর পরে যেসব মাপকাঠির অবস্থা বা প্রমাণ নিশ্চিত করা হয়েছে এবং যেসব হালনাগাদ হয়েছে, সেগুলো দেখায়।",
        ),
        Msg::FilterAny => ("All", "সব"),
        Msg::ClearFilters => ("Clear filters", "ফিল্টার মুছুন"),
        Msg::ResultCount => (
            "Showing {shown} of {total} measures.",
            "{total}টি মাপকাঠির মধ্যে {shown}টি দেখানো হচ্ছে।",
        ),
        Msg::UpdatesCount => (
            "Showing {shown} of {total} updates.",
            "{total}টি হালনাগাদের মধ্যে {shown}টি দেখানো হচ্ছে।",
        ),
        Msg::NoMatches => (
            "Nothing matches these filters. Try fewer filters or other words.",
            "এই ফিল্টারগুলোর সাথে কিছুই মেলেনি। কম ফিল্টার বা অন্য শব্দ দিয়ে চেষ্টা করুন।",
        ),
        Msg::YouSaidWeDid => ("You said, we did", "আপনি বলেছেন, আমরা করেছি"),
        Msg::YouSaid => ("You said", "আপনি বলেছেন"),
        Msg::WeDid => ("We did", "আমরা করেছি"),
        Msg::KeyFigures => ("Key figures", "মূল পরিসংখ্যান"),
        Msg::LatestFigure => ("{value} in {period}", "{period}: {value}"),
        Msg::PlanAimedFor => ("the plan aimed for {value}", "পরিকল্পনার লক্ষ্য ছিল {value}"),
        Msg::NoActualYet => (
            "No actual figures have been published in this feed yet.",
            "এই ফিডে এখনও প্রকৃত কোনো পরিসংখ্যান প্রকাশ করা হয়নি।",
        ),
        Msg::PlannedEnd => (
            "The plan's path ends at {value} in {period}.",
            "পরিকল্পনার পথ {period} সালে {value}-এ শেষ হয়।",
        ),
        Msg::BetterHigher => ("Higher is better.", "বেশি হলে ভালো।"),
        Msg::BetterLower => ("Lower is better.", "কম হলে ভালো।"),
        Msg::StartingPoint => ("Starting point", "শুরুর অবস্থা"),
        Msg::ShowTable => ("Show as a table", "টেবিল হিসেবে দেখান"),
        Msg::ShowChart => ("Show as a chart", "চার্ট হিসেবে দেখান"),
        Msg::ChartTitle => (
            "{title}: chart of the actual figures, the planned path and the target. The same figures are in the table.",
            "{title}: প্রকৃত পরিসংখ্যান, পরিকল্পিত পথ ও লক্ষ্যের চার্ট। একই পরিসংখ্যান টেবিলে আছে।",
        ),
        Msg::Period => ("Period", "সময়কাল"),
        Msg::Actual => ("Actual", "প্রকৃত"),
        Msg::Planned => ("Planned", "পরিকল্পিত"),
        Msg::NoFigure => ("no figure", "কোনো সংখ্যা নেই"),
        Msg::AxisNumber => ("Number", "সংখ্যা"),
        Msg::AxisPercent => ("Percent", "শতাংশ"),
        Msg::AxisDate => ("Date", "তারিখ"),
        Msg::Comparator => ("Compared with", "তুলনা"),
        Msg::ShowAs => ("Show the pathway as", "পথটি যেভাবে দেখাবেন"),
        Msg::ViewMap => ("Map", "মানচিত্র"),
        Msg::ViewList => ("List of steps", "ধাপের তালিকা"),
        Msg::Language => ("Language", "ভাষা"),
        Msg::MapOf => ("Map of {title}", "{title}-এর মানচিত্র"),
        Msg::MapHelp => (
            "Each box is a step, in stages from top to bottom. Arrows show what comes next; dashed arrows lead to one of several choices. Use the arrow keys to move between steps, Enter to open one and Escape to close it.",
            "প্রতিটি বাক্স একটি ধাপ, ওপর থেকে নিচে পর্যায় অনুযায়ী সাজানো। তীর দেখায় এরপর কী হবে; ড্যাশ দেওয়া তীর কয়েকটি বিকল্পের একটিতে নিয়ে যায়। ধাপগুলোর মধ্যে যেতে তীর চিহ্নের কী, খুলতে Enter এবং বন্ধ করতে Escape ব্যবহার করুন।",
        ),
        Msg::MapDoesNotFit => (
            "The map does not fit on this screen, so the steps are shown as a list.",
            "মানচিত্রটি এই স্ক্রিনে আঁটে না, তাই ধাপগুলো তালিকা হিসেবে দেখানো হচ্ছে।",
        ),
        Msg::Close => ("Close", "বন্ধ করুন"),
        Msg::WeAreHere => ("We are here", "আমরা এখানে আছি"),
        Msg::YouAreHere => ("You are here", "আপনি এখানে আছেন"),
        Msg::ComesNext => ("Comes next", "এরপর আসে"),
        Msg::HereBanner => ("You marked this step: {step}.", "আপনি এই ধাপটি চিহ্নিত করেছেন: {step}।"),
        Msg::HereNext => ("What comes next: {steps}.", "এরপর যা আসে: {steps}।"),
        Msg::HereLast => (
            "This is the last step of this pathway.",
            "এটি এই পথের শেষ ধাপ।",
        ),
        Msg::HereHint => (
            "To see what comes next for your family, open the step you have reached and choose \"We are here\".",
            "আপনার পরিবারের জন্য এরপর কী আসে তা দেখতে, যে ধাপে পৌঁছেছেন সেটি খুলে \"আমরা এখানে আছি\" বেছে নিন।",
        ),
        Msg::ForgetThis => ("Forget this", "এটি মুছে ফেলুন"),
        Msg::Forgotten => (
            "Forgotten. This browser no longer keeps the step you marked.",
            "মুছে ফেলা হয়েছে। এই ব্রাউজারে আপনার চিহ্নিত ধাপটি আর রাখা নেই।",
        ),
        Msg::SavedInBrowserOnly => (
            "This is kept only in this browser on this device. Nothing you choose or enter here is sent anywhere.",
            "এটি শুধু এই ডিভাইসের এই ব্রাউজারে রাখা হয়। আপনি এখানে যা বেছে নেন বা লেখেন তার কিছুই কোথাও পাঠানো হয় না।",
        ),
        Msg::FindPathway => ("Find the pathway for your child", "আপনার সন্তানের জন্য পথ খুঁজুন"),
        Msg::ChildAge => ("Your child's age", "আপনার সন্তানের বয়স"),
        Msg::ChildNeed => ("Your child's needs", "আপনার সন্তানের প্রয়োজন"),
        Msg::NotSureYet => ("Not sure yet", "এখনও নিশ্চিত নই"),
        Msg::UnderOne => ("Under 1", "১ বছরের কম"),
        Msg::AgeYears => ("{age}", "{age}"),
        Msg::PathwaysThatFit => ("Pathways that fit", "যে পথগুলো মানানসই"),
        Msg::ThisPathway => ("you are looking at it", "আপনি এটি দেখছেন"),
        Msg::NoPathwayFits => (
            "None of these pathways is for a child of this age and need. The services under \"Who to talk to\" can still help.",
            "এই পথগুলোর কোনোটিই এই বয়স ও প্রয়োজনের শিশুর জন্য নয়। \"কার সাথে কথা বলবেন\" অংশের সেবাগুলো তবুও সাহায্য করতে পারে।",
        ),
        Msg::NotForThisChild => (
            "This pathway may not be for your child. See the pathways that fit.",
            "এই পথটি হয়তো আপনার সন্তানের জন্য নয়। মানানসই পথগুলো দেখুন।",
        ),
        Msg::StepsHiddenOne => (
            "1 step is hidden because it is not for a child of this age or need.",
            "১টি ধাপ লুকানো হয়েছে, কারণ এটি এই বয়স বা প্রয়োজনের শিশুর জন্য নয়।",
        ),
        Msg::StepsHiddenMany => (
            "{count} steps are hidden because they are not for a child of this age or need.",
            "{count}টি ধাপ লুকানো হয়েছে, কারণ সেগুলো এই বয়স বা প্রয়োজনের শিশুর জন্য নয়।",
        ),
        Msg::ShowEveryStep => ("Show every step", "সব ধাপ দেখান"),
        Msg::NeedAutism => ("Autism, or we think so", "অটিজম, বা আমাদের তাই মনে হয়"),
        Msg::NeedSlcn => (
            "Speech, language and communication",
            "কথা বলা, ভাষা ও যোগাযোগ",
        ),
        Msg::NeedSemh => (
            "Social, emotional and mental health",
            "সামাজিক, আবেগগত ও মানসিক স্বাস্থ্য",
        ),
        Msg::NeedLearningDisability => ("Learning disability", "শিখন অক্ষমতা"),
        Msg::ClockTitle => ("Your dates and the time limits in law", "আপনার তারিখ ও আইনের সময়সীমা"),
        Msg::ClockIntro => (
            "The law sets the longest time each of these may take. Enter your date to see them as dates.",
            "আইন প্রতিটির জন্য সর্বোচ্চ সময় ঠিক করে দিয়েছে। তারিখ হিসেবে দেখতে আপনার তারিখটি লিখুন।",
        ),
        Msg::ClockWeek => (
            "Today is in week {week} of {total}.",
            "আজ {total} সপ্তাহের মধ্যে {week} নম্বর সপ্তাহ।",
        ),
        Msg::ClockNotStarted => (
            "This date is after today, so the clock has not started yet.",
            "এই তারিখটি আজকের পরে, তাই সময় গণনা এখনও শুরু হয়নি।",
        ),
        Msg::ClockPast => (
            "It is now week {week}: more than {total} weeks since the start.",
            "এখন {week} নম্বর সপ্তাহ: শুরু থেকে {total} সপ্তাহের বেশি।",
        ),
        Msg::ClockDue => ("By {date} (week {week})", "{date}-এর মধ্যে ({week} নম্বর সপ্তাহ)"),
        Msg::ClockWithin => ("Within {duration}", "{duration}-এর মধ্যে"),
        Msg::Weeks => ("{n} weeks", "{n} সপ্তাহ"),
        Msg::Days => ("{n} days", "{n} দিন"),
        Msg::WeeksAndDays => ("{weeks} and {days}", "{weeks} ও {days}"),
        Msg::ClockOverdue => (
            "Overdue: this date has passed. If it has not happened yet, you can act on it.",
            "সময়সীমা পেরিয়ে গেছে: এই তারিখ চলে গেছে। যদি এটি এখনও না হয়ে থাকে, আপনি পদক্ষেপ নিতে পারেন।",
        ),
        Msg::ClockWhatToDo => ("What you can do", "আপনি যা করতে পারেন"),
        Msg::ClockSource => ("Set by", "যেখানে নির্ধারিত"),
        Msg::ClockOnTime => ("Not due yet.", "এখনও সময় হয়নি।"),
        Msg::IndicatorLatest => (
            "Latest figure: {value} ({period}).",
            "সর্বশেষ পরিসংখ্যান: {value} ({period})।",
        ),
        Msg::IndicatorNoActual => (
            "No actual figure has been published in this information yet.",
            "এই তথ্যে এখনও কোনো প্রকৃত পরিসংখ্যান প্রকাশ করা হয়নি।",
        ),
        Msg::IndicatorPlanned => (
            "The plan expected {value} by {period}.",
            "পরিকল্পনায় {period}-এর মধ্যে {value} আশা করা হয়েছিল।",
        ),
        Msg::IndicatorTarget => ("Target: {target}.", "লক্ষ্য: {target}।"),
        Msg::IndicatorMeets => (
            "The latest figure meets the target.",
            "সর্বশেষ পরিসংখ্যান লক্ষ্যে পৌঁছেছে।",
        ),
        Msg::IndicatorMisses => (
            "The latest figure does not meet the target.",
            "সর্বশেষ পরিসংখ্যান লক্ষ্যে পৌঁছায়নি।",
        ),
        Msg::StepOf => ("Step {n}", "ধাপ {n}"),
        Msg::StepOrOf => ("or step {n}", "অথবা ধাপ {n}"),
        Msg::DateNotSent => (
            "Your date stays on this page: it is not saved or sent anywhere.",
            "আপনার তারিখ এই পাতাতেই থাকে: এটি কোথাও সংরক্ষণ বা পাঠানো হয় না।",
        ),
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

    #[test]
    fn languages_differ_where_a_translation_exists() {
        assert_eq!(t(Msg::Step, Lang::En), "Step");
        assert_ne!(t(Msg::Step, Lang::Bn), t(Msg::Step, Lang::En));
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
}
