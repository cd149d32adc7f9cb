//! Starting a sitting: today's queue over a part of the deck, as a session, or when
//! nothing is left for today, when the next card falls due.

use std::collections::HashMap;

use super::{QueueOptions, Session, SessionMode, Today, build_queue, next_due};
use crate::model::Card;
use crate::schedule::{CardState, Scheduler};

/// Why no session could start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NothingToReview {
    /// The next card of this part of the deck falls due then (Unix seconds).
    NextDueAt(i64),
    /// Nothing is scheduled and no new cards are left for today.
    NoNewCardsLeft,
}

/// A session over today's queue of the cards at `indices` (positions in `cards`).
pub fn start_session(
    cards: &[Card],
    indices: &[usize],
    states: &HashMap<String, CardState>,
    scheduler: &Scheduler,
    today: &Today,
    options: &QueueOptions,
    now: i64,
) -> Result<Session, NothingToReview> {
    let subset: Vec<Card> = indices.iter().map(|&i| cards[i].clone()).collect();
    let mut queue = build_queue(&subset, states, scheduler, today, options);
    if queue.is_empty() {
        let next = next_due(
            indices.iter().filter_map(|&i| states.get(&cards[i].id)),
            now,
        );
        return Err(next.map_or(NothingToReview::NoNewCardsLeft, NothingToReview::NextDueAt));
    }
    for entry in &mut queue {
        entry.index = indices[entry.index];
    }
    let mode = if options.cram {
        SessionMode::Cram
    } else {
        SessionMode::Review
    };
    Ok(Session::new(queue, cards, scheduler.clone(), mode, now))
}
