//! The resolver's English words (`data/lexicon.toml`): place words, role
//! modifiers, apposition leads, capitalised non-names and the role-word
//! classes, read once by the shared loader (`faultline_text::lexicon`).

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
    /// Capitalised words that are not names.
    pub not_names: WordList,
    /// Role words that act on their own.
    pub agentive_bodies: WordList,
    /// Abstract nouns a role word modifies.
    pub modified_nouns: WordList,
    /// Role words naming one person.
    pub individual_roles: WordList,
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
