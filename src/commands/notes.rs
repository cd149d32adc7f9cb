//! `prepdeck notes`: the person's own answers from the command line — list them, show
//! one, write one in `$VISUAL` / `$EDITOR`, import many from a markdown file.

use std::collections::HashMap;
use std::process::ExitCode;

use super::{Failure, Outcome, open_store, settings_and_deck};
use crate::cli::{GlobalArgs, NotesArgs, NotesCommand};
use crate::clock;
use crate::load::Deck;
use crate::note_edit::{Edited, edit_text};
use crate::store::{NoteSaved, Store, label_of};

pub fn run(args: &NotesArgs, global: &GlobalArgs) -> Outcome {
    let (_, _, deck) = settings_and_deck(&args.paths, global)?;
    let mut store = open_store(global)?;
    match &args.command {
        NotesCommand::List { json } => list(&deck, &store, *json),
        NotesCommand::Show { card } => show(&deck, &store, card),
        NotesCommand::Edit { card } => edit(&deck, &mut store, card),
        NotesCommand::Import { file } => import(&deck, &mut store, file),
    }
}

/// A card named on the command line: its id and how to call it.
struct Target {
    id: String,
    label: String,
}

/// The card `query` names: its id; else the question, exactly (any case); else the one
/// question that contains it. An id with an own answer but no card (an orphan) counts.
fn find(deck: &Deck, store: &Store, query: &str) -> Result<Target, Failure> {
    let q = query.trim();
    let target = |i: usize| {
        let c = &deck.cards[i];
        Target {
            id: c.id.clone(),
            label: label_of(&c.topic, &c.question),
        }
    };
    if let Some(i) = deck.cards.iter().position(|c| c.id == q) {
        return Ok(target(i));
    }
    let lower = q.to_lowercase();
    let exact: Vec<usize> = (0..deck.cards.len())
        .filter(|&i| deck.cards[i].question.trim().to_lowercase() == lower)
        .collect();
    let found = if exact.is_empty() {
        (0..deck.cards.len())
            .filter(|&i| deck.cards[i].question.to_lowercase().contains(&lower))
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [i] => Ok(target(*i)),
        [] => {
            if !q.is_empty()
                && let Ok(Some(_)) = store.note(q)
            {
                let label = store.labels().ok().and_then(|l| l.get(q).cloned());
                return Ok(Target {
                    id: q.to_string(),
                    label: label.unwrap_or_else(|| format!("{q} (no longer in the content)")),
                });
            }
            Err(Failure::usage(format!(
                "no card has the id or question `{q}`: see `prepdeck notes list`, or `prepdeck check --json` for every card's id"
            )))
        }
        many => {
            let mut message = format!(
                "{} questions contain `{q}`; name one by its id or its whole question:",
                many.len()
            );
            for &i in many.iter().take(8) {
                let c = &deck.cards[i];
                message.push_str(&format!("\n  {}  {}", c.id, c.question));
            }
            if many.len() > 8 {
                message.push_str(&format!("\n  … and {} more", many.len() - 8));
            }
            Err(Failure::usage(message))
        }
    }
}

/// `notes list [--json]`.
fn list(deck: &Deck, store: &Store, json: bool) -> Outcome {
    let mut notes = store.notes().map_err(Failure::failed)?;
    notes.sort_by_key(|n| std::cmp::Reverse(n.updated_at));
    let labels = store.labels().map_err(Failure::failed)?;
    let cards: HashMap<&str, usize> = deck
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    if json {
        let rows: Vec<serde_json::Value> = notes
            .iter()
            .map(|n| {
                let card = cards.get(n.card_id.as_str()).map(|&i| &deck.cards[i]);
                serde_json::json!({
                    "id": n.card_id,
                    "topic": card.map(|c| c.topic.clone()),
                    "question": card.map(|c| c.question.clone()),
                    "note": n.text,
                    "created": crate::export::report::format_time(n.created_at),
                    "updated": crate::export::report::format_time(n.updated_at),
                    "in_content": card.is_some(),
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows)
            .map_err(|e| Failure::failed(format!("cannot write JSON: {e}")))?;
        println!("{}", crate::text::sanitize::escape_invisible_json(&text));
        return Ok(ExitCode::SUCCESS);
    }
    if notes.is_empty() {
        super::say(
            "no own answers yet: press w on a card in the app, or run `prepdeck notes edit ID|QUESTION`",
        );
        return Ok(ExitCode::SUCCESS);
    }
    for n in &notes {
        let name = match cards.get(n.card_id.as_str()) {
            Some(&i) => label_of(&deck.cards[i].topic, &deck.cards[i].question),
            None => labels.get(&n.card_id).map_or_else(
                || "(no longer in the content)".to_string(),
                |l| format!("{l} (no longer in the content)"),
            ),
        };
        let updated = clock::date(n.updated_at, clock::local_offset(n.updated_at));
        super::say(&format!("{}  {updated}  {name}", n.card_id));
        let first = n.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let mut shown: String = first.chars().take(76).collect();
        if shown.len() < first.len() || n.text.trim().lines().count() > 1 {
            shown.push_str(" …");
        }
        super::say(&format!("    {shown}"));
    }
    let with_note = notes
        .iter()
        .filter(|n| cards.contains_key(n.card_id.as_str()))
        .count();
    super::say(&format!(
        "{with_note} of {} {} your own answer",
        deck.cards.len(),
        if with_note == 1 {
            "cards has"
        } else {
            "cards have"
        }
    ));
    Ok(ExitCode::SUCCESS)
}

/// `notes show ID|QUESTION`.
fn show(deck: &Deck, store: &Store, query: &str) -> Outcome {
    let target = find(deck, store, query)?;
    match store.note(&target.id).map_err(Failure::failed)? {
        Some(note) => {
            super::say(&format!("{}  [{}]", target.label, target.id));
            super::say("");
            super::say(&note.text);
            Ok(ExitCode::SUCCESS)
        }
        None => Err(Failure::failed(format!(
            "no own answer yet to {} [{}]: write one with `prepdeck notes edit {}`",
            target.label, target.id, target.id
        ))),
    }
}

/// `notes edit ID|QUESTION`: the editor on a temporary file; saved on a clean exit.
fn edit(deck: &Deck, store: &mut Store, query: &str) -> Outcome {
    let target = find(deck, store, query)?;
    let before = store
        .note(&target.id)
        .map_err(Failure::failed)?
        .map(|n| n.text)
        .unwrap_or_default();
    match edit_text(&target.id, &before) {
        Ok(Edited::Text(text)) => {
            let done = store
                .save_note(&target.id, &text, clock::now_unix())
                .map_err(Failure::failed)?;
            // The name lets `prune` say which card it was once the card is gone.
            if deck.cards.iter().any(|c| c.id == target.id) {
                store
                    .remember_labels([(target.id.as_str(), target.label.clone())])
                    .ok();
            }
            let what = match done {
                NoteSaved::Created => "saved your own answer to",
                NoteSaved::Updated => {
                    "saved your own answer (the previous one is kept for undo) to"
                }
                NoteSaved::Unchanged | NoteSaved::Deleted => "your own answer is unchanged for",
            };
            super::say(&format!("{what} {} [{}]", target.label, target.id));
            Ok(ExitCode::SUCCESS)
        }
        Ok(Edited::Unchanged) => {
            super::say(&format!(
                "your own answer is unchanged for {} [{}]",
                target.label, target.id
            ));
            Ok(ExitCode::SUCCESS)
        }
        Ok(Edited::Emptied) => {
            super::say(&format!(
                "the file came back empty: your own answer to {} [{}] is unchanged",
                target.label, target.id
            ));
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => Err(Failure::failed(format!(
            "{err}: your own answer to {} [{}] is unchanged",
            target.label, target.id
        ))),
    }
}

/// `notes import FILE`: every heading must name a card, or nothing is imported.
fn import(deck: &Deck, store: &mut Store, file: &std::path::Path) -> Outcome {
    let source = std::fs::read_to_string(file)
        .map_err(|e| Failure::usage(format!("{}: cannot read the file: {e}", file.display())))?;
    let entries = crate::notes_file::parse(&source);
    if entries.is_empty() {
        return Err(Failure::failed(format!(
            "{}: no `## ` heading found: write `## ` and a card's question or id, then your answer under it",
            file.display()
        )));
    }
    let mut problems = Vec::new();
    let mut ready = Vec::new();
    for entry in &entries {
        let at = format!("{}:{}", file.display(), entry.line);
        if entry.text.is_empty() {
            problems.push(format!("{at}: no answer under `## {}`", entry.heading));
            continue;
        }
        match find(deck, store, &entry.heading) {
            Ok(target) => ready.push((target, entry.text.clone())),
            Err(failure) => problems.push(format!("{at}: {}", failure.message)),
        }
    }
    if !problems.is_empty() {
        return Err(Failure::failed(format!(
            "{}\nnothing was imported: fix the headings above and run it again",
            problems.join("\n")
        )));
    }
    let now = clock::now_unix();
    let (mut created, mut updated, mut same) = (0, 0, 0);
    for (target, text) in &ready {
        match store
            .save_note(&target.id, text, now)
            .map_err(Failure::failed)?
        {
            NoteSaved::Created => created += 1,
            NoteSaved::Updated => updated += 1,
            NoteSaved::Unchanged | NoteSaved::Deleted => same += 1,
        }
        if deck.cards.iter().any(|c| c.id == target.id) {
            store
                .remember_labels([(target.id.as_str(), target.label.clone())])
                .ok();
        }
    }
    super::say(&format!(
        "imported {} from {}: {created} new, {updated} replaced (the previous text kept for undo), {same} unchanged",
        crate::stats::text::count(ready.len(), "own answer", "own answers"),
        file.display()
    ));
    Ok(ExitCode::SUCCESS)
}
