//! `prepdeck mock --answers FILE`: headings name cards by id, by question or by a close
//! match; `--json` prints exactly the documented shape; an unknown heading is listed and
//! exits 1; an unreadable, empty or heading-less file exits 2; the mock is saved as
//! `written` unless `--no-save`.

use std::path::Path;
use std::process::{Command, Output};

use prepdeck::store::Store;
use serde_json::Value;

/// Two cards of our own, one with an explicit id.
const DECK: &str = "## What does a readiness probe do?\n\nId: k8s-readiness\n\n### Answer\nGates traffic.\n\n### Key points\n- A failing readiness probe stops Services routing new requests to the pod, without restarting it\n- If every pod fails readiness together, the Service has no **endpoints** and clients get 503s\n\n## Why does Terraform lock state?\n\n### Answer\nSo two runs do not overwrite each other.\n\n### Key points\n- `-lock-timeout=5m` makes a queued CI job wait for the lock instead of failing at once\n";

struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("notes")).unwrap();
        std::fs::write(dir.path().join("notes/01-k8s.md"), DECK).unwrap();
        Setup { dir }
    }

    fn path(&self, rel: &str) -> String {
        self.dir.path().join(rel).display().to_string()
    }

    fn answers(&self, text: &str) -> String {
        let path = self.path("answers.md");
        std::fs::write(&path, text).unwrap();
        path
    }

    /// `prepdeck mock --answers FILE ARGS… notes/` with private config and data folders.
    fn run(&self, file: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_prepdeck"))
            .args(["mock", "--answers", file])
            .args(args)
            .arg(self.path("notes"))
            .env_remove("PREPDECK_CONFIG")
            .env("PREPDECK_DATA_DIR", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .output()
            .unwrap()
    }

    fn json(&self, text: &str, args: &[&str]) -> (Value, Output) {
        let file = self.answers(text);
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(&file, &all);
        let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is one JSON document ({e}):\n{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (value, out)
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_heading_names_its_card_by_id() {
    let s = Setup::new();
    let (json, out) = s.json(
        "## k8s-readiness\nWhen readiness fails, Services stop routing new requests to the pod, and it is not restarted. If every pod fails readiness together the Service has no endpoints, so clients get 503s.\n",
        &["--no-save"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let answer = &json["answers"][0];
    assert_eq!(answer["id"], "k8s-readiness");
    assert_eq!(answer["question"], "What does a readiness probe do?");
    assert_eq!(answer["suggested_grade"], "good");
    let points = answer["key_points"].as_array().unwrap();
    assert_eq!(points.len(), 2);
    for p in points {
        assert_eq!(p["covered"], true, "{p}");
        assert!(p["doubt"].is_null());
        assert!(!p["evidence"].as_array().unwrap().is_empty());
    }
    assert_eq!(json["unmatched"], serde_json::json!([]));
}

#[test]
fn a_heading_names_its_card_by_question_and_the_shape_is_exact() {
    let s = Setup::new();
    let (json, out) = s.json(
        "# Notes before the first heading are not an answer\n\n## why does terraform lock STATE\nIn CI I set -lock-timeout=0 so queued jobs fail fast instead of waiting for the lock.\n",
        &["--no-save"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("close match"),
        "an exact question is no close match"
    );
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&json), ["answers", "unmatched"]);
    let answer = &json["answers"][0];
    assert_eq!(
        keys(answer),
        ["id", "key_points", "question", "suggested_grade"]
    );
    let point = &answer["key_points"][0];
    assert_eq!(keys(point), ["covered", "doubt", "evidence", "text"]);
    assert_eq!(answer["question"], "Why does Terraform lock state?");
    // The answer names the right things and says the opposite: the third verdict.
    assert_eq!(point["covered"], false);
    assert_eq!(point["doubt"], "says 0, the point says 5m");
    assert_eq!(answer["suggested_grade"], "again");
}

#[test]
fn a_close_heading_is_accepted_and_reported() {
    let s = Setup::new();
    let file = s.answers(
        "## What does the readiness probe do for a pod?\nIt takes the pod out of the Service.\n",
    );
    let out = s.run(&file, &["--no-save"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("answers.md:1: “What does the readiness probe do for a pod?” taken as the close match “What does a readiness probe do?”"),
        "{err}"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("1. What does a readiness probe do? · suggested grade"),
        "{text}"
    );
}

#[test]
fn an_unknown_heading_is_listed_and_exits_one_while_the_rest_is_judged() {
    let s = Setup::new();
    let (json, out) = s.json(
        "## k8s-readiness\nIt stops traffic to the pod.\n\n## How does BGP anycast fail?\nNo idea.\n",
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        json["unmatched"],
        serde_json::json!(["How does BGP anycast fail?"])
    );
    assert_eq!(json["answers"].as_array().unwrap().len(), 1);
    assert!(
        stderr(&out).contains("answers.md:4: “How does BGP anycast fail?” names no card"),
        "{}",
        stderr(&out)
    );
    // The judged answer is still saved, as a written mock that moves no schedule.
    let store = Store::open(Some(Path::new(&s.path("data")))).unwrap();
    let mocks = store.mocks().unwrap();
    assert_eq!(mocks.len(), 1);
    let settings: Value = serde_json::from_str(&mocks[0].settings).unwrap();
    assert_eq!(settings["mode"], "written");
    assert_eq!(mocks[0].answers[0].card_id, "k8s-readiness");
    assert!(store.log(None).unwrap().is_empty(), "no review was logged");
    let history = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(["mock", "--history"])
        .env_remove("PREPDECK_CONFIG")
        .env("PREPDECK_DATA_DIR", s.path("data"))
        .env("XDG_CONFIG_HOME", s.path("config"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&history.stdout).contains(" written "));
    let report = mocks[0].report_path.clone().unwrap();
    let md = std::fs::read_to_string(report).unwrap();
    assert!(
        md.contains("written, judged from a file without a clock"),
        "{md}"
    );
    assert!(md.contains("  - matched: "), "{md}");
}

#[test]
fn no_save_touches_no_database_and_writes_only_a_named_report() {
    let s = Setup::new();
    let file = s.answers("## k8s-readiness\nIt stops traffic to the pod.\n");
    let out = s.run(&file, &["--no-save"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !Path::new(&s.path("data")).exists(),
        "no data folder was made"
    );
    let report = s.path("report.md");
    let out = s.run(&file, &["--no-save", "--report", &report]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("## 1. What does a readiness probe do?")
    );
    assert!(!Path::new(&s.path("data")).exists());
}

#[test]
fn an_unreadable_empty_or_headingless_file_exits_two_and_says_why() {
    let s = Setup::new();
    let missing = s.path("nowhere.md");
    let out = s.run(&missing, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("cannot read the answers file {missing}")),
        "{}",
        stderr(&out)
    );
    let empty = s.answers("  \n\n");
    let out = s.run(&empty, &["--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("is empty: write each answer under a `## ` heading"),
        "{}",
        stderr(&out)
    );
    let flat = s.answers("I answered everything in one paragraph.\n");
    let out = s.run(&flat, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("has no `## ` heading"),
        "{}",
        stderr(&out)
    );
    assert!(!Path::new(&s.path("data")).exists(), "nothing was saved");
}

#[test]
fn json_and_no_save_need_answers() {
    let out = crate::common::prepdeck(&["mock", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--answers"), "{}", stderr(&out));
}
