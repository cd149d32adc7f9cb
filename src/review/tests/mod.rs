//! Queue, session and week-long simulation tests with an injected clock.

mod optimize;
mod queue;
mod session;
mod week;

use crate::model::{Card, Source};

/// 09:00 UTC on a day: sessions in the tests happen mid-morning.
pub(super) const T0: i64 = 1_800_000_000 - 1_800_000_000 % 86_400 + 9 * 3_600;
pub(super) const DAY: i64 = 86_400;

pub(super) fn card(id: &str, topic: &str) -> Card {
    Card {
        id: id.to_string(),
        topic: vec!["Platform".to_string(), topic.to_string()],
        question: format!("Question {id}?"),
        why: None,
        answer: Some(format!("Answer {id}.")),
        key_points: vec!["one".to_string(), "two".to_string()],
        detail: None,
        tables: vec![],
        takeaway: None,
        example: None,
        follow_ups: vec![],
        tags: vec![],
        source: Source {
            file: "t.md".to_string(),
            line: 1,
        },
    }
}

pub(super) fn deck(n: usize) -> Vec<Card> {
    (0..n)
        .map(|i| {
            card(
                &format!("c{i:02}"),
                if i % 2 == 0 { "Kubernetes" } else { "Linux" },
            )
        })
        .collect()
}
