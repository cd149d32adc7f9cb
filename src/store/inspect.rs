//! Looks at a database file before anything writes to it: header, size, integrity and
//! schema version, all through a read-only connection, so a suspect file is refused
//! without a single byte of it changing.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError};
use super::schema::{APPLICATION_ID, SCHEMA_VERSION};

const HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How thoroughly to check: `Quick` on every open, `Full` before a restore.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    Quick,
    Full,
}

/// Refuses anything that is not a healthy prepdeck database this binary understands.
/// Returns the schema version found.
pub(crate) fn inspect(path: &Path, check: Check) -> Result<i64> {
    let not_db = |reason: &str| StoreError::NotADatabase {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    let io = |what, source| StoreError::Io {
        path: path.to_path_buf(),
        what,
        source,
    };
    let meta = std::fs::metadata(path).map_err(|e| io("cannot read the file", e))?;
    if !meta.is_file() {
        return Err(not_db("it is not a regular file"));
    }
    let len = meta.len();
    if len == 0 {
        return Err(not_db("the file is empty"));
    }
    let mut head = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(|e| io("cannot read the file", e))?;
    let read = read_up_to(&mut file, &mut head).map_err(|e| io("cannot read the file", e))?;
    if read < 100 || &head[..16] != HEADER {
        return Err(not_db("it does not start with a SQLite header"));
    }
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(corrupt(format!("invalid page size {page_size}")));
    }
    // With a live write-ahead log the main file may be mid-checkpoint (its first page
    // already promising pages not yet written), so leave size checks to SQLite then.
    let wal = std::path::PathBuf::from(format!("{}-wal", path.display()));
    let wal_in_use = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    if !wal_in_use {
        check_size(&head, len, page_size).map_err(corrupt)?;
    }
    let conn = open_read_only(path).map_err(|e| unreadable(path, &e, "cannot open it"))?;
    let pragma = match check {
        Check::Quick => "quick_check",
        Check::Full => "integrity_check",
    };
    let problems: Vec<String> = conn
        .prepare(&format!("PRAGMA {pragma}"))
        .and_then(|mut stmt| {
            stmt.query_map([], |row| row.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .map_err(|e| unreadable(path, &e, "cannot check it"))?;
    if problems.first().map(String::as_str) != Some("ok") {
        let mut detail: Vec<String> = problems.into_iter().take(3).collect();
        if detail.is_empty() {
            detail.push(format!("{pragma} returned nothing"));
        }
        return Err(corrupt(detail.join("; ")));
    }
    let read_i64 = |sql: &str| {
        conn.query_row(sql, [], |row| row.get::<_, i64>(0))
            .map_err(|e| corrupt(e.to_string()))
    };
    let version = read_i64("PRAGMA user_version")?;
    let app = read_i64("PRAGMA application_id")?;
    let tables = read_i64("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")?;
    if app != 0 && app != APPLICATION_ID {
        return Err(not_db("it is a SQLite database of another application"));
    }
    if app == 0 && (version != 0 || tables != 0) {
        return Err(not_db(
            "it is a SQLite database, but not one prepdeck created",
        ));
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(version)
}

/// Opens `path` only to read it, leaving the folder exactly as it was: with no live
/// write-ahead log beside it the file is opened immutable, so SQLite creates no `-wal`
/// or `-shm` file (a WAL-mode database opened plainly read-only would). With a live
/// log, its pages are part of the database and the shared-memory index already exists.
pub(crate) fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let wal = std::path::PathBuf::from(format!("{}-wal", path.display()));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Connection::open_with_flags(path, flags);
    }
    let uri = format!("file:{}?mode=ro&immutable=1", uri_path(path));
    Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
}

/// A file path as the path of a `file:` URI: every byte but unreserved characters and
/// `/` percent-encoded, so `?`, `#` and `%` in a folder name stay part of the path.
fn uri_path(path: &Path) -> String {
    use std::fmt::Write as _;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for b in absolute.as_os_str().as_encoded_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(*b));
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// A file shorter than its header says, or not whole pages, was cut off.
fn check_size(head: &[u8; 100], len: u64, page_size: u64) -> std::result::Result<(), String> {
    if !len.is_multiple_of(page_size) {
        return Err(format!(
            "truncated: {len} bytes is not a whole number of {page_size}-byte pages"
        ));
    }
    let pages = u64::from(u32::from_be_bytes([head[28], head[29], head[30], head[31]]));
    let counter_valid = head[92..96] == head[24..28];
    if counter_valid && pages * page_size > len {
        return Err(format!(
            "truncated: the header promises {pages} pages, the file holds {}",
            len / page_size
        ));
    }
    Ok(())
}

/// SQLite's refusal to open or read: damage, unless it is about permissions (a WAL
/// database in a read-only folder cannot even be read), which is the folder's problem.
fn unreadable(path: &Path, e: &rusqlite::Error, what: &str) -> StoreError {
    use rusqlite::ErrorCode::{CannotOpen, PermissionDenied, ReadOnly};
    match e.sqlite_error_code() {
        Some(CannotOpen | PermissionDenied | ReadOnly) => StoreError::ReadOnly {
            path: path.parent().unwrap_or(Path::new(".")).to_path_buf(),
            source: std::io::Error::other(format!("{what}: {e}")),
        },
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase {
            path: path.to_path_buf(),
            reason: e.to_string(),
        },
        // A disk that is full or failing says nothing about the file's health.
        Some(rusqlite::ErrorCode::SystemIoFailure | rusqlite::ErrorCode::DiskFull) => {
            StoreError::Disk {
                path: path.to_path_buf(),
                detail: format!("{what}: {e}"),
            }
        }
        _ => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!("{what}: {e}"),
        },
    }
}

fn read_up_to(file: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut total = 0;
    while total < buf.len() {
        match file.read(&mut buf[total..])? {
            0 => break,
            n => total += n,
        }
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: rusqlite::ffi::ErrorCode, extended: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error {
                code,
                extended_code: extended,
            },
            None,
        )
    }

    #[test]
    fn a_full_or_failing_disk_is_not_called_damage() {
        let path = Path::new("/data/prepdeck.db");
        for e in [
            sqlite(
                rusqlite::ffi::ErrorCode::SystemIoFailure,
                rusqlite::ffi::SQLITE_IOERR,
            ),
            sqlite(
                rusqlite::ffi::ErrorCode::DiskFull,
                rusqlite::ffi::SQLITE_FULL,
            ),
        ] {
            let err = unreadable(path, &e, "cannot check it");
            assert!(matches!(err, StoreError::Disk { .. }), "{err:?}");
            let text = err.to_string();
            assert!(text.contains("the disk may be full"), "{text}");
            assert!(!text.contains("damaged"), "{text}");
        }
        let e = sqlite(
            rusqlite::ffi::ErrorCode::DatabaseCorrupt,
            rusqlite::ffi::SQLITE_CORRUPT,
        );
        assert!(matches!(
            unreadable(path, &e, "x"),
            StoreError::Corrupt { .. }
        ));
    }
}
