//! Coreference-lite: group phrases ("the two governments", "both sides")
//! and pronouns ("he", "she", "they") that refer back, and `remember`, which
//! leaves a sentence's persons (and those it introduces), countries and groups in the [`State`] for the
//! sentences after it.

use super::context::State;
use super::mention::AtomKind;
use super::words::is_plural;
use super::{Mention, Sentence, Via};
use crate::code;
use crate::lexicon::lex;

/// Group phrases and pronouns of the sentence that refer back.
pub(super) fn coreferences(cx: &Sentence<'_>, state: &State, mentions: &[Mention]) -> Vec<Mention> {
    // ASCII lower case keeps byte offsets.
    let lower = cx.body[cx.s.start..cx.s.end].to_ascii_lowercase();
    let mut out = group_phrases(cx, &lower, state, mentions);
    out.extend(definite_pairs(cx, &lower, state, mentions));
    out.extend(pair_pronoun(cx, state, mentions));
    pronouns(cx, state, mentions, &mut out);
    out
}

/// The sector a group noun gives its members ("governments" → GOV), `None`
/// for a plain group ("countries", "sides"); not a group noun: `Err`.
fn group_sector(noun: &str) -> Result<Option<&'static str>, ()> {
    if lex().group_nouns_gov.contains(noun) {
        Ok(Some("GOV"))
    } else if lex().group_nouns_mil.contains(noun) {
        Ok(Some("MIL"))
    } else if lex().group_nouns.contains(noun) {
        Ok(None)
    } else {
        Err(())
    }
}

/// "the two countries", "both sides", "the three governments", "officials
/// from both sides": one mention for each country of the group, on the
/// group phrase's span (with the role word before it, whose sector wins).
fn group_phrases(
    cx: &Sentence<'_>,
    lower: &str,
    state: &State,
    mentions: &[Mention],
) -> Vec<Mention> {
    let mut out = Vec::new();
    let covered = |a: usize, b: usize| {
        mentions
            .iter()
            .any(|m| m.via != Via::Context && m.start < b && m.end > a)
    };
    let sizes = (lex().pair_words.iter().map(|w| (w, 2)))
        .chain(lex().trio_words.iter().map(|w| (w, 3usize)));
    for (count_word, n) in sizes {
        for (start, end, noun) in group_phrase_spans(lower, count_word) {
            let (start, end) = (cx.s.start + start, cx.s.start + end);
            let members = if lex().korea_group_nouns.contains(noun) {
                Some((vec!["KOR".to_owned(), "PRK".to_owned()], None))
            } else if let Ok(sector) = group_sector(noun) {
                named_before(cx, mentions, start, n)
                    .filter(|_| !appealed_to(cx, mentions, start))
                    .or_else(|| state.last_engaged_without(n, &acted_on(cx, mentions, end)))
                    .map(|roots| (roots, sector))
            } else {
                continue;
            };
            let Some((roots, sector)) = members.filter(|_| !covered(start, end)) else {
                continue;
            };
            let role = role_before(cx, mentions, start);
            let start = role.as_ref().map_or(start, |r| r.0);
            let sector = role.as_ref().and_then(|r| r.1.as_deref()).or(sector);
            for r in roots {
                let code = sector.map_or_else(|| r.clone(), |sec| code::with_sector(&r, sec));
                out.push(cx.mention(start, end, code, Via::Coreference));
            }
        }
    }
    out
}

/// The countries named after byte `from` of the sentence right after a
/// preposition of `group_object_cases` and right before punctuation ("…
/// their borders with Colombia.", "… sent aid to Haiti, …"): those a group
/// phrase acts on, none of its own: a bare country, not a modifier, a body
/// or a possessor ("the attack on Peruvian police", "agreed to Peru's
/// proposal"), which may name a member.
fn acted_on(cx: &Sentence<'_>, mentions: &[Mention], from: usize) -> Vec<String> {
    let closes = |m: &Mention| {
        cx.body.get(m.end..cx.s.end).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_punctuation() && c != '\'')
        })
    };
    mentions
        .iter()
        .filter(|m| m.start >= from && matches!(m.via, Via::Dictionary | Via::Apposition))
        .filter(|m| m.code.len() == 3 && closes(m))
        .filter(|m| {
            lex()
                .group_object_cases
                .contains(word_before(cx, m).as_str())
        })
        .filter_map(|m| m.country.clone())
        .collect()
}

/// "The leaders agreed …", "the delegations met …" with no count: the
/// first two countries of the last sentence that named several
/// (`definite_pair_nouns`; not "the leaders of Asia").
fn definite_pairs(
    cx: &Sentence<'_>,
    lower: &str,
    state: &State,
    mentions: &[Mention],
) -> Vec<Mention> {
    let Some(pair) = state.last_pair() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (at, _) in lower.match_indices("the ") {
        let boundary = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
        let rest = &lower[at + 4..];
        let noun = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let next = rest[noun.len()..].split_whitespace().next().unwrap_or("");
        if !boundary
            || !lex().definite_pair_nouns.contains(noun)
            || lex().member_leads.contains(next)
            || lex().location_leads.contains(next)
        {
            continue;
        }
        let (start, end) = (cx.s.start + at, cx.s.start + at + 4 + noun.len());
        if mentions
            .iter()
            .any(|m| m.via != Via::Context && m.start < end && m.end > start)
        {
            continue;
        }
        let sector = group_sector(noun).ok().flatten();
        for r in &pair {
            let code = sector.map_or_else(|| r.clone(), |sec| code::with_sector(r, sec));
            out.push(cx.mention(start, end, code, Via::Coreference));
        }
    }
    out
}

/// A sentence's first word standing alone for the pair last engaged
/// ("Both agreed to meet again", "Both noted that …"; `pair_pronouns`): a
/// verb must follow, a word of `pair_pronoun_followers` or an "-ed" form
/// before a name or a word of `pair_pronoun_links` ("Both signed the …",
/// "Both thanked Oman", not "Both armed groups").
fn pair_pronoun(cx: &Sentence<'_>, state: &State, mentions: &[Mention]) -> Vec<Mention> {
    let text = cx.body.get(cx.s.start..cx.s.end).unwrap_or("");
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let mut words = text[lead..].split_whitespace();
    let (Some(first), Some(next)) = (words.next(), words.next()) else {
        return Vec::new();
    };
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    let next_word = bare(next);
    let ends_phrase = next.ends_with(|c: char| !c.is_alphanumeric());
    let verb_follows = lex().pair_pronoun_followers.contains(next_word.as_str())
        || (next_word.ends_with("ed")
            && next.chars().next().is_some_and(char::is_lowercase)
            && (ends_phrase
                || words.next().is_some_and(|w| {
                    w.starts_with(char::is_uppercase)
                        || lex().pair_pronoun_links.contains(bare(w).as_str())
                })));
    let (start, end) = (cx.s.start + lead, cx.s.start + lead + first.len());
    let taken = mentions.iter().any(|m| m.start < end && m.end > start);
    if !lex().pair_pronouns.contains(bare(first).as_str()) || !verb_follows || taken {
        return Vec::new();
    }
    // The pair of the sentence right before: "Two suspects were held in
    // Berlin. Both denied …" is no pair engaged earlier.
    let since = cx.si.saturating_sub(1);
    let Some(pair) = state
        .last_engaged(2)
        .filter(|p| p.iter().all(|c| state.named_since(c, since)))
    else {
        return Vec::new();
    };
    pair.into_iter()
        .map(|r| cx.mention(start, end, r, Via::Coreference))
        .collect()
}

/// True when a verb of appeal (`appeal_verbs`) stands between the last
/// actor named before the group phrase at byte `at` and the phrase:
/// "Washington and Brussels urged both sides to talk" — the speakers are
/// no side.
fn appealed_to(cx: &Sentence<'_>, mentions: &[Mention], at: usize) -> bool {
    let from = mentions
        .iter()
        .filter(|m| m.end <= at && m.via != Via::Coreference)
        .map(|m| m.end)
        .max()
        .unwrap_or(cx.s.start);
    cx.body.get(from..at).is_some_and(|between| {
        between
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| lex().appeal_verbs.contains(&w.to_ascii_lowercase()))
    })
}

/// The first `n` countries the sentence names as actors before a group
/// phrase starting at byte `at` of the body, when it names
/// exactly `n`, leaving out places ("in Hanoi"): "Marcos met Vietnamese
/// leaders in Hanoi, where the two countries signed …" is the Philippines
/// and Vietnam, whatever the sentences before engaged.
fn named_before(
    cx: &Sentence<'_>,
    mentions: &[Mention],
    at: usize,
    n: usize,
) -> Option<Vec<String>> {
    let mut countries: Vec<String> = Vec::new();
    // The city a story was filed from ("PARIS —") is no party.
    let dateline_end =
        cx.s.start + faultline_text::dateline_len(cx.body.get(cx.s.start..cx.s.end).unwrap_or(""));
    for m in named_mentions_before(mentions, at) {
        if lex().location_leads.contains(word_before(cx, m).as_str()) || m.start < dateline_end {
            continue;
        }
        if let Some(c) = m.country.as_ref().filter(|c| cx.is_country(c))
            && !countries.contains(c)
        {
            countries.push(c.clone());
        }
    }
    if countries.len() > n {
        return coordinated_before(cx, mentions, at, n);
    }
    (countries.len() == n).then_some(countries)
}

/// The mentions named (not referred back to, not appositions) before byte `at`.
fn named_mentions_before(mentions: &[Mention], at: usize) -> impl Iterator<Item = &Mention> {
    mentions
        .iter()
        .filter(move |m| m.end <= at && m.via != Via::Coreference && !m.appositive)
}

/// The lower-case word right before mention `m` in its sentence.
fn word_before(cx: &Sentence<'_>, m: &Mention) -> String {
    cx.body[cx.s.start..m.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The countries of the first run of exactly `n` mentions coordinated by
/// "and" or a comma before byte `at`, when the sentence names more
/// countries than the group holds ("Turkey and Armenia signed …, as Hillary
/// Clinton helped the two sides …": Turkey and Armenia; "A and B met after
/// C and D offered to host them, and the two sides agreed": A and B). Not a
/// pair named as a topic ("violence between A and B", `pair_topic_leads`),
/// unless a noun of their meeting or pact comes first ("talks between A and
/// B", `pair_event_nouns`).
fn coordinated_before(
    cx: &Sentence<'_>,
    mentions: &[Mention],
    at: usize,
    n: usize,
) -> Option<Vec<String>> {
    let named: Vec<&Mention> = named_mentions_before(mentions, at)
        .filter(|m| m.country.as_ref().is_some_and(|c| cx.is_country(c)))
        .collect();
    let joined = |a: &Mention, b: &Mention| {
        matches!(
            cx.body.get(a.end..b.start).map(str::trim),
            Some("and" | "," | ", and")
        )
    };
    let mut runs: Vec<Vec<&Mention>> = Vec::new();
    for m in named {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|p| joined(p, m)) => run.push(m),
            _ => runs.push(vec![m]),
        }
    }
    let run = runs
        .into_iter()
        .find(|r| r.len() == n && !named_as_topic(cx, r[0]))?;
    let countries: Vec<String> = run.iter().filter_map(|m| m.country.clone()).collect();
    let mut distinct = countries.clone();
    distinct.dedup();
    (distinct.len() == n).then_some(countries)
}

/// True when mention `m` follows a preposition of topic
/// (`pair_topic_leads`) that no noun of a meeting or pact
/// (`pair_event_nouns`) comes right before.
fn named_as_topic(cx: &Sentence<'_>, m: &Mention) -> bool {
    let mut before = cx.body[cx.s.start..m.start].split_whitespace().rev();
    let lead = before.next().unwrap_or("").to_ascii_lowercase();
    let noun = before.next().unwrap_or("").to_ascii_lowercase();
    lex().pair_topic_leads.contains(lead.as_str())
        && !lex()
            .pair_event_nouns
            .contains(noun.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// The role word right before a group phrase starting at `at`, joined by
/// "of", "from" or "in" ("officials from both sides", "delegations of the
/// two countries"): where it starts and its sector. A mention of the
/// context there ("government officials") gives both; else the role word.
fn role_before(
    cx: &Sentence<'_>,
    mentions: &[Mention],
    at: usize,
) -> Option<(usize, Option<String>)> {
    let joined = |end: usize| {
        let gap = cx.body[end..at].trim().to_ascii_lowercase();
        lex().member_leads.contains(&gap) || lex().location_leads.contains(&gap)
    };
    if let Some(m) = mentions.iter().rev().find(|m| m.end <= at)
        && m.via == Via::Context
        && joined(m.end)
    {
        return Some((m.start, m.sector.clone()));
    }
    let a = cx.atoms.iter().rev().find(|a| a.end <= at)?;
    (a.kind == AtomKind::Sector && joined(a.end)).then(|| (a.start, a.sector.clone()))
}

/// The spans (in `lower`) of "the COUNT NOUN" or "both NOUN", with the noun.
fn group_phrase_spans<'t>(lower: &'t str, count_word: &str) -> Vec<(usize, usize, &'t str)> {
    let bare = lex().bare_count_words.contains(count_word);
    let mut spans = Vec::new();
    for (at, _) in lower.match_indices(count_word) {
        let prefix_ok = if bare {
            at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric()
        } else {
            lower[..at].ends_with("the ")
        };
        if !prefix_ok {
            continue;
        }
        let after = &lower[at + count_word.len()..];
        let Some(noun) = after
            .strip_prefix(' ')
            .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
        else {
            continue;
        };
        let start = if bare { at } else { at - 4 };
        spans.push((start, at + count_word.len() + 1 + noun.len(), noun));
    }
    spans
}

/// True when only punctuation or quotation marks come before byte `start`
/// in the sentence.
fn opens_sentence(cx: &Sentence<'_>, start: usize) -> bool {
    cx.body
        .get(cx.s.start..start)
        .is_some_and(|b| b.chars().all(|c| !c.is_alphanumeric()))
}

/// Pronouns: "he", "she" and the object "him" → the last person; "they" →
/// the last group; a subject "it" → the last body.
fn pronouns(cx: &Sentence<'_>, state: &State, mentions: &[Mention], out: &mut Vec<Mention>) {
    for tok in &cx.tokens {
        let (start, end) = (tok.span.start, tok.span.end);
        let w = &cx.body[start..end];
        let of_person = lex().person_pronouns.contains(w) || lex().object_pronouns.contains(w);
        let referents: Vec<Mention> = if of_person {
            // The nearest person before the pronoun in this sentence
            // ("Morgan Ortagus indicated …: "…," he said"), else the last
            // person of earlier sentences.
            // A pronoun opening the sentence is its subject, and takes up
            // the last sentence's lead person over one named after it
            // ("Chile's president accused Morales of … He warned …").
            // An object "him" is not the subject of its own verb: "Ruto
            // thanked him" means someone else than Ruto.
            // A speaker's pronoun after a quotation ("…," she told TV
            // One) names no one the quotation names.
            let speaker = speaks(cx, end);
            let quoted_to = if speaker {
                quotation_end(cx, start)
            } else {
                cx.s.start
            };
            let unquoted = |m: &&Mention| m.start >= quoted_to;
            let nearest = mentions
                .iter()
                .rev()
                .filter(unquoted)
                .find(|m| m.person && m.end <= start);
            let subject = nearest
                .filter(|m| lex().object_pronouns.contains(w) && clause_mate(cx, m.end, start));
            let other = |m: &&Mention| subject.is_none_or(|s| !same_person(s, m));
            let here = mentions
                .iter()
                .rev()
                .filter(other)
                .filter(unquoted)
                .find(|m| m.person && m.end <= start);
            // So does the speaker of a speech verb ("…," she told TV One;
            // "If …, he told parliament, …"): the last sentence's subject
            // speaks on, not whomever it named last.
            let earlier = if opens_sentence(cx, start) || speaker {
                state.lead_person.as_ref().or(state.last_person.as_ref())
            } else {
                state.last_person.as_ref()
            };
            here.or(earlier.filter(other))
                .into_iter()
                .cloned()
                .collect()
        } else if lex().group_pronouns.contains(w) {
            they_referents(cx, state, mentions, start)
        } else if lex().body_pronouns.contains(w) && subject_it(cx, start, end) {
            state.last_body.iter().cloned().collect()
        } else {
            continue;
        };
        for g in &referents {
            out.push(Mention {
                entry: g.entry.clone(),
                person: of_person,
                ..cx.mention(start, end, g.code.clone(), Via::Coreference)
            });
        }
    }
}

/// Where a quotation that opens the sentence closes, before byte `before`:
/// past its last closing mark; the sentence start when it opens with none.
fn quotation_end(cx: &Sentence<'_>, before: usize) -> usize {
    let head = cx.body.get(cx.s.start..before).unwrap_or("");
    let opening = head.len() - head.trim_start().len();
    if !head[opening..].starts_with(['"', '“']) {
        return cx.s.start;
    }
    // The last closing mark after the opening one, past its last byte.
    head.char_indices()
        .rev()
        .find(|&(i, c)| i > opening && matches!(c, '"' | '”'))
        .map_or(cx.s.start, |(i, c)| cx.s.start + i + c.len_utf8())
}

/// True when a speech verb of `spoken_for_verbs` follows the pronoun that
/// ends at byte `end` ("she told", "he added").
fn speaks(cx: &Sentence<'_>, end: usize) -> bool {
    cx.body
        .get(end..)
        .and_then(|r| r.split_whitespace().next())
        .is_some_and(|w| {
            lex()
                .spoken_for_verbs
                .contains(w.trim_end_matches([',', '.']))
        })
}

/// True when the text between a person ending at byte `end` and a pronoun
/// at `at` is one to three words of a verb group, with no punctuation nor
/// a word of `clause_breaks` ("and", "that"): the person is the subject of
/// the verb the pronoun is the object of ("Ruto thanked him", "she had
/// told him").
fn clause_mate(cx: &Sentence<'_>, end: usize, at: usize) -> bool {
    let Some(gap) = cx.body.get(end..at) else {
        return false;
    };
    let words: Vec<&str> = gap.split_whitespace().collect();
    // A speech verb before the pronoun's own verb opens a clause of its
    // own ("Museveni says nobody told him").
    let last = words.len().saturating_sub(1);
    (1..=3).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            let lower = w.to_ascii_lowercase();
            w.chars().all(char::is_alphabetic)
                && !lex().clause_breaks.contains(&lower)
                && (i == last || !lex().spoken_for_verbs.contains(&lower))
        })
}

/// True when two mentions are of one person (one entry, or one code when
/// neither has an entry).
fn same_person(a: &Mention, b: &Mention) -> bool {
    match (&a.entry, &b.entry) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.code == b.code,
        _ => false,
    }
}

/// True when the "it" over bytes `start..end` opens its clause (the
/// sentence's first word, or after a fronted phrase of `fronted_sources`,
/// "In a statement(,)"), or follows a quotation before a speech verb of
/// `spoken_for_verbs` (`"…," it said`), and a verb of its own follows, not
/// a form of "be" or a verb of seeming (`expletive_followers`: "It is
/// unclear", "it seems").
fn subject_it(cx: &Sentence<'_>, start: usize, end: usize) -> bool {
    let before = cx
        .body
        .get(cx.s.start..start)
        .unwrap_or("")
        .trim_end()
        .to_lowercase();
    let before = before.trim_end_matches(',').trim_end();
    // "…," it said: after a quotation, before a speech verb.
    let after_quotation = before.ends_with(['"', '\u{201d}']);
    let opens = before.is_empty() || lex().fronted_sources.iter().any(|f| before.ends_with(f));
    let next = cx
        .body
        .get(end..cx.s.end)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
        .to_lowercase();
    let speaks = after_quotation && lex().spoken_for_verbs.contains(&next);
    (opens || speaks) && !next.is_empty() && !lex().expletive_followers.contains(&next)
}

/// What "they" at `at` refers to: a group named earlier in this sentence
/// ("the US and South Korea specified … that they would"), the body a
/// spokesperson speaks for, a plural role ("Israeli officials said that
/// they would …"), else the last group before it.
fn they_referents(
    cx: &Sentence<'_>,
    state: &State,
    mentions: &[Mention],
    at: usize,
) -> Vec<Mention> {
    let before: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.end <= at && !m.appositive)
        .collect();
    let mut group: Vec<&Mention> = Vec::new();
    for w in before.windows(2).rev() {
        let gap = cx.body.get(w[0].end..w[1].start).unwrap_or("x").trim();
        // "Cho and his Japanese counterpart, Kamikawa, … as they met": a
        // group's gaps ("and his"), as `remember` reads them.
        if lex().group_gaps.contains(gap) {
            if group.is_empty() {
                group.push(w[1]);
            }
            group.push(w[0]);
        } else if !group.is_empty() {
            break;
        }
    }
    if group.len() >= 2 {
        return group.into_iter().rev().cloned().collect();
    }
    if let Some(p) = spoken_for(cx, &before, at) {
        return vec![p.clone()];
    }
    if let Some(p) = before
        .iter()
        .rev()
        .find(|m| m.via != Via::Coreference && is_plural(&m.text))
    {
        return vec![(*p).clone()];
    }
    state.last_group.clone()
}

/// "The spokesperson added …, they would not …": the spokesperson who
/// spoke between the mention and `at`, standing for a body.
fn spoken_for<'m>(cx: &Sentence<'_>, before: &[&'m Mention], at: usize) -> Option<&'m Mention> {
    before.iter().rev().copied().find(|m| {
        let t = m.text.to_lowercase();
        m.person
            && lex().speaker_roles.iter().any(|h| t.ends_with(h))
            && cx
                .body
                .get(m.end..at)
                .unwrap_or("")
                .split(|c: char| !c.is_alphabetic())
                .any(|w| lex().spoken_for_verbs.contains(w))
    })
}

/// Leaves the sentence's countries, last person and group in the state.
pub(super) fn remember(cx: &Sentence<'_>, state: &mut State, all: &[Mention]) {
    // The place a story was filed from ("KINGSTOWN, St Vincent —") is no
    // party the story engages.
    let after_dateline: Vec<Mention>;
    let all = match faultline_text::dateline_len(&cx.body[cx.s.start..cx.s.end]) {
        0 => all,
        n => {
            after_dateline = all
                .iter()
                .filter(|m| m.start >= cx.s.start + n)
                .cloned()
                .collect();
            after_dateline.as_slice()
        }
    };
    // The subject that opens the sentence, when it is a body, is what a
    // subject "it" of the next sentences stands for.
    if let Some(lead) = all.first().filter(|m| {
        !m.person
            && !m.appositive
            && cx.body.get(cx.s.start..m.start).is_some_and(|b| {
                let b = b.trim().to_lowercase();
                let b = match b.split_once(' ') {
                    Some((c, rest)) if lex().leading_conjunctions.contains(c) => rest.trim(),
                    _ if lex().leading_conjunctions.contains(&b) => "",
                    _ => b.as_str(),
                };
                b.is_empty() || lex().definite_determiners.contains(b)
            })
    }) {
        state.last_body = Some(lead.clone());
    }
    let fronted = fronted_participle_end(cx, all);
    if let Some(lead) = all.iter().find(|m| m.person && m.start >= fronted) {
        state.lead_person = Some(lead.clone());
    }
    for m in all {
        state.persons.introduce(cx, m);
        if m.country.as_deref().is_some_and(|c| cx.is_country(c)) {
            state.note(m);
        } else if m.person {
            state.last_person = Some(m.clone());
        }
    }
    let mut groups = coordinated_runs(cx.body, all);
    let engaged = engaged_countries(cx, &groups, all);
    let leading = leading_coordinated(cx, &groups, all, &engaged);
    state.engage(engaged, leading);
    // A group phrase ("the two defense chiefs") is a group "they" may take
    // up in the next sentence; it is not a pronoun itself.
    groups.extend(group_phrase_members(all));
    groups.sort_by_key(|g| g.first().map_or(0, |m| m.start));
    // Subject preference: a sentence whose subject is "they" keeps talking
    // about the same group, whatever else it names ("They concluded that the
    // agreement between Turkey and Libya …"); a coordinated subject wins over
    // coordinations later in the sentence.
    let lead = all.iter().find(|m| !m.appositive);
    let subject_is_they = lead.is_some_and(|m| {
        m.via == Via::Coreference
            && lex().group_pronouns.contains(&m.text)
            && cx
                .body
                .get(cx.s.start..m.start)
                .is_some_and(|b| b.trim().is_empty())
    });
    let subject_group = groups
        .iter()
        .find(|g| lead.is_some_and(|l| g.first().is_some_and(|f| f.start == l.start)));
    if subject_is_they {
        // The antecedent stays the latest group.
    } else if let Some(g) = subject_group.or(groups.last()) {
        state.last_group.clone_from(g);
    } else if let Some(m) = all
        .iter()
        .rev()
        .find(|m| m.via != Via::Coreference && is_plural(&m.text))
    {
        state.last_group = vec![m.clone()];
    }
}

/// The members of each group phrase of a sentence: two or more mentions by
/// coreference on one span that is no pronoun ("the two leaders").
fn group_phrase_members(all: &[Mention]) -> Vec<Vec<Mention>> {
    let mut out: Vec<Vec<Mention>> = Vec::new();
    for m in all
        .iter()
        .filter(|m| m.via == Via::Coreference && !lex().group_pronouns.contains(&m.text))
    {
        match out.last_mut() {
            Some(g) if g[0].start == m.start && g[0].end == m.end => g.push(m.clone()),
            _ => out.push(vec![m.clone()]),
        }
    }
    out.retain(|g| g.len() >= 2);
    out
}

/// The distinct countries a sentence names as actors, those of its
/// coordinated runs first ("Peru and Chile met in Brazil": PER, CHL, BRA).
/// A person named again counts ("The secretary welcomed India's aid": the
/// secretary's country engages India); a group phrase does not (it only
/// says again who was engaged).
fn engaged_countries(cx: &Sentence<'_>, groups: &[Vec<Mention>], all: &[Mention]) -> Vec<String> {
    let mut countries: Vec<String> = Vec::new();
    let named = groups.iter().flatten().chain(all);
    let counts = |m: &Mention| (m.via != Via::Coreference || m.person) && !cited_outlet(cx, m);
    for m in named.filter(|m| counts(m) && !m.appositive) {
        if let Some(c) = m.country.as_ref().filter(|c| cx.is_country(c))
            && !countries.contains(c)
        {
            countries.push(c.clone());
        }
    }
    countries
}

/// True when `m` is a news outlet cited as the source of the sentence
/// ("told AFP", "according to Reuters"): no party to what it reports.
fn cited_outlet(cx: &Sentence<'_>, m: &Mention) -> bool {
    let before = cx.body[cx.s.start.min(m.start)..m.start]
        .trim_end()
        .to_lowercase();
    m.sector.as_deref() == Some("MED")
        && lex()
            .outlet_citations
            .iter()
            .any(|lead| before.ends_with(lead))
}

/// Runs of two or more coordinated actors ("Greek, Cypriot and French
/// counterparts", "Sameh Shoukry and his … counterparts"), skipping
/// appositions (the same actor named again).
/// Where a participle phrase opening the sentence ends ("Asked about
/// Zelensky, Biden said …": after its comma), else the sentence's start:
/// a person named inside it is no subject. A name ("Ahmed Shah said",
/// "Beijing, …") opens no such phrase.
fn fronted_participle_end(cx: &Sentence<'_>, all: &[Mention]) -> usize {
    let text = cx.body.get(cx.s.start..cx.s.end).unwrap_or("");
    let lead = text.len() - text.trim_start_matches(|c: char| !c.is_alphabetic()).len();
    let first = text[lead..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let at = cx.s.start + lead;
    let named = all.iter().any(|m| m.start <= at && m.end > at);
    let participle = !named && first.len() > 4 && (first.ends_with("ing") || first.ends_with("ed"));
    match text.find(',') {
        Some(comma) if participle => cx.s.start + comma,
        _ => cx.s.start,
    }
}

/// How many of the sentence's `engaged` countries (coordinated ones first)
/// a coordinated run opening the sentence names: its likeliest subject.
fn leading_coordinated(
    cx: &Sentence<'_>,
    groups: &[Vec<Mention>],
    all: &[Mention],
    engaged: &[String],
) -> usize {
    let Some(first) = groups.first() else {
        return 0;
    };
    // The run is the sentence's first mention, with at most a determiner
    // (or the dateline) before it.
    let opens = all
        .iter()
        .find(|m| !m.appositive)
        .zip(first.first())
        .is_some_and(|(a, g)| {
            a.start == g.start
                && cx.body.get(cx.s.start..g.start).is_some_and(|b| {
                    let b = b
                        .get(faultline_text::dateline_len(b)..)
                        .unwrap_or(b)
                        .trim()
                        .to_lowercase();
                    b.is_empty() || lex().definite_determiners.contains(&b)
                })
        });
    if !opens {
        return 0;
    }
    engaged
        .iter()
        .take_while(|c| first.iter().any(|m| m.country.as_ref() == Some(*c)))
        .count()
}

fn coordinated_runs(body: &str, all: &[Mention]) -> Vec<Vec<Mention>> {
    let heads: Vec<&Mention> = all.iter().filter(|m| !m.appositive).collect();
    let mut runs: Vec<Vec<Mention>> = Vec::new();
    let mut run: Vec<Mention> = Vec::new();
    for w in heads.windows(2) {
        let gap = body.get(w[0].end..w[1].start).unwrap_or("x").trim();
        let joins = lex().group_gaps.contains(gap)
            || (lex().description_gaps.contains(gap)
                && (w[1].via == Via::Coreference || w[1].sector.is_some()));
        if joins && w[0].code != w[1].code {
            if run.is_empty() {
                run.push(w[0].clone());
            }
            run.push(w[1].clone());
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}
