//! The collapsible-blocks layout of many web question banks:
//!
//! ```text
//! ###### System Questions (37)
//! <details>
//! <summary><b>What is a zombie process? ***</b></summary><br>
//! answer markdown, code fences, lists, HTML tables …
//! </details>
//! ```
//!
//! Every heading outside a block is a topic (anchors, emoji and counts cleaned off), so
//! the topic path follows the file's own levels. A bare `- <b>question</b>` list item is a
//! question without an answer. The answer's first block becomes the answer and the rest
//! the detail, with inline HTML turned into markdown. An empty or placeholder answer
//! ("To be completed.") leaves the card with no answer fields: `Card::is_unanswered`.

use super::block::{Line, list_item_body, scan_lines};
use super::field_text::{field_text, split_first_block};
use super::heading_walk::Topics;
use super::html::block_to_markdown;
use super::placeholder::is_placeholder;
use super::{ParsedFile, RawCard};
use crate::text::find_ignore_ascii_case;
use crate::text::humanize::clean_question;

/// Reads `<details>` cards and bare `- <b>question</b>` items into `parsed`.
pub fn parse(lines: &[Line], parsed: &mut ParsedFile) {
    let mut topics = Topics::new(lines, |_| false, parsed);
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some((level, text)) = line.heading() {
            topics.enter(i, level, text);
            i += 1;
            continue;
        }
        if !line.fenced && starts_tag(line.text, "details") {
            let (item, next) = read_item(lines, i);
            i = next;
            match item {
                Some((question, no, body)) => {
                    let mut question = summary_question(&question);
                    let mut path = topics.path();
                    if is_reveal(&question)
                        && let Some(heading) = path.pop()
                    {
                        // `## Create a pod` + `<summary>show</summary>`: the heading asks.
                        question = heading;
                    }
                    if question.is_empty() {
                        parsed.warn(no, "<details> block with an empty <summary>: skipped");
                    } else {
                        parsed.cards.push(card_from(question, no, path, &body));
                    }
                }
                None => parsed.warn(
                    line.no,
                    "<details> block without a <summary>: skipped; put the question in <summary>…</summary>",
                ),
            }
            continue;
        }
        if !line.fenced
            && let Some(q) = bare_bold_item(line.text).map(summary_question)
            && !q.is_empty()
        {
            parsed.cards.push(RawCard {
                question: q,
                line: line.no,
                topics: topics.path(),
                ..RawCard::default()
            });
        }
        i += 1;
    }
}

/// A summary that only says "open me" (`show`, `Answer`, `Solution`, `Click to expand`):
/// the question is the heading above the block.
fn is_reveal(summary: &str) -> bool {
    // Every such summary is short: a question is ruled out without copying it.
    if summary.len() > 40 {
        return false;
    }
    let words: String = summary
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    matches!(
        words.as_str(),
        "show"
            | "show answer"
            | "show the answer"
            | "answer"
            | "solution"
            | "show solution"
            | "hint and solution"
            | "click to expand"
            | "click here"
            | "click to show"
            | "click to see answer"
            | "click to reveal"
            | "expand"
            | "reveal"
            | "reveal answer"
            | "see answer"
            | "view answer"
            | "spoiler"
    )
}

/// True when `text` starts (after spaces) with the HTML tag `name`.
fn starts_tag(text: &str, name: &str) -> bool {
    let t = text.trim_start().as_bytes();
    t.first() == Some(&b'<')
        && t.get(1..=name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        && matches!(t.get(name.len() + 1), Some(b'>' | b' '))
}

/// `- <b>question</b>`: a list item that is nothing but a bold question.
fn bare_bold_item(text: &str) -> Option<&str> {
    let body = list_item_body(text)?.trim();
    let inner = body.strip_prefix("<b>")?.strip_suffix("</b>")?;
    (!inner.contains("<b>") && !inner.trim().is_empty()).then_some(inner)
}

type Item = (String, usize, Vec<(String, bool)>);

/// Reads one `<details>` block starting at `lines[start]`: the summary's text, its line
/// and the body lines (text, fenced). Returns the index after the block.
fn read_item(lines: &[Line], start: usize) -> (Option<Item>, usize) {
    let first = lines[start].text;
    let open_end = first.find('>').map_or(first.len(), |e| e + 1);
    let mut pending = first[open_end..].to_string();
    let mut i = start + 1;
    let mut summary: Option<(String, usize)> = None;
    // Find the summary: it may start on the details line or a later one and span lines.
    let mut no = lines[start].no;
    loop {
        if let Some(open) = find_ignore_ascii_case(&pending, "<summary") {
            let after = &pending[open..];
            let body_start = after.find('>').map_or(after.len(), |e| e + 1);
            let mut text = after[body_start..].to_string();
            loop {
                if let Some(close) = find_ignore_ascii_case(&text, "</summary>") {
                    pending = text[close + "</summary>".len()..].to_string();
                    text.truncate(close);
                    summary = Some((text, no));
                    break;
                }
                let Some(line) = lines.get(i) else {
                    summary = Some((text, no));
                    pending.clear();
                    break;
                };
                text.push(' ');
                text.push_str(line.text);
                i += 1;
            }
            break;
        }
        if !pending.trim().is_empty() || i >= lines.len() || lines[i].fenced {
            break;
        }
        let next = lines[i];
        if !next.is_blank() && find_ignore_ascii_case(next.text, "<summary").is_none() {
            break;
        }
        pending = next.text.to_string();
        no = next.no;
        i += 1;
    }
    let mut body: Vec<(String, bool)> = Vec::new();
    let mut depth = 0usize;
    let mut rest_of_line = Some(pending);
    loop {
        let (text, fenced) = match rest_of_line.take() {
            Some(t) => (t, false),
            None => match lines.get(i) {
                Some(l) => {
                    i += 1;
                    (l.text.to_string(), l.fenced)
                }
                None => break,
            },
        };
        if !fenced {
            if starts_tag(&text, "details") {
                depth += 1;
            }
            if let Some(close) = find_ignore_ascii_case(&text, "</details>") {
                if depth == 0 {
                    body.push((text[..close].to_string(), false));
                    break;
                }
                depth -= 1;
            }
        }
        body.push((text, fenced));
    }
    (summary.map(|(q, no)| (q, no, body)), i)
}

/// The question in a summary: `<code>` becomes backticks, every other tag and a trailing
/// `***` marker go, entities are decoded.
fn summary_question(summary: &str) -> String {
    let mut text = String::with_capacity(summary.len());
    let lower = summary.to_ascii_lowercase();
    let mut at = 0;
    for (i, _) in summary.match_indices('<') {
        if i < at {
            continue;
        }
        let tag = &lower[i..];
        if tag.starts_with("<code>") || tag.starts_with("</code>") {
            text.push_str(&summary[at..i]);
            text.push('`');
            at = i + summary[i..].find('>').map_or(1, |e| e + 1);
        } else if tag.starts_with("<br") {
            text.push_str(&summary[at..i]);
            text.push(' ');
            at = i + summary[i..].find('>').map_or(1, |e| e + 1);
        }
    }
    text.push_str(&summary[at..]);
    let cleaned = crate::text::decode_entities(&clean_question(&text));
    let unwrapped = cleaned
        .strip_prefix("**")
        .map_or(cleaned.as_str(), str::trim_start);
    unwrapped.to_string()
}

/// Builds the card: first block → answer, the rest → detail (placeholders are dropped
/// later, for every layout alike).
fn card_from(
    question: String,
    line: usize,
    topics: Vec<String>,
    body: &[(String, bool)],
) -> RawCard {
    let mut card = RawCard {
        question,
        line,
        topics,
        ..RawCard::default()
    };
    let converted = block_to_markdown(body);
    let text = converted
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let scanned = scan_lines(&text, line + 1);
    let (first, rest) = split_first_block(&scanned);
    let Some(answer) = field_text(first) else {
        return card;
    };
    if is_placeholder(&answer) {
        // "To be completed." over a list of links: nothing here is an answer yet. The
        // placeholder stays for the pass that drops it and warns.
        card.answer = Some(answer);
        return card;
    }
    card.answer = Some(unwrap_bold(&answer));
    card.detail = field_text(rest);
    card
}

/// `**the whole answer**` → `the whole answer`, as banks that wrap answers in `<b>` write.
fn unwrap_bold(text: &str) -> String {
    match text.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
        Some(inner) if !inner.contains("**") && !inner.trim().is_empty() => {
            inner.trim().to_string()
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reveal_summaries() {
        assert!(is_reveal("Show"));
        assert!(is_reveal("**Solution**"));
        assert!(is_reveal("Click to expand!"));
        assert!(!is_reveal("What is a zombie process?"));
    }

    #[test]
    fn summaries() {
        assert_eq!(
            summary_question("<b>How does <code>grep -r</code> work? ***</b>"),
            "How does `grep -r` work?"
        );
        assert_eq!(summary_question("What is &lt;pid&gt;?"), "What is <pid>?");
    }

    #[test]
    fn bare_items() {
        assert_eq!(bare_bold_item("- <b>Why?</b>"), Some("Why?"));
        assert_eq!(bare_bold_item("- <b>tool</b> - does x"), None);
    }
}
