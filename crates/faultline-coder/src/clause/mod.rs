//! Clause analysis on raw text, as a chain of small passes over one
//! sentence. The orchestrator here runs them trigger by trigger:
//!
//! 1. [`triggers`]: every token that is a verb form of a trigger (with its
//!    particle) or a support verb followed within four words by an event noun
//!    ("held talks", "imposed sanctions"), and event nouns with their parties
//!    ("talks between A and B"); verb forms used as nouns are dropped.
//! 2. [`factuality::governor`]: a trigger that is the infinitive of another
//!    trigger ("vowed to retaliate") is left to the governing verb's
//!    patterns; other governing verbs ("plans to", "refused to") are noted.
//! 3. [`roles`]: voice, then the source — the nearest actor mention left of
//!    the trigger that is not the object of a preposition, with coordinated
//!    actors ("A, B and C met"); coordinated verbs share their subject; a
//!    passive trigger takes its source from the `by` phrase.
//! 4. [`pattern`]: the trigger's patterns over the words that follow; the
//!    first match gives the code and binds `TARGET`; else the default code
//!    and the first actor after the trigger that is not a place.
//! 5. [`factuality`]: negation, modals, conditionals, future; statements of
//!    intent, threats and refusals recoded (03, 13, 12).
//! 6. [`dating`]: the date expression nearest the trigger in its clause,
//!    resolved against the article date; else the article date.
//! 7. [`emit`]: confidence, source–target pairs (joint and mutual events in
//!    both directions) and the events themselves.
//!
//! Where does a new cue go? A word list: `data/lexicon.toml`. A factuality
//! rule: `factuality.rs`. A rule for who acts: `roles.rs`.

mod anaphora;
mod dating;
mod emit;
mod factuality;
mod parse;
mod pattern;
mod redate;
mod roles;
mod triggers;

pub use dating::{SentenceDates, document_dates};
pub use redate::refine as refine_dates;

use std::collections::HashSet;

use chrono::NaiveDate;
use faultline_actors::{Mention, Via};
use faultline_dates::EventDate;

use crate::cameo::CodeTable;
use crate::dict::lexicon::lex;
use crate::event::{Event, Factuality};
use crate::verbs::{self, VerbDict};

/// One token of the sentence with its lower-case text.
struct W {
    start: usize,
    end: usize,
    lower: String,
}

/// Everything the engine needs about one sentence.
pub struct SentenceInput<'a> {
    /// Document id, for event ids.
    pub doc_id: &'a str,
    /// The whole body.
    pub body: &'a str,
    /// Sentence index in the document.
    pub index: usize,
    /// Byte range of the sentence.
    pub start: usize,
    /// End of the sentence.
    pub end: usize,
    /// Actor mentions inside the sentence, ordered.
    pub mentions: &'a [Mention],
    /// The article date.
    pub anchor: NaiveDate,
    /// True when the article date is known (else events are dated by text only).
    pub anchor_known: bool,
    /// The sentence's date expressions, resolved on `anchor`, spans in the body.
    pub dates: &'a [EventDate],
    /// The sentence's intervals ("three months after"), spans in the body.
    pub intervals: &'a [faultline_dates::Interval],
    /// The quotations (with their marks) that overlap the sentence, spans in the body.
    pub quotes: &'a [(usize, usize)],
    /// The date an earlier sentence of the paragraph set, which a sentence
    /// with no date expression of its own goes on narrating.
    pub context: Option<EventDate>,
    /// The day the article's wire lead tells of, for what has no date else.
    pub story: Option<EventDate>,
}

/// A sentence ready for the passes: its words and its acting mentions.
struct Sentence<'a> {
    inp: &'a SentenceInput<'a>,
    body: &'a str,
    text: &'a str,
    words: Vec<W>,
    /// The tokens `words` come from (the parser reads the same ones).
    tokens: Vec<faultline_text::Token>,
    /// Actor mentions that act (not apposition roles).
    actors: Vec<&'a Mention>,
    /// The dependency parse, for sentences with a trigger and an actor.
    parse: Option<parse::Parse<'a>>,
    /// How many tokens a dateline opening the sentence takes ("NAIROBI —"):
    /// the parser reads the words after it.
    dateline_tokens: usize,
}

impl<'a> Sentence<'a> {
    /// The sentence's words and actors; `None` when it has no word.
    fn new(inp: &'a SentenceInput<'a>) -> Option<Self> {
        let body = inp.body;
        let text = &body[inp.start..inp.end];
        let tokens = faultline_text::tokens(text, inp.start);
        let words: Vec<W> = tokens
            .iter()
            .map(|t| W {
                start: t.span.start,
                end: t.span.end,
                lower: body[t.span.start..t.span.end].to_lowercase(),
            })
            .collect();
        if words.is_empty() {
            return None;
        }
        // The place a story was filed from acts in nothing ("NAIROBI —").
        let dateline = match faultline_text::dateline_len(text) {
            0 => 0,
            n => inp.start + n,
        };
        let actors = inp
            .mentions
            .iter()
            .filter(|m| !m.appositive && m.end > dateline)
            .collect();
        let dateline_tokens = tokens.iter().take_while(|t| t.span.end <= dateline).count();
        Some(Self {
            inp,
            body,
            text,
            words,
            tokens,
            actors,
            parse: None,
            dateline_tokens,
        })
    }

    /// True when word `i` lies inside an acting mention.
    fn in_mention(&self, i: usize) -> bool {
        let w = &self.words[i];
        self.actors
            .iter()
            .any(|m| w.start >= m.start && w.end <= m.end)
    }

    /// The actor whose mention starts at word `i`, and the byte where it
    /// ends; or, in a word that joins names by a hyphen ("the
    /// Indo-Bangladesh treaty", "Sino-Japanese talks"), the one after a
    /// hyphen that follows a name or a combining form (`pair_prefixes`; not
    /// "Inter-American", "anti-Japanese").
    fn actor_at(&self, i: usize) -> Option<(usize, usize)> {
        let w = &self.words[i];
        let joined = |m: &Mention| {
            // Only a mention that starts inside this word, after a hyphen.
            if m.start <= w.start || m.start >= w.end {
                return false;
            }
            let Some(first) = self
                .body
                .get(w.start..m.start)
                .and_then(|l| l.strip_suffix('-'))
            else {
                return false;
            };
            lex()
                .pair_prefixes
                .contains(first.to_ascii_lowercase().as_str())
                || self
                    .actors
                    .iter()
                    .any(|n| n.start == w.start && n.end == m.start - 1)
        };
        self.actors
            .iter()
            .position(|m| w.start == m.start)
            .or_else(|| self.actors.iter().position(|m| joined(m)))
            .map(|a| (a, self.actors[a].end))
    }

    /// The word after the last ";" before word `verb` (0 when none).
    fn clause_start(&self, verb: usize) -> usize {
        (0..verb)
            .rev()
            .find(|&k| self.words[k].lower == ";")
            .map_or(0, |k| k + 1)
    }

    /// The clause ends at a semicolon, colon or dash after word `from`.
    fn clause_end(&self, from: usize) -> usize {
        (from..self.words.len())
            .find(|&k| matches!(self.words[k].lower.as_str(), ";" | ":" | "—" | "–"))
            .unwrap_or(self.words.len())
    }
}

/// A trigger found in a sentence.
#[derive(Debug, Clone)]
struct Found {
    /// Triggers of this verb form, tried in order.
    candidates: Vec<usize>,
    /// Token index of the verb (or support verb).
    verb: usize,
    /// Token index just after the trigger words (particle or noun).
    after: usize,
    /// Words in the event noun (0 for verbs).
    noun_len: usize,
    /// For a noun with no support verb ("talks between Seoul and Tokyo"):
    /// the token where the actors after "between" start.
    between: Option<usize>,
    /// An event noun standing alone ("the Chinese airstrike on Idlib"):
    /// its parties come from the parse only.
    bare: bool,
    /// For a support verb closing a relative clause on its noun ("the
    /// sanctions that X imposed"): the noun's head word.
    noun_at: Option<usize>,
}

/// What the passes carry from one trigger of a sentence to the next.
#[derive(Default)]
struct Carry {
    /// Events coded in this sentence so far.
    n_event: usize,
    /// Triggers already used up by an earlier trigger's pattern ("urged X to release…").
    consumed: HashSet<usize>,
    /// Sources of the last event in the sentence, for participle clauses.
    last_sources: Vec<usize>,
    /// Sources and targets of the last meeting in the sentence ("A met B
    /// and apologised": the apology is addressed to B).
    meeting: Option<(Vec<usize>, Vec<usize>)>,
    /// Sources and targets of the last conflict act in the sentence ("A
    /// expelled B's envoy and warned of sanctions": the warning is B's).
    conflict: Option<(Vec<usize>, Vec<usize>)>,
    /// The subjects of the verb triggers coded so far, by verb word.
    verb_subjects: Vec<(usize, Option<Vec<usize>>)>,
}

/// The voice of trigger `f`: the word windows' (a greedy parse of news
/// takes too many participles for reduced relatives) or a passive
/// auxiliary in the parse; but a participle the windows take for a reduced
/// relative after a mention ("Japan protested after Pyongyang threatened
/// to …") is active when the parse gives it an active subject of its own
/// and no "by" follows.
fn is_passive(
    s: &Sentence<'_>,
    f: &Found,
    voice: &roles::Voice,
    parsed: Option<&parse::ParsedRoles>,
) -> bool {
    // "were locked in a standoff with", "was engaged in a gun battle
    // with": a state its subject is in, not an act done to it.
    // So is a feeling before "by" ("was dismayed by criticism from X").
    let next = s.words.get(f.verb + 1).map(|w| w.lower.as_str());
    let word = &s.words[f.verb].lower;
    let stative = lex().stative_participles.contains(word) && next == Some("in")
        || lex().feeling_participles.contains(word) && next == Some("by");
    if stative {
        return false;
    }
    let active = !voice.with_be
        && s.words.get(f.after).is_none_or(|w| w.lower != "by")
        && parsed.is_some_and(|p| p.active_subject);
    (voice.passive && !active) || parsed.is_some_and(|p| p.aux_passive)
}

/// What the passes keep of an article as they go through it.
#[derive(Default)]
pub struct Article {
    /// The events coded so far, in order.
    pub events: Vec<Event>,
    /// Asserted material conflict that names no one carrying it out ("oil
    /// plants were hit by drones"), kept for a later claim of
    /// responsibility; never output as such (see [`anaphora::claimed`]).
    unclaimed: Vec<Event>,
}

/// Codes the engine and the data use.
pub struct Engine<'a> {
    /// Triggers.
    pub verbs: &'a VerbDict,
    /// CAMEO table.
    pub codes: &'a CodeTable,
    /// Code statements of intent as CAMEO 03 ("will meet" → 036) and
    /// announced conflict as threats ("will retaliate" → 138). Off, they keep
    /// their verb's code with factuality `future` (PETRARCH's behaviour).
    pub intent_codes: bool,
    /// The parser; `None` codes on word windows only.
    pub syntax: Option<&'static faultline_syntax::Model>,
    /// An actor after a place preposition is the target when no other actor
    /// follows the verb ("arrived in Seoul"), as PETRARCH codes. Off, a
    /// place is a target of material conflict only.
    pub place_targets: bool,
}

impl Engine<'_> {
    /// Codes one sentence, appending its events to the article's.
    pub fn code_sentence(&self, inp: &SentenceInput<'_>, art: &mut Article) {
        let Some(s0) = Sentence::new(inp) else {
            return;
        };
        let (mut found, reduced) = triggers::find(self.verbs, &s0);
        let bare = if s0.actors.len() >= 2 && self.syntax.is_some() {
            triggers::bare_nouns(self.verbs, &s0)
        } else {
            Vec::new()
        };
        if found.is_empty() && bare.is_empty() && reduced.0.is_empty() {
            return;
        }
        // Only sentences with an actor and a trigger that may code an
        // event are parsed: the parse changes nothing in the others. A
        // verb the parse reads as a noun frees its word for a bare event
        // noun, so every bare event noun of the sentence counts.
        let words = match self.syntax {
            Some(model)
                if !s0.actors.is_empty()
                    && (!bare.is_empty()
                        || self.may_code(&s0, &found)
                        || self.may_code(&s0, &reduced.0)) =>
            {
                // Not the dateline, which a parse would make the subject
                // ("Wellington : Fiji's relations with Samoa …").
                let skip = s0.dateline_tokens.min(s0.tokens.len());
                let mut words = model.parse_tokens(inp.body, &s0.tokens[skip..]);
                let shift = u32::try_from(skip).unwrap_or(0);
                for w in &mut words {
                    w.token += shift;
                }
                words
            }
            _ => Vec::new(),
        };
        let parse = (!words.is_empty()).then(|| parse::Parse::new(&s0, &words));
        if let Some(p) = &parse {
            found.extend(reduced.verbs(p));
            found.retain(|f| p.reads_as_verb(f, &self.verbs.triggers[f.candidates[0]].lemma));
            self.support_verbs_on_the_parse(&s0, p, &mut found);
            // A verb read as a noun ("US sanctions on Iran") may be an
            // event noun standing alone; an event noun with its parties
            // outranks a verb trigger on the same word that the parse
            // reads as that noun ("Sanctions imposed by X on Y took …").
            // A noun whose support verb closes its relative clause is
            // coded there.
            let bare = bare
                .into_iter()
                .filter(|b| !found.iter().any(|f| f.noun_at == Some(b.verb)));
            let (nominal, bare): (Vec<Found>, Vec<Found>) =
                bare.partition(|b| p.is_nominal_event(b));
            found.retain(|f| !nominal.iter().any(|b| b.verb == f.verb));
            // "Relations between A and B have soured": a relation noun
            // that is a clause's subject describes a state, no event.
            found.retain(|f| {
                !(f.between.is_some()
                    && lex()
                        .relation_nouns
                        .contains(s0.words[f.verb].lower.as_str())
                    && p.is_subject(f.verb))
            });
            // "Fiji's relations with Samoa struck a new low": nor is a verb
            // whose subject is a relation noun anyone's act.
            found.retain(|f| !p.subject_is_relation(f.verb));
            let free: Vec<Found> = bare
                .into_iter()
                .filter(|b| !triggers::taken(&found, b.verb) && !triggers::taken(&nominal, b.verb))
                .collect();
            found.extend(nominal);
            found.extend(free.into_iter().filter(|f| p.is_nominal_event(f)));
            found.sort_by_key(|f| f.verb);
        }
        let s = Sentence { parse, ..s0 };
        // Statements about someone come last, each on its own: they take
        // no part in the other triggers' roles ("is said to have attacked").
        let (about, found): (Vec<Found>, Vec<Found>) = found
            .into_iter()
            .partition(|f| self.verbs.triggers[f.candidates[0]].about);
        let mut carry = Carry::default();
        for fi in 0..found.len() {
            self.code_trigger(&s, &found, fi, inp.dates, &mut carry, art);
        }
        for f in &about {
            self.code_trigger(&s, std::slice::from_ref(f), 0, inp.dates, &mut carry, art);
        }
    }

    /// A support verb whose event noun the parse hangs on another verb
    /// after it gives way to that verb ("had already held talks", "has
    /// chaired a meeting"), unless that verb says the event did not happen
    /// (`unrealising_verbs`: "has scrapped a meeting": no meeting was had).
    fn support_verbs_on_the_parse(
        &self,
        s: &Sentence<'_>,
        p: &parse::Parse<'_>,
        found: &mut Vec<Found>,
    ) {
        found.retain_mut(|f| {
            let Some(v) = p.verb_heading_noun(f) else {
                return true;
            };
            let realised = !lex().unrealising_verbs.contains(&s.words[v].lower);
            if realised {
                f.verb = v;
            }
            realised
        });
        // The support verb it gave way to may have found the noun itself.
        let mut seen = HashSet::new();
        found.retain(|f| f.noun_len == 0 || seen.insert((f.verb, f.after)));
    }

    /// Whether some trigger of the sentence may code an event, whatever
    /// the roles the parse would give it (see [`factuality::code_may_be_event`]
    /// and [`factuality::enacts_demand`]). Which pattern matches can depend on the parse (a pattern's words
    /// stay in the verb's own clause) and on the subject (patterns for
    /// coordinated subjects), so every code a trigger's candidates can
    /// give counts: their defaults and all their patterns' codes.
    fn may_code(&self, s: &Sentence<'_>, found: &[Found]) -> bool {
        // A statement about someone needs a speaker and someone of another
        // country.
        let countries = || {
            let mut seen: Vec<&str> = s.actors.iter().map(|m| side(m)).collect();
            seen.sort_unstable();
            seen.dedup();
            seen.len()
        };
        found.iter().any(|f| {
            if self.verbs.triggers[f.candidates[0]].about && countries() < 2 {
                return false;
            }
            // A trigger that codes nothing by default ("send", "face") may
            // code only when one of its patterns matches the words.
            let any_code = f.candidates.iter().any(|&c| {
                let t = &self.verbs.triggers[c];
                factuality::code_may_be_event(&t.code)
                    || t.patterns.iter().any(|p| {
                        factuality::code_may_be_event(&p.code) && pattern_may_match(s, f, p)
                    })
            });
            any_code || (self.intent_codes && factuality::enacts_demand(s, f))
        })
    }

    /// The candidate of `f` whose pattern matched (its `rule` is "id/n"),
    /// else the first.
    fn matched_trigger(&self, f: &Found, rule: &str) -> &verbs::Trigger {
        f.candidates
            .iter()
            .map(|&c| &self.verbs.triggers[c])
            .find(|t| rule.rsplit_once('/').is_some_and(|(id, _)| id == t.id))
            .unwrap_or(&self.verbs.triggers[f.candidates[0]])
    }

    /// Runs the passes for trigger `fi` of the sentence.
    fn code_trigger(
        &self,
        s: &Sentence<'_>,
        found: &[Found],
        fi: usize,
        dates: &[EventDate],
        carry: &mut Carry,
        art: &mut Article,
    ) {
        let out = &art.events;
        let f = &found[fi];
        if carry.consumed.contains(&f.verb) {
            return;
        }
        let Some(governor) = factuality::governor(s, f, found) else {
            // Governed by an earlier trigger of the clause: its patterns speak for it.
            return;
        };
        let parsed = s
            .parse
            .as_ref()
            .filter(|_| f.between.is_none())
            .and_then(|p| p.roles(f));
        let voice = roles::voice(s, found, fi, &self.verbs.triggers[f.candidates[0]]);
        // The parse settles the subject and the targets.
        let passive = is_passive(s, f, &voice, parsed.as_ref());
        let owner = (!f.bare).then(|| roles::intention_owner(s, f)).flatten();
        let by_gerund = roles::by_gerund_subject(s, f);
        let subject = match &parsed {
            _ if owner.is_some() => owner.map(|a| vec![a]),
            _ if by_gerund.is_some() => by_gerund,
            Some(p) if f.bare => Some(p.subject.clone()),
            Some(p) => {
                roles::reconcile(s, voice.k, roles::subject_of(s, f, voice.k, carry, out), p)
            }
            None => roles::subject_of(s, f, voice.k, carry, out),
        };
        if f.between.is_none() {
            carry.verb_subjects.push((f.verb, subject.clone()));
        }
        let who = roles::Who {
            passive,
            with_be: voice.with_be,
            subject,
            parsed: parsed.as_ref(),
        };
        let Some(mut roles) = self.roles(s, found, fi, who, carry) else {
            return;
        };
        let trigger = self.matched_trigger(f, &roles.rule);
        if let Some(p) = &parsed {
            complement_targets(s, p, trigger.complement_targets, &mut roles);
        }
        if !of_sectors(s, &roles.sources, &trigger.source_sectors)
            || !of_sectors(s, &roles.targets, &trigger.target_sectors)
        {
            return;
        }
        if !drop_interviewers(s, &mut roles) {
            return;
        }
        let mut kept_dates = None;
        if trigger.about {
            // A statement about someone else: the target is whom the
            // reported clause is about, and the statement is dated apart
            // from what it reports.
            let Some(from) = statement_about(s, parsed.as_ref(), out, &mut roles) else {
                return;
            };
            kept_dates = Some(
                dates
                    .iter()
                    .filter(|d| d.start < from)
                    .cloned()
                    .collect::<Vec<_>>(),
            );
        }
        if roles.targets.is_empty()
            && let Some(noun) = parsed.as_ref().and_then(|p| p.event_reference.as_deref())
            && !anaphora::names_own_kind(noun, &self.verbs.triggers[f.candidates[0]].code)
            && !anaphora::takes_topic(&roles.code)
        {
            let own: Vec<&str> = roles
                .sources
                .iter()
                .flat_map(|&a| {
                    [
                        Some(s.actors[a].code.as_str()),
                        s.actors[a].country.as_deref(),
                    ]
                })
                .flatten()
                .collect();
            let on_someone = parsed.as_ref().is_some_and(|p| p.reference_on_someone);
            roles.antecedent =
                anaphora::antecedent(noun, &own, on_someone, s.inp.index, out).unwrap_or_default();
        }
        let mut assessed = factuality::assess(
            s,
            f,
            &self.verbs.triggers[f.candidates[0]],
            &roles,
            governor,
            self.intent_codes,
        );
        factuality::governed_from_outside(s, f, found, &mut assessed);
        let dated = dating::date_event(s, kept_dates.as_deref().unwrap_or(dates), f, assessed);
        if !verbs::is_event_code(&dated.code) {
            // "---": the dictionary says this use of the verb is no event.
            return;
        }
        let claimed = parsed
            .as_ref()
            .and_then(|p| p.event_reference.as_deref())
            .filter(|_| roles.targets.is_empty() && dated.factuality == Factuality::Asserted)
            .and_then(|noun| anaphora::claimed(noun, &dated.code, &mut art.unclaimed));
        self.emit(s, f, &roles, &dated, carry, art);
        if let Some(earlier) = claimed {
            self.emit_claimed(s, f, &roles, earlier, carry, art);
        }
    }
}

/// The targets of a statement about someone else (`say about`): whom its
/// reported clause is about. Returns where that clause starts, or `None`
/// when the statement is about no one.
fn statement_about(
    s: &Sentence<'_>,
    parsed: Option<&parse::ParsedRoles>,
    out: &[Event],
    roles: &mut roles::Roles,
) -> Option<usize> {
    let (about, from, to) = parsed.and_then(|p| p.reported.clone())?;
    // The speaker is the speech verb's subject in the parse, not an
    // actor the word windows found nearer ("Iraq summoned the
    // Turkish envoy, its foreign ministry said").
    // Where the parse gives the verb no subject at all, the windows'
    // stands.
    let other_subject = parsed.is_some_and(|p| {
        p.own_subject_word && !roles.sources.iter().all(|a| p.subject.contains(a))
    });
    if other_subject {
        return None;
    }
    roles.targets = foreign(s, &roles.sources, &about);
    if roles.targets.is_empty() {
        return None;
    }
    let plain = roles.code.clone();
    accusation(s, out, (from, to), roles);
    // A plain statement is about someone only as it describes them
    // ("said Peru was behind the raid"); an act reported of them
    // ("said Peru would discuss trade") is no statement on them,
    // unless it accuses them of a hostile one.
    let describes = parsed.is_some_and(|p| p.reported_state);
    (roles.matched || roles.code != plain || describes).then_some(from)
}

/// The country an actor belongs to; an organisation's code prefix ("IGO")
/// for one without a country.
fn side(m: &Mention) -> &str {
    m.country
        .as_deref()
        .unwrap_or_else(|| m.code.get(..3).unwrap_or(""))
}

/// True when two actors are of one side: of one country, or (without a
/// country) one organisation's code the start of the other's ("IGOUNO",
/// "IGOUNOSCR").
fn same_side(a: &Mention, b: &Mention) -> bool {
    match (a.country.as_deref(), b.country.as_deref()) {
        (Some(x), Some(y)) => x == y,
        // One organisation and its organ: "IGOUNO" and "IGOUNOSCR".
        (None, None) => {
            !a.code.is_empty()
                && !b.code.is_empty()
                && (a.code.starts_with(&b.code) || b.code.starts_with(&a.code))
        }
        _ => false,
    }
}

/// The actors of `about` of another country than every source (an
/// organisation counts as its own country); none when the speaker's own
/// country is among them ("a Greek daily said Greece and Cyprus must …"
/// speaks of its own side).
fn foreign(s: &Sentence<'_>, sources: &[usize], about: &[usize]) -> Vec<usize> {
    let country = |a: usize| side(s.actors[a]);
    // A speaker only read from context ("he", "officials") is too unsure
    // a source for what is no more than a statement.
    let named = |a: usize| !matches!(s.actors[a].via, Via::Context | Via::Coreference);
    // What a journalist or a scholar says of a country is commentary, not
    // an act of politics.
    let commentator = |a: usize| {
        s.actors[a]
            .code
            .get(3..6)
            .is_some_and(|sector| lex().commentator_sectors.contains(sector))
    };
    if sources.is_empty() || !sources.iter().all(|&a| named(a) && !commentator(a)) {
        return Vec::new();
    }
    let own = |t: usize| sources.iter().any(|&src| country(src) == country(t));
    if about.iter().any(|&t| own(t)) {
        return Vec::new();
    }
    about
        .iter()
        .copied()
        .filter(|&t| !s.actors[t].code.is_empty())
        .collect()
}

/// True when pattern `p` of trigger `f` matches the sentence's words,
/// before any parse (every word in reach, every mention a possible target).
fn pattern_may_match(s: &Sentence<'_>, f: &Found, p: &crate::verbs::Pattern) -> bool {
    let actor_at = |i: usize| s.actor_at(i);
    pattern::match_one(
        p,
        &s.words,
        (f.after, s.words.len()),
        &actor_at,
        &|_| true,
        true,
    )
    .is_some()
}

/// A statement about someone whose reported clause (bytes `from..to`)
/// holds an asserted hostile act (of quad class `accusation_quad` and up)
/// by one of its targets, on nobody named or on the speaker's side, is an
/// accusation ("India said Pakistan's army shelled Indian posts").
fn accusation(
    s: &Sentence<'_>,
    out: &[Event],
    (from, to): (usize, usize),
    roles: &mut roles::Roles,
) {
    let by_target = |e: &Event| {
        roles.targets.iter().any(|&t| {
            let m = s.actors[t];
            e.source.code == m.code || (m.country.is_some() && e.source.country == m.country)
        })
    };
    let kinds = &crate::dict::recode::recode().kinds;
    // An act on a third party may be a report of an ally's strike
    // ("Washington said Kyiv had shot down two jets"): no accusation.
    let on_speaker = |e: &Event| {
        e.target.as_ref().is_none_or(|t| {
            roles
                .sources
                .iter()
                .any(|&a| t.country.is_some() && t.country == s.actors[a].country)
        })
    };
    let hostile = out.iter().any(|e| {
        e.sentence.index == s.inp.index
            && e.trigger.start >= from
            && e.trigger.end <= to
            && e.factuality == Factuality::Asserted
            && crate::cameo::quad_class(&e.cameo) >= kinds.accusation_quad
            && by_target(e)
            && on_speaker(e)
    });
    if hostile && !kinds.accusation.is_empty() {
        roles.code.clone_from(&kinds.accusation);
    }
}

/// Consultation with the press is an interview ("the premier spoke to the
/// BBC", "told Reuters"): of a statement or consultation of
/// `interview_codes`, drops the targets of `interview_sectors`. False (no
/// event) when that leaves none of the targets it had.
fn drop_interviewers(s: &Sentence<'_>, roles: &mut roles::Roles) -> bool {
    if roles.targets.is_empty() || !lex().interview_codes.contains(roles.code.as_str()) {
        return true;
    }
    let press = |a: &usize| {
        s.actors[*a]
            .code
            .get(3..6)
            .is_some_and(|sector| lex().interview_sectors.contains(sector))
    };
    roles.targets.retain(|a| !press(a));
    !roles.targets.is_empty()
}

/// True when every source has one of `sectors` (any source when empty):
/// "Serb troops crossed into Albania" is an incursion, "the president
/// crossed into Albania" none.
fn of_sectors(s: &Sentence<'_>, sources: &[usize], sectors: &[String]) -> bool {
    sectors.is_empty()
        || (!sources.is_empty()
            && sources.iter().all(|&a| {
                let code = &s.actors[a].code;
                let sector = code.get(3..).unwrap_or("");
                sectors.iter().any(|sec| sector.starts_with(sec.as_str()))
            }))
}

/// Targets from the verb's clausal complement: with no target of its own
/// but the speaker's side, a verb of `complement_targets` takes the
/// complement's ("denied it had moved troops into Belarus": not its own
/// troops; "warned that the council could act against X"). Unless all its
/// targets were the speaker's side, a threat is then narrowed to whom its
/// clause is about (`reported_threat_targets`).
fn complement_targets(
    s: &Sentence<'_>,
    p: &parse::ParsedRoles,
    from_complement: bool,
    roles: &mut roles::Roles,
) {
    let own_side = |t: &usize| {
        roles
            .sources
            .iter()
            .any(|&a| same_side(s.actors[a], s.actors[*t]))
    };
    let own_act = !roles.targets.is_empty() && roles.targets.iter().all(own_side);
    if from_complement && roles.targets.iter().all(own_side) {
        roles.targets = p
            .reported_targets
            .iter()
            .copied()
            .filter(|t| !roles.sources.contains(t) && !own_side(t))
            .collect();
    }
    if !own_act {
        reported_threat_targets(s, p, roles);
    }
}

/// "warned that a war between the two armies could ruin the region": a
/// threat's default target inside its reported clause must be whom that
/// clause is about (its subject: "warned that Seoul would pay"), not any
/// actor deeper in it. A pattern's target stands.
fn reported_threat_targets(s: &Sentence<'_>, p: &parse::ParsedRoles, roles: &mut roles::Roles) {
    let Some((from, to)) = p.complement else {
        return;
    };
    if roles.matched || crate::cameo::root(&roles.code) != "13" {
        return;
    }
    let about = p
        .reported
        .as_ref()
        .map(|r| r.0.as_slice())
        .unwrap_or_default();
    let own = |t: usize| {
        roles
            .sources
            .iter()
            .any(|&a| same_side(s.actors[a], s.actors[t]))
    };
    if !about.is_empty() && about.iter().all(|&t| own(t)) {
        // The speaker's own act ("warned that the raid was illegal and
        // Accra might cut aid to X"): whom that act is against, besides
        // whom the warning was addressed to ("warned Uganda that …").
        roles.targets.retain(|&t| {
            let m = &s.actors[t];
            (m.end <= from || m.start >= to) && !own(t)
        });
        for &t in &p.reported_targets {
            if !own(t) && !roles.targets.contains(&t) {
                roles.targets.push(t);
            }
        }
        return;
    }
    roles.targets.retain(|&t| {
        let m = &s.actors[t];
        m.end <= from || m.start >= to || about.contains(&t)
    });
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::event::Factuality;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn coded(body: &str) -> Vec<crate::Event> {
        let doc = crate::Doc::from_text("e", body, day("2020-01-06"));
        let coder = crate::Coder::defaults().unwrap();
        coder.code_doc(&doc).events
    }

    /// Asserts that each body codes an event from `source` to a target
    /// whose code starts with `target`.
    fn each_codes_dyad(cases: &[(&str, &str, &str)]) {
        for &(body, source, target) in cases {
            let ev = coded(body);
            assert!(
                ev.iter().any(|e| e.source.code == source
                    && e.target
                        .as_ref()
                        .is_some_and(|t| t.code.starts_with(target))),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn reciprocal_verbs_pair_their_subjects_only_without_an_opponent() {
        // A war or each other: the subjects fought one another.
        each_codes_dyad(&[
            (
                "Honduras and El Salvador fought a brief war in 1969.",
                "HND",
                "SLV",
            ),
            (
                "Somali and Kenyan troops clashed with each other at the border.",
                "SOMMIL",
                "KENMIL",
            ),
        ]);
        // Someone else fought: the allies are no pair.
        for body in [
            "Nigerien and Chadian soldiers fought jihadist fighters near Diffa.",
            "Kenyan and Ugandan police clashed with cattle raiders on Sunday.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().any(|e| e.cameo.starts_with("19"))
                    && ev.iter().all(|e| e.target.is_none()),
                "{body}: {ev:?}"
            );
        }
    }

    /// Asserts that each body codes events, none of them with a target.
    fn each_codes_with_no_target(bodies: &[&str]) {
        for body in bodies {
            let ev = coded(body);
            assert!(
                !ev.is_empty() && ev.iter().all(|e| e.target.is_none()),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn an_auxiliary_is_no_support_verb_of_the_noun_another_verb_takes() {
        for body in [
            "Chad has abruptly scrapped a planned meeting with Niger.",
            "Laos had quietly shelved a meeting with Thailand.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| !e.cameo.starts_with("04")),
                "{body}: {ev:?}"
            );
        }
        // The verb between may support the noun itself, or have it happen:
        // one event, not two.
        for body in [
            "Russia had already held a meeting with Turkey on Syria.",
            "Chile has now held talks with Peru twice.",
            "Chile has chaired a meeting with Peru.",
            "Chile had a second meeting with Peru.",
        ] {
            let ev = coded(body);
            assert_eq!(
                ev.iter().filter(|e| e.cameo.starts_with("04")).count(),
                2,
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn relations_between_two_parties_are_no_event_without_a_verb() {
        for body in [
            "Peru warned of damage to the ties between Chile and Bolivia.",
            "Analysts wrote about the relations between Fiji and Tonga.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.cameo != "054"), "{body}: {ev:?}");
        }
        each_codes_dyad(&[("Chile restored its ties with Bolivia in May.", "CHL", "BOL")]);
    }

    #[test]
    fn what_a_verb_of_topic_takes_as_object_is_no_target() {
        each_codes_with_no_target(&[
            "The Security Council discussed the Sudanese crisis on Monday.",
            "Foreign ministers of the African Union discussed the Malian situation in Addis Ababa.",
        ]);
        each_codes_dyad(&[
            (
                "Kenya discussed the Somali refugee issue with Ethiopia.",
                "KEN",
                "ETH",
            ),
            (
                "Chile discussed the Bolivian claim with Peru on Friday.",
                "CHL",
                "PER",
            ),
        ]);
    }

    #[test]
    fn each_other_pairs_the_subjects_of_any_verb() {
        each_codes_dyad(&[
            (
                "Chad and Sudan accused each other of arming rebels.",
                "TCD",
                "SDN",
            ),
            (
                "Chad and Sudan accused each other of arming rebels.",
                "SDN",
                "TCD",
            ),
            (
                "Laos and Cambodia blamed one another for the flooding.",
                "KHM",
                "LAO",
            ),
            // The name of what the subjects own together is no target.
            (
                "The US and Britain strengthened their AUKUS alliance.",
                "GBR",
                "USA",
            ),
        ]);
    }

    #[test]
    fn an_armed_clash_between_parties_is_force_unless_feared() {
        each_codes_dyad(&[
            (
                "Fresh border clashes between Somali and Kenyan troops left two dead.",
                "SOMMIL",
                "KENMIL",
            ),
            (
                "An exchange of fire between Thai and Cambodian soldiers was reported.",
                "THAMIL",
                "KHMMIL",
            ),
        ]);
        for body in [
            "Observers warned of armed clashes between Sudanese and Chadian herders.",
            "The accord aims to avert skirmishes between Peruvian and Chilean fishing crews.",
            "Diplomats expect talks between Kenya and Somalia.",
        ] {
            let ev = coded(body);
            assert!(
                !ev.is_empty() && ev.iter().all(|e| e.factuality != Factuality::Asserted),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn what_one_is_held_responsible_for_is_alleged() {
        for body in [
            "Kenya held Somalia responsible for backing the Ugandan rebels.",
            "Ghana holds Togo responsible for supporting Beninese rebels.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().any(|e| e.cameo.starts_with("112")), "{ev:?}");
            assert!(
                ev.iter()
                    .any(|e| e.cameo.starts_with("05") && e.factuality != Factuality::Asserted),
                "{body}: {ev:?}"
            );
            assert!(
                ev.iter()
                    .filter(|e| !e.cameo.starts_with("112"))
                    .all(|e| e.factuality != Factuality::Asserted),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn review_mends_of_session_22() {
        // Allies fighting somewhere, a clash of words, a means of fighting.
        each_codes_with_no_target(&[
            "Canadian and Dutch troops fought in Kandahar for years.",
            "Chadian and Nigerien soldiers fought for hours near Diffa.",
        ]);
        assert!(coded("A diplomatic clash between Spain and Morocco deepened.").is_empty());
        each_codes_dyad(&[(
            "Kenyan police and Somali militiamen clashed with stones at the border.",
            "KENCOP",
            "SOM",
        )]);
        // Those responsible for an act did it: no allegation.
        for body in [
            "The militants responsible for attacking the Kenyan embassy were killed.",
            "Al-Shabaab, responsible for bombing a Kenyan army base, claimed the raid.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter()
                    .any(|e| e.cameo.starts_with("19") && e.factuality == Factuality::Asserted),
                "{body}: {ev:?}"
            );
        }
        // A present tense with the date of another clause is no schedule.
        let body = "Kenya accuses Somalia of staging a cross-border raid on Friday.";
        assert_eq!(date_of(body, "accuses").as_deref(), Some("2020-01-03"));
        // The shared name of another partnership.
        each_codes_dyad(&[(
            "Canada and Mexico expanded their NAFTA partnership.",
            "CAN",
            "MEX",
        )]);
    }

    #[test]
    fn review_mends_of_session_21_code_no_false_event() {
        // A crowd at an embassy for a service or a statement; leaving in
        // anger; one's own diplomats told to leave; a registration.
        for (body, code) in [
            (
                "Turkish voters gathered outside the Turkish embassy in Berlin to vote.",
                "141",
            ),
            (
                "Kenyan reporters gathered outside the Somali embassy to await a statement.",
                "141",
            ),
            (
                "Ghanaian officials stormed out of the Nigerian embassy reception.",
                "145",
            ),
            (
                "Thousands of Kenyans registered to protest outside the parliament.",
                "114",
            ),
            (
                "The minister told the Chinese ambassador to go ahead with the visit.",
                "161",
            ),
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.cameo != code), "{body}: {ev:?}");
        }
    }

    #[test]
    fn a_relation_as_subject_acts_on_no_one() {
        for body in [
            "Ties between Ghana and Togo hit rock bottom after the raid.",
            "Chile's relationship with Bolivia struck a new low last month.",
        ] {
            assert!(coded(body).is_empty(), "{body}: {:?}", coded(body));
        }
        // As what a verb acts on, a relation is an event.
        assert_eq!(coded("Chile cut relations with Peru.").len(), 1);
    }

    #[test]
    fn an_earlier_verbs_negation_stays_with_it_across_a_contrast() {
        // A later verb kept apart, by "but" or its own auxiliary, is asserted.
        each_has_factuality(
            &[
                (
                    "Oman has not confirmed the report but has accused Yemen of lying.",
                    "accused",
                ),
                (
                    "Peru did not attend the summit but condemned Chile, calling its navy reckless.",
                    "condemned",
                ),
                (
                    "Kenya never ratified the treaty, yet it has expelled two Somali envoys.",
                    "expelled",
                ),
            ],
            Factuality::Asserted,
        );
        // One negation over plain coordinated verbs still reaches both.
        each_has_factuality(
            &[("Chile did not condemn or criticize Peru.", "criticize")],
            Factuality::Negated,
        );
    }

    #[test]
    fn a_name_after_and_before_its_own_verb_is_that_verbs_subject() {
        for (body, want) in [
            (
                "China criticised Japan and Russia recalled its ambassador from Britain.",
                "RUS",
            ),
            (
                "Kenya condemned the raid and Uganda later expelled two Somali diplomats.",
                "UGA",
            ),
        ] {
            let ev = coded(body);
            let second: Vec<&str> = ev
                .iter()
                .filter(|e| e.root == "16")
                .map(|e| e.source.code.as_str())
                .collect();
            assert_eq!(second, [want], "{body}: {ev:?}");
        }
    }

    #[test]
    fn talks_put_off_for_a_stated_cause_cut_no_relations() {
        for body in [
            "Japan and South Korea postponed their summit because of the typhoon.",
            "Ghana cancelled the border talks with Togo due to the election.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.root != "16"), "{body}: {ev:?}");
        }
    }

    #[test]
    fn an_intention_put_off_is_none() {
        for body in [
            "Chile shelved its plan to expel Peru's envoy.",
            "Ghana postponed its decision to impose sanctions on Togo.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| e.factuality != Factuality::Asserted),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn an_act_done_only_allegedly_is_not_asserted() {
        each_has_factuality(
            &[
                (
                    "Peru purportedly shelled a Chilean border post on Monday.",
                    "shelled",
                ),
                (
                    "Kenya jailed two Ugandans for allegedly helping Somali rebels.",
                    "helping",
                ),
            ],
            Factuality::Hypothetical,
        );
        // The expulsion itself happened, and so did an act beside an
        // allegation in a relative clause.
        each_has_factuality(
            &[(
                "Peru, which allegedly funded the rebels, recalled its envoy from Chile.",
                "recalled",
            )],
            Factuality::Asserted,
        );
        each_has_factuality(
            &[(
                "Kenya expelled two envoys for allegedly arming Somali rebels.",
                "expelled",
            )],
            Factuality::Asserted,
        );
    }

    /// Asserts that in each body the first event of its trigger word has
    /// factuality `want`.
    fn each_has_factuality(cases: &[(&str, &str)], want: Factuality) {
        for &(body, trigger) in cases {
            let ev = coded(body);
            let e = ev.iter().find(|e| e.trigger.text == trigger);
            assert!(e.is_some_and(|e| e.factuality == want), "{body}: {ev:?}");
        }
    }

    #[test]
    fn their_meeting_is_a_meeting_of_the_coordinated_subject() {
        each_has(&[
            (
                "Chile and Peru signed a fishing accord at their meeting in Lima on Friday.",
                "CHL",
                "04",
                "PER",
            ),
            (
                "Ghana and Togo reopened the border after their talks in Accra.",
                "TGO",
                "04",
                "GHA",
            ),
        ]);
        // Not an act on a third party: "their attacks" are no meeting.
        let ev = coded("Japan and China condemned their attacks on shipping.");
        assert!(
            !has(&ev, "JPN", "19", "CHN") && !has(&ev, "CHN", "19", "JPN"),
            "{ev:?}"
        );
        // Nor the pair of an object: "their talks" may be the object's.
        let ev = coded("Chile and Peru criticised Bolivia and Brazil for their talks on gas.");
        assert!(
            !has(&ev, "CHL", "04", "PER") && !has(&ev, "PER", "04", "CHL"),
            "{ev:?}"
        );
    }

    #[test]
    fn a_verb_for_forces_only_codes_a_source_of_that_sector() {
        each_has(&[
            (
                "Afghan troops crossed into Pakistan at dawn.",
                "AFGMIL",
                "190",
                "PAK",
            ),
            (
                "Sudanese soldiers crossed the Chadian border twice.",
                "SDNMIL",
                "190",
                "TCD",
            ),
        ]);
        for body in [
            "The Afghan president crossed into Pakistan for talks.",
            "Sudan's foreign minister crossed the Chadian border by car.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| e.trigger.text != "crossed"),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_modifier_of_an_event_noun_can_keep_it_from_being_a_fact() {
        each_has_factuality(
            &[
                (
                    "Officials in Lima spoke of an upcoming visit by the Bolivian president to Peru.",
                    "visit",
                ),
                (
                    "Ghana looked ahead to a planned meeting between its minister and Togo's.",
                    "meeting",
                ),
            ],
            Factuality::Future,
        );
        each_has_factuality(
            &[(
                "Diplomats hinted at a possible summit between the Kenyan and Somali leaders.",
                "summit",
            )],
            Factuality::Hypothetical,
        );
        each_has_factuality(
            &[
                (
                    "Aides spoke of the cancelled visit by the Chinese president to Japan.",
                    "visit",
                ),
                (
                    "Officials regretted a postponed meeting between Chile's and Peru's ministers.",
                    "meeting",
                ),
            ],
            Factuality::Negated,
        );
        // A modifier of another noun ("the next round of talks") is none of the event's.
        each_has_factuality(
            &[(
                "The next round of talks between Iran and Oman took place in Muscat.",
                "talks",
            )],
            Factuality::Asserted,
        );
        // A support verb or a predicate realises the noun all the same.
        each_has_factuality(
            &[
                (
                    "The Kenyan and Somali leaders held their planned summit in Nairobi.",
                    "held their planned summit",
                ),
                (
                    "The scheduled talks between Chile and Bolivia began on Monday.",
                    "talks",
                ),
            ],
            Factuality::Asserted,
        );
    }

    #[test]
    fn an_act_one_was_quick_to_take_happened() {
        each_has_factuality(
            &[
                ("Kenya was quick to condemn the raid by Somalia.", "condemn"),
                (
                    "Peru was swift to recall its ambassador from Chile.",
                    "recall",
                ),
            ],
            Factuality::Asserted,
        );
    }

    #[test]
    fn an_act_one_goes_on_doing_happens_in_any_tense() {
        each_has_factuality(
            &[
                ("Ghana continues to urge Togo to reopen the border.", "urge"),
                (
                    "Peru begins to criticize Chile over the fishing dispute.",
                    "criticize",
                ),
                (
                    "Norway starts to withdraw its troops from Mali.",
                    "withdraw",
                ),
            ],
            Factuality::Asserted,
        );
    }

    #[test]
    fn an_event_hoped_or_called_for_is_not_asserted() {
        each_has_factuality(
            &[
                (
                    "Peru voiced hope for a restoration of relations between Chile and Bolivia.",
                    "relations",
                ),
                (
                    "Egypt expressed hope for an early normalisation of relations between Sudan and Chad.",
                    "relations",
                ),
            ],
            Factuality::Future,
        );
        // Only through a noun's "of" complement: progress in talks that
        // are going on says nothing of the talks.
        each_has_factuality(
            &[(
                "Peru voiced hope for progress in the talks between Chile and Bolivia.",
                "talks",
            )],
            Factuality::Asserted,
        );
    }

    #[test]
    fn a_reported_clauses_modal_stays_in_that_clause() {
        // The speaker's second verb is a fact, made by the speaker.
        each_codes_dyad(&[
            (
                "Peru's minister said Morales must resign and accused Bolivia of fraud.",
                "PERGOV",
                "BOL",
            ),
            (
                "Ghana's president said Togo's leader should step down and urged Togo to hold a vote.",
                "GHAGOV",
                "TGO",
            ),
            (
                "Speaking in Lima, Peru's minister said Bolivia's president must resign and accused Chile of fraud.",
                "PERGOV",
                "CHL",
            ),
        ]);
        each_has_factuality(
            &[
                (
                    "Peru's minister said Morales must resign and accused Bolivia of fraud.",
                    "accused",
                ),
                (
                    "Ghana's president said Togo's leader should step down and urged Togo to hold a vote.",
                    "urged",
                ),
            ],
            Factuality::Asserted,
        );
        // A modal both verbs share still hedges the second.
        each_has_factuality(
            &[(
                "Officials said Iran could strike and destroy Israeli bases.",
                "destroy",
            )],
            Factuality::Hypothetical,
        );
    }

    /// Asserts that in each body the first event of its trigger word has
    /// code `want`, asserted.
    fn each_asserts_code(cases: &[(&str, &str)], want: &str) {
        for &(body, trigger) in cases {
            let ev = coded(body);
            let e = ev.iter().find(|e| e.trigger.text == trigger);
            assert!(
                e.is_some_and(|e| e.cameo == want && e.factuality == Factuality::Asserted),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn cutting_ties_announced_plainly_is_done_and_warned_of_is_a_threat() {
        each_asserts_code(
            &[("Ghana said it would close its border with Togo.", "close")],
            "160",
        );
        each_asserts_code(
            &[
                (
                    "Chile announced it will sever relations with Peru.",
                    "sever",
                ),
                (
                    "Peru said it also would close its embassy in Quito.",
                    "close",
                ),
            ],
            "161",
        );
        // A warning of the act is no act; a condition makes it a threat.
        each_has_factuality(
            &[("Ghana warned it would close its embassy in Lome.", "close")],
            Factuality::Hypothetical,
        );
        each_asserts_code(
            &[
                ("Chile warned that it will cut ties with Peru.", "cut ties"),
                (
                    "Chile said it would impose sanctions on Peru if the raids continued.",
                    "impose sanctions",
                ),
            ],
            "1312",
        );
        // The modal of a verb that governs the act is no announcement.
        each_asserts_code(
            &[(
                "Oman will take all steps to protect itself, including imposing sanctions on Yemen.",
                "imposing sanctions",
            )],
            "1312",
        );
    }

    #[test]
    fn a_conflict_act_decided_on_was_done_and_an_open_question_was_not() {
        each_has_factuality(
            &[
                ("Ghana decided to expel two Togolese diplomats.", "expel"),
                (
                    "Oman resolved to recall its ambassador from Qatar.",
                    "recall",
                ),
                (
                    "Rwanda criticised the decision by Kenya to expel two Rwandan diplomats.",
                    "expel",
                ),
            ],
            Factuality::Asserted,
        );
        // A decision someone put off, or any decision, is no act.
        each_has_factuality(
            &[
                (
                    "The EU postponed a decision to impose new sanctions on Iran.",
                    "impose new sanctions",
                ),
                (
                    "Chile reversed its decision to expel the Peruvian consul.",
                    "expel",
                ),
            ],
            Factuality::Future,
        );
        each_has_factuality(
            &[
                ("Peru will decide whether to expel Chile's envoy.", "expel"),
                (
                    "Iran will decide next week whether to impose sanctions on Iraq.",
                    "impose sanctions",
                ),
            ],
            Factuality::Conditional,
        );
        // The decision's agent after "by" acts in the infinitive.
        each_codes_dyad(&[
            (
                "Rwanda criticised the decision by Kenya to expel two Rwandan diplomats.",
                "KEN",
                "RWA",
            ),
            (
                "Chile welcomed the offer by Bolivia to host talks with Peru.",
                "BOL",
                "PER",
            ),
        ]);
    }

    #[test]
    fn an_event_noun_whose_relative_clause_names_its_doers() {
        // The support verb closing the relative clause codes the noun once,
        // with the clause's subject as its source.
        for (body, source, target, code) in [
            (
                "Japan protested the sanctions that China imposed on Japanese firms.",
                "CHN",
                "JPN",
                "163",
            ),
            (
                "Oman welcomed the talks which Iran held with Qatar on Sunday.",
                "IRN",
                "QAT",
                "046",
            ),
        ] {
            let ev = coded(body);
            let hits = ev
                .iter()
                .filter(|e| {
                    e.source.code == source
                        && e.cameo == code
                        && e.target
                            .as_ref()
                            .is_some_and(|t| t.code.starts_with(target))
                })
                .count();
            assert_eq!(hits, 1, "{body}: {ev:?}");
        }
        // Judging the act judges its doers.
        each_codes_dyad(&[
            (
                "Chad condemned the exercises that Niger and Mali staged last week.",
                "TCD",
                "NER",
            ),
            (
                "Chad condemned the exercises that Niger and Mali staged last week.",
                "TCD",
                "MLI",
            ),
            (
                "Peru denounced the raid that Chilean troops carried out near the border.",
                "PER",
                "CHL",
            ),
        ]);
    }

    #[test]
    fn a_statement_is_about_whom_it_describes_not_whose_act_it_reports() {
        // A copula or a passive describes them: a statement on them.
        for body in [
            "Chile said Peruvian officials were responsible for the delay.",
            "Kenya said the Ugandan envoy was recalled last week.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter()
                    .any(|e| e.trigger.text == "said" && e.target.is_some()),
                "{body}: {ev:?}"
            );
        }
        // An act of theirs reported is no statement on them.
        for body in [
            "Chile said Peruvian officials would attend the trade fair.",
            "Ghana said Togolese traders had opened new shops in Accra.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter()
                    .all(|e| !(e.trigger.text == "said" && e.target.is_some())),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_statement_reporting_a_hostile_act_of_whom_it_is_about_accuses() {
        for body in [
            "Chile said Peruvian troops had crossed the border and attacked a farm.",
            "Kenya said on Monday that the Ugandan army shelled a border village.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter()
                    .any(|e| e.trigger.text == "said" && e.cameo == "112"),
                "{body}: {ev:?}"
            );
        }
        // What is no act of theirs, a verbal one, or one on a third party
        // stays a statement.
        for body in [
            "Chile said Peruvian officials were worried about the drought.",
            "Germany said Russia had rejected the proposal.",
            "Canada said Ukrainian forces had shot down two Russian jets.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.cameo != "112"), "{body}: {ev:?}");
        }
    }

    #[test]
    fn an_announced_demand_or_rejection_is_voiced_by_announcing_it() {
        each_has_factuality(
            &[
                (
                    "Kenya said it would demand an explanation from Uganda.",
                    "demand",
                ),
                ("Chile said it will reject Peru's proposal.", "reject"),
            ],
            Factuality::Asserted,
        );
        // An announced protest in the streets, or a veto, has not happened
        // yet.
        each_has_factuality(
            &[
                (
                    "Farmers in Chile will protest against Peru on Friday.",
                    "protest",
                ),
                ("Russia will veto the resolution on Ukraine.", "veto"),
            ],
            Factuality::Future,
        );
        each_has_factuality(
            &[(
                "Peru said it would criticise Chile at the summit.",
                "criticise",
            )],
            Factuality::Asserted,
        );
    }

    #[test]
    fn an_agreement_signed_with_no_party_named_is_the_pairs_that_met() {
        each_codes_dyad(&[
            (
                "Kenya's president visited Uganda on Monday. Several agreements were signed in the capital.",
                "KENGOV",
                "UGA",
            ),
            (
                "Peru's foreign minister met his Chilean counterpart in Lima. During the visit, a fisheries accord was signed.",
                "CHLGOV",
                "PERGOV",
            ),
        ]);
        // With no meeting before it, or no joint act, nobody is named.
        for body in [
            "The old border treaty was signed in 1929.",
            "Ghana's president visited Togo on Monday. Two protesters were arrested.",
            // An intent needs its holder.
            "Kenya's president visited Uganda. The visit was intended to build trust.",
            "Chile's minister met Peru's envoy. A second round was planned for May.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| !matches!(
                    e.trigger.text.as_str(),
                    "signed" | "arrested" | "intended" | "planned"
                )),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_bare_form_after_a_verb_of_expressing_is_a_noun() {
        for body in [
            "Japan expressed regret over the raid by China on the islands.",
            "Peru voiced regret at the Chilean decision.",
        ] {
            let ev = coded(body);
            assert!(
                !ev.is_empty() && ev.iter().all(|e| e.trigger.text != "regret"),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_warning_targets_whom_its_clause_is_about() {
        each_codes_dyad(&[
            (
                "Ghana warned that Togo would pay for the raid.",
                "GHA",
                "TGO",
            ),
            // the speaker's own act names its target deeper in
            (
                "Ghana warned that it would close its border with Togo.",
                "GHA",
                "TGO",
            ),
            (
                "Peru's president warned on Monday that Chile would regret the move.",
                "PERGOV",
                "CHL",
            ),
            // the speaker named again as the one who would act
            (
                "Kenya warned that Nairobi might impose tariffs on Uganda.",
                "KEN",
                "UGA",
            ),
            (
                "The African Union warned that the union could suspend Mali.",
                "IGOAFU",
                "MLI",
            ),
            // … in a later clause of what it warned
            (
                "Ghana warned that the raid was illegal and Accra might retaliate against Togo.",
                "GHA",
                "TGO",
            ),
            (
                "Chile protested, warning that the seizure was a breach and Santiago would take steps against Peru.",
                "CHL",
                "PER",
            ),
            // whom the warning is addressed to stays its target
            (
                "Kenya warned Uganda that Kenyan troops would respond to any incursion.",
                "KEN",
                "UGA",
            ),
            (
                "Oman warned Yemen that Omani ships would stay in the gulf.",
                "OMN",
                "YEM",
            ),
        ]);
        // An actor deeper in the clause is no target of a threat.
        for body in [
            "Ghana warned that a clash between Togo and Benin could spread.",
            "Peru warned that the dispute would hurt its trade with Chile and Bolivia.",
        ] {
            let ev = coded(body);
            let warnings: Vec<_> = ev.iter().filter(|e| e.cameo.starts_with("13")).collect();
            assert!(
                warnings.iter().all(|e| e.target.is_none()) && !warnings.is_empty(),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_verb_coordinated_with_a_speech_verb_shares_its_subject() {
        // The reported clause names no actor as its subject, so only the
        // parse (the conjunct's inherited subject) names the speaker.
        each_codes_dyad(&[
            (
                "The Peruvian foreign ministry said the vessels had been on a routine patrol and urged Chile to end its protests.",
                "PERGOV",
                "CHL",
            ),
            (
                "An Indian official said the border was calm and accused Pakistan of spreading rumours.",
                "INDGOV",
                "PAK",
            ),
        ]);
    }

    #[test]
    fn what_would_have_happened_did_not_even_when_reported() {
        each_has_factuality(
            &[
                (
                    "The Kenyan president announced that his government will scrap a draft law that would have allowed Uganda to fish in Kenyan waters.",
                    "allowed",
                ),
                (
                    "Ghana said that its navy would have allowed Togo to search the ship.",
                    "allowed",
                ),
            ],
            Factuality::Hypothetical,
        );
    }

    #[test]
    fn a_passive_with_its_agent_after_the_verb_keeps_its_negation() {
        // The cues stand between the passive's subject and the verb, not
        // before its agent.
        each_has_factuality(
            &[
                (
                    "Officials said the Chilean fishermen would not be freed by Peru.",
                    "freed",
                ),
                (
                    "Moldova said its diplomats were never expelled by Russia.",
                    "expelled",
                ),
            ],
            Factuality::Negated,
        );
        let ev = coded("The Chilean fishermen were freed by Peru on Sunday.");
        let e = ev.iter().find(|e| e.trigger.text == "freed");
        assert!(
            e.is_some_and(|e| e.factuality == Factuality::Asserted),
            "{ev:?}"
        );
    }

    #[test]
    fn a_verb_with_its_own_subject_after_a_mention_is_no_reduced_relative() {
        each_codes_dyad(&[
            (
                "Seoul protested after Pyongyang threatened to sink South Korean patrol boats.",
                "PRKGOV",
                "KOR",
            ),
            (
                "Kenya complained after Somalia expelled two Kenyan diplomats.",
                "SOM",
                "KEN",
            ),
        ]);
    }

    /// The date of the first event of `trigger` coded in `body`.
    fn date_of(body: &str, trigger: &str) -> Option<String> {
        coded(body)
            .into_iter()
            .find(|e| e.trigger.text == trigger)
            .map(|e| e.date.to_string())
    }

    #[test]
    fn a_simple_present_with_a_weekday_is_a_schedule() {
        // The article is of Monday 2020-01-06.
        for (body, trigger, day) in [
            (
                "The Kenyan president travels to Addis Ababa on Thursday.",
                "travels to",
                "2020-01-09",
            ),
            (
                "Chile's foreign minister arrives in Lima on Friday for talks with Peru.",
                "arrives in",
                "2020-01-10",
            ),
        ] {
            let ev = coded(body);
            let e = ev.iter().find(|e| e.trigger.text == trigger);
            assert!(
                e.is_some_and(|e| e.date.to_string() == day && e.factuality == Factuality::Future),
                "{body}: {ev:?}"
            );
        }
        // The past tense stays in the past.
        let body = "Chile's foreign minister arrived in Lima on Friday for talks with Peru.";
        assert_eq!(date_of(body, "arrived in").as_deref(), Some("2020-01-03"));
    }

    #[test]
    fn a_date_in_a_later_clause_with_its_own_subject_dates_only_that_clause() {
        // The article is of Monday 2020-01-06.
        let body = "Ghana condemned Togo, and Benin recalled its ambassador from Togo on Friday.";
        assert_eq!(date_of(body, "condemned").as_deref(), Some("2020-01-06"));
        assert_eq!(date_of(body, "recalled").as_deref(), Some("2020-01-03"));
        let body = "Peru has rejected Chile's claims, and last year its navy seized two boats.";
        assert_eq!(date_of(body, "rejected").as_deref(), Some("2020-01-06"));
        // A relative aside on the subject dates only itself.
        let body = "Chile, which cut ties with Peru in 1998, signed a trade deal with Bolivia.";
        assert_eq!(date_of(body, "signed").as_deref(), Some("2020-01-06"));
        assert_eq!(date_of(body, "cut ties").as_deref(), Some("1998"));
        let body = "Ghana, who fought Togo in 1994, signed a deal with Benin.";
        assert_eq!(date_of(body, "signed").as_deref(), Some("2020-01-06"));
        let body = "Chile's cabinet, appointed last March, signed a deal with Peru.";
        assert_eq!(date_of(body, "signed").as_deref(), Some("2020-01-06"));
        // "-en" words are no participles here.
        let body = "Chile and Peru, between March and May 2019, held talks on the border.";
        assert_eq!(date_of(body, "held talks").as_deref(), Some("2019-05"));
        let body = "Togo's army, weakened by a coup in 2018, attacked Mali on Friday.";
        assert_eq!(date_of(body, "attacked").as_deref(), Some("2020-01-03"));
        // One subject's two verbs share the date.
        let body = "Kenya suspended flights to Somalia, and advised citizens to leave on Friday.";
        assert_eq!(date_of(body, "suspended").as_deref(), Some("2020-01-03"));
    }

    #[test]
    fn after_to_only_a_determiner_comes_before_the_target() {
        // "to" opening an infinitive: the verb's object is no destination.
        for body in [
            "Kenya ordered its soldiers to withdraw from Somalia.",
            "Spain ordered two frigates to leave Morocco's waters.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.cameo != "154"), "{body}: {ev:?}");
        }
        each_codes_dyad(&[
            ("Ghana sent 200 troops to the Gambia.", "GHA", "GMB"),
            ("Kenya appealed to its ally Uganda for help.", "KEN", "UGA"),
        ]);
    }

    #[test]
    fn a_name_joined_by_a_hyphen_to_another_is_a_target() {
        each_codes_dyad(&[
            (
                "Peru agreed to revise the Peru-Chile fishing accord.",
                "PER",
                "CHL",
            ),
            (
                "China agreed to revise the Sino-Japanese fisheries accord.",
                "CHN",
                "JPN",
            ),
        ]);
    }

    #[test]
    fn a_date_in_a_since_phrase_is_the_point_counted_from() {
        // The article is of Monday 2020-01-06.
        for (body, trigger) in [
            (
                "Peru's president visited Chile, his first trip abroad since his inauguration \
                 in July.",
                "visited",
            ),
            (
                "Sudan's leader visited Egypt for the first time since the coup in April.",
                "visited",
            ),
        ] {
            assert_eq!(
                date_of(body, trigger).as_deref(),
                Some("2020-01-06"),
                "{body}"
            );
        }
        // A "since" date of the verb itself still counts from it.
        let body = "Ukraine has shelled Donetsk since December 3.";
        assert_ne!(
            date_of(body, "shelled").as_deref(),
            Some("2020-01-06"),
            "{body}"
        );
        let body = "Kenya has hosted the talks since March.";
        assert_ne!(
            date_of(body, "hosted").as_deref(),
            Some("2020-01-06"),
            "{body}"
        );
    }

    #[test]
    fn a_parenthetical_aside_keeps_its_date_and_its_names() {
        // The article is of Monday 2020-01-06.
        let body = "Chad and Niger (which fought a border war in 1999) signed a trade pact.";
        assert_eq!(date_of(body, "signed").as_deref(), Some("2020-01-06"));
        let body =
            "Mali (whose troops left Gao in 2014) recalled its envoy from Algeria on Friday.";
        assert_eq!(date_of(body, "recalled").as_deref(), Some("2020-01-03"));
        // A gloss of the date is no aside, nor is a phrase of time.
        let body = "Benin recalled its envoy from Niger on Friday (3/1).";
        assert_eq!(date_of(body, "recalled").as_deref(), Some("2020-01-03"));
        let body = "Peru seized a Chilean trawler off Arica (at about 0400 GMT on Friday).";
        assert_eq!(date_of(body, "seized").as_deref(), Some("2020-01-03"));
        // The aside's names are no subject of the verb after it.
        each_codes_dyad(&[
            (
                "Sudan and Chad (which border Libya and Niger) signed a pact with Egypt.",
                "SDN",
                "EGY",
            ),
            (
                "Ghana (a close partner of Togo and Benin) condemned Burkina Faso.",
                "GHA",
                "BFA",
            ),
            // With no name outside it, the parenthesis names the subject.
            (
                "The Nordic states (Norway, Sweden and Finland) expelled Russian diplomats.",
                "FIN",
                "RUS",
            ),
        ]);
    }

    #[test]
    fn a_speech_tag_after_the_event_dates_it_by_the_report() {
        // The article is of Monday 2020-01-06.
        let body = "Ghana has expelled Togo's ambassador, the foreign ministry announced Friday.";
        assert_eq!(date_of(body, "expelled").as_deref(), Some("2020-01-03"));
        let body = "Benin recalled its envoy from Niger, the government said on Saturday.";
        assert_eq!(date_of(body, "recalled").as_deref(), Some("2020-01-04"));
        // The event's own date still comes first.
        let body = "Benin recalled its envoy from Niger on Thursday, officials said on Saturday.";
        assert_eq!(date_of(body, "recalled").as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn mediators_named_together_do_not_mediate_between_themselves() {
        for body in [
            "Ghana and Senegal are working to broker a truce in the region.",
            "Norway and Switzerland mediated a ceasefire last month.",
            "Kenya and Tanzania jointly hosted the summit in Arusha.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.target.is_none()), "{body}: {ev:?}");
        }
        let ev = coded("Ghana and Senegal met in Dakar.");
        assert!(
            ev.iter()
                .any(|e| e.source.code == "GHA"
                    && e.target.as_ref().is_some_and(|t| t.code == "SEN")),
            "{ev:?}"
        );
    }

    #[test]
    fn a_participle_before_the_person_it_describes_is_no_verb() {
        for (body, trigger, source, target) in [
            (
                "Vietnam's president met with visiting Lao Prime Minister Sonexay Siphandone in Hanoi.",
                "met",
                "VNMGOV",
                "LAO",
            ),
            (
                "Kenyan President William Ruto held talks with visiting Ghanaian President Nana Akufo-Addo.",
                "held talks",
                "KENGOV",
                "GHA",
            ),
            (
                "Thailand's foreign minister met visiting Cambodian Deputy Prime Minister Sok Chenda Sophea.",
                "met",
                "THAGOV",
                "KHM",
            ),
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().any(|e| e.trigger.text == trigger
                    && e.source.code == source
                    && e.target
                        .as_ref()
                        .is_some_and(|t| t.code.starts_with(target)))
                    && ev.iter().all(|e| e.trigger.text != "visiting"),
                "{body}: {ev:?}"
            );
        }
        let ev = coded("Macron is visiting Chinese President Xi Jinping in Beijing.");
        assert!(
            ev.iter()
                .any(|e| e.trigger.text == "visiting" && e.source.code == "FRAGOV"),
            "{ev:?}"
        );
    }

    #[test]
    fn a_gerund_stopped_short_of_or_ceased_did_not_happen() {
        each_has_factuality(
            &[
                ("Ghana stopped short of condemning Togo.", "condemning"),
                ("Peru refrained from criticising Bolivia.", "criticising"),
            ],
            Factuality::Negated,
        );
        // Ceasing to supply is itself an event: a cut of material aid.
        let ev = coded("Algeria ceased supplying gas to Morocco.");
        assert!(
            ev.iter()
                .any(|e| e.cameo == "162" && e.factuality == Factuality::Asserted)
                && ev.iter().all(|e| e.trigger.text != "supplying"),
            "{ev:?}"
        );
        let ev = coded("Algeria began supplying gas to Morocco.");
        let e = ev.iter().find(|e| e.trigger.text == "supplying");
        assert!(
            e.is_some_and(|e| e.factuality == Factuality::Asserted),
            "{ev:?}"
        );
    }

    #[test]
    fn the_owner_of_a_decision_or_offer_acts_in_its_infinitive() {
        each_codes_dyad(&[
            (
                "Ghana criticized Togo's decision to expel two Ghanaian diplomats.",
                "TGO",
                "GHA",
            ),
            (
                "Peru welcomed Chile's offer to sign a trade deal with Peru.",
                "CHL",
                "PER",
            ),
        ]);
    }

    #[test]
    fn a_negated_subject_negates_its_verb() {
        for body in [
            "Neither Ghana nor Togo signed the border accord.",
            "No Kenyan minister met the Ugandan delegation in Kampala.",
        ] {
            let ev = coded(body);
            assert!(
                !ev.is_empty() && ev.iter().all(|e| e.factuality == Factuality::Negated),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn what_someone_fears_or_doubts_is_no_fact() {
        for (body, trigger) in [
            (
                "Diplomats fear that Sudan will expel the UN envoy.",
                "expel",
            ),
            (
                "Analysts doubt that Nepal will sign the treaty with India.",
                "sign",
            ),
            ("There are worries that Mali will attack Niger.", "attack"),
            (
                "Rumours that Kenya had recalled its ambassador from Uganda spread.",
                "recalled",
            ),
            ("There is no sign that Turkey will attack Syria.", "attack"),
            (
                "There are signs that Peru will recall its envoy from Chile.",
                "recall",
            ),
        ] {
            let ev = coded(body);
            assert!(
                ev.iter()
                    .filter(|e| e.trigger.text == trigger)
                    .all(|e| e.factuality != Factuality::Asserted),
                "{body}: {ev:?}"
            );
        }
        // Its own statement of intent stands.
        let ev = coded("Sudan said it will expel the UN envoy.");
        let e = ev.iter().find(|e| e.trigger.text == "expel");
        assert!(
            e.is_some_and(|e| e.factuality == Factuality::Asserted),
            "{ev:?}"
        );
    }

    #[test]
    fn the_complement_of_a_hedged_verb_is_no_fact() {
        each_has_factuality(
            &[
                (
                    "Such a step could see Ghana expel two Nigerian diplomats.",
                    "expel",
                ),
                (
                    "The dispute might see Peru recall its envoy from Chile.",
                    "recall",
                ),
            ],
            Factuality::Hypothetical,
        );
        // A speech verb's complement keeps its own factuality, and a
        // reported "would" states an intent.
        each_has_factuality(
            &[
                ("Peru said it recalled its envoy from Chile.", "recalled"),
                (
                    "Officials said Ghana would continue to support Togo.",
                    "support",
                ),
            ],
            Factuality::Asserted,
        );
    }

    #[test]
    fn a_hedge_before_the_verb_holds_when_the_source_follows_it() {
        each_has_factuality(
            &[
                ("The new border law could draw a rebuke from Peru.", "draw"),
                (
                    "Officials said such a visit might draw protests from Beijing.",
                    "draw",
                ),
                (
                    "The ruling may face criticism from the Kenyan government.",
                    "face",
                ),
            ],
            Factuality::Hypothetical,
        );
        let ev = coded("The new border law drew a rebuke from Peru.");
        let e = ev.iter().find(|e| e.trigger.text == "drew");
        assert!(
            e.is_some_and(|e| e.factuality == Factuality::Asserted),
            "{ev:?}"
        );
    }

    #[test]
    fn an_enacted_resolution_is_a_demand_a_drafted_one_is_not_a_fact() {
        let ev = coded(
            "Yesterday, the Iraqi parliament voted on a resolution to expel United States troops.",
        );
        let e = ev.iter().find(|e| e.trigger.text == "expel").unwrap();
        assert_eq!(
            (e.cameo.as_str(), e.factuality, e.date.to_string().as_str()),
            ("100", Factuality::Asserted, "2020-01-05"),
            "{ev:?}"
        );
        let ev = coded("The Iraqi parliament drafted a resolution to expel United States troops.");
        let e = ev.iter().find(|e| e.trigger.text == "expel").unwrap();
        assert_eq!(e.factuality, Factuality::Future, "{ev:?}");
    }

    #[test]
    fn a_statement_is_about_a_foreign_actor_its_reported_clause_names() {
        let about = |body: &str| -> Vec<(String, String)> {
            coded(body)
                .into_iter()
                .filter(|e| e.rule.starts_with("verbs/01.toml:say about"))
                .map(|e| (e.source.code, e.target.map(|t| t.code).unwrap_or_default()))
                .collect()
        };
        let ev = about("The Danish foreign ministry said Iranian agents were behind the plot.");
        assert_eq!(ev, [("DNKGOV".to_owned(), "IRN".to_owned())], "{ev:?}");
        // Whom the speaker talks to, or what the words are about, is no
        // reported subject; nor is the speaker's own country, nor a
        // pronoun, nor an actor deep inside a predicate.
        for body in [
            "Peru's president said the talks with Chile went well.",
            "A Greek newspaper said Greece would not attend.",
            "A Danish daily said Denmark and Norway had to act fast.",
            "A French newspaper said Algerian officials were to blame.",
            "A Swiss professor said Iranian aid to the rebels was growing.",
            "Chile summoned the Peruvian envoy over the raid, its foreign ministry said.",
            "Chile's trade minister said they were ready.",
            "Brazil's finance minister said trade this year will be US$2 billion.",
        ] {
            assert!(about(body).is_empty(), "{body}: {:?}", about(body));
        }
    }

    #[test]
    fn a_member_of_a_body_acts_for_it() {
        for (body, source) in [
            (
                "No one was hurt, but the general manager of Qatar Airways, Omar Haddad, blamed Saudi Arabia for the delays.",
                "QAT",
            ),
            (
                "Nothing was found, but the spokesman of the Kenyan army, Paul Njoroge, blamed Somalia for the raid.",
                "KENMIL",
            ),
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().any(|e| e.source.code == source
                    && e.target
                        .as_ref()
                        .is_some_and(|t| t.code == "SAU" || t.code == "SOM")),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn an_act_on_someone_refers_back_only_to_an_act_on_someone() {
        let target_of = |body: &str, trigger: &str| {
            coded(body)
                .into_iter()
                .find(|e| e.trigger.text == trigger)
                .map(|e| e.target.map(|t| t.code).unwrap_or_default())
        };
        // A test launch hit no one: "the attack on the convoy" is another act.
        let t = target_of(
            "Iran test-fired a cruise missile on Monday. NATO condemned the attack on the aid convoy in Chad.",
            "condemned",
        );
        assert_eq!(t.as_deref(), Some(""), "{t:?}");
        // Without its own "on …", the noun still names the launch.
        let t = target_of(
            "Iran test-fired a cruise missile on Monday. NATO condemned the launch.",
            "condemned",
        );
        assert_eq!(t.as_deref(), Some("IRN"), "{t:?}");
    }

    #[test]
    fn an_infinitive_of_purpose_is_the_subject_s_and_dated_with_its_act() {
        // Article date 2020-01-06, a Monday.
        for (body, source) in [
            (
                "Chile's foreign ministry summoned the Peruvian ambassador on Friday to protest the raid.",
                "CHLGOV",
            ),
            (
                "The Greek government recalled the Turkish envoy on Thursday to protest the drilling.",
                "GRCGOV",
            ),
        ] {
            let ev = coded(body);
            let e = ev
                .iter()
                .find(|e| e.trigger.text == "protest")
                .unwrap_or_else(|| panic!("{body}: {ev:?}"));
            assert_eq!(e.source.code, source, "{body}: {ev:?}");
            let act = ev
                .iter()
                .find(|e| e.trigger.text != "protest")
                .unwrap_or_else(|| panic!("{body}: {ev:?}"));
            assert_eq!(e.date, act.date, "{body}: {ev:?}");
        }
    }

    #[test]
    fn a_target_of_ones_own_side_leaves_no_target_less_twin() {
        for (body, trigger) in [
            (
                "Chile's president will travel to Peru next week, the Chilean foreign ministry said.",
                "travel",
            ),
            (
                "The Kenyan army attacked Somali militants, a Kenyan spokesman said.",
                "attacked",
            ),
        ] {
            let ev: Vec<_> = coded(body)
                .into_iter()
                .filter(|e| e.trigger.text.starts_with(trigger))
                .collect();
            assert!(
                !ev.is_empty() && ev.iter().all(|e| e.target.is_some()),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn an_actor_in_a_relative_clause_of_the_object_is_no_target() {
        for (body, outsider) in [
            (
                "Polish border guards detained 20 migrants who crossed from Belarus.",
                "BLR",
            ),
            (
                "Greek police arrested two smugglers who had sailed from Turkey.",
                "TUR",
            ),
        ] {
            let ev = coded(body);
            assert!(
                !ev.is_empty()
                    && ev.iter().all(|e| !e
                        .target
                        .as_ref()
                        .is_some_and(|t| t.code.starts_with(outsider))),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn struggles_withdrawals_relief_and_embedded_accusations_are_no_events() {
        for body in [
            "Chile battled inflation while Peru battled a political crisis.",
            "Brazil battled Argentina in the World Cup qualifier.",
            "Colombian soldiers battled drug traffickers near the border with Venezuela.",
            "Ukraine ordered troops to withdraw from the border with Russia.",
            "Ghana ordered soldiers near the border with Togo to return to their barracks.",
            "India rushed relief troops into Nepal after the earthquake.",
            "Egypt renewed its rejection of the allegations against its army by Sudan.",
            "Germany accepted Syrian refugees under the European Union plan.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter()
                    .all(|e| !matches!(e.root.as_str(), "19" | "15" | "11" | "03")
                        || e.target.is_none()),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn an_actor_in_another_verbs_phrase_is_no_coordinated_subject_of_a_pronoun() {
        // "… to the coast of Greece and he warned …": Greece is no subject.
        for (body, trigger, source) in [
            (
                "Erdogan answered by sending warships near the coast of Greece and he warned Prime Minister Mitsotakis that talks were over.",
                "warned",
                "TUR",
            ),
            (
                "Lula reacted by recalling his envoy from Israel and he criticised Netanyahu on Friday.",
                "criticised",
                "BRA",
            ),
        ] {
            let ev: Vec<_> = coded(body)
                .into_iter()
                .filter(|e| e.trigger.text == trigger)
                .collect();
            assert!(
                !ev.is_empty() && ev.iter().all(|e| e.source.code.starts_with(source)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_relative_pronoun_after_a_name_stands_for_the_name() {
        // The parse may hang ", which …" on a noun further left; the name
        // right before the comma is the clause's subject.
        each_codes_dyad(&[
            (
                "Chile signed a fishing pact with Peru, which criticised Bolivia.",
                "PER",
                "BOL",
            ),
            (
                "Egypt hosted a summit with Jordan, which condemned Israel.",
                "JOR",
                "ISR",
            ),
        ]);
    }

    #[test]
    fn a_pronoun_subject_of_a_reported_clause_is_the_speaker() {
        each_codes_dyad(&[
            (
                "Georgia's interior ministry said it had detained three Russian soldiers.",
                "GEOGOV",
                "RUSMIL",
            ),
            (
                "Colombia's navy says it seized a Venezuelan fishing boat on Sunday.",
                "COLMIL",
                "VEN",
            ),
        ]);
    }

    #[test]
    fn an_agreement_dated_before_its_infinitive_is_still_an_agreement() {
        for body in [
            "Chile and Peru agreed on Monday to reopen the border.",
            "Laos and Vietnam agreed in March to begin dredging the river.",
        ] {
            let ev = coded(body);
            let e = ev
                .iter()
                .find(|e| e.trigger.text.starts_with("agreed"))
                .unwrap_or_else(|| panic!("{body}: {ev:?}"));
            assert_eq!(e.cameo.get(..2), Some("03"), "{body}: {ev:?}");
            assert!(e.target.is_some(), "{body}: {ev:?}");
            // What was agreed has not happened yet.
            assert!(
                ev.iter()
                    .filter(|e| e.factuality == crate::event::Factuality::Asserted)
                    .all(|e| e.trigger.text.starts_with("agreed")),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn the_speaker_of_a_closing_attribution_is_no_party() {
        for (body, speaker) in [
            (
                "Turkish jets struck Kurdish fighters in Iraq, the Iraqi foreign ministry said.",
                "IRQGOV",
            ),
            (
                "Sudanese troops shelled Ethiopian farmers, an Ethiopian official says.",
                "ETHGOV",
            ),
        ] {
            let ev = coded(body);
            assert!(
                !ev.is_empty()
                    && ev
                        .iter()
                        .all(|e| e.target.as_ref().is_none_or(|t| t.code != speaker)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn listed_speakers_of_a_closing_attribution_are_no_party() {
        for (body, speakers) in [
            (
                "Chile is weighing sanctions on Venezuela, officials in Santiago and Lima said.",
                ["CHLGOV", "PERGOV"],
            ),
            (
                "Serbia deployed troops near Kosovo, Albania and Croatia said on Friday.",
                ["ALB", "HRV"],
            ),
        ] {
            let ev = coded(body);
            assert!(!ev.is_empty(), "{body}");
            for e in &ev {
                let t = e.target.as_ref().map(|t| t.code.as_str());
                assert!(!speakers.iter().any(|s| Some(*s) == t), "{body}: {ev:?}");
            }
        }
    }

    #[test]
    fn a_speaker_after_a_comma_is_no_member_of_the_list_before() {
        for (body, speaker, not) in [
            (
                "Iran threatened Israel and Bahrain, Qatar said.",
                "QAT",
                "BHR",
            ),
            (
                "Russia attacked Ukraine and Georgia, Britain said.",
                "GBR",
                "GEO",
            ),
            (
                "Turkey shelled Syria and Iraq, Iran said on Sunday.",
                "IRN",
                "IRQ",
            ),
            ("Saudi Arabia struck Yemen, Oman said.", "OMN", "YEM"),
        ] {
            // The speaker is no target of the act, and no member of the
            // list speaks.
            let ev = coded(body);
            assert!(!ev.is_empty(), "{body}");
            assert!(
                ev.iter().all(|e| {
                    e.target.as_ref().is_none_or(|t| t.code != speaker)
                        && !(e.trigger.text == "said" && e.source.code == not)
                }),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_word_the_parse_reads_as_an_adverb_is_no_verb_trigger() {
        for body in [
            "Kuwait, which had recalled its envoy from Iran, sent him back in May.",
            "The Omani delegation, which flew to Sanaa last week, came back on Tuesday.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| e.trigger.text != "back"),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_phrase_held_by_an_actor_stands_for_it() {
        for (body, target) in [
            (
                "Witnesses described air strikes by the Nigerian army on camps used by Boko Haram.",
                "NGAREB",
            ),
            (
                "Residents reported drone strikes by Ethiopian troops on villages held by Eritrean forces.",
                "ERIMIL",
            ),
        ] {
            let ev = coded(body);
            assert!(
                ev.iter()
                    .any(|e| e.target.as_ref().is_some_and(|t| t.code == target)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn the_agent_hung_on_an_event_nouns_patient_is_the_actor() {
        // A greedy parse hangs "by X" on the noun after "of".
        each_codes_dyad(&[
            (
                "The expulsion of Czech embassy staff by Russia angered Prague.",
                "RUS",
                "CZEGOV",
            ),
            (
                "The bombing of the Serbian embassy by NATO angered Belgrade.",
                "IGONAT",
                "SRBGOV",
            ),
        ]);
    }

    #[test]
    fn a_two_word_event_noun_stands_alone_with_its_parties() {
        each_codes_dyad(&[
            (
                "Witnesses described air strikes by the Ethiopian army on Eritrean troops.",
                "ETHMIL",
                "ERIMIL",
            ),
            (
                "Residents reported drone strikes by Turkish forces on Syrian government troops.",
                "TURMIL",
                "SYRMIL",
            ),
        ]);
    }

    #[test]
    fn a_speaker_with_a_bracketed_acronym_still_speaks() {
        for (body, speaker) in [
            (
                "Russia fired two cruise missiles at Kyiv, Ukraine's air force (UAF) said.",
                "UKRMIL",
            ),
            (
                "Chinese warships fired on a Japanese patrol boat near Okinawa, Japan's defence ministry (MOD) said.",
                "JPNGOV",
            ),
        ] {
            let ev = coded(body);
            assert!(!ev.is_empty(), "{body}");
            assert!(
                ev.iter()
                    .all(|e| e.target.as_ref().is_none_or(|t| t.code != speaker)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_wire_dateline_with_its_agency_acts_in_nothing() {
        for body in [
            "HAVANA, Cuba (AP) — Mexico sent two tankers of fuel to Cuba on Monday.",
            "MANILA, Jan 9 (Reuters) -- Japan pledged patrol boats to Vietnam.",
        ] {
            let ev = coded(body);
            assert!(!ev.is_empty(), "{body}");
            let dateline = &body[..faultline_text::dateline_len(body)];
            assert!(
                ev.iter().all(|e| e.source.start >= dateline.len()
                    && e.target.as_ref().is_none_or(|t| t.start >= dateline.len())),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn the_parse_reads_a_sentence_after_its_dateline() {
        // Parsed with its dateline, the place becomes the subject and the
        // relation an apposition of it.
        for body in [
            "Apia : Samoa's relations with Fiji struck a new low on Tuesday.",
            "NAIROBI — Kenya's ties with Somalia hit rock bottom last week.",
        ] {
            assert!(coded(body).is_empty(), "{body}: {:?}", coded(body));
        }
        let ev = coded("Port Moresby : Papua New Guinea expelled two Indonesian diplomats.");
        assert!(
            ev.iter()
                .any(|e| e.source.code == "PNG"
                    && e.target.as_ref().is_some_and(|t| t.code == "IDNGOV")),
            "{ev:?}"
        );
    }

    #[test]
    fn partners_of_an_agreement_on_a_third_partys_matter_act_on_each_other() {
        each_codes_dyad(&[
            (
                "Ghana and Togo signed a pact on the protection of Nigerian traders.",
                "GHA",
                "TGO",
            ),
            (
                "Chile and Peru signed an agreement on the return of Bolivian migrants.",
                "PER",
                "CHL",
            ),
        ]);
        for body in [
            "Ghana and Togo signed a pact on the protection of Nigerian traders.",
            "Chile and Peru signed an agreement on the return of Bolivian migrants.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| e
                    .target
                    .as_ref()
                    .is_none_or(|t| !t.code.starts_with("NGA") && !t.code.starts_with("BOL"))),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_partner_named_again_in_a_joint_act_is_no_third_party() {
        for (body, a, b) in [
            (
                "Kenya and Uganda announced a deal to expand Kenyan exports.",
                "KEN",
                "UGA",
            ),
            (
                "Ghana and Togo signed an accord to protect Ghanaian traders.",
                "GHA",
                "TGO",
            ),
        ] {
            each_codes_dyad(&[(body, a, b), (body, b, a)]);
        }
    }

    #[test]
    fn a_modifier_of_another_verbs_object_is_no_inherited_subject() {
        for (body, source) in [
            (
                "Chinese coast guard officers boarded Vietnamese fishing boats and seized their catch.",
                "CHNMIL",
            ),
            (
                "Iranian police stopped Iraqi pilgrim buses and detained their drivers.",
                "IRNCOP",
            ),
        ] {
            let ev = coded(body);
            let e = ev
                .iter()
                .find(|e| e.trigger.text == "seized" || e.trigger.text == "detained");
            assert!(e.is_some_and(|e| e.source.code == source), "{body}: {ev:?}");
        }
    }

    #[test]
    fn no_before_an_event_nouns_modifiers_negates_it() {
        for body in [
            "Officials said there was no formal agreement between Ghana and Togo.",
            "Chile held no direct talks with Bolivia last year.",
        ] {
            let ev = coded(body);
            assert!(
                !ev.is_empty() && ev.iter().all(|e| e.factuality == Factuality::Negated),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn talking_to_the_press_or_students_is_no_consultation() {
        for body in [
            "Peru's foreign minister talked to the BBC about the border on Monday.",
            "The Chilean president told Reuters that the talks would resume.",
            "Egypt's foreign minister talked with students at Harvard University on Monday.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter()
                    .all(|e| !matches!(e.cameo.as_str(), "010" | "040" | "041")),
                "{body}: {ev:?}"
            );
        }
        // A counterpart is consulted.
        each_codes_dyad(&[(
            "Peru's foreign minister spoke to Chile's foreign minister on Monday.",
            "PERGOV",
            "CHLGOV",
        )]);
    }

    #[test]
    fn a_conjunct_does_not_take_a_name_in_apposition_to_the_first_verbs_object() {
        each_codes_dyad(&[
            (
                "Kenya's president had talked to his counterpart Yoweri Museveni and had warned \
                 Uganda against any incursion.",
                "KENGOV",
                "UGA",
            ),
            (
                "Chile's president has talked with her counterpart Luis Arce and has accused \
                 Bolivia of stalling.",
                "CHLGOV",
                "BOL",
            ),
        ]);
    }

    #[test]
    fn a_pattern_target_is_not_found_past_a_word_and_that() {
        // "told reporters that Haiti …": Haiti is no one told (the
        // sentence codes its other event).
        for (body, other) in [
            (
                "Addressing the press in Nairobi, Ruto told reporters that Haiti had asked for \
                 more police.",
                "asked",
            ),
            (
                "In Brasilia Lula told the crowd that Argentina had pledged to reopen the border.",
                "pledged",
            ),
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().any(|e| e.trigger.text.starts_with(other))
                    && ev.iter().all(|e| !e.trigger.text.starts_with("told")),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_pattern_target_is_not_found_past_an_audience() {
        // "told reporters Bolivia would pay": the reporters were told,
        // Bolivia was not.
        for body in [
            "Chile's foreign minister told reporters Bolivia would pay for the damaged bridge.",
            "The Kenyan president told supporters Uganda had stolen the island.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| !e.trigger.text.starts_with("told")),
                "{body}: {ev:?}"
            );
        }
        // The one told, named right after the verb, still is.
        let ev = coded("Chile's foreign minister told Bolivia it would pay for the bridge.");
        assert!(
            ev.iter().any(|e| e.trigger.text == "told"
                && e.target.as_ref().is_some_and(|t| t.code.starts_with("BOL"))),
            "{ev:?}"
        );
    }

    #[test]
    fn a_venue_or_a_witness_is_no_party_to_a_cooperative_act() {
        // Where a pact was signed and who looked on are no partners: the
        // two signatories act on one another.
        for (body, a, b, outsider) in [
            (
                "Chile and Peru signed a fisheries pact at the Brazilian embassy.",
                "CHL",
                "PER",
                "BRA",
            ),
            (
                "Serbia and Kosovo signed the accord in the presence of the EU envoy.",
                "SRB",
                "KSV",
                "IGO",
            ),
        ] {
            let ev = coded(body);
            let target_of = |src: &str| {
                ev.iter()
                    .filter(|e| e.source.code.starts_with(src))
                    .filter_map(|e| e.target.as_ref().map(|t| t.code.clone()))
                    .collect::<Vec<_>>()
            };
            assert!(
                target_of(a).iter().any(|t| t.starts_with(b))
                    && !ev.iter().any(|e| e
                        .target
                        .as_ref()
                        .is_some_and(|t| t.code.starts_with(outsider))),
                "{body}: {ev:?}"
            );
        }
        // With one signatory, a witness is no target either.
        for (body, outsider) in [
            (
                "Sudan signed the accord in the presence of the Qatari emir.",
                "QAT",
            ),
            (
                "Ethiopia's prime minister signed the deal in the presence of Kenyan officials.",
                "KEN",
            ),
        ] {
            let ev = coded(body);
            assert!(
                !ev.is_empty()
                    && !ev.iter().any(|e| e
                        .target
                        .as_ref()
                        .is_some_and(|t| t.code.starts_with(outsider))),
                "{body}: {ev:?}"
            );
        }
        // A pattern's TARGET is not sought past the venue either: the pair
        // meets one another, not the body that hosts them.
        for (body, a, b, venue) in [
            (
                "The Ghanaian and Togolese foreign ministers will meet at the African Union next month.",
                "GHA",
                "TGO",
                "IGO",
            ),
            (
                "Armenia and Azerbaijan met at the Russian embassy in Paris.",
                "ARM",
                "AZE",
                "RUS",
            ),
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().any(|e| e.source.code.starts_with(a)
                    && e.target.as_ref().is_some_and(|t| t.code.starts_with(b)))
                    && !ev
                        .iter()
                        .any(|e| e.target.as_ref().is_some_and(|t| t.code.starts_with(venue))),
                "{body}: {ev:?}"
            );
        }
        // A protest at an embassy is against it.
        let ev = coded("Students staged a protest at the US embassy.");
        assert!(
            ev.iter()
                .any(|e| e.target.as_ref().is_some_and(|t| t.code.starts_with("USA"))),
            "{ev:?}"
        );
    }

    #[test]
    fn reports_from_a_capital_are_no_statement_by_its_government() {
        // The reported act is coded; no one from the capital speaks.
        for (body, capital) in [
            (
                "Unconfirmed accounts from Kigali on Sunday said Burundian soldiers had shelled \
                 a Rwandan village.",
                "RWA",
            ),
            (
                "According to residents, reports from Caracas said Colombian troops had fired on \
                 a Venezuelan patrol.",
                "VEN",
            ),
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().any(|e| e.cameo.starts_with("19"))
                    && ev.iter().all(|e| !e.source.code.starts_with(capital)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_body_convening_by_itself_consults_no_one() {
        for body in [
            "Armenia's parliament convened to reject the claims of Azerbaijan.",
            "Peru's congress convened on Monday to debate the treaty with Chile.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| !e.trigger.text.starts_with("convened")),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn what_a_demand_asks_for_is_no_fact() {
        for (body, trigger) in [
            (
                "Protesters in Lima demanded that the government cut ties with Caracas.",
                "cut",
            ),
            (
                "Oslo urged that Sudan and Chad withdraw their troops from the border.",
                "withdraw",
            ),
        ] {
            let ev = coded(body);
            let e = ev
                .iter()
                .find(|e| e.trigger.text.starts_with(trigger))
                .unwrap_or_else(|| panic!("{body}: {ev:?}"));
            assert_ne!(
                e.factuality,
                crate::event::Factuality::Asserted,
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_denial_verb_negates_what_it_governs_not_its_conjunct() {
        use crate::event::Factuality;
        let factuality = |body: &str, trigger: &str| {
            coded(body)
                .into_iter()
                .find(|e| e.trigger.text.starts_with(trigger))
                .map(|e| e.factuality)
        };
        assert_eq!(
            factuality(
                "Pakistan dismissed the report and expelled two Afghan diplomats.",
                "expelled"
            ),
            Some(Factuality::Asserted)
        );
        assert_eq!(
            factuality(
                "Mali rejected the offer and recalled its envoy from Algeria.",
                "recalled"
            ),
            Some(Factuality::Asserted)
        );
        assert_eq!(
            factuality("Iran denied that it attacked the Saudi tanker.", "attacked"),
            Some(Factuality::Negated)
        );
    }

    #[test]
    fn coordinated_verbs_share_their_subject() {
        // The actor before "and" is the first verb's object: not the subject.
        let ev = coded(
            "Iran accused Israel of the attack and demanded sanctions from the United Nations.",
        );
        let e = ev
            .iter()
            .find(|e| e.trigger.text == "demanded")
            .expect("a demand");
        assert_eq!(e.source.code, "IRN", "{ev:?}");
        // An actor with its own clause before "and" keeps it.
        let ev = coded("Iran said Israel attacked the port and killed two guards.");
        let e = ev
            .iter()
            .find(|e| e.trigger.text == "killed")
            .expect("a killing");
        assert_eq!(e.source.code, "ISR", "{ev:?}");
    }

    #[test]
    fn a_conditional_promise_of_force_is_a_threat() {
        let ev = coded("If talks fail, the United States will impose sanctions on Iran.");
        let e = ev
            .iter()
            .find(|e| e.cameo.starts_with("13"))
            .expect("a threat");
        assert_eq!(
            (e.cameo.as_str(), e.factuality),
            ("1312", Factuality::Asserted),
            "{ev:?}"
        );
        // The condition itself, and a hedged reply, stay conditional.
        let ev = coded("If Iran attacks Israel, Israel could strike back.");
        assert!(
            ev.iter().all(|e| e.factuality != Factuality::Asserted),
            "{ev:?}"
        );
    }

    #[test]
    fn a_stated_refusal_is_a_rejection() {
        let ev = coded("Turkey will not meet Greek officials before the summit.");
        let e = ev
            .iter()
            .find(|e| e.trigger.text == "meet")
            .expect("a meeting");
        assert_eq!(
            (e.cameo.as_str(), e.factuality),
            ("125", Factuality::Asserted),
            "{ev:?}"
        );
        // Not a refusal: a plain negation, a refused comment, a far modal.
        each_codes_none(
            &[
                "Turkey did not meet Greek officials.",
                "Turkey would not comment on the Greek proposal.",
                "Iraq will not be deterred by Iran and will defend itself against Iran.",
            ],
            "12",
        );
    }

    #[test]
    fn back_after_a_verb_is_a_particle() {
        for body in [
            "Syrian rebels struck back at the army near Idlib.",
            "Iranian forces fought back against Iraqi troops.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.trigger.text != "back"), "{ev:?}");
        }
        // The verb itself: support, or an intent to support.
        let ev = coded("France backed Greece in the dispute. Germany will back Greece.");
        assert_eq!(
            ev.iter()
                .filter(|e| e.rule.starts_with("verbs/05.toml:back"))
                .count(),
            2,
            "{ev:?}"
        );
    }

    #[test]
    fn an_attitude_about_an_earlier_event_refers_back_to_it() {
        each_has(&[
            (
                "Iranian gunboats seized a Greek tanker in the Gulf on Monday. \
                 Britain expressed concern over the incident.",
                "GBR",
                "01",
                "IRNMIL",
            ),
            (
                "Chad's army shelled a village in Sudan on Monday. Egypt voiced anger at the attack.",
                "EGY",
                "11",
                "TCDMIL",
            ),
        ]);
    }

    #[test]
    fn pressing_a_campaign_is_no_appeal() {
        each_codes_none(
            &[
                "Kyiv pressed its counteroffensive against Russian forces in the south.",
                "Sudan's army pressed an assault on rebel positions near the airport.",
            ],
            "02",
        );
        each_has(&[(
            "Kenya pressed Uganda to reopen the border crossing.",
            "KEN",
            "02",
            "UGA",
        )]);
    }

    /// Asserts that no body codes an event whose code starts with `code`.
    fn each_codes_none(bodies: &[&str], code: &str) {
        for &body in bodies {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| !e.cameo.starts_with(code)),
                "{body}: {ev:?}"
            );
        }
    }

    /// Asserts that each (body, source, code, target) codes an event from
    /// `source` to `target` with a code starting with `code`.
    fn each_has(cases: &[(&str, &str, &str, &str)]) {
        for &(body, source, code, target) in cases {
            let ev = coded(body);
            assert!(has(&ev, source, code, target), "{body}: {ev:?}");
        }
    }

    /// True when some event of `ev` goes from `source` to `target` with a
    /// code starting with `code`.
    fn has(ev: &[crate::Event], source: &str, code: &str, target: &str) -> bool {
        ev.iter().any(|e| {
            e.source.code == source
                && e.cameo.starts_with(code)
                && e.target.as_ref().is_some_and(|t| t.code == target)
        })
    }

    #[test]
    fn a_participle_after_coordinated_targets_leaves_them_coordinated() {
        // The participle's subject is the clause's, not the last target.
        let japan =
            "Japan expressed concern over the drills by China and Russia, calling them a threat.";
        let peru = "Peru voiced outrage at the raids by Chile and Bolivia, adding that they broke the truce.";
        each_codes_dyad(&[
            (japan, "JPN", "CHN"),
            (japan, "JPN", "RUS"),
            (peru, "PER", "CHL"),
            (peru, "PER", "BOL"),
        ]);
    }

    #[test]
    fn verbal_conflict_naming_no_one_is_aimed_at_the_act_before_it() {
        each_has(&[
            (
                "Peru recalled its envoy from Chile and demanded an explanation.",
                "PER",
                "10",
                "CHL",
            ),
            (
                "Ghana condemned Togo's raid and threatened retaliation.",
                "GHA",
                "13",
                "TGO",
            ),
            (
                "ECOWAS suspended Guinea on Sunday and warned of possible sanctions.",
                "IGOWAS",
                "13",
                "GIN",
            ),
        ]);
    }

    #[test]
    fn a_fronted_participle_is_done_by_the_clause_subject() {
        each_has(&[
            (
                "After visiting Kyiv on Monday, the Polish president criticised Russia.",
                "POLGOV",
                "042",
                "UKRGOV",
            ),
            (
                "After meeting the Thai premier in Bangkok, the Lao leader praised the new rail line.",
                "LAOGOV",
                "04",
                "THAGOV",
            ),
        ]);
    }

    #[test]
    fn a_participle_closing_a_clause_is_done_by_its_subject_not_the_last_actor() {
        each_has(&[
            (
                "Peru, angered by Chile's seizure of a trawler, announced new rules on Monday, \
                 recalling its ambassador from Santiago.",
                "PER",
                "16",
                "CHLGOV",
            ),
            (
                "The Thai government, angered by Cambodia's shelling of a temple, announced \
                 a new policy on Friday, expelling the Cambodian ambassador.",
                "THAGOV",
                "16",
                "KHMGOV",
            ),
            (
                "Norway, outraged by Russia's seizure of a trawler, announced new rules on \
                 Monday, summoning the Russian ambassador.",
                "NOR",
                "11",
                "RUSGOV",
            ),
        ]);
    }

    #[test]
    fn coordinated_countries_cutting_ties_cut_them_with_each_other() {
        let ghana = "Ghana and Togo each recalled their ambassadors on Monday.";
        let iran = "Iran and Bahrain severed diplomatic ties in 2016.";
        each_codes_dyad(&[
            (ghana, "GHA", "TGO"),
            (ghana, "TGO", "GHA"),
            (iran, "IRN", "BHR"),
            (iran, "BHR", "IRN"),
        ]);
        // With a third party named, that party is the target.
        each_codes_dyad(&[(
            "Ghana and Togo recalled their ambassadors from Benin.",
            "GHA",
            "BEN",
        )]);
    }

    #[test]
    fn review_cases_of_the_new_rules_code_nothing_wrong() {
        // Someone else's act predicted is no announcement; a topic is no
        // host; a ban on trade is no trade.
        for (body, wrong) in [
            (
                "Analysts said Ghana would close its border with Togo.",
                "160",
            ),
            ("Chile said Peru would sever relations with Bolivia.", "161"),
            ("The EU expanded its ban on Russian imports.", "061"),
            (
                "Moscow expanded restrictions on trade with Lithuania.",
                "061",
            ),
            (
                "Kenya called Uganda's move a step to express goodwill.",
                "041",
            ),
        ] {
            let ev = coded(body);
            assert!(
                ev.iter()
                    .all(|e| !(e.cameo == wrong && e.factuality == Factuality::Asserted)),
                "{body}: {ev:?}"
            );
        }
        for body in [
            "The Russian ambassador was summoned over the war in Ukraine.",
            "Germany's ambassador to Moscow was summoned home.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.cameo != "114"), "{body}: {ev:?}");
        }
    }

    #[test]
    fn the_circumstances_of_an_act_are_no_target() {
        each_codes_with_no_target(&[
            "Venezuela recalled its ambassador amid a crackdown on Colombian migrants.",
            "Peru recalled its envoy despite protests by Chilean fishermen.",
            "Nepal hosted the monk in spite of India's objections.",
            "Fiji hosted the dissident writer notwithstanding Australia's concerns.",
        ]);
    }

    #[test]
    fn an_envoy_summoned_with_no_agent_was_summoned_by_the_host() {
        each_has(&[
            (
                "Ghana's ambassador was summoned to the foreign ministry in Lome on Monday.",
                "TGOGOV",
                "114",
                "GHAGOV",
            ),
            (
                "Peru accused Chile of spying on Monday. The Chilean ambassador was summoned on Tuesday.",
                "PER",
                "114",
                "CHLGOV",
            ),
        ]);
    }

    #[test]
    fn a_conjunct_whose_shared_subject_names_no_one_has_no_source() {
        // Not the first verb's object: the bloc, unnamed, did both.
        each_codes_none(
            &[
                "The bloc suspended Guinea on Sunday and warned of possible sanctions.",
                "The council condemned Iran and demanded the release of the crew.",
            ],
            "1",
        );
    }

    #[test]
    fn coordinated_subjects_pair_only_when_they_act_on_one_another() {
        // Praise, recognition and aid go to a third party; a bare promise
        // joins its subjects only when it names their partnership.
        for (body, a, b) in [
            ("Ghana and Chile promised to send doctors.", "GHA", "CHL"),
            ("France and Spain praised the truce.", "FRA", "ESP"),
            ("Peru and Chile recognised Kosovo.", "PER", "CHL"),
            ("Oman and Qatar pledged to free the hostages.", "OMN", "QAT"),
        ] {
            let ev = coded(body);
            assert!(!ev.is_empty(), "{body}: nothing coded");
            assert!(
                !has(&ev, a, "0", b) && !has(&ev, b, "0", a),
                "{body}: {ev:?}"
            );
        }
        for (body, a, b) in [
            ("Chile and Peru vowed to deepen their ties.", "CHL", "PER"),
            (
                "Oman and Qatar pledged to work together on energy.",
                "OMN",
                "QAT",
            ),
            ("Iran and Iraq agreed to free prisoners.", "IRN", "IRQ"),
        ] {
            let ev = coded(body);
            assert!(
                has(&ev, a, "03", b) && has(&ev, b, "03", a),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_statement_after_a_meeting_is_addressed_to_the_party_met() {
        each_has(&[
            (
                "Oman's envoy met the Iranian foreign minister and apologised for the remarks.",
                "OMNGOV",
                "055",
                "IRNGOV",
            ),
            (
                "The Brazilian president received the Kenyan president in Brasilia and promised aid.",
                "BRAGOV",
                "033",
                "KENGOV",
            ),
        ]);
        // Its own target, or another speaker, stands.
        let ev = coded("The Brazilian president met the Kenyan president and criticised Israel.");
        assert!(
            has(&ev, "BRAGOV", "111", "ISR") && !has(&ev, "BRAGOV", "111", "KENGOV"),
            "{ev:?}"
        );
    }

    #[test]
    fn a_date_or_an_adverb_may_stand_before_a_particle() {
        each_has(&[
            (
                "The Kenyan president spoke today with his Ugandan counterpart.",
                "KENGOV",
                "040",
                "UGAGOV",
            ),
            (
                "Chile's foreign minister spoke again with the Peruvian envoy.",
                "CHLGOV",
                "040",
                "PERGOV",
            ),
        ]);
    }

    #[test]
    fn releasing_what_is_no_person_nor_property_is_no_event() {
        each_codes_none(
            &[
                "Japan began releasing treated water into the Pacific on Thursday.",
                "Kenya released its annual budget figures in June.",
            ],
            "084",
        );
    }

    #[test]
    fn an_ing_form_before_a_verb_and_a_noun_with_a_noun_modifier_are_no_verbs() {
        for (body, trigger) in [
            (
                "Fighting broke out again near the Syrian border on Sunday.",
                "Fighting",
            ),
            (
                "Kenya has taken in refugees since fighting erupted in Somalia.",
                "fighting",
            ),
            (
                "Chad has taken in 5,000 Sudanese refugees since shelling resumed in May.",
                "shelling",
            ),
            (
                "Jordan reopened its border crossing after bombing stopped last week.",
                "bombing",
            ),
            (
                "Rioters in Chile torched two police stations on Friday.",
                "stations",
            ),
            ("Chad hosts 400,000 Sudanese refugees.", "hosts"),
            ("Uganda hosted thousands of displaced Congolese.", "hosted"),
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| e.trigger.text != trigger),
                "{body}: {ev:?}"
            );
        }
        // With an auxiliary, or before its object, the -ing form is a verb.
        each_codes_dyad(&[
            (
                "Rebels fighting Malian troops seized a town.",
                "MLIREB",
                "MLIMIL",
            ),
            (
                "Turkish troops were fighting Syrian forces near Afrin.",
                "TURMIL",
                "SYRMIL",
            ),
            (
                "Israeli artillery began shelling fortified positions in Lebanon.",
                "ISRMIL",
                "LBN",
            ),
        ]);
    }

    #[test]
    fn an_aside_naming_the_event_may_stand_before_its_noun() {
        each_codes_dyad(&[
            (
                "Chile launched what it called a limited military operation against Bolivian smugglers.",
                "CHL",
                "BOL",
            ),
            (
                "Peru carried out what officials described as precision strikes on Ecuadorian positions.",
                "PER",
                "ECU",
            ),
        ]);
    }

    #[test]
    fn a_gerund_only_thought_of_is_hypothetical() {
        // What a ban is on did not happen.
        each_has_factuality(
            &[
                (
                    "A ban on senior Chadian army officers visiting Sudan was extended on Monday.",
                    "visiting",
                ),
                (
                    "Kenya lifted its ban on Somali ministers visiting Nairobi.",
                    "visiting",
                ),
            ],
            Factuality::Hypothetical,
        );
        each_has_factuality(
            &[
                ("Kenya mulled expelling the Somali ambassador.", "expelling"),
                (
                    "Spain is considering recalling its ambassador from Algeria.",
                    "recalling",
                ),
            ],
            Factuality::Hypothetical,
        );
        each_has_factuality(
            &[("Chile began expelling Peruvian diplomats.", "expelling")],
            Factuality::Asserted,
        );
    }

    #[test]
    fn an_event_noun_its_predicate_schedules_or_awaits_is_no_fact() {
        each_has_factuality(
            &[
                (
                    "Talks between Armenia and Azerbaijan are set to resume in May.",
                    "Talks",
                ),
                (
                    "A meeting between Peru and Chile is scheduled for June.",
                    "meeting",
                ),
            ],
            Factuality::Future,
        );
        each_has_factuality(
            &[
                (
                    "Officials said a deal between Sudan and Chad was close.",
                    "deal",
                ),
                ("A deal between Peru and Chile is still elusive.", "deal"),
            ],
            Factuality::Hypothetical,
        );
        each_has_factuality(
            &[(
                "Talks between Serbia and Kosovo ended without agreement on Monday.",
                "Talks",
            )],
            Factuality::Asserted,
        );
    }

    #[test]
    fn an_inverted_condition_and_a_prevented_gerund_are_no_facts() {
        each_has_factuality(
            &[
                ("Should Russia attack Moldova, NATO will respond.", "attack"),
                (
                    "Had Peru expelled the envoy, Chile would have retaliated.",
                    "expelled",
                ),
            ],
            Factuality::Conditional,
        );
        each_has_factuality(
            &[
                (
                    "The patrols aim at deterring Iran from attacking tankers.",
                    "attacking",
                ),
                (
                    "The court barred Chile from expelling the Peruvian envoy.",
                    "expelling",
                ),
                // A warning against a deed is no deed.
                (
                    "Beijing cautioned Manila against holding drills with Tokyo.",
                    "holding drills",
                ),
                (
                    "Moscow warned NATO in a televised address against inviting Georgia to talks.",
                    "inviting",
                ),
            ],
            Factuality::Hypothetical,
        );
    }

    #[test]
    fn a_gerund_after_by_is_done_by_the_subject_of_its_verb() {
        for (body, trigger, source) in [
            (
                "Peru angered Chile by recalling its ambassador.",
                "recalling",
                "PER",
            ),
            (
                "Canberra angered Beijing by calling for an inquiry into the virus.",
                "calling for",
                "AUSGOV",
            ),
        ] {
            let ev = coded(body);
            assert!(
                ev.iter()
                    .any(|e| e.trigger.text == trigger && e.source.code == source),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn what_appears_to_have_happened_is_no_fact() {
        each_has_factuality(
            &[
                (
                    "North Korea appears to have fired a missile.",
                    "fired a missile",
                ),
                ("Iran appears to have seized a British tanker.", "seized"),
            ],
            Factuality::Hypothetical,
        );
        each_has_factuality(
            &[(
                "Putin appeared on television and criticised Kyiv.",
                "criticised",
            )],
            Factuality::Asserted,
        );
    }

    #[test]
    fn a_sum_of_money_does_not_use_up_a_support_verbs_reach() {
        each_codes_dyad(&[
            (
                "Peru announced 12 million dollars in emergency aid for Bolivia.",
                "PER",
                "BOL",
            ),
            (
                "Spain approved 2.5 million euros in humanitarian assistance for Mali.",
                "ESP",
                "MLI",
            ),
        ]);
    }

    #[test]
    fn an_event_noun_that_is_a_topic_has_no_support_verb() {
        for body in [
            "Kenya launched an inquiry into the attack on Somalia.",
            "Chile published a report about the airstrike on Bolivia.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.target.is_none()), "{body}: {ev:?}");
        }
    }

    #[test]
    fn a_patterns_target_takes_coordinated_actors() {
        // "TARGET to halt … $MILOPS" binds the whole list, each one a target.
        each_has(&[
            (
                "Norway urged Armenia and Azerbaijan to halt hostilities.",
                "NOR",
                "0256",
                "ARM",
            ),
            (
                "Norway urged Armenia and Azerbaijan to halt hostilities.",
                "NOR",
                "0256",
                "AZE",
            ),
            (
                "Brazil called on Chad, Niger and Mali to release the detained aid workers.",
                "BRA",
                "0253",
                "MLI",
            ),
        ]);
    }

    #[test]
    fn a_participle_after_a_statement_noun_is_the_issuers_act() {
        each_has(&[
            (
                "Kenya issued a statement condemning Uganda.",
                "KEN",
                "111",
                "UGA",
            ),
            (
                "Chile released a communique urging Peru to release the fishermen.",
                "CHL",
                "0253",
                "PER",
            ),
        ]);
        // The statement itself takes no target from the participle's object.
        for body in [
            "Kenya issued a statement condemning Uganda.",
            "Norway issued a statement accusing Sweden of spying.",
        ] {
            let ev = coded(body);
            let statements: Vec<_> = ev.iter().filter(|e| e.cameo == "010").collect();
            assert!(
                !statements.is_empty() && statements.iter().all(|e| e.target.is_none()),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_support_verbs_pattern_does_not_reach_past_its_noun() {
        // "released a statement saying it …": no release of "it".
        each_codes_none(
            &[
                "Kenya released a statement saying it would send troops to Haiti.",
                "Ghana released a statement after it met Togo.",
            ],
            "084",
        );
    }

    #[test]
    fn a_gerund_completing_a_noun_is_not_the_subjects_act() {
        // "the deal on sending troops": whoever sends them, not the critics.
        for body in [
            "Greece and Cyprus said the pact on sending Turkish soldiers to Libya breaks the embargo.",
            "Egypt condemned the plan about deploying Ethiopian troops to Somalia.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(
                    |e| e.trigger.text != "sending" && e.trigger.text != "deploying"
                        || !matches!(e.source.code.as_str(), "GRC" | "CYP" | "EGY")
                ),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn what_an_accusation_alleges_is_not_asserted() {
        each_has_factuality(
            &[
                (
                    "Norway accused Sweden of supplying weapons to Russia.",
                    "supplying",
                ),
                (
                    "Kenya alleged that Somalia had detained Kenyan traders.",
                    "detained",
                ),
                (
                    "Oman blamed Yemen for expelling the Saudi ambassador.",
                    "expelling",
                ),
                // In the passive, and where a parse hangs the gerund on
                // the accused.
                (
                    "The IAEA was accused by Iran of cooperating with Mossad.",
                    "cooperating",
                ),
                (
                    "The Malian junta accused ECOWAS of collaborating with France.",
                    "collaborating with",
                ),
            ],
            Factuality::Hypothetical,
        );
        // A participle after a comma is the accuser's own act.
        each_has_factuality(
            &[(
                "Kenya blamed Somalia for the raid, pledging to send troops to Ethiopia.",
                "pledging",
            )],
            Factuality::Asserted,
        );
    }

    #[test]
    fn an_act_named_as_a_noun_is_its_agents() {
        // The condemned act's agent, through its "of" phrase, is the target.
        each_has(&[
            (
                "Seoul condemned the test of a rocket by Pyongyang on Sunday.",
                "KORGOV",
                "111",
                "PRKGOV",
            ),
            (
                "Manila denounced the launch of two missiles by China near its coast.",
                "PHLGOV",
                "111",
                "CHN",
            ),
        ]);
        // The act itself is the agent's, not the critic's.
        for body in [
            "Manila denounced the launch of two missiles by China near its coast.",
            "Seoul condemned the launch of three missiles by Pyongyang.",
        ] {
            let ev = coded(body);
            let force: Vec<_> = ev.iter().filter(|e| e.cameo.starts_with("15")).collect();
            assert!(
                !force.is_empty()
                    && force
                        .iter()
                        .all(|e| matches!(e.source.code.as_str(), "PRKGOV" | "CHN")),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_relative_clause_may_leave_an_event_noun_unrealised() {
        each_has_factuality(
            &[(
                "Oslo welcomed plans for talks between Serbia and Kosovo, which could open in June.",
                "talks",
            )],
            Factuality::Hypothetical,
        );
        each_has_factuality(
            &[(
                "Lima confirmed a summit between Chile and Bolivia, which will take place in Quito.",
                "summit",
            )],
            Factuality::Future,
        );
        // a relative clause in the past tells what happened
        each_has_factuality(
            &[(
                "Talks between Chile and Bolivia, which opened in Quito, went on for a week.",
                "Talks",
            )],
            Factuality::Asserted,
        );
    }

    #[test]
    fn a_negation_or_denial_in_a_side_clause_stays_there() {
        each_has_factuality(
            &[
                (
                    "Ghana, without naming Togo, condemned the raid on its border post.",
                    "condemned",
                ),
                (
                    "Chile, which did not attend the summit, criticized Peru for its tariffs.",
                    "criticized",
                ),
                (
                    "Laos, neither confirming nor denying the report, accused Thailand of spying.",
                    "accused",
                ),
            ],
            Factuality::Asserted,
        );
        // What the negation's head dominates is still denied.
        each_has_factuality(
            &[
                ("Ghana did not want to condemn Togo.", "condemn"),
                (
                    "Oman left the talks without meeting Yemeni envoys.",
                    "meeting",
                ),
            ],
            Factuality::Negated,
        );
    }

    #[test]
    fn a_ranked_noun_before_an_infinitive_says_it_was_done() {
        each_has_factuality(
            &[
                (
                    "Ghana became the first African state to recognise Kosovo.",
                    "recognise",
                ),
                (
                    "Peru was the only country to condemn the Chilean raid.",
                    "condemn",
                ),
            ],
            Factuality::Asserted,
        );
        // Not the next one to do it, nor one that could be the first.
        each_has_factuality(
            &[(
                "Chile may be the next nation to recognise Kosovo.",
                "recognise",
            )],
            Factuality::Hypothetical,
        );
        // A time phrase or a first step ranks no subject.
        each_has_factuality(
            &[
                (
                    "Ghana last week vowed to expel Togolese diplomats.",
                    "expel",
                ),
                (
                    "Sudan took the first steps to recognise Israel.",
                    "recognise",
                ),
            ],
            Factuality::Future,
        );
        each_has_factuality(
            &[(
                "Chile could become the first country to expel Russian envoys.",
                "expel",
            )],
            Factuality::Hypothetical,
        );
    }

    #[test]
    fn their_in_an_object_belongs_to_the_group_subject_up_the_tree() {
        for (body, trigger, want) in [
            (
                "Ghana and Togo dismissed a UN statement criticising their border patrols.",
                "criticising",
                ["GHA", "TGO"],
            ),
            (
                "Chile and Peru have denounced a UN letter deploring their naval drills.",
                "deploring",
                ["CHL", "PER"],
            ),
        ] {
            let ev = coded(body);
            let targets: Vec<&str> = ev
                .iter()
                .filter(|e| e.trigger.text == trigger)
                .filter_map(|e| e.target.as_ref().map(|t| t.code.as_str()))
                .collect();
            assert!(want.iter().all(|w| targets.contains(w)), "{body}: {ev:?}");
        }
        // A verb acting on named actors may own the "their".
        let ev = coded("Spain condemned Chile and Peru over their naval drills.");
        assert!(ev.iter().all(|e| e.source.code == "ESP"), "{ev:?}");
    }

    #[test]
    fn a_message_that_did_the_act_is_no_denied_claim() {
        each_has_factuality(
            &[
                (
                    "Iran rejected a UN resolution condemning Syria for the raids.",
                    "condemning",
                ),
                (
                    "Mali dismissed a UN statement urging Niger to hold talks.",
                    "urging",
                ),
            ],
            Factuality::Asserted,
        );
        each_has_factuality(
            &[("Iran denied that it attacked the Saudi tanker.", "attacked")],
            Factuality::Negated,
        );
    }

    #[test]
    fn what_a_trip_was_made_to_do_was_done() {
        each_has_factuality(
            &[
                (
                    "The Malian minister flew to Dakar on Friday to meet Senegalese officials.",
                    "meet",
                ),
                (
                    "The Syrian envoy appeared on state radio to denounce Turkey.",
                    "denounce",
                ),
                (
                    "A Thai colonel went in a jeep to meet the Cambodian commander.",
                    "meet",
                ),
            ],
            Factuality::Asserted,
        );
        // What a trip carried a mandate for is not yet done.
        let ev = coded("The Qatari envoy flew to Nairobi with a mandate to meet Somali leaders.");
        let meet = ev.iter().find(|e| e.trigger.text == "meet");
        assert!(
            meet.is_none_or(|e| e.factuality != Factuality::Asserted),
            "{ev:?}"
        );
    }

    #[test]
    fn an_order_to_leave_is_a_demand_only_on_forces() {
        each_codes_dyad(&[(
            "Turkey ordered the Greek warship to leave the area.",
            "TUR",
            "GRCMIL",
        )]);
        for body in [
            "Kenyan police ordered the protesters to leave the square.",
            "The Supreme Court ordered the Pakistani government to withdraw the bill.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.cameo != "1056"), "{body}: {ev:?}");
        }
    }

    #[test]
    fn criticism_that_dismayed_the_subject_is_the_critics() {
        each_codes_dyad(&[
            (
                "Ankara was dismayed by criticism from Athens over the drilling.",
                "GRCGOV",
                "TUR",
            ),
            (
                "Seoul said it was stung by the accusations from Tokyo.",
                "JPNGOV",
                "KOR",
            ),
        ]);
        let ev = coded("Chile was angered by the vote in Peru.");
        assert!(ev.iter().all(|e| e.root != "11"), "{ev:?}");
    }

    #[test]
    fn a_state_the_subject_is_in_is_no_passive() {
        each_codes_dyad(&[
            (
                "Kenyan police were engaged in a gun battle with Somali militants.",
                "KENCOP",
                "SOM",
            ),
            (
                "Greek warships were locked in a standoff with Turkish warships.",
                "GRCMIL",
                "TUR",
            ),
        ]);
        // A standoff of governments shows no force.
        let ev = coded("Chile was locked in a diplomatic standoff with Peru.");
        assert!(ev.iter().all(|e| e.root != "15"), "{ev:?}");
    }

    #[test]
    fn a_clash_of_governments_is_no_fighting() {
        for body in [
            "A clash between Paris and Rome over migrants soured ties.",
            "The clash between Chile and Peru over the fishing quota went on.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.root != "19"), "{body}: {ev:?}");
        }
        // Between forces it is.
        let ev = coded("Clashes between Kyrgyz and Tajik police were reported in May.");
        assert!(ev.iter().any(|e| e.root == "19"), "{ev:?}");
    }

    #[test]
    fn agreeing_to_talk_later_breaks_off_nothing() {
        for body in [
            "Chile and Peru agreed to halt the fighting and hold talks.",
            "Ghana and Togo agreed to settle the row through talks.",
        ] {
            let ev = coded(body);
            assert!(!ev.is_empty(), "{body}");
            assert!(ev.iter().all(|e| e.root != "16"), "{body}: {ev:?}");
        }
    }

    #[test]
    fn a_month_of_a_date_is_no_trigger() {
        for body in [
            "Ghana thanked Togo on 12 March.",
            "Peru handed over the trawlers to Ecuador on 1 March.",
        ] {
            let ev = coded(body);
            assert!(!ev.is_empty(), "{body}");
            assert!(
                ev.iter().all(|e| e.trigger.text != "March"),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn meeting_with_a_reception_is_no_meeting() {
        for body in [
            "The Chilean proposal met with stiff resistance from Peru.",
            "The draft has met with criticism from Kenya and Uganda.",
        ] {
            let ev = coded(body);
            assert!(ev.iter().all(|e| e.root != "04"), "{body}: {ev:?}");
        }
        // A meeting with a delegation is still one.
        let ev = coded("Chile met with a delegation from Peru amid criticism.");
        assert!(ev.iter().any(|e| e.root == "04"), "{ev:?}");
    }

    #[test]
    fn a_stated_desire_to_act_is_an_intent() {
        for body in [
            "Japan expressed its desire to improve ties with China.",
            "Peru reiterated its willingness to improve relations with Chile.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().any(|e| e.root == "03"
                    && e.factuality == Factuality::Asserted
                    && e.target.is_some()),
                "{body}: {ev:?}"
            );
        }
    }
}
