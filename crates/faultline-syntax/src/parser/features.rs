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

    /// Number of words.
    #[inline]
    fn len(&self) -> u32 {
        u32::try_from(self.atoms.len()).unwrap_or(u32::MAX)
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

/// The positions the templates read, for one configuration (0 = none).
struct Positions {
    s0: u32,
    s1: u32,
    n0: u32,
    n1: u32,
    s0h: u32,
    s0h2: u32,
    s0l: u32,
    s0l2: u32,
    s0r: u32,
    s0r2: u32,
    n0l: u32,
    n0l2: u32,
    /// Bucketed distance between s0 and n0 (7 when either is missing).
    d: u64,
}

impl Positions {
    fn of(st: &State) -> Self {
        let at = |i: u32| if i <= st.n { i } else { 0 };
        let head = |i: u32| if i == 0 { 0 } else { st.heads[i as usize] };
        let left = |i: u32, k: usize| if i == 0 { 0 } else { st.lefts[i as usize][k] };
        let right = |i: u32, k: usize| if i == 0 { 0 } else { st.rights[i as usize][k] };
        let s0 = st.s0();
        let s1 = st.stack.len().checked_sub(2).map_or(0, |k| st.stack[k]);
        let n0 = at(st.next);
        let s0h = head(s0);
        Self {
            s0,
            s1,
            n0,
            n1: at(st.next + 1),
            s0h,
            s0h2: head(s0h),
            s0l: left(s0, 0),
            s0l2: left(s0, 1),
            s0r: right(s0, 0),
            s0r2: right(s0, 1),
            n0l: left(n0, 0),
            n0l2: left(n0, 1),
            d: if s0 != 0 && n0 != 0 {
                distance_bucket(s0, n0)
            } else {
                7
            },
        }
    }
}

/// Appends template features to a vector.
struct Out<'o>(&'o mut Vec<u64>);

impl Out<'_> {
    #[inline]
    fn f(&mut self, t: u64, a: u64, b: u64, c: u64) {
        self.0.push(feat(t, a, b, c));
    }
}

/// Writes the features of `st` into `out`: those of the buffer front
/// ([`front`]), of the stack top alone ([`top`]), then the rest
/// ([`extract_rest`]).
pub fn extract(sn: &Sentence<'_>, st: &State, out: &mut Vec<u64>) {
    out.clear();
    let x = Positions::of(st);
    front_into(sn, x.n0, &mut Out(out));
    top_into(sn, x.s0, &mut Out(out));
    rest_into(sn, st, &x, &mut Out(out));
}

/// Writes the features that read only the buffer front `n0` and the two
/// words after it (and the bias). They stay the same while `n0` does, so
/// the parser scores them once per buffer front.
pub fn front(sn: &Sentence<'_>, n0: u32, out: &mut Vec<u64>) {
    out.clear();
    front_into(sn, n0, &mut Out(out));
}

/// Writes the features that read only the stack top `s0`'s own word and
/// tag, which never change: the parser scores them once per word.
pub fn top(sn: &Sentence<'_>, s0: u32, out: &mut Vec<u64>) {
    out.clear();
    top_into(sn, s0, &mut Out(out));
}

/// Writes every feature of `st` that [`front`] and [`top`] do not.
pub fn extract_rest(sn: &Sentence<'_>, st: &State, out: &mut Vec<u64>) {
    out.clear();
    let x = Positions::of(st);
    rest_into(sn, st, &x, &mut Out(out));
}

fn front_into(sn: &Sentence<'_>, n0: u32, o: &mut Out<'_>) {
    let (w, p, r) = (|i| sn.w(i), |i| sn.p(i), |i| sn.r(i));
    let wp = |i| mix(sn.w(i), sn.p(i));
    let at = |i: u32| if n0 != 0 && i <= sn.len() { i } else { 0 };
    let (n1, n2) = (at(n0 + 1), at(n0 + 2));
    o.f(0, 0, 0, 0);
    o.f(4, wp(n0), 0, 0);
    o.f(5, w(n0), 0, 0);
    o.f(6, p(n0), 0, 0);
    o.f(7, wp(n1), 0, 0);
    o.f(8, w(n1), 0, 0);
    o.f(9, p(n1), 0, 0);
    o.f(10, wp(n2), 0, 0);
    o.f(11, w(n2), 0, 0);
    o.f(12, p(n2), 0, 0);
    o.f(20, p(n0), p(n1), 0);
    o.f(21, p(n0), p(n1), p(n2));
    o.f(63, sn.suffix(n0), p(n0), 0);
    o.f(65, w(n0), w(n1), 0);
    o.f(72, r(n0), 0, 0);
    o.f(74, r(n0), r(n1), 0);
    o.f(83, sn.class(n0), p(n0), 0);
}

fn top_into(sn: &Sentence<'_>, s0: u32, o: &mut Out<'_>) {
    let p = |i| sn.p(i);
    o.f(1, mix(sn.w(s0), p(s0)), 0, 0);
    o.f(2, sn.w(s0), 0, 0);
    o.f(3, p(s0), 0, 0);
    o.f(64, sn.suffix(s0), p(s0), 0);
    o.f(71, sn.r(s0), 0, 0);
    o.f(82, sn.class(s0), p(s0), 0);
}

fn rest_into(sn: &Sentence<'_>, st: &State, x: &Positions, o: &mut Out<'_>) {
    pairs(sn, x, o);
    distance_and_valency(sn, st, x, o);
    higher_order(sn, x, o);
    context(sn, st, x, o);
}

/// Zhang & Nivre's pairs and triples.
fn pairs(sn: &Sentence<'_>, x: &Positions, o: &mut Out<'_>) {
    let (w, p) = (|i| sn.w(i), |i| sn.p(i));
    let wp = |i| mix(sn.w(i), sn.p(i));
    let (s0, n0, n1) = (x.s0, x.n0, x.n1);
    o.f(13, wp(s0), wp(n0), 0);
    o.f(14, wp(s0), w(n0), 0);
    o.f(15, w(s0), wp(n0), 0);
    o.f(16, wp(s0), p(n0), 0);
    o.f(17, p(s0), wp(n0), 0);
    o.f(18, w(s0), w(n0), 0);
    o.f(19, p(s0), p(n0), 0);
    o.f(22, p(s0), p(n0), p(n1));
    o.f(23, p(x.s0h), p(s0), p(n0));
    o.f(24, p(s0), p(x.s0l), p(n0));
    o.f(25, p(s0), p(x.s0r), p(n0));
    o.f(26, p(s0), p(n0), p(x.n0l));
}

/// Distance between the pair and the valency of each.
fn distance_and_valency(sn: &Sentence<'_>, st: &State, x: &Positions, o: &mut Out<'_>) {
    let (w, p) = (|i| sn.w(i), |i| sn.p(i));
    let val = |i: u32, k: usize| {
        if i == 0 {
            0
        } else {
            u64::from(st.valency[i as usize][k])
        }
    };
    let (s0, n0, d) = (x.s0, x.n0, x.d);
    o.f(27, w(s0), d, 0);
    o.f(28, p(s0), d, 0);
    o.f(29, w(n0), d, 0);
    o.f(30, p(n0), d, 0);
    o.f(31, w(s0), w(n0), d);
    o.f(32, p(s0), p(n0), d);
    o.f(33, w(s0), val(s0, 1), 0);
    o.f(34, p(s0), val(s0, 1), 0);
    o.f(35, w(s0), val(s0, 0), 0);
    o.f(36, p(s0), val(s0, 0), 0);
    o.f(37, w(n0), val(n0, 0), 0);
    o.f(38, p(n0), val(n0, 0), 0);
}

/// Heads and outermost dependents (second and third order).
fn higher_order(sn: &Sentence<'_>, x: &Positions, o: &mut Out<'_>) {
    let (w, p) = (|i| sn.w(i), |i| sn.p(i));
    o.f(39, w(x.s0h), 0, 0);
    o.f(40, p(x.s0h), 0, 0);
    o.f(41, w(x.s0l), 0, 0);
    o.f(42, p(x.s0l), 0, 0);
    o.f(43, w(x.s0r), 0, 0);
    o.f(44, p(x.s0r), 0, 0);
    o.f(45, w(x.n0l), 0, 0);
    o.f(46, p(x.n0l), 0, 0);
    o.f(47, w(x.s0h2), 0, 0);
    o.f(48, p(x.s0h2), 0, 0);
    o.f(49, w(x.s0l2), 0, 0);
    o.f(50, p(x.s0l2), 0, 0);
    o.f(51, w(x.s0r2), 0, 0);
    o.f(52, p(x.s0r2), 0, 0);
    o.f(53, w(x.n0l2), 0, 0);
    o.f(54, p(x.n0l2), 0, 0);
    o.f(55, p(x.s0), p(x.s0l), p(x.s0l2));
    o.f(56, p(x.s0), p(x.s0r), p(x.s0r2));
    o.f(57, p(x.s0), p(x.s0h), p(x.s0h2));
    o.f(58, p(x.n0), p(x.n0l), p(x.n0l2));
}

/// The word under the stack top, suffixes, refined tags, what lies between
/// the pair, ambiguity classes and dependents' tag sets.
#[allow(clippy::cast_possible_truncation)]
fn context(sn: &Sentence<'_>, st: &State, x: &Positions, o: &mut Out<'_>) {
    let (w, p, r, c) = (|i| sn.w(i), |i| sn.p(i), |i| sn.r(i), |i| sn.class(i));
    let wp = |i| mix(sn.w(i), sn.p(i));
    let (s0, s1, n0, n1, s0h) = (x.s0, x.s1, x.n0, x.n1, x.s0h);
    let s1_headed = s1 != 0 && st.heads[s1 as usize] != 0;
    o.f(59, wp(s1), 0, 0);
    o.f(60, p(s1), p(s0), p(n0));
    o.f(61, w(s1), w(s0), 0);
    o.f(62, u64::from(s0h != 0), p(s0), p(n0));
    o.f(66, wp(s0), p(n0), p(n1));
    o.f(67, p(s0), wp(n0), p(n1));
    o.f(68, w(s0h), p(s0), p(n0));
    o.f(69, p(s1), p(s0), u64::from(s1_headed));
    o.f(70, u64::from(st.stack.len().min(4) as u8), p(n0), 0);
    o.f(73, r(s0), r(n0), 0);
    o.f(75, r(s0), p(n0), x.d);
    o.f(76, r(s0h), r(s0), r(n0));
    o.f(77, r(s1), r(s0), 0);
    let (punct, verbs) = sn.between(s0, n0);
    o.f(78, p(s0), p(n0), punct);
    o.f(79, p(s0), p(n0), verbs);
    o.f(80, r(s0), r(n0), punct << 2 | verbs);
    o.f(81, w(s0), p(n0), punct);
    o.f(84, c(s0), c(n0), 0);
    o.f(85, c(n0), c(n1), p(s0));
    let kids = |i: u32, side: usize| {
        if i == 0 {
            0
        } else {
            u64::from(st.kid_tags[i as usize][side])
        }
    };
    o.f(86, p(s0), kids(s0, 0), 0);
    o.f(87, p(s0), kids(s0, 1), 0);
    o.f(88, p(n0), kids(n0, 0), 0);
    o.f(89, p(s0), p(n0), kids(s0, 0));
    o.f(90, w(s0), kids(s0, 1), 0);
}
