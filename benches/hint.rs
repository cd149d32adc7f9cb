//! The coverage hint: one answer judged against a 7-point card of the bank (the budget
//! is under a millisecond, so the debrief and `review --type` never wait on it), and
//! building the bank's term weights, done once per deck.

/// Allocate as the shipped binary does (`src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use divan::Bencher;
use prepdeck::hint::Hinter;
use prepdeck::load::{ContentSource, Deck, load};

fn main() {
    divan::main();
}

/// A spoken-style answer of about 150 words to the 3 a.m. alerts card.
const ANSWER: &str = "I would only page on symptoms that users feel, so error rate, latency and \
availability, and send causes like high CPU or a single pod restarting to a ticket or a \
dashboard. The paging rules are written on the SLO's burn rate, the error rate divided by \
the error budget, so on a 99.9% SLO a burn rate of 14.4 means 1.44% of requests fail, and \
holding that for an hour spends 2% of a thirty day budget. Each alert pairs a long and a \
short window, one hour and five minutes, so a blip never pages but the alert clears soon \
after recovery; with that a short for clause of two minutes is enough. Every rule carries \
a severity label that routes it and a runbook link, and Alertmanager groups and inhibits \
alerts so that one outage is one page rather than two hundred.";

fn bank() -> Deck {
    load(&[ContentSource::Bundled]).expect("the bundled bank loads")
}

fn points(deck: &Deck) -> impl Iterator<Item = &str> {
    deck.cards
        .iter()
        .flat_map(|c| c.key_points.iter().map(String::as_str))
}

#[divan::bench]
fn one_answer_seven_points(bencher: Bencher) {
    let deck = bank();
    let hinter = Hinter::new(points(&deck));
    let card = deck
        .cards
        .iter()
        .find(|c| {
            c.question
                .starts_with("Which alerts deserve to wake someone")
        })
        .expect("the alerts card");
    assert_eq!(card.key_points.len(), 7);
    bencher.bench_local(|| hinter.card(&card.key_points, ANSWER));
}

#[divan::bench]
fn bank_weights(bencher: Bencher) {
    let deck = bank();
    bencher.bench_local(|| Hinter::new(points(&deck)));
}
