//! `prepdeck export`: the cards as Anki notes, canonical markdown or JSON, or their
//! progress as CSV.

use std::collections::HashMap;
use std::process::ExitCode;

use super::{Failure, Outcome, open_store, settings_and_deck};
use crate::cli::{ExportArgs, GlobalArgs};
use crate::export::report::ProgressRow;
use crate::export::{self, Format};
use crate::text::sanitize;

/// Loads, converts, writes to `--out` or standard output. Load problems go to stderr;
/// the export still happens with the cards that were read.
pub fn run(args: &ExportArgs, global: &GlobalArgs) -> Outcome {
    if args.deck_prefix.is_some() && args.format != Format::Anki {
        return Err(Failure::usage(format!(
            "--deck-prefix names the Anki deck; it does nothing with --format {}",
            args.format.name()
        )));
    }
    let (_, _, deck) = settings_and_deck(&args.paths, global)?;
    for d in deck.errors.iter().chain(&deck.warnings) {
        super::warn(&d.to_string());
    }
    let notes = if args.with_notes || matches!(args.format, Format::Json | Format::Report) {
        own_answers(global)
    } else {
        HashMap::new()
    };
    let text = match args.format {
        Format::Anki => export::anki::export(
            &deck.cards,
            args.deck_prefix
                .as_deref()
                .unwrap_or(export::anki::DEFAULT_DECK_PREFIX),
        ),
        Format::Markdown if args.with_notes => {
            let mut text = export::markdown::export(&deck.cards);
            text.push_str(&notes_appendix(&deck, &notes));
            text
        }
        Format::Markdown => export::markdown::export(&deck.cards),
        Format::Json => match export::json_with_flags(
            &deck,
            &flagged_ids(global),
            &notes,
            &stored_stories(global),
        ) {
            Ok(text) => text,
            Err(err) => return Err(Failure::failed(format!("cannot write JSON: {err}"))),
        },
        Format::Report => match progress_rows(global) {
            Ok(rows) => export::report::export(&deck.cards, &|id| {
                let note = notes.get(id).cloned();
                match rows.get(id) {
                    Some(row) => Some(ProgressRow {
                        note,
                        ..row.clone()
                    }),
                    None => note.map(|note| ProgressRow {
                        phase: "new".to_string(),
                        note: Some(note),
                        ..ProgressRow::default()
                    }),
                }
            }),
            Err(failure) => return Err(failure),
        },
    };
    // Nothing from a question file may drive the terminal of whoever reads the export.
    let text = match args.format {
        Format::Json => sanitize::escape_invisible_json(&text).into_owned(),
        _ => sanitize::neutralize(&text).into_owned(),
    };
    let written = match &args.out {
        Some(path) => {
            crate::effects::write_atomically(path, text.as_bytes()).map_err(|e| format!("{e:#}"))
        }
        None => {
            use std::io::Write as _;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| e.to_string())
        }
    };
    if written.is_ok()
        && let Some(path) = &args.out
    {
        let n = deck.cards.len();
        super::warn(&format!(
            "{n} {} to {} ({})",
            if n == 1 { "card" } else { "cards" },
            path.display(),
            args.format.name()
        ));
    }
    match written {
        // Like `check`: load errors make the exit status 1 even though the export ran.
        Ok(()) => Ok(ExitCode::from(crate::check::exit_status(&deck, false))),
        Err(err) => Err(Failure::failed(format!("cannot write the export: {err}"))),
    }
}

/// The cards flagged in the progress database, when there is one; the export goes on
/// without them, with a warning, when it cannot be read.
fn flagged_ids(global: &GlobalArgs) -> std::collections::HashSet<String> {
    let Ok(path) = crate::store::Store::db_path(global.data_dir.as_deref()) else {
        return Default::default();
    };
    if !path.is_file() {
        return Default::default();
    }
    match crate::store::Store::open_file(&path).and_then(|s| s.load_states()) {
        Ok(states) => states
            .into_iter()
            .filter(|(_, s)| s.flagged)
            .map(|(id, _)| id)
            .collect(),
        Err(err) => {
            super::warn(&format!(
                "prepdeck: flags could not be read, so every card is exported unflagged: {err}"
            ));
            Default::default()
        }
    }
}

/// Each card's progress from the database: its state and its last grade.
fn progress_rows(global: &GlobalArgs) -> Result<HashMap<String, ProgressRow>, Failure> {
    let store = open_store(global)?;
    let states = store.load_states().map_err(Failure::failed)?;
    let log = store.log(None).map_err(Failure::failed)?;
    let mut last_grade: HashMap<&str, u8> = HashMap::new();
    for r in &log {
        last_grade.insert(r.card_id.as_str(), r.grade.number());
    }
    Ok(states
        .iter()
        .map(|(id, s)| {
            let row = ProgressRow {
                phase: s.phase.as_str().to_string(),
                due: s.last_review.map(|_| s.due),
                reps: s.reps,
                lapses: s.lapses,
                last_grade: last_grade.get(id.as_str()).copied(),
                flagged: s.flagged,
                note: None,
            };
            (id.clone(), row)
        })
        .collect())
}

/// The person's own answers by card id, when there is a database; the export goes on
/// without them, with a warning, when it cannot be read.
fn own_answers(global: &GlobalArgs) -> HashMap<String, String> {
    let Ok(path) = crate::store::Store::db_path(global.data_dir.as_deref()) else {
        return HashMap::new();
    };
    if !path.is_file() {
        return HashMap::new();
    }
    match crate::store::Store::open_file(&path).and_then(|s| s.notes()) {
        Ok(notes) => notes.into_iter().map(|n| (n.card_id, n.text)).collect(),
        Err(err) => {
            super::warn(&format!(
                "prepdeck: your own answers could not be read, so the export goes without them: {err}"
            ));
            HashMap::new()
        }
    }
}

/// The story bank, when there is a database; the export goes on without it, with a
/// warning, when it cannot be read.
fn stored_stories(global: &GlobalArgs) -> Vec<crate::store::Story> {
    let Ok(path) = crate::store::Store::db_path(global.data_dir.as_deref()) else {
        return Vec::new();
    };
    if !path.is_file() {
        return Vec::new();
    }
    match crate::store::Store::open_file(&path).and_then(|s| s.stories()) {
        Ok(stories) => stories,
        Err(err) => {
            super::warn(&format!(
                "prepdeck: the story bank could not be read, so the export goes without it: {err}"
            ));
            Vec::new()
        }
    }
}

/// `--with-notes` for markdown: the own answers of the exported cards after them, under
/// `# Your own answers`, one `## question` each, as `prepdeck notes import` reads them.
fn notes_appendix(deck: &crate::load::Deck, notes: &HashMap<String, String>) -> String {
    let mut out = String::from(
        "\n# Your own answers\n\nYour own answers to the cards above, as `prepdeck notes import` reads them.\n",
    );
    let mut asked: HashMap<String, usize> = HashMap::new();
    for card in &deck.cards {
        *asked
            .entry(card.question.trim().to_lowercase())
            .or_default() += 1;
    }
    let mut any = false;
    for card in &deck.cards {
        if let Some(text) = notes.get(&card.id) {
            any = true;
            // The question names the card, unless another card asks the same: then its id.
            let one_line = !card.question.contains('\n');
            let unique = asked.get(&card.question.trim().to_lowercase()) == Some(&1);
            let heading = if one_line && unique {
                card.question.trim()
            } else {
                card.id.as_str()
            };
            out.push_str(&format!("\n## {heading}\n\n{}\n", text.trim_end()));
        }
    }
    if !any {
        out.push_str("\nNone yet.\n");
    }
    out
}
