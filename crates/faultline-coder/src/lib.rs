//! Event coder: raw article text to dated, sourced CAMEO/PLOVER events with
//! factuality and quotes, with no external parser.
//!
//! - [`verbs`]: trigger dictionaries (faultline's TOML, embedded by default);
//!   [`petrarch`]: PETRARCH-2 and TABARI verb dictionaries as alternatives.
//! - [`cameo`]: the code table (Goldstein weights, quad classes, PLOVER).
//! - [`clause`]: clause analysis, sentence by sentence, as small passes.
//! - [`quotes`]: direct quotations and their speakers.
//! - [`conformance`]: the PETRARCH validation-suite runner.

#![warn(clippy::too_many_lines)]

pub mod clause;
pub mod conformance;
pub mod dict;
pub mod error;
pub mod event;
pub mod quotes;

pub use dict::{cameo, discards, petrarch, pico, verbs};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use faultline_actors::{Actors, Mention, SentenceRef as ActorSentence};
use serde::Serialize;

pub use cameo::CodeTable;
pub use error::CoderError;
pub use event::{ActorRef, Event, Factuality, Quote};
pub use faultline_dates::PartialDate;
pub use verbs::VerbDict;

include!(concat!(env!("OUT_DIR"), "/default_dicts.rs"));

/// The `$SET`s of the default `sets.toml`.
fn default_sets(errors: &mut Vec<CoderError>) -> HashMap<String, Vec<String>> {
    DEFAULT_FILES
        .iter()
        .find(|(name, _)| *name == "sets.toml")
        .map(|(name, text)| VerbDict::load_sets(text, Path::new(name), errors))
        .unwrap_or_default()
}

/// Loads faultline's default trigger dictionaries (embedded in the binary).
pub fn default_verbs() -> VerbDict {
    let mut dict = VerbDict::new();
    let sets = default_sets(&mut dict.errors);
    for (name, text) in DEFAULT_FILES {
        if name.starts_with("verbs/") || *name == "nouns.toml" {
            dict.load_toml(text, Path::new(name), name, &sets);
        }
    }
    dict
}

/// The trigger dictionaries `opts` asks for: the defaults (unless
/// `no_default_verbs`), then each extra file — faultline `.toml` (which may
/// use the default `$SET`s and define its own) or a PETRARCH-2/TABARI verb
/// file. Problems (unreadable files, bad lines) are in `errors`.
pub fn load_verbs(opts: &Options) -> VerbDict {
    let mut dict = if opts.no_default_verbs {
        VerbDict::new()
    } else {
        default_verbs()
    };
    let defaults = default_sets(&mut Vec::new());
    for p in &opts.verbs {
        match std::fs::read_to_string(p) {
            Ok(text) if p.extension().is_some_and(|e| e == "toml") => {
                let own = VerbDict::load_sets(&text, p, &mut Vec::new());
                let mut sets = defaults.clone();
                sets.extend(own);
                dict.load_toml(&text, p, &p.display().to_string(), &sets);
            }
            Ok(text) => {
                petrarch::load_petrarch_verbs(&mut dict, &text, p);
            }
            Err(e) => dict.errors.push(CoderError::Io {
                file: p.clone(),
                message: e.to_string(),
            }),
        }
    }
    dict
}

/// Which dictionaries a [`Coder`] loads.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The actor dictionaries.
    pub actors: faultline_actors::Options,
    /// Leave out faultline's embedded trigger dictionaries.
    pub no_default_verbs: bool,
    /// More trigger dictionaries: faultline verb `.toml` files or PETRARCH-2
    /// verb files (CAMEO.2.0.txt).
    pub verbs: Vec<PathBuf>,
    /// Code on word windows only, without the dependency parse.
    pub no_parse: bool,
}

/// The date a sentence's actors are resolved on: its first past date
/// expression (`dates`, a month counts as its 15th, a year as 1 July), else
/// `anchor`.
fn sentence_date(text: &str, dates: &[faultline_dates::EventDate], anchor: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    // Plans ("is expected to visit Seoul on June 9") are resolved on the article date.
    let lower = text.to_lowercase();
    if [
        " will ",
        " expected to ",
        " plans to ",
        " is to ",
        " are to ",
        " scheduled to ",
        " due to ",
    ]
    .iter()
    .any(|c| lower.contains(c))
    {
        return anchor;
    }
    dates
        .iter()
        .find(|d| !d.future)
        .and_then(|d| match d.date {
            faultline_dates::PartialDate::Date(day) => Some(day),
            faultline_dates::PartialDate::YearMonth { year, month } => {
                NaiveDate::from_ymd_opt(year, month, 15)
            }
            faultline_dates::PartialDate::Year(y) if y != anchor.year() => {
                NaiveDate::from_ymd_opt(y, 7, 1)
            }
            faultline_dates::PartialDate::Year(_) => None,
        })
        .filter(|d| *d <= anchor)
        .unwrap_or(anchor)
}

/// Role words inside a quotation that took the country of the surrounding
/// text ("I applaud the president", said a US senator) take the speaker's
/// country instead: speakers name their own country's offices that way.
fn speakers_own_country(mentions: &mut [Mention], quotes: &[Quote]) {
    // Quotations are in text order: the first one holding a mention is the
    // first whose end reaches the mention's end among those starting before
    // it, found with the running maximum of their ends.
    let mut reach = Vec::with_capacity(quotes.len());
    let mut max_end = 0;
    for q in quotes {
        max_end = max_end.max(q.end);
        reach.push(max_end);
    }
    let holding = |m: &Mention| {
        let starts_before = quotes.partition_point(|q| q.start <= m.start);
        let i = reach[..starts_before].partition_point(|&e| e < m.end);
        quotes.get(i).filter(|_| i < starts_before)
    };
    for m in mentions
        .iter_mut()
        .filter(|m| m.via == faultline_actors::Via::Context)
    {
        let Some(root) = holding(m)
            .and_then(|q| q.actor.as_deref())
            .and_then(|a| a.get(..3))
            .filter(|r| !matches!(*r, "IGO" | "NGO" | "IMG" | "MNC"))
        else {
            continue;
        };
        if m.country.as_deref() == Some(root) {
            continue;
        }
        let rest = m.code.get(3..).unwrap_or("").to_owned();
        m.code = format!("{root}{rest}");
        m.country = Some(root.to_owned());
    }
}

/// Mentions for the first-person pronouns of attributed quotations.
fn first_person_mentions(doc: &Doc<'_>, quotes: &[Quote]) -> Vec<Mention> {
    let mut out = Vec::new();
    for q in quotes {
        let Some(code) = q.actor.as_deref() else {
            continue;
        };
        let Some(text) = doc.body.get(q.start..q.end) else {
            continue;
        };
        for tok in faultline_text::tokens(text, q.start) {
            let w = &doc.body[tok.span.start..tok.span.end];
            if !matches!(w, "I" | "We" | "we") {
                continue;
            }
            let Some(sentence) = doc
                .sentence_at(tok.span.start)
                .filter(|&i| doc.sentences[i].1 >= tok.span.end)
            else {
                continue;
            };
            out.push(Mention {
                text: w.to_owned(),
                start: tok.span.start,
                end: tok.span.end,
                code: code.to_owned(),
                country: code.get(..3).map(str::to_owned),
                sector: code.get(3..6).map(str::to_owned),
                via: faultline_actors::Via::Coreference,
                entry: None,
                role: q.speaker.clone(),
                sentence,
                person: w == "I",
                appositive: false,
            });
        }
    }
    out
}

/// Most days a dateline's date may lie before the article date.
const FILING_DAYS: i64 = 3;

/// The day a story was filed: the date its dateline gives ("ADDIS ABABA,
/// June 5 —" in the June 6 paper), a day at most [`FILING_DAYS`] before
/// the article date; else the article date. "Today" and "yesterday" in the
/// story count from it.
fn filing_date(doc: &Doc<'_>) -> NaiveDate {
    let Some(&(start, end, _)) = doc.sentences.first() else {
        return doc.date;
    };
    let first = doc.body.get(start..end).unwrap_or("");
    let head = first
        .get(..faultline_text::dateline_len(first))
        .unwrap_or("");
    faultline_dates::find_event_dates(head, doc.date)
        .iter()
        .find_map(|d| match d.date {
            faultline_dates::PartialDate::Date(day)
                if day < doc.date && (doc.date - day).num_days() <= FILING_DAYS =>
            {
                Some(day)
            }
            _ => None,
        })
        .unwrap_or(doc.date)
}

/// A document to code: its body, sentences and quotations as byte ranges, and its date.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// Document id (for event ids).
    pub id: &'a str,
    /// The article body.
    pub body: &'a str,
    /// Sentences: (start, end, paragraph).
    pub sentences: Vec<(usize, usize, usize)>,
    /// Quotations: (start, end, inner_start, inner_end).
    pub quotes: Vec<(usize, usize, usize, usize)>,
    /// The article date (publication), anchor of relative dates.
    pub date: NaiveDate,
    /// False when the document has no date of its own and `date` is a fallback.
    pub date_known: bool,
}

impl<'a> Doc<'a> {
    /// The index of the sentence holding byte `at` (`start <= at < end`),
    /// by binary search: sentences are in text order and do not overlap.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|&(s, _, _)| s <= at);
        let i = i.checked_sub(1)?;
        (at < self.sentences[i].1).then_some(i)
    }

    /// A document from raw text: sentences and quotations found by
    /// `faultline_text::analyze`, dated `date`.
    pub fn from_text(id: &'a str, body: &'a str, date: NaiveDate) -> Self {
        let layer = faultline_text::analyze(body);
        Doc {
            id,
            body,
            sentences: layer
                .sentences
                .iter()
                .map(|s| (s.span.start, s.span.end, s.paragraph))
                .collect(),
            quotes: layer
                .quotes
                .iter()
                .map(|q| (q.span.start, q.span.end, q.inner.start, q.inner.end))
                .collect(),
            date,
            date_known: true,
        }
    }
}

/// Everything coded from one document.
#[derive(Debug, Clone, Serialize)]
pub struct Coded {
    /// The events.
    pub events: Vec<Event>,
    /// The direct quotations.
    pub quotes: Vec<Quote>,
}

/// The event coder: actor dictionaries, triggers and the code table.
#[derive(Debug)]
pub struct Coder {
    /// Actor dictionaries.
    pub actors: Actors,
    /// Trigger dictionaries.
    pub verbs: VerbDict,
    /// CAMEO code table.
    pub codes: CodeTable,
    /// Code statements of intent as CAMEO 03 and announced conflict as
    /// threats (default). Off for PETRARCH compatibility.
    pub intent_codes: bool,
    /// The tagger and parser that give clauses their structure (`None`:
    /// word windows only).
    pub syntax: Option<&'static faultline_syntax::Model>,
    /// Phrases that mark a story or a sentence as no political news (none
    /// by default; PETRARCH's discard lists load with [`discards::Discards::parse`]).
    pub discards: discards::Discards,
    /// Negated events take the opposite code in [`Coder::code_triples`]
    /// ("110" → "050"; none by default: see [`pico::negations`]), as
    /// UniversalPetrarch codes them.
    pub negations: HashMap<String, String>,
    /// Take an actor after a place preposition as the target when no other
    /// actor follows the verb ("arrived in Seoul" → the visit's host), as
    /// PETRARCH does. Off by default: in news a place is mostly where an
    /// event happens, a target only of material conflict.
    pub place_targets: bool,
}

impl Coder {
    /// A coder with the given actor and trigger dictionaries and the default code table.
    pub fn new(actors: Actors, verbs: VerbDict) -> Self {
        Self {
            actors,
            verbs,
            codes: CodeTable::defaults(),
            intent_codes: true,
            syntax: faultline_syntax::embedded().ok(),
            discards: discards::Discards::default(),
            negations: HashMap::new(),
            place_targets: false,
        }
    }

    /// The dictionaries `opts` asks for (see [`load_verbs`]); problems with
    /// trigger files are in `verbs.errors`, with actor files in
    /// `actors.report.errors`.
    pub fn load(opts: &Options) -> Result<Self, faultline_actors::ActorError> {
        let mut coder = Self::new(Actors::load(&opts.actors)?, load_verbs(opts));
        if opts.no_parse {
            coder.syntax = None;
        }
        Ok(coder)
    }

    /// faultline's default dictionaries.
    pub fn defaults() -> Result<Self, faultline_actors::ActorError> {
        Ok(Self::new(Actors::defaults()?, default_verbs()))
    }

    /// Resolves actors for a document (each sentence on the article date).
    ///
    /// Codes must hold on the date of the event: a sentence that dates what
    /// it reports ("In June 2014, Hagel met …") is resolved on that date, any
    /// other on the article date.
    pub fn mentions(&self, doc: &Doc<'_>) -> Vec<Mention> {
        self.mentions_dated(
            doc,
            &clause::document_dates(doc.body, &doc.sentences, &doc.quotes, doc.date),
        )
    }

    /// [`Coder::mentions`] with the sentences' dates found already.
    fn mentions_dated(&self, doc: &Doc<'_>, dated: &[clause::SentenceDates]) -> Vec<Mention> {
        let sentences: Vec<ActorSentence> = doc
            .sentences
            .iter()
            .zip(dated)
            .map(|(&(start, end, _), d)| ActorSentence {
                start,
                end,
                date: sentence_date(doc.body.get(start..end).unwrap_or(""), &d.dates, doc.date),
            })
            .collect();
        self.actors.resolve(doc.body, &sentences)
    }

    /// Codes a document.
    pub fn code_doc(&self, doc: &Doc<'_>) -> Coded {
        let filed = filing_date(doc);
        if filed != doc.date {
            let moved = Doc {
                date: filed,
                ..doc.clone()
            };
            return self.code_filed(&moved);
        }
        self.code_filed(doc)
    }

    /// [`Coder::code_doc`] once the document is dated by its filing day.
    fn code_filed(&self, doc: &Doc<'_>) -> Coded {
        let dated = clause::document_dates(doc.body, &doc.sentences, &doc.quotes, doc.date);
        let mut mentions = self.mentions_dated(doc, &dated);
        let quotes = quotes::attribute(doc, &mentions);
        // "I" and "we" inside a quotation are its speaker ("we strongly urge
        // Iraqi leaders …", said the State Department).
        mentions.extend(first_person_mentions(doc, &quotes));
        speakers_own_country(&mut mentions, &quotes);
        mentions.sort_by_key(|m| (m.sentence, m.start, m.end));
        let engine = clause::Engine {
            verbs: &self.verbs,
            codes: &self.codes,
            intent_codes: self.intent_codes,
            syntax: self.syntax,
            place_targets: self.place_targets,
        };
        let mut art = clause::Article::default();
        if self.discards.story_discarded(doc.body) {
            return Coded {
                events: art.events,
                quotes,
            };
        }
        let mut by_sentence: Vec<Vec<Mention>> = vec![Vec::new(); doc.sentences.len()];
        for m in &mentions {
            if let Some(v) = by_sentence.get_mut(m.sentence) {
                v.push(m.clone());
            }
        }
        for (i, &(start, end, _)) in doc.sentences.iter().enumerate() {
            if self
                .discards
                .sentence_discarded(doc.body.get(start..end).unwrap_or(""))
            {
                continue;
            }
            engine.code_sentence(
                &clause::SentenceInput {
                    doc_id: doc.id,
                    body: doc.body,
                    index: i,
                    start,
                    end,
                    mentions: &by_sentence[i],
                    anchor: doc.date,
                    anchor_known: doc.date_known,
                    dates: &dated[i].dates,
                    intervals: &dated[i].intervals,
                    quotes: &dated[i].quotes,
                    context: dated[i].context,
                    story: dated[i].story,
                },
                &mut art,
            );
        }
        clause::refine_dates(doc.body, &doc.sentences, &dated, &mut art.events, doc.date);
        Coded {
            events: art.events,
            quotes,
        }
    }

    /// Codes raw text (split into sentences here) on `date`; events as
    /// (source code, target code or "---", CAMEO code), whatever their
    /// factuality (PETRARCH's validation records are coded modality-blind),
    /// a negated one with its opposite code when [`Coder::negations`] has one.
    pub fn code_triples(&self, text: &str, date: NaiveDate) -> Vec<(String, String, String)> {
        let mut doc = Doc::from_text("text", text, date);
        doc.quotes.clear();
        self.code_doc(&doc)
            .events
            .into_iter()
            .map(|e| {
                let code = match self.negations.get(&e.cameo) {
                    Some(opposite) if e.factuality == Factuality::Negated => opposite.clone(),
                    _ => e.cameo,
                };
                (
                    e.source.code,
                    e.target.map_or_else(|| "---".to_owned(), |t| t.code),
                    code,
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coded(body: &str) -> Coded {
        let date = NaiveDate::from_ymd_opt(2019, 10, 8).unwrap_or_default();
        let coder = Coder::defaults().expect("default dictionaries");
        coder.code_doc(&Doc::from_text("t", body, date))
    }

    #[test]
    fn extra_toml_verbs_may_use_the_default_sets() {
        let path = std::env::temp_dir().join(format!("faultline-sets-{}.toml", std::process::id()));
        let text = "[[verb]]\nid = \"free\"\nlemma = \"free\"\ncode = \"---\"\n\
                    patterns = [[\"$DETAINEES\", \"0841\"], [\"$OWN\", \"0841\"]]\n\
                    [sets]\nOWN = [\"captives\"]\n";
        std::fs::write(&path, text).expect("write a temporary file");
        let dict = load_verbs(&Options {
            no_default_verbs: true,
            verbs: vec![path.clone(), path.with_extension("missing")],
            ..Options::default()
        });
        let _ = std::fs::remove_file(&path);
        assert_eq!(dict.errors.len(), 1, "{:?}", dict.errors);
        assert!(
            dict.errors[0].to_string().contains("cannot read"),
            "{:?}",
            dict.errors
        );
        assert_eq!(dict.triggers.len(), 1);
        assert_eq!(dict.triggers[0].patterns.len(), 2);
    }

    #[test]
    fn a_dated_dateline_anchors_today_and_yesterday() {
        // The article date is 8 October 2019; the stories were filed the day before.
        for (body, trigger, want) in [
            (
                "LIMA, Peru, Oct. 7 — Peruvian troops shelled a Chilean outpost today.",
                "shelled",
                "2019-10-07",
            ),
            (
                "TBILISI, Georgia, Oct. 7 (AP) — Georgia recalled its ambassador to \
                 Moscow yesterday.",
                "recalled",
                "2019-10-06",
            ),
            // A dateline dated too long ago is no filing day.
            (
                "LIMA, Peru, Sept. 20 — Peruvian troops shelled a Chilean outpost today.",
                "shelled",
                "2019-10-08",
            ),
        ] {
            let c = coded(body);
            let e = c.events.iter().find(|e| e.trigger.text == trigger);
            assert_eq!(
                e.map(|e| e.date.to_string()).as_deref(),
                Some(want),
                "{body}: {:?}",
                c.events
            );
        }
    }

    #[test]
    fn quoted_role_words_take_the_speakers_country() {
        let c = coded(
            "Syrian troops moved north on Tuesday. \
             US Senator Marco Delgado said: \"I applaud the president for this decision.\"",
        );
        let e = c
            .events
            .iter()
            .find(|e| e.trigger.text == "applaud")
            .expect("an applaud event");
        assert_eq!(
            e.target.as_ref().map(|t| t.code.as_str()),
            Some("USAGOV"),
            "{c:?}"
        );
    }

    #[test]
    fn a_pronoun_speaker_is_the_subject_not_the_person_it_received() {
        for (body, want) in [
            (
                "In Bogota, Colombian President Gustavo Petro received Venezuela's defence \
                 minister Vladimir Padrino on Monday. \"Our border is not for sale,\" he told a \
                 radio station afterwards.",
                "Gustavo Petro",
            ),
            (
                "Chile's foreign minister Alberto van Klaveren hosted Bolivian envoy Juan Soto \
                 in Santiago. \"We want a port deal this year,\" she told a newspaper.",
                "Alberto van Klaveren",
            ),
        ] {
            let c = coded(body);
            assert!(
                c.quotes.iter().any(|q| q.speaker.as_deref() == Some(want)),
                "{body}: {:?}",
                c.quotes
            );
        }
    }

    #[test]
    fn speakers_after_a_dotted_title_a_pointed_out_or_a_pair_they() {
        for (body, want) in [
            // "U.S." inside the title ends no sentence.
            (
                "\"The sanctions stay,\" U.S. Secretary of State Antony Blinken told reporters.",
                "Antony Blinken",
            ),
            (
                "\"Our troops will stay in Kosovo,\" U.K. Defence Secretary Ben Wallace said on Friday.",
                "Ben Wallace",
            ),
            // "pointed out" reports speech.
            (
                "\"More help is needed at the border,\" Mr Orban pointed out.",
                "Mr Orban",
            ),
            (
                "\"The port deal is fair,\" Ana Ruiz pointed out on Monday.",
                "Ana Ruiz",
            ),
            // "they" after two persons joined by "and".
            (
                "Emmanuel Macron and German Chancellor Olaf Scholz met in Berlin. \"Europe must \
                 stand together,\" they said.",
                "Emmanuel Macron and Olaf Scholz",
            ),
            (
                "Joe Biden and Fumio Kishida spoke on Tuesday. \"Our alliance is strong,\" they \
                 said in a joint statement.",
                "Joe Biden and Fumio Kishida",
            ),
            // A person named after the pair is no part of it.
            (
                "Joe Biden and Fumio Kishida criticised Kim Jong Un on Tuesday. \"The launches \
                 must stop,\" they said.",
                "Joe Biden and Fumio Kishida",
            ),
        ] {
            let c = coded(body);
            assert!(
                c.quotes.iter().any(|q| q.speaker.as_deref() == Some(want)),
                "{body}: {:?}",
                c.quotes
            );
        }
    }

    #[test]
    fn first_person_words_in_a_quotation_are_its_speaker() {
        let c = coded(
            "Houthi spokesman Yahya Sarea said the drones had hit their targets. \
             \"We warn the Saudis that our targets will keep expanding,\" Saree said.",
        );
        assert!(
            c.events.iter().any(|e| e.source.code.starts_with("YEM")
                && e.target.as_ref().is_some_and(|t| t.code == "SAU")
                && e.cameo.starts_with("13")),
            "{c:?}"
        );
    }
}
