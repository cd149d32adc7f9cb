//! The mock interview on an injected clock: time-outs, early finish, pause, suspend,
//! abort, the debrief and the result; one snapshot per screen.

use std::time::{Duration, Instant};

use crate::common::{CANONICAL, app_with, render, screen_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use prepdeck::action::Action::{self, *};
use prepdeck::app::mock::Phase;
use prepdeck::app::{App, Effect, Screen};
use prepdeck::mock::MockSettings;
use prepdeck::theme::{Role, Theme};

fn settings(per_question: u64, total: Option<u64>) -> MockSettings {
    MockSettings {
        questions: 2,
        per_question: Some(Duration::from_secs(per_question)),
        total: total.map(Duration::from_secs),
        spoken: false,
        written: false,
        seed: 1,
        topics: Vec::new(),
        follow_ups: false,
    }
}

fn started(w: u16, h: u16, s: MockSettings, t0: Instant) -> App {
    let mut app =
        app_with("10-caching/01-caching.md", CANONICAL, w, h).with_clock(|| 1_795_349_100);
    assert!(app.start_mock(s, Vec::new(), t0));
    app
}

fn phase(app: &App) -> Phase {
    match app.screen() {
        Some(Screen::Mock(m)) => m.phase.clone(),
        _ => panic!("not in a mock"),
    }
}

fn type_text(app: &mut App, text: &str, at: Instant) {
    for c in text.chars() {
        app.update(
            TextKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            at,
        );
    }
}

fn at(t0: Instant, secs: f64) -> Instant {
    t0 + Duration::from_secs_f64(secs)
}

#[test]
fn early_finish_then_time_out_then_debrief_and_result() {
    let t0 = Instant::now();
    let mut app = started(100, 30, settings(3, None), t0);
    type_text(
        &mut app,
        "Read heavy workloads with a high hit ratio",
        at(t0, 0.5),
    );
    assert_eq!(app.update(FinishQuestion, at(t0, 1.0)), None);
    // The second question runs out: a tick after its 3 seconds locks it.
    assert_eq!(app.update(Tick, at(t0, 3.9)), None);
    assert_eq!(phase(&app), Phase::Asking);
    assert_eq!(app.update(Tick, at(t0, 4.1)), None);
    assert_eq!(phase(&app), Phase::Debrief);
    let Some(Screen::Mock(m)) = app.screen() else {
        unreachable!()
    };
    assert_eq!(m.answers.len(), 2);
    assert!(!m.answers[0].timed_out);
    assert_eq!(m.answers[0].time_used, Duration::from_secs(1));
    assert!(m.answers[1].timed_out);
    assert_eq!(m.answers[1].time_used, Duration::from_secs(3));
    app.update(Grade3, at(t0, 5.0));
    let effect = app.update(Grade1, at(t0, 6.0));
    let Some(Effect::MockFinished(result)) = effect else {
        panic!("expected the finished mock, got {effect:?}");
    };
    assert_eq!(result.answers.len(), 2);
    assert_eq!(
        result.answers[0].grade,
        Some(prepdeck::schedule::Grade::Good)
    );
    assert!(result.answers[1].grade.is_some());
    assert!(!result.aborted);
    assert_eq!(result.started_at, 1_795_349_100);
    assert_eq!(phase(&app), Phase::Result);
    app.update(Back, at(t0, 7.0));
    assert!(matches!(app.screen(), Some(Screen::Browse(_))));
}

#[test]
fn selection_is_deterministic_under_a_seed() {
    let t0 = Instant::now();
    let a = started(100, 30, settings(60, None), t0);
    let b = started(100, 30, settings(60, None), t0);
    let questions = |app: &App| match app.screen() {
        Some(Screen::Mock(m)) => m.questions.clone(),
        _ => Vec::new(),
    };
    assert_eq!(questions(&a), questions(&b));
    assert_eq!(questions(&a).len(), 2);
}

#[test]
fn pause_stops_the_clock_and_hides_the_question() {
    let t0 = Instant::now();
    let mut app = started(100, 30, settings(10, None), t0);
    app.update(Pause, at(t0, 2.0));
    assert!(matches!(
        phase(&app),
        Phase::Paused {
            confirm_abort: false
        }
    ));
    let question = {
        let Some(Screen::Mock(m)) = app.screen() else {
            unreachable!()
        };
        app.deck().cards[m.questions[0]].question.clone()
    };
    app.update(Tick, at(t0, 500.0));
    assert!(
        !screen_text(&render(&app)).contains(&question),
        "hidden while paused"
    );
    app.update(Resume, at(t0, 600.0));
    assert_eq!(phase(&app), Phase::Asking);
    app.update(Tick, at(t0, 607.0));
    assert_eq!(phase(&app), Phase::Asking, "8 of 10 seconds used");
    app.update(Tick, at(t0, 608.5));
    let Some(Screen::Mock(m)) = app.screen() else {
        unreachable!()
    };
    assert_eq!(
        m.answers.len(),
        1,
        "the first question timed out at 10 running seconds"
    );
}

#[test]
fn quitting_during_the_interview_asks_first() {
    let t0 = Instant::now();
    let mut app = started(100, 30, settings(60, None), t0);
    type_text(&mut app, "my answer", at(t0, 1.0));
    // The first quit pauses the clock and warns; the typed answer is still there.
    assert_eq!(app.update(Quit, at(t0, 2.0)), None);
    assert!(matches!(phase(&app), Phase::Paused { .. }));
    assert_eq!(app.message(), Some(prepdeck::app::mock::QUIT_WARNING));
    // Any other key disarms it: the next quit warns again.
    app.update(Resume, at(t0, 3.0));
    assert_eq!(phase(&app), Phase::Asking);
    assert_eq!(app.update(Quit, at(t0, 4.0)), None);
    assert_eq!(app.update(Quit, at(t0, 4.5)), Some(Effect::Quit));
}

#[test]
fn quitting_the_debrief_asks_first_and_the_setup_quits_at_once() {
    let t0 = Instant::now();
    let mut app = started(100, 30, settings(5, None), t0);
    // Both questions time out: the debrief opens.
    app.update(Tick, at(t0, 6.0));
    app.update(Tick, at(t0, 12.0));
    assert_eq!(phase(&app), Phase::Debrief);
    assert_eq!(app.update(Quit, at(t0, 13.0)), None);
    assert_eq!(phase(&app), Phase::Debrief);
    assert_eq!(app.update(Quit, at(t0, 14.0)), Some(Effect::Quit));

    let mut setup = app_with("10-caching/01-caching.md", CANONICAL, 100, 30);
    setup.update(OpenMock, t0);
    assert_eq!(setup.update(Quit, t0), Some(Effect::Quit));
}

#[test]
fn suspend_pauses_first() {
    let t0 = Instant::now();
    let mut app = started(100, 30, settings(10, None), t0);
    assert_eq!(app.update(Suspend, at(t0, 1.0)), Some(Effect::Suspend));
    assert!(matches!(phase(&app), Phase::Paused { .. }));
}

#[test]
fn total_time_ends_the_interview() {
    let t0 = Instant::now();
    let mut app = started(100, 30, settings(60, Some(5)), t0);
    app.update(Tick, at(t0, 5.5));
    assert_eq!(phase(&app), Phase::Debrief);
    let Some(Screen::Mock(m)) = app.screen() else {
        unreachable!()
    };
    assert_eq!(m.answers.len(), 1);
    assert!(m.answers[0].timed_out);
}

#[test]
fn abort_keeps_what_was_answered() {
    let t0 = Instant::now();
    let mut app = started(100, 30, settings(60, None), t0);
    type_text(&mut app, "partial", at(t0, 1.0));
    app.update(Pause, at(t0, 2.0));
    app.update(Abort, at(t0, 3.0));
    assert!(matches!(
        phase(&app),
        Phase::Paused {
            confirm_abort: true
        }
    ));
    // No, or a resume key, goes straight back to the question.
    app.update(Cancel, at(t0, 3.5));
    assert_eq!(phase(&app), Phase::Asking);
    app.update(Pause, at(t0, 3.6));
    app.update(Abort, at(t0, 3.7));
    app.update(Resume, at(t0, 3.8));
    assert_eq!(phase(&app), Phase::Asking);
    app.update(Pause, at(t0, 3.9));
    app.update(Abort, at(t0, 4.0));
    let text = screen_text(&render(&app));
    assert!(
        text.contains("y: abort and keep what was answered"),
        "{text}"
    );
    assert!(text.contains("n / Esc: resume"), "{text}");
    assert!(!text.contains("n / Esc:\n"), "no key is cut from its word");
    let status = text.lines().last().unwrap_or_default();
    assert!(
        status.contains("y abort") && status.contains("n/Esc resume"),
        "{status}"
    );
    app.update(Confirm, at(t0, 4.5));
    assert_eq!(phase(&app), Phase::Debrief);
    let effect = app.update(Grade2, at(t0, 5.0));
    let Some(Effect::MockFinished(result)) = effect else {
        panic!("{effect:?}")
    };
    assert!(result.aborted);
    assert_eq!(result.answers.len(), 1);
    assert_eq!(result.answers[0].answer, "partial");
}

#[test]
fn coverage_hint_premarks_points_and_can_be_overridden() {
    let t0 = Instant::now();
    let mut app = started(
        120,
        40,
        MockSettings {
            questions: 3,
            ..settings(60, None)
        },
        t0,
    );
    // Answer every question with words from the caching card's key points.
    for i in 0..3 {
        type_text(
            &mut app,
            "read-heavy workloads, high hit ratio; TTL invalidation",
            at(t0, 1.0 + i as f64),
        );
        app.update(FinishQuestion, at(t0, 2.0 + i as f64));
    }
    let Some(Screen::Mock(m)) = app.screen() else {
        unreachable!()
    };
    let caching = m
        .answers
        .iter()
        .position(|a| a.question.starts_with("When would you put a cache"))
        .unwrap();
    // Point 2 has many terms (its nested bullet counts); two of them are not enough.
    assert_eq!(m.answers[caching].covered, vec![true, false, false]);
    let hints = &m.answers[caching].hints;
    assert_eq!(hints[0].evidence, ["read-heavy workloads, high hit ratio"]);
    assert_eq!(hints[1].evidence, ["TTL invalidation"]);
    assert_eq!(hints[2].missing, ["Cache", "stampede", "protection"]);
    // Override the first point on the first question and grade.
    app.update(Toggle, at(t0, 10.0));
    let Some(Screen::Mock(m)) = app.screen() else {
        unreachable!()
    };
    assert_eq!(m.answers[0].covered[0], !m.answers[0].hints[0].covered());
}

#[test]
fn setup_screen_changes_settings_and_starts() {
    let t0 = Instant::now();
    let mut app = app_with("10-caching/01-caching.md", CANONICAL, 80, 24);
    app.update(OpenMock, t0);
    assert_eq!(phase(&app), Phase::Setup);
    assert_snapshot!("mock_setup_80x24", screen_text(&render(&app)));
    app.update(Decrease, t0); // questions 5 → 4
    app.update(MoveDown, t0);
    app.update(Decrease, t0); // 4m → 3m
    app.update(MoveDown, t0);
    app.update(MoveDown, t0);
    app.update(Toggle, t0); // spoken
    let Some(Screen::Mock(m)) = app.screen() else {
        unreachable!()
    };
    assert_eq!(m.setup.settings.questions, 4);
    assert_eq!(
        m.setup.settings.per_question,
        Some(Duration::from_secs(180))
    );
    assert!(m.setup.settings.spoken);
    app.update(Start, t0);
    assert_eq!(phase(&app), Phase::Asking);
    let Some(Screen::Mock(m)) = app.screen() else {
        unreachable!()
    };
    assert_eq!(
        m.questions.len(),
        3,
        "only three answered cards in the fixture"
    );
}

#[test]
fn snapshots_of_each_phase() {
    let t0 = Instant::now();
    let mut app = started(100, 30, settings(240, Some(600)), t0);
    type_text(&mut app, "I would cache when reads dominate.", at(t0, 1.0));
    app.update(Tick, at(t0, 10.0));
    assert_snapshot!("mock_question_100x30", screen_text(&render(&app)));
    app.update(Tick, at(t0, 215.0));
    let terminal = render(&app);
    assert_snapshot!("mock_last_30_seconds", screen_text(&terminal));
    let warn = Theme::default().style(Role::GaugeWarning).fg.unwrap();
    let gauge_row: Vec<_> = (0..100)
        .map(|x| terminal.backend().buffer()[(x, 1)].fg)
        .collect();
    assert!(
        gauge_row.contains(&warn),
        "the gauge turns to its warning colour"
    );
    app.update(Pause, at(t0, 216.0));
    assert_snapshot!("mock_paused", screen_text(&render(&app)));
    app.update(Resume, at(t0, 217.0));
    app.update(FinishQuestion, at(t0, 218.0));
    app.update(FinishQuestion, at(t0, 230.0));
    app.update(Action::Resize(120, 40), at(t0, 231.0));
    assert_snapshot!("mock_debrief_120x40", screen_text(&render(&app)));
    app.update(Grade3, at(t0, 232.0));
    app.update(Grade1, at(t0, 233.0));
    assert_snapshot!("mock_result_120x40", screen_text(&render(&app)));
}

#[test]
fn a_mock_whose_grades_the_disk_refuses_says_so_in_the_report_and_the_exit_status() {
    let mut r = crate::common::rig::Rig::new(100, 30);
    let t0 = Instant::now();
    let mut one = settings(60, None);
    one.questions = 1;
    assert!(r.app.start_mock(one, Vec::new(), t0));
    type_text(&mut r.app, "write-through with a TTL", at(t0, 1.0));
    r.effects.store.refuse_writes(true).unwrap();
    r.press(FinishQuestion);
    let effect = r.press(Grade3);
    assert!(
        matches!(effect, Some(Effect::MockFinished(_))),
        "{effect:?}"
    );
    let message = r.app.message().unwrap_or_default().to_string();
    assert!(message.contains("NOT saved"), "{message}");
    assert_eq!(r.app.grades_lost(), 1, "the exit status will be 1");
    assert_eq!(r.logged(), 0);
    let mocks = r.data_dir().join("mocks");
    let report = std::fs::read_dir(&mocks)
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(report).unwrap();
    assert!(text.contains("NOT saved to your progress"), "{text}");
    assert!(text.contains("1 of 1 grades"), "{text}");
}

#[test]
fn plain_mock_ticks_nothing_and_its_start_line_is_in_view_at_80x24() {
    let deck = prepdeck::load::load(&[prepdeck::load::ContentSource::Bundled]).unwrap();
    let answered = deck.cards.iter().filter(|c| !c.is_unanswered()).count();
    let mut app = crate::common::app_from_deck(deck, 80, 24);
    let t0 = Instant::now();
    app.open_mock_setup(MockSettings::default(), Vec::new(), t0);
    let text = screen_text(&render(&app));
    let start = format!("Enter starts: 5 questions from {answered} answered cards in all topics");
    assert!(text.contains(&start), "{text}");
    assert!(!text.contains("[x]"), "nothing is ticked:\n{text}");
    // And it draws from every topic: over a few seeds, several top-level areas appear.
    let mut areas = std::collections::BTreeSet::new();
    for seed in 0..8 {
        let mut app = crate::common::app_from_deck(
            prepdeck::load::load(&[prepdeck::load::ContentSource::Bundled]).unwrap(),
            80,
            24,
        );
        let settings = MockSettings {
            seed,
            ..MockSettings::default()
        };
        assert!(app.start_mock(settings, Vec::new(), t0));
        let Some(Screen::Mock(m)) = app.screen() else {
            unreachable!()
        };
        for &c in &m.questions {
            areas.insert(
                app.deck().cards[c]
                    .topic
                    .first()
                    .cloned()
                    .unwrap_or_default(),
            );
        }
    }
    assert!(areas.len() >= 4, "{areas:?}");
}

#[test]
fn the_interviewer_follows_up_on_a_shorter_clock_and_the_answer_is_kept() {
    let t0 = Instant::now();
    let mut one = settings(60, None);
    one.questions = 1;
    one.follow_ups = true;
    // The canonical fixture's first card has follow-ups; tick its topic.
    let mut app =
        app_with("10-caching/01-caching.md", CANONICAL, 100, 30).with_clock(|| 1_795_349_100);
    let node = app.topic_nodes("Caching")[0];
    let mut chosen = None;
    for seed in 0..20 {
        let mut s = one.clone();
        s.seed = seed;
        let mut probe =
            app_with("10-caching/01-caching.md", CANONICAL, 100, 30).with_clock(|| 1_795_349_100);
        assert!(probe.start_mock(s, vec![node], t0));
        let Some(Screen::Mock(m)) = probe.screen() else {
            unreachable!()
        };
        if !probe.deck().cards[m.questions[0]].follow_ups.is_empty() {
            chosen = Some(seed);
            break;
        }
    }
    one.seed = chosen.expect("a seed that asks a card with follow-ups");
    assert!(app.start_mock(one.clone(), vec![node], t0));
    type_text(&mut app, "main answer", at(t0, 1.0));
    app.update(FinishQuestion, at(t0, 2.0));
    assert_eq!(
        phase(&app),
        Phase::Asking,
        "a follow-up comes before the debrief"
    );
    let text = screen_text(&render(&app));
    assert!(text.contains("follow-up"), "{text}");
    assert!(text.contains("Follow-up: "), "{text}");
    // A third of 60 s is under the 45 s floor: 45 s, which runs out on its own.
    assert!(text.contains("0:45"), "{text}");
    type_text(&mut app, "my follow-up answer", at(t0, 3.0));
    app.update(Tick, at(t0, 2.0 + 45.5));
    assert_eq!(phase(&app), Phase::Debrief);
    let debrief = screen_text(&render(&app));
    assert!(debrief.contains("my follow-up answer"), "{debrief}");
    let effect = app.update(Grade3, at(t0, 50.0));
    let Some(Effect::MockFinished(result)) = effect else {
        panic!("{effect:?}")
    };
    let f = result.answers[0].follow_up.clone().expect("kept");
    assert_eq!(f.answer, "my follow-up answer");
    assert!(f.timed_out);
    let report = prepdeck::mock::report::markdown(&result, 0, None);
    assert!(report.contains("### Follow-up: "), "{report}");
    assert!(report.contains("> my follow-up answer"), "{report}");
    // The same seed asks the same follow-up.
    let mut again =
        app_with("10-caching/01-caching.md", CANONICAL, 100, 30).with_clock(|| 1_795_349_100);
    assert!(again.start_mock(one, vec![node], t0));
    again.update(FinishQuestion, at(t0, 1.0));
    let Some(Screen::Mock(m)) = again.screen() else {
        unreachable!()
    };
    assert_eq!(m.follow_up.as_deref(), Some(f.question.as_str()));
}

#[test]
fn snapshots_of_a_follow_up_and_the_abort_question() {
    for (w, h) in [(80, 24), (120, 40)] {
        let t0 = Instant::now();
        let mut s = settings(60, None);
        s.follow_ups = true;
        s.questions = 1;
        let mut app =
            app_with("10-caching/01-caching.md", CANONICAL, w, h).with_clock(|| 1_795_349_100);
        // The first question of this seed has follow-ups in the fixture.
        let mut seed = 0;
        loop {
            let mut probe = app_with("10-caching/01-caching.md", CANONICAL, w, h);
            let mut t = s.clone();
            t.seed = seed;
            assert!(probe.start_mock(t, Vec::new(), t0));
            let Some(Screen::Mock(m)) = probe.screen() else {
                unreachable!()
            };
            if !probe.deck().cards[m.questions[0]].follow_ups.is_empty() {
                break;
            }
            seed += 1;
        }
        s.seed = seed;
        assert!(app.start_mock(s, Vec::new(), t0));
        app.update(FinishQuestion, at(t0, 1.0));
        assert_snapshot!(
            format!("mock_follow_up_{w}x{h}"),
            screen_text(&render(&app))
        );
        app.update(Pause, at(t0, 2.0));
        app.update(Abort, at(t0, 3.0));
        assert_snapshot!(
            format!("mock_abort_question_{w}x{h}"),
            screen_text(&render(&app))
        );
    }
}

#[test]
fn the_debrief_cursor_stays_in_view_and_covers_its_whole_row() {
    let deck = crate::common::many_points_deck();
    let mut app = crate::common::app_from_deck(deck, 80, 24);
    let t0 = Instant::now();
    let mut one = settings(60, None);
    one.questions = 1;
    assert!(app.start_mock(one, Vec::new(), t0));
    crate::common::press(&mut app, &[FinishQuestion]);
    assert_eq!(phase(&app), Phase::Debrief);
    let selected = Theme::default().style(Role::Selection).bg.unwrap();
    for step in 0..12 {
        let terminal = render(&app);
        let text = screen_text(&terminal);
        let wanted = format!("point {}:", step + 1);
        let row = text
            .lines()
            .position(|l| l.contains(&wanted))
            .unwrap_or_else(|| panic!("point {} is off screen:\n{text}", step + 1));
        let row = u16::try_from(row).unwrap();
        let buffer = terminal.backend().buffer();
        let lit = (2..60).filter(|&x| buffer[(x, row)].bg == selected).count();
        assert!(lit > 30, "point {} row not highlighted", step + 1);
        crate::common::press(&mut app, &[MoveDown]);
    }
}
