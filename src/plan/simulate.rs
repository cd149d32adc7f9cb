//! A simulated person following a plan, to see what it asks of each day and what it
//! brings on the interview day.
//!
//! Each study day they grade the cards that fall due, then the day's new cards, and in
//! the sweep days as many swept cards as the minutes left allow, lowest predicted recall
//! first — what the review queue offers them. Each grade is drawn: Good with the card's
//! FSRS retrievability at that moment (at first sight, with the person's first-sight
//! recall), Again otherwise, and the real scheduler moves the card. The figures are the
//! mean of several runs with fixed seeds, so the same progress gives the same plan.

use super::calendar::Calendar;
use super::pace::Pace;
use super::scope::{mean, recall_at};
use crate::schedule::{CardState, Grade, Phase, Scheduler};

const DAY: i64 = 86_400;
/// The seed of the first run.
const SEED: u64 = 0x5eed_2026_1122;
/// Grades of one card in one sitting at most (learning steps gone wrong again and again).
const MAX_STEPS: usize = 12;

/// Who follows the plan and when.
pub(super) struct Walk<'a> {
    pub scheduler: &'a Scheduler,
    pub pace: Pace,
    pub calendar: Calendar,
    pub minutes_per_day: u32,
}

/// What following the plan is expected to bring: means over the runs.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Expected {
    /// Grades per study day for the cards due and the new cards.
    pub required: Vec<f64>,
    /// Grades per study day for the sweep.
    pub swept: Vec<f64>,
    /// Each card's chance of being recalled at the interview, in the order given.
    pub recall: Vec<f64>,
}

impl Expected {
    /// Mean predicted recall at the interview.
    pub fn readiness(&self) -> f64 {
        mean(self.recall.iter().copied())
    }

    /// The busiest day's minutes for the cards due and the new cards.
    pub fn peak_minutes(&self, seconds_per_review: f64) -> f64 {
        self.required.iter().copied().fold(0.0, f64::max) * seconds_per_review / 60.0
    }
}

/// Runs: fewer for large scopes, where many cards already average out the chance.
fn runs_for(cards: usize) -> usize {
    (4_096 / cards.max(1)).clamp(1, 32)
}

/// The person follows the plan from `start` (the scope's states now; a card never seen
/// is `CardState::new_card()`), taking `new_per_day` new cards a day, `introduced_today`
/// of today's taken already.
pub(super) fn follow(
    walk: &Walk,
    start: &[CardState],
    new_per_day: usize,
    introduced_today: usize,
) -> Expected {
    let cal = walk.calendar;
    let days = cal.days_left();
    let runs = runs_for(start.len());
    let mut out = Expected {
        required: vec![0.0; days],
        swept: vec![0.0; days],
        recall: vec![0.0; start.len()],
    };
    let budget = f64::from(walk.minutes_per_day) * 60.0 / walk.pace.seconds_per_review;
    let at = cal.interview_at();
    let sweep_from = cal.start_of(cal.sweep_day());
    let due_from = cal.start_of(cal.interview_day);
    for run in 0..runs {
        let mut person = Person {
            scheduler: walk.scheduler.clone().without_fuzz(),
            first_recall: walk.pace.first_recall,
            rng: SplitMix(SEED.wrapping_add((run as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))),
        };
        let mut cards = start.to_vec();
        for (k, day) in (cal.today..cal.interview_day).enumerate() {
            let t = cal.now + i64::try_from(k).unwrap_or(0) * DAY;
            let day_end = cal.start_of(day + 1);
            let mut graded = 0;
            for card in cards.iter_mut().filter(|c| !c.is_buried(t)) {
                let due =
                    card.phase.in_steps() || (card.phase == Phase::Review && card.due < day_end);
                if due {
                    graded += person.sit(card, t);
                }
            }
            let quota = if k == 0 {
                new_per_day.saturating_sub(introduced_today)
            } else {
                new_per_day
            };
            for card in cards
                .iter_mut()
                .filter(|c| c.phase == Phase::New && !c.is_buried(t))
                .take(quota)
            {
                graded += person.sit(card, t);
            }
            out.required[k] += graded as f64;
            if day >= cal.sweep_day() {
                let mut swept: Vec<(f64, usize)> = cards
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| {
                        c.phase == Phase::Review
                            && c.due >= due_from
                            && c.last_review.is_some_and(|r| r < sweep_from)
                            && !c.is_buried(t)
                    })
                    .map(|(i, c)| (recall_at(walk.scheduler, Some(c), at), i))
                    .collect();
                swept.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let mut room = budget - graded as f64;
                for (_, i) in swept {
                    if room < 1.0 {
                        break;
                    }
                    let n = person.sit(&mut cards[i], t) as f64;
                    room -= n;
                    out.swept[k] += n;
                }
            }
        }
        for (sum, card) in out.recall.iter_mut().zip(&cards) {
            *sum += recall_at(walk.scheduler, Some(card), at);
        }
    }
    let runs = runs as f64;
    for v in out
        .required
        .iter_mut()
        .chain(out.swept.iter_mut())
        .chain(out.recall.iter_mut())
    {
        *v /= runs;
    }
    out
}

/// One simulated person's memory and dice.
struct Person {
    /// The person's scheduler without fuzz: fuzz spreads due days, it does not move
    /// what a plan predicts, and without it no card id is needed.
    scheduler: Scheduler,
    first_recall: f64,
    rng: SplitMix,
}

impl Person {
    /// Grades a card at `t` and again through its learning steps, as a review session
    /// does; returns the grades given.
    fn sit(&mut self, card: &mut CardState, mut t: i64) -> usize {
        let mut grades = 0;
        loop {
            let p = match card.phase {
                Phase::New => self.first_recall,
                _ => self
                    .scheduler
                    .retrievability(card, t)
                    .map_or(self.first_recall, f64::from),
            };
            let grade = if self.rng.unit() < p {
                Grade::Good
            } else {
                Grade::Again
            };
            *card = self.scheduler.grade("", card, grade, t);
            grades += 1;
            if !card.phase.in_steps() || grades >= MAX_STEPS {
                return grades;
            }
            t = card.due.max(t + 1);
        }
    }
}

/// splitmix64: the same seed gives the same draws on every platform.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A draw in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}
