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
