//! Scare quotes: quotation marks around one to three words inside a
//! sentence ('had "unintentionally" shot down', 'called it "null and
//! void"'). The tagger and parser learnt quotation marks from the
//! treebank's quotations, not from these, and misparse the clause around
//! them; the words are parsed without the marks, which are then attached
//! to the word they stand next to as `punct`.

use crate::tokenize::Word;

/// The most words a pair of scare quotes encloses.
const MAX_WORDS: usize = 3;

/// True for the words of `words` that are scare-quote marks.
#[must_use]
pub fn marks(text: &str, words: &[Word]) -> Vec<bool> {
    let mut out = vec![false; words.len()];
    let s = |i: usize| words[i].span.slice(text);
    let mut i = 0;
    while i < words.len() {
        if !matches!(s(i), "\"" | "“") {
            i += 1;
            continue;
        }
        let close = (i + 2..=(i + MAX_WORDS + 1).min(words.len().saturating_sub(1)))
            .find(|&j| matches!(s(j), "\"" | "”"));
        let Some(j) = close else {
            i += 1;
            continue;
        };
        let plain = (i + 1..j).all(|k| s(k).chars().next().is_some_and(char::is_alphanumeric));
        // Scare quotes sit inside a clause: a word goes before them.
        if plain && i > 0 {
            out[i] = true;
            out[j] = true;
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::words;

    fn marked(text: &str) -> Vec<&str> {
        let toks = faultline_text::tokens(text, 0);
        let ws = words(text, &toks);
        let m = marks(text, &ws);
        ws.iter()
            .zip(m)
            .filter(|(_, d)| *d)
            .map(|(w, _)| w.span.slice(text))
            .collect()
    }

    #[test]
    fn quotes_around_a_few_words_inside_a_clause_are_scare_quotes() {
        assert_eq!(
            marked("Lima had \"wrongly\" jailed the crew."),
            ["\"", "\""]
        );
        assert_eq!(
            marked("She called the vote “null and void” on Monday."),
            ["“", "”"]
        );
        // A quotation opening the sentence, or one with punctuation inside,
        // is a quotation.
        assert!(marked("\"No,\" he said.").is_empty());
        assert!(marked("\"Never\" was the answer.").is_empty());
        assert!(marked("He said \"we will not go back to the table\" today.").is_empty());
    }

    #[test]
    fn scare_quotes_hang_on_the_words_they_enclose() {
        let model = crate::embedded().unwrap_or_else(|e| panic!("{e}"));
        for text in [
            "Lima had \"wrongly\" jailed the crew.",
            "The court called the ruling “null and void” on Monday.",
        ] {
            let toks = faultline_text::tokens(text, 0);
            let parsed = model.parse_tokens(text, &toks);
            for (i, w) in parsed.iter().enumerate() {
                let word = w.span.slice(text);
                if matches!(word, "\"" | "“" | "”") {
                    let head = w.head.map(|h| parsed[h as usize].span.slice(text));
                    assert_eq!(w.deprel, "punct", "{text}: {word}");
                    assert!(
                        head.is_some_and(|h| h.chars().all(char::is_alphabetic)),
                        "{text}: {i} {head:?}"
                    );
                }
            }
        }
    }
}
