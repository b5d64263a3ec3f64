//! Parser features, after Zhang & Nivre (2011): words and tags of the stack
//! and buffer front, their heads and outermost dependents, distance and
//! valency, and conjunctions of them. Labels are assigned after parsing,
//! so dependents are described by their tags.

use super::state::State;
use crate::hash::{feat, mix};
use crate::lexical::Atoms;
use crate::tagger::{UPOS, upos_index};

const NONE: u64 = 0x4e4f_4e45;

/// What the features read for one sentence: word atoms and tags, 1-based
/// (index 0 is a "no word" sentinel).
#[derive(Debug)]
pub struct Sentence<'a> {
    /// Atoms, index 0 unused.
    pub atoms: &'a [Atoms],
    /// Tag atoms, index 0 = NONE.
    pub tags: Vec<u64>,
    /// Refined tag atoms, index 0 = NONE.
    pub fine: Vec<u64>,
    /// Running counts of punctuation and verbs up to each word (1-based).
    counts: Vec<[u16; 2]>,
    /// Ambiguity classes, 0-based.
    classes: &'a [u64],
}

impl<'a> Sentence<'a> {
    /// Wraps 0-based atoms and tags.
    #[must_use]
    pub fn new(atoms: &'a [Atoms], tags: &[u8], classes: &'a [u64]) -> Self {
        let mut t = Vec::with_capacity(tags.len() + 1);
        t.push(NONE);
        t.extend(tags.iter().map(|&x| mix(0x7047, u64::from(x))));
        let mut fine = Vec::with_capacity(tags.len() + 1);
        fine.push(NONE);
        fine.extend(tags.iter().zip(atoms).map(|(&x, a)| refined_tag(x, a)));
        let (punct, verb) = (upos_index("PUNCT"), upos_index("VERB"));
        let mut counts = Vec::with_capacity(tags.len() + 1);
        let mut c = [0u16; 2];
        counts.push(c);
        for &x in tags {
            c[0] = c[0].saturating_add(u16::from(Some(x) == punct));
            c[1] = c[1].saturating_add(u16::from(Some(x) == verb));
            counts.push(c);
        }
        Self {
            atoms,
            tags: t,
            fine,
            counts,
            classes,
        }
    }

    /// Punctuation marks and verbs strictly between words `a` < `b`.
    fn between(&self, a: u32, b: u32) -> (u64, u64) {
        if a == 0 || b <= a + 1 || b as usize >= self.counts.len() {
            return (0, 0);
        }
        let (x, y) = (self.counts[b as usize - 1], self.counts[a as usize]);
        (u64::from(x[0] - y[0]).min(3), u64::from(x[1] - y[1]).min(3))
    }

    #[inline]
    fn w(&self, i: u32) -> u64 {
        if i == 0 {
            NONE
        } else {
            self.atoms.get(i as usize - 1).map_or(NONE, |a| a.word)
        }
    }

    #[inline]
    fn p(&self, i: u32) -> u64 {
        self.tags.get(i as usize).copied().unwrap_or(NONE)
    }

    #[inline]
    fn class(&self, i: u32) -> u64 {
        if i == 0 {
            NONE
        } else {
            self.classes.get(i as usize - 1).copied().unwrap_or(NONE)
        }
    }

    #[inline]
    fn r(&self, i: u32) -> u64 {
        self.fine.get(i as usize).copied().unwrap_or(NONE)
    }

    #[inline]
    fn suffix(&self, i: u32) -> u64 {
        if i == 0 {
            NONE
        } else {
            self.atoms.get(i as usize - 1).map_or(NONE, |a| a.suffix[2])
        }
    }
}

/// The tag the parser sees: UPOS, split by inflection for verbs and
/// nouns (approximating Penn's VBN/VBG/VBZ/NNS), and by the word itself
/// for the closed classes (adpositions, auxiliaries, pronouns…).
fn refined_tag(tag: u8, a: &Atoms) -> u64 {
    let name = UPOS.get(tag as usize).copied().unwrap_or("X");
    let extra = match name {
        "VERB" | "NOUN" | "PROPN" => u64::from(a.ending),
        "ADP" | "AUX" | "SCONJ" | "PART" | "DET" | "PRON" | "CCONJ" => a.word,
        _ => 0,
    };
    mix(mix(0x7047, u64::from(tag)), extra)
}

fn distance_bucket(a: u32, b: u32) -> u64 {
    match a.abs_diff(b) {
        0 => 0,
        d @ 1..=4 => u64::from(d),
        5..=9 => 5,
        _ => 6,
    }
}

/// Writes the features of `st` into `out`.
#[allow(clippy::too_many_lines)]
pub fn extract(sn: &Sentence<'_>, st: &State, out: &mut Vec<u64>) {
    out.clear();
    let n = st.n;
    let at = |i: u32| if i <= n { i } else { 0 };
    let s0 = st.s0();
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2]
    } else {
        0
    };
    let n0 = at(st.next);
    let n1 = at(st.next + 1);
    let n2 = at(st.next + 2);
    let head = |i: u32| if i == 0 { 0 } else { st.heads[i as usize] };
    let left = |i: u32, k: usize| if i == 0 { 0 } else { st.lefts[i as usize][k] };
    let right = |i: u32, k: usize| if i == 0 { 0 } else { st.rights[i as usize][k] };
    let val = |i: u32, k: usize| {
        if i == 0 {
            0
        } else {
            u64::from(st.valency[i as usize][k])
        }
    };
    let (s0h, n0l, s0l, s0r) = (head(s0), left(n0, 0), left(s0, 0), right(s0, 0));
    let (s0h2, n0l2, s0l2, s0r2) = (head(s0h), left(n0, 1), left(s0, 1), right(s0, 1));
    let (w, p) = (|i| sn.w(i), |i| sn.p(i));
    let wp = |i| mix(sn.w(i), sn.p(i));
    let d = if s0 != 0 && n0 != 0 {
        distance_bucket(s0, n0)
    } else {
        7
    };
    let mut f = |t: u64, a: u64, b: u64, c: u64| out.push(feat(t, a, b, c));
    // single words
    f(0, 0, 0, 0);
    f(1, wp(s0), 0, 0);
    f(2, w(s0), 0, 0);
    f(3, p(s0), 0, 0);
    f(4, wp(n0), 0, 0);
    f(5, w(n0), 0, 0);
    f(6, p(n0), 0, 0);
    f(7, wp(n1), 0, 0);
    f(8, w(n1), 0, 0);
    f(9, p(n1), 0, 0);
    f(10, wp(n2), 0, 0);
    f(11, w(n2), 0, 0);
    f(12, p(n2), 0, 0);
    // pairs
    f(13, wp(s0), wp(n0), 0);
    f(14, wp(s0), w(n0), 0);
    f(15, w(s0), wp(n0), 0);
    f(16, wp(s0), p(n0), 0);
    f(17, p(s0), wp(n0), 0);
    f(18, w(s0), w(n0), 0);
    f(19, p(s0), p(n0), 0);
    f(20, p(n0), p(n1), 0);
    // triples
    f(21, p(n0), p(n1), p(n2));
    f(22, p(s0), p(n0), p(n1));
    f(23, p(s0h), p(s0), p(n0));
    f(24, p(s0), p(s0l), p(n0));
    f(25, p(s0), p(s0r), p(n0));
    f(26, p(s0), p(n0), p(n0l));
    // distance
    f(27, w(s0), d, 0);
    f(28, p(s0), d, 0);
    f(29, w(n0), d, 0);
    f(30, p(n0), d, 0);
    f(31, w(s0), w(n0), d);
    f(32, p(s0), p(n0), d);
    // valency
    f(33, w(s0), val(s0, 1), 0);
    f(34, p(s0), val(s0, 1), 0);
    f(35, w(s0), val(s0, 0), 0);
    f(36, p(s0), val(s0, 0), 0);
    f(37, w(n0), val(n0, 0), 0);
    f(38, p(n0), val(n0, 0), 0);
    // second order
    f(39, w(s0h), 0, 0);
    f(40, p(s0h), 0, 0);
    f(41, w(s0l), 0, 0);
    f(42, p(s0l), 0, 0);
    f(43, w(s0r), 0, 0);
    f(44, p(s0r), 0, 0);
    f(45, w(n0l), 0, 0);
    f(46, p(n0l), 0, 0);
    // third order
    f(47, w(s0h2), 0, 0);
    f(48, p(s0h2), 0, 0);
    f(49, w(s0l2), 0, 0);
    f(50, p(s0l2), 0, 0);
    f(51, w(s0r2), 0, 0);
    f(52, p(s0r2), 0, 0);
    f(53, w(n0l2), 0, 0);
    f(54, p(n0l2), 0, 0);
    f(55, p(s0), p(s0l), p(s0l2));
    f(56, p(s0), p(s0r), p(s0r2));
    f(57, p(s0), p(s0h), p(s0h2));
    f(58, p(n0), p(n0l), p(n0l2));
    // the word under the stack top, headedness, suffixes
    f(59, wp(s1), 0, 0);
    f(60, p(s1), p(s0), p(n0));
    f(61, w(s1), w(s0), 0);
    f(62, u64::from(s0h != 0), p(s0), p(n0));
    f(63, sn.suffix(n0), p(n0), 0);
    f(64, sn.suffix(s0), p(s0), 0);
    f(65, w(n0), w(n1), 0);
    f(66, wp(s0), p(n0), p(n1));
    f(67, p(s0), wp(n0), p(n1));
    f(68, w(s0h), p(s0), p(n0));
    f(69, p(s1), p(s0), u64::from(head(s1) != 0));
    f(70, u64::from(st.stack.len().min(4) as u8), p(n0), 0);
    let r = |i| sn.r(i);
    f(71, r(s0), 0, 0);
    f(72, r(n0), 0, 0);
    f(73, r(s0), r(n0), 0);
    f(74, r(n0), r(n1), 0);
    f(75, r(s0), p(n0), d);
    f(76, r(s0h), r(s0), r(n0));
    f(77, r(s1), r(s0), 0);
    let (punct, verbs) = sn.between(s0, n0);
    f(78, p(s0), p(n0), punct);
    f(79, p(s0), p(n0), verbs);
    f(80, r(s0), r(n0), punct << 2 | verbs);
    f(81, w(s0), p(n0), punct);
    let c = |i| sn.class(i);
    f(82, c(s0), p(s0), 0);
    f(83, c(n0), p(n0), 0);
    f(84, c(s0), c(n0), 0);
    f(85, c(n0), c(n1), p(s0));
    let kids = |i: u32, side: usize| {
        if i == 0 {
            0
        } else {
            u64::from(st.kid_tags[i as usize][side])
        }
    };
    f(86, p(s0), kids(s0, 0), 0);
    f(87, p(s0), kids(s0, 1), 0);
    f(88, p(n0), kids(n0, 0), 0);
    f(89, p(s0), p(n0), kids(s0, 0));
    f(90, w(s0), kids(s0, 1), 0);
}
