//! The Obsidian Spaced Repetition plugin's cards, in notes tagged `#flashcards`:
//! `question::answer` on one line, `question:::answer` for a pair read both ways, and
//! multi-line cards whose question and answer are split by a line holding only `?`
//! (`??` both ways), the card ending at a blank line. `#flashcards/sub/topic` puts the
//! cards below it under that topic; headings are topics too.

use super::block::Line;
use super::heading_walk::Topics;
use super::{ParsedFile, RawCard};
use crate::text::humanize::{clean_question, clean_topic_heading};

/// The topic path a `#flashcards` tag in `text` names (empty for the bare tag), or
/// `None` when the line holds no such tag.
pub fn flashcards_tag(text: &str) -> Option<Vec<String>> {
    // Most lines hold no `#`: a byte search rules them out before any string search.
    for (at, _) in text.match_indices('#') {
        let Some(after) = text[at..].strip_prefix("#flashcards") else {
            continue;
        };
        let before_ok = at == 0 || text[..at].ends_with(char::is_whitespace);
        let tail = &after[..after.find(char::is_whitespace).unwrap_or(after.len())];
        if before_ok && (tail.is_empty() || tail.starts_with('/')) {
            return Some(
                tail.split('/')
                    .filter(|s| !s.is_empty())
                    .map(|s| clean_topic_heading(&s.replace(['-', '_'], " ")))
                    .collect(),
            );
        }
    }
    None
}

/// Where `::` (or `:::`) splits `text` outside inline code: (start, separator length).
fn separator(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut in_code = false;
    let mut i = 0;
    while i + 1 < bytes.len() {
        match bytes[i] {
            b'`' => in_code = !in_code,
            b':' if !in_code && bytes[i + 1] == b':' => {
                let len = if bytes.get(i + 2) == Some(&b':') {
                    3
                } else {
                    2
                };
                return Some((i, len));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A line that is only tags (`#flashcards/sre #review`).
fn only_tags(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.split_whitespace()
            .all(|w| w.starts_with('#') && w.len() > 1)
}

/// `?` or `??` alone on a line: the split of a multi-line card.
fn split_mark(line: &Line) -> Option<bool> {
    match line.text.trim() {
        "?" if !line.fenced => Some(false),
        "??" if !line.fenced => Some(true),
        _ => None,
    }
}

/// How many cards the file holds, when it is tagged `#flashcards`; zero otherwise.
pub fn count(lines: &[Line]) -> usize {
    let tagged = lines.iter().any(|l| {
        !l.fenced
            && l.text.as_bytes().contains(&b'#')
            && l.heading().is_none()
            && flashcards_tag(l.text).is_some()
    });
    if !tagged {
        return 0;
    }
    lines
        .iter()
        .filter(|l| {
            !l.fenced
                && l.heading().is_none()
                && (split_mark(l).is_some() || separator(l.text).is_some())
        })
        .count()
}

/// Reads the file's cards into `parsed`.
pub fn parse(lines: &[Line], parsed: &mut ParsedFile) {
    let mut topics = Topics::new(lines, |_| false, parsed);
    let mut tag_topic: Vec<String> = Vec::new();
    let mut block_start = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some((level, text)) = line.heading() {
            topics.enter(i, level, text);
            block_start = i + 1;
            i += 1;
            continue;
        }
        if line.fenced || line.is_blank() {
            block_start = i + 1;
            i += 1;
            continue;
        }
        if let Some(path) = flashcards_tag(line.text) {
            tag_topic = path;
        }
        let path = || [tag_topic.clone(), topics.path()].concat();
        if let Some(both_ways) = split_mark(&line) {
            let question: Vec<&str> = lines[block_start..i]
                .iter()
                .map(|l| l.text)
                .filter(|t| !only_tags(t))
                .collect();
            let mut end = i + 1;
            while lines.get(end).is_some_and(|l| !l.is_blank() || l.fenced) {
                end += 1;
            }
            let answer: Vec<&str> = lines[i + 1..end].iter().map(|l| l.text).collect();
            let at = lines[block_start..i]
                .iter()
                .find(|l| !only_tags(l.text))
                .map_or(line.no, |l| l.no);
            push(parsed, &question.join("\n"), &answer.join("\n"), at, path());
            if both_ways {
                push(parsed, &answer.join("\n"), &question.join("\n"), at, path());
            }
            block_start = end;
            i = end;
            continue;
        }
        if let Some((at, len)) = separator(line.text) {
            let (question, answer) = (&line.text[..at], &line.text[at + len..]);
            push(parsed, question, answer, line.no, path());
            if len == 3 {
                push(parsed, answer, question, line.no, path());
            }
            block_start = i + 1;
        }
        i += 1;
    }
}

fn push(parsed: &mut ParsedFile, question: &str, answer: &str, line: usize, topics: Vec<String>) {
    let question = clean_question(&question.replace('\n', " "));
    if question.is_empty() {
        parsed.warn(line, "flashcard with an empty question: skipped");
        return;
    }
    let answer = answer.trim();
    parsed.cards.push(RawCard {
        question,
        line,
        topics,
        answer: (!answer.is_empty()).then(|| answer.to_string()),
        ..RawCard::default()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_separators() {
        assert_eq!(flashcards_tag("#flashcards"), Some(vec![]));
        assert_eq!(
            flashcards_tag("notes #flashcards/sre/error-budgets"),
            Some(vec!["sre".to_string(), "error budgets".to_string()])
        );
        assert_eq!(flashcards_tag("#flashcardsx"), None);
        assert_eq!(flashcards_tag("a#flashcards"), None);
        assert_eq!(separator("What is toil::Manual work"), Some((12, 2)));
        assert_eq!(separator("SLI:::indicator"), Some((3, 3)));
        assert_eq!(separator("use `std::io` here"), None);
    }
}
