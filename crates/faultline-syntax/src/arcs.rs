//! Scoring chosen gold arcs of hand-written sentences: a small test of
//! the arcs the coder reads (subject, object, oblique, passive agent,
//! possessor) on text unlike the treebank's, without annotating whole
//! trees. The file format is a sentence at the margin, then its arcs
//! indented, one `HEAD LABEL DEPENDENT` a line (word forms of the
//! sentence); `#` starts a comment line.

use crate::error::SyntaxError;
use crate::model::Model;

/// One gold arc, by word forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arc {
    /// The head's form.
    pub head: String,
    /// The relation, subtype included.
    pub label: String,
    /// The dependent's form.
    pub dep: String,
    /// The arc's line in its file.
    pub line: usize,
}

/// A sentence and the arcs checked in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArcSentence {
    /// The sentence text.
    pub text: String,
    /// Its gold arcs.
    pub arcs: Vec<Arc>,
}

/// How many gold arcs a model got right.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArcScores {
    /// Arcs checked.
    pub arcs: usize,
    /// Arcs with the right head.
    pub attached: usize,
    /// Arcs with the right head and the right relation (subtype included).
    pub labelled: usize,
    /// The arcs missed, as `line: head label dep (got: head label)`.
    pub misses: Vec<String>,
}

fn format_error(file: &str, line: usize, message: &str) -> SyntaxError {
    SyntaxError::Conllu {
        file: file.to_owned(),
        line,
        message: message.to_owned(),
    }
}

/// Reads an arc file; `name` is used in errors.
///
/// # Errors
/// An arc line before any sentence, or one without three fields.
pub fn read(name: &str, text: &str) -> Result<Vec<ArcSentence>, SyntaxError> {
    let mut out: Vec<ArcSentence> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            out.push(ArcSentence {
                text: line.to_owned(),
                arcs: Vec::new(),
            });
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [head, label, dep] = fields.as_slice() else {
            return Err(format_error(
                name,
                n + 1,
                "an arc line needs three fields: HEAD LABEL DEPENDENT",
            ));
        };
        let Some(sentence) = out.last_mut() else {
            return Err(format_error(
                name,
                n + 1,
                "an arc line comes before any sentence; put the sentence at the margin first",
            ));
        };
        sentence.arcs.push(Arc {
            head: (*head).to_owned(),
            label: (*label).to_owned(),
            dep: (*dep).to_owned(),
            line: n + 1,
        });
    }
    Ok(out)
}

/// Parses each sentence with `model` and scores its arcs.
///
/// # Errors
/// A form named in an arc that is not exactly one word of its sentence.
pub fn score(model: &Model, name: &str, sents: &[ArcSentence]) -> Result<ArcScores, SyntaxError> {
    let mut s = ArcScores::default();
    for sent in sents {
        let text = sent.text.as_str();
        let words = model.parse_span(text, faultline_text::Span::new(0, text.len()));
        let find = |form: &str, line: usize| {
            let mut hits = (0..words.len()).filter(|&i| words[i].span.slice(text) == form);
            match (hits.next(), hits.next()) {
                (Some(i), None) => Ok(i),
                _ => Err(format_error(
                    name,
                    line,
                    &format!("{form:?} must be exactly one word of its sentence"),
                )),
            }
        };
        for arc in &sent.arcs {
            let (h, d) = (find(&arc.head, arc.line)?, find(&arc.dep, arc.line)?);
            let w = &words[d];
            s.arcs += 1;
            let attached = w.head.map(|x| x as usize) == Some(h);
            s.attached += usize::from(attached);
            s.labelled += usize::from(attached && w.deprel == arc.label);
            if !(attached && w.deprel == arc.label) {
                let got = w
                    .head
                    .map_or("ROOT", |x| words[x as usize].span.slice(text));
                s.misses.push(format!(
                    "{}: {} {} {} (got: {got} {})",
                    arc.line, arc.head, arc.label, arc.dep, w.deprel
                ));
            }
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences_and_arcs_and_names_bad_lines() {
        let text = "# a comment\nShips sailed north.\n  sailed nsubj Ships\n\nTalks ended.\n\tended nsubj Talks\n";
        let s = read("x.txt", text).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].arcs[0].dep, "Ships");
        assert_eq!(s[1].arcs[0].line, 6);
        let err = read("x.txt", "  sailed nsubj Ships\n").unwrap_err();
        assert!(err.to_string().starts_with("x.txt:1:"), "{err}");
        let err = read("x.txt", "Ships sailed.\n  sailed nsubj\n").unwrap_err();
        assert!(err.to_string().contains("three fields"), "{err}");
    }

    #[test]
    fn scores_arcs_and_refuses_unknown_forms() {
        let model = crate::embedded().expect("model");
        let s = read("x.txt", "The envoy met the minister.\n  met nsubj envoy\n").unwrap();
        let got = score(model, "x.txt", &s).unwrap();
        assert_eq!((got.arcs, got.attached, got.labelled), (1, 1, 1));
        let s = read(
            "x.txt",
            "The envoy met the minister of the navy.\n  met nsubj the\n",
        )
        .unwrap();
        assert!(score(model, "x.txt", &s).is_err(), "'the' occurs twice");
    }
}
