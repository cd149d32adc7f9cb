//! Tells which layout a file is written in, from signals no other layout produces.

use super::block::Line;
use super::fields::{Field, bold_label};
use super::labelled::{numbered_heading, q_prefixed_heading};

/// The shapes of question file prepdeck reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// prepdeck's own format: `##` questions with `###` sections (content/README.md).
    Canonical,
    /// `# 3. Question` headings followed by `**Answer** — …` style bold labels.
    NumberedLabels,
    /// `### Q1: Question` headings with `**Expected Answer Points**:` bullets.
    AnswerPoints,
    /// Nothing recognisable.
    #[default]
    Unknown,
}

impl Layout {
    /// The names of the layouts that yield cards, for hints.
    pub const READABLE: [&'static str; 3] = ["canonical", "numbered-labels", "answer-points"];

    /// The name shown by `prepdeck check` and in its JSON.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Canonical => "canonical",
            Layout::NumberedLabels => "numbered-labels",
            Layout::AnswerPoints => "answer-points",
            Layout::Unknown => "unknown",
        }
    }
}

/// Picks the layout with the strongest unambiguous signal.
pub fn detect(lines: &[Line]) -> Layout {
    let mut canonical_sections = 0;
    let mut answer_points = 0;
    let mut labels = 0;
    let mut numbered = 0;
    for line in lines.iter().filter(|l| !l.fenced) {
        if let Some((level, text)) = line.heading() {
            let field = Field::from_label(text);
            if level == 3 && field.is_some_and(|f| f != Field::Question) {
                canonical_sections += 1;
            }
            if q_prefixed_heading(text) {
                answer_points += 1;
            }
            if numbered_heading(text) {
                numbered += 1;
            }
        } else if let Some((field, _)) = bold_label(line.text) {
            let label = line.text.trim_start().to_ascii_lowercase();
            if label.starts_with("**expected answer points") {
                answer_points += 1;
            } else if field != Field::Question {
                labels += 1;
            }
        }
    }
    if canonical_sections > 0 {
        Layout::Canonical
    } else if answer_points > 0 {
        Layout::AnswerPoints
    } else if labels > 0 && numbered > 0 {
        Layout::NumberedLabels
    } else {
        Layout::Unknown
    }
}
