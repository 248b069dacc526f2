//! The demo's own random numbers (SplitMix64) and the draws built on them. Kept, rather than a crate's RNG, so the same seed gives the same store on every platform and every release: the demo's output stability hangs on this file, so no change to a draw's arithmetic or order. No tables, no store.

use chrono::{Duration, NaiveDate};

/// SplitMix64: tiny, fast, good enough for demo data, and the same on every platform.
pub(super) struct Rng(u64);

/// SplitMix64's finaliser, to seed a stream: every stream is `Rng::new(mix(seed ^ …))` with a
/// constant of its own (customers, managers, numbers, moves), and those constants are part of
/// the output too.
pub(super) fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Rng {
    pub(super) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub(super) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi` (`lo` when the range is empty).
    pub(super) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo) as u64 + 1) as i64
    }

    /// True with probability `per_mille` / 1000.
    pub(super) fn chance(&mut self, per_mille: i64) -> bool {
        (self.below(1000) as i64) < per_mille
    }

    pub(super) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// Picks by weight; the tables are non-empty constants.
    pub(super) fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut r = self.below(total);
        for (item, w) in items {
            if r < u64::from(*w) {
                return *item;
            }
            r -= u64::from(*w);
        }
        items[items.len() - 1].0
    }

    /// A date in `lo..=hi` (`hi` when the range is empty).
    pub(super) fn date_between(&mut self, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
        let span = (hi - lo).num_days();
        if span <= 0 {
            return hi;
        }
        lo + Duration::days(self.range(0, span))
    }

    /// `k` distinct indices into a table of `weights`, drawn by weight.
    pub(super) fn distinct(&mut self, weights: &[u32], k: usize) -> Vec<usize> {
        let mut left: Vec<(usize, u32)> = weights.iter().copied().enumerate().collect();
        let mut out = Vec::with_capacity(k);
        while out.len() < k && !left.is_empty() {
            let total: u64 = left.iter().map(|(_, w)| u64::from(*w)).sum();
            let mut r = self.below(total);
            let mut at = left.len() - 1;
            for (pos, (_, w)) in left.iter().enumerate() {
                if r < u64::from(*w) {
                    at = pos;
                    break;
                }
                r -= u64::from(*w);
            }
            out.push(left.remove(at).0);
        }
        out
    }
}

/// Fisher–Yates, with the demo's own generator.
pub(super) fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
}
