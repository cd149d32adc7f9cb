//! `prepdeck plan` as text: the date and scope, what each day asks, readiness now and
//! on the day per topic, the mocks, the pace assumed, and when the plan does not fit, the
//! changes that would, with the command for each.

use std::fmt::Write as _;

use super::{Change, DEFAULT_MINUTES, Report, SWEEP_DAYS};
use crate::clock;
use crate::stats::text::count;
use crate::text::sanitize::sanitize;

/// Width of a readiness bar, in cells.
const BAR: usize = 10;
/// Paragraphs are wrapped to this many columns.
const WIDTH: usize = 80;
/// Topics named in a suggestion to leave some out; the rest are counted.
const NAMED: usize = 3;
/// Topic names are cut to this many characters.
const NAME: usize = 30;

/// A readiness bar: filled for the share recalled.
pub fn bar(share: f64, width: usize) -> String {
    // A share of a small width: never negative, never more than `width`.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let full = ((share.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(full), "░".repeat(width - full))
}

/// "64%".
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// `Tue 2026-12-01` for a stored date.
fn day(date: &str) -> String {
    clock::parse_date(date).map_or_else(|| date.to_string(), clock::day_label)
}

/// The report, for a terminal or a pipe.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let when = day(&r.interview_date);
    match r.days_left {
        0 => {
            let _ = writeln!(out, "Interview today, {when}");
        }
        n => {
            let _ = writeln!(
                out,
                "Interview on {when}: {} left, today included",
                count(n, "study day", "study days")
            );
        }
    }
    let scope = match r.scope.len() {
        0 => "Every topic".to_string(),
        1 => format!("Topic {}", sanitize(&r.scope[0], false)),
        _ => format!("Topics {}", sanitize(&r.scope.join(", "), false)),
    };
    let _ = writeln!(
        out,
        "{scope}: {}, {} of them new · {} min a day",
        count(r.cards_in_scope, "card", "cards"),
        r.new_cards,
        r.minutes_per_day
    );
    for name in &r.missing_topics {
        para(
            &mut out,
            &format!(
                "The topic `{}` matches no cards now; the plan goes on without it.",
                sanitize(name, false)
            ),
            "",
        );
    }
    out.push('\n');
    if r.days_left > 0 {
        days(&mut out, r);
        out.push('\n');
    }
    readiness(&mut out, r);
    if !r.mocks.is_empty() {
        let dates: Vec<String> = r.mocks.iter().map(|d| day(d)).collect();
        let _ = writeln!(out, "\nMock interviews: {}", dates.join(", "));
    }
    out.push('\n');
    let pace = format!(
        "Pace: {:.0} s a review ({}); a new card known at first sight {} of the time.",
        r.seconds_per_review,
        if r.pace_measured {
            "yours, from your latest reviews".to_string()
        } else {
            format!(
                "the default until you have {} reviews",
                super::pace::MEASURED_FROM
            )
        },
        percent(r.first_recall)
    );
    para(&mut out, &pace, "");
    out
}

/// Appends a command indented by two spaces, wrapped to `WIDTH` columns with a `\\` at
/// the end of each broken line, so it can be pasted into a shell as it is. Quoted words
/// are kept whole.
fn shell_lines(out: &mut String, command: &str) {
    let mut words: Vec<String> = Vec::new();
    let mut quoted = false;
    for word in command.split(' ') {
        match words.last_mut() {
            Some(last) if quoted => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
        quoted ^= word.matches('\'').count() % 2 == 1;
    }
    let mut line = String::from("  ");
    for word in words {
        let used = line.chars().count();
        if used > 2 && used + 1 + word.chars().count() + 2 > WIDTH {
            out.push_str(&line);
            out.push_str(" \\\n");
            line = String::from("      ");
        } else if used > 2 {
            line.push(' ');
        }
        line.push_str(&word);
    }
    out.push_str(&line);
    out.push('\n');
}

/// Appends `text` wrapped to `WIDTH` columns, its lines after the first indented by
/// `indent` (leading spaces of `text` indent the first).
fn para(out: &mut String, text: &str, indent: &str) {
    let body = text.trim_start_matches(' ');
    let mut line = " ".repeat(text.len() - body.len());
    let mut empty = true;
    for word in body.split(' ') {
        let used = line.chars().count();
        if !empty && used + 1 + word.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.to_string();
        } else if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// What each day asks, or what does not fit and what would.
fn days(out: &mut String, r: &Report) {
    let new_cards = match &r.new_cards_until {
        Some(until) => format!(
            "{} a day until {}",
            count(r.new_per_day, "new card", "new cards"),
            day(until)
        ),
        None => "no new cards left".to_string(),
    };
    if r.on_track {
        para(
            out,
            &format!(
                "On track: {new_cards}; the busiest day needs about {} min.",
                r.minutes_per_day_needed
            ),
            "",
        );
    } else {
        para(
            out,
            &format!(
                "Not on track: {} in {} at {} min a day needs about {} min a day \
                 ({new_cards}).",
                count(r.cards_in_scope, "card", "cards"),
                count(r.days_left, "day", "days"),
                r.minutes_per_day,
                r.minutes_per_day_needed
            ),
            "",
        );
        changes(out, r);
    }
    if let Some(from) = &r.sweep_from {
        let last = r.days_left.min(SWEEP_DAYS);
        para(
            out,
            &format!(
                "From {} ({}), time left over sweeps the cards not due again before the \
                 interview, lowest predicted recall first.",
                day(from),
                if last == 1 {
                    "the last day".to_string()
                } else {
                    format!("the last {last} days")
                }
            ),
            "",
        );
    }
    let minutes: Vec<String> = r.daily_minutes.iter().map(|m| format!("{m:.0}")).collect();
    para(
        out,
        &format!(
            "Expected minutes each day from today: {}",
            minutes.join(" ")
        ),
        "  ",
    );
}

/// The changes that would fit, narrowest first, each with its command.
fn changes(out: &mut String, r: &Report) {
    for (i, change) in r.changes.iter().enumerate() {
        let lead = if i == 0 { "Narrowest change:" } else { "Or:" };
        let (what, command) = match change {
            Change::Minutes { minutes_per_day } => (
                format!("study {minutes_per_day} min a day"),
                Some(format!("prepdeck plan --minutes-per-day {minutes_per_day}")),
            ),
            Change::LaterDate {
                interview_date,
                days_left,
            } => (
                format!(
                    "a later date, {} ({days_left} study days)",
                    day(interview_date)
                ),
                Some(command_for(interview_date, &r.scope, r.minutes_per_day)),
            ),
            Change::FewerTopics {
                leave_out,
                keep,
                new_cards_left_out,
            } => (
                format!(
                    "leave out {} ({new_cards_left_out} new cards)",
                    sanitize(&names(leave_out), false),
                ),
                (keep.len() <= 5).then(|| command_for(&r.interview_date, keep, r.minutes_per_day)),
            ),
        };
        para(out, &format!("{lead} {what}"), "  ");
        match command {
            Some(c) => shell_lines(out, &sanitize(&c, false)),
            None => para(out, "  (then name the topics to keep with --topic)", "  "),
        }
    }
    if !r
        .changes
        .iter()
        .any(|c| matches!(c, Change::LaterDate { .. }))
    {
        para(
            out,
            &format!(
                "No later date within a year fits {} min a day.",
                r.minutes_per_day
            ),
            "",
        );
    }
}

/// "A, B and C", or "A, B, C and 4 more topics" past `NAMED`.
fn names(topics: &[String]) -> String {
    let shown = topics.len().min(NAMED);
    let mut words: Vec<String> = topics[..shown].to_vec();
    let more = topics.len() - shown;
    if more > 0 {
        words.push(count(more, "more topic", "more topics"));
    }
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => words.join(""),
    }
}

/// The `prepdeck plan` command that sets a plan.
fn command_for(date: &str, topics: &[String], minutes: u32) -> String {
    let mut c = format!("prepdeck plan --interview {date}");
    for t in topics {
        let _ = write!(c, " --topic {}", shell_word(t));
    }
    if minutes != DEFAULT_MINUTES {
        let _ = write!(c, " --minutes-per-day {minutes}");
    }
    c
}

/// A word as a shell reads it: quoted when it holds anything but plain characters.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Readiness overall and per topic: now, and as the plan expects on the day.
fn readiness(out: &mut String, r: &Report) {
    para(
        out,
        &format!(
            "Readiness on the day: {} now (what you would recall if you stopped today){}",
            percent(r.readiness),
            if r.days_left > 0 {
                format!(
                    "; about {} if you follow the plan.",
                    percent(r.predicted_readiness)
                )
            } else {
                ".".to_string()
            }
        ),
        "",
    );
    if r.topics.is_empty() {
        let _ = writeln!(out, "  no cards in the plan's topics");
        return;
    }
    let names: Vec<String> = r
        .topics
        .iter()
        .map(|t| cut(&sanitize(&t.now.topic, false), NAME))
        .collect();
    let width = crate::stats::text::topic_column_width(&names);
    let _ = writeln!(
        out,
        "  {:<width$}  {:<BAR$}  {:>4}  {:>7}  {:>5}",
        "topic", "", "now", "planned", "cards"
    );
    for (t, name) in r.topics.iter().zip(&names) {
        let pad = width - name.chars().count();
        let planned = if r.days_left > 0 {
            percent(t.predicted)
        } else {
            "—".to_string()
        };
        let _ = writeln!(
            out,
            "  {name}{}  {}  {:>4}  {planned:>7}  {:>5}",
            " ".repeat(pad),
            bar(t.now.readiness, BAR),
            percent(t.now.readiness),
            t.now.cards
        );
    }
}

/// `text` cut to `width` characters, with `…` when cut.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_words_and_commands() {
        assert_eq!(bar(0.64, 10), "██████░░░░");
        assert_eq!(bar(1.5, 4), "████");
        assert_eq!(bar(-1.0, 3), "░░░");
        assert_eq!(percent(0.644), "64%");
        assert_eq!(shell_word("Kubernetes"), "Kubernetes");
        assert_eq!(shell_word("CI/CD pipelines"), "'CI/CD pipelines'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(
            command_for("2026-12-20", &["Linux".into()], 45),
            "prepdeck plan --interview 2026-12-20 --topic Linux --minutes-per-day 45"
        );
        assert_eq!(
            command_for("2026-12-20", &[], DEFAULT_MINUTES),
            "prepdeck plan --interview 2026-12-20"
        );
        assert_eq!(cut("abcdef", 4), "abc…");
        let five: Vec<String> = ["A", "B", "C", "D", "E"].map(String::from).into();
        assert_eq!(names(&five), "A, B, C and 2 more topics");
        assert_eq!(names(&five[..2]), "A and B");
        assert_eq!(names(&five[..1]), "A");
        let mut wrapped = String::new();
        para(&mut wrapped, &"word ".repeat(30), "  ");
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= WIDTH),
            "{wrapped}"
        );
        assert!(wrapped.lines().nth(1).unwrap().starts_with("  word"));
        let mut command = String::new();
        let long = command_for(
            "2026-12-03",
            &[
                "Observability design".into(),
                "Distributed tracing".into(),
                "Linux".into(),
            ],
            45,
        );
        shell_lines(&mut command, &long);
        assert_eq!(
            command,
            "  prepdeck plan --interview 2026-12-03 --topic 'Observability design' --topic \\\n      \
             'Distributed tracing' --topic Linux --minutes-per-day 45\n"
        );
        let mut indented = String::new();
        para(&mut indented, "  prepdeck plan", "      ");
        assert_eq!(indented, "  prepdeck plan\n");
    }
}
