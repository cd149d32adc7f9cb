//! Picks the questions of a mock interview: random without repeats, weighted toward
//! cards that need practice, and reproducible under a seed.
//!
//! Weights: every card starts at 1. Never seen: ×3. Due now: ×3. Weak (stability under
//! a week): ×2. Each lapse adds 1, up to 4. A card seen, not due and strong keeps 1, so
//! it can still come up. Selection is weighted sampling without replacement
//! (Efraimidis–Spirakis: each card draws u in (0,1) and the n highest u^(1/w) win).

/// What the selection knows about a card's progress.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Standing {
    pub seen: bool,
    pub due: bool,
    pub stability_days: f64,
    pub lapses: u32,
}

/// The documented weight of a card.
pub fn weight(s: &Standing) -> f64 {
    let mut w = 1.0;
    if !s.seen {
        w *= 3.0;
    }
    if s.due {
        w *= 3.0;
    }
    if s.seen && s.stability_days < 7.0 {
        w *= 2.0;
    }
    w + f64::from(s.lapses.min(4))
}

/// Chooses `n` of `candidates` (card indices) with the weights above.
pub fn choose(
    candidates: &[usize],
    standing: impl Fn(usize) -> Standing,
    n: usize,
    seed: u64,
) -> Vec<usize> {
    let mut rng = SplitMix64(seed);
    let mut keyed: Vec<(f64, usize)> = candidates
        .iter()
        .map(|&card| {
            let u = rng.next_f64().max(f64::MIN_POSITIVE);
            (u.powf(1.0 / weight(&standing(card))), card)
        })
        .collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    keyed.into_iter().take(n).map(|(_, card)| card).collect()
}

/// A tiny, well-known generator: deterministic for a seed on every platform.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_under_a_seed_and_without_repeats() {
        let cards: Vec<usize> = (0..50).collect();
        let a = choose(&cards, |_| Standing::default(), 10, 7);
        let b = choose(&cards, |_| Standing::default(), 10, 7);
        assert_eq!(a, b);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 10);
        assert_ne!(a, choose(&cards, |_| Standing::default(), 10, 8));
        assert_eq!(choose(&cards, |_| Standing::default(), 80, 1).len(), 50);
    }

    #[test]
    fn weighting_favours_new_due_and_weak_cards() {
        let strong = Standing {
            seen: true,
            due: false,
            stability_days: 60.0,
            lapses: 0,
        };
        let needy = Standing {
            seen: true,
            due: true,
            stability_days: 2.0,
            lapses: 3,
        };
        assert_eq!(weight(&strong), 1.0);
        assert_eq!(weight(&Standing::default()), 3.0);
        assert_eq!(weight(&needy), 9.0);
        // 20 strong cards (0..20) and 20 needy ones (20..40): over many seeds the needy
        // half must be picked far more often.
        let cards: Vec<usize> = (0..40).collect();
        let mut needy_picks = 0;
        for seed in 0..200 {
            for c in choose(&cards, |c| if c < 20 { strong } else { needy }, 5, seed) {
                if c >= 20 {
                    needy_picks += 1;
                }
            }
        }
        assert!(needy_picks > 800, "{needy_picks} of 1000");
    }
}
