//! The story bank: the person's own stories (title, situation, task, action, result,
//! what they learned, tags) and the cards each answers. Each write is one transaction;
//! a deleted story comes back whole, with its id and links, through `restore_story`.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::error::Result;
use super::{Store, sqlite_fail};

/// One story as stored. `id` 0 is a story not saved yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Story {
    pub id: i64,
    pub title: String,
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
    pub learned: String,
    pub tags: Vec<String>,
    /// The ids of the cards it answers, sorted.
    pub cards: Vec<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Story {
    /// The tags as stored: separated by commas.
    fn tag_text(&self) -> String {
        self.tags.join(", ")
    }
}

/// Tags from their stored or typed text: split at commas, trimmed, empty ones dropped.
pub fn parse_tags(text: &str) -> Vec<String> {
    text.split(',')
        .map(|t| t.trim().trim_start_matches('#').to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

impl Store {
    /// Saves a story at `now`: a new one (id 0) gets an id, an existing one its fields
    /// and links replaced. Returns the story's id.
    pub fn save_story(&mut self, story: &Story, now: i64) -> Result<i64> {
        let path = self.path.clone();
        let fail = |what| sqlite_fail(&path, what);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("cannot start saving the story"))?;
        let exists = story.id > 0
            && tx
                .query_row(
                    "SELECT 1 FROM story WHERE id = ?1",
                    params![story.id],
                    |_| Ok(()),
                )
                .optional()
                .map_err(fail("cannot read the story"))?
                .is_some();
        let id = if exists {
            tx.execute(
                "UPDATE story SET title = ?2, situation = ?3, task = ?4, action = ?5,
                 result = ?6, learned = ?7, tags = ?8, updated_at = ?9 WHERE id = ?1",
                params![
                    story.id,
                    story.title,
                    story.situation,
                    story.task,
                    story.action,
                    story.result,
                    story.learned,
                    story.tag_text(),
                    now
                ],
            )
            .map_err(fail("cannot save the story"))?;
            story.id
        } else {
            // A story restored from the trash keeps its id; a new one gets the next.
            let id = (story.id > 0).then_some(story.id);
            let created = if story.created_at > 0 {
                story.created_at
            } else {
                now
            };
            tx.execute(
                "INSERT INTO story (id, title, situation, task, action, result, learned,
                 tags, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    id,
                    story.title,
                    story.situation,
                    story.task,
                    story.action,
                    story.result,
                    story.learned,
                    story.tag_text(),
                    created,
                    now
                ],
            )
            .map_err(fail("cannot save the story"))?;
            tx.last_insert_rowid()
        };
        tx.execute("DELETE FROM story_card WHERE story_id = ?1", params![id])
            .map_err(fail("cannot save the story's cards"))?;
        for card in &story.cards {
            tx.execute(
                "INSERT OR IGNORE INTO story_card (story_id, card_id) VALUES (?1, ?2)",
                params![id, card],
            )
            .map_err(fail("cannot save the story's cards"))?;
        }
        tx.commit().map_err(fail("cannot commit the story"))?;
        Ok(id)
    }

    /// Deletes a story and its links; returns it as it was, for an undo.
    pub fn delete_story(&mut self, id: i64) -> Result<Option<Story>> {
        let Some(story) = self.stories()?.into_iter().find(|s| s.id == id) else {
            return Ok(None);
        };
        self.conn
            .execute("DELETE FROM story WHERE id = ?1", params![id])
            .map_err(self.sql_err("cannot delete the story"))?;
        Ok(Some(story))
    }

    /// Every story with its cards, in the order they were made.
    pub fn stories(&self) -> Result<Vec<Story>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, title, situation, task, action, result, learned, tags,
                 created_at, updated_at FROM story ORDER BY id",
            )
            .map_err(self.sql_err("cannot read the stories"))?;
        let mut stories: Vec<Story> = stmt
            .query_map([], |row| {
                Ok(Story {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    situation: row.get(2)?,
                    task: row.get(3)?,
                    action: row.get(4)?,
                    result: row.get(5)?,
                    learned: row.get(6)?,
                    tags: parse_tags(&row.get::<_, String>(7)?),
                    cards: Vec::new(),
                    created_at: row.get(8)?,
                    updated_at: row.get(9)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(self.sql_err("cannot read the stories"))?;
        let mut links = self
            .conn
            .prepare_cached("SELECT story_id, card_id FROM story_card ORDER BY story_id, card_id")
            .map_err(self.sql_err("cannot read the stories' cards"))?;
        let pairs: Vec<(i64, String)> = links
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .and_then(Iterator::collect)
            .map_err(self.sql_err("cannot read the stories' cards"))?;
        for (story, card) in pairs {
            if let Some(s) = stories.iter_mut().find(|s| s.id == story) {
                s.cards.push(card);
            }
        }
        Ok(stories)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{T0, open};

    fn outage() -> Story {
        Story {
            title: "The Black Friday cache outage".to_string(),
            situation: "Checkout p99 at 9 s".to_string(),
            task: "Incident commander".to_string(),
            action: "Shed load, rolled back".to_string(),
            result: "Back in 14 minutes".to_string(),
            learned: "Rehearse rollbacks".to_string(),
            tags: parse_tags("incident, #leadership ,,"),
            cards: vec!["c2".to_string(), "c1".to_string()],
            ..Story::default()
        }
    }

    #[test]
    fn stories_are_created_updated_linked_deleted_and_restored() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path());
        let id = store.save_story(&outage(), T0).unwrap();
        let mut saved = store.stories().unwrap().remove(0);
        assert_eq!(saved.id, id);
        assert_eq!(saved.tags, ["incident", "leadership"]);
        assert_eq!(saved.cards, ["c1", "c2"]);
        assert_eq!((saved.created_at, saved.updated_at), (T0, T0));
        saved.result = "Back in 12 minutes".to_string();
        saved.cards.retain(|c| c != "c1");
        assert_eq!(store.save_story(&saved, T0 + 5).unwrap(), id);
        let again = store.stories().unwrap().remove(0);
        assert_eq!(again.result, "Back in 12 minutes");
        assert_eq!(again.cards, ["c2"]);
        assert_eq!((again.created_at, again.updated_at), (T0, T0 + 5));
        let deleted = store.delete_story(id).unwrap().unwrap();
        assert!(store.stories().unwrap().is_empty());
        assert_eq!(store.delete_story(id).unwrap(), None);
        // Undo: back with its id, times and links.
        assert_eq!(store.save_story(&deleted, T0 + 9).unwrap(), id);
        let back = store.stories().unwrap().remove(0);
        assert_eq!(
            (back.id, back.created_at, back.cards.clone()),
            (id, T0, vec!["c2".to_string()])
        );
    }

    #[test]
    fn backup_and_restore_carry_stories() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(dir.path());
        store.save_story(&outage(), T0).unwrap();
        let backup = dir.path().join("b.db");
        store.backup(&backup).unwrap();
        store.delete_story(1).unwrap();
        let db = store.path().to_path_buf();
        drop(store);
        crate::store::restore(&db, &backup, T0 + 2).unwrap();
        let store = open(dir.path());
        let stories = store.stories().unwrap();
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].cards, ["c1", "c2"]);
    }
}
