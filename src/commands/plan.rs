//! `prepdeck plan`: sets, changes, shows or drops the plan to an interview date.

use std::process::ExitCode;

use super::{Failure, Outcome, open_store, say, settings_and_deck, topic_nodes_in};
use crate::cli::{GlobalArgs, PlanArgs};
use crate::clock;
use crate::plan::{Calendar, DEFAULT_MINUTES, DateArg, PlanSettings, text};
use crate::schedule::Scheduler;

pub fn run(args: &PlanArgs, global: &GlobalArgs) -> Outcome {
    if args.clear {
        let mut store = open_store(global)?;
        let dropped = store.clear_plan().map_err(Failure::failed)?;
        say(if dropped {
            "Plan dropped: new cards a day are review.new_per_day's again."
        } else {
            "No plan to drop."
        });
        return Ok(ExitCode::SUCCESS);
    }
    let (settings, _, deck) = settings_and_deck(&args.paths, global)?;
    let mut store = open_store(global)?;
    let now = clock::now_unix();
    let stored = store.plan().map_err(Failure::failed)?;
    // Read only when it is changed: a new plan replaces even one that cannot be read.
    let current = || {
        stored
            .as_ref()
            .map(PlanSettings::from_stored)
            .transpose()
            .map_err(Failure::failed)
    };
    topic_nodes_in(&deck.tree, &args.topics)?;
    let changed = if let Some(text) = &args.interview {
        let today = Calendar::new(now, clock::local_offset(now), 0).today;
        let day = DateArg::parse(text)
            .and_then(|d| d.after(today, text))
            .map_err(Failure::usage)?;
        Some(PlanSettings {
            interview_day: day,
            topics: args.topics.clone(),
            minutes_per_day: args.minutes_per_day.unwrap_or(DEFAULT_MINUTES),
        })
    } else if args.minutes_per_day.is_some() || !args.topics.is_empty() {
        let Some(plan) = current()? else {
            return Err(Failure::usage(
                "there is no plan to change: set one with `prepdeck plan --interview DATE` \
                 (YYYY-MM-DD or +14d)",
            ));
        };
        Some(PlanSettings {
            topics: if args.topics.is_empty() {
                plan.topics
            } else {
                args.topics.clone()
            },
            minutes_per_day: args.minutes_per_day.unwrap_or(plan.minutes_per_day),
            ..plan
        })
    } else {
        None
    };
    if let Some(plan) = &changed {
        store
            .save_plan(&plan.to_stored(now))
            .map_err(Failure::failed)?;
    }
    let states = store.load_states().map_err(Failure::failed)?;
    let params = store.fsrs_params().map_err(Failure::failed)?;
    let scheduler = Scheduler::new(params, settings.config.review.desired_retention);
    let planned = crate::effects::read_plan(
        &store,
        &deck,
        &states,
        &scheduler,
        settings.config.review.include_unanswered,
        now,
        true,
    )
    .map_err(|e| Failure::failed(format!("{e:#}")))?;
    let Some(planned) = planned else {
        say(if args.json {
            "null"
        } else {
            "No plan yet. Set one with: prepdeck plan --interview YYYY-MM-DD (or +14d) \
             [--topic NAME]... [--minutes-per-day N]"
        });
        return Ok(ExitCode::SUCCESS);
    };
    if args.json {
        let json = serde_json::to_string_pretty(&planned.report)
            .map_err(|err| Failure::failed(format!("cannot write JSON: {err}")))?;
        say(&crate::text::sanitize::escape_invisible_json(&json));
    } else {
        if changed.is_some() {
            say("Plan saved.\n");
        }
        print!(
            "{}",
            crate::text::sanitize::sanitize(&text::render(&planned.report), true)
        );
    }
    Ok(ExitCode::SUCCESS)
}
