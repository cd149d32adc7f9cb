//! Help on every screen, and the words about keys following the live keymap: the help
//! panel at 80×24 over each screen, and a person's rebinding of a grade key reaching the
//! hints, the grade bar and the help.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::rig::Rig;
use crate::common::{CANONICAL, app_with, press, render, screen_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use prepdeck::action::Action::{self, *};
use prepdeck::app::{App, Msg};
use prepdeck::config::Config;
use prepdeck::keymap::{Context, Keymap};
use prepdeck::mock::MockSettings;

/// Opens help over whatever is on screen, checks the panel lists that screen's keys,
/// snapshots it at 80×24, scrolls to its end and closes it again.
fn help_over(app: &mut App, name: &str, help_key: Action) {
    let context = app.context();
    press(app, &[help_key]);
    assert_eq!(app.context(), Context::Help, "{name}: help did not open");
    let text = screen_text(&render(app));
    assert!(text.contains(context.title()), "{name}:\n{text}");
    assert_snapshot!(format!("help_{name}_80x24"), text);
    press(app, &[Bottom, PageDown, MoveDown]);
    let bottom = screen_text(&render(app));
    assert!(
        bottom.contains("Keys can be changed"),
        "{name}: end not reachable:\n{bottom}"
    );
    press(app, &[Back]);
    assert_eq!(app.context(), context, "{name}: help did not close");
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(
            TextKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            Instant::now(),
        );
    }
}

#[test]
fn help_opens_on_every_screen() {
    let mut app = app_with("10-caching/01-caching.md", CANONICAL, 80, 24);
    help_over(&mut app, "browse", Help);
    press(&mut app, &[Search]);
    help_over(&mut app, "search", Help);
    press(&mut app, &[SearchCancel, OpenStats]);

    let mut r = Rig::new(80, 24);
    r.start();
    help_over(&mut r.app, "review_question", Help);
    r.press(TypeAnswer);
    help_over(&mut r.app, "review_typing", Help);
    r.press(FinishQuestion);
    help_over(&mut r.app, "review_answer", Help);
    for _ in 0..20 {
        if r.app.context() == Context::ReviewSummary {
            break;
        }
        r.press(Grade4);
    }
    help_over(&mut r.app, "review_summary", Help);
    r.press(Back);
    r.press(OpenStats);
    assert_eq!(r.app.context(), Context::Stats);
    help_over(&mut r.app, "stats", Help);

    let t0 = Instant::now();
    let mut mock = app_with("10-caching/01-caching.md", CANONICAL, 80, 24);
    press(&mut mock, &[OpenMock]);
    help_over(&mut mock, "mock_setup", Help);
    let settings = MockSettings {
        questions: 1,
        per_question: Some(Duration::from_secs(60)),
        total: None,
        spoken: false,
        written: false,
        seed: 1,
        topics: Vec::new(),
        follow_ups: false,
    };
    let mut mock = app_with("10-caching/01-caching.md", CANONICAL, 80, 24);
    assert!(mock.start_mock(settings, Vec::new(), t0));
    help_over(&mut mock, "mock_asking", Help);
    press(&mut mock, &[Pause]);
    help_over(&mut mock, "mock_paused", Help);
    press(&mut mock, &[Resume]);
    typed(&mut mock, "a cache in front");
    press(&mut mock, &[FinishQuestion]);
    assert_eq!(mock.context(), Context::Debrief);
    help_over(&mut mock, "debrief", Help);
    press(&mut mock, &[Grade3]);
    assert_eq!(mock.context(), Context::MockResult);
    help_over(&mut mock, "mock_result", Help);
}

/// The config that binds Good to `g` wherever a review grades (on the answer side `g`
/// also goes to the first key point by default, so that keeps `Home` only).
fn good_on_g() -> Keymap {
    let text = "[keys.review]\ngrade3 = [\"g\"]\n[keys.review_answer]\ngrade3 = [\"g\"]\ntop = [\"home\"]\n";
    let config = Config::parse(text, Path::new("config.toml")).unwrap();
    Keymap::from_config(&config, Path::new("config.toml")).unwrap()
}

#[test]
fn rebinding_a_grade_changes_every_place_it_is_shown() {
    let mut r = Rig::with_keymap(120, 40, good_on_g());
    r.start();
    let question = screen_text(&render(&r.app));
    assert!(question.contains("1/2/g/4 grade now"), "{question}");
    assert!(
        question.contains("1/2/g/4 grade"),
        "status hints:\n{question}"
    );
    assert!(question.contains(" g Good "), "grade bar:\n{question}");
    assert!(!question.contains(" 3 Good "), "{question}");

    r.press(Reveal);
    let answer = screen_text(&render(&r.app));
    assert!(answer.contains(" g Good "), "grade bar:\n{answer}");
    assert!(answer.contains("1/2/g/4 grade"), "status hints:\n{answer}");

    r.press(Help);
    let help = screen_text(&render(&r.app));
    let line = help
        .lines()
        .find(|l| l.contains("grade Good"))
        .expect("help lists grade Good");
    assert!(line.contains(" g "), "{line}");
    r.press(Back);

    // And the key works: g grades Good, 3 no longer does.
    let logged = r.logged();
    r.press(Grade3);
    assert_eq!(r.logged(), logged + 1);
    let now = Instant::now();
    let unbound = r.app.keymap().action(
        Context::ReviewAnswer,
        KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE),
    );
    assert_eq!(unbound, None);
    let _ = now;
}

#[test]
fn config_default_describes_each_action_for_its_own_screen() {
    let text = prepdeck::keymap::default_config_section();
    let stats = &text[text.find("[keys.stats]").unwrap()..];
    let toggle = stats.find("toggle = ").unwrap();
    let comment = stats[..toggle].lines().last().unwrap();
    assert!(comment.contains("sort"), "{comment}");
    assert!(!comment.contains("tick"), "{comment}");
    let _ = Msg::Message(String::new());
}
