//! Conformance runner over the PETRARCH validation suites: reads the
//! validation records (`PETR.UnitTest.records.xml` and UniversalPetrarch's
//! re-coded copy), runs a coder over the active ones and scores them the way
//! PETRARCH-2 was scored: a record passes when the multiset of
//! (source, target, code) triples coded equals the expected one; a record
//! that expects no events (or an error) passes when nothing is coded.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;

use crate::error::CoderError;

/// What a record expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// These (source, target, code) triples, in any order (duplicates count).
    Events(Vec<(String, String, String)>),
    /// Nothing may be coded.
    NoEvents,
    /// The record is an error case (`dateline`, `storydiscard`, …): nothing
    /// may be coded.
    Error(String),
}

/// One validation record.
#[derive(Debug, Clone)]
pub struct Record {
    /// Record id ("DEMO-00", "DEMO_00").
    pub id: String,
    /// Category ("DEMO", "SYNSET"): the `category` attribute, else `source`,
    /// else the id up to its first `-` or `_`.
    pub category: String,
    /// Event date.
    pub date: NaiveDate,
    /// False for `sentence="false"` records, which are not coded.
    pub active: bool,
    /// What the record expects.
    pub expected: Expected,
    /// The sentence, whitespace collapsed.
    pub text: String,
    /// The `<Config>` options in force at this record (later settings win).
    pub options: Vec<(String, String)>,
}

impl Record {
    /// True when the record is coded with `require_dyad` on (PETRARCH's
    /// default): events need both a source and a target.
    pub fn require_dyad(&self) -> bool {
        self.options
            .iter()
            .rev()
            .find(|(k, _)| k == "require_dyad")
            .is_none_or(|(_, v)| !v.eq_ignore_ascii_case("false"))
    }
}

/// A `<Config option=… value=…>` element of the record stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigOption {
    /// Option name ("new_actor_length").
    pub option: String,
    /// Value as written ("4", "FALSE").
    pub value: String,
    /// Index in `Suite::records` of the first record it applies to
    /// (`records.len()` when it comes after the last one; 0 for options of
    /// the `<Environment>`).
    pub before: usize,
}

/// A parsed validation file.
#[derive(Debug, Clone, Default)]
pub struct Suite {
    /// Records in file order (active and inactive).
    pub records: Vec<Record>,
    /// `<Config>` options in file order, `<Environment>` ones first.
    pub configs: Vec<ConfigOption>,
    /// Other `<Environment>` entries (`Verbfile`, `Actorfile`, …) as
    /// (element name, text).
    pub environment: Vec<(String, String)>,
}

impl Suite {
    /// The options in force at record `index` (later settings win), in
    /// option-name order.
    pub fn options_at(&self, index: usize) -> Vec<(String, String)> {
        let mut m: HashMap<&str, &str> = HashMap::new();
        for c in self.configs.iter().filter(|c| c.before <= index) {
            m.insert(&c.option, &c.value);
        }
        let mut v: Vec<(String, String)> = m
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        v.sort();
        v
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses `YYYYMMDD` or `YYMMDD` (00–30 → 20YY, else 19YY).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
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
    let m = rest[..2].parse::<u32>().ok()?;
    let d = rest[2..].parse::<u32>().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses a validation records file. The whole file fails (with its line)
/// when it is not well-formed XML; a bad record (no id, bad date) fails it
/// too, naming the record's line, since a silently dropped record would
/// change the score.
pub fn parse_records(text: &str, file: &Path) -> Result<Suite, CoderError> {
    let doc = roxmltree::Document::parse(text).map_err(|e| CoderError::Line {
        file: file.to_owned(),
        line: e.pos().row as usize,
        message: format!("not well-formed XML: {e}; fix the file"),
    })?;
    let line_of = |n: roxmltree::Node<'_, '_>| doc.text_pos_at(n.range().start).row as usize;
    let bad = |n: roxmltree::Node<'_, '_>, message: String| CoderError::Line {
        file: file.to_owned(),
        line: line_of(n),
        message,
    };
    let mut suite = Suite::default();
    let root = doc.root_element();
    for top in root.children().filter(roxmltree::Node::is_element) {
        match top.tag_name().name() {
            "Environment" => {
                for e in top.children().filter(roxmltree::Node::is_element) {
                    if e.tag_name().name() == "Config" {
                        suite.configs.push(ConfigOption {
                            option: e.attribute("option").unwrap_or_default().to_owned(),
                            value: e.attribute("value").unwrap_or_default().to_owned(),
                            before: 0,
                        });
                    } else {
                        suite.environment.push((
                            e.tag_name().name().to_owned(),
                            collapse(e.text().unwrap_or_default()),
                        ));
                    }
                }
            }
            "Sentences" => {
                for e in top.children().filter(roxmltree::Node::is_element) {
                    match e.tag_name().name() {
                        "Config" => suite.configs.push(ConfigOption {
                            option: e.attribute("option").unwrap_or_default().to_owned(),
                            value: e.attribute("value").unwrap_or_default().to_owned(),
                            before: suite.records.len(),
                        }),
                        "Sentence" => {
                            let r = parse_sentence(e).map_err(|m| bad(e, m))?;
                            suite.records.push(r);
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    for i in 0..suite.records.len() {
        let options = suite.options_at(i);
        suite.records[i].options = options;
    }
    Ok(suite)
}

fn parse_sentence(e: roxmltree::Node<'_, '_>) -> Result<Record, String> {
    let id = e
        .attribute("id")
        .ok_or("<Sentence> has no id; give it id=\"…\"")?
        .to_owned();
    let date_s = e.attribute("date").unwrap_or_default();
    let date = parse_date(date_s)
        .ok_or_else(|| format!("record {id}: bad date {date_s:?}; write YYYYMMDD or YYMMDD"))?;
    let category = e
        .attribute("category")
        .or_else(|| e.attribute("source"))
        .map_or_else(
            || id.split(['-', '_']).next().unwrap_or_default().to_owned(),
            str::to_owned,
        );
    let active = !e
        .attribute("sentence")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("false"));
    let mut events = Vec::new();
    let mut none = false;
    let mut error = None;
    let mut text = String::new();
    for c in e.children().filter(roxmltree::Node::is_element) {
        match c.tag_name().name() {
            "EventCoding" => {
                if let Some(v) = c.attribute("error") {
                    error = Some(v.trim().to_owned());
                } else if c
                    .attribute("noevents")
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
                {
                    none = true;
                } else {
                    let get = |k: &str| {
                        c.attribute(k)
                            .map(|v| v.trim().to_owned())
                            .ok_or_else(|| format!("record {id}: <EventCoding> has no {k}"))
                    };
                    events.push((get("sourcecode")?, get("targetcode")?, get("eventcode")?));
                }
            }
            "Text" => {
                for t in c.descendants().filter(roxmltree::Node::is_text) {
                    text.push_str(t.text().unwrap_or_default());
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    let expected = match (error, none) {
        (Some(e), _) => Expected::Error(e),
        (None, true) if events.is_empty() => Expected::NoEvents,
        (None, _) => Expected::Events(events),
    };
    Ok(Record {
        id,
        category,
        date,
        active,
        expected,
        text: collapse(&text),
        options: Vec::new(),
    })
}

/// Reads and parses a records file.
pub fn load_records(path: &Path) -> Result<Suite, CoderError> {
    let text = std::fs::read_to_string(path).map_err(|e| CoderError::Io {
        file: path.to_owned(),
        message: e.to_string(),
    })?;
    parse_records(&text, path)
}

/// Pass count of one category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryScore {
    /// Category name.
    pub name: String,
    /// Records passed.
    pub passed: usize,
    /// Active records.
    pub total: usize,
}

/// A failed record, for debugging.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Record id.
    pub id: String,
    /// What it expects.
    pub expected: Expected,
    /// What was coded.
    pub got: Vec<(String, String, String)>,
}

/// The result of a run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per category, in order of first appearance.
    pub categories: Vec<CategoryScore>,
    /// Records passed.
    pub passed: usize,
    /// Active records run.
    pub total: usize,
    /// Every failed record, in file order.
    pub failures: Vec<Failure>,
    /// Print the first 30 failures in `Display`.
    pub verbose: bool,
    /// Notes printed before the summary (e.g. the `<Config>` options met).
    pub notes: Vec<String>,
}

impl Report {
    /// Records failed.
    pub fn failed(&self) -> usize {
        self.total - self.passed
    }
}

fn show(ev: &[(String, String, String)]) -> String {
    if ev.is_empty() {
        return "(none)".to_owned();
    }
    ev.iter()
        .map(|(s, t, c)| format!("{s} {t} {c}"))
        .collect::<Vec<_>>()
        .join("; ")
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .categories
            .iter()
            .map(|c| c.name.len())
            .max()
            .unwrap_or(0);
        for c in &self.categories {
            writeln!(f, "{:<width$}  {}/{}", c.name, c.passed, c.total)?;
        }
        for n in &self.notes {
            writeln!(f, "note: {n}")?;
        }
        if self.verbose {
            for x in self.failures.iter().take(400) {
                let exp = match &x.expected {
                    Expected::Events(e) => show(e),
                    Expected::NoEvents => "no events".to_owned(),
                    Expected::Error(e) => format!("error {e}"),
                };
                writeln!(f, "FAIL {}: expected {exp}; got {}", x.id, show(&x.got))?;
            }
            if self.failures.len() > 30 {
                writeln!(f, "… and {} more failures", self.failures.len() - 30)?;
            }
        }
        writeln!(f, "{} passed, {} failed", self.passed, self.failed())
    }
}

/// True when `got` is what `expected` asks for (as multisets).
pub fn passes(expected: &Expected, got: &[(String, String, String)]) -> bool {
    match expected {
        Expected::Events(e) => {
            let mut a = e.clone();
            let mut b = got.to_vec();
            a.sort();
            b.sort();
            a == b
        }
        Expected::NoEvents | Expected::Error(_) => got.is_empty(),
    }
}

/// Runs `code` over the active records and scores them.
pub fn run(
    records: &[Record],
    code: impl Fn(&str, NaiveDate) -> Vec<(String, String, String)>,
) -> Report {
    let mut report = Report::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in records.iter().filter(|r| r.active) {
        let mut got = code(&r.text, r.date);
        let mut expected = r.expected.clone();
        if r.require_dyad() {
            // Events need a source and a target; the same rule on both sides.
            let dyad = |(s, t, _): &(String, String, String)| {
                !s.starts_with("---") && !t.starts_with("---")
            };
            got.retain(dyad);
            if let Expected::Events(e) = &mut expected {
                e.retain(dyad);
            }
        }
        let ok = passes(&expected, &got);
        let k = *index.entry(r.category.clone()).or_insert_with(|| {
            report.categories.push(CategoryScore {
                name: r.category.clone(),
                passed: 0,
                total: 0,
            });
            report.categories.len() - 1
        });
        if let Some(c) = report.categories.get_mut(k) {
            c.total += 1;
            c.passed += usize::from(ok);
        }
        report.total += 1;
        if ok {
            report.passed += 1;
        } else {
            report.failures.push(Failure {
                id: r.id.clone(),
                expected: r.expected.clone(),
                got,
            });
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Validation>
<!-- header -->
<Environment>
  <Verbfile>V.txt</Verbfile>
  <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- what -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="ARN" targetcode="---GOV" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore
  full ties.
</Text>
<Parse>(ROOT (S))</Parse>
</Sentence>
<Config option="new_actor_length" value="4"></Config>
<Sentence date="950103" id="DEMO-01" category="DEMO" sentence="false">
<EventCoding noevents = "True"></EventCoding>
<Text>x</Text>
</Sentence>
<Sentence source="ERROR" date="20150103" id="ERROR_1" sentence="true">
<EventCoding error="dateline" />
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>y</Text>
</Sentence>
</Sentences>
</Validation>
"#;

    fn triple(s: &str, t: &str, c: &str) -> (String, String, String) {
        (s.to_owned(), t.to_owned(), c.to_owned())
    }

    #[test]
    fn parses_records() {
        let s = parse_records(XML, Path::new("r.xml")).unwrap();
        assert_eq!(s.records.len(), 3);
        let r = &s.records[0];
        assert_eq!(r.text, "Arnor is about to restore full ties.");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(1995, 1, 1).unwrap());
        assert_eq!(
            r.expected,
            Expected::Events(vec![
                triple("ARN", "GON", "064"),
                triple("ARN", "---GOV", "064")
            ])
        );
        assert!(!s.records[1].active);
        assert_eq!(
            s.records[1].date,
            NaiveDate::from_ymd_opt(1995, 1, 3).unwrap()
        );
        assert_eq!(s.records[1].expected, Expected::NoEvents);
        assert_eq!(s.records[2].category, "ERROR");
        assert_eq!(
            s.records[2].expected,
            Expected::Error("dateline".to_owned())
        );
        assert_eq!(
            s.environment,
            vec![("Verbfile".to_owned(), "V.txt".to_owned())]
        );
        assert_eq!(s.configs.len(), 3);
        assert_eq!(s.configs[1].option, "require_dyad");
        assert!(!s.records[0].require_dyad());
        assert_eq!(s.configs[2].option, "new_actor_length");
        assert_eq!(s.configs[2].before, 1);
        assert!(s.options_at(0).iter().all(|(k, _)| k != "new_actor_length"));
        assert!(
            s.options_at(2)
                .contains(&("new_actor_length".to_owned(), "4".to_owned()))
        );
        assert_eq!(parse_date("310101"), NaiveDate::from_ymd_opt(1931, 1, 1));
        assert_eq!(parse_date("19951301"), None);
    }

    #[test]
    fn bad_xml_has_line() {
        let e = parse_records(
            "<Validation>\n<Sentences>\n<Sentence>\n</Validation>",
            Path::new("b.xml"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("b.xml:4: not well-formed XML"), "{e}");
        let e = parse_records(
            "<Validation><Sentences>\n<Sentence id=\"X-1\" date=\"1995\"><Text>a</Text></Sentence></Sentences></Validation>",
            Path::new("b.xml"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("b.xml:2: record X-1: bad date"), "{e}");
    }

    #[test]
    fn scores_multisets() {
        let s = parse_records(XML, Path::new("r.xml")).unwrap();
        let rep = run(&s.records, |text, _| {
            if text.starts_with("Arnor") {
                vec![triple("ARN", "---GOV", "064"), triple("ARN", "GON", "064")]
            } else {
                vec![triple("A", "B", "010")]
            }
        });
        assert_eq!((rep.passed, rep.total), (1, 2));
        let out = rep.to_string();
        assert!(out.contains("DEMO   1/1\n"), "{out}");
        assert!(out.contains("ERROR  0/1\n"), "{out}");
        assert!(out.ends_with("\n1 passed, 1 failed\n"), "{out}");
        assert!(!out.contains("FAIL"));
        let rep = Report {
            verbose: true,
            ..rep
        };
        assert!(
            rep.to_string()
                .contains("FAIL ERROR_1: expected error dateline; got A B 010")
        );
        // Duplicates count.
        let rep = run(&s.records[..1], |_, _| {
            vec![triple("ARN", "GON", "064"), triple("ARN", "GON", "064")]
        });
        assert_eq!(rep.passed, 0);
    }
}
