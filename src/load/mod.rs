//! Loads question files — the bundled bank or a person's files and folders — into a
//! `Deck`: cards with their full topic paths and ids, the topic tree, and every problem
//! found, each naming its file and line.

mod assemble;
mod discover;
mod parallel;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::model::{Card, Diagnostic};
use crate::parse::{self, ParsedFile};
use crate::tree::TopicTree;
use assemble::{Assembler, PreparedFile, prepare};
use discover::{Found, discover, split_rel};
use parallel::in_order_on_every_core;

/// Files larger than this are skipped with an error rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The prefix shown for files of the embedded question bank.
pub const BUNDLED_PREFIX: &str = "<bundled>";

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The embedded question files: (path under `content/`, bytes).
pub fn bundled_files() -> &'static [(&'static str, &'static [u8])] {
    bundled::BUNDLED
}

/// Where to read questions from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentSource {
    /// The question bank embedded in the binary.
    Bundled,
    /// A file or a folder (read recursively).
    Path(PathBuf),
}

/// One file's line in `prepdeck check`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileSummary {
    pub path: String,
    pub layout: &'static str,
    pub topics: usize,
    pub cards: usize,
    /// Cards with nothing to check an answer against (`Card::is_unanswered`).
    pub unanswered: usize,
}

/// Everything loaded: cards, the tree over them and the diagnostics.
#[derive(Debug, Clone, Default)]
pub struct Deck {
    pub cards: Vec<Card>,
    pub files: Vec<FileSummary>,
    pub tree: TopicTree,
    pub warnings: Vec<Diagnostic>,
    pub errors: Vec<Diagnostic>,
}

/// A path that does not exist: a usage error, reported before anything is read.
#[derive(Debug, thiserror::Error)]
#[error("{}: no such file or folder", .0.display())]
pub struct MissingPath(pub PathBuf);

/// Where a file's cards go and how messages name it.
struct FilePlace {
    display: String,
    /// The folders above the file, relative to the root given.
    folders: Vec<String>,
    stem: String,
    /// Found by walking a folder, not named by the person: a README without cards is
    /// documentation and is skipped quietly.
    walked: bool,
}

/// Fails on the first path that does not exist (a dangling symlink counts as there).
pub fn check_paths(sources: &[ContentSource]) -> Result<(), MissingPath> {
    for source in sources {
        if let ContentSource::Path(p) = source
            && std::fs::metadata(p).is_err()
            && std::fs::symlink_metadata(p).is_err()
        {
            return Err(MissingPath(p.clone()));
        }
    }
    Ok(())
}

/// How much of each card a load keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Every field: what the screens, exports and `check --json` need.
    Everything,
    /// The id, topic path, question, tags and source of each card, without its answer,
    /// points, detail, tables or other fields: enough to count, name and check cards. Each
    /// card's body is dropped on the thread that parsed it, so a report on a large deck
    /// never holds the whole deck's text.
    Outline,
}

/// How far a load has got, read from another thread while it runs (the screens draw it
/// while a large deck is read), and a way to ask it to stop early.
#[derive(Debug, Default)]
pub struct LoadProgress {
    files_found: AtomicUsize,
    files_read: AtomicUsize,
    cards: AtomicUsize,
    stop: AtomicBool,
}

/// What `LoadProgress` says at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoadCounts {
    /// Files found so far (all of them once every folder is walked).
    pub files_found: usize,
    /// Files read and added to the deck, in reading order.
    pub files_read: usize,
    /// Cards added so far.
    pub cards: usize,
}

impl LoadProgress {
    pub fn counts(&self) -> LoadCounts {
        LoadCounts {
            files_found: self.files_found.load(Ordering::Relaxed),
            files_read: self.files_read.load(Ordering::Relaxed),
            cards: self.cards.load(Ordering::Relaxed),
        }
    }

    /// Asks the load to read no more files: what it returns is then incomplete and only
    /// fit to be thrown away.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// True once `stop` was called.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    fn found(&self, files: usize) {
        self.files_found.fetch_add(files, Ordering::Relaxed);
    }

    fn read(&self, cards: usize) {
        self.cards.fetch_add(cards, Ordering::Relaxed);
        self.files_read.fetch_add(1, Ordering::Relaxed);
    }
}

/// Loads every source in order. Fails only when a path does not exist.
pub fn load(sources: &[ContentSource]) -> Result<Deck, MissingPath> {
    load_keeping(sources, Keep::Everything)
}

/// Loads every source in order, keeping `keep` of each card; files, topics, ids, the
/// tree and every message are the same whatever is kept.
pub fn load_keeping(sources: &[ContentSource], keep: Keep) -> Result<Deck, MissingPath> {
    load_watched(sources, keep, &LoadProgress::default())
}

/// `load_keeping`, counting files and cards into `progress` as they are added, and
/// reading no more files once `progress` is asked to stop. The deck is the same as
/// `load_keeping` gives unless it was stopped.
pub fn load_watched(
    sources: &[ContentSource],
    keep: Keep,
    progress: &LoadProgress,
) -> Result<Deck, MissingPath> {
    check_paths(sources)?;
    let mut assembler = Assembler::default();
    for source in sources {
        match source {
            ContentSource::Bundled => {
                let places: Vec<(FilePlace, &[u8])> = bundled_files()
                    .iter()
                    .map(|(rel, bytes)| {
                        let (folders, stem) = split_rel(rel);
                        let place = FilePlace {
                            display: format!("{BUNDLED_PREFIX}/{rel}"),
                            folders,
                            stem,
                            walked: false,
                        };
                        (place, *bytes)
                    })
                    .collect();
                assembler.expect_files(places.len());
                progress.found(places.len());
                in_order_on_every_core(
                    &places,
                    |(place, bytes)| {
                        if progress.stopped() {
                            return Read::Skipped;
                        }
                        Read::Parsed(prepare(
                            place,
                            parse::parse_named(&place.display, bytes),
                            keep,
                        ))
                    },
                    |(place, _), read| add_read(&mut assembler, place, read, progress),
                );
            }
            ContentSource::Path(path) => {
                let mut found = Vec::new();
                let mut errors = Vec::new();
                discover(path, &mut found, &mut errors);
                assembler.deck.errors.extend(errors);
                assembler.expect_files(found.len());
                progress.found(found.len());
                in_order_on_every_core(
                    &found,
                    |f| {
                        if progress.stopped() {
                            return Read::Skipped;
                        }
                        read_one(f, keep)
                    },
                    |f, read| add_read(&mut assembler, &f.place, read, progress),
                );
            }
        }
    }
    Ok(assembler.deck)
}

/// Parses content given as text, as if it were one file called `name`. Used by tests and
/// benchmarks, and by anything that already holds the bytes.
pub fn load_text(name: &str, text: &str) -> Deck {
    assemble_parsed(vec![(
        name.to_string(),
        parse::parse_named(name, text.as_bytes()),
    )])
}

/// Builds a deck from files already parsed, each named by its path relative to the
/// content root (`10-delivery/01-ci.md`): what loading does after parsing.
pub fn assemble_parsed(files: Vec<(String, ParsedFile)>) -> Deck {
    let mut assembler = Assembler::default();
    for (name, parsed) in files {
        let (folders, stem) = split_rel(&name);
        let place = FilePlace {
            display: name,
            folders,
            stem,
            walked: false,
        };
        add_read(
            &mut assembler,
            &place,
            Read::Parsed(prepare(&place, parsed, Keep::Everything)),
            &LoadProgress::default(),
        );
    }
    assembler.deck
}

fn add_read(assembler: &mut Assembler, place: &FilePlace, read: Read, progress: &LoadProgress) {
    let before = assembler.deck.cards.len();
    add_to_deck(assembler, place, read);
    progress.read(assembler.deck.cards.len() - before);
}

fn add_to_deck(assembler: &mut Assembler, place: &FilePlace, read: Read) {
    match read {
        Read::TooLarge(len) => assembler.error(
            &place.display,
            format!(
                "file is {} MB, larger than the {} MB prepdeck reads: skipped",
                len / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ),
        Read::NotAFile => assembler.error(
            &place.display,
            "not a regular file (a FIFO, socket or device): skipped".to_string(),
        ),
        Read::Failed(err) => {
            assembler.error(&place.display, format!("cannot read the file: {err}"));
        }
        Read::Skipped => {}
        Read::Parsed(file) => assembler.add(file),
    }
}

/// One file read and parsed, or why it was not.
enum Read {
    TooLarge(u64),
    /// A FIFO, socket or device met while walking a folder.
    NotAFile,
    Failed(std::io::Error),
    /// A README without cards, met while walking a folder.
    Skipped,
    Parsed(PreparedFile),
}

fn read_one(found: &Found, keep: Keep) -> Read {
    match std::fs::metadata(&found.path) {
        // Reading a FIFO, socket or device met while walking a folder could block forever
        // or never end. One named on the command line is read, so that
        // `prepdeck check <(curl …)` works.
        Ok(meta) if found.place.walked && !meta.is_file() => return Read::NotAFile,
        Ok(meta) if meta.len() > MAX_FILE_BYTES => return Read::TooLarge(meta.len()),
        _ => {}
    }
    match std::fs::read(&found.path) {
        Ok(bytes) => {
            let parsed = parse::parse_named(&found.place.display, &bytes);
            let place = &found.place;
            if place.walked && parsed.cards.is_empty() && place.stem.eq_ignore_ascii_case("readme")
            {
                return Read::Skipped;
            }
            Read::Parsed(prepare(place, parsed, keep))
        }
        Err(err) => Read::Failed(err),
    }
}
