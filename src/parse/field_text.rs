//! Field text that can be written back into a canonical file unchanged: the shared last
//! step of every layout's reader, and the guard the markdown exporter puts on every
//! section it writes.

use super::block::{FenceTracker, Line, join_lines, scan_lines, split_lines};

/// Joins a field's lines like `join_lines`, but keeps the text safe to write back into a
/// canonical file. The joined text is scanned again on its own, as the canonical parser
/// will see it in a section, and then: headings above level 4 outside fences are demoted
/// (`##` → `####`, `###` → `#####`, deeper → `######`), thematic breaks are dropped
/// (both are structure in the canonical layout), runs of blank lines shrink to one, and
/// a fence left open is closed so it cannot swallow what follows.
pub fn field_text(lines: &[Line]) -> Option<String> {
    let joined = join_lines(lines)?;
    if is_canonical_safe(&joined) {
        return Some(joined);
    }
    let rescanned = scan_lines(&joined, 1);
    let mut owned: Vec<(String, bool)> = Vec::with_capacity(rescanned.len());
    let mut after_blank = false;
    for line in rescanned.iter().filter(|l| !l.is_rule()) {
        let blank = line.is_blank() && !line.fenced;
        if blank && after_blank {
            continue;
        }
        after_blank = blank;
        let text = match line.heading() {
            Some((level, text)) if level < 4 => {
                let indent = &line.text[..line.text.len() - line.text.trim_start().len()];
                let hashes = "#".repeat(usize::from((level + 2).clamp(4, 6)));
                format!("{indent}{hashes} {text}")
            }
            _ => line.text.to_string(),
        };
        owned.push((text, line.fenced));
    }
    if let Some((c, n)) = unclosed_fence(&rescanned) {
        owned.push((c.to_string().repeat(n), true));
    }
    let view: Vec<Line> = owned
        .iter()
        .map(|(text, fenced)| Line {
            no: 0,
            text,
            fenced: *fenced,
        })
        .collect();
    join_lines(&view)
}

/// True when `field_text` would leave the text as it is: no rule, no heading above
/// level 4, no run of blank lines outside a fence and no fence left open. Most fields
/// are like this, and are returned without being copied line by line.
fn is_canonical_safe(text: &str) -> bool {
    let mut fences = FenceTracker::default();
    let mut after_blank = false;
    for text in split_lines(text) {
        let line = Line {
            no: 0,
            text,
            fenced: fences.step(text),
        };
        let blank = line.is_blank() && !line.fenced;
        if (blank && after_blank)
            || line.is_rule()
            || matches!(line.heading(), Some((level, _)) if level < 4)
        {
            return false;
        }
        after_blank = blank;
    }
    fences.open().is_none()
}

/// `text` as the canonical parser would read it inside a section, made unable to change
/// the file's structure: headings above level 4 outside fences are demoted and a fence
/// left open is closed. Text that came through `field_text` is returned unchanged.
pub fn canonical_safe(text: &str) -> String {
    let lines = scan_lines(text, 1);
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match line.heading() {
            Some((level, body)) if level < 4 => {
                let indent = &line.text[..line.text.len() - line.text.trim_start().len()];
                out.push_str(indent);
                out.push_str(&"#".repeat(usize::from((level + 2).clamp(4, 6))));
                out.push(' ');
                out.push_str(body);
            }
            _ => out.push_str(line.text),
        }
    }
    if let Some((c, n)) = unclosed_fence(&lines) {
        out.push('\n');
        out.push_str(&c.to_string().repeat(n));
    }
    out
}

/// The fence still open after the last of `lines`, as (character, length).
fn unclosed_fence(lines: &[Line]) -> Option<(char, usize)> {
    let mut fences = FenceTracker::default();
    for line in lines {
        fences.step(line.text);
    }
    fences.open()
}

/// Splits off the first block of `lines` (up to the first blank line outside a fence,
/// a fence kept whole), skipping leading blank lines.
pub fn split_first_block<'a, 'b>(lines: &'b [Line<'a>]) -> (&'b [Line<'a>], &'b [Line<'a>]) {
    let start = lines
        .iter()
        .position(|l| !l.is_blank())
        .unwrap_or(lines.len());
    let end = lines[start..]
        .iter()
        .position(|l| l.is_blank() && !l.fenced)
        .map_or(lines.len(), |e| start + e);
    (&lines[start..end], &lines[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> Option<String> {
        field_text(&scan_lines(text, 1))
    }

    #[test]
    fn headings_demoted_rules_dropped_blank_runs_shrunk() {
        assert_eq!(
            field("\n## Step 1\n---\ntext\n\n\n\n```\n# comment\n---\n```\n#### kept\n").as_deref(),
            Some("#### Step 1\ntext\n\n```\n# comment\n---\n```\n#### kept")
        );
    }

    #[test]
    fn an_open_fence_is_closed() {
        assert_eq!(field("~~~~\ncode").as_deref(), Some("~~~~\ncode\n~~~~"));
        assert_eq!(canonical_safe("- ```\n  ## x"), "- ```\n  #### x");
        assert_eq!(canonical_safe("```\n## x"), "```\n## x\n```");
    }

    #[test]
    fn first_block_keeps_a_fence_whole() {
        let lines = scan_lines("\n```\na\n\nb\n```\nafter\n\nrest", 1);
        let (first, rest) = split_first_block(&lines);
        assert_eq!(first.len(), 6);
        assert_eq!(rest.len(), 2);
    }
}
