//! Parse throughput per layout for 1,000 and 10,000 cards, next to the floor: a bare
//! pulldown-cmark pass over the same bytes that iterates every event and nothing else.
//! Also building the topic tree and ids for 10,000 cards.

#[path = "support/corpus.rs"]
mod corpus;

/// Allocate as the shipped binary does (`src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

type Files = &'static [(String, String)];

/// Each corpus is generated once per process and kept for every benchmark that reads it.
fn files(n: usize, layout: &'static str) -> Files {
    static CACHE: OnceLock<Mutex<HashMap<(usize, &'static str), Files>>> = OnceLock::new();
    let n = corpus::scaled(n);
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap();
    cache
        .entry((n, layout))
        .or_insert_with(|| corpus::generate(n, layout).leak())
}

fn bytes(files: Files) -> usize {
    files.iter().map(|(_, t)| t.len()).sum()
}

fn parse(bencher: Bencher, n: usize, layout: &'static str) {
    let files = files(n, layout);
    bencher
        .counter(BytesCount::new(bytes(files)))
        .counter(ItemsCount::new(corpus::scaled(n)))
        .bench(|| {
            files
                .iter()
                .map(|(name, text)| {
                    prepdeck::parse::parse_named(name, text.as_bytes())
                        .cards
                        .len()
                })
                .sum::<usize>()
        });
}

fn floor(bencher: Bencher, n: usize, layout: &'static str) {
    let files = files(n, layout);
    bencher
        .counter(BytesCount::new(bytes(files)))
        .counter(ItemsCount::new(corpus::scaled(n)))
        .bench(|| {
            files
                .iter()
                .map(|(_, text)| pulldown_cmark::Parser::new(black_box(text)).count())
                .sum::<usize>()
        });
}

#[divan::bench(args = corpus::LAYOUTS)]
fn parse_1k(bencher: Bencher, layout: &'static str) {
    parse(bencher, 1_000, layout);
}

#[divan::bench(args = corpus::LAYOUTS)]
fn floor_1k(bencher: Bencher, layout: &'static str) {
    floor(bencher, 1_000, layout);
}

#[divan::bench(args = corpus::LAYOUTS)]
fn parse_10k(bencher: Bencher, layout: &'static str) {
    parse(bencher, 10_000, layout);
}

#[divan::bench(args = corpus::LAYOUTS)]
fn floor_10k(bencher: Bencher, layout: &'static str) {
    floor(bencher, 10_000, layout);
}

/// Ids, topic paths and the topic tree for 10,000 parsed cards: what loading does after
/// parsing, on one thread, then the tree view the browser opens with.
#[divan::bench]
fn tree_and_ids_10k(bencher: Bencher) {
    let n = corpus::scaled(10_000);
    let parsed: Vec<(String, prepdeck::parse::ParsedFile)> = files(10_000, "canonical")
        .iter()
        .map(|(name, text)| (name.clone(), prepdeck::parse::parse_bytes(text.as_bytes())))
        .collect();
    bencher
        .counter(ItemsCount::new(n))
        .with_inputs(|| parsed.clone())
        .bench_local_values(|parsed| {
            let deck = prepdeck::load::assemble_parsed(parsed);
            let view = prepdeck::app::tree_view::TreeView::new(&deck.tree);
            (deck, view)
        });
}
