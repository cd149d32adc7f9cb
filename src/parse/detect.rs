//! Tells which layout a file is written in, from signals no other layout produces.
//!
//! Signals are counted outside code fences only. When several are present the first
//! match in this order wins: canonical, hints, details, qa-headings, answer-points,
//! numbered-labels, qa-lines, design. The more specific shapes come first: a hints file
//! also holds `<details>` blocks, and a qa-headings file also has numbered headings.

use super::block::Line;
use super::fields::{Field, bold_label};
use super::hints::{hints_summary, paren_numbered_heading, question_label};
use super::labelled::{numbered_heading, q_prefixed_heading};
use super::{
    bold_questions, design, logseq, obsidian, qa_headings, qa_lines, qa_tables, question_headings,
};
use crate::text::find_ignore_ascii_case;

/// The shapes of question file prepdeck reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// prepdeck's own format: `##` questions with `###` sections (content/README.md).
    Canonical,
    /// `# 3. Question` headings followed by `**Answer** — …` style bold labels.
    NumberedLabels,
    /// `### Q1: Question` headings with `**Expected Answer Points**:` bullets.
    AnswerPoints,
    /// `<details><summary>question</summary> answer </details>` blocks under topics.
    Details,
    /// `## N) Title`, `**Question:**` and a `<summary>Hints / Key Points</summary>` block.
    Hints,
    /// `## Question N: Title` headings with `**Answer:**` and a long explanation.
    QaHeadings,
    /// One design question per file: the `#` heading asks, the `##` sections answer.
    Design,
    /// `Q:` / `A:` line pairs.
    QaLines,
    /// Headings that ask (`### What is a Pod?`), the answer below each.
    QuestionHeadings,
    /// List items that open with a bold question: `1. **What is an inode?**`.
    BoldQuestions,
    /// Tables whose header names a question and an answer column, a card per row.
    QaTables,
    /// Obsidian Spaced Repetition cards in a `#flashcards` note: `question::answer`.
    Obsidian,
    /// Logseq outline blocks tagged `#card`, the nested blocks the answer.
    Logseq,
    /// Anki's "Notes in Plain Text" export: `#separator:tab`, `#deck column:3` …
    AnkiText,
    /// CSV or TSV whose first row names question and answer columns.
    Csv,
    /// Nothing recognisable.
    #[default]
    Unknown,
}

impl Layout {
    /// The names of the layouts that yield cards, for hints.
    pub const READABLE: [&'static str; 15] = [
        "canonical",
        "numbered-labels",
        "answer-points",
        "details",
        "hints",
        "qa-headings",
        "design",
        "qa-lines",
        "question-headings",
        "bold-questions",
        "qa-tables",
        "obsidian",
        "logseq",
        "anki-text",
        "csv",
    ];

    /// The name shown by `prepdeck check` and in its JSON.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Canonical => "canonical",
            Layout::NumberedLabels => "numbered-labels",
            Layout::AnswerPoints => "answer-points",
            Layout::Details => "details",
            Layout::Hints => "hints",
            Layout::QaHeadings => "qa-headings",
            Layout::Design => "design",
            Layout::QaLines => "qa-lines",
            Layout::QuestionHeadings => "question-headings",
            Layout::BoldQuestions => "bold-questions",
            Layout::QaTables => "qa-tables",
            Layout::Obsidian => "obsidian",
            Layout::Logseq => "logseq",
            Layout::AnkiText => "anki-text",
            Layout::Csv => "csv",
            Layout::Unknown => "unknown",
        }
    }
}

/// Picks the layout with the strongest unambiguous signal.
pub fn detect(lines: &[Line]) -> Layout {
    let mut answer_points = 0;
    let mut q_headings = 0;
    let mut answer_labels = 0;
    let mut labels = 0;
    let mut numbered = 0;
    let mut summaries = 0;
    let mut question_labels = 0;
    let mut paren_headings = 0;
    let mut question_headings = 0;
    let mut q_lines = 0;
    let mut a_lines = 0;
    for line in lines.iter().filter(|l| !l.fenced) {
        if let Some((level, text)) = line.heading() {
            let field = Field::from_label(text);
            if level == 3 && field.is_some_and(|f| f != Field::Question) {
                // Canonical wins over every other signal: no need to read further.
                return Layout::Canonical;
            }
            if q_prefixed_heading(text) {
                q_headings += 1;
            }
            if numbered_heading(text) {
                numbered += 1;
            }
            if paren_numbered_heading(text) {
                paren_headings += 1;
            }
            if qa_headings::question_heading(text) {
                question_headings += 1;
            }
            continue;
        }
        let trimmed = line.text.trim_start();
        if find_ignore_ascii_case(trimmed, "<summary").is_some() {
            summaries += 1;
        }
        if question_label(line.text).is_some() {
            question_labels += 1;
        }
        if qa_lines::marker(line, 'Q').is_some() {
            q_lines += 1;
        }
        if qa_lines::marker(line, 'A').is_some() {
            a_lines += 1;
        }
        if let Some((field, _)) = bold_label(line.text) {
            if starts_with_ignore_ascii_case(trimmed, "**expected answer points") {
                answer_points += 1;
            } else if field != Field::Question {
                labels += 1;
                answer_labels += usize::from(field == Field::Answer);
            }
        }
    }
    // Which summaries name hints matters only when the other two hints signals are
    // there, so those lines are read again only then.
    let hint_summaries = || {
        lines
            .iter()
            .any(|l| !l.fenced && l.heading().is_none() && hints_summary(l.text).is_some())
    };
    if paren_headings > 0 && question_labels > 0 && hint_summaries() {
        Layout::Hints
    } else if summaries > 0 && summaries >= (answer_points + q_headings).max(numbered) {
        // A labelled layout may fold an example into one `<details>` block; a details
        // file has at least as many blocks as numbered headings.
        Layout::Details
    } else if question_headings > 0 && answer_labels > 0 {
        Layout::QaHeadings
    } else if answer_points > 0 && (q_headings > 0 || numbered > 0) {
        Layout::AnswerPoints
    } else if labels > 0 && numbered > 0 {
        Layout::NumberedLabels
    } else if q_lines > 0 && a_lines > 0 {
        Layout::QaLines
    } else if lines.iter().any(|l| logseq::card_question(l).is_some()) {
        Layout::Logseq
    } else if obsidian::count(lines) > 0 {
        Layout::Obsidian
    } else if design::design_heading(lines).is_some() {
        Layout::Design
    } else {
        // The loosest layouts: the one with more questions wins, headings on a tie.
        let bold = bold_questions::count(lines);
        let headings = question_headings::count(lines);
        let rows = qa_tables::count(lines);
        if rows > 0 && rows > headings.max(bold) {
            Layout::QaTables
        } else if headings > 0 && headings >= bold {
            Layout::QuestionHeadings
        } else if bold > 0 {
            Layout::BoldQuestions
        } else {
            Layout::Unknown
        }
    }
}

/// `text.to_ascii_lowercase().starts_with(needle)` for a lowercase ASCII `needle`.
fn starts_with_ignore_ascii_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .get(..needle.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_ignore_ascii_case_agrees_with_lowercasing() {
        for text in [
            "<SUMMARY>x",
            "a <Summary>",
            "<summar",
            "",
            "é<summary",
            "**Expected Answer Points**:",
            "<<summary",
            "x <sUmMaRy> y <summary",
            "<summary",
        ] {
            for needle in ["<summary", "**expected answer points"] {
                let lower = text.to_ascii_lowercase();
                assert_eq!(
                    starts_with_ignore_ascii_case(text, needle),
                    lower.starts_with(needle),
                    "{text}"
                );
            }
        }
    }
}
