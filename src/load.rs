//! Loads question files — the bundled bank or a person's files and folders — into a
//! `Deck`: cards with their full topic paths and ids, the topic tree, and every problem
//! found, each naming its file and line.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::ids::IdAssigner;
use crate::model::{Card, Diagnostic, Source};
use crate::parse::{self, ParsedFile};
use crate::text::humanize::{humanize_file_name, order_key};
use crate::tree::{NodeKind, TopicTree};

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

/// A file found while walking, with the folders above it (relative to the root given).
struct Found {
    path: PathBuf,
    display: String,
    folders: Vec<String>,
    stem: String,
    /// Found by walking a folder, not named by the person: a README without cards is
    /// documentation and is skipped quietly.
    walked: bool,
}

/// Loads every source in order. Fails only when a path does not exist.
pub fn load(sources: &[ContentSource]) -> Result<Deck, MissingPath> {
    for source in sources {
        if let ContentSource::Path(p) = source
            && std::fs::metadata(p).is_err()
            && std::fs::symlink_metadata(p).is_err()
        {
            return Err(MissingPath(p.clone()));
        }
    }
    let mut loader = Loader::default();
    for source in sources {
        match source {
            ContentSource::Bundled => {
                for (rel, bytes) in bundled_files() {
                    let (folders, stem) = split_rel(rel);
                    let display = format!("{BUNDLED_PREFIX}/{rel}");
                    loader.add(&display, &folders, &stem, bytes, false);
                }
            }
            ContentSource::Path(path) => {
                let mut found = Vec::new();
                let mut errors = Vec::new();
                discover(path, &mut found, &mut errors);
                loader.deck.errors.extend(errors);
                for (f, read) in found.iter().zip(read_all(&found)) {
                    loader.add_read(f, read);
                }
            }
        }
    }
    Ok(loader.deck)
}

/// Parses content given as text, as if it were one file called `name`. Used by tests and
/// benchmarks, and by anything that already holds the bytes.
pub fn load_text(name: &str, text: &str) -> Deck {
    let mut loader = Loader::default();
    let (folders, stem) = split_rel(name);
    loader.add(name, &folders, &stem, text.as_bytes(), false);
    loader.deck
}

#[derive(Default)]
struct Loader {
    deck: Deck,
    ids: IdAssigner,
}

impl Loader {
    fn add_read(&mut self, found: &Found, read: Read) {
        match read {
            Read::TooLarge(len) => self.error(
                &found.display,
                format!(
                    "file is {} MB, larger than the {} MB prepdeck reads: skipped",
                    len / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            ),
            Read::NotAFile => self.error(
                &found.display,
                "not a regular file (a FIFO, socket or device): skipped".to_string(),
            ),
            Read::Failed(err) => {
                self.error(&found.display, format!("cannot read the file: {err}"));
            }
            Read::Parsed(parsed) => {
                if found.walked
                    && parsed.cards.is_empty()
                    && found.stem.eq_ignore_ascii_case("readme")
                {
                    return;
                }
                let folders: Vec<&str> = found.folders.iter().map(String::as_str).collect();
                self.add_parsed(&found.display, &folders, &found.stem, parsed);
            }
        }
    }

    fn error(&mut self, file: &str, message: String) {
        self.deck.errors.push(Diagnostic {
            file: file.to_string(),
            line: 1,
            message,
        });
    }

    fn add(&mut self, display: &str, folders: &[&str], stem: &str, bytes: &[u8], walked: bool) {
        let parsed = parse::parse_bytes(bytes);
        if walked && parsed.cards.is_empty() && stem.eq_ignore_ascii_case("readme") {
            return;
        }
        self.add_parsed(display, folders, stem, parsed);
    }

    fn add_parsed(&mut self, display: &str, folders: &[&str], stem: &str, parsed: ParsedFile) {
        let deck = &mut self.deck;
        let diag = |(line, message): (usize, String)| Diagnostic {
            file: display.to_string(),
            line,
            message,
        };
        deck.warnings.extend(parsed.warnings.into_iter().map(diag));
        deck.errors.extend(parsed.errors.into_iter().map(diag));
        let folder_names: Vec<String> = folders.iter().map(|f| humanize_file_name(f)).collect();
        let title = parsed
            .title
            .clone()
            .unwrap_or_else(|| humanize_file_name(stem));
        let mut topic_paths: HashSet<Vec<String>> = HashSet::new();
        let card_count = parsed.cards.len();
        for raw in parsed.cards {
            let mut topic = folder_names.clone();
            topic.push(title.clone());
            topic.extend(raw.topics.iter().cloned());
            let assigned = self.ids.assign(
                &topic,
                &raw.question,
                raw.explicit_id.as_deref(),
                (display, raw.line),
            );
            if let Some((file, line)) = &assigned.duplicate_of {
                let place = if file == display {
                    format!("line {line}")
                } else {
                    format!("{file}:{line}")
                };
                deck.warnings.push(Diagnostic {
                    file: display.to_string(),
                    line: raw.line,
                    message: format!(
                        "duplicate question in topic \"{}\" (first at {place}); ids disambiguated in file order",
                        topic.join(" › ")
                    ),
                });
            }
            let mut tags = parsed.tags.clone();
            for tag in raw.tags {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            let mut segments: Vec<(&str, NodeKind)> = folder_names
                .iter()
                .map(|f| (f.as_str(), NodeKind::Folder))
                .collect();
            segments.push((title.as_str(), NodeKind::File));
            segments.extend(raw.topics.iter().map(|t| (t.as_str(), NodeKind::Topic)));
            let index = deck.cards.len();
            deck.tree.insert(&segments, index);
            topic_paths.insert(topic.clone());
            deck.cards.push(Card {
                id: assigned.id,
                topic,
                question: raw.question,
                why: raw.why,
                answer: raw.answer,
                key_points: raw.key_points,
                detail: raw.detail,
                tables: raw.tables,
                takeaway: raw.takeaway,
                example: raw.example,
                follow_ups: raw.follow_ups,
                tags,
                source: Source {
                    file: display.to_string(),
                    line: raw.line,
                },
            });
        }
        deck.files.push(FileSummary {
            path: display.to_string(),
            layout: parsed.layout.name(),
            topics: topic_paths.len(),
            cards: card_count,
        });
    }
}

/// One file read and parsed, or why it was not.
enum Read {
    TooLarge(u64),
    /// A FIFO, socket or device met while walking a folder.
    NotAFile,
    Failed(std::io::Error),
    Parsed(ParsedFile),
}

fn read_one(found: &Found) -> Read {
    match std::fs::metadata(&found.path) {
        // Reading a FIFO, socket or device met while walking a folder could block forever
        // or never end. One named on the command line is read, so that
        // `prepdeck check <(curl …)` works.
        Ok(meta) if found.walked && !meta.is_file() => return Read::NotAFile,
        Ok(meta) if meta.len() > MAX_FILE_BYTES => return Read::TooLarge(meta.len()),
        _ => {}
    }
    match std::fs::read(&found.path) {
        Ok(bytes) => Read::Parsed(parse::parse_bytes(&bytes)),
        Err(err) => Read::Failed(err),
    }
}

/// Reads and parses the files on every core, returning them in the order given, so ids
/// and messages come out exactly as a single pass would make them.
fn read_all(found: &[Found]) -> Vec<Read> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(found.len() / 4)
        .max(1);
    if workers == 1 {
        return found.iter().map(read_one).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, Read)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(f) = found.get(i) else { break };
                        mine.push((i, read_one(f)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// `10-delivery/01-ci.md` → (["10-delivery"], "01-ci").
fn split_rel(rel: &str) -> (Vec<&str>, String) {
    let mut parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    let file = parts.pop().unwrap_or(rel);
    (parts, file_stem(file))
}

fn file_stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_string(), |s| s.to_string_lossy().to_string())
}

fn is_question_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("md" | "markdown" | "txt")
    )
}

/// Finds the files under `path` in reading order: numeric prefixes first, by number,
/// then names. Symlinked folders are followed once; a loop is reported, not followed.
fn discover(path: &Path, found: &mut Vec<Found>, errors: &mut Vec<Diagnostic>) {
    if path.is_dir() {
        let mut visited = HashSet::new();
        walk(path, &mut Vec::new(), &mut visited, found, errors);
    } else {
        found.push(Found {
            path: path.to_path_buf(),
            display: path.display().to_string(),
            folders: Vec::new(),
            stem: file_stem(&path.file_name().unwrap_or_default().to_string_lossy()),
            walked: false,
        });
    }
}

fn walk(
    dir: &Path,
    folders: &mut Vec<String>,
    visited: &mut HashSet<PathBuf>,
    found: &mut Vec<Found>,
    errors: &mut Vec<Diagnostic>,
) {
    let display = dir.display().to_string();
    match std::fs::canonicalize(dir) {
        Ok(real) if visited.contains(&real) => {
            errors.push(Diagnostic {
                file: display,
                line: 1,
                message: "folder already read (a symlink loop?): skipped".to_string(),
            });
            return;
        }
        Ok(real) => {
            visited.insert(real);
        }
        Err(err) => {
            errors.push(Diagnostic {
                file: display,
                line: 1,
                message: format!("cannot open the folder: {err}"),
            });
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            errors.push(Diagnostic {
                file: display,
                line: 1,
                message: format!("cannot list the folder: {err}"),
            });
            return;
        }
    };
    let mut entries: Vec<(String, PathBuf)> = entries
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().to_string(), e.path()))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    entries.sort_by(|a, b| {
        let key = |n: &str| (order_key(n).unwrap_or(u64::MAX), n.to_lowercase());
        key(&a.0).cmp(&key(&b.0))
    });
    for (name, path) in entries {
        if path.is_dir() {
            folders.push(name.clone());
            walk(&path, folders, visited, found, errors);
            folders.pop();
        } else if is_question_file(&path) {
            found.push(Found {
                display: path.display().to_string(),
                folders: folders.clone(),
                stem: file_stem(&name),
                path,
                walked: true,
            });
        }
    }
}
