//! Finds the question files under a path, in reading order, with the folders above each.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::FilePlace;
use crate::model::Diagnostic;
use crate::text::humanize::order_key;

/// A file found while walking, with where its cards go.
pub(super) struct Found {
    pub path: PathBuf,
    pub place: FilePlace,
}

/// `10-delivery/01-ci.md` → (["10-delivery"], "01-ci").
pub(super) fn split_rel(rel: &str) -> (Vec<String>, String) {
    let mut parts: Vec<String> = rel
        .split('/')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    let file = parts.pop().unwrap_or_else(|| rel.to_string());
    (parts, file_stem(&file))
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
        Some("md" | "markdown" | "txt" | "csv" | "tsv")
    )
}

/// Finds the files under `path` in reading order: numeric prefixes first, by number,
/// then names. Symlinked folders are followed once; a loop is reported, not followed.
pub(super) fn discover(path: &Path, found: &mut Vec<Found>, errors: &mut Vec<Diagnostic>) {
    if path.is_dir() {
        let mut visited = HashSet::new();
        walk(path, &mut Vec::new(), &mut visited, found, errors);
    } else {
        found.push(Found {
            path: path.to_path_buf(),
            place: FilePlace {
                display: path.display().to_string(),
                folders: Vec::new(),
                stem: file_stem(&path.file_name().unwrap_or_default().to_string_lossy()),
                walked: false,
            },
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
                place: FilePlace {
                    display: path.display().to_string(),
                    folders: folders.clone(),
                    stem: file_stem(&name),
                    walked: true,
                },
                path,
            });
        }
    }
}
