//! The date of an event: the date expression nearest the trigger in its
//! clause, resolved against the article date, else the article date. A
//! planned event's calendar date without a year moves ahead ("on June 9" in
//! a plan is the next June 9).

use chrono::{Datelike, NaiveDate};
use faultline_dates::{EventDate, PartialDate, find_event_dates};

use super::factuality::Assessed;
use super::{Found, Sentence};
use crate::event::Factuality;

/// An event's date, where it came from, and the expression used.
pub(super) struct Dated {
    /// The date, to year, month or day.
    pub date: PartialDate,
    /// "text" or "article".
    pub source: &'static str,
    /// The date expression, when one was used.
    pub text: Option<String>,
    /// The factuality, moved to future when the date is ahead.
    pub factuality: Factuality,
    /// The factuality cue, the date expression when it set the factuality.
    pub cue: Option<String>,
    /// The event's code (from factuality).
    pub code: String,
}

/// The date expressions of a sentence, with spans in the body.
pub(super) fn sentence_dates(s: &Sentence<'_>) -> Vec<EventDate> {
    find_event_dates(s.text, s.inp.anchor)
        .into_iter()
        .map(|d| EventDate {
            start: d.start + s.inp.start,
            end: d.end + s.inp.start,
            ..d
        })
        .collect()
}

/// The date of trigger `f`, given its factuality.
pub(super) fn date_event(s: &Sentence<'_>, dates: &[EventDate], f: &Found, a: Assessed) -> Dated {
    let verb_start = s.words[f.verb].start;
    let clause_start = s.clause_start(f.verb);
    let (mut date, source, text, future) = date_for(s, dates, verb_start, clause_start);
    let mut factuality = a.factuality;
    let mut cue = a.cue;
    // A planned event's "June 9" is the next June 9, not the last one, and
    // its "Monday" the next Monday. Deictic dates ("yesterday", "last week",
    // "three days ago") never move.
    if (a.intent || factuality == Factuality::Future)
        && let Some(t) = &text
        && !has_year(t)
        && let PartialDate::Date(d) = date
        && d < s.inp.anchor
        && let Some(next) = calendar_ahead(t, d)
    {
        date = PartialDate::Date(next);
    }
    if future && factuality == Factuality::Asserted && !a.intent {
        factuality = Factuality::Future;
        cue = cue.or_else(|| text.clone());
    }
    Dated {
        date,
        source,
        text,
        factuality,
        cue,
        code: a.code,
    }
}

/// The date of an event: the date expression nearest the trigger in its
/// clause, else the article date.
fn date_for(
    s: &Sentence<'_>,
    dates: &[EventDate],
    verb_start: usize,
    clause_start: usize,
) -> (PartialDate, &'static str, Option<String>, bool) {
    let inp = s.inp;
    let clause_from = s.words.get(clause_start).map_or(inp.start, |w| w.start);
    // A date before the verb belongs to another clause when ", and",
    // ", but" or ", while" stands between ("X was impeached three months
    // ago, and Y convened …").
    let other_clause = |d: &EventDate| {
        d.end <= verb_start
            && inp.body.get(d.end..verb_start).is_some_and(|between| {
                between.contains(", and ")
                    || between.contains(", but ")
                    || between.contains(", while ")
            })
    };
    // A date in an aside after the trigger (", the first visit … since
    // 2010") dates the aside, not the event.
    let in_aside = |d: &EventDate| {
        d.start > verb_start
            && inp.body.get(verb_start..d.start).is_some_and(|between| {
                between.contains(", the ")
                    || between.contains(", a ")
                    || between.contains(", an ")
                    || between.contains(", which ")
            })
    };
    let best = dates
        .iter()
        .filter(|d| d.start >= clause_from && !other_clause(d) && !in_aside(d))
        .min_by_key(|d| {
            if d.start >= verb_start {
                d.start - verb_start
            } else {
                verb_start - d.end + 8
            }
        });
    match best {
        Some(d) => (
            d.date,
            "text",
            Some(inp.body[d.start..d.end].to_owned()),
            d.future,
        ),
        None => (PartialDate::Date(inp.anchor), "article", None, false),
    }
}

/// The next occurrence of a calendar date written without a year: a day of
/// a month a year later, a weekday a week later. `None` for deictic
/// expressions ("yesterday", "last Monday", "two weeks ago").
fn calendar_ahead(text: &str, d: NaiveDate) -> Option<NaiveDate> {
    const WEEKDAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "last" | "ago" | "yesterday" | "today" | "earlier" | "since" | "past" | "previous"
        )
    }) {
        return None;
    }
    if words.iter().any(|w| WEEKDAYS.contains(w)) {
        return d.checked_add_days(chrono::Days::new(7));
    }
    if words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit())) {
        return d.with_year(d.year() + 1);
    }
    None
}

/// True when a date expression names its year ("Oct. 7, 2014", "2010").
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn planned_calendar_dates_move_ahead_and_deictic_ones_do_not() {
        assert_eq!(
            calendar_ahead("on June 9", day("2014-06-09")),
            Some(day("2015-06-09"))
        );
        assert_eq!(
            calendar_ahead("on Monday", day("2020-01-06")),
            Some(day("2020-01-13"))
        );
        assert_eq!(calendar_ahead("Yesterday", day("2020-01-05")), None);
        assert_eq!(calendar_ahead("last Monday", day("2020-01-06")), None);
        assert_eq!(calendar_ahead("three days ago", day("2020-01-03")), None);
    }
}
