//! Carries a deck out of prepdeck: Anki notes, canonical markdown, the `check --json`
//! card shape, and a CSV progress report. Every exporter is a pure function from cards
//! to text; the binary writes the text where the person asked.

pub mod anki;
pub mod markdown;
pub mod report;

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

/// The `check --json` document for `deck`, pretty-printed.
pub fn json(deck: &Deck) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&CheckReport::new(deck)).map(|mut s| {
        s.push('\n');
        s
    })
}
