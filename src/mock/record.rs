//! What a finished mock interview leaves in the progress database: a graded review per
//! answered question (mode `mock`, scheduled like any review) and the interview itself.

use std::collections::HashMap;

use super::MockResult;
use crate::schedule::{CardState, Scheduler};
use crate::store::{Coverage, MockAnswer, MockRecord, NewReview, ReviewMode};

/// The review log rows and new states of the graded questions, in order.
pub fn graded_reviews(
    result: &MockResult,
    states: &HashMap<String, CardState>,
    scheduler: &Scheduler,
    now: i64,
) -> Vec<(NewReview, CardState)> {
    let mut out: Vec<(NewReview, CardState)> = Vec::new();
    for a in &result.answers {
        let Some(grade) = a.grade else {
            continue;
        };
        // A card asked twice is scheduled from the state its first answer left.
        let state = out
            .iter()
            .rev()
            .find(|(r, _)| r.card_id == a.card_id)
            .map(|(_, s)| s.clone())
            .or_else(|| states.get(&a.card_id).cloned())
            .unwrap_or_else(CardState::new_card);
        let next = scheduler.grade(&a.card_id, &state, grade, now);
        out.push((
            NewReview {
                card_id: a.card_id.clone(),
                at: now,
                grade,
                time_taken_ms: millis(a.time_used),
                coverage: coverage(a),
                mode: ReviewMode::Mock,
                typed_answer: (!a.answer.trim().is_empty()).then(|| a.answer.clone()),
            },
            next,
        ));
    }
    out
}

/// The interview as the database keeps it.
pub fn mock_record(result: &MockResult, now: i64, report: &str) -> MockRecord {
    let answers = result
        .answers
        .iter()
        .enumerate()
        .map(|(position, a)| {
            let coverage = coverage(a);
            MockAnswer {
                position: u32::try_from(position).unwrap_or(u32::MAX),
                card_id: a.card_id.clone(),
                question: a.question.clone(),
                typed_answer: Some(a.answer.clone()),
                time_used_ms: millis(a.time_used),
                time_allowed_ms: a.time_allowed.map_or(0, millis),
                covered: coverage.map(|c| c.covered),
                total: coverage.map(|c| c.total),
                grade: a.grade,
            }
        })
        .collect();
    let settings = &result.settings;
    MockRecord {
        id: 0,
        started_at: result.started_at,
        finished_at: Some(now),
        aborted: result.aborted,
        settings: serde_json::json!({
            "questions": settings.questions,
            "per_question_secs": settings.per_question.map(|d| d.as_secs()),
            "total_secs": settings.total.map(|d| d.as_secs()),
            "spoken": settings.spoken,
            "mode": mode(settings),
            "seed": settings.seed,
            "topics": settings.topics,
        })
        .to_string(),
        #[allow(clippy::cast_possible_truncation)]
        score: result.score().map(|s| s as f32),
        report_path: Some(report.to_string()),
        answers,
    }
}

/// How the answers were given: "typed", "spoken", or "written" (judged from a file).
pub fn mode(settings: &super::MockSettings) -> &'static str {
    if settings.written {
        "written"
    } else if settings.spoken {
        "spoken"
    } else {
        "typed"
    }
}

fn coverage(a: &super::MockAnswer) -> Option<Coverage> {
    (!a.key_points.is_empty()).then(|| Coverage {
        covered: u32::try_from(a.covered_count()).unwrap_or(u32::MAX),
        total: u32::try_from(a.key_points.len()).unwrap_or(u32::MAX),
    })
}

fn millis(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
