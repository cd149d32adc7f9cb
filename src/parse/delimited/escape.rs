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
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    for (i, &c) in chars.iter().enumerate() {
        let alnum = |at: Option<&char>| at.is_some_and(|c| c.is_alphanumeric());
        let inside_word = i > 0 && alnum(chars.get(i - 1)) && alnum(chars.get(i + 1));
        match c {
            // A `*` standing alone between spaces can open no emphasis.
            '*' if chars.len() == 1 => out.push(c),
            '\\' | '`' | '*' => {
                out.push('\\');
                out.push(c);
            }
            '_' if !inside_word => out.push_str("\\_"),
            '<' if chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("\\<");
            }
            _ => out.push(c),
        }
    }
    out
}

/// `escape_inline`, and a line whose first word would start a heading, a list item, a
/// quote or a rule is escaped at its start so it stays text.
pub fn escape_line(line: &str) -> String {
    let escaped = escape_inline(line);
    let first = escaped.split(' ').next().unwrap_or_default();
    let digits = first.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(&first[digits..], "." | ")") {
        return format!("{}\\{}", &escaped[..digits], &escaped[digits..]);
    }
    let marker = (!first.is_empty() && first.len() <= 6 && first.chars().all(|c| c == '#'))
        || matches!(first, "-" | "+" | ">" | "*")
        || first.starts_with("---")
        || first.starts_with("===");
    if marker {
        format!("\\{escaped}")
    } else {
        escaped
    }
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
