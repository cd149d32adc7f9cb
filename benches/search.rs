//! Search per keystroke over 10,000 cards: the fuzzy matcher over questions and over all
//! fields, and a keystroke typed into the search overlay of the App (search and draw).

#[path = "support/corpus.rs"]
mod corpus;

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use divan::Bencher;
use prepdeck::action::Action;
use prepdeck::app::App;
use prepdeck::app::search::{Scope, SearchIndex, new_matcher};
use prepdeck::keymap::Keymap;
use prepdeck::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// What a person types, one prefix per keystroke.
const QUERY: &str = "rollout canary";

fn prefixes() -> impl Iterator<Item = &'static str> {
    (1..=QUERY.len()).map(|n| &QUERY[..n]).cycle()
}

fn matcher(bencher: Bencher, scope: Scope) {
    let deck = corpus::deck(corpus::scaled(10_000), "canonical");
    let index = SearchIndex::new(&deck.cards);
    let mut m = new_matcher();
    let mut queries = prefixes();
    bencher.bench_local(|| {
        index
            .search(&deck.cards, queries.next().unwrap(), scope, &mut m)
            .len()
    });
}

#[divan::bench]
fn questions_10k(bencher: Bencher) {
    matcher(bencher, Scope::Questions);
}

#[divan::bench]
fn all_fields_10k(bencher: Bencher) {
    matcher(bencher, Scope::AllFields);
}

/// A character typed into the open search overlay at 240×70, then the frame drawn;
/// the query grows to "rollout canary" and is cleared again.
#[divan::bench]
fn app_keystroke_10k(bencher: Bencher) {
    let deck = corpus::deck(corpus::scaled(10_000), "canonical");
    let mut app = App::new(deck, Theme::default(), Keymap::default());
    app.update(Action::Resize(240, 70), Instant::now());
    app.update(Action::Search, Instant::now());
    let mut terminal = Terminal::new(TestBackend::new(240, 70)).unwrap();
    let mut typed = 0;
    let key = |code| Action::TextKey(KeyEvent::new(code, KeyModifiers::NONE));
    bencher.bench_local(|| {
        if typed == QUERY.len() {
            for _ in 0..typed {
                app.update(key(KeyCode::Backspace), Instant::now());
            }
            typed = 0;
        }
        let c = QUERY.as_bytes()[typed] as char;
        typed += 1;
        app.update(key(KeyCode::Char(c)), Instant::now());
        terminal.draw(|f| prepdeck::ui::draw(f, &app)).unwrap();
    });
}
