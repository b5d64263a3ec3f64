//! Atoms: each dictionary hit of a sentence read as what it names (an actor,
//! a country adjective, a seat of government, a person or a role word), with
//! its code on the sentence's date. Also the document's country counts, which
//! decide the context aliases ("the North") and the default country.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::code;
use crate::dict::{ActorDict, EntryKind, PhraseHit, PhraseKind};
use crate::lexicon::lex;

/// One dictionary hit, read.
#[derive(Debug, Clone)]
pub(super) struct Atom {
    pub start: usize,
    pub end: usize,
    /// Country root, when known.
    pub country: Option<String>,
    /// Sector code, when the atom carries one.
    pub sector: Option<String>,
    /// Full code, when the atom is a complete actor by itself.
    pub code: Option<String>,
    pub entry: Option<usize>,
    pub kind: AtomKind,
}

impl Atom {
    /// True for a group's or organisation's own code ("IGOUNO", "PSEHMS"),
    /// which its members keep ("a Hamas commander").
    pub fn is_organisation(&self) -> bool {
        self.kind == AtomKind::Actor && self.code.as_ref().is_some_and(|c| c.len() > 3)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AtomKind {
    /// A named actor with its own code (country, IGO, group, org, PETRARCH).
    Actor,
    /// A country adjective or nationals.
    Demonym,
    /// A seat of government.
    Metonym,
    /// A known person.
    Person,
    /// A role word.
    Sector,
}

/// How often the document names each country (by name, demonym or metonym).
pub(super) fn country_counts(
    dict: &ActorDict,
    body: &str,
    hits: &[PhraseHit],
) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for h in hits
        .iter()
        .filter(|h| !names_a_water_body(body, h.start, h.end))
    {
        if let Some(&p) = h.phrases.first() {
            let phrase = &dict.phrases[p];
            let entry = &dict.entries[phrase.entry];
            if matches!(
                phrase.kind,
                PhraseKind::Name | PhraseKind::Demonym | PhraseKind::Metonym
            ) && let Some(c) = &entry.country
                && dict.is_country(c)
            {
                *counts.entry(c.clone()).or_default() += 1;
            }
        }
    }
    counts
}

/// The atom of a hit: its first phrase that applies, on `date`.
pub(super) fn atom_of(
    dict: &ActorDict,
    body: &str,
    hit: &PhraseHit,
    mentioned: &HashMap<String, usize>,
    date: NaiveDate,
) -> Option<Atom> {
    // "the South China Sea", "the Gulf of Oman": a sea, not the state.
    if names_a_water_body(body, hit.start, hit.end) {
        return None;
    }
    // "signed at the UN Headquarters in New York": an organisation's seat
    // where something took place ("drones hit the fleet's headquarters"
    // hit the fleet; "fired at Hamas headquarters" at Hamas).
    let seat = next_word_in(body, hit.end, &lex().seat_words) && after_seat_lead(body, hit.start);
    for &p in &hit.phrases {
        let phrase = &dict.phrases[p];
        let entry = &dict.entries[phrase.entry];
        if seat && entry.code_on(date).is_some_and(|c| c.starts_with("IGO")) {
            continue;
        }
        let base = Atom {
            start: hit.start,
            end: hit.end,
            country: entry.country.clone(),
            sector: None,
            code: None,
            entry: Some(phrase.entry),
            kind: AtomKind::Actor,
        };
        let atom = match &phrase.kind {
            PhraseKind::Context { when, unless } => {
                context_alias(body, hit, &phrase.text, (when, unless), mentioned)
            }
            .map(|start| Atom {
                start,
                code: entry.code_on(date).map(str::to_owned),
                ..base
            }),
            PhraseKind::Name if entry.kind == EntryKind::Person => {
                let code = entry.code_on(date).map(str::to_owned);
                Some(Atom {
                    country: code
                        .as_deref()
                        .and_then(|c| code::split(c).0.map(str::to_owned))
                        .or(base.country.clone()),
                    code,
                    kind: AtomKind::Person,
                    ..base
                })
            }
            PhraseKind::Name if entry.kind == EntryKind::Sector => None,
            PhraseKind::Name => {
                let code = entry.code_on(date).map(str::to_owned)?;
                let (root, sector) = code::split(&code);
                Some(Atom {
                    country: root.map(str::to_owned),
                    sector: sector.map(str::to_owned),
                    code: Some(code),
                    ..base
                })
            }
            // "a former Yugoslav republic", "ex-Soviet states": the
            // adjective of a state that split names none of its heirs.
            PhraseKind::Demonym if former_state(body, hit.start, &phrase.text) => None,
            PhraseKind::Demonym => Some(Atom {
                kind: AtomKind::Demonym,
                ..base
            }),
            // "Victoria Park" is a park, not the Seychelles government.
            PhraseKind::Metonym if names_a_place(body, hit.end) => None,
            PhraseKind::Metonym => Some(Atom {
                code: entry.country.as_ref().map(|c| code::with_sector(c, "GOV")),
                sector: Some("GOV".to_owned()),
                kind: AtomKind::Metonym,
                ..base
            }),
            PhraseKind::Sector => Some(Atom {
                country: None,
                sector: entry.code_on(date).map(|c| c.trim_matches('~').to_owned()),
                kind: AtomKind::Sector,
                ..base
            }),
        };
        if atom.is_some() {
            return atom;
        }
    }
    None
}

/// True when `demonym` is the adjective of a state that split
/// (`split_state_demonyms`: "Yugoslav", "Soviet") and a word or prefix
/// saying "former" stands right before byte `start`.
fn former_state(body: &str, start: usize, demonym: &str) -> bool {
    lex().split_state_demonyms.contains(&demonym.to_lowercase())
        && super::words::former_before(body, start, 0)
}

/// True when the word after byte `end` heads a place's name ("Park",
/// "Square"; see `place_name_heads`).
fn names_a_place(body: &str, end: usize) -> bool {
    next_word_in(body, end, &lex().place_name_heads)
}

/// True when the phrase at byte `start` comes right after one of
/// `seat_leads` ("at the").
fn after_seat_lead(body: &str, start: usize) -> bool {
    let before = body.get(..start).unwrap_or("").trim_end().to_lowercase();
    lex().seat_leads.iter().any(|lead| {
        before
            .strip_suffix(lead.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| c.is_whitespace()))
    })
}

/// True when the word right after byte `end` (after one space) is in `list`.
fn next_word_in(body: &str, end: usize, list: &faultline_text::lexicon::WordList) -> bool {
    let rest = body.get(end..).unwrap_or("");
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let word: &str = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    list.contains(word)
}

/// True when the phrase at `start..end` is part of a sea's or strait's
/// name: a `water_heads` word right after it ("South China Sea", "Taiwan
/// Strait", "Indian Ocean") or before it with "of" ("Gulf of Oman").
fn names_a_water_body(body: &str, start: usize, end: usize) -> bool {
    let next = body
        .get(end..)
        .and_then(|r| r.strip_prefix(' '))
        .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
        .unwrap_or("");
    let before = body.get(..start).unwrap_or("");
    let head_before = before
        .strip_suffix(" of ")
        .and_then(|b| b.rsplit(' ').next())
        .unwrap_or("");
    lex().water_heads.contains(next) || lex().water_heads.contains(head_before)
}

/// Where a context alias ("the North") starts, when the document mentions
/// one of its `when` countries and, if the alias is written with "the",
/// the text has it.
fn context_alias(
    body: &str,
    hit: &PhraseHit,
    phrase: &str,
    (when, unless): (&[String], &[String]),
    mentioned: &HashMap<String, usize>,
) -> Option<usize> {
    let needs_the = phrase.len() > hit.end - hit.start && phrase.to_lowercase().starts_with("the ");
    let before = &body[..hit.start];
    let has_the = before.ends_with("the ") || before.ends_with("The ");
    // "India's Foreign Office", "the German Foreign Office": another
    // owner named right before the alias.
    let prev = before.trim_end().rsplit(' ').next().unwrap_or("");
    let owned = prev.ends_with("'s")
        || prev.ends_with("’s")
        || (prev.chars().next().is_some_and(char::is_uppercase)
            && !lex().definite_determiners.contains(&prev.to_lowercase()));
    (when.iter().any(|w| mentioned.contains_key(w))
        && !unless.iter().any(|w| mentioned.contains_key(w))
        && !owned
        && (!needs_the || has_the))
        .then(|| if needs_the { hit.start - 4 } else { hit.start })
}

/// True when an actor atom is one of its entry's context aliases.
pub(super) fn hits_context_alias(dict: &ActorDict, a: &Atom) -> bool {
    a.entry
        .is_some_and(|e| dict.has_context_alias(e, a.end - a.start))
        && a.kind == AtomKind::Actor
        && a.code.as_deref().is_some_and(|c| c.len() == 3)
}

/// True when a country's name or adjective only says where a thing was
/// made: "German-made tanks", "Iranian-built drones", "Russian-designed
/// jets" (a hyphen, then a participle of `origin_participles`). The
/// country is no actor there: the tanks may be anyone's.
pub(super) fn names_an_origin(body: &str, a: &Atom) -> bool {
    let Some(rest) = body[a.end..].strip_prefix('-') else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(a.kind, AtomKind::Demonym | AtomKind::Actor)
        && lex().origin_participles.contains(&word.to_lowercase())
}

/// Where the name starts when a country's possessive only relates the
/// name after it: "Kenya's neighbour Somalia", "Croatia's nemesis Serbia"
/// (a noun of `state_relation_nouns`, then a capitalised word). The name
/// is the actor when an atom starts there; the possessor is none.
pub(super) fn related_name(body: &str, a: &Atom) -> Option<usize> {
    let rest = body[a.end..]
        .strip_prefix("'s ")
        .or_else(|| body[a.end..].strip_prefix("’s "))?;
    let noun = rest.split_whitespace().next().unwrap_or_default();
    let relation = noun.trim_end_matches(',').to_lowercase();
    let after = &rest[noun.len()..];
    let name = after.trim_start_matches([',', ' ']);
    let related = matches!(a.kind, AtomKind::Actor | AtomKind::Metonym)
        && lex().state_relation_nouns.contains(&relation)
        && name.starts_with(|c: char| c.is_uppercase());
    related.then(|| body.len() - name.len())
}

/// True when a rank word ("deputy") only ranks the title word after it that
/// is no role word of the dictionaries ("deputy director", "Deputy
/// Assistant Secretary"): it names no legislator.
pub(super) fn ranks_a_title(body: &str, a: &Atom) -> bool {
    let word = body[a.start..a.end].to_lowercase();
    let next = body[a.end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    a.kind == AtomKind::Sector
        && lex().rank_words.contains(&word)
        && body[a.end..].starts_with(' ')
        && lex().individual_roles.contains(&next)
}
