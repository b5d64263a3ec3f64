//! Pattern match: the trigger's patterns over the words that follow it
//! (`word`, `(a|b)`, `$SET`, `TARGET`, `...`); the first match gives the code
//! and binds the target. Without a match, the default code applies and the
//! target is the first actor after the trigger that is not a place or a topic.

use std::cell::RefCell;
use std::collections::HashMap;

use faultline_actors::Via;

use super::{Engine, Found, Sentence, W};
use crate::cameo;
use crate::dict::lexicon::lex;
use crate::verbs::{Pattern, PatternForm, Tok};

/// The outcome of matching a trigger's patterns.
pub(super) struct Match {
    /// The code.
    pub code: String,
    /// The rule id ("verbs/11.toml:accuse/1" or ".../default").
    pub rule: String,
    /// The target actor, if any.
    pub target: Option<usize>,
    /// True when a pattern matched.
    pub matched: bool,
    /// True when the matched pattern bound its `TARGET` (the target is the
    /// pattern's, not a default one).
    pub bound: bool,
    /// The word after the matched words.
    pub end: usize,
    /// How the matched pattern assigns roles (plain for the default code).
    pub form: PatternForm,
}

/// What the patterns of a trigger are matched against, besides its words.
pub(super) struct Ask<'a> {
    /// The word where the clause ends.
    pub clause_end: usize,
    /// Where the sentence's triggers start (a default target is looked for
    /// up to the next one).
    pub trigger_starts: &'a [usize],
    /// The trigger is passive: no target after it.
    pub passive: bool,
    /// The subject's countries (one's own forces are no target of posture).
    pub own: &'a [&'a str],
    /// The subject names coordinated actors ("A and B"): patterns for
    /// compound subjects may match.
    pub compound: bool,
    /// An actor after a place preposition is the target when no other is
    /// ("arrived in Gondor"), as PETRARCH codes; faultline's default keeps
    /// places for material conflict only.
    pub places: bool,
}

impl Engine<'_> {
    /// Matches the patterns of the candidate triggers (all triggers of this
    /// verb form): the first matching pattern of any wins; otherwise the first
    /// candidate's default code applies.
    pub(super) fn match_patterns(&self, s: &Sentence<'_>, f: &Found, ask: &Ask<'_>) -> Match {
        let (words, after, clause_end) = (&s.words, f.after, ask.clause_end);
        // The speaker of a closing attribution is no party of the event
        // (", state television reported"), nor is an actor the parse gives
        // to another verb ("voiced opposition to the plan and urged X to
        // …").
        let verb_start = words[f.verb].start;
        // Decided once per word the patterns reach, not at every step of
        // every pattern.
        let parties: RefCell<HashMap<usize, Option<(usize, usize)>>> = RefCell::default();
        let actor_at = |i: usize| {
            *parties.borrow_mut().entry(i).or_insert_with(|| {
                s.actor_at(i).filter(|&(a, _)| {
                    !super::roles::closing_attribution(s, a, verb_start)
                        && s.parse
                            .as_ref()
                            .is_none_or(|p| p.may_be_argument_of(f.verb, i))
                })
            })
        };
        // Words of a pattern over the verb's own clause stop at a clause
        // with a subject of its own.
        let own_clause = |i: usize| s.parse.as_ref().is_none_or(|p| p.in_clause_of(f.verb, i));
        let anywhere = |_: usize| true;
        let mut hit = None;
        'outer: for &c in &f.candidates {
            for p in &self.verbs.triggers[c].patterns {
                if p.form.compound && !ask.compound {
                    continue;
                }
                let reach: &dyn Fn(usize) -> bool = if p.form.own_clause {
                    &own_clause
                } else {
                    &anywhere
                };
                if let Some((target, end)) =
                    match_one(p, words, (after, clause_end), &actor_at, reach, ask.places)
                {
                    hit = Some((p.code.clone(), p.rule.clone(), target, end, p.form));
                    break 'outer;
                }
            }
        }
        let mut m = match hit {
            Some((code, rule, target, end, form)) => Match {
                code,
                rule,
                bound: target.is_some(),
                target,
                matched: true,
                end,
                form,
            },
            None => {
                let t = &self.verbs.triggers[f.candidates[0]];
                Match {
                    code: t.code.clone(),
                    rule: format!("{}/default", t.id),
                    target: None,
                    matched: false,
                    bound: false,
                    end: after,
                    form: PatternForm {
                        mutual: t.mutual,
                        ..PatternForm::default()
                    },
                }
            }
        };
        if ask.passive {
            m.target = None;
        } else if m.target.is_none() {
            m.target = default_target(s, (f.verb, after), m.end, &m.code, ask);
        }
        m
    }
}

/// The first actor after the trigger (whose verb is word `verb` and whose
/// words end before word `after`) that is not a place; for material
/// conflict a place may be the target when nothing else is. Looked for up
/// to the next trigger after the matched words (or the clause end).
fn default_target(
    s: &Sentence<'_>,
    (verb, after): (usize, usize),
    match_end: usize,
    code: &str,
    ask: &Ask<'_>,
) -> Option<usize> {
    let (words, actors, own) = (&s.words, &s.actors, ask.own);
    let (clause_end, trigger_starts) = (ask.clause_end, ask.trigger_starts);
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
    let mut last_place: Option<usize> = None;
    for i in after..limit {
        // A comma ends the object (", a senior official said" is an
        // attribution), unless it only sets off an aside right after the
        // verb ("alleged, by way of example, Mahan had …").
        if words[i].lower == ","
            && i > after
            && words[after].lower != ","
            && !between_adjectives(s, i)
        {
            break;
        }
        // "recalled its envoy amid a crackdown on Colombian migrants": the
        // circumstances are no object.
        if i > after
            && lex()
                .circumstance_prepositions
                .contains(words[i].lower.as_str())
        {
            break;
        }
        // "discussed relations between China and Korea": the pair of a
        // relation is its topic, no default target ("welcomed a resumption
        // of ties between" acts on it).
        if lex().relation_nouns.contains(words[i].lower.as_str())
            && words.get(i + 1).is_some_and(|w| w.lower == "between")
            && !super::triggers::after_relation_act(words, i)
        {
            break;
        }
        if let Some((a, _)) = s.actor_at(i) {
            // "rejected the criticism and said it would fight the PKK": an
            // actor the parse puts in another clause is no target.
            if s.parse
                .as_ref()
                .is_some_and(|p| !p.may_be_argument_of(verb, i))
            {
                continue;
            }
            let prev = if i > after {
                words[i - 1].lower.as_str()
            } else {
                ""
            };
            // An actor right after the words a pattern names, such as its
            // preposition ("welcomed rumors about X" for `* RUMORS
            // (ABOUT)`), is the target, not a place or a topic.
            if i > after && i == match_end && lex().prepositions.contains(prev) {
                pick = Some(a);
                break;
            }
            // "in the Kenyan capital": the preposition before the determiner.
            let mut lead = i - 1;
            while lead > after && lex().determiners.contains(words[lead].lower.as_str()) {
                lead -= 1;
            }
            let place = i > after
                && lead < i - 1
                && (modifies_noun(s, a) || venue(&words[lead].lower, code))
                && lex()
                    .place_prepositions
                    .contains(words[lead].lower.as_str());
            // "in the Kenyan capital Nairobi": the same place named again,
            // with no preposition in between.
            let same_place = last_place.is_some_and(|p: usize| {
                words[p + 1..i]
                    .iter()
                    .all(|w| !lex().prepositions.contains(w.lower.as_str()))
            });
            let place = place
                || same_place
                || lex().place_prepositions.contains(prev)
                || s.parse.as_ref().is_some_and(|p| p.in_place_phrase(i));
            if place {
                last_place = Some(i);
            }
            if place || prev == "according" || (i >= 2 && words[i - 2].lower == "according") {
                fallback = fallback.or(Some(a));
                continue;
            }
            if matches!(cameo::root(code), "15" | "08")
                && actors[a].via == Via::Context
                && actors[a]
                    .country
                    .as_deref()
                    .is_some_and(|c| own.contains(&c))
            {
                // "mobilized troops along the border with Colombia": own forces.
                continue;
            }
            // The word before the actor's phrase, past its determiners: the
            // trigger itself in "discussed the Iraqi crisis".
            let mut k = i;
            while k > 0 && lex().determiners.contains(words[k - 1].lower.as_str()) {
                k -= 1;
            }
            let before_phrase = k.checked_sub(1).map_or("", |k| words[k].lower.as_str());
            if (lex().topic_words.contains(prev)
                || k == after && lex().topic_words.contains(before_phrase))
                && cameo::quad_class(code) <= 2
            {
                // "spoke about Syria", "discussed the Iraqi crisis": a
                // topic, not a target.
                continue;
            }
            if about_information(s, i) || witnessed(s, i) {
                // "shared intelligence on Iran with …": a topic; "signed
                // it in the presence of the UN envoy": a witness.
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
            m.start < w.start && m.end > w.start && m.start >= words[after.saturating_sub(1)].start
        })
    });
    pick.or(spanning)
        .or(if cameo::quad_class(code) == 4 || ask.places {
            fallback
        } else {
            None
        })
}

/// True when `preposition` (lower case) names the venue of an act of code
/// `code`: a cooperative act (quad classes 1 and 2) "at" a body took place
/// there ("signed the accord at the United Nations"); a protest "at the
/// embassy" is against it.
fn venue(preposition: &str, code: &str) -> bool {
    cameo::quad_class(code) <= 2 && lex().venue_prepositions.contains(preposition)
}

/// True when the actor at word `i` is in the "of" phrase of a noun of
/// `witness_nouns`, past determiners and up to two modifiers ("in the
/// presence of UN envoy Cyrus Vance").
fn witnessed(s: &Sentence<'_>, i: usize) -> bool {
    let words = &s.words;
    let Some(of) = (i.saturating_sub(3)..i)
        .rev()
        .find(|&k| words[k].lower == "of")
    else {
        return false;
    };
    of >= 1 && lex().witness_nouns.contains(words[of - 1].lower.as_str())
}

/// True when the actor at word `i` follows a noun of information and its
/// preposition of topic, past determiners ("intelligence on Iran",
/// "information about the Chadian army").
fn about_information(s: &Sentence<'_>, i: usize) -> bool {
    let words = &s.words;
    let mut k = i;
    while k > 0 && lex().determiners.contains(words[k - 1].lower.as_str()) {
        k -= 1;
    }
    k >= 2
        && lex()
            .information_cases
            .contains(words[k - 1].lower.as_str())
        && lex()
            .information_nouns
            .contains(words[k - 2].lower.as_str())
}

/// The mention `a` modifies a common noun after it ("the Kenyan capital",
/// "the Syrian town of"), as a place name does; "at the ministry" names
/// the ministry itself.
fn modifies_noun(s: &Sentence<'_>, a: usize) -> bool {
    let end = s.actors[a].end;
    s.words.iter().find(|w| w.start >= end).is_some_and(|w| {
        let text = s.inp.body.get(w.start..w.end).unwrap_or("");
        text.chars().next().is_some_and(char::is_lowercase)
            && !lex().prepositions.contains(w.lower.as_str())
    })
}

/// True when the comma at word `i` only separates two adjectives of one
/// noun phrase ("restore complete, full ties"), as the parse tags them.
fn between_adjectives(s: &Sentence<'_>, i: usize) -> bool {
    s.parse
        .as_ref()
        .is_some_and(|p| i > 0 && p.upos(i - 1) == Some("ADJ") && p.upos(i + 1) == Some("ADJ"))
}

/// The pattern word `'s` at word `i` matches the possessive ending of the
/// word before, which the tokenizer keeps whole ("Ethiopia's").
fn possessive_clitic(words: &[W], alts: &[String], i: usize) -> bool {
    alts.iter().any(|a| a == "'s")
        && i.checked_sub(1)
            .and_then(|p| words.get(p))
            .is_some_and(|w| w.lower.ends_with("'s") || w.lower.ends_with("’s"))
}

/// The first word after a mention that starts at word `k` and ends at byte
/// `end`.
fn after_mention(words: &[W], k: usize, end: usize) -> usize {
    let mut next = k + 1;
    while next < words.len() && words[next].start < end {
        next += 1;
    }
    next
}

/// The first word past actors coordinated with the one that ends before
/// word `next` ("Russia and Ukraine", "Chad, Niger or Mali"): a pattern's
/// `TARGET` takes the whole list, and the roles give the event to each.
fn past_coordinated(
    words: &[W],
    actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
    mut next: usize,
) -> usize {
    loop {
        let mut k = next;
        let mut joined = false;
        while k < words.len() && lex().list_joiners.contains(&words[k].lower) {
            joined = true;
            k += 1;
        }
        // "Colombia and the rebels": a determiner may open the next one.
        if k + 1 < words.len()
            && lex().determiners.contains(&words[k].lower)
            && actor_at(k).is_none()
        {
            k += 1;
        }
        match (k < words.len()).then(|| actor_at(k)).flatten() {
            Some((_, end)) if joined => next = after_mention(words, k, end),
            _ => return next,
        }
    }
}

/// Matches one pattern against the words after a trigger; returns Some(target) on success.
///
/// The words span tokens `start..right`. `actor_at(i)` gives the actor
/// whose mention starts at token `i`, and the byte where that mention ends;
/// `reach(i)` says whether token `i` may be one of the pattern's words.
/// Unless `places`, a target is not looked for past a preposition of place
/// the pattern does not name ("held drills near X": X is no partner); nor,
/// for a cooperative code, past a preposition of `venue_prepositions`.
pub(super) fn match_one(
    p: &Pattern,
    words: &[W],
    (start, right): (usize, usize),
    actor_at: &dyn Fn(usize) -> Option<(usize, usize)>,
    reach: &dyn Fn(usize) -> bool,
    places: bool,
) -> Option<(Option<usize>, usize)> {
    struct Env<'e> {
        words: &'e [W],
        right: usize,
        actor_at: &'e dyn Fn(usize) -> Option<(usize, usize)>,
        reach: &'e dyn Fn(usize) -> bool,
        places: bool,
        /// The pattern codes a cooperative act, whose venue is no target.
        cooperative: bool,
    }
    fn go(
        toks: &[Tok],
        env: &Env<'_>,
        i: usize,
        target: Option<usize>,
    ) -> Option<(Option<usize>, usize)> {
        let (words, right, actor_at) = (env.words, env.right, env.actor_at);
        let Some(first) = toks.first() else {
            return Some((target, i));
        };
        match first {
            Tok::Skip => {
                for skip in 0..=6 {
                    if i + skip > right {
                        break;
                    }
                    if let Some(t) = go(&toks[1..], env, i + skip, target) {
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
                        let next = past_coordinated(words, actor_at, after_mention(words, k, end));
                        return go(&toks[1..], env, next, target.or(Some(a)));
                    }
                    // Nor across "that" after another word: it opens a
                    // clause ("told reporters that they …": not "they";
                    // "urged that Sudan …" is Sudan).
                    // Nor past an audience, the object itself ("told
                    // reporters Bolivia would pay").
                    if matches!(words[k].lower.as_str(), "," | ";" | "." | "and")
                        || (skip > 0 && lex().clause_openers.contains(words[k].lower.as_str()))
                        || lex().audience_nouns.contains(words[k].lower.as_str())
                    {
                        break;
                    }
                    // "ordered its troops to withdraw from Syria": after
                    // "to" only a determiner comes before the actor; another
                    // word opens an infinitive.
                    if i > 0
                        && words[i - 1].lower == "to"
                        && !lex().determiners.contains(words[k].lower.as_str())
                    {
                        break;
                    }
                    if !env.places && lex().names_a_place(&words[k].lower) {
                        break;
                    }
                    // "would meet at the United Nations": where a
                    // cooperative act takes place, not with whom.
                    if env.cooperative && lex().venue_prepositions.contains(&words[k].lower) {
                        break;
                    }
                }
                None
            }
            Tok::Words(alts) => {
                if i < right && alts.iter().any(|a| *a == words[i].lower) && (env.reach)(i) {
                    go(&toks[1..], env, i + 1, target)
                } else if possessive_clitic(words, alts, i) {
                    // "Ethiopia's" is one word: a pattern's "'s" is its end.
                    go(&toks[1..], env, i, target)
                } else {
                    None
                }
            }
        }
    }
    let env = Env {
        words,
        right,
        actor_at,
        reach,
        places,
        cooperative: matches!(cameo::quad_class(&p.code), 1 | 2),
    };
    go(&p.toks, &env, start, None)
}
