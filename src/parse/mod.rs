//! Reads one markdown file, in whichever supported layout it is written, into raw cards.
//!
//! The parser works on lines that know whether they are inside a code fence (`block`),
//! detects the file's layout from a few unambiguous signals (`detect`), then hands the
//! lines to that layout's reader. It never panics and is linear in the file's size.

mod answer_labels;
pub mod block;
mod bold_questions;
mod canonical;
mod delimited;
mod design;
mod details;
mod detect;
pub mod field_text;
pub mod fields;
mod frontmatter;
mod heading_walk;
mod hints;
pub mod html;
mod labelled;
mod logseq;
mod nearest;
mod obsidian;
mod placeholder;
mod qa_headings;
mod qa_lines;
mod qa_tables;
mod question_headings;

use std::borrow::Cow;

use crate::model::Table;
use crate::text::mojibake;
pub use detect::Layout;

/// A card as read from one file, before it gets its full topic path and id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawCard {
    pub question: String,
    /// A heading that titled the card when the question itself was in a labelled
    /// paragraph (`## 1) Deploying` + `**Question:** …`).
    pub title: Option<String>,
    pub line: usize,
    /// Topic headings inside the file, outermost first.
    pub topics: Vec<String>,
    pub explicit_id: Option<String>,
    pub tags: Vec<String>,
    pub why: Option<String>,
    pub answer: Option<String>,
    pub key_points: Vec<String>,
    pub detail: Option<String>,
    pub tables: Vec<Table>,
    pub takeaway: Option<String>,
    pub example: Option<String>,
    pub follow_ups: Vec<String>,
}

/// Everything read from one file.
#[derive(Debug, Clone, Default)]
pub struct ParsedFile {
    pub layout: Layout,
    /// The file's own title: front matter `title`, else its only `#` heading.
    pub title: Option<String>,
    /// Tags from the front matter, for every card in the file.
    pub tags: Vec<String>,
    pub cards: Vec<RawCard>,
    /// (line, message) pairs; the loader adds the file name.
    pub warnings: Vec<(usize, String)>,
    pub errors: Vec<(usize, String)>,
}

impl ParsedFile {
    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push((line, message.into()));
    }
}

/// Parses raw file bytes: invalid UTF-8 is decoded lossily (with a warning naming the
/// line), a byte-order mark is dropped and Windows-1252 mojibake is repaired.
pub fn parse_bytes(bytes: &[u8]) -> ParsedFile {
    parse_file(None, bytes)
}

/// Like `parse_bytes` for a file called `name`, whose extension can say it is a table
/// (`.csv`, `.tsv`).
pub fn parse_named(name: &str, bytes: &[u8]) -> ParsedFile {
    parse_file(Some(name), bytes)
}

fn parse_file(name: Option<&str>, bytes: &[u8]) -> ParsedFile {
    let (text, bad_line) = decode(bytes);
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let repaired = mojibake::repair(text);
    let mut parsed = match delimited::sniff(name, &repaired) {
        Some(layout) => {
            let mut parsed = ParsedFile {
                layout,
                ..ParsedFile::default()
            };
            delimited::parse(&repaired, layout, &mut parsed);
            parsed
        }
        None => parse_text(&repaired),
    };
    if let Some(line) = bad_line {
        parsed.warnings.insert(
            0,
            (
                line,
                "invalid UTF-8: undecodable bytes were replaced with \u{FFFD}; re-save the file as UTF-8"
                    .to_string(),
            ),
        );
    }
    parsed
}

/// Parses text that is already valid UTF-8.
pub fn parse_text(text: &str) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    let (body, first_line) = frontmatter::split(text, &mut parsed);
    let lines = block::scan_lines(body, first_line);
    parsed.layout = detect::detect(&lines);
    match parsed.layout {
        Layout::Canonical => canonical::parse(&lines, &mut parsed),
        Layout::NumberedLabels => labelled::parse(&lines, labelled::numbered_heading, &mut parsed),
        Layout::AnswerPoints => {
            labelled::parse(&lines, labelled::q_prefixed_heading, &mut parsed);
            labelled::split_example_points(&mut parsed.cards);
        }
        Layout::Details => details::parse(&lines, &mut parsed),
        Layout::Hints => hints::parse(&lines, &mut parsed),
        Layout::QaHeadings => qa_headings::parse(&lines, &mut parsed),
        Layout::Design => design::parse(&lines, &mut parsed),
        Layout::QaLines => qa_lines::parse(&lines, &mut parsed),
        Layout::QaTables => qa_tables::parse(&lines, &mut parsed),
        Layout::Obsidian => obsidian::parse(&lines, &mut parsed),
        Layout::Logseq => logseq::parse(&lines, &mut parsed),
        Layout::QuestionHeadings => question_headings::parse(&lines, &mut parsed),
        // One reader serves both: a file of bold questions may have asking headings too.
        Layout::BoldQuestions => question_headings::parse(&lines, &mut parsed),
        // Tables are told by their name or header lines before any markdown is read.
        Layout::AnkiText | Layout::Csv | Layout::Unknown => {}
    }
    placeholder::drop_placeholders(&mut parsed);
    if parsed.cards.is_empty() && parsed.errors.is_empty() {
        let hint = if lines.iter().all(block::Line::is_blank) {
            "empty file: no cards".to_string()
        } else if let Some(near) = nearest::nearest(&lines) {
            format!(
                "no cards found: the file {near}. `prepdeck check --formats` shows every layout \
                 with an example"
            )
        } else {
            format!(
                "no cards found: the file matches none of the layouts prepdeck reads ({}); \
                 `prepdeck check --formats` shows each of them with an example",
                Layout::READABLE.join(", ")
            )
        };
        parsed.warn(1, hint);
    }
    parsed
}

/// Decodes bytes as UTF-8, lossily if needed; returns the 1-based line of the first
/// invalid byte when there was one.
fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<usize>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), None),
        Err(err) => {
            let line = bytes[..err.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            (String::from_utf8_lossy(bytes), Some(line))
        }
    }
}
