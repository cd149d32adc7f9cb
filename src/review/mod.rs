//! Reviewing, without the terminal: which cards to ask today (`queue`), one sitting as
//! a pure state machine that says what to persist (`session`), the session summary,
//! and the key-point checklist's suggested grade (`coverage`).

pub mod coverage;
pub mod optimize;
pub mod queue;
pub mod session;
pub mod summary;

pub use coverage::suggest_grade;
pub use optimize::{MIN_REVIEWS, OptimizeError, Optimized, optimize};
pub use queue::{EntryKind, NewOrder, QueueEntry, QueueOptions, Today, build_queue, next_due};
pub use session::{Answer, Persist, Session, SessionMode, UndoEffect};
pub use summary::{Summary, TopicAccuracy};

#[cfg(test)]
mod tests;
