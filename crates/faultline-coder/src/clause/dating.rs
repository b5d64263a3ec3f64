//! The date of an event: the date expression nearest the trigger in its
//! clause, resolved against the article date (or the filing day a
//! dateline gives, see `Coder::code_doc`); else the date an earlier
//! sentence of the paragraph set ("On Sunday, X announced the pullout. The
//! announcement followed a call with Y." dates the call on Sunday), or a
//! short scene paragraph before it ("On Wednesday, the talks collapsed.");
//! else the date a press release's lead sets for the paragraphs after it
//! ("On 12 March 2018, the Minister held talks …"); else the day a wire's
//! lead tells of ("Russia on Sunday expelled …" in Monday's paper); else
//! the article date (the filing day; its source is still "article"). A
//! dateline's own date dates nothing. A date
//! inside a quotation is the speaker's and dates
//! only what the quotation itself says. A planned event's calendar date
//! without a year moves ahead ("on June 9" in a plan is the next June 9).

use chrono::{Datelike, NaiveDate};
use faultline_dates::{EventDate, Interval, PartialDate};

use super::factuality::Assessed;
use super::{Found, Sentence};
use crate::dict::lexicon::lex;
use crate::event::Factuality;

/// An event's date, where it came from, and the expression used.
pub(super) struct Dated {
    /// The date, to year, month or day.
    pub date: PartialDate,
    /// "text", "paragraph" (the date an earlier sentence set), "lead" (the
    /// wire lead's day) or "article".
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

/// What dating needs of one sentence, from the whole document.
#[derive(Debug, Default)]
pub struct SentenceDates {
    /// The sentence's date expressions, spans in the body.
    pub dates: Vec<EventDate>,
    /// The sentence's intervals ("three months after"), spans in the body.
    pub intervals: Vec<Interval>,
    /// The quotations (with their marks) overlapping the sentence.
    pub quotes: Vec<(usize, usize)>,
    /// The date an earlier sentence of the same paragraph set.
    pub context: Option<EventDate>,
    /// The wire lead's date, the story's (see [`story_date`]).
    pub story: Option<EventDate>,
}

/// The date expressions, quotations and paragraph context of every
/// sentence: `sentences` are (start, end, paragraph) and `quotes` (start,
/// end, …) in text order. A sentence sets its paragraph's date with its
/// first past date expression outside quotations, to the day or the
/// month; a year alone, or a date ahead, ends the narration of the date
/// before; a sentence without a date expression leaves it as it was.
pub fn document_dates(
    body: &str,
    sentences: &[(usize, usize, usize)],
    quotes: &[(usize, usize, usize, usize)],
    anchor: NaiveDate,
) -> Vec<SentenceDates> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut context: Option<EventDate> = None;
    let mut paragraph = None;
    let mut qi = 0;
    let lead = lead_date(body, sentences, anchor);
    let story = story_date(body, sentences, quotes, anchor);
    // A dateline's date that is the anchor (the filing day) dates nothing
    // itself: "today" and "yesterday" after it do.
    let dateline_end = sentences.first().map_or(0, |&(start, end, _)| {
        start + body.get(start..end).map_or(0, faultline_text::dateline_len)
    });
    // A paragraph of one sentence that opens with its date sets the scene
    // for the paragraph after it: "On Wednesday, the talks collapsed." then
    // "The envoy walked out …" tells of Wednesday.
    let mut scene: Option<(usize, EventDate)> = None;
    for (i, &(start, end, para)) in sentences.iter().enumerate() {
        if paragraph != Some(para) {
            // A release's lead date goes on dating the paragraphs after it.
            context = scene
                .take()
                .filter(|&(p, _)| p + 1 == para)
                .map(|(_, d)| d)
                .or_else(|| lead.filter(|&(p, _)| p < para).map(|(_, d)| d));
            paragraph = Some(para);
        }
        while quotes.get(qi).is_some_and(|q| q.1 <= start) {
            qi += 1;
        }
        let quoted: Vec<(usize, usize)> = quotes[qi.min(quotes.len())..]
            .iter()
            .take_while(|q| q.0 < end)
            .map(|q| (q.0, q.1))
            .collect();
        let dates: Vec<EventDate> = body
            .get(start..end)
            .map(|t| faultline_dates::find_event_dates(t, anchor))
            .unwrap_or_default()
            .into_iter()
            .map(|d| EventDate {
                start: d.start + start,
                end: d.end + start,
                ..d
            })
            .filter(|d| d.end > dateline_end || d.date != PartialDate::Date(anchor))
            .collect();
        let intervals = body
            .get(start..end)
            .map(faultline_dates::find_intervals)
            .unwrap_or_default()
            .into_iter()
            .map(|i| Interval {
                start: i.start + start,
                end: i.end + start,
                ..i
            })
            .collect();
        let here = context;
        let own = dates
            .iter()
            .rfind(|d| !quoted.iter().any(|&(qs, qe)| d.start >= qs && d.end <= qe));
        if let Some(d) = own {
            context = sets_context(d, anchor).then_some(*d);
        }
        if let Some(d) = context.filter(|d| opens_lone_paragraph(body, sentences, i, d)) {
            scene = Some((para, d));
        }
        out.push(SentenceDates {
            dates,
            intervals,
            quotes: quoted,
            context: here,
            story,
        });
    }
    out
}

/// True when sentence `i` is a short paragraph of its own (at most
/// [`SCENE_WORDS`] words) whose first words are the date `d` set off by a
/// comma, a scene's opening that names no one ("On Wednesday, the talks
/// collapsed."): at most one word before it, no capitalised word after
/// it. Without the comma the date is the event's
/// alone ("On June 9 the leaders appealed …"), and a longer paragraph
/// tells an event of its own ("On 2 March, Peru's foreign minister met his
/// Chilean counterpart in Lima.").
fn opens_lone_paragraph(
    body: &str,
    sentences: &[(usize, usize, usize)],
    i: usize,
    d: &EventDate,
) -> bool {
    let (start, end, para) = sentences[i];
    let alone = i.checked_sub(1).is_none_or(|p| sentences[p].2 != para)
        && sentences.get(i + 1).is_none_or(|n| n.2 != para);
    let words = body
        .get(start..end)
        .map_or(0, |t| t.split_whitespace().count());
    alone
        && words <= SCENE_WORDS
        && d.start >= start
        && d.end <= end
        && body.get(d.end..end).is_some_and(|after| {
            // A scene names no one: "On Monday, Chile recalled its envoy."
            // is an event of its own, not the scene of the next paragraph.
            after.starts_with(',')
                && !after
                    .split_whitespace()
                    .any(|w| w.starts_with(char::is_uppercase))
        })
        && body
            .get(start..d.start)
            .is_some_and(|before| before.split_whitespace().count() <= 1)
}

/// Most words of a paragraph that sets a scene's date ([`opens_lone_paragraph`]).
const SCENE_WORDS: usize = 8;

/// The wire lead's date: a story that opens "Russia on Sunday expelled …"
/// in a Monday paper tells of Sunday, and so do the sentences after it
/// that carry no date of their own ("Malaysia has expelled the envoy. …
/// the minister said in a statement late Saturday" is not Monday's). The
/// lead is the first sentence, or the one after it when the first is a
/// paragraph of its own with no date, or only a dateline dated on the
/// article's day; its first date
/// expression counts when it is a day within a week before the article
/// date.
fn story_date(
    body: &str,
    sentences: &[(usize, usize, usize)],
    quotes: &[(usize, usize, usize, usize)],
    anchor: NaiveDate,
) -> Option<EventDate> {
    let today = PartialDate::Date(anchor);
    let quoted = |at: usize| quotes.iter().any(|q| at >= q.0 && at < q.1);
    let dated = |&(start, end, _): &(usize, usize, usize)| {
        let text = body.get(start..end).unwrap_or("");
        let mut dates = faultline_dates::find_event_dates(text, anchor);
        dates.retain(|d| !quoted(d.start + start));
        (start, dates)
    };
    let (mut start, mut dates) = dated(sentences.first()?);
    // Past a dateline ("TOKYO Feb. 19, 2007 (Dow Jones)", a day in
    // figures) or a report dated that day ("… Seoul's foreign ministry said
    // Thursday") to the lead; an act dated by the article's weekday ("…
    // clashed on Wednesday") is the story's own.
    let dateline_or_report = |d: &EventDate| {
        let figures = body
            .get(start + d.start..start + d.end)
            .is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()));
        // A reporting verb among the five words before it ("said
        // Thursday", "said in a statement on Thursday", "told reporters
        // Thursday").
        let before = body.get(start..start + d.start).unwrap_or("");
        let reported = before
            .split_whitespace()
            .rev()
            .take(5)
            .any(|w| lex().reporting_verbs.contains(&w.to_lowercase()));
        figures || reported
    };
    // A lead paragraph of one sentence with no date of its own ("Chile has
    // recalled its envoy.") is dated by the next sentence ("The ministry
    // said on Monday …").
    let lone = sentences
        .get(1)
        .is_some_and(|next| next.2 != sentences[0].2);
    let dated_today = !dates.is_empty()
        && dates
            .iter()
            .all(|d| d.date == today && dateline_or_report(d));
    if (dates.is_empty() && lone) || dated_today {
        (start, dates) = dated(sentences.get(1)?);
    }
    let d = *dates.first()?;
    let PartialDate::Date(day) = d.date else {
        return None;
    };
    let recent = day < anchor && (anchor - day).num_days() <= STORY_DAYS;
    recent.then_some(EventDate {
        start: d.start + start,
        end: d.end + start,
        ..d
    })
}

/// How many days before the article date a wire lead's day may lie.
const STORY_DAYS: i64 = 7;

/// How many paragraphs into the body a lead date may open.
const LEAD_PARAGRAPHS: usize = 6;

/// How many days before the article date a lead date may lie.
const LEAD_DAYS: i64 = 14;

/// The paragraph and date of a press release's lead: "On 12 March 2018,
/// the Minister held talks with …" opens the story with a calendar date
/// (a day in figures) a few days before the article date, and the
/// paragraphs after it narrate that occasion ("The Ministers signed …",
/// "The parties agreed …") without dates of their own. Only the first
/// dated sentence of the first six paragraphs counts, when it opens with
/// "On" and such a date; a weekday ("On Tuesday, …") is the wire's lead, not a
/// release's, and any earlier dated sentence ("… last week", "… on
/// Tuesday" the article's day) ends the search: the story is dated by it.
fn lead_date(
    body: &str,
    sentences: &[(usize, usize, usize)],
    anchor: NaiveDate,
) -> Option<(usize, EventDate)> {
    let first = sentences.first()?.2;
    let today = PartialDate::Date(anchor);
    // The first dated sentence is the lead, past an opening one dated only
    // on the article date (a dateline such as "Astana, 11 February 2016");
    // a later sentence dated that day ("… on Tuesday", a wire's lead) ends
    // the search, as any other date does.
    let (_, (&(start, end, para), dates)) = sentences
        .iter()
        .take_while(|s| s.2 < first + LEAD_PARAGRAPHS)
        .map(|s| {
            let text = body.get(s.0..s.1).unwrap_or("");
            (s, faultline_dates::find_event_dates(text, anchor))
        })
        .enumerate()
        .find(|(i, (_, dates))| {
            !dates.is_empty() && (*i > 0 || dates.iter().any(|d| d.date != today))
        })?;
    let d = lead_in(body.get(start..end)?, &dates, anchor)?;
    Some((
        para,
        EventDate {
            start: d.start + start,
            end: d.end + start,
            ..d
        },
    ))
}

/// The date that opens sentence `text` (whose date expressions are
/// `dates`) as a release's lead ("On 12 March 2018, …"; see
/// [`lead_date`]), spans in `text`.
fn lead_in(text: &str, dates: &[EventDate], anchor: NaiveDate) -> Option<EventDate> {
    if !opens_with_on(text) {
        return None;
    }
    let d = *dates.first()?;
    // The expression may hold its "On" ("On Tuesday") or follow it.
    let lead = text.len() - text.trim_start().len();
    let opening = d.start == lead || d.start == lead + 3;
    let figures = text
        .get(d.start..d.end)?
        .bytes()
        .any(|b| b.is_ascii_digit());
    let PartialDate::Date(day) = d.date else {
        return None;
    };
    let recent = day < anchor && (anchor - day).num_days() <= LEAD_DAYS;
    (opening && figures && recent && !d.future).then_some(d)
}

/// True when `text` opens with the word "On".
fn opens_with_on(text: &str) -> bool {
    let t = text.trim_start();
    t.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("on "))
}

/// Whether a date expression goes on dating the sentences after it: a past
/// day or month, not a year alone.
fn sets_context(d: &EventDate, anchor: NaiveDate) -> bool {
    !d.future
        && match d.date {
            PartialDate::Date(day) => day <= anchor,
            PartialDate::YearMonth { year, month } => {
                (year, month) <= (anchor.year(), anchor.month())
            }
            PartialDate::Year(_) => false,
        }
}

/// The date of trigger `f`, given its factuality.
pub(super) fn date_event(s: &Sentence<'_>, dates: &[EventDate], f: &Found, a: Assessed) -> Dated {
    let clause_start = s.clause_start(f.verb);
    let (mut date, mut source, mut text, future) =
        date_for(s, dates, (f.verb, f.after), clause_start);
    if let Some((shifted, expression)) = across_interval(s, dates, f.verb, date) {
        (date, source, text) = (shifted, "text", Some(expression));
    }
    // A code of intent (03, "agreed to hold talks next month") is an intent
    // stated now, however its pattern gave it.
    let intent = a.intent || crate::cameo::root(&a.code) == "03";
    // A statement of intent is dated when it was made, not when what it
    // intends is due ("agreed to build the pipeline by 2025"): the
    // sentence's past dates only.
    let intended_from = if intent { intended_from(s, f) } else { None };
    let in_intended = |d: &EventDate| intended_from.is_some_and(|at| d.start >= at);
    // "will meet again in May", "will visit Hanoi on Friday": a calendar
    // date without a year after a future verb is when the intended event
    // is due, however it resolved against the article date.
    let verb_end = s.words[f.verb].end;
    let planned = |d: &EventDate| {
        a.intent && d.start >= verb_end && {
            let t = &s.inp.body[d.start..d.end];
            !has_year(t) && !is_deictic(t)
        }
    };
    if intent
        && a.factuality == Factuality::Asserted
        && (future
            || is_ahead(&date, s)
            || dates.iter().any(in_intended)
            || dates.iter().any(planned))
    {
        // Nor does a date of what is intended ("agreed to hold talks in
        // April") date the agreement.
        let past: Vec<EventDate> = dates
            .iter()
            .filter(|d| !d.future && !is_ahead(&d.date, s) && !in_intended(d) && !planned(d))
            .cloned()
            .collect();
        (date, source, text, _) = date_for(s, &past, (f.verb, f.after), clause_start);
    }
    let mut factuality = a.factuality;
    let purpose = a.cue.as_deref() == Some("to");
    let mut cue = a.cue;
    // A planned event's "June 9" is the next June 9, not the last one, and
    // its "Monday" the next Monday. Deictic dates ("yesterday", "last week",
    // "three days ago") never move, nor does the intent an act shows by its
    // purpose ("summoned the envoy on Tuesday to protest": cue "to").
    // A date before the verb is the statement's ("On Monday, Kenya said it
    // will …") and stays; so does one whose words also stand before it.
    let after_verb = |t: &str| {
        let mut same = dates
            .iter()
            .filter(|d| s.inp.body.get(d.start..d.end) == Some(t))
            .peekable();
        same.peek().is_some() && same.all(|d| d.start >= verb_end)
    };
    // "The premier travels to Brussels on Wednesday": a verb in the simple
    // present with a calendar date after it tells a schedule, still to come.
    // The date must be the verb's own, not another clause's ("accuses X of
    // staging a raid on Sunday"), and the trigger a verb.
    let own_date = |p: &super::parse::Parse<'_>, t: &str| {
        dates
            .iter()
            .filter(|d| d.start >= verb_end && s.inp.body.get(d.start..d.end) == Some(t))
            .all(|d| {
                !p.dates_another_clause(d.start, d.end, f.verb)
                    && !(f.after..s.words.len())
                        .take_while(|&k| s.words[k].end <= d.start)
                        .any(|k| p.upos(k) == Some("VERB"))
            })
    };
    let scheduled = factuality == Factuality::Asserted
        && !intent
        && f.noun_len == 0
        && !f.bare
        && s.parse.as_ref().is_some_and(|p| {
            p.simple_present(f.verb) && text.as_deref().is_some_and(|t| own_date(p, t))
        });
    if (a.intent || factuality == Factuality::Future || scheduled)
        && !purpose
        && source == "text"
        && let Some(t) = &text
        && !has_year(t)
        && after_verb(t)
        && let Some(next) = planned_ahead(t, date, s.inp.anchor)
    {
        date = next;
        if scheduled {
            factuality = Factuality::Future;
            cue = cue.or_else(|| text.clone());
        }
    }
    if future && factuality == Factuality::Asserted && !intent {
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

/// "Police arrived on Tuesday, three months after the premier resigned":
/// a trigger in the clause an interval introduces, with no date of its own
/// there, lies that interval from the date of the clause around it
/// (`date`, the resignation in March). The clause runs from the interval
/// to the trigger with no comma between; a date after the interval with no
/// comma before it is the clause's own ("… after the premier resigned in
/// March") and dates it. Returns the date and the words that gave it.
fn across_interval(
    s: &Sentence<'_>,
    dates: &[EventDate],
    verb: usize,
    date: PartialDate,
) -> Option<(PartialDate, String)> {
    let body = s.inp.body;
    let verb_start = s.words[verb].start;
    let unbroken =
        |from: usize, to: usize| body.get(from..to).is_some_and(|t| !t.contains([',', ';']));
    let i = s
        .inp
        .intervals
        .iter()
        .rfind(|i| i.end <= verb_start && unbroken(i.end, verb_start))?;
    let (start, end) = (i.start, i.end);
    match dates
        .iter()
        .find(|d| d.start >= end && unbroken(end, d.start))
    {
        Some(own) => Some((own.date, body[own.start..own.end].to_owned())),
        None => Some((i.clause_date(date), body[start..end].to_owned())),
    }
}

/// Where the infinitive that trigger `f` governs starts ("agreed to | hold
/// talks", "pledged on Monday to | cooperate"), read off the parse: the
/// first "to" after the verb in its clause that a verb follows.
fn intended_from(s: &Sentence<'_>, f: &Found) -> Option<usize> {
    let p = s.parse.as_ref()?;
    let end = s.clause_end(f.verb + 1);
    (f.verb + 1..end.min(s.words.len().saturating_sub(1)))
        .find(|&k| s.words[k].lower == "to" && p.upos(k + 1) == Some("VERB"))
        .map(|k| s.words[k].start)
}

/// True when `date` begins after the article date.
fn is_ahead(date: &PartialDate, s: &Sentence<'_>) -> bool {
    s.inp.anchor_known && date.first_day().is_some_and(|d| d > s.inp.anchor)
}

/// The date of an event: the date expression nearest the trigger in its
/// clause, else the article date.
fn date_for(
    s: &Sentence<'_>,
    dates: &[EventDate],
    (verb, after): (usize, usize),
    clause_start: usize,
) -> (PartialDate, &'static str, Option<String>, bool) {
    let inp = s.inp;
    let verb_start = s.words[verb].start;
    let trigger_end = s.words[after.saturating_sub(1).max(verb)].end;
    let clause_from = s.words.get(clause_start).map_or(inp.start, |w| w.start);
    // A date belongs to another clause when ", and", ", but" or ", while"
    // stands between it and the verb ("X was impeached three months ago,
    // and Y convened …", "Chile protested, and on Monday Peru recalled …").
    let joins_clauses = |between: &str| {
        between.contains(", and ") || between.contains(", but ") || between.contains(", while ")
    };
    // After the verb, only a clause with a subject of its own: not
    // "suspended operations, and advised … in its January 3 alert", one
    // subject's two verbs (a verb form or `shared_subject_starts` word
    // right after the conjunction).
    let own_subject_clause = |d: &EventDate| {
        let comma = (verb..s.words.len())
            .take_while(|&k| s.words[k].end <= d.start)
            .find(|&k| {
                s.words[k].lower == ","
                    && s.words
                        .get(k + 1)
                        .is_some_and(|w| matches!(w.lower.as_str(), "and" | "but" | "while"))
            });
        let next = comma
            .and_then(|k| s.words.get(k + 2))
            .map_or("", |w| w.lower.as_str());
        !(next.ends_with("ed")
            || next.ends_with("ing")
            || lex().be.contains(next)
            || lex().shared_subject_starts.contains(next))
    };
    let other_clause = |d: &EventDate| {
        if d.end <= verb_start {
            inp.body.get(d.end..verb_start).is_some_and(joins_clauses)
        } else {
            inp.body.get(verb_start..d.start).is_some_and(joins_clauses) && own_subject_clause(d)
        }
    };
    // A date in an aside dates the aside, not the event.
    let in_aside = |d: &EventDate| in_aside(inp.body, clause_from, d, verb_start);
    // A date inside a quotation dates only what that quotation says.
    let quoted_apart = |d: &EventDate| {
        inp.quotes
            .iter()
            .any(|&(qs, qe)| d.start >= qs && d.end <= qe && !(verb_start >= qs && verb_start < qe))
    };
    // A date that modifies another noun ("the bombing of the embassy in
    // March") dates that noun.
    let of_a_noun = |d: &EventDate| {
        d.end <= verb_start
            && s.parse
                .as_ref()
                .is_some_and(|p| p.dates_a_noun(d.start, d.end, verb))
    };
    // So does one after the trigger in a clause of another verb inside the
    // trigger's phrase. (Before it, parses of long openings go wrong too
    // often to trust.)
    let of_a_clause = |d: &EventDate| {
        d.start >= verb_start
            && s.parse
                .as_ref()
                .is_some_and(|p| p.dates_another_clause(d.start, d.end, verb))
    };
    // So does one in a phrase giving the act's reason ("expelled the envoy
    // over an attack on the embassy on 3 May").
    let of_a_reason = |d: &EventDate| {
        d.start >= verb_start
            && s.parse
                .as_ref()
                .is_some_and(|p| p.in_reason_phrase((d.start, d.end), verb, trigger_end))
    };
    let best = dates
        .iter()
        .filter(|d| {
            d.start >= clause_from
                && !other_clause(d)
                && !quoted_apart(d)
                && !of_a_reason(d)
                && !in_parenthetical_aside(inp.body, clause_from, d, verb_start)
                // A speech tag's date after the trigger is no aside's nor
                // another clause's: "X has recalled its envoy, the ministry
                // announced Thursday" dates the recall by the report.
                && (d.start >= verb_start && dated_report(s, d, verb_start)
                    || !in_aside(d) && !of_a_noun(d) && !of_a_clause(d))
        })
        .min_by_key(|d| {
            if d.start >= verb_start {
                d.start - verb_start
            } else {
                verb_start.saturating_sub(d.end) + 8
            }
        });
    match best {
        Some(d) => (
            d.date,
            "text",
            Some(inp.body[d.start..d.end].to_owned()),
            d.future,
        ),
        None => match inp.context {
            Some(d) => (
                d.date,
                "paragraph",
                inp.body.get(d.start..d.end).map(str::to_owned),
                false,
            ),
            // Not in the lead itself, whose own words date its events
            // ("will receive the minister on Monday", "X condemned Y, and
            // Z recalled its envoy on Friday", "in response to what Y said
            // on Monday" leave that date to what it dates).
            None => match inp
                .story
                .filter(|d| d.start < inp.start || d.start >= inp.end)
            {
                Some(d) => (
                    d.date,
                    "lead",
                    inp.body.get(d.start..d.end).map(str::to_owned),
                    false,
                ),
                None => (PartialDate::Date(inp.anchor), "article", None, false),
            },
        },
    }
}

/// True when date `d` lies in an aside: after the trigger at byte
/// `verb_start`, one opened by a comma and a determiner or a relative
/// pronoun (", the first visit … since 2010"), or a "since" phrase
/// ("the first visit since his election in May"); before it, a relative or
/// participle aside closed before the verb ("The two allies, who came
/// close to war in 1996, signed …"; "The cabinet, elected last November,
/// signed …").
fn in_aside(body: &str, clause_from: usize, d: &EventDate, verb_start: usize) -> bool {
    if d.end <= verb_start {
        let opened = body.get(clause_from..d.start).is_some_and(|before| {
            let at = before
                .rfind(", who ")
                .or_else(|| before.rfind(", which "))
                .or_else(|| participle_aside(before));
            at.is_some_and(|at| !before[at + 1..].contains(','))
        });
        return opened && body.get(d.end..verb_start).is_some_and(|b| b.contains(','));
    }
    // "the first visit since his election in May": the date is the
    // election's, the point the "since" counts from.
    // "has shelled Donetsk since May 3": "since" right before the date is
    // the verb's own span.
    body.get(verb_start..d.start).is_some_and(|between| {
        let since_phrase = between.contains(" since ") && !between.ends_with(" since ");
        since_phrase
            || [", the ", ", a ", ", an ", ", which ", ", who "]
                .iter()
                .any(|m| between.contains(m))
    })
}

/// Where the last comma of `before` opens an aside of a participle ("The
/// new government, elected last November, signed …"): a lower-case "-ed"
/// word right after it (not "-en": "between", "often").
fn participle_aside(before: &str) -> Option<usize> {
    let at = before.rfind(", ")?;
    let next = before[at + 2..].split_whitespace().next()?;
    let participle = next.len() > 3
        && next.starts_with(|c: char| c.is_ascii_lowercase())
        && next.ends_with("ed");
    participle.then_some(at)
}

/// True when date `d` lies inside a parenthesis, opened after byte `from`,
/// that does not hold the verb at byte `verb_start`, has at least three
/// words besides the date and a clause of its own (a word of
/// `aside_openers` or an "-ed" verb): an aside with its own time ("(which
/// split from it in 2011)"), not a gloss of the date ("(19/06)", "(local
/// time)", "(at around 0300 GMT on Friday)").
fn in_parenthetical_aside(body: &str, from: usize, d: &EventDate, verb_start: usize) -> bool {
    let before = body.get(from..d.start).unwrap_or("");
    let Some(open) = before.rfind('(').filter(|&o| !before[o..].contains(')')) else {
        return false;
    };
    let open = from + open;
    let Some(close) = body
        .get(d.end..)
        .and_then(|a| a.find(')'))
        .map(|c| d.end + c)
    else {
        return false;
    };
    let words = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    let besides = words(&body[open + 1..d.start]) + words(&body[d.end..close]);
    // A clause of its own: a relative word or a verb in "-ed"; a phrase of
    // time ("(at around 0300 GMT on Friday)") glosses the event's date.
    let clause = body[open + 1..close].split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        lex().aside_openers.contains(w.as_str()) || (w.len() > 3 && w.ends_with("ed"))
    });
    !(open..=close).contains(&verb_start) && besides >= 3 && clause
}

/// True when date `d` directly follows a verb of saying in the sentence's
/// own speech tag after the trigger at byte `verb_start` ("…, the ministry
/// announced Thursday", "…, officials said on Monday"): the date of the
/// report, which is the best date of what it reports. The tag follows a
/// comma after the trigger, and no relative or other clause opens after
/// that comma (`clause_links`: not "…, who had said on Monday", nor "in
/// response to what X said on Monday").
fn dated_report(s: &Sentence<'_>, d: &EventDate, verb_start: usize) -> bool {
    let Some(say) = s.words.iter().rposition(|w| w.end <= d.start) else {
        return false;
    };
    if !lex().say.contains(s.words[say].lower.as_str()) {
        return false;
    }
    let comma = (0..say)
        .rev()
        .take_while(|&k| s.words[k].start >= verb_start)
        .find(|&k| s.words[k].lower == ",");
    comma.is_some_and(|k| {
        s.words
            .get(k + 1)
            .is_some_and(|w| !lex().clause_links.contains(w.lower.as_str()))
    })
}

/// A planned event's date written without a year that resolved before the
/// article date (`anchor`), moved to its next occurrence: a day or a
/// weekday as [`calendar_ahead`] moves it, a month alone ("elections in
/// May" in an April article) to the next year's.
fn planned_ahead(text: &str, date: PartialDate, anchor: NaiveDate) -> Option<PartialDate> {
    match date {
        PartialDate::Date(d) if d < anchor => calendar_ahead(text, d).map(PartialDate::Date),
        PartialDate::YearMonth { year, month }
            if (year, month) < (anchor.year(), anchor.month()) && !is_deictic(text) =>
        {
            PartialDate::year_month(year + 1, month)
        }
        _ => None,
    }
}

/// True when a date expression counts from now ("yesterday", "last
/// Monday", "two weeks ago", "since March"): it never moves.
fn is_deictic(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "last" | "ago" | "yesterday" | "today" | "earlier" | "since" | "past" | "previous"
            )
        })
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
    if is_deictic(text) {
        return None;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
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

    /// The date (and its source) of the first event coded from `body`,
    /// whose events' triggers start with `trigger`, on Thursday 2021-03-04.
    fn dated(body: &str, trigger: &str) -> (String, &'static str) {
        let coder = crate::Coder::defaults().expect("default dictionaries");
        let coded = coder.code_doc(&crate::Doc::from_text("d", body, day("2021-03-04")));
        coded
            .events
            .iter()
            .find(|e| e.trigger.text.starts_with(trigger))
            .map(|e| (e.date.to_string(), e.date_source))
            .unwrap_or_else(|| panic!("no event on {trigger} in {body}: {:?}", coded.events))
    }

    #[test]
    fn a_lone_paragraph_opening_with_its_date_dates_the_next_paragraph() {
        // Thursday 2021-03-04; a date more than a week before is no wire
        // lead's day.
        for (body, trigger, want) in [
            (
                "Peru and Chile had kept their quarrel quiet for months, trading only \
                 polite letters over the fishing grounds.\n\nOn February 15, the truce \
                 ended.\n\nChile expelled two Peruvian diplomats.",
                "expelled",
                "2021-02-15",
            ),
            (
                "Kenya and Somalia have argued over the sea border for a decade, with \
                 little sign of a settlement.\n\nOn February 15, the talks broke down.\n\n\
                 Kenya recalled its ambassador from Mogadishu, and Somalia accused Kenya \
                 of meddling.",
                "accused",
                "2021-02-15",
            ),
            // A paragraph naming an actor is an event of its own, not a scene.
            (
                "Kenya and Somalia have argued over the sea border for a decade, with \
                 little sign of a settlement.\n\nOn February 15, Kenya recalled its envoy.\n\n\
                 Somalia has long accused Kenya of meddling.",
                "accused",
                "2021-03-04",
            ),
            // Without the comma, the date is that paragraph's event's alone;
            // so is it in a paragraph of more words (see the test below).
            (
                "Kenya and Somalia have argued over the sea border for a decade, with \
                 little sign of a settlement.\n\nOn February 15 the talks broke down.\n\n\
                 Somalia accused Kenya of meddling.",
                "accused",
                "2021-03-04",
            ),
        ] {
            assert_eq!(dated(body, trigger).0, want, "{body}");
        }
    }

    #[test]
    fn an_interval_dates_its_clause_from_the_clause_around_it() {
        // Thursday 2021-03-04: Tuesday is 03-02.
        let body = "Chile recalled its envoy from Peru on Tuesday, three months after Peru's premier resigned.";
        assert_eq!(dated(body, "resigned").0, "2020-12");
        assert_eq!(dated(body, "recalled").0, "2021-03-02");
        let body = "Iran criticised Greece two days after Greece expelled an Iranian diplomat.";
        assert_eq!(dated(body, "expelled").0, "2021-03-02");
        // The clause's own date stands.
        let body = "Chile recalled its envoy on Tuesday, a week after Peru expelled a Chilean diplomat in February.";
        assert_eq!(dated(body, "expelled").0, "2021-02");
    }

    #[test]
    fn a_date_hung_on_an_actor_dates_the_clause() {
        // Thursday 2021-03-04: the date on the object is the meeting's,
        // and the "where" clause's.
        for body in [
            "Kenya's president met Ugandan ministers in Kampala in January, where the two countries signed a border pact.",
            "Chile's foreign minister met Peruvian officials in Lima in January, where the two countries signed a fishing accord.",
        ] {
            assert_eq!(dated(body, "signed").0, "2021-01", "{body}");
            assert_eq!(dated(body, "met").0, "2021-01", "{body}");
        }
    }

    #[test]
    fn a_releases_lead_date_dates_the_paragraphs_after_it() {
        // Thursday 2021-03-04: the release narrates the occasion of 1 March.
        let body = "Lima, 4 March 2021\n\n\
                    On 1 March 2021, the Foreign Minister of Peru received the Foreign Minister of Chile in Lima.\n\n\
                    The two ministers signed a memorandum on border trade.\n\n\
                    Peru praised Chile for its help after the floods.";
        assert_eq!(
            dated(body, "signed"),
            ("2021-03-01".to_owned(), "paragraph")
        );
        assert_eq!(dated(body, "praised").0, "2021-03-01");
        let body = "On 26 February, Ghana's foreign minister held talks in Accra with his Togolese counterpart.\n\n\
                    Ghana and Togo agreed to reopen the border crossing at Aflao.";
        assert_eq!(dated(body, "agreed").0, "2021-02-26");
    }

    #[test]
    fn a_later_or_an_old_lead_date_stays_in_its_paragraph() {
        // A calendar date further into a story dates its own paragraph.
        let body = "Relations between Peru and Chile soured in 2019 over fishing rights.\n\n\
                    On 2 March, Peru's foreign minister met his Chilean counterpart in Lima.\n\n\
                    Peru praised Chile for its help after the floods.";
        assert_eq!(dated(body, "praised").0, "2021-03-04");
        // A lead date long before the article date opens a backgrounder.
        let body = "On 2 January 2021, Peru's foreign minister met his Chilean counterpart in Lima.\n\n\
                    Peru praised Chile for its help after the floods.";
        assert_eq!(dated(body, "praised").0, "2021-03-04");
    }

    #[test]
    fn a_sentence_without_a_date_goes_on_with_its_paragraphs() {
        // The date the sentence before set, in the same paragraph.
        let body = "On Monday, Chile recalled its envoy from Peru. \
                    The recall followed a phone call in which Chile condemned Peru.";
        assert_eq!(
            dated(body, "condemned"),
            ("2021-03-01".to_owned(), "paragraph")
        );
        let body = "Norway and Sweden met on February 12. \
                    Sweden later accused Norway of spying.";
        assert_eq!(
            dated(body, "accused"),
            ("2021-02-12".to_owned(), "paragraph")
        );
        // The last date of that sentence, the one it ends on.
        let body = "Last week the ministry released notes of a call made in January. \
                    In it, Chile accused Peru of spying.";
        assert_eq!(dated(body, "accused").0, "2021-01");
        // Not across paragraphs, and not from a year alone.
        let body = "Chile and Peru are old rivals. On Monday, Chile recalled its envoy from Peru.\n\n\
                    Chile accused Peru of spying.";
        assert_eq!(dated(body, "accused"), ("2021-03-04".to_owned(), "article"));
        let body = "In 2007, Chile recalled its envoy from Peru. Chile accused Peru of spying.";
        assert_eq!(dated(body, "accused"), ("2021-03-04".to_owned(), "article"));
    }

    #[test]
    fn a_wire_lead_dates_the_story_it_opens() {
        // The article is of Thursday 2021-03-04.
        let body = "Chile on Tuesday expelled two Peruvian diplomats.\n\n\
                    Chile accused Peru of spying on its navy.";
        assert_eq!(dated(body, "accused"), ("2021-03-02".to_owned(), "lead"));
        // Past a dateline dated the article's day.
        let body = "LIMA, March 4, 2021 (Wire)\n\n\
                    Peru recalled its ambassador from Chile on Monday.\n\n\
                    Peru has protested to Chile.";
        assert_eq!(dated(body, "protested"), ("2021-03-01".to_owned(), "lead"));
        // A sentence's own date comes first; a lead a month old or a year
        // alone is no story's day.
        let body = "Chile on Tuesday expelled two Peruvian diplomats.\n\n\
                    Peru accused Chile of lying on Wednesday.";
        assert_eq!(dated(body, "accused").0, "2021-03-03");
        for body in [
            "Chile expelled two Peruvian diplomats on February 1.\n\nPeru has protested to Chile.",
            "Chile expelled two Peruvian diplomats in 2019.\n\nPeru has protested to Chile.",
        ] {
            assert_eq!(
                dated(body, "protested"),
                ("2021-03-04".to_owned(), "article"),
                "{body}"
            );
        }
    }

    #[test]
    fn a_date_inside_a_quotation_dates_only_the_quotation() {
        let body = "Chile condemned Peru, calling the raid \"worse than last Friday\".";
        assert_eq!(
            dated(body, "condemned"),
            ("2021-03-04".to_owned(), "article")
        );
        let body = "Chile accused Peru of \"lies told yesterday\".";
        assert_eq!(dated(body, "accused"), ("2021-03-04".to_owned(), "article"));
    }

    #[test]
    fn a_date_in_another_verbs_clause_after_the_trigger_is_not_the_events() {
        // Article date 2021-03-04: the later clause's date is its own verb's.
        for (body, trigger) in [
            (
                "Chile has expelled two Peruvian diplomats after its police tied them to a break-in at the navy's offices last year.",
                "expelled",
            ),
            (
                "Ghana urged Togo to reopen the border, but added that a proposal it made in January went unanswered.",
                "urged",
            ),
        ] {
            assert_eq!(
                dated(body, trigger),
                ("2021-03-04".to_owned(), "article"),
                "{body}"
            );
        }
    }

    #[test]
    fn the_date_of_an_acts_occasion_is_the_acts() {
        for (body, trigger, date) in [
            (
                "At a summit in the Ghanaian port of Tema on Monday, Togo's president promised Ghana a loan.",
                "promised",
                "2021-03-01",
            ),
            (
                "During a visit to Lima in February, Chile's foreign minister praised Peru.",
                "praised",
                "2021-02",
            ),
            // The message an act was stated in, and what it reports.
            (
                "In a communique on February 26, Ghana condemned Togo's raid.",
                "condemned",
                "2021-02-26",
            ),
            (
                "In a televised address on Monday, Peru's president said Peru welcomes Chile's offer.",
                "welcomes",
                "2021-03-01",
            ),
        ] {
            assert_eq!(dated(body, trigger).0, date, "{body}");
        }
    }

    #[test]
    fn a_lead_without_a_date_is_dated_by_the_sentence_after_it() {
        // Thursday 2021-03-04: the second sentence tells the lead's day.
        for (body, trigger, want) in [
            (
                "Bolivia has expelled a Chilean consul.\n\n\
                 Its interior ministry announced the step on Tuesday evening.",
                "expelled",
                "2021-03-02",
            ),
            (
                "Norway has summoned the Russian ambassador over the jamming of its radars.\n\n\
                 The foreign minister told parliament on Monday that the jamming was unacceptable.",
                "summoned",
                "2021-03-01",
            ),
        ] {
            assert_eq!(dated(body, trigger), (want.to_owned(), "lead"), "{body}");
        }
        // A second sentence a month back, or dated only by a year, dates
        // no lead.
        for body in [
            "Bolivia has expelled a Chilean consul.\n\nThe consul arrived on February 1.",
            "Bolivia has expelled a Chilean consul.\n\nThe consul arrived in 2019.",
        ] {
            assert_eq!(
                dated(body, "expelled"),
                ("2021-03-04".to_owned(), "article"),
                "{body}"
            );
        }
    }

    #[test]
    fn a_lead_dated_by_the_articles_weekday_is_no_dateline() {
        // Thursday 2021-03-04: the second sentence's earlier day dates
        // only itself, not the paragraphs after it.
        for (body, trigger) in [
            (
                "Kenya's navy faced two Somali boats on Thursday in a tense standoff.\n\n\
                 Kenya said the boats had entered its waters over the weekend.\n\n\
                 Kenya then summoned the Somali envoy.",
                "summoned",
            ),
            (
                "Peru and Chile traded accusations on Thursday over the border.\n\n\
                 Peru said Chilean troops crossed the line on Monday.\n\n\
                 Peru recalled its ambassador from Chile.",
                "recalled",
            ),
        ] {
            assert_eq!(dated(body, trigger).0, "2021-03-04", "{body}");
        }
        // A report of that day is: the story is the next sentence's.
        let body = "Kenya has agreed to reopen its border with Uganda, its foreign ministry said \
                    Thursday.\n\nThe two ministers reached the deal on Tuesday in Nairobi.\n\n\
                    Kenya also thanked Uganda for its patience.";
        assert_eq!(dated(body, "thanked").0, "2021-03-02", "{body}");
    }

    #[test]
    fn a_phrasal_verbs_particle_opens_no_reason() {
        // Thursday 2021-03-04.
        for (body, want) in [
            (
                "Bhutan handed over a note to China on Monday.",
                "2021-03-01",
            ),
            (
                "Chile handed over a letter to Peru on Monday.",
                "2021-03-01",
            ),
        ] {
            assert_eq!(dated(body, "handed").0, want, "{body}");
        }
    }

    #[test]
    fn a_date_in_the_reason_for_an_act_is_not_the_acts() {
        // Thursday 2021-03-04.
        for (body, trigger) in [
            (
                "Kenya expelled the Somali envoy over a plot against President William Ruto on 3 February.",
                "expelled",
            ),
            (
                "Ghana has declared the Togolese envoy persona non grata and has expelled him for \
                 allegedly taking part in a plot against President John Mahama on 9 February.",
                "declared",
            ),
        ] {
            assert_eq!(dated(body, trigger).0, "2021-03-04", "{body}");
        }
    }

    #[test]
    fn a_date_of_another_noun_before_the_trigger_is_not_the_events() {
        let body = "Chile on Monday, after the seizure of a ship in December, \
                    expelled the ambassador of Peru.";
        assert_eq!(dated(body, "expelled").0, "2021-03-01");
        let body = "On Tuesday the families of the victims of the attack in May \
                    and Chile accused Peru of spying.";
        assert_eq!(dated(body, "accused").0, "2021-03-02");
    }

    #[test]
    fn an_intent_is_dated_when_stated_not_when_due() {
        // Thursday 2021-03-04: Monday is 2021-03-01.
        assert_eq!(
            dated("Chile will sign a trade pact with Peru in 2030.", "sign").0,
            "2021-03-04"
        );
        assert_eq!(
            dated("Greece will meet Turkish officials next week.", "meet").0,
            "2021-03-04"
        );
        // a month or weekday after the future verb is when the meeting is
        // due, not when it was announced
        assert_eq!(
            dated("Chile will host Peru's president again in May.", "host").0,
            "2021-03-04"
        );
        assert_eq!(
            dated("Kenya will receive Uganda's minister on Monday.", "receive").0,
            "2021-03-04"
        );
        // a date before the verb is the statement's
        assert_eq!(
            dated(
                "On Monday, Kenya said it will host Uganda's minister.",
                "host"
            )
            .0,
            "2021-03-01"
        );
        // A pattern of intent (03) is an intent too, and stays asserted.
        for body in [
            "Laos and Vietnam have agreed to hold border talks next month.",
            "Ghana and Togo agreed to hold talks in April.",
        ] {
            let coder = crate::Coder::defaults().expect("default dictionaries");
            let coded = coder.code_doc(&crate::Doc::from_text("d", body, day("2021-03-04")));
            let e = coded
                .events
                .iter()
                .find(|e| e.trigger.text.starts_with("agreed"))
                .unwrap_or_else(|| panic!("{body}: {:?}", coded.events));
            assert_eq!(e.date.to_string(), "2021-03-04", "{body}");
            assert_eq!(e.factuality, Factuality::Asserted, "{body}");
        }
    }

    #[test]
    fn a_planned_month_without_a_year_is_the_next_one() {
        let ym = |y, m| PartialDate::year_month(y, m);
        let anchor = day("2021-03-04");
        // "in May" in a March article resolved to the May before
        assert_eq!(
            planned_ahead("in May", ym(2020, 5).unwrap(), anchor),
            ym(2021, 5)
        );
        assert_eq!(
            planned_ahead("in December", ym(2020, 12).unwrap(), anchor),
            ym(2021, 12)
        );
        assert_eq!(
            planned_ahead("in March", ym(2021, 3).unwrap(), anchor),
            None
        );
        assert_eq!(
            planned_ahead("since May", ym(2020, 5).unwrap(), anchor),
            None
        );
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
