//! Layouts where each card is a heading followed by bold labels, such as
//! `**Answer** — …` or `**Expected Answer Points**:`. Which headings are cards is decided
//! by a predicate; shallower headings are topics, deeper ones belong to the card.

use super::ParsedFile;
use super::block::Line;
use super::fields::{CardBuilder, bold_label, strip_quotes};
use super::heading_walk::{Step, card_level, walk};
use crate::text::humanize::{clean_question, strip_number_prefix};

/// `3. What does a health check do?` or `3) …`.
pub fn numbered_heading(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(|c: char| c.is_ascii_digit()) && strip_number_prefix(t).len() < t.len()
}

/// `Q1: When would you cache?` (also `Q1.` and `Q1)`).
pub fn q_prefixed_heading(text: &str) -> bool {
    let t = text.trim_start();
    let Some(rest) = t.strip_prefix(['Q', 'q']) else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with([':', '.', ')'])
}

/// Reads labelled cards whose headings satisfy `is_card`.
pub fn parse<'a>(lines: &[Line<'a>], is_card: fn(&str) -> bool, parsed: &mut ParsedFile) {
    let Some(level) = card_level(lines, is_card) else {
        return;
    };
    let mut card: Option<CardBuilder<'a>> = None;
    walk(
        lines,
        level,
        is_card,
        true,
        parsed,
        |step, parsed| match step {
            Step::Card { text, line, topics } => {
                card = Some(CardBuilder::new(clean_question(text), line, topics));
            }
            Step::End => finish(&mut card, parsed),
            Step::Body(line) => {
                if let Some(c) = &mut card {
                    match bold_label(line.text).filter(|_| !line.fenced) {
                        Some((field, rest)) => {
                            let first = (!rest.is_empty()).then_some(Line {
                                text: rest,
                                ..*line
                            });
                            c.start(field, first);
                        }
                        None => c.push(*line),
                    }
                }
            }
        },
    );
}

fn finish(card: &mut Option<CardBuilder>, parsed: &mut ParsedFile) {
    if let Some(c) = card.take() {
        let raw = c.finish();
        if raw.question.is_empty() {
            parsed.warn(raw.line, "card has an empty question: skipped");
        } else {
            parsed.cards.push(raw);
        }
    }
}

/// In the expected-answer-points layout, a last key point starting `Example:` is the
/// example answer, its surrounding quotes removed.
pub fn split_example_points(cards: &mut [super::RawCard]) {
    for card in cards {
        let Some(last) = card.key_points.last() else {
            continue;
        };
        let trimmed = last.trim_start_matches(['*', '_']);
        let lower = trimmed.to_ascii_lowercase();
        if lower.starts_with("example:") || lower.starts_with("example answer:") {
            let body = trimmed[trimmed.find(':').map_or(0, |i| i + 1)..]
                .trim_start_matches(['*', '_'])
                .trim();
            if card.example.is_none() {
                card.example = Some(strip_quotes(body));
            }
            card.key_points.pop();
        }
    }
}
