//! Notes written as a list of bold questions: `1. **What is an inode?**` or
//! `- **What is a zombie process?** A process that exited …`, the answer being the rest
//! of the item's line and everything after it up to the next such item or heading.
//! Headings are topics. This module tells which lines open such a card; the reader is
//! the question-headings one, since files mix the two.

use super::answer_labels::{Part, answer_label};
use super::block::{Line, list_item_body};
use super::question_headings::{heading_question, is_question};
use crate::text::humanize::clean_question;

/// A line that opens a bold question: a top-level list item or a paragraph that starts
/// with a bold question (`1. **What is an inode?**`, `**Why pin by digest?**`), or a
/// `**Scenario:** …` prompt. Returns the question, the rest of its line, and the column
/// where the text starts (the continuation indent of a list item).
pub fn bold_question<'a>(line: &Line<'a>) -> Option<(String, &'a str, usize)> {
    if line.fenced || !opens_like_bold(line.text) {
        return None;
    }
    let body = list_item_body(line.text).unwrap_or(line.text);
    let inner = body.strip_prefix("**")?;
    let end = inner.find("**")?;
    let question = inner[..end].trim();
    let indent = line.text.len() - body.len();
    if let Some((Part::Prompt, rest)) = answer_label(&Line {
        text: body,
        ..*line
    }) {
        let scenario = question
            .get(..8)
            .is_some_and(|w| w.eq_ignore_ascii_case("scenario"));
        return (scenario && !rest.is_empty()).then(|| (clean_question(rest), "", indent));
    }
    // `**Why:**` is a label, not a question.
    if question.ends_with(':') || !is_question(question) {
        return None;
    }
    let rest = inner[end + 2..]
        .trim_start_matches(|c: char| c == ':' || c == '-' || c == '—' || c.is_whitespace());
    Some((heading_question(question), rest, indent))
}

/// A bold question at `lines[i]`, also one whose bold wraps onto the next line
/// (`1. **What is the difference between` / `   a Deployment and a StatefulSet?**`):
/// the question, the rest of its last line, the continuation indent, and how many lines
/// it took.
pub fn opener<'a>(lines: &[Line<'a>], i: usize) -> Option<(String, &'a str, usize, usize)> {
    let line = &lines[i];
    if let Some((question, rest, indent)) = bold_question(line) {
        return Some((question, rest, indent, 1));
    }
    if line.fenced || !opens_like_bold(line.text) {
        return None;
    }
    let body = list_item_body(line.text).unwrap_or(line.text);
    let first = body.strip_prefix("**").filter(|b| !b.contains("**"))?;
    let next = lines.get(i + 1).filter(|l| !l.fenced && !l.is_blank())?;
    let (second, after) = next.text.trim().split_once("**")?;
    let question = format!("{} {}", first.trim(), second.trim());
    if question.ends_with(':') || !is_question(&question) {
        return None;
    }
    let rest =
        after.trim_start_matches(|c: char| c == ':' || c == '-' || c == '—' || c.is_whitespace());
    Some((
        heading_question(&question),
        rest,
        line.text.len() - body.len(),
        2,
    ))
}

/// Whether a line starts as a bold paragraph or a top-level list item does: a cheap
/// test that rules out most lines.
fn opens_like_bold(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'*' | b'-' | b'+' | b'0'..=b'9')
    )
}

/// How many lines open a bold question.
pub fn count(lines: &[Line]) -> usize {
    (0..lines.len())
        .filter(|&i| opener(lines, i).is_some())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_that_open_with_a_bold_question() {
        let (q, rest, indent) =
            bold_question(&Line::plain("12. **What is an inode?** A record.")).unwrap();
        assert_eq!(
            (q.as_str(), rest, indent),
            ("What is an inode?", "A record.", 4)
        );
        assert!(bold_question(&Line::plain("- **Why:** because")).is_none());
        assert!(bold_question(&Line::plain("- **Tip** keep it short")).is_none());
        assert!(bold_question(&Line::plain("   - **What is nested?**")).is_none());
        let (q, rest, _) = bold_question(&Line::plain("**What is X?** a paragraph")).unwrap();
        assert_eq!((q.as_str(), rest), ("What is X?", "a paragraph"));
        let (q, _, _) = bold_question(&Line::plain("- **Scenario:** The disk is full.")).unwrap();
        assert_eq!(q, "The disk is full.");
        assert!(bold_question(&Line::plain("**Scenario:**")).is_none());
    }

    #[test]
    fn a_bold_question_may_wrap_onto_the_next_line() {
        let lines = crate::parse::block::scan_lines(
            "1. **What is the difference between\n   a Deployment and a StatefulSet?** Identity.\n",
            1,
        );
        let (q, rest, indent, used) = opener(&lines, 0).unwrap();
        assert_eq!(
            q,
            "What is the difference between a Deployment and a StatefulSet?"
        );
        assert_eq!((rest, indent, used), ("Identity.", 3, 2));
    }
}
