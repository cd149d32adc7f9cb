//! The hint's verdicts on small, readable cases; the measured figures on the labelled
//! development set are in tests/it/hint_quality.rs.

use super::*;

fn hinter() -> Hinter {
    Hinter::new([
        "Pull-request checks (lint, unit tests, static analysis) must finish in roughly 10 minutes or engineers start batching changes",
        "`-lock-timeout=5m` makes a queued CI job wait for the lock instead of failing at once",
        "Unit tests, SAST and secret scanning run in parallel jobs to keep wall-clock time down",
        "Every flag needs an owner and a removal date, because stale flags become untested code paths",
        "Terraform 1.11 deprecated the S3 backend's `dynamodb_table` locking; configuring both during migration takes both locks",
        "The system changes when a change is made to the system",
    ])
}

#[test]
fn a_paraphrase_in_other_words_is_covered() {
    let h = hinter();
    let hint = h.point(
        "Pull-request checks (lint, unit tests, static analysis) must finish in roughly 10 minutes or engineers start batching changes",
        "PR checks have to stay under ten minutes, otherwise engineers batch their changes.",
    );
    assert_eq!(hint.verdict, Verdict::Covered, "{hint:?}");
    assert!(
        hint.evidence.iter().any(|e| e.contains("PR checks")),
        "{hint:?}"
    );
    assert!(hint.evidence.iter().any(|e| e == "ten minutes"), "{hint:?}");
}

#[test]
fn contradictions_are_doubted_with_the_cue() {
    let h = hinter();
    for (point, answer, cue) in [
        (
            "`-lock-timeout=5m` makes a queued CI job wait for the lock instead of failing at once",
            "set -lock-timeout=0 so queued CI jobs fail fast instead of waiting for the lock",
            "says 0, the point says 5m",
        ),
        (
            "Unit tests, SAST and secret scanning run in parallel jobs to keep wall-clock time down",
            "unit tests, SAST and secret scanning all run in one sequential job to keep time down",
            "says sequential, the point says parallel",
        ),
        (
            "Every flag needs an owner and a removal date, because stale flags become untested code paths",
            "flags should stay in the code forever, with an owner, so stale code paths can come back",
            "says forever, the point says removal",
        ),
        (
            "Terraform 1.11 deprecated the S3 backend's `dynamodb_table` locking; configuring both during migration takes both locks",
            "the DynamoDB table is not going away in Terraform 1.11, S3 backend locking still uses it",
            "says not going away, the point says deprecated",
        ),
    ] {
        let hint = h.point(point, answer);
        assert_eq!(hint.doubt(), Some(cue), "{answer}: {hint:?}");
        assert!(!hint.covered());
    }
}

#[test]
fn an_unrelated_answer_misses_and_names_what_is_missing() {
    let h = hinter();
    let hint = h.point(
        "Terraform 1.11 deprecated the S3 backend's `dynamodb_table` locking; configuring both during migration takes both locks",
        "Liveness probes restart containers.",
    );
    assert_eq!(hint.verdict, Verdict::Missing);
    assert!(hint.evidence.is_empty());
    assert!(!hint.missing.is_empty());
}

#[test]
fn marked_essential_terms_must_be_said() {
    let h = hinter();
    let point = "The artifact is built exactly once and referenced by its **digest** in every later environment";
    let without = h.point(
        point,
        "we build the artifact exactly once and reference it in every later environment",
    );
    assert!(!without.covered(), "{without:?}");
    assert_eq!(without.missing, ["digest"]);
    let with = h.point(
        point,
        "we build the artifact exactly once and reference its digest in every later environment",
    );
    assert!(with.covered(), "{with:?}");
    assert!(with.missing.is_empty());
}

#[test]
fn rare_words_weigh_more_than_common_ones() {
    let h = hinter();
    let common = h.weight(&Key::Word(h.stem("change")));
    let rare = h.weight(&Key::Word(h.stem("dynamodb")));
    assert!(rare > common, "{rare} vs {common}");
}

#[test]
fn evidence_scattered_across_the_answer_does_not_cover() {
    let h = hinter();
    let point = "Every flag needs an owner and a removal date, because stale flags become untested code paths";
    let together =
        "Every flag needs an owner and a removal date, or stale flags become untested code paths.";
    assert!(h.point(point, together).covered());
    let filler = " We talked about many other topics that afternoon, from lunch to the weather to the football results and the traffic on the way home.".repeat(3);
    let scattered = format!(
        "Every flag has an owner.{filler} There is a removal date.{filler} Stale ones are untested."
    );
    assert!(!h.point(point, &scattered).covered());
}

#[test]
fn spoken_transcripts_and_british_spelling_are_read() {
    let h = hinter();
    assert_eq!(british("utilisation"), "utilization");
    let hint = h.point(
        "Pull-request checks (lint, unit tests, static analysis) must finish in roughly 10 minutes or engineers start batching changes",
        "um so basically a pr runs lint and unit tests and uh we keep that at like ten minutes max otherwise people just batch stuff up",
    );
    assert!(hint.covered(), "{hint:?}");
}
