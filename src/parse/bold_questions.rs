//! Notes written as a list of bold questions: `1. **What is an inode?**` or
//! `- **What is a zombie process?** A process that exited …`, the answer being the rest
//! of the item's line and everything after it up to the next such item or heading.
//! Headings are topics.

use super::ParsedFile;
use super::block::{Line, list_item_body};
use super::heading_walk::Topics;
use super::qa_headings::card_from_answer;
use super::question_headings::is_question;
use crate::text::humanize::clean_question;

/// A top-level list item that opens with a bold question: the question, the rest of
/// its line, and the column where the item's text starts (its continuation indent).
pub fn bold_question<'a>(line: &Line<'a>) -> Option<(String, &'a str, usize)> {
    if line.fenced || line.text.starts_with([' ', '\t']) {
        return None;
    }
    let body = list_item_body(line.text)?;
    let inner = body.strip_prefix("**")?;
    let end = inner.find("**")?;
    let question = inner[..end].trim();
    // `**Why:**` is a label, not a question.
    if question.ends_with(':') || !is_question(question) {
        return None;
    }
    let rest = inner[end + 2..]
        .trim_start_matches(|c: char| c == ':' || c == '-' || c == '—' || c.is_whitespace());
    let indent = line.text.len() - body.len();
    Some((clean_question(question), rest, indent))
}

/// How many lines open a bold-question item.
pub fn count(lines: &[Line]) -> usize {
    lines.iter().filter(|l| bold_question(l).is_some()).count()
}

struct Pending<'a> {
    question: String,
    line: usize,
    topics: Vec<String>,
    indent: usize,
    body: Vec<Line<'a>>,
}

/// Reads bold-question cards into `parsed`.
pub fn parse<'a>(lines: &[Line<'a>], parsed: &mut ParsedFile) {
    let mut topics = Topics::new(lines, |_| false, parsed);
    let mut card: Option<Pending<'a>> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some((level, text)) = line.heading() {
            finish(card.take(), parsed);
            topics.enter(i, level, text);
            continue;
        }
        if let Some((question, rest, indent)) = bold_question(line) {
            finish(card.take(), parsed);
            let first = (!rest.is_empty()).then_some(Line {
                text: rest,
                ..*line
            });
            card = Some(Pending {
                question,
                line: line.no,
                topics: topics.path(),
                indent,
                body: first.into_iter().collect(),
            });
            continue;
        }
        if let Some(c) = &mut card {
            // Lines indented under the item lose that indent, so they read as the
            // paragraphs and lists they are, not as code.
            let spaces = line.text.len() - line.text.trim_start_matches(' ').len();
            let text = &line.text[spaces.min(c.indent)..];
            c.body.push(Line { text, ..*line });
        }
    }
    finish(card.take(), parsed);
}

fn finish(card: Option<Pending>, parsed: &mut ParsedFile) {
    if let Some(c) = card {
        card_from_answer(c.question, None, c.line, c.topics, &c.body, parsed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line<'_> {
        Line {
            no: 1,
            text,
            fenced: false,
        }
    }

    #[test]
    fn items_that_open_with_a_bold_question() {
        let (q, rest, indent) =
            bold_question(&line("12. **What is an inode?** A record.")).unwrap();
        assert_eq!(
            (q.as_str(), rest, indent),
            ("What is an inode?", "A record.", 4)
        );
        assert!(bold_question(&line("- **Why:** because")).is_none());
        assert!(bold_question(&line("- **Tip** keep it short")).is_none());
        assert!(bold_question(&line("   - **What is nested?**")).is_none());
        assert!(bold_question(&line("**What is X?** not a list item")).is_none());
    }
}
