//! The commands that open screens: the browser, a review, a mock interview, the stats.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::{
    Progress, Settings, build_app, fail, load_deck, open_progress, read_progress, run_screens,
    settings, sources, topic_nodes,
};
use crate::app::{App, ReviewRequest};
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
fn prepare(paths: &[PathBuf], global: &GlobalArgs) -> Result<Prepared, ExitCode> {
    let settings = settings(global)?;
    let sources = sources(paths, &settings.config);
    // A path that is not there is a usage error: say so before a database is made.
    crate::load::check_paths(&sources).map_err(|err| fail(2, err))?;
    let (deck, progress) = std::thread::scope(|scope| {
        let progress = scope.spawn(|| read_progress(global));
        let deck = load_deck(&sources);
        let progress = progress
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (deck, progress)
    });
    let app = build_app(deck?, &settings);
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
    fn open(
        self,
        global: &GlobalArgs,
        report: Option<PathBuf>,
    ) -> Result<(App, Effects), ExitCode> {
        let progress = self.progress.map_err(|e| fail(1, e))?;
        let mut app = self.app;
        let effects = open_progress(
            &mut app,
            progress,
            &self.settings,
            global,
            self.sources,
            report,
        );
        Ok((app, effects))
    }
}

/// `prepdeck [PATH...]`: the browser.
pub fn browse(paths: &[PathBuf], global: &GlobalArgs) -> ExitCode {
    match prepare(paths, global).and_then(|p| p.open(global, None)) {
        Ok((app, effects)) => run_screens(app, effects),
        Err(code) => code,
    }
}

/// `prepdeck review`: today's queue, straight into the review screen.
pub fn review(args: &ReviewArgs, global: &GlobalArgs) -> ExitCode {
    let prepared = match prepare(&args.paths, global) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let nodes = match topic_nodes(&prepared.app, &args.topics) {
        Ok(nodes) => nodes,
        Err(code) => return code,
    };
    let (mut app, mut effects) = match prepared.open(global, None) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    effects.queue.limit = args.limit;
    if let Some(n) = args.new_cards {
        effects.queue.new_per_day = n;
    }
    effects.queue.cram = args.cram;
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
    for request in &requests {
        if let Err(err) = effects.start_review(&mut app, request) {
            return fail(1, format!("{err:#}"));
        }
        if matches!(app.screen, crate::app::Screen::Review(_)) {
            return run_screens(app, effects);
        }
    }
    println!("{}", app.message.as_deref().unwrap_or("nothing to review"));
    ExitCode::SUCCESS
}

/// `prepdeck mock`: the setup screen, or straight into the questions when options say
/// enough.
pub fn mock(args: &MockArgs, global: &GlobalArgs) -> ExitCode {
    if args.history {
        return super::data::mock_history(global);
    }
    let prepared = match prepare(&args.paths, global) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let checked = match topic_nodes(&prepared.app, &args.topics) {
        Ok(nodes) => nodes,
        Err(code) => return code,
    };
    let (mut app, effects) = match prepared.open(global, args.report.clone()) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let now = Instant::now();
    if args.skips_setup() {
        let defaults = app.mock_defaults.clone();
        let chosen = MockSettings {
            questions: args.questions.unwrap_or(defaults.questions).max(1),
            per_question: args.per_question.or(defaults.per_question),
            total: args.total,
            spoken: args.spoken,
            seed: args.seed.unwrap_or_else(time_seed),
            topics: args.topics.clone(),
        };
        if !app.start_mock(chosen, checked, now) {
            return fail(1, app.message.as_deref().unwrap_or("no questions to ask"));
        }
    } else {
        app.mock_defaults.seed = time_seed();
        app.open_mock(now);
    }
    run_screens(app, effects)
}

/// `prepdeck stats --tui`.
pub fn stats_tui(args: &StatsArgs, global: &GlobalArgs) -> ExitCode {
    let (mut app, mut effects) =
        match prepare(&args.paths, global).and_then(|p| p.open(global, None)) {
            Ok(opened) => opened,
            Err(code) => return code,
        };
    let mut notes = Vec::new();
    if let Err(err) = effects.perform(&mut app, crate::app::Effect::OpenStats, &mut notes) {
        return fail(1, format!("{err:#}"));
    }
    run_screens(app, effects)
}

/// A seed from the clock, for interviews that need not be repeatable.
fn time_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}
