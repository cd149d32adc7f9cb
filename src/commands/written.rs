//! `prepdeck mock --answers FILE`: answers written elsewhere, judged by the coverage
//! hint without a clock, printed (as text or `--json`), saved as a written mock unless
//! `--no-save`, and reported.

use std::path::Path;
use std::process::ExitCode;

use super::{
    Failure, Outcome, build_app, open_progress, read_progress, say, settings_and_deck, warn,
};
use crate::cli::{GlobalArgs, MockArgs};
use crate::hint::PointHint;
use crate::mock::answers::{self, Judged};
use crate::mock::report::grade_name;

/// Reads, judges, prints, saves. An unreadable, empty or heading-less file is a usage
/// error (2); a heading that names no card is reported and makes the exit status 1,
/// while the other answers are still judged and saved.
pub fn mock_answers(file: &Path, args: &MockArgs, global: &GlobalArgs) -> Outcome {
    let shown = file.display().to_string();
    let bytes = std::fs::read(file)
        .map_err(|err| Failure::usage(format!("cannot read the answers file {shown}: {err}")))?;
    let text = String::from_utf8_lossy(&bytes);
    let sections = answers::sections(&shown, &text).map_err(Failure::usage)?;
    let (settings, sources, deck) = settings_and_deck(&args.paths, global)?;
    let app = build_app(deck, &settings, false);
    let judged = answers::judge(app.deck(), app.hinter(), &sections, app.unix_now());
    for s in &sections {
        if judged.unmatched.contains(&s.heading) {
            warn(&format!(
                "{shown}:{}: “{}” names no card: use the card's id (`prepdeck check --json` lists them) or its question",
                s.line, s.heading
            ));
        } else if let Some((_, question)) = judged.close.iter().find(|(h, _)| *h == s.heading) {
            warn(&format!(
                "{shown}:{}: “{}” taken as the close match “{question}”",
                s.line, s.heading
            ));
        }
    }
    if args.json {
        let json = serde_json::to_string_pretty(&judged.json())
            .map_err(|err| Failure::failed(format!("cannot write the JSON: {err}")))?;
        say(&json);
    } else {
        print_debrief(&judged, &shown);
    }
    let report = if judged.result.answers.is_empty() {
        None
    } else if args.no_save {
        match &args.report {
            Some(path) => {
                crate::effects::write_report_only(&judged.result, path)
                    .map_err(|err| Failure::failed(format!("{err:#}")))?;
                Some(path.clone())
            }
            None => None,
        }
    } else {
        let progress = read_progress(global).map_err(Failure::failed)?;
        let (app, mut effects) = open_progress(
            app,
            progress,
            &settings,
            global,
            sources,
            args.report.clone(),
        );
        Some(
            effects
                .save_written(&app, &judged.result)
                .map_err(|err| Failure::failed(format!("{err:#}")))?,
        )
    };
    if let Some(path) = report {
        // The report's path goes to standard error with --json, so standard output stays
        // one JSON document.
        let line = format!("Mock interview report: {}", path.display());
        if args.json { warn(&line) } else { say(&line) }
    }
    Ok(if judged.unmatched.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The debrief as text: each answer's suggested grade, then each key point with its
/// verdict and what the hint found.
fn print_debrief(judged: &Judged, file: &str) {
    say(&format!("Answers from {file}, judged without a clock:"));
    for (i, a) in judged.result.answers.iter().enumerate() {
        let covered = a.covered_count();
        let grade = if a.key_points.is_empty() {
            "no key points to judge by".to_string()
        } else {
            format!(
                "suggested grade {} ({covered} of {} covered)",
                grade_name(a.grade),
                a.key_points.len()
            )
        };
        say(&format!("\n{}. {} · {grade}", i + 1, a.question));
        for (point, hint) in a.key_points.iter().zip(&a.hints) {
            for line in point_lines(point, hint) {
                say(&line);
            }
        }
    }
    if !judged.unmatched.is_empty() {
        say(&format!(
            "\nNot judged, no card of that name: {}",
            judged
                .unmatched
                .iter()
                .map(|h| format!("“{h}”"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}

/// One key point as text: `[x]` covered, `[?]` mentioned — check the claim, `[ ]`
/// missing, with the words that matched and the essential terms not said.
fn point_lines(point: &str, hint: &PointHint) -> Vec<String> {
    let mark = match (hint.covered(), hint.doubt()) {
        (true, _) => "[x]",
        (false, Some(_)) => "[?]",
        (false, None) => "[ ]",
    };
    let mut out = vec![format!("   {mark} {}", point.replace('\n', " "))];
    if let Some(why) = hint.doubt() {
        out.push(format!("       mentioned — check the claim: {why}"));
    }
    if !hint.evidence.is_empty() {
        out.push(format!("       matched: {}", hint.evidence.join(", ")));
    }
    if let Some(missing) = hint.missing_to_show() {
        out.push(format!("       missing: {missing}"));
    }
    out
}
