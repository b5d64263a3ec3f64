//! Sentence segmentation for news English: a single forward byte scan per
//! paragraph that stops only at candidate terminators and decides each one
//! from a bounded look-behind (the word before the period) and a bounded
//! look-ahead (the next word). See the crate docs for the full rule set.

use serde::{Deserialize, Serialize};

use crate::abbrev::{self, AbbrevKind, MAX_ABBREV_LEN};
use crate::chars::{
    char_at, is_break_space, is_cjk_terminator, is_closer, is_opener, is_terminator,
};
use crate::paragraph::paragraphs;
use crate::span::{Span, trim_range};

/// One sentence: a trimmed byte span into the body and the index of the
/// paragraph (into [`paragraphs`]) that contains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte span of the sentence text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of the containing paragraph.
    pub paragraph: usize,
}

/// Splits `body` into sentences. Sentences never cross a paragraph boundary,
/// are in text order, never overlap, and together cover every non-whitespace
/// byte of every paragraph.
#[must_use]
pub fn sentences(body: &str) -> Vec<Sentence> {
    sentences_in(body, &paragraphs(body))
}

/// Sentence segmentation over already computed paragraph spans.
pub(crate) fn sentences_in(body: &str, paras: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(body.len() / 96 + 1);
    for (pi, p) in paras.iter().enumerate() {
        segment_paragraph(body, *p, pi, &mut out);
    }
    out
}

/// A line shorter than this, without terminal punctuation, followed by a
/// line break, is taken as a list item / heading / dateline line and ends a
/// sentence; longer ones are taken as hard-wrapped prose.
const WRAPPED_LINE_MIN: usize = 50;

fn segment_paragraph(body: &str, p: Span, pi: usize, out: &mut Vec<Sentence>) {
    let bytes = body.as_bytes();
    let mut region_start = p.start;
    let mut line_start = p.start;
    for off in memchr::memchr_iter(b'\n', &bytes[p.start..p.end]) {
        let nl = p.start + off;
        if line_break_splits(body, line_start, nl, p.end) {
            segment_region(body, region_start, nl, pi, out);
            region_start = nl + 1;
        }
        line_start = nl + 1;
    }
    segment_region(body, region_start, p.end, pi, out);
}

/// Policy for a single line break inside a paragraph: it ends the sentence
/// unless the next line starts with a lowercase letter, or the line before
/// it is long and ends mid-clause (a letter, digit, comma, semicolon or
/// hyphen) — i.e. it looks like hard-wrapped prose.
fn line_break_splits(body: &str, line_start: usize, nl: usize, end: usize) -> bool {
    let bytes = body.as_bytes();
    let mut k = nl + 1;
    while k < end && matches!(bytes[k], b' ' | b'\t' | b'\r') {
        k += 1;
    }
    if let Some(c) = char_at(body, k)
        && c.is_lowercase()
    {
        return false;
    }
    let line = trim_range(body, line_start, nl);
    if line.len() >= WRAPPED_LINE_MIN
        && let Some(last) = line.slice(body).chars().next_back()
        && (last.is_alphanumeric() || matches!(last, ',' | ';' | '-'))
    {
        return false;
    }
    true
}

/// Bytes that may start a terminator: ASCII `.?!` and the UTF-8 lead bytes
/// of `…` (E2), `。` (E3) and the full-width `！？．` (EF).
const fn candidate_table() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
}
static CANDIDATE: [bool; 256] = candidate_table();

#[inline]
fn next_candidate(bytes: &[u8], from: usize, end: usize, ascii: bool) -> Option<usize> {
    if from >= end {
        return None;
    }
    if ascii {
        memchr::memchr3(b'.', b'?', b'!', &bytes[from..end]).map(|o| from + o)
    } else {
        bytes[from..end]
            .iter()
            .position(|&b| CANDIDATE[b as usize])
            .map(|o| from + o)
    }
}

fn push_sentence(body: &str, start: usize, end: usize, pi: usize, out: &mut Vec<Sentence>) {
    let span = trim_range(body, start, end);
    if !span.is_empty() {
        out.push(Sentence {
            span,
            paragraph: pi,
        });
    }
}

/// Segments `body[start..end]`, a run of text with no hard break inside.
fn segment_region(body: &str, start: usize, end: usize, pi: usize, out: &mut Vec<Sentence>) {
    let bytes = body.as_bytes();
    let ascii = bytes[start..end].is_ascii();
    let mut cur = start;
    // First non-space byte of the current sentence, computed once per
    // sentence so that no decision rescans leading whitespace.
    let mut cur_first = skip_spaces(body, start, end);
    let mut i = start;
    while let Some(pos) = next_candidate(bytes, i, end, ascii) {
        i = pos;
        let Some(c) = char_at(body, i) else {
            i += 1;
            continue;
        };
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let run = scan_terminator_run(body, i, end);
        if run.after >= end {
            break;
        }
        if should_split(body, start, cur_first, end, i, &run) {
            push_sentence(body, cur, run.after, pi, out);
            cur = run.after;
            cur_first = skip_spaces(body, cur, end);
        }
        i = run.after;
    }
    push_sentence(body, cur, end, pi, out);
}

/// A run of terminators and closing marks, e.g. `?"` or `...)` or `.”`.
struct TermRun {
    /// Byte just past the run.
    after: usize,
    /// Contains `?` or `!` (or their full-width forms).
    strong: bool,
    /// Two or more periods or a `…`.
    ellipsis: bool,
    /// Contains a CJK terminator, which needs no following space.
    cjk: bool,
    /// A closing quotation mark follows the terminator.
    closing_quote: bool,
}

fn scan_terminator_run(body: &str, i: usize, end: usize) -> TermRun {
    let mut run = TermRun {
        after: i,
        strong: false,
        ellipsis: false,
        cjk: false,
        closing_quote: false,
    };
    let mut dots = 0usize;
    let mut j = i;
    while j < end {
        let Some(ch) = char_at(body, j) else { break };
        if is_terminator(ch) {
            match ch {
                '?' | '!' | '\u{ff01}' | '\u{ff1f}' => run.strong = true,
                '.' => dots += 1,
                '\u{2026}' => run.ellipsis = true,
                _ => {}
            }
            if is_cjk_terminator(ch) {
                run.cjk = true;
            }
        } else if is_closer(ch) {
            if !matches!(ch, ')' | ']' | '}') {
                run.closing_quote = true;
            }
        } else {
            break;
        }
        j += ch.len_utf8();
    }
    run.ellipsis |= dots >= 2;
    run.after = j;
    run
}

/// Case class of the first letter of the next sentence candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Lower,
    Upper,
    Digit,
    /// Caseless letters (CJK, Hangul, Arabic...), symbols, dashes.
    Other,
}

fn classify(c: Option<char>) -> Next {
    match c {
        Some(c) if c.is_ascii_lowercase() => Next::Lower,
        Some(c) if c.is_ascii_uppercase() => Next::Upper,
        Some(c) if c.is_ascii_digit() => Next::Digit,
        Some(c) if c.is_ascii() => Next::Other,
        Some(c) if c.is_lowercase() => Next::Lower,
        Some(c) if c.is_uppercase() => Next::Upper,
        Some(c) if c.is_numeric() => Next::Digit,
        _ => Next::Other,
    }
}

/// A short ASCII word read for table look-ups, lowercased.
struct Word {
    buf: [u8; 12],
    len: usize,
    /// Every letter was uppercase.
    all_caps: bool,
    /// The word is immediately followed by a period.
    dot_after: bool,
}

impl Word {
    fn lower(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Reads the ASCII word at `w` (letters only). Words longer than the buffer,
/// or not ASCII, come back empty so they match no table.
fn read_word(bytes: &[u8], w: usize, end: usize) -> Word {
    let mut word = Word {
        buf: [0; 12],
        len: 0,
        all_caps: true,
        dot_after: false,
    };
    let mut k = w;
    while k < end && bytes[k].is_ascii_alphabetic() {
        if word.len == word.buf.len() {
            word.len = 0;
            return word;
        }
        word.all_caps &= bytes[k].is_ascii_uppercase();
        word.buf[word.len] = bytes[k].to_ascii_lowercase();
        word.len += 1;
        k += 1;
    }
    if k < end && !bytes[k].is_ascii() {
        word.len = 0;
    }
    word.dot_after = k < end && bytes[k] == b'.';
    word
}

fn skip_spaces(body: &str, mut k: usize, end: usize) -> usize {
    while k < end {
        match char_at(body, k) {
            Some(c) if is_break_space(c) => k += c.len_utf8(),
            _ => break,
        }
    }
    k
}

/// The decision for one terminator run at `i` (run ends at `run.after`).
fn should_split(
    body: &str,
    region_start: usize,
    cur_first: usize,
    end: usize,
    i: usize,
    run: &TermRun,
) -> bool {
    if run.cjk {
        return true;
    }
    // A sentence break needs whitespace: "3.5", "U.S", "example.com" never split.
    match char_at(body, run.after) {
        Some(c) if is_break_space(c) => {}
        _ => return false,
    }
    let k = skip_spaces(body, run.after, end);
    if k >= end {
        return false;
    }
    let Some(first) = char_at(body, k) else {
        return false;
    };
    // Continuation punctuation: ". . .", "U.S. ,", "etc. )".
    if matches!(first, ',' | ';' | ':' | ')' | ']' | '}' | '%') || is_terminator(first) {
        return false;
    }
    // Skip opening quotes and brackets to reach the first letter.
    let mut w = k;
    let mut opened = false;
    for _ in 0..4 {
        match char_at(body, w) {
            Some(c) if is_opener(c) => {
                opened = true;
                w += c.len_utf8();
            }
            _ => break,
        }
    }
    let next = classify(char_at(body, w));
    if next == Next::Lower {
        return false;
    }
    let bytes = body.as_bytes();
    if run.strong {
        // `"Will they come?" Kim asked.` stays one sentence.
        return !(run.closing_quote && next == Next::Upper && speech_follows(bytes, w, end));
    }
    if run.ellipsis {
        return next != Next::Digit;
    }
    period_rule(body, region_start, cur_first, end, i, w, next, opened)
}

/// After `?"` / `!"`: are the next one to three capitalised words followed by
/// a verb of speech ("Kim asked", "Mr. Kim said")?
fn speech_follows(bytes: &[u8], mut w: usize, end: usize) -> bool {
    let limit = end.min(w + 64);
    for _ in 0..4 {
        let word = read_word(bytes, w, limit);
        if word.len == 0 {
            return false;
        }
        if abbrev::is_speech_verb(word.lower()) {
            return true;
        }
        if !bytes[w].is_ascii_uppercase() {
            return false;
        }
        w += word.len;
        if word.dot_after {
            w += 1;
        }
        if w >= limit || bytes[w] != b' ' {
            return false;
        }
        w += 1;
    }
    false
}

/// Decides a single period followed by whitespace and a non-lowercase word.
#[allow(clippy::too_many_arguments)]
fn period_rule(
    body: &str,
    region_start: usize,
    cur_first: usize,
    end: usize,
    i: usize,
    w: usize,
    next: Next,
    opened: bool,
) -> bool {
    let bytes = body.as_bytes();
    // The word before the period: back to ASCII whitespace, at most 40 bytes.
    let lo = i.saturating_sub(40).max(region_start);
    let mut ws = i;
    while ws > lo && !bytes[ws - 1].is_ascii_whitespace() {
        ws -= 1;
    }
    if ws == lo && lo > region_start && !bytes[lo - 1].is_ascii_whitespace() {
        return true; // a 40-byte "word" is no abbreviation
    }
    // `ws` follows ASCII whitespace or is the region start: a char boundary.
    let mut ws_open = ws;
    for _ in 0..4 {
        match char_at(body, ws_open) {
            Some(c) if ws_open < i && is_opener(c) => ws_open += c.len_utf8(),
            _ => break,
        }
    }
    let word = &bytes[ws_open..i];
    if word.is_empty() {
        return true;
    }
    // Numbered list item at the start of a sentence: "1. The first ...".
    if word.len() <= 3 && word.iter().all(u8::is_ascii_digit) && cur_first == ws_open {
        return false;
    }
    let next_word = read_word(bytes, w, end);
    // Initials: "John F. Kennedy", "G. W. Bush". ("I." is the pronoun.)
    if word.len() == 1 && word[0].is_ascii_uppercase() && word[0] != b'I' {
        return next_word.len > 1 && abbrev::is_sentence_starter(next_word.lower());
    }
    let mut lower = [0u8; MAX_ABBREV_LEN];
    if word.len() <= MAX_ABBREV_LEN && word.is_ascii() {
        for (d, s) in lower.iter_mut().zip(word) {
            *d = s.to_ascii_lowercase();
        }
        if let Some(kind) = abbrev::lookup(&lower[..word.len()]) {
            let capitalised = word[0].is_ascii_uppercase();
            return match kind {
                AbbrevKind::Title if capitalised => false,
                AbbrevKind::Latin => false,
                AbbrevKind::BeforeNumber if next == Next::Digit => false,
                AbbrevKind::Month => {
                    next != Next::Digit && abbrev::is_sentence_starter(next_word.lower())
                }
                AbbrevKind::Ending => ending_rule(next, &next_word, opened),
                _ => true,
            };
        }
    }
    if is_dotted_acronym(word) {
        // "U.S.", "D.C.", "U.N.": split only before a common sentence opener,
        // a new quotation, or caseless script.
        return match next {
            Next::Digit => false,
            Next::Other => true,
            _ => opened || abbrev::is_sentence_starter(next_word.lower()),
        };
    }
    true
}

/// Split rule after "Inc.", "Jr.", "a.m.", "Calif." and the like.
fn ending_rule(next: Next, next_word: &Word, opened: bool) -> bool {
    match next {
        Next::Digit => false,
        Next::Other => true,
        _ if opened => true,
        _ => {
            let lw = next_word.lower();
            if lw.is_empty() {
                return true;
            }
            let timezone = next_word.all_caps && lw.len() <= 4 && !abbrev::is_sentence_starter(lw);
            let abbreviation = next_word.dot_after && abbrev::lookup(lw).is_some();
            !(abbrev::is_glue_word(lw) || timezone || abbreviation)
        }
    }
}

/// "U.S", "D.C", "Ph.D", "e.g": one- or two-letter ASCII segments joined by
/// periods (the final period is not part of `word`).
fn is_dotted_acronym(word: &[u8]) -> bool {
    let mut segments = 0;
    for seg in word.split(|&b| b == b'.') {
        if seg.is_empty() || seg.len() > 2 || !seg.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        segments += 1;
    }
    segments >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(body: &str) -> Vec<&str> {
        let out = sentences(body);
        check_invariants(body, &out);
        out.iter().map(|s| s.span.slice(body)).collect()
    }

    pub(crate) fn check_invariants(body: &str, out: &[Sentence]) {
        let paras = paragraphs(body);
        let mut prev_end = 0;
        for s in out {
            assert!(body.is_char_boundary(s.span.start));
            assert!(body.is_char_boundary(s.span.end));
            assert!(!s.span.is_empty());
            assert!(s.span.start >= prev_end, "overlap/order");
            prev_end = s.span.end;
            let t = s.span.slice(body);
            assert_eq!(t, t.trim());
            assert!(paras[s.paragraph].contains(s.span));
        }
    }

    #[test]
    fn brief_example_two_sentences() {
        assert_eq!(
            sents("Mr. Kim met Gen. Brooks in Washington, D.C. on Jan. 5. They talked."),
            [
                "Mr. Kim met Gen. Brooks in Washington, D.C. on Jan. 5.",
                "They talked."
            ]
        );
    }

    #[test]
    fn titles_never_split() {
        for t in [
            "Lt. Col. Ahn",
            "Dr. Lee",
            "Mrs. Park",
            "Ms. Choi",
            "Prof. Yoon",
            "Sen. Markey",
            "Rep. Kim",
            "Gov. Hochul",
            "St. Petersburg",
            "Gen. Brooks",
            "Mr. Moon",
        ] {
            let body = format!("Officials said {t} arrived. Talks began.");
            assert_eq!(sents(&body).len(), 2, "{body}");
        }
    }

    #[test]
    fn months_and_numbers() {
        assert_eq!(
            sents("It began on Oct. 3 and ended Sept. 9. Then calm.").len(),
            2
        );
        assert_eq!(sents("He filed on Jan. 12, 2019. It was denied.").len(), 2);
        assert_eq!(
            sents("Resolution No. 2231 was adopted. It passed.").len(),
            2
        );
        assert_eq!(sents("He said no. Then he left.").len(), 2);
    }

    #[test]
    fn abbreviation_at_sentence_end() {
        assert_eq!(
            sents("The envoy moved to the U.S. The talks resumed."),
            ["The envoy moved to the U.S.", "The talks resumed."]
        );
        assert_eq!(
            sents("He works for Acme Inc. The firm denied it."),
            ["He works for Acme Inc.", "The firm denied it."]
        );
        assert_eq!(sents("It ended at 9 p.m. Officials left.").len(), 2);
        assert_eq!(sents("He lives in Washington, D.C. He commutes.").len(), 2);
    }

    #[test]
    fn abbreviation_inside_sentence() {
        assert_eq!(sents("The U.S. President spoke. He left.").len(), 2);
        assert_eq!(sents("The U.N. Security Council met. It voted.").len(), 2);
        assert_eq!(
            sents("The U.K. Foreign Office and U.N. officials met.").len(),
            1
        );
        assert_eq!(
            sents("The vote is set for 10 a.m. Tuesday in Seoul.").len(),
            1
        );
        assert_eq!(
            sents("They met at 3 p.m. on Monday. Nothing changed.").len(),
            2
        );
        assert_eq!(
            sents("Samsung Electronics Co. Ltd. said it would invest.").len(),
            1
        );
        assert_eq!(sents("It is the U.S. vs. China contest.").len(), 1);
        assert_eq!(
            sents("Allies, e.g. Japan, agreed; i.e. Tokyo signed.").len(),
            1
        );
        assert_eq!(sents("The cost was approx. 30 percent higher.").len(), 1);
    }

    #[test]
    fn initials() {
        assert_eq!(sents("John F. Kennedy visited Berlin. He spoke.").len(), 2);
        assert_eq!(
            sents("G. W. Bush met Kim Dae-jung in Seoul. They talked.").len(),
            2
        );
        assert_eq!(sents("They chose Plan B. The plan failed.").len(), 2);
    }

    #[test]
    fn decimals_money_urls() {
        assert_eq!(
            sents("Output grew 3.5 percent to $1.2 billion. Officials cheered.").len(),
            2
        );
        assert_eq!(
            sents(
                "See www.example.com/news?id=4.5 for more. Or email desk.news@example.org today."
            )
            .len(),
            2
        );
        assert_eq!(sents("Visit https://example.org. It has details.").len(), 2);
    }

    #[test]
    fn ellipsis() {
        assert_eq!(
            sents("He paused... and then spoke. Everyone listened.").len(),
            2
        );
        assert_eq!(sents("He paused\u{2026} and then spoke.").len(), 1);
        assert_eq!(sents("It was over... The crowd left.").len(), 2);
        assert_eq!(sents("He said . . . nothing at all.").len(), 1);
    }

    #[test]
    fn numbered_items() {
        assert_eq!(
            sents("1. Troops withdraw.\n2. Sanctions ease.\n3. Talks resume."),
            [
                "1. Troops withdraw.",
                "2. Sanctions ease.",
                "3. Talks resume."
            ]
        );
        assert_eq!(sents("1. The first demand was met.").len(), 1);
    }

    #[test]
    fn quotes_attach() {
        assert_eq!(
            sents("He said, \"We will respond.\" Then he left."),
            ["He said, \"We will respond.\"", "Then he left."]
        );
        assert_eq!(
            sents("\"We will respond,\" he said."),
            ["\"We will respond,\" he said."]
        );
        assert_eq!(
            sents("\"Will they come?\" she asked."),
            ["\"Will they come?\" she asked."]
        );
        assert_eq!(sents("\"Enough!\" he shouted. Then silence.").len(), 2);
        assert_eq!(
            sents("He said, \u{201c}We will respond.\u{201d} Then he left."),
            ["He said, \u{201c}We will respond.\u{201d}", "Then he left."]
        );
        assert_eq!(
            sents("\u{201c}Will they come?\u{201d} she asked. \u{2018}No.\u{2019} He left."),
            [
                "\u{201c}Will they come?\u{201d} she asked.",
                "\u{2018}No.\u{2019}",
                "He left."
            ]
        );
        assert_eq!(sents("\"Will they come?\" Kim asked. He waited.").len(), 2);
        assert_eq!(sents("\"Why now?\" Mr. Kim asked reporters.").len(), 1);
        assert_eq!(sents("(The vote was close.) Then it passed.").len(), 2);
        assert_eq!(
            sents("He left. \"We are done,\" he said."),
            ["He left.", "\"We are done,\" he said."]
        );
    }

    #[test]
    fn multi_paragraph_quote_sentences() {
        let body = "He said: \"We will not retreat. We will hold the line.\n\n\"Our allies stand with us. Nobody doubts it,\" he added.";
        assert_eq!(
            sents(body),
            [
                "He said: \"We will not retreat.",
                "We will hold the line.",
                "\"Our allies stand with us.",
                "Nobody doubts it,\" he added."
            ]
        );
    }

    #[test]
    fn never_crosses_paragraphs() {
        let body = "No terminal here\n\nSecond paragraph. Two";
        let out = sentences(body);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].paragraph, 0);
        assert_eq!(out[2].paragraph, 1);
    }

    #[test]
    fn line_break_policy() {
        assert_eq!(
            sents("Demands:\n- ceasefire\n- Prisoner exchange\nTalks continue."),
            [
                "Demands:",
                "- ceasefire",
                "- Prisoner exchange",
                "Talks continue."
            ]
        );
        // A lowercase continuation joins.
        assert_eq!(sents("The ministers met\nand agreed. Done.").len(), 2);
        // Long hard-wrapped prose joins.
        assert_eq!(
            sents(
                "The foreign ministers of both countries met on Friday in\nGeneva for talks. Done."
            )
            .len(),
            2
        );
    }

    #[test]
    fn odd_inputs() {
        assert!(sents("").is_empty());
        assert_eq!(sents("..."), ["..."]);
        assert_eq!(sents("\"\u{201d}\u{2019}'"), ["\"\u{201d}\u{2019}'"]);
        assert_eq!(sents("서울에서 회담이 열렸다. 북한은 거부했다.").len(), 2);
        assert_eq!(sents("会谈在北京举行。双方同意。").len(), 2);
        assert_eq!(
            sents("THE TALKS ENDED. OFFICIALS LEFT. MR. KIM STAYED.").len(),
            3
        );
        let long = "word ".repeat(10_000) + "end.";
        assert_eq!(sents(&long).len(), 1);
        let dots = ".".repeat(10_000);
        assert_eq!(sents(&dots).len(), 1);
        let table = "1.2 3.4 5.6\n7.8 9.0 1.1\n".repeat(100);
        assert!(!sents(&table).is_empty());
    }
}
