//! `prepdeck export` as a person runs it: every format, `--out`, and usage errors.

use crate::common::{layout_fixture, prepdeck};

#[test]
fn markdown_to_a_file_checks_clean_with_the_same_ids() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hints.md");
    let run = prepdeck(&[
        "export",
        "--format",
        "markdown",
        "--out",
        out.to_str().unwrap(),
        &layout_fixture("hints.md"),
    ]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert!(run.stdout.is_empty());
    let ids = |path: &str| -> Vec<String> {
        let json = prepdeck(&["check", "--json", path]);
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        v["cards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&layout_fixture("hints.md")), ids(out.to_str().unwrap()));
    // Hint cards have key points but no short answer, which `check` points out.
    let check = prepdeck(&["check", out.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    let text = String::from_utf8(check.stdout).unwrap();
    assert!(text.contains("canonical  1 topic, 3 cards"), "{text}");
    assert!(text.ends_with("3 cards: 0 errors, 3 warnings\n"), "{text}");
}

#[test]
fn anki_json_and_report_go_to_stdout() {
    let anki = prepdeck(&[
        "export",
        "--format",
        "anki",
        &layout_fixture("qa_lines.txt"),
    ]);
    assert_eq!(anki.status.code(), Some(0));
    let text = String::from_utf8(anki.stdout).unwrap();
    assert!(text.starts_with(prepdeck::export::anki::HEADER), "{text}");
    assert_eq!(text.lines().count(), 6 + 4);

    let json = prepdeck(&["export", "--format", "json", &layout_fixture("design.md")]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["files"][0]["layout"], "design");
    assert_eq!(v["cards"].as_array().unwrap().len(), 1);

    let report = prepdeck(&[
        "export",
        "--format",
        "report",
        &layout_fixture("qa_lines.txt"),
    ]);
    let text = String::from_utf8(report.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "id,topic,question,state,due,reps,lapses,last_grade,flagged,own_answer"
    );
    assert_eq!(lines.len(), 5);
    assert!(
        lines[1..].iter().all(|l| l.ends_with(",new,,0,0,,,")),
        "{text}"
    );
}

#[test]
fn a_missing_format_or_path_is_a_usage_error() {
    assert_eq!(prepdeck(&["export"]).status.code(), Some(2));
    let missing = prepdeck(&["export", "--format", "json", "no/such/file.md"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8(missing.stderr)
            .unwrap()
            .contains("no such file or folder")
    );
    let stray = prepdeck(&["export", "--format", "json", "--deck-prefix", "x"]);
    assert_eq!(stray.status.code(), Some(2));
    assert!(
        String::from_utf8(stray.stderr)
            .unwrap()
            .contains("--deck-prefix names the Anki deck")
    );
}

#[test]
fn anki_decks_sit_under_the_prefix_given() {
    let qa = layout_fixture("qa_lines.txt");
    let default = prepdeck(&["export", "--format", "anki", &qa]);
    let named = prepdeck(&[
        "export",
        "--format",
        "anki",
        "--deck-prefix",
        "Jobs::SRE",
        &qa,
    ]);
    for (run, root) in [(default, "prepdeck::"), (named, "Jobs::SRE::")] {
        assert_eq!(run.status.code(), Some(0), "{run:?}");
        let text = String::from_utf8(run.stdout).unwrap();
        let decks: Vec<&str> = text
            .lines()
            .skip(6)
            .map(|row| row.split('\t').nth(3).unwrap())
            .collect();
        assert_eq!(decks.len(), 4);
        assert!(decks.iter().all(|d| d.starts_with(root)), "{decks:?}");
    }
}

#[test]
fn errors_in_the_files_still_export_and_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, "+++\ntitle = \n+++\n## Q?\n\n### Answer\nA.\n").unwrap();
    let out = prepdeck(&["export", "--format", "report", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("front matter")
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("id,topic")
    );
}

/// A question file full of what must never reach a terminal: escape sequences (an OSC 52
/// clipboard write, an OSC 0 title), a bell, a bidirectional override.
const HOSTILE: &str = "# Evil \x1b]0;title\x07 topic\n\n\
## Which \u{202E}fdp.exe is it \x1b]52;c;cHduZWQ=\x07?\n\n\
Tags: evil\x1b[31m\n\n\
### Answer\nclip \x1b[2J bell \x07 end\n\n\
### Key points\n- point \x1b]0;pwned\x07\n\n\
### Table\n| a\x1b[1m | b |\n|---|---|\n| \u{202E}x | y\x07 |\n\n\
### Detail\n```\n\tindented \x1b[31m code\n```\n";

#[test]
fn no_export_and_no_warning_carries_a_control_character_or_an_override() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.md");
    // A duplicate question makes a warning that quotes the file's text.
    std::fs::write(&file, format!("{HOSTILE}\n{HOSTILE}")).unwrap();
    let path = file.to_str().unwrap();
    for format in ["anki", "markdown", "json", "report"] {
        let out = prepdeck(&["export", "--format", format, path]);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            for bad in ['\x1b', '\x07', '\u{202E}', '\u{9b}'] {
                assert!(
                    !text.contains(bad),
                    "{format} {stream} carries {bad:?}:\n{text}"
                );
            }
        }
        assert!(!out.stdout.is_empty(), "{format} wrote nothing");
        if format == "json" {
            // Escaped, not lost: the JSON still reads back to the same question.
            let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let question = doc["cards"][0]["question"].as_str().unwrap();
            assert!(
                question.contains('\u{202E}') || question.contains("fdp.exe"),
                "{question}"
            );
        }
    }
    assert!(
        String::from_utf8_lossy(&prepdeck(&["check", path]).stdout).contains('\u{241b}'),
        "check shows escapes as placeholders"
    );
}

#[test]
fn flags_travel_in_the_json_and_report_exports() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let fixture = layout_fixture("qa_lines.txt");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_prepdeck"))
            .args(args)
            .env_remove("PREPDECK_CONFIG")
            .env("PREPDECK_DATA_DIR", &data)
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .output()
            .unwrap()
    };
    let json = run(&["export", "--format", "json", &fixture]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let id = v["cards"][1]["id"].as_str().unwrap().to_string();
    assert_eq!(v["cards"][1]["flagged"], false);
    let mut store = prepdeck::store::Store::open(Some(&data)).unwrap();
    store.set_flag(&id, true).unwrap();
    drop(store);
    let json = run(&["export", "--format", "json", &fixture]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["cards"][1]["flagged"], true);
    assert_eq!(v["cards"][0]["flagged"], false);
    let report = run(&["export", "--format", "report", &fixture]);
    let text = String::from_utf8(report.stdout).unwrap();
    let row = text.lines().find(|l| l.starts_with(&id)).unwrap();
    assert!(row.ends_with(",yes,"), "{row}");
    let stats = run(&["stats", &fixture]);
    let text = String::from_utf8(stats.stdout).unwrap();
    assert!(text.contains("1 flagged for another look"), "{text}");
}
