//! `prepdeck stats`: the progress figures as text or JSON.

use std::process::ExitCode;

use super::{fail, load_deck, open_store, settings, sources};
use crate::cli::{GlobalArgs, StatsArgs};
use crate::clock;
use crate::stats::{StatsInput, compute, text};

pub fn run(args: &StatsArgs, global: &GlobalArgs) -> ExitCode {
    if args.tui {
        return super::screens::stats_tui(args, global);
    }
    let settings = match settings(global) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let deck = match load_deck(&sources(&args.paths, &settings.config)) {
        Ok(deck) => deck,
        Err(code) => return code,
    };
    let store = match open_store(global) {
        Ok(store) => store,
        Err(code) => return code,
    };
    let loaded = store
        .load_states()
        .and_then(|states| Ok((states, store.log(None)?, store.mocks()?)));
    let (states, log, mocks) = match loaded {
        Ok(all) => all,
        Err(err) => return fail(1, err),
    };
    let now = clock::now_unix();
    let stats = compute(&StatsInput {
        cards: &deck.cards,
        tree: &deck.tree,
        states: &states,
        log: &log,
        mocks: &mocks,
        now,
        offset: clock::local_offset(now),
        desired_retention: settings.config.review.desired_retention,
    });
    if args.json {
        match serde_json::to_string_pretty(&stats) {
            Ok(json) => println!("{json}"),
            Err(err) => return fail(1, format!("cannot write JSON: {err}")),
        }
    } else {
        print!("{}", text::render(&stats));
    }
    ExitCode::SUCCESS
}
