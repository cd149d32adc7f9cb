//! One design question per file, as in system-design solution write-ups:
//!
//! ```text
//! # Design a URL shortener
//! ## Step 1: Outline use cases and constraints
//! ## Step 2: Create a high level design
//! …
//! ## Additional talking points
//! ```
//!
//! The file is one card: the `#` heading is the question and the whole body, the
//! outline, is the detail (its headings demoted below the canonical section level so the
//! card survives export). The `##` headings become the key points: a design answer is
//! graded on whether it walks through those steps, and a write-up this long has no
//! paragraph that works as a 30-second answer, so the card has no short answer rather
//! than a misleading one.

use super::ParsedFile;
use super::RawCard;
use super::block::Line;
use super::field_text::field_text;
use crate::text::humanize::{clean_question, clean_topic_heading};

/// The index of the file's only `#` heading when it asks to design something and is
/// followed by at least one `##` section.
pub fn design_heading(lines: &[Line]) -> Option<usize> {
    let mut h1 = None;
    let mut sections = 0;
    for (i, line) in lines.iter().enumerate() {
        match line.heading() {
            Some((1, text)) => {
                if h1.is_some() {
                    return None;
                }
                let lower = clean_question(text).to_ascii_lowercase();
                if !(lower.starts_with("design ") || lower.starts_with("how would you design")) {
                    return None;
                }
                h1 = Some(i);
            }
            Some((2, _)) if h1.is_some() => sections += 1,
            _ => {}
        }
    }
    h1.filter(|_| sections > 0)
}

/// Reads the file's one design card into `parsed`.
pub fn parse(lines: &[Line], parsed: &mut ParsedFile) {
    let Some(at) = design_heading(lines) else {
        return;
    };
    let Some((_, text)) = lines[at].heading() else {
        return;
    };
    let body = &lines[at + 1..];
    let key_points = body
        .iter()
        .filter_map(|l| l.heading().filter(|(lvl, _)| *lvl == 2))
        .map(|(_, t)| clean_topic_heading(t))
        .collect();
    parsed.cards.push(RawCard {
        question: clean_question(text),
        line: lines[at].no,
        key_points,
        detail: field_text(body),
        ..RawCard::default()
    });
}
