//! The command line itself: help for every subcommand, version, completions, man page,
//! and usage errors with suggestions.

use crate::common::{layout_fixture, prepdeck};

use std::process::Command;

const SUBCOMMANDS: [&str; 15] = [
    "check",
    "review",
    "mock",
    "stats",
    "plan",
    "optimize",
    "prune",
    "backup",
    "restore",
    "export",
    "completions",
    "man",
    "config",
    "notes",
    "stories",
];

#[test]
fn every_subcommand_has_help_with_examples() {
    let top = prepdeck(&["--help"]);
    assert_eq!(top.status.code(), Some(0));
    let text = String::from_utf8(top.stdout).unwrap();
    for sub in SUBCOMMANDS {
        assert!(
            text.contains(&format!("  {sub} ")),
            "top-level help lists {sub}"
        );
        let out = prepdeck(&[sub, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{sub} --help");
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("Examples:"), "{sub} --help has examples");
    }
    assert!(
        text.contains("Browser keys"),
        "the keys are documented in --help"
    );
}

#[test]
fn version_names_the_version() {
    let out = prepdeck(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(&format!("prepdeck {}", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = prepdeck(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("prepdeck") && text.contains("review") && text.len() > 1000,
            "{shell}"
        );
    }
    assert_eq!(prepdeck(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_man_page_renders() {
    let out = prepdeck(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH prepdeck 1"));
    assert!(page.contains(".SH NAME") && page.contains(".SH SUBCOMMANDS"));
}

#[test]
fn unknown_flags_are_usage_errors_with_a_suggestion() {
    let out = prepdeck(&["check", "--stric"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--strict"), "suggests the flag meant: {err}");
    assert_eq!(
        prepdeck(&["reveiw"]).status.code(),
        Some(2),
        "an unknown path is a usage error"
    );
    let out = prepdeck(&["mock", "--per-question", "4x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("unknown unit")
    );
}

#[test]
fn config_default_is_complete_and_valid() {
    let out = prepdeck(&["config", "--default"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for key in [
        "content_dirs",
        "show_bundled",
        "theme",
        "desired_retention",
        "[keys.browse]",
        "[keys.review]",
        "[keys.mock]",
    ] {
        assert!(text.contains(key), "{key}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, &text).unwrap();
    let check = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(["config", "--config"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn a_bad_config_stops_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    for (text, needle) in [
        ("theme = \"light\"\nbogus = 1\n", ":2:1:"),
        ("show_bundled = \"yes\"\n", ":1:"),
        ("theme = \"nope\"\n", "unknown theme `nope`"),
        ("[keys.browse]\nsearch = [\"j\"]\n", "bound to both"),
    ] {
        std::fs::write(&file, text).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
            .args(["stats", "--config"])
            .arg(&file)
            .env("PREPDECK_DATA_DIR", dir.path().join("data"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(needle), "{text}: {err}");
        assert!(
            !dir.path().join("data").exists(),
            "nothing written for {text}"
        );
    }
}

#[test]
fn a_misspelt_subcommand_is_named_but_a_real_path_of_that_name_still_opens() {
    let out = prepdeck(&["reveiw"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("did you mean `prepdeck review`?"),
        "{stderr}"
    );
    let out = prepdeck(&["stas"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `prepdeck stats`?"));
    // A file called `reveiw` is content: `check reveiw` reads it.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reveiw");
    std::fs::write(&file, "## Q?\n\n### Answer\nA.\n").unwrap();
    let out = prepdeck(&["check", file.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn restore_names_what_is_wrong_with_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let out = prepdeck(&["restore", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("not a prepdeck backup") && stderr.contains("is a folder"),
        "{stderr}"
    );
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database at all\n").unwrap();
    let out = prepdeck(&["restore", junk.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("not a prepdeck backup"), "{stderr}");
    assert!(
        !stderr.contains("Move it aside"),
        "live-database advice: {stderr}"
    );
    let out = prepdeck(&["restore", "/dev/null"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is not a regular file"), "{stderr}");
}

#[test]
fn export_to_a_file_says_what_it_wrote_and_a_missing_config_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("deck.txt");
    let out = prepdeck(&[
        "export",
        "--format",
        "anki",
        "--out",
        out_file.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("212 cards to ") && stderr.contains("deck.txt (anki)"),
        "{stderr}"
    );
    let missing = dir.path().join("nope.toml");
    let out = prepdeck(&["--config", missing.to_str().unwrap(), "stats"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("prepdeck config --default >"), "{stderr}");
    assert!(!missing.exists(), "nothing is created");
}

/// A progress database in `home`/data with one Good review of each card id.
fn data_with_reviews(home: &std::path::Path, ids: &[&str]) -> prepdeck::store::Store {
    use prepdeck::schedule::{Grade, Scheduler};
    use prepdeck::store::{NewReview, ReviewMode, Store};
    let mut store = Store::open(Some(&home.join("data"))).unwrap();
    let at = 1_795_000_000;
    for id in ids {
        let review = NewReview {
            card_id: (*id).to_string(),
            at,
            grade: Grade::Good,
            time_taken_ms: 1000,
            coverage: None,
            mode: ReviewMode::Review,
            typed_answer: None,
        };
        let next =
            Scheduler::default().grade(&review.card_id, &Default::default(), Grade::Good, at);
        store.record(&review, Some(&next)).unwrap();
    }
    store
}

#[test]
fn stats_for_a_path_count_only_its_cards_and_say_so() {
    let home = tempfile::tempdir().unwrap();
    // A review of a card that is not in the file given.
    drop(data_with_reviews(home.path(), &["elsewhere"]));
    let out = crate::common::prepdeck_in(home.path(), &["stats", &layout_fixture("qa_lines.txt")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Figures for the cards in the files given"),
        "{text}"
    );
    assert!(
        text.contains("0 reviews"),
        "the other card's review is not counted: {text}"
    );
}

#[test]
fn prune_names_the_cards_it_drops_and_never_offers_the_bundled_bank() {
    use prepdeck::load::{ContentSource, load};
    let home = tempfile::tempdir().unwrap();
    let bank = load(&[ContentSource::Bundled]).unwrap();
    let bank_card = bank.cards[0].id.clone();
    let mut store = data_with_reviews(home.path(), &[bank_card.as_str(), "0123456789ab"]);
    store
        .remember_labels([(
            "0123456789ab",
            prepdeck::store::label_of(&["Old topic".to_string()], "A question that left?"),
        )])
        .unwrap();
    drop(store);
    let out = crate::common::prepdeck_in(
        home.path(),
        &["prune", "--yes", &layout_fixture("qa_lines.txt")],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("progress kept for 1 card that is not in the content given"),
        "{text}"
    );
    assert!(
        text.contains("  Old topic › A question that left? [0123456789ab]: 1 review, last "),
        "{text}"
    );
    assert!(!text.contains(&bank_card), "bundled card offered: {text}");
    let store = prepdeck::store::Store::open(Some(&home.path().join("data"))).unwrap();
    assert!(
        store.state(&bank_card).unwrap().is_some(),
        "bundled progress kept"
    );
    assert!(
        store.state("0123456789ab").unwrap().is_none(),
        "orphan dropped"
    );
}

#[test]
fn opening_a_screen_names_the_cards_with_progress_rewriting_only_stale_names() {
    use prepdeck::load::{ContentSource, load};
    let home = tempfile::tempdir().unwrap();
    let bank = load(&[ContentSource::Bundled]).unwrap();
    let (first, second) = (&bank.cards[0], &bank.cards[1]);
    let mut store = data_with_reviews(home.path(), &[first.id.as_str(), second.id.as_str()]);
    let right = prepdeck::store::label_of(&second.topic, &second.question);
    store
        .remember_labels([
            (
                first.id.as_str(),
                "A name from before the card moved".to_string(),
            ),
            (second.id.as_str(), right.clone()),
        ])
        .unwrap();
    drop(store);
    // Nothing is flagged: the review says so and ends, after the progress is opened.
    let out = crate::common::prepdeck_in(home.path(), &["review", "--flagged"]);
    assert_eq!(out.status.code(), Some(0));
    let store = prepdeck::store::Store::open(Some(&home.path().join("data"))).unwrap();
    let labels = store.labels().unwrap();
    assert_eq!(
        labels[&first.id],
        prepdeck::store::label_of(&first.topic, &first.question)
    );
    assert_eq!(labels[&second.id], right);
    assert_eq!(labels.len(), 2, "only cards with progress are named");
}

#[test]
fn review_flagged_with_no_flag_says_so_and_names_the_key() {
    let home = tempfile::tempdir().unwrap();
    let out = crate::common::prepdeck_in(home.path(), &["review", "--flagged"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "nothing to review in the deck: no card is flagged (f flags a card in review)"
        ),
        "{text}"
    );
}
