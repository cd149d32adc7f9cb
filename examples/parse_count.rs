//! Parses (or runs bare pulldown-cmark over) one generated corpus once, for instruction
//! counts under `valgrind --tool=callgrind`, which stay repeatable on a busy machine:
//! `parse_count LAYOUT N parse|floor|none`. `scripts/parse_ratio.sh` runs it.

#[path = "../benches/support/corpus.rs"]
mod corpus;

/// Allocate as the shipped binary does (`src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [layout, n, mode] = args.as_slice() else {
        eprintln!("usage: parse_count LAYOUT N parse|floor|none");
        std::process::exit(2);
    };
    let files = corpus::generate(n.parse().expect("N is a number"), layout);
    let count: usize = match mode.as_str() {
        "parse" => files
            .iter()
            .map(|(name, t)| prepdeck::parse::parse_named(name, t.as_bytes()).cards.len())
            .sum(),
        "floor" => files
            .iter()
            .map(|(_, t)| pulldown_cmark::Parser::new(t).count())
            .sum(),
        _ => files.len(),
    };
    println!("{count}");
}
