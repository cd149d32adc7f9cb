//! The markdown file `prepdeck notes import` reads: each `## ` heading names a card (its
//! id or its question) and the text under it, up to the next `## ` heading, is the
//! person's own answer to it. Lines before the first heading are ignored.

/// One own answer read from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The heading's line, counted from 1.
    pub line: usize,
    /// The heading's text: a card id or a question.
    pub heading: String,
    /// The text under it, blank lines at both ends removed.
    pub text: String,
}

/// The entries of `source`, in file order. Headings inside fenced code blocks are text.
pub fn parse(source: &str) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut body: Vec<&str> = Vec::new();
    let mut fence: Option<&str> = None;
    let finish = |out: &mut Vec<Entry>, body: &mut Vec<&str>| {
        if let Some(last) = out.last_mut() {
            last.text = body.join("\n").trim_matches('\n').trim_end().to_string();
        }
        body.clear();
    };
    for (i, raw) in source.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if let Some(heading) = line.strip_prefix("## ") {
            finish(&mut out, &mut body);
            out.push(Entry {
                line: i + 1,
                heading: heading.trim().trim_end_matches('#').trim().to_string(),
                text: String::new(),
            });
            continue;
        }
        if !out.is_empty() {
            body.push(line);
        }
    }
    finish(&mut out, &mut body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_split_the_file_into_answers() {
        let source = "# My answers\nignored intro\n\n## 0123456789ab\n\nAt Acme we cached.\n\n## What is cache stampede? ##\r\nLine one\n```\n## not a heading\n```\nLast line\n\n## Empty\n";
        let entries = parse(source);
        assert_eq!(entries.len(), 3);
        assert_eq!(
            entries[0],
            Entry {
                line: 4,
                heading: "0123456789ab".to_string(),
                text: "At Acme we cached.".to_string(),
            }
        );
        assert_eq!(entries[1].heading, "What is cache stampede?");
        assert_eq!(entries[1].line, 8);
        assert_eq!(
            entries[1].text,
            "Line one\n```\n## not a heading\n```\nLast line"
        );
        assert_eq!(entries[2].text, "");
        assert!(parse("no headings at all\n").is_empty());
    }
}
