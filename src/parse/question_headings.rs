//! Notes whose headings are the questions: `### What is a Pod?` followed by the answer,
//! the headings above being topics. A heading is a question when it ends in `?` or
//! starts with an asking word (what, why, how, explain, compare, difference between …);
//! other headings at the questions' level end the card and are not cards.

use super::ParsedFile;
use super::block::Line;
use super::heading_walk::{Step, card_level, walk};
use super::qa_headings::card_from_answer;
use crate::text::humanize::{clean_question, strip_number_prefix};

/// Words that open a question heading even without a `?`.
const ASKING: [&str; 13] = [
    "what",
    "what's",
    "why",
    "how",
    "when",
    "which",
    "who",
    "where",
    "explain",
    "describe",
    "compare",
    "define",
    "difference between",
];

/// Whether a heading asks a question.
pub fn is_question(text: &str) -> bool {
    let t = clean_question(text);
    let t = strip_number_prefix(&t).trim();
    if t.ends_with('?') {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    ASKING.iter().any(|word| {
        lower
            .strip_prefix(word)
            .is_some_and(|rest| rest.starts_with([' ', ',', ':']))
    })
}

/// How many headings outside code ask a question; one is enough for the layout, which
/// is tried last, after every layout with a stronger signal.
pub fn count(lines: &[Line]) -> usize {
    lines
        .iter()
        .filter_map(Line::heading)
        .filter(|(_, text)| is_question(text))
        .count()
}

/// Reads question-heading cards into `parsed`: the body up to the next heading at the
/// questions' level or above is the answer.
pub fn parse<'a>(lines: &[Line<'a>], parsed: &mut ParsedFile) {
    let Some(level) = card_level(lines, is_question) else {
        return;
    };
    let mut card: Option<(String, usize, Vec<String>, Vec<Line<'a>>)> = None;
    walk(
        lines,
        level,
        is_question,
        false,
        parsed,
        |step, parsed| match step {
            Step::Card { text, line, topics } => {
                card = Some((clean_question(text), line, topics, Vec::new()));
            }
            Step::End => {
                if let Some((question, line, topics, body)) = card.take() {
                    card_from_answer(question, None, line, topics, &body, parsed);
                }
            }
            Step::Body(line) => {
                if let Some((_, _, _, body)) = &mut card {
                    body.push(*line);
                }
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::is_question;

    #[test]
    fn questions_and_topics() {
        assert!(is_question("What is a Pod?"));
        assert!(is_question("3. How does DNS resolution work"));
        assert!(is_question("Explain the CAP theorem"));
        assert!(is_question(
            "Difference between a Deployment and a StatefulSet"
        ));
        assert!(!is_question("Networking"));
        assert!(!is_question("Whatever comes next"));
        assert!(!is_question("Table of Contents"));
    }
}
