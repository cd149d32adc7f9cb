//! prepdeck: a terminal study app for DevOps, SRE and platform-engineering interviews.
//!
//! The domain (`model`, `parse`, `load`, `tree`, `ids`, `text`) knows nothing of the
//! terminal; `app` holds the browser's state and `update`, `ui` draws it, `tui` runs it in a
//! real terminal; the command line lives in `cli`, the subcommands in `commands`, the
//! report of `prepdeck check` in `check` and the exporters (Anki, markdown, JSON, progress
//! CSV) in `export`.
pub mod action;
pub mod app;
pub mod check;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod effects;
pub mod export;
pub mod ids;
pub mod keymap;
pub mod load;
pub mod mock;
pub mod model;
pub mod parse;
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
