//! CoNLL-U reading and writing: the treebank format the tagger and parser
//! are trained and evaluated on, and one of `faultline parse`'s outputs.
//!
//! Only basic trees are read: multiword-token ranges (`4-5`) and empty
//! nodes (`8.1`) are skipped, and enhanced dependencies are ignored. Every
//! malformed line is an error naming its line number.

use std::fmt::Write as _;

use crate::error::SyntaxError;

/// One word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldWord {
    /// The word form as written.
    pub form: String,
    /// Universal part-of-speech tag (`NOUN`, `VERB`, …).
    pub upos: String,
    /// Language-specific tag (Penn Treebank for English), `_` when absent.
    pub xpos: String,
    /// Head as a 1-based word number; 0 is the root.
    pub head: usize,
    /// Dependency relation with its subtype (`nsubj:pass`).
    pub deprel: String,
}

/// One treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldSentence {
    /// The `# sent_id` comment, when present.
    pub id: String,
    /// The `# text` comment, when present.
    pub text: String,
    /// The words, in order.
    pub words: Vec<GoldWord>,
}

/// Reads every sentence of a CoNLL-U document. `name` is used in errors.
///
/// # Errors
/// A line with fewer than ten tab-separated columns, an unparsable word
/// number or head, or a head outside the sentence.
pub fn parse(name: &str, text: &str) -> Result<Vec<GoldSentence>, SyntaxError> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(name, line_no, &mut cur, &mut out)?;
        } else if let Some(comment) = line.strip_prefix('#') {
            read_comment(comment, &mut cur);
        } else {
            read_word(name, line_no, line, &mut cur)?;
        }
    }
    finish(name, text.lines().count(), &mut cur, &mut out)?;
    Ok(out)
}

fn read_comment(comment: &str, cur: &mut GoldSentence) {
    let comment = comment.trim();
    if let Some(id) = comment.strip_prefix("sent_id =") {
        cur.id = id.trim().to_owned();
    } else if let Some(t) = comment.strip_prefix("text =") {
        cur.text = t.trim().to_owned();
    }
}

fn read_word(
    name: &str,
    line_no: usize,
    line: &str,
    cur: &mut GoldSentence,
) -> Result<(), SyntaxError> {
    let cols: Vec<&str> = line.split('\t').collect();
    let bad = |why: &str| SyntaxError::Conllu {
        file: name.to_owned(),
        line: line_no,
        message: why.to_owned(),
    };
    if cols.len() < 10 {
        return Err(bad(
            "expected ten tab-separated columns; check the file is CoNLL-U",
        ));
    }
    if cols[0].contains('-') || cols[0].contains('.') {
        return Ok(()); // multiword token range or empty node
    }
    let id: usize = cols[0]
        .parse()
        .map_err(|_| bad("the word number is not a number"))?;
    if id != cur.words.len() + 1 {
        return Err(bad("word numbers must run 1, 2, 3 … within a sentence"));
    }
    let head: usize = cols[6]
        .parse()
        .map_err(|_| bad("the head is not a number"))?;
    cur.words.push(GoldWord {
        form: cols[1].to_owned(),
        upos: cols[3].to_owned(),
        xpos: cols[4].to_owned(),
        head,
        deprel: cols[7].to_owned(),
    });
    Ok(())
}

fn finish(
    name: &str,
    line_no: usize,
    cur: &mut GoldSentence,
    out: &mut Vec<GoldSentence>,
) -> Result<(), SyntaxError> {
    if cur.words.is_empty() {
        *cur = GoldSentence::default();
        return Ok(());
    }
    let n = cur.words.len();
    if let Some(w) = cur.words.iter().find(|w| w.head > n) {
        return Err(SyntaxError::Conllu {
            file: name.to_owned(),
            line: line_no,
            message: format!(
                "head {} of {:?} lies outside its sentence of {n} words",
                w.head, w.form
            ),
        });
    }
    out.push(std::mem::take(cur));
    Ok(())
}

/// One row to write: the columns `faultline parse` fills.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// Word form.
    pub form: &'a str,
    /// UPOS tag.
    pub upos: &'a str,
    /// Head as a 1-based word number, 0 for the root.
    pub head: usize,
    /// Relation.
    pub deprel: &'a str,
    /// Byte span into the body, written to MISC as `TokenRange=start:end`.
    pub span: (usize, usize),
    /// Whether no space follows the word in the text.
    pub no_space_after: bool,
}

/// Writes one sentence as CoNLL-U, with `# sent_id` and `# text` comments.
#[must_use]
pub fn write_sentence(id: &str, text: &str, rows: &[Row<'_>]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# sent_id = {id}");
    let _ = writeln!(s, "# text = {}", text.replace(['\n', '\r'], " "));
    for (i, r) in rows.iter().enumerate() {
        let mut misc = format!("TokenRange={}:{}", r.span.0, r.span.1);
        if r.no_space_after {
            misc.push_str("|SpaceAfter=No");
        }
        let _ = writeln!(
            s,
            "{}\t{}\t_\t{}\t_\t_\t{}\t{}\t_\t{}",
            i + 1,
            r.form.replace(['\t', '\n'], " "),
            r.upos,
            r.head,
            r.deprel,
            misc
        );
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = a-1\n# text = Ships sailed north.\n\
        1\tShips\tship\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n\
        2\tsailed\tsail\tVERB\tVBD\t_\t0\troot\t_\t_\n\
        3\tnorth\tnorth\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n\
        4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
        1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n\
        1\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n\
        2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
        3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_sentences_and_skips_ranges() {
        let s = parse("x.conllu", SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id, "a-1");
        assert_eq!(s[0].text, "Ships sailed north.");
        assert_eq!(s[0].words[1].deprel, "root");
        assert_eq!(s[1].words.len(), 3);
        assert_eq!(s[1].words[0].form, "ca");
        assert_eq!(s[1].words[0].head, 3);
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse("bad.conllu", "1\tx\tx\tNOUN\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("bad.conllu:1"), "{err}");
        let err = parse("bad.conllu", "1\tx\tx\tNOUN\tNN\t_\t7\tnsubj\t_\t_\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("outside its sentence"), "{err}");
    }

    #[test]
    fn written_sentences_read_back() {
        let rows = [
            Row {
                form: "Ships",
                upos: "NOUN",
                head: 2,
                deprel: "nsubj",
                span: (0, 5),
                no_space_after: false,
            },
            Row {
                form: "sailed",
                upos: "VERB",
                head: 0,
                deprel: "root",
                span: (6, 12),
                no_space_after: true,
            },
        ];
        let text = write_sentence("d:1", "Ships sailed", &rows);
        let back = parse("w", &text).unwrap();
        assert_eq!(back[0].words[0].head, 2);
        assert_eq!(back[0].words[1].deprel, "root");
        assert_eq!(back[0].text, "Ships sailed");
    }
}
