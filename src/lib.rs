//! prepdeck: a terminal study app for DevOps, SRE and platform-engineering interviews.
//!
//! The domain (`model`, `parse`, `load`, `tree`, `ids`, `text`) knows nothing of the
//! terminal; the command line lives in `cli`, the report of `prepdeck check` in `check` and the
//! exporters (Anki, markdown, JSON, progress CSV) in `export`.

pub mod check;
pub mod cli;
pub mod export;
pub mod ids;
pub mod load;
pub mod model;
pub mod parse;
pub mod text;
pub mod tree;
