//! Card states: grading (state and log row in one transaction), exact undo, bury, flag,
//! and orphans whose cards left the content.

use std::collections::{HashMap, HashSet};

use rusqlite::{OptionalExtension, Row, Transaction, TransactionBehavior, params};

use super::error::{Result, StoreError};
use super::log::{NewReview, ReviewMode};
use super::{Store, sqlite_fail};
use crate::schedule::{CardState, Memory, Phase};

/// What `undo_last` put back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    /// The log row removed.
    pub log_id: i64,
    pub card_id: String,
    /// The card's state now, exactly as before the grade (`None`: it had no row).
    pub restored: Option<CardState>,
}

const STATE_COLUMNS: &str = "card_id, stability, difficulty, due, last_review, reps, lapses, \
                             phase, step, flagged, buried_until";

type RawState = (String, std::result::Result<CardState, String>);

fn row_to_state(row: &Row<'_>) -> rusqlite::Result<RawState> {
    let id: String = row.get(0)?;
    let stability: Option<f64> = row.get(1)?;
    let difficulty: Option<f64> = row.get(2)?;
    let phase: String = row.get(7)?;
    let state = Phase::parse(&phase)
        .ok_or_else(|| format!("unknown phase {phase:?}"))
        .map(|phase| CardState {
            // FSRS keeps f32; SQLite hands back the f64 it stored from one.
            #[allow(clippy::cast_possible_truncation)]
            memory: stability.zip(difficulty).map(|(s, d)| Memory {
                stability: s as f32,
                difficulty: d as f32,
            }),
            phase,
            due: 0,
            last_review: None,
            reps: 0,
            lapses: 0,
            step: 0,
            flagged: false,
            buried_until: None,
        });
    let state = match state {
        Ok(mut s) => {
            s.due = row.get(3)?;
            s.last_review = row.get(4)?;
            s.reps = row.get(5)?;
            s.lapses = row.get(6)?;
            s.step = row.get(8)?;
            s.flagged = row.get(9)?;
            s.buried_until = row.get(10)?;
            Ok(s)
        }
        Err(e) => Err(e),
    };
    Ok((id, state))
}

fn upsert(tx: &Transaction<'_>, card_id: &str, s: &CardState) -> rusqlite::Result<()> {
    tx.execute(
        &format!(
            "INSERT OR REPLACE INTO card_state ({STATE_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
        ),
        params![
            card_id,
            s.memory.map(|m| f64::from(m.stability)),
            s.memory.map(|m| f64::from(m.difficulty)),
            s.due,
            s.last_review,
            s.reps,
            s.lapses,
            s.phase.as_str(),
            s.step,
            s.flagged,
            s.buried_until,
        ],
    )
    .map(|_| ())
}

fn read_state(tx: &Transaction<'_>, card_id: &str) -> rusqlite::Result<Option<RawState>> {
    tx.query_row(
        &format!("SELECT {STATE_COLUMNS} FROM card_state WHERE card_id = ?1"),
        params![card_id],
        row_to_state,
    )
    .optional()
}

impl Store {
    fn bad_row(&self, card_id: String, detail: String) -> StoreError {
        StoreError::BadRow {
            path: self.path.clone(),
            card_id,
            detail,
        }
    }

    /// Every stored card state by card id (cards without a row are new).
    pub fn load_states(&self) -> Result<HashMap<String, CardState>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {STATE_COLUMNS} FROM card_state"))
            .map_err(self.sql_err("cannot read card states"))?;
        let rows: Vec<RawState> = stmt
            .query_map([], row_to_state)
            .and_then(Iterator::collect)
            .map_err(self.sql_err("cannot read card states"))?;
        rows.into_iter()
            .map(|(id, state)| match state {
                Ok(s) => Ok((id, s)),
                Err(e) => Err(self.bad_row(id, e)),
            })
            .collect()
    }

    /// One card's stored state, if it has one.
    pub fn state(&self, card_id: &str) -> Result<Option<CardState>> {
        let row = self
            .conn
            .query_row(
                &format!("SELECT {STATE_COLUMNS} FROM card_state WHERE card_id = ?1"),
                params![card_id],
                row_to_state,
            )
            .optional()
            .map_err(self.sql_err("cannot read a card state"))?;
        row.map(|(id, s)| s.map_err(|e| self.bad_row(id, e)))
            .transpose()
    }

    /// Records one grade: writes `next` (when the grade moves the schedule; `None` for
    /// cram and mock) and appends the log row with the previous state, in one
    /// transaction committed before returning. Returns the log row's id.
    pub fn record(&mut self, review: &NewReview, next: Option<&CardState>) -> Result<i64> {
        let path = self.path.clone();
        let fail = |what| sqlite_fail(&path, what);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("cannot start saving the grade"))?;
        let previous = read_state(&tx, &review.card_id).map_err(fail("cannot read the card"))?;
        let previous = match previous {
            Some((_, Ok(s))) => Some(s),
            Some((id, Err(e))) => {
                return Err(StoreError::BadRow {
                    path,
                    card_id: id,
                    detail: e,
                });
            }
            None => None,
        };
        let was_new = review.mode == ReviewMode::Review
            && previous.as_ref().is_none_or(|s| s.phase == Phase::New);
        let prev_json = previous
            .as_ref()
            .map(|s| serde_json::to_string(s).expect("card states serialise"));
        if let Some(next) = next {
            upsert(&tx, &review.card_id, next).map_err(fail("cannot save the card state"))?;
        }
        tx.execute(
            "INSERT INTO review_log (card_id, reviewed_at, grade, time_taken_ms, covered, total,
                 mode, typed_answer, was_new, state_changed, prev_state)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                review.card_id,
                review.at,
                review.grade.number(),
                i64::try_from(review.time_taken_ms).unwrap_or(i64::MAX),
                review.coverage.map(|c| c.covered),
                review.coverage.map(|c| c.total),
                review.mode.as_str(),
                review.typed_answer,
                was_new,
                next.is_some(),
                prev_json,
            ],
        )
        .map_err(fail("cannot append to the review log"))?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(fail("cannot commit the grade"))?;
        Ok(id)
    }

    /// Undoes the latest grade of `card_id`: puts back the state saved with it exactly
    /// and deletes the log row, in one transaction. `None` when the card has no grade.
    /// With two processes grading the same card, this undoes whichever grade was last.
    pub fn undo_last(&mut self, card_id: &str) -> Result<Option<Undone>> {
        let path = self.path.clone();
        let fail = |what| sqlite_fail(&path, what);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("cannot start the undo"))?;
        let last: Option<(i64, bool, Option<String>)> = tx
            .query_row(
                "SELECT id, state_changed, prev_state FROM review_log
                 WHERE card_id = ?1 ORDER BY id DESC LIMIT 1",
                params![card_id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()
            .map_err(fail("cannot read the review log"))?;
        let Some((log_id, changed, prev)) = last else {
            return Ok(None);
        };
        let restored: Option<CardState> = match &prev {
            Some(json) => Some(serde_json::from_str(json).map_err(|e| StoreError::BadRow {
                path: path.clone(),
                card_id: card_id.to_string(),
                detail: format!("saved previous state: {e}"),
            })?),
            None => None,
        };
        if changed {
            match &restored {
                Some(state) => upsert(&tx, card_id, state),
                None => tx
                    .execute(
                        "DELETE FROM card_state WHERE card_id = ?1",
                        params![card_id],
                    )
                    .map(|_| ()),
            }
            .map_err(fail("cannot restore the card state"))?;
        }
        tx.execute("DELETE FROM review_log WHERE id = ?1", params![log_id])
            .map_err(fail("cannot remove the log row"))?;
        let now = match read_state(&tx, card_id).map_err(fail("cannot read the card"))? {
            Some((_, Ok(s))) => Some(s),
            _ => None,
        };
        tx.commit().map_err(fail("cannot commit the undo"))?;
        Ok(Some(Undone {
            log_id,
            card_id: card_id.to_string(),
            restored: now,
        }))
    }

    fn update_state(&mut self, card_id: &str, change: impl FnOnce(&mut CardState)) -> Result<()> {
        let path = self.path.clone();
        let fail = |what| sqlite_fail(&path, what);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("cannot start the update"))?;
        let mut state = match read_state(&tx, card_id).map_err(fail("cannot read the card"))? {
            Some((_, Ok(s))) => s,
            Some((id, Err(detail))) => {
                return Err(StoreError::BadRow {
                    path,
                    card_id: id,
                    detail,
                });
            }
            None => CardState::new_card(),
        };
        change(&mut state);
        upsert(&tx, card_id, &state).map_err(fail("cannot save the card state"))?;
        tx.commit().map_err(fail("cannot commit the update"))
    }

    /// Leaves the card out of queues until `until` (unix seconds); `None` unburies.
    pub fn bury(&mut self, card_id: &str, until: Option<i64>) -> Result<()> {
        self.update_state(card_id, |s| s.buried_until = until)
    }

    /// Sets or clears the card's flag.
    pub fn set_flag(&mut self, card_id: &str, flagged: bool) -> Result<()> {
        self.update_state(card_id, |s| s.flagged = flagged)
    }

    /// Card ids with stored progress or an own answer that are not in `known` (the loaded
    /// content), sorted.
    /// They are kept until `prune`; `prepdeck check` reports how many.
    pub fn orphans(&self, known: &HashSet<String>) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT card_id FROM card_state UNION SELECT card_id FROM card_note
                 ORDER BY card_id",
            )
            .map_err(self.sql_err("cannot list card states"))?;
        let ids: Vec<String> = stmt
            .query_map([], |row| row.get(0))
            .and_then(|rows| rows.collect())
            .map_err(self.sql_err("cannot list card states"))?;
        Ok(ids.into_iter().filter(|id| !known.contains(id)).collect())
    }

    /// How many cards with progress are missing from `known`, for `prepdeck check`.
    pub fn count_orphans(&self, known: &HashSet<String>) -> Result<usize> {
        self.orphans(known).map(|ids| ids.len())
    }

    /// Deletes the progress and log rows of exactly these cards; returns how many card
    /// states were removed. Only an explicit `prepdeck prune` should call this.
    pub fn prune(&mut self, ids: &[String]) -> Result<usize> {
        let path = self.path.clone();
        let fail = |what| sqlite_fail(&path, what);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("cannot start pruning"))?;
        let mut removed = 0;
        for id in ids {
            removed += tx
                .execute("DELETE FROM card_state WHERE card_id = ?1", params![id])
                .map_err(fail("cannot prune a card state"))?;
            tx.execute("DELETE FROM review_log WHERE card_id = ?1", params![id])
                .map_err(fail("cannot prune the card's log"))?;
            tx.execute("DELETE FROM card_label WHERE card_id = ?1", params![id])
                .map_err(fail("cannot prune the card's name"))?;
            tx.execute("DELETE FROM card_note WHERE card_id = ?1", params![id])
                .map_err(fail("cannot prune your answer to the card"))?;
        }
        tx.commit().map_err(fail("cannot commit the prune"))?;
        Ok(removed)
    }
}
