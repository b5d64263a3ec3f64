//! Event anaphora: "X test-fired a missile on Monday. Y condemned the
//! launch." The launch is X's: an event whose object names an earlier event
//! by a definite noun ("the attack", "this move") takes as its target the
//! source of that earlier event.
//!
//! Input: the noun the parse found (`ParsedRoles::event_reference`), the
//! new event's sources and the article's events so far. Output: the
//! antecedent's source, as an `ActorRef` whose span is the earlier mention.
//! The nouns, the CAMEO roots each may refer to and their examples are data
//! (`data/anaphora.toml`).
//!
//! With no such event coded, a reaction to the noun answers the party an
//! earlier reaction named as the noun's possessor or agent ("Chile
//! condemned Peru's test. Bolivia condemned the test.": [`reacted_to`]).
//!
//! A claim of an event no one was named as carrying out ("Oil plants were
//! hit by drones. A rebel group claimed responsibility for the attacks.")
//! makes the claimant its actor: [`claimed`].

use std::sync::OnceLock;

use faultline_actors::Via;
use serde::Deserialize;

use crate::event::{ActorRef, Event, Factuality};

/// The anaphora table, embedded.
pub const ANAPHORA_TOML: &str = include_str!("../../data/anaphora.toml");

/// Nouns that refer back to events, by group.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anaphora {
    /// Determiners that make a noun refer back.
    pub determiners: Vec<String>,
    /// How many sentences back the event a noun refers to may lie: further
    /// back, "the decision" more likely names an act the text never coded.
    pub reach: usize,
    /// The lead's sentences, whose events a noun may name from anywhere in
    /// the article ("the agreement" in the sixth sentence is the lead's).
    pub lead: usize,
    /// Codes of claiming an event ("claimed responsibility for the
    /// attacks"): the claimant becomes the actor of the unclaimed event
    /// the noun names.
    pub claims: Vec<String>,
    /// Code prefixes of acts for which an event noun is a topic, not the
    /// act of a party: "held a meeting on the border incident" has no
    /// target from the incident.
    pub topic_codes: Vec<String>,
    /// Prepositions of an event noun's agent ("the test carried out by
    /// Peru"): a reaction to the noun answers that agent.
    pub agent_cases: Vec<String>,
    /// Words after a verb of occurring that place the event noun's event
    /// after another ("the expulsion came after the arrest on 3 May"): the
    /// date there is the other event's.
    pub sequence_words: Vec<String>,
    /// Verbs of occurring after a definite event noun at a sentence's
    /// start ("the attack took place on 3 May"): the sentence dates the
    /// event the noun names (see `redate.rs`).
    pub occurrence: Vec<String>,
    /// Words of a date expression that names no day ("last week"): an
    /// event dated by one may take a later sentence's day.
    pub vague_dates: Vec<String>,
    /// Adverbs of continuation before a trigger ("also"): an undated event
    /// takes the date of its source's latest event dated in the text.
    pub continuation: Vec<String>,
    /// Phrases of the day after the event before ("a day later", "the next
    /// day"): an event with no date of its own is dated one day after the
    /// latest earlier event dated to the day in the text.
    pub day_after: Vec<String>,
    /// Phrases of the day before the event before ("a day earlier").
    pub day_before: Vec<String>,
    /// Phrases of the day after an event a noun names ("a day after the
    /// vote"): the noun's latest earlier event dated to the day, plus one.
    pub day_after_event: Vec<String>,
    /// Phrases of the day before an event a noun names ("the day before
    /// the summit").
    pub day_before_event: Vec<String>,
    /// Nouns of meetings such a phrase may count from too.
    pub occasion: Group,
    /// The groups of nouns.
    pub group: Vec<Group>,
}

/// Nouns and the CAMEO roots of the events they may name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The nouns, lower case.
    pub nouns: Vec<String>,
    /// Two-digit CAMEO roots, or "*" for any.
    pub roots: Vec<String>,
    /// CAMEO code prefixes of verbs that make such an event ("signed" an
    /// accord): with one of them the noun is the trigger's own act.
    #[serde(default)]
    pub made_by: Vec<String>,
    /// [text, source code prefix, target code prefix], coded by a test.
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: Vec<[String; 3]>,
}

/// The table, read on first use (checked by the tests below).
pub fn table() -> &'static Anaphora {
    static TABLE: OnceLock<Anaphora> = OnceLock::new();
    faultline_text::lexicon::embedded(&TABLE, ANAPHORA_TOML, "data/anaphora.toml")
}

/// True when `word` is a determiner that makes a noun refer back.
pub(super) fn is_definite(word: &str) -> bool {
    table().determiners.iter().any(|d| d == word)
}

/// The group of a noun that may refer to an earlier event.
pub(super) fn group_of(noun: &str) -> Option<&'static Group> {
    table()
        .group
        .iter()
        .find(|g| g.nouns.iter().any(|n| n == noun))
}

/// True when an event of sentence `index` is within reach of a reference
/// in sentence `at`: `reach` sentences back, or in the lead.
pub(super) fn within_reach(index: usize, at: usize) -> bool {
    index + table().reach >= at || index < table().lead
}

/// The source of the latest asserted event of the article that `noun`
/// can name and that none of `own` (the new event's source countries or
/// codes) carried out; an event on someone when the noun says it was on
/// someone (`on_someone`: "the attack on peacekeepers" is no missile test),
/// in the `reach` sentences before sentence `at` or in it, or in the lead.
pub(super) fn antecedent(
    noun: &str,
    own: &[&str],
    on_someone: bool,
    at: usize,
    out: &[Event],
) -> Option<Vec<ActorRef>> {
    let group = group_of(noun)?;
    let fits = |e: &Event| {
        e.factuality == Factuality::Asserted
            && within_reach(e.sentence.index, at)
            && (!on_someone || e.target.is_some())
            && group.roots.iter().any(|r| r == "*" || *r == e.root)
            && !own.contains(&e.source.code.as_str())
            && !e
                .source
                .country
                .as_deref()
                .is_some_and(|c| own.contains(&c))
    };
    let Some(latest) = out.iter().rev().find(|e| fits(e)) else {
        return reacted_to(group, own, at, out).map(|t| vec![t]);
    };
    // A joint act ("A and B held drills", coded both ways) names each of
    // its parties.
    let mut parties: Vec<ActorRef> = Vec::new();
    for e in out
        .iter()
        .filter(|e| e.trigger.start == latest.trigger.start && fits(e))
    {
        if !parties.iter().any(|p| p.code == e.source.code) {
            parties.push(ActorRef {
                via: Via::Coreference,
                ..e.source.clone()
            });
        }
    }
    Some(parties)
}

/// The party whose act of `group` an earlier asserted event answered,
/// when no event of that act was coded itself: "Chile condemned the
/// missile test carried out by Peru. Bolivia also condemned the test." —
/// the second test is Peru's, the target of the first condemnation, which
/// reached Peru through a noun of the same group as its possessor or its
/// agent ([`names_party_of`]).
fn reacted_to(group: &Group, own: &[&str], at: usize, out: &[Event]) -> Option<ActorRef> {
    out.iter().rev().find_map(|e| {
        let t = e.target.as_ref()?;
        let fits = e.factuality == Factuality::Asserted
            && within_reach(e.sentence.index, at)
            && !own.contains(&t.code.as_str())
            && !t.country.as_deref().is_some_and(|c| own.contains(&c))
            && names_party_of(e, t, group);
        fits.then(|| ActorRef {
            via: Via::Coreference,
            ..t.clone()
        })
    })
}

/// How near (in bytes) a noun and the party it belongs to stand: "Peru's
/// latest missile test", "the test carried out by Peru".
const PARTY_GAP: usize = 24;

/// True when target `t` of event `e` stands right next to a noun of
/// `group` after the trigger, in one stretch without punctuation, as its
/// possessor or after a word of `agent_cases`: the event acted on `t`
/// through that act ("condemned Peru's missile test", "the test carried
/// out by Peru").
fn names_party_of(e: &Event, t: &ActorRef, group: &Group) -> bool {
    let base = e.sentence.start;
    let text = e.sentence.text.as_str();
    if t.start < e.trigger.end || t.end > e.sentence.end {
        return false;
    }
    let words = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize + base, w));
    words
        .filter(|&(at, w)| {
            at >= e.trigger.end && group.nouns.iter().any(|n| n.eq_ignore_ascii_case(w))
        })
        .any(|(at, w)| {
            let (from, to) = if at >= t.end {
                (t.end, at)
            } else {
                (at + w.len(), t.start)
            };
            // Only "Peru's … test" or "the test … by Peru": a party merely
            // near the noun may be its victim or a bystander.
            let form = |gap: &str| {
                if at >= t.end {
                    gap.starts_with("'s") || gap.starts_with("’s")
                } else {
                    gap.split_whitespace()
                        .any(|w| table().agent_cases.iter().any(|c| c == w))
                }
            };
            to >= from
                && to - from <= PARTY_GAP
                && text
                    .get(from - base..to - base)
                    .is_some_and(|gap| !gap.contains([',', ';', '.', ':', '"']) && form(gap))
        })
}

/// `noun` names what a trigger of `code` makes ("the agreement was signed
/// by …", "signed the deal"; `made_by`): the act is the trigger's own, no
/// earlier one.
pub(super) fn names_own_kind(noun: &str, code: &str) -> bool {
    group_of(noun).is_some_and(|g| g.made_by.iter().any(|m| code.starts_with(m.as_str())))
}

/// An act of `code` (`topic_codes`: consulting) takes an event noun as its
/// topic, not as an act whose party it answers.
pub(super) fn takes_topic(code: &str) -> bool {
    table()
        .topic_codes
        .iter()
        .any(|c| code.starts_with(c.as_str()))
}

/// For a claim (a code of `claims`) of `noun` ("claimed responsibility for
/// the attacks"): the latest unclaimed event the noun can name, taken out
/// of `unclaimed` (an event is claimed once).
pub(super) fn claimed(noun: &str, code: &str, unclaimed: &mut Vec<Event>) -> Option<Event> {
    if !table().claims.iter().any(|c| c == code) {
        return None;
    }
    let group = group_of(noun)?;
    let at = unclaimed
        .iter()
        .rposition(|e| group.roots.iter().any(|r| r == "*" || *r == e.root))?;
    Some(unclaimed.remove(at))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn the_table_loads_and_every_noun_is_in_one_group() {
        let parsed: Anaphora = faultline_text::lexicon::parse(ANAPHORA_TOML, "data/anaphora.toml")
            .expect("data/anaphora.toml parses");
        let mut all: Vec<&str> = parsed
            .group
            .iter()
            .flat_map(|g| g.nouns.iter().map(String::as_str))
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "a noun is in two groups");
        assert!(parsed.group.iter().all(|g| g.examples.len() >= 2));
    }

    /// (source, target, code) of the events of `body`.
    fn events(body: &str) -> Vec<(String, String, String)> {
        let coder = crate::Coder::defaults().expect("default dictionaries");
        let date = NaiveDate::from_ymd_opt(2022, 5, 4).unwrap_or_default();
        coder
            .code_doc(&crate::Doc::from_text("c", body, date))
            .events
            .into_iter()
            .map(|e| {
                let target = e.target.map_or_else(|| "-".to_owned(), |t| t.code);
                (e.source.code, target, e.cameo)
            })
            .collect()
    }

    #[test]
    fn a_later_reaction_answers_the_party_an_earlier_one_named() {
        for (body, late, party) in [
            (
                "Chile condemned the missile test carried out by Peru. Bolivia also condemned the test.",
                "BOL",
                "PER",
            ),
            (
                "Japan criticized Russia's latest missile launch. Canada denounced the launch as reckless.",
                "CAN",
                "RUS",
            ),
        ] {
            let got = events(body);
            assert!(
                got.iter()
                    .any(|(s, t, _)| s.starts_with(late) && t.starts_with(party)),
                "{got:?}"
            );
        }
        // A noun that is not beside the party names no act of it: the
        // test here is no one's.
        let got =
            events("Chile thanked Peru for its help after the test. Bolivia condemned the test.");
        assert!(
            !got.iter()
                .any(|(s, t, _)| s.starts_with("BOL") && t.starts_with("PER")),
            "{got:?}"
        );
    }

    #[test]
    fn an_event_noun_reaches_back_a_few_sentences_only() {
        let filler =
            "The weather was cold. Markets were calm. Trains ran late. Schools stayed open.";
        for (act, reaction, actor) in [
            (
                "Chile expelled a Bolivian diplomat on Monday.",
                "Peru criticized the decision.",
                "CHL",
            ),
            (
                "Kenya withdrew its soldiers from Somalia.",
                "Ethiopia welcomed the move.",
                "KEN",
            ),
        ] {
            let near = events(&format!("{act} {reaction}"));
            assert!(
                near.iter().any(|(_, t, _)| t.starts_with(actor)),
                "{near:?}"
            );
            let far = events(&format!(
                "Rain fell. Snow fell. {act} {filler} Rain fell. {reaction}"
            ));
            assert!(!far.iter().any(|(_, t, _)| t.starts_with(actor)), "{far:?}");
            // the lead's events stay in reach
            let lead = events(&format!("{act} {filler} Rain fell. {reaction}"));
            assert!(
                lead.iter().any(|(_, t, _)| t.starts_with(actor)),
                "{lead:?}"
            );
        }
    }

    #[test]
    fn a_claim_makes_the_claimant_the_actor_of_an_unclaimed_attack() {
        for (body, source, target) in [
            (
                "Rockets hit two Iraqi army bases on Friday. Kataib Hezbollah claimed responsibility for the attacks.",
                "IRQ",
                "IRQ",
            ),
            (
                "A roadside bomb killed six Nigerian soldiers on Sunday. On Monday, Boko Haram claimed responsibility for the bombing.",
                "NGA",
                "NGA",
            ),
        ] {
            let ev = events(body);
            assert!(
                ev.iter().any(|(s, t, code)| s.starts_with(source)
                    && t.starts_with(target)
                    && matches!(&code[..2], "18" | "19" | "20")),
                "{body}: {ev:?}"
            );
        }
        // No one claims, or the claim is denied: no one is the actor.
        for body in [
            "Rockets hit two Iraqi army bases on Friday. No group has claimed responsibility for the attacks.",
            "A roadside bomb killed six Nigerian soldiers. Boko Haram did not claim responsibility for the bombing.",
        ] {
            let ev = events(body);
            assert!(
                ev.iter()
                    .all(|(_, _, code)| !matches!(&code[..2], "18" | "19" | "20")),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_consultation_on_an_event_takes_it_as_a_topic() {
        for (body, actor) in [
            (
                "Chile expelled a Bolivian diplomat on Monday. Bolivia's cabinet held an emergency meeting on the expulsion.",
                "CHL",
            ),
            (
                "North Korea test-fired a missile on Sunday. Japanese officials met to discuss the launch.",
                "PRK",
            ),
        ] {
            let ev = events(body);
            assert!(
                !ev.iter()
                    .any(|(_, t, code)| takes_topic(code) && t.starts_with(actor)),
                "{body}: {ev:?}"
            );
        }
        // a reaction still answers the actor
        assert!(takes_topic("040") && !takes_topic("111") && !takes_topic("051"));
    }

    #[test]
    fn a_noun_of_the_triggers_own_kind_refers_to_nothing_earlier() {
        // "The accord was signed by …", "signed the deal": the act itself.
        assert!(names_own_kind("accord", "057") && names_own_kind("deal", "057"));
        // "rejected the request", "condemned the attack": an earlier act.
        assert!(!names_own_kind("request", "120") && !names_own_kind("attack", "111"));
        assert!(!names_own_kind("deal", "051") && !names_own_kind("decision", "051"));
        assert!(!names_own_kind("weather", "111"));
    }

    #[test]
    fn every_example_refers_back() {
        let coder = crate::Coder::defaults().expect("default dictionaries");
        let date = NaiveDate::from_ymd_opt(2022, 5, 4).unwrap_or_default();
        for g in &table().group {
            for [text, source, target] in &g.examples {
                let events = coder
                    .code_doc(&crate::Doc::from_text("a", text, date))
                    .events;
                let hit = events.iter().any(|e| {
                    e.source.code.starts_with(source.as_str())
                        && e.target.as_ref().is_some_and(|t| {
                            t.code.starts_with(target.as_str()) && text[t.start..t.end] == t.text
                        })
                });
                assert!(hit, "{text}: {events:#?}");
            }
        }
    }
}
