//! Answers that only say an answer is still to be written ("To be completed.", "TODO",
//! "Lorem ipsum …", a bare link): such a card is unanswered, kept out of review and mock
//! and counted by `prepdeck check`, with a warning naming the line.

use super::{ParsedFile, RawCard};

/// Answers that only say the answer is still to be written.
const WORDS: [&str; 9] = [
    "to be completed",
    "tbd",
    "todo",
    "to do",
    "coming soon",
    "answer coming soon",
    "wip",
    "work in progress",
    "...",
];

/// Whether `text` stands in for an answer instead of being one.
pub fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    if starts_with_ignore_ascii_case(t, "lorem ipsum") {
        return true;
    }
    // Every placeholder word is short, and a link has no space: a real answer is
    // ruled out without copying it.
    if t.len() > 40 && t.contains(char::is_whitespace) {
        return false;
    }
    let plain = t
        .trim_matches(|c: char| c == '*' || c == '_' || c == '`')
        .trim()
        .trim_end_matches(['.', '!']);
    WORDS.iter().any(|w| plain.eq_ignore_ascii_case(w)) || is_bare_link(t)
}

fn starts_with_ignore_ascii_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A URL alone, `<url>`, or `[text](url)` alone.
fn is_bare_link(t: &str) -> bool {
    let url = |s: &str| {
        (s.starts_with("http://") || s.starts_with("https://")) && !s.contains(char::is_whitespace)
    };
    if let Some(inner) = t.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        return url(inner);
    }
    if let Some(rest) = t.strip_prefix('[')
        && let Some(close) = rest.find("](")
        && let Some(target) = rest[close + 2..].strip_suffix(')')
    {
        return !rest[..close].contains('\n') && url(target);
    }
    url(t)
}

/// Drops placeholder answers and details from every card; one warning names the cards
/// this leaves unanswered.
pub fn drop_placeholders(parsed: &mut ParsedFile) {
    let mut lines = Vec::new();
    let mut example = None;
    for card in &mut parsed.cards {
        let mut found = None;
        for field in [&mut card.answer, &mut card.detail] {
            if field.as_deref().is_some_and(is_placeholder) {
                found = found.or(field.take());
            }
        }
        if let Some(text) = found
            && unanswered(card)
        {
            lines.push(card.line);
            example.get_or_insert(text);
        }
    }
    let Some(example) = example else {
        return;
    };
    let shown: String = example.trim().chars().take(40).collect();
    let mut at = lines
        .iter()
        .take(8)
        .map(usize::to_string)
        .collect::<Vec<_>>();
    if lines.len() > at.len() {
        at.push("…".to_string());
    }
    let message = if lines.len() == 1 {
        format!(
            "the answer is a placeholder (\"{shown}\"): the card counts as unanswered and stays \
             out of review and mock until an answer is written"
        )
    } else {
        format!(
            "{} answers are placeholders (\"{shown}\" …) at lines {}: those cards count as \
             unanswered and stay out of review and mock until answers are written",
            lines.len(),
            at.join(", ")
        )
    };
    parsed.warn(lines[0], message);
}

fn unanswered(card: &RawCard) -> bool {
    card.answer.is_none()
        && card.key_points.is_empty()
        && card.detail.is_none()
        && card.tables.is_empty()
        && card.example.is_none()
        && card.takeaway.is_none()
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders_and_answers() {
        for text in [
            "To be completed.",
            "TODO",
            "*TBD*",
            "Lorem ipsum dolor sit amet.",
            "https://principlesofchaos.org/",
            "[docs](https://kubernetes.io/docs/)",
            "<https://example.com>",
        ] {
            assert!(is_placeholder(text), "{text}");
        }
        for text in [
            "A rota of engineers who answer pages.",
            "See https://example.com for the full list of flags.",
            "`kubectl get pods`",
        ] {
            assert!(!is_placeholder(text), "{text}");
        }
    }
}
