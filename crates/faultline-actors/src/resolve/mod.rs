//! Resolving mentions in a document to actor codes valid on the event date.
//!
//! One pass of the dictionary matcher over the body gives phrase hits; each
//! sentence is then read by small passes, in this order:
//!
//! 1. **Atoms** (`mention`). Each hit becomes an atom: a named actor, a
//!    country adjective, a seat of government, a known person or a role
//!    word, with its code on the sentence's date.
//! 2. **Compounds** (`compound`). A country (name, demonym or metonym)
//!    followed by a role word, with at most two modifiers between ("South
//!    Korean troops", "Iran's foreign ministry", "the Japanese government"),
//!    or a role word followed by "of/in/from" and a country ("officials in
//!    Seoul"), is one mention: country + sector. "former"/"ex-" in the
//!    compound gives ELI.
//! 3. **Text over dictionary** (`titles`). A person's dictionary code holds
//!    on the date, unless the text states a role: a title right before the
//!    name ("US Defense Secretary Chuck Hagel", "former President X") or an
//!    apposition right after it ("X, then South Korean Defense Minister";
//!    "X, a professor at Yonsei University"). Unknown names with such a
//!    title or apposition are resolved from it (via `apposition`).
//! 4. **Persons named again** (`persons`). A name the dictionaries do not
//!    know, introduced with a country and a role by a title or an
//!    apposition ("Kenyan opposition leader X Y", "X Y, Nigeria's defence
//!    minister"), keeps that code when the full name, or the surname alone,
//!    comes again (via `introduced`); pronouns then refer to it like to any
//!    person.
//! 5. **Context** (`context`). Role words with no country ("police", "a
//!    senior government official") take the country of the most recent
//!    country mention in the sentence or the two before it, else the
//!    document's most mentioned country (via `context`). Context aliases
//!    ("the North") count only when the document mentions one of their
//!    `when` countries.
//! 6. **Coreference-lite** (`coref`). "the two countries/governments/sides",
//!    "both sides", "the three countries" refer to the countries last engaged
//!    together; "he"/"she" to the most recent person; "they" to the most
//!    recent group of actors or plural role mention (via `coreference`).
//! 7. **Definite descriptions** (`definite`). "the embassy", "the court",
//!    "this ministry", "the rebels" take the code of the latest mention with
//!    the same head noun (or a synonym) in this sentence or the eight (for
//!    "the government", three) before it ("The Canadian embassy in Lima … The embassy said" → CANGOV), in
//!    place of the context's country (via `coreference`).
//!
//! The English words these passes test for are in `data/lexicon.toml`
//! (`crate::lexicon`); the word tests shared by several passes are in
//! `words`.

mod acronyms;
mod compound;
mod context;
mod coref;
mod definite;
mod mention;
mod persons;
mod titles;
mod words;

use chrono::NaiveDate;
use serde::Serialize;

use crate::code;
use crate::dict::{ActorDict, PhraseHit};
use context::State;
use mention::{Atom, AtomKind};

/// How a mention got its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// A dictionary phrase (with a role word, when compounded).
    Dictionary,
    /// A title or apposition in the text.
    Apposition,
    /// A pronoun or group phrase referring back.
    Coreference,
    /// The country of the surrounding text.
    Context,
    /// A person's name (in full, or the surname alone) repeated after the
    /// text introduced them with a country and a role.
    Introduced,
}

/// An actor mention: a byte range of the body and its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The mention's text, exactly `body[start..end]`.
    pub text: String,
    /// Byte offset into the body.
    pub start: usize,
    /// Byte offset into the body.
    pub end: usize,
    /// The CAMEO actor code on the resolution date.
    pub code: String,
    /// Three-letter root of the code (country, IGO, IMG, NGO…).
    pub country: Option<String>,
    /// The first sector of the code, if any.
    pub sector: Option<String>,
    /// How the code was found.
    pub via: Via,
    /// The dictionary entry, when one was used.
    pub entry: Option<String>,
    /// The role the text gives (title or apposition), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Index of the sentence the mention is in.
    pub sentence: usize,
    /// True for a person (named or anonymous individual).
    pub person: bool,
    /// True when the mention sits in an apposition describing the actor
    /// before it ("X, then South Korean Defense Minister, …"): it is a role,
    /// not an actor of its own.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub appositive: bool,
}

/// A sentence to resolve: its byte range in the body and the date to resolve on.
#[derive(Debug, Clone, Copy)]
pub struct SentenceRef {
    /// Start byte in the body.
    pub start: usize,
    /// End byte in the body.
    pub end: usize,
    /// The date codes must be valid on.
    pub date: NaiveDate,
}

impl SentenceRef {
    /// The sentences of `body` (news-English segmentation), all on `date`.
    #[must_use]
    pub fn all_of(body: &str, date: NaiveDate) -> Vec<Self> {
        faultline_text::sentences(body)
            .iter()
            .map(|s| Self {
                start: s.span.start,
                end: s.span.end,
                date,
            })
            .collect()
    }
}

/// Resolves every actor mention of a document.
///
/// `sentences` are byte ranges of `body`, each with the date codes must be
/// valid on (the event date when known, else the article date).
pub fn resolve(dict: &ActorDict, body: &str, sentences: &[SentenceRef]) -> Vec<Mention> {
    resolve_with(dict, body, sentences, true)
}

/// [`resolve`], choosing whether role words with no country take the
/// context's country (`true`) or the null root `---` (`false`, as PETRARCH).
pub fn resolve_with(
    dict: &ActorDict,
    body: &str,
    sentences: &[SentenceRef],
    context_countries: bool,
) -> Vec<Mention> {
    let hits = dict.find(body);
    let mut state = State::new(
        mention::country_counts(dict, body, &hits),
        context_countries,
    );
    let mut out = Vec::new();
    let mut hit_i = 0;
    for (si, s) in sentences.iter().enumerate() {
        while hit_i < hits.len() && hits[hit_i].start < s.start {
            hit_i += 1;
        }
        let mut j = hit_i;
        while j < hits.len() && hits[j].end <= s.end {
            j += 1;
        }
        let cx = Sentence::new(dict, body, si, s, &hits[hit_i..j], &state);
        let before = out.len();
        resolve_sentence(&cx, &mut state, &mut out);
        if si == 0 {
            state.note_dateline(
                &out[before..],
                s.start + faultline_text::dateline_len(&body[s.start..s.end]),
            );
        }
        hit_i = j;
    }
    out
}

/// One sentence being resolved: the text, its atoms, and what every pass reads.
struct Sentence<'a> {
    dict: &'a ActorDict,
    body: &'a str,
    /// Index of the sentence.
    si: usize,
    s: &'a SentenceRef,
    atoms: Vec<Atom>,
    /// The sentence's tokens, found once for every pass that reads them.
    tokens: Vec<faultline_text::Token>,
}

impl<'a> Sentence<'a> {
    fn new(
        dict: &'a ActorDict,
        body: &'a str,
        si: usize,
        s: &'a SentenceRef,
        hits: &[PhraseHit],
        state: &State,
    ) -> Self {
        let mut atoms: Vec<Atom> = hits
            .iter()
            .filter_map(|h| mention::atom_of(dict, body, h, &state.mentioned, s.date))
            .filter(|a| !mention::ranks_a_title(body, a) && !mention::names_an_origin(body, a))
            .collect();
        // "Kenya's neighbour Somalia": the possessor goes when a name follows.
        let starts: Vec<usize> = atoms.iter().map(|a| a.start).collect();
        atoms.retain(|a| mention::related_name(body, a).is_none_or(|n| !starts.contains(&n)));
        Self {
            dict,
            body,
            si,
            s,
            atoms,
            tokens: faultline_text::tokens(&body[s.start..s.end], s.start),
        }
    }

    /// The id of the dictionary entry behind an atom.
    fn entry_id(&self, a: &Atom) -> Option<String> {
        a.entry.map(|e| self.dict.entries[e].id.clone())
    }

    /// A mention of `body[start..end]` with `code`; no entry, role or person.
    fn mention(&self, start: usize, end: usize, code: String, via: Via) -> Mention {
        let (root, sector) = code::split(&code);
        Mention {
            text: self.body[start..end].to_owned(),
            start,
            end,
            country: root.map(str::to_owned),
            sector: sector.map(str::to_owned),
            code,
            via,
            entry: None,
            role: None,
            sentence: self.si,
            person: false,
            appositive: false,
        }
    }

    /// True when `code` is a country's root.
    fn is_country(&self, code: &str) -> bool {
        self.dict.is_country(code)
    }

    /// The first country named among `mentions`.
    fn first_country(&self, mentions: &[Mention]) -> Option<String> {
        mentions
            .iter()
            .find_map(|m| m.country.clone().filter(|c| self.is_country(c)))
    }

    /// The most recent country named among `mentions`.
    fn last_country(&self, mentions: &[Mention]) -> Option<String> {
        mentions
            .iter()
            .rev()
            .find_map(|m| m.country.clone().filter(|c| self.is_country(c)))
    }
}

/// The passes over one sentence; its mentions are appended to `out`.
fn resolve_sentence(cx: &Sentence<'_>, state: &mut State, out: &mut Vec<Mention>) {
    let mut mentions = scan(cx, state, out);
    let fallback = cx
        .last_country(&mentions)
        .or_else(|| state.context_country(cx.si));
    let unknown = titles::unknown_named_appositions(cx, &mentions, fallback);
    mentions.extend(unknown);
    let again = persons::named_again(cx, &state.persons, &mentions);
    mentions.extend(again);
    let acronyms = acronyms::said_again(cx, &state.acronyms, &mentions);
    mentions.extend(acronyms);
    titles::mark_appositives(cx, &mut mentions);
    titles::mark_respectively(cx, &mut mentions);
    mentions.sort_by_key(|m| (m.start, m.end));
    titles::bracketed_abbreviations(cx, &mut mentions);
    for (acronym, code) in acronyms::defined(cx, &mentions) {
        state.acronyms.entry(acronym).or_insert(code);
    }
    let mut corefs = coref::coreferences(cx, state, &mentions);
    let descriptions = definite::definite_descriptions(cx, &mentions, out);
    definite::possessed_roles(cx, &descriptions, &mut mentions);
    corefs.extend(descriptions);
    mentions.retain(|m| {
        m.via != Via::Context || !corefs.iter().any(|c| c.start < m.end && c.end > m.start)
    });
    let mut all: Vec<Mention> = mentions.into_iter().chain(corefs).collect();
    all.sort_by_key(|m| (m.start, m.end));
    coref::remember(cx, state, &all);
    out.extend(all);
}

/// Reads the atoms left to right: compounds, persons, role words and actors.
fn scan(cx: &Sentence<'_>, state: &State, out: &[Mention]) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < cx.atoms.len() {
        i = compound::country_role(cx, i, &mut mentions)
            .or_else(|| compound::role_of_country(cx, i, &mut mentions))
            .or_else(|| compound::possessed_institution(cx, i, &mut mentions))
            .unwrap_or_else(|| single(cx, i, state, out, &mut mentions));
    }
    mentions
}

/// An atom that forms no compound; returns the next atom to read.
fn single(
    cx: &Sentence<'_>,
    i: usize,
    state: &State,
    out: &[Mention],
    mentions: &mut Vec<Mention>,
) -> usize {
    let a = &cx.atoms[i];
    match a.kind {
        AtomKind::Person => {
            mentions.push(titles::person(cx, i));
            i + 1
        }
        AtomKind::Sector => context::lone_role(cx, i, state, out, mentions),
        AtomKind::Actor | AtomKind::Metonym | AtomKind::Demonym => {
            if let Some(code) = a.code.clone().or_else(|| a.country.clone()) {
                let via = if mention::hits_context_alias(cx.dict, a) {
                    Via::Context
                } else {
                    Via::Dictionary
                };
                mentions.push(Mention {
                    entry: cx.entry_id(a),
                    ..cx.mention(a.start, a.end, code, via)
                });
            }
            i + 1
        }
    }
}
