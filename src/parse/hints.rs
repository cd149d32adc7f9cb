//! The hints layout: `## N) Title`, a `**Question:**` paragraph (the label may carry a
//! note, `**Question (Scenario):**`), then `<details><summary>Hints / Key Points</summary>`
//! whose bullets are the key points, and `---` between cards.
//!
//! Only `N)` headings are cards, so a table of contents (a numbered list under its own
//! heading) never becomes one. The heading is kept as the card's title; the question is
//! the labelled paragraph with its sub-bullets joined into one line.

use super::block::{Line, list_items, starts_with_other_visible};
use super::fields::{CardBuilder, Field};
use super::heading_walk::{Step, card_level, walk};
use super::{ParsedFile, RawCard};
use crate::text::humanize::clean_question;

/// `1) Deploying a New Application`.
pub fn paren_numbered_heading(text: &str) -> bool {
    let t = text.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && t[digits..].starts_with(')')
}

/// `**Question:**` or `**Question (Scenario):**`: the text after the label.
pub fn question_label(text: &str) -> Option<&str> {
    if starts_with_other_visible(text, b'*') {
        return None;
    }
    let t = text.trim_start();
    let inner = t.strip_prefix("**")?;
    let close = inner.find("**")?;
    let label = inner[..close].trim().trim_end_matches(':').trim();
    let word = label.split([' ', '(']).next()?;
    if !word.eq_ignore_ascii_case("question") {
        return None;
    }
    let note = label[word.len()..].trim();
    if !(note.is_empty() || (note.starts_with('(') && note.ends_with(')'))) {
        return None;
    }
    Some(inner[close + 2..].trim_start_matches(':').trim())
}

/// A `<summary>` line naming the hints: its text, when it is one.
pub fn hints_summary(text: &str) -> Option<Field> {
    let t = text.trim();
    if !t.contains('<') {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let start = lower.find("<summary>")? + "<summary>".len();
    let end = lower.find("</summary>")?;
    let label = crate::text::humanize::strip_html_tags(t.get(start..end)?);
    Field::from_label(&label).filter(|f| *f == Field::KeyPoints)
}

/// Reads hint cards into `parsed`.
pub fn parse<'a>(lines: &[Line<'a>], parsed: &mut ParsedFile) {
    let Some(level) = card_level(lines, paren_numbered_heading) else {
        return;
    };
    let mut card: Option<CardBuilder<'a>> = None;
    walk(
        lines,
        level,
        paren_numbered_heading,
        true,
        parsed,
        |step, parsed| match step {
            Step::Card { text, line, topics } => {
                card = Some(CardBuilder::new(clean_question(text), line, topics));
            }
            Step::End => finish(&mut card, parsed),
            Step::Body(line) => {
                if let Some(c) = &mut card {
                    body(c, line);
                }
            }
        },
    );
}

/// A line inside a hint card: the question label, the hints block, or text.
fn body<'a>(c: &mut CardBuilder<'a>, line: &Line<'a>) {
    if line.fenced {
        c.push(*line);
        return;
    }
    let trimmed = line.text.trim().as_bytes();
    let starts = |tag: &str| {
        trimmed
            .get(..tag.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(tag.as_bytes()))
    };
    if let Some(rest) = question_label(line.text) {
        let first = (!rest.is_empty()).then_some(Line {
            text: rest,
            ..*line
        });
        c.start(Field::Question, first);
    } else if let Some(field) = hints_summary(line.text) {
        c.start(field, None);
    } else if starts("<details") || trimmed.eq_ignore_ascii_case(b"</summary>") {
    } else if starts("</details>") {
        c.start(Field::Detail, None);
    } else {
        c.push(*line);
    }
}

fn finish(card: &mut Option<CardBuilder>, parsed: &mut ParsedFile) {
    let Some(c) = card.take() else {
        return;
    };
    let mut raw: RawCard = c.finish();
    raw.question = one_line_question(&raw.question);
    if raw.question.is_empty() {
        parsed.warn(raw.line, "card has an empty question: skipped");
    } else {
        parsed.cards.push(raw);
    }
}

/// The question paragraph and its bullets as one line: "… too quickly. How would you
/// recover the logs? How can you keep them?"
fn one_line_question(text: &str) -> String {
    let lines = super::block::scan_lines(text, 1);
    let parts = list_items(&lines);
    clean_question(&parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_headings() {
        assert_eq!(question_label("**Question:**  "), Some(""));
        assert_eq!(
            question_label("**Question (Scenario):** Why?"),
            Some("Why?")
        );
        assert_eq!(question_label("**Questions to ask:**"), None);
        assert_eq!(question_label("**Answer:**"), None);
        assert!(paren_numbered_heading("14) Scenario: Node Debugging"));
        assert!(!paren_numbered_heading("14. Node Debugging"));
        assert_eq!(
            hints_summary("  <summary>Hints / Key Points</summary>"),
            Some(Field::KeyPoints)
        );
        assert_eq!(hints_summary("<summary>Why?</summary>"), None);
    }
}
