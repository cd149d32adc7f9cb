//! The question-and-answer-headings layout of mock-interview answer keys:
//! `## Question 3: Count vs for_each` (or `### 3. Question`), an `**Answer:**` label and
//! a long explanation with bold sub-labels, tables and code.
//!
//! After `**Answer:**` every line belongs to the explanation: bold sub-labels such as
//! `**Example: …**` or `**Benefits:**` are text, not fields. The explanation's first
//! paragraph is the short answer when it is prose (not a lone `**Label:**`, a list, a
//! table or code); everything else is the detail, with its pipe tables as the card's
//! tables. Text between the heading and `**Answer:**` is the full question, the heading
//! then being the title.

use super::answer_labels;
use super::block::{Line, list_item_body, split_tables};
use super::field_text::{field_text, split_first_block};
use super::fields::{Field, bold_label};
use super::heading_walk::{Step, card_level, walk};
use super::labelled::numbered_heading;
use super::{ParsedFile, RawCard};
use crate::text::humanize::clean_question;

/// `Question 3: Title` (also `Question 3.` / `Question 3)` / `Question 3 -`).
pub fn question_heading(text: &str) -> bool {
    let t = text.trim_start();
    if !t
        .get(..9)
        .is_some_and(|p| p.eq_ignore_ascii_case("question "))
    {
        return false;
    }
    let after = &t[9..];
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && after[digits..]
            .trim_start()
            .starts_with([':', '.', ')', '-', '—'])
}

struct Pending<'a> {
    heading: String,
    line: usize,
    topics: Vec<String>,
    before: Vec<Line<'a>>,
    answer: Option<Vec<Line<'a>>>,
}

/// Reads question-heading cards into `parsed`.
pub fn parse<'a>(lines: &[Line<'a>], parsed: &mut ParsedFile) {
    let is_card = |t: &str| question_heading(t) || numbered_heading(t);
    let Some(level) = card_level(lines, question_heading) else {
        return;
    };
    let mut card: Option<Pending<'a>> = None;
    walk(
        lines,
        level,
        is_card,
        false,
        parsed,
        |step, parsed| match step {
            Step::Card { text, line, topics } => {
                card = Some(Pending {
                    heading: clean_question(text),
                    line,
                    topics,
                    before: Vec::new(),
                    answer: None,
                });
            }
            Step::End => finish(card.take(), parsed),
            Step::Body(line) => {
                let Some(c) = &mut card else {
                    return;
                };
                match &mut c.answer {
                    Some(body) => body.push(*line),
                    None => match bold_label(line.text).filter(|_| !line.fenced) {
                        Some((Field::Answer, rest)) => {
                            let first = (!rest.is_empty()).then_some(Line {
                                text: rest,
                                ..*line
                            });
                            c.answer = Some(first.into_iter().collect());
                        }
                        _ => c.before.push(*line),
                    },
                }
            }
        },
    );
}

fn finish(card: Option<Pending>, parsed: &mut ParsedFile) {
    let Some(c) = card else {
        return;
    };
    let body: Vec<Line> = c.answer.unwrap_or_default();
    let intro = field_text(&c.before);
    let (question, title) = match intro {
        Some(q) if !q.starts_with("**") => (
            clean_question(&q.replace('\n', " ")),
            Some(c.heading.clone()),
        ),
        _ => (c.heading.clone(), None),
    };
    // After `**Answer:**` every bold label is part of the explanation.
    card_from_sections(question, title, c.line, c.topics, &body, body.len(), parsed);
}

/// A card from its question and the lines of its answer: the first block is the short
/// answer when it is prose (not a lone `**Label:**`, a list, a table or code), the rest
/// the detail with its pipe tables as the card's tables.
pub(super) fn card_from_answer(
    question: String,
    title: Option<String>,
    line: usize,
    topics: Vec<String>,
    body: &[Line],
    parsed: &mut ParsedFile,
) {
    if let Some(cut) = answer_labels::split(body) {
        // `**Scenario:** …` under a title: the scenario is the question, the heading
        // its title. Context before the answer leads the detail.
        let (question, title) = match field_text(&cut.prompt) {
            Some(prompt) if title.is_none() => {
                (clean_question(&prompt.replace('\n', " ")), Some(question))
            }
            _ => (question, title),
        };
        let mut lines = cut.answer;
        let context_at = lines.len();
        lines.extend(cut.before);
        lines.extend(cut.rest);
        card_from_sections(question, title, line, topics, &lines, context_at, parsed);
    } else {
        card_from_sections(question, title, line, topics, body, body.len(), parsed);
    }
}

/// `card_from_answer` once labels are gone: `body[..answer_end]` is the answer section,
/// whose first prose block is the short answer; the rest is the detail.
fn card_from_sections(
    question: String,
    title: Option<String>,
    line: usize,
    topics: Vec<String>,
    body: &[Line],
    answer_end: usize,
    parsed: &mut ParsedFile,
) {
    let mut raw = RawCard {
        question,
        title,
        line,
        topics,
        ..RawCard::default()
    };
    let (first, rest) = split_first_block(&body[..answer_end]);
    let rest = &body[answer_end - rest.len()..];
    let prose = first.first().is_some_and(|l| {
        let t = l.text.trim_start();
        let lone_label = t.starts_with("**") && t.trim_end().ends_with(":**") && first.len() == 1;
        let structure = l.fenced || t.starts_with('|') || list_item_body(t).is_some();
        !(lone_label || structure)
    });
    let detail_lines = if prose {
        raw.answer = field_text(first);
        rest
    } else {
        body
    };
    let (tables, leftover) = split_tables(detail_lines);
    raw.tables = tables;
    raw.detail = field_text(&leftover);
    if raw.question.is_empty() {
        parsed.warn(raw.line, "card has an empty question: skipped");
    } else {
        parsed.cards.push(raw);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_headings() {
        assert!(question_heading("Question 1: Dynamic Blocks"));
        assert!(question_heading("question 12. Drift"));
        assert!(!question_heading("Question: what?"));
        assert!(!question_heading("Questions 1: x"));
        assert!(!question_heading("Q1: x"));
    }
}
