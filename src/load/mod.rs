//! Loads question files — the bundled bank or a person's files and folders — into a
//! `Deck`: cards with their full topic paths and ids, the topic tree, and every problem
//! found, each naming its file and line.

mod assemble;
mod discover;
mod parallel;

use std::path::PathBuf;

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

/// Loads every source in order. Fails only when a path does not exist.
pub fn load(sources: &[ContentSource]) -> Result<Deck, MissingPath> {
    load_keeping(sources, Keep::Everything)
}

/// Loads every source in order, keeping `keep` of each card; files, topics, ids, the
/// tree and every message are the same whatever is kept.
pub fn load_keeping(sources: &[ContentSource], keep: Keep) -> Result<Deck, MissingPath> {
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
                in_order_on_every_core(
                    &places,
                    |(place, bytes)| {
                        Read::Parsed(prepare(
                            place,
                            parse::parse_named(&place.display, bytes),
                            keep,
                        ))
                    },
                    |(place, _), read| add_read(&mut assembler, place, read),
                );
            }
            ContentSource::Path(path) => {
                let mut found = Vec::new();
                let mut errors = Vec::new();
                discover(path, &mut found, &mut errors);
                assembler.deck.errors.extend(errors);
                assembler.expect_files(found.len());
                in_order_on_every_core(
                    &found,
                    |f| read_one(f, keep),
                    |f, read| {
                        add_read(&mut assembler, &f.place, read);
                    },
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
        );
    }
    assembler.deck
}

fn add_read(assembler: &mut Assembler, place: &FilePlace, read: Read) {
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
