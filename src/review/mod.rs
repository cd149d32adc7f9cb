//! Reviewing, without the terminal: which cards to ask today (`queue`), starting a
//! sitting over part of the deck (`start`), one sitting as a pure state machine that
//! says what to persist (`session`), the session summary,
//! the key-point checklist's suggested grade (`coverage`) and fitting FSRS parameters to
//! the log (`optimize`).
//!
//! The review screen's loop, in outline (`offset` from `clock::local_offset`):
//!
//! ```ignore
//! let mut store = Store::open(data_dir)?;
//! let scheduler = Scheduler::new(store.fsrs_params()?, retention);
//! let today = Today::from_store(&store, now, offset)?;
//! let queue = build_queue(&cards, &store.load_states()?, &scheduler, &today, &options);
//! let mut session = Session::new(queue, &cards, scheduler, SessionMode::Review, now);
//! while let Some(card) = session.current() {
//!     let bar = session.preview(now);            // grade bar: short_interval(o.interval_secs)
//!     let persist = session.grade(grade, now, answer).unwrap();
//!     store.record(&persist.review, persist.state.as_ref())?;   // committed here
//! }
//! // u: if let Some(undo) = session.undo() { store.undo_last(&undo.card_id)?; } (and
//! //    store.bury(&undo.card_id, None) when undo.unbury)
//! // b: if let Some(id) = session.bury(now) { store.bury(&id, Some(tomorrow))?; }
//! // f: if let Some((id, on)) = session.toggle_flag() { store.set_flag(&id, on)?; }
//! let summary = session.summary(now);
//! ```

pub mod coverage;
pub mod optimize;
pub mod queue;
pub mod session;
pub mod start;
pub mod summary;

pub use coverage::suggest_grade;
pub use optimize::{MIN_REVIEWS, OptimizeError, Optimized, optimize};
pub use queue::{
    EntryKind, NewOrder, QueueEntry, QueueOptions, QueuePlan, Today, build_queue, next_due,
};
pub use session::{Answer, Persist, Session, SessionMode, UndoEffect};
pub use start::{NothingToReview, start_session};
pub use summary::{Summary, TopicAccuracy};

#[cfg(test)]
mod tests;
