//! Notes whose headings are the questions: `### What is a Pod?` followed by the answer,
//! the headings above being topics. A heading is a question when it ends in `?` or
//! starts with an asking word (what, why, how, explain, compare, difference between …);
//! other headings at the questions' level end the card and are not cards.

use super::ParsedFile;
use super::answer_labels::{Part, answer_label};
use super::block::Line;
use super::bold_questions::opener;
use super::heading_walk::Topics;
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

/// The text after a question marker: `Q: …`, `Q1. …`, `Q12) …`, `Question 3: …`,
/// `Question: …`, `Scenario 2: …`.
pub fn after_q_marker(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let word = ["question", "scenario", "q"].into_iter().find(|w| {
        t.as_bytes()
            .get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
    })?;
    let rest = &t[word.len()..];
    let rest = if word == "q" { rest } else { rest.trim_start() };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest[digits..].strip_prefix([':', '.', ')'])?;
    // `Q.` alone or `Question.` are not markers; `Q:` is.
    let marked = digits > 0 || rest.starts_with(':');
    (marked && (after.is_empty() || after.starts_with([' ', '\t'])))
        .then(|| after.trim_start())
        .filter(|a| !a.is_empty())
}

/// The question a heading asks, without its marker, cleaned for display.
pub fn heading_question(text: &str) -> String {
    clean_question(after_q_marker(text).unwrap_or(text))
}

/// Whether a heading asks a question.
pub fn is_question(text: &str) -> bool {
    if after_q_marker(text).is_some() {
        return true;
    }
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

/// Reads question-heading and bold-question cards into `parsed`.
///
/// A question heading at any level opens a card that runs to the next heading at its
/// level or above; deeper headings that do not ask belong to its answer. A bold question
/// (`1. **What is X?**`, `**Scenario:** …`) opens a card that runs to the next opener or
/// heading; lines indented under a list item lose that indent, so they read as the
/// paragraphs and lists they are. Other headings are topics; a question heading whose
/// body is only bold questions was a topic too.
pub fn parse<'a>(lines: &[Line<'a>], parsed: &mut ParsedFile) {
    let mut topics = Topics::new(lines, is_question, parsed);
    let mut card: Option<Pending<'a>> = None;
    let mut skip = 0;
    for (i, line) in lines.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if let Some((level, text)) = line.heading() {
            let asks = is_question(text);
            let inside = card
                .as_ref()
                .and_then(|c| c.heading)
                .is_some_and(|(_, at)| level > at);
            if asks || !inside {
                finish(card.take(), parsed);
            }
            if asks {
                topics.close_to(level);
                card = Some(Pending::new(
                    heading_question(text),
                    line.no,
                    Some((i, level)),
                    &topics,
                ));
            } else if !inside {
                topics.enter(i, level, text);
            } else if let Some(c) = &mut card {
                c.body.push(*line);
            }
            continue;
        }
        if let Some((question, rest, indent, used)) = opener(lines, i) {
            skip = used - 1;
            let blank_heading = card
                .as_ref()
                .filter(|c| c.is_blank())
                .and_then(|c| c.heading);
            let scenario = matches!(answer_label(line), Some((Part::Prompt, _)));
            if let (Some(_), Some(c), true) = (blank_heading, &mut card, scenario) {
                // `## Q1. Disk full` + `**Scenario:** …`: the scenario is the heading's
                // question, the heading its title.
                c.body.push(*line);
                continue;
            }
            if let Some((at, level)) = blank_heading {
                // A question heading with only bold questions under it names their topic.
                if let Some((_, text)) = lines[at].heading() {
                    topics.enter(at, level, text);
                }
            } else {
                finish(card.take(), parsed);
            }
            let mut c = Pending::new(question, line.no, None, &topics);
            c.indent = indent;
            if !rest.is_empty() {
                c.body.push(Line {
                    text: rest,
                    ..*line
                });
            }
            card = Some(c);
            continue;
        }
        if let Some(c) = &mut card {
            let spaces = line.text.len() - line.text.trim_start_matches(' ').len();
            let text = &line.text[spaces.min(c.indent)..];
            c.body.push(Line { text, ..*line });
        }
    }
    finish(card.take(), parsed);
}

struct Pending<'a> {
    question: String,
    line: usize,
    /// The heading's index and level for a heading card; `None` for a bold question.
    heading: Option<(usize, u8)>,
    /// The continuation indent of a list-item question.
    indent: usize,
    topics: Vec<String>,
    body: Vec<Line<'a>>,
}

impl<'a> Pending<'a> {
    fn new(question: String, line: usize, heading: Option<(usize, u8)>, topics: &Topics) -> Self {
        Pending {
            question,
            line,
            heading,
            indent: 0,
            topics: topics.path(),
            body: Vec::new(),
        }
    }

    fn is_blank(&self) -> bool {
        self.body.iter().all(Line::is_blank)
    }
}

fn finish(card: Option<Pending>, parsed: &mut ParsedFile) {
    if let Some(c) = card {
        card_from_answer(c.question, None, c.line, c.topics, &c.body, parsed);
    }
}

#[cfg(test)]
mod tests {
    use super::{heading_question, is_question};

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
        assert!(is_question("Q: Why pin images by digest"));
        assert!(is_question("Q1. Rolling updates"));
        assert!(is_question("Q12) Rolling updates"));
        assert!(is_question("Question 3: Taints"));
        assert!(is_question("Scenario 2: The disk is full"));
        assert!(!is_question("QA process"));
        assert!(!is_question("Q. and A."));
        assert_eq!(heading_question("Q12) Rolling updates"), "Rolling updates");
        assert_eq!(heading_question("Question: What is X?"), "What is X?");
    }
}
