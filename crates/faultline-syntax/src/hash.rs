//! Feature hashing: every feature is a 64-bit hash of a template number and
//! the atoms it joins (word ids, tags, distances). Deterministic across
//! runs and machines, so a trained model reproduces exactly.

/// Hashes a string (FNV-1a followed by a finaliser).
#[must_use]
pub fn str_hash(s: &str) -> u64 {
    let mut h = Fnv::new();
    h.write(s.as_bytes());
    h.finish()
}

/// Incremental form of [`str_hash`].
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    /// The empty hash.
    #[must_use]
    pub fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    /// Feeds bytes.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The finished hash.
    #[must_use]
    pub fn finish(self) -> u64 {
        fmix(self.0)
    }
}

impl Default for Fnv {
    fn default() -> Self {
        Self::new()
    }
}

/// Mixes a value into a running hash.
#[inline]
#[must_use]
pub fn mix(h: u64, v: u64) -> u64 {
    fmix(
        h ^ v
            .wrapping_add(0x9e37_79b9_7f4a_7c15)
            .wrapping_add(h << 6)
            .wrapping_add(h >> 2),
    )
}

/// The murmur3 64-bit finaliser.
#[inline]
#[must_use]
pub fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// A feature from a template number and up to three atoms.
#[inline]
#[must_use]
pub fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(fmix(template.wrapping_add(1)), a), b), c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_distinct() {
        assert_eq!(str_hash("ship"), str_hash("ship"));
        assert_ne!(str_hash("ship"), str_hash("shop"));
        assert_ne!(feat(1, 2, 3, 0), feat(2, 2, 3, 0));
        assert_ne!(feat(1, 2, 3, 0), feat(1, 3, 2, 0));
        // a fixed value: a change here invalidates every shipped model
        assert_eq!(str_hash(""), fmix(0xcbf2_9ce4_8422_2325));
    }
}

/// A `Hasher` for keys that are already hashes (word atoms): it passes
/// the `u64` through, so map look-ups cost no hashing.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by a pre-hashed `u64`.
pub type HashedMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PassThrough>>;
