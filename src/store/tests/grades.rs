//! Grading, undo, bury, flag, orphans and concurrent writers.

use std::collections::HashSet;

use super::*;
use crate::schedule::Phase;

#[test]
fn a_grade_saves_state_and_log_together() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let next = grade(&mut store, "c1", Grade::Good, T0);
    assert_eq!(store.state("c1").unwrap(), Some(next.clone()));
    let log = store.log(None).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].grade, Grade::Good);
    assert!(log[0].was_new);
    assert_eq!(
        log[0].coverage,
        Some(Coverage {
            covered: 2,
            total: 3
        })
    );
    assert_eq!(log[0].typed_answer.as_deref(), Some("an answer"));
    // A second process sees it at once.
    let other = open(dir.path());
    assert_eq!(other.state("c1").unwrap(), Some(next));
    assert_eq!(other.new_cards_since(T0).unwrap(), 1);
    assert_eq!(other.new_cards_since(T0 + 1).unwrap(), 0);
}

#[test]
fn undo_restores_the_row_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    grade(&mut store, "c1", Grade::Good, T0);
    grade(&mut store, "c1", Grade::Good, T0 + 600);
    store.set_flag("c1", true).unwrap();
    let before = raw_row(&store, "c1").unwrap();
    let state_before = store.state("c1").unwrap();
    let log_before = store.log(None).unwrap();
    let due = state_before.as_ref().unwrap().due;
    grade(&mut store, "c1", Grade::Again, due + 3 * 86_400);
    assert_ne!(raw_row(&store, "c1").unwrap(), before);
    let undone = store.undo_last("c1").unwrap().unwrap();
    assert_eq!(undone.restored, state_before);
    assert_eq!(raw_row(&store, "c1").unwrap(), before);
    assert_eq!(store.log(None).unwrap(), log_before);
    // Undo down to nothing: the card is new again, with no row at all.
    store.undo_last("c1").unwrap().unwrap();
    let first = store.undo_last("c1").unwrap().unwrap();
    assert_eq!(first.restored, None);
    assert_eq!(raw_row(&store, "c1"), None);
    assert_eq!(store.undo_last("c1").unwrap(), None);
}

#[test]
fn cram_grades_are_logged_but_never_move_the_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    grade(&mut store, "c1", Grade::Good, T0);
    let before = raw_row(&store, "c1");
    let mut cram = review("c1", T0 + 60, Grade::Again);
    cram.mode = ReviewMode::Cram;
    store.record(&cram, None).unwrap();
    store.bury("c1", Some(T0 + 86_400)).unwrap();
    let buried = raw_row(&store, "c1");
    assert_ne!(buried, before);
    let undone = store.undo_last("c1").unwrap().unwrap();
    assert_eq!(
        raw_row(&store, "c1"),
        buried,
        "undoing cram leaves the state alone"
    );
    assert_eq!(undone.restored.unwrap().buried_until, Some(T0 + 86_400));
    let log = store.log(None).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].mode, ReviewMode::Review);
}

#[test]
fn bury_and_flag_create_or_update_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    store.bury("fresh", Some(T0 + 100)).unwrap();
    let s = store.state("fresh").unwrap().unwrap();
    assert_eq!(s.phase, Phase::New);
    assert!(s.is_buried(T0) && !s.is_buried(T0 + 100));
    store.set_flag("fresh", true).unwrap();
    store.bury("fresh", None).unwrap();
    let s = store.state("fresh").unwrap().unwrap();
    assert!(s.flagged);
    assert_eq!(s.buried_until, None);
    // Introducing a buried-then-graded new card still counts as new.
    grade(&mut store, "fresh", Grade::Good, T0);
    assert_eq!(store.new_cards_since(T0).unwrap(), 1);
}

#[test]
fn orphans_are_kept_until_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    for id in ["a", "b", "c"] {
        grade(&mut store, id, Grade::Good, T0);
    }
    let known: HashSet<String> = ["a".to_string()].into();
    assert_eq!(store.orphans(&known).unwrap(), vec!["b", "c"]);
    assert_eq!(store.count_orphans(&known).unwrap(), 2);
    drop(store);
    // Reopening (as after content edits) keeps them.
    let mut store = open(dir.path());
    assert_eq!(store.load_states().unwrap().len(), 3);
    assert_eq!(store.prune(&["b".to_string()]).unwrap(), 1);
    assert_eq!(store.orphans(&known).unwrap(), vec!["c"]);
    assert!(store.log(None).unwrap().iter().all(|r| r.card_id != "b"));
    assert!(store.state("a").unwrap().is_some());
}

#[test]
fn two_stores_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    let per_thread: usize = 40;
    let threads: Vec<_> = (0..2)
        .map(|t| {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut store = open(&path);
                for i in 0..per_thread {
                    let card = format!("t{t}-c{i}");
                    let at = T0 + i64::try_from(i).unwrap();
                    grade(&mut store, &card, Grade::Good, at);
                    grade(&mut store, "shared", Grade::Hard, at);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let store = open(dir.path());
    assert_eq!(store.log(None).unwrap().len(), 2 * 2 * per_thread);
    assert_eq!(store.load_states().unwrap().len(), 2 * per_thread + 1);
    let shared = store.log(None).unwrap();
    let shared = shared.iter().filter(|r| r.card_id == "shared").count();
    assert_eq!(shared, 2 * per_thread);
}

#[test]
fn a_kill_mid_session_loses_no_committed_grade() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    for i in 0..5 {
        grade(&mut store, &format!("c{i}"), Grade::Good, T0 + i);
    }
    // The files as a SIGKILL would leave them: the connection never closed, the
    // write-ahead log not checkpointed.
    let crashed = tempfile::tempdir().unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let from = format!("{}{suffix}", store.path().display());
        if std::path::Path::new(&from).exists() {
            let to = crashed.path().join(format!("{DB_FILE}{suffix}"));
            std::fs::copy(&from, to).unwrap();
        }
    }
    assert!(crashed.path().join(format!("{DB_FILE}-wal")).exists());
    let reopened = open(crashed.path());
    assert_eq!(reopened.log(None).unwrap().len(), 5);
    assert_eq!(reopened.load_states().unwrap().len(), 5);
}
