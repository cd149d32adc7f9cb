//! prepdeck: a terminal study app for DevOps, SRE and platform-engineering interviews.
//!
//! The domain (`model`, `parse`, `load`, `tree`, `ids`, `text`) knows nothing of the
//! terminal; the command line lives in `cli` and the report of `prepdeck check` in `check`.

pub mod check;
pub mod cli;
pub mod ids;
pub mod load;
pub mod model;
pub mod parse;
pub mod review;
pub mod schedule;
pub mod store;
pub mod text;
pub mod tree;
