//! The integration tests that need no terminal of their own, in one test binary so CI
//! links once instead of once per file. The pseudo-terminal tests (`e2e_*`, `hostile`)
//! stay separate binaries.

#[path = "../common/mod.rs"]
mod common;

mod anki_pin;
mod bank;
mod bench_corpus;
mod browser;
mod cli;
mod cli_answers;
mod cli_check;
mod cli_errors;
mod cli_export;
mod corpora;
mod delimited;
mod every_screen_sizes;
mod help;
mod hint_quality;
mod hint_screens;
mod import_layouts;
mod layouts;
mod mock;
mod no_panic;
mod notes;
mod notes_layouts;
mod outline_load;
mod own_answers;
mod plan;
mod review;
mod search_slices;
mod stats;
mod stories;
mod watched_load;
