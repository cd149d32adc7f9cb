//! Question-and-answer tables: a pipe table whose header names a question column and an
//! answer column (`| Question | Answer |`, `| Q | A |`, `| Term | Definition |`), each
//! row a card. Headings above a table are its topics; other columns (notes, tags …)
//! go to the card's detail. A row with more cells than the header most likely has an
//! unescaped `|` in its answer: the extra cells are joined back into it, with a warning.

use std::borrow::Cow;

use super::block::{Line, delimiter_row, split_cells, split_row};
use super::heading_walk::Topics;
use super::{ParsedFile, RawCard};
use crate::text::humanize::clean_question;

/// Column names that hold the question.
const QUESTION: [&str; 8] = [
    "question",
    "questions",
    "q",
    "term",
    "prompt",
    "front",
    "concept",
    "interview question",
];
/// Column names that hold the answer.
const ANSWER: [&str; 9] = [
    "answer",
    "answers",
    "a",
    "definition",
    "back",
    "meaning",
    "short answer",
    "explanation",
    "solution",
];

fn column_name(cell: &str) -> String {
    cell.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .trim_end_matches(':')
        .to_lowercase()
}

/// The question and answer columns a header names, when it names both.
pub fn qa_columns(header: &[String]) -> Option<(usize, usize)> {
    let names: Vec<String> = header.iter().map(|c| column_name(c)).collect();
    let q = names.iter().position(|n| QUESTION.contains(&n.as_str()))?;
    let a = ANSWER
        .iter()
        .find_map(|want| names.iter().position(|n| n == want))?;
    (q != a).then_some((q, a))
}

/// The header cells of a question table starting at `lines[i]` (outside code).
fn table_header(lines: &[Line], i: usize) -> Option<(Vec<String>, (usize, usize))> {
    let line = lines[i];
    let next = lines.get(i + 1)?;
    if line.fenced || next.fenced || !line.text.contains('|') {
        return None;
    }
    delimiter_row(next.text)?;
    let header = split_row(line.text);
    let columns = qa_columns(&header)?;
    Some((header, columns))
}

/// How many rows the file's question tables hold.
pub fn count(lines: &[Line]) -> usize {
    let mut rows = 0;
    let mut i = 0;
    while i < lines.len() {
        if table_header(lines, i).is_some() {
            i += 2;
            while lines
                .get(i)
                .is_some_and(|l| !l.fenced && l.text.contains('|'))
            {
                rows += 1;
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    rows
}

/// Reads every question table in `lines` into `parsed`.
pub fn parse(lines: &[Line], parsed: &mut ParsedFile) {
    let mut topics = Topics::new(lines, |_| false, parsed);
    let mut i = 0;
    while i < lines.len() {
        if let Some((level, text)) = lines[i].heading() {
            topics.enter(i, level, text);
            i += 1;
            continue;
        }
        let Some((header, (q, a))) = table_header(lines, i) else {
            i += 1;
            continue;
        };
        i += 2;
        let kinds: Vec<Column> = header.iter().map(|name| Column::of(name)).collect();
        while let Some(row) = lines.get(i).filter(|l| !l.fenced && l.text.contains('|')) {
            read_row(row, &kinds, (q, a), topics.path(), parsed);
            i += 1;
        }
    }
}

/// What a column other than the question and the answer gives a card, worked out once
/// per table from its header.
enum Column {
    Tags,
    /// A row number or id: nothing.
    Skipped,
    /// A line of the detail, `**Name:** value`; the prefix is kept ready.
    Detail(String),
}

impl Column {
    fn of(name: &str) -> Column {
        match column_name(name).as_str() {
            "tags" | "tag" => Column::Tags,
            "#" | "no" | "no." | "id" => Column::Skipped,
            _ => Column::Detail(format!("**{}:** ", name.trim())),
        }
    }
}

fn read_row(
    row: &Line,
    header: &[Column],
    (q, a): (usize, usize),
    topics: Vec<String>,
    parsed: &mut ParsedFile,
) {
    let mut cells = split_cells(row.text);
    if cells.len() > header.len() {
        parsed.warn(
            row.no,
            format!(
                "table row has {} cells but the header has {}: an unescaped `|` in the \
                 answer? The extra cells were read as part of the answer; write `\\|` for a \
                 pipe in a cell",
                cells.len(),
                header.len()
            ),
        );
        // The answer is the cell most likely to hold a pipe: it takes the extra cells.
        let extra = cells.len() - header.len();
        let joined = cells[a..=a + extra].join(" | ");
        cells.splice(a..=a + extra, [Cow::Owned(joined)]);
    }
    let cell = |n: usize| -> Option<String> {
        let text = cells.get(n).filter(|c| !c.is_empty())?;
        Some(breaks_to_newlines(text))
    };
    let question = cell(q).map_or_else(String::new, |c| {
        if c.contains('\n') {
            clean_question(&c.replace('\n', " "))
        } else {
            clean_question(&c)
        }
    });
    if question.is_empty() {
        parsed.warn(row.no, "table row with an empty question cell: skipped");
        return;
    }
    let mut detail = Vec::new();
    let mut tags = Vec::new();
    for (n, kind) in header.iter().enumerate() {
        if n == q || n == a || matches!(kind, Column::Skipped) {
            continue;
        }
        let Some(value) = cell(n) else {
            continue;
        };
        match kind {
            Column::Tags => tags.extend(
                value
                    .split([',', ' '])
                    .map(|t| t.trim().trim_start_matches('#').to_lowercase())
                    .filter(|t| !t.is_empty()),
            ),
            Column::Skipped => {}
            Column::Detail(prefix) => detail.push(prefix.clone() + &value),
        }
    }
    parsed.cards.push(RawCard {
        question,
        line: row.no,
        topics,
        tags,
        answer: cell(a),
        detail: (!detail.is_empty()).then(|| detail.join("\n\n")),
        ..RawCard::default()
    });
}

/// `a<br>b` → `a\nb` (also `<br/>`, `<br />`), in one pass.
fn breaks_to_newlines(text: &str) -> String {
    if !text.contains('<') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (at, _) in text.match_indices('<') {
        if at < from {
            continue;
        }
        let tag = ["<br>", "<br/>", "<br />"]
            .into_iter()
            .find(|t| text[at..].starts_with(t));
        if let Some(tag) = tag {
            out.push_str(&text[from..at]);
            out.push('\n');
            from = at + tag.len();
        }
    }
    out.push_str(&text[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_string()).collect()
    }

    #[test]
    fn headers_that_name_questions_and_answers() {
        assert_eq!(qa_columns(&header(&["Question", "Answer"])), Some((0, 1)));
        assert_eq!(qa_columns(&header(&["#", "**Q**", "A"])), Some((1, 2)));
        assert_eq!(qa_columns(&header(&["Term", "Definition"])), Some((0, 1)));
        assert_eq!(qa_columns(&header(&["Command", "Description"])), None);
        assert_eq!(qa_columns(&header(&["Question"])), None);
    }

    #[test]
    fn line_breaks_in_cells() {
        assert_eq!(
            breaks_to_newlines("a<br>b<br/>c<br />d<b>"),
            "a\nb\nc\nd<b>"
        );
    }
}
