//! Fits FSRS parameters to the person's own review log (`prepdeck optimize`).
//!
//! Only review-mode grades count (cram and mock grades say nothing about memory on a
//! schedule). Each card's grades become FSRS training items with the number of study
//! days between them; fitting needs at least `MIN_REVIEWS` grades made a day or more
//! after the one before. The result shows old against new with log-loss and RMSE on the
//! same log, and saves nothing: the caller asks, then `Store::save_fsrs_params`.

use std::collections::BTreeMap;

use fsrs::{ComputeParametersInput, FSRS, FSRSItem, FSRSReview};

use crate::store::{LoggedReview, ReviewMode};

/// Grades on a later day than the card's previous grade needed before fitting.
pub const MIN_REVIEWS: usize = 100;

/// Old and new parameters, with how well each predicts the person's log (lower is
/// better for both measures).
#[derive(Debug, Clone, PartialEq)]
pub struct Optimized {
    /// Reviews the fit learned from (day-or-more-later grades).
    pub reviews: usize,
    pub old: Vec<f32>,
    pub new: Vec<f32>,
    pub old_log_loss: Option<f32>,
    pub new_log_loss: Option<f32>,
    pub old_rmse: Option<f32>,
    pub new_rmse: Option<f32>,
}

/// Why no parameters were fitted.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum OptimizeError {
    #[error(
        "not enough reviews to fit parameters yet: {have} of the {need} needed (grades given a day or more after the card's previous one); keep reviewing and try again"
    )]
    NotEnough { have: usize, need: usize },
    #[error("FSRS could not fit parameters to this log ({0}); the current ones stay")]
    Failed(String),
}

/// Fits parameters to `log` starting from `current` (the parameters in use); days are
/// the person's study days, described by `day_shift` (`clock::day_shift`), as the
/// scheduler counts them.
pub fn optimize(
    log: &[LoggedReview],
    current: &[f32],
    day_shift: i64,
) -> Result<Optimized, OptimizeError> {
    let items = training_items(log, day_shift);
    let have = items
        .iter()
        .filter(|i| i.reviews.last().is_some_and(|r| r.delta_t > 0))
        .count();
    if have < MIN_REVIEWS {
        return Err(OptimizeError::NotEnough {
            have,
            need: MIN_REVIEWS,
        });
    }
    let fitted = fsrs::compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        num_relearning_steps: Some(1),
        ..ComputeParametersInput::default()
    })
    .map_err(|e| OptimizeError::Failed(format!("{e:?}")))?;
    // Judge predictions only where time passed: a same-day Again after a certain
    // recall would make the log-loss infinite.
    let judged: Vec<FSRSItem> = items
        .iter()
        .filter(|i| i.reviews.last().is_some_and(|r| r.delta_t > 0))
        .cloned()
        .collect();
    let evaluate = |params: &[f32]| {
        FSRS::new(params)
            .and_then(|model| model.evaluate(judged.clone(), |_| true))
            .ok()
    };
    let old = evaluate(current);
    let new = evaluate(&fitted);
    Ok(Optimized {
        reviews: have,
        old: current.to_vec(),
        new: fitted,
        old_log_loss: old.map(|m| m.log_loss),
        new_log_loss: new.map(|m| m.log_loss),
        old_rmse: old.map(|m| m.rmse_bins),
        new_rmse: new.map(|m| m.rmse_bins),
    })
}

/// One item per review after a card's first (once a later-day review exists): the
/// card's history up to and including it.
fn training_items(log: &[LoggedReview], day_shift: i64) -> Vec<FSRSItem> {
    let mut by_card: BTreeMap<&str, Vec<&LoggedReview>> = BTreeMap::new();
    for r in log.iter().filter(|r| r.mode == ReviewMode::Review) {
        by_card.entry(&r.card_id).or_default().push(r);
    }
    let study_day = |t: i64| crate::clock::day_of(t, day_shift);
    let mut items = Vec::new();
    for reviews in by_card.values_mut() {
        reviews.sort_by_key(|r| (r.at, r.id));
        let mut history: Vec<FSRSReview> = Vec::with_capacity(reviews.len());
        let mut previous: Option<i64> = None;
        for r in reviews.iter() {
            let day = study_day(r.at);
            let delta_t = previous.map_or(0, |p| u32::try_from(day - p).unwrap_or(0));
            previous = Some(day);
            history.push(FSRSReview {
                rating: u32::from(r.grade.number()),
                delta_t,
            });
            // FSRS learns only from items with a review on a later day.
            if history.len() > 1 && history.iter().any(|h| h.delta_t > 0) {
                items.push(FSRSItem {
                    reviews: history.clone(),
                });
            }
        }
    }
    items
}
