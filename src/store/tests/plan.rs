//! The stored plan: set, replaced, dropped, and gained by an older database that keeps
//! everything it held.

use super::*;

fn a_plan() -> StoredPlan {
    StoredPlan {
        interview_date: "2026-12-01".to_string(),
        topics: vec!["Kubernetes".to_string(), "Linux".to_string()],
        minutes_per_day: 45,
        created_at: T0,
    }
}

#[test]
fn a_plan_is_saved_replaced_and_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    assert_eq!(store.plan().unwrap(), None);
    store.save_plan(&a_plan()).unwrap();
    assert_eq!(store.plan().unwrap(), Some(a_plan()));
    let later = StoredPlan {
        interview_date: "2027-01-15".to_string(),
        topics: vec![],
        minutes_per_day: 20,
        created_at: T0 + 60,
    };
    store.save_plan(&later).unwrap();
    drop(store);
    let mut store = open(dir.path());
    assert_eq!(store.plan().unwrap(), Some(later), "one plan, the latest");
    assert!(store.clear_plan().unwrap());
    assert_eq!(store.plan().unwrap(), None);
    assert!(!store.clear_plan().unwrap(), "nothing left to drop");
}

#[test]
fn a_plan_the_schema_refuses_leaves_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    store.save_plan(&a_plan()).unwrap();
    let bad = StoredPlan {
        interview_date: "next week".to_string(),
        ..a_plan()
    };
    assert!(store.save_plan(&bad).is_err());
    let zero = StoredPlan {
        minutes_per_day: 0,
        ..a_plan()
    };
    assert!(store.save_plan(&zero).is_err());
    assert_eq!(store.plan().unwrap(), Some(a_plan()));
}

#[test]
fn a_version_2_database_gains_the_plan_and_keeps_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let state = grade(&mut store, "kept", Grade::Good, T0);
    store.set_flag("kept", true).unwrap();
    store
        .remember_labels([("kept", "Topic › Question?".to_string())])
        .unwrap();
    store
        .save_fsrs_params(&crate::schedule::DEFAULT_PARAMS)
        .unwrap();
    store
        .save_mock(&MockRecord {
            id: 0,
            started_at: T0,
            finished_at: Some(T0 + 600),
            aborted: false,
            settings: "{}".to_string(),
            score: Some(60.0),
            report_path: None,
            answers: Vec::new(),
        })
        .unwrap();
    // Back to schema version 2, as a prepdeck from before plans left it.
    store
        .conn
        .execute_batch(
            "DROP TABLE interview_plan; DROP TABLE interview_plan_topic; DROP TABLE card_note;
             DROP TABLE story_card; DROP TABLE story;
             PRAGMA user_version = 2;",
        )
        .unwrap();
    drop(store);
    let mut again = open(dir.path());
    let version: i64 = again
        .conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let kept = again.state("kept").unwrap().unwrap();
    assert!(kept.flagged);
    assert_eq!(kept.memory, state.memory);
    assert_eq!(again.log(None).unwrap().len(), 1);
    assert_eq!(again.labels().unwrap()["kept"], "Topic › Question?");
    assert!(again.fsrs_params().unwrap().is_some());
    assert_eq!(again.mocks().unwrap().len(), 1);
    assert_eq!(again.plan().unwrap(), None);
    again.save_plan(&a_plan()).unwrap();
    assert_eq!(again.plan().unwrap(), Some(a_plan()));
}
