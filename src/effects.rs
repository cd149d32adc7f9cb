//! Effects the runtime performs for the app: the I/O that `App::update` never does.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::clock;
use crate::mock::{MockResult, report};
use crate::tui::RunOptions;

/// The data folder: the one given, else the platform's (`~/.local/share/prepdeck`).
pub fn data_dir(given: Option<&Path>) -> Option<PathBuf> {
    given
        .map(Path::to_path_buf)
        .or_else(|| crate::config::project_dirs().map(|d| d.data_dir().to_path_buf()))
}

/// Writes the report of a finished mock interview and returns its path: the `--report`
/// file, or `mocks/mock-YYYY-MM-DD-HHMM.md` in the data folder.
pub fn save_mock(result: &MockResult, options: &RunOptions) -> anyhow::Result<PathBuf> {
    let offset = clock::local_offset(result.started_at);
    let path = match &options.report {
        Some(p) => p.clone(),
        None => {
            let dir = data_dir(options.data_dir.as_deref())
                .context("no data folder on this platform: pass --report FILE")?
                .join("mocks");
            let stamp = clock::date_time(result.started_at, offset).replace([' ', ':'], "-");
            unique(&dir.join(format!("mock-{stamp}.md")))
        }
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    write_atomically(&path, report::markdown(result, offset).as_bytes())?;
    Ok(path)
}

/// `path`, or `path` with `-2`, `-3`… before the extension when it exists already.
fn unique(path: &Path) -> PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.md")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

/// Writes to a temporary file beside `path`, then renames it over `path`, so a crash
/// never leaves half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension("tmp-prepdeck");
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
