//! Progress figures: the review calendar and streaks, the due forecast, mastery and
//! retention per topic, study time, mock scores and leeches. Computed from the cards,
//! their states, the review log and the mocks, for a given moment and time zone, so the
//! same numbers feed the stats screen, `prepdeck stats` and its JSON.
//!
//! Definitions: a card is *new* until its first review, *mastered* once its FSRS
//! stability reaches 21 days, *learning* in between. *Retention* is the share of
//! review-mode grades that were not Again. A *streak* counts consecutive days with at
//! least one review, ending today (or yesterday, when today has none yet). A *leech*
//! has 4 or more lapses.

pub mod text;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::clock::day_of;
use crate::model::Card;
use crate::schedule::{CardState, Grade};
use crate::store::{LoggedReview, MockRecord, ReviewMode};
use crate::tree::{NodeKind, TopicTree};

/// Days of the calendar (26 weeks).
pub const CALENDAR_DAYS: i64 = 26 * 7;
/// Days of the forecast.
pub const FORECAST_DAYS: usize = 30;
/// Stability, in days, from which a card counts as mastered.
pub const MASTERED_DAYS: f32 = 21.0;
/// Lapses from which a card is a leech.
pub const LEECH_LAPSES: u32 = 4;

/// What the figures are computed from.
pub struct StatsInput<'a> {
    pub cards: &'a [Card],
    pub tree: &'a TopicTree,
    pub states: &'a HashMap<String, CardState>,
    pub log: &'a [LoggedReview],
    pub mocks: &'a [MockRecord],
    /// Unix seconds.
    pub now: i64,
    /// The study-day shift (`clock::day_shift`: the local zone's offset less the hour a
    /// study day starts), so "today", the calendar and streaks count study days.
    pub offset: i64,
    pub desired_retention: f32,
}

/// Every figure, as shown and as written in `--json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub cards: usize,
    /// Review-mode grades ever given.
    pub reviews: usize,
    pub due_today: usize,
    pub new: usize,
    pub learning: usize,
    pub mastered: usize,
    /// Cards flagged for another look.
    pub flagged: usize,
    pub streak_days: u32,
    pub longest_streak_days: u32,
    pub retention_7d: Option<f64>,
    pub retention_30d: Option<f64>,
    pub retention_365d: Option<f64>,
    pub desired_retention: f32,
    /// Reviews per day, oldest first, ending today.
    pub calendar: Vec<DayCount>,
    /// Cards falling due per day from today on (overdue cards count today).
    pub forecast: Vec<usize>,
    /// Minutes studied per day over the last 30 days, oldest first.
    pub study_minutes: Vec<f64>,
    pub topics: Vec<TopicStats>,
    pub mocks: Vec<MockPoint>,
    pub leeches: Vec<Leech>,
    /// How many cards have the person's own answer; the caller fills it in with
    /// `own_answers`, since the answers are not part of the progress.
    pub own_answers: OwnAnswers,
    /// The plan to an interview date, for the readiness panel and the calendar's marks;
    /// `prepdeck plan --json` prints it, so the stats JSON leaves it out.
    #[serde(skip)]
    pub plan: Option<crate::plan::Report>,
}

/// Cards with the person's own answer: of all, and of the behavioural prompts, where a
/// story of one's own matters most.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct OwnAnswers {
    /// Cards with an own answer.
    pub cards: usize,
    /// Behavioural prompts (cards tagged `behavioural` or `behavioral`).
    pub behavioural: usize,
    /// Behavioural prompts with an own answer.
    pub behavioural_answered: usize,
}

/// True for a behavioural prompt: a card tagged `behavioural` (or `behavioral`).
pub fn is_behavioural(card: &Card) -> bool {
    card.tags
        .iter()
        .any(|t| t.eq_ignore_ascii_case("behavioural") || t.eq_ignore_ascii_case("behavioral"))
}

/// Counts the cards among `cards` that `has_answer` says have an own answer.
pub fn own_answers(cards: &[Card], has_answer: &dyn Fn(&str) -> bool) -> OwnAnswers {
    let mut out = OwnAnswers::default();
    for card in cards {
        let answered = has_answer(&card.id);
        out.cards += usize::from(answered);
        if is_behavioural(card) {
            out.behavioural += 1;
            out.behavioural_answered += usize::from(answered);
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub reviews: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicStats {
    pub path: Vec<String>,
    /// The tree node, for opening a review of the topic.
    #[serde(skip)]
    pub node: usize,
    pub cards: usize,
    pub new: usize,
    pub learning: usize,
    pub mastered: usize,
    pub due: usize,
    /// Over the last 30 days.
    pub retention: Option<f64>,
    pub retention_7d: Option<f64>,
    pub retention_365d: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MockPoint {
    pub at: i64,
    pub questions: usize,
    pub score: Option<f32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leech {
    pub id: String,
    pub question: String,
    pub topic: Vec<String>,
    pub lapses: u32,
}

/// A card's standing for mastery counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mastery {
    New,
    Learning,
    Mastered,
}

pub fn mastery(state: Option<&CardState>) -> Mastery {
    match state {
        Some(s) if s.last_review.is_some() => match s.memory {
            Some(m) if m.stability >= MASTERED_DAYS => Mastery::Mastered,
            _ => Mastery::Learning,
        },
        _ => Mastery::New,
    }
}

/// True when a card is due by the end of today (local time).
pub fn due_today(state: Option<&CardState>, now: i64, offset: i64) -> bool {
    state.is_some_and(|s| {
        s.last_review.is_some()
            && day_of(s.due, offset) <= day_of(now, offset)
            && s.buried_until.is_none_or(|b| b <= now)
    })
}

/// Computes every figure.
pub fn compute(input: &StatsInput) -> Stats {
    let today = day_of(input.now, input.offset);
    // One count everywhere: review and mock grades (both move the schedule); cram
    // grades never do and are left out of every figure but study time.
    let reviews: Vec<&LoggedReview> = input
        .log
        .iter()
        .filter(|r| r.mode != ReviewMode::Cram)
        .collect();
    let recalls = recall_checks(&reviews, input.offset);
    let mut per_day: BTreeMap<i64, usize> = BTreeMap::new();
    let mut minutes: BTreeMap<i64, f64> = BTreeMap::new();
    for r in input.log {
        let day = day_of(r.at, input.offset);
        *minutes.entry(day).or_default() += r.time_taken_ms as f64 / 60_000.0;
        if r.mode != ReviewMode::Cram {
            *per_day.entry(day).or_default() += 1;
        }
    }
    let calendar = (today - CALENDAR_DAYS + 1..=today)
        .map(|d| DayCount {
            date: crate::clock::date(d * 86_400, 0),
            reviews: per_day.get(&d).copied().unwrap_or(0),
        })
        .collect();
    let (streak_days, longest_streak_days) = streaks(&per_day, today);
    let state = |c: &Card| input.states.get(&c.id);
    let mut forecast = vec![0; FORECAST_DAYS];
    let (mut new, mut learning, mut mastered, mut due) = (0, 0, 0, 0);
    for card in input.cards {
        let s = state(card);
        match mastery(s) {
            Mastery::New => new += 1,
            Mastery::Learning => learning += 1,
            Mastery::Mastered => mastered += 1,
        }
        if due_today(s, input.now, input.offset) {
            due += 1;
        }
        if let Some(s) = s.filter(|s| s.last_review.is_some()) {
            let offset_days = (day_of(s.due, input.offset) - today).max(0);
            if let Some(slot) = usize::try_from(offset_days)
                .ok()
                .and_then(|d| forecast.get_mut(d))
            {
                *slot += 1;
            }
        }
    }
    let window = |days: i64| retention(recalls.iter().copied(), input.now - days * 86_400);
    let topics = topic_stats(input, &recalls);
    let mut leeches: Vec<Leech> = input
        .cards
        .iter()
        .filter_map(|c| {
            let lapses = state(c)?.lapses;
            (lapses >= LEECH_LAPSES).then(|| Leech {
                id: c.id.clone(),
                question: c.question.clone(),
                topic: c.topic.clone(),
                lapses,
            })
        })
        .collect();
    leeches.sort_by(|a, b| b.lapses.cmp(&a.lapses).then(a.question.cmp(&b.question)));
    Stats {
        cards: input.cards.len(),
        reviews: reviews.len(),
        due_today: due,
        new,
        learning,
        mastered,
        own_answers: OwnAnswers::default(),
        flagged: input
            .cards
            .iter()
            .filter(|c| state(c).is_some_and(|s| s.flagged))
            .count(),
        streak_days,
        longest_streak_days,
        retention_7d: window(7),
        retention_30d: window(30),
        retention_365d: window(365),
        desired_retention: input.desired_retention,
        calendar,
        forecast,
        study_minutes: (today - 29..=today)
            .map(|d| minutes.get(&d).copied().unwrap_or(0.0))
            .collect(),
        topics,
        mocks: input
            .mocks
            .iter()
            .map(|m| MockPoint {
                at: m.started_at,
                questions: m.answers.len(),
                score: m.score,
            })
            .collect(),
        leeches,
        plan: None,
    }
}

/// Retention is not shown on fewer recall checks than this in its window: "not enough
/// reviews yet".
pub const MIN_RECALL_CHECKS: usize = 10;

/// The grades that test memory: a card seen again on a later day than its previous
/// grade. First sightings and same-day learning or relearning steps are left out.
fn recall_checks<'a>(reviews: &[&'a LoggedReview], offset: i64) -> Vec<&'a LoggedReview> {
    let mut in_order = reviews.to_vec();
    in_order.sort_by_key(|r| (r.at, r.id));
    let mut last_day: HashMap<&str, i64> = HashMap::new();
    in_order
        .into_iter()
        .filter(|r| {
            let day = day_of(r.at, offset);
            let previous = last_day.insert(r.card_id.as_str(), day);
            previous.is_some_and(|p| p < day)
        })
        .collect()
}

/// Share of recall checks since `since` not graded Again (Again = forgotten); `None`
/// below `MIN_RECALL_CHECKS`.
fn retention<'a>(checks: impl Iterator<Item = &'a LoggedReview>, since: i64) -> Option<f64> {
    let (mut passed, mut total) = (0usize, 0usize);
    for r in checks.filter(|r| r.at >= since) {
        total += 1;
        if r.grade != Grade::Again {
            passed += 1;
        }
    }
    (total >= MIN_RECALL_CHECKS).then(|| passed as f64 / total as f64)
}

/// (current streak, longest streak) in days.
fn streaks(per_day: &BTreeMap<i64, usize>, today: i64) -> (u32, u32) {
    let mut longest = 0u32;
    let mut run = 0u32;
    let mut previous: Option<i64> = None;
    for (&day, &count) in per_day {
        if count == 0 {
            continue;
        }
        run = if previous == Some(day - 1) {
            run + 1
        } else {
            1
        };
        longest = longest.max(run);
        previous = Some(day);
    }
    let current = match previous {
        Some(last) if last == today || last == today - 1 => run,
        _ => 0,
    };
    (current, longest)
}

/// One row per file of the tree (the topics people study by).
fn topic_stats(input: &StatsInput, reviews: &[&LoggedReview]) -> Vec<TopicStats> {
    let tree = input.tree;
    let mut by_card: HashMap<&str, Vec<&LoggedReview>> = HashMap::new();
    for r in reviews {
        by_card.entry(r.card_id.as_str()).or_default().push(r);
    }
    tree.preorder()
        .into_iter()
        .filter(|&n| tree.nodes[n].kind == NodeKind::File)
        .map(|n| {
            let mut t = TopicStats {
                path: tree.path(n),
                node: n,
                cards: 0,
                new: 0,
                learning: 0,
                mastered: 0,
                due: 0,
                retention: None,
                retention_7d: None,
                retention_365d: None,
            };
            let mut topic_reviews: Vec<&LoggedReview> = Vec::new();
            for c in tree.cards_under(n) {
                let card = &input.cards[c];
                let s = input.states.get(&card.id);
                t.cards += 1;
                match mastery(s) {
                    Mastery::New => t.new += 1,
                    Mastery::Learning => t.learning += 1,
                    Mastery::Mastered => t.mastered += 1,
                }
                if due_today(s, input.now, input.offset) {
                    t.due += 1;
                }
                if let Some(rs) = by_card.get(card.id.as_str()) {
                    topic_reviews.extend(rs.iter().copied());
                }
            }
            let window =
                |days: i64| retention(topic_reviews.iter().copied(), input.now - days * 86_400);
            t.retention_7d = window(7);
            t.retention = window(30);
            t.retention_365d = window(365);
            t
        })
        .collect()
}

#[cfg(test)]
mod tests;
