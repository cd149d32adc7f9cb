//! `prepdeck check`: parse, report, and count progress kept for cards that are gone.

use std::collections::HashSet;
use std::process::ExitCode;

use super::{Failure, Outcome};
use crate::check::{self, CheckReport};
use crate::cli::{CheckArgs, GlobalArgs};
use crate::load::{self, ContentSource, Keep};
use crate::store::Store;

pub fn run(args: &CheckArgs, global: &GlobalArgs) -> Outcome {
    if args.formats {
        print!("{}", check::format_guide());
        return Ok(ExitCode::SUCCESS);
    }
    let sources: Vec<ContentSource> = if args.paths.is_empty() {
        vec![ContentSource::Bundled]
    } else {
        args.paths
            .iter()
            .cloned()
            .map(ContentSource::Path)
            .collect()
    };
    // The human report counts and names cards; only the JSON one prints them whole.
    let keep = if args.json {
        Keep::Everything
    } else {
        Keep::Outline
    };
    let deck = load::load_keeping(&sources, keep).map_err(Failure::usage)?;
    if args.json {
        match serde_json::to_string_pretty(&CheckReport::new(&deck)) {
            Ok(json) => super::say(&crate::text::sanitize::escape_invisible_json(&json)),
            Err(err) => return Err(Failure::failed(format!("cannot write JSON: {err}"))),
        }
    } else {
        print!(
            "{}",
            crate::text::sanitize::sanitize(&check::human_report(&deck), true)
        );
        if let Some(line) = orphan_line(&deck, global) {
            super::say(&line.to_string());
        }
    }
    // A file named on the command line is meant to hold cards: none is a failure. A
    // folder may hold other files, which stay warnings.
    let empty: Vec<String> = args
        .paths
        .iter()
        .filter(|p| p.is_file())
        .map(|p| p.display().to_string())
        .filter(|shown| deck.files.iter().any(|f| f.path == *shown && f.cards == 0))
        .collect();
    for file in &empty {
        super::warn(&format!(
            "{file} gave no cards: see its warning above, and `prepdeck check --formats` for the layouts prepdeck reads"
        ));
    }
    let status = check::exit_status(&deck, args.strict).max(u8::from(!empty.is_empty()));
    Ok(ExitCode::from(status))
}

/// "12 cards with progress are not in these files …", when a database exists and
/// holds progress for cards the checked content does not have.
fn orphan_line(deck: &crate::load::Deck, global: &GlobalArgs) -> Option<String> {
    let path = Store::db_path(global.data_dir.as_deref()).ok()?;
    if !path.is_file() {
        return None;
    }
    let store = match Store::open_file(&path) {
        Ok(store) => store,
        Err(err) => {
            // The files are checked all the same; only the count of progress kept
            // for cards that are gone is missing.
            super::warn(&format!(
                "prepdeck: progress could not be read, so progress of cards no longer in the files is not counted: {err}"
            ));
            return None;
        }
    };
    let known: HashSet<String> = deck.cards.iter().map(|c| c.id.clone()).collect();
    let orphans = store.count_orphans(&known).ok()?;
    (orphans > 0).then(|| {
        let (cards, are) = if orphans == 1 {
            ("card", "is")
        } else {
            ("cards", "are")
        };
        format!(
            "{orphans} {cards} with saved progress {are} not in the files checked; the progress is \
             kept (`prepdeck prune` lists and removes it)"
        )
    })
}
