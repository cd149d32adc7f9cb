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
use crate::load::ContentSource;
use crate::mock::MockSettings;

/// What every screen command starts from: the settings, the content's sources, an App
/// over the content, and the saved progress (or why it could not be read).
struct Prepared {
    settings: Settings,
    sources: Vec<ContentSource>,
    app: App,
    progress: crate::store::Result<Progress>,
}

/// Reads the settings, then parses the content while another thread opens the progress
/// database, so the first frame waits for the longer of the two, not for both.
fn prepare(paths: &[PathBuf], global: &GlobalArgs, browser: bool) -> Result<Prepared, Failure> {
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
    let (deck, progress) = std::thread::scope(|scope| {
        let progress = scope.spawn(|| read_progress(global));
        let deck = super::load_deck(&sources);
        let progress = progress
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (deck, progress)
    });
    let app = build_app(deck?, &settings, browser);
    Ok(Prepared {
        settings,
        sources,
        app,
        progress,
    })
}

impl Prepared {
    /// The App with its progress and the effects to run it with; a database that cannot
    /// be opened is reported here (exit 1).
    fn open(self, global: &GlobalArgs, report: Option<PathBuf>) -> Result<(App, Effects), Failure> {
        let progress = self.progress.map_err(Failure::failed)?;
        Ok(open_progress(
            self.app,
            progress,
            &self.settings,
            global,
            self.sources,
            report,
        ))
    }
}

/// `prepdeck [PATH...]`: the browser.
pub fn browse(paths: &[PathBuf], global: &GlobalArgs) -> Outcome {
    let (app, effects) = prepare(paths, global, true)?.open(global, None)?;
    run_screens(app, effects)
}

/// `prepdeck review`: today's queue, straight into the review screen; leaving it ends
/// the command.
pub fn review(args: &ReviewArgs, global: &GlobalArgs) -> Outcome {
    let prepared = prepare(&args.paths, global, false)?;
    let nodes = topic_nodes(&prepared.app, &args.topics)?;
    let (mut app, mut effects) = prepared.open(global, None)?;
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
            .start_review(&app, request)
            .map_err(|e| Failure::failed(format!("{e:#}")))?
        {
            Msg::Message(text) => said = Some(text),
            ready => {
                app.update(ready, Instant::now());
                return run_screens(app, effects);
            }
        }
    }
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
    let prepared = prepare(&args.paths, global, false)?;
    let checked = topic_nodes(&prepared.app, &args.topics)?;
    let (mut app, effects) = prepared.open(global, args.report.clone())?;
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
    run_screens(app, effects)
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
    let (mut app, effects) = prepare(&args.paths, global, false)?.open(global, None)?;
    app.update(crate::action::Action::OpenStories, Instant::now());
    run_screens(app, effects)
}

/// `prepdeck stats --tui`.
pub fn stats_tui(args: &StatsArgs, global: &GlobalArgs) -> Outcome {
    let (mut app, mut effects) = prepare(&args.paths, global, false)?.open(global, None)?;
    let opened = effects.perform(&app, crate::app::Effect::OpenStats, &mut Vec::new());
    if let Msg::Message(text) = opened {
        return Err(Failure::failed(text));
    }
    app.update(opened, Instant::now());
    run_screens(app, effects)
}

/// A seed from the clock, for interviews that need not be repeatable.
fn time_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| {
            u64::try_from(d.as_nanos() & u128::from(u64::MAX)).unwrap_or(1)
        })
}
