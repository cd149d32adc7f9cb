//! The coverage hint on screen: `review --type` starts the checklist from the hint and
//! shows the matched words; the debrief shows "mentioned — check the claim" with its cue
//! as a third mark, distinct by glyph and by colour.

use std::time::Instant;

use crate::common::rig::Rig;
use crate::common::{press, render, screen_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use prepdeck::action::Action::{self, *};
use prepdeck::app::review::Side;
use prepdeck::app::{App, Screen};
use prepdeck::keymap::Keymap;
use prepdeck::load::load_text;
use prepdeck::mock::MockSettings;
use prepdeck::theme::{Role, Theme};

fn typed(text: &str) -> Vec<Action> {
    text.chars()
        .map(|c| TextKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect()
}

fn checklist(r: &Rig) -> Vec<bool> {
    match r.app.screen() {
        Some(Screen::Review(s)) => s.checklist.clone(),
        _ => panic!("not reviewing"),
    }
}

#[test]
fn review_type_opens_on_the_answer_box_and_starts_the_checklist_from_the_hint() {
    let mut r = Rig::new(100, 30);
    r.app.set_review_typing(true);
    r.start();
    assert_eq!(r.side(), Side::Typing, "the card opens on the answer box");
    // The first card: "When would you put a cache in front of a database?"
    for a in typed("I would cache read heavy workloads that have a high hit ratio.") {
        r.press(a);
    }
    r.press(FinishQuestion);
    assert_eq!(r.side(), Side::Answer);
    assert_eq!(checklist(&r), [true, false, false]);
    let text = screen_text(&render(&r.app));
    assert!(
        text.contains("matched: read heavy workloads, high hit ratio"),
        "{text}"
    );
    assert_snapshot!("review_typed_checklist_100x30", text);
    // The person changes a tick; the grade keeps what they confirmed.
    r.press(MoveDown);
    r.press(Toggle);
    assert_eq!(checklist(&r), [true, true, false]);
    r.press(Accept);
    let log = r.effects.store.log(None).unwrap();
    assert_eq!(log[0].coverage.map(|c| (c.covered, c.total)), Some((2, 3)));
    assert_eq!(
        log[0].typed_answer.as_deref(),
        Some("I would cache read heavy workloads that have a high hit ratio.")
    );
    assert_eq!(r.side(), Side::Typing, "the next card opens on the box too");
}

#[test]
fn revealing_without_typing_leaves_every_point_unticked() {
    let mut r = Rig::new(100, 30);
    r.app.set_review_typing(true);
    r.start();
    r.press(FinishQuestion);
    assert_eq!(r.side(), Side::Answer);
    assert_eq!(checklist(&r), [false, false, false]);
    assert!(!screen_text(&render(&r.app)).contains("matched:"));
}

const LOCKS: &str = "## Why does Terraform lock state?\n\n### Answer\nSo runs do not overwrite each other.\n\n### Key points\n- The backend stores one whole document, so without a lock the last writer silently overwrites the other run's changes\n- `-lock-timeout=5m` makes a queued CI job wait for the lock instead of failing at once\n- `force-unlock` is safe only after confirming the lock's **Who** and **Created** fields belong to a dead process\n";

/// A mock of the one card above, answered with `answer`, in its debrief.
fn debrief(theme: Theme, w: u16, h: u16, answer: &str) -> App {
    let mut app = App::new(
        load_text("10-iac/01-terraform.md", LOCKS),
        theme,
        Keymap::default(),
    )
    .with_clock(|| 1_795_349_100);
    app.update(Resize(w, h), Instant::now());
    let settings = MockSettings {
        questions: 1,
        per_question: None,
        follow_ups: false,
        ..MockSettings::default()
    };
    assert!(app.start_mock(settings, Vec::new(), Instant::now()));
    let mut keys = typed(answer);
    keys.push(FinishQuestion);
    press(&mut app, &keys);
    app
}

const CONTRADICTS: &str = "Without a lock the last writer silently overwrites the other run's changes in the backend document. In CI I set -lock-timeout=0 so queued jobs fail at once instead of waiting for the lock.";

#[test]
fn the_debrief_marks_a_doubted_claim_with_its_cue() {
    for (w, h) in [(80, 24), (120, 40)] {
        let app = debrief(Theme::default(), w, h, CONTRADICTS);
        let terminal = render(&app);
        let text = screen_text(&terminal);
        assert!(text.contains("[x] The backend stores"), "{text}");
        assert!(text.contains("[?] "), "{text}");
        assert!(
            text.contains("mentioned — check the claim: says 0, the point says"),
            "{text}"
        );
        assert_snapshot!(format!("debrief_doubt_{w}x{h}"), text);
        // The third mark has the warning colour, apart from covered and missed.
        let buffer = terminal.backend().buffer();
        let (x, y) = (0..h)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .find(|&(x, y)| {
                buffer[(x, y)].symbol() == "["
                    && buffer[(x + 1, y)].symbol() == "?"
                    && buffer[(x + 2, y)].symbol() == "]"
            })
            .expect("a [?] mark");
        assert_eq!(
            buffer[(x + 1, y)].fg,
            Theme::default().style(Role::Warning).fg.unwrap()
        );
        assert_ne!(
            Theme::default().style(Role::Warning).fg,
            Theme::default().style(Role::Good).fg
        );
    }
}

#[test]
fn without_colour_the_third_verdict_still_reads_apart() {
    let app = debrief(Theme::default().without_colors(), 120, 40, CONTRADICTS);
    let text = screen_text(&render(&app));
    assert!(text.contains("[?] "), "{text}");
    assert!(text.contains("[x] "), "{text}");
    assert!(text.contains("[ ] "), "{text}");
    assert!(text.contains("check the claim"), "{text}");
}
