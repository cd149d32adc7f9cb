//! The planner: working out a plan to an interview date, as every screen command does at
//! start while a plan is set (`forecast` without the search for changes), and as
//! `prepdeck plan` does for a plan that does not fit (with it).

#[path = "support/corpus.rs"]
mod corpus;

/// Allocate as the shipped binary does (`src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::HashMap;

use divan::Bencher;
use prepdeck::load::Deck;
use prepdeck::plan::{Pace, PlanInput, PlanSettings, forecast};
use prepdeck::schedule::{CardState, Grade, Scheduler};

fn main() {
    divan::main();
}

/// 2026-11-22 12:00 UTC.
const NOW: i64 = 1_795_348_800;
const DAY: i64 = 86_400;

/// Every other card learned over the last weeks, the rest never seen.
fn half_learned(deck: &Deck, scheduler: &Scheduler) -> HashMap<String, CardState> {
    (0i64..)
        .zip(&deck.cards)
        .filter(|(i, _)| i % 2 == 0)
        .map(|(i, c)| {
            let at = NOW - (1 + i % 20) * DAY;
            let seen = scheduler.grade(&c.id, &CardState::new_card(), Grade::Good, at);
            (
                c.id.clone(),
                scheduler.grade(&c.id, &seen, Grade::Good, at + 600),
            )
        })
        .collect()
}

fn run(bencher: Bencher, cards: usize, days: i64, minutes: u32, with_changes: bool) {
    let deck = corpus::deck(corpus::scaled(cards), "canonical");
    let scheduler = Scheduler::new(None, 0.9);
    let states = half_learned(&deck, &scheduler);
    let settings = PlanSettings {
        interview_day: NOW / DAY + days,
        topics: Vec::new(),
        minutes_per_day: minutes,
    };
    bencher.bench_local(|| {
        let input = PlanInput {
            cards: &deck.cards,
            tree: &deck.tree,
            states: &states,
            scheduler: &scheduler,
            pace: Pace::default(),
            now: NOW,
            offset: 0,
            introduced_today: 0,
            include_unanswered: false,
        };
        forecast(&settings, &input, with_changes).report.new_per_day
    });
}

/// What a screen command adds to its start with a plan of 1,000 cards, 30 days away.
#[divan::bench]
fn start_1k_cards_30_days(bencher: Bencher) {
    run(bencher, 1_000, 30, 60, false);
}

/// The same with 10,000 cards: the most a first frame waits for a plan.
#[divan::bench]
fn start_10k_cards_30_days(bencher: Bencher) {
    run(bencher, 10_000, 30, 60, false);
}

/// `prepdeck plan` on 1,000 cards in 14 days at 30 minutes, which does not fit: the
/// plan and the search for the narrowest change.
#[divan::bench]
fn changes_1k_cards_14_days(bencher: Bencher) {
    run(bencher, 1_000, 14, 30, true);
}
