//! Narrowing the plan down: by workstream, priority, status, lead, words, and "changed since".
//!
//! The filter lives in the page's address (`#tracker:status=overdue&q=ehcp`) so a parent can
//! bookmark or share "the overdue EHCP measures". Reading and writing that fragment, and
//! deciding what matches, happen here, tested natively; the browser layer only moves strings.

use super::words::words_match;
use super::{level_from_slug, level_words, MeasureRow};
use crate::date::PartialDate;
use crate::feed::Update;
use crate::status::Derived;
use crate::text::Text;
use chrono::{Months, NaiveDate};

/// The fragment's namespace, so the tracker leaves other uses of the hash alone.
pub const FRAGMENT_PREFIX: &str = "tracker:";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrackerFilter {
    /// The plan a reader switched to (a version 2 plan id); not a narrowing of the measures.
    pub plan: Option<String>,
    /// A workstream id.
    pub workstream: Option<String>,
    /// A plan priority id.
    pub priority: Option<String>,
    pub status: Option<Derived>,
    /// A lead as the feed writes it in its default language.
    pub lead: Option<String>,
    /// Words to look for, in any order, ignoring case.
    pub query: String,
    /// Only measures confirmed, and updates made, on or after this day.
    pub since: Option<NaiveDate>,
}

impl TrackerFilter {
    pub fn is_empty(&self) -> bool {
        *self == TrackerFilter::default()
    }

    /// Reads `key=value` pairs as a form or the fragment gives them. Unknown keys and values
    /// that do not parse are ignored: a stale bookmark shows more, never an error.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> TrackerFilter {
        let mut filter = TrackerFilter::default();
        let some = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        for (key, value) in pairs {
            match key {
                "plan" => filter.plan = some(value),
                "workstream" => filter.workstream = some(value),
                "priority" => filter.priority = some(value),
                "status" => filter.status = level_from_slug(value.trim()),
                "lead" => filter.lead = some(value),
                "q" => filter.query = value.trim().to_owned(),
                "since" => filter.since = crate::date::parse_day(value.trim()),
                _ => {}
            }
        }
        filter
    }

    /// Reads `#tracker:status=overdue&q=ehcp` (with or without the `#`). Anything else is no
    /// filter at all.
    pub fn from_fragment(fragment: &str) -> TrackerFilter {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let Some(query) = fragment.strip_prefix(FRAGMENT_PREFIX) else {
            return TrackerFilter::default();
        };
        let decoded: Vec<(String, String)> = query
            .split('&')
            .filter_map(|pair| {
                let (key, value) = pair.split_once('=')?;
                Some((decode(key), decode(value)))
            })
            .collect();
        TrackerFilter::from_pairs(decoded.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The fragment for this filter, without `#`; empty when nothing is filtered.
    pub fn to_fragment(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(plan) = &self.plan {
            pairs.push(("plan", plan.clone()));
        }
        if let Some(workstream) = &self.workstream {
            pairs.push(("workstream", workstream.clone()));
        }
        if let Some(priority) = &self.priority {
            pairs.push(("priority", priority.clone()));
        }
        if let Some(status) = self.status {
            pairs.push(("status", level_words(status).2.to_owned()));
        }
        if let Some(lead) = &self.lead {
            pairs.push(("lead", lead.clone()));
        }
        if !self.query.is_empty() {
            pairs.push(("q", self.query.clone()));
        }
        if let Some(since) = self.since {
            pairs.push(("since", since.to_string()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = pairs
            .iter()
            .map(|(key, value)| format!("{key}={}", encode(value)))
            .collect();
        format!("{FRAGMENT_PREFIX}{}", body.join("&"))
    }

    /// Whether a measure is shown. `lang` and `default_lang` choose the text searched.
    pub fn matches(&self, row: &MeasureRow, lang: &str, default_lang: &str) -> bool {
        let action = row.action;
        let workstream_ok = self
            .workstream
            .as_ref()
            .is_none_or(|id| *id == row.workstream.id);
        let priority_ok = self
            .priority
            .as_ref()
            .is_none_or(|id| action.priorities.contains(id));
        let status_ok = self.status.is_none_or(|status| status == row.status.status);
        let lead_ok = self.lead.as_ref().is_none_or(|lead| {
            action
                .leads
                .iter()
                .chain(&row.workstream.leads)
                .any(|l| l.get(default_lang, default_lang).text == lead)
        });
        let since_ok = self.since.is_none_or(|since| {
            row.measure
                .status_date
                .is_some_and(|date| on_or_after(date, since))
        });
        let query_ok = self.query.is_empty() || {
            let pick = |text: &Text| text.get(lang, default_lang).text.to_owned();
            let mut haystack = vec![
                pick(&row.measure.text),
                pick(&action.title),
                pick(&row.workstream.title),
                action.reference.clone(),
                row.measure.deadline.clone(),
            ];
            haystack.extend(row.measure.evidence.as_ref().map(pick));
            haystack.extend(action.leads.iter().map(pick));
            words_match(&self.query, &haystack.join(" "))
        };
        workstream_ok && priority_ok && status_ok && lead_ok && since_ok && query_ok
    }

    /// Whether a "You said, we did" entry is shown: only the words and the date apply, since
    /// updates are not tied to one workstream, status or lead.
    pub fn matches_update(&self, update: &Update, lang: &str, default_lang: &str) -> bool {
        let since_ok = self
            .since
            .is_none_or(|since| on_or_after(update.date, since));
        let query_ok = self.query.is_empty() || {
            let mut texts = vec![update.we_did.get(lang, default_lang).text];
            texts.extend(
                update
                    .you_said
                    .as_ref()
                    .map(|t| t.get(lang, default_lang).text),
            );
            texts.extend(update.actions.iter().map(String::as_str));
            words_match(&self.query, &texts.join(" "))
        };
        since_ok && query_ok
    }
}

/// A date known only to the month or year may fall on or after `since` if its period ends on
/// or after it: for "what changed since", showing one item too many beats hiding one.
pub fn on_or_after(date: PartialDate, since: NaiveDate) -> bool {
    let months = match date {
        PartialDate::Day(day) => return day >= since,
        PartialDate::Month(..) => 1,
        PartialDate::Year(_) => 12,
    };
    date.first_day()
        .checked_add_months(Months::new(months))
        .is_none_or(|next| next > since)
}

/// Percent-encodes everything but unreserved characters, so any lead or search survives a URL.
pub(crate) fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Reverses [`encode`] (and reads `+` as a space, as forms write it). Bad escapes stay as typed.
pub(crate) fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracker::measure_rows;
    use crate::tracker::tests::plan;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn fragments_round_trip_including_awkward_text() {
        let filter = TrackerFilter {
            plan: Some("wsoa-2021".into()),
            workstream: Some("2".into()),
            priority: Some("3".into()),
            status: Some(Derived::Overdue),
            lead: Some("Head of Children's Integrated Commissioning & Co".into()),
            query: "EHCP 100% ধাপ".into(),
            since: Some(day(2024, 2, 29)),
        };
        let fragment = filter.to_fragment();
        assert!(fragment.starts_with(
            "tracker:plan=wsoa-2021&workstream=2&priority=3&status=overdue&lead=Head%20of"
        ));
        assert!(!fragment.contains(' ') && !fragment.contains('\''));
        assert_eq!(
            TrackerFilter::from_fragment(&format!("#{fragment}")),
            filter
        );
        assert_eq!(TrackerFilter::default().to_fragment(), "");
    }

    #[test]
    fn foreign_or_broken_fragments_filter_nothing_or_only_what_parses() {
        assert!(TrackerFilter::from_fragment("#main").is_empty());
        assert!(TrackerFilter::from_fragment("#spf-autism-step-notice").is_empty());
        let filter =
            TrackerFilter::from_fragment("#tracker:status=late&since=2024-13-01&q=a+b%2&x=1");
        assert_eq!(filter.status, None);
        assert_eq!(filter.since, None);
        assert_eq!(filter.query, "a b%2");
        assert!(
            TrackerFilter::from_fragment("#tracker:q=%E0%A6%A7%E0%A6%BE%E0%A6%AA").query == "ধাপ"
        );
    }

    #[test]
    fn measures_match_on_every_criterion() {
        let plan = plan();
        let rows = measure_rows(&plan, day(2022, 6, 1));
        let shown = |filter: &TrackerFilter| {
            rows.iter()
                .filter(|row| filter.matches(row, "en", "en"))
                .count()
        };
        assert_eq!(shown(&TrackerFilter::default()), 5);
        let by_workstream = TrackerFilter::from_pairs([("workstream", "2")]);
        assert_eq!(shown(&by_workstream), 2);
        let by_status = TrackerFilter::from_pairs([("status", "complete")]);
        assert_eq!(shown(&by_status), 2);
        let both = TrackerFilter::from_pairs([("status", "complete"), ("workstream", "2")]);
        assert_eq!(shown(&both), 1);
        // Words match the action's reference and title, and the deadline as written.
        assert_eq!(shown(&TrackerFilter::from_pairs([("q", "2.1")])), 2);
        assert_eq!(
            shown(&TrackerFilter::from_pairs([("q", "TERMLY 2022/23")])),
            1
        );
        assert_eq!(shown(&TrackerFilter::from_pairs([("q", "termly 2030")])), 0);
        // No measure has a status date, so nothing has changed since any date.
        assert_eq!(
            shown(&TrackerFilter::from_pairs([("since", "2000-01-01")])),
            0
        );
        assert_eq!(shown(&TrackerFilter::from_pairs([("priority", "9")])), 0);
        assert_eq!(shown(&TrackerFilter::from_pairs([("lead", "Nobody")])), 0);
    }

    #[test]
    fn partial_dates_count_as_changed_if_their_period_reaches_the_date() {
        let since = day(2024, 3, 1);
        assert!(on_or_after(PartialDate::Year(2024), since));
        assert!(!on_or_after(PartialDate::Year(2023), since));
        assert!(on_or_after(PartialDate::Month(2024, 3), since));
        assert!(!on_or_after(PartialDate::Month(2024, 2), since));
        assert!(on_or_after(PartialDate::Day(since), since));
        assert!(!on_or_after(PartialDate::Day(day(2024, 2, 29)), since));
    }
}
