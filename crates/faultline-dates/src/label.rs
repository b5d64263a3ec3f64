//! Labelled stamps: "Posted: …", "Published …", "Updated 3:41 p.m. ET, Tue October 8,
//! 2019". The label words live in `data/stamp_labels.txt`; a stamp takes the kind of the
//! nearest label before it on the line.

use std::ops::Range;
use std::sync::LazyLock;

use crate::{ParseOptions, Stamp, find_stamps};

/// What a label says about a stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StampKind {
    /// First publication ("Published", "Posted", "First published on").
    Published,
    /// A later change ("Updated", "Last modified", "Edited").
    Modified,
    /// No label stands before the stamp.
    Unlabelled,
}

/// A stamp found in a line, with the label before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledStamp {
    /// The stamp.
    pub stamp: Stamp,
    /// What its label says.
    pub kind: StampKind,
    /// Byte range of the stamp in the line.
    pub range: Range<usize>,
    /// Byte range of the label in the line, when there is one.
    pub label: Option<Range<usize>>,
}

/// The label phrases, lowercase, longest first.
static LABELS: LazyLock<Vec<(String, StampKind)>> = LazyLock::new(|| {
    let mut labels: Vec<(String, StampKind)> = include_str!("../data/stamp_labels.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (kind, phrase) = l.split_once('\t')?;
            let kind = match kind.trim() {
                "published" => StampKind::Published,
                "modified" => StampKind::Modified,
                _ => return None,
            };
            Some((phrase.trim().to_lowercase(), kind))
        })
        .collect();
    labels.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    labels
});

/// The label at the start of `s` (after spaces and bullets), with its kind and the bytes it
/// takes, a following colon, "on" or "at" included.
#[must_use]
pub fn leading_label(s: &str) -> Option<(StampKind, Range<usize>)> {
    let start = s.len() - s.trim_start_matches([' ', '\t', '|', '·', '•', '-']).len();
    let rest = &s[start..];
    let (kind, phrase) = LABELS.iter().find_map(|(phrase, kind)| {
        let head = rest.get(..phrase.len())?;
        let after = rest[phrase.len()..].chars().next();
        (head.eq_ignore_ascii_case(phrase) && after.is_none_or(|c| !c.is_alphanumeric()))
            .then_some((*kind, phrase.len()))
    })?;
    let mut end = start + phrase;
    let tail = &s[end..];
    let trimmed = tail.trim_start_matches([' ', ':', '\u{a0}']);
    end += tail.len() - trimmed.len();
    for joiner in ["on ", "at "] {
        if trimmed.len() >= 3 && trimmed[..3].eq_ignore_ascii_case(joiner) {
            end += 3;
            break;
        }
    }
    Some((kind, start..end))
}

/// The kind of the last label inside `between` (the text since the previous stamp).
fn label_in(between: &str, offset: usize) -> (StampKind, Option<Range<usize>>) {
    let mut found = (StampKind::Unlabelled, None);
    for (i, _) in between.char_indices() {
        // A label starts a word, or is glued to a name before it ("Jane RoeUpdated").
        let glued = between[..i].ends_with(char::is_lowercase)
            && between[i..].starts_with(char::is_uppercase);
        let at_word = i == 0 || glued || !between[..i].ends_with(char::is_alphanumeric);
        if at_word && let Some((kind, r)) = leading_label(&between[i..]) {
            found = (kind, Some(offset + i + r.start..offset + i + r.end));
        }
    }
    found
}

/// Every stamp in a line with the kind its label gives it:
/// "Posted: June 8, 2013 | Updated: June 9, 2013" gives a published and a modified stamp.
#[must_use]
pub fn find_labelled_stamps(line: &str, options: ParseOptions) -> Vec<LabelledStamp> {
    let mut out = Vec::new();
    let mut prev_end = 0;
    for (stamp, range) in find_stamps(line, options) {
        let (kind, label) = label_in(&line[prev_end..range.start], prev_end);
        prev_end = range.end;
        out.push(LabelledStamp {
            stamp,
            kind,
            range,
            label,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(StampKind, String, &str)> {
        find_labelled_stamps(line, ParseOptions::default())
            .into_iter()
            .map(|s| (s.kind, s.stamp.to_rfc3339(), &line[s.range]))
            .collect()
    }

    #[test]
    fn labels_give_kinds() {
        use StampKind::*;
        assert_eq!(
            kinds("Posted: June 8, 2013 | Updated: June 9, 2013 10:27 AM"),
            [
                (Published, "2013-06-08".to_owned(), "June 8, 2013"),
                (
                    Modified,
                    "2013-06-09T10:27:00".to_owned(),
                    "June 9, 2013 10:27 AM"
                ),
            ]
        );
        assert_eq!(
            kinds("Updated 3:41 p.m. ET, Tue October 8, 2019"),
            [(
                Modified,
                "2019-10-08T15:41:00-04:00".to_owned(),
                "3:41 p.m. ET, Tue October 8, 2019"
            )]
        );
        assert_eq!(
            kinds("First published on Tue 8 Oct 2019 14.05 BST"),
            [(
                Published,
                "2019-10-08T14:05:00+01:00".to_owned(),
                "Tue 8 Oct 2019 14.05 BST"
            )]
        );
        assert_eq!(
            kinds("June 08, 2013 10:27 AM"),
            [(
                Unlabelled,
                "2013-06-08T10:27:00".to_owned(),
                "June 08, 2013 10:27 AM"
            )]
        );
        assert_eq!(
            kinds("By Jane RoeUpdated June 8, 2013"),
            [(Modified, "2013-06-08".to_owned(), "June 8, 2013")]
        );
        assert_eq!(
            kinds("Last updated on 8 June 2013 | 10:27 GMT"),
            [(
                Modified,
                "2013-06-08T10:27:00+00:00".to_owned(),
                "8 June 2013 | 10:27 GMT"
            )]
        );
    }

    #[test]
    fn label_words_need_word_edges() {
        assert!(leading_label("Postedness 2013").is_none());
        assert!(leading_label("Updates on the talks").is_none());
        let (kind, r) = leading_label("  Published: 8 June 2013").expect("label");
        assert_eq!((kind, r), (StampKind::Published, 2..13));
        let (kind, r) = leading_label("Last updated at 10:27").expect("label");
        assert_eq!((kind, r), (StampKind::Modified, 0..16));
    }
}
