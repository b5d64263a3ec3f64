//! Direct quotations and their speakers.
//!
//! A quotation's speaker is read from the words around it, in this order:
//! 1. **after** it: `"…," said X, a professor at Y.` / `"…," X said.` /
//!    `"…," he added.`;
//! 2. **before** it: `X said: "…"` / `X said "…"` / `X told reporters that "…"`;
//! 3. **according to X** in the same sentence;
//! 4. **paragraph**: the person the paragraph names before the quotation
//!    ("Brett McGurk … also criticized the decision. "The statement …"");
//! 5. **continuation**: an unattributed quotation right after an attributed
//!    one (quotes split by attribution, or a quote running on into the next
//!    paragraph) keeps that speaker.
//!
//! The speaker is the actor mention found there (so a person resolved from an
//! apposition brings its role and code, and "a senior government official"
//! its sector and country); failing that, a capitalised name; "he"/"she" take
//! the most recent person, and "they" the last pair of persons joined by
//! "and" a sentence before. A dotted acronym in a title ("U.S.") ends no
//! speech tag.
//!
//! Then a speaker is named: a pronoun by the person it stands for
//! (`names`), a bare office by the person last quoted with it, a
//! description by office and country ("the Uzbek president") by the person
//! of that country named last whose title fits, a message ("the statement
//! said") by its sender, and a bare name by the code of the person named
//! earlier.

mod names;

use faultline_actors::Mention;

use crate::Doc;
use crate::dict::lexicon::lex;
use crate::event::Quote;

fn is_say(w: &str) -> bool {
    lex().say.contains(
        &w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase(),
    )
}

/// Whether the words before `at` (within the sentence from `from`) end in a
/// preposition, ignoring an article: "to the", "with", "at".
fn after_preposition(body: &str, from: usize, at: usize) -> bool {
    let before = body.get(from..at).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    let mut w = words.next().unwrap_or("");
    if matches!(w, "the" | "a" | "an") {
        w = words.next().unwrap_or("");
    }
    lex().speaker_prepositions.contains(w)
}

/// Capitalised words at the start of `s` (2–4 of them): an unknown speaker's name.
fn leading_name(s: &str) -> Option<&str> {
    // Not a phrase opening with a preposition ("In October, Abe told …").
    let first = s.split(' ').next().unwrap_or("").to_lowercase();
    if lex().speaker_prepositions.contains(first.as_str()) {
        return None;
    }
    leading_name_min(s, 2)
}

/// Capitalised words at the start of `s`, at least `min` of them, past
/// the titles written with a period that open it ("Lt. Gen. Ana Ruiz" is
/// Ana Ruiz).
fn leading_name_min(s: &str, min: usize) -> Option<&str> {
    let mut s = s;
    while let Some((w, rest)) = s.split_once(' ')
        && faultline_text::is_title_abbreviation(w)
        && rest.starts_with(|c: char| c.is_uppercase())
    {
        s = rest;
    }
    let mut end = 0;
    let mut count = 0;
    // A name with a particle is longer ("Foreign Minister Sebastiao do
    // Rego Barros"): one more capitalised word.
    let mut most = 4;
    let mut words = s.split(' ').peekable();
    while let Some(w) = words.next() {
        let clean = w.trim_end_matches([',', '.', ';', ':']);
        // A particle opening a surname said alone ("del Rosario said").
        if count == 0
            && clean.len() == w.len()
            && is_name_particle(clean)
            && words.peek().is_some_and(|n| name_goes_on(n))
        {
            end += clean.len();
            count += 1;
            continue;
        }
        // A particle inside the name ("Sebastiao do Rego Barros").
        if count > 0
            && clean.len() == w.len()
            && is_name_particle(clean)
            && words
                .clone()
                .find(|n| !is_name_particle(n))
                .is_some_and(name_goes_on)
        {
            end += 1 + clean.len();
            most = 5;
            continue;
        }
        let ok = clean.chars().next().is_some_and(char::is_uppercase)
            && clean
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        if !ok || count == most {
            break;
        }
        end += if count == 0 {
            clean.len()
        } else {
            1 + clean.len()
        };
        count += 1;
        // A mark ends the name, but for an initial's period before more of
        // it ("Jan K. Novak"; not "said Plan B. The ministry …").
        let initial = is_initial(w) && words.peek().is_some_and(|n| name_goes_on(n));
        if clean.len() != w.len() && !initial {
            break;
        }
        if initial {
            end += 1;
        }
    }
    (count >= min).then(|| &s[..end])
}

/// A lower-case particle inside names ("da", "von"; the actors lexicon's
/// `name_particles`).
fn is_name_particle(w: &str) -> bool {
    faultline_actors::lexicon::lex().name_particles.contains(w)
}

/// True when word `w` may go on a name after an initial: capitalised and
/// no determiner ("Novak", not "The").
fn name_goes_on(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && !lex().determiners.contains(&w.to_lowercase())
}

/// Capitalised words (1–4) that end `s`: the name right before a speech verb.
fn trailing_name(s: &str) -> Option<&str> {
    let s = s.trim_end().trim_end_matches(',').trim_end();
    let words: Vec<&str> = s.split(' ').collect();
    let (mut n, mut names) = (0, 0);
    for (i, w) in words.iter().enumerate().rev() {
        // A particle between two words of the name ("do" in "Sebastiao do
        // Rego Barros") does not end it, nor count towards its length.
        let inside = n > 0
            && is_name_particle(w)
            && words[..i]
                .iter()
                .rev()
                .find(|p| !is_name_particle(p))
                .is_some_and(|p| p.chars().next().is_some_and(char::is_uppercase));
        if inside {
            n += 1;
            continue;
        }
        let ok = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            && !matches!(
                *w,
                "The" | "A" | "In" | "But" | "And" | "He" | "She" | "They" | "It"
            );
        if !ok || names == 4 {
            break;
        }
        n += 1;
        names += 1;
    }
    if n == 0 {
        return None;
    }
    let len: usize = words[words.len() - n..]
        .iter()
        .map(|w| w.len() + 1)
        .sum::<usize>()
        - 1;
    s.get(s.len() - len..)
}

/// `s` without the adverbs or day names it ends with ("McGurk later" →
/// "McGurk", "Putin Thursday" → "Putin").
fn without_trailing_adverbs(s: &str) -> &str {
    let mut s = s.trim_end();
    while let Some((head, last)) = s.rsplit_once(' ') {
        let w = last.trim_end_matches(',');
        let day = w.ends_with("day")
            && lex().speaker_adverbs.contains(&w.to_lowercase())
            && w.chars().skip(1).all(|c| c.is_ascii_lowercase());
        let adverb = day
            || w.chars().all(|c| c.is_ascii_lowercase())
                && (lex().speaker_adverbs.contains(w) || (w.len() > 4 && w.ends_with("ly")));
        if !adverb {
            break;
        }
        s = head.trim_end();
    }
    s
}

/// `name` (a slice of `body`) without leading words that name a place or
/// organisation: "for Iran Brian Hook" → "Brian Hook".
fn without_leading_places<'a>(body: &'a str, name: &'a str, index: &Index<'_>) -> &'a str {
    let Some(mut at) = (name.as_ptr() as usize).checked_sub(body.as_ptr() as usize) else {
        return name;
    };
    let end = at + name.len();
    while let Some(m) = index
        .starting_in(at, at + 1)
        .iter()
        .find(|m| !m.person && m.end < end)
    {
        let rest = body.get(m.end..end).unwrap_or("");
        at = end - rest.trim_start().len();
    }
    body.get(at..end).unwrap_or(name)
}

/// How far back, in bytes, an earlier mention of a speaker is looked for:
/// the person a surname or a pronoun names ([`earlier_person`], pronouns)
/// and the last person named before a quotation. Far beyond an article,
/// it keeps the look-ups of a many-megabyte document bounded.
const LOOKBACK: usize = 64 * 1024;

/// How much of the sentence before a quotation, in bytes, is read for its
/// speaker (`X said: "…"`): a whole sentence in news, and a bound on
/// pathological ones.
const SENTENCE_WINDOW: usize = 4096;

/// The largest char boundary of `body` at or before `at`.
fn floor_boundary(body: &str, at: usize) -> usize {
    let mut at = at.min(body.len());
    while !body.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Position look-ups over one document, so that attributing a quotation
/// costs the same wherever it is: mentions by start (the resolver's order),
/// person mentions, paragraph breaks.
struct Index<'a> {
    mentions: &'a [Mention],
    /// Indices of the person mentions, in text order.
    persons: Vec<usize>,
    /// Byte offsets of the paragraph breaks ("\n\n"), ascending.
    breaks: Vec<usize>,
    /// The quotations (with their marks), in text order.
    quotes: Vec<(usize, usize)>,
}

impl<'a> Index<'a> {
    /// `mentions` must be sorted by start.
    fn new(body: &str, mentions: &'a [Mention], quotes: Vec<(usize, usize)>) -> Self {
        let persons = (0..mentions.len())
            .filter(|&i| mentions[i].person)
            .collect();
        let mut breaks = Vec::new();
        let mut from = 0;
        while let Some(p) = body.get(from..).and_then(|r| r.find("\n\n")) {
            breaks.push(from + p);
            from += p + 2;
        }
        Self {
            mentions,
            persons,
            breaks,
            quotes,
        }
    }

    /// Whether byte `at` lies inside a quotation.
    fn quoted(&self, at: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.0 <= at);
        i.checked_sub(1).is_some_and(|i| at < self.quotes[i].1)
    }

    /// The mentions that start in `lo..hi`, in text order.
    fn starting_in(&self, lo: usize, hi: usize) -> &'a [Mention] {
        let a = self.mentions.partition_point(|m| m.start < lo);
        let b = self.mentions.partition_point(|m| m.start < hi).max(a);
        &self.mentions[a..b]
    }

    /// The person mentions that start in `lo..hi`, in text order.
    fn persons_in(&self, lo: usize, hi: usize) -> impl DoubleEndedIterator<Item = &'a Mention> {
        let ms = self.mentions;
        let a = self.persons.partition_point(|&i| ms[i].start < lo);
        let b = self.persons.partition_point(|&i| ms[i].start < hi).max(a);
        self.persons[a..b].iter().map(move |&i| &ms[i])
    }

    /// Where the paragraph holding byte `at` begins.
    fn para_start(&self, at: usize) -> usize {
        let i = self.breaks.partition_point(|&p| p + 2 <= at);
        i.checked_sub(1).map_or(0, |i| self.breaks[i] + 2)
    }

    /// Where the paragraph holding byte `at` ends (the next break, or the end of `body`).
    fn para_end(&self, at: usize, body_len: usize) -> usize {
        let i = self.breaks.partition_point(|&p| p < at);
        self.breaks.get(i).copied().unwrap_or(body_len)
    }
}

#[derive(Clone)]
struct Speaker {
    name: String,
    role: Option<String>,
    actor: Option<String>,
}

/// The code (and role) of a person named before byte `before` (at most
/// [`LOOKBACK`] bytes before) whose surname is `name`'s last word, or one
/// edit away from it (for surnames of five letters or more): a person
/// mention, else an earlier quotation's speaker.
fn earlier_person(
    name: &str,
    before: usize,
    index: &Index<'_>,
    quotes: &[Quote],
) -> Option<(String, Option<String>)> {
    let surname = |n: &str| n.split_whitespace().last().map(str::to_lowercase);
    let want = surname(name)?;
    if want.chars().count() < 3 || !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let same = |other: &str| {
        surname(other).is_some_and(|o| {
            o == want
                || (want.chars().count() >= 5
                    && o.chars().count() >= 5
                    && strsim::damerau_levenshtein(&o, &want) <= 1)
        })
    };
    let since = before.saturating_sub(LOOKBACK);
    index
        .persons_in(since, before)
        .rev()
        .find(|m| m.end <= before && named_person(m) && same(&m.text))
        .map(|m| (m.code.clone(), m.role.clone()))
        .or_else(|| {
            quotes
                .iter()
                .rev()
                .take_while(|q| q.end >= since)
                .find_map(|q| {
                    let actor = q.actor.clone()?;
                    let speaker = q.speaker.as_deref()?;
                    (q.end <= before && same(speaker)).then(|| (actor, q.speaker_role.clone()))
                })
        })
}

/// A person named in the text: not a pronoun, not an anonymous role word.
fn named_person(m: &Mention) -> bool {
    m.person
        && matches!(
            m.via,
            faultline_actors::Via::Dictionary
                | faultline_actors::Via::Apposition
                | faultline_actors::Via::Introduced
        )
}

/// A personal pronoun standing for a speaker.
fn is_pronoun(name: &str) -> bool {
    matches!(
        name.to_lowercase().as_str(),
        "he" | "she" | "i" | "we" | "they"
    )
}

/// The speaker a mention names (a pronoun's mention carries its referent's
/// code, and the pronoun as its name: see [`attribute`]), named in full
/// ([`full_name`]).
fn from_mention(body: &str, m: &Mention) -> Speaker {
    Speaker {
        name: full_name(body, m),
        role: m.role.clone(),
        actor: Some(m.code.clone()),
    }
}

/// A mention's name with what completes it: the office of a possessor
/// ("the minister's office", "the president's spokesman": the office
/// speaks, `data/lexicon.toml` `speaking_offices`) and an abbreviation in
/// brackets after the name, or the name before the abbreviation ("the
/// Harbour Workers Union (HWU)").
fn full_name(body: &str, m: &Mention) -> String {
    let name = m.text.as_str();
    let after = body.get(m.end..).unwrap_or("");
    if let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
    {
        let office = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if lex().speaking_offices.contains(&office.to_lowercase()) {
            let end = m.end + (after.len() - rest.len()) + office.len();
            return body.get(m.start..end).unwrap_or(name).to_owned();
        }
    }
    if let Some(inner) = after.strip_prefix(" (")
        && let Some(close) = inner.find(')')
        && abbreviation(&inner[..close])
    {
        return body
            .get(m.start..m.end + 2 + close + 1)
            .unwrap_or(name)
            .to_owned();
    }
    let before = body.get(..m.start).unwrap_or("");
    if abbreviation(name)
        && let Some(open) = before
            .strip_suffix(" (")
            .or_else(|| before.strip_suffix('('))
        && let Some(long) = trailing_name(open).filter(|n| n.split(' ').count() >= 2)
    {
        let from = m.start - (before.len() - open.len()) - long.len();
        return body.get(from..m.end + 1).unwrap_or(name).to_owned();
    }
    name.to_owned()
}

/// An abbreviation: two to eight capitals (and digits, "&", "-").
fn abbreviation(s: &str) -> bool {
    (2..=8).contains(&s.len())
        && s.chars().any(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '-'))
}

/// True for a capital initial with its period ("K.").
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.next() == Some('.') && c.next().is_none()
}

/// True for capitals each with its period ("U.S.", "U.N."): an
/// abbreviation inside a title, no full stop.
fn dotted_acronym(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

/// The speaker named at byte `from` of the body (within a few words).
fn speaker_at(
    body: &str,
    from: usize,
    limit: usize,
    index: &Index<'_>,
    last_person: Option<&Mention>,
) -> Option<Speaker> {
    let region = body.get(from..limit.min(body.len()))?;
    let trimmed = region.trim_start();
    let start = from + region.len() - trimmed.len();
    let lead = trimmed
        .split(' ')
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '.', ';'])
        .to_lowercase();
    if matches!(lead.as_str(), "he" | "she" | "i") {
        // Named by `name_pronoun`; meanwhile the code the resolver gave
        // the pronoun, else the last person's.
        let resolved = index
            .starting_in(start, start + lead.len())
            .iter()
            .find(|m| m.start == start && m.via == faultline_actors::Via::Coreference);
        return Some(Speaker {
            name: lead,
            role: None,
            actor: resolved.or(last_person).map(|m| m.code.clone()),
        });
    }
    if lead == "it"
        && let Some(s) = body_pronoun(body, index, start)
    {
        return Some(s);
    }
    if lead == "they"
        && let Some(s) = speaking_pair(body, index, start)
    {
        return Some(s);
    }
    // A mention starting within the first few words (a person first).
    let window_end = start
        + trimmed
            .char_indices()
            .nth(60)
            .map_or(trimmed.len(), |(i, _)| i);
    let in_window: Vec<&Mention> = index
        .starting_in(start, window_end)
        .iter()
        .filter(|m| !m.appositive && m.via != faultline_actors::Via::Coreference)
        .collect();
    if let Some(m) = in_window
        .iter()
        .find(|m| m.person)
        .or_else(|| in_window.first())
    {
        // Only if nothing but articles stands before it.
        let before = body
            .get(start..m.start)
            .unwrap_or("x")
            .trim()
            .to_lowercase();
        // A title the resolver read as a mention of its own, right before
        // the person: "US Secretary of State Mike Pompeo".
        let title_mention = in_window.iter().find(|t| {
            t.start == start && t.end < m.start && body[t.end..m.start].trim().is_empty()
        });
        if m.person
            && let Some(t) = title_mention
        {
            let mut s = from_mention(body, m);
            s.role = s.role.or_else(|| Some(t.text.clone()));
            return Some(s);
        }
        let is_title = m
            .role
            .as_deref()
            .is_some_and(|r| r.eq_ignore_ascii_case(&before));
        if before.is_empty() || is_title || matches!(before.as_str(), "a" | "an" | "the" | "one") {
            // A role followed by a name ("student protester Joshua Wong"): the name speaks.
            if let Some(rest) = body.get(m.end..limit.min(body.len()))
                && rest.starts_with(' ')
                && let Some(name) = leading_name(rest.trim_start())
            {
                return Some(Speaker {
                    name: name.to_owned(),
                    role: Some(m.text.clone()),
                    actor: Some(m.code.clone()),
                });
            }
            return Some(from_mention(body, m));
        }
    }
    let min = if one_word_will_do(trimmed, limit.saturating_sub(start)) {
        1
    } else {
        2
    };
    if let Some(n) = leading_name_min(trimmed, min) {
        return Some(Speaker {
            name: n.to_owned(),
            role: None,
            actor: None,
        });
    }
    // A role in lower case, then the name: "student protester Joshua Wong".
    let mut offset = 0;
    for (k, w) in trimmed.split(' ').enumerate().take(6) {
        if w.chars().next().is_some_and(char::is_uppercase) {
            let rest = &trimmed[offset..];
            return leading_name(rest).map(|n| Speaker {
                name: n.to_owned(),
                role: (k > 0).then(|| {
                    trimmed[..offset]
                        .trim()
                        .trim_start_matches("a ")
                        .trim_start_matches("an ")
                        .to_owned()
                }),
                actor: None,
            });
        }
        if w.ends_with([',', '.', ';']) {
            break;
        }
        offset += w.len() + 1;
    }
    None
}

/// The two persons a "they" speaking at byte `at` stands for: the last two
/// named one after the other before it and joined by "and", with at most a
/// title between ("Prime Minister Ana Ruiz and Foreign Minister Luis Vega
/// said …, citing General Soto"), within a sentence or two of the quotation.
fn speaking_pair(body: &str, index: &Index<'_>, at: usize) -> Option<Speaker> {
    let named: Vec<&Mention> = index
        .persons_in(at.saturating_sub(PAIR_REACH), at)
        .filter(|p| p.end <= at && named_person(p))
        .collect();
    // At most a capitalised title between "and" and the second name ("and
    // Foreign Minister X"; not "and her aides met X").
    let joined = |first: &Mention, second: &Mention| {
        body.get(first.end..second.start)
            .map(str::trim)
            .and_then(|b| b.strip_prefix("and"))
            .is_some_and(|t| {
                t.is_empty()
                    || t.starts_with(' ')
                        && t.split_whitespace().count() <= 3
                        && t.split_whitespace()
                            .all(|w| w.starts_with(char::is_uppercase))
            })
    };
    let pair = named.windows(2).rev().find(|w| joined(w[0], w[1]))?;
    // The pair's own sentence or the one right before the quotation's: a
    // sentence between may bring another group ("Hundreds of protesters
    // gathered …").
    let since = body.get(pair[1].end..at)?;
    let stops = since.matches(". ").count() + since.matches(".\n").count();
    if stops > 1 {
        return None;
    }
    Some(Speaker {
        name: format!(
            "{} and {}",
            full_name(body, pair[0]),
            full_name(body, pair[1])
        ),
        role: None,
        actor: Some(pair[0].code.clone()),
    })
}

/// How far before a "they" speaking the pair it stands for may be named.
const PAIR_REACH: usize = 400;

/// True when one word may be a whole name at the start of `region` (`len`
/// bytes): a short region is exactly the name ("… ," Lam said); so is a
/// word a stop or a comma ends ("…," said Lam. "…"), unless it is an
/// initial or a title's abbreviation ("said Gen. Ruiz").
fn one_word_will_do(region: &str, len: usize) -> bool {
    let first = region.split(' ').next().unwrap_or("");
    let stopped = first.ends_with(['.', ',', ';'])
        && !is_initial(first)
        && !faultline_text::is_title_abbreviation(first);
    len < 40 || stopped
}

/// `"…," it said`: the body the resolver took the "it" at `start` for,
/// named as the text last named it.
fn body_pronoun(body: &str, index: &Index<'_>, start: usize) -> Option<Speaker> {
    let it = index
        .starting_in(start, start + 2)
        .iter()
        .find(|m| m.start == start && m.via == faultline_actors::Via::Coreference)?;
    let named = last_body_named(body, index, start, |m| m.code == it.code)?;
    Some(Speaker {
        name: named.text.clone(),
        role: None,
        actor: Some(it.code.clone()),
    })
}

/// The last body (not a person, not a pronoun) named before byte `before`
/// outside a quotation that closes before it, which `keep` accepts.
fn last_body_named<'i>(
    body: &str,
    index: &'i Index<'_>,
    before: usize,
    keep: impl Fn(&Mention) -> bool,
) -> Option<&'i Mention> {
    index.starting_in(0, before).iter().rev().find(|m| {
        let marks = body
            .get(m.end..before)
            .map_or(1, |gap| gap.matches(['"', '\u{201c}', '\u{201d}']).count());
        !m.person && m.via != faultline_actors::Via::Coreference && marks % 2 == 0 && keep(m)
    })
}

/// One quotation and what its attribution passes look at.
struct At<'a> {
    body: &'a str,
    index: &'a Index<'a>,
    /// The quotation with its marks.
    start: usize,
    end: usize,
    /// The quoted words.
    inner_start: usize,
    inner_end: usize,
    /// The end of the quotation's paragraph.
    para_end: usize,
    /// The sentence holding the quotation's start.
    sentence: Option<(usize, usize, usize)>,
    sentence_start: usize,
    /// Where the sentence before the quotation's starts.
    prev_sentence_start: Option<usize>,
    /// The last person named (not a pronoun) before the quotation.
    last_person: Option<&'a Mention>,
}

/// Finds the speaker of every quotation in the document.
pub fn attribute(doc: &Doc<'_>, mentions: &[Mention]) -> Vec<Quote> {
    let body = doc.body;
    // The look-ups below need the resolver's order (by start); sort a copy
    // of any other list.
    let sorted: std::borrow::Cow<'_, [Mention]> = if mentions.is_sorted_by_key(|m| m.start) {
        std::borrow::Cow::Borrowed(mentions)
    } else {
        let mut v = mentions.to_vec();
        v.sort_by_key(|m| m.start);
        std::borrow::Cow::Owned(v)
    };
    let mentions: &[Mention] = &sorted;
    let index = Index::new(
        body,
        mentions,
        doc.quotes.iter().map(|q| (q.0, q.1)).collect(),
    );
    let mut out: Vec<Quote> = Vec::new();
    // The previous quotation: its end and its speaker.
    let mut previous: Option<(usize, Option<Speaker>)> = None;
    for &(start, end, inner_start, inner_end) in &doc.quotes {
        let sentence = doc.sentence_at(start).map(|i| doc.sentences[i]);
        let at = At {
            body,
            index: &index,
            start,
            end,
            inner_start,
            inner_end,
            para_end: index.para_end(end, body.len()),
            sentence,
            sentence_start: sentence.map_or(start, |(s, _, _)| s),
            prev_sentence_start: doc
                .sentence_at(start)
                .and_then(|i| i.checked_sub(1))
                .map(|i| doc.sentences[i].0),
            last_person: index
                .persons_in(start.saturating_sub(LOOKBACK), start)
                .rev()
                .find(|m| m.end <= start && m.via != faultline_actors::Via::Coreference),
        };
        let (speaker, how) = find_speaker(&at, &out, previous.as_ref());
        let (name, role, actor) = match &speaker {
            Some(s) => (Some(s.name.clone()), s.role.clone(), s.actor.clone()),
            None => (None, None, None),
        };
        previous = Some((end, speaker));
        out.push(Quote {
            speaker: name,
            speaker_role: role,
            actor,
            text: body.get(inner_start..inner_end).unwrap_or("").to_owned(),
            start: inner_start,
            end: inner_end,
            attribution: how,
        });
    }
    out
}

/// The speaker of one quotation and how it was found, trying the places in
/// order (after, before, according to, paragraph, continuation), then
/// naming a pronoun speaker and giving a bare name the code of the person
/// named earlier.
fn find_speaker(
    at: &At<'_>,
    out: &[Quote],
    previous: Option<&(usize, Option<Speaker>)>,
) -> (Option<Speaker>, &'static str) {
    let continuation = previous
        .and_then(|(prev_end, prev)| prev.as_ref().map(|p| (*prev_end, p)))
        .filter(|(prev_end, _)| at.start.saturating_sub(*prev_end) < 400);
    let (mut speaker, how) = if let Some(s) = speaker_after(at) {
        (Some(s), "after")
    } else if let Some(s) = speaker_before(at) {
        (Some(s), "before")
    } else if let Some(s) = speaker_according_to(at) {
        (Some(s), "according-to")
    } else if let Some(s) = speaker_of_paragraph(at, out) {
        (Some(s), "paragraph")
    } else if let Some((_, prev)) = continuation {
        (Some(prev.clone()), "continuation")
    } else {
        (None, "none")
    };
    if let Some(s) = &speaker
        && is_pronoun(&s.name)
        && let Some(named) = name_pronoun(at, s, continuation)
    {
        speaker = Some(named);
    }
    if let Some(s) = &speaker
        && is_bare_role(&s.name)
        && let Some(named) = name_role(at, s, out)
    {
        speaker = Some(named);
    }
    if let Some(s) = &speaker
        && let Some(named) = name_description(at, s)
    {
        speaker = Some(named);
    }
    if let Some(s) = &speaker
        && let Some(sender) = name_message(at, s, out)
    {
        speaker = Some(sender);
    }
    if let Some(s) = &speaker
        && lex().body_pronouns.contains(&s.name.to_lowercase())
        && let Some(body) = body_of_last_tag(at)
    {
        speaker = Some(body);
    }
    // A name without a code ("…," Saree said) is a person named earlier
    // with a code: by surname, or by a surname one letter apart (news
    // copy spells transliterated names both ways: Sarea, Saree).
    if let Some(s) = &mut speaker
        && s.actor.is_none()
        && !is_pronoun(&s.name)
        && let Some((actor, role)) = earlier_person(&s.name, at.start, at.index, out)
    {
        s.actor = Some(actor);
        s.role = s.role.take().or(role);
    }
    (speaker, how)
}

/// How far before the nearest name, in bytes, the subject a pronoun
/// speaker stands for may be: one sentence of news.
const SUBJECT_REACH: usize = 200;

/// A pronoun speaker ("he said") is named: right after another quotation,
/// by that quotation's named speaker ("He added, …") when nobody else is
/// named between them; else by the person the pronoun stands for
/// ([`names::antecedent`]), unless the pronoun's code (the resolver's, or
/// the last person's) is that of a person named shortly before that one,
/// the subject whose object it was ("Clark accused the general …"), who
/// then speaks; else by the last person named before the quotation with
/// the pronoun's code.
fn name_pronoun(
    at: &At<'_>,
    s: &Speaker,
    continuation: Option<(usize, &Speaker)>,
) -> Option<Speaker> {
    let (index, start) = (at.index, at.start);
    let ante = names::antecedent(at.body, index, start);
    if let Some((prev_end, prev)) = continuation
        && !is_pronoun(&prev.name)
        && !names_a_body(&prev.name)
        && ante
            .as_ref()
            .is_none_or(|a| a.start < prev_end || same_surname(a.name, &prev.name))
    {
        // The pronoun's own code came from the resolver's guess at its
        // antecedent, which may be someone else: the named speaker's code
        // (or none) is kept.
        return Some(prev.clone());
    }
    if let Some(a) = ante {
        // The resolver takes a subject pronoun of a speech verb ("…," she
        // told TV One) for the last sentence's subject (without its guess,
        // the pronoun has the last person's code): when a person of that
        // code was named shortly before the nearest name, of another code
        // ("Clark accused the general …"), that subject speaks.
        let other = a
            .mention
            .is_some_and(|m| s.actor.as_deref().is_some_and(|c| c != m.code));
        if other
            && let Some(subject) = person_with_code(at, s)
                .filter(|p| p.start < a.start && a.start - p.start <= SUBJECT_REACH)
        {
            return Some(from_mention(at.body, subject));
        }
        return Some(named_speaker(&a));
    }
    person_with_code(at, s).map(|m| from_mention(at.body, m))
}

/// The last person named before the quotation with the pronoun's code.
fn person_with_code<'a>(at: &At<'a>, s: &Speaker) -> Option<&'a Mention> {
    let (index, start) = (at.index, at.start);
    index
        .persons_in(start.saturating_sub(LOOKBACK), start)
        .rev()
        .find(|p| p.end <= start && named_person(p) && s.actor.as_deref() == Some(p.code.as_str()))
}

/// The speaker of a speech tag that closes the quotation's sentence after
/// a clause of its own (`"The envoy must go" after Peru demanded an
/// apology it never received, Chile's foreign minister said.`): the words
/// after the sentence's last comma, a verb of saying among their first
/// twelve. `a` is the text after the closing mark, at byte `a_off`.
fn tail_speaker(at: &At<'_>, a: &str, a_off: usize) -> Option<Speaker> {
    let sentence = a.find(". ").map_or(a, |i| &a[..=i]);
    let comma = sentence.rfind(", ")?;
    let tail = &sentence[comma + 2..];
    let verb_at = tail.split(' ').take(12).position(is_say)?;
    if verb_at == 0 {
        return None;
    }
    let head: usize = tail.split(' ').take(verb_at).map(|w| w.len() + 1).sum();
    let from = a_off + comma + 2;
    speaker_at(at.body, from, from + head, at.index, at.last_person)
}

/// The speaker an "it" stands for (`body_pronouns`: "It said Britain was
/// planning …"): who the last speech tag of the sentence before names
/// ("…, the ministry said in a statement."), after that tag's last comma.
fn body_of_last_tag(at: &At<'_>) -> Option<Speaker> {
    let from = at.prev_sentence_start?;
    let text = at.body.get(from..at.sentence_start)?;
    let mut offset = 0;
    let mut say = None;
    for w in text.split(' ') {
        if is_say(w) {
            say = Some(offset);
        }
        offset += w.len() + 1;
    }
    let say = say?;
    let lead_from = text[..say].rfind(", ").map_or(0, |c| c + 2);
    let lead = text[lead_from..say].trim();
    speaker_at(
        at.body,
        from + lead_from,
        from + say,
        at.index,
        at.last_person,
    )
    .or_else(|| description(at, from + lead_from, lead))
    .filter(|s| names_a_body(&s.name))
}

/// True when a speaker is a person's office alone, in lower case ("added
/// the chancellor", "the prime minister said"): a word of
/// `individual_roles` last, and no name.
fn is_bare_role(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    !name.chars().any(char::is_uppercase)
        && faultline_actors::lexicon::lex()
            .individual_roles
            .contains(last)
}

/// A bare office as speaker ("…," added the chancellor) is, among those
/// with the office's code, the person quoted last before it whose role
/// names the whole office ("Israeli Prime Minister" for "the prime
/// minister", not "Foreign Minister" for "the defence minister"); else
/// the person so named last before it; else the person quoted, then
/// named, last before it with that code.
fn name_role(at: &At<'_>, s: &Speaker, out: &[Quote]) -> Option<Speaker> {
    let office = s.name.strip_prefix("the ").unwrap_or(&s.name);
    let holds = |role: Option<&str>| role.is_some_and(|r| r.to_lowercase().contains(office));
    let code = s.actor.as_deref()?;
    let earlier: Vec<&Quote> = out
        .iter()
        .filter(|q| {
            q.end <= at.start
                && q.actor.as_deref() == Some(code)
                && q.speaker
                    .as_deref()
                    .is_some_and(|n| n.chars().any(char::is_uppercase) && !is_pronoun(n))
        })
        .collect();
    let quoted = |q: &&Quote| Speaker {
        name: q.speaker.clone().unwrap_or_default(),
        role: q.speaker_role.clone(),
        actor: q.actor.clone(),
    };
    let named: Vec<&Mention> = at
        .index
        .persons_in(at.start.saturating_sub(LOOKBACK), at.start)
        .filter(|p| p.end <= at.start && named_person(p) && p.code == code)
        .collect();
    earlier
        .iter()
        .rev()
        .find(|q| holds(q.speaker_role.as_deref()))
        .map(quoted)
        .or_else(|| {
            named
                .iter()
                .rev()
                .find(|m| holds(m.role.as_deref()))
                .map(|m| from_mention(at.body, m))
        })
        .or_else(|| earlier.last().map(quoted))
        .or_else(|| named.last().map(|m| from_mention(at.body, m)))
}

/// The person mention of the quotation's sentence (or the one after it)
/// that describes a speaker by office and country alone, with no name: its
/// role is its whole text ("the Uzbek president", "the top Filipino
/// diplomat", "Chile's president"); it ends the speaker's name, which does
/// not open with "a" or "an" (someone not named before).
fn description_mention<'a>(at: &At<'a>, s: &Speaker) -> Option<&'a Mention> {
    let name = s.name.to_lowercase();
    let hi = at.index.para_end(at.end, at.body.len());
    let m = at.index.persons_in(at.sentence_start, hi).find(|m| {
        m.role.as_deref() == Some(m.text.as_str())
            && m.country.is_some()
            && name.ends_with(&m.text.to_lowercase())
    })?;
    let before = at.body.get(..m.start).unwrap_or("");
    let word = before.split_whitespace().next_back().unwrap_or("");
    (!word.eq_ignore_ascii_case("a") && !word.eq_ignore_ascii_case("an")).then_some(m)
}

/// How far before a quotation, in bytes, the sender of a message speaking
/// in it may be named: a paragraph or two of news.
const SENDER_REACH: usize = 1200;

/// A message as speaker ("…," a statement said; "the announcement said")
/// is its sender: the one named right after the last mention of the same
/// message (the same noun) before the quotation ("an official statement
/// of the Greek ministry"), or as its possessor ("the ministry's
/// statement"), else the speaker of the quotation before, when it has a
/// code and is no message itself ("Eritrea's Foreign Ministry said …" then
/// "…," a statement said). The message stays as the role.
fn name_message(at: &At<'_>, s: &Speaker, out: &[Quote]) -> Option<Speaker> {
    if let Some(sender) = sender_in_name(&s.name) {
        return Some(Speaker {
            name: sender.to_owned(),
            role: Some(s.name.clone()),
            actor: s.actor.clone(),
        });
    }
    if !is_message(&s.name) {
        return None;
    }
    let noun = office_word(&s.name);
    let from = at.start.saturating_sub(SENDER_REACH);
    let sender = at.index.starting_in(from, at.start).iter().rev().find(|m| {
        m.end <= at.start && (sent_by(at.body, m.start, &noun) || sends(at.body, m.end, &noun))
    });
    let last = out.last().filter(|q| q.end + SENDER_REACH >= at.start);
    // The nearer of the two: a message named after the last quotation, or
    // the last quotation's speaker.
    if let Some(m) = sender.filter(|m| last.is_none_or(|q| m.start > q.end)) {
        return Some(Speaker {
            name: full_name(at.body, m),
            role: Some(s.name.clone()),
            actor: Some(m.code.clone()),
        });
    }
    let q = last?;
    let name = q
        .speaker
        .clone()
        .filter(|n| !is_message(n) && !is_pronoun(n))?;
    // A person quoted before is no message's sender ("…," Ruiz said.
    // "…," according to the statement).
    let person = at
        .index
        .persons_in(from, at.start)
        .any(|m| m.text == name || name.ends_with(&m.text));
    if person {
        return None;
    }
    Some(Speaker {
        name,
        role: Some(s.name.clone()),
        actor: Some(q.actor.clone()?),
    })
}

/// True when word `w` is the message `noun`, in the singular or the plural
/// ("statement", "statements"): the same message, not another one (the
/// letter answered is not the statement that answers it).
fn same_message(w: &str, noun: &str) -> bool {
    let w = w.trim_end_matches([',', '.', ';', ':']).to_lowercase();
    lex().message_nouns.contains(w.as_str())
        && (w == noun || w.strip_suffix('s') == Some(noun) || noun.strip_suffix('s') == Some(&w))
}

/// The sender a speaker's name gives after a message and a preposition of
/// its sender ("A statement by the Lebanese army" is the Lebanese army's):
/// at most two words before the message, and a capitalised name after the
/// preposition ("a letter of protest" names no one).
fn sender_in_name(name: &str) -> Option<&str> {
    let mut offset = 0;
    let mut words = name.split(' ').enumerate();
    while let Some((k, w)) = words.next() {
        offset += w.len() + 1;
        if k > 2 {
            return None;
        }
        if lex().message_nouns.contains(w.to_lowercase().as_str()) {
            let (_, p) = words.next()?;
            let rest = name.get(offset + p.len() + 1..)?;
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            // A name, not a topic ("a message of solidarity from …").
            let named = rest.starts_with(char::is_uppercase);
            return (lex().sender_prepositions.contains(p) && named).then_some(rest);
        }
    }
    None
}

/// True when a speaker is a message in lower case ("a statement", "the
/// joint communique"): its last word is one of `message_nouns`.
fn is_message(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    !name.chars().any(char::is_uppercase) && lex().message_nouns.contains(last.as_str())
}

/// True when a possessive and a message follow byte `at`, the end of its
/// sender's mention ("the foreign ministry's statement", "Chile's official
/// note"): at most one word between.
fn sends(body: &str, at: usize, noun: &str) -> bool {
    let after = body.get(at..).unwrap_or("");
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
    else {
        return false;
    };
    rest.split_whitespace()
        .take(2)
        .any(|w| same_message(w, noun))
}

/// True when a message and a preposition of its sender stand right
/// before byte `at` ("a statement of the Greek ministry", "the
/// announcement by Ghana's army"): `sender_prepositions`.
fn sent_by(body: &str, at: usize, noun: &str) -> bool {
    let before = body.get(..at).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    let mut word = words.next();
    if word.is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        word = words.next();
    }
    let preposition = word.is_some_and(|w| lex().sender_prepositions.contains(w));
    preposition && words.next().is_some_and(|w| same_message(w, noun))
}

/// True when a person titled `held` may be described as the `office`: a
/// leader is one of `leader_titles` ("president", "minister" of "Prime
/// Minister"), a diplomat one of `diplomat_titles` ("ambassador", "envoy",
/// "minister" of "Foreign Minister").
fn office_kin(office: &str, held: &str) -> bool {
    match office {
        "leader" => lex().leader_titles.contains(held),
        "diplomat" => lex().diplomat_titles.contains(held),
        _ => false,
    }
}

/// The office a description names: its last word, in lower case.
fn office_word(text: &str) -> String {
    text.rsplit(' ').next().unwrap_or(text).to_lowercase()
}

/// A speaker described by office and country alone ([`description_mention`])
/// is the person of that country named last before the quotation whose
/// title fits the office ([`office_kin`]: "the Ghanaian leader" is the
/// President of Ghana), or one whose title ends in the same office word,
/// or a person named without a title. An office of someone left unnamed
/// (`unnamed_offices`: "the Kenyan official said") names no one. The description's code is kept (it names the
/// office); the person's name replaces it.
fn name_description(at: &At<'_>, s: &Speaker) -> Option<Speaker> {
    let m = description_mention(at, s)?;
    let office = office_word(&m.text);
    if lex().unnamed_offices.contains(office.as_str()) {
        return None;
    }
    let fits = |p: &Mention| {
        p.role.as_deref().is_none_or(|r| {
            let held = office_word(r);
            held == office
                || office_kin(&office, &held)
                || !faultline_actors::lexicon::lex()
                    .individual_roles
                    .contains(held.as_str())
        })
    };
    let person = at
        .index
        .persons_in(at.start.saturating_sub(LOOKBACK), at.start)
        .rev()
        .find(|p| {
            p.end <= at.start
                && (p.end <= m.start || p.start >= m.end)
                && named_person(p)
                && p.country == m.country
                && fits(p)
        })?;
    Some(Speaker {
        name: full_name(at.body, person),
        role: Some(m.text.clone()),
        actor: s.actor.clone().or_else(|| Some(m.code.clone())),
    })
}

/// True when a speaker is a body or a document the text names in lower
/// case ("ministry", "the statement"), not a person: "he" or "she" does
/// not go on with it.
fn names_a_body(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    !name.chars().any(char::is_uppercase)
        && !faultline_actors::lexicon::lex()
            .individual_roles
            .contains(last)
}

/// The speaker a found name is: its mention's, or the name alone.
fn named_speaker(n: &names::Named<'_>) -> Speaker {
    match n.mention {
        Some(m) => Speaker {
            name: m.text.clone(),
            role: m.role.clone(),
            actor: Some(m.code.clone()),
        },
        None => Speaker {
            name: n.name.to_owned(),
            role: None,
            actor: None,
        },
    }
}

/// Whether two names end in the same word ("Lam", "Carrie Lam").
fn same_surname(a: &str, b: &str) -> bool {
    let last = |n: &str| n.split_whitespace().last().map(str::to_lowercase);
    last(a).is_some_and(|x| Some(x) == last(b))
}

/// Place 1, after: `"…," said X` or `"…," X said`.
fn speaker_after(at: &At<'_>) -> Option<Speaker> {
    let (body, index, end) = (at.body, at.index, at.end);
    let after = body.get(end..at.para_end).unwrap_or("");
    let a = after.trim_start_matches([',', ' ', '.', '!', '?']);
    let a_off = end + (after.len() - a.len());
    // `"…". They called on …`: a full stop after the closing mark ends the
    // sentence, so what follows is not an attribution.
    let closed = after[..after.len() - a.len()].contains(['.', '!', '?']);
    // `"… from Yemen." BBC's Jonathan Marcus said …`: a quotation that ends
    // its own sentence with a full stop is not attributed after it (an
    // attribution follows a comma: `"…," she said`).
    let full_stop = body
        .get(at.inner_start..at.inner_end)
        .is_some_and(|t| t.trim_end().ends_with('.'));
    if a.is_empty() || a.starts_with(['"', '“']) || closed || full_stop {
        return None;
    }
    let (a, a_off) = past_continuation(a, a_off);
    let first = a.split(' ').next().unwrap_or("");
    if is_say(first) {
        let from = a_off + first.len();
        return speaker_at(body, from, at.para_end, index, at.last_person)
            .or_else(|| described_after_verb(at, from));
    }
    // A title and a name may take a dozen words before the verb ("…,"
    // the regional director of the Red Cross, Ana Ruiz, said).
    let Some(verb_at) = a.split(' ').take(12).position(is_say) else {
        return tail_speaker(at, a, a_off);
    };
    let head: usize = a.split(' ').take(verb_at).map(|w| w.len() + 1).sum();
    // `"…," the Daily Star quoted the minister as saying`: the one quoted
    // speaks, not the outlet.
    let (a, a_off, head, verb_at) = quoted_as(a, a_off, head, verb_at);
    // A stop before the verb ends the sentence; a middle initial's period
    // ("Alberto K. Fujimori said") or a title's ("Lt. Gen. Ana Ruiz said")
    // does not.
    let stops = a
        .get(..head)
        .unwrap_or(".")
        .split(' ')
        .collect::<Vec<_>>()
        .windows(2)
        .any(|p| {
            let (w, next) = (p[0], p[1]);
            let abbreviated =
                is_initial(w) || dotted_acronym(w) || faultline_text::is_title_abbreviation(w);
            w.contains(';') || w.contains('.') && !(abbreviated && name_goes_on(next))
        });
    if stops {
        return None;
    }
    // A long title before the name: the name that ends it speaks.
    let lead_end = a_off + head.saturating_sub(1);
    let person_ends_it = index
        .starting_in(a_off, lead_end)
        .iter()
        .any(|m| m.person && m.end >= lead_end);
    if verb_at > 3
        && !person_ends_it
        && let Some(lead) = body.get(a_off..lead_end)
        && let Some(s) = name_with_title(at, a_off, lead)
        && s.name.split(' ').count() >= 2
    {
        return Some(s);
    }
    speaker_at(body, a_off, a_off + head, index, at.last_person).or_else(|| {
        // `"…," a senior European diplomat told Reuters`: a speaker the
        // text only describes.
        let lead = body.get(a_off..lead_end)?;
        let first = lead.split(' ').next()?.to_lowercase();
        lex()
            .modifier_determiners
            .contains(&first)
            .then(|| description(at, a_off, lead))
            .flatten()
    })
}

/// `"…," said a senior Western diplomat who asked not to be named`: a
/// speaker the text only describes right after the verb, up to a comma, a
/// stop or a relative pronoun (`clause_links`).
fn described_after_verb(at: &At<'_>, from: usize) -> Option<Speaker> {
    let rest = at.body.get(from..at.para_end)?;
    let lead = rest.trim_start();
    let from = from + rest.len() - lead.len();
    let first = lead.split(' ').next()?.to_lowercase();
    if !lex().modifier_determiners.contains(&first) {
        return None;
    }
    let mut end = 0;
    for w in lead.split(' ') {
        let clean = w.trim_end_matches([',', '.', ';', ':']);
        if lex().clause_links.contains(&clean.to_lowercase()) {
            break;
        }
        if clean.len() != w.len() {
            end += clean.len();
            break;
        }
        end += w.len() + 1;
    }
    let phrase = lead.get(..end.min(lead.len()))?.trim_end();
    // "said a statement issued by the presidency": its issuer speaks.
    let issuer = phrase.find(" by ").and_then(|b| {
        at.index
            .starting_in(from + b + 4, from + phrase.len())
            .first()
            .map(|m| from_mention(at.body, m))
    });
    issuer.or_else(|| description(at, from, phrase))
}

/// `"…" to South Korea, the ambassador said`: when the words after a
/// quotation go on with its sentence (a lower-case word that is no
/// determiner and no speech verb), the tag opens after the next comma, within
/// eight words; `(a, a_off)` otherwise.
fn past_continuation(a: &str, a_off: usize) -> (&str, usize) {
    let first = a.split(' ').next().unwrap_or("");
    let lower = first.chars().next().is_some_and(char::is_lowercase);
    let opens_tag = is_say(first)
        || is_pronoun(first)
        || lex().determiners.contains(first)
        || lex().modifier_determiners.contains(first);
    if !lower || opens_tag {
        return (a, a_off);
    }
    let reach: usize = a.split(' ').take(8).map(|w| w.len() + 1).sum();
    let Some(c) = a.get(..reach.min(a.len())).and_then(|h| h.find(", ")) else {
        return (a, a_off);
    };
    // Not past a tag of its own ("according to the ministry, which …"),
    // nor past the sentence's end ("… along the border. Earlier, X …"),
    // nor into a clause of its own ("…, and the minister said").
    let tagged = a[..c]
        .split(' ')
        .any(|w| is_say(w) || lex().reported_by.contains(w));
    let opens_clause = a[c + 2..]
        .split(' ')
        .next()
        .is_some_and(|w| lex().continuation_stops.contains(&w.to_lowercase()));
    if tagged || opens_clause || a[..c].contains(['.', '!', '?', ';']) {
        (a, a_off)
    } else {
        (&a[c + 2..], a_off + c + 2)
    }
}

/// For a tag `O quoted X as saying` (`quoting_verbs`, `quoting_links`):
/// the words after the quoting verb up to the link, as `(a, a_off, head,
/// verb_at)` of [`speaker_after`] (the text from the speaker on, its
/// offset, the bytes and words before the link); else the tag unchanged.
fn quoted_as(a: &str, a_off: usize, head: usize, verb_at: usize) -> (&str, usize, usize, usize) {
    let words: Vec<&str> = a.split(' ').take(verb_at).collect();
    let linked = words
        .last()
        .is_some_and(|w| lex().quoting_links.contains(&w.to_lowercase()));
    let Some(q) = words
        .iter()
        .position(|w| lex().quoting_verbs.contains(&w.to_lowercase()))
        .filter(|&q| linked && q + 2 < words.len())
    else {
        return (a, a_off, head, verb_at);
    };
    let skip: usize = words[..=q].iter().map(|w| w.len() + 1).sum();
    let link = words.last().map_or(0, |w| w.len() + 1);
    let rest = a.get(skip..).unwrap_or("");
    (rest, a_off + skip, head - skip - link, words.len() - q - 2)
}

/// Place 2, before: `X said: "…"`, `X told reporters that "…"`.
fn speaker_before(at: &At<'_>) -> Option<Speaker> {
    let body = at.body;
    let sentence_start = at.sentence_start.max(floor_boundary(
        body,
        at.start.saturating_sub(SENTENCE_WINDOW),
    ));
    let before = body.get(sentence_start..at.start).unwrap_or("").trim_end();
    let b = before.trim_end_matches([':', ',']).trim_end();
    let b = b.strip_suffix(" that").unwrap_or(b).trim_end();
    let words: Vec<&str> = b.split(' ').collect();
    let Some(pos) = (0..words.len())
        .rev()
        .find(|&i| is_say(words[i]) && !say_noun(&words, i))
        .filter(|&p| p + 14 >= words.len())
    else {
        return colon_subject(at, sentence_start, before);
    };
    let head: usize = words[..pos].iter().map(|w| w.len() + 1).sum();
    let mut region_end = sentence_start + head.min(b.len());
    while !body.is_char_boundary(region_end) {
        region_end -= 1;
    }
    // Adverbs between the speaker and the verb ("McGurk later wrote",
    // "Smith also said") are not part of the name.
    let lead = without_trailing_adverbs(body.get(sentence_start..region_end).unwrap_or(""));
    let region_end = sentence_start + lead.len();
    // "On Friday, X said", "X, in remarks to a newspaper, said": the
    // introductory phrase and the aside are not the speaker.
    // A participle after the main clause ("X posted …, saying", "X
    // denounced …, calling it"): the clause's subject speaks.
    // So does a speech verb joined to the clause's first verb by "and"
    // ("X congratulated Y and declared …").
    let coordinated = lead
        .rsplit_once(' ')
        .is_some_and(|(_, w)| lex().speech_coordinators.contains(w))
        && !lead.contains(['"', '“', '”']);
    let participle = words[pos]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .ends_with("ing")
        && words[..pos].last().is_some_and(|w| w.ends_with(','));
    let pronoun = words[..pos]
        .last()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "he" | "she"));
    let from_intro = |participles: bool| {
        let start = after_intro(body, at.index, sentence_start, region_end, participles);
        let lead = without_aside(body.get(start..region_end).unwrap_or(""));
        let how = (participle || coordinated, coordinated);
        before_verb(at, start, start + lead.len(), lead, how, pronoun)
    };
    // An opening "-ing" word may be a name the dictionaries lack
    // ("Pickering on Monday, in a statement, said"): read from the
    // sentence start when the participle's cut finds no one.
    from_intro(true).or_else(|| from_intro(false))
}

/// True when the speech word at `i` of `words` is a noun or an adjective:
/// capitalised inside the sentence ("the United States"), or after a
/// possessive or a word of `say_noun_modifiers` ("the claims", "May's
/// proposed deal", "EU member states"; not "that", as in "a statement that
/// said …").
fn say_noun(words: &[&str], i: usize) -> bool {
    let capital = i > 0 && words[i].chars().next().is_some_and(char::is_uppercase);
    let before = i
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .map(|w| w.to_lowercase());
    capital
        || before.is_some_and(|b| {
            lex().say_noun_modifiers.contains(&b) || b.ends_with("'s") || b.ends_with("’s")
        })
}

/// A quotation a colon introduces ("X praised the plan: "…""), in its
/// sentence or opening the paragraph after one that ends in a colon: the
/// subject of the introducing sentence speaks — a pronoun's person, a
/// mention or a name opening it, after any introductory phrase.
fn colon_subject(at: &At<'_>, sentence_start: usize, before: &str) -> Option<Speaker> {
    let body = at.body;
    let (from, to) = if before.trim().is_empty() {
        let prev = at.prev_sentence_start?;
        let text = body.get(prev..sentence_start)?.trim_end();
        if !text.ends_with(':') {
            return None;
        }
        (prev, prev + text.len())
    } else if before.ends_with(':') {
        (sentence_start, sentence_start + before.len())
    } else {
        return None;
    };
    let from = after_intro(body, at.index, from, to, true);
    let text = body.get(from..to)?;
    let first = text.split_whitespace().next().unwrap_or("");
    if matches!(first, "He" | "She" | "he" | "she") {
        return names::antecedent(body, at.index, from).map(|n| named_speaker(&n));
    }
    // A mention opening the subject, after an article at most.
    let article = ["The ", "the ", "A ", "a ", "An ", "an "]
        .iter()
        .find(|a| text.starts_with(*a))
        .map_or(0, |a| a.len());
    let lead_end = from + article;
    if let Some(m) = at
        .index
        .starting_in(from, lead_end + 1)
        .iter()
        .find(|m| !m.appositive)
    {
        return Some(from_mention(body, m));
    }
    leading_name(&text[article..]).map(|n| Speaker {
        name: n.to_owned(),
        role: None,
        actor: None,
    })
}

/// The speaker in the words before a speech verb (`sentence_start` to
/// `region_end`, `lead` their text): the subject of a participle clause, a
/// mention ending right before the verb, a name there, the nearest mention,
/// the last person for "he"/"she", or a name opening the sentence.
fn before_verb(
    at: &At<'_>,
    sentence_start: usize,
    region_end: usize,
    lead: &str,
    (participle, coordinated): (bool, bool),
    pronoun: bool,
) -> Option<Speaker> {
    let (body, index) = (at.body, at.index);
    // Objects of a preposition and the first half of a compound
    // ("pro-government", "anti-Western") do not speak.
    let not_object = |m: &&Mention| {
        !after_preposition(body, sentence_start, m.start) && !body[..m.start].ends_with('-')
    };
    let in_lead: Vec<&Mention> = index
        .starting_in(sentence_start, region_end)
        .iter()
        .filter(|m| m.end <= region_end && !m.appositive)
        .collect();
    // The first person named in the sentence, else its first actor that is
    // not the object of a preposition.
    // Of a coordinated verb ("the government announced …, and said"),
    // the first actor is the clause's subject, person or not.
    let subject = in_lead
        .iter()
        .find(|m| m.person && !coordinated)
        .or_else(|| in_lead.iter().find(|m| not_object(m)));
    if participle {
        // A name the dictionaries do not know among the subject's first
        // words ("a senator, Ana Ruiz, backed the bill, telling …").
        let named = names::opening_name(body, index, sentence_start, region_end);
        match (subject, named) {
            (Some(m), _) if m.person || coordinated => return Some(from_mention(body, m)),
            (_, Some(n)) => return Some(named_speaker(&n)),
            (Some(m), None) => return Some(from_mention(body, m)),
            (None, None) => {}
        }
    }
    // "He went on, noting that …": a pronoun subject.
    if let Some(w) = lead
        .split_whitespace()
        .next()
        .filter(|w| matches!(*w, "He" | "She" | "he" | "she"))
    {
        return Some(Speaker {
            name: w.to_owned(),
            role: None,
            actor: at.last_person.map(|m| m.code.clone()),
        });
    }
    // A mention ending right before the verb. Objects of a preposition
    // ("speaking to the Atlantic Council called …") are not the speaker.
    let adjacent = index
        .starting_in(sentence_start, region_end)
        .iter()
        .find(|m| m.end + 2 >= region_end && m.end <= region_end && !m.appositive && not_object(m));
    if let Some(m) = adjacent {
        return Some(from_mention(body, m));
    }
    if let Some(s) = name_with_title(at, sentence_start, lead) {
        return Some(s);
    }
    let nearest = index
        .starting_in(sentence_start, region_end + 1)
        .iter()
        .rev()
        .find(|m| m.end <= region_end + 1 && !m.appositive && not_object(m));
    if let Some(m) = nearest {
        return Some(from_mention(body, m));
    }
    if pronoun {
        let word = lead.split_whitespace().last().unwrap_or("he");
        return Some(Speaker {
            name: word.to_owned(),
            role: None,
            actor: at.last_person.map(|m| m.code.clone()),
        });
    }
    let lead = body.get(sentence_start..region_end).unwrap_or("").trim();
    leading_name(lead)
        .map(|n| Speaker {
            name: n.to_owned(),
            role: None,
            actor: None,
        })
        .or_else(|| description(at, sentence_start, lead))
}

/// The start of the subject after an introductory phrase that ends in a
/// comma and opens with a word of `data/lexicon.toml` `intro_openers`
/// ("On Saturday, officials said", "Speaking to reporters, she said"):
/// `from` itself when there is none.
fn after_intro(body: &str, index: &Index<'_>, from: usize, to: usize, participles: bool) -> usize {
    let Some(text) = body.get(from..to) else {
        return from;
    };
    let lead = body.len() - body[from..].trim_start().len();
    let named = index
        .starting_in(lead, lead + 1)
        .iter()
        .any(|m| m.start == lead);
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(',')
        .to_lowercase();
    // An introduction is short: its comma within its first ten words; a
    // participle's clause ("Noting that …, Rao said") may run to twenty.
    let limit = if lex().intro_openers.contains(&first) {
        10
    } else if participles
        && !named
        && !lex().reported_by.contains(&first)
        && participle_opening(text)
    {
        20
    } else {
        0
    };
    match text.find(", ") {
        Some(comma) if limit > 0 && text[..comma].split_whitespace().count() <= limit => {
            from + comma + 2
        }
        _ => from,
    }
}

/// True when `text` opens with a present participle and its clause
/// ("Noting that …", "Responding to a question …"): an "-ing" word of more
/// than four letters, no comma on it, a lower-case word after it (the
/// caller checks it names no actor, "Beijing on Monday, …", and is no
/// attribution, "According to X, …").
fn participle_opening(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    first.len() > 4
        && first.ends_with("ing")
        && first.chars().all(char::is_alphabetic)
        && second.chars().next().is_some_and(char::is_lowercase)
}

/// `lead` without an aside that ends it: "Ana Ruiz, in remarks to a
/// newspaper," → "Ana Ruiz" (an aside opens with an `intro_openers` word
/// or a relative pronoun of `aside_relatives`: "Ghana, which chairs the
/// bloc," → "Ghana").
fn without_aside(lead: &str) -> &str {
    let trimmed = lead.trim_end();
    let Some(open) = trimmed.strip_suffix(',') else {
        return lead;
    };
    match open.rfind(", ") {
        Some(comma) => {
            let first = open[comma + 2..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            // Or a relative clause ("Ghana, which chairs ECOWAS,").
            if lex().intro_openers.contains(&first) || lex().aside_relatives.contains(&first) {
                &open[..comma]
            } else {
                lead
            }
        }
        None => lead,
    }
}

/// A speaker the text only describes ("some of the protesters", "two
/// officials from the ministry"): the subject phrase itself, when short, with
/// the code of the actor it names.
fn description(at: &At<'_>, from: usize, lead: &str) -> Option<Speaker> {
    let words: Vec<&str> = lead.split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    if words.len() > 8
        || lead.contains([',', '"', '“', '”', ';', ':'])
        || lex().pronoun_subjects.contains(&words[0].to_lowercase())
        || lex().clause_links.contains(&last)
    {
        return None;
    }
    let actor = at
        .index
        .starting_in(from, from + lead.len() + 1)
        .first()
        .map(|m| m.code.clone());
    Some(Speaker {
        name: lead.to_owned(),
        role: None,
        actor,
    })
}

/// A name the dictionaries do not know right before the verb; the title
/// before it gives its code: "US Special Representative for Iran Brian
/// Hook" → the US (not Iran, after "for").
fn name_with_title(at: &At<'_>, sentence_start: usize, lead: &str) -> Option<Speaker> {
    let (body, index) = (at.body, at.index);
    let name = trailing_name(lead)
        .map(|n| without_leading_places(body, n, index))
        .filter(|n| n.split(' ').count() >= 2 || lead.trim().len() == n.len())
        .filter(|n| {
            let at = (n.as_ptr() as usize).saturating_sub(body.as_ptr() as usize);
            !after_preposition(body, sentence_start, at)
        })?;
    let at = (name.as_ptr() as usize).saturating_sub(body.as_ptr() as usize);
    let title = index
        .starting_in(sentence_start, at)
        .iter()
        .rev()
        .find(|m| {
            m.end <= at
                && !m.appositive
                && !after_preposition(body, sentence_start, m.start)
                && !body[m.end..at].contains([',', ';', ':', '"', '“', '”'])
                && body[m.end..at].split_whitespace().count() <= 4
        });
    Some(Speaker {
        name: name.to_owned(),
        role: title.map(|t| body[t.start..at].trim().to_owned()),
        actor: title.map(|t| t.code.clone()),
    })
}

/// Place 3: "according to X", in the sentence.
fn speaker_according_to(at: &At<'_>) -> Option<Speaker> {
    let (body, start, end) = (at.body, at.start, at.end);
    let sentence_end = at.sentence.map_or(at.para_end, |(_, e, _)| e);
    // Only the words near the quotation, in a sentence of any length.
    let lo = at
        .sentence_start
        .max(floor_boundary(body, start.saturating_sub(SENTENCE_WINDOW)));
    let hi = floor_boundary(body, sentence_end.max(end).min(end + SENTENCE_WINDOW));
    let p = body
        .get(lo..hi)
        .and_then(|t| t.find("according to ").or_else(|| t.find("According to ")))?;
    let mut from = lo + p + "according to ".len();
    // "according to a tweet on Monday by X": X is the speaker.
    if let Some(rest) = body.get(from..sentence_end.max(end).min(body.len()))
        && ["a ", "an ", "the "].iter().any(|a| rest.starts_with(a))
        && let Some(by) = rest.find(" by ")
        && rest[..by].split(' ').count() <= 8
        && !rest[..by].contains([',', ';', '"', '“'])
    {
        from += by + " by ".len();
    }
    speaker_at(body, from, sentence_end.max(end), at.index, at.last_person)
        .or_else(|| message_speaker(at, from, sentence_end.max(end)))
}

/// "…," according to the statement: a message that no one is named as
/// sending speaks as itself. A determiner (`determiners`), up to three
/// words, and a noun of `message_nouns` ("the statement", "the ministry's
/// communique"), with the actor named among those words or in a phrase of
/// `member_cases` or `agent_cases` right after ("a statement from Peru's
/// foreign ministry"); else, after "the" (which refers back), the last
/// body named before the quotation.
fn message_speaker(at: &At<'_>, from: usize, to: usize) -> Option<Speaker> {
    let rest = at.body.get(from..to)?;
    let words: Vec<&str> = rest.split(' ').take(5).collect();
    let first = words.first()?.to_lowercase();
    if !lex().determiners.contains(&first) {
        return None;
    }
    let last = (1..words.len()).find(|&i| {
        let w = words[i].trim_end_matches(|c: char| !c.is_alphanumeric());
        lex().message_nouns.contains(&w.to_lowercase())
    })?;
    let len: usize = words[..last].iter().map(|w| w.len() + 1).sum::<usize>()
        + words[last]
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .len();
    let end = from + len;
    let within = at
        .index
        .starting_in(from, end)
        .iter()
        .find(|m| m.end <= end);
    let sender = within.or_else(|| sender_after(at, end, to)).or_else(|| {
        (first == "the")
            .then(|| last_body_named(at.body, at.index, at.start, |_| true))
            .flatten()
    });
    Some(Speaker {
        name: rest.get(..len)?.to_owned(),
        role: None,
        actor: sender.map(|m| m.code.clone()),
    })
}

/// The actor of a phrase of `member_cases` or `agent_cases` right after a
/// message noun ending at byte `end` ("… statement from Peru's foreign
/// ministry", "… a letter by the Chilean president").
fn sender_after<'i>(at: &At<'i>, end: usize, to: usize) -> Option<&'i Mention> {
    let after = at.body.get(end..to)?;
    let case = after.split_whitespace().next()?.to_lowercase();
    if !lex().member_cases.contains(&case) && !lex().agent_cases.contains(&case) {
        return None;
    }
    let reach = floor_boundary(at.body, (end + 60).min(to));
    at.index
        .starting_in(end, reach)
        .iter()
        .find(|m| !m.appositive)
}

/// Place 4, the paragraph: the person the paragraph is about, before the
/// quotation ("Brett McGurk … criticized the decision. "The statement …""),
/// when no earlier quotation stands in the paragraph.
fn speaker_of_paragraph(at: &At<'_>, out: &[Quote]) -> Option<Speaker> {
    let (body, index, start) = (at.body, at.index, at.start);
    let para_start = index.para_start(start);
    if out.last().is_some_and(|q| q.end > para_start) {
        return None;
    }
    let person = index
        .persons_in(para_start, start)
        .find(|m| m.end <= start && !m.appositive);
    // A paragraph that opens with a name not in the dictionaries ("Brett
    // McGurk, who was Trump's envoy, …") is about that name.
    let opening = body
        .get(para_start..start)
        .and_then(leading_name)
        .filter(|n| person.is_none_or(|m| m.start > para_start + n.len()));
    if let Some(m) = person.filter(|_| opening.is_none()) {
        return Some(from_mention(body, m));
    }
    opening
        .or_else(|| body.get(para_start..start).and_then(leading_name))
        .map(|name| Speaker {
            name: name.to_owned(),
            role: None,
            actor: None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn doc_of(body: &str) -> Doc<'_> {
        Doc::from_text("q", body, NaiveDate::from_ymd_opt(2019, 9, 6).unwrap())
    }

    #[test]
    fn titles_with_a_period_before_the_name_after_the_verb() {
        for body in [
            "\"We held the line,\" said Lt. Gen. Ana Ruiz, head of the joint staff.",
            "\"The port is open,\" said Capt. Juan Soto.",
        ] {
            let q = attribute(&doc_of(body), &[]);
            let name = q.first().and_then(|q| q.speaker.as_deref());
            assert!(
                name.is_some_and(|n| n == "Ana Ruiz" || n == "Juan Soto"),
                "{body}: {q:?}"
            );
        }
    }

    #[test]
    fn a_judging_verb_or_a_far_speech_verb_attributes_a_fragment() {
        for (body, want) in [
            (
                "Luis Soto defended the plan on Monday. Tomas Vidal dismissed it as \"reckless and cynical\".",
                "Vidal",
            ),
            (
                "Luis Soto defended the tariffs. Senator Ana Ruiz said the new tariffs imposed by Lima on copper from the north amounted to \"a declaration of war\" on miners.",
                "Ruiz",
            ),
        ] {
            let q = attribute(&doc_of(body), &[]);
            let name = q.first().and_then(|q| q.speaker.as_deref());
            assert!(name.is_some_and(|n| n.contains(want)), "{body}: {q:?}");
        }
    }

    #[test]
    fn a_day_name_after_a_speaker_is_no_part_of_the_name() {
        for body in [
            "Minister Ana Ruiz Tuesday said the vote was \"a farce\".",
            "Ana Ruiz on Monday said the plan was \"a farce\". Tomas Vidal Friday called it \"a farce\".",
        ] {
            let q = attribute(&doc_of(body), &[]);
            let last = q.last().and_then(|q| q.speaker.as_deref());
            assert!(
                last.is_some_and(|n| n.ends_with("Ruiz") || n.ends_with("Vidal")),
                "{body}: {q:?}"
            );
        }
    }

    #[test]
    fn speaker_after_the_quote() {
        let body =
            "\"The government will withdraw the bill,\" Lam said in a televised announcement.";
        let q = attribute(&doc_of(body), &[]);
        assert_eq!(q[0].speaker.as_deref(), Some("Lam"), "{q:?}");
        assert_eq!(q[0].attribution, "after");
    }

    #[test]
    fn a_pronoun_names_the_person_after_a_long_title() {
        for (body, want) in [
            (
                "Germany backed the plan, Olaf Scholz said.\n\nHouse Minority Leader Dana \
                 Whitfield opposed the move.\n\n\"This is a mistake,\" she said.",
                "Dana Whitfield",
            ),
            (
                "Japan welcomed the deal, Fumio Kishida said. Senate Foreign Relations \
                 Chairman Tom Reyes was less sure. \"It will not hold,\" he said.",
                "Tom Reyes",
            ),
        ] {
            let q = with_mentions(body);
            assert_eq!(
                q.last().and_then(|q| q.speaker.as_deref()),
                Some(want),
                "{q:?}"
            );
        }
    }

    /// The speaker of a body's last quotation, with all its quotations.
    fn last_speaker(body: &str) -> (Option<String>, Vec<Quote>) {
        let q = with_mentions(body);
        (q.last().and_then(|q| q.speaker.clone()), q)
    }

    /// Asserts the last quotation's speaker of each body.
    fn each_last_speaker(cases: &[(&str, &str)]) {
        for &(body, want) in cases {
            let (got, q) = last_speaker(body);
            assert_eq!(got.as_deref(), Some(want), "{body}: {q:?}");
        }
    }

    #[test]
    fn a_speech_verb_after_and_is_the_first_verbs_subjects() {
        each_last_speaker(&[
            (
                "Kenyan President William Ruto congratulated Uganda's leader on his win and declared the vote \"a triumph\" for the region.",
                "William Ruto",
            ),
            (
                "The Chilean government said Peruvian President Ana Ruiz had been briefed, and called the raid \"unacceptable\".",
                "Chilean government",
            ),
        ]);
    }

    #[test]
    fn closing_words_attribute_as_saying_does() {
        each_last_speaker(&[
            (
                "\"We will not give up the island,\" concluded Ana Ruiz.",
                "Ana Ruiz",
            ),
            (
                "\"The border stays open,\" Luis Mora emphasized.",
                "Luis Mora",
            ),
        ]);
    }

    #[test]
    fn a_description_by_office_and_country_names_the_person_before() {
        for (body, want) in [
            (
                "Peruvian Foreign Minister Elena Quispe met her Bolivian counterpart in \
                 La Paz.\n\n\"The border is calm,\" the top Peruvian diplomat said.",
                "Elena Quispe",
            ),
            (
                "Kenyan President William Ruto flew to Kampala on Monday.\n\n\"We came \
                 as friends,\" the Kenyan president told reporters.",
                "William Ruto",
            ),
            (
                "Chilean President Gabriel Boric flew to Lima on Monday.\n\n\"We came as \
                 neighbours,\" Chile’s president told reporters.",
                "Gabriel Boric",
            ),
        ] {
            let (name, q) = last_speaker(body);
            let name = name.as_deref();
            assert!(name.is_some_and(|n| n.contains(want)), "{body}: {q:?}");
        }
    }

    #[test]
    fn a_description_of_another_office_or_someone_new_stays_unnamed() {
        for (body, unwanted) in [
            (
                "Kenyan Foreign Minister Musalia Mudavadi flew to Kampala.\n\n\"We came \
                 as friends,\" the Kenyan president said.",
                "Mudavadi",
            ),
            (
                "Kenyan President William Ruto flew to Kampala.\n\n\"We came as \
                 friends,\" a Kenyan diplomat said.",
                "Ruto",
            ),
            (
                "Kenyan President William Ruto flew to Kampala.\n\n\"We came as \
                 friends,\" the Kenyan official said.",
                "Ruto",
            ),
            (
                "Kenyan President William Ruto flew to Kampala.\n\n\"We came as \
                 friends,\" the Kenyan diplomat said.",
                "Ruto",
            ),
        ] {
            let (name, q) = last_speaker(body);
            let name = name.as_deref();
            assert!(name.is_some_and(|n| !n.contains(unwanted)), "{body}: {q:?}");
        }
    }

    #[test]
    fn a_pronoun_speaker_goes_on_with_the_main_clause_not_a_condition() {
        for (body, want) in [
            (
                "Tomas Vidal became finance minister in May.\n\nPeruvian Foreign Minister \
                 Ana Ruiz threatened to \"block the budget\" if Vidal stayed in office.\n\n\
                 \"We will not bend,\" she said.",
                "Ana Ruiz",
            ),
            (
                "Tomas Vidal ran the dockers union for a decade.\n\nChilean Interior Minister \
                 Luis Soto said he would \"close the port\" because Vidal had refused to pay \
                 the fines.\n\n\"The city cannot wait,\" he said.",
                "Luis Soto",
            ),
            // A subject in a sentence before does not count.
            (
                "Tomas Vidal ran the dockers union for a decade.\n\nChilean Interior Minister \
                 Luis Soto closed the port. If Vidal stays, the talks will fail.\n\n\
                 \"I am staying,\" he said.",
                "Vidal",
            ),
        ] {
            let (name, q) = last_speaker(body);
            let name = name.as_deref();
            assert!(name.is_some_and(|n| n.contains(want)), "{body}: {q:?}");
        }
    }

    #[test]
    fn a_message_as_speaker_is_its_sender() {
        for (body, want) in [
            // The sender after the message's last mention.
            (
                "According to a note of the Chilean embassy, two Peruvian boats entered \
                 the bay.\n\n\"The boats left at dawn,\" the note said.",
                "Chilean embassy",
            ),
            // The sender as possessor.
            (
                "Kenya's defence ministry's statement blamed Somalia for the raid.\n\n\
                 \"The raiders crossed at night,\" the statement said.",
                "defence ministry",
            ),
            // The body quoted just before.
            (
                "Ghana's foreign ministry said it would \"not be drawn into a quarrel\".\n\n\
                 \"Togo keeps stirring trouble on the border,\" a statement said.",
                "foreign ministry",
            ),
            // The sender in the speaker's own words.
            (
                "\"Our troops held the ridge,\" a communique from the Peruvian army said.",
                "Peruvian army",
            ),
        ] {
            let (name, q) = last_speaker(body);
            let name = name.as_deref();
            assert!(name.is_some_and(|n| n.contains(want)), "{body}: {q:?}");
        }
    }

    #[test]
    fn another_message_or_a_topic_names_no_sender() {
        for (body, unwanted) in [
            (
                "Peru's foreign ministry answered the letter from the Chilean embassy on \
                 Monday.\n\n\"We reject the claims,\" the statement said.",
                "Chilean embassy",
            ),
            (
                "\"We stand with you,\" a message of solidarity from the Polish senate said.",
                "solidarity",
            ),
        ] {
            let (name, q) = last_speaker(body);
            let name = name.as_deref();
            assert!(
                name.is_none_or(|n| !n.starts_with(unwanted)),
                "{body}: {q:?}"
            );
        }
    }

    #[test]
    fn a_person_quoted_before_sends_no_message() {
        let body = "Deputy Minister Ana Ruiz said Peru would \"defend every metre\".\n\n\
                    \"The minister will send a note to Quito,\" according to the statement.";
        let (name, q) = last_speaker(body);
        let name = name.as_deref();
        assert!(name.is_none_or(|n| !n.contains("Ruiz")), "{q:?}");
    }

    #[test]
    fn an_initial_before_a_sentence_opener_ends_the_name() {
        let q = with_mentions("\"We won,\" said Plan B. The ministry agreed.");
        assert_eq!(q[0].speaker.as_deref(), Some("Plan B"), "{q:?}");
    }

    #[test]
    fn a_middle_initial_keeps_the_speech_tag() {
        let body = "\"We will stand firm,\" Defense Secretary Lloyd J. Austin said on Monday. \
                    \"Talks must go on,\" Jan K. Novak said.";
        let q = with_mentions(body);
        let names: Vec<Option<&str>> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            names,
            [Some("Lloyd J. Austin"), Some("Jan K. Novak")],
            "{q:?}"
        );
    }

    #[test]
    fn a_titles_period_keeps_the_speech_tag() {
        let body = "\"We hold the pass,\" Lt. Gen. Ana Ruiz, head of the border guard, said by phone. \
                    \"The talks failed,\" Rear Adm. Tomas Vidal said.";
        let q = with_mentions(body);
        let names: Vec<Option<&str>> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert!(
            names.len() == 2
                && names[0].is_some_and(|n| n.ends_with("Ana Ruiz"))
                && names[1].is_some_and(|n| n.ends_with("Tomas Vidal")),
            "{q:?}"
        );
    }

    #[test]
    fn a_particle_inside_a_name_keeps_the_name_whole() {
        let body = "\"The border stays open,\" said Interior Minister Ana da Costa Pires. \
                    \"We will appeal,\" Joao dos Santos Lima said. \
                    \"No,\" said Commissioner Hanna van der Berg. \
                    \"Yes,\" Jose de la Vega said.";
        let q = with_mentions(body);
        let names: Vec<Option<&str>> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert!(
            names.len() == 4
                && names[0].is_some_and(|n| n.ends_with("Ana da Costa Pires"))
                && names[1] == Some("Joao dos Santos Lima")
                && names[2].is_some_and(|n| n.ends_with("Hanna van der Berg"))
                && names[3] == Some("Jose de la Vega"),
            "{q:?}"
        );
    }

    #[test]
    fn it_as_speaker_is_whom_the_last_speech_tag_named() {
        for body in [
            "Chile summoned the Peruvian envoy on Monday, the ministry said in a statement.\n\n\
             It said Peru had sent \"armed boats into Chilean waters,\" a claim Lima denies.",
            "Ghana has closed its border with Togo, the interior ministry said on Friday. It \
             said the crossing would stay shut \"until further notice.\"",
        ] {
            let q = with_mentions(body);
            assert!(
                q.len() == 1
                    && q[0]
                        .speaker
                        .as_deref()
                        .is_some_and(|s| s.contains("ministry")),
                "{body}: {q:?}"
            );
        }
    }

    /// Asserts that each body has one quotation, spoken by the name.
    fn each_sole_speaker(cases: &[(&str, &str)]) {
        for &(body, name) in cases {
            let q = with_mentions(body);
            assert_eq!(q.len(), 1, "{body}");
            assert_eq!(q[0].speaker.as_deref(), Some(name), "{body}: {q:?}");
        }
    }

    /// Asserts that the first quotation of each body is the name's.
    fn each_first_speaker(cases: &[(&str, &str)]) {
        for &(body, want) in cases {
            let q = with_mentions(body);
            assert_eq!(
                q.first().and_then(|q| q.speaker.as_deref()),
                Some(want),
                "{body}: {q:?}"
            );
        }
    }

    #[test]
    fn a_one_word_name_a_stop_or_comma_ends_speaks() {
        each_first_speaker(&[
            (
                "\"The convoy was stopped at the crossing,\" said Okafor. \"Nobody \
                 explained why the papers were refused at the gate.\"",
                "Okafor",
            ),
            (
                "\"We will keep the embassy open,\" said Lindqvist, the deputy minister, \
                 in a radio interview broadcast late on Sunday evening.",
                "Lindqvist",
            ),
        ]);
    }

    #[test]
    fn it_after_a_quotation_is_the_body_named_before_it() {
        each_first_speaker(&[
            (
                "Kenya blamed Somalia for the raid. But Ethiopia disputed that account.\n\n\
                 \"The raiders came from the north, across the Kenyan plains,\" it said.",
                "Ethiopia",
            ),
            // Not a body the quotation itself names.
            (
                "The Foreign Office summoned the envoy.\n\n\
                 \"The Chilean government must answer for the arrests,\" it added.",
                "Foreign Office",
            ),
        ]);
    }

    #[test]
    fn a_message_named_by_according_to_speaks_as_itself() {
        each_first_speaker(&[
            (
                "Ghana recalled its envoy.\n\n\
                 \"The envoy will brief the cabinet on Monday,\" according to the statement.",
                "the statement",
            ),
            (
                "Peru closed two crossings.\n\n\
                 \"Trade will resume once the inquiry is done,\" according to their joint communique.",
                "their joint communique",
            ),
        ]);
        // Its sender is the one named with it, else, after "the", the body
        // named before; never a body named before an indefinite message.
        for (body, actor) in [
            (
                "Chile criticised Peru.\n\n\
                 \"The border stays shut,\" according to a statement from Argentina's foreign ministry.",
                Some("ARGGOV"),
            ),
            (
                "Ghana recalled its envoy.\n\n\
                 \"The envoy will brief the cabinet,\" according to the statement.",
                Some("GHA"),
            ),
            (
                "Ghana recalled its envoy.\n\n\
                 \"The envoy will brief the cabinet,\" according to a leaked memorandum.",
                None,
            ),
        ] {
            let q = with_mentions(body);
            assert_eq!(
                q.first().and_then(|q| q.actor.as_deref()),
                actor,
                "{body}: {q:?}"
            );
        }
    }

    #[test]
    fn a_participle_clause_before_the_subject_does_not_speak() {
        each_sole_speaker(&[
            (
                "Referring to the long dispute over grazing rights along the river, \
                 Mensah said, \"We want a settlement.\"",
                "Mensah",
            ),
            (
                "Responding to a question about the fishing fleets of her neighbours, \
                 Tanaka told reporters: \"Our patience has limits.\"",
                "Tanaka",
            ),
        ]);
        // A name ending in "-ing" that the dictionaries lack still speaks.
        let body = "Pickering on Monday, in a statement, said: \"We oppose this plan.\"";
        let q = with_mentions(body);
        assert!(
            q.first()
                .and_then(|q| q.speaker.as_deref())
                .is_some_and(|s| s.starts_with("Pickering")),
            "{q:?}"
        );
    }

    #[test]
    fn a_speaker_described_after_the_verb_speaks() {
        each_sole_speaker(&[
            (
                "\"The truce is holding,\" said a senior Western envoy who asked not to be \
                 named.",
                "a senior Western envoy",
            ),
            (
                "\"Nobody wants war,\" said a Gulf diplomat, speaking in Doha.",
                "a Gulf diplomat",
            ),
        ]);
    }

    #[test]
    fn a_statement_that_speaks_is_its_issuers() {
        each_sole_speaker(&[
            (
                "\"The border stays shut,\" said a statement issued by the Kenyan presidency.",
                "Kenyan presidency",
            ),
            (
                "\"We reject the verdict,\" said a note released by Chile's foreign ministry.",
                "Chile's foreign ministry",
            ),
        ]);
    }

    #[test]
    fn a_surname_opening_with_a_particle_speaks() {
        for (body, name) in [
            (
                "\"We shall not cede an inch of the reef,\" del Pilar said in Manila.",
                "del Pilar",
            ),
            (
                "\"The dyke talks are over,\" van Houten told reporters on Friday.",
                "van Houten",
            ),
        ] {
            let q = attribute(&doc_of(body), &[]);
            assert_eq!(q.len(), 1, "{body}");
            assert_eq!(q[0].speaker.as_deref(), Some(name), "{body}: {q:?}");
        }
    }

    #[test]
    fn a_tag_after_the_sentence_goes_on_past_its_comma() {
        each_sole_speaker(&[
            (
                "Kenyan envoy Ruth Wambui spoke at the summit.\n\nThe ban rests on \
                 \"grave risks to herds\" in Uganda, the envoy said.",
                "Ruth Wambui",
            ),
            (
                "Chilean minister Ana Ruiz met her Peruvian counterpart.\n\nShe cited \
                 \"an old and settled line\" along the coast, the minister said.",
                "Ana Ruiz",
            ),
        ]);
    }

    fn with_mentions(body: &str) -> Vec<Quote> {
        let doc = doc_of(body);
        let actors = faultline_actors::Actors::defaults().unwrap();
        let refs: Vec<faultline_actors::SentenceRef> = doc
            .sentences
            .iter()
            .map(|&(start, end, _)| faultline_actors::SentenceRef {
                start,
                end,
                date: doc.date,
            })
            .collect();
        let mentions = actors.resolve(body, &refs);
        attribute(&doc, &mentions)
    }

    #[test]
    fn he_or_she_does_not_go_on_with_a_ministry() {
        let body = "Kenyan Foreign Minister Musalia Mudavadi met Ugandan envoys in Nairobi.\n\nThe ministry said in a statement: \"The talks went well.\"\n\n\"It was a useful meeting,\" he said.";
        let q = with_mentions(body);
        let last = q.last().and_then(|q| q.speaker.as_deref());
        assert_ne!(last, Some("ministry"), "{q:?}");
        assert!(last.is_some_and(|s| s.contains("Mudavadi")), "{q:?}");
    }

    #[test]
    fn a_described_speaker_after_the_quote_speaks() {
        for (body, speaker) in [
            (
                "\"The border stays shut,\" a senior Kenyan official told reporters.",
                "a senior Kenyan official",
            ),
            (
                "\"Nothing was agreed,\" an unnamed Egyptian diplomat said on Monday.",
                "an unnamed Egyptian diplomat",
            ),
        ] {
            let q = with_mentions(body);
            assert_eq!(q[0].speaker.as_deref(), Some(speaker), "{body}: {q:?}");
        }
    }

    #[test]
    fn a_sentence_after_the_quote_is_not_its_attribution() {
        let body =
            "The ministers said the deal was \"null and void\". They called on Turkey to stop.";
        let q = with_mentions(body);
        assert_ne!(q[0].speaker.as_deref(), Some("They"), "{q:?}");
        assert_ne!(q[0].attribution, "after", "{q:?}");
    }

    #[test]
    fn characterisations_and_prepositional_objects() {
        let body =
            "The Foreign Ministry of Iraq characterized the attack as \"a serious violation\".";
        let q = with_mentions(body);
        assert_eq!(q[0].actor.as_deref(), Some("IRQGOV"), "{q:?}");
        let body = "Kyriakos Mitsotakis, speaking to the Atlantic Council, called the deal \"ridiculous\".";
        let q = with_mentions(body);
        assert_eq!(
            q[0].speaker.as_deref(),
            Some("Kyriakos Mitsotakis"),
            "{q:?}"
        );
        let body = "US Special Representative for Iran Brian Hook said, \"This is a stunt.\"";
        let q = with_mentions(body);
        assert_eq!(q[0].speaker.as_deref(), Some("Brian Hook"), "{q:?}");
    }

    #[test]
    fn a_paragraph_opening_with_a_phrase_of_time_names_no_speaker() {
        for body in [
            "In May 2011, Mensah told Togo that the two sides will make the lake \"a lake of trade.\"",
            "On Easter Sunday, the two sides will call the accord \"a step.\"",
        ] {
            let q = attribute(&doc_of(body), &[]);
            assert_eq!(q.len(), 1, "{q:?}");
            let speaker = q[0].speaker.as_deref().unwrap_or("");
            assert!(
                !speaker.starts_with("In ") && !speaker.starts_with("On "),
                "{q:?}"
            );
        }
    }

    #[test]
    fn a_speech_tag_closing_the_sentence_after_a_clause_names_the_speaker() {
        for (body, who) in [
            (
                "\"The envoy must leave\" after Peru refused to apologise for the raid on the embassy, Chile's Foreign Minister Ana Ruiz said.",
                "Ana Ruiz",
            ),
            (
                "\"Talks are over\" unless Togo reopens the crossing at Aflao before the end of the month, Ghanaian President Kofi Mensah told reporters.",
                "Kofi Mensah",
            ),
        ] {
            let q = with_mentions(body);
            assert_eq!(q.len(), 1, "{q:?}");
            assert_eq!(q[0].speaker.as_deref(), Some(who), "{q:?}");
        }
    }

    #[test]
    fn a_bare_office_as_speaker_is_the_person_quoted_with_it() {
        let body = "Ghanaian Foreign Minister Kofi Mensah said \"the border stays shut.\" \
                    Togo's President Faure Gnassingbe called it \"a mistake.\" \
                    \"We will not reopen it this year,\" the minister added.";
        let q = with_mentions(body);
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[2].speaker.as_deref(), Some("Kofi Mensah"), "{q:?}");
        let body = "Peruvian Prime Minister Ana Ruiz said \"we want talks.\" \
                    \"We must answer first,\" the prime minister said.";
        let q = with_mentions(body);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].speaker.as_deref(), Some("Ana Ruiz"), "{q:?}");
        // The whole office: a defence minister named since, not the
        // foreign minister quoted before.
        let body = "Kenyan Foreign Minister Amina Odhiambo said \"we regret the raid.\" \
                    Kenyan Defence Minister John Kamau toured the border on Monday. \
                    \"Our troops will stay,\" the defence minister said.";
        let q = with_mentions(body);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].speaker.as_deref(), Some("John Kamau"), "{q:?}");
    }

    #[test]
    fn pronoun_speakers_are_named() {
        // Split quotation: the pronoun is the person named before it.
        let body = "A Foreign Office spokeswoman, Jane Porter, said the talks had failed: \
                    \"We regret this outcome,\" she said, \"and we will try again next month.\"";
        let q = with_mentions(body);
        assert_eq!(q.len(), 2, "{q:?}");
        for quote in &q {
            assert_eq!(quote.speaker.as_deref(), Some("Jane Porter"), "{q:?}");
        }
        // "He added" after another quotation: that quotation's speaker.
        let body = "US Special Envoy Daniel Rowe said, \"The offer stands.\" \
                    He added, \"It will not be repeated.\"";
        let q = with_mentions(body);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].speaker.as_deref(), Some("Daniel Rowe"), "{q:?}");
        // The title before an unknown name gives its code.
        for quote in &q {
            assert!(
                quote.actor.as_deref().is_some_and(|a| a.starts_with("USA")),
                "{q:?}"
            );
        }
        // Someone else named in between: not the previous speaker.
        let body = "\"We regret this,\" said Jane Porter. Turkish Foreign Minister Mevlut \
                    Cavusoglu disagreed. \"It was the right decision,\" he said.";
        let q = with_mentions(body);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_ne!(q[1].speaker.as_deref(), Some("Jane Porter"), "{q:?}");
    }

    #[test]
    fn participles_adverbs_and_according_to_a_medium() {
        // The main clause's subject speaks a participle's quotation.
        let body = "In a statement on Friday, the Egyptian Foreign Ministry rejected the plan, \
                    calling it \"a dangerous escalation\".";
        let q = with_mentions(body);
        assert_eq!(q[0].actor.as_deref(), Some("EGYGOV"), "{q:?}");
        // An adverb between the name and the verb.
        let body = "Maria Lindqvist later wrote, \"The border will stay open.\"";
        let q = attribute(&doc_of(body), &[]);
        assert_eq!(q[0].speaker.as_deref(), Some("Maria Lindqvist"), "{q:?}");
        // "according to a post … by X", X with a title.
        let body = "\"The sanctions will stay,\" according to a post on Monday by \
                    US Secretary of State Mike Pompeo.";
        let q = with_mentions(body);
        assert_eq!(q[0].speaker.as_deref(), Some("Mike Pompeo"), "{q:?}");
    }

    #[test]
    fn the_one_an_outlet_quoted_as_saying_speaks() {
        for (body, speaker) in [
            (
                "\"We will not retreat,\" the Daily Star quoted Kenyan Interior Minister Amina Odhiambo as saying.",
                "Amina Odhiambo",
            ),
            (
                "\"The border stays shut,\" Reuters quoted Lars Berg, the trade minister, as telling reporters.",
                "Lars Berg",
            ),
        ] {
            let q = with_mentions(body);
            assert_eq!(q[0].speaker.as_deref(), Some(speaker), "{q:?}");
        }
    }

    #[test]
    fn a_quotation_ending_its_sentence_is_not_attributed_after_it() {
        let body = "Tomas Herrera said there was \"no evidence of a breach.\" \
                    Analyst Grace Obi said questions remained.";
        let q = attribute(&doc_of(body), &[]);
        assert_eq!(q[0].speaker.as_deref(), Some("Tomas Herrera"), "{q:?}");
    }

    #[test]
    fn a_paragraph_opening_with_an_unknown_name_is_about_it() {
        let body = "Omar Haddad, who was Trump's envoy until December, criticised the move. \
                    \"This abandons our partners.\"";
        let q = with_mentions(body);
        assert_eq!(q[0].speaker.as_deref(), Some("Omar Haddad"), "{q:?}");
    }

    #[test]
    fn a_surname_speaker_is_the_person_named_before() {
        // Same surname, and a transliteration one letter apart.
        for surname in ["Haddadi", "Hadadi"] {
            let body = format!(
                "Hamas spokesman Karim Haddadi said the group was ready. \
                 \"We will respond,\" {surname} said."
            );
            let q = with_mentions(&body);
            assert_eq!(q.len(), 1, "{q:?}");
            assert!(
                q[0].actor.as_deref().is_some_and(|a| a.starts_with("PSE")),
                "{q:?}"
            );
        }
        // A different surname is someone else.
        let body = "Hamas spokesman Karim Haddadi said the group was ready. \
                    \"We will respond,\" Mansour said.";
        let q = with_mentions(body);
        assert_eq!(q[0].actor, None, "{q:?}");
    }

    #[test]
    fn an_organisations_spokesperson_speaks_for_it() {
        let body = "\"The alliance is united,\" a NATO spokesman said on Monday.";
        let q = with_mentions(body);
        assert_eq!(q[0].actor.as_deref(), Some("IGONAT"), "{q:?}");
    }

    #[test]
    fn speaker_named_after_a_speech_verb() {
        let body = "\"It is a warning,\" said Choi Jong-geon, a professor.";
        let q = attribute(&doc_of(body), &[]);
        assert_eq!(q[0].speaker.as_deref(), Some("Choi Jong-geon"), "{q:?}");
    }

    #[test]
    fn speaker_before_the_quote_and_continuation() {
        let body = "Nikki Haley wrote on Twitter, \"We must always have the backs of our allies.\"\n\n\"Leaving them is a mistake.\"";
        let q = attribute(&doc_of(body), &[]);
        assert_eq!(q[0].speaker.as_deref(), Some("Nikki Haley"), "{q:?}");
        assert_eq!(q[1].speaker.as_deref(), Some("Nikki Haley"), "{q:?}");
        assert_eq!(q[1].attribution, "continuation");
    }

    /// The speaker of the quotation whose text starts with `opening`.
    fn speaker_of(q: &[Quote], opening: &str) -> Option<String> {
        q.iter()
            .find(|x| x.text.starts_with(opening))
            .unwrap_or_else(|| panic!("no quotation {opening}: {q:?}"))
            .speaker
            .clone()
    }

    #[test]
    fn a_relative_aside_before_the_speech_verb_names_no_speaker() {
        each_first_speaker(&[
            (
                "Ghana, whose president chairs ECOWAS, suggested on Monday that the bloc treat \
                 Mali \"as a partner, not a pariah.\"",
                "Ghana",
            ),
            (
                "Brazil, which chairs the G20, suggested that the IMF reform its quotas \"before \
                 the next crisis.\"",
                "Brazil",
            ),
        ]);
    }

    #[test]
    fn an_appeal_introduces_what_it_asks_for() {
        each_first_speaker(&[
            (
                "After the raid, Arab League envoys jointly appealed to the Libyan factions to \
                 \"put the ceasefire first.\"",
                "Arab League envoys",
            ),
            (
                "Before the vote Commonwealth ministers appealed to Fiji's army to \"return to \
                 barracks.\"",
                "Commonwealth ministers",
            ),
        ]);
    }

    #[test]
    fn a_speech_words_spelling_used_as_a_noun_is_no_speech_verb() {
        each_first_speaker(&[
            (
                "Denmark urged that NATO member states admit Ukraine \"as soon as the war \
                 ends.\"",
                "Denmark",
            ),
            (
                "Tom Vidal called Ana Ruiz's proposed budget \"a disgrace\" on Monday.",
                "Tom Vidal",
            ),
        ]);
    }

    #[test]
    fn a_pronoun_is_the_person_named_before_it() {
        // A name the dictionaries do not know, opening its paragraph.
        let body = "\"We leave tonight,\" Lina Haddad said.\n\n\
                    Marek Olszewski, a lawyer for the crew, was less hopeful. \
                    \"Nothing is settled,\" he said.";
        assert_eq!(
            speaker_of(&with_mentions(body), "Nothing").as_deref(),
            Some("Marek Olszewski")
        );
        // Persons after a preposition are not the pronoun's.
        let body = "Talia Brenner met with Omar Sayegh of the council. \
                    Speaking to Piet Janssen, she said, \"The deal holds.\"";
        assert_eq!(
            speaker_of(&with_mentions(body), "The deal").as_deref(),
            Some("Talia Brenner")
        );
        let body = "Ruth Okafor wrote about journalist Dara Quinn. \
                    \"It was a cover-up,\" she said.";
        assert_eq!(
            speaker_of(&with_mentions(body), "It was").as_deref(),
            Some("Ruth Okafor")
        );
        // A surname alone, of a person named before.
        let body = "Ines Calderon spoke first. Later the chair, Tom Brandt, spoke.\n\n\
                    Calderon also spoke on trade. \"Tariffs hurt us,\" she said.";
        assert_eq!(
            speaker_of(&with_mentions(body), "Tariffs").as_deref(),
            Some("Calderon")
        );
    }

    #[test]
    fn an_office_and_an_abbreviation_complete_a_speakers_name() {
        let body = "\"The talks are over,\" Macron's office said.";
        assert_eq!(
            speaker_of(&with_mentions(body), "The talks").as_deref(),
            Some("Macron's office")
        );
        let body = "According to a note by Erdogan’s spokesman, \"the border stays shut\".";
        assert_eq!(
            speaker_of(&with_mentions(body), "the border").as_deref(),
            Some("Erdogan’s spokesman")
        );
        let body = "The Kurdistan Workers' Party (PKK) said it wanted \"a lasting truce\".";
        let name = speaker_of(&with_mentions(body), "a lasting").unwrap_or_default();
        assert!(name.contains("PKK") && name.contains("Party"), "{name}");
        let body = "The North Atlantic Treaty Organization (NATO) said it saw \"no threat\".";
        let name = speaker_of(&with_mentions(body), "no threat").unwrap_or_default();
        assert!(name.contains("NATO") && name.contains("Treaty"), "{name}");
    }

    #[test]
    fn introductions_asides_and_described_speakers() {
        // An introductory phrase is no speaker; the subject after it is.
        let body = "On Sunday evening, delegates from Chile told reporters \"we walked out\".";
        assert_eq!(
            speaker_of(&with_mentions(body), "we walked").as_deref(),
            Some("delegates from Chile")
        );
        let body = "During the march, several students said they wanted \"a fair vote\".";
        assert_eq!(
            speaker_of(&with_mentions(body), "a fair").as_deref(),
            Some("several students")
        );
        // A sentence adverb opening the sentence is no speaker either.
        let body = "Rain fell. However, Tomas Vrana of the Czech foreign ministry told \
                    reporters the claim was 'pure invention'.";
        assert_eq!(
            speaker_of(&with_mentions(body), "pure invention").as_deref(),
            Some("Tomas Vrana")
        );
        let body = "Nevertheless, Ines Duarte of the port authority said the ban was 'a mistake'.";
        assert_eq!(
            speaker_of(&with_mentions(body), "a mistake").as_deref(),
            Some("Ines Duarte")
        );
        // An aside between the name and the verb.
        let body = "Harbour Authority Director Joana Pires, in remarks to a radio station, \
                    said, \"The port is closed.\"";
        let name = speaker_of(&with_mentions(body), "The port").unwrap_or_default();
        assert!(name.ends_with("Joana Pires"), "{name}");
        let body = "Anton Berg, speaking to the press, said \"we are ready\".";
        assert_eq!(
            speaker_of(&with_mentions(body), "we are").as_deref(),
            Some("Anton Berg")
        );
        // A name before "from the pro-… camp": the compound's half is no speaker.
        let body = "Wei Ling from the pro-Beijing bloc said: \"This was planned.\"";
        assert_eq!(
            speaker_of(&with_mentions(body), "This was").as_deref(),
            Some("Wei Ling")
        );
        let body = "Sara Holm of the anti-NATO league said: \"We will march.\"";
        assert_eq!(
            speaker_of(&with_mentions(body), "We will").as_deref(),
            Some("Sara Holm")
        );
    }

    #[test]
    fn a_long_title_before_the_name_after_the_quotation() {
        let body = "\"The camps are full,\" the Danish Refugee Council regional director \
                    Lene Vinther said.";
        assert_eq!(
            speaker_of(&with_mentions(body), "The camps").as_deref(),
            Some("Lene Vinther")
        );
        let body = "\"No vote will be held,\" the Red Cross head of delegation for the \
                    provinces Mateo Ferri said.";
        assert_eq!(
            speaker_of(&with_mentions(body), "No vote").as_deref(),
            Some("Mateo Ferri")
        );
    }

    #[test]
    fn citing_and_telling_attribute_a_quotation() {
        let body = "In her reply, Mara Lindholm cited the board's \"lack of candour\".";
        assert_eq!(
            speaker_of(&with_mentions(body), "lack of").as_deref(),
            Some("Mara Lindholm")
        );
        let body = "Jonas Pereira cited \"rising costs\" as the reason.";
        assert_eq!(
            speaker_of(&with_mentions(body), "rising").as_deref(),
            Some("Jonas Pereira")
        );
        // The subject of the clause a participle follows, named in an apposition.
        let body = "Since May, a senator, Ana Ruiz, has opposed the bill, telling a radio \
                    station: \"It is a mistake.\"";
        assert_eq!(
            speaker_of(&with_mentions(body), "It is").as_deref(),
            Some("Ana Ruiz")
        );
        let body = "A diplomat, Kemal Aydin, left the talks early, telling reporters \
                    \"nothing was agreed\".";
        assert_eq!(
            speaker_of(&with_mentions(body), "nothing").as_deref(),
            Some("Kemal Aydin")
        );
    }

    #[test]
    fn a_pronoun_subject_of_a_longer_lead_speaks() {
        let body =
            "Rosa Vidal chairs the panel. She went on by noting that \"the funds are gone\".";
        assert_eq!(
            speaker_of(&with_mentions(body), "the funds").as_deref(),
            Some("Rosa Vidal")
        );
        let body = "Piotr Nowak heads the union. He ended the rally by saying \"we will be back\".";
        assert_eq!(
            speaker_of(&with_mentions(body), "we will").as_deref(),
            Some("Piotr Nowak")
        );
    }

    #[test]
    fn a_colon_gives_the_quotation_to_the_subject_before_it() {
        let body = "In a letter to the board, the Harbour Trust of Oslo defended the fee, \
                    which a court had upheld: \"The charge is lawful.\"";
        let name = speaker_of(&with_mentions(body), "The charge").unwrap_or_default();
        assert!(name.contains("Harbour Trust"), "{name}");
        // A pronoun's person; the name after the pronoun is no speaker.
        let body = "Leila Amari leads the delegation. In her speech, she thanked Tom Crane: \
                    \"He kept the talks alive.\"";
        assert_eq!(
            speaker_of(&with_mentions(body), "He kept").as_deref(),
            Some("Leila Amari")
        );
        // A quotation opening the paragraph after one ending in a colon.
        let body = "Nadia Petrova Orlova then read her statement:\n\n\"We accept the result.\"";
        let name = speaker_of(&with_mentions(body), "We accept").unwrap_or_default();
        assert!(name.contains("Nadia Petrova"), "{name}");
    }
}
