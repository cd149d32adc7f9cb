//! The commands that open screens: the browser, a review, a mock interview, the stats.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::{
    Failure, Outcome, Progress, Settings, build_app, open_progress, read_progress, run_screens,
    settings, sources, topic_nodes,
};
use crate::app::{App, Msg, ReviewRequest};
use crate::cli::{GlobalArgs, MockArgs, ReviewArgs, StatsArgs};
use crate::effects::Effects;
use crate::load::{ContentSource, Keep, LoadProgress, load_watched};
use crate::mock::MockSettings;
use crate::tui::OpenTerminal;
use crate::tui::loading::{self, Waited};

/// What every screen command starts from: the settings, the content's sources, an App
/// over the content, the saved progress (or why it could not be read), and the terminal
/// if it was opened to show the progress of a large deck.
struct Prepared {
    settings: Settings,
    sources: Vec<ContentSource>,
    app: App,
    progress: crate::store::Result<Progress>,
    terminal: Option<OpenTerminal>,
}

/// In debug builds, milliseconds the deck takes longer to load, so that tests see the
/// progress frame and can stop it.
pub const TEST_SLOW_LOAD_ENV: &str = "PREPDECK_TEST_SLOW_LOAD_MS";

/// Reads the settings, then parses the content on one thread while another opens the
/// progress database, so the screens wait for the longer of the two, not for both. A
/// deck that takes more than a moment has its progress drawn meanwhile. `None` when the
/// person stopped the reading to quit.
fn prepare(
    paths: &[PathBuf],
    global: &GlobalArgs,
    browser: bool,
) -> Result<Option<Prepared>, Failure> {
    let settings = settings(global)?;
    let sources = sources(paths, &settings.config);
    // A path that is not there is a usage error: say so before a database is made, and
    // when it is a misspelt subcommand (`prepdeck reveiw`), which one was meant.
    crate::load::check_paths(&sources).map_err(|missing| {
        match super::did_you_mean(&missing.0.to_string_lossy()) {
            Some(name) => Failure::usage(format!("{missing}; did you mean `prepdeck {name}`?")),
            None => Failure::usage(missing),
        }
    })?;
    let loading = LoadProgress::default();
    let (done, finished) = std::sync::mpsc::channel();
    let (deck, progress, waited) = std::thread::scope(|scope| {
        let progress = scope.spawn(|| read_progress(global));
        let (sources, watched) = (&sources, &loading);
        // The sender moves into the thread, so a panic there drops it and ends the wait.
        let deck = scope.spawn(move || {
            let deck = load_watched(sources, Keep::Everything, watched);
            slow_down_for_tests(watched);
            // The receiver may be gone if waiting failed; the deck is joined anyway.
            let _ = done.send(());
            deck
        });
        let waited = loading::wait(&finished, &loading, &settings.theme);
        let deck = deck.join();
        let progress = progress.join();
        let (deck, progress) = match (deck, progress) {
            (Ok(deck), Ok(progress)) => (deck, progress),
            (Err(panic), _) | (_, Err(panic)) => std::panic::resume_unwind(panic),
        };
        (deck, progress, waited)
    });
    let terminal = match waited.map_err(|e| Failure::failed(format!("{e:#}")))? {
        Waited::Quit => return Ok(None),
        Waited::Loaded(terminal) => terminal,
    };
    let app = build_app(deck.map_err(Failure::usage)?, &settings, browser);
    Ok(Some(Prepared {
        settings,
        sources,
        app,
        progress,
        terminal,
    }))
}

/// Waits `TEST_SLOW_LOAD_ENV` milliseconds in debug builds, or until the load is stopped.
fn slow_down_for_tests(loading: &LoadProgress) {
    if !cfg!(debug_assertions) {
        return;
    }
    let Some(ms) = std::env::var(TEST_SLOW_LOAD_ENV)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    else {
        return;
    };
    let until = Instant::now() + std::time::Duration::from_millis(ms);
    while Instant::now() < until && !loading.stopped() {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

impl Prepared {
    /// The App with its progress, the effects to run it with and the terminal if it is
    /// open; a database that cannot be opened is reported here (exit 1), once the
    /// terminal is given back.
    fn open(self, global: &GlobalArgs, report: Option<PathBuf>) -> Result<Opened, Failure> {
        let progress = self.progress.map_err(Failure::failed)?;
        let (app, effects) = open_progress(
            self.app,
            progress,
            &self.settings,
            global,
            self.sources,
            report,
        );
        Ok(Opened {
            app,
            effects,
            terminal: self.terminal,
        })
    }
}

/// A screen command ready to run.
struct Opened {
    app: App,
    effects: Effects,
    terminal: Option<OpenTerminal>,
}

impl Opened {
    fn run(self) -> Outcome {
        run_screens(self.app, self.effects, self.terminal)
    }
}

/// `prepdeck [PATH...]`: the browser.
pub fn browse(paths: &[PathBuf], global: &GlobalArgs) -> Outcome {
    let Some(prepared) = prepare(paths, global, true)? else {
        return Ok(ExitCode::SUCCESS);
    };
    prepared.open(global, None)?.run()
}

/// `prepdeck review`: today's queue, straight into the review screen; leaving it ends
/// the command.
pub fn review(args: &ReviewArgs, global: &GlobalArgs) -> Outcome {
    let Some(prepared) = prepare(&args.paths, global, false)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let nodes = topic_nodes(&prepared.app, &args.topics)?;
    let mut opened = prepared.open(global, None)?;
    let Opened { app, effects, .. } = &mut opened;
    effects.queue.limit = args.limit;
    if let Some(n) = args.new_cards {
        effects.queue.new_per_day = n;
    }
    effects.queue.cram = args.cram;
    effects.queue.flagged = args.flagged;
    app.set_review_typing(args.type_answers);
    // Several topics: review the first node that has something; one node is the usual case.
    let requests: Vec<ReviewRequest> = if nodes.is_empty() {
        vec![ReviewRequest {
            node: None,
            cram: args.cram,
        }]
    } else {
        nodes
            .into_iter()
            .map(|n| ReviewRequest {
                node: Some(n),
                cram: args.cram,
            })
            .collect()
    };
    let mut said = None;
    for request in &requests {
        match effects
            .start_review(app, request)
            .map_err(|e| Failure::failed(format!("{e:#}")))?
        {
            Msg::Message(text) => said = Some(text),
            ready => {
                app.update(ready, Instant::now());
                return opened.run();
            }
        }
    }
    // The terminal, if the progress of a large deck opened it, is given back first.
    drop(opened);
    super::say(said.as_deref().unwrap_or("nothing to review"));
    Ok(ExitCode::SUCCESS)
}

/// `prepdeck mock`: the setup screen, or straight into the questions when options say
/// enough.
pub fn mock(args: &MockArgs, global: &GlobalArgs) -> Outcome {
    if args.history {
        return super::data::mock_history(global);
    }
    if let Some(file) = &args.answers {
        return super::written::mock_answers(file, args, global);
    }
    let Some(prepared) = prepare(&args.paths, global, false)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let checked = topic_nodes(&prepared.app, &args.topics)?;
    let mut opened = prepared.open(global, args.report.clone())?;
    let app = &mut opened.app;
    let now = Instant::now();
    let defaults = app.mock_defaults().clone();
    if args.skips_setup() {
        let chosen = MockSettings {
            questions: args.questions.unwrap_or(defaults.questions),
            per_question: args.per_question.or(defaults.per_question),
            total: args.total,
            spoken: args.spoken,
            written: false,
            seed: args.seed.unwrap_or_else(time_seed),
            topics: args.topics.clone(),
            follow_ups: defaults.follow_ups && !args.no_follow_ups,
        };
        if !app.start_mock(chosen, checked, now) {
            return Err(Failure::failed(
                app.take_message()
                    .unwrap_or_else(|| "no questions to ask".to_string()),
            ));
        }
    } else {
        let settings = MockSettings {
            seed: time_seed(),
            topics: args.topics.clone(),
            follow_ups: defaults.follow_ups && !args.no_follow_ups,
            ..defaults
        };
        app.open_mock_setup(settings, checked, now);
    }
    opened.run()
}

/// `prepdeck stories`: the story bank screen, or the bank printed as markdown or JSON.
pub fn stories(args: &crate::cli::StoriesArgs, global: &GlobalArgs) -> Outcome {
    if args.markdown || args.json {
        let (_, _, deck) = super::settings_and_deck(&args.paths, global)?;
        let store = super::open_store(global)?;
        let stories = store.stories().map_err(Failure::failed)?;
        let text = if args.json {
            let json = serde_json::to_string_pretty(&stories)
                .map_err(|e| Failure::failed(format!("cannot write JSON: {e}")))?;
            crate::text::sanitize::escape_invisible_json(&json).into_owned() + "\n"
        } else {
            crate::text::sanitize::neutralize(&crate::export::stories::markdown(
                &stories,
                &deck.cards,
            ))
            .into_owned()
        };
        print!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    let Some(prepared) = prepare(&args.paths, global, false)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let mut opened = prepared.open(global, None)?;
    opened
        .app
        .update(crate::action::Action::OpenStories, Instant::now());
    opened.run()
}

/// `prepdeck stats --tui`.
pub fn stats_tui(args: &StatsArgs, global: &GlobalArgs) -> Outcome {
    let Some(prepared) = prepare(&args.paths, global, false)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let mut opened = prepared.open(global, None)?;
    let Opened { app, effects, .. } = &mut opened;
    let stats = effects.perform(app, crate::app::Effect::OpenStats, &mut Vec::new());
    if let Msg::Message(text) = stats {
        return Err(Failure::failed(text));
    }
    app.update(stats, Instant::now());
    opened.run()
}

/// A seed from the clock, for interviews that need not be repeatable.
fn time_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| {
            u64::try_from(d.as_nanos() & u128::from(u64::MAX)).unwrap_or(1)
        })
}
