//! Datelines: the place (and often date and agency) a wire story was
//! filed from, opening its first sentence ("NAIROBI —", "KABUL, Oct. 3 -",
//! "SEOUL, Jan 14 (Yonhap) --", "TAIPEI, Taiwan (AP) —" or "_" in old AP
//! copy, "Prague, 23
//! December 2002 (RFE/RL) -"). The place names
//! no actor of the story.

use crate::token::tokens;

/// Most tokens before the dash of a dateline.
const MAX_TOKENS: usize = 12;

/// Bytes of a sentence's opening that may hold a dateline.
const HEAD_BYTES: usize = 120;

/// Most words of a place before a spaced colon ("Kuala Lumpur : …").
const COLON_WORDS: usize = 4;

/// Bytes of `sentence` taken by a dateline opening it, dash included; 0
/// when it opens with none. A dateline's first word is in capitals (three
/// letters or more, or two before a second word in capitals and a comma:
/// "LA PAZ,"), or capitalised with a date or an agency's parenthesis
/// before the dash ("Prague, 23 December 2002 (RFE/RL) -"); a dash follows
/// within twelve tokens, and every token
/// before the dash is capitalised, a number or punctuation of a place,
/// date or agency (`,` `.` `(` `)` `/`). Some outlets set the place in
/// plain capitalised words before a colon with a space on each side
/// ("Kuala Lumpur : Malaysia has …"), at most four words.
#[must_use]
pub fn dateline_len(sentence: &str) -> usize {
    let colon = colon_dateline_len(sentence);
    if colon > 0 {
        return colon;
    }
    // Most sentences fail on their first word: decide that before tokenising,
    // and tokenise no more than a dateline's length.
    let first_word = sentence
        .split(|c: char| !c.is_ascii_alphabetic() && c != '.')
        .next();
    // A place in capitals ("LIMA —"), or capitalised with a date or an
    // agency before the dash ("Prague, 23 December 2002 (RFE/RL) -").
    let capitals = first_word.is_some_and(|w| {
        w.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
            && (w.len() >= 3 || two_letter_place(sentence, w.len()))
    });
    let capitalised = first_word.is_some_and(|w| {
        w.len() >= 3 && w.starts_with(|c: char| c.is_ascii_uppercase()) && !w.contains('.')
    });
    if !capitals && !capitalised {
        return 0;
    }
    let head = &sentence[..sentence.floor_char_boundary(HEAD_BYTES.min(sentence.len()))];
    let toks = tokens(head, 0);
    let text = |i: usize| {
        toks.get(i)
            .map_or("", |t| &sentence[t.span.start..t.span.end])
    };
    let first = text(0);
    if capitals
        && (first.len() < 3 && !two_letter_place(sentence, first.len())
            || !first
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '.' || c == '/'))
    {
        return 0;
    }
    // In capitalised words the place is one word, then a comma or the
    // agency's parenthesis ("The African Union (AU) - …" is no dateline).
    if !capitals && !matches!(text(1), "," | "(") {
        return 0;
    }
    let mut dated = false;
    for (i, t) in toks.iter().enumerate().take(MAX_TOKENS).skip(1) {
        let w = text(i);
        // Old AP copy sets the dash as an underscore ("LIMA, Peru (AP) _").
        if matches!(w, "—" | "–" | "-" | "--" | "_") {
            // The agency's parenthesis closes right before the dash.
            let agency = text(i - 1) == ")";
            return if capitals || dated || agency {
                t.span.end
            } else {
                0
            };
        }
        dated |= w.starts_with(|c: char| c.is_ascii_digit());
        let fits = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(w, "," | "." | "(" | ")" | "/");
        if !fits {
            return 0;
        }
    }
    0
}

/// Bytes of a place before a spaced colon opening `sentence` ("Wellington
/// : Fiji has …"), colon included, when a capital opens what follows; 0
/// when it opens with none.
fn colon_dateline_len(sentence: &str) -> usize {
    let Some(at) = sentence.find(" : ") else {
        return 0;
    };
    let place = &sentence[..at];
    let words: Vec<&str> = place.split_whitespace().collect();
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    let fits = !words.is_empty()
        && words.len() <= COLON_WORDS
        && words.iter().all(capitalised)
        && place
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && sentence[at + 3..].starts_with(|c: char| c.is_uppercase());
    if fits { at + 2 } else { 0 }
}

/// True when the first word of `sentence`, `len` bytes of capitals, is
/// two letters that a second word in capitals of three or more and a
/// comma follow: a place of two words ("LA PAZ,", "EL PASO,"), not a
/// headline in capitals ("UK EXPELS RUSSIAN DIPLOMATS —").
fn two_letter_place(sentence: &str, len: usize) -> bool {
    len == 2
        && sentence.get(len..).is_some_and(|rest| {
            let rest = rest.strip_prefix(' ').unwrap_or("");
            let next = rest
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            next.len() >= 3
                && next.bytes().all(|b| b.is_ascii_uppercase())
                && rest[next.len()..].starts_with(',')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines_end_at_their_dash() {
        for (s, place) in [
            ("LIMA — Peru recalled its envoy.", "LIMA —"),
            ("KABUL, Oct. 3 - Gunmen attacked a post.", "KABUL, Oct. 3 -"),
            (
                "OSLO, May 9 (Reuters) -- Norway said.",
                "OSLO, May 9 (Reuters) --",
            ),
            (
                "QUITO, Ecuador (AP) — Ecuador's army said.",
                "QUITO, Ecuador (AP) —",
            ),
            (
                "HANOI/MANILA (Reuters) - Vietnam and the Philippines met.",
                "HANOI/MANILA (Reuters) -",
            ),
            // In capitalised words, with a date or an agency.
            (
                "Vienna, 4 March 2003 (RFE/RL) - Austria said.",
                "Vienna, 4 March 2003 (RFE/RL) -",
            ),
            ("Dakar (APS) - Senegal and Mali met.", "Dakar (APS) -"),
            // An underscore for a dash, as old AP copy has it.
            (
                "LIMA, Peru (AP) _ Chile closed its border.",
                "LIMA, Peru (AP) _",
            ),
            ("BONN (AP) _ Germany said.", "BONN (AP) _"),
            // A place of two words, the first of two letters.
            (
                "LA PAZ, Bolivia, Sept. 3 (UPI) -- Bolivia said.",
                "LA PAZ, Bolivia, Sept. 3 (UPI) --",
            ),
            ("EL PASO, Texas — Mexico said.", "EL PASO, Texas —"),
        ] {
            assert_eq!(&s[..dateline_len(s)], place, "{s}");
        }
        // A headline in capitals opening with a two-letter code is none.
        assert_eq!(
            dateline_len("UK EXPELS RUSSIAN DIPLOMATS — Britain said."),
            0
        );
    }

    #[test]
    fn a_place_before_a_spaced_colon_is_a_dateline() {
        for (s, place) in [
            ("Nairobi : Kenya recalled its envoy.", "Nairobi :"),
            (
                "Port Moresby : Papua New Guinea's minister said.",
                "Port Moresby :",
            ),
        ] {
            assert_eq!(&s[..dateline_len(s)], place, "{s}");
        }
        // Not a label in prose, nor a long phrase before a colon.
        for s in [
            "The minister said: talks failed.",
            "Kenya and Somalia in the East African Community : a review.",
            "Note : 3 killed.",
        ] {
            assert_eq!(dateline_len(s), 0, "{s}");
        }
    }

    #[test]
    fn a_sentence_opening_with_capitals_is_no_dateline_without_a_dash() {
        for s in [
            "NATO said on Monday it would send more jets.",
            "UN officials - speaking anonymously - said talks stalled.",
            "ASEAN leaders met in Jakarta - and agreed on a code.",
            // Capitalised words need a date or an agency before the dash.
            "Peru, Chile and Bolivia - all members - voted no.",
            "Kenya - Somalia relations soured.",
            "The African Union (AU) - the continent's main body - condemned the coup.",
            "Kenya (a founding member) said - again - that it would stay.",
            "",
            "—",
        ] {
            assert_eq!(dateline_len(s), 0, "{s}");
        }
    }
}
