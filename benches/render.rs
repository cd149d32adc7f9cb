//! Frame render time of every screen at 120×40 and 240×70 into a `TestBackend`, over a
//! 10,000-card corpus with its largest card on screen; and one browser keystroke
//! (move down, then draw).

#[path = "support/corpus.rs"]
mod corpus;

/// Allocate as the shipped binary does (`src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use divan::Bencher;
use prepdeck::action::Action;
use prepdeck::app::review::{ReviewScreen, Side};
use prepdeck::app::{App, Focus, Screen};
use prepdeck::keymap::Keymap;
use prepdeck::mock::MockSettings;
use prepdeck::review::{EntryKind, QueueEntry, Session, SessionMode};
use prepdeck::schedule::{CardState, Grade, Scheduler};
use prepdeck::stats::{StatsInput, compute};
use prepdeck::store::{LoggedReview, ReviewMode};
use prepdeck::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const SIZES: [&str; 2] = ["120x40", "240x70"];
/// 2026-11-22 12:00 UTC.
const NOW: i64 = 1_795_348_800;

fn app(w: u16, h: u16) -> (App, usize) {
    let deck = corpus::deck(corpus::scaled(10_000), "canonical");
    let largest = corpus::largest(&deck);
    let mut app = App::new(deck, Theme::default(), Keymap::default());
    app.wall_clock = || NOW;
    app.update(Action::Resize(w, h), Instant::now());
    app.jump_to_card(largest);
    (app, largest)
}

fn draw(bencher: Bencher, app: &App) {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    bencher.bench_local(|| {
        terminal
            .draw(|f| prepdeck::ui::draw(f, app))
            .map(|c| c.area)
            .unwrap()
    });
}

#[divan::bench(args = SIZES)]
fn browser(bencher: Bencher, size: &str) {
    let (w, h) = parse(size);
    let (app, _) = app(w, h);
    draw(bencher, &app);
}

/// The card pane focused and scrolled, answers shown.
#[divan::bench(args = SIZES)]
fn card(bencher: Bencher, size: &str) {
    let (w, h) = parse(size);
    let (mut app, _) = app(w, h);
    app.focus = Focus::Card;
    app.card_scroll = 3;
    draw(bencher, &app);
}

/// A keystroke in the browser: move the selection, then draw.
#[divan::bench(args = SIZES)]
fn browser_keystroke(bencher: Bencher, size: &str) {
    let (w, h) = parse(size);
    let (mut app, _) = app(w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut down = true;
    bencher.bench_local(|| {
        let action = if down {
            Action::MoveDown
        } else {
            Action::MoveUp
        };
        down = !down;
        app.update(action, Instant::now());
        terminal.draw(|f| prepdeck::ui::draw(f, &app)).unwrap();
    });
}

/// The review screen, answer side, on the largest card.
#[divan::bench(args = SIZES)]
fn review(bencher: Bencher, size: &str) {
    let (w, h) = parse(size);
    let (mut app, largest) = app(w, h);
    let entry = QueueEntry {
        index: largest,
        card_id: app.deck.cards[largest].id.clone(),
        state: CardState::default(),
        kind: EntryKind::New,
    };
    let scheduler = Scheduler::new(None, 0.9);
    let session = Session::new(
        vec![entry],
        &app.deck.cards,
        scheduler,
        SessionMode::Review,
        NOW,
    );
    let mut screen = ReviewScreen::new(session, false, Instant::now(), NOW);
    screen.side = Side::Answer;
    app.open_review(screen);
    draw(bencher, &app);
}

/// A running mock interview asking the largest card.
#[divan::bench(args = SIZES)]
fn mock(bencher: Bencher, size: &str) {
    let (w, h) = parse(size);
    let (mut app, largest) = app(w, h);
    let node = app.card_node[largest];
    let asks_largest = |app: &App| match &app.screen {
        Screen::Mock(m) => m.questions.get(m.current) == Some(&largest),
        _ => false,
    };
    for seed in 0..200 {
        let settings = MockSettings {
            questions: 1,
            per_question: Some(Duration::from_secs(300)),
            total: None,
            spoken: false,
            seed,
            topics: Vec::new(),
        };
        app.screen = Screen::Browse;
        if app.start_mock(settings, vec![node], Instant::now()) && asks_largest(&app) {
            break;
        }
    }
    assert!(matches!(app.screen, Screen::Mock(_)), "the mock started");
    draw(bencher, &app);
}

/// The stats screen after a review of every card.
#[divan::bench(args = SIZES)]
fn stats(bencher: Bencher, size: &str) {
    let (w, h) = parse(size);
    let (mut app, _) = app(w, h);
    let scheduler = Scheduler::new(None, 0.9);
    let mut states = HashMap::new();
    let mut log = Vec::new();
    for (i, c) in app.deck.cards.iter().enumerate() {
        let at = NOW - (i as i64 % 60) * 86_400;
        let grade = [Grade::Good, Grade::Again, Grade::Easy, Grade::Hard][i % 4];
        states.insert(
            c.id.clone(),
            scheduler.grade(&CardState::default(), grade, at),
        );
        log.push(logged(i as i64, &c.id, at, grade));
    }
    let stats = compute(&StatsInput {
        cards: &app.deck.cards,
        tree: &app.deck.tree,
        states: &states,
        log: &log,
        mocks: &[],
        now: NOW,
        offset: 0,
        desired_retention: 0.9,
    });
    app.open_stats(stats);
    draw(bencher, &app);
}

/// A log row as the store returns it.
fn logged(i: i64, id: &str, at: i64, grade: Grade) -> LoggedReview {
    LoggedReview {
        id: i,
        card_id: id.to_string(),
        at,
        grade,
        time_taken_ms: 40_000,
        coverage: None,
        mode: ReviewMode::Review,
        typed_answer: None,
        was_new: i % 2 == 0,
    }
}

fn parse(size: &str) -> (u16, u16) {
    let (w, h) = size.split_once('x').unwrap();
    (w.parse().unwrap(), h.parse().unwrap())
}
