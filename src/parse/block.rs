//! Splits a document into lines that know whether they sit inside a code fence, and
//! recognises the few block shapes every layout needs: headings, rules, lists, tables.
//!
//! Everything here is a single pass over borrowed lines, so parsing stays linear.

use std::borrow::Cow;

use crate::model::{Align, Table};

/// One source line. `fenced` is true for the fence delimiters and everything between.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
    pub fenced: bool,
}

#[cfg(test)]
impl<'a> Line<'a> {
    /// Line 1 of `text`, outside any fence: for tests of a single line.
    pub fn plain(text: &'a str) -> Line<'a> {
        Line {
            no: 1,
            text,
            fenced: false,
        }
    }
}

/// Splits `text` into lines numbered from `first_no`, tracking fenced code blocks.
pub fn scan_lines(text: &str, first_no: usize) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(text.len() / 40 + 1);
    let mut fences = FenceTracker::default();
    for (i, line) in split_lines(text).enumerate() {
        lines.push(Line {
            no: first_no + i,
            text: line,
            fenced: fences.step(line),
        });
    }
    lines
}

/// Follows code fences line by line: the state `scan_lines` keeps, for passes that need
/// to know what is fenced without building the lines.
#[derive(Debug, Default, Clone, Copy)]
pub struct FenceTracker {
    open: Option<(char, usize)>,
}

impl FenceTracker {
    /// Takes the next line; true when it is a fence delimiter or inside a fence.
    pub fn step(&mut self, line: &str) -> bool {
        match (self.open, fence_marker(line)) {
            (None, Some((c, n, _))) => {
                self.open = Some((c, n));
                true
            }
            (Some((c, n)), Some((mc, mn, rest))) if mc == c && mn >= n && rest.is_empty() => {
                self.open = None;
                true
            }
            (Some(_), _) => true,
            (None, None) => false,
        }
    }

    /// The fence still open after the lines so far, as (character, length).
    pub fn open(&self) -> Option<(char, usize)> {
        self.open
    }
}

/// The lines of `text` without their `\n` or `\r\n`; a final newline ends the last line
/// rather than starting an empty one.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    split_newlines(body).map(|raw| raw.strip_suffix('\r').unwrap_or(raw))
}

/// `text.split('\n')`, finding each newline with memchr's vectorised search.
fn split_newlines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match memchr::memchr(b'\n', current.as_bytes()) {
            Some(at) => {
                rest = Some(&current[at + 1..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// True when `text` starts with a visible ASCII character other than `marker`: such a
/// line cannot start with `marker` once trimmed, and need not be trimmed to know it.
pub fn starts_with_other_visible(text: &str, marker: u8) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_graphic() && *b != marker)
}

/// A fence delimiter: up to three spaces (or inside a list, any indent), then three or
/// more backticks or tildes. Returns the character, its count and what follows.
pub(super) fn fence_marker(line: &str) -> Option<(char, usize, &str)> {
    if let Some(b) = line.as_bytes().first()
        && b.is_ascii_graphic()
        && *b != b'`'
        && *b != b'~'
    {
        return None;
    }
    let t = line.trim_start();
    let c = t.chars().next()?;
    if c != '`' && c != '~' {
        return None;
    }
    let n = t.chars().take_while(|&x| x == c).count();
    if n < 3 {
        return None;
    }
    let rest = t[n..].trim();
    if c == '`' && rest.contains('`') {
        return None;
    }
    Some((c, n, rest))
}

impl<'a> Line<'a> {
    /// An ATX heading outside any fence: (level, text without the hashes).
    pub fn heading(&self) -> Option<(u8, &'a str)> {
        if self.fenced {
            return None;
        }
        if let Some(b) = self.text.as_bytes().first()
            && *b != b'#'
            && *b != b' '
        {
            return None;
        }
        let indent = self.text.len() - self.text.trim_start_matches(' ').len();
        if indent > 3 {
            return None;
        }
        let t = &self.text[indent..];
        let level = t.bytes().take_while(|&b| b == b'#').count();
        if !(1..=6).contains(&level) {
            return None;
        }
        let rest = &t[level..];
        if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
            return None;
        }
        let body = rest.trim();
        let stripped = body.trim_end_matches('#');
        let body = if stripped.is_empty() {
            ""
        } else if stripped.ends_with([' ', '\t']) {
            stripped.trim_end()
        } else {
            body
        };
        Some((u8::try_from(level).ok()?, body))
    }

    /// A thematic break (`---`, `***`, `___`) outside any fence.
    pub fn is_rule(&self) -> bool {
        if self.fenced {
            return false;
        }
        if let Some(rule) = ascii_rule(self.text.as_bytes()) {
            return rule;
        }
        let t = self.text.trim();
        let Some(c) = t.chars().next() else {
            return false;
        };
        matches!(c, '-' | '*' | '_')
            && t.chars().all(|x| x == c || x == ' ' || x == '\t')
            && t.chars().filter(|&x| x == c).count() >= 3
    }

    pub fn is_blank(&self) -> bool {
        // Most lines start with a visible ASCII character: answer those without trimming.
        match self.text.as_bytes().first() {
            None => true,
            Some(b) if b.is_ascii_graphic() => false,
            Some(_) => self.text.trim().is_empty(),
        }
    }
}

/// `Line::is_rule` for the common case of a plain ASCII line, byte by byte: `None` when
/// the line has other whitespace or non-ASCII text and needs the full rule.
fn ascii_rule(bytes: &[u8]) -> Option<bool> {
    let mut marker = None;
    let mut count = 0;
    for &b in bytes {
        match b {
            b' ' | b'\t' => {}
            b'-' | b'*' | b'_' if marker.is_none_or(|m| m == b) => {
                marker = Some(b);
                count += 1;
            }
            b'\r' | b'\n' | 0x0b | 0x0c => return None,
            _ if !b.is_ascii() => return None,
            _ => return Some(false),
        }
    }
    Some(count >= 3)
}

/// Joins lines into a markdown string: blank lines trimmed at both ends, the common
/// indentation removed. `None` when nothing is left.
pub fn join_lines(lines: &[Line]) -> Option<String> {
    let start = lines.iter().position(|l| !l.is_blank())?;
    let end = lines.iter().rposition(|l| !l.is_blank())? + 1;
    let body = &lines[start..end];
    let indent = body
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.len() - l.text.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(body.iter().map(|l| l.text.len() + 1).sum());
    for (i, line) in body.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(
            line.text
                .get(indent..)
                .unwrap_or_else(|| line.text.trim_start()),
        );
    }
    let trimmed = out.trim_end();
    Some(if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    })
}

/// A list item marker at the start of `text`: returns the text after it.
pub fn list_item_body(text: &str) -> Option<&str> {
    let t = text.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        return (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| rest.trim_start());
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &t[digits..];
        if let Some(after) = rest.strip_prefix(['.', ')'])
            && (after.is_empty() || after.starts_with([' ', '\t']))
        {
            return Some(after.trim_start());
        }
    }
    None
}

/// The top-level items of the lists in `lines`. Nested items and continuation lines stay
/// in their parent item as markdown. Paragraphs outside any list become items too, so
/// a section written as plain lines still yields its points.
pub fn list_items(lines: &[Line]) -> Vec<String> {
    let base = lines
        .iter()
        .filter(|l| !l.is_blank() && !l.fenced)
        .map(|l| indent_of(l.text))
        .min()
        .unwrap_or(0);
    // Each item is a run of lines: where it starts and the text of its first line (the
    // list marker dropped). Every line up to the next item's start belongs to it.
    let mut starts: Vec<(usize, &str)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let top_level = !line.fenced && indent_of(line.text) <= base + 1;
        if top_level && let Some(body) = list_item_body(line.text) {
            starts.push((i, body));
        } else if starts.is_empty() || (top_level && !line.fenced && lines[i - 1].is_blank()) {
            // Text outside any list, or an unindented paragraph after a blank line.
            starts.push((i, line.text));
        }
    }
    starts
        .iter()
        .enumerate()
        .filter_map(|(k, &(start, first))| {
            let end = starts.get(k + 1).map_or(lines.len(), |next| next.0);
            let rest = &lines[start + 1..end];
            let mut text = first.trim().to_string();
            if let Some(tail) = join_lines(rest) {
                // A paragraph continued on the next lines joins with a space; nested
                // lists, code and later paragraphs keep their line breaks.
                let end = rest
                    .iter()
                    .rposition(|l| !l.is_blank())
                    .map_or(0, |i| i + 1);
                let lazy = rest[..end]
                    .iter()
                    .all(|l| !l.is_blank() && !l.fenced && list_item_body(l.text).is_none());
                text.push(if lazy { ' ' } else { '\n' });
                text.push_str(&tail);
            }
            (!text.is_empty()).then_some(text)
        })
        .collect()
}

fn indent_of(text: &str) -> usize {
    let mut width = 0;
    for c in text.chars() {
        match c {
            ' ' => width += 1,
            '\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

/// Every pipe table in `lines`, and the lines that were not part of one.
pub fn split_tables<'a>(lines: &[Line<'a>]) -> (Vec<Table>, Vec<Line<'a>>) {
    let mut tables = Vec::new();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if !line.fenced
            && line.text.contains('|')
            && let Some(next) = lines.get(i + 1)
            && !next.fenced
            && let Some(align) = delimiter_row(next.text)
        {
            let header = split_row(line.text);
            if header.len() == align.len() || align.len() > 1 || header.len() > 1 {
                let width = header.len().max(1);
                let mut align = align;
                align.resize(width, Align::None);
                let mut rows = Vec::new();
                let mut j = i + 2;
                while let Some(row) = lines.get(j) {
                    if row.fenced || row.is_blank() || !row.text.contains('|') {
                        break;
                    }
                    let mut cells = split_row(row.text);
                    cells.resize(width, String::new());
                    rows.push(cells);
                    j += 1;
                }
                tables.push(Table {
                    header,
                    rows,
                    align,
                });
                i = j;
                continue;
            }
        }
        rest.push(line);
        i += 1;
    }
    (tables, rest)
}

/// Parses a delimiter row such as `| :--- | ---: |` into column alignments.
pub fn delimiter_row(text: &str) -> Option<Vec<Align>> {
    let t = text.trim();
    if !t.contains('-') || !t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t')) {
        return None;
    }
    let cells = split_row(t);
    if cells.is_empty() {
        return None;
    }
    cells
        .iter()
        .map(|cell| {
            let c = cell.trim();
            let body = c.trim_matches(':');
            if body.is_empty() || !body.chars().all(|x| x == '-') {
                return None;
            }
            Some(match (c.starts_with(':'), c.ends_with(':')) {
                (true, true) => Align::Center,
                (true, false) => Align::Left,
                (false, true) => Align::Right,
                (false, false) => Align::None,
            })
        })
        .collect()
}

/// Splits a table row on pipes that are neither escaped nor inside inline code.
pub fn split_row(text: &str) -> Vec<String> {
    split_cells(text).into_iter().map(Cow::into_owned).collect()
}

/// `split_row` without copying: a cell is borrowed unless it holds an escaped `\|`.
pub fn split_cells(text: &str) -> Vec<Cow<'_, str>> {
    let t = text.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") {
        &t[..t.len() - 1]
    } else {
        t
    };
    let bytes = t.as_bytes();
    let cell = |from: usize, to: usize, escaped: bool| {
        let raw = t[from..to].trim();
        if escaped {
            Cow::Owned(raw.replace("\\|", "|"))
        } else {
            Cow::Borrowed(raw)
        }
    };
    // Jump from pipe to pipe; the backticks between two pipes tell whether the next one
    // sits inside inline code, and a backslash before it escapes it.
    let mut cells = Vec::with_capacity(8);
    let mut in_code = false;
    let mut escaped = false;
    let mut from = 0;
    let mut seen = 0;
    let has_code = memchr::memchr(b'`', bytes).is_some();
    for at in memchr::memchr_iter(b'|', bytes) {
        if has_code {
            let ticks = memchr::memchr_iter(b'`', &bytes[seen..at]).count();
            in_code ^= ticks % 2 == 1;
        }
        seen = at;
        if at > 0 && bytes[at - 1] == b'\\' {
            escaped = true;
        } else if !in_code {
            cells.push(cell(from, at, escaped));
            escaped = false;
            from = at + 1;
        }
    }
    cells.push(cell(from, t.len(), escaped));
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        scan_lines(text, 1)
    }

    #[test]
    fn fences_hide_headings_and_rules() {
        let l = lines("# real\n```bash\n# comment\n---\n```\n## also real\n");
        assert_eq!(l.len(), 6);
        assert_eq!(l[0].heading(), Some((1, "real")));
        assert_eq!(l[2].heading(), None);
        assert!(!l[3].is_rule());
        assert_eq!(l[5].heading(), Some((2, "also real")));
    }

    #[test]
    fn tilde_fences_and_longer_closers() {
        let l = lines("~~~~\n# no\n~~~\n# still no\n~~~~~\n# yes");
        assert_eq!(l[1].heading(), None);
        assert_eq!(l[3].heading(), None);
        assert_eq!(l[5].heading(), Some((1, "yes")));
    }

    #[test]
    fn crlf_and_closing_hashes() {
        let l = lines("## Title ##\r\n#nope\r\n");
        assert_eq!(l[0].heading(), Some((2, "Title")));
        assert_eq!(l[1].heading(), None);
    }

    #[test]
    fn rules_match_the_unicode_definition() {
        let reference = |t: &str| {
            let t = t.trim();
            t.chars().next().is_some_and(|c| {
                matches!(c, '-' | '*' | '_')
                    && t.chars().all(|x| x == c || x == ' ' || x == '\t')
                    && t.chars().filter(|&x| x == c).count() >= 3
            })
        };
        let samples = [
            "---",
            " - - -",
            "***",
            "___",
            "--",
            "- item",
            "-*-",
            "---\r",
            "\u{3000}---",
            "\t___\t",
            "--- x",
            "",
            "   ",
            "----\u{0c}",
            "* * *  ",
        ];
        for text in samples {
            let line = Line {
                no: 1,
                text,
                fenced: false,
            };
            assert_eq!(line.is_rule(), reference(text), "{text:?}");
        }
    }

    /// The list reader as first written, one vector of lines per item: the reference
    /// the run-based reader must agree with.
    fn reference_items(lines: &[Line]) -> Vec<String> {
        let base = lines
            .iter()
            .filter(|l| !l.is_blank() && !l.fenced)
            .map(|l| indent_of(l.text))
            .min()
            .unwrap_or(0);
        let mut items: Vec<Vec<Line>> = Vec::new();
        for line in lines {
            if line.is_blank() {
                if let Some(item) = items.last_mut() {
                    item.push(*line);
                }
                continue;
            }
            let top_level = !line.fenced && indent_of(line.text) <= base + 1;
            let after_blank = items
                .last()
                .and_then(|item| item.last())
                .is_some_and(Line::is_blank);
            if top_level && let Some(body) = list_item_body(line.text) {
                items.push(vec![Line {
                    text: body,
                    ..*line
                }]);
            } else if !items.is_empty() && (line.fenced || !top_level || !after_blank) {
                items.last_mut().unwrap().push(*line);
            } else {
                items.push(vec![*line]);
            }
        }
        items
            .iter()
            .filter_map(|item| {
                let (first, rest) = item.split_first()?;
                let mut text = first.text.trim().to_string();
                if let Some(tail) = join_lines(rest) {
                    let end = rest
                        .iter()
                        .rposition(|l| !l.is_blank())
                        .map_or(0, |i| i + 1);
                    let lazy = rest[..end]
                        .iter()
                        .all(|l| !l.is_blank() && !l.fenced && list_item_body(l.text).is_none());
                    text.push(if lazy { ' ' } else { '\n' });
                    text.push_str(&tail);
                }
                (!text.is_empty()).then_some(text)
            })
            .collect()
    }

    #[test]
    fn list_items_agree_with_the_reference() {
        let samples = [
            "- one\n  - nested\n- two\n  continued\n\nloose paragraph\n",
            "\n\nintro line\nmore intro\n\n- a\n\n- b\n\n  para in b\nlazy\n",
            "1. first\n   ```\n   code\n\n   ```\n2) second\n\n\n",
            "  - indented\n    - deeper\n  - again\n\nafter\n",
            "- a\n```\n- not an item\n```\n- b",
            "",
            "\n\n",
            "plain\n\nplain two\n- item\ncontinues",
        ];
        for text in samples {
            let l = lines(text);
            assert_eq!(list_items(&l), reference_items(&l), "{text:?}");
        }
    }

    #[test]
    fn list_items_keep_nesting() {
        let l = lines("- one\n  - nested\n- two\n  continued\n\nloose paragraph\n");
        assert_eq!(
            list_items(&l),
            vec!["one\n- nested", "two continued", "loose paragraph"]
        );
    }

    #[test]
    fn tables_with_alignment_and_escapes() {
        let l = lines("| A | B | C |\n|:--|:-:|--:|\n| 1 | `a|b` | x \\| y |\n| only |\n");
        let (tables, rest) = split_tables(&l);
        assert!(rest.is_empty());
        let t = &tables[0];
        assert_eq!(t.header, vec!["A", "B", "C"]);
        assert_eq!(t.align, vec![Align::Left, Align::Center, Align::Right]);
        assert_eq!(t.rows[0], vec!["1", "`a|b`", "x | y"]);
        assert_eq!(t.rows[1], vec!["only", "", ""]);
    }
}
