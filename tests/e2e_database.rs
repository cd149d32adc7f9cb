//! The progress database through the real binary: a garbage, truncated or newer-schema
//! `prepdeck.db` is refused by every command that opens it — a message naming the file,
//! a non-zero exit, the data folder left byte-for-byte as it was; a data folder that
//! cannot be created is a clear error; a full disk during `restore` keeps the old
//! database; and two processes grading at once lose nothing.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::pty::Pty;
use prepdeck::schedule::Grade;
use prepdeck::store::{DB_FILE, NewReview, ReviewMode, SCHEMA_VERSION, Store};

fn prepdeck(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(["--data-dir", data.to_str().unwrap()])
        .args(args)
        .env_remove("PREPDECK_CONFIG")
        .env_remove("PREPDECK_DATA_DIR")
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("prepdeck-test-no-such-config"),
        )
        .output()
        .expect("run prepdeck")
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap_or_default()))
        .collect();
    all.sort();
    all
}

/// A real database with `n` graded cards, as bytes of one self-contained file.
fn good_db(n: i64) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(Some(dir.path())).unwrap();
    grade_many(&mut store, n);
    let copy = dir.path().join("copy.db");
    store.backup(&copy).unwrap();
    std::fs::read(copy).unwrap()
}

fn grade_many(store: &mut Store, n: i64) {
    let scheduler = prepdeck::schedule::Scheduler::default();
    for i in 0..n {
        let card = format!("card-{i}-{}", "x".repeat(40));
        let at = 1_795_000_000 + i;
        let next = scheduler.grade(&card, &Default::default(), Grade::Good, at);
        let review = NewReview {
            card_id: card,
            at,
            grade: Grade::Good,
            time_taken_ms: 1000,
            coverage: None,
            mode: ReviewMode::Review,
            typed_answer: Some("typed".repeat(20)),
        };
        store.record(&review, Some(&next)).unwrap();
    }
}

/// Plants `bytes` as the database and runs each command against it.
fn assert_refused_unchanged(bytes: &[u8], words: &str) {
    for args in [&["stats"][..], &[], &["review"], &["backup"]] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(DB_FILE);
        std::fs::write(&db, bytes).unwrap();
        let before = snapshot(dir.path());
        let out = prepdeck(dir.path(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&db.display().to_string()),
            "{args:?}: names the file: {stderr}"
        );
        assert!(stderr.contains(words), "{args:?}: {words:?} in {stderr}");
        assert_eq!(snapshot(dir.path()), before, "{args:?}: nothing changed");
    }
}

#[test]
fn a_garbage_database_is_refused_unchanged() {
    let mut x = 7u32;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            x.to_le_bytes()[2]
        })
        .collect();
    assert_refused_unchanged(&noise, "");
    assert_refused_unchanged(b"just some text, not a database\n", "");
}

#[test]
fn a_truncated_database_is_refused_unchanged() {
    let good = good_db(60);
    assert!(good.len() > 3 * 4096, "{}", good.len());
    assert_refused_unchanged(&good[..good.len() / 2], "");
    assert_refused_unchanged(&good[..good.len() - 100], "");
}

#[test]
fn a_newer_schema_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    std::fs::write(&path, good_db(3)).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    conn.pragma_update(None, "journal_mode", "delete").unwrap();
    drop(conn);
    assert_refused_unchanged(&std::fs::read(&path).unwrap(), "newer prepdeck");
}

#[test]
fn a_data_folder_that_cannot_be_made_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // A folder below a regular file can never be created, even by root.
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let data = blocker.join("data");
    for args in [&["stats"][..], &[], &["review"]] {
        let out = prepdeck(&data, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(&blocker.display().to_string()), "{stderr}");
        assert!(stderr.contains("--data-dir"), "{stderr}");
    }
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
}

/// A disk that fills up. A small tmpfs is mounted when the test may mount (root with
/// CAP_SYS_ADMIN); anywhere else the file-size limit (`ulimit -f`, writes beyond it fail
/// with EFBIG) plays the full disk. `restore` must fail with a message and leave the
/// live database exactly as it was.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_during_restore_keeps_the_old_database() {
    let work = tempfile::tempdir().unwrap();
    let backup = work.path().join("big-backup.db");
    std::fs::write(&backup, good_db(1500)).unwrap();
    let backup_len = std::fs::metadata(&backup).unwrap().len();
    let live = good_db(5);
    assert!(backup_len > 4 * live.len() as u64);

    let mnt = work.path().join("tiny");
    std::fs::create_dir(&mnt).unwrap();
    let size_kb = live.len() / 1024 + 40;
    let may_mount = std::env::var_os("PREPDECK_TEST_NO_MOUNT").is_none();
    let mounted = may_mount
        && Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size_kb}k"), "tmpfs"])
            .arg(&mnt)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    let data = mnt.join("data");
    std::fs::create_dir(&data).unwrap();
    let db = data.join(DB_FILE);
    std::fs::write(&db, &live).unwrap();
    let before = snapshot(&data);

    let limit = if mounted {
        String::new()
    } else {
        eprintln!("cannot mount a tmpfs here: using `ulimit -f` as the full disk");
        format!("ulimit -f {}; ", (live.len() / 1024) * 2 + 8)
    };
    let script = format!("trap '' XFSZ; {limit}exec \"$0\" --data-dir \"$1\" restore \"$2\"",);
    let out = Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_prepdeck")])
        .arg(&data)
        .arg(&backup)
        .env_remove("PREPDECK_CONFIG")
        .env_remove("PREPDECK_DATA_DIR")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    eprintln!("restore on a full disk said: {stderr}");
    let after = std::fs::read(&db);
    let leftovers: Vec<PathBuf> = std::fs::read_dir(&data)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    if mounted {
        let _ = Command::new("umount").arg(&mnt).status();
    }
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("prepdeck: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(after.unwrap(), live, "the live database is unchanged");
    // Whatever was half-written beside it is not the live database.
    assert!(leftovers.contains(&db), "{leftovers:?}");
    let _ = before;
}

/// Two `prepdeck review` processes grading the same database at the same time: every
/// grade from both is in the log.
#[test]
fn two_processes_grading_at_once_lose_nothing() {
    let home = tempfile::tempdir().unwrap();
    let content = home.path().join("content");
    std::fs::create_dir(&content).unwrap();
    let mut text = String::new();
    for i in 0..12 {
        text.push_str(&format!(
            "## Question number {i}?\n\n### Answer\nanswer {i}\n\n"
        ));
    }
    std::fs::write(content.join("deck.md"), text).unwrap();
    let dir = content.to_str().unwrap();
    let args = ["review", "--new", "12", dir];
    let mut a = Pty::spawn(&args, home.path(), 100, 30);
    let mut b = Pty::spawn(&args, home.path(), 100, 30);
    a.wait_for("12 left", 10);
    b.wait_for("12 left", 10);
    let grades = 5;
    for left in (12 - grades + 1..=12).rev() {
        // Easy: the card leaves today's queue, so the count goes down.
        a.send("4");
        b.send("4");
        a.wait_for(&format!("{} left", left - 1), 10);
        b.wait_for(&format!("{} left", left - 1), 10);
    }
    for pty in [&mut a, &mut b] {
        pty.send("q");
        pty.send("q");
        pty.send("\x03");
    }
    a.wait_exit(10);
    b.wait_exit(10);
    let store = Store::open(Some(&home.path().join("data"))).unwrap();
    let log = store.log(None).unwrap();
    assert_eq!(log.len(), 2 * grades, "{log:#?}");
    assert!(log.iter().all(|r| r.grade == Grade::Easy));
    // Both graded the same first cards, in topic order: each has two rows.
    assert_eq!(store.load_states().unwrap().len(), grades);
}

/// A data folder that exists, holds a good database, and is read-only: a read-only bind
/// mount when the test may mount (root ignores file modes), mode 555 otherwise. Every
/// command says the folder cannot be written and names it; the database is unchanged.
#[cfg(target_os = "linux")]
#[test]
fn a_read_only_data_folder_with_a_database_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join(DB_FILE), good_db(5)).unwrap();
    let before = snapshot(&data);
    let sh = |script: &str| {
        Command::new("sh")
            .args(["-c", script, "sh"])
            .arg(&data)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let may_mount = std::env::var_os("PREPDECK_TEST_NO_MOUNT").is_none();
    let mounted = may_mount
        && sh("mount --bind \"$1\" \"$1\"")
        && (sh("mount -o remount,ro,bind \"$1\"") || {
            sh("umount \"$1\"");
            false
        });
    if !mounted {
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(data.join("probe"), "x").is_ok() {
            let _ = std::fs::remove_file(data.join("probe"));
            eprintln!("skipped: running as root without mount, a folder cannot be made read-only");
            return;
        }
    }
    let mut failures = Vec::new();
    for args in [&["stats"][..], &[], &["review"], &["backup"]] {
        let out = prepdeck(&data, args);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        if out.status.code() != Some(1)
            || !stderr.contains(&data.display().to_string())
            || !stderr.contains("--data-dir")
        {
            failures.push(format!("{args:?}: {:?} {stderr}", out.status.code()));
        }
    }
    let after = snapshot(&data);
    if mounted {
        sh("umount \"$1\"");
    } else {
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(after, before, "the database is unchanged");
}

/// `bytes` with the database switched to write-ahead logging, as prepdeck keeps it.
fn in_wal_mode(bytes: &[u8], user_version: Option<i64>) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wal.db");
    std::fs::write(&path, bytes).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "wal").unwrap();
    if let Some(v) = user_version {
        conn.pragma_update(None, "user_version", v).unwrap();
    }
    drop(conn);
    std::fs::read(&path).unwrap()
}

#[test]
fn refused_wal_mode_databases_leave_no_file_beside_them() {
    // Newer: a healthy file in WAL mode written by a newer prepdeck.
    let newer = in_wal_mode(&good_db(3), Some(SCHEMA_VERSION + 1));
    assert_eq!(newer[18], 2, "the header says WAL");
    assert_refused_unchanged(&newer, "newer prepdeck");
    // Damaged: a WAL-mode file with pages overwritten in the middle.
    let mut damaged = in_wal_mode(&good_db(60), None);
    let middle = damaged.len() / 2 / 4096 * 4096;
    for b in &mut damaged[middle..middle + 4096] {
        *b = 0x5a;
    }
    assert_refused_unchanged(&damaged, "");
}

#[test]
fn restore_leaves_nothing_beside_the_backup_or_the_kept_database() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let backups = home.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let backup = backups.join("mine.db");
    std::fs::write(&backup, in_wal_mode(&good_db(4), None)).unwrap();
    // A live database to be replaced, and one to restore from.
    let mut store = Store::open(Some(&data)).unwrap();
    grade_many(&mut store, 2);
    drop(store);
    let before_backups = snapshot(&backups);
    let out = prepdeck(&data, &["restore", backup.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        snapshot(&backups),
        before_backups,
        "the backup's folder is as it was"
    );
    let names: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.ends_with("-wal") && !n.ends_with("-shm")),
        "{names:?}"
    );
    assert_eq!(
        Store::open(Some(&data)).unwrap().log(None).unwrap().len(),
        4
    );
}

#[test]
fn check_says_when_progress_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DB_FILE);
    std::fs::write(&db, b"just some text, not a database\n").unwrap();
    let before = snapshot(dir.path());
    let out = prepdeck(dir.path(), &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "the files are fine: {stderr}");
    assert!(stderr.contains("progress could not be read"), "{stderr}");
    assert!(stderr.contains(&db.display().to_string()), "{stderr}");
    assert_eq!(snapshot(dir.path()), before);
}
