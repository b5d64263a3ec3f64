//! Repairs of the finished tree for systematic parser errors on news that
//! retraining has not removed. Each repair is a small pass over the words
//! of one sentence that changes heads, tags and relations only where its
//! pattern holds; the spans are never touched.

use crate::ParsedWord;
use crate::args::is_rel;
use crate::words::{reporting_verbs, subordinators};

/// "two days after Peru expelled the envoy": the parser makes "after" the
/// case marker of an oblique "Peru" under a verb with no subject of its
/// own. When the oblique's phrase runs up to that verb, "after" is the
/// clause's marker (`SCONJ`, `mark`), the oblique its subject (`nsubj`),
/// and a verb taken for a conjunct an adverbial clause (`advcl`).
pub fn subordinate_clauses(text: &str, words: &mut [ParsedWord<'_>]) {
    for p in 0..words.len() {
        if let Some((n, v)) = misread_clause(text, words, p) {
            let v32 = u32::try_from(v).ok();
            words[p].upos = "SCONJ";
            words[p].deprel = "mark";
            words[p].head = v32;
            words[n].deprel = "nsubj";
            words[n].head = v32;
            if words[v].deprel == "conj" {
                words[v].deprel = "advcl";
            }
        }
    }
}

/// "On Tuesday, Egypt and Sudan signed …", "In April 2020, Canberra
/// angered …": the parser makes the name after the fronted time phrase's
/// comma a conjunct of the time noun, and the verb has no subject. When
/// that conjunct has no conjunction of its own, follows the comma, and its
/// phrase runs up to the subjectless verb the time phrase hangs on, it is
/// the verb's subject (`nsubj`).
pub fn fronted_subjects(text: &str, words: &mut [ParsedWord<'_>]) {
    for n in 1..words.len() {
        if let Some(v) = misread_subject(text, words, n) {
            words[n].deprel = "nsubj";
            words[n].head = u32::try_from(v).ok();
        }
    }
}

/// "…, killing three civilians and wounding 11, regional officials said.":
/// the parser makes the source before the closing reporting verb the
/// object of an earlier verb, and the reporting verb has no subject. When
/// the sentence ends with a verb of `reporting_verbs` (then punctuation
/// only) that has no subject, and the words between the last comma and it
/// are one noun phrase with no verb, that phrase is its subject (`nsubj`).
pub fn trailing_attributions(text: &str, words: &mut [ParsedWord<'_>]) {
    let Some(v) = words.iter().rposition(|w| w.upos != "PUNCT") else {
        return;
    };
    let lower = words[v].span.slice(text).to_lowercase();
    if words[v].upos != "VERB" || !reporting_verbs().contains(&lower) || has_subject(words, v) {
        return;
    }
    let Some(comma) = words[..v].iter().rposition(|w| w.span.slice(text) == ",") else {
        return;
    };
    let phrase = comma + 1..v;
    let outside = |w: &ParsedWord<'_>| w.head.is_none_or(|h| !phrase.contains(&(h as usize)));
    let heads: Vec<usize> = phrase.clone().filter(|&k| outside(&words[k])).collect();
    let nominal = phrase
        .clone()
        .all(|k| !matches!(words[k].upos, "VERB" | "AUX" | "PUNCT"));
    // never under the phrase itself, or the new arc would close a cycle
    if let ([n], true) = (heads.as_slice(), nominal && !phrase.is_empty())
        && matches!(words[*n].upos, "NOUN" | "PROPN" | "PRON")
        && !under(words, v, *n)
    {
        words[*n].head = u32::try_from(v).ok();
        words[*n].deprel = "nsubj";
    }
}

/// "Chad's army and the rebel Union of Forces signed a peace accord": the
/// parser makes the subject the sentence's root and its verb a clause
/// modifying the last conjunct (`acl`), leaving the sentence with no verb
/// of its own. When the root is a noun with no copula, auxiliary or
/// object, and the first verb hanging on it or on one of its conjuncts as
/// `acl` follows the noun phrase (which holds no verb or auxiliary), is
/// no "-ing" form, has no "to" and no subject, that verb is the root and the noun its `nsubj`; what hung
/// on the noun after the verb (the final period) hangs on the verb.
pub fn verbless_roots(text: &str, words: &mut [ParsedWord<'_>]) {
    let Some(r) = words.iter().position(|w| w.head.is_none()) else {
        return;
    };
    let Some(v) = misread_predicate(text, words, r) else {
        return;
    };
    let (r32, v32) = (u32::try_from(r).ok(), u32::try_from(v).ok());
    for w in words.iter_mut().skip(v + 1).filter(|w| w.head == r32) {
        w.head = v32;
    }
    words[v].head = None;
    words[v].deprel = "root";
    words[r].head = v32;
    words[r].deprel = "nsubj";
}

/// The verb a noun root `r` hides (see [`verbless_roots`]).
fn misread_predicate(text: &str, words: &[ParsedWord<'_>], r: usize) -> Option<usize> {
    let r32 = u32::try_from(r).ok();
    let child_is = |h: Option<u32>, rels: &[&str]| {
        words
            .iter()
            .any(|w| w.head == h && rels.iter().any(|rel| is_rel(w.deprel, rel)))
    };
    if !matches!(words[r].upos, "NOUN" | "PROPN")
        || child_is(r32, &["cop", "aux", "obj", "iobj", "nsubj"])
    {
        return None;
    }
    let heads: Vec<Option<u32>> = std::iter::once(r32)
        .chain(
            (0..words.len())
                .filter(|&k| words[k].head == r32 && words[k].deprel == "conj")
                .map(|k| u32::try_from(k).ok()),
        )
        .collect();
    let v = (r + 1..words.len()).find(|&k| {
        words[k].deprel == "acl" && words[k].upos == "VERB" && heads.contains(&words[k].head)
    })?;
    let form = words[v].span.slice(text).to_lowercase();
    let before = v
        .checked_sub(1)
        .map(|k| words[k].span.slice(text).to_lowercase());
    // the noun phrase runs up to the verb and holds no verb of its own
    // ("Among the warrants, Trump's was the only one disclosed")
    let phrase = (r + 1..v).all(|k| under(words, k, r) && !matches!(words[k].upos, "AUX" | "VERB"));
    (words[v].upos == "VERB"
        && !form.ends_with("ing")
        && before.as_deref() != Some("to")
        && !has_subject(words, v)
        && phrase)
        .then_some(v)
}

/// The verb whose subject the conjunct `n` is (see [`fronted_subjects`]).
fn misread_subject(text: &str, words: &[ParsedWord<'_>], n: usize) -> Option<usize> {
    if words[n].deprel != "conj" || words[n - 1].span.slice(text) != "," {
        return None;
    }
    let n32 = u32::try_from(n).ok();
    let has_cc = words.iter().any(|w| w.head == n32 && w.deprel == "cc");
    let time = words[n].head? as usize;
    let v = words.get(time)?.head? as usize;
    let subject = has_subject(words, v);
    let phrase = (n + 1..v).all(|k| under(words, k, n));
    (time < n
        && n < v
        && !has_cc
        && words[time].deprel.starts_with("obl")
        && words[v].upos == "VERB"
        && !subject
        && phrase)
        .then_some(v)
}

/// The oblique and the verb of a clause whose marker `p` was read as a
/// preposition (see [`subordinate_clauses`]): the verb is the word right
/// after the oblique's phrase, has no subject, and is the oblique's head or
/// another verb's conjunct or clause.
fn misread_clause(text: &str, words: &[ParsedWord<'_>], p: usize) -> Option<(usize, usize)> {
    let lower = |i: usize| words[i].span.slice(text).to_lowercase();
    if words[p].deprel != "case" || !subordinators().contains(&lower(p)) {
        return None;
    }
    let n = words[p].head? as usize;
    let rel = words.get(n)?.deprel;
    if n <= p || !(rel.starts_with("obl") || rel.starts_with("nmod")) {
        return None;
    }
    let v = (n + 1..words.len()).find(|&k| !under(words, k, n))?;
    let v32 = u32::try_from(v).ok();
    let subject = has_subject(words, v);
    let placed =
        words[n].head == v32 || matches!(words[v].deprel, "conj" | "advcl" | "parataxis" | "ccomp");
    let phrase = (p + 1..v).all(|k| under(words, k, n));
    (words[v].upos == "VERB" && !subject && placed && phrase).then_some((n, v))
}

/// True when word `v` has a subject of its own (`nsubj`, `csubj` and their subtypes).
fn has_subject(words: &[ParsedWord<'_>], v: usize) -> bool {
    let v32 = u32::try_from(v).ok();
    words
        .iter()
        .any(|w| w.head == v32 && (is_rel(w.deprel, "nsubj") || is_rel(w.deprel, "csubj")))
}

/// True when word `k` is `top` or lies under it.
fn under(words: &[ParsedWord<'_>], mut k: usize, top: usize) -> bool {
    for _ in 0..words.len() {
        if k == top {
            return true;
        }
        match words[k].head {
            Some(h) => k = h as usize,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use faultline_text::Span;

    fn parse(text: &str) -> Vec<ParsedWord<'static>> {
        let model = crate::embedded().expect("model");
        model.parse_span(text, Span::new(0, text.len()))
    }

    fn word<'a>(
        text: &str,
        words: &'a [ParsedWord<'static>],
        form: &str,
    ) -> (usize, &'a ParsedWord<'static>) {
        let i = words
            .iter()
            .position(|w| w.span.slice(text) == form)
            .unwrap_or_else(|| panic!("{form} not in {text}"));
        (i, &words[i])
    }

    /// Asserts that `subject` is the `nsubj` of `verb` in the parse of `text`.
    fn assert_subject_of(text: &str, words: &[ParsedWord<'static>], subject: &str, verb: &str) {
        let (v, _) = word(text, words, verb);
        let (_, s) = word(text, words, subject);
        assert_eq!(
            (s.deprel, s.head),
            ("nsubj", u32::try_from(v).ok()),
            "{text}"
        );
    }

    #[test]
    fn a_time_clause_after_a_name_gets_its_subject() {
        for (text, marker, subject, verb) in [
            (
                "Iran seized a Greek tanker two days after Greece expelled an Iranian diplomat.",
                "after",
                "Greece",
                "expelled",
            ),
            (
                "Chile recalled its envoy on Tuesday, a week after Peru expelled a Chilean diplomat.",
                "after",
                "Peru",
                "expelled",
            ),
        ] {
            let words = parse(text);
            let (v, _) = word(text, &words, verb);
            let (_, m) = word(text, &words, marker);
            assert_eq!(
                (m.deprel, m.head),
                ("mark", u32::try_from(v).ok()),
                "{text}"
            );
            assert_subject_of(text, &words, subject, verb);
            assert!(
                words
                    .iter()
                    .all(|w| w.span.slice(text).len() == w.span.end - w.span.start)
            );
        }
    }

    #[test]
    fn a_name_after_a_fronted_time_phrase_is_the_subject() {
        for (text, subject, verb) in [
            (
                "On Tuesday, Egypt and Sudan signed a border deal.",
                "Egypt",
                "signed",
            ),
            (
                "In April 2020, Canberra angered Beijing by calling for an inquiry.",
                "Canberra",
                "angered",
            ),
        ] {
            assert_subject_of(text, &parse(text), subject, verb);
        }
    }

    #[test]
    fn the_source_before_a_closing_reporting_verb_is_its_subject() {
        for (text, subject, verb) in [
            (
                "Russian artillery shelled the city of Kherson overnight, killing three \
                 civilians and wounding 11, regional officials said.",
                "officials",
                "said",
            ),
            (
                "Jets struck a fuel depot near Aleppo, destroying three tankers and \
                 damaging a bridge, state media reported.",
                "media",
                "reported",
            ),
        ] {
            assert_subject_of(text, &parse(text), subject, verb);
        }
    }

    #[test]
    fn a_verb_read_as_a_modifier_of_a_subject_root_is_the_root() {
        for (text, subject, verb) in [
            (
                "Chad's army and the rebel Union of Forces signed a peace accord in Doha on Monday.",
                "army",
                "signed",
            ),
            (
                "Somalia's army and the regional Jubaland Security Forces launched a joint offensive.",
                "army",
                "launched",
            ),
        ] {
            let words = parse(text);
            let (_, vw) = word(text, &words, verb);
            assert_eq!((vw.deprel, vw.head), ("root", None), "{text}");
            assert_subject_of(text, &words, subject, verb);
        }
        // a copula in the phrase: the participle modifies its noun
        let text = "Among the six names, Peru's was the only one disclosed.";
        let words = parse(text);
        let (_, vw) = word(text, &words, "disclosed");
        assert_ne!(vw.deprel, "root", "{text}");
    }

    #[test]
    fn a_time_phrase_before_a_verb_with_a_subject_stays() {
        let text = "After the summit, Kenya and Peru signed a trade deal.";
        let words = parse(text);
        let (_, m) = word(text, &words, "After");
        assert_eq!(m.deprel, "case", "{text}");
    }
}
