//! Own answers from the command line: prune asks before dropping them, `notes` lists,
//! shows, edits and imports them, and the exports carry them.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use crate::common::layout_fixture;

fn run_in(home: &std::path::Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(args)
        .env_remove("PREPDECK_CONFIG")
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .env("PREPDECK_DATA_DIR", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn store(home: &std::path::Path) -> prepdeck::store::Store {
    prepdeck::store::Store::open(Some(&home.join("data"))).unwrap()
}

#[test]
fn prune_lists_an_orphaned_own_answer_and_asks_before_deleting_it() {
    let home = tempfile::tempdir().unwrap();
    store(home.path())
        .save_note("0123456789ab", "my story of the outage", 1_795_000_000)
        .unwrap();
    let args = ["prune", &layout_fixture("qa_lines.txt")];
    let out = run_in(home.path(), &args, "n\n");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("0123456789ab"), "{text}");
    assert!(text.contains(": your own answer only"), "{text}");
    assert!(
        text.contains("delete their progress, review history and your own answers to them? [y/N]"),
        "{text}"
    );
    assert!(text.contains("nothing deleted"), "{text}");
    assert!(store(home.path()).note("0123456789ab").unwrap().is_some());

    let out = run_in(home.path(), &args, "y\n");
    assert_eq!(out.status.code(), Some(0));
    assert!(store(home.path()).note("0123456789ab").unwrap().is_none());
}

fn run_with_editor(home: &std::path::Path, args: &[&str], editor: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(args)
        .env_remove("PREPDECK_CONFIG")
        .env_remove("VISUAL")
        .env("EDITOR", editor)
        .env("PREPDECK_DATA_DIR", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap()
}

/// A shell script usable as `$EDITOR`: runs `body` with the file as `$1`.
#[cfg(unix)]
fn editor_script(home: &std::path::Path, name: &str, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = home.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

fn dns_id() -> String {
    let deck = crate::common::load_layout_fixture("qa_lines.txt");
    crate::common::card_starting(&deck, "What port does DNS use")
        .id
        .clone()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[cfg(unix)]
#[test]
fn notes_edit_with_an_editor_script_then_the_json_export_carries_the_note() {
    let home = tempfile::tempdir().unwrap();
    let fixture = layout_fixture("qa_lines.txt");
    let id = dns_id();
    let writer = editor_script(
        home.path(),
        "write.sh",
        "printf 'At Acme our resolvers \"flapped\" on TCP fallback.\\n' > \"$1\"",
    );
    let out = run_with_editor(
        home.path(),
        &["notes", "edit", &id, "--path", &fixture],
        &writer,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout(&out)
            .contains("saved your own answer to Qa Lines › Networking › What port does DNS use?"),
        "{}",
        stdout(&out)
    );

    let out = run_in(home.path(), &["export", "--format", "json", &fixture], "");
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cards = doc["cards"].as_array().unwrap();
    let card = cards.iter().find(|c| c["id"] == id.as_str()).unwrap();
    assert_eq!(
        card["note"],
        "At Acme our resolvers \"flapped\" on TCP fallback."
    );
    assert!(
        cards.iter().filter(|c| c.get("note").is_some()).count() == 1,
        "only that card has a note"
    );

    // By question too; an editor that fails, or a file left empty, changes nothing.
    let failing = editor_script(home.path(), "fail.sh", "echo junk > \"$1\"; exit 3");
    let out = run_with_editor(
        home.path(),
        &[
            "notes",
            "edit",
            "what port does dns use?",
            "--path",
            &fixture,
        ],
        &failing,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("exited with exit status: 3"), "{err}");
    assert!(err.contains("is unchanged"), "{err}");
    let emptier = editor_script(home.path(), "empty.sh", ": > \"$1\"");
    let out = run_with_editor(
        home.path(),
        &["notes", "edit", "DNS use", "--path", &fixture],
        &emptier,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("the file came back empty"),
        "{}",
        stdout(&out)
    );
    let out = run_in(home.path(), &["notes", "show", &id, "--path", &fixture], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("At Acme our resolvers \"flapped\" on TCP fallback."),
        "{}",
        stdout(&out)
    );
}

#[test]
fn notes_import_list_show_and_the_other_exports() {
    let home = tempfile::tempdir().unwrap();
    let fixture = layout_fixture("qa_lines.txt");
    let id = dns_id();
    let file = home.path().join("mine.md");
    std::fs::write(
        &file,
        format!("# Mine\n\n## {id}\n\nOur DNS story.\n\n## What does `set -e` do in a script?\n\nA deploy script that stopped half way.\n"),
    )
    .unwrap();
    let bad = home.path().join("bad.md");
    std::fs::write(&bad, "## No such question at all\n\ntext\n\n## Shell\n\n").unwrap();
    let out = run_in(
        home.path(),
        &[
            "notes",
            "import",
            &bad.display().to_string(),
            "--path",
            &fixture,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.md:1: no card has the id or question `No such question at all`"),
        "{err}"
    );
    assert!(
        err.contains("bad.md:5: no answer under `## Shell`"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");
    assert!(store(home.path()).notes().unwrap().is_empty());

    let out = run_in(
        home.path(),
        &[
            "notes",
            "import",
            &file.display().to_string(),
            "--path",
            &fixture,
        ],
        "",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout(&out).contains("imported 2 own answers"),
        "{}",
        stdout(&out)
    );

    let out = run_in(home.path(), &["notes", "list", "--path", &fixture], "");
    let text = stdout(&out);
    assert!(text.contains(&format!("{id}  ")), "{text}");
    assert!(
        text.contains("Shell › What does `set -e` do in a script?"),
        "{text}"
    );
    assert!(
        text.contains("    A deploy script that stopped half way."),
        "{text}"
    );
    let out = run_in(
        home.path(),
        &["notes", "list", "--json", "--path", &fixture],
        "",
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == id.as_str()
                && r["note"] == "Our DNS story."
                && r["in_content"] == true)
    );

    let out = run_in(
        home.path(),
        &["notes", "show", "TTL mean", "--path", &fixture],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no own answer yet"));
    let out = run_in(
        home.path(),
        &["notes", "show", "What", "--path", &fixture],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("questions contain `What`"));

    let out = run_in(
        home.path(),
        &["export", "--format", "markdown", "--with-notes", &fixture],
        "",
    );
    let text = stdout(&out);
    assert!(text.contains("# Your own answers"), "{text}");
    assert!(
        text.contains("## What port does DNS use?\n\nOur DNS story.\n"),
        "{text}"
    );
    let out = run_in(
        home.path(),
        &["export", "--format", "markdown", &fixture],
        "",
    );
    assert!(!stdout(&out).contains("Our DNS story"));
    let out = run_in(home.path(), &["export", "--format", "report", &fixture], "");
    let text = stdout(&out);
    assert!(
        text.starts_with("id,topic,question,state,due,reps,lapses,last_grade,flagged,own_answer\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{id},Qa Lines › Networking,What port does DNS use?,new,,0,0,,,Our DNS story."
        )),
        "{text}"
    );
}

#[test]
fn stats_count_the_own_answers() {
    let home = tempfile::tempdir().unwrap();
    let fixture = layout_fixture("qa_lines.txt");
    store(home.path())
        .save_note(&dns_id(), "Our DNS story.", 1_795_000_000)
        .unwrap();
    let out = run_in(home.path(), &["stats", &fixture], "");
    assert!(
        stdout(&out).contains("your own answers: 1 of 4 cards\n"),
        "{}",
        stdout(&out)
    );
    let out = run_in(home.path(), &["stats", "--json", &fixture], "");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["own_answers"]["cards"], 1);
    assert_eq!(v["own_answers"]["behavioural"], 0);
}

#[test]
fn the_story_bank_is_printed_and_exported() {
    let home = tempfile::tempdir().unwrap();
    let fixture = layout_fixture("qa_lines.txt");
    let story = prepdeck::store::Story {
        title: "The resolver outage".to_string(),
        situation: "Half the fleet lost DNS".to_string(),
        cards: vec![dns_id()],
        ..prepdeck::store::Story::default()
    };
    store(home.path())
        .save_story(&story, 1_795_000_000)
        .unwrap();
    let out = run_in(home.path(), &["stories", "--markdown", &fixture], "");
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("# Story bank\n\n## The resolver outage\n"),
        "{text}"
    );
    assert!(
        text.contains("### Situation\nHalf the fleet lost DNS\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("- What port does DNS use? ({})", dns_id())),
        "{text}"
    );
    let out = run_in(home.path(), &["stories", "--json", &fixture], "");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["title"], "The resolver outage");
    let out = run_in(home.path(), &["export", "--format", "json", &fixture], "");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stories"][0]["cards"][0], dns_id().as_str());
}
