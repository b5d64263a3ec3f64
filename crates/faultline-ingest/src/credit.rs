//! Credit lines and datelines: who supplied a story and where it was filed.
//!
//! - A **credit line** in the page header names an agency or a desk instead of a
//!   person ("VOA News", "Reuters", "By Staff Writer", "From Meridian Wire"); it is
//!   the byline when it is all the page names. Known credits are in
//!   `data/credits.txt`; others are short title-case lines ending in a credit word
//!   (`data/credit_words.txt`: News, Wire, Press, Desk, …).
//! - A **contributor line** ("Jane Roe contributed to this report.") adds names to
//!   the byline and leaves the body.
//! - A **dateline** opens the first paragraph ("SEOUL, Oct. 9 (Yonhap) —",
//!   "WASHINGTON —"): its place, date and credit go into metadata and the
//!   paragraph starts at its first word.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::chrome;

/// A dateline taken from the start of the first paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// The dateline as printed, separator included ("SEOUL, Oct. 9 (Yonhap) —").
    pub raw: String,
    /// The place, as printed ("SEOUL", "WASHINGTON, D.C.").
    pub place: String,
    /// The date as printed ("Oct. 9"), when the dateline has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The agency in parentheses ("Yonhap"), when the dateline has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

static CREDITS: LazyLock<Vec<String>> =
    LazyLock::new(|| chrome::word_list(include_str!("../data/credits.txt")));
static CREDIT_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| chrome::word_list(include_str!("../data/credit_words.txt")));

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?P<place>\p{Lu}[\p{Lu}\p{M}.'’\ -]{1,40}?
           (?:,\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})?)
        (?:,\s+(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}(?:,\s+\d{4})?))?
        \s*(?:\((?P<credit>[^()]{2,40})\))?
        \s*(?:[-—–]{1,2}|:)\s+
        (?P<first>[\p{L}\p{N}“‘\x22'])",
    )
    .expect("dateline pattern is valid")
});

static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:reporters?\s+)?(?P<names>.{3,160}?)\s+contributed\s+(?:reporting\s+)?(?:to|for)\s+this\s+(?:report|story|article)(?:\s+(?:from|in)\s+[\p{Lu}][\p{L} .'-]{1,40}?)?[.)]?$",
    )
    .expect("contributor pattern is valid")
});

/// Removes "By", "From", "Source:" or "Credit:" before a credit.
fn strip_credit_prefix(t: &str) -> &str {
    let t = t.trim().trim_start_matches(['—', '–', '-', '•', '·', ' ']);
    for p in ["by ", "from ", "source:", "source :", "credit:", "sources:"] {
        if let Some(head) = t.get(..p.len())
            && head.eq_ignore_ascii_case(p)
            && t.len() > p.len()
        {
            return t[p.len()..].trim_start();
        }
    }
    t
}

/// True when `part` is one agency or desk credit.
fn is_credit(part: &str) -> bool {
    let part = part.trim().trim_end_matches('.');
    if part.is_empty() || part.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if CREDITS.iter().any(|c| c.eq_ignore_ascii_case(part)) {
        return true;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    (2..=4).contains(&words.len())
        && CREDIT_WORDS.contains(&last.to_lowercase())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "of" | "the" | "and" | "&")
        })
}

/// The credits of a credit line ("VOA News", "By Staff Writer", "Reuters/AFP",
/// "From Meridian Wire"), as printed; `None` when the line is anything else.
pub fn credit_line(line: &str) -> Option<Vec<String>> {
    let t = strip_credit_prefix(line);
    if t.len() > 80 || t.ends_with(['!', '?', ':']) {
        return None;
    }
    let parts: Vec<&str> = t
        .split(['/', ',', ';', '|', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty() && parts.iter().all(|p| is_credit(p))).then(|| {
        parts
            .iter()
            .map(|p| p.trim_end_matches('.').to_owned())
            .collect()
    })
}

static FIELD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(source|editor|editors|author|authors|reporter|reporters|writer|by)\s*:\s*")
        .expect("field label pattern is valid")
});

/// A line of labelled credit fields, as state news agencies print them: "Source: State
/// News Agency Editor: Lin Ho". Authors (author, reporter, writer, by) are the byline;
/// without them the source is; editors are neither. `None` unless the line starts with
/// such a label and holds nothing else.
pub fn credit_fields(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let labels: Vec<regex::Captures<'_>> = FIELD_LABEL.captures_iter(t).collect();
    if labels.first()?.get(0)?.start() != 0 {
        return None;
    }
    let (mut authors, mut sources) = (Vec::new(), Vec::new());
    for (i, c) in labels.iter().enumerate() {
        let whole = c.get(0)?;
        let end = labels
            .get(i + 1)
            .and_then(|n| n.get(0))
            .map_or(t.len(), |m| m.start());
        let value = t[whole.end()..end].trim().trim_end_matches([',', ';', '|']);
        match c[1].to_lowercase().as_str() {
            "source" => {
                sources.extend(credit_line(value).unwrap_or_else(|| vec![value.to_owned()]))
            }
            "editor" | "editors" => {}
            _ => authors.extend(chrome::byline_names(&format!("By {value}"))),
        }
    }
    let names = if authors.is_empty() { sources } else { authors };
    (!names.is_empty() && names.iter().all(|n| n.split_whitespace().count() <= 6)).then_some(names)
}

/// The names of a contributor line ("Jane Roe in Seoul contributed to this report."),
/// or `None` when the line is anything else.
pub fn contributor_names(line: &str) -> Option<Vec<String>> {
    let t = line.trim().trim_matches(['(', ')', '*', '_']);
    let caps = CONTRIBUTED.captures(t)?;
    let names = chrome::byline_names(&format!("By {}", &caps["names"]));
    (!names.is_empty()).then_some(names)
}

/// A dateline at the start of `paragraph`, with the byte offset of the first word after it.
pub fn split_dateline(paragraph: &str) -> Option<(Dateline, usize)> {
    let caps = DATELINE.captures(paragraph)?;
    let place = caps["place"].trim().trim_end_matches(',').to_owned();
    let head = place.split(',').next().unwrap_or_default();
    let letters: Vec<char> = head.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    if !all_caps || head.split_whitespace().count() > 4 {
        return None;
    }
    let first = caps.name("first")?.start();
    Some((
        Dateline {
            raw: paragraph[..first].trim_end().to_owned(),
            place,
            date: caps.name("date").map(|m| m.as_str().to_owned()),
            credit: caps.name("credit").map(|m| m.as_str().trim().to_owned()),
        },
        first,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines() {
        let c = |l: &str| credit_line(l);
        assert_eq!(c("VOA News"), Some(vec!["VOA News".to_owned()]));
        assert_eq!(c("By Staff Writer"), Some(vec!["Staff Writer".to_owned()]));
        assert_eq!(c("Reuters/AFP"), Some(vec!["Reuters".into(), "AFP".into()]));
        assert_eq!(c("From Meridian Wire"), Some(vec!["Meridian Wire".into()]));
        assert_eq!(c("Associated Press"), Some(vec!["Associated Press".into()]));
        assert_eq!(c("Yonhap"), Some(vec!["Yonhap".into()]));
        for not in [
            "Talks resume in Geneva",
            "By Jane Roe",
            "Share | Print | Comment",
            "Breaking news",
            "The press",
            "Fake News?",
            "Reuters said the talks failed.",
        ] {
            assert_eq!(c(not), None, "{not}");
        }
    }

    #[test]
    fn credit_field_lines() {
        assert_eq!(
            credit_fields("Source: State News Agency Editor: Lin Ho"),
            Some(vec!["State News Agency".to_owned()])
        );
        assert_eq!(
            credit_fields("Source: Xinhua | Author: Wang Lei"),
            Some(vec!["Wang Lei".to_owned()])
        );
        assert_eq!(
            credit_fields("The source: a report from the ministry"),
            None
        );
    }

    #[test]
    fn contributor_lines() {
        assert_eq!(
            contributor_names("Owen Pratt contributed to this report from New York."),
            Some(vec!["Owen Pratt".to_owned()])
        );
        assert_eq!(
            contributor_names("Jane Roe in Seoul contributed to this report."),
            Some(vec!["Jane Roe".to_owned()])
        );
        assert_eq!(
            contributor_names("(Ana Lima and Tom Hale contributed reporting for this story.)"),
            Some(vec!["Ana Lima".to_owned(), "Tom Hale".to_owned()])
        );
        assert_eq!(
            contributor_names("Several agencies contributed to this report."),
            None
        );
        assert_eq!(contributor_names("She contributed to the fund."), None);
    }

    #[test]
    fn datelines() {
        let cases = [
            (
                "SEOUL, Oct. 9 (Yonhap) — North Korea fired a missile.",
                "SEOUL",
                Some("Oct. 9"),
                Some("Yonhap"),
                "North Korea fired a missile.",
            ),
            (
                "WASHINGTON — The envoy left.",
                "WASHINGTON",
                None,
                None,
                "The envoy left.",
            ),
            (
                "SEOUL (Meridian Wire) - North Korea fired.",
                "SEOUL",
                None,
                Some("Meridian Wire"),
                "North Korea fired.",
            ),
            (
                "BRASÍLIA, Brazil – The president met the envoy.",
                "BRASÍLIA, Brazil",
                None,
                None,
                "The president met the envoy.",
            ),
            (
                "NEW DELHI: \"We will talk,\" he said.",
                "NEW DELHI",
                None,
                None,
                "\"We will talk,\" he said.",
            ),
            (
                "WASHINGTON, D.C. -- Officials met.",
                "WASHINGTON, D.C.",
                None,
                None,
                "Officials met.",
            ),
        ];
        for (p, place, date, credit, rest) in cases {
            let (d, at) = split_dateline(p).unwrap_or_else(|| panic!("{p}"));
            assert_eq!(
                (d.place.as_str(), d.date.as_deref(), d.credit.as_deref()),
                (place, date, credit),
                "{p}"
            );
            assert_eq!(&p[at..], rest, "{p}");
            assert_eq!(format!("{} {}", d.raw, &p[at..]), p.replace("  ", " "));
        }
        for not in [
            "The talks - long delayed - resumed.",
            "Seoul — The talks resumed.",
            "US officials met on Monday.",
            "NATO",
        ] {
            assert!(split_dateline(not).is_none(), "{not}");
        }
    }
}
