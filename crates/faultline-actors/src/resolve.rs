//! Resolving mentions in a document to actor codes valid on the event date.
//!
//! One pass of the dictionary matcher over the body gives phrase hits; each
//! sentence is then read left to right:
//!
//! 1. **Compounds.** A country (name, demonym or metonym) followed by a role
//!    word, with at most two modifiers between ("South Korean troops",
//!    "Iran's foreign ministry", "the Japanese government"), or a role word
//!    followed by "of/in/from" and a country ("officials in Seoul"), is one
//!    mention: country + sector. "former"/"ex-" in the compound gives ELI.
//! 2. **Text over dictionary.** A person's dictionary code holds on the
//!    date, unless the text states a role: a title right before the name
//!    ("US Defense Secretary Chuck Hagel", "former President X") or an
//!    apposition right after it ("X, then South Korean Defense Minister";
//!    "X, a professor at Yonsei University"). Unknown names with such a title
//!    or apposition are resolved from it (via `apposition`).
//! 3. **Context.** Role words with no country ("police", "a senior
//!    government official") take the country of the most recent country
//!    mention in the sentence or the two before it, else the document's most
//!    mentioned country (via `context`). Context aliases ("the North") count
//!    only when the document mentions one of their `when` countries.
//! 4. **Coreference-lite.** "the two countries/governments/sides", "both
//!    sides", "the three countries" refer to the most recent distinct
//!    countries; "he"/"she" to the most recent person; "they" to the most
//!    recent group of actors or plural role mention (via `coreference`).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::code;
use crate::dict::{ActorDict, EntryKind, PhraseHit, PhraseKind};
use crate::lexicon::lex;

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

#[derive(Debug, Clone)]
struct Atom {
    start: usize,
    end: usize,
    /// Country root, when known.
    country: Option<String>,
    /// Sector code, when the atom carries one.
    sector: Option<String>,
    /// Full code, when the atom is a complete actor by itself.
    code: Option<String>,
    entry: Option<usize>,
    kind: AtomKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AtomKind {
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

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
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
    // Countries the document mentions, for context aliases and the default country.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for h in &hits {
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
    let dominant = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.clone());

    let mut state = State {
        context_countries,
        dominant,
        mentioned: counts,
        recent_countries: Vec::new(),
        last_person: None,
        last_group: Vec::new(),
    };
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
        resolve_sentence(dict, body, si, s, &hits[hit_i..j], &mut state, &mut out);
        hit_i = j;
    }
    out
}

struct State {
    context_countries: bool,
    dominant: Option<String>,
    mentioned: HashMap<String, usize>,
    /// Country roots in order of mention (most recent last), with their sentence.
    recent_countries: Vec<(String, usize)>,
    last_person: Option<Mention>,
    last_group: Vec<Mention>,
}

impl State {
    fn note(&mut self, m: &Mention) {
        if let Some(c) = &m.country {
            self.recent_countries.retain(|(r, _)| r != c);
            self.recent_countries.push((c.clone(), m.sentence));
        }
        if m.person {
            self.last_person = Some(m.clone());
        }
    }

    /// The country for a role word with none: recent in this or the two previous sentences, else dominant.
    fn context_country(&self, sentence: usize) -> Option<String> {
        if !self.context_countries {
            return Some("---".to_owned());
        }
        self.recent_countries
            .iter()
            .rev()
            .find(|(_, s)| *s + 2 >= sentence)
            .map(|(c, _)| c.clone())
            .or_else(|| self.dominant.clone())
    }

    fn last_distinct(&self, n: usize) -> Option<Vec<String>> {
        let v: Vec<String> = self
            .recent_countries
            .iter()
            .rev()
            .take(n)
            .map(|(c, _)| c.clone())
            .collect();
        (v.len() == n).then(|| v.into_iter().rev().collect())
    }
}

fn atom_of(
    dict: &ActorDict,
    body: &str,
    hit: &PhraseHit,
    mentioned: &HashMap<String, usize>,
    date: NaiveDate,
) -> Option<Atom> {
    for &p in &hit.phrases {
        let phrase = &dict.phrases[p];
        let entry = &dict.entries[phrase.entry];
        let base = Atom {
            start: hit.start,
            end: hit.end,
            country: entry.country.clone(),
            sector: None,
            code: None,
            entry: Some(phrase.entry),
            kind: AtomKind::Actor,
        };
        match &phrase.kind {
            PhraseKind::Context(when) => {
                let needs_the = phrase.text.len() > hit.end - hit.start
                    && phrase.text.to_lowercase().starts_with("the ");
                let before = &body[..hit.start];
                let has_the = before.ends_with("the ") || before.ends_with("The ");
                if when.iter().any(|w| mentioned.contains_key(w)) && (!needs_the || has_the) {
                    return Some(Atom {
                        start: if needs_the { hit.start - 4 } else { hit.start },
                        code: entry.code_on(date).map(str::to_owned),
                        ..base
                    });
                }
            }
            PhraseKind::Name if entry.kind == EntryKind::Person => {
                let code = entry.code_on(date).map(str::to_owned);
                return Some(Atom {
                    country: code
                        .as_deref()
                        .and_then(|c| code::split(c).0.map(str::to_owned))
                        .or(base.country.clone()),
                    code,
                    kind: AtomKind::Person,
                    ..base
                });
            }
            PhraseKind::Name if entry.kind == EntryKind::Sector => {}
            PhraseKind::Name => {
                let code = entry.code_on(date).map(str::to_owned)?;
                let (root, sector) = code::split(&code);
                return Some(Atom {
                    country: root.map(str::to_owned),
                    sector: sector.map(str::to_owned),
                    code: Some(code),
                    ..base
                });
            }
            PhraseKind::Demonym => {
                return Some(Atom {
                    kind: AtomKind::Demonym,
                    ..base
                });
            }
            PhraseKind::Metonym => {
                return Some(Atom {
                    code: entry.country.as_ref().map(|c| code::with_sector(c, "GOV")),
                    sector: Some("GOV".to_owned()),
                    kind: AtomKind::Metonym,
                    ..base
                });
            }
            PhraseKind::Sector => {
                return Some(Atom {
                    country: None,
                    sector: entry.code_on(date).map(|c| c.trim_matches('~').to_owned()),
                    kind: AtomKind::Sector,
                    ..base
                });
            }
        }
    }
    None
}

/// True when the text between two atoms lets them form one compound.
fn joinable_gap(gap: &str) -> bool {
    let g = gap.trim();
    if g.is_empty() {
        return true;
    }
    let g = g
        .strip_prefix("'s")
        .or_else(|| g.strip_prefix("’s"))
        .or_else(|| g.strip_prefix('\''))
        .or_else(|| g.strip_prefix('’'))
        .unwrap_or(g)
        .trim();
    let ws: Vec<&str> = g.split_whitespace().collect();
    ws.len() <= 2
        && ws.iter().all(|w| {
            let lw = w.to_lowercase();
            lex().role_modifiers.contains(&lw)
                || lw
                    .split('-')
                    .all(|p| lex().role_modifiers.contains(p) || p.is_empty())
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-'))
        })
        && !gap.contains([',', ';', ':', '(', ')', '"', '“', '”'])
}

fn is_former(text: &str) -> bool {
    let t = text.to_lowercase();
    t.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| w == "former" || w == "retired" || w == "ex" || w.starts_with("ex-"))
}

/// Extends a span left over "former", "ex-", "then", "the".
fn former_before(body: &str, start: usize, floor: usize) -> bool {
    let before = body[floor..start].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let l = last.to_lowercase();
    l == "former" || l == "retired" || l == "ex-" || l.ends_with("ex-")
}

// Over the 120-line threshold: still to be split (issue 10).
#[allow(clippy::too_many_lines)]
fn resolve_sentence(
    dict: &ActorDict,
    body: &str,
    si: usize,
    s: &SentenceRef,
    hits: &[PhraseHit],
    state: &mut State,
    out: &mut Vec<Mention>,
) {
    let atoms: Vec<Atom> = hits
        .iter()
        .filter_map(|h| atom_of(dict, body, h, &state.mentioned, s.date))
        .collect();
    let entry_id = |a: &Atom| a.entry.map(|e| dict.entries[e].id.clone());
    let mut mentions: Vec<Mention> = Vec::new();
    let mk = |start: usize,
              end: usize,
              code: String,
              via: Via,
              entry: Option<String>,
              role: Option<String>,
              person: bool| {
        let (root, sector) = code::split(&code);
        Mention {
            text: body[start..end].to_owned(),
            start,
            end,
            country: root.map(str::to_owned),
            sector: sector.map(str::to_owned),
            code,
            via,
            entry,
            role,
            sentence: si,
            person,
            appositive: false,
        }
    };

    let mut i = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        let next = atoms.get(i + 1);
        // 1a. country-ish + role word: "South Korean troops", "Iran's foreign ministry".
        if matches!(
            a.kind,
            AtomKind::Demonym | AtomKind::Metonym | AtomKind::Actor
        ) && let Some(n) = next
            && n.kind == AtomKind::Sector
            && (a.country.as_deref().is_some_and(|c| dict.is_country(c))
                // An organisation's own role words: "an Interpol spokesperson".
                || (a.kind == AtomKind::Actor && a.code.as_ref().is_some_and(|c| c.len() > 3)))
            && joinable_gap(&body[a.end..n.start])
        {
            let root = a.country.clone().unwrap_or_default();
            let gap = &body[a.end..n.start];
            let sector = if is_former(gap) || former_before(body, a.start, s.start) {
                "ELI".to_owned()
            } else {
                n.sector.clone().unwrap_or_default()
            };
            // Role words in a row form one head: "government spokesman",
            // "military official", "government troops".
            let mut last = i + 1;
            while let Some(more) = atoms.get(last + 1)
                && more.kind == AtomKind::Sector
                && body[atoms[last].end..more.start].trim().is_empty()
            {
                last += 1;
            }
            let sector = if sector == "ELI" {
                sector
            } else {
                head_sector(body, &atoms[i + 1..=last])
            };
            let end = atoms[last].end;
            if used_as_modifier(body, end, s.end) {
                // "Hungary's media law": the role word modifies a noun.
                if let Some(code) = a.code.clone().or_else(|| a.country.clone()) {
                    mentions.push(mk(
                        a.start,
                        a.end,
                        code,
                        Via::Dictionary,
                        entry_id(a),
                        None,
                        false,
                    ));
                }
                i = last + 1;
                continue;
            }
            // A member of a group or organisation keeps its code ("a Hamas commander").
            let code = match a
                .code
                .clone()
                .filter(|c| a.kind == AtomKind::Actor && c.len() > 3)
            {
                Some(own) => own,
                None => code::with_sector(&root, &sector),
            };
            let person = is_individual(&body[atoms[last].start..end]);
            let compound = mk(
                a.start,
                end,
                code,
                Via::Dictionary,
                entry_id(a),
                Some(body[a.start..end].to_owned()),
                person,
            );
            // A title right before a name: the name takes the title's code.
            if let Some(m) = titled_name(dict, body, s, &atoms, last + 1, end, &compound) {
                i = last + 1 + usize::from(m.entry.is_some());
                mentions.push(m);
                continue;
            }
            // "Greek, Cypriot and French counterparts": the demonyms listed
            // before share the head.
            let mut prev_start = a.start;
            for pm in mentions.iter_mut().rev() {
                let gap = body.get(pm.end..prev_start).unwrap_or("x").trim();
                let bare_demonym = atoms
                    .iter()
                    .any(|t| t.start == pm.start && t.end == pm.end && t.kind == AtomKind::Demonym);
                if bare_demonym && matches!(gap, "," | "and" | ", and" | "or" | ", or") {
                    if let Some(root) = pm.country.clone() {
                        pm.code = compound.code.replacen(
                            compound.country.as_deref().unwrap_or(""),
                            &root,
                            1,
                        );
                        pm.sector = compound.sector.clone();
                        pm.person = compound.person;
                        pm.role = compound.role.clone();
                    }
                    prev_start = pm.start;
                } else {
                    break;
                }
            }
            mentions.push(compound);
            i = last + 1;
            continue;
        }
        // 1b. role word + of/in/from + country: "officials in Seoul", "the government of Iraq".
        if a.kind == AtomKind::Sector
            && let Some(n) = next
            && matches!(
                n.kind,
                AtomKind::Demonym | AtomKind::Metonym | AtomKind::Actor
            )
            && n.country.as_deref().is_some_and(|c| dict.is_country(c))
        {
            let gap = body[a.end..n.start].trim().to_lowercase();
            // "troops in Poland" and "troops from Georgia" are rarely that
            // country's forces; "officials in Seoul", "diplomats from the
            // Russian embassy" are.
            let military =
                a.sector.as_deref() == Some("MIL") || owned_by_subject(body, a.start, s.start);
            // "of", "in", "from", with "the" and up to two place words: "militias in southern Syria".
            let gap_words: Vec<&str> = gap.split_whitespace().collect();
            let lead = gap_words.first().copied().unwrap_or("");
            let rest_ok = gap_words.len() <= 4
                && gap_words
                    .iter()
                    .skip(1)
                    .all(|w| *w == "the" || lex().place_words.contains(w));
            if (lead == "of" && rest_ok) || (!military && matches!(lead, "in" | "from") && rest_ok)
            {
                // A member of a group or organisation takes its code
                // ("a leader of Hamas"); of a country, the role's sector.
                let own = n
                    .code
                    .clone()
                    .filter(|c| n.kind == AtomKind::Actor && c.len() > 3);
                let code = own.unwrap_or_else(|| {
                    code::with_sector(
                        n.country.as_deref().unwrap_or_default(),
                        a.sector.as_deref().unwrap_or_default(),
                    )
                });
                mentions.push(mk(
                    a.start,
                    n.end,
                    code,
                    Via::Dictionary,
                    entry_id(n),
                    Some(body[a.start..n.end].to_owned()),
                    is_individual(&body[a.start..a.end]),
                ));
                i += 2;
                continue;
            }
        }
        match a.kind {
            AtomKind::Person => {
                let mut m = mk(
                    a.start,
                    a.end,
                    a.code.clone().unwrap_or_default(),
                    Via::Dictionary,
                    entry_id(a),
                    None,
                    true,
                );
                if former_before(body, a.start, s.start) {
                    if let Some(root) = a.entry.and_then(|e| dict.entries[e].country.clone()) {
                        m = mk(
                            a.start,
                            a.end,
                            code::with_sector(&root, "ELI"),
                            Via::Apposition,
                            entry_id(a),
                            Some("former".to_owned()),
                            true,
                        );
                    }
                } else if let Some((code, role)) =
                    apposition_after(dict, body, s, &atoms, i + 1, a.end, None)
                {
                    m = mk(
                        a.start,
                        a.end,
                        code,
                        Via::Apposition,
                        entry_id(a),
                        Some(role),
                        true,
                    );
                }
                mentions.push(m);
            }
            AtomKind::Sector => {
                let mut last = i;
                while let Some(more) = atoms.get(last + 1)
                    && more.kind == AtomKind::Sector
                    && body[atoms[last].end..more.start].trim().is_empty()
                {
                    last += 1;
                }
                let end = atoms[last].end;
                let head = &body[atoms[last].start..end];
                // A title right before a known person takes the person's country:
                // "Former President Barack Obama" → USAELI.
                let titled_person = atoms
                    .get(last + 1)
                    .filter(|p| p.kind == AtomKind::Person && body[end..p.start].trim().is_empty())
                    .and_then(|p| p.entry)
                    .and_then(|e| dict.entries[e].country.clone());
                let former = former_before(body, a.start, s.start);
                // "An Interpol spokesperson said … The spokesperson added …":
                // a definite spokesperson is the one named just before (in
                // this sentence or the two before it).
                let head_lower = head.to_lowercase();
                let definite = body[s.start.min(a.start)..a.start]
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("the"));
                let described = (definite
                    && matches!(
                        head_lower.as_str(),
                        "spokesperson" | "spokesman" | "spokeswoman"
                    ))
                .then(|| {
                    mentions.iter().rev().chain(out.iter().rev()).find(|m| {
                        m.via == Via::Dictionary
                            && m.sentence + 2 >= si
                            && m.text.to_lowercase().ends_with(&format!(" {head_lower}"))
                    })
                })
                .flatten();
                if let Some(d) = described {
                    let mut m = d.clone();
                    m.text = body[a.start..end].to_owned();
                    m.start = a.start;
                    m.end = end;
                    m.via = Via::Context;
                    m.sentence = si;
                    m.role = None;
                    m.appositive = false;
                    mentions.push(m);
                    i = last + 1;
                    continue;
                }
                let country = titled_person.clone().or_else(|| {
                    if !state.context_countries {
                        return state.context_country(si);
                    }
                    mentions
                        .iter()
                        .rev()
                        .find_map(|m| m.country.clone().filter(|c| dict.is_country(c)))
                        .or_else(|| state.context_country(si))
                });
                if let Some(country) = country
                    && (is_agentive(head) || titled_person.is_some())
                    && !used_as_modifier(body, end, s.end)
                    && !foreign_descriptor_before(body, a.start, s.start, &atoms)
                    && !owned_by_subject(body, a.start, s.start)
                {
                    let sector = if former && titled_person.is_some() {
                        "ELI".to_owned()
                    } else {
                        head_sector(body, &atoms[i..=last])
                    };
                    let lone = mk(
                        a.start,
                        end,
                        code::with_sector(&country, &sector),
                        Via::Context,
                        entry_id(&atoms[last]),
                        None,
                        is_individual(head),
                    );
                    // A title before an unknown name: "Defense Minister Han Min-koo".
                    if let Some(m) = titled_name(dict, body, s, &atoms, last + 1, end, &lone) {
                        i = last + 1 + usize::from(m.entry.is_some());
                        mentions.push(m);
                        continue;
                    }
                    mentions.push(lone);
                }
                i = last + 1;
                continue;
            }
            AtomKind::Actor | AtomKind::Metonym | AtomKind::Demonym => {
                if let Some(code) = a.code.clone().or_else(|| a.country.clone()) {
                    let via = if hits_context_alias(dict, a) {
                        Via::Context
                    } else {
                        Via::Dictionary
                    };
                    mentions.push(mk(a.start, a.end, code, via, entry_id(a), None, false));
                }
            }
        }
        i += 1;
    }

    // Unknown names with an apposition: "Han Min-koo, South Korea's current Defense Minister".
    let fallback = mentions
        .iter()
        .rev()
        .find_map(|m| m.country.clone().filter(|c| dict.is_country(c)))
        .or_else(|| state.context_country(si));
    let unknown = unknown_named_appositions(dict, body, s, &atoms, &mentions, fallback);
    mentions.extend(unknown);
    // Role words inside an apposition describe the person; they are not actors of their own.
    let clauses: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.person && m.via == Via::Apposition && body[m.end..s.end].starts_with(','))
        .map(|m| {
            // An apposition is closed by punctuation ("X, then Defense
            // Minister, met …"); a comma followed by the predicate to the end
            // of the sentence ("Morgan Ortagus, indicated the Parliament's …")
            // is not one.
            let from = m.end + 1;
            let to = body[from..s.end]
                .find([',', ';', '(', ')', ':', '"', '“'])
                .map_or(from, |p| from + p);
            (from, to)
        })
        .collect();
    mentions.retain(|m| {
        m.via != Via::Context || !clauses.iter().any(|&(a, b)| m.start >= a && m.end <= b)
    });
    for m in &mut mentions {
        if !(m.person && m.via == Via::Apposition) {
            m.appositive = clauses.iter().any(|&(a, b)| m.start >= a && m.end <= b);
        }
    }
    // "his Greek and French counterparts, A and B, respectively,": the names
    // only say who the counterparts are.
    if let Some(resp) = body[s.start..s.end].find(", respectively") {
        let resp = s.start + resp;
        let roles_end = mentions
            .iter()
            .filter(|m| {
                m.end <= resp
                    && body[m.end..].starts_with(',')
                    && is_plural(&m.text)
                    && m.via == Via::Dictionary
            })
            .map(|m| m.end)
            .max();
        if let Some(from) = roles_end {
            for m in &mut mentions {
                if m.start > from && m.end <= resp {
                    m.appositive = true;
                }
            }
        }
    }
    mentions.sort_by_key(|m| (m.start, m.end));

    // Coreference: group phrases and pronouns, in order with the mentions.
    let corefs = coreferences(body, s, si, state, &mentions);
    mentions.retain(|m| {
        m.via != Via::Context || !corefs.iter().any(|c| c.start < m.end && c.end > m.start)
    });
    let mut all: Vec<Mention> = mentions.into_iter().chain(corefs).collect();
    all.sort_by_key(|m| (m.start, m.end));
    // Groups: "X and Y" coordinated actors become the latest group for "they".
    for m in &all {
        if m.country.as_deref().is_some_and(|c| dict.is_country(c)) {
            state.note(m);
        } else if m.person {
            state.last_person = Some(m.clone());
        }
    }
    let groups = coordinated_runs(body, &all);
    // Subject preference: a sentence whose subject is "they" keeps talking
    // about the same group, whatever else it names ("They concluded that the
    // agreement between Turkey and Libya …"); a coordinated subject wins over
    // coordinations later in the sentence.
    let lead = all.iter().find(|m| !m.appositive);
    let subject_is_they = lead.is_some_and(|m| {
        m.via == Via::Coreference
            && m.text.eq_ignore_ascii_case("they")
            && body
                .get(s.start..m.start)
                .is_some_and(|b| b.trim().is_empty())
    });
    let subject_group = groups
        .iter()
        .find(|g| lead.is_some_and(|l| g.first().is_some_and(|f| f.start == l.start)));
    if subject_is_they {
        // The antecedent stays the latest group.
    } else if let Some(g) = subject_group.or(groups.last()) {
        state.last_group = g.clone();
    } else if let Some(m) = all
        .iter()
        .rev()
        .find(|m| m.via != Via::Coreference && is_plural(&m.text))
    {
        state.last_group = vec![m.clone()];
    }
    out.extend(all);
}

/// Runs of two or more coordinated actors ("Greek, Cypriot and French
/// counterparts", "Sameh Shoukry and his … counterparts"), skipping
/// appositions (the same actor named again).
fn coordinated_runs(body: &str, all: &[Mention]) -> Vec<Vec<Mention>> {
    let heads: Vec<&Mention> = all.iter().filter(|m| !m.appositive).collect();
    let mut runs: Vec<Vec<Mention>> = Vec::new();
    let mut run: Vec<Mention> = Vec::new();
    for w in heads.windows(2) {
        let gap = body.get(w[0].end..w[1].start).unwrap_or("x").trim();
        let joined = matches!(
            gap,
            "and" | "," | ", and" | "&" | "and his" | "and her" | "and their" | "and its"
        ) && w[0].code != w[1].code;
        if joined {
            if run.is_empty() {
                run.push(w[0].clone());
            }
            run.push(w[1].clone());
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

fn hits_context_alias(dict: &ActorDict, a: &Atom) -> bool {
    a.entry.is_some_and(|e| {
        dict.phrases.iter().any(|p| {
            p.entry == e
                && matches!(p.kind, PhraseKind::Context(_))
                && p.text.len() == a.end - a.start
        })
    }) && a.kind == AtomKind::Actor
        && a.code.as_deref().is_some_and(|c| c.len() == 3)
}

/// The sector of a run of role words: the head noun's, unless the head is a
/// person's role ("official", "spokesman"), whose institution is the first word
/// ("military official" → MIL, "government troops" → MIL).
fn head_sector(body: &str, run: &[Atom]) -> String {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return String::new();
    };
    let pick = if is_individual(&body[last.start..last.end]) {
        first
    } else {
        last
    };
    pick.sector.clone().unwrap_or_default()
}

/// Role words that can act on their own ("officials said", "police fired"),
/// as opposed to role words that mostly modify ("intelligence", "media").
fn is_agentive(role: &str) -> bool {
    let l = role.to_lowercase();
    let last = l.rsplit(' ').next().unwrap_or(&l);
    is_individual(role)
        || lex().agentive_bodies.contains(last)
        || lex().agentive_bodies.contains(&l)
}

/// True when a capitalised word that is no known actor stands right before a
/// role word ("African leaders", "Kurdish militants", "Uighur activists"):
/// the role belongs to a group the dictionaries do not know, not to the
/// country of the context.
fn foreign_descriptor_before(
    body: &str,
    start: usize,
    sentence_start: usize,
    atoms: &[Atom],
) -> bool {
    let before = body[sentence_start..start].trim_end();
    let Some(word) = before.rsplit(|c: char| c.is_whitespace()).next() else {
        return false;
    };
    if word.is_empty() || word.len() == before.len() {
        // Sentence-initial words are capitalised anyway.
        return false;
    }
    let w_start = sentence_start + before.len() - word.len();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '-');
    capitalised && !atoms.iter().any(|a| a.start <= w_start && a.end > w_start)
}

/// True when a possessive pronoun stands before a role word ("its troops",
/// "their citizens"): the role belongs to an actor already named.
fn owned_by_subject(body: &str, start: usize, sentence_start: usize) -> bool {
    let before = body[sentence_start..start].trim_end();
    // The possessive may stand a word or two before: "its regional militias".
    before.rsplit(|c: char| c.is_whitespace()).take(3).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "its" | "their" | "his" | "her" | "our" | "my" | "your"
        )
    })
}

/// True when the word after a role word shows it modifies a noun
/// ("military cooperation", "police station", "media law"). Only nouns that
/// role words typically modify count, so verbs after a subject ("troops
/// withdrew") never do.
fn used_as_modifier(body: &str, end: usize, limit: usize) -> bool {
    // Abstract nouns only: a role word before a place or thing it owns ("an
    // army checkpoint", "a police station") still names that actor.
    let rest = &body[end..limit];
    if !rest.starts_with(' ') {
        return false;
    }
    let Some(next) = rest.split_whitespace().next() else {
        return false;
    };
    let w = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    if !w.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    lex().modified_nouns.contains(w)
        || ["tion", "sion", "ment", "ism", "ance", "ence", "ship", "ity"]
            .iter()
            .any(|suf| w.ends_with(suf) && w.len() > 5)
}

/// True when a role word names one person ("minister", "spokesman") rather than a body.
fn is_individual(role: &str) -> bool {
    let last = role.rsplit(' ').next().unwrap_or(role).to_lowercase();
    lex().individual_roles.contains(&last)
}

fn is_plural(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or(text).to_lowercase();
    last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("'s") && !last.ends_with("’s")
}

/// A capitalised name token: "Kim", "Kwan-jin", "al-Assad", "O'Brien", "Jr.".
fn is_name_token(w: &str) -> bool {
    let w = w
        .trim_end_matches(['\'', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    let Some(first) = w.chars().next() else {
        return false;
    };
    let particle = [
        "al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "del", "la", "le", "du",
    ]
    .iter()
    .any(|p| w == *p || w.starts_with(&format!("{p}-")));
    (first.is_uppercase() || particle)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !lex().not_names.contains(w)
}

/// The capitalised name that starts at `from` (after a title), within the sentence.
fn name_after(body: &str, from: usize, end: usize) -> Option<(usize, usize)> {
    let rest = &body[from..end];
    let lead = rest.len() - rest.trim_start().len();
    if lead == 0 || rest[..lead].contains(['\n']) {
        return None;
    }
    let start = from + lead;
    let mut stop = start;
    let mut count = 0;
    for w in body[start..end].split(' ') {
        let clean = w.trim_end_matches([',', ';', ':', '.', ')', '"', '”']);
        if count == 4 || !is_name_token(clean) || clean.is_empty() {
            break;
        }
        let at = stop + if count == 0 { 0 } else { 1 };
        stop = at + clean.len();
        count += 1;
        if clean.len() != w.len() {
            break;
        }
    }
    // Drop a possessive 's from the name span.
    let mut name_end = stop;
    for suffix in ["'s", "’s"] {
        if body[start..name_end].ends_with(suffix) {
            name_end -= suffix.len();
        }
    }
    (count >= 1 && name_end > start && body[start..name_end].chars().any(char::is_uppercase))
        .then_some((start, name_end))
}

/// A title compound followed by a name: the name gets the title's code.
fn titled_name(
    dict: &ActorDict,
    body: &str,
    s: &SentenceRef,
    atoms: &[Atom],
    next: usize,
    title_end: usize,
    title: &Mention,
) -> Option<Mention> {
    if !is_individual(&body[title.start..title_end]) {
        return None;
    }
    let person = |start: usize, end: usize, entry: Option<String>| Mention {
        text: body[start..end].to_owned(),
        start,
        end,
        via: Via::Apposition,
        entry,
        role: Some(body[title.start..title_end].to_owned()),
        person: true,
        ..title.clone()
    };
    if let Some(a) = atoms.get(next)
        && (a.kind == AtomKind::Person
            // A PETRARCH name coded with its country only ("ROMENDACIL [BRE]").
            || (a.kind == AtomKind::Actor
                && a.code.as_deref().is_some_and(|c| c.len() == 3)
                && a.entry.is_some_and(|e| dict.entries[e].kind == EntryKind::Petrarch)))
        && body[title_end..a.start].trim().is_empty()
    {
        return Some(person(
            a.start,
            a.end,
            a.entry.map(|e| dict.entries[e].id.clone()),
        ));
    }
    // "his Japanese counterpart, Takeda Hiroshi," — a name set off by commas.
    let (from, boxed) = match body[title_end..s.end].strip_prefix(", ") {
        Some(_) => (title_end + 1, true),
        None => (title_end, false),
    };
    let (start, end) = name_after(body, from, s.end)?;
    if boxed {
        let after = body[end..s.end].trim_start();
        // A list of names after the title ("counterparts, A, B and C,
        // respectively") names several people: not one apposition.
        let list_follows = after.strip_prefix(',').is_some_and(|r| {
            r.trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        if !(after.is_empty() || after.starts_with([',', '.', ';'])) || list_follows {
            return None;
        }
    }
    if atoms.get(next).is_some_and(|a| a.start < end) {
        return None;
    }
    // Single capitalised words after a title are names only when followed by a verb-ish boundary.
    Some(person(start, end, None))
}

/// The code and role given by an apposition after a name ending at `name_end`.
fn apposition_after(
    dict: &ActorDict,
    body: &str,
    s: &SentenceRef,
    atoms: &[Atom],
    next: usize,
    name_end: usize,
    fallback_country: Option<&str>,
) -> Option<(String, String)> {
    let rest = &body[name_end..s.end];
    let after_comma = rest.strip_prefix(',')?;
    let clause_end = after_comma
        .find([',', ';', '(', ')'])
        .map_or(s.end, |p| name_end + 1 + p);
    let clause = body[name_end + 1..clause_end].trim_end_matches(['.', '"', '”']);
    // ", the Israeli military said" attributes the sentence; it describes nobody.
    if clause.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "said" | "says" | "told" | "reported" | "added" | "stated" | "announced" | "claimed"
        )
    }) {
        return None;
    }
    // The role must start within a few lead words.
    let mut lead_ok = true;
    let mut seen = 0;
    for w in words(clause) {
        let lw = w.to_lowercase();
        if atoms
            .iter()
            .skip(next)
            .any(|a| body[a.start..a.end].starts_with(w) && a.start < clause_end)
        {
            break;
        }
        if lex().apposition_lead.contains(&lw)
            || w.chars().next().is_some_and(char::is_uppercase)
            || lw.ends_with("'s")
            || lw.ends_with("’s")
        {
            seen += 1;
            if seen > 4 {
                lead_ok = false;
                break;
            }
            continue;
        }
        // Role modifiers ("political science professor") are fine too.
        if seen < 4
            && atoms
                .iter()
                .skip(next)
                .any(|a| a.start < clause_end && a.kind == AtomKind::Sector)
        {
            seen += 1;
            continue;
        }
        lead_ok = false;
        break;
    }
    if !lead_ok {
        return None;
    }
    let in_clause: Vec<&Atom> = atoms
        .iter()
        .skip(next)
        .filter(|a| a.start > name_end && a.end <= clause_end)
        .collect();
    let former = is_former(clause);
    let sector = in_clause.iter().find(|a| a.kind == AtomKind::Sector)?;
    let country = in_clause
        .iter()
        .filter(|a| a.kind != AtomKind::Sector)
        .find_map(|a| a.country.clone().filter(|c| dict.is_country(c)));
    let country = country.or_else(|| fallback_country.map(str::to_owned))?;
    // A business title held of a country or territory itself ("the chief
    // executive of Hong Kong") is its government's office, unlike one of a
    // company ("the chief executive of Apple").
    let of_country = in_clause.iter().any(|a| {
        a.start > sector.end
            && body[sector.end..a.start].trim().eq_ignore_ascii_case("of")
            && a.code
                .as_deref()
                .or(a.country.as_deref())
                .is_some_and(|c| c.len() == 3 && dict.is_country(c))
    });
    let sector_code = if former {
        "ELI".to_owned()
    } else if of_country && sector.sector.as_deref() == Some("BUS") {
        "GOV".to_owned()
    } else {
        sector.sector.clone()?
    };
    let role = clause
        .trim()
        .trim_start_matches(|c: char| c.is_whitespace())
        .to_owned();
    let role = role
        .strip_prefix("a ")
        .or_else(|| role.strip_prefix("an "))
        .or_else(|| role.strip_prefix("the "))
        .unwrap_or(&role)
        .to_owned();
    Some((code::with_sector(&country, &sector_code), role))
}

/// Names the dictionary does not know, resolved from an apposition after them.
fn unknown_named_appositions(
    dict: &ActorDict,
    body: &str,
    s: &SentenceRef,
    atoms: &[Atom],
    known: &[Mention],
    fallback: Option<String>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let text = &body[s.start..s.end];
    for (off, _) in text.match_indices(',') {
        let comma = s.start + off;
        // The capitalised words right before the comma.
        let before = &body[s.start..comma];
        let mut toks: Vec<&str> = before.rsplit(' ').take(4).collect();
        toks.reverse();
        let mut name_toks: Vec<&str> = Vec::new();
        for t in toks.iter().rev() {
            if is_name_token(t) && !t.contains([';', ':']) {
                name_toks.push(t);
            } else {
                break;
            }
        }
        name_toks.reverse();
        while name_toks
            .first()
            .is_some_and(|t| lex().not_names.contains(t))
        {
            name_toks.remove(0);
        }
        if name_toks.len() < 2 {
            continue;
        }
        let len: usize = name_toks.iter().map(|t| t.len()).sum::<usize>() + name_toks.len() - 1;
        let start = comma - len;
        if known.iter().any(|m| m.start < comma && m.end > start)
            || atoms.iter().any(|a| a.start < comma && a.end > start)
        {
            continue;
        }
        let next = atoms
            .iter()
            .position(|a| a.start > comma)
            .unwrap_or(atoms.len());
        if let Some((code, role)) =
            apposition_after(dict, body, s, atoms, next, comma, fallback.as_deref())
        {
            let (root, sector) = code::split(&code);
            out.push(Mention {
                text: body[start..comma].to_owned(),
                start,
                end: comma,
                country: root.map(str::to_owned),
                sector: sector.map(str::to_owned),
                code,
                via: Via::Apposition,
                entry: None,
                role: Some(role),
                sentence: 0,
                person: true,
                appositive: false,
            });
        }
    }
    for m in &mut out {
        m.sentence = known.first().map_or(0, |k| k.sentence);
    }
    out
}

/// Group phrases and pronouns that refer back.
// Over the 120-line threshold: still to be split (issue 10).
#[allow(clippy::too_many_lines)]
fn coreferences(
    body: &str,
    s: &SentenceRef,
    si: usize,
    state: &State,
    mentions: &[Mention],
) -> Vec<Mention> {
    let mut out = Vec::new();
    let text = &body[s.start..s.end];
    let lower = text.to_lowercase();
    let covered = |a: usize, b: usize| {
        mentions
            .iter()
            .any(|m| m.via != Via::Context && m.start < b && m.end > a)
    };
    let mk = |start: usize, end: usize, code: String, entry: Option<String>, person: bool| {
        let (root, sector) = code::split(&code);
        Mention {
            text: body[start..end].to_owned(),
            start,
            end,
            country: root.map(str::to_owned),
            sector: sector.map(str::to_owned),
            code,
            via: Via::Coreference,
            entry,
            role: None,
            sentence: si,
            person,
            appositive: false,
        }
    };
    for (count_word, n) in [("two", 2usize), ("three", 3), ("both", 2)] {
        for (at, _) in lower.match_indices(count_word) {
            let prefix_ok = if count_word == "both" {
                at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric()
            } else {
                lower[..at].ends_with("the ")
            };
            if !prefix_ok {
                continue;
            }
            let after = &lower[at + count_word.len()..];
            let Some(noun) = after
                .strip_prefix(' ')
                .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
            else {
                continue;
            };
            let sector = match noun {
                "governments" | "leaders" | "ministers" | "ministries" | "administrations"
                | "presidents" => Some("GOV"),
                "militaries" | "armies" | "navies" => Some("MIL"),
                "countries" | "nations" | "sides" | "states" | "allies" | "neighbors"
                | "neighbours" | "parties" => None,
                "koreas" => {
                    let start = s.start + if count_word == "both" { at } else { at - 4 };
                    let end = s.start + at + count_word.len() + 1 + noun.len();
                    if !covered(start, end) {
                        out.push(mk(start, end, "KOR".into(), None, false));
                        out.push(mk(start, end, "PRK".into(), None, false));
                    }
                    continue;
                }
                _ => continue,
            };
            let start = s.start + if count_word == "both" { at } else { at - 4 };
            let end = s.start + at + count_word.len() + 1 + noun.len();
            if covered(start, end) {
                continue;
            }
            let Some(roots) = state.last_distinct(n) else {
                continue;
            };
            for r in roots {
                let code = sector.map_or_else(|| r.clone(), |sec| code::with_sector(&r, sec));
                out.push(mk(start, end, code, None, false));
            }
        }
    }
    // Pronouns as subjects: "he", "she" → the last person; "they" → the last group.
    for tok in faultline_text::tokens(text, s.start) {
        let w = &body[tok.span.start..tok.span.end];
        match w {
            "He" | "he" | "She" | "she" => {
                // The nearest person before the pronoun in this sentence
                // ("Morgan Ortagus indicated …: "…," he said"), else the last
                // person of earlier sentences.
                let here = mentions
                    .iter()
                    .rev()
                    .find(|m| m.person && m.end <= tok.span.start);
                if let Some(p) = here.or(state.last_person.as_ref()) {
                    out.push(mk(
                        tok.span.start,
                        tok.span.end,
                        p.code.clone(),
                        p.entry.clone(),
                        true,
                    ));
                }
            }
            "They" | "they" => {
                // A group named earlier in this sentence ("the US and South Korea
                // specified … that they would"), else the last group before it.
                let before: Vec<&Mention> = mentions
                    .iter()
                    .filter(|m| m.end <= tok.span.start && !m.appositive)
                    .collect();
                let mut group: Vec<&Mention> = Vec::new();
                for w in before.windows(2).rev() {
                    let gap = body.get(w[0].end..w[1].start).unwrap_or("x").trim();
                    if matches!(gap, "and" | "," | ", and") {
                        if group.is_empty() {
                            group.push(w[1]);
                        }
                        group.push(w[0]);
                    } else if !group.is_empty() {
                        break;
                    }
                }
                let plural_here = before
                    .iter()
                    .rev()
                    .find(|m| m.via != Via::Coreference && is_plural(&m.text));
                // "The spokesperson added …, they would not …": the body a
                // spokesperson speaks for.
                let spoken_for = before.iter().rev().find(|m| {
                    let t = m.text.to_lowercase();
                    m.person
                        && ["spokesperson", "spokesman", "spokeswoman", "representative"]
                            .iter()
                            .any(|h| t.ends_with(h))
                        && body
                            .get(m.end..tok.span.start)
                            .unwrap_or("")
                            .split(|c: char| !c.is_alphabetic())
                            .any(|w| {
                                matches!(
                                    w,
                                    "said"
                                        | "says"
                                        | "added"
                                        | "adds"
                                        | "told"
                                        | "stated"
                                        | "explained"
                                )
                            })
                });
                let referents: Vec<Mention> = if group.len() >= 2 {
                    group.into_iter().rev().cloned().collect()
                } else if let Some(p) = spoken_for {
                    vec![(*p).clone()]
                } else if let Some(p) = plural_here {
                    // "Israeli officials said that they would …"
                    vec![(*p).clone()]
                } else {
                    state.last_group.clone()
                };
                for g in &referents {
                    out.push(mk(
                        tok.span.start,
                        tok.span.end,
                        g.code.clone(),
                        g.entry.clone(),
                        false,
                    ));
                }
            }
            _ => {}
        }
    }
    out
}
