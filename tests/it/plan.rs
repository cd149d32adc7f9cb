//! The plan to an interview date: the browser's header line, the stats screen's
//! readiness panel and calendar marks, `prepdeck plan` as text and JSON, and the review
//! queue following the plan once prepdeck opens with one.

use std::collections::HashMap;
use std::time::Instant;

use crate::common::{CANONICAL, press, render, screen_text};
use insta::assert_snapshot;
use prepdeck::action::Action;
use prepdeck::app::App;
use prepdeck::clock;
use prepdeck::keymap::Keymap;
use prepdeck::load::{Deck, load_text};
use prepdeck::plan::{Pace, PlanInput, PlanSettings, Planned, forecast};
use prepdeck::schedule::{CardState, Grade, Scheduler};
use prepdeck::theme::{Role, Theme};

const DAY: i64 = 86_400;
/// 2026-11-22 12:00 UTC.
const NOW: i64 = 1_795_348_800;

fn deck() -> Deck {
    load_text("10-caching/01-caching.md", CANONICAL)
}

/// The fixture's first card learned two days ago, the others never seen.
fn states(deck: &Deck) -> HashMap<String, CardState> {
    let s = Scheduler::default();
    let seen = s.grade(&CardState::new_card(), Grade::Good, NOW - 2 * DAY);
    let learned = s.grade(&seen, Grade::Good, NOW - 2 * DAY + 600);
    HashMap::from([(deck.cards[0].id.clone(), learned)])
}

/// A plan to an interview `days` from NOW at `minutes` a day, worked out at NOW.
fn planned(deck: &Deck, days: i64, minutes: u32) -> Planned {
    let states = states(deck);
    let input = PlanInput {
        cards: &deck.cards,
        tree: &deck.tree,
        states: &states,
        scheduler: &Scheduler::default(),
        pace: Pace::default(),
        now: NOW,
        offset: 0,
        introduced_today: 0,
        include_unanswered: false,
    };
    let settings = PlanSettings {
        interview_day: clock::day_of(NOW, 0) + days,
        topics: Vec::new(),
        minutes_per_day: minutes,
    };
    forecast(&settings, &input, true)
}

/// The browser over the fixture with the plan set, on a `w` × `h` terminal.
fn browser(days: i64, minutes: u32, w: u16, h: u16) -> App {
    let deck = deck();
    let plan = planned(&deck, days, minutes);
    let states = states(&deck);
    let mut app = App::new(deck, Theme::default(), Keymap::default())
        .with_clock(|| NOW)
        .with_states(states)
        .with_plan(plan.tracker(&Scheduler::default()));
    app.update(Action::Resize(w, h), Instant::now());
    app
}

#[test]
fn the_browser_says_how_far_the_interview_is_and_how_ready_you_are() {
    let small = screen_text(&render(&browser(9, 30, 80, 24)));
    assert!(
        small.starts_with(" Interview in 9 days · on track · readiness "),
        "{small}"
    );
    assert_snapshot!("plan_header_80x24", small);
    let wide = browser(9, 30, 200, 50);
    assert_snapshot!("plan_header_200x50", screen_text(&render(&wide)));
    // "on track" is in the theme's good colour, the rest in its own roles.
    let terminal = render(&wide);
    let buffer = terminal.backend().buffer();
    let text = screen_text(&terminal);
    let at = text.find("on track").unwrap();
    let x = u16::try_from(text[..at].chars().count()).unwrap();
    let good = Theme::default().style(Role::Good);
    assert_eq!(buffer[(x, 0)].fg, good.fg.unwrap());
}

#[test]
fn a_plan_that_does_not_fit_shows_what_it_needs() {
    let app = browser(1, 1, 80, 24);
    let text = screen_text(&render(&app));
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with(" Interview tomorrow · behind: needs ")
            && first.contains(" min a day, not 1 · readiness "),
        "{first}"
    );
}

#[test]
fn the_header_row_moves_the_panes_down_and_clicks_still_land() {
    let mut app = browser(9, 30, 120, 40);
    let areas = app.areas();
    assert_eq!(areas.header.map(|r| r.y), Some(0));
    assert_eq!(areas.tree.map(|r| r.y), Some(1));
    // The tree's border is row 1, its first row 2: row 3 is the second.
    press(&mut app, &[Action::Click(5, 3)]);
    assert_eq!(app.browse().unwrap().tree.selected, 1);
    let without = crate::common::app_with("10-caching/01-caching.md", CANONICAL, 120, 40);
    assert_eq!(without.areas().header, None);
}

/// The stats screen over the fixture with the plan set, on a `w` × `h` terminal.
fn stats_screen(days: i64, minutes: u32, w: u16, h: u16) -> App {
    use prepdeck::store::{LoggedReview, ReviewMode};
    let mut app = browser(days, minutes, w, h);
    let deck = deck();
    let log: Vec<LoggedReview> = (0..2)
        .map(|i| LoggedReview {
            id: i + 1,
            card_id: deck.cards[0].id.clone(),
            at: NOW - 2 * DAY + i * 600,
            grade: Grade::Good,
            time_taken_ms: 40_000,
            coverage: None,
            mode: ReviewMode::Review,
            typed_answer: None,
            was_new: i == 0,
        })
        .collect();
    let stats = prepdeck::stats::compute(&prepdeck::stats::StatsInput {
        cards: &deck.cards,
        tree: &deck.tree,
        states: &states(&deck),
        log: &log,
        mocks: &[],
        now: NOW,
        offset: 0,
        desired_retention: 0.9,
    });
    let stats = prepdeck::stats::Stats {
        plan: Some(planned(&deck, days, minutes).report),
        ..stats
    };
    app.update(
        prepdeck::app::Msg::StatsReady(Box::new(stats)),
        Instant::now(),
    );
    app
}

#[test]
fn the_stats_screen_shows_readiness_per_topic_and_marks_the_plan_on_the_calendar() {
    let wide = screen_text(&render(&stats_screen(9, 30, 200, 50)));
    assert_snapshot!("plan_stats_200x50", wide);
    assert!(
        wide.contains("Readiness on Tue 2026-12-01, in 9 days"),
        "{wide}"
    );
    assert!(wide.contains("Reviews per day and the plan"), "{wide}");
    assert!(wide.contains("◆ mock interview planned  ★ the interview, Tue 2026-12-01"));
    // Three mocks and the interview on the calendar.
    assert_eq!(wide.matches('◆').count(), 3 + 1, "{wide}");
    assert_eq!(wide.matches('★').count(), 1 + 1, "{wide}");
    let small = screen_text(&render(&stats_screen(9, 30, 80, 24)));
    assert_snapshot!("plan_stats_80x24", small);
    assert!(small.contains("Readiness on Tue 2026-12-01"), "{small}");
    let behind = screen_text(&render(&stats_screen(1, 1, 80, 24)));
    assert!(behind.contains("behind: needs about"), "{behind}");
    // Without a plan the screen has neither.
    let mut plain = crate::common::app_with("10-caching/01-caching.md", CANONICAL, 200, 50);
    plain.update(
        prepdeck::app::Msg::StatsReady(Box::new(prepdeck::stats::Stats {
            plan: None,
            ..prepdeck::stats::compute(&prepdeck::stats::StatsInput {
                cards: &deck().cards,
                tree: &deck().tree,
                states: &HashMap::new(),
                log: &[],
                mocks: &[],
                now: NOW,
                offset: 0,
                desired_retention: 0.9,
            })
        })),
        Instant::now(),
    );
    let text = screen_text(&render(&plain));
    assert!(
        !text.contains("Readiness on") && !text.contains('◆'),
        "{text}"
    );
}

#[test]
fn the_header_line_and_the_panels_draw_at_every_size() {
    let states = [
        ("browser", browser(9, 30, 100, 30)),
        ("browser, behind", browser(1, 1, 100, 30)),
        ("stats", stats_screen(9, 30, 100, 30)),
        ("stats, behind", stats_screen(1, 1, 100, 30)),
    ];
    for (label, mut app) in states {
        let sizes = (1..=40u16)
            .flat_map(|w| (1..=12u16).map(move |h| (w, h)))
            .chain([(500, 200)]);
        for (w, h) in sizes {
            app.update(Action::Resize(w, h), Instant::now());
            let text = screen_text(&render(&app));
            assert_eq!(text.lines().count(), usize::from(h), "{label} at {w}x{h}");
        }
    }
}
