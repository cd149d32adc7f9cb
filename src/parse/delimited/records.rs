//! Splits delimited text into records the way Anki and spreadsheets write it (RFC 4180):
//! a field that starts with `"` runs to the next lone `"`, so it may hold the separator,
//! tabs and newlines, and `""` inside it is one quote; any other field ends at the
//! separator or the end of the line. Each record knows the line it starts on.

use std::borrow::Cow;

/// One row: its first line (1-based) and its fields, borrowed from the text unless
/// quotes had to come out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    pub line: usize,
    pub fields: Vec<Cow<'a, str>>,
    /// A quoted field was still open at the end of the text: everything after its
    /// opening quote was read into it.
    pub unclosed: bool,
}

/// How to split: the separator, and whether an unquoted `#` at the start of a row makes
/// it a comment (Anki's files; a spreadsheet's first column may well start with `#`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub separator: char,
    pub comments: bool,
}

/// The records of `text`, from line `first_line` on. Blank lines are no records.
pub fn records(text: &str, first_line: usize, dialect: Dialect) -> Vec<Record<'_>> {
    let mut out = Vec::new();
    let mut line = first_line;
    let mut rest = text;
    while !rest.is_empty() {
        // A row made of nothing is no record.
        if let Some(after) = strip_newline(rest) {
            rest = after;
            line += 1;
            continue;
        }
        if dialect.comments && rest.starts_with('#') {
            let end = rest.find('\n').map_or(rest.len(), |n| n + 1);
            rest = &rest[end..];
            line += 1;
            continue;
        }
        let start = line;
        let mut fields = Vec::new();
        let mut unclosed = false;
        loop {
            let (field, after, newlines, open) = field(rest, dialect.separator);
            fields.push(field);
            unclosed |= open;
            line += newlines;
            rest = after;
            if let Some(next) = rest.strip_prefix(dialect.separator) {
                rest = next;
                continue;
            }
            if let Some(next) = strip_newline(rest) {
                rest = next;
                line += 1;
            }
            break;
        }
        out.push(Record {
            line: start,
            fields,
            unclosed,
        });
    }
    out
}

/// `\n`, `\r\n` or a lone `\r` at the start of `text`: the text after it.
fn strip_newline(text: &str) -> Option<&str> {
    text.strip_prefix("\r\n")
        .or_else(|| text.strip_prefix('\n'))
        .or_else(|| text.strip_prefix('\r'))
}

/// One field at the start of `text`: its value, the text after it (at a separator, a
/// newline or the end), the newlines it spanned, and whether its quote never closed.
fn field(text: &str, separator: char) -> (Cow<'_, str>, &str, usize, bool) {
    let Some(quoted) = text.strip_prefix('"') else {
        let end = field_end(text, separator);
        return (Cow::Borrowed(&text[..end]), &text[end..], 0, false);
    };
    // The value so far, while a doubled quote has made it differ from the text.
    let mut value = String::new();
    let mut newlines = 0;
    let mut rest = quoted;
    let last = loop {
        let Some(at) = memchr::memchr(b'"', rest.as_bytes()) else {
            newlines += count_lines(rest);
            value.push_str(rest);
            return (Cow::Owned(value), "", newlines, true);
        };
        newlines += count_lines(&rest[..at]);
        let piece = &rest[..at];
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('"') {
            value.push_str(piece);
            value.push('"');
            rest = after;
            continue;
        }
        break piece;
    };
    // Text between the closing quote and the separator belongs to the field, as lenient
    // readers have it.
    let end = field_end(rest, separator);
    let field = if value.is_empty() && end == 0 {
        // No doubled quote, nothing after the closing one: the text between the quotes.
        Cow::Borrowed(last)
    } else {
        value.push_str(last);
        value.push_str(&rest[..end]);
        Cow::Owned(value)
    };
    (field, &rest[end..], newlines, false)
}

/// Where an unquoted field ends: at the separator, a line break or the end.
fn field_end(text: &str, separator: char) -> usize {
    match u8::try_from(separator) {
        // memchr finds the first of three bytes at once; an ASCII separator cannot sit
        // inside a multi-byte character.
        Ok(sep) if separator.is_ascii() => {
            memchr::memchr3(sep, b'\n', b'\r', text.as_bytes()).unwrap_or(text.len())
        }
        _ => text.find([separator, '\n', '\r']).unwrap_or(text.len()),
    }
}

/// Line breaks in a piece of text, counting `\r\n` once.
fn count_lines(text: &str) -> usize {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAB: Dialect = Dialect {
        separator: '\t',
        comments: true,
    };

    fn fields<'a>(r: &'a Record) -> Vec<&'a str> {
        r.fields.iter().map(AsRef::as_ref).collect()
    }

    #[test]
    fn quoted_fields_hold_tabs_newlines_and_quotes() {
        let text = "a\tb\n\n\"x\ty\nz\"\t\"say \"\"hi\"\"\"\n# comment\r\nlast\t\r\n";
        let rows = records(text, 1, TAB);
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!((rows[0].line, fields(&rows[0])), (1, vec!["a", "b"]));
        assert_eq!(
            (rows[1].line, fields(&rows[1])),
            (3, vec!["x\ty\nz", "say \"hi\""])
        );
        assert_eq!((rows[2].line, fields(&rows[2])), (6, vec!["last", ""]));
        assert!(rows.iter().all(|r| !r.unclosed));
        // Text after the closing quote joins the field; a field with nothing to take
        // out is borrowed from the text.
        let rows = records("\"a\"b\t\"c\r\nd\"\te\n", 1, TAB);
        assert_eq!(fields(&rows[0]), ["ab", "c\r\nd", "e"]);
        assert!(matches!(rows[0].fields[1], Cow::Borrowed(_)));
        assert_eq!(records("\"a\r\nb\rc\"\nz\n", 1, TAB)[1].line, 4);
    }

    #[test]
    fn an_unclosed_quote_reads_to_the_end_and_says_so() {
        let rows = records("ok\t1\n\"open\t2\nmore\n", 10, TAB);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 11);
        assert!(rows[1].unclosed);
        assert_eq!(fields(&rows[1]), ["open\t2\nmore\n"]);
    }

    #[test]
    fn comments_only_where_asked() {
        let csv = Dialect {
            separator: ',',
            comments: false,
        };
        let rows = records("#1 cause,change\n", 1, csv);
        assert_eq!(fields(&rows[0]), ["#1 cause", "change"]);
        assert!(records("#1 cause\tchange\n", 1, TAB).is_empty());
        assert_eq!(
            fields(&records("\"#1\"\tx\n", 1, TAB)[0]),
            ["#1", "x"],
            "a quoted # is no comment"
        );
    }
}
