//! The progress database: one SQLite file, `prepdeck.db`, holding each card's schedule,
//! the append-only review log, mock interviews, settings, the plan to an interview and
//! the person's own answers and stories.
//!
//! Every write is one transaction committed before the call returns (WAL mode,
//! `synchronous = FULL`), so a killed process loses at most the card on screen, and
//! writers take the lock up front (`BEGIN IMMEDIATE`, 5 s busy timeout) so two
//! prepdeck processes lose nothing. An existing file is inspected through a read-only
//! connection before anything writes to it: a file that is not a prepdeck database, is
//! damaged, or has a newer schema is refused with an error naming it and is never
//! migrated, truncated or reset. Progress of cards that vanished from the content stays
//! until `prune`.

mod backup;
mod cards;
mod error;
mod inspect;
mod labels;
mod log;
mod mock;
mod notes;
mod plan;
mod schema;
mod settings;
mod stories;

pub use backup::{Restored, restore, utc_stamp};
pub use cards::Undone;
pub use error::{Result, StoreError};
pub use labels::label_of;
pub use log::{Coverage, LoggedReview, NewReview, ReviewMode};
pub use mock::{MockAnswer, MockRecord};
pub use notes::{Note, NoteSaved};
pub use plan::StoredPlan;
pub use schema::SCHEMA_VERSION;
pub use stories::{Story, parse_tags};

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use inspect::{Check, inspect};

/// The database's file name inside the data folder.
pub const DB_FILE: &str = "prepdeck.db";

/// How long a writer waits for another process's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open progress database. Reads take `&self`; writes take `&mut self` and commit
/// before returning.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// The platform data folder (e.g. `~/.local/share/prepdeck` on Linux), if the
    /// platform has one.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "prepdeck").map(|d| d.data_dir().to_path_buf())
    }

    /// Where the database lives: `dir/prepdeck.db` for a folder the person named
    /// (`--data-dir`, `PREPDECK_DATA_DIR`), else in the platform data folder.
    pub fn db_path(dir: Option<&Path>) -> Result<PathBuf> {
        match dir {
            Some(dir) => Ok(dir.join(DB_FILE)),
            None => Store::default_dir()
                .map(|d| d.join(DB_FILE))
                .ok_or_else(|| StoreError::NoDataDir(PathBuf::from("$HOME"))),
        }
    }

    /// Opens (creating the folder and the file if needed) the database in `dir`, or in
    /// the platform data folder when `dir` is `None`.
    pub fn open(dir: Option<&Path>) -> Result<Store> {
        let path = Store::db_path(dir)?;
        let folder = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder).map_err(|source| StoreError::ReadOnly {
            path: folder.to_path_buf(),
            source,
        })?;
        Store::open_file(&path)
    }

    /// Opens the database at exactly `path`. A missing file is created; an existing
    /// one is inspected read-only first and refused, unchanged, if anything is wrong.
    pub fn open_file(path: &Path) -> Result<Store> {
        if std::fs::symlink_metadata(path).is_err() {
            create(path)?;
        }
        inspect(path, Check::Quick)?;
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| write_error(path, "cannot open the database", e))?;
        configure(&conn, path)?;
        schema::migrate(&mut conn, path).map_err(|e| match e {
            StoreError::Sqlite { source, what, .. } => write_error(path, what, source),
            other => other,
        })?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The database file, for messages.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes every later write fail (or succeed again), as a full disk or a failing
    /// device would: what prepdeck does when a grade cannot be saved is tested with it.
    pub fn refuse_writes(&self, refuse: bool) -> Result<()> {
        self.conn
            .pragma_update(None, "query_only", refuse)
            .map_err(self.sql_err("cannot change whether writes are refused"))
    }

    fn sql_err(&self, what: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Sqlite {
            path: self.path.clone(),
            what,
            source,
        }
    }
}

fn configure(conn: &Connection, path: &Path) -> Result<()> {
    let fail = |e| write_error(path, "cannot configure the database", e);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))
        .map_err(fail)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            source: std::io::Error::other(format!("journal mode stayed {mode}")),
        });
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(fail)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(fail)?;
    Ok(())
}

/// Read-only files and folders get the error that says what to do about them.
fn write_error(path: &Path, what: &'static str, source: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::{CannotOpen, PermissionDenied, ReadOnly};
    match source.sqlite_error_code() {
        Some(ReadOnly | CannotOpen | PermissionDenied) => StoreError::ReadOnly {
            path: path.to_path_buf(),
            source: std::io::Error::other(source.to_string()),
        },
        _ => StoreError::Sqlite {
            path: path.to_path_buf(),
            what,
            source,
        },
    }
}

/// Builds a fresh database beside `path` and links it into place only when complete,
/// so a crash never leaves a half-made `prepdeck.db` (which would then be refused).
fn create(path: &Path) -> Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let tmp = folder.join(format!(".{DB_FILE}.new-{}-{stamp}", std::process::id()));
    std::fs::File::create_new(&tmp).map_err(|source| StoreError::ReadOnly {
        path: folder.to_path_buf(),
        source,
    })?;
    let built = (|| {
        let mut conn = Connection::open_with_flags(
            &tmp,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| write_error(&tmp, "cannot create the database", e))?;
        configure(&conn, &tmp)?;
        schema::migrate(&mut conn, &tmp)?;
        conn.close()
            .map_err(|(_, e)| write_error(&tmp, "cannot finish the database", e))
    })();
    let linked = built.and_then(|()| match std::fs::hard_link(&tmp, path) {
        Ok(()) => Ok(()),
        // Another process created it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(_) if std::fs::symlink_metadata(path).is_err() => {
            std::fs::rename(&tmp, path).map_err(|source| StoreError::ReadOnly {
                path: folder.to_path_buf(),
                source,
            })
        }
        Err(_) => Ok(()),
    });
    let _ = std::fs::remove_file(&tmp);
    linked
}

/// Maps an SQLite error to one naming the database and what was being done. It owns a
/// copy of the path, so it works while a transaction borrows the connection.
fn sqlite_fail(path: &Path, what: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
    let path = path.to_path_buf();
    move |source| StoreError::Sqlite {
        path: path.clone(),
        what,
        source,
    }
}

#[cfg(test)]
mod tests;
