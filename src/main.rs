//! The `prepdeck` binary: parses the command line and runs the chosen command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use prepdeck::app::App;
use prepdeck::check::{self, CheckReport};
use prepdeck::cli::{CheckArgs, Cli, Command, ConfigArgs, GlobalArgs, MockArgs};
use prepdeck::config::{self, Config, ConfigError};
use prepdeck::effects::{Effects, RunOptions};
use prepdeck::keymap::Keymap;
use prepdeck::load::{self, ContentSource, Deck};
use prepdeck::mock::MockSettings;
use prepdeck::schedule::Scheduler;
use prepdeck::store::Store;
use prepdeck::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => run_check(&args),
        Some(Command::Config(args)) => run_config(&args, &cli.global),
        Some(Command::Mock(args)) => run_mock(&args, &cli.global),
        None => run_browse(&cli.paths, &cli.global),
    }
}

/// The sources for a list of paths: the bundled questions when none is given.
fn sources(paths: &[PathBuf]) -> Vec<ContentSource> {
    if paths.is_empty() {
        vec![ContentSource::Bundled]
    } else {
        paths.iter().cloned().map(ContentSource::Path).collect()
    }
}

fn load_or_exit(sources: &[ContentSource]) -> Result<Deck, ExitCode> {
    load::load(sources).map_err(|err| {
        eprintln!("prepdeck: {err}");
        ExitCode::from(2)
    })
}

fn config_error(err: &ConfigError) -> ExitCode {
    eprintln!("prepdeck: {err}");
    ExitCode::from(2)
}

fn run_check(args: &CheckArgs) -> ExitCode {
    let deck = match load_or_exit(&sources(&args.paths)) {
        Ok(deck) => deck,
        Err(code) => return code,
    };
    if args.json {
        let report = CheckReport::new(&deck);
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(err) => {
                eprintln!("prepdeck: cannot write JSON: {err}");
                return ExitCode::from(1);
            }
        }
    } else {
        print!("{}", check::human_report(&deck));
    }
    ExitCode::from(check::exit_status(&deck, args.strict))
}

fn run_config(args: &ConfigArgs, global: &GlobalArgs) -> ExitCode {
    if args.default {
        print!("{}", config::default_text());
        return ExitCode::SUCCESS;
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
            println!("config file: {shown}");
            println!("print a complete default config with: prepdeck config --default");
            ExitCode::SUCCESS
        }
        Err(err) => config_error(&err),
    }
}

/// Everything the browser needs from the config: settings, theme and keys.
fn settings(global: &GlobalArgs) -> Result<(Config, Theme, Keymap), ExitCode> {
    let (config, path) = Config::load(global.config.as_deref()).map_err(|e| config_error(&e))?;
    let shown_path = path.clone().unwrap_or_else(|| PathBuf::from("config.toml"));
    let keymap = Keymap::from_config(&config, &shown_path).map_err(|e| config_error(&e))?;
    let name = global.theme.clone().unwrap_or_else(|| config.theme.clone());
    let theme_dir = config::user_theme_dir(path.as_deref());
    let mut theme = Theme::load(&name, theme_dir.as_deref()).map_err(|e| config_error(&e))?;
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        theme = theme.without_colors();
    }
    Ok((config, theme, keymap))
}

/// Loads the content and settings and builds the App, or says why it cannot.
fn build_app(paths: &[PathBuf], global: &GlobalArgs) -> Result<(App, Config), ExitCode> {
    let (config, theme, keymap) = settings(global)?;
    let mut sources = Vec::new();
    if paths.is_empty() {
        if config.show_bundled {
            sources.push(ContentSource::Bundled);
        }
        sources.extend(
            config
                .content_dirs
                .iter()
                .map(|d| ContentSource::Path(config::expand_home(d))),
        );
    } else {
        sources.extend(paths.iter().cloned().map(ContentSource::Path));
    }
    let deck = load_or_exit(&sources)?;
    let problems = deck.warnings.len() + deck.errors.len();
    let mut app = App::new(deck, theme, keymap);
    app.mock_defaults = MockSettings {
        questions: config.mock.questions as usize,
        per_question: prepdeck::mock::duration::parse(&config.mock.per_question).ok(),
        ..MockSettings::default()
    };
    if problems > 0 {
        app.message = Some(format!(
            "{problems} problems while reading the files: `prepdeck check` lists them"
        ));
    }
    Ok((app, config))
}

/// Opens the progress database and loads every card's state into the app.
fn open_progress(app: &mut App, config: &Config, options: RunOptions) -> Result<Effects, ExitCode> {
    let fail = |err: &dyn std::fmt::Display| {
        eprintln!("prepdeck: {err}");
        ExitCode::from(1)
    };
    let store = Store::open(options.data_dir.as_deref()).map_err(|e| fail(&e))?;
    let states = store.load_states().map_err(|e| fail(&e))?;
    let params = store.fsrs_params().map_err(|e| fail(&e))?;
    let now = prepdeck::clock::now_unix();
    app.set_states(states, now, prepdeck::clock::local_offset(now));
    Ok(Effects {
        store,
        scheduler: Scheduler::new(params, config.review.desired_retention),
        options,
    })
}

/// Runs the screens and prints what the person should know afterwards.
fn run_screens(app: &mut App, config: &Config, options: RunOptions) -> ExitCode {
    match open_progress(app, config, options) {
        Ok(mut effects) => run_with(app, &mut effects),
        Err(code) => code,
    }
}

/// Runs the screens with the progress database open.
fn run_with(app: &mut App, effects: &mut Effects) -> ExitCode {
    match prepdeck::tui::run(app, effects) {
        Ok(notes) => {
            for note in notes {
                println!("{note}");
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("prepdeck: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run_browse(paths: &[PathBuf], global: &GlobalArgs) -> ExitCode {
    let (mut app, config) = match build_app(paths, global) {
        Ok(built) => built,
        Err(code) => return code,
    };
    let options = RunOptions {
        data_dir: global.data_dir.clone(),
        report: None,
    };
    run_screens(&mut app, &config, options)
}

fn run_mock(args: &MockArgs, global: &GlobalArgs) -> ExitCode {
    let options = RunOptions {
        data_dir: global.data_dir.clone(),
        report: args.report.clone(),
    };
    if args.history {
        return mock_history(&options);
    }
    let (mut app, config) = match build_app(&args.paths, global) {
        Ok(built) => built,
        Err(code) => return code,
    };
    let mut checked = Vec::new();
    for name in &args.topics {
        let found = app.topic_nodes(name);
        if found.is_empty() {
            eprintln!(
                "prepdeck: no topic matches `{name}`; topics include: {}",
                app.topic_names(8).join(", ")
            );
            return ExitCode::from(2);
        }
        checked.extend(found);
    }
    let mut effects = match open_progress(&mut app, &config, options) {
        Ok(effects) => effects,
        Err(code) => return code,
    };
    let now = std::time::Instant::now();
    if args.skips_setup() {
        let defaults = app.mock_defaults.clone();
        let settings = MockSettings {
            questions: args.questions.unwrap_or(defaults.questions).max(1),
            per_question: args.per_question.or(defaults.per_question),
            total: args.total,
            spoken: args.spoken,
            seed: args.seed.unwrap_or_else(time_seed),
            topics: args.topics.clone(),
        };
        if !app.start_mock(settings, checked, now) {
            eprintln!(
                "prepdeck: {}",
                app.message.as_deref().unwrap_or("no questions to ask")
            );
            return ExitCode::from(1);
        }
    } else {
        app.mock_defaults.seed = time_seed();
        app.open_mock(now);
    }
    run_with(&mut app, &mut effects)
}

/// A seed from the clock, for interviews that need not be repeatable.
fn time_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}

/// Lists past mock interviews, newest first, from the progress database.
fn mock_history(options: &RunOptions) -> ExitCode {
    let store = match Store::open(options.data_dir.as_deref()) {
        Ok(store) => store,
        Err(err) => {
            eprintln!("prepdeck: {err}");
            return ExitCode::from(1);
        }
    };
    let mut mocks = match store.mocks() {
        Ok(mocks) => mocks,
        Err(err) => {
            eprintln!("prepdeck: {err}");
            return ExitCode::from(1);
        }
    };
    if mocks.is_empty() {
        println!("no mock interviews yet: start one with `prepdeck mock`");
        return ExitCode::SUCCESS;
    }
    mocks.sort_by_key(|m| std::cmp::Reverse(m.started_at));
    println!(
        "{:<16}  {:>9}  {:>5}  {:<8}  report",
        "started", "questions", "score", "state"
    );
    for m in mocks {
        let offset = prepdeck::clock::local_offset(m.started_at);
        println!(
            "{:<16}  {:>9}  {:>5}  {:<8}  {}",
            prepdeck::clock::date_time(m.started_at, offset),
            m.answers.len(),
            m.score.map_or("—".to_string(), |s| format!("{s:.0}")),
            if m.aborted { "aborted" } else { "finished" },
            m.report_path.as_deref().unwrap_or("—"),
        );
    }
    ExitCode::SUCCESS
}
