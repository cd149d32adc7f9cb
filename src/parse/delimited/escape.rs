//! Keeps text text in the card's markdown: what markdown would read as markup (a tag, a
//! backslash, emphasis, a list marker at the start of a line) is escaped.

/// A link target markdown reads whole: spaces and parentheses escaped.
pub fn link_target(url: &str) -> String {
    url.trim()
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
}

/// Escapes what markdown would read as markup inside a line: a `<` that would open a
/// tag, a backslash, backticks, `*`, and `_` at the edge of a word (inside one, as in
/// `max_connections`, it is never emphasis).
pub fn escape_inline(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    push_escaped(&mut out, word);
    out
}

/// `escape_inline` written onto the end of `out`; a word with nothing to escape, which
/// is nearly every word, is copied as it is.
pub fn push_escaped(out: &mut String, word: &str) {
    let bytes = word.as_bytes();
    // A `*` standing alone between spaces can open no emphasis.
    if word == "*"
        || !bytes
            .iter()
            .any(|b| matches!(b, b'\\' | b'`' | b'*' | b'_' | b'<'))
    {
        out.push_str(word);
        return;
    }
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'\\' | b'`' | b'*' => true,
            b'_' => {
                let before = word[..i].chars().next_back();
                let after = word[i + 1..].chars().next();
                !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
            }
            b'<' => bytes
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!' | b'?')),
            _ => false,
        };
        if escape {
            // Every byte escaped is ASCII, so `i` is a character boundary.
            out.push_str(&word[from..i]);
            out.push('\\');
            from = i;
        }
    }
    out.push_str(&word[from..]);
}

/// `escape_inline`, and a line whose first word would start a heading, a list item, a
/// quote or a rule is escaped at its start so it stays text.
pub fn escape_line(line: &str) -> String {
    let escaped = escape_inline(line);
    let first = escaped.split(' ').next().unwrap_or_default();
    match line_start_escape(first) {
        Some(at) => format!("{}\\{}", &escaped[..at], &escaped[at..]),
        None => escaped,
    }
}

/// Where a line starting with `first` (its first word, already escaped) needs a
/// backslash so markdown does not read a heading, a list item, a quote or a rule.
pub fn line_start_escape(first: &str) -> Option<usize> {
    let digits = first.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(&first[digits..], "." | ")") {
        return Some(digits);
    }
    let marker = (!first.is_empty() && first.len() <= 6 && first.bytes().all(|c| c == b'#'))
        || matches!(first, "-" | "+" | ">" | "*")
        || first.starts_with("---")
        || first.starts_with("===");
    marker.then_some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(escape_inline("<pid>"), "\\<pid>");
        assert_eq!(escape_inline("1<2"), "1<2");
        assert_eq!(escape_inline("max_connections"), "max_connections");
        assert_eq!(escape_inline("_x_"), "\\_x\\_");
        assert_eq!(escape_inline("*"), "*");
        assert_eq!(escape_line("* item"), "\\* item");
        assert_eq!(escape_line("12) twelve"), "12\\) twelve");
        assert_eq!(escape_line("#hashtag"), "#hashtag");
        assert_eq!(link_target("https://x/a b(c)"), "https://x/a%20b%28c%29");
    }
}
