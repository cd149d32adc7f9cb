//! The subcommands, at the binary's edge: read settings and content, open the progress
//! database, run, print. Errors become messages and exit statuses here (0 ok, 1 a
//! problem found or an operation failed, 2 a usage or config error).

pub mod check;
pub mod data;
pub mod export;
pub mod screens;
pub mod stats;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::app::App;
use crate::cli::GlobalArgs;
use crate::config::{self, Config};
use crate::effects::{Effects, RunOptions};
use crate::keymap::Keymap;
use crate::load::{self, ContentSource, Deck};
use crate::mock::MockSettings;
use crate::review::{NewOrder, QueueOptions};
use crate::schedule::{CardState, Scheduler};
use crate::store::Store;
use crate::theme::Theme;

/// Prints `prepdeck: message` to stderr and gives the exit status.
pub fn fail(code: u8, message: impl std::fmt::Display) -> ExitCode {
    eprintln!("prepdeck: {message}");
    ExitCode::from(code)
}

/// Settings every screen needs.
pub struct Settings {
    pub config: Config,
    pub theme: Theme,
    pub keymap: Keymap,
}

/// Reads the config, the keymap and the theme; any error is a usage error (2).
pub fn settings(global: &GlobalArgs) -> Result<Settings, ExitCode> {
    let (config, path) = Config::load(global.config.as_deref()).map_err(|e| fail(2, e))?;
    let shown_path = path.clone().unwrap_or_else(|| PathBuf::from("config.toml"));
    let keymap = Keymap::from_config(&config, &shown_path).map_err(|e| fail(2, e))?;
    let name = global.theme.clone().unwrap_or_else(|| config.theme.clone());
    let theme_dir = config::user_theme_dir(path.as_deref());
    let mut theme = Theme::load(&name, theme_dir.as_deref()).map_err(|mut err| {
        // An unknown name that came from the config file points at its `theme` line.
        if global.theme.is_none()
            && err.file == Path::new("--theme")
            && let Some(file) = &path
        {
            (err.line, err.column) = config.locate_key("theme");
            err.file = file.clone();
        }
        fail(2, err)
    })?;
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        theme = theme.without_colors();
    }
    Ok(Settings {
        config,
        theme,
        keymap,
    })
}

/// What to read: the paths given, else the bundled bank (unless the config hides it)
/// and the config's `content_dirs`.
pub fn sources(paths: &[PathBuf], config: &Config) -> Vec<ContentSource> {
    if !paths.is_empty() {
        return paths.iter().cloned().map(ContentSource::Path).collect();
    }
    let mut sources = Vec::new();
    if config.show_bundled {
        sources.push(ContentSource::Bundled);
    }
    sources.extend(
        config
            .content_dirs
            .iter()
            .map(|d| ContentSource::Path(config::expand_home(d))),
    );
    sources
}

/// Loads content; a missing path is a usage error (2).
pub fn load_deck(sources: &[ContentSource]) -> Result<Deck, ExitCode> {
    load::load(sources).map_err(|err| fail(2, err))
}

/// An App over the content, with the config's defaults.
pub fn build_app(deck: Deck, settings: &Settings) -> App {
    let problems = deck.warnings.len() + deck.errors.len();
    let mut app = App::new(deck, settings.theme.clone(), settings.keymap.clone());
    app.mock_defaults = MockSettings {
        questions: settings.config.mock.questions as usize,
        per_question: crate::mock::duration::parse(&settings.config.mock.per_question).ok(),
        ..MockSettings::default()
    };
    if problems > 0 {
        app.message = Some(format!(
            "{problems} problems while reading the files: `prepdeck check` lists them"
        ));
    }
    app
}

/// The data folder: `--data-dir` / `PREPDECK_DATA_DIR`, else the platform's.
pub fn open_store(global: &GlobalArgs) -> Result<Store, ExitCode> {
    Store::open(global.data_dir.as_deref()).map_err(|e| fail(1, e))
}

/// How review queues are built, from the config.
pub fn queue_options(config: &Config) -> QueueOptions {
    QueueOptions {
        new_per_day: config.review.new_per_day as usize,
        new_order: if config.review.new_order == "shuffled" {
            NewOrder::Shuffled {
                seed: crate::clock::now_unix() as u64,
            }
        } else {
            NewOrder::Topic
        },
        include_unanswered: config.review.include_unanswered,
        ..QueueOptions::default()
    }
}

/// Opens the progress database, loads every card's state into the app and returns the
/// runtime's effects performer.
/// The progress database and what the screens read from it before the first frame.
pub struct Progress {
    store: Store,
    states: HashMap<String, CardState>,
    params: Option<Vec<f32>>,
}

/// Opens the database and reads the saved progress. The error is returned rather than
/// printed, so this can run while the content is parsed and a content error still wins.
pub fn read_progress(global: &GlobalArgs) -> crate::store::Result<Progress> {
    let store = Store::open(global.data_dir.as_deref())?;
    let states = store.load_states()?;
    let params = store.fsrs_params()?;
    Ok(Progress {
        store,
        states,
        params,
    })
}

/// Puts the saved progress into the App and builds the effects the screens run with.
pub fn open_progress(
    app: &mut App,
    progress: Progress,
    settings: &Settings,
    global: &GlobalArgs,
    sources: Vec<ContentSource>,
    report: Option<PathBuf>,
) -> Effects {
    let now = crate::clock::now_unix();
    app.set_states(progress.states, now, crate::clock::local_offset(now));
    Effects {
        store: progress.store,
        scheduler: Scheduler::new(progress.params, settings.config.review.desired_retention),
        options: RunOptions {
            data_dir: global.data_dir.clone(),
            report,
        },
        queue: queue_options(&settings.config),
        two_button: settings.config.review.two_button,
        sources,
    }
}

/// Runs the screens and prints what the person should know afterwards.
pub fn run_screens(mut app: App, mut effects: Effects) -> ExitCode {
    let status = match crate::tui::run(&mut app, &mut effects) {
        Ok(notes) => {
            for note in notes {
                println!("{note}");
            }
            ExitCode::SUCCESS
        }
        Err(err) => fail(1, format!("{err:#}")),
    };
    // The progress database is closed properly; the App is pure state, and freeing
    // its tens of thousands of small strings one by one would take longer than the
    // system needs to reclaim them at exit.
    drop(effects);
    std::mem::forget(app);
    status
}

/// Tree nodes for `--topic` names; an unknown name is a usage error naming it.
pub fn topic_nodes(app: &App, names: &[String]) -> Result<Vec<usize>, ExitCode> {
    let mut nodes = Vec::new();
    for name in names {
        let found = app.topic_nodes(name);
        if found.is_empty() {
            return Err(fail(
                2,
                format!(
                    "no topic matches `{name}`; topics include: {}",
                    app.topic_names(8).join(", ")
                ),
            ));
        }
        nodes.extend(found);
    }
    Ok(nodes)
}

/// Asks a yes/no question on the terminal; anything but y/yes is no.
pub fn confirm(question: &str) -> bool {
    use std::io::{BufRead, Write};
    print!("{question} [y/N] ");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).is_ok()
        && matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}
