//! Gives every card of a corpus saved progress, for start-up figures with a full
//! database: `cargo run --release --example seed_progress -- CONTENT_DIR DATA_DIR`.
//! Each card is graded Good once, a day apart per thousand cards, so some are due today
//! and the rest over the next weeks. `scripts/process_figures.py --data-dir` reads it.

use std::path::PathBuf;
use std::process::ExitCode;

use prepdeck::load::ContentSource;
use prepdeck::schedule::{CardState, Grade, Scheduler};
use prepdeck::store::{NewReview, ReviewMode, Store};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content, data] = args.as_slice() else {
        eprintln!("usage: seed_progress CONTENT_DIR DATA_DIR");
        return ExitCode::from(2);
    };
    let deck = match prepdeck::load::load(&[ContentSource::Path(PathBuf::from(content))]) {
        Ok(deck) => deck,
        Err(err) => {
            eprintln!("seed_progress: {err}");
            return ExitCode::from(2);
        }
    };
    let mut store = match Store::open(Some(PathBuf::from(data).as_path())) {
        Ok(store) => store,
        Err(err) => {
            eprintln!("seed_progress: {err}");
            return ExitCode::FAILURE;
        }
    };
    let scheduler = Scheduler::new(None, 0.9);
    let now = prepdeck::clock::now_unix();
    for (i, card) in deck.cards.iter().enumerate() {
        let at = now - 86_400 * (1 + i64::try_from(i / 1000).unwrap());
        let next = scheduler.grade(&card.id, &CardState::default(), Grade::Good, at);
        let review = NewReview {
            card_id: card.id.clone(),
            at,
            grade: Grade::Good,
            time_taken_ms: 30_000,
            coverage: None,
            mode: ReviewMode::Review,
            typed_answer: None,
        };
        if let Err(err) = store.record(&review, Some(&next)) {
            eprintln!("seed_progress: {err}");
            return ExitCode::FAILURE;
        }
    }
    println!("{} cards graded into {}", deck.cards.len(), data);
    ExitCode::SUCCESS
}
