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
use crate::{chrome, credit, headline};

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
pub(crate) struct DateLine {
    pub(crate) published: Option<Stamp>,
    pub(crate) modified: Option<Stamp>,
    /// Stamps whose day and month could be swapped, as printed.
    ambiguous: Vec<String>,
    /// Names after "by" on the date line.
    byline: Vec<String>,
}

/// "… by Mina Cho" after the last stamp of a date line: where "by" starts, and the names.
fn by_names_after(line: &str, from: usize) -> Option<(usize, Vec<String>)> {
    let rest = &line[from..];
    let at = rest.to_ascii_lowercase().find("by ")?;
    let before = &rest[..at];
    if !(before.is_empty() || before.ends_with([' ', '|', ',', '·', '•', '-'])) {
        return None;
    }
    let names = chrome::byline_names(&rest[at..]);
    (!names.is_empty()).then_some((from + at, names))
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
pub(crate) fn parse_date_line(line: &str) -> Option<DateLine> {
    if line.len() > 160 {
        return None;
    }
    let stamps = faultline_dates::find_labelled_stamps(line, Default::default());
    if stamps.is_empty() {
        return None;
    }
    let mut out = DateLine::default();
    // "Posted on June 8, 2013 by Mina Cho": the names after the last stamp are a byline.
    let last_end = stamps.last().map_or(0, |s| s.range.end);
    let line = match by_names_after(line, last_end) {
        Some((cut, names)) => {
            out.byline = names;
            &line[..cut]
        }
        None => line,
    };
    let mut rest_words = 0usize;
    let mut pos = 0usize;
    for found in stamps {
        let (start, mut end) = (found.range.start, found.range.end);
        if start < pos {
            continue;
        }
        let (stamp, extra) = attach_trailing_time(found.stamp, &line[end..]);
        end += extra;
        rest_words += label_words(&line[pos..start]);
        if faultline_dates::numeric_order_ambiguous(&line[start..end]) {
            out.ambiguous.push(line[start..end].to_owned());
        }
        let modified = found.kind == faultline_dates::StampKind::Modified;
        if modified || (out.published.is_some() && out.modified.is_none()) {
            out.modified.get_or_insert(stamp);
        } else {
            out.published.get_or_insert(stamp);
        }
        pos = end;
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
        && !chrome::is_menu_line(line)
}

/// What a line near the top of a page dump is.
#[derive(Debug)]
enum HeaderLine<'a> {
    Date(DateLine),
    Byline(Vec<String>),
    Credit(Vec<String>),
    Kicker(Kicker),
    Section,
    Chrome,
    /// Anything else: a headline, deck or caption, with a kicker split off its front.
    Text(Option<Kicker>, &'a str),
}

impl HeaderLine<'_> {
    /// Dates, bylines and credits: the lines a header ends with.
    fn is_metadata(&self) -> bool {
        matches!(
            self,
            HeaderLine::Date(_) | HeaderLine::Byline(_) | HeaderLine::Credit(_)
        )
    }
}

fn classify(l: &str) -> HeaderLine<'_> {
    if let Some(d) = parse_date_line(l) {
        return HeaderLine::Date(d);
    }
    if chrome::is_byline(l) {
        return HeaderLine::Byline(chrome::byline_names(l));
    }
    if chrome::is_section_name(l) {
        return HeaderLine::Section;
    }
    if let Some(c) = credit::credit_line(l).or_else(|| credit::credit_fields(l)) {
        return HeaderLine::Credit(c);
    }
    if let Some(k) = as_kicker_line(l) {
        return HeaderLine::Kicker(k);
    }
    if chrome::is_noise(l)
        || chrome::is_tail_marker(l)
        || chrome::is_foreign_script_label(l)
        || chrome::is_menu_line(l)
    {
        return HeaderLine::Chrome;
    }
    let (kicker, rest) = split_kicker(l);
    HeaderLine::Text(kicker, rest)
}

/// How many non-blank lines at most are looked at for the header, chrome included.
const HEADER_SCAN: usize = 60;

/// Where the header ends: the last date, byline or credit line near the top, provided at
/// most one prose line (a deck) stands before it. Chrome and section lines do not count
/// towards [`HEADER_WINDOW`].
fn find_header_end(lines: &[&str], nonblank: &[usize]) -> Option<usize> {
    let mut header_end = None;
    let (mut prose_seen, mut counted) = (0, 0);
    for &i in nonblank.iter().take(HEADER_SCAN) {
        let l = lines[i];
        if chrome::is_tail_marker(l) && header_end.is_some() {
            break;
        }
        let kind = classify(l);
        if matches!(kind, HeaderLine::Chrome | HeaderLine::Section) {
            continue;
        }
        counted += 1;
        if counted > HEADER_WINDOW {
            break;
        }
        if kind.is_metadata() {
            header_end = Some(i);
        } else if is_prose(l) && !chrome::is_caption(l) {
            prose_seen += 1;
            if prose_seen > 1 {
                break;
            }
        }
    }
    header_end
}

/// Without a date or byline: the header is the lines before the first prose line, and
/// it ends at the headline chosen among them (if one is headline-like and a line follows).
fn headline_only_header_end(lines: &[&str], nonblank: &[usize], hints: &[String]) -> Option<usize> {
    let top: Vec<usize> = nonblank
        .iter()
        .copied()
        .take(HEADER_SCAN)
        .take_while(|&i| !is_prose(lines[i]))
        .collect();
    let region: Vec<&str> = top.iter().map(|&i| lines[i]).collect();
    let (order, _) = choose_headline(&region, hints)?;
    let at = top[order];
    let (_, title) = split_kicker(lines[at]);
    let followed = nonblank.iter().any(|&i| i > at);
    (is_headline(title) && !ends_sentence(title) && followed).then_some(at)
}

/// The headline among the non-blank `header` lines: its position and an uncertainty note.
fn choose_headline(header: &[&str], hints: &[String]) -> Option<(usize, Option<String>)> {
    let kinds: Vec<HeaderLine<'_>> = header.iter().map(|l| classify(l)).collect();
    let mut candidates = Vec::new();
    let mut positions = Vec::new();
    let mut evidence = headline::Evidence {
        hints: hints.to_vec(),
        ..Default::default()
    };
    for (order, kind) in kinds.iter().enumerate() {
        // A credit above every text line is the site's name, not evidence.
        let site_name = matches!(kind, HeaderLine::Credit(_)) && candidates.is_empty();
        if kind.is_metadata() && !site_name {
            evidence.metadata.push(order);
        }
        let HeaderLine::Text(_, text) = kind else {
            continue;
        };
        if chrome::is_caption(text) || text.is_empty() {
            continue;
        }
        let follows_candidate = order > 0
            && matches!(
                kinds[order - 1],
                HeaderLine::Text(..) | HeaderLine::Kicker(_)
            );
        candidates.push(headline::Candidate {
            text,
            order,
            follows_candidate,
        });
        positions.push(order);
    }
    let choice = headline::choose(&candidates, &evidence)?;
    Some((positions[choice.index], choice.warning))
}

/// Title hints: the file name, and "Headline | Site" lines at the top or bottom of the page.
fn title_hints(id: &str, lines: &[&str], nonblank: &[usize]) -> Vec<String> {
    let mut hints: Vec<String> = headline::stem_hint(id).into_iter().collect();
    let edges = nonblank
        .iter()
        .take(HEADER_SCAN)
        .chain(nonblank.iter().rev().take(30));
    for &i in edges {
        if let Some(h) = headline::title_line_hint(lines[i])
            && !hints.contains(&h)
        {
            hints.push(h);
        }
    }
    hints
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
    let hints = title_hints(&id, &lines, &nonblank);

    let header_end = find_header_end(&lines, &nonblank)
        .or_else(|| headline_only_header_end(&lines, &nonblank, &hints));
    let body_start = match header_end {
        Some(end) => {
            read_header(&lines[..=end], &counts, &hints, &mut meta);
            end + 1
        }
        None => 0,
    };
    if meta.title.is_none() {
        meta.warnings
            .push("no headline found; title is empty".to_owned());
    }
    if meta.published.is_none() && meta.modified.is_none() {
        date_from_elsewhere(&lines, body_start, &mut meta);
    }

    let mut paragraphs = clean_body(&lines[body_start.min(lines.len())..], &counts, &mut meta);
    take_dateline(&mut paragraphs, &mut meta);
    Article::assemble(id, source, origin, Format::Text, meta, paragraphs)
}

/// Without a date in the header: the first line below it that is only a date (a blog's
/// "Posted on …" footer), with a warning; else a warning that no date was found.
fn date_from_elsewhere(lines: &[&str], from: usize, meta: &mut Meta) {
    let found = lines
        .iter()
        .enumerate()
        .skip(from)
        .filter(|(_, l)| !l.is_empty() && l.len() < 100)
        .find_map(|(i, l)| parse_date_line(l).map(|d| (i, l, d)));
    match found {
        Some((i, l, d)) => {
            meta.warnings.push(format!(
                "no date near the headline; took {l:?} from line {}",
                i + 1
            ));
            meta.published = d.published;
            meta.modified = d.modified;
        }
        None => meta.warnings.push("no publication date found".to_owned()),
    }
}

/// Moves a dateline that opens the first paragraph ("SEOUL, Oct. 9 (Yonhap) —") into
/// `meta`; its credit becomes the byline when the page names nobody else.
fn take_dateline(paragraphs: &mut [String], meta: &mut Meta) {
    let Some(first) = paragraphs.first_mut() else {
        return;
    };
    let Some((dateline, at)) = credit::split_dateline(first) else {
        return;
    };
    if meta.byline.is_empty()
        && let Some(c) = &dateline.credit
    {
        meta.byline.push(c.clone());
    }
    *first = first[at..].to_owned();
    meta.dateline = Some(dateline);
}

/// Reads the header lines into `meta`.
///
/// The headline is chosen by [`headline`]'s weighted evidence. Other text lines are
/// dropped before it (site names, teasers), and after it are captions (credited or
/// repeated lines) or the deck: a line before the first date or byline, or one after
/// it that does not end like a sentence (captions usually do). A section name right
/// above the headline is its kicker.
fn read_header(lines: &[&str], counts: &LineCounts<'_>, hints: &[String], meta: &mut Meta) {
    let header: Vec<&str> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
    let chosen = choose_headline(&header, hints);
    if let Some((_, Some(w))) = &chosen {
        meta.warnings.push(w.clone());
    }
    let title_at = chosen.map(|(at, _)| at);
    let mut seen_metadata = false;
    let mut pending_kicker: Option<Kicker> = None;
    let mut seen_text = false;
    let mut dates = Vec::new();
    for (order, &l) in header.iter().enumerate() {
        let before_title = title_at.is_some_and(|t| order < t);
        let kind = classify(l);
        let is_text = matches!(kind, HeaderLine::Text(..));
        match kind {
            HeaderLine::Date(mut d) => {
                push_names(meta, std::mem::take(&mut d.byline));
                dates.push((l, d));
                seen_metadata = true;
            }
            HeaderLine::Credit(_) if before_title && !seen_text => meta.dropped_lines += 1,
            HeaderLine::Byline(names) | HeaderLine::Credit(names) => {
                push_names(meta, names);
                seen_metadata = true;
            }
            HeaderLine::Kicker(k) if before_title => pending_kicker = Some(k),
            HeaderLine::Kicker(k) => {
                meta.kicker.get_or_insert(k);
            }
            HeaderLine::Section if before_title => pending_kicker = Kicker::from_raw(l),
            HeaderLine::Section | HeaderLine::Chrome => {
                pending_kicker = None;
                meta.dropped_lines += 1;
            }
            HeaderLine::Text(kicker, text) if Some(order) == title_at => {
                meta.kicker = kicker.or(pending_kicker.take()).or(meta.kicker.take());
                meta.title = Some(text.to_owned());
            }
            HeaderLine::Text(..) if chrome::is_caption(l) || counts.repeated(l) => {
                push_caption(meta, l);
            }
            HeaderLine::Text(..) if before_title => {
                pending_kicker = None;
                meta.dropped_lines += 1;
            }
            HeaderLine::Text(..)
                if meta.subtitle.is_none() && (!seen_metadata || !ends_sentence(l)) =>
            {
                meta.subtitle = Some(l.to_owned());
            }
            HeaderLine::Text(..) => push_caption(meta, l),
        }
        seen_text |= is_text;
    }
    read_dates(&dates, meta);
}

/// Published and modified stamps from the header's date lines, with warnings when the
/// lines disagree or a numeric date could be read two ways.
fn read_dates(dates: &[(&str, DateLine)], meta: &mut Meta) {
    for (_, d) in dates {
        if meta.published.is_none() {
            meta.published = d.published;
        }
        if meta.modified.is_none() {
            meta.modified = d.modified;
        }
        for text in &d.ambiguous {
            meta.warnings.push(format!(
                "date {text:?} could be day/month or month/day; read it day first"
            ));
        }
    }
    let published: Vec<(&str, Stamp)> = dates
        .iter()
        .filter_map(|(l, d)| d.published.map(|s| (*l, s)))
        .collect();
    if published.windows(2).any(|w| w[0].1.date() != w[1].1.date()) {
        let list: Vec<String> = published.iter().map(|(l, _)| format!("{l:?}")).collect();
        meta.warnings.push(format!(
            "date uncertain: took the first of {}",
            list.join(", ")
        ));
    }
}

fn push_names(meta: &mut Meta, names: Vec<String>) {
    for name in names {
        if !meta.byline.contains(&name) {
            meta.byline.push(name);
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
        if let Some(names) = credit_in_body(l, kept_any || !current.is_empty()) {
            push_names(meta, names);
            continue;
        }
        if chrome::is_noise(l)
            || chrome::is_menu_line(l)
            || (latin_doc && chrome::is_foreign_script_label(l))
        {
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

/// Names from a credit printed in the body: a byline after the body ("By Kim Oi-hyun,
/// staff reporter"), a contributor line ("Jane Roe contributed to this report."), or,
/// before any body text, an agency or desk credit ("VOA News").
fn credit_in_body(l: &str, body_started: bool) -> Option<Vec<String>> {
    if l.len() >= 200 {
        return None;
    }
    if l.len() < 120
        && l.to_lowercase().starts_with("by ")
        && !ends_sentence(l)
        && chrome::is_byline(l)
    {
        return Some(chrome::byline_names(l));
    }
    if let Some(names) = credit::contributor_names(l) {
        return Some(names);
    }
    if body_started {
        return None;
    }
    credit::credit_line(l)
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
    fn menu_section_and_credit_lines_around_the_headline() {
        let a = extract(
            "Home | Nation | World | Asia | Business | Sport\n\
             Asia\n\
             Fishing Boats Return to Port as Typhoon Nears Coast\n\
             June 08, 2013 10:27 AM\n\
             Harbor News Service\n\
             Share | Print | Comment\n\n\
             BUSAN — Hundreds of fishing boats sailed back to harbor on Saturday as the storm moved north, coast guard officials said.\n\n\
             The weather agency said winds could reach 150 kilometres an hour by the evening.\n\n\
             Lee Min-ji contributed to this report.\n",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Fishing Boats Return to Port as Typhoon Nears Coast")
        );
        assert_eq!(a.kicker.as_ref().map(|k| k.label.as_str()), Some("Asia"));
        assert_eq!(a.byline, ["Harbor News Service", "Lee Min-ji"]);
        assert_eq!(
            a.published.map(|s| s.to_rfc3339()).as_deref(),
            Some("2013-06-08T10:27:00")
        );
        assert!(a.captions.is_empty(), "{:?}", a.captions);
        assert!(
            a.body.starts_with("Hundreds of fishing boats"),
            "{}",
            a.body
        );
        assert!(!a.body.contains("contributed"));
        assert_eq!(a.paragraphs.len(), 2);
        let d = a.dateline.expect("a dateline");
        assert_eq!(d.place, "BUSAN");
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    }

    #[test]
    fn unsure_headline_and_ambiguous_date_warn() {
        let a = extract(
            "Harbour Notes\n\
             Storm Closes Ports\n\
             08/06/2013 10:27\n\n\
             Ferries stayed in port on Saturday as the storm moved north, officials said.\n",
        );
        assert_eq!(
            a.published.map(|s| s.to_rfc3339()).as_deref(),
            Some("2013-06-08T10:27:00")
        );
        assert!(
            a.warnings.iter().any(|w| w.contains("headline uncertain")
                && w.contains("Harbour Notes")
                && w.contains("Storm Closes Ports")),
            "{:?}",
            a.warnings
        );
        assert!(
            a.warnings.iter().any(|w| w.contains("08/06/2013")),
            "{:?}",
            a.warnings
        );
    }

    #[test]
    fn date_in_a_footer_is_taken_with_a_warning() {
        let a = extract(
            "Notes from the harbour wall\n\n\
             The ferries stayed in port all day while the wind rose over the breakwater.\n\n\
             By the evening the harbour master had closed the outer basin to all traffic.\n\n\
             Posted on June 8, 2013\n",
        );
        assert_eq!(
            a.published.map(|s| s.to_rfc3339()).as_deref(),
            Some("2013-06-08")
        );
        assert!(
            a.warnings
                .iter()
                .any(|w| w.contains("no date near the headline"))
        );
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
