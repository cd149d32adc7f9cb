//! `prepdeck stats` as text: totals, then one table row per topic.

use std::fmt::Write as _;

use super::Stats;
use crate::text::sanitize::sanitize;

/// A percentage, or a dash when there is nothing to measure.
pub fn percent(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |v| format!("{:.0}%", v * 100.0))
}

/// "retention 30 days 83% (desired 90%)", or "retention: not enough reviews yet".
pub fn retention_words(last_30_days: Option<f64>, desired: f32) -> String {
    match last_30_days {
        Some(v) => format!(
            "retention 30 days {:.0}% (desired {:.0}%)",
            v * 100.0,
            desired * 100.0
        ),
        None => "retention: not enough reviews yet".to_string(),
    }
}

/// The text report.
pub fn render(stats: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} cards: {} new, {} learning, {} mastered; {} due today",
        stats.cards, stats.new, stats.learning, stats.mastered, stats.due_today
    );
    if stats.flagged > 0 {
        let _ = writeln!(
            out,
            "{} flagged for another look (F in the browser, or `prepdeck review --flagged`)",
            stats.flagged
        );
    }
    let _ = writeln!(out, "{}", own_answers_line(stats));
    let _ = writeln!(
        out,
        "{} (review and mock grades; cram is not counted); streak {} (longest {})",
        count(stats.reviews, "review", "reviews"),
        count(stats.streak_days as usize, "day", "days"),
        stats.longest_streak_days
    );
    let _ = writeln!(
        out,
        "retention (cards recalled when seen again on a later day): 7 days {}, 30 days {}, \
         365 days {} (desired {:.0}%)",
        percent(stats.retention_7d),
        percent(stats.retention_30d),
        percent(stats.retention_365d),
        stats.desired_retention * 100.0
    );
    if stats.retention_7d.is_none() || stats.retention_365d.is_none() {
        let _ = writeln!(
            out,
            "  — not enough reviews yet: retention needs {} such cards in the window",
            super::MIN_RECALL_CHECKS
        );
    }
    if !stats.mocks.is_empty() {
        let scores: Vec<String> = stats
            .mocks
            .iter()
            .map(|m| m.score.map_or("—".into(), |s| format!("{s:.0}")))
            .collect();
        let _ = writeln!(
            out,
            "mock interviews: {} (scores {})",
            stats.mocks.len(),
            scores.join(", ")
        );
    }
    out.push('\n');
    let names: Vec<String> = stats
        .topics
        .iter()
        .map(|t| sanitize(&t.path.join(" › "), false).into_owned())
        .collect();
    let width = topic_column_width(&names);
    let _ = writeln!(
        out,
        "{:<width$}  {:>5}  {:>4}  {:>8}  {:>8}  {:>4}  {:>9}",
        "topic", "cards", "new", "learning", "mastered", "due", "retention"
    );
    for (t, name) in stats.topics.iter().zip(&names) {
        let pad = width.saturating_sub(name.chars().count());
        let _ = writeln!(
            out,
            "{name}{}  {:>5}  {:>4}  {:>8}  {:>8}  {:>4}  {:>9}",
            " ".repeat(pad),
            t.cards,
            t.new,
            t.learning,
            t.mastered,
            t.due,
            percent(t.retention)
        );
    }
    let _ = writeln!(
        out,
        "{:<width$}  {:>5}  {:>4}  {:>8}  {:>8}  {:>4}  {:>9}",
        "total",
        stats.cards,
        stats.new,
        stats.learning,
        stats.mastered,
        stats.due_today,
        percent(stats.retention_30d)
    );
    if !stats.leeches.is_empty() {
        let _ = writeln!(out, "\nleeches (4 or more lapses):");
        for l in &stats.leeches {
            let _ = writeln!(
                out,
                "  {} lapses  {}  ({})",
                l.lapses,
                sanitize(&l.question, false),
                sanitize(&l.topic.join(" › "), false)
            );
        }
    }
    out
}

/// "1 review", "3 reviews".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "your own answers: 23 of 212 cards, 9 of the 10 behavioural prompts".
pub fn own_answers_line(stats: &Stats) -> String {
    let own = stats.own_answers;
    let mut line = format!("your own answers: {} of {} cards", own.cards, stats.cards);
    if own.behavioural > 0 {
        line.push_str(&format!(
            ", {} of the {} behavioural {}",
            own.behavioural_answered,
            own.behavioural,
            if own.behavioural == 1 {
                "prompt"
            } else {
                "prompts"
            }
        ));
    }
    line
}

/// The width of a table's topic column: its widest name, and at least the heading
/// "topic".
pub fn topic_column_width(names: &[String]) -> usize {
    names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0)
        .max("topic".len())
}
