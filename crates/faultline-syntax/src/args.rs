//! Predicates and their arguments, read off a parsed sentence: the pass
//! the coder uses instead of word windows. For a verb it gives the
//! subject (also across a passive, a coordination, a control verb or a
//! relative clause), the passive agent, objects, obliques with their case
//! marker, clausal complements and negation; for any word, the byte span
//! of its phrase (the whole subtree).
//!
//! Relation names are Universal Dependencies; words are indices into the
//! parsed sentence, and every span slices the text the sentence came from.

use faultline_text::Span;

use crate::ParsedWord;

/// A parsed sentence with its dependents indexed.
#[derive(Debug)]
pub struct Tree<'s, 'm> {
    text: &'s str,
    words: &'s [ParsedWord<'m>],
    /// Dependents of word `h` are `kids[start[h]..start[h + 1]]`, in order.
    kids: Vec<u32>,
    start: Vec<u32>,
}

/// An oblique argument: the noun and its case marker ("on" in "on Iran").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Oblique {
    /// The oblique's head word.
    pub word: u32,
    /// Its case marker, if any.
    pub case: Option<u32>,
}

/// What a predicate's arguments are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arguments {
    /// The logical-surface subject: `nsubj`/`nsubj:pass`, inherited from the
    /// first conjunct, the controlling clause, or the noun a relative or
    /// reduced relative clause modifies.
    pub subject: Option<u32>,
    /// The subject comes from another clause (coordination, control,
    /// relative clause), not from this verb's own dependents.
    pub subject_inherited: bool,
    /// The clause is passive (`nsubj:pass`, `aux:pass`, or a participle
    /// modifying a noun: "a law passed by X").
    pub passive: bool,
    /// The passive agent ("by X").
    pub agent: Option<u32>,
    /// Direct and indirect objects.
    pub objects: Vec<u32>,
    /// Obliques other than the agent, with their case markers.
    pub obliques: Vec<Oblique>,
    /// Clausal complements (`xcomp`, `ccomp`).
    pub complements: Vec<u32>,
    /// A negation ("not", "n't", "never") attached to the predicate.
    pub negation: Option<u32>,
}

impl<'s, 'm> Tree<'s, 'm> {
    /// Indexes a parsed sentence; `text` is what the word spans index.
    #[must_use]
    pub fn new(text: &'s str, words: &'s [ParsedWord<'m>]) -> Self {
        let n = words.len();
        let mut start = vec![0u32; n + 1];
        for w in words {
            if let Some(h) = w.head.filter(|&h| (h as usize) < n) {
                start[h as usize + 1] += 1;
            }
        }
        for i in 1..=n {
            start[i] += start[i - 1];
        }
        let mut fill = start.clone();
        let mut kids = vec![0u32; start[n] as usize];
        for (d, w) in words.iter().enumerate() {
            if let Some(h) = w.head.filter(|&h| (h as usize) < n) {
                kids[fill[h as usize] as usize] = u32::try_from(d).unwrap_or(0);
                fill[h as usize] += 1;
            }
        }
        Self {
            text,
            words,
            kids,
            start,
        }
    }

    /// The words.
    #[must_use]
    pub fn words(&self) -> &'s [ParsedWord<'m>] {
        self.words
    }

    /// The dependents of `i`, in sentence order.
    #[must_use]
    pub fn children(&self, i: u32) -> &[u32] {
        let i = i as usize;
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.kids[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The relation of `i` to its head (`root` for the root).
    #[must_use]
    pub fn rel(&self, i: u32) -> &'m str {
        self.words.get(i as usize).map_or("", |w| w.deprel)
    }

    /// The head of `i`.
    #[must_use]
    pub fn head(&self, i: u32) -> Option<u32> {
        self.words.get(i as usize).and_then(|w| w.head)
    }

    /// The first dependent of `i` whose relation is `rel` or a subtype of it.
    #[must_use]
    pub fn child(&self, i: u32, rel: &str) -> Option<u32> {
        self.children(i)
            .iter()
            .copied()
            .find(|&c| is_rel(self.rel(c), rel))
    }

    /// Every dependent of `i` with relation `rel` (or a subtype).
    pub fn children_with<'t>(&'t self, i: u32, rel: &'t str) -> impl Iterator<Item = u32> + 't {
        self.children(i)
            .iter()
            .copied()
            .filter(move |&c| is_rel(self.rel(c), rel))
    }

    /// The byte span of the phrase headed by `i` (its whole subtree).
    #[must_use]
    pub fn phrase(&self, i: u32) -> Span {
        let Some(w) = self.words.get(i as usize) else {
            return Span::new(0, 0);
        };
        let (mut lo, mut hi) = (w.span.start, w.span.end);
        let mut stack = vec![i];
        let mut seen = 0usize;
        while let Some(x) = stack.pop() {
            seen += 1;
            if seen > self.words.len() {
                break; // a malformed tree cannot loop us
            }
            for &c in self.children(x) {
                let s = self.words[c as usize].span;
                lo = lo.min(s.start);
                hi = hi.max(s.end);
                stack.push(c);
            }
        }
        Span::new(lo, hi)
    }

    /// The words coordinated with `i` ("A, B and C" from any of them),
    /// `i` included, in sentence order.
    #[must_use]
    pub fn conjuncts(&self, i: u32) -> Vec<u32> {
        let mut first = i;
        for _ in 0..self.words.len() {
            match self.head(first) {
                Some(h) if self.rel(first) == "conj" => first = h,
                _ => break,
            }
        }
        // "A, B and the C": a parser may hang a later conjunct on the one
        // before it rather than on the first; those count too.
        let mut out = vec![first];
        let mut k = 0;
        while k < out.len() && out.len() <= self.words.len() {
            let next: Vec<u32> = self.children_with(out[k], "conj").collect();
            out.extend(next);
            k += 1;
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The possessor of a noun ("Japan" in "Japan's navy"), if any.
    #[must_use]
    pub fn possessor(&self, noun: u32) -> Option<u32> {
        self.child(noun, "nmod:poss")
    }

    /// The arguments of predicate `p` (a verb, or the head of a copular clause).
    #[must_use]
    pub fn arguments(&self, p: u32) -> Arguments {
        let mut a = Arguments::default();
        for &c in self.children(p) {
            self.classify(c, &mut a);
        }
        if a.subject.is_some() && !a.passive && self.is_bare_infinitive(p) {
            // "met …, that time in Athens, to sign a deal": a to-infinitive
            // has no subject of its own unless "for" introduces one ("for
            // Iran to sign"); an `nsubj` there is a misparse.
            a.subject = None;
        }
        if a.subject.is_none() {
            a.subject = self.inherited_subject(p, &mut a.passive);
            a.subject_inherited = a.subject.is_some();
        }
        a
    }

    fn classify(&self, c: u32, a: &mut Arguments) {
        let rel = self.rel(c);
        match rel {
            "nsubj:pass" | "csubj:pass" => {
                a.subject = Some(c);
                a.passive = true;
            }
            "aux:pass" => a.passive = true,
            "obl:agent" => a.agent = Some(c),
            "obj" | "iobj" => a.objects.push(c),
            "xcomp" | "ccomp" => a.complements.push(c),
            _ if is_rel(rel, "nsubj") || is_rel(rel, "csubj") => a.subject = a.subject.or(Some(c)),
            _ if is_rel(rel, "obl") => {
                let case = self.child(c, "case");
                a.obliques.push(Oblique { word: c, case });
            }
            "advmod" | "det" | "cc" if self.is_negation(c) => a.negation = Some(c),
            _ => {}
        }
    }

    /// A subject from outside the clause: the first conjunct's for a
    /// coordinated verb, the controller for an `xcomp`, the served
    /// clause's for an infinitive of purpose, the modified noun for a
    /// relative or participial clause.
    fn inherited_subject(&self, p: u32, passive: &mut bool) -> Option<u32> {
        let head = self.head(p)?;
        match self.rel(p) {
            "conj" => self.arguments(head).subject,
            "xcomp" => self
                .child(head, "obj")
                .or_else(|| self.arguments(head).subject),
            // "summoned the envoy to protest …": an infinitive of purpose
            // is done by the subject of the clause it serves.
            "advcl" if self.is_bare_infinitive(p) => self.arguments(head).subject,
            // "After meeting the envoy, Chile praised …": a present
            // participle with no auxiliary before the clause it modifies is
            // done by that clause's subject (after it, the object may be:
            // "accused Peru of threatening …").
            "advcl" if self.is_fronted_participle(p) => self.arguments(head).subject,
            // "Chile recalled its envoy, accusing Peru of …": an unmarked
            // present participle after a comma that closes the clause is
            // done by that clause's subject too.
            // Past an infinitive it may hang on: "ordered the envoy to
            // leave, accusing him of …" is the orderer's accusation.
            "advcl" | "parataxis" if self.is_trailing_participle(p) => {
                let mut clause = head;
                while self.rel(clause) == "xcomp"
                    && let Some(h) = self.head(clause)
                {
                    clause = h;
                }
                self.arguments(clause).subject
            }
            "acl:relcl" => Some(head),
            "acl" => {
                // "a law passed by parliament": a participle with no
                // subject of its own is passive, its noun the subject
                *passive |= self.child(p, "obl:agent").is_some() || !self.has_aux(p);
                Some(head)
            }
            _ => None,
        }
    }

    /// The word `i` is a negator ("not", "n't", "never", "no").
    #[must_use]
    pub fn is_negation(&self, i: u32) -> bool {
        let Some(w) = self.words.get(i as usize) else {
            return false;
        };
        let text = w.span.slice(self.text);
        crate::words::negators()
            .iter()
            .any(|n| eq_apostrophe(text, n))
    }

    /// `p` is marked by the infinitive "to" (a `mark` tagged `PART`) and
    /// by no subordinator ("for") that could introduce a subject.
    fn is_bare_infinitive(&self, p: u32) -> bool {
        let mut to = false;
        for m in self.children_with(p, "mark") {
            match self.words[m as usize].upos {
                "PART" => to = true,
                _ => return false,
            }
        }
        to
    }

    /// `p` is an adverbial present participle clause before the verb it
    /// modifies ("After visiting Kyiv, the president …"): that verb's
    /// subject is its subject.
    #[must_use]
    pub fn is_fronted_participle(&self, p: u32) -> bool {
        self.rel(p) == "advcl" && self.head(p).is_some_and(|h| h > p) && self.is_bare_participle(p)
    }

    /// `p` is an unmarked present participle right after a comma, after
    /// the verb whose clause it closes ("…, suspending aid to X").
    #[must_use]
    pub fn is_trailing_participle(&self, p: u32) -> bool {
        self.head(p).is_some_and(|h| h < p)
            && self.is_bare_participle(p)
            && self.child(p, "mark").is_none()
            && p.checked_sub(1)
                .and_then(|c| self.words.get(c as usize))
                .is_some_and(|c| c.span.slice(self.text) == ",")
    }

    /// `p` is a present participle ("-ing") with no auxiliary, marked by
    /// nothing or by prepositions and subordinators only ("after meeting",
    /// "by sending").
    fn is_bare_participle(&self, p: u32) -> bool {
        let w = &self.words[p as usize];
        w.upos == "VERB"
            && w.span.slice(self.text).ends_with("ing")
            && self.child(p, "aux").is_none()
            && self.children_with(p, "mark").all(|m| {
                self.words[m as usize].upos == "ADP" || self.words[m as usize].upos == "SCONJ"
            })
    }

    fn has_aux(&self, p: u32) -> bool {
        self.child(p, "aux").is_some() || self.child(p, "mark").is_some()
    }

    /// The predicates of the sentence: verbs, and heads of copular clauses.
    #[must_use]
    pub fn predicates(&self) -> Vec<u32> {
        (0..self.words.len())
            .filter_map(|i| u32::try_from(i).ok())
            .filter(|&i| self.words[i as usize].upos == "VERB" || self.child(i, "cop").is_some())
            .collect()
    }
}

/// `rel` is `want` or one of its subtypes (`nsubj:pass` is an `nsubj`).
#[must_use]
pub fn is_rel(rel: &str, want: &str) -> bool {
    rel == want
        || (rel.len() > want.len() && rel.starts_with(want) && rel.as_bytes()[want.len()] == b':')
}

/// Case-insensitive equality that takes a curly apostrophe for a straight one.
fn eq_apostrophe(text: &str, word: &str) -> bool {
    let mut a = text.chars().map(|c| {
        if c == '\u{2019}' {
            '\''
        } else {
            c.to_ascii_lowercase()
        }
    });
    let mut b = word.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence written `word/head/UPOS/relation …` (heads 1-based, 0 for
    /// the root), words joined by single spaces in the text.
    fn sentence(spec: &'static str) -> (String, Vec<ParsedWord<'static>>) {
        let mut text = String::new();
        let mut words = Vec::new();
        for (i, item) in spec.split(' ').enumerate() {
            let f: Vec<&'static str> = item.split('/').collect();
            if !text.is_empty() {
                text.push(' ');
            }
            let span = Span::new(text.len(), text.len() + f[0].len());
            text.push_str(f[0]);
            words.push(ParsedWord {
                span,
                token: u32::try_from(i).expect("short"),
                upos: f[2],
                head: f[1].parse::<u32>().expect("a head").checked_sub(1),
                deprel: f[3],
            });
        }
        (text, words)
    }

    #[test]
    fn a_conjunct_hung_on_the_one_before_it_still_counts() {
        // "Chile, Peru and the small Bolivia signed": Bolivia on Peru.
        for spec in [
            "Chile/7/PROPN/nsubj ,/3/PUNCT/punct Peru/1/PROPN/conj and/6/CCONJ/cc the/6/DET/det Bolivia/3/PROPN/conj signed/0/VERB/root",
            "Kenya/6/PROPN/nsubj ,/3/PUNCT/punct Uganda/1/PROPN/conj and/5/CCONJ/cc Rwanda/3/PROPN/conj met/0/VERB/root",
        ] {
            let (text, words) = sentence(spec);
            let tree = Tree::new(&text, &words);
            let all = tree.conjuncts(0);
            assert_eq!(all.len(), 3, "{spec}: {all:?}");
            let last = u32::try_from(words.len() - 2).expect("short");
            assert_eq!(tree.conjuncts(last), all, "{spec}");
        }
    }

    #[test]
    fn a_to_infinitive_has_no_subject_of_its_own_unless_for_brings_one() {
        // Our own sentences, two of them misparsed with a time noun as the
        // infinitive's subject: an infinitive of purpose takes the subject of
        // the clause it serves instead.
        for (spec, verb, subject, inherited) in [
            (
                "envoys/2/NOUN/nsubj gathered/0/VERB/root this/4/DET/det week/6/NOUN/nsubj \
                 to/6/PART/mark sign/2/VERB/advcl",
                5,
                Some("envoys"),
                true,
            ),
            (
                "ministers/2/NOUN/nsubj met/0/VERB/root that/4/DET/det day/6/NOUN/nsubj \
                 to/6/PART/mark talk/2/VERB/advcl",
                5,
                Some("ministers"),
                true,
            ),
            (
                "they/2/PRON/nsubj waited/0/VERB/root for/6/SCONJ/mark Iran/6/PROPN/nsubj \
                 to/6/PART/mark sign/2/VERB/advcl",
                5,
                Some("Iran"),
                false,
            ),
            // A participle closing the clause after a comma is its subject's.
            (
                "Oslo/2/PROPN/nsubj froze/0/VERB/root talks/2/NOUN/obj ,/5/PUNCT/punct \
                 citing/2/VERB/parataxis fraud/5/NOUN/obj",
                4,
                Some("Oslo"),
                true,
            ),
            (
                "rebels/2/NOUN/nsubj shelled/0/VERB/root towns/2/NOUN/obj ,/5/PUNCT/punct \
                 wounding/2/VERB/advcl many/5/ADJ/obj",
                4,
                Some("rebels"),
                true,
            ),
            // Past an infinitive the participle hangs on: the clause it
            // closes is the infinitive's governor's.
            (
                "Chile/2/PROPN/nsubj told/0/VERB/root envoys/2/NOUN/obj to/5/PART/mark \
                 go/2/VERB/xcomp ,/7/PUNCT/punct citing/5/VERB/advcl spying/7/NOUN/obj",
                6,
                Some("Chile"),
                true,
            ),
            (
                "Kenya/2/PROPN/nsubj asked/0/VERB/root Peru/2/PROPN/obj to/5/PART/mark \
                 leave/2/VERB/xcomp ,/7/PUNCT/punct accusing/5/VERB/advcl it/7/PRON/obj",
                6,
                Some("Kenya"),
                true,
            ),
            // Not one marked by a preposition, even after a comma
            // ("…, by citing …" is an adverbial of means, not read here).
            (
                "Peru/2/PROPN/nsubj accused/0/VERB/root Chile/2/PROPN/obj ,/6/PUNCT/punct \
                 by/6/SCONJ/mark citing/2/VERB/advcl talks/6/NOUN/obj",
                5,
                None,
                false,
            ),
        ] {
            let (text, w) = sentence(spec);
            let t = Tree::new(&text, &w);
            let a = t.arguments(verb);
            let got = a.subject.map(|s| w[s as usize].span.slice(&text));
            assert_eq!(got, subject, "{text}: {a:?}");
            assert_eq!(a.subject_inherited, inherited, "{text}");
        }
    }
}
