//! Anki's interval fuzz: a review interval of 2.5 days or more is moved a little, so
//! cards learned together do not come due together for ever.
//!
//! The range around an interval of `d` days is ±(1 day + 15% of the part of `d` between
//! 2.5 and 7 + 10% of the part between 7 and 20 + 5% of the part above 20), rounded to
//! whole days and kept within the interval's minimum and maximum, as Anki's scheduler
//! does it. Where in that range the interval lands is drawn from a seed made of the card
//! id and its review count, so the same card graded the same way lands on the same day
//! on every run and every machine.

use crate::text::fnv1a64;

/// Days of interval, and the share of them added to the fuzz on each side.
const RANGES: [(f32, f32, f32); 3] = [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, f32::MAX, 0.05)];

/// Where in its fuzz range an interval lands, from 0 (the shortest) to just under 1
/// (the longest); `None` schedules exactly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fuzz(Option<f32>);

impl Fuzz {
    /// No fuzz: every interval is the rounded FSRS interval.
    pub const OFF: Fuzz = Fuzz(None);

    /// The fuzz for the review of `card` that follows its `reps` earlier ones.
    pub fn for_card(card: &str, reps: u32) -> Fuzz {
        let seed = fnv1a64(card.as_bytes()).wrapping_add(u64::from(reps));
        // The top 24 bits of one splitmix64 step, as a fraction of 2^24: below 1 exactly.
        #[allow(clippy::cast_precision_loss)]
        let factor = (splitmix64(seed) >> 40) as f32 / (1u64 << 24) as f32;
        Fuzz(Some(factor))
    }

    /// `interval` days fuzzed within `minimum..=maximum` (whole days). Without fuzz, or
    /// below 2.5 days, this is the rounded interval, clamped.
    pub fn apply(self, interval: f32, minimum: u32, maximum: u32) -> u32 {
        let minimum = minimum.min(maximum);
        let Some(factor) = self.0 else {
            return round_days(interval).clamp(minimum, maximum);
        };
        let (lower, upper) = bounds(interval, minimum, maximum);
        let span = (upper - lower + 1) as f32;
        // `factor` < 1, so the result is at most `upper`.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let offset = (factor * span).floor() as u32;
        (lower + offset).min(upper)
    }
}

/// The smallest interval the fuzz may give a review card whose last interval was
/// `previous` days, as Anki rules it: one day more than before when the interval grew,
/// never less than before when it only stayed within its fuzz range, and no floor when
/// it shrank (new parameters or a new desired retention).
pub fn minimum_after(interval: f32, previous: u32, maximum: u32) -> u32 {
    let (_, upper) = bounds(interval, 1, maximum);
    if round_days(interval) > previous {
        previous + 1
    } else if previous <= upper {
        previous
    } else {
        0
    }
}

/// The whole-day range an interval may be fuzzed to, within `minimum..=maximum`; at
/// least two days wide when the interval is over two days and there is room.
pub fn bounds(interval: f32, minimum: u32, maximum: u32) -> (u32, u32) {
    let minimum = minimum.min(maximum);
    #[allow(clippy::cast_precision_loss)]
    let interval = if interval.is_finite() {
        interval.clamp(minimum as f32, maximum as f32)
    } else {
        minimum as f32
    };
    let delta = delta(interval);
    let lower = round_days(interval - delta).clamp(minimum, maximum);
    let mut upper = round_days(interval + delta).clamp(minimum, maximum);
    if upper == lower && upper > 2 && upper < maximum {
        upper = lower + 1;
    }
    (lower, upper)
}

/// Days of fuzz on each side of an interval: none under 2.5 days.
fn delta(interval: f32) -> f32 {
    if interval < 2.5 {
        return 0.0;
    }
    RANGES.iter().fold(1.0, |delta, &(start, end, share)| {
        delta + share * (interval.min(end) - start).max(0.0)
    })
}

/// Rounds days to a whole number, half away from zero; negative or not finite is 0.
fn round_days(days: f32) -> u32 {
    if days.is_finite() && days > 0.0 {
        // Saturating: any interval is clamped to the scheduler's maximum afterwards.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let whole = days.round().min(u32::MAX as f32) as u32;
        whole
    } else {
        0
    }
}

/// One step of splitmix64: a well-mixed 64-bit value from any seed.
fn splitmix64(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranges_are_ankis() {
        // Below 2.5 days nothing moves.
        assert_eq!(bounds(1.0, 1, 36_500), (1, 1));
        assert_eq!(bounds(2.4, 1, 36_500), (2, 2));
        // 2.5 days: ±1 day.
        assert_eq!(bounds(2.5, 1, 36_500), (2, 4));
        // 7 days: ±(1 + 0.15 × 4.5) = ±1.675.
        assert_eq!(bounds(7.0, 1, 36_500), (5, 9));
        // 20 days: ±(1 + 0.675 + 1.3) = ±2.975.
        assert_eq!(bounds(20.0, 1, 36_500), (17, 23));
        // 100 days: ±(2.975 + 4) = ±6.975.
        assert_eq!(bounds(100.0, 1, 36_500), (93, 107));
        // Limits hold.
        assert_eq!(bounds(100.0, 98, 36_500), (98, 107));
        assert_eq!(bounds(100.0, 1, 101), (93, 101));
        // A short interval raised to its minimum is fuzzed from there.
        assert_eq!(bounds(1.0, 3, 36_500), (3, 4));
    }

    #[test]
    fn off_is_the_rounded_interval() {
        assert_eq!(Fuzz::OFF.apply(6.4, 1, 36_500), 6);
        assert_eq!(Fuzz::OFF.apply(6.5, 1, 36_500), 7);
        assert_eq!(Fuzz::OFF.apply(0.2, 1, 36_500), 1);
        assert_eq!(Fuzz::OFF.apply(90_000.0, 1, 36_500), 36_500);
        assert_eq!(Fuzz::OFF.apply(f32::NAN, 1, 36_500), 1);
    }

    #[test]
    fn fuzz_stays_in_range_and_spreads_cards() {
        let mut landed = std::collections::BTreeSet::new();
        for n in 0..200 {
            let card = format!("card{n}");
            let fuzz = Fuzz::for_card(&card, 3);
            assert_eq!(
                fuzz,
                Fuzz::for_card(&card, 3),
                "the same seed, the same day"
            );
            let days = fuzz.apply(20.0, 1, 36_500);
            assert!((17..=23).contains(&days), "{days}");
            landed.insert(days);
            assert_eq!(fuzz.apply(2.0, 1, 36_500), 2, "short intervals are exact");
        }
        assert_eq!(
            landed.len(),
            7,
            "every day of the range is used: {landed:?}"
        );
        assert_ne!(
            Fuzz::for_card("card1", 3),
            Fuzz::for_card("card1", 4),
            "each review draws again"
        );
    }

    #[test]
    fn the_minimum_follows_the_previous_interval() {
        assert_eq!(
            minimum_after(10.0, 4, 36_500),
            5,
            "grew: at least a day more"
        );
        assert_eq!(
            minimum_after(9.6, 10, 36_500),
            10,
            "within its range: no less"
        );
        assert_eq!(minimum_after(3.0, 30, 36_500), 0, "shrank: no floor");
    }
}
