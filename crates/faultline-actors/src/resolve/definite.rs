//! Definite descriptions that refer back: "The Canadian embassy in Lima
//! issued a statement. The embassy rejected the accusation." — "the
//! embassy" is the Canadian one (CANGOV), not the country of the context.
//!
//! A determiner of `definite_determiners` ("the", "this", "that") right
//! before a head noun of `definite_heads` ("embassy", "ministry", "court",
//! "council", "rebels", …), with an optional "'s", takes the code of the most
//! recent earlier mention whose own head noun is the same word or one of its
//! `head_synonyms` ("court tribunal"), or, for a head of `organisation_heads`
//! ("the bloc", "the alliance"), any international organisation (an IGO
//! code), or for a head of `armed_group_heads` ("the group", "the
//! paramilitary group") any armed group (`armed_group_codes`), in the same sentence or the `WINDOW`
//! sentences before it (`WINDOW_NEAR` for the heads of `definite_heads_near`:
//! "the government" soon means the local one again). Role words that only
//! took the context's country are no antecedent: they say no more than the
//! context would. A description with its own country ("the Chinese
//! embassy") is a compound, resolved directly; one with no antecedent keeps
//! what the other passes gave it. A role word the description owns ("the
//! ministry's spokesman") is its actor's too.

use super::compound::used_as_modifier;
use super::mention::AtomKind;
use super::words::title_head;
use super::{Mention, Sentence, Via};
use crate::code;
use crate::lexicon::lex;

/// How many sentences back an antecedent may be.
const WINDOW: usize = 8;
/// How many sentences back the antecedent of a head of
/// `definite_heads_near` ("the government") may be.
const WINDOW_NEAR: usize = 3;

/// The definite descriptions of the sentence that refer back to a mention
/// of this sentence (`mentions`) or of the sentences before it (`earlier`).
pub(super) fn definite_descriptions(
    cx: &Sentence<'_>,
    mentions: &[Mention],
    earlier: &[Mention],
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let toks = &cx.tokens;
    for (i, t) in toks.iter().enumerate() {
        let det = &cx.body[t.span.start..t.span.end];
        if !lex()
            .definite_determiners
            .contains(&det.to_ascii_lowercase())
        {
            continue;
        }
        let Some((start, end, head)) = described(cx, &toks[i + 1..]) else {
            continue;
        };
        let own = |m: &&Mention| m.via != Via::Context && m.start < end && m.end > start;
        if mentions.iter().any(|m| own(&m))
            || modifies_next(cx, end)
            || named_in_apposition(cx, end, mentions)
        {
            continue;
        }
        let window = if lex().definite_heads_near.contains(&head) {
            WINDOW_NEAR
        } else {
            WINDOW
        };
        let before = mentions.iter().rev().filter(|m| m.end <= start);
        let before = out.iter().rev().chain(before).chain(
            earlier
                .iter()
                .rev()
                .take_while(|m| m.sentence + window >= cx.si),
        );
        if let Some(a) = before
            // A role word that took the context's country is no evidence.
            .filter(|m| !m.appositive && m.via != Via::Context)
            .find(|m| {
                if m.person {
                    // "NATO chief Mark Rutte … the alliance": an
                    // organisation's officer names it too.
                    titled_so(&head, m) || organisation_of(&head, m)
                } else {
                    same_head(&head, &head_of(&m.text))
                        || titled_body(&head, m)
                        || organisation_of(&head, m)
                        || armed_group_of(&head, m)
                }
            })
        {
            // "the secretary" is the person named so before; "the
            // alliance" is no person, whoever named it
            let organisation = lex().organisation_heads.contains(&head);
            let person = a.person && !organisation;
            let m = Mention {
                entry: if organisation && a.person {
                    None
                } else {
                    a.entry.clone()
                },
                // Its title, for the next description to find in turn
                // ("NATO Secretary General X … the secretary general …
                // the secretary general", sentences apart).
                role: person.then(|| a.role.clone()).flatten(),
                person,
                ..cx.mention(start, end, a.code.clone(), Via::Coreference)
            };
            out.push(m);
        }
    }
    out
}

/// True when a name in apposition follows the description ending at byte
/// `end` ("the main opposition group, Congress, …", "the bloc, the African
/// Union, …"): the name says whom it means, not an earlier mention.
fn named_in_apposition(cx: &Sentence<'_>, end: usize, mentions: &[Mention]) -> bool {
    let Some(rest) = cx.body.get(end..).and_then(|r| r.strip_prefix(", ")) else {
        return false;
    };
    let start = cx.body.len() - rest.len();
    // "the African Union" names (its mention may leave out the "the");
    // "the ministry" describes again.
    let name = match rest.split_once(' ') {
        Some((det, after))
            if lex()
                .definite_determiners
                .contains(&det.to_ascii_lowercase()) =>
        {
            after
        }
        _ => rest,
    };
    let name_at = cx.body.len() - name.len();
    name.chars().next().is_some_and(char::is_uppercase)
        && mentions
            .iter()
            .any(|m| m.start == start || m.start == name_at)
}

/// Role words owned by a definite description ("the ministry's
/// spokesman", "the court's judges") belong to its actor: a country's
/// description gives its root (the role keeps its own sector), an
/// organisation's its code.
pub(super) fn possessed_roles(
    cx: &Sentence<'_>,
    descriptions: &[Mention],
    mentions: &mut [Mention],
) {
    for m in mentions.iter_mut().filter(|m| m.via == Via::Context) {
        let Some(owner) = descriptions.iter().find(|d| {
            let gap = cx.body.get(d.end..m.start).unwrap_or("").trim_end();
            matches!(gap, "'s" | "’s")
        }) else {
            continue;
        };
        let code = match (&owner.country, &m.sector) {
            (Some(c), Some(sector)) if cx.is_country(c) => code::with_sector(c, sector),
            _ => owner.code.clone(),
        };
        *m = Mention {
            entry: m.entry.clone(),
            person: m.person,
            ..cx.mention(m.start, m.end, code, Via::Coreference)
        };
    }
}

/// The description after a determiner, given the tokens after it: a head
/// noun right after it ([`head_noun`]), or a head of `armed_group_heads`
/// after one or two lower-case modifiers ("the paramilitary group", "the
/// armed Islamist movement") and before no "of" ("the group of experts").
/// Its span and head.
fn described(cx: &Sentence<'_>, after: &[faultline_text::Token]) -> Option<(usize, usize, String)> {
    let first = after.first()?;
    if let Some(found) = person_phrase(cx, after) {
        return Some(found);
    }
    if let Some(found) = head_noun(cx, first.span.start, first.span.end) {
        return Some(found);
    }
    let word = |k: usize| after.get(k).map(|t| &cx.body[t.span.start..t.span.end]);
    let modifier = |w: &str| w.chars().all(|c| c.is_lowercase() || c == '-');
    (0..3).find_map(|k| {
        let head = word(k)?.to_lowercase();
        let ok = lex().armed_group_heads.contains(&head)
            && (0..k).all(|j| word(j).is_some_and(modifier))
            && word(k + 1).is_none_or(|w| !lex().member_leads.contains(&w.to_lowercase()));
        ok.then(|| (first.span.start, after[k].span.end, head))
    })
}

/// A title of two words or more among `definite_person_heads` ("the
/// Secretary General", "the Secretary-General"), spelt with spaces or
/// hyphens: its span and its words joined by single spaces.
fn person_phrase(
    cx: &Sentence<'_>,
    after: &[faultline_text::Token],
) -> Option<(usize, usize, String)> {
    let first = after.first()?;
    let start = first.span.start;
    // Most determiners precede no such title: one look at the first word
    // before building the longer phrases.
    let lead = spaced(&cx.body[start..first.span.end]);
    let lead = lead.split(' ').next().unwrap_or("");
    let opens_a_title = lex()
        .definite_person_heads
        .iter()
        .any(|h| h.split_once(' ').is_some_and(|(w, _)| w == lead));
    if !opens_a_title {
        return None;
    }
    (1..=3).rev().find_map(|n| {
        let end = after.get(n - 1)?.span.end;
        let phrase = spaced(&cx.body[start..end]);
        (phrase.contains(' ') && lex().definite_person_heads.contains(&phrase))
            .then_some((start, end, phrase))
    })
}

/// Lower case, with hyphens and runs of spaces as single spaces
/// ("Secretary-General" → "secretary general").
fn spaced(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The head noun of a token (its possessive "'s" left out) when it is one of
/// `definite_heads`: its span and its lower-case form.
fn head_noun(cx: &Sentence<'_>, start: usize, end: usize) -> Option<(usize, usize, String)> {
    let word = &cx.body[start..end];
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let lower = word.to_lowercase();
    (lex().definite_heads.contains(&lower)
        || lex().definite_heads_near.contains(&lower)
        || lex().organisation_heads.contains(&lower)
        || lex().definite_person_heads.contains(&lower))
    .then(|| (start, start + word.len(), lower))
}

/// True when person `m` was named with a title whose head is `head` ("the
/// secretary" after "Defense Secretary Lloyd Austin", "the president"
/// after "President Ruto"): `definite_person_heads` only.
fn titled_so(head: &str, m: &Mention) -> bool {
    lex().definite_person_heads.contains(head)
        && m.role.as_deref().is_some_and(|role| {
            if head.contains(' ') {
                // "NATO Secretary General", "Secretary-General of the UN"
                let title = spaced(role);
                let title = title
                    .split(' ')
                    .take_while(|w| !lex().title_prepositions.contains(w))
                    .collect::<Vec<_>>()
                    .join(" ");
                ends_with_title(&title, head)
            } else {
                title_head(role).is_some_and(|w| {
                    w.eq_ignore_ascii_case(head)
                        || lex().diplomat_heads.contains(head)
                            && lex().diplomat_heads.contains(&w.to_lowercase())
                })
            }
        })
}

/// True when mention `m` is an organisation's office named by a title of
/// two words or more ("UN Secretary-General" for "the secretary general").
fn titled_body(head: &str, m: &Mention) -> bool {
    head.contains(' ')
        && lex().definite_person_heads.contains(head)
        && ends_with_title(&spaced(&m.text), head)
}

/// True when the spaced, lower-case `title` ends with the title `head`,
/// not ranked apart by the word before it (`lesser_ranks`: an "under
/// secretary general" or a "deputy secretary general" is another office).
fn ends_with_title(title: &str, head: &str) -> bool {
    title.strip_suffix(head).is_some_and(|before| {
        before.is_empty()
            || before.ends_with(' ')
                && before
                    .split_whitespace()
                    .last()
                    .is_none_or(|w| !lex().lesser_ranks.contains(w))
    })
}

/// True when `head` names an international organisation ("the bloc", "the
/// alliance") and mention `m` is one (an IGO code).
fn organisation_of(head: &str, m: &Mention) -> bool {
    lex().organisation_heads.contains(head) && m.code.starts_with("IGO")
}

/// True when `head` names an armed group (`armed_group_heads`: "the
/// group", "the movement") and mention `m` is one: a rebel sector or an
/// international militarised group (`armed_group_codes`).
fn armed_group_of(head: &str, m: &Mention) -> bool {
    lex().armed_group_heads.contains(head)
        && lex()
            .armed_group_codes
            .iter()
            .any(|c| m.code.starts_with(c) || m.code.get(3..6) == Some(c))
}

/// True when the noun ending at `end` modifies the word after it: a role
/// word ("the army chief", "the embassy spokesman"), whose description it
/// is, or an abstract noun ("the court ruling", "the army exercises").
fn modifies_next(cx: &Sentence<'_>, end: usize) -> bool {
    let next_role = cx.atoms.iter().find(|a| a.end > end).is_some_and(|a| {
        // A longer role phrase ("army chief") or a role word right after.
        a.start < end || (a.kind == AtomKind::Sector && cx.body[end..a.start].trim().is_empty())
    });
    next_role || used_as_modifier(cx.body, end, cx.s.end)
}

/// The head noun of a mention's text, lower case: the word before its first
/// "of", "in" or "from" ("ministry of foreign affairs of Brazil" →
/// "ministry"), else its last word ("Brazil's foreign ministry" →
/// "ministry"), without a possessive.
fn head_of(text: &str) -> String {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let cut = words
        .iter()
        .skip(1)
        .position(|w| lex().member_leads.contains(w) || lex().location_leads.contains(w))
        .map_or(words.len(), |p| p + 1);
    let head = words[..cut].last().copied().unwrap_or("");
    head.strip_suffix("'s")
        .or_else(|| head.strip_suffix("’s"))
        .unwrap_or(head)
        .to_owned()
}

/// True when two head nouns name the same kind of body: the same word, or
/// words of one group of `head_synonyms` ("court tribunal").
fn same_head(a: &str, b: &str) -> bool {
    a == b
        || lex().head_synonyms.iter().any(|group| {
            let mut words = group.split(' ');
            words.clone().any(|w| w == a) && words.any(|w| w == b)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_nouns_of_mentions() {
        assert_eq!(head_of("ministry of foreign affairs of Brazil"), "ministry");
        assert_eq!(head_of("Brazil's foreign ministry"), "ministry");
        assert_eq!(head_of("International Court of Justice"), "court");
        assert_eq!(head_of("Canadian embassy"), "embassy");
        assert!(same_head("court", "tribunal") && same_head("army", "military"));
        assert!(!same_head("court", "army"));
    }
}
