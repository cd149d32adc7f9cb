//! Logseq's cards: an outline block ending in `#card` is the question, the blocks nested
//! under it the answer. Logseq's own `key:: value` property lines (where it keeps its
//! review state) are skipped; the outline blocks above a card are its topics, and
//! `[[links]]` read as their text.

use super::block::Line;
use super::{ParsedFile, RawCard};
use crate::text::humanize::{clean_question, clean_topic_heading};

/// The indent of `text` in columns, a tab counting four.
fn indent(text: &str) -> usize {
    text.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// The text of an outline block's first line: `- text` → `text`.
fn block_text(text: &str) -> Option<&str> {
    let t = text.trim_start();
    t.strip_prefix("- ").or_else(|| (t == "-").then_some(""))
}

/// The question of a block tagged `#card`, without the tag.
pub fn card_question(line: &Line) -> Option<String> {
    if line.fenced {
        return None;
    }
    let text = block_text(line.text)?;
    if !text.as_bytes().contains(&b'#') {
        return None;
    }
    let at = tag_at(text)?;
    let question = format!("{}{}", &text[..at], &text[at + "#card".len()..]);
    Some(clean_question(&unlink(question.trim())))
}

/// Where the `#card` tag stands in `text`, as a whole word.
fn tag_at(text: &str) -> Option<usize> {
    text.match_indices('#').map(|(at, _)| at).find(|&at| {
        let Some(rest) = text[at..].strip_prefix("#card") else {
            return false;
        };
        let before = at == 0 || text[..at].ends_with(char::is_whitespace);
        before && rest.chars().next().is_none_or(char::is_whitespace)
    })
}

/// `[[Page name]]` → `Page name`.
fn unlink(text: &str) -> String {
    // Most blocks link nothing: one byte scan tells, without two substring searches.
    if memchr::memchr2(b'[', b']', text.as_bytes()).is_none() {
        return text.to_string();
    }
    text.replace("[[", "").replace("]]", "")
}

/// A Logseq property line: `card-last-interval:: 4`, `id:: 64f…`.
fn is_property(text: &str) -> bool {
    let t = text.trim_start();
    memchr::memmem::find(t.as_bytes(), b":: ").is_some_and(|at| {
        at > 0
            && t[..at]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

/// Reads the outline's cards into `parsed`.
pub fn parse(lines: &[Line], parsed: &mut ParsedFile) {
    // The open outline blocks above the current line: (indent, text).
    let mut parents: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let Some(text) = block_text(line.text).filter(|_| !line.fenced) else {
            i += 1;
            continue;
        };
        let depth = indent(line.text);
        parents.retain(|(d, _)| *d < depth);
        let Some(question) = card_question(&line) else {
            let topic = clean_topic_heading(&unlink(text.trim_start_matches('#')));
            parents.push((depth, topic));
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while lines
            .get(end)
            .is_some_and(|l| l.is_blank() || indent(l.text) > depth)
        {
            end += 1;
        }
        let children: Vec<&Line> = lines[i + 1..end]
            .iter()
            .filter(|l| l.fenced || !is_property(l.text))
            .collect();
        let topics = parents
            .iter()
            .map(|(_, t)| t.clone())
            .filter(|t| !t.is_empty())
            .collect();
        if question.is_empty() {
            parsed.warn(line.no, "`#card` block with no question text: skipped");
        } else {
            parsed.cards.push(RawCard {
                question,
                line: line.no,
                topics,
                answer: answer(&children),
                ..RawCard::default()
            });
        }
        i = end;
    }
}

/// The child blocks as markdown: one child reads as a paragraph, several as a list.
fn answer(children: &[&Line]) -> Option<String> {
    let base = children
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| indent(l.text))
        .min()?;
    let blocks = children
        .iter()
        .filter(|l| !l.fenced && block_text(l.text).is_some() && indent(l.text) == base)
        .count();
    let mut out = Vec::with_capacity(children.len());
    for line in children {
        let mut cut = 0;
        let mut width = 0;
        for c in line.text.chars() {
            if width >= base || !(c == ' ' || c == '\t') {
                break;
            }
            width += if c == '\t' { 4 } else { 1 };
            cut += c.len_utf8();
        }
        let text = &line.text[cut..];
        let text = if blocks == 1 && indent(line.text) == base {
            block_text(text).unwrap_or(text)
        } else {
            text
        };
        out.push(unlink(text.trim_end()));
    }
    let joined = out.join("\n");
    let joined = joined.trim();
    (!joined.is_empty()).then(|| joined.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_blocks_and_properties() {
        assert_eq!(
            card_question(&Line::plain("\t- What is a [[CNAME]]? #card")).as_deref(),
            Some("What is a CNAME?")
        );
        assert!(card_question(&Line::plain("- about #cards")).is_none());
        assert!(card_question(&Line::plain("What is X? #card")).is_none());
        assert!(is_property("  card-last-interval:: 4"));
        assert!(!is_property("- a note:: with colons"));
    }
}
