//! Tree-level data augmentation for training: copies of treebank
//! sentences with a time phrase inserted where news puts one and web text
//! rarely does, with the right heads and relations. Fronted: "The envoy
//! left." → "On Monday, the envoy left." (`On` case of `Monday`, `Monday`
//! obl of `left`, the comma punct of `left`). After the subject: "Talks
//! resumed." → "Talks on Friday resumed." The phrases are data
//! (`data/augment-times.txt`). Deterministic: the same treebank gives the
//! same copies.

use crate::conllu::{GoldSentence, GoldWord};
use crate::words::augment_times;

/// Where a time phrase goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Before the sentence, followed by a comma.
    Front,
    /// Right after the subject, before the verb.
    AfterSubject,
}

fn word(form: &str, upos: &str, xpos: &str, head: usize, deprel: &str) -> GoldWord {
    GoldWord {
        form: form.to_owned(),
        upos: upos.to_owned(),
        xpos: xpos.to_owned(),
        head,
        deprel: deprel.to_owned(),
    }
}

/// The first and last word (1-based) of the subtree of `w`, when it is
/// contiguous.
fn subtree_span(s: &GoldSentence, w: usize) -> Option<(usize, usize)> {
    let inside = |mut i: usize| {
        for _ in 0..=s.words.len() {
            if i == w {
                return true;
            }
            if i == 0 {
                return false;
            }
            i = s.words[i - 1].head;
        }
        false
    };
    let members: Vec<usize> = (1..=s.words.len()).filter(|&i| inside(i)).collect();
    let (first, last) = (*members.first()?, *members.last()?);
    (last - first + 1 == members.len()).then_some((first, last))
}

/// The root verb and its subject's span, when the sentence opens with
/// the subject and only auxiliaries stand between it and the verb.
fn clause(s: &GoldSentence) -> Option<(usize, usize)> {
    let root = s.words.iter().position(|w| w.head == 0)? + 1;
    if s.words[root - 1].upos != "VERB" || s.words.len() < 4 || s.words.len() > 40 {
        return None;
    }
    let subj = (1..root).find(|&i| {
        let w = &s.words[i - 1];
        w.head == root && matches!(w.deprel.as_str(), "nsubj" | "nsubj:pass")
    })?;
    let (first, last) = subtree_span(s, subj)?;
    let between_aux = (last + 1..root).all(|i| s.words[i - 1].upos == "AUX");
    (first == 1 && between_aux && last < root).then_some((root, last))
}

/// Inserts `new` words before position `at` (1-based; `len + 1` to
/// append), renumbering heads; `new` heads are already final.
fn insert(s: &GoldSentence, at: usize, new: Vec<GoldWord>) -> GoldSentence {
    let k = new.len();
    let shift = |h: usize| if h >= at { h + k } else { h };
    let mut words: Vec<GoldWord> = s
        .words
        .iter()
        .map(|w| GoldWord {
            head: shift(w.head),
            ..w.clone()
        })
        .collect();
    words.splice(at - 1..at - 1, new);
    GoldSentence {
        id: format!("{}-augmented", s.id),
        text: String::new(),
        words,
    }
}

fn augmented(s: &GoldSentence, place: Place, case: &str, noun: &str) -> Option<GoldSentence> {
    let (root, subj_end) = clause(s)?;
    match place {
        Place::Front => {
            let mut case_form = case.to_owned();
            case_form[..1].make_ascii_uppercase();
            let verb = root + 3;
            let mut out = insert(
                s,
                1,
                vec![
                    word(&case_form, "ADP", "IN", 2, "case"),
                    word(noun, "PROPN", "NNP", verb, "obl"),
                    word(",", "PUNCT", ",", verb, "punct"),
                ],
            );
            let first = &mut out.words[3];
            if !matches!(first.xpos.as_str(), "NNP" | "NNPS") && first.form != "I" {
                first.form = first.form.to_lowercase();
            }
            Some(out)
        }
        Place::AfterSubject => {
            let at = subj_end + 1;
            let verb = root + 2;
            Some(insert(
                s,
                at,
                vec![
                    word(case, "ADP", "IN", at + 1, "case"),
                    word(noun, "PROPN", "NNP", verb, "obl"),
                ],
            ))
        }
    }
}

/// An augmented copy of a sentence.
#[derive(Debug, Clone)]
pub struct Copy {
    /// The new sentence.
    pub sentence: GoldSentence,
    /// The index of the sentence it copies.
    pub source: usize,
    /// Where the new words start (0-based).
    pub at: usize,
    /// How many words were inserted.
    pub len: usize,
}

/// Augmented copies of every `every`-th sentence that fits (a root verb
/// whose subject opens the sentence), alternating the two places and
/// cycling through the phrases.
#[must_use]
pub fn time_phrases(sents: &[GoldSentence], every: usize) -> Vec<Copy> {
    let pairs: Vec<(&str, &str)> = augment_times()
        .iter()
        .flat_map(|(case, nouns)| nouns.iter().map(move |n| (case.as_str(), n.as_str())))
        .collect();
    if every == 0 || pairs.is_empty() {
        return Vec::new();
    }
    sents
        .iter()
        .enumerate()
        .filter(|(_, s)| clause(s).is_some())
        .step_by(every)
        .enumerate()
        .filter_map(|(k, (source, s))| {
            let place = if k % 2 == 0 {
                Place::Front
            } else {
                Place::AfterSubject
            };
            let (case, noun) = pairs[(k / 2) % pairs.len()];
            let (_, subj_end) = clause(s)?;
            let (at, len) = match place {
                Place::Front => (0, 3),
                Place::AfterSubject => (subj_end, 2),
            };
            Some(Copy {
                sentence: augmented(s, place, case, noun)?,
                source,
                at,
                len,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    fn sentence() -> GoldSentence {
        let text = "1\tThe\t_\tDET\tDT\t_\t2\tdet\t_\t_\n\
            2\tenvoy\t_\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n\
            3\thas\t_\tAUX\tVBZ\t_\t4\taux\t_\t_\n\
            4\tleft\t_\tVERB\tVBN\t_\t0\troot\t_\t_\n\
            5\tParis\t_\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\
            6\t.\t_\tPUNCT\t.\t_\t4\tpunct\t_\t_\n";
        conllu::parse("t", text).unwrap().remove(0)
    }

    fn row(s: &GoldSentence) -> Vec<(String, usize, String)> {
        s.words
            .iter()
            .map(|w| (w.form.clone(), w.head, w.deprel.clone()))
            .collect()
    }

    #[test]
    fn fronted_phrase_heads_the_verb() {
        let s = augmented(&sentence(), Place::Front, "on", "Monday").unwrap();
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(
            forms,
            [
                "On", "Monday", ",", "the", "envoy", "has", "left", "Paris", "."
            ]
        );
        let r = row(&s);
        assert_eq!(r[0], ("On".into(), 2, "case".into()));
        assert_eq!(r[1], ("Monday".into(), 7, "obl".into()));
        assert_eq!(r[2], (",".into(), 7, "punct".into()));
        assert_eq!(r[4], ("envoy".into(), 7, "nsubj".into()));
        assert_eq!(r[6], ("left".into(), 0, "root".into()));
    }

    #[test]
    fn phrase_after_the_subject_heads_the_verb() {
        let copies = time_phrases(&[sentence(), sentence()], 1);
        assert_eq!((copies[1].source, copies[1].at, copies[1].len), (1, 2, 2));
        let s = copies[1].sentence.clone();
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(
            forms,
            ["The", "envoy", "on", "Monday", "has", "left", "Paris", "."]
        );
        let r = row(&s);
        assert_eq!(r[2], ("on".into(), 4, "case".into()));
        assert_eq!(r[3], ("Monday".into(), 6, "obl".into()));
        assert_eq!(r[4], ("has".into(), 6, "aux".into()));
        assert_eq!(r[1], ("envoy".into(), 6, "nsubj".into()));
    }

    #[test]
    fn only_sentences_opening_with_the_subject_fit() {
        let mut s = sentence();
        s.words[1].head = 5; // "envoy" now hangs off "Paris": no subject
        assert!(clause(&s).is_none());
        assert_eq!(time_phrases(&[sentence(), sentence()], 1).len(), 2);
        assert!(time_phrases(&[s], 1).is_empty());
    }
}
