//! The mock interview's domain: choosing questions, timing them, scoring the result
//! and writing the report (the coverage hint is `crate::hint`). No terminal code.
//!
//! Scoring: each answered question scores `100 × (coverage + grade share) / 2`, where
//! coverage is the share of key points confirmed covered in the debrief and the grade
//! share is `(grade − 1) / 3` (Again 0, Hard ⅓, Good ⅔, Easy 1). A question with no key
//! points counts its grade share alone. The overall score is the mean over questions.

pub mod answers;
pub mod duration;
pub mod record;
pub mod report;
pub mod select;
pub mod timer;

use std::collections::BTreeMap;

use crate::schedule::Grade;
use std::time::Duration;

/// How a mock interview is set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockSettings {
    pub questions: usize,
    pub per_question: Option<Duration>,
    pub total: Option<Duration>,
    pub spoken: bool,
    /// Answers written elsewhere and judged from a file (`mock --answers`): no clock.
    pub written: bool,
    pub seed: u64,
    pub topics: Vec<String>,
    /// After a main answer, ask one of the card's follow-up questions on a shorter clock.
    pub follow_ups: bool,
}

impl Default for MockSettings {
    fn default() -> Self {
        MockSettings {
            questions: 5,
            per_question: Some(Duration::from_secs(240)),
            total: None,
            spoken: false,
            written: false,
            seed: 0,
            topics: Vec::new(),
            follow_ups: true,
        }
    }
}

/// The number of questions of a mock interview, checked the same way from the command
/// line and the config: at least one.
pub fn check_questions(n: usize) -> Result<usize, String> {
    if n == 0 {
        return Err("a mock interview needs at least one question".to_string());
    }
    Ok(n)
}

/// One question as it went.
#[derive(Debug, Clone, PartialEq)]
pub struct MockAnswer {
    pub card: usize,
    pub card_id: String,
    pub question: String,
    pub topic: String,
    pub answer: String,
    pub time_used: Duration,
    pub time_allowed: Option<Duration>,
    pub timed_out: bool,
    pub key_points: Vec<String>,
    /// Covered or not, per key point, as confirmed in the debrief.
    pub covered: Vec<bool>,
    /// What the coverage hint said of each key point (empty when there was none).
    pub hints: Vec<crate::hint::PointHint>,
    /// Set once graded in the debrief.
    pub grade: Option<Grade>,
    /// The follow-up question asked after the main answer, and what was answered.
    pub follow_up: Option<FollowUp>,
}

/// A follow-up question as it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub question: String,
    pub answer: String,
    pub time_used: Duration,
    pub timed_out: bool,
}

/// The clock for a follow-up: a third of the question's, at least 45 seconds.
pub fn follow_up_time(per_question: Option<Duration>) -> Option<Duration> {
    per_question.map(|d| (d / 3).max(Duration::from_secs(45)))
}

/// Which of `count` follow-ups to ask for the question at `position`, repeatable from
/// the interview's seed.
pub fn follow_up_choice(seed: u64, position: usize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    let mixed = seed
        .wrapping_add(0x9E37_79B9_7F4A_7C15)
        .wrapping_mul(u64::try_from(position).unwrap_or(0).wrapping_add(1) | 1)
        .rotate_left(29);
    usize::try_from(mixed % u64::try_from(count).unwrap_or(1)).unwrap_or(0)
}

impl MockAnswer {
    pub fn covered_count(&self) -> usize {
        self.covered.iter().filter(|c| **c).count()
    }

    /// This question's score out of 100, once graded.
    pub fn score(&self) -> Option<f64> {
        let grade = f64::from(self.grade?.number() - 1) / 3.0;
        Some(if self.key_points.is_empty() {
            grade * 100.0
        } else {
            let coverage = self.covered_count() as f64 / self.key_points.len() as f64;
            (coverage + grade) * 50.0
        })
    }
}

/// A finished (or aborted) mock interview.
#[derive(Debug, Clone, PartialEq)]
pub struct MockResult {
    /// Unix seconds when it started.
    pub started_at: i64,
    pub settings: MockSettings,
    pub answers: Vec<MockAnswer>,
    pub aborted: bool,
}

impl MockResult {
    /// The mean score of the graded questions, out of 100.
    pub fn score(&self) -> Option<f64> {
        let scores: Vec<f64> = self.answers.iter().filter_map(MockAnswer::score).collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
    }

    /// Mean score per topic, lowest first.
    pub fn topic_scores(&self) -> Vec<(String, f64)> {
        let mut by_topic: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
        for a in &self.answers {
            if let Some(s) = a.score() {
                by_topic.entry(a.topic.as_str()).or_default().push(s);
            }
        }
        let mut out: Vec<(String, f64)> = by_topic
            .into_iter()
            .map(|(t, s)| (t.to_string(), s.iter().sum::<f64>() / s.len() as f64))
            .collect();
        out.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        out
    }

    /// Topics scoring under 70, weakest first: what to review next.
    pub fn weakest_topics(&self) -> Vec<String> {
        self.topic_scores()
            .into_iter()
            .filter(|(_, s)| *s < 70.0)
            .map(|(t, _)| t)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(topic: &str, covered: &[bool], grade: Option<u8>) -> MockAnswer {
        let grade = grade.and_then(|g| Grade::from_number(i64::from(g)));
        MockAnswer {
            card: 0,
            card_id: "x".into(),
            question: "q".into(),
            topic: topic.into(),
            answer: String::new(),
            time_used: Duration::from_secs(60),
            time_allowed: Some(Duration::from_secs(240)),
            timed_out: false,
            key_points: covered.iter().map(|_| "p".to_string()).collect(),
            covered: covered.to_vec(),
            hints: Vec::new(),
            grade,
            follow_up: None,
        }
    }

    #[test]
    fn scores_follow_the_documented_rule() {
        assert_eq!(answer("A", &[true, true], Some(4)).score(), Some(100.0));
        assert_eq!(answer("A", &[true, false], Some(1)).score(), Some(25.0));
        assert_eq!(
            answer("A", &[], Some(3)).score().map(f64::round),
            Some(67.0)
        );
        assert_eq!(answer("A", &[true], None).score(), None);
        let result = MockResult {
            started_at: 0,
            settings: MockSettings::default(),
            answers: vec![
                answer("K8s", &[true, true], Some(4)),
                answer("DNS", &[false, false], Some(1)),
            ],
            aborted: false,
        };
        assert_eq!(result.score(), Some(50.0));
        assert_eq!(result.weakest_topics(), ["DNS"]);
        assert_eq!(result.topic_scores()[1].0, "K8s");
    }
}
