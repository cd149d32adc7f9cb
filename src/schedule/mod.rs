//! When each card comes back: FSRS-6 (through the `fsrs` crate, which nothing else in
//! prepdeck sees) behind Anki-like learning steps.
//!
//! # The rule
//! Every graded review updates the card's FSRS memory state (stability, difficulty),
//! including reviews in learning steps, as Anki does. The time since the last review is
//! counted in study days, as Anki counts it: the number of day starts (4 a.m. local time
//! unless configured otherwise) passed since then, so a card graded at 10:10 and seen
//! again at 08:00 two days later has had two days, not one. What decides the next due
//! time:
//!
//! - **New and learning cards** walk the learning steps, 1 minute then 10 minutes.
//!   Again goes back to the first step; Hard repeats the current step (on the first of
//!   two steps it waits halfway between them, 5½ minutes); Good moves to the next step
//!   and, after the last, graduates; Easy graduates at once, at least a day later than
//!   Good would.
//! - **Graduating** puts the card in the review phase with the FSRS interval of the
//!   grade given (whole days, at least one) for the desired retention.
//! - **Review cards**: Hard, Good and Easy get their FSRS intervals, each at least a day
//!   longer than the one before (Hard at least a day), and, when the interval grew, at
//!   least a day longer than the last one. Again is a lapse: the lapse count goes up and
//!   the card relearns.
//! - **Relearning cards** walk one 10-minute step with the same rules as learning, then
//!   return to the review phase with the FSRS interval of their lowered stability.
//!
//! Every interval of 2.5 days or more is then fuzzed within Anki's ranges (see `fuzz`),
//! seeded by the card's id and review count; `without_fuzz` turns that off for tests.
//! Intervals are capped at 100 years. Time is always passed in (unix seconds), so tests
//! drive the clock.

mod format;
pub mod fuzz;
mod state;

pub use format::short_interval;
pub use state::{CardState, Grade, Memory, Phase};

use fsrs::{FSRS, ItemState, MemoryState, NextStates};

use fuzz::Fuzz;

/// Learning steps for new cards, in seconds.
pub const LEARNING_STEPS: [i64; 2] = [60, 600];
/// Relearning steps after a lapse, in seconds.
pub const RELEARNING_STEPS: [i64; 1] = [600];
/// The retention FSRS aims for unless the person configures another.
pub const DEFAULT_RETENTION: f32 = 0.9;
/// The FSRS-6 defaults, fitted to the average person; `optimize` fits personal ones.
pub const DEFAULT_PARAMS: [f32; 21] = fsrs_defaults();

const DAY: i64 = 86_400;
const MAX_INTERVAL_DAYS: u32 = 36_500;

const fn fsrs_defaults() -> [f32; 21] {
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
}

/// Parameters that FSRS rejects (wrong count, out of range, not finite).
#[derive(Debug, thiserror::Error)]
#[error(
    "invalid FSRS parameters ({count} numbers): {reason}; run `prepdeck optimize` again or remove them from the settings"
)]
pub struct InvalidParams {
    pub count: usize,
    pub reason: String,
}

/// What one grade would do to a card: shown on the grade bar before grading.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub grade: Grade,
    pub state: CardState,
    /// Seconds from now until the card is due again (format with `short_interval`).
    pub interval_secs: i64,
}

/// The scheduler for one person: their FSRS parameters and desired retention, where
/// their study days begin, and whether intervals are fuzzed.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    params: Vec<f32>,
    retention: f32,
    /// Added to a unix time so that whole days of the sum are study days
    /// (`clock::day_shift`); 0 counts days from midnight UTC.
    day_shift: i64,
    fuzz: bool,
}

impl Scheduler {
    /// A scheduler with the given parameters (`None` for the defaults). Parameters FSRS
    /// rejects fall back to the defaults, so a bad setting never stops a review; use
    /// `try_new` to report them instead. Retention is clamped to 0.70–0.99.
    pub fn new(params: Option<Vec<f32>>, desired_retention: f32) -> Scheduler {
        Scheduler::try_new(params, desired_retention)
            .unwrap_or_else(|_| Scheduler::try_new(None, desired_retention).expect("defaults"))
    }

    /// Like `new`, but says why parameters were rejected.
    pub fn try_new(
        params: Option<Vec<f32>>,
        desired_retention: f32,
    ) -> Result<Scheduler, InvalidParams> {
        let given = params.unwrap_or_else(|| DEFAULT_PARAMS.to_vec());
        let invalid = |reason: String| InvalidParams {
            count: given.len(),
            reason,
        };
        let filled = fsrs::check_and_fill_parameters(&given).map_err(|e| invalid(e.to_string()))?;
        let fsrs = FSRS::new(&filled).map_err(|e| invalid(e.to_string()))?;
        let retention = if desired_retention.is_finite() {
            desired_retention.clamp(0.70, 0.99)
        } else {
            DEFAULT_RETENTION
        };
        Ok(Scheduler {
            fsrs,
            params: filled,
            retention,
            day_shift: 0,
            fuzz: true,
        })
    }

    /// Counts study days from the day start that `shift` describes
    /// (`clock::day_shift(now, hour)`), instead of midnight UTC.
    #[must_use]
    pub fn with_day_shift(mut self, shift: i64) -> Scheduler {
        self.day_shift = shift;
        self
    }

    /// Schedules every interval exactly as FSRS gives it, rounded: for tests that check
    /// the formula, and for anyone comparing with another tool day by day.
    #[must_use]
    pub fn without_fuzz(mut self) -> Scheduler {
        self.fuzz = false;
        self
    }

    /// Study days from `earlier` to `later`: how many day starts lie between them.
    pub fn elapsed_days(&self, earlier: i64, later: i64) -> u32 {
        let day = |t: i64| crate::clock::day_of(t, self.day_shift);
        u32::try_from((day(later) - day(earlier)).max(0)).unwrap_or(u32::MAX)
    }

    /// The 21 parameters in use (after filling older, shorter sets).
    pub fn params(&self) -> &[f32] {
        &self.params
    }

    pub fn desired_retention(&self) -> f32 {
        self.retention
    }

    /// Each grade's next state and interval, in `Grade::ALL` order, for the grade bar.
    pub fn preview(&self, card: &str, state: &CardState, now: i64) -> [Outcome; 4] {
        Grade::ALL.map(|grade| {
            let next = self.grade(card, state, grade, now);
            Outcome {
                grade,
                interval_secs: next.due - now,
                state: next,
            }
        })
    }

    /// The state of `card` (its id, which seeds the fuzz) after `grade` at `now`, from
    /// `state` (see the module docs for the rule). Flags and burying are carried over
    /// untouched except that grading unburies.
    pub fn grade(&self, card: &str, state: &CardState, grade: Grade, now: i64) -> CardState {
        let elapsed_days = state.last_review.map_or(0, |t| self.elapsed_days(t, now));
        let fuzz = if self.fuzz {
            Fuzz::for_card(card, state.reps)
        } else {
            Fuzz::OFF
        };
        let current = state.memory.map(|m| MemoryState {
            stability: m.stability,
            difficulty: m.difficulty,
        });
        let next = self
            .fsrs
            .next_states(current, self.retention, elapsed_days)
            .or_else(|_| self.fsrs.next_states(None, self.retention, 0))
            .expect("FSRS always schedules a new card");
        let chosen = pick(&next, grade);
        let mut out = state.clone();
        out.memory = Some(Memory {
            stability: chosen.memory.stability,
            difficulty: chosen.memory.difficulty,
        });
        out.last_review = Some(now);
        out.reps += 1;
        out.buried_until = None;
        match state.phase {
            Phase::New | Phase::Learning => {
                let steps = Steps {
                    delays: &LEARNING_STEPS,
                    phase: Phase::Learning,
                };
                steps.answer(&mut out, grade, &next, fuzz, now);
            }
            Phase::Relearning => {
                let steps = Steps {
                    delays: &RELEARNING_STEPS,
                    phase: Phase::Relearning,
                };
                steps.answer(&mut out, grade, &next, fuzz, now);
            }
            Phase::Review if grade == Grade::Again => {
                out.lapses += 1;
                out.phase = Phase::Relearning;
                out.step = 0;
                out.due = now + RELEARNING_STEPS[0];
            }
            Phase::Review => {
                let previous = state.last_review.map_or(0, |last| {
                    u32::try_from((state.due - last + DAY / 2).max(0) / DAY).unwrap_or(0)
                });
                let [hard, good, easy] = review_days(&next, previous, fuzz);
                let days = match grade {
                    Grade::Hard => hard,
                    Grade::Good => good,
                    _ => easy,
                };
                graduate(&mut out, days, now);
            }
        }
        out
    }

    /// The probability, from 0 to 1, that the person recalls the card at `now`;
    /// `None` for a card never reviewed.
    pub fn retrievability(&self, state: &CardState, now: i64) -> Option<f32> {
        let memory = state.memory?;
        let last = state.last_review?;
        let days = (now - last).max(0) as f32 / DAY as f32;
        let decay = self
            .params
            .get(20)
            .copied()
            .unwrap_or(fsrs::FSRS6_DEFAULT_DECAY);
        Some(fsrs::current_retrievability(
            MemoryState {
                stability: memory.stability,
                difficulty: memory.difficulty,
            },
            days,
            decay,
        ))
    }
}

impl Default for Scheduler {
    fn default() -> Self {
        Scheduler::new(None, DEFAULT_RETENTION)
    }
}

fn pick(next: &NextStates, grade: Grade) -> &ItemState {
    match grade {
        Grade::Again => &next.again,
        Grade::Hard => &next.hard,
        Grade::Good => &next.good,
        Grade::Easy => &next.easy,
    }
}

/// Anki's Hard delay: halfway to the next step on the first step, else the step again
/// (one and a half times it when there is a single step).
fn hard_delay(steps: &[i64], current: usize) -> i64 {
    if current == 0 && steps.len() > 1 {
        (steps[0] + steps[1]) / 2
    } else if steps.len() == 1 {
        steps[0] * 3 / 2
    } else {
        steps[current]
    }
}

/// One kind of short steps (learning or relearning) and the phase a card walking them
/// is in.
struct Steps {
    delays: &'static [i64],
    phase: Phase,
}

impl Steps {
    /// `grade` given to a card in these steps (`out` already holds its new memory).
    fn answer(&self, out: &mut CardState, grade: Grade, next: &NextStates, fuzz: Fuzz, now: i64) {
        let steps = self.delays;
        let current = (out.step as usize).min(steps.len() - 1);
        match grade {
            Grade::Again => {
                out.phase = self.phase;
                out.step = 0;
                out.due = now + steps[0];
            }
            Grade::Hard => {
                out.phase = self.phase;
                out.step = u32::try_from(current).unwrap_or(u32::MAX);
                out.due = now + hard_delay(steps, current);
            }
            Grade::Good if current + 1 < steps.len() => {
                out.phase = self.phase;
                out.step = u32::try_from(current + 1).unwrap_or(u32::MAX);
                out.due = now + steps[current + 1];
            }
            Grade::Good => {
                let days = fuzz.apply(at_least_a_day(next.good.interval), 1, MAX_INTERVAL_DAYS);
                graduate(out, days, now);
            }
            Grade::Easy => {
                let good = fuzz.apply(next.good.interval, 1, MAX_INTERVAL_DAYS);
                let days = fuzz.apply(
                    at_least_a_day(next.easy.interval),
                    good + 1,
                    MAX_INTERVAL_DAYS,
                );
                graduate(out, days, now);
            }
        }
    }
}

/// The interval rounded to whole days, at least one, as Anki hands it to the fuzz.
fn at_least_a_day(interval: f32) -> f32 {
    if interval.is_finite() {
        interval.round().max(1.0)
    } else {
        1.0
    }
}

/// Hard, Good and Easy intervals for a review card whose last interval was `previous`
/// days: each at least a day longer than the one before, none shorter than the last
/// interval when it grew (Anki's rule), then fuzzed.
fn review_days(next: &NextStates, previous: u32, fuzz: Fuzz) -> [u32; 3] {
    let at_least = |interval: f32, floor: u32| {
        fuzz::minimum_after(interval, previous, MAX_INTERVAL_DAYS).max(floor)
    };
    let hard = fuzz.apply(
        next.hard.interval,
        at_least(next.hard.interval, 1),
        MAX_INTERVAL_DAYS,
    );
    let good = fuzz.apply(
        next.good.interval,
        at_least(next.good.interval, hard + 1),
        MAX_INTERVAL_DAYS,
    );
    let easy = fuzz.apply(
        next.easy.interval,
        at_least(next.easy.interval, good + 1),
        MAX_INTERVAL_DAYS,
    );
    [hard, good, easy]
}

fn graduate(out: &mut CardState, days: u32, now: i64) {
    out.phase = Phase::Review;
    out.step = 0;
    out.due = now + i64::from(days.min(MAX_INTERVAL_DAYS)) * DAY;
}

#[cfg(test)]
mod history_tests;
#[cfg(test)]
mod tests;
