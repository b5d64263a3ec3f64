//! Choosing a page dump's headline by weighted evidence rather than by position.
//!
//! Every header line that is not a date, byline, credit, kicker, section name,
//! caption or chrome is a candidate. Each is scored on:
//! - **length** (headlines run 4–16 words; one- and two-word lines are labels);
//! - **form**: a capital first letter, title case, no closing full stop or colon, no
//!   menu separators ("|", "»", "›");
//! - **place**: near the date or byline lines, before the first of them, and first
//!   of its run of candidate lines (a deck follows its headline);
//! - **agreement** with the file name or a `<title>`-like line ("Headline | Site")
//!   elsewhere in the page.
//!
//! When the best score is low or a rival comes close, [`Choice::warning`] names
//! the candidates and their scores.

/// A header line that could be the headline.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// The line's text (a kicker already split off).
    pub text: &'a str,
    /// Position among the header's non-blank lines.
    pub order: usize,
    /// Whether the previous non-blank header line is also a candidate.
    pub follows_candidate: bool,
}

/// What is known about the rest of the header.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Positions (as in [`Candidate::order`]) of date, byline and credit lines.
    pub metadata: Vec<usize>,
    /// Titles the page states elsewhere: the file name, "Headline | Site" lines.
    pub hints: Vec<String>,
}

/// The chosen headline.
#[derive(Debug)]
pub struct Choice {
    /// Index into the candidates.
    pub index: usize,
    /// A note naming the candidates when the choice is uncertain.
    pub warning: Option<String>,
}

/// Below this score a headline is a guess.
const CONFIDENT: f32 = 4.0;
/// A rival within this margin makes the choice uncertain.
const MARGIN: f32 = 1.0;

/// Lowercase words of a text, for comparing titles.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of words two titles have in common (Jaccard over word sets).
fn similarity(a: &str, b: &str) -> f32 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|w| b.contains(w)).count();
    let union = a.len() + b.len() - common;
    common as f32 / union.max(1) as f32
}

/// The score of one candidate.
pub fn score(c: &Candidate<'_>, ev: &Evidence) -> f32 {
    let t = c.text;
    let n = t.split_whitespace().count();
    let mut s = match n {
        0 | 1 => -4.0,
        2 => -1.0,
        3 => 0.5,
        4..=16 => 2.0,
        17..=24 => 1.0,
        25..=30 => 0.0,
        _ => -3.0,
    };
    let first = t.chars().find(|c| !matches!(c, '"' | '\'' | '‘' | '“'));
    match first {
        Some(f) if f.is_uppercase() || f.is_ascii_digit() => s += 0.5,
        Some(f) if f.is_lowercase() => s -= 2.0,
        _ => {}
    }
    let long: Vec<&str> = t.split_whitespace().filter(|w| w.len() >= 4).collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if long.len() >= 3 && capitalised * 10 >= long.len() * 7 {
        s += 1.0;
    }
    if t.ends_with('.') && !t.ends_with("...") {
        s -= 2.0;
    }
    if t.ends_with(':') {
        s -= 3.0;
    }
    if t.contains(['|', '»', '›']) {
        s -= 4.0;
    }
    if t.contains("://") || t.contains("www.") || t.contains('@') {
        s -= 5.0;
    }
    if let Some(d) = ev.metadata.iter().map(|&m| m.abs_diff(c.order)).min() {
        s += match d {
            0..=3 => 2.0,
            4..=6 => 1.0,
            _ => 0.0,
        };
    }
    if ev.metadata.first().is_some_and(|&m| c.order < m) {
        s += 1.5;
    }
    if !c.follows_candidate {
        s += 1.5;
    }
    let agreement = ev
        .hints
        .iter()
        .map(|h| similarity(t, h))
        .fold(0.0, f32::max);
    if agreement >= 0.6 {
        s += 5.0;
    } else if agreement >= 0.35 {
        s += 3.0;
    }
    s - 0.05 * c.order as f32
}

/// The best candidate, with a warning naming the rivals when the evidence is thin.
pub fn choose(candidates: &[Candidate<'_>], ev: &Evidence) -> Option<Choice> {
    let mut scored: Vec<(usize, f32)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (i, score(c, ev)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let &(best, top) = scored.first()?;
    let close = scored.get(1).is_some_and(|&(_, s)| top - s < MARGIN);
    let warning = (top < CONFIDENT || close).then(|| {
        let list: Vec<String> = scored
            .iter()
            .take(4)
            .map(|&(i, s)| format!("{:?} ({s:.1})", candidates[i].text))
            .collect();
        format!(
            "headline uncertain: took {:?}; candidates weighed: {}",
            candidates[best].text,
            list.join(", ")
        )
    });
    Some(Choice {
        index: best,
        warning,
    })
}

/// A title hint from a file stem: "north-korea-warns-south_2013" → "north korea warns south
/// 2013", when it has at least three words of letters.
pub fn stem_hint(stem: &str) -> Option<String> {
    let text = stem.replace(['-', '_', '+', '.'], " ");
    let letters = text
        .split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .count();
    (letters >= 3).then_some(text)
}

/// A title hint from a browser-title line elsewhere in the page: "Headline | Site" or
/// "Headline - Site" gives "Headline" when it has at least four words.
pub fn title_line_hint(line: &str) -> Option<String> {
    [" | ", " - ", " — ", " – "].iter().find_map(|sep| {
        let (head, site) = line.rsplit_once(sep)?;
        (head.split_whitespace().count() >= 4 && site.split_whitespace().count() <= 4)
            .then(|| head.trim().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str, order: usize, follows: bool) -> Candidate<'_> {
        Candidate {
            text,
            order,
            follows_candidate: follows,
        }
    }

    #[test]
    fn headline_beats_deck_menu_and_site_name() {
        let cands = [
            cand("The Example Ledger", 0, false),
            cand("Home | World | Asia | Business", 1, false),
            cand("Envoys agree to reopen the border crossing", 3, false),
            cand(
                "Talks in Geneva end with a timetable for the return of refugees",
                4,
                true,
            ),
        ];
        let ev = Evidence {
            metadata: vec![5, 6],
            hints: Vec::new(),
        };
        let c = choose(&cands, &ev).expect("a choice");
        assert_eq!(
            cands[c.index].text,
            "Envoys agree to reopen the border crossing"
        );
        assert!(c.warning.is_none(), "{:?}", c.warning);
    }

    #[test]
    fn file_name_agreement_decides_and_close_calls_warn() {
        let cands = [
            cand("Ministers meet in Oslo", 0, false),
            cand("Fishing quotas cut for a third year", 2, false),
        ];
        let ev = Evidence {
            metadata: vec![4],
            hints: vec![stem_hint("fishing-quotas-cut-third-year").expect("hint")],
        };
        let c = choose(&cands, &ev).expect("a choice");
        assert_eq!(c.index, 1);
        let none = Evidence {
            metadata: vec![3],
            hints: Vec::new(),
        };
        let close = [
            cand("Ministers meet in Oslo", 0, false),
            cand("Quotas cut again this year", 2, false),
        ];
        let c = choose(&close, &none).expect("a choice");
        let w = c.warning.expect("a warning");
        assert!(
            w.contains("Ministers meet in Oslo") && w.contains("Quotas cut again this year"),
            "{w}"
        );
    }

    #[test]
    fn hints() {
        assert_eq!(stem_hint("1494890"), None);
        assert_eq!(
            title_line_hint("Quotas cut for a third year | The Ledger").as_deref(),
            Some("Quotas cut for a third year")
        );
        assert_eq!(title_line_hint("Home | World"), None);
    }
}
