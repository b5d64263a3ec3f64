//! The crate's English word lists, loaded once from its data files.

use std::sync::OnceLock;

/// Non-empty, non-comment lines of a data file, trimmed.
#[must_use]
pub fn data_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// A word list loaded once from a file of `data/`: `word_list!(/// doc,
/// name, "file.txt")` defines `pub fn name() -> &'static [String]`.
macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static [String] {
            static LIST: OnceLock<Vec<String>> = OnceLock::new();
            LIST.get_or_init(|| data_lines(include_str!(concat!("../data/", $file))))
        }
    };
}

word_list!(
    /// Clitics split off words (`data/clitics.txt`).
    clitics,
    "clitics.txt"
);

word_list!(
    /// Prefixes that keep their hyphen (`data/hyphen-prefixes.txt`).
    hyphen_prefixes,
    "hyphen-prefixes.txt"
);

word_list!(
    /// Articles (`data/articles.txt`).
    articles,
    "articles.txt"
);

word_list!(
    /// Elided French and Italian words that open a word of a name
    /// (`data/elisions.txt`).
    elisions,
    "elisions.txt"
);

word_list!(
    /// Nouns of time (`data/time-nouns.txt`).
    time_nouns,
    "time-nouns.txt"
);

word_list!(
    /// Words that negate a predicate (`data/negators.txt`).
    negators,
    "negators.txt"
);

word_list!(
    /// Words that open an adverbial clause of time (`data/subordinators.txt`).
    subordinators,
    "subordinators.txt"
);

word_list!(
    /// Verbs that close a sentence with its source (`data/reporting-verbs.txt`).
    reporting_verbs,
    "reporting-verbs.txt"
);

word_list!(
    /// Verbs that take a clause whose subject may look like their object
    /// (`data/clause-verbs.txt`).
    clause_verbs,
    "clause-verbs.txt"
);

word_list!(
    /// Verbs of a speaker's act in words (`data/speaker-acts.txt`).
    speaker_acts,
    "speaker-acts.txt"
);

word_list!(
    /// Pronouns that can be subjects (`data/subject-pronouns.txt`).
    subject_pronouns,
    "subject-pronouns.txt"
);

word_list!(
    /// Possessive determiners (`data/possessive-determiners.txt`).
    possessive_determiners,
    "possessive-determiners.txt"
);

word_list!(
    /// Words that mark a reported clause (`data/complementizers.txt`).
    complementizers,
    "complementizers.txt"
);

word_list!(
    /// Modal auxiliaries of reported speech (`data/backshift-modals.txt`).
    backshift_modals,
    "backshift-modals.txt"
);

word_list!(
    /// Verbs whose object does a bare verb (`data/bare-infinitive-verbs.txt`).
    bare_infinitive_verbs,
    "bare-infinitive-verbs.txt"
);

word_list!(
    /// Words that stand alone as a subject before a verb (`data/pair-pronouns.txt`).
    pair_pronouns,
    "pair-pronouns.txt"
);

word_list!(
    /// Auxiliaries that open a condition by inversion (`data/inverting-auxiliaries.txt`).
    inverting_auxiliaries,
    "inverting-auxiliaries.txt"
);

word_list!(
    /// Pronouns that open a relative clause (`data/relative-pronouns.txt`).
    relative_pronouns,
    "relative-pronouns.txt"
);

word_list!(
    /// Prepositions of an act's agent (`data/agent-prepositions.txt`).
    agent_prepositions,
    "agent-prepositions.txt"
);

word_list!(
    /// Prepositions of an act's target (`data/target-prepositions.txt`).
    target_prepositions,
    "target-prepositions.txt"
);

word_list!(
    /// Determiners that open a phrase of time (`data/time-determiners.txt`).
    time_determiners,
    "time-determiners.txt"
);

word_list!(
    /// Conjunctions that close a list of names (`data/list-conjunctions.txt`).
    list_conjunctions,
    "list-conjunctions.txt"
);

word_list!(
    /// Prepositions that join a gerund to a noun (`data/gerund-prepositions.txt`).
    gerund_prepositions,
    "gerund-prepositions.txt"
);

word_list!(
    /// Nouns that take an infinitive complement (`data/infinitive-nouns.txt`).
    infinitive_nouns,
    "infinitive-nouns.txt"
);

word_list!(
    /// Nouns of deadline, means or measure after "by" (`data/non-agents.txt`).
    non_agents,
    "non-agents.txt"
);

/// News vocabulary with its possible tags (`data/news-lexicon.txt`), as
/// (word, tag names) pairs.
pub fn news_lexicon() -> &'static [(String, Vec<String>)] {
    static LIST: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    LIST.get_or_init(|| headed_lines(include_str!("../data/news-lexicon.txt")))
}

/// The time phrases training inserts (`data/augment-times.txt`), as (case
/// word, nouns it takes) pairs.
pub fn augment_times() -> &'static [(String, Vec<String>)] {
    static LIST: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    LIST.get_or_init(|| headed_lines(include_str!("../data/augment-times.txt")))
}

/// The lines of a data file as (first word, the other words) pairs.
fn headed_lines(text: &str) -> Vec<(String, Vec<String>)> {
    data_lines(text)
        .into_iter()
        .filter_map(|l| {
            let mut parts = l.split_whitespace().map(str::to_owned);
            Some((parts.next()?, parts.collect()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_news_lexicon_is_sorted_and_tagged_with_upos() {
        let lex = news_lexicon();
        assert!(lex.len() > 100);
        for pair in lex.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "sorted and unique: {} {}",
                pair[0].0,
                pair[1].0
            );
        }
        for (w, tags) in lex {
            assert_eq!(w, &w.to_lowercase());
            assert!(!tags.is_empty(), "{w} has tags");
            for t in tags {
                assert!(
                    crate::tagger::upos_index(t).is_some(),
                    "{w}: {t} is a UPOS tag"
                );
            }
        }
    }

    #[test]
    fn lists_load_sorted_or_not_but_clean() {
        for list in [
            clitics(),
            hyphen_prefixes(),
            negators(),
            possessive_determiners(),
            inverting_auxiliaries(),
            pair_pronouns(),
            bare_infinitive_verbs(),
            backshift_modals(),
            complementizers(),
            subject_pronouns(),
            time_nouns(),
            articles(),
        ] {
            assert!(!list.is_empty());
            for w in list {
                assert_eq!(w, &w.to_lowercase(), "lower case: {w}");
                assert!(!w.contains(char::is_whitespace), "one word: {w}");
            }
            let mut sorted = list.to_vec();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len(), "no duplicates");
        }
    }
}
