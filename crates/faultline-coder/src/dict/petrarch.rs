//! PETRARCH verb dictionaries read into a [`VerbDict`]: the PETRARCH-2 syntax
//! (`CAMEO.2.0.txt`, UniversalPetrarch's `PETR.Validate.verbs.2.0.txt`) with
//! [`load_petrarch_verbs`], and the older PETRARCH-1/TABARI syntax
//! (`PETR.Validate.verbs.txt`) with [`load_tabari_verbs`].
//!
//! Both files are made of synsets (`&NAME` then `+MEMBER` lines), verb blocks
//! (`--- LABEL [CODE] ---`), verb lines (`VERB {FORMS} [CODE]`) and pattern
//! lines (`- … * … [CODE]`). Each verb of a block becomes a [`Trigger`] with
//! the block's patterns, translated to faultline [`Pattern`]s over the words
//! that follow the verb:
//!
//! * a bare word is a head noun: a `Tok::Skip` (room for determiners and
//!   adjectives) then the word, in PETRARCH-2 also its plural;
//! * `{A B}` (PETRARCH-2) and `A_B` (both syntaxes) are adjacent words (the
//!   last of `{…}` also in the plural);
//! * `(PREP NOUN …)` is the preposition, a skip, then the noun words;
//! * `&SYN` is any member of the synset (plurals included); a synset with
//!   multi-word members expands the pattern into one pattern per member;
//! * `^` is a skip, `+` (the target slot of TABARI) is `Tok::Target`, `$` and
//!   `%` (source and compound markers) are dropped.
//!
//! In a TABARI file, words before the verb (`- &NEGATVAUXVRB * OVER
//! EFFORTS`, `- NOT_*`) make a trigger of their own with [`Trigger::pre`]
//! set (counted in [`PetrarchVerbStats::pre_verb`]): it fires only when
//! those words come before the verb in its clause, and is tried before the
//! block's other patterns. In a PETRARCH-2 file they are the subject's noun
//! phrase: a `{…}` phrase or a synset there is kept the same way; a bare
//! word, which may be any part of speech (`RECENTLY *`, `WILL *`), is left
//! out, and a pattern with no other condition is then skipped. A
//! PETRARCH-2 pattern also says how it assigns roles
//! ([`crate::verbs::PatternForm`]): `[X:X]` holds both ways, `%` before the
//! verb asks for coordinated subjects acting on one another, `$` after it
//! is the source's slot (the subject becomes the target), and its words lie
//! in the verb's own clause. A pattern line that lost its dash (`* … [CODE]`)
//! is read as one. What cannot be expressed is counted, not guessed:
//! passive-only codes (`[:173]`), `[---]` patterns and `~` transformations
//! are skipped. A verb or block code
//! `[---]` gives a trigger with code `"---"`: the verb is known but codes no
//! event unless a pattern matches.
//!
//! Every line of the file is accounted for in [`PetrarchVerbStats`]: blank
//! and comment lines are `skipped`, lines that fail are `errors` (also pushed
//! to `VerbDict::errors` with file and line).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use faultline_text::morph::plural_simple;

use crate::error::CoderError;
use crate::verbs::{
    Pattern, PatternForm, Tok, Trigger, TriggerKind, VerbDict, inflect, is_event_code,
};

/// How loading a PETRARCH verb dictionary went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PetrarchVerbStats {
    /// Lines in the file.
    pub lines: usize,
    /// Lines that contributed a synset, member, block, verb or pattern.
    pub loaded: usize,
    /// Blank and comment lines, and entries that cannot be expressed
    /// (transformations, passive-only or `[---]` patterns, patterns
    /// switched off by the `<!` quirk, PETRARCH-2 pre-verb-only patterns).
    pub skipped: usize,
    /// Lines that could not be read (see `VerbDict::errors`).
    pub errors: usize,
    /// Synsets defined.
    pub synsets: usize,
    /// Verb blocks.
    pub blocks: usize,
    /// Triggers added to the dictionary.
    pub triggers: usize,
    /// Patterns compiled (after synset expansion, per block).
    pub patterns: usize,
    /// Pattern lines that had words before the verb (TABARI: each a trigger
    /// with `pre` set; PETRARCH-2: the words left out).
    pub pre_verb: usize,
    /// Pattern lines switched off by a `<!` line above them (PETRARCH-2's quirk).
    pub switched_off: usize,
}

/// The token sequences a pattern part expands to, one per alternative.
type Alternatives = Vec<Vec<Tok>>;

/// Which syntax a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    /// PETRARCH-2: `{…}` phrases, `(PREP …)`, the `<!` quirk.
    Petrarch2,
    /// PETRARCH-1/TABARI: linear patterns with `_` adjacency.
    Tabari,
}

/// Most patterns one pattern line may expand into through multi-word synset members.
const MAX_EXPANSION: usize = 64;
/// Deepest synset nesting followed.
const MAX_DEPTH: usize = 8;

#[derive(Debug)]
struct Synset {
    members: Vec<(String, usize)>,
    no_plural: bool,
}

#[derive(Debug)]
struct VerbLine {
    line: usize,
    /// Words, lower case, in order.
    words: Vec<String>,
    /// Index of the inflected word.
    head: usize,
    /// Forms of the inflected word from `{…}`; `None` when no braces.
    forms: Option<Vec<String>>,
    /// Own code, `None` for the block's.
    code: Option<String>,
    /// The own code holds both ways (`[040:040]`).
    mutual: bool,
}

#[derive(Debug)]
struct RawPattern {
    line: usize,
    body: String,
    code: String,
}

#[derive(Debug)]
struct Block {
    label: String,
    code: String,
    /// The block's code holds both ways (`[040:040]`).
    mutual: bool,
    verbs: Vec<VerbLine>,
    patterns: Vec<RawPattern>,
}

/// Loads a PETRARCH-2 verb dictionary (`CAMEO.2.0.txt` syntax) into `dict`.
///
/// PETRARCH-2's quirk is kept: once a line starts with `<!`, every later
/// `-` pattern line is switched off (counted as skipped).
pub fn load_petrarch_verbs(dict: &mut VerbDict, text: &str, file: &Path) -> PetrarchVerbStats {
    load(dict, text, file, Syntax::Petrarch2)
}

/// Loads a PETRARCH-1/TABARI verb dictionary (`PETR.Validate.verbs.txt`
/// syntax: linear patterns, `*` at the verb, `_` for adjacent words) into
/// `dict`. Codes are kept as written (WEIS-style codes such as `064`, `1711`);
/// codes that are not 2–4 digits or `---` are errors.
pub fn load_tabari_verbs(dict: &mut VerbDict, text: &str, file: &Path) -> PetrarchVerbStats {
    load(dict, text, file, Syntax::Tabari)
}

fn err(dict: &mut VerbDict, stats: &mut PetrarchVerbStats, file: &Path, line: usize, m: String) {
    stats.errors += 1;
    dict.errors.push(CoderError::Line {
        file: file.to_owned(),
        line,
        message: m,
    });
}

/// Strips a `#` comment (at the start, or after a space).
fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    match line.find(" #").or_else(|| line.find("\t#")) {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Splits `TEXT [CODE] [CODE2]` into the text and the first code.
fn split_code(s: &str) -> Result<(&str, Option<&str>), String> {
    let Some(open) = s.find('[') else {
        return Ok((s.trim(), None));
    };
    let rest = &s[open + 1..];
    let Some(close) = rest.find(']') else {
        return Err("unclosed [code]; close it with ]".to_owned());
    };
    Ok((s[..open].trim(), Some(rest[..close].trim())))
}

/// The active code of `042`, `042:043`, `:173`, `---`: `Ok(None)` for a
/// passive-only code.
fn active_code(raw: &str, syntax: Syntax) -> Result<Option<String>, String> {
    let active = raw.split(':').next().unwrap_or("").trim();
    if active.is_empty() {
        return Ok(None);
    }
    if active == "---" || is_event_code(active) {
        return Ok(Some(active.to_owned()));
    }
    let what = match syntax {
        Syntax::Petrarch2 => "CAMEO",
        Syntax::Tabari => "event",
    };
    Err(format!(
        "bad {what} code [{raw}]; write 2 to 4 digits, ---, or ACTIVE:PASSIVE"
    ))
}

/// True for a code whose passive half is its active half (`040:040`): the
/// event holds both ways, as "A met B" is B meeting A.
fn mutual_code(raw: &str) -> bool {
    match raw.split_once(':') {
        Some((a, p)) => !a.trim().is_empty() && a.trim() == p.trim(),
        None => false,
    }
}

/// Lower-case words of `A_B C` (underscores and spaces both split).
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Parses a verb line: `VERB {FORMS} [CODE]`, `+CORDON_OFF {…}`, `WIRE_+TAP`.
fn parse_verb_line(s: &str, line: usize, syntax: Syntax) -> Result<VerbLine, String> {
    let (body, code) = split_code(s)?;
    let code = match code {
        Some(c) => match active_code(c, syntax)? {
            Some(c) => Some(c),
            None => Some("---".to_owned()),
        },
        None => None,
    };
    let (verb, forms) = match body.find('{') {
        Some(open) => {
            let Some(close) = body[open..].find('}') else {
                return Err("unclosed {forms}; close it with }".to_owned());
            };
            (body[..open].trim(), Some(&body[open + 1..open + close]))
        }
        None => (body.trim(), None),
    };
    if verb.is_empty() || verb.starts_with('*') {
        return Err(format!(
            "cannot read verb line {s:?}; write VERB, VERB {{FORMS}} [CODE] or MULTI_+WORD"
        ));
    }
    // `LASH OUT` (TABARI) is `LASH_OUT`.
    let parts: Vec<&str> = verb
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let head = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    let words: Vec<String> = parts
        .iter()
        .map(|p| p.trim_start_matches('+').to_lowercase())
        .collect();
    if words.iter().any(|w| {
        w.is_empty()
            || !w
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.'))
    }) {
        return Err(format!("cannot read verb {verb:?}; use letters, _ and +"));
    }
    let forms = forms.map(|f| {
        f.split_whitespace()
            .filter_map(|form| {
                let ps: Vec<&str> = form.split('_').filter(|w| !w.is_empty()).collect();
                let i = ps.iter().position(|p| p.starts_with('+')).unwrap_or(head);
                ps.get(i).map(|p| p.trim_start_matches('+').to_lowercase())
            })
            .collect()
    });
    Ok(VerbLine {
        line,
        words,
        head,
        forms,
        code,
        mutual: split_code(s)?.1.is_some_and(mutual_code),
    })
}

/// One element of a translated pattern: alternatives, each a token sequence.
type Slot = Vec<Vec<Tok>>;

struct Compiler<'a> {
    synsets: &'a HashMap<String, Synset>,
    syntax: Syntax,
}

impl Compiler<'_> {
    /// Every member of a synset as a word sequence, plurals included.
    fn members(
        &self,
        name: &str,
        depth: usize,
        seen: &mut HashSet<String>,
    ) -> Result<Vec<Vec<String>>, String> {
        let key = name.trim_end_matches('_');
        let Some(set) = self
            .synsets
            .get(name)
            .or_else(|| self.synsets.get(key))
            .or_else(|| self.synsets.get(&format!("{key}_")))
        else {
            return Err(format!(
                "unknown synset &{name}; define it with &{name} and +MEMBER lines"
            ));
        };
        if depth > MAX_DEPTH || !seen.insert(key.to_owned()) {
            return Err(format!("synset &{name} contains itself; remove the loop"));
        }
        let mut out = Vec::new();
        for (m, _) in &set.members {
            if let Some(inner) = m.strip_prefix('&') {
                out.extend(self.members(inner, depth + 1, seen)?);
                continue;
            }
            let exact = m.ends_with('_');
            let words = words_of(m.trim_start_matches('(').trim_end_matches(')'));
            if words.is_empty() {
                continue;
            }
            if !exact && !set.no_plural && !m.starts_with('(') {
                let mut p = words.clone();
                if let Some(last) = p.last_mut() {
                    *last = plural_simple(last);
                }
                out.push(words);
                out.push(p);
            } else {
                out.push(words);
            }
        }
        seen.remove(key);
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// A synset as a slot: one `Words` alternative for the one-word members,
    /// one sequence per multi-word member.
    fn synset_slot(&self, name: &str) -> Result<Slot, String> {
        let members = self.members(name, 0, &mut HashSet::new())?;
        let mut single = Vec::new();
        let mut slot: Slot = Vec::new();
        for m in members {
            if m.len() == 1 {
                single.extend(m);
            } else {
                slot.push(m.into_iter().map(|w| Tok::Words(vec![w])).collect());
            }
        }
        if !single.is_empty() {
            slot.insert(0, vec![Tok::Words(single)]);
        }
        if slot.is_empty() {
            return Err(format!("synset &{name} is empty; give it +MEMBER lines"));
        }
        Ok(slot)
    }

    /// One word of a pattern (`WORD`, `&SYN`, `^`, `+`, `$`, `%`) as a slot;
    /// `None` when dropped.
    fn word_slot(&self, w: &str) -> Result<Option<Slot>, String> {
        let w = w.trim_end_matches('_');
        Ok(match w {
            "" | "$" | "%" => None,
            "^" => Some(vec![vec![Tok::Skip]]),
            "+" => Some(vec![vec![Tok::Target]]),
            _ => {
                if let Some(name) = w.strip_prefix('&') {
                    Some(self.synset_slot(name)?)
                } else if w
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.' | ','))
                {
                    Some(vec![vec![Tok::Words(vec![w.to_lowercase()])]])
                } else {
                    return Err(format!("cannot read pattern word {w:?}"));
                }
            }
        })
    }

    /// Words joined by `_` or listed in braces: adjacent slots.
    fn adjacent(&self, s: &str, out: &mut Vec<Slot>) -> Result<(), String> {
        for w in s.split(|c: char| c == '_' || c.is_whitespace()) {
            if let Some(slot) = self.word_slot(w)? {
                out.push(slot);
            }
        }
        Ok(())
    }

    /// A head noun of a PETRARCH-2 pattern: the word or its plural
    /// (`* EFFORT` matches "abandoned efforts"); synsets and markers as
    /// [`Compiler::word_slot`] reads them.
    fn head_slot(&self, w: &str) -> Result<Option<Slot>, String> {
        // A word already in -s ("TIES", "TALKS") is taken as written.
        let plain = w.chars().all(char::is_alphabetic) && w.len() > 2 && !w.ends_with(['S', 's']);
        if !plain {
            return self.word_slot(w);
        }
        let lower = w.to_lowercase();
        let plural = plural_simple(&lower);
        let mut alts = vec![lower];
        if plural != alts[0] {
            alts.push(plural);
        }
        Ok(Some(vec![vec![Tok::Words(alts)]]))
    }

    /// The words of a `{…}` noun phrase, adjacent; the last, the head, in
    /// the singular or plural ("{DIPLOMATIC TIE}" matches "diplomatic ties").
    fn noun_phrase(&self, s: &str, out: &mut Vec<Slot>) -> Result<(), String> {
        let words: Vec<&str> = s.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            let slot = if i + 1 == words.len() {
                self.head_slot(w)?
            } else {
                self.word_slot(w)?
            };
            out.extend(slot);
        }
        Ok(())
    }

    /// Translates the post-verb part of a PETRARCH-2 pattern.
    fn petrarch2_post(&self, post: &str) -> Result<Vec<Slot>, String> {
        let skip = || vec![vec![Tok::Skip]];
        let mut out: Vec<Slot> = Vec::new();
        let chars: Vec<char> = post.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            if c == '(' || c == '{' {
                let close = if c == '(' { ')' } else { '}' };
                let mut depth = 0usize;
                let mut j = i;
                while j < chars.len() {
                    if chars[j] == c {
                        depth += 1;
                    } else if chars[j] == close {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    j += 1;
                }
                if j >= chars.len() {
                    return Err(format!("unbalanced {c}; close it with {close}"));
                }
                let inner: String = chars[i + 1..j].iter().collect();
                let inner = inner.replace(['{', '}'], " ");
                out.push(skip());
                if c == '{' {
                    self.noun_phrase(&inner, &mut out)?;
                } else {
                    let mut ws = inner.split_whitespace();
                    let Some(prep) = ws.next() else {
                        return Err("empty (PREP …) phrase; name the preposition".to_owned());
                    };
                    self.adjacent(prep, &mut out)?;
                    let rest: Vec<&str> = ws.collect();
                    if !rest.is_empty() {
                        out.push(skip());
                        self.adjacent(&rest.join(" "), &mut out)?;
                    }
                }
                i = j + 1;
                continue;
            }
            if c == ')' || c == '}' {
                return Err(format!("unbalanced {c}; remove it or open it"));
            }
            let mut j = i;
            while j < chars.len() && !chars[j].is_whitespace() && !matches!(chars[j], '(' | '{') {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            if word.contains('_') {
                // `A_B` in a PETRARCH-2 pattern: adjacent words.
                out.push(skip());
                self.adjacent(&word, &mut out)?;
            } else if let Some(slot) = self.head_slot(&word)? {
                if !matches!(slot.as_slice(), [alt] if alt.as_slice() == [Tok::Skip]) {
                    out.push(skip());
                }
                out.push(slot);
            }
            i = j;
        }
        Ok(out)
    }

    /// Translates the post-verb part of a TABARI pattern; `attached` is the
    /// part glued to the star (`*_OUT`).
    fn tabari_post(&self, attached: &str, rest: &[&str]) -> Result<Vec<Slot>, String> {
        let mut out: Vec<Slot> = Vec::new();
        self.adjacent(attached, &mut out)?;
        for chunk in rest {
            let mut inner = Vec::new();
            self.adjacent(chunk, &mut inner)?;
            if !inner.is_empty() {
                out.push(vec![vec![Tok::Skip]]);
                out.extend(inner);
            }
        }
        Ok(out)
    }

    /// The slots of the words before the verb: each chunk after a gap; a
    /// gap before the verb too unless the last chunk is glued to the star
    /// (`NOT_*`). Empty when only `$`, `%` or `+` stand there.
    fn pre_slots(&self, chunks: &[&str], glued: bool) -> Result<Vec<Slot>, String> {
        let mut out: Vec<Slot> = Vec::new();
        for chunk in chunks {
            let mut inner = Vec::new();
            self.adjacent(chunk, &mut inner)?;
            inner.retain(
                |slot| !matches!(slot.as_slice(), [alt] if alt.as_slice() == [Tok::Target]),
            );
            if !inner.is_empty() {
                out.push(vec![vec![Tok::Skip]]);
                out.extend(inner);
            }
        }
        if !out.is_empty() && !glued {
            out.push(vec![vec![Tok::Skip]]);
        }
        Ok(out)
    }

    /// Compiles one pattern body (without `-` and code): the alternatives of
    /// the words before the verb (empty when there are none) and of the
    /// words after it.
    fn compile(&self, body: &str) -> Result<(Alternatives, Alternatives), String> {
        let (pre, slots) = match self.syntax {
            Syntax::Petrarch2 => {
                let Some(star) = body.find('*') else {
                    return Err("pattern has no * for the verb; write - … * … [CODE]".to_owned());
                };
                // Words before the verb are the subject's noun phrase. A bare
                // word there may be any part of speech ("RECENTLY *",
                // "NEITHER *", "WILL *"), which a word window cannot tell
                // from a noun: only `{…}` phrases and synsets are kept.
                let before = &body[..star];
                let before = if nominal_pre(before) {
                    before.replace(['(', ')', '{', '}'], " ")
                } else {
                    String::new()
                };
                let pre: Vec<&str> = before.split_whitespace().collect();
                // `$` after the verb is the source's slot: bound like a
                // target, then swapped (see `PatternForm::swap`).
                let post = body[star + 1..].replace('$', "+");
                (self.pre_slots(&pre, false)?, self.petrarch2_post(&post)?)
            }
            Syntax::Tabari => {
                let chunks: Vec<&str> = body.split_whitespace().collect();
                let Some(k) = chunks.iter().position(|c| c.contains('*')) else {
                    return Err("pattern has no * for the verb; write - … * … [CODE]".to_owned());
                };
                let star = chunks[k];
                let pos = star.find('*').unwrap_or(0);
                let before = &star[..pos];
                let after = &star[pos + 1..];
                let mut pre: Vec<&str> = chunks[..k].to_vec();
                if !before.is_empty() {
                    pre.push(before);
                }
                (
                    self.pre_slots(&pre, !before.is_empty())?,
                    self.tabari_post(after, &chunks[k + 1..])?,
                )
            }
        };
        // Only markers and skips before the verb (`$ ^ *`) ask for nothing.
        let asks = pre
            .iter()
            .flatten()
            .flatten()
            .any(|t| matches!(t, Tok::Words(_)));
        let pre = if !asks {
            Vec::new()
        } else {
            expand(pre, false)
        };
        Ok((pre, expand(slots, true)))
    }
}

/// The cartesian product of the alternatives of each slot, bounded; runs of
/// skips merged and, when `trim`, trailing skips dropped.
fn expand(slots: Vec<Slot>, trim: bool) -> Vec<Vec<Tok>> {
    // Cartesian product of the alternatives, bounded.
    let mut alts: Vec<Vec<Tok>> = vec![Vec::new()];
    for mut slot in slots {
        if alts.len() * slot.len() > MAX_EXPANSION {
            // Too many multi-word members: match them by their head
            // (last) word, as PETRARCH-2's noun-head matching does.
            let mut heads = Vec::new();
            for alt in &slot {
                let toks = if alt.len() == 1 {
                    &alt[..]
                } else {
                    &alt[alt.len() - 1..]
                };
                for t in toks {
                    if let Tok::Words(ws) = t {
                        heads.extend(ws.iter().cloned());
                    }
                }
            }
            heads.sort();
            heads.dedup();
            slot = vec![vec![Tok::Words(heads)]];
        }
        let mut next = Vec::with_capacity(alts.len() * slot.len());
        for a in &alts {
            for alt in &slot {
                let mut v = a.clone();
                v.extend(alt.iter().cloned());
                next.push(v);
            }
        }
        alts = next;
    }
    for a in &mut alts {
        a.dedup_by(|x, y| *x == Tok::Skip && *y == Tok::Skip);
        while trim && a.last() == Some(&Tok::Skip) {
            a.pop();
        }
    }
    alts
}

fn specificity(p: &Pattern) -> usize {
    p.toks.iter().filter(|t| **t != Tok::Skip).count()
}

/// The first pass over a PETRARCH verb file: line by line into synsets and
/// blocks (verbs and raw patterns), with the line accounting.
struct Reader<'a> {
    dict: &'a mut VerbDict,
    file: &'a Path,
    syntax: Syntax,
    stats: PetrarchVerbStats,
    synsets: HashMap<String, Synset>,
    cur_syn: Option<String>,
    blocks: Vec<Block>,
    in_block: bool,
    patterns_off: bool,
    in_comment: bool,
}

impl Reader<'_> {
    fn err(&mut self, line: usize, m: String) {
        err(self.dict, &mut self.stats, self.file, line, m);
    }

    /// Reads line `n`.
    fn line(&mut self, n: usize, raw: &str) {
        self.stats.lines += 1;
        let trimmed = raw.trim();
        if self.in_comment {
            self.stats.skipped += 1;
            if trimmed.contains("-->") {
                self.in_comment = false;
            }
            return;
        }
        if trimmed.starts_with("<!") {
            self.stats.skipped += 1;
            if self.syntax == Syntax::Petrarch2 {
                self.patterns_off = true;
            }
            if !trimmed.contains("-->") {
                self.in_comment = true;
            }
            return;
        }
        if trimmed.starts_with("####### VERB PATTERNS") {
            self.stats.skipped += 1;
            self.cur_syn = None;
            return;
        }
        let line = strip_comment(raw).trim();
        if line.is_empty() || line.starts_with('~') {
            self.stats.skipped += 1;
            return;
        }
        if let Some(h) = line.strip_prefix("---") {
            self.header(n, line, h);
            self.cur_syn = None;
            return;
        }
        if let Some(s) = line.strip_prefix('&') {
            self.synset(n, s);
            return;
        }
        if self.synset_member(n, line) {
            return;
        }
        self.block_line(n, line);
    }

    /// A block header: `--- LABEL [CODE] ---`.
    fn header(&mut self, n: usize, line: &str, h: &str) {
        let h = h.trim_end().trim_end_matches('-').trim();
        match split_code(h) {
            Ok(("", _)) => {
                // Later verbs would attach to the previous block: stop that.
                self.in_block = false;
                let m = "block header has no label; write --- LABEL [CODE] ---";
                self.err(n, format!("{m} (in {line:?})"));
            }
            Ok((label, code)) => {
                let code_raw = code;
                // A bad code is reported, and the block still opens with no
                // event, so its verbs and patterns load.
                let code = match code.map(|c| active_code(c, self.syntax)) {
                    Some(Ok(Some(c))) => {
                        self.stats.loaded += 1;
                        c
                    }
                    None | Some(Ok(None)) => {
                        self.stats.loaded += 1;
                        "---".to_owned()
                    }
                    Some(Err(m)) => {
                        self.err(n, format!("{m} (in {line:?})"));
                        "---".to_owned()
                    }
                };
                self.stats.blocks += 1;
                self.blocks.push(Block {
                    label: label.to_owned(),
                    code,
                    mutual: code_raw.is_some_and(mutual_code),
                    verbs: Vec::new(),
                    patterns: Vec::new(),
                });
                self.in_block = true;
            }
            Err(m) => {
                self.in_block = false;
                self.err(n, format!("{m} (in {line:?})"));
            }
        }
    }

    /// A synset header: `&NAME`.
    fn synset(&mut self, n: usize, s: &str) {
        let sname = s.split_whitespace().next().unwrap_or("").to_owned();
        if sname.is_empty() {
            self.err(n, "synset has no name; write &NAME".to_owned());
            return;
        }
        self.stats.loaded += 1;
        self.stats.synsets += 1;
        let no_plural = sname.ends_with('_');
        self.synsets.insert(
            sname.clone(),
            Synset {
                members: Vec::new(),
                no_plural,
            },
        );
        self.cur_syn = Some(sname);
        self.in_block = false;
    }

    /// A `+WORD` member of the open synset; true when the line was one. Any
    /// other line closes the synset.
    fn synset_member(&mut self, n: usize, line: &str) -> bool {
        let Some(sname) = self.cur_syn.clone() else {
            return false;
        };
        let Some(m) = line.strip_prefix('+') else {
            self.cur_syn = None;
            return false;
        };
        let m = m.trim();
        if m.is_empty() {
            self.err(n, "empty synset member; write +WORD".to_owned());
        } else if let Some(set) = self.synsets.get_mut(&sname) {
            set.members.push((m.to_owned(), n));
            self.stats.loaded += 1;
        }
        true
    }

    /// A verb line or a `- pattern [CODE]` line of the open block.
    fn block_line(&mut self, n: usize, line: &str) {
        if !self.in_block {
            self.err(
                n,
                format!(
                    "line {line:?} is outside any verb block or synset; start a block with --- LABEL [CODE] ---"
                ),
            );
            return;
        }
        if self.blocks.is_empty() {
            self.err(n, "no verb block open".to_owned());
            return;
        }
        // A pattern line that lost its dash (`* (TO QUESTION) [110]`) is still one.
        let pattern = line
            .strip_prefix('-')
            .or_else(|| line.starts_with('*').then_some(line));
        let outcome: Result<(), String> = if let Some(p) = pattern {
            if self.patterns_off {
                self.stats.switched_off += 1;
                self.stats.skipped += 1;
                return;
            }
            match split_code(p) {
                Ok((body, Some(code))) => {
                    if let Some(block) = self.blocks.last_mut() {
                        block.patterns.push(RawPattern {
                            line: n,
                            body: body.to_owned(),
                            code: code.to_owned(),
                        });
                    }
                    Ok(())
                }
                Ok((_, None)) => Err("pattern has no [code]; end it with [CODE]".to_owned()),
                Err(m) => Err(m),
            }
        } else {
            parse_verb_line(line, n, self.syntax).map(|v| {
                self.stats.loaded += 1;
                if let Some(block) = self.blocks.last_mut() {
                    block.verbs.push(v);
                }
            })
        };
        if let Err(m) = outcome {
            self.err(n, m);
        }
    }
}

fn load(dict: &mut VerbDict, text: &str, file: &Path, syntax: Syntax) -> PetrarchVerbStats {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut r = Reader {
        dict,
        file,
        syntax,
        stats: PetrarchVerbStats::default(),
        synsets: HashMap::new(),
        cur_syn: None,
        blocks: Vec::new(),
        in_block: false,
        patterns_off: false,
        in_comment: false,
    };
    for (i, raw) in text.lines().enumerate() {
        r.line(i + 1, raw);
    }
    let Reader {
        dict,
        mut stats,
        synsets,
        blocks,
        ..
    } = r;
    let compiler = Compiler {
        synsets: &synsets,
        syntax,
    };
    for block in blocks {
        let prefix = format!("{name}:{}", block.label);
        let (patterns, pre_patterns) =
            block_patterns(dict, &mut stats, file, &compiler, &block, &prefix);
        stats.patterns += patterns.len() + pre_patterns.len();
        // A pattern with words before the verb is a trigger of its own that
        // fires only after them ("didn't clash over …"); the coder tries it
        // before the block's other patterns.
        for (pre, p) in &pre_patterns {
            add_block_verbs(
                dict,
                &mut stats,
                &block,
                &prefix,
                std::slice::from_ref(p),
                pre,
            );
        }
        add_block_verbs(dict, &mut stats, &block, &prefix, &patterns, &[]);
    }
    stats
}

/// A pattern with words before the verb: those words, and the pattern.
type PrePattern = (Vec<Tok>, Pattern);

/// The compiled patterns of a block, most specific first, and those with
/// words before the verb (most specific first too).
fn block_patterns(
    dict: &mut VerbDict,
    stats: &mut PetrarchVerbStats,
    file: &Path,
    compiler: &Compiler<'_>,
    block: &Block,
    prefix: &str,
) -> (Vec<Pattern>, Vec<PrePattern>) {
    let mut patterns = Vec::new();
    let mut pre_patterns: Vec<PrePattern> = Vec::new();
    for rp in &block.patterns {
        let code = match active_code(&rp.code, compiler.syntax) {
            Ok(Some(c)) if c != "---" => c,
            Ok(_) => {
                stats.skipped += 1;
                continue;
            }
            Err(m) => {
                err(dict, stats, file, rp.line, m);
                continue;
            }
        };
        match compiler.compile(&rp.body) {
            Ok((pre, alts)) => {
                let dropped = dropped_pre(&rp.body, compiler.syntax);
                if !pre.is_empty() || dropped {
                    stats.pre_verb += 1;
                }
                if dropped && alts.iter().all(Vec::is_empty) {
                    // Nothing left to ask for after the verb.
                    stats.skipped += 1;
                    continue;
                }
                stats.loaded += 1;
                let form = pattern_form(&rp.body, &rp.code, compiler.syntax);
                for toks in alts {
                    let p = Pattern {
                        toks,
                        code: code.clone(),
                        rule: format!("{prefix}/{}", rp.line),
                        form,
                    };
                    if pre.is_empty() {
                        patterns.push(p);
                    } else {
                        pre_patterns.extend(pre.iter().map(|w| (w.clone(), p.clone())));
                    }
                }
            }
            Err(m) => err(
                dict,
                stats,
                file,
                rp.line,
                format!("{m} (in {:?})", rp.body),
            ),
        }
    }
    // Most specific first; stable, so file order breaks ties.
    patterns.sort_by_key(|p| std::cmp::Reverse(specificity(p)));
    pre_patterns.sort_by_key(|(w, p)| std::cmp::Reverse(pre_specificity(w) + specificity(p)));
    (patterns, pre_patterns)
}

/// What a pattern says of its roles beyond its words (PETRARCH-2 only:
/// TABARI patterns are linear): `%` before the verb asks for coordinated
/// subjects, `$` after it names the source, `[X:X]` holds both ways, and
/// the words are the verb's own clause's.
fn pattern_form(body: &str, code: &str, syntax: Syntax) -> PatternForm {
    if syntax != Syntax::Petrarch2 {
        return PatternForm::default();
    }
    let (pre, post) = body.split_once('*').unwrap_or(("", body));
    let marks = |s: &str, m: &str| {
        s.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '{' | '}'))
            .any(|w| w == m)
    };
    PatternForm {
        mutual: mutual_code(code),
        compound: marks(pre, "%"),
        swap: marks(post, "$"),
        own_clause: true,
    }
}

/// True when the words before a PETRARCH-2 verb form a noun phrase the
/// coder can look for: a `{…}` phrase or a synset.
fn nominal_pre(before: &str) -> bool {
    before.contains('{') || before.contains('&')
}

/// True when a PETRARCH-2 pattern has words before the verb that the
/// coder leaves out (see [`nominal_pre`]).
fn dropped_pre(body: &str, syntax: Syntax) -> bool {
    let before = body.split_once('*').map_or("", |(b, _)| b);
    syntax == Syntax::Petrarch2
        && !nominal_pre(before)
        && before
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| !w.is_empty())
}

fn pre_specificity(pre: &[Tok]) -> usize {
    pre.iter().filter(|t| **t != Tok::Skip).count()
}

/// Adds a block's verbs as triggers sharing its patterns, with the words
/// `pre` that must come before the verb (none when empty).
fn add_block_verbs(
    dict: &mut VerbDict,
    stats: &mut PetrarchVerbStats,
    block: &Block,
    prefix: &str,
    patterns: &[Pattern],
    pre: &[Tok],
) {
    for v in &block.verbs {
        let code = v.code.clone().unwrap_or_else(|| block.code.clone());
        let mutual = if v.code.is_some() {
            v.mutual
        } else {
            block.mutual
        };
        let Some(base) = v.words.get(v.head) else {
            continue;
        };
        let forms = match &v.forms {
            Some(f) if f.is_empty() => vec![base.clone()],
            Some(f) => inflect(base, f),
            None => inflect(base, &[]),
        };
        let lemma = v.words.join(" ");
        let id = format!("{prefix}/{}", v.line);
        if v.head == 0 {
            dict.add(
                Trigger {
                    id,
                    lemma,
                    kind: TriggerKind::Verb {
                        particle: v.words[1..].to_vec(),
                    },
                    code,
                    patterns: patterns.to_vec(),
                    joint: false,
                    mutual,
                    about: false,
                    complement_targets: false,
                    source_sectors: Vec::new(),
                    target_sectors: Vec::new(),
                    pre: pre.to_vec(),
                },
                &forms,
                &[],
            );
            stats.triggers += 1;
            continue;
        }
        // Words before the inflected one (WIRE_+TAP): index the first word
        // and spell each form out in the particle.
        for f in &forms {
            let mut particle = v.words[1..v.head].to_vec();
            particle.push(f.clone());
            particle.extend(v.words[v.head + 1..].iter().cloned());
            dict.add(
                Trigger {
                    id: id.clone(),
                    lemma: lemma.clone(),
                    kind: TriggerKind::Verb { particle },
                    code: code.clone(),
                    patterns: patterns.to_vec(),
                    joint: false,
                    mutual,
                    about: false,
                    complement_targets: false,
                    source_sectors: Vec::new(),
                    target_sectors: Vec::new(),
                    pre: pre.to_vec(),
                },
                std::slice::from_ref(&v.words[0]),
                &[],
            );
            stats.triggers += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load2(text: &str) -> (VerbDict, PetrarchVerbStats) {
        let mut d = VerbDict::new();
        let s = load_petrarch_verbs(&mut d, text, Path::new("T.txt"));
        assert_eq!(s.loaded + s.skipped + s.errors, s.lines, "{s:?}");
        assert_eq!(s.errors, d.errors.len());
        (d, s)
    }

    fn w(x: &str) -> Tok {
        Tok::Words(vec![x.to_owned()])
    }

    #[test]
    fn verb_block() {
        let text = "####### VERB PATTERNS #######\n\n---  AGREE   [050]  ---\nAGREE  # note\nCONCUR {CONCURS CONCURRED}\n- * (TO PEACE)  [037:038]  # AGREE\n- * {DIPLOMATIC TIES} [064]\n- * DEAL [031]\n- * (WITH) [030]\n";
        let (d, s) = load2(text);
        assert_eq!(s.triggers, 2);
        assert_eq!(s.blocks, 1);
        let t = &d.triggers[d.verbs_for("agreed")[0]];
        assert_eq!(t.code, "050");
        assert_eq!(t.id, "T.txt:AGREE/4");
        assert_eq!(t.kind, TriggerKind::Verb { particle: vec![] });
        let p: Vec<_> = t
            .patterns
            .iter()
            .map(|p| (p.toks.clone(), p.code.as_str()))
            .collect();
        assert_eq!(
            p[0],
            (vec![Tok::Skip, w("to"), Tok::Skip, w("peace")], "037")
        );
        assert_eq!(p[1], (vec![Tok::Skip, w("diplomatic"), w("ties")], "064"));
        // A head noun in the singular matches its plural too.
        let deal = Tok::Words(vec!["deal".to_owned(), "deals".to_owned()]);
        assert_eq!(p[2], (vec![Tok::Skip, deal], "031"));
        assert_eq!(p[3], (vec![Tok::Skip, w("with")], "030"));
        assert_eq!(t.patterns[0].rule, "T.txt:AGREE/6");
        // Irregular forms from braces.
        assert!(!d.verbs_for("concurred").is_empty());
        assert!(!d.verbs_for("concurs").is_empty());
    }

    #[test]
    fn synsets_nest_and_pluralise() {
        let text = "&TIE_\n+MILITARY\n+ECONOMIC\n\n&SOLUTION\n+ANSWER\n+CLOSURE_\n+PEACE_PLAN\n+&TIE\n####### VERB PATTERNS #######\n--- FIND [---] ---\nFIND {FOUND FINDS}\n- * &SOLUTION [035]\n- * {&TIE TIES} [064]\n";
        let (d, s) = load2(text);
        assert_eq!(s.synsets, 2);
        assert_eq!(s.errors, 0, "{:?}", d.errors);
        let t = &d.triggers[d.verbs_for("found")[0]];
        assert_eq!(t.code, "---");
        // One pattern for the one-word members, one per multi-word member
        // (peace plan, peace plans).
        let codes: Vec<_> = t.patterns.iter().filter(|p| p.code == "035").collect();
        assert_eq!(codes.len(), 3);
        let Tok::Words(ws) = &codes.iter().find(|p| p.toks.len() == 2).unwrap().toks[1] else {
            panic!()
        };
        for m in ["answer", "answers", "closure", "military", "economic"] {
            assert!(ws.contains(&m.to_owned()), "{m} {ws:?}");
        }
        assert!(!ws.contains(&"closures".to_owned()));
        assert!(!ws.contains(&"militaries".to_owned()), "set name ends in _");
        assert!(
            codes
                .iter()
                .any(|p| p.toks == vec![Tok::Skip, w("peace"), w("plans")])
        );
    }

    #[test]
    fn multi_word_verbs() {
        let text = "--- CORDON [1721] ---\n+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}\nWIRE_+TAP {WIRE_+TAPPED} [1711]\n+ANGERED_BY {}\n";
        let (d, s) = load2(text);
        assert_eq!(s.errors, 0, "{:?}", d.errors);
        let t = &d.triggers[d.verbs_for("cordoned")[0]];
        assert_eq!(
            t.kind,
            TriggerKind::Verb {
                particle: vec!["off".to_owned()]
            }
        );
        assert_eq!(t.lemma, "cordon off");
        let wire: Vec<_> = d
            .verbs_for("wire")
            .iter()
            .map(|&i| &d.triggers[i])
            .collect();
        assert!(wire.iter().any(|t| t.kind
            == TriggerKind::Verb {
                particle: vec!["tapped".to_owned()]
            }));
        assert!(wire.iter().all(|t| t.code == "1711"));
        assert_eq!(d.verbs_for("angered").len(), 1);
        assert!(d.verbs_for("angereds").is_empty());
    }

    #[test]
    fn null_codes_transformations_and_quirk() {
        let text = "--- SAY [---] ---\nSAY {SAID SAYS}\n- * AID [---]\n- * BLAME [:112]\n- &MILITARY * [154]\n- SAID * RESOLUTION [057]\n~ a (a b ATTACK) SAY = a b 015\n<!-- off -->\n- * THANKS [041]\n";
        let (d, s) = load2(text.replace("&MILITARY", "TROOPS").as_str());
        let t = &d.triggers[d.verbs_for("said")[0]];
        assert_eq!(t.code, "---");
        assert_eq!(t.patterns.len(), 1, "{:?}", t.patterns);
        assert_eq!(t.patterns[0].code, "057");
        assert!(t.pre.is_empty());
        assert_eq!(s.pre_verb, 2);
        // [---], [:112], pre-verb-only, ~, <!--, and the switched-off pattern.
        assert_eq!(s.skipped, 6);
        assert_eq!(s.loaded, 3);
    }

    #[test]
    fn malformed_lines() {
        let text = "+ORPHAN\n--- X [042] ---\nX\n- * (TO PEACE [042]\n- * THING [04x]\n- * THING\n- * &NOPE [042]\n--- [042] ---\n";
        let (d, s) = load2(text);
        assert_eq!(s.errors, 6, "{:?}", d.errors);
        let msgs: Vec<String> = d.errors.iter().map(ToString::to_string).collect();
        assert!(
            msgs[0].starts_with("T.txt:1: line \"+ORPHAN\" is outside"),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.starts_with("T.txt:4: unbalanced (")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("T.txt:5: bad CAMEO code [04x]")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("T.txt:6: pattern has no [code]")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("T.txt:7: unknown synset &NOPE")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("T.txt:8: block header has no label")),
            "{msgs:?}"
        );
        // The block still loads.
        assert_eq!(d.triggers.len(), 1);
    }

    #[test]
    fn tabari_patterns() {
        let text = "<!-- header -->\n&TIETYPES\n+MILITARY\n+ECONOMIC\n\n--- ABANDON [345] ---\nABANDON\n- * NEW_&TIETYPES_RELATIONS [903]\n- *_OUT [074]\n- SO IN_AND_*_OUT_AGAIN NOW [075]\n- NOT * [112]\n- * FOR_ASYLUM [174K]\n- + WAS_ * TO_ ^ FROM $ [174]\n";
        let mut d = VerbDict::new();
        let s = load_tabari_verbs(&mut d, text, Path::new("V.txt"));
        assert_eq!(s.loaded + s.skipped + s.errors, s.lines, "{s:?}");
        assert_eq!(s.errors, 1, "{:?}", d.errors);
        let all: Vec<_> = d
            .verbs_for("abandoned")
            .iter()
            .map(|&i| &d.triggers[i])
            .collect();
        let Some(t) = all.iter().find(|t| t.pre.is_empty()) else {
            panic!("no plain trigger")
        };
        let pre_of = |c: &str| {
            all.iter()
                .find(|t| t.patterns.iter().any(|p| p.code == c) && !t.pre.is_empty())
                .map(|t| (t.pre.clone(), t.patterns[0].toks.clone()))
        };
        let find = |c: &str| {
            t.patterns
                .iter()
                .find(|p| p.code == c)
                .map(|p| p.toks.clone())
        };
        let Some(toks) = find("903") else { panic!() };
        assert_eq!(toks.len(), 4);
        assert_eq!(toks[0], Tok::Skip);
        assert_eq!(toks[1], w("new"));
        assert_eq!(toks[3], w("relations"));
        assert_eq!(find("074"), Some(vec![w("out")]));
        assert_eq!(find("075"), None);
        assert_eq!(
            pre_of("075"),
            Some((
                vec![Tok::Skip, w("so"), Tok::Skip, w("in"), w("and")],
                vec![w("out"), w("again"), Tok::Skip, w("now")]
            ))
        );
        assert_eq!(find("112"), None);
        assert_eq!(
            pre_of("112"),
            Some((vec![Tok::Skip, w("not"), Tok::Skip], vec![]))
        );
        assert_eq!(
            pre_of("174"),
            Some((
                vec![Tok::Skip, w("was"), Tok::Skip],
                vec![Tok::Skip, w("to"), Tok::Skip, w("from")]
            ))
        );
        // TABARI files are not subject to the `<!` quirk.
        assert!(s.patterns >= 4);
    }
}
