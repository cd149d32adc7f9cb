//! Writing a card's own answer in the person's editor (`$VISUAL`, else `$EDITOR`, else
//! `vi`): the text goes to a temporary file, the editor runs, and the file is read back.
//! A failed editor or an emptied file leaves the stored answer as it was.

use std::path::PathBuf;

/// What came back from the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edited {
    /// New text to store.
    Text(String),
    /// The text came back as it went out.
    Unchanged,
    /// The file came back empty: taken as a mistake, nothing is stored.
    Emptied,
}

/// Why the editor's text could not be had; the stored answer is untouched.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("cannot write the temporary file {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot start the editor `{editor}` ({source}): set $VISUAL or $EDITOR")]
    Start {
        editor: String,
        source: std::io::Error,
    },
    #[error("the editor `{editor}` exited with {status}")]
    Failed { editor: String, status: String },
    #[error("cannot read back {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The editor command the person chose.
pub fn editor_command() -> String {
    std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| std::env::var("EDITOR").ok())
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Opens `text` in the person's editor as `prepdeck-answer-<card_id>.md` and returns
/// what they saved. The terminal must already be handed back.
pub fn edit_text(card_id: &str, text: &str) -> Result<Edited, EditError> {
    let safe: String = card_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("prepdeck-answer-{}-{stamp}", std::process::id()));
    let path = dir.join(format!("prepdeck-answer-{safe}.md"));
    let write = std::fs::create_dir_all(&dir).and_then(|()| {
        let mut body = text.to_string();
        if !body.is_empty() && !body.ends_with('\n') {
            body.push('\n');
        }
        std::fs::write(&path, body)
    });
    let result = write
        .map_err(|source| EditError::Write {
            path: path.clone(),
            source,
        })
        .and_then(|()| run_editor(&path))
        .and_then(|()| {
            std::fs::read_to_string(&path).map_err(|source| EditError::Read {
                path: path.clone(),
                source,
            })
        });
    let _ = std::fs::remove_dir_all(&dir);
    let back = result?;
    let back = back.trim_end();
    Ok(if back.trim().is_empty() {
        Edited::Emptied
    } else if back == text.trim_end() {
        Edited::Unchanged
    } else {
        Edited::Text(back.to_string())
    })
}

fn run_editor(path: &std::path::Path) -> Result<(), EditError> {
    let editor = editor_command();
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status()
        .map_err(|source| EditError::Start {
            editor: editor.clone(),
            source,
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(EditError::Failed {
            editor,
            status: status.to_string(),
        })
    }
}
