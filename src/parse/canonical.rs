//! prepdeck's own layout: `#` topics, `##` questions, `###` named sections.

use super::ParsedFile;
use super::block::Line;
use super::fields::{CardBuilder, Field};
use crate::text::humanize::{clean_question, clean_topic_heading};

/// Reads canonical cards from `lines` into `parsed`.
pub fn parse<'a>(lines: &[Line<'a>], parsed: &mut ParsedFile) {
    let title_at = single_title_heading(lines, |_| false);
    if let Some(i) = title_at
        && parsed.title.is_none()
        && let Some((_, text)) = lines[i].heading()
    {
        parsed.title = Some(clean_topic_heading(text));
    }
    let mut topic: Vec<String> = Vec::new();
    let mut card: Option<CardBuilder<'a>> = None;
    for (i, line) in lines.iter().enumerate() {
        match line.heading() {
            Some((1, text)) => {
                finish(&mut card, parsed);
                if Some(i) != title_at {
                    topic = vec![clean_topic_heading(text)];
                }
            }
            Some((2, text)) => {
                finish(&mut card, parsed);
                card = Some(CardBuilder::new(
                    clean_question(text),
                    line.no,
                    topic.clone(),
                ));
            }
            Some((3, text)) => match (&mut card, Field::from_label(text)) {
                (Some(c), Some(field)) if field != Field::Question => c.start(field, None),
                (Some(c), _) => {
                    parsed.warn(
                        line.no,
                        format!(
                            "unknown section `### {text}`: its text is kept in the detail; \
                             known sections are Why it is asked, Answer, Key points, Detail, \
                             Table, Takeaway, Example answer, Follow-ups"
                        ),
                    );
                    if c.current().is_none() || c.current() != Some(Field::Detail) {
                        c.start(Field::Detail, None);
                    }
                    c.push(*line);
                }
                (None, _) => parsed.warn(
                    line.no,
                    format!(
                        "section `### {text}` is outside any card: put a `## question` above it"
                    ),
                ),
            },
            _ if line.is_rule() => {}
            _ => {
                if let Some(c) = &mut card {
                    if c.current().is_none() && read_metadata(c, line, parsed) {
                        continue;
                    }
                    c.push(*line);
                }
            }
        }
    }
    finish(&mut card, parsed);
}

/// Reads a `Tags:` or `Id:` line under the question. Returns true when it was one.
fn read_metadata(card: &mut CardBuilder, line: &Line, parsed: &mut ParsedFile) -> bool {
    let text = line.text.trim();
    let Some((key, value)) = text.split_once(':') else {
        return false;
    };
    match key.trim().to_ascii_lowercase().as_str() {
        "tags" => {
            card.tags.extend(
                value
                    .split(',')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty()),
            );
            true
        }
        "id" => {
            let id = value.trim();
            if is_valid_id(id) {
                card.explicit_id = Some(id.to_string());
            } else {
                parsed.warn(
                    line.no,
                    format!(
                        "invalid id `{id}`: use at most 128 characters, no spaces or control characters"
                    ),
                );
            }
            true
        }
        _ => false,
    }
}

/// Any printable id up to 128 characters without spaces, so an Anki GUID
/// (`Ot0!xywPWG`) read from an export keeps its card when the deck is written as
/// markdown.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= 128
        && id.chars().all(|c| !c.is_whitespace() && !c.is_control())
}

fn finish(card: &mut Option<CardBuilder>, parsed: &mut ParsedFile) {
    if let Some(c) = card.take() {
        let raw = c.finish();
        if raw.answer.is_none() && !raw.question.is_empty() {
            parsed.warn(raw.line, "card has no `### Answer` section");
        }
        if raw.question.is_empty() {
            parsed.warn(raw.line, "card has an empty question heading: skipped");
            return;
        }
        parsed.cards.push(raw);
    }
}

/// The index of the file's only `#` heading, when there is exactly one and it is not
/// itself a card: that heading titles the file rather than opening a topic.
pub fn single_title_heading(lines: &[Line], is_card: impl Fn(&str) -> bool) -> Option<usize> {
    let mut found = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some((1, text)) = line.heading() {
            if found.is_some() || is_card(text) {
                return None;
            }
            found = Some(i);
        }
    }
    found
}
