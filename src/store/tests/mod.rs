//! Store tests on temporary folders.

mod grades;
mod plan;
mod safety;

use std::path::Path;

use super::*;
use crate::schedule::{CardState, Grade, Scheduler};

pub(crate) const T0: i64 = 1_800_000_000;

pub(crate) fn open(dir: &Path) -> Store {
    Store::open(Some(dir)).expect("opens")
}

pub(super) fn review(card: &str, at: i64, grade: Grade) -> NewReview {
    NewReview {
        card_id: card.to_string(),
        at,
        grade,
        time_taken_ms: 1_500,
        coverage: Some(Coverage {
            covered: 2,
            total: 3,
        }),
        mode: ReviewMode::Review,
        typed_answer: Some("an answer".to_string()),
    }
}

/// Grades `card` as the review screen would and records it.
pub(super) fn grade(store: &mut Store, card: &str, g: Grade, at: i64) -> CardState {
    let current = store.state(card).unwrap().unwrap_or_default();
    let next = Scheduler::default().grade(card, &current, g, at);
    store.record(&review(card, at, g), Some(&next)).unwrap();
    next
}

/// Every column of a card's row, quoted by SQLite: equal strings mean equal bytes.
pub(super) fn raw_row(store: &Store, card: &str) -> Option<String> {
    use rusqlite::OptionalExtension;
    store
        .conn
        .query_row(
            "SELECT quote(card_id) || quote(stability) || quote(difficulty) || quote(due)
                 || quote(last_review) || quote(reps) || quote(lapses) || quote(phase)
                 || quote(step) || quote(flagged) || quote(buried_until)
             FROM card_state WHERE card_id = ?1",
            [card],
            |row| row.get(0),
        )
        .optional()
        .unwrap()
}

#[test]
fn a_version_1_database_gains_card_names_and_keeps_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    store.set_flag("kept", true).unwrap();
    store
        .conn
        .execute_batch(
            "DROP TABLE card_label; DROP TABLE interview_plan; DROP TABLE interview_plan_topic;
             DROP TABLE card_note; DROP TABLE story_card; DROP TABLE story;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    drop(store);
    let mut again = open(dir.path());
    assert!(again.state("kept").unwrap().unwrap().flagged);
    again
        .remember_labels([("kept", "Topic › Question?".to_string())])
        .unwrap();
    assert_eq!(again.labels().unwrap()["kept"], "Topic › Question?");
}

#[test]
fn migrates_an_empty_folder_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    let store = Store::open(Some(&nested)).unwrap();
    assert_eq!(store.path(), nested.join(DB_FILE));
    let version: i64 = store
        .conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    for table in [
        "card_state",
        "review_log",
        "mock",
        "mock_answer",
        "settings",
        "card_label",
        "interview_plan",
        "interview_plan_topic",
    ] {
        let n: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "{table}");
    }
    drop(store);
    let again = open(&nested);
    assert!(again.load_states().unwrap().is_empty());
    let leftovers: Vec<_> = std::fs::read_dir(&nested)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".new-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn mocks_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let mock = MockRecord {
        id: 0,
        started_at: T0,
        finished_at: Some(T0 + 900),
        aborted: false,
        settings: r#"{"questions":2}"#.to_string(),
        score: Some(75.0),
        report_path: Some("/tmp/r.md".to_string()),
        answers: vec![
            MockAnswer {
                position: 0,
                card_id: "a".to_string(),
                question: "What is a pod?".to_string(),
                typed_answer: Some("containers".to_string()),
                time_used_ms: 60_000,
                time_allowed_ms: 120_000,
                covered: Some(2),
                total: Some(3),
                grade: Some(Grade::Good),
            },
            MockAnswer {
                position: 1,
                card_id: "b".to_string(),
                question: "What is SLO?".to_string(),
                typed_answer: None,
                time_used_ms: 120_000,
                time_allowed_ms: 120_000,
                covered: None,
                total: None,
                grade: None,
            },
        ],
    };
    let id = store.save_mock(&mock).unwrap();
    let aborted = MockRecord {
        started_at: T0 + 1000,
        finished_at: None,
        aborted: true,
        answers: vec![],
        score: None,
        ..mock.clone()
    };
    store.save_mock(&aborted).unwrap();
    let listed = store.mocks().unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed[0].aborted, "newest first");
    assert_eq!(listed[1], MockRecord { id, ..mock });
}

#[test]
fn settings_keep_fitted_params() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    assert_eq!(store.fsrs_params().unwrap(), None);
    let params = crate::schedule::DEFAULT_PARAMS.to_vec();
    store.save_fsrs_params(&params).unwrap();
    assert_eq!(store.fsrs_params().unwrap(), Some(params));
}

#[test]
fn utc_stamps_sort_by_time() {
    assert_eq!(utc_stamp(0), "19700101T000000Z");
    assert_eq!(utc_stamp(1_800_000_000), "20270115T080000Z");
    assert_eq!(utc_stamp(951_782_400), "20000229T000000Z");
}

#[test]
fn a_version_3_database_gains_own_answers_and_keeps_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    store.set_flag("kept", true).unwrap();
    store
        .conn
        .execute_batch(
            "DROP TABLE card_note; DROP TABLE story_card; DROP TABLE story;
             PRAGMA user_version = 3;",
        )
        .unwrap();
    drop(store);
    let mut again = open(dir.path());
    assert!(again.state("kept").unwrap().unwrap().flagged);
    again.save_note("kept", "my own words", T0).unwrap();
    assert_eq!(again.note("kept").unwrap().unwrap().text, "my own words");
}
