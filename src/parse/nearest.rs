//! For a file that gave no cards: the layout it came nearest to, and what it would need,
//! so `prepdeck check` can say more than "matches none".

use super::block::{Line, delimiter_row, list_item_body, split_row};
use super::canonical::single_title_heading;
use super::{obsidian, qa_lines, qa_tables};

/// What the file would need to be read, when it looks like one of the layouts.
pub fn nearest(lines: &[Line]) -> Option<String> {
    let open = || lines.iter().filter(|l| !l.fenced);
    if open().any(|l| qa_lines::marker(l, 'Q').is_some()) {
        return Some(
            "looks like qa-lines, but no answer follows a `Q:` line: start each answer with `A:`"
                .to_string(),
        );
    }
    let pairs = open().any(|l| l.heading().is_none() && l.text.contains("::"));
    if pairs && !open().any(|l| obsidian::flashcards_tag(l.text).is_some()) {
        return Some(
            "looks like Obsidian flashcards (`question::answer`), but the note has no \
             `#flashcards` tag: add one on a line of its own"
                .to_string(),
        );
    }
    let tables = lines.windows(2).any(|w| {
        !w[0].fenced
            && w[0].text.contains('|')
            && !w[1].fenced
            && delimiter_row(w[1].text).is_some()
    });
    if tables {
        let header = lines
            .windows(2)
            .find(|w| !w[0].fenced && w[0].text.contains('|') && delimiter_row(w[1].text).is_some())
            .map(|w| split_row(w[0].text))
            .unwrap_or_default();
        if qa_tables::qa_columns(&header).is_none() {
            return Some(format!(
                "looks like a question table, but its header ({}) names no question and answer \
                 columns: name them `| Question | Answer |` (or `Q | A`, `Term | Definition`)",
                header.join(" | ")
            ));
        }
    }
    let bold_items = open()
        .filter(|l| !l.text.starts_with([' ', '\t']))
        .filter_map(|l| list_item_body(l.text))
        .any(|b| b.starts_with("**"));
    if bold_items {
        return Some(
            "looks like bold questions, but no bold list item asks: end each with `?` \
             (`1. **What is an inode?**`) or start it with what, why, how …"
                .to_string(),
        );
    }
    let title = single_title_heading(lines, |_| false);
    let headings = lines
        .iter()
        .enumerate()
        .any(|(i, l)| l.heading().is_some() && Some(i) != title);
    headings.then(|| {
        "looks like question headings, but no heading ends in `?` or starts with `Q:` or a \
         question word (`## What is a Pod?`, `## Q1. Rolling updates`); headings that do not \
         ask are topics"
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::nearest;
    use crate::parse::block::scan_lines;

    fn hint(text: &str) -> String {
        nearest(&scan_lines(text, 1)).unwrap_or_default()
    }

    #[test]
    fn each_near_miss_says_what_is_missing() {
        assert!(hint("Q: What is X?\nIt is Y.\n").contains("`A:`"));
        assert!(hint("toil::manual work\n").contains("#flashcards"));
        assert!(hint("| Command | Use |\n|---|---|\n| ls | list |\n").contains("Command | Use"));
        assert!(hint("- **Networking** notes\n").contains("bold questions"));
        assert!(hint("# Notes\n\n## Networking\ntext\n").contains("question headings"));
        assert_eq!(hint("Just a paragraph.\n"), "");
    }
}
