//! Every screen — the browser is swept in `browser.rs` — draws at every terminal size
//! from 1×1 to 40×12 and at 500×200 without panicking: each review side, each mock phase
//! and the stats screen, with and without data. Each state is built once, then the
//! terminal is resized under it, as a person dragging the window corner would.

use std::time::{Duration, Instant};

use crate::common::rig::Rig;
use crate::common::{CANONICAL, app_with, render};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prepdeck::action::Action::*;
use prepdeck::app::mock::Phase;
use prepdeck::app::review::Side;
use prepdeck::app::{App, Msg, ReviewRequest, Screen};
use prepdeck::mock::MockSettings;
use prepdeck::stats::{StatsInput, compute};

/// 1×1 … 40×12, then a very large terminal.
fn sizes() -> impl Iterator<Item = (u16, u16)> {
    (1..=40u16)
        .flat_map(|w| (1..=12u16).map(move |h| (w, h)))
        .chain([(500, 200)])
}

/// Resizes the App to every size and draws it; the screen must stay the same one.
fn sweep(app: &mut App, label: &str) {
    let before = app.screen().map(std::mem::discriminant);
    for (w, h) in sizes() {
        app.update(Resize(w, h), Instant::now());
        render(app);
        assert_eq!(
            app.screen().map(std::mem::discriminant),
            before,
            "{label}: a resize to {w}x{h} changed the screen"
        );
    }
    app.update(Resize(100, 30), Instant::now());
}

fn type_text(app: &mut App, text: &str, at: Instant) {
    for c in text.chars() {
        app.update(
            TextKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            at,
        );
    }
}

#[test]
fn review_sides_draw_at_every_size() {
    let mut r = Rig::new(100, 30);
    r.start_with(&ReviewRequest::default());
    assert_eq!(r.side(), Side::Question);
    sweep(&mut r.app, "review question");
    r.press(TypeAnswer);
    assert_eq!(r.side(), Side::Typing);
    type_text(
        &mut r.app,
        "a cache in front of the database",
        Instant::now(),
    );
    sweep(&mut r.app, "review typing");
    r.press(FinishQuestion);
    assert_eq!(r.side(), Side::Answer);
    r.press(Toggle);
    sweep(&mut r.app, "review answer with checklist");
    r.press(ToggleExtras);
    sweep(&mut r.app, "review answer with extras");
    for _ in 0..20 {
        if r.side() == Side::Summary {
            break;
        }
        if r.side() == Side::Question {
            r.press(Reveal);
        }
        r.press(Grade3);
    }
    assert_eq!(r.side(), Side::Summary);
    sweep(&mut r.app, "review summary");

    // The stats screen over the grades just given, and over nothing.
    r.press(Back);
    for (label, with_data) in [("stats with data", true), ("stats empty", false)] {
        let (states, log, mocks) = if with_data {
            let s = &r.effects.store;
            (
                s.load_states().unwrap(),
                s.log(None).unwrap(),
                s.mocks().unwrap(),
            )
        } else {
            Default::default()
        };
        assert_eq!(!log.is_empty(), with_data);
        let stats = compute(&StatsInput {
            cards: &r.app.deck().cards,
            tree: &r.app.deck().tree,
            states: &states,
            log: &log,
            mocks: &mocks,
            now: 1_795_349_100,
            offset: 0,
            desired_retention: 0.9,
        });
        r.app
            .update(Msg::StatsReady(Box::new(stats)), Instant::now());
        sweep(&mut r.app, label);
        r.app.update(Back, Instant::now());
    }
}

#[test]
fn mock_phases_draw_at_every_size() {
    let t0 = Instant::now();
    let at = |s: u64| t0 + Duration::from_secs(s);
    let mut app =
        app_with("10-caching/01-caching.md", CANONICAL, 100, 30).with_clock(|| 1_795_349_100);
    app.update(OpenMock, t0);
    sweep(&mut app, "mock setup");

    let settings = MockSettings {
        questions: 2,
        per_question: Some(Duration::from_secs(60)),
        total: Some(Duration::from_secs(600)),
        spoken: false,
        written: false,
        seed: 1,
        topics: Vec::new(),
        follow_ups: false,
    };
    let mut app =
        app_with("10-caching/01-caching.md", CANONICAL, 100, 30).with_clock(|| 1_795_349_100);
    assert!(app.start_mock(settings, Vec::new(), t0));
    let phase = |app: &App| match app.screen() {
        Some(Screen::Mock(m)) => m.phase.clone(),
        _ => panic!("not in a mock"),
    };
    type_text(&mut app, "write-through, with a TTL", at(1));
    assert_eq!(phase(&app), Phase::Asking);
    sweep(&mut app, "mock asking");
    app.update(Pause, at(2));
    sweep(&mut app, "mock paused");
    app.update(Abort, at(3));
    assert_eq!(
        phase(&app),
        Phase::Paused {
            confirm_abort: true
        }
    );
    sweep(&mut app, "mock confirm abort");
    app.update(Cancel, at(4));
    app.update(Resume, at(5));
    app.update(FinishQuestion, at(6));
    app.update(FinishQuestion, at(7));
    assert_eq!(phase(&app), Phase::Debrief);
    sweep(&mut app, "mock debrief");
    app.update(Grade3, at(8));
    app.update(Grade1, at(9));
    assert_eq!(phase(&app), Phase::Result);
    sweep(&mut app, "mock result");
}
