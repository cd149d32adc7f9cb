//! `prepdeck mock --answers FILE`: answers written elsewhere — typed in an editor, or a
//! speech-to-text transcript — judged without a clock. Each `## ` heading names a card
//! by its id or its question (a close match is accepted and reported); the text under
//! it is the answer.

use std::time::Duration;

use serde::Serialize;

use super::{MockAnswer, MockResult, MockSettings};
use crate::hint::Hinter;
use crate::load::Deck;
use crate::text::normalize_for_id;

/// One `## ` heading of the file and the answer under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    /// 1-based line of the heading.
    pub line: usize,
    pub answer: String,
}

/// Why an answers file cannot be judged at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswersError {
    #[error(
        "{0} is empty: write each answer under a `## ` heading that names its card (its id or its question)"
    )]
    Empty(String),
    #[error("{0} has no `## ` heading: put each answer under `## <the card's id or question>`")]
    NoHeading(String),
}

/// The sections of an answers file. Text before the first heading (a title, notes) is
/// not an answer and is left out.
pub fn sections(file: &str, text: &str) -> Result<Vec<Section>, AnswersError> {
    if text.trim().is_empty() {
        return Err(AnswersError::Empty(file.to_string()));
    }
    let mut out: Vec<Section> = Vec::new();
    let mut fenced = false;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if !fenced && let Some(heading) = line.strip_prefix("## ") {
            out.push(Section {
                heading: heading.trim().trim_end_matches('#').trim().to_string(),
                line: n + 1,
                answer: String::new(),
            });
        } else if let Some(last) = out.last_mut() {
            last.answer.push_str(line);
            last.answer.push('\n');
        }
    }
    if out.is_empty() {
        return Err(AnswersError::NoHeading(file.to_string()));
    }
    for s in &mut out {
        s.answer = s.answer.trim().to_string();
    }
    Ok(out)
}

/// How a heading named its card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Id,
    Question,
    /// Not word for word: the closest question, clearly closer than any other.
    Close,
}

/// The card a heading names: by id, by its question as written (case, punctuation and
/// emphasis aside), or by the one question that shares most of its words.
pub fn find_card(deck: &Deck, heading: &str) -> Option<(usize, Named)> {
    let wanted = heading.trim();
    if let Some(i) = deck
        .cards
        .iter()
        .position(|c| c.id.eq_ignore_ascii_case(wanted))
    {
        return Some((i, Named::Id));
    }
    let norm = normalize_for_id(wanted);
    if norm.is_empty() {
        return None;
    }
    if let Some(i) = deck
        .cards
        .iter()
        .position(|c| normalize_for_id(&c.question) == norm)
    {
        return Some((i, Named::Question));
    }
    // Close: the share of words the two have in common (Dice), at least 0.6 and ahead
    // of the runner-up by 0.1, so a near miss never lands on the wrong card.
    let words: Vec<&str> = norm.split(' ').collect();
    let mut scored: Vec<(f64, usize)> = deck
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let theirs = normalize_for_id(&c.question);
            let theirs: Vec<&str> = theirs.split(' ').collect();
            let common = words.iter().filter(|w| theirs.contains(w)).count();
            (2.0 * common as f64 / (words.len() + theirs.len()) as f64, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [(best, i), rest @ ..]
            if *best >= 0.6 && rest.first().is_none_or(|(next, _)| best - next >= 0.1) =>
        {
            Some((*i, Named::Close))
        }
        _ => None,
    }
}

/// An answers file judged: the mock it makes, the headings that named no card, and the
/// headings accepted as close matches (heading, the card's question).
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    pub result: MockResult,
    pub unmatched: Vec<String>,
    pub close: Vec<(String, String)>,
}

/// Judges each section against the card its heading names. Each answer gets the grade
/// the hint suggests (covered points only); nothing is timed.
pub fn judge(deck: &Deck, hinter: &Hinter, sections: &[Section], started_at: i64) -> Judged {
    let mut answers = Vec::new();
    let mut unmatched = Vec::new();
    let mut close = Vec::new();
    for s in sections {
        let Some((index, named)) = find_card(deck, &s.heading) else {
            unmatched.push(s.heading.clone());
            continue;
        };
        let card = &deck.cards[index];
        if named == Named::Close {
            close.push((s.heading.clone(), card.question.clone()));
        }
        let hints = hinter.card(&card.key_points, &s.answer);
        let covered: Vec<bool> = hints.iter().map(crate::hint::PointHint::covered).collect();
        let grade =
            crate::review::suggest_grade(covered.iter().filter(|c| **c).count(), covered.len());
        answers.push(MockAnswer {
            card: index,
            card_id: card.id.clone(),
            question: card.question.clone(),
            topic: card.topic.last().cloned().unwrap_or_default(),
            answer: s.answer.clone(),
            time_used: Duration::ZERO,
            time_allowed: None,
            timed_out: false,
            key_points: card.key_points.clone(),
            covered,
            hints,
            grade,
            follow_up: None,
        });
    }
    Judged {
        result: MockResult {
            started_at,
            settings: MockSettings {
                questions: answers.len(),
                per_question: None,
                total: None,
                spoken: false,
                written: true,
                seed: 0,
                topics: Vec::new(),
                follow_ups: false,
            },
            answers,
            aborted: false,
        },
        unmatched,
        close,
    }
}

/// `--json`'s document.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub answers: Vec<AnswerJson<'a>>,
    pub unmatched: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct AnswerJson<'a> {
    pub id: &'a str,
    pub question: &'a str,
    /// "again", "hard" or "good"; null for a card without key points.
    pub suggested_grade: Option<String>,
    pub key_points: Vec<PointJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct PointJson<'a> {
    pub text: &'a str,
    pub covered: bool,
    /// Why the claim looks different, for "mentioned — check the claim".
    pub doubt: Option<&'a str>,
    /// The words of the answer that matched.
    pub evidence: &'a [String],
}

impl Judged {
    pub fn json(&self) -> Report<'_> {
        Report {
            answers: self
                .result
                .answers
                .iter()
                .map(|a| AnswerJson {
                    id: &a.card_id,
                    question: &a.question,
                    suggested_grade: a.grade.map(|g| g.label().to_lowercase()),
                    key_points: a
                        .key_points
                        .iter()
                        .zip(&a.hints)
                        .map(|(text, h)| PointJson {
                            text,
                            covered: h.covered(),
                            doubt: h.doubt(),
                            evidence: &h.evidence,
                        })
                        .collect(),
                })
                .collect(),
            unmatched: &self.unmatched,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_text;

    fn deck() -> Deck {
        load_text(
            "k8s.md",
            "## What does a readiness probe do?\n\nId: k8s-readiness\n\n### Answer\nGates traffic.\n\n### Key points\n- A failing readiness probe stops Services routing to the pod, without restarting it\n\n## What does a liveness probe do?\n\n### Answer\nRestarts.\n\n### Key points\n- A failing liveness probe restarts the container\n",
        )
    }

    #[test]
    fn headings_name_cards_by_id_question_or_close_match() {
        let deck = deck();
        assert_eq!(find_card(&deck, "k8s-readiness"), Some((0, Named::Id)));
        assert_eq!(
            find_card(&deck, "what does a LIVENESS probe do"),
            Some((1, Named::Question))
        );
        assert_eq!(
            find_card(&deck, "What does the liveness probe do for a pod?"),
            Some((1, Named::Close))
        );
        assert_eq!(find_card(&deck, "How does DNS work?"), None);
        assert_eq!(
            find_card(&deck, "What does a probe do?"),
            None,
            "two are as close"
        );
    }

    #[test]
    fn sections_skip_text_before_the_first_heading_and_fenced_headings() {
        let text = "# My answers\n\nnotes\n\n## k8s-readiness\nIt stops traffic.\n```\n## not a heading\n```\n## Second\n\n";
        let s = sections("a.md", text).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].heading, "k8s-readiness");
        assert_eq!(s[0].line, 5);
        assert!(s[0].answer.contains("## not a heading"));
        assert_eq!(s[1].answer, "");
        assert_eq!(
            sections("a.md", " \n\n").unwrap_err(),
            AnswersError::Empty("a.md".into())
        );
        assert_eq!(
            sections("a.md", "just text\n").unwrap_err(),
            AnswersError::NoHeading("a.md".into())
        );
    }

    #[test]
    fn judged_answers_carry_the_hint_and_the_suggested_grade() {
        let deck = deck();
        let hinter = Hinter::new(
            deck.cards
                .iter()
                .flat_map(|c| c.key_points.iter().map(String::as_str)),
        );
        let s = sections(
            "a.md",
            "## k8s-readiness\nWhen the readiness probe fails, Services stop routing to the pod; it is not restarted.\n## Unknown card\nx\n",
        )
        .unwrap();
        let judged = judge(&deck, &hinter, &s, 0);
        assert_eq!(judged.unmatched, ["Unknown card"]);
        let a = &judged.result.answers[0];
        assert_eq!(a.covered, [true]);
        assert_eq!(a.grade, Some(crate::schedule::Grade::Good));
        let json = serde_json::to_value(judged.json()).unwrap();
        assert_eq!(json["answers"][0]["id"], "k8s-readiness");
        assert_eq!(json["answers"][0]["suggested_grade"], "good");
        assert_eq!(json["answers"][0]["key_points"][0]["covered"], true);
        assert!(json["answers"][0]["key_points"][0]["doubt"].is_null());
        assert!(judged.result.settings.written);
    }
}
