//! The card model: what a question card holds, independent of any file layout or UI.

use serde::Serialize;

/// One interview question with everything needed to study and grade it. Prose fields
/// keep their markdown source; rendering is the UI's job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Card {
    /// Stable across edits of everything but the question's words and topic (see `ids`).
    pub id: String,
    /// Folders, file and in-file topics, humanised, from the content root down.
    pub topic: Vec<String>,
    pub question: String,
    /// What the question tests.
    pub why: Option<String>,
    /// A short answer, sayable in half a minute.
    pub answer: Option<String>,
    /// Concrete claims a good answer covers; they drive the grading checklist.
    pub key_points: Vec<String>,
    pub detail: Option<String>,
    pub tables: Vec<Table>,
    /// The one line to remember.
    pub takeaway: Option<String>,
    /// A model answer as it would be said aloud.
    pub example: Option<String>,
    pub follow_ups: Vec<String>,
    pub tags: Vec<String>,
    pub source: Source,
}

impl Card {
    /// A card with nothing to check an answer against: no answer, points or detail.
    /// Such cards are shown as unanswered and left out of grading by default.
    pub fn is_unanswered(&self) -> bool {
        self.answer.is_none()
            && self.key_points.is_empty()
            && self.detail.is_none()
            && self.tables.is_empty()
            && self.example.is_none()
            && self.takeaway.is_none()
    }

    /// The topic path joined for display: "Platform › Kubernetes".
    pub fn topic_label(&self) -> String {
        self.topic.join(" › ")
    }
}

/// Where a card was read from, for warnings and for opening it in an editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The path as the person gave it (or `<bundled>/…` for the embedded questions).
    pub file: String,
    /// 1-based line of the question.
    pub line: usize,
}

/// A markdown pipe table, kept as text cells with the column alignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub align: Vec<Align>,
}

/// Column alignment from the delimiter row: `:--`, `:-:`, `--:`, `---`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Left,
    Center,
    Right,
    None,
}

/// A problem found while loading content, always with the file and line to look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}
