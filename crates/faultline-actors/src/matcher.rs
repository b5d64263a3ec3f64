//! Phrase matching: normalisation with an offset map, and one Aho-Corasick
//! automaton over every dictionary phrase.
//!
//! Text and phrases are normalised the same way: lower case, periods removed
//! ("U.S." = "us"), curly apostrophes made straight, dashes and runs of
//! whitespace made one space. Each byte of the normalised text remembers the
//! byte of the original it came from, so a match maps back to an exact span
//! of the original text.
//!
//! Case rules are checked on the original text after matching: an acronym
//! phrase ("US", "UN", up to five letters, no lower case) matches only text
//! without lower-case letters, and a capitalised phrase ("Turkey") only text
//! that starts with a capital; lower-case phrases (role words) match any case.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::error::ActorError;

/// Text in matching form, with a map back to the original.
#[derive(Debug)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// For each byte of `text`, the original byte offset of the char it came from.
    map: Vec<u32>,
}

/// Normalises `s` for matching.
pub fn normalize(s: &str) -> Normalized {
    let mut text = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    let push = |text: &mut String, map: &mut Vec<u32>, c: char, at: usize| {
        let before = text.len();
        text.push(c);
        map.extend(std::iter::repeat_n(at as u32, text.len() - before));
    };
    for (i, c) in s.char_indices() {
        if is_middle_initial(s, i) {
            continue;
        }
        match c {
            '.' => {}
            '\u{2019}' | '\u{2018}' | '`' | '\u{2032}' => push(&mut text, &mut map, '\'', i),
            '\u{2010}' | '\u{2011}' => push(&mut text, &mut map, '-', i),
            c if c.is_whitespace() || matches!(c, '\u{2013}' | '\u{2014}' | '_') => {
                if !text.is_empty() && !text.ends_with(' ') {
                    push(&mut text, &mut map, ' ', i);
                }
            }
            c if c.is_ascii() => push(&mut text, &mut map, c.to_ascii_lowercase(), i),
            c => {
                for lc in c.to_lowercase() {
                    push(&mut text, &mut map, lc, i);
                }
            }
        }
    }
    if text.ends_with(' ') {
        text.pop();
        map.pop();
    }
    Normalized { text, map }
}

/// True when the byte at `at` is a middle initial between capitalised
/// words: one capital letter standing alone, its period optional ("Alberto
/// K. Fujimori", "GEORGE_W_BUSH"). Dropped in text and phrases alike, a
/// name matches with or without it.
fn is_middle_initial(s: &str, at: usize) -> bool {
    let b = s.as_bytes();
    let gap = |c: u8| c == b' ' || c == b'_';
    if !b[at].is_ascii_uppercase() || at < 2 || !gap(b[at - 1]) {
        return false;
    }
    // The word before starts with a capital and has two letters or more.
    let before = &s[..at - 1];
    let word = before.rsplit([' ', '_']).next().unwrap_or("");
    // No punctuation ends it: "Japan, S. Korea and China" lists a country.
    let capitalised_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && w.chars().all(char::is_alphabetic)
    };
    // The initial ends at its period or at the gap after it; then a
    // capitalised word (another initial counts: "George H. W. Bush").
    let mut k = at + 1;
    if b.get(k) == Some(&b'.') {
        k += 1;
    }
    if !b.get(k).copied().is_some_and(gap) {
        return false;
    }
    let after = s[k + 1..].split([' ', '_']).next().unwrap_or("");
    let next_is_initial = after.len() <= 2 && after.starts_with(|c: char| c.is_ascii_uppercase());
    (capitalised_word(word) || is_initial_word(word))
        && (capitalised_word(after) || next_is_initial)
}

/// True for a lone capital, with or without its period ("H.", "W").
fn is_initial_word(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    w.len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase())
}

impl Normalized {
    /// Maps a normalised range back to a byte range of `orig`.
    ///
    /// The end covers the whole last char; a trailing period is included
    /// when the matched text already holds a period ("U.S.").
    pub fn original_span(&self, orig: &str, start: usize, end: usize) -> (usize, usize) {
        let o_start = self.map[start] as usize;
        let last = self.map[end - 1] as usize;
        let mut o_end = last + orig[last..].chars().next().map_or(0, char::len_utf8);
        if orig[o_start..o_end].contains('.') && orig[o_end..].starts_with('.') {
            o_end += 1;
        }
        (o_start, o_end)
    }
}

/// How a phrase's case must show in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Any case (role words such as "minister").
    Any,
    /// The first letter must be a capital ("Turkey", "Chad").
    Capitalised,
    /// No lower-case letters at all (acronyms such as "US", "UN").
    Upper,
}

impl CaseRule {
    /// The rule implied by how a phrase is written in a dictionary.
    pub fn of(phrase: &str) -> Self {
        let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.is_empty() {
            return Self::Any;
        }
        if letters.iter().all(|c| !c.is_lowercase())
            && letters.iter().any(|c| c.is_uppercase())
            && letters.len() <= 5
        {
            return Self::Upper;
        }
        if letters[0].is_uppercase() {
            return Self::Capitalised;
        }
        Self::Any
    }

    /// True when the original `text` of a match obeys the rule.
    pub fn accepts(self, text: &str) -> bool {
        match self {
            Self::Any => true,
            Self::Capitalised => text
                .chars()
                .find(|c| c.is_alphabetic())
                .is_none_or(|c| !c.is_lowercase()),
            Self::Upper => !text.chars().any(char::is_lowercase),
        }
    }
}

/// One match of a pattern in a text, with its original span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Pattern index (as given to [`PhraseSet::build`]).
    pub pattern: usize,
    /// Original byte range.
    pub start: usize,
    /// Original byte range end.
    pub end: usize,
}

/// A compiled set of normalised phrases.
pub struct PhraseSet {
    automaton: AhoCorasick,
    /// Normalised pattern strings, by pattern index.
    patterns: Vec<String>,
}

impl std::fmt::Debug for PhraseSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhraseSet")
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

fn word_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn word_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

impl PhraseSet {
    /// Compiles normalised patterns (each must be non-empty).
    pub fn build(patterns: Vec<String>) -> Result<Self, ActorError> {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| ActorError::Build(e.to_string()))?;
        Ok(Self {
            automaton,
            patterns,
        })
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Every match on word boundaries, possibly overlapping, in original offsets.
    ///
    /// `accept` decides from the pattern index and the original byte range
    /// whether a match counts (case rules, name boundaries).
    pub fn find_all(
        &self,
        orig: &str,
        norm: &Normalized,
        mut accept: impl FnMut(usize, usize, usize) -> bool,
    ) -> Vec<Hit> {
        let text = norm.text.as_str();
        let mut hits = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            if word_before(text, s) && word_after(text, s) {
                continue;
            }
            if word_after(text, e) && word_before(text, e) {
                continue;
            }
            let (start, end) = norm.original_span(orig, s, e);
            let pattern = m.pattern().as_usize();
            if accept(pattern, start, end) {
                hits.push(Hit {
                    pattern,
                    start,
                    end,
                });
            }
        }
        hits
    }
}

/// Keeps the leftmost-longest non-overlapping hits.
pub fn leftmost_longest(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if out.last().is_none_or(|l| h.start >= l.end) {
            out.push(h);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_maps_back() {
        let s = "The U.S. and Japan’s  Defense—Minister";
        let n = normalize(s);
        assert_eq!(n.text, "the us and japan's defense minister");
        let at = n.text.find("us").unwrap();
        assert_eq!(n.original_span(s, at, at + 2), (4, 8));
        assert_eq!(&s[4..8], "U.S.");
        let at = n.text.find("japan's").unwrap();
        let (a, b) = n.original_span(s, at, at + "japan's".len());
        assert_eq!(&s[a..b], "Japan’s");
    }

    #[test]
    fn middle_initials_are_dropped() {
        for (s, want) in [
            ("Alberto K. Fujimori said", "alberto fujimori said"),
            ("George H. W. Bush", "george bush"),
            ("GEORGE_W_BUSH", "george bush"),
            ("the U.S. and Britain", "the us and britain"),
            ("Plan B is", "plan b is"),
            ("A Chinese envoy", "a chinese envoy"),
            ("Japan, S. Korea and China", "japan, s korea and china"),
            ("Trump, N. Korea leader Kim", "trump, n korea leader kim"),
        ] {
            assert_eq!(normalize(s).text, want, "{s}");
        }
        let s = "Jamil K. Mahuad";
        let n = normalize(s);
        let (a, b) = n.original_span(s, 0, n.text.len());
        assert_eq!(&s[a..b], s);
    }

    #[test]
    fn case_rules() {
        assert_eq!(CaseRule::of("US"), CaseRule::Upper);
        assert_eq!(CaseRule::of("U.S."), CaseRule::Upper);
        assert_eq!(CaseRule::of("Turkey"), CaseRule::Capitalised);
        assert_eq!(CaseRule::of("minister"), CaseRule::Any);
        assert!(!CaseRule::Upper.accepts("us"));
        assert!(CaseRule::Upper.accepts("U.S."));
        assert!(!CaseRule::Capitalised.accepts("turkey"));
        assert!(CaseRule::Capitalised.accepts("TURKEY"));
    }

    #[test]
    fn matches_on_word_boundaries_only() {
        let set =
            PhraseSet::build(vec!["us".into(), "korea".into(), "south korea".into()]).unwrap();
        let s = "South Korea and the “US”; a Korean bus.";
        let n = normalize(s);
        let hits = leftmost_longest(set.find_all(s, &n, |_, _, _| true));
        let texts: Vec<&str> = hits.iter().map(|h| &s[h.start..h.end]).collect();
        assert_eq!(texts, ["South Korea", "US"]);
        assert!(
            set.find_all("Koreas", &normalize("Koreas"), |_, _, _| true)
                .is_empty()
        );
    }

    #[test]
    fn non_ascii_text_maps_back() {
        let s = "İstanbul and Ankara";
        let n = normalize(s);
        let set = PhraseSet::build(vec!["ankara".into()]).unwrap();
        let hits = set.find_all(s, &n, |_, _, _| true);
        assert_eq!(&s[hits[0].start..hits[0].end], "Ankara");
    }
}
