//! Files the store must refuse without changing a byte, and backup/restore.

use super::*;

/// Writes `bytes` as the database in a fresh folder and returns (folder, db path).
fn planted(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// A real database with some progress, closed, as bytes.
fn good_db_bytes() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    for i in 0..30 {
        grade(&mut store, &format!("card-{i}"), Grade::Good, T0 + i);
    }
    let path = store.path().to_path_buf();
    drop(store);
    std::fs::read(path).unwrap()
}

fn assert_refused(bytes: &[u8], expect: fn(&StoreError) -> bool) -> String {
    let (dir, path) = planted(bytes);
    let err = Store::open(Some(dir.path())).expect_err("must refuse");
    assert!(expect(&err), "unexpected error: {err:?}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "file must be unchanged"
    );
    let msg = err.to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(msg.contains("untouched"), "{msg}");
    msg
}

#[test]
fn garbage_is_refused_unchanged() {
    let msg = assert_refused(b"# my notes, not a database\n", |e| {
        matches!(e, StoreError::NotADatabase { .. })
    });
    assert!(msg.contains("prepdeck restore"), "{msg}");
    assert_refused(&[0u8; 0], |e| matches!(e, StoreError::NotADatabase { .. }));
    assert_refused(&[0xffu8; 8192], |e| {
        matches!(e, StoreError::NotADatabase { .. })
    });
}

#[test]
fn truncated_files_are_refused_unchanged() {
    let good = good_db_bytes();
    assert!(good.len() >= 8192);
    // Half a page, and whole pages missing from the end.
    assert_refused(&good[..good.len() - 100], |e| {
        matches!(e, StoreError::Corrupt { .. })
    });
    assert_refused(&good[..4096], |e| matches!(e, StoreError::Corrupt { .. }));
}

#[test]
fn damaged_pages_are_refused_unchanged() {
    let mut bad = good_db_bytes();
    // Scribble over every page after the first: quick_check must fail.
    for byte in bad.iter_mut().skip(4096 + 8) {
        *byte ^= 0x5a;
    }
    assert_refused(&bad, |e| matches!(e, StoreError::Corrupt { .. }));
}

#[test]
fn a_foreign_sqlite_file_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let bytes = std::fs::read(&other).unwrap();
    assert_refused(&bytes, |e| matches!(e, StoreError::NotADatabase { .. }));
}

#[test]
fn a_newer_schema_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = open(dir.path()).path().to_path_buf();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    conn.pragma_update(None, "journal_mode", "delete").unwrap();
    drop(conn);
    let bytes = std::fs::read(&path).unwrap();
    let msg = assert_refused(
        &bytes,
        |e| matches!(e, StoreError::NewerSchema { found, .. } if *found == SCHEMA_VERSION + 1),
    );
    assert!(msg.contains("newer prepdeck"), "{msg}");
}

#[test]
fn an_unwritable_data_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // A "folder" below a regular file can never be created, even by root.
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let err = Store::open(Some(&blocker.join("data"))).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("--data-dir"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(data.join("probe"), "x").is_ok() {
        // Running as root: permissions are not enforced, nothing to test here.
        let _ = std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755));
        return;
    }
    let err = Store::open(Some(&data)).unwrap_err();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert!(
        err.to_string().contains(&data.display().to_string()),
        "{err}"
    );
}

#[test]
fn backup_and_restore_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    grade(&mut store, "kept", Grade::Good, T0);
    let backup = dir.path().join("copy.db");
    store.backup(&backup).unwrap();
    assert!(matches!(
        store.backup(&backup),
        Err(StoreError::Exists { .. })
    ));
    grade(&mut store, "later", Grade::Good, T0 + 60);
    let db = store.path().to_path_buf();
    drop(store);
    let restored = restore(&db, &backup, T0 + 120).unwrap();
    let bak = restored.previous_saved_as.unwrap();
    assert!(
        bak.to_string_lossy()
            .ends_with("prepdeck.db.bak-20270115T080200Z")
    );
    let store = open(dir.path());
    assert!(store.state("kept").unwrap().is_some());
    assert!(store.state("later").unwrap().is_none());
    let old = Store::open_file(&bak).unwrap();
    assert!(
        old.state("later").unwrap().is_some(),
        "the old database is kept"
    );
}

#[test]
fn restore_refuses_a_bad_backup_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    grade(&mut store, "kept", Grade::Good, T0);
    let db = store.path().to_path_buf();
    drop(store);
    let before = std::fs::read(&db).unwrap();
    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, b"SQLite format 3\0 but not really").unwrap();
    let err = restore(&db, &bad, T0).unwrap_err();
    assert!(err.to_string().contains("bad.db"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".bak-")), "{names:?}");
}

#[test]
fn restore_replaces_a_damaged_database_keeping_it_aside() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    grade(&mut store, "kept", Grade::Good, T0);
    let backup = dir.path().join("copy.db");
    store.backup(&backup).unwrap();
    let db = store.path().to_path_buf();
    drop(store);
    std::fs::write(&db, b"garbage").unwrap();
    let restored = restore(&db, &backup, T0).unwrap();
    let bak = restored.previous_saved_as.unwrap();
    assert_eq!(std::fs::read(&bak).unwrap(), b"garbage");
    assert!(open(dir.path()).state("kept").unwrap().is_some());
}
