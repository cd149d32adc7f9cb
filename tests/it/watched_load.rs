//! The screens read the deck on a thread of its own while the first frame shows how far
//! it has got. The deck that load makes must be exactly the deck a plain load makes —
//! cards, ids, files, messages and tree — on every fixture, every generated layout and
//! the bundled bank; what the progress says must only grow and end at the whole deck;
//! and a load asked to stop reads no more files.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use prepdeck::load::{ContentSource, Deck, Keep, LoadCounts, LoadProgress, load, load_watched};

use crate::bench_corpus::corpus;
use crate::outline_load::fixture_folders;

/// Loads `sources` while another thread reads the progress as the screens do; returns
/// the deck, every count seen, and the counts at the end.
fn watched(sources: &[ContentSource]) -> (Deck, Vec<LoadCounts>, LoadCounts) {
    let progress = LoadProgress::default();
    let done = AtomicBool::new(false);
    let (deck, seen) = std::thread::scope(|scope| {
        let watcher = scope.spawn(|| {
            let mut seen = Vec::new();
            while !done.load(Ordering::Relaxed) {
                seen.push(progress.counts());
                std::thread::yield_now();
            }
            seen
        });
        let deck = load_watched(sources, Keep::Everything, &progress).expect("sources exist");
        done.store(true, Ordering::Relaxed);
        (deck, watcher.join().expect("watcher"))
    });
    (deck, seen, progress.counts())
}

fn assert_same_deck(sources: &[ContentSource], what: &str) {
    let plain = load(sources).expect("sources exist");
    let (deck, seen, end) = watched(sources);
    assert_eq!(deck.cards, plain.cards, "{what}: cards");
    assert_eq!(deck.files, plain.files, "{what}: files");
    assert_eq!(deck.warnings, plain.warnings, "{what}: warnings");
    assert_eq!(deck.errors, plain.errors, "{what}: errors");
    let nodes = |d: &Deck| format!("{:?}", d.tree.nodes);
    assert_eq!(nodes(&deck), nodes(&plain), "{what}: tree");
    assert_eq!(end.cards, deck.cards.len(), "{what}: cards counted");
    assert_eq!(
        end.files_read, end.files_found,
        "{what}: every file found is read"
    );
    assert!(end.files_found >= deck.files.len(), "{what}: files counted");
    for pair in seen.windows(2) {
        let (before, after) = (pair[0], pair[1]);
        assert!(
            after.cards >= before.cards
                && after.files_read >= before.files_read
                && after.files_found >= before.files_found,
            "{what}: progress went back from {before:?} to {after:?}"
        );
    }
    for counts in &seen {
        assert!(counts.cards <= end.cards && counts.files_read <= end.files_found);
    }
}

/// Every fixture file, then its folder as one deck.
fn fixture_paths() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for folder in fixture_folders() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .expect("fixture folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        paths.extend(files);
        paths.push(folder);
    }
    paths
}

#[test]
fn every_fixture_reads_the_same_while_its_progress_is_watched() {
    let paths = fixture_paths();
    assert!(paths.len() > 30, "only {} fixtures found", paths.len());
    for path in paths {
        assert_same_deck(
            &[ContentSource::Path(path.clone())],
            &path.display().to_string(),
        );
    }
}

#[test]
fn the_bundled_bank_and_every_generated_layout_read_the_same_while_watched() {
    assert_same_deck(&[ContentSource::Bundled], "bundled bank");
    for layout in corpus::LAYOUTS {
        let dir = tempfile::tempdir().expect("temporary folder");
        corpus::write(dir.path(), 321, layout).expect("corpus written");
        let sources = [ContentSource::Path(dir.path().to_path_buf())];
        assert_same_deck(&sources, layout);
        let (deck, _, end) = watched(&sources);
        assert_eq!((deck.cards.len(), end.cards), (321, 321), "{layout}");
    }
}

#[test]
fn a_load_asked_to_stop_reads_no_more_files() {
    let dir = tempfile::tempdir().expect("temporary folder");
    corpus::write(dir.path(), 500, "canonical").expect("corpus written");
    let progress = LoadProgress::default();
    progress.stop();
    let deck = load_watched(
        &[ContentSource::Path(dir.path().to_path_buf())],
        Keep::Everything,
        &progress,
    )
    .expect("the folder exists");
    assert!(deck.cards.is_empty(), "{} cards read", deck.cards.len());
    assert!(progress.counts().files_found > 1);
}
