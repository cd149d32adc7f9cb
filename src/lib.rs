//! prepdeck: a terminal study app for DevOps, SRE and platform-engineering interviews.
//!
//! The map, domain first (none of these knows the terminal):
//! - `model`, `ids`, `text`, `tree`: cards, their stable ids, text clean-up, the topic tree.
//! - `parse` (each layout a file), `load` (files and folders into a `Deck`), `check`
//!   (`prepdeck check`'s report), `export` (Anki, markdown, JSON, progress CSV).
//! - `schedule` (FSRS behind learning steps), `store` (the SQLite progress database),
//!   `review` (queues, a sitting as a state machine, its summary), `mock` (choosing,
//!   timing, recording and reporting a mock interview, and judging written answers),
//!   `hint` (the coverage hint: which key points an answer covers, and which claims to
//!   check), `stats`, `plan` (new cards a day, readiness and mocks toward an interview
//!   date), `search` (fuzzy and all-fields search over the deck), `clock`.
//! - `config`, `keymap` (bindings as data and the words that describe them per screen),
//!   `theme` (semantic styles as data).
//!
//! Then the app and its edges:
//! - `action` (the vocabulary of everything a person can ask), `app` (the state, and
//!   `App::update`, the only code that changes it), `ui` (`draw(frame, &App, &mut View)`),
//!   `effects` (the I/O the app asks for, answered as messages), `note_edit` (an own
//!   answer in the person's editor), `notes_file` (own answers imported from markdown),
//!   `tui` (the terminal loop), `cli` and `commands` (the binary's subcommands and its
//!   one error type).
pub mod action;
pub mod app;
pub mod check;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod effects;
pub mod export;
pub mod hint;
pub mod ids;
pub mod keymap;
pub mod load;
pub mod mock;
pub mod model;
pub mod note_edit;
pub mod notes_file;
pub mod parse;
pub mod plan;
pub mod review;
pub mod schedule;
pub mod search;
pub mod stats;
pub mod store;
pub mod text;
pub mod theme;
pub mod tree;
pub mod tui;
pub mod ui;
