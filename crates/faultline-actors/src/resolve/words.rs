//! Word tests shared by the resolver's passes, over the lists of
//! `data/lexicon.toml`: role words naming one person, bodies that act on
//! their own, plurals, "former" and the coordination between actors.

use crate::lexicon::lex;

/// True when a role word names one person ("minister", "spokesman") rather than a body.
pub(super) fn is_individual(role: &str) -> bool {
    let last = role.rsplit(' ').next().unwrap_or(role).to_lowercase();
    lex().individual_roles.contains(&last)
}

/// The head noun of a title: its last word before a preposition of
/// `title_prepositions` ("Secretary of State" → "Secretary", "Minister for
/// Foreign Affairs" → "Minister"), else its last word ("Defense Secretary").
pub(super) fn title_head(role: &str) -> Option<&str> {
    role.split_whitespace()
        .take_while(|w| !lex().title_prepositions.contains(&w.to_ascii_lowercase()))
        .last()
}

/// Role words that can act on their own ("officials said", "police fired"),
/// as opposed to role words that mostly modify ("intelligence", "media").
pub(super) fn is_agentive(role: &str) -> bool {
    let l = role.to_lowercase();
    let last = l.rsplit(' ').next().unwrap_or(&l);
    is_individual(role)
        || lex().agentive_bodies.contains(last)
        || lex().agentive_bodies.contains(&l)
}

/// True when the last word of a mention is a plural ("officials", "troops").
pub(super) fn is_plural(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or(text).to_lowercase();
    last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("'s") && !last.ends_with("’s")
}

/// True when a text holds a word that says "former" ("former", "retired",
/// "ex", "ex-minister").
pub(super) fn is_former(text: &str) -> bool {
    let t = text.to_lowercase();
    t.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| {
            lex().former_words.contains(w) || lex().former_prefixes.iter().any(|p| w.starts_with(p))
        })
}

/// True when `word` makes a role word after it outsiders' ("foreign
/// troops", "a Western diplomat"; `outsider_modifiers`).
pub(super) fn is_outsider(word: &str) -> bool {
    lex().outsider_modifiers.contains(&word.to_lowercase())
}

/// True when the word before `start` (not before `floor`) says "former".
pub(super) fn former_before(body: &str, start: usize, floor: usize) -> bool {
    let before = body[floor..start].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let l = last.to_lowercase();
    lex().former_words.contains(&l) || lex().former_prefixes.iter().any(|p| l.ends_with(p))
}

/// True when a possessive pronoun stands a word or two before a role word
/// ("its troops", "their regional militias"): the role belongs to an actor
/// already named.
pub(super) fn owned_by_subject(body: &str, start: usize, sentence_start: usize) -> bool {
    let before = body[sentence_start..start].trim_end();
    before
        .rsplit(|c: char| c.is_whitespace())
        .take(3)
        .any(|w| lex().possessives.contains(&w.to_lowercase()))
}
