//! The progress database: committing one grade, and loading the state of 10,000 cards.

#[path = "support/corpus.rs"]
mod corpus;

/// Allocate as the shipped binary does (`src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use divan::Bencher;
use prepdeck::schedule::{CardState, Grade, Scheduler};
use prepdeck::store::{NewReview, ReviewMode, Store};

fn main() {
    divan::main();
}

/// 2026-11-22 12:00 UTC.
const NOW: i64 = 1_795_348_800;

fn review(id: String, at: i64) -> NewReview {
    NewReview {
        card_id: id,
        at,
        grade: Grade::Good,
        time_taken_ms: 42_000,
        coverage: None,
        mode: ReviewMode::Review,
        typed_answer: None,
    }
}

/// One grade and its new state, committed in a transaction (what a review keystroke
/// waits for), into a database that already holds 10,000 states.
#[divan::bench]
fn commit_one_grade(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = filled(&dir, corpus::scaled(10_000));
    let scheduler = Scheduler::new(None, 0.9);
    let mut at = NOW;
    bencher.bench_local(|| {
        at += 60;
        let id = format!("card-{}", at % 1000);
        let next = scheduler.grade(&id, &CardState::default(), Grade::Good, at);
        store.record(&review(id, at), Some(&next)).unwrap()
    });
}

#[divan::bench]
fn load_states_10k(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let store = filled(&dir, corpus::scaled(10_000));
    bencher.bench_local(|| store.load_states().unwrap().len());
}

fn filled(dir: &tempfile::TempDir, n: usize) -> Store {
    let mut store = Store::open(Some(dir.path())).unwrap();
    let scheduler = Scheduler::new(None, 0.9);
    for i in 0..n {
        let at = NOW - 86_400 + i64::try_from(i).unwrap();
        let id = format!("card-{i}");
        let next = scheduler.grade(&id, &CardState::default(), Grade::Good, at);
        store.record(&review(id, at), Some(&next)).unwrap();
    }
    store
}
