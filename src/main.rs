//! The `prepdeck` binary: parses the command line and runs the chosen command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use prepdeck::check::{self, CheckReport};
use prepdeck::cli::{CheckArgs, Cli, Command};
use prepdeck::load::{self, ContentSource, Deck};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => run_check(&args),
        None => run_check(&CheckArgs {
            paths: cli.paths,
            json: false,
            strict: false,
        }),
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

fn load_or_exit(paths: &[PathBuf]) -> Result<Deck, ExitCode> {
    load::load(&sources(paths)).map_err(|err| {
        eprintln!("prepdeck: {err}");
        ExitCode::from(2)
    })
}

fn run_check(args: &CheckArgs) -> ExitCode {
    let deck = match load_or_exit(&args.paths) {
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
