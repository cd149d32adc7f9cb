//! The topic and question of each card with progress ("Caching › What is a stampede?"),
//! kept so that `prune` can name the cards that have left the content.

use std::collections::HashMap;

use rusqlite::{TransactionBehavior, params};

use super::error::Result;
use super::{Store, sqlite_fail};

impl Store {
    /// Records each card's label; a label already stored unchanged is not rewritten.
    pub fn remember_labels<'a>(
        &mut self,
        labels: impl IntoIterator<Item = (&'a str, String)>,
    ) -> Result<()> {
        let path = self.path.clone();
        let fail = |what| sqlite_fail(&path, what);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("cannot start saving card names"))?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO card_label (card_id, label) VALUES (?1, ?2)
                     ON CONFLICT (card_id) DO UPDATE SET label = excluded.label
                     WHERE label <> excluded.label",
                )
                .map_err(fail("cannot save card names"))?;
            for (id, label) in labels {
                stmt.execute(params![id, label])
                    .map_err(fail("cannot save a card name"))?;
            }
        }
        tx.commit().map_err(fail("cannot commit card names"))
    }

    /// Every stored label, by card id.
    pub fn labels(&self) -> Result<HashMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT card_id, label FROM card_label")
            .map_err(self.sql_err("cannot read card names"))?;
        stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(self.sql_err("cannot read card names"))
    }
}

/// "Topic › Sub › Question": how a card is named where its id alone would say nothing.
pub fn label_of(topic: &[String], question: &str) -> String {
    let mut label = topic.join(" › ");
    if !label.is_empty() {
        label.push_str(" › ");
    }
    label.push_str(question);
    label
}
