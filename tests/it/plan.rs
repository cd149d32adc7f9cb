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
    let seen = s.grade("c", &CardState::new_card(), Grade::Good, NOW - 2 * DAY);
    let learned = s.grade("c", &seen, Grade::Good, NOW - 2 * DAY + 600);
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

/// The layouts fixture folder: 29 cards over a dozen files, 25 with an answer.
fn layouts() -> Deck {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts");
    prepdeck::load::load(&[prepdeck::load::ContentSource::Path(dir)]).unwrap()
}

#[test]
fn plan_as_text_on_track_and_when_it_does_not_fit() {
    let on_track = prepdeck::plan::text::render(&planned(&deck(), 9, 30).report);
    assert_snapshot!("plan_text_on_track", on_track);
    let big = layouts();
    let report = planned(&big, 3, 5).report;
    assert!(!report.on_track);
    let text = prepdeck::plan::text::render(&report);
    assert_snapshot!("plan_text_not_on_track", text);
    assert!(
        text.contains(&format!(
            "Not on track: {} cards in 3 days at 5 min a day needs about {} min a day",
            report.cards_in_scope, report.minutes_per_day_needed
        )),
        "{text}"
    );
    assert!(
        text.contains("Narrowest change:") && text.contains("Or:"),
        "{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn plan_json_has_every_field() {
    let home = tempfile::tempdir().unwrap();
    let fixture = crate::common::layout_fixture("canonical.md");
    let out = crate::common::prepdeck_in(
        home.path(),
        &[
            "plan",
            "--interview",
            "+14d",
            "--minutes-per-day",
            "20",
            "--json",
            &fixture,
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let today = prepdeck::plan::today(clock::now_unix(), clock::local_offset(clock::now_unix()));
    assert_eq!(v["interview_date"], clock::day_date(today + 14));
    assert_eq!(v["days_left"], 14);
    assert_eq!(v["cards_in_scope"], 3);
    assert_eq!(v["new_cards"], 3);
    assert_eq!(v["new_per_day"], 1, "3 new cards over 12 of 14 days");
    assert_eq!(v["minutes_per_day"], 20);
    assert!(v["minutes_per_day_needed"].as_u64().unwrap() <= 20);
    assert_eq!(v["on_track"], true);
    assert_eq!(v["readiness"], 0.0, "nothing seen yet");
    let predicted = v["predicted_readiness"].as_f64().unwrap();
    assert!((0.5..=1.0).contains(&predicted), "{predicted}");
    let topics = v["topics"].as_array().unwrap();
    assert_eq!(topics.len(), 1);
    for key in ["topic", "cards", "readiness", "predicted", "path"] {
        assert!(
            topics[0].get(key).is_some(),
            "topic has {key}: {}",
            topics[0]
        );
    }
    assert_eq!(topics[0]["cards"], 3);
    let mocks: Vec<&str> = v["mocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(mocks.len(), 5, "days 0, 3, 6, 9 and 12: {mocks:?}");
    assert!(mocks.iter().all(|d| clock::parse_date(d).is_some()));
    assert_eq!(*mocks.last().unwrap(), clock::day_date(today + 12));
    for key in [
        "scope",
        "missing_topics",
        "new_cards_until",
        "seconds_per_review",
        "pace_measured",
        "first_recall",
        "daily_minutes",
        "sweep_from",
        "changes",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["daily_minutes"].as_array().unwrap().len(), 14);
    // Shown again without options, the same plan; dropped, none.
    let again = crate::common::prepdeck_in(home.path(), &["plan", "--json", &fixture]);
    let w: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(w["interview_date"], v["interview_date"]);
    assert_eq!(w["minutes_per_day"], 20);
    let cleared = crate::common::prepdeck_in(home.path(), &["plan", "--clear"]);
    assert_eq!(cleared.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&cleared.stdout).contains("Plan dropped"));
    let none = crate::common::prepdeck_in(home.path(), &["plan", "--json", &fixture]);
    assert_eq!(String::from_utf8_lossy(&none.stdout).trim(), "null");
}

#[test]
fn dates_not_after_today_and_changes_without_a_plan_are_usage_errors() {
    let home = tempfile::tempdir().unwrap();
    let fixture = crate::common::layout_fixture("canonical.md");
    for (args, says) in [
        (
            vec!["--interview", "2020-01-01"],
            "`2020-01-01` is in the past",
        ),
        (vec!["--interview", "+0d"], "`+0d` is today"),
        (vec!["--interview", "soon"], "`soon` is not a date"),
        (
            vec!["--minutes-per-day", "45"],
            "there is no plan to change",
        ),
        (
            vec!["--interview", "+9d", "--topic", "Nowhere"],
            "no topic matches `Nowhere`",
        ),
    ] {
        let mut all = vec!["plan"];
        all.extend(&args);
        all.push(&fixture);
        let out = crate::common::prepdeck_in(home.path(), &all);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    let none = crate::common::prepdeck_in(home.path(), &["plan", "--json", &fixture]);
    assert_eq!(
        String::from_utf8_lossy(&none.stdout).trim(),
        "null",
        "nothing was set"
    );
    // With a plan set, --minutes-per-day alone changes only that.
    let set = crate::common::prepdeck_in(
        home.path(),
        &["plan", "--interview", "+9d", "--topic", "Queues", &fixture],
    );
    assert_eq!(
        set.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    assert!(String::from_utf8_lossy(&set.stdout).starts_with("Plan saved."));
    let changed = crate::common::prepdeck_in(
        home.path(),
        &["plan", "--minutes-per-day", "45", "--json", &fixture],
    );
    let v: serde_json::Value = serde_json::from_slice(&changed.stdout).unwrap();
    assert_eq!(v["minutes_per_day"], 45);
    assert_eq!(v["days_left"], 9);
    assert_eq!(v["scope"], serde_json::json!(["Queues"]));
    assert_eq!(v["cards_in_scope"], 1);
}

#[test]
fn prepdeck_opens_with_the_plans_new_cards_a_day_and_its_cards() {
    use prepdeck::cli::GlobalArgs;
    use prepdeck::commands;
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "[review]\nnew_per_day = 7\n").unwrap();
    let global = GlobalArgs {
        config: Some(config),
        data_dir: Some(home.path().join("data")),
        theme: None,
    };
    let settings = commands::settings(&global).unwrap();
    let open = || {
        let app = commands::build_app(deck(), &settings, true);
        let progress = commands::read_progress(&global).unwrap();
        commands::open_progress(app, progress, &settings, &global, Vec::new(), None)
    };
    let (app, effects) = open();
    assert_eq!(effects.queue.new_per_day, 7, "no plan: the config's");
    assert!(effects.queue.plan.is_none());
    assert!(app.plan_header().is_none());
    let now = clock::now_unix();
    let today = prepdeck::plan::today(now, clock::local_offset(now));
    drop(effects);
    let mut store = prepdeck::store::Store::open(global.data_dir.as_deref()).unwrap();
    store
        .save_plan(&prepdeck::store::StoredPlan {
            interview_date: clock::day_date(today + 9),
            topics: Vec::new(),
            minutes_per_day: 30,
            created_at: now,
        })
        .unwrap();
    drop(store);
    let (app, effects) = open();
    assert_eq!(effects.queue.new_per_day, 1, "3 new cards over 7 of 9 days");
    let plan = effects.queue.plan.as_ref().unwrap();
    assert_eq!(plan.cards.len(), 3);
    let header = app.plan_header().unwrap();
    assert_eq!(
        header.text(),
        "Interview in 9 days · on track · readiness 0%"
    );
    drop((app, effects));
    // A plan that cannot be read costs its line and its new cards, and says so.
    spoil_plan_date(home.path());
    let (mut app, effects) = open();
    assert_eq!(effects.queue.new_per_day, 7);
    assert!(app.plan_header().is_none());
    let said = app.take_message().unwrap();
    assert!(said.starts_with("the plan could not be read: "), "{said}");
}

#[test]
fn a_swept_card_says_why_it_is_asked() {
    use crate::common::rig::Rig;
    use prepdeck::app::Msg;
    use prepdeck::ids::CardId;
    use prepdeck::review::QueuePlan;
    let mut r = Rig::new(120, 40);
    let now = r.app.unix_now();
    let card = r.app.deck().cards[0].id.clone();
    // Learned a month ago and next due long after an interview two days from now.
    let s = Scheduler::default();
    let mut state = s.grade("c", &CardState::new_card(), Grade::Easy, now - 30 * DAY);
    state.due = now + 40 * DAY;
    r.app.update(
        Msg::Saved {
            changes: vec![(CardId::from(card.as_str()), Some(state))],
            note: None,
        },
        Instant::now(),
    );
    let day_start = now - now.rem_euclid(DAY);
    r.effects.queue.new_per_day = 0;
    r.effects.queue.plan = Some(QueuePlan {
        cards: [card].into(),
        sweep_from: day_start - DAY,
        due_from: day_start + 2 * DAY,
        at: day_start + 2 * DAY + 12 * 3_600,
    });
    r.start();
    let text = screen_text(&render(&r.app));
    assert!(
        text.starts_with(
            " Review · 1 left: 0 new, 0 learning, 1 due · sweep before the interview · "
        ),
        "{text}"
    );
    r.app.update(Action::Resize(80, 24), Instant::now());
    let small = screen_text(&render(&r.app));
    assert!(small.contains("sweep before the interview"), "{small}");
}

#[test]
fn a_stored_plan_that_cannot_be_read_says_what_to_do_and_can_be_replaced() {
    let home = tempfile::tempdir().unwrap();
    let fixture = crate::common::layout_fixture("canonical.md");
    let set = crate::common::prepdeck_in(home.path(), &["plan", "--interview", "+5d", &fixture]);
    assert_eq!(set.status.code(), Some(0));
    // A hand edit the schema lets through: month 19.
    spoil_plan_date(home.path());
    let shown = crate::common::prepdeck_in(home.path(), &["plan", &fixture]);
    let stderr = String::from_utf8_lossy(&shown.stderr);
    assert_eq!(shown.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("`2026-19-39` is not a date; `prepdeck plan --clear` drops the plan"),
        "{stderr}"
    );
    let changed =
        crate::common::prepdeck_in(home.path(), &["plan", "--minutes-per-day", "20", &fixture]);
    assert_eq!(
        changed.status.code(),
        Some(1),
        "a change needs the plan it changes"
    );
    let replaced = crate::common::prepdeck_in(
        home.path(),
        &["plan", "--interview", "+6d", "--json", &fixture],
    );
    assert_eq!(replaced.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&replaced.stdout).unwrap();
    assert_eq!(v["days_left"], 6);
}

/// Writes a date that is not one into the stored plan, as a damaged file would hold.
fn spoil_plan_date(home: &std::path::Path) {
    let db = home.join("data").join(prepdeck::store::DB_FILE);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE interview_plan SET interview_date = '2026-19-39'",
            [],
        )
        .unwrap();
}
