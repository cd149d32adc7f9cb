//! Word wrapping of styled text into terminal lines, by display width (wide CJK and
//! emoji count two columns), with a first-line prefix and a hanging indent.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// A run of text in one style. Text may contain `\n` for a hard line break.
pub type Run = (String, Style);

/// The display width of a string.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The most characters one wrapped block lays out; the rest is named, not drawn, so a
/// hostile file's megabyte-long line costs the same on every resize as a long card.
pub const MAX_WRAPPED: usize = 64 * 1024;

/// Wraps `runs` to `width` columns. The first line starts with `first`, the others with
/// `rest` (a hanging indent). Words longer than a line are broken between characters.
/// Past `MAX_WRAPPED` bytes the text stops with a note of how much was left out.
pub fn wrap(
    runs: &[Run],
    width: usize,
    first: &[Span<'static>],
    rest: &[Span<'static>],
) -> Vec<Line<'static>> {
    let mut w = Wrapper::new(width, first, rest);
    let mut budget = MAX_WRAPPED;
    let mut left_out = 0usize;
    let mut last_style = Style::default();
    for (text, style) in runs {
        if budget == 0 {
            left_out += text.len();
            continue;
        }
        last_style = *style;
        if text.len() <= budget {
            w.push_run(text, *style);
            budget -= text.len();
        } else {
            let cut = floor_char_boundary(text, budget);
            w.push_run(&text[..cut], *style);
            left_out += text.len() - cut;
            budget = 0;
        }
    }
    if left_out > 0 {
        w.push_run(
            &format!(
                " … ({} more not shown: open the file to read it all)",
                size(left_out)
            ),
            last_style,
        );
    }
    w.finish()
}

/// The largest index at most `at` that starts a character of `text`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// "812 bytes", "64 KB", "4.9 MB".
fn size(bytes: usize) -> String {
    #[allow(clippy::cast_precision_loss)] // a display figure
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{:.0} KB", b / 1024.0)
    } else {
        format!("{:.1} MB", b / (1024.0 * 1024.0))
    }
}

struct Wrapper<'p> {
    width: usize,
    rest: &'p [Span<'static>],
    lines: Vec<Line<'static>>,
    spans: Vec<Span<'static>>,
    used: usize,
    /// Columns taken by the prefix of the current line.
    prefix: usize,
    /// The word being built: its pieces and width; it is placed when a space ends it.
    word: Vec<(String, Style)>,
    word_width: usize,
    pending_space: Option<Style>,
}

impl<'p> Wrapper<'p> {
    fn new(width: usize, first: &[Span<'static>], rest: &'p [Span<'static>]) -> Self {
        let prefix = first.iter().map(|s| width_of_span(s)).sum();
        Wrapper {
            width: width.max(1),
            rest,
            lines: Vec::new(),
            spans: first.to_vec(),
            used: prefix,
            prefix,
            word: Vec::new(),
            word_width: 0,
            pending_space: None,
        }
    }

    fn push_run(&mut self, text: &str, style: Style) {
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' || c == ' ' {
                self.push_word_piece(&text[start..i], style);
                self.end_word();
                if c == '\n' {
                    self.break_line();
                    self.pending_space = None;
                } else {
                    self.pending_space = Some(style);
                }
                start = i + c.len_utf8();
            }
        }
        self.push_word_piece(&text[start..], style);
    }

    fn push_word_piece(&mut self, piece: &str, style: Style) {
        if piece.is_empty() {
            return;
        }
        self.word_width += width(piece);
        match self.word.last_mut() {
            Some((text, s)) if *s == style => text.push_str(piece),
            _ => self.word.push((piece.to_string(), style)),
        }
    }

    /// Places the finished word on the current line, or on a new one if it does not fit.
    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let space = usize::from(self.pending_space.is_some() && self.used > self.prefix);
        if self.used + space + self.word_width > self.width && self.used > self.prefix {
            self.break_line();
        } else if space == 1 {
            let style = self.pending_space.unwrap_or_default();
            self.spans.push(Span::styled(" ", style));
            self.used += 1;
        }
        self.pending_space = None;
        let word = std::mem::take(&mut self.word);
        self.word_width = 0;
        for (text, style) in word {
            self.place(&text, style);
        }
    }

    /// Puts text on the line, breaking between characters when it is too long.
    fn place(&mut self, text: &str, style: Style) {
        let mut chunk = String::new();
        for c in text.chars() {
            let cw = c.width().unwrap_or(0);
            if self.used + cw > self.width && self.used > self.prefix {
                if !chunk.is_empty() {
                    self.spans
                        .push(Span::styled(std::mem::take(&mut chunk), style));
                }
                self.break_line();
            }
            chunk.push(c);
            self.used += cw;
        }
        if !chunk.is_empty() {
            self.spans.push(Span::styled(chunk, style));
        }
    }

    fn break_line(&mut self) {
        let spans = std::mem::replace(&mut self.spans, self.rest.to_vec());
        self.lines.push(Line::from(spans));
        self.prefix = self.rest.iter().map(width_of_span).sum();
        self.used = self.prefix;
    }

    fn finish(mut self) -> Vec<Line<'static>> {
        self.end_word();
        if self.used > self.prefix || self.lines.is_empty() {
            let spans = std::mem::take(&mut self.spans);
            self.lines.push(Line::from(spans));
        }
        self.lines
    }
}

fn width_of_span(span: &Span) -> usize {
    width(&span.content)
}

/// Breaks text between characters every `max` columns, keeping every space (for code).
/// Continuation lines start with `hang` spaces, so wrapped code stays under the first
/// character of its line; the hang is kept under half of `max`, and a space the line
/// breaks at is dropped.
pub fn hard_wrap(text: &str, max: usize, hang: usize) -> Vec<String> {
    let max = max.max(2);
    let hang = hang.min(max / 2);
    let mut out = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > max {
            out.push(" ".repeat(hang));
            used = hang;
            if c == ' ' {
                // The break stands for this space: no stray space after the hang.
                continue;
            }
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
        used += cw;
    }
    out
}

/// Cuts text to at most `max` columns, ending with `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > max {
            break;
        }
        out.push(c);
        used += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_line_is_cut_with_a_note_of_what_was_left_out() {
        let huge = "word ".repeat(1_000_000);
        let lines = wrap(&[(huge.clone(), Style::default())], 80, &[], &[]);
        let shown: usize = lines
            .iter()
            .flat_map(|l| l.spans.iter())
            .map(|s| s.content.len())
            .sum();
        assert!(shown < MAX_WRAPPED + 200, "{shown}");
        let last: String = lines
            .last()
            .unwrap()
            .spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect();
        let all: String = lines
            .iter()
            .rev()
            .take(3)
            .flat_map(|l| l.spans.iter().map(|s| s.content.to_string()))
            .collect();
        assert!(all.contains("4.7 MB more not shown"), "{last:?} / {all:?}");
        // Multi-byte text is cut on a character boundary.
        let wide = "é".repeat(MAX_WRAPPED);
        let lines = wrap(&[(wide, Style::default())], 80, &[], &[]);
        assert!(!lines.is_empty());
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_words_with_hanging_indent() {
        let runs = vec![("one two three four five".to_string(), Style::default())];
        let lines = wrap(&runs, 11, &[Span::raw("- ")], &[Span::raw("  ")]);
        assert_eq!(plain(&lines), ["- one two", "  three", "  four five"]);
    }

    #[test]
    fn styles_join_inside_words_and_long_words_break() {
        let runs = vec![
            ("ab".to_string(), Style::default()),
            ("cd efghijklmnop".to_string(), Style::default().bold()),
        ];
        let lines = wrap(&runs, 6, &[], &[]);
        assert_eq!(plain(&lines), ["abcd", "efghij", "klmnop"]);
    }

    #[test]
    fn wide_characters_count_double() {
        let runs = vec![("日本語テキスト".to_string(), Style::default())];
        let lines = wrap(&runs, 6, &[], &[]);
        assert_eq!(plain(&lines), ["日本語", "テキス", "ト"]);
        assert!(lines.iter().all(|l| l.width() <= 6));
    }

    #[test]
    fn hard_breaks_and_truncation() {
        let runs = vec![("a\nb".to_string(), Style::default())];
        assert_eq!(plain(&wrap(&runs, 10, &[], &[])), ["a", "b"]);
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(
            hard_wrap("    indented code", 10, 4),
            ["    indent", "    ed cod", "    e"]
        );
        assert_eq!(
            hard_wrap("x".repeat(12).as_str(), 6, 40),
            ["xxxxxx", "   xxx", "   xxx"]
        );
        assert_eq!(truncate("日本語", 4), "日…");
    }
}
