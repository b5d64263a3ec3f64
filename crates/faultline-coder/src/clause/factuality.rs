//! Factuality: how certain the text makes an event. Cues between the source
//! and the trigger — negation (not, never, no), modals (could, would, might),
//! conditionals (if, unless), future (will) — and the verb governing an
//! infinitive ("plans to", "refused to"). A statement of intent of a
//! cooperative event is an asserted 03 event, an announced use of force a
//! threat (13) and a stated refusal a rejection (12); a hedged one is not.
//! The word lists are in `data/lexicon.toml`, the recoding tables in
//! `data/recode.toml`.

use faultline_text::lexicon::WordList;

use super::roles::Roles;
use super::{Found, Sentence, W};
use crate::dict::lexicon::lex;
use crate::dict::recode::recode;
use crate::event::Factuality;
use crate::verbs::{Trigger, TriggerKind};

/// What governs a trigger in the infinitive ("vowed to retaliate").
#[derive(Clone, Copy, Default)]
pub(super) struct Governor {
    /// A verb of intent: "plans to meet".
    intent: bool,
    /// A verb of failure or refusal: "refused to meet".
    fail: bool,
    /// Another verb: "voted to expel".
    other: bool,
    /// An infinitive of purpose: "met in Athens to sign a deal" states
    /// what the meeting was for, an intent (03) that really was shown.
    purpose: bool,
    /// A word of decision: "decided to expel", "the decision by X to sever".
    decided: bool,
}

/// The factuality of an event and the code it ends up with.
pub(super) struct Assessed {
    /// How certain the text makes it.
    pub factuality: Factuality,
    /// The words that set it.
    pub cue: Option<String>,
    /// True for a statement of intent (or a threat) that was made.
    pub intent: bool,
    /// The code after recoding intent, threats, refusals and demands.
    pub code: String,
}

/// The verb governing trigger `f` in the infinitive, if any; `None` when an
/// earlier trigger of the clause governs it (its patterns speak for it).
pub(super) fn governor(s: &Sentence<'_>, f: &Found, found: &[Found]) -> Option<Governor> {
    let words = &s.words;
    // "agreed to begin repatriating": the infinitive is the aspect verb's.
    let mut verb = f.verb;
    if verb >= 3
        && words[verb].lower.ends_with("ing")
        && lex().aspect_verbs.contains(&words[verb - 1].lower)
        && words[verb - 2].lower == "to"
    {
        verb -= 1;
    }
    if verb < 2 || words[verb - 1].lower != "to" {
        return Some(Governor::default());
    }
    let mut g = verb - 2;
    while g > 0 && lex().soft_adverbs.contains(&words[g].lower) {
        g -= 1;
    }
    // "the decision by Kenya to expel": the noun before its agent governs.
    if let Some((_, noun)) = super::roles::intention_agent(s, verb) {
        return Some(Governor {
            intent: true,
            decided: lex().decision_nouns.contains(&words[noun].lower),
            ..Governor::default()
        });
    }
    // "became the first country to recognise Kosovo": done, as ranked.
    if ranked(words, g) {
        return Some(Governor::default());
    }
    let clause_from = s.clause_start(f.verb);
    // "met in Athens to sign a deal": a purpose clause is an event of its
    // own, not the earlier trigger's complement.
    let governed = found
        .iter()
        .any(|t| t.verb >= clause_from && t.verb < f.verb);
    // "flew to Hanoi on Monday to meet the premier": done on the trip.
    if s.parse
        .as_ref()
        .and_then(|p| p.purpose_head(f.verb))
        .is_some_and(|h| lex().errand_verbs.contains(&h))
    {
        return Some(Governor::default());
    }
    if governed
        && s.parse
            .as_ref()
            .is_some_and(|p| p.is_purpose_clause(f.verb))
    {
        return Some(Governor {
            purpose: true,
            ..Governor::default()
        });
    }
    let gw = words[g].lower.as_str();
    // "welcomed Chile's offer to sign a deal": the infinitive completes
    // the noun before it, which governs it rather than the earlier verb.
    let completes = s.parse.as_ref().is_some_and(|p| p.completes_noun(verb, g));
    // "postponed a decision to impose …", "shelved its plan to expel …":
    // an intention put off is none.
    let deferred = words[clause_from.min(g)..g]
        .iter()
        .any(|w| lex().deferring_verbs.contains(&w.lower));
    if governed && completes {
        let intent = !deferred && lex().intention_nouns.contains(gw);
        return Some(Governor {
            intent,
            other: !intent,
            ..Governor::default()
        });
    }
    if governed {
        return None;
    }
    let intent = !deferred && lex().intent_verbs.contains(gw);
    let fail = lex().fail_verbs.contains(gw);
    let other = !intent && !fail && (deferred || !lex().aspect_verbs.contains(gw));
    Some(Governor {
        intent,
        fail,
        other,
        purpose: false,
        decided: lex().decision_words.contains(gw),
    })
}

/// True when the noun at word `g`, right before an infinitive's "to", is
/// ranked and predicated of the subject: a word of `ranking_words` among
/// the three words before it, right after a determiner that follows a
/// form of "be" or "become" (`ranking_copulas`), not in an infinitive:
/// "became the first major country", "was the only state" (not "last
/// week vowed to", "took the first steps to", "hopes to be the first").
fn ranked(words: &[W], g: usize) -> bool {
    (g.saturating_sub(3)..g).rev().any(|k| {
        k >= 2
            && lex().ranking_words.contains(&words[k].lower)
            && lex().determiners.contains(&words[k - 1].lower)
            && lex().ranking_copulas.contains(&words[k - 2].lower)
            && (k < 3 || words[k - 3].lower != "to")
    })
}

/// Whether a trigger whose patterns give `code` can end with an event
/// code, whoever its roles turn out to be: an event code, or one that a
/// refusal, an intent or a threat recodes. When no trigger of a sentence
/// can (nor [`enacts_demand`]), the sentence codes no event with or without
/// its parse.
pub(super) fn code_may_be_event(code: &str) -> bool {
    crate::verbs::is_event_code(code)
        || refusal_code(code).is_some()
        || intent_code(code).is_some()
        || threat_code(code).is_some()
}

/// Whether trigger `f` is an enacted demand, which intent coding recodes
/// whatever its code ("voted for a resolution to expel …" → 100). Read
/// with no other trigger: the parse may drop those it reads as nouns.
pub(super) fn enacts_demand(s: &Sentence<'_>, f: &Found) -> bool {
    governor(s, f, &[]).is_some_and(|g| g.other)
        && enacted_demand(&s.words, s.clause_start(f.verb), f.verb)
}

/// The cues found before a trigger, in the order they are tried.
struct Cues {
    factuality: Factuality,
    cue: Option<String>,
    intent: bool,
    enacted: bool,
    refusal: Option<&'static str>,
}

impl Cues {
    fn new(factuality: Factuality, cue: String) -> Self {
        Self {
            factuality,
            cue: Some(cue),
            intent: false,
            enacted: false,
            refusal: None,
        }
    }

    fn intent(cue: String) -> Self {
        Self {
            intent: true,
            ..Self::new(Factuality::Asserted, cue)
        }
    }
}

/// The factuality of trigger `f` with roles `roles`, and its final code.
pub(super) fn assess(
    s: &Sentence<'_>,
    f: &Found,
    trig: &Trigger,
    roles: &Roles,
    gov: Governor,
    intent_codes: bool,
) -> Assessed {
    let mut c = cues(s, f, roles, gov, intent_codes);
    // Noun triggers negated by "no" before the noun ("no talks have been
    // held", "there was no reciprocal agreement between A and B").
    if matches!(trig.kind, TriggerKind::Noun { .. })
        && c.factuality == Factuality::Asserted
        && noun_negated(s, f)
    {
        c.factuality = Factuality::Negated;
        c.cue = Some("no".to_owned());
    }
    // "a planned meeting between A and B", "a potential deal", "the
    // cancelled visit": a modifier of the event noun says it is not a fact.
    if matches!(trig.kind, TriggerKind::Noun { .. })
        && c.factuality == Factuality::Asserted
        && let Some((factuality, cue)) = noun_modifier(s, f)
    {
        c.factuality = factuality;
        c.cue = Some(cue);
    }
    let mut code = match (c.enacted, c.refusal) {
        (true, _) => "100".to_owned(),
        (false, Some(r)) => r.to_owned(),
        (false, None) => roles.code.clone(),
    };
    if c.intent && !intent_codes {
        c.factuality = Factuality::Future;
    } else if c.intent {
        if let Some(i) = intent_code(&code) {
            code = i;
        } else if let Some(t) = threat_code(&code) {
            if !announced_act(s, f, &code, c.cue.as_deref()) {
                code = t.to_owned();
            }
        } else {
            c.factuality = Factuality::Future;
        }
    }
    Assessed {
        factuality: c.factuality,
        cue: c.cue,
        intent: c.intent,
        code,
    }
}

/// True when an act of `code` stated with a plain "will"/"would" (`cue`)
/// is done by announcing it: "Chile said it would close its embassy" is
/// the closure; "warned it would close it" and "will close it if …" (a
/// condition after the act: one before it never reaches here) are threats,
/// and so is a plain "will" with no speaker announcing it of itself
/// ("Analysts said Ghana would close …").
fn announced_act(s: &Sentence<'_>, f: &Found, code: &str, cue: Option<&str>) -> bool {
    let plain = cue.is_some_and(|c| c == "would" || lex().future.contains(c));
    let warned = s.words[..f.verb]
        .iter()
        .any(|w| lex().threat_reporters.contains(&w.lower));
    let conditional = s.words[f.verb..]
        .iter()
        .any(|w| lex().condition_words.contains(&w.lower));
    // The modal is the act's own ("would also close"), not that of a verb
    // governing it ("will take measures, including closing …": a threat).
    let mut k = f.verb;
    while k > 0
        && (lex().soft_adverbs.contains(&s.words[k - 1].lower)
            || lex().be.contains(&s.words[k - 1].lower))
    {
        k -= 1;
    }
    let own = k > 0 && cue.is_some_and(|c| s.words[k - 1].lower == c);
    // The announcer acts: a pronoun for the speaker right before the modal,
    // after a verb of reporting ("Chile said it would close …"; not "said
    // Peru would sever …", "officials fear Ghana will close …").
    let m = k.saturating_sub(1);
    let speaker_acts = (1..m).any(|p| {
        lex().reported_pronouns.contains(&s.words[p].lower)
            && p + 3 >= m
            && lex().reporting_verbs.contains(&s.words[p - 1].lower)
    });
    plain && own && speaker_acts && recode().is_announced_act(code) && !warned && !conditional
}

/// The token where the event noun's words start (the trigger's own for a
/// verb).
fn noun_start(f: &Found) -> usize {
    if f.noun_len > 0 {
        f.after - f.noun_len
    } else {
        f.verb
    }
}

/// True when "no" stands in the noun phrase of an event noun: among the
/// noun's words, or up to two modifiers before its first word ("no
/// reciprocal agreement", "no formal talks").
fn noun_negated(s: &Sentence<'_>, f: &Found) -> bool {
    let first = noun_start(f);
    let from = first.saturating_sub(3);
    (from..f.after.max(first + 1))
        .take_while(|&k| k < s.words.len())
        .filter(|&k| k >= first || !s.words[k + 1..first].iter().any(|w| w.lower == ","))
        .any(|k| s.words[k].lower == "no")
}

/// The words before an event noun that modify it: up to three before its
/// first word, with no comma or "of" between ("a planned bilateral
/// meeting"; not "the next round of talks").
fn noun_modifiers<'w>(s: &'w Sentence<'_>, f: &Found) -> impl Iterator<Item = &'w str> {
    let first = noun_start(f);
    let first = first.min(s.words.len());
    let from = first.saturating_sub(3);
    s.words[from..first]
        .iter()
        .enumerate()
        .filter(move |&(i, _)| {
            !s.words[from + i + 1..first]
                .iter()
                .any(|w| w.lower == "," || w.lower == "of")
        })
        .map(|(_, w)| w.lower.as_str())
}

/// The factuality a modifier of an event noun gives it, with the modifier:
/// still to come ("planned", "upcoming"), only possible ("potential"), or
/// called off ("cancelled").
/// Not when a support verb realises the noun ("held their planned
/// meeting") or the noun is a subject ("the scheduled talks began").
fn noun_modifier(s: &Sentence<'_>, f: &Found) -> Option<(Factuality, String)> {
    let first = f.after.saturating_sub(f.noun_len);
    let supported = f.noun_len > 0 && f.verb < first;
    let noun = f.after.saturating_sub(1).max(f.verb);
    let subject = s.parse.as_ref().is_some_and(|p| p.is_subject(noun));
    if supported || subject {
        return None;
    }
    noun_modifiers(s, f).find_map(|w| {
        let factuality = if lex().prospective_noun_modifiers.contains(w) {
            Factuality::Future
        } else if lex().possible_noun_modifiers.contains(w) {
            Factuality::Hypothetical
        } else if lex().called_off_noun_modifiers.contains(w) {
            Factuality::Negated
        } else {
            return None;
        };
        Some((factuality, w.to_owned()))
    })
}

/// An event a verb of planning or a "let's" governs ("arranged a meeting",
/// "let's discuss") is still to come, unless a stronger cue already spoke.
pub(super) fn proposed(a: &mut Assessed, verb: String) {
    if a.factuality == Factuality::Asserted && !a.intent {
        a.factuality = Factuality::Future;
        a.cue = Some(verb);
    }
}

/// The cues that govern trigger `f` from outside the words before it: a
/// verb of planning (the parse's [`super::parse::Parse::proposed_by`]), a
/// hedged predicate it is the subject or complement of, a word of fear or
/// doubt whose clause holds it.
pub(super) fn governed_from_outside(
    s: &Sentence<'_>,
    f: &Found,
    found: &[Found],
    assessed: &mut Assessed,
) {
    if let Some(p) = &s.parse {
        if let Some(verb) = p.proposed_by(f.verb) {
            proposed(assessed, verb);
        }
        if let Some(hedge) = p
            .hedged_by(f.verb)
            .or_else(|| p.believed_by(f.verb))
            .or_else(|| p.dreaded_by(f.verb))
            .or_else(|| p.alleged_by(f.verb))
        {
            hedged(assessed, hedge);
        }
    }
    if let Some(belief) = believed_before(s, f, found).or_else(|| alleged_before(s, f)) {
        hedged(assessed, belief);
    }
    // "expelled him for allegedly helping …": right before the trigger only
    // ("Peru, which allegedly armed them, recalled …" recalled).
    if let Some(w) = f.verb.checked_sub(1).map(|k| &s.words[k].lower)
        && lex().allegation_adverbs.contains(w)
    {
        hedged(assessed, w.clone());
    }
    match predicate_after(s, f).or_else(|| relative_after(s, f)) {
        Some((Factuality::Future, plan)) => proposed(assessed, plan),
        Some((_, state)) => hedged(assessed, state),
        None => {}
    }
}

/// What the predicate of an event noun standing alone says of it, read
/// off the words up to the clause's first comma: "talks between A and B
/// are set to resume in May", "a summit … is scheduled for June" (a form of
/// "be", a word of `schedule_words`, then "for" or "to" and a verb of
/// `occurrence_verbs`) are still to come; "a deal between A and B is
/// close", "… is still elusive" (`unrealised_predicates` after "be") has
/// not happened.
fn predicate_after(s: &Sentence<'_>, f: &Found) -> Option<(Factuality, String)> {
    if f.between.is_none() && !f.bare {
        return None;
    }
    let end = s.clause_end(f.after).min(f.after + 10);
    let words = &s.words;
    let be = (f.after..end)
        .take_while(|&k| words[k].lower != ",")
        .find(|&k| lex().be.contains(&words[k].lower))?;
    let state = (be + 1..words.len()).find(|&k| !lex().soft_adverbs.contains(&words[k].lower))?;
    if lex().unrealised_predicates.contains(&words[state].lower) {
        return Some((
            Factuality::Hypothetical,
            format!("{} {}", words[be].lower, words[state].lower),
        ));
    }
    let plan = words.get(be + 1)?;
    let (next, verb) = (words.get(be + 2)?, words.get(be + 3));
    let schedules = next.lower == "for"
        || (next.lower == "to" && verb.is_some_and(|v| lex().occurrence_verbs.contains(&v.lower)));
    (lex().schedule_words.contains(&plan.lower) && schedules)
        .then(|| (Factuality::Future, format!("{} {}", plan.lower, next.lower)))
}

/// What a relative clause after an event noun standing alone says of it:
/// "a meeting between A and B, which may take place in May" (a hedge) has
/// not happened; "…, which will be held in May" (a future auxiliary) is
/// still to come. The first comma within twenty words of the noun's words
/// (its parties may be long: "between Japan's Prime Minister … and …"),
/// then a relative pronoun (`relative_pronouns`) and the modal.
fn relative_after(s: &Sentence<'_>, f: &Found) -> Option<(Factuality, String)> {
    if f.between.is_none() && !f.bare {
        return None;
    }
    let words = &s.words;
    let end = words.len().min(f.after + 20);
    let comma = (f.after..end).find(|&k| words[k].lower == ",")?;
    let (which, modal) = (words.get(comma + 1)?, words.get(comma + 2)?);
    if !lex().relative_pronouns.contains(&which.lower) {
        return None;
    }
    let cue = format!("{} {}", which.lower, modal.lower);
    if lex().hedges.contains(&modal.lower) {
        Some((Factuality::Hypothetical, cue))
    } else {
        lex()
            .future
            .contains(&modal.lower)
            .then_some((Factuality::Future, cue))
    }
}

/// The word of fear, doubt or expectation (`epistemic_heads`) right
/// before the "that" of the trigger's clause, read off the words ("there
/// are fears that Serbia will attack Kosovo", where a parse hangs the
/// clause on "are"): the nearest "that" before the verb, with no comma or
/// other verb trigger between.
fn believed_before(s: &Sentence<'_>, f: &Found, found: &[Found]) -> Option<String> {
    let from = s.clause_start(f.verb);
    let that = (from..f.verb)
        .rev()
        .take_while(|&k| s.words[k].lower != "," && !found.iter().any(|t| t.verb == k))
        .find(|&k| s.words[k].lower == "that")?;
    let head = &s.words.get(that.checked_sub(1)?)?.lower;
    lex().epistemic_heads.contains(head).then(|| head.clone())
}

/// How many words the accused (and the accuser of a passive) may take
/// between the verb of accusation and the "of" of what it alleges.
const ACCUSED_WORDS: usize = 8;

/// The verb of accusation (`allegation_heads`) whose "of" or "for" the
/// trigger follows, read off the words where a parse loses it ("the
/// government accused UNRWA of collaborating with …", "was accused by
/// Peru of spying"): the trigger right after the mark, the verb at most
/// [`ACCUSED_WORDS`] words before it in the clause, with no comma between.
fn alleged_before(s: &Sentence<'_>, f: &Found) -> Option<String> {
    let mark = f.verb.checked_sub(1)?;
    if !lex().gerund_allegation_marks.contains(&s.words[mark].lower) {
        return None;
    }
    let from = s
        .clause_start(f.verb)
        .max(mark.saturating_sub(ACCUSED_WORDS));
    // Not past a comma or a verb of its own ("blamed Chile and thanked
    // Bolivia for sending aid": the thanks governs the "for").
    (from..mark)
        .rev()
        .take_while(|&k| {
            s.words[k].lower != "," && !lex().verb_coordinators.contains(&s.words[k].lower)
        })
        .find(|&k| {
            lex().allegation_heads.contains(s.words[k].lower.as_str())
                && (!lex().held_allegations.contains(&s.words[k].lower)
                    || held_responsible(s, from, k))
        })
        .map(|k| s.words[k].lower.clone())
}

/// True when a verb of `responsibility_holders` stands between word `from`
/// and a word of `held_allegations` at word `k` ("held Chad responsible
/// for …").
fn held_responsible(s: &Sentence<'_>, from: usize, k: usize) -> bool {
    s.words[from..k]
        .iter()
        .any(|w| lex().responsibility_holders.contains(&w.lower))
}

/// An event that is the subject of a hedged predicate ("talks between A
/// and B could lead to …") is hypothetical, whatever the words before it say.
pub(super) fn hedged(a: &mut Assessed, hedge: String) {
    if a.factuality == Factuality::Asserted {
        a.factuality = Factuality::Hypothetical;
        a.cue = Some(hedge);
    }
}

/// The first cue that applies, in order: negation, a failing governor, a
/// condition, a hedge, the future, an intent governor, an enacted demand,
/// another governor, a denial.
fn cues(s: &Sentence<'_>, f: &Found, roles: &Roles, gov: Governor, intent_codes: bool) -> Cues {
    let words = &s.words;
    let verb_start = words[f.verb].start;
    let clause_start = s.clause_start(f.verb);
    // The cues stand between the verb and its subject: a passive's subject
    // is among the targets (else its auxiliaries, the three words before
    // it, stand for it), and its agent comes
    // after the verb ("Egypt would not be freed by Syria").
    let passive_subject = roles.passive.then(|| {
        roles
            .targets
            .iter()
            .map(|&i| s.actors[i].end)
            .filter(|&e| e <= verb_start)
            .max()
            .unwrap_or(words[clause_start.max(f.verb.saturating_sub(3))].start)
    });
    // A source the pattern finds after the verb ("could draw a rebuke
    // from Peru") leaves the three words before the verb to the cues.
    let near_verb = words[clause_start.max(f.verb.saturating_sub(3))].start;
    let left_bound = passive_subject
        .or_else(|| {
            let ends = roles.sources.iter().map(|&i| s.actors[i].end);
            ends.clone()
                .filter(|&e| e <= verb_start)
                .max()
                .or_else(|| ends.max().map(|_| near_verb))
        })
        .unwrap_or(s.inp.start)
        .min(verb_start);
    // Not a modal of another verb's reported clause ("said Morales must
    // resign and accused Bolivia of fraud": the accusation is made).
    // Nor of an earlier verb kept apart from the trigger's ("has not
    // confirmed it but has accused Peru").
    let other_clause = |k: usize| {
        s.parse.as_ref().is_some_and(|p| {
            p.auxiliary_of_another_clause(k, f.verb)
                || p.modifies_earlier_conjunct(k, f.verb)
                || p.modifies_a_side_clause(k, f.verb)
        })
    };
    let window: Vec<&W> = words
        .iter()
        .enumerate()
        .filter(|&(k, w)| w.start >= left_bound && w.end <= verb_start && !other_clause(k))
        .map(|(_, w)| w)
        .collect();
    let has = |list: &WordList| {
        window
            .iter()
            .find(|w| list.contains(&w.lower))
            .map(|w| w.lower.clone())
    };
    let cond = (clause_start..f.verb)
        .find(|&k| lex().condition_words.contains(&words[k].lower))
        .or_else(|| inverted_condition(words, clause_start, f.verb));
    let governor_word = || words[f.verb - 2].lower.clone();
    if let Some(n) = has(&lex().negations)
        .or_else(|| subject_negated(s, roles))
        .or_else(|| gerund_after(words, f.verb, &lex().gerund_negators))
    {
        return negation(words, f, n, &roles.code, intent_codes);
    }
    if gov.fail {
        return Cues::new(Factuality::Negated, governor_word());
    }
    if let Some(c) = cond {
        // "will decide whether to expel …" is an open question, no threat.
        if intent_codes
            && !lex().open_questions.contains(&words[c].lower)
            && threat_code(&roles.code).is_some()
            && let Some(fut) = has(&lex().future)
        {
            // "If Turkey does anything …, I will destroy …": a promise of
            // force or sanctions on a condition is a threat, and the threat
            // itself was made.
            return Cues::intent(format!("{} … {fut}", words[c].lower));
        }
        return Cues::new(Factuality::Conditional, words[c].lower.clone());
    }
    // "Russia is believed to have supplied …", "North Korea appears to
    // have fired …": a belief or an appearance, not a fact.
    if let Some(k) = (1..window.len()).find(|&k| {
        (lex().epistemic_participles.contains(&window[k].lower)
            && lex().be.contains(&window[k - 1].lower))
            || (lex().appearance_verbs.contains(&window[k - 1].lower) && window[k].lower == "to")
    }) {
        return Cues::new(
            Factuality::Hypothetical,
            format!("{} {}", window[k - 1].lower, window[k].lower),
        );
    }
    if let Some(g) = gerund_after(words, f.verb, &lex().gerund_hypotheticals)
        .or_else(|| prevented(words, clause_start, f.verb))
        .or_else(|| banned(words, clause_start, f.verb))
    {
        return Cues::new(Factuality::Hypothetical, g);
    }
    if let Some(h) = has(&lex().hedges) {
        let reported = (0..f.verb).any(|k| lex().reporting_verbs.contains(&words[k].lower));
        // "said it would retaliate" states an intent; "a bill that would
        // have allowed …" (would + have + participle) says what did not
        // happen, reported or not.
        let perfect = window
            .windows(2)
            .any(|p| p[0].lower == "would" && lex().perfect_auxiliaries.contains(&p[1].lower));
        if h == "would" && reported && !perfect {
            return Cues::intent(h);
        }
        return Cues::new(Factuality::Hypothetical, h);
    }
    if let Some(fut) = has(&lex().future) {
        return Cues::intent(fut);
    }
    if gov.decided && crate::cameo::quad_class(&roles.code) >= 3 {
        // "decided to expel the envoy": the decision was the act.
        return Cues::new(Factuality::Asserted, format!("{} to", governor_word()));
    }
    if gov.intent {
        return Cues::intent(governor_word());
    }
    if gov.purpose {
        return Cues::intent("to".to_owned());
    }
    if gov.other && intent_codes && enacted_demand(words, clause_start, f.verb) {
        // "Parliament voted for a resolution to expel US troops": the vote
        // is a real demand; the expulsion has not happened.
        return Cues {
            enacted: true,
            ..Cues::new(Factuality::Asserted, format!("{} to", governor_word()))
        };
    }
    if gov.other {
        return Cues::new(Factuality::Future, format!("{} to", governor_word()));
    }
    if let Some(d) = denial(s, f, clause_start) {
        return Cues::new(Factuality::Negated, d);
    }
    Cues {
        cue: None,
        ..Cues::new(Factuality::Asserted, String::new())
    }
}

/// A word of `denials` in the trigger's clause that governs it: "denied
/// that it attacked" is negated; "dismissed the minister and suspended
/// parliament" is a coordinated act of its own; "without confirming or
/// denying the clashes, dismissed …" denies in a side clause. A message
/// that did the act is no denied claim: "rejected a resolution condemning
/// their tests" (`message_nouns`).
fn denial(s: &Sentence<'_>, f: &Found, clause_start: usize) -> Option<String> {
    let sent = s.words[f.verb].lower.ends_with("ing")
        && f.verb > 0
        && lex().message_nouns.contains(&s.words[f.verb - 1].lower);
    if sent {
        return None;
    }
    let coordinated = |d: usize| s.parse.as_ref().is_some_and(|p| p.coordinated(d, f.verb));
    let governs = |d: usize| s.parse.as_ref().is_none_or(|p| p.governs(d, f.verb));
    (clause_start..f.verb)
        .find(|&k| lex().denials.contains(&s.words[k].lower) && !coordinated(k) && governs(k))
        .map(|d| s.words[d].lower.clone())
}

/// The word of `subject_negators` right before the first source: "Neither
/// Chile nor Peru signed", "No Chilean official attended".
fn subject_negated(s: &Sentence<'_>, roles: &Roles) -> Option<String> {
    let first = roles.sources.iter().map(|&i| s.actors[i].start).min()?;
    let k = s.words.iter().position(|w| w.start == first)?;
    let before = &s.words.get(k.checked_sub(1)?)?.lower;
    lex()
        .subject_negators
        .contains(before)
        .then(|| before.clone())
}

/// "Should Russia invade, …", "Had Peru expelled the envoy, …": a
/// condition with the subject after its first word (`inverted_conditions`)
/// at the start of the sentence or clause; like "if", it holds the clause
/// after it too. Returns the word that opens it.
fn inverted_condition(words: &[W], clause_start: usize, verb: usize) -> Option<usize> {
    let opener = words.get(clause_start)?;
    (lex().inverted_conditions.contains(&opener.lower) && verb > clause_start + 1)
        .then_some(clause_start)
}

/// "deterring Iran from attacking shipping", "prevented Chile from
/// signing": a gerund after a word of `prevention_cases` ("from") that a
/// verb of prevention (`prevention_verbs`) up to five words before it
/// governs did not happen; nor one after a word of `dissuasion_cases`
/// ("against") that a word of warning (`dissuasion_verbs`) up to eleven
/// words before governs ("warned NATO in an interview against admitting
/// Ukraine").
fn prevented(words: &[W], clause_start: usize, verb: usize) -> Option<String> {
    if !words[verb].lower.ends_with("ing") {
        return None;
    }
    let case = words.get(verb.checked_sub(1)?)?.lower.as_str();
    let (verbs, reach) = if lex().prevention_cases.contains(case) {
        (&lex().prevention_verbs, 6)
    } else if lex().dissuasion_cases.contains(case) {
        (&lex().dissuasion_verbs, 12)
    } else {
        return None;
    };
    (clause_start.max(verb.saturating_sub(reach))..verb - 1)
        .rev()
        .find(|&k| verbs.contains(&words[k].lower))
        .map(|k| format!("{} … {case}", words[k].lower))
}

/// "a ban on senior officers visiting Fiji": a gerund whose doer follows
/// "on" after a noun of prohibition (`ban_nouns`), up to five words back
/// with no punctuation between, names what is banned, not what was done.
fn banned(words: &[W], clause_start: usize, verb: usize) -> Option<String> {
    if !words[verb].lower.ends_with("ing") {
        return None;
    }
    let from = clause_start.max(verb.saturating_sub(7)) + 1;
    let on = (from..verb)
        .rev()
        .take_while(|&k| words[k].lower.chars().any(char::is_alphanumeric))
        .find(|&k| words[k].lower == "on")?;
    let noun = &words[on - 1].lower;
    lex().ban_nouns.contains(noun).then(|| format!("{noun} on"))
}

/// The one or two words of `list` right before a gerund trigger: those
/// that say it did not happen or has ended (`gerund_negators`: "stopped
/// short of condemning", "ceased supplying"), or that it is only thought
/// of (`gerund_hypotheticals`: "considered expelling", "the possibility of
/// sending").
fn gerund_after(words: &[W], verb: usize, list: &WordList) -> Option<String> {
    if !words[verb].lower.ends_with("ing") {
        return None;
    }
    let before = |n: usize| {
        let from = verb.checked_sub(n)?;
        Some(
            words[from..verb]
                .iter()
                .map(|w| w.lower.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    [1, 2]
        .into_iter()
        .filter_map(before)
        .find(|p| list.contains(p))
}

/// A negation cue `n`. "Turkey will not meet …", "Interpol would not
/// consider requests": a stated refusal is itself an event (12). The modal
/// and negation right before the verb: "would not consider", "will not
/// meet" (not "will not be deterred … and defend").
fn negation(words: &[W], f: &Found, n: String, code: &str, intent_codes: bool) -> Cues {
    let near = f.verb.saturating_sub(2)..f.verb;
    let modal = near
        .clone()
        .find(|&j| matches!(words[j].lower.as_str(), "not" | "n't" | "never"))
        .filter(|&j| j > 0)
        .map(|j| words[j - 1].lower.clone())
        .filter(|m| matches!(m.as_str(), "will" | "would" | "wo" | "shall"))
        .or_else(|| {
            near.map(|j| &words[j].lower)
                .find(|w| lex().negated_modals.contains(w.as_str()))
                .cloned()
        });
    match (modal, refusal_code(code)) {
        (Some(m), Some(r)) if intent_codes => Cues {
            refusal: Some(r),
            ..Cues::new(Factuality::Asserted, format!("{m} {n}"))
        },
        _ => Cues::new(Factuality::Negated, n),
    }
}

/// Whether the infinitive at `verb` completes an instrument a body enacted
/// in this clause: "voted on a resolution to expel", "passed a bill to ban".
fn enacted_demand(words: &[W], clause_start: usize, verb: usize) -> bool {
    verb >= 2
        && lex().instruments.contains(&words[verb - 2].lower)
        && (clause_start..verb - 2).any(|k| lex().enacting_verbs.contains(&words[k].lower))
}

/// Intent code for a cooperative event announced for the future ("will meet" → 036).
fn intent_code(code: &str) -> Option<String> {
    recode().intent(code)
}

/// Threat code for a conflict event announced for the future ("will retaliate").
fn threat_code(code: &str) -> Option<&'static str> {
    recode().threat(code)
}

/// The rejection a stated refusal of a cooperative act amounts to ("will not
/// meet" → 125; "would not consider" → 120); none for conflict.
fn refusal_code(code: &str) -> Option<&'static str> {
    recode().refusal(code)
}
