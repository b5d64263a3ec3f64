//! The arc-eager transition system (Nivre 2003) without a root token:
//! words that end with no head are the sentence's roots. Words are numbered
//! 1..=n; 0 means "no word".

use crate::tagger::upos_index;

/// A transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the first buffer word onto the stack.
    Shift = 0,
    /// Pop the stack top (it has a head).
    Reduce = 1,
    /// Make the buffer front the head of the stack top, and pop it.
    Left = 2,
    /// Make the stack top the head of the buffer front, and push it.
    Right = 3,
}

/// Every move, in class order.
pub const MOVES: [Move; 4] = [Move::Shift, Move::Reduce, Move::Left, Move::Right];

/// A parser configuration.
#[derive(Debug, Clone)]
pub struct State {
    /// Number of words.
    pub n: u32,
    /// The stack, bottom first.
    pub stack: Vec<u32>,
    /// The first buffer word (n + 1 when the buffer is empty).
    pub next: u32,
    /// Head of each word (index 0 unused); 0 = none yet.
    pub heads: Vec<u32>,
    /// The two leftmost dependents of each word (closest to the edge first).
    pub lefts: Vec<[u32; 2]>,
    /// The two rightmost dependents of each word (outermost first).
    pub rights: Vec<[u32; 2]>,
    /// Number of left and right dependents of each word.
    pub valency: Vec<[u8; 2]>,
    /// Bit sets of the tags of each word's left and right dependents
    /// (empty when the state was made without tags).
    pub kid_tags: Vec<[u32; 2]>,
    tags: Vec<u8>,
    /// The tag of punctuation.
    punct: Option<u8>,
}

impl State {
    /// The start configuration for `n` words.
    #[must_use]
    pub fn new(n: usize) -> Self {
        let n32 = u32::try_from(n).unwrap_or(u32::MAX - 2);
        Self {
            n: n32,
            stack: Vec::with_capacity(n),
            next: 1,
            heads: vec![0; n + 1],
            lefts: vec![[0; 2]; n + 1],
            rights: vec![[0; 2]; n + 1],
            valency: vec![[0; 2]; n + 1],
            kid_tags: vec![[0; 2]; n + 1],
            tags: Vec::new(),
            punct: upos_index("PUNCT"),
        }
    }

    /// The start configuration for a sentence with these (0-based) tags.
    #[must_use]
    pub fn with_tags(tags: &[u8]) -> Self {
        let mut s = Self::new(tags.len());
        s.tags = tags.to_vec();
        s
    }

    /// True when the buffer is empty (the parse is complete).
    #[must_use]
    pub fn done(&self) -> bool {
        self.next > self.n
    }

    /// The stack top, or 0.
    #[must_use]
    pub fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(0)
    }

    /// Whether `m` may be applied. With tags, a punctuation mark heads no
    /// word: a left arc from one or a right arc to one is never taken (the
    /// parser otherwise hangs whole clauses on a sentence's final stop).
    /// Shift and, with a stack, a right arc from a word stay open, so every
    /// configuration still has a move.
    #[must_use]
    pub fn allowed(&self, m: Move) -> bool {
        if self.done() {
            return false;
        }
        let s0 = self.s0();
        match m {
            Move::Shift => true,
            Move::Reduce => s0 != 0 && self.heads[s0 as usize] != 0,
            Move::Left => s0 != 0 && self.heads[s0 as usize] == 0 && !self.is_punct(self.next),
            Move::Right => s0 != 0 && !self.is_punct(s0),
        }
    }

    /// True when word `w` (1-based) is tagged as punctuation.
    fn is_punct(&self, w: u32) -> bool {
        self.punct.is_some() && self.tags.get((w as usize).wrapping_sub(1)).copied() == self.punct
    }

    /// Applies `m` (which must be allowed).
    pub fn apply(&mut self, m: Move) {
        let b = self.next;
        match m {
            Move::Shift => {
                self.stack.push(b);
                self.next += 1;
            }
            Move::Reduce => {
                self.stack.pop();
            }
            Move::Left => {
                let s0 = self.stack.pop().unwrap_or(0);
                self.attach(b, s0);
            }
            Move::Right => {
                self.attach(self.s0(), b);
                self.stack.push(b);
                self.next += 1;
            }
        }
    }

    fn attach(&mut self, head: u32, dep: u32) {
        let (h, d) = (head as usize, dep as usize);
        self.heads[d] = head;
        let bit = self
            .tags
            .get(d.wrapping_sub(1))
            .map_or(0, |&t| 1u32 << (t & 31));
        self.kid_tags[h][usize::from(dep > head)] |= bit;
        if dep < head {
            // left dependents arrive right to left: the newest is leftmost
            self.lefts[h] = [dep, self.lefts[h][0]];
            self.valency[h][0] = self.valency[h][0].saturating_add(1);
        } else {
            self.rights[h] = [dep, self.rights[h][0]];
            self.valency[h][1] = self.valency[h][1].saturating_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_small_tree() {
        // "ships sailed north": 1 ← 2 → 3
        let mut s = State::new(3);
        for m in [Move::Shift, Move::Left, Move::Shift, Move::Right] {
            assert!(s.allowed(m), "{m:?}");
            s.apply(m);
        }
        assert!(s.done());
        assert_eq!(s.heads, vec![0, 2, 0, 2]);
        assert_eq!(s.lefts[2][0], 1);
        assert_eq!(s.rights[2][0], 3);
        assert_eq!(s.valency[2], [1, 1]);
    }

    #[test]
    fn guards_illegal_moves() {
        let s = State::new(2);
        assert!(!s.allowed(Move::Reduce));
        assert!(!s.allowed(Move::Left));
        assert!(!s.allowed(Move::Right));
        assert!(s.allowed(Move::Shift));
    }

    #[test]
    fn punctuation_heads_no_word() {
        // "talks ended ." and ". talks": a stop takes no dependent either way
        let tag = |t: &str| upos_index(t).expect("tag");
        let mut s = State::with_tags(&[tag("NOUN"), tag("VERB"), tag("PUNCT")]);
        for m in [Move::Shift, Move::Left, Move::Shift] {
            s.apply(m);
        }
        assert!(!s.allowed(Move::Left), "the stop would head the verb");
        assert!(s.allowed(Move::Right));
        let mut s = State::with_tags(&[tag("PUNCT"), tag("NOUN")]);
        s.apply(Move::Shift);
        assert!(!s.allowed(Move::Right), "the stop would head the noun");
        assert!(s.allowed(Move::Left) && s.allowed(Move::Shift));
    }
}
