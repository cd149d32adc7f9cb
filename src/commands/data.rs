//! Commands that look after the data and the installation: config, prune, backup,
//! restore, optimize, the mock interview history, shell completions and the man page.

use std::collections::HashSet;
use std::process::ExitCode;

use super::{Failure, Outcome, confirm, load_deck, open_store, settings, settings_and_deck};
use crate::cli::{BackupArgs, ConfigArgs, ConfirmArgs, GlobalArgs, PruneArgs, RestoreArgs};
use crate::clock;
use crate::config::{self, Config};
use crate::load::ContentSource;
use crate::review::{OptimizeError, optimize};
use crate::schedule::Scheduler;
use crate::stats::text::count;
use crate::store::{Store, restore};

/// `prepdeck config [--default]`.
pub fn config(args: &ConfigArgs, global: &GlobalArgs) -> Outcome {
    if args.default {
        print!(
            "{}{}",
            config::default_text(),
            crate::keymap::default_config_section()
        );
        return Ok(ExitCode::SUCCESS);
    }
    match Config::load(global.config.as_deref()) {
        Ok((_, path)) => {
            let shown = path.map_or("(no config folder on this platform)".to_string(), |p| {
                let state = if p.exists() {
                    ""
                } else {
                    " (not created yet: defaults apply)"
                };
                format!("{}{state}", p.display())
            });
            super::say(&format!("config file: {shown}"));
            super::say("print a complete default config with: prepdeck config --default");
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => Err(Failure::usage(err)),
    }
}

/// `prepdeck prune`: lists the orphans, asks, deletes. The bundled bank's cards always
/// count as present, so neither a PATH nor `show_bundled = false` offers their progress.
pub fn prune(args: &PruneArgs, global: &GlobalArgs) -> Outcome {
    let (_, _, deck) = settings_and_deck(&args.paths, global)?;
    let bank = load_deck(&[ContentSource::Bundled])?;
    let mut store = open_store(global)?;
    let known: HashSet<String> = deck
        .cards
        .iter()
        .chain(&bank.cards)
        .map(|c| c.id.clone())
        .collect();
    let orphans = match store.orphans(&known) {
        Ok(ids) => ids,
        Err(err) => return Err(Failure::failed(err)),
    };
    if orphans.is_empty() {
        super::say("no orphaned progress: every card with progress is in the content");
        return Ok(ExitCode::SUCCESS);
    }
    let states = store.load_states().map_err(Failure::failed)?;
    let labels = store.labels().map_err(Failure::failed)?;
    let noted: HashSet<String> = store
        .notes()
        .map_err(Failure::failed)?
        .into_iter()
        .map(|n| n.card_id)
        .collect();
    super::say(&format!(
        "progress kept for {} that {} not in the content{}:",
        count(orphans.len(), "card", "cards"),
        if orphans.len() == 1 { "is" } else { "are" },
        if args.paths.is_empty() {
            ""
        } else {
            " given (the bundled bank's progress is never offered)"
        }
    ));
    for id in &orphans {
        let name = labels.get(id).map_or_else(
            || format!("{id} (graded before prepdeck kept names)"),
            |label| format!("{label} [{id}]"),
        );
        let mut summary = orphan_summary(states.get(id));
        if noted.contains(id) {
            summary = if states.contains_key(id) {
                format!("{summary}, your own answer")
            } else {
                "your own answer only".to_string()
            };
        }
        super::say(&format!("  {name}: {summary}"));
    }
    let question = if orphans.iter().any(|id| noted.contains(id)) {
        "delete their progress, review history and your own answers to them?"
    } else {
        "delete their progress and review history?"
    };
    if !args.yes && !confirm(question) {
        super::say("nothing deleted");
        return Ok(ExitCode::SUCCESS);
    }
    match store.prune(&orphans) {
        Ok(n) => {
            super::say(&format!(
                "deleted the progress of {}",
                count(n, "card", "cards")
            ));
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => Err(Failure::failed(err)),
    }
}

/// "3 reviews, last 2026-11-20" — what is at stake in an orphan's progress.
fn orphan_summary(state: Option<&crate::schedule::CardState>) -> String {
    let Some(state) = state else {
        return "review history only".to_string();
    };
    let last = state.last_review.map_or(String::new(), |at| {
        format!(", last {}", clock::date(at, clock::local_offset(at)))
    });
    let flag = if state.flagged { ", flagged" } else { "" };
    format!(
        "{}{last}{flag}",
        count(state.reps as usize, "review", "reviews")
    )
}

/// `prepdeck backup [FILE]`.
pub fn backup(args: &BackupArgs, global: &GlobalArgs) -> Outcome {
    let store = open_store(global)?;
    let dest = args.file.clone().unwrap_or_else(|| {
        let folder = store
            .path()
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default();
        folder.join(format!(
            "prepdeck-backup-{}.db",
            crate::store::utc_stamp(clock::now_unix())
        ))
    });
    match store.backup(&dest) {
        Ok(()) => {
            super::say(&format!("backup written to {}", dest.display()));
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => Err(Failure::failed(err)),
    }
}

/// `prepdeck restore FILE`.
pub fn restore_cmd(args: &RestoreArgs, global: &GlobalArgs) -> Outcome {
    let db = match Store::db_path(global.data_dir.as_deref()) {
        Ok(path) => path,
        Err(err) => return Err(Failure::failed(err)),
    };
    match std::fs::metadata(&args.file) {
        Err(_) => {
            return Err(Failure::usage(format!(
                "{}: no such backup file",
                args.file.display()
            )));
        }
        Ok(meta) if meta.is_dir() => {
            return Err(Failure::usage(format!(
                "not a prepdeck backup: {} is a folder; name the backup file in it (prepdeck-backup-DATE.db)",
                args.file.display()
            )));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(Failure::usage(format!(
                "not a prepdeck backup: {} is not a regular file; nothing was changed",
                args.file.display()
            )));
        }
        Ok(_) => {}
    }
    match restore(&db, &args.file, clock::now_unix()) {
        Ok(restored) => {
            super::say(&format!(
                "restored {} from {}",
                db.display(),
                args.file.display()
            ));
            if let Some(old) = restored.previous_saved_as {
                super::say(&format!(
                    "the previous database is kept as {}",
                    old.display()
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
        // The backup itself is unusable: say so about the backup, not with the advice
        // meant for a damaged live database.
        Err(
            crate::store::StoreError::NotADatabase { path, reason }
            | crate::store::StoreError::Corrupt {
                path,
                detail: reason,
            },
        ) if path == args.file => Err(Failure::failed(format!(
            "not a prepdeck backup: {} ({reason}); nothing was changed",
            path.display()
        ))),
        Err(crate::store::StoreError::NewerSchema { path, found, .. }) if path == args.file => {
            Err(Failure::failed(format!(
                "{}: a backup from a newer prepdeck (schema version {found}); upgrade prepdeck to restore it; nothing was changed",
                path.display()
            )))
        }
        Err(err) => Err(Failure::failed(err)),
    }
}

/// `prepdeck optimize`: fits FSRS to the log, shows old and new, asks before saving.
pub fn optimize_cmd(args: &ConfirmArgs, global: &GlobalArgs) -> Outcome {
    let settings = settings(global)?;
    let mut store = open_store(global)?;
    let (log, params) = match store
        .log(None)
        .and_then(|log| Ok((log, store.fsrs_params()?)))
    {
        Ok(loaded) => loaded,
        Err(err) => return Err(Failure::failed(err)),
    };
    let current = Scheduler::new(params, settings.config.review.desired_retention);
    let now = clock::now_unix();
    let day_shift = clock::day_shift(now, settings.config.review.day_starts_at);
    let fitted = match optimize(&log, current.params(), day_shift) {
        Ok(fitted) => fitted,
        Err(err @ OptimizeError::NotEnough { .. }) => {
            super::say(&format!("{err}"));
            return Ok(ExitCode::SUCCESS);
        }
        Err(err) => return Err(Failure::failed(err)),
    };
    super::say(&format!("fitted on {} reviews", fitted.reviews));
    let show = |v: Option<f32>| v.map_or("—".to_string(), |x| format!("{x:.4}"));
    super::say("            log-loss   RMSE");
    super::say(&format!(
        "current     {:<9}  {}",
        show(fitted.old_log_loss),
        show(fitted.old_rmse)
    ));
    super::say(&format!(
        "fitted      {:<9}  {}",
        show(fitted.new_log_loss),
        show(fitted.new_rmse)
    ));
    let join = |p: &[f32]| {
        p.iter()
            .map(|x| format!("{x:.3}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    super::say(&format!("current parameters: {}", join(&fitted.old)));
    super::say(&format!("fitted parameters:  {}", join(&fitted.new)));
    if !args.yes && !confirm("use the fitted parameters from now on?") {
        super::say("kept the current parameters");
        return Ok(ExitCode::SUCCESS);
    }
    match store.save_fsrs_params(&fitted.new) {
        Ok(()) => {
            super::say("saved: future schedules use the fitted parameters");
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => Err(Failure::failed(err)),
    }
}

/// `prepdeck mock --history`: past mock interviews, newest first.
pub fn mock_history(global: &GlobalArgs) -> Outcome {
    let store = open_store(global)?;
    let mut mocks = match store.mocks() {
        Ok(mocks) => mocks,
        Err(err) => return Err(Failure::failed(err)),
    };
    if mocks.is_empty() {
        super::say("no mock interviews yet: start one with `prepdeck mock`");
        return Ok(ExitCode::SUCCESS);
    }
    mocks.sort_by_key(|m| std::cmp::Reverse(m.started_at));
    super::say(&format!(
        "{:<16}  {:>9}  {:>5}  {:<8}  report",
        "started", "questions", "score", "state"
    ));
    for m in mocks {
        let offset = clock::local_offset(m.started_at);
        super::say(&format!(
            "{:<16}  {:>9}  {:>5}  {:<8}  {}",
            clock::date_time(m.started_at, offset),
            m.answers.len(),
            m.score.map_or("—".to_string(), |s| format!("{s:.0}")),
            state(&m),
            m.report_path.as_deref().unwrap_or("—"),
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// A past mock's state for the history: aborted, finished, or written (judged from a
/// file by `mock --answers`).
fn state(m: &crate::store::MockRecord) -> &'static str {
    let written = serde_json::from_str::<serde_json::Value>(&m.settings)
        .is_ok_and(|s| s["mode"] == "written");
    if m.aborted {
        "aborted"
    } else if written {
        "written"
    } else {
        "finished"
    }
}

/// `prepdeck completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> Outcome {
    use clap::CommandFactory;
    let mut command = crate::cli::Cli::command();
    clap_complete::generate(shell, &mut command, "prepdeck", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}

/// `prepdeck man`.
pub fn man_page() -> Outcome {
    use clap::CommandFactory;
    let page = clap_mangen::Man::new(crate::cli::Cli::command());
    match page.render(&mut std::io::stdout()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(err) => Err(Failure::failed(format!("cannot write the man page: {err}"))),
    }
}
