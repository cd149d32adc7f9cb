//! `prepdeck check` as a person runs it: output, JSON shape, exit statuses, real corpora.

use crate::common::{layout_fixture, prepdeck};

use std::path::PathBuf;
use std::process::Command;

#[test]
fn human_output_names_layout_topics_and_cards() {
    let out = prepdeck(&[
        "check",
        &layout_fixture("canonical.md"),
        &layout_fixture("numbered.md"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("canonical.md  canonical  2 topics, 3 cards"),
        "{text}"
    );
    assert!(
        text.contains("numbered.md  numbered-labels  1 topic, 2 cards"),
        "{text}"
    );
    assert!(
        text.ends_with("2 files, 3 topics, 5 cards: 0 errors, 0 warnings\n"),
        "{text}"
    );
}

#[test]
fn warnings_pass_unless_strict() {
    // In a folder, a file without cards is a warning; named alone it is a failure
    // (see `a_file_named_on_the_command_line_that_gives_no_cards_fails…`).
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        layout_fixture("no_cards.md"),
        dir.path().join("no_cards.md"),
    )
    .unwrap();
    std::fs::copy(
        layout_fixture("canonical.md"),
        dir.path().join("canonical.md"),
    )
    .unwrap();
    let f = dir.path().to_str().unwrap();
    let out = prepdeck(&["check", f]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("no_cards.md:1: warning: no cards found"),
        "{text}"
    );
    assert_eq!(prepdeck(&["check", "--strict", f]).status.code(), Some(1));
}

#[test]
fn errors_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, "+++\ntitle = [\n+++\n## Q?\n### Answer\nA\n").unwrap();
    let out = prepdeck(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("bad.md:2: error: front matter is not valid TOML")
    );
}

#[test]
fn missing_path_is_a_usage_error_naming_it() {
    let out = prepdeck(&["check", "/no/such/prepdeck/path"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("/no/such/prepdeck/path: no such file or folder"),
        "{err}"
    );
    assert_eq!(
        prepdeck(&["check", "--no-such-flag"]).status.code(),
        Some(2)
    );
}

#[test]
fn json_has_the_documented_shape() {
    let out = prepdeck(&[
        "check",
        "--json",
        &layout_fixture("canonical.md"),
        &layout_fixture("no_cards.md"),
    ]);
    // no_cards.md is named on the command line and gives no cards.
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = &v["files"][0];
    assert!(file["path"].as_str().unwrap().ends_with("canonical.md"));
    assert_eq!(file["layout"], "canonical");
    assert_eq!(file["topics"], 2);
    assert_eq!(file["cards"], 3);
    assert_eq!(
        v["topics"][0]["path"],
        serde_json::json!(["Caching and Queues"])
    );
    assert_eq!(v["topics"][0]["cards"], 3);
    let card = &v["cards"][0];
    for key in [
        "id",
        "topic",
        "question",
        "why",
        "answer",
        "key_points",
        "detail",
        "tables",
        "takeaway",
        "example",
        "follow_ups",
        "tags",
        "source",
    ] {
        assert!(card.get(key).is_some(), "card has {key}");
    }
    assert_eq!(
        card["tables"][0]["align"],
        serde_json::json!(["left", "center", "right"])
    );
    assert_eq!(card["source"]["line"], 10);
    assert!(v["cards"][1]["why"].is_null());
    assert_eq!(v["warnings"][0]["line"], 1);
    assert!(
        v["warnings"][0]["file"]
            .as_str()
            .unwrap()
            .ends_with("no_cards.md")
    );
    assert_eq!(v["errors"], serde_json::json!([]));
}

#[test]
fn bundled_content_passes_strict() {
    let out = prepdeck(&["check", "--strict"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("<bundled>/"), "{text}");
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("evil.md");
    std::fs::write(&f, "# \x1b]0;pwned\x07 notes\n\n\x1b[2J text\n").unwrap();
    let out = prepdeck(&["check", f.to_str().unwrap()]);
    assert!(!out.stdout.contains(&0x1b), "no escape byte in the report");
}

/// The real public question banks in ../shared/corpora: never a crash, exit 0 or 1.
#[test]
fn real_corpora_never_crash() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    if !dir.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/corpora"
        );
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") && !path.ends_with("README.md") {
            let out = prepdeck(&["check", path.to_str().unwrap()]);
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{}",
                path.display()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 4);
}

#[test]
fn progress_of_cards_no_longer_in_the_content_is_counted() {
    use prepdeck::schedule::{CardState, Grade};
    use prepdeck::store::{NewReview, ReviewMode, Store};
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open(Some(data.path())).unwrap();
    for id in ["gone-1", "gone-2"] {
        store
            .record(
                &NewReview {
                    card_id: id.to_string(),
                    at: 1_795_349_100,
                    grade: Grade::Good,
                    time_taken_ms: 1000,
                    coverage: None,
                    mode: ReviewMode::Review,
                    typed_answer: None,
                },
                Some(&CardState::new_card()),
            )
            .unwrap();
    }
    drop(store);
    let out = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(["check", "--data-dir"])
        .arg(data.path())
        .arg(layout_fixture("canonical.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("2 cards with saved progress are not in the files checked"),
        "{text}"
    );
    let store = Store::open(Some(data.path())).unwrap();
    assert_eq!(
        store.load_states().unwrap().len(),
        2,
        "check removes nothing"
    );
}

#[test]
fn a_file_named_on_the_command_line_that_gives_no_cards_fails_and_says_where_to_look() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.md");
    std::fs::write(&notes, "# My notes\n\nSome prose about Kubernetes.\n").unwrap();
    let out = prepdeck(&["check", notes.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("notes.md gave no cards") && stderr.contains("prepdeck check --formats"),
        "{stderr}"
    );
    // In a folder, a file without cards beside one with cards stays a warning.
    std::fs::write(
        dir.path().join("ok.md"),
        "## What is X?\n\n### Answer\nY.\n",
    )
    .unwrap();
    let out = prepdeck(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_format_guide_comes_with_the_binary() {
    let out = prepdeck(&["check", "--formats"]);
    assert_eq!(out.status.code(), Some(0));
    let guide = String::from_utf8(out.stdout).unwrap();
    for layout in prepdeck::parse::Layout::READABLE {
        assert!(guide.contains(&format!("**{layout}**")), "{layout}");
    }
    assert!(guide.contains("# Writing questions for prepdeck"));
    assert!(guide.contains("## How does a load balancer decide a backend is healthy?"));
    assert_eq!(
        prepdeck(&["check", "--formats", "--json"]).status.code(),
        Some(2)
    );
}
