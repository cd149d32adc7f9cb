//! Planning to an interview date, without the terminal or the database: from the cards
//! in scope, the person's pace and each card's FSRS memory, how many new cards to take
//! each day so that every card is learned and recalled on the day within the minutes the
//! person has; how ready each topic is; and when to sit mock interviews.
//!
//! The model, in outline (`calendar` has the constants):
//! - Study days run from today to the day before the interview; the interview is taken
//!   to be at noon on its day.
//! - New cards are spread evenly over the study days but the last two (a third of them
//!   when there are few), so each is reviewed again before the day: the same number
//!   each day, today's already taken included.
//! - A simulated person (`simulate`) follows that through the real scheduler, with the
//!   person's own time per review and first-sight recall (`pace`): the busiest day's
//!   minutes for due and new cards is what the plan needs a day; the mean predicted
//!   recall at the interview is what it is expected to bring. In the last two days the
//!   minutes left over go to a sweep of cards not due again before the interview.
//! - When the minutes needed are more than the minutes given, the plan is not on track,
//!   and `solve` finds the smallest change that fits: more minutes, fewer topics, or a
//!   later date.
//! - Readiness now (`scope`) is the mean FSRS retrievability of the cards at the
//!   interview, cards never seen counting zero: what the person would recall on the day
//!   if they stopped studying today.

mod calendar;
mod date;
mod mocks;
mod pace;
mod scope;
mod simulate;
mod solve;
pub mod text;
mod tracker;

use std::collections::HashMap;

use serde::Serialize;

pub use calendar::{Calendar, INTERVIEW_HOUR, REST_DAYS, SWEEP_DAYS};
pub use date::DateArg;
pub use mocks::mock_days;
pub use pace::Pace;
pub use scope::{Scope, ScopeTopic, TopicReadiness, recall_at, scope};
pub use tracker::{Header, Standing, Tracker};

use crate::clock;
use crate::model::Card;
use crate::review::QueuePlan;
use crate::schedule::{CardState, Phase, Scheduler};
use crate::store::StoredPlan;
use crate::tree::TopicTree;

/// Minutes a day when the person names none.
pub const DEFAULT_MINUTES: u32 = 30;

/// Today's day number at `now` for a person `offset` seconds east of UTC, as the plan
/// counts days.
pub fn today(now: i64, offset: i64) -> i64 {
    Calendar::new(now, offset, 0).today
}

/// A plan as the person set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSettings {
    /// The interview's day number (days since 1970-01-01, local calendar).
    pub interview_day: i64,
    /// Topic names as given to `--topic`; none: every card.
    pub topics: Vec<String>,
    pub minutes_per_day: u32,
}

impl PlanSettings {
    /// The plan as the database keeps it; the message says what is wrong with a stored
    /// plan that cannot be read.
    pub fn from_stored(stored: &StoredPlan) -> Result<PlanSettings, String> {
        let interview_day = clock::parse_date(&stored.interview_date).ok_or_else(|| {
            format!(
                "the stored plan's interview date `{}` is not a date; `prepdeck plan --clear` drops the plan",
                stored.interview_date
            )
        })?;
        Ok(PlanSettings {
            interview_day,
            topics: stored.topics.clone(),
            minutes_per_day: stored.minutes_per_day.max(1),
        })
    }

    /// The plan to store, set at `now`.
    pub fn to_stored(&self, now: i64) -> StoredPlan {
        StoredPlan {
            interview_date: clock::day_date(self.interview_day),
            topics: self.topics.clone(),
            minutes_per_day: self.minutes_per_day,
            created_at: now,
        }
    }
}

/// Everything the planner reads besides the plan.
pub struct PlanInput<'a> {
    pub cards: &'a [Card],
    pub tree: &'a TopicTree,
    /// Every card's stored progress, by id.
    pub states: &'a HashMap<String, CardState>,
    pub scheduler: &'a Scheduler,
    pub pace: Pace,
    /// Unix seconds.
    pub now: i64,
    /// The local time zone's offset in seconds.
    pub offset: i64,
    /// New cards introduced since today's study day began (`Store::new_cards_since`).
    pub introduced_today: usize,
    /// Cards with nothing to check an answer against are asked too (`review.include_unanswered`).
    pub include_unanswered: bool,
}

/// What the plan says, as `prepdeck plan` shows it and `--json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// `YYYY-MM-DD`.
    pub interview_date: String,
    /// Study days left, today included (0 on the interview day and after).
    pub days_left: usize,
    /// The topics as given; empty: every topic.
    pub scope: Vec<String>,
    /// Topics of the plan that match nothing in the content now.
    pub missing_topics: Vec<String>,
    pub cards_in_scope: usize,
    /// Cards in scope never seen.
    pub new_cards: usize,
    /// New cards to take each day (the review queue's while the plan is active).
    pub new_per_day: usize,
    /// The last day new cards are taken, `YYYY-MM-DD`.
    pub new_cards_until: Option<String>,
    /// The person's budget.
    pub minutes_per_day: u32,
    /// The busiest day's expected minutes for due and new cards.
    pub minutes_per_day_needed: u32,
    /// The plan fits the minutes a day, with study days left.
    pub on_track: bool,
    /// Mean predicted recall of the cards at the interview, from their states now (never
    /// seen: 0), 0–1.
    pub readiness: f64,
    /// The same, expected if the person follows the plan.
    pub predicted_readiness: f64,
    pub seconds_per_review: f64,
    /// Whether `seconds_per_review` is the person's own (50 reviews or more).
    pub pace_measured: bool,
    /// Chance a new card is known at first sight, as the plan assumes.
    pub first_recall: f64,
    /// Expected minutes each study day, sweep included, from today.
    pub daily_minutes: Vec<f64>,
    /// The first sweep day, `YYYY-MM-DD`.
    pub sweep_from: Option<String>,
    pub topics: Vec<PlannedTopic>,
    /// Days to sit a mock interview, `YYYY-MM-DD`.
    pub mocks: Vec<String>,
    /// When not on track, the changes that would fit, narrowest first.
    pub changes: Vec<Change>,
}

/// A topic's readiness now and as the plan expects it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedTopic {
    #[serde(flatten)]
    pub now: TopicReadiness,
    /// Expected readiness on the day if the person follows the plan.
    pub predicted: f64,
}

/// A change that makes the plan fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// Study this many minutes a day.
    Minutes { minutes_per_day: u32 },
    /// Leave these topics out (those with the most new cards).
    FewerTopics {
        leave_out: Vec<String>,
        keep: Vec<String>,
        new_cards_left_out: usize,
    },
    /// Move the interview to this date.
    LaterDate {
        interview_date: String,
        days_left: usize,
    },
}

/// A plan worked out for now.
#[derive(Debug, Clone)]
pub struct Planned {
    pub report: Report,
    pub calendar: Calendar,
    /// The ids of the cards in scope.
    pub scope: Vec<String>,
}

impl Planned {
    /// What the review queue takes from the plan while it has study days left: new cards
    /// a day, and the plan's cards and days (its new cards first, the sweep).
    pub fn queue(&self) -> Option<(usize, QueuePlan)> {
        (self.calendar.days_left() > 0).then(|| {
            let cal = &self.calendar;
            let plan = QueuePlan {
                cards: self.scope.iter().cloned().collect(),
                sweep_from: cal.start_of(cal.sweep_day()),
                due_from: cal.start_of(cal.interview_day),
                at: cal.interview_at(),
            };
            (self.report.new_per_day, plan)
        })
    }

    /// What the browser's header line keeps up to date as grades are saved.
    pub fn tracker(&self, scheduler: &Scheduler) -> Tracker {
        Tracker::new(self, scheduler.clone())
    }
}

/// Works the plan out for now. `with_changes` also searches for what would fit when the
/// plan does not (more work: `prepdeck plan` asks for it, the screens do not).
pub fn forecast(settings: &PlanSettings, input: &PlanInput, with_changes: bool) -> Planned {
    let calendar = Calendar::new(input.now, input.offset, settings.interview_day);
    let scope = scope(
        input.cards,
        input.tree,
        &settings.topics,
        input.include_unanswered,
    );
    let start: Vec<CardState> = scope
        .cards
        .iter()
        .map(|&c| {
            input
                .states
                .get(&input.cards[c].id)
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    let walk = simulate::Walk {
        scheduler: input.scheduler,
        pace: input.pace,
        calendar,
        minutes_per_day: settings.minutes_per_day,
    };
    let trial = solve::Trial::run(&walk, &start, input.introduced_today);
    let days_left = calendar.days_left();
    let on_track = days_left > 0 && trial.needed <= settings.minutes_per_day;
    let at = calendar.interview_at();
    let (readiness, now_topics) =
        scope::readiness(&scope, input.cards, input.states, input.scheduler, at);
    let position: HashMap<usize, usize> = scope
        .cards
        .iter()
        .enumerate()
        .map(|(i, &c)| (c, i))
        .collect();
    let topics = scope
        .topics
        .iter()
        .zip(now_topics)
        .map(|(t, now)| PlannedTopic {
            now,
            predicted: scope::mean(t.cards.iter().map(|c| trial.expected.recall[position[c]])),
        })
        .collect();
    let new_cards = start.iter().filter(|s| s.phase == Phase::New).count();
    let changes = if with_changes && !on_track && days_left > 0 {
        solve::changes(&walk, &scope, &start, input.introduced_today, trial.needed)
    } else {
        Vec::new()
    };
    let secs = input.pace.seconds_per_review;
    let report = Report {
        interview_date: clock::day_date(settings.interview_day),
        days_left,
        scope: settings.topics.clone(),
        missing_topics: scope.missing.clone(),
        cards_in_scope: scope.cards.len(),
        new_cards,
        new_per_day: trial.new_per_day,
        new_cards_until: (trial.new_per_day > 0 && new_cards > 0).then(|| {
            let last = trial.last_new_day.unwrap_or(calendar.today);
            clock::day_date(last)
        }),
        minutes_per_day: settings.minutes_per_day,
        minutes_per_day_needed: trial.needed,
        on_track,
        readiness,
        predicted_readiness: trial.expected.readiness(),
        seconds_per_review: secs,
        pace_measured: input.pace.measured,
        first_recall: input.pace.first_recall,
        daily_minutes: trial
            .expected
            .required
            .iter()
            .zip(&trial.expected.swept)
            .map(|(r, s)| ((r + s) * secs / 60.0 * 10.0).round() / 10.0)
            .collect(),
        sweep_from: (days_left > 0).then(|| clock::day_date(calendar.sweep_day())),
        topics,
        mocks: mock_days(&calendar)
            .into_iter()
            .map(clock::day_date)
            .collect(),
        changes,
    };
    Planned {
        report,
        calendar,
        scope: scope
            .cards
            .iter()
            .map(|&c| input.cards[c].id.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests;
