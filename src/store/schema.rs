//! The schema and its ordered migrations; the version lives in `PRAGMA user_version`.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::error::{Result, StoreError};

/// Marks a file as prepdeck's ("PREP"), so another program's SQLite file is refused.
pub const APPLICATION_ID: i64 = 0x5052_4550;

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only: never edit
/// one that has shipped.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4];

/// The schema version this binary writes; files with a higher one are refused.
#[allow(clippy::cast_possible_wrap)] // a handful of migrations
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const V1: &str = "
CREATE TABLE card_state (
    card_id      TEXT PRIMARY KEY NOT NULL,
    stability    REAL,
    difficulty   REAL,
    due          INTEGER NOT NULL,
    last_review  INTEGER,
    reps         INTEGER NOT NULL DEFAULT 0,
    lapses       INTEGER NOT NULL DEFAULT 0,
    phase        TEXT NOT NULL,
    step         INTEGER NOT NULL DEFAULT 0,
    flagged      INTEGER NOT NULL DEFAULT 0,
    buried_until INTEGER
);
CREATE TABLE review_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    card_id       TEXT NOT NULL,
    reviewed_at   INTEGER NOT NULL,
    grade         INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
    time_taken_ms INTEGER NOT NULL,
    covered       INTEGER,
    total         INTEGER,
    mode          TEXT NOT NULL CHECK (mode IN ('review', 'cram', 'mock')),
    typed_answer  TEXT,
    was_new       INTEGER NOT NULL,
    state_changed INTEGER NOT NULL,
    prev_state    TEXT
);
CREATE INDEX review_log_card ON review_log (card_id, id);
CREATE INDEX review_log_time ON review_log (reviewed_at);
CREATE TABLE mock (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    aborted     INTEGER NOT NULL,
    settings    TEXT NOT NULL,
    score       REAL,
    report_path TEXT
);
CREATE TABLE mock_answer (
    mock_id         INTEGER NOT NULL REFERENCES mock (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    card_id         TEXT NOT NULL,
    question        TEXT NOT NULL,
    typed_answer    TEXT,
    time_used_ms    INTEGER NOT NULL,
    time_allowed_ms INTEGER NOT NULL,
    covered         INTEGER,
    total           INTEGER,
    grade           INTEGER CHECK (grade BETWEEN 1 AND 4),
    PRIMARY KEY (mock_id, position)
);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
";

/// The name of each card with progress, so `prune` can say which cards it would drop.
const V2: &str = "
CREATE TABLE card_label (
    card_id TEXT PRIMARY KEY NOT NULL,
    label   TEXT NOT NULL
);
";

/// The plan to an interview date (`prepdeck plan`): at most one row, and the topics it
/// covers in the order given (none: every card).
const V3: &str = "
CREATE TABLE interview_plan (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    interview_date  TEXT NOT NULL
                    CHECK (interview_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    minutes_per_day INTEGER NOT NULL CHECK (minutes_per_day BETWEEN 1 AND 1440),
    created_at      INTEGER NOT NULL
);
CREATE TABLE interview_plan_topic (
    position INTEGER PRIMARY KEY NOT NULL,
    name     TEXT NOT NULL
);
";

/// The person's own answer to a card, beside the model: its text, when it was first
/// and last written, and the text it replaced (one undo of an overwrite). Keyed by card
/// id like progress, so it outlives edits of the card and stays, an orphan, when the
/// card leaves the content, until `prune`. And the story bank: the person's stories
/// (situation, task, action, result, what they learned) and the cards each answers.
const V4: &str = "
CREATE TABLE card_note (
    card_id    TEXT PRIMARY KEY NOT NULL,
    text       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    previous   TEXT
);
CREATE TABLE story (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    title      TEXT NOT NULL,
    situation  TEXT NOT NULL DEFAULT '',
    task       TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL DEFAULT '',
    result     TEXT NOT NULL DEFAULT '',
    learned    TEXT NOT NULL DEFAULT '',
    tags       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE story_card (
    story_id INTEGER NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    card_id  TEXT NOT NULL,
    PRIMARY KEY (story_id, card_id)
);
";

/// Brings a checked database up to `SCHEMA_VERSION` in one immediate transaction, so
/// two processes opening at once migrate once.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let sql = |what| {
        move |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            what,
            source,
        }
    };
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql("cannot start the migration"))?;
    let found: i64 = tx
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(sql("cannot read the schema version"))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    for step in &MIGRATIONS[usize::try_from(found).unwrap_or(0)..] {
        tx.execute_batch(step)
            .map_err(sql("cannot migrate the schema"))?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sql("cannot mark the file"))?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)
        .map_err(sql("cannot record the schema version"))?;
    tx.commit().map_err(sql("cannot commit the migration"))
}
