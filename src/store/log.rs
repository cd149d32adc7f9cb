//! The append-only review log: what is written for each grade and what stats read back.

use rusqlite::{Row, params};

use super::Store;
use super::error::Result;
use crate::schedule::Grade;

/// Why a card was graded. Review grades move the schedule and count as new-card
/// introductions; cram grades never move it; mock grades move it if the caller passes
/// a new state. Only review grades feed `optimize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewMode {
    Review,
    Cram,
    Mock,
}

impl ReviewMode {
    /// The word stored in the log.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewMode::Review => "review",
            ReviewMode::Cram => "cram",
            ReviewMode::Mock => "mock",
        }
    }

    fn parse(s: &str) -> ReviewMode {
        match s {
            "cram" => ReviewMode::Cram,
            "mock" => ReviewMode::Mock,
            _ => ReviewMode::Review,
        }
    }
}

/// How many of a card's key points the person marked covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Coverage {
    pub covered: u32,
    pub total: u32,
}

/// One grade to append to the log (the store adds the previous state for undo).
#[derive(Debug, Clone, PartialEq)]
pub struct NewReview {
    pub card_id: String,
    /// Unix seconds.
    pub at: i64,
    pub grade: Grade,
    pub time_taken_ms: u64,
    /// `None` when the card has no key points or the checklist was skipped.
    pub coverage: Option<Coverage>,
    pub mode: ReviewMode,
    pub typed_answer: Option<String>,
}

/// A row of the log as stats and the optimiser read it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedReview {
    pub id: i64,
    pub card_id: String,
    pub at: i64,
    pub grade: Grade,
    pub time_taken_ms: u64,
    pub coverage: Option<Coverage>,
    pub mode: ReviewMode,
    pub typed_answer: Option<String>,
    /// The card's first review-mode grade: it was introduced as a new card here.
    pub was_new: bool,
}

const LOG_COLUMNS: &str =
    "id, card_id, reviewed_at, grade, time_taken_ms, covered, total, mode, typed_answer, was_new";

fn row_to_review(row: &Row<'_>) -> rusqlite::Result<LoggedReview> {
    let covered: Option<u32> = row.get(5)?;
    let total: Option<u32> = row.get(6)?;
    let grade: i64 = row.get(3)?;
    let mode: String = row.get(7)?;
    Ok(LoggedReview {
        id: row.get(0)?,
        card_id: row.get(1)?,
        at: row.get(2)?,
        grade: Grade::from_number(grade).unwrap_or(Grade::Again),
        time_taken_ms: u64::try_from(row.get::<_, i64>(4)?).unwrap_or(0),
        coverage: covered
            .zip(total)
            .map(|(covered, total)| Coverage { covered, total }),
        mode: ReviewMode::parse(&mode),
        typed_answer: row.get(8)?,
        was_new: row.get(9)?,
    })
}

impl Store {
    /// The log in the order written, all of it or from `since` (unix seconds) on.
    pub fn log(&self, since: Option<i64>) -> Result<Vec<LoggedReview>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {LOG_COLUMNS} FROM review_log WHERE reviewed_at >= ?1 ORDER BY id"
            ))
            .map_err(self.sql_err("cannot read the review log"))?;
        stmt.query_map(params![since.unwrap_or(i64::MIN)], row_to_review)
            .and_then(Iterator::collect)
            .map_err(self.sql_err("cannot read the review log"))
    }

    /// How many new cards were introduced (first graded in review mode) since `since`,
    /// so `new_per_day` holds across sessions and processes.
    pub fn new_cards_since(&self, since: i64) -> Result<usize> {
        self.conn
            .query_row(
                "SELECT count(DISTINCT card_id) FROM review_log
                 WHERE was_new = 1 AND mode = 'review' AND reviewed_at >= ?1",
                params![since],
                |row| row.get::<_, i64>(0),
            )
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(self.sql_err("cannot count today's new cards"))
    }
}
