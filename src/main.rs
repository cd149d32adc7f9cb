//! The `prepdeck` binary: parses the command line and hands it to `commands`.

use std::process::ExitCode;

use clap::Parser;
use prepdeck::cli::{Cli, Command};
use prepdeck::commands::{self, check, data, export, notes, plan, screens, stats};
use prepdeck::store::Store;

/// Loading allocates hundreds of thousands of small strings on two threads at once.
/// mimalloc serves them from per-thread pages in large, rarely faulted segments; with
/// the system allocator the same work took a third longer, much of it in page faults
/// and heap growth (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    restore_sigpipe();
    let mut cli = Cli::parse();
    // The data folder is resolved once, here; everything after uses this one.
    cli.global.data_dir = cli.global.data_dir.take().or_else(Store::default_dir);
    let global = &cli.global;
    commands::finish(match &cli.command {
        None => screens::browse(&cli.paths, global),
        Some(Command::Check(args)) => check::run(args, global),
        Some(Command::Review(args)) => screens::review(args, global),
        Some(Command::Mock(args)) => screens::mock(args, global),
        Some(Command::Stats(args)) => stats::run(args, global),
        Some(Command::Plan(args)) => plan::run(args, global),
        Some(Command::Optimize(args)) => data::optimize_cmd(args, global),
        Some(Command::Prune(args)) => data::prune(args, global),
        Some(Command::Backup(args)) => data::backup(args, global),
        Some(Command::Restore(args)) => data::restore_cmd(args, global),
        Some(Command::Config(args)) => data::config(args, global),
        Some(Command::Export(args)) => export::run(args, global),
        Some(Command::Notes(args)) => notes::run(args, global),
        Some(Command::Stories(args)) => screens::stories(args, global),
        Some(Command::Completions(args)) => data::completions(args.shell),
        Some(Command::Man) => data::man_page(),
    })
}

/// Rust ignores SIGPIPE, so `prepdeck check | head` would panic writing to a closed pipe.
/// Like other command-line tools, prepdeck ends quietly instead.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; it only resets the
    // disposition of SIGPIPE to the default.
    #[allow(unsafe_code)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
