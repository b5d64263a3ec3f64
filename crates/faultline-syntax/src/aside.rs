//! Parenthetical asides: a parenthesis of three words or more (marks
//! count: "(AFP, Reuters)" is one) inside a sentence ("Sudan and Chad (which both border Libya) agreed …", "the
//! ministry (in a statement issued late on Friday) said …"). The parser
//! learnt few of them and lets their words take the clause's roles; the
//! aside is parsed on its own and grafted onto the word before it, so the
//! sentence around it parses as if it were not there. Short glosses
//! ("(AFP)", "(19/06)", "(UN)") stay in the sentence's parse.

use crate::tokenize::Word;

/// The fewest words an aside holds between its marks (punctuation counts).
const MIN_WORDS: usize = 3;

/// The asides of `words`: `(open, close)` indices of their "(" and ")",
/// with a word before the "(" and no parenthesis nested inside.
#[must_use]
pub fn spans(text: &str, words: &[Word]) -> Vec<(usize, usize)> {
    let s = |i: usize| words[i].span.slice(text);
    let mut out = Vec::new();
    let mut i = 1;
    while i < words.len() {
        if s(i) != "(" {
            i += 1;
            continue;
        }
        let close = (i + 1..words.len()).find(|&j| matches!(s(j), "(" | ")"));
        match close {
            Some(j) if s(j) == ")" && j - i > MIN_WORDS => {
                out.push((i, j));
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::words;

    fn asides(text: &str) -> Vec<String> {
        let toks = faultline_text::tokens(text, 0);
        let ws = words(text, &toks);
        spans(text, &ws)
            .into_iter()
            .map(|(a, b)| text[ws[a].span.start..ws[b].span.end].to_owned())
            .collect()
    }

    #[test]
    fn parentheses_of_three_words_or_more_inside_a_sentence_are_asides() {
        assert_eq!(
            asides("Chad and Niger (which both border Libya) signed a pact."),
            ["(which both border Libya)"]
        );
        assert_eq!(
            asides("Ghana (a close ally) and Togo (its neighbour to the east) met."),
            ["(a close ally)", "(its neighbour to the east)"]
        );
    }

    #[test]
    fn short_glosses_and_openings_are_no_asides() {
        assert!(asides("Peru (AFP) said on Sunday (19/06) it would act.").is_empty());
        assert!(asides("(Reuters has not verified the claim) Chile said.").is_empty());
        assert!(asides("Peru (and (maybe) Chile) agreed.").is_empty());
    }
}
