//! The compiled actor dictionary: entries, their phrases, and one matcher.
//!
//! Sources (faultline's TOML dictionaries, PETRARCH actor and agent files)
//! add entries and phrases to a [`DictBuilder`]; [`DictBuilder::build`]
//! compiles every phrase into a single Aho-Corasick automaton. Several
//! entries may share a phrase; the resolver picks among them.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::code::{self, DatedCode};
use crate::error::ActorError;
use crate::matcher::{self, CaseRule, Hit, Normalized, PhraseSet};

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A country or territory.
    Country,
    /// An international organisation.
    Igo,
    /// A non-state armed or political group.
    Group,
    /// A named organisation (ministry, university, news agency…).
    Org,
    /// A person with dated roles.
    Person,
    /// A role word giving a sector (agent).
    Sector,
    /// An entry of a PETRARCH actor dictionary.
    Petrarch,
}

/// One dictionary entry.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Where it was defined: "countries.toml:KOR", "Phoenix.Countries.actors.txt:51552".
    pub id: String,
    /// What it is.
    pub kind: EntryKind,
    /// Its main name.
    pub name: String,
    /// Three-letter country (or IGO/IMG/NGO) root, when known.
    pub country: Option<String>,
    /// Codes in order; the first that applies on a date wins.
    pub codes: Vec<DatedCode>,
    /// Code for dates outside every dated code (people out of office: `USAELI`).
    pub otherwise: Option<String>,
    /// For sectors: true when the code is prefixed to the actor (`NGO~`), not appended.
    pub prefix_sector: bool,
}

impl Entry {
    /// The code of this entry on `date`.
    pub fn code_on(&self, date: NaiveDate) -> Option<&str> {
        code::code_on(&self.codes, date).or(self.otherwise.as_deref())
    }

    /// Roles held at any time, with their titles, for appositions and "the president".
    pub fn is_person(&self) -> bool {
        self.kind == EntryKind::Person
    }
}

/// How a phrase refers to its entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PhraseKind {
    /// A name of the entry itself: gives the entry's code.
    Name,
    /// A country adjective or nationals ("South Korean"): gives the country, takes a sector.
    Demonym,
    /// A place standing for the government ("Seoul", "the Kremlin"): gives `{country}GOV`.
    Metonym,
    /// A name valid only in documents that mention one of the `when`
    /// countries and none of the `unless` ones ("the North"; "Foreign
    /// Office" for Pakistan's ministry where Britain goes unnamed).
    Context {
        /// The countries one of which the document must name.
        when: Vec<String>,
        /// The countries the document must not name.
        unless: Vec<String>,
    },
    /// A role word: gives a sector to combine with a country.
    Sector,
}

/// One phrase of an entry.
#[derive(Debug, Clone)]
pub struct Phrase {
    /// Index into [`ActorDict::entries`].
    pub entry: usize,
    /// How it refers.
    pub kind: PhraseKind,
    /// How its case must show in text.
    pub case: CaseRule,
    /// The phrase as written in the dictionary.
    pub text: String,
}

/// Collects entries and phrases from any number of sources.
#[derive(Debug, Default)]
pub struct DictBuilder {
    entries: Vec<Entry>,
    phrases: Vec<(String, Phrase)>,
}

impl DictBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an entry; returns its index for [`DictBuilder::add_phrase`].
    pub fn add_entry(&mut self, entry: Entry) -> usize {
        self.entries.push(entry);
        self.entries.len() - 1
    }

    /// Adds a phrase for entry `entry`, with the case rule its spelling implies.
    pub fn add_phrase(&mut self, entry: usize, text: &str, kind: PhraseKind) {
        self.add_phrase_with_case(entry, text, kind, CaseRule::of(text.trim()));
    }

    /// Adds a phrase with an explicit case rule.
    ///
    /// A context alias written with a leading "the" ("the North") is matched
    /// without it, so that longer names ("North Korean") still win; the
    /// resolver then requires the "the" before it in the text.
    pub fn add_phrase_with_case(
        &mut self,
        entry: usize,
        text: &str,
        kind: PhraseKind,
        case: CaseRule,
    ) {
        let trimmed = text.trim();
        let pattern = match kind {
            PhraseKind::Context { .. } => trimmed
                .strip_prefix("the ")
                .or_else(|| trimmed.strip_prefix("The "))
                .unwrap_or(trimmed),
            _ => trimmed,
        };
        let case = if pattern.len() == trimmed.len() {
            case
        } else {
            CaseRule::of(pattern)
        };
        let norm = matcher::normalize(pattern).text;
        if norm.is_empty() || !norm.chars().any(char::is_alphanumeric) {
            return;
        }
        self.phrases.push((
            norm,
            Phrase {
                entry,
                kind,
                case,
                text: text.trim().to_owned(),
            },
        ));
    }

    /// Number of entries so far.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// Compiles the dictionary.
    pub fn build(self) -> Result<ActorDict, ActorError> {
        let mut pattern_ids: HashMap<String, usize> = HashMap::with_capacity(self.phrases.len());
        let mut patterns = Vec::new();
        let mut by_pattern: Vec<Vec<usize>> = Vec::new();
        let mut phrases = Vec::with_capacity(self.phrases.len());
        for (norm, phrase) in self.phrases {
            let id = *pattern_ids.entry(norm).or_insert_with_key(|k| {
                patterns.push(k.clone());
                by_pattern.push(Vec::new());
                patterns.len() - 1
            });
            by_pattern[id].push(phrases.len());
            phrases.push(phrase);
        }
        // Countries, and PETRARCH actors whose codes are bare three-letter
        // roots (they combine with agents the same way: "Arnor's government").
        let countries = self
            .entries
            .iter()
            .filter(|e| {
                e.kind == EntryKind::Country
                    || (e.kind == EntryKind::Petrarch
                        && e.codes
                            .iter()
                            .any(|c| c.code.len() == 3 && code::is_valid(&c.code)))
            })
            .filter_map(|e| e.country.clone())
            .filter(|c| !matches!(c.as_str(), "IGO" | "IMG" | "NGO" | "MNC" | "UAF"))
            .collect();
        let mut context_aliases: HashMap<usize, Vec<usize>> = HashMap::new();
        for p in phrases
            .iter()
            .filter(|p| matches!(p.kind, PhraseKind::Context { .. }))
        {
            context_aliases
                .entry(p.entry)
                .or_default()
                .push(p.text.len());
        }
        Ok(ActorDict {
            set: PhraseSet::build(patterns)?,
            entries: self.entries,
            phrases,
            by_pattern,
            countries,
            context_aliases,
        })
    }
}

/// A phrase found in a text.
#[derive(Debug, Clone)]
pub struct PhraseHit {
    /// Original byte range.
    pub start: usize,
    /// Original byte range end.
    pub end: usize,
    /// Candidate phrases (all sharing the matched pattern and passing case rules), best first.
    pub phrases: Vec<usize>,
}

/// The compiled dictionary.
pub struct ActorDict {
    /// All entries.
    pub entries: Vec<Entry>,
    /// All phrases.
    pub phrases: Vec<Phrase>,
    by_pattern: Vec<Vec<usize>>,
    set: PhraseSet,
    countries: HashSet<String>,
    /// The byte lengths of each entry's context aliases ("the North"), so
    /// a mention is checked against them without a scan of every phrase.
    context_aliases: HashMap<usize, Vec<usize>>,
}

impl std::fmt::Debug for ActorDict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActorDict")
            .field("entries", &self.entries.len())
            .field("phrases", &self.phrases.len())
            .finish()
    }
}

/// Preference among entries sharing a phrase: names of specific things first.
fn rank(kind: &PhraseKind, entry: EntryKind) -> u8 {
    match (kind, entry) {
        // A context alias applies only where its condition holds, and
        // then it is the more specific reading.
        (PhraseKind::Context { .. }, _) => 0,
        (PhraseKind::Name, EntryKind::Person) => 0,
        (PhraseKind::Name, EntryKind::Org | EntryKind::Igo | EntryKind::Group) => 1,
        (PhraseKind::Name, EntryKind::Country) => 2,
        (PhraseKind::Demonym, _) => 4,
        (PhraseKind::Metonym, _) => 5,
        (PhraseKind::Name, EntryKind::Petrarch) => 6,
        (PhraseKind::Name, EntryKind::Sector) | (PhraseKind::Sector, _) => 7,
    }
}

impl ActorDict {
    /// True when entry `entry` has a context alias ("the North") of
    /// `len` bytes as written in the dictionary.
    #[must_use]
    pub fn has_context_alias(&self, entry: usize, len: usize) -> bool {
        self.context_aliases
            .get(&entry)
            .is_some_and(|lens| lens.contains(&len))
    }

    /// Number of distinct patterns in the matcher.
    pub fn pattern_count(&self) -> usize {
        self.set.len()
    }

    /// True when `code` is a country (or territory) root known to the dictionary.
    pub fn is_country(&self, code: &str) -> bool {
        self.countries.contains(code)
    }

    /// Finds phrases in `text`: leftmost-longest, non-overlapping, on word
    /// boundaries, obeying case rules.
    pub fn find(&self, text: &str) -> Vec<PhraseHit> {
        let norm: Normalized = matcher::normalize(text);
        if norm.text.is_empty() {
            return Vec::new();
        }
        let hits = self.set.find_all(text, &norm, |pattern, start, end| {
            let matched = &text[start..end];
            // A person's name does not match the start of a longer hyphenated
            // name ("Lee Jun" in "Lee Jun-seok").
            let hyphen_cont = text[end..].starts_with('-')
                && text[end + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            self.by_pattern[pattern].iter().any(|&p| {
                let phrase = &self.phrases[p];
                phrase.case.accepts(matched)
                    && !(hyphen_cont && self.entries[phrase.entry].kind == EntryKind::Person)
            })
        });
        matcher::leftmost_longest(hits)
            .into_iter()
            .map(
                |Hit {
                     pattern,
                     start,
                     end,
                 }| {
                    let matched = &text[start..end];
                    let mut phrases: Vec<usize> = self.by_pattern[pattern]
                        .iter()
                        .copied()
                        .filter(|&p| self.phrases[p].case.accepts(matched))
                        .collect();
                    phrases.sort_by_key(|&p| {
                        rank(
                            &self.phrases[p].kind,
                            self.entries[self.phrases[p].entry].kind,
                        )
                    });
                    PhraseHit {
                        start,
                        end,
                        phrases,
                    }
                },
            )
            .collect()
    }
}
