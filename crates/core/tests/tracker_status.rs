//! Every recorded status against every form of deadline, on the day before, the day of and
//! the day after it is due: the tracker's status words rest on this table, so it is spelled out
//! here independently of the code that computes it.

use chrono::NaiveDate;
use send_core::date::PartialDate;
use send_core::feed::{Measure, Status};
use send_core::status::{derive_status, update_due_after_deadline, Derived};
use send_core::tracker::{level_words, measure_rows, Tally};
use send_core::Text;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A year, month and day.
type Ymd = (i32, u32, u32);

/// A deadline as written, and the last day it is not yet late (`None`: never late).
const DEADLINES: [(&str, Option<Ymd>); 6] = [
    ("January 2022", Some((2022, 1, 31))),
    ("2022-01-15", Some((2022, 1, 15))),
    ("Tracked termly 2022/23", Some((2023, 8, 31))),
    ("Bi-monthly from November 2021", None),
    ("when funding allows", None),
    ("July 2021 (complete)", Some((2021, 7, 31))),
];

const RECORDED: [Option<Status>; 7] = [
    None,
    Some(Status::NotStarted),
    Some(Status::OnTrack),
    Some(Status::AtRisk),
    Some(Status::OffTrack),
    Some(Status::Ongoing),
    Some(Status::Complete),
];

/// What a family should read, worked out by hand from the rules in issue 16: a status the
/// council reported is shown as reported; a report that no longer fits its date is overdue;
/// silence after a deadline is its own status, never "overdue".
fn expected(deadline: &str, recorded: Option<Status>, late: bool) -> Derived {
    let cadence = deadline.contains("termly") || deadline.contains("monthly");
    if recorded == Some(Status::Complete) || deadline.contains("(complete)") {
        return Derived::Complete;
    }
    match (recorded, late) {
        (Some(Status::AtRisk), _) => Derived::AtRisk,
        (Some(Status::OffTrack), _) => Derived::OffTrack,
        (Some(_), true) => Derived::Overdue,
        (None, true) => Derived::NoUpdateSinceDeadline,
        (Some(Status::NotStarted), false) => Derived::NotStarted,
        (Some(Status::OnTrack), false) => Derived::OnTrack,
        (Some(Status::Ongoing), false) => Derived::Ongoing,
        (None, false) if cadence => Derived::Ongoing,
        _ => Derived::NotReported,
    }
}

#[test]
fn every_status_and_deadline_before_on_and_after_the_due_day() {
    let mut checked = 0;
    for (deadline, due) in DEADLINES {
        let due = due.map(|(y, m, d)| day(y, m, d));
        let probe = due.unwrap_or(day(2030, 6, 15));
        for recorded in RECORDED {
            for (today, late) in [
                (probe.pred_opt().unwrap(), false),
                (probe, false),
                (probe.succ_opt().unwrap(), due.is_some()),
            ] {
                let measure = Measure {
                    text: Text::from("m"),
                    deadline: deadline.into(),
                    status: recorded,
                    evidence: None,
                    status_date: None,
                };
                let derived = derive_status(&measure, today);
                let expected = expected(deadline, recorded, late);
                assert_eq!(
                    derived.status, expected,
                    "{deadline:?} recorded {recorded:?} on {today}"
                );
                assert_eq!(
                    derived.deadline_passed,
                    late && expected != Derived::Complete,
                    "{deadline:?} recorded {recorded:?} on {today}"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 6 * 7 * 3);
}

/// One measure due "December 2022", on 1 June 2023 (after the deadline), row by row: what is
/// recorded, what families see, whether "deadline passed" is said beside it, and whether the
/// checker still asks for an update.
#[test]
fn after_the_deadline_case_by_case() {
    use Derived::*;
    type Row = (
        Option<Status>,
        Option<&'static str>,
        Derived,
        bool, // "deadline passed" in words
        bool, // the checker's past-deadline warning
    );
    #[rustfmt::skip]
    let table: [Row; 16] = [
        // recorded              status_date     families see           passed  warns
        (Some(Status::Complete),   None,           Complete,              false,  false),
        (Some(Status::Complete),   Some("2022-06"), Complete,             false,  false),
        (Some(Status::AtRisk),     None,           AtRisk,                true,   true),
        (Some(Status::AtRisk),     Some("2022-12"), AtRisk,               true,   true),
        (Some(Status::AtRisk),     Some("2023-01"), AtRisk,               true,   false),
        (Some(Status::OffTrack),   Some("2022-10-01"), OffTrack,          true,   true),
        (Some(Status::OffTrack),   Some("2023-03-14"), OffTrack,          true,   false),
        (Some(Status::OnTrack),    None,           Overdue,               true,   true),
        (Some(Status::OnTrack),    Some("2023-05"), Overdue,              true,   true),
        (Some(Status::NotStarted), Some("2022-01"), Overdue,              true,   true),
        (Some(Status::NotStarted), Some("2023-05"), Overdue,              true,   true),
        (Some(Status::Ongoing),    Some("2022-11"), Overdue,              true,   true),
        (Some(Status::Ongoing),    Some("2023-02"), Overdue,              true,   false),
        (None,                     None,           NoUpdateSinceDeadline, true,   true),
        // A date without a status is no report.
        (None,                     Some("2023-02"), NoUpdateSinceDeadline, true,  true),
        (None,                     Some("2021"),   NoUpdateSinceDeadline, true,   true),
    ];
    let today = day(2023, 6, 1);
    for (recorded, date, sees, passed, warns) in table {
        let measure = Measure {
            text: Text::from("m"),
            deadline: "December 2022".into(),
            status: recorded,
            evidence: None,
            status_date: date.map(|d| PartialDate::parse(d).unwrap()),
        };
        let derived = derive_status(&measure, today);
        let case = format!("{recorded:?} dated {date:?}");
        assert_eq!(derived.status, sees, "{case}");
        assert_eq!(derived.deadline_passed, passed, "{case}");
        assert_eq!(update_due_after_deadline(&measure, today), warns, "{case}");
        // Silence and a report that no longer fits are never the same word or shape.
        assert_ne!(level_words(Overdue).2, level_words(NoUpdateSinceDeadline).2);
    }
    // Before the deadline nothing is "passed" and the checker is quiet.
    let before = day(2022, 12, 31);
    for (recorded, date, ..) in table {
        let measure = Measure {
            text: Text::from("m"),
            deadline: "December 2022".into(),
            status: recorded,
            evidence: None,
            status_date: date.map(|d| PartialDate::parse(d).unwrap()),
        };
        assert!(!derive_status(&measure, before).deadline_passed);
        assert!(!update_due_after_deadline(&measure, before));
    }
}

/// A status older than 3 months keeps its "not updated since" note after the deadline too.
#[test]
fn the_stale_note_survives_the_deadline() {
    for recorded in [Status::AtRisk, Status::OffTrack, Status::OnTrack] {
        let measure = Measure {
            text: Text::from("m"),
            deadline: "December 2022".into(),
            status: Some(recorded),
            evidence: None,
            status_date: Some(PartialDate::Month(2023, 1)),
        };
        let derived = derive_status(&measure, day(2023, 6, 1));
        assert_eq!(
            derived.stale_since,
            Some(PartialDate::Month(2023, 1)),
            "{recorded:?}"
        );
    }
}

#[test]
fn stale_statuses_are_flagged_except_when_complete() {
    for recorded in RECORDED.into_iter().flatten() {
        let measure = Measure {
            text: Text::from("m"),
            deadline: "December 2030".into(),
            status: Some(recorded),
            evidence: None,
            status_date: Some(PartialDate::Month(2024, 1)),
        };
        let fresh = derive_status(&measure, day(2024, 4, 30));
        let stale = derive_status(&measure, day(2024, 5, 1));
        assert_eq!(fresh.stale_since, None, "{recorded:?}");
        let flagged = recorded != Status::Complete;
        assert_eq!(stale.stale_since.is_some(), flagged, "{recorded:?}");
    }
}

#[test]
fn the_sample_plan_is_shown_honestly_for_its_own_date() {
    let feed = send_core::parse_feed(include_str!("../../../www/feed/tower-hamlets.json")).unwrap();
    let plan = feed.current_plan().unwrap();
    let rows = measure_rows(plan, feed.updated);
    let tally = Tally::of(&rows);
    // The documents record no statuses: nothing may claim to be on track or at risk.
    for level in [
        Derived::OnTrack,
        Derived::AtRisk,
        Derived::OffTrack,
        Derived::NotStarted,
    ] {
        assert_eq!(tally.count(level), 0, "{}", level_words(level).2);
    }
    // Only the plan's own "(complete)" markers make a measure complete.
    let marked = rows
        .iter()
        .filter(|r| r.measure.deadline.to_lowercase().contains("(complete)"))
        .count();
    assert_eq!(tally.count(Derived::Complete), marked);
    assert_eq!(tally.total(), rows.len());
    // With nothing recorded, a passed deadline is "no update since the deadline", never a
    // claim that the work is overdue (before issue 16 the sample showed 69 of 79 as overdue).
    assert_eq!(tally.count(Derived::Overdue), 0);
    assert_eq!(
        tally.count(Derived::NoUpdateSinceDeadline),
        rows.iter().filter(|r| r.status.deadline_passed).count()
    );
}

/// The plan is long, so in the widget its workstreams start closed under their headings and
/// tallies (still findable: `hidden="until-found"`), with one button to open them all. A filter
/// shows what it matched open, and the no-JavaScript fallback shows everything.
#[test]
fn workstreams_start_closed_in_the_widget_and_open_for_a_filter_or_without_javascript() {
    use send_core::options::WidgetOptions;
    use send_core::tracker::filter::TrackerFilter;
    use send_core::widget::{render_tracker_at, render_widget_at};

    let feed = send_core::parse_feed(include_str!("../../../www/feed/tower-hamlets.json")).unwrap();
    let workstreams = feed.current_plan().unwrap().workstreams.len();
    assert!(workstreams > 1);
    let (options, _) = WidgetOptions::from_attributes(|name| match name {
        "data-send-widget" => Some("tracker".into()),
        "data-feed" => Some("feed.json".into()),
        _ => None,
    })
    .unwrap();
    let html = |interactive: bool, filter: &TrackerFilter| {
        render_widget_at(&feed, &options, "sp1", interactive, feed.updated, filter)
            .unwrap()
            .to_html()
    };
    let count = |html: &str, needle: &str| html.matches(needle).count();
    // The tracker-only wasm build draws with `render_tracker_at`: the same widget.
    let alone = |filter: &TrackerFilter| {
        render_tracker_at(&feed, &options, "sp1", feed.updated, filter)
            .unwrap()
            .to_html()
    };

    let closed = html(true, &TrackerFilter::default());
    assert_eq!(alone(&TrackerFilter::default()), closed);
    assert_eq!(
        count(&closed, "class=\"sp-workstream__panel\""),
        workstreams
    );
    // Every workstream, the earlier "You said, we did" entries and the list of key figures not
    // published yet start closed, still findable.
    assert_eq!(count(&closed, "hidden=\"until-found\""), workstreams + 2);
    assert_eq!(
        count(
            &closed,
            "data-sp-action=\"disclose\" aria-expanded=\"false\""
        ),
        2
    );
    assert_eq!(
        count(&closed, "data-sp-action=\"toggle\" aria-expanded=\"false\""),
        workstreams
    );
    assert_eq!(count(&closed, "data-sp-action=\"toggle-all\""), 1);
    assert!(closed.contains(">Show all workstreams</button>"));
    // Each closed workstream still says how far it has got.
    assert_eq!(count(&closed, "class=\"sp-workstream\""), workstreams);
    assert!(count(&closed, "sp-summary") >= workstreams);

    let filtered = html(
        true,
        &TrackerFilter {
            query: "annual review".into(),
            ..TrackerFilter::default()
        },
    );
    assert_eq!(
        alone(&TrackerFilter {
            query: "annual review".into(),
            ..TrackerFilter::default()
        }),
        filtered
    );
    assert!(filtered.contains("class=\"sp-workstream__panel\""));
    // A filter opens what it matched; only the list of figures not published yet stays closed.
    assert_eq!(count(&filtered, "hidden=\"until-found\""), 1);
    assert!(!filtered.contains("data-sp-action=\"toggle\" aria-expanded=\"false\""));

    let fallback = html(false, &TrackerFilter::default());
    assert_eq!(count(&fallback, " hidden="), 0);
    assert_eq!(count(&fallback, "<button"), 0);
    assert_eq!(
        count(&fallback, "class=\"sp-workstream__panel\""),
        workstreams
    );
}

/// Issue 16, must-show 5: a contents list right after "at a glance", indicators without any
/// figure in one compact list rather than a card each, and a words filter that finds other
/// forms of a word.
#[test]
fn the_tracker_reads_short_contents_first_and_missing_figures_together() {
    use send_core::options::WidgetOptions;
    use send_core::tracker::filter::TrackerFilter;
    use send_core::tracker::indicator::has_figures;
    use send_core::widget::render_widget_at;

    let feed = send_core::parse_feed(include_str!("../../../www/feed/tower-hamlets.json")).unwrap();
    let (options, _) = WidgetOptions::from_attributes(|name| match name {
        "data-send-widget" => Some("tracker".into()),
        "data-feed" => Some("feed.json".into()),
        _ => None,
    })
    .unwrap();
    let html = |filter: &TrackerFilter| {
        render_widget_at(&feed, &options, "sp1", true, feed.updated, filter)
            .unwrap()
            .to_html()
    };
    let page = html(&TrackerFilter::default());
    let at = |needle: &str| {
        page.find(needle)
            .unwrap_or_else(|| panic!("{needle} not in the tracker"))
    };
    // The contents come straight after the summary and before the key, and every link in it
    // goes to an id on the page.
    assert!(at("class=\"sp-glance\"") < at("<nav class=\"sp-contents\""));
    assert!(at("<nav class=\"sp-contents\"") < at("class=\"sp-key-box\""));
    let nav = &page[at("<nav class=\"sp-contents\"")..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let links: Vec<&str> = nav
        .split("href=\"#")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(links.len() >= 5, "{links:?}");
    for id in &links {
        assert!(page.contains(&format!("id=\"{id}\"")), "{id}");
    }
    // Indicators with no figure at all are lines in one list, not cards; the others are cards.
    let (cards, awaiting): (Vec<_>, Vec<_>) = feed.indicators.iter().partition(|i| has_figures(i));
    assert!(awaiting.len() > 10, "{}", awaiting.len());
    assert_eq!(page.matches("class=\"sp-indicator\"").count(), cards.len());
    assert_eq!(
        page.matches("class=\"sp-awaiting__item\"").count(),
        awaiting.len()
    );
    assert_eq!(
        page.matches("No actual figures have been published")
            .count(),
        cards.iter().filter(|i| i.actual.is_empty()).count()
    );
    for indicator in &awaiting {
        assert!(page.contains(&format!("id=\"sp1-kpi-{}\"", indicator.id)));
    }

    // Words: "autism" finds what "autistic" finds, and more.
    let shown = |query: &str| {
        let page = html(&TrackerFilter {
            query: query.into(),
            ..TrackerFilter::default()
        });
        page.matches("<li class=\"sp-measure ").count()
    };
    let (autism, autistic) = (shown("autism"), shown("autistic"));
    assert!(autistic > 0 && autism >= autistic, "{autism} {autistic}");
    assert!(shown("assessments") >= shown("assessment") && shown("assessment") > 0);
}
