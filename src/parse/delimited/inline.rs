//! One line of a card's markdown as it is built from HTML text: runs of whitespace are
//! one space, as HTML shows them, and words are escaped where markdown would read them
//! as markup.

use memchr::{memchr3, memmem};

use super::escape::{escape_line, line_start_escape, push_escaped};

/// Whether `text` is words between single spaces with nothing markdown would read as
/// markup: no backslash, backtick, `*`, `_` or `<`, no whitespace but single spaces.
fn is_plain(text: &str) -> bool {
    static TWO_SPACES: std::sync::LazyLock<memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memmem::Finder::new("  "));
    let bytes = text.as_bytes();
    memchr3(b'\\', b'`', b'*', bytes).is_none()
        && memchr3(b'_', b'<', b'\t', bytes).is_none()
        && memchr3(b'\n', b'\r', b'\x0c', bytes).is_none()
        && TWO_SPACES.find(bytes).is_none()
}

/// One line of inline markdown, with its spaces collapsed as HTML collapses them.
#[derive(Default)]
pub struct Line {
    text: String,
    /// A space is owed before the next word.
    pub space: bool,
}

impl Line {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Text as HTML shows it: runs of whitespace are one space.
    pub fn text(&mut self, text: &str) {
        self.text.reserve(text.len());
        // Most text is words between single spaces with nothing to escape: copied whole.
        if is_plain(text) {
            self.plain_text(text);
        } else {
            self.words(text);
        }
    }

    /// `text` word by word, each escaped where it needs it.
    fn words(&mut self, text: &str) {
        // HTML's whitespace is ASCII, so the words are found byte by byte.
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if bytes[at].is_ascii_whitespace() {
                self.space = true;
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            self.word(&text[start..at]);
        }
    }

    /// `text` for words between single spaces that need no escaping.
    fn plain_text(&mut self, text: &str) {
        if text.starts_with(' ') {
            self.space = true;
        }
        // No two spaces in a row: at most one at each end.
        let rest = text.strip_prefix(' ').unwrap_or(text);
        let mut rest = rest.strip_suffix(' ').unwrap_or(rest);
        if self.text.is_empty() && !rest.is_empty() {
            // The first word of a line may look like a list marker or a heading; it
            // has nothing else to escape.
            let (first, after) = match memchr::memchr(b' ', rest.as_bytes()) {
                Some(at) => (&rest[..at], &rest[at + 1..]),
                None => (rest, ""),
            };
            if let Some(at) = line_start_escape(first) {
                self.text.push_str(&first[..at]);
                self.text.push('\\');
                self.text.push_str(&first[at..]);
            } else {
                self.text.push_str(first);
            }
            self.space = !after.is_empty();
            rest = after;
        }
        if !rest.is_empty() {
            if self.space {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push_str(rest);
        }
        if text.ends_with(' ') {
            self.space = true;
        }
    }

    fn word(&mut self, word: &str) {
        if self.text.is_empty() {
            self.raw(&escape_line(word));
        } else {
            if self.space {
                self.text.push(' ');
            }
            self.space = false;
            push_escaped(&mut self.text, word);
        }
    }

    /// Markdown already escaped.
    pub fn raw(&mut self, markdown: &str) {
        if markdown.is_empty() {
            return;
        }
        if self.space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.space = false;
        self.text.push_str(markdown);
    }

    /// `raw` of the pieces written one after another.
    fn raw_parts(&mut self, parts: &[&str]) {
        if parts.iter().all(|p| p.is_empty()) {
            return;
        }
        if self.space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.space = false;
        for part in parts {
            self.text.push_str(part);
        }
    }

    pub fn code(&mut self, code: &str) {
        let code = code.split_whitespace().collect::<Vec<_>>().join(" ");
        if code.is_empty() {
            return;
        }
        let ticks = if code.contains('`') { "`` " } else { "`" };
        let close = if code.contains('`') { " ``" } else { "`" };
        self.raw_parts(&[ticks, &code, close]);
    }

    /// `**text**`, the spaces around `text` outside the markers.
    pub fn wrapped(&mut self, marker: &str, text: &str) {
        if text.starts_with(' ') {
            self.space = true;
        }
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            self.raw_parts(&[marker, trimmed, marker]);
        }
        if text.ends_with(' ') {
            self.space = true;
        }
    }

    pub fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// What `text` writes after `before` (with `space` owed), and what the word-by-word
    /// path writes.
    fn both(before: &str, space: bool, text: &str) -> (String, bool, String, bool) {
        let line = |plain: bool| {
            let mut line = Line::default();
            line.raw(before);
            line.space = space;
            if plain {
                line.text(text);
            } else {
                line.words(text);
            }
            let owed = line.space;
            (line.finish(), owed)
        };
        let ((a, a_space), (b, b_space)) = (line(true), line(false));
        (a, a_space, b, b_space)
    }

    #[test]
    fn plain_text_is_told_apart() {
        assert!(is_plain(" two words "));
        assert!(is_plain(""));
        for marked in [
            "a  b", "a*b", "x_y", "<b", "a\tb", "\\", "`", "a\nb", "\x0c",
        ] {
            assert!(!is_plain(marked), "{marked:?}");
        }
        let long = "word ".repeat(40);
        assert!(is_plain(&long));
        assert!(!is_plain(&(long.clone() + " ")));
        assert!(!is_plain(&(long + "*")));
    }

    proptest! {
        #[test]
        fn the_plain_path_writes_what_the_word_path_writes(
            before in "(|[a-z]{1,3})",
            space: bool,
            text in "[ a-z0-9#>+=.)\\-]{0,12}( [a-zé]{1,70}){0,2}[ ]{0,2}",
        ) {
            let (plain, plain_space, words, words_space) = both(&before, space, &text);
            prop_assert_eq!(plain, words);
            prop_assert_eq!(plain_space, words_space);
        }
    }
}
