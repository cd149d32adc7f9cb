//! `prepdeck review` in a pseudo-terminal: three cards reviewed are no longer due when
//! prepdeck starts again, and a SIGKILL in the middle of a session loses no grade.

mod common;

use common::pty::Pty;
use prepdeck::store::Store;

#[test]
fn reviewed_cards_are_not_due_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&["review", "--new", "3"], home.path(), 110, 32);
    for n in [3, 2, 1] {
        pty.wait_for(&format!("Review · {n} left"), 10);
        pty.send(" ");
        pty.wait_for("Key points", 5);
        pty.send("4");
    }
    pty.wait_for("Session summary", 5);
    assert!(
        pty.screen().contains("3 cards reviewed"),
        "{}",
        pty.screen()
    );
    // Started from the shell, leaving the summary goes back to the shell.
    pty.send("q");
    assert_eq!(pty.wait_exit(10), 0);

    let mut again = Pty::spawn(&["review", "--new", "3"], home.path(), 110, 32);
    assert_eq!(again.wait_exit(10), 0);
    assert!(
        again.screen().contains("nothing to review"),
        "{}",
        again.screen()
    );
    let store = Store::open(Some(&home.path().join("data"))).unwrap();
    let log = store.log(None).unwrap();
    assert_eq!(log.len(), 3);
    // Each graded card is named in the database, for `prune` once it leaves the content.
    let labels = store.labels().unwrap();
    for review in &log {
        let label = labels
            .get(&review.card_id)
            .expect("a name for every graded card");
        assert!(label.starts_with("Delivery › "), "{label}");
    }
}

#[cfg(unix)]
#[test]
fn sigkill_mid_session_keeps_every_grade_given() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&["review", "--new", "5"], home.path(), 110, 32);
    pty.wait_for("Review · 5 left", 10);
    pty.send("3");
    pty.wait_for("Review · 5 left", 5);
    pty.send("4");
    pty.wait_for("Review · 4 left", 5);
    pty.send(" ");
    pty.wait_for("Key points", 5);
    kill(Pid::from_raw(pty.pid()), Signal::SIGKILL).unwrap();
    pty.wait_exit(10);
    let store = Store::open(Some(&home.path().join("data"))).unwrap();
    let log = store.log(None).unwrap();
    assert_eq!(log.len(), 2, "both grades given before the kill are there");
    assert_eq!(store.load_states().unwrap().len(), 2);
}

#[cfg(unix)]
#[test]
fn editing_a_card_reloads_it_with_the_same_id() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let notes = home.path().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    let file = notes.join("01-cache.md");
    std::fs::write(
        &file,
        "## What is a cache stampede?\n\n### Answer\nOld answer.\n\n## What is a TTL?\n\n### Answer\nTime to live.\n",
    )
    .unwrap();
    // A stand-in editor: rewrites the answer of the file it is given (the last argument).
    let editor = home.path().join("fake-editor");
    std::fs::write(
        &editor,
        "#!/bin/sh\nfor f; do last=\"$f\"; done\nsed -i 's/Old answer./Edited answer./' \"$last\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let editor_path = editor.to_str().unwrap().to_string();
    let mut pty = Pty::spawn_with_env(
        &["review", notes.to_str().unwrap()],
        home.path(),
        100,
        30,
        &[("VISUAL", editor_path.as_str())],
    );
    pty.wait_for("What is a cache stampede?", 10);
    pty.send(" ");
    pty.wait_for("Old answer.", 5);
    pty.send("e");
    pty.wait_for("Edited answer.", 10);
    pty.send("4");
    pty.wait_for("What is a TTL?", 5);
    pty.send("q");
    pty.send("q");
    pty.wait_exit(10);
    let store = Store::open(Some(&home.path().join("data"))).unwrap();
    let log = store.log(None).unwrap();
    assert_eq!(log.len(), 1);
    let deck = prepdeck::load::load(&[prepdeck::load::ContentSource::Path(notes)]).unwrap();
    let edited = deck
        .cards
        .iter()
        .find(|c| c.question.contains("stampede"))
        .unwrap();
    assert_eq!(edited.answer.as_deref(), Some("Edited answer."));
    assert_eq!(
        log[0].card_id, edited.id,
        "the edited card kept its id and its grade"
    );
}

#[test]
fn review_type_prefills_the_checklist_from_a_typed_answer() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&["review", "--type", "--new", "1"], home.path(), 110, 32);
    // The card opens on the answer box, not on the question alone.
    pty.wait_for("Your answer", 10);
    pty.send("PR checks have to stay under ten minutes, otherwise engineers batch their changes.");
    pty.send("\x13"); // Ctrl-s: reveal
    pty.wait_for("Key points: 1/6 covered", 5);
    let screen = pty.screen();
    assert!(screen.contains("[x] Pull-request checks"), "{screen}");
    assert!(screen.contains("matched: PR checks"), "{screen}");
    // Take the suggested grade (one of six ticked: Again) and leave.
    pty.send("\r");
    pty.wait_for("Session summary", 5);
    pty.send("q");
    assert_eq!(pty.wait_exit(10), 0);
    let store = Store::open(Some(&home.path().join("data"))).unwrap();
    let log = store.log(None).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].coverage.map(|c| (c.covered, c.total)), Some((1, 6)));
    assert!(
        log[0]
            .typed_answer
            .as_deref()
            .is_some_and(|t| t.starts_with("PR checks have to stay under ten minutes")),
        "{:?}",
        log[0].typed_answer
    );
}
