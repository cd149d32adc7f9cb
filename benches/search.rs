//! Search per keystroke over 10,000 and 100,000 cards: the fuzzy matcher over
//! questions, the word search over all fields (and building its index), and a keystroke
//! typed into the search overlay of the App (search and draw) in either scope, and
//! that keystroke until every hit is in (a large deck is searched a slice at a time).

#[path = "support/corpus.rs"]
mod corpus;

/// Allocate as the shipped binary does (`src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use divan::Bencher;
use prepdeck::action::Action;
use prepdeck::app::App;
use prepdeck::keymap::Keymap;
use prepdeck::search::{Scope, SearchIndex, new_matcher};
use prepdeck::theme::Theme;
use prepdeck::ui::View;
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

/// Every prefix searched from scratch (no narrowing to the previous hits): the cost of
/// the first keystroke or of a deleted character. Indexes are built beforehand.
fn matcher(bencher: Bencher, scope: Scope, cards: usize) {
    let deck = corpus::deck(corpus::scaled(cards), "canonical");
    let mut index = SearchIndex::new(&deck.cards);
    index.prepare(&deck.cards, scope);
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
    matcher(bencher, Scope::Questions, 10_000);
}

#[divan::bench]
fn all_fields_10k(bencher: Bencher) {
    matcher(bencher, Scope::AllFields, 10_000);
}

#[divan::bench]
fn questions_100k(bencher: Bencher) {
    matcher(bencher, Scope::Questions, 100_000);
}

#[divan::bench]
fn all_fields_100k(bencher: Bencher) {
    matcher(bencher, Scope::AllFields, 100_000);
}

/// Building the all-fields index (every card's text lowercased into one string) at
/// once, as widening the search scope does when idle moments have not built it yet.
#[divan::bench]
fn all_fields_index_build_10k(bencher: Bencher) {
    let deck = corpus::deck(corpus::scaled(10_000), "canonical");
    bencher
        .with_inputs(|| SearchIndex::new(&deck.cards))
        .bench_local_values(|mut index| {
            index.prepare(&deck.cards, Scope::AllFields);
            index
        });
}

/// The first and longest idle step of building that index (it also sizes the whole
/// text): the most a key pressed during the build can wait.
#[divan::bench]
fn all_fields_idle_step_10k(bencher: Bencher) {
    let deck = corpus::deck(corpus::scaled(10_000), "canonical");
    bencher
        .with_inputs(|| SearchIndex::new(&deck.cards))
        .bench_local_values(|mut index| {
            index.idle_step(&deck.cards);
            index
        });
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Feeds a key event to the app the way the event loop does.
fn press(app: &mut App, event: Event) {
    if let Some(action) = prepdeck::tui::to_action(app, event) {
        app.update(action, Instant::now());
    }
}

/// The App at 240×70 with the search overlay open in `scope`.
fn app_searching(scope: Scope, cards: usize) -> (App, Terminal<TestBackend>) {
    let deck = corpus::deck(corpus::scaled(cards), "canonical");
    let mut app = App::new(deck, Theme::default(), Keymap::default());
    app.update(Action::Resize(240, 70), Instant::now());
    app.update(Action::Search, Instant::now());
    if scope == Scope::AllFields {
        press(&mut app, key(KeyCode::Tab));
    }
    // The keys must reach the overlay, or the benchmark measures an empty search.
    press(&mut app, key(KeyCode::Char('x')));
    match app.browse().and_then(|b| b.search.as_ref()) {
        Some(state) => assert!(state.query == "x" && state.scope == scope),
        None => panic!("the search overlay is not open"),
    }
    press(&mut app, key(KeyCode::Backspace));
    let terminal = Terminal::new(TestBackend::new(240, 70)).unwrap();
    (app, terminal)
}

/// One keystroke in the open search overlay at 240×70, then the frame drawn: "rollout
/// canary" typed, then deleted one character at a time, each keystroke its own sample.
#[divan::bench]
fn app_keystroke_10k(bencher: Bencher) {
    app_keystroke(bencher, Scope::Questions, 10_000);
}

#[divan::bench]
fn app_keystroke_100k(bencher: Bencher) {
    app_keystroke(bencher, Scope::Questions, 100_000);
}

fn app_keystroke(bencher: Bencher, scope: Scope, cards: usize) {
    keystrokes(bencher, scope, cards, false);
}

/// Each sample one key and its frame; with `until_every_hit`, also every idle step its
/// search takes after it, each with its frame, as the event loop runs them.
fn keystrokes(bencher: Bencher, scope: Scope, cards: usize, until_every_hit: bool) {
    let (mut app, mut terminal) = app_searching(scope, cards);
    let mut keys = typed_then_deleted();
    let mut view = View::default();
    bencher.bench_local(|| {
        press(&mut app, key(keys.next().unwrap()));
        terminal
            .draw(|f| prepdeck::ui::draw(f, &app, &mut view))
            .unwrap();
        while until_every_hit && app.idle_work_shows() {
            app.update(Action::Idle, Instant::now());
            terminal
                .draw(|f| prepdeck::ui::draw(f, &app, &mut view))
                .unwrap();
        }
    });
}

/// The keys of typing `QUERY` and deleting it again, repeated for ever.
fn typed_then_deleted() -> impl Iterator<Item = KeyCode> {
    let keys: Vec<KeyCode> = QUERY
        .chars()
        .map(KeyCode::Char)
        .chain(QUERY.chars().map(|_| KeyCode::Backspace))
        .collect();
    keys.into_iter().cycle()
}

/// One keystroke in the all-fields search overlay at 240×70, then the frame drawn:
/// "rollout canary" typed (each later character narrows to the previous hits) and
/// then deleted one character at a time (each deletion searches every card again).
#[divan::bench]
fn app_keystroke_all_fields_10k(bencher: Bencher) {
    app_keystroke(bencher, Scope::AllFields, 10_000);
}

#[divan::bench]
fn app_keystroke_all_fields_100k(bencher: Bencher) {
    app_keystroke(bencher, Scope::AllFields, 100_000);
}

/// One keystroke as in `app_keystroke`, then every idle step its search takes to go
/// through the rest of the cards, each followed by a frame as the event loop draws
/// it: the time until the whole list of hits is on screen. At 10,000 cards there is no
/// idle step (one slice holds the deck).
#[divan::bench]
fn app_keystroke_until_every_hit_100k(bencher: Bencher) {
    app_keystroke_until_every_hit(bencher, Scope::Questions, 100_000);
}

#[divan::bench]
fn app_keystroke_all_fields_until_every_hit_100k(bencher: Bencher) {
    app_keystroke_until_every_hit(bencher, Scope::AllFields, 100_000);
}

fn app_keystroke_until_every_hit(bencher: Bencher, scope: Scope, cards: usize) {
    keystrokes(bencher, scope, cards, true);
}
