//! Fitting parameters from a log.

use crate::review::optimize::*;
use crate::schedule::{CardState, DEFAULT_PARAMS, Grade, Phase, Scheduler};
use crate::store::{LoggedReview, ReviewMode};

fn log_of(cards: usize, days: i64) -> Vec<LoggedReview> {
    let s = Scheduler::default();
    let mut log = Vec::new();
    let mut id = 0;
    for c in 0..cards {
        let mut state = CardState::new_card();
        let mut now = 1_800_000_000 + i64::try_from(c).unwrap() * 60;
        let end = now + days * 86_400;
        let mut n = 0u64;
        while now < end {
            n += 1;
            // A pseudo-random forgetting rate of about one in seven reviews.
            let forgot = state.phase == Phase::Review
                && (n.wrapping_mul(2654435761) ^ c as u64).is_multiple_of(7);
            let grade = if forgot { Grade::Again } else { Grade::Good };
            id += 1;
            log.push(LoggedReview {
                id,
                card_id: format!("c{c}"),
                at: now,
                grade,
                time_taken_ms: 1_000,
                coverage: None,
                mode: ReviewMode::Review,
                typed_answer: None,
                was_new: n == 1,
            });
            state = s.grade(&format!("c{c}"), &state, grade, now);
            now = state.due.max(now + 60);
        }
    }
    log
}

#[test]
fn too_few_reviews_say_so() {
    let log = log_of(3, 20);
    let err = optimize(&log, &DEFAULT_PARAMS, 0).unwrap_err();
    assert!(
        matches!(
            err,
            OptimizeError::NotEnough {
                need: MIN_REVIEWS,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("not enough reviews"));
}

#[test]
fn cram_and_mock_grades_are_ignored() {
    let mut log = log_of(40, 120);
    for r in &mut log {
        r.mode = ReviewMode::Cram;
    }
    assert!(matches!(
        optimize(&log, &DEFAULT_PARAMS, 0),
        Err(OptimizeError::NotEnough { have: 0, .. })
    ));
}

#[test]
fn a_long_log_fits_parameters() {
    let log = log_of(40, 200);
    let out = optimize(&log, &DEFAULT_PARAMS, 0).unwrap();
    assert!(out.reviews >= MIN_REVIEWS, "{}", out.reviews);
    assert_eq!(out.old, DEFAULT_PARAMS.to_vec());
    assert_eq!(out.new.len(), 21);
    assert!(out.new_log_loss.is_some() && out.old_log_loss.is_some());
    assert!(Scheduler::try_new(Some(out.new.clone()), 0.9).is_ok());
}
