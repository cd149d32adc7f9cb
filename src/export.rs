//! Carries a deck out of prepdeck: Anki notes, canonical markdown, the `check --json`
//! card shape, and a CSV progress report. Every exporter is a pure function from cards
//! to text; the binary writes the text where the person asked.

pub mod anki;
pub mod markdown;
pub mod report;
pub mod stories;

use crate::check::CheckReport;
use crate::load::Deck;

/// The formats `prepdeck export --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tab-separated notes for Anki's File › Import.
    Anki,
    /// prepdeck's canonical markdown: convert a bank once, then edit it.
    Markdown,
    /// The `prepdeck check --json` document.
    Json,
    /// Each card's progress as CSV.
    Report,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Anki => "anki",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Report => "report",
        }
    }
}

/// The JSON export: the check document with `"flagged": true|false` on every card, and
/// `"note": "…"` on each card with an own answer in `notes` (by card id), and the story
/// bank as `"stories"`.
pub fn json_with_flags(
    deck: &Deck,
    flagged: &std::collections::HashSet<String>,
    notes: &std::collections::HashMap<String, String>,
    stories: &[crate::store::Story],
) -> Result<String, serde_json::Error> {
    let mut doc = serde_json::to_value(CheckReport::new(deck))?;
    if let Some(map) = doc.as_object_mut() {
        map.insert("stories".to_string(), serde_json::to_value(stories)?);
    }
    if let Some(cards) = doc.get_mut("cards").and_then(|c| c.as_array_mut()) {
        for card in cards {
            let on = card
                .get("id")
                .and_then(|id| id.as_str())
                .is_some_and(|id| flagged.contains(id));
            let note = card
                .get("id")
                .and_then(|id| id.as_str())
                .and_then(|id| notes.get(id))
                .cloned();
            if let Some(map) = card.as_object_mut() {
                map.insert("flagged".to_string(), serde_json::Value::Bool(on));
                if let Some(note) = note {
                    map.insert("note".to_string(), serde_json::Value::String(note));
                }
            }
        }
    }
    serde_json::to_string_pretty(&doc).map(|mut s| {
        s.push('\n');
        s
    })
}

/// The `check --json` document for `deck`, pretty-printed.
pub fn json(deck: &Deck) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&CheckReport::new(deck)).map(|mut s| {
        s.push('\n');
        s
    })
}
