//! Property tests: no panics and all span invariants on arbitrary strings
//! and on generated news-like text.

mod common;

use proptest::prelude::*;

/// Fragments that exercise the segmenter's decisions.
const PIECES: &[&str] = &[
    "Mr.",
    "Gen.",
    "U.S.",
    "U.N.",
    "D.C.",
    "Inc.",
    "Jan.",
    "Sept.",
    "No.",
    "e.g.",
    "a.m.",
    "p.m.",
    "F.",
    "3.5",
    "$1.2",
    "billion",
    "percent",
    "said",
    "The",
    "the",
    "Korea's",
    "Koreas'",
    "'90s",
    "don't",
    "officials",
    "Seoul",
    "Pyongyang",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "'",
    ".",
    "?",
    "!",
    ",",
    "...",
    "\u{2026}",
    "(",
    ")",
    "\n",
    "\n\n",
    "1.",
    "www.example.com",
    "desk@example.org",
    "서울",
    "会谈。",
    "\u{a0}",
    "-",
    "\u{2014}",
    "10:30",
    "1,200",
    "she",
    "asked",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec((0..PIECES.len(), prop::bool::ANY), 0..80).prop_map(|v| {
        let mut s = String::new();
        for (i, space) in v {
            s.push_str(PIECES[i]);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        common::check_all(&s);
    }

    #[test]
    fn a_dateline_is_a_prefix_ending_in_a_dash(s in "[A-Z]{0,6}[ ,.()/A-Za-z0-9\u{2014}-]{0,60}[\u{2014} a-z]{0,20}") {
        let n = faultline_text::dateline_len(&s);
        prop_assert!(s.is_char_boundary(n));
        let cut = &s[..n];
        prop_assert!(n == 0 || cut.ends_with('-') || cut.ends_with('\u{2014}'), "{cut:?}");
    }

    #[test]
    fn quote_and_space_heavy(s in "[ a-zA-Z.?!\"'\u{201c}\u{201d}\u{2018}\u{2019}\n]{0,200}") {
        common::check_all(&s);
    }

    #[test]
    fn news_like_strings(s in news_like()) {
        let layer = common::check_all(&s);
        // Segmentation is local to paragraphs: segmenting a paragraph alone
        // gives the same sentences (shifted).
        for (pi, p) in layer.paragraphs.iter().enumerate() {
            let alone = faultline_text::sentences(p.slice(&s));
            let here: Vec<_> = layer.sentences.iter().filter(|x| x.paragraph == pi).collect();
            prop_assert_eq!(alone.len(), here.len());
            for (a, b) in alone.iter().zip(here) {
                prop_assert_eq!(a.span.start + p.start, b.span.start);
                prop_assert_eq!(a.span.end + p.start, b.span.end);
            }
        }
    }
}

#[test]
fn pathological_inputs() {
    let cases = [
        String::new(),
        " ".repeat(10_000),
        "word ".repeat(10_000) + ".",
        "Mr. ".repeat(5_000),
        "U.S. ".repeat(5_000),
        ".".repeat(20_000),
        "\"".repeat(10_001),
        "'".repeat(10_001),
        "\u{201c}".repeat(5_000),
        "1.2 3.4 5.6 7.8\n".repeat(2_000),
        "ALL CAPS HEADLINE. MR. KIM SAID NO. ".repeat(500),
        "북한은 미사일을 발사했다. 합참은 밝혔다. ".repeat(500),
        "a".repeat(100_000),
        "\n\n".repeat(5_000),
        "\"A.\n\n".repeat(2_000),
        " ".repeat(100_000) + &"1. x 22. y Mr. ".repeat(5_000),
        "\"Why?\" ".repeat(5_000),
        "a@".repeat(5_000) + &"b".repeat(50_000),
    ];
    for c in &cases {
        let layer = common::check_all(c);
        // Nothing to assert beyond invariants for the empty/blank ones; the
        // rest must produce at least one sentence.
        if !c.trim().is_empty() {
            assert!(!layer.sentences.is_empty());
        }
    }
}
