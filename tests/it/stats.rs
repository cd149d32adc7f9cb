//! The stats screen and `prepdeck stats`, after a few simulated days of reviews and two
//! mock interviews, and on an empty history.

use std::collections::HashMap;

use crate::common::{CANONICAL, app_with, render, screen_text};
use insta::assert_snapshot;
use prepdeck::schedule::{CardState, Grade, Scheduler};
use prepdeck::stats::{Stats, StatsInput, compute};
use prepdeck::store::{MockRecord, NewReview, ReviewMode, Store};

const DAY: i64 = 86_400;
/// 2026-11-22 12:00 UTC.
const NOW: i64 = 1_795_348_800;

/// Five days of reviews over the fixture's cards, then two mocks, in a real store.
fn simulated(dir: &std::path::Path) -> Store {
    let mut store = Store::open(Some(dir)).unwrap();
    let deck = prepdeck::load::load_text("10-caching/01-caching.md", CANONICAL);
    let scheduler = Scheduler::new(None, 0.9);
    let mut states: HashMap<String, CardState> = HashMap::new();
    let grades = [
        Grade::Good,
        Grade::Again,
        Grade::Good,
        Grade::Easy,
        Grade::Good,
    ];
    for day in 0..5 {
        for (i, card) in (0i64..).zip(&deck.cards) {
            let at = NOW - (5 - day) * DAY + i * 60;
            let grade = grades[usize::try_from(day + i).unwrap() % grades.len()];
            let state = states.get(&card.id).cloned().unwrap_or_default();
            let next = scheduler.grade(&card.id, &state, grade, at);
            store
                .record(
                    &NewReview {
                        card_id: card.id.clone(),
                        at,
                        grade,
                        time_taken_ms: 45_000,
                        coverage: None,
                        mode: ReviewMode::Review,
                        typed_answer: None,
                    },
                    Some(&next),
                )
                .unwrap();
            states.insert(card.id.clone(), next);
        }
    }
    for (k, score) in [(0, 55.0), (1, 72.5)] {
        store
            .save_mock(&MockRecord {
                id: 0,
                started_at: NOW - (3 - k) * DAY,
                finished_at: Some(NOW - (3 - k) * DAY + 900),
                aborted: false,
                settings: "{}".into(),
                score: Some(score),
                report_path: None,
                answers: Vec::new(),
            })
            .unwrap();
    }
    store
}

fn figures(store: Option<&Store>) -> Stats {
    let deck = prepdeck::load::load_text("10-caching/01-caching.md", CANONICAL);
    let (states, log, mocks) = match store {
        Some(s) => (
            s.load_states().unwrap(),
            s.log(None).unwrap(),
            s.mocks().unwrap(),
        ),
        None => Default::default(),
    };
    compute(&StatsInput {
        cards: &deck.cards,
        tree: &deck.tree,
        states: &states,
        log: &log,
        mocks: &mocks,
        now: NOW,
        offset: 0,
        desired_retention: 0.9,
    })
}

fn screen(stats: Stats, w: u16, h: u16) -> String {
    let mut app = app_with("10-caching/01-caching.md", CANONICAL, w, h);
    app.update(
        prepdeck::app::Msg::StatsReady(Box::new(stats)),
        std::time::Instant::now(),
    );
    screen_text(&render(&app))
}

#[test]
fn the_figures_after_five_days_and_two_mocks() {
    let dir = tempfile::tempdir().unwrap();
    let store = simulated(dir.path());
    let s = figures(Some(&store));
    assert_eq!(s.reviews, 15);
    assert_eq!(s.streak_days, 5, "five days in a row, the last yesterday");
    assert_eq!(s.calendar.iter().filter(|d| d.reviews == 3).count(), 5);
    assert_eq!(s.mocks.len(), 2);
    // 12 recall checks (the first day's grades are first sightings), 2 of them Again.
    assert_eq!(s.retention_7d, Some(10.0 / 12.0));
    assert_eq!(s.topics.len(), 1);
    assert_eq!(s.forecast.iter().sum::<usize>(), 3);
}

#[test]
fn snapshots_with_data_and_empty() {
    let dir = tempfile::tempdir().unwrap();
    let store = simulated(dir.path());
    let full = figures(Some(&store));
    assert_snapshot!("stats_160x48", screen(full.clone(), 160, 48));
    let small = screen(full, 80, 24);
    assert_snapshot!("stats_80x24", small);
    assert!(small.contains("Reviews per day"));
    let empty = screen(figures(None), 160, 48);
    assert_snapshot!("stats_empty_160x48", empty);
    assert!(empty.contains("no reviews yet"));
    assert!(empty.contains("no mock interviews yet"));
    assert_snapshot!("stats_empty_80x24", screen(figures(None), 80, 24));
}

#[test]
fn json_agrees_with_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = dir.path().join("10-caching");
    std::fs::create_dir_all(&fixture).unwrap();
    std::fs::write(fixture.join("01-caching.md"), CANONICAL).unwrap();
    let data = dir.path().join("data");
    drop(simulated(&data));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(["stats", "--json", "--data-dir"])
        .arg(&data)
        .arg(dir.path())
        .env_remove("PREPDECK_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "cards",
        "reviews",
        "due_today",
        "streak_days",
        "retention_30d",
        "topics",
        "mocks",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["cards"], 3);
    assert_eq!(v["reviews"], 15);
    let topic = &v["topics"][0];
    for key in [
        "path",
        "cards",
        "new",
        "learning",
        "mastered",
        "due",
        "retention",
    ] {
        assert!(topic.get(key).is_some(), "topic missing {key}");
    }
    assert_eq!(v["mocks"].as_array().unwrap().len(), 2);
    assert!(v["mocks"][0].get("at").is_some() && v["mocks"][0].get("score").is_some());
    // The same store, read now, gives the same counts the screen shows.
    let store = Store::open(Some(&data)).unwrap();
    let s = figures(Some(&store));
    assert_eq!(v["reviews"], s.reviews);
    assert_eq!(v["mocks"].as_array().unwrap().len(), s.mocks.len());
}

#[test]
fn stats_work_on_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .args(["stats", "--data-dir"])
        .arg(dir.path())
        .env_remove("PREPDECK_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("212 cards: 212 new, 0 learning, 0 mastered; 0 due today"),
        "{text}"
    );
}

#[test]
fn without_colour_the_calendar_shades_by_glyph_and_counts_read_right() {
    let stats = figures(None);
    let deck = prepdeck::load::load_text("10-caching/01-caching.md", CANONICAL);
    let mut app = prepdeck::app::App::new(
        deck,
        prepdeck::theme::Theme::default().without_colors(),
        prepdeck::keymap::Keymap::default(),
    );
    app.update(
        prepdeck::action::Action::Resize(160, 48),
        std::time::Instant::now(),
    );
    app.update(
        prepdeck::app::Msg::StatsReady(Box::new(stats)),
        std::time::Instant::now(),
    );
    let text = screen_text(&render(&app));
    assert!(
        !text.contains('■'),
        "no colour, so no one glyph for every level:\n{text}"
    );
    assert!(text.contains('·'), "{text}");
    assert!(
        text.contains("█ mastered ▓ learning ░ new"),
        "each part of the mastery bar has its own glyph:\n{text}"
    );
    let one = prepdeck::stats::text::count(1, "review", "reviews");
    assert_eq!(one, "1 review");
    assert_eq!(prepdeck::stats::text::count(2, "day", "days"), "2 days");
}

#[test]
fn the_panels_scroll_within_bounds_and_home_end_go_to_the_ends() {
    use crate::common::press;
    use prepdeck::action::Action;
    use prepdeck::app::Screen;
    let scroll_and_selected = |app: &prepdeck::app::App| match app.screen() {
        Some(Screen::Stats(s)) => (s.scroll, s.selected),
        _ => panic!("not on the stats screen"),
    };
    let mut app = app_with("10-caching/01-caching.md", CANONICAL, 80, 24);
    app.update(
        prepdeck::app::Msg::StatsReady(Box::new(figures(None))),
        std::time::Instant::now(),
    );
    press(&mut app, &[Action::Bottom]);
    let (bottom, _) = scroll_and_selected(&app);
    assert!(bottom > 0, "the panels are taller than 24 rows");
    press(
        &mut app,
        &[Action::PageDown, Action::PageDown, Action::PageDown],
    );
    assert_eq!(
        scroll_and_selected(&app).0,
        bottom,
        "no scrolling past the end"
    );
    press(&mut app, &[Action::PageUp]);
    assert_eq!(
        scroll_and_selected(&app).0,
        bottom.saturating_sub(10),
        "one Page Up moves at once"
    );
    press(&mut app, &[Action::Top]);
    assert_eq!(scroll_and_selected(&app), (0, 0));
    press(&mut app, &[Action::Bottom, Action::Resize(80, 200)]);
    assert_eq!(
        scroll_and_selected(&app).0,
        0,
        "a taller terminal clamps the scroll"
    );
}
