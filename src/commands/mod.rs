//! The subcommands, at the binary's edge: read settings and content, open the progress
//! database, run, print. Every command returns an `Outcome`; `finish` is the one place
//! a failure is printed and becomes an exit status (0 ok, 1 a problem found or an
//! operation failed, 2 a usage or config error).

pub mod check;
pub mod data;
pub mod export;
pub mod notes;
pub mod plan;
pub mod screens;
pub mod stats;
pub mod written;

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
use crate::store::{Store, label_of};
use crate::theme::Theme;

/// Why a command stopped: the exit status and the message for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub status: u8,
    pub message: String,
}

impl Failure {
    /// A usage or config error (exit status 2).
    pub fn usage(message: impl std::fmt::Display) -> Failure {
        Failure {
            status: 2,
            message: message.to_string(),
        }
    }

    /// A problem found or an operation that failed (exit status 1).
    pub fn failed(message: impl std::fmt::Display) -> Failure {
        Failure {
            status: 1,
            message: message.to_string(),
        }
    }
}

/// What a command ends with: its exit status, or why it failed.
pub type Outcome = Result<ExitCode, Failure>;

/// Prints a failure as `prepdeck: message` and gives the exit status; the only place
/// a command's failure reaches the terminal.
pub fn finish(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            warn(&format!("prepdeck: {}", failure.message));
            ExitCode::from(failure.status)
        }
    }
}

/// Prints a line for the person on standard output, made safe for a terminal.
pub fn say(text: &str) {
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stdout(),
        "{}",
        crate::text::sanitize::sanitize(text, true)
    );
}

/// Prints a warning line on standard error, made safe for a terminal.
pub fn warn(text: &str) {
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        crate::text::sanitize::sanitize(text, true)
    );
}

/// Settings every screen needs.
pub struct Settings {
    pub config: Config,
    pub theme: Theme,
    pub keymap: Keymap,
}

/// Reads the config, the keymap and the theme; any error is a usage error (2).
pub fn settings(global: &GlobalArgs) -> Result<Settings, Failure> {
    let (config, path) = Config::load(global.config.as_deref()).map_err(Failure::usage)?;
    let shown_path = path.clone().unwrap_or_else(|| PathBuf::from("config.toml"));
    let keymap = Keymap::from_config(&config, &shown_path).map_err(Failure::usage)?;
    let name = global.theme.clone().unwrap_or_else(|| config.theme.clone());
    let theme_dir = config::user_theme_dir(path.as_deref());
    let mut theme = Theme::load(&name, theme_dir.as_deref()).map_err(|mut err| {
        // An unknown name that came from the config file points at its `theme` line.
        if global.theme.is_none()
            && err.file == Path::new("--theme")
            && let Some(file) = &path
        {
            (err.line, err.column) = config.locate_key("theme");
            err.file.clone_from(file);
        }
        Failure::usage(err)
    })?;
    // NO_COLOR asks for no colour; a dumb terminal cannot show any.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    if no_color || dumb {
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

/// The settings and the content they name: the prologue of every command that reads
/// the cards. A missing path is a usage error (2).
pub fn settings_and_deck(
    paths: &[PathBuf],
    global: &GlobalArgs,
) -> Result<(Settings, Vec<ContentSource>, Deck), Failure> {
    let settings = settings(global)?;
    let sources = sources(paths, &settings.config);
    let deck = load_deck(&sources)?;
    Ok((settings, sources, deck))
}

/// Loads content; a missing path is a usage error (2).
pub fn load_deck(sources: &[ContentSource]) -> Result<Deck, Failure> {
    load::load(sources).map_err(Failure::usage)
}

/// An App over the content, with the config's defaults; `browser` says whether it
/// opens on the browser or on a screen a command opens itself.
pub fn build_app(deck: Deck, settings: &Settings, browser: bool) -> App {
    let problems = deck.warnings.len() + deck.errors.len();
    let theme = settings.theme.clone();
    let keymap = settings.keymap.clone();
    let app = if browser {
        App::new(deck, theme, keymap)
    } else {
        App::without_screens(deck, theme, keymap)
    };
    let mut app = app
        .with_day_start(settings.config.review.day_starts_at)
        .with_mock_defaults(MockSettings {
            questions: settings.config.mock.questions as usize,
            // Checked when the config was read.
            per_question: crate::mock::duration::parse(&settings.config.mock.per_question).ok(),
            follow_ups: settings.config.mock.follow_ups,
            ..MockSettings::default()
        });
    if problems > 0 {
        app.update(
            crate::app::Msg::Message(format!(
                "{problems} {} while reading the files: {} {}",
                if problems == 1 { "problem" } else { "problems" },
                if browser {
                    app.key_for(
                        crate::keymap::Context::Browse,
                        crate::action::Action::Problems,
                    )
                } else {
                    "`prepdeck check`".to_string()
                },
                if problems == 1 {
                    "lists it"
                } else {
                    "lists them"
                }
            )),
            std::time::Instant::now(),
        );
    }
    app
}

/// Opens the progress database in the data folder.
pub fn open_store(global: &GlobalArgs) -> Result<Store, Failure> {
    Store::open(global.data_dir.as_deref()).map_err(Failure::failed)
}

/// How review queues are built, from the config.
pub fn queue_options(config: &Config) -> QueueOptions {
    QueueOptions {
        new_per_day: config.review.new_per_day as usize,
        new_order: if config.review.new_order == "shuffled" {
            NewOrder::Shuffled {
                seed: crate::clock::now_unix().unsigned_abs(),
            }
        } else {
            NewOrder::Topic
        },
        include_unanswered: config.review.include_unanswered,
        ..QueueOptions::default()
    }
}

/// The progress database and what the screens read from it before the first frame.
pub struct Progress {
    store: Store,
    states: HashMap<String, CardState>,
    params: Option<Vec<f32>>,
    /// The person's own answers, by card id.
    notes: Vec<(String, String)>,
    stories: Vec<crate::store::Story>,
    /// The names saved for cards with progress (`label_of`), by card id.
    labels: HashMap<String, String>,
}

/// Opens the database and reads the saved progress. The error is returned rather than
/// printed, so this can run while the content is parsed and a content error still wins.
pub fn read_progress(global: &GlobalArgs) -> crate::store::Result<Progress> {
    let store = Store::open(global.data_dir.as_deref())?;
    let states = store.load_states()?;
    let params = store.fsrs_params()?;
    let notes = store
        .notes()?
        .into_iter()
        .map(|n| (n.card_id, n.text))
        .collect();
    let stories = store.stories()?;
    // A missing name costs only a resave at start; prune shows ids for what is not named.
    let labels = store.labels().unwrap_or_default();
    Ok(Progress {
        store,
        states,
        params,
        notes,
        stories,
        labels,
    })
}

/// Puts the saved progress into the App and builds the effects the screens run with.
pub fn open_progress(
    app: App,
    progress: Progress,
    settings: &Settings,
    global: &GlobalArgs,
    sources: Vec<ContentSource>,
    report: Option<PathBuf>,
) -> (App, Effects) {
    let mut store = progress.store;
    // Names for the cards with progress, so `prune` can name them once they are gone;
    // only the names not saved as they are now are written, so a large deck that did
    // not change writes nothing at start. Not being able to save them costs only that:
    // prune shows ids instead, and the first grade reports a database that refuses
    // writes, with what to do.
    let named: Vec<(&str, String)> = app
        .deck()
        .cards
        .iter()
        .filter(|c| progress.states.contains_key(&c.id))
        .filter_map(|c| {
            let label = label_of(&c.topic, &c.question);
            (progress.labels.get(&c.id) != Some(&label)).then_some((c.id.as_str(), label))
        })
        .collect();
    if !named.is_empty() {
        store.remember_labels(named).ok();
    }
    let mut app = app
        .with_states(progress.states)
        .with_notes(progress.notes)
        .with_stories(progress.stories);
    let scheduler = Scheduler::new(progress.params, settings.config.review.desired_retention)
        .with_day_shift(crate::clock::day_shift(
            crate::clock::now_unix(),
            settings.config.review.day_starts_at,
        ));
    let mut queue = queue_options(&settings.config);
    // A plan to an interview date sets new cards a day, puts its own new cards first,
    // sweeps in its last days, and gives the browser its header line. One that cannot be worked out costs only
    // that, and says why.
    let planned = crate::effects::read_plan(
        &store,
        app.deck(),
        app.states(),
        &scheduler,
        queue.include_unanswered,
        app.unix_now(),
        false,
    );
    match planned {
        Ok(Some(planned)) => {
            if let Some((new_per_day, plan)) = planned.queue() {
                queue.new_per_day = new_per_day;
                queue.plan = Some(plan);
            }
            app = app.with_plan(planned.tracker(&scheduler));
        }
        Ok(None) => {}
        Err(err) => {
            app.update(
                crate::app::Msg::Message(format!("the plan could not be read: {err:#}")),
                std::time::Instant::now(),
            );
        }
    }
    let effects = Effects {
        store,
        scheduler,
        options: RunOptions {
            data_dir: global.data_dir.clone(),
            report,
        },
        queue,
        two_button: settings.config.review.two_button,
        sources,
    };
    (app, effects)
}

/// Runs the screens and prints what the person should know afterwards.
pub fn run_screens(
    mut app: App,
    mut effects: Effects,
    terminal: Option<crate::tui::OpenTerminal>,
) -> Outcome {
    let notes = crate::tui::run(&mut app, &mut effects, terminal)
        .map_err(|e| Failure::failed(format!("{e:#}")))?;
    for note in notes {
        say(&note);
    }
    match app.grades_lost() {
        0 => Ok(ExitCode::SUCCESS),
        1 => Err(Failure::failed(
            "1 grade was NOT saved: the disk refused it",
        )),
        n => Err(Failure::failed(format!(
            "{n} grades were NOT saved: the disk refused them"
        ))),
    }
}

/// Tree nodes for `--topic` names; an unknown name is a usage error naming it.
pub fn topic_nodes(app: &App, names: &[String]) -> Result<Vec<usize>, Failure> {
    topic_nodes_in(&app.deck().tree, names)
}

/// `topic_nodes` over a tree, for commands that open no screen.
pub fn topic_nodes_in(
    tree: &crate::tree::TopicTree,
    names: &[String],
) -> Result<Vec<usize>, Failure> {
    let mut nodes = Vec::new();
    for name in names {
        let found = tree.named(name);
        if found.is_empty() {
            return Err(Failure::usage(format!(
                "no topic matches `{name}`; topics include: {}",
                tree.first_names(8).join(", ")
            )));
        }
        nodes.extend(found);
    }
    Ok(nodes)
}

/// The subcommand `word` was probably meant as: one within two edits of it.
pub fn did_you_mean(word: &str) -> Option<String> {
    use clap::CommandFactory;
    if word.contains(['/', '.']) || word.len() < 3 {
        return None;
    }
    let command = crate::cli::Cli::command();
    command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .map(|name| (edit_distance(word, &name), name))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, name)| name)
}

/// Levenshtein distance between two short words.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
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
