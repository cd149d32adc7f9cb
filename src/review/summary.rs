//! The end-of-session summary: counts per grade, time, accuracy per topic, next due.

use std::collections::BTreeMap;

use crate::schedule::Grade;

/// One grade given in a session, as the summary needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Graded {
    pub slot: usize,
    pub topic: String,
    pub grade: Grade,
    /// The card's first grade in this session (accuracy counts only these).
    pub first: bool,
    pub time_taken_ms: u64,
}

/// How one topic went: first answers, and how many were not Again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicAccuracy {
    pub topic: String,
    pub answered: usize,
    pub correct: usize,
}

impl TopicAccuracy {
    /// Share of first answers not graded Again, 0–1.
    pub fn ratio(&self) -> f32 {
        if self.answered == 0 {
            0.0
        } else {
            self.correct as f32 / self.answered as f32
        }
    }
}

/// What the summary screen shows when the queue is empty or the person stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Distinct cards graded at least once.
    pub cards: usize,
    /// Grades given, repeats included.
    pub answers: usize,
    /// Grades given, in `Grade::ALL` order (index with `Grade::index`).
    pub counts: [usize; 4],
    /// Time spent answering (sum of the per-card times).
    pub answer_ms: u64,
    /// Wall-clock seconds since the session started.
    pub elapsed_secs: i64,
    /// By topic label, alphabetically.
    pub topics: Vec<TopicAccuracy>,
    /// When the next of this session's cards falls due (review mode).
    pub next_due: Option<i64>,
    /// When a card still in its steps comes back, while the session waits for it.
    pub waiting_until: Option<i64>,
}

impl Summary {
    pub(crate) fn from_graded(graded: &[Graded], elapsed_secs: i64, next_due: Option<i64>) -> Self {
        let mut counts = [0; 4];
        let mut topics: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for g in graded {
            counts[g.grade.index()] += 1;
            if g.first {
                let t = topics.entry(&g.topic).or_default();
                t.0 += 1;
                t.1 += usize::from(g.grade != Grade::Again);
            }
        }
        Summary {
            cards: graded.iter().filter(|g| g.first).count(),
            answers: graded.len(),
            counts,
            answer_ms: graded.iter().map(|g| g.time_taken_ms).sum(),
            elapsed_secs: elapsed_secs.max(0),
            topics: topics
                .into_iter()
                .map(|(topic, (answered, correct))| TopicAccuracy {
                    topic: topic.to_string(),
                    answered,
                    correct,
                })
                .collect(),
            next_due,
            waiting_until: None,
        }
    }
}
