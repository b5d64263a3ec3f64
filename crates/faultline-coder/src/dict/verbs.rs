//! Event triggers: verbs (with phrasal particles) and event nouns, their
//! patterns and codes, loaded from faultline's TOML dictionaries (or from
//! PETRARCH-2 verb dictionaries, see `petrarch`).
//!
//! A trigger is indexed by the lower-case surface forms of its first word,
//! so finding triggers in a sentence is one hash look-up per token.

use std::collections::HashMap;
use std::path::Path;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::error::CoderError;
pub use faultline_text::morph::inflect;

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
    /// How the pattern assigns its roles (plain for faultline's own patterns).
    pub form: PatternForm,
}

/// How a pattern assigns roles beyond binding `TARGET`: PETRARCH-2 patterns
/// say more than faultline's own (`[040:040]`, `- % *`, `- + * MONEY $`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PatternForm {
    /// The event holds both ways ("A met B" is B meeting A too): a code
    /// whose passive half is the active one, `[040:040]`.
    pub mutual: bool,
    /// Only coordinated subjects match, and they act on one another ("A and
    /// B postponed their meeting"): `- % * [120]`.
    pub compound: bool,
    /// The actor bound after the verb is the source and the subject the
    /// target ("A received money from B" is B giving to A): `- + * MONEY $`.
    pub swap: bool,
    /// The pattern's words lie in the verb's own clause, not in a clause
    /// with a subject of its own ("allowed that X is the neatest place"
    /// does not match `* {THE NEATEST PLACE}`): PETRARCH-2 noun phrases.
    pub own_clause: bool,
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
    /// The default code holds both ways ("A met B" is B meeting A too),
    /// as PETRARCH-2 writes `[040:040]`.
    pub mutual: bool,
    /// A statement about someone else: coded only when the verb's clausal
    /// complement names a foreign actor, its subject or the possessor of its
    /// predicate, which is the target ("Berlin said the Russian critic was
    /// poisoned" → DEU→RUS); never with a target of its own words.
    pub about: bool,
    /// With no target of its own, the targets of the verb's clausal
    /// complement are its targets ("admitted it had shot down a Ukrainian
    /// jet" → UKR).
    pub complement_targets: bool,
    /// Sectors the source must have for an event ("MIL": troops crossing
    /// into a country, not a president); empty for any source.
    pub source_sectors: Vec<String>,
    /// Sectors every target must have for the trigger to code (empty: any).
    pub target_sectors: Vec<String>,
    /// Words that must come before the verb in its clause (PETRARCH
    /// patterns such as `- &NEGATVAUXVRB * OVER EFFORTS`); empty for none.
    /// `Skip` stands for up to six words; see [`pre_matches`].
    pub pre: Vec<Tok>,
}

/// True when `before` (the lower-case words of the clause before a verb)
/// ends with `pre`: its words in order, `Skip` for up to six words between
/// them (a trailing `Skip` lets words stand between them and the verb).
/// Contractions are split as treebanks write them ("didn't" → "did n't").
pub fn pre_matches(pre: &[Tok], before: &[&str]) -> bool {
    fn go(toks: &[Tok], words: &[&str], i: usize) -> bool {
        match toks.first() {
            None => i == words.len(),
            Some(Tok::Skip | Tok::Target) => {
                (0..=6).any(|k| i + k <= words.len() && go(&toks[1..], words, i + k))
            }
            Some(Tok::Words(alts)) => {
                i < words.len()
                    && alts.iter().any(|a| a == words[i])
                    && go(&toks[1..], words, i + 1)
            }
        }
    }
    if pre.is_empty() {
        return true;
    }
    let words: Vec<&str> = before
        .iter()
        .flat_map(
            |w| match w.strip_suffix("n't").or_else(|| w.strip_suffix("n’t")) {
                Some(stem) if !stem.is_empty() => vec![stem, "n't"],
                _ => vec![*w],
            },
        )
        .collect();
    (0..=words.len()).any(|start| go(pre, &words, start))
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
    /// Lower-case verb forms (first word) → triggers. The three indices
    /// use a fast unkeyed hash (looked up for nearly every word; the keys
    /// are dictionary words).
    verb_index: FxHashMap<String, Vec<usize>>,
    /// Lower-case noun head (first word of a noun phrase) → triggers.
    noun_index: FxHashMap<String, Vec<usize>>,
    /// Lower-case support-verb forms → noun triggers.
    support_index: FxHashMap<String, Vec<usize>>,
    /// Examples found in the dictionaries.
    pub examples: Vec<TriggerExample>,
    /// Problems met while loading (file and line).
    pub errors: Vec<CoderError>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbSpec {
    id: String,
    lemma: String,
    #[serde(default)]
    joint: bool,
    #[serde(default)]
    about: bool,
    #[serde(default)]
    complement_targets: bool,
    #[serde(default)]
    source_sectors: Vec<String>,
    #[serde(default)]
    target_sectors: Vec<String>,
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
    #[serde(default)]
    source_sectors: Vec<String>,
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
            if !is_event_code(code) && code != NO_EVENT {
                self.errors.push(CoderError::Line {
                    file: file.to_owned(),
                    line,
                    message: format!(
                        "{prefix}: bad CAMEO code {code:?} in pattern {pat:?}; write 2 to 4 digits"
                    ),
                });
                return None;
            }
            // `SOURCE` binds like `TARGET`, but the actor it binds acts on
            // the subject ("received a call from SOURCE").
            let swap = pat.split_whitespace().any(|t| t == "SOURCE");
            // A leading `%` matches only coordinated subjects, which act on
            // one another ("Chile and Peru held drills": together).
            let (compound, pat) = match pat.trim_start().strip_prefix('%') {
                Some(rest) => (true, rest.to_owned()),
                None => (false, pat.clone()),
            };
            let bound = if swap {
                pat.replace("SOURCE", "TARGET")
            } else {
                pat.clone()
            };
            match parse_pattern(&bound, sets) {
                Ok(toks) => out.push(Pattern {
                    toks,
                    code: code.clone(),
                    rule: format!("{prefix}/{}", k + 1),
                    form: PatternForm {
                        swap,
                        compound,
                        ..PatternForm::default()
                    },
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
                mutual: false,
                about: v.about,
                complement_targets: v.complement_targets,
                source_sectors: v.source_sectors,
                target_sectors: v.target_sectors,
                pre: Vec::new(),
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
                mutual: false,
                about: false,
                complement_targets: false,
                source_sectors: n.source_sectors,
                target_sectors: Vec::new(),
                pre: Vec::new(),
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
                "cannot read token {raw:?}; use words, (a|b), $SET, TARGET, SOURCE or ..."
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

    #[test]
    fn words_before_the_verb() {
        let neg = Tok::Words(vec!["did".to_owned(), "will".to_owned()]);
        let not = Tok::Words(vec!["n't".to_owned(), "not".to_owned()]);
        let pre = vec![Tok::Skip, neg, not, Tok::Skip];
        assert!(pre_matches(&pre, &["gondor", "didn't"]));
        assert!(pre_matches(&pre, &["gondor", "will", "not", "ever"]));
        assert!(!pre_matches(&pre, &["gondor", "did"]));
        // Glued to the verb: nothing may stand between.
        let glued = vec![Tok::Skip, Tok::Words(vec!["not".to_owned()])];
        assert!(pre_matches(&glued, &["it", "not"]));
        assert!(!pre_matches(&glued, &["not", "ever"]));
        assert!(pre_matches(&[], &["anything"]));
    }
}
