//! What a loaded deck costs in heap memory, by part, measured with a counting allocator:
//! `cargo run --release --example deck_memory -- DIR [--outline]`.
//!
//! Loads DIR as the screens do (with `--outline`, as `prepdeck check` does), builds both search indexes as the browser does,
//! then takes the deck apart one part at a time and reports how many live heap bytes
//! each part let go of. The allocator counts what was asked for (not what mimalloc
//! rounds it up to, nor pages it keeps), so the parts add up to the live total.

use std::alloc::{GlobalAlloc, Layout};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use prepdeck::load::{ContentSource, Keep, load_keeping};
use prepdeck::search::{Scope, SearchIndex};

/// mimalloc, as the binary uses, with the live and peak bytes counted.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed straight to mimalloc with the same arguments; the
// counters only observe sizes.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: as above.
        unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        grew(new_size);
        // SAFETY: as above.
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: deck_memory DIR");
        return ExitCode::from(2);
    };
    let keep = if std::env::args().any(|a| a == "--outline") {
        Keep::Outline
    } else {
        Keep::Everything
    };
    let file_bytes = folder_bytes(&dir);
    let before = live();
    PEAK.store(before, Ordering::Relaxed);
    let mut deck = match load_keeping(&[ContentSource::Path(dir.clone())], keep) {
        Ok(deck) => deck,
        Err(err) => {
            eprintln!("deck_memory: {err}");
            return ExitCode::FAILURE;
        }
    };
    let load_peak = PEAK.load(Ordering::Relaxed) - before;
    let loaded = live() - before;
    let n = deck.cards.len().max(1);
    let mb = |b: usize| b as f64 / 1_048_576.0;
    println!(
        "{} cards from {:.1} MiB of files ({} bytes a card)",
        deck.cards.len(),
        mb(file_bytes),
        file_bytes / n
    );
    println!(
        "loading: peak {:.1} MiB of heap, {:.1} MiB live after ({} bytes a card)",
        mb(load_peak),
        mb(loaded),
        loaded / n
    );

    let mut rows: Vec<(&str, usize)> = Vec::new();
    let mut search = SearchIndex::new(&deck.cards);
    let with_questions = live();
    search.prepare(&deck.cards, Scope::AllFields);
    let with_all = live();
    drop(search);
    rows.push((
        "search: question haystacks",
        with_questions - loaded - before,
    ));
    rows.push(("search: all-fields text", with_all - with_questions));

    let step = |name: &'static str, rows: &mut Vec<(&str, usize)>, f: &mut dyn FnMut()| {
        let was = live();
        f();
        rows.push((name, was.saturating_sub(live())));
    };
    step("tree", &mut rows, &mut || deck.tree = Default::default());
    step("files, warnings, errors", &mut rows, &mut || {
        deck.files = Vec::new();
        deck.warnings = Vec::new();
        deck.errors = Vec::new();
    });
    step("ids", &mut rows, &mut || {
        for card in &mut deck.cards {
            card.id = Default::default();
        }
    });
    step("topic paths", &mut rows, &mut || {
        for card in &mut deck.cards {
            card.topic = Default::default();
        }
    });
    step("tags", &mut rows, &mut || {
        for card in &mut deck.cards {
            card.tags = Default::default();
        }
    });
    step("source file names", &mut rows, &mut || {
        for card in &mut deck.cards {
            card.source.file = Default::default();
        }
    });
    step("questions", &mut rows, &mut || {
        for card in &mut deck.cards {
            card.question = Default::default();
        }
    });
    step("answer, why, takeaway, example", &mut rows, &mut || {
        for card in &mut deck.cards {
            card.answer = None;
            card.why = None;
            card.takeaway = None;
            card.example = None;
        }
    });
    step("key points, follow-ups", &mut rows, &mut || {
        for card in &mut deck.cards {
            card.key_points = Vec::new();
            card.follow_ups = Vec::new();
        }
    });
    step("detail, tables", &mut rows, &mut || {
        for card in &mut deck.cards {
            card.detail = None;
            card.tables = Vec::new();
        }
    });
    step("card records (the Vec<Card>)", &mut rows, &mut || {
        deck.cards = Vec::new();
    });

    println!("{:<34} {:>9} {:>12}", "part", "MiB", "bytes/card");
    let mut deck_total = 0;
    for (name, bytes) in &rows {
        if !name.starts_with("search") {
            deck_total += bytes;
        }
        println!("{name:<34} {:>9.1} {:>12}", mb(*bytes), bytes / n);
    }
    println!(
        "{:<34} {:>9.1} {:>12}",
        "deck (all but search)",
        mb(deck_total),
        deck_total / n
    );
    println!("left over after dropping it all: {} bytes", live() - before);
    ExitCode::SUCCESS
}

fn folder_bytes(dir: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return std::fs::metadata(dir).map_or(0, |m| usize::try_from(m.len()).unwrap_or(0));
    };
    entries
        .flatten()
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                folder_bytes(&path)
            } else {
                e.metadata()
                    .map_or(0, |m| usize::try_from(m.len()).unwrap_or(0))
            }
        })
        .sum()
}
