//! Event triggers: verbs (with phrasal particles) and event nouns, their
//! patterns and codes, loaded from faultline's TOML dictionaries (or from
//! PETRARCH-2 verb dictionaries, see `petrarch`).
//!
//! A trigger is indexed by the lower-case surface forms of its first word,
//! so finding triggers in a sentence is one hash look-up per token.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::CoderError;

/// One token of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// One of these lower-case words (a literal is a one-word list).
    Words(Vec<String>),
    /// An actor mention: the event's target.
    Target,
    /// Up to six words of anything.
    Skip,
}

/// A pattern: tokens that must follow the trigger, and the code it gives.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Tokens in order.
    pub toks: Vec<Tok>,
    /// CAMEO code.
    pub code: String,
    /// Rule id: "verbs/11.toml:accuse/1".
    pub rule: String,
}

/// What makes a trigger fire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TriggerKind {
    /// A verb: the first word inflects; `particle` words must follow.
    Verb {
        /// Fixed words after the verb ("out", "of" in "pull out of").
        particle: Vec<String>,
    },
    /// An event noun after a support verb ("held talks", "imposed sanctions").
    Noun {
        /// The noun phrases, each as lower-case words ("air", "strike").
        nouns: Vec<Vec<String>>,
    },
}

/// A verb or noun trigger with its patterns.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// Rule id prefix: "verbs/11.toml:accuse".
    pub id: String,
    /// The base form as written ("accuse", "pull out", "talks").
    pub lemma: String,
    /// Verb or noun.
    pub kind: TriggerKind,
    /// Default code when no pattern matches.
    pub code: String,
    /// Patterns, most specific first.
    pub patterns: Vec<Pattern>,
    /// Reciprocal: coordinated subjects act on each other ("A and B exchanged fire").
    pub joint: bool,
}

/// An example of a trigger: sentence, expected source, target ("-" for none) and code.
#[derive(Debug, Clone)]
pub struct TriggerExample {
    /// The rule id of the trigger it belongs to.
    pub trigger: String,
    /// The sentence.
    pub sentence: String,
    /// Expected source code.
    pub source: String,
    /// Expected target code, "-" for none.
    pub target: String,
    /// Expected CAMEO code.
    pub code: String,
}

/// All triggers, indexed by surface form.
#[derive(Debug, Default)]
pub struct VerbDict {
    /// Every trigger.
    pub triggers: Vec<Trigger>,
    /// Lower-case verb forms (first word) → triggers.
    verb_index: HashMap<String, Vec<usize>>,
    /// Lower-case noun head (first word of a noun phrase) → triggers.
    noun_index: HashMap<String, Vec<usize>>,
    /// Lower-case support-verb forms → noun triggers.
    support_index: HashMap<String, Vec<usize>>,
    /// Examples found in the dictionaries.
    pub examples: Vec<TriggerExample>,
    /// Problems met while loading (file and line).
    pub errors: Vec<CoderError>,
}

/// Irregular English verb forms (base → forms), for lemmas the dictionaries
/// do not spell out.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("be", &["is", "are", "was", "were", "been", "being", "am"]),
    ("begin", &["began", "begun"]),
    ("break", &["broke", "broken"]),
    ("bring", &["brought"]),
    ("build", &["built"]),
    ("buy", &["bought"]),
    ("catch", &["caught"]),
    ("choose", &["chose", "chosen"]),
    ("come", &["came"]),
    ("cut", &["cut"]),
    ("deal", &["dealt"]),
    ("do", &["did", "done", "does"]),
    ("draw", &["drew", "drawn"]),
    ("drive", &["drove", "driven"]),
    ("fight", &["fought"]),
    ("find", &["found"]),
    ("flee", &["fled"]),
    ("fly", &["flew", "flown"]),
    ("forbid", &["forbade", "forbidden"]),
    ("forgive", &["forgave", "forgiven"]),
    ("freeze", &["froze", "frozen"]),
    ("get", &["got", "gotten"]),
    ("give", &["gave", "given"]),
    ("go", &["went", "gone", "goes"]),
    ("hang", &["hung", "hanged"]),
    ("have", &["had", "has"]),
    ("hear", &["heard"]),
    ("hide", &["hid", "hidden"]),
    ("hit", &["hit"]),
    ("hold", &["held"]),
    ("keep", &["kept"]),
    ("know", &["knew", "known"]),
    ("lay", &["laid"]),
    ("lead", &["led"]),
    ("leave", &["left"]),
    ("lend", &["lent"]),
    ("let", &["let"]),
    ("lose", &["lost"]),
    ("make", &["made"]),
    ("mean", &["meant"]),
    ("meet", &["met"]),
    ("pay", &["paid"]),
    ("put", &["put"]),
    ("quit", &["quit"]),
    ("read", &["read"]),
    ("ride", &["rode", "ridden"]),
    ("rise", &["rose", "risen"]),
    ("run", &["ran"]),
    ("say", &["said"]),
    ("see", &["saw", "seen"]),
    ("seek", &["sought"]),
    ("sell", &["sold"]),
    ("send", &["sent"]),
    ("set", &["set"]),
    ("shake", &["shook", "shaken"]),
    ("shoot", &["shot"]),
    ("shut", &["shut"]),
    ("sit", &["sat"]),
    ("speak", &["spoke", "spoken"]),
    ("spend", &["spent"]),
    ("split", &["split"]),
    ("spread", &["spread"]),
    ("stand", &["stood"]),
    ("steal", &["stole", "stolen"]),
    ("strike", &["struck", "stricken"]),
    ("swear", &["swore", "sworn"]),
    ("take", &["took", "taken"]),
    ("teach", &["taught"]),
    ("tear", &["tore", "torn"]),
    ("tell", &["told"]),
    ("think", &["thought"]),
    ("throw", &["threw", "thrown"]),
    ("undertake", &["undertook", "undertaken"]),
    ("uphold", &["upheld"]),
    ("wage", &["waged"]),
    ("win", &["won"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("withhold", &["withheld"]),
    ("write", &["wrote", "written"]),
    ("overthrow", &["overthrew", "overthrown"]),
    ("overtake", &["overtook", "overtaken"]),
    ("seize", &["seized"]),
    ("shed", &["shed"]),
    ("bid", &["bid"]),
    ("forecast", &["forecast"]),
    ("broadcast", &["broadcast"]),
    ("upset", &["upset"]),
    ("beat", &["beaten"]),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Number of vowel groups (a rough syllable count): "ban" 1, "open" 2.
fn vowel_groups(bytes: &[u8]) -> usize {
    let mut groups = 0;
    let mut prev = false;
    for &c in bytes {
        let v = is_vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    groups
}

/// All surface forms of a verb: base, -s, -ed, -ing and known irregulars.
pub fn inflect(base: &str, extra: &[String]) -> Vec<String> {
    let b = base.to_lowercase();
    let bytes = b.as_bytes();
    let mut out = vec![b.clone()];
    let n = bytes.len();
    if n == 0 {
        return out;
    }
    let last = bytes[n - 1];
    // -s
    if b.ends_with('y') && n > 1 && !is_vowel(bytes[n - 2]) {
        out.push(format!("{}ies", &b[..n - 1]));
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| b.ends_with(e))
    {
        out.push(format!("{b}es"));
    } else {
        out.push(format!("{b}s"));
    }
    // doubling: short CVC words ("ban", "plan", "stop"), not ending in w/x/y.
    // Stressed final syllables double too: concur, commit, expel, equip, refer, regret, patrol.
    const DOUBLING: &[&str] = &[
        "cur", "mit", "pel", "trol", "quip", "gret", "bel", "quit", "fer", "ter",
    ];
    const NOT_DOUBLING: &[&str] = &[
        "offer", "suffer", "differ", "proffer", "enter", "alter", "shelter", "counter", "model",
        "parcel",
    ];
    let cvc = n >= 3
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(bytes[n - 2])
        && (!is_vowel(bytes[n - 3]) || b.ends_with("quip") || b.ends_with("quit"))
        && (vowel_groups(bytes) == 1
            || DOUBLING.iter().any(|e| b.ends_with(e)) && !NOT_DOUBLING.contains(&b.as_str()));
    let stem_double = if cvc {
        format!("{b}{}", last as char)
    } else {
        b.clone()
    };
    // -ed
    if b.ends_with('e') {
        out.push(format!("{b}d"));
    } else if b.ends_with('y') && n > 1 && !is_vowel(bytes[n - 2]) {
        out.push(format!("{}ied", &b[..n - 1]));
    } else {
        out.push(format!("{stem_double}ed"));
    }
    // -ing
    if b.ends_with("ie") {
        out.push(format!("{}ying", &b[..n - 2]));
    } else if b.ends_with('e') && !b.ends_with("ee") && n > 2 {
        out.push(format!("{}ing", &b[..n - 1]));
    } else {
        out.push(format!("{stem_double}ing"));
    }
    // British spelling doubles a final l ("travelled", "cancelled", "signalled").
    if (b.ends_with("el") || b.ends_with("al")) && n >= 4 {
        out.push(format!("{b}led"));
        out.push(format!("{b}ling"));
    }
    if let Some((_, forms)) = IRREGULAR.iter().find(|(k, _)| *k == b) {
        out.extend(forms.iter().map(|f| (*f).to_owned()));
    }
    out.extend(extra.iter().map(|f| f.to_lowercase()));
    out.sort();
    out.dedup();
    out
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbSpec {
    id: String,
    lemma: String,
    #[serde(default)]
    joint: bool,
    #[serde(default)]
    forms: Vec<String>,
    code: String,
    #[serde(default)]
    patterns: Vec<(String, String)>,
    #[serde(default)]
    examples: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NounSpec {
    id: String,
    #[serde(default)]
    joint: bool,
    words: Vec<String>,
    #[serde(default)]
    verbs: Vec<String>,
    code: String,
    #[serde(default)]
    patterns: Vec<(String, String)>,
    #[serde(default)]
    examples: Vec<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    verb: Vec<toml::Spanned<toml::Value>>,
    #[serde(default)]
    noun: Vec<toml::Spanned<toml::Value>>,
    #[serde(default)]
    sets: HashMap<String, Vec<String>>,
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// The default code of a trigger that is an event only when a pattern matches.
pub const NO_EVENT: &str = "---";

/// True for a CAMEO event code: 2–4 digits.
pub fn is_event_code(code: &str) -> bool {
    (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}

impl VerbDict {
    /// An empty dictionary.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a trigger and indexes it.
    pub fn add(&mut self, trigger: Trigger, verb_forms: &[String], support_forms: &[String]) {
        let id = self.triggers.len();
        match &trigger.kind {
            TriggerKind::Verb { .. } => {
                for f in verb_forms {
                    self.verb_index.entry(f.clone()).or_default().push(id);
                }
            }
            TriggerKind::Noun { nouns } => {
                for n in nouns {
                    if let Some(first) = n.first() {
                        self.noun_index.entry(first.clone()).or_default().push(id);
                    }
                }
                for f in support_forms {
                    self.support_index.entry(f.clone()).or_default().push(id);
                }
            }
        }
        self.triggers.push(trigger);
    }

    /// Triggers whose verb has this lower-case surface form.
    pub fn verbs_for(&self, word: &str) -> &[usize] {
        self.verb_index.get(word).map_or(&[], Vec::as_slice)
    }

    /// Noun triggers whose noun starts with this lower-case word.
    pub fn nouns_for(&self, word: &str) -> &[usize] {
        self.noun_index.get(word).map_or(&[], Vec::as_slice)
    }

    /// Noun triggers that this lower-case word supports ("held" → talks, summit…).
    pub fn supported_by(&self, word: &str) -> &[usize] {
        self.support_index.get(word).map_or(&[], Vec::as_slice)
    }

    /// Loads the word sets of a sets file, to be used by later pattern files.
    pub fn load_sets(
        text: &str,
        file: &Path,
        errors: &mut Vec<CoderError>,
    ) -> HashMap<String, Vec<String>> {
        match toml::from_str::<File>(text) {
            Ok(f) => f.sets,
            Err(e) => {
                errors.push(CoderError::Line {
                    file: file.to_owned(),
                    line: e.span().map_or(1, |s| line_of(text, s.start)),
                    message: format!("{}; fix the TOML syntax", e.message().trim()),
                });
                HashMap::new()
            }
        }
    }

    /// Loads one verbs or nouns file in faultline's format.
    pub fn load_toml(
        &mut self,
        text: &str,
        file: &Path,
        name: &str,
        sets: &HashMap<String, Vec<String>>,
    ) {
        let parsed: File = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                self.errors.push(CoderError::Line {
                    file: file.to_owned(),
                    line: e.span().map_or(1, |s| line_of(text, s.start)),
                    message: format!("{}; fix the TOML syntax", e.message().trim()),
                });
                return;
            }
        };
        for item in parsed.verb {
            let line = line_of(text, item.span().start);
            match VerbSpec::deserialize(item.into_inner()) {
                Ok(v) => self.add_verb_spec(v, file, name, line, sets),
                Err(e) => self.errors.push(CoderError::Line {
                    file: file.to_owned(),
                    line,
                    message: format!("{}; see data/README.md", e.to_string().trim()),
                }),
            }
        }
        for item in parsed.noun {
            let line = line_of(text, item.span().start);
            match NounSpec::deserialize(item.into_inner()) {
                Ok(n) => self.add_noun_spec(n, file, name, line, sets),
                Err(e) => self.errors.push(CoderError::Line {
                    file: file.to_owned(),
                    line,
                    message: format!("{}; see data/README.md", e.to_string().trim()),
                }),
            }
        }
    }

    fn compile_patterns(
        &mut self,
        specs: &[(String, String)],
        prefix: &str,
        file: &Path,
        line: usize,
        sets: &HashMap<String, Vec<String>>,
    ) -> Option<Vec<Pattern>> {
        let mut out = Vec::new();
        for (k, (pat, code)) in specs.iter().enumerate() {
            if !is_event_code(code) {
                self.errors.push(CoderError::Line {
                    file: file.to_owned(),
                    line,
                    message: format!(
                        "{prefix}: bad CAMEO code {code:?} in pattern {pat:?}; write 2 to 4 digits"
                    ),
                });
                return None;
            }
            match parse_pattern(pat, sets) {
                Ok(toks) => out.push(Pattern {
                    toks,
                    code: code.clone(),
                    rule: format!("{prefix}/{}", k + 1),
                }),
                Err(m) => {
                    self.errors.push(CoderError::Line {
                        file: file.to_owned(),
                        line,
                        message: format!("{prefix}: pattern {pat:?}: {m}"),
                    });
                    return None;
                }
            }
        }
        Some(out)
    }

    fn push_examples(&mut self, prefix: &str, examples: &[Vec<String>], file: &Path, line: usize) {
        for ex in examples {
            if let [sentence, source, target, code] = ex.as_slice() {
                self.examples.push(TriggerExample {
                    trigger: prefix.to_owned(),
                    sentence: sentence.clone(),
                    source: source.clone(),
                    target: target.clone(),
                    code: code.clone(),
                });
            } else {
                self.errors.push(CoderError::Line {
                    file: file.to_owned(),
                    line,
                    message: format!(
                        "{prefix}: bad example {ex:?}; write [sentence, source, target, code]"
                    ),
                });
            }
        }
    }

    fn add_verb_spec(
        &mut self,
        v: VerbSpec,
        file: &Path,
        name: &str,
        line: usize,
        sets: &HashMap<String, Vec<String>>,
    ) {
        let prefix = format!("{name}:{}", v.id);
        if !is_event_code(&v.code) && v.code != NO_EVENT {
            self.errors.push(CoderError::Line {
                file: file.to_owned(),
                line,
                message: format!("{prefix}: bad CAMEO code {:?}; write 2 to 4 digits", v.code),
            });
            return;
        }
        let Some(patterns) = self.compile_patterns(&v.patterns, &prefix, file, line, sets) else {
            return;
        };
        let words: Vec<String> = v.lemma.split_whitespace().map(str::to_lowercase).collect();
        let Some(first) = words.first() else {
            return;
        };
        let forms = inflect(first, &v.forms);
        self.push_examples(&prefix, &v.examples, file, line);
        self.add(
            Trigger {
                id: prefix,
                lemma: v.lemma.clone(),
                kind: TriggerKind::Verb {
                    particle: words[1..].to_vec(),
                },
                code: v.code,
                patterns,
                joint: v.joint,
            },
            &forms,
            &[],
        );
    }

    fn add_noun_spec(
        &mut self,
        n: NounSpec,
        file: &Path,
        name: &str,
        line: usize,
        sets: &HashMap<String, Vec<String>>,
    ) {
        let prefix = format!("{name}:{}", n.id);
        if !is_event_code(&n.code) {
            self.errors.push(CoderError::Line {
                file: file.to_owned(),
                line,
                message: format!("{prefix}: bad CAMEO code {:?}; write 2 to 4 digits", n.code),
            });
            return;
        }
        let Some(patterns) = self.compile_patterns(&n.patterns, &prefix, file, line, sets) else {
            return;
        };
        let nouns: Vec<Vec<String>> = n
            .words
            .iter()
            .map(|w| {
                w.split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|w: &Vec<String>| !w.is_empty())
            .collect();
        let mut support = Vec::new();
        for v in &n.verbs {
            // Support verbs may be phrasal ("carry out"): index the first word.
            if let Some(first) = v.split_whitespace().next() {
                support.extend(inflect(first, &[]));
            }
        }
        self.push_examples(&prefix, &n.examples, file, line);
        self.add(
            Trigger {
                id: prefix,
                lemma: n.words.first().cloned().unwrap_or_default(),
                kind: TriggerKind::Noun { nouns },
                code: n.code,
                patterns,
                joint: n.joint,
            },
            &[],
            &support,
        );
    }
}

/// Parses a pattern string into tokens.
pub fn parse_pattern(pat: &str, sets: &HashMap<String, Vec<String>>) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    for raw in pat.split_whitespace() {
        let tok = if raw == "TARGET" {
            Tok::Target
        } else if raw == "..." {
            Tok::Skip
        } else if let Some(name) = raw.strip_prefix('$') {
            let words = sets
                .get(name)
                .ok_or_else(|| format!("unknown set ${name}; define it in sets.toml"))?;
            Tok::Words(words.iter().map(|w| w.to_lowercase()).collect())
        } else if raw.starts_with('(') && raw.ends_with(')') {
            let alts: Vec<String> = raw[1..raw.len() - 1]
                .split('|')
                .map(str::to_lowercase)
                .filter(|w| !w.is_empty())
                .collect();
            if alts.is_empty() {
                return Err("empty (…) alternatives".to_owned());
            }
            Tok::Words(alts)
        } else if raw
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
        {
            Tok::Words(vec![raw.to_lowercase()])
        } else {
            return Err(format!(
                "cannot read token {raw:?}; use words, (a|b), $SET, TARGET or ..."
            ));
        };
        toks.push(tok);
    }
    Ok(toks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        let f = inflect("accuse", &[]);
        for w in ["accuse", "accuses", "accused", "accusing"] {
            assert!(f.contains(&w.to_owned()), "{w} {f:?}");
        }
        let f = inflect("ban", &[]);
        assert!(
            f.contains(&"banned".to_owned()) && f.contains(&"banning".to_owned()),
            "{f:?}"
        );
        let f = inflect("meet", &[]);
        assert!(
            f.contains(&"met".to_owned()) && f.contains(&"meeting".to_owned()),
            "{f:?}"
        );
        let f = inflect("deny", &[]);
        assert!(
            f.contains(&"denied".to_owned())
                && f.contains(&"denies".to_owned())
                && f.contains(&"denying".to_owned()),
            "{f:?}"
        );
        let f = inflect("visit", &[]);
        assert!(
            f.contains(&"visited".to_owned()) && f.contains(&"visiting".to_owned()),
            "{f:?}"
        );
        let f = inflect("offer", &[]);
        assert!(f.contains(&"offered".to_owned()), "{f:?}");
        let f = inflect("expel", &[]);
        assert!(f.contains(&"expelled".to_owned()), "{f:?}");
        for (base, form) in [
            ("concur", "concurred"),
            ("equip", "equipped"),
            ("travel", "travelled"),
            ("travel", "traveled"),
            ("refer", "referred"),
            ("enter", "entered"),
            ("open", "opened"),
            ("plan", "planned"),
            ("visit", "visited"),
        ] {
            assert!(
                inflect(base, &[]).contains(&form.to_owned()),
                "{base} → {form}"
            );
        }
    }

    #[test]
    fn patterns_parse() {
        let mut sets = HashMap::new();
        sets.insert("AID".to_owned(), vec!["aid".to_owned(), "food".to_owned()]);
        let t = parse_pattern("TARGET of ... (spying|espionage) $AID", &sets).unwrap();
        assert_eq!(t.len(), 5);
        assert_eq!(t[0], Tok::Target);
        assert_eq!(t[2], Tok::Skip);
        assert!(parse_pattern("$NOPE", &sets).is_err());
        assert!(parse_pattern("[x]", &sets).is_err());
        assert!(parse_pattern("", &sets).unwrap().is_empty());
    }

    #[test]
    fn errors_have_lines() {
        let mut d = VerbDict::new();
        let text = "[[verb]]\nid = \"a\"\nlemma = \"accuse\"\ncode = \"112\"\n\n[[verb]]\nid = \"b\"\nlemma = \"x\"\ncode = \"1a\"\n";
        d.load_toml(text, Path::new("v.toml"), "v.toml", &HashMap::new());
        assert_eq!(d.triggers.len(), 1);
        assert!(
            d.errors[0]
                .to_string()
                .starts_with("v.toml:6: v.toml:b: bad CAMEO code"),
            "{:?}",
            d.errors
        );
        assert_eq!(d.verbs_for("accused"), &[0]);
    }
}
