//! Word lists kept as data: the one loader for the `lexicon.toml` files of
//! the coder and actor crates. A lexicon file is a TOML table of named
//! lists of words (`hedges = ["could", "may", …]`); a crate deserialises it
//! into its own struct of [`WordList`] fields with [`parse`], and its tests
//! call [`untidy`] so each list stays sorted and free of duplicates.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

/// A lexicon file that could not be read, located by file and line.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    /// The lexicon file (as named by the caller).
    pub file: String,
    /// 1-based line number (1 when unknown).
    pub line: usize,
    /// What is wrong and what to do.
    pub message: String,
}

/// A set of words, looked up by exact (usually lower-case) form: sorted
/// for listing, hashed (a fast non-keyed hash: the words are our own data)
/// for look-ups, which the coder makes for nearly every word it reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordList(Box<[String]>, rustc_hash::FxHashSet<String>);

impl WordList {
    /// A list from words in any order (sorted and de-duplicated here).
    pub fn new<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut v: Vec<String> = words.into_iter().map(Into::into).collect();
        v.sort_unstable();
        v.dedup();
        let set = v.iter().cloned().collect();
        Self(v.into_boxed_slice(), set)
    }

    /// True when `word` is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.1.contains(word)
    }

    /// The words, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the list has no word.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for WordList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::new(Vec::<String>::deserialize(d)?))
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Reads a lexicon file into the caller's struct of word lists; `file`
/// names it in errors.
pub fn parse<T: DeserializeOwned>(text: &str, file: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|e| LexiconError {
        file: file.to_owned(),
        line: e.span().map_or(1, |s| line_of(text, s.start)),
        message: format!("{}; fix the lexicon file", e.message()),
    })
}

/// A lexicon embedded in a crate, parsed on first use into `cell`.
///
/// # Panics
/// When the embedded text does not parse: a build error, caught by the
/// crate's test that calls [`check`] on the same text.
pub fn embedded<T: DeserializeOwned + Send + Sync>(
    cell: &'static OnceLock<T>,
    text: &str,
    file: &str,
) -> &'static T {
    cell.get_or_init(|| parse(text, file).unwrap_or_else(|e| panic!("embedded lexicon: {e}")))
}

/// Everything wrong with a lexicon file for the struct `T`: a parse error,
/// or its untidy lists (see [`untidy`]). Empty when the file is good.
pub fn check<T: DeserializeOwned>(text: &str, file: &str) -> Vec<String> {
    if let Err(e) = parse::<T>(text, file) {
        return vec![e.to_string()];
    }
    untidy(text, file).unwrap_or_else(|e| vec![e.to_string()])
}

/// The problems that keep a lexicon file untidy: a list whose words are not
/// in sorted (byte) order, or that holds a word twice. Empty when tidy.
pub fn untidy(text: &str, file: &str) -> Result<Vec<String>, LexiconError> {
    let lists: BTreeMap<String, Vec<String>> = parse(text, file)?;
    let mut out = Vec::new();
    for (name, words) in &lists {
        for pair in words.windows(2) {
            if pair[0] == pair[1] {
                out.push(format!("{file}: list {name}: {:?} is there twice", pair[0]));
            } else if pair[0] > pair[1] {
                out.push(format!(
                    "{file}: list {name}: {:?} should come before {:?}",
                    pair[1], pair[0]
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Two {
        hedges: WordList,
        future: WordList,
    }

    #[test]
    fn lists_are_looked_up_by_word() {
        let two: Two = parse(
            "hedges = [\"may\", \"could\"]\nfuture = [\"will\"]\n",
            "t.toml",
        )
        .expect("a valid lexicon");
        assert!(two.hedges.contains("could") && two.hedges.contains("may"));
        assert!(!two.hedges.contains("will") && two.future.contains("will"));
        assert_eq!(two.hedges.iter().collect::<Vec<_>>(), ["could", "may"]);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse::<Two>("hedges = [\"may\"]\nfuture = 3\n", "lex.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("lex.toml:2:"), "{e}");
    }

    #[test]
    fn check_reports_parse_errors_and_untidy_lists() {
        assert!(check::<Two>("hedges = [\"may\"]\nfuture = [\"will\"]\n", "t").is_empty());
        let bad = check::<Two>("hedges = [\"may\"]\n", "t");
        assert!(bad.len() == 1 && bad[0].contains("future"), "{bad:?}");
        let untidy = check::<Two>("hedges = [\"may\", \"could\"]\nfuture = []\n", "t");
        assert!(
            untidy.len() == 1 && untidy[0].contains("before"),
            "{untidy:?}"
        );
    }

    #[test]
    fn untidy_lists_are_reported() {
        let p = untidy(
            "a = [\"b\", \"a\"]\nb = [\"x\", \"x\"]\nc = [\"a\", \"b\"]\n",
            "l.toml",
        )
        .expect("a valid lexicon");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].contains("list a") && p[1].contains("twice"), "{p:?}");
    }
}
