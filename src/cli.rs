//! The command line: every subcommand and flag, with the help text people read.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Study for senior DevOps, SRE and platform-engineering interviews in your terminal.
#[derive(Debug, Parser)]
#[command(
    name = "prepdeck",
    version,
    about,
    long_about = "Study for senior DevOps, SRE and platform-engineering interviews in your terminal.\n\n\
        Without a subcommand, prepdeck opens the full-screen browser on the bundled question \
        bank, or on the markdown files and folders you name.",
    after_help = "Examples:\n  prepdeck                      browse the bundled questions\n  \
        prepdeck ~/notes/interviews   browse your own markdown files\n  \
        prepdeck check --strict notes check files and list every problem"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Question files or folders to open (default: the bundled questions).
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Options every subcommand understands.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Config file to use [default: config.toml in the platform config folder].
    #[arg(long, global = true, env = "PREPDECK_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Folder for the progress database [default: the platform data folder].
    #[arg(long, global = true, env = "PREPDECK_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Colour theme by name (default, light, high-contrast, colorblind, or your own).
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse question files and report layouts, cards and problems.
    #[command(
        after_help = "Exit status: 0 when fine (warnings allowed), 1 on errors (or warnings with \
        --strict), 2 on usage errors.\n\nExamples:\n  prepdeck check\n  prepdeck check --strict content/\n  \
        prepdeck check --json notes/ > cards.json"
    )]
    Check(CheckArgs),

    /// Write the cards to Anki, canonical markdown, JSON or a progress CSV.
    #[command(
        after_help = "Formats:\n  anki      tab-separated notes for Anki's File > Import (front, back, tags)\n  \
        markdown  prepdeck's canonical layout: convert an imported bank once, then edit it\n  \
        json      the cards as `prepdeck check --json` prints them\n  \
        report    each card's progress as CSV (id, topic, question, state, due, reps, lapses, last grade)\n\n\
        Problems in the files go to stderr; the cards that were read are still exported. Exit \
        status: 0 when fine, 1 on errors in the files or when the output cannot be written, \
        2 on usage errors.\n\n\
        Examples:\n  prepdeck export --format anki --out deck.txt notes/\n  \
        prepdeck export --format markdown --out k8s.md downloaded/README.md\n  \
        prepdeck export --format report > progress.csv"
    )]
    Export(ExportArgs),
}

/// `prepdeck export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: crate::export::Format,

    /// File to write [default: standard output].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Files or folders to export, read recursively (default: the bundled questions).
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check, read recursively (default: the bundled questions).
    pub paths: Vec<PathBuf>,

    /// Print one JSON document (files, topics, cards, warnings, errors) instead of text.
    #[arg(long)]
    pub json: bool,

    /// Treat warnings as errors: exit 1 if there is any.
    #[arg(long)]
    pub strict: bool,
}
