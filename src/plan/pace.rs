//! How this person studies, from their review log: the time a review takes and how often
//! a card seen for the first time is already known.

use crate::schedule::Grade;
use crate::store::{LoggedReview, ReviewMode};

/// Seconds a review is taken to last until the person has `MEASURED_FROM` reviews.
pub const DEFAULT_SECONDS: f64 = 45.0;
/// Share of new cards taken to be known at first sight until `FIRST_SIGHTS` are logged.
pub const DEFAULT_FIRST_RECALL: f64 = 0.5;
/// Reviews from which the person's own time per review is used.
pub const MEASURED_FROM: usize = 50;
/// First sightings from which the person's own first-sight recall is used.
pub const FIRST_SIGHTS: usize = 20;
/// The latest reviews the pace is measured over, so it follows the person as they speed up.
const WINDOW: usize = 500;
/// A review counts at most this long: a card left on screen over lunch is not study.
const LONGEST_SECONDS: f64 = 300.0;

/// The person's pace as the planner uses it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// Seconds one grade takes, learning steps included.
    pub seconds_per_review: f64,
    /// Whether `seconds_per_review` is the person's own (else the default).
    pub measured: bool,
    /// Review grades in the log.
    pub reviews: usize,
    /// Chance that a new card is not graded Again the first time it is seen.
    pub first_recall: f64,
}

impl Default for Pace {
    fn default() -> Self {
        Pace {
            seconds_per_review: DEFAULT_SECONDS,
            measured: false,
            reviews: 0,
            first_recall: DEFAULT_FIRST_RECALL,
        }
    }
}

impl Pace {
    /// Measures the pace from the log: review-mode grades only (cram and mock answers
    /// take other times), the latest `WINDOW` of them, each counted up to five minutes.
    pub fn measure(log: &[LoggedReview]) -> Pace {
        let reviews: Vec<&LoggedReview> = log
            .iter()
            .filter(|r| r.mode == ReviewMode::Review)
            .collect();
        let mut pace = Pace {
            reviews: reviews.len(),
            ..Pace::default()
        };
        if reviews.len() >= MEASURED_FROM {
            let recent = &reviews[reviews.len().saturating_sub(WINDOW)..];
            let total: f64 = recent
                .iter()
                .map(|r| (r.time_taken_ms as f64 / 1000.0).min(LONGEST_SECONDS))
                .sum();
            pace.seconds_per_review = (total / recent.len() as f64).max(1.0);
            pace.measured = true;
        }
        let firsts: Vec<&&LoggedReview> = reviews.iter().filter(|r| r.was_new).collect();
        if firsts.len() >= FIRST_SIGHTS {
            let known = firsts.iter().filter(|r| r.grade != Grade::Again).count();
            // Never certain either way: the planner must still expect some of each.
            pace.first_recall = (known as f64 / firsts.len() as f64).clamp(0.05, 0.95);
        }
        pace
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logged(i: i64, ms: u64, grade: Grade, mode: ReviewMode, was_new: bool) -> LoggedReview {
        LoggedReview {
            id: i,
            card_id: format!("c{i}"),
            at: 1_800_000_000 + i,
            grade,
            time_taken_ms: ms,
            coverage: None,
            mode,
            typed_answer: None,
            was_new,
        }
    }

    #[test]
    fn the_default_until_fifty_reviews_then_the_persons_own() {
        let few: Vec<LoggedReview> = (0..49)
            .map(|i| logged(i, 10_000, Grade::Good, ReviewMode::Review, false))
            .collect();
        let pace = Pace::measure(&few);
        assert!(!pace.measured);
        assert_eq!(pace.seconds_per_review, DEFAULT_SECONDS);
        assert_eq!(pace.reviews, 49);
        let mut log = few;
        log.push(logged(49, 10_000, Grade::Good, ReviewMode::Review, false));
        // Cram and mock grades do not count; an hour on one card counts five minutes.
        log.push(logged(50, 900_000, Grade::Good, ReviewMode::Cram, false));
        log.push(logged(51, 900_000, Grade::Good, ReviewMode::Mock, false));
        log.push(logged(
            52,
            3_600_000,
            Grade::Good,
            ReviewMode::Review,
            false,
        ));
        let pace = Pace::measure(&log);
        assert!(pace.measured);
        assert_eq!(pace.reviews, 51);
        let want = (50.0 * 10.0 + 300.0) / 51.0;
        assert!((pace.seconds_per_review - want).abs() < 1e-9, "{pace:?}");
    }

    #[test]
    fn first_sight_recall_is_the_share_of_new_cards_not_forgotten() {
        let log: Vec<LoggedReview> = (0..40)
            .map(|i| {
                let grade = if i % 4 == 0 {
                    Grade::Again
                } else {
                    Grade::Good
                };
                logged(i, 20_000, grade, ReviewMode::Review, i < 20)
            })
            .collect();
        let pace = Pace::measure(&log);
        assert!((pace.first_recall - 0.75).abs() < 1e-9, "{pace:?}");
        let short = Pace::measure(&log[..19]);
        assert_eq!(short.first_recall, DEFAULT_FIRST_RECALL);
    }
}
