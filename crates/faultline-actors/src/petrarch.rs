//! PETRARCH-2 actor and agent dictionaries, read as an additional or
//! alternative dictionary set.
//!
//! Actor files: `PRIMARY_PHRASE [CODE]`, `+SYNONYM` lines, and date lines
//! (tab-indented) `[CODE <YYMMDD]`, `[CODE >YYYYMMDD]`, `[CODE d1-d2]`,
//! `[CODE]`; several codes may follow a phrase on one line. `_` joins words
//! and a trailing `_` is dropped. `#` starts a comment; `<!-- … -->` comments
//! may span lines. The first dated code that applies on a date wins, else the
//! first undated one (PETRARCH-2 let an undated code listed first hide the
//! restrictions after it; the validation records expect them); `<d` means
//! before d, `>d` on or after d, and `d1-d2` from d1 up to (not including) d2.
//!
//! Agent files: `PHRASE {PLURALS} [~CODE]` (sector appended) or `[CODE~]`
//! (prefixed), with substitution sets `!PERSON! = MAN, MEN, …` used inside
//! phrases. Regular plurals are generated unless `{}` lists them.
//!
//! Every line is accounted for in a [`PetrarchStats`]: loaded, comment or
//! blank, or reported as an error with file and line.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use faultline_text::morph::plural;

use crate::code::{self, DatedCode};
use crate::dict::{DictBuilder, Entry, EntryKind, PhraseKind};
use crate::error::ActorError;
use crate::matcher::CaseRule;

/// How the lines of a file were accounted for.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PetrarchStats {
    /// Lines in the file.
    pub lines: usize,
    /// Lines that contributed a phrase or a code.
    pub loaded: usize,
    /// Comment, blank and substitution-definition lines.
    pub skipped: usize,
    /// Lines reported as errors.
    pub errors: usize,
    /// Entries created.
    pub entries: usize,
}

/// Parses a PETRARCH date: YYYYMMDD, or YYMMDD (00–30 → 20YY, else 19YY).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().ok()?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<i32>().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// Parses the inside of one `[...]` code group.
fn parse_code(inner: &str) -> Result<DatedCode, String> {
    let mut parts = inner.split_whitespace();
    let raw = parts.next().ok_or("empty code brackets")?;
    let code_text = raw.trim_matches('~');
    if !code_text.is_empty()
        && !code_text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && code_text != "---"
    {
        return Err(format!("bad code {raw:?}"));
    }
    let mut dc = DatedCode::always(raw);
    // The restriction may be written with spaces: "< 950601", "19950601 - 19990815".
    let rest: String = parts.by_ref().collect();
    if !rest.is_empty() {
        let range = rest.as_str();
        if let Some(d) = range.strip_prefix('<') {
            dc.to = Some(
                parse_date(d)
                    .ok_or_else(|| format!("bad date {d:?} (write YYMMDD or YYYYMMDD)"))?,
            );
        } else if let Some(d) = range.strip_prefix('>') {
            dc.from = Some(
                parse_date(d)
                    .ok_or_else(|| format!("bad date {d:?} (write YYMMDD or YYYYMMDD)"))?,
            );
        } else if let Some((a, b)) = range.split_once('-') {
            dc.from = Some(
                parse_date(a)
                    .ok_or_else(|| format!("bad date {a:?} (write YYMMDD or YYYYMMDD)"))?,
            );
            dc.to = Some(
                parse_date(b)
                    .ok_or_else(|| format!("bad date {b:?} (write YYMMDD or YYYYMMDD)"))?,
            );
        } else {
            return Err(format!(
                "bad date restriction {range:?}; use <date, >date or date1-date2"
            ));
        }
    }
    Ok(dc)
}

/// Splits a line into its text before the first `[` and its code groups.
fn split_codes(line: &str) -> Result<(&str, Vec<&str>), String> {
    let Some(first) = line.find('[') else {
        return Ok((line, Vec::new()));
    };
    let mut codes = Vec::new();
    let mut rest = &line[first..];
    while let Some(open) = rest.find('[') {
        if !rest[..open].trim().is_empty() {
            return Err(format!(
                "unexpected text {:?} between codes",
                rest[..open].trim()
            ));
        }
        let close = rest[open..]
            .find(']')
            .ok_or("unclosed '['; close the code with ']'")?
            + open;
        codes.push(&rest[open + 1..close]);
        rest = &rest[close + 1..];
    }
    if !rest.trim().is_empty() {
        return Err(format!("unexpected text {:?} after the codes", rest.trim()));
    }
    Ok((&line[..first], codes))
}

/// Strips `#` comments and `<!-- -->` comments (tracking multi-line state).
fn strip_comments<'a>(line: &'a str, in_block: &mut bool) -> std::borrow::Cow<'a, str> {
    let mut out = String::new();
    let mut rest = line;
    loop {
        if *in_block {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    *in_block = false;
                }
                None => return std::borrow::Cow::Owned(out),
            }
        } else {
            match rest.find("<!--") {
                Some(start) => {
                    out.push_str(&rest[..start]);
                    rest = &rest[start + 4..];
                    *in_block = true;
                }
                None => {
                    out.push_str(rest);
                    break;
                }
            }
        }
    }
    let cut = out.find('#').unwrap_or(out.len());
    out.truncate(cut);
    std::borrow::Cow::Owned(out)
}

/// Turns a dictionary phrase into text: `_` → space, trailing `_` dropped.
fn phrase_text(raw: &str) -> String {
    raw.trim()
        .trim_end_matches('_')
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Case rule for PETRARCH phrases (written in capitals): short acronyms must
/// be capitals in the text; anything else must start with a capital.
fn petrarch_case(text: &str) -> CaseRule {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 3 && !text.contains(' ') {
        CaseRule::Upper
    } else {
        CaseRule::Capitalised
    }
}

/// Reads a PETRARCH actor dictionary into `builder`.
pub fn load_actors(
    builder: &mut DictBuilder,
    file: &Path,
    text: &str,
    errors: &mut Vec<ActorError>,
) -> PetrarchStats {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let mut stats = PetrarchStats::default();
    let mut in_block = false;
    // The entry being built: (index into the builder, phrases, codes, first line).
    let mut current: Option<(Vec<String>, Vec<DatedCode>, usize)> = None;
    let flush = |builder: &mut DictBuilder,
                 cur: Option<(Vec<String>, Vec<DatedCode>, usize)>,
                 stats: &mut PetrarchStats,
                 errors: &mut Vec<ActorError>| {
        let Some((phrases, codes, line)) = cur else {
            return;
        };
        if codes.is_empty() {
            errors.push(ActorError::Line {
                file: file.to_owned(),
                line,
                message: format!(
                    "{:?} has no code; add [CODE] after it or on a date line below it",
                    phrases.first().map_or("", String::as_str)
                ),
            });
            stats.errors += 1;
            stats.loaded = stats.loaded.saturating_sub(1);
            return;
        }
        let root = codes
            .iter()
            .find_map(|c| code::split(&c.code).0.map(str::to_owned));
        let id = builder.add_entry(Entry {
            id: format!("{name}:{line}"),
            kind: EntryKind::Petrarch,
            name: phrases[0].clone(),
            country: root,
            codes,
            otherwise: None,
            prefix_sector: false,
        });
        for p in &phrases {
            builder.add_phrase_with_case(id, p, PhraseKind::Name, petrarch_case(p));
        }
        stats.entries += 1;
    };
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        stats.lines += 1;
        let line = strip_comments(raw, &mut in_block);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            stats.skipped += 1;
            continue;
        }
        let err = |message: String| ActorError::Line {
            file: file.to_owned(),
            line: line_no,
            message,
        };
        let (head, code_groups) = match split_codes(trimmed) {
            Ok(x) => x,
            Err(m) => {
                errors.push(err(m));
                stats.errors += 1;
                continue;
            }
        };
        let mut codes = Vec::new();
        let mut bad = None;
        for g in code_groups {
            match parse_code(g) {
                Ok(c) => codes.push(c),
                Err(m) => bad = Some(m),
            }
        }
        if let Some(m) = bad {
            errors.push(err(m));
            stats.errors += 1;
            continue;
        }
        let head = head.trim();
        let indented = raw.starts_with([' ', '\t']);
        if head.is_empty() {
            // A date line: codes for the current entry.
            match current.as_mut() {
                Some((_, cs, _)) => {
                    cs.extend(codes);
                    stats.loaded += 1;
                }
                None => {
                    errors.push(err("code line with no phrase before it".to_owned()));
                    stats.errors += 1;
                }
            }
        } else if let Some(syn) = head.strip_prefix('+') {
            let p = phrase_text(syn);
            match current.as_mut() {
                Some((ps, cs, _)) if !p.is_empty() => {
                    ps.push(p);
                    cs.extend(codes);
                    stats.loaded += 1;
                }
                _ => {
                    errors.push(err("synonym with no primary phrase before it".to_owned()));
                    stats.errors += 1;
                }
            }
        } else {
            let p = phrase_text(head);
            if p.is_empty() || (indented && codes.is_empty()) {
                errors.push(err(format!("cannot read {head:?} as a phrase")));
                stats.errors += 1;
                continue;
            }
            flush(builder, current.take(), &mut stats, errors);
            current = Some((vec![p], codes, line_no));
            stats.loaded += 1;
        }
    }
    flush(builder, current.take(), &mut stats, errors);
    stats
}

/// Reads a PETRARCH agent dictionary into `builder` as sector phrases.
pub fn load_agents(
    builder: &mut DictBuilder,
    file: &Path,
    text: &str,
    errors: &mut Vec<ActorError>,
) -> PetrarchStats {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let mut stats = PetrarchStats::default();
    let mut in_block = false;
    let mut subs: Vec<Substitution> = Vec::new();
    // One entry per (sector, prefixed), created by its first line.
    let mut sectors: HashMap<(String, bool), usize> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        stats.lines += 1;
        let line = strip_comments(raw, &mut in_block);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            stats.skipped += 1;
            continue;
        }
        if let Some(sub) = substitution(trimmed) {
            subs.push(sub);
            stats.skipped += 1;
            continue;
        }
        match agent_line(trimmed, &subs) {
            Ok(agent) => {
                let key = (agent.sector.clone(), agent.prefix);
                let id = *sectors.entry(key).or_insert_with(|| {
                    stats.entries += 1;
                    builder.add_entry(Entry {
                        id: format!("{name}:{line_no}"),
                        kind: EntryKind::Sector,
                        name: agent.sector.clone(),
                        country: None,
                        codes: vec![DatedCode::always(&agent.sector)],
                        otherwise: None,
                        prefix_sector: agent.prefix,
                    })
                });
                for t in agent.texts {
                    builder.add_phrase_with_case(id, &t, PhraseKind::Sector, CaseRule::Any);
                }
                stats.loaded += 1;
            }
            Err(message) => {
                errors.push(ActorError::Line {
                    file: file.to_owned(),
                    line: line_no,
                    message,
                });
                stats.errors += 1;
            }
        }
    }
    stats
}

/// A substitution set: `!PERSON! = MAN, MEN, WOMAN`.
type Substitution = (String, Vec<String>);

/// The substitution set a line defines, if it is one.
fn substitution(line: &str) -> Option<Substitution> {
    if !(line.starts_with('!') && line.contains('=')) {
        return None;
    }
    let (k, v) = line.split_once('=').unwrap_or_default();
    Some((
        k.trim().to_owned(),
        v.split(',')
            .map(|w| w.trim().to_owned())
            .filter(|w| !w.is_empty())
            .collect(),
    ))
}

/// One agent line, read: its sector, whether it is prefixed, its phrases.
struct AgentLine {
    sector: String,
    prefix: bool,
    texts: Vec<String>,
}

/// Reads `PHRASE {PLURALS} [~CODE]` or `[CODE~]`; the error says what to fix.
fn agent_line(line: &str, subs: &[Substitution]) -> Result<AgentLine, String> {
    let (head, groups) = split_codes(line)?;
    let [code_raw] = groups.as_slice() else {
        return Err("an agent line needs exactly one [~CODE] or [CODE~]".to_owned());
    };
    let code_raw = code_raw.trim();
    let prefix = code_raw.ends_with('~');
    let sector = code_raw.trim_matches('~');
    if !code::is_valid(sector) {
        return Err(format!("bad agent code {code_raw:?}"));
    }
    let (phrase_part, plurals) = split_plurals(head)?;
    Ok(AgentLine {
        sector: sector.to_owned(),
        prefix,
        texts: agent_forms(phrase_part, plurals, subs),
    })
}

/// Splits a phrase from its optional `{PLURALS}`.
fn split_plurals(head: &str) -> Result<(&str, Option<Vec<String>>), String> {
    let Some(open) = head.find('{') else {
        return Ok((head, None));
    };
    let close = head[open..]
        .find('}')
        .ok_or("unclosed '{'; close the plural list with '}'")?;
    let plurals = head[open + 1..open + close]
        .split_whitespace()
        .map(phrase_text)
        .collect();
    Ok((&head[..open], Some(plurals)))
}

/// Every text of an agent phrase: substitutions expanded, then the listed
/// plurals, or regular plurals when none are listed and nothing was
/// substituted.
fn agent_forms(
    phrase_part: &str,
    plurals: Option<Vec<String>>,
    subs: &[Substitution],
) -> Vec<String> {
    let mut forms = vec![phrase_part.trim().to_owned()];
    let substituted = subs.iter().any(|(k, _)| phrase_part.contains(k.as_str()));
    for (key, vals) in subs {
        if forms.iter().any(|f| f.contains(key.as_str())) {
            forms = forms
                .iter()
                .flat_map(|f| vals.iter().map(move |v| f.replace(key.as_str(), v)))
                .collect();
        }
    }
    let mut texts: Vec<String> = forms
        .iter()
        .map(|f| phrase_text(f))
        .filter(|t| !t.is_empty())
        .collect();
    match plurals {
        Some(ps) => texts.extend(ps),
        None if substituted => {}
        None => {
            let generated: Vec<String> = texts
                .iter()
                .filter(|t| !t.ends_with('S'))
                .map(|t| plural(t))
                .collect();
            texts.extend(generated);
        }
    }
    texts
}

/// True when a file looks like an agents dictionary (codes written `[~XXX]` or `[XXX~]`).
pub fn looks_like_agents(text: &str) -> bool {
    text.lines()
        .take(400)
        .filter(|l| l.contains("[~") || l.contains("~]"))
        .count()
        >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("090120"), NaiveDate::from_ymd_opt(2009, 1, 20));
        assert_eq!(parse_date("780101"), NaiveDate::from_ymd_opt(1978, 1, 1));
        assert_eq!(parse_date("20130227"), NaiveDate::from_ymd_opt(2013, 2, 27));
        assert_eq!(parse_date("2013022"), None);
        assert_eq!(parse_date("20131302"), None);
        let c = parse_code("HOB < 950601").unwrap();
        assert_eq!(c.to, NaiveDate::from_ymd_opt(1995, 6, 1));
        let c = parse_code("HOBGOV 19950601 - 19990815").unwrap();
        assert_eq!(c.from, NaiveDate::from_ymd_opt(1995, 6, 1));
        assert_eq!(c.to, NaiveDate::from_ymd_opt(1999, 8, 15));
    }

    #[test]
    fn actor_file_with_dates_and_errors() {
        let text = "# comment\nBARACK_OBAMA\n+PRESIDENT_OBAMA_\n\t[USAELI 780101-000101]\n\t[USAGOV >090120]\n<!-- a\nblock -->\nHAGEL [USAGOV\nGANDALF [ELF] [WIZ <20000101]\n\t[BAD 1999]\nORPHAN_PHRASE\n";
        let mut b = DictBuilder::new();
        let mut errors = Vec::new();
        let stats = load_actors(&mut b, Path::new("t.actors.txt"), text, &mut errors);
        assert_eq!(stats.lines, 11);
        assert_eq!(
            stats.loaded + stats.skipped + stats.errors,
            stats.lines,
            "{stats:?} {errors:?}"
        );
        let msgs: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("t.actors.txt:8: unclosed")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("t.actors.txt:10: bad date restriction")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("t.actors.txt:11: \"ORPHAN PHRASE\" has no code")),
            "{msgs:?}"
        );
        let dict = b.build().unwrap();
        let obama = dict
            .entries
            .iter()
            .find(|e| e.name == "BARACK OBAMA")
            .unwrap();
        assert_eq!(
            obama.code_on(NaiveDate::from_ymd_opt(2010, 1, 1).unwrap()),
            Some("USAGOV")
        );
        assert_eq!(
            obama.code_on(NaiveDate::from_ymd_opt(1990, 1, 1).unwrap()),
            Some("USAELI")
        );
    }

    #[test]
    fn agent_file_with_substitutions() {
        let text = "!PERSON! = MAN, MEN, WOMAN\nCATTLE!PERSON! [~AGR]\nANTI_RIOT_POLICE {} [~COP]\nCHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\nAID_AGENCY [NGO~]\nBROKEN [~]\n";
        let mut b = DictBuilder::new();
        let mut errors = Vec::new();
        let stats = load_agents(&mut b, Path::new("a.txt"), text, &mut errors);
        assert_eq!(stats.loaded + stats.skipped + stats.errors, stats.lines);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let dict = b.build().unwrap();
        let texts: Vec<&str> = dict.phrases.iter().map(|p| p.text.as_str()).collect();
        for t in [
            "CATTLEMAN",
            "CATTLEMEN",
            "ANTI RIOT POLICE",
            "CHAMBERS OF COMMERCE",
            "AID AGENCY",
            "AID AGENCIES",
        ] {
            assert!(texts.contains(&t), "{t} missing from {texts:?}");
        }
        assert!(
            dict.entries
                .iter()
                .any(|e| e.prefix_sector && e.name == "NGO")
        );
    }
}
