//! Clause analysis on raw text: triggers, subjects, targets, voice,
//! coordination, factuality and dates, sentence by sentence.
//!
//! For each sentence:
//! 1. **Triggers.** Every token that is a verb form of a trigger (with its
//!    particle) or a support verb followed within four words by an event noun
//!    ("held talks", "imposed sanctions") is a trigger. A trigger that is the
//!    infinitive of another trigger ("vowed to retaliate") is left to the
//!    governing verb's patterns.
//! 2. **Source.** The nearest actor mention left of the trigger that is not
//!    the object of a preposition, skipping apposition roles; coordinated
//!    actors before it ("A, B and C met") join it. Reported speech works by
//!    proximity: in "X said Y attacked Z", Y is nearest to "attacked".
//!    A passive trigger ("was shelled by …") takes its source from the `by`
//!    phrase and its target from the subject.
//! 3. **Target and code.** The trigger's patterns are matched against the
//!    words that follow; the first match gives the code and binds `TARGET`.
//!    Without a match, the default code applies and the target is the first
//!    actor after the trigger in the clause that is not a place ("in Seoul").
//!    Joint events (roots 03–06) with several sources and no target become
//!    pairs.
//! 4. **Factuality.** Cues between the source and the trigger: negation
//!    (not, never, no), modals (could, would, might, may), conditionals (if,
//!    unless), future (will, plans to). A statement of intent ("will promote
//!    cooperation", "plans to meet") of a cooperative event is an asserted
//!    03 event; a hedged one is not.
//! 5. **Date.** The date expression nearest the trigger in the sentence,
//!    resolved against the article date; else the article date.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use faultline_actors::{Mention, Via};
use faultline_dates::{EventDate, find_event_dates};
use faultline_text::Token;

use crate::cameo::{self, CodeTable};
use crate::dict::lexicon::lex;
use crate::event::{ActorRef, Event, Factuality, Plover, SentenceRef, TriggerRef};
use crate::verbs::{self, Pattern, Tok, Trigger, TriggerKind, VerbDict};
use faultline_text::lexicon::WordList;

/// One token of the sentence with its lower-case text.
struct W {
    start: usize,
    end: usize,
    lower: String,
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
}

fn actor_ref(m: &Mention) -> ActorRef {
    ActorRef {
        text: m.text.clone(),
        code: m.code.clone(),
        country: m.country.clone(),
        start: m.start,
        end: m.end,
        via: m.via,
    }
}

/// True when a date expression names its year ("Oct. 7, 2014", "2010").
/// Whether the infinitive at `verb` completes an instrument a body enacted
/// in this clause: "voted on a resolution to expel", "passed a bill to ban".
fn enacted_demand(words: &[W], clause_start: usize, verb: usize) -> bool {
    verb >= 2
        && lex().instruments.contains(&words[verb - 2].lower)
        && (clause_start..verb - 2).any(|k| lex().enacting_verbs.contains(&words[k].lower))
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

fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
}

/// Intent code for a cooperative event announced for the future ("will meet" → 036).
fn intent_code(code: &str) -> Option<String> {
    let r = cameo::root(code);
    let c = match r {
        "04" => {
            if code.starts_with("045") {
                "039"
            } else {
                "036"
            }
        }
        "05" => "032",
        "06" => match code.get(..3) {
            Some("061") => "0311",
            Some("062") => "0312",
            Some("063") => "0313",
            Some("064") => "0314",
            _ => "031",
        },
        "07" => "033",
        "08" => "035",
        "01" | "02" | "03" => return Some(code.to_owned()),
        _ => return None,
    };
    Some(c.to_owned())
}

/// Threat code for a conflict event announced for the future ("will retaliate").
fn threat_code(code: &str) -> Option<&'static str> {
    match cameo::root(code) {
        "15" | "18" | "19" | "20" => Some("138"),
        "16" => Some("1312"),
        "17" => Some("137"),
        _ => None,
    }
}

/// The rejection a stated refusal of a cooperative act amounts to ("will not
/// meet" → 125 reject a proposal to meet; "would not consider" → 120): only
/// for verbal and material cooperation, not for conflict ("will not attack"
/// is no rejection).
fn refusal_code(code: &str) -> Option<&'static str> {
    match cameo::root(code) {
        "04" => Some("125"),
        "06" | "07" => Some("121"),
        "03" | "05" => Some("120"),
        // "would not consider", but not "would not comment" (010–013).
        "01" if code == "014" => Some("120"),
        _ => None,
    }
}

/// Codes whose events are mutual whoever the grammar makes the source:
/// consult, discuss by telephone, meet at a third location, negotiate.
fn is_mutual(code: &str) -> bool {
    matches!(code, "040" | "041" | "044" | "046")
}

/// Codes whose events are joint by nature (consult, cooperate).
fn is_joint(code: &str) -> bool {
    matches!(cameo::root(code), "03" | "04" | "05" | "06")
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
}

impl Engine<'_> {
    /// Codes one sentence, appending events to `out`.
    #[allow(clippy::too_many_lines)]
    pub fn code_sentence(&self, inp: &SentenceInput<'_>, out: &mut Vec<Event>) {
        let body = inp.body;
        let text = &body[inp.start..inp.end];
        let toks: Vec<Token> = faultline_text::tokens(text, inp.start);
        let words: Vec<W> = toks
            .iter()
            .map(|t| W {
                start: t.span.start,
                end: t.span.end,
                lower: body[t.span.start..t.span.end].to_lowercase(),
            })
            .collect();
        if words.is_empty() {
            return;
        }
        // Actor mentions that act (not apposition roles).
        let actors: Vec<&Mention> = inp.mentions.iter().filter(|m| !m.appositive).collect();
        let in_mention = |i: usize| {
            actors
                .iter()
                .any(|m| words[i].start >= m.start && words[i].end <= m.end)
        };

        // 1. Triggers.
        let mut found: Vec<Found> = Vec::new();
        let mut used: HashSet<usize> = HashSet::new();
        for i in 0..words.len() {
            if in_mention(i) {
                continue;
            }
            // Event nouns after support verbs first (more specific).
            for &t in self.verbs.supported_by(&words[i].lower) {
                let TriggerKind::Noun { nouns } = &self.verbs.triggers[t].kind else {
                    continue;
                };
                'noun: for j in i + 1..(i + 6).min(words.len()) {
                    // A role word used as a modifier ("a military offensive")
                    // stays inside the noun phrase.
                    let modifier = actors.iter().any(|m| {
                        m.via == Via::Context
                            && m.start == words[j].start
                            && m.end == words[j].end
                            && body[m.start..m.end].chars().all(|c| c.is_lowercase())
                    }) && j + 1 < words.len()
                        && !in_mention(j + 1);
                    if modifier {
                        continue;
                    }
                    if in_mention(j)
                        || matches!(
                            words[j].lower.as_str(),
                            "," | ";" | "." | "and" | "to" | "that"
                        )
                    {
                        break;
                    }
                    for n in nouns {
                        if j + n.len() <= words.len()
                            && n.iter().enumerate().all(|(k, w)| words[j + k].lower == *w)
                        {
                            found.push(Found {
                                candidates: vec![t],
                                verb: i,
                                after: j + n.len(),
                                noun_len: n.len(),
                                between: None,
                            });
                            used.extend(i..j + n.len());
                            break 'noun;
                        }
                    }
                }
            }
        }
        // Event nouns with no support verb but their parties: "talks between
        // Seoul and Tokyo", "a meeting in Cairo between A and B".
        for i in 0..words.len() {
            if in_mention(i) || used.contains(&i) {
                continue;
            }
            for &t in self.verbs.nouns_for(&words[i].lower) {
                let TriggerKind::Noun { nouns } = &self.verbs.triggers[t].kind else {
                    continue;
                };
                let Some(n) = nouns.iter().find(|n| {
                    i + n.len() <= words.len()
                        && n.iter().enumerate().all(|(k, w)| words[i + k].lower == *w)
                }) else {
                    continue;
                };
                let after = i + n.len();
                let Some(b) =
                    (after..(after + 4).min(words.len())).find(|&k| words[k].lower == "between")
                else {
                    continue;
                };
                if b + 1 < words.len()
                    && actors.iter().any(|m| {
                        m.start == words[b + 1].start
                            || (m.start > words[b].end
                                && m.start <= words[(b + 4).min(words.len() - 1)].start)
                    })
                {
                    found.push(Found {
                        candidates: vec![t],
                        verb: i,
                        after,
                        noun_len: n.len(),
                        between: Some(b + 1),
                    });
                    used.extend(i..after);
                    break;
                }
            }
        }
        // One event noun per support verb: the longest ("joint military exercises" over "exercises").
        let mut by_verb: std::collections::HashMap<usize, Found> = std::collections::HashMap::new();
        for f in found.drain(..) {
            match by_verb.get(&f.verb) {
                Some(prev) if prev.noun_len >= f.noun_len => {}
                _ => {
                    by_verb.insert(f.verb, f);
                }
            }
        }
        found.extend(by_verb.into_values());
        found.sort_by_key(|f| f.verb);
        let actor_at_tok = |i: usize| {
            actors
                .iter()
                .position(|m| words[i].start == m.start)
                .map(|a| (a, actors[a].end))
        };
        for i in 0..words.len() {
            if in_mention(i) {
                continue;
            }
            if used.contains(&i) {
                // A support verb whose own patterns match ("lodged a protest
                // with Tokyo" → lodge's 114) wins over the event noun.
                if found.iter().any(|f| f.verb == i && f.between.is_some()) {
                    // The noun itself ("meeting between A and B"): no verb here.
                    continue;
                }
                let noun_at = found.iter().position(|f| f.verb == i);
                let verb_matches = self.verbs.verbs_for(&words[i].lower).iter().any(|&t| {
                    let trig = &self.verbs.triggers[t];
                    let TriggerKind::Verb { particle } = &trig.kind else {
                        return false;
                    };
                    let after = i + 1 + particle.len();
                    particle
                        .iter()
                        .enumerate()
                        .all(|(k, p)| words.get(i + 1 + k).is_some_and(|w| w.lower == *p))
                        && trig.patterns.iter().any(|p| {
                            match_one(p, &words, after, words.len(), &actor_at_tok).is_some()
                        })
                });
                match noun_at {
                    Some(n) if verb_matches => {
                        found.remove(n);
                    }
                    _ => continue,
                }
            }
            for &t in self.verbs.verbs_for(&words[i].lower) {
                let TriggerKind::Verb { particle } = &self.verbs.triggers[t].kind else {
                    continue;
                };
                let ok = particle
                    .iter()
                    .enumerate()
                    .all(|(k, p)| words.get(i + 1 + k).is_some_and(|w| w.lower == *p));
                if ok {
                    // The longest particle wins; triggers of equal length are all tried.
                    let after = i + 1 + particle.len();
                    if let Some(prev) = found.iter_mut().find(|f| f.verb == i) {
                        if after > prev.after {
                            *prev = Found {
                                candidates: vec![t],
                                verb: i,
                                after,
                                noun_len: 0,
                                between: None,
                            };
                        } else if after == prev.after && !prev.candidates.contains(&t) {
                            prev.candidates.push(t);
                        }
                    } else {
                        found.push(Found {
                            candidates: vec![t],
                            verb: i,
                            after,
                            noun_len: 0,
                            between: None,
                        });
                    }
                }
            }
        }
        found.sort_by_key(|f| f.verb);
        // A verb used as a noun after a determiner ("the attack", "an agreement")
        // or a noun modifier ("the air strike"), or a participle right after a
        // common noun ("an effort intended to"), is not a verb trigger.
        found.retain(|f| {
            let is_noun = matches!(
                self.verbs.triggers[f.candidates[0]].kind,
                TriggerKind::Noun { .. }
            );
            if is_noun || f.verb == 0 {
                return true;
            }
            let prev = words[f.verb - 1].lower.as_str();
            let prev_in_mention = in_mention(f.verb - 1);
            // "strike back", "fought back", "came back": after a verb, "back"
            // is a particle, not the verb "back" (support).
            if words[f.verb].lower == "back"
                && (!self.verbs.verbs_for(prev).is_empty()
                    || prev.ends_with("ed")
                    || matches!(
                        prev,
                        "come"
                            | "came"
                            | "go"
                            | "went"
                            | "get"
                            | "got"
                            | "bring"
                            | "brought"
                            | "hold"
                            | "held"
                            | "give"
                            | "gave"
                            | "pay"
                            | "paid"
                            | "hit"
                            | "struck"
                            | "fought"
                            | "step"
                            | "scale"
                            | "roll"
                            | "turn"
                            | "look"
                            | "call"
                            | "write"
                            | "wrote"
                            | "answer"
                            | "talk"
                            | "set"
                            | "cut"
                            | "push"
                            | "pull"
                    ))
            {
                return false;
            }
            // An -s form ("talks", "freezes", "sanctions") is a verb only right
            // after its subject (an actor), an adverb or a pronoun; elsewhere
            // ("opened talks", "asset freezes", "how long sanctions") it is a noun.
            let w = words[f.verb].lower.as_str();
            let is_s_form = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
            let verb_context = prev_in_mention
                || prev.ends_with("ly")
                || lex().soft_adverbs.contains(prev)
                || matches!(
                    prev,
                    "he" | "she"
                        | "it"
                        | "who"
                        | "which"
                        | "that"
                        | "also"
                        | "now"
                        | "still"
                        | "never"
                        | "often"
                );
            if is_s_form && !verb_context {
                return false;
            }
            // "allegations of torture", "talk of war": after a preposition, a noun.
            if !prev_in_mention
                && lex().prepositions.contains(prev)
                && prev != "to"
                && !w.ends_with("ing")
            {
                return false;
            }
            // "a four-year freeze", "the planned visit": determiner, modifier, noun.
            if f.verb >= 2
                && !prev_in_mention
                && matches!(
                    words[f.verb - 2].lower.as_str(),
                    "a" | "an"
                        | "the"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "this"
                        | "that"
                        | "any"
                        | "no"
                )
                && body[words[f.verb - 1].start..words[f.verb - 1].end]
                    .chars()
                    .all(|c| c.is_lowercase() || c == '-' || c.is_ascii_digit())
            {
                return false;
            }
            if lex().noun_modifiers.contains(prev) && !prev_in_mention {
                return false;
            }
            let w = words[f.verb].lower.as_str();
            let participle = w.ends_with("ed");
            let prev_original = &body[words[f.verb - 1].start..words[f.verb - 1].end];
            let prev_is_common_noun = prev_original.chars().all(|c| c.is_ascii_lowercase())
                && !prev.ends_with("ly")
                && !lex().soft_adverbs.contains(prev)
                && !lex().be.contains(prev)
                && !lex().non_nouns.contains(prev)
                && !prev_in_mention;
            // "Nigerian gunmen abducted": the noun heads a phrase that starts with an actor.
            let heads_actor_phrase = f.verb >= 2 && in_mention(f.verb - 2);
            !(participle && prev_is_common_noun && !heads_actor_phrase)
        });
        found.retain(|f| {
            let is_noun = matches!(
                self.verbs.triggers[f.candidates[0]].kind,
                TriggerKind::Noun { .. }
            );
            is_noun
                || f.verb == 0
                || !matches!(
                    words[f.verb - 1].lower.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "this"
                        | "that"
                        | "these"
                        | "those"
                        | "any"
                        | "no"
                )
        });

        let dates: Vec<EventDate> = find_event_dates(text, inp.anchor)
            .into_iter()
            .map(|d| EventDate {
                start: d.start + inp.start,
                end: d.end + inp.start,
                ..d
            })
            .collect();
        let trigger_verbs: HashSet<usize> = found.iter().map(|f| f.verb).collect();

        let mut n_event = 0usize;
        // Triggers already used up by an earlier trigger's pattern ("urged X to release…").
        let mut consumed: HashSet<usize> = HashSet::new();
        // Sources of the last event in the sentence, for participle clauses.
        let mut last_sources: Vec<usize> = Vec::new();
        let verb_starts: Vec<usize> = found.iter().map(|f| f.verb).collect();
        // The subjects of the verb triggers coded so far, by verb word.
        let mut verb_subjects: Vec<(usize, Option<Vec<usize>>)> = Vec::new();
        for (fi, f) in found.iter().enumerate() {
            if consumed.contains(&f.verb) {
                continue;
            }
            let trig: &Trigger = &self.verbs.triggers[f.candidates[0]];
            let verb_start = words[f.verb].start;
            // The clause ends at a semicolon, colon or dash; default targets
            // are looked for only up to the next trigger.
            let clause_end = (f.after..words.len())
                .find(|&k| matches!(words[k].lower.as_str(), ";" | ":" | "—" | "–"))
                .unwrap_or(words.len());
            // Infinitives: "vowed to retaliate", "agreed to meet", "plans to visit".
            let mut governed_intent = false;
            let mut governed_fail = false;
            let mut governed_other = false;
            if f.verb >= 2 && words[f.verb - 1].lower == "to" {
                let mut g = f.verb - 2;
                while g > 0 && lex().soft_adverbs.contains(&words[g].lower) {
                    g -= 1;
                }
                let clause_from = (0..f.verb)
                    .rev()
                    .find(|&k| matches!(words[k].lower.as_str(), ";"))
                    .map_or(0, |k| k + 1);
                if trigger_verbs
                    .iter()
                    .any(|&t| t >= clause_from && t < f.verb)
                {
                    // Governed by an earlier trigger of the clause: its patterns speak for it.
                    continue;
                }
                let gw = words[g].lower.as_str();
                governed_intent = lex().intent_verbs.contains(gw)
                    || (g >= 1
                        && matches!(words[g - 1].lower.as_str(), "is" | "are" | "was" | "were")
                        && lex().intent_verbs.contains(gw));
                governed_fail = lex().fail_verbs.contains(gw);
                governed_other = !governed_intent
                    && !governed_fail
                    && !matches!(
                        gw,
                        "tried"
                            | "attempted"
                            | "managed"
                            | "began"
                            | "started"
                            | "continued"
                            | "moved"
                            | "went"
                            | "came"
                            | "used"
                    );
            }

            // Voice.
            let mut k = f.verb;
            while k > 0 && lex().soft_adverbs.contains(&words[k - 1].lower) {
                k -= 1;
            }
            let verb_word = words[f.verb].lower.as_str();
            let participle = !verb_word.ends_with("ing")
                && (verb_word.ends_with("ed")
                    || verb_word.ends_with('n')
                    || verb_word.ends_with('t'));
            let after_mention = k > 0 && actors.iter().any(|m| m.end == words[k - 1].end);
            let reduced_relative = participle
                && after_mention
                && found[..fi].iter().any(|p| p.verb + 1 < k)
                && !(f.after < words.len()
                    && actors.iter().any(|m| m.start == words[f.after].start));
            let passive = matches!(trig.kind, TriggerKind::Verb { .. })
                && participle
                && ((k > 0 && lex().be.contains(&words[k - 1].lower)) || reduced_relative);

            // Source and target mentions.
            let subject = match f.between {
                // "talks between A and B": the parties are the actors after "between".
                Some(b) => actors
                    .iter()
                    .position(|m| m.start >= words[b].start)
                    .map(|first| self.chain_right(body, &actors, first, inp.mentions)),
                None => self.subject(&words, &actors, body, verb_start, inp.mentions),
            };
            // Coordinated verbs share their subject: "Iran issued warrants on
            // people involved in Soleimani's killing and demanded …" — the
            // nearest actor before "and demanded" sits in the first verb's
            // object; the subject is the first verb's.
            let subject = match (f.between, k.checked_sub(1).map(|a| words[a].lower.as_str())) {
                (None, Some("and")) => {
                    let earlier = verb_subjects
                        .iter()
                        .rev()
                        .find(|(v, s)| *v + 1 < k && s.is_some());
                    // The actor picked is the object of the earlier verb's event.
                    let object_of = |v: usize, i: usize| {
                        out.iter()
                            .rev()
                            .take_while(|e| e.sentence.index == inp.index)
                            .any(|e| {
                                e.trigger.start == words[v].start
                                    && e.target
                                        .as_ref()
                                        .is_some_and(|t| t.start == actors[i].start)
                            })
                    };
                    // Or it stands after the earlier verb with nothing of its own
                    // before "and" ("for the Syrian Army to enter and deploy":
                    // the army has its own verb).
                    let in_object = |v: usize, i: usize| {
                        let m = actors[i];
                        m.start > words[v].start
                            && !words.iter().any(|w| {
                                w.start >= m.end
                                    && w.end <= words[k - 1].start
                                    && matches!(
                                        w.lower.as_str(),
                                        "to" | "who"
                                            | "which"
                                            | "that"
                                            | ","
                                            | ";"
                                            | "said"
                                            | "says"
                                    )
                            })
                    };
                    match (earlier, &subject) {
                        (Some((v, Some(s0))), Some(s))
                            if s.first()
                                .is_some_and(|&i| object_of(*v, i) || in_object(*v, i)) =>
                        {
                            Some(s0.clone())
                        }
                        (Some((_, Some(s0))), None) => Some(s0.clone()),
                        _ => subject,
                    }
                }
                _ => subject,
            };
            if f.between.is_none() {
                verb_subjects.push((f.verb, subject.clone()));
            }
            let own_countries: Vec<&str> = subject
                .iter()
                .flatten()
                .filter_map(|&s| actors[s].country.as_deref())
                .collect();
            let (mut sources, mut targets, code, rule, matched) = if passive {
                let by = (f.after..clause_end).find(|&k| words[k].lower == "by");
                let agent = by.and_then(|b| {
                    actors
                        .iter()
                        .position(|m| words.get(b + 1).is_some_and(|w| w.start == m.start))
                });
                let (_, code, rule, _, matched, _) = self.match_patterns(
                    &f.candidates,
                    &words,
                    &actors,
                    f.after,
                    clause_end,
                    &verb_starts,
                    true,
                    &[],
                );
                let sources = agent
                    .map(|a| self.chain_right(body, &actors, a, inp.mentions))
                    .unwrap_or_default();
                (
                    sources,
                    subject.clone().unwrap_or_default(),
                    code,
                    rule,
                    matched,
                )
            } else {
                let (_, code, rule, target, matched, match_end) = self.match_patterns(
                    &f.candidates,
                    &words,
                    &actors,
                    f.after,
                    clause_end,
                    &verb_starts,
                    false,
                    &own_countries,
                );
                // Triggers inside the matched words belong to this event.
                for later in &found[fi + 1..] {
                    if later.verb >= f.after && later.verb < match_end {
                        consumed.insert(later.verb);
                    }
                }
                let targets = target
                    .map(|t| self.chain_right(body, &actors, t, inp.mentions))
                    .unwrap_or_default();
                (
                    subject.clone().unwrap_or_default(),
                    targets,
                    code,
                    rule,
                    matched,
                )
            };
            // ", supporting …" / ", committing to …": a participle clause after a
            // comma shares the subject of the clause before it.
            if !passive
                && words[f.verb].lower.ends_with("ing")
                && f.verb > 0
                && words[f.verb - 1].lower == ","
                && !last_sources.is_empty()
            {
                sources = last_sources.clone();
                targets.retain(|t| !sources.contains(t));
            }
            // "talks between A and B": the pair is both actors.
            if sources.is_empty() && targets.len() >= 2 && is_joint(&code) {
                sources = vec![targets.remove(0)];
            }
            if sources.is_empty() {
                continue;
            }
            last_sources = sources.clone();
            targets.retain(|t| !sources.contains(t));
            // Force posture and concessions act on one's own forces ("stationed
            // troops", "withdrew its forces"): those are not targets.
            if matches!(cameo::root(&code), "15" | "08") {
                let own: HashSet<Option<&str>> = sources
                    .iter()
                    .map(|&s| actors[s].country.as_deref())
                    .collect();
                targets.retain(|&t| {
                    !(actors[t].via == Via::Context && own.contains(&actors[t].country.as_deref()))
                });
            }

            // Factuality.
            let left_bound = sources
                .iter()
                .map(|&s| actors[s].end)
                .max()
                .unwrap_or(inp.start)
                .min(verb_start);
            let window: Vec<&W> = words
                .iter()
                .filter(|w| w.start >= left_bound && w.end <= verb_start)
                .collect();
            let (mut factuality, mut cue) = (Factuality::Asserted, None::<String>);
            let has = |list: &WordList| {
                window
                    .iter()
                    .find(|w| list.contains(&w.lower))
                    .map(|w| w.lower.clone())
            };
            let clause_start = (0..f.verb)
                .rev()
                .find(|&k| matches!(words[k].lower.as_str(), ";"))
                .map_or(0, |k| k + 1);
            let cond = (clause_start..f.verb)
                .find(|&k| matches!(words[k].lower.as_str(), "if" | "unless" | "whether"));
            let reported = (0..f.verb).any(|k| lex().reporting_verbs.contains(&words[k].lower));
            let denial = (clause_start..f.verb).find(|&k| lex().denials.contains(&words[k].lower));
            let mut intent = false;
            let mut enacted = false;
            let mut refusal: Option<&'static str> = None;
            if let Some(n) = has(&lex().negations) {
                // "Turkey will not meet …", "Interpol would not consider
                // requests": a stated refusal is itself an event (12).
                // The modal and negation right before the verb: "would not
                // consider", "will not meet" (not "will not be deterred … and
                // defend").
                let modal = (f.verb.saturating_sub(2)..f.verb)
                    .find(|&j| matches!(words[j].lower.as_str(), "not" | "n't" | "never"))
                    .filter(|&j| j > 0)
                    .map(|j| words[j - 1].lower.clone())
                    .filter(|m| matches!(m.as_str(), "will" | "would" | "wo" | "shall"));
                match (modal, refusal_code(&code)) {
                    (Some(m), Some(r)) if self.intent_codes => {
                        refusal = Some(r);
                        cue = Some(format!("{m} {n}"));
                    }
                    _ => {
                        factuality = Factuality::Negated;
                        cue = Some(n);
                    }
                }
            } else if governed_fail {
                factuality = Factuality::Negated;
                cue = Some(words[f.verb - 2].lower.clone());
            } else if let Some(c) = cond {
                if self.intent_codes
                    && threat_code(&code).is_some()
                    && let Some(fut) = has(&lex().future)
                {
                    // "If Turkey does anything …, I will destroy …": a
                    // promise of force or sanctions on a condition is a
                    // threat, and the threat itself was made.
                    intent = true;
                    cue = Some(format!("{} … {fut}", words[c].lower));
                } else {
                    factuality = Factuality::Conditional;
                    cue = Some(words[c].lower.clone());
                }
            } else if let Some(h) = has(&lex().hedges) {
                if h == "would" && reported {
                    intent = true;
                    cue = Some(h);
                } else {
                    factuality = Factuality::Hypothetical;
                    cue = Some(h);
                }
            } else if let Some(fut) = has(&lex().future) {
                intent = true;
                cue = Some(fut);
            } else if governed_intent {
                intent = true;
                cue = Some(words[f.verb - 2].lower.clone());
            } else if governed_other
                && self.intent_codes
                && enacted_demand(&words, clause_start, f.verb)
            {
                // "Parliament voted for a resolution to expel US troops": the
                // vote is a real demand; the expulsion has not happened.
                enacted = true;
                cue = Some(format!("{} to", words[f.verb - 2].lower));
            } else if governed_other {
                factuality = Factuality::Future;
                cue = Some(format!("{} to", words[f.verb - 2].lower));
            } else if let Some(d) = denial {
                factuality = Factuality::Negated;
                cue = Some(words[d].lower.clone());
            }
            // Noun triggers negated by "no" before the noun ("no talks have been held").
            if matches!(trig.kind, TriggerKind::Noun { .. }) && factuality == Factuality::Asserted {
                let noun_start =
                    (f.verb + 1..f.after).find(|&k| k > 0 && words[k - 1].lower == "no");
                if noun_start.is_some() {
                    factuality = Factuality::Negated;
                    cue = Some("no".to_owned());
                }
            }
            let mut code = match (enacted, refusal) {
                (true, _) => "100".to_owned(),
                (false, Some(r)) => r.to_owned(),
                (false, None) => code,
            };
            if intent && !self.intent_codes {
                factuality = Factuality::Future;
            } else if intent {
                if let Some(c) = intent_code(&code) {
                    code = c;
                } else if let Some(c) = threat_code(&code) {
                    code = c.to_owned();
                } else {
                    factuality = Factuality::Future;
                }
            }

            // Date.
            let (mut date, date_source, date_text, date_future) =
                self.date_for(inp, &dates, verb_start, clause_start, &words);
            // A planned event's "June 9" is the next June 9, not the last
            // one, and its "Monday" the next Monday. Deictic dates
            // ("yesterday", "last week", "three days ago") never move.
            if (intent || factuality == Factuality::Future)
                && let Some(t) = &date_text
                && !has_year(t)
                && let Ok(d) = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
                && d < inp.anchor
                && let Some(next) = calendar_ahead(t, d)
            {
                date = next.format("%Y-%m-%d").to_string();
            }
            if date_future && factuality == Factuality::Asserted && !intent {
                factuality = Factuality::Future;
                cue = cue.or_else(|| date_text.clone());
            }

            if !verbs::is_event_code(&code) {
                // "---": the dictionary says this use of the verb is no event.
                continue;
            }
            let info = self.codes.get(&code);
            let confidence = {
                let mut c: f64 = if matched { 0.85 } else { 0.65 };
                if sources
                    .iter()
                    .any(|&s| matches!(actors[s].via, Via::Context | Via::Coreference))
                {
                    c -= 0.1;
                }
                if passive {
                    c -= 0.05;
                }
                if targets.is_empty() {
                    c -= 0.05;
                }
                (c.max(0.3) * 100.0).round() / 100.0
            };
            let trigger_text =
                &body[words[f.verb].start..words[f.after.saturating_sub(1).max(f.verb)].end];
            let sentence = SentenceRef {
                index: inp.index,
                start: inp.start,
                end: inp.end,
                text: text.to_owned(),
            };
            let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
            if targets.is_empty() {
                if sources.len() >= 2
                    && (is_joint(&code) || self.verbs.triggers[f.candidates[0]].joint)
                {
                    // "A and B agreed": a joint event, coded in both directions.
                    for &a in &sources {
                        for &b in &sources {
                            if a != b {
                                pairs.push((a, Some(b)));
                            }
                        }
                    }
                } else {
                    pairs.extend(sources.iter().map(|&s| (s, None)));
                }
            } else {
                for &s in &sources {
                    for &t in &targets {
                        pairs.push((s, Some(t)));
                        // Meeting and negotiating are mutual: "A met B" is also B meeting A.
                        if is_mutual(&code) {
                            pairs.push((t, Some(s)));
                        }
                    }
                }
            }
            for (s, t) in pairs {
                n_event += 1;
                let source = actor_ref(actors[s]);
                let target = t.map(|t| actor_ref(actors[t]));
                // An actor does not act on itself ("Indian troops … the fallen soldiers"):
                // such a target is dropped, the event stays.
                let target = target.filter(|t| {
                    t.code != source.code
                        // "Trump withdrew the US from …": a government does not cooperate
                        // with or concede to its own country; conflict with it stays.
                        && !(t.code.len() == 3
                            && t.country == source.country
                            && cameo::quad_class(&code) <= 2
                            && matches!(source.code.get(3..6), None | Some("GOV" | "ELI")))
                });
                out.push(Event {
                    id: format!("{}:{}:{}", inp.doc_id, inp.index, n_event),
                    source,
                    target,
                    cameo: code.clone(),
                    root: cameo::root(&code).to_owned(),
                    quad_class: cameo::quad_class(&code),
                    goldstein: info.map_or(0.0, |i| i.goldstein),
                    plover: Plover {
                        kind: info.map_or_else(String::new, |i| i.plover.clone()),
                        mode: info.map_or_else(String::new, |i| i.mode.clone()),
                        context: factuality.plover_context().to_owned(),
                    },
                    date: date.clone(),
                    date_source,
                    date_text: date_text.clone(),
                    factuality,
                    factuality_cue: cue.clone(),
                    sentence: sentence.clone(),
                    trigger: TriggerRef {
                        text: trigger_text.to_owned(),
                        start: words[f.verb].start,
                        end: words[f.after.saturating_sub(1).max(f.verb)].end,
                    },
                    rule: rule.clone(),
                    confidence,
                });
            }
        }
    }

    /// The subject of a trigger: nearest acting mention to its left (not a
    /// prepositional object), with the actors coordinated before it.
    fn subject(
        &self,
        words: &[W],
        actors: &[&Mention],
        body: &str,
        verb_start: usize,
        all_mentions: &[Mention],
    ) -> Option<Vec<usize>> {
        let word_before = |pos: usize| -> Option<&str> {
            words
                .iter()
                .rev()
                .find(|w| w.end <= pos)
                .map(|w| w.lower.as_str())
        };
        // Relative clauses closed before the verb ("Russia, which backs
        // President Assad, urged …"): their actors are not the subject.
        let sentence_start = words.first().map_or(0, |w| w.start);
        let text = body.get(sentence_start..verb_start).unwrap_or("");
        let mut relative: Vec<(usize, usize)> = Vec::new();
        for marker in [", which ", ", who ", ", whose ", ", where "] {
            for (at, _) in text.match_indices(marker) {
                if let Some(close) = text[at + marker.len()..].find(',') {
                    let from = sentence_start + at;
                    relative.push((from, from + marker.len() + close));
                }
            }
        }
        let mut pick = None;
        for (i, m) in actors.iter().enumerate().rev() {
            if m.end > verb_start {
                continue;
            }
            if relative.iter().any(|&(a, b)| m.start > a && m.end <= b) {
                continue;
            }
            // Stop at a clause boundary: ";" between the mention and the verb
            // when the mention is not part of a coordinated list.
            let between = &body[m.end..verb_start];
            if between.contains(['(', ')']) && !between.contains(')') {
                continue;
            }
            let before = word_before(m.start);
            // "after Trump had a call" — after/before/since/until start clauses too.
            // "thousands of Iraqis protested": a quantity's "of" is no preposition.
            let quantity_of = before == Some("of")
                && words
                    .iter()
                    .rev()
                    .filter(|w| w.end <= m.start)
                    .nth(1)
                    .is_some_and(|w| lex().quantities.contains(&w.lower));
            if !quantity_of
                && before.is_some_and(|b| {
                    lex().prepositions.contains(b)
                        && !matches!(b, "by" | "after" | "before" | "since" | "until" | "as")
                })
            {
                // "according to X" and "in Seoul" are not subjects.
                continue;
            }
            if m.text.ends_with("'s")
                || m.text.ends_with("’s")
                || body[m.end..].starts_with("'s")
                || body[m.end..].starts_with("’s")
            {
                // A possessive ("Japan's minister") is not the subject when a noun follows.
                let rest = body[m.end..verb_start]
                    .trim_start_matches(['\'', '’', 's'])
                    .trim();
                if !rest.is_empty() {
                    continue;
                }
            }
            // "state media said the drones struck": a reporter before a speech
            // verb is not the subject of the reported clause.
            let reported = body
                .get(m.end..verb_start)
                .unwrap_or("")
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| lex().reported_by.contains(w));
            if reported {
                break;
            }
            pick = Some(i);
            break;
        }
        let first = pick?;
        // Coordinated actors before it: "A, B and C", "A; B; and C" (through appositions).
        let mut chain = vec![first];
        let mut cur = first;
        while cur > 0 {
            let prev = cur - 1;
            let gap = gap_without_title(body, actors[prev].end, actors[cur], all_mentions);
            if is_coordination(&gap) {
                chain.insert(0, prev);
                cur = prev;
            } else {
                break;
            }
        }
        Some(with_same_span(actors, chain))
    }

    /// The actor at `first` and those coordinated after it.
    fn chain_right(
        &self,
        body: &str,
        actors: &[&Mention],
        first: usize,
        all_mentions: &[Mention],
    ) -> Vec<usize> {
        let mut chain = vec![first];
        let mut cur = first;
        while cur + 1 < actors.len() {
            let gap = gap_without_title(body, actors[cur].end, actors[cur + 1], all_mentions);
            if is_coordination(&gap) {
                chain.push(cur + 1);
                cur += 1;
            } else {
                break;
            }
        }
        with_same_span(actors, chain)
    }

    /// Matches the patterns of the candidate triggers (all triggers of this
    /// verb form): the first matching pattern of any wins; otherwise the first
    /// candidate's default code applies. Returns the trigger used, code, rule,
    /// target actor, and whether a pattern matched.
    #[allow(clippy::too_many_arguments)]
    fn match_patterns(
        &self,
        candidates: &[usize],
        words: &[W],
        actors: &[&Mention],
        after: usize,
        clause_end: usize,
        trigger_starts: &[usize],
        passive: bool,
        own: &[&str],
    ) -> (usize, String, String, Option<usize>, bool, usize) {
        let actor_at = |i: usize| {
            actors
                .iter()
                .position(|m| words[i].start == m.start)
                .map(|a| (a, actors[a].end))
        };
        let mut hit = None;
        'outer: for &c in candidates {
            for p in &self.verbs.triggers[c].patterns {
                if let Some((target, end)) = match_one(p, words, after, clause_end, &actor_at) {
                    hit = Some((c, p.code.clone(), p.rule.clone(), target, end));
                    break 'outer;
                }
            }
        }
        let (c, code, rule, pattern_target, match_end, matched) = match hit {
            Some((c, code, rule, target, end)) => (c, code, rule, target, end, true),
            None => {
                let c = candidates[0];
                let t = &self.verbs.triggers[c];
                (
                    c,
                    t.code.clone(),
                    format!("{}/default", t.id),
                    None,
                    after,
                    false,
                )
            }
        };
        if passive {
            return (c, code, rule, None, matched, match_end);
        }
        if pattern_target.is_some() {
            return (c, code, rule, pattern_target, matched, match_end);
        }
        // The first actor after the trigger that is not a place; for
        // material conflict a place may be the target when nothing else is.
        // Up to the next trigger after the matched words (or the clause end).
        let from = match_end.max(after);
        let limit = trigger_starts
            .iter()
            .copied()
            .find(|&v| v >= from)
            .unwrap_or(clause_end)
            .min(clause_end)
            .min(words.len());
        let mut fallback = None;
        let mut pick = None;
        for i in after..limit {
            // A comma ends the object (", a senior official said" is an
            // attribution), unless it only sets off an aside right after the
            // verb ("alleged, by way of example, Mahan had …").
            if words[i].lower == "," && i > after && words[after].lower != "," {
                break;
            }
            if let Some((a, _)) = actor_at(i) {
                let prev = if i > after {
                    words[i - 1].lower.as_str()
                } else {
                    ""
                };
                if lex().place_prepositions.contains(prev)
                    || prev == "according"
                    || (i >= 2 && words[i - 2].lower == "according")
                {
                    fallback = fallback.or(Some(a));
                    continue;
                }
                if matches!(cameo::root(&code), "15" | "08")
                    && actors[a].via == Via::Context
                    && actors[a]
                        .country
                        .as_deref()
                        .is_some_and(|c| own.contains(&c))
                {
                    // "mobilized troops along the border with Colombia": own forces.
                    continue;
                }
                if lex().topic_words.contains(prev) && cameo::quad_class(&code) <= 2 {
                    // "spoke about Syria": a topic, not a target.
                    continue;
                }
                pick = Some(a);
                break;
            }
        }
        // A mention that starts inside the trigger's own words ("hosted
        // refugees from Syria", with "refugees" in the trigger) still counts.
        let spanning = words.get(after).and_then(|w| {
            actors.iter().position(|m| {
                m.start < w.start
                    && m.end > w.start
                    && m.start >= words[after.saturating_sub(1)].start
            })
        });
        let target = pick.or(spanning).or(if cameo::quad_class(&code) == 4 {
            fallback
        } else {
            None
        });
        (c, code, rule, target, matched, match_end)
    }

    /// The date of an event: the date expression nearest the trigger in its clause, else the article date.
    fn date_for(
        &self,
        inp: &SentenceInput<'_>,
        dates: &[EventDate],
        verb_start: usize,
        clause_start: usize,
        words: &[W],
    ) -> (String, &'static str, Option<String>, bool) {
        let clause_from = words.get(clause_start).map_or(inp.start, |w| w.start);
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
                d.date.to_string(),
                "text",
                Some(inp.body[d.start..d.end].to_owned()),
                d.future,
            ),
            None => (
                inp.anchor.format("%Y-%m-%d").to_string(),
                "article",
                None,
                false,
            ),
        }
    }
}

/// Adds the actors that share a span with one in `chain`: a group phrase
/// ("the two governments", "they") stands for several actors at once.
fn with_same_span(actors: &[&Mention], mut chain: Vec<usize>) -> Vec<usize> {
    let spans: Vec<(usize, usize)> = chain
        .iter()
        .map(|&i| (actors[i].start, actors[i].end))
        .collect();
    for (i, m) in actors.iter().enumerate() {
        if !chain.contains(&i) && spans.contains(&(m.start, m.end)) {
            chain.push(i);
        }
    }
    chain.sort_unstable();
    chain
}

/// The text between two mentions with apposition roles cut out ("Kim, then
/// South Korean Defense Minister; Hagel" → ", then ; "), so that lists of
/// people with their roles still read as coordinated.
fn gap_without_roles(body: &str, from: usize, to: usize, all: &[Mention]) -> String {
    let mut out = String::new();
    let mut pos = from;
    for m in all
        .iter()
        .filter(|m| m.appositive && m.start >= from && m.end <= to)
    {
        out.push_str(body.get(pos..m.start).unwrap_or(""));
        pos = m.end;
    }
    out.push_str(body.get(pos..to).unwrap_or(""));
    out
}

/// The gap before a mention, without the title the mention's person carries
/// ("Donald Trump and Turkish President Recep Tayyip Erdoğan" → " and ") and
/// without apposition roles in between.
fn gap_without_title(body: &str, from: usize, next: &Mention, all: &[Mention]) -> String {
    let gap = gap_without_roles(body, from, next.start, all);
    if next.person
        && let Some(role) = &next.role
        && let Some(stripped) = gap
            .trim_end()
            .trim_end_matches(',')
            .trim_end()
            .strip_suffix(role.as_str())
    {
        return stripped.to_owned();
    }
    gap
}

/// True when a gap between two actors coordinates them: "and", ",", ";",
/// ", and", "as well as", possibly around an apposition ("X, a professor, and Y").
fn is_coordination(gap: &str) -> bool {
    let g = gap.trim();
    if g.is_empty() {
        return false;
    }
    let words: Vec<&str> = g
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let has_link = g.contains([',', ';']) || words.contains(&"and") || g.contains("as well as");
    // Allow an apposition between (it was filtered out as a role mention): only short lead words remain.
    let allowed = |w: &str| {
        matches!(
            w,
            "and"
                | "as"
                | "well"
                | "the"
                | "then"
                | "a"
                | "an"
                | "both"
                | "former"
                | "current"
                | "acting"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
        )
    };
    has_link
        && words.len() <= 6
        && (words.iter().all(|w| allowed(w))
            || (g.starts_with(',') && g.ends_with(','))
                && words.len() <= 6
                && words
                    .iter()
                    .all(|w| allowed(w) || w.chars().next().is_some_and(char::is_uppercase)))
}

/// Matches one pattern against the words after a trigger; returns Some(target) on success.
///
/// `actor_at(i)` gives the actor whose mention starts at token `i`, and the
/// byte where that mention ends.
fn match_one(
    p: &Pattern,
    words: &[W],
    start: usize,
    right: usize,
    actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
) -> Option<(Option<usize>, usize)> {
    fn go(
        toks: &[Tok],
        words: &[W],
        i: usize,
        right: usize,
        actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
        target: Option<usize>,
    ) -> Option<(Option<usize>, usize)> {
        let Some(first) = toks.first() else {
            return Some((target, i));
        };
        match first {
            Tok::Skip => {
                for skip in 0..=6 {
                    if i + skip > right {
                        break;
                    }
                    if let Some(t) = go(&toks[1..], words, i + skip, right, actor_at, target) {
                        return Some(t);
                    }
                }
                None
            }
            Tok::Target => {
                // A determiner or a couple of words may come before the actor ("the US", "its ally Japan").
                for skip in 0..=2 {
                    let k = i + skip;
                    if k >= right {
                        break;
                    }
                    if let Some((a, end)) = actor_at(k) {
                        let mut next = k + 1;
                        while next < words.len() && words[next].start < end {
                            next += 1;
                        }
                        return go(&toks[1..], words, next, right, actor_at, target.or(Some(a)));
                    }
                    if matches!(words[k].lower.as_str(), "," | ";" | "." | "and") {
                        break;
                    }
                }
                None
            }
            Tok::Words(alts) => {
                if i < right && alts.iter().any(|a| *a == words[i].lower) {
                    go(&toks[1..], words, i + 1, right, actor_at, target)
                } else {
                    None
                }
            }
        }
    }
    go(&p.toks, words, start, right, actor_at, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn coded(body: &str) -> Vec<crate::Event> {
        let doc = crate::Doc::from_text("e", body, day("2020-01-06"));
        let coder = crate::Coder::defaults().unwrap();
        coder.code_doc(&doc).events
    }

    #[test]
    fn an_enacted_resolution_is_a_demand_a_drafted_one_is_not_a_fact() {
        let ev = coded(
            "Yesterday, the Iraqi parliament voted on a resolution to expel United States troops.",
        );
        let e = ev.iter().find(|e| e.trigger.text == "expel").unwrap();
        assert_eq!(
            (e.cameo.as_str(), e.factuality, e.date.as_str()),
            ("100", Factuality::Asserted, "2020-01-05"),
            "{ev:?}"
        );
        let ev = coded("The Iraqi parliament drafted a resolution to expel United States troops.");
        let e = ev.iter().find(|e| e.trigger.text == "expel").unwrap();
        assert_eq!(e.factuality, Factuality::Future, "{ev:?}");
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
        for body in [
            "Turkey did not meet Greek officials.",
            "Turkey would not comment on the Greek proposal.",
            "Iraq will not be deterred by Iran and will defend itself against Iran.",
        ] {
            let ev = coded(body);
            assert!(
                ev.iter().all(|e| !e.cameo.starts_with("12")),
                "{body}: {ev:?}"
            );
        }
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
