//! Small key–value settings kept with the progress, such as fitted FSRS parameters.

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::error::Result;

const PARAMS_KEY: &str = "fsrs_params";

impl Store {
    /// A stored setting's text.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                params![key],
                |row| row.get(0),
            )
            .optional()
            .map_err(self.sql_err("cannot read a setting"))
    }

    /// Stores a setting (one committed statement).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                params![key, value],
            )
            .map(|_| ())
            .map_err(self.sql_err("cannot save a setting"))
    }

    /// The person's fitted FSRS parameters, if `optimize` saved some (unreadable text
    /// counts as none, so the defaults apply).
    pub fn fsrs_params(&self) -> Result<Option<Vec<f32>>> {
        Ok(self
            .setting(PARAMS_KEY)?
            .and_then(|text| serde_json::from_str(&text).ok()))
    }

    /// Saves fitted parameters for `Scheduler::new` to use from now on.
    pub fn save_fsrs_params(&mut self, params: &[f32]) -> Result<()> {
        let text = serde_json::to_string(params).expect("floats serialise");
        self.set_setting(PARAMS_KEY, &text)
    }
}
