//! faultline's own dictionary format (TOML; see `data/README.md`): reading,
//! checking, and adding to a [`DictBuilder`].
//!
//! Every problem is reported with its file and line and the loader carries
//! on with the next entry, so one bad entry never hides the rest.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use faultline_text::morph::plural;
use serde::Deserialize;
use toml::Spanned;

use crate::code::{self, DatedCode};
use crate::dict::{DictBuilder, Entry, EntryKind, PhraseKind};
use crate::error::ActorError;

/// A date written as a TOML string ("2013-02-27") or a TOML local date.
#[derive(Debug, Clone, Copy)]
pub struct Day(pub NaiveDate);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = toml::Value::deserialize(d)?;
        let s = match &v {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(dt) => dt.to_string(),
            other => {
                return Err(serde::de::Error::custom(format!(
                    "expected a date, found {}",
                    other.type_str()
                )));
            }
        };
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(Day)
            .map_err(|_| serde::de::Error::custom(format!("bad date {s:?}; write YYYY-MM-DD")))
    }
}

/// One example: `[sentence, mention, code]` or `[sentence, mention, code, date]`.
#[derive(Debug, Clone)]
pub struct Example {
    /// The sentence to resolve.
    pub sentence: String,
    /// The mention that must be found, verbatim.
    pub mention: String,
    /// The code it must get, or "-" for "no actor here".
    pub code: String,
    /// The date to resolve on.
    pub date: NaiveDate,
    /// The entry that carries the example.
    pub entry: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextAlias {
    alias: String,
    when: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Country {
    code: String,
    name: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    capital: Option<String>,
    #[serde(default)]
    metonyms: Vec<String>,
    #[serde(default)]
    context: Vec<ContextAlias>,
    #[serde(default)]
    examples: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatedSpec {
    code: String,
    from: Option<Day>,
    to: Option<Day>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Named {
    code: String,
    name: String,
    #[serde(default)]
    names: Vec<String>,
    country: Option<String>,
    #[serde(default)]
    dated: Vec<DatedSpec>,
    #[serde(default)]
    context: Vec<ContextAlias>,
    #[serde(default)]
    examples: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sector {
    code: String,
    label: String,
    words: Vec<String>,
    #[serde(default)]
    examples: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Role {
    code: String,
    title: Option<String>,
    from: Option<Day>,
    to: Option<Day>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Person {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    country: String,
    #[serde(default)]
    roles: Vec<Role>,
    /// Day of death. When a role ends that day (died in office), later
    /// mentions keep that role's code: news about a dead official is about
    /// their killing or their acts in office, not about a living ex-official.
    #[serde(default)]
    died: Option<Day>,
    #[serde(default)]
    examples: Vec<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    country: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    igo: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    group: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    org: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    sector: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    person: Vec<Spanned<toml::Value>>,
}

/// What loading a set of files produced besides the entries.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Entries added.
    pub entries: usize,
    /// Problems, each with file and line; the entries they concern were skipped.
    pub errors: Vec<ActorError>,
    /// Every example of every entry, for tests and `faultline actors --check`.
    pub examples: Vec<Example>,
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// The byte offsets of a text's line breaks, to number the lines of many
/// entries without counting from the start for each (the default
/// dictionaries have thousands of entries: counting took a sixth of the
/// start-up time).
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Self {
        let breaks = text.bytes().enumerate().filter(|&(_, b)| b == b'\n');
        Self(breaks.map(|(i, _)| i).collect())
    }

    /// The 1-based line of byte `offset` (the same as [`line_of`]).
    fn of(&self, offset: usize) -> usize {
        1 + self.0.partition_point(|&p| p < offset)
    }
}

/// Reads one dictionary file in faultline's format into `builder`.
pub fn load_str(builder: &mut DictBuilder, file: &Path, text: &str, report: &mut LoadReport) {
    let parsed: File = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            report.errors.push(ActorError::Line {
                file: file.to_owned(),
                line,
                message: format!("{}; fix the TOML syntax", e.message().trim()),
            });
            return;
        }
    };
    let mut load = FileLoad {
        builder,
        file,
        lines: Lines::new(text),
        stem: entry_stem(file),
        report,
    };
    load.each(parsed.country, FileLoad::country);
    for (items, kind) in [
        (parsed.igo, EntryKind::Igo),
        (parsed.group, EntryKind::Group),
        (parsed.org, EntryKind::Org),
    ] {
        load.each(items, |l, n: Named, line| l.named(n, kind, line));
    }
    load.each(parsed.sector, FileLoad::sector);
    load.each(parsed.person, FileLoad::person);
}

/// The prefix of a file's entry ids: its name, under `people/` for people files.
fn entry_stem(file: &Path) -> String {
    let fname = file.file_name().map_or_else(
        || file.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    file.parent()
        .and_then(|p| p.file_name())
        .filter(|p| *p == "people")
        .map_or(fname.clone(), |_| format!("people/{fname}"))
}

/// One file being loaded: where its entries go and where its problems are reported.
struct FileLoad<'a> {
    builder: &'a mut DictBuilder,
    file: &'a Path,
    lines: Lines,
    stem: String,
    report: &'a mut LoadReport,
}

impl FileLoad<'_> {
    fn err(&mut self, line: usize, message: String) {
        self.report.errors.push(ActorError::Line {
            file: self.file.to_owned(),
            line,
            message,
        });
    }

    /// Reads each item of a table array as `T` and hands it to `add` with its
    /// line; an item that does not read is reported.
    fn each<T: serde::de::DeserializeOwned>(
        &mut self,
        items: Vec<Spanned<toml::Value>>,
        mut add: impl FnMut(&mut Self, T, usize),
    ) {
        for item in items {
            let line = self.lines.of(item.span().start);
            match T::deserialize(item.into_inner()) {
                Ok(v) => add(self, v, line),
                Err(e) => self.err(
                    line,
                    format!(
                        "{}; see data/README.md for the fields",
                        e.to_string().trim()
                    ),
                ),
            }
        }
    }

    /// True when `code` is a valid actor code; else reports it.
    fn check_code(&mut self, code: &str, line: usize) -> bool {
        if code::is_valid(code) {
            return true;
        }
        self.err(
            line,
            format!("bad actor code {code:?}; codes are groups of three capital letters"),
        );
        false
    }

    /// Collects an entry's examples and counts the entry.
    fn finish(&mut self, examples: &[Vec<String>], key: &str, line: usize) {
        let entry = format!("{}:{key}", self.stem);
        push_examples(self.report, examples, &entry, line, self.file);
        self.report.entries += 1;
    }

    fn country(&mut self, c: Country, line: usize) {
        if !self.check_code(&c.code, line) || c.code.len() != 3 {
            return;
        }
        let id = self.builder.add_entry(Entry {
            id: format!("{}:{}", self.stem, c.code),
            kind: EntryKind::Country,
            name: c.name.clone(),
            country: Some(c.code.clone()),
            codes: vec![DatedCode::always(c.code.clone())],
            otherwise: None,
            prefix_sector: false,
        });
        for n in std::iter::once(&c.name).chain(&c.names) {
            self.builder.add_phrase(id, n, PhraseKind::Name);
        }
        for d in &c.demonyms {
            self.builder.add_phrase(id, d, PhraseKind::Demonym);
        }
        for m in c.capital.iter().chain(&c.metonyms) {
            self.builder.add_phrase(id, m, PhraseKind::Metonym);
        }
        self.context_aliases(id, &c.context);
        self.finish(&c.examples, &c.code, line);
    }

    fn named(&mut self, n: Named, kind: EntryKind, line: usize) {
        if !self.check_code(&n.code, line) {
            return;
        }
        let mut codes: Vec<DatedCode> = n
            .dated
            .iter()
            .map(|d| DatedCode {
                code: d.code.clone(),
                from: d.from.map(|d| d.0),
                to: d.to.map(|d| d.0),
            })
            .collect();
        codes.push(DatedCode::always(n.code.clone()));
        let root = code::split(&n.code).0.map(str::to_owned);
        let id = self.builder.add_entry(Entry {
            id: format!("{}:{}", self.stem, n.name),
            kind,
            name: n.name.clone(),
            country: n.country.clone().or(root),
            codes,
            otherwise: None,
            prefix_sector: false,
        });
        for name in std::iter::once(&n.name).chain(&n.names) {
            self.builder.add_phrase(id, name, PhraseKind::Name);
        }
        self.context_aliases(id, &n.context);
        self.finish(&n.examples, &n.name, line);
    }

    /// The entry's names valid only in some documents (see `PhraseKind::Context`).
    fn context_aliases(&mut self, id: usize, aliases: &[ContextAlias]) {
        for a in aliases {
            let kind = PhraseKind::Context {
                when: a.when.clone(),
                unless: a.unless.clone(),
            };
            self.builder.add_phrase(id, &a.alias, kind);
        }
    }

    fn sector(&mut self, s: Sector, line: usize) {
        if !self.check_code(&s.code, line) {
            return;
        }
        let id = self.builder.add_entry(Entry {
            id: format!("{}:{}", self.stem, s.code),
            kind: EntryKind::Sector,
            name: s.label.clone(),
            country: None,
            codes: vec![DatedCode::always(s.code.clone())],
            otherwise: None,
            prefix_sector: false,
        });
        for w in &s.words {
            self.builder.add_phrase(id, w, PhraseKind::Sector);
            let p = plural(w);
            if !s.words.contains(&p) && !w.ends_with('s') {
                self.builder.add_phrase(id, &p, PhraseKind::Sector);
            }
        }
        self.finish(&s.examples, &s.code, line);
    }

    fn person(&mut self, p: Person, line: usize) {
        let Some(codes) = self.person_codes(&p, line) else {
            return;
        };
        if p.country.len() != 3 && !code::is_valid(&p.country) {
            return;
        }
        let root = p.country.get(..3).unwrap_or(&p.country);
        let id = self.builder.add_entry(Entry {
            id: format!("{}:{}", self.stem, p.name),
            kind: EntryKind::Person,
            name: p.name.clone(),
            country: Some(root.to_owned()),
            codes,
            otherwise: Some(format!("{root}ELI")),
            prefix_sector: false,
        });
        for n in std::iter::once(&p.name).chain(&p.aliases) {
            self.builder.add_phrase(id, n, PhraseKind::Name);
        }
        self.finish(&p.examples, &p.name, line);
    }

    /// A person's dated codes, checked (`None` after reporting a problem).
    /// Died in office: the last office's code continues after death.
    fn person_codes(&mut self, p: &Person, line: usize) -> Option<Vec<DatedCode>> {
        let mut ok = true;
        let mut codes = Vec::new();
        for r in &p.roles {
            ok &= self.check_code(&r.code, line);
            if let (Some(f), Some(t)) = (r.from, r.to)
                && f.0 >= t.0
            {
                self.err(
                    line,
                    format!("{}: role {:?} ends before it starts", p.name, r.title),
                );
                ok = false;
            }
            codes.push(DatedCode {
                code: r.code.clone(),
                from: r.from.map(|d| d.0),
                to: r.to.map(|d| d.0),
            });
        }
        if let Some(died) = p.died {
            if let Some(r) = p
                .roles
                .iter()
                .find(|r| r.from.is_some_and(|f| f.0 >= died.0))
            {
                self.err(
                    line,
                    format!(
                        "{}: role {:?} starts on or after the day of death; fix `died` or the role",
                        p.name, r.title
                    ),
                );
                ok = false;
            }
            if let Some(r) = p.roles.iter().find(|r| r.to.is_some_and(|t| t.0 == died.0)) {
                codes.push(DatedCode {
                    code: r.code.clone(),
                    from: Some(died.0),
                    to: None,
                });
            }
        }
        ok.then_some(codes)
    }
}

fn push_examples(
    report: &mut LoadReport,
    examples: &[Vec<String>],
    entry: &str,
    line: usize,
    file: &Path,
) {
    for ex in examples {
        let date = match ex.get(3) {
            None => NaiveDate::from_ymd_opt(2020, 1, 1),
            Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d").ok(),
        };
        match (ex.len(), date) {
            (3 | 4, Some(date)) if ex[0].contains(ex[1].as_str()) => report.examples.push(Example {
                sentence: ex[0].clone(),
                mention: ex[1].clone(),
                code: ex[2].clone(),
                date,
                entry: entry.to_owned(),
            }),
            _ => report.errors.push(ActorError::Line {
                file: file.to_owned(),
                line,
                message: format!(
                    "{entry}: bad example {ex:?}; write [sentence, mention, code] or [sentence, mention, code, \"YYYY-MM-DD\"] with the mention inside the sentence"
                ),
            }),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/default_dicts.rs"));

/// Loads faultline's default dictionaries (embedded in the binary).
pub fn load_defaults(builder: &mut DictBuilder, report: &mut LoadReport) {
    for (name, text) in DEFAULT_FILES {
        load_str(builder, &PathBuf::from(name), text, report);
    }
}

/// Loads every `*.toml` file under `dir` (recursively, sorted).
pub fn load_dir(builder: &mut DictBuilder, dir: &Path, report: &mut LoadReport) {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        match std::fs::read_dir(&d) {
            Ok(rd) => {
                for e in rd.flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|x| x == "toml") {
                        files.push(p);
                    }
                }
            }
            Err(e) => report.errors.push(ActorError::Io {
                file: d.clone(),
                message: e.to_string(),
            }),
        }
    }
    files.sort();
    for f in files {
        match std::fs::read_to_string(&f) {
            Ok(text) => load_str(builder, &f, &text, report),
            Err(e) => report.errors.push(ActorError::Io {
                file: f.clone(),
                message: e.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_number_every_offset_as_counting_does() {
        for text in ["", "a", "\n", "a\nb\n\nc", "\n\nx\n"] {
            let lines = Lines::new(text);
            for offset in 0..=text.len() + 1 {
                assert_eq!(
                    lines.of(offset),
                    line_of(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn died_in_office_must_not_precede_a_role() {
        let mut b = DictBuilder::new();
        let mut r = LoadReport::default();
        let text = "[[person]]\nname = \"C D\"\ncountry = \"IRN\"\ndied = \"2010-01-01\"\nroles = [{ code = \"IRNGOV\", from = \"2012-01-01\" }]\n";
        load_str(&mut b, Path::new("d.toml"), text, &mut r);
        assert_eq!(r.entries, 0);
        assert!(
            r.errors[0]
                .to_string()
                .starts_with("d.toml:1: C D: role None starts on or after the day of death"),
            "{:?}",
            r.errors
        );
    }

    #[test]
    fn errors_carry_file_and_line() {
        let mut b = DictBuilder::new();
        let mut r = LoadReport::default();
        let text = "[[country]]\ncode = \"KOR\"\nname = \"South Korea\"\n\n[[country]]\ncode = \"kor\"\nname = \"X\"\n\n[[person]]\nname = \"A B\"\ncountry = \"USA\"\nroles = [{ code = \"USAGOV\", from = \"2015-01-01\", to = \"2014-01-01\" }]\n\n[[igo]]\nname = \"No code\"\n";
        load_str(&mut b, Path::new("t.toml"), text, &mut r);
        assert_eq!(r.entries, 1);
        let msgs: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
        assert!(
            msgs[0].starts_with("t.toml:5: bad actor code \"kor\""),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.starts_with("t.toml:9: A B: role")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("t.toml:14: missing field `code`")),
            "{msgs:?}"
        );
        let mut r2 = LoadReport::default();
        load_str(&mut b, Path::new("bad.toml"), "[[country]\n", &mut r2);
        assert!(
            r2.errors[0].to_string().starts_with("bad.toml:1: "),
            "{:?}",
            r2.errors
        );
    }
}
