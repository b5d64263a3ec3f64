//! Who acts and on whom: voice, the subject (nearest acting mention to the
//! left, with coordinated actors), subjects shared by coordinated verbs, the
//! passive agent, and the sources and targets an event ends up with.

use std::collections::HashSet;

use faultline_actors::{Mention, Via};

use super::parse::ParsedRoles;
use super::pattern::{Ask, Match};
use super::{Carry, Engine, Found, Sentence, W};
use crate::cameo;
use crate::dict::lexicon::lex;
use crate::dict::recode::recode;
use crate::event::{ActorRef, Event};
use crate::verbs::{PatternForm, Trigger, TriggerKind};

/// The voice of a trigger.
pub(super) struct Voice {
    /// The word the verb group starts at (the verb, before soft adverbs).
    pub k: usize,
    /// True for a passive verb ("was shelled", "troops backed by Iran").
    pub passive: bool,
    /// The passive has its form of "be" ("was shelled"), not guessed from
    /// a participle after a mention.
    pub with_be: bool,
}

/// What the clause passes know of who acts before the patterns run.
pub(super) struct Who<'p> {
    /// The trigger is passive.
    pub passive: bool,
    /// The passive has its form of "be".
    pub with_be: bool,
    /// The subject (actors), if any.
    pub subject: Option<Vec<usize>>,
    /// The roles the parse reads, for a parsed sentence.
    pub parsed: Option<&'p ParsedRoles>,
}

/// The sources, targets and code of an event.
pub(super) struct Roles {
    /// Acting actors (indices into the sentence's actors).
    pub sources: Vec<usize>,
    /// Actors acted on.
    pub targets: Vec<usize>,
    /// CAMEO code from the pattern or the trigger's default.
    pub code: String,
    /// Id of the rule that gave the code.
    pub rule: String,
    /// True when a pattern matched (not the default).
    pub matched: bool,
    /// True for a passive trigger.
    pub passive: bool,
    /// For an event with no target that names an earlier event ("condemned
    /// the attack"): that event's source.
    /// (Each party of a joint act: "A and B held drills".)
    pub antecedent: Vec<ActorRef>,
    /// How the pattern (or the default code) assigns roles: both ways,
    /// among coordinated subjects.
    pub form: PatternForm,
}

/// The voice of trigger `fi`: passive after a form of "be", or a reduced
/// relative ("forces backed by …") after a mention, or set off by a comma
/// after one with its agent ("Qatar, backed by Turkey, …").
pub(super) fn voice(s: &Sentence<'_>, found: &[Found], fi: usize, trig: &Trigger) -> Voice {
    let (words, actors) = (&s.words, &s.actors);
    let f = &found[fi];
    let mut k = f.verb;
    while k > 0 && lex().soft_adverbs.contains(&words[k - 1].lower) {
        k -= 1;
    }
    let verb_word = words[f.verb].lower.as_str();
    let participle = !verb_word.ends_with("ing")
        && (verb_word.ends_with("ed") || verb_word.ends_with('n') || verb_word.ends_with('t'));
    let after_mention = k > 0 && actors.iter().any(|m| m.end == words[k - 1].end);
    let reduced_relative = participle
        && after_mention
        && found[..fi].iter().any(|p| p.verb + 1 < k)
        && !(f.after < words.len() && actors.iter().any(|m| m.start == words[f.after].start));
    // "Qatar, backed by Turkey, refused …": a participle set off after a
    // mention, with its agent.
    let set_off = participle
        && k >= 2
        && words[k - 1].lower == ","
        && actors.iter().any(|m| m.end == words[k - 2].end)
        && words.get(f.after).is_some_and(|w| w.lower == "by");
    let verb = matches!(trig.kind, TriggerKind::Verb { .. }) && participle;
    let with_be = verb && be_before(words, k);
    Voice {
        k,
        passive: with_be || (verb && (reduced_relative || set_off)),
        with_be,
    }
}

/// True when a form of "be" comes before word `k`, past adverbs in -ly and
/// their coordination ("was heavily and unjustly criticized", "is
/// fiercely opposed").
fn be_before(words: &[W], mut k: usize) -> bool {
    let adverb = |w: &str| w.len() > 4 && w.ends_with("ly");
    while k > 0 {
        let w = words[k - 1].lower.as_str();
        let linked = matches!(w, "and" | "or" | ",") && k > 1 && adverb(&words[k - 2].lower);
        if adverb(w) || linked {
            k -= 1;
        } else {
            break;
        }
    }
    k > 0 && lex().be.contains(&words[k - 1].lower)
}

/// The actor whose intention an infinitive states: "the US decision to
/// lift the embargo", "Washington's offer to resume talks" — a noun of
/// intention (`intention_nouns`) right before "to", owned by the mention
/// right before it. That actor, not the clause's subject ("Vietnam
/// welcomed …"), acts.
pub(super) fn intention_owner(s: &Sentence<'_>, f: &Found) -> Option<usize> {
    let v = f.verb;
    if v < 3 || s.words[v - 1].lower != "to" {
        return None;
    }
    if !lex().intention_nouns.contains(&s.words[v - 2].lower) {
        return intention_agent(s, v).map(|(a, _)| a);
    }
    // "Washington's decision": the owner ends before the possessive.
    let w = &s.words[v - 3];
    let possessive = ["'s", "’s"]
        .iter()
        .find(|p| w.lower.ends_with(*p))
        .map_or(0, |p| p.len());
    s.actors
        .iter()
        .position(|m| m.end == w.end || m.end + possessive == w.end)
}

/// "the decision by Kenya to expel …", "the offer by Peru to host …": the
/// mention right before "to" the infinitive at `v`, after an agent's
/// preposition (`agent_cases`) that follows a noun of intention; with the
/// index of that noun.
pub(super) fn intention_agent(s: &Sentence<'_>, v: usize) -> Option<(usize, usize)> {
    if v < 3 || s.words[v - 1].lower != "to" {
        return None;
    }
    let end = s.words[v - 2].end;
    let a = s.actors.iter().position(|m| m.end == end)?;
    let first = s.words.iter().position(|w| w.start == s.actors[a].start)?;
    // A determiner may open the mention's phrase ("by the Kenyan army").
    let mut k = first.checked_sub(1)?;
    if lex().determiners.contains(&s.words[k].lower) {
        k = k.checked_sub(1)?;
    }
    let noun = k.checked_sub(1)?;
    (lex().agent_cases.contains(&s.words[k].lower)
        && lex().intention_nouns.contains(&s.words[noun].lower))
    .then_some((a, noun))
}

/// The subject of trigger `f`: the parties after "between" for a noun with
/// no support verb, else the nearest acting mention to its left — or the
/// subject of an earlier verb coordinated with it by "and" or "but".
pub(super) fn subject_of(
    s: &Sentence<'_>,
    f: &Found,
    k: usize,
    carry: &Carry,
    out: &[Event],
) -> Option<Vec<usize>> {
    let subject = match f.between {
        // "talks between A and B": the parties are the actors after "between".
        Some(b) => s
            .actors
            .iter()
            .position(|m| m.start >= s.words[b].start)
            .map(|first| chain_right(s, first)),
        None => subject(s, s.words[f.verb].start),
    };
    match (
        f.between,
        k.checked_sub(1).map(|a| s.words[a].lower.as_str()),
    ) {
        (None, Some(c)) if lex().verb_coordinators.contains(c) => {
            shared_subject(s, k, subject, carry, out)
        }
        _ => subject,
    }
}

/// The subject of a gerund after "by" that the parse hangs on a verb
/// before it ("Peru angered Chile by recalling its envoy", "Iran
/// responded to Britain by seizing a tanker"): the subject of that verb,
/// by the word windows, not the actor nearest the gerund.
pub(super) fn by_gerund_subject(s: &Sentence<'_>, f: &Found) -> Option<Vec<usize>> {
    let by = f.verb.checked_sub(1)?;
    if s.words[by].lower != "by" || !s.words[f.verb].lower.ends_with("ing") {
        return None;
    }
    let governor = s.parse.as_ref()?.governor_start(f.verb)?;
    subject(s, governor)
}

/// The subject from the word windows checked against the parse's: the
/// parse decides when the two disagree and its subject is the clause's own
/// (a subject across a participle clause or a prepositional phrase); the
/// windows keep coordinated actors the parse reached only in part, and
/// subjects the parse inherits from another clause (where parses of news
/// go wrong most); when the windows find none, a conjunct's inherited
/// subject stands ("said … and urged"). Coordinated actors right before the verb ("Japan and
/// South Korea held …") stand against a parse that took a dateline or an
/// aside for the subject.
pub(super) fn reconcile(
    s: &Sentence<'_>,
    k: usize,
    heuristic: Option<Vec<usize>>,
    parsed: &ParsedRoles,
) -> Option<Vec<usize>> {
    let p = &parsed.subject;
    // "Speaking in Oslo, the envoy …": no actor of an adverbial clause;
    // nor, beside the parse's own subject, one it makes another verb's
    // argument ("China criticised Japan and Russia recalled …").
    let heuristic = heuristic
        .map(|h| {
            let overlaps = h.iter().any(|a| p.contains(a));
            let others_object = |a: usize| {
                s.parse
                    .as_ref()
                    .is_some_and(|t| t.object_of_other_verb(a, k) || t.in_other_verbs_phrase(a, k))
            };
            h.into_iter()
                .filter(|&a| {
                    p.contains(&a)
                        || !(in_adverbial_clause(s, a, k) || overlaps && others_object(a))
                })
                .collect::<Vec<_>>()
        })
        .filter(|h| !h.is_empty());
    match heuristic {
        // "condemned the deal on sending troops": the noun's act is done
        // by whoever the noun names, not by the sentence's subject.
        _ if parsed.noun_complement => (!p.is_empty()).then(|| p.clone()),
        // The actor nearest an infinitive of purpose is often its object's;
        // the windows only add actors coordinated with the parse's.
        Some(h) if parsed.purpose && !p.is_empty() && !p.iter().all(|a| h.contains(a)) => {
            Some(p.clone())
        }
        Some(h) if h.len() >= 2 && right_before(s, &h, k) => Some(h),
        // "Japan, angered by X's test, announced a shift, suspending aid":
        // a participle closing the clause is done by the clause's subject,
        // not by the nearest actor before it.
        _ if parsed.trailing_participle && !p.is_empty() => Some(p.clone()),
        // Of the subjects the parse has a verb inherit, only a conjunct's
        // ("the ministry said the ships were on patrol and urged Chile to …").
        // "After visiting Kyiv, the president …": a fronted participle's
        // subject is the clause's.
        None if p.is_empty()
            || (parsed.subject_inherited && !parsed.coordinated && !parsed.fronted_participle) =>
        {
            None
        }
        None => Some(p.clone()),
        // "Chile said the agreement signed in May harmed Peru": the
        // clause's own subject names nobody (an actor right before the
        // verb stands: the parse may have hung it elsewhere).
        Some(h) if parsed.subject_names_nobody && !right_before(s, &h, k) => None,
        // "indicated to the Ukrainians … but denied": an actor the parse
        // makes another word's object is no subject it would inherit.
        Some(h)
            if parsed.subject_inherited
                && !p.is_empty()
                && h.iter().all(|&a| argument_elsewhere(s, a, k)) =>
        {
            Some(p.clone())
        }
        // "the bloc suspended Mali and warned …": the conjunct's subject
        // is the bloc, whom no actor names, not the first verb's object.
        Some(h)
            if parsed.shared_subject_names_nobody
                && h.iter().all(|&a| object_of_first_conjunct(s, a, k)) =>
        {
            None
        }
        Some(h) if p.is_empty() || parsed.subject_inherited => Some(h),
        Some(h) if p.iter().any(|a| h.contains(a)) => {
            let mut all = h;
            all.extend(
                p.iter()
                    .filter(|a| !all.contains(a))
                    .copied()
                    .collect::<Vec<_>>(),
            );
            all.sort_unstable();
            Some(all)
        }
        Some(_) => Some(p.clone()),
    }
}

/// ", supporting …" / ", committing to …": a participle clause after a
/// comma shares the subject of the clause before it: the last event's,
/// unless the parse names the clause's subject ("Japan, angered by X's
/// launch, announced a shift, suspending aid": not X).
fn share_clause_subject(
    s: &Sentence<'_>,
    f: &Found,
    passive: bool,
    parsed: Option<&ParsedRoles>,
    carry: &Carry,
    roles: &mut Roles,
) {
    let words = &s.words;
    let parse_names_subject =
        parsed.is_some_and(|p| p.trailing_participle && !p.subject.is_empty());
    if !passive
        && !parse_names_subject
        && words[f.verb].lower.ends_with("ing")
        && f.verb > 0
        && words[f.verb - 1].lower == ","
        && !carry.last_sources.is_empty()
    {
        if roles.form.swap && !roles.sources.is_empty() {
            // ", drawing criticism from X": the subject is acted on.
            roles.targets = carry.last_sources.clone();
        } else {
            roles.sources = carry.last_sources.clone();
            let sources = &roles.sources;
            roles.targets.retain(|t| !sources.contains(t));
        }
    }
}

/// True when actor `t` is of the same country as one of `partners` ("the
/// two leaders announced a deal to expand U.S. access"): a partner named
/// again, no third party.
fn partner_named(s: &Sentence<'_>, partners: &[usize], t: usize) -> bool {
    let country = |a: usize| s.actors[a].country.as_deref();
    country(t).is_some() && partners.iter().any(|&p| country(p) == country(t))
}

/// True when the parse makes actor `a` the name of what the subjects own
/// together ("formed their AUKUS alliance").
fn shared_thing(s: &Sentence<'_>, a: usize) -> bool {
    s.parse.as_ref().is_some_and(|t| t.names_shared_thing(a))
}

/// True when the parse gives actor `a` a preposition ("over the Sea of
/// Japan", "in Geneva").
fn in_phrase(s: &Sentence<'_>, a: usize) -> bool {
    s.parse.as_ref().is_some_and(|t| t.in_phrase(a))
}

/// True when the parse makes actor `a` an argument of another word than
/// the verb at word `k`.
fn argument_elsewhere(s: &Sentence<'_>, a: usize, k: usize) -> bool {
    s.parse.as_ref().is_some_and(|t| t.argument_elsewhere(a, k))
}

/// True when the parse makes actor `a` the object of the verb that the
/// verb at word `k` is conjoined to.
fn object_of_first_conjunct(s: &Sentence<'_>, a: usize, k: usize) -> bool {
    s.parse
        .as_ref()
        .is_some_and(|t| t.object_of_first_conjunct(a, k))
}

/// True when the parse puts actor `a` in an adverbial clause of the verb
/// at word `k`.
fn in_adverbial_clause(s: &Sentence<'_>, a: usize, k: usize) -> bool {
    s.parse
        .as_ref()
        .is_some_and(|t| t.in_adverbial_clause(a, k))
}

/// True when the last of `actors` ends right before word `k`: nothing but
/// up to three words, and no punctuation, between.
fn right_before(s: &Sentence<'_>, actors: &[usize], k: usize) -> bool {
    let Some(end) = actors.iter().map(|&a| s.actors[a].end).max() else {
        return false;
    };
    let between: Vec<&W> = s.words.iter().take(k).filter(|w| w.start >= end).collect();
    between.len() <= 3
        && between
            .iter()
            .all(|w| w.lower.chars().all(char::is_alphanumeric))
}

/// Coordinated verbs share their subject: "Iran issued warrants on people
/// involved in Soleimani's killing and demanded …" — the nearest actor
/// before "and demanded" sits in the first verb's object; the subject is the
/// first verb's.
fn shared_subject(
    s: &Sentence<'_>,
    k: usize,
    subject: Option<Vec<usize>>,
    carry: &Carry,
    out: &[Event],
) -> Option<Vec<usize>> {
    let (words, actors) = (&s.words, &s.actors);
    let earlier = carry
        .verb_subjects
        .iter()
        .rev()
        .find(|(v, s)| *v + 1 < k && s.is_some());
    // The actor picked is the object of the earlier verb's event.
    let object_of = |v: usize, i: usize| {
        out.iter()
            .rev()
            .take_while(|e| e.sentence.index == s.inp.index)
            .any(|e| {
                e.trigger.start == words[v].start
                    && e.target
                        .as_ref()
                        .is_some_and(|t| t.start == actors[i].start)
            })
    };
    // Or it stands after the earlier verb with nothing of its own before
    // "and" ("for the Syrian Army to enter and deploy": the army has its own
    // verb).
    let in_object = |v: usize, i: usize| {
        let m = actors[i];
        m.start > words[v].start
            && !words.iter().any(|w| {
                w.start >= m.end
                    && w.end <= words[k - 1].start
                    && matches!(
                        w.lower.as_str(),
                        "to" | "who" | "which" | "that" | "," | ";" | "said" | "says"
                    )
            })
    };
    match (earlier, &subject) {
        (Some((v, Some(s0))), Some(sub))
            if sub
                .first()
                .is_some_and(|&i| object_of(*v, i) || in_object(*v, i)) =>
        {
            Some(s0.clone())
        }
        (Some((_, Some(s0))), None) => Some(s0.clone()),
        _ => subject,
    }
}

impl Engine<'_> {
    /// "A and B flew a joint patrol over the sea of C", "A and B signed an
    /// agreement on the return of C's migrants": partners of a joint act,
    /// with no pattern binding a third party (none matched, or one without
    /// a `TARGET`), act on one another, not on a place or topic they name.
    fn partners_only(
        &self,
        s: &Sentence<'_>,
        f: &Found,
        m: &Match,
        subject: &[usize],
        targets: &[usize],
    ) -> bool {
        !m.bound
            && subject.len() >= 2
            && (super::emit::is_joint(&m.code) || self.verbs.triggers[f.candidates[0]].joint)
            && targets
                .iter()
                .all(|&t| in_phrase(s, t) || partner_named(s, subject, t) || shared_thing(s, t))
    }

    /// Sources, targets and code of trigger `fi` given its subject: the
    /// passive agent or the pattern's target, participle clauses sharing the
    /// previous sources, "talks between A and B" as a pair, and one's own
    /// forces dropped from force posture. `None` when nobody acts.
    pub(super) fn roles(
        &self,
        s: &Sentence<'_>,
        found: &[Found],
        fi: usize,
        who: Who<'_>,
        carry: &mut Carry,
    ) -> Option<Roles> {
        let Who {
            passive,
            with_be,
            subject,
            parsed,
        } = who;
        let (words, actors) = (&s.words, &s.actors);
        let f = &found[fi];
        let clause_end = s.clause_end(f.after);
        let verb_starts: Vec<usize> = found.iter().map(|f| f.verb).collect();
        let own_countries: Vec<&str> = subject
            .iter()
            .flatten()
            .filter_map(|&s| actors[s].country.as_deref())
            .collect();
        let ask = Ask {
            clause_end,
            trigger_starts: &verb_starts,
            passive,
            own: &own_countries,
            compound: subject.as_ref().is_some_and(|v| v.len() >= 2),
            places: self.place_targets,
        };
        let mut roles = if passive {
            let by = (f.after..clause_end).find(|&k| words[k].lower == "by");
            let agent = by.and_then(|b| {
                actors
                    .iter()
                    .position(|m| words.get(b + 1).is_some_and(|w| w.start == m.start))
            });
            let m = self.match_patterns(s, f, &Ask { own: &[], ..ask });
            let agent = match parsed {
                Some(p) if !p.agent.is_empty() => Some(p.agent.clone()),
                // "a pact was signed between Chile and Peru": the parties
                // of a joint act, one of them its source (see below).
                Some(p) if p.pair.len() >= 2 && super::emit::is_joint(&m.code) => {
                    Some(p.pair.clone())
                }
                _ => agent.map(|a| chain_right(s, a)),
            };
            Roles {
                sources: agent.unwrap_or_default(),
                targets: subject.unwrap_or_default(),
                code: m.code,
                rule: m.rule,
                matched: m.matched,
                passive,
                antecedent: Vec::new(),
                form: m.form,
            }
        } else {
            let m = self.match_patterns(s, f, &ask);
            // Triggers inside the matched words belong to this event.
            for later in &found[fi + 1..] {
                if later.verb >= f.after && later.verb < m.end {
                    carry.consumed.insert(later.verb);
                }
            }
            let verb_start = words[f.verb].start;
            let parsed_targets = parsed.map(|p| {
                let mut t = parse_targets(s, p, (&m.code, m.bound), &own_countries);
                t.retain(|&t| !closing_attribution(s, t, verb_start));
                t
            });
            let targets = pick_targets(s, parsed_targets, &m, f.verb);
            let subject = subject.unwrap_or_default();
            let (sources, targets) = match m.target {
                // "A received money from B": the actor the pattern binds
                // after the verb is the source.
                Some(t) if m.form.swap => (chain_right(s, t), subject),
                // "A and B postponed their meeting": the coordinated
                // subjects act on one another.
                _ if m.form.compound => (subject, Vec::new()),
                _ if self.partners_only(s, f, &m, &subject, &targets) => (subject, Vec::new()),
                _ => (subject, targets),
            };
            Roles {
                sources,
                targets,
                code: m.code,
                rule: m.rule,
                matched: m.matched,
                passive,
                antecedent: Vec::new(),
                form: m.form,
            }
        };
        share_clause_subject(s, f, passive, parsed, carry, &mut roles);
        // "talks between A and B": the pair is both actors.
        // Not "disputes between A and B should be resolved": a passive
        // with its "be" and no agent names no one acting.
        if roles.sources.is_empty()
            && !(passive && with_be)
            && roles.targets.len() >= 2
            && super::emit::is_joint(&roles.code)
        {
            roles.sources = vec![roles.targets.remove(0)];
        }
        if roles.sources.is_empty() {
            return kept_without_source(&roles).then_some(roles);
        }
        carry.last_sources = roles.sources.clone();
        addressee_of_meeting(&mut roles, carry);
        addressee_of_conflict(&mut roles, carry);
        let sources = &roles.sources;
        roles.targets.retain(|t| !sources.contains(t));
        // Force posture and concessions act on one's own forces ("stationed
        // troops", "withdrew its forces"): those are not targets.
        if matches!(cameo::root(&roles.code), "15" | "08") {
            let own: HashSet<Option<&str>> = sources
                .iter()
                .map(|&s| actors[s].country.as_deref())
                .collect();
            roles.targets.retain(|&t| {
                !(actors[t].via == Via::Context && own.contains(&actors[t].country.as_deref()))
            });
        }
        Some(roles)
    }
}

/// Whether an event with no source goes on: material conflict with
/// targets ("oil plants were hit by drones"), to wait for a claim of
/// responsibility; a passive joint act with no party named ("agreements
/// were signed"), which may be the pair that met just before; a passive
/// act only a host does to a guest's envoy ("the ambassador was
/// summoned"), the host's (see `emit`).
fn kept_without_source(roles: &Roles) -> bool {
    if roles.targets.is_empty() {
        roles.passive && super::emit::is_joint(&roles.code)
    } else {
        cameo::quad_class(&roles.code) == 4 || (roles.passive && is_hosted_act(&roles.code))
    }
}

/// True for an act only a host country does to another's envoy
/// (recode.toml `hosted_acts`).
pub(super) fn is_hosted_act(code: &str) -> bool {
    recode().kinds.hosted_acts.iter().any(|c| c == code)
}

/// "A met B and apologised", "A received B and pledged aid": a statement
/// of cooperation or intent with no addressee of its own, by the sources
/// of a meeting earlier in the sentence, is addressed to the party met.
/// A meeting with targets is kept for the triggers after it.
fn addressee_of_meeting(roles: &mut Roles, carry: &mut Carry) {
    let kinds = &recode().kinds;
    address(roles, &kinds.addressed_at_meetings, carry.meeting.as_ref());
    if !roles.targets.is_empty() && kinds.meetings.contains(&roles.code) {
        carry.meeting = Some((roles.sources.clone(), roles.targets.clone()));
    }
}

/// Gives an event of one of `roots` with no targets the targets of the
/// `earlier` event (its sources and targets) when the sources are the same.
fn address(roles: &mut Roles, roots: &[String], earlier: Option<&(Vec<usize>, Vec<usize>)>) {
    let root = cameo::root(&roles.code);
    if roles.targets.is_empty()
        && roots.iter().any(|r| r == root)
        && let Some((sources, targets)) = earlier
        && *sources == roles.sources
    {
        roles.targets.clone_from(targets);
    }
}

/// "A expelled B's envoy and warned of sanctions", "A condemned B and
/// demanded an apology": a demand, disapproval, rejection or threat with
/// no target of its own, by the sources of a conflict act earlier in the
/// sentence, is aimed at that act's targets. A conflict act with targets
/// is kept for the triggers after it.
fn addressee_of_conflict(roles: &mut Roles, carry: &mut Carry) {
    let kinds = &recode().kinds;
    address(
        roles,
        &kinds.addressed_after_conflict,
        carry.conflict.as_ref(),
    );
    if !roles.targets.is_empty() && cameo::quad_class(&roles.code) >= 3 {
        carry.conflict = Some((roles.sources.clone(), roles.targets.clone()));
    }
}

/// The targets of an active trigger: a pattern's target stands (with the
/// parties the parse names after it); else the parse's objects and target
/// obliques; else the first actor after the trigger.
fn pick_targets(
    s: &Sentence<'_>,
    parsed: Option<Vec<usize>>,
    m: &Match,
    verb: usize,
) -> Vec<usize> {
    let targets = match (parsed, m.target) {
        // The parse agrees and may name more parties after it
        // ("met with the IMF, then with President Trump").
        (Some(p), Some(t)) if m.matched && p.contains(&t) => {
            let mut all = chain_right(s, t);
            let after = p
                .iter()
                .filter(|&&a| s.actors[a].start > s.actors[t].start && !all.contains(&a))
                .copied()
                .collect::<Vec<_>>();
            all.extend(after);
            Some(all)
        }
        (Some(p), Some(t)) if m.matched && (p.is_empty() || !after_place_word(s, t)) => None,
        (Some(p), _) if !p.is_empty() => Some(p),
        _ => None,
    };
    targets.unwrap_or_else(|| {
        m.target
            // A default target inside a relative clause tells about the
            // object; a pattern's target stands.
            .filter(|&t| {
                m.matched
                    || !s
                        .parse
                        .as_ref()
                        .is_some_and(|p| p.in_relative_clause(t, verb))
            })
            .map(|t| chain_right(s, t))
            .unwrap_or_default()
    })
}

/// The parse's targets for an event of code `code`: an opponent ("backed Y
/// against Z") only for conflict, and never the sources' own country ("Trump
/// withdrew the US from …").
fn parse_targets(
    s: &Sentence<'_>,
    p: &ParsedRoles,
    (code, bound): (&str, bool),
    own: &[&str],
) -> Vec<usize> {
    let conflict = cameo::quad_class(code) >= 3;
    // Force posture and concessions act on one's own forces ("massed
    // troops", "withdrew its soldiers"): any sector of one's own country.
    let posture = matches!(cameo::root(code), "15" | "08");
    p.targets
        .iter()
        .copied()
        .filter(|t| conflict || !p.opponents.contains(t))
        .filter(|&t| {
            let m = s.actors[t];
            // Beside the target a pattern bound, a bare role word of one's
            // own side ("opened an embassy in Ghana": the embassy took the
            // subject's country) is no target.
            let own_role = bound && m.via == Via::Context;
            !((m.code.len() == 3 || posture || own_role)
                && m.country.as_deref().is_some_and(|c| own.contains(&c)))
        })
        .collect()
}

/// True when the mention of actor `a` comes right after a preposition of
/// place ("in Oslo", "at the palace"): a pattern's `TARGET` bound there is
/// a place the parse may correct.
fn after_place_word(s: &Sentence<'_>, a: usize) -> bool {
    word_before(&s.words, s.actors[a].start).is_some_and(|w| lex().place_prepositions.contains(w))
}

/// Spans of relative clauses closed before `verb_start` ("Russia, which
/// backs President Assad, urged …"): their actors are not the subject.
fn relative_clauses(s: &Sentence<'_>, verb_start: usize) -> Vec<(usize, usize)> {
    let sentence_start = s.words.first().map_or(0, |w| w.start);
    let text = s.body.get(sentence_start..verb_start).unwrap_or("");
    let mut relative: Vec<(usize, usize)> = Vec::new();
    for marker in [", which ", ", who ", ", whose ", ", where "] {
        for (at, _) in text.match_indices(marker) {
            if let Some(close) = text[at + marker.len()..].find(',') {
                let from = sentence_start + at;
                relative.push((from, from + marker.len() + close));
            }
        }
    }
    relative
}

/// The lower-case word that ends before byte `pos`.
fn word_before(words: &[W], pos: usize) -> Option<&str> {
    words
        .iter()
        .rev()
        .find(|w| w.end <= pos)
        .map(|w| w.lower.as_str())
}

/// The subject of a trigger: nearest acting mention to its left (not a
/// prepositional object), with the actors coordinated before it.
fn subject(s: &Sentence<'_>, verb_start: usize) -> Option<Vec<usize>> {
    let (words, actors, body) = (&s.words, &s.actors, s.body);
    let relative = relative_clauses(s, verb_start);
    let mut pick = None;
    // The last actor of a parenthesis closed before the verb, should no
    // actor stand outside it ("The Gulf states (Saudi Arabia and Bahrain)
    // cut ties").
    let mut in_parenthesis = None;
    for (i, m) in actors.iter().enumerate().rev() {
        if m.end > verb_start || relative.iter().any(|&(a, b)| m.start > a && m.end <= b) {
            continue;
        }
        // Inside a parenthesis: one opened and not closed before the verb,
        // or one that closes before it ("Yugoslavia (now only Serbia and
        // Montenegro) agreed": the aside's names are no subject).
        let between = &body[m.end..verb_start];
        let (opens, closes) = (between.matches('(').count(), between.matches(')').count());
        if opens > 0 && closes == 0 {
            continue;
        }
        if closes > opens {
            in_parenthesis = in_parenthesis.or(Some(i));
            continue;
        }
        if after_preposition(words, m) || possessive_before_noun(body, m, verb_start) {
            continue;
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
    let first = pick.or(in_parenthesis)?;
    // Coordinated actors before it: "A, B and C", "A; B; and C" (through appositions).
    let mut chain = vec![first];
    let mut cur = first;
    while cur > 0 {
        let prev = cur - 1;
        let gap = gap_without_title(body, actors[prev].end, actors[cur], s.inp.mentions);
        if is_coordination(&gap)
            && !clause_boundary(s, prev, cur, &gap)
            && !comma_before_speaker(s, &gap, cur)
        {
            chain.insert(0, prev);
            cur = prev;
        } else {
            break;
        }
    }
    Some(with_same_span(actors, chain))
}

/// True when mention `m` is the object of a preposition ("according to X",
/// "in Seoul"). "after Trump had a call": after/before/since/until start
/// clauses too; "thousands of Iraqis protested": a quantity's "of" is no
/// preposition, nor is the "of" of a member ("the general manager of X,
/// Ana Ruiz, said": X speaks).
fn after_preposition(words: &[W], m: &Mention) -> bool {
    let before = word_before(words, m.start);
    let quantity_of = before == Some("of")
        && words
            .iter()
            .rev()
            .filter(|w| w.end <= m.start)
            .nth(1)
            .is_some_and(|w| {
                lex().quantities.contains(&w.lower) || lex().member_heads.contains(&w.lower)
            });
    !quantity_of
        && before.is_some_and(|b| {
            lex().prepositions.contains(b)
                && !matches!(b, "by" | "after" | "before" | "since" | "until" | "as")
        })
}

/// A possessive ("Japan's minister") is not the subject when a noun follows.
fn possessive_before_noun(body: &str, m: &Mention, verb_start: usize) -> bool {
    if m.text.ends_with("'s")
        || m.text.ends_with("’s")
        || body[m.end..].starts_with("'s")
        || body[m.end..].starts_with("’s")
    {
        let rest = body[m.end..verb_start]
            .trim_start_matches(['\'', '’', 's'])
            .trim();
        return !rest.is_empty();
    }
    false
}

/// The actor at `first` and those coordinated after it.
pub(super) fn chain_right(s: &Sentence<'_>, first: usize) -> Vec<usize> {
    let actors = &s.actors;
    let mut chain = vec![first];
    let mut cur = first;
    while cur + 1 < actors.len() {
        let gap = gap_without_title(s.body, actors[cur].end, actors[cur + 1], s.inp.mentions);
        let speaker = speaks(s, cur + 1) || (gap.contains(',') && speaks_from_place(s, cur + 1));
        if is_coordination(&gap)
            && !speaker
            && !clause_boundary(s, cur, cur + 1, &gap)
            && !comma_before_speaker(s, &gap, cur + 1)
        {
            chain.push(cur + 1);
            cur += 1;
        } else {
            break;
        }
    }
    with_same_span(actors, chain)
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

/// True when a speech verb follows actor `a`: "…, the health ministry
/// said" attributes the clause, it names no party of it.
fn speaks(s: &Sentence<'_>, a: usize) -> bool {
    let after = &s.body[s.actors[a].end..];
    // "the Joint Chiefs of Staff (JCS) said": an acronym in brackets.
    let after = match after.trim_start().strip_prefix('(') {
        Some(rest) => {
            rest.split_once(')').map_or(
                after,
                |(inside, rest)| {
                    if inside.len() <= 12 { rest } else { after }
                },
            )
        }
        None => after,
    };
    let next = after
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    // "drills by Seoul and Washington, calling them …": a participle after
    // a comma has the clause's subject, not the mention before it.
    let participle = next.ends_with("ing")
        && after.trim_start().starts_with(',')
        && !lex().reported_by.contains(next);
    !participle && (lex().say.contains(next) || lex().reported_by.contains(next))
}

/// True when actor `a` is placed by the next actor, or listed with the
/// actors after it, and the last of them speaks: "the defence ministry in
/// Moscow said", "the foreign ministry of Iran said", "officials in
/// Helsinki and Stockholm said", "France and Germany said".
fn speaks_from_place(s: &Sentence<'_>, a: usize) -> bool {
    let mut at = a;
    while let Some(next) = s.actors.get(at + 1) {
        let gap = s
            .body
            .get(s.actors[at].end..next.start)
            .unwrap_or("")
            .trim();
        let linked =
            lex().speaker_place_links.contains(gap) || lex().speaker_list_links.contains(gap);
        if !linked {
            return false;
        }
        if speaks(s, at + 1) {
            return true;
        }
        at += 1;
    }
    false
}

/// True when actor `a`, after the verb at byte `verb_start`, speaks a
/// closing attribution: a comma, at most a determiner, then the actor and
/// its speech verb ("…, the defence ministry said"; "…, Iran's state
/// television reported"). The speaker is no party of the event it reports.
pub(super) fn closing_attribution(s: &Sentence<'_>, a: usize, verb_start: usize) -> bool {
    let m = s.actors[a];
    if m.start <= verb_start || !(speaks(s, a) || speaks_from_place(s, a)) {
        return false;
    }
    let before = s.body[verb_start..m.start].trim_end();
    let before = match before.rsplit_once(' ') {
        Some((rest, last)) if lex().determiners.contains(last) => rest.trim_end(),
        _ => before,
    };
    before.ends_with(',')
}

/// True when the gap before actor `b` is a bare comma and `b` speaks: in
/// "attacked Ukraine and Georgia, Britain said" or "threatened Israel,
/// Qatar said" the speaker is no member of the list before it (a list of
/// speakers runs "A, B and C said").
fn comma_before_speaker(s: &Sentence<'_>, gap: &str, b: usize) -> bool {
    gap.trim() == "," && (speaks(s, b) || speaks_from_place(s, b))
}

/// True when a comma between actors `a` and `b` ends a clause: the parse
/// makes `b` a subject and `a` none ("If Beijing invades Taiwan,
/// Washington will …"), so the two are no list.
fn clause_boundary(s: &Sentence<'_>, a: usize, b: usize, gap: &str) -> bool {
    gap.contains(',')
        && s.parse
            .as_ref()
            .is_some_and(|p| p.mention_is_subject(b) && !p.mention_is_subject(a))
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
