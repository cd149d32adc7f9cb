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
use prepdeck::app::review::Side;
use prepdeck::app::{App, Msg, Screen};
use prepdeck::keymap::Keymap;
use prepdeck::mock::MockSettings;
use prepdeck::mock::select::{self, Standing};
use prepdeck::review::{EntryKind, QueueEntry, Session, SessionMode};
use prepdeck::schedule::{CardState, Grade, Scheduler};
use prepdeck::stats::{StatsInput, compute};
use prepdeck::store::{LoggedReview, ReviewMode};
use prepdeck::theme::Theme;
use prepdeck::ui::View;
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
    let mut app = App::new(deck, Theme::default(), Keymap::default()).with_clock(|| NOW);
    app.update(Action::Resize(w, h), Instant::now());
    app.jump_to_card(largest);
    (app, largest)
}

fn draw(bencher: Bencher, app: &App) {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut view = View::default();
    bencher.bench_local(|| {
        terminal
            .draw(|f| prepdeck::ui::draw(f, app, &mut view))
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
    for action in [
        Action::FocusNext,
        Action::MoveDown,
        Action::MoveDown,
        Action::MoveDown,
    ] {
        app.update(action, Instant::now());
    }
    draw(bencher, &app);
}

/// A keystroke in the browser: move the selection, then draw.
#[divan::bench(args = SIZES)]
fn browser_keystroke(bencher: Bencher, size: &str) {
    let (w, h) = parse(size);
    let (mut app, _) = app(w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut view = View::default();
    let mut down = true;
    bencher.bench_local(|| {
        let action = if down {
            Action::MoveDown
        } else {
            Action::MoveUp
        };
        down = !down;
        app.update(action, Instant::now());
        terminal
            .draw(|f| prepdeck::ui::draw(f, &app, &mut view))
            .unwrap();
        app.update(Msg::Drawn(view.measures()), Instant::now());
    });
}

/// The review screen, answer side, on the largest card.
#[divan::bench(args = SIZES)]
fn review(bencher: Bencher, size: &str) {
    let (w, h) = parse(size);
    let (mut app, largest) = app(w, h);
    let entry = QueueEntry {
        index: largest,
        card_id: app.deck().cards[largest].id.clone(),
        state: CardState::default(),
        kind: EntryKind::New,
    };
    let scheduler = Scheduler::new(None, 0.9);
    let session = Session::new(
        vec![entry],
        &app.deck().cards,
        scheduler,
        SessionMode::Review,
        NOW,
    );
    let ready = Msg::ReviewReady {
        session: Box::new(session),
        two_button: false,
    };
    app.update(ready, Instant::now());
    app.update(Action::Reveal, Instant::now());
    assert!(matches!(app.screen(), Some(Screen::Review(r)) if r.side == Side::Answer));
    draw(bencher, &app);
}

/// A running mock interview asking the largest card.
#[divan::bench(args = SIZES)]
fn mock(bencher: Bencher, size: &str) {
    let (w, h) = parse(size);
    let (mut app, largest) = app(w, h);
    let node = app.card_node(largest);
    let candidates: Vec<usize> = app
        .deck()
        .tree
        .cards_under(node)
        .into_iter()
        .filter(|&c| !app.deck().cards[c].is_unanswered())
        .collect();
    let seed = (0..200)
        .find(|&seed| select::choose(&candidates, |_| Standing::default(), 1, seed) == [largest])
        .expect("a seed that asks the largest card");
    let settings = MockSettings {
        questions: 1,
        per_question: Some(Duration::from_secs(300)),
        total: None,
        spoken: false,
        written: false,
        seed,
        topics: Vec::new(),
        follow_ups: false,
    };
    assert!(app.start_mock(settings, vec![node], Instant::now()));
    assert!(matches!(app.screen(), Some(Screen::Mock(m)) if m.questions == [largest]));
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
    for (i, c) in (0i64..).zip(&app.deck().cards) {
        let at = NOW - (i % 60) * 86_400;
        let grade =
            [Grade::Good, Grade::Again, Grade::Easy, Grade::Hard][usize::try_from(i % 4).unwrap()];
        states.insert(
            c.id.clone(),
            scheduler.grade(&c.id, &CardState::default(), grade, at),
        );
        log.push(logged(i, &c.id, at, grade));
    }
    let stats = compute(&StatsInput {
        cards: &app.deck().cards,
        tree: &app.deck().tree,
        states: &states,
        log: &log,
        mocks: &[],
        now: NOW,
        offset: 0,
        desired_retention: 0.9,
    });
    app.update(Msg::StatsReady(Box::new(stats)), Instant::now());
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
