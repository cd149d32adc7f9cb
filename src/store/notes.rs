//! The person's own answers, one per card, kept beside the model answers: written in
//! one transaction each, with the text they replaced kept for one undo.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::error::Result;
use super::{Store, sqlite_fail};

/// A card's own answer as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub card_id: String,
    pub text: String,
    /// Unix seconds of the first save and of the latest change.
    pub created_at: i64,
    pub updated_at: i64,
    /// The text the latest change replaced, if it replaced one.
    pub previous: Option<String>,
}

/// What `save_note` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteSaved {
    Created,
    Updated,
    /// The text was the one already stored: nothing was written.
    Unchanged,
    /// Empty text: the note was deleted (its text kept as the previous version is
    /// gone with it, so deleting asks first where a person can be asked).
    Deleted,
}

const COLUMNS: &str = "card_id, text, created_at, updated_at, previous";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Note> {
    Ok(Note {
        card_id: row.get(0)?,
        text: row.get(1)?,
        created_at: row.get(2)?,
        updated_at: row.get(3)?,
        previous: row.get(4)?,
    })
}

impl Store {
    /// Saves `text` as the card's own answer at `now`, keeping the text it replaces as
    /// the previous version. Blank text deletes the note.
    pub fn save_note(&mut self, card_id: &str, text: &str, now: i64) -> Result<NoteSaved> {
        let path = self.path.clone();
        let fail = |what| sqlite_fail(&path, what);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("cannot start saving your answer"))?;
        let old: Option<String> = tx
            .query_row(
                "SELECT text FROM card_note WHERE card_id = ?1",
                params![card_id],
                |row| row.get(0),
            )
            .optional()
            .map_err(fail("cannot read your answer"))?;
        let done = match old {
            _ if text.trim().is_empty() => {
                let n = tx
                    .execute("DELETE FROM card_note WHERE card_id = ?1", params![card_id])
                    .map_err(fail("cannot delete your answer"))?;
                if n == 0 {
                    NoteSaved::Unchanged
                } else {
                    NoteSaved::Deleted
                }
            }
            Some(old) if old == text => NoteSaved::Unchanged,
            Some(old) => {
                tx.execute(
                    "UPDATE card_note SET text = ?2, updated_at = ?3, previous = ?4
                     WHERE card_id = ?1",
                    params![card_id, text, now, old],
                )
                .map_err(fail("cannot save your answer"))?;
                NoteSaved::Updated
            }
            None => {
                tx.execute(
                    "INSERT INTO card_note (card_id, text, created_at, updated_at, previous)
                     VALUES (?1, ?2, ?3, ?3, NULL)",
                    params![card_id, text, now],
                )
                .map_err(fail("cannot save your answer"))?;
                NoteSaved::Created
            }
        };
        tx.commit().map_err(fail("cannot commit your answer"))?;
        Ok(done)
    }

    /// Puts back the text the latest change replaced (and keeps the replaced one as the
    /// previous version, so undo twice is a redo). `None` when there is nothing to undo.
    pub fn undo_note(&mut self, card_id: &str, now: i64) -> Result<Option<Note>> {
        let path = self.path.clone();
        let fail = |what| sqlite_fail(&path, what);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("cannot start the undo of your answer"))?;
        let swapped = tx
            .execute(
                "UPDATE card_note SET text = previous, previous = text, updated_at = ?2
                 WHERE card_id = ?1 AND previous IS NOT NULL",
                params![card_id, now],
            )
            .map_err(fail("cannot undo your answer"))?;
        let note = if swapped == 0 {
            None
        } else {
            tx.query_row(
                &format!("SELECT {COLUMNS} FROM card_note WHERE card_id = ?1"),
                params![card_id],
                read,
            )
            .optional()
            .map_err(fail("cannot read your answer"))?
        };
        tx.commit().map_err(fail("cannot commit the undo"))?;
        Ok(note)
    }

    /// A card's own answer, if it has one.
    pub fn note(&self, card_id: &str) -> Result<Option<Note>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM card_note WHERE card_id = ?1"),
                params![card_id],
                read,
            )
            .optional()
            .map_err(self.sql_err("cannot read your answer"))
    }

    /// Every own answer, by card id.
    pub fn notes(&self) -> Result<Vec<Note>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM card_note ORDER BY card_id"))
            .map_err(self.sql_err("cannot read your answers"))?;
        stmt.query_map([], read)
            .and_then(Iterator::collect)
            .map_err(self.sql_err("cannot read your answers"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{T0, open};
    use std::collections::HashSet;

    #[test]
    fn a_note_is_created_then_updated_with_the_previous_version_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path());
        assert_eq!(store.note("c1").unwrap(), None);
        assert_eq!(
            store.save_note("c1", "my story", T0).unwrap(),
            NoteSaved::Created
        );
        assert_eq!(
            store.save_note("c1", "my story", T0 + 5).unwrap(),
            NoteSaved::Unchanged
        );
        assert_eq!(
            store.save_note("c1", "my better story", T0 + 10).unwrap(),
            NoteSaved::Updated
        );
        let note = store.note("c1").unwrap().unwrap();
        assert_eq!(note.text, "my better story");
        assert_eq!(note.previous.as_deref(), Some("my story"));
        assert_eq!((note.created_at, note.updated_at), (T0, T0 + 10));
        // One undo puts the overwritten text back; undoing again is a redo.
        let undone = store.undo_note("c1", T0 + 20).unwrap().unwrap();
        assert_eq!(undone.text, "my story");
        assert_eq!(undone.previous.as_deref(), Some("my better story"));
        assert_eq!(store.undo_note("c2", T0).unwrap(), None);
        // Blank text deletes.
        assert_eq!(
            store.save_note("c1", "  \n", T0 + 30).unwrap(),
            NoteSaved::Deleted
        );
        assert_eq!(store.note("c1").unwrap(), None);
        assert!(store.notes().unwrap().is_empty());
    }

    #[test]
    fn a_note_survives_reopening_and_stays_an_orphan_until_prune() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path());
        store.save_note("gone", "kept", T0).unwrap();
        store.save_note("here", "also kept", T0).unwrap();
        drop(store);
        let mut store = open(dir.path());
        assert_eq!(store.notes().unwrap().len(), 2);
        let known: HashSet<String> = ["here".to_string()].into();
        // The card left the content: its note is an orphan, listed and kept.
        assert_eq!(store.orphans(&known).unwrap(), vec!["gone".to_string()]);
        assert_eq!(store.note("gone").unwrap().unwrap().text, "kept");
        store.prune(&["gone".to_string()]).unwrap();
        assert_eq!(store.note("gone").unwrap(), None);
        assert_eq!(store.note("here").unwrap().unwrap().text, "also kept");
    }

    #[test]
    fn backup_and_restore_carry_notes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path());
        store.save_note("c1", "before the backup", T0).unwrap();
        let backup = dir.path().join("b.db");
        store.backup(&backup).unwrap();
        store.save_note("c1", "after the backup", T0 + 1).unwrap();
        let db = store.path().to_path_buf();
        drop(store);
        crate::store::restore(&db, &backup, T0 + 2).unwrap();
        let store = open(dir.path());
        assert_eq!(store.note("c1").unwrap().unwrap().text, "before the backup");
    }
}
