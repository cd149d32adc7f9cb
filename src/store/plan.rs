//! The plan to an interview date as `prepdeck plan` sets it: the date, the topics and
//! the minutes a day. What it means for each day is worked out by `crate::plan`.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::error::Result;
use super::{Store, sqlite_fail};

/// A plan as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPlan {
    /// `YYYY-MM-DD`, a local calendar date.
    pub interview_date: String,
    /// Topic names as given to `--topic`, in order; empty for every card.
    pub topics: Vec<String>,
    pub minutes_per_day: u32,
    /// When it was set (unix seconds).
    pub created_at: i64,
}

impl Store {
    /// The plan, if one is set.
    pub fn plan(&self) -> Result<Option<StoredPlan>> {
        let row = self
            .conn
            .query_row(
                "SELECT interview_date, minutes_per_day, created_at FROM interview_plan",
                [],
                |row| Ok((row.get::<_, String>(0)?, row.get::<_, u32>(1)?, row.get(2)?)),
            )
            .optional()
            .map_err(self.sql_err("cannot read the plan"))?;
        let Some((interview_date, minutes_per_day, created_at)) = row else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name FROM interview_plan_topic ORDER BY position")
            .map_err(self.sql_err("cannot read the plan's topics"))?;
        let topics = stmt
            .query_map([], |row| row.get(0))
            .and_then(Iterator::collect)
            .map_err(self.sql_err("cannot read the plan's topics"))?;
        Ok(Some(StoredPlan {
            interview_date,
            topics,
            minutes_per_day,
            created_at,
        }))
    }

    /// Replaces the plan (one transaction: the old plan stays if this fails).
    pub fn save_plan(&mut self, plan: &StoredPlan) -> Result<()> {
        let path = self.path.clone();
        let fail = |what| sqlite_fail(&path, what);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("cannot start saving the plan"))?;
        tx.execute_batch("DELETE FROM interview_plan; DELETE FROM interview_plan_topic;")
            .map_err(fail("cannot replace the plan"))?;
        tx.execute(
            "INSERT INTO interview_plan (id, interview_date, minutes_per_day, created_at)
             VALUES (1, ?1, ?2, ?3)",
            params![plan.interview_date, plan.minutes_per_day, plan.created_at],
        )
        .map_err(fail("cannot save the plan"))?;
        for (position, name) in (0i64..).zip(&plan.topics) {
            tx.execute(
                "INSERT INTO interview_plan_topic (position, name) VALUES (?1, ?2)",
                params![position, name],
            )
            .map_err(fail("cannot save the plan's topics"))?;
        }
        tx.commit().map_err(fail("cannot commit the plan"))
    }

    /// Drops the plan; says whether there was one.
    pub fn clear_plan(&mut self) -> Result<bool> {
        let path = self.path.clone();
        let fail = |what| sqlite_fail(&path, what);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("cannot start dropping the plan"))?;
        let dropped = tx
            .execute("DELETE FROM interview_plan", [])
            .map_err(fail("cannot drop the plan"))?;
        tx.execute("DELETE FROM interview_plan_topic", [])
            .map_err(fail("cannot drop the plan's topics"))?;
        tx.commit()
            .map_err(fail("cannot commit dropping the plan"))?;
        Ok(dropped > 0)
    }
}
