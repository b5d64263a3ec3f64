//! The resolver's English words (`data/lexicon.toml`): place words, role
//! modifiers, apposition leads, capitalised non-names, the role-word
//! classes, coordination, possessives, group nouns, pronouns and the heads of definite descriptions, read once by the shared loader (`faultline_text::lexicon`).

use std::sync::OnceLock;

use faultline_text::lexicon::{self, WordList};
use serde::Deserialize;

/// The lexicon file, embedded.
pub const LEXICON_TOML: &str = include_str!("../data/lexicon.toml");

/// The resolver's word lists, one field per list of `data/lexicon.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Words that locate a role inside a country.
    pub place_words: WordList,
    /// Modifiers between a country and its role word.
    pub role_modifiers: WordList,
    /// Words between a comma and an apposition's role.
    pub apposition_lead: WordList,
    /// Prepositions of a title's post before a name ("Ambassador to the UN, X,").
    pub post_prepositions: WordList,
    /// Lower-case words of a title's post ("the").
    pub post_determiners: WordList,
    /// Nouns of one state's relation to another ("Kenya's neighbour Somalia").
    pub state_relation_nouns: WordList,
    /// Nouns of a relation to another person ("wife", "fiancée").
    pub relation_nouns: WordList,
    /// Capitalised words that are not names.
    pub not_names: WordList,
    /// Role words that act on their own.
    pub agentive_bodies: WordList,
    /// Abstract nouns a role word modifies.
    pub modified_nouns: WordList,
    /// Role words naming one person.
    pub individual_roles: WordList,
    /// Role words that only rank the role word after them ("deputy").
    pub rank_words: WordList,
    /// Words that say a role is past.
    pub former_words: WordList,
    /// Prefixes that say a role is past.
    pub former_prefixes: WordList,
    /// Adjectives of states that split, which name none of their heirs
    /// after "former".
    pub split_state_demonyms: WordList,
    /// Gaps between demonyms sharing one head.
    pub list_gaps: WordList,
    /// Gaps between members of a group named together.
    pub group_gaps: WordList,
    /// Gaps before a definite description that join it to a group.
    pub description_gaps: WordList,
    /// Possessives giving a role word to an actor already named.
    pub possessives: WordList,
    /// Words making a role word a country's ("of").
    pub member_leads: WordList,
    /// Words placing a civilian role word in a country ("in", "from").
    pub location_leads: WordList,
    /// Words before a title that make it another office ("deputy", "under").
    pub lesser_ranks: WordList,
    /// Pronouns that, as a clause's subject, refer back to a body ("It").
    pub body_pronouns: WordList,
    /// Words after "it" that make it no one's ("is", "seems").
    pub expletive_followers: WordList,
    /// Fronted phrases after which "it" opens the clause ("in a statement").
    pub fronted_sources: WordList,
    /// Role words of a mission another country hosts ("embassy in Lima").
    pub hosted_roles: WordList,
    /// Endings of abstract nouns a role word modifies.
    pub abstract_suffixes: WordList,
    /// Lower-case particles inside names.
    pub name_particles: WordList,
    /// Generational suffixes after a surname ("Jr.", "III").
    pub name_suffixes: WordList,
    /// Courtesy titles before a surname ("Mr Santos").
    pub courtesy_titles: WordList,
    /// Countries whose people the English press names family name first
    /// ("Li Keqiang" … "Li"), as ISO codes.
    pub family_name_first: WordList,
    /// Title heads that refer back to the last person so titled ("the secretary").
    pub definite_person_heads: WordList,
    /// Prepositions before a country a group phrase acts on.
    pub group_object_cases: WordList,
    /// Title heads of envoys abroad, each referring back to any of them.
    pub diplomat_heads: WordList,
    /// Participles after a country and a hyphen that name where a thing
    /// was made ("German-made").
    pub origin_participles: WordList,
    /// Words before such a pronoun that open the clause it is the subject
    /// of ("said that its forces …").
    pub owner_clause_openers: WordList,
    /// Possessive pronouns whose role word is an actor's ("its forces").
    pub owner_pronouns: WordList,
    /// Prepositions after a title's head noun ("Secretary of State").
    pub title_prepositions: WordList,
    /// Verbs making a comma clause an attribution.
    pub attribution_verbs: WordList,
    /// Business titles that, of a country, name its head of government.
    pub government_titles: WordList,
    /// Words before a news outlet cited as a sentence's source ("told").
    pub outlet_citations: WordList,
    /// Finite verbs that open a sentence's predicate after a name's comma.
    pub predicate_verbs: WordList,
    /// Possessive marks ("'s").
    pub possessive_marks: WordList,
    /// Sectors of state institutions ("GOV", "MIL").
    pub institution_sectors: WordList,
    /// Participles that open a description after a name ("appointed").
    pub appointment_participles: WordList,
    /// Words after a participle that make it descriptive ("promoted to").
    pub participle_complements: WordList,
    /// Pronouns opening a relative clause after a comma ("who").
    pub relative_pronouns: WordList,
    /// Words between such a pronoun and its verb ("has", "also").
    pub relative_fillers: WordList,
    /// Verbs of a relative clause that describe the person ("heads").
    pub descriptive_verbs: WordList,
    /// Capitalised nouns that make a city before them part of a place's
    /// name ("Victoria Park"), not its government.
    pub place_name_heads: WordList,
    /// Words after an actor's name that make it a building ("UN Headquarters").
    pub seat_words: WordList,
    /// What comes before a building named by an actor ("at the").
    pub seat_leads: Vec<String>,
    /// Words between a role word and the organisation it serves ("judges at
    /// the International Court of Justice", "inspectors from the IAEA").
    pub member_links: Vec<String>,
    /// Role words naming an organisation's staff ("judges", "officials").
    pub member_roles: WordList,
    /// Capitalised words of a force's name before its country's ("Border
    /// Guards Bangladesh"), after which a bracketed acronym is the force's.
    pub force_name_words: WordList,
    /// Lower-case words joining the capitalised words of a long name ("the
    /// Front for the Liberation of Chad").
    pub name_joiners: WordList,
    /// Capitalised words of a sea's or strait's name around a country's
    /// ("South China Sea", "Gulf of Oman").
    pub water_heads: WordList,
    /// Capitalised last words of a place's name that is no person's or
    /// body's ("Mekong River", "Golan Heights"): no apposition describes it.
    pub landform_heads: WordList,
    /// Words before a role word that make it outsiders', not the context
    /// country's ("foreign troops").
    pub outsider_modifiers: WordList,
    /// Modifiers between a people's name and a role ("Tibetan spiritual leaders").
    pub descriptor_modifiers: WordList,
    /// Peoples without a state of their own, for a sentence's first word ("Kurdish").
    pub peoples: WordList,
    /// Role words of victims, which take no country from the context
    /// ("attacks on civilians").
    pub victim_roles: WordList,
    /// Role words "the …" refers back to.
    pub spokesperson_roles: WordList,
    /// Persons speaking for a body "they" names.
    pub speaker_roles: WordList,
    /// Speech verbs between such a speaker and "they".
    pub spoken_for_verbs: WordList,
    /// Count words of a group of two.
    pub pair_words: WordList,
    /// Count words of a group of three.
    pub trio_words: WordList,
    /// Count words that need no "the".
    pub bare_count_words: WordList,
    /// Sentence-initial words standing alone for the last engaged pair ("Both agreed").
    pub pair_pronouns: WordList,
    /// Words after such a word that make it stand alone ("Both will").
    pub pair_pronoun_followers: WordList,
    /// Words after an "-ed" form that show it is the pair's verb ("Both signed the").
    pub pair_pronoun_links: WordList,
    /// Prepositions that make a coordinated pair a topic ("between Chad and Sudan").
    pub pair_topic_leads: WordList,
    /// Nouns of a meeting or pact whose parties after "between" are the group.
    pub pair_event_nouns: WordList,
    /// Group nouns of governments.
    pub group_nouns_gov: WordList,
    /// Group nouns of armed forces.
    pub group_nouns_mil: WordList,
    /// Plural nouns that, after "the", stand for the last engaged pair ("the leaders").
    pub definite_pair_nouns: WordList,
    /// Verbs of appeal: those who appeal to "both sides" are no side.
    pub appeal_verbs: WordList,
    /// Group nouns of countries.
    pub group_nouns: WordList,
    /// Group nouns naming the two Koreas.
    pub korea_group_nouns: WordList,
    /// Pronouns referring to a person.
    pub person_pronouns: WordList,
    /// Object pronouns that refer back to a person ("him").
    pub object_pronouns: WordList,
    /// Words between a person and an object pronoun that keep the person
    /// from being the subject of the pronoun's verb.
    pub clause_breaks: WordList,
    /// Pronouns referring to a group.
    pub group_pronouns: WordList,
    /// Determiners of a description referring back ("the", "this").
    pub definite_determiners: WordList,
    /// Conjunctions that may open a sentence before its subject ("But").
    pub leading_conjunctions: WordList,
    /// Head nouns a definite description refers back with ("embassy").
    pub definite_heads: WordList,
    /// Such head nouns that refer back only a few sentences ("government").
    pub definite_heads_near: WordList,
    /// Role words that also name a stance ("opposition").
    pub stance_roles: WordList,
    /// Prepositions after such a word that make it the stance ("opposition to").
    pub stance_prepositions: WordList,
    /// Head nouns that refer back to the latest international organisation ("the bloc").
    pub organisation_heads: WordList,
    /// Head nouns that refer back to the latest armed group ("the group").
    pub armed_group_heads: WordList,
    /// Code parts of an armed group: a sector ("REB") or a code prefix ("IMG").
    pub armed_group_codes: WordList,
    /// Groups of head nouns naming the same body ("court tribunal").
    pub head_synonyms: WordList,
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
        assert!(lex().not_names.contains("The") && lex().individual_roles.contains("minister"));
    }
}
