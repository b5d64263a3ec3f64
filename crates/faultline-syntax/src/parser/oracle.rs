//! The dynamic oracle for arc-eager (Goldberg & Nivre 2012): the cost of a
//! move is the number of gold arcs it makes unreachable, so training can
//! learn from its own mistakes. Also projectivisation of gold trees, which
//! the oracle needs.

use super::state::{Move, State};

/// The cost of each move in `state` against `gold` (gold\[w\] = head of
/// word w, 0 = root; index 0 unused). Disallowed moves get `None`.
#[must_use]
pub fn costs(state: &State, gold: &[u32]) -> [Option<u32>; 4] {
    let mut out = [None; 4];
    if state.done() {
        return out;
    }
    let s = state.s0();
    let b = state.next;
    let in_buffer = |k: u32| k >= b && k <= state.n;
    let headless_on_stack = || {
        state
            .stack
            .iter()
            .copied()
            .filter(|&k| state.heads[k as usize] == 0)
    };
    let buffer_deps_of = |h: u32| (b..=state.n).filter(|&k| gold[k as usize] == h).count();
    let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);

    out[Move::Shift as usize] = {
        let lost_deps = headless_on_stack()
            .filter(|&k| gold[k as usize] == b)
            .count();
        let g = gold[b as usize];
        let lost_head = g != 0 && state.stack.contains(&g);
        Some(to_u32(lost_deps) + u32::from(lost_head))
    };
    if state.allowed(Move::Reduce) {
        out[Move::Reduce as usize] = Some(to_u32(buffer_deps_of(s)));
    }
    if state.allowed(Move::Left) {
        let g = gold[s as usize];
        let lost_head = g != b && (g == 0 || in_buffer(g));
        out[Move::Left as usize] = Some(to_u32(buffer_deps_of(s)) + u32::from(lost_head));
    }
    if state.allowed(Move::Right) {
        let g = gold[b as usize];
        let lost_head = g != s && (g == 0 || in_buffer(g) || state.stack.contains(&g));
        let lost_deps = headless_on_stack()
            .filter(|&k| gold[k as usize] == b)
            .count();
        out[Move::Right as usize] = Some(to_u32(lost_deps) + u32::from(lost_head));
    }
    out
}

/// True when no two arcs of `heads` cross (arcs to the root included).
#[must_use]
pub fn is_projective(heads: &[u32]) -> bool {
    first_crossing(heads).is_none()
}

/// The dependent of the shortest arc that crosses another, if any.
fn first_crossing(heads: &[u32]) -> Option<usize> {
    let n = heads.len().saturating_sub(1);
    let span = |d: usize| {
        let h = heads[d] as usize;
        (d.min(h), d.max(h))
    };
    let mut crossing: Vec<usize> = Vec::new();
    for d1 in 1..=n {
        let (a1, b1) = span(d1);
        for d2 in 1..=n {
            let (a2, b2) = span(d2);
            if a1 < a2 && a2 < b1 && b1 < b2 {
                crossing.push(d1);
                crossing.push(d2);
            }
        }
    }
    crossing.into_iter().min_by_key(|&d| {
        let (a, b) = span(d);
        (b - a, d)
    })
}

/// Lifts crossing arcs to the head's head until the tree is projective.
#[must_use]
pub fn projectivise(heads: &[u32]) -> Vec<u32> {
    let mut h = heads.to_vec();
    for _ in 0..h.len() * 2 {
        let Some(d) = first_crossing(&h) else { break };
        let parent = h[d] as usize;
        if parent == 0 {
            break;
        }
        h[d] = h[parent];
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows zero-cost moves only; on a projective tree this must
    /// reproduce the gold heads exactly.
    fn oracle_parse(gold: &[u32]) -> Vec<u32> {
        let mut s = State::new(gold.len() - 1);
        while !s.done() {
            let c = costs(&s, gold);
            let m = [Move::Left, Move::Right, Move::Reduce, Move::Shift]
                .into_iter()
                .find(|&m| c[m as usize] == Some(0))
                .expect("some move is free");
            s.apply(m);
        }
        s.heads
    }

    #[test]
    fn zero_cost_path_rebuilds_projective_trees() {
        let trees: [&[u32]; 4] = [
            &[0, 2, 0, 2],
            &[0, 2, 0, 4, 2, 2],
            &[0, 3, 3, 0, 5, 3, 5, 3],
            &[0, 0, 1, 2, 3, 4],
        ];
        for t in trees {
            assert_eq!(oracle_parse(t), t.to_vec(), "{t:?}");
        }
    }

    #[test]
    fn projectivising_uncrosses_arcs() {
        // 1→3 and 2→4 cross
        let heads = [0, 0, 4, 1, 1];
        assert!(!is_projective(&heads));
        let p = projectivise(&heads);
        assert!(is_projective(&p), "{p:?}");
        assert!(is_projective(&[0, 2, 0, 2]));
    }

    #[test]
    fn wrong_attachments_cost() {
        let gold = [0, 2, 0, 2];
        let mut s = State::new(3);
        s.apply(Move::Shift);
        let c = costs(&s, &gold);
        assert_eq!(c[Move::Left as usize], Some(0));
        assert!(c[Move::Right as usize].unwrap() > 0);
    }
}
