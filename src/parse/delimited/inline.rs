//! One line of a card's markdown as it is built from HTML text: runs of whitespace are
//! one space, as HTML shows them, and words are escaped where markdown would read them
//! as markup.

use super::escape::{escape_line, push_escaped};

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
        let plain = !text.as_bytes().iter().any(|&b| {
            matches!(
                b,
                b'\\' | b'`' | b'*' | b'_' | b'<' | b'\t' | b'\n' | b'\r' | b'\x0c'
            )
        }) && !text.contains("  ");
        if plain {
            self.plain_text(text);
            return;
        }
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
        let mut rest = text.trim_matches(' ');
        if self.text.is_empty() && !rest.is_empty() {
            // The first word of a line may look like a list marker or a heading.
            let (first, after) = rest.split_once(' ').unwrap_or((rest, ""));
            self.raw(&escape_line(first));
            if !after.is_empty() {
                self.space = true;
            }
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

    pub fn code(&mut self, code: &str) {
        let code = code.split_whitespace().collect::<Vec<_>>().join(" ");
        if code.is_empty() {
            return;
        }
        let ticks = if code.contains('`') { "`` " } else { "`" };
        let close = if code.contains('`') { " ``" } else { "`" };
        self.raw(&format!("{ticks}{code}{close}"));
    }

    /// `**text**`, the spaces around `text` outside the markers.
    pub fn wrapped(&mut self, marker: &str, text: &str) {
        if text.starts_with(' ') {
            self.space = true;
        }
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            self.raw(&format!("{marker}{trimmed}{marker}"));
        }
        if text.ends_with(' ') {
            self.space = true;
        }
    }

    pub fn finish(self) -> String {
        self.text
    }
}
