//! The relation labeller: names every arc of a finished tree (`nsubj`,
//! `obl:agent`, `nmod:poss`, …). Working on the whole tree lets it see
//! what the transition parser cannot yet see at attachment time: the
//! dependent's case marker ("by" → `obl:agent`), the head's auxiliaries
//! ("was" → `nsubj:pass`) and the labels already given to the head and to
//! nearer siblings. Heads are visited breadth-first from the root, and each
//! head's dependents nearest first. An optional second pass relabels the
//! arcs the first was unsure of, seeing every first-pass label: the
//! dependent's own children's and the siblings' on both sides.

use crate::bytes::{Reader, Writer};
use crate::error::SyntaxError;
use crate::hash::{feat, mix};
use crate::lexical::Atoms;
use crate::perceptron::{Linear, Prune, Trainer, argmax_allowed};
use crate::tagger::{UPOS, upos_index};

const NONE: u64 = 0x4e4f_4e45;

/// The label of arcs to the root.
pub const ROOT: &str = "root";

/// A trained labeller and its label names.
#[derive(Debug, Clone)]
pub struct Labeler {
    linear: Linear,
    /// The second pass, which also sees every first-pass label.
    second: Option<Linear>,
    labels: Vec<String>,
    /// A label given without scoring to every word of a tag that training
    /// (nearly) always labelled so (PUNCT → punct), by UPOS index.
    forced: Vec<Option<u16>>,
}

/// Fewest words of a tag, and smallest share of its top label, to force it.
const FORCE_COUNT: u32 = 100;
const FORCE_SHARE: f64 = 0.995;

/// The forced label of each tag, from gold trees (`labels` are indices).
fn forced_labels(data: &[(Vec<u8>, Vec<u16>)], n_labels: usize) -> Vec<Option<u16>> {
    let mut counts = vec![vec![0u32; n_labels]; UPOS.len()];
    for (tags, labels) in data {
        for (&t, &l) in tags.iter().zip(labels) {
            if let Some(row) = counts.get_mut(t as usize) {
                row[l as usize] += 1;
            }
        }
    }
    counts
        .iter()
        .map(|row| {
            let total: u32 = row.iter().sum();
            let (best, &top) = row
                .iter()
                .enumerate()
                .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))?;
            (total >= FORCE_COUNT && f64::from(top) >= FORCE_SHARE * f64::from(total))
                .then(|| u16::try_from(best).ok())
                .flatten()
        })
        .collect()
}

/// One sentence's tree, as the labeller reads it.
struct Tree<'a> {
    atoms: &'a [Atoms],
    tags: &'a [u8],
    /// 1-based heads, index 0 unused.
    heads: &'a [u32],
    /// Dependents of every node, grouped by head (0 = root) and ordered
    /// by distance; node `h`'s are `deps[start[h]..start[h + 1]]`.
    deps: Vec<u32>,
    start: Vec<u32>,
}

impl<'a> Tree<'a> {
    fn new(atoms: &'a [Atoms], tags: &'a [u8], heads: &'a [u32]) -> Self {
        let n = heads.len();
        let mut start = vec![0u32; n + 1];
        for &h in heads.iter().skip(1) {
            if (h as usize) < n {
                start[h as usize + 1] += 1;
            }
        }
        for i in 1..=n {
            start[i] += start[i - 1];
        }
        let mut fill = start.clone();
        let mut deps = vec![0u32; start[n] as usize];
        for (d, &h) in heads.iter().enumerate().skip(1) {
            if (h as usize) < n {
                deps[fill[h as usize] as usize] = u32::try_from(d).unwrap_or(0);
                fill[h as usize] += 1;
            }
        }
        for h in 0..n {
            deps[start[h] as usize..start[h + 1] as usize]
                .sort_unstable_by_key(|&d| ((d as usize).abs_diff(h), d));
        }
        Self {
            atoms,
            tags,
            heads,
            deps,
            start,
        }
    }

    fn kids(&self, h: u32) -> &[u32] {
        let h = h as usize;
        &self.deps[self.start[h] as usize..self.start[h + 1] as usize]
    }

    fn w(&self, i: u32) -> u64 {
        if i == 0 {
            NONE
        } else {
            self.atoms[i as usize - 1].word
        }
    }
    fn p(&self, i: u32) -> u64 {
        if i == 0 {
            NONE
        } else {
            mix(0x7047, u64::from(self.tags[i as usize - 1]))
        }
    }
    fn tag_is(&self, i: u32, name: &str) -> bool {
        i != 0 && upos_index(name) == Some(self.tags[i as usize - 1])
    }
    /// The first dependent of `i` with tag `tag` on the given side.
    fn child_with(&self, i: u32, tag: &str, left: bool) -> u32 {
        self.kids(i)
            .iter()
            .copied()
            .find(|&c| (c < i) == left && self.tag_is(c, tag))
            .unwrap_or(0)
    }
    /// Breadth-first order of arcs (head, dependent).
    fn order(&self) -> Vec<(u32, u32)> {
        let mut out = Vec::with_capacity(self.heads.len());
        let mut queue = std::collections::VecDeque::from([0u32]);
        while let Some(h) = queue.pop_front() {
            for &d in self.kids(h) {
                out.push((h, d));
                queue.push_back(d);
            }
        }
        out
    }
}

/// The atom of a label index, as label features read it.
fn label_atom(l: u16) -> u64 {
    mix(0x006c_6162, u64::from(l))
}

fn dist(h: u32, d: u32) -> u64 {
    let gap = h.abs_diff(d);
    u64::from(d < h) << 8 | u64::from(gap.min(6))
}

/// Features of the arc h → d, given labels assigned so far (`labels[w]`,
/// `u64` label atoms, NONE when unknown).
fn features(t: &Tree<'_>, h: u32, d: u32, labels: &[u64], out: &mut Vec<u64>) {
    features_of(t, h, d, labels, true, out);
}

/// The templates of [`features`] that read labels (the head's and the
/// previous sibling's).
const LABEL_TEMPLATES: [u64; 4] = [17, 18, 28, 31];

/// The features of [`features`] that read no label, in the same order:
/// the same for an arc whatever is labelled before it, so they are
/// computed once per arc.
fn unlabelled_features(t: &Tree<'_>, h: u32, d: u32, out: &mut Vec<u64>) {
    features_of(t, h, d, &[], false, out);
}

/// Appends the features of [`features`] that read labels (`LABEL_TEMPLATES`).
fn label_features(t: &Tree<'_>, h: u32, d: u32, labels: &[u64], out: &mut Vec<u64>) {
    let pd = t.p(d);
    let dir = u64::from(d < h);
    let label = |w: u32| labels.get(w as usize).copied().unwrap_or(NONE);
    let head_label = if h == 0 { NONE } else { label(h) };
    let sibling_label = previous_sibling(t, h, d).map_or(NONE, label);
    out.push(feat(117, head_label, pd, dir));
    out.push(feat(118, sibling_label, pd, dir));
    out.push(feat(128, head_label, sibling_label, pd));
    out.push(feat(131, dist(h, d), pd, head_label));
}

/// The head's dependent before `d` on the same side, if any.
fn previous_sibling(t: &Tree<'_>, h: u32, d: u32) -> Option<u32> {
    t.kids(h)
        .iter()
        .copied()
        .take_while(|&c| c != d)
        .filter(|&c| (c < h) == (d < h))
        .last()
}

/// [`features`], or with `with_labels` false those that read no label.
fn features_of(
    t: &Tree<'_>,
    h: u32,
    d: u32,
    labels: &[u64],
    with_labels: bool,
    out: &mut Vec<u64>,
) {
    out.clear();
    let (pd, ph, wd, wh) = (t.p(d), t.p(h), t.w(d), t.w(h));
    let dir = u64::from(d < h);
    let case = t
        .child_with(d, "ADP", true)
        .max(t.child_with(d, "PART", true));
    let mark = t
        .child_with(d, "SCONJ", true)
        .max(t.child_with(d, "PART", true));
    let aux = t
        .kids(h)
        .iter()
        .copied()
        .find(|&c| c < h && t.tag_is(c, "AUX"))
        .unwrap_or(0);
    let label = |w: u32| labels.get(w as usize).copied().unwrap_or(NONE);
    let sibling_label = previous_sibling(t, h, d).map_or(NONE, label);
    let kids = t.kids(d);
    let lkid = kids.iter().copied().filter(|&c| c < d).min().unwrap_or(0);
    let rkid = kids.iter().copied().filter(|&c| c > d).max().unwrap_or(0);
    let a = t.atoms[d as usize - 1];
    let head_label = if h == 0 { NONE } else { label(h) };
    let hh = if h == 0 { 0 } else { t.heads[h as usize] };
    let prev = d - 1;
    let mut f = |n: u64, x: u64, y: u64, z: u64| {
        if with_labels || !LABEL_TEMPLATES.contains(&n) {
            out.push(feat(100 + n, x, y, z));
        }
    };
    f(0, 0, 0, 0);
    f(1, wd, 0, 0);
    f(2, pd, 0, 0);
    f(3, wd, pd, 0);
    f(4, wh, 0, 0);
    f(5, ph, 0, 0);
    f(6, wh, ph, 0);
    f(7, ph, pd, 0);
    f(8, wh, pd, 0);
    f(9, ph, wd, 0);
    f(10, wh, wd, 0);
    f(11, dist(h, d), ph, pd);
    f(12, dir, pd, 0);
    f(13, t.w(case), ph, pd);
    f(14, t.w(case), dir, 0);
    f(15, t.w(mark), ph, pd);
    f(16, u64::from(t.child_with(d, "DET", true) != 0), pd, dir);
    f(17, head_label, pd, dir);
    f(18, sibling_label, pd, dir);
    f(19, t.w(aux), dir, pd);
    f(20, a.suffix[2], pd, 0);
    f(21, a.flags, pd, 0);
    f(22, t.p(hh), ph, pd);
    f(23, t.p(lkid), t.p(rkid), pd);
    f(
        24,
        u64::from(d == 1),
        u64::from(d as usize == t.atoms.len()),
        pd,
    );
    f(25, kids.len().min(4) as u64, pd, 0);
    f(26, dir, wh, pd);
    f(27, t.p(prev), pd, dir);
    f(28, head_label, sibling_label, pd);
    f(29, t.w(case), wh, 0);
    f(30, t.w(aux), wh, dir);
    f(31, dist(h, d), pd, head_label);
    let h_ending = if h == 0 {
        NONE
    } else {
        u64::from(t.atoms[h as usize - 1].ending)
    };
    f(32, t.w(aux), h_ending, dir);
    f(33, wd, dir, ph);
    f(34, h_ending, ph, pd);
    let next = if (d as usize) < t.atoms.len() {
        d + 1
    } else {
        0
    };
    f(39, t.p(next), pd, dir);
    f(40, t.p(prev), t.p(next), pd);
}

/// Features of the second pass: the first pass's, plus the first-pass
/// labels (`first`, all known) of the dependent itself, of its children
/// (with their side and words), of the head's other dependents (the next
/// farther on the same side, the nearest on the other, all of them by
/// side, and how many share the dependent's label) and of the head's head.
fn features2(t: &Tree<'_>, h: u32, d: u32, first: &[u64], out: &mut Vec<u64>) {
    features(t, h, d, first, out);
    let pd = t.p(d);
    let own = first[d as usize];
    let dir = u64::from(d < h);
    let mut f = |n: u64, x: u64, y: u64, z: u64| out.push(feat(100 + n, x, y, z));
    f(60, own, 0, 0);
    f(61, own, pd, dir);
    for &c in t.kids(d) {
        f(62, first[c as usize], u64::from(c < d), pd);
        f(63, first[c as usize], own, 0);
        f(68, first[c as usize], t.w(c), own);
    }
    let kids = t.kids(h);
    let pos = kids.iter().position(|&c| c == d).unwrap_or(0);
    let farther = kids[pos + 1..]
        .iter()
        .copied()
        .find(|&c| (c < h) == (d < h))
        .map_or(NONE, |c| first[c as usize]);
    let other = kids
        .iter()
        .copied()
        .find(|&c| (c < h) != (d < h))
        .map_or(NONE, |c| first[c as usize]);
    f(64, farther, own, pd);
    f(65, other, own, pd);
    let mut same = 0u64;
    for &c in kids.iter().filter(|&&c| c != d) {
        same += u64::from(first[c as usize] == own);
        f(67, first[c as usize], u64::from(c < d), own);
    }
    f(66, same.min(2), own, 0);
    let hh = if h == 0 { 0 } else { t.heads[h as usize] };
    let hh_label = if hh == 0 { NONE } else { first[hh as usize] };
    f(69, hh_label, first[h as usize], own);
}

/// The second pass keeps only features updated this many times more
/// often than the first pass asks (10 instead of 2 by default): a sixth
/// of its rows (its tables 2.5 MiB instead of 16) at the same accuracy
/// (EWT dev LAS 81.25 against 81.27).
const SECOND_PRUNE_FACTOR: u32 = 5;

/// A first-pass margin (best score minus second best, in weight units)
/// from which the second pass keeps the first pass's label unscored.
const SURE_MARGIN: f32 = 20.0;

impl Labeler {
    /// Labels every arc of a tree. `heads` is 1-based (index 0 unused).
    /// Returns label indices, 1-based like `heads` (index 0 unused).
    #[must_use]
    pub fn label(&self, atoms: &[Atoms], tags: &[u8], heads: &[u32]) -> Vec<u16> {
        let t = Tree::new(atoms, tags, heads);
        let (mut out, margins) = self.first_pass(&t, tags);
        if let Some(second) = &self.second {
            self.second_pass(second, &t, &margins, &mut out);
        }
        out
    }

    /// Relabels the arcs whose first-pass margin is below [`SURE_MARGIN`],
    /// seeing every first-pass label. No label depends on another here, so
    /// the look-ups of all the arcs' features start at once.
    fn second_pass(&self, second: &Linear, t: &Tree<'_>, margins: &[f32], out: &mut [u16]) {
        let arcs: Vec<(u32, u32)> = t
            .order()
            .into_iter()
            .filter(|&(h, d)| h != 0 && margins[d as usize] < SURE_MARGIN)
            .collect();
        if arcs.is_empty() {
            return;
        }
        let first: Vec<u64> = out.iter().map(|&l| label_atom(l)).collect();
        let mut buf = Vec::with_capacity(64);
        let mut feats = Vec::with_capacity(64 * arcs.len());
        let mut ends = Vec::with_capacity(arcs.len());
        for &(h, d) in &arcs {
            features2(t, h, d, &first, &mut buf);
            feats.extend_from_slice(&buf);
            ends.push(feats.len());
        }
        let root = self.index(ROOT) as usize;
        let n = self.labels.len();
        let mut scores = vec![0i32; arcs.len() * n];
        second.score_groups(&feats, &ends, &mut scores);
        for (&(_, d), scores) in arcs.iter().zip(scores.chunks_exact(n)) {
            let best = argmax_allowed(scores, |i| i != root).unwrap_or(0);
            out[d as usize] = u16::try_from(best).unwrap_or(0);
        }
    }

    /// The first pass: labels, and each arc's margin between its best and
    /// second-best score (infinite for arcs not scored).
    fn first_pass(&self, t: &Tree<'_>, tags: &[u8]) -> (Vec<u16>, Vec<f32>) {
        let root = self.index(ROOT);
        let mut out = vec![root; t.heads.len()];
        let mut margins = vec![f32::INFINITY; t.heads.len()];
        let mut atoms_of = vec![NONE; t.heads.len()];
        let mut buf = Vec::with_capacity(40);
        let n = self.labels.len();
        let mut scores = vec![0i32; n];
        let fixed = self.fixed_scores(t, tags, &mut buf);
        let mut arc = 0usize;
        for (h, d) in t.order() {
            let forced = self
                .forced
                .get(tags[d as usize - 1] as usize)
                .copied()
                .flatten();
            let label = if h == 0 {
                root
            } else if let Some(l) = forced {
                l
            } else {
                buf.clear();
                label_features(t, h, d, &atoms_of, &mut buf);
                self.linear.score(&buf, &mut scores);
                for (s, f) in scores.iter_mut().zip(&fixed[arc * n..(arc + 1) * n]) {
                    *s += f;
                }
                arc += 1;
                let best = argmax_allowed(&scores, |i| i != root as usize).unwrap_or(0);
                let runner_up = argmax_allowed(&scores, |i| i != root as usize && i != best)
                    .map_or(0, |k| scores[k]);
                #[allow(clippy::cast_precision_loss)]
                let margin = (scores[best] - runner_up) as f32 * self.linear.scale();
                margins[d as usize] = margin;
                u16::try_from(best).unwrap_or(0)
            };
            out[d as usize] = label;
            atoms_of[d as usize] = label_atom(label);
        }
        (out, margins)
    }

    /// The summed weights of the features that read no label, for every
    /// arc the first pass scores (in its order, one sum per label each),
    /// computed and looked up all at once before the arcs are labelled
    /// one by one.
    fn fixed_scores(&self, t: &Tree<'_>, tags: &[u8], buf: &mut Vec<u64>) -> Vec<i32> {
        let mut all = Vec::with_capacity(36 * tags.len());
        let mut ends = Vec::with_capacity(tags.len());
        for (h, d) in t.order() {
            let forced = self.forced.get(tags[d as usize - 1] as usize).copied();
            if h != 0 && forced.flatten().is_none() {
                unlabelled_features(t, h, d, buf);
                all.extend_from_slice(buf);
                ends.push(all.len());
            }
        }
        let mut out = vec![0; ends.len() * self.labels.len()];
        self.linear.score_groups(&all, &ends, &mut out);
        out
    }

    /// The label forced on every word of a tag, if any.
    fn forced_of(&self, tag: u8) -> Option<u16> {
        self.forced.get(tag as usize).copied().flatten()
    }

    /// The index of a label name (0 when unknown).
    #[must_use]
    pub fn index(&self, name: &str) -> u16 {
        self.labels
            .iter()
            .position(|l| l == name)
            .and_then(|i| u16::try_from(i).ok())
            .unwrap_or(0)
    }

    /// The name of a label index.
    #[must_use]
    pub fn name(&self, i: u16) -> &str {
        self.labels.get(i as usize).map_or("dep", String::as_str)
    }

    /// Bytes of the weight tables in memory.
    #[must_use]
    pub fn table_bytes(&self) -> usize {
        self.linear.bytes() + self.second.as_ref().map_or(0, Linear::bytes)
    }

    /// Number of feature rows kept.
    #[must_use]
    pub fn size(&self) -> usize {
        self.linear.len() + self.second.as_ref().map_or(0, Linear::len)
    }

    /// Writes the labeller section.
    pub fn write(&self, w: &mut Writer) {
        w.u32(u32::try_from(self.labels.len()).unwrap_or(0));
        for l in &self.labels {
            w.str(l);
        }
        for f in &self.forced {
            w.u32(f.map_or(u32::MAX, u32::from));
        }
        self.linear.write(w);
    }

    /// Whether the labeller has a second pass (format 5 stores it in a
    /// section of its own, see [`Labeler::write_second`]).
    #[must_use]
    pub fn has_second_pass(&self) -> bool {
        self.second.is_some()
    }

    /// Writes the second pass's section (nothing without one).
    pub fn write_second(&self, w: &mut Writer) {
        if let Some(second) = &self.second {
            second.write(w);
        }
    }

    /// Gives a labeller read from a format-5 file its second pass.
    /// Returns false, leaving the labeller as it was, when the pass does
    /// not match the label list.
    #[must_use]
    pub fn set_second(&mut self, second: Linear) -> bool {
        let fits = second.classes() == self.labels.len();
        if fits {
            self.second = Some(second);
        }
        fits
    }

    /// Reads the labeller section.
    ///
    /// # Errors
    /// A damaged section.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, SyntaxError> {
        let n = r.u32()? as usize;
        if n == 0 || n > 1000 {
            return Err(r.error("the label list has an impossible size; retrain the model"));
        }
        let labels = (0..n).map(|_| r.str()).collect::<Result<Vec<_>, _>>()?;
        let mut forced = Vec::with_capacity(UPOS.len());
        for _ in 0..UPOS.len() {
            let f = r.u32()?;
            forced.push(u16::try_from(f).ok().filter(|&l| (l as usize) < n));
        }
        let linear = Linear::read(r)?;
        if linear.classes() != labels.len() || !labels.iter().any(|l| l == ROOT) {
            return Err(
                r.error("the labeller section does not match its label list; retrain the model")
            );
        }
        Ok(Self {
            linear,
            second: None,
            labels,
            forced,
        })
    }
}

/// A training sentence for the labeller.
#[derive(Debug, Clone)]
pub struct LabeledSentence {
    /// Word atoms.
    pub atoms: Vec<Atoms>,
    /// Tags (predicted).
    pub tags: Vec<u8>,
    /// Gold heads, 1-based.
    pub heads: Vec<u32>,
    /// Gold label names, 1-based (index 0 unused).
    pub labels: Vec<String>,
    /// Whether each arc is learnt from, 1-based (empty: every arc).
    pub scored: Vec<bool>,
    /// The sentence's group: the gold and the parsed tree of one sentence
    /// share one, and so one fold when the second pass is trained.
    pub group: usize,
}

impl LabeledSentence {
    fn scored(&self, d: u32) -> bool {
        self.scored.get(d as usize).copied().unwrap_or(true)
    }
}

/// Trains the labeller on the trees of `data`. Arcs already labelled in a
/// sentence are seen with the labels the model gave them, as when
/// labelling. With two `passes`, a second pass is trained on first-pass
/// labels from labellers that did not see the sentence (four folds).
#[must_use]
pub fn train(
    data: &[LabeledSentence],
    epochs: usize,
    seed: u64,
    prune: Prune,
    passes: usize,
) -> Labeler {
    let mut names: Vec<String> = data
        .iter()
        .flat_map(|s| s.labels.iter().skip(1).cloned())
        .collect();
    names.push(ROOT.to_owned());
    names.sort();
    names.dedup();
    let gold: Vec<Vec<u16>> = data
        .iter()
        .map(|s| {
            s.labels
                .iter()
                .map(|l| {
                    names
                        .iter()
                        .position(|n| n == l)
                        .and_then(|i| u16::try_from(i).ok())
                        .unwrap_or(0)
                })
                .collect()
        })
        .collect();
    let pairs: Vec<(Vec<u8>, Vec<u16>)> = data
        .iter()
        .zip(&gold)
        .map(|(s, g)| (s.tags.clone(), g[1..].to_vec()))
        .collect();
    let forced = forced_labels(&pairs, names.len());
    let all: Vec<usize> = (0..data.len()).collect();
    let mut labeler = Labeler {
        linear: train_first(data, &gold, &all, &names, &forced, epochs, seed).freeze(prune),
        second: None,
        labels: names,
        forced,
    };
    if passes >= 2 {
        let firsts = jackknife_first(data, &gold, &labeler, epochs, seed, prune);
        let second = train_second(data, &gold, &firsts, &labeler, epochs, seed + 100);
        labeler.second = Some(second.freeze(Prune {
            min_updates: prune.min_updates * SECOND_PRUNE_FACTOR,
            ..prune
        }));
    }
    labeler
}

/// First-pass labels of every sentence from labellers trained on the
/// other folds.
fn jackknife_first(
    data: &[LabeledSentence],
    gold: &[Vec<u16>],
    full: &Labeler,
    epochs: usize,
    seed: u64,
    prune: Prune,
) -> Vec<Vec<u16>> {
    const FOLDS: usize = 4;
    let mut out = vec![Vec::new(); data.len()];
    for fold in 0..FOLDS {
        let rest: Vec<usize> = (0..data.len())
            .filter(|&i| data[i].group % FOLDS != fold)
            .collect();
        let linear = train_first(
            data,
            gold,
            &rest,
            &full.labels,
            &full.forced,
            epochs,
            seed + fold as u64,
        )
        .freeze(prune);
        let l = Labeler {
            linear,
            second: None,
            labels: full.labels.clone(),
            forced: full.forced.clone(),
        };
        for i in (0..data.len()).filter(|&i| data[i].group % FOLDS == fold) {
            let s = &data[i];
            let t = Tree::new(&s.atoms, &s.tags, &s.heads);
            out[i] = l.first_pass(&t, &s.tags).0;
        }
    }
    out
}

/// The first pass's perceptron training on the sentences `which`.
fn train_first(
    data: &[LabeledSentence],
    gold: &[Vec<u16>],
    which: &[usize],
    names: &[String],
    forced: &[Option<u16>],
    epochs: usize,
    seed: u64,
) -> Trainer {
    let root = names.iter().position(|n| n == ROOT).unwrap_or(0);
    let mut model = Trainer::new(names.len());
    let mut order = which.to_vec();
    let mut rng = crate::train::Rng::new(seed);
    let mut buf = Vec::with_capacity(40);
    let mut scores = vec![0f32; names.len()];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let s = &data[k];
            let t = Tree::new(&s.atoms, &s.tags, &s.heads);
            let mut context: Vec<u64> = gold[k].iter().map(|&l| label_atom(l)).collect();
            for (h, d) in t.order() {
                if h == 0
                    || forced
                        .get(s.tags[d as usize - 1] as usize)
                        .copied()
                        .flatten()
                        .is_some()
                {
                    continue;
                }
                features(&t, h, d, &context, &mut buf);
                model.score(&buf, &mut scores);
                let guess = argmax_allowed(&scores, |i| i != root).unwrap_or(0);
                if s.scored(d) {
                    model.update(&buf, gold[k][d as usize] as usize, guess);
                    model.tick();
                }
                // later arcs see the labels the model gave, as when labelling
                context[d as usize] = label_atom(u16::try_from(guess).unwrap_or(0));
            }
        }
    }
    model
}

/// The second pass's perceptron training, on jackknifed first-pass labels.
fn train_second(
    data: &[LabeledSentence],
    gold: &[Vec<u16>],
    firsts: &[Vec<u16>],
    first: &Labeler,
    epochs: usize,
    seed: u64,
) -> Trainer {
    let root = first.index(ROOT) as usize;
    let mut model = Trainer::new(first.labels.len());
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = crate::train::Rng::new(seed);
    let mut buf = Vec::with_capacity(60);
    let mut scores = vec![0f32; model.classes()];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let s = &data[k];
            let t = Tree::new(&s.atoms, &s.tags, &s.heads);
            let labels: Vec<u64> = firsts[k].iter().map(|&l| label_atom(l)).collect();
            for (h, d) in t.order() {
                if h == 0 || first.forced_of(s.tags[d as usize - 1]).is_some() {
                    continue;
                }
                if !s.scored(d) {
                    continue;
                }
                features2(&t, h, d, &labels, &mut buf);
                model.score(&buf, &mut scores);
                let guess = argmax_allowed(&scores, |i| i != root).unwrap_or(0);
                model.update(&buf, gold[k][d as usize] as usize, guess);
                model.tick();
            }
        }
    }
    model
}
