//! The coder's English words (`data/lexicon.toml`): speech verbs,
//! prepositions, hedges, negations and the other lists the clause passes and
//! quotation attribution test words against, read once by the shared loader
//! (`faultline_text::lexicon`).

use std::sync::OnceLock;

use faultline_text::lexicon::{self, WordList};
use serde::Deserialize;

/// The lexicon file, embedded.
pub const LEXICON_TOML: &str = include_str!("../../data/lexicon.toml");

/// The coder's word lists, one field per list of `data/lexicon.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Prepositions (subjects, nouns after prepositions).
    pub prepositions: WordList,
    /// Prepositions of place.
    pub place_prepositions: WordList,
    /// Quantities before "of".
    pub quantities: WordList,
    /// Persons who belong to the body after their "of".
    pub member_heads: WordList,
    /// Actor sectors whose statements about others are commentary.
    pub commentator_sectors: WordList,
    /// Actor sectors no one consults: talks with them are interviews.
    pub interview_sectors: WordList,
    /// The codes of statement and consultation, which `interview_sectors`
    /// take no part in.
    pub interview_codes: WordList,
    /// Pronouns that, as the subject of a reported clause, stand for the
    /// speaker.
    pub reported_pronouns: WordList,
    /// Words before a topic.
    pub topic_words: WordList,
    /// Forms of "be".
    pub be: WordList,
    /// Words that, right after ", and", go on with the same subject's
    /// predicate ("had suspended …, and also advised …").
    pub shared_subject_starts: WordList,
    /// Adverbs skipped around verbs.
    pub soft_adverbs: WordList,
    /// Words that make the next verb form a noun.
    pub noun_modifiers: WordList,
    /// Words that cannot be the noun a participle modifies.
    pub non_nouns: WordList,
    /// Negation cues.
    pub negations: WordList,
    /// Hedging cues.
    pub hedges: WordList,
    /// A modal and its negation in one token ("won't").
    pub negated_modals: WordList,
    /// Future auxiliaries.
    pub future: WordList,
    /// Verbs of intent governing an infinitive.
    pub intent_verbs: WordList,
    /// Verbs of a decision governing an infinitive ("decided to expel").
    pub decision_words: WordList,
    /// Nouns of a decision, with their agent after "by" ("the decision by
    /// X to expel").
    pub decision_nouns: WordList,
    /// Verbs reporting a warning ("warned it would cut ties": a threat).
    pub threat_reporters: WordList,
    /// Prepositions of circumstance ("amid"): no default target after one.
    pub circumstance_prepositions: WordList,
    /// Nouns of prohibition: a gerund after "on" and its doer names what
    /// is banned ("a ban on officers visiting Fiji").
    pub ban_nouns: WordList,
    /// Words opening a clause inside a parenthesis ("(which …)").
    pub aside_openers: WordList,
    /// Combining forms joining a country to another by a hyphen ("Sino-").
    pub pair_prefixes: WordList,
    /// Adverbs of return ("summoned home").
    pub return_adverbs: WordList,
    /// Words that make a cut of relations by coordinated subjects mutual.
    pub mutual_cut_markers: WordList,
    /// Pronouns of a body as speaker ("It said …").
    pub body_pronouns: WordList,
    /// Possessives of coordinated subjects together ("their AUKUS alliance").
    pub shared_possessives: WordList,
    /// Phrases after a verb that make its coordinated subjects act on one another.
    pub reciprocal_phrases: WordList,
    /// Verbs of expressing a feeling: a bare form after one is a noun.
    pub expression_verbs: WordList,
    /// Words opening a condition or an open question ("if", "whether").
    pub condition_words: WordList,
    /// Words of an open question ("whether"): no threat on that condition.
    pub open_questions: WordList,
    /// Verbs of failure or refusal governing an infinitive.
    pub fail_verbs: WordList,
    /// Report verbs before a trigger.
    pub reporting_verbs: WordList,
    /// Speech verbs that make an actor a reporter.
    pub reported_by: WordList,
    /// Denial verbs.
    pub denials: WordList,
    /// Instruments a body enacts.
    pub instruments: WordList,
    /// Verbs that enact an instrument.
    pub enacting_verbs: WordList,
    /// Speech verbs of quotation attribution.
    pub say: WordList,
    /// Verbs of quoting someone ("the Daily Star quoted X as saying").
    pub quoting_verbs: WordList,
    /// What links the one quoted to the speech verb ("as").
    pub quoting_links: WordList,
    /// Prepositions before a name that is no speaker.
    pub speaker_prepositions: WordList,
    /// Words trailing a speaker's name.
    pub speaker_adverbs: WordList,
    /// Nouns after a possessor that speak for it ("the minister's office").
    pub speaking_offices: WordList,
    /// Words opening a clause of condition or cause ("if", "because").
    pub subordinators: WordList,
    /// Prepositions between a message and its sender ("a statement of the ministry").
    pub sender_prepositions: WordList,
    /// Titles "the … leader" may stand for ("president", "premier").
    pub leader_titles: WordList,
    /// Titles "the … diplomat" may stand for ("ambassador", "minister").
    pub diplomat_titles: WordList,
    /// Offices of someone news leaves unnamed ("the Kenyan official said").
    pub unnamed_offices: WordList,
    /// Words opening a phrase before a comma that is no subject ("On Monday, …").
    pub intro_openers: WordList,
    /// Pronouns that open a clause: no description of a speaker.
    pub pronoun_subjects: WordList,
    /// Participles of belief after "be" ("is believed to have …": no fact).
    pub epistemic_participles: WordList,
    /// Verbs of appearance before "to" ("appears to have fired": no fact).
    pub appearance_verbs: WordList,
    /// Verbs and nouns of fear, doubt and expectation governing a clause.
    pub epistemic_heads: WordList,
    /// Verbs and nouns of accusation governing what is alleged.
    pub allegation_heads: WordList,
    /// Words that join actors into a list (",", "and", "or").
    pub list_joiners: WordList,
    /// Nouns of a message whose participle is the sender's act.
    pub message_nouns: WordList,
    /// Markers of an alleged act ("of", "for", "that").
    pub allegation_marks: WordList,
    /// Those of them that mark a gerund ("accused Chad of arming …").
    pub gerund_allegation_marks: WordList,
    /// Words before a subject that negate its verb ("neither").
    pub subject_negators: WordList,
    /// Words before a gerund that say its event did not happen or ended.
    pub gerund_negators: WordList,
    /// Words before a gerund that say its event is only thought of.
    pub gerund_hypotheticals: WordList,
    /// Modifiers that put an event noun still to come ("planned").
    pub prospective_noun_modifiers: WordList,
    /// Modifiers that make an event noun only possible ("potential").
    pub possible_noun_modifiers: WordList,
    /// Modifiers that say an event noun did not take place ("cancelled").
    pub called_off_noun_modifiers: WordList,
    /// Words opening a condition whose subject follows them ("Should X …").
    pub inverted_conditions: WordList,
    /// "have" after "would": what would have happened did not.
    pub perfect_auxiliaries: WordList,
    /// Verbs that keep someone from doing what the gerund after "from" says.
    pub prevention_verbs: WordList,
    /// The case of a gerund that a verb of prevention keeps from happening.
    pub prevention_cases: WordList,
    /// Words of warning whose gerund after "against" did not happen.
    pub dissuasion_verbs: WordList,
    /// The case of a gerund warned against.
    pub dissuasion_cases: WordList,
    /// Conjunctions that join a speech verb to the clause's first verb.
    pub speech_coordinators: WordList,
    /// Words after "be" that schedule the event noun before them ("set").
    pub schedule_words: WordList,
    /// Verbs of an event taking place ("resume", "begin").
    pub occurrence_verbs: WordList,
    /// Predicates after "be" that say an event noun has not happened ("close").
    pub unrealised_predicates: WordList,
    /// Nouns of intention whose owner acts in the infinitive after them.
    pub intention_nouns: WordList,
    /// Forms of "have", which may be only an auxiliary before a verb.
    pub have_forms: WordList,
    /// Adverbs right before a trigger that make its act only alleged.
    pub allegation_adverbs: WordList,
    /// Verbs that take an event noun without it happening ("has scrapped a meeting").
    pub unrealising_verbs: WordList,
    /// Verbs that put an intention off ("postponed a decision to …").
    pub deferring_verbs: WordList,
    /// Words ranking the noun an infinitive completes: "the first country to recognise".
    pub ranking_words: WordList,
    /// Forms of "be" and "become" before a ranked noun.
    pub ranking_copulas: WordList,
    /// Nouns of a relation ("relations between A and B have soured": no event).
    pub relation_nouns: WordList,
    /// Nouns of an act on a relation ("the restoration of relations between …").
    pub relation_act_nouns: WordList,
    /// Objects of "with" that are the means, not an opponent ("clashed with stones").
    pub means_nouns: WordList,
    /// Reciprocal verbs that pair their subjects only over a contest.
    pub contest_verbs: WordList,
    /// Cases of an oblique naming what is contested ("fought over the strip").
    pub contest_cases: WordList,
    /// Verbs that make "responsible" an allegation ("held X responsible for").
    pub responsibility_holders: WordList,
    /// Allegation words that allege only under such a verb ("responsible").
    pub held_allegations: WordList,
    /// Verbs whose object is an event kept from happening ("averted a war").
    pub averting_verbs: WordList,
    /// Words whose "of" complement is an event warned of ("warned of clashes").
    pub warning_heads: WordList,
    /// Prepositions of an oblique that may name whom a reciprocal verb acts on.
    pub opponent_prepositions: WordList,
    /// Objects of a reciprocal verb that name the contest or the pair, no opponent.
    pub contest_nouns: WordList,
    /// Nouns of information ("intelligence on X": X is a topic).
    pub information_nouns: WordList,
    /// Prepositions after a noun of information that introduce its topic.
    pub information_cases: WordList,
    /// Conjunctions before a verb that share the subject of the verb before.
    pub verb_coordinators: WordList,
    /// Conjunctions of contrast: the verb they join keeps none of the
    /// earlier verb's negation or modals.
    pub contrast_conjunctions: WordList,
    /// Words ending a clause that goes on ("a statement which said"): no subject.
    pub clause_links: WordList,
    /// Capitalised words that open a sentence and are no part of a name (lower case).
    pub name_openers: WordList,
    /// Governing verbs that leave an infinitive asserted.
    pub aspect_verbs: WordList,
    /// Participles that, before "in", name a state the subject is in, not
    /// a passive ("were locked in a standoff with X").
    pub stative_participles: WordList,
    /// Markers of an oblique whose noun holds what an infinitive after it
    /// completes ("flew in with a mandate to meet"): no errand done.
    pub holding_cases: WordList,
    /// Words after a comma that open a clause of its own, where no speech
    /// tag of the quotation before starts ("…, and X said").
    pub continuation_stops: WordList,
    /// Participles of feeling that, before "by", say how the subject took
    /// another's act ("was dismayed by criticism from X").
    pub feeling_participles: WordList,
    /// Past forms of going somewhere whose infinitive of purpose states what
    /// was done there ("flew to Hanoi to meet …").
    pub errand_verbs: WordList,
    /// Verbs after which "back" is a particle.
    pub back_particle_verbs: WordList,
    /// Words that make a following -s form a verb.
    pub before_verb: WordList,
    /// -ing forms that describe the person after them ("visiting").
    pub attributive_participles: WordList,
    /// Determiners before a modifier of a noun.
    pub modifier_determiners: WordList,
    /// Determiners before a noun.
    pub determiners: WordList,
    /// Case markers of an argument that names whom an event acts on.
    pub target_cases: WordList,
    /// Case markers of a modifier naming the body a person belongs to.
    pub member_cases: WordList,
    /// Plural nouns of hearsay, whose members are no speakers.
    pub hearsay_nouns: WordList,
    /// Case markers of a predicate characterising the object ("as a breach of X").
    pub predicate_cases: WordList,
    /// Nouns of what others claim ("rejected claims that X …").
    pub reported_content_nouns: WordList,
    /// Nouns of an attitude whose modifier names what it is about
    /// ("expressed concern over the incident").
    pub attitude_nouns: WordList,
    /// Case markers of that modifier.
    pub attitude_cases: WordList,
    /// Tags of words the parse reads as no verb ("sent the envoy back").
    pub non_verb_tags: WordList,
    /// Words between a speaker and the actor that places it ("the ministry in Rome said").
    pub speaker_place_links: WordList,
    /// Words joining the speakers of a closing attribution ("officials in A and B said").
    pub speaker_list_links: WordList,
    /// Verbs whose object is an event still to come.
    pub proposal_verbs: WordList,
    /// Verbs whose clausal complement is what they ask for.
    pub directive_verbs: WordList,
    /// Verbs of a first-person proposal ("let's").
    pub hortative_verbs: WordList,
    /// Event nouns that are events standing alone.
    pub bare_event_nouns: WordList,
    /// Possessives making a bare event noun the joint act of its clause's
    /// coordinated subject ("at their meeting").
    pub pair_possessives: WordList,
    /// Event nouns of joint acts that such a possessive makes the pair's.
    pub pair_possessed_nouns: WordList,
    /// Participles of holding ("positions held by X" stands for X).
    pub holder_participles: WordList,
    /// Case markers of the agent of an event noun.
    pub agent_cases: WordList,
    /// Case markers of an oblique naming the parties of a joint act.
    pub pair_cases: WordList,
    /// Case markers of an oblique naming an opponent.
    pub opponent_cases: WordList,
    /// Event nouns whose `of` phrase names the party acted on.
    pub patient_of_nouns: WordList,
    /// Verbs of carrying out an event ("sanctions imposed by X").
    pub perform_verbs: WordList,
    /// Relative pronouns ("the strike that hit X").
    pub relative_pronouns: WordList,
    /// Relative pronouns opening an aside before a speech verb.
    pub aside_relatives: WordList,
    /// Words that open a clause, which a pattern's target is not found past.
    pub clause_openers: WordList,
    /// Audiences of a statement, which a pattern's target is not found past.
    pub audience_nouns: WordList,
    /// Prepositions of the venue of a cooperative act ("at").
    pub venue_prepositions: WordList,
    /// Nouns whose "of" phrase names a witness ("in the presence of").
    pub witness_nouns: WordList,
    /// Words before a speech word's spelling that make it a noun.
    pub say_noun_modifiers: WordList,
    /// Words of a stated intent's complement that make its coordinated
    /// subjects partners ("vowed to deepen their ties").
    pub reciprocal_markers: WordList,
    /// Verbs of a promise each subject makes on its own ("pledged").
    pub promise_verbs: WordList,
    /// Verbs of naming in an aside "what X called" before an event noun.
    pub naming_verbs: WordList,
    /// Nouns of quantity before "of" ("a salvo of") inside an event
    /// noun's phrase.
    pub quantity_nouns: WordList,
    /// Words of a sum of money ("million", "euros", "$").
    pub amount_words: WordList,
    /// Words that end the search for an event noun after a support verb.
    pub support_stops: WordList,
    /// Prepositions of an oblique naming an act's occasion ("at a summit").
    pub occasion_cases: WordList,
    /// Prepositions of a message an act was stated in ("In a statement on March 4").
    pub message_cases: WordList,
    /// Markers of a phrase giving an act's reason ("over", "for").
    pub reason_cases: WordList,
    /// Words of appeal or hope whose "for" phrase is an event wished for.
    pub desire_heads: WordList,
}

impl Lexicon {
    /// True when `case` is a preposition of place that names no target
    /// ("near", "in"; not "at", which is also a target case).
    pub fn names_a_place(&self, case: &str) -> bool {
        self.place_prepositions.contains(case) && !self.target_cases.contains(case)
    }
}

/// The lexicon, read on first use (checked by `the_lexicon_loads_and_is_tidy`).
pub fn lex() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    lexicon::embedded(&LEX, LEXICON_TOML, "data/lexicon.toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_loads_and_is_tidy() {
        let problems = lexicon::check::<Lexicon>(LEXICON_TOML, "data/lexicon.toml");
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(lex().say.contains("said") && lex().hedges.contains("could"));
    }
}
