//! The mock interview written as a markdown report that reads well on its own: each
//! question with the answer given, the key points covered or missed, the time and the
//! grade, then a summary table and what to review next.

use std::fmt::Write as _;

use super::MockResult;
use super::duration::{clock, short};
use crate::clock::date_time;
use crate::schedule::Grade;

/// The name of a grade, or "not graded".
pub fn grade_name(grade: Option<Grade>) -> &'static str {
    grade.map_or("not graded", Grade::label)
}

/// The report for `result`; `offset` is the local time zone's offset in seconds.
/// `note`, when given, stands in a quote under the title: what could not be saved.
pub fn markdown(result: &MockResult, offset: i64, note: Option<&str>) -> String {
    let s = &result.settings;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Mock interview, {}",
        date_time(result.started_at, offset)
    );
    out.push('\n');
    if let Some(note) = note {
        let _ = writeln!(out, "> {note}\n");
    }
    let mut facts = vec![format!("{} questions", result.answers.len())];
    let written = s.written;
    if let Some(per) = s.per_question {
        facts.push(format!("{} each", short(per)));
    }
    if let Some(total) = s.total {
        facts.push(format!("{} in total", short(total)));
    }
    facts.push(match super::record::mode(s) {
        "written" => "written, judged from a file without a clock".into(),
        mode => mode.to_string(),
    });
    if !written {
        facts.push(format!("seed {}", s.seed));
    }
    if !s.topics.is_empty() {
        facts.push(format!("topics: {}", s.topics.join(", ")));
    }
    let _ = writeln!(out, "{}", facts.join(" · "));
    out.push('\n');
    match result.score() {
        Some(score) => {
            let _ = writeln!(out, "**Overall score: {score:.0} / 100**");
        }
        None => {
            let _ = writeln!(out, "**Not graded.**");
        }
    }
    if result.aborted {
        out.push_str(
            "\n> This mock interview was aborted: only the questions reached are listed.\n",
        );
    }
    out.push_str("\n## Summary\n\n| # | Question | Topic | Time | Key points | Grade | Score |\n|--:|---|---|--:|:-:|:-:|--:|\n");
    for (i, a) in result.answers.iter().enumerate() {
        let allowed = a
            .time_allowed
            .map_or(String::new(), |t| format!(" / {}", clock(t)));
        let points = if a.key_points.is_empty() {
            "—".to_string()
        } else {
            format!("{}/{}", a.covered_count(), a.key_points.len())
        };
        let time = if written {
            "—".to_string()
        } else {
            clock(a.time_used)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {}{}{} | {} | {} | {} |",
            i + 1,
            cell(&a.question),
            cell(&a.topic),
            time,
            allowed,
            if a.timed_out { " ⏱" } else { "" },
            points,
            grade_name(a.grade),
            a.score().map_or("—".to_string(), |s| format!("{s:.0}")),
        );
    }
    let weakest = result.weakest_topics();
    if !weakest.is_empty() {
        let _ = writeln!(out, "\n**Review next:** {}", weakest.join(", "));
    }
    for (i, a) in result.answers.iter().enumerate() {
        let _ = writeln!(out, "\n## {}. {}\n", i + 1, a.question.trim());
        let allowed = a
            .time_allowed
            .map_or(String::new(), |t| format!(" of {}", clock(t)));
        let timed_out = if a.timed_out { " (time ran out)" } else { "" };
        if written {
            let _ = writeln!(
                out,
                "*{}* · grade {} (suggested by the coverage hint)\n",
                a.topic,
                grade_name(a.grade)
            );
        } else {
            let _ = writeln!(
                out,
                "*{}* · time {}{allowed}{timed_out} · grade {}\n",
                a.topic,
                clock(a.time_used),
                grade_name(a.grade)
            );
        }
        out.push_str("### Your answer\n\n");
        if a.answer.trim().is_empty() {
            out.push_str("_No answer typed._\n");
        } else {
            for line in a.answer.trim_end().lines() {
                let _ = writeln!(out, "> {line}");
            }
        }
        if let Some(f) = &a.follow_up {
            let timed_out = if f.timed_out { " (time ran out)" } else { "" };
            let _ = writeln!(
                out,
                "\n### Follow-up: {}\n\n*time {}{timed_out}*\n",
                f.question.replace('\n', " "),
                clock(f.time_used)
            );
            if f.answer.trim().is_empty() {
                out.push_str("_No answer typed._\n");
            } else {
                for line in f.answer.trim_end().lines() {
                    let _ = writeln!(out, "> {line}");
                }
            }
        }
        if !a.key_points.is_empty() {
            out.push_str("\n### Key points\n\n");
            for (i, (point, covered)) in a.key_points.iter().zip(&a.covered).enumerate() {
                let mark = if *covered { "x" } else { " " };
                let _ = writeln!(out, "- [{mark}] {}", point.replace('\n', " "));
                if let Some(hint) = a.hints.get(i) {
                    point_notes(&mut out, hint, *covered);
                }
            }
        }
    }
    out
}

/// What the coverage hint found for one point, under it: the cue of "mentioned —
/// check the claim", the answer's words that matched, and the essential terms missing.
fn point_notes(out: &mut String, hint: &crate::hint::PointHint, covered: bool) {
    let one_line = |t: &str| t.replace('\n', " ");
    if let Some(why) = hint.doubt() {
        let _ = writeln!(out, "  - mentioned — check the claim: {}", one_line(why));
    }
    if !hint.evidence.is_empty() {
        let _ = writeln!(out, "  - matched: {}", one_line(&hint.evidence.join(", ")));
    }
    if let Some(missing) = hint.missing_to_show().filter(|_| !covered) {
        let _ = writeln!(out, "  - missing: {}", one_line(&missing));
    }
}

/// Text safe inside a table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mock::{MockAnswer, MockSettings};
    use std::time::Duration;

    #[test]
    fn report_reads_on_its_own() {
        let result = MockResult {
            started_at: 1_795_349_100,
            settings: MockSettings {
                seed: 1,
                ..MockSettings::default()
            },
            answers: vec![MockAnswer {
                card: 0,
                card_id: "abc".into(),
                question: "What is a | pod?".into(),
                topic: "Kubernetes".into(),
                answer: "A group of containers.\nSharing a network namespace.".into(),
                time_used: Duration::from_secs(75),
                time_allowed: Some(Duration::from_secs(240)),
                timed_out: false,
                key_points: vec![
                    "Containers share a network namespace".into(),
                    "Scheduled as one unit".into(),
                ],
                covered: vec![true, false],
                hints: Vec::new(),
                grade: Some(Grade::Good),
                follow_up: None,
            }],
            aborted: true,
        };
        let md = markdown(&result, 0, None);
        assert!(md.starts_with("# Mock interview, 2026-11-22 12:05\n"));
        assert!(
            md.contains("| 1 | What is a \\| pod? | Kubernetes | 1:15 / 4:00 | 1/2 | Good | 58 |"),
            "{md}"
        );
        assert!(md.contains("> A group of containers.\n> Sharing a network namespace."));
        assert!(
            md.contains("- [x] Containers share a network namespace\n- [ ] Scheduled as one unit")
        );
        assert!(md.contains("aborted"));
        assert!(md.contains("**Overall score: 58 / 100**"));
    }
}
