//! What can go wrong with the progress database, written for the person who must act.

use std::path::PathBuf;

/// A store failure. Every variant names the file or folder involved; the ones a person
/// must fix say what to do, and promise nothing was changed where that is true.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{}: cannot find a data folder for this platform; pass --data-dir DIR or set PREPDECK_DATA_DIR",
        .0.display()
    )]
    NoDataDir(PathBuf),

    #[error(
        "{}: cannot write to the data folder ({source}); make it writable or choose another with --data-dir DIR or PREPDECK_DATA_DIR",
        path.display()
    )]
    ReadOnly {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "{}: not a prepdeck progress database ({reason}); it was left untouched. Move it aside to start afresh, or restore a backup with `prepdeck restore FILE`",
        path.display()
    )]
    NotADatabase { path: PathBuf, reason: String },

    #[error(
        "{}: the database is damaged ({detail}); it was left untouched. Restore a backup with `prepdeck restore FILE`, or move it aside to start afresh",
        path.display()
    )]
    Corrupt { path: PathBuf, detail: String },

    #[error(
        "{}: cannot read the database ({detail}): the disk may be full or failing. The database was not judged and was left untouched; free some space (`df -h` shows it) or check the disk, then start prepdeck again",
        path.display()
    )]
    Disk { path: PathBuf, detail: String },

    #[error(
        "{}: written by a newer prepdeck (schema version {found}, this one understands up to {supported}); it was left untouched. Upgrade prepdeck to use it",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("{}: {what}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        what: &'static str,
        source: rusqlite::Error,
    },

    #[error("{}: {what}: {source}", path.display())]
    Io {
        path: PathBuf,
        what: &'static str,
        source: std::io::Error,
    },

    #[error("{}: {what} already exists; choose another name or move it aside", path.display())]
    Exists { path: PathBuf, what: &'static str },

    #[error("{}: stored progress for card {card_id} is unreadable ({detail})", path.display())]
    BadRow {
        path: PathBuf,
        card_id: String,
        detail: String,
    },
}

/// Shorthand for results of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
