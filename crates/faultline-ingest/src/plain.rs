//! Plain-text readers: scraped page dumps, and files with a `key: value` header.
//!
//! A page dump is read by structure, not by site:
//! 1. **Header.** The first few non-blank lines hold the headline, an
//!    optional kicker ("[Analysis]"), an optional deck, date lines ("Posted on
//!    : 2014-10-09 13:55 KST Modified on : …"), a byline and photo captions.
//!    The header ends at the last date or byline line among the first
//!    [`HEADER_WINDOW`] non-blank lines. Without any, a short first line with
//!    no closing period is taken as the headline.
//! 2. **Body.** Every later line is judged by [`crate::chrome`]: captions go to
//!    `captions`, noise is dropped, and a tail marker ends the body. Lines that
//!    occur twice (carousel captions) are never body.
//! 3. **Paragraphs.** Blank lines separate paragraphs. When the text is
//!    hard-wrapped (lines of one block that do not end a sentence), the lines
//!    of a block are joined; otherwise each line is a paragraph.

use std::collections::HashMap;

use faultline_dates::Stamp;

use crate::article::{Article, Format, Kicker, Meta};
use crate::chrome;

/// How many leading non-blank lines may hold header metadata.
pub const HEADER_WINDOW: usize = 9;

/// Normalises line endings to `\n`.
pub fn normalize_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Trims ASCII and Unicode whitespace, including no-break spaces.
fn clean_line(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// True when the line ends like a sentence (closing quotes and brackets allowed).
pub fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Prose: a long line that ends a sentence.
fn is_prose(line: &str) -> bool {
    let words = word_count(line);
    (words >= 12 && ends_sentence(line)) || words >= 40
}

/// What a header date line says.
#[derive(Debug, Default)]
struct DateLine {
    published: Option<Stamp>,
    modified: Option<Stamp>,
}

/// Words that may stand around dates on a date line.
const DATE_LABELS: &[&str] = &[
    "posted",
    "on",
    "published",
    "first",
    "last",
    "modified",
    "updated",
    "update",
    "date",
    "at",
    "created",
    "edited",
    "revised",
    "time",
    "and",
    "uploaded",
    "et",
    "pt",
    "ct",
    "local",
    "hrs",
    "hours",
];

/// Reads a date line: one or two stamps and little else.
fn parse_date_line(line: &str) -> Option<DateLine> {
    if line.len() > 160 {
        return None;
    }
    let mut out = DateLine::default();
    let mut rest_words = 0usize;
    let mut pos = 0usize;
    let mut found = false;
    while pos < line.len() {
        let Some((stamp, range)) = faultline_dates::find_stamp(&line[pos..]) else {
            break;
        };
        let (start, mut end) = (pos + range.start, pos + range.end);
        let (stamp, extra) = attach_trailing_time(stamp, &line[end..]);
        end += extra;
        let label = line[pos..start].to_lowercase();
        rest_words += label_words(&line[pos..start]);
        let is_modified = ["modif", "updat", "edit", "revis"]
            .iter()
            .any(|k| label.contains(k));
        if is_modified || (out.published.is_some() && out.modified.is_none()) {
            out.modified.get_or_insert(stamp);
        } else {
            out.published.get_or_insert(stamp);
        }
        found = true;
        pos = end.max(pos + 1);
        while pos < line.len() && !line.is_char_boundary(pos) {
            pos += 1;
        }
    }
    if !found {
        return None;
    }
    rest_words += label_words(&line[pos.min(line.len())..]);
    (rest_words <= 2).then_some(out)
}

/// Counts the words of `s` that are not date-line labels, numbers or zones.
fn label_words(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !DATE_LABELS.contains(&w.to_lowercase().as_str())
                && !w.bytes().all(|b| b.is_ascii_digit())
                && faultline_dates::zone_offset(w).is_none()
        })
        .count()
}

/// Completes a date-only stamp with a time that follows it after a
/// separator, as in "March 11, 2014 - 09:57" or "Thu, January 20, 2022 | 02:23".
fn attach_trailing_time(stamp: Stamp, after: &str) -> (Stamp, usize) {
    let Stamp::Date(date) = stamp else {
        return (stamp, 0);
    };
    let trimmed = after.trim_start_matches([' ', '-', '|', ',', '/', '·', '•', '–', '—']);
    let skipped = after.len() - trimmed.len();
    if skipped == 0 {
        return (stamp, 0);
    }
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let candidate: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let parts: Vec<&str> = candidate.split(':').collect();
    if parts.len() == 2 && (1..=2).contains(&parts[0].len()) && digits(parts[1]) {
        let (h, m) = (
            parts[0].parse::<u32>().unwrap_or(99),
            parts[1].parse::<u32>().unwrap_or(99),
        );
        if let Some(t) = chrono::NaiveTime::from_hms_opt(h, m, 0) {
            return (Stamp::Local(date.and_time(t)), skipped + candidate.len());
        }
    }
    (stamp, 0)
}

/// Splits "[Analysis] Headline" into kicker and headline.
fn split_kicker(line: &str) -> (Option<Kicker>, &str) {
    for (open, close) in [('[', ']'), ('【', '】')] {
        if line.starts_with(open)
            && let Some(end) = line.find(close)
        {
            let raw = &line[..end + close.len_utf8()];
            if word_count(raw) <= 5 {
                return (
                    Kicker::from_raw(raw),
                    clean_line(&line[end + close.len_utf8()..]),
                );
            }
        }
    }
    (None, line)
}

/// A kicker alone on its line: "[Analysis]", "ANALYSIS", "Opinion |".
fn as_kicker_line(line: &str) -> Option<Kicker> {
    let (k, rest) = split_kicker(line);
    if k.is_some() && rest.is_empty() {
        return k;
    }
    let words = word_count(line);
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
    (words <= 2 && all_caps && letters.len() >= 3 && !ends_sentence(line))
        .then(|| Kicker::from_raw(line))
        .flatten()
}

/// A headline: short, not prose, not chrome.
fn is_headline(line: &str) -> bool {
    let words = word_count(line);
    (2..=30).contains(&words)
        && !line.ends_with('.')
        && !chrome::is_noise(line)
        && !chrome::is_tail_marker(line)
}

/// Extracts an article from a plain-text page dump (already newline-normalised).
pub fn extract_dump(
    id: String,
    source: String,
    origin: String,
    text: &str,
    mut meta: Meta,
) -> Article {
    let lines: Vec<&str> = text.lines().map(clean_line).collect();
    let counts = LineCounts::new(&lines);
    let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();

    // Where the header ends: the last date or byline line near the top,
    // provided at most one prose line (a deck) stands before it.
    let mut header_end: Option<usize> = None; // index into `lines`, inclusive
    let mut prose_seen = 0;
    for &i in nonblank.iter().take(HEADER_WINDOW) {
        let l = lines[i];
        if chrome::is_tail_marker(l) && header_end.is_some() {
            break;
        }
        if parse_date_line(l).is_some() || chrome::is_byline(l) {
            header_end = Some(i);
        } else if is_prose(l) && !chrome::is_caption(l) {
            prose_seen += 1;
            if prose_seen > 1 {
                break;
            }
        }
    }

    let body_start = match header_end {
        Some(end) => {
            read_header(&lines[..=end], &counts, &mut meta);
            end + 1
        }
        None => {
            // No date or byline: a short first line is the headline.
            let mut start = 0;
            if let Some(&first) = nonblank.first() {
                let (kicker, rest) = split_kicker(lines[first]);
                let next = nonblank.get(1).map(|&i| lines[i]);
                if let Some(k) =
                    as_kicker_line(lines[first]).filter(|_| next.is_some_and(is_headline))
                {
                    meta.kicker = Some(k);
                    meta.title = next.map(str::to_owned);
                    start = nonblank[1] + 1;
                } else if is_headline(rest) && !ends_sentence(rest) && next.is_some() {
                    meta.kicker = kicker;
                    meta.title = Some(rest.to_owned());
                    start = first + 1;
                }
            }
            start
        }
    };
    if meta.title.is_none() {
        meta.warnings
            .push("no headline found; title is empty".to_owned());
    }
    if meta.published.is_none() && meta.modified.is_none() {
        meta.warnings.push("no publication date found".to_owned());
    }

    let paragraphs = clean_body(&lines[body_start.min(lines.len())..], &counts, &mut meta);
    Article::assemble(id, source, origin, Format::Text, meta, paragraphs)
}

/// Reads the header lines into `meta`.
///
/// Lines that are neither dates, bylines, kickers nor chrome are the title
/// (the first), then captions (credited or repeated lines) and the deck: a
/// line before the first date or byline, or one after it that does not end
/// like a sentence (captions usually do).
fn read_header(lines: &[&str], counts: &LineCounts<'_>, meta: &mut Meta) {
    let mut seen_metadata = false;
    for &l in lines.iter().filter(|l| !l.is_empty()) {
        if let Some(d) = parse_date_line(l) {
            if meta.published.is_none() {
                meta.published = d.published;
            }
            if meta.modified.is_none() {
                meta.modified = d.modified;
            }
            seen_metadata = true;
        } else if chrome::is_byline(l) {
            for name in chrome::byline_names(l) {
                if !meta.byline.contains(&name) {
                    meta.byline.push(name);
                }
            }
            seen_metadata = true;
        } else if let Some(k) = as_kicker_line(l).filter(|_| meta.kicker.is_none()) {
            meta.kicker = Some(k);
        } else if chrome::is_noise(l)
            || chrome::is_tail_marker(l)
            || chrome::is_foreign_script_label(l)
        {
            continue;
        } else if meta.title.is_none() && !chrome::is_caption(l) {
            let (kicker, rest) = split_kicker(l);
            if kicker.is_some() && meta.kicker.is_none() {
                meta.kicker = kicker;
            }
            meta.title = Some(rest.to_owned());
        } else if chrome::is_caption(l) || counts.repeated(l) {
            push_caption(meta, l);
        } else if meta.subtitle.is_none() && (!seen_metadata || !ends_sentence(l)) {
            meta.subtitle = Some(l.to_owned());
        } else {
            push_caption(meta, l);
        }
    }
}

fn push_caption(meta: &mut Meta, line: &str) {
    if !meta.captions.iter().any(|c| c == line) {
        meta.captions.push(line.to_owned());
    }
}

/// Lines that introduce a list of links; the short lines after them in the same block go too.
fn is_link_intro(line: &str) -> bool {
    let l = line
        .trim()
        .trim_end_matches([':', '»', '›', '>'])
        .trim()
        .to_lowercase();
    matches!(
        l.as_str(),
        "read more"
            | "read also"
            | "see also"
            | "related"
            | "also read"
            | "more"
            | "watch"
            | "recommended"
            | "more on this"
    )
}

/// How often each (trimmed) line of a document occurs.
///
/// A line that occurs more than once is a caption or chrome, never body:
/// scrapers save carousel captions and link lists twice.
pub struct LineCounts<'a>(HashMap<&'a str, usize>);

impl<'a> LineCounts<'a> {
    /// Counts the lines of `all` that could be captions (3+ words, not huge).
    pub fn new(all: &[&'a str]) -> Self {
        let mut counts = HashMap::new();
        for &l in all {
            if word_count(l) >= 3 && l.len() <= 400 {
                *counts.entry(l).or_default() += 1;
            }
        }
        Self(counts)
    }

    /// True when `line` occurs more than once.
    pub fn repeated(&self, line: &str) -> bool {
        self.0.get(line).is_some_and(|&n| n > 1)
    }
}

/// Filters body lines into paragraphs, moving captions into `meta`.
///
/// `counts` covers the whole document, to find lines that repeat.
pub fn clean_body(body: &[&str], counts: &LineCounts<'_>, meta: &mut Meta) -> Vec<String> {
    let latin_doc = is_mostly_latin(body);

    // Blocks of consecutive non-blank lines, each line judged on its own.
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut dropped = 0usize;
    let mut in_link_list = false;
    let mut kept_any = false;
    let mut cut_tail = false;
    let mut consumed = 0usize;
    for &l in body {
        consumed += 1;
        if l.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            in_link_list = false;
            continue;
        }
        if chrome::is_tail_marker(l) {
            if kept_any || !current.is_empty() {
                cut_tail = true;
                break;
            }
            dropped += 1;
            continue;
        }
        if in_link_list && !ends_sentence(l) {
            dropped += 1;
            continue;
        }
        in_link_list = false;
        if counts.repeated(l) || meta.captions.iter().any(|c| c == l) {
            if chrome::is_caption(l) || meta.captions.iter().any(|c| c == l) {
                push_caption(meta, l);
            } else {
                dropped += 1;
            }
            continue;
        }
        if chrome::is_caption(l) {
            push_caption(meta, l);
            continue;
        }
        // A byline printed after the body ("By Kim Oi-hyun, staff reporter").
        if l.len() < 120
            && l.to_lowercase().starts_with("by ")
            && !ends_sentence(l)
            && chrome::is_byline(l)
        {
            for name in chrome::byline_names(l) {
                if !meta.byline.contains(&name) {
                    meta.byline.push(name);
                }
            }
            continue;
        }
        if chrome::is_noise(l) || (latin_doc && chrome::is_foreign_script_label(l)) {
            in_link_list = is_link_intro(l);
            dropped += 1;
            continue;
        }
        current.push(l);
        kept_any = true;
    }
    if !current.is_empty() {
        blocks.push(current);
    }

    let wrapped = is_hard_wrapped(&blocks);
    let mut paragraphs: Vec<String> = Vec::new();
    for block in blocks {
        if wrapped {
            paragraphs.push(block.join(" "));
        } else {
            paragraphs.extend(block.into_iter().map(str::to_owned));
        }
    }
    // Short trailing lines without a full stop are buttons and links, not prose.
    while paragraphs
        .last()
        .is_some_and(|p| word_count(p) <= 6 && !ends_sentence(p))
        && paragraphs.len() > 1
    {
        paragraphs.pop();
        dropped += 1;
    }
    meta.dropped_lines += dropped;
    if cut_tail {
        // The tail marker and every non-blank line after it.
        meta.dropped_lines += 1 + body[consumed..].iter().filter(|l| !l.is_empty()).count();
    }
    paragraphs
}

/// True when most letters of the sample are Latin.
fn is_mostly_latin(lines: &[&str]) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in lines.iter().take(200).flat_map(|l| l.chars()) {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    latin >= other
}

/// Hard-wrapped text: most lines inside multi-line blocks do not end a sentence.
fn is_hard_wrapped(blocks: &[Vec<&str>]) -> bool {
    let (mut inner, mut unfinished) = (0usize, 0usize);
    for block in blocks.iter().filter(|b| b.len() > 1) {
        for l in &block[..block.len() - 1] {
            inner += 1;
            if !ends_sentence(l) {
                unfinished += 1;
            }
        }
    }
    inner >= 2 && unfinished * 2 > inner
}

/// Splits a `key: value` header closed by a `---` line from its body.
///
/// Returns `None` when the text does not start with such a header.
pub fn split_header(text: &str) -> Option<(Vec<(&str, &str)>, &str)> {
    let mut fields = Vec::new();
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        offset += line.len();
        if trimmed == "---" {
            if fields.is_empty() {
                if offset == line.len() {
                    // A leading `---` opens YAML-style front matter.
                    continue;
                }
                return None;
            }
            return Some((fields, &text[offset..]));
        }
        if trimmed.is_empty() && fields.is_empty() {
            continue;
        }
        let (key, value) = trimmed.split_once(':')?;
        let key = key.trim();
        if key.is_empty()
            || key.len() > 30
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return None;
        }
        fields.push((key, value.trim()));
        if fields.len() > 40 {
            return None;
        }
    }
    None
}

/// Extracts an article from a file with a `key: value` header.
pub fn extract_with_header(
    id: String,
    source: String,
    origin: String,
    fields: &[(&str, &str)],
    body: &str,
    mut meta: Meta,
) -> Article {
    let mut id = id;
    for &(key, value) in fields {
        match key.to_ascii_lowercase().as_str() {
            "title" | "headline" => meta.title = Some(value.to_owned()),
            "subtitle" | "deck" | "description" | "standfirst" => {
                meta.subtitle = Some(value.to_owned())
            }
            "kicker" | "section" => meta.kicker = Kicker::from_raw(value),
            "date" | "published" | "pubdate" | "published_at" => {
                meta.published = parse_field_date(value, key, &mut meta.warnings);
            }
            "modified" | "updated" | "modified_at" | "updated_at" => {
                meta.modified = parse_field_date(value, key, &mut meta.warnings);
            }
            "source" | "url" | "link" => {
                meta.url = value.split_whitespace().next().map(str::to_owned);
            }
            "author" | "authors" | "byline" => {
                let names = chrome::byline_names(value);
                meta.byline = if names.is_empty() {
                    vec![value.to_owned()]
                } else {
                    names
                };
            }
            "id" => id = value.to_owned(),
            "lang" | "language" => meta.declared_language = Some(value.to_owned()),
            _ => {
                meta.extra
                    .insert(key.to_owned(), serde_json::Value::String(value.to_owned()));
            }
        }
    }
    let lines: Vec<&str> = body.lines().map(clean_line).collect();
    let paragraphs = clean_body(&lines, &LineCounts::new(&lines), &mut meta);
    Article::assemble(id, source, origin, Format::Header, meta, paragraphs)
}

/// Parses a date field; an unparseable one becomes a warning, never an error.
pub fn parse_field_date(value: &str, key: &str, warnings: &mut Vec<String>) -> Option<Stamp> {
    if value.trim().is_empty() {
        return None;
    }
    match faultline_dates::parse_stamp(value) {
        Ok(s) => Some(s),
        Err(e) => match faultline_dates::find_stamp(value) {
            Some((s, _)) => Some(s),
            None => {
                warnings.push(format!(
                    "field {key:?}: unrecognised date {value:?} ({e}); left empty"
                ));
                None
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Article {
        let text = normalize_newlines(text);
        extract_dump(
            "t".into(),
            "t.txt".into(),
            "t.txt".into(),
            &text,
            Meta::default(),
        )
    }

    #[test]
    fn date_line_with_two_stamps() {
        let d =
            parse_date_line("Posted on : 2014-10-09 13:55 KST Modified on : 2019-10-19 20:29 KST")
                .unwrap();
        assert_eq!(
            d.published.unwrap().to_rfc3339(),
            "2014-10-09T13:55:00+09:00"
        );
        assert_eq!(
            d.modified.unwrap().to_rfc3339(),
            "2019-10-19T20:29:00+09:00"
        );
        assert!(
            parse_date_line("The talks began on Oct. 9, 2014 in Geneva and ended without a deal.")
                .is_none()
        );
    }

    #[test]
    fn header_fields_and_tail() {
        let a = extract(
            "Seoul and Tokyo agree to share intelligence\n\
             [Analysis]\n\
             Posted on : 2014-10-09 13:55 KST\n\
             Ministers shake hands in Seoul on Oct. 7. (Yonhap News)\n\
             By Park Ji-won, staff reporter\n\n\
             South Korea and Japan agreed on Tuesday to share military intelligence, officials said.\n\n\
             Ministers shake hands in Seoul on Oct. 7. (Yonhap News)\n\n\
             The deal takes effect next month, the defense ministry said in a statement.\n\n\
             Related stories\n\
             Other headline here\n",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Seoul and Tokyo agree to share intelligence")
        );
        assert_eq!(a.kicker.as_ref().unwrap().label, "Analysis");
        assert_eq!(a.byline, ["Park Ji-won"]);
        assert_eq!(a.captions.len(), 1);
        assert_eq!(a.paragraphs.len(), 2);
        assert!(!a.body.contains("Yonhap"));
        assert!(!a.body.contains("Related"));
    }

    #[test]
    fn no_header_first_line_title() {
        let a = extract(
            "Talks resume in Geneva\n\nDelegations met on Wednesday for the first time in four months, the envoy said.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(a.paragraphs.len(), 1);
        let b = extract(
            "Delegations met on Wednesday for the first time in four months, the envoy said.\n\nThey will meet again.\n",
        );
        assert_eq!(b.title, None);
        assert_eq!(b.paragraphs.len(), 2);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let a = extract(
            "Headline of the story\n\nThe ministers met in Seoul on Tuesday and\nagreed to expand joint drills next year,\nofficials said.\n\nA second paragraph follows here and\nends with a full stop.\n",
        );
        assert_eq!(a.paragraphs.len(), 2);
        assert!(
            a.body
                .starts_with("The ministers met in Seoul on Tuesday and agreed")
        );
    }

    #[test]
    fn header_split() {
        let (fields, body) = split_header(
            "source: https://x.example/a (via y)\ntitle: T\ndate: 2019-01-23\n---\nBody.\n",
        )
        .unwrap();
        assert_eq!(
            fields,
            [
                ("source", "https://x.example/a (via y)"),
                ("title", "T"),
                ("date", "2019-01-23")
            ]
        );
        assert_eq!(body, "Body.\n");
        assert!(split_header("Seoul: talks resume\nBody text without marker.\n").is_none());
        assert!(split_header("Note: this\n---\n").is_some());
        assert!(split_header("A sentence, with a colon: here\n---\n").is_none());
    }

    #[test]
    fn byline_after_the_body() {
        let a = extract(
            "Talks resume in Geneva\n\nThe envoys met on Monday and agreed to meet again, officials said.\n\nBy Jane Roe, staff reporter\n",
        );
        assert_eq!(a.byline, ["Jane Roe"]);
        assert!(!a.body.contains("Jane Roe"));
    }

    #[test]
    fn link_lists_after_read_more_go() {
        let mut meta = Meta::default();
        let lines = [
            "The first paragraph ends here with a full stop.",
            "",
            "Read More",
            "Another headline elsewhere on the site",
            "",
            "The second paragraph ends here too.",
        ];
        let p = clean_body(&lines, &LineCounts::new(&lines), &mut meta);
        assert_eq!(
            p,
            [
                "The first paragraph ends here with a full stop.",
                "The second paragraph ends here too."
            ]
        );
    }
}
