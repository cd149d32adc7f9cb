//! Turns file names and headings into the names a person reads in the topic tree.

use std::borrow::Cow;

/// `10-kubernetes` → "Kubernetes", `02_ci-cd` → "Ci Cd". The numeric prefix that orders
/// siblings is dropped; a name that is only a number is kept as it is.
pub fn humanize_file_name(stem: &str) -> String {
    let rest = strip_number_prefix(stem);
    let rest = if rest.trim().is_empty() { stem } else { rest };
    let words: Vec<String> = rest
        .split(['-', '_', ' ', '.'])
        .filter(|w| !w.is_empty())
        .map(capitalize)
        .collect();
    if words.is_empty() {
        stem.to_string()
    } else {
        words.join(" ")
    }
}

/// The numeric prefix of a file or folder name, used to order siblings.
pub fn order_key(stem: &str) -> Option<u64> {
    let digits: String = stem.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Cleans a topic heading: `## 6. Kubernetes Manifests (5 Questions)` → "Kubernetes
/// Manifests". Drops inline HTML, markdown emphasis, links' targets, emoji and emoji
/// shortcodes anywhere in the name, leading numbering and a trailing question count.
pub fn clean_topic_heading(heading: &str) -> String {
    let text = strip_inline_markup(heading);
    let text = strip_decoration(&text);
    let text = strip_number_prefix(text.trim_start());
    let text = strip_trailing_count(text);
    let cleaned = collapse_spaces(text.trim_matches(|c: char| c == ':' || c.is_whitespace()));
    if cleaned.is_empty() {
        collapse_spaces(&strip_inline_markup(heading))
    } else {
        cleaned
    }
}

/// Cleans a question taken from a heading or a summary: drops inline HTML tags, a
/// leading `3.` / `3)` / `Q3:` numbering and trailing "no answer yet" markers (`***`).
pub fn clean_question(text: &str) -> String {
    let text = strip_html_tags(text);
    let mut text = text.trim();
    loop {
        let before = text.len();
        text = text.trim_end_matches('*').trim_end();
        text = text.trim_end_matches('#').trim_end();
        if text.len() == before {
            break;
        }
    }
    let text = strip_question_number(text);
    collapse_spaces(text)
}

/// Drops `Q3:`, `Question 3:`, `3.` or `3)` at the start of a question.
pub fn strip_question_number(text: &str) -> &str {
    let t = text.trim_start();
    let stripped = question_number_stripped(t);
    // A question that is nothing but a number (`## 0`) keeps it: an empty question would
    // drop the card.
    if stripped.trim().is_empty() {
        t
    } else {
        stripped
    }
}

fn question_number_stripped(t: &str) -> &str {
    for prefix in ["question ", "q"] {
        let starts = t
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()));
        if starts {
            let rest = &t[prefix.len()..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 {
                let after = &t[prefix.len() + digits..];
                if let Some(body) = after.strip_prefix([':', '.', ')']) {
                    return body.trim_start();
                }
            }
        }
    }
    strip_number_prefix(t)
}

/// Drops a leading `12.`, `12)`, `12:`, `12_` or `12-` (with the spaces after it); a
/// number followed by a space or a decimal point is part of the text.
pub fn strip_number_prefix(text: &str) -> &str {
    let t = text.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return t;
    }
    let rest = &t[digits..];
    let mut chars = rest.chars();
    match chars.next() {
        Some('.') if chars.as_str().starts_with(|c: char| c.is_ascii_digit()) => t,
        Some('.' | ')' | '-' | '_' | ':') => chars.as_str().trim_start_matches([' ', '-', '_']),
        None => "",
        _ => t,
    }
}

/// Removes `<tag ...>` and `</tag>` while keeping the text between them.
pub fn strip_html_tags(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>') {
            Some(close) if is_tag => rest = &after[close + 1..],
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn strip_inline_markup(text: &str) -> String {
    let no_tags = strip_html_tags(text);
    let mut out = String::with_capacity(no_tags.len());
    let mut rest = &*no_tags;
    // Links and images: keep the text, drop the target.
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](") else {
            break;
        };
        let Some(end) = rest[open + close..].find(')') else {
            break;
        };
        out.push_str(rest[..open].trim_end_matches('!'));
        out.push_str(&rest[open + 1..open + close]);
        rest = &rest[open + close + end + 1..];
    }
    out.push_str(rest);
    out.replace(['*', '`'], "").replace("__", "")
}

/// Drops leading decoration — emoji, `:shortcode:` emoji and symbols such as `»` —
/// then emoji and shortcodes anywhere else in the name: the one rule for topic names,
/// written in content/README.md. Dashes, quotes and `›` in the middle are kept.
fn strip_decoration(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = strip_leading_decoration(text);
    while let Some(c) = rest.chars().next() {
        let at_word_start = out.is_empty() || out.ends_with(' ');
        if c == ':'
            && at_word_start
            && let Some(len) = shortcode_len(rest)
        {
            rest = &rest[len..];
            continue;
        }
        if is_emoji(c) {
            out.push(' ');
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Drops leading emoji, `:shortcode:` emoji and symbols such as `»`.
fn strip_leading_decoration(text: &str) -> &str {
    let mut t = text.trim_start();
    loop {
        if let Some(len) = shortcode_len(t) {
            t = t[len..].trim_start();
            continue;
        }
        match t.chars().next() {
            Some(c) if !c.is_alphanumeric() && !c.is_ascii_punctuation() && !c.is_whitespace() => {
                t = t[c.len_utf8()..].trim_start();
            }
            _ => return t,
        }
    }
}

/// Length of a `:name:` emoji shortcode at the start of `text`, when it ends a word.
fn shortcode_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix(':')?;
    let end = rest.find(':')?;
    let name = &rest[..end];
    let is_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '+' || c == '-');
    let after = &rest[end + 1..];
    let ends_word = after.is_empty() || after.starts_with(char::is_whitespace);
    (is_name && ends_word).then_some(end + 2)
}

/// An emoji or pictograph, or a character that only joins or styles one: the emoji
/// blocks, dingbats, arrows, geometric and miscellaneous symbols, variation selectors,
/// the zero-width joiner and the keycap mark.
fn is_emoji(c: char) -> bool {
    matches!(u32::from(c),
        0x1F000..=0x1FAFF
            | 0x2190..=0x21FF
            | 0x2300..=0x23FF
            | 0x25A0..=0x25FF
            | 0x2600..=0x27BF
            | 0x2900..=0x297F
            | 0x2B00..=0x2BFF
            | 0xFE00..=0xFE0F
            | 0x200D
            | 0x20E3
            | 0xE0020..=0xE007F)
}

/// Drops a trailing `(5 Questions)`, `(37)` or `(1 question)`.
fn strip_trailing_count(text: &str) -> &str {
    let t = text.trim_end();
    let Some(body) = t.strip_suffix(')') else {
        return t;
    };
    let Some(open) = body.rfind('(') else {
        return t;
    };
    let inside = body[open + 1..].trim().to_ascii_lowercase();
    let mut words = inside.split_whitespace();
    let is_count = words.next().is_some_and(|n| n.parse::<u32>().is_ok())
        && words.all(|w| matches!(w, "questions" | "question" | "q" | "qs" | "cards" | "items"));
    if is_count { body[..open].trim_end() } else { t }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn collapse_spaces(text: &str) -> String {
    // Most text is already collapsed: plain ASCII with single spaces between words.
    let bytes = text.as_bytes();
    let collapsed = bytes.first().is_none_or(|b| *b != b' ')
        && bytes.last().is_none_or(|b| *b != b' ')
        && !text.contains("  ")
        && bytes
            .iter()
            .all(|b| b.is_ascii() && (*b == b' ' || !b.is_ascii_whitespace()) && *b != 0x0b);
    if collapsed {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        assert_eq!(humanize_file_name("10-kubernetes"), "Kubernetes");
        assert_eq!(humanize_file_name("02_service-mesh"), "Service Mesh");
        assert_eq!(humanize_file_name("2024"), "2024");
        assert_eq!(order_key("10-kubernetes"), Some(10));
        assert_eq!(order_key("kubernetes"), None);
    }

    #[test]
    fn topic_headings() {
        assert_eq!(
            clean_topic_heading("6. Kubernetes Manifests (5 Questions)"),
            "Kubernetes Manifests"
        );
        assert_eq!(
            clean_topic_heading("System Questions (37)"),
            "System Questions"
        );
        assert_eq!(
            clean_topic_heading("📝 How to Use This Document"),
            "How to Use This Document"
        );
        assert_eq!(
            clean_topic_heading(
                ":diamond_shape_with_a_dot_inside: <a name=\"junior\"></a>Junior Sysadmin"
            ),
            "Junior Sysadmin"
        );
        assert_eq!(
            clean_topic_heading("1) Deploying a **New** App"),
            "Deploying a New App"
        );
        assert_eq!(
            clean_topic_heading("[Networking](#networking)"),
            "Networking"
        );
        assert_eq!(clean_topic_heading("Networking 🚀"), "Networking");
        assert_eq!(
            clean_topic_heading("🐳 Docker ❤️ Compose 🚀"),
            "Docker Compose"
        );
        assert_eq!(clean_topic_heading("Cloud :cloud: Basics"), "Cloud Basics");
        assert_eq!(
            clean_topic_heading("Ratio 1:2:3 and C++"),
            "Ratio 1:2:3 and C++"
        );
        assert_eq!(clean_topic_heading("Kubernetes 入門"), "Kubernetes 入門");
        assert_eq!(clean_topic_heading("» Linux"), "Linux");
        assert_eq!(
            clean_topic_heading("07 – Observability"),
            "07 – Observability"
        );
        assert_eq!(
            clean_topic_heading("Linux › Processes ✅"),
            "Linux › Processes"
        );
    }

    #[test]
    fn questions() {
        assert_eq!(
            clean_question("3. What does a health check do?"),
            "What does a health check do?"
        );
        assert_eq!(
            clean_question("Q1: When would you cache?"),
            "When would you cache?"
        );
        assert_eq!(
            clean_question("<b>What is a zombie process?</b> ***"),
            "What is a zombie process?"
        );
        assert_eq!(clean_question("Why is 3 < 4?"), "Why is 3 < 4?");
        assert_eq!(clean_question("2024 was a year?"), "2024 was a year?");
        assert_eq!(clean_question("0"), "0", "a bare number stays the question");
        assert_eq!(clean_question("Q7:"), "Q7:");
    }
}
