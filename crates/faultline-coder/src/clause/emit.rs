//! Emit: the confidence of an event, its source–target pairs (joint events
//! in both directions, mutual codes both ways, no actor acting on itself)
//! and the `Event` records; events with targets and no source are kept
//! aside for a later claim of responsibility.

use faultline_actors::{Mention, Via};

use super::dating::Dated;
use super::roles::Roles;
use super::{Article, Carry, Engine, Found, Sentence};
use crate::cameo;
use crate::dict::lexicon::lex;
use crate::dict::recode::recode;
use crate::dict::verbs::{Trigger, TriggerKind};
use crate::event::{ActorRef, Event, Factuality, Plover, SentenceRef, TriggerRef};

/// Codes whose events are joint by nature (consult, cooperate): the roots
/// of `data/recode.toml`.
pub(super) fn is_joint(code: &str) -> bool {
    recode().is_joint(code)
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

/// 0–1: a matched pattern is trusted more than a default code; context or
/// coreference sources, the passive and a missing target less.
fn confidence(s: &Sentence<'_>, roles: &Roles) -> f64 {
    let mut c: f64 = if roles.matched { 0.85 } else { 0.65 };
    if roles
        .sources
        .iter()
        .any(|&i| matches!(s.actors[i].via, Via::Context | Via::Coreference))
    {
        c -= 0.1;
    }
    if roles.passive {
        c -= 0.05;
    }
    if roles.targets.is_empty() {
        c -= 0.05;
    }
    (c.max(0.3) * 100.0).round() / 100.0
}

/// The (source, target) pairs of an event: every source with every target
/// (both ways when `mutual`); sources of a joint event with no target pair
/// among themselves, as do those acting on "each other" whatever the targets.
fn pairs(
    roles: &Roles,
    joint: bool,
    mutual: bool,
    each_other: bool,
) -> Vec<(usize, Option<usize>)> {
    let sources = &roles.sources;
    let targets: &[usize] = if each_other { &[] } else { &roles.targets };
    let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
    if targets.is_empty() {
        if sources.len() >= 2 && joint {
            // "A and B agreed": a joint event, coded in both directions.
            for &a in sources {
                for &b in sources {
                    if a != b {
                        pairs.push((a, Some(b)));
                    }
                }
            }
        } else {
            pairs.extend(sources.iter().map(|&s| (s, None)));
        }
    } else {
        for &s in sources {
            for &t in targets {
                pairs.push((s, Some(t)));
                // Meeting and negotiating are mutual: "A met B" is also B meeting A.
                if mutual {
                    pairs.push((t, Some(s)));
                }
            }
        }
    }
    pairs
}

/// True when the clause of trigger `f` says its subjects act on each other
/// (`mutual_cut_markers`: "each recalled their ambassadors", "cut ties").
fn names_both_sides(s: &Sentence<'_>, f: &Found) -> bool {
    let (from, end) = (s.clause_start(f.verb), s.clause_end(f.after));
    s.words[from.min(end)..end]
        .iter()
        .any(|w| lex().mutual_cut_markers.contains(&w.lower))
}

/// True when a reciprocal trigger pairs its subjects here: a verb that
/// names no opponent of its own ("A and B fought insurgents" does), and,
/// for a verb of `contest_verbs`, names the contest ("fought a war",
/// "fought over the strip"; "A and B fought in Iraq" are allies).
fn reciprocal_here(s: &Sentence<'_>, f: &Found, trigger: &Trigger) -> bool {
    if !matches!(trigger.kind, TriggerKind::Verb { .. }) {
        return true;
    }
    let Some(p) = s.parse.as_ref() else {
        return true;
    };
    !p.has_opponent(f.verb, f.after)
        && (!lex().contest_verbs.contains(&s.words[f.verb].lower) || p.names_contest(f.verb))
}

/// True when "each other" or "one another" (`reciprocal_phrases`) follows
/// trigger `f` within [`RECIPROCAL_WORDS`] words of its clause: "Chad and
/// Sudan accused each other of arming rebels", "blamed one another for the
/// clash" pair the subjects, whatever the verb.
fn acts_on_each_other(s: &Sentence<'_>, f: &Found) -> bool {
    let end = s.clause_end(f.after).min(f.after + RECIPROCAL_WORDS);
    (f.after..end).any(|k| {
        s.words.get(k + 1).is_some_and(|next| {
            lex()
                .reciprocal_phrases
                .contains(format!("{} {}", s.words[k].lower, next.lower).as_str())
        })
    })
}

/// How far after a trigger "each other" may stand ("accused each other",
/// "clashed with each other", "traded blame with one another").
const RECIPROCAL_WORDS: usize = 3;

/// True when trigger `f` is a promise each of its subjects makes on its
/// own: a bare intent (`joint_if_reciprocal`) stated by a verb of
/// promising (`promise_verbs`) whose clause names no partnership of the
/// subjects (`reciprocal_markers`). "Ghana and Chile promised to send
/// doctors" is; "Chile and Peru vowed to deepen their ties" and "Chile and
/// Peru agreed to talk" are not.
fn one_sided_intent(s: &Sentence<'_>, f: &Found, code: &str) -> bool {
    if !recode().is_joint_if_reciprocal(code)
        || !lex().promise_verbs.contains(&s.words[f.verb].lower)
    {
        return false;
    }
    let end = s.clause_end(f.after);
    !s.words[f.after.min(end)..end]
        .iter()
        .any(|w| lex().reciprocal_markers.contains(&w.lower))
}

/// The two sides of the latest asserted meeting or visit (root 04) of the
/// article, as far back as an event noun reaches (`reach` sentences before
/// sentence `at`, or the lead; `data/anaphora.toml`): the parties of an
/// agreement signed with no agent named ("Within the visit, agreements were
/// signed …").
fn meeting_pair(art: &Article, at: usize) -> Option<(ActorRef, ActorRef)> {
    let e = art.events.iter().rev().find(|e| {
        e.factuality == Factuality::Asserted
            && e.root == "04"
            && super::anaphora::within_reach(e.sentence.index, at)
            && e.target
                .as_ref()
                .is_some_and(|t| t.country.is_some() && t.country != e.source.country)
            && e.source.country.is_some()
    })?;
    let side = |a: &ActorRef| ActorRef {
        via: Via::Coreference,
        ..a.clone()
    };
    Some((side(&e.source), side(e.target.as_ref()?)))
}

/// The host of a passive act on the envoys of `roles.targets` ("Chile's
/// envoy was summoned"): none when the envoy went "home" or "back"
/// (`return_adverbs`); else a country, none of theirs, after a preposition
/// of place or "to" and after no topic word (`information_cases`: "… to
/// the ministry in Lima", not "over the war in Ukraine"); else the other
/// side of the latest event within reach between their country and another.
fn host_of(s: &Sentence<'_>, roles: &Roles, art: &Article) -> Option<ActorRef> {
    let guests: Vec<&str> = roles
        .targets
        .iter()
        .filter_map(|&t| s.actors[t].country.as_deref())
        .collect();
    let other = |c: Option<&str>| c.is_some_and(|c| c != "IGO" && !guests.contains(&c));
    let context = |a: &ActorRef| ActorRef {
        via: Via::Context,
        ..a.clone()
    };
    // "summoned home" or "back" is a recall by the envoy's own side.
    if s.words
        .iter()
        .any(|w| lex().return_adverbs.contains(&w.lower))
    {
        return None;
    }
    // A place the envoy was summoned to ("… to the ministry in Lima"), not
    // a topic or a speaker ("over the war in Ukraine", "Argentine media").
    let placed = |m: &&&Mention| {
        s.words
            .iter()
            .rev()
            .find(|w| w.end <= m.start && !lex().determiners.contains(w.lower.as_str()))
            .is_some_and(|w| lex().place_prepositions.contains(&w.lower) || w.lower == "to")
            && !s
                .words
                .iter()
                .filter(|w| w.end <= m.start)
                .any(|w| lex().information_cases.contains(&w.lower))
    };
    if let Some(m) = s
        .actors
        .iter()
        .filter(placed)
        .find(|m| other(m.country.as_deref()))
    {
        return Some(context(&actor_ref(m)));
    }
    art.events.iter().rev().find_map(|e| {
        let t = e.target.as_ref()?;
        let near = super::anaphora::within_reach(e.sentence.index, s.inp.index);
        let (src, tgt) = (e.source.country.as_deref(), t.country.as_deref());
        if !near {
            None
        } else if src.is_some_and(|c| guests.contains(&c)) && other(tgt) {
            Some(context(t))
        } else if tgt.is_some_and(|c| guests.contains(&c)) && other(src) {
            Some(context(&e.source))
        } else {
            None
        }
    })
}

/// An actor does not act on itself ("Indian troops … the fallen soldiers"):
/// such a target is dropped, the event stays. "Trump withdrew the US from
/// …": a government does not cooperate with or concede to its own country;
/// conflict with it stays.
fn keeps_target(source: &ActorRef, t: &ActorRef, code: &str) -> bool {
    t.code != source.code
        && !(t.code.len() == 3
            && t.country == source.country
            && cameo::quad_class(code) <= 2
            && matches!(source.code.get(3..6), None | Some("GOV" | "ELI")))
}

impl Engine<'_> {
    /// Appends the events of trigger `f` to the article's; an event with
    /// targets and no source is kept aside as unclaimed (see
    /// [`super::anaphora::claimed`]).
    pub(super) fn emit(
        &self,
        s: &Sentence<'_>,
        f: &Found,
        roles: &Roles,
        date: &Dated,
        carry: &mut Carry,
        art: &mut Article,
    ) {
        let code = &date.code;
        if roles.sources.is_empty() && roles.targets.is_empty() {
            // "Agreements were signed on trade" after "A visited B": the
            // pair that met. An intent needs someone who holds it ("the
            // meeting was intended for talks" is no one's).
            if date.factuality == Factuality::Asserted
                && is_joint(code)
                && cameo::root(code) != "03"
                && let Some((a, b)) = meeting_pair(art, s.inp.index)
            {
                for (x, y) in [(a.clone(), b.clone()), (b, a)] {
                    carry.n_event += 1;
                    let id = format!("{}:{}:{}", s.inp.doc_id, s.inp.index, carry.n_event);
                    let e = self.event(s, f, roles, date, (x, Some(y)), id);
                    art.events.push(e);
                }
            }
            return;
        }
        if roles.sources.is_empty()
            && roles.passive
            && date.factuality == Factuality::Asserted
            && super::roles::is_hosted_act(code)
        {
            // "Chile's envoy was summoned": by the host.
            if let Some(host) = host_of(s, roles, art) {
                for &t in &roles.targets {
                    let target = actor_ref(s.actors[t]);
                    if target.country != host.country {
                        carry.n_event += 1;
                        let id = format!("{}:{}:{}", s.inp.doc_id, s.inp.index, carry.n_event);
                        let e = self.event(s, f, roles, date, (host.clone(), Some(target)), id);
                        art.events.push(e);
                    }
                }
            }
            return;
        }
        if roles.sources.is_empty() {
            if date.factuality == Factuality::Asserted {
                let nobody = ActorRef {
                    text: String::new(),
                    code: String::new(),
                    country: None,
                    start: s.inp.start,
                    end: s.inp.start,
                    via: Via::Context,
                };
                for &t in &roles.targets {
                    let target = Some(actor_ref(s.actors[t]));
                    let e = self.event(s, f, roles, date, (nobody.clone(), target), String::new());
                    art.unclaimed.push(e);
                }
            }
            return;
        }
        // A reciprocal verb with an opponent of its own that names no actor
        // ("A and B fought insurgents") pairs no one.
        let trigger = &self.verbs.triggers[f.candidates[0]];
        let joint_trigger =
            (trigger.joint && reciprocal_here(s, f, trigger)) || roles.form.compound;
        // "Chad and Sudan accused each other of arming rebels": the
        // subjects act on one another, whoever else the clause names.
        let each_other = roles.sources.len() >= 2 && acts_on_each_other(s, f);
        let joint = joint_trigger
            || (is_joint(code) && !one_sided_intent(s, f, code))
            || (self.codes.recode.is_coordinated_reciprocal(code) && names_both_sides(s, f));
        let mutual = self.codes.recode.is_mutual(code) || roles.form.mutual;
        let first = art.events.len();
        // Each pair with its source and the target it keeps.
        // With no target of its own, a pair takes each party of the act
        // referred to ("denounced the drills" of A and B).
        let resolved: Vec<(usize, bool, ActorRef, Option<ActorRef>)> =
            pairs(roles, joint || each_other, mutual, each_other)
                .into_iter()
                .flat_map(|(si, ti)| {
                    let source = actor_ref(s.actors[si]);
                    let targets: Vec<Option<ActorRef>> = match ti {
                        Some(t) => vec![Some(actor_ref(s.actors[t]))],
                        None if roles.antecedent.is_empty() => vec![None],
                        None => roles.antecedent.iter().cloned().map(Some).collect(),
                    };
                    targets.into_iter().map(move |t| {
                        let target = t.filter(|t| keeps_target(&source, t, code));
                        (si, ti.is_some(), source.clone(), target)
                    })
                })
                .collect();
        // A source keeps a target-less event only when none of its
        // targets is kept ("Macron will travel to Algeria, the Elysee said":
        // the Elysee is Macron's own side, Algeria the target).
        let has_kept = |si: usize| {
            resolved
                .iter()
                .any(|(sj, _, _, t)| *sj == si && t.is_some())
        };
        for (si, had_target, source, target) in resolved.iter().cloned() {
            if target.is_none() && had_target && has_kept(si) {
                continue;
            }
            // Two ministers of one government attending: one event per
            // pair of codes, the first mention's.
            let target_code = target.as_ref().map(|t| t.code.as_str());
            if art.events[first..].iter().any(|e| {
                e.source.code == source.code
                    && e.target.as_ref().map(|t| t.code.as_str()) == target_code
            }) {
                continue;
            }
            carry.n_event += 1;
            let id = format!("{}:{}:{}", s.inp.doc_id, s.inp.index, carry.n_event);
            let e = self.event(s, f, roles, date, (source, target), id);
            art.events.push(e);
        }
    }

    /// "X claimed responsibility for the attacks": the unclaimed event
    /// `earlier` again, in this sentence, with the claim's sources as its
    /// actors (its code, target and date stay).
    pub(super) fn emit_claimed(
        &self,
        s: &Sentence<'_>,
        f: &Found,
        roles: &Roles,
        earlier: Event,
        carry: &mut Carry,
        art: &mut Article,
    ) {
        let claim = self.event(
            s,
            f,
            roles,
            &Dated {
                date: earlier.date,
                source: earlier.date_source,
                text: earlier.date_text.clone(),
                factuality: Factuality::Asserted,
                cue: None,
                code: earlier.cameo.clone(),
            },
            (earlier.source.clone(), earlier.target.clone()),
            String::new(),
        );
        for &si in &roles.sources {
            let source = actor_ref(s.actors[si]);
            if earlier
                .target
                .as_ref()
                .is_some_and(|t| !keeps_target(&source, t, &earlier.cameo))
            {
                continue;
            }
            carry.n_event += 1;
            art.events.push(Event {
                id: format!("{}:{}:{}", s.inp.doc_id, s.inp.index, carry.n_event),
                source,
                rule: format!("{} claims {}", roles.rule, earlier.rule),
                confidence: (claim.confidence - 0.1).max(0.3),
                ..claim.clone()
            });
        }
    }

    /// One event of trigger `f` between `parties` (source, target).
    fn event(
        &self,
        s: &Sentence<'_>,
        f: &Found,
        roles: &Roles,
        date: &Dated,
        parties: (ActorRef, Option<ActorRef>),
        id: String,
    ) -> Event {
        let (words, inp, code) = (&s.words, s.inp, &date.code);
        let info = self.codes.get(code);
        let last = words[f.after.saturating_sub(1).max(f.verb)].end;
        let (source, target) = parties;
        Event {
            id,
            source,
            target,
            cameo: code.clone(),
            root: cameo::root(code).to_owned(),
            quad_class: cameo::quad_class(code),
            goldstein: info.map_or(0.0, |i| i.goldstein),
            plover: Plover {
                kind: info.map_or_else(String::new, |i| i.plover.clone()),
                mode: info.map_or_else(String::new, |i| i.mode.clone()),
                context: date.factuality.plover_context().to_owned(),
            },
            date: date.date,
            date_source: date.source,
            date_text: date.text.clone(),
            factuality: date.factuality,
            factuality_cue: date.cue.clone(),
            sentence: SentenceRef {
                index: inp.index,
                start: inp.start,
                end: inp.end,
                text: s.text.to_owned(),
            },
            trigger: TriggerRef {
                text: s.body[words[f.verb].start..last].to_owned(),
                start: words[f.verb].start,
                end: last,
            },
            rule: roles.rule.clone(),
            confidence: confidence(s, roles),
        }
    }
}
