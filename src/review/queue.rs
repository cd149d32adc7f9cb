//! Today's queue: which cards a review session asks, in what order.
//!
//! Order: learning and relearning cards whose step is due (within `learn_ahead_secs`),
//! earliest first; then review cards due before the end of today, lowest
//! retrievability first (the most at risk of being forgotten); then new cards, at most
//! `new_per_day` minus those already introduced today, in topic order or shuffled with
//! a seed, a plan's own cards first while one is set (`QueuePlan`); and in a plan's last
//! days, its cards whose next review falls after the interview come last, lowest
//! predicted recall on the day first (the sweep). Buried cards are left out, and so are unanswered cards
//! (`Card::is_unanswered`) unless asked for. `limit` caps the whole queue. Cram takes
//! every eligible card, due or not, and never changes a schedule.

use std::collections::{HashMap, HashSet};

use crate::model::Card;
use crate::schedule::{CardState, Phase, Scheduler};

const DAY: i64 = 86_400;

/// The order new cards are introduced in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NewOrder {
    /// The deck's order: topic by topic, as the files list them.
    #[default]
    Topic,
    /// A shuffle that is the same for the same seed (e.g. the day number).
    Shuffled { seed: u64 },
}

/// Choices for building a queue (config and command-line flags).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueOptions {
    /// New cards introduced per study day across all sessions (default 15).
    pub new_per_day: usize,
    pub new_order: NewOrder,
    /// Also ask cards that have nothing to check an answer against.
    pub include_unanswered: bool,
    /// At most this many cards in the session.
    pub limit: Option<usize>,
    /// Go through any cards without touching their schedules.
    pub cram: bool,
    /// Only flagged cards, due or not (their schedules are not changed, as in cram).
    pub flagged: bool,
    /// Learning steps due this soon are asked now rather than left waiting (Anki: 20 min).
    pub learn_ahead_secs: i64,
    /// The plan to an interview date the person is following (`crate::plan`).
    pub plan: Option<QueuePlan>,
}

/// A plan to an interview date, as the queue follows it: the plan's new cards come
/// before others, and in its last days (the sweep) its cards whose next review falls on
/// or after the interview day are asked once more, after the day's other cards, lowest
/// predicted recall at the interview first, so nothing is last seen weeks before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuePlan {
    /// The ids of the plan's cards.
    pub cards: HashSet<String>,
    /// When the sweep days begin (unix seconds): before it there is no sweep, and a card
    /// reviewed since then has had its sweep.
    pub sweep_from: i64,
    /// The start of the interview day: cards due before it come back anyway.
    pub due_from: i64,
    /// The interview (unix seconds), where recall is predicted.
    pub at: i64,
}

impl QueuePlan {
    /// Whether a review card is swept at `now`.
    fn sweeps(&self, card_id: &str, state: &CardState, now: i64) -> bool {
        now >= self.sweep_from
            && state.phase == Phase::Review
            && state.due >= self.due_from
            && state.last_review.is_some_and(|t| t < self.sweep_from)
            && self.cards.contains(card_id)
    }
}

impl Default for QueueOptions {
    fn default() -> Self {
        QueueOptions {
            new_per_day: 15,
            new_order: NewOrder::Topic,
            include_unanswered: false,
            limit: None,
            cram: false,
            flagged: false,
            learn_ahead_secs: 20 * 60,
            plan: None,
        }
    }
}

/// Where "today" is: the time now, when the study day began, and how many new cards
/// were already introduced since then (`Store::new_cards_since(day_start)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today {
    pub now: i64,
    pub day_start: i64,
    pub new_introduced: usize,
}

impl Today {
    /// Today for study days described by `day_shift` (`clock::day_shift`: the local
    /// zone's offset less the hour a day starts; 0 is midnight UTC).
    pub fn new(now: i64, day_shift: i64, new_introduced: usize) -> Today {
        Today::with_rollover(now, day_shift, 0, new_introduced)
    }

    /// Today with the study day starting at `rollover_hour` local time (Anki: 4).
    pub fn with_rollover(
        now: i64,
        utc_offset_secs: i64,
        rollover_hour: i64,
        new_introduced: usize,
    ) -> Today {
        let shift = utc_offset_secs - rollover_hour * 3_600;
        let day_start = (now + shift).div_euclid(DAY) * DAY - shift;
        Today {
            now,
            day_start,
            new_introduced,
        }
    }

    /// Today with the count of new cards already introduced read from the store, so
    /// `new_per_day` holds across sessions and processes.
    pub fn from_store(
        store: &crate::store::Store,
        now: i64,
        day_shift: i64,
    ) -> crate::store::Result<Today> {
        let day_start = Today::new(now, day_shift, 0).day_start;
        let introduced = store.new_cards_since(day_start)?;
        Ok(Today::new(now, day_shift, introduced))
    }

    /// When the study day ends and review cards due after it wait for tomorrow.
    pub fn day_end(&self) -> i64 {
        self.day_start + DAY
    }
}

/// Why a card is in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Learning,
    Review,
    New,
    Cram,
    /// Not due before the interview, asked once more in the plan's last days.
    Sweep,
}

/// One card to ask: its index into the deck's cards, its id and current state.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueEntry {
    pub index: usize,
    pub card_id: String,
    pub state: CardState,
    pub kind: EntryKind,
}

/// Builds the queue for `cards` (already narrowed to a topic if the person chose one).
pub fn build_queue(
    cards: &[Card],
    states: &HashMap<String, CardState>,
    scheduler: &Scheduler,
    today: &Today,
    opts: &QueueOptions,
) -> Vec<QueueEntry> {
    let now = today.now;
    let eligible = cards.iter().enumerate().filter_map(|(index, card)| {
        let state = states.get(&card.id).cloned().unwrap_or_default();
        let askable = opts.include_unanswered || !card.is_unanswered();
        let wanted = !opts.flagged || state.flagged;
        (askable && wanted && !state.is_buried(now)).then(|| (index, card.id.clone(), state))
    });
    let entry = |kind| {
        move |(index, card_id, state)| QueueEntry {
            index,
            card_id,
            state,
            kind,
        }
    };
    let mut queue: Vec<QueueEntry> = if opts.cram {
        let mut all: Vec<QueueEntry> = eligible.map(entry(EntryKind::Cram)).collect();
        if let NewOrder::Shuffled { seed } = opts.new_order {
            shuffle(&mut all, seed);
        }
        all
    } else {
        let mut learning = Vec::new();
        let mut review = Vec::new();
        let mut new = Vec::new();
        let mut sweep = Vec::new();
        for item in eligible {
            match item.2.phase {
                Phase::New => new.push(entry(EntryKind::New)(item)),
                Phase::Learning | Phase::Relearning => {
                    if item.2.due <= now + opts.learn_ahead_secs {
                        learning.push(entry(EntryKind::Learning)(item));
                    }
                }
                Phase::Review => {
                    if item.2.due < today.day_end() {
                        review.push(entry(EntryKind::Review)(item));
                    } else if opts
                        .plan
                        .as_ref()
                        .is_some_and(|p| p.sweeps(&item.1, &item.2, now))
                    {
                        sweep.push(entry(EntryKind::Sweep)(item));
                    }
                }
            }
        }
        learning.sort_by_key(|e| e.state.due);
        let risk = |e: &QueueEntry| scheduler.retrievability(&e.state, now).unwrap_or(0.0);
        review.sort_by(|a, b| {
            risk(a)
                .total_cmp(&risk(b))
                .then(a.state.due.cmp(&b.state.due))
        });
        if let NewOrder::Shuffled { seed } = opts.new_order {
            shuffle(&mut new, seed);
        }
        if let Some(plan) = &opts.plan {
            // Stable: each group keeps its order.
            new.sort_by_key(|e| !plan.cards.contains(&e.card_id));
        }
        new.truncate(opts.new_per_day.saturating_sub(today.new_introduced));
        if let Some(at) = opts.plan.as_ref().map(|p| p.at) {
            let recall = |e: &QueueEntry| scheduler.retrievability(&e.state, at).unwrap_or(0.0);
            sweep.sort_by(|a, b| {
                recall(a)
                    .total_cmp(&recall(b))
                    .then(a.state.due.cmp(&b.state.due))
            });
        }
        learning
            .into_iter()
            .chain(review)
            .chain(new)
            .chain(sweep)
            .collect()
    };
    if let Some(limit) = opts.limit {
        queue.truncate(limit);
    }
    queue
}

/// The soonest time after `now` that any card with progress falls due, for "next cards
/// due in 3h" on the summary.
pub fn next_due<'a>(states: impl IntoIterator<Item = &'a CardState>, now: i64) -> Option<i64> {
    states
        .into_iter()
        .filter(|s| s.phase != Phase::New && s.due > now)
        .map(|s| s.due)
        .min()
}

/// Fisher–Yates with splitmix64: the same seed gives the same order on every platform.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut x = seed;
    let mut next = || {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for i in (1..items.len()).rev() {
        let j = usize::try_from(next() % (i as u64 + 1)).unwrap_or(0);
        items.swap(i, j);
    }
}
