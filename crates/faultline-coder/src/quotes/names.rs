//! Persons named in running text, for quotation attribution: the person a
//! speaker pronoun ("…," she said) stands for, whether or not the actor
//! dictionaries know the name.
//!
//! Candidates, looked for backwards from the pronoun within its paragraph
//! and the one before it:
//! - person mentions of the resolver that are not the object of a
//!   preposition ("met with President Ruiz, where he said" is not Ruiz);
//! - names the dictionaries do not know: two to four capitalised words, not
//!   after an article or a preposition, not part of an organisation or
//!   place mention ("Omar Haddad, of the council, said …");
//! - a single capitalised word that is the surname of a person named
//!   earlier ("Haddad also spoke").
//!
//! The nearest candidate before the pronoun wins, unless it is the subject
//! of a clause of condition or cause ("… if Vidal stays") after a name of
//! the main clause in the same sentence, which then wins. Names inside
//! quotations are what the speaker said, not who speaks, and are skipped.

use faultline_actors::{Mention, Via};

use super::Index;
use crate::dict::lexicon::lex;

/// How far back, in bytes, a pronoun's person is looked for: two
/// paragraphs of news, and a bound on text without paragraph breaks (so
/// that attribution stays linear in the document). A lone surname's full
/// name is looked for four times as far back.
const WINDOW: usize = 2048;

/// A person found in the text: the name as written and where it starts.
#[derive(Debug, Clone)]
pub(super) struct Named<'a> {
    /// The name (a slice of the body).
    pub name: &'a str,
    /// Byte offset of the name in the body.
    pub start: usize,
    /// The resolver's mention, when the name is one.
    pub mention: Option<&'a Mention>,
}

/// Whether `w` (stripped of punctuation) is a capitalised word of a name.
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !lex().name_openers.contains(&w.to_lowercase())
        && faultline_dates::month_from_name(w.trim_end_matches('.')).is_none()
        && faultline_dates::weekday_from_name(w).is_none()
}

/// Whether the words before byte `at` (from `lo`) end in an article or a
/// preposition, skipping up to two words of a title in between ("of
/// journalist Ana Ruiz", "with President Ruiz", "the Nevada Sentinel").
fn governed(body: &str, lo: usize, at: usize) -> bool {
    let before = body.get(lo..at).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    for _ in 0..3 {
        let Some(w) = words.next() else { return false };
        if w.ends_with([',', '.', ';', ':', '"', '“', '”']) {
            return false;
        }
        let lower = w.to_lowercase();
        if matches!(lower.as_str(), "the" | "a" | "an")
            || lex().speaker_prepositions.contains(&lower)
        {
            return true;
        }
    }
    false
}

/// Whether the word before byte `at` (from `lo`) opens a clause of
/// condition or cause (`subordinators`: "if", "because", …), whose subject
/// is not the one a speaker pronoun after it goes on with.
fn subordinate(body: &str, lo: usize, at: usize) -> bool {
    body.get(lo..at)
        .and_then(|b| b.split_whitespace().next_back())
        .is_some_and(|w| lex().subordinators.contains(&w.to_lowercase()))
}

/// Whether a name at byte `sub` in a clause of condition or cause
/// ([`subordinate`]) gives way to a name of the main clause ending at
/// byte `main_end` before it in the same sentence: no sentence end
/// (". ", "? ", "! ") or line break between them. (An abbreviation's
/// period also counts as an end: the rule then stays off.)
fn gives_way(body: &str, lo: usize, sub: usize, main_end: usize) -> bool {
    subordinate(body, lo, sub)
        && main_end <= sub
        && body.get(main_end..sub).is_some_and(|t| {
            !t.contains(". ") && !t.contains("? ") && !t.contains("! ") && !t.contains('\n')
        })
}

/// Runs of two to four name words in `lo..hi` of the body, with their start.
fn unknown_names(body: &str, lo: usize, hi: usize) -> Vec<(usize, usize)> {
    capitalised_runs(body, lo, hi, 4)
}

/// Runs of two to `most` capitalised words in `lo..hi` (see
/// [`unknown_names`]).
fn capitalised_runs(body: &str, lo: usize, hi: usize, most: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(text) = body.get(lo..hi) else {
        return out;
    };
    let mut run: Option<(usize, usize, usize)> = None; // start, end, count
    let mut flush = |run: &mut Option<(usize, usize, usize)>| {
        if let Some((s, e, n)) = run.take()
            && (2..=most).contains(&n)
        {
            out.push((s, e));
        }
    };
    for (off, raw) in word_spans(text) {
        let w = raw.trim_end_matches([',', '.', ';', ':', '"', '”', '’', ')']);
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        let at = lo + off;
        if name_word(w) {
            run = Some(match run {
                Some((s, _, n)) => (s, at + w.len(), n + 1),
                None => (at, at + w.len(), 1),
            });
            if w.len() != raw.len() {
                flush(&mut run);
            }
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// The words of `text` with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| {
        let at = w.as_ptr() as usize - text.as_ptr() as usize;
        (at, w)
    })
}

/// The name in a run of capitalised words `s..e` that opens with a title
/// ("Senate Majority Leader Trent Lott" → "Trent Lott"): the words after
/// the last mention that is no person and the last office word
/// (`individual_roles`); the whole run when it has neither.
fn name_after_title(body: &str, index: &Index<'_>, s: usize, e: usize) -> Option<(usize, usize)> {
    let mut from = index
        .starting_in(s.saturating_sub(200), e)
        .iter()
        .filter(|m| !m.person && m.start < e && s < m.end)
        .map(|m| m.end)
        .max()
        .map_or(s, |end| end.max(s));
    let base = from;
    for (off, w) in word_spans(body.get(base..e)?) {
        if faultline_actors::lexicon::lex()
            .individual_roles
            .contains(&w.to_lowercase())
        {
            from = base + off + w.len();
        }
    }
    let rest = body.get(from..e)?;
    let start = from + (rest.len() - rest.trim_start().len());
    (2..=4)
        .contains(&rest.split_whitespace().count())
        .then_some((start, e))
}

/// How many words a title before a name may add to its run.
const TITLE_WORDS: usize = 3;

/// Whether `lo..hi` overlaps a mention that is not a person (an
/// organisation, a country, a place).
fn in_other_mention(index: &Index<'_>, lo: usize, hi: usize) -> bool {
    index
        .starting_in(lo.saturating_sub(200), hi)
        .iter()
        .any(|m| !m.person && m.start < hi && lo < m.end)
}

/// A name the dictionaries do not know among the first eight words of
/// `lo..hi`, not after an article or a preposition: the subject of a
/// clause ("Since then a senator, Ana Ruiz, has …" → Ana Ruiz).
pub(super) fn opening_name<'a>(
    body: &'a str,
    index: &Index<'a>,
    lo: usize,
    hi: usize,
) -> Option<Named<'a>> {
    let text = body.get(lo..hi)?;
    let eighth = word_spans(text).nth(8).map_or(hi, |(off, _)| lo + off);
    unknown_names(body, lo, eighth)
        .into_iter()
        .find(|&(s, e)| !governed(body, lo, s) && !in_other_mention(index, s, e))
        .map(|(s, e)| Named {
            name: &body[s..e],
            start: s,
            mention: None,
        })
}

/// The person a speaker pronoun at byte `before` stands for (see the
/// module comment), or `None`.
pub(super) fn antecedent<'a>(body: &'a str, index: &Index<'a>, before: usize) -> Option<Named<'a>> {
    let para = index.para_start(before);
    let lo = index
        .para_start(para.saturating_sub(2))
        .max(super::floor_boundary(body, before.saturating_sub(WINDOW)));
    let quoted = |at: usize| index.quoted(at);
    let candidate = |m: &&Mention| {
        m.end <= before
            && m.via != Via::Coreference
            && !quoted(m.start)
            && !governed(body, lo, m.start)
    };
    // A subject of a clause of condition or cause ("… if Ruiz was not
    // handed over") gives way to one of a main clause before it.
    let nearest = index.persons_in(lo, before).rev().find(candidate);
    let mention = nearest
        .and_then(|sub| {
            index
                .persons_in(lo, sub.start)
                .rev()
                .find(|m| candidate(m) && gives_way(body, lo, sub.start, m.end))
        })
        .or(nearest)
        .map(|m| Named {
            name: body.get(m.start..m.end).unwrap_or(""),
            start: m.start,
            mention: Some(m),
        });
    // A title may lengthen the run ("Senate Majority Leader Trent Lott").
    let unknown = capitalised_runs(body, lo, before, 4 + TITLE_WORDS)
        .into_iter()
        .filter_map(|(s, e)| name_after_title(body, index, s, e))
        .rev()
        .find(|&(s, e)| !quoted(s) && !governed(body, lo, s) && !in_other_mention(index, s, e))
        .map(|(s, e)| Named {
            name: &body[s..e],
            start: s,
            mention: None,
        });
    let best = match (mention, unknown) {
        (Some(m), Some(u))
            if u.start >= m.name.len() + m.start
                && !gives_way(body, lo, u.start, m.start + m.name.len()) =>
        {
            Some(u)
        }
        (Some(m), _) => Some(m),
        (None, u) => u,
    };
    let surname = surname_after(body, index, lo, before, best.as_ref());
    surname.or(best)
}

/// A lone surname after `best` (and before `before`) of a person named
/// earlier: "Haddad also spoke on trade. "…," he said" is Haddad.
fn surname_after<'a>(
    body: &'a str,
    index: &Index<'a>,
    lo: usize,
    before: usize,
    best: Option<&Named<'a>>,
) -> Option<Named<'a>> {
    let from = best.map_or(lo, |b| b.start + b.name.len());
    let text = body.get(from..before)?;
    word_spans(text)
        .filter_map(|(off, raw)| {
            let w = raw.trim_end_matches([',', '.', ';', ':']);
            let at = from + off;
            (w.len() >= 3
                && name_word(w)
                && !index.quoted(at)
                && !governed(body, lo, at)
                && best.is_none_or(|b| !gives_way(body, lo, at, b.start + b.name.len()))
                && !in_other_mention(index, at, at + w.len())
                && known_surname(body, index, w, at))
            .then(|| Named {
                name: &body[at..at + w.len()],
                start: at,
                mention: None,
            })
        })
        .last()
}

/// Whether `w` is the last word of a person's name before byte `at`
/// (within the look-back): a person mention or a name not in the dictionaries.
fn known_surname(body: &str, index: &Index<'_>, w: &str, at: usize) -> bool {
    let since = at.saturating_sub(super::LOOKBACK);
    let near = super::floor_boundary(body, at.saturating_sub(4 * WINDOW));
    let last = |n: &str| n.split_whitespace().last().is_some_and(|l| l == w);
    index
        .persons_in(since, at)
        .any(|m| m.end <= at && m.end - m.start > w.len() && last(&m.text))
        || unknown_names(body, near, at)
            .iter()
            .any(|&(s, e)| !in_other_mention(index, s, e) && last(&body[s..e]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_not_in_the_dictionaries_are_runs_of_capitalised_words() {
        let body = "On Tuesday, Lena Vartanian of the Harbour Board spoke.";
        let runs: Vec<&str> = unknown_names(body, 0, body.len())
            .into_iter()
            .map(|(s, e)| &body[s..e])
            .collect();
        assert_eq!(runs, ["Lena Vartanian", "Harbour Board"]);
        // Sentence openers, months and a possessive's owner are no names.
        let body = "The Ministry's envoy Anna Berg arrived in March with Lund.";
        let runs: Vec<&str> = unknown_names(body, 0, body.len())
            .into_iter()
            .map(|(s, e)| &body[s..e])
            .collect();
        assert_eq!(runs, ["Anna Berg"]);
    }

    #[test]
    fn objects_of_prepositions_are_governed() {
        let body = "He spoke of journalist Ana Ruiz and the Nevada Sentinel, then Tom Bell left.";
        let at = |s: &str| body.find(s).unwrap_or(0);
        assert!(governed(body, 0, at("Ana Ruiz")));
        assert!(governed(body, 0, at("Nevada")));
        assert!(!governed(body, 0, at("Tom Bell")));
    }
}
