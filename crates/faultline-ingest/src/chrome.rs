//! Recognising what is not article text: site chrome, photo captions, bylines.
//!
//! These rules are written for news sites in general, not for one site. A
//! line is judged on its own words:
//! - a **tail marker** ("Related stories", "Most viewed articles", "Please
//!   direct questions or comments to …", "Explore more on these topics",
//!   copyright lines) starts the trailing chrome: nothing after it is body;
//! - a **noise** line ("Advertisement", "Share on Facebook", "Subscribe",
//!   "Reporting by …; Editing by …", cookie notices, button labels in another
//!   script) is dropped where it stands;
//! - a **caption** ends with a photo credit ("(Yonhap News)", "Photograph:
//!   Name/AP", "(AP Photo/…)") and is moved to `captions`;
//! - a **menu or breadcrumb** line ("Home | USA | World | Asia", "News › World ›
//!   Asia") is navigation, and a line that is only a **section name**
//!   (`data/sections.txt`: "World", "Asia", "Press Releases") is a label, never a
//!   headline.

use std::sync::LazyLock;

use regex::Regex;

/// Whole-line labels (lowercased, trailing punctuation removed) that start the trailing chrome.
const TAIL_LINES: &[&str] = &[
    "related",
    "related stories",
    "related articles",
    "related news",
    "related content",
    "related coverage",
    "related topics",
    "related links",
    "most viewed",
    "most viewed articles",
    "most read",
    "most read articles",
    "most popular",
    "most shared",
    "popular",
    "popular now",
    "popular stories",
    "trending",
    "trending now",
    "trending stories",
    "recommended",
    "recommended stories",
    "recommended for you",
    "more stories",
    "more news",
    "more on this story",
    "more from this section",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "read next",
    "what to read next",
    "explore more on these topics",
    "topics",
    "tags",
    "share this article",
    "reuse this content",
    "comments",
    "leave a comment",
    "about the author",
    "latest news",
    "editor's picks",
    "editors' picks",
    "top stories",
    "don't miss",
    "leave a reply",
    "also read",
    "read also",
    "also on this site",
    "comments are closed",
    "post navigation",
    "related releases",
    "related stories on this topic",
    "more on this topic",
    "related topics",
    "media contact",
    "media contacts",
    "media enquiries",
    "media inquiries",
];

/// Line prefixes (lowercased) that start the trailing chrome.
const TAIL_PREFIXES: &[&str] = &[
    "please direct questions or comments to",
    "please send questions or comments to",
    "copyright ©",
    "copyright (c)",
    "copyright 19",
    "copyright 20",
    "© 19",
    "© 20",
    "© copyright",
    "all rights reserved",
    "this article was originally published",
    "more from ",
    "explore more on",
    "our standards:",
    "media contact:",
    "media enquiries:",
    "media inquiries:",
    "for media enquiries",
    "for media inquiries",
    "unauthorized reproduction",
    "unauthorised reproduction",
];

/// Whole-line labels (lowercased, trailing punctuation removed) that are dropped where they stand.
const NOISE_LINES: &[&str] = &[
    "advertisement",
    "advertisment",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "read more",
    "read more below",
    "continue reading",
    "continue reading below",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "click here",
    "share",
    "share this",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on linkedin",
    "share via email",
    "share via e-mail",
    "tweet",
    "email",
    "e-mail",
    "print",
    "print this article",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "telegram",
    "kakaotalk",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "login",
    "newsletter",
    "menu",
    "search",
    "close",
    "home",
    "skip to main content",
    "skip to content",
    "listen to this article",
    "listen",
    "listen live",
    "play video",
    "watch video",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "expand",
    "copy link",
    "link copied",
    "font size",
    "text size",
    "top",
    "back to top",
    "go to top",
    "previous",
    "next",
    "more",
    "view comments",
    "like this",
    "loading",
    "print this page",
    "print this story",
    "email this page",
    "comment",
    "comments",
    "add comment",
    "post a comment",
    "print story",
    "print page",
    "accept",
    "accept cookies",
    "follow",
];

/// Line prefixes (lowercased) that are dropped where they stand.
const NOISE_PREFIXES: &[&str] = &[
    "follow us on",
    "follow us:",
    "follow the ",
    "like us on facebook",
    "sign up for",
    "sign up to",
    "subscribe to",
    "subscribe for",
    "get the latest",
    "download our app",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "by continuing to use",
    "reporting by ",
    "(reporting by ",
    "additional reporting by ",
    "editing by ",
    "writing by ",
    "compiled by ",
    "graphic by ",
    "read more:",
    "read also:",
    "see also:",
    "related:",
    "also read:",
    "watch:",
    "listen:",
    "click here to",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tags:",
    "topics:",
    "image source,",
    "image source:",
    "image copyright",
    "media caption,",
];

/// Comment counters ("12 Comments", "Comments (3)") and lines that are only an e-mail
/// address, a handle or a link.
static COUNTER_OR_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
          \d+\s+(?:comments?|replies|responses|shares)
          |(?:comments?|replies|shares)\s*[(:]?\s*\d+\s*\)?
          |[\w.+-]+@[\w-]+(?:\.[\w-]+)+
          |@\w{2,30}
          |(?:https?://|www\.)\S+
        )$",
    )
    .expect("counter pattern is valid")
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:
          \(\s*(?:[^()]{0,80}?\b)?
             (?:photo|photos|photograph|image|picture|pool|courtesy|provided|yonhap|news1|newsis|
                ap|afp|reuters|epa|getty(?:\s+images)?|xinhua|kcna|kyodo|bloomberg|ansa|tass|ria|
                anadolu|irna|wana|sana|efe|dpa|upi|sputnik|jiji|cna|shutterstock|handout)
             \b[^()]{0,80}\)\s*$
        )
        |(?:\b(?:photograph|photo|photo\s+credit|image|picture|credit|illustration)\s*:\s*[^.]{1,80}$)
        |(?:^(?:image|photo|picture|video)\s+caption\s*[,:]\s*\S)
        |(?:/\s*(?:ap|afp|reuters|epa|getty\s+images|xinhua|yonhap|bloomberg|anadolu|shutterstock)\s*$)
        |(?:\b(?:ap|afp|reuters|epa|xinhua|yonhap|bloomberg|anadolu|kcna)\s*/\s*[a-z][a-z.'\ -]{1,40}$)
        ",
    )
    .expect("caption pattern is valid")
});

/// The entries of a word-list data file: one per line, `#` comments and blank lines skipped.
pub(crate) fn word_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

static SECTIONS: LazyLock<Vec<String>> =
    LazyLock::new(|| word_list(include_str!("../data/sections.txt")));

/// Separators of menus and breadcrumbs.
const MENU_SEPARATORS: &[char] = &['|', '»', '›', '>', '•', '·', '/', '→', '¦'];

/// True when `line` is only a section name ("World", "Asia Pacific", "Press Releases").
pub fn is_section_name(line: &str) -> bool {
    let l = label(line);
    !l.is_empty() && l.len() <= 40 && SECTIONS.contains(&l)
}

/// True when `line` is a navigation menu or a breadcrumb trail: "Home | USA | World | Asia",
/// "News › World › Asia", "Home / Politics / Defence", or a run of section names
/// ("Home World Asia Africa Europe").
pub fn is_menu_line(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 300 || t.is_empty() {
        return false;
    }
    let parts: Vec<&str> = t
        .split(MENU_SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let separators = t.chars().filter(|c| MENU_SEPARATORS.contains(c)).count();
    let short_parts = parts
        .iter()
        .all(|p| p.split_whitespace().count() <= 4 && !p.ends_with(['.', '?', '!']));
    let crumbs = t.contains(['»', '›', '→']);
    if separators >= 1 && short_parts && (parts.len() >= 3 || (crumbs && parts.len() >= 2)) {
        return true;
    }
    // Menu words run together without separators.
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() >= 4
        && !ends_sentence_mark(t)
        && words
            .iter()
            .filter(|w| SECTIONS.contains(&w.to_lowercase()))
            .count()
            * 4
            >= words.len() * 3
}

fn ends_sentence_mark(t: &str) -> bool {
    t.ends_with(['.', '!', '?'])
}

/// Lowercases a line and strips trailing punctuation and symbols for label matching.
fn label(line: &str) -> String {
    line.trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '(' && c != ')')
        .to_lowercase()
}

/// True when `line` starts the trailing chrome of a page.
pub fn is_tail_marker(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    let l = label(line);
    let lower = line.trim().to_lowercase();
    TAIL_LINES.contains(&l.as_str()) || TAIL_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// True when `line` is a button, label or notice to drop where it stands.
pub fn is_noise(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return true;
    }
    if t.len() > 300 {
        return false;
    }
    let l = label(t);
    if l.is_empty() {
        // Only symbols, bullets or pipes.
        return true;
    }
    let lower = t.to_lowercase();
    if NOISE_LINES.contains(&l.as_str()) || NOISE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    is_social_bar(&l) || COUNTER_OR_ADDRESS.is_match(t)
}

/// "Facebook | Twitter | Email" and similar bars of share buttons.
fn is_social_bar(l: &str) -> bool {
    let parts: Vec<&str> = l
        .split(['|', '·', '•', '/', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 2 && parts.iter().all(|p| NOISE_LINES.contains(p))
}

/// True when `line` reads as a photo caption with a credit.
pub fn is_caption(line: &str) -> bool {
    line.len() < 1000 && CAPTION.is_match(line.trim())
}

/// True when `line` has letters but none of them Latin: in an English page
/// such lines are buttons and menus in the site's home language.
pub fn is_foreign_script_label(line: &str) -> bool {
    let mut letters = 0usize;
    for c in line.chars() {
        if c.is_alphabetic() {
            if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
                return false;
            }
            letters += 1;
        }
    }
    letters > 0 && line.chars().count() <= 60
}

/// Extracts author names from a byline such as "By Kim Oi-hyun, staff reporter".
///
/// Roles ("staff reporter", "Seoul correspondent"), agencies, places ("in
/// Brussels"), e-mail addresses and handles are dropped; "and", "&", commas
/// and semicolons separate names.
pub fn byline_names(line: &str) -> Vec<String> {
    let mut t = line.trim().trim_start_matches(['•', '·', '-', '*', ' ']);
    if let Some(rest) = strip_byline_prefix(t) {
        t = rest;
    }
    // A byline may share its line with a date or a site name.
    if let Some(cut) = t.find(['|', '•', '·']) {
        t = &t[..cut];
    }
    let mut names = Vec::new();
    for part in t.split([',', ';', '&']).flat_map(|p| p.split(" and ")) {
        let mut part = part.trim();
        if let Some(at) = part.find(" in ") {
            part = &part[..at];
        }
        if let Some(at) = part.find(" for ") {
            part = &part[..at];
        }
        if let Some(name) = as_name(part) {
            names.push(name);
        }
    }
    names
}

/// Removes "By", "Written by", "Reporter :" and similar from the start of a byline.
fn strip_byline_prefix(t: &str) -> Option<&str> {
    const PREFIXES: &[&str] = &[
        "by ",
        "written by ",
        "words by ",
        "reported by ",
        "posted by ",
        "reporter :",
        "reporter:",
        "reporters :",
        "reporters:",
        "author :",
        "author:",
        "authors:",
        "writer :",
        "writer:",
        "기자 :",
    ];
    let lower = t.to_lowercase();
    PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .and_then(|p| t.get(p.len()..))
        .map(str::trim_start)
}

/// Accepts 1 to 5 capitalised words (with name particles) as a person's name.
fn as_name(part: &str) -> Option<String> {
    const ROLE_WORDS: &[&str] = &[
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "writer",
        "editor",
        "staff",
        "contributor",
        "columnist",
        "press",
        "associated",
        "reuters",
        "news",
        "agency",
        "bureau",
        "desk",
        "team",
        "senior",
        "chief",
        "political",
        "diplomatic",
        "defense",
        "defence",
        "foreign",
        "international",
        "special",
        "photographer",
        "updated",
        "published",
        "posted",
        "ap",
        "afp",
        "ft",
        "cnn",
        "bbc",
    ];
    const PARTICLES: &[&str] = &[
        "de", "da", "del", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "du", "dos",
        "y",
    ];
    let mut words: Vec<&str> = part
        .split_whitespace()
        .filter(|w| !w.contains('@') && !w.contains("://"))
        .collect();
    // Role words after a name: "Jane Roe Senior Correspondent".
    let mut trimmed_role = false;
    // Organisation words end credits ("Eastlake Public Radio News"), not names.
    const ORG_WORDS: &[&str] = &[
        "news", "press", "agency", "bureau", "desk", "team", "wire", "service", "radio", "tv",
    ];
    let bare_lower = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    if words
        .last()
        .is_some_and(|w| ORG_WORDS.contains(&bare_lower(w).as_str()))
    {
        return None;
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| ROLE_WORDS.contains(&bare_lower(w).as_str()))
    {
        words.pop();
        trimmed_role = true;
    }
    // "Tokyo correspondent": a lone word before a role is a place, not a name.
    if words.is_empty() || words.len() > 5 || (trimmed_role && words.len() < 2) {
        return None;
    }
    let mut capitalised = 0;
    for w in &words {
        let bare = w.trim_matches(|c: char| matches!(c, '.' | '"' | '\'' | '(' | ')'));
        if bare.is_empty() || bare.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        if ROLE_WORDS.contains(&bare.to_lowercase().as_str()) {
            return None;
        }
        let first = bare.chars().next()?;
        // Uncased scripts (Hangul, Han, Arabic…) have no capitals: accept them as names.
        if first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase()) {
            capitalised += 1;
        } else if !PARTICLES.contains(&bare.to_lowercase().trim_end_matches('-'))
            && !bare.starts_with("al-")
        {
            return None;
        }
    }
    (capitalised >= 1 && (words.len() >= 2 || capitalised == 1 && words[0].len() > 1))
        .then(|| words.join(" "))
}

/// True when `line` looks like a byline: "By …" with names, or "Name in City".
pub fn is_byline(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 200 {
        return false;
    }
    if strip_byline_prefix(t.trim_start_matches(['•', '·', '-', '*', ' '])).is_some() {
        return !byline_names(t).is_empty();
    }
    // "Jane Doe in Brussels" / "Jane Doe and John Roe in Seoul".
    if let Some(at) = t.find(" in ") {
        let (names, place) = (&t[..at], &t[at + 4..]);
        let place_ok = !place.is_empty()
            && place.split_whitespace().count() <= 3
            && place
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let names_ok = names
            .split(" and ")
            .all(|n| as_name(n.trim()).is_some_and(|n| n.split_whitespace().count() >= 2));
        return place_ok && names_ok && !t.ends_with('.');
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_markers() {
        for l in [
            "Related stories",
            "Most viewed articles",
            "Please direct questions or comments to [english@example.co.kr]",
            "Explore more on these topics",
            "© 2014 Example Media. All rights reserved.",
            "TRENDING NOW",
        ] {
            assert!(is_tail_marker(l), "{l}");
        }
        for l in [
            "Related talks were held in Geneva.",
            "The most viewed video showed the strike.",
        ] {
            assert!(!is_tail_marker(l), "{l}");
        }
    }

    #[test]
    fn noise_lines() {
        for l in [
            "Advertisement",
            "ADVERTISEMENT",
            "Share on Facebook",
            "Facebook | Twitter | Email",
            "Reporting by Jane Roe; Editing by Tom Hale",
            "Follow us on Twitter @example",
            "• • •",
            "Subscribe",
        ] {
            assert!(is_noise(l), "{l}");
        }
        for l in [
            "Share prices fell 3 percent after the sanctions were announced.",
            "Email records show the envoy met twice.",
        ] {
            assert!(!is_noise(l), "{l}");
        }
    }

    #[test]
    fn captions() {
        for l in [
            "Defense Minister Han Min-koo (left) shakes hands with his counterpart in Seoul on Oct. 7. (Yonhap News)",
            "Protesters gather outside parliament. Photograph: Jane Roe/AP",
            "Troops patrol the border on Monday. (AP Photo/Lee Jin-man)",
            "Smoke rises over the port. REUTERS/Ali Hassan",
            "The ministers pose before talks. (provided by the Ministry of National Defense)",
        ] {
            assert!(is_caption(l), "{l}");
        }
        for l in [
            "The ministers met in Seoul on Oct. 7 and agreed to expand drills.",
            "\"We will respond,\" he said (speaking to reporters).",
        ] {
            assert!(!is_caption(l), "{l}");
        }
    }

    #[test]
    fn foreign_script_labels() {
        assert!(is_foreign_script_label("기사공유하기"));
        assert!(is_foreign_script_label("맨위로 ▲"));
        assert!(!is_foreign_script_label("Seoul 서울"));
        assert!(!is_foreign_script_label("12 | 34"));
    }

    #[test]
    fn byline_names_drop_roles() {
        assert_eq!(
            byline_names("By Kim Oi-hyun, staff reporter"),
            ["Kim Oi-hyun"]
        );
        assert_eq!(
            byline_names("By Jane Smith and Ahmed Ali"),
            ["Jane Smith", "Ahmed Ali"]
        );
        assert_eq!(
            byline_names("By Jane Doe, Rahul Mehta & Li Wei | Example News"),
            ["Jane Doe", "Rahul Mehta", "Li Wei"]
        );
        assert_eq!(
            byline_names("By Park Min-ho, Tokyo correspondent"),
            ["Park Min-ho"]
        );
        assert_eq!(
            byline_names("by Ludwig van Beethoven in Bonn"),
            ["Ludwig van Beethoven"]
        );
        assert!(byline_names("By the way, the talks failed.").is_empty());
        assert_eq!(byline_names("By 정주원"), ["정주원"]);
        assert_eq!(
            byline_names("Reporter : Kang Hyun-kyung"),
            ["Kang Hyun-kyung"]
        );
    }

    #[test]
    fn bylines_recognised() {
        assert!(is_byline("By Kim Oi-hyun, staff reporter"));
        assert!(is_byline("Jane Doe in Brussels"));
        assert!(is_byline("Jane Doe and John Roe in Seoul"));
        assert!(is_byline("Reporter : Kang Hyun-kyung"));
        assert!(is_byline("By 정주원"));
        assert!(!is_byline("Talks in Geneva"));
        assert!(!is_byline("By 2015, the treaty had lapsed."));
    }
}
