//! Writes a deterministic synthetic question corpus for benchmarks:
//! `cargo run --release --example gen_corpus -- --cards N --layout LAYOUT --out DIR`.
//! LAYOUT is one of the names `prepdeck check` reports (canonical, numbered-labels,
//! answer-points, details, hints, qa-headings, design, qa-lines).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut cards = 1000;
    let mut layout = "canonical".to_string();
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--cards", Some(v)) => match v.parse() {
                Ok(n) => cards = n,
                Err(_) => return usage(&format!("--cards takes a number, not {v}")),
            },
            ("--layout", Some(v)) => layout = v,
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            _ => return usage(&format!("unexpected argument {arg}")),
        }
    }
    if !corpus::LAYOUTS.contains(&layout.as_str()) {
        return usage(&format!("unknown layout {layout}"));
    }
    let Some(out) = out else {
        return usage("--out DIR is required");
    };
    match corpus::write(&out, cards, &layout) {
        Ok(bytes) => {
            println!(
                "{cards} {layout} cards, {bytes} bytes, in {}",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("gen_corpus: {}: {err}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "gen_corpus: {problem}\nusage: gen_corpus --cards N --layout LAYOUT --out DIR\nlayouts: {}",
        corpus::LAYOUTS.join(", ")
    );
    ExitCode::from(2)
}
