//! Tables of cards: a saved Anki "Notes in Plain Text" export with its traps, CSV and
//! TSV files with a header row, and prepdeck's own Anki export read back.

use std::collections::HashSet;

use prepdeck::export::{anki, markdown};
use prepdeck::load::{ContentSource, bundled_files, load, load_text};

use crate::common::{card_starting as card, load_layout_fixture as load_fixture, prepdeck};

fn fixture(rel: &str) -> String {
    format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_saved_anki_export_gives_its_notes_with_their_traps() {
    let deck = load_fixture("anki_export.txt");
    assert_eq!(deck.files[0].layout, "anki-text");
    assert_eq!(deck.cards.len(), 5);
    let warnings: Vec<String> = deck.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].ends_with(
            "anki_export.txt:13: row skipped: its question (field 4) is empty; 6 fields in the row"
        ),
        "{warnings:?}"
    );

    // HTML lists, `<div>` lines and `&nbsp;`; the deck's shared root titles the file.
    let pod = card(&deck, "What is a Pod?");
    assert_eq!(pod.id, "Ot0!xywPWG", "the GUID is the id");
    assert_eq!(pod.topic, ["Interviews", "Kubernetes", "Workloads"]);
    assert_eq!(
        pod.answer.as_deref(),
        Some(
            "The smallest thing Kubernetes schedules: one or more containers\\\nthat share a network namespace and volumes."
        )
    );
    assert_eq!(
        pod.key_points,
        ["One IP per Pod", "Containers are scheduled **together**"]
    );
    assert_eq!(pod.tags, ["k8s", "basics"]);

    // A quoted GUID starting with `#`, `&#35;` in the front, `<br>` lines.
    let hash = card(&deck, "#1 cause of Pod restarts?");
    assert_eq!(hash.id, "#g9;Lk2");
    assert_eq!(
        hash.answer.as_deref(),
        Some("OOM kills\\\nand failing liveness probes\n\nCheck `kubectl describe pod`.")
    );

    // A quoted field over three lines with a real tab in it, and doubled quotes.
    let tab = card(&deck, "How do you keep a \"tab\" in a heredoc?");
    assert_eq!(tab.source.line, 9);
    assert_eq!(
        tab.answer.as_deref(),
        Some("```\ncat <<-EOF\n\tindented with a tab\nEOF\n```\n\nUse *<<-* only with tabs.")
    );
    assert_eq!(tab.topic, ["Interviews", "Shell"]);

    // The comment row is skipped; the row after it keeps its own line.
    let review = card(&deck, "How do you run an incident review?");
    assert_eq!(review.source.line, 14);
    assert_eq!(
        review.answer.as_deref(),
        Some("Blameless, within a week.\n\n1. Timeline\n2. Causes\n3. Actions with owners")
    );
    assert_eq!(review.takeaway.as_deref(), Some("Fix systems, not people."));

    let cloze = card(&deck, "[…] stores the cluster state");
    assert_eq!(
        cloze.answer.as_deref(),
        Some("**etcd** stores the cluster state; the API server is its **only client**.")
    );
    assert_eq!(
        cloze.detail.as_deref(),
        Some("Raft keeps the copies in step.")
    );
}

#[test]
fn a_csv_with_a_header_row() {
    let deck = load_fixture("cards.csv");
    assert_eq!(deck.files[0].layout, "csv");
    assert_eq!(deck.cards.len(), 4);
    let lb = card(&deck, "What does a load balancer do?");
    assert_eq!(lb.topic, ["Cards", "Networking", "Load balancing"]);
    assert_eq!(
        lb.answer.as_deref(),
        Some("Spreads requests over healthy backends, and stops sending to failed ones.")
    );
    assert_eq!(lb.tags, ["networking", "lb"]);
    let joke = card(&deck, "Why is \"it's always DNS\" a joke? (two lines)");
    assert_eq!(
        joke.answer.as_deref(),
        Some("**Because** a bad record breaks everything\\\nand caches keep it.")
    );
    assert_eq!(joke.topic, ["Cards", "Networking", "DNS"]);
    let https = card(&deck, "Which port does HTTPS use?");
    assert_eq!(https.tags, ["networking", "tls"]);
    let warnings: Vec<String> = deck.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("cards.csv:1: columns not read: `source`"));
    assert!(warnings[1].contains("cards.csv:6: row skipped"));
}

#[test]
fn a_tsv_with_front_and_back_columns() {
    let deck = load_fixture("glossary.tsv");
    assert_eq!(deck.files[0].layout, "csv");
    assert_eq!(deck.cards.len(), 2);
    let c = card(&deck, "What does `set -u` do?");
    assert_eq!(
        c.answer.as_deref(),
        Some("Treats unset variables as an error.")
    );
    assert_eq!(c.topic, ["Glossary"]);
    assert!(deck.warnings.is_empty(), "{:?}", deck.warnings);
}

#[test]
fn folders_hold_csv_and_tsv_files_and_a_bad_table_says_why() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.csv"), "question;answer\nQ1?;A1\n").unwrap();
    std::fs::write(dir.path().join("b.tsv"), "front\tback\nQ2?\tA2\n").unwrap();
    std::fs::write(dir.path().join("c.csv"), "Q3?,A3\n").unwrap();
    let deck = load(&[ContentSource::Path(dir.path().to_path_buf())]).unwrap();
    assert_eq!(deck.cards.len(), 2);
    assert!(deck.warnings.iter().any(|w| w.file.ends_with("c.csv")
        && w.message.contains("the first row should name the columns")));
    let named = prepdeck(&["check", dir.path().join("c.csv").to_str().unwrap()]);
    assert_eq!(named.status.code(), Some(1), "a named file without cards");
}

#[test]
fn the_bundled_bank_survives_an_anki_round_trip() {
    let original = load(&[ContentSource::Bundled]).unwrap();
    assert!(!bundled_files().is_empty());
    let text = anki::export(&original.cards, "prepdeck");
    let back = load_text("bank.txt", &text);
    assert_eq!(back.files[0].layout, "anki-text");
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(back.cards.len(), original.cards.len());
    for (a, b) in original.cards.iter().zip(&back.cards) {
        assert_eq!(a.id, b.id, "the GUID brings the id back");
        let mut topic = vec!["prepdeck".to_string()];
        topic.extend(a.topic.iter().cloned());
        assert_eq!(topic, b.topic);
        assert_eq!(a.question, b.question);
        assert_eq!(a.answer, b.answer, "{}", a.question);
        assert_eq!(a.key_points, b.key_points, "{}", a.question);
        assert_eq!(a.takeaway, b.takeaway, "{}", a.question);
        assert_eq!(a.tags, b.tags);
    }
}

#[test]
fn the_export_traps_come_back_apart_and_whole() {
    let traps = load(&[ContentSource::Path(fixture("anki/traps").into())]).unwrap();
    assert_eq!(traps.cards.len(), 6);
    let text = anki::export(&traps.cards, "prepdeck");
    let back = load_text("traps-export.txt", &text);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(back.cards.len(), 6, "no row is read as a comment");
    let ids: HashSet<&str> = back.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 6, "three cards share a question, none merge");
    for (a, b) in traps.cards.iter().zip(&back.cards) {
        assert_eq!((&a.id, &a.question), (&b.id, &b.question));
        if !a.answer.as_deref().unwrap_or_default().contains('<') {
            assert_eq!(a.answer, b.answer);
        }
    }
    // Raw HTML comes back as the markdown it meant, the same in question and answer.
    let html = card(&back, "What does Ctrl-C send");
    assert_eq!(
        html.answer.as_deref(),
        Some(
            "It sends **SIGINT**; a `key` stays formatted and alert(1) is dropped, its text kept."
        )
    );
    let make = card(&back, "How do you keep the tabs in a Makefile rule?");
    assert!(
        make.answer
            .as_deref()
            .unwrap()
            .contains("build:\n\tgo build ./...\n\tgo vet ./..."),
        "{:?}",
        make.answer
    );
    assert_eq!(
        make.takeaway.as_deref(),
        Some("Recipes start with a \"tab\" & nothing else.")
    );
    assert!(
        back.cards
            .iter()
            .any(|c| c.question == "#1 cause of outages: what is it?")
    );
}

#[test]
fn cards_read_from_anki_keep_their_guids_as_markdown() {
    let deck = load_fixture("anki_export.txt");
    let text = markdown::export(&deck.cards);
    let back = load_text("converted.md", &text);
    assert!(back.warnings.is_empty(), "{:?}\n{text}", back.warnings);
    let ids = |d: &prepdeck::load::Deck| d.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&back), ids(&deck));
    assert!(text.contains("Id: Ot0!xywPWG\n"), "{text}");
}
