//! `prepdeck mock` in a pseudo-terminal: type an answer, let the second question time
//! out, grade both, and find the report and two `mock` entries in the log.

mod common;

use common::pty::Pty;
use prepdeck::store::{ReviewMode, Store};

#[test]
fn a_two_question_mock_from_start_to_report() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut pty = Pty::spawn(
        &[
            "mock",
            "--questions",
            "2",
            "--per-question",
            "3s",
            "--seed",
            "1",
            "--no-follow-ups",
        ],
        home.path(),
        110,
        32,
    );
    pty.wait_for("Question 1 / 2", 10);
    pty.send("I would drain traffic first and keep the grace period");
    pty.wait_for("drain traffic", 5);
    pty.send("\x13"); // Ctrl-s: done
    pty.wait_for("Question 2 / 2", 5);
    // Let the second question run out on its own.
    pty.wait_for("Debrief 1 / 2", 10);
    pty.send("3");
    pty.wait_for("Debrief 2 / 2", 5);
    assert!(pty.screen().contains("time ran out"), "{}", pty.screen());
    pty.send("1");
    pty.wait_for("report written to", 5);
    // Started from the shell, leaving the result goes back to the shell.
    pty.send("q");
    assert_eq!(pty.wait_exit(10), 0);
    assert!(
        pty.screen().contains("Mock interview report:"),
        "{}",
        pty.screen()
    );

    let reports: Vec<_> = std::fs::read_dir(data.join("mocks"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(reports.len(), 1);
    let report = std::fs::read_to_string(reports[0].path()).unwrap();
    assert!(report.contains("> I would drain traffic first and keep the grace period"));
    assert!(report.contains("(time ran out)"));
    assert!(
        report.contains("| Good |") && report.contains("| Again |"),
        "{report}"
    );

    let store = Store::open(Some(&data)).unwrap();
    let mock_entries = store
        .log(None)
        .unwrap()
        .into_iter()
        .filter(|r| r.mode == ReviewMode::Mock)
        .count();
    assert_eq!(mock_entries, 2);
    let mocks = store.mocks().unwrap();
    assert_eq!(mocks.len(), 1);
    assert_eq!(mocks[0].answers.len(), 2);
    assert!(!mocks[0].aborted);
}
