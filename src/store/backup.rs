//! Consistent copies out (`backup`, SQLite's online backup, safe while other processes
//! write) and back in (`restore`, which checks the copy fully and keeps the current
//! database as `prepdeck.db.bak-<time>` before replacing anything).

use std::path::{Path, PathBuf};

use rusqlite::MAIN_DB;

use super::error::{Result, StoreError};
use super::inspect::{Check, inspect};
use super::{DB_FILE, Store};

type NoProgress = fn(rusqlite::backup::Progress);

/// What `restore` did with the database it replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Where the previous database was kept, if there was one.
    pub previous_saved_as: Option<PathBuf>,
}

impl Store {
    /// Writes a consistent copy of the database to `dest`, which must not exist yet.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        if std::fs::symlink_metadata(dest).is_ok() {
            return Err(StoreError::Exists {
                path: dest.to_path_buf(),
                what: "the backup file",
            });
        }
        let folder = dest.parent().filter(|p| !p.as_os_str().is_empty());
        let folder = folder.unwrap_or(Path::new("."));
        let name = dest
            .file_name()
            .map_or_else(|| "backup".to_string(), |n| n.to_string_lossy().to_string());
        let tmp = folder.join(format!(".{name}.partial-{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let written = self
            .conn
            .backup(MAIN_DB, &tmp, None::<NoProgress>)
            .map_err(|source| StoreError::Sqlite {
                path: dest.to_path_buf(),
                what: "cannot write the backup",
                source,
            })
            .and_then(|()| {
                std::fs::rename(&tmp, dest).map_err(|source| StoreError::Io {
                    path: dest.to_path_buf(),
                    what: "cannot put the backup in place",
                    source,
                })
            });
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }
}

/// Replaces the database at `db_path` with the backup `src`, after checking `src`
/// fully (integrity check, a prepdeck file, schema not newer than this binary). The
/// current database, if any, is kept beside it as `prepdeck.db.bak-<UTC time>`; a
/// healthy one is copied there with the online backup, a damaged one is moved there
/// untouched. `now` is unix seconds, for the name.
pub fn restore(db_path: &Path, src: &Path, now: i64) -> Result<Restored> {
    inspect(src, Check::Full)?;
    let folder = db_path.parent().unwrap_or(Path::new("."));
    let file = db_path
        .file_name()
        .map_or_else(|| DB_FILE.to_string(), |n| n.to_string_lossy().to_string());
    let mut bak = folder.join(format!("{file}.bak-{}", utc_stamp(now)));
    let mut n = 1;
    while std::fs::symlink_metadata(&bak).is_ok() {
        n += 1;
        bak = folder.join(format!("{file}.bak-{}-{n}", utc_stamp(now)));
    }
    if std::fs::symlink_metadata(db_path).is_err() {
        std::fs::create_dir_all(folder).map_err(|source| StoreError::ReadOnly {
            path: folder.to_path_buf(),
            source,
        })?;
        copy_in(src, db_path)?;
        Store::open_file(db_path)?;
        return Ok(Restored {
            previous_saved_as: None,
        });
    }
    match Store::open_file(db_path) {
        Ok(mut live) => {
            live.backup(&bak)?;
            // The backup is read through a read-only connection, so nothing is left
            // beside it.
            let from =
                super::inspect::open_read_only(src).map_err(|source| StoreError::Sqlite {
                    path: src.to_path_buf(),
                    what: "cannot open the backup",
                    source,
                })?;
            rusqlite::backup::Backup::new(&from, &mut live.conn)
                .and_then(|copy| copy.run_to_completion(256, std::time::Duration::ZERO, None))
                .map_err(|source| StoreError::Sqlite {
                    path: db_path.to_path_buf(),
                    what: "cannot copy the backup in",
                    source,
                })?;
            // A restored backup may be older: bring it up to date.
            let path = live.path.clone();
            super::schema::migrate(&mut live.conn, &path)?;
        }
        Err(
            StoreError::NotADatabase { .. }
            | StoreError::Corrupt { .. }
            | StoreError::NewerSchema { .. },
        ) => {
            for suffix in ["", "-wal", "-shm"] {
                let from = PathBuf::from(format!("{}{suffix}", db_path.display()));
                if std::fs::symlink_metadata(&from).is_ok() {
                    let to = PathBuf::from(format!("{}{suffix}", bak.display()));
                    std::fs::rename(&from, &to).map_err(|source| StoreError::Io {
                        path: from.clone(),
                        what: "cannot move the damaged database aside",
                        source,
                    })?;
                }
            }
            copy_in(src, db_path)?;
            Store::open_file(db_path)?;
        }
        Err(other) => return Err(other),
    }
    Ok(Restored {
        previous_saved_as: Some(bak),
    })
}

/// Copies a checked backup into place at `dest` (which does not exist) via the online
/// backup, so a WAL-mode source arrives whole.
fn copy_in(src: &Path, dest: &Path) -> Result<()> {
    let from = super::inspect::open_read_only(src).map_err(|source| StoreError::Sqlite {
        path: src.to_path_buf(),
        what: "cannot open the backup",
        source,
    })?;
    let store = Store {
        conn: from,
        path: src.to_path_buf(),
    };
    store.backup(dest)
}

/// `2026-11-22 03:45:00 UTC` as `20261122T034500Z`, for file names that sort by time.
pub fn utc_stamp(unix: i64) -> String {
    let (year, month, day, h, m, s) = crate::clock::utc_parts(unix);
    format!("{year:04}{month:02}{day:02}T{h:02}{m:02}{s:02}Z")
}
