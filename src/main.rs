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
        Some(Command::Export(args)) => run_export(&args),
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

/// `prepdeck export`: load, convert, write to `--out` or stdout. Load problems go to
/// stderr; the export still happens with the cards that were read, and load errors make
/// the exit status 1, as in `check`.
fn run_export(args: &prepdeck::cli::ExportArgs) -> ExitCode {
    use prepdeck::export::{self, Format};
    let deck = match load_or_exit(&args.paths) {
        Ok(deck) => deck,
        Err(code) => return code,
    };
    for d in deck.errors.iter().chain(&deck.warnings) {
        eprintln!("{d}");
    }
    let text = match args.format {
        Format::Anki => export::anki::export(&deck.cards),
        Format::Markdown => export::markdown::export(&deck.cards),
        Format::Report => export::report::export(&deck.cards, &|_| None),
        Format::Json => match export::json(&deck) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("prepdeck: cannot write JSON: {err}");
                return ExitCode::from(1);
            }
        },
    };
    let written = match &args.out {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display())),
        None => {
            use std::io::Write as _;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| e.to_string())
        }
    };
    match written {
        Ok(()) => ExitCode::from(check::exit_status(&deck, false)),
        Err(err) => {
            eprintln!("prepdeck: cannot write the export: {err}");
            ExitCode::from(1)
        }
    }
}
