//! Makes untrusted text safe to put on a terminal.
//!
//! Content comes from files downloaded from anywhere. No control character may reach the
//! terminal: C0 and C1 controls and DEL become visible placeholders (so an escape
//! sequence shows as `␛[2J` instead of clearing the screen), and bidirectional overrides
//! and zero-width characters are removed so a question cannot disguise itself as another.

use std::borrow::Cow;

/// Returns `text` with every unsafe character replaced or removed; tabs become spaces up
/// to the next multiple of four columns. Newlines are kept only when `keep_newlines`.
pub fn sanitize(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if text
        .chars()
        .all(|c| is_safe(c) || (keep_newlines && c == '\n'))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut column = 0usize;
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\t' => {
                let spaces = 4 - column % 4;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                continue;
            }
            c if is_invisible(c) => continue,
            c if is_safe(c) => out.push(c),
            c => out.push(placeholder(c)),
        }
        column += 1;
    }
    Cow::Owned(out)
}

/// True for characters that may be printed as they are.
/// Makes text safe to write to a file a person may `cat`: control characters other than
/// newline and tab become visible placeholders and invisible characters are removed,
/// while tabs and line breaks stay as they are.
pub fn neutralize(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| is_safe(c) || c == '\n' || c == '\t') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&c| !is_invisible(c))
            .map(|c| match c {
                '\n' | '\t' => c,
                c if is_safe(c) => c,
                c => placeholder(c),
            })
            .collect(),
    )
}

/// JSON with every invisible character (bidirectional overrides, zero-width spaces)
/// written as a `\uXXXX` escape; control characters are escaped by the serialiser
/// already. Such characters only ever stand inside JSON strings, where the escape
/// means the same character.
pub fn escape_invisible_json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_invisible) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_invisible(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

pub fn is_safe(c: char) -> bool {
    !(c.is_control() || is_invisible(c))
}

/// Bidirectional controls, zero-width characters and the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{061C}'
    )
}

/// A visible stand-in for a control character: the Unicode control pictures for C0 and
/// DEL, a replacement character for C1.
fn placeholder(c: char) -> char {
    match c as u32 {
        code @ 0x00..=0x1F => char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(sanitize("a\x1b[2Jb", false), "a\u{241b}[2Jb");
        assert_eq!(sanitize("bell\x07", false), "bell\u{2407}");
        assert_eq!(sanitize("c1\u{9b}x", false), "c1\u{fffd}x");
        assert_eq!(sanitize("nul\0", false), "nul\u{2400}");
    }

    #[test]
    fn invisible_characters_are_removed() {
        assert_eq!(sanitize("ad\u{202E}min\u{200B}", false), "admin");
    }

    #[test]
    fn files_keep_tabs_and_lines_but_nothing_that_drives_a_terminal() {
        use super::{escape_invisible_json, neutralize};
        assert_eq!(
            neutralize("a\tb\nc\x1b[2J\u{202E}d\x07"),
            "a\tb\nc\u{241b}[2Jd\u{2407}"
        );
        assert_eq!(neutralize("plain\ttext\n"), "plain\ttext\n");
        let json = escape_invisible_json("{\"q\":\"\u{202E}fdp.exe\"}");
        assert_eq!(json, "{\"q\":\"\\u202efdp.exe\"}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["q"], "\u{202E}fdp.exe");
    }

    #[test]
    fn tabs_expand_and_newlines_follow_the_flag() {
        assert_eq!(sanitize("a\tb", false), "a   b");
        assert_eq!(sanitize("a\nb", true), "a\nb");
        assert_eq!(sanitize("a\nb", false), "a\u{240a}b");
        assert_eq!(sanitize("plain", false), "plain");
    }
}
