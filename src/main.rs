//! The `prepdeck` binary: parses the command line and runs the chosen command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use prepdeck::app::App;
use prepdeck::check::{self, CheckReport};
use prepdeck::cli::{CheckArgs, Cli, Command, ConfigArgs, GlobalArgs};
use prepdeck::config::{self, Config, ConfigError};
use prepdeck::keymap::Keymap;
use prepdeck::load::{self, ContentSource, Deck};
use prepdeck::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => run_check(&args),
        Some(Command::Config(args)) => run_config(&args, &cli.global),
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

fn run_browse(paths: &[PathBuf], global: &GlobalArgs) -> ExitCode {
    let (config, theme, keymap) = match settings(global) {
        Ok(s) => s,
        Err(code) => return code,
    };
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
    let deck = match load_or_exit(&sources) {
        Ok(deck) => deck,
        Err(code) => return code,
    };
    let problems = deck.warnings.len() + deck.errors.len();
    let mut app = App::new(deck, theme, keymap);
    if problems > 0 {
        app.message = Some(format!(
            "{problems} problems while reading the files: `prepdeck check` lists them"
        ));
    }
    match prepdeck::tui::run(&mut app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("prepdeck: {err:#}");
            ExitCode::from(1)
        }
    }
}
