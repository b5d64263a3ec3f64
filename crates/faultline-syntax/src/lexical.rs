//! Word-level atoms shared by the tagger and the parser: the normalised
//! form, its shape, prefixes and suffixes, each hashed once per token.

use crate::hash::{mix, str_hash};

/// The hashed properties of one token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Atoms {
    /// The lower-cased, normalised form.
    pub word: u64,
    /// The shape ("Xxxx", "dd", "X.X.").
    pub shape: u64,
    /// Prefixes of 1 and 3 characters.
    pub prefix: [u64; 2],
    /// Suffixes of 1 to 4 characters.
    pub suffix: [u64; 4],
    /// Cheap flags: capitalised, all caps, has digit, has hyphen.
    pub flags: u64,
    /// Inflectional ending class: 1 "-ed"/"-en", 2 "-ing", 3 "-s", 0 other.
    pub ending: u8,
}

fn ending(norm: &str) -> u8 {
    if norm.len() < 3 {
        0
    } else if norm.ends_with("ed") || norm.ends_with("en") {
        1
    } else if norm.ends_with("ing") {
        2
    } else if norm.ends_with('s') && !norm.ends_with("ss") {
        3
    } else {
        0
    }
}

/// Normalises a form for lookup: curly quotes to straight ones, lower case.
#[must_use]
pub fn normalise(form: &str) -> String {
    let mut s = String::with_capacity(form.len());
    for c in form.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '`' | '\u{b4}' => s.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => s.push('"'),
            '\u{2013}' | '\u{2014}' => s.push_str("--"),
            c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

/// A word's shape: letters as `X`/`x`, digits as `d`, runs longer than
/// two collapsed ("McCain" → "XxXxx", "2019" → "dd", "U.S." → "X.X.").
#[must_use]
pub fn shape(form: &str) -> String {
    let mut out = String::new();
    shape_chars(form, |c| out.push(c));
    out
}

/// Feeds the characters of [`shape`] to `emit` without building a string.
fn shape_chars(form: &str, mut emit: impl FnMut(char)) {
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars().take(24) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = k;
        emit(k);
    }
}

/// The hash of [`shape`], computed without allocating; equal to
/// `str_hash(&shape(form))`.
fn shape_hash(form: &str) -> u64 {
    let mut h = crate::hash::Fnv::new();
    shape_chars(form, |c| {
        let mut buf = [0u8; 4];
        h.write(c.encode_utf8(&mut buf).as_bytes());
    });
    h.finish()
}

fn char_prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

fn char_suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    s.char_indices().nth(count - n).map_or(s, |(i, _)| &s[i..])
}

impl Atoms {
    /// The atoms of one form.
    #[must_use]
    pub fn of(form: &str) -> Self {
        let norm = normalise(form);
        let affix = |kind: u64, part: &str| mix(kind, str_hash(part));
        let first = form.chars().next().unwrap_or(' ');
        let flags = u64::from(first.is_uppercase())
            | u64::from(
                form.chars().all(|c| !c.is_lowercase()) && form.chars().any(char::is_alphabetic),
            ) << 1
            | u64::from(form.chars().any(|c| c.is_ascii_digit())) << 2
            | u64::from(form.contains('-')) << 3
            | u64::from(form.contains('.')) << 4;
        Self {
            word: str_hash(&norm),
            shape: shape_hash(form),
            prefix: [
                affix(11, char_prefix(&norm, 1)),
                affix(13, char_prefix(&norm, 3)),
            ],
            suffix: [
                affix(21, char_suffix(&norm, 1)),
                affix(22, char_suffix(&norm, 2)),
                affix(23, char_suffix(&norm, 3)),
                affix(24, char_suffix(&norm, 4)),
            ],
            flags,
            ending: ending(&norm),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_hash_matches_the_string() {
        for w in ["McCain", "2019", "U.S.", "élan", ""] {
            assert_eq!(shape_hash(w), str_hash(&shape(w)));
        }
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("McCain"), "XxXxx");
        assert_eq!(shape("2019"), "dd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("al-Assad"), "xx-Xxx");
    }

    #[test]
    fn normalising_folds_quotes_and_case() {
        assert_eq!(normalise("Korea\u{2019}s"), "korea's");
        assert_eq!(normalise("\u{201c}"), "\"");
        assert_eq!(normalise("ÉLYSÉE"), "élysée");
        assert_eq!(Atoms::of("Ship").word, Atoms::of("ship").word);
        assert_ne!(Atoms::of("Ship").flags, Atoms::of("ship").flags);
    }

    #[test]
    fn affixes_respect_characters() {
        assert_eq!(char_suffix("café", 2), "fé");
        assert_eq!(char_prefix("éa", 1), "é");
        assert_eq!(char_suffix("a", 4), "a");
    }
}
