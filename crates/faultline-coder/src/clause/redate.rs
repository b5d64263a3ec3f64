//! Dates that later sentences give an event the article first reported
//! vaguely: "A Chinese submarine entered Japanese waters last week. … The
//! intrusion occurred on 10 November." A sentence that opens with a
//! definite event noun (or one after a possessor: "Lima's expulsion
//! Tuesday came …") and a verb of occurring ("the attack happened on
//! Tuesday", "this raid took place on 3 May") and holds one date to the
//! day re-dates the latest earlier event the noun can name, when that
//! event's own date was vaguer (no date to the day in its words) and lies
//! within a week and a half of the new one.
//!
//!
//! An event with no date of its own, its sentence's or its paragraph's,
//! whose trigger follows an adverb of continuation ("Erdogan also
//! attacked …") happened on the occasion of its source's latest earlier
//! event dated in the text, and takes that date.
//!
//! An event with no date of its own whose sentence says "a day later" or
//! "a day before the talks" is dated a day from the event before, or from
//! the latest earlier event the noun can name ([`relative_days`]).
//!
//! A wire lead's day (`date_source` "lead") is dropped where the lead
//! plans, and on an event still to come.
//!
//! Input: the article's sentences, their date expressions and the events
//! coded. Output: the events, some re-dated (`date_source` "text", the
//! expression of the later sentence as `date_text`). The verbs of
//! occurring are data (`data/anaphora.toml`, `occurrence`).

use chrono::NaiveDate;
use faultline_dates::{EventDate, PartialDate};

use super::anaphora;
use super::dating::SentenceDates;
use crate::event::{Event, Factuality};

/// How many sentences back "a day later" may count from.
const NEAR_SENTENCES: usize = 2;

/// How far (days) a day may lie from the vaguer date it makes precise.
const NEAR_DAYS: i64 = 10;

/// Re-dates `events` from the sentences that date an earlier event.
pub fn refine(
    body: &str,
    sentences: &[(usize, usize, usize)],
    dated: &[SentenceDates],
    events: &mut [Event],
    anchor: NaiveDate,
) {
    confirm_lead(dated.first().and_then(|d| d.story), events, anchor);
    for (i, &(start, end, _)) in sentences.iter().enumerate() {
        let Some(day) = one_day(dated.get(i).map_or(&[], |d| d.dates.as_slice())) else {
            continue;
        };
        let Some(noun) = body.get(start..end).and_then(occurrence_noun) else {
            continue;
        };
        if let Some(e) = antecedent(&noun, i, events) {
            redate(e, body, day);
        }
    }
    continue_dates(body, events);
    relative_days(body, events);
}

/// Dates each event with no date of its own, whose sentence says "a day
/// later" or "a day earlier" (`day_after`, `day_before`), one day from the
/// latest earlier event dated to the day in the text, in one of the two
/// sentences before; or "a day before the talks" (`day_before_event`,
/// `day_after_event`), one day from the latest earlier event, anywhere
/// before, that the noun can name.
pub fn relative_days(body: &str, events: &mut [Event]) {
    for i in 0..events.len() {
        let e = &events[i];
        if e.date_source == "text" {
            continue;
        }
        let Some((phrase, offset, noun)) =
            day_offset(body.get(e.sentence.start..e.sentence.end).unwrap_or(""))
        else {
            continue;
        };
        let near = |p: &Event| {
            p.sentence.index < e.sentence.index
                && p.sentence.index + NEAR_SENTENCES >= e.sentence.index
        };
        // "a day before the meeting": the latest earlier event the noun
        // can name; "a day later": the latest earlier one, near.
        let named =
            |p: &Event| noun.is_none_or(|g| g.roots.iter().any(|r| r == "*" || *r == p.root));
        let counted = |p: &Event| {
            p.sentence.index < e.sentence.index && if noun.is_some() { named(p) } else { near(p) }
        };
        let earlier = events[..i].iter().rev().find_map(|p| match p.date {
            PartialDate::Date(day) if counted(p) && p.date_source == "text" => Some(day),
            _ => None,
        });
        let Some(day) = earlier.and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(offset)))
        else {
            continue;
        };
        let e = &mut events[i];
        e.date = PartialDate::Date(day);
        e.date_source = "text";
        e.date_text = Some(phrase);
    }
}

/// The phrase of a day after or before in `text`, as written, its offset
/// in days, and the group of the event noun it counts from ("a day before
/// the summit"), if it names one. Matching is on an ASCII lower-case copy,
/// whose byte offsets are those of `text`.
fn day_offset(text: &str) -> Option<(String, i64, Option<&'static anaphora::Group>)> {
    let lower = text.to_ascii_lowercase();
    let t = anaphora::table();
    let find = |phrases: &[String], offset: i64| {
        phrases.iter().find_map(|p| {
            let at = lower.find(p.as_str())?;
            text.get(at..at + p.len())
                .map(|w| (w.to_owned(), offset, None))
        })
    };
    find(&t.day_after, 1)
        .or_else(|| find(&t.day_before, -1))
        .or_else(|| of_event(text, &lower, &t.day_after_event, 1))
        .or_else(|| of_event(text, &lower, &t.day_before_event, -1))
}

/// "a day before the meeting": one of `phrases` in `lower` (the ASCII
/// lower-case copy of `text`), then a definite determiner and a noun of an
/// anaphora group or of `[occasion]`; the words as written, the offset and
/// the noun's group.
fn of_event(
    text: &str,
    lower: &str,
    phrases: &[String],
    offset: i64,
) -> Option<(String, i64, Option<&'static anaphora::Group>)> {
    let t = anaphora::table();
    phrases.iter().find_map(|p| {
        let at = lower.find(&format!("{p} "))?;
        let rest = &lower[at + p.len()..];
        let mut words = rest.split_whitespace();
        let det = words.next()?;
        let raw = words.next()?;
        let noun = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        let occasion = Some(&t.occasion).filter(|o| o.nouns.iter().any(|n| n == noun));
        let group = anaphora::is_definite(det)
            .then(|| anaphora::group_of(noun).or(occasion))
            .flatten()?;
        // The noun's own end, wherever the spaces fall.
        let noun_at = rest.find(raw).map(|k| at + p.len() + k)?;
        text.get(at..noun_at + noun.len())
            .map(|w| (w.to_owned(), offset, Some(group)))
    })
}

/// The sentence's only date expression, when it is to the day.
fn one_day(dates: &[EventDate]) -> Option<&EventDate> {
    match dates {
        [d] if matches!(d.date, PartialDate::Date(_)) && !d.future => Some(d),
        _ => None,
    }
}

/// Drops the lead's day (`date_source` "lead") where the lead plans: an
/// event of its sentence still to come or intended, not dated by that
/// day ("Iran and Saudi Arabia are due to hold talks on Friday"); and on
/// any event still to come ("Estonia will summon the envoy"). Those take
/// the article date.
fn confirm_lead(story: Option<EventDate>, events: &mut [Event], anchor: NaiveDate) {
    let Some(story) = story else { return };
    // A lead that plans: an event of its sentence still to come, or an
    // intent, not dated by the lead's day.
    let plans = events.iter().any(|e| {
        e.sentence.start <= story.start
            && story.start < e.sentence.end
            && (e.factuality == Factuality::Future || e.root == "03")
            && e.date != story.date
    });
    for e in events.iter_mut().filter(|e| e.date_source == "lead") {
        if plans || e.factuality == Factuality::Future {
            e.date = PartialDate::Date(anchor);
            e.date_source = "article";
            e.date_text = None;
        }
    }
}

/// Dates each undated event of a continuation ("X also condemned …") as
/// the latest earlier event dated in the text whose source has the same
/// country.
pub fn continue_dates(body: &str, events: &mut [Event]) {
    for i in 0..events.len() {
        let e = &events[i];
        // Only an event dated by nothing nearer than the article or its
        // lead: a continuation is its source's latest occasion.
        if !matches!(e.date_source, "article" | "lead") || !after_continuation(body, e) {
            continue;
        }
        let earlier = events[..i].iter().rev().find(|p| {
            p.sentence.index < e.sentence.index
                && p.date_source == "text"
                && p.source.country.is_some()
                && p.source.country == e.source.country
                && p.factuality == Factuality::Asserted
        });
        if let Some(p) = earlier {
            let (date, text) = (p.date, p.date_text.clone());
            let e = &mut events[i];
            e.date = date;
            e.date_source = "text";
            e.date_text = text;
        }
    }
}

/// True when one of the two words before the trigger of `e`, in its
/// sentence, is an adverb of continuation ("also attacked", "has also
/// criticised").
fn after_continuation(body: &str, e: &Event) -> bool {
    let before = body.get(e.sentence.start..e.trigger.start).unwrap_or("");
    before.split_whitespace().rev().take(2).any(|w| {
        anaphora::table()
            .continuation
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
    })
}

/// The event noun of a sentence that opens "the|this NOUN occurred|took
/// place …" or "Lima's NOUN [weekday] came …", lower case; not "came
/// after …" (`sequence_words`).
fn occurrence_noun(text: &str) -> Option<String> {
    let lower = text.trim_start().to_lowercase();
    let mut words = lower.split_whitespace().peekable();
    // A determiner, or a possessor of up to three words ("Ana Ruiz's"):
    // only a name's capitalised words lead into it.
    let original: Vec<&str> = text.split_whitespace().take(3).collect();
    let mut det = words.next()?;
    for k in 0..2 {
        if anaphora::is_definite(det) || is_possessive(det) {
            break;
        }
        if !original
            .get(k)
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            return None;
        }
        det = words.next()?;
    }
    let noun = words.next()?;
    if !(anaphora::is_definite(det) || is_possessive(det)) || anaphora::group_of(noun).is_none() {
        return None;
    }
    // A weekday may stand between the noun and its verb ("the expulsion
    // Wednesday came …").
    let dated_here = words
        .next_if(|w| faultline_dates::weekday_from_name(w).is_some())
        .is_some();
    let rest: Vec<&str> = words.take(3).collect();
    let rest = rest.join(" ");
    // "came after …" dates what came before, not the noun's event, unless
    // the noun's own weekday stands before the verb.
    let relative = |v: &str| {
        !dated_here
            && rest
                .strip_prefix(v)
                .and_then(|r| r.split_whitespace().next())
                .is_some_and(|w| anaphora::table().sequence_words.iter().any(|s| s == w))
    };
    anaphora::table()
        .occurrence
        .iter()
        .any(|v| (rest == *v || rest.starts_with(&format!("{v} "))) && !relative(v))
        .then(|| noun.to_owned())
}

/// True for a possessor's word ("peru's", "ruiz’s").
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// The latest asserted event before sentence `i` that `noun` can name and
/// whose date has no day of its own in the text.
fn antecedent<'e>(noun: &str, i: usize, events: &'e mut [Event]) -> Option<&'e mut Event> {
    let group = anaphora::group_of(noun)?;
    events.iter_mut().rev().find(|e| {
        e.sentence.index < i
            && e.factuality == Factuality::Asserted
            && group.roots.iter().any(|r| r == "*" || *r == e.root)
    })
}

/// Gives `e` the day `d` when its own date is vaguer and near it.
fn redate(e: &mut Event, body: &str, d: &EventDate) {
    let PartialDate::Date(day) = d.date else {
        return;
    };
    let vague = e.date_source != "text" || e.date_text.as_deref().is_some_and(is_vague);
    let near = e
        .date
        .first_day()
        .is_some_and(|first| (first - day).num_days().abs() <= NEAR_DAYS);
    if vague && near {
        e.date = d.date;
        e.date_source = "text";
        e.date_text = body.get(d.start..d.end).map(str::to_owned);
    }
}

/// A date expression that names no day ("last week", "earlier this month"):
/// it holds a word of `vague_dates` (`data/anaphora.toml`).
fn is_vague(text: &str) -> bool {
    let t = text.to_lowercase();
    anaphora::table()
        .vague_dates
        .iter()
        .any(|w| t.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    fn dates(body: &str, trigger: &str) -> Vec<String> {
        let coder = crate::Coder::defaults().expect("default dictionaries");
        let date = NaiveDate::from_ymd_opt(2021, 6, 17).unwrap_or_default();
        coder
            .code_doc(&crate::Doc::from_text("r", body, date))
            .events
            .into_iter()
            .filter(|e| e.trigger.text == trigger)
            .map(|e| e.date.to_string())
            .collect()
    }

    #[test]
    fn a_later_sentence_gives_a_vaguely_dated_event_its_day() {
        let body = "Russian bombers entered Finnish airspace last week. \
                    The incursion took place on 9 June, Finland said.";
        assert_eq!(dates(body, "entered"), vec!["2021-06-09".to_owned()]);
        let body = "Indian troops attacked a Pakistani post last week, officials said. \
                    The attack occurred on June 11 near the border.";
        assert_eq!(dates(body, "attacked"), vec!["2021-06-11".to_owned()]);
        // A possessor for a determiner, a weekday before the verb, "came".
        let body = "Chile expelled two Peruvian diplomats. \
                    Santiago's expulsion Tuesday came after a week of protests.";
        assert_eq!(dates(body, "expelled"), vec!["2021-06-15".to_owned()]);
        let body = "Ghana closed its border with Togo. \
                    The closure came on Monday after weeks of talks.";
        assert_eq!(dates(body, "closed"), vec!["2021-06-14".to_owned()]);
        // The date after "came after" is the earlier event's; a lower-case
        // word is no name before a possessor.
        let body = "Chile expelled two Peruvian diplomats. \
                    The expulsion came after Peru arrested a Chilean officer on Tuesday.";
        assert_eq!(dates(body, "expelled"), vec!["2021-06-17".to_owned()]);
        let body = "Chile expelled two Peruvian diplomats. \
                    Peru says the expulsion came without warning on Tuesday.";
        assert_eq!(dates(body, "expelled"), vec!["2021-06-17".to_owned()]);
    }

    #[test]
    fn a_continuation_takes_the_date_of_its_sources_occasion() {
        let body = "On Monday, Peru criticised Chile over the fishing dispute.\n\n\
                    Lima also attacked Bolivia's new gas law.";
        assert_eq!(dates(body, "attacked"), vec!["2021-06-14".to_owned()]);
        let body = "Kenya denounced Somalia on 3 June for the border raids.\n\n\
                    Kenya has also accused Ethiopia of arming militias.";
        assert_eq!(dates(body, "accused"), vec!["2021-06-03".to_owned()]);
        // Without "also", or with another source, the article's date stands.
        let body = "Kenya denounced Somalia on 3 June for the border raids.\n\n\
                    Kenya accused Ethiopia of arming militias.";
        assert_eq!(dates(body, "accused"), vec!["2021-06-17".to_owned()]);
        let body = "Kenya denounced Somalia on 3 June for the border raids.\n\n\
                    Uganda also accused Ethiopia of arming militias.";
        assert_eq!(dates(body, "accused"), vec!["2021-06-17".to_owned()]);
    }

    #[test]
    fn a_day_later_or_earlier_counts_from_the_event_before() {
        let body = "Belarusian jets entered Lithuanian airspace on 8 June.                     Vilnius summoned the Belarusian envoy a day later.";
        assert_eq!(dates(body, "summoned"), vec!["2021-06-09".to_owned()]);
        let body = "Ghana recalled its ambassador from Togo on Friday.

                    The previous day, Togo had expelled two Ghanaian diplomats.";
        assert_eq!(dates(body, "expelled"), vec!["2021-06-10".to_owned()]);
        // With nothing dated to the day before it, the article's date stands.
        let body = "Vilnius summoned the Belarusian envoy a day later.";
        assert_eq!(dates(body, "summoned"), vec!["2021-06-17".to_owned()]);
    }

    #[test]
    fn a_day_before_or_after_a_named_event_counts_from_that_event() {
        // Thursday 2021-06-17: the talks were on Monday the 14th.
        let body = "Serbia and Kosovo held talks in Brussels on Monday.\n\n\
                    Belgrade sent troops to the border.\n\n\
                    A day before the talks, Serbia had accused Kosovo of provocations.";
        assert_eq!(dates(body, "accused"), vec!["2021-06-13".to_owned()]);
        let body = "Armenia and Azerbaijan signed a border accord on 9 June.\n\n\
                    Markets rose.\n\n\
                    Russia praised Armenia the day after the accord.";
        assert_eq!(dates(body, "praised"), vec!["2021-06-10".to_owned()]);
        // A noun no earlier event can be counts from nothing: the lead's
        // Monday stands.
        let body = "Serbia and Kosovo held talks in Brussels on Monday.\n\n\
                    A day before the election, Serbia had accused Kosovo of provocations.";
        assert_eq!(dates(body, "accused"), vec!["2021-06-14".to_owned()]);
        // Letters whose lower case is longer, and doubled spaces, keep the
        // phrase whole.
        let body = "Serbia and Kosovo held talks in Brussels on Monday.\n\n\
                    In İzmir, a day before  the talks, Serbia had accused Kosovo of provocations.";
        assert_eq!(dates(body, "accused"), vec!["2021-06-13".to_owned()]);
    }

    #[test]
    fn a_dated_event_or_a_far_day_is_left_alone() {
        // The event has its own day; the later day is another event's.
        let body = "Indian troops attacked a Pakistani post on Monday. \
                    The attack occurred on June 2 near the border.";
        assert_eq!(dates(body, "attacked"), vec!["2021-06-14".to_owned()]);
        // Two months away: not the same week.
        let body = "Russian bombers entered Finnish airspace last week. \
                    The incursion took place on 9 April, Finland said.";
        assert_ne!(dates(body, "entered"), vec!["2021-04-09".to_owned()]);
    }
}
