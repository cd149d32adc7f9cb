//! Plain-text flashcards: `Q:` and `A:` line pairs. A question or answer runs on over the
//! following lines until the next `Q:` or `A:` (or a heading, which is a topic). A `Q:`
//! with no `A:` is a card without an answer.

use super::block::{Line, list_item_body};
use super::field_text::field_text;
use super::heading_walk::Topics;
use super::{ParsedFile, RawCard};
use crate::text::humanize::clean_question;

/// Where the text starts after a question (`letter` `Q`) or answer (`A`) marker at the
/// start of a line: `Q:`, `Question:`, or either in bold (`**Q:**`, `**Question**:`),
/// in any case.
pub fn marker(line: &Line, letter: char) -> Option<usize> {
    if line.fenced {
        return None;
    }
    // Most lines start with some other visible character: no need to trim them.
    if let Some(b) = line.text.as_bytes().first()
        && b.is_ascii_graphic()
        && !matches!(b, b'*' | b'-' | b'+' | b'0'..=b'9')
        && !char::from(*b).eq_ignore_ascii_case(&letter)
    {
        return None;
    }
    let word = if letter.eq_ignore_ascii_case(&'Q') {
        "question"
    } else {
        "answer"
    };
    // A bold pair may sit in a list item: `- **Q:** …`, `1. **Question:** …`.
    let t = line.text.trim_start();
    let t = match t.as_bytes() {
        [b'-' | b'+' | b'*', b' ', b'*', b'*', ..] => &t[2..],
        [b'0'..=b'9', ..] => list_item_body(t).filter(|b| b.starts_with("**"))?,
        _ => t,
    };
    match t.as_bytes().first() {
        Some(b'*') => {}
        Some(&b) if char::from(b).eq_ignore_ascii_case(&letter) => {}
        _ => return None,
    }
    let (bold, rest) = match t.strip_prefix("**") {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let name_len = if rest.len() >= word.len()
        && rest.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
    {
        word.len()
    } else if rest.chars().next()?.eq_ignore_ascii_case(&letter) {
        1
    } else {
        return None;
    };
    let after = &rest[name_len..];
    let close = if !bold {
        after.strip_prefix(':')
    } else {
        after
            .strip_prefix(":**")
            .or_else(|| after.strip_prefix("**:"))
    }?;
    Some(line.text.len() - close.len())
}

/// Reads `Q:`/`A:` cards into `parsed`.
pub fn parse<'a>(lines: &[Line<'a>], parsed: &mut ParsedFile) {
    let mut topics = Topics::new(lines, |_| false, parsed);
    // (line, question lines, answer lines once `A:` was seen)
    let mut card: Option<Pending<'a>> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some((level, text)) = line.heading() {
            finish(card.take(), parsed);
            topics.enter(i, level, text);
            continue;
        }
        if let Some(at) = marker(line, 'Q') {
            finish(card.take(), parsed);
            let first = Line {
                text: line.text[at..].trim_start(),
                ..*line
            };
            card = Some((line.no, vec![first], None, topics.path()));
            continue;
        }
        let Some((_, question, answer, _)) = &mut card else {
            continue;
        };
        if let Some(at) = marker(line, 'A') {
            let first = Line {
                text: line.text[at..].trim_start(),
                ..*line
            };
            answer.get_or_insert_with(Vec::new).push(first);
        } else if let Some(a) = answer {
            a.push(*line);
        } else {
            question.push(*line);
        }
    }
    finish(card.take(), parsed);
}

type Pending<'a> = (usize, Vec<Line<'a>>, Option<Vec<Line<'a>>>, Vec<String>);

fn finish(card: Option<Pending>, parsed: &mut ParsedFile) {
    let Some((line, question, answer, topics)) = card else {
        return;
    };
    let question = field_text(&question).map_or_else(String::new, |q| clean_question(&q));
    if question.is_empty() {
        parsed.warn(line, "`Q:` with no question text: skipped");
        return;
    }
    parsed.cards.push(RawCard {
        question,
        line,
        topics,
        answer: answer.as_deref().and_then(field_text),
        ..RawCard::default()
    });
}
