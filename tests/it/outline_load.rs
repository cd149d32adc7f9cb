//! `prepdeck check` loads an outline of each card (id, topic, question, tags, source)
//! and drops the body on the parsing thread. Everything else a load makes — ids, files,
//! counts of unanswered cards, the tree and every message — must be what a full load
//! makes, on every fixture, every generated layout and the bundled bank.

use std::path::{Path, PathBuf};

use prepdeck::load::{ContentSource, Deck, Keep, load_keeping};
use prepdeck::model::Card;

use crate::bench_corpus::corpus;

fn both(sources: &[ContentSource]) -> (Deck, Deck) {
    (
        load_keeping(sources, Keep::Everything).expect("sources exist"),
        load_keeping(sources, Keep::Outline).expect("sources exist"),
    )
}

/// What an outline keeps of a fully read card.
fn outline_of(card: &Card) -> (&str, &[String], &str, &[String], &str, usize) {
    (
        &card.id,
        &card.topic,
        &card.question,
        &card.tags,
        &card.source.file,
        card.source.line,
    )
}

fn assert_same_but_bodies(full: &Deck, outline: &Deck, what: &str) {
    assert_eq!(full.files, outline.files, "{what}: files");
    assert_eq!(full.warnings, outline.warnings, "{what}: warnings");
    assert_eq!(full.errors, outline.errors, "{what}: errors");
    assert_eq!(full.cards.len(), outline.cards.len(), "{what}: card count");
    for (whole, light) in full.cards.iter().zip(&outline.cards) {
        assert_eq!(outline_of(whole), outline_of(light), "{what}");
        assert!(
            light.answer.is_none()
                && light.why.is_none()
                && light.key_points.is_empty()
                && light.detail.is_none()
                && light.tables.is_empty()
                && light.takeaway.is_none()
                && light.example.is_none()
                && light.follow_ups.is_empty(),
            "{what}: the outline of {:?} kept its body",
            light.question
        );
    }
    let nodes = |deck: &Deck| format!("{:?}", deck.tree.nodes);
    assert_eq!(nodes(full), nodes(outline), "{what}: tree");
}

pub fn fixture_folders() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    folders
}

#[test]
fn every_fixture_file_outlines_as_it_loads() {
    let mut files = 0;
    for folder in fixture_folders() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
            .expect("fixture folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let (full, outline) = both(&[ContentSource::Path(path.clone())]);
            assert_same_but_bodies(&full, &outline, &path.display().to_string());
            files += 1;
        }
        // And each folder as one deck, walked as a folder is.
        let (full, outline) = both(&[ContentSource::Path(folder.clone())]);
        assert_same_but_bodies(&full, &outline, &folder.display().to_string());
    }
    assert!(files > 30, "only {files} fixture files found");
}

#[test]
fn the_bundled_bank_outlines_as_it_loads() {
    let (full, outline) = both(&[ContentSource::Bundled]);
    assert!(!full.cards.is_empty());
    assert_same_but_bodies(&full, &outline, "bundled bank");
}

#[test]
fn every_generated_layout_outlines_as_it_loads() {
    for layout in corpus::LAYOUTS {
        let dir = tempfile::tempdir().expect("temporary folder");
        corpus::write(dir.path(), 123, layout).expect("corpus written");
        let (full, outline) = both(&[ContentSource::Path(dir.path().to_path_buf())]);
        assert_eq!(full.cards.len(), 123, "{layout}");
        assert_same_but_bodies(&full, &outline, layout);
    }
}

#[test]
fn check_reports_the_same_whatever_is_kept() {
    // The human report comes from an outline and the JSON one from the whole cards:
    // both count the same cards, unanswered ones included.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts");
    let fixture = fixture.to_str().expect("utf-8 path");
    let human = crate::common::prepdeck(&["check", fixture]);
    let json = crate::common::prepdeck(&["check", "--json", fixture]);
    let human = String::from_utf8_lossy(&human.stdout).to_string();
    let report: serde_json::Value =
        serde_json::from_slice(&json.stdout).expect("check --json prints JSON");
    let cards = report["cards"].as_array().expect("cards").len();
    assert!(cards > 0);
    assert!(
        human.contains(&format!(" {cards} cards")),
        "the human report does not count {cards} cards:\n{human}"
    );
}
