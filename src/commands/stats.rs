//! `prepdeck stats`: the progress figures as text or JSON.

use std::process::ExitCode;

use super::{Failure, Outcome, open_store, settings_and_deck};
use crate::cli::{GlobalArgs, StatsArgs};
use crate::clock;
use crate::stats::{StatsInput, compute, text};

pub fn run(args: &StatsArgs, global: &GlobalArgs) -> Outcome {
    if args.tui {
        return super::screens::stats_tui(args, global);
    }
    let (settings, _, deck) = settings_and_deck(&args.paths, global)?;
    let store = open_store(global)?;
    let loaded = store
        .load_states()
        .and_then(|states| Ok((states, store.log(None)?, store.mocks()?)));
    let (states, mut log, mocks) = match loaded {
        Ok(all) => all,
        Err(err) => return Err(Failure::failed(err)),
    };
    // Files named: every figure is about their cards; mock scores stay the database's.
    let narrowed = !args.paths.is_empty();
    if narrowed {
        let ids: std::collections::HashSet<&str> =
            deck.cards.iter().map(|c| c.id.as_str()).collect();
        log.retain(|r| ids.contains(r.card_id.as_str()));
    }
    let now = clock::now_unix();
    let mut stats = compute(&StatsInput {
        cards: &deck.cards,
        tree: &deck.tree,
        states: &states,
        log: &log,
        mocks: &mocks,
        now,
        offset: clock::day_shift(now, settings.config.review.day_starts_at),
        desired_retention: settings.config.review.desired_retention,
    });
    let noted: std::collections::HashSet<String> = store
        .notes()
        .map_err(Failure::failed)?
        .into_iter()
        .map(|n| n.card_id)
        .collect();
    stats.own_answers = crate::stats::own_answers(&deck.cards, &|id| noted.contains(id));
    if args.json {
        match serde_json::to_string_pretty(&stats) {
            Ok(json) => super::say(&crate::text::sanitize::escape_invisible_json(&json)),
            Err(err) => return Err(Failure::failed(format!("cannot write JSON: {err}"))),
        }
    } else {
        if narrowed {
            super::say(
                "Figures for the cards in the files given (their reviews only); mock scores are every mock's.",
            );
        }
        print!(
            "{}",
            crate::text::sanitize::sanitize(&text::render(&stats), true)
        );
    }
    Ok(ExitCode::SUCCESS)
}
