//! Mock interviews: one row per interview, one per answer, saved together.

use rusqlite::{TransactionBehavior, params};

use super::Store;
use super::error::{Result, StoreError};
use crate::schedule::Grade;

/// A finished or aborted mock interview as saved and listed.
#[derive(Debug, Clone, PartialEq)]
pub struct MockRecord {
    /// Set by the store; ignored by `save_mock`.
    pub id: i64,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub aborted: bool,
    /// The interview's settings as the mock screen chose to describe them (JSON).
    pub settings: String,
    /// Overall score, 0–100, when there is one.
    pub score: Option<f32>,
    /// Where the written report went.
    pub report_path: Option<String>,
    pub answers: Vec<MockAnswer>,
}

/// One question of a mock interview and how it went.
#[derive(Debug, Clone, PartialEq)]
pub struct MockAnswer {
    pub position: u32,
    pub card_id: String,
    /// The question as asked, kept so the report survives edits of the content.
    pub question: String,
    pub typed_answer: Option<String>,
    pub time_used_ms: u64,
    pub time_allowed_ms: u64,
    pub covered: Option<u32>,
    pub total: Option<u32>,
    pub grade: Option<Grade>,
}

impl Store {
    /// Saves a mock and its answers in one transaction; returns its id.
    pub fn save_mock(&mut self, mock: &MockRecord) -> Result<i64> {
        let path = self.path.clone();
        let fail = |source| StoreError::Sqlite {
            path: path.clone(),
            what: "cannot save the mock interview",
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        tx.execute(
            "INSERT INTO mock (started_at, finished_at, aborted, settings, score, report_path)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                mock.started_at,
                mock.finished_at,
                mock.aborted,
                mock.settings,
                mock.score.map(f64::from),
                mock.report_path,
            ],
        )
        .map_err(fail)?;
        let id = tx.last_insert_rowid();
        for a in &mock.answers {
            tx.execute(
                "INSERT INTO mock_answer (mock_id, position, card_id, question, typed_answer,
                     time_used_ms, time_allowed_ms, covered, total, grade)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    id,
                    a.position,
                    a.card_id,
                    a.question,
                    a.typed_answer,
                    i64::try_from(a.time_used_ms).unwrap_or(i64::MAX),
                    i64::try_from(a.time_allowed_ms).unwrap_or(i64::MAX),
                    a.covered,
                    a.total,
                    a.grade.map(Grade::number),
                ],
            )
            .map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        Ok(id)
    }

    /// Every mock, newest first, with its answers in order.
    pub fn mocks(&self) -> Result<Vec<MockRecord>> {
        let fail = self.sql_err("cannot read mock interviews");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, started_at, finished_at, aborted, settings, score, report_path
                 FROM mock ORDER BY started_at DESC, id DESC",
            )
            .map_err(&fail)?;
        let mut mocks: Vec<MockRecord> = stmt
            .query_map([], |row| {
                Ok(MockRecord {
                    id: row.get(0)?,
                    started_at: row.get(1)?,
                    finished_at: row.get(2)?,
                    aborted: row.get(3)?,
                    settings: row.get(4)?,
                    #[allow(clippy::cast_possible_truncation)] // a score of 0–100
                    score: row.get::<_, Option<f64>>(5)?.map(|s| s as f32),
                    report_path: row.get(6)?,
                    answers: Vec::new(),
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(&fail)?;
        let mut answers = self
            .conn
            .prepare_cached(
                "SELECT position, card_id, question, typed_answer, time_used_ms,
                        time_allowed_ms, covered, total, grade
                 FROM mock_answer WHERE mock_id = ?1 ORDER BY position",
            )
            .map_err(&fail)?;
        for mock in &mut mocks {
            mock.answers = answers
                .query_map(params![mock.id], |row| {
                    Ok(MockAnswer {
                        position: row.get(0)?,
                        card_id: row.get(1)?,
                        question: row.get(2)?,
                        typed_answer: row.get(3)?,
                        time_used_ms: u64::try_from(row.get::<_, i64>(4)?).unwrap_or(0),
                        time_allowed_ms: u64::try_from(row.get::<_, i64>(5)?).unwrap_or(0),
                        covered: row.get(6)?,
                        total: row.get(7)?,
                        grade: row.get::<_, Option<i64>>(8)?.and_then(Grade::from_number),
                    })
                })
                .and_then(|rows| rows.collect())
                .map_err(&fail)?;
        }
        Ok(mocks)
    }
}
