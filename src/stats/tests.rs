//! Figures from a log built in the test, on a fixed clock.

use std::collections::HashMap;

use super::*;
use crate::load::load_text;
use crate::schedule::{Memory, Phase};

const DAY: i64 = 86_400;
/// 2026-03-02 12:00 UTC, a Monday just after a month boundary.
const NOW: i64 = 1_772_452_800;

fn review(card: &str, at: i64, grade: Grade, mode: ReviewMode) -> LoggedReview {
    LoggedReview {
        id: 0,
        card_id: card.to_string(),
        at,
        grade,
        time_taken_ms: 30_000,
        coverage: None,
        mode,
        typed_answer: None,
        was_new: false,
    }
}

fn state(stability: f32, due: i64, lapses: u32) -> CardState {
    CardState {
        memory: Some(Memory {
            stability,
            difficulty: 5.0,
        }),
        due,
        last_review: Some(due - DAY),
        reps: 3,
        lapses,
        phase: Phase::Review,
        ..CardState::new_card()
    }
}

fn deck() -> crate::load::Deck {
    load_text(
        "10-area/01-file.md",
        "## A?\n### Answer\na\n## B?\n### Answer\nb\n## C?\n### Answer\nc\n## D?\n### Answer\nd\n",
    )
}

#[test]
fn streaks_cross_month_boundaries() {
    let d = deck();
    let id = d.cards[0].id.clone();
    // Feb 26, 27, 28, Mar 1, Mar 2 (today): five days; an older run of two in January.
    let mut log: Vec<LoggedReview> = (0..5)
        .map(|k| review(&id, NOW - k * DAY, Grade::Good, ReviewMode::Review))
        .collect();
    log.push(review(&id, NOW - 40 * DAY, Grade::Good, ReviewMode::Review));
    log.push(review(&id, NOW - 41 * DAY, Grade::Good, ReviewMode::Review));
    let states = HashMap::new();
    let input = StatsInput {
        cards: &d.cards,
        tree: &d.tree,
        states: &states,
        log: &log,
        mocks: &[],
        now: NOW,
        offset: 0,
        desired_retention: 0.9,
    };
    let s = compute(&input);
    assert_eq!((s.streak_days, s.longest_streak_days), (5, 5));
    assert_eq!(s.calendar.len(), 182);
    assert_eq!(s.calendar.last().unwrap().date, "2026-03-02");
    assert_eq!(s.calendar[s.calendar.len() - 3].date, "2026-02-28");
    assert_eq!(s.calendar.last().unwrap().reviews, 1);
    // Yesterday's streak still counts before today's first review.
    let yesterday = StatsInput {
        now: NOW + DAY,
        ..input
    };
    assert_eq!(compute(&yesterday).streak_days, 5);
    let broken = StatsInput {
        now: NOW + 2 * DAY,
        ..yesterday
    };
    assert_eq!(compute(&broken).streak_days, 0);
}

#[test]
fn retention_counts_cards_seen_again_on_a_later_day_and_needs_enough_of_them() {
    let d = deck();
    let (a, b) = (d.cards[0].id.clone(), d.cards[1].id.clone());
    // Card a: one grade a day for 12 days; the first is a first sighting, so 11 checks,
    // one of them Again; a same-day learning step after it and a cram grade do not count.
    let mut log: Vec<LoggedReview> = (1..=12)
        .map(|k| {
            let grade = if k == 3 { Grade::Again } else { Grade::Good };
            review(&a, NOW - k * DAY, grade, ReviewMode::Review)
        })
        .collect();
    log.push(review(
        &a,
        NOW - 3 * DAY + 600,
        Grade::Again,
        ReviewMode::Review,
    ));
    log.push(review(
        &a,
        NOW - 2 * DAY + 60,
        Grade::Again,
        ReviewMode::Cram,
    ));
    // Card b: seen first in review, then recalled in a mock the next day: a check.
    log.push(review(&b, NOW - 6 * DAY, Grade::Good, ReviewMode::Review));
    log.push(review(&b, NOW - 5 * DAY, Grade::Good, ReviewMode::Mock));
    let states = HashMap::new();
    let s = compute(&StatsInput {
        cards: &d.cards,
        tree: &d.tree,
        states: &states,
        log: &log,
        mocks: &[],
        now: NOW,
        offset: 0,
        desired_retention: 0.9,
    });
    assert_eq!(s.retention_30d, Some(11.0 / 12.0));
    assert_eq!(s.retention_365d, Some(11.0 / 12.0));
    assert_eq!(s.retention_7d, None, "8 checks in 7 days: not enough");
    assert_eq!(s.topics[0].retention, Some(11.0 / 12.0));
    // One count of reviews: review and mock grades, not cram; the calendar agrees.
    assert_eq!(s.reviews, 15);
    let on_calendar: usize = s.calendar.iter().map(|day| day.reviews).sum();
    assert_eq!(on_calendar, s.reviews);
    let text = text::render(&s);
    assert!(
        text.contains("15 reviews (review and mock grades"),
        "{text}"
    );
    assert!(text.contains("7 days —, 30 days 92%"), "{text}");
    assert!(text.contains("not enough reviews yet"), "{text}");
}

#[test]
fn forecast_mastery_due_and_leeches() {
    let d = deck();
    let ids: Vec<String> = d.cards.iter().map(|c| c.id.clone()).collect();
    let mut states = HashMap::new();
    states.insert(ids[0].clone(), state(30.0, NOW - 3 * DAY, 0)); // overdue, mastered
    states.insert(ids[1].clone(), state(5.0, NOW + 2 * DAY, 5)); // in two days, leech
    states.insert(ids[2].clone(), state(2.0, NOW + 2 * DAY + 3600, 1)); // same day
    let s = compute(&StatsInput {
        cards: &d.cards,
        tree: &d.tree,
        states: &states,
        log: &[],
        mocks: &[],
        now: NOW,
        offset: 0,
        desired_retention: 0.9,
    });
    assert_eq!(s.forecast[0], 1);
    assert_eq!(s.forecast[2], 2);
    assert_eq!(s.forecast.iter().sum::<usize>(), 3);
    assert_eq!((s.new, s.learning, s.mastered, s.due_today), (1, 2, 1, 1));
    assert_eq!(s.leeches.len(), 1);
    assert_eq!(s.leeches[0].lapses, 5);
    let t = &s.topics[0];
    assert_eq!(
        (t.cards, t.new, t.learning, t.mastered, t.due),
        (4, 1, 2, 1, 1)
    );
    let text = text::render(&s);
    assert!(text.contains("4 cards: 1 new, 2 learning, 1 mastered; 1 due today"));
    assert!(text.contains("leeches (4 or more lapses):\n  5 lapses  B?"));
}

#[test]
fn an_empty_history_gives_honest_zeroes() {
    let d = deck();
    let states = HashMap::new();
    let s = compute(&StatsInput {
        cards: &d.cards,
        tree: &d.tree,
        states: &states,
        log: &[],
        mocks: &[],
        now: NOW,
        offset: 0,
        desired_retention: 0.9,
    });
    assert_eq!((s.reviews, s.streak_days, s.due_today), (0, 0, 0));
    assert_eq!(s.retention_30d, None);
    let text = text::render(&s);
    assert!(text.contains("7 days —"), "{text}");
    assert!(text.contains("not enough reviews yet"), "{text}");
}

#[test]
fn own_answers_count_cards_and_the_behavioural_prompts() {
    let bank = crate::load::load(&[crate::load::ContentSource::Bundled]).unwrap();
    let behavioural: Vec<&str> = bank
        .cards
        .iter()
        .filter(|c| super::is_behavioural(c))
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        behavioural.len(),
        10,
        "the bundled bank's behavioural prompts"
    );
    let answered = [behavioural[0], behavioural[3], bank.cards[0].id.as_str()];
    let own = super::own_answers(&bank.cards, &|id| answered.contains(&id));
    assert_eq!(own.cards, 3);
    assert_eq!((own.behavioural_answered, own.behavioural), (2, 10));
    let states = HashMap::new();
    let stats = super::Stats {
        own_answers: own,
        ..compute(&StatsInput {
            cards: &bank.cards,
            tree: &bank.tree,
            states: &states,
            log: &[],
            mocks: &[],
            now: NOW,
            offset: 0,
            desired_retention: 0.9,
        })
    };
    assert_eq!(
        super::text::own_answers_line(&stats),
        format!(
            "your own answers: 3 of {} cards, 2 of the 10 behavioural prompts",
            bank.cards.len()
        )
    );
}
